"""phpBB 3 topics (prosilver and themes built on it), from ``styles/prosilver/template/viewtopic_body.html``.

Each post is ``div#p{POST_ID}.post`` (with ``has-profile``, ``bg1``/``bg2``, ``online``...) holding
``div.inner`` > ``dl.postprofile#profile{ID}`` (the poster: ``a.username`` or
``a.username-coloured``, rank, "Posts:"/"Joined:" ``dd`` lines) and ``div.postbody`` > ``div#post_content{ID}``
with ``h3`` (the subject, "Re: ..."), ``ul.post-buttons``, ``p.author`` (the date, as written),
``div.content`` (the words; quotes of other posts are ``blockquote`` with a "X wrote:" ``cite``),
``div.notice`` (edit notice) and ``div#sig{ID}.signature``. Threads are flat. The topic's first
post is the topic itself (the post body, not a comment); on a later page (``start=`` in the URL or
the canonical link, or "Page N of M" with N > 1) every post is a reply.

Styles that rewrite the markup (Bootstrap themes) may print ``div#p{ID}`` without the ``post``
class; the template's ``div#post_content{ID}`` inside ``div.postbody`` still marks the post.

Styles written from scratch (prosilver's and subsilver2's markup both replaced: ``div#p{ID}.vtouter``
> ``div.vtinner`` of phpBB 3.0's "Absolution") keep what phpBB itself prints around the template:
the post's anchor ``id="p{POST_ID}"``, which ``U_MINI_POST`` (``viewtopic.php?p={ID}#p{ID}``,
built by ``viewtopic.php``) or the subject's ``#p{ID}`` link inside the post targets; the poster
as ``get_username_string()`` prints it (``a.username``/``span.username`` and their
``-coloured`` forms, or in 3.0 a bare link to ``memberlist.php?mode=viewprofile``); and the
words in prosilver's ``div.content``, the class the styles keep for the message.

Hosted phpBB-style boards (Forumotion's prosilver theme) keep ``div#p{ID}.post`` and
``div.postprofile`` but put the subject and "von NAME" in ``div.postbody-head`` and the words in
``div.post-entry``; their advertising slot is printed as a post with the id ``p0``, which is no
post at all.

phpBB 3.0's subsilver2 (``styles/subsilver2/template/viewtopic_body.html``) prints each post as a
``table.tablebg``: a row with ``<a name="p{POST_ID}">`` and ``b.postauthor`` (the poster; styles
derived from it print the class on a ``span``) beside
``td.gensmall`` "Post subject: ... Posted: DATE", a row with ``td.profile`` (rank, "Joined:",
"Posts:") beside ``div.postbody`` (the words; quotes are ``div.quotetitle`` "X wrote:" +
``div.quotecontent``) and, when the poster has one, a second ``div.postbody`` holding the
signature after a ``_________________`` line; then the "Top" / profile-buttons row. The
pagination says "Page N of M" in ``td.nav``.

phpBB 2 (``templates/subSilver/viewtopic_body.tpl``, also inside PHP-Nuke and PostNuke as
PNphpBB2) has no post element: each post is a table row whose first cell holds
``span.name`` (the poster, after ``<a name="{POST_ID}">``) and ``span.postdetails`` (rank, "Joined:",
"Posts:"), and whose second cell holds ``span.postdetails`` "Posted: DATE  Post subject: ..."
(PNphpBB2: ``td.postdetails``) and the words in ``span.postbody`` (PNphpBB2: ``td.postbody``).
The message cell is ``<td colspan="2"><span class="postbody">{MESSAGE}{SIGNATURE}</span><span
class="gensmall">{EDITED_MESSAGE}</span></td>``, and ``bbcode.tpl`` closes the ``span.postbody``
before every quote or code table and opens a new one after it: a post that starts with a quote
has an empty first span, so the words are read from the whole cell. A quote is a table with a
"NAME wrote:" or "Quote:" row and ``td.quote`` (not the poster's words); a code table's "Code:"
row is a label, its ``td.code`` the poster's; the signature follows a ``_________________`` line
inside the last ``span.postbody``. ``<a name="{POST_ID}">`` in ``span.name`` keys the post, and
"Page N of M" (``{PAGE_NUMBER}``) is in a ``span.nav`` below the posts.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..cleanup import is_date_line
from ..dom import ancestors, stripped_text

_ID = re.compile(r"^p(\d+)$")
_START = re.compile(r"[?&;]start=(\d+)")
_PAGE = re.compile(r"\b(?:page|seite|página|pagina)\s+(\d+)\s+(?:of|von|de|di|sur)\s+\d+", re.I)


class PhpBB(CommentSystem):
    name = "phpbb"
    order = 27
    content_classes = ("content",)
    author_classes = ("username", "username-coloured")
    date_classes = ("author",)
    meta_classes = frozenset({"postprofile", "post-buttons", "signature", "notice", "author",
                              "back2top", "profile-rank", "profile-posts", "profile-joined",
                              "postbody-head", "postprofile-head", "popupmenu", "post-info",
                              "sig-content", "post-footer"})

    def find(self, page: Page) -> list[Item]:
        posts = [(n, m) for n, m in page.with_id("div.post[id^='p']", _ID)
                 if m.group(1) != "0" and n.css_first("div.postbody") is not None]
        if not posts:
            # Styles that drop the ``post`` class (a Bootstrap rewrite: ``div#p{ID}.clearfix`` >
            # ``article`` > ``div.postbody``) keep the template's ``div#post_content{ID}``.
            posts = [(n, m) for n, m in page.with_id("div[id^='p']", _ID)
                     if m.group(1) != "0"
                     and n.css_first(f"div.postbody div#post_content{m.group(1)}") is not None]
        styled = False
        if not posts:
            posts = self._styled_posts(page)
            styled = bool(posts)
        if not posts:
            return self._find_subsilver2(page) or self._find_phpbb2(page)
        first_page = self._first_page(page)
        out = []
        for i, (n, m) in enumerate(posts):
            prof = n.css_first("dl.postprofile a.username, dl.postprofile a.username-coloured")
            author = stripped_text(prof)
            content = n.css_first("div.postbody div.content, div.post-entry")
            date = None
            if styled:
                content = n.css_first("div.content")
                author = author or _poster(page, n, content)
                date = _post_date(page, n, content)
            out.append(Item(n, self.name, f"p{m.group(1)}", parent_stated=True,
                            author=author or None, content=content, date=date,
                            skip_reason="thread_starter" if first_page and i == 0 else None))
        return out

    @staticmethod
    def _styled_posts(page: Page) -> list:
        """``div#p{ID}`` of a style with markup of its own: the post links to its own anchor
        (``U_MINI_POST`` or the subject's ``#p{ID}``) and holds one ``div.content``, the words.
        A block holding another such block is a wrapper, not a post."""
        a = page.attrs
        found = []
        for n, m in page.with_id("div[id^='p'], article[id^='p']", _ID):
            if m.group(1) == "0" or len(n.css("div.content")) != 1:
                continue
            anchor = f"#p{m.group(1)}"
            if any(a.get(link, "href").endswith(anchor) for link in n.css("a[href*='#p']")):
                found.append((n, m))
        inner = {p.mem_id for n, _ in found for p in ancestors(n)}
        return [(n, m) for n, m in found if n.mem_id not in inner]

    @staticmethod
    def _first_page(page: Page, pagination: str = "div.pagination, td.nav") -> bool:
        urls = [page.url or ""]
        canon = page.root.css_first("link[rel='canonical']")
        if canon is not None:
            urls.append(page.attrs.get(canon, "href"))
        for u in urls:
            m = _START.search(u)
            if m and int(m.group(1)) > 0:
                return False
        for pag in page.root.css(pagination):
            m = _PAGE.search(pag.text(separator=" ", strip=True))
            if m:
                return int(m.group(1)) <= 1
        return True

    def _find_subsilver2(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        seen: set[int] = set()
        first_page = None
        # The template prints ``b.postauthor``; styles derived from subsilver2 keep the class on
        # another element (``span.postauthor``), and the stylesheet styles the class alone.
        for who in page.root.css(".postauthor"):
            table = next((p for p in ancestors(who) if p.tag == "table" and "tablebg" in a.classes(p)), None)
            if table is None or table.mem_id in seen:
                continue
            anchor = who.parent.css_first("a[name^='p']") if who.parent is not None else None
            m = _ID.match(a.get(anchor, "name")) if anchor is not None else None
            bodies = table.css("div.postbody")
            if m is None or not bodies:
                continue
            seen.add(table.mem_id)
            if first_page is None:
                first_page = self._first_page(page)
            content = bodies[0]
            date = next((d for d in table.css("td.gensmall") if "Posted" in d.text()), None)
            not_text = list(content.css("div.quotetitle, div.quotecontent")) + bodies[1:]
            out.append(Item(table, self.name, f"p{m.group(1)}", parent_stated=True,
                            author=who.text(strip=True) or None, content=content, date=date,
                            not_text=not_text,
                            skip_reason="thread_starter" if first_page and not out else None))
        return out

    def _find_phpbb2(self, page: Page) -> list[Item]:
        a = page.attrs
        rows = []
        for name in page.root.css("span.name"):
            cell = name.parent
            row = cell.parent if cell is not None and cell.tag == "td" else None
            if row is None or row.tag != "tr" or any(r.mem_id == row.mem_id for r in rows):
                continue
            if row.css_first("span.postbody, td.postbody") is not None:
                rows.append(row)
        if not rows:
            return []
        # phpBB 2 prints "Page N of M" ({PAGE_NUMBER}) in a ``span.nav`` below the posts.
        first_page = self._first_page(page, "span.nav")
        out = []
        for i, row in enumerate(rows):
            who = row.css_first("span.name")
            content = row.css_first("td.postbody") or _message_cell(row.css_first("span.postbody"))
            date = next((d for d in row.css("span.postdetails, td.postdetails")
                         if "Posted" in d.text()), None)
            anchor = who.css_first("a[name]")
            num = a.get(anchor, "name") if anchor is not None else ""
            out.append(Item(row, self.name, f"p{num}" if num.isdigit() else "", parent_stated=True,
                            author=who.text(strip=True) or None, content=content, date=date,
                            not_text=phpbb2_not_text(content),
                            skip_reason="thread_starter" if first_page and i == 0 else None))
        return out


_PROFILE = re.compile(r"memberlist\.php[?@](?:[^\"']*&(?:amp;)?)?mode=viewprofile")


def _poster(page: Page, post, content) -> str | None:
    """The poster in a style of its own: ``get_username_string()``'s element (``.username``,
    ``.username-coloured``; phpBB 3.0 prints a member without a colour as a bare profile link)
    outside the words, whose quotes name other posters the same way."""
    words = {content.mem_id} if content is not None else set()
    a = page.attrs

    def outside(el) -> bool:
        return not any(p.mem_id in words or "signature" in a.classes(p) for p in ancestors(el))

    for el in post.css(".username, .username-coloured"):
        if outside(el) and stripped_text(el):
            return stripped_text(el)
    for el in post.css("a[href*='memberlist']"):
        if _PROFILE.search(a.get(el, "href")) and outside(el) and stripped_text(el):
            return stripped_text(el)
    return None


def _post_date(page: Page, post, content):
    """The first element of the post's header whose whole text is a date (``{postrow.POST_DATE}``,
    printed as text in the language's format wherever the style puts it), outside the words."""
    a = page.attrs
    for el in post.css("span, p, div, time, dd, li, td, small"):
        if content is not None and (el.mem_id == content.mem_id
                                    or any(p.mem_id == content.mem_id for p in ancestors(el))):
            continue
        if "signature" in a.classes(el):
            continue
        t = " ".join(el.text(separator=" ", strip=True).split())
        if t and len(t) <= 60 and is_date_line(t, page.languages):
            return el
    return None


