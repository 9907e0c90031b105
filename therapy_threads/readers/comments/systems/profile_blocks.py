"""The last fallback: repeated blocks that each hold a poster's profile link, a date and words.

Whatever its engine, a comment or forum post prints three things: who wrote it (most engines
link the name to the poster's profile: ``/user/NAME``, ``user?id=NAME``, ``/members/ID``,
``profile.php?u=ID``), when (a date or "3 hours ago" beside the name), and the words, after that
header. A page whose markup names none of them (no comment class or id, table rows, generated
class names) still repeats that shape once per comment. A block is the largest element around
one profile link that holds no other (``dom.own_blocks``), below a common element holding
several; a block counts when its header (the link's line, a few elements up) states a date or
a relative time, and an element after that header holds words. Three such blocks of one kind
(tag and class signature) at least, the largest group on the page; a block that holds a form is
the post's own box (its comment form), never a comment.

Replies: a block nested in another is its reply (the engine's nesting). Flat lists state the
depth by indentation instead, read by ``systems.generic.indent_depths`` (a spacer image's width,
an ``indent`` attribute, an inline ``margin-left``/``padding-left``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..._dates import when_from_text
from .. import roles
from ..base import CommentSystem, Item, Page
from ..cleanup import is_counter_line, is_relative_time, is_reply_word
from ..dom import ancestors, element_children, own_blocks, stripped_text
from .generic import indent_depths
from .topic_page import FORUM_PAGE, is_later_page, states_later_page

_PROFILE = roles.PROFILE_HREF  # a link to a person's profile (the engine's author link)
_MAX_NAME = 60
_MAX_HEADER = 160
_MIN_WORDS = 2
_MIN_BLOCKS = 3
_CLIMB = 14


def _profile_link(page: Page, a) -> bool:
    href = page.attrs.get(a, "href") or ""
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    t = stripped_text(a) or ""
    return 2 <= len(t) <= _MAX_NAME and bool(_PROFILE.search(href))


def _dated_header(page: Page, link, block):
    """The smallest element around ``link`` (inside ``block``) whose short text states a date or
    a relative time besides the name, or None."""
    name = stripped_text(link) or ""
    h = link.parent
    while h is not None and h.mem_id != block.mem_id:
        t = " ".join((h.text(separator=" ") or "").split())
        if len(t) > _MAX_HEADER:
            return None
        rest = t.replace(name, " ", 1)
        for part in re.split(r"\s[|•·]\s|\s[-–—]\s|\|", rest):
            part = part.strip(" ,;:()[]")
            if len(part) >= 4 and (is_relative_time(part) or when_from_text(part, page.languages)):
                return h
        h = h.parent
    return None


def _words_after(header, block):
    """The first element after ``header`` (its later siblings, then its ancestors' up to the block)
    with words of its own: not a "Reply" link, a counter or a time."""
    h = header
    while h is not None and h.mem_id != block.mem_id:
        s = h.next
        while s is not None:
            if s.is_element_node and s.tag not in ("script", "style", "form", "button"):
                t = " ".join((s.text(separator=" ") or "").split())
                if len(t) >= _MIN_WORDS and not is_reply_word(t) and not is_counter_line(t) \
                        and not is_relative_time(t):
                    return s
            s = s.next
        h = h.parent
    return None


def _signature(page: Page, n) -> tuple:
    return (n.tag, frozenset(c for c in page.attrs.classes(n) if not re.search(r"\d", c)))


# Regions and blocks that list other posts (widgets, teasers, menus), never this post's comments.
_ELSEWHERE = re.compile(r"sidebar|widget|recent|related|popular|footer|menu|hentry|type-post|teaser|"
                        r"post-meta|cookie", re.I)
_ELSEWHERE_TAGS = frozenset({"nav", "aside", "footer", "header"})


def _elsewhere(page: Page, block, climb: int = 10) -> bool:
    for n in [block, *[p for _, p in zip(range(climb), ancestors(block))]]:
        if n.tag in _ELSEWHERE_TAGS or _ELSEWHERE.search(page.attrs.get(n, "class") or "") \
                or _ELSEWHERE.search(page.attrs.id(n) or ""):
            return True
    return False


def _groups(page: Page, dated: bool = True) -> list[tuple]:
    """The largest group of blocks of one kind around one profile link each, every one holding
    words after its header (and a date in it, when ``dated``): [(block, link, words), ...]."""
    links = [a for a in page.root.css("a[href]") if _profile_link(page, a)]
    if len(links) < 2:
        return []
    # One link per block: a block holding two (the name, and the same name on the avatar or a
    # "reply to NAME" link) stands as the largest element around the first holding no other.
    blocks = own_blocks(links, _CLIMB)
    groups: dict[tuple, list] = defaultdict(list)
    seen: set[int] = set()
    for link, block in zip(links, blocks):
        if block is None or block.mem_id in seen or block.tag in _INLINE:
            continue
        seen.add(block.mem_id)
        header = _dated_header(page, link, block) if dated else link
        if header is None:
            continue
        words = _words_after(header, block)
        if words is None:
            continue
        # The post's box with its comment form, and a post teaser with its title (a blog's
        # listing: "by NAME on DATE" and an excerpt under an h2) are not comments.
        if block.css_first("form, textarea, input[type='text'], h1, h2, h3") is not None \
                or _elsewhere(page, block):
            continue
        groups[_signature(page, block)].append((block, link, words))
    return max(groups.values(), key=len) if groups else []


_INLINE = frozenset({"a", "span", "p", "b", "strong", "font", "small", "em", "i", "cite", "label"})


def unread_profile_blocks(root, attrs, languages: tuple[str, ...] = (),
                          dated: bool = True) -> tuple[str, int] | None:
    """For the "no silent loss" check: the largest group of repeated blocks (two or more) around a
    poster's profile link with a date beside it (or not, unless ``dated``) and words after it, as
    ("tag.class", count)."""
    best = _groups(Page(root=root, attrs=attrs, url=None, languages=languages), dated=dated)
    if len(best) < 2:
        return None
    block = best[0][0]
    cls = ".".join(sorted(c for c in attrs.classes(block) if not re.search(r"\d", c))[:2])
    return (f"{block.tag}.{cls}" if cls else block.tag), len(best)


_TITLE_WORDS = re.compile(r"[^\W\d_]{2,}")
_SKIP_LEAVES = frozenset({"script", "style", "option", "title", "noscript", "template", "button"})


def _titled(block) -> bool:
    """The block opens with a title (an ``h1``-``h3`` of three words or more: a post teaser in
    a listing), not a post's header line ("#1 2010-11-12 12:00"). A post's subject printed after
    its poster's header (a Q&A answer's "name, status, then an h3 of its own", a forum post's
    "Re: ..." under the name) is the post's own, not a teaser's, unless it links to another page
    (a teaser's title is the link to the page it teases)."""
    h = block.css_first("h1, h2, h3")
    if h is None or len(_TITLE_WORDS.findall(h.text(separator=" ") or "")) < 3:
        return False
    if any(_links_elsewhere(a) for a in h.css("a[href]")):
        return True
    for n in block.traverse(include_text=True):
        if n.mem_id == h.mem_id:
            return True  # nothing with words before it: the block opens with it
        if n.tag == "-text" and _TITLE_WORDS.search(n.text_content or "") \
                and n.parent is not None and n.parent.tag not in _SKIP_LEAVES:
            return False
    return True


def _links_elsewhere(a) -> bool:
    """A link to another page: not a fragment (a post's own permalink, ``#p123``,
    ``/comment/5#comment-5``) and not a script."""
    href = (a.attributes.get("href") or "").strip()
    return bool(href) and "#" not in href and not href.lower().startswith(("javascript:", "mailto:"))


# Class tokens that state a post's state or place, not its kind ("rowodd", "firstpost", "unread").
_STATE = re.compile(r"odd|even|alt$|first|last|new|unread|highlight|selected|active|sticky|deleted|"
                    r"hidden|collapsed|expanded|online|offline")


# Alternate rows numbered as two kinds of one (SMF's ``windowbg``/``windowbg2``, phpBB's
# ``bg1``/``bg2``, ``row1``/``row2``): one kind.
_ALTERNATE = re.compile(r"^([a-z]{2,})[12]$")


def _kind(page: Page, n) -> tuple:
    out = set()
    for c in page.attrs.classes(n):
        if re.search(r"\d", c):
            m = _ALTERNATE.match(c)
            c = m.group(1) if m else ""
        if c and not _STATE.search(c):
            out.add(c)
    return (n.tag, frozenset(out))


# (a name's kind before "name": IPB's ``span.normalname``, ``displayname``, ``nickname``)
_NAME_CLASS = re.compile(r"(?:^|[-_])(?:author|user|username|[a-z]*name|nick|poster|member|postauthor|"
                         r"commenter|by)(?:$|[-_])", re.I)


def _names_someone(page: Page, block, budget: int = 300) -> bool:
    """The block prints a poster: a profile link, an element whose class names an author or a
    user, or a short bold name (``strong``/``b`` of one to four words) of its own."""
    return poster_node(page, block, budget) is not None


def poster_node(page: Page, block, budget: int = 300):
    """The element that prints the block's poster (the first profile link, element whose class
    names an author or a user, or short bold name of its own), or None."""
    for d in block.traverse():
        budget -= 1
        if budget < 0:
            return None
        if not d.is_element_node:
            continue
        if d.tag == "a" and _PROFILE.search(page.attrs.get(d, "href") or ""):
            return d
        if any(_NAME_CLASS.search(c) for c in page.attrs.classes(d)):
            return d
        if d.tag in ("strong", "b") and 1 <= len((d.text() or "").split()) <= 4 \
                and any(True for _ in element_children(d)) is False and _TITLE_WORDS.search(d.text() or ""):
            return d
    return None


def _repeated_ancestors(page: Page, d, kinds: dict[int, Counter], climb: int = 12):
    """The block elements above ``d``, nearest first, that are each one of three or more siblings
    of their kind (tag and class signature): one post of a list of posts, whatever else (a
    registration date, an "edited" note) it prints beside its date. A post printed as a table of
    rows (header, words, buttons) repeats its rows too: the row with the date is the nearest,
    the post's table the next."""
    e = d.parent
    for _ in range(climb):
        if e is None or not e.is_element_node or e.tag in ("body", "html"):
            return
        par = e.parent
        if e.tag not in _INLINE and par is not None and par.is_element_node:
            sig = _kind(page, e)
            if par.mem_id not in kinds:
                kinds[par.mem_id] = Counter(_kind(page, c) for c in element_children(par))
            if kinds[par.mem_id][sig] >= _MIN_BLOCKS:
                yield e
        e = par


def _links_away(page: Page, a) -> bool:
    href = page.attrs.get(a, "href")
    return bool(href) and not href.startswith(("#", "javascript:"))


def _own_words(n) -> str:
    """The text of an element's own text nodes (not its children's): the date after a label in
    ``<span><b>Posted:</b> 12.03.2009 - 14:22</span>``."""
    parts = []
    c = n.child
    while c is not None:
        if c.tag == "-text":
            parts.append(c.text_content or "")
        c = c.next
    return " ".join(" ".join(parts).split())


def unread_dated_blocks(root, attrs, languages: tuple[str, ...] = ()) -> tuple[str, int] | None:
    """For a page nothing was read from: the largest group (three or more) of repeated blocks of
    one kind around one shown date each (a ``time``, or an element whose short words are a date
    or a relative time), with words after that date (15 characters or more) and no form or
    title: the posts of an engine no reader knows, as ("tag.class", count)."""
    page = Page(root=root, attrs=attrs, url=None, languages=languages)
    best = dated_block_groups(page)
    if not best:
        return None
    (tag, cls), blocks = max(best.items(), key=lambda kv: len(kv[1]))
    if len(blocks) < _MIN_BLOCKS:
        return None
    name = ".".join(sorted(cls)[:2])
    return (f"{tag}.{name}" if name else tag), len(blocks)


def dated_block_groups(page: Page) -> dict[tuple, list[tuple]]:
    """The repeated blocks of the page around one shown date each, by kind (tag and class
    signature): {kind: [(block, date element), ...]} in document order; a block is the nearest
    element above its date that is one of three or more siblings of its kind and holds 40
    characters or more besides the date, with a poster, no form and no title, outside sidebars
    and widgets."""
    languages = page.languages
    body = page.root.css_first("body")
    if body is None:
        return {}
    dates = []
    for d in body.traverse():
        if d.tag in _SKIP_LEAVES or d.tag == "-text" or not d.is_element_node:
            continue
        if d.tag != "time" and d.child is not None and any(True for _ in element_children(d)):
            # Not a leaf: a date after a label (``<b>Posted:</b> DATE``, the label a link to
            # the post itself) counts when the element's own words state it; a byline ("by
            # <a href=/author/x>X</a> on DATE") is a name's line, told by the profile blocks.
            own = _own_words(d)
            if 6 <= len(own) <= 60 and when_from_text(own, languages) \
                    and len(" ".join((d.text() or "").split())) <= 60 \
                    and not any(_links_away(page, x) for x in d.css("a[href]")):
                dates.append(d)
            continue  # leaves only (and ``time`` elements)
        t = " ".join((d.text() or "").split())
        if 6 <= len(t) <= 60 and (d.tag == "time" or is_relative_time(t) or when_from_text(t, languages)):
            dates.append(d)
    if len(dates) < _MIN_BLOCKS:
        return {}
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    seen: set[int] = set()
    kinds: dict[int, Counter] = {}  # parent -> signatures of its element children
    for d in dates:
        date_len = len(" ".join((d.text() or "").split()))
        for block in _repeated_ancestors(page, d, kinds):
            if block.mem_id in seen:
                break
            words = len(" ".join((block.text(separator=" ") or "").split())) - date_len
            if words < 40:
                continue  # a header row of a post's table: the post is further up
            seen.add(block.mem_id)
            if block.css_first("form, textarea, input[type='text']") is None and not _titled(block) \
                    and not _elsewhere(page, block) and _names_someone(page, block):
                groups[_kind(page, block)].append((block, d))
            break
    return groups


class ProfileBlocks(CommentSystem):
    name = "profile-blocks"
    order = 99  # the very last: only what no other reader read

    def find(self, page: Page) -> list[Item]:
        best = _groups(page)
        if len(best) < _MIN_BLOCKS:
            return []
        depths = indent_depths(page, [b for b, _, _ in best])
        out = [Item(block, self.name, "", author=stripped_text(link), content=words,
                    depth=depths[i] if depths else None)
               for i, (block, link, words) in enumerate(best)]
        if _forum_posting(page, best[0][0]) and not is_later_page(page, FORUM_PAGE) \
                and not states_later_page(page):
            # schema.org's forum post: on a topic's first page the first is the opening post,
            # the page's own post, not a comment.
            out[0].skip_reason = "thread_starter"
        return out


def _forum_posting(page: Page, block) -> bool:
    """The block is (or sits in, or opens with) a schema.org ``DiscussionForumPosting``."""
    near = [block, *[p for _, p in zip(range(2), ancestors(block))]]
    first = block.css_first("[itemtype]")
    if first is not None:
        near.append(first)
    return any(page.attrs.get(n, "itemtype").endswith("DiscussionForumPosting") for n in near)
