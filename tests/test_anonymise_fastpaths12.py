"""The twelfth round of extraction-worker speed-ups (issue 13, CPU, the shared token pass): each fast form
decides exactly what the plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import detect as D
from therapy_threads.anonymise import recognizers as R
from therapy_threads.anonymise.policy import Policy

SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# words, possessives in several cases, glued to letters, digits, apostrophes; capitals of every kind (Latin-1,
# Latin Extended, "×" and "÷" of the capital range, titlecase "ǅ", "İ", the Kelvin sign, "ſ", "ı"); odd white space
_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", "\u00a0", "\u2003", ",", ".", "-", "'", "’", "_", "1", "x", "a", "A",
    "our", "Our", "OUR", "your", "Your", "yours", "four", "tour", "dour", "y", "o",
    "Shad", "Barry", "Élodie", "Øyvind", "Łukasz", "Zorbuk", "İpek", "\u212aai", "ſam", "ıvy", "ǅemal", "×", "÷",
    "my ", "our Shad", "your Barry", "Our Élodie", " our\tJo", "'our Kim", "’your Ann", "_our Ben", "1our Ola",
    "hour Lee", "yourDan", "your  \tKit"])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _ctx(text: str) -> D.TextContext:
    return D.TextContext(text, D.build_context([text], {}, None), "comment", "en", bytearray(len(text)),
                         lower_style=D.lower_style(text))


@SLOW
@given(_TEXTS)
def test_family_possessives_from_the_capitals_after_blanks(text):
    plain = [p.end() for p in R._FAMILY_POSS.finditer(text)]
    assert R.family_possessive_ends(text, _ctx(text).blank_capitals) == plain


def test_family_possessives_table():
    for text, ends in [("our Shad came", [4]), ("Our  Jo", [5]), ("your\tBarry", [5]), ("Your Barry", []),
                       ("four Kim", []), ("yourour Kim", []), ("x’our Kim", []), ("(our Kim)", [5]),
                       ("our Élodie", []), ("and our kim", []), ("our\nKim", [])]:
        assert R.family_possessive_ends(text, _ctx(text).blank_capitals) == ends, text
        assert [p.end() for p in R._FAMILY_POSS.finditer(text)] == ends, text


def test_possessive_patterns_once_per_rules_object():
    rules = Policy.load(None).rules
    first = R.possessive_patterns(rules)
    assert R.possessive_patterns(rules) is first
    assert first is R._possessive_patterns(R.relation_possessives(rules))
    other = Policy.load(None).rules  # an equal rules object of its own: the same word set, the same patterns
    assert R.possessive_patterns(other) is first


# lower-case words and handles before "!" and "?", after letters, commas, digits, line breaks; odd white space
_ADDRESS_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", "\u00a0", ",", ", ", ".", "!", "?", "_", "-", "1", "9", "a", "z", "A", "é", "ı", "ſ", "\u212a",
    "İ", "ǅ", "moth", "sad_girl92", "j.doe", "x.", "_x", "ok", "thanks ", "nice one ", "Kim ", "lol ", "so true "])
_ADDRESS_TEXTS = st.lists(_ADDRESS_PIECES, max_size=16).map("".join)


def _lower_address_plain(text: str, lo: int, end: int):
    m = R._LOWER_ADDRESS.search(text, lo, end)
    return m.span(1) if m is not None else None


@SLOW
@given(_ADDRESS_TEXTS, st.integers(0, 60), st.integers(0, 60))
def test_lower_address_from_the_run_before_the_mark(text, a, b):
    lo, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert R.lower_address_before(text, lo, end) == _lower_address_plain(text, lo, end)
    for q in R._CLAUSE_END.finditer(text):  # as the handle rule asks it
        lo = max(0, q.start() - 40)
        assert R.lower_address_before(text, lo, q.start()) == _lower_address_plain(text, lo, q.start())


def test_lower_address_table():
    for text, want in [("nice one mothra!", (9, 15)), ("so, mothra!", (4, 10)), ("NICE mothra!", None), ("Nice mothra!", (5, 11)),
                       ("1 mothra!", None), ("ok sad_girl92?", (3, 13)), ("ok x_?", None), ("ok mothra\n!", (3, 9)),
                       ("ok _mothra!", None), ("ok\tmothra!", None), ("a mothra.x!", (2, 10))]:
        end = text.rfind("!") if "!" in text else text.rfind("?")
        assert R.lower_address_before(text, max(0, end - 40), end) == want, text
        assert _lower_address_plain(text, max(0, end - 40), end) == want, text
