"""SabaiDiscuss (the Sabai framework's Q&A plugin for WordPress) question pages.

Sabai prints every content entity as ``div.sabai-entity#sabai-entity-content-{ID}`` with its
bundle in the classes: the question is ``sabai-entity-bundle-name-questions`` (the post), each
answer ``sabai-entity-bundle-name-questions-answers`` (``sabai-questions-accepted`` for the chosen
one, with a "Good Answer" label in ``div.sabai-questions-status``). An answer holds the vote and
favourite widgets (``div.sabai-questions-side``), the words in ``div.sabai-questions-body``, custom
fields, and ``ul.sabai-entity-activity`` ("``a.sabai-user`` answered ``a[title=DATE]`` N years
ago", then the last editor), then its comment list. Comments are ``li#sabai-comment-{ID}``:
avatar, ``ul.sabai-comment-meta`` (``li.sabai-comment-author`` > ``a.sabai-user``,
``li.sabai-comment-date``, ``li.sabai-comment-votes``) and ``div.sabai-comment-main`` (the words).
Answers answer the question (top level); a comment replies to the answer it is printed in, or,
under the question, is top level like the answers.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import ancestors, stripped_text

_ENTITY = re.compile(r"^sabai-entity-content-(\d+)$")
_COMMENT = re.compile(r"^sabai-comment-(\d+)$")
_ANSWER_CLASS = "sabai-entity-bundle-name-questions-answers"


class SabaiDiscuss(CommentSystem):
    name = "sabai"
    order = 37
    content_classes = ("sabai-questions-body", "sabai-comment-main")
    meta_classes = frozenset({"sabai-questions-status", "sabai-questions-side", "sabai-entity-activity",
                              "sabai-comment-meta", "sabai-questions-custom-fields",
                              "sabai-questions-comments", "sabai-comment-form", "sabai-comment-avatar"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css(f"div.{_ANSWER_CLASS}, li[id^='sabai-comment-']"):
            if n.tag == "div":
                m = _ENTITY.match(a.id(n))
                content = n.css_first("div.sabai-questions-body")
                if m is None or content is None:
                    continue
                who = n.css_first("ul.sabai-entity-activity li a.sabai-user")
                out.append(Item(n, self.name, f"answer-{m.group(1)}", parent_stated=True,
                                author=stripped_text(who),
                                content=content))
                continue
            m = _COMMENT.match(a.id(n))
            content = n.css_first("div.sabai-comment-main")
            if m is None or content is None:
                continue
            owner = _answer_of(n, a)
            who = n.css_first("li.sabai-comment-author a, li.sabai-comment-author")
            out.append(Item(n, self.name, f"comment-{m.group(1)}", parent_stated=True,
                            parent_key=f"answer-{_ENTITY.match(a.id(owner)).group(1)}" if owner else None,
                            author=stripped_text(who),
                            content=content))
        return out


def _answer_of(n, a):
    return next((p for p in ancestors(n) if _ANSWER_CLASS in a.classes(p) and _ENTITY.match(a.id(p))),
                None)
