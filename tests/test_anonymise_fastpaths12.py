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


# ---- the case-folded capitalised tokens, and the gates read off the shared token pass ----

from therapy_threads.anonymise.knowledge import knowledge  # noqa: E402
from therapy_threads.anonymise.lexicon import lexicon  # noqa: E402

_CUES = D.Cues(Policy.load(None), lexicon())
_REC = {type(r).__name__: r for r in R.default_recognizers(_CUES)}

_CAP_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", "\u00a0", ",", ".", "'s", "’s", "-", "x", "ΣΑΣ", "Straße", "STRASSE", "İzmir", "\u212aent",
    "ǅemal", "ǈuba", "ﬁ", "Ōtara", "Hawaiʻi", "Kāne'ohe", "Donegal", "Nova Scotia", "Moray", "Kerry", "County Cork",
    "New Brunswick", "Bavaria", "Québec", "Île-de-France", "Niederösterreich", "My", "The", "I", "J. R.", "O'Brien",
    " le ", " du ", " de ", " van ", " la ", " von ", "J. de Vries", "A.B. van der Berg", " Le ", " DE ", "delay",
    " de\t", "ſ", "ı"])
_CAP_TEXTS = st.lists(_CAP_PIECES, max_size=14).map("".join)


@SLOW
@given(_CAP_TEXTS)
def test_caps_folded_is_each_token_folded(text):
    t = _ctx(text)
    assert t.caps_folded == [core.casefold() for _s, _e, _tok, core in t.caps]


@SLOW
@given(st.lists(st.text(st.characters(blacklist_characters="\x00"), max_size=6), max_size=6))
def test_one_casefold_of_the_joined_tokens(words):
    assert "\x00".join(words).casefold().split("\x00") == [w.casefold() for w in words] or not words


def _plain_subdivisions(rec, t, toks):
    """``PlaceRecognizer._subdivisions`` without its gate (the loop asks each token)."""
    folded = t.caps_folded
    t._caps_folded = ["'"]  # (the gate's ASCII test fails: the loop runs)
    try:
        return list(rec._subdivisions(t, toks))
    finally:
        t._caps_folded = folded


@SLOW
@given(_CAP_TEXTS)
def test_subdivision_gate_and_particle_gate_skip_only_texts_without_a_match(text):
    place, particle = _REC["PlaceRecognizer"], _REC["InitialsParticleRecognizer"]
    t = _ctx(text)
    toks = [(s, e, core) for s, e, _, core in t.caps]
    fast = [(s.start, s.end, s.reason) for s in place._subdivisions(t, toks)]
    assert fast == [(s.start, s.end, s.reason) for s in _plain_subdivisions(place, _ctx(text), toks)]
    got = [(s.start, s.end, s.reason) for s in particle.analyze(_ctx(text))]
    t2 = _ctx(text)
    t2._words = set(R._PARTICLE_RUNS)  # the word gate open: the substring gate alone, as before
    assert got == [(s.start, s.end, s.reason) for s in particle.analyze(t2)]
    if any(f" {w} " in text for w in R._PARTICLE_RUNS):
        assert not t.words.isdisjoint(R._PARTICLE_RUNS)


def test_subdivision_gate_table():
    k = knowledge()
    for text in ["greetings from Donegal", "up in Moray", "from Nova Scotia", "from Niederösterreich", "I said to Kerry"]:
        t = _ctx(text)
        toks = [(s, e, core) for s, e, _, core in t.caps]
        folded = t.caps_folded
        assert not (k.subdivisions.isdisjoint(folded) and k.subdivision_first_words.isdisjoint(folded)
                    and "".join(folded).isascii()), text
        assert [s.reason for s in _REC["PlaceRecognizer"]._subdivisions(t, toks)] == \
            [s.reason for s in _plain_subdivisions(_REC["PlaceRecognizer"], _ctx(text), toks)], text


_BEFORE_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", ",", ", ", ".", "!", "'", "’", "''", "-", "_", "1", "a", "Z",
    "é", "×", "÷", "ɏ", "ɐ", "ı", "ſ", "İ", "\u212a", "ǅ", "ß", "ΣΑΣ", "д", "ok", "thanks", "Hey", "don't", "’tis",
    "so", "and", "hi, ", "x,, ", "\n\n"])


@SLOW
@given(st.lists(_BEFORE_PIECES, max_size=14).map("".join), st.integers(0, 50), st.integers(0, 50))
def test_word_before_is_the_search(text, a, b):
    lo, end = min(a, b, len(text)), min(max(a, b), len(text))
    m = R._WORD_BEFORE.search(text, lo, end)
    assert R.word_before(text, lo, end) == (m.group(1) if m else None)
    m = R._WORD_BEFORE.search(text[lo:end])
    assert R.word_before(text, lo, end) == (m.group(1) if m else None)


def test_german_work_words_each_hold_a_needle():
    """The public-work cue scan's German part is searched only where one of its needles is in the text: every
    word of the part holds one, so every match does."""
    for w in R._WORK_GERMAN.split("|"):
        assert any(n in w for n in R._WORK_GERMAN_NEEDLES), w
