"""Disqus comments that are in the page itself.

Disqus normally loads in an iframe from ``disqus.com/embed.js``: a saved page then holds only
``#disqus_thread`` and the engine says so (the export is the way to get those comments). Two
markups do carry comments in the page:

* the Disqus WordPress plugin's server-side copy for search engines (``#dsq-content``):
  ``ul#dsq-comments > li#dsq-comment-{ID}`` with ``.dsq-comment-header cite`` (author),
  ``.dsq-comment-message`` (text), replies in ``ul.children``;
* the embed's own DOM, when a page was saved from the browser with the iframe inlined:
  ``ul#post-list > li.post#post-{ID}`` with ``.post-byline .author``, ``a.time-ago[title]``,
  ``.post-message``, vote counts in ``.vote-up .count``, replies in ``ul.children``.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_DSQ = re.compile(r"^dsq-comment-(\d+)$")
_POST = re.compile(r"^post-(\d+)$")


class Disqus(CommentSystem):
    name = "disqus"
    order = 14
    content_classes = ("dsq-comment-message", "post-message")
    author_classes = ("dsq-comment-cite", "author", "publisher-anchor-color")
    date_classes = ("time-ago", "dsq-comment-header-time", "post-meta")
    like_classes = ("vote-up",)
    meta_classes = frozenset({"dsq-comment-header", "dsq-comment-footer", "post-byline",
                              "post-meta", "post-menu", "comment-footer__action", "voting",
                              "post-footer", "realtime", "indicator", "badges", "parent-link"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("li[id^='dsq-comment-']", _DSQ):
            # The plugin's comments.php names the author's element ``#dsq-author-user-{ID}``
            # (a link when the commenter gave a site, else a span); some copies print the
            # site's address as text beside it inside the same ``cite``.
            who = n.css_first(f"#dsq-author-user-{m.group(1)}")
            out.append(Item(n, self.name, f"dsq-{m.group(1)}",
                            author=(who.text(separator=" ", strip=True) or None) if who is not None else None))
        post_list = page.root.css_first("#post-list, ul.post-list")
        if post_list is not None:
            for n in post_list.css("li.post"):
                m = _POST.match(a.id(n))
                out.append(Item(n, self.name, f"dsq-{m.group(1)}" if m else ""))
        return out
