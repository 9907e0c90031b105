"""Discourse comments embedded in a blog (``app/views/embed/comments.html.erb``).

The embed iframe lists ``article.post#post-{ID}`` with ``a.post-date`` (the full date in
``title``), for a reply ``a.in-reply-to[data-link-to-post={PARENT_ID}]`` ("in reply to user"),
``.author`` (avatar) and ``.cooked`` holding ``h3.username`` and the post's HTML, then a
``a.post-replies`` button ("2 Replies"). The header's ``span.replies`` says how many there are.

A topic page as Discourse serves it to crawlers and saved copies (``topics/show.html.erb``, crawler
layout) lists ``div#post_{N}.topic-body.crawler-post`` (before about 2021 without the id: the
number is then only the ``#N`` of ``span[itemprop=position]``) (``itemprop=comment`` from the second post
on) with ``div.crawler-post-meta`` > ``span.creator[itemprop=author]`` > ``a`` > ``span[itemprop=name]``
(the username), then the full name in brackets when the site shows names, ``time.post-time``
and ``span[itemprop=position]``; the words in ``div.post[itemprop=text]``; ``span.post-likes``.
Post 1 is the topic itself (the post body); the rest are its replies, flat.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^post-(\d+)$")


class Discourse(CommentSystem):
    name = "discourse"
    order = 22
    content_classes = ("cooked",)
    author_classes = ("username",)
    date_classes = ("post-date",)
    meta_classes = frozenset({"username", "post-replies", "in-reply-to", "post-date", "author",
                              "title", "byline", "crawler-post-meta", "post-likes"})

    def find(self, page: Page) -> list[Item]:
        crawler = self._crawler_view(page)
        if crawler:
            return crawler
        a = page.attrs
        root = page.root
        if root.css_first("header.discourse, .discourse-embed, #discourse-comments, "
                          "meta[name='generator'][content*='Discourse'], link[href*='discourse']") is None \
                and not root.css("article.post .cooked"):
            return []
        out: list[Item] = []
        for n in root.css("article.post"):
            if n.css_first(".cooked") is None:
                continue
            m = _ID.match(a.id(n))
            reply = n.css_first("a.in-reply-to[data-link-to-post]")
            parent = a.get(reply, "data-link-to-post") if reply is not None else ""
            out.append(Item(n, self.name, f"post-{m.group(1)}" if m else "",
                            parent_key=f"post-{parent}" if parent.isdigit() else None,
                            parent_stated=True))
        return out

    def _crawler_view(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.crawler-post"):
            m = _CRAWLER_ID.match(a.id(n))
            if m is None:
                # Older crawler layouts (before the posts had ids) number each post only in
                # its ``span[itemprop=position]`` ("#2").
                pos = n.css_first(".crawler-post-meta [itemprop='position']")
                m = _POSITION.match(stripped_text(pos) or "") if pos is not None else None
            if m is None:
                continue
            name = n.css_first(".crawler-post-meta .creator [itemprop='name']")
            out.append(Item(n, self.name, f"post-{m.group(1)}", parent_stated=True,
                            author=stripped_text(name),
                            content=n.css_first("div.post[itemprop='text'], div.post"),
                            skip_reason="thread_starter" if m.group(1) == "1" else None))
        return out


_CRAWLER_ID = re.compile(r"^post_(\d+)$")
_POSITION = re.compile(r"^#?(\d+)$")
