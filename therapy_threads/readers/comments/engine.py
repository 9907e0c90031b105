"""From a parsed page to the main post's comment thread: the one place all systems go through.

Steps, each linear in the size of the page (memoised ancestor walks, one pass per comment over
its own elements), so a thread nested 100,000 deep costs what a flat one does:

1. every recogniser in ``systems.SYSTEMS`` offers its comment elements; an element (or one inside
   it) already claimed by an earlier recogniser is not taken again, and a theme's double wrapper
   (``li#li-comment-5 > article#comment-5``) counts once;
2. scope: comments in a sidebar/widget ("Recent comments"), in navigation, or under another
   post's article (a teaser, an appended "next post") are counted as skipped, never published;
3. reply structure: a parent the markup states (wpDiscuz ids, Drupal "In reply to", Discourse,
   Epoch), else the nearest comment the element is nested in, or the comment a reply wrapper
   (``div.indented``, ``ul.children``...) follows; where the markup is flat but carries
   ``depth-N`` classes the depth stack gives the parent;
4. fields from the comment's own elements: author -> identity, date -> published_at and
   published_local, likes -> like_count, and the text without author, date, numbering, reply
   links and counters (``cleanup``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .._dates import When, when_from_machine, when_from_text
from ..html_text import node_text
from . import roles
from .base import CommentSystem, Item, Page
from .cleanup import clean_author, clean_comment_text, is_reply_word
from .dom import Attrs, memo_up, prev_element
from .systems import SYSTEMS

_BY_NAME: dict[str, CommentSystem] = {s.name: s for s in SYSTEMS}
_BY_NAME["jetpack"] = _BY_NAME["wordpress"]
_MARK = "data-tt-comment"

_OUT_OF_SCOPE_TOKENS = frozenset({"widget", "sidebar", "secondary", "widget-area", "widgets",
                                  "recentcomments", "teaser", "complementary"})
_OUT_OF_SCOPE_PREFIX = ("widget_", "widget-", "sidebar", "related", "popular", "latest-comments",
                        "top-comments", "most-commented", "recent-comments", "recent_comments",
                        "teaser", "rpwe", "jetpack_top")
_OUT_OF_SCOPE_TAGS = frozenset({"aside", "nav"})
_CONTAINER_CLASSES = frozenset({"hentry", "type-post", "blog-post", "post-outer", "h-entry",
                                "node-article", "node--type-article"})
_WRAPPER = frozenset(roles.REPLY_WRAPPER_WORDS)
_PERMALINK = re.compile(r"#comment-?\d+$|[?&]showComment=|#c\d{6,}$")


@dataclass(slots=True)
class RawComment:
    key: str
    parent_key: str | None
    text: str
    author: str | None
    author_url: str | None
    when: When | None
    like_count: int | None
    is_post_author: bool | None
    location: str
    system: str


@dataclass(slots=True)
class Thread:
    comments: list[RawComment] = field(default_factory=list)
    systems: Counter = field(default_factory=Counter)  # system -> comments read
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    depth_from_classes: int = 0
    other_sections: int = 0

    @property
    def system(self) -> str | None:
        return self.systems.most_common(1)[0][0] if self.systems else None


def extract_thread(root: LexborNode, attrs: Attrs, *, url: str | None = None,
                   languages: tuple[str, ...] = ()) -> Thread:
    page = Page(root=root, attrs=attrs, url=url, languages=languages)
    items = _collect(page)
    thread = Thread()
    if not items:
        return thread
    _order(page, items)
    items = _scope(page, items, thread)
    if not items:
        return thread
    by_id = {it.node.mem_id: it for it in items}
    own = _own_elements(items, by_id)
    parents = _structure(page, items, by_id, thread)
    for i, it in enumerate(items):
        if it.skip_reason:
            thread.skipped[it.skip_reason] += 1
            continue
        rc = _read_fields(page, it, own[it.node.mem_id], by_id, parents[i], i)
        thread.comments.append(rc)
        thread.systems[it.system] += 1
    return thread


# --------------------------------------------------------------------------- 1. collect

def _collect(page: Page) -> list[Item]:
    claimed: dict[int, Item] = {}
    out: list[Item] = []
    for system in SYSTEMS:
        found = system.find(page)
        if not found:
            continue
        memo: dict[int, object] = {}
        fresh: list[Item] = []
        seen: set[int] = set()
        for it in found:
            nid = it.node.mem_id
            if nid in claimed or nid in seen:
                continue
            inside = memo_up(it.node, memo, lambda n: True if n.mem_id in claimed else None)
            if inside:
                continue
            seen.add(nid)
            fresh.append(it)
        fresh = _drop_double_wraps(fresh)
        for it in fresh:
            claimed[it.node.mem_id] = it
        out.extend(fresh)
    return out


def _drop_double_wraps(items: list[Item]) -> list[Item]:
    """A theme wrapping one comment twice (same key) yields the outer element only."""
    ids = {it.node.mem_id: it for it in items}
    memo: dict[int, object] = {}
    kept: list[Item] = []
    for it in items:
        p = it.node.parent
        anc = memo_up(p, memo, lambda n: ids.get(n.mem_id)) if p is not None else None
        if isinstance(anc, Item) and anc.key and anc.key == it.key:
            continue
        kept.append(it)
    return kept


# --------------------------------------------------------------------------- 2. scope

def _out_of_scope_reason(page: Page, n: LexborNode) -> str | None:
    a = page.attrs
    if n.tag in _OUT_OF_SCOPE_TAGS:
        return "out_of_scope"
    role = a.get(n, "role")
    if role in ("complementary", "navigation"):
        return "out_of_scope"
    for tok in a.classes(n) | {a.id(n).lower()}:
        if tok in _OUT_OF_SCOPE_TOKENS or tok.startswith(_OUT_OF_SCOPE_PREFIX):
            return "out_of_scope"
    return None


def _container(page: Page, n: LexborNode) -> LexborNode | None:
    a = page.attrs
    if n.tag == "article" or a.classes(n) & _CONTAINER_CLASSES:
        return n
    itemtype = a.get(n, "itemtype")
    if itemtype and ("BlogPosting" in itemtype or "NewsArticle" in itemtype
                     or itemtype.endswith("/Article")):
        return n
    return None


def _scope(page: Page, items: list[Item], thread: Thread) -> list[Item]:
    item_ids = {it.node.mem_id for it in items}
    scope_memo: dict[int, object] = {}
    container_memo: dict[int, object] = {}
    containers: dict[int, LexborNode] = {}
    cont_of_item: dict[int, int | None] = {}
    per_item: list[tuple[Item, int | None]] = []

    def container_or_item(n: LexborNode) -> object:
        if n.mem_id in item_ids:
            return ("item", n.mem_id)  # a nested comment belongs where its parent belongs
        c = _container(page, n)
        return ("container", c) if c is not None else None

    for it in items:
        p = it.node.parent
        reason = memo_up(p, scope_memo, lambda n: _out_of_scope_reason(page, n)) if p else None
        if reason:
            thread.skipped[str(reason)] += 1
            continue
        v = memo_up(p, container_memo, container_or_item) if p is not None else None
        cid: int | None = None
        if isinstance(v, tuple) and v[0] == "item":
            cid = cont_of_item.get(v[1])
        elif isinstance(v, tuple) and v[0] == "container":
            containers[v[1].mem_id] = v[1]
            cid = v[1].mem_id
        cont_of_item[it.node.mem_id] = cid
        per_item.append((it, cid))
    used = {cid for _, cid in per_item if cid is not None}
    if len(used) <= 1:
        return [it for it, _ in per_item]
    main = _main_container(page, {k: containers[k] for k in used})
    kept: list[Item] = []
    for it, cid in per_item:
        if cid is None or cid == main:
            kept.append(it)
        else:
            thread.skipped["other_post"] += 1
    thread.other_sections = len(used) - 1
    return kept


def _main_container(page: Page, containers: dict[int, LexborNode]) -> int:
    """The article that holds the page's main heading; else the first one in the page."""
    h1 = page.root.css_first("h1")
    if h1 is not None:
        for anc in _ancestors_incl(h1):
            if anc.mem_id in containers:
                return anc.mem_id
    for n in page.root.css("article, .hentry, .type-post, .blog-post, .post-outer, .h-entry, "
                           "[itemtype]"):
        if n.mem_id in containers:
            return n.mem_id
    return next(iter(containers))


