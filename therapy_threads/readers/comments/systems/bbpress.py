"""bbPress topics (the WordPress forum plugin), from its ``templates/default/bbpress`` parts.

``loop-single-reply.php`` prints, per post, a header ``div#post-{ID}.bbp-reply-header`` (with
``span.bbp-reply-post-date``, the ``a.bbp-reply-permalink`` "#ID" and ``span.bbp-admin-links``)
and *after* it, as a sibling, the post itself: ``div`` with ``bbp_reply_class()`` classes
(``post-{ID}``, ``type-reply`` or, for the opening post, ``type-topic``, ``bbp-reply-position-N``,
``topic-author``...) holding ``div.bbp-reply-author`` (``span.bbp-author-name``,
``div.bbp-author-role``) and ``div.bbp-reply-content``. With threaded replies
(``bbp_thread_replies``) the walker nests a reply's answers in ``ul.bbp-threaded-replies`` inside
the ``li`` that holds the reply. The opening post (``type-topic``, or ``ul.bbp-lead-topic``) is the
topic itself: the post body, not a comment; its replies are the comments.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_POST = re.compile(r"^post-(\d+)$")


class BbPress(CommentSystem):
    name = "bbpress"
    order = 26
    content_classes = ("bbp-reply-content", "bbp-topic-content")
    author_classes = ("bbp-author-name", "bbp-reply-author", "bbp-topic-author")
    date_classes = ("bbp-reply-post-date", "bbp-topic-post-date")
    meta_classes = frozenset({"bbp-author-role", "bbp-author-ip", "bbp-admin-links",
                              "bbp-reply-permalink", "bbp-topic-permalink", "bbp-meta",
                              "bbp-reply-revision-log", "bbp-topic-revision-log",
                              "bbp-reply-author", "bbp-topic-author", "bbp-signature"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        nodes = page.root.css("div.type-reply, div.type-topic, li.type-reply, li.type-topic")
        keys: dict[int, str] = {}
        for n in nodes:
            cls = a.classes(n)
            if n.css_first(".bbp-reply-content, .bbp-topic-content") is None:
                continue  # a topic row of a forum index, not a post
            key = next((f"post-{m.group(1)}" for c in cls if (m := _POST.match(c))), "")
            keys[n.mem_id] = key
            header = n.prev
            while header is not None and not header.is_element_node:
                header = header.prev
            extra = [header] if header is not None and "bbp-reply-header" in a.classes(header) \
                else []
            lead = "type-topic" in cls or any("bbp-lead-topic" in a.classes(p)
                                                for p in _ancestors(n, 4))
            out.append(Item(n, self.name, key, parent_key=self._parent(n, page, keys),
                            parent_stated=True, extra_nodes=extra,
                            skip_reason="thread_starter" if lead else None))
        return out

    @staticmethod
    def _parent(n, page: Page, keys: dict[int, str]) -> str | None:
        """The reply that owns the ``ul.bbp-threaded-replies`` this one sits in, if any."""
        a = page.attrs
        for p in _ancestors(n, 6):
            if "bbp-threaded-replies" in a.classes(p):
                owner = p.parent
                if owner is None:
                    return None
                for c in owner.iter():
                    if c.mem_id in keys:
                        return keys[c.mem_id] or None
                return None
        return None


def _ancestors(n, k: int):
    p = n.parent
    while p is not None and k > 0:
        yield p
        p = p.parent
        k -= 1
