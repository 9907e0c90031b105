"""Forum topic pages: whether a page is its topic's first page (where the first post is the topic
itself), and the skeleton the flat forum engines share.

Many forum engines print a topic as a flat list of post elements with a numbered id
(MyBB ``div.post#post_N``, wpForo ``div.post-wrap#post-N``, Invision ``article#elComment_N``,
Simple:Press ``div.spTopicPostSection#postN``): each post's words sit in an element of its own,
its author in a named part, and the engine marks the thread's opening post (a "#1" number, a
class) or leaves it to position (the first post of the topic's first page). ``FlatForum`` reads
that skeleton; an engine states its selectors, id pattern and thread-starter rule.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text


# The page number a forum of any engine prints in a topic's address (``?page=2``, ``?p=2``,
# ``?start=20``, ``limitstart=20``, ``/page-2``, ``/page/2/``): for the fallbacks that read forums
# whose engine they do not know. SMF states the first post's offset after the topic's id
# (``?topic=ID.50``, ``/topic,ID.50.html``; ``.0`` on the first page, ``.msgN`` for a post).
FORUM_PAGE = re.compile(r"[?&](?:page|pg|p|pagenum|start|limitstart)=(\d+)|/page[-/]?(\d+)(?:/|\.|$)"
                        r"|[?&/]topic[=,]\d+\.(\d+)(?:\D|$)")


def is_later_page(page: Page, number: re.Pattern) -> bool:
    """True when the page's URL or canonical link states a page number above 1; ``number``'s
    first non-empty group is that number (engines print it as ``/page/2/``, ``?page=2``...)."""
    urls = [page.url or ""]
    canon = page.root.css_first("link[rel='canonical']")
    if canon is not None:
        urls.append(page.attrs.get(canon, "href") or "")
    for u in urls:
        m = number.search(u)
        if m and int(next(g for g in m.groups() if g)) > 1:
            return True
    return False


# A topic's pagination, as forum templates print it: phpBB's ``div.pagination`` "Page {N} of {M}"
# (``{PAGE_NUMBER}``), vBulletin's "Page N of M" in ``div.pagenav``, Something Awful's ``div.pages``
# with a "Previous page" link; a ``rel=prev`` link anywhere in it.
_PAGINATION = ("[class*='pagination'], [class*='pagenav'], [class*='pages'], [class*='paging'], "
               "[class*='page-nav']")
_PAGE_OF = re.compile(r"\b(?:page|seite|página|pagina|pagine|strona|sida|side)\s+(\d+)\s+"
                      r"(?:of|von|de|di|sur|van|av|z|из|af)\s+\d+", re.I)
_PREVIOUS = re.compile(r"^(?:previous(?: page)?|prev(?: page)?|vorherige(?: seite)?|"
                       r"page précédente|précédente|anterior|precedente|vorige)$", re.I)


def states_later_page(page: Page, limit: int = 8) -> bool:
    """The topic's own pagination says this is not its first page: "Page N of M" with N above 1,
    or a link to the previous page (``rel=prev``, or titled or worded "Previous page")."""
    for pag in page.root.css(_PAGINATION)[:limit]:
        text = " ".join((pag.text(separator=" ") or "").split())
        m = _PAGE_OF.search(text) if len(text) <= 400 else None
        if m:
            return int(m.group(1)) > 1
        for a in pag.css("a"):
            if "prev" in (page.attrs.get(a, "rel") or "").lower().split() \
                    or _PREVIOUS.match((page.attrs.get(a, "title") or "").strip()) \
                    or _PREVIOUS.match(" ".join((a.text() or "").split())):
                return True
    return False


class FlatForum(CommentSystem):
    """A forum engine whose topic is a flat list of post elements with numbered ids.

    An engine states its selectors and id pattern; where its template needs more than a selector
    (a post found from its words, the words chosen among several, a date's line), it overrides
    the one step (``posts``, ``content_of``, ``date_of``, ``not_text_of``, ``post_author``,
    ``first_page``) and keeps the loop."""

    post_selector: str = ""  # the post elements
    post_id: re.Pattern = re.compile(r"$^")  # a post element's id; group 1 is its number
    key: str = "{0}"  # the comment's key from that number ("post_{0}")
    content_selector: str = ""  # the words' element in a post ("{0}": the post's number)
    author_selector: str = ""  # the author's name in a post ("{0}": the post's number)
    requires: str | None = None  # an element every real post holds
    # Parts inside the words' element that are not the poster's words (quotes of other posts,
    # signatures, code line numbers), and the date's element, where the engine marks them.
    not_text_selector: str = ""
    date_selector: str = ""
    # The engine's page number in a topic's URL: on the first page the first post is the topic.
    # None: the engine marks its opening post itself (``starter``).
    page_number: re.Pattern | None = None
    # Posts are flat (every one at the top level); False leaves the tree to the markup's nesting
    # (answers printed inside their question).
    flat: bool = True
    # A post without a words' element is skipped; False keeps it (the words found by role).
    content_required: bool = True

    def posts(self, page: Page):
        """The post elements, in document order."""
        return page.root.css(self.post_selector)

    def starter(self, page: Page, post, number: str) -> bool | None:
        """Whether the engine marks this post as the topic's opening post; None when it prints
        no such mark (position decides)."""
        return None

    def post_number(self, page: Page, post) -> str | None:
        """The post's number (its key), from its id; "" keys the post by position."""
        m = self.post_id.match(page.attrs.id(post))
        return m.group(1) if m else None

    def content_of(self, page: Page, post, pid: str):
        """The post's words' element."""
        return post.css_first(self.content_selector.format(pid))

    def author_of(self, page: Page, post, pid: str) -> str | None:
        """The poster's name as the engine's template prints it."""
        if not self.author_selector:
            return None
        return stripped_text(post.css_first(self.author_selector.format(pid)))

    def date_of(self, page: Page, post):
        """The date's element, where the engine marks it."""
        return post.css_first(self.date_selector) if self.date_selector else None

    def not_text_of(self, page: Page, post, content) -> list:
        """Elements inside the words' element that are not the poster's words."""
        return list(content.css(self.not_text_selector)) if self.not_text_selector else []

    def post_author(self, page: Page, post) -> bool | None:
        """Whether the engine marks the post as the site's or the topic owner's."""
        return None

    def first_page(self, page: Page) -> bool:
        """Whether the page is its topic's first page (its first post the topic itself); False
        when the engine marks its opening post or prints no page number."""
        return self.page_number is not None and not is_later_page(page, self.page_number)

    def find(self, page: Page) -> list[Item]:
        out: list[Item] = []
        marked = False
        for n in self.posts(page):
            pid = self.post_number(page, n)
            if pid is None:
                continue
            content = self.content_of(page, n, pid)
            if (content is None and self.content_required) \
                    or (self.requires and n.css_first(self.requires) is None):
                continue
            first = self.starter(page, n, pid)
            marked = marked or first is not None
            out.append(Item(n, self.name, self.key.format(pid) if pid else "", parent_stated=self.flat,
                            author=self.author_of(page, n, pid),
                            content=content, skip_reason="thread_starter" if first else None,
                            not_text=self.not_text_of(page, n, content) if content is not None else [],
                            date=self.date_of(page, n), is_post_author=self.post_author(page, n)))
        if out and not marked and self.first_page(page):
            out[0].skip_reason = "thread_starter"
        return out
