"""Blogger (Blogspot) comments, threaded and flat, from the layout widgets' markup.

Threaded (``Blog1`` widget, ``threadedCommentsDisplay``): ``div.comment-thread > ol > li.comment
#c{ID}`` > ``.comment-block`` > ``.comment-header`` (``cite.user``, ``span.icon.blog-author`` for
the blog's author, ``span.datetime > a``), ``p.comment-content``, ``.comment-actions`` (Reply,
Delete); replies in ``.comment-replies > .comment-thread.inline-thread > ol > li.comment``.
Flat (``commentsDisplay`` classic): ``dl#comments-block`` with three siblings per comment:
``dt.comment-author#c{ID}`` ("<a>Name</a> said..."), ``dd.comment-body`` and
``dd.comment-footer`` (``.comment-timestamp``).
Classic templates' ``<BlogItemComments>`` loop (2004-2006): ``li#c{ID}`` (no class) holding
``<a name="c{ID}">``, ``div.comment-body`` and ``p.comment-data`` "By <$BlogCommentAuthor$>, at
<a title="comment permalink"><$BlogCommentDateTime$></a>" (the author a profile link or plain text).
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import next_element

_ID = re.compile(r"^c(\d{6,})$")
_BY_AT = re.compile(r"^\s*By\s+(.+?),\s+at\b", re.S)


class Blogger(CommentSystem):
    name = "blogger"
    order = 30
    content_classes = ("comment-content", "comment-body")
    author_classes = ("user", "comment-author")
    date_classes = ("datetime", "comment-timestamp")
    meta_classes = frozenset({"comment-actions", "comment-header", "thread-toggle",
                              "thread-count", "comment-footer", "comment-timestamp",
                              "avatar-image-container", "item-control", "blog-admin",
                              "continue", "comment-replybox-single", "loadmore", "comment-data"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("li.comment[id^='c']", _ID):
            author = n.css_first(".comment-header .blog-author")
            out.append(Item(n, self.name, f"c{m.group(1)}",
                            is_post_author=True if author is not None else None))
        for n, m in page.with_id("li[id^='c']", _ID):
            data = n.css_first("p.comment-data")
            body = n.css_first("div.comment-body")
            if data is None or body is None or "comment" in a.classes(n):
                continue
            # The author's profile link, not the permalink ("#c{ID}") nor the delete icon's link.
            link = next((x for x in data.css("a[href]") if not a.get(x, "href").startswith("#")
                         and x.text(strip=True)), None)
            by = _BY_AT.match(data.text(separator=" "))
            author = link.text(strip=True) if link is not None else (by.group(1).strip() if by else None)
            out.append(Item(n, self.name, f"c{m.group(1)}", parent_stated=True, author=author or None,
                            content=body, date=data.css_first("a[title='comment permalink']")))
        for dt in page.root.css("dt.comment-author, dt[id^='c']"):
            m = _ID.match(a.id(dt))
            anchor = dt.css_first("a[name^='c']") if not m else None
            if anchor is not None:
                m = _ID.match(a.get(anchor, "name"))
            if m is None and "comment-author" not in a.classes(dt):
                continue
            body = next_element(dt)
            if body is None or body.tag != "dd":
                continue
            extra = [body]
            foot = next_element(body)
            if foot is not None and foot.tag == "dd" and "comment-body" not in a.classes(foot):
                extra.append(foot)
            out.append(Item(dt, self.name, f"c{m.group(1)}" if m else "", parent_stated=True,
                            extra_nodes=extra,
                            is_post_author=True if "blog-author" in a.classes(dt) else None))
        return out
