"""Q&A pages marked up with schema.org ``QAPage`` microdata (Google's Q&A structured data), the
convention many hand-made and ASP.NET Q&A sites print when no named system claims the page.

The question is ``[itemtype$=Question]`` (``itemprop=mainEntity``), the post. Each answer is an
element ``itemscope itemtype=".../Answer"`` with ``itemprop="suggestedAnswer"`` or
``"acceptedAnswer"``; its words are its own ``[itemprop=text]`` (Zhihu, where its markup leaves
that out: ``div.RichContent-inner``), its author the
``[itemprop=author]`` Person's ``[itemprop=name]`` (``dateCreated``, ``upvoteCount`` beside).
Answers are top level. The comments printed inside an answer reply to it: schema.org
``Comment`` items (``itemprop=comment``), or, where a site leaves them unmarked, the repeated
``comment``-named blocks with an id that the generic reader would take. The question's own
comments (``Question.comment``: inside the question's item, outside every answer) are top level,
as on Stack Exchange. Sites that mirror Stack Exchange print its comment line ("WORDS – NAME
DATE"): the name and the date are the comment's fields, the words its text
(``stackexchange.signed_line``). As on Stack Exchange, a ``blockquote`` in an answer is what the
writer quotes (a book, the documentation), not their own words; only a spoiler box is.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import contains
from .generic import _ITEM_CLASS
from .stackexchange import _quotes, signed_line

_ANSWER_PROPS = frozenset({"suggestedanswer", "acceptedanswer"})
_COMMENT_ID = ("id", "commentid", "data-comment-id", "data-id")


class SchemaAnswer(CommentSystem):
    name = "schema-answer"
    order = 38

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("[itemprop][itemtype]"):
            if not (set(a.get(n, "itemprop").lower().split()) & _ANSWER_PROPS) \
                    or not a.get(n, "itemtype").endswith("/Answer"):
                continue
            # Zhihu prints the answer's words in ``div.RichContent-inner`` (``span.RichText``), with
            # ``itemprop=text`` in some versions of its markup and none in others.
            text = _own(n, "[itemprop='text']", a) or _own(n, ".RichContent-inner", a)
            if text is None:
                continue
            who = _own(n, "[itemprop='author'] [itemprop='name']", a) or _own(n, "[itemprop='author']", a)
            key = f"answer-{len(out) + 1}"
            out.append(Item(n, self.name, key, parent_stated=True, content=text, not_text=_quotes(text),
                            author=(who.text(strip=True) or a.get(who, "content")) if who is not None else None))
            for c in _comments(n, a):
                out.append(_comment(page, c, key))
        if out:
            answers = [it.node for it in out if it.parent_key is None]
            for q in page.root.css("[itemscope][itemtype]"):
                if not a.get(q, "itemtype").endswith("/Question"):
                    continue
                for c in _comments(q, a):
                    if not _inside_other_answer(c, q, a) and not any(contains(x, c) for x in answers):
                        # Before the answers in the page, found after them: put in page order.
                        it = _comment(page, c, None)
                        it.late = True
                        out.append(it)
        return out


def _comment(page: Page, c, parent: str | None) -> Item:
    line = signed_line(page, c)
    if line is None:
        return Item(c, SchemaAnswer.name, "", parent_key=parent, parent_stated=True)
    words, who, date = line
    return Item(c, SchemaAnswer.name, "", parent_key=parent, parent_stated=True, content=words,
                author=who, date=date)


def _inside_other_answer(x, answer, a) -> bool:
    p = x.parent
    while p is not None and p.mem_id != answer.mem_id:
        if a.get(p, "itemtype").endswith(("/Answer", "/Comment")) or _is_comment(p, a):
            return True
        p = p.parent
    return False


def _own(answer, selector: str, a):
    """The answer's own part, not one of its comments'."""
    return next((x for x in answer.css(selector) if not _inside_other_answer(x, answer, a)), None)


def _is_comment(n, a) -> bool:
    if a.get(n, "itemprop").lower() == "comment" or a.get(n, "itemtype").endswith("/Comment"):
        return True
    return any(_ITEM_CLASS.match(c) for c in a.classes(n)) and any(a.get(n, k) for k in _COMMENT_ID)


def _comments(answer, a):
    """The outermost comment blocks inside the answer."""
    found = []
    for d in answer.css("[itemprop], [class]"):
        if d.tag in ("span", "a", "meta", "time") or not _is_comment(d, a):
            continue
        if any(contains(f, d) for f in found):
            continue
        found.append(d)
    return found


