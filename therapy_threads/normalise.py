"""Text normalisation shared by every reader: mojibake repair, whitespace, paragraph breaks.

ftfy is the real mojibake repairer, but it runs at about 1 MB/s; most text needs none of its
fixes. ``fix_encoding`` therefore asks ftfy's own badness heuristic (one compiled regex, the same
test ftfy applies before it tries any re-decoding) plus a regex for the characters its other
fixers touch (controls, C1, surrogates, odd line breaks, HTML entities) and calls ftfy only when
one of them matches. Text that matches neither is exactly what ftfy would return, apart from NFC
normalisation, which the fast path applies itself. ``tests/test_normalise.py`` checks the two
paths agree on arbitrary text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

# Characters that a UTF-8 lead byte of a 4-byte sequence (0xF0-0xF4) becomes when decoded as a
# Windows code page: cp1252 gives "ð".."ô", cp1253 (Greek) gives "π".."τ". The seeds mix the two
# ("πŸ˜‚" is 😂 with 0xF0 read as Greek and the rest as cp1252), which ftfy does not repair.
_LEAD = "ðñòóôπρςστ"
_LEAD_RE = re.compile("[" + _LEAD + "]")
_MOJI_RUN = re.compile("[" + _LEAD + "][\u0080-\u02ff\u2010-\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]{2,3}")


def _char_bytes(ch: str) -> bytes | None:
    for cp in ("cp1252", "cp1253"):
        try:
            return ch.encode(cp)
        except UnicodeEncodeError:
            continue
    if ord(ch) < 256:  # C1 controls survive as latin-1 bytes
        return bytes([ord(ch)])
    return None


def _repair_run(m: re.Match[str]) -> str:
    run = m.group(0)
    raw = bytearray()
    for ch in run:
        b = _char_bytes(ch)
        if b is None:
            return run
        raw += b
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return run
    # Keep only a clean single symbol; anything else was real text in a Greek/other script.
    if len(fixed) == 1 and unicodedata.category(fixed) in ("So", "Sk", "Sm", "Cn"):
        return fixed
    return run


def repair_mixed_codepage(text: str) -> str:
    """Repair 4-byte UTF-8 sequences (emoji) that were decoded as a cp1253/cp1252 mix."""
    if _LEAD_RE.search(text) is None:
        return text
    return _MOJI_RUN.sub(_repair_run, text)


_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False,
                                    fix_character_width=False, normalization="NFC")
# What ftfy's fixers other than re-decoding act on: HTML entities, C0/C1 controls and terminal
# escapes, surrogates, Unicode line/paragraph separators, \r, and its removable format
# characters (U+206A-206F, U+FEFF, U+FFF9-FFFC).
_FTFY_CHARS = re.compile(
    "[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u206a-\u206f\ufeff\ufff9-\ufffc]")
_HTML_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")
# Every alternative of ftfy's BADNESS_RE needs at least one character outside ASCII, the
# "common" category and the curly quotes/dashes (start/end punctuation), and outside the plain
# Greek/Cyrillic letters: the classes below plus the literals its patterns name. Searching for
# these first keeps BADNESS_RE (slow: ~3 MB/s) off ordinary English text with curly quotes.
_TRIGGER_CATEGORIES = ("c1", "bad", "law", "currency", "numeric", "kaomoji", "upper_accented",
                       "lower_accented", "box")
_TRIGGER_LITERALS = "ŒœØÙ°×²³à√≈ÄâóВГРСЂΒΓΞΟβā€ÂÃÎÐ"
_TRIGGER = re.compile("[" + "".join(MOJIBAKE_CATEGORIES[c] for c in _TRIGGER_CATEGORIES)
                      + _TRIGGER_LITERALS + "]")
_WS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Runs to collapse into one space: single spaces (most of the text) are left alone.
_SPACES = re.compile(f"  [ {_WS}]*|[{_WS}][ {_WS}]*| [{_WS}][ {_WS}]*")
# Whitespace other than a newline around a newline: what stripping each line removes.
_LINE_EDGES = re.compile(r"[^\S\n]+\n[^\S\n]*|\n[^\S\n]+")
_SPACE_RUN = re.compile(" {2,}")
# Whitespace other than the plain space and newline (what str.strip also removes).
_RARE_SPACE = re.compile(f"[{_WS}\x0b\x0c\r\x1c-\x1f\x85\u1680\u2028\u2029]")
_BLANKS = re.compile(r"\n{3,}")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def needs_ftfy(text: str) -> bool:
    """True when ftfy could change ``text`` beyond NFC normalisation."""
    if _FTFY_CHARS.search(text) is not None:
        return True
    if "&" in text and _HTML_ENTITY.search(text) is not None:
        return True
    if text.isascii() or _TRIGGER.search(text) is None:
        return False
    return BADNESS_RE.search(text) is not None


def fix_encoding(text: str) -> str:
    """Undo mojibake: the targeted emoji repair first, then ftfy for the general cases."""
    text = repair_mixed_codepage(text)
    if needs_ftfy(text):
        return ftfy.fix_text(text, config=_FTFY_CONFIG)
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def unaccented(text: str) -> str:
    """``text`` without its combining marks ("zavináč" -> "zavinac", "τριάντα" -> "τριαντα"), as
    people type without accents; letters that do not decompose ("ł", "ø", "đ") stay. Not
    recomposed: callers compare it with strings made the same way."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces, strip line ends, keep paragraph breaks as one blank line."""
    if "\r" in text:
        # Line breaks first: a zero-width character between CR and LF separates two breaks.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _ZERO_WIDTH.sub("", text)
    if _RARE_SPACE.search(text) is not None:
        # Tabs, NBSP, form feeds...: the general (slower) regexes.
        text = _LINE_EDGES.sub("\n", _SPACES.sub(" ", text)).strip()
    else:
        # Only spaces and newlines: plain string operations give the same result faster.
        if "  " in text:
            text = _SPACE_RUN.sub(" ", text)
        if " \n" in text:
            text = text.replace(" \n", "\n")
        if "\n " in text:
            text = text.replace("\n ", "\n")
        text = text.strip()
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text


