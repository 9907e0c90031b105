"""Kinds first seen in heldout32, on synthetic pages (invented names and words).

* Forem, the Rails forum engine gem (rubysherpas/forem): ``a[name=post-ID]`` + ``div.post#post_N``
  with ``div.user > div.username`` and ``div.contents`` (permalink around ``time``, the words, the
  "In reply to NAME" link to ``#post-ID``); the 2012 template, the Bootstrap 3 template and a
  site theme that wraps every post in a ``section`` and closes a ``div`` too early; later pages
  of a topic (the pager's current page) and replies to a post on another page.
* A forum archive's re-printing of phpBB 2 posts: repeated ``div.post`` blocks whose only poster
  mark is the header line "#ID - NAME - DATE", the words phpBB 2's own message markup (quote and
  code tables, the signature after a line of underscores).
"""
from __future__ import annotations

from pagekit import codes, read_page, shape


def _forem_2012(pid: int, n: int, name: str, words: str, to: int | None = None,
                to_name: str = "") -> str:
    reply = (f"<span class='in_reply_to'><a href=\"#post-{to}\">In reply to {to_name}</a></span>"
             if to else "")
    return (f"<a name='post-{pid}'></a>\n<div id='post_{n}' class='post {'odd' if n % 2 else 'even'}'>"
            f"<div class='user'><div class='username'><a href=\"/users/{name.lower()}\">{name}</a></div>"
            f"<div class='icon'><img alt=\"Avatar\" src=\"/a.png\"></div></div>"
            f"<div class='contents'><a href='#post-{pid}'><time datetime=\"2013-05-0{n} 10:1{n}:00\">"
            f"{n} months ago</time></a><p>{words}</p>{reply}"
            f"<ul class='actions'><li><a href=\"/posts/new?reply_to_id={pid}\">Reply</a></li>"
            f"<li><a href=\"/posts/new?quote=true\">Quote</a></li></ul></div></div>")


def _forem_bs3(pid: int, n: int, name: str, words: str, to: int | None = None,
               to_name: str = "") -> str:
    reply = (f"<div class='in-reply-to'><a href=\"#post-{to}\">Antwort auf {to_name}</a></div>"
             if to else "")
    return (f"<a name='post-{pid}'></a><div class=\"row\"><div id='post_{n}' class='post odd col-md-12'>"
            f"<div class='contents'><div class='user col-md-2'><div class='username'>{name}</div>"
            f"<div class='icon'></div></div><div class='contents col-md-7'><a href='#post-{pid}'>"
            f"<time datetime=\"2014-03-1{n} 08:00:00\">vor {n} Tagen</time></a><p>{words}</p>{reply}"
            f"<div class='btn-group'><a class=\"btn btn-primary\" href=\"/new\">Antworten</a>"
            f"<a class=\"btn btn-success\" href=\"/new?quote=true\">Zitieren</a></div></div></div></div></div>")


def _forem_theme(pid: int, n: int, name: str, words: str, to: int | None = None,
                 to_name: str = "") -> str:
    # A site theme: every post in a section of its own; "</div><!-- /.post -->" closes
    # div.contents, so the post ends with the section.
    reply = (f"<div class='in_reply_to' style=\"float:left;\"> &nbsp; - <a href=\"topic.html#post-{to}\">"
             f"In reply to {to_name}</a></div>" if to else "")
    return (f"<section class=\"topicView\"><div class=\"contentBlock\"><div id='forums' class='forums'>"
            f"<a name='post-{pid}'></a><div id='post_{n}' class='post odd'><div class='user'>"
            f"<div class='icon'><img alt=\"Avatar\" src=\"/a.png\"></div><div class='username'>\n {name}\n</div>"
            f"</div><div class='contents'><a href='topic.html#post-{pid}'><time class=\"postTime\" "
            f"datetime=\"2014-04-2{n} 03:34:32\">4 months  ago</time></a>{reply}"
            f"<div style=\"display:inline-block;width:95%;height:0px;\">&nbsp;</div><p>{words}</p>"
            f"<ul class='actions'></ul></div><!-- /.post --></div><!-- /#forums --></div></section>")


def _forem_page(posts: str, pager: str = "") -> str:
    return (f"<div id='topic' class='unlocked'><h1>Forums &raquo; Kites &raquo; Tangled strings</h1>"
            f"{pager}<div id='posts'>{posts}</div>{pager}</div>")


def _chain(post) -> list[str]:
    return [
        post(501, 1, "Wendaline", "My kite string keeps tangling on the spool."),
        post(502, 2, "Orrick", "Which spool do you use for the long line?", 501, "Wendaline"),
        post(503, 3, "Wendaline", "The wooden one from the spring fair.", 502, "Orrick"),
        post(504, 4, "Orrick", "Wax the wood and the knots slip free.", 503, "Wendaline"),
        post(505, 5, "Pell", "Same trouble here, waiting for news.", 501, "Wendaline"),
        post(506, 6, "Tamsweg", "Waxing worked for my spool as well.", 504, "Orrick"),
    ]


