"""The fourth round of anonymiser speed-ups (issue 13, CPU): each fast form decides exactly what
the plain form it replaces decides, on texts made of the characters the forms care about (odd
white space, case-folding characters and line breaks included)."""
from __future__ import annotations

import functools
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import detect as D
from therapy_threads.anonymise import knowledge as K
from therapy_threads.anonymise import recognizers as R

_PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\x0b", "\x1c", "\u0085", "\u00a0", "\u2028", "\u3000", ",",
                           ".", "'", "’", "s", "S", "'s", "’s", "-", "x", "ß", "ſ", "\u212a", "İ", "ı", "New", "York",
                           "Leeds", "Ann", "honestly", "iconic", "Molly", "hopeful", "ing", "ed", "ly", "tion", "\x00"])
_TEXTS = st.lists(_PIECES, max_size=12).map("".join)
_FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def _cues():
    from therapy_threads.anonymise.lexicon import lexicon
    from therapy_threads.anonymise.policy import Policy

    return D.Cues(Policy.load(None), lexicon())


@_FAST
@given(_TEXTS)
def test_spaced_is_the_white_space_regex(text):
    assert K.spaced(text) == K._WS.sub(" ", text)
    k = K.knowledge()
    assert k.is_place(text) == (K._WS.sub(" ", text).casefold() in k.places)
    assert k.is_region(text) == (K._WS.sub(" ", text).casefold() in k.regions)


def test_spaced_places_and_regions():
    k = K.knowledge()
    for phrase in ["Leeds", "New York", "New  York", "New\tYork", "New\u00a0York", " Leeds", "Kenya", "kenya\n"]:
        assert k.is_place(phrase) == (K._WS.sub(" ", phrase).casefold() in k.places)
        assert k.is_region(phrase) == (K._WS.sub(" ", phrase).casefold() in k.regions)
    assert k.is_place("New\tYork") and k.is_place("Leeds")


@_FAST
@given(_TEXTS)
def test_unpossessed_is_the_possessive_regex(text):
    assert D.unpossessed(text) == D.POSS.sub("", text)


def test_unpossessed_examples():
    for tok, core in [("Ann's", "Ann"), ("Ann’s", "Ann"), ("James'", "James"), ("Ann's\n", "Ann\n"), ("Ann", "Ann"),
                      ("Bess", "Bess"), ("", "")]:
        assert D.unpossessed(tok) == D.POSS.sub("", tok) == core


@_FAST
@given(_TEXTS)
def test_blank_gap_is_the_blanks_regex(gap):
    assert R._blanks(gap) == bool(R._BLANKS.fullmatch(gap))


@_FAST
@given(_TEXTS)
def test_derived_word_memo_is_the_rule(text):
    cues = _cues()
    for w in {text, text.casefold(), *re.findall(r"\w+", text.casefold())}:
        assert cues.derived_word(w) == cues._derived_word(w)
        assert cues.derived_word(w) == cues._derived_word(w)  # memo hit


def test_derived_word_examples():
    cues = _cues()
    for w in ["honestly", "iconic", "hopeful", "molly", "sally", "eric", "aisling", "naveed", "counselling"]:
        assert cues.derived_word(w) == cues._derived_word(w)


def test_text_audit_reads_the_packaged_phone_regions():
    from therapy_threads.anonymise.audit import TextAudit
    from therapy_threads.anonymise.policy import Policy

    assert TextAudit(b"k" * 32, {}).phone_regions == Policy.load(None).text.phone_regions


def _run(rec, text: str, lang: str | None = None):
    ctx = D.build_context([text], {}, None)
    t = D.TextContext(text, ctx, "comment", lang, bytearray(len(text)), lower_style=D.lower_style(text))
    return [(sp.start, sp.end, sp.kind, sp.key, sp.reason) for sp in rec.analyze(t)]


_PLACE_PIECES = st.sampled_from([" ", "  ", "\t", "\n", ", ", ". ", "'s", "’s", "New", "York", "NEW", "The", "Hague",
                                 "My", "Tho", "I", "Buenos", "Aires", "Salt", "Lake", "City", "San", "Jose", "Rio",
                                 "de", "Janeiro", "Sam", "in", "from", "moving to", "Leeds", "Georgia", "said",
                                 "Kuala", "Lumpur", "Le", "Mans", "Ho", "Chi", "Minh", "İ", "ß", "Church Road",
                                 "New York", "New\tYork", "The Hague", "Buenos Aires", "Salt Lake City", "Rio de Janeiro",
                                 "Kuala Lumpur", "Ho Chi Minh City", "New York's", "New's York"])
_PLACE_TEXTS = st.lists(_PLACE_PIECES, max_size=30).map("".join)


@_FAST
@given(_PLACE_TEXTS)
def test_place_pair_gate_is_the_plain_search(text):
    rec = R.PlaceRecognizer(_cues())
    fast = _run(rec, text)
    plain_gate = R._place_pair
    try:
        R._place_pair = lambda *a: True  # the plain rule: every place-name length is tried
        plain = _run(rec, text)
    finally:
        R._place_pair = plain_gate
    assert fast == plain


