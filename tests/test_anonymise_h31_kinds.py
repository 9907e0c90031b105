"""Kinds of failure the held-out batch heldout31 showed (Algerian/Kabyle French, Salvadoran Spanish, Timorese
Portuguese, Moluccan Dutch, Indo-Fijian English), each as a small table. Posts run through the real stage
(``[[private]]`` must go, ``{{keep}}`` must stay). All names of people are synthetic; places are real."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    # the official form surname first in capitals with a Berber or Arabic particle ("AIT", "OU", "BEN") before it
    ("fr", ["Bonjour à tous.", "La lettre est arrivée au nom de « [[AIT BELKACEMI Tiziri]] » chez ma mère."]),
    ("fr", ["Bonjour à tous.", "Sur la convocation il y a « [[BEN HAMMOUDI Lounès]] », avec le tampon."]),
    # the registry form all in capitals, the given names in capitals too and a middle initial
    ("es", ["Hola a todos.", "El papel dice \"[[ARGUETA LEMUS, ROSALBA M.]]\" y me dio pena."]),
    # ... but a line shouted in capitals is no name
    ("es", ["Hola a todos.", "URGENTE, AYUDA POR FAVOR, no sé qué hacer con mi {{ansiedad}}."]),
])
def test_h31_official_forms(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # a form of address, a particle and a surname in lower-case chat
    ("nl", ["hoi allemaal", "mijn mentor [[mevrouw de bruijn]] heeft me echt geholpen om het te zeggen"]),
    ("nl", ["hoi allemaal", "bij [[meneer van der meulen]] had ik altijd wiskunde en dat ging wel"]),
    ("fr", ["salut a tous", "c'est [[mme ait ouali]] notre prof qui m'a dit de venir"]),
    # ... but not a noun of the language after an article
    ("nl", ["hoi allemaal", "ik heb een brief gestuurd naar mevrouw de {{directeur}} van school"]),
])
def test_h31_lower_title_particle(post, lang, texts):
    post(texts, lang)


def test_h31_lower_title_particle_common_surname(post):
    # a surname that is a frequent word too ("jong", "berg") after a title and a particle
    post(["hoi allemaal", "mijn mentor [[mevrouw de berg]] heeft me geholpen"], "nl")


def test_h31_central_american_licda(post):
    post(["hola a todos", "nos mandaron con una psicologa, la [[licda. menendez]], y cambio todo"], "es")


def test_h31_clipped_short_form(post):
    # the short form a long given name is clipped to, which is a word only of languages the post is not in
    post(["Ik ben [[Priscilla]], en ik vertel vandaag over mijn therapie.",
          "Dank je [[Pris]], wat een moedig verhaal.",
          "[[Pris]], je bent niet alleen. Groetjes uit {{Tiel}}."], "nl")


@pytest.mark.parametrize("lang,texts", [
    # a compound whose head is a relation noun is a profession, not a name after "ik ben"
    ("nl", ["Hoi allemaal.", "Ik ben {{GZ-psycholoog}} in {{Assen}} en werk veel met families."]),
    ("nl", ["Hoi allemaal.", "Ik ben {{Kinder-psycholoog}} en herken dit."]),
])
def test_h31_profession_compound(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # a word and the apostrophe-year of a body or event; an acronym after a relation noun
    ("nl", ["Hoi allemaal.", "Via {{Centrum '45}} heb ik mijn vader een plek gevonden."]),
    ("nl", ["Hoi allemaal.", "Mijn opa was sergeant bij het {{KNIL}}, mijn oma [[Roosje]] kwam van {{Saparua}}."]),
])
def test_h31_dutch_bodies(post, lang, texts):
    post(texts, lang)


def test_h31_handle_place_part_is_where(anon, tmp_path):
    # a later part of a handle written with capitals that is a town of the gazetteer (and no surname of the
    # lists) says where the commenter is: the town stays where the text names it; the same for a display
    # name with Dutch "uit" or Malay "dari" before the town
    from _kinds import assert_empty, measure_rows
    lines = ["@set rows", "@lang fr", "@site rows.example.org", "@post Un fil", "@author Auteur | a@example.org |",
             "Bonjour à tous.",
             "@comment c1 | name=Nadir_Azazga, email=n@example.org, parent=",
             "Je suis [[Nadir]], mon père est enterré près d'{{Azazga}}.",
             "@comment c2 | name=Wim uit Tiel, email=w@example.org, parent=",
             "Ik woon in {{Tiel}} en ik ben [[Wim]]."]
    for form in ("capture", "wxr"):
        assert_empty(measure_rows(anon, tmp_path, lines, form))


@pytest.mark.parametrize("lang,texts", [
    # a body named after a person by title and name, after its head noun and other words of its name
    ("es", ["Hola a todos.", "El nombre oficial es {{Hospital Nacional General Dr. Ramón Arévalo Funes}}, pero nadie le dice así."]),
    # the same in lower-case chat: a head noun, then a given name and a surname
    ("fr", ["salut a tous", "je suis etudiante a l'{{université amar boudjema}} en master"]),
    # Dutch head nouns, and the Indonesian "Universitas" in Moluccan Dutch
    ("nl", ["Hoi allemaal.", "Ik ben docent aan de {{Universitas Kapitan Latupeirissa}} in {{Ambon}}."]),
    ("nl", ["Hoi allemaal.", "Mijn opa woonde in {{kamp Westerbork}} en daarna in {{woonoord Lunetten}}."]),
])
def test_h31_bodies_named_after_people(post, lang, texts):
    post(texts, lang)


def test_h31_verb_with_clitic_is_no_name(post):
    # a verb with a hyphened pronoun after a relation noun is the verb; the name after it is the person
    post(["Olá a todos.", "A minha prima {{chama-se}} [[Filomena]], claro, como a avó."], "pt")
    post(["Olá a todos.", "E a minha prima chama-se [[Fátima]], claro, como o santuário."], "pt")


def test_h31_lower_name_word_dutch(post):
    # a name that is a word, written in lower case by its owner: the person where named or addressed, the word after
    # a negative article
    post(["Welkom bij de podcast.",
          "hoi ik ben [[lintang]], 17, uit {{culemborg}}. echt mijn naam is [[lintang]] en nee ik ben geen {{lintang}} van iemand.",
          "Dank voor alle reacties. [[lintang]], je bent niet te veel. Tot over twee weken."], "nl")


@pytest.mark.parametrize("lang,texts", [
    # national heroes and historical figures of the sourced list, named in full
    ("nl", ["Hoi allemaal.", "Ik heet zo naar {{Kapitan Pattimura}}, en mijn zus naar {{Martha Christina Tiahahu}}."]),
    ("es", ["Hola a todos.", "Mi abuela leía a {{Roque Dalton}} y rezaba por {{Monseñor Romero}}."]),
])
def test_h31_public_figures(post, lang, texts):
    post(texts, lang)


def test_h31_handle_part_in_own_email_is_name(anon, tmp_path):
    # a later part of the handle that is a town too, but written in the commenter's own e-mail address, is the surname
    from _kinds import assert_empty, measure_rows
    lines = ["@set rows", "@lang pt", "@site rows.example.org", "@post Um fio", "@author Autora | a@example.org |",
             "Olá a todos.",
             "@comment c1 | name=Dr_Rui_Nagai, email=rui.nagai@example.com.br, parent=",
             "Sou psiquiatra em {{Curitiba}} ([[Rui Nagai]]) e escrevo como leitor."]
    assert_empty(measure_rows(anon, tmp_path, lines, "wxr"))