def test_forem_reply_links_make_the_tree_in_every_template():
    want = [
        ("Which spool do you use for the long line?", 0, None, "Orrick"),
        ("The wooden one from the spring fair.", 1, "Which spool do you use for the long line?",
         "Wendaline"),
        ("Wax the wood and the knots slip free.", 2, "The wooden one from the spring fair.", "Orrick"),
        ("Same trouble here, waiting for news.", 0, None, "Pell"),
        ("Waxing worked for my spool as well.", 3, "Wax the wood and the knots slip free.", "Tamsweg"),
    ]
    for post in (_forem_2012, _forem_bs3, _forem_theme):
        r = read_page(_forem_page("".join(_chain(post))))
        assert shape(r) == want, post.__name__
        assert {c.source_key for c in r.comments} == {f"post-{i}" for i in range(502, 507)}
        assert all(c.published_local and c.published_local.startswith("201") for c in r.comments)
        text = " ".join(c.text for c in r.comments)
        for meta in ("In reply to", "Antwort auf", "ago", "vor ", "Reply", "Quote", "Zitieren"):
            assert meta not in text, (post.__name__, meta)
        assert "comment_parents_elsewhere" not in codes(r)


def test_forem_later_page_keeps_its_first_post_and_tops_replies_to_earlier_pages():
    pager = ("<div class=\"pages\">Pages:<div class=\"pagination\"><a rel=\"prev start\" href=\"t?page=1\">1"
             "</a> <em class=\"current\">2</em> <a rel=\"next\" href=\"t?page=3\">3</a></div></div>")
    posts = [
        _forem_theme(611, 1, "Quillon", "Back again: the new spool arrived today.", 502, "Orrick"),
        _forem_theme(612, 2, "Orrick", "Good, tell us how it winds.", 611, "Quillon"),
        _forem_theme(613, 3, "Pell", "Did anyone try the metal spools?", 480, "Wendaline"),
    ]
    r = read_page(_forem_page("".join(posts), pager))
    assert shape(r) == [
        ("Back again: the new spool arrived today.", 0, None, "Quillon"),
        ("Good, tell us how it winds.", 1, "Back again: the new spool arrived today.", "Orrick"),
        ("Did anyone try the metal spools?", 0, None, "Pell"),
    ]
    # The two replies to posts of page 1 are said to be at the top level for that reason.
    assert codes(r).count("comment_parents_elsewhere") == 1
    assert [i.message for i in r.issues if i.code == "comment_parents_elsewhere"][0].startswith("2 ")


def test_forem_topic_with_its_opening_post_only_has_no_comments():
    r = read_page(_forem_page(_forem_theme(700, 1, "Wendaline", "Announcement: the kite day moves to May.")))
    assert r.comments == []


def _archive_post(pid: int, name: str, when: str, message: str) -> str:
    return (f'<div class="post">\n    <h4>#{pid} - {name} - {when}</h4>\n    <div class="postbody">'
            f'{message}<span class="gensmall"></span></div>\n</div>\n')


_QUOTE = ('</span><table align="center" border="0" cellpadding="3" cellspacing="1" width="90%"><tr> '
          '<td><span class="genmed"><b>Orrick wrote:</b></span></td> </tr> <tr> <td class="quote">'
          'Wax the wood first.</td> </tr></table><span class="postbody">')
_CODE = ('</span><table align="center" border="0" cellpadding="3" cellspacing="1" width="90%"><tr> '
         '<td><span class="genmed"><b>Code:</b></span></td> </tr> <tr> <td class="code">spool.wind(3)'
         '</td> </tr></table><span class="postbody">')


def test_archived_phpbb2_posts_with_a_header_line_are_read_by_the_forum_fallback():
    posts = (
        _archive_post(90001, "Wendaline", "Tue Jan 21, 2014 10:23 am",
                      '<span class="postbody">Who still flies kites here?<br/>_________________<br/>'
                      'Kites of the north</span>')
        + _archive_post(90002, "Orrick", "Tue Jan 21, 2014 4:07 pm",
                        '<span class="postbody">I do, every weekend.<br/>_________________<br/>'
                        '"Wind is free."</span>')
        + _archive_post(90005, "Pell Ardent", "Wed Jan 22, 2014 3:22 am",
                        f'<span class="postbody">{_QUOTE}\n<br/>Tried that, it works.{_CODE}'
                        '<br/>That is my winding script.</span>')
    )
    r = read_page('<h1>kite forum archive</h1><h2>OffTopic > Who flies?</h2>'
                  f'<div id="posts">\n{posts}</div>')
    assert shape(r) == [
        ("I do, every weekend.", 0, None, "Orrick"),
        ("Tried that, it works.\n\nspool.wind(3)\n\nThat is my winding script.", 0, None, "Pell Ardent"),
    ]
    assert [c.published_local for c in r.comments] == ["2014-01-21T16:07", "2014-01-22T03:22"]
    text = " ".join(c.text for c in r.comments)
    for meta in ("wrote:", "Wax the wood", "Code:", "Wind is free", "____"):
        assert meta not in text


def test_a_heading_of_two_words_and_a_date_with_no_name_part_is_no_poster():
    # Repeated blocks whose heading holds a title and more words beside the date name no poster:
    # nothing is read from them.
    blocks = "".join(
        f'<div class="post"><h4>Chapter {i} - The long winding story of spools - Mon Mar 2{i}, 2015</h4>'
        f'<div class="postbody"><span class="postbody">Part {i} of the story.</span></div></div>'
        for i in range(1, 4))
    r = read_page(f'<h1>Stories</h1><div id="posts">{blocks}</div>')
    assert r.comments == []
