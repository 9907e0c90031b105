"""Substack post pages' comments (the post page's server-rendered comment preview).

Substack's post page prints the first comments of the thread (often two) in
``div.comment-list > div.comment-list-items > div.comment-list-item > div.comment``. Each
``div.comment`` opens with ``div.comment-anchor#comment-{ID}`` (and ``#comment-{ID}-reply``), then
``table.comment-content`` > ``td.comment-head`` (avatar) and ``td.comment-rest`` holding
``div.comment-meta`` (the name: ``span.commenter-name > a`` since about 2021, before that the
first ``span > a`` of the meta line; an optional ``a.commenter-publication``; the date is the link
to ``.../comment/{ID}`` or ``#comment-{ID}``, ``a.comment-timestamp`` in later markup), the words in
``div.comment-body`` (its "Expand full comment" ``div.show-all-toggle``, or a ``div[role=button]``,
is not text), and ``div.comment-actions`` (like count, Reply, Collapse / Share). A reply's
``div.comment`` sits in a ``div.comment-list`` inside the comment it answers; the "N replies" link
(``div.more-replies-container``) stands for replies that are loaded on a click.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import contains

_ID = re.compile(r"^comment-(\d+)$")


class Substack(CommentSystem):
    name = "substack"
    order = 29
    content_classes = ("comment-body",)
    author_classes = ("commenter-name",)
    date_classes = ("comment-timestamp",)
    meta_classes = frozenset({"comment-meta", "comment-actions", "comment-head", "show-all-toggle",
                              "more-replies-container", "comment-list-collapser", "meta-details",
                              "commenter-publication", "comment-anchor"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        found: list[tuple[object, str]] = []
        for anchor, m in page.with_id("div.comment > div.comment-anchor[id^='comment-']", _ID):
            n = anchor.parent
            if n is None or n.css_first("div.comment-body") is None:
                continue
            found.append((n, m.group(1)))
        if not found:
            return []
        key_of = {n.mem_id: f"comment-{cid}" for n, cid in found}
        out: list[Item] = []
        for n, cid in found:
            # The comment answered: the nearest enclosing comment, or the comment printed beside
            # the reply's list inside an enclosing ``div.comment-list-item``.
            parent = None
            p = n.parent
            while p is not None and p.is_element_node and parent is None:
                if p.mem_id in key_of:
                    parent = key_of[p.mem_id]
                    break
                for ch in _children(p):
                    if ch.mem_id in key_of and ch.mem_id != n.mem_id and not contains(ch, n):
                        if "comment-list-item" in a.classes(p) and p is not n.parent:
                            parent = key_of[ch.mem_id]
                        break
                p = p.parent
            body = n.css_first("div.comment-body")
            meta = n.css_first("div.comment-meta")
            names = meta.css(".commenter-name") if meta is not None else []
            name_el = next((x for x in reversed(names) if x.css_first(".commenter-name") is None), None)
            if name_el is None and meta is not None:
                first = next((c for c in meta.iter() if c.is_element_node), None)
                if first is not None and first.tag == "span":
                    name_el = first.css_first("a")
            author = name_el.text(strip=True) if name_el is not None else None
            date = None
            if meta is not None:
                links = [x for x in meta.css("a[href]")
                         if f"/comment/{cid}" in a.get(x, "href") or f"#comment-{cid}" in a.get(x, "href")]
                date = links[-1] if links else meta.css_first("a.comment-timestamp")
            out.append(Item(n, self.name, f"comment-{cid}", parent_key=parent, parent_stated=True,
                            author=author or None, content=body, date=date,
                            not_text=body.css(".show-all-toggle, div[role='button']")))
        return out


def _children(n):
    c = n.child
    while c is not None:
        if c.is_element_node:
            yield c
        c = c.next


