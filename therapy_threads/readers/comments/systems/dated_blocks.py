"""The fallback after the last: repeated blocks that each show a date, a poster and words.

A forum engine or comment template no reader knows still prints one block per post, and every
block shows when (a ``time``, a date or "3 hours ago" in a short element of its own, or after a
label: ``<b>Posted:</b> DATE``), who (a profile link, an element named for the author or user,
or a short bold name) and the words. phpBB 2's ``tr`` rows (``span.name`` + ``span.postdetails``
+ ``span.postbody``), vBulletin 3's ``div`` per post (``table#postN``), FluxBB's
``div.blockpost``, a Jekyll or Hugo theme's ``article`` per comment in a ``div.comments`` box
print that shape without a profile link beside the date (so ``profile-blocks`` cannot read
them) and often without a comment or post class (so neither can ``generic`` or
``forum-posts``). The blocks are the ones ``profile_blocks.dated_block_groups`` finds (the
nearest element above a date that is one of three or more siblings of its kind, with 40+
characters besides the date, a poster, no form and no title, outside sidebars and widgets);
this reader reads the largest group, only on a page no other reader found a comment on.

Not comments: a listing of other pages (a blog's archive, "related stories", a board's file
list, a Q&A site's "more questions on the topic" under the answers) repeats dated blocks too,
but their words are mostly the links to those pages, or each block opens with a heading that
links to the page it teases (an excerpt ending "... read more" and "3 answers - last answer:
DATE by NAME" below it); such a group is left alone and the next largest group, if any, is the
page's posts (a Q&A page's three answers beside a listing of ten other questions).

The opening post: a forum topic prints its first post in the same block as the replies, and on
a topic's first page that first block is the topic itself, not a comment. Blocks in a region
named or headed as comments (``#comments``, ``div.comments__existing``, "3 Kommentare"), named
as replies (``div.reply``), or under a page that prints its own article apart from them are all
comments; otherwise the first block of a first page (no ``?page=N``, "Page 2 of 3" or link to a
previous page: phpBB 2 prints "Goto page Previous 1, 2" in a plain ``span.gensmall``) is the
opening post (``thread_starter``).
"""
from __future__ import annotations

import re
from collections import Counter

from ..._dates import when_from_text
from ..base import CommentSystem, Item, Page
from ..cleanup import is_relative_time, is_reply_word
from ..dom import ancestors, element_children
from .generic import indent_depths
from .profile_blocks import (_INLINE, _MIN_BLOCKS, _SKIP_LEAVES, _TITLE_WORDS, _elsewhere, _kind, _links_elsewhere,
                             _names_someone, _titled, dated_block_groups, poster_node)
from .topic_page import _PREVIOUS, FORUM_PAGE, is_later_page, states_later_page

# A region of comments by its id or class, in the languages the corpus and the templates use
# ("comments", "comment-list", "kommentare", "commentaires", "comentarios", "commenti",
# "reacties", "responses", "replies", "antworten", "réponses", "respuestas", "отзывы"...).
_COMMENTS_REGION = re.compile(
    r"(?:^|[-_\s])(?:comments?|kommentare?|commentaires?|comentarios?|commenti|commento|reacties|"
    r"reactions|responses|replies|antworten|réponses|respuestas|risposte|komentarze|kommentarer|"
    r"kommentit|комментарии|отзывы|ответы|评论|評論)(?:$|[-_\s])|"
    r"^(?:comments?|replies|responses)(?:[-_]?(?:list|area|section|wrap|wrapper|container|"
    r"existing|block|box|thread))?$|__(?:existing|list)$", re.I)
# A heading that opens a comments region ("3 Comments", "Kommentare (5)", "12 réponses à ...").
_COMMENTS_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|reactions|kommentare?|antworten|"
    r"commentaires?|réponses?|comentarios?|respuestas?|commenti|risposte|reacties|"
    r"комментари[йия]|ответ\w*|отзыв\w*)\b", re.I)
# A block named as one reply (imageboards' ``div.reply`` beside the thread's ``div.op``; a site's
# ``div.post-reply``): every such block answers the topic, none is the topic.
_REPLY_KIND = re.compile(r"(?:^|[-_])(?:reply|replies|answer|antwort|comment)(?:$|[-_])")
# The page's own article printed apart from the blocks (a blog post above its comments).
_ARTICLE = "article, [itemprop='articleBody'], .entry-content, .post-content, .article-body, " \
           ".article-content, .post-body, .entry-body, .story-body"
