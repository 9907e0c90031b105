"""Question-and-answer pages of a site's own making (Answerbag 2011, Yahoo!-Answers-style boards):
no microdata, no named engine, but the same shape.

The question is a block classed ``question`` (the post). Each answer is a repeated ``li.answer``
/ ``div.answer`` (Answerbag: ``li.Box3.answer#ans{ID}``) holding its author part (``div.author``
with "by NAME on DATE"), its words (``p.answerText``, ``div.answer-body``...) and a nested list
of the comments on it (``div.Comments#comments_{ID}`` > ``ul`` > ``li.comment`` with
``p.commentText`` and the same author part). Answers reply to the question (depth 0); a comment
replies to the answer it is printed in. Counted only when two or more answer blocks of one tag
each hold an author part and a ``question`` block stands outside them (a FAQ's answers have no
author).
"""
from __future__ import annotations

import re

from .. import roles
from ..base import CommentSystem, Item, Page
from ..dom import ancestors

_TEXT = re.compile(r"^(?:answer|comment)[-_]?(?:text|body|content|txt)$", re.I)
_NUM = re.compile(r"(\d+)$")
_AUTHORS = frozenset(roles.AUTHOR)


class AnswerList(CommentSystem):
    name = "answer-list"
    order = 39

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        blocks = [n for n in page.root.css("li.answer, div.answer, article.answer")
                  if all(d.mem_id == n.mem_id for d in n.css("li.answer, div.answer, article.answer"))]
        if len(blocks) < 2 or len({n.tag for n in blocks}) != 1:
            return []
        inside = {n.mem_id for n in blocks}
        if not any(q.mem_id not in inside and not any(p.mem_id in inside for p in ancestors(q))
                   for q in page.root.css(".question")):
            return []
        out: list[Item] = []
        for i, n in enumerate(blocks):
            comments = [c for c in n.css("li.comment, div.comment") if c.mem_id != n.mem_id]
            who = _author(n, comments, a)
            if who is None:
                return []
            m = _NUM.search(a.id(n))
            key = f"answer-{m.group(1)}" if m else f"answer-pos{i + 1}"
            # The date is printed in the author part ("by NAME on February 26th, 2011").
            out.append(Item(n, self.name, key, parent_stated=True, author=who,
                            content=_text(n, comments, a), date=_author_part(n, comments, a)))
            for j, c in enumerate(comments):
                out.append(Item(c, self.name, f"{key}-c{j + 1}", parent_key=key, parent_stated=True,
                                author=_author(c, [], a), content=_text(c, [], a),
                                date=_author_part(c, [], a)))
        return out


def _outside(x, others) -> bool:
    ids = {o.mem_id for o in others}
    return x.mem_id not in ids and not any(p.mem_id in ids for p in ancestors(x))


def _author_part(n, others, a):
    """The block's own author part ("by NAME on DATE")."""
    return next((d for d in n.css("[class]") if d.mem_id != n.mem_id and a.classes(d) & _AUTHORS
                 and _outside(d, others) and d.text(strip=True)), None)


def _author(n, others, a) -> str | None:
    """The name in the block's own author part: its link, else the part's words."""
    d = _author_part(n, others, a)
    if d is None:
        return None
    link = d.css_first("a")
    t = (link.text(strip=True) if link is not None else "") or d.text(strip=True)
    return " ".join(t.split()) or None


def _text(n, others, a):
    return next((d for d in n.css("[class]") if d.mem_id != n.mem_id
                 and any(_TEXT.match(c) for c in a.classes(d)) and _outside(d, others)), None)
