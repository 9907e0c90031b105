"""Kinds first seen in heldout33, on synthetic pages (invented names and words).

* Invision Power Board 1.x-2.x topics (``skin_topic`` ``RenderRow``): one table per post, the
  name in ``span.normalname``/``span.unreg``, the words in ``div.postcolor`` (in 1.x a quote
  closes it and a new one opens after the quote table), the signature after a dashed line;
  and the warning when no reader reads such a page (the engine's marker, or, for an engine nobody
  knows, the repeated post tables with a date after a label).
* A theme's own comment callback that puts the comment's anchor id on the header heading inside
  the comment block (``div.comment`` > ``h3#comment-N``): one comment, not a reply holding the
  name; a profile's address pasted into the words is not the byline.
* Habr's 2011-2016 comments: ``div.comment_item`` nested in ``div.reply_comments``; a banned
  user's comment (only the site's sentence) and an empty body keep their place for their replies.
* A comment whose words are only its author's name (printed apart, in the header) is kept.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.base import HIDDEN, NO_WORDS
from therapy_threads.readers.comments.engine import systems_off


def _ipb1(pid: int, name: str, when: str, words: str, sig: str = "", guest: bool = False,
          css: str = "post1") -> str:
    """One post as IPB 1.x's RenderRow prints it."""
    who = (f"<span class='unreg'>{name}</span>" if guest else
           f"<span class='normalname'><a href='https://forum.example.org/index.php?showuser={pid % 97}'>"
           f"{name}</a></span>")
    signature = f"<br /><br />--------------------<br />\n<div class='signature'>{sig}</div>" if sig else ""
    return f"""
	<!--Begin Msg Number {pid}-->
    <table width='100%' border='0' cellspacing='1' cellpadding='3'>
    <tr>
      <td valign='middle' class='row4' width="1%"><a name='entry{pid}'></a>{who}</td>
      <td class='row4' valign='top' width="99%">
        <div align='left' class='row4' style='float:left'>
        <span class='postdetails'><b><a title="Link" href="#" onclick="link_to_post({pid}); return false;">Posted on</a></b> {when}</span>
        </div>
        <div align='right'><a href='https://forum.example.org/index.php?act=Post&amp;CODE=06&amp;p={pid}'><img src='p_quote.gif' alt='Quote' /></a></div>
      </td>
    </tr>
    <tr>
      <td valign='top' class='{css}'>
        <span class='postdetails'><br />Member<br /><a href='https://forum.example.org/index.php?showuser=7'>Profile</a><br />
        Group: Members<br />Posts: 12<br />Joined: 3.04.2008<br /></span>
      </td>
      <td width='100%' valign='top' class='{css}'>
        <!-- THE POST {pid} -->
        <div class='postcolor'>{words}</div>
        {signature}
        <!-- THE POST -->
      </td>
    </tr>
    <tr>
      <td class='darkrow3'><b></b></td>
      <td class='darkrow3' nowrap="nowrap"><a href='javascript:scroll(0,0);'><img src='p_up.gif' alt='Top' /></a></td>
    </tr>
    </table>
    <div class='darkrow1' style='height:5px'><!-- --></div>"""


def _quote1(name: str, when: str, words: str) -> str:
    """IPB 1.x's quote: the post's div.postcolor is closed around the quote's table."""
    return (f"<!--QuoteBegin-{name}+{when}--></div><table border='0' align='center' width='95%' "
            f"cellpadding='3' cellspacing='1'><tr><td><b>QUOTE</b> ({name} @ {when})</td></tr>"
            f"<tr><td id='QUOTE'><!--QuoteEBegin-->{words}<!--QuoteEnd--></td></tr></table>"
            f"<div class='postcolor'><!--QuoteEEnd-->")


def _topic1(posts: str) -> str:
    return (f"<div class='tableborder'><div class='maintitle'>Spring meeting of the kite club</div>"
            f"{posts}<div class='activeuserstrip'>Users reading this topic: 1</div></div>")


