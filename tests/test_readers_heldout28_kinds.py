"""Kinds first seen in heldout28, on synthetic pages.

* phpBB 2 (``templates/subSilver/viewtopic_body.tpl``, every 2.0.x release): the message cell is
  ``<td colspan="2"><span class="postbody">{MESSAGE}{SIGNATURE}</span><span class="gensmall">
  {EDITED_MESSAGE}</span></td>`` and ``bbcode.tpl`` closes the ``span.postbody`` before each quote
  or code table and opens a new one after it: a post that opens with a quote has an empty first
  span. "Page N of M" is in a ``span.nav``.
* phpBB 3 subsilver2 styles that print the poster as ``span.postauthor`` instead of the
  template's ``b.postauthor``.
* A WordPress page saved by wget: its comment permalinks are relative ("SLUG.html#comment-2")
  and the canonical address spells the path with its letters, the reply link percent-encoded.
* Comments found without readable text while others were read: said, not only quarantined.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.declared import raw_comment_ids


def _quote(name: str, words: str) -> str:
    # bbcode.tpl's quote_username_open ... quote_close
    return ('</span><table width="90%" cellspacing="1" cellpadding="3" border="0" align="center">'
            f'<tr><td><span class="genmed"><b>{name} wrote:</b></span></td></tr>'
            f'<tr><td class="quote">{words}</td></tr></table><span class="postbody">')


def _code(text: str) -> str:
    return ('</span><table width="90%" cellspacing="1" cellpadding="3" border="0" align="center">'
            '<tr><td><span class="genmed"><b>Code:</b></span></td></tr>'
            f'<tr><td class="code">{text}</td></tr></table><span class="postbody">')


def _row(pid: int, name: str, message: str, *, edited: str = "", cls: str = "row1",
         posted: str = "Posted: Wed Jan 22, 2003 9:36 pm") -> str:
    return (f'<tr><td width="150" align="left" valign="top" class="{cls}"><span class="name">'
            f'<a name="{pid}"></a><b>{name}</b></span><br /><span class="postdetails">Joined: 01 Jan 2002'
            f'<br />Posts: 12</span><br /></td><td class="{cls}" width="100%" height="28" valign="top">'
            '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td width="100%">'
            f'<a href="viewtopic.php?p={pid}#{pid}"><img src="templates/subSilver/images/icon_minipost.gif" '
            f'alt="Post" /></a><span class="postdetails">{posted}'
            '<span class="gen">&nbsp;</span>&nbsp; &nbsp;Post subject: Re: Soup</span></td>'
            '<td valign="top" nowrap="nowrap"></td></tr><tr><td colspan="2"><hr /></td></tr>'
            f'<tr><td colspan="2"><span class="postbody">{message}</span>'
            f'<span class="gensmall">{edited}</span></td></tr></table></td></tr>'
            f'<tr><td class="{cls}"><span class="nav"><a href="#top" class="nav">Back to top</a></span></td>'
            f'<td class="{cls}"></td></tr>'
            '<tr><td class="spaceRow" colspan="2" height="1"></td></tr>')


def _topic(rows: str, *, page: str = "Page <b>1</b> of <b>1</b>") -> str:
    return ('<table class="forumline" width="100%" cellspacing="1" cellpadding="3" border="0">'
            '<tr><th class="thLeft">Author</th><th class="thRight">Message</th></tr>'
            f'{rows}</table><table width="100%"><tr><td align="left" colspan="3">'
            f'<span class="nav">{page}</span></td></tr></table>')


_PHPBB2 = (_row(11, "Ada Example", "How long does the soup keep?")
           + _row(12, "Bea Sample", _quote("Ada Example", "How long does the soup keep?")
                  + "<br />A week in the fridge.", cls="row2")
           + _row(13, "Cora Owner", _quote("Bea Sample", _quote("Ada Example", "How long?")
                                           + "A week") + "<br />Only five days, I think.<br />"
                  "_________________<br />soup is life", edited="Last edited by Cora Owner on "
                  "Thu Jan 23, 2003 1:00 am; edited 1 time in total")
           + _row(14, "Dan Person", "Freeze it like this:" + _code("portion(soup, 4)")
                  + "<br />Works for me.", cls="row2"))


def test_phpbb2_posts_opening_with_a_quote_keep_their_words():
    r = read_page(_topic(_PHPBB2))
    assert shape(r) == [
        ("A week in the fridge.", 0, None, "Bea Sample"),
        ("Only five days, I think.", 0, None, "Cora Owner"),
        ("Freeze it like this:\n\nportion(soup, 4)\n\nWorks for me.", 0, None, "Dan Person"),
    ]
    assert not r.quarantine
    assert "comments_without_text" not in codes(r)


def test_phpbb2_style_wrapping_the_message_in_a_div():
    rows = (_row(51, "Ada Example", "How long does the soup keep?")
            + _row(52, "Bea Sample", _quote("Ada Example", "How long?") + "<br />A week.", cls="row2")
            ).replace('<span class="postbody">', '<div id="message_5x"><span class="postbody">', 2)
    r = read_page(_topic(rows))
    assert [c[0] for c in shape(r)] == ["A week."]


def test_phpbb2_quote_and_image_only_post_is_kept():
    rows = (_row(21, "Ada Example", "A picture of the soup?")
            + _row(22, "Bea Sample", _quote("Ada Example", "A picture of the soup?")
                   + '<img src="images/smiles/icon_cry.gif" alt="Crying" border="0" />'))
    r = read_page(_topic(rows))
    assert len(r.comments) == 1 and not r.quarantine


def test_phpbb2_second_page_has_no_opening_post():
    r = read_page(_topic(_PHPBB2, page="Page <b>2</b> of <b>2</b>"))
    assert [c[3] for c in shape(r)] == ["Ada Example", "Bea Sample", "Cora Owner", "Dan Person"]


def test_phpbb2_post_anchors_are_counted_apart_from_the_reader():
    assert raw_comment_ids(_topic(_PHPBB2).replace("\n", "")) == {"11", "12", "13", "14"}
    r = read_page(_topic(_PHPBB2))
    assert "comment_markup_unread" not in codes(r)


def _subsilver2_post(pid: int, name: str, words: str, tag: str = "span") -> str:
    return ('<table class="tablebg" width="100%" cellspacing="1"><tr class="row1">'
            f'<td valign="middle"><a name="p{pid}"></a><{tag} class="postauthor">{name}</{tag}></td>'
            '<td width="100%" height="25"><table width="100%" cellspacing="0"><tr>'
            '<td class="gensmall" width="100%"><div style="float: left;">&nbsp;Post subject: Soup</div>'
            f'<div style="float: right;"><a href="./viewtopic.php?p={pid}#p{pid}">Post</a>'
            'Posted: Tue Jul 16, 2002 4:07 am&nbsp;</div></td></tr></table></td></tr>'
            '<tr class="row1"><td valign="top" class="profile"><span class="postdetails"><br />'
            '<b>Joined:</b> Fri May 13, 2005 5:08 pm<br /><b>Posts:</b> 3</span></td>'
            f'<td valign="top"><table width="100%" cellspacing="5"><tr><td><div class="postbody">{words}</div>'
            '<br clear="all" /><br /></td></tr></table></td></tr>'
            '<tr class="row1"><td class="profile"><a href="#wrapheader">Top</a></td><td></td></tr></table>')


def test_subsilver2_style_printing_the_poster_as_a_span():
    posts = (_subsilver2_post(4, "Ada Example", "How long does the soup keep?")
             + _subsilver2_post(5, "Bea Sample", "A week in the fridge.")
             + _subsilver2_post(6, "Cora Owner", "Only five days.", tag="b"))
    nav = '<table><tr><td class="nav">&nbsp;Page <strong>1</strong> of <strong>1</strong></td></tr></table>'
    r = read_page(nav + posts + nav)
    assert shape(r) == [("A week in the fridge.", 0, None, "Bea Sample"),
                        ("Only five days.", 0, None, "Cora Owner")]


_CANONICAL = "https://blog.example.jp/blog/2020/09/明日.html"


def _wp_saved(permalink: str) -> str:
    return ('<article id="post-72" class="post-72 post type-post hentry"><h1>明日</h1>'
            '<div class="entry-content"><p>本文です。</p></div></article>'
            '<div id="comments"><ol class="comment-list">'
            '<li class="comment even thread-even depth-1" id="comment-2"><div id="div-comment-2" class="comment-body">'
            '<div class="comment-author vcard"><cite class="fn">山田花子</cite> <span class="says">より:</span></div>'
            f'<div class="comment-meta commentmetadata"><a href="{permalink}">2020年9月24日 8:26 AM</a></div>'
            '<p>楽しみにしています。</p>'
            '<div class="reply"><a rel="nofollow" class="comment-reply-link" '
            'href="https://blog.example.jp/blog/2020/09/%e6%98%8e%e6%97%a5.html?replytocom=2#respond">返信</a></div>'
            '</div></li></ol></div>')


def test_relative_permalink_of_a_saved_page_is_this_post():
    head = f'<link rel="canonical" href="{_CANONICAL}" />'
    r = read_page(_wp_saved("明日.html#comment-2"), head=head, lang="ja")
    assert [c[0] for c in shape(r)] == ["楽しみにしています。"]
    assert "comments_out_of_scope" not in codes(r)


def test_percent_encoded_permalink_is_this_post():
    head = f'<link rel="canonical" href="{_CANONICAL}" />'
    r = read_page(_wp_saved("https://blog.example.jp/blog/2020/09/%E6%98%8E%E6%97%A5.html#comment-2"),
                  head=head, lang="ja")
    assert len(r.comments) == 1


def test_relative_permalink_to_another_post_is_still_out_of_scope():
    head = f'<link rel="canonical" href="{_CANONICAL}" />'
    r = read_page(_wp_saved("../08/昨日.html#comment-2"), head=head, lang="ja")
    assert not r.comments and "comments_out_of_scope" in codes(r)


def test_comments_found_without_text_are_said_when_others_are_read():
    # A PNphpBB2-like cell whose words the reader cannot see (only an empty span): the post is
    # found and quarantined; the page says so instead of staying silent.
    rows = (_row(31, "Ada Example", "Opening post.")
            + _row(32, "Bea Sample", "A reply with words.", cls="row2")
            + _row(33, "Cora Owner", "   "))
    r = read_page(_topic(rows))
    assert len(r.comments) == 1 and len(r.quarantine) == 1
    assert "comments_without_text" in codes(r)


def test_an_empty_shell_without_poster_or_date_is_not_said_lost():
    rows = (_row(41, "Ada Example", "Opening post.")
            + _row(42, "Bea Sample", "A reply with words.", cls="row2")
            + _row(43, "", "   ", posted=""))
    r = read_page(_topic(rows))
    assert len(r.comments) == 1 and len(r.quarantine) == 1
    assert "comments_without_text" not in codes(r)
