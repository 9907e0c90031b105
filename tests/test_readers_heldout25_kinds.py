"""Kinds first seen in heldout25, on synthetic pages: a WordPress post whose comment permalinks name
it by its id (``/?p=ID#comment-N``) while the page's address is the pretty one; a forum whose posts
each sit in a wrapper of their own, a former member named only in the byline and a letter avatar
before the name's link; Blogger's classic "At DATE, NAME said..." header; a header printed loose
in the comment's element ("#3 NAME<br>DATE link"), with a role badge after a dash."""
from __future__ import annotations

from pagekit import codes, read_page, shape

_POST = "https://blog.example.org/2012/05/01/a-post-about-jam/"


def _wp_comment(cid: int, name: str, words: str, post_id: int) -> str:
    return (f'<li id="comment-{cid}"><cite><a href="https://site.example/" rel="external nofollow" class="url">'
            f'{name}</a></cite> Says:<br><small class="commentmetadata"><a href="https://blog.example.org/'
            f'?p={post_id}#comment-{cid}">May 1st, 2012 at 2:29 pm</a></small><p>{words}</p></li>')


def _wp_page(list_post_id: int, form_post_id: int) -> str:
    return ('<div id="content"><div class="Entry"><h1>A post about jam</h1><p>The post itself, with jam.</p>'
            '<h3 id="comments">2 Responses to “A post about jam”</h3><ol class="commentlist">'
            + _wp_comment(11, "Ada Example", "Strawberry is the best jam of all.", list_post_id)
            + _wp_comment(12, "Bea Sample", "Apricot jam on toast every morning.", list_post_id)
            + '</ol><form action="/wp-comments-post.php" method="post" id="commentform"><textarea name="comment">'
            f'</textarea><input type="hidden" name="comment_post_ID" value="{form_post_id}"></form></div></div>')


def test_wordpress_permalinks_by_post_id_are_the_posts_own_comments():
    r = read_page(_wp_page(4321, 4321), url=_POST)
    assert [(t, a) for t, _, _, a in shape(r)] == [("Strawberry is the best jam of all.", "Ada Example"),
                                                   ("Apricot jam on toast every morning.", "Bea Sample")]
    assert "comments_out_of_scope" not in codes(r)


def test_wordpress_permalinks_to_another_post_id_stay_out_of_scope():
    r = read_page(_wp_page(999, 4321), url=_POST)
    assert shape(r) == []
    assert "comments_out_of_scope" in codes(r)


_AVATAR = ('<span class="circle-avatar" title="{0}"><svg viewBox="0 0 10 10"><g><circle r="50%"></circle>'
           '<text x="50%" y="50%">{1}</text></g></svg></span>')


def _forum_post(pid: int, kind: str, byline: str, words: str) -> str:
    return (f'<div id="postWrapper{pid}"><article id="{pid}" class="post-article post-box {kind}">'
            f'<div class="post-box-byline">{byline}</div><div class="post-box-inner">'
            f'<div id="post_body_{pid}" class="post-body">{words}</div></div>'
            f'<div class="post-box-meta"><a href="/topic/smoking-ribs?reply={pid}#{pid}">'
            f'<time datetime="2005-07-10T01:56:00">7/9/05 8:56 PM</time></a></div></article></div>')


def _member(name: str) -> str:
    return (f'<a href="https://forum.example.com/member/{name}">{_AVATAR.format(name, name[0].upper())}</a>'
            f'<a href="https://forum.example.com/member/{name}">{name}</a><span class="member-title">Member</span>')


def test_forum_posts_in_wrappers_of_their_own_are_read():
    former = _AVATAR.format("Former Member", "F") + "Former Member"
    body = ('<div id="topicContainer">'
            + _forum_post(100, "h-original-topic-post", _member("pitmaster_ex"),
                          "How long do you smoke ribs for?")
            + '<p class="sort-note">Oldest first</p>'
            + _forum_post(101, "h-reply-post-box", _member("ada_example"), "Five hours at a low heat.")
            + _forum_post(102, "h-reply-post-box", former,
                          '<blockquote class="ip-ubbcode-quote"><div>quote:</div><div>Five hours</div>'
                          '</blockquote>Six for spare ribs, in my experience.')
            + "</div>")
    r = read_page(body)
    assert shape(r) == [("Five hours at a low heat.", 0, None, "ada_example"),
                        ("Six for spare ribs, in my experience.", 0, None, "Former Member")]


