"""Simple:Press topics (the WordPress forum plugin), from its default theme's
``templates/spTopicView.php``.

Each post is ``div.spTopicPostSection#post{ID}`` (``spOdd``/``spEven``, ``spType-*``,
``spRank-*``; ``spFirstPost`` on a page's first post) preceded by the anchor ``a#p{ID}``. It
holds ``div.spUserSection`` (``div#spPostIndexUserDate{ID}``: the date; ``#spPostIndexUserName{ID}``:
the member, as plain text; rank, memberships, "Forum Posts:", "Member Since:", online status)
and ``div.spPostSection`` > ``div.spPostActionSection`` (``span#spPostIndexNumber{ID}``: the
post's number in the topic; permalink, print and quote buttons) and ``div.spPostContentSection``
> ``div#spPostIndexContent{ID}.spPostContent`` (the words; a quote of another post is a
``blockquote`` after a "<strong>X said:</strong>" paragraph), then ``div.spPostSignature``.
Threads are flat; post number 1 is the topic itself (the post body), the others its replies.
"""
from __future__ import annotations

import re

from .topic_page import FlatForum


class SimplePress(FlatForum):
    name = "simplepress"
    order = 33
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    content_classes = ("sppostcontent",)
    author_classes = ("sppostusername",)
    date_classes = ("sppostuserdate",)
    meta_classes = frozenset({"spusersection", "sppostactionsection", "sppostsignature",
                              "spgototop", "splabelbordered", "spbutton"})
    post_selector = "div.spTopicPostSection[id^='post']"
    post_id = re.compile(r"^post(\d+)$")
    key = "post{0}"
    content_selector = "div#spPostIndexContent{0}"
    author_selector = "div#spPostIndexUserName{0}"

    def starter(self, page, post, number):
        """The post's index number, "1" on the topic's opening post."""
        num = post.css_first(f"span#spPostIndexNumber{number}")
        return num is not None and num.text(strip=True) == "1"
