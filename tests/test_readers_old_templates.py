"""Old blog templates that print comments without the usual ids or classes, and plugins that
state a reply's parent their own way. Synthetic markup shaped after each template (invented
names, example.org addresses):

* Kubrick-derived lists without ids (``ol.commentlist > li`` + ``small.commentmetadata``; the
  Domino blog templates print one list per comment and number the name);
* ``dl``/``dt``/``dd`` lists in ``#comments`` ("N. NAME - DATE" headers);
* a theme's ``div#com_N`` blocks with a "NAME said," header line;
* the "WordPress Thread Comment" plugin's ``div.comment-childs`` replies;
* Movable Type 5's flat list with "replied to <a href=#comment-N>" links;
* run-together role classes ("sidecommentauthor") and ``display-name`` authors;
* per-comment reply links as the last sign of an unread thread (no silent zero).
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.markup_guess import guess_systems


def read(body: str):
    return read_page(body, before='<div class="entry"><p>The post text.</p></div>')


def test_domino_style_lists_one_per_comment_numbered_names():
    rows = [("commentpost", "Ada Example", "https://ada.example.org", "First words here."),
            ("authorpost", "Bea Owner", "", "The owner answers."),
            ("commentpost", "Cy Person", "", "A third view.")]
    body = "".join(
        f'<a name="x{i}"></a><ol class="commentlist"><li class="{cls}"><strong>{i}&nbsp;\n{name}'
        f'</strong>&nbsp;' + (f'<a href="{url}">{url}</a>' if url else "") +
        f'&nbsp;| <small class="commentmetadata">10/2{i}/2012 5:14:46 PM</small>\n<p><p>{w}</p></p>'
        f'</li></ol>' for i, (cls, name, url, w) in enumerate(rows, 1))
    r = read(f'<div class="commentsblock"><h3>Post a Comment</h3>{body}</div>')
    assert shape(r) == [("First words here.", 0, None, "Ada Example"),
                        ("The owner answers.", 0, None, "Bea Owner"),
                        ("A third view.", 0, None, "Cy Person")]
    assert r.comments[0].published_local == "2012-10-21T17:14:46"


def test_kubrick_list_without_ids():
    body = "".join(
        f'<li class="{"alt" if i % 2 else ""}"><cite>{n}</cite> Says:<br/><small class="commentmetadata">'
        f'<a href="#">March {i}, 2011 at 9:0{i} am</a></small><p>{w}</p></li>'
        for i, (n, w) in enumerate([("Dee Sample", "Words one."), ("Eli Example", "Words two.")], 1))
    r = read(f'<div id="comments"><ol class="commentlist">{body}</ol></div>')
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("Words one.", "Dee Sample"), ("Words two.", "Eli Example")]


def test_definition_list_with_numbered_headers():
    rows = [("Ada Example - Springfield", "One."), ("Bea Sample", "Two, with more."),
            ("Cy Person", "Three.")]
    body = "".join(
        f'<dt class=""><a href="#90{i}001">{i}.</a> {n} - October 2{i}, 2012 </dt>'
        f'<dd class=""><p>{w}</p></dd>' for i, (n, w) in enumerate(rows, 1))
    r = read(f'<div id="comments"><h2>Comments</h2><dl>{body}</dl></div>')
    assert shape(r) == [("One.", 0, None, "Ada Example - Springfield"),
                        ("Two, with more.", 0, None, "Bea Sample"),
                        ("Three.", 0, None, "Cy Person")]
    assert [c.source_key for c in r.comments] == ["comment-901001", "comment-902001",
                                                  "comment-903001"]
    assert r.comments[1].published_local == "2012-10-22"


def test_definition_list_outside_a_comments_region_is_not_read():
    body = ('<dl><dt>Term - October 2, 2012</dt><dd>A definition.</dd>'
            '<dt>Other - October 3, 2012</dt><dd>Another.</dd></dl>')
    r = read(f'<div class="glossary">{body}</div>')
    assert r.comments == []


def test_com_ids_and_said_comma_header():
    body = "".join(
        f'<div class="coms" id="com_{37500 + i}"><div class="coms_mid"><span class="blod-user">{n} said, '
        f'</span><!-- <span class="blod-date">in May 1st, 2012</span> --><div class="blod-text">'
        f'<p>{w}</p></div></div></div>'
        for i, (n, w) in enumerate([('<a href="https://x.example.org" class="url">Ada E</a>', "Hello there."),
                                    ("Bea S", "Second comment words.")]))
    r = read(f'<div id="comment_tpl"><h2>2 users responded</h2>{body}</div>')
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("Hello there.", "Ada E"), ("Second comment words.", "Bea S")]


def _child(cid: int, name: str, words: str, inner: str = "") -> str:
    return (f'<div class="comment-childs chalt" id="comment-{cid}"><img class="avatar" src="a.png"/>'
            f'<p><cite>{name}</cite> Reply:<br /><small class="commentmetadata">June 2, 2012 at 7:0{cid % 10} am'
            f'</small></p><p>{words}</p><p class="thdrpy">[<a href="javascript:void(0)">Reply</a>]</p>'
            f'{inner}</div>')


def test_wordpress_thread_comment_plugin_children():
    li = ('<li class="comment even thread-even depth-1" id="li-comment-11"><div class="comment-head">'
          '<span class="date">1. Jun, 2012 / </span><span class="name">Ada E says: </span></div>'
          '<div class="comment-entry" id="comment-11"><p>Top words.</p><p class="thdrpy">[<a>Reply</a>]</p>'
          + _child(12, "Bea S", "Reply words.", _child(13, "Cy P", "Deeper words.")) +
          _child(14, "Dee Q", "Second reply.") + '</div></li>'
          '<li class="comment odd depth-1" id="li-comment-15"><div class="comment-entry" id="comment-15">'
          '<p>Other top.</p></div></li>')
    r = read(f'<div id="comments"><ol class="commentlist">{li}</ol></div>')
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        ("Top words.", 0, None), ("Reply words.", 1, "Top words."),
        ("Deeper words.", 2, "Reply words."), ("Second reply.", 1, "Top words."),
        ("Other top.", 0, None)]
    assert [n for *_, n in shape(r)][1:4] == ["Bea S", "Cy P", "Dee Q"]


def _mt(cid: int, name: str, words: str, parent: int | None = None) -> str:
    base = "https://blog.example.org/2012/11/post.html"
    to = (f' replied to <a href="{base}#comment-{parent}">comment from someone</a>'
          if parent else "")
    return (f'<div id="comment-{cid}" class="comment{" comment-reply" if parent else ""}"><div class="inner">'
            f'<div class="comment-header"><div class="asset-meta"><span class="byline">'
            f'<span class="vcard author">{name}</span>{to} | <a href="{base}#comment-{cid}">'
            f'<abbr class="published" title="2012-11-09T11:47:41-06:00">November  9, 2012 11:47 AM</abbr>'
            f'</a> | <a title="Reply" href="javascript:void(0);">Reply</a></span></div></div>'
            f'<div class="comment-content"><p>{words}</p></div></div></div>')


def test_movable_type_5_replied_to_links_give_the_parent():
    body = (_mt(1, "Ada E", "First.") + _mt(2, "Bea S", "Second.") + _mt(3, "Cy P", "To the first.", 1)
            + _mt(4, "Dee Q", "To the reply.", 3) + _mt(5, "Eli R", "To the second.", 2))
    r = read(f'<div id="comments"><div class="comments-content">{body}</div></div>')
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        ("First.", 0, None), ("Second.", 0, None), ("To the first.", 1, "First."),
        ("To the reply.", 2, "To the first."), ("To the second.", 1, "Second.")]
    assert "replied" not in " ".join(c.text for c in r.comments)


def test_run_together_author_class_and_display_name():
    rows = "".join(
        f'<li class="comment depth-1" id="li-comment-{i}"><table id="comment-{i}" class="comments"><tr>'
        f'<th class="comment_by"><div class="sidecommentauthor">{n}</div><small class="commentmetadata">'
        f'<a href="#comment-{i}">August 9th, 2012 at 2:0{i} pm</a></small></th></tr><tr><td colspan="4">'
        f'<p>{w}</p></td></tr><tr><td class="reply"><a class="comment-reply-login button" href="#">Login to reply'
        f'</a></td></tr></table></li>' for i, (n, w) in enumerate([("Ada E", "One."), ("Bea S", "Two.")], 1))
    r = read(f'<ul class="commentlist">{rows}</ul>')
    assert [(c.text, c.identity.name) for c in r.comments] == [("One.", "Ada E"), ("Two.", "Bea S")]
    aol = "".join(
        f'<div id="cm-{k}" class="comment"><div class="comment-body"><b class="avatar"><img src="a.png"/>'
        f'</b><b class="display-name"> {n} </b><p>{w}</p><b class="comment-meta"><b class="date">5 minutes ago'
        f'</b><a class="permalink" href="#c={k}">Permalink</a></b><b class="rating-reply">'
        f'<b class="rate-comment"><b class="rate-up">rate up</b><b class="rate-down">rate down</b></b>'
        f'<a class="reply" href="#">Reply</a></b></div></div>'
        for k, n, w in [("AbC", "Cy P", "Three words."), ("DeF", "Dee Q", "Four words.")])
    r = read(f'<div id="comments">{aol}</div>')
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("Three words.", "Cy P"), ("Four words.", "Dee Q")]


def test_per_comment_reply_links_warn_instead_of_a_silent_zero():
    blocks = "".join(
        f"<a name='{k}'></a><div style='padding:10px'><div style='float:left'><b>{n}</b></div>"
        f"<div style='float:right'>10/0{k % 10}/2012</div><div style='margin-top:10px'>{w}</div>"
        f"<div align='right' class='comment_reply_link'><a href='#' class='comment-reply-link' value='{k}' "
        f"id='comment_reply_link_{k}'>reply to this comment</a></div></div>"
        f"<div id='comment_reply_form_{k}' style='display:none'><form><input type='hidden' "
        f"name='reply_to' value='{k}'/></form></div>"
        for k, n, w in [(901, "ada", "Nice one."), (902, "bea", "How was it made?"),
                        (903, "cy", "Thanks for this.")])
    assert guess_systems(blocks) == [("unknown (per-comment reply links)", 3)]
    r = read(f'<div class="tutorial-comments">{blocks}</div>')
    if not r.comments:
        assert "comment_markup_unread" in codes(r)


def test_a_comment_form_alone_is_no_reply_link():
    form = ('<div id="respond"><h3>Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" '
            'href="#respond" style="display:none;">Cancel reply</a></small></h3><form><textarea name="comment">'
            '</textarea></form></div>')
    assert guess_systems(form) == []
    r = read(form)
    assert r.comments == [] and "comment_markup_unread" not in codes(r)


def test_inline_styled_blocks_after_numbered_anchors_indent_replies():
    def block(k, name, words, indent=False):
        style = "background:#efefef;padding:10px" + (";margin-left:13px;" if indent else "")
        reply = ("" if indent else f"<div align='right'><a href='#' class='comment-reply-link' value='{k}'>"
                 "reply to this comment</a></div>")
        form = ("" if indent else f"<div id='comment_reply_form_{k}' style='display:none'><form>"
                f"<input type='hidden' name='reply_to' value='{k}'/></form></div>")
        return (f"<a name='{k}'></a><div style='{style}'><div style='float:left'><b>{name}</b></div>"
                f"<div style='float:right'>10/03/2012</div><div style='margin-top:10px'>{words}</div>"
                f"{reply}</div>{form}")
    body = (block(9101, "ada", "A top comment.") + block(9102, "bea", "Another top one.")
            + block(9103, "cy", "Answer to bea.", indent=True) + block(9104, "dee", "Answer two.", indent=True)
            + block(9105, "eli", "Third top."))
    r = read(f'<div class="tutorial-comments">{body}</div>')
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        ("A top comment.", 0, None), ("Another top one.", 0, None),
        ("Answer to bea.", 1, "Another top one."), ("Answer two.", 1, "Another top one."),
        ("Third top.", 0, None)]
    assert [n for *_, n in shape(r)] == ["ada", "bea", "cy", "dee", "eli"]
    # footnote-style anchors without a block after them are nothing
    r = read("<p>See <a name='1001'></a>one, <a name='1002'></a>two and <a name='1003'></a>three.</p>")
    assert r.comments == []


def test_featured_box_in_the_lists_own_markup_counts_once():
    def item(cid, name, words, featured=False):
        ident = "pundit_box_page_1" if featured else f"comment_{cid}"
        cls = "comment_item" if featured else "comment_item published_comment"
        return (f'<div id="{ident}" class="{cls}"><div class="comment_top"><div class="author_name">'
                f'<a class="bold" href="/social/{name}">{name}</a><span class="comment_time">37 minutes ago'
                f'</span></div></div><div class="comment_body"><p>{words}</p></div></div>')
    featured = item(1, "ada", "A featured comment with enough words to stand on its own.", True)
    listed = "".join(item(100 + i, n, w) for i, (n, w) in enumerate(
        [("bea", "Listed comment one."), ("cy", "Listed comment two."), ("dee", "Listed three.")]))
    preview = ('<div id="comment-preview" class="hiddenBox"><div class="comment_item has_avatar"><div class="comment_body">'
               '</div><p>Posted by: <span></span> | <span></span></p></div></div>')
    r = read(f'<div class="pundits">{featured}</div><div id="comments">{listed}</div>{preview}')
    assert [c.text for c in r.comments] == [
        "A featured comment with enough words to stand on its own.", "Listed comment one.",
        "Listed comment two.", "Listed three."]


def test_a_position_number_that_looks_like_a_smiley_is_not_text():
    items = "".join(
        f'<li class="" id="comment-{500 + i}"><div class="commentname"><div class="commentcount">{i}</div>'
        f'<cite>{n}</cite> Says:<br /><small class="commentmetadata"><a href="#comment-{500 + i}">'
        f'November 8th, 2012 at 9:1{i % 10} pm</a></small></div><div class="commentext"><p>{w}</p></div></li>'
        for i, n, w in [(82, "Ada", "Words of the first."), (83, "Bo", "Words of the second.")])
    r = read(f'<h3 id="comments">2 Responses</h3><ul class="commentlist">{items}</ul>')
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("Words of the first.", "Ada"), ("Words of the second.", "Bo")]


def test_a_date_before_said_is_not_a_name():
    items = "".join(
        f'<div id="comment-{k}" class="comments odd"><div class="inner"><b> {n} </b>'
        f'<span class="smaller"> on <a href="/c/{k}" title="Permalink to this comment">Sep 2{k % 10},  3:0{k % 10} PM'
        f'</a> said: </span><div class="comment-content"><div class="comment-text">{w}</div></div></div></div>'
        for k, n, w in [(4101, "Ada E", "Words one."), (4102, "Bea S", "Words two.")])
    r = read(f'<div class="comments-content">{items}</div>')
    assert [c.identity.name for c in r.comments] != ["on Sep 21, 3:01 PM", "on Sep 22, 3:02 PM"]
    assert all(not (c.identity.name or "").startswith("on ") for c in r.comments)


def test_movable_type_later_themes_article_header_replied_to():
    def art(cid, name, words, parent=None):
        head = (f'<a href="https://ex.example.org/u">{name}</a> replied to <a href="https://blog.example.org/p.html'
                f'#comment-{parent}">comment from someone</a>' if parent else f'<a href="https://ex.example.org/u">{name}</a>')
        return (f'<article id="comment-{cid}" class="comment{" comment-reply" if parent else ""}"><header><h3>{head}'
                f'</h3><div class="comment-meta"><a href="https://blog.example.org/p.html#comment-{cid}">'
                f'<time datetime="2016-03-0{cid}T10:00:00Z">March {cid}, 2016 10:00 AM</time></a></div></header>'
                f'<div class="comment-content"><p>{words}</p></div></article>')
    r = read('<section id="comments">' + art(1, "Ada", "Top.") + art(2, "Bea", "Also top.")
             + art(3, "Cy", "Reply to top.", 1) + '</section>')
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        ("Top.", 0, None), ("Also top.", 0, None), ("Reply to top.", 1, "Top.")]
