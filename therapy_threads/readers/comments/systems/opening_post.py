"""A forum topic's opening post printed in the replies' own template, seen by a fallback reader.

The readers of named engines know their opening post (phpBB's first post of a first page,
FluxBB's ``firstpost``, bbPress's ``type-topic``, Discourse's ``#post_1``...). A reader that
knows no engine (``generic``'s repeated comment-like blocks) sees the topic's own post as one
more block whenever the theme prints it with the replies' markup. Drupal's forum module does so
in many themes: the topic is the node (``node.tpl.php``: ``div.node`` / ``article.node``, with
``forum-topic-navigation.tpl.php``'s ``div.forum-topic-navigation`` at its foot) and a theme's
node template for forum topics copies the comment template (``div.comment`` > ``h3.title``,
``.submitted``, ``.content``), while the replies stand in ``comment-wrapper.tpl.php``'s
``div#comments``, each after its ``<a id="comment-N">``. Forum engines title a reply after the
topic with their reply prefix (SMF's ``$txt['response_prefix']``: "Re: ", "Aw: ", "Sv: ",
"Odp: ", "Răspuns: ", "رد: ", "回复： "; phpBB, vBulletin and MyBB print "Re:"/"RE:" alike).

Forum engines also number a topic's posts from its opening post and word each post's permalink
with that place ("#1", "#2": vBulletin 4's ``a.postcounter``, NodeBB's ``a.post-index``,
XenForo, MyBB, Invision 4): a first block whose permalink to a post says "#1", followed by one
saying "#2", is the topic. (Kaskus numbers the replies from "#1" and prints the topic apart; its
permalinks are ``/show_post/ID``, which no engine numbering the topic itself prints.)

The first block is the topic's post, not a comment, when it is titled as the page (the topic's
title, in ``<title>`` or the ``h1``) and either stands apart from the replies (every other block
sits in a region named or headed as comments that does not hold it) or the replies are titled
after it ("Re: TITLE", most of them). A blog comment whose subject repeats the post's title is
inside the comments region with the others, and a thread's first comment answered by "Re:"
replies is not titled as the page.
"""
from __future__ import annotations

import re

from ..base import Page
from ... import json_ld
from ..dom import ancestors

# Reply prefixes of forum engines' language packs (SMF's response_prefix; phpBB/vBulletin/MyBB
# "Re:"), with a counter some print ("Re[2]:", "Re(2):").
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|vs|odp|antw|ynt|res|răspuns|رد|回复|回覆|答复|отв|ответ)"
                           r"\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*", re.I)
_WS = re.compile(r"\s+")
# A region of comments by its id or class (Drupal's ``div#comments``/``div.comment-wrapper``,
# ``section.comments``, a forum's ``div#replies``); the heading test is dated_blocks'.
_REGION = re.compile(r"(?:^|[-_])(?:comments?|replies|responses|antworten|réponses|respuestas|"
                     r"risposte|reacties|kommentare|commentaires|comentarios|commenti)"
                     r"(?:$|[-_](?:wrapper|wrap|list|area|section|container|block|box|thread))", re.I)
_HEADINGS = "h1, h2, h3, h4, h5, h6"
_MIN_TITLE = 4


def _norm(s: str | None) -> str:
    return _WS.sub(" ", (s or "")).strip().lower()


def _subject(block) -> str:
    """The block's own title: its first heading's text ("" when it prints none)."""
    h = block.css_first(_HEADINGS)
    return _norm(h.text(separator=" ")) if h is not None else ""


def _page_titles(page: Page) -> list[str]:
    out = []
    t = page.root.css_first("title")
    if t is not None:
        out.append(_norm(t.text(separator=" ")))
    out.extend(_norm(h.text(separator=" ")) for h in page.root.css("h1")[:3])
    return [x for x in out if x]


def _titled_as_page(page: Page, subject: str) -> bool:
    """The subject is the page's title, or the part of ``<title>`` before the site's name
    ("pulsed battery charging | Archived Forum")."""
    if len(subject) < _MIN_TITLE or _REPLY_PREFIX.match(subject):
        return False
    for t in _page_titles(page):
        if t == subject:
            return True
        for sep in (" | ", " - ", " – ", " — ", " :: ", " » ", " · "):
            if sep in t and subject in [p.strip() for p in t.split(sep)]:
                return True
    return False


def _replies_titled_after(subject: str, rest) -> bool:
    """Most of the other blocks are titled "Re: SUBJECT"."""
    hits = 0
    for b in rest:
        s = _subject(b)
        m = _REPLY_PREFIX.match(s)
        if m and s[m.end():].strip() == subject:
            hits += 1
    return hits * 2 >= len(rest) and hits > 0


def _named_region(page: Page, n) -> bool:
    a = page.attrs
    if _REGION.search(a.id(n) or "") or any(_REGION.search(c) for c in a.classes(n)):
        return True
    h = n.prev
    while h is not None and not h.is_element_node:
        h = h.prev
    if h is not None and h.tag in ("h2", "h3", "h4") and re.match(
            r"^\W*(?:\d+\s+)?(?:comments?|replies|responses|antworten|kommentare|réponses|"
            r"commentaires|respuestas|comentarios|risposte|commenti|reacties)\b",
            _norm(h.text(separator=" "))):
        return True
    return False


