"""Homeland topics (the Rails forum engine of Ruby China and its forks), from its
``app/views/replies/_reply.html.erb`` partial.

Each reply is ``div.reply#reply{FLOOR}`` (``data-id``: the reply's id) holding
``div#reply-{ID}`` (``data-floor``) > ``div.avatar`` and ``div.infos``: ``div.info``
(``span.name > a.user-name``, ``span.floor`` "#4", ``abbr.timeago``), then, for an answer to an
earlier reply, ``div.reply-to-block[data-reply-to-id]`` ("对 NAME #3 回复": to whom), then
``div.markdown`` (the words) and ``div.actions`` (reply, edit, like buttons). System events
("moved the topic", "marked it excellent") print no ``div.markdown`` and are not replies. The
topic itself is ``div.topic-detail`` (the post body). A reply answers the topic (depth 0) or the
reply its ``data-reply-to-id`` names, when that reply is on the page.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_FLOOR = re.compile(r"^reply\d+$")


class Homeland(CommentSystem):
    name = "homeland"
    order = 37
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    meta_classes = frozenset({"avatar", "info", "reply-to-block", "actions", "opts"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        found = []
        for n, _ in page.with_id("div.reply[data-id]", _FLOOR):
            rid = a.get(n, "data-id")
            content = n.css_first("div.markdown")
            if not rid.isdigit() or content is None or n.css_first(f"div#reply-{rid}") is None:
                continue
            found.append((n, rid, content))
        ids = {rid for _, rid, _ in found}
        out: list[Item] = []
        for n, rid, content in found:
            to = n.css_first("div.reply-to-block[data-reply-to-id]")
            parent = a.get(to, "data-reply-to-id") if to is not None else ""
            who = n.css_first("span.name a.user-name")
            out.append(Item(n, self.name, f"reply-{rid}", parent_stated=True,
                            parent_key=f"reply-{parent}" if parent in ids else None,
                            author=stripped_text(who),
                            content=content))
        return out
