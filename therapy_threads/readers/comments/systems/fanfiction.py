"""FanFiction.Net (and FictionPress) forum topics: ``/topic/{FORUM}/{TOPIC}/{PAGE}/{title}``.

The topic is ``table#gui_table1i``, one ``tr`` per post whose single ``td`` holds, in order: the
member's avatar ``img`` (and a rank icon such as the forum owner's crown), the member link
``a[target=forum]`` (``/u/{ID}/{name}``; its ``id`` is the post's), the post's own markup as loose
nodes of the cell (paragraphs, lists, text), ``span[style*=float]`` with the script that renders
the post's actions, and ``small.xgray``: ``span.xdate`` (the date, ``data-xutime``), an
"Edited [by NAME], DATE" note and the post's number in the topic, "#N". Posts are flat; #1 is
the topic itself.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_NUMBER = re.compile(r"#(\d+)\s*$")


class FanFiction(CommentSystem):
    name = "fanfiction"
    order = 32
    meta_classes = frozenset({"xgray", "xdate"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for row in page.root.css("table#gui_table1i tr"):
            cell = row.css_first("td")
            who = cell.css_first("a[target='forum']") if cell is not None else None
            line = cell.css_first("small.xgray") if cell is not None else None
            if who is None or line is None:
                continue
            num = _NUMBER.search(line.text(strip=True))
            # everything in the cell up to the member link, the link, the actions and the line
            not_text = []
            c = cell.first_child
            while c is not None and c.mem_id != who.mem_id:
                if c.is_element_node:
                    not_text.append(c)
                c = c.next
            not_text.append(who)
            not_text += [n for n in cell.css("span[style], small, script")
                         if n.parent is not None and n.parent.mem_id == cell.mem_id]
            out.append(Item(row, self.name, f"post-{a.id(who)}" if a.id(who).isdigit() else "",
                            parent_stated=True, author=stripped_text(who), content=cell,
                            date=line.css_first("span.xdate"), not_text=not_text,
                            skip_reason="thread_starter" if num and num.group(1) == "1" else None))
        return out
