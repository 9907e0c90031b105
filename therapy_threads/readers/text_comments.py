"""The comment section: list markers, nesting by indentation, metadata lines, lost comments."""
from __future__ import annotations

import re
from collections import Counter

from ..normalise import clean_many
from ._dates import parse_iso
from .text_furniture import strong_kind, tail_kind
from .text_model import (
    COMMENT, MARKER_RE, META, Analysis, Block, DraftComment, Indents, add_furniture, location, unwrap,
)
from .text_page import BYLINE_RE

_I = re.IGNORECASE
AUTHOR_BADGE_RE = re.compile(r"^(?:post author|author|blog author)$", _I)
LIKED_RE = re.compile(r"^(?:liked by (?P<n>\d[\d,]*|one) (?:people|person)\.?|(?P<k>\d[\d,]*) likes?)$", _I)
COMMENT_ACTIONS_RE = re.compile(
    r"^(?:reply|reply ↓|↓ reply|report(?: comment)?|like|unlike|edit|delete|permalink|loading\.*)$", _I)
# "Rowan says:", "quietfern said:" — names are at most four tokens and not pronoun phrases.
SAYS_RE = re.compile(r"^(?P<name>[^\s:][^:]{0,40}?)\s+(?:says|said|wrote|replied)\s*(?::|\.\.\.|…)$", _I)
_NOT_NAMES = frozenset("my the his her our your their she he they it i we you this that a an".split())
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_LINE_RE = re.compile(
    r"^(?:on\s+)?(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r"\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$", _I)
# A path key longer than this falls back to its root and line: keeps keys short in deep chains.
_MAX_KEY = 96


def infer_comment_start(a: Analysis, stripped: list[str], indents: Indents, title_line: int,
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
        m = MARKER_RE.match(s)
        if m and (m.group("num") == "1" or m.group("bullet") in ("•", "◦")) and not stripped[i - 1]:
            start = i
        break
    if start is None:
        return None
    marker_indents = set()
    evidence = bool(leaves) or any(
        BYLINE_RE.match(stripped[i]) for i in range(lo, start) if stripped[i] and len(stripped[i]) <= 120)
    for i in range(start, last_indented + 1):
        s = stripped[i]
        if not s:
            continue
        if LIKED_RE.match(s):
            evidence = True
        elif MARKER_RE.match(s) and not stripped[i - 1]:
            marker_indents.add(indents[i])
        if evidence or len(marker_indents) > 1:
            a.warnings.append(("comment_section_inferred",
                               "no comment-count header; the indented list after the post is read as comments",
                               location(start, start)))
            return start
    return None


def read_comments(a: Analysis, stripped: list[str], indents: Indents, lo: int, hi: int) -> None:
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
    marker_match = MARKER_RE.match

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
        if (c0 in "Ll" or c0.isdigit()) and (lm := LIKED_RE.match(s)):
            raw = (lm.group("n") or lm.group("k")).replace(",", "")
            cur.like_count = 1 if raw.lower() == "one" else int(raw)
            roles[i] = META
            prev_blank = True
            continue
        if len(s) <= 12 and COMMENT_ACTIONS_RE.match(s):
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
        add_furniture(a, strong_kind(block.text) or "comments_preamble", block)
    for block in _group(outside):
        block.text = "\n".join(stripped[j] for j in range(block.start, block.end + 1) if stripped[j])
        add_furniture(a, strong_kind(block.text) or tail_kind(block.text) or "after_comments", block)
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
    """Before a comment's text: an author line ("Rowan says:") or a date line. Metadata, not text."""
    if len(s) > 100:
        return False
    if d.author_name is None:
        m = SAYS_RE.match(s)
        if m and m.group("name").split()[0].lower() not in _NOT_NAMES:
            d.author_name = m.group("name").strip()
            return True
    if d.published_at is None and DATE_LINE_RE.match(s):
        d.published_at = parse_iso(s.removeprefix("on ").strip()) or ""
        return True
    if not d.is_author and AUTHOR_BADGE_RE.match(s):
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
