"""Slashdot (Slash) discussions, from slashcode's ``dispComment`` and ``printCommComments``
templates as the site renders them.

Each comment is ``li.comment#tree_{CID}`` (``full``, ``oneline`` or ``hidden``, plus ``contain``
when it has replies); it holds ``div.cw#comment_{CID}`` > ``div.commentTop`` (``div.title``: the
subject "Re: ..." and ``span.score`` "(Score:3, Insightful)"; ``div.details``: ``span.by`` "by
NAME (uid)" and ``span.otherdetails#comment_otherdetails_{CID}`` "on DATE (#CID)", empty on a
one-line comment), ``div.commentBody`` > ``div#comment_body_{CID}`` (the words) and
``div.commentSub`` (buttons); its replies follow in ``ul#commtree_{CID}`` inside the ``li``. A
comment below the reader's score threshold is ``li.comment.hidden`` with an empty ``div.cw``: its
words are not in the page, but its replies hang under it, so it keeps its place in the tree.
"""
from __future__ import annotations

import re

from ..base import HIDDEN, CommentSystem, Item, Page

_ID = re.compile(r"^tree_(\d+)$")
_BY = re.compile(r"^by\s+", re.I)
_UID = re.compile(r"\s*\(\s*\d+\s*\)\s*$")


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
        for n in page.root.css("li.comment[id^='tree_']"):
            m = _ID.match(a.id(n))
            if m is None:
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
            hidden = body is None and "hidden" in a.classes(n)
            if body is None and not hidden:
                continue
            out.append(Item(n, self.name, f"comment-{cid}", author=author or None,
                            content=body if body is not None else shell,
                            placeholder=HIDDEN if hidden else None))
        return out
