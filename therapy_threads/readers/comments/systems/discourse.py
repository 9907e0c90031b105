"""Discourse comments embedded in a blog (``app/views/embed/comments.html.erb``).

The embed iframe lists ``article.post#post-{ID}`` with ``a.post-date`` (the full date in
``title``), for a reply ``a.in-reply-to[data-link-to-post={PARENT_ID}]`` ("in reply to user"),
``.author`` (avatar) and ``.cooked`` holding ``h3.username`` and the post's HTML, then a
``a.post-replies`` button ("2 Replies"). The header's ``span.replies`` says how many there are.

A topic page as Discourse serves it to crawlers and saved copies (``topics/show.html.erb``, crawler
layout) lists ``div#post_{N}.topic-body.crawler-post`` (before about 2021 without the id: the
number is then only the ``#N`` of ``span[itemprop=position]``) (``itemprop=comment`` from the second post
on) with ``div.crawler-post-meta`` > ``span.creator[itemprop=author]`` > ``a`` > ``span[itemprop=name]``
(the username), then the full name in brackets when the site shows names, ``time.post-time``
and ``span[itemprop=position]``; the words in ``div.post[itemprop=text]``; ``span.post-likes``.
Post 1 is the topic itself (the post body); the rest are its replies, flat. The topic's automatic
notices ("This topic was automatically closed ...") are printed as posts of the ``system`` user
with the action's name ("Closed") after the name: they are not comments. A staff member's own
topic actions (pin, unpin, list, unlist, close, banner: ``add_moderator_post`` / small-action
posts) are printed the same way under that member's name: the action's label from the locale's
``js.action_codes`` with an empty ``%{when}`` after the name ("Pinned", "Unlisted", "Made this a
banner . It will appear ...") and an empty ``div.post`` (the action has no cooked words). They
are not comments either (in a static copy of a Discourse forum every empty post carried such a
label, and no member's post was empty). The page as the
browser app renders it (``article#post_{N}`` in ``div.topic-post``) is read by ``_app_view``.
"""
from __future__ import annotations

import re

from ..base import EMBED_ONLY, CommentSystem, Item, Page
from ..dom import stripped_text

_ID = re.compile(r"^post-(\d+)$")
# The built-in user (id -1, ``db/fixtures/009_users.rb``) that posts a topic's automatic status
# notices (``TopicStatusUpdater``: small-action posts such as "autoclosed.enabled").
_SYSTEM_USER = "system"


