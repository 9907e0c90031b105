"""UBB.threads 7 topic pages (the flat view of ``ubbthreads.php/topics/{ID}``).

Each post is a small table of its own: a subject row (``td.subjecttable``: the subject, an "in
reply to" link, ``#{ID}`` in ``a#number{ID}``, ``span.date`` + ``span.time``), an author row for
narrow screens (``td.author-content.mblwide``), then the author cell (``td.author-content.mblthin``:
``div.author-name`` > ``span.username`` — ``span.modname`` for moderators —, title, avatar, join
date, post count) beside ``td.post-content`` > ``div.post_inner`` > ``div#body{N}`` (the words;
the member's signature follows in ``div.signature``). The view is flat. The topic's first post is
the first post of page 1; the pager marks the page shown as ``td.page-cur``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import ancestors, stripped_text

_BODY = re.compile(r"^body\d+$")
_NUMBER = re.compile(r"^number(\d+)$")


class UBBThreads(CommentSystem):
    name = "ubbthreads"
    order = 45
    meta_classes = frozenset({"signature", "author-content", "subjecttable"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for body in page.root.css("div.post_inner > div[id^='body']"):
            if not _BODY.match(a.id(body)):
                continue
            post = next((t for t in ancestors(body) if t.tag == "table"
                         and t.css_first("td.subjecttable") is not None), None)
            if post is None:
                return []
            num = next((m.group(1) for x in post.css("a[id^='number']")
                        if (m := _NUMBER.match(a.id(x)))), "")
            name = post.css_first("td.author-content.mblthin .author-name .username, "
                                  "td.author-content.mblthin .author-name .modname, "
                                  "td.author-content .author-name .username, "
                                  "td.author-content .author-name .modname")
            stamp = post.css_first("td.subjecttable span.date")
            out.append(Item(post, self.name, f"post-{num}" if num else "", parent_stated=True,
                            author=stripped_text(name), content=body,
                            date=stamp.parent if stamp is not None else None))
        if out and _first_page(page):
            out[0].skip_reason = "thread_starter"
        return out


def _first_page(page: Page) -> bool:
    cur = page.root.css_first("td.page-cur")
    return cur is None or (stripped_text(cur) or "1") == "1"
