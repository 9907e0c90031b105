"""The line-accounting model of a text capture: roles, blocks, drafts, and line helpers.

``analyse`` (text_capture) fills an ``Analysis``: every input line gets a role and an owner, so
tests can prove where each line went. The page and comment parsers (text_page, text_comments)
write into it through the helpers here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalise import clean_many

# A list marker at the start of a stripped line: "12. ", "• ", or "2.Do" (no space: text).
MARKER_RE = re.compile(r"(?P<num>\d{1,6})\.(?P<sp>\s|$)|(?P<bullet>[•◦▪‣*+])(?P<bsp>\s|$)|(?P<nospace>\d{1,6})\.(?=\S)")

# Line roles (the accounting vocabulary).
BLANK = "blank"
TITLE = "title"
SITE_HEADER = "site_header"
BYLINE = "byline"
BODY = "body"
FURNITURE = "furniture"
COMMENT = "comment"
META = "meta"  # comment-count header, "Liked by" lines, comment action links


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
    author_name: str | None = None  # "Rowan says:" in captures that show names; raw identity
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


def split_lines(text: str) -> list[str]:
    """Lines of a capture: any newline convention, tabs expanded to 4-column stops."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.expandtabs(4)
    return text.split("\n")


class Indents:
    """Indentation of line i, computed on demand: the hot loops only need it for marker lines."""

    __slots__ = ("lines", "stripped")

    def __init__(self, lines: list[str], stripped: list[str]):
        self.lines = lines
        self.stripped = stripped

    def __getitem__(self, i: int) -> int:
        s = self.stripped[i]
        # The first non-space character sits at the indentation (no copy of the line needed).
        return self.lines[i].find(s[0]) if s else 0


def split_blocks(stripped: list[str], lo: int, hi: int) -> list[Block]:
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


def add_furniture(a: Analysis, kind: str, block: Block) -> None:
    idx = len(a.furniture)
    a.furniture.append((kind, block))
    for i in range(block.start, block.end + 1):
        if a.lines[i].strip():
            a.roles[i] = FURNITURE
            a.owners[i] = idx


def renumber_furniture(a: Analysis) -> None:
    for idx, (_, b) in enumerate(a.furniture):
        for j in range(b.start, b.end + 1):
            if a.roles[j] == FURNITURE:
                a.owners[j] = idx
