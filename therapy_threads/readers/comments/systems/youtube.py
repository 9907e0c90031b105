"""YouTube watch pages as saved from the Polymer (2017-2020 desktop) renderer.

Each thread is ``ytd-comment-thread-renderer`` holding the top comment's ``ytd-comment-renderer``
and ``div#replies`` > ``ytd-comment-replies-renderer`` with the loaded replies, each a
``ytd-comment-renderer`` too (YouTube threads are two levels: every reply answers the thread's
top comment). Inside a comment: ``a#author-text`` (the name), ``#published-time-text > a`` (the
age, linking to ``watch?v=VIDEO&lc=COMMENT_ID``), ``#content-text`` (the words), the vote and reply
toolbar ``ytd-comment-action-buttons-renderer`` and "Read more"/"Show less" buttons. The page
also carries the element templates (``<template>``, ``dom-module``) with empty copies of this
markup; those are not comments.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_LC = re.compile(r"[?&]lc=([\w.-]+)")


class YouTube(CommentSystem):
    name = "youtube"
    order = 30
    meta_classes = frozenset({"ytd-comment-action-buttons-renderer", "ytd-expander"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        keys: dict[int, str] = {}
        for i, n in enumerate(page.root.css("ytd-comment-renderer")):
            if _in_template(n):
                continue
            words = n.css_first("#content-text")
            if words is None:
                continue
            link = n.css_first("#published-time-text a")
            m = _LC.search(a.get(link, "href")) if link is not None else None
            key = f"yt-{m.group(1)}" if m else f"yt-pos-{i}"
            keys[n.mem_id] = key
            parent = None
            replies = _up_to(n, "ytd-comment-replies-renderer")
            if replies is not None:
                thread = _up_to(replies, "ytd-comment-thread-renderer")
                top = next((c for c in thread.iter() if c.tag == "ytd-comment-renderer"), None) \
                    if thread is not None else None
                parent = keys.get(top.mem_id) if top is not None else None
            out.append(Item(n, self.name, key, parent_key=parent, parent_stated=True,
                            author=stripped_text(n.css_first("#author-text")), content=words,
                            date=n.css_first("#published-time-text")))
        return out


def _up_to(n, tag: str, k: int = 12):
    p = n.parent
    for _ in range(k):
        if p is None:
            return None
        if p.tag == tag:
            return p
        p = p.parent
    return None


def _in_template(n) -> bool:
    p = n.parent
    while p is not None:
        if p.tag in ("template", "dom-module"):
            return True
        p = p.parent
    return False
