"""Hardened, streaming XML parsing for export files (WXR, Disqus).

Exports never declare entities or external DTDs, so a file that does is refused before parsing
(billion laughs, external entities / XXE); the parser itself is also configured not to resolve
entities, load DTDs or touch the network. Elements are streamed with ``iterparse`` and cleared
after use, so memory stays proportional to one item, not the whole export.

A file that is not well-formed is parsed a second time in libxml2's recover mode: what can be
read is kept and the reader reports a warning saying the file is damaged.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
_DANGEROUS = re.compile(rb"<!ENTITY|\bSYSTEM\b|\bPUBLIC\b", re.I)


class UnsafeXML(Exception):
    """The file declares entities or an external DTD."""


@dataclass(slots=True)
class Prepared:
    data: bytes
    warnings: list[tuple[str, str]]


_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _xml_char_ok(cp: int) -> bool:
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD \
        or 0x10000 <= cp <= 0x10FFFF


def repair_char_refs(data: bytes) -> tuple[bytes, int]:
    """Character references XML forbids: a UTF-16 surrogate pair written as two references
    (``&#xD83D;&#xDE0A;``, what some exporters produce for emoji) becomes the one character it
    encodes; any other forbidden reference (a lone surrogate, ``&#0;``) becomes U+FFFD.
    Returns the bytes and the number of references repaired."""
    if b"&#" not in data:
        return data, 0
    refs = [(m.start(), m.end(), int(m.group(1), 16) if m.group(1) else int(m.group(2)))
            for m in _CHARREF.finditer(data)]
    bad = [i for i, (_, _, cp) in enumerate(refs) if not _xml_char_ok(cp)]
    if not bad:
        return data, 0
    out: list[bytes] = []
    pos = 0
    fixed = 0
    skip_next = False
    for i in bad:
        if skip_next:
            skip_next = False
            continue
        start, end, cp = refs[i]
        out.append(data[pos:start])
        nxt = refs[i + 1] if i + 1 < len(refs) else None
        if 0xD800 <= cp <= 0xDBFF and nxt is not None and nxt[0] == end \
                and 0xDC00 <= nxt[2] <= 0xDFFF:
            out.append(b"&#x%X;" % (0x10000 + ((cp - 0xD800) << 10) + (nxt[2] - 0xDC00)))
            fixed += 2
            pos = nxt[1]
            skip_next = True
            continue
        out.append(b"&#xFFFD;")
        fixed += 1
        pos = end
    out.append(data[pos:])
    return b"".join(out), fixed


# UTF-32 before UTF-16: their byte-order marks share a prefix.
_WIDE = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_WIDE_NO_BOM = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
                (b"\x00<\x00", "utf-16-be"), (b"<\x00", "utf-16-le"))
_DECLARED = re.compile(rb"""\A(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


def to_utf8(data: bytes) -> tuple[bytes, str | None]:
    """A UTF-16 or UTF-32 document (by its byte-order mark, or the NULs around its first '<') as
    UTF-8 with its declaration saying so, and the encoding it had; other bytes unchanged.

    The checks below (entity declarations, forbidden character references) read bytes: on a
    wide encoding they would see nothing.
    """
    for bom, enc in _WIDE:
        if data.startswith(bom):
            data = data[len(bom):]
            break
    else:
        enc = next((e for pat, e in _WIDE_NO_BOM if data.startswith(pat)), None)
        if enc is None:
            return data, None
    text = data.decode(enc, errors="replace").encode("utf-8")
    return _DECLARED.sub(rb'\1"UTF-8"', text, count=1), enc


def prepare(data: bytes) -> Prepared:
    """Transcode UTF-16/32 to UTF-8, strip a BOM or stray bytes before the first tag, repair
    forbidden character references and refuse entity declarations.

    Raises UnsafeXML with a message for people.
    """
    warnings: list[tuple[str, str]] = []
    data, _wide = to_utf8(data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    start = data.find(b"<")
    if start < 0:
        return Prepared(data, warnings)
    if data[:start].strip():
        junk = data[:start].strip()[:20]
        warnings.append(("stray_bytes_before_xml",
                         f"{start} byte(s) before the XML declaration ({junk!r}) were ignored; "
                         "the file was probably edited or concatenated by hand"))
        data = data[start:]
    elif start:
        data = data[start:]
    # The DTD, if any, is in the prolog: before the root element's first tag.
    head = data[:1 << 20]
    m = _DOCTYPE.search(head)
    if m:
        root_start = _first_element(head)
        if root_start < 0 or m.start() < root_start:
            end = head.find(b"]>", m.start())
            end = head.find(b">", m.start()) if end < 0 else end
            dtd = head[m.start(): end + 2 if end >= 0 else len(head)]
            if _DANGEROUS.search(dtd):
                raise UnsafeXML(
                    "the file declares XML entities or an external DTD (<!DOCTYPE ... <!ENTITY / "
                    "SYSTEM>); exports never do, and expanding them is a known attack (billion "
                    "laughs, external entities). Refusing to read it: re-export the file from the "
                    "blog, or remove the DOCTYPE if you trust it")
    data, fixed = repair_char_refs(data)
    if fixed:
        warnings.append(("char_refs_repaired",
                         f"{fixed} character reference(s) XML does not allow (UTF-16 surrogates "
                         "like &#xD83D;, or &#0;) were repaired: surrogate pairs joined into the "
                         "character they encode, the rest replaced by U+FFFD"))
    return Prepared(data, warnings)


def _first_element(head: bytes) -> int:
    for m in re.finditer(rb"<([A-Za-z_])", head):
        return m.start()
    return -1


def iterparse(data: bytes, *, recover: bool,
              tags: tuple[str, ...] | None = None) -> Iterator[etree._Element]:
    """Yield each element (or each of ``tags``) at its end event; the caller clears them."""
    return (el for _ev, el in etree.iterparse(
        io.BytesIO(data), events=("end",), tag=tags, recover=recover, resolve_entities=False,
        # huge_tree: a single field may exceed libxml2's 10 MB text limit (a pasted dump in a
        # comment); without it the whole export fails. Entity expansion, the danger huge_tree
        # would otherwise open, is refused before parsing (prepare) and disabled here.
        no_network=True, huge_tree=True, load_dtd=False, remove_comments=True,
        remove_pis=True, strip_cdata=True))


def localname(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag.split(":")[-1]


def namespace(el: etree._Element) -> str:
    tag = el.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def release(el: etree._Element) -> None:
    """Free a processed element and the already-processed siblings before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def describe_syntax_error(e: etree.XMLSyntaxError) -> str:
    return " ".join(str(e).split())


_TAG = re.compile(rb"<[A-Za-z_][^<>]*>")
_UNQUOTED = re.compile(rb"""(\s[A-Za-z_:][-\w:.]*)=([^\s"'=<>`]+)""")


def repair_unquoted_attributes(data: bytes) -> bytes | None:
    """Quote ``attr=value`` in start tags (a common hand-editing damage); None if none found."""
    changed = False

    def fix_tag(m: re.Match[bytes]) -> bytes:
        nonlocal changed
        new = _UNQUOTED.sub(rb'\1="\2"', m.group(0))
        changed = changed or new != m.group(0)
        return new

    out = _TAG.sub(fix_tag, data)
    return out if changed else None


def count_elements(data: bytes, local_name: bytes) -> int:
    """Occurrences of an element's start tag (any prefix), counted on the bytes without parsing:
    the second, independent count the reconciliation compares a reader with."""
    return len(re.findall(rb"<(?:[\w.-]+:)?" + re.escape(local_name) + rb"(?=[\s>/])", data))


class Unreadable(Exception):
    """Not well-formed and nothing could be recovered; the message is the parser's."""


def tolerant_scan(scan, data: bytes, count):
    """Run ``scan(data, recover=...)`` strictly, then repaired, then in recover mode.

    Returns ``(value, code, detail)``: code is None for a clean parse, ``xml_repaired`` or
    ``xml_recovered`` otherwise. Raises Unreadable when no attempt yields any item.
    """
    try:
        return scan(data, recover=False), None, ""
    except etree.XMLSyntaxError as e:
        detail = describe_syntax_error(e)
    repaired = repair_unquoted_attributes(data)
    if repaired is not None:
        try:
            return scan(repaired, recover=False), "xml_repaired", detail
        except etree.XMLSyntaxError:
            pass
    try:
        value = scan(data, recover=True)
    except etree.XMLSyntaxError:
        value = None
    if value is None or count(value) == 0:
        raise Unreadable(detail)
    return value, "xml_recovered", detail


def tolerant_read(result, data: bytes, scan, count, *, what: str, again: str, recovered):
    """An export file read by a reader: :func:`prepare_for`, then :func:`tolerant_scan`.

    Returns ``(prepared bytes, the scan's value)``, or None after the source's ``unsafe_xml`` or
    ``xml_not_well_formed`` error; a repair or a recovery becomes a warning.

    The wording is one for every export format so that a damaged file reads the same whatever
    made it: ``what`` names the file ("the export"), ``again`` is the next step when nothing could
    be read, ``recovered(value)`` says what recovery mode read and what may be missing.
    """
    prepared = prepare_for(result, data)
    if prepared is None:
        return None
    try:
        value, code, detail = tolerant_scan(scan, prepared, count)
    except Unreadable as e:
        result.error("xml_not_well_formed",
                     f"{what} is not well-formed XML and nothing could be recovered: {e}. {again}")
        return None
    if code == "xml_repaired":
        result.warn(code, f"{what} is not well-formed XML ({detail}); unquoted attribute values "
                    "were quoted and it then parsed completely")
    elif code == "xml_recovered":
        result.warn(code, f"{what} is not well-formed XML ({detail}); {recovered(value)}")
    return prepared, value

def prepare_for(result, data: bytes):
    """:func:`prepare` for a reader: an unsafe document becomes the source's ``unsafe_xml`` error
    (returns None), repairs made on the way become warnings; returns the prepared bytes."""
    try:
        prepared = prepare(data)
    except UnsafeXML as e:
        result.error("unsafe_xml", str(e))
        return None
    for code, msg in prepared.warnings:
        result.warn(code, msg)
    return prepared.data
