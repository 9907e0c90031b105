"""wpForo topics in its flat layouts (Extended, Simplified, and the 1.x/2.x "classic" themes),
from ``wpforo/themes/*/layouts/{1,2}/post.php``.

Each post is ``div.post-wrap#post-{ID}`` (``data-postid``, ``wpfn-{N}``: its number on the
page; ``wpfp-first`` on the topic's opening post) holding ``div.wpforo-post`` >
``div.wpf-left`` (the member: ``div.author-name > a``, then ``wpf-author-nicename``
"(@handle)", title, rating badge, "Joined:"/"Posts:" lines and a member-info toggle) and
``div.wpf-right`` > ``div.wpforo-post-content-top`` ("Topic starter", ``span.wpf-post-date``,
link buttons) and ``div.wpforo-post-content`` (the words; a quote of another post is a
``blockquote``), then ``div.wpforo-post-signature`` and ``div.bottom`` (reactions, Reply/Quote
buttons). Threads are flat; the opening post is the topic itself (the post body), every other
post a reply. The threaded and Q&A layouts (3, 4) print other markup and are not read here.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^post-(\d+)$")


class WpForo(CommentSystem):
    name = "wpforo"
    order = 31
    content_classes = ("wpforo-post-content",)
    author_classes = ("author-name",)
    date_classes = ("wpf-post-date",)
    meta_classes = frozenset({"wpf-left", "author-data", "author-avatar", "wpf-author-nicename",
                              "author-title", "author-rating-full", "author-joined",
                              "author-posts", "wpforo-memberinfo", "wpforo-membertoggle",
                              "wpforo-post-content-top", "wpforo-post-content-bottom",
                              "wpf-post-starter", "wpforo-action-buttons-wrap",
                              "wpforo-post-signature", "bottom", "reacted-users", "bright"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.post-wrap[id^='post-']"):
            m = _ID.match(a.id(n))
            content = n.css_first("div.wpforo-post-content")
            if m is None or n.css_first("div.wpforo-post") is None or content is None:
                continue
            who = n.css_first("div.author-name a")
            first = "wpfp-first" in a.classes(n)
            out.append(Item(n, self.name, f"post-{m.group(1)}", parent_stated=True,
                            author=stripped_text(who),
                            content=content, skip_reason="thread_starter" if first else None))
        return out
