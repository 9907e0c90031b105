"""The fallback: repeated comment-like blocks that no named system claimed.

Themes with their own comment callback, Movable Type/Typepad, LiveJournal-style and many
hand-made blogs still say "comment" in their markup. A block is a comment when it is marked as
one — an id like ``comment-123``/``reply-123``/``cmt123``, ``itemtype=".../Comment"`` or
``itemprop="comment"``, or a class such as ``comment``, ``comment-item``, ``single-comment``,
``comment-entry``, ``comment_answer`` (a reply block, as Drupal-based themes print them inside
``div.indented``) — and the same kind of block (tag and class signature) repeats on the page, or
the block carries a numbered id, or a ``data-comment-id`` attribute (repeated on blocks of one
kind). Parts of a comment (``comment-content``, ``comment-author``...)
and lists of comments (``comment-list``, ``comments``) are not blocks.

Two-level comment components (a top-level comment with its replies in a box under it) name the
reply block after a reply (``div.reply-item`` in ``div.reply-wrap``) or a level
(``comment-main-container`` / ``comment-item-container``, ``comment-list-item-comp`` /
``sub-comment-list-item``): a reply-named block counts when it holds its own name and words
parts, the box around the replies is not a comment, and a comment-named block inside a comment
that has no name or date of its own is that comment's words. A component named in one word
(``GalleryComment`` with ``GalleryComment-body``) and a Q&A plugin's named answer with its own
words and author parts (``tr.cma-answer`` > ``cma-answer-body`` + ``cma-answer-author``) count
even when printed once.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import roles
from ..cleanup import is_role_word
from ..base import HIDDEN, CommentSystem, Item, Page, depth_from_classes
from ..dom import ancestors, own_blocks

_ID = re.compile(r"^(?:comment|comments|com|cmt|reply|answer|kommentar|commentaire|comentario|"
                 r"li-comment|div-comment|c)[-_]?(\d+)$", re.I)
# (a level before the block word: "comment-main-container" for a top-level comment and
# "comment-item-container" for a reply under it, as two-level comment components print them)
# An item of a comment list ("comment-list-item") counts as a component's ("-comp") or as a
# reply level's ("sub-comment-list-item"): bare, it also names the rows of recent-comments widgets.
_ITEM_CLASS = re.compile(r"^(?:[a-z0-9]+[-_])?(?:comment|kommentar|commentaire|comentario|"
                         r"commento|reaction)(?:(?:[-_](?:main|sub|child|top|root|item))?"
                         r"[-_](?:item|entry|block|box|single|node|"
                         r"container|ctn|wrap|wrapper|row|unit|card|holder|post|answer))?$|"
                         r"^comment[-_]list[-_]item[-_]comp(?:onent)?$|"
                         # BEM: the block names the list, its element the item ("x-comments__item")
                         r"^(?:[a-z0-9]+-){0,3}(?:comment|kommentar|commentaire|comentario|commento|"
                         r"reactie|reaction)s?__(?:item|entry|single|node|post|card)$|"
                         r"^(?:sub|child)[-_]comment[-_]list[-_]item$")
_PART = re.compile(r"(?:content|text|body|author|meta|date|time|list|form|respond|reply|"
                   r"count|title|header|footer|avatar|nav|navigation|area|section|link|"
                   r"pagination|actions|tools|like|vote|rating|wrapper-outer|s)$")
_PART_EXCEPT = frozenset({"comment", "comment-item", "comment-entry", "single-comment",
                          "comment-single", "comment-block", "comment-box", "comment-node",
                          "comment-container", "comment-wrap", "comment-wrapper", "comment-post"})
_SIGNATURE_DROP = re.compile(r"^(?:depth|level|thread|even|odd|alt|byuser|comment-author-|"
                             r"bypostauthor|parent|first|last|new|is-|has-)")


# A class token that is an element's own id or a generated hash (Reddit's "t1_dc8izm3", CSS-module
# names): letters and digits run together, no hyphen. It does not make another kind of block.
_OWN_ID = re.compile(r"^(?=[a-z_]*\d)(?=[0-9_]*[a-z])[a-z0-9_]{6,}$")
_MARKER_SEL = ("a[name^='comment'], a[id^='comment'], p[id^='comment-'], span[id^='comment-'], "
               "a[name^='c'], div[id^='comment-'][class='']")
_MAX_CLIMB = 12
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_DATA_KEY = re.compile(r"^(?:\d+|[0-9a-f]{8,}|[0-9a-f-]{36})$", re.I)


# Never a comment's own element: forms, lists of comments, page regions, and inline elements (an
# ``<i class="icon-comment">`` glyph repeats beside every comment counter).
_NOT_BLOCKS = frozenset({"form", "textarea", "input", "button", "script", "style", "a", "span", "ul",
                         "ol", "section", "nav", "aside", "html", "body", "main", "p", "i", "b", "em",
                         "strong", "small", "img", "svg", "use", "label", "cite", "time", "abbr",
                         "sup", "sub", "picture", "source", "hr", "br"})
# Icon-font classes name a glyph ("icon-comment", "fa-comments"), not a block.
_ICON = re.compile(r"^(?:icon|fa|fas|far|glyphicon|dashicons|bi|ion|mdi|la)[-_]")


_AUTHOR_NAMES = frozenset(roles.AUTHOR) - {"user", "name"}
_NOT_PART_TAGS = frozenset({"form", "textarea", "input", "button", "script", "style", "label"})
# Part names with the words run together or joined ("commentText", "comment-text", "kommentar_text"),
# compared without separators.
_WORD = r"(?:comment|kommentar|commentaire|comentario|commento)s?"
_TEXT_PART = re.compile(rf"^{_WORD}(?:text|content|body|message|txt)$")
_AUTHOR_PART_SQ = re.compile(rf"^{_WORD}(?:author|authorname|user|username|name|autor|benutzer|auteur)$")


def _signature(n, cls: frozenset[str]) -> tuple:
    """A block's kind: its tag and class tokens, without state (BEM modifiers such as
    "comment--collapsed", depth and parity classes) and without its own id or number."""
    return (n.tag, frozenset(c for c in cls if not _SIGNATURE_DROP.match(c) and "--" not in c
                             and not re.search(r"\d{3,}", c) and not _OWN_ID.match(c)))


def _ancestors(found: dict[int, tuple]) -> set[int]:
    """The elements above the found blocks (40 levels at most)."""
    return ancestors_of(n for n, _, _ in found.values())


def ancestors_of(nodes) -> set[int]:
    """The elements above ``nodes`` (40 levels at most)."""
    above: set[int] = set()
    for n in nodes:
        p = n.parent
        for _ in range(40):
            if p is None or not p.is_element_node or p.mem_id in above:
                break
            above.add(p.mem_id)
            p = p.parent
    return above


def _squash(c: str) -> str:
    return c.replace("-", "").replace("_", "")


# Engines that key records by a hash or a MongoDB ObjectId print it in the id instead of a number
# (``li#reply-6649a9c3db5c21001347a9f8`` in a React forum with generated class names).
_HEX_ID = re.compile(r"^(?:comment|reply|answer)[-_](?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])([0-9a-f]{12,40})$")


_ANCHOR_NUMBER = re.compile(r"^\d{4,}$")
_MARGIN_LEFT = re.compile(r"margin-left\s*:\s*(\d+(?:\.\d+)?)", re.I)


def _margin_left(style: str) -> float:
    m = _MARGIN_LEFT.search(style or "")
    return float(m.group(1)) if m else 0.0


_PREVIEW = re.compile(r"preview", re.I)


def _shown_not_preview(n, a) -> bool:
    """A block with words of its own, outside a comment form's preview box (TypePad and themes
    print an empty ``div.comment`` in ``#comment-preview`` for the script to fill)."""
    for p in _up(n, 9):
        if p is None or not p.is_element_node:
            break
        if _PREVIEW.search(a.id(p)) or any(_PREVIEW.search(c) for c in a.classes(p)):
            return False
    return len(" ".join((n.text(separator=" ") or "").split())) >= 40


