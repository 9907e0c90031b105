"""inSided community topics (the hosted platform behind many vendor communities; its templates
are not public — this follows the markup it serves, with the ``qa-*`` hooks its own tests use).

Each post is ``div.post.qa-topic-post-box#post{ID}`` (``post--odd``/``post--even``): 
``div.post__user__info`` (avatar with the rank picture, "Userlevel N", badges with a
``span.badgeCounter``), ``div.post__user__meta`` > ``ul.text--meta`` (``a.qa-username`` — the
member —, ``span.usertitle``, "N replies", ``a.post__date`` > ``time`` with the age as text and
the date in a tooltip), ``div.post__content`` (the words; a quote of another post is the custom
element ``content-quote`` or a ``blockquote``) and ``div.post__footer`` (``div.signature``,
likes, "Like"/"Quote" actions). The topic's opening post is the first box of its first page
(``/topic-name-123`` without ``?page=N``/``/index2.html``).
"""
from __future__ import annotations

import re

from .topic_page import FlatForum


class InSided(FlatForum):
    name = "insided"
    order = 32
    content_classes = ("post__content",)
    author_classes = ("qa-username",)
    date_classes = ("post__date",)
    meta_classes = frozenset({"post__user__info", "post__user__meta", "post__footer", "signature",
                              "reputation", "badgecounter", "usertitle", "tooltip__content"})
    post_selector = "div.qa-topic-post-box[id^='post']"
    post_id = re.compile(r"^post(\d+)$")
    key = "post{0}"
    content_selector = "div.post__content"
    author_selector = "a.qa-username"
    date_selector = "a.post__date time"
    not_text_selector = "content-quote, blockquote"
    page_number = re.compile(r"[?&]page=(\d+)|/index(\d+)\.html")
