"""pw_comments, the TYPO3 comment extension (``Resources/Private/Templates/Comment/Index.html`` and
``Partials/Comment.html``).

The list is ``ol.comment_list > li.comment#{prefix}{uid}``, each with ``div.comment-inner``;
replies (one level) are ``ol.comment-replies > li.comment-reply#{prefix}{uid} > div.reply-inner``
inside the parent's ``li``. Both render the same partial: ``div.comment-box`` holding
``div.comment-head`` (``h5.comment-name``, ``span.comment-date`` whose ``title`` is the absolute
"%d.%m.%Y %T" time and whose text is a relative age such as "vor 3 Wochen", ``div.comment-actions``
with the reply link and the voting partial) and ``div.comment-content`` with the message.
Older releases print ``div.comment_content_wrap`` with ``div.comment_header``
(``span.comment_author``, ``span.comment_date[title]``) and ``div.comment_body > div.message``.
The ``li.comment-reply`` items carry no ``comment`` class: read as WordPress markup, a reply was
merged into its parent's text.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import element_children

_ID = re.compile(r"(\d+)$")


_HEADS = "div.comment-box > div.comment-head, div.comment_content_wrap > div.comment_header"


class PwComments(CommentSystem):
    name = "pw_comments"
    order = 33
    content_classes = ("comment-content", "message")
    author_classes = ("comment-name", "comment_author")
    date_classes = ("comment-date", "comment_date")
    meta_classes = frozenset({"comment-head", "comment_header", "comment-actions", "comment-avatar",
                              "reply", "comment_reply", "comment-voting", "voting",
                              "comment-author-image", "comment_author_image"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("li.comment, li.comment-reply, li.comment_reply"):
            # The comment's own head among the li's children (not a reply's, in a nested list).
            own = any(c.css_first(_HEADS) is not None or bool(
                {"comment_content_wrap", "comment-box"} & a.classes(c)
                and c.css_first("div.comment-head, div.comment_header") is not None)
                for c in element_children(n) if c.tag not in ("ol", "ul"))
            if not own:
                continue
            m = _ID.search(a.id(n))
            out.append(Item(n, self.name, f"comment-{m.group(1)}" if m else ""))
        return out
