"""Generic fallback kinds measured by leave-system-out (i12-lso4), on synthetic pages with invented
names: how comment markup is built in general, never one site's classes.

* microdata on the body: a comment block whose words part alone carries ``itemprop=comment``
  is one comment (the body is its words, not a reply nested in it), and the header's words
  between name and date stay out of the text;
* a flat list whose reply headers say "NAME replied to <a href=#comment-N>comment from NAME</a>"
  (the past tense, as Movable Type prints it): the linked comment is the parent;
* a tree indented by spacer widths after a lead block that states no indentation (the comment a
  permalink page is about, printed above its replies): the lead is top level, the tree keeps
  its depths;
* a numbered comment block whose body wraps two class-named boxes (``li#comment-N`` > a
  ``*-comment`` wrapper > avatar + a ``comment-box`` with the name, date and words, then the list
  of replies): one comment per number, nested by the reply lists, not three empty ones;
* a class-named wrapper with a level class around one numbered comment and its replies' wrappers
  of the same kind (``div.x-comment.level-N`` > ``div#comment-N`` + ``div.x-comment.level-N+1``
  ...): the wrapper is not a comment, and its level is the comment's depth;
"""
from __future__ import annotations

from pagekit import read_page, shape

from therapy_threads.readers.comments.engine import FALLBACKS, reader_name, systems_off


def read_lso(body: str, **kw):
    """The page read as leave-system-out reads it: without the named recogniser(s) that read it
    normally, so only the fallbacks can (asserted)."""
    with systems_off() as seen:
        read_page(body, **kw)
    named = {reader_name(x) for x in seen} - FALLBACKS
    with systems_off(named) as seen:
        r = read_page(body, **kw)
    assert set(seen) <= FALLBACKS, seen
    return r


_WORDS = ["The ferry timetable changed again this spring, has anyone noticed?",
          "Yes, the early crossing now leaves twenty minutes sooner.",
          "That explains why I missed it on Tuesday morning.",
          "The harbour office posts the changes on its board first.",
          "Thanks, I will check the board before the weekend trip."]


def _body_typed(num: int, name: str, words: str, replies: str = "") -> str:
    """A comment (anchor + block) whose header holds the name and the date, and whose body
    field alone is marked ``itemprop=comment``; its replies in an indented box after it."""
    return (f'<a id="comment-{num}"></a><article class="comment clearfix">'
            f'<header><p class="submitted"><span class="username">{name}</span> on '
            f'<time datetime="2023-10-1{num % 9}T10:00:00Z">October 1{num % 9}, 2023</time></p></header>'
            f'<div itemprop="comment" class="field field-body"><p>{words}</p></div>'
            f'<ul class="links"><li class="comment-reply"><a href="/reply/{num}">Reply</a></li></ul>'
            f'</article>' + (f'<div class="indented">{replies}</div>' if replies else ""))


def test_a_body_marked_as_the_comment_is_its_words_not_a_reply():
    r = read_lso('<section class="comments"><h2>Comments</h2>'
                  + _body_typed(11, "Orlaith", _WORDS[0],
                                _body_typed(12, "Bexmund", _WORDS[1],
                                            _body_typed(13, "Orlaith", _WORDS[2])))
                  + _body_typed(14, "Quennel", _WORDS[3], _body_typed(15, "Tavish", _WORDS[4]))
                  + "</section>")
    assert shape(r) == [
        (_WORDS[0], 0, None, "Orlaith"), (_WORDS[1], 1, _WORDS[0], "Bexmund"),
        (_WORDS[2], 2, _WORDS[1], "Orlaith"), (_WORDS[3], 0, None, "Quennel"),
        (_WORDS[4], 1, _WORDS[3], "Tavish")]


def _flat(num: int, name: str, words: str, to: tuple[int, str] | None = None) -> str:
    """A flat list's comment: a numbered block, the header with the name, an optional
    "replied to" link to the comment answered, the permalink and date, then the words."""
    note = (f' replied to <a href="/post.html#comment-{to[0]}">comment from {to[1]}</a>' if to else "")
    return (f'<div id="comment-{num}" class="comment{" comment-reply" if to else ""}"><div class="inner">'
            f'<div class="comment-header"><span class="byline"><span class="vcard author">{name}</span>{note}'
            f' | <a href="/post.html#comment-{num}"><abbr class="published" title="2012-11-09T00:{num % 60:02d}:00">'
            f'November 9, 2012</abbr></a></span></div>'
            f'<div class="comment-content"><p>{words}</p></div></div></div>')


def test_a_replied_to_link_in_a_flat_list_names_the_parent():
    r = read_lso('<div class="comments">' + "".join([
        _flat(101, "Orlaith", _WORDS[0]), _flat(102, "Bexmund", _WORDS[1]),
        _flat(103, "Quennel", _WORDS[2], (101, "Orlaith")), _flat(104, "Tavish", _WORDS[3], (103, "Quennel")),
        _flat(105, "Bexmund", _WORDS[4])]) + "</div>")
    assert shape(r) == [
        (_WORDS[0], 0, None, "Orlaith"), (_WORDS[1], 0, None, "Bexmund"),
        (_WORDS[2], 1, _WORDS[0], "Quennel"), (_WORDS[3], 2, _WORDS[2], "Tavish"),
        (_WORDS[4], 0, None, "Bexmund")]


