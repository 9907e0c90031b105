"""Invision Community 4 topics, from the forums app's ``front/topics/postContainer`` template.

Each post is ``article#elComment_{ID}.cPost`` (``ipsComment``) holding ``div.cAuthorPane_mobile``
(the phone layout's copy of the member and date, hidden on a desktop), ``aside.cAuthorPane``
(``h3.cAuthorPane_author`` > ``strong`` > ``a``: the member; then title, group, photo,
reputation and post count in ``ul.cAuthorPane_info``) and ``div#comment-{ID}_wrap``
(``ipsComment_content``, ``data-commentid``) > ``div.ipsComment_meta`` ("Posted" and the
``time``, "Share" links, the edit notice), ``div.cPost_contentWrap`` >
``div[data-role=commentContent]`` (the words; a quote of another post is ``blockquote.ipsQuote``
with ``data-ipsquote-*`` attributes and an "X said:" citation), ``div[data-role=memberSignature]``
and ``ul.ipsComment_controls`` (buttons, reactions). Threads are flat. The topic's opening post is
the first post of its first page (the post body); a later page (``/page/N/`` or ``?page=N`` in
the URL or canonical link) holds only replies.
"""
from __future__ import annotations

import re

from ..base import Page
from .topic_page import FlatForum

# A member group's prefix/suffix around the name: symbols, not letters ("+", "★", "[", "]").
_DECORATION = re.compile(r"^[^\w@]+|[^\w.)]+$")


def _up_to(node, top):
    p = node.parent
    while p is not None and p.mem_id != top.mem_id:
        yield p
        p = p.parent


class Invision(FlatForum):
    name = "invision"
    order = 32
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    content_classes = ("ipstype_richtext",)
    author_classes = ("cauthorpane_author",)
    # ipsType_reset wraps the "Edited <time> by NAME" notice (data-excludequote) inside the
    # words' element; the spoiler's header is the button "Reveal hidden contents".
    meta_classes = frozenset({"cauthorpane_mobile", "cauthorpane", "cauthorpane_info",
                              "ipscomment_meta", "ipscomment_controls", "ipsitemcontrols",
                              "ipsquote", "ipsquote_citation", "ipsreact", "cpost_footer",
                              "ipscomment_author", "ipstype_reset", "ipsspoiler_header"})
    post_selector = "article[id^='elComment_']"
    post_id = re.compile(r"^elComment_(\d+)$")
    key = "elComment_{0}"
    content_selector = "div[data-role='commentContent']"
    # postContainer prints ``h3.cAuthorPane_author > strong > {template="userLink"}`` and the
    # reputation badge after the ``strong``; a theme may put a button ("OP": topic starter) into
    # the ``strong``, and the member group's prefix/suffix HTML (``<b>+</b>``, a star) wraps the
    # name: decoration, not the name.
    author_selector = "aside h3.cAuthorPane_author strong, aside .cAuthorPane_author strong"
    # Invision marks no opening post: the first post of the topic's first page is the topic.
    page_number = re.compile(r"/page/(\d+)/?|[?&]page=(\d+)")

    def author_of(self, page: Page, post, pid: str) -> str | None:
        strong = post.css_first(self.author_selector)
        if strong is None:
            return None
        words = []
        for node in strong.traverse(include_text=True):
            if node.tag == "-text" and not any(p.tag == "button" for p in _up_to(node, strong)):
                words.append(node.text_content or "")
        name = _DECORATION.sub("", " ".join("".join(words).split()))
        return name or None
