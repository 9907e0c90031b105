"""Forem topics (the Rails forum engine ``forem`` gem, rubysherpas/forem — not dev.to's Forem),
from its ``app/views/forem/posts/_post.html.erb`` and ``topics/show.html.erb``.

``topics/show`` prints ``div#posts`` with one ``_post`` partial per post, between two
``forem_pages_widget`` pagers (``div.pages`` > will_paginate's ``div.pagination`` with
``em.current``, or kaminari's ``span.page.current``). Every version of the partial (2011-2014)
prints the anchor ``<a name='post-{POST_ID}'>`` and then ``div.post#post_{N}`` (``odd``/``even``;
N counts the posts of the page; the Bootstrap 3 templates put a ``div.row`` between the anchor and
the post and add ``col-md-*`` classes) holding:

* ``div.user`` > ``div.username`` (the poster's name, a profile link when the site enables them)
  and ``div.icon`` (avatar);
* ``div.contents`` (the Bootstrap templates wrap ``div.user`` and an inner ``div.contents`` in an
  outer one): ``div.moderation`` for a post pending review, the permalink
  ``<a href='#post-{POST_ID}'>`` around ``<time datetime='YYYY-MM-DD HH:MM:SS'>`` ("4 months ago";
  the 2011 template prints the ``time`` alone), the post's text (``forem_format``), for a reply
  written with "Reply" on another post the "In reply to NAME" link to ``#post-{PARENT_ID}``
  (``span.in_reply_to``, ``div.in-reply-to`` in the Bootstrap templates; sites' own themes keep
  one of the two names, e.g. ``div.in_reply_to``), then the buttons (``ul.actions`` or
  ``div.btn-group``).

The reply relation is that link and nothing else (the page does not indent replies), so the
depth is the length of the chain of links. A topic's opening post is the first post of its first
page (the template marks it in no other way); a reply to it is at the top level, as is a reply
whose parent is on another page of the topic (``?page=N``): its parent is not in this page's
tree, and the reader says how many such replies it put there. The link's words are in the locale of the site ("In reply to", "Antwort auf", "En réponse
à"...): only its class and its ``#post-ID`` target are read.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text
from .topic_page import is_later_page

_POST = re.compile(r"^post_\d+$")
_ANCHOR = re.compile(r"^post-(\d+)$")
_TARGET = re.compile(r"#post-(\d+)$")
# The topic's page in its URL (``/topics/slug?page=2``).
_PAGE = re.compile(r"[?&]page=(\d+)")
_REPLY_LINK = ".in_reply_to a[href*='#post-'], .in-reply-to a[href*='#post-']"


class Forem(CommentSystem):
    name = "forem"
    order = 32
    author_classes = ("username",)
    meta_classes = frozenset({"user", "icon", "in_reply_to", "in-reply-to", "actions", "btn-group",
                              "moderation"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        found = []
        for n, _ in page.with_id("div.post[id^='post_']", _POST):
            who = n.css_first("div.user div.username")
            words = [c for c in n.css("div.contents") if c.css_first("div.user") is None]
            if who is None or not words:
                continue
            pid = _post_id(page, n, words[-1])
            if pid is None:
                continue
            found.append((n, pid, who, words[-1]))
        if not found:
            return []
        starter = found[0][1] if _first_page(page) else None
        here = {pid for _, pid, _, _ in found}
        out: list[Item] = []
        for n, pid, who, words in found:
            link = n.css_first(_REPLY_LINK)
            m = _TARGET.search(a.get(link, "href")) if link is not None else None
            parent = m.group(1) if m else None
            # A reply to the opening post, or to a post on another page of the topic: top level.
            parent_key = f"post-{parent}" if parent in here and parent not in (starter, pid) else None
            date = words.css_first("time")
            not_text = [x for x in (link.parent if link is not None else None,
                                    _permalink(date, words)) if x is not None]
            not_text += list(words.css("ul.actions, div.btn-group, div.moderation"))
            out.append(Item(n, self.name, f"post-{pid}", parent_key=parent_key, parent_stated=True,
                            parent_elsewhere=parent is not None and parent not in here,
                            author=stripped_text(who) or None, content=words, date=date,
                            not_text=not_text,
                            skip_reason="thread_starter" if pid == starter else None))
        return out


def _post_id(page: Page, post, words) -> str | None:
    """The forum's id of the post: the anchor the partial prints before it (before the
    ``div.row`` around it in the Bootstrap templates), else the permalink around its time."""
    a = page.attrs
    n = post
    for _ in range(2):
        prev = n.prev
        while prev is not None and not prev.is_element_node:
            prev = prev.prev  # text and HTML comments between the anchor and the post
        if prev is not None and prev.tag == "a":
            m = _ANCHOR.match(a.get(prev, "name"))
            if m:
                return m.group(1)
        if n.parent is None:
            break
        n = n.parent
    for link in words.css("a[href*='#post-']"):
        m = _TARGET.search(a.get(link, "href"))
        if m and link.css_first("time") is not None:
            return m.group(1)
    return None


def _permalink(date, words):
    """The permalink around the post's time (or the time alone): the date, not the words."""
    if date is None:
        return None
    p = date.parent
    return p if p is not None and p.tag == "a" and p.mem_id != words.mem_id else date


def _first_page(page: Page) -> bool:
    """Whether this is the topic's first page: no ``?page=N`` above 1 in the URL or canonical
    link, and the pager (``div.pages``) marks no later page as the current one."""
    if is_later_page(page, _PAGE):
        return False
    for cur in page.root.css("div.pages .current"):
        t = stripped_text(cur) or ""
        if t.isdigit():
            return int(t) <= 1
    return True
