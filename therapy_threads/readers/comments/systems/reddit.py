"""Reddit threads as the 2018-2023 web app renders them (a saved post page or an embed).

Each comment is ``div.Comment`` whose classes carry its "fullname" (``t1_<base36 id>``); the
thread is flat: depth is the screen-reader text "level N" at the top of each comment (and a
``padding-left`` on its wrapper). The header holds the author's ``/user/NAME/`` link, the score
("39 points") and the permalink whose text is the comment's age; the words are in the element
marked ``data-test-id="comment"``. A deleted comment has no such element.

old.reddit.com (``r2/templates/comment.html`` and ``comment_skeleton.html``): each comment is
``div.thing.comment`` with ``data-fullname="t1_<id>"`` (and ``data-author``); its ``div.entry``
holds ``p.tagline`` (``a.author``, ``span.score`` "12 points", ``time.live-timestamp[datetime]``
then "ago"), ``form.usertext > div.usertext-body > div.md`` with the words and ``ul.buttons``
("permalink", "reply"); replies are nested in ``div.child > div.sitetable``. A deleted comment
shows "[deleted]" for its author and words.

Reddit's 2023+ web app (``shreddit-comment`` web components) has its own reader, ``shreddit.py``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import contains, element_children

_FULLNAME = re.compile(r"^t1_([a-z0-9]{3,13})$")
_LEVEL = re.compile(r"^level\s+(\d{1,3})$", re.I)


class Reddit(CommentSystem):
    name = "reddit"
    order = 24
    meta_classes = frozenset({"tagline", "buttons", "midcol", "parent", "child", "score",
                              "live-timestamp", "expand", "userattrs", "flat-list"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.Comment"):
            key = next((m.group(1) for c in a.classes(n) if (m := _FULLNAME.match(c))), None)
            if key is None:
                continue
            depth = None
            for sp in n.css("span")[:12]:
                m = _LEVEL.match(sp.text(strip=True))
                if m:
                    depth = max(int(m.group(1)) - 1, 0)
                    break
            content = n.css_first("[data-test-id='comment'], [data-testid='comment']")
            author = None
            for link in n.css("a[data-testid='comment_author_link'], a[href^='/user/']"):
                if content is None or not contains(content, link):  # a "/u/name" the commenter wrote
                    author = link.text(strip=True) or None
                    break
            out.append(Item(n, self.name, f"t1_{key}", depth=depth, author=author or None,
                            content=content, skip_reason=None if content is not None else "deleted"))
        for n, m in page.with_id("div.thing.comment[data-fullname]", _FULLNAME, attr="data-fullname"):
            entry = next((c for c in element_children(n) if "entry" in a.classes(c)), None)
            content = entry.css_first("div.usertext-body div.md") if entry is not None else None
            words = content.text(strip=True) if content is not None else ""
            author = a.get(n, "data-author") or None
            gone = not words or words in ("[deleted]", "[removed]")
            out.append(Item(n, self.name, f"t1_{m.group(1)}", author=None if gone else author,
                            content=content, skip_reason="deleted" if gone else None))
        return out

