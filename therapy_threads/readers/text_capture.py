"""Reader for plain-text captures of blog pages (the seed format).

A capture is what a browser's "save as text" or a text-mode browser prints for a post page::

    Title
    <body paragraphs, pull quotes, image alt text, share bars ...>
    By Author                      (optional byline, maybe an author bio after it)
    19 thoughts on “Title”         (optional: the declared comment count)
      1. first comment             (numbered or • bulleted list, nesting by indentation)
        Liked by 4 people
        1. a reply
    Leave a Reply                  (the comment form: furniture to the end)

The work is split in two: ``analyse(text)`` assigns every input line a role (title, body,
furniture, comment, metadata, blank) and an owner (which comment, paragraph or furniture row);
``TextCaptureReader.read`` turns that into records. The line accounting is explicit so tests
can prove that nothing is lost or duplicated.

Reply nesting uses a stack of open comments by indentation (no recursion, no fixed indent
width). A marker line starts a reply only if it could be one: after a blank line (or the
previous comment's "Reply"/"Liked by" line), with a space after the marker, and numbered in
sequence within its list (a list is a parent plus an indentation; it starts at 1 and counts up,
a gap being a comment the capture lost; another 1 starts a new sub-list after an omitted
comment). Anything else — a numbered list inside a comment, "2.Do", a "3." as first reply — is
text of the current comment. A reply indented past its parent's child level is kept under the
nearest earlier comment with a smaller indent and reported (``indent_jump``); the indent unit is
learned per capture.

Also handled, because real captures vary: no count header (the indented list after a closing
byline or before a comment form is the comment section, with a warning), "Anna says:" /
date / "Reply" / "Post author" lines (metadata: identity, time, flags — never text), pingbacks
(skipped and counted), unindented stray lines between comments, forms printed above the
comments, hard-wrapped text dumps (lynx/w3m; paragraphs re-joined), legacy encodings.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import ids
from ..normalise import clean_many, clean_text
from ..records import Comment, Furniture, Identity, Post, ReadResult, SourceIssue
from ..tree import build_tree
from ._dates import parse_iso
from . import register
from .base import Reader, SourceRef
from .text_decode import decode_capture
from .text_furniture import (
    image_alt_like, is_substantial_prose, pull_quotes, strong_kind, tail_kind, tail_shape_kind,
)

FORMAT = "text_capture"

# Line roles (the accounting vocabulary).
BLANK = "blank"
TITLE = "title"
SITE_HEADER = "site_header"
BYLINE = "byline"
BODY = "body"
FURNITURE = "furniture"
COMMENT = "comment"
META = "meta"  # comment-count header, "Liked by" lines, comment action links

_I = re.IGNORECASE
_NUMBER_WORDS = {
    "no": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_COUNT_HEADER = re.compile(
    r"^(?P<n>\d[\d,.]*|no|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:thoughts?|comments?|responses?|replies|reply|reactions?|discussions?)"
    r"(?:\s+(?:on|to|for|about|so far)\b.*|\s*[:.]?)$", _I)
_BARE_HEADER = re.compile(
    r"^(?:comments|responses|replies|reader comments|discussion)"
    r"\s*(?:\(\s*(?P<n>\d+)\s*\)|:\s*(?P<m>\d+))?\s*:?$", _I)
_LEAVE = re.compile(
    r"^(?:leave a (?:reply|comment|response)|leave your (?:comment|reply|thoughts)|add (?:a|your) comment"
    r"|post a comment|write a comment|submit a comment|have your say)\b", _I)
_BYLINE = re.compile(
    r"^(?i:by|written by|posted by|published by|author:)\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|la|le|du)){0,4})"
    r"(?:\s*(?:on|,|\||–|—|-)\s*(?P<date>[^.!?]*\b\d{4}\b.*))?$")
# "Posted on March 3, 2012 by Jane Doe": a dateline, with the byline in it when given.
_POSTED = re.compile(
    r"^(?i:posted|published|written)\s+(?i:on\s+)?[^.!?]{0,40}?\b\d{4}\b"
    r"(?:\s+(?i:by)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}))?$")
_BIO_PHRASE = re.compile(
    r"\b(?:is (?:the|an?) (?:author|founder|owner|editor|writer|licensed|psychotherapist|therapist|psychologist)"
    r"|connect with (?:him|her|them)|follow (?:him|her|them)|about the author|(?:his|her|their) (?:books?|practice)"
    r"|has (?:written|been practi[cs]ing))\b", _I)
_SITE_HEADER = re.compile(
    r"^(?:blog|the blog|news|journal|articles?)\s*[:|–—-]\s*\S.*$|^.+\s[|–—-]\s*(?:the )?blog$|^.+['’]s blog$", _I)
_MARKER = re.compile(r"(?P<num>\d{1,6})\.(?P<sp>\s|$)|(?P<bullet>[•◦▪‣*+])(?P<bsp>\s|$)|(?P<nospace>\d{1,6})\.(?=\S)")
_AUTHOR_BADGE = re.compile(r"^(?:post author|author|blog author)$", _I)
_PINGBACK = re.compile(r"^(?:pingback|trackback)\b", _I)
_QUOTED_TITLE = re.compile(r"[“\"]([^”\"]+)[”\"]?\s*$")
_LIKED = re.compile(r"^(?:liked by (?P<n>\d[\d,]*|one) (?:people|person)\.?|(?P<k>\d[\d,]*) likes?)$", _I)
_COMMENT_ACTIONS = re.compile(
    r"^(?:reply|reply ↓|↓ reply|report(?: comment)?|like|unlike|edit|delete|permalink|loading\.*)$", _I)
# "Anna says:", "paperdoll said:" — names are at most four tokens and not pronoun phrases.
_SAYS = re.compile(r"^(?P<name>[^\s:][^:]{0,40}?)\s+(?:says|said|wrote|replied)\s*(?::|\.\.\.|…)$", _I)
_NOT_NAMES = frozenset("my the his her our your their she he they it i we you this that a an".split())
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    r"^(?:on\s+)?(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r"\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$", _I)
_MAX_TITLE = 300
# A path key longer than this falls back to its root and line: keeps keys short in deep chains.
_MAX_KEY = 96


@dataclass(slots=True)
class DraftComment:
    key: str
    parent: int | None  # index into Analysis.comments
    indent: int
    first_line: int  # 0-based
    last_line: int
    number: int | None  # the list number, None for bullets
    parts: list[str] = field(default_factory=list)  # text lines; "" marks a paragraph break
    like_count: int | None = None
    n_children: int = 0
    author_name: str | None = None  # "Anna says:" in captures that show names; raw identity
    published_at: str | None = None
    is_author: bool = False
    text: str = ""


@dataclass(slots=True)
class Block:
    """A run of non-blank lines (a paragraph), with its 0-based line range."""
    start: int
    end: int  # inclusive
    text: str  # lines joined with "\n", indentation stripped


@dataclass(slots=True)
class Analysis:
    lines: list[str]
    roles: list[str]
    owners: list[int]  # comment index (COMMENT/META of a comment), furniture index, paragraph index
    title: str = ""
    title_line: int | None = None
    site_header: str | None = None
    author: str | None = None
    published_at: str | None = None
    declared_count: int | None = None
    header_line: int | None = None
    paragraphs: list[Block] = field(default_factory=list)
    furniture: list[tuple[str, Block]] = field(default_factory=list)
    comments: list[DraftComment] = field(default_factory=list)
    warnings: list[tuple[str, str, str]] = field(default_factory=list)  # (code, message, location)
    keep_parts: bool = True  # keep each comment's raw lines (the accounting); the reader drops them
    wrapped: bool = False  # hard-wrapped capture (lynx/w3m dump): line breaks inside paragraphs are not the author's

    @property
    def body(self) -> str:
        texts = [unwrap(b.text) if self.wrapped else b.text for b in self.paragraphs]
        return "\n\n".join(p for p in clean_many(texts, lines_stripped=True) if p)


_SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")


def unwrap(text: str) -> str:
    """Join the lines of each paragraph (a hard-wrapped capture's breaks are the dumper's)."""
    return _SINGLE_NEWLINE.sub(" ", text)


def is_hard_wrapped(lines: list[str]) -> bool:
    """Text dumps (lynx -dump, w3m) wrap at a fixed width: many lines end near the longest
    line, and no line is much longer. Captures saved from a browser keep one line per paragraph."""
    if any(len(ln) > 101 for ln in lines[:400]):
        return False  # one line per paragraph: the usual browser capture, decided early
    lengths = [len(ln.rstrip()) for ln in lines[:20_000] if ln.strip()]
    if len(lengths) < 12:
        return False
    width = max(lengths)
    if width > 100 or width < 40:
        return False
    near = sum(1 for n in lengths if n >= width - 12)
    return near >= 0.25 * len(lengths)


def location(start: int, end: int) -> str:
    return f"line {start + 1}" if start == end else f"line {start + 1}-{end + 1}"


def analyse(text: str, site_hint: str | None = None) -> Analysis:
    """Assign every line of a capture a role and an owner, and collect the structure.

    ``site_hint`` is the site name from the manifest: a first line that repeats it is the
    site header, not the title.
    """
    return analyse_lines(split_lines(text), site_hint)


def split_lines(text: str) -> list[str]:
    """Lines of a capture: any newline convention, tabs expanded to 4-column stops."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.expandtabs(4)
    return text.split("\n")


