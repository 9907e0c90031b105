"""Spot.IM (OpenWeb) conversation embeds, saved as their own document or inlined in the article.

The React conversation view prints each message as ``div.sppre_message-view`` with
``data-spot-im-class="message-view"``, ``data-message-id`` (``sp_{SPOT}_{POST}_c_{ID}``, a reply's
id continues its thread's) and ``data-message-depth`` (0 = top level). Parts are named by
``data-spot-im-class``: ``message-username`` (the name), ``message-timestamp`` ("15h", an age),
``message-text`` (one element per text entity, inside ``div.sppre_message-entities``),
``message-reply`` / ``message-share`` and the vote counters. Replies follow their parent in
document order one level deeper, so the parent is the nearest earlier message one level up.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text


class SpotIM(CommentSystem):
    name = "spotim"
    order = 30
    content_classes = ("sppre_message-entities",)
    date_classes = ("sppre_posted-at",)
    meta_classes = frozenset({"sppre_message-actions-container", "sppre_message-actions",
                              "sppre_message-context-menu", "sppre_badge", "sppre_is-edited",
                              "sppre_votes-count", "sppre_user-image"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("[data-spot-im-class='message-view']"):
            key = a.get(n, "data-message-id")
            depth = a.get(n, "data-message-depth")
            if not key:
                continue
            words = n.css_first(".sppre_message-entities") or n.css_first("[data-spot-im-class='message-text']")
            who = n.css_first("[data-spot-im-class='message-username']")
            out.append(Item(n, self.name, key, depth=int(depth) if depth.isdigit() else None,
                            author=stripped_text(who), content=words,
                            date=n.css_first("[data-spot-im-class='message-timestamp']")))
        return out
