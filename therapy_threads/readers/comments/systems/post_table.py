"""Forums that print a thread as table rows or one small table per post, with no post classes.

Forum software written before CSS layouts (a site's own PHP/ASP/CGI board, mwForum 1.x and the
CGI boards built like it) prints each post in table rows: a row with the poster's cell and a
header cell ("#3 erstellt: DATE", "By NAME On DATE"), then a row with the words. Three shapes:

* **rowspan pair**: ``tr`` > ``td[rowspan=2]`` (the poster: a name in ``b``/``strong`` or a
  profile link, a rank line) + ``td`` (the post's number and date), then a ``tr`` whose cell holds
  the words (a site's own ``tr.posting-row`` > ``div.posting-text``); ad rows may stand between
  posts;
* **header/body pair**: ``tr`` > ``td`` (the subject, "by" the poster's profile link, the date),
  then ``tr`` > ``td`` with the words (Nairaland's ``td.bold.l.pu`` + ``td#pb{ID}``);
* **table per post**: ``<a name={ID}>`` then ``table`` > ``tr`` (a header: post icon, "By"
  profile link "On" date) + ``tr`` (the words), one such table per post (mwForum 1.x's
  ``topic_show.pl``).

A pair counts only where the same shape (cells per row, rowspan, the words row's class) repeats
at least twice in one table body (or, for tables per post, among sibling tables) and every
header names a poster. The thread's opening post is the post: the header numbered "#1", or else
the first post of the thread's first page.

Replies may name their parent by a link to the other post's anchor: mwForum prints a post icon
linking to ``#{PARENT ID}`` (``#0`` for the topic's first post), whose ``<a name>`` stands before
that post. A header link to an earlier post's anchor is its parent (the opening post's anchor
means top level); a page where such links name a later post (next/previous navigation) keeps
its posts flat.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import element_children
from .topic_page import FORUM_PAGE, is_later_page

_PROFILE = re.compile(r"(?:^|/)(?:user|users|member|members|profile|profiles|u|benutzer|"
                      r"mitglied|mitglieder)(?:[/.?=-])|user_?info|user_?profile|user_?show|showuser|"
                      r"viewprofile|[?&;](?:u|uid|userid|user_id|memberid)=\d", re.I)
_NAME_CLASSES = frozenset({"user", "username", "user-name", "author", "poster", "member"})
_NUMBER = re.compile(r"(?:^|\s)#\s?(\d{1,6})(?:\s|$)")
_WORDS_PART = re.compile(r"(?:^|[-_])(?:text|message|msg|body|content|posting)(?:$|[-_])")
_LETTER = re.compile(r"[^\W\d_]")
_FRAGMENT = re.compile(r"#([\w.:-]+)$")
# A header line is a line, not a paragraph.
_MAX_HEAD = 400


def _cells(row) -> list:
    return [c for c in element_children(row) if c.tag in ("td", "th")]


def _rowspan(cell) -> int:
    v = (cell.attributes.get("rowspan") or "").strip()
    return int(v) if v.isdigit() else 1


def _text_len(n) -> int:
    return len(n.text(separator=" ", strip=True))


def _row_shape(page: Page, row) -> tuple:
    return (tuple(sorted(page.attrs.classes(row))),
            tuple((c.tag, tuple(sorted(page.attrs.classes(c))), _rowspan(c)) for c in _cells(row)))


def _has_words(cell) -> bool:
    """Text or a picture (an image-only post); a spacer row has neither."""
    return bool(_text_len(cell)) or cell.css_first("img") is not None


class PostTable(CommentSystem):
    name = "post-table"
    # Last: only a table that no named engine, class-named block or generic comment block took.
    order = 96

    def find(self, page: Page) -> list[Item]:
        posts = self._row_pairs(page) or self._tables(page)
        if not posts:
            return []
        return self._items(page, posts)

    # ------------------------------------------------------------------ shapes

    def _author(self, page: Page, head) -> tuple[object | None, str | None]:
        """The poster's element and name in a header: a profile link, a link classed as the
        user, or the first bold name in the poster's cell."""
        a = page.attrs
        for link in head.css("a[href]"):
            if a.classes(link) & _NAME_CLASSES or _PROFILE.search(a.get(link, "href")):
                name = link.text(strip=True)
                if 1 < len(name) <= 60 and _LETTER.search(name):
                    return link, name
        return None, None

    def _row_pairs(self, page: Page) -> list[tuple]:
        """(head row, words row, poster element, name, words cell, date element, anchors)."""
        a = page.attrs
        bodies: dict[int, list] = {}
        for row in page.root.css("tr"):
            if row.parent is not None:
                bodies.setdefault(row.parent.mem_id, []).append(row)
        best: list[tuple] = []
        for rows in bodies.values():
            if len(rows) < 4:
                continue
            groups: dict[tuple, list[tuple]] = {}
            i = 0
            while i < len(rows) - 1:
                head, words = rows[i], rows[i + 1]
                hc, wc = _cells(head), _cells(words)
                if not hc or not wc:
                    i += 1
                    continue
                span = _rowspan(hc[0])
                who_cell = hc[0]
                if span >= 2 and len(hc) >= 2:
                    node, name = self._author(page, who_cell)
                    if name is None:
                        b = who_cell.css_first("b, strong")
                        name = b.text(strip=True) if b is not None else None
                        node = b
                    date = hc[1]
                else:
                    span = 1
                    node, name = self._author(page, head)
                    date = None
                cell = max(wc, key=_text_len)
                # The words row is not another header (a table of names: every row a profile
                # link) nor a spacer row between one-row comments; a data table prints every row
                # alike, while a post's header row and its words row differ (cells, classes).
                # A post's words are one cell of its row (the poster's cell spans beside it); a
                # data table's row under a spanning cell spreads its text over several cells
                # (an article's table of deposits: bank, product, currency, term, rate).
                # A row that fills every column beside the spanning cell with cells of its own is
                # a grid's row too (a post's words cell spans the header's columns).
                spread = len(wc) > 1 and _text_len(cell) * 2 <= _text_len(words) \
                    or len(wc) >= 3 and len(wc) >= len(hc) - 1
                if not name or len(name) > 60 or _text_len(head) > _MAX_HEAD or spread \
                        or _row_shape(page, head) == _row_shape(page, words) \
                        or not _has_words(cell) or span == 1 and self._author(page, words)[1]:
                    i += 1
                    continue
                shape = (len(hc), span >= 2, len(wc), tuple(sorted(a.classes(words))))
                groups.setdefault(shape, []).append(
                    (head, words, node, name, self._words(page, cell), date, self._anchors(page, head)))
                i += 2
            for pairs in groups.values():
                if len(pairs) >= 2 and len(pairs) > len(best):
                    best = pairs
        return best

    def _tables(self, page: Page) -> list[tuple]:
        """One table per post: a header row naming the poster, then the words' row."""
        a = page.attrs
        groups: dict[tuple, list[tuple]] = {}
        for t, rows in _rows_by_table(page).values():
            if len(rows) != 2 or t.parent is None:
                continue
            head, words = rows
            wc = _cells(words)
            node, name = self._author(page, head)
            if name is None or len(wc) != 1 or _text_len(head) > _MAX_HEAD or not _has_words(wc[0]) \
                    or self._author(page, words)[1]:
                continue
            anchors = self._anchors(page, head) | ({a.id(t)} - {""})
            p = t.prev
            # The post's ``<a name>`` stands before its table (an HTML parser may have put it
            # into the empty paragraph before it).
            while p is not None and (not p.is_element_node or p.tag in ("a", "p", "br")
                                     and not p.text(strip=True)):
                if p.is_element_node:
                    anchors |= self._anchors(page, p, self_too=True)
                p = p.prev
            shape = (t.parent.mem_id, len(_cells(head)), tuple(sorted(a.classes(t))))
            groups.setdefault(shape, []).append(
                (t, None, node, name, self._words(page, wc[0]), None, anchors))
        best: list[tuple] = []
        for posts in groups.values():
            if len(posts) >= 2 and len(posts) > len(best):
                best = posts
        return best

    @staticmethod
    def _words(page: Page, cell):
        """The words' element in a cell: a part named for the post's text, else the cell."""
        for n in cell.css("div[class], span[class]"):
            if any(_WORDS_PART.search(c) for c in page.attrs.classes(n)):
                return n
        return cell

    @staticmethod
    def _anchors(page: Page, head, self_too: bool = False) -> set[str]:
        out: set[str] = set()
        for n in [head, *head.css("a[name], a[id]")] if self_too else head.css("a[name], a[id]"):
            if n.tag != "a":
                continue
            if not n.attributes.get("href"):
                out |= {v for v in (n.attributes.get("name"), n.attributes.get("id")) if v}
        return out

    # ------------------------------------------------------------------ items

    def _items(self, page: Page, posts: list[tuple]) -> list[Item]:
        anchor_of: dict[str, int] = {}
        for i, p in enumerate(posts):
            for x in p[6]:
                anchor_of.setdefault(x, i)
        starter = None
        for i, p in enumerate(posts):
            m = _NUMBER.search(p[0].text(separator=" ", strip=True))
            if m and m.group(1) == "1":
                starter = i
                break
        if starter is None and not is_later_page(page, FORUM_PAGE):
            starter = 0
        parents = self._parents(page, posts, anchor_of)
        keys = [f"post-{next((x for x in sorted(p[6]) if x.isdigit()), f'row{i + 1}')}"
                for i, p in enumerate(posts)]
        out: list[Item] = []
        for i, (head, words, node, name, content, date, anchors) in enumerate(posts):
            parent = parents.get(i)
            parent_key = keys[parent] if parent is not None and parent != starter else None
            out.append(Item(head, self.name, keys[i], parent_stated=True,
                            parent_key=parent_key, author=name, content=content, date=date,
                            extra_nodes=[words] if words is not None else [],
                            skip_reason="thread_starter" if i == starter else None))
        return out


    @staticmethod
    def _parents(page: Page, posts: list[tuple], anchor_of: dict[str, int]) -> dict[int, int]:
        """Post index -> the earlier post its header links to (``href="#ANCHOR"``); none at all
        when a header links to a later post (navigation, not parents)."""
        out: dict[int, int] = {}
        for i, p in enumerate(posts):
            head = p[0]
            hrow = head if head.tag == "tr" else (head.css_first("tr") or head)
            for link in hrow.css("a[href^='#']"):
                m = _FRAGMENT.search(page.attrs.get(link, "href"))
                j = anchor_of.get(m.group(1)) if m else None
                if j is None or j == i:
                    continue
                if j > i:
                    return {}
                out[i] = j
        return out


def _rows_by_table(page: Page) -> dict[int, tuple[object, list]]:
    """Table id -> (table, its own rows), in one pass over the page's rows."""
    out: dict[int, tuple[object, list]] = {}
    for row in page.root.css("tr"):
        p = row.parent
        while p is not None and p.tag != "table":
            p = p.parent
        if p is not None:
            out.setdefault(p.mem_id, (p, []))[1].append(row)
    return out
