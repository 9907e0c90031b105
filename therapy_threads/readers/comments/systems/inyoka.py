"""Inyoka (ubuntuusers.de) forum topics, from ``inyoka/forum/jinja2/forum/topic.html``.

``table.topic`` holds one ``tr#post-{ID}`` per post (``class="hidden"`` for a hidden one):
``td.author`` (``p.username`` > the member link, ``div.member_title`` such as "(Themenstarter)",
the registration date, ``p.posts`` "Beiträge: N", place) and ``td.post`` > ``div.postinfo``
(``div.linklist`` with "Zitieren"/"Quote" and admin links, the permalink icon, then the date as
text) and ``div.text`` (the words, rendered by ``inyoka.markup``: a quote of another post is the
line "NAME schrieb:" linking that post followed by a ``blockquote``; code is a Pygments table
whose ``td.linenos`` column numbers the lines), then ``div.signature``. The first post of the
topic's first page is the topic itself.
"""
from __future__ import annotations

import re

from ..base import Page
from .topic_page import FlatForum


class Inyoka(FlatForum):
    name = "inyoka"
    order = 32
    content_classes = ("text",)
    author_classes = ("username",)
    date_classes = ("postinfo",)
    meta_classes = frozenset({"postinfo", "linklist", "signature", "linenos", "member_title"})
    post_selector = "tr[id^='post-']"
    post_id = re.compile(r"^post-(\d+)$")
    key = "post-{0}"
    content_selector = "td.post > div.text"
    author_selector = "td.author p.username a, td.author p.username"
    date_selector = "td.post > div.postinfo"
    requires = "td.author"
    page_number = re.compile(r"/(\d+)/?(?:[?#]|$)")

    def find(self, page: Page):
        items = super().find(page)
        for it in items:
            for q in it.content.css("blockquote"):
                # "NAME schrieb:" / "NAME wrote:": the line before the quote links the quoted post.
                intro = q.prev
                while intro is not None and not intro.is_element_node:
                    intro = intro.prev
                if intro is not None and intro.tag == "p" and intro.css_first("a") is not None \
                        and len(intro.text(strip=True)) <= 80:
                    it.not_text.append(intro)
                it.not_text.append(q)
        return items