def _ancestors_incl(n: LexborNode):
    while n is not None and n.is_element_node:
        yield n
        n = n.parent


# --------------------------------------------------------------------------- 3. structure

def _order(page: Page, items: list[Item]) -> None:
    """Sort items into document order (several systems' lists merged), in C, not Python."""
    if len({it.system for it in items}) <= 1:
        return
    for i, it in enumerate(items):
        it.node.attrs[_MARK] = str(i)
    pos = {n.mem_id: k for k, n in enumerate(page.root.css(f"[{_MARK}]"))}
    for it in items:
        del it.node.attrs[_MARK]
    items.sort(key=lambda it: pos.get(it.node.mem_id, 0))


def _is_wrapper(page: Page, n: LexborNode) -> bool:
    cls = page.attrs.classes(n)
    return bool(cls & _WRAPPER)


def _structure(page: Page, items: list[Item], by_id: dict[int, Item],
               thread: Thread) -> list[str | None]:
    """The parent key of every item (None: top level), in item order."""
    for i, it in enumerate(items):
        if not it.key:
            it.key = f"pos-{i + 1}"
    memo: dict[int, object] = {}

    def own(n: LexborNode) -> object:
        it = by_id.get(n.mem_id)
        if it is not None:
            return it
        if _is_wrapper(page, n):
            prev = prev_element(n)
            if prev is not None and prev.mem_id in by_id:
                return by_id[prev.mem_id]
        return None

    depth_of: dict[str, int] = {}
    stack: list[str] = []
    parents: list[str | None] = []
    used_classes = 0
    for it in items:
        if it.parent_stated:
            parent = it.parent_key
            depth = depth_of.get(parent, (it.depth or 1) - 1) + 1 if parent else 0
        else:
            p = it.node.parent
            anc = memo_up(p, memo, own) if p is not None else None
            parent = anc.key if isinstance(anc, Item) else None
            depth = depth_of.get(parent, 0) + 1 if parent else 0
            # Flat markup that keeps depth-N classes: the latest comment one level up is the parent.
            if it.depth is not None and it.depth > depth and len(stack) >= it.depth:
                parent = stack[it.depth - 1]
                depth = it.depth
                used_classes += 1
        depth_of[it.key] = depth
        del stack[depth:]
        stack.append(it.key)
        parents.append(parent)
    thread.depth_from_classes = used_classes
    return parents


