"""Kinds first seen in heldout27, on synthetic pages.

* Flarum's no-script copy of a discussion (``noscript#flarum-content``,
  ``views/frontend/content/discussion.blade.php``): one ``article`` (before 1.7 a ``div``) per post
  with ``h3.PostUser-name`` and ``div.Post-body``, no ids; a reply names the post it answers with
  the mentions extension's ``a.PostMention`` linking ``/d/{id}-{slug}/{number}``. Posts are numbered
  by their place, 20 a page.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

_URL = "https://forum.example.org/d/77-a-soup"


def _post(name: str, body: str, *, old: bool = False) -> str:
    head = f"<h3>{name}</h3>" if old else f'<div class="PostUser"><h3 class="PostUser-name">{name}</h3></div>'
    tag = "div" if old else "article"
    return f'<{tag}>{head}<div class="Post-body">{body}</div></{tag}><hr>'


def _mention(number: int, name: str) -> str:
    return (f'<a href="{_URL}/{number}" class="PostMention" data-id="{900 + number}">'
            f'<i class="icon fas fa-reply"></i>{name}</a>')


def _flarum(posts: str, *, links: str = "") -> str:
    return ('<div id="app" class="App"><main class="App-content"><div id="content"></div>'
            '<noscript id="flarum-content"><div class="container"><h1>A soup</h1>'
            f"<div>{posts}</div>{links}</div></noscript></main></div>")


def _thread(old: bool = False) -> str:
    return (_post("Ada Example", "<p>How long does the soup keep?</p>", old=old)
            + _post("Bea Sample", f"<p>{_mention(1, 'Ada Example')} A week in the fridge.</p>", old=old)
            + _post("Cora Owner", f"<p>{_mention(2, 'Bea Sample')} Only five days, I think.</p>", old=old)
            + _post("Ada Example", f"<p>{_mention(3, 'Cora Owner')} Thanks, both of you.</p>", old=old)
            + _post("Dan Person", "<p>Freeze it in portions.</p>", old=old))


_EXPECTED = [
    ("A week in the fridge.", 0, None, "Bea Sample"),
    ("Only five days, I think.", 1, "A week in the fridge.", "Cora Owner"),
    ("Thanks, both of you.", 2, "Only five days, I think.", "Ada Example"),
    ("Freeze it in portions.", 0, None, "Dan Person"),
]


def test_flarum_server_copy_threads_replies_by_their_post_mentions():
    r = read_page(_flarum(_thread()), url=_URL)
    assert shape(r) == _EXPECTED
    assert "comment_markup_unread" not in codes(r)


def test_flarum_server_copy_before_1_7_prints_div_and_bare_h3():
    assert shape(read_page(_flarum(_thread(old=True)), url=_URL)) == _EXPECTED


def test_flarum_server_copy_second_page_numbers_posts_from_21():
    posts = (_post("Ada Example", "<p>Twenty-first post.</p>")
             + _post("Bea Sample", f"<p>{_mention(21, 'Ada Example')} An answer to it.</p>")
             + _post("Cora Owner", f"<p>{_mention(5, 'Dan Person')} An answer to page one.</p>"))
    links = f'<a href="{_URL}">&laquo; Previous Page</a>'
    assert shape(read_page(_flarum(posts, links=links), url=_URL + "?page=2")) == [
        ("Twenty-first post.", 0, None, "Ada Example"),
        ("An answer to it.", 1, "Twenty-first post.", "Bea Sample"),
        ("An answer to page one.", 0, None, "Cora Owner"),
    ]


# A React forum with generated class names (styled-components): nothing names a post but the
# screen-reader label of its reply button.
def _react_post(key: str, name: str, words: str, cls: str = "sc-aXz kQw") -> str:
    return (f'<div class="{cls}"><div id="{key}" class="sc-ksP kKP"><div class="sc-hd hdA"><div class="sc-bYt hjQ">'
            '<img alt="avatar" src="https://img.example/a.png"><div class="sc-eT hjq">'
            f'<div class="sc-jQb kdF">{name}</div><div class="sc-fcm hBx">28/03/2024 at 7:16 pm</div></div></div>'
            '<div class="sc-yM lnN"><button class="sc-dp gSv" type="button" aria-label="Open post actions">'
            '<svg><path d="M1 1"></path></svg></button></div></div>'
            f'<div class="sc-tYq bgQ"><div><p>{words}</p></div></div></div>'
            '<div class="sc-iM dfG"><div class="sc-fV Gxo">0</div>'
            '<button class="MuiButtonBase-root sc-gDq epw" type="button" aria-label="Reply to post">'
            '<span class="MuiButton-label">Reply</span></button></div></div>')


def test_react_forum_posts_known_by_their_reply_buttons_are_read_flat():
    body = ('<main><h1>Soup question</h1><div class="sc-th thr">'
            + _react_post("01HQ0000000000000000000001", "Ada E(12)", "Which soup tonight?", cls="sc-q qQq")
            + _react_post("01HQ0000000000000000000002", "Bea S(40)", "Tomato, surely.")
            + _react_post("01HQ0000000000000000000003", "Cora O(7)", "Leek and potato.")
            + "</div></main>")
    r = read_page(body)
    assert shape(r) == [("Tomato, surely.", 0, None, "Bea S(40)"),
                        ("Leek and potato.", 0, None, "Cora O(7)")]
    assert all(c.published_local and c.published_local.startswith("2024-03-28") for c in r.comments)


def test_react_forum_known_only_by_its_reply_buttons_is_not_a_silent_zero():
    from therapy_threads.readers.comments.markup_guess import guess_systems
    keys = ["01HQ0000000000000000000001", "01HQ0000000000000000000002", "01HQ0000000000000000000003"]
    html = "".join(_react_post(k, f"Poster {i}", "Words of a post.") for i, k in enumerate(keys))
    assert guess_systems(html) == [("unknown (per-comment reply links)", 3)]
    # one reply box of a comment form is not a thread
    assert guess_systems('<form><button type="submit" aria-label="Reply to post">Send</button></form>') == []


# Discourse's crawler view (topics/show.html.erb): the topic's automatic notices are posts of the
# built-in ``system`` user with the action's name after it; they are not comments.
def _crawler_post(n: int, user: str, words: str, *, action: str = "") -> str:
    comment = " itemprop='comment' itemscope itemtype='http://schema.org/Comment'" if n > 1 else ""
    return (f"<div id='post_{n}'{comment} class='topic-body crawler-post'><div class='crawler-post-meta'>"
            "<span class='creator' itemprop='author' itemscope itemtype='http://schema.org/Person'>"
            f"<a itemprop='url' rel='nofollow' href='https://talk.example.org/u/{user}'>"
            f"<span itemprop='name'>{user}</span></a> {action}</span><span class='crawler-post-infos'>"
            f"<time itemprop='datePublished' datetime='2024-03-0{n}T10:00:00Z' class='post-time'>March {n}, 2024, 10:00am</time>"
            f"<span itemprop='position'>{n}</span></span></div>"
            f"<div class='post' itemprop='text'><p>{words}</p></div></div>")


def test_discourse_system_users_topic_notice_is_not_a_comment():
    body = ("<div id='main-outlet'><div itemscope itemtype='http://schema.org/DiscussionForumPosting'>"
            + _crawler_post(1, "ada_example", "How long does the soup keep?")
            + _crawler_post(2, "bea_sample", "A week in the fridge.")
            + _crawler_post(3, "system", "This topic was automatically closed 30 days after the last reply.",
                            action="Closed")
            + "</div></div>")
    r = read_page(body, head='<meta name="generator" content="Discourse 3.3.0">')
    assert shape(r) == [("A week in the fridge.", 0, None, "bea_sample")]


# A board that prints one table row per message (GameFAQs: ``tr`` > ``td.msg`` with the name on a
# menu button carrying ``data-username``, ``span.post_time``, ``div.msg_body`` > ``div.msg_text``
# + ``div.signature``; a quote is ``cite`` "NAME posted..." + ``blockquote``).
def _msg(n: int, name: str, words: str) -> str:
    return (f'<tr><td class="msg" id="message_{5000 + n}"><div class="msg_infobox"><a name="{n}"></a>'
            f'<span class="user"><a data-msgid="{5000 + n}" data-username="{name}" class="name menu_toggle">'
            f'<b>{name}</b> <i class="fa fa-caret-down"></i></a></span>'
            f'<span class="post_time" title="3/2/2024 9:0{n}:00 AM">2 years ago</span>'
            f'<span class="message_num">#{n}</span></div><div class="msg_body_box" id="msg_{n}">'
            f'<div class="msg_body newbeta"><div class="msg_text">{words}</div>'
            f'<div class="signature"><div class="sig_text">Signature of {name}</div></div></div></div></td></tr>')


def test_board_of_one_row_per_message_is_read_flat_without_quotes_and_signatures():
    body = ('<div class="pod board_wrap"><table class="board message msg_list"><tbody>'
            + _msg(1, "AdaExample", "Which soup tonight?<br>")
            + _msg(2, "BeaSample", "Tomato, surely.<br>")
            + _msg(3, "CoraOwner", '<cite data-quote-id="5002">BeaSample posted... </cite><br>'
                   "<blockquote>Tomato, surely.</blockquote>Leek and potato.<br>")
            + "</tbody></table></div>")
    r = read_page(body, url="https://boards.example.org/boards/77-soup/4242")
    assert shape(r) == [("Tomato, surely.", 0, None, "BeaSample"),
                        ("Leek and potato.", 0, None, "CoraOwner")]
    assert "comment_markup_unread" not in codes(r)
