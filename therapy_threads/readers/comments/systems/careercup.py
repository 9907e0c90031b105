"""CareerCup question pages (the 2008-era interview Q&A site and its clones).

Each answer is a thread ``div#commentThread{ID}``: first ``div.collapsedComment#collapsedComment{ID}``
(a preview or "Comment hidden because of low score": a copy, not a comment), then
``div.uncollapsedComment#uncollapsedComment{ID}`` > ``div.comment`` (``div.votesWrapper`` and
``div.commentMain > div.commentBody`` with the words and ``span.author`` "- NAME DATE | Flag
Reply"). Replies follow inside the same thread as further collapsed/uncollapsed pairs whose block
is ``div.childComment``; all of a thread's child comments answer its first comment.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import ancestors

_UNCOLLAPSED = re.compile(r"^uncollapsedComment(\d+)$")


class CareerCup(CommentSystem):
    name = "careercup"
    order = 39
    content_classes = ("commentbody",)
    meta_classes = frozenset({"voteswrapper", "author", "collapsedcomment"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for thread in page.root.css("div[id^='commentThread']"):
            head = None
            for box, m in page.with_id("div.uncollapsedComment", _UNCOLLAPSED, under=thread):
                n = next((c for c in box.iter() if c.tag == "div"
                          and a.classes(c) & {"comment", "childcomment"}), None)
                if n is None or _thread_of(box, a) != thread.mem_id:
                    continue
                child = "childcomment" in a.classes(n)
                key = f"c{m.group(1)}"
                out.append(Item(n, self.name, key, parent_stated=True,
                                parent_key=head if child else None,
                                content=n.css_first("div.commentBody")))
                if not child and head is None:
                    head = key
        return out


def _thread_of(n, a):
    return next((p.mem_id for p in ancestors(n) if a.id(p).startswith("commentThread")), None)
