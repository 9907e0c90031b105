"""Links to the other pages of a comment thread.

WordPress splits long threads with ``paginate_comments_links()`` / ``previous_comments_link()``:
``/post/comment-page-2/#comments`` or ``?cpage=2`` inside ``.comment-navigation``/
``.comments-pagination``/``.nav-links`` ("Older Comments", "Ältere Kommentare", "Commentaires
plus anciens", ...). Drupal pages comments with ``?page=N`` in a ``.pager`` inside the comment
section, SPIP with ``debut_forums=N``, XenForo threads with ``/page-N``. Only links that stay on
the same page path (or its ``comment-page-N`` form) and host are returned, so a "next post" link
is never mistaken for the next comment page.
"""
from __future__ import annotations

import re
from itertools import chain, islice
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from .dom import Attrs, ancestors

_WP_PAGE = re.compile(r"/comment-page-(\d+)/?")
_PERMALINK = re.compile(r"#(?:comment|div-comment|li-comment)-?\d+$|#c\d{6,}$|[?&]replytocom=")
_QUERY_KEYS = ("cpage", "debut_forums", "comments_page", "commentPage", "comment_page", "cp")
# WordPress addresses a post by ``?p=ID`` (``?page_id=ID`` for a page) as well as by its pretty
# permalink: the shortlink (``<link rel="shortlink">``) and the permalinks some comment plugins
# print. A link with such a key names the post by it, whatever its path.
_POST_ID_KEYS = ("p", "page_id")
_OLDER_NEWER = re.compile(
    r"(?:older|newer|previous|next|ältere|neuere|vorherige|nächste|weitere)\s+(?:comments|kommentare)"
    r"|commentaires\s+(?:plus\s+)?(?:anciens|récents|précédents|suivants)"
    r"|comentarios\s+(?:anteriores|siguientes|más\s+antiguos|más\s+recientes)"
    r"|commenti\s+(?:precedenti|successivi|meno\s+recenti|più\s+recenti)"
    r"|(?:oudere|nieuwere)\s+reacties|äldre\s+kommentarer|nyere\s+kommentarer", re.I)
_SECTION_SEL = ("#comments, .comments-area, .comment-navigation, .comments-pagination, "
                ".comment-nav, .navigation.comment-navigation, #comment-nav-above, "
                "#comment-nav-below, .wp-block-comments-pagination, .comments, .comment-wrapper, "
                ".divforum, .pagination-comments, #disqus_thread, .paginated-comments-pages")


# Without the page's address, only links whose form is a comment page on its own are taken.
_OFFLINE_KEYS = re.compile(r"[?&](?:cpage|debut_forums|cp)=")


def _strip_comment_page(path: str) -> str:
    return _WP_PAGE.sub("/", path).rstrip("/")


def post_id_of(url: str) -> str | None:
    """The WordPress post id a ``?p=ID`` / ``?page_id=ID`` address names, else None."""
    q = parse_qs(urlsplit(url).query)
    for k in _POST_ID_KEYS:
        if q.get(k) and q[k][0].isdigit():
            return q[k][0]
    return None


def page_aliases(root: LexborNode, attrs: Attrs, page_url: str | None) -> list[str]:
    """The addresses this post is known by: ``page_url``, the page's WordPress shortlink, and
    ``/?p=ID`` for the id the page itself gives its post (see ``own_post_id``)."""
    out = [page_url] if page_url else []
    for n in root.css("link[rel='shortlink']"):
        href = attrs.get(n, "href")
        if href and (page_url or href.startswith("http")):
            url = urljoin(page_url, href) if page_url else href
            if url not in out and post_id_of(url):
                out.append(url)
    own = own_post_id(root, attrs) if page_url else None
    if own is not None and not any(post_id_of(u) == own for u in out):
        parts = urlsplit(page_url)
        out.append(urlunsplit((parts.scheme, parts.netloc, "/", f"p={own}", "")))
    return out


# WordPress core prints the post's id in the comment form (``get_comment_id_fields()``: a hidden
# ``input[name=comment_post_ID]``; themes before 3.0 wrote the same field themselves) and in the
# body's classes on a single post (``body_class()``: ``postid-ID``).
_BODY_POST_ID = re.compile(r"^postid-(\d+)$")


def own_post_id(root: LexborNode, attrs: Attrs) -> str | None:
    """The WordPress post id the page gives its own post, when every place that prints one
    agrees (a page listing several posts' comment forms names none)."""
    ids = {attrs.get(n, "value").strip() for n in root.css("input[name='comment_post_ID']")}
    body = root.css_first("body")
    if body is not None:
        ids |= {m.group(1) for c in attrs.classes(body) if (m := _BODY_POST_ID.match(c))}
    if len(ids) != 1:
        return None
    only = next(iter(ids))
    return only if only.isdigit() and only != "0" else None


