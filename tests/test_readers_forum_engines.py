"""Forum engines and community platforms, synthetic markup modelled on each system's templates
(Vanilla ``writeComment``, WoltLab ``threadPost.tpl``, Inyoka ``forum/topic.html``, SMF 1.1
``Display.template.php``, Kunena blue eagle ``default_message.php``) or served markup (inSided,
HealthUnlocked, FanFiction.Net, a table-layout flat view), the generic forum-post reader, and the
XML empty-element form of non-void elements. Names and words are invented."""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

from therapy_threads.readers.comments.markup_guess import guess_systems
from therapy_threads.readers.html_text import close_empty_elements

POSTS = [("starter_x", "The opening question of the thread."),
         ("ada_example", "A first answer with some words."),
         ("bea_sample", "A second answer, thanks.")]
REPLIES = [("A first answer with some words.", 0, None, "ada_example"),
           ("A second answer, thanks.", 0, None, "bea_sample")]


def read(body: str, url: str | None = None):
    return read_page(body, before="<h1>A thread</h1>", url=url)


def _vanilla(i, name, text):
    item = (f'<li class="Item ItemComment Offline" id="Comment_{700 + i}"><div class="Comment">'
            f'<div class="Options"><a href="#">Flag</a></div><div class="Item-Header CommentHeader">'
            f'<div class="AuthorWrap"><span class="Author"><a href="/profile/{name}" class="Username">'
            f'{name}</a></span><span class="AuthorInfo"><span class="Rank MItem">mod</span></span></div>'
            f'<div class="Meta CommentMeta CommentInfo"><span class="MItem DateCreated"><a href="#" '
            f'class="Permalink"><time datetime="2021-03-0{i + 1}T10:00:00+00:00">March {i + 1}</time>'
            f'</a></span></div></div><div class="Item-BodyWrap"><div class="Item-Body">'
            f'<div class="Message userContent"><blockquote class="Quote UserQuote">Quoted words'
            f'</blockquote><p>{text}</p></div><div class="Reactions"><span>0</span></div></div></div>'
            f'</div></li>')
    if i == 0:
        return (f'<div class="ItemDiscussion"><span class="Author"><a class="Username">{name}</a>'
                f'</span><div class="Message userContent">{text}</div></div>'
                '<ul class="MessageList DataList Comments">')
    return item + ("</ul>" if i == len(POSTS) - 1 else "")


def _woltlab(i, name, text):
    return (f'<li id="post{900 + i}"><article class="wbbPost message" data-post-id="{900 + i}" '
            f'itemscope itemtype="http://schema.org/DiscussionForumPosting"><div class="messageSidebar">'
            f'<div class="messageAuthor"><div class="messageAuthorContainer"><span class="username">'
            f'{name}</span><ul class="messageHeaderMetaData"><li><time datetime="2020-01-0{i + 1}T'
            f'10:00:00+01:00">{i + 1}. Januar 2020</time></li></ul></div></div></div>'
            f'<div class="messageContent"><header class="messageHeader"><ul class="messageStatus">'
            f'<li><span class="badge">Neu</span></li></ul></header><div class="messageBody">'
            f'<div class="messageText"><p>{text}</p></div></div><footer class="messageFooter">'
            f'<span class="icon">more_horiz</span></footer></div></article></li>')


def _inyoka(i, name, text):
    quote = ('<p><a class="crosslink user" href="#">someone</a> schrieb:</p>'
             '<blockquote>Quoted line</blockquote>' if i == 2 else "")
    return (f'<tr id="post-{500 + i}"><td class="author"><p class="username"><a href="/user/{name}/">'
            f'{name}</a></p><p>Anmeldungsdatum:<br>1. Mai 2015</p><p class="posts">Beiträge: '
            f'<a href="#">12</a></p></td><td class="post"><div class="postinfo"><div class="linklist">'
            f'<a class="action action_quote" href="#">Zitieren</a></div><a href="#" title="Permalink">'
            f'<img alt="Beitrag" src="i.gif"></a> 1{i}. Juni 2020 10:42</div><div class="text">'
            f'{quote}<p>{text}</p></div></td></tr>')


