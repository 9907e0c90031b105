"""Threaded replies and systems' own markup, by kind: synthetic pages -> comment trees.

Each page is modelled on a system's public templates (Agreper ``templates/comment.html``,
paopao-ce ``comment-item.vue`` / ``reply-item.vue``, NodeBB Persona ``partials/topic/post.tpl``,
Discourse's rendered topic) or on the kind of markup a site's own engine prints (a news forum's
"post-reply" list, a two-level comment component, a utility-class forum numbering its posts
"#N", a Q&A plugin's answer table, UBB.threads 7 post tables). Names and words are invented.
"""
from __future__ import annotations

import pytest
from test_readers_comment_systems import codes, read, shape

from therapy_threads.readers.comments.markup_guess import guess_systems


# --------------------------------------------------------------------------- meta lines

def _minimal_forum(age_a: str, age_b: str) -> str:
    """A no-JS forum's comment header: "<i><a>NAME</a> - AGE</i> | <a>thread</a><a>parent</a>"."""
    def comment(cid, who, age, words, parent=None, inner=""):
        up = f'<a href="/comment/{parent}/#"> parent</a>' if parent else ""
        return (f'<div class="comment"><span class="small"><i><a href="/user/{cid}/">{who}</a> - {age}'
                f'</i> |\n<a href="/thread/4/#"> thread</a>{up}</span>'
                f'<input type="checkbox" class="collapse small"><div><p>{words}</p>'
                f'<sup><a href="/comment/{cid}/">reply</a></sup>{inner}</div></div>')
    return ('<main><p>The opening post of the thread.</p>'
            + comment(11, "ada_example", age_a, "A first comment with some words.",
                      inner=comment(12, "bea_sample", age_b, "A reply under it.", parent=11))
            + comment(13, "cy_demo", age_a, "Another top-level comment here.") + '</main>')


@pytest.mark.parametrize("lang,age_a,age_b", [
    ("en", "2 years ago", "1 year ago (last modified 3 months ago)"),
    ("de", "vor 2 Jahren", "vor 5 Tagen"),
])
def test_author_line_with_relative_age_and_thread_links_is_not_text(lang, age_a, age_b):
    r = read(_minimal_forum(age_a, age_b), lang=lang)
    assert shape(r) == [
        ("A first comment with some words.", 0, None, "ada_example"),
        ("A reply under it.", 1, "A first comment with some words.", "bea_sample"),
        ("Another top-level comment here.", 0, None, "cy_demo")]
    assert r.comments[0].published_age == age_a


# --------------------------------------------------------------------------- forum reply lists

def test_news_forum_post_reply_blocks_are_all_replies():
    def reply(n, who, words):
        return (f'<div class="post-reply-wrapper post-reply-num-{n}"><hr class="reply-hr">'
                f'<div class="reply-details">Reply {n} - Posted by: <a href="/members/{40 + n}/x.html" '
                f'class="member-link">{who}</a> 3/{n}/2022 4:0{n}:00 AM (No. {900 + n})</div>'
                f'<div class="reply-text">{words}</div><div class="reply-like"><a data-reply-id="{900 + n}">'
                f'Click Here if you Like this Comment</a></div></div>')
    r = read('<div id="post-replies-container" class="post-replies-container">'
             + reply(1, "Ada Example", "The first reply to the story.")
             + '<div class="ad-slot"><div id="ad-1"></div></div>'
             + reply(2, "Bea Sample", "A second reply, shorter.")
             + reply(3, "Cy Demo", "And a third one.") + '</div>')
    assert shape(r) == [("The first reply to the story.", 0, None, "Ada Example"),
                        ("A second reply, shorter.", 0, None, "Bea Sample"),
                        ("And a third one.", 0, None, "Cy Demo")]


# --------------------------------------------------------------------------- two-level replies

