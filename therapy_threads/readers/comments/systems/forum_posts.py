"""The fallback for forum threads: repeated post blocks that no named engine claimed.

Forum software a site wrote for itself (ASP.NET and CMS forums, parenting and patient
communities) prints a thread as the same block once per post, and every such block carries the
same three parts that the engines' own templates carry (phpBB ``div.post`` > ``dl.postprofile``
+ ``div.content``, FluxBB ``div.blockpost`` > ``dl`` + ``div.postmsg``, MyBB ``div.post`` >
``div.post_author`` + ``div.post_body``, Kentico's forum ``li.discussion-post`` >
``a.PostUser`` + ``div.discussion-post-body``): the poster's name (a profile link or an element
named ``username``/``nick``/``poster``), the date, and the words in an element named for the
post's body (``post-body``, ``msg-body``, ``message-text``, ``talk-post message``...).

A block is an element whose class names one post (``post``, ``message``, ``msg``,
``discussion-post``, ``topic-reply``, ``forum-post``; the ``-odd``/``-even`` stripes and
``-primary``/``-secondary`` ranks count as the same block) that repeats under one parent and
holds a body part and a name. Blog posts are not forum posts: a block marked as a blog entry
(``hentry``, ``type-post``, ``h-entry``, schema.org ``BlogPosting``), holding an entry title or
comment markup of its own, is left alone, so a blog's front page with several posts stays a
listing. The thread's opening post is the post: a block marked as the opening one
(``original-first-post``, ``firstpost``, ``-primary``, ``topic-starter``), or else the first block
of a thread's first page (``?page=N``, ``/page-N``, ``start=N`` beyond the first page hold only
replies); blocks named as the replies to a post (a news forum's ``div.post-reply-wrapper`` under
the article) are all replies. Posts are flat. Inside the words, a quote of another post, a signature (what follows a
``hr`` the engine prints before it, or an element named ``signature``) and the post's own
action links are not the words.
"""
from __future__ import annotations

import re
from itertools import islice

from ..base import Item, Page
from ..cleanup import is_action_label, is_date_line, is_number_label, is_profile_label
from ..dom import element_children, stripped_text
from .phpbb import phpbb2_not_text
from .topic_page import FORUM_PAGE, FlatForum, is_later_page, states_later_page

# A class token naming one post block; "-odd"/"-even", "-primary"/"-secondary"/"-tertiary" and
# "-item"/"-container"/"-wrap" name the same block.
_BLOCK = re.compile(
    r"^(?:[a-z0-9]+[-_])?(post-reply|post|message|msg|discussion-post|topic-reply|forum-post|"
    r"forumpost|thread-post|reply-post|talk-post-item)"
    r"(?:[-_](?:odd|even|alt|primary|secondary|tertiary|item|container|wrap|wrapper|block|box|"
    r"row|entry))?$")
# Blocks named as one reply to the post (a news forum's "post-reply" list under the article):
# every one is a reply, none the opening post.
_REPLY_BLOCKS = frozenset({"post-reply"})
_BODY = re.compile(
    r"^(?:[a-z0-9]+[-_])?(?:post|message|msg|discussion-post|topic-reply|forum-post|reply)"
    r"[-_]?(?:body|text|content|message|msg)$|^(?:talk-post|messagebody|messagetext|postbody|"
    r"posttext|postmsg)$")
_NAME = re.compile(r"^(?:[a-z0-9]+[-_])?(?:user-?name|username|nick|nickname|postuser|"
                   r"post-?author|poster-?name|member-?name|author-?name|user-?link)$")
_PROFILE = re.compile(r"(?:^|/)(?:user|users|member|members|profile|profiles|u|benutzer|"
                      r"user-dashboard|community/profile)(?:[/.?=_-]|\.aspx)|[?&;](?:u|user|uid|"
                      r"userid|memberid|p)=\d", re.I)
_DATE = re.compile(r"^(?:[a-z0-9]+[-_])?(?:post[-_]?time|post[-_]?date|posted|timestamp|date|time|"
                   r"datetime|posted-?on)$")
