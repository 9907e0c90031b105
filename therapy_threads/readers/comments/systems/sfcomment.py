"""symfony 1.x comment plugins (sfPropelActAsCommentableBehaviorPlugin's ``sfComment`` module).

The plugin's ``_commentList.php`` prints ``div#sf_comment_list`` and, per comment,
``_commentView.php``: ``div.sf_comment#sf_comment_{ID}`` with ``p.sf_comment_info`` >
``span.sf_comment_author`` and the age ("%1% ago", translated), then ``.sf_comment_text``.
Sites override the partial: a news site seen here closes ``div.sf_comment`` after the info line and
prints ``div.sf_comment_text`` and a ``div.sf_comment_rating#sf_comment_rating_{ID}``
("Valoración: 3", vote links) as its next siblings, inside one wrapper per comment. Threads are
flat; the list is paginated over AJAX ("Página 1 de 2").
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^sf_comment_(\d+)$")


class SfComment(CommentSystem):
    name = "sfcomment"
    order = 31
    content_classes = ("sf_comment_text",)
    author_classes = ("sf_comment_author",)
    date_classes = ("date", "sf_comment_date")
    meta_classes = frozenset({"sf_comment_info", "sf_comment_rating", "valora", "valoradores",
                              "pager"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("[id^='sf_comment_']", _ID):
            content = n.css_first(".sf_comment_text")
            extra = []
            if content is None:
                sib = n.next
                while sib is not None:
                    if sib.is_element_node:
                        if _ID.match(a.id(sib)):
                            break
                        cls = a.classes(sib)
                        if "sf_comment_text" in cls:
                            content = sib
                            extra.append(sib)
                        elif "sf_comment_rating" in cls:
                            extra.append(sib)
                    sib = sib.next
            author = n.css_first(".sf_comment_author")
            out.append(Item(n, self.name, f"sf_comment_{m.group(1)}", parent_stated=True,
                            author=stripped_text(author),
                            extra_nodes=extra, content=content))
        return out