def _same_thread(base: str, link: str) -> bool:
    b, u = urlsplit(base), urlsplit(link)
    if u.scheme not in ("http", "https") or (u.netloc and u.netloc.lower() != b.netloc.lower()):
        return False
    if _strip_comment_page(u.path) != _strip_comment_page(b.path):
        return False
    own, other = post_id_of(base), post_id_of(link)
    return own is None or other is None or own == other


def _is_comment_page_link(href: str, text: str) -> bool:
    if _WP_PAGE.search(href):
        return True
    q = parse_qs(urlsplit(href).query)
    if any(k in q for k in _QUERY_KEYS):
        return True
    return bool(_OLDER_NEWER.search(text))


def comment_page_links(root: LexborNode, attrs: Attrs, page_url: str | None) -> list[str]:
    """Absolute URLs of the thread's other comment pages (sorted, without this page)."""
    found: set[str] = set()
    aliases = page_aliases(root, attrs, page_url)
    candidates: list[LexborNode] = []
    for sec in root.css(_SECTION_SEL):
        candidates.extend(sec.css("a[href]"))
    candidates.extend(root.css("a[href*='comment-page-'], a[href*='cpage='], "
                               "a[href*='debut_forums=']"))
    seen_nodes: set[int] = set()
    for a in candidates:
        if a.mem_id in seen_nodes:
            continue
        seen_nodes.add(a.mem_id)
        href = attrs.get(a, "href")
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        if _PERMALINK.search(href):
            continue  # a comment's own permalink (".../comment-page-1/#comment-5"), not navigation
        # "»" titled "Older Comments" (Paginated Comments): the title names what the arrow does.
        text = " ".join(x for x in (a.text(separator=" ", strip=True), attrs.get(a, "title")) if x)
        if not _is_comment_page_link(href, text):
            continue
        url = urljoin(page_url, href) if page_url else href
        parts = urlsplit(url)
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        if page_url:
            if not any(_same_thread(alias, url) for alias in aliases):
                continue
            own = urlsplit(page_url)
            if urlunsplit((own.scheme, own.netloc, own.path, own.query, "")) == url:
                continue
        elif not (_WP_PAGE.search(href) or _OFFLINE_KEYS.search(href)):
            continue
        found.add(url)
    return sorted(found)


# "load more comments (12 replies)" (old Reddit), "3 more replies" (Reddit, Disqus, Discourse),
# "Load more comments" / "Show 5 more comments", "continue this thread", "Weitere Kommentare
# laden", "Voir plus de commentaires", "Cargar más comentarios": comments the site loads on a
# click, absent from a saved page.
_MORE = re.compile(
    r"^\W*(?:load|show|view|see|display)\s+(?:(\d[\d,.]*)\s+)?more\s+(?:comments?|repl(?:y|ies))"
    r"(?:\s*\((\d[\d,.]*)\s+(?:repl(?:y|ies)|comments?|children)\))?\W*$"
    r"|^\W*(\d[\d,.]*)\s+more\s+(?:repl(?:y|ies)|comments?)\W*$"
    r"|^\W*continue\s+this\s+thread\W*$"
    r"|^\W*(?:weitere|mehr)\s+(?:(\d[\d.]*)\s+)?(?:kommentare|antworten)(?:\s+(?:laden|anzeigen))?\W*$"
    r"|^\W*(?:voir|afficher|charger)\s+(?:(\d[\d\s]*)\s+)?(?:plus\s+de\s+)?(?:autres\s+)?"
    r"(?:commentaires|réponses)\W*$"
    r"|^\W*(?:cargar|ver|mostrar)\s+(?:(\d[\d.]*)\s+)?(?:más\s+)?(?:comentarios|respuestas)"
    r"(?:\s+más)?\W*$"
    # Chinese comment widgets (Tencent News, Toutiao, Weibo-style lists): "查看全部66条评论" ("view
    # all 66 comments": a total, so no number is taken as "more"), "展开3条回复", "加载更多评论".
    r"|^\W*(?:查看|展开|加载|显示)\s*(?:全部|所有)\s*\d[\d,]*\s*条?\s*(?:评论|回复|評論|回覆|留言)\W*$"
    r"|^\W*(?:查看|展开|加载|显示)\s*(?:更多\s*)?(\d[\d,]*)?\s*条?\s*(?:更多\s*)?(?:评论|回复|評論|回覆|留言)\W*$",
    re.I)


