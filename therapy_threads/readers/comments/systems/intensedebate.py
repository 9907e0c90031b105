"""IntenseDebate comments (Automattic's hosted comments) in a page saved after they were rendered.

IntenseDebate's script draws the thread into ``div#idc-container`` (``div#idc-cover.idc-comments``
holds the comments). Each comment is ``div.idc-thread#IDThread{ID}`` > ``div.idc-c#IDComment{ID}``
holding ``div.idc-c-h`` (the vote box ``div.idc-v``, the avatar ``a.idc-a``, ``p.idc-i`` with the
commenter's link, the reputation ``span.idc-rep`` and ``em.idc-time`` > ``a.IDCommentTime`` "4
weeks ago"), ``div.idc-c-t > div.idc-c-t-inner#IDComment-CommentText{ID}`` (the words) and
``div.idc-c-b`` (Reply button, the "N replies · active ..." collapse line); the replies nest in
``div.idc-thread#IDCommentSubThread{ID}`` after it. The new-comment and reply forms are also
``div.idc-c`` (``#IDCommentsNewThread``, in ``div.idc-thread#IDCThread``): not comments, and not
matched here since their ids carry no number.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^IDThread(\d+)$")


class IntenseDebate(CommentSystem):
    name = "intensedebate"
    order = 16
    author_classes = ("idc-i",)
    date_classes = ("idc-time",)
    meta_classes = frozenset({"idc-c-h", "idc-c-b", "idc-v", "idc-a", "idc-rep", "idc-time",
                              "idc-m", "idc-btn_s", "idc-collapselink", "idc-thread_active"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for n, m in page.with_id("div.idc-thread[id^='IDThread']", _ID):
            cid = m.group(1)
            body = n.css_first(f"div#IDComment-CommentText{cid}")
            if body is None:
                continue
            link = n.css_first(f"div#IDComment{cid} p.idc-i > a")
            author = link.text(separator=" ", strip=True) if link is not None else None
            out.append(Item(n, self.name, f"idc-{cid}", author=author or None, content=body,
                            date=n.css_first(f"a#IDCommentTime{cid}")))
        return out