_BYLINE = re.compile(r"^(?:[a-z0-9]+[-_])*byline$")
_FIRST = re.compile(r"^(?:original-first-post|firstpost|first-post|topic-starter|"
                    r"thread-starter|opening-post|original-post|[a-z0-9-]*post[-_]primary)$")
_BLOG = frozenset({"hentry", "type-post", "h-entry", "post-outer", "blog-post", "entry"})
_NOT_BLOCK_TAGS = frozenset({"span", "a", "p", "ul", "ol", "form", "body", "html", "main",
                             "header", "footer", "nav", "aside", "td"})
_SIGNATURE = re.compile(r"^(?:[a-z0-9]+[-_])?(?:signature|sig|postsig|post-?signature)$")
_QUOTE = re.compile(r"^(?:[a-z0-9]+[-_])?(?:quote|quotes|bbcode-?quote|forum-?quote|forum-?quoter|"
                    r"quote-?header|quoted|blockquote)$")
_ACTIONS = re.compile(r"^(?:[a-z0-9]+[-_])?(?:post-?links|post-?actions|actions|post-?tools|"
                      r"post-?buttons|edit-?menu)$")
# The name is a person's, not a sentence.
_MAX_NAME = 60


def _block_word(classes: frozenset[str]) -> str | None:
    """The post word of the block's classes: an unprefixed one first (``post-box`` beside
    ``h-reply-post-box``: the engine's base class, which the opening post and the replies
    share, before the variant that tells them apart)."""
    found = [m for m in map(_BLOCK.match, sorted(classes)) if m]
    for m in found:
        if m.group(0).startswith(m.group(1)):
            return m.group(1)
    return found[0].group(1) if found else None


def _slot(n):
    """The element that stands for a block among its siblings: the block itself, or the wrapper
    an engine prints around each post when the block is that wrapper's only element
    (``div#postBoxWrapperN > article.post-box``), up to two levels."""
    slot = n
    for _ in range(2):
        p = slot.parent
        if p is None or p.tag in ("body", "html", "main") or len(list(islice(element_children(p), 2))) != 1:
            break
        slot = p
    return slot


