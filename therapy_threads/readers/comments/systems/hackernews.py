"""Hacker News item pages (news.ycombinator.com and the Arc "news" clones that copy its markup).

The thread is one flat table: ``table.comment-tree`` holds one ``tr.athing.comtr#{ID}`` row per
comment, in reading order. A row's depth is printed, not nested: ``td.ind[indent=N]`` (pages
before 2020 only give the spacer ``img[src=s.gif][width=40*N]`` inside ``td.ind``). The header
``span.comhead`` holds ``a.hnuser`` (the author), ``span.age[title=ISO]`` > ``a`` ("3 hours
ago"), the "parent | next | prev" links and the ``a.togg`` "[–]" fold (``n`` = rows folded); the
words are ``div.commtext`` (``span.commtext``, or a bare ``span.comment`` > ``span.c00`` in
older copies, whose rows are ``tr.athing`` without ``comtr``), followed by ``div.reply``. A
deleted or flagged row shows "[deleted]"/"[flagged]" in place of the words and has no commtext.
The parent is the nearest earlier row one level up (the engine's depth stack).
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^\d{1,12}$")
_INDENT_PX = 40
_GONE = frozenset({"[deleted]", "[flagged]", "[dead]"})  # the spacer's width per level


class HackerNews(CommentSystem):
    name = "hackernews"
    order = 31
    content_classes = ("commtext",)
    author_classes = ("hnuser",)
    date_classes = ("age",)
    meta_classes = frozenset({"comhead", "navs", "togg", "votelinks", "reply", "ind", "age",
                              "hnuser", "onstory", "score"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for row in page.root.css("tr.athing"):
            key = a.id(row)
            # Copies before the comtr class (2015-2017) mark a comment row only by its td.ind.
            if not _ID.match(key) or ("comtr" not in a.classes(row) and row.css_first("td.ind") is None):
                continue
            content = row.css_first(".commtext") or row.css_first("span.comment, div.comment")
            who = row.css_first("a.hnuser") or row.css_first(".comhead a[href^='user?id=']")
            words = content.text(separator=" ", strip=True) if content is not None else ""
            # "[deleted]" (plus the reply link an old copy keeps inside span.comment)
            gone = not words or words.split(" ")[0] in _GONE and words.lower().split(" ")[1:] in ([], ["reply"])
            out.append(Item(row, self.name, f"hn-{key}", depth=_depth(row, a),
                            author=stripped_text(who),
                            content=content, skip_reason="deleted" if gone else None))
        return out


def _depth(row, a) -> int | None:
    ind = row.css_first("td.ind")
    if ind is None:
        return None
    v = a.get(ind, "indent")
    if v.isdigit():
        return int(v)
    img = ind.css_first("img")
    w = a.get(img, "width") if img is not None else ""
    return int(w) // _INDENT_PX if w.isdigit() else None
