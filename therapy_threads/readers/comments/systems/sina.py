"""Sina news comments (the ``sina-comment-list`` widget of news.sina.com.cn article pages), from
the widget's rendered markup, whose own hooks are ``comment-type`` attributes.

``div.sina-comment-list[comment-type=list]`` holds a "hot" list (``comment-type=hotList``) and a
"latest" list (``latestList``, its items wrapped per page in ``div.sina-comment-page``). Each
comment is ``div.item[comment-type=item]``: ``div.head`` (avatar), ``div.cont`` > ``div.info``
(``span.name`` > the nickname link, ``span.area`` the province), ``div.txt[comment-type=itemTxt]``
(the words), ``div.action`` (``span.time[date]`` with epoch milliseconds, "report", "查看对话",
the vote count ``em[comment-type=voteNum]``, "回复"; the buttons' ``action-data`` carries the
comment's ``mid``, its ``parent`` and ``thread``). Under a hot comment, ``div.dialog-list-wrap``
(``dialogWrap``) holds the "view conversation" pop-up: a chain of replies shown on a click, each
item's text led by "NAME：回复@NAME：" — a view of other comments, not items of this list. A hot
comment is often also among the latest: one comment, counted once (by its ``mid``).
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_LISTS = ("hotlist", "latestlist")


class Sina(CommentSystem):
    name = "sina"
    order = 39
    content_classes = ("txt",)
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    meta_classes = frozenset({"head", "info", "area", "action", "btns", "report",
                              "dialog-list-wrap"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        found = []
        seen: set[str] = set()
        for box in page.root.css("div.sina-comment-list [comment-type]"):
            if a.get(box, "comment-type").lower() not in _LISTS:
                continue
            for n in box.css("div.item[comment-type='item']"):
                if _in_dialog(n, box, a):
                    continue
                body = n.css_first("div.cont > div.txt")
                if body is None:
                    continue
                data = _action_data(n, a)
                mid = data.get("mid", "")
                if mid and mid in seen:
                    continue
                seen.add(mid)
                found.append((n, mid, data.get("parent", ""), body))
        mids = {mid for _, mid, _, _ in found if mid}
        out: list[Item] = []
        for i, (n, mid, parent, body) in enumerate(found):
            who = n.css_first("div.info span.name a")
            out.append(Item(n, self.name, f"mid-{mid}" if mid else f"sina-{i}",
                            parent_key=f"mid-{parent}" if parent in mids and parent != mid else None,
                            parent_stated=True,
                            author=stripped_text(who),
                            content=body))
        return out


def _in_dialog(n, stop, a) -> bool:
    p = n.parent
    while p is not None and p.mem_id != stop.mem_id:
        if a.get(p, "comment-type").lower() in ("dialogwrap", "dialoglist"):
            return True
        p = p.parent
    return False


def _action_data(n, a) -> dict[str, str]:
    """The ``action-data`` query of the comment's own reply or vote button (not a dialog's)."""
    action = next((c for c in n.css("div.cont > div.action a[action-data]")), None)
    if action is None:
        return {}
    return {k: v[0] for k, v in parse_qs(a.get(action, "action-data")).items() if v}