def analyse_lines(lines: list[str], site_hint: str | None = None, *, keep_parts: bool = True) -> Analysis:
    """``analyse`` on the lines of a capture (lets the caller drop the whole text first)."""
    n = len(lines)
    a = Analysis(lines=lines, roles=[BLANK] * n, owners=[-1] * n, keep_parts=keep_parts)
    stripped = [ln.strip() for ln in lines]
    indents = _Indents(lines, stripped)

    first = next((i for i, s in enumerate(stripped) if s), None)
    if first is None:
        return a
    if is_hard_wrapped(lines):
        a.wrapped = True
        a.warnings.append(("hard_wrapped", "the capture is wrapped at a fixed width; lines inside a "
                           "paragraph were joined", ""))

    header, leaves = _find_headers(stripped, indents, first)
    if header is not None:
        a.header_line = header
        a.declared_count = _declared(stripped[header])
        a.roles[header] = META
        comments_start: int | None = header + 1
        body_end = header
        leaves_before = [i for i in leaves if i < header]
        if leaves_before:  # a form printed above the comments (some themes)
            body_end = leaves_before[0]
    else:
        comments_start = None
        body_end = leaves[0] if leaves else n
    comments_end = next((i for i in leaves if comments_start is not None and i >= comments_start), n)

    title_line = _read_title(a, stripped, first, body_end, site_hint)
    if title_line is None and header is not None:
        # A capture that starts at the comments: the header names the post ("… on “Title”").
        q = _QUOTED_TITLE.search(stripped[header])
        a.title = q.group(1).strip() if q else ""
    if comments_start is None and title_line is not None:
        comments_start = _infer_comment_start(a, stripped, indents, title_line, body_end, leaves)
        if comments_start is not None:
            body_end = comments_start
            comments_end = next((i for i in leaves if i >= comments_start), n)
    if title_line is not None:
        _read_body(a, stripped, title_line, body_end)
    if comments_start is not None:
        _read_comments(a, stripped, indents, comments_start, comments_end)
        form_start = comments_end
    else:
        form_start = body_end
    # Form and whatever follows it, plus a form above the comments.
    for lo, hi in _form_ranges(a, leaves, form_start, n, header):
        _read_form(a, stripped, lo, hi)
    a.furniture.sort(key=lambda f: f[1].start)
    _renumber_furniture(a)
    return a


