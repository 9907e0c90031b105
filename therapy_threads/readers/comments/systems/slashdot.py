"""Slashdot (Slash) discussions, from slashcode's ``dispComment`` and ``printCommComments``
templates as the site renders them.

Each comment is ``li.comment#tree_{CID}`` (``full``, ``oneline`` or ``hidden``, plus ``contain``
when it has replies); it holds ``div.cw#comment_{CID}`` > ``div.commentTop`` (``div.title``: the
subject "Re: ..." and ``span.score`` "(Score:3, Insightful)"; ``div.details``: ``span.by`` "by
NAME (uid)" and ``span.otherdetails#comment_otherdetails_{CID}`` "on DATE (#CID)", empty on a
one-line comment), ``div.commentBody`` > ``div#comment_body_{CID}`` (the words) and
``div.commentSub`` (buttons); its replies follow in ``ul#commtree_{CID}`` inside the ``li``. A
comment below the reader's score threshold is ``li.comment.hidden`` (2008: ``div#comment_{CID}.hidden``)
with an empty ``div.cw``: its words are not in the page, but its replies hang under it, so it keeps
its place in the tree.

The 2006-2008 templates print the byline straight in ``div.details`` ("by <a>NAME (uid)</a>", or
"by Anonymous Coward" without a link), and a reply above the threshold that the page does not
expand as a one-line stub: a plain ``li`` in ``ul#commentlisting`` / ``ul#commtree_{PID}`` holding the
subject link (``comments.pl?...#CID``) and " by NAME (Score:N) DATE", with its own replies in a
``ul#commtree_{CID}`` inside it. A stub prints no words; it is a comment of the page's count
("1: 183 comments" = full + stubs) and the parent of the replies under it. "N replies beneath your
current threshold." lines (``li > b > a``) are not comments.
"""
from __future__ import annotations

import re

from ..base import HIDDEN, CommentSystem, Item, Page

_ID = re.compile(r"^tree_(\d+)$")
_BY = re.compile(r"^by(?:\s+|$)", re.I)
_UID = re.compile(r"\s*\(\s*\d+\s*\)\s*$")
# A one-line stub's words after its subject link: " by NAME (Score:N) DATE".
_STUB = re.compile(r"^\s*by\s+(.+?)\s+\(Score:[^)]*\)\s*(.*?)\s*$", re.S)
_STUB_CID = re.compile(r"#(\d+)$")


class Slashdot(CommentSystem):
    name = "slashdot"
    order = 38
    date_classes = ("otherdetails",)
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    meta_classes = frozenset({"commenttop", "title", "details", "score", "by", "byby", "uid",
                              "writes", "otherdetails", "commentsub", "commentstatus", "ind",
                              "hide"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("li.comment[id^='tree_'], ul#commentlisting > li:not([class]), "
                               "ul[id^='commtree_'] > li:not([class])"):
            m = _ID.match(a.id(n))
            if m is None:
                stub = _stub(page, n)
                if stub is not None:
                    out.append(stub)
                continue
            cid = m.group(1)
            shell = n.css_first(f"div#comment_{cid}")
            if shell is None:
                continue
            body = shell.css_first(f"div#comment_body_{cid}")
            author = None
            by = shell.css_first("span.by")
            if by is not None:
                link = by.css_first("a")
                # The member's link holds ``span.uid`` "(12345)" after the name.
                words = (link if link is not None else by).text(separator=" ", strip=True)
                author = _UID.sub("", _BY.sub("", words))
            else:
                author = _details_author(shell)
            hidden = body is None and ("hidden" in a.classes(n) or "hidden" in a.classes(shell))
            if body is None and not hidden:
                continue
            # A quoted parent (``div.quote``, the "Quote Parent" button's box) is not the
            # commenter's words.
            quotes = body.css("div.quote") if body is not None else []
            out.append(Item(n, self.name, f"comment-{cid}", author=author or None,
                            content=body if body is not None else shell, not_text=quotes,
                            placeholder=HIDDEN if hidden else None))
        return out


def _details_author(shell) -> str | None:
    """The 2006-2008 byline, straight in ``div.details``: "by <a>NAME (uid)</a>" (the member's
    link is a child of the line; the e-mail link sits in ``span.otherdetails``), or "by Anonymous
    Coward" as words."""
    details = shell.css_first("div.details")
    if details is None:
        return None
    own = " ".join((details.text(deep=False, separator=" ") or "").split())
    if not _BY.match(own):
        return None
    c = details.child
    while c is not None:
        if c.tag == "a":
            name = _UID.sub("", c.text(separator=" ", strip=True))
            if any(ch.isalnum() for ch in name):
                return name
        c = c.next
    return _BY.sub("", own) or None


def _stub(page: Page, n) -> Item | None:
    """A one-line stub: ``li`` > subject link (``#CID``) + " by NAME (Score:N) DATE"."""
    link = n.child
    while link is not None and link.tag == "-text" and not (link.text() or "").strip():
        link = link.next
    if link is None or link.tag != "a":
        return None
    m = _STUB_CID.search(page.attrs.get(link, "href"))
    if m is None:
        return None
    line = link.next
    if line is None or line.tag != "-text":
        return None
    s = _STUB.match(line.text() or "")
    if s is None:
        return None
    # The subject link is named as the words' element with its words left out: the stub prints
    # no body, so the stand-in marks it (its subject is not its text).
    subject = [c for c in link.iter(include_text=True) if c.tag == "-text"]
    return Item(n, Slashdot.name, f"comment-{m.group(1)}", author=s.group(1), content=link,
                not_text=subject, placeholder=HIDDEN, header_shown=True,
                date=line if s.group(2) else None)
