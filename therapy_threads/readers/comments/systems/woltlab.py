"""WoltLab Burning Board 4 / WoltLab Suite Forum 5 threads, from ``wbb/templates/
threadPostList.tpl`` and ``threadPost.tpl``.

Posts are ``ul.wbbThreadPostList`` > ``li#post{ID}`` > ``article.wbbPost.message``
(``data-post-id``; schema.org ``DiscussionForumPosting``). ``div.messageSidebar`` holds the member
(``div.messageAuthor``: avatar, ``a.username`` — ``span.username`` for a guest or a skin —, rank,
``dl.messageSidebarUserInfo`` counters); ``div.messageContent`` > ``header.messageHeader``
(``ul.messageStatus`` badges such as "new", ``time``, the post's "#N" link), ``div.messageBody``
> ``div.messageText`` (the words; a quote of another post is ``blockquote.quoteBox`` with its
``header.quoteBoxTitle``), ``div.messageSignature``, ``footer.messageFooter`` (notes, buttons,
the menu's icon ligatures). The first post of the thread's first page is the thread itself.
"""
from __future__ import annotations

import re

from .topic_page import FlatForum


class WoltLab(FlatForum):
    name = "woltlab"
    order = 32
    content_classes = ("messagetext",)
    author_classes = ("username",)
    date_classes = ("messagepublicationtime", "datetime")
    meta_classes = frozenset({"messagesidebar", "messageheader", "messagestatus", "messagefooter",
                              "messagesignature", "messagefooternotes", "quotebox",
                              "quoteboxtitle", "messageheadermetadata"})
    post_selector = "article.wbbPost[data-post-id]"
    key = "post{0}"
    content_selector = "div.messageText"
    author_selector = "div.messageAuthor .username, .username"
    date_selector = "time"
    not_text_selector = "blockquote"
    page_number = re.compile(r"[?&]pageNo=(\d+)|/page/(\d+)/?")

    def post_number(self, page, post):
        pid = page.attrs.get(post, "data-post-id")
        return pid if pid.isdigit() else None
