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
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborNode

from .._dates import (When, Yearless, find_date_span, when_from_machine, when_from_text, with_shown_local,
                      yearless_date)
from ..html_text import node_text, unwrap_wayback
from . import roles
from .base import EMBED_ONLY, IMAGE_ONLY, NO_WORDS, CommentSystem, Item, Page, level_number
from .cleanup import (SAID, _only_a_date, bare_name, clean_author, clean_comment_text, is_date_line, is_number_label, is_profile_label, is_reply_word,
                      is_relative_time, is_role_word, split_signature)
from .dom import Attrs, ancestors, contains, memo_up, next_element, prev_element
from .pagination import page_aliases, post_id_of
from .systems import SYSTEMS
from .systems.generic import ancestors_of, reply_block
from .systems.opening_post import opening_post, reply_subject

_BY_NAME: dict[str, CommentSystem] = {s.name: s for s in SYSTEMS}
_BY_NAME["jetpack"] = _BY_NAME["wordpress"]
# The fallbacks: readers of a kind of markup (repeated comment-like blocks, forum post blocks,
# bare lists, post tables, numbered permalinks, reply buttons), not of one named system; they run
# after every named system (order 93 and later).
FALLBACKS: frozenset[str] = frozenset(s.name for s in SYSTEMS if s.order >= 93)
# Named systems left out of step 1 (the leave-system-out evaluation of bench_readers.py: how the
# engine reads a system it has no reader for), and the systems each thread was read with while
# ``systems_off`` is in force.
_OFF: frozenset[str] = frozenset()
_SEEN: list[Counter] = []


def reader_name(label: str) -> str:
    """The recogniser that labels its comments ``label`` ("jetpack" comments: WordPress's)."""
    system = _BY_NAME.get(label)
    return system.name if system is not None else label


@contextmanager
def systems_off(names=()):
    """Read with the named systems' recognisers left out; yields a Counter of the systems that
    read comments (system -> comments) in the threads read meanwhile. For evaluation only."""
    global _OFF
    before = _OFF
    seen: Counter = Counter()
    _OFF = frozenset(reader_name(n) for n in names)
    _SEEN.append(seen)
    try:
        yield seen
    finally:
        _OFF = before
        _SEEN.remove(seen)
_MARK = "data-tt-comment"

# A comment list inside one of these is another post's comments ("Recent comments" widgets).
_OTHER_POSTS = re.compile(r"recent[-_]?comments?|recentcomments|latest[-_]?comments|"
                          r"top[-_]comments|most[-_]commented|popular|related|rpwe|"
                          r"jetpack_top")
# The same widget told by its heading, on sites whose markup names no region ("Letzte Kommentare").
_OTHER_HEADING = re.compile(
    r"^\W*(?:(?:the\s+)?(?:most\s+)?(?:recent|latest|newest|new|last|neueste|letzte|aktuelle|neue|"
    r"derniers|dernières|nouveaux|últimos|ultimos|recientes|ultimi|nieuwste|laatste)\s+"
    r"(?:comments?|kommentare|commentaires|comentarios|commenti|reacties|reactions|reaktionen)|"
    r"(?:commentaires|comentarios|commenti)\s+(?:récents|recents|recientes|recenti)|"
    r"most\s+commented|meistkommentiert\w*|meist\s+kommentiert\w*)\W*$", re.I)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Weaker: sidebars and widget areas; they decide only between competing comment sections.
# A "comment widget" is as often the article's own embedded thread (a forum's or a publisher's
# comment embed) as a sidebar list: weak, like a sidebar.
_SIDEBAR = re.compile(r"^(?:widget|widgets|widget-area|sidebar.*|.*[-_]sidebar|secondary|"
                      r"complementary|teaser.*|.*comments?[-_]?widget.*|.*widget[-_]?comments?.*)$")
_BLOGGER_POST_WIDGET = re.compile(r"^Blog\d+$")
_CONTAINER_CLASSES = frozenset({"hentry", "type-post", "blog-post", "post-outer", "h-entry",
                                "node-article", "node--type-article"})
# Also spelt with "_" ("comment_children": a news site's own 2010 system, ``div.comment_item`` and
# its replies in the ``div.comment_children`` that follows it).
_WRAPPER = frozenset(roles.REPLY_WRAPPER_WORDS) | frozenset(
    w.replace("-", "_") for w in roles.REPLY_WRAPPER_WORDS)
_LOGIN_PATH = re.compile(r"(?:^|/)(?:user/)?(?:login|log-in|logon|signin|sign-in|sign_in|signup|"
                         r"sign-up|register|wp-login\.php|join)(?:/|\.\w+)?$", re.I)
_RETURN_QUERY = re.compile(r"(?:^|&)(?:destination|redirect|redirect_to|redirect_uri|return|"
                           r"return_to|returnurl|returnto|next|continue)=", re.I)
_COMMENT_PATH = re.compile(r"/comments?/\d+/?$")
# TypePad names a comment by a hex id ("#comment-6a00d83451f23a69e2017744b28bfe970d").
_PERMALINK = re.compile(r"#comment-?(?:\d+|[0-9a-f]{16,})$|[?&]showComment=|#c\d{6,}$")


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
    age: str | None = None  # "3 weeks ago" as shown, where the comment shows no date
    # A date shown without its year ("March 3 at 4:12 pm"): placed in a year from the post's date
    # by the page reader where only one year fits (``_dates.place_year``), else kept as shown.
    yearless: Yearless | None = None
    yearless_text: str = ""
    # The page shows a deletion notice where the words were: kept (replies keep their parent),
    # published with empty text and the ``removed`` flag; the notice is never the text.
    removed: bool = False


@dataclass(slots=True)
class Thread:
    comments: list[RawComment] = field(default_factory=list)
    systems: Counter = field(default_factory=Counter)  # system -> comments read
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    depth_from_classes: int = 0
    other_sections: int = 0
    parents_elsewhere: int = 0  # comments answering a post that is not on the page

    @property
    def system(self) -> str | None:
        return self.systems.most_common(1)[0][0] if self.systems else None


def extract_thread(root: LexborNode, attrs: Attrs, *, url: str | None = None,
                   languages: tuple[str, ...] = (), raw_ids: set[str] | None = None) -> Thread:
    page = Page(root=root, attrs=attrs, url=url, languages=languages, raw_ids=raw_ids)
    items = _collect(page)
    thread = Thread()
    if not items:
        return thread
    _order(page, items)
    _zero_based_levels(page, items)
    guessed = all(it.system == "dated-blocks" for it in items)
    items = _scope(page, items, thread)
    if not items:
        # The guess of last resort found only other posts' blocks (a "next stories" strip):
        # nothing read and nothing skipped, as if it had found none.
        return Thread() if guessed else thread
    opening = _skip_opening_post(page, items)
    by_id = {it.node.mem_id: it for it in items}
    # Fields are read one comment at a time with their own attribute cache, so memory holds
    # one comment's elements, not the whole thread's.
    page_attrs = page.attrs
    parents = _structure(page, items, by_id, thread)
    pings = _ping_sections(page, items)
    # A ping the page prints in the thread is left out, but a comment answering it is still a
    # comment of this post: it hangs where the ping hung (the ping's own parent, or the top).
    left_out: dict[str, str | None] = {}
    answered = {p for p in parents if p}
    for i, it in enumerate(items):
        own = _own_elements_of(it, by_id)
        page.attrs = Attrs()
        if not it.skip_reason and (it.node.mem_id in pings or _is_ping(page, own)):
            it.skip_reason = "pingback"
        if not it.skip_reason and _is_ad_slot(it, own):
            it.skip_reason = "advertising"
        if not it.skip_reason and it.system in _ENGINE_BLIND and _platform_notice(page, own):
            it.skip_reason = "system_notice"
        if not it.skip_reason and i == 0 and _marked_first_post(page, own):
            it.skip_reason = "thread_starter"
        if it.skip_reason and it.skip_reason != "deleted":
            thread.skipped[it.skip_reason] += 1
            if it.skip_reason == "pingback":
                left_out[it.key] = parents[i]
            elif it.skip_reason == "thread_starter" and (it.system == "dated-blocks" or it is opening and it.key):
                # A reply "In reply to" the topic's opening post answers the topic: top level.
                left_out[it.key] = None
            continue
        rc = _read_fields(page, it, own, by_id, parents[i], i)
        if it.skip_reason == "deleted":
            # The system knows the comment is shown as deleted (Reddit's and Hacker News' rows
            # without words): a node like any removed comment, below.
            rc.removed, rc.text = True, ""
        elif _PING_TEXT.match(rc.text) or not rc.text.strip() and _ping_words(own):
            thread.skipped["pingback"] += 1
            left_out[rc.key] = rc.parent_key
            continue
        if _removal_marked(page, own) or _DELETED_TEXT.match(rc.text):
            # The platform's notice for a removed comment: the comment stays a node (its replies
            # keep their parent; the stated count includes it), marked removed, without the
            # notice as its words (the commenter did not write it).
            rc.removed, rc.text = True, ""
        if rc.removed and not (rc.key and rc.key in answered) and _notice_hidden(page, own):
            # A removed comment the page does not show (its notice hidden by the widget, no
            # replies under it; Livefyre's stream keeps one so): counted, not a comment.
            thread.skipped["deleted"] += 1
            continue
        if rc.removed and rc.author and _GONE_AUTHOR.match(rc.author):
            rc.author = rc.author_url = None  # "[deleted]" stands where the name was: no one
        thread.comments.append(rc)
        thread.systems[it.system] += 1
        thread.parents_elsewhere += it.parent_elsewhere
    page.attrs = page_attrs
    for seen in _SEEN:
        seen.update(thread.systems)
    if left_out:
        for rc in thread.comments:
            seen = 0
            while rc.parent_key in left_out and seen < len(left_out):
                rc.parent_key = left_out[rc.parent_key]
                seen += 1
    return thread


# A comment system's notice for a removed comment, printed where its words were, when it is the
# whole text ("[deleted]", "This comment has been deleted", "该评论已删除", "Dieser Kommentar wurde
# gelöscht"), with the agent Blogger's localised notices name ("This comment has been removed by
# the author." / "by a blog administrator.", "Ce commentaire a été supprimé par l'auteur.",
# "Dieser Kommentar wurde vom Autor entfernt.", "Este comentario ha sido eliminado por el autor.").
_BY = (r"(?:\s+(?:by|par|von|vom|por|pelo|pela|dall['’]|da|door|przez|av|af)\b[^.。!！\n]{0,40}|"
       r"\s+dall['’][^.。!！\n]{0,40})?")
_DELETED_TEXT = re.compile(
    r"^\s*(?:\[(?:deleted|removed|gelöscht|supprimé|eliminado)\]|"
    r"(?:this\s+)?(?:comment|reply|post|message)\s+(?:has\s+been\s+|was\s+)?(?:deleted|removed)" + _BY + "|"
    r"(?:dieser\s+)?(?:kommentar|beitrag)(?:\s+wurde)?" + _BY + r"\s+(?:gelöscht|entfernt)|"
    r"(?:ce\s+)?commentaire\s+(?:a\s+été\s+)?supprimé" + _BY + "|"
    r"(?:este\s+)?(?:comentario|comentário)\s+(?:ha\s+sido\s+|foi\s+)?(?:eliminado|removido|excluído)" + _BY + "|"
    r"(?:questo\s+)?commento\s+(?:è\s+stato\s+)?(?:eliminato|rimosso)" + _BY + "|"
    r"(?:deze\s+)?(?:reactie|opmerking)\s+(?:is\s+)?verwijderd" + _BY + "|"
    r"(?:该|此|這條|这条|該)?(?:评论|評論|回复|回覆)(?:已|已经|已經|已被)(?:删除|刪除)|"
    r"このコメントは削除されました|삭제된 댓글입니다|"
    # Discourse puts its locale's notice in place of a post its author deleted (post.deleted_by_author:
    # "(post withdrawn by author, will be automatically deleted in 24 hours unless flagged)",
    # deleted_by_author_simple: "(post deleted by author)"; the PostDestroyer writes
    # js.post/js.topic.deleted_by_author_simple in the site's default locale, so a German
    # forum's post reads client.de.yml's "(Beitrag vom Verfasser gelöscht)", its first post
    # "(Thema vom Verfasser gelöscht)")
    r"\((?:post|topic)\s+(?:withdrawn|deleted)\s+by\s+(?:the\s+)?author\b[^()]{0,80}\)|"
    r"\((?:beitrag|thema)\s+vom\s+verfasser\s+gelöscht\)|"
    # and in place of a post the community's flags hid, for everyone but staff and its author
    # (PostSerializer#cooked: server.en.yml flagging.user_must_edit)
    r"this\s+post\s+was\s+flagged\s+by\s+the\s+community\s+and\s+is\s+temporarily\s+hidden)"
    r"\s*[.。!！]?\s*$", re.I)

# What a platform prints where a removed comment's author was (Reddit, Hacker News).
_GONE_AUTHOR = re.compile(r"^\s*\[?(?:deleted|removed|gelöscht|supprimé|eliminado)\]?\s*$", re.I)

# Markup a comment system prints only for a removed comment, from its templates: Blogger's
# ``<span class='deleted-comment'>`` around the notice (classic ``dd.comment-body`` and threaded
# ``p.comment-content`` alike).
_REMOVED_CLASSES = frozenset({"deleted-comment", "fyre-comment-deleted"})
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)


def _removal_marked(page: Page, own: list[LexborNode]) -> bool:
    return any(page.attrs.classes(n) & _REMOVED_CLASSES for n in own[:80])


def _notice_hidden(page: Page, own: list[LexborNode]) -> bool:
    """The removal notice sits in an element the page hides (``style="display: none"``)."""
    for n in own[:80]:
        if not _DISPLAY_NONE.search(page.attrs.get(n, "style") or ""):
            continue
        words = " ".join(n.text(separator=" ", strip=True).split())
        if _DELETED_TEXT.match(words) or any(page.attrs.classes(d) & _REMOVED_CLASSES for d in n.css("*")):
            return True
    return False


# The readers that know no engine: they see a forum topic's opening post as one more block when
# the theme prints it in the replies' template (``systems/opening_post.py``). A named engine's
# reader decides its own opening post.
_ENGINE_BLIND = frozenset({"generic", "forum-posts", "plain-list", "post-table", "numbered-posts",
                           "reply-button-posts", "profile-blocks", "dated-blocks"})


