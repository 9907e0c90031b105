"""Asgaros Forum (a WordPress forum plugin) topic pages, from ``includes/forum-content.php`` and
the post template it renders.

Each post is ``div.post-element#postid-{ID}`` (``first-post`` on the topic's opening post, which is
the post itself). ``div.forum-post-header-container > div.post-author`` holds the avatar and
``div.post-author-blocks``: ``div.post-author-block-name > a.profile-link`` (the name), post
counter and reputation stars, group labels. ``div.post-wrapper`` has ``div.forum-post-header``
(``div.forum-post-date``: "DATE · #N" and action links) and ``div.post-message``: first a hidden
copy of the message, ``div#post-quote-container-{ID}`` (``display: none``; the quote button copies
it into the editor as a blockquote with a ``div.quotetitle`` "Quote from X on DATE"), then the
words, uploaded files, and ``div.post-footer`` (reactions, "last edited", ``div.signature``).
Replies are flat.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^postid-(\d+)$")


class Asgaros(CommentSystem):
    name = "asgaros"
    order = 29
    content_classes = ("post-message",)
    meta_classes = frozenset({"forum-post-header-container", "forum-post-header", "post-footer",
                              "signature", "quotetitle", "uploaded-files-title", "uploaded-file",
                              "post-reactions", "post-meta"})
    meta_ids = re.compile(r"^post-quote-container-\d+$")

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.post-element[id^='postid-']"):
            m = _ID.match(a.id(n))
            content = n.css_first("div.post-message")
            if m is None or content is None:
                continue
            who = n.css_first("div.post-author-block-name a") or n.css_first("div.post-author-block-name")
            out.append(Item(n, self.name, f"postid-{m.group(1)}", parent_stated=True,
                            author=stripped_text(who),
                            content=content,
                            skip_reason="thread_starter" if "first-post" in a.classes(n) else None))
        return out