def test_ipb1_topic_posts_quotes_signatures_edit_notes_and_guests():
    posts = (
        _ipb1(501, "Organiser", "3.05.2009 - 10:00", "The meeting is on Sunday at noon. Bring your kites.")
        + _ipb1(502, "Mira&nbsp;Loftwind", "3.05.2009 - 11:12",
                "Will there be a workshop for beginners?", sig="Kites over the hill since 1999", css="post2")
        + _ipb1(503, "Organiser", "3.05.2009 - 12:30",
                "<b>Mira Loftwind</b> " + _quote1("Mira Loftwind", "3.05.2009 - 11:12",
                                                  "Will there be a workshop for beginners?")
                + "Yes, at ten in the small hall." + _quote1("", "", "Rule 4: no metal lines.")
                + "Please read the rules first.<br /><br /><span class='edit'>This post has been edited "
                  "by <b>Organiser</b>: 3.05.2009 - 12:41</span>")
        + _ipb1(504, "Passing Guest", "4.05.2009 - 08:05", "Is parking free?", guest=True, css="post2")
        + _ipb1(505, "Tobin", "4.05.2009 - 09:15",
                "My line config:<!--c1--></div><table border='0' align='center' width='95%' cellpadding='3' "
                "cellspacing='1'><tr><td><b>CODE</b> </td></tr><tr><td id='CODE'><!--ec1-->"
                "line = 30m braided<!--c2--></td></tr></table><div class='postcolor'><!--ec2-->Works well."))
    r = read_page(_topic1(posts), url="https://forum.example.org/index.php?showtopic=77")
    assert shape(r) == [
        ("Will there be a workshop for beginners?", 0, None, "Mira Loftwind"),
        ("Mira Loftwind\n\nYes, at ten in the small hall.\n\nPlease read the rules first.", 0, None,
         "Organiser"),
        ("Is parking free?", 0, None, "Passing Guest"),
        ("My line config:\n\nline = 30m braided\n\nWorks well.", 0, None, "Tobin"),
    ]
    assert r.posts[0].comment_system == "invision-board"
    assert [c.published_local for c in r.comments][:2] == ["2009-05-03T11:12", "2009-05-03T12:30"]
    assert r.skipped.get("thread_starter") == 1
    assert "comment_markup_unread" not in codes(r)


def test_ipb1_later_page_has_no_opening_post():
    posts = (_ipb1(601, "Tobin", "5.05.2009 - 09:00", "Twenty-first post of the topic.")
             + _ipb1(602, "Mira Loftwind", "5.05.2009 - 09:30", "Twenty-second post of the topic."))
    r = read_page(_topic1(posts), url="https://forum.example.org/index.php?showtopic=77&st=20")
    assert [c.text for c in r.comments] == ["Twenty-first post of the topic.", "Twenty-second post of the topic."]


def _ipb2(pid: int, name: str, when: str, words: str) -> str:
    """One post as IPB 2.x prints it: div.borderwrap > table.ipbtable, div.postcolor#post-N."""
    return f"""<div class="borderwrap"><table class='ipbtable' cellspacing="1">
    <tr><td class="row2" valign="middle" width="1%"><a name="entry{pid}"></a><span class="normalname">
    <a href="https://forum.example.org/index.php?showuser=3">{name}</a></span></td>
    <td class="row2" valign="top"><div style="float:left"><span class="postdetails">
    <a href="#" onclick="link_to_post({pid}); return false;"><img src="to_post_off.gif" alt="post" /></a>
    {when}</span></div></td></tr>
    <tr><td valign="top" class="post2"><span class="postdetails">Group: Members<br />Posts: 40</span></td>
    <td width="100%" valign="top" class="post2" id="post-main-{pid}">
    <div class="postcolor" id="post-{pid}">{words}</div></td></tr>
    <tr><td class="formbuttonrow" colspan="2"><a href="#top">Top</a></td></tr></table></div>"""


def test_ipb2_topic_quotes_in_the_words():
    posts = (_ipb2(701, "Organiser", "May 3 2009, 10:00 AM", "Opening post of the topic, about kites.")
             + _ipb2(702, "Tobin", "May 3 2009, 11:00 AM", "Which field do we meet on?")
             + _ipb2(703, "Organiser", "May 3 2009, 11:20 AM",
                     "<div class='quotetop'>QUOTE(Tobin @ May 3 2009, 11:00 AM)</div>"
                     "<div class='quotemain'>Which field do we meet on?</div>The north field."))
    r = read_page(posts, url="https://forum.example.org/index.php?showtopic=88")
    assert shape(r) == [
        ("Which field do we meet on?", 0, None, "Tobin"),
        ("The north field.", 0, None, "Organiser"),
    ]


