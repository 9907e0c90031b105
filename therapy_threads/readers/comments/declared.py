"""What a page says about its own comments: "54 Kommentare", a script-loaded system, markup.

Three questions, asked so that a page with comments never yields zero in silence:

* ``declared_count`` — the number the page states ("12 thoughts on", "54 Kommentare",
  "3 réponses à", "Comments (7)", schema.org ``commentCount``), in the comment section's heading
  first, then in count elements and the post's own "N comments" link;
* ``loaded_by_script`` — comment systems that render in the browser (Disqus, Facebook, Isso,
  Commento, utterances, giscus, Hyvor, Remark42, IntenseDebate...): their comments are not in
  saved HTML, and the message says to use the system's export;
* ``unclaimed_markup`` — elements that look like comments (numbered ``comment-N`` ids and the
  like) that no recogniser took.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .. import json_ld
from .dom import Attrs, ancestors

# Nouns for "comment(s)"/"reply"/"response"/"thought" in the languages WordPress, Blogger and
# Drupal ship translations for (their "%s Comments" / "%s thoughts on" strings).
_NOUNS = (
    r"comments?|responses?|replies|reply|thoughts?|webmentions?|kommentare?|kommentaren?|antworten|"
    r"reaktionen|gedanken|r[ée]ponses?|commentaires?|r[ée]actions?|comentarios?|coment[áa]rios?|"
    r"respuestas?|respostas?|commenti|commento|risposte|reacties?|opmerkingen|kommentarer?|"
    r"svar|kommentti[a]?|kommentit|vastausta|komentarz[ey]?|komentarzy|odpowiedzi|"
    r"коммента\w*|отзыв\w*|ответ\w*|коментар\w*|komentář\w*|hozzászólás\w*|yorum\w*|"
    r"σχόλι\w*|תגובות|تعليق\w*|コメント|评论|評論|留言|댓글"
)
_COUNT_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,\u00a0 ]\d{3})*|\d+)\s*(?:" + _NOUNS + r")\b",
                           re.I)
_COUNT_AFTER = re.compile(r"(?:" + _NOUNS + r")\s*[:(\[]?\s*(\d{1,6})\s*[)\]]?", re.I)
_COUNT_CJK = re.compile(r"(\d{1,6})\s*(?:条评论|則留言|条留言|件のコメント|개의 댓글)")
# A page of a list: "1 - 8 of 8", "21–40 von 75", "1 à 10 sur 12".
_RANGE = re.compile(r"\b\d{1,6}\s*(?:[-–]|à|bis|a|to)\s*\d{1,6}\s+(?:of|von|sur|de|di|van|av|z|из)\s+"
                    r"(\d{1,6})\b", re.I)
_ONE = re.compile(r"^\s*(?:one|a single|ein|eine|einen|un|une|uno|una|um|uma|één|en|ett|jeden|"
                  r"jedna|один|одна)\s+(?:" + _NOUNS + r")\b", re.I)
_NONE = re.compile(r"^\s*(?:no|keine|aucun|aucune|ningún|ninguno|nessun|geen|inga|ingen|brak|"
                   r"нет)\s+(?:" + _NOUNS + r")\b", re.I)
_HEADING_SEL = ("#comments-title, .comments-title, .comment-title, .comments__title, "
                ".comments__headline, .comments-headline, .comments__count, .comment-count-title, "
                ".comments-heading, .comment-reply-title, #comments h2, #comments h3, #comments h4, "
                ".comments-area h2, .comments-area h3, #comments > h2, .comment-count, "
                ".comments-count, .comments_count, #comments-count, .commentcount, "
                ".comments-number, .discourse .replies, h2.title, h3.comments, .comments h2, "
                ".comments h3, .comments h4, #disqus_thread h2, .wpd-thread-info, "
                ".epoch-wrapper h3, .comment-count-area, .divforum h2, .forum h2, .comments-total, "
                ".comment-total, .comments_total, .total-comments, .total-comment-count")


def count_in(text: str) -> int | None:
    """The comment count a short text states, or None."""
    t = " ".join(text.split())
    if not t or len(t) > 200:
        return None
    if _NONE.match(t):
        return 0
    if _ONE.match(t):
        return 1
    m = _RANGE.search(t)
    if m and re.search(_NOUNS, t, re.I):
        return int(m.group(1))  # "Showing Replies 1 - 8 of 8": the total, not the first shown
    for rx in (_COUNT_BEFORE, _COUNT_CJK, _COUNT_AFTER):
        m = rx.search(t)
        if m:
            digits = re.sub(r"\D", "", m.group(1))
            if digits:
                return int(digits)
    return None


_SECTION_HEAD = re.compile(r"^(?:[a-z0-9]+[-_])?comments?[-_](?:header|heading|head|title)$")
_COUNT_ID = re.compile(r"^(?:post|article|entry|story|blog)?[-_]?comments?[-_]?(?:count|number|num|total|cnt)$",
                       re.I)
_LEADING_NUMBER = re.compile(r"^\s*\(?(\d{1,6})\)?\s+[^\W\d_]{3,}")


def _named_for_comments(n: LexborNode, attrs: Attrs, levels: int = 4) -> bool:
    """The element or one of its nearest ancestors names comments in its id or class."""
    for i, el in enumerate((n, *ancestors(n))):
        if i > levels:
            break
        if "omment" in attrs.id(el).lower() or any("omment" in c for c in attrs.classes(el)):
            return True
    return False


_PATH_TAIL = re.compile(r"/comment-page-\d+/?$|/+$")


def _own_address(root: LexborNode, attrs: Attrs) -> tuple[str, str] | None:
    """(host, path) of the page's canonical address, when it states one."""
    for sel, attr in (("link[rel='canonical']", "href"), ("meta[property='og:url']", "content")):
        n = root.css_first(sel)
        u = urlsplit(attrs.get(n, attr)) if n is not None else None
        if u is not None and u.scheme in ("http", "https") and u.netloc:
            return u.netloc.lower().removeprefix("www."), _PATH_TAIL.sub("", u.path)
    return None