def _apart(page: Page, first, rest) -> bool:
    """Every other block sits in one region named or headed as comments that does not hold the
    first block."""
    region = None
    for p in ancestors(rest[0]):
        if p.tag in ("body", "html"):
            return False
        if _named_region(page, p):
            region = p
            break
    if region is None:
        return False
    inside = lambda n: any(p.mem_id == region.mem_id for p in ancestors(n))  # noqa: E731
    return not inside(first) and all(inside(b) for b in rest)


# A post's permalink worded with its place in the topic: vBulletin 4's ``a.postcounter`` "#1"
# (``showthread.php?p=ID#postID``), NodeBB's ``a.post-index`` "#1" (``/post/ID``), XenForo's "#1"
# (``/threads/SLUG.ID/post-ID``), MyBB's "#1" (``showthread.php?pid=ID#pidID``), Invision 4's
# "#1" (``?do=findComment&comment=ID``: its posts are "comments" of the topic).
_PLACE = re.compile(r"^#\s?(\d{1,5})$")
_POST_LINK = re.compile(r"(?:^|/)(?:post|posts|p|showpost\.php)[/=_-]?\d+|[?&](?:p|pid|postid|post)=\d+|"
                        r"#(?:post|pid|p)[-_]?\d+$|[-/]post-?\d+|do=findComment", re.I)
# A blog theme numbers its comments "#1", "#2" with links to ``#comment-ID``: comments, all of them.
_COMMENT_LINK = re.compile(r"#comment|/comment[s]?/|[?&]c(?:omment)?id=", re.I)


def _place(page: Page, block, budget: int = 400) -> int | None:
    """The place in the topic the block's own permalink states ("#2"), or None."""
    for a in block.css("a[href]"):
        budget -= 1
        if budget < 0:
            break
        m = _PLACE.match(" ".join((a.text() or "").split()))
        href = page.attrs.get(a, "href") or ""
        if m and _POST_LINK.search(href) and not _COMMENT_LINK.search(href):
            return int(m.group(1))
    return None


# WordPress's post_class() names each post's type ("type-post", "type-page"): a forum plugin's
# loop prints the topic's lead post as "type-topic" and the replies as "type-reply" (bbPress's
# loop-single-reply.php, bbp_reply_class()).
_POST_TYPE = re.compile(r"^type-([a-z0-9_-]+)$")


def _post_types(page: Page, block, budget: int = 60) -> set[str]:
    out: set[str] = set()
    for d in block.traverse():
        budget -= 1
        if budget < 0:
            break
        if d.is_element_node:
            out.update(m.group(1) for c in page.attrs.classes(d) if (m := _POST_TYPE.match(c)))
    return out


def _typed_apart(page: Page, first, rest) -> bool:
    """The first block is of one post type and every other block of one other type."""
    head = _post_types(page, first)
    if len(head) != 1:
        return False
    others = [_post_types(page, b) for b in rest]
    return all(len(t) == 1 and t == others[0] for t in others) and others[0] != head


def reply_subject(page: Page, line: str) -> bool:
    """A reply's subject line as forum engines print it over the words: their reply prefix and
    the topic's title ("AW: TITLE", vBulletin's ``h2.title``; "Re: TITLE", SMF's subject)."""
    s = _norm(line)
    m = _REPLY_PREFIX.match(s)
    if m is None or len(s) > 200:
        return False
    # The page's title may carry the topic's prefix or the site's name around it ("[gelöst]
    # TITLE", "TITLE | Forum"): the subject stands in it whole.
    subject = s[m.end():].strip()
    return len(subject) >= _MIN_TITLE and any(subject in t for t in _page_titles(page))


# The second signs that the first block is the topic's own post, each an engine's own word for
# it (the page's address alone is not one: a theme may print the opening post apart, above the
# blocks, whose first is then a reply).
#
# The place in the topic as an attribute of the post: NodeBB's ``li[component=post]``
# ``data-index`` (0 for the topic's own post; ``partials/topic/post.tpl`` of its themes),
# Flarum's ``div.PostStream-item`` ``data-index``/``data-number``, Discourse's app view
# ``data-post-number`` and its crawler view's ``span[itemprop=position]`` N in ``div#post_N``
# (``topics/show.html.erb``); value for the topic's own post. Not an id "post_N" alone: other
# boards number the posts of each page so (a later page's first post is "post_1" too).
_PLACE_ATTRS = (("data-index", 0), ("data-post-number", 1), ("data-number", 1))


def _scope(block, other) -> list:
    """The block and its ancestors that do not hold ``other`` (the next block): the elements
    that are this post's own, wherever the reader drew the block's edge."""
    out = [block]
    around_other = {p.mem_id for p in ancestors(other)}
    for p in ancestors(block):
        if p.tag in ("body", "html") or p.mem_id in around_other or len(out) > 30:
            break
        out.append(p)
    return out


