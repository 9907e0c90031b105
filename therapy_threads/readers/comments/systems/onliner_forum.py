"""The onliner.by forum (forum.onliner.by, a phpBB 2 derivative with the site's own templates; no
public source), from its saved topic pages (a one-page topic, first and later pages of a long
topic, a late page of a topic whose opening post is repeated on every page).

``ul.b-messages-thread`` holds one ``li.msgpost#p{ID}`` per post; advertising rows between them
are ``li`` without an id. ``div.b-mtauthor`` > ``div.b-mtauthor-i`` holds the nickname
(``big.mtauthor-nickname`` > ``a._name``, also its title), ranks (``span.sts-prof``: "Senior
Member", "Автор темы") and a hidden user card (``div.b-mta-card``) that repeats the nickname and
links the profile ("Профиль"). ``div.b-msgpost-txt`` holds ``small.msgpost-date`` (the "#" link,
the date in the first ``span``, an edit note ``span.st-edit``, a view counter) and the words,
``div.content#message_{ID}``, where the quote button's box is ``blockquote.uncited`` with the
quoted poster's ``cite``. Signatures (``div.msgpost-signature``) and the tool row
(``ul.b-tls-msg``: "Цитировать", "Пожаловаться") sit outside the words.

The topic's opening post: the first post of page 1; on later pages a topic may repeat it at the
top, marked ``msgfirst``. The page's place in the topic is its pagination
(``ul.topic-pages-fastnav``: later pages print a ``li.page-prev`` link).
"""
from __future__ import annotations

import re

from ..base import Page
from .topic_page import FlatForum


class OnlinerForum(FlatForum):
    name = "onliner-forum"
    order = 32
    content_classes = ("content",)
    author_classes = ("_name",)
    date_classes = ("msgpost-date",)
    meta_classes = frozenset({"b-mtauthor", "b-mta-card", "msgpost-date", "st-edit", "b-tls-msg",
                              "msgpost-signature", "b-forum-social-btns", "sts-prof"})
    post_selector = "ul.b-messages-thread > li.msgpost"
    post_id = re.compile(r"^p(\d+)$")
    key = "p{0}"
    content_selector = "div.content"
    # the nickname in the post's own header, not the hidden card's copy
    author_selector = "div.b-mtauthor-i > big.mtauthor-nickname a._name"
    date_selector = "small.msgpost-date > span"
    not_text_selector = "blockquote"
    requires = "div.b-mtauthor"

    def starter(self, page: Page, post, number: str) -> bool | None:
        return True if "msgfirst" in page.attrs.classes(post) else None

    def first_page(self, page: Page) -> bool:
        return page.root.css_first("ul.topic-pages-fastnav li.page-prev") is None
