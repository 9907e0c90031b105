"""MyBB 1.8 thread pages (``showthread``), from the default theme's ``postbit`` and
``postbit_classic`` templates.

Each post is ``div.post#post_{PID}`` (``classic`` in the classic layout, ``unapproved_post`` or
``deleted_post`` when shaded), preceded by the anchor ``a#pid{PID}``. It holds
``div.post_author`` (avatar and ``div.author_information``: ``strong > span.largetext > a``, the
member, then title, stars, "Posts:"/"Joined:" lines in ``div.author_statistics``) and
``div.post_content`` > ``div.post_head`` (``postbit_posturl``: ``div.float_right`` with the
post's number in the thread, "#1"; ``span.post_date`` with ``span.post_edit``, the edit notice),
``div.post_body#pid_{PID}`` (the words; a quote of another post is
``blockquote.mycode_quote`` with "X Wrote:" in its ``cite``), ``div.signature`` and
``div.post_meta``; then ``div.post_controls`` (buttons). Threads are flat; post #1 is the thread
itself (the post body), the others are its replies.
"""
from __future__ import annotations

import re

from .topic_page import FlatForum

_NUMBER = re.compile(r"^#\s*(\d+)$")


class MyBB(FlatForum):
    name = "mybb"
    order = 30
    content_classes = ("post_body",)
    author_classes = ("largetext",)
    date_classes = ("post_date",)
    meta_classes = frozenset({"post_author", "author_information", "author_statistics",
                              "post_head", "post_edit", "edited_post", "post_meta",
                              "post_controls", "postbit_buttons", "signature", "float_right"})
    post_selector = "div.post[id^='post_']"
    post_id = re.compile(r"^post_(\d+)$")
    key = "post_{0}"
    content_selector = "div#pid_{0}"
    author_selector = "div.author_information span.largetext a, div.author_information strong a"
    # A theme without post numbers: the first post of the thread's first page is the thread.
    page_number = re.compile(r"[?&](?:page=(\d+))|-page-(\d+)\.html")

    def starter(self, page, post, number):
        """The post's number link ("#1") in its header, where the theme prints one."""
        for link in post.css("div.post_head div.float_right a"):
            num = _NUMBER.match(link.text(strip=True))
            if num:
                return int(num.group(1)) == 1
        return None
