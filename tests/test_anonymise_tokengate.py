"""The shared token pass and the trigger-word gate (issue 13, CPU): a recognizer the engine passes over
because none of its trigger words is among the text's tokens would have found nothing, and the engine's
output with the gate is the output without it."""
from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import Anonymiser, Policy
from therapy_threads.anonymise import detect as D
from therapy_threads.anonymise import regional as G

SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# trigger words of the gated recognizers in several cases and with what may stand around them (titles,
# greetings, respect words: "Dr.", "frau", "thank you", "ma'am", "-ji"), invented names in both cases, word
# characters that glue onto a word ("_", digits, "ß"), characters whose lower case changes the text's length
# ("İ") or that case-insensitive matching folds ("ſ", "K" Kelvin), punctuation and blanks
_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", ",", ".", "!", "-", "'", "’", "(", "@", "_", "9", "ß", "İ", "ſ", "\u212a",
    "dr", "Dr", "Dr.", "dr.", "DR", "frau", "Frau", "mrs", "Mrs", "miss", "doc", "prof", "sgt",
    "hi", "Hi", "HI", "hey", "thanks", "thank you", "Thank you", "thx", "hello", "dear", "kia ora",
    "sir", "Sir", "ma'am", "ma’am", "ji", "-ji", "di", "-di", "aunty", "uncle", "san", "-san", "bhai",
    "lenka", "Lenka", "priya", "Priya", "Orsolya", "Tamsin", "vasquez", "Ngata", "the", "my", "is", "ok"])
_TEXTS = st.lists(_PIECES, min_size=0, max_size=14).map("".join)
_GATED = ("TitleRecognizer", "GreetingRecognizer", "HonorificRecognizer")


@lru_cache(maxsize=None)
def _engine() -> D.Engine:
    return Anonymiser(b"k" * 32, Policy.load(None)).engine


def _ctx(text: str, lang: str | None = "en") -> D.TextContext:
    doc = D.build_context([text], {}, None)
    return D.TextContext(text, doc, "comment", lang, bytearray(len(text)), lower_style=D.lower_style(text))


def _ungated(engine: D.Engine, text: str, lang: str | None) -> D.TextContext:
    """``Engine.analyze`` without the gate: every recognizer that supports the language runs."""
    t = _ctx(text, lang)
    for rec in engine.running(lang):
        found = list(rec.analyze(t))
        if found:
            for sp in D.resolve(found):
                t.claim(sp)
    if t.spans:  # (the engine's step after its recognizers, as in Engine.analyze)
        from therapy_threads.anonymise.grow import grow_persons

        grow_persons(t, engine.cues)
    return t


@SLOW
@given(_TEXTS)
def test_words_are_the_runs_of_word_characters(text):
    t = _ctx(text)
    runs = set(re.findall(r"\w+", t.low))
    assert {w for w in t.words if re.fullmatch(r"\w+", w)} == runs
    assert runs <= t.words  # (the other entries are chunks holding a non-word character: no trigger)


@SLOW
@given(_TEXTS)
def test_the_regional_gate_with_the_shared_chunks(text):
    t = _ctx(text)
    assert t.chunks == t.low.split()
    first = frozenset({"kia", "hi", "ma'am", "ma", "sir", "priya", "dr"})
    assert G._no_first_word(first, t.low, t.chunks) == G._no_first_word(first, t.low)


@SLOW
@given(_TEXTS, st.sampled_from(["en", None, "de"]))
def test_a_gated_recognizer_without_its_triggers_finds_nothing(text, lang):
    engine = _engine()
    engine.running(lang)
    for rec in engine.recognizers:
        if rec.triggers is None or not rec.supports(lang):
            continue
        t = _ctx(text, lang)
        if rec.triggers.isdisjoint(t.words):
            assert list(rec.analyze(t)) == [], type(rec).__name__


@SLOW
@given(_TEXTS, st.sampled_from(["en", None, "de"]))
def test_the_engine_with_the_gate_is_the_engine_without(text, lang):
    engine = _engine()
    doc = D.build_context([text], {}, None)
    gated = engine.analyze(text, doc, "comment", lang)
    plain = _ungated(engine, text, lang)
    assert gated.spans == plain.spans
    assert gated.candidates == plain.candidates


def test_the_gated_recognizers_declare_their_triggers():
    engine = _engine()
    engine.running("en")
    declared = {type(r).__name__ for r in engine.recognizers if r.triggers is not None}
    assert set(_GATED) <= declared
    for rec in engine.recognizers:
        if rec.triggers is not None:
            assert rec.triggers and all(re.fullmatch(r"\w+", w) for w in rec.triggers)


def test_first_runs():
    assert D.first_runs(["ma'am", "frau dr", "Dr.", "dipl.-psych", "hi"]) == {"ma", "frau", "Dr", "dipl", "hi"}
    assert D.first_runs(["-ji", "sir"]) is None  # a word that starts with no word character: no gate


def test_woken_examples():
    # (invented names) a title wakes the title rule, a greeting the greeting rule, neither the respect words
    engine = _engine()
    engine.running("en")
    bit = {type(r).__name__: engine._bit[id(r)] for r in engine.recognizers if id(r) in engine._bit}
    woken = engine.woken(_ctx("Thanks Dr. Ngata, see you"))
    assert woken & bit["TitleRecognizer"] and woken & bit["GreetingRecognizer"]
    assert not woken & bit["HonorificRecognizer"]
    assert engine.woken(_ctx("Orsolya-ji was kind")) & bit["HonorificRecognizer"]
    assert engine.woken(_ctx("nothing to see here")) & (bit["TitleRecognizer"] | bit["GreetingRecognizer"]) == 0
    # and the spans are found as before where the triggers are there
    doc = D.build_context(["hi lenka, Dr. Vasquez said so"], {}, None)
    spans = engine.analyze("hi lenka, Dr. Vasquez said so", doc, "comment", "en").spans
    assert {(s.start, s.end) for s in spans} >= {(3, 8), (14, 21)}
