"""Church, kin and respect titles before a name (heldout40/41: Ghanaian, Jamaican, Filipino and Indian English),
and the scorer's convention that a title inside a private label is not private. Synthetic names, real places."""
from __future__ import annotations

import re

import pytest

from _kinds import K, P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, one recognizer)

from therapy_threads.anonymise import evalset as ev
from therapy_threads.anonymise.recognizers import RelationRecognizer


# ---- 1. a church, kin or respect title before a name: the name goes, also when it is a word --------------------

@pytest.mark.parametrize("text,expected", [
    # the Pentecostal churches' titles, as "Pastor"
    ("She has a pastor she trusts, Prophet Boakye, who says every sickness is spiritual.", [("Boakye", P)]),
    ("Apostle Owusu-Ansah laid hands on her and prayed.", [("Owusu-Ansah", P)]),
    # a name that is also a word after a church or respect title
    ("Sister Faith brought soup, and Madam Comfort sat with me all night.", [("Faith", P), ("Comfort", P)]),
    ("Brother Delroy drove us to the church hall.", [("Delroy", P)]),
    ("Tito Bong and Tita Precious came to the wake.", [("Tito Bong", P), ("Tita Precious", P)]),
    # ... not an English kin word before a word of no name list ("Mother Nature", "Father Time")
    ("Father Time is not kind, and Mother Nature even less.", []),
])
def test_church_kin_and_respect_titles(text, expected):
    check(RelationRecognizer, text, expected)


@pytest.mark.parametrize("lang,texts", [
    # the sibling noun stays; a figure known by a title and a name stays ("Miss Lou", the poet Louise
    # Bennett-Coverley); the private person after a church title goes
    ("en", ["My {{sister}} said I should go. Mi granny used to recite {{Miss Lou}} poems to us.",
            "[[Prophet Boakye]] told her mother it was spiritual. Ask {{Father Christmas}} for patience.",
            "We read what the {{Prophet Muhammad}} said of patience, and [[Pastor Nkansah]] agreed."]),
])
def test_titled_figures_and_the_sibling_noun_stay(post, lang, texts):
    post(texts, lang)


# ---- 2. the scorer: a title inside a private label is not private --------------------------------------------

@pytest.mark.parametrize("word,honorific", [
    # church, kin and respect titles of the title data
    ("pastor", True), ("sister", True), ("brother", True), ("deacon", True), ("elder", True), ("bishop", True),
    ("father", True), ("auntie", True), ("uncle", True), ("tita", True), ("kuya", True), ("madam", True),
    ("prophet", True), ("mme", True), ("pani", True),
    # the forms the data lacks, kept by the scorer itself
    ("san", True), ("ssa", True),
    # names are never titles
    ("ofori", False), ("faith", False), ("delroy", False), ("precious", False),
])
def test_scorer_title_words(word, honorific):
    assert (word in ev._HONORIFICS) is honorific


@pytest.mark.parametrize("orig,published,leak", [
    ("Ask [[Pastor Ofori]] today.", "Ask Pastor [PERSON_3] today.", False),
    ("Ask [[Pastor Ofori]] today.", "Ask [PERSON_3] Ofori today.", True),
    ("Then [[Sister Faith]] came.", "Then Sister [PERSON_1] came.", False),
    ("Then [[Tita Precious]] came.", "Then Tita [PERSON_1] came.", False),
    # a label made only of title words is scored on all of them
    ("Then [[Granny]] came.", "Then Granny came.", True),
])
def test_scorer_title_inside_a_private_label(orig, published, leak):
    text = re.sub(r"\[\[|\]\]", "", orig)
    s = orig.index("[[")
    e = orig.index("]]") - 2
    t = ev.Text(text, [ev.Label(s, e, ev.PRIVATE, text[s:e])])
    sc = ev.score_text(t, published, "t")
    assert (sc.leaked != []) is leak, sc.leaked
