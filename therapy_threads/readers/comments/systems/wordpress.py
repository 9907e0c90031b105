"""WordPress core comments (``wp_list_comments`` / ``Walker_Comment``), and Jetpack on top.

From ``wp-includes/class-walker-comment.php``: each comment is ``<li>`` (or ``<div>`` with
``style => 'div'``) ``id="comment-N"`` with ``comment_class()`` classes — ``comment`` (or
``pingback``/``trackback``), ``depth-N``, ``parent``, ``bypostauthor``; the HTML5 format wraps the
body in ``article#div-comment-N.comment-body`` with ``footer.comment-meta`` (``.comment-author
.fn``, ``.comment-metadata time[datetime]``) and ``.comment-content``; the legacy format has
``div#div-comment-N.comment-body``, ``.comment-author cite.fn``, ``.comment-meta.commentmetadata``
and the text as bare paragraphs. Replies go into ``ul.children``/``ol.children`` — or, with
``style => 'div'``, straight into the parent element. Themes with their own callback often print
``li#li-comment-N`` around ``article#comment-N`` (both with ``comment`` classes) or close the
element before the replies (replies become siblings; only ``depth-N`` is left, which the engine
uses); WP Royal's Ashe and the themes sharing its callback print the id on a bare ``li`` and
comment_class() on the ``article`` inside it (one comment: ``WordPress._fill_host``). Jetpack (and WordPress.com) add likes: ``.comment-likes`` / ``.comment-like-feedback``
("Liked by 3 people").
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page, depth_from_classes
from ..dom import id_number

_ID = re.compile(r"^(?:li-)?comment-(\d+)$")
_INNER_ID = re.compile(r"^(?:div-)?comment-(\d+)$")
_ITEM_CLASSES = frozenset({"comment", "pingback", "trackback"})
_NOT_ITEM = frozenset({"comment-respond", "recentcomments", "comment-form", "comment-list",
                       "commentlist", "comments-area"})
_JETPACK = ("comment-likes", "comment-like-feedback", "comment-likes-widget-placeholder",
            "highlander-comment")


_PARENT_LINK = re.compile(r"#comment-(\d+)$")


def _mt_replied_to(n, page: Page, key: str) -> str | None:
    """Movable Type 5's ``comment_detail`` template prints every comment flat, in date order, as
    ``div#comment-N.comment`` — a reply with ``comment-reply`` added and, in its byline after the
    author, ``replied to <a href="<mt:CommentParent><$mt:CommentLink$></mt:CommentParent>">comment
    from NAME</a>`` (the words are translated, the link is not): the parent is that link's
    ``#comment-N``. The byline's permalink to the comment itself comes after it. Later themes
    print the same as ``article#comment-N.comment.comment-reply`` > ``header`` > ``h3``."""
    head = n.css_first(".byline, .comment-header, .asset-meta, header")
    if head is None:
        return None
    for link in head.css("a[href*='#comment-']"):
        m = _PARENT_LINK.search(page.attrs.get(link, "href"))
        if m and f"comment-{m.group(1)}" != key:
            return f"comment-{m.group(1)}"
        if m:
            return None  # the own permalink first: no parent link before it
    return None


def _empty_shell(n) -> bool:
    """No words of the element's own outside reply lists."""
    for c in n.iter(include_text=True):
        if c.tag in ("ul", "ol"):
            continue
        if (c.text(deep=c.tag != "-text") or "").strip():
            return False
    return True


def _link_button(n, page: Page) -> bool:
    """All the element's words are one link's (a button to the comments, a counter link):
    Walker_Comment prints the comment's id and comment_class()'s depth-N, the theme its header and
    words; an element with neither and nothing but a link is a link to comments, not one."""
    words = " ".join(n.text(separator=" ", strip=True).split())
    if not words or len(words) > 60:
        return False
    links = [x for x in n.css("a[href]") if x.text(strip=True)]
    return len(links) == 1 and " ".join(links[0].text(separator=" ", strip=True).split()) == words