class _Indents:
    """Indentation of line i, computed on demand: the hot loops only need it for marker lines."""

    __slots__ = ("lines", "stripped")

    def __init__(self, lines: list[str], stripped: list[str]):
        self.lines = lines
        self.stripped = stripped

    def __getitem__(self, i: int) -> int:
        s = self.stripped[i]
        # The first non-space character sits at the indentation (no copy of the line needed).
        return self.lines[i].find(s[0]) if s else 0


def _find_headers(stripped: list[str], indents: _Indents, first: int) -> tuple[int | None, list[int]]:
    """The comment-count header and the comment-form lines ("Leave a Reply").

    Themes also print "12 Comments" as a link near the title; the header is the candidate the
    comment list follows (next text line indented or a list marker), else the last candidate.
    """
    candidates: list[int] = []
    leaves: list[int] = []
    n = len(stripped)
    lines = indents.lines
    # Headers and form lines are (nearly) unindented: skip the indented comment lines first.
    for i in [i for i in range(first, n) if lines[i] and not lines[i].startswith("  ")]:
        s = stripped[i]
        if not s or len(s) > 200:
            continue
        if i == first and not _COUNT_HEADER.match(s):
            continue  # the first line is the title unless it is a count ("12 Comments")
        if _COUNT_HEADER.match(s) or _BARE_HEADER.match(s):
            candidates.append(i)
        elif _LEAVE.match(s):
            leaves.append(i)
    if len(candidates) <= 1:
        return (candidates[0] if candidates else None), leaves
    for i in candidates:
        j = next((k for k in range(i + 1, min(n, i + 20)) if stripped[k]), None)
        if j is not None and (indents[j] > 0 or _MARKER.match(stripped[j])):
            return i, leaves
    return candidates[-1], leaves


