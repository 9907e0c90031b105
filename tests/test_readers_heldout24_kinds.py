"""Kinds first seen in heldout24, on synthetic pages after each system's markup: LiveJournal's flat
threads (Parent links, indentation), XenForo Media Gallery comments, Weibo's comment list, Kunena's
Bootstrap topics, DevDojo's question pages, a comment that is only an embed."""
from __future__ import annotations

from pagekit import codes, read_page, shape

_LJ = "https://someone.livejournal.com/1234.html"


def _lj(cid: int, name: str, text: str, margin: int, parent: int | None = None, *,
        links: bool = True, partial: bool = False) -> str:
    nav = (f'<li class="j-nav-item j-c-nav-item j-c-nav-item-parent"><a href="{_LJ}?thread={parent}#t{parent}">'
           f'Parent</a></li>' if parent and links else "")
    cls = "j-c j-c-partial" if partial else "j-c j-c-full"
    words = "" if partial else f'<div class="j-c-text" itemprop="commentText name">{text}</div>'
    return (f'<a name="t{cid}"></a><article id="ljcmt{cid}" class="{cls}" style="margin-left: {margin}px;" '
            f'itemscope itemtype="https://www.schema.org/UserComments"><div class="j-c-head"><div class="j-c-poster">'
            f'<span class="ljuser i-ljuser" data-ljuser="{name}" lj:user="{name}"><a href="https://{name}.'
            f'livejournal.com/"><b>{name}</b></a></span></div><time class="j-c-date">May 1st, 2024, 03:50 am'
            f'</time></div>{words}<div class="j-nav j-c-nav"><ul class="j-c-nav-list"><li class="j-nav-item">'
            f'<a href="{_LJ}?replyto={cid}">Reply</a></li>{nav}<li class="j-nav-item"><a href="{_LJ}?thread='
            f'{cid}#t{cid}">Link</a></li></ul></div></article>')


def _lj_page(links: bool) -> str:
    return ('<article class="entry"><p>The entry.</p></article><div id="comments" class="j-l-comments">'
            + _lj(101, "ada_example", "First words here.", 0, links=links)
            + _lj(102, "bea_sample", "A reply to the first.", 25, 101, links=links)
            + _lj(103, "cy_person", "A reply to the reply.", 50, 102, links=links)
            + _lj(104, "di_example", "Second reply to the first.", 25, 101, links=links)
            + _lj(105, "ed_sample", "Another thread entirely.", 0, links=links) + "</div>")


_LJ_TREE = [("First words here.", 0, None, "ada_example"),
            ("A reply to the first.", 1, "First words here.", "bea_sample"),
            ("A reply to the reply.", 2, "A reply to the first.", "cy_person"),
            ("Second reply to the first.", 1, "First words here.", "di_example"),
            ("Another thread entirely.", 0, None, "ed_sample")]


def test_livejournal_parents_from_parent_links():
    r = read_page(_lj_page(links=True))
    assert shape(r) == _LJ_TREE
    assert r.posts[0].comment_system == "livejournal"


def test_livejournal_parents_from_indentation_where_no_parent_link_is_printed():
    assert shape(read_page(_lj_page(links=False))) == _LJ_TREE


def test_livejournal_collapsed_comment_is_not_read_and_its_reply_keeps_a_parent():
    body = ('<div id="comments">' + _lj(201, "ada_example", "Top words.", 0)
            + _lj(202, "bea_sample", "", 25, 201, partial=True)
            + _lj(203, "cy_person", "Under the collapsed one.", 50, 202)
            + _lj(204, "di_example", "Later top words.", 0) + "</div>")
    assert shape(read_page(body)) == [("Top words.", 0, None, "ada_example"),
                                      ("Under the collapsed one.", 1, "Top words.", "cy_person"),
                                      ("Later top words.", 0, None, "di_example")]


def test_xenforo_media_gallery_single_comment_is_read():
    body = ('<div class="block-body"><div class="media-description">The item described.</div></div>'
            '<div class="block-container"><article class="message message--simple message--comment js-comment" '
            'data-author="Ada Example" data-content="xfmg-comment-77"><div class="message-inner">'
            '<div class="message-cell message-cell--main"><header class="message-attribution">'
            '<h4 class="attribution"><a href="/members/ada.1/" class="username">Ada Example</a></h4>'
            '<time class="u-dt" datetime="2024-04-29T10:00:00+0000">Apr 29, 2024</time></header>'
            '<article class="message-body"><div class="message-userContent"><div class="bbWrapper">'
            'Lovely amplifier stack.</div></div></article></div></div></article></div>')
    r = read_page(body, head='<meta property="og:site_name" content="Example Amp Forum">')
    assert shape(r) == [("Lovely amplifier stack.", 0, None, "Ada Example")]
    assert r.posts[0].comment_system == "xenforo"


def _weibo(name: str, words: str, inner: str, subs: str = "") -> str:
    item = inner[:-2]
    return (f'<div class="{item}"><div class="{inner} woo-box-flex"><div><a href="/u/1"><img src="/a.jpg"></a></div>'
            f'<div class="con{inner[4]} woo-box-item-flex"><div class="text"><a href="/u/1" usercard="1">{name}</a>'
            f':<span>{words}</span></div><div class="info woo-box-flex"><div> 24-5-13 17:08 <span> 来自北京</span>'
            f'</div><div class="opt woo-box-flex"><span class="woo-like-count">9</span></div></div></div></div>'
            + (f'<div class="list2">{subs}</div>' if inner == "item1in" else "") + "</div>")


