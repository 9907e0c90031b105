"""Forum threads printed as a table of messages, several rows per message (the flat view of the
AMSEL MS forum and of forums built on the same PHP CMS: ``table#forum_themaflach``).

Each message starts with ``tr#m{ID}``: a ``td[rowspan=3]`` with the member link and the date
("11.06.2020, 16:22") as two paragraphs, and a cell with the subject in ``strong``; the next row's
``td.forum_message`` holds the words; the third row the "Antworten" (reply) link, whose URL names
the thread's root message (``root={ID}``, also ``mnr={ID}``). The flat view may list the newest
message first: the root message, wherever it stands, is the thread's opening post; the others are
flat replies in the page's order.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import next_element, stripped_text

_ID = re.compile(r"^m(\d+)$")
_ROOT = re.compile(r"[?&;]root=(\d+)")


class FlatTable(CommentSystem):
    name = "flat-table"
    order = 32
    content_classes = ("forum_message",)

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        roots: set[str] = set()
        for row, m in page.with_id("tr[id^='m']", _ID):
            head = row.css_first("td[rowspan]")
            words_row = next_element(row)
            body = words_row.css_first("td.forum_message") if words_row is not None else None
            if head is None or body is None:
                continue
            links = [x for x in head.css("p > a[href]")]
            paras = head.css("p")
            reply_row = next_element(words_row)
            if reply_row is not None:
                for link in reply_row.css("a[href]"):
                    r = _ROOT.search(a.get(link, "href"))
                    if r:
                        roots.add(r.group(1))
            out.append(Item(row, self.name, f"m{m.group(1)}", parent_stated=True,
                            author=stripped_text(links[0]) if links else None, content=body,
                            date=paras[1] if len(paras) > 1 else None,
                            extra_nodes=[words_row]))
        if len(roots) == 1:
            for it in out:
                if it.key == f"m{next(iter(roots))}":
                    it.skip_reason = "thread_starter"
        return out
