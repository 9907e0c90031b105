"""ForumEngine (EngineThemes' WordPress forum theme) thread pages.

The thread's own post is ``div.items-thread.item-thread``; each reply is
``div.items-thread.reply-item#post_{ID}[data-id]``: ``ul.control-thread`` (quote, report),
``div.single-avatar``, then ``div.f-floatright > div.post-display`` with ``div.name``
(``a.post-author``: the name; ``span.comment`` and ``span.like`` counters; ``span.date`` "on
DATE") and ``div.content`` (the words), then the reply form and the reply's own replies in
``div.reply-children``/``#replies_{ID}`` (nesting gives the parent). The client-side templates
(``script[type=text/template]`` with ``{{= ID }}``) and the live preview item hold no reply.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^post_(\d+)$")


class ForumEngine(CommentSystem):
    name = "forumengine"
    order = 29
    content_classes = ("content",)
    meta_classes = frozenset({"control-thread", "single-avatar", "name", "show-replies", "like-post",
                              "reply-children"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for n, m in page.with_id("div.items-thread.reply-item[id^='post_']", _ID):
            display = n.css_first("div.post-display")
            content = display.css_first("div.content") if display is not None else None
            if content is None:
                continue
            who = display.css_first("div.name a.post-author")
            out.append(Item(n, self.name, f"post_{m.group(1)}", content=content,
                            author=stripped_text(who)))
        return out
