"""Newsvine (NBC News) discussions and Movable Type bylines, synthetic markup after the pages
those systems rendered (invented names)."""
from __future__ import annotations

from pagekit import read_page, shape


def read(body: str):
    return read_page(body, before='<div class="entry"><p>The post text.</p></div>')


def _nv(cid: int, name: str, words: str, n: int, replies: str = "", child: bool = False) -> str:
    return (f'<div class="vine-p p-comment_Comment showAvatars commentbody {"child" if child else ""}" '
            f'id="c{cid}"><div class="printerData hide"></div><div class="c_author"><div class="normal">'
            f'<a href="http://{name}.example.org/"><img class="comment_author_avatar" src="a.gif" '
            f'alt="Comment author avatar"></a><a href="http://{name}.example.org/">{name}</a></div></div>'
            f'<div id="commentText_{cid}" class="c_text"><div class="normal"><div class="commentSource">'
            f'<p>{words}</p></div><div class="vine-p p-comment_MiniToolbox"><ul class="list">'
            f'<li class="box votes"><div class="label">3 votes</div></li></ul></div></div></div>'
            f'<span class="commentdate"><a href="#c{cid}" title="Link to this comment">#{n}</a> - '
            f'Tue Jul 24, 2012 10:14 AM EDT</span>{replies}</div>')


def test_newsvine_author_is_the_member_link_not_the_words():
    r = read('<div class="vine-p p-comment_CommentThread">'
             + _nv(501, "ada_example", "Prices are the point.", 1,
                   _nv(502, "bea_sample", "Not only prices.", 2, child=True))
             + _nv(503, "cy_person", "A third view.", 3) + '</div>')
    assert shape(r) == [("Prices are the point.", 0, None, "ada_example"),
                        ("Not only prices.", 1, "Prices are the point.", "bea_sample"),
                        ("A third view.", 0, None, "cy_person")]
    assert r.comments[0].published_local.startswith("2012-07-24T10:14")  # "EDT" may add its offset


def test_movable_type_numbered_byline_and_div_bodies():
    numbered = "".join(
        f'<div class="comments-body"><p>{w}</p><span class="comments-post">Comment #{i} - Posted by: '
        f'{n} at November 10, 2012 5:39 PM</span></div>'
        for i, (n, w) in enumerate([("Ada E", "First words."), ("Bea S/30/170", "Second words.")], 1))
    r = read(f'<div id="comments">{numbered}</div>')
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("First words.", "Ada E"), ("Second words.", "Bea S/30/170")]
    bodies = "".join(
        f'<div id="c{100 + i}"><p>{w}</p></div><p class="posted">Posted by: '
        f'<a href="mailto&#58;x{i}&#64;example&#46;org">{n}</a> at October 29, 2012 05:23 PM</p>'
        for i, (n, w) in enumerate([("ada", "A body."), ("bea", "bea: another body.")]))
    r = read(f'<h2 id="comments">Comments</h2>{bodies}')
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("A body.", "ada"), ("bea: another body.", "bea")]
    assert r.comments[0].published_local == "2012-10-29T17:23"


def test_old_wordpress_loose_name_on_date_header():
    items = "".join(
        f'<li class="alt" id="comment-{70 + i}">\n\t\t\t{h} on\n\t\t\t\tOctober 23rd, 2012 1:37 pm\n'
        f'\t\t\t<div class="commenttext"><p>{w}</p></div></li>'
        for i, (h, w) in enumerate([("Ada Example", "Noise helps me sleep."),
                                    ("Bea", "Silence on the other hand keeps me up.")]))
    r = read(f'<ol class="commentlist">{items}</ol>')
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("Noise helps me sleep.", "Ada Example"), ("Silence on the other hand keeps me up.", "Bea")]
    assert r.comments[0].published_local == "2012-10-23T13:37"


def test_numbered_term_header_name_is_loose_text_date_is_the_permalink():
    def pair(cid: int, head: str, words: str, depth: int) -> str:
        return (f'<dt id="comment-{cid}" class="comment depth-{depth}">\n\t\t{head} -\n'
                f'\t<a href="http://example.org/post/#comment-{cid}">29 August, 2011</a></dt>'
                f'<dd class="comment depth-{depth}"><div class="comment" id="div-comment-{cid}">'
                f'<p>{words}</p><div class="reply"><a class="comment-reply-link" '
                f'href="?replytocom={cid}#respond">Reply</a></div></div></dd>')
    r = read('<dl class="commentlist">'
             + pair(1, '1.\t<a href="http://example.net/" rel="external nofollow" class="url">Ada E</a>',
                    "First!", 1)
             + pair(2, "2.\tBea Sample", "Second words.", 1)
             + pair(3, "3.\tcorner turned", "A phrase as a name.", 1) + "</dl>")
    assert [(c.text, c.identity.name if c.identity else None) for c in r.comments] == [
        ("First!", "Ada E"), ("Second words.", "Bea Sample"), ("A phrase as a name.", "corner turned")]


def test_an_emoticon_typed_alone_is_the_comment():
    from therapy_threads.readers.comments.cleanup import clean_comment_text

    assert clean_comment_text(":)\n\nReply", "Ada") == ":)"
    assert clean_comment_text(";-) :lol:", "Ada") == ";-) :lol:"
    assert clean_comment_text("|", "Ada") == ""


def test_header_name_beside_a_yearless_date_span_and_linked_byline_after_the_words():
    def pw(cid: int, name: str, words: str) -> str:
        return (f'<div class="comment depth-1" id="comment-{cid}"><p class="comment-number">{cid}</p>'
                f'<div class="comment-text"><h4>{name} <span>On Friday, November 2 at 10:44 am</span>'
                f'</h4><p>{words}</p><a class="comment-reply-link" href="?replytocom={cid}#respond">'
                f'Reply</a></div></div>')
    r = read('<div id="comments">' + pw(1, "Ada Example", "Too funny!")
             + pw(2, '<a href="http://example.org/" class="url">Bea</a>', "So true.") + "</div>")
    assert [(c.text, c.identity.name) for c in r.comments] == [("Too funny!", "Ada Example"),
                                                                ("So true.", "Bea")]

    def cit(cid: int, name: str, words: str) -> str:
        return (f'<li class="comment depth-1" id="li-comment-{cid}"><div id="comment-{cid}">'
                f'<div class="comment-author vcard"><img class="avatar" src="a.png"></div>'
                f'<div class="comment-body"><p>{words}</p></div><p class="citation">Posted by '
                f'<a href="http://example.org/{cid}" class="url">{name}</a> on November 5, 2012 at '
                f'8:37 am | <a href="/post/#comment-{cid}">permalink</a></p></div></li>')
    r = read('<ol class="commentlist">' + cit(5, "Cy Person", "A thought.")
             + cit(6, "Dora Sample", "Another.") + "</ol>")
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("A thought.", "Cy Person"), ("Another.", "Dora Sample")]


def test_a_bar_in_a_display_name_is_kept_header_parts_after_it_are_not():
    from therapy_threads.readers.comments.cleanup import clean_author

    assert clean_author("Dora | Example Kitchen") == "Dora | Example Kitchen"
    assert clean_author("Dora | Reply") == "Dora"
    assert clean_author("Dora | June 3, 2012", ("en",)) == "Dora"
