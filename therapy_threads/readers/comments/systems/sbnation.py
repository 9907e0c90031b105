"""SB Nation / Vox Media blogs' comments (2008-2013 "SBN" platform), from the markup its pages
render (``SBN.Comments``): every comment is ``div.citem#comment_item_{ID}`` holding
``div.comment#comment_inner_{ID}`` (avatar ``a.pic``, the subject ``h5.comment_title``, the words
``div.cbody#comment_body_{ID}`` ending in the member's ``div.sig``, the byline ``p.by`` "by <a>NAME</a>
on <span.time>DATE</span>" with the "up"/"reply"/"actions" links) and then its replies, each a
``div.citem`` nested inside its parent's ``div.citem``; a reply's "up" link
(``SBN.Comments.scrollTo('comment_item_{PARENT}')``) names the parent outright.

The subject and the signature are not the words; a comment whose body holds only the member's
signature has no words of its own and is kept (its replies hang on it) with the ``NO_WORDS`` marker.
"""
from __future__ import annotations

import re

from ..base import NO_WORDS, CommentSystem, Item, Page

_ID = re.compile(r"^comment_item_(\d+)$")
_UP = re.compile(r"scrollTo\(\s*['\"]comment_item_(\d+)['\"]")


class SBNation(CommentSystem):
    name = "sbnation"
    order = 39
    date_classes = ("time",)
    meta_classes = frozenset({"sig", "by", "comment_title", "cactions", "tools", "pic"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("div.citem[id^='comment_item_']", _ID):
            cid = m.group(1)
            inner = n.css_first(f"#comment_inner_{cid}")
            if inner is None:
                continue
            body = inner.css_first(f"#comment_body_{cid}")
            by = inner.css_first("p.by")
            link = by.css_first("a") if by is not None else None
            author = link.text(strip=True) if link is not None else None
            parent, stated = None, False
            up = by.css_first("a.up_link") if by is not None else None
            if up is not None:
                pm = _UP.search(a.get(up, "onclick"))
                if pm:
                    parent, stated = f"comment-{pm.group(1)}", True
            empty = body is not None and not _words(body)
            out.append(Item(n, self.name, f"comment-{cid}", parent_key=parent,
                            parent_stated=stated, author=author or None,
                            content=body if body is not None else inner,
                            placeholder=NO_WORDS if empty else None, header_shown=empty,
                            date=by.css_first("span.time") if by is not None else None))
        return out


def _words(body) -> bool:
    """The body holds words besides the member's signature."""
    for child in body.iter(include_text=True):
        if child.tag == "-text":
            if (child.text_content or "").strip():
                return True
        elif "sig" not in (child.attributes.get("class") or "").split():
            if child.text(strip=True):
                return True
    return False