def _numbered(nid: str) -> str | None:
    """The number of a comment-like id; a bare ``c`` prefix (also ``com``, a theme's "com_37914")
    needs 4+ digits (``c1`` is a column)."""
    m = _ID.match(nid)
    if not m:
        h = _HEX_ID.match(nid)
        return h.group(1) if h else None
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


# A reply printed as a block of its own inside (or after) the comment it answers: named like a
# reply link ("comment-reply", "reply"), so it counts only when it holds a comment's own parts.
_REPLY_ITEM = re.compile(r"^(?:[a-z0-9]+[-_])?(?:comment[-_]?)?(?:reply|answer|antwort|reponse|respuesta)"
                         r"(?:[-_](?:item|entry|block|box|single|container|wrap|wrapper))?$")
_AUTHOR_PART = re.compile(r"(?:^|[-_])(?:author|user|name|commenter|poster)(?:[-_]name)?$")
_CONTENT_PART = re.compile(r"(?:^|[-_])(?:content|text|body|message)$")


def reply_block(n, cls: frozenset[str], a) -> bool:
    """A reply-named block that holds an author part and a content part of its own (WordPress's
    ``div.reply`` holds only the reply link: never a comment)."""
    if not any(_REPLY_ITEM.match(c) for c in cls):
        return False
    return (any(_CONTENT_PART.search(c) for d in n.css("[class]") for c in a.classes(d))
            or _dated_paragraphs(n, a)) and _has_name_part(n, a)


_TIME_PART = re.compile(r"(?:^|[-_])(?:time|date|datetime|timestamp)$")


def _dated_paragraphs(n, a) -> bool:
    """The block prints a date part and its words as bare paragraphs of its own (a site's own
    two-level list: ``div.reply`` > ``strong.comment-name`` + ``span.comment-time`` + ``p``)."""
    if n.css_first("form, textarea") is not None:
        return False
    dated = n.css_first("time") is not None or any(
        _TIME_PART.search(c) for d in n.css("[class]") for c in a.classes(d))
    return dated and any(p.parent is not None and p.parent.mem_id == n.mem_id and p.text(strip=True)
                         for p in n.css("p"))


def _only_reply(n, repeated: set[int], a) -> bool:
    """A block printed once inside a repeated comment block (not directly in it: in its box
    of replies) that holds a name part and a words part of its own."""
    if n.parent is None or n.parent.mem_id in repeated \
            or not any(p.mem_id in repeated for p in _up(n.parent, 30) if p is not None):
        return False
    content = any(_CONTENT_PART.search(c) or c.endswith("detail")
                  for d in n.css("[class]") for c in a.classes(d))
    return content and _has_name_part(n, a)


_NAME_TOKEN = re.compile(r"(?:^|[-_])(?:user|author|nick|poster|commenter)(?:name)?"
                         r"(?:[-_](?:link|title|name))?$")


def _has_name_part(n, a) -> bool:
    """The block holds an element named for the commenter's name ("username", "user-link",
    "comment-author", "sub-comment-user-title")."""
    return any(c in _AUTHOR_NAMES or _AUTHOR_PART.search(c) or _NAME_TOKEN.search(c)
               for d in n.css("[class]") if d.mem_id != n.mem_id for c in a.classes(d))


def _lone_comment(n, cls: frozenset[str], a) -> bool:
    """A comment block that does not repeat (a thread of one) still counts when its text part
    carries the block's own name: ``kommentar-item`` holding ``kommentar-text``, ``comment-box``
    holding ``comment-content``."""
    stems = {re.split(r"[-_](?:item|entry|block|box|single|node|container|wrap|wrapper|row|unit|"
                      r"card|holder|post)$", c)[0] for c in cls if _ITEM_CLASS.match(c)}
    if not stems:
        return False
    parts = {f"{st}{sep}{suf}" for st in stems for sep in "-_"
             for suf in ("text", "content", "body", "message")}
    # Exactly one such part (a wrapper around several comments is not a comment), an author part
    # beside it, and no form (a comment section's box holds the "Leave a reply" form and a
    # "0 replies" counter, not a comment).
    if n.css_first("form, textarea") is not None:
        return False
    texts = author = 0
    for d in n.css("[class]"):
        cls = a.classes(d)
        texts += bool(cls & parts)
        author = author or bool(cls & _AUTHOR_NAMES) or any(_AUTHOR_PART_SQ.match(_squash(c)) for c in cls)
    return texts == 1 and author


