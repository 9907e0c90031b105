"""mwForum 2.x topic pages (``script/topic_show.pl``), threaded or flat.

Each post is ``div.frm.pst#pid{ID}`` (``new``/``unr``/``ign`` added; indented by a
``margin-left`` style, a branch's replies inside ``div.brn#brn{ID}`` after it) holding
``div.hcl`` — ``span.nav`` with, for a reply, the "jump to parent" link ``a.prl`` to
``#pid{PARENT}`` (or ``topic_show.pl?pid={PARENT}`` when the parent is on another page), the
post icon ``a.psl``, then ``span.htt`` "By" + the member link (``user_info.pl?uid=``), ``span.htt``
"On" + the date, "Edited" + date, "Likes" + count — then ``div.ccl`` (avatar ``img.ava`` and the
words) and ``div.bcl`` (buttons). The topic's base post is printed first and has no parent link;
replies to it name it as their parent (top level here). mwForum 1.x printed a table per post
instead (read by ``post_table.py``).
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^pid(\d+)$")
_PARENT = re.compile(r"(?:#pid|[?&;]pid=)(\d+)")


class MwForum(CommentSystem):
    name = "mwforum"
    order = 33
    content_classes = ("ccl",)
    meta_classes = frozenset({"hcl", "bcl", "nav", "htt", "ava"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        posts = []
        for n in page.root.css("div.pst[id^='pid']"):
            m = _ID.match(a.id(n))
            head = n.css_first("div.hcl")
            body = n.css_first("div.ccl")
            if m is None or head is None or body is None:
                continue
            up = head.css_first("a.prl")
            pm = _PARENT.search(a.get(up, "href")) if up is not None else None
            who = head.css_first("a[href*='user_info']")
            posts.append((n, m.group(1), pm.group(1) if pm else None,
                          who.text(strip=True) if who is not None else None, body))
        if not posts:
            return []
        base = posts[0][1] if posts[0][2] is None else None
        here = {p[1] for p in posts}
        # A parent on another page of the topic is not in this thread's tree: top level here.
        return [Item(n, self.name, f"pid{pid}", parent_stated=True,
                     parent_key=f"pid{parent}" if parent in here and parent != base else None,
                     author=who, content=body,
                     skip_reason="thread_starter" if pid == base else None)
                for n, pid, parent, who, body in posts]
