"""MedsChat drug forums (a site's own ASP engine: ``/Discuss/{TOPIC}-{ID}.htm``).

The topic's question is ``div.list_item_b`` under the "Conversation Starter" heading, its text
in ``div.list_item_b_content#op_{ID}``: the post. The replies follow "Showing Replies 1 - 8 of
8", each ``div.list_item_b#r_{ID}`` > ``div.list_item_b_content`` holding ``div.post_number``
(its number in the topic), ``strong`` (the poster) + " Says:", ``span.small.soft`` > ``time``
(the date), ``div.clear_float`` and then the words; after the content ``div.action_bar`` holds
REPLY / SHARE / REPORT and the "Was this helpful?" vote counters. The header states the number
of replies ("8 Replies"). Replies are flat.
"""
from __future__ import annotations

import re

from .topic_page import FlatForum


class MedsChat(FlatForum):
    name = "medschat"
    order = 33
    content_classes = ("list_item_b_content",)
    meta_classes = frozenset({"post_number", "action_bar", "share_bar", "votes_a", "soft"})
    post_selector = "div.list_item_b[id^='r_']"
    post_id = re.compile(r"^r_(\d+)$")
    key = "r_{0}"
    content_selector = "div.list_item_b_content"
    author_selector = "div.list_item_b_content strong"
    date_selector = "div.list_item_b_content time"

    def content_of(self, page, post, pid):
        # a reply's words hold its number (the question's do not)
        body = super().content_of(page, post, pid)
        return body if body is not None and body.css_first("div.post_number") is not None else None

    def not_text_of(self, page, post, content):
        # the reply's number and the poster's name ("<strong>NAME</strong> Says:") head the words
        return [x for x in (content.css_first("div.post_number"), content.css_first("strong"))
                if x is not None]