def _points_here(href: str, own: tuple[str, str]) -> bool:
    u = urlsplit(href)
    if not u.path:
        return True  # "#comments" on this page
    if u.netloc and u.netloc.lower().removeprefix("www.") != own[0]:
        return True  # another host (a mirror, a saved copy): nothing to compare
    return _PATH_TAIL.sub("", u.path) == own[1]


_THRESHOLD_OPTION = re.compile(r"^-?\d+:\s*(\d{1,6})\s+comments?$", re.I)


def declared_count(root: LexborNode, attrs: Attrs) -> tuple[int | None, str]:
    """(count the page states, where it was found)."""
    for n in root.css(_HEADING_SEL):
        text = n.text(separator=" ", strip=True)
        c = count_in(text)
        if c is None and len(text) <= 60 and _named_for_comments(n, attrs):
            # The comment section's own heading: "91 Ergänzungen", "12 Wortmeldungen" — any
            # noun a theme chose, since the element says it is the comments' heading (a bare
            # ``h2.title`` is as often the post's own: "2013 World Tour" states no count).
            m = _LEADING_NUMBER.match(text)
            c = int(m.group(1)) if m else None
        if c is not None:
            return c, "heading"
    for n in root.css("[itemprop='commentCount'], meta[itemprop='interactionCount']"):
        v = attrs.get(n, "content") or n.text(strip=True)
        m = re.search(r"(\d+)", v)
        if m and ("UserComments" in v or attrs.get(n, "itemprop") == "commentCount"):
            return int(m.group(1)), "metadata"
    for n in root.css("[id*='omment']"):
        # A count element named by an id, which a page has once: cnblogs' "评论(<span
        # id=post_comment_count>2</span>)", "<b id=comments-count>7</b>". A bare number under a
        # class is left alone: themes print it on every teaser of other posts too.
        if _COUNT_ID.match(attrs.id(n)):
            text = n.text(strip=True)
            if text.isdigit() and len(text) <= 6:
                return int(text), "count element"
    for n in root.css("h2, h3, h4"):
        text = n.text(separator=" ", strip=True)
        if len(text) <= 120:
            c = count_in(text)
            if c is not None and re.search(_NOUNS, text, re.I):
                return c, "heading"
    for n in root.css("[class*='omment']"):
        # The comment section's own header under a site's prefix ("news-comment-header":
        # "YORUMLAR <span>21</span>"), stating noun and number. A comment's own header sits in
        # its item (a list item, a block classed "comment") and is not the section's.
        if any(_SECTION_HEAD.match(c) for c in attrs.classes(n)) \
                and not any(p.tag == "li" or "comment" in attrs.classes(p) for p in ancestors(n)):
            text = n.text(separator=" ", strip=True)
            c = count_in(text) if len(text) <= 60 else None
            if c is not None:
                return c, "heading"
    for n in root.css("select[name='threshold'] > option[selected]"):
        # Slash's Display Options (2006-2008): the selected score threshold and the comments the
        # page prints at it, full ones and one-line stubs ("1: 183 comments").
        m = _THRESHOLD_OPTION.match(n.text(separator=" ", strip=True))
        if m:
            return int(m.group(1)), "threshold"
    own = _own_address(root, attrs)
    for n in root.css("a[href$='#comments'], a[href$='#respond'], a[href*='#comment'], "
                      "a[href^='#'][href*='comments']"):
        if own is not None and not _points_here(attrs.get(n, "href"), own):
            continue  # "36 replies" under a teaser of another post (a related-posts list)
        c = count_in(n.text(separator=" ", strip=True))
        if c is not None:
            return c, "link"
    return _shell_count(root, attrs)