def _ind_row(width: int | None, name: str, words: str) -> str:
    """A table thread's row: a spacer image's width indents it (none on the lead row), a header
    with the poster's profile link and a relative time, the words in a class-named block."""
    ind = (f'<td class="ind"><img src="s.gif" height="1" width="{width}"></td>' if width is not None else "")
    return (f'<tr class="row"><td><table><tr>{ind}<td><div><span class="head">'
            f'<a href="user?id={name.lower()}" class="who">{name}</a> <span class="age">'
            f'<a href="item?id={len(words)}">3 hours ago</a></span></span></div>'
            f'<div class="comment"><div class="words">{words}</div></div></td></tr></table></td></tr>')


def test_a_lead_block_without_indentation_does_not_flatten_the_indented_tree():
    more = ["Second reply on the first branch of the thread.", "A reply to the second reply here.",
            "Another top level remark about the ferry."]
    r = read_lso("<table>" + _ind_row(None, "Orlaith", _WORDS[0]) + "</table><table>" + "".join([
        _ind_row(0, "Bexmund", _WORDS[1]), _ind_row(40, "Quennel", _WORDS[2]),
        _ind_row(80, "Tavish", _WORDS[3]), _ind_row(40, "Orlaith", more[0]),
        _ind_row(80, "Bexmund", more[1]), _ind_row(0, "Quennel", more[2])]) + "</table>")
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        (_WORDS[0], 0, None), (_WORDS[1], 0, None), (_WORDS[2], 1, _WORDS[1]), (_WORDS[3], 2, _WORDS[2]),
        (more[0], 1, _WORDS[1]), (more[1], 2, more[0]), (more[2], 0, None)]


def _boxed(num: int, name: str, words: str, replies: str = "") -> str:
    """A numbered list item whose words sit two class-named boxes down, its replies after."""
    return (f'<li class="comment depth-x" id="comment-{num}"><div class="the-comment">'
            f'<div class="avatar"><img src="/a/{num}.png" width="54" height="54"></div>'
            f'<div class="comment-box"><div class="comment-author meta"><strong>{name}</strong> '
            f'19. Juni 2018 um 15:{num % 60:02d} Uhr <a class="comment-reply-link" href="?replytocom={num}#respond">'
            f'Antworten</a></div><div class="comment-text"><p>{words}</p></div></div></div>'
            + (f'<ul class="children">{replies}</ul>' if replies else "") + "</li>")


def test_a_numbered_block_reads_its_doubly_boxed_body_once():
    r = read_lso('<ol class="comment-list">'
                 + _boxed(114, "Orlaith", _WORDS[0], _boxed(115, "Bexmund", _WORDS[1], _boxed(116, "Orlaith", _WORDS[2])))
                 + _boxed(117, "Quennel", _WORDS[3]) + _boxed(118, "Tavish", _WORDS[4]) + "</ol>", lang="de")
    assert shape(r) == [
        (_WORDS[0], 0, None, "Orlaith"), (_WORDS[1], 1, _WORDS[0], "Bexmund"),
        (_WORDS[2], 2, _WORDS[1], "Orlaith"), (_WORDS[3], 0, None, "Quennel"), (_WORDS[4], 0, None, "Tavish")]


def _wrapped(num: int, level: int, name: str, words: str, replies: str = "") -> str:
    """A level-classed wrapper: the numbered comment first, then its replies' wrappers inside it."""
    kind = "wx-comment" + (" wx-reply" if level > 1 else "")
    return (f'<div class="{kind} level-{level}" id="wx-comm-{num}">'
            f'<div class="wx-comment-left"><img src="/a/{num}.png" width="40" height="40"></div>'
            f'<div class="wx-comment-right" id="comment-{num}"><div class="wx-comment-header">'
            f'<div class="wx-comment-author">{name}</div><div class="wx-comment-date">'
            f'<time datetime="2021-03-0{num % 9 + 1}T10:00:00Z">vor 3 Jahren</time></div></div>'
            f'<div class="wx-comment-text"><p>{words}</p></div></div>{replies}</div>')


def test_a_level_wrapper_holding_its_replies_is_no_comment_and_states_the_depth():
    r = read_lso('<div class="wx-thread-list">'
                 + _wrapped(201, 1, "Orlaith", _WORDS[0],
                            _wrapped(202, 2, "Bexmund", _WORDS[1], _wrapped(203, 3, "Orlaith", _WORDS[2])))
                 + _wrapped(204, 1, "Quennel", _WORDS[3]) + _wrapped(205, 1, "Tavish", _WORDS[4]) + "</div>")
    assert shape(r) == [
        (_WORDS[0], 0, None, "Orlaith"), (_WORDS[1], 1, _WORDS[0], "Bexmund"),
        (_WORDS[2], 2, _WORDS[1], "Orlaith"), (_WORDS[3], 0, None, "Quennel"), (_WORDS[4], 0, None, "Tavish")]
