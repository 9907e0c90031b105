"""Livefyre comments (LiveComments, ``fyre.conv``) in a page saved after they were rendered.

Livefyre's script draws the thread into the element the site names (``#livefyre``,
``#livefyre-comments``); its comment template, as it appears in the rendered DOM of real pages
(the vendor's script is not public source), is ``article.fyre-comment-article[data-message-id]``
> ``div.fyre-comment-wrapper`` holding ``div.fyre-comment-user`` (avatar link
``a.fyre-comment-author``), ``header.fyre-comment-head`` (``a.fyre-comment-username``, the
user's ``span.fyre-comment-user-rating`` points, ``time.fyre-comment-date``, the like widget
``span.fyre-comment-like``), ``section.fyre-comment-body > div.fyre-comment`` (the text) and
``footer.fyre-comment-footer`` (reply/like/share buttons); replies are ``fyre-comment-article``
elements inside the parent's ``div.fyre-comment-replies``. Without this recogniser the
fallback took ``fyre-comment-wrapper`` and ``fyre-comment`` as two comments, one inside the
other (a name-and-points "comment" with the real one as its reply).
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page


class Livefyre(CommentSystem):
    name = "livefyre"
    order = 16
    content_classes = ("fyre-comment",)
    author_classes = ("fyre-comment-username",)
    date_classes = ("fyre-comment-date",)
    like_classes = ("fyre-comment-like-count",)
    meta_classes = frozenset({"fyre-comment-head", "fyre-comment-user", "fyre-comment-user-rating",
                              "fyre-comment-like", "fyre-comment-footer", "fyre-comment-divider",
                              "fyre-comment-socialsync", "fyre-comment-action-button",
                              "fyre-comment-actions", "fyre-comment-date"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("article.fyre-comment-article, div.fyre-comment-article"):
            mid = a.get(n, "data-message-id") or a.id(n)
            out.append(Item(n, self.name, f"lf-{mid}" if mid else ""))
        return out
