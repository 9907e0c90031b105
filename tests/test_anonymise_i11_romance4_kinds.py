"""Kinds of failure the heldout46 batch showed (a Cádiz forum, an Azorean blog, a Neapolitan forum, a Lower-
Bavarian blog, a Martinican blog) and that heldout42-44 left: titles the data lacked, surnames that are words or
towns after a title, pet forms of given names. Each as a small labelled post: ``[[x]]`` must go, ``{{x}}`` must stay.
All names and sentences are synthetic."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    # the faculty of a German doctorate after "Dr." and the professor's feminine ending: a title chain, and the word
    # after it a surname whatever else it is
    ("de", ["Meine Hausärztin, [[Frau Dr. med. Freude]], hat mich überwiesen. Das war ein Glück für mich.",
            "Bei [[Prof.in Dr. Hanne Kleinert]] habe ich studiert, und [[Prof.in Kleinert]] sagt das auch."]),
    ("de", ["Der [[Dr. jur. Wendlinger]] hat den Vertrag geprüft.",
            "Unser [[Stadtpfarrer Kreuzeder]] und der [[Domkapitular Obermaier]] waren beide beim Fest."]),
])
def test_german_titles_the_data_lacked(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # a town's name or its "-er" adjective after "Herr"/"Frau" is a surname (names of origin), the town itself stays
    ("de", ["Gestern war [[Herr Kölner]] in der Praxis, aber ein {{Kölner}} ist er nicht, er kommt aus {{Passau}}."]),
])
def test_german_town_surnames_after_a_title(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # a pet form the language clips from a given name, in lower-case chat, no form the names data lists: the last
    # syllables ("menico" of Domenico), a double name's first name with the second's first syllable ("joseca" of
    # José Carlos)
    ("it", ["ieri sera [[menico]] è venuto a cena, tutto bene", "che bello"]),
    ("es", ["ayer [[joseca]] vino a cenar, todo bien", "que bien"]),
])
def test_clipped_pet_forms(post, lang, texts):
    post(texts, lang)


def test_clipped_pet_forms_are_derived_not_listed():
    from test_anonymise_recognizers import CUES

    from therapy_threads.anonymise.multilingual import LanguageNameRecognizer, language_cues
    lcs = language_cues()[0]
    r = LanguageNameRecognizer(CUES)
    for w, lang in (("menico", "it"), ("joseca", "es")):
        assert not r.given(w) and r.clipped_given(w, lcs[lang]), w  # derived, not read from a list
    # words of the language are no clipped forms; a language without clippings has none
    assert not r.clipped_given("casa", lcs["it"]) and not r.clipped_given("perro", lcs["es"])
    assert not r.clipped_given("menico", lcs["pl"])


def test_the_scorer_reads_the_anonymisers_title_data():
    # one home for titles: the forms the scorer once listed on its own are the title data's, and a title ending
    # written after the period ("Prof.in") is read from it too
    from therapy_threads.anonymise import evalset as ev
    for w in ("psych", "univ", "ssa", "dottore", "psi", "psikolog", "κύριος", "κυρια", "mevrou", "mejuffrou",
              "páni", "judr", "doktorko", "med", "domkapitular", "monsignore"):
        assert w.casefold() in ev._HONORIFICS, w  # (as the scorer reads a token: case-folded, "ς" as "σ")
    label = "Prof.in Dr. Ada Xyl"
    assert ev._TITLE_ENDING.match(label, label.index("in"))
    assert not ev._TITLE_ENDING.match("Martin", 4)
