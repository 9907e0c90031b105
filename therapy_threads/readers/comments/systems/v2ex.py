"""V2EX topic pages (``/t/{id}``): the replies box after the topic.

Each reply is ``div.cell#r_{reply id}`` (``div.inner`` on the last one in some templates) holding
a one-row table: the avatar cell, then ``div.fr`` (thank/ignore buttons, ``span.no``: the floor
number), ``strong > a.dark`` (the member name, ``/member/NAME``), ``span.ago`` (relative age,
"via Android"), the thanks count (``span.small.fade``) and ``div.reply_content`` (the words).
Replies are flat: "@NAME #3" addressing is text. The node and home lists (``div.cell.item``
topic rows) carry no ``div.reply_content`` and are not replies.
"""
from __future__ import annotations

import re

from ..dom import stripped_text
from .topic_page import FlatForum


class V2EX(FlatForum):
    name = "v2ex"
    order = 29
    content_classes = ("reply_content",)
    date_classes = ("ago",)
    meta_classes = frozenset({"fr", "no", "thank_area"})
    post_selector = "div[id^='r_']"
    post_id = re.compile(r"^r_(\d+)$")
    key = "r_{0}"
    content_selector = "div.reply_content"
    date_selector = "span.ago"

    def author_of(self, page, post, pid):
        # the bold member link; the avatar's /member/ link (before it, with no text) only as a fallback
        return stripped_text(post.css_first("strong > a.dark") or post.css_first("a[href^='/member/']"))
