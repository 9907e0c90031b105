"""Imageboards of the Futaba family, V2EX topics and floor forums whose floors carry comments
(Bahamut, Bangumi), written after each system's own page templates (names and words invented)."""
from __future__ import annotations

from pagekit import read_page, shape


def _futaba_reply(no: int, words: str, name: str = "") -> str:
    who = f'Name <span class="cnm">{name}</span>' if name else ""
    return (f'<table border=0><tr><td class=rts>…</td><td class=rtd>'
            f'<input type=checkbox name="{no}" value=delete id=delcheck{no}>'
            f'<span class="csb">無念</span>{who}<span class="cnw">24/01/02(火)10:0{no % 10}:00</span>'
            f'<span class="cno">No.{no}</span><blockquote>{words}</blockquote></td></tr></table>')


def _futaba_thread(first: int, replies: str) -> str:
    return (f'<div class="thre" data-res="{first}"><input type=checkbox name="{first}" value=delete>'
            f'<span class="csb">無念</span><span class="cnw">24/01/02(火)09:59:00</span>'
            f'<span class="cno">No.{first}</span><blockquote>The opening words of the thread</blockquote>'
            f'{replies}</div>')


def test_futaba_replies_are_flat_comments_and_quotes_stay_text():
    body = ('<form action="futaba.php" method=POST>'
            + _futaba_thread(100, _futaba_reply(101, "first invented reply")
                             + _futaba_reply(102, '<span class="quote">&gt;&gt;No.101</span><br>a quoting reply',
                                             name="Toshiaki Example"))
            + "</form>")
    assert shape(read_page(body, lang="ja")) == [
        ("first invented reply", 0, None, None),
        (">>No.101\na quoting reply", 0, None, "Toshiaki Example")]


def test_futaba_board_index_with_several_threads_reads_no_comment():
    body = ('<form action="futaba.php" method=POST>'
            + _futaba_thread(200, _futaba_reply(201, "latest reply of one thread"))
            + _futaba_thread(300, _futaba_reply(301, "latest reply of another thread"))
            + "</form>")
    assert read_page(body, lang="ja").comments == []


def _pix_post(no: int, words: str, cls: str = "reply", pushes: str = "") -> str:
    area = f'<hr class="push_line"><div class="push_area">{pushes}</div>' if pushes else ""
    return (f'<div class="{cls}" id="r{no}"><input type="checkbox" name="{no}" id="{no}" value="delete">'
            f'<label for="{no}"><span class="title">無題</span> <span class="name">{"" if cls != "reply" else "無名"}'
            f'</span> [24/01/02(二)10:00 ID:abc{no}]</label>'
            f'<a href="javascript:quote({no});" class="qlink">No.{no}</a>'
            f'<div class="quote">{words}{area}'
            f'<a href="javascript:void(0)" onclick="mod_pushpostPush(this,event)">[推文回應]</a></div></div>')


def _push(words: str) -> str:
    return (f'<div class="push_par">( ﾟ∀ﾟ) ＜{words} <font color="#EEAA66">(01/02 10:05 xyZ)</font>'
            f'<a href="javascript:void(0)" onclick="try{{mod_pushpostPush(this,event)}}catch{{}}">[推]</a></div>')


def test_pixmicat_replies_and_push_lines_answer_their_post():
    body = ('<form action="pixmicat.php" method="post"><div id="threads">'
            + _pix_post(10, "The opening post of the thread", cls="threadpost", pushes=_push("a push on the opening"))
            + _pix_post(11, "An invented reply post", pushes=_push("agreed with this one") + _push("me too"))
            + _pix_post(12, "&gt;&gt;No.11 another reply post")
            + "</div></form>")
    assert shape(read_page(body, lang="zh-Hant")) == [
        ("( ﾟ∀ﾟ) ＜a push on the opening", 0, None, None),
        ("An invented reply post", 0, None, "無名"),
        ("( ﾟ∀ﾟ) ＜agreed with this one", 1, "An invented reply post", None),
        ("( ﾟ∀ﾟ) ＜me too", 1, "An invented reply post", None),
        (">>No.11 another reply post", 0, None, "無名")]


def _v2ex(rid: int, floor: int, name: str, words: str) -> str:
    return (f'<div id="r_{rid}" class="cell"><table><tr><td width="48"><img class="avatar" alt="{name}"></td>'
            f'<td width="auto"><div class="fr"><span class="no">{floor}</span></div>'
            f'<strong><a href="/member/{name}" class="dark">{name}</a></strong>'
            f'<span class="ago">3 小时前 via Android</span><div class="reply_content">{words}</div></td></tr></table></div>')


def test_v2ex_topic_replies_are_flat_with_member_names():
    body = ('<div id="Main"><div class="box"><div class="header"><h1>An invented topic</h1></div>'
            '<div class="topic_content">The topic text itself.</div></div><div class="box">'
            '<div class="cell"><span class="gray">2 条回复</span></div>'
            + _v2ex(501, 1, "alice_example", "first invented answer")
            + _v2ex(502, 2, "bob_sample", "@alice_example thanks for that")
            + "</div></div>")
    assert shape(read_page(body, lang="zh-Hans")) == [
        ("first invented answer", 0, None, "alice_example"),
        ("@alice_example thanks for that", 0, None, "bob_sample")]


