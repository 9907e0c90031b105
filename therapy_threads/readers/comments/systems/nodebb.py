"""NodeBB topic pages (the Harmony and Persona themes, NodeBB 1.x to 4.x).

From ``nodebb-theme-harmony/templates/partials/topic/post.tpl``: the topic is
``ul[component=topic]`` of ``li[component=post][data-index][data-pid][data-uid]`` (also
``itemprop=comment``); ``data-index="0"`` is the topic's own first post. A post opens with
``a[component=post/anchor]`` and ``meta[itemprop=datePublished]``; a reply to another post first
shows a collapsed preview of it, ``div[component=post/parent][data-parent-pid]`` (its author and
first lines: not the reply's words); Persona (NodeBB 1.x, ``partials/topic/post.tpl``) prints
instead a reply button in the header, ``a[component=post/parent][data-topid={toPid}]``. Then the avatar, ``div.post-header`` (``meta[itemprop=name]``
and ``a[data-username]`` with the display name, group badges, the ``a.timeago`` date, "replied to"
links), ``div[component=post/content]`` (the words), signature and the vote/reply footer.
Federated posts (NodeBB 4, ActivityPub) carry their remote URL as ``data-pid``. The list is flat;
the parent is the post ``data-parent-pid`` names, and a reply to the first post is top level.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page
from ..dom import contains, element_children


class NodeBB(CommentSystem):
    name = "nodebb"
    order = 29
    meta_classes = frozenset({"post-header", "post-footer", "post-signature"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        rows = []
        for n in page.root.css("li[component='post'][data-pid]"):
            content = n.css_first("[component='post/content']")
            if content is None:
                continue
            preview = next((c for c in element_children(n)
                            if a.get(c, "component") == "post/parent"), None)
            to = a.get(preview, "data-parent-pid") if preview is not None else ""
            if not to:
                # Persona (NodeBB 1.x): the header's "@NAME" reply button,
                # ``a[component=post/parent][data-topid]`` (the words' own links are not it)
                button = next((b for b in n.css("a[component='post/parent'][data-topid]")
                               if not contains(content, b)), None)
                to = a.get(button, "data-topid") if button is not None else ""
            rows.append((n, a.get(n, "data-pid"), a.get(n, "data-index"), content, to))
        ids = {pid for _, pid, _, _, _ in rows}
        first = {pid for _, pid, index, _, _ in rows if index == "0"}
        out: list[Item] = []
        for n, pid, index, content, to in rows:
            parent = f"pid-{to}" if to in ids and to not in first and to != pid else None
            who = (n.css_first(".post-header a[data-username]")
                   or n.css_first(".post-header meta[itemprop='name']"))
            name = (who.text(strip=True) or a.get(who, "content")) if who is not None else ""
            out.append(Item(n, self.name, f"pid-{pid}", parent_key=parent, parent_stated=True,
                            author=name or a.get(n, "data-username") or None, content=content,
                            skip_reason="thread_starter" if index == "0" else None))
        return out