class Discourse(CommentSystem):
    name = "discourse"
    order = 22
    content_classes = ("cooked",)
    author_classes = ("username",)
    date_classes = ("post-date",)
    meta_classes = frozenset({"username", "post-replies", "in-reply-to", "post-date", "author",
                              "title", "byline", "crawler-post-meta", "post-likes"})

    def find(self, page: Page) -> list[Item]:
        crawler = self._crawler_view(page) or self._app_view(page)
        if crawler:
            return crawler
        a = page.attrs
        root = page.root
        if root.css_first("header.discourse, .discourse-embed, #discourse-comments, "
                          "meta[name='generator'][content*='Discourse'], link[href*='discourse']") is None \
                and not root.css("article.post .cooked"):
            return []
        out: list[Item] = []
        for n in root.css("article.post"):
            if n.css_first(".cooked") is None:
                continue
            m = _ID.match(a.id(n))
            reply = n.css_first("a.in-reply-to[data-link-to-post]")
            parent = a.get(reply, "data-link-to-post") if reply is not None else ""
            out.append(Item(n, self.name, f"post-{m.group(1)}" if m else "",
                            parent_key=f"post-{parent}" if parent.isdigit() else None,
                            parent_stated=True))
        return out

    def _crawler_view(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.crawler-post"):
            m = _CRAWLER_ID.match(a.id(n))
            if m is None:
                # Older crawler layouts (before the posts had ids) number each post only in
                # its ``span[itemprop=position]`` ("#2").
                pos = n.css_first(".crawler-post-meta [itemprop='position']")
                m = _POSITION.match(stripped_text(pos) or "") if pos is not None else None
            if m is None:
                continue
            name = n.css_first(".crawler-post-meta .creator [itemprop='name']")
            author = stripped_text(name)
            skip = "thread_starter" if m.group(1) == "1" else None
            content = n.css_first("div.post[itemprop='text'], div.post")
            if skip is None and author == _SYSTEM_USER:
                # The topic's automatic notices ("This topic was automatically closed ...") are
                # small-action posts of the built-in ``system`` user, not a member's words.
                skip = "system_notice"
            if skip is None and _action_label(n.css_first(".crawler-post-meta .creator"), name) \
                    and not _has_words_or_media(content):
                # A staff member's topic action ("Pinned", "Unlisted"): a notice, not a post.
                skip = "system_notice"
            previews = list(content.css("aside.onebox")) if content is not None else []
            out.append(Item(n, self.name, f"post-{m.group(1)}", parent_stated=True,
                            author=author, content=content, skip_reason=skip,
                            # a link preview the forum rendered from a pasted link: the linked
                            # page's (or tweet's) words, not the poster's; a post of nothing but
                            # previews is a comment like an embedded post
                            not_text=previews, placeholder=EMBED_ONLY if previews else None))
        return out


    def _app_view(self, page: Page) -> list[Item]:
        """The topic as the Ember app renders it (a page saved from the browser): ``div.topic-post``
        > ``article#post_{N}[data-post-id]`` with ``.names .first.username a``, the
        ``span.relative-date[data-time]`` and the words in ``.regular.contents .cooked``. A reply
        to another post than the one above it shows ``a.reply-to-tab`` (the parent's avatar and
        username, ``widgets/reply-to-tab``); a quote of another post is ``aside.quote``. Its parent is that user's latest post before it
        (the topic's first post means top level). A ``small-action`` (the system's "closed",
        "pinned" notices) is not a post; post 1 is the topic."""
        a = page.attrs
        out: list[Item] = []
        latest: dict[str, str] = {}  # username -> key of their latest post so far
        for n, m in page.with_id("div.topic-post article[data-post-id]", _CRAWLER_ID):
            words = n.css_first(".regular.contents .cooked, .contents .cooked")
            if words is None or "small-action" in a.classes(n):
                continue
            key = f"post-{m.group(1)}"
            who = stripped_text(n.css_first(".names .first.username a, .names .username a"))
            tab = n.css_first("a.reply-to-tab")
            to = stripped_text(tab.css_first("span")) if tab is not None else None
            parent = latest.get(to) if to else None
            out.append(Item(n, self.name, key, parent_key=None if parent == "post-1" else parent,
                            parent_stated=True, author=who, content=words,
                            date=n.css_first(".post-date .relative-date"),
                            # a quote of another post (``aside.quote``, its title and words)
                            not_text=list(words.css("aside.quote")),
                            skip_reason="thread_starter" if m.group(1) == "1" else None))
            if who:
                latest[who] = key
        return out


_CRAWLER_ID = re.compile(r"^post_(\d+)$")
_POSITION = re.compile(r"^#?(\d+)$")


_FULL_NAME = re.compile(r"^\([^()]*\)")


def _action_label(creator, name) -> str:
    """What ``span.creator`` prints after the username and the full name in brackets: a small
    action's label ("Pinned", "Closed"), or nothing for a member's post."""
    if creator is None:
        return ""
    link = name.parent if name is not None and name.parent is not None and name.parent.tag == "a" else name
    whole = " ".join(creator.text(separator=" ", strip=True).split())
    own = " ".join(link.text(separator=" ", strip=True).split()) if link is not None else ""
    rest = whole[len(own):].strip() if own and whole.startswith(own) else ("" if own else whole)
    return _FULL_NAME.sub("", rest).strip()


def _has_words_or_media(content) -> bool:
    return content is not None and (bool(content.text(strip=True))
                                    or content.css_first("img, video, iframe, aside, picture, audio") is not None)
