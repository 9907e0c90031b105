"""Misago (Django forum) thread pages, from the React posts list
(``frontend/src/components/posts-list``: ``post/index.js``, ``post/sidebar``, ``post/header``,
``post/body``).

The thread is ``ul.posts-list`` of ``li.post#post-{ID}`` (``post-primary`` marks a staff member's
post, ``post-hidden``/``post-unapproved`` moderation states). Each holds ``div.panel-post`` >
``div.post-side`` (avatar, ``a.item-title``: the poster's name, user title, online status,
"N posts"; an empty ``poster-title`` for guests) and ``div.panel-content``: ``div.post-heading``
(the date link ``a.posted-on``, printed twice for desktop and mobile, "edited" and "protected"
labels), ``div.post-body`` > ``article.misago-markup`` (the words, quotes as
``aside.quote-block``), attachments and ``div.post-footer`` (likes, reply, edit). The list is flat;
its first post on the thread's first page is the thread itself.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^post-(\d+)$")


class Misago(CommentSystem):
    name = "misago"
    order = 29
    content_classes = ("misago-markup",)
    meta_classes = frozenset({"post-side", "post-heading", "post-footer", "post-attachments",
                              "quote-block"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for lst in page.root.css("ul.posts-list"):
            for n, m in page.with_id("li.post[id^='post-']", _ID, under=lst):
                content = n.css_first("article.misago-markup")
                if content is None:
                    continue
                who = n.css_first(".post-side a.item-title") or n.css_first("a.item-title")
                out.append(Item(n, self.name, f"post-{m.group(1)}", parent_stated=True,
                                author=stripped_text(who),
                                content=content,
                                skip_reason="thread_starter" if not out and not _later_page(page) else None))
        return out




def _later_page(page: Page) -> bool:
    """``/t/slug/ID/2/``: page 2 of a thread starts with a reply, not the thread's post."""
    if not page.url:
        return False
    m = re.search(r"/t/[^/]+/\d+/(\d+)/?$", page.url)
    return m is not None and m.group(1) != "1"
