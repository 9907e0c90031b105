"""Habrahabr's (habr.ru) comment section, the 2011-2016 markup.

``div.comments_list#comments`` ("Комментарии (N)") holds ``div.comment_item#comment_{ID}``, each
with ``span.parent_id[data-parent_id]`` (its parent's id, 0 at the top level), then
``div.comment_body``: ``div.info`` (the voting box with the score, ``a.avatar``, ``a.username``,
``time``, the "#" permalink, the favourite star, the "↵"/"↑" links to the parent), ``div.message``
(the words) and ``div.reply`` ("ответить"); then ``div.reply_comments#reply_comments_{ID}`` with
the replies, nested the same way. The comment of a user whose account was banned keeps its
place, but its body is only ``div.author_banned`` with the site's sentence ("НЛО прилетело и
опубликовало эту надпись здесь"): no name, no date, no words. (Habr's later markup,
``li.content-list__item_comment``, is read by the generic reader.)
"""
from __future__ import annotations

import re

from ..base import HIDDEN, NO_WORDS, CommentSystem, Item, Page
from ..dom import element_children

_ID = re.compile(r"^comment_(\d+)$")


def _child(page: Page, n, tag: str, cls: str):
    return next((c for c in element_children(n) if c.tag == tag and cls in page.attrs.classes(c)), None)


class Habr(CommentSystem):
    name = "habr"
    order = 34
    meta_classes = frozenset({"info", "voting", "reply", "reply_form_placeholder", "author_banned",
                              "link_to_comment", "to_parent", "show_tree", "comma"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for n, m in page.with_id("div.comment_item", _ID):
            # ``comment_item`` and ``comment_body`` are common words (news sites' own lists print
            # them): Habr's item states its parent in ``span.parent_id`` besides.
            body = _child(page, n, "div", "comment_body")
            mark = _child(page, n, "span", "parent_id")
            parent = page.attrs.get(mark, "data-parent_id") if mark is not None else ""
            if body is None or not parent.isdigit():
                continue
            banned = _child(page, body, "div", "author_banned") is not None
            info = _child(page, body, "div", "info")
            name = info.css_first("a.username") if info is not None else None
            out.append(Item(
                n, self.name, f"comment_{m.group(1)}",
                parent_key=f"comment_{parent}" if parent != "0" else None,
                parent_stated=True,
                # A banned user's comment: the site's sentence stands where the words were.
                content=body if banned else _child(page, body, "div", "message"),
                placeholder=HIDDEN if banned else NO_WORDS, authorless=banned,
                author=name.text(strip=True) or None if name is not None else None,
                date=info.css_first("time") if info is not None else None))
        return out
