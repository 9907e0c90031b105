"""The last fallback for forums built from utility classes: posts known by their "#N" permalinks.

A forum front end written with a utility-CSS framework (Tailwind's ``flex w-full px-4``, generated
CSS-module hashes) names no part of a post, but every post still prints the forum's own permalink
with its place in the thread as the link's text: ``<a href="/show_post/ID">#2</a>``, ``<a
href="/t/slug/123/4">#4</a>``, ``<a href="#post-123">#5</a>``. Those numbers, not class names,
say where the posts are: the post is the largest element around one such link that holds no
other, when three or more of them number the posts in order (two, numbered one after the other,
when each post prints a ``time``).

Inside a post, the link sits in the post's header (beside the poster's name and a ``time``); the
post's words are the first element after that header that has words of its own (votes, "quote"
and "reply" buttons follow the words). The poster's name is what the header says besides the date
and the number (a short line). Posts are flat; the thread's opening post is printed apart from
the numbered replies on such pages (a numbered "#1" that is the topic itself is the named
engines' case: XenForo, Discourse, vBulletin read it first).
"""
from __future__ import annotations

import re

from .. import roles
from ..base import CommentSystem, Item, Page
from ..cleanup import is_date_line, is_role_word
from ..dom import own_blocks, stripped_text

_NUMBER = re.compile(r"^#\s?(\d{1,5})$")
# A link to one post: a path segment or parameter naming a post and its id, or an anchor.
_POST_HREF = re.compile(r"(?:^|/)(?:show_?post|post|posts|p|reply|replies|comment|comments|"
                        r"msg|message)s?[/=_-]?([0-9a-z]{1,40})(?:[/?#]|$)|[?&](?:p|pid|post|"
                        r"postid|post_id|reply)=([0-9a-z]+)|#(?:post|p|reply|msg|comment)[-_]?"
                        r"([0-9a-z]+)$", re.I)
_MAX_CLIMB = 12
_MAX_NAME = 60


class NumberedPosts(CommentSystem):
    name = "numbered-posts"
    order = 97  # after the generic comment blocks: only what no reader named

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        links = []
        for link in page.root.css("a[href]"):
            m = _NUMBER.match(stripped_text(link) or "")
            h = _POST_HREF.search(a.get(link, "href")) if m else None
            if m and h:
                links.append((link, int(m.group(1)), next(g for g in h.groups() if g)))
        if len(links) < 2:
            return []
        numbers = [n for _, n, _ in links]
        if len(set(numbers)) != len(numbers) or numbers != sorted(numbers):
            return []
        # Two posts are enough when they are numbered one after the other and each prints its
        # time (a short thread); otherwise three.
        if len(links) == 2 and numbers[1] - numbers[0] != 1:
            return []
        blocks = blocks_around([link for link, _, _ in links])
        if blocks is None:
            return []
        out: list[Item] = []
        for (link, _, pid), block in zip(links, blocks):
            header, words = _header_and_words(link, block)
            if words is None:
                return []
            words = past_poster_box(page, words)
            time = header.css_first("time") if header is not None else None
            if time is None and len(links) < 3:
                return []
            out.append(Item(block, self.name, f"post-{pid}", parent_stated=True,
                            author=_name(header, link, time, page.languages), content=words, date=time))
        return out


def blocks_around(anchors: list) -> list | None:
    """For each anchor (a post's permalink or button), the largest element around it that holds
    no other anchor, below a common one holding several; None when one has no such element."""
    blocks = own_blocks(anchors, _MAX_CLIMB)
    return None if any(b is None for b in blocks) else blocks


def _header_and_words(link, block):
    """The link's header (the ancestor with a next sibling holding words) and that sibling."""
    h = link
    while h is not None and h.mem_id != block.mem_id:
        s = h.next
        while s is not None:
            if s.is_element_node and (s.text(separator=" ", strip=True) or "") \
                    and s.css_first("a[href]") is not link:
                return h, s
            s = s.next
        h = h.parent
    return None, None


# Elements that are a post's words, never its poster's box (a box holds a name, a rank, an avatar
# and "Label value" lines).
_WORDS_TAGS = "p, blockquote, pre, code, table, h1, h2, h3, h4, h5, h6"
_POSTER_BOX_MAX = 300
# A name part by its class (a guest's name is printed without a link to a profile).
_NAME_PARTS = frozenset({"username", "user-name", "author-name", "poster", "postername", "author"})


def past_poster_box(page: Page, words):
    """The words themselves when the element found after a post's header holds the poster's box
    beside them: vBulletin 4's ``div.postdetails`` > ``div.userinfo`` (the name, "Administrator",
    "Join Date", "Posts 2,964") + ``div.postbody``; bbPress's reply ``div`` > ``div.bbp-reply-author``
    (the profile link, "Participant") + ``div.bbp-reply-content``. The box is the child that
    links to a member's profile (or holds a name part: a guest's name is no link) and prints no paragraph, quotation or code, 300 characters at
    most; the words are the largest child after it. Unchanged when there is no such box."""
    kids = [k for k in words.iter() if k.is_element_node and _squashed(k)]
    if len(kids) < 2:
        return words
    for i, k in enumerate(kids[:-1]):
        if not any(roles.PROFILE_HREF.search(page.attrs.get(x, "href") or "") for x in k.css("a[href]")) \
                and not any(page.attrs.classes(x) & _NAME_PARTS for x in k.css("[class]")):
            continue
        if _squashed(k) > _POSTER_BOX_MAX or k.css_first(_WORDS_TAGS) is not None:
            return words
        best = max(kids[i + 1:], key=_squashed)
        # Words that hold other posts' numbered permalinks ("#2-1", Bangumi's replies inside a
        # floor) are not one post's words: the element is left as it was found.
        if any(_SUB_NUMBER.match(stripped_text(x) or "") for x in best.css("a[href]")):
            return words
        return best
    return words


_SUB_NUMBER = re.compile(r"^#\s?\d{1,5}(?:[-.]\d{1,5})*$")


def _squashed(n) -> int:
    return len("".join((n.text(separator=" ") or "").split()))


def _name(header, link, time, languages: tuple[str, ...] = ()) -> str | None:
    """What the header says besides the number and the date: the poster's name (short)."""
    if header is None:
        return None
    t = " ".join((header.text(separator=" ") or "").split())
    for part in (stripped_text(link), stripped_text(time) if time is not None else ""):
        if part:
            t = t.replace(part, " ")
    words = t.split()
    # a badge beside the name: the thread starter's "TS"/"OP"/"楼主", a role ("Moderator")
    while len(words) > 1 and (words[0].lower() in _STARTER or is_role_word(words[0])):
        words.pop(0)
    while len(words) > 1 and (words[-1].lower() in _STARTER or is_role_word(words[-1])):
        words.pop()
    t = " ".join(words)
    if is_date_line(t, languages):
        # A header of the date and the number only (vBulletin 4's ``div.posthead``: the date as
        # text, no ``time``): the name is printed elsewhere, for the engine's roles to find.
        return None
    return t if t and len(t) <= _MAX_NAME and len(words) <= 4 else None


_STARTER = frozenset({"ts", "op", "楼主", "樓主", "作者"})
