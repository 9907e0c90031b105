"""HealthUnlocked community posts (its own React app, server-rendered).

The post's responses are in ``div.post-responses-list``: each is a wrapper
``div#post-resp-{ID}`` (class ``top-level-comment`` for a response to the post, ``sub-comment``
or none for a reply) holding its own ``div.post-response-item`` and, after it, the wrappers of
its replies — so the nesting of the wrappers is the thread. The item is a ``form`` with
``div.response-header`` (avatar link, ``div.response-header__author-content``: the member link,
a badge and, for a reply, ``div.response-header__reply-author`` "in reply to NAME"; a ``time``
with the relative age as text and the absolute time as its title), ``div.response-text-content``
(the words) and ``div.post-media-info`` (the like button with "N likes", "Reply").
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^post-resp-(\d+)$")


class HealthUnlocked(CommentSystem):
    name = "healthunlocked"
    order = 32
    content_classes = ("response-text-content",)
    meta_classes = frozenset({"response-header", "response-header__reply-author", "post-media-info",
                              "response-header__badge"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for n, m in page.with_id("div[id^='post-resp-']", _ID):
            item = n.css_first("div.post-response-item")
            if item is None or item.parent is None or item.parent.mem_id != n.mem_id:
                continue
            content = item.css_first("div.response-text-content")
            if content is None:
                continue
            out.append(Item(n, self.name, f"post-resp-{m.group(1)}",
                            # the member link; a hidden profile's name is a plain span
                            author=stripped_text(item.css_first(
                                "div.response-header__author-content > a, "
                                "div.response-header__author-content > span:first-child")),
                            content=content, date=item.css_first("time"),
                            not_text=list(item.css("div.response-header__reply-author"))))
        return out