# --------------------------------------------------------------------------- 4. fields

def _own_elements(items: list[Item], by_id: dict[int, Item]) -> dict[int, list[LexborNode]]:
    """Each item's elements, without those of the comments nested in it (one pass per node)."""
    out: dict[int, list[LexborNode]] = {}
    for it in items:
        own: list[LexborNode] = []
        for start in [it.node, *it.extra_nodes]:
            stack = [start]
            while stack:
                n = stack.pop()
                if n is not start and n.mem_id in by_id:
                    continue
                own.append(n)
                c = n.last_child
                while c is not None:
                    if c.is_element_node:
                        stack.append(c)
                    c = c.prev
        out[it.node.mem_id] = own
    return out


def _index(page: Page, own: list[LexborNode], skip_first: bool) -> dict[str, LexborNode]:
    idx: dict[str, LexborNode] = {}
    for n in own[1:] if skip_first else own:
        for c in page.attrs.classes(n):
            idx.setdefault(c, n)
        ip = page.attrs.get(n, "itemprop").lower()
        if ip:
            idx.setdefault("itemprop:" + ip, n)
        idx.setdefault("tag:" + n.tag, n)
    return idx


def _first(idx: dict[str, LexborNode], names) -> LexborNode | None:
    for name in names:
        n = idx.get(name)
        if n is not None:
            return n
    return None


def _date_values(page: Page, n: LexborNode) -> list[str]:
    vals: list[str] = []
    for el in [n, *n.css("time, abbr, [datetime], [content], [data-time], [data-timestamp], [title]")][:12]:
        for attr in roles.DATE_ATTRS:
            v = page.attrs.get(el, attr)
            if v:
                vals.append(v)
    return vals


def _when(page: Page, n: LexborNode | None) -> tuple[When | None, str]:
    if n is None:
        return None, ""
    text = n.text(separator=" ", strip=True)
    for v in _date_values(page, n):
        w = when_from_machine(v)
        if w:
            return w, text
    for v in _date_values(page, n):
        w = when_from_text(v, page.languages)
        if w:
            return w, text
    return when_from_text(text, page.languages), text


def _likes(text: str) -> int | None:
    m = re.search(r"(\d[\d,.]*)", text)
    if m:
        digits = re.sub(r"\D", "", m.group(1))
        return int(digits) if digits else None
    if re.search(r"\b(one|a) (person|blogger)\b", text, re.I):
        return 1
    return None


