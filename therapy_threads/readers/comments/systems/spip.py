"""SPIP forums under an article (``squelettes-dist`` ``inclure/forum.html`` and derived themes).

Each message has an anchor ``#forum{ID}`` (``<a name="forum{ID}">`` or ``div.comment#forum{ID}``);
SPIP 2 prints ``ul.forum > li.forum-fil > div.forum-message`` (``.forum-chapo`` with
``.forum-titre`` and "date, par <strong>nom</strong>", ``.forum-texte``, ``.repondre`` /
``.forum-repondre-message``), SPIP 3 ``ul.comments-items > li.comment-item > div.comment#forum{ID}``
(``.comment-meta`` with ``abbr.dtreviewed``, ``strong.comment-author``/``.reviewer``,
``.comment-content``). Replies are in a nested ``ul`` inside the parent's ``li``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import ancestors

_ID = re.compile(r"^forum(\d+)$")


class Spip(CommentSystem):
    name = "spip"
    order = 35
    content_classes = ("forum-texte", "comment-content", "forum-item")
    author_classes = ("forum-qui", "comment-author", "reviewer", "forum-auteur")
    date_classes = ("forum-nav", "dtreviewed", "forum-date", "comment-meta")
    meta_classes = frozenset({"repondre", "forum-repondre-message", "forum-repondre", "ancre",
                              "forum-nav", "forum-top", "comment-meta", "permalink",
                              "forum-chapo-date"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        root = page.root
        out: list[Item] = []
        seen: set[int] = set()
        for el in root.css("a[name^='forum'], a[id^='forum'], div[id^='forum'], li[id^='forum']"):
            m = _ID.match(a.get(el, "name") or a.id(el))
            if not m:
                continue
            node = el if el.tag in ("div", "li") else None
            if node is None:
                for anc in ancestors(el):
                    if anc.tag == "li" or {"comment", "forum-message", "forum"} & a.classes(anc):
                        node = anc
                        break
            if node is None or node.mem_id in seen:
                continue
            if node.tag == "div" and node.parent is not None and node.parent.tag == "li" \
                    and node.parent.mem_id not in seen:
                node = node.parent  # the li holds the replies: it is the message's element
            seen.add(node.mem_id)
            out.append(Item(node, self.name, f"forum{m.group(1)}"))
        return out
