"""Vanilla Forums 2 / Vanilla Cloud discussions, from ``applications/vanilla/views/discussion/
helper_functions.php`` (``writeComment``).

The discussion itself is ``div.ItemDiscussion`` (the post); each comment is
``li.Item.ItemComment#Comment_{ID}`` in ``ul.MessageList.Comments`` holding ``div.Comment`` >
``div.Options`` (the edit/flag menu), ``div.Item-Header.CommentHeader`` (``div.AuthorWrap``:
``span.Author`` with the photo and ``a.Username``, ``span.AuthorInfo`` with the member's rank,
title and location; ``div.CommentMeta`` > ``span.DateCreated`` > ``a.Permalink`` > ``time``, an
"edited" ``span.MItem``), ``div.Item-BodyWrap`` > ``div.Item-Body`` > ``div.Message.userContent``
(the words; a quote of another post is ``blockquote.Quote``/``UserQuote``, or in the rich editor a
``div.js-embed`` whose ``data-embedjson`` names the quoted comment), the reactions bar and the
member's ``div.Signature``. Comments are flat.
"""
from __future__ import annotations

import re

from .topic_page import FlatForum


class Vanilla(FlatForum):
    name = "vanilla"
    order = 32
    content_classes = ("message",)
    author_classes = ("username",)
    date_classes = ("datecreated",)
    meta_classes = frozenset({"options", "authorwrap", "authorinfo", "commentmeta", "reactions",
                              "signature", "usersignature", "rank", "quote", "userquote",
                              "reactmenu"})
    post_selector = "li.ItemComment[id^='Comment_']"
    post_id = re.compile(r"^Comment_(\d+)$")
    key = "Comment_{0}"
    content_selector = "div.Message"
    author_selector = "span.Author a.Username, a.Username"
    date_selector = "span.DateCreated"
    not_text_selector = "blockquote.Quote, blockquote.UserQuote, div.js-embed[data-embedjson]"

    def starter(self, page, post, number):
        return False  # the discussion is printed apart (div.ItemDiscussion)