def _smf11(i, name, text):
    counter = f"<b>Reply #{i} on:</b>" if i else "<b>on:</b>"
    return (f'<tr><td><a name="msg{300 + i}"></a><table><tr><td class="{"windowbg2" if i % 2 else "windowbg"}">'
            f'<table><tr><td valign="top" rowspan="2"><b><a href="index.php?action=profile;u={i}">'
            f'{name}</a></b><div class="smalltext">Member<br>Posts: 12</div></td>'
            f'<td valign="top"><table><tr><td><div id="subject_{300 + i}"><a href="#">Re: Topic</a>'
            f'</div><div class="smalltext">&#171; {counter} April 0{i + 1}, 2020, 01:28:03 AM &#187;'
            f'</div></td></tr></table><hr><div class="post"><div class="quoteheader">Quote from: '
            f'someone</div><div class="quote">Quoted words</div>{text}</div></td></tr><tr>'
            f'<td class="smalltext">Logged<div class="signature">A standing signature</div></td>'
            f'</tr></table></td></tr></table></td></tr>')


def _kunena(i, name, text):
    return (f'<div class="kcontainer"><div class="kbody"><div class="kmsg-header kmsg-header-left"><h2>'
            f'<span class="kmsgtitle kmsg-title-left">Re: Topic</span><span class="kmsgdate '
            f'kmsgdate-left" title="28 Apr 2019 12:3{i}">1 Jahr her</span><span class="kmsg-id-left">'
            f'<a href="#{800 + i}" id="{800 + i}">#{800 + i}</a></span></h2></div><table class="kmsg">'
            f'<tr><td class="kprofile-left" rowspan="2"><ul class="kpost-profile"><li class="'
            f'kpost-username"><strong><a class="kwho-user" href="/user/{i}">{name}</a></strong></li>'
            f'<li>Beiträge: 6</li></ul></td><td class="kmessage-left"><div class="kmsgbody">'
            f'<div class="kmsgtext">{text}</div></div><div class="kreply-form" style="display:none">'
            f'<form><textarea name="message"></textarea></form></div></td></tr></table></div></div>')


def _insided(i, name, text):
    quote = '<content-quote data-username="x">Quoted words</content-quote>' if i == 2 else ""
    return (f'<div class="post box__pad qa-topic-post-box post--odd" id="post{400 + i}">'
            f'<div class="post__user__info"><div class="reputation"><div>Userlevel 7</div></div>'
            f'<span class="badgeCounter">+8</span></div><div class="post__user__meta"><ul '
            f'class="list text--meta"><li><a href="/members/{name}-1" class="username qa-username">'
            f'{name}</a></li><li><span class="usertitle">Helper</span></li><li>12 replies</li><li>'
            f'<a href="#post{400 + i}" class="post__date"><time datetime="2020-04-1{i}">1 month ago'
            f'</time></a></li></ul></div><div class="post__content">{quote}<p>{text}</p></div>'
            f'<div class="post__footer"><div class="signature">A standing signature</div></div></div>')


def _fanfiction(i, name, text):
    return (f"<tr><td valign=top><img class='round36' src='a.jpg'><a target='forum' id={600 + i} "
            f"href='/u/{i}/{name}'>{name}</a> <p>{text}</p> <span style='float:right'><script>"
            f"render_actions({i});</script></span><small class=xgray><span class=xdate "
            f"data-xutime='1403960043'>6/2{i}/2014</span> . Edited by <a href='/u/1/x'>x</a>, "
            f"<span data-xutime='1505521997'>9/15/2017</span> #{i + 1}</small></td></tr>")


def _forum_posts(i, name, text):
    first = " discussion-post-primary" if i == 0 else " discussion-post-secondary"
    return (f'<li id="discussion-post-{200 + i}" class="discussion-post{first}"><header>'
            f'<div class="discussion-post-meta-info"><a href="/User-Dashboard/{name}" class="PostUser">'
            f'{name}</a><br>Nov 2{i}, 2019 8:18 AM</div></header><div class="discussion-post-body">'
            f'{text}</div><footer><span class="Appreciation"><strong>0</strong><a href="#">'
            f'Appreciate this</a></span></footer></li>')


def _striped_posts(i, name, text):
    return (f'<div class="post-{"odd" if i % 2 else "even"}"><a name="m{i}"></a><div class="user-info">'
            f'<div class="poster"><a class="user-name" href="/community/profile.aspx?m=1&amp;p={i}">'
            f'{name}</a><div class="rank">Forum Moderator</div><div class="posts">Posts : 455</div>'
            f'</div></div><div class="posted">Posted 1/1{i}/2019 9:01 AM</div><div class="post-body">'
            f'{text}<hr class="PostHR">A standing signature<br><span>Moderator of a forum</span></div></div>')