# A page whose comments render in the browser still states their number in what the server
# sends: schema.org's ``commentCount`` or an ``interactionStatistic`` of ``CommentAction``
# (``UserComments`` before 2016) in JSON-LD, a web component's ``comment-count`` attribute
# (new Reddit's ``<shreddit-post comment-count="47">``), a meta tag named for the count.
FORUM_TOPIC_COUNT = "structured data of the forum topic"
_COUNT_ATTRS = ("comment-count", "data-comment-count", "commentcount", "comments-count",
                "data-comments-count")
_COUNT_META = re.compile(r"^(?:[a-z]+:)?comments?[-_:]?count$", re.I)
_COMMENT_ACTION = re.compile(r"(?:^|/)(?:CommentAction|UserComments)$")


def _count_value(v) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int) and 0 <= v < 10_000_000:
        return v
    if isinstance(v, str) and v.strip().isdigit() and len(v.strip()) <= 7:
        return int(v.strip())
    return None


def _one(values: list[int]) -> int | None:
    """The count when every statement of it agrees (a listing states one per teaser). A zero is
    no statement: a CMS prints its own table's count (0) beside a comment service it does not
    know of (a WordPress blog's commentCount under Disqus), and a page that states nothing keeps
    the warning that names the service loading its comments."""
    values = [v for v in values if v > 0]
    return values[0] if values and len(set(values)) == 1 else None


def _ld_counts(root: LexborNode) -> list[tuple[int, bool]]:
    """(count, stated of a forum topic) per JSON-LD object that states one."""
    out = []
    for d in json_ld.objects(root):
        if json_ld.types(d) & {"Comment", "Answer", "ListItem", "Review"}:
            continue
        c = _count_value(d.get("commentCount"))
        stats = d.get("interactionStatistic")
        for st in (stats if isinstance(stats, list) else [stats]):
            if c is None and isinstance(st, dict):
                kind = st.get("interactionType")
                kind = kind.get("@type") if isinstance(kind, dict) else kind
                if isinstance(kind, str) and _COMMENT_ACTION.search(kind):
                    c = _count_value(st.get("userInteractionCount"))
        if c is not None:
            out.append((c, "DiscussionForumPosting" in json_ld.types(d)))
    return out


