"""The anonymiser's fast paths decide exactly what the plain rules decide.

Speed work (issue 13) put cheap scans in front of expensive rules: the public-work recognizer
looks only at word pairs next to a work cue, found by literal scans of the lower-cased text.
These tests hold the scans to the exact rules they stand in for, on texts built from the cue
words themselves, so a skipped pair can never be one the rule would have kept.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import recognizers as R

WORDS = ["Mary", "Oliver", "mary", "oliver", "Kay", "Redfield", "Jamison", "book", "books", "poems", "memoir",
         "by", "read", "reading", "re-reading", "listen", "to", "listening", "a", "line", "in", "from", "photo",
         "of", "fan", "fans", "interview", "with", "the", "words", "see", "saw", "concert", "talk", "ted", "has",
         "had", "new", "latest", "writes", "calls", "it", "puts", "on", "tour", "live", "stand-up", "course",
         "MARY", "Sinéad", "O'Connor", "Haig's", "Perry’s", "into", "within", "abby", "ſee", "ıt", "Oliver's",
         "İstanbul", "x", "I", "my", "therapist"]
SEPS = [" ", "  ", "\t", "\n", ", ", ". ", " '", "’s ", "'s ", "-", " \n"]


def _exact_after(text: str) -> set[int]:
    return {p for p in range(len(text) + 1) if R._WORK_AFTER.match(text, p)}


def _exact_before(text: str) -> set[int]:
    return {s for s in range(len(text) + 1) if R._WORK_BEFORE.search(text[max(0, s - 30):s])}


def _low(text: str) -> str:
    lo = text.lower()
    return lo if len(lo) == len(text) else text


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=14).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_work_cues_match_the_exact_rules(text):
    after, before = R.work_cues(text, _low(text))
    assert after == _exact_after(text)
    assert _exact_before(text) <= before


def test_work_cues_on_written_examples():
    for text in ["I keep re-reading Mary Oliver poems", "a line from Kay Redfield Jamison's memoir",
                 "Matt Haig has a line about it", "listening to Sinéad O'Connor on repeat",
                 "my therapist Mary said so", "interview with  Pauline Boss\tcalls it ambiguous loss",
                 "the words of\nMary Oliver", "ſee Mary Oliver in concert", "İstanbul and Mary Oliver poems"]:
        after, before = R.work_cues(text, _low(text))
        assert after == _exact_after(text), text
        assert _exact_before(text) <= before, text


def test_surname_memo_is_the_rule():
    from therapy_threads.anonymise.lexicon import lexicon
    from therapy_threads.anonymise.detect import Cues
    from therapy_threads.anonymise.policy import Policy

    rec = R.PublicWorkRecognizer(Cues(Policy.load(None), lexicon()))
    for w in ["Oliver", "Oliver's", "the", "Jamison", "course", "Haig’s", "x", "Redfield", "Oliver"]:
        assert rec._surname_like(w) == rec._surname_like(w)  # memo hit
        cf = R.POSS.sub("", w).casefold()
        r = rec.lex.rank(cf)
        plain = (len(cf) >= 2 and cf not in rec.cues.not_names and not rec.cues.function_word(cf)
                 and (r is None or r >= 3000 or rec.lex.is_surname(cf) or rec.lex.proper_noun(cf)))
        assert rec._surname_like(w) == plain


def test_regexes_compiled_once():
    # the hot loops use precompiled patterns, not re.fullmatch(r"...") per call
    src = open(R.__file__, encoding="utf-8").read()
    body = src[src.index("class PublicWorkRecognizer"):src.index("class PlaceRecognizer")]
    assert not re.search(r"\bre\.(?:fullmatch|match|search)\(r", body)