def _skip_opening_post(page: Page, items: list[Item]) -> Item | None:
    """On a page read by the engine-blind readers alone, the topic's own post printed as the
    first block (titled as the page, apart from the replies or answered by "Re: TITLE") is the
    post, not a comment: skipped as the thread's starter."""
    if len(items) < 2 or any(it.system not in _ENGINE_BLIND for it in items) \
            or any(it.skip_reason == "thread_starter" for it in items):
        return None
    if not opening_post(page, [it.node for it in items]):
        return None
    items[0].skip_reason = "thread_starter"
    return items[0]


# --------------------------------------------------------------------------- 1. collect

_KEY_NUM = re.compile(r"^\D*(\d+)\D*$")
_PING = re.compile(r"^\s*(?:pingback|trackback|pingback-url)\b", re.I)


def _is_ping(page: Page, own: list[LexborNode]) -> bool:
    """A ping printed as a comment without WordPress's pingback class ("Pingback von <a>...")."""
    for n in own[:8]:
        t = n.text(deep=False, separator=" ", strip=True).strip(" |:-–—•·")
        if _PING.match(t):
            return True
        if len(t) > 15:
            return False  # the comment's own words come first
    return False


# Forums print an advertising slot in the post list with the post template (vBulletin skins, an
# Invision theme): the poster's name is the word "Advertising" in the site's language, the words
# an ad script's empty box; it may even repeat a real post's id. Never a comment. (Not "Ad": a
# Dutch first name.)
_AD_LABEL = re.compile(
    r"^(?:advertising|advertisement|advertisements|sponsored|our sponsors|"
    r"anzeigen?|werbung|gesponsert|publicit[ée]|annonces?|sponsoris[ée]|publicidad|anuncios?|"
    r"patrocinado|pubblicit[àa]|sponsorizzato|publicidade|advertentie|advertenties|gesponsord|"
    r"reklame|reklama|reklam|annons|annonse|mainos|реклама|спонсор|広告|广告|廣告|광고)$", re.I)


def _is_ad_slot(it: Item, own: list[LexborNode]) -> bool:
    """An ad printed as a post: its name part (outside the words) says "Advertising"."""
    if it.author and _AD_LABEL.match(it.author.strip(" :|-")):
        return True
    content = it.content.mem_id if it.content is not None else None
    inside: set[int] = set()
    for n in own[:80]:
        p = n.parent
        if n.mem_id == content or p is not None and p.mem_id in inside:
            inside.add(n.mem_id)
            continue
        t = n.text(deep=False, separator=" ", strip=True).strip(" :|-")
        if t and _AD_LABEL.match(t):
            return True
    return False


# Discourse prints a topic's automatic notices ("This topic was automatically closed 60 days after
# the last reply", "... now pinned", "... moved") as posts of its built-in user (id -1, username
# ``system``, ``db/fixtures/009_users.rb``): the crawler view links the poster as ``/u/system``
# inside ``span.creator[itemprop=author]`` (before 2018 ``/users/system``), whatever the locale.
# The named reader knows them (and the Ember view's ``small-action`` blocks); the readers that know
# no engine must know the system user's too.
_SYSTEM_POSTER = re.compile(r"/u(?:sers)?/system/?(?:[?#].*)?$")
_POSTER_MARKS = frozenset({"creator", "username", "names", "author", "poster"})


def _platform_notice(page: Page, own: list[LexborNode]) -> bool:
    """A block the forum itself wrote: its poster is Discourse's built-in ``system`` user."""
    for n in own[:80]:
        if n.tag != "a" or not _SYSTEM_POSTER.search(page.attrs.get(n, "href") or ""):
            continue
        if any(page.attrs.get(up, "itemprop") == "author" or page.attrs.classes(up) & _POSTER_MARKS
               for up in islice(ancestors(n), 3)):
            return True
    return False


# WordPress writes a received pingback's text as "[…] excerpt […]" (wp_xmlrpc_server::pingback_ping):
# a theme without the pingback class prints it as an ordinary comment, whose author is a post title.
_PING_TEXT = re.compile(r"^\[(?:…|\.\.\.)\].*\[(?:…|\.\.\.)\]\W*$", re.S)


def _ping_words(own: list[LexborNode]) -> bool:
    """A comment read without words whose own block prints a ping's "[…] excerpt […]" (an
    excerpt that opens with a date loses its words to the date reader)."""
    return any(_PING_TEXT.match(n.text(deep=False, strip=True)) for n in own[:80])


# Tapatalk's hosted forums (phpBB underneath) mark the topic's opening post with an empty
# ``<i id="pfirst">`` beside its ``<i id="p{ID}">`` anchor: the post, not a reply.
_FIRST_POST_IDS = frozenset({"pfirst"})


def _marked_first_post(page: Page, own: list[LexborNode]) -> bool:
    return any(page.attrs.id(n) in _FIRST_POST_IDS for n in own[:200])


# Themes list pings apart from comments (Twenty Ten's and Divi's ``ol.pinglist`` under
# "Trackbacks/Pingbacks", ``#pings``, ``#trackbacks``), often without a class on the items.
_PING_TOKENS = frozenset({"pinglist", "ping-list", "pings", "pingbacks", "trackbacks", "trackback-list",
                          "pingback-list", "pingbacklist", "trackbacklist", "pings-list"})
_PING_HEADING = re.compile(r"^\W*(?:trackbacks?|pingbacks?|pings)\b", re.I)


def _ping_sections(page: Page, items: list[Item]) -> set[int]:
    """The items inside a list of pings, told by its name or its heading."""
    a = page.attrs
    out: set[int] = set()
    verdict: dict[int, bool] = {}
    for it in items:
        p = it.node.parent
        if p is None:
            continue
        v = verdict.get(p.mem_id)
        if v is None:
            v = False
            q = p
            for _ in range(3):
                if q is None or not q.is_element_node or q.tag in ("body", "html"):
                    break
                if (a.classes(q) | {a.id(q).lower()}) & _PING_TOKENS:
                    v = True
                    break
                q = q.parent
            if not v:
                heading = _heading_before(p)
                v = bool(heading and len(heading) <= 60 and _PING_HEADING.match(heading))
            verdict[p.mem_id] = v
        if v:
            out.add(it.node.mem_id)
    return out


def _collect(page: Page) -> list[Item]:
    claimed: dict[int, Item] = {}
    above_claimed: set[int] = set()  # ancestors of claimed elements
    out: list[Item] = []
    for system in SYSTEMS:
        if system.name in _OFF:
            continue
        if system.name == "generic" and out and page.raw_ids is not None \
                and page.raw_ids <= {_KEY_NUM.sub(r"\1", it.key) for it in out}:
            break  # every comment id on the page is read already: no repeated blocks left over
        if system.name in ("profile-blocks", "dated-blocks") and out:
            break  # the last resorts, for a page no other reader found a comment on
        found = system.find(page)
        if not found:
            continue
        memo: dict[int, object] = {}
        fresh: list[Item] = []
        seen: set[int] = set()
        for it in found:
            nid = it.node.mem_id
            if nid in claimed or nid in seen or nid in above_claimed:
                continue  # taken, or a wrapper around comments another system took
            inside = memo_up(it.node, memo, lambda n: True if n.mem_id in claimed else None)
            if inside:
                continue
            seen.add(nid)
            fresh.append(it)
        fresh = _pair_definitions(page, _drop_double_wraps(fresh))
        for it in fresh:
            claimed[it.node.mem_id] = it
            for extra in it.extra_nodes:
                claimed[extra.mem_id] = it
            p = it.node.parent
            while p is not None and p.is_element_node and p.mem_id not in above_claimed:
                above_claimed.add(p.mem_id)
                p = p.parent
        out.extend(fresh)
    out.extend(_owner_replies(page, out))
    return out


def _owner_replies(page: Page, items: list[Item]) -> list[Item]:
    """The blog owner's answer printed inside a comment: a reply to that comment."""
    ids = {it.node.mem_id: it for it in items}
    # (a system that named the comment's own words element has said what it is: "reply-text" of
    # a forum's reply block is the reply's words, not an owner's answer inside it; so is a
    # reply-named box between the comment's element and its words: Bahamut's ``div.reply-content``
    # around a comment's name, words and date)
    words = {n.mem_id for it in items if it.content is not None for n in _words_path(it)}
    memo: dict[int, object] = {}
    out: list[Item] = []
    above: set[int] | None = None
    for n in page.root.css("[class*='eply'], [class*='esponse'], [class*='nswer']"):
        if n.mem_id in ids or n.mem_id in words:
            continue
        cls = page.attrs.classes(n)
        owner = any(roles.OWNER_REPLY.match(c) for c in cls)
        # A reply block with its own name, date and words inside the comment (a site's own
        # two-level list: ``div.comment`` > ``div.reply-area`` > ``div.reply``): anyone's reply.
        if not owner:
            if not reply_block(n, cls, page.attrs):
                continue
            if above is None:
                above = ancestors_of(it.node for it in items)
            if n.mem_id in above:
                continue  # a box holding comments already read is their list, not a reply
        p = n.parent
        anc = memo_up(p, memo, lambda x: ids.get(x.mem_id)) if p is not None else None
        if not isinstance(anc, Item) or anc.skip_reason:
            continue
        text = n.text(separator=" ", strip=True)
        if len(text) < 2 or is_reply_word(text):
            continue
        if not owner and not _words_beside(anc.node, n, ids):
            continue  # the comment's own block (SPIP's ``div.comment.reply`` in its ``li``)
        out.append(Item(n, anc.system, f"{anc.key}-reply{len(out) + 1}" if anc.key else "",
                        is_post_author=True if owner else None, late=True))
    return out


def _words_path(it: Item, limit: int = 8) -> list[LexborNode]:
    """The item's words element and the elements between it and the item's own element."""
    out = [it.content]
    n = it.content.parent
    while n is not None and n.mem_id != it.node.mem_id and len(out) <= limit:
        out.append(n)
        n = n.parent
    return out if n is not None and n.mem_id == it.node.mem_id else out[:1]


def _words_beside(item: LexborNode, block: LexborNode, ids: dict[int, Item], budget: int = 2000) -> bool:
    """The comment ``item`` prints words of its own (a text of 15 characters or more) outside
    ``block`` and outside the comments nested in it."""
    stack = [c for c in item.iter(include_text=True)][::-1]
    while stack and budget > 0:
        d = stack.pop()
        budget -= 1
        if d.mem_id == block.mem_id or d.mem_id in ids:
            continue
        if not d.is_element_node:
            if len((d.text() or "").strip()) >= 15:
                return True
            continue
        if d.tag in ("script", "style", "form", "template"):
            continue
        stack.extend(list(d.iter(include_text=True))[::-1])
    return False


def _pair_definitions(page: Page, items: list[Item]) -> list[Item]:
    """``<dt>`` + ``<dd>`` comments (Blogger classic, some WordPress callbacks): one comment."""
    ids = {it.node.mem_id for it in items}
    partners: set[int] = set()
    for it in items:
        if it.node.tag != "dt":
            continue
        nxt = next_element(it.node)
        while nxt is not None and nxt.tag == "dd":
            if nxt.mem_id not in {x.mem_id for x in it.extra_nodes}:
                it.extra_nodes.append(nxt)
            partners.add(nxt.mem_id)
            nxt = next_element(nxt)
    if not partners:
        return items
    return [it for it in items if it.node.mem_id not in partners or it.node.mem_id not in ids]


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

def _scope_signal(page: Page, n: LexborNode) -> str | None:
    """"other" (a recent/related comments widget), "sidebar" (weak), or None for one element."""
    if n.tag in ("body", "html", "main"):
        return None
    if _container(page, n) is not None:
        # A post's own element: WordPress's post_class() prints its categories, tags and custom
        # terms ("tag-popular", "category-related-news"): words the author chose, not regions.
        return None
    a = page.attrs
    tokens = a.classes(n) | ({a.id(n).lower()} if a.id(n) else set())
    if "blog" in tokens and "widget" in tokens and _BLOGGER_POST_WIDGET.match(a.id(n)):
        # Blogger prints the post and its comments inside its "Blog" layout widget
        # (div.widget.Blog#Blog1): the page's main region, not a sidebar widget.
        return None
    if any(_OTHER_POSTS.search(t) for t in tokens):
        return "other"
    if n.tag in ("nav",) or a.get(n, "role") in ("complementary", "navigation"):
        return "sidebar"
    if n.tag == "aside" or any(_SIDEBAR.match(t) for t in tokens):
        return "sidebar"
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
    """Keep the main post's comments: drop widgets, and other posts' comments on the page."""
    item_ids = {it.node.mem_id for it in items}
    container_memo: dict[int, object] = {}
    signal_memo: dict[int, object] = {}
    cont_of_item: dict[int, int | None] = {}
    section_of_item: dict[int, int] = {}
    containers: dict[int, LexborNode] = {}
    signals: dict[int, str | None] = {}  # section (top-level list element) -> strongest signal

    def container_or_item(n: LexborNode) -> object:
        if n.mem_id in item_ids:
            return ("item", n.mem_id)  # a nested comment belongs where its parent belongs
        c = _container(page, n)
        return ("container", c) if c is not None else None

    def signal(n: LexborNode) -> object:
        # Memoised walk that keeps the strongest signal on the way up ("other" > "sidebar").
        sig = _scope_signal(page, n)
        return sig if sig == "other" else None

    for it in items:
        p = it.node.parent
        v = memo_up(p, container_memo, container_or_item) if p is not None else None
        cid: int | None = None
        if isinstance(v, tuple) and v[0] == "item":
            cid = cont_of_item.get(v[1])
            section_of_item[it.node.mem_id] = section_of_item.get(v[1], v[1])
        else:
            if isinstance(v, tuple) and v[0] == "container":
                containers[v[1].mem_id] = v[1]
                cid = v[1].mem_id
            sec = p.mem_id if p is not None else 0
            section_of_item[it.node.mem_id] = sec
            if sec not in signals and p is not None:
                strong = memo_up(p, signal_memo, signal)
                signals[sec] = "other" if strong else _weak_signal(page, p)
        cont_of_item[it.node.mem_id] = cid

    boxes = _comment_articles(cont_of_item, containers)
    if boxes:
        for k, cid in cont_of_item.items():
            if cid in boxes:
                cont_of_item[k] = None
    sections = set(signals)
    for sec, sig in list(signals.items()):
        if sig != "other" and _section_says_other(page, sec, items, section_of_item):
            signals[sec] = "other"
    clean = {s for s in sections if signals[s] is None}
    if not clean:
        # Only "latest comments" boxes: a news article that prints its own newest comments in a
        # box beside the text (the full thread behind a tab or on a comments page) is not a
        # widget of other posts' comments when it stands outside any sidebar and none of its
        # comments points at another post.
        for sec in sections:
            if signals[sec] == "other" and _own_latest_box(page, sec, items, section_of_item):
                signals[sec] = None
                clean.add(sec)
    other_post = _foreign_sections(page, items, section_of_item)
    kept: list[Item] = []
    for it in items:
        sec = section_of_item[it.node.mem_id]
        top = sec if sec in signals else section_of_item.get(sec, sec)
        sig = signals.get(top)
        if sig == "other" or top in other_post or (sig == "sidebar" and clean):
            thread.skipped["out_of_scope"] += 1
            continue
        kept.append(it)
    used = {cont_of_item[it.node.mem_id] for it in kept} - {None}
    if len(used) <= 1:
        return kept
    main = _main_container(page, {k: containers[k] for k in used})
    out: list[Item] = []
    for it in kept:
        cid = cont_of_item[it.node.mem_id]
        if cid is None or cid == main:
            out.append(it)
        else:
            thread.skipped["other_post"] += 1
    thread.other_sections = len(used) - 1
    return out


