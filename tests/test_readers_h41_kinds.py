"""Kinds found on heldout41, as small synthetic pages (invented users and words):

* Hacker News rows of 2013-2017 never close the comment's ``div.comment`` and ``span.c00``; the
  parser closes them at the row's ``</td>``. The nesting bound (``html_text.bound_depth``) follows
  the parser's stack, so a long thread is not cut (before: +2 levels per comment, cut past 400);
  the depth comes from the indentation in every era (``td.ind`` spacer width, later ``indent``).
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape

from therapy_threads.readers.html_text import MAX_ELEMENT_DEPTH, bound_depth


def _hn2017_row(cid: int, depth: int, who: str, words: str) -> str:
    # the 2017 template: no indent attribute, the comment's div and span left open
    return (f"<tr class='athing comtr ' id='{cid}'><td><table border='0'>  <tr>    <td class='ind'>"
            f'<img src="s.gif" height="1" width="{depth * 40}"></td><td valign="top" class="votelinks">'
            f"<center><a id='up_{cid}' href='vote?id={cid}&amp;how=up'><div class='votearrow' title='upvote'>"
            f'</div></a></center></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;">'
            f'<span class="comhead"><a href="user?id={who}" class="hnuser">{who}</a> <span class="age">'
            f'<a href="item?id={cid}">14 hours ago</a></span> <span id="unv_{cid}"></span><span class="par">'
            f'</span> <a class="togg" n="2" href="javascript:void(0)"></a><span class=\'storyon\'></span>'
            f'</span></div><br><div class="comment"><span class="c00">{words}<span></span>'
            f"<div class='reply'><p><font size=\"1\"><u><a href=\"reply?id={cid}\">reply</a></u></font>"
            f"</div></td></tr></table></td></tr>")


def _hn_current_row(cid: int, depth: int, who: str, words: str) -> str:
    return (f'<tr class="athing comtr" id="{cid}"><td><table border="0"><tr><td class="ind" indent="{depth}">'
            f'<img src="s.gif" height="1" width="{depth * 40}"></td><td valign="top" class="votelinks">'
            f'<center><a id="up_{cid}"><div class="votearrow"></div></a></center></td><td class="default">'
            f'<div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead"><a href="user?id={who}" '
            f'class="hnuser">{who}</a> <span class="age" title="2024-01-02T03:04:05"><a href="item?id={cid}">'
            f'1 hour ago</a></span></span></div><div class="comment"><div class="commtext c00">{words}</div>'
            f'<div class="reply"><p><font size="1"><u><a href="reply?id={cid}">reply</a></u></font></p></div>'
            f'</div></td></tr></table></td></tr>')


def _hn2013_row(cid: int, depth: int, who: str, words: str) -> str:
    return (f'<tr><td><table border=0><tr><td><img src="s.gif" height=1 width={depth * 40}></td>'
            f'<td valign=top><center><a id=up_{cid} href="vote?for={cid}&dir=up"><img src="grayarrow.gif">'
            f'</a></center></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px; ">'
            f'<span class="comhead"><a href="user?id={who}">{who}</a> 2 hours ago  | '
            f'<a href="item?id={cid}">link</a></span></div><br>\n<span class="comment"><font color=#000000>'
            f'{words}</font></span><p><font size=1><u><a href="reply?id={cid}">reply</a></u></font>'
            f'</td></tr></table></td></tr>')


def _tree(n: int) -> list[tuple[int, int, str, str]]:
    """``n`` comments in threads of six: depths 0,1,2,3,2,1 (a reply chain and its way back)."""
    return [(5000 + i, (0, 1, 2, 3, 2, 1)[i % 6], f"user_{i % 7}", f"Words of comment number {i}.")
            for i in range(n)]


@pytest.mark.parametrize("row", [_hn2017_row, _hn_current_row, _hn2013_row])
def test_a_long_hacker_news_thread_is_read_whole_in_every_markup_era(row):
    rows = _tree(300)
    r = read_page("<table border='0' class='comment-tree'>" + "".join(row(*x) for x in rows) + "</table>")
    assert "nested_too_deep" not in codes(r)
    got = shape(r)
    assert len(got) == 300
    assert [d for _, d, _, _ in got] == [d for _, d, _, _ in rows]
    # the parent is the comment one level up just before: 6k+1's parent is 6k, 6k+4's is 6k+1
    assert got[1][2] == got[0][0] and got[4][2] == got[1][0] and got[299][2] == got[294][0]
    assert [a for _, _, _, a in got[:3]] == ["user_0", "user_1", "user_2"]


def test_a_deep_reply_chain_in_the_2017_markup_keeps_every_level():
    rows = [(7000 + i, i, f"user_{i}", f"Reply at level {i}.") for i in range(12)]
    r = read_page("<table class='comment-tree'>" + "".join(_hn2017_row(*x) for x in rows) + "</table>")
    assert [(t, d) for t, d, _, _ in shape(r)] == [(f"Reply at level {i}.", i) for i in range(12)]


@pytest.mark.parametrize("html, cut", [
    # unclosed div/span inside table cells: the cell's end tag closes them
    ("<table>" + "<tr><td><div><span>x" * 1 + "</td></tr>" + "</table>", False),
    ("<table>" + "<tr><td><div class=c><span class=c00>words</td></tr>" * 800 + "</table>", False),
    # a new row or cell closes the open one and what is open inside it
    ("<table>" + "<tr><td><div><span>words" * 800 + "</table>", False),
    # markup inside a script is raw text, not elements (JSON holding escaped HTML)
    ('<div><script>var d = {"a": "' + "<font size=3>x" * 900 + '"};</script></div>', False),
    # an end tag whose element is not in scope (behind a cell) closes nothing: 500 open divs stay open
    ("<div>" * 500 + "<table><tr><td>" + "</div>" * 500 + "</td></tr></table>", True),
    # really nested elements are still cut
    ("<div>" * (MAX_ELEMENT_DEPTH + 20) + "deep words" + "</div>" * (MAX_ELEMENT_DEPTH + 20), True),
    ("<table><tr><td>" * 200 + "deep" + "</td></tr></table>" * 200, True),
])
def test_the_nesting_bound_follows_the_parsers_stack(html, cut):
    text = html + " " + "<br>" * MAX_ELEMENT_DEPTH  # past the bound's quick exit (fewer '<' than the cap)
    out, pieces = bound_depth(text)
    assert bool(pieces) is cut
    if not cut:
        assert out == text


# --------------------------------------------------------------------------- onliner.by news
# * an article's data table whose first column spans rows (bank | product | currency | term | rate)
#   is no forum's post table (poster cell spanning a header row and a words row): the row under
#   the spanning cell fills the grid's columns and spreads its text over them;
# * the quote button's box ``blockquote.uncited > div > cite "NAME:"`` is the quoted comment,
#   not the commenter's words (phpBB's ``<cite>NAME wrote:</cite>`` without the verb).

def _onliner_comment(cid: int, uid: int, name: str, words: str, quote: tuple[str, str] | None = None) -> str:
    q = (f'<blockquote class="uncited"><div><cite>{quote[0]}:</cite>{quote[1]}</div>\n</blockquote>\n'
         if quote else "")
    return (f'<li class="b-comments-1__list-item commentListItem" id="comment_{cid}" data-comment-id="{cid}" '
            f'data-author-id="{uid}"><div class="comment-info"><strong class="author"><a '
            f'href="https://profile.example.by/user/{uid}"><figure class="author-image"><img alt="{name}" '
            f'src="//content.example.by/user/avatar/48x48/{uid}"></figure>{name}</a></strong>'
            f'<span class="date">31.03.2016 в 20:{cid % 60:02d}</span></div>'
            f'<div class="comment-content" id="message_{cid}">{q}<p>{words}</p></div>'
            f'<div class="comment-actions" id="cite_{cid}"><a href="#" class="btn-like m-apart _null" '
            f'data-comment-id="{cid}"><i class="icon-like"></i><b>Лайк!</b><span class="_counter"></span>'
            f'</a></div></li>')


def _deposit_table() -> str:
    def bank(name, rows):
        out = []
        for i, r in enumerate(rows):
            first = f'<td rowspan="{len(rows)}" align="center"><strong>{name}</strong></td>' if i == 0 else ""
            out.append("<tr>" + first + "".join(f'<td align="center">{c}</td>' for c in r) + "</tr>")
        return "".join(out)
    head = "<tr>" + "".join(f'<td align="center"><strong>{h}</strong></td>' for h in
                            ("Банк", "Вклад", "Валюта", "Срок", "Ставка")) + "</tr>"
    return ('<table style="width: 80%" border="1"><tbody>' + head
            + bank("«Банк Один»", [("«Скала»", "BYR", "1 год", "27"), ("«Вершина»", "USD/EUR", "25 месяцев", "3,75")])
            + bank("«Банк Два»", [("«Стратег»", "BYR", "395 дней", "30"), ("«Окно»", "USD/EUR", "3 года", "5"),
                                  ("RUR", "9")])
            + bank("«Банк Три»", [("«Оптимальный»", "BYR", "1 год", "25"), ("«Капитал»", "USD/EUR", "2 года", "4"),
                                  ("RUR", "11")])
            + bank("«Банк Четыре»", [("«Годовой»", "BYR", "1 год", "30"), ("«Новый»", "USD/EUR", "2 года", "5")])
            + "</tbody></table>")


def test_an_articles_data_table_is_no_post_table_and_a_quote_box_is_not_the_words():
    article = (f'<article><h1>Вклады</h1><div class="news-text"><p>Мы проанализировали вклады.</p>'
               f'{_deposit_table()}<p>Конец статьи.</p></div></article>')
    comments = ('<section class="b-comments-1" id="onliner_comments"><ul class="b-comments-1__list">'
                + _onliner_comment(3558633, 1651969, "1651969", "то есть до",
                                   quote=("1651969", "после налога я все снял"))
                + _onliner_comment(3558713, 99737, "~HaPk~", "О чём ведёт беседу?")
                + _onliner_comment(3558775, 188037, "777vikki.", "Идите лесом.")
                + _onliner_comment(3558800, 1152782, "PTNPNX", "Ставки упали вдвое.",
                                   quote=("777vikki.", "Идите лесом."))
                + "</ul></section>")
    r = read_page(article + comments, lang="ru")
    assert shape(r) == [("то есть до", 0, None, "1651969"),
                        ("О чём ведёт беседу?", 0, None, "~HaPk~"),
                        ("Идите лесом.", 0, None, "777vikki."),
                        ("Ставки упали вдвое.", 0, None, "PTNPNX")]


# --------------------------------------------------------------------------- onliner.by forum
# ``li.msgpost#pN``: the nickname in ``big.mtauthor-nickname > a._name`` (a hidden user card repeats
# it and links the profile, "Профиль"); the opening post is page 1's first post, or the post a
# later page repeats at the top marked ``msgfirst``; the quote button's box is not the words.

def _of_post(pid: int, name: str, when: str, words: str, *, first: bool = False, quote: str = "") -> str:
    q = f'<blockquote class="uncited"><cite>{quote}:</cite> <p>Quoted words here.</p></blockquote>' if quote else ""
    return (f'<li id="p{pid}" class="msgpost {"msgfirst" if first else "msgpost-odd"}"><div class="b-mtauthor" '
            f'data-user_id="{pid % 1000}"><div class="b-mtauthor-i"><big class="mtauthor-nickname"><span>'
            f'<a href="#postform" title="{name}" class="_name star-notes">{name}</a></span><i class="sh"></i>'
            f'<span class="sts-prof">Senior Member</span></big><div class="b-mta-card"><table><tr><td colspan="2">'
            f'<big class="mtauthor-nickname"><span><a href="#postform" title="{name}" class="_name">{name}</a>'
            f'</span></big></td></tr><tr><td class="mta-card-txt"><p>9 лет на сайте</p><p class="b-mta-tls">'
            f'<a href="https://profile.example.by/user/{pid % 1000}" class="b-mta-profile">Профиль</a></p>'
            f'</td></tr></table></div></div></div><div class="b-msgpost-txt"><div class="msgpost-txt-i">'
            f'<small class="msgpost-date" id="{pid}"><a href="#p{pid}" name="#p{pid}">#</a> '
            f'<span title="более 3 лет назад">{when}</span></small><div class="content" id="message_{pid}">'
            f'{q}<p>{words}</p></div></div></div><ul class="b-tls-msg"><li class="li-cite">'
            f'<a href="#postform" class="cite_{pid}">Цитировать</a></li></ul></li>')


def _of_topic(posts: str, later: bool = False) -> str:
    pages = ('<div class="b-pages"><ul class="pages-fastnav topic-pages-fastnav">'
             + ('<li class="page-prev"><a href="./viewtopic.php?t=9&amp;start=0">&lt;</a></li>' if later else "")
             + '<li><a href="./viewtopic.php?t=9&amp;start=0">1</a></li>'
             '<li><a href="./viewtopic.php?t=9&amp;start=20">2</a></li></ul></div>')
    return pages + '<ul class="b-messages-thread">' + posts + '</ul>'


_OF = [(101, "ada_example", "13 октября 2014 20:31", "The topic's question, asked at length."),
       (102, "bea_sample", "14 октября 2014 09:05", "A first answer."),
       (103, "cy_person", "15 октября 2014 11:40", "A second answer, quoting.")]


@pytest.mark.parametrize("later, first_marked, expected", [
    # page 1: the first post is the topic
    (False, False, [("A first answer.", "bea_sample"), ("A second answer, quoting.", "cy_person")]),
    # a later page repeating the opening post on top (msgfirst)
    (True, True, [("A first answer.", "bea_sample"), ("A second answer, quoting.", "cy_person")]),
    # a later page without it: every post is a reply
    (True, False, [("The topic's question, asked at length.", "ada_example"), ("A first answer.", "bea_sample"),
                   ("A second answer, quoting.", "cy_person")]),
])
def test_onliner_forum_posts_authors_and_opening_post(later, first_marked, expected):
    posts = "".join(_of_post(*p, first=first_marked and i == 0, quote="bea_sample" if i == 2 else "")
                    for i, p in enumerate(_OF))
    r = read_page(_of_topic(posts, later), lang="ru")
    assert [(t, a) for t, _, _, a in shape(r)] == expected
    assert all(c.published_local and c.published_local.startswith("2014-10-1") for c in r.comments)
