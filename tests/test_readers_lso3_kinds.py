"""Kinds the engine-blind readers must cope with on systems they do not know (leave-system-out),
on synthetic pages (invented names and words):

* a Q&A comment's signature on the line of its words ("WORDS – NAME DATE", Stack Exchange's
  comment template and its mirrors): the date shown twice (a hidden machine value and a visible
  ``span[title=ISO]``), the name a link or bare text; name and date go to the fields, the
  separator left dangling goes too;
"""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

from therapy_threads.readers.comments.cleanup import clean_comment_text

_QA = ["Which error do you see when the form is sent?",
       "Did you check the path of the config file first?",
       "Thanks for the pointer, that solved it.",
       "The fourth argument is missing in your call."]


def _qa_comment(words: str, name: str, linked: bool, day: int) -> str:
    who = (f'<span itemprop="author"><a itemprop="name" href="/users/{day}/">{name}</a></span>'
           if linked else name)
    return (f'<div itemprop="comment" class="post-comment"><div class="row"><div class="col-1">'
            f'<span class="text-secondary"> 0</span></div><div class="col-11"><p class="commenttext">'
            f'<span class="post-text">{words}</span> &ndash; <span class="text-secondary"><small>{who} '
            f'<span title="2019-03-{day:02d} 09:15:51">{day} Mar 19</span><span class="d-none" '
            f'itemprop="dateCreated" datetime="2019-03-{day:02d} 09:15:51">2019-03-{day:02d} 09:15:51'
            f'</span></small></span></p></div></div></div>')


def test_a_qa_comment_signature_on_the_words_line_goes_to_the_fields():
    r = read_page('<div class="comments">' + "".join(
        _qa_comment(w, n, linked, i + 10) for i, (w, n, linked) in enumerate(
            [(_QA[0], "Orwen Tasky", True), (_QA[1], "Brannoch", True),
             (_QA[2], "user4417021", False), (_QA[3], "Kelda Vane", True)])) + "</div>")
    assert shape(r) == [(_QA[0], 0, None, "Orwen Tasky"), (_QA[1], 0, None, "Brannoch"),
                        (_QA[2], 0, None, "user4417021"), (_QA[3], 0, None, "Kelda Vane")]
    assert [c.published_local[:10] for c in r.comments] == [
        "2019-03-10", "2019-03-11", "2019-03-12", "2019-03-13"]


def test_words_beside_the_date_in_its_line_are_no_name():
    # The bare text beside the date is a sentence, not a name: it stays the commenter's.
    body = "".join(
        f'<div itemprop="comment" class="post-comment"><p class="commenttext">'
        f'<span class="post-text">{w}</span> <small>we met there, and it rained '
        f'<span title="2019-03-{10 + i} 09:15:51">{10 + i} Mar 19</span></small></p></div>'
        for i, w in enumerate(_QA[:3]))
    r = read_page('<div class="comments">' + body + "</div>")
    assert all("we met there, and it rained" in c.text for c in r.comments)


@pytest.mark.parametrize("text, expected", [
    ("Which error do you see? –", "Which error do you see?"),
    ("Which error do you see? —", "Which error do you see?"),
    ("Which error do you see? |", "Which error do you see?"),
    ("Which error – the first one?", "Which error – the first one?"),  # inside: words
    ("It went from 3 to 5 –– a jump", "It went from 3 to 5 –– a jump"),
    ("Count: 3-", "Count: 3-"),  # a hyphen glued to the word is the commenter's
])
def test_a_dangling_separator_at_the_end_of_the_words_goes(text, expected):
    assert clean_comment_text(text) == expected


# --- posts known by their "#N" permalinks (numbered-posts): the poster's box beside the words,
# the header of the date and the number only, the reply's subject line, the topic's lead post.

_FORUM = ["I started this topic to ask about the ferry times in winter.",
          "The ferry runs twice a day from November, mornings and evenings.",
          "Thanks, the evening one suits me better anyway.",
          "Note that the Sunday ferry is cancelled in January."]
_TOPIC = "Ferry times in winter"


