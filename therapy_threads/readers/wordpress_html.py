"""Saved or fetched WordPress pages: the post (title, byline, date, body) and its comment thread.

Comments are found by the markup ``wp_list_comments()`` prints in every theme family:
``li.comment`` / ``li.pingback`` / ``li.trackback`` (or ``li#comment-N``), replies nested in
``ul.children`` / ``ol.children``, HTML5 ``article.comment-body`` or older ``div.comment-body``,
author in ``.fn`` (``b.fn``, ``cite.fn``), time in ``time[datetime]``, text in
``.comment-content`` (or the comment body minus author line, date, "says:" and reply link).

Reply structure comes from real nesting. WordPress prints replies past the site's maximum
thread depth at the same level as their parent's siblings, so nesting can understate depth;
nothing in the markup recovers it (an export or the REST API does). When a theme prints comments
flat but keeps ``depth-N`` classes, parents are inferred from those classes, with a warning.

Pingbacks and trackbacks are counted in ``skipped``. Commenter names and URLs go to
``Comment.identity`` only; avatars (Gravatar URLs hash the e-mail) are never read.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from .. import ids
from ..records import Comment, Furniture, ReadResult, SourceIssue
from . import register
from ._common import add_post, clean_identity, guarded, make_post, new_comment
from ._dates import is_zoneless_time, parse_iso
from .base import Reader, SourceRef
from .html_text import classes, decode_html, node_text, parse_html, unwrap_wayback

_COMMENT_SEL = ("li.comment, li.pingback, li.trackback, li[id^='comment-'], "
                "div.comment[id^='comment-'], article.comment[id^='comment-'], "
                "div[id^='wpd-comm-']")
_WPD_ID = re.compile(r"^wpd-comm-(\d+)_(\d+)$")  # wpDiscuz: comment id, parent id
_DEPTH = re.compile(r"^depth-(\d+)$")
_COMMENT_PAGE = re.compile(r"/comment-page-\d+|[?&]cpage=\d+")
_KEY_NUM = re.compile(r"(\d+)$")

# Metadata inside a comment that is not the comment's text.
_COMMENT_META = frozenset({
    "comment-author", "comment-meta", "commentmetadata", "comment-metadata", "reply",
    "comment-reply-link", "says", "avatar", "comment-edit-link", "edit-link", "children",
    "comment-awaiting-moderation", "comment-respond", "comment-footer", "comment-header",
    "comment-actions", "comment-like", "comment-likes", "comment-reply", "vcard",
    "comment-like-feedback", "comment-likes-count",
})
# Subtrees of a post body that are page furniture, with the kind they are recorded as.
_FURNITURE = {
    "sharedaddy": "share", "sd-sharing-enabled": "share", "share": "share", "sharing": "share",
    "social-share": "share", "share-buttons": "share", "hupso-share-buttons": "share",
    "addtoany_share_save_container": "share", "jp-relatedposts": "related", "related-posts": "related",
    "yarpp-related": "related", "wpcnt": "ads", "adsbygoogle": "ads", "comments-area": "comments",
    "post-navigation": "navigation", "navigation": "navigation", "nav-links": "navigation",
    "author-info": "author_bio", "author-bio": "author_bio", "entry-footer": "meta",
    "entry-meta": "meta", "post-meta": "meta", "wp-block-buttons": "buttons",
    "screen-reader-text": "screen_reader", "newsletter": "newsletter", "subscribe": "newsletter",
    "singleinfo": "meta", "postmetadata": "meta", "ERSSavePrint": "buttons",
}
_FURNITURE_IDS = {"comments": "comments", "respond": "comments", "jp-post-flair": "share",
                  "commentsbox": "comments"}

_BODY_SELECTORS = (".entry-content", ".post-content", ".article-content", ".post-body",
                   "[itemprop='articleBody']", ".post-entry", "article .entry", ".post .entry",
                   ".hentry .entry", ".entry", ".single-content", "article", "main", "#content")
_TITLE_SELECTORS = ("h1.entry-title", "h1.post-title", ".entry-title", ".post-title",
                    "article h1", ".post .title h2", ".post h2", ".hentry h2")
_BYLINE_SELECTORS = (".byline .author .fn", ".byline .fn", ".byline a[rel='author']",
                     ".byline .author a", ".byline a", ".author.vcard .fn", ".entry-author-name",
                     "a[rel='author']", ".post-author-name", ".author-name")
_DATE_SELECTORS = ("time.entry-date.published[datetime]", "time.published[datetime]",
                   "time.entry-date[datetime]", "article time[datetime]",
                   "[itemprop='datePublished'][datetime]", "time[datetime]")
_COUNT_SELECTORS = (".comments-title", "#comments-title", ".comments__headline", "#comments h2",
                    "#comments h3", "h2#comments", "h3#comments", ".comments-area h2",
                    ".comment-count", ".comments-count")
_WORD_NUMBERS = {"one": 1, "ein": 1, "eine": 1, "einen": 1, "un": 1, "une": 1, "uno": 1,
                 "una": 1, "één": 1, "no": 0, "keine": 0, "aucun": 0}


@register
class WordPressHtmlReader(Reader):
    format = "wordpress_html"

    @classmethod
    def sniff(cls, head: bytes, name: str = "") -> float:
        h = head.lower()
        if not (b"<html" in h or b"<!doctype html" in h or b"<body" in h):
            return 0.0
        score = 0.35
        for marker in (b"wp-content", b"wp-includes", b'content="wordpress', b"wp-json"):
            if marker in h:
                score += 0.15
        for marker in (b"comment-list", b"commentlist", b'class="comment ', b"comment-body"):
            if marker in h:
                score += 0.1
        return min(score, 0.9)

    @guarded
    def read(self, data: bytes, source: SourceRef) -> ReadResult:
        result = ReadResult(source.source_id, self.format)
        text, warning = decode_html(data)
        if warning:
            result.warn("encoding", warning)
        if "<" not in text:
            result.error("not_html", "the source has no HTML tags: it is not a web page; check "
                         "--format or the file")
            return result
        tree = parse_html(text)
        if tree.body is None:
            result.error("not_html", "the page has no <body>; it may be truncated or not HTML")
            return result
        _read_page(result, tree, source, ids.sha256_bytes(data))
        return result


def _first(node: LexborNode, selectors: tuple[str, ...], ok=None) -> LexborNode | None:
    for sel in selectors:
        for n in node.css(sel):
            if _in_comments(n):
                continue
            if ok is None or ok(n):
                return n
    return None


def _in_comments(n: LexborNode) -> bool:
    p = n.parent
    while p is not None and p.is_element_node:
        if p.attributes.get("id") in ("comments", "respond", "commentsbox") or \
                classes(p) & {"comments-area", "comment-list", "commentlist", "comment"}:
            return True
        p = p.parent
    return False


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            n = tree.css_first(f"meta[{attr}='{name}']")
            if n is not None and (n.attributes.get("content") or "").strip():
                return n.attributes["content"].strip()
    return None


def _read_page(result: ReadResult, tree, source: SourceRef, sha: str) -> None:
    root = tree.root
    comment_nodes = _comment_nodes(root)
    comment_ids = {n.mem_id for n in comment_nodes}
    comments, zoneless = _read_comments(result, comment_nodes, comment_ids)
    # The thread is read: remove it, so the post-level selectors below neither match inside it
    # nor pay for walking it (descendant selectors cost O(depth) per candidate in deep threads).
    for n in comment_nodes:
        if _nearest_comment_ancestor(n, comment_ids) is None:
            n.decompose()
    comment_ids = set()
    title_node = _first(root, _TITLE_SELECTORS, lambda n: bool(n.text(strip=True)))
    title = node_text(title_node) if title_node is not None else ""
    site = source.site or _meta(tree, "og:site_name")
    if not title:
        title = _meta(tree, "og:title", "twitter:title") or ""
    if not title:
        t = tree.css_first("title")
        title = t.text(strip=True) if t is not None else ""
        if site and title.endswith(site):
            title = re.sub(r"\s*[|:–—-]\s*$", "", title[: -len(site)])


    furniture: list[tuple[str, str]] = []

    def body_skip(n: LexborNode) -> str | bool | None:
        if n.mem_id in comment_ids:
            return "comments"
        nid = n.attributes.get("id")
        if nid in _FURNITURE_IDS:
            return _FURNITURE_IDS[nid]
        for c in classes(n):
            if c in _FURNITURE:
                return _FURNITURE[c]
        if n.tag in ("ol", "ul") and classes(n) & {"commentlist", "comment-list"}:
            return "comments"
        return None

    body_node = _first(root, _BODY_SELECTORS, lambda n: len(n.text(strip=True)) > 0)
    body = node_text(body_node, body_skip, furniture=furniture) if body_node is not None else ""
    if body_node is None:
        result.warn("no_body", "no post body found (none of .entry-content, .post-content, "
                    "article, main); the theme may need a new selector")

    byline_node = _first(root, _BYLINE_SELECTORS, lambda n: bool(n.text(strip=True)))
    author = node_text(byline_node) if byline_node is not None else _meta(tree, "author")
    if author:
        author = re.sub(r"^(by|von|par|por|di|door)\s+", "", author.strip(), flags=re.I) or None
    author_url = None
    if byline_node is not None:
        a = byline_node if byline_node.tag == "a" else byline_node.css_first("a[href]")
        author_url = a.attributes.get("href") if a is not None else None

    published = parse_iso(_meta(tree, "article:published_time", "datePublished"))
    if published is None:
        for sel in _DATE_SELECTORS:
            for n in root.css(sel):
                if _in_comments(n):
                    continue
                published = parse_iso(n.attributes.get("datetime") or n.attributes.get("content"))
                if published:
                    break
            if published:
                break

    declared = None
    count_node = _first_any(root, _COUNT_SELECTORS)
    if count_node is not None:
        declared = _count_in(count_node.text(strip=True))
    pages = sorted({a.attributes.get("href") or "" for a in root.css("a[href]")
                    if _COMMENT_PAGE.search(a.attributes.get("href") or "")})
    if pages:
        result.warn("comment_pages", f"the thread is split over comment pages; this page links "
                    f"{len(pages)} other page(s) (e.g. {pages[0]}): add each as its own source "
                    "or use the site's export/REST API to get every comment")
    if declared is not None and declared > len(comment_nodes):
        result.issues.append(SourceIssue(
            result.source_id, "info", "fewer_comments_than_declared",
            f"the page declares {declared} comments and shows {len(comment_nodes)} (others may "
            "be on other comment pages, pingbacks, or not approved)"))

    canonical = tree.css_first("link[rel='canonical']")
    url = source.url or (canonical.attributes.get("href") if canonical is not None else None) \
        or _meta(tree, "og:url")
    post = make_post(source, "wordpress_html", "page", title=title, body=body, sha=sha,
                     location="page", site=site, url=url or None, author=author or None,
                     published_at=published, declared_comment_count=declared,
                     author_identity=clean_identity(author, url=unwrap_wayback(author_url)))
    for n in root.css("a[rel~='category']"):
        label = n.text(strip=True)
        if label and label not in post.categories and not _in_comments(n):
            post.categories.append(label)
    for n in root.css("a[rel~='tag']"):
        label = n.text(strip=True)
        if label and label not in post.tags and "category" not in (n.attributes.get("rel") or ""):
            post.tags.append(label)

    for kind, text in furniture:
        if kind != "comments":
            result.furniture.append(Furniture(source.source_id, post.post_id, kind, text, "body"))

    if zoneless:
        result.warn("date_without_zone", f"{zoneless} comment(s) show a time without a zone; "
                    "published_at left empty")
    add_post(result, post, comments)


def _first_any(root: LexborNode, selectors: tuple[str, ...]) -> LexborNode | None:
    for sel in selectors:
        n = root.css_first(sel)
        if n is not None and n.text(strip=True):
            return n
    return None


def _count_in(text: str) -> int | None:
    m = re.search(r"\d[\d.,\u00a0 ]*", text)
    if m:
        digits = re.sub(r"\D", "", m.group(0))
        return int(digits) if digits else None
    first = text.strip().split(" ", 1)[0].lower() if text.strip() else ""
    return _WORD_NUMBERS.get(first)


def _comment_nodes(root: LexborNode) -> list[LexborNode]:
    """Comment elements in document order, without wrappers that repeat an inner comment's id."""
    nodes = root.css(_COMMENT_SEL)
    out: list[LexborNode] = []
    seen: set[int] = set()
    for n in nodes:
        if n.mem_id in seen:
            continue
        seen.add(n.mem_id)
        cls = classes(n)
        if "recentcomments" in cls or "comment-respond" in cls:
            continue
        if n.tag != "li" and not (cls & {"comment", "pingback", "trackback"}) \
                and not _WPD_ID.match(n.attributes.get("id") or ""):
            continue
        out.append(n)
    # Themes that wrap one comment twice (WordPress.com: li#li-comment-5 > article#comment-5.comment)
    # must not yield a comment "replying" to itself: drop an inner element whose nearest
    # comment ancestor has the same id number.
    ids_ = {n.mem_id for n in out}
    kept: list[LexborNode] = []
    for n in out:
        anc = _nearest_comment_ancestor(n, ids_)
        if anc is not None and _id_number(anc) is not None and _id_number(anc) == _id_number(n):
            continue
        kept.append(n)
    return kept


