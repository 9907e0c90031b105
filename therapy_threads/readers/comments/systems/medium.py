"""Medium's responses panel, as a saved post page prints it (server-rendered React).

Medium's class names are generated (two- and three-letter atoms), so a response is told by its
links: Medium tags every link inside the panel with ``?source=responses-----{POST_ID}----{N}----``
(``N`` the response's place in the list): the first is the responder's profile (the name), the
second the response's own permalink (``.../{slug}-{RESPONSE_ID}``, the date as its text). The
response's "Reply" and clap links carry ``source=responses-----{RESPONSE_ID}----{N}-----...
respond_sidebar``. A response that highlights a passage of the article prints it first as
``p#embedded-quote-…`` holding a ``<mark>`` (the article's words, not the response's); the clap
count, "Reply" and "N replies" buttons follow the words. Replies are loaded on a click and are not
in the page.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import contains

_SOURCE = re.compile(r"[?&]source=responses-----([0-9a-f]{8,16})----(\d+)-----")
_RESPONSE_ID = re.compile(r"-([0-9a-f]{8,16})/?$")


class Medium(CommentSystem):
    name = "medium"
    order = 86

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        groups: dict[str, list] = {}
        actions: dict[str, object] = {}
        post_ids: set[str] = set()
        for link in page.root.css("a[href*='source=responses-----']"):
            href = a.get(link, "href")
            m = _SOURCE.search(href)
            if m is None:
                continue
            if "respond_sidebar" in href:
                actions.setdefault(m.group(2), link)
                continue
            post_ids.add(m.group(1))
            groups.setdefault(m.group(2), []).append(link)
        if len(post_ids) != 1:
            return []
        found = {}
        for index, links in groups.items():
            named = [x for x in links if x.text(strip=True)]
            if len(named) < 2:
                continue
            found[index] = named
        out: list[Item] = []
        all_links = {x.mem_id: i for i, ls in groups.items() for x in ls}
        for index, named in found.items():
            node = _response(named[0], index, all_links)
            if node is None:
                continue
            author, permalink = named[0], named[1]
            m = _RESPONSE_ID.search(a.get(permalink, "href").split("?")[0])
            not_text = [_branch(author, permalink), permalink]
            for q in node.css("p[id^='embedded-quote-']"):
                not_text.append(_branch(q, permalink, node))
            act = actions.get(index)
            if act is not None and contains(node, act):
                not_text.append(_branch(act, permalink, node))
            out.append(Item(node, self.name, f"response-{m.group(1)}" if m else "", parent_stated=True,
                            author=author.text(strip=True), date=permalink, not_text=not_text))
        return out


def _branch(x, other, stop=None):
    """``x``'s outermost ancestor (or itself) that does not hold ``other`` (below ``stop``)."""
    while x.parent is not None and x.parent.is_element_node and not contains(x.parent, other) \
            and (stop is None or x.parent.mem_id != stop.mem_id):
        x = x.parent
    return x


def _response(link, index: str, all_links: dict[int, str]):
    """The outermost ancestor of the response's link that holds no other response's link."""
    node = link
    p = link.parent
    while p is not None and p.is_element_node and p.tag not in ("body", "html"):
        if any(all_links.get(x.mem_id, index) != index for x in p.css("a[href*='source=responses-----']")):
            break
        node = p
        p = p.parent
    return node if node is not link else None
