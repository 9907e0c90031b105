"""The last fallback, ``dated-blocks`` (issue 12, leave-system-out): repeated blocks that each
show a date, a poster and words, read on a page no other reader found a comment on. Synthetic
pages (invented names and words) in the shapes engines' own templates print: phpBB 2's post rows
(``span.name`` + ``span.postdetails`` "Posted: DATE" + ``span.postbody``), a static-site theme's
comment articles in a comments box without a comment class, and the listings that must stay
listings.
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.engine import systems_off

_WORDS = ["Has anyone tried the new trail map on the north ridge this spring?",
          "Yes, the markers are clearer than last season and the bridge is fixed.",
          "The lower loop was muddy after the rain though, bring good boots.",
          "Good to know, I will bring other boots then and start a bit earlier.",
          "Does the car park still close at eight in winter or did that change?"]
_NAMES = ["Ridgewalker", "mossy_fern", "Tobin K", "lakeside42", "Quill"]


def _forum_rows(n: int) -> str:
    """phpBB 2 shaped rows: the name in ``span.name > b``, the date after a "Posted:" label."""
    rows = "".join(
        f'<tr><td class="row1" width="150"><span class="name"><a name="{700 + i}"></a><b>{_NAMES[i]}</b></span>'
        f'<br><span class="postdetails">Joined: 12 Mar 2004<br>Posts: {10 + i}</span></td>'
        f'<td class="row1"><table width="100%"><tr><td><span class="postdetails"><b>Posted:</b> '
        f'Tue Dec {10 + i}, 2005 12:5{i} am</span></td></tr>'
        f'<tr><td colspan="2"><span class="postbody">{_WORDS[i]}</span></td></tr></table></td></tr>'
        for i in range(n))
    return f'<table class="forumline">{rows}</table>'


def _without_phpbb(body: str):
    """Read as a board no reader knows: phpBB's own reader left out (as leave-system-out does)."""
    with systems_off(frozenset({"phpbb"})) as seen:
        r = read_page(body)
    return r, dict(seen)


def test_a_forum_topics_dated_post_rows_are_read_and_the_first_is_the_topic():
    r, seen = _without_phpbb(_forum_rows(5))
    assert seen == {"dated-blocks": 4}
    assert [t for t, *_ in shape(r)] == _WORDS[1:5]
    assert r.skipped.get("thread_starter") == 1
    assert all(d == 0 for _, d, _, _ in shape(r))


def test_a_later_page_of_a_topic_holds_only_replies():
    # phpBB 2 prints "Goto page Previous 1, 2" in a plain span: every post here is a reply.
    nav = '<span class="gensmall"><b>Goto page <a href="viewtopic.php?t=5&amp;start=0">Previous</a> 1, 2</b></span>'
    r, seen = _without_phpbb(nav + _forum_rows(4))
    assert seen == {"dated-blocks": 4}
    assert [t for t, *_ in shape(r)] == _WORDS[:4]


def _note(i: int) -> str:
    return (f'<article class="js-note note" id="note{i}"><div class="note__avatar"><img src="a.png"></div>'
            f'<h3 class="note__author">{_NAMES[i]}</h3><p class="note__date"><a href="#note{i}">'
            f'<time datetime="2019-04-0{i + 1}T10:00:00Z">April 0{i + 1}, 2019 at 10:00 AM</time></a></p>'
            f'<div>{_WORDS[i]}</div></article>')


def test_comment_articles_in_a_comments_box_are_all_comments():
    body = ('<article class="page"><h1>On trails</h1><p>Short post.</p></article>'
            '<section class="page__comments"><h4 class="page__comments-title">Comments</h4>'
            f'<div class="comments__existing">{"".join(_note(i) for i in range(3))}</div></section>')
    r = read_page(body)
    assert [(t, a) for t, _, _, a in shape(r)] == list(zip(_WORDS[:3], _NAMES[:3]))


