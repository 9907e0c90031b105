"""Comment threads built on Semantic UI's / Fomantic UI's ``Comment`` view (``ui comments``).

The view's documented markup (``src/definitions/views/comment.less`` and the docs' examples;
semantic-ui-react's ``Comment.Group``/``Comment``) is ``div.ui.comments`` (``threaded``,
``minimal``, sizes) > ``div.comment`` > ``a.avatar`` and ``div.content`` > ``a.author``,
``div.metadata`` (``span.date``: "Today at 5:42PM", "Yesterday at 12:30AM", "5 days ago"; other
badges), ``div.text`` (the words) and ``div.actions`` (``a.reply``); a comment's replies are a
``div.comments`` inside it. Sites add their own parts: an anchor ``div#replyN`` first in the
comment, the date as a tooltip (``title="2024-05-13 22:13:05"`` on a muted line under the words),
and compact sub-comment rows (``div#replyN`` with the name, the date and a
``reply-comments-content`` block) in a list under the comment they answer.

The same view is used for things that are not comments: a user card (name, reputation, a
tagline) drawn as a one-comment ``ui comments`` box beside the post. A comment says when it was
written or offers a reply; a list in which no comment does either is not a thread.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import ancestors

_ANCHOR_ID = re.compile(r"^(?:reply|comment)[-_]?(\d+)$", re.I)


class SemanticUI(CommentSystem):
    name = "semantic_ui"
    order = 41
    content_classes = ("text", "reply-comments-content")
    author_classes = ("author",)
    date_classes = ("date", "comment-meta-mute", "popover")
    meta_classes = frozenset({"avatar", "metadata", "actions", "reaction", "comment-meta-mute",
                              "comment-header"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        seen: set[int] = set()
        for lst in page.root.css("div.ui.comments"):
            if any(p.mem_id in seen for p in ancestors(lst)):
                continue  # a nested list: its comments were taken with the outer list's
            items: list[Item] = []
            for n in lst.css("div.comment, div[id^='reply'], div[id^='comment']"):
                if n.mem_id in seen:
                    continue
                cls = a.classes(n)
                if "comment" in cls:
                    content = _own_part(page, n, "text")
                    if content is None:
                        continue
                    m = _ANCHOR_ID.match(a.id(n))
                    if m is None:
                        first = next((c for c in n.iter() if c.is_element_node), None)
                        m = _ANCHOR_ID.match(a.id(first)) if first is not None else None
                    key = f"reply-{m.group(1)}" if m else ""
                    items.append(Item(n, self.name, key, content=content))
                else:
                    # A site's compact sub-comment row (``div#replyN`` with its own words); the
                    # empty anchor a full comment starts with is not one.
                    m = _ANCHOR_ID.match(a.id(n))
                    content = n.css_first(".reply-comments-content")
                    if m is None or content is None or not _inside_comment(page, n):
                        continue
                    items.append(Item(n, self.name, f"reply-{m.group(1)}", content=content))
                seen.add(n.mem_id)
            seen.add(lst.mem_id)
            if items and any(_dated_or_answerable(page, it.node) for it in items):
                out.extend(items)
        return out


def _inside_comment(page: Page, n) -> bool:
    return any("comment" in page.attrs.classes(p) for p in ancestors(n))


def _own_part(page: Page, n, name: str):
    """The first ``name`` element of comment ``n`` that is not inside one of its replies."""
    a = page.attrs
    for c in n.iter():
        if not c.is_element_node:
            continue
        cls = a.classes(c)
        if "comments" in cls or "comment" in cls:
            continue  # a nested reply list: another comment's parts
        if name in cls:
            return c
        found = _own_part(page, c, name)
        if found is not None:
            return found
    return None


def _dated_or_answerable(page: Page, n) -> bool:
    """A comment shows a date (a ``date`` part, a tooltip with a timestamp) or a reply control."""
    a = page.attrs
    for c in n.css(".date, [title], .actions, .reply, .reply-btn, time"):
        cls = a.classes(c)
        if cls & {"date", "actions", "reply", "reply-btn"} or c.tag == "time":
            return True
        if re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}", a.get(c, "title")):
            return True
    return False
