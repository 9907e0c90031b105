"""ModDB comment lists (moddb.com's own closed engine): one flat list of rows.

The closed engine prints every comment of a page as a ``div.row`` directly in
``div.table.tablecomments``, whatever its level, with the comment's number as the row's id::

    <div class="table tablecomments">
      <div id="101" class="row"> ... </div>                 (top level: no level class)
      <div id="102" class="row rowdeveloper reply1"> ... </div>
      <div id="103" class="row rowguest rowspamorham reply2"> ... </div>

A row holds ``div.avatarholder`` (``a.avatar``, a "Creator"/"Staff" label), then ``div.content``:
``span.heading`` (``a.author`` NAME - ``a > time[datetime]`` - "N comments", the member's count),
``div.comment`` (the words; a quote is ``blockquote`` with ``span.quoteheading`` "NAME wrote:")
and ``span.actions`` (Reply, karma). The reply level is only the class (``reply1``/``reply2``,
read by ``depth_from_classes``); the parent is the last earlier row one level up, as ModDB's own
client reads it (``ClementJ18/moddb``, ``boxes.py``: ``_parse_comments``/``Comment.position``).
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page, depth_from_classes

_ROW_ID = re.compile(r"^\d+$")


class ModDB(CommentSystem):
    name = "moddb"
    order = 60
    content_classes = ("comment",)
    author_classes = ("author",)
    meta_classes = frozenset({"avatarholder", "actions", "quoteheading"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for table in page.root.css("div.tablecomments"):
            for row in table.iter():
                if not row.is_element_node or row.tag != "div":
                    continue
                cls = a.classes(row)
                rid = a.id(row)
                if "row" not in cls or not _ROW_ID.match(rid) or row.css_first("div.comment") is None:
                    continue
                out.append(Item(row, self.name, f"comment-{rid}", depth=depth_from_classes(cls)))
        return out
