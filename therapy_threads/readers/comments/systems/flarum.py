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
"""
from __future__ import annotations

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
        return out
