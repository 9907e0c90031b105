"""Tibia.com's own forum (CipSoft's engine, ``/forum/?action=thread``), from the markup its thread
pages print and that Galarzaa90/tibia.py's ``ForumThreadParser`` reads.

The thread is ``table.TableContent``; each post is a row ``tr`` > ``td.CipPost`` >
``div.ForumPost#Post_{ID}`` (``CipPostWithBorderImage`` for a gold-framed post) holding
``div.PostBody`` > ``div.PostUpper`` (``div.PostCharacterText``: the character's name in ``b``, a
profile link, or plain bold text for a deleted or traded character, "NAME (traded)"; then rank,
world, vocation, level, guild and post count) and ``div.PostText``, then ``div.PostLower`` >
``div.PostDetails`` (the date "DD.MM.YYYY HH:MM:SS", and "Edited by NAME on DATE") and
``div.PostActions`` ("Post #ID", Quote).

``div.PostText`` opens with the post's icon (an ``img``, its ``alt`` the icon's name) and the
title the poster typed (``b``, kept: the poster's words) before a ``div.ForumDesktopElements``
spacer; a quote of another post is ``<i>Originally posted by NAME on DATE</i>:`` then
``blockquote.QuoteText``; the signature follows a line of sixteen underscores
(``________________``), in a table of its own (``td.ff_pagetext``). The icon, the quote and the
signature are not the poster's words. Threads are flat; the first post of a thread's first page (``td.PageNavigation``'s
``span.CurrentPageLink`` is 1; else no ``pagenumber`` above 1 in the address) is the thread itself.

The 2020 markup tibia.py read before (``tibiapy/forum.py``) printed the same ``div.ForumPost``
blocks without the ``Post_{ID}`` id: the post's number is then its "Post #ID" box. The thread's
header (``div.ForumPost.ForumPostHeader``) holds no character and is not a post.
"""
from __future__ import annotations

import re

from .topic_page import FlatForum, is_later_page

_DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}\s+\d{2}:\d{2}:\d{2}")
_SIGNATURE_LINE = re.compile(r"^_{10,}$")
_PAGE_NUMBER = re.compile(r"[?&]pagenumber=(\d+)")
_POST_NUMBER = re.compile(r"^Post\s*#\s*(\d+)$")


class TibiaCom(FlatForum):
    name = "tibiacom"
    order = 30
    content_classes = ("posttext",)
    meta_classes = frozenset({"postcharactertext", "postdetails", "postactions", "additionalbox",
                              "forumdesktopelements"})
    post_selector = "div.ForumPost"
    post_id = re.compile(r"^Post_(\d+)$")
    key = "post_{0}"
    content_selector = "div.PostText"
    author_selector = "div.PostCharacterText b"
    requires = "div.PostCharacterText"
    page_number = _PAGE_NUMBER

    def post_number(self, page, post) -> str | None:
        number = super().post_number(page, post)
        if number:
            return number
        box = post.css_first("div.AdditionalBox")
        m = _POST_NUMBER.match(box.text(strip=True)) if box is not None else None
        return m.group(1) if m else None

    def first_page(self, page) -> bool:
        current = page.root.css_first("td.PageNavigation span.CurrentPageLink")
        if current is not None:
            return current.text(strip=True) == "1"
        return not is_later_page(page, _PAGE_NUMBER)

    def date_of(self, page, post):
        """The first date of ``div.PostDetails`` (the second one is the edit's)."""
        details = post.css_first("div.PostDetails")
        if details is None:
            return None
        for t in details.iter(include_text=True):
            if t.tag == "-text" and _DATE.search(t.text(deep=False) or ""):
                return t
        return details

    def not_text_of(self, page, post, content) -> list:
        out = list(content.css("div.ForumDesktopElements, blockquote.QuoteText, td.ff_pagetext"))
        children = list(content.iter(include_text=True))
        # The post's icon stands before the first spacer div.
        for c in children:
            if c.is_element_node and c.tag == "div":
                break
            if c.is_element_node and c.tag == "img":
                out.append(c)
        if content.css_first("td.ff_pagetext") is not None:
            # The signature: from the last separator line on (as tibia.py splits it: the words may
            # hold a line of underscores of their own).
            lines = [i for i, c in enumerate(children)
                     if c.tag == "-text" and _SIGNATURE_LINE.match((c.text(deep=False) or "").strip())]
            if lines:
                out.extend(children[lines[-1]:])
        for q in content.css("blockquote.QuoteText"):
            # "<i>Originally posted by NAME on DATE</i>:" before the quote.
            x = q.prev
            while x is not None and (x.tag in ("-text", "br") and (x.text(deep=False) or "").strip() in ("", ":")):
                if x.tag == "-text" and x.text(deep=False).strip():
                    out.append(x)
                x = x.prev
            if x is not None and x.is_element_node and x.tag in ("i", "em"):
                out.append(x)
        return out