def _shell_count(root: LexborNode, attrs: Attrs) -> tuple[int | None, str]:
    counts = _ld_counts(root)
    c = _one([v for v, _ in counts])
    if c is not None:
        # A forum topic's count may take in its opening post (Invision's CommentAction counts
        # the topic's posts): said, so that one fewer read is no shortfall.
        return c, FORUM_TOPIC_COUNT if any(topic for _, topic in counts) else "structured data"
    found: list[tuple[int, str]] = []
    for n in root.css(", ".join(f"[{a}]" for a in _COUNT_ATTRS)):
        for a in _COUNT_ATTRS:
            v = _count_value(attrs.get(n, a))
            if v is not None:
                found.append((v, n.tag))
                break
        if len(found) > 40:
            return None, ""
    c = _one([v for v, _ in found])
    if c is not None:
        tag = next((t for _, t in found if "-" in t), found[0][1])
        return c, f"the {tag} element's comment count"
    values = [_count_value(attrs.get(n, "content")) for n in root.css("meta[name], meta[property]")
              if _COUNT_META.match(attrs.get(n, "name") or attrs.get(n, "property"))]
    c = _one([v for v in values if v is not None])
    if c is not None:
        return c, "metadata"
    return None, ""


def shell_system(where: str) -> str | None:
    """The comment system a declaration's web component names: ``<shreddit-post>`` is
    Reddit's shreddit."""
    m = re.match(r"^the ([a-z][a-z0-9]*)-[a-z0-9-]+ element's", where)
    return m.group(1) if m else None


# Systems that render comments in the browser: (name, markers in the lower-cased HTML).
_SCRIPT_SYSTEMS = (
    ("disqus", ("disqus_thread", "disqus.com/embed.js", ".disqus.com/")),
    ("facebook", ("fb-comments", "facebook.com/plugins/comments")),
    ("isso", ("isso-thread", "/isso/js/embed", "data-isso=")),
    ("commento", ("commento.io", 'id="commento"')),
    ("utterances", ("utteranc.es",)),
    ("giscus", ("giscus.app", 'class="giscus')),
    ("hyvor", ("talk.hyvor.com", "hyvor-talk")),
    ("remark42", ("remark42",)),
    ("intensedebate", ("intensedebate.com",)),
    ("livefyre", ("livefyre",)),
    ("viafoura", ("viafoura",)),
    ("vuukle", ("vuukle",)),
    ("openweb", ("spot.im", "openweb")),
    ("coral", ("coral-talk", "coralproject")),
    ("graphcomment", ("graphcomment",)),
    ("hypercomments", ("hypercomments",)),
    ("cackle", ("cackle.me",)),
    ("discourse", ("discourseembed", "discourse-comments")),
    ("jetpack", ("jetpack_remote_comment", "jetpack-comments-iframe", "highlander-comments-iframe")),
    ("wpdiscuz", ("wpdiscuz", "wpdcom")),
    ("epoch", ("epoch-comments", "epoch-wrapper")),
)


def loaded_by_script(html: str) -> list[str]:
    """Names of comment systems the page loads in the browser (their comments are not here)."""
    head = (html if len(html) < 4_000_000 else html[:2_000_000] + html[-2_000_000:]).lower()
    return [name for name, markers in _SCRIPT_SYSTEMS if any(m in head for m in markers)]


_ATTR = re.compile(r"""\b(id|name|data-content|thingid)\s*=\s*["']([\w-]{2,40})["']""", re.I)
# Reddit: old.reddit's ``div#thing_t1_<id>``, the 2023 app's ``shreddit-comment thingid="t1_<id>"``.
_COMMENT_ID = re.compile(r"^(?:(?:li-|div-)?comment-?(\d+)|wpd-comm-(\d+)_\d+|wc-comm-(\d+)_\d+|"
                         r"dsq-comment-(\d+)|c(\d{6,})|forum(\d+)|js-post-(\d+)|"
                         r"(?:thing_)?(t1_[a-z0-9]{3,13}))$", re.I)
_NAMED_ID = re.compile(r"^forum(\d+)$", re.I)
_CONTENT_ID = re.compile(r"^post-(\d+)$", re.I)
# phpBB 2 (``templates/subSilver/viewtopic_body.tpl``, every 2.0.x release) has no post element:
# each post row opens with ``<span class="name"><a name="{postrow.U_POST_ID}"></a>``.
_PHPBB2_POST = re.compile(r"""<span\s+class=["']?name["']?\s*>\s*<a\s+name=["']?(\d+)["']?\s*>""", re.I)


