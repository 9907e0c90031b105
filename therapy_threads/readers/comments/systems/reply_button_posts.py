"""The last fallback for React forums with generated class names: posts known by their reply buttons.

A forum front end built with styled-components or CSS modules (``sc-ksPmiX kKPaZQ``) names no
part of a post, and its permalinks carry no number; what it still prints once per post, for
screen readers, is the post's own reply button: ``button[aria-label="Reply to post"]`` (or "Reply
to comment", "Reply to this message"...). The post is the largest element around one such button
that holds no other, when two or more buttons are printed.

Inside a post, the header is the short line that states a date (the first element of the post
whose own short words are a date, read as the engine reads a shown date); the poster's name is the
element with words just before the date in that header, and the post's words are the first
element after the header that has words of its own (the actions menu beside the header is an
icon). Posts are flat. The thread's opening post is printed apart: when every post but the first
is the same kind of element (tag and class) and the first is another, the first is the post
itself, not a comment.
"""
from __future__ import annotations

import re

from ..._dates import when_from_text
from ..base import CommentSystem, Item, Page
from ..dom import element_children, stripped_text
from .numbered_posts import _header_and_words, blocks_around

_REPLY_LABEL = re.compile(r"^reply to (?:this )?(?:post|comment|message|answer|reply)$", re.I)
_MAX_NAME = 60
_MAX_DATE_LINE = 60


class ReplyButtonPosts(CommentSystem):
    name = "reply-button-posts"
    order = 98  # after every other reader: only what none named

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        buttons = [b for b in page.root.css("button[aria-label], a[aria-label], [role='button'][aria-label]")
                   if _REPLY_LABEL.match(" ".join((a.get(b, "aria-label") or "").split()))]
        if len(buttons) < 2:
            return []
        blocks = blocks_around(buttons)
        if blocks is None:
            return []
        out: list[Item] = []
        for block in blocks:
            date, name = _date_and_name(page, block)
            if date is None:
                return []
            _, words = _header_and_words(date, block)
            if words is None:
                return []
            out.append(Item(block, self.name, "", parent_stated=True, author=name,
                            content=words, date=date))
        kinds = [(it.node.tag, a.get(it.node, "class")) for it in out]
        if len(out) >= 2 and kinds[0] not in kinds[1:] and len(set(kinds[1:])) == 1:
            out[0].skip_reason = "thread_starter"
        return out


def _date_and_name(page: Page, block):
    """The first element of the block whose own short words hold a full date, and the words of
    the element with words just before it (the poster's name)."""
    name = None
    for d in block.css("*"):
        if d.tag in ("script", "style", "svg", "button") or next(element_children(d), None) is not None:
            continue  # leaves only
        t = stripped_text(d) or ""
        if not t:
            continue
        if len(t) <= _MAX_DATE_LINE and when_from_text(t, page.languages):
            return d, name
        name = t if len(t) <= _MAX_NAME else None
    return None, None