def _read_fields(page: Page, it: Item, own: list[LexborNode], by_id: dict[int, Item],
                 parent_key: str | None, index: int) -> RawComment:
    a = page.attrs
    system = _BY_NAME.get(it.system)
    idx = _index(page, own, skip_first=True)
    content = _first(idx, (system.content_classes if system else ()) + roles.CONTENT) \
        or _first(idx, tuple("itemprop:" + p for p in roles.CONTENT_ITEMPROP))
    author_node = None
    if not it.author:
        author_node = _first(idx, (system.author_classes if system else ()) + roles.AUTHOR) \
            or _first(idx, tuple("itemprop:" + p for p in roles.AUTHOR_ITEMPROP)) \
            or idx.get("tag:cite")
        if author_node is not None and content is not None and _inside(author_node, content):
            author_node = None
        if author_node is None and it.node.tag == "dt":
            author_node = it.node
    date_node = _first(idx, (system.date_classes if system else ())) or idx.get("tag:time") \
        or _first(idx, tuple("itemprop:" + p for p in roles.DATE_ITEMPROP)) \
        or _first(idx, roles.DATE)
    if date_node is not None and content is not None and _inside(date_node, content):
        date_node = None
    when, date_text = _when(page, date_node)
    if when is None:
        # A permalink's text is often the date ("8. November 2020 um 09:52").
        for n in own:
            if n.tag == "a" and _PERMALINK.search(a.get(n, "href")):
                w = when_from_text(n.text(separator=" ", strip=True), page.languages)
                if w:
                    when, date_text = w, n.text(separator=" ", strip=True)
                    break

    raw_author = it.author or (_author_text(page, author_node) if author_node is not None else None)
    author = clean_author(raw_author, page.languages)
    author_url = None
    if author_node is not None:
        link = author_node if author_node.tag == "a" else author_node.css_first("a[href]")
        href = a.get(link, "href") if link is not None else ""
        if href and not _PERMALINK.search(href) and not href.startswith("#"):
            author_url = href

    like_node = _first(idx, (system.like_classes if system else ()) + roles.LIKES)
    likes = None
    if like_node is not None:
        likes = _likes(like_node.text(separator=" ", strip=True))

    meta = roles.META | (system.meta_classes if system else frozenset())
    skip_nodes = {n.mem_id for n in (author_node, date_node, like_node) if n is not None}
    item_id = it.node.mem_id

    def skip(el: LexborNode) -> bool:
        if el.mem_id in by_id and el.mem_id != item_id:
            return True
        if el.mem_id in skip_nodes or el.tag in roles.META_TAGS:
            return True
        cls = a.classes(el)
        if cls & meta or cls & _WRAPPER:
            return True
        if el.tag == "img" and "avatar" in a.get(el, "class"):
            return True
        return False

    if content is not None:
        text = node_text(content, skip)
    else:
        parts = [node_text(it.node, skip)] + [node_text(x, skip) for x in it.extra_nodes]
        text = "\n\n".join(p for p in parts if p)
    text = _drop_subject(text)
    text = clean_comment_text(text, author, languages=page.languages,
                              date_texts=(date_text,) if date_text else ())
    post_author = it.is_post_author
    if post_author is None:
        cls = a.classes(it.node)
        if cls & roles.POST_AUTHOR or (system and cls & system.post_author_classes()):
            post_author = True
    loc = a.id(it.node)
    return RawComment(
        key=it.key, parent_key=parent_key, text=text, author=author,
        author_url=author_url, when=when, like_count=likes, is_post_author=post_author,
        location=f"#{loc}" if loc else f"comment[{index + 1}]", system=it.system)


def _inside(n: LexborNode, container: LexborNode) -> bool:
    p = n
    while p is not None and p.is_element_node:
        if p.mem_id == container.mem_id:
            return True
        p = p.parent
    return False


def _author_text(page: Page, n: LexborNode) -> str | None:
    a = page.attrs

    def skip(el: LexborNode) -> bool:
        cls = a.classes(el)
        return el.tag in ("img", "time", "svg", "script", "style") or bool(
            cls & {"says", "avatar", "screen-reader-text", "comment-metadata", "comment-date",
                   "comment-time", "reply", "badge", "label", "user-title", "title"})

    text = node_text(n, skip)
    first = text.split("\n", 1)[0].strip() if text else ""
    if not first or is_reply_word(first):
        return None
    return first


_ELLIPSIS = ("…", "...", "..")


def _drop_subject(text: str) -> str:
    """Drop a first line that only repeats the start of the text (Drupal's automatic subject)."""
    head, sep, rest = text.partition("\n")
    if not sep:
        return text
    h = head.strip()
    for e in _ELLIPSIS:
        if h.endswith(e):
            h = h[: -len(e)].rstrip()
            break
    body = " ".join(rest.split())
    if len(h) >= 8 and body.startswith(" ".join(h.split())):
        return rest.strip()
    return text


def same_page(page_url: str | None, href: str) -> bool:
    """Whether a comment permalink points at this page (ignoring comment-page-N)."""
    if not page_url:
        return True
    u, p = urlsplit(href), urlsplit(page_url)
    if u.netloc and u.netloc.lower() != p.netloc.lower():
        return False
    strip = re.compile(r"/comment-page-\d+/?$|/+$")
    return not u.path or strip.sub("", u.path) == strip.sub("", p.path)
