"""Comments of GitHub gists, issues and pull requests, as github.com renders the timeline.

Each comment is ``div.timeline-comment-group`` (also ``js-comment``, ``timeline-comment``,
``comment``) with the id ``gistcomment-{ID}`` on a gist, ``issuecomment-{ID}`` on an issue or pull
request, ``discussioncomment-{ID}`` in a discussion. Its ``.timeline-comment-header`` holds the
author (``a.author``), "commented", the date (``relative-time[datetime]``) and an actions menu;
the words are ``.comment-body`` (``td.comment-body`` in older markup) inside
``.edit-comment-hide``; reactions follow in ``.comment-reactions``. The issue's own opening text
has no ``issuecomment-`` id, so it is never taken as a comment. Timelines are flat.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^(gistcomment|issuecomment|discussioncomment)-(\d+)$")


class GitHub(CommentSystem):
    name = "github"
    order = 29
    content_classes = ("comment-body",)
    author_classes = ("author",)
    date_classes = ("tag:relative-time",)
    meta_classes = frozenset({"timeline-comment-header", "timeline-comment-actions",
                              "comment-reactions", "js-comment-update", "timeline-comment-label",
                              "edit-comment-hide-label"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("[id^='gistcomment-'], [id^='issuecomment-'], "
                               "[id^='discussioncomment-']"):
            m = _ID.match(a.id(n))
            if m is None:
                continue
            body = n.css_first(".comment-body")
            if body is None:
                continue  # a permalink anchor or a minimised stub
            head = n.css_first(".timeline-comment-header a.author, a.author")
            out.append(Item(n, self.name, f"{m.group(1)}-{m.group(2)}", parent_stated=True,
                            author=stripped_text(head),
                            content=body))
        return out