def test_comment_component_with_reply_items_in_a_reply_box():
    def reply(who, words, day):
        return (f'<div class="reply-item"><div class="header-wrap"><div class="username">'
                f'<a href="#/u?s={who}" class="user-link">{who}</a><span class="reply-name">:</span></div>'
                f'<div class="timestamp">Somewhere</div></div><div class="base-wrap"><div class="content">'
                f'<span>{words}</span></div><div class="reply-switch"><span class="time-item">'
                f'2023-07-0{day} 10:00</span><div class="actions"><span class="upvote-count">0</span>'
                f'</div></div></div></div>')

    def comment(who, words, replies=""):
        return (f'<div class="comment-item"><div class="n-thing-header"><span class="nickname-wrap">'
                f'<a href="#/u?s={who}" class="username-link">{who}</a></span>'
                f'<span class="username-wrap"> @{who}</span><span class="timestamp">Elsewhere</span></div>'
                f'<div class="n-thing-main__description"><span class="comment-text">{words}</span></div>'
                f'<div class="reply-compose-wrap"><div class="reply-switch"><span class="time-item">'
                f'2023-07-01 09:00</span></div></div><div class="reply-wrap">{replies}</div></div>')
    r = read('<div class="comments">'
             + comment("ada", "A top-level comment with words.",
                       reply("bea", "A first reply below it.", 2) + reply("cy", "A second reply.", 3))
             + comment("dee", "Another top-level comment.") + '</div>')
    assert shape(r) == [("A top-level comment with words.", 0, None, "ada"),
                        ("A first reply below it.", 1, "A top-level comment with words.", "bea"),
                        ("A second reply.", 1, "A top-level comment with words.", "cy"),
                        ("Another top-level comment.", 0, None, "dee")]
    assert r.comments[1].published_local == "2023-07-02T10:00"


def test_main_and_item_containers_with_children_and_a_deleted_placeholder():
    def block(kind, who, words, children=""):
        kids = f'<div class="comment-children">{children}</div>' if children else ""
        return (f'<div class="{kind}"><div class="comment-avator"><img alt="{who}"></div>'
                f'<div class="comment-user-info"><div class="base-info"><span class="user-name">{who}</span>'
                f' <span>|</span> <span>Rank</span> <span>|</span> <span class="comment-time">3天前</span></div>'
                f'<div class="comment-detail"><p>{words}</p></div>'
                f'<div class="comment-main-action"><span>1</span></div>{kids}</div></div>')
    r = read('<div class="library-comment-list">'
             + block("comment-main-container", "甲", "第一条评论的内容",
                     block("comment-item-container", "乙", "回复第一条")
                     + block("comment-item-container", "戊", "再回复一次"))
             + block("comment-main-container", "丙", "该评论已删除")
             + block("comment-main-container", "丁", "另一条评论") + '</div>', lang="zh")
    # the deletion notice ("该评论已删除") is not 丙's text: a removed comment without words
    assert shape(r) == [("第一条评论的内容", 0, None, "甲"), ("回复第一条", 1, "第一条评论的内容", "乙"),
                        ("再回复一次", 1, "第一条评论的内容", "戊"), ("", 0, None, "丙"),
                        ("另一条评论", 0, None, "丁")]
    assert [c.removed for c in r.comments] == [False, False, False, True, False]


def test_list_item_component_with_sub_comments_and_its_words_part():
    def sub(who, to, words):
        return (f'<div class="sub-comment-list-item"><div class="sub-comment-user-wrap">'
                f'<div class="sub-comment-user-title">{who}</div><div class="sub-comment-user-title">评论</div>'
                f'<div class="sub-comment-user-title">{to}</div><div class="sub-comment-user-time">'
                f'2020.06.11 11:40 发布</div></div><div class="rich-text-content-wrap sub-comment-content">'
                f'<p>{words}</p></div><div class="sub-supporter-warp"><span>fan1</span></div></div>')

    def item(n, who, words, subs=""):
        return (f'<div id="comment-list-item-{n}" class="comment-list-item-comp">'
                f'<div class="comment-item-user-card-wrap"><div class="comment-user-title">{who}</div>'
                f'<div class="comment-user-time">2020.06.0{n} 09:42 发布</div><div class="floor-id">#{n}</div>'
                f'</div><div class="rich-text-content-wrap comment-comment"><p>{words}</p></div>'
                f'<div class="comment-actions"><span>评论</span></div>'
                f'<div class="sub-comment-warp">{subs}</div></div>')
    r = read('<ul class="ant-list-items">' + item(1, "甲", "一楼的内容", sub("乙", "甲", "回复一楼"))
             + item(2, "丙", "二楼的内容", sub("丁", "丙", "回复二楼")) + '</ul>', lang="zh")
    assert shape(r) == [("一楼的内容", 0, None, "甲"), ("回复一楼", 1, "一楼的内容", "乙"),
                        ("二楼的内容", 0, None, "丙"), ("回复二楼", 1, "二楼的内容", "丁")]


