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
can prove that nothing is lost or duplicated. Modules: text_decode (bytes -> str), text_model
(the accounting structure), text_page (title, byline, body, furniture, header, form),
text_comments (the comment list), text_furniture (furniture heuristics), this one (orchestration
and the reader).

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
byline or before a comment form is the comment section, with a warning), "Rowan says:" /
date / "Reply" / "Post author" lines (metadata: identity, time, flags — never text), pingbacks
(skipped and counted), unindented stray lines between comments, forms printed above the
comments, hard-wrapped text dumps (lynx/w3m; paragraphs re-joined), legacy encodings.
"""
from __future__ import annotations

import re

from .. import ids
from ..normalise import clean_text
from ..records import Comment, Furniture, Identity, Post, ReadResult, SourceIssue
from ..tree import build_tree
from . import register
from .base import Reader, SourceRef
from .text_comments import infer_comment_start, read_comments
from .text_decode import decode_capture
from .text_model import (  # noqa: F401  (roles re-exported: the accounting vocabulary)
    BLANK, BODY, BYLINE, COMMENT, FURNITURE, META, SITE_HEADER, TITLE, Analysis, Indents,
    renumber_furniture, is_hard_wrapped, location, split_lines,
)
from .text_page import declared_count, find_headers, form_ranges, QUOTED_TITLE_RE, read_body, read_form, read_title

FORMAT = "text_capture"
_I = re.IGNORECASE
_PINGBACK = re.compile(r"^(?:pingback|trackback)\b", _I)


def analyse(text: str, site_hint: str | None = None) -> Analysis:
    """Assign every line of a capture a role and an owner, and collect the structure.

    ``site_hint`` is the site name from the manifest: a first line that repeats it is the
    site header, not the title.
    """
    return analyse_lines(split_lines(text), site_hint)


def analyse_lines(lines: list[str], site_hint: str | None = None, *, keep_parts: bool = True) -> Analysis:
    """``analyse`` on the lines of a capture (lets the caller drop the whole text first)."""
    n = len(lines)
    a = Analysis(lines=lines, roles=[BLANK] * n, owners=[-1] * n, keep_parts=keep_parts)
    stripped = [ln.strip() for ln in lines]
    indents = Indents(lines, stripped)

    first = next((i for i, s in enumerate(stripped) if s), None)
    if first is None:
        return a
    if is_hard_wrapped(lines):
        a.wrapped = True
        a.warnings.append(("hard_wrapped", "the capture is wrapped at a fixed width; lines inside a "
                           "paragraph were joined", ""))

    header, leaves = find_headers(stripped, indents, first)
    if header is not None:
        a.header_line = header
        a.declared_count = declared_count(stripped[header])
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

    title_line = read_title(a, stripped, first, body_end, site_hint)
    if title_line is None and header is not None:
        # A capture that starts at the comments: the header names the post ("… on “Title”").
        q = QUOTED_TITLE_RE.search(stripped[header])
        a.title = q.group(1).strip() if q else ""
    if comments_start is None and title_line is not None:
        comments_start = infer_comment_start(a, stripped, indents, title_line, body_end, leaves)
        if comments_start is not None:
            body_end = comments_start
            comments_end = next((i for i in leaves if i >= comments_start), n)
    if title_line is not None:
        read_body(a, stripped, title_line, body_end)
    if comments_start is not None:
        read_comments(a, stripped, indents, comments_start, comments_end)
        form_start = comments_end
    else:
        form_start = body_end
    # Form and whatever follows it, plus a form above the comments.
    for lo, hi in form_ranges(a, leaves, form_start, n, header):
        read_form(a, stripped, lo, hi)
    a.furniture.sort(key=lambda f: f[1].start)
    renumber_furniture(a)
    return a


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
