"""Replies and mentions received by Webmention, as IndieWeb sites print them under a post.

Two families of markup:

* **microformats2.** The h-entry vocabulary (microformats.org/wiki/h-entry) names a post's
  comments ``u-comment`` / ``p-comment``: each an embedded ``h-cite`` (or ``h-entry``) with
  ``p-author h-card`` (``p-name``, ``u-url``, ``u-photo``), ``dt-published``, ``u-url``, and the
  words in ``e-content`` / ``p-content`` (``p-summary`` or ``p-name`` for a bare mention); a
  reply to a reply is nested inside it. IndieWeb WordPress themes print their comment list this
  way (``li.comment.p-comment.h-entry``: claimed earlier by the WordPress recogniser), Known and
  micro.blog's Hugo themes print ``h-cite`` replies under the post. Likes, reposts and bookmarks
  are ``u-like`` / ``u-repost`` / ``u-bookmark`` (a face pile of avatars): not comments.
* **A webmention.io list.** Static sites fetch their mentions from webmention.io and print them
  in a section named for them: the Jekyll plugin jekyll-webmention_io (``div.webmentions`` >
  ``ol.webmentions__list`` > ``li.webmentions__item`` > ``article.webmention`` with
  ``.webmention__author``, ``.webmention__content``, ``time.webmention__pubdate``), the
  client-side webmention.js (``#webmentions`` > ``ul.comments`` > ``li`` holding ``a.reaction``,
  ``a.source`` with the name and ``span.text``; likes go to ``ul.reacts``), and sites' own
  components (Astro, Eleventy: "Mentions around the web", ``div.reply`` items with
  ``span.author``, a ``mention-type`` label "replied"/"mentioned" and ``time[datetime]``). Each
  item of the section that shows an author or a date is one comment, whatever its kind (reply
  or mention); a collapsed item (``hidden`` until expanded) is kept, with its header. Items in
  the section's likes/reposts part are not comments.

A comment system that prints ``p-comment`` on its own comment blocks beside its own names
(LiveJournal's ``article.comment.p-comment`` in depth wrappers, WordPress themes'
``li.comment.p-comment#comment-N``) is left to the recogniser that knows that system's nesting.
"""
from __future__ import annotations

import re

from ..base import HIDDEN, CommentSystem, Item, Page
from ..dom import contains

# The section holding received mentions: "webmentions", "webmentions__list", "js-webmentions",
# "mentions", "mentions-list", "mentions-content-container" (never GitHub's or X's inline
# "user-mention" link, which is a part of a text, not a section).
_SECTION = re.compile(r"^(?:[a-z0-9]+[-_])*webmentions?(?:$|[-_])|^mentions(?:$|[-_])")
# The "send a webmention" form, its endpoint note and a counter are not the list.
_NOT_SECTION = re.compile(r"[-_](?:form|send|endpoint|count|counter|button|link)$")
# Items of such a section, by their own name.
_ITEM = re.compile(r"^(?:webmentions?(?:__|[-_])(?:item|entry|reply|comment|mention)|webmention|"
                   r"mention|mention[-_](?:item|entry)|reply|response|comment|interaction|"
                   r"h-cite|h-entry|u-comment|p-comment)$")
# A part of the section that lists likes, reposts and bookmarks (avatars only).
_NOT_REPLIES = re.compile(r"(?:^|[-_])(?:likes?|reposts?|bookmarks?|reacts|reactions|facepile|"
                          r"shares?|favou?rites?)(?:$|[-_])")
_REACTION_PROPS = frozenset({"u-like", "u-like-of", "u-repost", "u-repost-of", "u-bookmark",
                             "u-bookmark-of", "p-like", "p-repost"})
# A comment system's own numbered comment id (WordPress, Drupal, LiveJournal's "t12345").
_SYSTEM_ID = re.compile(r"^(?:li-|div-)?comment[-_]?\d+$|^t\d+$", re.I)
_COLLAPSED = frozenset({"hidden", "is-hidden", "collapsed", "is-collapsed"})