# A prefix that makes "comment" a control or a region, not a comment: "shared-comment" (a share
# menu), "add-comment", "load-more-comments", "view-comment".
# "sect_comment" / "section-comment" names a page section (a newspaper's opinion-column box,
# the comments area), not one comment.
_CONTROL_PREFIX = re.compile(r"^(?:share|shared|sharing|add|write|leave|load|more|show|view|toggle|"
                             r"open|hide|close|sect|section|"
                             # a part named before the word: "date_comment" is the comment's date
                             r"date|time|author|text|body|content|meta)[-_]")


# A comment-shaped stub for replies not printed ("N more comments"), named by a modifier.
_MORE_STUB = re.compile(r"(?:--|[-_])(?:see|load|show|view)[-_]?more$|--more$")


_COLLAPSED = re.compile(r"(?:^|--|[-_])collapsed$")


# A comment printed as a list of its parts (``ul.comment#comment-N`` > ``li.comment-author`` +
# ``li.comment-tools``): the list is the comment when its own id names one comment.
_LIST_COMMENT_ID = re.compile(r"^comment[-_]\d+$")


# A class that names a list of comments ("comments-list", "comments", "comments-main").
_LIST_CLASS = re.compile(r"^(?:[a-z0-9]+[-_])?(?:comments(?:[-_][a-z]+)?|comments?[-_]?list)$")


def _typed_comment(n, cls: frozenset[str], a) -> bool:
    """Marked up as one comment: ``itemprop=comment``, or a schema.org ``Comment`` /
    ``UserComments`` item. schema.org's old ``UserComments`` type is printed on one comment by
    some sites and on the list around the ``Comment`` items by others (``div.comments-list``
    itemscope ``UserComments`` > ``li`` itemscope ``Comment``): an element whose class names a
    list of comments and that holds typed comments of its own is that list, not a comment."""
    if a.get(n, "itemprop") == "comment":
        return True
    if "Comment" not in a.get(n, "itemtype"):
        return False
    if any(_LIST_CLASS.match(c) for c in cls) and any(
            d.mem_id != n.mem_id for d in n.css("[itemtype*='Comment'], [itemprop='comment']")):
        return False
    return True


def _typed_only(n, a) -> bool:
    """Marked as a comment by microdata alone: no comment number in its id or in an anchor
    right before it."""
    return (_numbered(a.id(n)) is None and _anchor_before(n, a) is None
            and _typed_comment(n, a.classes(n), a))


def _item_classes(cls: frozenset[str]) -> bool:
    for c in cls:
        if _ICON.match(c) or _CONTROL_PREFIX.match(c):
            continue
        if c in _PART_EXCEPT:
            return True
        if _ITEM_CLASS.match(c) and not _PART.search(c):
            return True
    return False


# A comment component named in one word ("GalleryComment", "PostComment": SUIT-CSS naming,
# ``Component-descendant``), whose parts carry the component's name: ``GalleryComment-body``.
# An answer of a Q&A plugin named the same way (CM Answers' ``tr.cma-answer`` >
# ``div.cma-answer-body`` + ``div.cma-answer-author``) counts when it also names its author part:
# a FAQ's answers have none.
_COMPONENT = re.compile(r"^[a-z]{3,}comment$")
_ANSWER_COMPONENT = re.compile(r"^(?:[a-z0-9]+[-_])?answer$")
_COMPONENT_WORDS = ("body", "content", "text", "message")
_COMPONENT_AUTHOR = ("author", "user", "username", "poster")


def _component_words(n, cls: frozenset[str], a):
    """The words part of a one-word comment component (``div.GalleryComment`` >
    ``div.GalleryComment-body``) or of a named answer with an author part, or None when the
    block is not one."""
    names = [c for c in cls if _COMPONENT.match(c) and not _CONTROL_PREFIX.match(c)
             and not c.startswith(("add", "new", "post", "write", "leave", "load", "show", "view",
                                   "no"))]
    answers = [c for c in cls if _ANSWER_COMPONENT.match(c)]
    if not names and not answers:
        return None
    rank = {f"{c}{sep}{w}": i for c in names + answers for sep in "-_"
            for i, w in enumerate(_COMPONENT_WORDS)}
    authors = {f"{c}{sep}{w}" for c in answers for sep in "-_" for w in _COMPONENT_AUTHOR}
    words: dict[int, object] = {}  # rank of the part's name -> its first element
    author = not answers or bool(names)
    for d in n.css("[class]"):
        dc = a.classes(d)
        for c in dc:
            if c in rank:
                words.setdefault(rank[c], d)
        author = author or bool(dc & authors)
    return words[min(words)] if words and author else None


