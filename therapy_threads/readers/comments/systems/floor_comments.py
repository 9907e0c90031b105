"""Floor forums whose floors carry their own short comments ("楼中楼"): each floor (楼) is a
top-level comment, each comment printed inside a floor answers that floor; comments under the
opening floor (the thread's own post, floor 1) are top-level comments on the post.

One reader, one table of markup per system (derived from the systems' own page templates):

* **Bahamut** (巴哈姆特 forum.gamer.com.tw ``C.php``): floors ``section.c-section#post_{sn}``
  (a removed floor prints a ``section`` without that id), ``a.floor[data-floor]`` (1 = the
  opening post), ``a.username`` (the name; ``a.userid`` the account), ``a.edittime`` (the date),
  words in ``div.c-article__content``; the floor's comments are ``div.c-reply__item`` in
  ``div#Commendlist_{sn}`` (``a.reply-content__user``, ``span.comment_content``,
  ``div.edittime`` with the "B{n}" label). "還有 N 則留言" counts comments that load on demand.
* **Bangumi** (bgm.tv / chii.in group and subject topics): the opening post
  ``div.postTopic#post_{id}``, floors ``div.row_reply#post_{id}`` (``div.re_info`` "#2 - date",
  ``span.userInfo strong a``, words in ``div.message``), their sub-replies
  ``div.sub_reply_bg#post_{id}`` inside ``div.topic_sub_reply#topic_reply_{floor id}``
  (``strong.userName a``, words in ``div.cmt_sub_content``).
"""
from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text


@dataclass(frozen=True, slots=True)
class _Markup:
    floor: str  # CSS of a floor (a top-level comment, or the opening post)
    comment: str  # CSS of a comment printed inside a floor
    floor_words: str
    comment_words: str
    floor_author: str
    comment_author: str
    floor_date: str
    comment_date: str
    opening: str  # CSS that matches inside (or on) the opening floor only


def _is_opening(n: LexborNode, markup: _Markup) -> bool:
    return n.css_first(markup.opening) is not None or n.css_matches(markup.opening)


def _first(n: LexborNode, css: str) -> LexborNode | None:
    return n.css_first(css) if css else None


class _FloorComments(CommentSystem):
    order = 29
    markup: _Markup

    def find(self, page: Page) -> list[Item]:
        m = self.markup
        a = page.attrs
        out: list[Item] = []
        for floor in page.root.css(m.floor):
            words = _first(floor, m.floor_words)
            if words is None:
                continue
            fid = a.id(floor)
            opening = _is_opening(floor, m)
            out.append(Item(floor, self.name, fid, parent_stated=True, content=words,
                            author=stripped_text(_first(floor, m.floor_author)),
                            date=_first(floor, m.floor_date),
                            skip_reason="thread_starter" if opening else None))
            for i, c in enumerate(floor.css(m.comment)):
                cw = _first(c, m.comment_words)
                if cw is None:
                    continue
                out.append(Item(c, self.name, a.id(c) or f"{fid}-c{i + 1}", parent_stated=True,
                                parent_key=None if opening else fid, content=cw,
                                author=stripped_text(_first(c, m.comment_author)),
                                date=_first(c, m.comment_date)))
        return out


class Bahamut(_FloorComments):
    name = "bahamut"
    meta_classes = frozenset({"c-section__side", "c-post__header", "c-post__body__buttonbar",
                              "reply-content__footer", "c-reply__head"})
    markup = _Markup(
        floor="section.c-section[id^='post_']", comment="div.c-reply__item",
        floor_words="div.c-article__content", comment_words="span.comment_content",
        floor_author="div.c-post__header a.username", comment_author="a.reply-content__user",
        floor_date="div.c-post__header a.edittime", comment_date="div.edittime:not([name='comment_floor'])",
        opening="a.floor[data-floor='1']")


class Bangumi(_FloorComments):
    name = "bangumi"
    meta_classes = frozenset({"re_info", "userinfo"})
    markup = _Markup(
        floor="div.row_reply[id^='post_'], div.postTopic[id^='post_']",
        comment="div.sub_reply_bg[id^='post_']",
        floor_words="div.message, div.topic_content", comment_words="div.cmt_sub_content",
        floor_author="span.userInfo strong a, strong > a", comment_author="strong.userName a",
        floor_date="div.re_info small", comment_date="div.re_info small",
        opening=".postTopic")

