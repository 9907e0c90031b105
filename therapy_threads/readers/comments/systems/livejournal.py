"""LiveJournal (and its forks: Dreamwidth, InsaneJournal) entry pages with their comment threads.

LiveJournal prints a thread flat: every comment is a sibling of the others and only its indentation
says where it stands. Its site schemes print each comment as ``article.j-c#ljcmt{ID}`` (or, in the
older ``b-tree`` / ``comment-wrap`` markup, ``div.b-tree-twig`` / ``div.comment-wrap`` with
``data-tid="t{ID}"``) after an anchor ``a[name=t{ID}]``, carrying ``style="margin-left: Npx"``
(N = 25 or 30 per level). The comment's own links point at ``?thread={ID}#t{ID}``; a reply's nav
list holds ``li.j-c-nav-item-parent`` > ``a`` "Parent" pointing at its parent's thread
(``?thread={PARENT}#t{PARENT}``). The poster is ``span.ljuser[data-ljuser]``
(``lj:user``), the words ``div.j-c-text`` (``itemprop=commentText``) or ``div.comment-text``.

A collapsed comment (``article.j-c-partial``: "(no subject) - NAME Expand", no words printed) is
not read; a reply under it hangs on the collapsed comment's own parent.

The parent is read from the "Parent" link; where a scheme prints none, from the indentation: a
comment replies to the closest comment before it that is indented less.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_CMT_ID = re.compile(r"^(?:ljcmt|cmt)(\d+)$")
_TID = re.compile(r"^t(\d+)$")
_THREAD = re.compile(r"[?&]thread=(\d+)")
_MARGIN = re.compile(r"margin-left\s*:\s*(\d+(?:\.\d+)?)\s*px", re.I)


class LiveJournal(CommentSystem):
    name = "livejournal"
    order = 30
    content_classes = ("j-c-text", "comment-text")
    meta_classes = frozenset({"j-c-nav", "j-c-head", "j-c-reactions", "comment-head", "b-leaf-actions",
                              "b-leaf-header"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        found: list[tuple[object, str, float | None, str | None]] = []
        for n in page.root.css("article.j-c[id], div.comment-wrap[data-tid], div.b-tree-twig[data-tid], "
                               "div.comment-wrap[id], div.b-leaf[data-tid]"):
            m = _CMT_ID.match(a.id(n)) or _TID.match(a.get(n, "data-tid") or "")
            if m is None:
                continue
            margin = _MARGIN.search(a.get(n, "style") or "")
            parent = next((_THREAD.search(x.attributes.get("href") or "") for x in n.css(
                "li.j-c-nav-item-parent a[href], a.b-leaf-actions-parent[href], .comment-parent a[href]")), None)
            found.append((n, m.group(1), float(margin.group(1)) if margin else None,
                          parent.group(1) if parent else None))
        if not found:
            return []
        out: list[Item] = []
        stack: list[tuple[float, str]] = []  # (indentation, id) of the open ancestors
        collapsed: dict[str, str | None] = {}  # a collapsed comment's id -> its parent's
        ids: set[str] = set()
        for n, cid, margin, parent in found:
            if margin is not None:
                while stack and stack[-1][0] >= margin:
                    stack.pop()
                if parent is None:
                    parent = stack[-1][1] if stack else None
                stack.append((margin, cid))
            while parent in collapsed:
                parent = collapsed[parent]
            if "j-c-partial" in a.classes(n):
                collapsed[cid] = parent
                continue
            ids.add(cid)
            who = n.css_first("span.ljuser[data-ljuser], span[lj\\:user]")
            author = (a.get(who, "data-ljuser") or a.get(who, "lj:user")) if who is not None else None
            out.append(Item(n, self.name, f"t{cid}", parent_stated=True,
                            parent_key=f"t{parent}" if parent in ids else None,
                            author=author or None,
                            content=n.css_first("div.j-c-text, div.comment-text, div.b-leaf-body")))
        return out