_MIN_ARTICLE = 400  # characters of the article's own words
_LINK_SHARE = 0.5


def _teaser_title(block) -> bool:
    """The block's first heading is (mostly) a link to another page worded as a title (three
    words or more): a teaser's title. A comment's subject linked to its own permalink
    (``#comment-5``) is not one, nor a post's header of a number and its date linked to the
    post (FluxBB's ``h2`` "#2 2024-08-03 14:22:38")."""
    h = block.css_first("h1, h2, h3, h4, h5, h6")
    if h is None:
        return False
    total = len("".join((h.text(separator=" ") or "").split()))
    away = [" ".join((a.text(separator=" ") or "").split()) for a in h.css("a[href]") if _links_elsewhere(a)]
    return total > 0 and len("".join("".join(away).split())) * 2 >= total \
        and len(_TITLE_WORDS.findall(" ".join(away))) >= 3


def _listing(blocks) -> bool:
    """Most blocks are teasers of other pages: mostly link text, or titled by a link away."""
    return sum(_link_share(b) > _LINK_SHARE or _teaser_title(b) for b in blocks) * 2 > len(blocks)


def _posts_group(page: Page):
    """The group of dated blocks read as the page's posts: the largest of three blocks or more
    that is not a listing of other pages, with its short posts (``_short_posts``), as (kind,
    [(block, date), ...]) in document order, or None."""
    groups = dated_block_groups(page)
    for kind, best in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if len(best) < _MIN_BLOCKS:
            return None
        if not _listing([b for b, _ in best]):
            return kind, _short_posts(page, kind, best)
    return None


def _date_path(page: Page, block, date) -> tuple:
    """The kinds (tag and class signature) of the elements from inside ``block`` down to its date."""
    path = [_kind(page, date)]
    for p in ancestors(date):
        if p.mem_id == block.mem_id:
            break
        path.append(_kind(page, p))
    return tuple(reversed(path))


def _at_path(page: Page, block, path):
    """The element of ``block`` at ``path`` (the first child of each kind in turn), or None."""
    n = block
    for kind in path:
        n = next((c for c in element_children(n) if _kind(page, c) == kind), None)
        if n is None:
            return None
    return n


def _text_outside(block, parts) -> str:
    """The block's words outside ``parts`` (and outside scripts and styles)."""
    skip = {p.mem_id for p in parts}
    out = []
    stack = [block]
    while stack:
        n = stack.pop()
        if n.mem_id in skip or n.tag in _SKIP_LEAVES:
            continue
        if n.tag == "-text":
            out.append(n.text_content or "")
            continue
        kids = []
        c = n.child
        while c is not None:
            kids.append(c)
            c = c.next
        stack.extend(reversed(kids))
    return " ".join(" ".join(out).split())


def _short_posts(page: Page, kind, best) -> list:
    """The group with the blocks of its kind beside it that print the date where the others do and
    a poster, but fewer than the 40 characters a block needs to be found from its date alone
    ("Warmages", "impure coraesine is magic"): a one-line answer is a post of the thread like the
    long ones beside it, once the long ones tell what a post looks like here."""
    paths = Counter(_date_path(page, b, d) for b, d in best)
    path, seen = paths.most_common(1)[0]
    if seen * 2 <= len(best):
        return best  # the posts print their dates in no one place: nothing to look for
    ids = {b.mem_id for b, _ in best}
    parents = list({b.parent.mem_id: b.parent for b, _ in best if b.parent is not None}.values())
    short = []
    for par in parents:
        for c in element_children(par):
            if c.mem_id in ids or _kind(page, c) != kind:
                continue
            d = _at_path(page, c, path)
            t = " ".join((d.text() or "").split()) if d is not None else ""
            if not (6 <= len(t) <= 60 and (d.tag == "time" or is_relative_time(t) or when_from_text(t, page.languages))):
                continue
            poster = poster_node(page, c)
            if poster is None or c.css_first("form, textarea, input[type='text']") is not None \
                    or _titled(c) or _elsewhere(page, c):
                continue
            # Words besides the date, the poster and a button ("Reply"): a block of only a name
            # and a date is a stub.
            rest = _text_outside(c, (d, poster))
            if rest and not is_reply_word(rest):
                short.append((c, d))
    if not short:
        return best
    # In the page's order: a threaded page's replies sit in lists inside the posts they answer.
    order = {n.mem_id: i for i, n in enumerate(page.root.traverse())}
    return sorted(best + short, key=lambda bd: order[bd[0].mem_id])


