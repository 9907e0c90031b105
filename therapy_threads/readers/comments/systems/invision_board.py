"""Invision Power Board 1.x-2.x topics (the board before Invision Community), from its
``skin_topic`` ``RenderRow`` template.

Each post is one table after an ``<!--Begin Msg Number {pid}-->`` comment: the first row holds
``<a name='entry{pid}'>`` and the poster's name in ``span.normalname`` (a member) or
``span.unreg`` (a guest), then ``span.postdetails`` with the "Posted on" label and the date; the
second row holds the poster's panel (``td.post1``/``td.post2``: rank, group, post count, the
"Profile" link) and the words' cell, ``div.postcolor`` (IPB 2 adds ``id='post-{pid}'``) followed
by the signature (``skin_global`` ``signature_separator``: ``<br /><br />--------------------<br />
<div class='signature'>``); a third row holds the PM/e-mail buttons. IPB 2 wraps the table in
``div.borderwrap`` (``table.ipbtable``) with the same rows and classes.

A quote (IPB 1.x ``post_parser`` ``wrap_style``) closes the post's ``div.postcolor``, prints a
table ("QUOTE (NAME @ DATE)" over ``td#QUOTE``) and opens a new ``div.postcolor``: the words are
the cell's ``div.postcolor`` siblings, the quote tables between them are not. IPB 2's quotes are
``div.quotetop`` + ``div.quotemain`` inside the words. ``span.edit`` is the "edited by" note. A
code box is the same table with ``td#CODE``: the code is the poster's, its "CODE" label is not.
Threads are flat; the topic's opening post is the first post of its first page (a later page's
URL states its first post's offset, ``&st=N``).
"""
from __future__ import annotations

import re

from ..base import Page
from .topic_page import FlatForum

_ENTRY = re.compile(r"^entry(\d+)$")


def _cell_of_words(post):
    """The table cell that holds the post's ``div.postcolor`` part(s)."""
    words = post.css_first("div.postcolor")
    if words is None:
        return None
    cell = words.parent
    while cell is not None and cell.tag not in ("td", "th", "table"):
        cell = cell.parent
    return cell if cell is not None and cell.tag != "table" else words


def _own_table(node):
    p = node.parent
    while p is not None and p.tag != "table":
        p = p.parent
    return p


class InvisionBoard(FlatForum):
    name = "invision-board"
    order = 33
    meta_classes = frozenset({"postdetails", "signature", "edit", "quotetop", "quotemain"})
    author_selector = "span.normalname, span.unreg"
    page_number = re.compile(r"[?&;]st=(\d+)")

    def posts(self, page: Page):
        seen: set[int] = set()
        for a, _ in page.with_id("a[name^='entry']", _ENTRY, attr="name"):
            table = _own_table(a)
            if table is None or table.mem_id in seen or table.css_first("div.postcolor") is None:
                continue
            seen.add(table.mem_id)
            yield table

    def post_number(self, page: Page, post) -> str | None:
        for _, m in page.with_id("a[name^='entry']", _ENTRY, under=post, attr="name"):
            return m.group(1)
        return None

    def content_of(self, page: Page, post, pid: str):
        return _cell_of_words(post)

    def author_of(self, page: Page, post, pid: str) -> str | None:
        n = post.css_first(self.author_selector)
        name = " ".join((n.text() or "").split()) if n is not None else ""
        return name or None

    def date_of(self, page: Page, post):
        return post.css_first("span.postdetails")

    def not_text_of(self, page: Page, post, content) -> list:
        """Everything in the words' cell but its ``div.postcolor`` parts and code boxes: the
        signature and its separator line, the quote tables; inside, the edit note and IPB 2's
        quote boxes."""
        out = []
        if content.tag in ("td", "th"):
            node = content.child
            while node is not None:
                if node.tag == "table" and node.css_first("td#CODE") is not None:
                    out.extend(r for r in node.css("tr") if r.css_first("td#CODE") is None)
                elif not (node.tag == "div" and "postcolor" in page.attrs.classes(node)) \
                        and node.tag != "-comment":
                    out.append(node)
                node = node.next
        for n in content.css("span.edit, div.quotetop, div.quotemain"):
            out.append(n)
        for q in content.css("td#QUOTE"):
            t = _own_table(q)
            if t is not None:
                out.append(t)
        return out
