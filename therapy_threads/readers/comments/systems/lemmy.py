"""Lemmy post pages as lemmy-ui renders them (server-side, so a saved page holds the thread).

From lemmy-ui's ``comment-node.tsx`` and ``person-listing.tsx``: each comment is ``li.comment`` >
``article.comment-node#comment-{ID}`` whose header holds the collapse button, the author's
``a.person-listing`` (avatar, the display name in a ``span`` and, for a user of another instance,
``small`` "@instance"), role badges (OP, M, A), link buttons, a language badge, the score ("26
Upvotes") and ``span.moment-time`` (the full date in ``data-tippy-content``); then
``div.comment-content`` > ``div.md-div`` (the words) and ``div.comment-bottom-btns``. Replies are
``ul.comments`` > ``li.comment`` inside the parent's ``li``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^comment-(\d+)$")


class Lemmy(CommentSystem):
    name = "lemmy"
    order = 34
    content_classes = ("comment-content", "md-div")
    date_classes = ("moment-time",)
    meta_classes = frozenset({"person-listing", "comment-bottom-btns", "badge", "unselectable"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for art, m in page.with_id("li.comment > article.comment-node[id^='comment-']", _ID):
            li = art.parent
            if li is None:
                continue
            who = art.css_first("a.person-listing")
            author = None
            if who is not None:
                name = who.css_first("span")
                author = (name or who).text(strip=True) or None
            out.append(Item(li, self.name, f"comment-{m.group(1)}", author=author,
                            content=art.css_first(".comment-content")))
        return out
