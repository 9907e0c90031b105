"""Reply parents named only by a class or attribute of the reply, 0-based level classes, and
Livefyre's server-rendered v1 stream (names and ids are synthetic)."""
from __future__ import annotations

import pytest

from therapy_threads.readers.corpus_eval import _match
from pagekit import codes, shape
from test_readers_comment_systems import read


def _li(cid: int, marker: str, name: str, words: str) -> str:
    return (f'<li id="comment-{cid}" class="{marker}"><p class="byline"><span class="user-nick">'
            f'<a href="/user/{cid}">{name}</a></span> Posted: 3/4/2021 7:23am</p>'
            f'<div class="comment-content">{words}</div></li>')


def _div(cid: int, marker: str, name: str, words: str, attr: str = "") -> str:
    return (f'<div id="comment-{cid}" class="comment-item {marker}"{attr}><div class="comment-author">'
            f'{name}</div><div class="comment-text"><p>{words}</p></div></div>')


FLAT = [(101, None, "Ada Example", "The first comment on the post."),
        (102, 101, "Bo Sample", "A reply to the first one."),
        (103, 101, "Cy Person", "Another reply to the first one."),
        (104, None, "Dee Name", "A second top-level comment."),
        (105, 104, "Ed Writer", "An answer to the second comment.")]
EXPECTED = [("The first comment on the post.", 0, None, "Ada Example"),
            ("A reply to the first one.", 1, "The first comment on the post.", "Bo Sample"),
            ("Another reply to the first one.", 1, "The first comment on the post.", "Cy Person"),
            ("A second top-level comment.", 0, None, "Dee Name"),
            ("An answer to the second comment.", 1, "A second top-level comment.", "Ed Writer")]


@pytest.mark.parametrize("marker", [
    "thread thread-{p}",  # a news site's flat list: top-level items name the post (9000)
    "reply-to-{p}",
    "parent-{p}",
    "child-of-{p}",
])
def test_flat_list_with_the_parent_named_in_a_class(marker):
    items = "".join(_li(c, marker.format(p=p or 9000), n, w) for c, p, n, w in FLAT)
    r = read(f'<div id="comments"><ol class="comments">{items}</ol></div>')
    assert shape(r) == EXPECTED


def test_flat_divs_with_the_parent_in_a_data_attribute():
    items = "".join(_div(c, "", n, w, f' data-parent="{p or 0}"') for c, p, n, w in FLAT)
    r = read(f'<div id="comments" class="comments">{items}</div>')
    assert shape(r) == EXPECTED


@pytest.mark.parametrize("numbers", [
    # thread numbers that count threads, one of them the number of a later comment
    {101: 1, 102: 1, 103: 1, 104: 105, 105: 105},
    # a number that names the comment itself
    {101: 101, 102: 101, 103: 103, 104: 104, 105: 104},
])
def test_a_number_class_that_is_no_parent_reference_is_ignored(numbers):
    items = "".join(_li(c, f"thread thread-{numbers[c]}", n, w) for c, p, n, w in FLAT)
    r = read(f'<div id="comments"><ol class="comments">{items}</ol></div>')
    assert [d for _, d, _, _ in shape(r)] == [0, 0, 0, 0, 0]


def test_nesting_wins_over_a_class_number():
    # Markup nesting states the tree; a class number never moves a nested reply.
    r = read('<div id="comments"><ol class="commentlist">'
             '<li id="comment-1" class="comment depth-1"><div class="comment-body"><cite class="fn">Ada</cite>'
             '<p>Top comment words.</p></div><ul class="children">'
             '<li id="comment-3" class="comment depth-2 reply-to-2"><div class="comment-body"><cite class="fn">Bo</cite>'
             '<p>Nested reply words.</p></div></li></ul></li>'
             '<li id="comment-2" class="comment depth-1"><div class="comment-body"><cite class="fn">Cy</cite>'
             '<p>Later top comment.</p></div></li></ol></div>')
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        ("Top comment words.", 0, None), ("Nested reply words.", 1, "Top comment words."),
        ("Later top comment.", 0, None)]


@pytest.mark.parametrize("prefix", ["level", "depth"])
def test_level_classes_counted_from_zero(prefix):
    levels = [0, 1, 2, 1, 0]
    items = "".join(_li(c, f"{prefix}-{lv}", n, w) for (c, _, n, w), lv in zip(FLAT, levels))
    r = read(f'<div id="comments"><ol class="comments">{items}</ol></div>')
    assert [(d, p) for _, d, p, _ in shape(r)] == [
        (0, None), (1, "The first comment on the post."), (2, "A reply to the first one."),
        (1, "The first comment on the post."), (0, None)]


