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

Movable Type 3's default templates give each comment a block, closed by its byline::

    <div class="comments-body"><$MTCommentBody$>
    <span class="comments-post">Posted by: <$MTCommentAuthorLink$> at <a>DATE</a></span></div>

(themes reword the byline: "NAME on DATE", "NAME | DATE"); the name is the byline's link, else its
words before the date.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^c(\d+)$")
_PERMALINK_TEXT = re.compile(r"^\w+ \d{1,2}, \d{4}|^\d")  # the byline's date link
_POSTED = re.compile(r"^\s*Posted\s+by:?\s+(.+?)\s+(?:\||at\b)", re.I | re.S)


# A theme may number the byline first ("Comment #12 - Posted by: NAME at DATE").
_BYLINE = re.compile(r"^\s*(?:[^|]{0,40}?\bPosted\s+by:?\s+)?(.+?)\s+(?:\||at\b|on\b)", re.I | re.S)


class TypePad(CommentSystem):
    name = "typepad"
    order = 84
    meta_classes = frozenset({"posted", "comments-post"})

    def find(self, page: Page) -> list[Item]:
        return self._anchored(page) or self._blocks(page) or self._bodies(page)

    def _bodies(self, page: Page) -> list[Item]:
        """The body wrapped in ``div#c{ID}`` without an anchor before it, the byline
        ``p.posted`` right after it (the classic template's ``<div id="c<$MTCommentID$>">``)."""
        a = page.attrs
        out: list[Item] = []
        for block, m in page.with_id("div[id^='c']", _ID):
            posted = block.next
            while posted is not None and not posted.is_element_node:
                posted = posted.next
            if posted is None or posted.tag != "p" or "posted" not in a.classes(posted):
                continue
            text = posted.text(separator=" ") + " "
            by = _POSTED.match(text)
            if by is None:
                continue
            link = posted.css_first("a[href]")
            name = link.text(separator=" ", strip=True) if link is not None else ""
            if not name or _PERMALINK_TEXT.match(name):
                name = by.group(1).strip()
            out.append(Item(block, self.name, f"c{m.group(1)}", parent_stated=True,
                            author=name or None, date=posted))
        return out if len(out) >= 2 else []

    def _blocks(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for block in page.root.css("div.comments-body"):
            post = next((c for c in block.iter() if c.is_element_node and c.tag in ("span", "p")
                         and "comments-post" in a.classes(c)), None)
            if post is None:
                continue
            link = post.css_first("a[href]")
            name = link.text(separator=" ", strip=True) if link is not None else ""
            if not name or _PERMALINK_TEXT.match(name):
                by = _BYLINE.match(post.text(separator=" ") + " ")
                name = by.group(1).strip() if by else ""
            key = ""
            prev = block.prev
            while prev is not None and not prev.is_element_node:
                prev = prev.prev
            if prev is not None and prev.tag == "a":
                m = _ID.match(a.id(prev)) or _ID.match(a.get(prev, "name"))
                key = f"c{m.group(1)}" if m else ""
            out.append(Item(block, self.name, key, parent_stated=True, author=name or None, date=post))
        return out if len(out) >= 2 else []

    def _anchored(self, page: Page) -> list[Item]:
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
