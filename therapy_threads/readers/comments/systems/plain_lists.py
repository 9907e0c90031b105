"""Old blog templates that print a comment list without any per-comment id or comment class.

Two template families print the thread as bare list items, so neither the WordPress recogniser
(``li#comment-N``) nor the generic fallback (a comment-named class or id) sees a comment:

* **Kubrick-derived lists.** WordPress 1.5's default theme (``comments.php``) prints
  ``<ol class="commentlist"><li class="alt" id="comment-N"><cite>NAME</cite> Says: <small
  class="commentmetadata"><a>DATE</a></small> TEXT</li>``. Templates copied from it for other
  engines (the Domino blog templates, hand-made themes) keep ``ol.commentlist`` and
  ``small.commentmetadata`` and drop the id; some print one ``ol.commentlist`` per comment and
  number the name ("<strong>3&nbsp;NAME</strong> URL | <small class="commentmetadata">DATE
  </small>"), marking the blog owner's own comments ``li.authorpost``. A comment here is an item
  of such a list holding ``small.commentmetadata``; the header before that small element (number,
  name, the commenter's printed URL, separators) is not text.
* **Definition lists.** Themes that print ``<dl>`` with ``<dt>`` "N. NAME - DATE" (the number a
  permalink) and ``<dd>`` TEXT inside ``#comments`` (Blogger classic's ``dl#comments-block`` and
  Thesis 1.x's ``dl#comment_list`` do the same with ids; some WordPress themes with none). A
  comment is a ``dd``; its ``dt`` gives the author (the words between the number and the last
  " - ") and the date (after the last " - "), and is never text.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..cleanup import is_date_line
from ..dom import next_element

_WP_ID = re.compile(r"^(?:comment|li-comment|div-comment)-\d+$")
_NUMBER = re.compile(r"^\s*#?\d{1,5}[.):]?(?:\s|\xa0)+")
_HASH_KEY = re.compile(r"^#(?:comment-?|c)?(\d{3,})$")
_REGION = re.compile(r"^(?:comments|commentlist|comment-list|comment_list|comments-list|"
                     r"commentblock|commentsblock|comments-block)$", re.I)


def _words(n) -> str:
    return " ".join((n.text(separator=" ") or "").split())


class PlainLists(CommentSystem):
    name = "plain-list"
    order = 94  # after every named system, before the generic fallback (95)
    meta_classes = frozenset({"commentmetadata"})

    def find(self, page: Page) -> list[Item]:
        return self._kubrick(page) or self._definitions(page)

    def _kubrick(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for lst in page.root.css("ol.commentlist, ul.commentlist"):
            for li in lst.iter():
                if not li.is_element_node or li.tag != "li" or _WP_ID.match(a.id(li)):
                    continue
                meta = next((c for c in li.iter() if c.is_element_node and c.tag == "small"
                             and "commentmetadata" in a.classes(c)), None)
                if meta is None or not is_date_line(_words(meta), page.languages):
                    continue
                header = []
                c = li.child
                while c is not None and c.mem_id != meta.mem_id:
                    if c.is_element_node:
                        header.append(c)
                    c = c.next
                name_el = next((h for h in header if h.tag in ("cite", "strong", "b")), None)
                author = _NUMBER.sub("", _words(name_el)) if name_el is not None else ""
                out.append(Item(li, self.name, "", parent_stated=True, author=author or None,
                                date=meta, not_text=header + [meta]))
        return out if len(out) >= 2 else []

    def _definitions(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        seen: set[int] = set()
        for region in page.root.css("div[id], section[id], div[class]"):
            if not (_REGION.match(a.id(region))
                    or any(_REGION.match(c) for c in a.classes(region))):
                continue
            for dl in region.css("dl"):
                if dl.mem_id in seen:
                    continue
                seen.add(dl.mem_id)
                found = []
                child = dl.child
                while child is not None:
                    if child.is_element_node and child.tag == "dt" and not a.id(child):
                        dd = next_element(child)
                        head = _words(child)
                        if dd is not None and dd.tag == "dd" and 0 < len(head) <= 200:
                            parts = re.split(r"\s+[-–—|]\s+", _NUMBER.sub("", head))
                            if len(parts) >= 2 and is_date_line(parts[-1], page.languages):
                                key = ""
                                link = child.css_first("a[href^='#']")
                                m = _HASH_KEY.match(a.get(link, "href")) if link is not None else None
                                if m:
                                    key = f"comment-{m.group(1)}"
                                found.append(Item(dd, self.name, key, parent_stated=True,
                                                  author=" - ".join(parts[:-1]).strip() or None,
                                                  date=child))
                    child = child.next
                if len(found) >= 2:
                    out.extend(found)
        return out