def test_blocks_under_the_pages_own_article_are_all_comments():
    # No comments region named; the page prints its article apart from the blocks.
    article = '<div class="entry-content"><p>' + " ".join(_WORDS) * 2 + "</p></div>"
    notes = "".join(_note(i) for i in range(3))
    r = read_page(f"<main>{article}<div class=\"thread\">{notes}</div></main>")
    assert [t for t, *_ in shape(r)] == _WORDS[:3]


def test_a_listing_of_dated_teasers_is_not_comments():
    # An archive's teasers repeat a name, a date and words too, but the words are links away.
    items = "".join(
        f'<div class="archive-item"><span class="byline-author">{_NAMES[i]}</span> '
        f'<time datetime="2020-01-0{i + 1}">Jan {i + 1}, 2020</time>'
        f'<a href="/p/post-{i}">{_WORDS[i]}</a></div>' for i in range(4))
    r = read_page(f'<div class="archive">{items}</div>')
    assert r.comments == []


def test_two_dated_blocks_are_not_a_thread():
    r, _ = _without_phpbb(_forum_rows(2))
    assert r.comments == []


def _forem_like(i: int, reply_to: int | None) -> str:
    """A post with a named anchor before its box and an "In reply to NAME" link to another's."""
    to = (f'<div class="in_reply_to"> - <a href="topic.html#post-{500 + reply_to}">In reply to '
          f'{_NAMES[reply_to]}</a></div>') if reply_to is not None else ""
    return (f'<section class="box"><a name="post-{500 + i}"></a><div class="post">'
            f'<div class="username">{_NAMES[i]}</div><div class="contents">'
            f'<time datetime="2013-10-2{i} 05:05:17">{10 - i} months ago</time>{to}'
            f'<p>{_WORDS[i]}</p></div></div></section>')


def test_in_reply_to_links_to_the_posts_anchors_give_the_parents():
    # Post 0 opens the topic; 1 and 3 answer it (top level), 2 answers 1, 4 answers 2.
    body = "".join(_forem_like(i, to) for i, to in enumerate([None, 0, 1, 0, 2]))
    r = read_page(body)
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        (_WORDS[1], 0, None), (_WORDS[2], 1, _WORDS[1]), (_WORDS[3], 0, None), (_WORDS[4], 2, _WORDS[2])]


def test_a_role_badge_beside_the_avatar_does_not_make_a_wrapper_a_second_comment():
    # wpDiscuz 5's shape, its reader left out: ``div.wc-comment`` (class only) around the avatar
    # with a role badge and ``div.wc-comment-right#comment-N`` (the comment): one comment each.
    def c(i: int, badge: str) -> str:
        return (f'<div class="wc-comment wc-blog-guest wc_comment_level-1" id="wc-comm-{80 + i}_0">'
                f'<div class="wc-comment-left"><img class="avatar" src="a.png">'
                f'<div class="wc-comment-label"><span>{badge}</span></div></div>'
                f'<div class="wc-comment-right" id="comment-{80 + i}"><div class="wc-comment-author">'
                f'{_NAMES[i]}</div><div class="wc-comment-text"><p>{_WORDS[i]}</p></div></div></div>')
    body = '<div id="wcThreadWrapper">' + c(0, "Gast") + c(1, "Autor") + c(2, "Guest") + "</div>"
    with systems_off(frozenset({"wpdiscuz"})):
        r = read_page(body, lang="de")
    assert [(t, d) for t, d, _, _ in shape(r)] == [(w, 0) for w in _WORDS[:3]]


def _wp_list(inner: str) -> str:
    """A WordPress theme's threaded list, its reader left out: ``li.comment#comment-N`` around
    one body block ({body}: the comment's name, date and words) and ``ul.children``."""
    def li(i: int, kids: str = "") -> str:
        body = inner.format(n=300 + i, name=_NAMES[i], words=_WORDS[i])
        return (f'<li class="comment depth-1" id="comment-{300 + i}">{body}'
                + (f'<ul class="children">{kids}</ul>' if kids else "") + "</li>")
    return f'<ol class="commentlist">{li(0, li(1) + li(2))}{li(3)}</ol>'


