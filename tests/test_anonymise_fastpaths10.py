"""The tenth round of extraction-worker speed-ups (issue 13, CPU): each fast form decides exactly
what the plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import detect as D
from therapy_threads.anonymise import recognizers as R
from therapy_threads.anonymise.lexicon import lexicon
from therapy_threads.anonymise.policy import Policy

SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_CUES = D.Cues(Policy.load(None), lexicon())


def _context(text: str) -> D.TextContext:
    return D.TextContext(text, D.build_context([text], {}, None), "comment", "en", bytearray(len(text)),
                         lower_style=D.lower_style(text))


# ---- SurnameFirstRecognizer: the Vietnamese and Hmong gates without a scan where they cannot match ----

# the gates' words in several cases, glued to letters, digits and underscores, with the odd case-folding
# characters ("İ", "ı", "ſ", the Kelvin sign), Vietnamese letters and invented names
_SF_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", ",", ".", "-", "'", "’", "_", "7", "x", "the ", "Nguyen", "NGUYEN", "nguyen", "Tran", "tran",
    "Trang", "Luong", "Dang", "dang", "Hmong", "HMONG", "hmoob", "Xiong", "xiong", "Vang", "vang", "Lor", "LOR", "lor",
    "Khang", "\u212aHANG", "\u212ahang", "Vue", "Thao", "Thoj", "Hawj", "Lauj", "Yaj", "Vaj", "chị", "Chị", "anh",
    "Anh", "thanh", "cô", "Cô", "chú", "bác", "dì", "Dì", "ông", "Ông", "bà", "Bà", "İ", "ı", "ſ", "Mai", "Pa",
    "Kou", "Dee", "Her", "Wei", "Ming", "Thị", "Van", "Long", "Hương", "Bảy", "é", "Ă", "Zorbuk", "Quill", "Anh Long",
    "anh Mai", "Pa Vang", "Tran Van Minh"])
_SF_TEXTS = st.lists(_SF_PIECES, max_size=14).map("".join)
_SF_ASCII = st.lists(_SF_PIECES.filter(str.isascii), max_size=10).map("".join)  # the ASCII-only branch


def _surname_first_spans(text: str, gate: bool) -> list:
    t = _context(text)
    if not gate:
        t.lacks_words = lambda runs: False  # the plain scans decide, as before
    return [(s.start, s.end, s.kind, s.reason) for s in R.SurnameFirstRecognizer(_CUES).analyze(t)]


def _gates_plain(text: str) -> tuple[bool, bool]:
    return (bool(R._VI_MARK.search(text) or R._VI_ASCII_SURNAME.search(text) or R._VI_KIN_NAME.search(text)),
            R._HMONG_CUE.search(text) is not None)


def _gates_fast(text: str) -> tuple[bool, bool]:
    t = _context(text)
    return R._vietnamese_possible(t), not t.lacks_words(R._HMONG_CUE_RUNS) and R._HMONG_CUE.search(text) is not None


@SLOW
@given(st.one_of(_SF_TEXTS, _SF_ASCII))
def test_surname_first_gates_are_the_plain_scans(text):
    assert _gates_fast(text) == _gates_plain(text)
    assert _surname_first_spans(text, True) == _surname_first_spans(text, False)


def test_surname_first_gates_skip_texts_without_their_words():
    t = _context("Thanks for the long post, I went to see my therapist.")
    assert t.lacks_words(R._VI_ASCII_RUNS) and t.lacks_words(R._HMONG_CUE_RUNS)
    assert "anh" not in t.low
    assert _gates_fast("my friend Kou Vang said so") == (False, True)
    assert _gates_fast("I met Pham Thi Lan") == (True, False)
    assert _gates_fast("hỏi chị Hương") == (True, False)
    assert _gates_fast("Anh Long") == (True, False)
    assert _gates_fast("\u212aHANG") == (False, True)  # the Kelvin sign: the word gate defers to the scan
    assert _surname_first_spans("Kou Vang and Nguyen Van Long came.", True) != []


# ---- the phone finders' memo: the audit asks about a text the anonymiser already asked about ----

from therapy_threads.anonymise import phones as P  # noqa: E402

_PHONE_TEXTS = [
    "", "no numbers at all", "call me on 07700 900123 or +44 20 7946 0958", "ring 555-0142 after 6",
    "nine one zero, five five five, oh one four two", "zéro quatre septante-deux, trente et un, quarante-cinq, douze",
    "kosong satu dua, tiga empat lima, enam tujuh lapan", "1-2-3-4-5-6-7-8 is no number", "Mel at 0412 345 678!",
    "write to quill dot zorbuk at example dot it or 080 523 4471", "3 kids, 2 dogs, 1 cat", "(81) 99555-0142",
]
_ASKS = [(("US", "GB", "CA", "AU", "IE", "NZ"), None, ()), (("US", "GB"), "en", ("MY", "SG")),
         (("US",), "fr", ("BE", "CH", "FR")), (("GB",), "pt", ("BR", "PT")), (("IE",), "ms", ("MY",))]


def _all_answers(cold: bool = False) -> list:
    out = []
    for text in _PHONE_TEXTS:
        for r, lang, cue in _ASKS:
            if cold:
                P.forget()
            out.append((P.find_all_phones(text, r, lang, cue), P.find_language_phones(text, cue, lang)))
    return out


def test_phone_memo_answers_what_the_finders_compute(monkeypatch):
    computed = _all_answers(cold=True)  # each ask computed with an empty memo
    P.forget()
    assert _all_answers() == computed  # one text asked with other regions and languages: a memo shared by the asks
    assert _all_answers() == computed  # asked again: from the memo
    monkeypatch.setattr(P, "MEMO_MAX_CHARS", 0)  # every ask empties the memo first: computed again
    assert _all_answers() == computed
    answer = P.find_all_phones(_PHONE_TEXTS[2], *_ASKS[0])
    answer.append((0, 1, "x"))  # a caller's list is its own
    assert P.find_all_phones(_PHONE_TEXTS[2], *_ASKS[0]) != answer
    P.forget()
    assert not P._MEMO


def test_phone_memo_keeps_the_cue_countries_out_where_no_number_can_be(monkeypatch):
    """The cue countries are read only where the text holds two digits in a row or a number in words,
    as before the memo (a language phone in the cue countries of "1-2-3-..." is not looked for)."""
    asked = []
    monkeypatch.setattr(P, "find_language_phones", lambda text, regions, lang: asked.append(text) or [])
    P.forget()
    P.find_all_phones("1-2-3-4-5-6-7-8 is no number", ("US",), "fr", ("BE", "FR"))
    P.find_all_phones("call 0412 345 678", ("US",), "fr", ("BE", "FR"))
    assert asked == ["call 0412 345 678"]
    P.forget()


# ---- spoken.number_runs: the three first looks in one scan ----

import re  # noqa: E402

from therapy_threads.anonymise import spoken as SP  # noqa: E402

_NUMBER_PIECES = st.sampled_from([
    " ", ", ", "-", "(", ":", "\"", "«", "\n", ".", "one", "two", "three", "oh", "double", "nine", "forty-two", "zero",
    "zéro", "quatre", "septante-deux", "trente", "et", "un", "nul", "vijf", "zesenveertig", "null", "drei", "quarenta",
    "e", "um", "meia", "kosong", "satu", "dua", "tiga", "lapan", "a", "náid", "haon", "dó", "trí", "naoi", "hocht", "07",
    "555", "12345", "+", "plus", "Sam", "İ", "ſ", "\u212a", "call", "Seven", "TWO", "μηδέν", "ένα", "Δύο", "τρια",
    "εννιά", "Σ", "nula", "sedm", "tři", "dvě", "stě", "set", "sto", "čtyřicet", "osm", "jeden", "dwieście",
    "dziewięćset", "siedem", "zero", "päťsto", "deväť", "Šest", "pět"])


def _runs(text: str, lang: str | None) -> list:
    return [(r.start, r.end, r.plus, r.groups) for r in SP.number_runs.__wrapped__(text, lang)]


@SLOW
@given(st.lists(_NUMBER_PIECES, max_size=16).map("".join), st.sampled_from(["en", "fr", "nl", "de", "pt", None, "ms", "pl", "cs", "sk"]))
def test_number_runs_one_look_is_the_three_looks(text, lang):
    fast = _runs(text, lang)
    plain_look = SP._any_look
    try:
        SP._any_look = lambda lang: re.compile("")  # always a match: every text read as before
        assert _runs(text, lang) == fast
    finally:
        SP._any_look = plain_look
    low = " " + text.lower()
    looks = [SP._digit_look(t) for t in SP.DIGIT_TABLES] + ([SP._first_look(lang or "en")] if (lang or "en") in SP.LANGS else [])
    if len(low) == len(text) + 1:
        assert (SP._any_look((lang or "en") if (lang or "en") in SP.LANGS else None).search(low) is None) == \
            all(x.search(low) is None for x in looks)


def test_number_runs_one_look_finds_the_runs():
    assert _runs("call nine one zero, five five five, oh one four two", "en")
    assert _runs("kosong satu dua, tiga empat lima", "fr")
    assert _runs("a náid a haon a dó a trí", None)
    assert _runs("μηδέν ένα δύο τρία", "en")
    assert _runs("zéro quatre septante-deux, trente et un, quarante-cinq", "fr")
    assert _runs("šest nula dva, sto čtyřicet osm, devět set sedmnáct", "cs")
    assert _runs("Thanks for the long post, I went to see my therapist.", "en") == []


# ---- _SYLLABLE_PAIR's matches found once per text for the two recognizers that read them ----

_PAIR_TEXTS = st.lists(st.sampled_from([" ", "\t", "-", "'", ".", "the ", "Tan", "Wei", "Ming", "Mei", "Xin", "Siew",
                                        "Khim", "Ong", "Lan", "Boon", "Tai", "Chi", "Class", "Hong", "Kong", "a"]),
                       max_size=12).map("".join)


@SLOW
@given(st.lists(_PAIR_TEXTS, min_size=1, max_size=4))
def test_syllable_pairs_are_the_scan(texts):
    for text in texts + texts[::-1]:  # texts asked in turn and again: each answer is its own text's scan
        assert [m.span() + m.groups() for m in R._syllable_pairs(text)] == \
            [m.span() + m.groups() for m in R._SYLLABLE_PAIR.finditer(text)]
    for text in texts:
        found = []
        for rec in (R.SyllableNameRecognizer(_CUES), R.SurnameFirstRecognizer(_CUES)):
            found.append([(s.start, s.end, s.kind, s.reason) for s in rec.analyze(_context(text))])
        plain = R._syllable_pairs
        try:
            R._syllable_pairs = lambda text: list(R._SYLLABLE_PAIR.finditer(text))
            assert found == [[(s.start, s.end, s.kind, s.reason) for s in rec.analyze(_context(text))]
                             for rec in (R.SyllableNameRecognizer(_CUES), R.SurnameFirstRecognizer(_CUES))]
        finally:
            R._syllable_pairs = plain


def test_compound_words_matched_through_case_folding_are_looked_up_not_crashed_on():
    """The number-word patterns are case-insensitive, and ``re.I`` equates the long s with s: a
    word it matched must be found in the table whatever its lower case is (it raised KeyError)."""
    from therapy_threads.anonymise.spoken import _compound_runs

    assert _compound_runs("ſet ſet ſet", "cs") == _compound_runs("set set set", "cs")
    plain = _compound_runs("dvě sta třicet, pět set, sedm", "cs")
    assert [g.digits for r in plain for g in r.groups] == ["230", "500", "7"]
    assert _compound_runs("dvě ſta třicet, pět ſet, ſedm", "cs") == plain
