"""The independent count of comment-like units ("nothing lost"), on synthetic pages.

``declared.unit_ids`` counts, per system, the one marker its own template prints once per post or
comment (distinct numbers, so a post's several ids and its quoted permalinks count once); a page
whose reader read or skipped fewer than the system marking the most warns
``comment_markup_unread`` with the guessed system and both counts. Also: Tapatalk's opening post
(``i#pfirst``) is the topic, and a ping whose excerpt opens with a date is still a pingback.
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape
from test_readers_forums import _phpbb

from therapy_threads.readers.comments.declared import COMMENT_IDS, unit_ids


def _counts(html: str) -> dict[str, int]:
    return {k: len(v) for k, v in unit_ids(html).items()}


_QUOTE_LINK = '<cite><a href="./viewtopic.php?p=11#p11">Ada wrote</a></cite>'


@pytest.mark.parametrize("html, expected", [
    # phpBB 3 prosilver: div#pN.post and div#post_contentN are one post; quotes link, not mark
    ("".join(f'<div id="p{n}" class="post bg2"><div id="post_content{n}">{_QUOTE_LINK}</div></div>'
             for n in (11, 12, 13)), {"phpbb/fluxbb (div#pN.post)": 3}),
    # phpBB 3 subsilver2 anchors; FluxBB's div#pN.blockpost
    ('<a name="p5"></a><a name="p6"></a>', {"phpbb/fluxbb (div#pN.post)": 2}),
    ('<div id="p7" class="blockpost rowodd"></div><div id="p8" class="blockpost roweven"></div>',
     {"phpbb/fluxbb (div#pN.post)": 2}),
    # vBulletin 3/4 postbit
    ('<table id="post5"><tr><td><div id="post_message_5">a</div></td></tr></table>'
     '<div id="post_message_6">b</div>', {"vbulletin (post_message_N)": 2}),
    # vBulletin 4 / MyBB / Discourse (not Discourse's small-action notes: "closed this topic")
    ('<li id="post_3" class="postbitlegacy"></li><div id="post_4" class="topic-post"></div>'
     '<article id="post_5" class="small-action onscreen-post"></article>',
     {"vbulletin/mybb/discourse (post_N)": 2}),
    # XenForo 1 and 2
    ('<li id="post-21" class="message"></li><li id="post-22" class="message"></li>',
     {"xenforo (post-N)": 2}),
    ('<article class="message" data-content="post-31" id="js-post-31"></article>'
     '<article class="message" data-content="post-32" id="js-post-32"></article>',
     {"xenforo (post-N)": 2, COMMENT_IDS: 2}),
    # SMF: div#msgN, a#msgN and div#msg_N are one post
    ('<a id="msg41"></a><div id="msg_41"></div><a id="msg42"></a><div id="msg_42"></div>',
     {"smf (msgN)": 2}),
    # Invision 4 and 3
    ('<article id="elComment_51"></article><article id="elComment_52"></article>',
     {"invision (elComment_N)": 2}),
    ('<a id="entry61"></a><div id="post_id_61" class="post_block"></div><a id="entry62"></a>',
     {"invision (post_id_N)": 2}),
    # Vanilla; a rendered Disqus thread
    ('<li id="Comment_71" class="Item"></li><li id="Comment_72" class="Item"></li>',
     {"vanilla (Comment_N)": 2}),
    ('<li class="post" id="post-81"></li><li class="post" id="post-82"></li>',
     {"disqus (li.post#post-N)": 2}),
    # WordPress comments
    ('<li id="li-comment-9"><div id="div-comment-9"></div></li><li id="comment-10"></li>',
     {COMMENT_IDS: 2}),
    # Not posts: a blog's own article#post-N, numbered paragraphs, a div#pN without a post class,
    # permalinks to posts
    ('<article id="post-1" class="post hentry"></article><p id="p1">x</p><p id="p2">y</p>'
     '<div id="p3" class="section"></div><a href="#p4">link</a><a href="#post_message_5">l</a>',
     {}),
])
def test_unit_ids_count_one_marker_per_post(html, expected):
    assert _counts(html) == expected


_ODD = ('<div id="p104" class="post bg1"><div class="inner"><span class="who">cy_person</span>'
        '<div id="post_content104"><div class="msg">Also check the fuse box.</div></div></div></div>')


def _topic(*posts: str) -> str:
    return ('<div class="pagination">4 posts &bull; Page <strong>1</strong> of <strong>1</strong></div>'
            + _phpbb(101, "topic_starter", "How do I switch the lights off?")
            + _phpbb(102, "ada_example", "Try the second setting.")
            + _phpbb(103, "bea_sample", "That did it.", quote="Try the second setting.")
            + "".join(posts))


def test_a_topic_read_in_full_says_nothing():
    r = read_page(_topic())
    assert len(r.comments) == 2
    assert "comment_markup_unread" not in codes(r)


def test_a_post_the_reader_misses_is_said_with_the_system_and_both_counts():
    r = read_page(_topic(_ODD))
    assert [c.text for c in r.comments] == ["Try the second setting.", "That did it."]
    [msg] = [i.message for i in r.issues if i.code == "comment_markup_unread"]
    assert "phpbb/fluxbb (div#pN.post)" in msg
    assert "4 post(s)/comment(s) are marked" in msg and "3 were read or skipped" in msg
    assert "2 extracted" in msg and "1 may be lost" in msg


def _numbered(pid: int, n: int, name: str, words: str, first: bool = False) -> str:
    # Tapatalk's hosted phpBB prints ``i#pfirst`` beside the opening post's ``i#p{ID}`` anchor;
    # here in posts known only by their "#N" permalinks (utility classes, no named parts).
    return (f'<div class="p-4 border-b"><i id="p{pid}"></i>' + ('<i id="pfirst"></i>' if first else "")
            + f'<div class="flex gap-2"><span class="font-bold">{name}</span>'
            f'<time datetime="2006-08-0{n}T22:13">Aug 0{n}, 2006</time><a href="#p{pid}">#{n}</a></div>'
            f'<div class="text-base">{words}</div></div>')


_THREAD = (_numbered(101, 1, "Topic Starter", "What should I look for in a new fish?", first=True)
           + _numbered(102, 2, "Ada Example", "Check the water first.")
           + _numbered(103, 3, "Bea Sample", "And the filter, every week."))


def test_an_opening_post_marked_pfirst_is_the_topic_not_a_reply():
    r = read_page(f'<div class="flex flex-col">{_THREAD}</div>')
    assert [c.text for c in r.comments] == ["Check the water first.", "And the filter, every week."]
    assert not r.quarantine
    # without the marker the "#1" then "#2" permalinks still tell the topic (vBulletin 4, NodeBB, XenForo,
    # MyBB and Invision number the opening post #1: tests/test_readers_h38_kinds.py)
    r = read_page('<div class="flex flex-col">' + _THREAD.replace('<i id="pfirst"></i>', "") + "</div>")
    assert [c.text for c in r.comments] == ["Check the water first.", "And the filter, every week."]


def _wp(i: int, name: str, words: str) -> str:
    return (f'<li class="alt" id="comment-{i}"><div class="cmtinfo"><em>on 25 Oct 2012 at 7:1{i} pm</em>'
            f'<small class="commentmetadata"><a href="#comment-{i}"><span class="commentnum">{i}</span>'
            f"</a></small><cite><a href='http://example.org/{i}' rel='external nofollow' class='url'>"
            f"{name}</a></cite></div><p>{words}</p></li>")


def test_a_ping_whose_excerpt_opens_with_a_date_is_a_pingback_not_an_empty_comment():
    r = read_page('<h3 id="comments">3 Responses to &#8220;Soup&#8221;</h3><ol class="commentlist">'
                  + _wp(1, "Other Blog &raquo; Soup Again", "[...] 2012 Oct 25. The soup and the bread. [...]")
                  + _wp(2, "Ada Example", "I like the soup very much, thanks.")
                  + _wp(3, "Bea Sample", "Same here, it keeps a week.") + "</ol>")
    assert shape(r) == [("I like the soup very much, thanks.", 0, None, "Ada Example"),
                        ("Same here, it keeps a week.", 0, None, "Bea Sample")]
    assert not r.quarantine
    assert not {"comments_without_text", "fewer_comments_than_declared"} & set(codes(r))


def _smf_row(n: int, name: str, words: str, reply: bool = True) -> str:
    # A forum printing SMF's ``a[name=msgN]`` anchor per post; the replies marked as schema.org
    # Comments, the opening post (the topic) not.
    head = ('<tbody itemprop="comment" itemscope itemtype="https://schema.org/Comment">' if reply
            else "<tbody>")
    who = (f'<span itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" '
           f'content="{name}"></span><meta itemprop="datePublished" content="2023-12-0{n}T20:43:15Z">'
           if reply else "")
    words_prop = "itemprop=text" if reply else ""
    return (f'{head}<tr><td class="bold l pu"><a name="{1000 + n}"></a><a name="msg{1000 + n}"></a>{who}'
            f'<a href="/77/soup-topic#{1000 + n}">Re: Soup</a> by <a href="/{name.lower()}" class=user>{name}</a>: '
            f'<span class=s><b>9:4{n}pm</b> On <b>Dec 0{n}</b>, <b>2023</b></span></td></tr>'
            f'<tr><td id="pb{1000 + n}" class="l w pd"><div class=narrow {words_prop}>{words}</div></td></tr></tbody>')


def test_a_forums_markers_count_its_opening_post_which_is_the_post():
    rows = [_smf_row(1, "Starter", "How long does soup keep?", reply=False),
            _smf_row(2, "AdaEx", "A week in the fridge."), _smf_row(3, "BeaSa", "Freeze it in portions."),
            _smf_row(4, "CyPer", "Five days at most.")]
    r = read_page('<table summary="posts">' + "".join(rows) + "</table>")
    assert len(r.comments) == 3
    assert "comment_markup_unread" not in codes(r)
    # a reply the reader does not take (not marked as a Comment) is said
    rows[3] = _smf_row(4, "CyPer", "Five days at most.", reply=False)
    r = read_page('<table summary="posts">' + "".join(rows) + "</table>")
    assert len(r.comments) == 2
    [msg] = [i.message for i in r.issues if i.code == "comment_markup_unread"]
    assert "smf (msgN): 3 post(s)/comment(s) are marked in the page besides the opening post" in msg
    assert "2 were read or skipped" in msg