def _comment_articles(cont_of_item: dict[int, int | None], containers: dict[int, LexborNode]) -> set[int]:
    """``article`` elements that each hold one comment and stand side by side in one list
    (``div.comment-list`` > ``div.comment-here`` > ``article.row`` > the comment): the comments'
    own boxes, not other posts. Grouped by their parent and their grandparent."""
    per = Counter(cid for cid in cont_of_item.values() if cid is not None)
    singles = [c for c, k in per.items() if k == 1 and containers[c].tag == "article"]
    if len(singles) < 2:
        return set()
    groups: dict[tuple[int, int], list[int]] = {}
    for c in singles:
        up = containers[c].parent
        for level in (1, 2):
            if up is None or not up.is_element_node:
                break
            groups.setdefault((level, up.mem_id), []).append(c)
            up = up.parent
    return {c for members in groups.values() if len(members) >= 2 for c in members}


def _heading_before(n: LexborNode) -> str | None:
    """The text of the heading that titles ``n``: its previous sibling, or its parent's first
    child, when that is a heading (two levels up at most)."""
    p: LexborNode | None = n
    for _ in range(3):
        if p is None or not p.is_element_node:
            return None
        prev = p.prev
        while prev is not None and not prev.is_element_node:
            prev = prev.prev
        if prev is not None:
            return prev.text(strip=True) if prev.tag in _HEADINGS else None
        p = p.parent
    return None


def _section_says_other(page: Page, sec: int, items: list[Item], section_of_item: dict[int, int]) -> bool:
    """A list of other articles' comments told by its heading ("Latest comments") or by its shape:
    every item is nothing but one link with a fragment (a teaser pointing at a comment elsewhere)."""
    members = [it.node for it in items if section_of_item.get(it.node.mem_id) == sec
               and it.node.parent is not None and it.node.parent.mem_id == sec]
    if not members:
        return False
    heading = _heading_before(members[0].parent)
    if heading and len(heading) <= 60 and _OTHER_HEADING.match(heading):
        return True
    if len(members) < 2:
        return False
    for n in members[:20]:
        links = n.css("a[href]")
        if len(links) != 1 or "#" not in page.attrs.get(links[0], "href"):
            return False
        if links[0].text(strip=True) != n.text(strip=True):
            return False
    return True


def _own_latest_box(page: Page, sec: int, items: list[Item], section_of_item: dict[int, int]) -> bool:
    """A "latest comments" section that is the post's own: not inside a sidebar, nav or widget
    area, every top-level comment showing words of its own beyond its links, and no comment
    linking to a post or a comment elsewhere (a site-wide widget names, for each comment, the
    post it is on: "NAME on TITLE", a ``#comment-N`` permalink on another page, ``rel=bookmark``)."""
    members = [it.node for it in items if section_of_item.get(it.node.mem_id) == sec
               and it.node.parent is not None and it.node.parent.mem_id == sec]
    if not members:
        return False
    if _weak_signal(page, members[0].parent) is not None:
        return False
    a = page.attrs
    for n in members:
        text = n.text(separator=" ", strip=True)
        linked = sum(len(x.text(strip=True)) for x in n.css("a[href]"))
        if len(text) - linked < 40:
            return False  # a teaser: title links, an author and a date
        for link in n.css("a[href]"):
            href = a.get(link, "href")
            if "#" in href and not href.startswith("#") or "bookmark" in a.get(link, "rel"):
                return False
    return True


def _weak_signal(page: Page, n: LexborNode) -> str | None:
    p: LexborNode | None = n
    while p is not None and p.is_element_node:
        if _scope_signal(page, p) == "sidebar":
            return "sidebar"
        p = p.parent
    return None


def _foreign_sections(page: Page, items: list[Item], section_of_item: dict[int, int]) -> set[int]:
    """Sections whose comment permalinks all point at another page (a widget of another post)."""
    if not page.url:
        return set()
    aliases = page_aliases(page.root, page.attrs, page.url)
    votes: dict[int, list[bool]] = {}
    for it in items:
        sec = section_of_item[it.node.mem_id]
        p = it.node.parent
        if p is None or sec != p.mem_id or len(votes.get(sec, ())) >= 20:
            continue  # top-level comments only, and a sample is enough
        # A comment permalink, or a post permalink (``rel="bookmark"``, "Permanent Link to
        # TITLE": a "last comments" widget names the post each comment is on).
        link = it.node.css_first("a[href*='#comment']") or it.node.css_first("a[rel~='bookmark']")
        if link is None:
            continue
        href = page.attrs.get(link, "href")
        parts = urlsplit(href)
        if _COMMENT_PATH.search(parts.path):
            continue  # Drupal's /comment/N permalinks name the comment, not the post
        if _LOGIN_PATH.search(parts.path) or _RETURN_QUERY.search(parts.query):
            # "Log in to reply": /user/login?destination=/node/N#comment-M (Drupal), WordPress's
            # wp-login.php?redirect_to=...: a way back to this post, not another post's permalink.
            continue
        votes.setdefault(sec, []).append(any(same_page(a, href) for a in aliases))
    return {s for s, v in votes.items() if v and not any(v)}


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
    """Sort items into document order (several systems' lists, or owner replies, merged)."""
    if len({it.system for it in items}) <= 1 and not any(it.late for it in items):
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


def _prev_past_spacers(n: LexborNode, by_id: dict[int, Item], hops: int = 3) -> LexborNode | None:
    """The element before ``n``, stepping over empty spacers themes put between a comment and the
    wrapper of its replies (``<div class="clearer"></div>``, ``<br>``, an empty anchor)."""
    prev = prev_element(n)
    for _ in range(hops):
        if prev is None or prev.mem_id in by_id or prev.tag in ("img", "iframe", "video") \
                or prev.text(strip=True) or prev.css_first("img, iframe, video") is not None:
            return prev
        prev = prev_element(prev)
    return prev


# A class naming a list of comments ("comments", "comment-list", "x-comments").
_COMMENTS_LIST = re.compile(r"^(?:[a-z0-9]+[-_])?(?:comments|comments?[-_]?list)$")


def _comments_list_after_item(page: Page, n: LexborNode, by_id: dict[int, Item]) -> bool:
    """A list of comments printed among the comments, right after one of them as its sibling
    (``div.item`` + ``div.comments`` > replies, the pair repeated inside for deeper levels): the
    list holds that comment's replies. A list after anything else is the thread's own list."""
    if not any(_COMMENTS_LIST.match(c) for c in page.attrs.classes(n)):
        return False
    prev = _prev_past_spacers(n, by_id)
    return prev is not None and prev.mem_id in by_id


def _last_item_in(n: LexborNode, by_id: dict[int, Item], budget: int = 4000) -> Item | None:
    """The last comment inside ``n`` in document order (bounded look)."""
    last = None
    for i, el in enumerate(n.traverse()):
        if i >= budget:
            break
        it = by_id.get(el.mem_id)
        if it is not None:
            last = it
    return last


def _zero_based_levels(page: Page, items: list[Item]) -> None:
    """Level classes counted from 0 (``level-0`` on a top-level comment, ``level-1`` on its
    replies: a news site's own system) state the depth as printed, where WordPress's ``depth-1``
    is the top level; read 1-based, a flat list of them loses its first level of replies."""
    numbers = [level_number(page.attrs.classes(it.node)) for it in items]
    if 0 not in numbers:
        return
    for it, n in zip(items, numbers):
        if n is not None and it.depth is not None:
            it.depth = n


# A class or attribute naming the comment's parent by its number: a reply's ``thread-<parent id>``
# (a news site's flat list, whose top-level items name the post the same way), Epoch's
# ``child-of-<id>``, ``reply-to-<id>``, ``parent-<id>``, ``data-parent="<id>"``.
_PARENT_CLASS = re.compile(r"^(thread|reply-?to|reply_to|replyto|in-reply-to|parent|parent-comment|"
                           r"child-of|childof|children-of|replying-to)[-_](\d+)$")
_PARENT_ATTRS = ("data-parent", "data-parent-id", "data-parentid", "data-parent-comment-id",
                 "data-reply-to", "data-reply-to-id", "data-replyto", "data-in-reply-to")
_DIGITS = re.compile(r"^\d+$")


# A link to the comment answered: "In reply to NAME" / "Reply to #12" / "@NAME" / "↑" pointing at
# that comment's anchor (``#comment-12``, ``#c12``, ``#post-12``, ``/comment/12#comment-12``), or
# a link the markup names so (microformats' ``u-in-reply-to``, ``rel=in-reply-to``, a class
# ``reply-to``/``in-reply-to``/``parent-link``).
_REPLY_TO_FRAGMENT = re.compile(r"#(?:comment|comments|c|post|p|msg|reply|r|li-comment|div-comment)[-_]?(\d+)$", re.I)
_REPLY_TO_TEXT = re.compile(r"^\s*(?:@|↑|\^|in reply to\b|reply to\b|replying to\b|in response to\b|"
                            r"re:|antwort auf\b|als antwort auf\b|en réponse à\b|réponse à\b|"
                            r"en respuesta a\b|in risposta a\b|parent\b)", re.I)
# (also the past tense a flat list's header prints: Movable Type's "NAME replied to <a>comment
# from NAME</a>", "responded to")
_REPLY_TO_BEFORE = re.compile(r"(?:in reply to|reply to|replying to|replied to|in response to|"
                              r"responded to|antwort auf|antwortete auf|"
                              r"réponse à|a répondu à|respuesta a|respondió a|risposta a|ha risposto a)"
                              r"\s*:?\s*$", re.I)


def _reply_to_link(page: Page, it: Item, item_ids: set[int], budget: int = 120) -> str | None:
    """The number of the comment that ``it`` says it answers by a link among its own first
    elements (never inside a nested comment), or None."""
    a = page.attrs
    stack = [c for c in it.node.iter() if c.is_element_node][::-1]
    while stack and budget > 0:
        d = stack.pop()
        budget -= 1
        if d.mem_id in item_ids or d.tag in ("blockquote", "form", "script", "style"):
            continue  # a nested comment, or a quote of another one
        # A reply's "in reply to" button that names the parent's post id in an attribute
        # (NodeBB's ``[component=post/parent][data-parent-pid]``, persona's ``a[data-topid]``).
        for attr in _REPLY_TO_ATTRS:
            v = a.get(d, attr)
            if v and _DIGITS.match(v):
                return v
        if d.tag == "a":
            m = _REPLY_TO_FRAGMENT.search(a.get(d, "href") or "")
            if m and (_REPLY_TO_TEXT.match(d.text(separator=" ") or "")
                      or a.classes(d) & _REPLY_TO_NAMES or "in-reply-to" in (a.get(d, "rel") or "")
                      or _REPLY_TO_BEFORE.search(_text_before(d))):
                return m.group(1)
            continue
        stack.extend([c for c in d.iter() if c.is_element_node][::-1])
    return None


_REPLY_TO_ATTRS = _PARENT_ATTRS + ("data-parent-pid", "data-topid", "data-to-pid")
_REPLY_TO_NAMES = frozenset({"u-in-reply-to", "in-reply-to", "reply-to", "replyto", "parent-link",
                             "comment-parent", "reply-to-link", "in-reply-to-link"})


def _text_before(link: LexborNode) -> str:
    """The words printed just before a link in its line ("In reply to <a>NAME</a>")."""
    p = link.prev
    while p is not None and p.is_element_node and not (p.text() or "").strip():
        p = p.prev
    if p is None:
        par = link.parent
        return _text_before(par) if par is not None and par.tag in ("span", "em", "i", "b", "strong") else ""
    return (p.text() or "")[-30:].strip() if not p.is_element_node else ""


def _parents_named(page: Page, items: list[Item]) -> dict[int, str]:
    """Item index -> the key of the earlier comment its own class or attribute names as parent.

    A marker counts only where it behaves as a parent reference on the whole page: it names an
    earlier comment at least once and never the comment itself or a later one (a thread number,
    a counter or a post id that happens to match would break that), per marker name."""
    number_at: dict[str, int] = {}
    for i, it in enumerate(items):
        for v in (it.key, page.attrs.id(it.node)):
            m = _KEY_NUM.match(v or "")
            if m and m.group(1) not in number_at:
                number_at[m.group(1)] = i
    if len(number_at) < 2:
        return {}
    item_ids = {it.node.mem_id for it in items}
    named: dict[str, dict[int, int]] = {}
    broken: set[str] = set()
    for i, it in enumerate(items):
        marks: list[tuple[str, str]] = []
        for c in page.attrs.classes(it.node):
            m = _PARENT_CLASS.match(c)
            if m:
                marks.append((m.group(1), m.group(2)))
        for attr in _PARENT_ATTRS:
            v = page.attrs.get(it.node, attr)
            if v and _DIGITS.match(v):
                marks.append((attr, v))
        # (only where a fallback read the comment: a named system's reader states its own
        # structure, and a theme's "in reply to" note beside a flat list it keeps flat)
        num = _reply_to_link(page, it, item_ids) if it.system in FALLBACKS else None
        if num:
            marks.append(("reply-to-link", num))
        for family, num in marks:
            j = number_at.get(num)
            if j is None:
                continue  # the post, or a comment not on this page
            if j >= i:
                broken.add(family)
            else:
                named.setdefault(family, {})[i] = j
    out: dict[int, str] = {}
    for family, pairs in named.items():
        if family in broken:
            continue
        for i, j in pairs.items():
            out.setdefault(i, items[j].key)
    return out


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
        # A list right after a comment inside the same list item (``<li><div comment/><ul>replies
        # </ul></li>``) holds that comment's replies, whatever its class.
        if _comments_list_after_item(page, n, by_id):
            return by_id[_prev_past_spacers(n, by_id).mem_id]
        if _is_wrapper(page, n) or n.tag in ("ul", "ol") and n.parent is not None and n.parent.tag == "li":
            prev = _prev_past_spacers(n, by_id)
            if prev is not None:
                if prev.mem_id in by_id:
                    return by_id[prev.mem_id]
                last = _last_item_in(prev, by_id)  # the parent in its own box ("portlet")
                if last is not None:
                    return last
        return None

    named = _parents_named(page, items)
    depth_of: dict[str, int] = {}
    stack: list[str] = []
    parents: list[str | None] = []
    used_classes = 0
    for i, it in enumerate(items):
        if it.parent_stated:
            parent = it.parent_key
            depth = depth_of.get(parent, (it.depth or 1) - 1) + 1 if parent else 0
        else:
            p = it.node.parent
            anc = memo_up(p, memo, own) if p is not None else None
            parent = anc.key if isinstance(anc, Item) else None
            if parent is None and i in named:
                # Flat markup whose reply names its parent in a class: nesting says nothing.
                parent = named[i]
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