def _declared(line: str) -> int | None:
    m = _COUNT_HEADER.match(line)
    if m:
        raw = m.group("n").lower()
        if raw in _NUMBER_WORDS:
            return _NUMBER_WORDS[raw]
        digits = re.sub(r"[,.]", "", raw)
        return int(digits) if digits.isdigit() else None
    m = _BARE_HEADER.match(line)
    if m and (m.group("n") or m.group("m")):
        return int(m.group("n") or m.group("m"))
    return None


def _blocks(stripped: list[str], lo: int, hi: int) -> list[Block]:
    out: list[Block] = []
    start = None
    for i in range(lo, hi):
        if stripped[i]:
            if start is None:
                start = i
        elif start is not None:
            out.append(Block(start, i - 1, "\n".join(stripped[start:i])))
            start = None
    if start is not None:
        out.append(Block(start, hi - 1, "\n".join(stripped[start:hi])))
    return out


def _add_furniture(a: Analysis, kind: str, block: Block) -> None:
    idx = len(a.furniture)
    a.furniture.append((kind, block))
    for i in range(block.start, block.end + 1):
        if a.lines[i].strip():
            a.roles[i] = FURNITURE
            a.owners[i] = idx


def _read_title(a: Analysis, stripped: list[str], first: int, end: int, site_hint: str | None = None) -> int | None:
    """The title line; furniture (skip links, cookie banners) and a site header may precede it.

    A site header is recognised by its wording ("Blog: ..."), by repeating the manifest's site
    name, or by position: a short unpunctuated line, then another, then a byline or dateline
    (datelines follow titles, so the line before the title is the site name).
    """
    hint = " ".join(site_hint.lower().split()) if site_hint else ""
    for i in range(first, end):
        s = stripped[i]
        if not s:
            continue
        kind = strong_kind(s)
        if kind is not None and kind != "image_alt":
            _add_furniture(a, kind, Block(i, i, s))
        elif a.site_header is None and _has_next_text(stripped, i, end) and (
                _SITE_HEADER.match(s) or (hint and _same_name(s, hint)) or _site_by_position(stripped, i, end)):
            a.site_header = s
            a.roles[i] = SITE_HEADER
        elif len(s) > _MAX_TITLE:
            # A paragraph, not a title: the capture starts at the body. The body is read from
            # here (title_line is the line before it) and the title stays empty.
            a.warnings.append(("no_title", f"the first text line is {len(s)} characters long: read as "
                               "body, title left empty", location(i, i)))
            return i - 1
        else:
            a.title_line = i
            a.title = s
            a.roles[i] = TITLE
            return i
    return None


def _read_body(a: Analysis, stripped: list[str], title_line: int, end: int) -> None:
    # Single metadata lines — the byline or dateline, a "12 Comments" link — may be glued to
    # each other or to a paragraph: take them out before grouping paragraphs.
    view = stripped
    byline_line = None
    for i in range(title_line + 1, end):
        s = stripped[i]
        if not s or len(s) > 120:
            continue
        m = None if byline_line is not None else (_BYLINE.match(s) or _POSTED.match(s))
        if m:
            if m.group("name"):
                a.author = m.group("name").strip()
            a.roles[i] = BYLINE
            byline_line = i
        elif _COUNT_HEADER.match(s) or _BARE_HEADER.match(s):
            _add_furniture(a, "comment_count", Block(i, i, s))  # the link in the post's meta line
        else:
            continue
        if view is stripped:
            view = list(stripped)
        view[i] = ""
    blocks = _blocks(view, title_line + 1, end)
    bio_block = None
    if byline_line is not None:
        after = [bi for bi, b in enumerate(blocks) if b.start > byline_line]
        if after and _is_bio(blocks[after[0]], after[0], blocks):
            bio_block = after[0]
    kept: list[Block] = []
    for bi, b in enumerate(blocks):
        kind = strong_kind(b.text)
        if kind is None and bi == bio_block:
            kind = "author_bio"
        if kind is not None:
            _add_furniture(a, kind, b)
        else:
            kept.append(b)

    # The tail: after the last substantial prose paragraph, the first furniture-like paragraph
    # starts the widget area, and everything after it is furniture too.
    body = kept
    last_prose = -1
    for k, b in enumerate(body):
        if is_substantial_prose(b.text):
            last_prose = k
    prose_end = body[last_prose].end if last_prose >= 0 else title_line
    first_furniture_after = min((f[1].start for f in a.furniture if f[1].start > prose_end), default=None)
    tail_from = None
    # Without any prose paragraph to anchor it (a poem, a list post) there is no tail: removing
    # everything after the first furniture line would empty the body.
    for k in range(last_prose + 1, len(body) if last_prose >= 0 else 0):
        if tail_kind(body[k].text) is not None or (
                first_furniture_after is not None and first_furniture_after < body[k].start):
            tail_from = k
            break
    if tail_from is not None:
        for b in body[tail_from:]:
            _add_furniture(a, tail_kind(b.text) or tail_shape_kind(b.text), b)
        body = body[:tail_from]

    # Pull quotes: short paragraphs repeating words of another paragraph.
    quotes = set(pull_quotes([b.text for b in body]))
    if quotes:
        for k in sorted(quotes):
            _add_furniture(a, "pull_quote", body[k])
        body = [b for k, b in enumerate(body) if k not in quotes]
    for k, b in enumerate(body):
        for j in range(b.start, b.end + 1):
            if stripped[j]:
                a.roles[j] = BODY
                a.owners[j] = k
    a.paragraphs = body