class ForumPosts(FlatForum):
    name = "forum-posts"
    order = 93  # after every named engine and list reader, before the generic comment blocks
    meta_classes = frozenset()
    page_number = FORUM_PAGE

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        groups: dict[tuple[int, str, str], list] = {}
        for n in page.root.css("[class]"):
            if n.tag in _NOT_BLOCK_TAGS and not _sole_cell(n):
                continue
            cls = a.classes(n)
            word = _block_word(cls)
            if word is None or cls & _BLOG or n.parent is None:
                continue
            up = _slot(n).parent
            if up is None:
                continue
            groups.setdefault((up.mem_id, n.tag, word), []).append(n)
        best: list[tuple] = []
        for blocks in groups.values():
            if len(blocks) < 2:
                continue
            parts = [self._parts(page, b) for b in blocks]
            if any(p is None for p in parts) or any(self._blog_like(page, b) for b in blocks):
                continue
            if len(blocks) > len(best):
                best = list(zip(blocks, parts))
        if not best:
            return []
        out: list[Item] = []
        marked = None
        for i, (b, (body, who, date, not_text)) in enumerate(best):
            if marked is None and self._marked_first(page, b):
                marked = i
            out.append(Item(b, self.name, self._key(page, b), parent_stated=True,
                            author=who, content=body, date=date, not_text=not_text))
        if marked is not None:
            out[marked].skip_reason = "thread_starter"
        elif _block_word(page.attrs.classes(best[0][0])) in _REPLY_BLOCKS:
            pass  # blocks named as the replies to a post: the post is printed apart from them
        elif not is_later_page(page, self.page_number) and not states_later_page(page):
            out[0].skip_reason = "thread_starter"
        return out

    @staticmethod
    def _key(page: Page, b) -> str:
        a = page.attrs
        for v in (a.id(b), a.get(b, "data-post"), a.get(b, "data-post-id"), a.get(b, "data-id")):
            m = re.search(r"(\d{2,})", v or "")
            if m:
                return f"post-{m.group(1)}"
        return ""

    @staticmethod
    def _marked_first(page: Page, b) -> bool:
        a = page.attrs
        if any(_FIRST.match(c) for c in a.classes(b)):
            return True
        for c in b.iter():
            if any(_FIRST.match(x) for x in a.classes(c)):
                return True
        return False

    @staticmethod
    def _blog_like(page: Page, b) -> bool:
        a = page.attrs
        if "BlogPosting" in a.get(b, "itemtype"):
            return True
        return b.css_first(".entry-title, .post-title, .comment, #comments, .comments") is not None

    @staticmethod
    def _parts(page: Page, b):
        """(body, author name, date element, not-text elements), or None when the block lacks
        the words or the name."""
        a = page.attrs
        body = None
        for d in b.css("[class]"):
            if any(_BODY.match(c) for c in a.classes(d)) and d.tag not in ("span", "a"):
                body = d
                break
        if body is None or not (body.text(separator=" ") or "").strip():
            return None
        who = name_node = None
        for d in b.css("[class]"):
            if any(_NAME.match(c) for c in a.classes(d)):
                t = stripped_text(d)
                if t and len(t) <= _MAX_NAME and not _inside(d, body):
                    who, name_node = t, d
                    break
        if who is None:
            for link in b.css("a[href]"):
                t = stripped_text(link)
                if t and len(t) <= _MAX_NAME and _PROFILE.search(a.get(link, "href")) \
                        and not _inside(link, body) and not _drawn_only(link, t):
                    who, name_node = t, link
                    break
        if who is None:
            who, name_node = _stated_name(page, b, body)
        if who is None:
            who, name_node = _byline_name(page, b, body)
        header = None
        if who is None:
            who, header = _header_line(page, b, body)
            name_node = header
        if who is None:
            return None
        date = None
        for d in b.css("[class], time"):
            if d.tag == "time" or any(_DATE.match(c) for c in a.classes(d)):
                if not _inside(d, body) and (d.text(strip=True) or a.get(d, "datetime")):
                    date = d
                    break
        guessed = False
        if date is None:
            guessed = header is None
            date = header if header is not None else _meta_line(name_node, b)
        lead, byline = _leading_header(page, body)
        if byline is not None:
            named = [x for x in byline.css("a[href]") if 2 <= len(stripped_text(x) or "") <= _MAX_NAME
                     and not (a.get(x, "href") or "").startswith("#")]
            # a profile link by its address, else the byline's one worded link (a site's rewritten
            # member address, "/membre6344/"; the post's permalink there is an icon)
            link = next((x for x in named if _PROFILE.search(a.get(x, "href"))), None) \
                or (named[0] if len(named) == 1 else None)
            if link is not None and stripped_text(link) != who and _profile_label(who):
                # The name taken outside the words was a profile column's link label ("E-mail",
                # "Message privé"); the byline's own profile link names the poster.
                who = stripped_text(link)
            if date is None or guessed:
                # (the short line around the name is a guess: the poster's column may hold a
                # "Joined: DATE" there; the byline's date is the post's)
                date = _byline_date(page, byline)
        return body, who, date, _not_words(page, body) + lead


def _drawn_only(link, text: str) -> bool:
    """A link whose only words are drawn in an ``svg`` (a letter avatar: the member's initial in
    a circle) names no one; the name is the next link."""
    return "".join(s.text(strip=True) for s in link.css("svg")) == text


def _sole_cell(n) -> bool:
    """A table cell that is its row's only cell: a board that prints one row per post
    (GameFAQs' ``tr`` > ``td.msg``) — the cell is the post's block."""
    if n.tag != "td" or n.parent is None or n.parent.tag != "tr":
        return False
    return len(list(islice(element_children(n.parent), 2))) == 1


def _stated_name(page: Page, block, body):
    """The poster's name as the engine states it in a ``data-username`` attribute (a name
    button that opens the member's menu, not a profile link), outside the words."""
    a = page.attrs
    for d in block.css("[data-username]"):
        t = " ".join((a.get(d, "data-username") or "").split())
        if t and len(t) <= _MAX_NAME and not _inside(d, body):
            return t, d
    return None, None


