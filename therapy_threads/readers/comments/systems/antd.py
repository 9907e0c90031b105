"""Comment threads built on Ant Design's ``Comment`` component (``components/comment/index.tsx``
of antd 3/4, used by Vue and React sites).

The component renders ``div.ant-comment`` > ``div.ant-comment-inner`` > ``div.ant-comment-avatar``
and ``div.ant-comment-content`` > ``div.ant-comment-content-author`` (``span.ant-comment-content-
author-name``: whatever the site passes as ``author`` — often a link with the name, a level
badge, an "(OP)" label and the time; ``span.ant-comment-content-author-time``), then
``div.ant-comment-content-detail`` (the ``content``) and ``ul.ant-comment-actions``; a comment's
replies are its children, rendered in ``div.ant-comment-nested`` after the inner block. The name is
the first words of the author slot; badges, labels and the time after it are not.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page


def _first_words(n) -> str:
    """The first non-empty text directly in ``n`` or, when it has none, in its first element
    child with text (the name before a badge, an "(OP)" label and the time)."""
    while n is not None:
        own = n.text(deep=False, strip=True)
        if own:
            return own
        n = next((c for c in n.iter() if c.text(strip=True)), None)
    return ""


class AntDesign(CommentSystem):
    name = "antd"
    order = 40
    content_classes = ("ant-comment-content-detail",)
    date_classes = ("ant-comment-content-author-time", "time")
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    meta_classes = frozenset({"ant-comment-avatar", "ant-comment-content-author",
                              "ant-comment-actions"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for i, n in enumerate(page.root.css("div.ant-comment")):
            inner = next((c for c in n.iter() if "ant-comment-inner" in a.classes(c)), None)
            if inner is None:
                continue
            detail = inner.css_first("div.ant-comment-content-detail")
            if detail is None:
                continue
            slot = inner.css_first("span.ant-comment-content-author-name")
            author = _first_words(slot) if slot is not None else ""
            key = a.id(n) or f"antd-{i}"
            out.append(Item(n, self.name, key, author=author or None, content=detail))
        return out