def _gamer_floor(sn: int, floor: int, name: str, words: str, comments: str = "") -> str:
    return (f'<section class="c-section" id="post_{sn}"><div class="c-section__side"><div class="c-user">LV.3</div></div>'
            f'<div class="c-section__main c-post"><div class="c-post__header"><div class="c-post__header__author">'
            f'<a class="floor" data-floor="{floor}">{floor} 樓</a><a class="username">{name}</a>'
            f'<a class="userid">{name.lower()}x</a></div><div class="c-post__header__info">'
            f'<a class="edittime">2024-01-02 10:0{floor}:00</a></div></div>'
            f'<div class="c-post__body"><article class="c-article"><div class="c-article__content">{words}</div>'
            f'</article></div><div class="c-post__footer c-reply"><div id="Commendlist_{sn}">{comments}</div></div>'
            f'</div></section>')


def _gamer_comment(sn: int, name: str, words: str) -> str:
    return (f'<div class="c-reply__item" id="Commendcontent_{sn}" name="comment_parent"><div>'
            f'<a class="reply-avatar user--sm"><img></a><div class="reply-content">'
            f'<a class="reply-content__user">{name}</a><article class="reply-content__article c-article">'
            f'<span class="comment_content">{words}</span></article><div class="reply-content__footer">'
            f'<div class="edittime" name="comment_floor">B{sn % 10}</div><div class="edittime">2024-01-03 11:00:00</div>'
            f'</div></div></div></div>')


def test_bahamut_floors_are_comments_and_their_comments_answer_them():
    body = (_gamer_floor(1, 1, "Opener", "The thread's own opening words",
                         _gamer_comment(91, "Carol", "a comment on the opening"))
            + _gamer_floor(2, 2, "Dave", "The second floor's invented words",
                           _gamer_comment(92, "Erin", "a comment on floor two")
                           + _gamer_comment(93, "Frank", "another one on floor two"))
            + _gamer_floor(3, 3, "Gina", "The third floor without comments"))
    assert shape(read_page(body, lang="zh-Hant")) == [
        ("a comment on the opening", 0, None, "Carol"),
        ("The second floor's invented words", 0, None, "Dave"),
        ("a comment on floor two", 1, "The second floor's invented words", "Erin"),
        ("another one on floor two", 1, "The second floor's invented words", "Frank"),
        ("The third floor without comments", 0, None, "Gina")]


def _bgm_floor(pid: int, name: str, words: str, subs: str = "") -> str:
    return (f'<div id="post_{pid}" class="row_reply clearit"><div class="re_info"><small>'
            f'<a class="floor-anchor">#{pid % 10}</a> - 2024-1-2 10:50</small></div><div class="inner">'
            f'<span class="userInfo"><strong><a href="/user/{pid}" class="l">{name}</a></strong></span>'
            f'<div class="reply_content"><div class="message">{words}</div>'
            f'<div class="topic_sub_reply" id="topic_reply_{pid}">{subs}</div></div></div></div>')


def _bgm_sub(pid: int, name: str, words: str) -> str:
    return (f'<div id="post_{pid}" class="sub_reply_bg clearit"><div class="re_info"><small>'
            f'<a class="floor-anchor">#2-{pid % 10}</a> - 2024-1-2 11:00</small></div><div class="inner">'
            f'<strong class="userName"><a href="/user/{pid}" class="l">{name}</a></strong>'
            f'<div class="cmt_sub_content">{words}</div></div></div>')


def test_bangumi_sub_replies_answer_their_floor():
    body = ('<div id="post_10" class="postTopic clearit"><div class="re_info"><small>#1 - 2024-1-2 09:00</small></div>'
            '<div class="inner"><strong><a href="/user/10" class="l">Host</a></strong>'
            '<div class="topic_content">The topic post itself</div></div></div><div id="comment_list">'
            + _bgm_floor(12, "Ivy", "an invented floor reply",
                         _bgm_sub(13, "Jack", "a sub reply") + _bgm_sub(14, "Kim", "another sub reply"))
            + _bgm_floor(15, "Lee", "a later floor")
            + "</div>")
    assert shape(read_page(body, lang="zh-Hans")) == [
        ("an invented floor reply", 0, None, "Ivy"),
        ("a sub reply", 1, "an invented floor reply", "Jack"),
        ("another sub reply", 1, "an invented floor reply", "Kim"),
        ("a later floor", 0, None, "Lee")]


def _koko(no: int, cls: str, words: str, name: str = "Anonymous") -> str:
    return (f'<div class="post {cls}" id="p1_{no}"><span class="title"></span>'
            f'<div class="del">[<label>Del:<input type="checkbox" name="{no}" value="delete"></label>]</div>'
            f'<div class="postinfo"><span class="postnum"><a class="no">No.</a>{no}</span> '
            f'<span class="nameContainer"><span class="name">{name}</span></span> '
            f'<span class="time">2024/01/02(Tue)10:00:00</span></div><div class="comment">{words}</div></div>')


def test_kokonotsuba_opening_post_is_not_a_comment():
    body = ('<form name="delform" id="delform" method="post"><div class="thread" id="t1_40">'
            + _koko(40, "op", "An invented opening post") + _koko(41, "reply", "an invented reply", "Nanashi")
            + _koko(42, "reply", "&gt;&gt;41 a second reply") + "</div></form>")
    assert shape(read_page(body)) == [("an invented reply", 0, None, "Nanashi"),
                                      (">>41 a second reply", 0, None, "Anonymous")]