SYSTEMS = [
    ("vanilla", lambda: "".join(_vanilla(i, n, t) for i, (n, t) in enumerate(POSTS))),
    ("woltlab", lambda: '<ul class="wbbThreadPostList messageList">'
     + "".join(_woltlab(i, n, t) for i, (n, t) in enumerate(POSTS)) + "</ul>"),
    ("inyoka", lambda: '<table class="topic"><tbody>'
     + "".join(_inyoka(i, n, t) for i, (n, t) in enumerate(POSTS)) + "</tbody></table>"),
    ("smf", lambda: '<table id="forumposts">'
     + "".join(_smf11(i, n, t) for i, (n, t) in enumerate(POSTS)) + "</table>"),
    ("kunena", lambda: "".join(_kunena(i, n, t) for i, (n, t) in enumerate(POSTS))),
    ("insided", lambda: "".join(_insided(i, n, t) for i, (n, t) in enumerate(POSTS))),
    ("fanfiction", lambda: "<table id='gui_table1i'><tbody>"
     + "".join(_fanfiction(i, n, t) for i, (n, t) in enumerate(POSTS)) + "</tbody></table>"),
    ("forum-posts", lambda: '<ul class="discussion-posts">'
     + "".join(_forum_posts(i, n, t) for i, (n, t) in enumerate(POSTS)) + "</ul>"),
    ("forum-posts", lambda: '<div class="section-body-secondary">'
     + "".join(_striped_posts(i, n, t) for i, (n, t) in enumerate(POSTS)) + "</div>"),
]


@pytest.mark.parametrize("system, body", SYSTEMS, ids=[f"{s}-{i}" for i, (s, _) in enumerate(SYSTEMS)])
def test_forum_posts_are_flat_replies_after_the_opening_post(system, body):
    r = read(body())
    assert shape(r) == REPLIES
    assert r.posts[0].comment_system == system
    for c in r.comments:  # quotes, signatures, badges and counters are not the words
        for furniture in ("Quoted", "signature", "Neu", "more_horiz", "Userlevel", "Posts", "#"):
            assert furniture not in c.text


def test_a_later_page_of_a_thread_holds_only_replies():
    body = '<ul class="discussion-posts">' + "".join(
        _forum_posts(i + 1, n, t) for i, (n, t) in enumerate(POSTS[1:])) + "</ul>"
    body = body.replace("discussion-post-secondary", "")
    r = read(body, url="https://forum.example.org/thread/7?page=2")
    assert shape(r) == REPLIES


def test_blog_posts_on_a_front_page_are_not_a_thread():
    post = ('<div class="post hentry"><h2 class="post-title">Title {k}</h2><div class="post-body '
            'entry-content">Words of a blog post number {k}.</div><span class="post-author">'
            '<a href="/profile/1">Ada Example</a></span></div>')
    r = read("".join(post.format(k=k) for k in range(3)))
    assert r.comments == []


def test_healthunlocked_replies_nest_by_their_wrappers():
    def resp(pid, cls, name, text, inner=""):
        reply_to = ('<div class="response-header__reply-author"><span>in reply to </span>'
                    '<a href="/user/x">x</a></div>' if cls == "sub-comment" else "")
        return (f'<div class="{cls}" id="post-resp-{pid}"><div class="post-response-item"><form>'
                f'<div class="response-header"><div class="response-header__text"><div '
                f'class="response-header__author-content"><a href="/user/{name}">{name}</a>{reply_to}'
                f'</div><div><time title="Friday" dateTime="2019-11-15T14:53:34">11 days ago</time>'
                f'</div></div></div><div class="response-text-content text-content"><p>{text}</p>'
                f'</div><div class="post-media-info"><div>3 likes</div><a href="#">Reply</a></div>'
                f'</form></div>{inner}</div>')
    body = ('<div class="post-responses-list">'
            + resp(1, "top-level-comment", "ada_example", "Top words.",
                   resp(2, "sub-comment", "bea_sample", "Reply words.",
                        resp(3, "", "cem_demo", "Deeper words.")))
            + resp(4, "top-level-comment", "dan_test", "Other top words.") + "</div>")
    assert shape(read(body)) == [("Top words.", 0, None, "ada_example"),
                                 ("Reply words.", 1, "Top words.", "bea_sample"),
                                 ("Deeper words.", 2, "Reply words.", "cem_demo"),
                                 ("Other top words.", 0, None, "dan_test")]