def raw_comment_ids(html: str) -> set[str]:
    """Comment-like element ids and anchors in the page, read from the text with a regex.

    This is the second, simpler path the reconciliation compares the reader with: it does not
    parse HTML, so a reader that loses comments cannot lose them here too. Numbers are what is
    compared (``li-comment-5`` and ``comment-5`` are one comment).
    """
    out: set[str] = set()
    for m in _ATTR.finditer(html):
        attr, value = m.group(1).lower(), m.group(2)
        rx = _COMMENT_ID if attr in ("id", "thingid") else _NAMED_ID if attr == "name" else _CONTENT_ID
        v = rx.match(value)
        if v:
            out.add(next(g for g in v.groups() if g))
    out.update(_PHPBB2_POST.findall(html))
    return out


# The one marker each system's own template prints exactly once per post or comment, by system.
# Distinct numbers are counted (a post's several ids share its number: phpBB's ``div#p5`` and
# ``div#post_content5`` are one post), one system at a time, so that quotes, "permalink" links
# and two markers per post never add up. Each pattern is ``(tags, id pattern, class pattern)``
# over one start tag; a tag name of ``a`` reads the ``name`` or ``id`` anchor.
#
# * WordPress ``Walker_Comment`` ``li#comment-N`` (``div-comment-N`` inside), Drupal
#   ``<a id="comment-N">``, Blogger ``cNNNNNNN``, Disqus' ``dsq-comment-N``: ``raw_comment_ids``;
# * phpBB 3 prosilver ``viewtopic_body.html``: ``div#p{POST_ID}.post`` and
#   ``div#post_content{POST_ID}``; subsilver2 ``<a name="p{POST_ID}">``; FluxBB/PunBB
#   ``div#p{ID}.blockpost``; phpBB 2 ``<span class="name"><a name="{U_POST_ID}">``;
# * vBulletin 3/4 ``postbit``: ``div#post_message_{postid}``;
# * vBulletin 4 ``li#post_{postid}``, MyBB ``div#post_{pid}``, Discourse ``div#post_{post_number}``
#   (``article#post_N`` in the app; not its ``small-action`` notes): ``post_N`` on a post's block;
# * XenForo 1 ``li#post-{post_id}.message``, XenForo 2 ``article#js-post-{post_id}``
#   (``data-content="post-N"``);
# * SMF ``Display.template.php``: ``div#msg{id_msg}`` / ``<a id="msg{id_msg}">`` and ``msg_{id_msg}``;
# * Invision 4 ``article#elComment_{id}`` (``comment-{id}_wrap``), Invision 3 ``div#post_id_{id}``
#   and ``<a id="entry{id}">``;
# * Vanilla ``li#Comment_{CommentID}``; rendered Disqus ``li.post#post-{id}``;
# * tibia.com's own forum ``div.ForumPost#Post_{ID}`` (the thread's header row is a
#   ``div.ForumPost`` without an id).
_UNIT_TAG = re.compile(r"<(div|article|li|a|table|section|span)\s[^<>]{0,2000}>", re.I)
_UNIT_ID = re.compile(r"""\s(?:id|name)=["']([\w-]{2,40})["']""")
_UNIT_CLASS = re.compile(r"""\sclass=["']([^"']{0,300})["']""")
# Discourse prints its small actions ("closed this topic", "pinned globally") as posts of the
# stream (``article#post_N.small-action``): a moderator's note, not a post.
_NOT_UNIT = re.compile(r"\bsmall-action\b")
_UNITS: tuple[tuple[str, str, re.Pattern, re.Pattern | None], ...] = (
    ("phpbb/fluxbb (div#pN.post)", "div", re.compile(r"^p(\d+)$"),
     re.compile(r"\b(?:post|blockpost)\b")),
    ("phpbb/fluxbb (div#pN.post)", "div", re.compile(r"^post_content(\d+)$"), None),
    ("phpbb/fluxbb (div#pN.post)", "a", re.compile(r"^p(\d+)$"), None),
    ("vbulletin (post_message_N)", "div", re.compile(r"^post_message_(\d+)$"), None),
    ("vbulletin/mybb/discourse (post_N)", "div article li table", re.compile(r"^post_(\d+)$"), None),
    ("xenforo (post-N)", "li", re.compile(r"^post-(\d+)$"), re.compile(r"\bmessage\b")),
    ("xenforo (post-N)", "article div", re.compile(r"^js-post-(\d+)$"), None),
    ("smf (msgN)", "div a", re.compile(r"^msg_?(\d+)$"), None),
    ("invision (elComment_N)", "article div", re.compile(r"^elComment_(\d+)$|^comment-(\d+)_wrap$"),
     None),
    ("invision (post_id_N)", "div", re.compile(r"^post_id_(\d+)$"), None),
    ("invision (post_id_N)", "a", re.compile(r"^entry(\d+)$"), None),
    ("vanilla (Comment_N)", "li", re.compile(r"^Comment_(\d+)$"), None),
    ("disqus (li.post#post-N)", "li", re.compile(r"^post-(\d+)$"), re.compile(r"^post$")),
    ("tibiacom (div#Post_N.ForumPost)", "div", re.compile(r"^Post_(\d+)$"), re.compile(r"\bForumPost\b")),
)

