"""What a comment system recogniser is, and what it hands to the engine.

Each system (``wordpress.py``, ``wpdiscuz.py``, ...) is a small class that knows one family of
markup, derived from that system's own templates: which elements are comments, the comment's
key, and where the source states the parent or depth outright. Everything that is common to all
systems — scope, reply structure from nesting and indentation wrappers, author/date/text fields,
clean-up — lives in the engine, so a system only says what is specific to it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from .dom import Attrs


# Texts the engine gives a comment the page holds without words: an image-only comment, and a
# comment whose words the page leaves out (below a reading threshold). Counted and kept in the
# tree so that their replies keep their parent.
IMAGE_ONLY = "[image]"
# A comment whose whole body is an embedded player or post (an iframe: a video, a tweet, an
# Instagram post, a forum's media-embed BBCode): a comment like an image-only one.
EMBED_ONLY = "[embed]"
HIDDEN = "[hidden]"
# A comment whose body holds no words of its own: the commenter wrote only a subject line, or the
# body is only the member's standing signature (neither is the comment's text).
NO_WORDS = "[no text]"
PLACEHOLDERS = (IMAGE_ONLY, EMBED_ONLY, HIDDEN, NO_WORDS)


@dataclass(slots=True)
class Item:
    """One comment element found by a system."""

    node: LexborNode
    system: str
    key: str  # stable key inside the post, e.g. "comment-123"; "" = by position
    parent_key: str | None = None  # stated by the markup itself (an id, a "reply to" link)
    parent_stated: bool = False  # parent_key comes from the markup (None + True = top level)
    # The markup names a parent that is not on this page (a forum reply to a post on an earlier
    # page of the topic): the comment is at the top level here, and the reader says so.
    parent_elsewhere: bool = False
    depth: int | None = None  # stated depth (0 = top level), e.g. from depth-N classes
    skip_reason: str | None = None  # pingback, trackback, deleted: counted, not published
    is_post_author: bool | None = None
    author: str | None = None  # stated outright (``data-author``); otherwise found by role
    # The markup states that the post shows no author (Askbot's community-wiki answers print the
    # "wiki" badge where the user card goes): no name is looked for by role.
    authorless: bool = False
    extra_nodes: list[LexborNode] = field(default_factory=list)  # parts outside the element
    late: bool = False  # found after the systems' own lists (not in document order with them)
    content: LexborNode | None = None  # the text's element, when the markup marks it by attribute
    # Stands for the text of a comment the page holds without its words (Slashdot prints a
    # comment below the reader's threshold as an empty shell with its replies inside): it keeps
    # its place in the tree instead of being quarantined with its replies orphaned.
    placeholder: str | None = None
    # The placeholder's header is printed (a collapsed comment: author and age, no words): its
    # author and date are read as usual; only a part named as the words stands in for the text.
    header_shown: bool = False
    # Elements inside the text's element that are not the commenter's words, found by the system
    # from its own markup (a theme's author/date list beside the words, a reply-to marker).
    not_text: list[LexborNode] = field(default_factory=list)
    # The date's element, when the markup marks it by id or position rather than by a class
    # (Discuz!'s ``em#authorposton{PID}``, vBulletin 3's header cell).
    date: LexborNode | None = None
    # The template prints ``date`` day first whatever the page's language (Hugo's "02/01/2006"
    # layout in a theme's partial): "03/07/2019" is 3 July, not March 7.
    day_first: bool = False


@dataclass(slots=True)
class Page:
    root: LexborNode
    attrs: Attrs
    url: str | None
    languages: tuple[str, ...]
    raw_ids: set[str] | None = None  # comment ids the page text holds (declared.raw_comment_ids)

    def with_id(self, selector: str, pattern: re.Pattern, under: LexborNode | None = None,
                attr: str = "id") -> Iterator[tuple[LexborNode, re.Match]]:
        """The elements ``selector`` finds (below ``under``; the whole page by default) whose id
        (or the id-like attribute ``attr``: ``thingid``, ``data-fullname``) ``pattern`` matches
        from its start, in document order, each with its match (the id's number in a group).
        The rest are skipped: the loop every system runs over its comments' numbered ids."""
        get = self.attrs.get
        for n in (self.root if under is None else under).css(selector):
            m = pattern.match(get(n, attr))
            if m is not None:
                yield n, m


class CommentSystem:
    """A recogniser for one comment system's markup."""

    name: str = ""
    # Systems run in this order; an element claimed by an earlier system is not offered to a
    # later one (wpDiscuz and Epoch print WordPress classes too; the generic fallback is last).
    order: int = 50
    # Class tokens of this system's parts, tried before the engine's general ones. Fields are
    # found among the comment's own elements (not its replies'), so a lookup never walks the
    # subtree of a deep thread again.
    content_classes: tuple[str, ...] = ()
    author_classes: tuple[str, ...] = ()
    date_classes: tuple[str, ...] = ()
    like_classes: tuple[str, ...] = ()
    # Subtrees that are never comment text (labels, vote widgets, "reply to X", quotes...).
    meta_classes: frozenset[str] = frozenset()
    # Elements known by id only that are never comment text (a hidden copy of the post kept for
    # a "quote" button: ``div#post-quote-container-5``).
    meta_ids: re.Pattern | None = None

    def find(self, page: Page) -> list[Item]:
        raise NotImplementedError

    def post_author_classes(self) -> frozenset[str]:
        return frozenset()


_DEPTH_CLASS = re.compile(r"^(?:[a-z0-9-]+--)?(?:depth|level|comment-depth|comment-level|thread-depth|"
                          r"wpd_comment_level|wc_comment_level|indent|nest|nested)[-_]?(\d{1,3})$")
# A reply level counted from the first reply (the top level carries no such class): ModDB's flat
# ``div.row`` list marks its replies ``reply1`` and ``reply2``; the number is the 0-based depth.
_REPLY_LEVEL_CLASS = re.compile(r"^(?:[a-z0-9-]+--)?(?:reply|reply-level|reply_level|replylevel)[-_]?([1-9]\d?)$")


def level_number(classes: frozenset[str]) -> int | None:
    """The number of a ``depth-N`` / ``level-N`` style class as printed (not yet 0-based)."""
    for c in classes:
        m = _DEPTH_CLASS.match(c)
        if m:
            return int(m.group(1))
    return None


def depth_from_classes(classes: frozenset[str]) -> int | None:
    """0-based depth from ``depth-3`` / ``level-2`` / ``wpd_comment_level-1`` style classes (also
    as a BEM modifier: ``thread--level-2``), or from a reply level counted from the first reply
    (``reply1``, ``reply-2``: the top level unmarked)."""
    for c in classes:
        m = _DEPTH_CLASS.match(c)
        if m:
            d = int(m.group(1))
            return d - 1 if d >= 1 else 0
    for c in classes:
        m = _REPLY_LEVEL_CLASS.match(c)
        if m:
            return int(m.group(1))
    return None
