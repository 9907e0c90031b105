"""Kunena (the Joomla forum component), 1.7-2.0 "blue eagle" topic layout
(``template/blue_eagle/html/topic/default_message.php`` and its ``_profile_*`` parts).

Each message is ``div.kbody`` holding ``div.kmsg-header`` (``h2``: ``span.kmsgtitle`` — the
subject, "Re: ..." —, ``span.kmsgdate`` — the age as text, "1 Jahr 2 Tage her", the date as its
title —, ``span.kmsg-id-*`` > ``a#{ID}`` "#ID") and ``table.kmsg``: ``td.kprofile-*``
(``ul.kpost-profile``: ``li.kpost-username`` with the member link, avatar, rank, "Beiträge:",
"Dank erhalten:"), ``td.kmessage-*`` > ``div.kmsgbody`` > ``div.kmsgtext`` (the words; a quote
is ``div.kmsgtext-quote`` or a ``blockquote``), ``div.kmsgattach``, the hidden quick-reply form
``div.kreply-form`` and the button bar. Messages are flat; the first message of the topic's
first page (no ``start``/``limitstart`` offset) is the topic itself.
"""
from __future__ import annotations

import re

from .topic_page import FlatForum


class Kunena(FlatForum):
    name = "kunena"
    order = 32
    content_classes = ("kmsgtext",)
    author_classes = ("kpost-username",)
    date_classes = ("kmsgdate",)
    meta_classes = frozenset({"kmsg-header", "kprofile-left", "kprofile-right", "kprofile-top",
                              "kpost-profile", "kmsgattach", "kreply-form", "kbuttonbar-left",
                              "kbuttonbar-right", "kmsgtext-quote", "kmsgsignature",
                              "kmessage-editmarkup-cover", "kmessage-buttons-cover"})
    post_selector = "div.kbody"
    key = "kmsg{0}"
    content_selector = "div.kmsgtext"
    author_selector = "li.kpost-username a, li.kpost-username"
    date_selector = "span.kmsgdate"
    requires = "table.kmsg"
    not_text_selector = "div.kmsgtext-quote, blockquote"
    page_number = re.compile(r"[?&](?:limit)?start=(\d+)")

    def post_number(self, page, post):
        anchor = post.css_first("div.kmsg-header [class^='kmsg-id'] a[id]")
        pid = page.attrs.id(anchor) if anchor is not None else ""
        return pid if pid.isdigit() else ("" if post.css_first("div.kmsg-header") is not None
                                          else None)