def _own_elements_of(it: Item, by_id: dict[int, Item]) -> list[LexborNode]:
    """The item's elements, without those of the comments nested in it: over all items, every
    element of the thread is visited once."""
    own: list[LexborNode] = []
    # The system's not-text parts that are whole blocks (a quoted copy of another comment) hold
    # that comment's author, date and words: none of them is this comment's.
    quoted = {n.mem_id for n in it.not_text if n.tag in ("div", "li", "article", "section")}
    for start in [it.node, *it.extra_nodes]:
        stack = [start]
        while stack:
            n = stack.pop()
            if n is not start and (n.mem_id in by_id or n.mem_id in quoted):
                continue
            own.append(n)
            c = n.last_child
            while c is not None:
                if c.is_element_node:
                    stack.append(c)
                c = c.prev
    return own


_NUM_SUFFIX = re.compile(r"[-_]\d+$")
# A theme's or block library's own prefix before a role name: "wp-block-comment-author-name"
# (WordPress block themes), "w-comments-item-text" (Impreza), "c-comment__date" (BEM).
_PREFIXED_ROLE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*?[-_]+comments?(?:[-_]+(?:item|entry|single|"
                            r"box|block|card))?(?:[-_]{1,2})([a-z]+(?:-[a-z]+)?)$")
# A theme's own word run into a run-together role name ("sidecommentauthor", "mycommentdate").
_RUN_TOGETHER_ROLE = re.compile(r"^[a-z]{2,12}(comment[a-z]{3,12})$")
_ROLE_NAMES = frozenset(f"comment-{r}" if not r.startswith("comment") else r for r in (
    *roles.CONTENT, *roles.AUTHOR, *roles.DATE, *roles.LIKES)) | roles.META
# The role names as the general lists spell them, for themes that join words with "_" instead of
# "-" ("comment_date", "author_name", "comment_author_name").
_PLAIN_ROLES = frozenset((*roles.CONTENT, *roles.AUTHOR, *roles.DATE, *roles.LIKES)) | roles.META
_ROLE_OF: dict[str, str | None] = {}
# Themes that name their parts in their own language: "kommentar-text" is a "comment-text".
_FOREIGN_COMMENT = re.compile(r"^(?:kommentar|commentaire|comentario|commento|reactie|komentarz)(?=[-_])")


_ICON_FONT = re.compile(r"^(?:icon|fa|fas|far|glyphicon|dashicons|bi|ion|mdi|zmdi|la)[-_]")
# The closing mark only: a theme's decorative opening mark before every comment's own words
# ("fa-quote-left" in a testimonial-style comment box) says nothing about whose words they are.
_QUOTE_ICON = re.compile(r"^(?:icon|fa|fas|far|bi|mdi|zmdi)[-_](?:format[-_])?quote[-_]?(?:right|close|end)$")


def _marked_as_quote(page: Page, el: LexborNode) -> bool:
    """A span or block marked by a quotation-mark glyph of its own (``<span>@NAME their words<i
    class="icon-quoteright"></i></span>``): another comment's words quoted, not this one's."""
    c = el.child
    while c is not None:
        if c.tag == "i" and any(_QUOTE_ICON.match(t) for t in page.attrs.classes(c)):
            return True
        c = c.next
    return False


# Role words that name nothing but a date, under a site's short namespace prefix ("c74-datetime",
# "xy-timestamp"); "-date"/"-time" alone are too common in other names to count.
_SITE_DATETIME = re.compile(r"^[a-z0-9]{1,8}[-_](?:datetime|timestamp)$")
# A site's two-to-four-letter namespace before a name or date part ("gz-name", "xy-date"), as the
# site prints its comment block ("gz-comment" > "gz-comment-head" > "gz-name" + "gz-date").
# A review or Q&A widget namespaces its parts with its own name or the entry's kind
# ("yotpo-user-name"; "question-date", "review-date", "answer-date" in Yotpo's and similar widgets).
_SITE_PART = re.compile(r"^(?:[a-z]{2,4}[-_](name|author|date)|[a-z]{2,8}[-_](?:user[-_]?(name)|(date)))$")


# BEM element names for the commenter's name: a user/author/comment block's "__name"/"__nick"
# element ("user__nick", "user-link__name", "comment__user").
_BEM_AUTHOR = re.compile(r"^[a-z0-9-]*(?:user|author|comment|commenter|member|profile)[a-z0-9-]*"
                         r"__(?:name|nick|nickname|username|user|author)$")


# BEM element chains under a comments block ("comments__item__text", "comments__item__user__name"):
# the last element names the part.
_BEM_CHAIN_TEXT = re.compile(r"^comments?(?:__[a-z0-9-]+)*__(?:text|content|body|message)$")
_BEM_CHAIN_AUTHOR = re.compile(r"^comments?(?:__[a-z0-9-]+)*__(?:user|author)__(?:name|nick|nickname|username)$")


# "c" (or "cmt") standing for "comment" before a part's name: "c-author"/"c-date"/"c-body" (a
# WordPress theme's own comment box), Newsvine's "c_author"/"c_text".
# (also run together after "com": a theme's "comauth", "comdate", "comcontent")
_SHORT_COMMENT_ROLE = re.compile(r"^(?:(?:c|cmt|cmnt)[-_]|com[-_]?)(author|auth|date|time|body|text|content)$")
_SHORT_ROLE_NAME = {"author": "comment-author", "auth": "comment-author", "date": "comment-date", "time": "comment-time",
                    "body": "comment-text", "text": "comment-text", "content": "comment-content"}


def role_token(c: str) -> str | None:
    """"comment-author-name" for "wp-block-comment-author-name" (or "comment_author_name"): the
    general role name a prefixed or underscore-joined class token carries, when it is one of the
    known names."""
    v = _ROLE_OF.get(c, "")
    if v == "" and (m := _SHORT_COMMENT_ROLE.match(c)):
        v = _ROLE_OF[c] = _SHORT_ROLE_NAME[m.group(1)]
    if v == "" and "__" in c and _BEM_AUTHOR.match(c):
        v = "comment-author-name"  # "comment__user", "user__nick", "user-link__name"
        _ROLE_OF[c] = v
    if v == "" and c.count("__") >= 2:
        if _BEM_CHAIN_TEXT.match(c):
            v = "comment__text"
        elif _BEM_CHAIN_AUTHOR.match(c):
            v = "comment-author-name"
        if v:
            _ROLE_OF[c] = v
    if v == "" and _FOREIGN_COMMENT.match(c):
        t = _FOREIGN_COMMENT.sub("comment", c, count=1)
        v = t if t in _ROLE_NAMES else role_token(t)
        _ROLE_OF[c] = v
    if v == "":
        if "_" in c:
            c2 = c.replace("_", "-")
            hyphenated = c2 if c2 in _PLAIN_ROLES else role_token(c2)
        else:
            hyphenated = None
        m = _PREFIXED_ROLE.match(c) if "comment" in c and not c.startswith("comment") else None
        v = hyphenated
        if v is None and _SITE_DATETIME.match(c):
            v = "datetime"  # a site's namespaced "datetime"/"timestamp" ("xy-datetime")
        if v is None and (m3 := _SITE_PART.match(c)) and not _ICON_FONT.match(c):
            part = next(g for g in m3.groups() if g)
            v = {"name": "author-name", "author": "comment-author", "date": "comment-date"}[part]
        if m and v is None:
            name = "comment-" + m.group(1)
            v = name if name in _ROLE_NAMES else None
        if v is None and "comment" in c and not c.startswith("comment"):
            m2 = _RUN_TOGETHER_ROLE.match(c)
            if m2 and m2.group(1) in _ROLE_NAMES:
                v = m2.group(1)  # "sidecommentauthor": a site's word run into "commentauthor"
        if len(_ROLE_OF) < 100_000:
            _ROLE_OF[c] = v
    return v


def _index(page: Page, own: list[LexborNode], skip_first: bool) -> dict[str, list[LexborNode]]:
    """Class token / itemprop / tag -> the item's own elements carrying it, in document order."""
    idx: dict[str, list[LexborNode]] = {}
    for n in own[1:] if skip_first else own:
        for c in page.attrs.classes(n):
            idx.setdefault(c, []).append(n)
            base = _NUM_SUFFIX.sub("", c)  # "forum-qui-226837" is a "forum-qui"
            if base != c:
                idx.setdefault(base, []).append(n)
            role = role_token(c)
            if role:
                idx.setdefault(role, []).append(n)
        ip = page.attrs.get(n, "itemprop").lower()
        if ip:
            idx.setdefault("itemprop:" + ip, []).append(n)
        idx.setdefault("tag:" + n.tag, []).append(n)
    return idx


def _candidates(idx: dict[str, list[LexborNode]], names) -> list[LexborNode]:
    out: list[LexborNode] = []
    seen: set[int] = set()
    for name in names:
        for n in idx.get(name, ()):
            if n.mem_id not in seen:
                seen.add(n.mem_id)
                out.append(n)
    return out


def _outermost(nodes: list[LexborNode], stop: LexborNode) -> list[LexborNode]:
    """The nodes not inside another of them (looking up to ``stop``, the comment element)."""
    if len(nodes) == 1:
        return nodes
    ids = {n.mem_id for n in nodes}
    out = []
    for n in nodes:
        p = n.parent
        nested = False
        while p is not None and p.is_element_node and p.mem_id != stop.mem_id:
            if p.mem_id in ids:
                nested = True
                break
            p = p.parent
        if not nested:
            out.append(n)
    return out


def _day_first(page: Page) -> Page:
    """The page read with a day-first date order (British English's), its languages' month names
    kept: for a date element the system knows its template prints day first."""
    return replace(page, languages=("en-gb",) + tuple(page.languages))


def _date_values(page: Page, n: LexborNode) -> list[str]:
    """Machine-readable date attributes on the element and its first few descendants."""
    vals: list[str] = []
    stack = [n]
    seen = 0
    while stack and seen < 12:
        el = stack.pop()
        seen += 1
        attrs = page.attrs.attrs(el)
        if attrs:
            for attr in roles.DATE_ATTRS:
                v = attrs.get(attr)
                if v and v.strip():
                    vals.append(v.strip())
        c = el.last_child
        while c is not None:
            if c.is_element_node:
                stack.append(c)
            c = c.prev
    return vals


def _when(page: Page, n: LexborNode | None, name: str | None = None) -> tuple[When | None, str]:
    """The date an element states: a machine value of its own or its first descendants', else
    its text, else a readable date in an attribute (a tooltip). The text comes before tooltips: a
    tooltip may belong to something else in the line (Slashdot's journal link carries the
    journal's date). With a machine value in a zone, the local time is the one the page shows
    (phpBB prints ``datetime`` in UTC and the reader's local time as text: the day can differ)."""
    if n is None:
        return None, ""
    text = n.text(separator=" ", strip=True)
    if "#" in text:
        # A post counter in the date's block ("Reply #1 Oct. 9, 2010 - 7:28 AM"): never a day.
        text = " ".join(_POST_COUNTER.sub(" ", text).split())
    if name and len(name) >= 3 and name in text and any(ch.isdigit() for ch in name):
        # "by NAME1991 on March 3rd, 2011": the commenter's name is never part of the date.
        text = " ".join(text.replace(name, " ").split())
    values = _date_values(page, n)
    for v in values:
        w = when_from_machine(v)
        if w:
            # A UTC timestamp in the markup, the local time in the text: keep both.
            shown = with_shown_local(w, when_from_text(text, page.languages) if w.utc else None)
            tm = n.css_first("time[datetime]") if n.tag != "time" else None
            bare = tm.text(separator=" ", strip=True) if tm is not None else text
            if shown is w and w.utc and (yl := yearless_date(bare, page.languages)) and yl.hour is not None:
                # The text shows the local time without a year ("Le 3 juillet à 00:09" beside a UTC
                # datetime of the evening before): the year is the UTC instant's, or next to it.
                year = int(w.utc[:4])
                for y in (year, year - 1, year + 1):
                    if not _valid_day(y, yl.month, yl.day):
                        continue
                    local = f"{y:04d}-{yl.month:02d}-{yl.day:02d}T{yl.hour:02d}:{yl.minute or 0:02d}"
                    cand = with_shown_local(w, When(None, local))
                    if cand is not w:
                        shown = cand
                        break
            if shown is w and w.utc:
                # The text shows the day only ("on May 26, 2025"): a tooltip stating the same
                # moment with its zone ("May 26, 2025, 12:14 AM GMT+2", GitHub's relative-time)
                # gives the local time the page shows.
                for tv in values:
                    tip = when_from_text(tv, page.languages) if tv != v else None
                    if tip and tip.utc and tip.local and tip.utc[:16] == w.utc[:16] \
                            and not tip.local.endswith(("Z", "+00:00")):
                        return When(w.utc, tip.local), text
            return shown, text
    w = when_from_text(text, page.languages)
    if w and _has_clock(w.local or w.utc or ""):
        return w, text
    for v in _date_values(page, n):
        tip = when_from_text(v, page.languages)
        # A tooltip adds the time of day to a shown date ("3 March 2020" / "3 March 2020 09:05").
        if tip and (w is None or (tip.local or tip.utc or "")[:10] == (w.local or w.utc or "")[:10]):
            return tip, text
    return w, text


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        datetime(y, m, d)
    except ValueError:
        return False
    return True


_POST_COUNTER = re.compile(r"(?:\b(?:reply|post|comment|antwort|réponse|respuesta)\s*)?#\s*\d+\b", re.I)


def _has_clock(local: str) -> bool:
    """A local reading with a time of day ("2024-09-12T00:37"), not a bare date."""
    return "T" in local


def _likes(text: str) -> int | None:
    m = re.search(r"(\d[\d,.]*)", text)
    if m:
        digits = re.sub(r"\D", "", m.group(1))
        return int(digits) if digits else None
    if re.search(r"\b(one|a) (person|blogger)\b", text, re.I):
        return 1
    return None


def _role_names(system: CommentSystem | None, attr: str, general: tuple[str, ...],
                itemprops: tuple[str, ...] = ()) -> tuple[str, ...]:
    own = getattr(system, attr) if system else ()
    return tuple(own) + general + tuple("itemprop:" + p for p in itemprops)


_META_TOKEN: dict[str, bool] = {}


def _meta_token(c: str) -> bool:
    v = _META_TOKEN.get(c)
    if v is None:
        # BEM names put the role last: "comments-author--meta", "comment__meta".
        last = re.split(r"--|__", c)[-1] if ("--" in c or "__" in c) else c
        v = bool(roles.META_PATTERN.match(c) or roles.META_PATTERN.match(last))
        if len(_META_TOKEN) < 100_000:
            _META_TOKEN[c] = v
    return v


def _read_fields(page: Page, it: Item, own: list[LexborNode], by_id: dict[int, Item],
                 parent_key: str | None, index: int) -> RawComment:
    a = page.attrs
    system = _BY_NAME.get(it.system)
    idx = _index(page, own, skip_first=True)
    meta = roles.META | (system.meta_classes if system else frozenset())
    meta_ids = system.meta_ids if system else None
    item_id = it.node.mem_id

    # Author: the first candidate that yields a name (a container may hold only an avatar).
    author_node, raw_author = None, it.author
    whole_line = False
    signature: tuple[str, str] | None = None
    # A placeholder (a comment the page holds without its words) has no shown author either: what
    # the role search would find inside it belongs to its replies or to a "N replies beneath your
    # threshold" line.
    if not raw_author and not it.authorless and (not it.placeholder or it.header_shown):
        names = _role_names(system, "author_classes", roles.AUTHOR, roles.AUTHOR_ITEMPROP)
        cands = _candidates(idx, names) + idx.get("tag:cite", [])
        if it.node.tag == "dt":
            cands.append(it.node)
        for cand in cands:
            t = None
            if cand is it.node:  # a dt header: "N. NAME - <a>DATE</a>" as loose text first
                t = _loose_header_author(page, cand)[1]
            t = t or _author_text(page, cand)
            if t and len(t) <= 120 and not _spans_lines(cand, t):
                author_node, raw_author = cand, t
                break
        # The fallbacks, most specific first; each one's find passes only if it is a name on one
        # line of the element it was read from (never a header run into the comment's words).
        # A byline or "NAME said:" line is returned whole: all of it is header, none of it text.
        line_finds = (lambda: _byline_author(page, own), lambda: _said_line_author(page, own))
        for find in (lambda: _reply_label_author(page, own, it.node),
                     lambda: _term_author(page, idx),
                     *line_finds,
                     lambda: _loose_header_author(page, it.node),
                     lambda: _profile_author(page, idx),
                     lambda: _heading_author(page, idx),
                     lambda: _link_author(page, idx),
                     lambda: _permalink_line_author(page, idx, it.node),
                     lambda: _meta_author(page, own),
                     lambda: _row_author(page, own)):
            if raw_author is not None:
                break
            node, t = find()
            if t is not None and not (node is not None and _spans_lines(node, t)):
                author_node, raw_author = node, t
                whole_line = find in line_finds
        if raw_author is None:
            signature = _signature_author(page, own)
            raw_author = signature[0] if signature else None
    author = clean_author(raw_author, page.languages)
    if author_node is not None and raw_author and not whole_line:
        author_node = _name_element(author_node, raw_author)

    # Date: a candidate with a machine value, or short enough to be only a date.
    date_node, when, date_text, age = None, None, "", None
    yearless, yearless_text = None, ""
    dnames = _role_names(system, "date_classes", ("tag:time",) + roles.DATE, roles.DATE_ITEMPROP)
    for cand in ([it.date] if it.date is not None else []) + _candidates(idx, dnames):
        if cand.mem_id == item_id:
            continue
        w, t = _when(_day_first(page) if it.day_first and cand is it.date else page, cand, author)
        if w and len(t) <= 120:
            date_node, when, date_text = cand, w, t
            break
        if yearless is None and w is None and len(t) <= 60:
            yearless = yearless_date(t, page.languages)
            yearless_text = " ".join(t.split()) if yearless else ""
        if age is None and len(t) <= 60 and is_relative_time(t):
            age = " ".join(t.strip(" •·|-–—").split())
    if when is None:
        # A permalink's text is often the date ("8. November 2020 um 09:52").
        for n in idx.get("tag:a", []):
            if _PERMALINK.search(a.get(n, "href")):
                w = when_from_text(n.text(separator=" ", strip=True), page.languages)
                if w:
                    when, date_text = w, n.text(separator=" ", strip=True)
                    break
                if yearless is None:
                    t = n.text(separator=" ", strip=True)
                    yearless = yearless_date(t, page.languages)
                    yearless_text = " ".join(t.split()) if yearless else ""
    if when is None:
        # A heading of the comment that holds only its date ("<h4>on October 30, 2012 at
        # 11:02 am</h4>" under the "NAME says:" heading).
        for tag in ("tag:h2", "tag:h3", "tag:h4", "tag:h5", "tag:h6"):
            for n in idx.get(tag, []):
                t = n.text(separator=" ", strip=True)
                if len(t) <= 60 and is_date_line(t, page.languages):
                    w = when_from_text(t, page.languages)
                    if w:
                        date_node, when, date_text = n, w, t
                        break
            if when is not None:
                break
    if when is None and signature is not None:
        w = when_from_text(signature[1], page.languages)
        if w:
            when, date_text = w, signature[1]
    if when is None:
        # An old theme's loose "NAME on DATE" header (see _loose_header_author).
        t = " ".join((it.node.text(deep=False, separator=" ") or "").split())
        m = _LOOSE_HEADER.match(t) if 0 < len(t) <= 130 else None
        if m is not None and is_date_line(m.group(2), page.languages):
            w = when_from_text(m.group(2), page.languages)
            if w:
                when, date_text = w, m.group(2)
    if when is None and author_node is not None:
        # The date as loose words in the author's own line, after the name ("<cite class=fn>NAME
        # </cite> • <i>on</i> Mar 12, 2017<span> 3:24 am</span>": WordPress VIP's highlander
        # comments): the first full date written there. A byline read whole is that line itself
        # ("Posted by <a>NAME</a> on DATE | permalink", "Posté par NAME, DATE | ...").
        line = author_node if whole_line else author_node.parent
        if line is not None and line.mem_id != item_id:
            t = " ".join((line.text(separator=" ") or "").split())
            found = find_date_span(t, page.languages) if len(t) <= 160 else None
            if found is not None:
                tm = _CLOCK_AFTER.match(t, found[2])
                when, date_text = found[0], t[found[1]:tm.end() if tm else found[2]]
    if when is None and yearless is None and author_node is not None:
        # "<h4><a class=url>NAME</a> <span>On Thursday, November 1 at 2:57 pm</span></h4>": a date
        # of the current year printed without it, in an element of the author's line.
        holder: LexborNode | None = author_node
        for _ in range(2):
            if holder is None or holder.mem_id == item_id \
                    or len(holder.text(separator=" ", strip=True)) > 160:
                break
            for sib in holder.iter():
                st = sib.text(separator=" ", strip=True)
                if st and len(st) <= 60 and (yearless := yearless_date(st, page.languages)):
                    yearless_text = " ".join(st.split())
                    break
            if yearless is not None:
                break
            holder = holder.parent

    like_node = None
    likes = None
    for cand in _candidates(idx, _role_names(system, "like_classes", roles.LIKES)):
        t = cand.text(separator=" ", strip=True)
        if len(t) <= 60:
            like_node, likes = cand, _likes(t)
            break

    if raw_author is None and date_node is not None:
        name_line, raw_author = _dated_line_name(page, date_node, date_text, it.node)
        if raw_author is not None:
            author = clean_author(raw_author, page.languages)
            date_node = name_line  # the whole signature line is the header's
    skip_nodes = {n.mem_id for n in (author_node, date_node, like_node) if n is not None}
    skip_nodes.update(n.mem_id for n in it.not_text)
    line, line_age = _meta_line(page, author_node, date_text, it.node)
    if line is not None:
        skip_nodes.add(line.mem_id)
        if age is None and when is None:
            age = line_age

    def skip(el: LexborNode) -> bool:
        if el.mem_id in by_id and el.mem_id != item_id:
            return True
        if el.mem_id in skip_nodes or el.tag in roles.META_TAGS:
            return True
        if meta_ids is not None and meta_ids.match(a.id(el)):
            return True
        if roles.REACTION_LIST_IDS.match(a.id(el)):
            return True
        if el.tag in _HEADINGS and _subject_link(page, el):
            return True
        cls = a.classes(el)
        if cls & meta or cls & _WRAPPER or any(_meta_token(c) or role_token(c) in meta for c in cls):
            # A header-named part that wraps the words too (``li.comment-author`` holding the
            # profile, the date and ``div.comment-body``) is entered: its own parts still go.
            return not (el.tag in ("li", "div") and cls & _HEADER_PARTS and not cls & _WRAPPER
                        and _holds_words_part(page, el))
        if el.tag == "img" and "avatar" in a.get(el, "class"):
            return True
        if el.tag == "i" and any(c == "iconfont" or _ICON_FONT.match(c) for c in cls):
            return True  # an icon glyph; words inside it are a button's label ("回复 1")
        if el.tag in ("span", "div") and _marked_as_quote(page, el):
            return True
        if el.tag in ("p", "cite") and _attributes_a_quote(el):
            return True
        if el.tag == "div" and _labelled_quote_box(page, el):
            return True
        return el.tag == "blockquote" and (_quotes_a_post(page, el) or _attributed_before(el))

    loose = frozenset(n.mem_id for n in it.not_text if n.tag == "-text")
    text = node_text(it.content, skip, drop_text=loose) if it.content is not None else ""
    # A named, empty text element is an image-only comment (below): no other part stands in.
    cnames = () if text or it.content is not None else _role_names(system, "content_classes", roles.CONTENT,
                                                                   roles.CONTENT_ITEMPROP)
    words_nodes = [it.content] if text else []  # the element(s) the words were read from
    for name in dict.fromkeys(cnames):
        nodes = _outermost([n for n in idx.get(name, ()) if n.mem_id not in by_id], it.node)
        if not nodes:
            continue
        text = "\n\n".join(t for t in (node_text(n, skip) for n in nodes) if t)
        if text:
            words_nodes = nodes
            break
    # A system that names the text's element (Item.content) has said where the words are: an
    # empty one is an image-only or emptied comment, and the rest of the item is its header
    # (badges, scores, language labels), never a stand-in for the words.
    if not text and it.content is None and not it.header_shown:
        parts = [node_text(it.node, skip)] + [node_text(x, skip) for x in it.extra_nodes]
        text = "\n\n".join(p for p in parts if p)
    if not text and it.content is None and not it.header_shown:
        text = _text_beside_fields(page, it, by_id, author, date_text)
    if not text and it.content is not None and _media_of_own(it, "img, video, picture, figure, faceplate-img"):
        # An image-only comment is a comment (replies hang on it); its alt text is often a file
        # name, so a neutral marker stands for it.
        text = IMAGE_ONLY
    if not text and it.content is not None and _media_of_own(it, "iframe[src], embed[src], object[data], video"):
        text = EMBED_ONLY
    if not text and it.placeholder:
        text = it.placeholder
    text = _drop_subject(text)
    head, sep, rest = text.partition("\n")
    if sep and rest.strip() and reply_subject(page, head):
        text = rest.strip()  # "AW: TITLE" over a forum reply's words: the engine's subject line
    raw_text = text
    text = clean_comment_text(text, author, languages=page.languages,
                              date_texts=(date_text,) if date_text else ())
    if not text and words_nodes and len(raw_text.strip()) <= 12 and "\n" not in raw_text.strip() \
            and not is_reply_word(raw_text.strip()) and raw_text.strip() != (date_text or "") \
            and (raw_text.strip() != (author or "") or _name_outside(author_node, words_nodes)
                 or _stated_apart(it)) \
            and _own_short_words(page, words_nodes, raw_text.strip()):
        # The words part holds one short line only ("5", "+1") in a paragraph of its own: the
        # commenter's whole answer, not a counter or a number the cleanup takes off a longer text;
        # also when it is the commenter's own name, if the name is printed outside the words part
        # (a spammer who typed the name into both fields).
        text = raw_text.strip()
    head = raw_text.strip().partition("\n")[0].strip()
    if text and words_nodes and _TYPED_VOTE.match(head) and not text.startswith(head) \
            and _own_short_words(page, words_nodes, head):
        # "+1" in a plain paragraph of its own, above more lines (a signature, the reasons): the
        # commenter's typed agreement, as when it is the whole comment (above); a vote counter is
        # printed in a counter-named part or outside the words element, not as the words' first
        # paragraph.
        text = head + "\n" + text
    if not text and it.content is None and _own_picture(page, it.node, skip):
        # Nothing left but a picture outside the header (author, avatar, date, tools): an
        # image-only comment, kept (its replies hang on it) with the neutral marker.
        text = IMAGE_ONLY
    if not text and author and (_rated(page, own) or when is not None and any(
            d.tag == "p" and not d.text(strip=True) and d.css_first("img") is None for d in own)):
        # A review of stars and no words (a recipe site's rating comment), or a named, dated
        # comment whose words paragraph is printed empty: a comment, kept with the no-words marker.
        text = NO_WORDS
    post_author = it.is_post_author
    if post_author is None:
        cls = a.classes(it.node)
        if cls & roles.POST_AUTHOR or (system and cls & system.post_author_classes()):
            post_author = True
    author_url = None
    if author_node is not None:
        link = author_node if author_node.tag == "a" else author_node.css_first("a[href]")
        href = a.get(link, "href") if link is not None else ""
        if href and not _PERMALINK.search(href) and not href.startswith("#"):
            author_url = href
    loc = a.id(it.node)
    return RawComment(
        key=it.key, parent_key=parent_key, text=text, author=author,
        author_url=author_url, when=when, like_count=likes, is_post_author=post_author,
        location=f"#{loc}" if loc else f"comment[{index + 1}]", system=it.system,
        age=None if when else age,
        yearless=None if when or age else yearless, yearless_text="" if when or age else yearless_text)


# Parts named as the commenter's header (META because they usually hold only name and date).
_HEADER_PARTS = frozenset(roles.AUTHOR) | frozenset({"comment-header", "comment-author-info"})
_WORDS_PART = re.compile(r"(?:^|[-_])(?:body|content|text|message)$")


def _holds_words_part(page: Page, el: LexborNode) -> bool:
    """Whether ``el`` holds an element named as a comment's words (``comment-body``, ``...-text``)."""
    for d in el.css("div[class], p[class]"):
        if any(_WORDS_PART.search(c) for c in page.attrs.classes(d)):
            return True
    return False


def _spans_lines(n: LexborNode, name: str) -> bool:
    """Whether the name read from ``n`` runs over more than one of its lines: a header element
    whose text, read flat, joins the name, the date, the "Reply" link and the comment's words
    ("NAME 2 March 2013 at 19:30 Reply The words...") has given a header and text, not a name.
    A name is written on one line (the corpus check calls a comment "dirty" when its text still
    opens with the name; an author that holds the text is the same mistake the other way)."""
    want = " ".join(name.split())
    if not want:
        return False
    lines = [" ".join(ln.split()) for ln in node_text(n).split("\n") if ln.strip()]
    if len(lines) <= 1:
        return False
    return not any(want in ln for ln in lines)


# WordPress core's get_comment_reply_link() prints the commenter's name into the reply link:
# ``<a class="comment-reply-link" data-replyto="Reply to NAME" aria-label="Reply to NAME">`` —
# sprintf() of the translated "Reply to %s" ("Répondre à %s", "Odpowiedz użytkownikowi %s",
# "%s への返信") with get_comment_author().
_REPLY_TO_WORDS = 40


def _reply_label_author(page: Page, own: list[LexborNode],
                        item: LexborNode) -> tuple[LexborNode | None, str | None]:
    """The element of a WordPress comment whose whole text is the name its reply link's label
    names (a theme callback that prints the name in an element with no role class: ``<h7>NAME
    </h7>``, a bare ``<strong>``)."""
    a = page.attrs
    link = next((n for n in own if n.tag == "a" and "comment-reply-link" in a.classes(n)), None)
    if link is None:
        return None, None
    label = " ".join((a.get(link, "data-replyto") or a.get(link, "aria-label") or "").split())
    if not label:
        return None, None
    best: tuple[LexborNode, str] | None = None
    around = {x.mem_id for x in _ancestors_incl(link)}
    for n in own:
        if n is item or n.mem_id in around or n.tag in ("script", "style", "img", "svg") \
                or any(x.mem_id == link.mem_id for x in _ancestors_incl(n)):
            continue  # the link, what holds it ("<p><a>Reply</a></p>") and what it holds
        t = " ".join(n.text(separator=" ", strip=True).split())
        if not t or len(t) > 80 or len(label) - len(t) > _REPLY_TO_WORDS or is_reply_word(t):
            continue
        if not (label.endswith(" " + t) or label.startswith(t + " ")):
            continue
        if best is None or len(t) > len(best[1]):
            best = (n, t)
    if best is None or _spans_lines(*best):
        return None, None
    return best


def _name_element(n: LexborNode, name: str, budget: int = 200) -> LexborNode:
    """The element that holds just the commenter's name inside an author part that holds more
    (``li.comment-author`` around the profile link, the date and the words themselves): only that
    element is left out of the text, never the words beside it."""
    if len(n.text(separator=" ", strip=True)) <= len(name) + 40:
        return n
    want = " ".join(name.split())
    for i, d in enumerate(n.traverse()):
        if i >= budget:
            break
        if d is not n and d.is_element_node and " ".join(d.text(separator=" ", strip=True).split()) == want:
            return d
    return n


_COUNTER_NAME = re.compile(r"count|rating|vote|like|score|karma|points|num", re.I)


def _stated_apart(it: Item) -> bool:
    """The system stated both the name (read from its own part) and the words' element, so the
    two are apart by the template: a name typed again as the whole comment is the comment."""
    return bool(it.author) and it.content is not None and not contains(it.content, it.node)


def _name_outside(author_node: LexborNode | None, words: list[LexborNode]) -> bool:
    """The author's element is printed apart from the words' elements (not inside one)."""
    return author_node is not None and not any(
        w.mem_id == author_node.mem_id or contains(w, author_node) for w in words)


# The agreement forums' commenters type ("+1", "-1", "+100"): a signed count, nothing else.
_TYPED_VOTE = re.compile(r"^[+\-\u2212]\d{1,3}$")


def _own_short_words(page: Page, nodes: list[LexborNode], line: str) -> bool:
    """Whether ``line`` stands in the words element as plain text (its own paragraph or the
    element itself), not in a counter-named part (``div.comment__rating-count``)."""
    for n in nodes:
        for d in [n, *n.css("p, div, span")]:
            if " ".join(d.text(separator=" ", strip=True).split()) != line:
                continue
            if d.css_first("*[class]") is None and not any(
                    _COUNTER_NAME.search(c) for c in page.attrs.classes(d)):
                return True
    return False


_PICTURE_TAGS = frozenset({"img", "video", "picture", "figure"})


def _media_of_own(it: Item, selector: str) -> bool:
    """``it.content`` holds a match of ``selector`` outside the parts the system says are not the
    commenter's (``it.not_text``: a quoted post, a link preview the forum rendered): a picture in
    someone else's quoted words or in a preview's thumbnail is not the commenter's picture."""
    found = it.content.css(selector) if it.not_text else [it.content.css_first(selector)]
    if not it.not_text:
        return found[0] is not None
    apart = {n.mem_id for n in it.not_text}
    top = it.content.mem_id
    for m in found:
        p = m
        while p is not None and p.mem_id not in apart and p.mem_id != top:
            p = p.parent
        if p is None or p.mem_id not in apart:
            return True
    return False


def _own_picture(page: Page, root: LexborNode, skip, budget: int = 400) -> bool:
    """Whether ``root`` holds a picture outside the parts ``skip`` leaves out (nested comments,
    author, date, tools) and outside an avatar, walking at most ``budget`` elements."""
    stack = [c for c in root.iter() if c.is_element_node][::-1]
    while stack:
        d = stack.pop()
        budget -= 1
        if budget <= 0:
            return False
        if skip(d) or any("avatar" in c for c in page.attrs.classes(d)):
            continue
        if d.tag in _PICTURE_TAGS:
            return True
        stack.extend(c for c in reversed(list(d.iter())) if c.is_element_node)
    return False


_QUOTE_ATTRS = ("data-name", "data-author", "data-username", "data-quote", "data-source",
                 "data-post-id", "data-post", "data-postid")


_RATING_PART = re.compile(r"(?:^|[-_])(?:rating|ratings|stars|star[-_]rating|rating[-_]stars)(?:$|[-_])")


def _rated(page: Page, own: list[LexborNode]) -> bool:
    """The comment's own elements hold a star rating (a rating part, or schema.org's
    ``reviewRating`` / ``ratingValue``)."""
    return any(page.attrs.get(d, "itemprop") in ("reviewRating", "ratingValue")
               or any(_RATING_PART.search(c) for c in page.attrs.classes(d)) for d in own)


def _quotes_a_post(page: Page, el: LexborNode) -> bool:
    """A quote of another comment, attributed by the forum software (BBCode ``[quote=name]``
    rendered as ``<blockquote data-name=...>``, Discourse's ``aside.quote`` inside, phpBB's
    ``<cite>X wrote:</cite>``): the quoted commenter's words, not this commenter's."""
    attrs = page.attrs.attrs(el)
    if any(attrs.get(k) for k in _QUOTE_ATTRS):
        return True
    if any("bbcode" in c and "quote" in c or c in _QUOTE_CLASSES for c in page.attrs.classes(el)):
        return True
    # Opened by its attribution: "<div class=author>NAME said:</div>" (forum embeds), "<cite>NAME
    # wrote:</cite>" (phpBB): a short first line that ends in a verb of saying.
    first = el.child
    while first is not None and not first.is_element_node and not first.text(strip=True):
        first = first.next
    if first is None or not first.is_element_node:
        return False
    # wpForo: <blockquote><div class="wpforo-post-quote-author">Posted by: NAME</div>...
    if page.attrs.classes(first) & _QUOTE_AUTHOR_CLASSES:
        return True
    # phpBB prosilver: <blockquote><div><cite>NAME wrote: [link] [date]</cite>words</div>: the
    # attribution is the quote's own <cite>, and 3.2+ prints the date after the verb.
    cite = first if first.tag == "cite" else (first.css_first("cite") if first.tag == "div" else None)
    lead = _first_element(first) if cite is not None and cite.mem_id != first.mem_id else cite
    if cite is not None and lead is not None and lead.mem_id == cite.mem_id:
        head = cite.text(separator=" ", strip=True)
        # onliner.by's phpBB-derived quote button prints the attribution without the verb:
        # ``<blockquote class="uncited"><div><cite>NAME:</cite>words``.
        return 0 < len(head) <= 160 and _CITE_SAID.search(head) is not None \
            or 0 < len(head) <= 60 and head.endswith(":") and head.count(" ") <= 3
    head = first.text(separator=" ", strip=True)
    if not head or len(head) > 80:
        return False
    # A copy of another comment's header: its commenter's name alone on the first line, the
    # date opening the next ("<p>NAME</p><p>19 November 2011 2:19AM ...</p>").
    second = _element_sibling(first, "next")
    if len(head) <= 40 and " " not in head.strip() and second is not None and first.tag == second.tag == "p":
        line = second.text(separator=" ", strip=True)
        if line and when_from_text(line[:40], page.languages) is not None and \
                is_date_line(" ".join(line.split()[:5]), page.languages):
            return True
    m = SAID.search(head)
    # The verb stands as a word of its own after the name ("Lisa:" is not "Li" + "sa:").
    return m is not None and m.start() > 0 and m.group(0)[:1].isspace() and head.endswith(":")


_CITE_SAID = re.compile(r"\S" + SAID.pattern.replace(r"[:,]?\s*$", ":"), re.I)
assert _CITE_SAID.pattern != r"\S" + SAID.pattern


def _labelled_quote_box(page: Page, el: LexborNode) -> bool:
    """vBulletin 3's ``bbcode_quote`` template: ``<div><div class="smallfont">Quote:</div>
    <table>...quoted words...</table></div>``, or divs in a table-less skin (the label is the phrase ``quote``, translated:
    "Zitat:", "Citation :"): another post's words, not this commenter's."""
    first = _first_element(el)
    if first is None or first.tag != "div" or "smallfont" not in page.attrs.classes(first):
        return False
    head = first.text(separator=" ", strip=True)
    if not head or len(head) > 30 or not head.endswith(":"):
        return False
    nxt = _element_sibling(first, "next")
    # Skins that drop the layout table print the attribution and the words in plain divs
    # (``<div>Originally Posted by <strong>NAME</strong></div><div class="postquote">``).
    return nxt is not None and nxt.tag in ("table", "div")


def _attributes_a_quote(el: LexborNode) -> bool:
    """A short "NAME said:" paragraph right before a blockquote (Simple:Press and editors that
    print the attribution outside the quote): the quoted commenter's name, not the words."""
    nxt = _element_sibling(el, "next")
    if nxt is None or nxt.tag != "blockquote":
        return False
    head = el.text(separator=" ", strip=True)
    if 0 < len(head) <= 200 and head.endswith(":") and _SAID_IN.search(head):
        return True
    return 0 < len(head) <= 80 and head.endswith(":") and _CITE_SAID.search(head) is not None


# NodeBB's quote header, "@NAME said in TOPIC:" (``[[modules:composer.user-said-in]]``), with the
# quoted post's topic title: longer than a "NAME said:" line.
_SAID_IN = re.compile(r"^@?\S.{0,60}?\s(?:said in|wrote in|schrieb in|hat in|a dit dans|dijo en)\s", re.I)


def _attributed_before(el: LexborNode) -> bool:
    """A blockquote whose attribution paragraph stands right before it: another post's words."""
    prev = _element_sibling(el, "prev")
    # (FluxBB's and PunBB's quote: ``div.quotebox`` > ``<cite>NAME wrote:</cite>`` + blockquote)
    return prev is not None and prev.tag in ("p", "cite") and _attributes_a_quote(prev)


def _element_sibling(el: LexborNode, direction: str) -> LexborNode | None:
    """The next (or previous) element, over blank text only; None when text stands between."""
    sib = getattr(el, direction)
    while sib is not None and not sib.is_element_node:
        if sib.text(strip=True):
            return None
        sib = getattr(sib, direction)
    return sib


def _first_element(n: LexborNode) -> LexborNode | None:
    c = n.child
    while c is not None and not c.is_element_node:
        if c.text(strip=True):
            return None
        c = c.next
    return c


_QUOTE_AUTHOR_CLASSES = frozenset({"wpforo-post-quote-author", "quotetitle"})  # quotetitle: Asgaros
# ("quote" alone: a ``blockquote.quote`` is the forum's quote of an earlier post — XenForo-based
# forums' "top comments" boxes print it so — a commenter's own blockquote carries no class.)
_QUOTE_CLASSES = frozenset({"ipsquote", "quotecontent", "quoted-post", "post-quote", "comment-quote",
                            "quoted-comment", "messagequote", "quote-of-post", "quote"})


def _text_beside_fields(page: Page, it: Item, by_id: dict[int, Item], author: str | None,
                        date_text: str) -> str:
    """The text of a comment whose theme put it inside a metadata block (a paragraph inside
    ``div.comment-author``): everything but the short lines that carry the name or the date,
    the other comments, controls and avatars."""
    a = page.attrs
    marks = [m for m in (author, date_text) if m]
    item_id = it.node.mem_id

    def skip(el: LexborNode) -> bool:
        if el.mem_id in by_id and el.mem_id != item_id:
            return True
        if el.tag in roles.META_TAGS or el.tag in ("cite", "img"):
            return True
        cls = a.classes(el)
        if any(_META_PATTERN_REPLY.match(c) for c in cls) or cls & {"avatar", "says", "reply"}:
            return True
        if el.mem_id != item_id and marks:
            t = el.text(separator=" ", strip=True)
            if len(t) <= 200 and any(m in t for m in marks):
                # A line naming the commenter or the date - unless it wraps a block that is
                # text of its own (a short comment's whole body beside its byline).
                return not any(_unmarked(d, marks) for d in el.css(_BLOCKS))
        return False

    parts = [node_text(it.node, skip)] + [node_text(x, skip) for x in it.extra_nodes]
    return "\n\n".join(p for p in parts if p)


_BLOCKS = "p, div, blockquote, ul, ol, li, pre, table"


def _unmarked(n: LexborNode, marks: list[str]) -> bool:
    t = n.text(separator=" ", strip=True)
    return bool(t) and not any(m in t for m in marks)


_META_PATTERN_REPLY = re.compile(r"^(?:comment[-_])?(?:reply(?:[-_]?link)?|edit[-_]link|permalink)$")


_BYLINE_BY = (r"(?:geschrieben|verfasst|kommentiert|written|posted|commented|submitted|publié|posté|écrit|"
              r"escrito|publicado|scritto|pubblicato|geplaatst|skrivet|napisane)\s+"
              r"(?:von|by|par|por|da|de|door|av|przez):?\s+")
_BYLINE = re.compile(_BYLINE_BY + r"(.{1,60}?)\s+(?:am|on|le|el|il|at|um|à|op|den|dnia|,|\||—|–)\s", re.I)
# "Posté par NAME, <abbr title=ISO>13 mars 2019 à 13:35</abbr> | ..." (CanalBlog's comment footer):
# the comma right after the name, then the date.
_BYLINE_COMMA = re.compile(r"^\s*" + _BYLINE_BY + r"([^,|]{1,60}?)\s*,\s*(\S.*)$", re.I | re.S)


_BYLINE_OPEN = re.compile(r"^(?:(?:posted|written|commented|submitted)\s+by|(?:posté|publié|écrit)\s+par)"
                          r":?(?:\s|$)", re.I)


# Old WordPress themes print the header as loose text in the comment's element (or its ``dt``),
# not inside any element of its own: ``<?php comment_author_link() ?> on <?php comment_date() ?>``,
# or numbered with the date as the permalink's text ("3. NAME - <a href="#comment-5">DATE</a>");
# the name is a link only when the commenter gave a URL (then the link is read as usual).
_CLOCK_AFTER = re.compile(r"\s*(?:at\s+|um\s+|à\s+|,\s*)?\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?\s?m\.?)?", re.I)
_LOOSE_HEADER = re.compile(r"^\s*(?:\d{1,4}[.)]\s*)?(\S.{0,58}?)\s+(?:on|am|le|el|il|op)\s+(\S.{5,60})$",
                           re.S)
_LOOSE_NAME = re.compile(r"^\s*(?:\d{1,4}[.)]\s*)?(\S.{0,58}?)\s*(?:-|–|—|\||on|at|says:?|said:?)$",
                         re.S | re.I)


def _loose_header_author(page: Page, node: LexborNode) -> tuple[LexborNode | None, str | None]:
    """"NAME on DATE" as the comment element's own text, or "N. NAME -" before a child element
    holding only the date."""
    t = " ".join((node.text(deep=False, separator=" ") or "").split())
    if not t or len(t) > 130:
        return None, None
    m = _LOOSE_HEADER.match(t)
    if m is not None and is_date_line(m.group(2), page.languages) \
            and re.search(r"[^\W\d_]", m.group(1)):
        return None, m.group(1)
    dated = _dated_said_author(page, node)
    if dated is not None:
        return None, dated
    m = _LOOSE_NAME.match(t)
    if m is None or not re.search(r"[^\W\d_]", m.group(1)) or re.match(r"^\d{1,4}[.)]", m.group(1)):
        return None, None
    child = node.child
    while child is not None:
        if child.is_element_node and child.tag in ("a", "span", "time", "small", "abbr"):
            ct = child.text(separator=" ", strip=True)
            if ct and is_date_line(ct, page.languages):
                return None, m.group(1)
        child = child.next
    return None, None


# "At <a>4/19/2005 07:14 PM</a>, NAME said..." (Blogger's classic templates: the permalink's
# date, then ``<$BlogCommentAuthor$>`` — a profile link, a span or bare "Anonymous" — and the
# verb), "On <a>March 3, 2008 at 5:12 pm</a>, NAME said:" (old WordPress themes): the date first.
_HEAD_SAID = re.compile(r"^(\S.{0,150}?)\s+" + SAID.pattern.removeprefix(r"\s*"), re.I | re.S)


def _dated_said_author(page: Page, node: LexborNode) -> str | None:
    """The name in a header line "DATE, NAME said..." that is the whole text of ``node`` (its
    links and spans included): what follows the last comma, when what precedes it is a date
    printed in an element of its own."""
    t = " ".join((node.text(separator=" ") or "").split())
    m = _HEAD_SAID.match(t) if 0 < len(t) <= 160 else None
    if m is None or "," not in m.group(1):
        return None
    date, name = (x.strip() for x in m.group(1).rsplit(",", 1))
    if not name or len(name) > 60 or not re.search(r"[^\W\d_]", name) \
            or when_from_text(name, page.languages) is not None:
        return None
    # the date is printed as an element of its own (the permalink's text, a time), not as words
    # of a sentence that happens to end in "said:"
    if not any((d := " ".join(e.text(separator=" ", strip=True).split())) and d in date
               for e in node.css("a, time, span, abbr, small")):
        return None
    return name if is_date_line(date, page.languages) else None


_SAID_LINE = re.compile(r"^(\S.{0,58}?)" + SAID.pattern.replace(r"[:,]?\s*$", r"[:,]\s*$"), re.I | re.S)


# a time of day, or a preposition opening a date ("on Sep 21, 3:05 PM said:")
_DATE_BEFORE_SAID = re.compile(r"\d{1,2}:\d{2}|^(?:on|at|am|um|le|el|il|op|den)\s+\S*\d", re.I)


def _said_line_author(page: Page, own: list[LexborNode]) -> tuple[LexborNode | None, str | None]:
    """An old theme's header line "NAME said," / "NAME says:" in an element of its own (no
    element of words inside it): the name before the verb."""
    for n in own[1:40]:
        if n.tag not in ("span", "div", "p", "strong", "b", "cite", "h3", "h4", "h5", "h6"):
            continue
        if any(c.is_element_node and c.tag in ("p", "div", "ul", "ol", "blockquote")
               for c in n.iter()):
            continue
        t = " ".join((n.text(separator=" ") or "").split())
        m = _SAID_LINE.match(t) if 0 < len(t) <= 80 else None
        # "on Sep 21, 3:05 PM said:": a date line before the verb names no one
        if m and re.search(r"[^\W\d_]", m.group(1)) and not _DATE_BEFORE_SAID.search(m.group(1)) \
                and when_from_text(m.group(1), page.languages) is None:
            return n, m.group(1)
        if m:
            # "On <a>Sep 21, 2008 at 3:05 PM</a>, NAME said:": the name after the date
            name = _dated_said_author(page, n)
            if name:
                return n, name
    return None, None


def _byline_author(page: Page, own: list[LexborNode]) -> tuple[LexborNode | None, str | None]:
    """"geschrieben von NAME am 21. Jan. 2015", "Posted by NAME on ..." in a metadata line.

    Movable Type and TypePad print "Posted by: <$MTCommentAuthorLink$> | <$MTCommentDate$>" (or
    "... at DATE"): the name is a link inside the line, so a line whose own words open a byline is
    read with its links."""
    for n in own[1:40]:
        t = n.text(deep=False, separator=" ", strip=True) if n.tag != "a" else ""
        if t and len(t) < 200:
            if _BYLINE_OPEN.match(t):
                whole = " ".join(n.text(separator=" ", strip=True).split())
                mc = _BYLINE_COMMA.match(whole) if len(whole) < 200 else None
                found = find_date_span(mc.group(2), page.languages) if mc else None
                if found is not None and found[1] <= 3:
                    # Drupal's "Submitted by !username on !datetime" with its default medium date
                    # format ('D, m/d/Y - H:i': "on Tue, 06/05/2012 - 17:38"): the comma is the
                    # date's own, after its weekday, when what follows the connective is a date.
                    mb = _BYLINE.search(whole + " ")
                    if mb is not None and len(mb.group(1)) < len(mc.group(1)) \
                            and is_date_line((whole + " ")[mb.end():].strip(), page.languages):
                        return n, _whole_link_name(n, mb.group(1))
                    return n, _whole_link_name(n, mc.group(1).strip())
            m = _BYLINE.search(t + " ")
            if _BYLINE_OPEN.match(t) and n.css_first("a") is not None:
                # "Posted by <a>NAME</a> on DATE": the own words alone would give "on" as the name
                whole = n.text(separator=" ", strip=True)
                m = (_BYLINE.search(whole + " ") if len(whole) < 200 else None) or m
            elif m is None and _BYLINE_OPEN.match(t):
                whole = n.text(separator=" ", strip=True)
                m = _BYLINE.search(whole + " ") if len(whole) < 200 else None
            if m:
                return n, _whole_link_name(n, m.group(1))
    return None, None


def _whole_link_name(line: LexborNode, name: str) -> str:
    """The byline's name, or the whole text of the line's link that it begins (a name that holds
    one of the words closing a byline, "Tips on Baking" linked: the link is the name's element)."""
    for link in line.css("a"):
        t = " ".join(link.text(separator=" ", strip=True).split())
        if len(name) < len(t) <= 60 and t.startswith(name + " "):
            return t
    return name


# Member-profile links (forums and community sites: XenForo "/members/name.1/", Discourse "/u/",
# phpBB "memberlist.php?mode=viewprofile&u=2", vBulletin "member.php?u=2", "/profile/", "/user/",
# "/author/ID" of apps that name their members authors).
_PROFILE = roles.PROFILE_HREF


def _profile_author(page: Page, idx: dict[str, list[LexborNode]]) -> tuple[LexborNode | None, str | None]:
    """The text of a short link to the commenter's member profile."""
    for n in idx.get("tag:a", ()):
        href = page.attrs.get(n, "href")
        if not href or not _PROFILE.search(urlsplit(href).path + "?" + urlsplit(href).query):
            continue
        if _LOGIN_PATH.search(urlsplit(href).path):
            continue  # "/user/login?destination=...": a log-in prompt ("Report", "Other"), not a member
        if any(anc.tag == "blockquote" for anc in _ancestors_upto(n, 6)):
            continue  # the quoted commenter, not this one
        t = clean_author(n.text(separator=" ", strip=True), page.languages)
        if t and _BARE_URL.match(t):
            continue  # a profile's address pasted into the words: a mention, not the byline
        if t and len(t) <= 60 and not is_reply_word(t):
            return n, t
    return None, None


_BARE_URL = re.compile(r"(?:https?://|www\.)\S+$", re.I)


def _ancestors_upto(n: LexborNode, k: int):
    p = n.parent
    while p is not None and p.is_element_node and k > 0:
        yield p
        p = p.parent
        k -= 1


def _signature_author(page: Page, own: list[LexborNode]) -> tuple[str, str] | None:
    """(name, date) of a closing signature line ("NAME 於 2014/01/01 20:31 回覆", a
    ``div.signature`` "October 11, 2012 | NAME")."""
    for n in reversed(own[-6:]):
        if n.tag not in ("p", "span", "small", "em", "div") or n.child is None:
            continue
        text = n.text(separator=" ", strip=True) if n.child.next is None or len(own) < 50 \
            else n.text(deep=False, separator=" ", strip=True)
        if n.tag == "div" and (len(text) > 90 or any(
                d.tag in ("p", "div", "li", "br") for d in n.traverse() if d.mem_id != n.mem_id)):
            continue  # a box of the comment's words, not a line
        sig = split_signature(text[:200], page.languages)
        if sig:
            return sig
    return None


def _heading_author(page: Page, idx: dict[str, list[LexborNode]]) -> tuple[LexborNode | None, str | None]:
    """A short heading or bold name in the comment's header/footer ("<h3>Name</h3>")."""
    for tag in ("tag:h2", "tag:h3", "tag:h4", "tag:h5", "tag:h6", "tag:strong", "tag:b"):
        for n in idx.get(tag, ()):
            t = clean_author(_author_text(page, n), page.languages)
            if t and len(t) <= 60 and not t.isdigit():
                return n, t
            break
    return None, None


def _link_author(page: Page, idx: dict[str, list[LexborNode]]) -> tuple[LexborNode | None, str | None]:
    """WordPress core's ``get_comment_author_link()``: ``<a href class='url' rel='external
    nofollow'>NAME</a>``, printed bare by themes whose callback adds no role classes."""
    for n in idx.get("url", ()):
        if n.tag == "a" and "external" in page.attrs.get(n, "rel"):
            t = clean_author(_author_text(page, n), page.languages)
            if t and len(t) <= 60:
                return n, t
        break
    return None, None


def _permalink_line_author(page: Page, idx: dict[str, list[LexborNode]],
                           item: LexborNode) -> tuple[LexborNode | None, str | None]:
    """"NAME <a href='#comment-5'>1 year</a>": a short line holding the comment's permalink and a
    name in plain text (WordPress prints an author without a website as bare text). The line is
    returned as the author's element, so it stays out of the text."""
    for link in idx.get("tag:a", [])[:6]:
        if not _PERMALINK.search(page.attrs.get(link, "href")) or not link.text(strip=True):
            continue  # a vote button's empty link is not the permalink the theme prints
        line = link.parent
        if line is not None and line.mem_id == item.mem_id:
            return _loose_line_author(page, link)
        if line is None or line.tag not in ("p", "div", "header", "span"):
            return None, None
        rest = line.text(separator=" ", strip=True).replace(link.text(separator=" ", strip=True), " ")
        t = clean_author(rest.strip(_SEPARATORS), page.languages)
        if t and len(t) <= 60 and len(t.split()) <= 5 and any(ch.isalpha() for ch in t) \
                and not is_reply_word(t) and not is_role_word(t):
            return line, t
        return None, None
    return None, None


_SEPARATORS = " |•·-–—:/\u00a0"


def _loose_line_author(page: Page, permalink: LexborNode) -> tuple[LexborNode | None, str | None]:
    """A header printed loose in the comment's own element, the date's permalink on the line
    after the name ("<span>#3</span> <a>NAME</a><br><a href='#comment-5'>DATE</a>", or the name
    as bare text): the words of the line before the permalink's, without the running number
    and the images. A block element before it ends the search: that is not a header line."""
    lines: list[list[LexborNode]] = [[]]
    n = permalink.prev
    while n is not None:
        if n.is_element_node and n.tag == "br":
            if len(lines) == 2 and lines[1]:
                break
            if len(lines) == 1:
                lines.append([])
        elif n.is_element_node and (n.tag in ("p", "div", "ul", "ol", "blockquote", "table")
                                    or n.css_first(_BLOCKS) is not None):
            break
        elif not n.is_element_node and n.tag != "-text":
            pass  # an HTML comment
        elif len(lines) == 2:
            lines[1].append(n)
        elif (n.text(strip=True) if n.is_element_node else (n.text() or "").strip()):
            return None, None  # words beside the permalink on its own line: not this shape
        n = n.prev
    if len(lines) < 2:
        return None, None
    words = [x for x in reversed(lines[1]) if x.tag not in ("img", "svg")
             and (t := x.text(separator=" ", strip=True)) and not is_number_label(t)]
    t = clean_author(" ".join(x.text(separator=" ", strip=True) for x in words).strip(_SEPARATORS),
                     page.languages)
    if not t or len(t) > 60 or len(t.split()) > 5 or not any(ch.isalpha() for ch in t) \
            or is_reply_word(t) or is_role_word(t) or when_from_text(t, page.languages) is not None:
        return None, None
    return (words[0] if len(words) == 1 and words[0].tag == "a" else None), t


def _meta_author(page: Page, own: list[LexborNode]) -> tuple[LexborNode | None, str | None]:
    """A metadata element whose whole text is a name between separators ("| NAME", "NAME |"), for
    themes that print the author in a meta span without an author class."""
    a = page.attrs
    for n in own[1:40]:
        cls = a.classes(n)
        if not cls or not any(_meta_token(c) for c in cls) or n.css_first(_BLOCKS) is not None:
            continue
        t = n.text(separator=" ", strip=True).strip(_SEPARATORS)
        t = clean_author(t, page.languages) if t else None
        if t and len(t) <= 60 and not any(ch.isdigit() for ch in t) and len(t.split()) <= 5 \
                and not is_reply_word(t) and not is_role_word(t) and not is_profile_label(t):
            return n, t
    return None, None


def _row_author(page: Page, own: list[LexborNode]) -> tuple[LexborNode | None, str | None]:
    """A header printed as a table row of cells, the name in one and the date in the other
    (``<tr><td>NAME</td><td><div class="date_comment"><a href="#commentN">2 Aug 2012 at 12:47
    pm</a></div></td></tr>``, as 2000s news sites and forum skins print it): the cell beside the
    date cell whose whole text is a short name."""
    for n in own[1:60]:
        if n.tag != "tr":
            continue
        cells = [c for c in n.iter() if c.is_element_node and c.tag in ("td", "th")]
        if not 2 <= len(cells) <= 3:
            continue
        texts = [" ".join(c.text(separator=" ", strip=True).split()) for c in cells]
        dated = [i for i, t in enumerate(texts)
                 if 6 <= len(t) <= 60 and when_from_text(t, page.languages) is not None]
        if len(dated) != 1:
            continue
        for i, (c, t) in enumerate(zip(cells, texts)):
            if i == dated[0] or not t:
                continue
            name = clean_author(t.strip(_SEPARATORS), page.languages)
            if name and len(name) <= 60 and len(name.split()) <= 5 and not any(ch.isdigit() for ch in name) \
                    and not is_reply_word(name) and not is_role_word(name) and not is_profile_label(name):
                return c, name
    return None, None


def _meta_line(page: Page, author_node: LexborNode | None, date_text: str,
               item: LexborNode) -> tuple[LexborNode | None, str | None]:
    """The block that holds the author (a paragraph "NAME · 1 year" with the permalink) when it
    holds nothing else: author, permalinks, the date and separators. Themes without role classes
    print it as the comment's first paragraph. The line may be the name's element's parent or
    grandparent ("<span><i><a>NAME</a> - 2 years ago</i> | <a>thread</a></span>", as minimal
    forums print it): the widest such line is taken. Its parts may be the age as shown ("2 years
    ago", "edited 3 days ago") and short links to this thread's other views ("thread",
    "parent", "context", "edit"), which are returned as the age when the line has no date."""
    if author_node is None:
        return None, None
    found, age = None, None
    line = author_node.parent
    for _ in range(2):
        if line is None or line.mem_id == item.mem_id or line.tag not in _META_LINE_TAGS:
            break
        rest = line.text(separator=" ", strip=True)
        if len(rest) > 160:
            break
        drop = [author_node.text(separator=" ", strip=True), date_text] + _date_renderings(page, line)
        for link in line.css("a[href]"):
            href = page.attrs.get(link, "href")
            if _PERMALINK.search(href) or href.startswith("#") or _nav_link(page, link):
                drop.append(link.text(separator=" ", strip=True))
        for d in sorted((d for d in drop if d), key=len, reverse=True):
            rest = rest.replace(d, " ")
        if not rest.strip(_SEPARATORS + " "):
            found = line
        else:
            parts = [p.strip() for p in _META_PARTS.split(rest) if p.strip(_SEPARATORS + " ")]
            if not parts or not all(is_relative_time(p) or is_reply_word(p) for p in parts):
                break
            found = line
            age = next((" ".join(p.split()) for p in parts if is_relative_time(p)), age)
        line = line.parent
    return found, age


_META_LINE_TAGS = frozenset({"p", "div", "header", "footer", "span", "i", "em", "small"})


def _date_renderings(page: Page, line: LexborNode, budget: int = 40) -> list[str]:
    """The texts of the elements in a header line that carry a machine date of their own: the
    date as the page shows it beside (or instead of) the one the reader took. Templates print the
    moment twice, a hidden ``itemprop=dateCreated`` value and a visible ``span[title=ISO]`` "15
    апр. 14" (Stack Exchange's comment line and its mirrors), or an ``abbr[title]`` beside a
    ``time``: each rendering is the header's, never a word of the comment."""
    out = []
    for d in line.traverse():
        budget -= 1
        if budget < 0:
            break
        if not d.is_element_node or d.mem_id == line.mem_id:
            continue
        attrs = page.attrs.attrs(d) or {}
        if any(when_from_machine(attrs.get(k) or "") for k in roles.DATE_ATTRS if attrs.get(k)):
            t = d.text(separator=" ", strip=True)
            if t and len(t) <= 60:
                out.append(t)
    return out


def _dated_line_name(page: Page, date_node: LexborNode, date_text: str,
                     item: LexborNode) -> tuple[LexborNode | None, str | None]:
    """A header line around the date that holds, besides the date's renderings and separators,
    one short bare name and nothing else ("– user3535137 <span title=ISO>15 апр. 14</span>": a
    Q&A comment's signature whose name is not a link, as Stack Exchange prints a deleted
    account's or an unregistered user's): (the line, the name)."""
    line = date_node.parent
    for _ in range(2):
        if line is None or line.mem_id == item.mem_id or line.tag not in _META_LINE_TAGS:
            break
        t = line.text(separator=" ", strip=True)
        if len(t) > 120 or line.css_first("p, div, br, blockquote, ul, ol, img") is not None:
            break
        for d in sorted((d for d in [date_text] + _date_renderings(page, line) if d), key=len, reverse=True):
            t = t.replace(d, " ")
        rest = " ".join(t.split()).strip(_SEPARATORS + " ")
        if rest:
            name = bare_name(rest, page.languages)
            return (line, name) if name else (None, None)
        line = line.parent
    return None, None
# The parts of a header line: separators, and the brackets of "(edited 2 days ago)".
_META_PARTS = re.compile(r"\s[|•·\-–—]\s|[|•·()\[\]]")


def _nav_link(page: Page, link: LexborNode) -> bool:
    """A link of one or two short words to another view of this site (the thread, the parent
    comment, an edit page): "thread", "parent", "context", "edit". A profile or an outside site
    is not one."""
    href = page.attrs.get(link, "href")
    t = link.text(separator=" ", strip=True)
    if not t or len(t) > 16 or len(t.split()) > 2 or any(ch.isdigit() for ch in t):
        return False
    if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", href, re.I) or href.startswith(("mailto:", "javascript:")):
        return False
    return not re.search(r"(?:^|/)(?:user|users|member|members|profile|profiles|u|people)(?:/|$|\?)",
                         href, re.I)


def _inside(n: LexborNode, container: LexborNode) -> bool:
    p = n
    while p is not None and p.is_element_node:
        if p.mem_id == container.mem_id:
            return True
        p = p.parent
    return False


_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)")


