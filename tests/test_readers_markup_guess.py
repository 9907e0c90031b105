"""No silent zero, by kind: the markup guess names known engines and repeated post-like ids.

Markup is synthetic and shaped after each engine's public templates (wpForo ``post.php``,
Simple:Press's topic view, Sina's comment widget) or after the kind of markup an unlisted
engine prints (a React forum's generated classes with ``li#reply-<hex>``, a Rails forum's
``div.reply#replyN``, a news site's ``li[data-comment-id]``).
"""
from __future__ import annotations

import pytest

from pagekit import read_page

from therapy_threads.readers.comments.markup_guess import guess_systems


def _rep(template: str, keys=(101, 102, 103)) -> str:
    return "".join(template.format(k=k) for k in keys)


HEX = ("5f3a9c1e2b7d4a60", "5f3a9c1e2b7d4a61", "5f3a9c1e2b7d4a62")

CASES = [
    ("phpbb subsilver2", _rep('<table class="tablebg" width="100%" cellspacing="1"><tr class="row1">'
                              '<td align="center" valign="middle"><a name="p{k}"></a>'
                              '<b class="postauthor">name{k}</b></td></tr></table>'), ("phpbb", 3)),
    ("something awful", _rep('<table class="post " id="post{k}" data-idx="{k}"><tr><td class="userinfo">'
                             '<dl class="userinfo"><dt class="author">name</dt></dl></td></tr></table>'),
     ("vbulletin", 3)),
    ("wpforo", _rep('<div id="post-{k}" data-postid="{k}" class="post-wrap wpfn-1">'
                    '<div class="wpforo-post wpfcl-1"><div class="wpforo-post-content">'
                    '<p>Text {k}</p></div></div></div>'), ("wpforo", 3)),
    ("simplepress", _rep('<div class="spTopicPostSection spOdd spUserPost" id="post{k}">'
                         '<div id="spPostIndexContent{k}"><p>Text</p></div></div>'),
     ("simplepress", 3)),
    ("sina", '<div class="sina-comment-list"><div class="list">'
             + _rep('<div class="item clearfix" comment-type="item"><div class="cont">'
                    '<div class="txt">Text {k}</div></div></div>') + '</div></div>', ("sina", 3)),
    ("react forum", '<ul class="css-1x2y3z">' + _rep('<li id="reply-{k}" class="css-9q8w7e">'
                                                      '<div><p>Text</p></div></li>', HEX)
     + '</ul>', ("unknown (li#reply-N)", 3)),
    ("rails forum", _rep('<div class="reply" data-id="{k}" id="reply{k}"><div class="infos">'
                         '<p>Text</p></div></div>'), ("unknown (div#replyN)", 3)),
    ("news site", '<ul class="news-comment-list">'
                  + _rep('<li class="news-comment-list-content" data-comment-id="c{k}">'
                         '<div class="content">Text</div></li>') + '</ul>',
     ("unknown (li[data-comment-id])", 3)),
    ("custom bbPress", _rep('<article class="post board" id="post-{k}"><div class="text-holder">'
                            '<p>Text</p></div></article>', HEX), ("unknown (article#post-N)", 3)),
    ("answers", _rep('<section id="answer-{k}" class="x"><p>Text</p></section>'),
     ("unknown (section#answer-N)", 3)),
    ("Invision", _rep('<article id="elComment_{k}" class="cPost"></article>'), ("invision", 3)),
    # Blocks named by a class only: a site's own "Mentions" list, a CSS-module build, Movable
    # Type's per-comment body, a GitHub React timeline.
    ("mentions list", _rep('<div class="reply" data-x="{k}"><span class="author">Name</span>'
                           '<time datetime="2024-01-01">1 Jan</time><span>Text</span></div>'),
     ("unknown (div.reply)", 3)),
    ("css modules", _rep('<div class="comment--2g6iCC-R x{k}"><p>Text</p></div>'),
     ("unknown (div.comment)", 3)),
    ("movable type", _rep('<div class="comments-body"><p>Text {k}</p></div>'),
     ("unknown (div.comments-body)", 3)),
    ("github react", _rep('<div class="react-issue-comment IssueCommentViewer-module__x{k}">'
                          '<div class="ActivityHeader" id="issuecomment-{k}" data-testid="comment-header">'
                          '</div></div>'), ("github", 3)),
]


@pytest.mark.parametrize("label, html, expected", CASES, ids=[c[0] for c in CASES])
def test_the_guess_names_repeated_post_markup(label, html, expected):
    assert guess_systems(html)[0] == expected


QUIET = [
    # A blog's archive lists its own posts, WordPress-classed: posts, not comments.
    ("blog archive", _rep('<article id="post-{k}" class="post-{k} post type-post hentry">'
                          '<h2>Title</h2></article>')),
    # Pingbacks are skipped by the WordPress reader, not lost.
    ("pingbacks", _rep('<li class="pingback even depth-1" id="comment-{k}"><p>Linked</p></li>')),
    # One post id is the page's own article; a single id is not a list.
    ("one id", '<div id="post-7" class="entry"><p>Body</p></div>'),
    # Ids on inline elements (anchors, spans) are links and counters, not items.
    ("anchors", _rep('<a id="comment-{k}" href="#c">link</a><span id="reply-{k}">0</span>')),
    # Words that only start like a post id.
    ("other ids", '<div id="post-form"></div><div id="comment-area"></div><div id="replyto"></div>'),
    # Classes of a comment section's furniture and of other posts' widgets, not comment items.
    ("section furniture", _rep('<div class="comment-form"></div><div class="comment-count">{k}</div>'
                               '<div class="recent-comment"><a href="/a#c">x</a></div>'
                               '<div class="wpd-field-comment"></div><li class="load-more-comments"></li>')),
]


@pytest.mark.parametrize("label, html", QUIET, ids=[c[0] for c in QUIET])
def test_the_guess_stays_quiet_without_a_comment_list(label, html):
    assert guess_systems(html) == []


def _read(body: str):
    return read_page(body)


def test_an_unknown_forum_page_warns_instead_of_a_silent_zero():
    body = ('<main><h1>Topic</h1><p>The question of the topic, long enough to be a body text '
            'for the page.</p><ul class="css-1x2y3z">'
            + _rep('<li id="post-{k}" class="css-9q8w7e"><div><p>A reply of some words.</p>'
                   '</div></li>', HEX) + '</ul></main>')
    r = _read(body)
    assert not r.comments
    warned = [i.message for i in r.issues if i.code == "comment_markup_unread"]
    assert warned and "unknown (li#post-N) (3)" in warned[0]
    # ``reply-<hex>`` ids are read by the fallback (tests/test_readers_comment_systems.py).
    r = _read(body.replace('id="post-', 'id="reply-'))
    assert len(r.comments) == 3
