"""No silent loss on systems no reader knows (issue 12, leave-system-out), on synthetic pages
(invented names and words).

* markers a system's own template prints once per post name it when nothing is read: the
  Futaba-family delete checkbox, Flarum's ``div.Post-body``, Kunena's ``kmsg``, Asgaros'
  ``postid-N``;
* comments read, but the page marks more posts than were read or skipped (an unknown engine's
  repeated comment-like blocks, plus a Q&A page's answers or a widget's reviews and questions
  beside the comments): said, not silently kept;
* a plain comment list whose every comment holds a ``div.reply`` link box is not over-counted.
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page

from therapy_threads.readers.comments.engine import systems_off
from therapy_threads.readers.comments.markup_guess import guess_systems, marked_units

_WORDS = ["Has anyone tried the new trail map on the north ridge?",
          "Yes, the markers are clearer than last season.",
          "The lower loop was muddy after the rain though.",
          "Good to know, I will bring other boots then.",
          "Does the car park still close at eight in winter?"]


@pytest.mark.parametrize("post, system", [
    ('<table border=0><tr><td>…</td><td bgcolor=#F0E0D6><input type=checkbox name={n} value=delete>'
     '22/06/08 21:3{n} No.{n} <blockquote>{w}</blockquote></td></tr></table>', "imageboard"),
    ('<article><div class="PostUser"><h3 class="PostUser-name">user{n}</h3></div>'
     '<div class="Post-body"><p>{w}</p></div></article><hr>', "flarum"),
    ('<div class="kbody"><table class="kmsg kpublished"><tr><td class="kmessage-left">'
     '<div class="kmsgtext">{w}</div></td></tr></table></div>', "kunena"),
    ('<div class="post-element" id="postid-{n}"><div class="post-message"><p>{w}</p></div></div>',
     "asgaros"),
])
def test_a_systems_own_per_post_marker_names_it(post, system):
    html = "".join(post.format(n=1000 + i, w=w) for i, w in enumerate(_WORDS[:4]))
    assert guess_systems(html)[0] == (system, 4)


def test_nothing_read_from_an_imageboard_thread_is_warned_about():
    posts = "".join(f'<table border=0><tr><td>…</td><td><input type=checkbox name={5000 + i} '
                    f'value=delete>No.{5000 + i} <blockquote>{w}</blockquote></td></tr></table>'
                    for i, w in enumerate(_WORDS[:4]))
    with systems_off(frozenset({"imageboard"})):
        r = read_page(f'<form action="futaba.php" method=POST>{posts}</form>')
    assert r.comments == []
    msg = next(i.message for i in r.issues if i.code == "comment_markup_unread")
    assert "imageboard (4)" in msg


def _answer(i: int, words: str, comments: list[str]) -> str:
    lis = "".join(f'<li class="comment" id="comment-{70 + 10 * i + j}"><div class="comment-body">'
                  f'<p>{c}</p></div></li>' for j, c in enumerate(comments))
    return (f'<div class="answer" id="answer-{90 + i}"><div class="votes">{i}</div>'
            f'<div class="answer-words"><p>{words}</p></div><ol class="commentlist">{lis}</ol></div>')


def test_answers_beside_the_comments_read_are_counted():
    html = (_answer(1, _WORDS[0], [_WORDS[1]]) + _answer(2, _WORDS[2], [_WORDS[3]])
            + _answer(3, _WORDS[4], []))
    assert marked_units(html)[1:] == (2 + 3, False, True)


def test_reviews_and_questions_beside_a_widgets_comments_are_counted():
    reviews = "".join(f'<div class="shop-review"><span class="shop-user-name">R{i}</span>'
                      f'<div class="content-review">{w}</div></div>' for i, w in enumerate(_WORDS[:3]))
    questions = "".join(f'<div class="shop-question">Q: {w}<div class="shop-comment-box">A: thanks</div>'
                        f'</div>' for w in _WORDS[3:5])
    label, n, known, _ = marked_units(reviews + questions)
    assert (n, known) == (2 + 3 + 2, False) and "shop-review" in label and "shop-question" in label


def test_comments_read_short_of_an_unknown_engines_repeated_blocks_are_warned_about():
    # Two comments a reader finds (comment ids); three more replies of the same engine in
    # ``div.reply`` blocks without ids: five replies marked, two read.
    read = "".join(f'<div class="reply" id="comment-{40 + i}"><b>Poster{i}</b><p>{w}</p></div>'
                   for i, w in enumerate(_WORDS[:2]))
    rest = "".join(f'<div class="reply"><p>{w}</p></div>' for w in _WORDS[2:5])
    r = read_page(f'<div id="comments">{read}{rest}</div>')
    assert len(r.comments) == 2
    msg = next(i.message for i in r.issues if i.code == "comment_markup_unread")
    assert "div.reply" in msg and "5 post(s)/comment(s)" in msg


def test_a_comment_list_with_a_reply_link_box_in_every_comment_is_not_over_counted():
    lis = "".join(f'<li class="comment" id="comment-{60 + i}"><div class="comment-author">Ann{i}</div>'
                  f'<p>{w}</p><div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>'
                  f'</li>' for i, w in enumerate(_WORDS[:4]))
    r = read_page(f'<div id="comments"><ol class="commentlist">{lis}</ol></div>')
    assert len(r.comments) == 4 and "comment_markup_unread" not in codes(r)


def test_posts_and_their_comments_are_counted_together():
    # A Q&A page whose posts (the question and three answers) are ``div.post-text`` blocks and whose
    # comments are ``div.post-comment`` blocks under them (posters linked to their profiles);
    # schema.org marks the answers.
    posts = "".join(f'<div class="answer-block" itemscope itemtype="http://schema.org/Answer">'
                    f'<div class="post-text"><a href="/users/4{len(w)}/ann">ann</a><p>{w}</p></div>'
                    + "".join(f'<div class="post-comment"><p class="commenttext">{c}</p></div>'
                              for c in _WORDS[3:5]) + "</div>" for w in _WORDS[:3])
    question = '<div class="question"><div class="post-text"><a href="/users/7/bo">bo</a><p>How do I reset the trail app?</p></div></div>'
    label, n, known, _ = marked_units(question + posts)
    assert (n, known) == (4 + 6, False) and "post-comment" in label


def test_schema_org_answers_name_a_q_and_a_page_nothing_read():
    html = "".join(f'<div itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">'
                   f'<div itemprop="text">{w}</div></div>' for w in _WORDS[:2])
    assert ("schema.org answers", 2) in guess_systems(html)


@pytest.mark.parametrize("pagination, later", [
    ('<div class="pagination">25 posts &bull; Page <strong>2</strong> of <strong>4</strong></div>', True),
    ('<div class="pagination">25 posts &bull; Page <strong>1</strong> of <strong>4</strong></div>', False),
    ('<div class="pages top"><a href="?p=1" title="First page">«</a><a href="?p=4" title="Previous page">‹</a></div>',
     True),
    ('<div class="pages"><a href="?p=2" title="Next page">›</a></div>', False),
    ('<nav class="page-nav"><a rel="prev" href="?p=1">‹</a></nav>', True),
])
def test_a_topics_own_pagination_says_a_later_page(pagination, later):
    from therapy_threads.readers.comments.base import Page
    from therapy_threads.readers.comments.dom import Attrs
    from therapy_threads.readers.comments.systems.topic_page import states_later_page
    from therapy_threads.readers.html_page import parse_html

    tree = parse_html(f"<html><body>{pagination}<div class='posts'></div></body></html>")
    page = Page(root=tree.root, attrs=Attrs(), url=None, languages=("en",))
    assert states_later_page(page) is later


def test_a_topic_with_only_its_opening_post_is_not_unread_markup():
    html = ('<div class="kbody"><table class="kmsg kpublished"><tr><td class="kmessage-left">'
            f'<div class="kmsgtext">{_WORDS[0]}</div></td></tr></table></div>')
    assert guess_systems(html) == []


def test_a_forums_reply_blocks_are_its_posts_not_comments_under_them():
    posts = "".join(f'<div class="topic-reply" id="message{300 + i}"><a href="/members/m{i}">m{i}</a>'
                    f'<p>{w}</p></div>' for i, w in enumerate(_WORDS[:4]))
    assert marked_units(posts)[1] == 4