def _vb_post(n: int, name: str, words: str, subject: str = "") -> str:
    pid = 5000 + n
    head = f'<h2 class="title icon">{subject}</h2>' if subject else ""
    return (f'<li class="postbitlegacy postcontainer" id="post_{pid}"><div class="posthead">'
            f'<span class="postdate"><span class="date">03-0{n}-2016, <span class="time">05:2{n} PM'
            f'</span></span></span> <span class="nodecontrols"><a name="post{pid}" '
            f'href="showthread.php?p={pid}#post{pid}" class="postcounter">#{n}</a></span></div>'
            f'<div class="postdetails"><div class="userinfo"><div class="username_container">'
            f'<a class="username" href="member.php/{pid}-{name}"><strong>{name}</strong></a></div>'
            f'<span class="usertitle"> Senior Member </span><dl class="userinfo_extra"><dt>Join Date</dt>'
            f'<dd>Jan 2010</dd><dt>Posts</dt><dd>1,20{n}</dd></dl></div><div class="postbody">'
            f'<div class="postrow">{head}<div class="content"><div id="post_message_{pid}">'
            f'<blockquote class="postcontent restore">{words}</blockquote></div></div></div></div></div>'
            f'</li>')


def test_numbered_posts_leave_the_posters_box_and_the_reply_subject_out_of_the_words():
    posts = [_vb_post(1, "Ysolde", _FORUM[0]), _vb_post(2, "Marrek", _FORUM[1], "Re: " + _TOPIC),
             _vb_post(3, "Ysolde", _FORUM[2], "AW: " + _TOPIC), _vb_post(4, "Tobin", _FORUM[3])]
    r = read_page('<ol id="posts">' + "".join(posts) + "</ol>", head=f"<title>{_TOPIC}</title>")
    # "#1" is the topic's own post; the replies' words are the words alone, the name from the box.
    assert shape(r) == [(_FORUM[1], 0, None, "Marrek"), (_FORUM[2], 0, None, "Ysolde"),
                        (_FORUM[3], 0, None, "Tobin")]


def test_a_reply_subject_not_after_the_topic_is_the_posters_words():
    posts = [_vb_post(1, "Ysolde", _FORUM[0]), _vb_post(2, "Marrek", _FORUM[1]),
             _vb_post(3, "Ysolde", "Re: the Sunday boat\nIs that the one at nine?")]
    r = read_page('<ol id="posts">' + "".join(posts) + "</ol>", head=f"<title>{_TOPIC}</title>")
    assert [t for t, _, _, _ in shape(r)][-1].startswith("Re: the Sunday boat")


def _bbp_post(pid: int, kind: str, name: str, words: str) -> str:
    return (f'<li><div id="post-{pid}" class="bbp-reply-header"><div class="bbp-meta">'
            f'<span class="bbp-reply-post-date">2021-05-2{pid % 10} at 3:49 pm</span> '
            f'<a href="https://forum.example/forums/topic/ferry/#post-{pid}" class="bbp-reply-permalink">#{pid}</a>'
            f'</div></div><div class="post-{pid} {kind} type-{kind} status-publish hentry">'
            f'<div class="bbp-reply-author"><a href="https://forum.example/members/{name.lower()}/" '
            f'class="bbp-author-link"><span class="bbp-author-name">{name}</span></a>'
            f'<div class="bbp-author-role">Participant</div></div><div class="bbp-reply-content">'
            f'<p>{words}</p></div></div></li>')


def test_a_lead_post_of_another_post_type_than_the_replies_is_the_topic():
    posts = [_bbp_post(7010, "topic", "Ysolde", _FORUM[0]), _bbp_post(7011, "reply", "Marrek", _FORUM[1]),
             _bbp_post(7018, "reply", "Ysolde", _FORUM[2]), _bbp_post(7020, "reply", "Tobin", _FORUM[3])]
    r = read_page('<ul class="forums bbp-replies">' + "".join(posts) + "</ul>")
    assert shape(r) == [(_FORUM[1], 0, None, "Marrek"), (_FORUM[2], 0, None, "Ysolde"),
                        (_FORUM[3], 0, None, "Tobin")]
    # All of one type: the first is a reply like the others.
    r = read_page('<ul class="forums bbp-replies">' + "".join(
        _bbp_post(7010 + i, "reply", n, w) for i, (n, w) in enumerate(
            [("Ysolde", _FORUM[0]), ("Marrek", _FORUM[1]), ("Tobin", _FORUM[3])])) + "</ul>")
    assert [t for t, _, _, _ in shape(r)] == [_FORUM[0], _FORUM[1], _FORUM[3]]