class Generic(CommentSystem):
    name = "generic"
    order = 95

    @staticmethod
    def _data_id_blocks(page: Page) -> list[tuple]:
        """Comments named by a ``data-comment-id`` attribute (a site's own list: ``ul.x-comments >
        li[data-comment-id]``): the outermost block carrying each id, when two or more ids are
        printed on blocks of one kind. The same id on a button or link inside the comment (reply,
        like, report) is that comment's, not another one."""
        a = page.attrs
        outer: dict[str, object] = {}
        for n in page.root.css("[data-comment-id]"):
            if n.tag in _NOT_BLOCKS:
                continue
            key = a.get(n, "data-comment-id")
            if not _DATA_KEY.match(key) or key in outer:
                continue
            # A control printed with the comment's id (a "report" menu entry, a ban toggle) inside
            # the comment's own element, which carries the same id as ``data-id``: that element.
            p = n.parent
            for _ in range(_MAX_CLIMB):
                if p is None or not p.is_element_node or p.tag in ("body", "html"):
                    break
                if a.get(p, "data-id") == key and p.tag not in _NOT_BLOCKS:
                    n = p
                    break
                p = p.parent
            outer[key] = n
        if len(outer) < 2:
            return []
        kinds = Counter(n.tag for n in outer.values())
        return [(n, k) for k, n in outer.items() if kinds[n.tag] >= 2]

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

    @staticmethod
    def _numbered_anchor_siblings(page: Page, found: dict[int, tuple]) -> list[tuple]:
        """Hand-made comment lists that print ``<a name="{ID}"></a>`` (the comment's number,
        nothing else) right before each comment's block, all side by side in one parent, the
        blocks styled inline rather than classed; a reply is the same block indented by an inline
        ``margin-left`` and printed right after its parent's. The block is the anchor's next
        element; its depth is the rank of its indentation among the blocks'. Three such
        anchors at least, and only where no block of the list was found by its name."""
        a = page.attrs
        by_parent: dict[int, list] = {}
        for m in page.root.css("a[name]"):
            name = a.get(m, "name")
            if not _ANCHOR_NUMBER.match(name) or m.text(strip=True) or m.child is not None:
                continue
            block = m.next
            while block is not None and not block.is_element_node:
                block = block.next
            if block is None or block.tag != "div" or m.parent is None:
                continue
            by_parent.setdefault(m.parent.mem_id, []).append((block, name))
        out = []
        for rows in by_parent.values():
            if len(rows) < 3 or any(b.mem_id in found for b, _ in rows):
                continue
            if any(p.mem_id in found for p in ancestors(rows[0][0])):
                continue
            margins = [_margin_left(a.get(b, "style")) for b, _ in rows]
            ranks = {v: i for i, v in enumerate(sorted(set(margins)))}
            out.extend((b, name, ranks[mv]) for (b, name), mv in zip(rows, margins))
        return out

    @staticmethod
    def _part_blocks(page: Page) -> list:
        """Comment blocks told by their parts rather than their own name (``div.commentsCon``
        holding ``p.commentAuthor`` and ``p.commentText``): the largest block around one
        comment-text part that also holds a comment-author part, when several such blocks sit
        side by side in one parent."""
        a = page.attrs
        texts = [n for n in page.root.css("[class*='omment'], [class*='ommentaire'], [class*='omentario']")
                 if n.tag not in _NOT_PART_TAGS and any(_TEXT_PART.match(_squash(c)) for c in a.classes(n))]
        if len(texts) < 2:
            return []
        blocks = []
        for block in own_blocks(texts, _MAX_CLIMB):
            if block is None or block.tag in _NOT_BLOCKS:
                continue
            # The author part named by a class (a comment-author name, or a general author role
            # such as ``span.author-name`` / ``fn`` beside a ``comment_message``), or by an id that
            # the template repeats on every row (Pluck's ``div#comment-username`` in each row).
            if any(_AUTHOR_PART_SQ.match(_squash(c)) or c in _AUTHOR_NAMES
                   for d in block.css("[class]") for c in a.classes(d)) \
                    or any(_AUTHOR_PART_SQ.match(_squash(a.id(d).lower())) for d in block.css("[id]")):
                blocks.append(block)
        by_parent = Counter(b.parent.mem_id for b in blocks)
        return [b for b in blocks if by_parent[b.parent.mem_id] >= 2]

    @staticmethod
    def _widen_to_list_item(page: Page, found: dict[int, tuple]) -> None:
        """A class-named block that holds only the words (``div.submitted-comment``) inside a list
        item that also holds the commenter's part (``div.commentor-info``): the list item is the
        comment. Only for weak (class-only) blocks whose ``li`` holds no other found block."""
        a = page.attrs
        authors = frozenset(roles.AUTHOR) - {"name", "user"}
        for key, (n, strong, sig) in list(found.items()):
            if strong:
                continue
            li = n.parent
            if li is not None and li.tag != "li":
                li = li.parent if li.parent is not None and li.parent.tag == "li" else None
            # Bounded walks (a deep thread is never walked again for each of its comments):
            # no author part in the block, one in the rest of the li, and no other found block.
            if _bounded_find(n, lambda d: bool(a.classes(d) & authors), skip=None) is not False:
                continue
            if li is None or li.tag != "li":
                # Not in a list item: the nearest box around the words part (three levels up at
                # most, ``div.panel-body`` > ``header`` with ``a.comment-user`` + ``div.comment-post``)
                # that holds the commenter's part and no other found block — when every words part
                # of this kind sits in such a box (a page's words parts, widened together).
                li = _box_with_author(n, found, authors, a)
                if li is None:
                    continue
            if li.mem_id in found:
                continue
            if _bounded_find(li, lambda d: d.mem_id in found, skip=n.mem_id) is not False:
                continue
            if _bounded_find(li, lambda d: bool(a.classes(d) & authors), skip=n.mem_id) is not True:
                continue
            del found[key]
            found[li.mem_id] = (li, strong, ("li", sig))

    @staticmethod
    def _drop_item_wrappers(found: dict[int, tuple], a) -> dict[int, int]:
        """A weak (class-only) block around one strong comment block (``li.list__item_comment`` >
        ``div.comment#comment_N`` + the list of its replies) is the list item, not a second
        comment: it holds no words of its own outside that comment and the lists of replies. A
        role badge beside the avatar (wpDiscuz 5's ``div.wc-comment`` > ``div.wc-comment-left``
        with "Gast"/"Autor" + ``div.wc-comment-right#comment-N``) is not words of its own."""
        above = _ancestors(found)
        strong_above = ancestors_of(n for n, strong, _ in found.values() if strong)
        bodies: set[int] = set()  # blocks read as a strong block's body: gone
        levels: dict[int, int] = {}  # strong block -> the depth its dropped wrapper stated
        for key, (n, strong, sig) in list(found.items()):
            if key in bodies:
                continue
            if strong:
                if key in found:
                    body = _drop_body_block(n, found, above, a)
                    if body is not None:
                        bodies.add(body)
                    # (the body may wrap a second class-named box: ``div.the-comment`` >
                    # avatar + ``div.comment-box``; one comment, read by the strong block)
                    body = _drop_wrapped_body(n, found, above, strong_above)
                    if body is not None:
                        bodies.add(body)
                continue
            inner = 0
            own_words = False
            only = None
            mine = _item_tokens(sig)
            skipped = False
            for c in n.iter():
                if not c.is_element_node:
                    if c.text(strip=True):
                        own_words = True
                    continue
                if c.mem_id in found:
                    if not found[c.mem_id][1] and mine & _item_tokens(found[c.mem_id][2]):
                        # the same kind of wrapper again: a reply's, nested after the comment
                        # (wpDiscuz's ``div.wc-comment`` > ``div.wc-comment-right#comment-N`` +
                        # the replies' ``div.wc-comment`` boxes), not a second comment of its own
                        skipped = True
                        continue
                    inner += 1 if found[c.mem_id][1] else 2
                    only = c.mem_id
                elif c.mem_id not in above and c.text(strip=True) \
                        and not is_role_word(" ".join(c.text(separator=" ").split())):
                    own_words = True
                if inner > 2 or own_words:
                    break
            if inner == 1 and not own_words:
                del found[key]
                if skipped and only in found:
                    # (a wrapper that holds its replies' wrappers states the comment's level)
                    d = depth_from_classes(a.classes(n))
                    if d is not None:
                        levels[only] = d
            elif inner == 2 and not own_words and only in found and isinstance(sig[1], frozenset) \
                    and _item_classes(sig[1]):
                # Two class-named blocks, one the only child block of the other (``div.comment`` >
                # avatar + ``div.comment-container`` > name + words): one comment, read once, by
                # the outer block (its list of replies, if any, sits beside the inner one).
                del found[only]
        return levels

    @staticmethod
    def _drop_words_parts(page: Page, found: dict[int, tuple]) -> dict[int, object]:
        """A comment-named block inside another comment that has no name or date part of its own
        and no comment inside (``div.comment-comment`` holding the words of
        ``div.comment-list-item``) is that comment's words, not a reply. So is a block marked
        only by ``itemprop=comment`` (no number of its own): themes print the microdata on the
        comment's body field (``article.comment`` > header + ``div.field-name-comment-body
        [itemprop=comment]``), and a reply always shows its own name or date. That body is the
        outer comment's words (returned: outer block id -> body; the header's "on" between name
        and date is not words)."""
        a = page.attrs
        above = _ancestors(found)
        bodies: dict[int, object] = {}
        for key, (n, strong, _) in list(found.items()):
            if strong and not _typed_only(n, a):
                continue
            outer = next((p for p in _up(n.parent, 12) if p is not None and p.mem_id in found), None)
            if key in above or outer is None:
                continue
            if strong and not found[outer.mem_id][1]:
                continue  # microdata on a block inside a class-only box: the box may be a region
            if _has_name_part(n, a) or any(re.search(r"(?:^|[-_])(?:date|time)$", c)
                                            for d in n.css("[class]") for c in a.classes(d)) \
                    or n.css_first("time, a[href*='user'], a[href*='member'], a[href*='profile']") is not None:
                continue
            del found[key]
            if strong:
                bodies.setdefault(outer.mem_id, n)
        return bodies

    @staticmethod
    def _drop_reply_wrappers(page: Page, found: dict[int, tuple]) -> None:
        """The box that holds a comment's replies (``div.reply-wrap`` > ``div.reply-item`` x N,
        as two-level comment components print them) is named like a reply but is their list: a
        reply-named block with found blocks inside and no words outside them."""
        a = page.attrs
        for key, (n, strong, _) in list(found.items()):
            cls = a.classes(n)
            if strong or _item_classes(cls) or not any(_REPLY_ITEM.match(c) for c in cls):
                continue
            inner = [c for c in n.iter() if c.is_element_node and c.mem_id in found]
            if not inner:
                continue
            if all(c.mem_id in found or not (c.text(strip=True) if c.is_element_node else (c.text() or "").strip())
                   for c in n.iter()):
                del found[key]

    @staticmethod
    def _widen_words_parts(page: Page, found: dict[int, tuple]) -> dict[int, object]:
        """A class-named block that holds only a comment's words (``div.comment`` > the words and
        a reply link, with the name and the date printed beside it in the row around it:
        ``tr.comtr`` > ... > ``span.comhead`` + ``div.comment``; ``div.row.reply2`` >
        ``span.heading`` + ``div.content`` > ``div.comment``) is widened to its own box: the
        largest element around it holding no other found block, below one holding several
        (``dom.own_blocks``), when that box holds a header (a name or a date part, outside the
        block) and the block holds neither. The box then states the depth and the author; the
        block stays its words (returned: box id -> block)."""
        a = page.attrs
        entries = list(found.items())
        words: dict[int, object] = {}
        if len(entries) < 2:
            return words
        boxes = own_blocks([n for _, (n, _, _) in entries], 8)
        kinds: dict[tuple, list] = {}
        for (key, (n, strong, sig)), box in zip(entries, boxes):
            if strong or box is None or box.mem_id in found \
                    or box.tag in _NOT_BLOCKS or box.tag in ("td", "dd", "tbody", "thead"):
                continue
            # The header is short: a box with much more than the words besides (a page's header,
            # a promo column around a one-line teaser) is a region, not the comment's row.
            if len(box.text(separator=" ", strip=True)) > len(n.text(separator=" ", strip=True)) + _HEADER_MAX:
                continue
            if _bounded_find(n, lambda d: _header_part(d, a), skip=None) is not False:
                continue  # the block has its own name or date: a whole comment
            if _bounded_find(box, lambda d: _header_part(d, a), skip=n.mem_id) is not True:
                continue
            kinds.setdefault(sig, []).append((key, n, box, strong, sig))
        for rows in kinds.values():
            if len(rows) < 2:
                continue  # words blocks of one kind repeat, each in its row: one alone is not a list
            for key, n, box, strong, sig in rows:
                # (the kind stays the words block's: rows of one list differ in state classes,
                # "row rowbury", "row rowguest", that the words blocks do not carry)
                del found[key]
                found[box.mem_id] = (box, strong, sig)
                words[box.mem_id] = n
        return words

    @staticmethod
    def _drop_list_boxes(page: Page, found: dict[int, tuple]) -> None:
        """A news site's list of comments numbered with the article's id (``div.comments#comments_681540``
        around ``div.comment_item#comment_N`` blocks) is the list, not a comment: a block with a
        plural ``comments`` id, no comment-item class of its own and two or more numbered blocks
        inside."""
        a = page.attrs
        for key, (n, strong, sig) in list(found.items()):
            nid = a.id(n).lower()
            if not strong or not re.match(r"^comments[-_]?\d+$", nid):
                continue
            if any(_ITEM_CLASS.match(c) and c not in ("comments",) for c in a.classes(n)):
                continue
            inside = 0
            for d in n.traverse():
                if d.mem_id != n.mem_id and d.mem_id in found and found[d.mem_id][1]:
                    inside += 1
                    if inside >= 2:
                        del found[key]
                        break

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        root = page.root
        found: dict[int, tuple] = {}
        for n in root.css("[id], [class*='omment'], [class*='ommentaire'], [class*='omentario'], [class*='eply'], [class*='nswer'], "
                          "[itemprop='comment'], [itemtype*='Comment'], [class*='reaction']"):
            nid = a.id(n)
            if n.tag in _NOT_BLOCKS and not (n.tag in ("ul", "ol") and _LIST_COMMENT_ID.match(nid)):
                continue
            cls = a.classes(n)
            strong = _numbered(nid) is not None or _typed_comment(n, cls, a)
            if not strong and not _item_classes(cls) and not reply_block(n, cls, a) \
                    and _component_words(n, cls, a) is None:
                continue
            if any(_MORE_STUB.search(c) for c in cls):
                continue  # "28 more comments from ...": a stub that loads hidden replies
            if not strong and not any(c.is_element_node for c in n.iter()) and any(
                    c.endswith("reaction") for c in cls) and not any(
                    _ITEM_CLASS.match(c) and "reaction" not in c for c in cls):
                continue  # a "What's your reaction?" label (a vote panel's title), no parts
            # Drupal's templates print ``<a id="comment-N"></a>`` right before each comment: a
            # comment-like block named by such an anchor counts even when it is the only one of
            # its kind (a single reply block among top-level ones).
            strong = strong or _anchor_before(n, a) is not None
            sig = _signature(n, cls)
            found[n.mem_id] = (n, strong, sig)
        for n, key in self._data_id_blocks(page):
            if n.mem_id not in found:
                found[n.mem_id] = (n, True, ("data-id", key))
        anchored = self._anchored_blocks(page)
        if found and anchored:
            above = _ancestors(found)  # ancestors of the marked blocks: not comments themselves
            anchored = [(n, k) for n, k in anchored if n.mem_id not in above]
        for n, key in anchored:
            if n.mem_id not in found:
                found[n.mem_id] = (n, True, ("anchored", key))
        for n, key, depth in self._numbered_anchor_siblings(page, found):
            found[n.mem_id] = (n, True, ("anchored-sibling", key, depth))
        parts = self._part_blocks(page)
        if parts:
            # Only where no block was found by its name: never a second, nested item for one
            # comment (a wrapper around a named block, or a part block inside one).
            named = set(found)
            above = _ancestors(found)
            for n in parts:
                if n.mem_id in above or n.mem_id in named:
                    continue
                if not any(p.mem_id in named for p in ancestors(n)):
                    found[n.mem_id] = (n, True, ("parts", n.tag))
        if not found:
            return []
        headed = self._drop_header_anchors(page, found)
        self._widen_to_list_item(page, found)
        levels = self._drop_item_wrappers(found, a)
        self._drop_reply_wrappers(page, found)
        bodies = self._drop_words_parts(page, found)
        self._drop_list_boxes(page, found)
        widened = self._widen_words_parts(page, found)
        widened.update((k, v) for k, v in bodies.items() if k in found and k not in widened
                       and v.text(strip=True))
        quotes = self._quoted_copies(page, found)
        counts = Counter(sig for _, _, sig in found.values())
        # The item class tokens of the numbered blocks (two or more of one kind): a block of the
        # same tag and item class printed once elsewhere, without the number (a featured or
        # "pundits" box above the list showing one comment in the list's own markup), is the same
        # kind of comment.
        strong_items = Counter((sig[0], c) for _, strong, sig in found.values()
                               if strong and isinstance(sig[1], frozenset)
                               for c in sig[1] if _ITEM_CLASS.match(c) and not _PART.search(c))
        out: list[Item] = []
        keys: set[str] = set()
        # Blocks that repeat (or are marked): a lone reply-shaped block inside one of them, with
        # its own name and words parts, is that comment's only reply (a thread of one reply).
        repeated = {k for k, (_, strong, sig) in found.items() if strong or counts[sig] >= 2}
        for n, strong, sig in found.values():
            if not strong and counts[sig] < 2 and not _lone_comment(n, sig[1], a) \
                    and _component_words(n, a.classes(n), a) is None and not (
                    isinstance(sig[1], frozenset) and any(
                        strong_items[(sig[0], c)] >= 2 for c in sig[1]) and _shown_not_preview(n, a)) \
                    and not _only_reply(n, repeated, a):
                continue
            if sig[0] in ("anchored", "data-id"):
                out.append(Item(n, self.name, f"comment-{sig[1]}"))
                continue
            if sig[0] == "anchored-sibling":
                out.append(Item(n, self.name, f"comment-{sig[1]}", depth=sig[2]))
                continue
            num = _numbered(a.id(n)) or _anchor_before(n, a) or headed.get(n.mem_id)
            # (or its post's id: NodeBB's ``li[component=post][data-pid]``, which its replies'
            # "in reply to" buttons name)
            data = a.get(n, "data-id") or a.get(n, "data-pid") or a.get(n, "data-post-id")
            if not num and data.isdigit() and len(data) >= 3:
                # A news site's own list (``li.comment-item[data-id]``) printed again in a second
                # list (hot / all / members): one comment, read once.
                if data in keys:
                    continue
                keys.add(data)
                num = data
            depth = depth_from_classes(a.classes(n))
            collapsed = any(_COLLAPSED.search(c) for c in a.classes(n))
            if depth is None:
                depth = _wrapper_depth(n, found, a)
            if depth is None:
                depth = levels.get(n.mem_id)
            extra = _split_body(n, a) if num and strong else []
            words = next((w for w in (x.css_first(f"[id^='{a.id(n)}_']") for x in extra) if w is not None), None)
            if words is None and not extra:
                words = widened.get(n.mem_id) or _component_words(n, a.classes(n), a)
            out.append(Item(n, self.name, f"comment-{num}" if num else "", extra_nodes=extra, content=words,
                            depth=depth,
                            # a collapsed comment prints its header only: kept as a shell
                            placeholder=HIDDEN if collapsed else None, header_shown=collapsed,
                            not_text=quotes.get(n.mem_id, [])))
        split = {x.mem_id for it in out for x in it.extra_nodes}
        if split:  # a block inside another comment's body block is that comment's part
            out = [it for it in out if not any(p.mem_id in split for p in _up(it.node, 8))]
        if len(out) >= 2 and all(it.depth is None for it in out):
            # A flat list that states no depth in classes may state it by indentation.
            depths = indent_depths(page, [it.node for it in out])
            for it, d in zip(out, depths or ()):
                it.depth = d
        return out

    @staticmethod
    def _drop_header_anchors(page: Page, found: dict[int, tuple]) -> dict[int, str]:
        """A heading that carries the comment's id (``div.comment`` > ``h3#comment-5`` with the
        avatar and the name, then the words: a theme's own comment callback) is the header of
        the comment block around it, not a comment of its own: it is dropped, and the block
        takes its number (block -> number)."""
        out: dict[int, str] = {}
        for k, (n, _, _) in list(found.items()):
            num = _numbered(page.attrs.id(n)) if n.tag in _HEADINGS else None
            if num is None:
                continue
            block = next((p for p in _up(n.parent, 3) if p.mem_id in found), None)
            if block is not None and block.mem_id not in out:
                del found[k]
                out[block.mem_id] = num
        return out

    @staticmethod
    def _quoted_copies(page: Page, found: dict[int, tuple]) -> dict[int, list]:
        """A comment block printed inside another one BEFORE that one's own words is the comment
        it answers, quoted (Chinese news sites print a reply as ``li.comment-item`` > the quoted
        ``div.comment-box`` > its words, then the reply's own ``div.comment-txt``): a quote, not a
        reply (a reply is printed after the words it answers). Dropped from ``found``; the
        outer block's id -> the quote elements to leave out of its text."""
        a = page.attrs
        out: dict[int, list] = {}
        content = frozenset(roles.CONTENT)
        for key, (n, _, _) in list(found.items()):
            outer = next((p for p in ancestors(n) if p.mem_id in found), None)
            if outer is not None and _words_follow(n, outer, found, content, a):
                out.setdefault(outer.mem_id, []).append(n)
                del found[key]
        return out