def _link_share(block) -> float:
    """The share of the block's words that are link text (a teaser's title and "read more")."""
    total = len("".join((block.text(separator=" ") or "").split()))
    if not total:
        return 1.0
    linked = sum(len("".join((a.text(separator=" ") or "").split())) for a in block.css("a"))
    return linked / total


def _in_comments_region(page: Page, block, climb: int = 10) -> bool:
    a = page.attrs
    for n in [p for _, p in zip(range(climb), ancestors(block))]:
        if n.tag in ("body", "html"):
            break
        if _COMMENTS_REGION.search(a.id(n) or "") or any(_COMMENTS_REGION.search(c) for c in a.classes(n)):
            return True
        h = n.prev
        while h is not None and not h.is_element_node:
            h = h.prev
        if h is not None and h.tag in ("h1", "h2", "h3", "h4", "h5", "h6") \
                and _COMMENTS_HEADING.match(" ".join((h.text() or "").split())[:80]):
            return True
    return False


def _article_apart(page: Page, blocks) -> bool:
    """The page prints an article of its own (400+ characters) that holds no block and sits in
    none."""
    ids = {b.mem_id for b in blocks}
    above: set[int] = set()
    for b in blocks:
        above.update(p.mem_id for _, p in zip(range(40), ancestors(b)))
    for n in page.root.css(_ARTICLE):
        if n.mem_id in ids or n.mem_id in above or any(p.mem_id in ids for _, p in zip(range(40), ancestors(n))):
            continue
        if len("".join((n.text(separator=" ") or "").split())) >= _MIN_ARTICLE:
            return True
    return False


def _previous_page_link(page: Page) -> bool:
    """A link worded "Previous"/"« Prev"/"Vorherige Seite" (or ``a[rel=prev]``) to another page
    anywhere on the page: phpBB 2's "Goto page Previous 1, 2" and vBulletin's page navigation
    print it outside any pagination-named element. Not a disabled one (``javascript:``, a
    fragment, the page's own address: a first page's greyed "Prev"), and not the head's
    ``link[rel=prev]`` (phpBB 2 names the previous topic so)."""
    own = set()
    for sel, attr in (("link[rel='canonical']", "href"), ("meta[property='og:url']", "content")):
        n = page.root.css_first(sel)
        if n is not None and page.attrs.get(n, attr):
            own.add(page.attrs.get(n, attr).split("#")[0])
    if page.url:
        own.add(page.url.split("#")[0])
    for a in page.root.css("a[href]"):
        t = " ".join((a.text() or "").split()).strip(" «‹<←")
        if not ("prev" in (page.attrs.get(a, "rel") or "").lower().split()
                or t and len(t) <= 20 and _PREVIOUS.match(t)):
            continue
        href = (page.attrs.get(a, "href") or "").strip()
        if not href or href.startswith(("#", "javascript:")) or href.split("#")[0] in own \
                or any("disabled" in c for c in page.attrs.classes(a)):
            continue
        return True
    return False


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NOT_WORDS = _SKIP_LEAVES | {"form", "img", "svg", "textarea", "input", "select", "hr", "br"}
_MAX_NAME = 60
_WORDS_SHARE = 0.95
_HEADER_NAMED = re.compile(r"foot|sig|meta|info|user|author|poster|profile|avatar|date|time|tool|"
                           r"action|rating|vote|like|share|report|button|rank|level|reputation", re.I)


def _squashed_len(n) -> int:
    return len("".join((n.text(separator=" ") or "").split()))


