"""Drupal 7 and Drupal 8+ comments (core ``comment`` module, Bartik/Olivero/Garland themes).

Drupal prints a thread flat and indents replies by wrapping each run of them in
``div.indented`` that *follows* the parent comment (``CommentViewBuilder``/``comment_view_multiple``
open and close the wrapper as the thread depth changes); every comment is preceded by an anchor
``<a id="comment-N"></a>``. Drupal 7 (``comment.tpl.php``): ``div.comment`` with RDFa
(``typeof="sioc:Post sioct:Comment"``, ``about="/comment/N#comment-N"``), ``.submitted`` with the
author (``[rel="sioc:has_creator"]``, ``.username``) and ``[property="dc:date dc:created"]``,
``h3`` subject, ``.content`` with ``.field-name-comment-body``, ``ul.links`` (reply, delete) and,
for a reply, ``span[rel="sioc:reply_of"][resource="/comment/P#comment-P"]``. Drupal 8+
(``comment.html.twig``): ``article.comment.js-comment[data-comment-user-id]`` with
``footer.comment__meta`` (``.comment__author``, ``.comment__time``, ``.comment__permalink``, and
for a reply ``p.parent``/``.visually-hidden`` "In reply to <a href=/comment/P#comment-P>"),
``.comment__content`` with ``h3`` subject and ``.field--name-comment-body``; Olivero marks it
``[data-drupal-selector="comment"]``. The comment the author of the node wrote has
``by-node-author`` (8+) or ``comment-by-node-author`` (7).

The RDFa is the rdf module's (on by default, often off or dropped by a theme's own
``comment.tpl.php``); without it a Drupal 7 comment is still the element right after the anchor
that core's ``comment_view()`` prints as its ``#prefix``, ``<a id="comment-N"></a>``, carrying the
theme's ``comment`` class.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import next_element, prev_element

_COMMENT_URL = re.compile(r"/comment/(\d+)(?:[/?#]|$)|#comment-(\d+)$")
_ANCHOR = re.compile(r"^comment-(\d+)$")


class Drupal(CommentSystem):
    name = "drupal"
    order = 25
    content_classes = ("field--name-comment-body", "field-name-comment-body",
                       "comment__text-content", "comment__content", "content")
    author_classes = ("comment__author", "username", "commenter-name", "submitted")
    date_classes = ("comment__time", "comment-time", "submitted")
    meta_classes = frozenset({"links", "comment__permalink", "comment-permalink", "permalink",
                              "parent", "comment__parent", "visually-hidden", "element-invisible",
                              "rdf-meta", "element-hidden", "comment__meta", "attribution",
                              "submitted", "user-picture", "comment__picture-wrapper",
                              "comment-links", "new", "marker"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        root = page.root
        candidates = root.css("article.comment, article.js-comment, [data-comment-user-id], "
                              "[data-drupal-selector='comment'], [typeof~='sioct:Comment'], "
                              "div.comment[about^='/comment/']")
        if not candidates:
            candidates = [n for n in root.css("a[id^='comment-']")
                          if _ANCHOR.match(a.id(n)) and not n.text(strip=True)]
            candidates = [e for e in (next_element(n) for n in candidates)
                          if e is not None and e.tag in ("div", "article") and "comment" in a.classes(e)]
        if not candidates:
            return []
        drupalish = root.css_first("meta[name='Generator'][content*='Drupal'], "
                                   "meta[name='generator'][content*='Drupal'], "
                                   "[data-drupal-selector], [typeof~='sioct:Comment'], "
                                   "[data-comment-user-id], script[src*='/core/misc/drupal']")
        if drupalish is None:
            return []
        out: list[Item] = []
        seen: set[int] = set()
        for n in candidates:
            if n.mem_id in seen:
                continue
            seen.add(n.mem_id)
            key = self._key(n, a)
            parent_key, stated = self._stated_parent(n, a)
            cls = a.classes(n)
            out.append(Item(n, self.name, key, parent_key=parent_key, parent_stated=stated,
                            is_post_author=True if cls & {"by-node-author", "comment-by-node-author"}
                            else None))
        return out

    @staticmethod
    def _key(n, a) -> str:
        m = _ANCHOR.match(a.id(n))
        if m:
            return f"comment-{m.group(1)}"
        about = a.get(n, "about")
        mu = _COMMENT_URL.search(about) if about else None
        if mu:
            return f"comment-{mu.group(1) or mu.group(2)}"
        prev = prev_element(n)
        anchor = n.prev
        while anchor is not None and not anchor.is_element_node:
            anchor = anchor.prev
        for cand in (anchor, prev):
            if cand is not None and cand.tag == "a":
                m = _ANCHOR.match(a.id(cand))
                if m:
                    return f"comment-{m.group(1)}"
        link = n.css_first("a.permalink[href*='/comment/'], .comment__permalink a[href*='/comment/']")
        if link is not None:
            mu = _COMMENT_URL.search(a.get(link, "href"))
            if mu:
                return f"comment-{mu.group(1) or mu.group(2)}"
        return ""

    @staticmethod
    def _stated_parent(n, a) -> tuple[str | None, bool]:
        # Drupal 7 RDFa: a reply's sioc:reply_of names the parent comment (top level: the node).
        for el in n.css("[rel='sioc:reply_of']"):
            mu = _COMMENT_URL.search(a.get(el, "resource"))
            if mu:
                return f"comment-{mu.group(1) or mu.group(2)}", True
        # Drupal 8+: "In reply to <a href=/comment/P#comment-P>" in the comment's footer.
        for el in n.css("p.parent a[href], .comment__parent a[href], footer .visually-hidden a[href]"):
            mu = _COMMENT_URL.search(a.get(el, "href"))
            if mu:
                return f"comment-{mu.group(1) or mu.group(2)}", True
        return None, False
