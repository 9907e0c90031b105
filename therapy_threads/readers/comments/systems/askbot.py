"""Askbot question pages (askbot.org, ask.openstack.org, ask.fedoraproject.org ...), from the
templates of ``ASKBOT/askbot-devel``: ``question/question_card.html``, ``question/answer_card.html``
and the ``post_comments``/``post_comments_widget`` and ``comment_widget`` macros of ``macros.html``.

Two generations of markup, one structure:

* 0.7-0.10 (``askbot/templates``): the question is ``div.post.js-question`` > ``div#post-id-{Q}``;
  each answer is ``div#post-id-{ID}.post.answer`` (``accepted-answer`` on the chosen one) holding
  ``div.vote-buttons`` and ``div.post-content`` > ``div.post-body`` (older releases print the
  words right in it after ``div.post-update-info-container``; later ones in
  ``div.js-editable-content``), ``div.post-controls`` and the comments:
  ``div.comments[data-parent-post-type][data-parent-post-id]`` > ``div.content`` >
  ``div#post-id-{ID}.comment.js-comment`` (``div.comment-body``: the words;
  ``div.comment-controls`` > ``a.author`` / ``span.author``, ``span.age`` > ``abbr.timeago``);
* 0.11+ (``askbot/jinja2``): ``div#js-post-{ID}.js-post.js-answer`` and
  ``div.js-post-comments[data-parent-post-type][data-parent-post-id]`` >
  ``div.js-comments-list`` > ``div#js-post-{ID}.js-comment`` (``div.js-comment-body``,
  ``a.js-comment-author``, ``span.comment-age`` > ``abbr.js-timeago``).

An answer's author and date are those of its first ``div.post-update-info`` (the "answered"
card; a second card names the last editor). A hidden copy of the comment widget for the script
(``div.js-templates`` > ``#post-id-0``) is no comment. The question is the post: its comments and
the answers are top level; a comment whose list names an answer as its parent post replies to it.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..dom import ancestors, stripped_text

_POST_ID = re.compile(r"^(?:post-id|js-post)-(\d+)$")


class Askbot(CommentSystem):
    name = "askbot"
    order = 37
    content_classes = ("comment-body", "js-comment-body", "js-editable-content")
    author_classes = ("author", "js-comment-author")
    date_classes = ("age", "comment-age")
    meta_classes = frozenset({"vote-buttons", "post-vote-controls", "comment-votes", "comment-controls",
                              "js-comment-controls", "post-update-info-container", "post-controls",
                              "answer-controls", "comment-delete", "js-editable-controls"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        if page.root.css_first("div.js-question, div.js-post-comments[data-parent-post-id], "
                               "div.comments[data-parent-post-id]") is None:
            return []
        out: list[Item] = []
        for n, m in page.with_id("div.answer[id^='post-id-'], div.js-answer[id^='js-post-'], "
                                 "div.js-comment[id^='post-id-'], div.js-comment[id^='js-post-']", _POST_ID):
            if m.group(1) == "0" or any("js-templates" in a.classes(p) for p in ancestors(n)):
                continue
            cls = a.classes(n)
            if "js-comment" in cls:
                out.append(self._comment(n, m.group(1), a))
                continue
            content = n.css_first("div.js-editable-content") or n.css_first("div.post-body")
            if content is None:
                continue
            info = n.css_first("div.post-update-info")
            who = _answer_author(info)
            out.append(Item(n, self.name, f"answer-{m.group(1)}", parent_stated=True,
                            author=who, authorless=info is not None and not who, content=content,
                            date=info.css_first("abbr") if info is not None else None,
                            not_text=list(content.css("div.post-update-info-container"))))
        return out

    def _comment(self, n, num: str, a) -> Item:
        box = next((p for p in ancestors(n) if a.get(p, "data-parent-post-id")), None)
        parent = None
        if box is not None and a.get(box, "data-parent-post-type") == "answer":
            parent = f"answer-{a.get(box, 'data-parent-post-id')}"
        who = n.css_first("a.author, span.author, .js-comment-author")
        return Item(n, self.name, f"comment-{num}", parent_key=parent, parent_stated=True,
                    author=stripped_text(who),
                    content=n.css_first("div.comment-body, div.js-comment-body"),
                    date=n.css_first("span.age abbr, span.comment-age abbr"))


def _answer_author(info) -> str | None:
    """The name on the answer's first contributor card: the user card's link, the 0.11+ author
    line, or an anonymous poster's name printed after the anonymous picture; a community-wiki
    answer's card prints none."""
    if info is None:
        return None
    who = info.css_first("div.user-info a, .post-update-info-author-name a.user-name-link, "
                         ".post-update-info-author-name")
    if who is None:
        pic = info.css_first("img.gravatar")
        nxt = pic.next if pic is not None else None
        while nxt is not None and not nxt.is_element_node:
            nxt = nxt.next
        who = nxt if nxt is not None and nxt.tag == "p" else None
    return " ".join((stripped_text(who) or "").split()) or None