# --------------------------------------------------------------------------- components, answers

def test_one_word_comment_component_and_a_named_answer():
    def gallery(who, words):
        return (f'<div class="GalleryComment"><div class="GalleryComment-byLine"><a class="author-name" '
                f'href="/user/{who}">{who}</a><span class="date" title="Mon May 20 2024 18:15:22 GMT+0000">'
                f'• 7d ago</span></div><div class="GalleryComment-body"><span>{words}</span></div>'
                f'<div class="GalleryComment-actions"><span>12</span></div></div>')
    r = read('<div class="CommentsList-comments">' + gallery("Ada_X", "A picture comment here.")
             + gallery("Bea_Y", "Another picture comment.") + '</div>')
    assert shape(r) == [("A picture comment here.", 0, None, "Ada_X"),
                        ("Another picture comment.", 0, None, "Bea_Y")]
    answer = ('<div class="qa-question"><p>How do I do the thing?</p></div>'
              '<table class="qa-answers-list"><tbody><tr class="qa-answer" data-answer-id="55">'
              '<td class="qa-left-col"><div class="qa-rating">0</div></td><td><div class="qa-answer-content">'
              '<div class="qa-answer-body"><p>Do it this way, step by step.</p></div>'
              '<div class="qa-answer-meta"><div class="qa-answer-date">May 1, 2023</div>'
              '<div class="qa-answer-author"><a href="/user/7">Cy Demo</a></div></div></div></td></tr>'
              '</tbody></table>')
    assert shape(read(answer)) == [("Do it this way, step by step.", 0, None, "Cy Demo")]


def test_answer_blocks_with_numbered_class_names_are_guessed():
    blocks = "".join(f'<div class="q-box dom_annotate_question_answer_item_{i}"><div class="q-box '
                     f'spacing_log_answer_content">words {i}</div></div>' for i in range(3))
    assert guess_systems(blocks)[0][1] == 3


# --------------------------------------------------------------------------- numbered posts

def test_utility_class_forum_posts_known_by_their_number_links():
    def post(n, who, words):
        return (f'<div><div class="w-full bg-white mb-1"><div class="relative flex w-full px-4">'
                f'<div class="relative text-xs"><div class="flex items-center gap-2"><img alt="{who}">'
                f'<div><div class="flex"><div class="font-medium">{who}</div></div>'
                f'<time class="text-xs" datetime="1715557608">13-05-2024 0{n}:46</time></div></div></div>'
                f'<div class="flex items-center"><a class="text-xs" href="/show_post/66415{n}e84310919">#{n}</a>'
                f'</div></div><div class="w-full px-4"><div class="break-words py-2">{words}</div></div>'
                f'<div class="flex w-full px-4 pb-2"><div class="text-xs">0</div><div>Kutip</div>'
                f'<div>Balas</div></div></div></div>')
    r = read('<div class="flex-col">' + post(1, "ada.x", "Ceritanya bagus sekali gan.")
             + post(2, "bea.y", "Lanjut dong ceritanya.") + post(3, "cy.z", "Nitip sendal dulu.")
             + '</div>', lang="id")
    assert shape(r) == [("Ceritanya bagus sekali gan.", 0, None, "ada.x"),
                        ("Lanjut dong ceritanya.", 0, None, "bea.y"),
                        ("Nitip sendal dulu.", 0, None, "cy.z")]
    assert r.comments[0].published_local == "2024-05-13T01:46"


