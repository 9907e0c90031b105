"""XenForo threads (1.x and 2.x), embedded under a post or saved as a page.

XenForo 2 (``post_macros``): ``article.message--post[data-author][data-content="post-{ID}"]``
with ``.message-attribution`` (``time.u-dt[datetime]``, "#N" in ``.message-attribution-opposite``),
``.message-body .bbWrapper`` (the text), ``.message-signature``, ``.message-lastEdit``,
``.reactionsBar``/``.likesBar`` and ``.message-actionBar`` (Like, Quote, Reply, Report).
XenForo 1: ``li.message#post-{ID}[data-author]`` with ``.messageText`` (text),
``abbr.DateTime[data-time]`` or ``span.DateTime[title]``, ``.postNumber``, ``.likesSummary``,
``.signature``. Quotes of other posts are ``.bbCodeBlock--quote`` / ``.bbCodeQuote`` with an
"X said:" title; they are another member's words, not this post's text. Threads are flat.
The Media Gallery and Resource Manager add-ons print the comments under a media item or album in
the same message macros, as ``article.message--comment[data-author][data-content="xfmg-comment-{ID}"]``
(``message--simple``: the name in ``h4.attribution``); the item's own description is no message, so
every comment is one.
A dice-roll add-on for XenForo 1 role-play forums appends each roll to the post as
``fieldset.dice_container#dice-{postId}-{boxId}`` (its script inserts the roll's template there
and updates ``#diceLegendTotal-{postId}-{boxId}``): a legend "NAME threw N-faced die for: REASON
Total: N" and SVG dice, made by the forum, naming the poster: not the post's words (a post that
is only a roll is a post without words, kept in the thread).
What a guest is shown in place of a post's parts is the forum's, not the poster's. BB code gives
no element a class, so a ``.blockMessage`` (the style's notice box) inside the text is printed by
the forum: add-ons that hide links or code from guests put "Please, log in or register to view
URLs content!" there, in the forum's language. An attachment the viewer may not see (or one no
longer stored) is printed by XenForo's ``renderTagAttach`` / ``bb_code_tag_attach`` as a link to
``/attachments/{slug.}{id}/`` reading "View attachment {id}" (XF 1: "{filename}"), again in the
forum's language. A post left with nothing but such stand-ins is a post whose content the page
hides from this viewer (kept, with the hidden marker).
"""
from __future__ import annotations

import re

from ..base import HIDDEN, NO_WORDS, CommentSystem, Item, Page

_ID = re.compile(r"^(?:js-)?((?:xfmg-comment-|post-)\d+)$")


class XenForo(CommentSystem):
    name = "xenforo"
    order = 20
    content_classes = ("bbwrapper", "messagetext", "message-body")
    author_classes = ("message-name", "username")
    date_classes = ("u-dt", "datetime", "datepermalink")
    like_classes = ("likessummary",)
    meta_classes = frozenset({"bbcodeblock--quote", "bbcodequote", "bbcodeblock-title",
                              "message-signature", "signature", "message-lastedit", "editdate",
                              "message-actionbar",
                              "messagemeta", "js-selecttoquoteend", "message-attribution",
                              "message-cell--user", "messageuserinfo", "message-footer",
                              "bbcodeblock--unfurl", "messagenotice", "dice_container",
                              "blockmessage"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        html = page.root.css_first("html")
        # On the forum's own thread page the first message is the topic itself: it is the post
        # (trafilatura reads it as the body), the others are its comments. Embedded under a blog
        # post, every message is a comment.
        thread_page = html is not None and (
            a.get(html, "data-template") in ("thread_view", "thread_view_type_article")
            or page.root.css_first("#messageList, .block--messages[data-type='post']") is not None)
        later_page = _later_page(page)
        messages = [(n, _ID.match(a.get(n, "data-content") or a.id(n)))
                    for n in page.root.css("article.message--post, li.message[id^='post-'], "
                                           "article.message--comment[data-content^='xfmg-comment-']")]
        # ``post_macros`` prints every post with its id (``data-content="post-{post_id}"``,
        # ``id="js-post-{post_id}"``); a style's advertising unit dressed in the message frame
        # between posts (``article.message--post`` holding a banner) has none. Where the page's
        # posts carry ids, a message without one is no post (a capture that dropped every id
        # keeps them all).
        if any(m for _, m in messages):
            messages = [(n, m) for n, m in messages if m]
        for n, m in messages:
            author = a.get(n, "data-author") or None
            # The post's number ("#81" in ``a.postNumber`` / the attribution's "#N") says whether
            # the first message on the page is the topic's opening post: on page 5 it is not.
            shown = next((mm for x in n.css("a.postNumber, .message-attribution-opposite a")
                          if (mm := _NUMBER.match(x.text(strip=True)))), None)
            first = (shown.group(1) == "1") if shown else (not out and not later_page)
            content = n.css_first(".message-body .bbWrapper, .messageText")
            rolled = content is not None and content.css_first("fieldset.dice_container") is not None
            attachments = _attachment_links(page, content)
            hidden = bool(attachments) or (content is not None
                                           and content.css_first(".blockMessage") is not None)
            out.append(Item(n, self.name, m.group(1) if m else "", parent_stated=True,
                            author=author, content=content, not_text=attachments,
                            placeholder=NO_WORDS if rolled else HIDDEN if hidden else None,
                            skip_reason="thread_starter" if thread_page and first and not out
                            and "message--comment" not in a.classes(n)
                            else None))
        return out


_NUMBER = re.compile(r"^#\s*(\d+)$")
_PAGE_OF = re.compile(r"\bPage\s+(\d+)\s+of\s+\d+", re.I)
_PAGE_URL = re.compile(r"/page-(\d+)/?(?:[?#]|$)")


def _later_page(page: Page) -> bool:
    """Page N > 1 of a thread: "Page 5 of 243" in the page navigation, ``/page-5`` in the URL."""
    urls = [page.url or ""]
    canon = page.root.css_first("link[rel='canonical']")
    if canon is not None:
        urls.append(page.attrs.get(canon, "href"))
    for u in urls:
        m = _PAGE_URL.search(u)
        if m:
            return int(m.group(1)) > 1
    nav = page.root.css_first(".pageNavHeader, .pageNav-main .pageNav-page--current")
    if nav is not None:
        m = _PAGE_OF.search(nav.text(separator=" ", strip=True))
        if m:
            return int(m.group(1)) > 1
    return False


# ``/attachments/123/`` (XF 2 by id) or ``/attachments/chart-png.123/`` (friendly URLs: the file
# name's slug, then the id).
_ATTACHMENT_URL = re.compile(r"/attachments/(?:([^/?#]*)\.)?(\d+)/?(?:[?#]|$)")


def _attachment_links(page: Page, content) -> list:
    """The text's links that stand for an attachment: their words are XenForo's phrase naming
    the attachment by its id or file name, not the poster's (a link the poster typed to an
    attachment reads otherwise)."""
    if content is None:
        return []
    out = []
    for link in content.css("a[href*='/attachments/']"):
        m = _ATTACHMENT_URL.search(page.attrs.get(link, "href"))
        if m is None or link.css_first("img") is not None:
            continue
        words = link.text(separator=" ", strip=True)
        squashed = re.sub(r"[\W_]+", "", words.casefold())
        slug = re.sub(r"[\W_]+", "", (m.group(1) or "").casefold())
        if words.split()[-1:] == [m.group(2)] or (slug and squashed.endswith(slug)):
            out.append(link)
    return out
