"""Discourse comments embedded in a blog (``app/views/embed/comments.html.erb``).

The embed iframe lists ``article.post#post-{ID}`` with ``a.post-date`` (the full date in
``title``), for a reply ``a.in-reply-to[data-link-to-post={PARENT_ID}]`` ("in reply to user"),
``.author`` (avatar) and ``.cooked`` holding ``h3.username`` and the post's HTML, then a
``a.post-replies`` button ("2 Replies"). The header's ``span.replies`` says how many there are.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^post-(\d+)$")


class Discourse(CommentSystem):
    name = "discourse"
    order = 22
    content_classes = ("cooked",)
    author_classes = ("username",)
    date_classes = ("post-date",)
    meta_classes = frozenset({"username", "post-replies", "in-reply-to", "post-date", "author",
                              "title", "byline"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        root = page.root
        if root.css_first("header.discourse, .discourse-embed, #discourse-comments, "
                          "meta[name='generator'][content*='Discourse'], link[href*='discourse']") is None \
                and not root.css("article.post .cooked"):
            return []
        out: list[Item] = []
        for n in root.css("article.post"):
            if n.css_first(".cooked") is None:
                continue
            m = _ID.match(a.id(n))
            reply = n.css_first("a.in-reply-to[data-link-to-post]")
            parent = a.get(reply, "data-link-to-post") if reply is not None else ""
            out.append(Item(n, self.name, f"post-{m.group(1)}" if m else "",
                            parent_key=f"post-{parent}" if parent.isdigit() else None,
                            parent_stated=True))
        return out
