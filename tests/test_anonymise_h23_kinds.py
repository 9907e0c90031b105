"""Kinds of failure a held-out batch showed (Canarian Spanish, Czech, Brazilian Portuguese with Japanese
names), each as a small table of text -> spans. All names and sentences are synthetic."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise.recognizers import (ChatSenderRecognizer, HandleRecognizer, JoinedPlaceRecognizer,
                                                   PublicFigureRecognizer, RelationRecognizer, RoyalRecognizer)

from therapy_threads.anonymise.multilingual import IntroFromPlaceRecognizer

from _kinds import K, P, anon, check, run  # noqa: F401  (the stage fixture and runner)


@pytest.mark.parametrize("lang,text,expected", [
    # gazetteer places of several words joined by a lower-case "of"
    ("es", "Vivo en Puerto de la Cruz desde hace años.", [("Puerto de la Cruz", K)]),
    ("es", "Ramona, Icod de los Vinos, 40 años.", [("Icod de los Vinos", K)]),
    ("es", "Trabajo en Las Palmas de Gran Canaria.", [("Las Palmas de Gran Canaria", K)]),
    ("pt", "Moro em Mogi das Cruzes com a família.", [("Mogi das Cruzes", K)]),
    ("cs", "Bydlím v Ústí nad Labem.", [("Ústí nad Labem", K)]),
    # a person's name with a particle is no place
    ("es", "Hablé con Rosaura de la Vega ayer.", []),
    # a declined two-word place read back to the gazetteer's nominative
    ("cs", "Odjel do Hradce Králové na kliniku.", [("Hradce Králové", K)]),
    ("cs", "Půjdu k ní do Králova Pole.", [("Králova Pole", K)]),
    ("cs", "Byla jsem u Bedřišky Kalousové.", []),
])
def test_places_of_several_words(lang, text, expected):
    check(JoinedPlaceRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    # "gran" is "great" in Spanish: no grandmother before "Canaria"
    ("es", "Se va a Gran Canaria en enero.", []),
    ("es", "Mi tía Nieves se queda.", [("Nieves", P)]),
    ("en", "I went to see Gran Maisie on Sunday.", [("Maisie", P)]),
])
def test_an_adjective_of_the_language_is_no_kin_word(lang, text, expected):
    check(RelationRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("es", "Lo pego:\n\n03/02/26, 21:05 - Tía Remigia 🌸: ay mi niña\n03/02/26, 21:06 - Yurena Prima 🐟: yo fui",
     [("Remigia", P), ("Yurena", P)]),
    ("es", "14/11/26, 9:02 p. m. - Anelis: bueno les cuento", [("Anelis", P)]),
    ("pt", "[07/03/26, 08:14:22] Mãe Jussara: bom dia", [("Jussara", P)]),
    ("es", "Nos vemos a las 20:14 - dijo: vale", []),  # no date before the clock: no export line
])
def test_the_sender_of_a_chat_export_line(lang, text, expected):
    check(ChatSenderRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("es", "Hola a todas. Remigia desde Telde, Gran Canaria. Yo también pasé por eso.", [("Remigia", P)]),
    ("pt", "Oi gente. Jussara de Londrina, 52 anos.", [("Jussara", P)]),
    ("es", "Saludos desde Telde, y ánimo.", []),  # a greeting, no name
    ("es", "Escribo desde Telde, donde llueve.", []),  # a verb, no name
])
def test_a_writer_naming_themself_then_where_from(lang, text, expected):
    check(IntroFromPlaceRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,texts", [
    # a case form of a name accepted in the post (Czech declension), before a declined place
    ("cs", ["Paní Mgr. [[Vondroušková]] má volno ve čtvrtek.", "Pak uvidím, jestli půjdu k [[Vondrouškové]] do {{Králova Pole}}."]),
    ("cs", ["Jsem [[Bohumila]] z Brna.", "Díky, jako terapeutka od [[Bohumily]], ze {{Zlína}}."]),
    # a short form a long given name is clipped to, and a pet form by the language's diminutive ending
    ("es", ["Les pego esto con permiso de mi prima [[Yaritzamar]] ([[Yaritz]] para la familia).", "Se lo digo a [[Yaritz]]."]),
    ("pt", ["Eu fiz terapia com a [[Rosalva]] e foi bom.", "A gente chama ela de [[Rosalvinha]] no bairro."]),
    # a name a chat export's sender line gave, in lower case after a kinship word
    ("es", ["Lo pego:\n\n03/02/26, 21:05 - Tía [[Remigia]]: ay mi niña\n03/02/26, 21:06 - [[Yurena]] Prima: "
            "tía [[remigia]] no llores"]),
    # a surname accepted in the post that is a word the frequency list holds only in its other case forms
    ("cs", ["Jmenuju se Ladislav [[Král]], bydlím v Brně a chodím na terapii.",
            "Každé léto jede na hory a já jsem jako malý {{král}} bez království, když je pryč."]),
    # a pet form that is a word stays the word
    ("es", ["Mi hermana [[Rosa]] vino a verme el domingo.", "Hemos pasado una tarde muy {{bonita}} en casa de mis padres."]),
])
def test_other_forms_of_an_accepted_name(anon, tmp_path, lang, texts):
    sc = run(anon, tmp_path, texts, lang)
    assert sc.private_removed == sc.private_total and sc.keep_intact == sc.keep_total, (sc.leaked, sc.damaged)


@pytest.mark.parametrize("lang,text,expected", [
    # a listed figure's name in a case form of a language that declines names
    ("cs", "Mám citát od Viktora Frankla na lednici.", [("Viktora Frankla", K)]),
    ("cs", "Četla jsem Frankla dvakrát.", [("Frankla", K)]),
    ("cs", "Mám citát od Viktora Kopeckého na lednici.", []),  # no listed figure
])
def test_case_forms_of_public_figures(lang, text, expected):
    check(PublicFigureRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    # a listed "Given Surname1 Surname2" named by the given name and the first surname
    ("es", "como dice la de la tele, la Marian Rojas, hay que despedirse", [("Marian Rojas", K)]),
    ("es", "Mi vecina Marian Ortega vino.", []),
])
def test_given_name_and_first_surname_of_a_listed_figure(lang, text, expected):
    check(PublicFigureRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("cs", "Vyhnala by vás koštětem, jako kněžna Libuše.", [("kněžna Libuše", K)]),
])
def test_a_royal_title_before_a_declined_given_name(lang, text, expected):
    check(RoyalRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("cs", "Viděla to na TikToku a na YouTubu.", []),  # case forms of services' names
    ("cs", "Napiš Bedřišce, jmenuje se tam ModraRybka.", [("ModraRybka", P)]),
])
def test_case_forms_of_run_together_service_names(lang, text, expected):
    check(HandleRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    # where the sender lives and the respect words saved beside the name stay
    ("en", "[12/10/26, 9:44 pm] Bittu Bhaiya Dubai: is it back pain?\n[12/10/26, 9:45 pm] Chachi Ji 2: ok",
     [("Bittu", P)]),
    ("en", "[3/11/2026, 7:16:48 pm] Damo cuz: LOL the only question", [("Damo", P)]),
])
def test_the_sender_of_a_chat_export_line_less_places_and_respect_words(lang, text, expected):
    check(ChatSenderRecognizer, text, expected, lang=lang)
