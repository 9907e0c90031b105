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

from ..dom import stripped_text
from .topic_page import FlatForum


class Asgaros(FlatForum):
    name = "asgaros"
    order = 29
    content_classes = ("post-message",)
    meta_classes = frozenset({"forum-post-header-container", "forum-post-header", "post-footer",
                              "signature", "quotetitle", "uploaded-files-title", "uploaded-file",
                              "post-reactions", "post-meta"})
    meta_ids = re.compile(r"^post-quote-container-\d+$")
    post_selector = "div.post-element[id^='postid-']"
    post_id = re.compile(r"^postid-(\d+)$")
    key = "postid-{0}"
    content_selector = "div.post-message"

    def author_of(self, page, post, pid):
        return stripped_text(post.css_first("div.post-author-block-name a")
                             or post.css_first("div.post-author-block-name"))

    def starter(self, page, post, number):
        return "first-post" in page.attrs.classes(post)