def _time_line(t: str, languages: tuple[str, ...]) -> bool:
    """Only a date, or only a shown time without the year ("On Friday, November 2 at 10:44 am"):
    no other words (a name beside the date is a header to clean, not a date)."""
    return _only_a_date(t, languages) or (_CLOCK.search(t) is not None and len(t) <= 60
                                          and _only_a_date(t + " 2000", languages))


def _author_text(page: Page, n: LexborNode) -> str | None:
    a = page.attrs

    def skip(el: LexborNode) -> bool:
        cls = a.classes(el)
        if el.tag in ("img", "time", "svg", "script", "style", "button") or cls & {
                "says", "avatar", "screen-reader-text", "visually-hidden", "sr-only",
                "comment-metadata", "comment-date",
                "comment-time", "reply", "comment-reply-link", "badge", "label", "user-title",
                "title", "usertitle", "comment-label", "wpd-comment-label"}:
            return True
        # A badge next to the name ("<span>Autor</span>", "<span>Admin</span>").
        return el.tag in ("span", "small", "em", "sup") and is_role_word(el.text(strip=True))

    dated: set[int] = set()
    # A container ("<div class=author>Ben 19. Juni 2018 - Antworten</div>") whose name sits in
    # its own element: take that element.
    if n.tag not in ("a", "cite", "b", "strong", "span") or n.child is not None and n.child.next:
        for sub in n.css("cite, .fn, strong, b, a[href], span"):
            if skip(sub) or "reply" in a.get(sub, "class"):
                continue
            if any(skip(p) for p in _ancestors_below(sub, n)):
                continue  # the link of a date or reply part inside the author block
            raw = node_text(sub, skip)
            if sub.mem_id == n.mem_id:
                # lexbor's css() yields the element itself first: of its own lines, the name is
                # the first ("NAME<br>Twitter: handle", a plugin's line under the name).
                raw = next((ln for ln in raw.split("\n") if ln.strip()), "")
            t = " ".join(raw.split())
            if t and sub.tag == "span" and _time_line(t, page.languages):
                dated.add(sub.mem_id)  # the date's part of the header, never the name
                continue
            if t and len(t) <= 60 and not is_reply_word(t) and not is_role_word(t) \
                    and not is_profile_label(t):
                return t
    text = node_text(n, lambda el: el.mem_id in dated or skip(el))
    first = text.split("\n", 1)[0].strip() if text else ""
    if not first or is_reply_word(first) or is_profile_label(first):
        return None
    return first