def _blogger_dt(cid: str, who: str, words: str) -> str:
    return (f'<dt class="comment-data" id="c{cid}"><a name="c{cid}"></a> At <a href="#c{cid}" '
            f'title="comment permalink">4/19/2005 07:14:49 PM</a>, {who} said... </dt>'
            f'<dd class="comment-body"><p>{words}</p></dd>')


def test_blogger_classic_at_date_name_said_header_names_the_commenter():
    body = ('<div class="post"><p>The post.</p></div><div id="comments"><h4>3 Comments:</h4>'
            '<dl id="comments-block">'
            + _blogger_dt("111395608922054770", "Anonymous", "Words from someone unnamed.")
            + _blogger_dt("111395608922054771", '<span class="anon-comment-author">Cy Person</span>',
                          "Words from a named guest.")
            + _blogger_dt("111395608922054772", '<a href="http://www.blogger.com/profile/81" rel="nofollow">'
                          "Dee Example - Night Owl</a>", "Words from a profile.")
            + "</dl></div>")
    assert [(t, a) for t, _, _, a in shape(read_page(body))] == [
        ("Words from someone unnamed.", "Anonymous"), ("Words from a named guest.", "Cy Person"),
        ("Words from a profile.", "Dee Example - Night Owl")]


def _loose(cid: int, num: int, who: str, words: str, cls: str = "") -> str:
    return (f'<li class="{cls}" id="comment-{cid}"><img src="/a.jpg" class="comment-author-image" alt="">'
            f'<span class="comment-no">#{num}</span> {who} <br><a href="#comment-{cid}">September 19th, '
            f'2012 at 16:14</a><div class="comment-text"><p>{words}</p></div></li>')


def test_loose_header_name_before_the_permalink_line():
    body = ('<article><p>The post.</p></article><ul class="comments site-comments">'
            + _loose(501, 1, '<a href="https://ada.example/" title="Visit Ada Example" rel="nofollow">Ada Example</a>',
                     "Congratulations on the new job!")
            + _loose(502, 2, "Bea Sample", "Well deserved, and good luck.")
            + _loose(503, 3, '<a href="https://owner.example/" title="Visit Ed Owner" rel="nofollow">Ed Owner - author</a>',
                     "Thank you both very much!", cls="author")
            + "</ul>")
    assert [(t, a) for t, _, _, a in shape(read_page(body))] == [
        ("Congratulations on the new job!", "Ada Example"), ("Well deserved, and good luck.", "Bea Sample"),
        ("Thank you both very much!", "Ed Owner")]


def _typepad(cid: str, who: str, words: str) -> str:
    return (f'<div class="comment comment-odd" id="comment-{cid}"><div class="comment-content" '
            f'id="comment-{cid}-content"><span><p>{words}</p></span></div><p class="comment-footer"> Posted by: '
            f'{who} | <a rel="nofollow" href="https://blog.example.org/2012/07/a-post.html?cid={cid}#comment-{cid}">'
            f'August 22, 2012 at 04:46 PM</a></p></div>')


def test_byline_link_name_that_holds_on_is_the_whole_link():
    body = ('<div class="entry"><p>The post.</p></div><div class="comments" id="all-comments">'
            '<div id="comments-content">'
            + _typepad("6a00aa01", '<a rel="nofollow" href="https://tips.example/">Tips on Baking Bread</a>',
                       "Lovely ideas for a weekend.")
            + _typepad("6a00aa02", "Ada Example", "Thanks for the videos.")
            + "</div></div>")
    assert [(t, a) for t, _, _, a in shape(read_page(body))] == [
        ("Lovely ideas for a weekend.", "Tips on Baking Bread"), ("Thanks for the videos.", "Ada Example")]


def test_on_date_name_said_header_element_names_the_commenter():
    def li(cid: int, who: str, words: str) -> str:
        return (f'<li class="comment" id="comment-{cid}"><div class="comment-head">On <a href="#comment-{cid}">'
                f'March 3rd, 2008 at 5:12 pm</a>, {who} said:</div><p>{words}</p></li>')
    body = ('<article><p>The post.</p></article><ol class="commentlist">'
            + li(701, '<a href="https://ada.example/" rel="external nofollow">Ada Example</a>',
                 "A first thought on the matter at hand.")
            + li(702, "Bea Sample", "A second thought, somewhat longer than the first.") + "</ol>")
    assert [(t, a) for t, _, _, a in shape(read_page(body))] == [
        ("A first thought on the matter at hand.", "Ada Example"),
        ("A second thought, somewhat longer than the first.", "Bea Sample")]