def test_a_numbered_comments_only_child_block_is_its_body_not_a_reply():
    bodies = [
        # a class-named body (``div.the-comment``)
        '<div class="the-comment"><div class="comment-author">{name}</div>'
        '<time>12. Juni 2018</time><div class="text"><p>{words}</p></div></div>',
        # a schema.org Comment body without a comment number of its own (Genesis)
        '<article itemprop="comment" itemscope itemtype="https://schema.org/Comment" '
        'id="article-comment-{n}"><header><span itemprop="author">{name}</span> <time>June 12, 2018'
        '</time></header><div itemprop="text"><p>{words}</p></div></article>',
    ]
    for body in bodies:
        with systems_off(frozenset({"wordpress"})):
            r = read_page(_wp_list(body))
        assert [(t, d, p) for t, d, p, _ in shape(r)] == [
            (_WORDS[0], 0, None), (_WORDS[1], 1, _WORDS[0]), (_WORDS[2], 1, _WORDS[0]), (_WORDS[3], 0, None)], body


def test_a_comment_wrapped_twice_by_its_number_keeps_its_body_apart_from_replies():
    # ``li#li-comment-N`` > ``div#comment-N.comment`` > ``div.comment-wrap``: read once.
    def li(i: int, kids: str = "") -> str:
        return (f'<li class="comment" id="li-comment-{300 + i}"><div class="comment" id="comment-{300 + i}">'
                f'<div class="comment-avatar"></div><div class="comment-wrap"><div class="comment-author">'
                f'{_NAMES[i]}</div><span class="comment-time">15. April 2019</span><div class="comment-text">'
                f'<p>{_WORDS[i]}</p></div></div></div>' + (f'<ul class="children">{kids}</ul>' if kids else "")
                + "</li>")
    with systems_off(frozenset({"wordpress"})):
        r = read_page(f'<ol class="commentlist">{li(0, li(1))}{li(2)}</ol>')
    assert [(t, d) for t, d, _, _ in shape(r)] == [(_WORDS[0], 0), (_WORDS[1], 1), (_WORDS[2], 0)]


def test_a_first_pages_greyed_prev_link_or_the_heads_previous_topic_is_not_a_later_page():
    for extra in ('<a href="javascript:void(0)">Prev</a>', '<a href="#comments">« Prev</a>'):
        r, seen = _without_phpbb(extra + _forum_rows(5))
        assert seen == {"dated-blocks": 4}, extra
    r, seen = _without_phpbb(_forum_rows(5).replace("<table", '<link rel="prev" href="viewtopic.php?t=5&amp;view=previous"><table', 1))
    assert seen == {"dated-blocks": 4}


def _wpforo_like(i: int, dated: bool) -> str:
    when = f'<div class="wpf-post-date">12/0{i + 1}/2021 10:0{i} am</div>' if dated else ""
    return (f'<div class="post-wrap" id="post-{90 + i}"><div class="author-name"><b>{_NAMES[i]}</b></div>'
            f'{when}<div class="wpforo-post-content"><p>{_WORDS[i]}</p></div></div>')


def test_an_undated_post_of_the_same_kind_before_the_dated_ones_is_the_opening_post():
    # The opening post prints no date in this layout: every dated block is a reply.
    body = _wpforo_like(0, False) + "".join(_wpforo_like(i, True) for i in range(1, 4))
    with systems_off(frozenset({"wpforo", "forum-posts"})) as seen:
        r = read_page(f'<div class="wpforo-topic">{body}</div>')
    assert dict(seen) == {"dated-blocks": 3}
    assert [t for t, *_ in shape(r)] == _WORDS[1:4]


def test_posts_of_the_groups_kind_left_unread_are_said():
    # The fourth post shows no date the reader can tell: three read, the loss warned.
    body = "".join(_wpforo_like(i, i != 3) for i in range(5))
    with systems_off(frozenset({"wpforo", "forum-posts"})) as seen:
        r = read_page(f'<div class="wpforo-topic">{body}</div>')
    assert dict(seen) == {"dated-blocks": 3}
    assert "comment_markup_unread" in codes(r)


