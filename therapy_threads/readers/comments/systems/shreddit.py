"""Reddit's 2023+ web app ("shreddit"): comment threads as server-rendered web components.

Each comment is ``<shreddit-comment>`` with its data in attributes: ``thingid="t1_<id>"``,
``parentid`` (absent on a top-level comment; a ``t1_`` id otherwise), ``depth``, ``author``
(``[deleted]`` for a removed account), ``score``, ``permalink``. Its children are light-DOM slots:
``slot=commentAvatar``, ``slot=commentMeta`` (author link, "•", ``faceplate-timeago`` >
``time[datetime]`` "12d ago", badges), ``slot=comment`` (``div.md``: the words; an image-only
comment holds just a ``figure``), ``slot=actionRow`` (votes, reply, share) and the replies as
nested ``shreddit-comment[slot=children]``; ``faceplate-partial`` "more replies" loaders stand for
comments that are not in the page. The post (``shreddit-post``) states ``comment-count``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import element_children

_THING = re.compile(r"^t1_([a-z0-9]{3,13})$")


class Shreddit(CommentSystem):
    name = "shreddit"
    order = 25
    date_classes = ("tag:faceplate-timeago",)  # its ``ts`` attribute is the machine time
    meta_classes = frozenset()

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("shreddit-comment[thingid]", _THING, attr="thingid"):
            content = next((c for c in element_children(n) if a.get(c, "slot") == "comment"), None)
            parent = _THING.match(a.get(n, "parentid"))
            depth = a.get(n, "depth")
            author = a.get(n, "author")
            gone = author in ("[deleted]", "[removed]") and (content is None or not content.text(strip=True))
            out.append(Item(n, self.name, f"t1_{m.group(1)}", parent_stated=True,
                            parent_key=f"t1_{parent.group(1)}" if parent else None,
                            depth=int(depth) if depth.isdigit() else None,
                            author=None if author.startswith("[") else author or None, content=content,
                            skip_reason="deleted" if gone or content is None else None))
        return out