def _renumber_furniture(a: Analysis) -> None:
    for idx, (_, b) in enumerate(a.furniture):
        for j in range(b.start, b.end + 1):
            if a.roles[j] == FURNITURE:
                a.owners[j] = idx


def _same_name(line: str, hint: str) -> bool:
    """The line names the manifest's site: equal to it, or containing its name (notes in
    parentheses in the manifest ignored)."""
    low = " ".join(line.lower().split())
    core = re.sub(r"\s*\(.*?\)", "", hint).strip()
    return low in (hint, core) or (len(core) >= 8 and len(low) <= 100 and core in low)


def _site_by_position(stripped: list[str], i: int, end: int) -> bool:
    nxt = [j for j in range(i + 1, min(end, i + 12)) if stripped[j]][:2]
    if len(nxt) < 2 or not _title_like(stripped[i]) or not _title_like(stripped[nxt[0]]):
        return False
    return bool(_BYLINE.match(stripped[nxt[1]]) or _POSTED.match(stripped[nxt[1]]))


def _title_like(s: str) -> bool:
    return len(s) <= 100 and s[-1] not in ".:;," and not _BYLINE.match(s) and not _POSTED.match(s)


def _has_next_text(stripped: list[str], i: int, end: int) -> bool:
    return any(stripped[j] for j in range(i + 1, min(end, i + 50)))


def _is_bio(b: Block, bi: int, blocks: list[Block]) -> bool:
    if len(b.text) > 1200:
        return False
    # The last paragraph after a byline that closes the post (not one that opens it), or a
    # paragraph worded like a bio.
    return (bi == len(blocks) - 1 and bi >= 2) or _BIO_PHRASE.search(b.text) is not None


def _infer_comment_start(a: Analysis, stripped: list[str], indents: _Indents, title_line: int,
                         body_end: int, leaves: list[int]) -> int | None:
    """Where the comments begin when no 'N thoughts on' header says so (003's shape).

    The comment list is the indented block after the last unindented text line; it counts as
    comments only with corroboration: a byline before it, a comment form after it, a 'Liked by'
    line or a nested reply in it.
    """
    lo = title_line + 1
    last_indented = None
    for i in range(body_end - 1, lo - 1, -1):
        if stripped[i] and indents[i] > 0:
            last_indented = i
            break
    if last_indented is None:
        return None
    last_flush = lo - 1
    for i in range(last_indented, lo - 1, -1):
        if stripped[i] and indents[i] == 0:
            last_flush = i
            break
    start = None
    for i in range(last_flush + 1, last_indented + 1):
        s = stripped[i]
        if not s:
            continue
        m = _MARKER.match(s)
        if m and (m.group("num") == "1" or m.group("bullet") in ("•", "◦")) and not stripped[i - 1]:
            start = i
        break
    if start is None:
        return None
    marker_indents = set()
    evidence = bool(leaves) or any(
        _BYLINE.match(stripped[i]) for i in range(lo, start) if stripped[i] and len(stripped[i]) <= 120)
    for i in range(start, last_indented + 1):
        s = stripped[i]
        if not s:
            continue
        if _LIKED.match(s):
            evidence = True
        elif _MARKER.match(s) and not stripped[i - 1]:
            marker_indents.add(indents[i])
        if evidence or len(marker_indents) > 1:
            a.warnings.append(("comment_section_inferred",
                               "no comment-count header; the indented list after the post is read as comments",
                               location(start, start)))
            return start
    return None


