"""Staticman comments rendered into the page by a static-site generator (Jekyll, Hugo).

Staticman stores each comment as a data file in the site's repository; the theme prints them at
build time, so a saved page holds the comments as plain markup with no comment-system classes
of its own. What ties the markup to Staticman is the page's comment form, which posts to
Staticman's API (``https://<host>/v2/entry/<user>/<repo>/<branch>/<property>``, often on a host
named for it) with ``options[slug]`` / ``options[origin]`` hidden fields and ``fields[...]``
inputs: that is required before any element is taken. The comment templates, each from the
theme's own source:

* Minimal Mistakes (``_includes/comment.html``): ``article#comment{N}.js-comment.comment`` with
  ``div.comment__avatar-wrapper``, ``div.comment__content-wrapper`` > ``h3.comment__author``,
  ``p.comment__date`` > ``time[datetime]``, then the markdownified message; flat.
* Made Mistakes (``src/_includes/comment.html``) and the sites that copied it: a reply is
  printed after its parent's element as a sibling, ``div#comment-{N}-{M}.js-comment.comment.child``
  (``div.comment__meta`` > ``strong.h-card`` name, ``time``; ``div.comment__message``); other
  copies print ``article#comment-{uid}.js-comment.comment[uid]`` with ``div.comment__author``
  ("NAME," then ``span.comment__date``), ``div.comment__body`` and a reply link, replies again as
  ``child`` siblings after the parent, oldest first.
* Beautiful Hugo (``layouts/partials/staticman-comments.html``): ``article#comment-{N}.static-comment``,
  replies ``article#comment-{N}r{M}.static-comment.static-comment-reply`` after the thread's first
  comment, each naming the comment it answers in ``a.comment-reply-target[href="#comment-..."]``;
  ``span.comment-author``, ``span.comment-timestamp`` > ``time``, ``div.comment-content``.
* hugo-dusk (``layouts/partials/staticman/view-comments.html``): ``blockquote.comment`` per
  comment, the message, then ``cite`` > ``img.avatar`` and ``div`` > ``strong`` NAME ``<br>``
  the date as "02/01/2006" (day first); flat. A plain ``blockquote`` inside the message is the
  commenter quoting someone, not a comment: only a ``blockquote.comment`` with its own ``cite`` is.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import element_children

# The comment form's marks: Staticman's API path or host, or its hidden option fields.
_FORM = ("form[action*='staticman'], form[action*='/entry/'], input[name='options[slug]'], "
         "input[name='options[origin]'], section#static-comments, .staticman-comments")
_ENTRY = re.compile(r"/v[1-3]/entry/[^/]+/[^/]+/", re.I)
_REPLY_TARGET = re.compile(r"#(comment-[\w-]+)$")
# Made Mistakes numbers a reply after its parent: comment-3-2 answers comment-3.
_MM_REPLY_ID = re.compile(r"^(comment-\d+)-\d+$")


def _staticman_page(page: Page) -> bool:
    for n in page.root.css(_FORM):
        if n.tag != "form" or "staticman" in page.attrs.get(n, "action").lower() \
                or _ENTRY.search(page.attrs.get(n, "action")):
            return True
    return False


def _own_text(n) -> str:
    """The element's own text nodes (not its children's): Made Mistakes-style copies print the
    name as bare text before the date's element, with a comma after it."""
    parts = [c.text(deep=False) or "" for c in n.iter(include_text=True) if c.tag == "-text"]
    return " ".join(" ".join(parts).split()).strip(" ,")


class Staticman(CommentSystem):
    name = "staticman"
    # Before Drupal (``article.js-comment``) and WordPress (``.comment``): only taken on a page
    # whose form posts to Staticman.
    order = 24
    content_classes = ("comment__body", "comment__message", "comment-content",
                       "comment__content-wrapper")
    author_classes = ("comment__author", "h-card", "comment-author")
    date_classes = ("comment__date", "comment-timestamp")
    meta_classes = frozenset({"comment__author", "comment__date", "comment__meta", "comment__reply",
                              "comment__reply-link", "comment__avatar", "comment__avatar-wrapper",
                              "comment-avatar", "comment-reply-btn", "comment-reply-target",
                              "comment-timestamp"})

    def find(self, page: Page) -> list[Item]:
        root = page.root
        if root.css_first(".js-comment, .static-comment, blockquote.comment") is None \
                or not _staticman_page(page):
            return []
        a = page.attrs
        out: list[Item] = []
        last_top: Item | None = None
        for n in root.css(".js-comment.comment, article.static-comment, blockquote.comment"):
            cls = a.classes(n)
            if a.get(n, "data-comment-user-id"):
                continue  # Drupal's comment.html.twig, not a generated page
            nid = a.id(n)
            key = nid if nid.startswith("comment") else ""
            if n.tag == "blockquote":
                cite = next((c for c in element_children(n) if c.tag == "cite"), None)
                if cite is None:
                    continue
                out.append(self._dusk(n, cite))
                continue
            it = Item(n, self.name, key)
            if "static-comment" in cls:
                self._beautiful_hugo(it, n, page)
            else:
                self._mistakes(it, n, cls, last_top)
            if it.parent_key is None:
                last_top = it
            out.append(it)
        return out

    def _dusk(self, n, cite) -> Item:
        who = cite.css_first("strong")
        box = who.parent if who is not None else None
        # The message is the markup before the ``cite``; one element alone is named as the
        # words (a one-word comment is then kept even when it repeats the commenter's name).
        words = [c for c in element_children(n) if c.tag != "cite" and c.text(strip=True)]
        # The comment is itself a blockquote: one inside it is the commenter quoting someone.
        quotes = [q for q in n.css("blockquote") if q.mem_id != n.mem_id]
        return Item(n, self.name, "", parent_stated=True,
                    author=" ".join((who.text() or "").split()) if who is not None else None,
                    date=box, day_first=True, not_text=[cite, *quotes],
                    content=words[0] if len(words) == 1 else None)

    def _beautiful_hugo(self, it: Item, n, page: Page) -> None:
        if "static-comment-reply" not in page.attrs.classes(n):
            it.parent_stated = True
            return
        target = n.css_first("a.comment-reply-target")
        m = _REPLY_TARGET.search(page.attrs.get(target, "href")) if target is not None else None
        if m and m.group(1) != it.key:
            it.parent_key, it.parent_stated = m.group(1), True

    def _mistakes(self, it: Item, n, cls: frozenset[str], last_top: Item | None) -> None:
        head = n.css_first(".comment__author")
        if head is not None and head.css_first(".comment__date") is not None:
            # "NAME," then the date's span, in one element
            it.author = _own_text(head) or None
        it.date = n.css_first("time") or n.css_first(".comment__date")
        if "child" not in cls:
            return
        m = _MM_REPLY_ID.match(it.key)
        if m:
            it.parent_key, it.parent_stated = m.group(1), True
        elif last_top is not None and last_top.node.parent is not None and n.parent is not None \
                and last_top.node.parent.mem_id == n.parent.mem_id:
            # Printed right after the comment it answers (the templates list a comment's
            # replies after it, before the next comment).
            it.parent_key, it.parent_stated = last_top.key or None, bool(last_top.key)