def _lf(cid: int, parent: str, level: int, nick: str, words: str, inner: str = "") -> str:
    return (f'<div class="lf_comment_container lf_level_{level}" id="lf_comment_{cid}" reply_parent="{parent}" '
            f'comment_id="{cid}" ancestor="0"><div class="lf_comment_user" jid="_u{cid}@livefyre.com">'
            f'<a class="lf_user hastooltip" title="Quick profile"><img class="lf_main_avatar" alt="" src="a.jpg"/></a></div>'
            f'<div class="lf_comment"><div class="lf_comment_body"><a rel="nofollow" href="/profile/{cid}/" '
            f'class="lf_comment_user_nick">{nick}</a><span class="lf_comment_user_rating">{cid % 7} pts</span>'
            f'<div class="lf_body"><p>{words}</p></div><div class="lf_comment_attachments"></div></div>'
            f'<div class="lf_comment_footer"><label class="lf_comment_date"></label><a class="lf_share">share</a>'
            f'<a class="lf_flag"><label>flag</label><ul class="lf_flag_box lf_box"><li name="spam">spam</li>'
            f'<li name="offensive">offensive</li></ul></a><a class="lf_like lf_button">Like</a></div></div>'
            f'<span class="lf_comment_divider"></span>{inner}</div>')


@pytest.mark.parametrize("nested", [False, True])
def test_livefyre_v1_server_rendered_stream(nested):
    reply = _lf(12, "11", 2, "second_nick", "A reply that names its parent.")
    first = _lf(11, "", 1, "first_nick", "The only top-level comment here.", reply if nested else "")
    stream = first + ("" if nested else reply) + _lf(13, "", 1, "third_nick", "Another top-level one.")
    r = read('<div id="lf_comment_stream" livefyre_title="A post"><div id="livefyre"><div id="lf_fyre_head">'
             '<div class="lf_head_bar"><label class="lf_comment_count">3 comments</label>'
             '<label class="lf_listener_count">2 people listening</label></div>'
             '<form id="lf_comment_form" comment_id="top"><textarea id="lf_message"></textarea></form>'
             f'<div id="lf_comments">{stream}</div></div></div></div>')
    assert shape(r) == [("The only top-level comment here.", 0, None, "first_nick"),
                        ("A reply that names its parent.", 1, "The only top-level comment here.", "second_nick"),
                        ("Another top-level one.", 0, None, "third_nick")]
    assert r.posts[0].comment_system == "livefyre"
    assert all(c.published_at is None for c in r.comments)  # the date label is empty: no date
    assert "comments_not_extracted" not in codes(r)


@pytest.mark.parametrize("gold,texts,expected", [
    # an image-only comment (the gold's text is empty) whose smiley the reader keeps as its alt
    ([{"snippet": "First words of the thread here"}, {"snippet": ""}],
     ["First words of the thread here", ":-D"], {0: 0, 1: 1}),
    # a smiley inside the words: the gold's text has none
    ([{"snippet": "I would like to know it Yes, really, I would."}],
     ["I would like to know it :)\n\nYes, really, I would."], {0: 0}),
    # the gold's text runs the emoticon into the next paragraph's first word
    ([{"snippet": "It broke again :(Has anyone a copy of it"}],
     ["It broke again :(\n\nHas anyone a copy of it?"], {0: 0}),
    # words are still needed: an emoticon-only comment does not match a gold comment with words
    ([{"snippet": "Some words of a comment"}], [";)"], {}),
])
def test_bench_matching_ignores_emoticons_shown_as_images(gold, texts, expected):
    assert _match(gold, texts) == expected


# Two comments' parts as themes name them: "c-author" / "c-date" / "c-body" ("c" standing for
# "comment"), and a journal's "DATE | NAME" signature line under the words with the name linked to
# a profile.
_PARTS = {
    "short prefix": ('<div id="comments"><ol class="commentlist">{}</ol></div>',
                     '<li class="comment depth-1" id="comment-{i}"><div class="comment-box"><div class="c-grav">'
                     '<img class="avatar" src="a.png" alt=""><div class="c-author">{name}</div>'
                     '<div class="c-date">Aug {i} 2012</div></div><div class="c-body"><p>{words}</p></div></div></li>'),
    "date-first signature": ('<div id="comments" class="journal-comment-area"><h3 class="caption">'
                             'Reader Comments (2)</h3>{}</div>',
                             '<div class="comment-wrapper"><div class="comment" id="comment{i}"><div id="item{i}" '
                             'class="body">{words}</div><div class="signature">Aug {i}, 2012 | <a href="/contributor/{i}" '
                             'title="Unregistered Commenter"><img alt="Unregistered Commenter" src="t.png"/>{name}</a>'
                             '</div></div></div>'),
}


