"""Comments of GitHub gists, issues and pull requests, as github.com renders the timeline.

Two markups, both flat timelines:

* **Classic (server-rendered) timeline.** Each comment is ``div.timeline-comment-group`` (also
  ``js-comment``, ``timeline-comment``, ``comment``) with the id ``gistcomment-{ID}`` on a gist,
  ``issuecomment-{ID}`` on an issue or pull request, ``discussioncomment-{ID}`` in a discussion,
  ``discussion_r{ID}`` for a pull request's review comment (``div.review-comment``). Its
  ``.timeline-comment-header`` holds the author (``a.author``), "commented", the date
  (``relative-time[datetime]``) and an actions menu; the words are ``.comment-body``
  (``td.comment-body`` in older markup) inside ``.edit-comment-hide``; reactions follow in
  ``.comment-reactions``. The opening text (``#issue-{ID}``, ``#pullrequest-{ID}``) has no
  comment id, so it is never taken as a comment. The discussion-bubble markup of 2012-2013
  (``div.discussion-bubble`` > ``div#issuecomment-{ID}.js-comment.comment``) names the author
  ``a.comment-header-author`` in ``div.comment-header`` ("NAME commented", the date in
  ``a.comment-header-date``); the browser extensions of those years (+1 counters, participant
  lists) read the name from that class.
* **React issue viewer (2024-).** Each timeline entry is ``div[data-wrapper-timeline-id]``; a
  comment entry holds ``div.react-issue-comment`` > ``div[data-testid^=comment-viewer-outer-box]``
  > the header (``div[data-testid=comment-header]``, which carries the ``issuecomment-{ID}`` id:
  an ``h3.sr-only`` "NAME commented", ``a[data-testid=avatar-link]`` with the login,
  ``relative-time``, labels such as "Author"/"Contributor", the actions menu) and the body
  (``div[data-testid=markdown-body]`` holding a second ``.markdown-body`` box: read once, as
  one element). Reactions are a ``role=toolbar`` after the body. The issue's own text is
  ``div.react-issue-body`` (``data-testid=issue-body``), never a comment. Other timeline events
  (labels, references, closing) hold no ``react-issue-comment``. These are the selectors
  GitHub's own page and the maintained browser extensions that read it (Refined GitHub's
  ``.react-issue-comment``/``[data-wrapper-timeline-id]``, Obsidian's defuddle) rely on.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^(gistcomment|issuecomment|discussioncomment|discussion_r)-?(\d+)$")
_OUTER_BOX = re.compile(r"^comment-viewer-outer-box-(\S+)$")


class GitHub(CommentSystem):
    name = "github"
    order = 29
    content_classes = ("comment-body",)
    author_classes = ("author", "comment-header-author")
    date_classes = ("tag:relative-time",)
    meta_classes = frozenset({"timeline-comment-header", "timeline-comment-actions",
                              "comment-reactions", "js-comment-update", "timeline-comment-label",
                              "edit-comment-hide-label"})

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        for n, m in page.with_id("[id^='gistcomment-'], [id^='issuecomment-'], "
                                 "[id^='discussioncomment-'], [id^='discussion_r']", _ID):
            body = n.css_first(".comment-body")
            if body is None:
                continue  # a permalink anchor, a minimised stub, or a React header (below)
            head = n.css_first(".timeline-comment-header a.author, a.author, "
                               ".comment-header a.comment-header-author, a.comment-header-author")
            out.append(Item(n, self.name, f"{m.group(1)}-{m.group(2)}", parent_stated=True,
                            author=stripped_text(head),
                            content=body))
        out.extend(self._react(page))
        return out

    def _react(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        seen: set[str] = set()
        for n in page.root.css("div.react-issue-comment"):
            body = n.css_first("[data-testid='markdown-body'], .markdown-body")
            if body is None:
                continue
            m = next((m for _, m in page.with_id("[id^='issuecomment-']", _ID, under=n)), None)
            key = f"issuecomment-{m.group(2)}" if m else None
            if key is None:
                box = n.css_first("[data-testid^='comment-viewer-outer-box-']")
                m = _OUTER_BOX.match(a.get(box, "data-testid")) if box is not None else None
                key = f"issuecomment-{m.group(1)}" if m else ""
            if key and key in seen:
                continue  # the same entry printed twice (a wrapper re-rendered)
            seen.add(key)
            head = n.css_first("a[data-testid='avatar-link'], a.author")
            out.append(Item(n, self.name, key, parent_stated=True,
                            author=stripped_text(head), content=body))
        return out
