"""clean_text: mojibake repair, whitespace, and the fast path that must agree with full ftfy."""
from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from hypothesis import given, settings
from hypothesis import strategies as st

from therapy_threads import normalise
from therapy_threads.normalise import clean_text, fix_encoding, normalise_whitespace


def test_seed_emoji_mojibake_repaired():
    # 0xF0 read as Greek cp1253, the rest as cp1252: ftfy alone cannot undo this mix.
    assert clean_text("anyway πŸ˜‚ I guess") == "anyway 😂 I guess"
    assert clean_text("this stuff πŸ™‚") == "this stuff 🙂"
    assert ftfy.fix_text("πŸ˜‚") != "😂"  # why the targeted repair exists


def test_real_greek_text_is_not_touched():
    assert clean_text("πρόσωπο και ψυχή") == "πρόσωπο και ψυχή"


def test_common_mojibake_and_entities():
    assert clean_text("I donâ€™t know") == "I don’t know"
    assert clean_text("cafÃ©") == "café"
    assert clean_text("you &amp; me") == "you & me"
    assert clean_text("“curly” ‘quotes’ stay") == "“curly” ‘quotes’ stay"


def test_whitespace_and_paragraphs():
    assert clean_text("  A\u00a0line  with\tspaces \n\n\n\n next\u200b para  \r\n") == "A line with spaces\n\nnext para"
    assert clean_text("one\ntwo") == "one\ntwo"  # line breaks inside a paragraph kept
    assert clean_text("") == ""


def test_nfc_applied_on_fast_path():
    decomposed = "cafe\u0301"
    assert not normalise.needs_ftfy(decomposed)
    assert fix_encoding(decomposed) == "caf\u00e9"


def _reference_whitespace(text: str) -> str:
    """The original line-by-line implementation the fast version must equal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = normalise._ZERO_WIDTH.sub("", text)
    lines = [normalise._SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    out = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", out)


_WS_ALPHABET = st.sampled_from(list(" \n\t\r\u00a0\u2003\u200b\u3000\x0b\x0c\x85\u2028ab.’"))


@settings(max_examples=400, deadline=None)
@given(st.text(_WS_ALPHABET, max_size=40) | st.text(max_size=60))
def test_fast_whitespace_equals_reference(text):
    assert normalise_whitespace(text) == _reference_whitespace(text)


_MOJI_CHARS = "".join(MOJIBAKE_CATEGORIES.values())
_MOJI_ALPHABET = st.sampled_from(sorted(set(
    re.sub(r".-.", "", _MOJI_CHARS)  # drop range syntax; the endpoints stay
    + "ŒœØÙ°×²³à√≈ÄâóВГРСЂΒΓΞΟβā€ÂÃÎÐπŸ˜‚™\u00a0\ufffd\x81\x9d"
    + "abcXYZ .,!?'\"’“”–—…\n&;#amp😂🙂"
)))


@settings(max_examples=600, deadline=None)
@given(st.text(_MOJI_ALPHABET, max_size=12))
def test_badness_prefilter_is_sound(text):
    if BADNESS_RE.search(text):
        assert normalise._TRIGGER.search(text), text


@settings(max_examples=600, deadline=None)
@given(st.text(_MOJI_ALPHABET, max_size=16) | st.text(max_size=40))
def test_fast_path_equals_full_ftfy(text):
    full = ftfy.fix_text(normalise.repair_mixed_codepage(text), config=normalise._FTFY_CONFIG)
    assert fix_encoding(text) == full


def test_fast_path_on_seed_lines_equals_full_ftfy():
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    n = 0
    for path in sorted(seeds.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            full = ftfy.fix_text(normalise.repair_mixed_codepage(line), config=normalise._FTFY_CONFIG)
            assert fix_encoding(line) == full
            n += 1
    assert n > 800


def test_clean_text_is_idempotent_on_seeds():
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        once = clean_text(path.read_text(encoding="utf-8"))
        assert clean_text(once) == once
        assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(_MOJI_ALPHABET, max_size=10) | st.text(_WS_ALPHABET, max_size=10)
                | st.text(max_size=20), max_size=8))
def test_clean_many_equals_clean_text_each(texts):
    assert normalise.clean_many(texts) == [clean_text(t) for t in texts]


def test_clean_many_on_seed_paragraphs():
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        paras = [p.strip(" ") for p in path.read_text(encoding="utf-8").split("\n\n")]
        assert normalise.clean_many(paras) == [clean_text(p) for p in paras]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(_MOJI_ALPHABET, max_size=8) | st.text(max_size=12), min_size=1, max_size=4),
                max_size=6))
def test_clean_many_on_stripped_lines(paragraphs):
    # Texts as the text reader builds them: stripped, non-empty lines; "" between paragraphs.
    texts = []
    for lines in paragraphs:
        parts = [ln.strip() for ln in lines if "\n" not in ln and ln.strip()]
        texts.append("\n".join(parts))
    assert normalise.clean_many(texts, lines_stripped=True) == [clean_text(t) for t in texts]


def test_clean_many_batches_agree(monkeypatch):
    monkeypatch.setattr(normalise, "_BATCH_CHARS", 7)
    texts = ["plain", "two  spaces", "caf\u00c3\u00a9", "", "x πŸ˜‚", " lead", "tail\u00a0", "ok"] * 3
    assert normalise.clean_many(texts) == [clean_text(t) for t in texts]


def test_a_zero_width_character_between_cr_and_lf_keeps_both_breaks():
    # found by the property test above: CR, zero-width space, LF are two line breaks
    assert normalise_whitespace("a\r\u200b\na") == _reference_whitespace("a\r\u200b\na") == "a\n\na"
