"""Simple:Press topics (the WordPress forum plugin), from its default theme's
``templates/spTopicView.php``.

Each post is ``div.spTopicPostSection#post{ID}`` (``spOdd``/``spEven``, ``spType-*``,
``spRank-*``; ``spFirstPost`` on a page's first post) preceded by the anchor ``a#p{ID}``. It
holds ``div.spUserSection`` (``div#spPostIndexUserDate{ID}``: the date; ``#spPostIndexUserName{ID}``:
the member, as plain text; rank, memberships, "Forum Posts:", "Member Since:", online status)
and ``div.spPostSection`` > ``div.spPostActionSection`` (``span#spPostIndexNumber{ID}``: the
post's number in the topic; permalink, print and quote buttons) and ``div.spPostContentSection``
> ``div#spPostIndexContent{ID}.spPostContent`` (the words; a quote of another post is a
``blockquote`` after a "<strong>X said:</strong>" paragraph), then ``div.spPostSignature``.
Threads are flat; post number 1 is the topic itself (the post body), the others its replies.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page

_ID = re.compile(r"^post(\d+)$")


class SimplePress(CommentSystem):
    name = "simplepress"
    order = 33
    # Class tokens are compared lower-cased (dom.Attrs.classes).
    content_classes = ("sppostcontent",)
    author_classes = ("sppostusername",)
    date_classes = ("sppostuserdate",)
    meta_classes = frozenset({"spusersection", "sppostactionsection", "sppostsignature",
                              "spgototop", "splabelbordered", "spbutton"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.spTopicPostSection[id^='post']"):
            m = _ID.match(a.id(n))
            if m is None:
                continue
            pid = m.group(1)
            content = n.css_first(f"div#spPostIndexContent{pid}")
            if content is None:
                continue
            who = n.css_first(f"div#spPostIndexUserName{pid}")
            num = n.css_first(f"span#spPostIndexNumber{pid}")
            first = num is not None and num.text(strip=True) == "1"
            out.append(Item(n, self.name, f"post{pid}", parent_stated=True,
                            author=(who.text(strip=True) or None) if who is not None else None,
                            content=content, skip_reason="thread_starter" if first else None))
        return out