# --- replies that name their parent by its post id in an attribute of an "in reply to" button
# (NodeBB's ``[component=post/parent][data-parent-pid]``, Persona's ``a[data-topid]``), read by the
# generic reader: the post's own id is its ``data-pid``.

def _nb_post(pid: int, name: str, words: str, to: int | None = None, how: str = "preview") -> str:
    parent = ""
    if to and how == "preview":
        parent = (f'<div component="post/parent" data-parent-pid="{to}" class="btn btn-ghost">'
                  f'<span>@someone</span></div>')
    elif to:
        parent = f'<a component="post/parent" class="btn" data-topid="{to}" href="/post/{to}">@someone</a>'
    return (f'<li component="post" data-pid="{pid}" itemprop="comment" itemtype="http://schema.org/Comment"'
            f' itemscope>{parent}<a class="avatar-block" href="/user/{name.lower()}"><span class="avatar">'
            f'{name[0]}</span><span component="user/status" class="status offline"><span '
            f'class="visually-hidden">Offline</span></span></a><div class="post-header"><a class="fw-bold" '
            f'href="/user/{name.lower()}" data-username="{name}">{name}</a> <span class="timeago" '
            f'title="2024-04-1{pid % 10}T11:12:22.000Z"></span></div><div component="post/content" '
            f'class="content"><p>{words}</p></div><div class="post-footer"><a href="#" '
            f'component="post/reply">Reply</a></div></li>')


@pytest.mark.parametrize("how", ["preview", "button"])
def test_a_reply_to_button_naming_the_parents_post_id_nests_the_reply(how):
    posts = [_nb_post(801, "Ysolde", _FORUM[1]), _nb_post(802, "Marrek", _FORUM[2], 801, how),
             _nb_post(803, "Tobin", _FORUM[3]), _nb_post(804, "Ysolde", _FORUM[0], 803, how)]
    r = read_page('<ul component="topic">' + "".join(posts) + "</ul>")
    assert shape(r) == [(_FORUM[1], 0, None, "Ysolde"), (_FORUM[2], 1, _FORUM[1], "Marrek"),
                        (_FORUM[3], 0, None, "Tobin"), (_FORUM[0], 1, _FORUM[3], "Ysolde")]


def test_an_attribute_that_names_the_post_itself_or_a_later_one_is_no_parent():
    # Every post's button names its own id (a reply form's target): no reply structure.
    posts = [_nb_post(801, "Ysolde", _FORUM[1], 801), _nb_post(802, "Marrek", _FORUM[2], 802),
             _nb_post(803, "Tobin", _FORUM[3], 803)]
    r = read_page('<ul component="topic">' + "".join(posts) + "</ul>")
    assert [d for _, d, _, _ in shape(r)] == [0, 0, 0]


# --- a review or Q&A widget's entries: the name and date parts namespaced by the widget or the
# entry's kind ("xyz-user-name", "answer-date"), the helpfulness vote line under the words.

def _qa_answer(name: str, words: str, day: int) -> str:
    return (f'<div class="rvw-comment-box rvw-comment" data-answer-id="{day}"><div class="rvw-header">'
            f'<div class="rvw-header-element"><span class="y-label rvw-user-name">{name}</span></div>'
            f'<div class="rvw-header-element"><span class="y-label answer-date">11/{day}/21</span></div></div>'
            f'<div class="rvw-main"><div class="content-answer">{words}</div></div><div class="rvw-footer">'
            f'<div class="rvw-helpful"><span class="y-label">Was this answer helpful?</span> '
            f'<span class="vote-sum">0</span> <span class="vote-sum">1</span></div></div></div>')


