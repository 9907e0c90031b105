"""Kinds of heldout37-39 (and the greidboer regression of heldout33) in bylines, propagation, titles and initials,
each as a small table with synthetic names and real places. ``check`` runs one recognizer on one text; ``post`` runs a
labelled post through the real stage (``[[private]]`` must go, ``{{keep}}`` must stay)."""
from __future__ import annotations

import pytest

from _kinds import K, OVERREMOVED, P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, one recognizer)
from test_anonymise_recognizers import CUES

from therapy_threads.anonymise.bylines import byline_matches, place_fields


def _fields(texts, lang):
    return place_fields([(t, lang) for t in texts], CUES)


# ---- 1. a place a news site prints in every byline is the site's field, not part of a name ----------------------

@pytest.mark.parametrize("lang,texts,fields,places", [
    # every reader's town after the same word under the same lead, three or more readers: the site's template
    ("nl", ["Reactie van Wietske uit Bolsward · 👍 12\nMooi.", "Reactie van Gerbrich Zwart uit Workum · 👍 7\nJa.",
            "Reactie van hinke_fan_jorwert uit Jorwert · 👍 3\nDank.", "Reageer op Wietske · 👍 2\nKlopt."],
     {(("reactie", "van"), "uit")}, {"bolsward", "workum", "jorwert"}),
    ("en", ["Comment from Moira in Oban · 3 likes\nYes.", "Comment from Ailsa Grant in Fort William · 1 like\nSame.",
            "Comment from Hamish in Ullapool · 9 likes\nAye."],
     {(("comment", "from"), "in")}, {"oban", "fort william", "ullapool"}),
    # a display name a member typed with a place, among bylines without one: no field, the name stays whole
    ("de", ["Antwort von Resli aus Brugg · 02.12.2026, 10:02\nJa.", "Antwort von Fridolin Aebi · 01.12.2026, 08:10\nNein.",
            "Antwort von Zora_77 · 01.12.2026, 09:10\nHm.", "Antwort von Ottilie K. · 01.12.2026, 11:10\nOk."],
     set(), set()),
    # one poster three times is one display name, not a template
    ("it", ["Checco da Jesi · 2 g\nSì.", "Checco da Jesi · 1 g\nNo.", "Checco da Jesi · 5 h\nForse."], set(), set()),
])
def test_place_field_of_a_sites_bylines(lang, texts, fields, places):
    got_fields, got_places = _fields(texts, lang)
    assert (set(got_fields), set(got_places)) == (fields, places)


@pytest.mark.parametrize("lang,line,fields,expected", [
    # with the page's field the name is read without the place, a role in brackets before the field included
    ("nl", "Reactie van Wietske uit Bolsward · 👍 12", {(("reactie", "van"), "uit")}, ["Wietske"]),
    ("nl", "Reactie van Jildou Smit (psycholoog) uit Leeuwarden · 👍 35", {(("reactie", "van"), "uit")},
     ["Jildou Smit (psycholoog)"]),
    # without it the display name is whole
    ("nl", "Reactie van Wietske uit Bolsward · 👍 12", set(), ["Wietske uit Bolsward"]),
    # "Reageer op X": the site's word and the language's "to" open the line, the name follows them
    ("nl", "Reageer op hinke_fan_jorwert · 👍 19", set(), ["hinke_fan_jorwert"]),
    ("it", "Nives da Urbino · 4 h", set(), ["Nives da Urbino"]),
])
def test_byline_read_with_the_page_fields(lang, line, fields, expected):
    got = [line[a:b] for a, b in byline_matches(line, lang, CUES, frozenset(fields))]
    assert got == expected


@pytest.mark.parametrize("lang,texts", [
    # the towns of a news site's bylines stay, in the bylines and where the post names them; the handle's town too
    ("nl", ["Ik melk tussen {{Bolsward}} en {{Jorwert}}, al twintig jaar.",
            "Reactie van [[Wietske]] uit {{Bolsward}} · 👍 12\nMooi geschreven.",
            "Reactie van [[hinke_fan_jorwert]] uit {{Jorwert}} · 👍 3\nHerkenbaar, buurman.",
            "Reactie van [[Gerbrich Zwart]] uit {{Workum}} · 👍 7\nDank je.",
            "Reageer op [[Wietske]] · 👍 2\nDank, [[Wietske]]."]),
])
def test_site_place_field_stays_a_place(post, lang, texts):
    post(texts, lang, OVERREMOVED)


# ---- 2. a title before a name that is also a word; a title before a public figure's surname -------------------

from therapy_threads.anonymise.recognizers import TitleRecognizer  # noqa: E402


@pytest.mark.parametrize("text,expected", [
    # a given name or surname of the lists after a title is the person, though the post writes the word in lower case
    ("To be frank, if you bring it up and Dr. Frank is willing, go.", [("Frank", P)]),
    ("it is a young clinic. Mrs Young said it won't be long.", [("Young", P)]),
    ("I mark every session. Dr Mark Ellery moved away.", [("Mark Ellery", P)]),
    # ... but what someone is or plays, after a copula, is a personification; a word of no name list stays a word
    ("no charity here, he is not Mr. Charity", [("Charity", K)]),
    ("she was such a Miss Frank about it, frank to a fault", [("Frank", K)]),
    ("he is not Mr. Warmth, he is", [("Warmth", K)]),
    ("and then Dr. Google told me it was fatal", []),
    # a bare copula names the person; a series of names of the lists is people
    ("to be frank, my therapist is Dr. Frank and I trust her", [("Frank", P)]),
    ("we had Mr. Young, Mr. Hope and Mr. Patel for maths; hope you had better", [("Young", P), ("Hope", P), ("Patel", P)]),
    # a series of the same title whose other items are words of no name list: every item is a quality
    ("she is kind, but he is not Mr. Warmth, Mr. Hope or Mr. Encouragement, I hope", [("Warmth", K), ("Hope", K), ("Encouragement", K)]),
    ("I wanted Miss Sunshine and Miss Patience, not Miss Honesty; patience, I know",
     [("Sunshine", K), ("Patience", K), ("Honesty", K)]),
    ("be patient, I wanted Dr. Kindness, not Dr. Patience", [("Kindness", K), ("Patience", K)]),
    # ... a different title is no series: "Dr. Patience" is the psychiatrist beside "Mr. Sensible"
    ("he is no Mr. Sensible, and Dr. Patience said so; patience wears thin", [("Sensible", K), ("Patience", P)]),
    # after a verb of playing or self-naming, or in quotation marks, a type
    ("always playing Mr. Frank with his frank opinions", [("Frank", K)]),
    ("he called himself Mr. Hope at every meeting, no hope", [("Hope", K)]),
    ('waiting for "Mr. Will" to show up, will he?', [("Will", K)]),
    # ... but a name of the lists named after "called" without "himself" is the person
    ("a man called Mr. Hope rang me, I hope he rings back", [("Hope", P)]),
])
def test_title_before_a_name_that_is_a_word(text, expected):
    check(TitleRecognizer, text, expected)


@pytest.mark.parametrize("lang,texts", [
    # a form of address of any language before a public figure's surname is the private person of the same name
    ("fr", ["J'écoute {{Karl Tremblay}} cet hiver, en boucle.",
            "Ma psy, c'était la [[Dre Tremblay]], pendant onze ans.",
            "Je pense souvent à [[Mme Tremblay]] et à sa patience."]),
    ("en", ["We read {{Irvin Yalom}} in the group.", "My counsellor, [[Mrs Yalom]], no relation, laughed about it."]),
])
def test_title_before_a_figures_surname_is_private(post, lang, texts):
    post(texts, lang)