def test_a_flat_table_view_listing_the_newest_first_skips_its_root_message():
    def msg(mid, name, text):
        return (f'<tr id="m{mid}"><td rowspan="3" class="bg_7" nowrap><p><a href="index.php?'
                f'user_profile={mid}">{name}</a></p><p>11.06.2020, 16:2{mid % 10}</p></td><td class="bg_7">'
                f'<strong>A subject</strong></td></tr><tr><td class="forum_message bg_7">{text}</td></tr>'
                f'<tr><td><a href="index.php?refer={mid}&amp;mnr=101&amp;root=101">Antworten</a></td></tr>')
    body = ('<table id="forum_themaflach">' + msg(103, "bea_sample", "A second answer, thanks.")
            + msg(102, "ada_example", "A first answer with some words.")
            + msg(101, "starter_x", "The opening question.") + "</table>")
    assert shape(read(body)) == [("A second answer, thanks.", 0, None, "bea_sample"),
                                 ("A first answer with some words.", 0, None, "ada_example")]


def test_comments_under_an_answer_in_ctn_blocks_reply_to_it():
    body = ('<div itemscope itemtype="http://schema.org/QAPage"><div itemprop="mainEntity" itemscope '
            'itemtype="http://schema.org/Question"><div itemprop="text">A question?</div></div>'
            '<div class="post_list_ctn"><div class="resp_ctn" itemprop="suggestedAnswer" itemscope '
            'itemtype="http://schema.org/Answer"><div class="username"><span itemprop="author" '
            'itemscope itemtype="http://schema.org/Person"><span itemprop="name">ada_example</span>'
            '</span></div><div class="resp_body" itemprop="text">An answer.</div><div class='
            '"comment_list"><div id="post_11" class="comment_ctn"><div class="username"><a '
            'href="/user/2">bea_sample</a></div><div class="comment_body">A comment on it.</div>'
            '</div></div></div></div></div>')
    assert shape(read(body)) == [("An answer.", 0, None, "ada_example"),
                                 ("A comment on it.", 1, "An answer.", "bea_sample")]


def test_an_empty_stray_pingback_item_is_not_the_replies_parent():
    def li(cid, depth, name, text):
        return (f'<li class="comment depth-{depth}" id="li-comment-{cid}"><div class="comment-wrapper" '
                f'id="comment-{cid}"><div class="commentmeta"><cite class="fn">{name}</cite></div>'
                f'<div class="text"><p>{text}</p></div></div>')
    body = ('<ol class="commentlist">' + li(1, 1, "Ada Example", "Top words here.")
            + '<li class="post pingback"><p> </p><ul class="children">'
            + li(2, 2, "Bea Sample", "Reply words here.") + "</li></ul></li>"
            + li(3, 1, "Cem Demo", "Other top words.") + "</li></ol>")
    assert shape(read(body)) == [("Top words here.", 0, None, "Ada Example"),
                                 ("Reply words here.", 1, "Top words here.", "Bea Sample"),
                                 ("Other top words.", 0, None, "Cem Demo")]


@pytest.mark.parametrize("html, expected", [
    ('<iframe src="x"/><p>a</p>', '<iframe src="x"></iframe><p>a</p>'),
    ('<div class="clear"/>', '<div class="clear"></div>'),
    ('<textarea name="m" rows="6"/>', '<textarea name="m" rows="6"></textarea>'),
    ('<br/><img src="a/b.png"/><hr />', '<br/><img src="a/b.png"/><hr />'),
    ('<a href="/x/y" title="a/>b"/>', '<a href="/x/y" title="a/>b"></a>'),
])
def test_xml_empty_element_forms_of_non_void_elements_are_closed(html, expected):
    assert close_empty_elements(html) == expected


def test_a_self_closed_iframe_does_not_swallow_the_thread():
    body = ('<div><iframe src="//ads.example.org/slider" width="300"/></div>'
            + '<ul class="discussion-posts">'
            + "".join(_forum_posts(i, n, t) for i, (n, t) in enumerate(POSTS)) + "</ul>")
    assert shape(read(body)) == REPLIES


def test_an_unread_forum_table_is_guessed_not_silent():
    row = ('<tr><td class="bg_7"><a href="index.php?user_profile={k}">someone</a></td></tr>'
           '<tr><td class="forum_message bg_7">Words {k}</td></tr>')
    html = "<table>" + "".join(row.format(k=k) for k in range(3)) + "</table>"
    assert guess_systems(html)[0] == ("unknown forum (td.forum_message)", 3)
    blog = ('<div class="post-body entry-content">Words</div><a href="/profile/1">x</a>') * 3
    assert guess_systems(blog) == []