# Forum markers count a topic's opening post too (on its first page), which the reader takes as
# the post; Vanilla's comments and Disqus' posts are replies only, like comment ids.
TOPIC_COUNTED = frozenset(system for system, *_ in _UNITS) - {"vanilla (Comment_N)",
                                                              "disqus (li.post#post-N)"}


def unit_ids(html: str, comment_ids: set[str] | None = None) -> dict[str, set[str]]:
    """System (and its marker) -> the distinct posts/comments it marks in the page text: the
    independent count of comment-like units that "nothing lost" compares with what was read
    (the sets of a thread's several pages are united). The ids of ``raw_comment_ids`` are one
    entry ("comment ids")."""
    seen: dict[str, set[str]] = {}
    for m in _UNIT_TAG.finditer(html):
        tag = m.group(0)
        name = m.group(1).lower()
        for idm in _UNIT_ID.finditer(tag):
            value = idm.group(1)
            for system, tags, rx, cls in _UNITS:
                if name not in tags.split():
                    continue
                v = rx.match(value)
                if v is None:
                    continue
                c = _UNIT_CLASS.search(tag)
                if c is not None and _NOT_UNIT.search(c.group(1)):
                    continue
                if cls is not None and (c is None or not cls.search(c.group(1))):
                    continue
                seen.setdefault(system, set()).add(next(g for g in v.groups() if g))
    ids = raw_comment_ids(html) if comment_ids is None else comment_ids
    if ids:
        seen[COMMENT_IDS] = ids
    rendered = staticman_units(html)
    if rendered:
        seen[STATICMAN] = rendered
    return seen


COMMENT_IDS = "comment ids (comment-N, Blogger cN, phpBB 2 anchors...)"
STATICMAN = "staticman (comments rendered at build time)"
# Counted even when nothing was read: no other path names these pages' comments (their ids, where
# they have any, are uuids or "comment1", which ``raw_comment_ids`` does not take).
COUNTED_WHEN_NONE_READ = frozenset({COMMENT_IDS, STATICMAN})

# Staticman's comment form (systems/staticman.py): its API's path or host, or its hidden options.
_STATICMAN_FORM = re.compile(r"""<form\s[^>]*action=["'][^"']*(?:staticman|/v[1-3]/entry/)|"""
                             r"""name=["']options\[(?:slug|origin)\]["']""", re.I)
# One start tag per comment in the themes' templates: Minimal/Made Mistakes' ``.js-comment.comment``,
# Beautiful Hugo's ``article.static-comment``, hugo-dusk's ``blockquote.comment``.
_STATICMAN_UNIT = re.compile(
    r"""<(?:article|div)\s[^>]*class=["'](?=[^"']*\bjs-comment\b)(?=[^"']*(?<![\w-])comment(?![\w-]))"""
    r"""[^"']*["']|<article\s[^>]*class=["'][^"']*\bstatic-comment\b|"""
    r"""<blockquote\s+class=["']comment["']\s*>""")


def staticman_units(html: str) -> set[str]:
    """The comments a page's Staticman templates print (one start tag each, told apart by place),
    on a page whose form posts to Staticman; else none."""
    if not _STATICMAN_FORM.search(html):
        return set()
    return {str(m.start()) for m in _STATICMAN_UNIT.finditer(html)
            if "data-comment-user-id" not in m.group(0)}