def _term_author(page: Page, idx: dict[str, list[LexborNode]]) -> tuple[LexborNode | None, str | None]:
    """A comment printed as ``<dl><dt>1. <a>NAME</a> <span>DATE</span></dt><dd>words</dd></dl>``
    (old newspaper and Blogger-classic layouts): the name is the header term's link (with or
    without ``href``); the whole term is the header, never text."""
    for dt in idx.get("tag:dt", ()):
        nxt = next_element(dt)
        if nxt is None or nxt.tag != "dd":
            continue
        for link in dt.css("a"):
            t = " ".join(link.text(separator=" ", strip=True).split())
            if t and len(t) <= 60 and not is_reply_word(t) and not is_profile_label(t) \
                    and not _PERMALINK.search(page.attrs.get(link, "href")):
                return dt, t
    return None, None


def _ancestors_below(n: LexborNode, top: LexborNode) -> list[LexborNode]:
    """The elements between ``n`` and its ancestor ``top`` (both left out; none when ``n`` is
    ``top`` or not inside it)."""
    out: list[LexborNode] = []
    p = n.parent
    while p is not None and p.is_element_node:
        if p.mem_id == top.mem_id:
            return out
        out.append(p)
        p = p.parent
    return []


_ELLIPSIS = ("…", "...", "..")