# --------------------------------------------------------------------------- named engines

def test_nodebb_persona_reply_button_names_the_parent():
    def post(i, pid, who, words, to=None):
        button = (f'<a component="post/parent" class="btn btn-xs" data-topid="{to}" href="/post/{to}">'
                  f'@someone</a>' if to else "")
        return (f'<li component="post" data-index="{i}" data-pid="{pid}" data-uid="{i + 3}">'
                f'<div class="post-header"><a itemprop="author" data-username="{who}" href="/user/{who}">'
                f'{who}</a>{button}<a class="permalink" href="/post/{pid}"><span class="timeago" '
                f'title="2016-01-0{i + 1}T10:00:00.000Z"></span></a></div>'
                f'<div component="post/content" class="content"><p>{words}</p></div></li>')
    r = read('<ul component="topic">' + post(0, 100, "starter", "The topic itself.")
             + post(1, 101, "ada", "A reply to the topic.", to=100)
             + post(2, 102, "bea", '<a class="plugin-mentions-user" href="/uid/4">@ada</a> said in '
                                   '<a href="/post/101">The title of the topic</a>:</p><blockquote><p>A reply '
                                   'to the topic.</p></blockquote><p>A reply to ada.', to=101)
             + post(3, 103, "cy", "A reply to bea.", to=102) + '</ul>')
    assert shape(r) == [("A reply to the topic.", 0, None, "ada"),
                        ("A reply to ada.", 1, "A reply to the topic.", "bea"),
                        ("A reply to bea.", 2, "A reply to ada.", "cy")]


def test_discourse_rendered_topic_with_a_reply_to_tab():
    def post(n, who, words, to=None, small=False):
        tab = (f'<a class="reply-to-tab"><img class="avatar" title="{to}"> <span>{to}</span></a>'
               if to else "")
        cls = "small-action onscreen-post" if small else "boxed onscreen-post"
        return (f'<div class="topic-post clearfix regular"><article id="post_{n}" data-post-id="{700 + n}" '
                f'class="{cls}"><div class="topic-body"><div class="topic-meta-data"><div class="names">'
                f'<span class="first username"><a href="/u/{who}">{who}</a></span></div>{tab}'
                f'<div class="post-info post-date"><a class="post-date"><span class="relative-date" '
                f'data-time="1651894065075">May 2022</span></a></div></div><div class="regular contents">'
                f'<div class="cooked"><p>{words}</p><aside class="quote"><blockquote>quoted words</blockquote>'
                f'</aside></div></div></div></article></div>')
    r = read('<div class="post-stream">' + post(1, "asker", "The question of the topic.")
             + post(2, "helper", "Try this first.") + post(3, "asker", "It worked, thanks.")
             + post(4, "helper", "Glad to hear it.", to="asker")
             + post(5, "system", "This topic was closed.", small=True) + '</div>')
    assert shape(r) == [("Try this first.", 0, None, "helper"),
                        ("It worked, thanks.", 0, None, "asker"),
                        ("Glad to hear it.", 1, "It worked, thanks.", "helper")]


def _ubb_post(n, who, words):
    return (f'<table class="t_inner"><tbody><tr><td class="subjecttable" colspan="2"><div class="fblock">'
            f'<a href="/ubbthreads.php/topics/{500 + n}#Post{500 + n}">Re: A topic</a>'
            f'<span class="small">#<a href="#Post{500 + n}" id="number{500 + n}">{500 + n}</a></span>'
            f'<span class="small"><span class="date">03/1{n}/15</span> <span class="time">03:28 PM</span>'
            f'</span></div></td></tr><tr><td class="author-content mblthin" rowspan="2">'
            f'<div class="bold author-name"><a href="/ubbthreads.php/users/{n}/x"><span class="username">{who}'
            f'</span></a></div><div class="small author-title">Member</div><div class="small author-registered">'
            f'Joined: <span class="date">Apr 2002</span></div></td><td class="post-content">'
            f'<div class="post_inner"><div id="body{n}">{words}</div></div><div class="signature">'
            f'<hr class="signature">My signature line</div></td></tr></tbody></table>')


