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


class KunenaBootstrap(FlatForum):
    """Kunena 5-6's Bootstrap templates (crypsis, aurelia: ``layouts/topic/item`` and
    ``layouts/message/item``). The topic's messages are ``div.topic-item-messages`` >
    ``div.row.message``: a profile column (``ul.profilebox``, its first ``li`` the member link,
    then avatar, "Topic Author", status, rank, a hidden "Posts / Thank you received" list) and
    ``div.message-published``: ``small`` with ``span.kdate`` (the age as text, the date as its
    title) and the permalink ``a#{ID}`` "#N" (N = the message's place in the topic, 1 = the topic
    itself), ``div.mykmsg-header`` ("NAME replied the topic" / "was created by NAME": a header,
    not words), ``div.kmsg`` (the words; a quote is a ``blockquote``), ``div.ksig`` (the signature),
    the thank-you line and the button bar. Messages are flat."""

    name = "kunena-bootstrap"
    order = 32
    content_classes = ("kmsg",)
    date_classes = ("kdate",)
    meta_classes = frozenset({"profilebox", "profile-expand", "mykmsg-header", "kmessage-thankyou",
                              "ksig", "btn-toolbar"})
    post_selector = "div.topic-item-messages > div.message"
    content_selector = "div.message-published div.kmsg"
    author_selector = "ul.profilebox > li:first-child a"
    date_selector = "div.message-published span.kdate"
    not_text_selector = "blockquote, div.ksig"
    page_number = re.compile(r"[?&](?:limit)?start=(\d+)")

    def post_number(self, page, post):
        anchor = _permalink(post)
        return page.attrs.id(anchor) if anchor is not None and page.attrs.id(anchor).isdigit() else ""

    def starter(self, page, post, number):
        anchor = _permalink(post)
        return anchor.text(strip=True) == "#1" if anchor is not None else None


def _permalink(post):
    return next((a for a in post.css("div.message-published small a[id]")
                 if a.text(strip=True).startswith("#")), None)