def test_ipb1_page_no_reader_reads_is_read_by_its_dated_posts():
    # (i12-lso2: warned about until the dated-blocks fallback; now its dated posts are read, the
    # first the topic's opening post)
    posts = "".join(_ipb1(800 + i, f"Poster{i}", f"{i + 1}.06.2009 - 10:00",
                          f"Words of post number {i}, long enough to be a post.") for i in range(5))
    with systems_off(["invision-board"]):
        r = read_page(_topic1(posts))
    assert len(r.comments) == 4 and r.skipped.get("thread_starter") == 1
    assert all(f"Words of post number {i}," in c.text for i, c in enumerate(r.comments, 1))


def _unknown_post(n: int, name: str, when: str, words: str) -> str:
    """A post table of an engine nobody knows: a header row (the name; a label and the date), the
    words' row, a buttons row; no class says post, message or comment."""
    return (f"<table class='zb-t' width='100%'><tr><td class='zb-a'><span class='zb-nick'>{name}</span></td>"
            f"<td class='zb-a'><span class='zb-d'><b>Written</b> {when}</span></td></tr>"
            f"<tr><td class='zb-b'>Rank: 2<br />Posts: {n}</td><td class='zb-b'>{words}</td></tr>"
            f"<tr><td class='zb-c'></td><td class='zb-c'><a href='#top'>up</a></td></tr></table>"
            f"<div class='zb-gap'></div>")


def test_repeated_post_tables_no_reader_understood_are_read():
    # (i12-lso2: warned about until the dated-blocks fallback; now read, the first table the
    # topic's opening post)
    posts = "".join(_unknown_post(i, f"Caller{i}", f"1{i}.02.2011 - 2{i}:15",
                                  f"Reply number {i} talks about the weather over the bay today.")
                    for i in range(4))
    r = read_page(f"<h1>Weather over the bay</h1><div class='zb-list'>{posts}</div>")
    assert len(r.comments) == 3 and r.skipped.get("thread_starter") == 1
    assert all(f"Reply number {i} talks" in c.text for i, c in enumerate(r.comments, 1))


def _b8i(cid: int, name: str, words: str, site: str = "") -> str:
    """A comment as a blog theme's own callback prints it: the comment's anchor id on its header
    heading (avatar and name) inside the comment block, the words after; no date."""
    who = f"<a href='{site}' rel='external nofollow' class='url'>{name}</a>" if site else name
    return (f'<div class="comment">\n  <h3 class="alt" id="comment-{cid}">\n    <img alt="" src="/av/{cid}.png" '
            f"class='avatar avatar-32 photo' height='32' width='32' />    {who}  </h3>\n  <p>{words}</p>\n</div>")


def test_comment_id_on_the_header_heading_is_the_blocks_not_another_comment():
    comments = (_b8i(41, "Hanna Ost", "The second chapter has a typo in the title.")
                + _b8i(42, "Tamsin", "Thanks, fixed it just now.", site="https://tamsin.example.org/")
                + _b8i(44, "Tamsin", "See the talk notes at<br />\n<a href='https://talks.example.org/profiles/ulme/' "
                       "rel='nofollow'>https://talks.example.org/profiles/ulme/</a>",
                       site="https://tamsin.example.org/"))
    r = read_page(f'<h1>Reading notes</h1><p>The post.</p><div id="comments">{comments}</div>'
                  '<h3 id="respond">Leave a Reply</h3><form id="commentform"><textarea name="comment"></textarea></form>')
    assert shape(r) == [
        ("The second chapter has a typo in the title.", 0, None, "Hanna Ost"),
        ("Thanks, fixed it just now.", 0, None, "Tamsin"),
        ("See the talk notes at\nhttps://talks.example.org/profiles/ulme/", 0, None, "Tamsin"),
    ]


