"""UBB.threads 7 topic pages (the flat view of ``ubbthreads.php/topics/{ID}``).

Each post is a small table of its own: a subject row (``td.subjecttable``: the subject, an "in
reply to" link, ``#{ID}`` in ``a#number{ID}``, ``span.date`` + ``span.time``), an author row for
narrow screens (``td.author-content.mblwide``), then the author cell (``td.author-content.mblthin``:
``div.author-name`` > ``span.username`` — ``span.modname`` for moderators —, title, avatar, join
date, post count) beside ``td.post-content`` > ``div.post_inner`` > ``div#body{N}`` (the words;
the member's signature follows in ``div.signature``). The view is flat. The topic's first post is
the first post of page 1; the pager marks the page shown as ``td.page-cur``.
"""
from __future__ import annotations

import re

from ..dom import ancestors, stripped_text
from .topic_page import FlatForum

_BODY = re.compile(r"^body\d+$")
_NUMBER = re.compile(r"^number(\d+)$")


class UBBThreads(FlatForum):
    name = "ubbthreads"
    order = 45
    meta_classes = frozenset({"signature", "author-content", "subjecttable"})
    key = "post-{0}"
    author_selector = ("td.author-content.mblthin .author-name .username, "
                       "td.author-content.mblthin .author-name .modname, "
                       "td.author-content .author-name .username, "
                       "td.author-content .author-name .modname")

    def posts(self, page):
        """Each post's table, found from its words (``div.post_inner > div#body{N}``): the
        nearest table that holds a subject row. Words outside such a table: no topic page."""
        out = []
        for body, _ in page.with_id("div.post_inner > div[id^='body']", _BODY):
            post = next((t for t in ancestors(body) if t.tag == "table"
                         and t.css_first("td.subjecttable") is not None), None)
            if post is None:
                return []
            out.append(post)
        return out

    def post_number(self, page, post):
        return next((m.group(1) for _, m in page.with_id("a[id^='number']", _NUMBER, under=post)), "")

    def content_of(self, page, post, pid):
        return next((b for b, _ in page.with_id("div.post_inner > div[id^='body']", _BODY, under=post)), None)

    def date_of(self, page, post):
        stamp = post.css_first("td.subjecttable span.date")
        return stamp.parent if stamp is not None else None

    def first_page(self, page):
        # the pager marks the page shown as ``td.page-cur``
        cur = page.root.css_first("td.page-cur")
        return cur is None or (stripped_text(cur) or "1") == "1"
