"""Sina Weibo post pages (weibo.com's 2020s "wbpro" Vue front end), from its rendered markup.

The comment list is ``div.wbpro-list``; each top-level comment is ``div.item1`` > ``div.item1in``
(the avatar link, then ``div.con1``): ``div.text`` holds the commenter's name link
(``a[usercard]``), badges, a ":" and the words in a ``span``; ``div.info`` holds the date as shown
("24-5-13 17:08") with the IP location ("来自福建") and the report / repost / comment / like buttons.
Replies under a comment are ``div.list2`` > ``div.item2`` (``div.item2in`` > ``div.con2``, the same
parts); Weibo prints them flat under the comment they belong to, each led by "回复@NAME:" when it
answers another reply, so the comment is their parent.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text


class Weibo(CommentSystem):
    name = "weibo"
    order = 39
    meta_classes = frozenset({"opt", "wbpro-iconbed"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for i, top in enumerate(page.root.css("div.wbpro-list > div.item1")):
            item = _item(top, "item1in", f"weibo-{i}", None)
            if item is None:
                continue
            out.append(item)
            for j, sub in enumerate(top.css("div.list2 div.item2")):
                reply = _item(sub, "item2in", f"weibo-{i}-{j}", item.key)
                if reply is not None:
                    out.append(reply)
        return out


def _item(n, inner: str, key: str, parent: str | None) -> Item | None:
    box = n.css_first(f"div.{inner}")
    text = box.css_first("div.text") if box is not None else None
    if text is None:
        return None
    words = next((c for c in text.iter() if c.tag == "span" and not c.attributes.get("class")), None)
    info = box.css_first("div.info > div")
    return Item(n, Weibo.name, key, parent_key=parent, parent_stated=True,
                author=stripped_text(text.css_first("a[usercard]")),
                content=words, date=info)