def clean_text(text: str) -> str:
    """The normal form of every published text field."""
    return normalise_whitespace(fix_encoding(text))


# Everything that can make clean_text(x) differ from x for a text whose lines are already
# stripped: mojibake leads and triggers, ftfy's other targets, rare spaces, zero-width chars.
_ANY_WORK = re.compile(
    "[" + _LEAD + "".join(MOJIBAKE_CATEGORIES[c] for c in _TRIGGER_CATEGORIES) + _TRIGGER_LITERALS
    + "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u206a-\u206f\ufeff\ufff9-\ufffc&"
    + _WS + "\x85\u1680\u200b\u200c\u200d\u2060]")
_WS_PATTERNS = ("  ", " \n", "\n ", "\n\n\n")


def clean_many(texts: list[str], *, lines_stripped: bool = False) -> list[str]:
    """``[clean_text(t) for t in texts]``, faster when most texts need nothing done.

    One scan over all texts finds the few that contain anything clean_text would change
    (mojibake candidates, controls, entities, odd spaces, unstripped or doubled whitespace);
    only those go through clean_text. The result is identical by construction (and tested).
    ``lines_stripped``: the caller guarantees every line is already stripped and there are no
    runs of blank lines (texts built from stripped lines), which skips three scans.
    """
    out: list[str] = []
    # Batches of ~1M characters: one scan per batch stays cheap, and the joined string (4 bytes
    # per character as soon as one emoji is in it) stays small.
    lo, size = 0, 0
    for hi, t in enumerate(texts):
        size += len(t) + 1
        if size >= _BATCH_CHARS:
            out += _clean_batch(texts[lo:hi + 1], lines_stripped)
            lo, size = hi + 1, 0
    if lo < len(texts):
        out += _clean_batch(texts[lo:], lines_stripped)
    return out


_BATCH_CHARS = 1 << 20


def _clean_batch(texts: list[str], lines_stripped: bool) -> list[str]:
    big = "\n".join(texts)
    flagged: set[int] = set()
    starts: list[int] | None = None

    def owner(pos: int) -> int:
        nonlocal starts
        if starts is None:
            starts = [0]
            for t in texts[:-1]:
                starts.append(starts[-1] + len(t) + 1)
        return bisect_right(starts, pos) - 1

    if not big.isascii() or "&" in big or "\t" in big or "\r" in big or "\x0b" in big or "\x0c" in big:
        for m in _ANY_WORK.finditer(big):
            flagged.add(owner(m.start()))
        if not unicodedata.is_normalized("NFC", big):
            flagged.update(i for i, t in enumerate(texts) if not unicodedata.is_normalized("NFC", t))
    elif _CONTROL_ASCII.search(big):
        for m in _CONTROL_ASCII.finditer(big):
            flagged.add(owner(m.start()))
    for pat in (_WS_PATTERNS[:1] if lines_stripped else _WS_PATTERNS):
        pos = big.find(pat)
        while pos != -1:
            i = owner(pos)
            flagged.add(i)
            flagged.add(owner(pos + len(pat) - 1))
            pos = big.find(pat, pos + 1)
    del big
    out = list(texts)
    for i, t in enumerate(texts):
        if i in flagged or (t and (t[0].isspace() or t[-1].isspace())):
            out[i] = clean_text(t)
    return out


_CONTROL_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