@pytest.mark.parametrize("kind", sorted(_PARTS))
def test_author_and_date_from_a_themes_own_parts(kind):
    outer, item = _PARTS[kind]
    rows = ((8, "A. Example", "Words of the first comment."), (9, "Kim @ A Blog Name", "Words of the second one."))
    r = read(outer.format("".join(item.format(i=i, name=n, words=w) for i, n, w in rows)))
    assert shape(r) == [(w, 0, None, n) for _, n, w in rows]
    assert [c.published_local for c in r.comments] == ["2012-08-08", "2012-08-09"]


def test_a_post_title_with_a_leading_year_states_no_comment_count():
    r = read('<div class="journal-entry"><h2 class="title">2013 World Tour</h2></div>'
             '<div id="comments"><h3 class="caption">Reader Comments (2)</h3>'
             '<div class="comment" id="comment101"><div class="body">First words here.</div></div>'
             '<div class="comment" id="comment102"><div class="body">Second words here.</div></div></div>')
    assert r.posts[0].declared_comment_count == 2
    assert "fewer_comments_than_declared" not in codes(r)


def test_commentluv_line_and_a_handle_under_the_name_are_not_the_comment():
    # CommentLuv's "NAME recently posted..<a>TITLE</a>" after the words; a plugin's "Twitter:
    # handle" line under the name in the author element.
    items = "".join(
        f'<li class="comment depth-1" id="comment-{i}"><div class="comment-body"><span class="comment_author">'
        f'<a href="https://blog.example/{i}" class="url">{name}</a><br>Twitter: <a class="twitter-anywhere-user" '
        f'href="https://twitter.example/h{i}">h{i}</a><br></span><div class="comment-text"><p>{words}<br/>'
        f'<span class="cluv">{name} recently posted..<a href="https://blog.example/{i}/post">A post title</a>'
        f'<span class="heart_tip_box"><img class="heart_tip" alt="profile" src="h.gif"/></span></span></p></div></div></li>'
        for i, name, words in ((1, "Ada @ A Blog", "Words of the first comment."),
                               (2, "Bo Sample", "Words of the second comment.")))
    r = read(f'<div id="comments"><ol class="commentlist">{items}</ol></div>')
    assert shape(r) == [("Words of the first comment.", 0, None, "Ada @ A Blog"),
                        ("Words of the second comment.", 0, None, "Bo Sample")]


def test_an_author_line_whose_link_is_the_time_keeps_the_name():
    # "<cite>Comment by NAME — DATE @ <a>TIME</a></cite>": the line is the name's element, its
    # only link the permalink's time (the first-line rule must not hand the name to the link).
    items = "".join(
        f'<li id="comment-{i}"><p>{words}</p><p><cite>Comment by {name} &#8212; 17.07, 2011 @ '
        f'<a href="#comment-{i}">13:{i}0</a></cite></p></li>'
        for i, name, words in ((1, "Daniel", "Words of the first comment."), (2, "Eva Sample", "Words of the second one.")))
    r = read(f'<div id="comments"><ol class="commentlist">{items}</ol></div>', lang="de")
    assert [n for _, _, _, n in shape(r)] == ["Daniel", "Eva Sample"]


@pytest.mark.parametrize("own_link,declared", [
    ('<a href="https://blog.example/this-post/#comments">2 Comments</a>', 2),
    ("", None),  # only the teaser's count: the page states none of its own
])
def test_a_teasers_reply_count_is_not_this_posts(own_link, declared):
    teaser = ('<div class="related"><h4><a href="https://blog.example/other-post/">Another post</a></h4>'
              '<span>Monday, <a href="https://blog.example/other-post/#comments">36 replies</a></span></div>')
    items = "".join(f'<li class="comment depth-1" id="comment-{i}"><div class="comment-body"><cite class="fn">'
                    f'R{i}</cite><p>Words of comment {i}.</p></div></li>' for i in (1, 2))
    r = read(f'<p class="meta">{own_link}</p>{teaser}<ol class="commentlist">{items}</ol>',
             head='<link rel="canonical" href="https://blog.example/this-post/">')
    assert r.posts[0].declared_comment_count == declared
    assert "fewer_comments_than_declared" not in codes(r)