def _byline_name(page: Page, block, body):
    """A name printed as the bare words of the post's byline element (``div.post-box-byline``:
    a former or guest member, whom the engine prints without a profile link), with no digit in
    them (a date is not a name)."""
    a = page.attrs
    for d in block.css("[class]"):
        if not any(_BYLINE.match(c) for c in a.classes(d)) or _inside(d, body):
            continue
        t = " ".join((d.text(deep=False, separator=" ") or "").split())
        if t and len(t) <= _MAX_NAME and not re.search(r"\d", t):
            return t, d
        return None, None
    return None, None


# The separators of a post's header line ("#178 - NAME - Tue Jan 21, 2014 10:23 am",
# "NAME | 3 March 2012").
_HEADER_SEP = re.compile(r"\s+[-–—|•·]\s+")
# The post's number there: a running number, or the forum's post id after "#".
_POST_NUMBER = re.compile(r"^#\s*\d+$")


def _header_line(page: Page, block, body):
    """The poster's name in the post's header line, a heading of the block before its words that
    lists the post's number, the poster and the date between dashes or bars and nothing else
    ("#178 - NAME - Tue Jan 21, 2014 10:23 am": an archive's re-printing of a forum, which keeps
    no profile link): the part that is neither the number nor the date. Returns (name, the
    heading), the heading also being the date's element."""
    for h in block.css("h2, h3, h4, h5, h6"):
        if _inside(h, body) or _inside(body, h):
            continue
        t = " ".join((h.text(separator=" ") or "").split())
        parts = [p for p in _HEADER_SEP.split(t) if p] if len(t) <= 140 else []
        if parts and (is_number_label(parts[0]) or _POST_NUMBER.match(parts[0])):
            parts = parts[1:]
        if len(parts) != 2:
            continue
        dated = [is_date_line(p, page.languages) for p in parts]
        if dated.count(True) != 1:
            continue
        name = parts[dated.index(False)]
        if len(name) <= _MAX_NAME and len(name.split()) <= 4:
            return name, h
    return None, None


def _meta_line(name_node, block):
    """The short line around the poster's name that also holds a number ("NAME<br>Nov 21, 2019
    8:18 AM"): the date printed as bare text beside the name, which the engine reads without
    the name."""
    p = name_node.parent
    for _ in range(3):
        if p is None or p.mem_id == block.mem_id:
            return None
        t = " ".join((p.text(separator=" ") or "").split())
        if len(t) > 100:
            return None
        if re.search(r"\d", t.replace(stripped_text(name_node) or "", "")):
            return p
        p = p.parent
    return None


def _inside(n, outer) -> bool:
    p = n
    while p is not None:
        if p.mem_id == outer.mem_id:
            return True
        p = p.parent
    return False


def _before_quote(n) -> bool:
    """The next element after ``n`` (past line breaks) is a blockquote."""
    s = n.next
    while s is not None and (not s.is_element_node or s.tag == "br"):
        if not s.is_element_node and (s.text() or "").strip():
            return False
        s = s.next
    return s is not None and s.tag == "blockquote"


# The engine's header parts printed first inside the element the words are in (phpBB 3
# prosilver's ``div.postbody``: ``ul.profile-icons`` "Reply with quote", ``h3`` "Re: SUBJECT",
# ``p.author`` "by NAME » DATE", then ``div.content``): an action list, a subject heading and a
# byline. They are taken while the element's children are such parts, up to the first one that
# is not: what follows is the words.
_MAX_BYLINE = 160
_BYLINE_WORDS = 6


def _leading_header(page: Page, body) -> tuple[list, object]:
    """(the header parts before the words inside ``body``, the byline among them or None).
    A part is a list of links or buttons whose every item is an action word ("Reply with quote",
    "Quote", "Répondre en citant le message"), a heading (the post's subject), or a short line
    that, without up to six words before a date and a separator (the name, "by", "»"), is a date. Nothing is
    taken when no child after them holds words: then the header is all there is."""
    kids = [c for c in body.iter() if c.is_element_node and c.tag not in ("br", "hr", "script", "style")]
    for _ in range(3):
        # a wrapper that holds all of it (prosilver's ``div#post_content…``): its children
        full = [c for c in kids if " ".join((c.text(separator=" ") or "").split())]
        if len(full) != 1 or full[0].tag not in ("div", "section", "article"):
            break
        kids = [c for c in full[0].iter() if c.is_element_node and c.tag not in ("br", "hr", "script", "style")]
    lead: list = []
    byline = None
    for c in kids:
        t = " ".join((c.text(separator=" ") or "").split())
        if not t:
            lead.append(c)
            continue
        if c.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and len(t) <= _MAX_BYLINE:
            lead.append(c)
        elif c.tag in ("ul", "ol", "div", "span", "p") and _action_list(c):
            lead.append(c)
        elif len(t) <= _MAX_BYLINE and byline is None and _dated_byline(t, page.languages):
            lead.append(c)
            byline = c
        else:
            break
    else:
        return [], None  # no words after the header parts: they are not a header
    if byline is None:
        return [], None  # (a heading alone above the words may be the poster's own title)
    return lead, byline