@pytest.mark.parametrize("current,expected", [
    ('<td class="page-cur acvm">7</td>', ["The first post on this page.", "A second post here."]),
    ("", ["A second post here."]),
])
def test_ubbthreads_post_tables(current, expected):
    r = read(f'<table class="pagination"><tr>{current}</tr></table>'
             + _ubb_post(1, "Ada Example", "The first post on this page.")
             + _ubb_post(2, "Bea Sample", "A second post here."))
    assert [c.text for c in r.comments] == expected
    assert r.comments[-1].identity.name == "Bea Sample"
    assert "comment_markup_unread" not in codes(r)


def test_unread_answer_page_warns_with_the_site_and_the_counts():
    blocks = "".join(f'<div class="q-box dom_annotate_question_answer_item_{i}"><div class="q-box '
                     f'spacing_log_answer_content"><span>Some answer words number {i}.</span></div></div>'
                     for i in range(3))
    r = read(blocks, head='<meta property="og:site_name" content="ExampleQA">')
    assert not r.comments
    warning = next(i.message for i in r.issues if i.code == "comment_markup_unread")
    assert "on ExampleQA" in warning and "declared count: none stated; extracted: 0" in warning


def test_a_thread_with_one_reply_in_a_two_level_component():
    def reply(who, words):
        return (f'<div class="reply-item"><div class="username"><a class="user-link">{who}</a></div>'
                f'<div class="content"><span>{words}</span></div></div>')

    def comment(who, words, replies=""):
        return (f'<div class="comment-item"><span class="nickname-wrap"><a class="username-link">{who}</a>'
                f'</span><span class="comment-text">{words}</span><div class="reply-wrap">{replies}</div></div>')
    r = read('<div class="comments">' + comment("ada", "A top-level comment with words.",
                                                reply("bea", "The only reply on the page."))
             + comment("dee", "Another top-level comment.") + '</div>')
    assert shape(r) == [("A top-level comment with words.", 0, None, "ada"),
                        ("The only reply on the page.", 1, "A top-level comment with words.", "bea"),
                        ("Another top-level comment.", 0, None, "dee")]


def test_two_numbered_posts_with_times_and_a_menu_in_a_video_comment():
    def post(n, who, words):
        return (f'<div><div class="w-full mb-1"><div class="flex px-4"><div class="text-xs"><div>{who}</div>'
                f'<time datetime="1715557608">13-05-2024 0{n}:46</time></div><div class="flex">'
                f'<a href="/show_post/77a{n}c">#{n}</a></div></div><div class="w-full px-4"><div>{words}</div>'
                f'</div><div class="flex"><div>Balas</div></div></div></div>')
    r = read('<div class="flex-col">' + post(1, "ada.x", "Ceritanya bagus sekali gan.")
             + post(2, "bea.y", "Lanjut dong ceritanya.") + '</div>', lang="id")
    assert [c.identity.name for c in r.comments] == ["ada.x", "bea.y"]

    def gallery(who, body):
        return (f'<div class="GalleryComment"><div class="GalleryComment-byLine"><a class="author-name" '
                f'href="/user/{who}">{who}</a><div class="Dropdown"><div class="Dropdown-title">'
                f'<span>Select ...</span></div></div></div><div class="GalleryComment-body">{body}</div></div>')
    r = read('<div class="CommentsList-comments">' + gallery("Ada_X", "<span>A picture comment.</span>")
             + gallery("Bea_Y", '<div><video src="v.mp4"></video></div><div class="Dropdown mediaDropdown-menu">'
                                '<div class="Dropdown-title"><span>Select ...</span></div></div>') + '</div>')
    assert [c.text for c in r.comments] == ["A picture comment.", "[image]"]
