"""The thirteenth round of extraction-worker speed-ups (issue 13, CPU): each fast form decides exactly
what the plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import patterns as P
from therapy_threads.anonymise.detect import Engine
from therapy_threads.anonymise.lexicon import lexicon
from therapy_threads.anonymise.policy import Policy

SLOW = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain_whole_word(low: str, words) -> bool:
    """The find loop ``_written_hint`` ran before: any word with no word character on either side."""
    n = len(low)
    for w in words:
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not P._word_char(low[i - 1])) and (j == n or not P._word_char(low[j])):
                return True
            i = low.find(w, i + 1)
    return False


_WORDS = list(P._HINT_WORDS or ())
# the words, their prefixes and extensions glued to each other and to word characters of several scripts
# ("punktum" after "punkt", "pont" inside "ponto"), and what may stand around them
_PIECES = st.sampled_from(_WORDS + [w[:-1] for w in _WORDS] + [w + "s" for w in _WORDS] + [
    " ", "\n", "\t", "\u00a0", ".", ",", "-", "_", "'", "’", "1", "٣", "x", "é", "ß", "\u0301", "ⓐ", "п", "ε",
    "[", "(", "@", "at", "disap", "anec", "um", "o", "a", "tec", "č"])
_TEXTS = st.lists(_PIECES, max_size=10).map("".join)


@SLOW
@given(_TEXTS)
def test_one_search_for_the_hint_words_is_the_find_loop(low):
    assert (P._HINT_WORD.search(low) is not None) == _plain_whole_word(low, _WORDS)


@SLOW
@given(st.lists(st.sampled_from(["ab", "abc", "b", "ba", "a-b", "é", "\\", "(x", "."]), min_size=1, max_size=4),
       st.lists(st.sampled_from(["ab", "abc", "b", "a", "c", " ", "-", "_", "é", "\\", "(x", ".", "1"]), max_size=10))
def test_whole_words_on_any_word_list(words, pieces):
    text = "".join(pieces)
    assert (P._whole_words(tuple(words)).search(text) is not None) == _plain_whole_word(text, words)


def test_hint_examples():
    for text, found in [("write to kat dot example", True), ("the point is", True), ("disappointed", False),
                        ("anecdote", False), ("punktum.", True), ("punktums", False), ("_dot", False), ("dot_", False),
                        ("tečka", True), ("τελεία", True), ("", False)]:
        assert (P._HINT_WORD.search(text) is not None) is found, text


@lru_cache(maxsize=1)
def _engine() -> Engine:
    return Engine(Policy.load(None), lexicon())


def test_the_engine_reads_each_recognizers_bit_once_per_language():
    engine = _engine()
    for lang in ("en", "de", None, "xx"):
        recs = engine.running(lang)
        assert engine._running_gated(lang) == [(rec, engine._bit.get(id(rec))) for rec in recs]
    # a replaced list of recognizers is indexed again, bits and all
    old = engine.recognizers
    try:
        engine.recognizers = list(reversed(old))
        recs = engine.running("en")
        assert [r for r, _b in engine._running_gated("en")] == recs
        assert engine._running_gated("en") == [(rec, engine._bit.get(id(rec))) for rec in recs]
    finally:
        engine.recognizers = old
        engine.running("en")


_VOCAB_PIECES = st.sampled_from(["a", "z", "ß", "ÿ", "÷", "×", "é", "É", "A", "'", "’", "_", "1", "٣", " ", "\n", "-", "ı", "ſ",
                                 "\u0301", "ǅ", "word", "don't", "x'"])


@SLOW
@given(st.lists(_VOCAB_PIECES, max_size=14).map("".join))
def test_lower_words_with_the_boundary_after_the_first_letter(text):
    import re

    from therapy_threads.anonymise import detect as D

    assert D._LOWER_WORD.findall(text) == re.findall(D._LOWER_WORD_PLAIN, text)
