"""Property tests: on any input the text reader never raises and never loses a non-blank line.

``analyse`` reports, for every input line, a role and an owner. The checks below prove that the
accounting is complete and exact: every non-blank line has a role; comment lines are exactly the
comments' text lines (nothing lost, nothing duplicated); body and furniture lines are inside the
block that owns them; metadata lines are only the kinds of line that are allowed to be metadata.
"""
from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.readers.base import SourceRef
from therapy_threads.readers.text_capture import (
    BLANK, BODY, BYLINE, COMMENT, FURNITURE, META, SITE_HEADER, TITLE, TextCaptureReader, analyse,
)
from therapy_threads.readers.text_comments import (
    AUTHOR_BADGE_RE, COMMENT_ACTIONS_RE, DATE_LINE_RE, LIKED_RE, SAYS_RE,
)
from therapy_threads.readers.text_model import MARKER_RE
from therapy_threads.readers.text_page import BARE_HEADER_RE, BYLINE_RE, COUNT_HEADER_RE, POSTED_RE

_SNIPPETS = [
    "1.", "2.", "3.", "1. ", "2.Do", "•", "• ", "12.", "*", "Liked by 3 people", "Liked by 1 person",
    "Leave a Reply", "Leave a comment", "19 thoughts on “X”", "One thought on “X”", "Comments (2)",
    "By Jane Doe", "Share this article", "Reply", "Anna says:", "March 3, 2012 at 4:15 pm",
    "Post author", "Pingback: elsewhere", "Skip to content", "Home About Blog Contact", "Posted on March 3, 2012 by Jane Doe", "This website uses cookies to ensure you get the best experience.",
    "WordPress.com Logo", "Blog: insights from Dr. X", "πŸ˜‚", "don’t", "Hi Joe,", "Connecting to %s",
    "A sentence of ordinary prose that goes on for a while, and then it ends.", "Call me today.",
    "\u00a0", "\t", "&amp;", "\x0c", "\u2028", "<p>", "Ã©",
]
_line = st.tuples(
    st.sampled_from([0, 0, 1, 2, 2, 4, 4, 6, 8, 10, 16]),
    st.lists(st.sampled_from(_SNIPPETS) | st.text(max_size=12), max_size=3),
).map(lambda t: " " * t[0] + " ".join(t[1]))
capture_like = st.lists(_line | st.just(""), max_size=60).map("\n".join)
any_text = capture_like | st.text(max_size=400)


def _check_accounting(text: str) -> None:
    a = analyse(text)
    lines = a.lines
    assert len(a.roles) == len(lines) == len(a.owners)
    comment_lines: dict[int, list[str]] = {}
    for i, line in enumerate(lines):
        s = line.strip()
        role = a.roles[i]
        assert (role == BLANK) == (not s), (i, line, role)
        owner = a.owners[i]
        if role == COMMENT:
            d = a.comments[owner]
            if i == d.first_line:
                m = MARKER_RE.match(s)
                s = s[m.end():].strip()
            comment_lines.setdefault(owner, []).append(s)
        elif role == BODY:
            assert s in a.paragraphs[owner].text.split("\n")
            assert a.paragraphs[owner].start <= i <= a.paragraphs[owner].end
        elif role == FURNITURE:
            kind, block = a.furniture[owner]
            assert block.start <= i <= block.end and s in block.text.split("\n"), (kind, block, s)
        elif role == TITLE:
            assert i == a.title_line and s == a.title
        elif role == BYLINE:
            assert BYLINE_RE.match(s) or POSTED_RE.match(s)
        elif role == SITE_HEADER:
            assert s == a.site_header and i < (a.title_line if a.title_line is not None else len(lines))
        elif role == META:
            if owner >= 0 and i == a.comments[owner].first_line:
                s = s[MARKER_RE.match(s).end():].strip()
            assert (LIKED_RE.match(s) or COMMENT_ACTIONS_RE.match(s) or COUNT_HEADER_RE.match(s)
                    or BARE_HEADER_RE.match(s) or SAYS_RE.match(s) or DATE_LINE_RE.match(s) or AUTHOR_BADGE_RE.match(s)), s
        else:
            assert role == BLANK
    # Comment text lines are exactly the lines the accounting gave each comment.
    for idx, d in enumerate(a.comments):
        assert Counter(p for p in d.parts if p) == Counter(p for p in comment_lines.get(idx, []) if p)
        if d.parent is not None:
            assert d.parent < idx
    # Body paragraphs and furniture blocks do not overlap each other or the comments.
    claimed = Counter()
    for b in a.paragraphs:
        claimed.update(j for j in range(b.start, b.end + 1) if lines[j].strip())
    for _, b in a.furniture:
        claimed.update(j for j in range(b.start, b.end + 1) if lines[j].strip() and a.roles[j] == FURNITURE)
    assert all(n == 1 for n in claimed.values())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_analysis_accounts_for_every_line(text):
    _check_accounting(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_reader_never_raises_on_text(text):
    r = TextCaptureReader().read(text.encode("utf-8", errors="surrogatepass"), SourceRef("p", "p"))
    assert not any(i.code == "reader_crash" for i in r.issues)
    assert len(r.posts) <= 1
    if r.posts:
        assert r.posts[0].extracted_comment_count == len(r.comments)
        seen = len(r.comments) + sum(q.item_kind == "comment" for q in r.quarantine) + r.skipped.get("pingback", 0)
        assert seen == len(analyse(_decoded(text)).comments)  # every extracted comment reconciles
    else:
        assert any(i.severity == "error" for i in r.issues)


def _decoded(text: str) -> str:
    from therapy_threads.readers.text_decode import decode_capture

    return decode_capture(text.encode("utf-8", errors="surrogatepass")).text or ""


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_reader_never_raises_on_bytes(data):
    r = TextCaptureReader().read(data, SourceRef("b", "b"))
    assert not any(i.code == "reader_crash" for i in r.issues)
    assert bool(r.posts) or any(i.severity == "error" for i in r.issues)
    TextCaptureReader.sniff(data, "b")