def _read_comments(a: Analysis, stripped: list[str], indents: _Indents, lo: int, hi: int) -> None:
    drafts = a.comments
    roles, owners, lines = a.roles, a.owners, a.lines
    stack: list[int] = []
    current: int | None = None
    cur: DraftComment | None = None  # drafts[current]
    prev_blank = True
    pending_break = False
    list_last: dict[tuple[int, int], int] = {}  # (parent or -1, indent) -> last list number
    n_roots = 0
    root_indent: int | None = None
    check_outside = False  # top-level comments are indented: an unindented line is page text
    preamble: list[int] = []
    outside: list[int] = []  # unindented lines after a comment: page text, unless comments resume
    marker_start = "•◦▪‣*+0123456789"
    marker_match = _MARKER.match

    for i in range(lo, hi):
        s = stripped[i]
        if not s:
            prev_blank = True
            if current is not None:
                pending_break = True
            continue
        c0 = s[0]
        # A reply starts after a blank line or after the previous comment's metadata ("Reply",
        # "Liked by"); a marker glued to text is a list inside that text.
        if c0 in marker_start and (prev_blank or current is None) and (m := marker_match(s)) is not None \
                and m.group("nospace") is None:
            ind = lines[i].find(c0)
            # The would-be parent: nearest open comment with a smaller indent.
            j = len(stack) - 1
            while j >= 0 and drafts[stack[j]].indent >= ind:
                j -= 1
            parent = stack[j] if j >= 0 else None
            number = int(m.group("num")) if m.group("num") else None
            list_key = (-1 if parent is None else parent, ind)
            if number is None:
                ok = True
            else:
                # Numbers run up within one list (a gap is a comment the capture lost); "1."
                # starts a new list. A list may start past 1 only at the very top (a later page
                # of comments) or under a comment that already has replies (earlier ones lost).
                last = list_last.get(list_key)
                if last is None:
                    ok = number == 1 or (parent is None and n_roots == 0) or (
                        parent is not None and drafts[parent].n_children > 0)
                else:
                    ok = number == 1 or number > last
            if ok:
                if outside:
                    _flush_outside(a, outside, current, pending=True)
                    outside = []
                del stack[j + 1:]
                idx = len(drafts)
                if number is not None:
                    list_last[list_key] = number
                if parent is None:
                    n_roots += 1
                    key = str(n_roots)
                    if root_indent is None:
                        root_indent = ind
                        check_outside = ind > 0
                else:
                    p = drafts[parent]
                    p.n_children += 1
                    key = f"{p.key}.{p.n_children}"
                    if len(key) > _MAX_KEY:
                        key = f"{key.split('.', 1)[0]}.L{i + 1}"
                cur = DraftComment(key=key, parent=parent, indent=ind, first_line=i, last_line=i, number=number)
                rest = s[m.end():].strip()
                drafts.append(cur)
                stack.append(idx)
                current = idx
                roles[i] = COMMENT
                owners[i] = idx
                if rest and _comment_head(cur, rest):
                    roles[i] = META
                elif rest:
                    cur.parts.append(rest)
                prev_blank = False
                pending_break = False
                continue
        prev_blank = False
        if cur is None:
            preamble.append(i)
            continue
        if check_outside and lines[i][0] == c0:  # starts at column 0
            outside.append(i)
            continue
        if outside:
            _flush_outside(a, outside, current, pending=pending_break)
            outside = []
        owners[i] = current
        cur.last_line = i
        if (c0 in "Ll" or c0.isdigit()) and (lm := _LIKED.match(s)):
            raw = (lm.group("n") or lm.group("k")).replace(",", "")
            cur.like_count = 1 if raw.lower() == "one" else int(raw)
            roles[i] = META
            prev_blank = True
            continue
        if len(s) <= 12 and _COMMENT_ACTIONS.match(s):
            roles[i] = META
            prev_blank = True
            continue
        parts = cur.parts
        if not parts and _comment_head(cur, s):
            roles[i] = META
            continue
        if pending_break:
            if parts:
                parts.append("")
            pending_break = False
        parts.append(s)
        roles[i] = COMMENT

    if preamble and not drafts:
        chars = sum(len(stripped[j]) for j in preamble)
        if chars > 200:
            a.warnings.append(("comments_unparsed",
                               f"the comment section has {chars} characters of text but no numbered or bulleted "
                               "comments; kept as furniture (comments_preamble): check the capture's format",
                               location(preamble[0], preamble[-1])))
    for block in _group(preamble):
        block.text = "\n".join(stripped[j] for j in range(block.start, block.end + 1) if stripped[j])
        _add_furniture(a, strong_kind(block.text) or "comments_preamble", block)
    for block in _group(outside):
        block.text = "\n".join(stripped[j] for j in range(block.start, block.end + 1) if stripped[j])
        _add_furniture(a, strong_kind(block.text) or tail_kind(block.text) or "after_comments", block)
    _check_indentation(a)
    raw = []
    for d in drafts:
        raw.append("\n".join(d.parts))
        if not a.keep_parts:
            d.parts = []  # free as we go: the peak is raw + clean_many's scan string
    if a.wrapped:
        raw = [unwrap(t) for t in raw]
    for d, text in zip(drafts, clean_many(raw, lines_stripped=True)):
        d.text = text


