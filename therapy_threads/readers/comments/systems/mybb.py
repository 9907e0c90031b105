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

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text
from .topic_page import is_later_page

_ID = re.compile(r"^post_(\d+)$")
_NUMBER = re.compile(r"^#\s*(\d+)$")
_PAGE = re.compile(r"[?&](?:page=(\d+))|-page-(\d+)\.html")


class MyBB(CommentSystem):
    name = "mybb"
    order = 30
    content_classes = ("post_body",)
    author_classes = ("largetext",)
    date_classes = ("post_date",)
    meta_classes = frozenset({"post_author", "author_information", "author_statistics",
                              "post_head", "post_edit", "edited_post", "post_meta",
                              "post_controls", "postbit_buttons", "signature", "float_right"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        numbered = False
        for n in page.root.css("div.post[id^='post_']"):
            m = _ID.match(a.id(n))
            if m is None:
                continue
            pid = m.group(1)
            body = n.css_first(f"div#pid_{pid}")
            if body is None:
                continue
            who = n.css_first("div.author_information span.largetext a, "
                              "div.author_information strong a")
            number = None
            for link in n.css("div.post_head div.float_right a"):
                num = _NUMBER.match(link.text(strip=True))
                if num:
                    number = int(num.group(1))
                    numbered = True
                    break
            out.append(Item(n, self.name, f"post_{pid}", parent_stated=True,
                            author=stripped_text(who),
                            content=body,
                            skip_reason="thread_starter" if number == 1 else None))
        # A theme without post numbers: the first post of the thread's first page is the thread.
        if out and not numbered and not is_later_page(page, _PAGE):
            out[0].skip_reason = "thread_starter"
        return out
