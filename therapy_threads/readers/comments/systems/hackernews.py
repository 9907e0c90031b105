"""Hacker News item pages (news.ycombinator.com and the Arc "news" clones that copy its markup).

The thread is one flat table: ``table.comment-tree`` holds one ``tr.athing.comtr#{ID}`` row per
comment, in reading order. A row's depth is printed, not nested: ``td.ind[indent=N]`` (pages
before 2020 only give the spacer ``img[src=s.gif][width=40*N]`` inside ``td.ind``). The header
``span.comhead`` holds ``a.hnuser`` (the author), ``span.age[title=ISO]`` > ``a`` ("3 hours
ago"), the "parent | next | prev" links and the ``a.togg`` "[–]" fold (``n`` = rows folded); the
words are ``div.commtext`` (``span.commtext``, or a bare ``span.comment`` > ``span.c00`` in
older copies, whose rows are ``tr.athing`` without ``comtr``), followed by ``div.reply``.
The parent is the nearest earlier row one level up (the engine's depth stack).

A comment the viewer may not see is printed in place of its words as the server's notice, with
an empty header (news.arc ``gen-comment-body``: ``(if (~cansee user c) (pr (pseudo-text c)) ...)``,
``pseudo-text``: "[deleted]" for a deleted item, "[dead]" for a killed one; today's HN prints
"[flagged]" for one the community's flags killed, with its author and age still in the header).
Such a row is printed only when a visible reply hangs under it (``display-comment-tree`` runs
``cansee-descendant``), so it is a removed comment that keeps its replies' parent, never a leaf
to drop: the notice is not the commenter's words. A viewer with ``showdead`` sees a dead
comment's words and the notice in the header (``deadmark``: " [dead] "): the words are shown,
so it is read as any comment.

A saved page keeps the viewer's folds: the head of a folded subtree carries ``coll`` (header and
"[N more]" shown, its words in ``div.comment.noshow``), the rows under it ``noshow`` (hidden by
CSS). They are the thread's comments all the same, read like the others.

The page's own item sits in ``table.fatitem`` as a ``tr.athing`` too: the story, or on a
comment's own page (``item?id=`` of a comment) the focused comment, whose replies are the thread;
it is the post, never one of its comments.

Copies from 2007-2013 print no ``athing`` class: each comment is its own small ``<table>`` row,
``<td><img src=s.gif width=40*N></td>`` (the depth), ``<td valign=top>`` with the vote arrow
``a#up_{ID}``, then ``td.default`` holding ``span.comhead`` (``<a href="user?id=NAME">``, the age
as plain text, ``<a href="item?id={ID}">link</a>``) and the words in ``span.comment``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^\d{1,12}$")
_INDENT_PX = 40  # the spacer's width per level
_GONE = frozenset({"[deleted]", "[flagged]", "[dead]"})


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
        for row, m in page.with_id("tr.athing", _ID):
            key = m.group(0)
            if any(p.tag == "table" and "fatitem" in a.classes(p) for p in _up_to_table(row)):
                continue  # the page's own item (story or focused comment) is the post
            # Copies before the comtr class (2015-2017) mark a comment row only by its td.ind.
            if "comtr" not in a.classes(row) and row.css_first("td.ind") is None:
                continue
            content = row.css_first(".commtext") or row.css_first("span.comment, div.comment")
            who = row.css_first("a.hnuser") or row.css_first(".comhead a[href^='user?id=']")
            # Whitespace-only text nodes (a re-indented copy, the reply part's empty ``<font> </font>``
            # when the saver could not reply) join as runs of spaces: the notice is the words, once
            # spaces are collapsed.
            words = " ".join(content.text(separator=" ", strip=True).split()) if content is not None else ""
            # "[deleted]" (plus the reply link an old copy keeps inside span.comment)
            gone = not words or words.split(" ")[0] in _GONE and words.lower().split(" ")[1:] in ([], ["reply"])
            # The engine keeps a "deleted" item as a removed comment in its place (its replies
            # keep their parent) with empty text.
            out.append(Item(row, self.name, f"hn-{key}", depth=_depth(row, a),
                            author=stripped_text(who),
                            content=content, skip_reason="deleted" if gone else None))
        if not out:
            out = self._classic(page)
        return out

    def _classic(self, page: Page) -> list[Item]:
        """Rows of the 2007-2013 markup (no ``athing``): ``td.default`` with ``span.comhead`` and
        ``span.comment``; the id from the vote arrow ``a#up_ID`` or the comhead's item link."""
        a = page.attrs
        out: list[Item] = []
        for cell in page.root.css("td.default"):
            head = cell.css_first("span.comhead")
            content = cell.css_first("span.comment")
            row = cell.parent
            if head is None or content is None or row is None or row.tag != "tr":
                continue
            up = row.css_first("a[id^='up_']")
            key = a.id(up)[3:] if up is not None else ""
            if not _ID.match(key):
                link = head.css_first("a[href^='item?id=']")
                m = _ITEM_LINK.match(a.get(link, "href")) if link is not None else None
                key = m.group(1) if m else ""
            words = " ".join(content.text(separator=" ", strip=True).split())
            gone = not words or words.split(" ")[0] in _GONE and words.lower().split(" ")[1:] in ([], ["reply"])
            if not _ID.match(key) and not gone:
                continue  # a removed row has no id (no arrow, no link): kept by position
            who = head.css_first("a[href^='user?id=']")
            spacer = row.css_first("td > img[src*='s.gif']")
            w = a.get(spacer, "width") if spacer is not None else ""
            out.append(Item(row, self.name, f"hn-{key}" if key else "", depth=int(w) // _INDENT_PX if w.isdigit() else None,
                            author=stripped_text(who), content=content,
                            skip_reason="deleted" if gone else None))
        return out


_ITEM_LINK = re.compile(r"^item\?id=(\d{1,12})$")


def _up_to_table(row):
    p = row.parent
    for _ in range(3):  # tr < tbody < table
        if p is None:
            return
        yield p
        if p.tag == "table":
            return
        p = p.parent


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
