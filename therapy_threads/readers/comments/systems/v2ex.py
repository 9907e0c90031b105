"""V2EX topic pages (``/t/{id}``): the replies box after the topic.

Each reply is ``div.cell#r_{reply id}`` (``div.inner`` on the last one in some templates) holding
a one-row table: the avatar cell, then ``div.fr`` (thank/ignore buttons, ``span.no``: the floor
number), ``strong > a.dark`` (the member name, ``/member/NAME``), ``span.ago`` (relative age,
"via Android"), the thanks count (``span.small.fade``) and ``div.reply_content`` (the words).
Replies are flat: "@NAME #3" addressing is text. The node and home lists (``div.cell.item``
topic rows) carry no ``div.reply_content`` and are not replies.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_REPLY_ID = re.compile(r"^r_(\d+)$")


class V2EX(CommentSystem):
    name = "v2ex"
    order = 29
    content_classes = ("reply_content",)
    date_classes = ("ago",)
    meta_classes = frozenset({"fr", "no", "thank_area"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div[id^='r_']"):
            m = _REPLY_ID.match(a.id(n))
            content = n.css_first("div.reply_content")
            if m is None or content is None:
                continue
            who = n.css_first("strong > a.dark") or n.css_first("a[href^='/member/']")
            out.append(Item(n, self.name, f"r_{m.group(1)}", parent_stated=True, content=content,
                            author=stripped_text(who), date=n.css_first("span.ago")))
        return out
