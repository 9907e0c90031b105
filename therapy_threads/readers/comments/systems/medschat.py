"""MedsChat drug forums (a site's own ASP engine: ``/Discuss/{TOPIC}-{ID}.htm``).

The topic's question is ``div.list_item_b`` under the "Conversation Starter" heading, its text
in ``div.list_item_b_content#op_{ID}``: the post. The replies follow "Showing Replies 1 - 8 of
8", each ``div.list_item_b#r_{ID}`` > ``div.list_item_b_content`` holding ``div.post_number``
(its number in the topic), ``strong`` (the poster) + " Says:", ``span.small.soft`` > ``time``
(the date), ``div.clear_float`` and then the words; after the content ``div.action_bar`` holds
REPLY / SHARE / REPORT and the "Was this helpful?" vote counters. The header states the number
of replies ("8 Replies"). Replies are flat.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^r_(\d+)$")


class MedsChat(CommentSystem):
    name = "medschat"
    order = 33
    content_classes = ("list_item_b_content",)
    meta_classes = frozenset({"post_number", "action_bar", "share_bar", "votes_a", "soft"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.list_item_b[id^='r_']"):
            m = _ID.match(a.id(n))
            body = n.css_first("div.list_item_b_content")
            if m is None or body is None or body.css_first("div.post_number") is None:
                continue
            who = body.css_first("strong")
            out.append(Item(n, self.name, f"r_{m.group(1)}", parent_stated=True,
                            author=who.text(strip=True) if who is not None else None,
                            content=body, date=body.css_first("time"),
                            not_text=[x for x in (body.css_first("div.post_number"), who) if x is not None]))
        return out