def test_weibo_single_comment_and_its_replies():
    one = read_page('<div class="wbpro-list">' + _weibo("示例甲", "这是一条评论。", "item1in") + "</div>",
                    lang="zh")
    assert shape(one) == [("这是一条评论。", 0, None, "示例甲")]
    assert one.posts[0].comment_system == "weibo"
    two = read_page('<div class="wbpro-list">' + _weibo("示例甲", "这是一条评论。", "item1in",
                                                        _weibo("示例乙", "回复一下。", "item2in")) + "</div>", lang="zh")
    assert shape(two) == [("这是一条评论。", 0, None, "示例甲"), ("回复一下。", 1, "这是一条评论。", "示例乙")]


def _kunena(pid: int, n: int, name: str, words: str) -> str:
    return (f'<div class="row message"><div class="col-md-2"><ul class="unstyled center profilebox">'
            f'<li><strong><a class="kwho-user" href="/forum/user/{pid}-{name}">{name}</a></strong></li>'
            f'<li>Senior Member</li></ul></div><div class="col-md-10 message-published"><small class="float-end">'
            f'<span class="text-muted"><span class="kdate" title="06 May 2024 11:18">2 weeks ago</span>'
            f'<a href="#{pid}" id="{pid}" rel="canonical">#{n}</a></span></small><div><div class="mykmsg-header">'
            f'<em>Re: A topic</em> was created by <em>{name}</em></div><div class="kmsg">{words}</div></div>'
            f'<div class="ksig">My standing signature</div></div></div>')


def test_kunena_bootstrap_topic_first_message_is_the_topic():
    body = ('<div class="topic-item-messages">' + _kunena(9001, 1, "ada_example", "The topic question.")
            + _kunena(9002, 2, "bea_sample", "A first answer.") + _kunena(9003, 3, "ada_example", "Thanks a lot.")
            + "</div>")
    r = read_page(body)
    assert shape(r) == [("A first answer.", 0, None, "bea_sample"), ("Thanks a lot.", 0, None, "ada_example")]
    assert read_page('<div class="topic-item-messages">' + _kunena(9001, 1, "ada_example", "Alone.")
                     + "</div>").comments == []


def _devdojo(i: int, who: str, date: str, words: str) -> str:
    return (f'<div class="relative w-full mb-5"><div class="relative pl-6 py-8" id="{i}"><div class="flex">'
            f'<div class="flex-shrink-0 w-12 h-12"><a href="/{who}"><img src="/a/{who}.jpg"></a></div>'
            f'<div class="flex flex-col flex-1"><div class="relative flex items-center text-sm mb-1">'
            f'<a href="/{who}" class="font-bold hover:underline">{who}</a><span>・</span>'
            f'<p class="theme-text-muted text-xs">{date}</p></div><div class="w-full prose answer question-block">'
            f'<p>{words}</p></div><div class="reactions"><img src="/e/joy.png"></div></div></div></div></div>')


def test_devdojo_question_then_flat_answers():
    body = ("<main><h1>How do I frobnicate?</h1>"
            + _devdojo(100, "quinta", "May 1st, 2024 05:18 AM", "My widget will not frobnicate today.")
            + _devdojo(101, "bertrand", "May 2nd, 2024 06:00 AM", "Try turning the widget off and on.")
            + _devdojo(102, "quinta", "May 3rd, 2024 06:00 AM", "Thanks, that worked for the widget.")
            + "</main>")
    r = read_page(body)
    assert shape(r) == [("Try turning the widget off and on.", 0, None, "bertrand"),
                        ("Thanks, that worked for the widget.", 0, None, "quinta")]
    assert r.posts[0].comment_system == "devdojo"


def test_a_comment_that_is_only_an_embed_is_kept():
    def post(pid: int, name: str, body: str) -> str:
        return (f'<li id="post-{pid}" class="message" data-author="{name}"><div class="messageInfo">'
                f'<div class="messageContent"><article><blockquote class="messageText ugc">{body}'
                f'</blockquote></article></div><div class="messageMeta"><a class="datePermalink" href="#">'
                f'<span class="DateTime" title="May 15, 2018">May 15, 2018</span></a></div></div></li>')
    body = ('<ol id="messageList">' + post(1, "ada_example", "The opening post.")
            + post(2, "bea_sample", "Words before the video.")
            + post(3, "cy_person", '<iframe src="https://video.example/embed/abc"></iframe>')
            + post(4, "di_example", "Words after the video.") + "</ol>")
    r = read_page(body)
    assert [t for t, *_ in shape(r)] == ["Words before the video.", "[embed]", "Words after the video."]
    assert "comment_markup_unread" not in codes(r)


def test_a_single_unread_comment_of_a_known_system_is_warned_not_a_silent_zero():
    from therapy_threads.readers.comments.markup_guess import guess_systems
    assert guess_systems('<div class="item1in woo-box-flex"><div class="text">x</div></div>') == [("weibo", 1)]
    assert guess_systems('<article id="ljcmt12345" class="j-c">x</article>') == [("livejournal", 1)]
    assert guess_systems('<article class="message" data-content="xfmg-comment-5">x</article>') == [("xenforo", 1)]