def _id_number(n: LexborNode) -> str | None:
    nid = (n.attributes.get("id") or "").strip()
    w = _WPD_ID.match(nid)
    if w:
        return w.group(1)
    m = _KEY_NUM.search(nid)
    return m.group(1) if m and "comment" in nid else None


def _key(n: LexborNode, index: int) -> str:
    nid = (n.attributes.get("id") or "").strip()
    w = _WPD_ID.match(nid)
    if w:
        return f"comment-{w.group(1)}"
    m = _KEY_NUM.search(nid)
    if nid.startswith(("comment-", "li-comment-")) and m:
        return f"comment-{m.group(1)}"
    body = n.css_first("[id^='div-comment-'], [id^='comment-']")
    if body is not None:
        m = _KEY_NUM.search(body.attributes.get("id") or "")
        if m:
            return f"comment-{m.group(1)}"
    return f"pos-{index + 1}"


def _depth_class(n: LexborNode) -> int | None:
    for c in classes(n):
        m = _DEPTH.match(c)
        if m:
            return int(m.group(1)) - 1
    return None


def _nearest_comment_ancestor(n: LexborNode, comment_ids: set[int]) -> LexborNode | None:
    p = n.parent
    while p is not None:
        if p.mem_id in comment_ids:
            return p
        p = p.parent
    return None


