"""Talkyard (formerly Debiki) discussion pages and blog-comment embeds.

From Talkyard's server-side rendered page (``client/app-slim/page/discussion.ts``): every post
sits in a thread box ``.dw-t`` (``dw-depth-N``, ``s_T-Flat`` for a flat "progress" post) whose
``div.dw-p#post-{NR}`` holds the header ``.dw-p-hd`` (``a.dw-p-by`` with the full name
``span.esP_By_F`` and/or the username ``span.esP_By_U``, the time ``span.dw-ago``) and the body
``.dw-p-bd`` > ``.dw-p-bd-blk``; replies follow in ``ol.dw-res`` > ``li`` > ``.dw-t`` inside the
parent's box. Post 0 is the page title and post 1 the original post (the topic or the blog
article): neither is a comment, and replies to the original post are the top level.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_POST = re.compile(r"^post-(\d+)$")


class Talkyard(CommentSystem):
    name = "talkyard"
    order = 28
    content_classes = ("dw-p-bd-blk", "dw-p-bd")
    date_classes = ("dw-ago",)
    meta_classes = frozenset({"dw-p-hd", "dw-p-as", "dw-a", "esavtr", "dw-ar-p-hd",
                              "n_byat", "c_tagl", "dw-cmts-tlbr", "esmetabar"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        key_of: dict[int, str] = {}
        for t in page.root.css(".dw-t"):
            post = next((c for c in t.iter() if c.tag == "div" and _POST.match(a.id(c))), None)
            if post is None:
                continue
            nr = int(_POST.match(a.id(post)).group(1))
            key = f"post-{nr}"
            key_of[t.mem_id] = key
            if nr <= 1:  # the title and the original post
                out.append(Item(t, self.name, key, parent_stated=True,
                                skip_reason="thread_starter"))
                continue
            parent = None
            p = t.parent
            while p is not None:
                k = key_of.get(p.mem_id)
                if k is not None:
                    parent = None if k in ("post-0", "post-1") else k
                    break
                p = p.parent
            by = post.css_first(".dw-p-hd a.dw-p-by")
            author = None
            if by is not None:
                full = by.css_first(".esP_By_F")
                user = by.css_first(".esP_By_U")
                author = (full or user or by).text(strip=True).lstrip("@") or None
            out.append(Item(t, self.name, key, parent_key=parent, parent_stated=True,
                            author=author, content=post.css_first(".dw-p-bd")))
        return out
