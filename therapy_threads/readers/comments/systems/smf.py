"""Simple Machines Forum (SMF 2.0 and 2.1) topic pages, from ``Themes/default/Display.template.php``.

Each message is ``div.post_wrapper`` (2.1: inside ``div.windowbg#msg{ID}``; 2.0: inside
``div.windowbg``/``windowbg2`` after an ``a#msg{ID}`` anchor) with ``div.poster`` (``h4 > a``:
the name; ``ul.user_info``: title, group, avatar, stars, "Posts: N", "Logged"), ``div.postarea``
(``div.keyinfo``: the subject, the date link and — for every message but the topic's first — the
counter: 2.1 ``span.page_number`` "#N", 2.0 "« Reply #N on: DATE »"; then ``div.post > div.inner
#msg_{ID}``: the words, quotes as ``blockquote.bbc_standard_quote`` after a "Quote from: X on DATE"
``cite``; ``div.under_message``) and ``div.moderatorbar`` (``div.signature``). Replies are flat;
the message without a counter, when the others have one, is the topic's opening post.

SMF 1.1's default theme (``Display.template.php`` of 1.1) prints each message as table cells:
``a[name=msg{ID}]``, then a table whose cell ``td.windowbg``/``windowbg2`` holds the poster cell
(``td[rowspan=2]``: ``b > a`` the member, ``div.smalltext`` with group, stars, "Online",
"Gender:", custom profile fields, "Posts: N", avatar) and the message cell:
``div#subject_{ID}`` ("Re: subject"), ``div.smalltext`` "« Reply #N on: DATE »" (no "Reply #N"
on the topic's first message), ``div.post`` (the words; a quote is ``div.quoteheader`` "Quote
from: X on DATE" + ``div.quote``), then ``td#modified_{ID}``, "Logged" and ``div.signature``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_MSG = re.compile(r"^msg_?(\d+)$")
_COUNTER = re.compile(r"#\s?\d+")
_SUBJECT = re.compile(r"^subject_(\d+)$")


class SMF(CommentSystem):
    name = "smf"
    order = 27
    content_classes = ("inner",)
    meta_classes = frozenset({"poster", "keyinfo", "under_message", "moderatorbar", "signature",
                              "user_info", "quickbuttons", "post_options",
                              # Subs.php parse_bbc: [quote] alternates these two classes by depth.
                              "bbc_standard_quote", "bbc_alternate_quote",
                              # SMF 1.1
                              "quoteheader", "quote", "smalltext"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        rows = []
        for w in page.root.css("div.post_wrapper"):
            inner = w.css_first("div.post div.inner")
            if inner is None or w.css_first("div.poster") is None:
                continue
            box = w.parent if w.parent is not None and _MSG.match(a.id(w.parent)) else w
            m = _MSG.match(a.id(box)) or _MSG.match(a.id(inner)) or _MSG.match(a.get(inner, "data-msgid"))
            key = f"msg{m.group(1)}" if m else ""
            keyinfo = w.css_first("div.keyinfo")
            counted = keyinfo is not None and bool(_COUNTER.search(keyinfo.text(separator=" ")))
            who = w.css_first("div.poster h4 a") or w.css_first("div.poster h4")
            rows.append((box, key, inner, counted, who, None))
        if not rows:
            rows = self._rows_v1(page)
        any_counted = any(r[3] for r in rows)
        return [Item(box, self.name, key, parent_stated=True, content=inner,
                     author=stripped_text(who), date=date,
                     skip_reason="thread_starter" if any_counted and not counted else None)
                for box, key, inner, counted, who, date in rows]

    @staticmethod
    def _rows_v1(page: Page) -> list[tuple]:
        """SMF 1.1: the ``td.windowbg``/``windowbg2`` cell around each message's ``div.post``."""
        a = page.attrs
        rows = []
        for cell in page.root.css("td.windowbg, td.windowbg2"):
            subject = cell.css_first("div[id^='subject_']")
            m = _SUBJECT.match(a.id(subject)) if subject is not None else None
            if m is None:
                continue
            inner = cell.css_first("div.post")
            who = cell.css_first("td[rowspan] > b > a") or cell.css_first("td[rowspan] > b")
            if inner is None or who is None:
                continue
            line = subject.parent.css_first("div.smalltext") if subject.parent is not None else None
            counted = line is not None and bool(_COUNTER.search(line.text(separator=" ")))
            rows.append((cell, f"msg{m.group(1)}", inner, counted, who, line))
        return rows