def _read_comments(result: ReadResult, nodes: list[LexborNode],
                   comment_ids: set[int]) -> tuple[list[Comment], int]:
    keys: dict[int, str] = {}
    parents: dict[int, LexborNode | None] = {}
    for i, n in enumerate(nodes):
        keys[n.mem_id] = _key(n, i)
        parents[n.mem_id] = _nearest_comment_ancestor(n, comment_ids)

    # Flat markup that still carries depth-N classes: rebuild parents with a depth stack.
    flat = all(p is None for p in parents.values())
    depths = [_depth_class(n) for n in nodes]
    use_classes = flat and any(d and d > 0 for d in depths)
    if use_classes:
        result.warn("html_depth_from_classes", "comments are not nested in the markup; reply "
                    "parents were inferred from the theme's depth-N classes")
    stack: list[str] = []

    comments: list[Comment] = []
    zoneless = 0
    for i, n in enumerate(nodes):
        cls = classes(n)
        key = keys[n.mem_id]
        if use_classes:
            d = depths[i] or 0
            del stack[d:]
            parent_key = stack[-1] if stack and d > 0 else None
            stack.append(key)
        else:
            p = parents[n.mem_id]
            parent_key = keys[p.mem_id] if p is not None else None
            w = _WPD_ID.match(n.attributes.get("id") or "")
            if p is None and w and w.group(2) != "0":
                parent_key = f"comment-{w.group(2)}"  # wpDiscuz names the parent in the id
        if "pingback" in cls or "trackback" in cls:
            result.skip("pingback" if "pingback" in cls else "trackback")
            continue

        own = _own_parts(n, comment_ids)
        author_node = _own_first(own, n, (".comment-author .fn", ".fn", "cite",
                                          ".comment-author [itemprop='name']",
                                          ".comment-author-name", ".wpd-comment-author",
                                          ".comment-author b", ".comment-author"), comment_ids)
        name = node_text(author_node) if author_node is not None else None
        if name:
            name = re.sub(r"\s*(says|sagt|dit|dice|schreef|scrive)\s*:?\s*$", "", name, flags=re.I)
        link = None
        if author_node is not None:
            a = author_node if author_node.tag == "a" else author_node.css_first("a[href]")
            link = a.attributes.get("href") if a is not None else None
        if link is None:
            a = _own_first(own, n, ("a.url",), comment_ids)
            link = a.attributes.get("href") if a is not None else None

        time_node = _own_first(own, n, ("time[datetime]",), comment_ids)
        published = parse_iso(time_node.attributes.get("datetime")) if time_node is not None else None
        if published is None:
            if time_node is None or is_zoneless_time(time_node.attributes.get("datetime")):
                zoneless += 1

        content = _own_first(own, n, (".comment-content", ".wpd-comment-text", ".comment-text",
                                      ".comment-entry", "[itemprop='text']"), comment_ids)
        skip_ids = comment_ids

        def skip(el: LexborNode, _skip_ids=skip_ids, _self=n.mem_id) -> bool:
            if el.mem_id in _skip_ids and el.mem_id != _self:
                return True
            if el.tag in ("ul", "ol") and "children" in classes(el):
                return True
            return bool(classes(el) & _COMMENT_META)

        text = node_text(content if content is not None else n, skip)
        location = f"#{n.attributes.get('id')}" if n.attributes.get("id") else f"comment[{i + 1}]"
        like_node = _own_first(own, n, (".comment-like-feedback", ".comment-likes-count",
                                        ".comment-likes"), comment_ids)
        likes = _likes(node_text(like_node)) if like_node is not None else None
        comments.append(new_comment(
            key, parent_key, text, location=location, published_at=published, like_count=likes,
            identity=clean_identity(name, url=unwrap_wayback(link)),
            is_post_author=True if "bypostauthor" in cls else
            (False if "comment" in cls and any(_DEPTH.match(c) for c in cls) else None)))
    return comments, zoneless


