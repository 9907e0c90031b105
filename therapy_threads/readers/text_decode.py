"""Bytes of a text capture -> str, saying exactly what had to be guessed.

UTF-8 is the norm. A file that is mostly UTF-8 with a few stray bytes (a capture pasted through
a Windows tool) keeps its valid UTF-8 and gets each stray byte read as cp1252; a file with no
UTF-8 multi-byte sequences at all is a legacy single-byte encoding, identified with
charset-normalizer (cp1252 when it has no opinion). Binary data is refused with an error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SURROGATE_ESC = re.compile("[\udc80-\udcff]")
# A valid multi-byte UTF-8 sequence: evidence the file is UTF-8 at heart.
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_SAMPLE = 65536


@dataclass(slots=True)
class Decoded:
    text: str | None  # None: not text; see issues
    encoding: str
    issues: list[tuple[str, str, str]] = field(default_factory=list)  # (severity, code, message)


def _stray_byte(m: re.Match[str]) -> str:
    b = bytes([ord(m.group(0)) - 0xDC00])
    try:
        return b.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in cp1252
        return "\ufffd"


def decode_capture(data: bytes) -> Decoded:
    if not data.strip():
        return Decoded(None, "", [("error", "empty_source",
                                   "the file is empty or only whitespace; remove it from the manifest or re-capture the page")])
    utf32 = _utf32(data)
    if utf32 is not None:
        try:
            return Decoded(data.decode(utf32), utf32)
        except UnicodeDecodeError as e:
            return Decoded(None, utf32, [("error", "undecodable",
                                          f"UTF-32 text but invalid at byte {e.start}; re-save the capture as UTF-8")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as e:
            return Decoded(None, "utf-16", [("error", "undecodable",
                                             f"UTF-16 byte-order mark but invalid UTF-16 at byte {e.start}; re-save the capture as UTF-8")])
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return Decoded(None, "", [("error", "binary_source",
                                   "the file contains NUL bytes: it is binary, not a text capture; check the manifest location and format")])
    encoding = "utf-8"
    issues: list[tuple[str, str, str]] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first_bad = e.start
        if _UTF8_MULTI.search(data) is None:
            encoding = _detect_legacy(data)
            text = data.decode(encoding, errors="replace")
            issues.append(("warning", "legacy_encoding",
                           f"not UTF-8 (first invalid byte at offset {first_bad}); decoded as {encoding} "
                           "by charset detection: check accented letters, or re-save the capture as UTF-8"))
        else:
            text = data.decode("utf-8-sig", errors="surrogateescape")
            stray = len(_SURROGATE_ESC.findall(text))
            text = _SURROGATE_ESC.sub(_stray_byte, text)
            encoding = "utf-8+cp1252"
            issues.append(("warning", "invalid_utf8",
                           f"{stray} byte(s) are not valid UTF-8 (first at offset {first_bad}); read those bytes "
                           "as cp1252, kept the rest as UTF-8"))
    if encoding != "utf-8" and _random_high_bytes(data[:_BINARY_SAMPLE]):
        return Decoded(None, encoding, issues + [("error", "binary_source",
                                                  "the bytes do not read as text in any encoding (no words, "
                                                  "almost no spaces): this is not a text capture; check the "
                                                  "manifest location and format")])
    controls = len(_CONTROL.findall(text[:_BINARY_SAMPLE]))
    if controls > max(8, len(text[:_BINARY_SAMPLE]) // 20):
        return Decoded(None, encoding, issues + [("error", "binary_source",
                                                  f"{controls} control characters in the first {_BINARY_SAMPLE} characters: "
                                                  "this is not a text capture; check the manifest location and format")])
    return Decoded(text, encoding, issues)


def _utf32(data: bytes) -> str | None:
    """'utf-32' when the bytes are UTF-32 (BOM, or the NUL pattern of UTF-32 without one)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    head = data[:4096]
    if len(head) >= 16 and len(head) % 4 == 0:
        if all(head[i + 1] == 0 and head[i + 2] == 0 and head[i + 3] == 0 for i in range(0, 64, 4)):
            return "utf-32-le"
        if all(head[i] == 0 and head[i + 1] == 0 and head[i + 2] == 0 for i in range(0, 64, 4)):
            return "utf-32-be"
    return None


def _random_high_bytes(sample: bytes) -> bool:
    """Bytes that are not UTF-8, mostly above 0x7F and almost without ASCII spaces or line
    breaks: no legacy encoding of any language looks like that (Cyrillic or Greek in cp1251 /
    cp1253 still separates words with ASCII spaces), random or compressed data does."""
    if len(sample) < 512:
        return False
    high = sum(1 for b in sample if b >= 0x80)
    spaces = sample.count(b" ") + sample.count(b"\n")
    return high / len(sample) > 0.5 and spaces / len(sample) < 0.01


# Letters outside ASCII: a Western text read as cp1252 has few; Cyrillic or Greek read as cp1252
# turns nearly every letter into one.
_LETTER = re.compile(r"[^\W\d_]")


def _detect_legacy(data: bytes) -> str:
    """cp1252 unless it is clearly wrong (undefined bytes, or the letters come out as gibberish)."""
    try:
        as1252 = data[:_BINARY_SAMPLE].decode("cp1252")
    except UnicodeDecodeError:
        as1252 = None
    if as1252 is not None:
        letters = _LETTER.findall(as1252)
        if letters and sum(1 for ch in letters if ord(ch) > 127) / len(letters) < 0.3:
            return "cp1252"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: cp1252 is by far the most common legacy encoding of web text
        return "cp1252"
    best = from_bytes(data[:_BINARY_SAMPLE]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return "cp1252"
    return best.encoding
