"""FluxBB (and PunBB 1.2, its parent) topic pages, from ``viewtopic.php``'s post loop.

Each post is ``div.blockpost#p{ID}`` with ``rowodd``/``roweven``, ``blockpost{N}`` and, for the
topic's own first post, ``firstpost`` (the post itself, not a reply). ``h2`` holds ``span.conr``
"#N" and the permalink whose text is the date; ``div.postleft > dl`` the poster: ``dt > strong``
(``dt > strong > a`` when profiles are public) is the name, then ``dd.usertitle``, avatar,
location, "Registered", "Posts" lines; ``div.postright`` has ``h3`` ("Re: subject"),
``div.postmsg`` (the words; quotes as ``div.quotebox > cite "X wrote:" + blockquote``, an edit
note ``p.postedit``) and a signature ``div.postsignature.postmsg``; ``div.postfoot`` says
"Online/Offline" and holds the action links. Replies are flat.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^p(\d+)$")


class FluxBB(CommentSystem):
    name = "fluxbb"
    order = 27
    content_classes = ("postmsg",)
    meta_classes = frozenset({"postleft", "postfoot", "postfootleft", "postfootright", "postedit",
                              "postsignature", "quotebox", "conr", "usertitle", "postavatar"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("div.blockpost[id^='p']", _ID):
            right = n.css_first("div.postright")
            content = next((c for c in (right.css("div.postmsg") if right is not None else ())
                            if "postsignature" not in a.classes(c)), None)
            if content is None:
                continue
            who = n.css_first("div.postleft dt")
            out.append(Item(n, self.name, f"p{m.group(1)}", parent_stated=True,
                            author=stripped_text(who),
                            content=content,
                            skip_reason="thread_starter" if "firstpost" in a.classes(n) else None))
        return out