def _byline_date(page: Page, byline):
    """The byline's own date: its last bare text that is a date ("by <a>NAME</a> » Sun Jul 28,
    2013 1:34 pm"), so that the name is not read into it; else the byline."""
    for t in reversed([c for c in byline.iter(include_text=True) if c.tag == "-text"]):
        s = " ".join((t.text() or "").split()).strip(" »|•·–—-:,")
        if s:
            return t if is_date_line(s, page.languages) else byline
    return byline


def _action_list(n) -> bool:
    """Every item or link of ``n`` is an action word ("Reply with quote", "Quote", "Report")."""
    items = [x for x in n.css("li") if " ".join((x.text(separator=" ") or "").split())] \
        or [x for x in n.css("a, button") if " ".join((x.text(separator=" ") or "").split())]
    return bool(items) and all(is_action_label(" ".join((x.text(separator=" ") or "").split()))
                               for x in items)


def _dated_byline(t: str, languages) -> bool:
    """"by NAME » DATE", "von NAME » DATE", "de NAME » DATE", "Postby NAME » DATE": a date once up
    to six words and a separator before it are left out."""
    if is_date_line(t, languages) and not re.search(r"[^\W\d_]{2,}\s*[»|•·]", t):
        return True
    m = re.match(r"^(?:\S+\s+){1,%d}?[»|•·–—-]\s+(.+)$" % _BYLINE_WORDS, t)
    if m is None:
        return False
    return is_date_line(m.group(1), languages)


def _profile_label(name: str | None) -> bool:
    """A contact or profile button's label in the poster's column, not a name."""
    return bool(name) and (is_profile_label(name) or is_action_label(name)
                           or name.lower() in _CONTACT_LABELS)


# phpBB's contact buttons in the poster's column (its language packs: SEND_PRIVATE_MESSAGE,
# EMAIL, WWW): labels, never names.
_CONTACT_LABELS = frozenset({"e-mail", "email", "pm", "private message", "send private message",
                             "message privé", "mp", "private nachricht", "pn", "www", "website",
                             "site internet", "mensaje privado", "messaggio privato"})


def _not_words(page: Page, body) -> list:
    """Quotes of other posts, the signature and action links inside the words' element."""
    a = page.attrs
    out = []
    for d in body.css("blockquote, cite, [class]"):
        cls = a.classes(d)
        if d.tag == "cite" and _before_quote(d):
            out.append(d)  # the quote's header ("NAME posted..."), printed before the blockquote
            continue
        if d.tag == "blockquote" or any(_QUOTE.match(c) or _SIGNATURE.match(c) or _ACTIONS.match(c)
                                        for c in cls):
            out.append(d)
    if body.css_first("span.postbody") is not None:
        # phpBB 2's message markup, re-printed by an archive or a portal inside its own post block:
        # its quote tables and the "Code:" labels of its code tables (``bbcode.tpl``).
        out.extend(phpbb2_not_text(body))
    # A rule the engine prints between the words and the member's standing signature: everything
    # after it in the words' element, elements and bare text (an ``hr`` named for it:
    # ``hr.PostHR``, ``hr.sig``).
    for hr in body.css("hr[class]"):
        if not any(re.search(r"post|sig", c) for c in a.classes(hr)):
            continue
        s = hr.next
        while s is not None:
            if s.is_element_node or s.tag == "-text":
                out.append(s)
            s = s.next
    return out
