"""The fifth round of anonymiser speed-ups (issue 13, CPU): each fast form decides exactly what
the plain form it replaces decides."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import patterns as P

_WORDS = list(P._HINT_WORDS or ())
_PIECES = st.sampled_from(_WORDS + [w.upper() for w in _WORDS] + [w.title() for w in _WORDS] + [
    " ", "\n", "\t", "\u00a0", ".", ",", "-", "_", "'", "’", "1", "x", "X", "é", "É", "ß", "ſ", "\u212a", "İ", "ı",
    "\u0301", "Ⅰ", "ⓐ", "Ⓓ", "ǅ", "п", "Д", "٣", "[", "(", ")", "]", "@", "at", "disap", "ment", "anec", "e"])
_TEXTS = st.lists(_PIECES, max_size=10).map("".join)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_written_hint_is_the_regex_search(text):
    assert P._written_hint(text) == bool(P._WRITTEN_HINT.search(text))


def test_lower_casing_keeps_length_and_word_characters_outside_the_odd_folds():
    """What the substring form relies on: every character but the four odd case-folding ones
    lower-cases to one character, a word character exactly when it is one (as ``\\w`` sees it)."""
    w = re.compile(r"\w")
    for cp in range(0x110000):
        c = chr(cp)
        if c in "\u0130\u0131\u017f\u212a":  # what re.I matches with an ASCII letter outside ASCII
            continue
        lo = c.lower()
        assert len(lo) == 1 and bool(w.match(c)) == bool(w.match(lo)) == P._word_char(c), hex(cp)


def test_written_hint_words_on_boundaries_only():
    assert not P._written_hint("I was disappointed, an anecdote, a standpoint")
    assert P._written_hint("mary dot lou at example dot org")
    assert P._written_hint("write to x-DOT-y")
    assert not P._written_hint("write to x_DOT-y")
    assert not P._written_hint("dot_com")  # "_" is a word character
    assert P._written_hint("na [at] example")