def _drop_body_block(n, found: dict[int, tuple], above: set[int], a) -> int | None:
    """A strong (numbered or marked) comment block whose only child block is a class-named one,
    or a marked one without a comment number of its own, and that holds no words
    of its own beside it and the lists of its replies (WordPress's ``li.comment#comment-N`` >
    ``div.the-comment`` (name, date, words) + ``ul.children``; Genesis' ``li.comment#comment-N``
    > ``article[itemtype=.../Comment]#article-comment-N``): the child block is the comment's
    body, not a reply to it, and the outer block reads it."""
    only = None
    for c in n.iter():
        if not c.is_element_node:
            if c.text(strip=True):
                return
            continue
        if c.mem_id in found:
            # (a child with a comment number of its own, ``div#comment-N`` in ``li#li-comment-N``,
            # is the same comment wrapped twice: the engine reads it once by that number)
            if only is not None or found[c.mem_id][1] and _numbered(a.id(c)):
                return
            only = c.mem_id
        elif c.mem_id not in above and c.text(strip=True):
            return
    if only is not None:
        del found[only]
    return only


def _item_tokens(sig) -> frozenset[str]:
    """The comment-item class tokens of a block's kind (``wc-comment`` of ``div.wc-comment.wc-reply``)."""
    if not isinstance(sig, tuple) or len(sig) < 2 or not isinstance(sig[1], frozenset):
        return frozenset()
    return frozenset(c for c in sig[1] if _item_classes(frozenset({c})))