def _comment_head(d: DraftComment, s: str) -> bool:
    """Before a comment's text: an author line ("Anna says:") or a date line. Metadata, not text."""
    if len(s) > 100:
        return False
    if d.author_name is None:
        m = _SAYS.match(s)
        if m and m.group("name").split()[0].lower() not in _NOT_NAMES:
            d.author_name = m.group("name").strip()
            return True
    if d.published_at is None and _DATE_LINE.match(s):
        d.published_at = parse_iso(s.removeprefix("on ").strip()) or ""
        return True
    if not d.is_author and _AUTHOR_BADGE.match(s):
        d.is_author = True  # the theme's "Post author" badge
        return True
    return False


def _flush_outside(a: Analysis, outside: list[int], current: int | None, pending: bool) -> None:
    """Unindented lines followed by more comment text: part of the current comment after all."""
    if current is None:
        return
    d = a.comments[current]
    if d.parts:
        d.parts.append("")
    for i in outside:
        d.parts.append(a.lines[i].strip())
        a.roles[i] = COMMENT
        a.owners[i] = current
        d.last_line = max(d.last_line, i)
    a.warnings.append(("unindented_comment_text",
                       "unindented text between comments; kept as text of the comment above it",
                       location(outside[0], outside[-1])))


def _group(idx: list[int]) -> list[Block]:
    """Consecutive-ish line indexes (gaps are blank lines) -> blocks; text filled by caller."""
    out: list[Block] = []
    for i in idx:
        if out and i - out[-1].end <= 2:
            out[-1].end = i
        else:
            out.append(Block(i, i, ""))
    return out


def _check_indentation(a: Analysis) -> None:
    """Warn about replies indented past their parent's child level: comments the capture lost.

    The indentation unit is the most common parent->child indent step in this capture, so
    captures that indent by 2, 3 or 4 spaces all work.
    """
    drafts = a.comments
    if not drafts:
        return
    steps = Counter(d.indent - drafts[d.parent].indent for d in drafts if d.parent is not None)
    unit = steps.most_common(1)[0][0] if steps else None
    base = min(d.indent for d in drafts if d.parent is None)
    if not unit or unit <= 0:
        return
    for d in drafts:
        if d.parent is None:
            levels = round((d.indent - base) / unit)
            if levels >= 1:
                a.warnings.append((
                    "indent_jump",
                    f"comment indented {levels} level(s) deeper than the top-level comments with no "
                    "earlier comment above it: its parent is missing from the capture; kept as top level",
                    location(d.first_line, d.first_line)))
            continue
        p = drafts[d.parent]
        levels = round((d.indent - p.indent) / unit)
        if levels >= 2:
            a.warnings.append((
                "indent_jump",
                f"reply indented {levels} levels below the comment at line {p.first_line + 1}: "
                f"{levels - 1} intermediate comment(s) are missing from the capture; attached to that comment",
                location(d.first_line, d.first_line)))


def _form_ranges(a: Analysis, leaves: list[int], form_start: int, n: int, header: int | None) -> list[tuple[int, int]]:
    ranges = []
    if form_start < n:
        ranges.append((form_start, n))
    if header is not None:
        before = [i for i in leaves if i < header]
        if before:
            ranges.append((before[0], header))
    return ranges


def _read_form(a: Analysis, stripped: list[str], lo: int, hi: int) -> None:
    """Everything from 'Leave a Reply' on is the comment form (or furniture after it)."""
    for b in _blocks(stripped, lo, hi):
        if any(a.roles[j] != BLANK for j in range(b.start, b.end + 1) if stripped[j]):
            continue  # already claimed (a header inside the range)
        if _LEAVE.match(b.text):
            kind = "leave_a_reply"
        else:
            kind = strong_kind(b.text) or ("image_alt" if image_alt_like(b.text) else "comment_form")
        _add_furniture(a, kind, b)


# --- the reader ---------------------------------------------------------------------------

_HTML_START = re.compile(rb"^\s*(?:<\?xml|<!doctype|<!--|<[a-z][\w:-]*[\s>/])", _I)
# JSON, not a title that starts with a bracket ("[Updated] ..."): an object key or a value.
_JSON_START = re.compile(rb'^\s*(?:\{\s*(?:"|\})|\[\s*(?:[\[{"\d\]-]|true|false|null))')


