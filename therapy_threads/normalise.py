"""Text normalisation shared by every reader: mojibake repair, whitespace, paragraph breaks."""
from __future__ import annotations

import re
import unicodedata

import ftfy

# Characters that a UTF-8 lead byte of a 4-byte sequence (0xF0-0xF4) becomes when decoded as a
# Windows code page: cp1252 gives "ð".."ô", cp1253 (Greek) gives "π".."τ". The seeds mix the two
# ("πŸ˜‚" is 😂 with 0xF0 read as Greek and the rest as cp1252), which ftfy does not repair.
_LEAD = "ðñòóôπρςστ"
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
    if not any(c in text for c in _LEAD):
        return text
    return _MOJI_RUN.sub(_repair_run, text)


_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False,
                                    fix_character_width=False, normalization="NFC")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def fix_encoding(text: str) -> str:
    """Undo mojibake: the targeted emoji repair first, then ftfy for the general cases."""
    return ftfy.fix_text(repair_mixed_codepage(text), config=_FTFY_CONFIG)


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces, strip line ends, keep paragraph breaks as one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    out = "\n".join(lines).strip("\n")
    return _BLANKS.sub("\n\n", out)


def clean_text(text: str) -> str:
    """The normal form of every published text field."""
    return normalise_whitespace(fix_encoding(text))
