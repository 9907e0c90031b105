"""DW Question & Answer (DesignWall's WordPress Q&A plugin), from its ``templates/``:
``content-single-question.php``, ``content-single-answer.php`` and ``content-comment.php``.

The question (``div.dwqa-question-item``) is the post. Each answer is
``div.dwqa-answer-item#answer-{ID}`` (``dwqa-best-answer`` on the chosen one): ``div.dwqa-answer-vote``
(count, "Vote Up"/"Vote Down" links), ``span.dwqa-pick-best-answer`` ("Best Answer"),
``div.dwqa-answer-meta`` (``span`` > ``a`` with the avatar and name, ``span.dwqa-label`` such as
"Staff", then "answered N years ago"; ``span.dwqa-answer-actions``), ``div.dwqa-answer-content``
(the words) and ``div.dwqa-comments > div.dwqa-comments-list``. A comment is
``div.dwqa-comment#comment-{ID}``: ``div.dwqa-comment-meta`` (avatar + name link, label, "replied N
ago", actions) and then the words, without a wrapper. Answers and the question's comments are top
level; a comment under an answer replies to it.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import ancestors, stripped_text

_ANSWER = re.compile(r"^answer-(\d+)$")
_COMMENT = re.compile(r"^comment-(\d+)$")


class DWQA(CommentSystem):
    name = "dwqa"
    order = 37
    content_classes = ("dwqa-answer-content",)
    meta_classes = frozenset({"dwqa-answer-vote", "dwqa-pick-best-answer", "dwqa-answer-meta",
                              "dwqa-comment-meta", "dwqa-comments", "dwqa-answer-actions",
                              "dwqa-comment-actions", "dwqa-label"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.dwqa-answer-item, div.dwqa-comment"):
            if "dwqa-answer-item" in a.classes(n):
                m = _ANSWER.match(a.id(n))
                content = n.css_first("div.dwqa-answer-content")
                if m is None or content is None:
                    continue
                who = n.css_first("div.dwqa-answer-meta a")
                out.append(Item(n, self.name, f"answer-{m.group(1)}", parent_stated=True,
                                author=stripped_text(who),
                                content=content))
                continue
            m = _COMMENT.match(a.id(n))
            if m is None:
                continue
            owner = _answer_of(n, a)
            who = n.css_first("div.dwqa-comment-meta a")
            out.append(Item(n, self.name, f"comment-{m.group(1)}", parent_stated=True,
                            parent_key=f"answer-{_ANSWER.match(a.id(owner)).group(1)}" if owner is not None else None,
                            author=stripped_text(who)))
        return out


def _answer_of(n, a):
    return next((p for p in ancestors(n)
                 if "dwqa-answer-item" in a.classes(p) and _ANSWER.match(a.id(p))), None)
