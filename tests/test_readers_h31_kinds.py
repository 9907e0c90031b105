"""Kinds first seen in heldout31, on synthetic pages (invented names and words).

* Slashdot's 2006-2008 templates: the byline straight in ``div.details`` ("by <a>NAME (uid)</a>",
  "by Anonymous Coward" as words), replies above the threshold that the page does not expand
  printed as one-line stubs (a plain ``li`` with the subject link and " by NAME (Score:N) DATE",
  its own replies nested in it), comments below the threshold as ``div#comment_N.hidden`` shells,
  and "N replies beneath your current threshold." lines that are not comments.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.base import HIDDEN


def _full(cid: int, name: str | None, words: str, replies: str = "", hidden: bool = False) -> str:
    if hidden:
        shell = f'<div id="comment_{cid}" class="hidden">\n</div>'
    else:
        who = (f'by <a href="//example.slashdot.org/~{name}">{name} ({cid % 9000 + 100})</a>'
               if name else "by Anonymous Coward")
        shell = (f'<div id="comment_{cid}"><div id="comment_top_{cid}" class="commentTop">'
                 f'<div class="title"><h4><a name="{cid}">Re:Kites</a> <span class="score"> (Score:3, Funny)'
                 f'</span></h4></div><div class="details">\n\t{who}\n<span class="otherdetails" '
                 f'id="comment_otherdetails_{cid}"> &lt;<a href="mailto:x@example.org">x@example.org</a>&gt; '
                 f'on Sunday June 25 2006, @01:31PM (<a href="//example.slashdot.org/comments.pl?sid=1&amp;'
                 f'cid={cid}">#{cid}</a>)</span></div></div><div class="commentBody">'
                 f'<div id="comment_body_{cid}">{words}</div></div><div class="commentSub" '
                 f'id="comment_sub_{cid}">[ <a href="#">Parent</a> ]</div></div>')
    tree = f'<ul id="commtree_{cid}">{replies}</ul>' if replies else ""
    return (f'<li id="tree_{cid}" class="comment"><div id="comment_status_{cid}" class="commentstatus">'
            f'</div>{shell}{tree}</li>')


def _stub(pid: int, cid: int, name: str, replies: str = "") -> str:
    tree = f'<ul id="commtree_{cid}">{replies}</ul>' if replies else ""
    return (f'<li><a href="//example.slashdot.org/comments.pl?sid=1&amp;threshold=1&amp;pid={pid}#{cid}">'
            f'Re:Kites</a> by {name} (Score:2) Monday June 26 2006, @08:17AM{tree}</li>')


_BENEATH = ('<li><b><a href="//example.slashdot.org/comments.pl?sid=1&amp;threshold=-1&amp;pid=11">1 reply</a>'
            ' beneath your current threshold.</b></li>')


def test_slashdot_2006_stubs_hidden_shells_and_bylines():
    listing = (
        _full(11, "Wendaline", "Kites are better in the autumn wind.",
              _stub(11, 12, "Orrick_B", _full(13, None, "Only if the string holds, surely.")
                    + _stub(12, 14, "Tamsweg"))
              + _BENEATH)
        + _full(15, "Pell Ardent", "The spring fair had more kites.",
                _full(16, None, "", _full(17, "Quillon", "Hidden parents still keep replies."), hidden=True)))
    r = read_page('<h1>Kites</h1><p>The story.</p><a name="topcomment"></a>'
                  f'<ul id="commentlisting">{listing}</ul>')
    assert shape(r) == [
        ("Kites are better in the autumn wind.", 0, None, "Wendaline"),
        (HIDDEN, 1, "Kites are better in the autumn wind.", "Orrick_B"),
        ("Only if the string holds, surely.", 2, HIDDEN, "Anonymous Coward"),
        (HIDDEN, 2, HIDDEN, "Tamsweg"),
        ("The spring fair had more kites.", 0, None, "Pell Ardent"),
        (HIDDEN, 1, "The spring fair had more kites.", None),
        ("Hidden parents still keep replies.", 2, HIDDEN, "Quillon"),
    ]
    assert "comments_not_extracted" not in codes(r)


def test_slashdot_stub_lines_outside_a_comment_listing_are_not_comments():
    # A plain list of links with bylines outside Slashdot's listing is not read as stubs.
    r = read_page('<h1>Links</h1><p>Some words of the article here.</p><ul>'
                  '<li><a href="/x#5">Kite shops</a> by Someone (Score:2) Monday</li></ul>')
    assert [c for c in r.comments if c.text == HIDDEN] == []


def _idc(cid: int, name: str, words: str, when: str, replies: str = "") -> str:
    return (f'<div class="idc-thread" id="IDThread{cid}"><div id="IDComment{cid}" class="idc-c "><div class="idc-c-h">'
            f'<div class="idc-c-h-inner"><div class="idc-v"><span class="idc-v-total">+1</span>'
            f'<a class="idc-v-up" href="#"><span>Vote up</span></a></div>'
            f'<a href="https://example.org/{name}" class="idc-a"><img class="idc-avatar" alt="avatar"></a>'
            f'<p class="idc-i"><a href="https://example.org/{name}">{name}</a> <em class="idc-time">· '
            f'<a title="Comment Permalink" href="#IDComment{cid}" id="IDCommentTime{cid}" class="IDCommentTime">'
            f'{when}</a></em></p></div></div><div id="IDCommentTop{cid}" class="idc-c-t">'
            f'<div id="IDComment-CommentText{cid}" class="idc-c-t-inner"> {words} </div></div>'
            f'<div id="IDCommentBottom{cid}" class="idc-c-b"><div id="IDCommentPostReplyLink{cid}">'
            f'<a class="idc-btn_s" href="#"><span class="idc-r">Reply</span></a></div>'
            f'<span style="display: none"><a class="idc-collapselink">0 replies </a> <em class="idc-thread_active">'
            f'· <span>active {when}</span></em></span></div></div>'
            f'<div id="IDCommentSubThread{cid}" class="idc-thread">{replies}</div></div>')


def test_intensedebate_rendered_thread_and_forms_left_out():
    thread = (_idc(501, "Marisol Fenn", "The list misses the harbour blog.", "3 weeks ago",
                   _idc(502, "Tobin Yarrow", "It was on last year's list.", "2 weeks ago"))
              + _idc(503, "Ilse Brannock", "Good picks all round.", "1 week ago"))
    form = ('<div id="IDCommentsNewThreadCover" class="idc-new"><h3>Post a new comment</h3>'
            '<div class="idc-thread" id="IDCThread"><div id="IDCommentsNewThread" class="idc-c idc-reply">'
            '<textarea>Enter text right here!</textarea></div></div></div>')
    r = read_page('<h1>Seven blogs</h1><p>Our list of blogs worth reading this month.</p>'
                  f'<div id="idc-container"><h3>Comments (3)</h3><div id="idc-cover" class="idc-comments">'
                  f'{thread}</div>{form}</div>')
    assert shape(r) == [
        ("The list misses the harbour blog.", 0, None, "Marisol Fenn"),
        ("It was on last year's list.", 1, "The list misses the harbour blog.", "Tobin Yarrow"),
        ("Good picks all round.", 0, None, "Ilse Brannock"),
    ]


def _uber(cid: int, kind: str, name: str, words: str, site: str = "") -> str:
    # A ping's name links to the linking post's permalink (a dated path).
    href = f"https://{site}/2012/03/on-lanterns-{cid}/" if site else f"https://example.org/{cid}"
    who = f"<a href='{href}' rel='external nofollow' class='url'>{name}</a>"
    return (f'<li id="li-comment-{cid}"><div class="comment {kind}" id="comment-{cid}">'
            f'<h5>{who}</h5><span class="date">March 3, 2012</span><p>{words}</p>'
            f"<a rel='nofollow' class='comment-reply-link' href='?replytocom={cid}#respond'>"
            f'<span>Reply</span></a></div></li>')


def test_wordpress_pingback_class_on_the_inner_element_marks_the_item():
    r = read_page('<h1>On lanterns</h1><p>An essay on lanterns and harbours.</p>'
                  '<div id="comments"><h3>4 Comments</h3><ol id="commentslist">'
                  + _uber(71, "pingback", "Harbour Notes &raquo; What is a Lantern? Two Options- Quay Magazine",
                          "[&#8230;] Article FROM the lantern post, with a long excerpt of several words that "
                          "goes on and on about games for kids and free passes [&#8230;]", site="harbournotes.example")
                  + _uber(72, "pingback", "On lanterns &laquo; Quayside", "[&#8230;] By Someone [&#8230;]", site="quayside.example")
                  + _uber(73, "comment", "Rowena Tallis", "Lanterns at the quay would help the night boats.")
                  + _uber(74, "comment", "Edric Vane", "The old harbour had them once.")
                  + '</ol></div>')
    assert shape(r) == [
        ("Lanterns at the quay would help the night boats.", 0, None, "Rowena Tallis"),
        ("The old harbour had them once.", 0, None, "Edric Vane"),
    ]


def test_slashdot_threshold_count_warns_when_stubs_are_not_read():
    # Stubs in a form the reader does not know (no "(Score:N)" in the line): the Display Options
    # count at the selected threshold says that comments are missing.
    odd = ('<li><a href="//example.slashdot.org/comments.pl?sid=1&amp;pid=11#21">Re:Kites</a>'
           ' - Orrick_B, Monday</li><li><a href="//example.slashdot.org/comments.pl?sid=1&amp;pid=11#22">'
           'Re:Kites</a> - Tamsweg, Monday</li><li><a href="//example.slashdot.org/comments.pl?sid=1&amp;'
           'pid=11#23">Re:Kites</a> - Wendaline, Monday</li>')
    listing = (_full(11, "Wendaline", "Kites are better in the autumn wind.", odd)
               + _full(15, "Pell Ardent", "The spring fair had more kites."))
    options = "".join(f'<option value="{t}"{" selected" if t == 1 else ""}>{t}: {n} comments</option>'
                      for t, n in ((-1, 7), (0, 6), (1, 5), (2, 2)))
    r = read_page('<h1>Kites</h1><p>The story.</p><form><fieldset><legend>Display Options</legend>'
                  f'Threshold: <select id="threshold" name="threshold">{options}</select></fieldset></form>'
                  f'<ul id="commentlisting">{listing}</ul>')
    assert len(r.comments) == 2
    assert "fewer_comments_than_declared" in codes(r)


def test_slashdot_quoted_parent_box_is_not_text():
    # ``<p><div class="quote">``: the parser closes the paragraph, the quote box stays in the body.
    quoted = ('Kites need wind.</p><p><div class="quote"><p>The spring fair had more kites than any year.</p>'
              '</div><p> <a href="https://kites.example/fair" rel="nofollow">https://kites.example/fa...</a>'
              ' [kites.example] </p>')
    r = read_page('<h1>Kites</h1><p>The story.</p><ul id="commentlisting">'
                  + _full(31, "Wendaline", "<p>Kites need wind.</p>",
                          _full(32, "Quillon", "<p>" + quoted)) + '</ul>')
    assert [c.text for c in r.comments] == [
        "Kites need wind.", "Kites need wind.\n\nhttps://kites.example/fa... [kites.example]"]
