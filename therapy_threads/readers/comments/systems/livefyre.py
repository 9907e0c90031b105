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

The older stream (``livefyre_embed.js`` v1, the WordPress plugin of 2011-2012, whose
``comments-template.php`` echoes the HTML Livefyre's bootstrap service returns into
``div#lf_comment_stream``, so the comments are in the saved page before any script runs) is
``div#lf_comments`` > ``div.lf_comment_container.lf_level_N#lf_comment_{ID}`` with the attributes
``comment_id``, ``reply_parent`` (the parent's id, empty at the top) and ``ancestor``; inside it
``div.lf_comment_user`` (avatar), ``div.lf_comment > div.lf_comment_body`` holding
``a.lf_comment_user_nick`` (the name), ``span.lf_comment_user_rating`` ("6 pts"), ``div.lf_body``
(the words) and ``div.lf_comment_attachments``, then ``div.lf_comment_footer`` with
``label.lf_comment_date`` (filled by the script; empty in a saved copy) and share/flag/like
links. The stream's head (``label.lf_comment_count`` "1 comment", the listener count, the sign-in
bar and the form) is not a comment.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_V1_ID = re.compile(r"^lf_comment_(\d+)$")
_V1_LEVEL = re.compile(r"^lf_level_(\d+)$")


class Livefyre(CommentSystem):
    name = "livefyre"
    order = 16
    content_classes = ("fyre-comment", "lf_body")
    author_classes = ("fyre-comment-username", "lf_comment_user_nick")
    date_classes = ("fyre-comment-date", "lf_comment_date")
    like_classes = ("fyre-comment-like-count",)
    meta_classes = frozenset({"fyre-comment-head", "fyre-comment-user", "fyre-comment-user-rating",
                              "fyre-comment-like", "fyre-comment-footer", "fyre-comment-divider",
                              "fyre-comment-socialsync", "fyre-comment-action-button",
                              "fyre-comment-actions", "fyre-comment-date",
                              "lf_comment_user", "lf_comment_user_rating", "lf_comment_footer",
                              "lf_comment_attachments", "lf_comment_divider", "lf_flag_box",
                              "lf_comment_date"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("article.fyre-comment-article, div.fyre-comment-article"):
            mid = a.get(n, "data-message-id") or a.id(n)
            out.append(Item(n, self.name, f"lf-{mid}" if mid else ""))
        v1 = page.root.css("div.lf_comment_container")
        ids = set()
        for n in v1:
            cid = a.get(n, "comment_id") or (m.group(1) if (m := _V1_ID.match(a.id(n))) else "")
            if cid:
                ids.add(cid)
        for n in v1:
            cid = a.get(n, "comment_id") or (m.group(1) if (m := _V1_ID.match(a.id(n))) else "")
            parent = a.get(n, "reply_parent")
            level = next((int(m.group(1)) for c in a.classes(n) if (m := _V1_LEVEL.match(c))), None)
            it = Item(n, self.name, f"lf-{cid}" if cid else "",
                      depth=level - 1 if level else None)
            if parent in ids and parent != cid:
                it.parent_key, it.parent_stated = f"lf-{parent}", True
            elif not parent and level == 1:
                it.parent_stated = True  # the stream's top level, wherever a theme nests it
            out.append(it)
        return out