def _message_cell(body):
    """phpBB 2's message cell: ``<td colspan="2"><span class="postbody">{MESSAGE}{SIGNATURE}</span>
    <span class="gensmall">{EDITED_MESSAGE}</span></td>``. Its ``bbcode.tpl`` closes the
    ``span.postbody`` before each quote or code table and opens a new one after it, so a post
    that starts with a quote has an empty first span and its words in later ones: the words are
    the cell's, not the first span's. Styles wrap the span (``<div id="message_{ID}">``) or move
    the signature to a row of its own; the nearest cell is the message's unless it also holds the
    poster's name or the "Posted:" line (a style without the inner table), then the span is."""
    cell = next((p for p in ancestors(body) if p.tag == "td"), None)
    if cell is None or cell.css_first("span.name, span.postdetails") is not None:
        return body
    return cell


def phpbb2_not_text(cell) -> list:
    """Inside phpBB 2's message cell, what is not the poster's words: quote tables (a
    "NAME wrote:" or "Quote:" row above ``td.quote``), the "Code:" label row of a code table
    (the code in ``td.code`` is the poster's), and the "Last edited by ..." ``span.gensmall``."""
    out = []
    for t in cell.css("table"):
        if t.css_first("td.quote") is not None:
            out.append(t)
        elif t.css_first("td.code") is not None:
            out.extend(c for c in t.css("td") if c.css_first("td.code") is None
                       and "code" not in (c.attributes.get("class") or "").split())
    out.extend(s for s in cell.css("span.gensmall") if s.parent is not None
               and s.parent.mem_id == cell.mem_id)
    return out