def test_a_box_between_two_numbered_wrappers_of_one_comment_is_read_once():
    # ``li#li-comment-N`` > ``div.comment-box`` > ``div#comment-N``: one comment, no crash.
    def li(i: int) -> str:
        return (f'<li id="li-comment-{600 + i}" class="depth-1"><div class="comment-box">'
                f'<div id="comment-{600 + i}" class="comment-wrapper"><div class="comment-author vcard meta">'
                f'<span class="date">Am 29. Mai 2017 um 14:3{i}</span> <span class="author"> von '
                f'<cite class="fn">{_NAMES[i]}</cite></span></div><div class="comment_text"><p>{_WORDS[i]}'
                f'</p></div></div></div></li>')
    with systems_off(frozenset({"wordpress"})):
        r = read_page(f'<ul class="bullets">{li(0)}{li(1)}</ul>', lang="de")
    assert "reader_crashed" not in codes(r)
    assert [(t, d) for t, d, _, _ in shape(r)] == [(_WORDS[0], 0), (_WORDS[1], 0)]



def _columns(block_html: str, poster_sel: str | None, date_sel: str | None) -> list[str]:
    """The words of each column ``dated_blocks._poster_columns`` finds in the block."""
    from therapy_threads.readers.comments.base import Page
    from therapy_threads.readers.comments.dom import Attrs
    from therapy_threads.readers.comments.systems.dated_blocks import _poster_columns
    from therapy_threads.readers.html_text import parse_html

    tree = parse_html(f"<html><body>{block_html}</body></html>")
    page = Page(root=tree.root, attrs=Attrs(), url=None, languages=("en",))
    block = tree.css_first("div.post")
    anchors = [block.css_first(s) if s else None for s in (poster_sel, date_sel)]
    return [" ".join(c.text(separator=" ").split()) for c in _poster_columns(page, block, anchors)]


@pytest.mark.parametrize("block, poster, date, expected", [
    # FluxBB's shape: the name in the profile list; the list's own column is the same box.
    ('<div class="post"><h2><span>#2 <a href="#p2">2019-10-02 16:59</a></span></h2><div class="left"><dl>'
     '<dt><strong>Ridgewalker</strong></dt><dd>Member</dd><dd>Registered: 2019-09-25</dd><dd>Posts: 3</dd>'
     '</dl></div><div class="right"><p>The lower loop was muddy after the rain.</p></div></div>',
     "strong", "a", ["Ridgewalker Member Registered: 2019-09-25 Posts: 3", "#2 2019-10-02 16:59",
                     "Ridgewalker Member Registered: 2019-09-25 Posts: 3"]),
    # A guest's column (no profile link or name class to start from): the list of labelled counts
    # finds it, with the box around it.
    ('<div class="post"><div class="side"><b>Guest</b><ul><li>Group: Visitors</li><li>Posts: 0</li></ul></div>'
     '<div class="body"><span class="date">12.03.2009</span><p>Does the car park still close at eight?</p>'
     '</div></div>',
     None, "span.date", ["12.03.2009", "Guest Group: Visitors Posts: 0"]),
    # A picture stops the box: the poster cell's avatar beside lines the words must outweigh.
    ('<div class="post"><div class="cell"><div class="who"><a href="/member/5">mossy_fern</a></div>'
     '<img src="a.png" alt=""><div>Group: Members</div></div><div class="body"><p>Yes, the markers are '
     'clearer than last season.</p></div></div>',
     "a", None, ["mossy_fern"]),
    # The poster's own bullet list (no "Label: number" item) is words, never a column.
    ('<div class="post"><a class="user" href="/u/7">Quill</a><div class="body"><p>Bring:</p><ul>'
     '<li>good boots</li><li>a map</li></ul></div></div>',
     "a", None, ["Quill"]),
])
def test_the_posters_column_is_found_from_what_it_holds(block, poster, date, expected):
    assert _columns(block, poster, date) == expected
