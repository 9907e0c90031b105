"""The fallback: repeated comment-like blocks that no named system claimed.

Themes with their own comment callback, Movable Type/Typepad, LiveJournal-style and many
hand-made blogs still say "comment" in their markup. A block is a comment when it is marked as
one — an id like ``comment-123``/``reply-123``/``cmt123``, ``itemtype=".../Comment"`` or
``itemprop="comment"``, or a class such as ``comment``, ``comment-item``, ``single-comment``,
``comment-entry``, ``comment_answer`` (a reply block, as Drupal-based themes print them inside
``div.indented``) — and the same kind of block (tag and class signature) repeats on the page, or
the block carries a numbered id. Parts of a comment (``comment-content``, ``comment-author``...)
and lists of comments (``comment-list``, ``comments``) are not blocks.
"""
from __future__ import annotations

import re
from collections import Counter

from ..base import CommentSystem, Item, Page, depth_from_classes

_ID = re.compile(r"^(?:comment|comments|cmt|reply|answer|kommentar|commentaire|comentario|"
                 r"li-comment|div-comment|c)[-_]?(\d+)$", re.I)
_ITEM_CLASS = re.compile(r"^(?:[a-z0-9]+[-_])?(?:comment|kommentar|commentaire|comentario|"
                         r"commento|reaction)(?:[-_](?:item|entry|block|box|single|node|"
                         r"container|wrap|wrapper|row|unit|card|holder|post|answer))?$")
_PART = re.compile(r"(?:content|text|body|author|meta|date|time|list|form|respond|reply|"
                   r"count|title|header|footer|avatar|nav|navigation|area|section|link|"
                   r"pagination|actions|tools|like|vote|rating|wrapper-outer|s)$")
_PART_EXCEPT = frozenset({"comment", "comment-item", "comment-entry", "single-comment",
                          "comment-single", "comment-block", "comment-box", "comment-node",
                          "comment-container", "comment-wrap", "comment-wrapper", "comment-post"})
_SIGNATURE_DROP = re.compile(r"^(?:depth|level|thread|even|odd|alt|byuser|comment-author-|"
                             r"bypostauthor|parent|first|last|new|is-|has-)")


_MARKER_SEL = ("a[name^='comment'], a[id^='comment'], p[id^='comment-'], span[id^='comment-'], "
               "a[name^='c'], div[id^='comment-'][class='']")
_MAX_CLIMB = 12


def _numbered(nid: str) -> str | None:
    """The number of a comment-like id; a bare ``c`` prefix needs 4+ digits (``c1`` is a column)."""
    m = _ID.match(nid)
    if not m:
        return None
    if nid[:1].lower() == "c" and not nid.lower().startswith(("comment", "cmt")) and len(m.group(1)) < 4:
        return None
    return m.group(1)


def _anchor_before(n, a) -> str | None:
    """``<a id="comment-5"></a><div class="comment">``: the anchor just before names it."""
    p = n.prev
    while p is not None and not p.is_element_node:
        p = p.prev
    if p is not None and p.tag == "a" and not p.text(strip=True):
        return _numbered(a.get(p, "id") or a.get(p, "name"))
    return None


def _item_classes(cls: frozenset[str]) -> bool:
    for c in cls:
        if c in _PART_EXCEPT:
            return True
        if _ITEM_CLASS.match(c) and not _PART.search(c):
            return True
    return False


class Generic(CommentSystem):
    name = "generic"
    order = 95

    @staticmethod
    def _anchored_blocks(page: Page) -> list[tuple]:
        """Comments marked only by an empty anchor (``<a name="comment-5">``): the comment is the
        largest block around the anchor that holds no other such anchor, when those blocks
        repeat side by side (a flat list of comment boxes)."""
        a = page.attrs
        markers = []
        for m in page.root.css(_MARKER_SEL):
            key = _numbered(a.get(m, "name") or a.id(m))
            if key and len(m.text(strip=True)) <= 3:
                markers.append((m, key))
        if len(markers) < 2:
            return []
        keys: dict[int, set[str]] = {}  # distinct comment numbers below an element
        for m, key in markers:
            p = m.parent
            for _ in range(_MAX_CLIMB):
                if p is None or not p.is_element_node:
                    break
                keys.setdefault(p.mem_id, set()).add(key)
                p = p.parent
        count = {k: len(v) for k, v in keys.items()}
        out = []
        done: set[int] = set()
        for m, key in markers:
            block = None
            p = m.parent
            for _ in range(_MAX_CLIMB):
                if p is None or not p.is_element_node or p.tag in ("body", "html", "main"):
                    break
                if count.get(p.mem_id, 0) > 1:
                    break
                block = p
                p = p.parent
            if block is not None and p is not None and count.get(p.mem_id, 0) > 1 \
                    and block.tag not in ("p", "span", "a") and block.mem_id not in done:
                done.add(block.mem_id)
                out.append((block, key))
        return out

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        root = page.root
        found: dict[int, tuple] = {}
        for n in root.css("[id], [class*='omment'], [class*='ommentaire'], [class*='omentario'], "
                          "[itemprop='comment'], [itemtype*='Comment'], [class*='reaction']"):
            if n.tag in ("form", "textarea", "input", "button", "script", "style", "a", "span",
                         "ul", "ol", "section", "nav", "aside", "html", "body", "main", "p"):
                continue
            nid = a.id(n)
            cls = a.classes(n)
            strong = _numbered(nid) is not None or a.get(n, "itemprop") == "comment" \
                or "Comment" in a.get(n, "itemtype")
            if not strong and not _item_classes(cls):
                continue
            # Drupal's templates print ``<a id="comment-N"></a>`` right before each comment: a
            # comment-like block named by such an anchor counts even when it is the only one of
            # its kind (a single reply block among top-level ones).
            strong = strong or _anchor_before(n, a) is not None
            sig = (n.tag, frozenset(c for c in cls if not _SIGNATURE_DROP.match(c)
                                    and not re.search(r"\d{3,}", c)))
            found[n.mem_id] = (n, strong, sig)
        anchored = self._anchored_blocks(page)
        if found and anchored:
            above: set[int] = set()  # ancestors of the marked blocks: not comments themselves
            for n, _, _ in found.values():
                p = n.parent
                for _ in range(40):
                    if p is None or not p.is_element_node or p.mem_id in above:
                        break
                    above.add(p.mem_id)
                    p = p.parent
            anchored = [(n, k) for n, k in anchored if n.mem_id not in above]
        for n, key in anchored:
            if n.mem_id not in found:
                found[n.mem_id] = (n, True, ("anchored", key))
        if not found:
            return []
        counts = Counter(sig for _, _, sig in found.values())
        out: list[Item] = []
        for n, strong, sig in found.values():
            if not strong and counts[sig] < 2:
                continue
            if sig[0] == "anchored":
                out.append(Item(n, self.name, f"comment-{sig[1]}"))
                continue
            num = _numbered(a.id(n)) or _anchor_before(n, a)
            out.append(Item(n, self.name, f"comment-{num}" if num else "",
                            depth=depth_from_classes(a.classes(n))))
        return out