def _post_author_mark(cls: frozenset[str], depth: int | None) -> bool | None:
    """comment_class() always prints depth-N and, for the post's author, bypostauthor: with
    depth-N present, its absence says "not the post's author"."""
    return True if "bypostauthor" in cls else (False if depth is not None and "comment" in cls else None)


def _order(n) -> tuple[int, ...]:
    """The node's position in document order (its path of sibling indexes from the root)."""
    path = []
    while n is not None and n.parent is not None:
        i = 0
        s = n.prev
        while s is not None:
            i += 1
            s = s.prev
        path.append(i)
        n = n.parent
    return tuple(reversed(path))


class WordPress(CommentSystem):
    name = "wordpress"
    order = 80
    content_classes = ("comment-content", "comment-text", "comment-entry", "comment_text",
                       "commenttext", "comment-body-content")
    # WooCommerce product reviews go through wp_list_comments() with its own callback
    # (``single-product/review.php`` + ``review-meta.php``): ``li.review#li-comment-N`` >
    # ``div#comment-N.comment_container`` > ``div.comment-text`` with ``div.star-rating``,
    # ``p.meta`` > ``strong.woocommerce-review__author``, ``em.woocommerce-review__verified``,
    # ``span.woocommerce-review__dash``, ``time.woocommerce-review__published-date``, then
    # ``div.description`` (the review's words).
    author_classes = ("fn", "comment-author-name", "comment-author-link", "comment-author",
                      "woocommerce-review__author")
    date_classes = ("comment-metadata", "commentmetadata", "comment-date", "comment-time",
                    "comment-meta")
    like_classes = ("comment-like-feedback", "comment-likes-count", "comment-likes")
    meta_classes = frozenset({
        "comment-meta", "commentmetadata", "comment-metadata", "reply", "comment-reply-link",
        "says", "comment-edit-link", "edit-link", "comment-awaiting-moderation",
        "comment-like-feedback", "comment-likes", "comment-likes-widget-placeholder",
        "comment-like-link", "comment-likes-widget", "wpl-likebox", "comment-author",
        "star-rating", "woocommerce-review__verified", "woocommerce-review__dash",
        "woocommerce-review__awaiting-approval", "thdrpy", "awaiting-moderation", "under-moderation",
    })

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        jetpack = False
        hosts: dict[int, Item] = {}  # li#comment-N items, by element
        for n in page.root.css(".comment, .pingback, .trackback, li[id^='comment-'], "
                               "li[id^='li-comment-']"):
            cls = a.classes(n)
            if cls & _NOT_ITEM or n.tag in ("ul", "ol"):
                # A list is the replies' wrapper (Walker_Comment::start_lvl), even where a theme
                # prints comment_class() on it ("ul.comment.depth-1" around the depth-2 items).
                continue
            nid = a.id(n)
            m = _ID.match(nid)
            is_item = bool(cls & _ITEM_CLASSES) and (n.tag == "li" or m is not None
                                                      or depth_from_classes(cls) is not None)
            if not is_item and not (n.tag == "li" and m is not None):
                continue
            key = f"comment-{m.group(1)}" if m else self._inner_key(n, page)
            host = hosts.get(n.parent.mem_id) if n.parent is not None else None
            if host is not None and not key:
                self._fill_host(host, n, cls)
                continue
            skip = "pingback" if "pingback" in cls else "trackback" if "trackback" in cls else None
            if skip and host is not None and host.key == key and host.skip_reason is None:
                # ``li#li-comment-N > div.comment.pingback#comment-N`` (the "uber" theme family):
                # the id is printed twice and comment_class() on the inner element only; the
                # ping's class marks the ``li`` too, which would otherwise be read as a comment
                # whose author is the linking post's title.
                host.skip_reason = skip
            depth = depth_from_classes(cls)
            if not skip and m is None and not key and depth is None and _link_button(n, page):
                # A share bar's or post header's "Comment" button (``li.comment > a[href=".../
                # comments"] "Comment on this"``): no id, no depth-N, no words outside one link.
                continue
            if skip and m is None and depth is None and _empty_shell(n):
                # A theme's stray ``li.pingback`` with no id, no depth-N and no words of its own
                # (printed after a parent it never closed, with the replies' ``ul.children``
                # inside): no ping, and not the replies' parent — their depth-N says where they go.
                continue
            out.append(Item(n, self.name, key, depth=depth, skip_reason=skip,
                            is_post_author=_post_author_mark(cls, depth)))
            if n.tag == "li" and m is not None:
                hosts[n.mem_id] = out[-1]
            if "comment-reply" in cls and depth is None:
                parent = _mt_replied_to(n, page, key)
                if parent:
                    out[-1].parent_key, out[-1].parent_stated = parent, True
            if not jetpack and any(c in cls for c in ("highlander-comment",)):
                jetpack = True
        # The "WordPress Thread Comment" plugin prints a reply as ``div.comment-childs#comment-N``
        # (``chalt`` on every other one) inside its parent's text, each holding ``<p><cite>NAME
        # </cite> Reply:<br><small class="commentmetadata">DATE</small></p>``, the words and a
        # ``p.thdrpy`` "[Reply]" link; its replies nest inside it the same way.
        claimed = {it.node.mem_id for it in out}
        for n, m in page.with_id("div.comment-childs[id^='comment-']", _ID):
            if n.mem_id not in claimed:
                out.append(Item(n, self.name, f"comment-{m.group(1)}"))
        if len(out) > len(claimed):
            out.sort(key=lambda it: _order(it.node))
        out = self._drop_inserts(out)
        if out and not jetpack:
            jetpack = page.root.css_first(", ".join("." + c for c in _JETPACK)) is not None
        if jetpack:
            for it in out:
                it.system = "jetpack"
        return out

    @staticmethod
    def _fill_host(host: Item, n, cls: frozenset[str]) -> None:
        """A theme callback that prints the id on Walker_Comment's ``<li>`` and comment_class()
        on the element inside it — ``li#comment-N > article.comment.depth-N.entry-comments`` >
        ``div.comment-content`` > ``h3.comment-author``, ``div.comment-meta`` (``a.comment-date``,
        the reply link), ``div.comment-text`` (comment_text()), the replies' ``ul.children`` after
        the article inside the ``li`` (WP Royal's Ashe, Bard, Savona, Graceful and other themes
        of that callback) — prints one comment: the ``li`` (id, replies) with the inner element's
        depth, author mark and words."""
        if host.depth is None:
            host.depth = depth_from_classes(cls)
        if host.is_post_author is None:
            host.is_post_author = _post_author_mark(cls, host.depth)
        if host.skip_reason is None and cls & {"pingback", "trackback"}:
            host.skip_reason = "pingback" if "pingback" in cls else "trackback"
        if host.content is None:
            host.content = n.css_first(".comment-text")

    @staticmethod
    def _drop_inserts(items: list[Item]) -> list[Item]:
        """A block a theme prints into the list beside wp_list_comments()'s own items (a site
        owner's promotional note styled ``li.comment.x-first-comment``) is no comment: every
        comment the walker prints has its id and comment_class()'s ``depth-N``, so among items
        that have both, a sibling with neither is the theme's insert. Not a ping, though: Twenty
        Eleven's callback (and the themes and converters that copied it: the Pelican comment
        system's WordPress imports) prints a pingback as a bare ``li.post.pingback`` with neither,
        among the comments; the stated count includes it, so it is counted as skipped."""
        listed = {it.node.parent.mem_id for it in items
                  if it.key and it.depth is not None and it.node.parent is not None}
        if not listed:
            return items
        return [it for it in items if it.key or it.depth is not None or it.node.parent is None
                or it.node.parent.mem_id not in listed or it.skip_reason in ("pingback", "trackback")]

    @staticmethod
    def _inner_key(n, page: Page) -> str:
        inner = n.css_first("[id^='div-comment-'], [id^='comment-']")
        if inner is not None:
            m = _INNER_ID.match(page.attrs.id(inner))
            if m:
                return f"comment-{m.group(1)}"
        num = id_number(page.attrs.id(n))
        return f"comment-{num}" if num and "comment" in page.attrs.id(n) else ""

    def post_author_classes(self) -> frozenset[str]:
        return frozenset({"bypostauthor"})
