"""Forums printed as tables, own-engine forums and ad slots in post lists (issue 12, heldout19).

Synthetic pages (invented names and words) after each system's template: a forum's own table
layout (a poster cell spanning two rows, a words row), header/body row pairs, mwForum 1.x's table
per post with a post icon linking to the parent's anchor, mwForum 2.x ``topic_show.pl``,
MedsChat's numbered replies, vBulletin 4 skins with an advertising pseudo-post, Invision
Community 4's author element with a member group's prefix.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.declared import count_in
from therapy_threads.readers.html_text import fragment_text


def read(body: str, url: str | None = None, lang: str = "en"):
    return read_page(body, before="<h1>A thread</h1>", lang=lang, url=url)


def _rowspan_post(n: int, name: str, text: str, stripe: str) -> str:
    # XHTML-style self-closed anchors and spacers, as a crawler that stores the DOM as XML writes.
    return (f'<tr><td rowspan="2" class="{stripe}"><a name="{n}"/><div class="profile-box">'
            f'<b>{name}</b><br/><span>Regular</span></div></td>'
            f'<td class="{stripe} reply-actions">#{n} erstellt: 2{n}. Apr 2021, 1{n}:05 '
            f'<a href="#top">top</a></td></tr>'
            f'<tr class="posting-row"><td class="{stripe}"><div class="posting-text">{text}</div>'
            f'<div class="clear"/></td></tr>')


def test_rowspan_table_forum_reads_posts_without_the_header_line():
    rows = (_rowspan_post(1, "opener_x", "The question of the thread, asked at length.", "td1")
            + _rowspan_post(2, "ada_example", "A first answer to it.", "td2")
            + '<tr><td colspan="2"><div id="ad-slot-1"></div></td></tr>'
            + _rowspan_post(3, "bea_sample", "Thanks, that helped.", "td1"))
    r = read(f'<table class="tbl"><tr><th>Autor</th><th>Beitrag</th></tr>{rows}</table>',
             lang="de")
    assert shape(r) == [("A first answer to it.", 0, None, "ada_example"),
                        ("Thanks, that helped.", 0, None, "bea_sample")]
    assert r.posts[0].comment_system == "post-table"


def test_header_and_body_row_pairs_with_profile_links():
    def pair(n: int, name: str, text: str) -> str:
        return (f'<tr><td class="bold l"><a name="{900 + n}"></a><a href="/t/1#{900 + n}">Re: A topic</a>'
                f' by <a href="/{name.lower()}" class="user">{name}</a>: <b>9:0{n}am</b> On <b>Apr 2</b>'
                f'</td></tr><tr><td id="pb{900 + n}" class="l w"><div class="narrow">{text}</div></td></tr>')
    r = read('<table summary="posts">' + pair(1, "Opener", "The opening words of the topic.")
             + pair(2, "Replier", "A reply to the topic.") + pair(3, "Second", "Another reply.")
             + "</table>")
    assert shape(r) == [("A reply to the topic.", 0, None, "Replier"),
                        ("Another reply.", 0, None, "Second")]


def _mwf1(pid: int, parent: int, name: str, text: str) -> str:
    return (f"<p><A NAME='{pid}'></A><TABLE width='80%' BGCOLOR='#ccccbb'><TR><TD>"
            f"<TABLE WIDTH='100%'><TR><TD><A HREF='#{parent}'><IMG SRC='post.gif'></A>"
            f"<B>By</B> <A HREF='user_info.pl?id={pid % 7 + 1}'>{name}</A> <B>On</B> 2021.03.0{pid % 9} 10:00"
            f"</TD><TD ALIGN='right'></TD></TR></TABLE></TD></TR>"
            f"<TR bgcolor='#ffffff'><TD>{text}</TD></TR></TABLE>")


def test_table_per_post_forum_reads_the_parent_from_the_post_icon_link():
    menu = ("<TABLE><TR><TD><A HREF='forum_show.pl'>Forum</A> <A HREF='user_login.pl'>Login</A>"
            "</TD></TR><TR><TD>You are not logged in</TD></TR></TABLE>")
    r = read(menu + _mwf1(101, 0, "opener_x", "Has anyone tried the new exercise plan?")
             + _mwf1(102, 101, "ada_example", "Yes, it went well for us.")
             + _mwf1(103, 102, "opener_x", "Good to hear, thank you.")
             + _mwf1(104, 101, "bea_sample", "Not yet, but soon."))
    assert shape(r) == [("Yes, it went well for us.", 0, None, "ada_example"),
                        ("Good to hear, thank you.", 1, "Yes, it went well for us.", "opener_x"),
                        ("Not yet, but soon.", 0, None, "bea_sample")]


def test_links_to_later_posts_are_navigation_not_parents():
    # "next post" links name a later post: the page keeps its posts flat.
    r = read(_mwf1(201, 202, "opener_x", "The opening question.")
             + _mwf1(202, 203, "ada_example", "A first reply.")
             + _mwf1(203, 202, "bea_sample", "A second reply."))
    assert [(t, d) for t, d, _p, _a in shape(r)] == [("A first reply.", 0), ("A second reply.", 0)]


def test_repeated_layout_tables_without_posters_are_not_posts():
    table = ("<table><tr><td><a href='/shop/item{0}'>Item {0}</a></td></tr>"
             "<tr><td>A description of item {0}, in a few words.</td></tr></table>")
    r = read("".join(table.format(i) for i in range(4)))
    assert r.comments == []


def test_a_data_table_with_linked_cells_is_not_a_forum():
    # every row alike, the "poster" a price behind an affiliate link (``u=`` in its query)
    row = ('<tr class="model"><td class="price-sb">{0} GB model</td><td class="price">'
           '<a href="https://shop.example.com/u.cfm?d=5&u=77"><strong>${1}.00*</strong></a></td>'
           '<td class="price"><a href="https://shop.example.com/u.cfm?d=5&u=77">Buy {0}</a></td></tr>')
    r = read("<table>" + "".join(row.format(16 * (i + 1), 100 + i) for i in range(6)) + "</table>")
    assert r.comments == []


def _mwf2(pid: int, parent: int | None, name: str, text: str) -> str:
    up = (f"<a class='prl' href='#pid{parent}'><img class='sic sic_nav_up' alt='Parent'></a>"
          if parent else "<img class='sic sic_nav_up' style='visibility: hidden' alt=''>")
    return (f"<div class='frm pst' id='pid{pid}' style='margin-left: 0%'><div class='hcl'>"
            f"<span class='nav'>{up}</span><a class='psl' href='topic_show.pl?pid={pid}'>"
            f"<img class='sic sic_post_ou' alt='Old'></a> <span class='htt'>By</span> "
            f"<a href='user_info.pl?uid={pid}'>{name}</a> <span class='htt'>On</span> "
            f"2021-03-04 10:1{pid % 10}"
            f"</div><div class='ccl'>{text}</div><div class='bcl'><a href='post_add.pl?pid={pid}'>"
            f"Reply</a></div></div>")


def test_mwforum2_threaded_topic_parents_from_the_jump_to_parent_link():
    r = read(_mwf2(11, None, "opener_x", "The topic's first post.")
             + _mwf2(12, 11, "ada_example", "An answer to the topic.")
             + "<div class='brn' id='brn12'>" + _mwf2(13, 12, "bea_sample", "An answer to Ada.")
             + "</div>")
    assert shape(r) == [("An answer to the topic.", 0, None, "ada_example"),
                        ("An answer to Ada.", 1, "An answer to the topic.", "bea_sample")]
    assert r.posts[0].comment_system == "mwforum"


def _medschat(rid: int, n: int, name: str, text: str) -> str:
    return (f'<div class="list_item_b" id="r_{rid}"><div class="list_item_b_content">'
            f'<div class="post_number">{n}</div><strong>{name}</strong> Says:<br/>'
            f'<span class="small soft"><time datetime="2009-06-2{n}T22:37:01Z">Thu, Jun 2{n} \'09, 3:37 PM'
            f'</time></span><div class="clear_float"></div><br/>{text}<br/></div><br/>'
            f'<div class="small action_bar"><a href="#reply" class="action_bar_blue">REPLY</a>'
            f'<a href="/report?r={rid}" class="action_bar_red">REPORT</a>'
            f'<span><strong>Was this helpful?</strong> <a class="votes_a"><span class="votes_number">0'
            f'</span></a></span></div></div>')


def test_medschat_numbered_replies_and_declared_count():
    body = ('<header><h1>A medicine</h1><span class="a_button">2 Replies</span></header>'
            '<div class="list_item_b"><div class="list_item_b_content" id="op_9">'
            '<strong>opener_x</strong> Says:<br/>What side effects did you notice?</div></div>'
            '<h3>Showing Replies 1 - 2 of 2</h3>'
            + _medschat(31, 1, "Ada Example", "Only a dry mouth in the first week.")
            + _medschat(32, 2, "Bea Sample", "None at all for me."))
    r = read(body)
    assert shape(r) == [("Only a dry mouth in the first week.", 0, None, "Ada Example"),
                        ("None at all for me.", 0, None, "Bea Sample")]
    assert "fewer_comments_than_declared" not in codes(r)


def _vb4(pid: int, num: str, name: str, text: str) -> str:
    return (f'<li class="postbitlegacy postbitim postcontainer" id="post_{pid}"><div class="posthead">'
            f'<span class="postdate"><span class="date">04/02/2015, 12h25</span></span>'
            f'<span class="nodecontrols">{num}</span></div><div class="postdetails"><div class="userinfo">'
            f'<div class="username_container"><span class="username">{name}</span></div></div>'
            f'<div class="postbody"><div class="postrow"><div class="content">'
            f'<div id="post_message_{pid}"><blockquote class="postcontent restore">{text}</blockquote>'
            f'</div></div></div></div></div></li>')


def test_vbulletin4_ad_pseudo_post_is_not_a_comment_in_any_language():
    for label in ("Publicité", "Anzeige", "Advertising", "Реклама"):
        r = read('<ol id="posts" class="posts">'
                 + _vb4(700, "#1", "opener_x", "The thread's opening words.")
                 + _vb4(700, "", label, '<div class="ad-slot" style="display:none"></div>Sponsored')
                 + _vb4(702, "#2", "ada_example", "A reply to the thread.")
                 + _vb4(703, "#3", "bea_sample", "Another reply.") + "</ol>")
        assert shape(r) == [("A reply to the thread.", 0, None, "ada_example"),
                            ("Another reply.", 0, None, "bea_sample")], label


def test_invision_author_from_the_author_pane_without_badges_buttons_or_group_prefix():
    def post(cid: int, inner: str, text: str) -> str:
        return (f'<article id="elComment_{cid}" class="cPost ipsComment"><aside class="cAuthorPane">'
                f'<h3 class="cAuthorPane_author"><strong>{inner}</strong> <span class="rep">'
                f'<span class="ipsRepBadge">835</span></span></h3></aside>'
                f'<div id="comment-{cid}_wrap" class="ipsComment_content"><div data-role="commentContent" '
                f'class="ipsType_richText"><p>{text}</p></div></div></article>')
    r = read(post(1, '<button class="ipsButton">OP</button> <span>opener_x</span>', "The topic.")
             + post(2, '<span class="group-subscriber"><b>+</b>ada_example</span>', "Welcome here!")
             + post(3, '<span style="color:#">bea_sample</span>', "Hello and welcome."))
    assert [a for _t, _d, _p, a in shape(r)] == ["ada_example", "bea_sample"]


def test_fragment_text_closes_self_closed_elements_like_a_page():
    assert fragment_text('<p>First words<iframe src="x"/> and the rest.</p>') == \
        "First words and the rest."
    assert fragment_text('<div class="clear"/><p>Kept.</p>') == "Kept."


def test_a_shown_range_states_the_total():
    assert count_in("Showing Replies 1 - 8 of 8") == 8
    assert count_in("Kommentare 21–40 von 75") == 75


def test_table_forum_rows_no_reader_understands_are_not_a_silent_zero():
    rows = "".join(f'<tr class="posting-row"><td><div class="posting-text">Words of post {i}, '
                   f'written at some length.</div></td></tr>' for i in range(4))
    r = read(f"<table>{rows}</table>")
    assert r.comments == []  # no poster in any row: not read as posts
    assert "tr.posting-row" in next(i.message for i in r.issues if i.code == "comment_markup_unread")


def test_phpbb_style_without_the_post_class_keeps_the_post_content_id():
    def post(pid: int, name: str, text: str) -> str:
        return (f'<div id="p{pid}" class="clearfix"><article><div class="well forum-answer">'
                f'<div class="user-profile-tab"><a href="./memberlist.php?mode=viewprofile&u={pid}" '
                f'class="username">{name}</a></div><div class="postbody col-md-9">'
                f'<h3><a href="#p{pid}">Re: A topic</a></h3><div class="timepost">by <strong>'
                f'<a href="./memberlist.php?mode=viewprofile&u={pid}" class="username">{name}</a>'
                f'</strong> Thu Apr 02, 2020 3:40 am</div><div id="post_content{pid}">'
                f'<div class="content">{text}</div></div></div></div></article></div>')
    r = read(post(41, "opener_x", "The topic's question.") + post(42, "ada_example", "An answer.")
             + post(43, "Ad", "A reply by a member called Ad."))
    assert shape(r) == [("An answer.", 0, None, "ada_example"),
                        ("A reply by a member called Ad.", 0, None, "Ad")]
