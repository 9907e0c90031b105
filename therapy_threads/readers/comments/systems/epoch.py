"""Epoch (Postmatic), from ``classes/front/templates/comment.html`` and ``assets/js/front/epoch.js``.

Epoch loads comments over its API and renders them with a Handlebars template into
``#epoch-comments``: ``div#comment-{ID}[data-comment-id]`` > ``article#div-comment-{ID}
.epoch-comment-body`` > ``footer.epoch-comment-meta`` (``.epoch-comment-author`` with the author
link, ``span.epoch-divide`` "·" and ``a.epoch-comment-link > time``), ``.epoch-comment-content`` and
``ul.epoch-comment-actions``. A reply is wrapped in ``div.epoch-child.child-of-{PARENT}.level-{N}``
and appended inside its parent's element. A saved page therefore has them only when it was
saved from the browser (the rendered DOM). The "no theme" template prints WordPress core markup,
which the WordPress recogniser reads.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_CHILD_OF = re.compile(r"^child-of-(\d+)$")
_ID = re.compile(r"^comment-(\d+)$")


class Epoch(CommentSystem):
    name = "epoch"
    order = 12
    content_classes = ("epoch-comment-content",)
    author_classes = ("epoch-author-link", "epoch-comment-author")
    date_classes = ("epoch-comment-link",)
    meta_classes = frozenset({"epoch-comment-meta", "epoch-comment-actions", "epoch-reply",
                              "epoch-moderation-actions", "epoch-divide",
                              "epoch-comment-author-avatar", "epoch-comment-awaiting-moderation"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for body in page.root.css("article.epoch-comment-body"):
            n = body.parent
            if n is None or not n.is_element_node:
                continue
            m = _ID.match(a.id(n)) or _ID.match(a.get(body, "id").replace("div-", "", 1))
            cid = m.group(1) if m else a.get(n, "data-comment-id")
            parent_key, stated = None, False
            wrap = n.parent
            if wrap is not None and wrap.is_element_node and "epoch-child" in a.classes(wrap):
                for c in a.classes(wrap):
                    pm = _CHILD_OF.match(c)
                    if pm:
                        parent_key, stated = f"comment-{pm.group(1)}", True
            out.append(Item(n, self.name, f"comment-{cid}" if cid else "", parent_key=parent_key,
                            parent_stated=stated))
        return out
