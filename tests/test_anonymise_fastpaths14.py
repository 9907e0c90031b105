"""The fourteenth round of anonymiser speed-ups (issue 13, CPU): each fast form decides exactly what the
plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import spellout as S

SLOW = settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain_marks(quick: str) -> bytes:
    """The first look ``spelled_runs`` made before: every run of letters looked up in the vocabulary."""
    return bytes(map(S._vocabulary().__contains__, S._WORDS.findall(quick)))


_VOCAB = sorted(S._vocabulary())
# number words of several scripts, glued to each other, to letters, digits and the non-letters above ASCII that
# texts hold (dashes, quotes, "…", emoji, a non-breaking space) and to letters above ASCII ("é", "ş", "п", "ε")
_PIECES = st.one_of(st.sampled_from(_VOCAB), st.sampled_from([
    " ", "\n", "\t", "\u00a0", ".", ",", "-", "_", "'", "’", "“", "”", "…", "–", "—", "😊", "🙂", "1", "42", "٣",
    "x", "é", "ş", "ß", "п", "ε", "ⓐ", "\u0301", "ı", "to", "a", "i", "and", "two", "one", "\x1c", "\x7f"]))
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


@SLOW
@given(_TEXTS)
def test_number_word_marks_equal_the_plain_lookup(quick):
    assert S.number_word_marks(quick) == _plain_marks(quick)


@pytest.mark.parametrize("quick, marks", [
    ("call me on one two three", b"\x00\x00\x01\x01\x01\x01"),   # ASCII: "on", "one", "two" are table words
    ("to…a—i 😊 zero", None),                                      # non-letters above ASCII: blanks
    ("péntek öt hat", None),                                       # letters above ASCII: the plain lookup
    ("", b""),
])
def test_number_word_marks_table(quick, marks):
    got = S.number_word_marks(quick)
    assert got == _plain_marks(quick)
    if marks is not None:
        assert got == marks
