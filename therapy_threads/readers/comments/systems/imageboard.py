"""Futaba-family imageboards: Futaba Channel's ``futaba.php`` and its descendants (Pixmicat!,
PixmicatX, the Komica and 2cat.org boards, heyuri/kotatsu forks).

Every post of a thread carries the delete checkbox ``input[type=checkbox][value=delete]`` whose
``name`` is the post number (``No.N``). Futaba prints the opening post straight in the thread box
(``div.thre`` or the form itself) and each reply as a one-row ``table`` whose second cell
(``td.rtd``; ``td[bgcolor=#F0E0D6]`` in old templates) holds the checkbox, subject ``span.csb``,
name ``span.cnm``, date ``span.cnw``, ``No.N`` and the words in ``blockquote``. Pixmicat! and
its forks print ``div.threadpost#r{N}`` (the opening post) and ``div.reply#r{N}`` (Komica's
newer template: ``div.post.reply`` with ``div.post-head``: ``span.name``, ``span.now``) with the
words in ``div.quote``; Heyuri's Kokonotsuba prints ``div.post.op`` / ``div.post.reply#p{board}_{N}``
with ``div.postinfo`` (``span.name``, ``span.time``), the checkbox in ``div.del`` and the words in
``div.comment``. The thread is flat: ``>>No.N`` quotes and the "Replies(n)" backlinks are
text, not parent links. The opening post is the thread's post, not a comment; a board's index
page (several opening posts, each with its latest replies) is a list of threads, read as none.

2cat.org's "pushpost" module prints short push lines (推文) inside a post's words:
``div.push_area`` > ``div.push_par`` (the words, then ``font`` with "(date ID)" and an ``a``
"[推]" button). A push line answers its post; on the opening post it is a top-level comment.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_POST_CLASSES = frozenset({"reply", "threadpost", "post", "rtd"})
_OPENING = frozenset({"threadpost", "op"})
_NUMBER = re.compile(r"^\d{1,12}$")


class Imageboard(CommentSystem):
    name = "imageboard"
    order = 29
    content_classes = ("quote",)
    author_classes = ("cnm",)
    date_classes = ("cnw", "now", "time")
    meta_classes = frozenset({"post-head", "backquote", "file-text", "push_btn", "rts", "cno", "csb",
                              "postinfo", "filesize", "del"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        seen: set[int] = set()
        openings = 0
        for box, m in page.with_id("input[type=checkbox]", _NUMBER, attr="name"):
            number = m.group(0)
            if a.get(box, "value").lower() != "delete":
                continue
            post = _post_of(box, number, a)
            if post is None or a.classes(post) & _OPENING:
                openings += 1
            if post is None or post.mem_id in seen:
                continue
            seen.add(post.mem_id)
            words = post.css_first("div.quote") or post.css_first("blockquote") or post.css_first("div.comment")
            if words is None:
                continue
            opening = bool(a.classes(post) & _OPENING)
            pushes = words.css("div.push_par")
            for i, push in enumerate(pushes):
                out.append(Item(push, self.name, f"push-{number}-{i + 1}", parent_stated=True,
                                parent_key=None if opening else f"no-{number}", content=push,
                                authorless=True, late=True,
                                not_text=[n for n in push.iter() if n.tag == "font" or _push_button(n, a)]))
            name = post.css_first("span.name") or post.css_first("span.cnm")
            author = stripped_text(name) if name is not None else None
            date = post.css_first("span.cnw") or post.css_first("span.now") or post.css_first("span.time")
            hide = [n for n in words.iter() if n.tag == "hr" or "push_area" in a.classes(n)
                    or _push_button(n, a)]
            out.append(Item(post, self.name, f"no-{number}", parent_stated=True, content=words,
                            author=author or None, authorless=not author, date=date, not_text=hide,
                            skip_reason="thread_starter" if opening else None))
        # A board's index pages print several threads, each with its latest replies: a list of
        # threads, not one thread's comments.
        if openings > 1:
            for it in out:
                it.skip_reason = "thread_list"
        return out


def _push_button(n: LexborNode, a) -> bool:
    """The pushpost module's "[推]" / "[推文回應]" buttons (not its "@ID" reference links)."""
    return n.tag == "a" and "pushpostpush" in a.get(n, "onclick").lower()


def _post_of(box: LexborNode, number: str, a) -> LexborNode | None:
    """The reply element the checkbox heads: Futaba's reply cell, or Pixmicat!'s ``#r{N}`` /
    ``.reply`` / ``.threadpost`` block; None for Futaba's opening post (printed in the thread box)."""
    if box.parent is not None and box.parent.tag == "td":
        return box.parent
    n = box.parent
    for _ in range(4):
        if n is None or n.tag in ("form", "body"):
            return None
        if a.id(n) == f"r{number}" or a.classes(n) & _POST_CLASSES:
            return n
        n = n.parent
    return None
