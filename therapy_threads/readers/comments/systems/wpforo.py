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

from .topic_page import FlatForum


class WpForo(FlatForum):
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
    post_selector = "div.post-wrap[id^='post-']"
    post_id = re.compile(r"^post-(\d+)$")
    key = "post-{0}"
    content_selector = "div.wpforo-post-content"
    author_selector = "div.author-name a"
    requires = "div.wpforo-post"

    def starter(self, page, post, number):
        """wpForo classes the topic's first post ``wpfp-first``."""
        return "wpfp-first" in page.attrs.classes(post)