@register
class TextCaptureReader(Reader):
    format = FORMAT

    @classmethod
    def sniff(cls, head: bytes, name: str = "") -> float:
        head = head.removeprefix(b"\xef\xbb\xbf")
        if not head.strip() or b"\x00" in head[:4096]:
            return 0.0
        if _HTML_START.match(head) or _JSON_START.match(head):
            return 0.0
        lower = head[:8192].lower()
        if b"<html" in lower or b"<body" in lower or b"<div" in lower or b"</p>" in lower:
            return 0.1
        score = 0.5
        if name.lower().endswith((".txt", ".text")):
            score += 0.2
        sample = head[:65536].decode("utf-8", errors="replace")
        if re.search(r"^\s+(?:\d{1,4}\.|•)\s", sample, re.M) or re.search(
                r"^(?:\d+|one) (?:thoughts?|comments?|responses?) (?:on|to)\b", sample, re.M | _I):
            score += 0.2
        return min(score, 0.9)

    def read(self, data: bytes, source: SourceRef) -> ReadResult:
        result = ReadResult(source_id=source.source_id, source_format=FORMAT)
        try:
            return self._read(data, source, result)
        except Exception as e:  # a reader never takes the run down; say what broke and where
            result.posts.clear()
            result.comments.clear()
            result.error("reader_crash", f"text_capture reader failed: {type(e).__name__}: {e}; "
                         "please report this with the file")
            return result

    def _read(self, data: bytes, source: SourceRef, result: ReadResult) -> ReadResult:
        decoded = decode_capture(data)
        for severity, code, message in decoded.issues:
            (result.error if severity == "error" else result.warn)(code, message)
        if decoded.text is None:
            return result
        lines = split_lines(decoded.text)
        del decoded  # the decoded text can be several times the input size (UCS-4): free it
        a = analyse_lines(lines, site_hint=source.site, keep_parts=False)
        del lines
        for code, message, loc in a.warnings:
            result.warn(code, message, loc)
        title = clean_text(a.title)
        body = a.body
        if not title and not a.comments and not body:
            result.error("no_text", "no title, body or comments: every line is blank or page furniture; "
                         "re-capture the page")
            return result
        if not title and not any(code == "no_title" for code, _, _ in a.warnings):
            result.warn("no_title", "the capture has no title line; title left empty")
        pid = ids.post_id(source.source_id, "page")
        if not body:
            result.warn("empty_body", "no body text left after removing page furniture; check the capture")
        post = Post(
            post_id=pid, source_id=source.source_id, source_format=FORMAT, title=title, body=body,
            content_sha256=ids.sha256_bytes(data), site=source.site or a.site_header or None,
            url=source.url or None, author=a.author, published_at=None,
            declared_comment_count=a.declared_count, source_key="page",
            location=location(0, len(a.lines) - 1),
        )
        comments = [
            Comment(comment_id="", post_id=pid, source_id=source.source_id, position=k, text=d.text,
                    like_count=d.like_count, source_key=d.key, published_at=d.published_at or None,
                    identity=Identity(name=d.author_name) if d.author_name else None,
                    is_post_author=True if d.is_author else None,
                    parent_key=a.comments[d.parent].key if d.parent is not None else None,
                    location=location(d.first_line, d.last_line))
            for k, d in enumerate(a.comments)
            # Pingbacks and trackbacks are links from other sites, not comments (kept when
            # someone replied to them, so the replies keep their parent).
            if not (d.n_children == 0 and _PINGBACK.match(d.text))
        ]
        skipped = len(a.comments) - len(comments)
        if skipped:
            result.skip("pingback", skipped)
        tree = build_tree(pid, source.source_id, comments)
        result.quarantine.extend(tree.quarantine)
        result.comments.extend(tree.comments)
        post.extracted_comment_count = len(tree.comments)
        result.posts.append(post)
        if a.declared_count is not None and a.declared_count != len(a.comments):
            result.issues.append(_info(source.source_id, "count_mismatch",
                                       f"the page declares {a.declared_count} comments, the capture holds "
                                       f"{len(a.comments)}", location(a.header_line or 0, a.header_line or 0)))
        for kind, b in a.furniture:
            result.furniture.append(Furniture(source.source_id, pid, kind, clean_text(b.text),
                                              location(b.start, b.end)))
        return result


def _info(source_id: str, code: str, message: str, loc: str) -> SourceIssue:
    return SourceIssue(source_id, "info", code, message, loc)