def unloaded_comments(root: LexborNode) -> tuple[int, int]:
    """("load more" links, comments they state) in the page: comments behind a click that a
    saved page does not hold. The stated number is a lower bound (some links give none)."""
    links = stated = 0
    for n in root.css("a, button, span.morecomments, div.morecomments, [role='button'], "
                      "[class*='loadmore'], [class*='load-more']"):
        t = n.text(separator=" ", strip=True)
        if not t or len(t) > 60:
            continue
        m = _MORE.match(" ".join(t.split()))
        if m is None:
            continue
        if n.parent is not None and n.parent.tag in ("a", "button") \
                or n.tag not in ("a", "button") and n.css_first("a, button") is not None:
            continue  # counted at its link
        links += 1
        num = next((g for g in m.groups() if g), None)
        if num:
            stated += int(re.sub(r"\D", "", num) or 0)
    return links, stated


# A forum topic states its own pages in the pagination its engine prints above and below the
# posts: phpBB's PAGE_OF ("Page <strong>1</strong> of <strong>3</strong>", fr "sur", de "von",
# es/pt "de", it "di", nl "van", ru "из", pl "z", sv/no "av", da "af"; phpBB 2 with ``<b>``),
# vBulletin's "Page 1 of 3" (``td.vbmenu_control``), XenForo 1's ``span.pageNavHeader``,
# Invision's page jump; phpBB also prints the topic's post count in the same ``div.pagination``
# ("18 posts", "18 messages", "18 Beiträge"). SMF prints "Pages: [1] 2 3" (``div.pagelinks``,
# SMF 1.1 ``td.middletext``): the current page in brackets, the last page its highest number.
# An offline copy that holds fewer pages than the topic states has lost posts, which must be
# said with the number missing (a saved page never holds the topic's other pages).
_PAGE_OF = re.compile(
    r"(?:^|[^\w])(?:page|seite|página|pagina|strona|страница|стр\.|sida|side|sivu|oldal)\s*:?\s*"
    r"(\d{1,4})\s*(?:of|sur|von|de|di|van|из|z|av|af|/)\s*(\d{1,4})(?!\d)", re.I)
_SMF_PAGES = re.compile(r"^(?:pages|seiten|pagine|páginas|pagina's|страницы|strony|sidor|sivut)\s*:\s*"
                        r"((?:\[?\s*\d{1,4}\s*\]?|\.\.\.|…|\s)+)", re.I)
_TOPIC_POSTS = re.compile(
    r"(?:^|[^\w])(\d[\d.,\s]{0,7}?)\s*(?:posts?|messages?|beiträge|beitrag|mensajes|mensagens|"
    r"messaggi|berichten|сообщени[йяе]|postów|posty|inlägg|innlegg|indlæg|viestiä)(?!\w)", re.I)
# Where engines print it: any element whose class or id names a pager, phpBB 2's ``span.nav``
# and SMF 1.1's ``td.middletext``. WP-PageNavi's archive pager is a list of posts, not a thread.
_PAGER_SEL = ("[class*='pag' i], [id*='pag' i], [class*='PageNav'], span.nav, td.middletext, "
              "td.vbmenu_control")
_NOT_THREAD_PAGERS = frozenset({"wp-pagenavi", "page-numbers", "nav-links", "navigation"})


def _under_blog_pager(n: LexborNode, attrs: Attrs) -> bool:
    return any(attrs.classes(p) & _NOT_THREAD_PAGERS for p in chain((n,), islice(ancestors(n), 3)))


def stated_topic_pages(root: LexborNode, attrs: Attrs) -> tuple[int, int, int | None] | None:
    """(this page's number, the topic's pages, the topic's posts or None) as the topic's pager
    states them, when it states more than one page; else None."""
    best: tuple[int, int] | None = None
    posts: int | None = None
    for n in root.css(_PAGER_SEL):
        if _under_blog_pager(n, attrs):
            continue
        text = " ".join(n.text(separator=" ", strip=True).split())
        if not text or len(text) > 400:
            continue
        for m in _PAGE_OF.finditer(text):
            cur, total = int(m.group(1)), int(m.group(2))
            if 1 <= cur <= total and 1 < total <= 5000 and (best is None or total > best[1]):
                best = (cur, total)
        if best is None:
            s = _SMF_PAGES.match(text)
            if s:
                nums = [int(x) for x in re.findall(r"\d+", s.group(1))]
                cur = re.search(r"\[\s*(\d+)\s*\]", s.group(1))
                if cur and len(nums) > 1 and max(nums) > 1:
                    best = (int(cur.group(1)), max(nums))
        if posts is None and _PAGE_OF.search(text):
            p = _TOPIC_POSTS.search(text.split("•")[0])
            if p:
                digits = re.sub(r"\D", "", p.group(1))
                posts = int(digits) if digits and int(digits) < 1_000_000 else None
    if best is None:
        return None
    return best[0], best[1], posts
