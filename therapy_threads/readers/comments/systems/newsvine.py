"""Newsvine discussions (NBC News / msnbc.com article pages, 2006-2013), from the ``vine-p``
components its pages render: each comment is ``div.p-comment_Comment.commentbody#c{ID}`` holding
``div.c_author`` (avatar and the member's link), ``div.c_text#commentText_{ID}`` (the words in
``div.commentSource``, then the ``p-comment_MiniToolbox`` with votes), ``span.commentdate``
("#N - DATE", its link ``#c{ID}``) and its replies, ``div.commentbody.child`` nested inside it.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^c(\d+)$")


class Newsvine(CommentSystem):
    name = "newsvine"
    order = 39
    meta_classes = frozenset({"c_author", "commentdate", "p-comment_minitoolbox", "printerdata"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("div.p-comment_Comment[id]", _ID):
            cid = m.group(1)
            text = n.css_first(f"#commentText_{cid}")
            if text is None:
                continue
            words = text.css_first("div.commentSource") or text
            author = None
            box = n.css_first("div.c_author")
            if box is not None:
                names = [x.text(strip=True) for x in box.css("a") if x.text(strip=True)]
                author = names[-1] if names else box.text(strip=True) or None
            date = None
            for d in n.css("span.commentdate"):
                link = d.css_first("a")
                if link is not None and a.get(link, "href").endswith(f"#c{cid}"):
                    date = d
                    break
            out.append(Item(n, self.name, f"comment-{cid}", author=author, content=words,
                            date=date))
        return out