class Webmention(CommentSystem):
    name = "webmention"
    order = 90
    content_classes = ("e-content", "p-content", "webmention__content", "webmention-content",
                       "text", "p-summary")
    author_classes = ("p-author", "u-author", "webmention__author", "webmention-author", "author",
                      "source", "p-name")
    date_classes = ("dt-published", "webmention__pubdate", "tag:time")
    meta_classes = frozenset({"mention-type", "webmention-type", "webmention__type", "reaction",
                              "u-photo", "webmention__meta", "platform-icon"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        found: dict[int, object] = {}
        # microformats2 comment properties, anywhere in the page.
        for n in page.root.css("[class*='u-comment'], [class*='p-comment']"):
            cls = a.classes(n)
            if cls & {"u-comment", "p-comment"} and n.tag not in ("a", "span", "img", "time") \
                    and "comment" not in cls and not _SYSTEM_ID.match(a.id(n)):
                found[n.mem_id] = n
        # Items of a section named for webmentions.
        sections = [n for n in page.root.css("[class*='ention'], [id*='ention']")
                    if n.tag not in ("a", "span", "img", "time", "li", "form")
                    and any(_SECTION.match(t) and not _NOT_SECTION.search(t)
                            for t in a.classes(n) | {a.id(n).lower()})]
        sections = [s for s in sections if not any(contains(o, s) for o in sections if o is not s)]
        for sec in sections:
            named = [n for n in sec.css("[class]") if n.tag not in ("a", "span", "img", "time")
                     and any(_ITEM.match(c) for c in a.classes(n))
                     and not any(_SECTION.match(c) for c in a.classes(n) if not _ITEM.match(c))]
            if not named:
                named = [n for n in sec.css("li")]
            for n in named:
                if _in_reactions(n, sec, a) or a.classes(n) & _REACTION_PROPS:
                    continue
                if not _shows_author_or_date(n, a):
                    continue
                found[n.mem_id] = n
        if not found:
            return []
        # A wrapper around exactly one item with nothing of its own (``li.webmentions__item`` >
        # ``article.webmention``) is that item, not a second one: the inner element is kept.
        nodes = list(found.values())
        keep = []
        for n in nodes:
            inner = [m for m in nodes if m is not n and contains(n, m)]
            if len(inner) == 1 and n.text(strip=True) == inner[0].text(strip=True):
                continue
            keep.append(n)
        out: list[Item] = []
        for n in keep:
            cls = a.classes(n)
            collapsed = bool(cls & _COLLAPSED) or "hidden" in n.attributes
            words = n.css_first(".e-content, .p-content, .webmention__content, .webmention-content")
            empty = collapsed and not (words.text(strip=True) if words is not None else _own_words(n, a))
            out.append(Item(n, self.name, f"webmention-{a.id(n)}" if a.id(n) else "",
                            placeholder=HIDDEN if empty else None, header_shown=empty))
        return out



def _in_reactions(n, sec, a) -> bool:
    p = n
    while p is not None and p.mem_id != sec.mem_id:
        if any(_NOT_REPLIES.search(t) for t in a.classes(p)):
            return True
        p = p.parent
    return False


def _shows_author_or_date(n, a) -> bool:
    if n.css_first("time, [datetime], .dt-published, .p-author, .h-card, .u-author") is not None:
        return True
    for d in n.css("[class]"):
        if a.classes(d) & {"author", "webmention__author", "webmention-author", "source", "name"}:
            return True
    return False


def _own_words(n, a) -> str:
    """The item's text outside its author, date and kind label (a collapsed item may print none)."""
    skip = {"author", "p-author", "h-card", "webmention__author", "mention-type", "source", "reaction"}
    parts = []
    for t in n.traverse(include_text=True):
        if t.is_element_node:
            continue
        p, skipped = t.parent, False
        while p is not None and p.mem_id != n.mem_id:
            if p.tag in ("time", "svg", "script", "style") or a.classes(p) & skip:
                skipped = True
                break
            p = p.parent
        if not skipped and t.text(strip=True):
            parts.append(t.text(strip=True))
    return " ".join(parts)
