"""Discuz! X thread pages (``forum.php?mod=viewthread``), from the default theme's
``template/default/forum/viewthread_node.htm``.

Each post is ``div#post_{PID}`` around ``table#pid{PID}.plhin``: ``td.pls`` holds the member
(``div.authi > a.xw1`` when the author is shown on the left, the pop-up card, avatar, stats,
"send message"), ``td.plc`` holds ``div.pi`` > ``strong > a#postnum{PID}`` (the floor: "楼主"
for the thread itself, then "沙发", "板凳", "地板", "<em>5</em>#"; the thread's own post links to
``mod=viewthread``, the others to ``goto=findpost``) and ``div.authi`` (``em#authorposton{PID}``
"发表于 DATE", "只看该作者"), then ``div.pct`` > ``td.t_f#postmessage_{PID}`` (the words: a quote
of another post is ``div.quote > blockquote``, an edit notice ``i.pstatus``, a hidden post
``div.locked``), the post's short comments (``div#comment_{PID}.cm``, 点评, loaded apart) and
the buttons row ``div.po``. Threads are flat; the first floor is the thread (the post body).
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text
from .topic_page import is_later_page

_ID = re.compile(r"^post_(\d+)$")
_FIRST = ("楼主", "樓主")
_PAGE = re.compile(r"[?&]page=(\d+)|thread-\d+-(\d+)-\d+\.html")


class Discuz(CommentSystem):
    name = "discuz"
    order = 36
    content_classes = ("t_f",)
    author_classes = ("xw1",)
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    meta_classes = frozenset({"pls", "pi", "pti", "authi", "quote", "pstatus", "locked", "cm",
                              "po", "pob", "sign", "attach_nopermission", "tip"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        numbered = False
        for n, m in page.with_id("div[id^='post_']", _ID):
            pid = m.group(1)
            if n.css_first(f"table#pid{pid}") is None:
                continue
            body = n.css_first(f"#postmessage_{pid}")
            if body is None:
                continue
            who = n.css_first("td.pls div.authi a.xw1, td.plc div.authi a.xi2, div.authi a")
            floor = n.css_first(f"a#postnum{pid}")
            first = False
            if floor is not None:
                numbered = True
                text = floor.text(strip=True)
                em = floor.css_first("em")
                href = a.get(floor, "href")
                first = (text in _FIRST or (em is not None and em.text(strip=True) == "1")
                         or ("mod=viewthread" in href and "goto=findpost" not in href))
            out.append(Item(n, self.name, f"post_{pid}", parent_stated=True,
                            author=stripped_text(who),
                            content=body, date=n.css_first(f"em#authorposton{pid}"),
                            skip_reason="thread_starter" if first else None))
        if out and not numbered and not is_later_page(page, _PAGE):
            out[0].skip_reason = "thread_starter"
        return out