def _habr(cid: int, parent: int, name: str | None, words: str, replies: str = "") -> str:
    """A comment in Habr's 2011-2016 markup; ``name`` None: a banned user's placeholder."""
    if name is None:
        body = '<div class="author_banned">Placeholder sentence printed by the site</div>'
    else:
        body = (f'<div class="info  " rel="{cid}"><div id="voting_{cid}" class="voting   "><span class="minus"></span>'
                f'<span class="plus"></span><div class="mark positive "><span class="score">+7</span></div></div>'
                f'<a href="https://habr.example.org/users/{name}/" class="avatar"></a>'
                f'<a href="https://habr.example.org/users/{name}/" class="username">{name}</a><span class="comma">,</span>'
                f'<time>27 ноября 2011 в 23:{cid % 60:02d}</time><a href="#comment_{cid}" class="link_to_comment">#</a>'
                + (f'<a href="#comment_{parent}" class="to_parent">&uarr;</a>' if parent else "")
                + f'</div><div class="message html_format ">{words}</div><div class="reply_form_placeholder"></div>'
                f'<div class="reply"><a href="#reply" class="reply_link">ответить</a></div>')
    return (f'<div class="comment_item" id="comment_{cid}"><span class="parent_id" data-parent_id="{parent}"></span>'
            f'<div class="comment_body">{body}</div><div class="reply_comments" id="reply_comments_{cid}">'
            f'{replies}</div></div>')


def test_habr_2011_banned_placeholders_and_empty_bodies_keep_their_place():
    thread = (_habr(11, 0, "lantern", "Отличная статья!",
                    _habr(12, 11, None, "", _habr(13, 12, "pebble", "Ответ на удалённый комментарий.")))
              + _habr(14, 0, "quiver", "", _habr(15, 14, "lantern", "Картинка не загрузилась.")))
    r = read_page(f'<div class="comments_list " id="comments"><h2 class="title ">Комментарии '
                  f'(<span id="comments_count">5</span>)</h2>{thread}</div>', lang="ru")
    assert shape(r) == [
        ("Отличная статья!", 0, None, "lantern"),
        (HIDDEN, 1, "Отличная статья!", None),
        ("Ответ на удалённый комментарий.", 2, HIDDEN, "pebble"),
        (NO_WORDS, 0, None, "quiver"),
        ("Картинка не загрузилась.", 1, NO_WORDS, "lantern"),
    ]
    assert r.posts[0].comment_system == "habr"


def _wp(cid: int, name: str, words: str) -> str:
    return (f'<li id="comment-{cid}" class="comment even thread-even depth-1"><article id="div-comment-{cid}" '
            f'class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
            f'<b class="fn"><a href="https://{name}.example.org/" rel="external nofollow" class="url">{name}</a></b> '
            f'<span class="says">sagt:</span></div><div class="comment-metadata"><a href="#comment-{cid}">'
            f'<time datetime="2011-09-21T17:4{cid % 10}:39+00:00">21. September 2011 um 17:4{cid % 10}</time></a>'
            f'</div></footer><div class="comment-content"><p>{words}</p></div><div class="reply">'
            f'<a rel="nofollow" class="comment-reply-link" href="?replytocom={cid}#respond">Antworten</a></div>'
            f'</article></li>')


def test_a_comment_whose_words_are_its_authors_name_is_kept():
    r = read_page('<h1>Ausflug</h1><p>Der Beitrag.</p><ol class="comment-list">'
                  + _wp(31, "Ferko", "Schöne Bilder vom Ausflug!") + _wp(32, "zz", "zz")
                  + _wp(33, "Ilvy", "Danke fürs Teilen.") + "</ol>", lang="de")
    assert shape(r) == [
        ("Schöne Bilder vom Ausflug!", 0, None, "Ferko"),
        ("zz", 0, None, "zz"),
        ("Danke fürs Teilen.", 0, None, "Ilvy"),
    ]


def test_a_typed_quotation_header_with_a_date_is_the_commenters_words():
    r = read_page('<h1>Ausflug</h1><p>Der Beitrag.</p><ol class="comment-list">'
                  + _wp(35, "Ferko", "Schöne Bilder vom Ausflug!")
                  + _wp(36, "Ilvy", "Ferko schrieb am  October 23, 2011:<br />\n„Schöne Bilder vom Ausflug!“</p>"
                                    "<p>Dem stimme ich zu.") + "</ol>", lang="de")
    assert [c.text for c in r.comments][1] == ("Ferko schrieb am October 23, 2011:\n„Schöne Bilder vom Ausflug!“"
                                               "\n\nDem stimme ich zu.")