def _attr_place(page: Page, block, other, budget: int = 80) -> tuple[str, int] | None:
    """(the attribute, the 0-based place) the post's own markup states, or None."""
    a = page.attrs

    def place(d) -> tuple[str, int] | None:
        for name, base in _PLACE_ATTRS:
            v = a.get(d, name)
            if v.isdigit() and len(v) <= 5:
                return name, int(v) - base
        if a.get(d, "itemprop") == "position":
            t = (d.text() or "").strip().lstrip("#")
            if t.isdigit() and len(t) <= 5:
                return "position", int(t) - 1
        return None

    for d in _scope(block, other)[1:]:
        if (got := place(d)) is not None:
            return got
    for d in block.traverse():
        budget -= 1
        if budget < 0:
            break
        if d.is_element_node and (got := place(d)) is not None:
            return got
    return None


def _placed_first(page: Page, first, second) -> bool:
    """The first block's markup states place 1 and the second block's place 2, the same way."""
    f, s = _attr_place(page, first, second), _attr_place(page, second, first)
    return f is not None and s is not None and f[0] == s[0] and f[1] == 0 and s[1] == 1


# A class or attribute an engine or theme gives the topic's opening post only: FluxBB's
# ``div.blockpost.firstpost`` (``viewtopic.php``), SimplePress's ``spFirstPost``, XenForo theme
# add-ons' ``message--thfeature_firstPost``, Invision 5's ``data-ips-first-post``, a board's own
# ``first-post``/``qa-topic-first-post``. Not "thread-starter"/"topic-starter" (a badge on every
# post of the topic's author) nor an ad slot printed after the first post (``axd_first-post``).
_FIRST_CLASS = re.compile(r"first[-_]?post$")
_AD_CLASS = re.compile(r"^(?:axd|ads?|after|below|under)(?:[-_]|$)")
_FIRST_ATTRS = ("data-ips-first-post",)


def _marked(page: Page, nodes) -> bool:
    a = page.attrs
    for d in nodes:
        if any(_FIRST_CLASS.search(c) and not _AD_CLASS.match(c) for c in a.classes(d)):
            return True
        if any(k in a.attrs(d) for k in _FIRST_ATTRS):
            return True
    return False


def _marked_first(page: Page, first, rest) -> bool:
    """The first block (or an element around it of its own) is marked as the opening post and
    no other block is."""
    if not _marked(page, _scope(first, rest[0])):
        return False
    return not any(_marked(page, _scope(b, first)) for b in rest[:50])


# The page's structured data (schema.org, as Google asks forums and Q&A sites to print it)
# states the topic's own post with its words: a ``DiscussionForumPosting`` or
# ``SocialMediaPosting`` with ``text``/``articleBody`` (Invision 4's topic view, XenForo 2.2),
# a ``QAPage``'s ``Question``. The first block holding those words outside its quotes is that
# post; a reply quoting it holds them inside a quote.
_POSTING_TYPES = frozenset({"DiscussionForumPosting", "SocialMediaPosting", "Question"})
_NOT_WORD = re.compile(r"\W+")
_PROBE = 40
_MIN_PROBE = 20


def _posting_probes(page: Page) -> list[str]:
    out = []
    for d in json_ld.objects(page.root):
        if not json_ld.types(d) & _POSTING_TYPES:
            continue
        text = d.get("text") or d.get("articleBody")
        if isinstance(text, str):
            probe = _NOT_WORD.sub("", text)[:_PROBE].lower()
            if len(probe) >= _MIN_PROBE:
                out.append(probe)
    return out


def _own_words(page: Page, block) -> str:
    text = block.text(separator=" ")
    for q in block.css("blockquote, [class*='quote'], [class*='Quote']"):
        qt = q.text(separator=" ")
        if qt.strip():
            text = text.replace(qt, " ")
    return _NOT_WORD.sub("", text).lower()


def _states_posting(page: Page, first) -> bool:
    probes = _posting_probes(page)
    if not probes:
        return False
    words = _own_words(page, first)
    return any(p in words for p in probes)


def opening_post(page: Page, blocks: list) -> bool:
    """Whether ``blocks[0]`` (the blocks in document order) is the topic's own post."""
    if len(blocks) < 2:
        return False
    first, rest = blocks[0], blocks[1:]
    # Forum engines number a topic's posts from its opening post: "#1" is the topic itself.
    if _place(page, first) == 1 and _place(page, rest[0]) == 2:
        return True
    if _typed_apart(page, first, rest):
        return True
    # The engine's own word for the first post: its place in attributes, a first-post mark, or
    # the page's structured data holding its words.
    if _placed_first(page, first, rest[0]) or _marked_first(page, first, rest) \
            or _states_posting(page, first):
        return True
    subject = _subject(first)
    if not _titled_as_page(page, subject):
        return False
    return _apart(page, first, rest) or _replies_titled_after(subject, rest)