def _drop_wrapped_body(n, found: dict[int, tuple], above: set[int], strong_above: set[int]) -> int | None:
    """``_drop_body_block`` one wrapper further down: a strong comment block whose only class-named
    block sits in a wrapper beside the avatar (WordPress themes' ``li.comment#comment-N`` >
    ``div.the-comment`` > ``div.avatar`` + ``div.comment-box`` (name, date, words), then
    ``ul.children``). The wrappers walked hold no strong block (a list of replies is not entered)
    and no words outside the one weak block; that block is the comment's body, not a reply."""
    only = None
    stack = [c for c in n.iter()][::-1]
    while stack:
        c = stack.pop()
        if not c.is_element_node:
            if (c.text() or "").strip():
                return None
            continue
        if c.mem_id in found:
            if found[c.mem_id][1] or only is not None:
                return None
            only = c.mem_id
        elif c.mem_id in strong_above:
            continue  # the list of its replies
        elif c.mem_id in above:
            stack.extend([d for d in c.iter()][::-1])
        elif c.text(strip=True):
            return None
    if only is not None:
        del found[only]
    return only


def _box_with_author(n, found: dict[int, tuple], authors: frozenset[str], a):
    """The nearest element above a words-only block (three levels at most) that holds a
    commenter's part beside it and no other found block, or None. Only for blocks named as a
    comment's words (``comment-post``, ``comment-text``...)."""
    if not any(c in _WORDS_ONLY for c in a.classes(n)):
        return None
    box = n.parent
    for _ in range(3):
        if box is None or not box.is_element_node or box.mem_id in found or box.tag in ("body", "html"):
            return None
        if _bounded_find(box, lambda d: d.mem_id in found, skip=n.mem_id) is not False:
            return None
        if _bounded_find(box, lambda d: bool(a.classes(d) & authors), skip=n.mem_id) is True:
            return box
        box = box.parent
    return None