def _fields(page: Page, block, date):
    """(poster's name, words' element, parts to leave out) of one dated block. The block also
    prints its header (the poster's name and profile column, "Member", "Registered: DATE",
    "Posts: N", the "#2" number and the date, a signature, "Like Quote"): the words are the
    outermost element that holds neither the poster's nor the date's element and holds half or
    more of what the block prints besides them, taken when it holds 95% or more of it (a first
    paragraph beside the date, in the container of the words, is not all of them) and is not
    mostly link text ("In reply to NAME").
    The name is given only from a profile link. None where the block does
    not part so (the whole block is then read, as before)."""
    poster = poster_node(page, block)
    name = " ".join((poster.text(separator=" ") or "").split()) if poster is not None else ""
    if poster is None or poster.tag != "a" \
            or not (2 <= len(name) <= _MAX_NAME) or len(name.split()) > 6:
        # A name element told by its class may be the poster's whole info box ("Userlevel 7"),
        # a short bold one a label ("Дата:"): the engine's own author roles tell the name there.
        name = ""
    # The poster's column and the date's header line (with the post's "#2" beside the date) are
    # the header's, never inside the words: an element that holds one holds the header too.
    marks = _poster_columns(page, block, (poster, date))
    above = {p.mem_id for n in marks for p in ancestors(n)}
    # The poster's and the date's elements, and the parts a template names as the post's
    # header, footer or the poster's box (a signature, "Userlevel 7", "Like Quote"), are not
    # the words, and their text does not count in what the words must outweigh.
    apart = [d for d in block.traverse() if d.is_element_node and d.mem_id != block.mem_id
             and (d.tag in ("header", "footer", "aside")
                                            or any(_HEADER_NAMED.search(c) for c in page.attrs.classes(d)))]
    outer = [n for n in marks + apart
             if not any(o.mem_id != n.mem_id and o.mem_id in {p.mem_id for p in ancestors(n)} for o in marks + apart)]
    inside = {d.mem_id for n in outer for d in n.traverse()}
    rest = _squashed_len(block) - sum(_squashed_len(n) for n in outer)
    best = None
    for d in block.traverse():
        if not d.is_element_node or d.mem_id == block.mem_id or d.mem_id in above \
                or d.mem_id in inside or d.tag in _NOT_WORDS or d.tag in _HEADINGS or d.tag in _INLINE:
            continue  # (a bare bold name or link beside the date is the header's, not the words)
        # The outermost such element (a quote of another post inside the words is shorter
        # or longer than the poster's own words, never around them).
        if _squashed_len(d) * 2 >= rest and _link_share(d) <= _LINK_SHARE:
            # (an "In reply to NAME" link is the header's, never the words)
            # It must hold (nearly) all of it: a first paragraph beside the date in the
            # container of the words is not the words (the whole block is read then, as before).
            if _squashed_len(d) >= _WORDS_SHARE * rest:
                best = d
            break
    if best is None:
        return name or None, None, []
    # A heading inside the words is kept: an answer's own title and a roleplay post's section
    # headings are the poster's words alike.
    return name or None, best, []


# The poster's column beside the words, as forum templates print it: FluxBB's ``div.postleft`` >
# ``dl`` (``dt`` name, ``dd.usertitle`` "Member", ``dd`` "Registered: DATE", ``dd`` "Posts: N"),
# phpBB 2's and vBulletin 3's poster cell ("Joined:", "Posts:", "Location:"), SMF's ``ul`` of
# member group and post count: short lines and no paragraph, quotation, code, heading, table or
# picture (a picture stops it: Invision Power Board 1.x's poster cell holds the avatar beside
# lines its words need to outweigh). It is found from what it holds: the poster's element, the
# date's element (its header line, with the "#2" beside the date), or a list of the poster's
# labelled counts (two or more short items, one "Label: number": a guest's column has no profile
# link or name class to start from, and a list in a post's words is rarely such a column).
_POSTER_BOX_MAX = 200
_WORDS_TAGS = "p, blockquote, pre, code, h1, h2, h3, h4, h5, h6, table, img"
_PROFILE_ITEM_MAX = 60
# A profile item "Label: value" with a number in the value ("Posts: 3", "Registered: 2019-09-25",
# "Beiträge: 1.204", "Messages : 57").
_KEY_NUMBER = re.compile(r"^[^\W\d_][^:\n]{0,24}\s?:\s*\S{0,20}\d")


def _poster_columns(page: Page, block, anchors) -> list:
    """The header's columns of ``block``: around each anchor (the poster's and the date's
    elements given, and every list of labelled counts in the block), the largest element inside
    the block that prints nothing of the post's words (no paragraph, quotation, code, heading,
    table or picture besides the anchor's own, 200 characters at most), or the anchor itself;
    one column per anchor, in the order given."""
    starts = [n for n in anchors if n is not None]
    for lst in block.css("dl, ul"):
        items = [c for c in lst.iter() if c.is_element_node and c.tag in ("dt", "dd", "li")]
        texts = [" ".join((c.text(separator=" ") or "").split()) for c in items]
        if len(items) >= 2 and all(len(t) <= _PROFILE_ITEM_MAX for t in texts) \
                and any(_KEY_NUMBER.match(t) for t in texts):
            starts.append(lst)
    # One column per anchor, never merged: a header cell that holds both the poster and the date
    # is left out twice from what the words must outweigh (``_fields``), which is what its 95%
    # share was measured with; merged, 68 blocks of the corpus (Slashdot's and Habr's comment
    # headers, IPB 1.x's poster cells) lose their words element and are read whole, header and all.
    out = []
    for start in starts:
        col = start
        p = start.parent
        while p is not None and p.is_element_node and p.mem_id != block.mem_id:
            if _squashed_len(p) > _POSTER_BOX_MAX or any(
                    d.mem_id != start.mem_id for d in p.css(_WORDS_TAGS)
                    if not any(x.mem_id == start.mem_id for x in ancestors(d))):
                break
            col = p
            p = p.parent
        out.append(col)
    return out


