"""Tencent News (news.qq.com) article comments: the "qqcom" comment area built from Tencent's
``qnc-comment`` component.

Besides hashed CSS-module names the component keeps stable BEM classes: each comment is
``div.qqcom-comment-item`` > ``div.qnc-comment`` with ``qnc-comment__avatar-container``, then
``qnc-comment__content-top-container`` (``span.qqcom-comment-user-nick``: the name; "replied to"
nick for a sub-comment; ``qnc-comment__like-btn`` with the count), ``qnc-comment__content-container``
(the words, ``qnc-comment__content``), ``qnc-comment__content-bottom-container`` (the region label
"X网友" in ``qnc-comment__time-location-text`` and the date, ``qqcom-comment-reply-btn``). A
comment's replies are ``div.qqcom-sub-comment`` inside its item, each holding further
``qqcom-comment-item`` blocks: nesting gives the parent.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page


class QQCom(CommentSystem):
    name = "qqcom"
    order = 33
    content_classes = ("qnc-comment__content-container",)
    meta_classes = frozenset({"qnc-comment__avatar-container", "qnc-comment__content-top-container",
                              "qnc-comment__content-bottom-container", "qnc-comment__time-location",
                              "qnc-comment__like-btn", "qqcom-comment-reply-btn", "qnc-comment__extra"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.qqcom-comment-item"):
            box = next((c for c in n.iter() if "qnc-comment" in a.classes(c)), None)
            if box is None:
                continue
            content = box.css_first("div.qnc-comment__content-container")
            if content is None:
                continue
            who = box.css_first("span.qqcom-comment-user-nick")
            name = (a.get(who, "title") or who.text(strip=True)) if who is not None else ""
            out.append(Item(n, self.name, "", author=name or None, content=content))
        return out
