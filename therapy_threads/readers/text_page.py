"""The page around the discussion: title, site header, byline, body paragraphs, furniture,
the comment-count header and the comment form."""
from __future__ import annotations

import re

from .text_furniture import (
    image_alt_like, is_substantial_prose, pull_quotes, strong_kind, tail_kind, tail_shape_kind,
)
from .text_model import (
    BLANK, BODY, BYLINE, MARKER_RE, SITE_HEADER, TITLE, Analysis, Block, Indents, add_furniture, location, split_blocks,
)

_I = re.IGNORECASE
_NUMBER_WORDS = {
    "no": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
COUNT_HEADER_RE = re.compile(
    r"^(?P<n>\d[\d,.]*|no|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:thoughts?|comments?|responses?|replies|reply|reactions?|discussions?)"
    r"(?:\s+(?:on|to|for|about|so far)\b.*|\s*[:.]?)$", _I)
BARE_HEADER_RE = re.compile(
    r"^(?:comments|responses|replies|reader comments|discussion)"
    r"\s*(?:\(\s*(?P<n>\d+)\s*\)|:\s*(?P<m>\d+))?\s*:?$", _I)
_LEAVE = re.compile(
    r"^(?:leave a (?:reply|comment|response)|leave your (?:comment|reply|thoughts)|add (?:a|your) comment"
    r"|post a comment|write a comment|submit a comment|have your say)\b", _I)
BYLINE_RE = re.compile(
    r"^(?i:by|written by|posted by|published by|author:)\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|la|le|du)){0,4})"
    r"(?:\s*(?:on|,|\||–|—|-)\s*(?P<date>[^.!?]*\b\d{4}\b.*))?$")
# "Posted on March 3, 2012 by Jane Doe": a dateline, with the byline in it when given.
POSTED_RE = re.compile(
    r"^(?i:posted|published|written)\s+(?i:on\s+)?[^.!?]{0,40}?\b\d{4}\b"
    r"(?:\s+(?i:by)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}))?$")
_BIO_PHRASE = re.compile(
    r"\b(?:is (?:the|an?) (?:author|founder|owner|editor|writer|licensed|psychotherapist|therapist|psychologist)"
    r"|connect with (?:him|her|them)|follow (?:him|her|them)|about the author|(?:his|her|their) (?:books?|practice)"
    r"|has (?:written|been practi[cs]ing))\b", _I)
_SITE_HEADER = re.compile(
    r"^(?:blog|the blog|news|journal|articles?)\s*[:|–—-]\s*\S.*$|^.+\s[|–—-]\s*(?:the )?blog$|^.+['’]s blog$", _I)
QUOTED_TITLE_RE = re.compile(r"[“\"]([^”\"]+)[”\"]?\s*$")
_MAX_TITLE = 300


def find_headers(stripped: list[str], indents: Indents, first: int) -> tuple[int | None, list[int]]:
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
        if i == first and not COUNT_HEADER_RE.match(s):
            continue  # the first line is the title unless it is a count ("12 Comments")
        if COUNT_HEADER_RE.match(s) or BARE_HEADER_RE.match(s):
            candidates.append(i)
        elif _LEAVE.match(s):
            leaves.append(i)
    if len(candidates) <= 1:
        return (candidates[0] if candidates else None), leaves
    for i in candidates:
        j = next((k for k in range(i + 1, min(n, i + 20)) if stripped[k]), None)
        if j is not None and (indents[j] > 0 or MARKER_RE.match(stripped[j])):
            return i, leaves
    return candidates[-1], leaves


def declared_count(line: str) -> int | None:
    m = COUNT_HEADER_RE.match(line)
    if m:
        raw = m.group("n").lower()
        if raw in _NUMBER_WORDS:
            return _NUMBER_WORDS[raw]
        digits = re.sub(r"[,.]", "", raw)
        return int(digits) if digits.isdigit() else None
    m = BARE_HEADER_RE.match(line)
    if m and (m.group("n") or m.group("m")):
        return int(m.group("n") or m.group("m"))
    return None


def read_title(a: Analysis, stripped: list[str], first: int, end: int, site_hint: str | None = None) -> int | None:
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
            add_furniture(a, kind, Block(i, i, s))
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


def read_body(a: Analysis, stripped: list[str], title_line: int, end: int) -> None:
    # Single metadata lines — the byline or dateline, a "12 Comments" link — may be glued to
    # each other or to a paragraph: take them out before grouping paragraphs.
    view = stripped
    byline_line = None
    for i in range(title_line + 1, end):
        s = stripped[i]
        if not s or len(s) > 120:
            continue
        m = None if byline_line is not None else (BYLINE_RE.match(s) or POSTED_RE.match(s))
        if m:
            if m.group("name"):
                a.author = m.group("name").strip()
            a.roles[i] = BYLINE
            byline_line = i
        elif COUNT_HEADER_RE.match(s) or BARE_HEADER_RE.match(s):
            add_furniture(a, "comment_count", Block(i, i, s))  # the link in the post's meta line
        else:
            continue
        if view is stripped:
            view = list(stripped)
        view[i] = ""
    blocks = split_blocks(view, title_line + 1, end)
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
            add_furniture(a, kind, b)
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
            add_furniture(a, tail_kind(b.text) or tail_shape_kind(b.text), b)
        body = body[:tail_from]

    # Pull quotes: short paragraphs repeating words of another paragraph.
    quotes = set(pull_quotes([b.text for b in body]))
    if quotes:
        for k in sorted(quotes):
            add_furniture(a, "pull_quote", body[k])
        body = [b for k, b in enumerate(body) if k not in quotes]
    for k, b in enumerate(body):
        for j in range(b.start, b.end + 1):
            if stripped[j]:
                a.roles[j] = BODY
                a.owners[j] = k
    a.paragraphs = body


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
    return bool(BYLINE_RE.match(stripped[nxt[1]]) or POSTED_RE.match(stripped[nxt[1]]))


def _title_like(s: str) -> bool:
    return len(s) <= 100 and s[-1] not in ".:;," and not BYLINE_RE.match(s) and not POSTED_RE.match(s)


def _has_next_text(stripped: list[str], i: int, end: int) -> bool:
    return any(stripped[j] for j in range(i + 1, min(end, i + 50)))


def _is_bio(b: Block, bi: int, blocks: list[Block]) -> bool:
    if len(b.text) > 1200:
        return False
    # The last paragraph after a byline that closes the post (not one that opens it), or a
    # paragraph worded like a bio.
    return (bi == len(blocks) - 1 and bi >= 2) or _BIO_PHRASE.search(b.text) is not None


def form_ranges(a: Analysis, leaves: list[int], form_start: int, n: int, header: int | None) -> list[tuple[int, int]]:
    ranges = []
    if form_start < n:
        ranges.append((form_start, n))
    if header is not None:
        before = [i for i in leaves if i < header]
        if before:
            ranges.append((before[0], header))
    return ranges


def read_form(a: Analysis, stripped: list[str], lo: int, hi: int) -> None:
    """Everything from 'Leave a Reply' on is the comment form (or furniture after it)."""
    for b in split_blocks(stripped, lo, hi):
        if any(a.roles[j] != BLANK for j in range(b.start, b.end + 1) if stripped[j]):
            continue  # already claimed (a header inside the range)
        if _LEAVE.match(b.text):
            kind = "leave_a_reply"
        else:
            kind = strong_kind(b.text) or ("image_alt" if image_alt_like(b.text) else "comment_form")
        add_furniture(a, kind, b)