_NUMBERED = re.compile(r"^[A-Za-z_-]*\d+$")


def _anchor_key(page: Page, block, budget: int = 40) -> str:
    """The block's own permalink name: its numbered id (``div#edit123``), or the empty named
    anchor a post template prints just before it or first inside it (``<a name="post-575">``,
    phpBB 2's ``<a name="5120">``), which the posts' "In reply to" links point at; "" if none."""
    a = page.attrs
    if _NUMBERED.match(a.id(block) or ""):
        return a.id(block)
    prev = block.prev
    while prev is not None and not prev.is_element_node:
        prev = prev.prev
    cands = [prev] if prev is not None and prev.tag == "a" else []
    for d in block.traverse():
        budget -= 1
        if budget < 0:
            break
        if d.tag == "a":
            cands.append(d)
            break
    for c in cands:
        name = a.get(c, "name") or a.id(c)
        if name and not (c.text() or "").strip() and _NUMBERED.match(name):
            return name
    return ""


def _earlier_of_kind(page: Page, block) -> bool:
    """A block of the same kind printed before the first dated one (under the same parent): the
    topic's opening post in the same template without a date shown (wpForo's first post), so
    the first dated block is a reply."""
    kind = _kind(page, block)
    p = block.prev
    while p is not None:
        if p.is_element_node and _kind(page, p) == kind \
                and len(" ".join((p.text(separator=" ") or "").split())) >= 40 and _names_someone(page, p):
            return True
        p = p.prev
    return False


def unread_of_kind(page: Page) -> tuple[str, int] | None:
    """For a page the dated blocks were read from: when blocks of the group's kind beside them
    (under the same parents, 40+ characters of words) were not in the group (a guest's post with
    a plain name, a post whose date the reader could not tell), ("tag.class", the kind's blocks
    in all), else None."""
    group = _posts_group(page)
    if group is None:
        return None
    kind, best = group
    ids = {b.mem_id for b, _ in best}
    parents = {b.parent.mem_id: b.parent for b, _ in best if b.parent is not None}
    extra = sum(1 for par in parents.values() for c in par.iter()
                if c.is_element_node and c.mem_id not in ids and _kind(page, c) == kind
                and len(" ".join((c.text(separator=" ") or "").split())) >= 40 and _names_someone(page, c))
    if not extra:
        return None
    tag, cls = kind
    name = ".".join(sorted(cls)[:2])
    return (f"{tag}.{name}" if name else tag), len(best) + extra


class DatedBlocks(CommentSystem):
    name = "dated-blocks"
    order = 100  # after profile-blocks: only on a page no reader found a comment on

    def find(self, page: Page) -> list[Item]:
        group = _posts_group(page)
        if group is None:
            return []
        (_, cls), best = group
        blocks = [b for b, _ in best]
        depths = indent_depths(page, blocks)
        # Keys from the posts' own anchors, so that a reply's "In reply to NAME" link to one
        # (``#post-575``) names its parent; none unless every block has its own.
        keys = [_anchor_key(page, b) for b in blocks]
        if not all(keys) or len(set(keys)) < len(keys):
            keys = [""] * len(blocks)
        out = []
        for i, (b, d) in enumerate(best):
            # The header goes to the fields (author, date), never into the text.
            author, words, subject = _fields(page, b, d)
            out.append(Item(b, self.name, keys[i], date=d, depth=depths[i] if depths else None,
                            author=author, content=words, not_text=subject))
        if not any(_REPLY_KIND.search(c) for c in cls) and not _in_comments_region(page, blocks[0]) \
                and not _earlier_of_kind(page, blocks[0]) \
                and not _article_apart(page, blocks) and not is_later_page(page, FORUM_PAGE) \
                and not states_later_page(page) and not _previous_page_link(page):
            out[0].skip_reason = "thread_starter"
        return out
