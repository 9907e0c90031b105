"""TypePad and Movable Type classic comment lists without an element per comment.

The classic templates print each comment as an anchor and the body's own paragraphs, closed by a
byline paragraph (TypePad's ``comments`` module, Movable Type 2/3 ``Comment Listing``)::

    <a id="c<$MTCommentID$>"></a>
    <$MTCommentBody$>                      (one or more <p>)
    <p class="posted">Posted by: <$MTCommentAuthorLink$> | <$MTCommentDate$></p>

so a comment is the sibling range from its anchor to the next ``p.posted``. Movable Type themes
that wrap the body print ``<a name="c{ID}"></a><div id="c{ID}">BODY</div><p class="posted">Posted by:
NAME at <a>DATE</a></p>`` (inside a ``div.commentbody`` per comment). Trackbacks in the
same layout use ``a#p{ID}`` anchors and a "Tracked on DATE" line, and are not read here.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^c(\d+)$")
_POSTED = re.compile(r"^\s*Posted\s+by:?\s+(.+?)\s+(?:\||at\b)", re.I | re.S)


class TypePad(CommentSystem):
    name = "typepad"
    order = 84
    meta_classes = frozenset({"posted"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for anchor in page.root.css("a[id^='c'], a[name^='c']"):
            m = _ID.match(a.id(anchor)) or _ID.match(a.get(anchor, "name"))
            if m is None or anchor.text(strip=True) or anchor.child is not None:
                continue
            body: list = []
            posted = None
            sib = anchor.next
            while sib is not None:
                if sib.is_element_node:
                    if sib.tag == "p" and "posted" in a.classes(sib):
                        posted = sib
                        break
                    own_body = sib.tag == "div" and a.id(sib) == f"c{m.group(1)}"
                    if sib.tag == "a" and a.id(sib) or (sib.tag in ("h1", "h2", "h3", "form", "div")
                                                        and not own_body):
                        break  # the next comment's anchor, or the end of the list
                    body.append(sib)
                sib = sib.next
            if posted is None or not body:
                continue
            by = _POSTED.match(posted.text(separator=" ") + " ")
            if by is None:
                continue
            out.append(Item(anchor, self.name, f"c{m.group(1)}", parent_stated=True,
                            author=by.group(1).strip() or None, extra_nodes=body, date=posted))
        return out