# The words part of a comment named like a comment block (a theme's ``div.comment-post``)
_WORDS_ONLY = frozenset({"comment-post", "comment-entry"})


def _up(n, k: int):
    p = n
    for _ in range(k):
        if p is None:
            return
        yield p
        p = p.parent


def _split_body(n, a) -> list:
    """A comment printed as two sibling blocks, the header (``table#comment5``: name, date) and
    the body, whose parts are named after the header's id (``div#comment5_show``): the body block."""
    nid = a.id(n)
    sib = n.next
    while sib is not None and not sib.is_element_node:
        sib = sib.next
    if sib is None or sib.tag != n.tag or a.id(sib):
        return []
    if n.css_first(f"[id^='{nid}_']") is not None or sib.css_first(f"[id^='{nid}_']") is None:
        return []
    return [sib]


def _wrapper_depth(n, found: dict[int, tuple], a, climb: int = 4) -> int | None:
    """The depth a one-comment wrapper states: a flat list of ``div.thread--level-N`` boxes, or
    of rows (``div.row.reply2``) around a comment's parts where the found block is only the
    words part (``div.row`` > ``div.content`` > ``div.comment``), each holding one comment. The
    level class of the nearest box above the block (``climb`` levels at most) that holds no other
    found block."""
    p = n.parent
    for _ in range(climb):
        if p is None or not p.is_element_node or p.tag not in ("div", "li", "section", "article", "tr") \
                or p.mem_id in found:
            return None
        if sum(1 for c in p.iter() if c.is_element_node and c.mem_id in found) > 1 \
                or _bounded_find(p, lambda d: d.mem_id in found and d.mem_id != n.mem_id,
                                 skip=n.mem_id) is not False:
            return None
        d = depth_from_classes(a.classes(p))
        if d is not None:
            return d
        p = p.parent
    return None


