"""Keep-side kinds of the heldout35-39 batches (issue 11): public people of Québec, Catalonia, the Czech lands and
other places the sets now cover (public_figures.toml, with their sources), their case forms in a declining
language, and places that a commenter's own name or handle also holds. Posts run through the real stage
(``[[private]]`` must go, ``{{keep}}`` must stay). The private people are synthetic; the public people are real
and the works theirs; the sentences are not from the sets."""
from __future__ import annotations

import pytest

from _kinds import K, anon, check, measure_rows, post  # noqa: F401  (the stage fixture, the post runner, one recognizer)


@pytest.mark.parametrize("lang,texts", [
    ("fr", ["Mes lectures de l'automne.",
            "Ma psy [[Ginette Lalonde]] m'a fait lire {{Gabrielle Roy}}, puis {{Michel Tremblay}} et {{Réjean Ducharme}}."]),
    ("fr", ["Musique.", "Mon chum écoute {{Gilles Vigneault}} et {{Félix Leclerc}} en boucle."]),
    ("ca", ["Llibres.", "La meva psicòloga, la [[Laia Ferrer]], em va recomanar {{Mercè Rodoreda}} i {{Francesc Tosquelles}}."]),
    ("ca", ["Música.", "A la consulta sonava {{Pau Casals}} i després {{Lluís Llach}}."]),
    ("en", ["Old records.", "My counsellor [[Imelda Quarrie]] had {{Ray Charles}} on in the waiting room."]),
    ("es", ["Poesía.", "Mi terapeuta [[Anselma Ruiz]] me leyó a {{Rosario Castellanos}} en la última sesión."]),
])
def test_public_people_of_the_new_languages_are_kept(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("texts", [
    # a listed figure's name in a Czech case form: instrumental, dative with the mobile e, genitive
    ["Hudba.", "Terapeutka [[Dagmar Horáková]] mi pustila něco od {{Antonína Dvořáka}}."],
    ["Knihy, které mi pomohly.", "Na gymnáziu jsme psali esej o {{Václavu Havlovi}} a teď v terapii znovu čtu knížky "
                                  "od {{Bohumila Hrabala}}, protože mi je doporučila moje psycholožka [[Dagmar Horáková]]."],
    # a composer's common surname alone, in the vocative, is a private person of that name
    ["Sbírka.", "Pane [[Dvořáku]], děkuju za dar. Doma s dětmi posloucháme {{Antonína Dvořáka}} každý večer."],
])
def test_public_people_in_czech_case_forms_are_kept(post, texts):
    post(texts, "cs")


@pytest.mark.parametrize("name,gone,kept", [
    # a Romance particle before a town of the gazetteers, in a display name with blanks, says where the commenter
    # lives: the town is no variant of the name alone; before a surname it is part of the name
    ("Odile de Rimouski", "rimouski", "odile"),
    ("Aina de Manacor", "manacor", "aina"),
    ("Ana de Souza", None, "souza"),
    # handles: the Romance "del"/"della" before a place, the Romance "en"/"a" before a place of the gazetteers
    ("quimeta_del_raval", "raval", "quimeta"),
    ("luz.en.cordoba", "cordoba", "luz"),
    ("bruna_a_chioggia", "chioggia", "bruna"),
    # Dutch "en" is "and": a given name after it stays the person's
    ("piet_en_marie", None, "marie"),
])
def test_a_home_town_in_a_commenter_name_is_no_variant(name, gone, kept):
    from therapy_threads.anonymise.identity import name_variants
    from therapy_threads.anonymise.lexicon import lexicon

    variants = name_variants(name, lexicon())
    assert kept in variants
    if gone is not None:
        assert gone not in variants


def _identity_rows(lang: str, commenter: str, texts: list[str]) -> list[str]:
    lines = ["@set rows", f"@lang {lang}", "@site rows.example.org", "@post A thread", "@author Writer | w@example.org |",
             texts[0]]
    for i, t in enumerate(texts[1:]):
        lines += [f"@comment c{i} | name={commenter}, email=c{i}@example.org, parent=", t]
    return lines


@pytest.mark.parametrize("lang,commenter,texts", [
    # a commenter named like a town: where the text says the writer comes from it or has been to it, it is the town
    ("pt", "Franca Oliveira", ["Terapia.", "Sou de {{Franca}}, interior de São Paulo, e faço terapia há dois anos com a mesma psicóloga."]),
    ("es", "Victoria Paredes", ["Terapia.", "Soy [[Victoria]], de {{Victoria}}, Argentina, y mi psicóloga se muda."]),
    ("en", "savannah_not_georgia", ["Moving.", "My therapist is moving and I have never even been to {{Savannah}}."]),
])
def test_a_commenter_named_like_a_town_keeps_the_town(anon, tmp_path, lang, commenter, texts):
    from _kinds import assert_empty

    score = measure_rows(anon, tmp_path, _identity_rows(lang, commenter, texts), "wxr")
    assert_empty(score)


@pytest.mark.parametrize("texts", [
    # a neighbourhood or village the gazetteers lack, where the sentence says someone comes from it
    ["Endings.", "Hi all, Tunde here, from {{Ogudu}}. My counsellor left in June."],
    ["Endings.", "My nani is from {{Kotturpuram}} and she never saw a therapist in her life."],
    ["Endings.", "Hello from {{Umlazi}}! My psychologist is moving to Durban."],
])
def test_a_home_the_gazetteers_lack_is_kept_after_from(post, texts):
    post(texts)


@pytest.mark.parametrize("text,expected", [
    ("My nani is from Kotturpuram and she never saw a therapist.", [("Kotturpuram", K)]),
    ("Ma counsellor's a lass fae Inverbroom, she's brilliant.", [("Inverbroom", K)]),
    # a message, a gift or help from someone is from a person; so is a full name or someone's
    ("I got a long text from Okwuosa last night.", []),
    ("My cousin is from Adaeze Okwuosa's side of the family.", []),
    ("She is from Okwuosa's family.", []),
    # a given name or a word after "from" is no place by this rule
    ("My mum is from Tunde's village.", []),
    ("He is from Nowhere.", []),
])
def test_unlisted_home_rule_of_the_place_recognizer(text, expected):
    from therapy_threads.anonymise.recognizers import PlaceRecognizer

    check(PlaceRecognizer, text, expected)
