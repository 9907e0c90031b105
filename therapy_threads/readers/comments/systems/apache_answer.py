"""Apache Answer (Q&A platform; the React UI in ``ui/src/pages/Questions/Detail``).

The question (``components/Question``) is the post. Each answer (``components/Answer``) is
``div.answer-item#{answer id}``: an optional "Best answer" badge, ``div.img-viewer >
article.fmt`` (the words), the vote button group, share/edit/report links, the answerer's card
(``a.name-ellipsis``, reputation, ``time`` "answered DATE") and then its comments
(``components/Comment``): ``div.comments-wrap`` of ``div.comment-item#{comment id}``, each with
``div.fmt`` (the words), then ``a.name-ellipsis`` • ``time``, the vote and Reply buttons. Answers
are top level; a comment replies to the answer it is printed under, and a comment under the
question is top level like the answers.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page
from ..dom import ancestors, stripped_text


class ApacheAnswer(CommentSystem):
    name = "apache-answer"
    order = 37
    content_classes = ("fmt",)
    meta_classes = frozenset({"comments-wrap", "name-ellipsis", "control-area"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        root = page.root
        if root.css_first("div.comments-wrap div.comment-item") is None \
                and root.css_first("div.answer-item div.img-viewer article.fmt") is None:
            return []
        out: list[Item] = []
        for n in root.css("div.answer-item, div.comments-wrap div.comment-item"):
            if "answer-item" in a.classes(n):
                content = n.css_first("div.img-viewer article.fmt")
                if content is None:
                    continue
                who = next((x for x in n.css("a.name-ellipsis") if not _within(x, n, "comments-wrap", a)), None)
                out.append(Item(n, self.name, f"answer-{a.id(n)}" if a.id(n) else "", parent_stated=True,
                                author=stripped_text(who), content=content))
                continue
            content = n.css_first("div.fmt")
            if content is None:
                continue
            owner = _owner(n, a)
            who = n.css_first("a.name-ellipsis")
            out.append(Item(n, self.name, f"comment-{a.id(n)}" if a.id(n) else "", parent_stated=True,
                            parent_key=f"answer-{a.id(owner)}" if owner is not None and a.id(owner) else None,
                            author=stripped_text(who), content=content))
        return out


def _owner(n, a):
    return next((p for p in ancestors(n) if "answer-item" in a.classes(p)), None)


def _within(x, stop, cls: str, a) -> bool:
    p = x.parent
    while p is not None and p.mem_id != stop.mem_id:
        if cls in a.classes(p):
            return True
        p = p.parent
    return False