def test_place_pairs_find_multi_word_places():
    rec = R.PlaceRecognizer(_cues())
    text = "We moved from New York to The Hague and then to Buenos Aires's suburbs."
    got = [text[s:e] for s, e, *_ in _run(rec, text)]
    for place in ("New York", "The Hague", "Buenos Aires"):
        assert place in got, (place, got)


# ---- split alternations (.scan) ---------------------------------------------------------------------

from therapy_threads.anonymise import scan as S  # noqa: E402

_WORK_PIECES = st.sampled_from([" ", "\t", "\n", "'", "’", "'s", "’s", "\"", "“", "‘", "(", "(re", ")", ",", ".", ";",
                                "the", "the ", "book", "by", "bye", "memoirs", "see", "seem", "ted talk", "ted  talk",
                                "radio show", "aufgeschrieben", "schreibt", "singt", "gesungen", "ß", "ſ", "İ", "_", "9",
                                "x", "quot", "has a", "on tour", "puts it", "liste", "listen", "ü", "é", "words", "a"])
_WORK_TEXTS = st.lists(_WORK_PIECES, max_size=30).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_WORK_TEXTS)
def test_work_cue_parts_are_the_plain_alternation(text):
    for x in (text, text.lower()):
        assert S.alternation_spans(x, R._WORK_PARTS) == [m.span() for m in R._WORK_ANY.finditer(x)]


def test_work_cue_examples():
    text = "by the way, i read matt example's \"book\" (re-reading it) — aufgeschrieben, seeing bye"
    assert S.alternation_spans(text, R._WORK_PARTS) == [m.span() for m in R._WORK_ANY.finditer(text)]
    assert len(S.alternation_spans(text, R._WORK_PARTS)) >= 6


@_FAST
@given(st.lists(st.sampled_from(["ab", "b", "abc", "ba", "c", " ", ".", "_", "a"]), max_size=20).map("".join))
def test_alternation_spans_is_finditer(text):
    # overlapping branches of different parts, a word-start part, ties at one position
    plain = re.compile(r"ab|b[ac]?|\b(?:a|c)")
    parts = (S.searched(re.compile("ab")), S.searched(re.compile("b[ac]?")), S.WordStart("a|c"))
    assert S.alternation_spans(text, parts) == [m.span() for m in plain.finditer(text)]


# ---- single scans and C-level loops -------------------------------------------------------------

_SHAPE_PIECES = st.sampled_from(["a", "Z", "x", "X", "xx", "XoX", "_", ".", "7", "42", "٣", "²", " ", "\n", "é", "ſ",
                                 "K", "İ", "sam.k", "owl_22", "covid19", "e.g", "xXdarkXx", "-", "ab", "9x"])
_SHAPE_TEXTS = st.lists(_SHAPE_PIECES, max_size=20).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SHAPE_TEXTS)
def test_one_shape_gate_is_the_three(text):
    assert bool(R._SHAPE_GATE_ONE.search(text)) == R._SHAPE_GATE.search(text)


_CASE_PIECES = st.sampled_from(["a", "A", "ǅ", "ǆ", "Ⓐ", "ⓐ", "ß", "ẞ", "İ", "ı", "1", " ", "\n", "i", "I", "ok so i",
                                "Σ", "ς", "ʰ", "ᵃ", "Ⅻ", "ⅻ", "𝐀", "thanks"])


@_FAST
@given(st.lists(_CASE_PIECES, max_size=20).map("".join))
def test_lower_style_upper_test_is_the_generator(text):
    assert any(map(str.isupper, text)) == any(c.isupper() for c in text)


_WS_PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85",
                              "\xa0", "\u1680", "\u2000", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
                              "\ufeff", "a", "ß", "Bonjour", "x"])


def _plain_sample(text):
    from therapy_threads import language as L

    if not text:
        return None
    head = text[: L.MAX_CHARS * 2]
    sample = (L._URL.sub(" ", head) if "://" in head or "www." in head else head)[: L.MAX_CHARS]
    if not L._ENOUGH_LETTERS.match(sample):
        return None
    return L._SPACE.sub(" ", sample).strip()


@_FAST
@given(st.lists(_WS_PIECES, max_size=60).map("".join))
def test_language_sample_spaces_are_the_regex(text):
    from therapy_threads import language as L

    assert L._sample(text) == _plain_sample(text)
    assert L._sample("Bonjour tout le monde" + text) == _plain_sample("Bonjour tout le monde" + text)


@_FAST
@given(_TEXTS)
def test_public_work_first_word_memo_is_the_rule(text):
    rec = R.PublicWorkRecognizer(_cues())
    for w in {text, text.strip(), *re.findall(r"\S+", text), "Mary", "mary", "Wisława", "the", "Oliver's", "Haig"}:
        assert rec._first_like(w) == rec._first_rule(w)
        assert rec._first_like(w) == rec._first_rule(w)  # memo hit
        fcf = w.casefold()
        cues, lex = rec.cues, rec.lex
        plain = not (fcf in cues.not_names or cues.function_word(fcf) or fcf.rstrip(".") in cues.titles) and (
            cues.any_given_name(fcf) or fcf in lex.first_names or fcf in lex.intl_names
            or (rec._surname_like(w) and (lex.rank(fcf) is None or lex.proper_noun(fcf))))
        assert rec._first_like(w) == plain