def _likes(text: str) -> int | None:
    """'Liked by 3 people' / 'Liked by 1 person' / '3 likes' -> count; 'Like' alone -> None."""
    m = re.search(r"(\d[\d,.]*)", text)
    if m:
        return int(re.sub(r"\D", "", m.group(1)))
    if re.search(r"\b(one|a) (person|blogger)\b", text, re.I):
        return 1
    return None


def _own_parts(n: LexborNode, comment_ids: set[int]) -> list[LexborNode]:
    """The comment's direct child elements, without its list of replies.

    Lookups run inside these parts only, so their cost does not grow with the number of nested
    replies (a deep thread stays linear), whatever wrapper the theme uses for the body.
    """
    parts: list[LexborNode] = []
    c = n.child
    while c is not None:
        if c.is_element_node and c.mem_id not in comment_ids and not (
                c.tag in ("ul", "ol") and "children" in classes(c)):
            parts.append(c)
        c = c.next
    return parts


_SIMPLE_SEL = re.compile(r"^([a-z0-9]*)((?:\.[\w-]+)*)$")


def _self_matches(node: LexborNode, sel: str) -> bool:
    """Whether ``node`` itself matches a simple ``tag.class`` selector (others: False)."""
    m = _SIMPLE_SEL.match(sel)
    if not m:
        return False
    tag, cls = m.group(1), [c for c in m.group(2).split(".") if c]
    if tag and node.tag != tag:
        return False
    return bool(tag or cls) and set(cls) <= classes(node)


def _own_first(parts: list[LexborNode], n: LexborNode, selectors: tuple[str, ...],
               comment_ids: set[int]) -> LexborNode | None:
    """First match inside ``parts`` that belongs to comment ``n``, not to a nested reply."""
    for sel in selectors:
        for part in parts:
            if _self_matches(part, sel):
                return part
            for m in part.css(sel):
                if m.mem_id in comment_ids:
                    continue
                anc = _nearest_comment_ancestor(m, comment_ids)
                if anc is not None and anc.mem_id == n.mem_id:
                    return m
    return None
