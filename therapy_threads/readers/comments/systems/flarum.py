"""Flarum discussions as the forum app renders them (a saved page of ``/d/{id}-{slug}``).

From ``framework/core/js/src/forum/components/PostStream.js`` and ``CommentPost.js``: the stream
is ``div.PostStream`` of ``div.PostStream-item[data-id][data-number][data-type]``; a comment is
``data-type="comment"`` holding ``article.CommentPost.Post`` with ``header.Post-header``
(``h3.PostUser-name`` > ``a`` > avatar + ``span.username``; ``li.item-meta`` with the
``time[datetime]`` dropdown, "#N" and the permalink; "edited" and best-answer labels),
``div.Post-body`` (the words), ``aside.Post-actions`` (reply, like buttons) and
``footer.Post-footer`` ("X replied to this", likes, and on the first post a best-answer preview).
Other ``data-type`` items (``discussionRenamed``, ``discussionStickied``...) are events, and the
composer's reply preview has no ``data-id``. Post number 1 is the discussion itself.

The stream is flat; the mentions extension (``flarum/mentions``, ``PostMention`` formatter)
prints the post a reply answers as ``a.PostMention[data-id={post id}]`` at the start of its body:
that post is the parent (the first post's mention leaves the reply at the top level). The link's
text is the mentioned user's name, not the reply's words.

Without script, the page holds the server's copy (``views/frontend/content.blade.php``:
``noscript#flarum-content``; ``content/discussion.blade.php``): ``div.container`` > ``h1`` title,
then a ``div`` of one ``article`` (before 1.7: a ``div``) per post of the page with
``div.PostUser > h3.PostUser-name`` (earlier a bare ``h3``) and ``div.Post-body``, each followed
by ``hr``; no id, number or date. ``Forum/Content/Discussion.php`` serves 20 posts a page
(``?page=N``, from ``(N-1)*20``), so a post's number is its place on the page after that offset,
and a mention's link (``{discussion URL}/{number}``) names the post it answers by number.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text


class Flarum(CommentSystem):
    name = "flarum"
    order = 28
    content_classes = ("post-body",)
    author_classes = ("postuser-name",)
    # Class tokens are compared lower-cased.
    meta_classes = frozenset({"post-header", "post-actions", "post-footer", "postmention",
                              "postmention-preview", "post-mentionedby-preview",
                              "post-quotebuttoncontainer"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        rows = []
        for n in page.root.css("div.PostStream-item[data-type='comment']"):
            pid, number = a.get(n, "data-id"), a.get(n, "data-number")
            body = n.css_first("article.CommentPost div.Post-body")
            if not pid.isdigit() or body is None:
                continue
            rows.append((n, pid, number, body))
        ids = {pid for _, pid, _, _ in rows}
        first = {pid for _, pid, number, _ in rows if number == "1"}
        out: list[Item] = []
        for n, pid, number, body in rows:
            mention = body.css_first("a.PostMention[data-id]")
            to = a.get(mention, "data-id") if mention is not None else ""
            parent = f"flarum-{to}" if to in ids and to not in first and to != pid else None
            who = n.css_first(".PostUser-name .username") or n.css_first(".PostUser-name")
            out.append(Item(n, self.name, f"flarum-{pid}", parent_key=parent, parent_stated=True,
                            author=stripped_text(who), content=body,
                            skip_reason="thread_starter" if number == "1" else None))
        return out or self._server_view(page)

    def _server_view(self, page: Page) -> list[Item]:
        """The no-script copy: posts numbered by their place on the page (20 a page)."""
        box = page.root.css_first("noscript#flarum-content > div.container")
        if box is None:
            return []
        a = page.attrs
        rows = [(n, body) for n in box.css("div.container > div > article, div.container > div > div")
                if (body := n.css_first("div.Post-body")) is not None and body.parent == n
                and n.css_first("h3") is not None]
        first = (_page_number(box) - 1) * _PER_PAGE + 1
        numbers = {id(n): first + i for i, (n, _) in enumerate(rows)}
        on_page = set(numbers.values())
        out: list[Item] = []
        for n, body in rows:
            number = numbers[id(n)]
            mention = body.css_first("a.PostMention[href]")
            m = _NUMBER.search(a.get(mention, "href")) if mention is not None else None
            to = int(m.group(1)) if m else 0
            parent = f"flarum-n{to}" if to in on_page and to != 1 and to < number else None
            out.append(Item(n, self.name, f"flarum-n{number}", parent_key=parent, parent_stated=True,
                            author=stripped_text(n.css_first("h3")), content=body,
                            skip_reason="thread_starter" if number == 1 else None))
        return out


_PER_PAGE = 20
_NUMBER = re.compile(r"/d/[^/?#]+/(\d+)(?:[?#]|$)")
_PAGE_ARG = re.compile(r"[?&]page=(\d+)")


def _page_number(box) -> int:
    """The page shown: one after the "previous page" link's (a link without ``page`` is page 1),
    else one before the "next page" link's; page 1 when neither is printed."""
    links = [n for n in box.css("div.container > a[href]")]
    for n in links:
        text = (n.text() or "").strip()
        m = _PAGE_ARG.search(n.attributes.get("href") or "")
        if text.startswith("\u00ab"):
            return int(m.group(1)) + 1 if m else 2
        if text.endswith("\u00bb") and m:
            return max(1, int(m.group(1)) - 1)
    return 1