def _subject_link(page: Page, el: LexborNode) -> bool:
    """A heading that is only a link to the comment's own permalink: its subject line (Drupal 6/7
    ``<h3 class="title"><a href="...#comment-5">Subject</a></h3>``), not its words."""
    links = el.css("a[href]")
    return (len(links) == 1 and _PERMALINK.search(page.attrs.get(links[0], "href")) is not None
            and links[0].text(strip=True) == el.text(strip=True))


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
    """Whether a comment permalink points at this page (ignoring comment-page-N and a trailing
    "/comments")."""
    if not page_url:
        return True
    base, link = unwrap_wayback(page_url) or "", unwrap_wayback(href) or ""
    u, p = urlsplit(link), urlsplit(base)
    if u.netloc and u.netloc.lower().removeprefix("www.") != p.netloc.lower().removeprefix("www."):
        return True  # another host: a mirror or a saved copy; nothing to compare
    if not u.netloc and not u.scheme and u.path and not u.path.startswith("/"):
        # A relative permalink ("SLUG.html#comment-2", as a saved or mirrored page rewrites it)
        # names a file beside the page: resolved against the page's address, not compared bare.
        u = urlsplit(urljoin(base, link))

    own, other = post_id_of(page_url), post_id_of(href)
    if own is not None and other is not None:
        return own == other  # WordPress's "/?p=ID" form: the id names the post, not the path
    # A post's own comments page ("/p/SLUG/comments#comment-N", Substack) is the same post.
    strip = re.compile(r"/comment-page-\d+/?$|/comments/?$|/+$")
    # A path written with its letters ("/2020/09/日記.html") and the same path percent-encoded
    # ("/2020/09/%e6%97%a5...") are one address.
    return not u.path or strip.sub("", unquote(u.path)) == strip.sub("", unquote(p.path))
