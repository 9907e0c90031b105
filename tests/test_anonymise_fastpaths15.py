"""The fifteenth round of anonymiser speed-ups (issue 13, CPU): each fast form decides exactly what the
plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import spellout as S
from therapy_threads.anonymise import spoken as SP

SLOW = settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# combining marks inside and at both edges of U+0300-U+036F and just outside it, the characters whose UTF-8
# lead byte is 0xCC/0xCD but which are no mark (U+0370-U+037F), letters that decompose under NFD, lone
# surrogates, emoji, dashes and the dotless i
_ODD = ["\u0300", "\u0301", "\u0327", "\u033f", "\u0340", "\u034f", "\u036f", "\u0370", "\u037e", "\u037f",
        "\u02ff", "\u1ab0", "\u20d0", "é", "ñ", "Å", "\u212b", "\u212a", "ǅ", "ı", "İ", "ſ", "ß", "п", "ε", "ώ",
        "\ud800", "\udfff", "😊", "…", "–", "—", "’", "\u00a0", "٣", "ⓐ"]
_PIECES = st.one_of(st.sampled_from(_ODD), st.sampled_from(sorted(S._vocabulary())),
                    st.sampled_from([" ", ",", "-", "1", "42", "555", "x", "a", "two", "one", "\n"]),
                    st.text(max_size=3))
_TEXTS = st.lists(_PIECES, max_size=16).map("".join)


def _plain_quick(low: str) -> str:
    """The first look's folded text as ``spelled_runs`` made it before."""
    return low if low.isascii() else S._MARKS.sub("", unicodedata.normalize("NFD", low)).replace("ı", "i")


@SLOW
@given(_TEXTS)
def test_above_ascii_is_the_set_of_characters_above_ascii(s):
    assert S._above_ascii(s) == {ch for ch in s if ch > "\x7f"}


@SLOW
@given(_TEXTS)
def test_strip_marks_equals_the_class_scan(s):
    assert S.strip_marks(s) == S._MARKS.sub("", s)


@SLOW
@given(_TEXTS)
def test_the_folded_first_look_is_unchanged(text):
    low = text.lower()
    fast = low if low.isascii() else S.strip_marks(unicodedata.normalize("NFD", low)).replace("ı", "i")
    assert fast == _plain_quick(low)


@SLOW
@given(_TEXTS)
def test_number_word_marks_equal_the_plain_lookup(quick):
    assert S.number_word_marks(quick) == bytes(map(S._vocabulary().__contains__, S._WORDS.findall(quick)))


@pytest.mark.parametrize("text", [
    "call me on one two three four five six seven",        # English digit words
    "ruf an: null sieben eins, zwei drei, vier fünf",       # German, with an umlaut
    "číslo je jedna dva tři čtyři pět",                     # Czech: accents that NFD strips
    "kilencszáztizenhat egy kettő három",                  # Hungarian, glued hundreds
    "a haon, a dó, a trí, a ceathair",                      # Irish, the particle
    "Sé\u0301 uno dos tres — ok 😊",                        # a mark already decomposed, emoji, a dash
    "İstanbul bir iki üç dört",                             # "İ": lower-cases to two characters
    "",
])
def test_number_runs_with_the_shared_lower_case(text):
    """``number_runs`` lowers the text once for both finders: each gives what it gives on its own."""
    low = text.lower()
    assert S.spelled_runs(text, low) == S.spelled_runs(text)
    for lang in (None, "en", "de", "cs", "hu", "ga", "tr"):
        assert SP._own_runs(text, lang, low) == SP._own_runs(text, lang)


def test_strip_marks_table():
    assert S.strip_marks("cafe\u0301") == "cafe"
    assert S.strip_marks("a\u036fb\u0370c") == "ab\u0370c"   # U+0370 shares the lead byte, is no mark
    assert S.strip_marks("plain…text 😊") == "plain…text 😊"
    assert S._above_ascii("a…b😊\ud800c") == {"…", "😊", "\ud800"}
