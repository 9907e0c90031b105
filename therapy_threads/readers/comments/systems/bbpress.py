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

Themes that replace ``loop-single-reply.php`` keep the template tags' own markup: each post is an
element with the id ``post-{ID}`` (``bbp_reply_id()``) holding the author link that
``bbp_get_reply_author_link()`` classes ``bbp-author-name``; the first post of a topic's first
page is the topic. Such themes that show the reply-to relation (``_bbp_reply_to``, the parent's
post id) print it as an element whose class names a reply and whose ``post-id`` /
``data-reply-to`` / ``data-parent-id`` attribute is that id, followed by an "@NAME:" link to the
parent's ``#post-{ID}`` — both a parent link, not words.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from .topic_page import is_later_page

_POST = re.compile(r"^post-(\d+)$")
_PAGE = re.compile(r"/page/(\d+)/?|[?&]paged?=(\d+)")
_REPLY_TO_ATTRS = ("post-id", "data-post-id", "data-reply-to", "data-reply-to-id",
                   "data-parent-id", "data-parent")


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
        return out or self._custom(page)

    def _custom(self, page: Page) -> list[Item]:
        """A theme's own post markup around bbPress's author link (see the module notes)."""
        a = page.attrs
        found = []
        for n, m in page.with_id("[id^='post-']", _POST):
            if n.tag not in ("article", "div", "li"):
                continue
            if n.css_first(".bbp-author-name") is None:
                continue
            found.append((n, m.group(1)))
        if len(found) < 2:
            return []
        # A reply to the topic itself answers the thread: top level, like any other reply.
        starter = found[0][1] if not is_later_page(page, _PAGE) else None
        ids = {pid for _, pid in found}
        out: list[Item] = []
        for n, pid in found:
            parent, drop = None, []
            for el in n.css("[class]"):
                if "repl" not in a.get(el, "class").lower():
                    continue
                ref = next((a.get(el, k) for k in _REPLY_TO_ATTRS if a.get(el, k)), "")
                if ref and ref != pid and (ref in ids or ref == starter):
                    parent = f"post-{ref}" if ref != starter else None
                    drop.append(el)
                    mention = _next_element(el)
                    if mention is not None and mention.tag == "a" \
                            and a.get(mention, "href").endswith(f"#post-{ref}"):
                        drop.append(mention)
                    break
            who = n.css_first(".bbp-author-name")
            content, head = _text_holder(n, who)
            if head is not None:
                drop.append(head)
            out.append(Item(n, self.name, f"post-{pid}", parent_key=parent, parent_stated=True,
                            author=who.text(strip=True) or None, content=content,
                            not_text=drop))
        if starter is not None:
            out[0].skip_reason = "thread_starter"
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


def _next_element(n):
    """The element after ``n``, over blank text only (None when words stand between)."""
    sib = n.next
    while sib is not None and not sib.is_element_node:
        if sib.text(strip=True):
            return None
        sib = sib.next
    return sib


def _text_holder(post, who):
    """The block that holds the words: the author link's nearest ancestor inside the post with a
    paragraph of its own, and that ancestor's child that holds the author (the theme's
    author/date line), which is not words. (None, None) when the theme has no such block."""
    child, p = who, who.parent
    while p is not None and p.mem_id != post.mem_id:
        if any(c.tag == "p" for c in p.iter()):
            return p, child
        child, p = p, p.parent
    return None, None


def _ancestors(n, k: int):
    p = n.parent
    while p is not None and k > 0:
        yield p
        p = p.parent
        k -= 1