_HEADER_MAX = 400  # characters a comment's header (name, date, counters, links) may add to its words
_HEADER_CLASSES = frozenset(roles.AUTHOR) | frozenset(roles.DATE) | frozenset({
    "author", "user", "date", "time", "heading", "comhead", "byline", "meta", "hnuser", "age"})
_PROFILE_HREF = re.compile(r"/(?:profiles?|members?|users?|u|author)(?:[/.]|$)|(?:member|profile)\.php|"
                           r"(?:^|/)(?:user|users|profile|member)\?|[?&](?:u|user|userid|uid)=", re.I)


def _header_part(d, a) -> bool:
    """A comment header's part: a ``time``, an element whose class names an author or a date,
    or a link to a profile."""
    if d.tag == "time":
        return True
    if a.classes(d) & _HEADER_CLASSES:
        return True
    return d.tag == "a" and bool(_PROFILE_HREF.search(a.get(d, "href")))


_SPACER = re.compile(r"(?:^|/)(?:s|spacer|blank|pixel|clear|transparent|trans|1x1|dot)\.(?:gif|png)$", re.I)
_PADDING_LEFT = re.compile(r"padding-left\s*:\s*(\d+(?:\.\d+)?)", re.I)


def _indent_of(n, a, budget: int = 12) -> float | None:
    """How far a comment's block is indented: an inline ``margin-left``/``padding-left`` on the
    block, an ``indent`` attribute (a table cell's ``td[indent=N]``) or a spacer image's width
    (``img[src$='s.gif'][height=1][width=40]``) among its first elements; None when it states none."""
    style = a.get(n, "style") or ""
    margin, padding = _MARGIN_LEFT.search(style), _PADDING_LEFT.search(style)
    if margin or padding:
        return sum(float(m.group(1)) for m in (margin, padding) if m)
    for d in n.traverse():
        budget -= 1
        if budget < 0:
            break
        if d.mem_id == n.mem_id:
            continue
        ind = a.get(d, "indent")
        if ind.isdigit():
            return float(ind)
        if d.tag == "img" and _SPACER.search(a.get(d, "src")) and a.get(d, "height") in ("0", "1", "2"):
            # (a spacer is a line one pixel high; a square blank.gif is a lazy avatar's stand-in)
            w = a.get(d, "width")
            if w.isdigit():
                return float(w)
    return None


def indent_depths(page, blocks: list) -> list[int] | None:
    """0-based depths of a flat list of comment blocks from their indentation (``_indent_of``):
    the indentation's multiple of the smallest step between two values (or its rank, where the
    values are not multiples), the least indented at depth 0. None unless every block states an
    indentation (but one or two lead blocks before the tree, read as top level), two or more
    values differ, and no block is inside another."""
    a = page.attrs
    if len(blocks) < 2:
        return None
    ids = {b.mem_id for b in blocks}
    if any(p.mem_id in ids for b in blocks for _, p in zip(range(60), ancestors(b))):
        return None  # nested: the nesting gives the depth
    values = [_indent_of(b, a) for b in blocks]
    # A lead block printed before the indented tree (the comment a "comment permalink" page is
    # about, in the page's own item table, or an opening post in comment markup) states no
    # indentation: it is top level, when the tree after it states one on every block.
    lead = next((i for i, v in enumerate(values) if v is not None), len(values))
    if 0 < lead <= 2 and len(values) - lead >= 4 * lead:
        values = values[lead:]
    else:
        lead = 0
    if any(v is None for v in values) or len(set(values)) < 2:
        return None
    low = min(values)
    levels = sorted(set(values))
    step = min(y - x for x, y in zip(levels, levels[1:]))
    if step > 0 and all(abs((v - low) / step - round((v - low) / step)) < 0.05 for v in values):
        return [0] * lead + [round((v - low) / step) for v in values]
    rank = {v: i for i, v in enumerate(levels)}
    return [0] * lead + [rank[v] for v in values]


def _words_follow(n, outer, found: dict[int, tuple], content: frozenset[str], a, budget: int = 400) -> bool:
    """Whether ``outer``'s own text part (a content-named element not inside another found block)
    comes after ``n``: the elements after ``n`` up to the end of ``outer``, walked in document
    order without entering found blocks, at most ``budget`` of them (a deep thread is never
    walked again for each of its comments)."""
    cur = n
    while cur is not None and cur.mem_id != outer.mem_id:
        sib = cur.next
        while sib is not None:
            if sib.is_element_node and sib.mem_id not in found:
                stack = [sib]
                while stack:
                    d = stack.pop()
                    budget -= 1
                    if budget <= 0:
                        return False
                    if a.classes(d) & content:
                        return True
                    c = d.last_child
                    while c is not None:
                        if c.is_element_node and c.mem_id not in found:
                            stack.append(c)
                        c = c.prev
            sib = sib.next
        cur = cur.parent
    return False


def _bounded_find(root, test, skip: int | None, budget: int = 600) -> bool | None:
    """True when an element below ``root`` (not in the subtree ``skip``) passes ``test``, False
    when none does, None when the walk ran over ``budget`` elements (too big to say)."""
    stack = []
    c = root.last_child
    while c is not None:
        if c.is_element_node:
            stack.append(c)
        c = c.prev
    while stack:
        d = stack.pop()
        if d.mem_id == skip:
            continue
        budget -= 1
        if budget <= 0:
            return None
        if test(d):
            return True
        c = d.last_child
        while c is not None:
            if c.is_element_node:
                stack.append(c)
            c = c.prev
    return False
