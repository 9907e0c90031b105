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

from ..base import Item, Page
from .topic_page import FlatForum

_PARENT = re.compile(r"(?:#pid|[?&;]pid=)(\d+)")


class MwForum(FlatForum):
    name = "mwforum"
    order = 33
    content_classes = ("ccl",)
    meta_classes = frozenset({"hcl", "bcl", "nav", "htt", "ava"})
    post_selector = "div.pst[id^='pid']"
    post_id = re.compile(r"^pid(\d+)$")
    key = "pid{0}"
    content_selector = "div.ccl"
    requires = "div.hcl"
    author_selector = "div.hcl a[href*='user_info']"

    def find(self, page: Page) -> list[Item]:
        posts = super().find(page)
        if not posts:
            return []
        parents = [self._parent(page, it.node) for it in posts]
        # The base post is printed first, without a parent link; a parent on another page of the
        # topic is not in this thread's tree: top level here.
        base = posts[0].key if parents[0] is None else None
        here = {it.key for it in posts}
        for it, parent in zip(posts, parents):
            it.parent_key = parent if parent in here and parent != base else None
            if it.key == base:
                it.skip_reason = "thread_starter"
        return posts

    @staticmethod
    def _parent(page: Page, post) -> str | None:
        up = post.css_first("div.hcl").css_first("a.prl")
        m = _PARENT.search(page.attrs.get(up, "href")) if up is not None else None
        return f"pid{m.group(1)}" if m else None