def test_a_widgets_namespaced_name_and_date_parts_and_its_helpful_line_are_no_words():
    r = read_page('<div class="rvw-widget">' + "".join(
        _qa_answer(n, w, d) for n, w, d in [("Bakery Team", _FORUM[1], 18), ("Orwen T.", _FORUM[2], 19),
                                             ("Bakery Team", _FORUM[3], 20)]) + "</div>")
    assert shape(r) == [(_FORUM[1], 0, None, "Bakery Team"), (_FORUM[2], 0, None, "Orwen T."),
                        (_FORUM[3], 0, None, "Bakery Team")]


@pytest.mark.parametrize("line, counter", [
    ("Was this answer helpful? 0 0", True),
    ("Was this review helpful? Yes (3) No (1)", True),
    ("Helpful? Yes (3) No (0)", True),
    ("12 people found this helpful", True),
    ("War diese Bewertung hilfreich? Ja (2) Nein (0)", True),
    ("Helpful", False),  # a word alone, maybe the commenter's
    ("Was this helpful to you, Maria? I hope so", False),
])
def test_a_helpfulness_vote_line_is_a_counter(line, counter):
    from therapy_threads.readers.comments.cleanup import is_counter_line
    assert is_counter_line(line) is counter


# --- a quote of another post attributed by a <cite> before its blockquote (FluxBB's and PunBB's
# ``div.quotebox`` > ``<cite>NAME wrote:</cite>`` + ``<blockquote>``): the quoted words are not the
# commenter's, nested quotes included.

def test_a_quote_attributed_by_a_cite_before_its_blockquote_is_not_the_words():
    quote = ('<div class="quotebox"><cite>Marrek wrote:</cite><blockquote><div><div class="quotebox">'
             f'<cite>Ysolde wrote:</cite><blockquote><div><p>{_FORUM[0]}</p></div></blockquote></div>'
             f'<p>{_FORUM[1]}</p></div></blockquote></div>')
    body = "".join(
        f'<div class="comment" id="comment-{i}"><span class="comment-author">{n}</span>'
        f'<div class="comment-content">{q}<p>{w}</p></div></div>'
        for i, (n, q, w) in enumerate([("Ysolde", "", _FORUM[0]), ("Marrek", "", _FORUM[1]),
                                       ("Tobin", quote, _FORUM[3])], 1))
    r = read_page('<div class="comments">' + body + "</div>")
    assert [t for t, _, _, _ in shape(r)] == [_FORUM[0], _FORUM[1], _FORUM[3]]
    # A cite that says no verb of saying is the commenter's own (a book's title before a quote).
    r = read_page('<div class="comments">' + "".join(
        f'<div class="comment" id="comment-{i}"><span class="comment-author">{n}</span>'
        f'<div class="comment-content"><cite>The Ferryman, ch. {i}</cite><blockquote>{w}</blockquote>'
        f'</div></div>' for i, (n, w) in enumerate([("Ysolde", _FORUM[0]), ("Tobin", _FORUM[3])], 1))
        + "</div>")
    assert all("The Ferryman" in t for t, _, _, _ in shape(r))


def test_words_that_hold_other_posts_numbered_permalinks_are_not_taken_past_the_box():
    # A floor whose element after the poster's box also holds replies numbered "#2-1": that
    # element is several posts, so the post's words are not narrowed to it.
    from selectolax.lexbor import LexborHTMLParser

    from therapy_threads.readers.comments.base import Page
    from therapy_threads.readers.comments.dom import Attrs
    from therapy_threads.readers.comments.systems.numbered_posts import past_poster_box

    def words_of(inner: str) -> str:
        root = LexborHTMLParser(f'<div id="w"><div class="box"><a href="/user/ysolde">Ysolde</a>'
                                f'<span>Member</span></div><div class="inner">{inner}</div></div>').root
        page = Page(root=root, attrs=Attrs(), url=None, languages=("en",), raw_ids=None)
        return page.attrs.id(past_poster_box(page, root.css_first("#w"))) or "inner"

    assert words_of(f"<p>{_FORUM[1]}</p>") == "inner"
    assert words_of(f'<p>{_FORUM[1]}</p><div><a href="#post_9">#2-1</a> {_FORUM[2]}</div>') == "w"
