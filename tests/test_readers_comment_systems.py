"""Each comment system's markup, written after that system's own template (names are synthetic).

The templates: WordPress ``Walker_Comment`` (legacy, HTML5, style 'div', flat with depth-N),
Jetpack likes, wpDiscuz ``WpdiscuzWalker`` (v7) and the v3 ``tpl-comment.php``, Epoch's Handlebars
``comment.html`` + ``epoch.js``, the Disqus WordPress plugin's SEO markup and the embed DOM,
Blogger's threaded and classic widgets, Drupal 7 ``comment.tpl.php`` and Drupal 8+
``comment.html.twig`` with ``div.indented``, Discourse ``embed/comments.html.erb``, XenForo 2
``post_macros``, SPIP ``forum.html``.
"""
from __future__ import annotations

from collections import Counter

from pagekit import codes, read_page, shape

from therapy_threads.readers import SourceRef, get_reader
from therapy_threads.readers.comments.markup_guess import guess_systems


POST = ('<article class="post"><h1 class="entry-title">A post about therapy</h1>'
        '<div class="entry-content"><p>The post itself, long enough to be a body of text for '
        'the extractor to keep as the article.</p></div></article>')


def read(body: str, head: str = "", lang: str = "en", url: str | None = None):
    return read_page(body, before=POST, head=head, lang=lang, url=url)


def test_wordpress_html5_nested_children():
    r = read("""<div id="comments"><h2 class="comments-title">2 thoughts on &ldquo;A post&rdquo;</h2>
<ol class="comment-list"><li id="comment-1" class="comment even depth-1 parent">
<article id="div-comment-1" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">
<b class="fn">Ada Example</b> <span class="says">says:</span></div><div class="comment-metadata">
<a href="#comment-1"><time datetime="2020-11-08T23:52:00+01:00">November 8, 2020 at 11:52 pm</time></a></div></footer>
<div class="comment-content"><p>First words.</p></div><div class="reply"><a class="comment-reply-link">Reply</a></div></article>
<ol class="children"><li id="comment-2" class="comment byuser bypostauthor odd depth-2">
<article id="div-comment-2" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">
<b class="fn">Post Author</b></div></footer><div class="comment-content"><p>An answer.</p></div></article></li></ol></li></ol></div>""")
    assert shape(r) == [("First words.", 0, None, "Ada Example"),
                        ("An answer.", 1, "First words.", "Post Author")]
    a, b = r.comments
    # The UTC time keeps the local day as written: 23:52 on the 8th is 22:52 UTC the same day.
    assert (a.published_at, a.published_local) == ("2020-11-08T22:52:00Z", "2020-11-08T23:52:00+01:00")
    assert (a.is_post_author, b.is_post_author) == (False, True)
    assert r.posts[0].comment_system == "wordpress" and r.posts[0].declared_comment_count == 2


def test_wordpress_flat_markup_with_depth_classes_and_replies_as_siblings():
    items = "".join(f'<li id="comment-{i}" class="comment depth-{d}"><div class="comment-body">'
                    f'<cite class="fn">R{i}</cite><p>text {i}</p></div></li>'
                    for i, d in ((1, 1), (2, 2), (3, 3), (4, 2), (5, 1)))
    r = read(f'<ol class="commentlist">{items}</ol>')
    assert [(c.text, c.depth) for c in r.comments] == [
        ("text 1", 0), ("text 2", 1), ("text 3", 2), ("text 4", 1), ("text 5", 0)]
    assert "html_depth_from_classes" in codes(r)


def test_wordpress_style_div_nests_replies_without_a_list():
    r = read('<div class="comment-list"><div id="comment-7" class="comment depth-1"><div class="comment-body">'
             '<cite class="fn">One</cite><p>Top.</p></div><div id="comment-8" class="comment depth-2">'
             '<div class="comment-body"><cite class="fn">Two</cite><p>Nested.</p></div></div></div></div>')
    assert [(c.text, c.depth) for c in r.comments] == [("Top.", 0), ("Nested.", 1)]


def test_jetpack_likes_go_to_like_count_not_text():
    r = read('<ol class="comment-list"><li id="comment-3" class="comment depth-1 highlander-comment">'
             '<article class="comment-body"><div class="comment-author"><b class="fn">Kim</b></div>'
             '<div class="comment-content"><p>Lovely.</p><p class="comment-likes"><a class="comment-like-link">Like</a>'
             '<span class="comment-like-feedback">Liked by 4 people</span></p></div></article></li></ol>')
    c = r.comments[0]
    assert (c.text, c.like_count, r.posts[0].comment_system) == ("Lovely.", 4, "jetpack")


def test_wpdiscuz_v7_parent_from_the_id_and_no_labels_in_text():
    def comm(cid, parent, level, name, text):
        return (f'<div id="wpd-comm-{cid}_{parent}" class="comment wpd-comment wpd_comment_level-{level}">'
                f'<div class="wpd-comment-wrap wpd-blog-guest"><div class="wpd-comment-left"><div class="wpd-comment-label">'
                f'<span>Guest</span></div></div><div id="comment-{cid}" class="wpd-comment-right"><div class="wpd-comment-header">'
                f'<div class="wpd-comment-author">{name}</div><div class="wpd-comment-date" title="8. November 2020 09:52">'
                f'vor 3 Wochen</div><div class="wpd-reply-to">Reply to X</div></div><div class="wpd-comment-text"><p>{text}</p></div>'
                f'<div class="wpd-comment-footer"><div class="wpd-vote"><div class="wpd-vote-result">3</div></div>'
                f'<div class="wpd-reply-button">Antworten</div></div></div></div>')
    # The reply is printed first and outside its parent: only the id says who it answers.
    r = read('<div id="wpdcom"><div class="wpd-thread-list">' + comm(2, 1, 2, "Bo", "Reply text.") + "</div></div>"
             + '<div class="wpd-thread-list">' + comm(1, 0, 1, "Al", "Parent text.") + "</div>", lang="de")
    got = {c.text: (c.depth, c.identity.name, c.published_local) for c in r.comments}
    assert got == {"Parent text.": (0, "Al", "2020-11-08T09:52"), "Reply text.": (1, "Bo", "2020-11-08T09:52")}
    assert r.posts[0].comment_system == "wpdiscuz"


def test_wpdiscuz_v3_wc_markup():
    r = read('<div class="wc-thread-wrapper"><div id="wc-comm-5_0" class="wc-comment wc_comment_level-1">'
             '<div class="wc-comment-left"><div class="wc-blog-guest wc-comment-label">Gast</div></div>'
             '<div id="comment-5" class="wc-comment-right"><div class="wc-comment-header"><div class="wc-comment-author">Lu</div>'
             '<div class="wc-comment-date">19. Februar 2017 20:00</div></div><div class="wc-comment-text"><p>Lecker!</p></div>'
             '<div class="wc-comment-footer"><span class="wc-vote-result">0</span><span class="wc-reply-button">Antworten</span>'
             '</div></div></div></div>', lang="de")
    assert shape(r) == [("Lecker!", 0, None, "Lu")]
    assert r.comments[0].published_local == "2017-02-19T20:00"


def test_epoch_rendered_dom_with_child_of_wrappers():
    def comm(cid, name, text, children=""):
        return (f'<div id="comment-{cid}" data-comment-id="{cid}"><article id="div-comment-{cid}" class="epoch-comment-body">'
                f'<footer class="epoch-comment-meta"><div class="epoch-comment-author"><a class="epoch-author-link" href="https://x.example">{name}</a>'
                f'<span class="epoch-divide">&#183;</span><a class="epoch-comment-link" href="#comment-{cid}"><time datetime="comment_date">'
                f'March 10, 2017 at 12:20 AM</time></a></div></footer><div class="epoch-comment-content"><p>{text}</p></div>'
                f'<ul class="epoch-comment-actions"><li class="epoch-reply">Reply</li></ul></article>{children}</div>')
    child = '<div class="epoch-child child-of-10 level-1 ">' + comm(11, "Bea", "Agreed.") + "</div>"
    r = read('<div id="comments"></div><div class="comments-area epoch-wrapper"><div id="epoch-comments">'
             + comm(10, "Cal", "Well said.", child) + "</div></div>")
    assert shape(r) == [("Well said.", 0, None, "Cal"), ("Agreed.", 1, "Well said.", "Bea")]
    assert r.comments[0].published_local == "2017-03-10T00:20"
    assert r.posts[0].comment_system == "epoch"


def test_disqus_plugin_seo_markup_and_script_only_embed():
    r = read('<div id="disqus_thread"><div id="dsq-content"><ul id="dsq-comments"><li id="dsq-comment-71">'
             '<div class="dsq-comment-header"><cite class="dsq-comment-cite">Dee</cite></div><div class="dsq-comment-body">'
             '<div class="dsq-comment-message">In the page.</div></div><ul class="children"><li id="dsq-comment-72">'
             '<div class="dsq-comment-header"><cite>Eve</cite></div><div class="dsq-comment-message">Reply.</div></li></ul>'
             '</li></ul></div></div>')
    assert shape(r) == [("In the page.", 0, None, "Dee"), ("Reply.", 1, "In the page.", "Eve")]
    empty = read('<h2 class="comments-title">12 Comments</h2><div id="disqus_thread"></div>'
                 '<script src="https://example.disqus.com/embed.js"></script>')
    msg = next(i.message for i in empty.issues if i.code == "comments_not_extracted")
    assert "12" in msg and "disqus" in msg and "export" in msg


def test_blogger_threaded_and_classic():
    r = read('<div class="comments" id="comments"><div class="comment-thread toplevel-thread"><ol>'
             '<li class="comment" id="c1111111111"><div class="comment-block"><div class="comment-header"><cite class="user">'
             '<a href="https://www.blogger.com/profile/1">Fay</a></cite><span class="datetime secondary-text"><a href="#c1111111111">'
             '10. Mai 2017 um 16:14</a></span></div><p class="comment-content">Schön.</p><span class="comment-actions secondary-text">'
             '<a class="comment-reply">Antworten</a></span></div><div class="comment-replies"><div class="comment-thread inline-thread">'
             '<ol><div><li class="comment" id="c2222222222"><div class="comment-block"><div class="comment-header"><cite class="user">'
             'Gil</cite><span class="icon user blog-author"></span></div><p class="comment-content">Danke!</p></div></li></div></ol>'
             '</div></div></li></ol></div></div>', lang="de")
    assert shape(r) == [("Schön.", 0, None, "Fay"), ("Danke!", 1, "Schön.", "Gil")]
    assert r.comments[1].is_post_author is True
    classic = read('<div id="comments"><h4>2 Kommentare:</h4><dl id="comments-block">'
                   '<dt class="comment-author" id="c3333333333"><a name="c3333333333"></a><a href="/p">Hal</a> hat gesagt&#8230;</dt>'
                   '<dd class="comment-body"><p>Erster.</p></dd><dd class="comment-footer"><span class="comment-timestamp">'
                   '<a href="#c3333333333">3. März 2010 10:15</a></span></dd>'
                   '<dt class="comment-author" id="c4444444444"><a name="c4444444444"></a>Ivy said...</dt>'
                   '<dd class="comment-body"><p>Second.</p></dd></dl></div>', lang="de")
    assert shape(classic) == [("Erster.", 0, None, "Hal"), ("Second.", 0, None, "Ivy")]
    assert classic.comments[0].published_local == "2010-03-03T10:15"


def test_blogger_post_widget_is_not_a_sidebar_widget():
    # Blogger's layout prints the post and its thread inside the "Blog" widget (div.widget.Blog
    # #Blog1); markup broken inside a comment can make the parser close the widget early, leaving
    # the later comments outside it. Both halves are the post's thread.
    def li(cid, name, text, replies=""):
        return (f'<li class="comment" id="c{cid}"><div class="comment-block"><div class="comment-header">'
                f'<cite class="user">{name}</cite><span class="datetime secondary-text"><a href="#c{cid}">'
                f'March 3, 2020 at 6:22 AM</a></span></div><p class="comment-content">{text}</p></div>'
                f'<div class="comment-replies"><div id="c{cid}-rt" class="comment-thread inline-thread hidden">'
                f'<ol class="thread-chrome thread-collapsed">{replies}</ol></div></div></li>')
    body = ('<div class="main section" id="main"><div class="widget Blog" data-version="1" id="Blog1">'
            '<div class="blog-posts hfeed"><div class="post-outer"><div class="comments" id="comments">'
            '<h4>4 comments:</h4><div class="comments-content"><div id="comment-holder">'
            '<div class="comment-thread toplevel-thread"><ol id="top-ra">'
            + li(1111111111, "Fay", "First thought.", li(2222222222, "Gil", "A reply to it."))
            + '</ol></div></div></div></div></div></div></div><ul>'
            + li(3333333333, "Hal", "Another thought.", li(4444444444, "Ivy", "Answering Hal."))
            + '</ul></div>')
    r = read(body)
    assert shape(r) == [("First thought.", 0, None, "Fay"), ("A reply to it.", 1, "First thought.", "Gil"),
                        ("Another thought.", 0, None, "Hal"), ("Answering Hal.", 1, "Another thought.", "Ivy")]


def _substack(cid, meta, text, toggle=False, replies=""):
    more = '<div class="show-all-toggle"><div class="show-all-toggle-label">Expand full comment</div></div>' if toggle else ""
    kids = (f'<div class="comment-list"><div class="comment-list-items">{replies}</div></div>' if replies else "")
    return (f'<div class="comment-list-item"><div class="comment"><div class="comment-anchor" id="comment-{cid}"></div>'
            f'<div class="comment-anchor" id="comment-{cid}-reply"></div><table class="comment-content"><tr>'
            f'<td class="comment-head"><div class="user-head"><a href="/profile/1"><img src="/a.png"></a></div></td>'
            f'<td class="comment-rest"><div class="comment-meta">{meta}</div><div class="comment-body"><p><span>{text}'
            f'</span></p>{more}</div><div class="comment-actions"><span><a class="like-button"><span class="like-count">'
            f'4</span></a></span><span><a>Reply</a></span><span><a>Collapse</a></span></div></td></tr></table>'
            f'<div class="more-replies-container"><a class="more-replies">2 replies</a></div></div>{kids}</div>')


def test_substack_post_page_comment_preview_older_and_newer_markup():
    url = "https://example.substack.com/p/a-post"
    old = ('<span><a href="javascript:void(0)">Ada Example</a></span><span><a href="'
           f'{url}/comments#comment-101">Nov 8, 2020</a></span>')
    new = ('<div class="profile-hover-card-target"><span class="commenter-name"><a href="/profile/2-bea">'
           '<div class="pencraft"><span class="commenter-name">Bea Sample</span></div></a></span></div>'
           f'<a class="comment-timestamp" href="{url}/comment/102">Jan 3</a>')
    reply = ('<span class="commenter-name"><a href="javascript:void(0)">Cy Person</a></span><span class="meta-details">'
             f'<a href="{url}/comment/103">Jan 4</a></span>')
    body = ('<div class="single-post-section comments-section"><div class="container"><div class="comment-list">'
            '<div class="comment-list-items">' + _substack(101, old, "Older markup words.")
            + _substack(102, new, "Newer markup words.", toggle=True, replies=_substack(103, reply, "A reply."))
            + "</div></div></div></div>")
    r = read(body, head=f'<link rel="canonical" href="{url}">', url=url)
    assert shape(r) == [("Older markup words.", 0, None, "Ada Example"), ("Newer markup words.", 0, None, "Bea Sample"),
                        ("A reply.", 1, "Newer markup words.", "Cy Person")]
    assert not any("Expand" in c.text or "Reply" in c.text for c in r.comments)
    assert r.comments[0].published_local is not None and r.comments[0].published_local.startswith("2020-11-08")


def test_medium_responses_panel_told_by_its_source_links():
    post = "a1b2c3d4e5f6"

    def resp(i, rid, user, name, words, quote=""):
        src = f"?source=responses-----{post}----{i}----------------------------"
        q = (f'<div class="zq zr" role="button"><p class="zv zw" id="embedded-quote-{rid}-7fce"><mark class="abg">'
             f'{quote}</mark></p></div>' if quote else "")
        return (f'<div class="pg zn s"><div><div class="v jj"><div class="ts ti s"><div class="n aw cl"><div class="n o aw">'
                f'<img class="s ii" src="/a.png"><div class="zp s"><div class="n aw"><a class="ej ek" href="https://{user}.'
                f'example.org/{src}"><h4 class="ba b">{name}</h4></a></div><a class="ej ek" href="https://{user}.example.org/'
                f'a-response-{rid}{src}"><h4 class="ba b">about 2 months ago</h4></a></div></div><button class="ew"><svg>'
                f'</svg></button></div>{q}<div class="abh s"><div class="abi s"><div class="dm"><h4 class="ba b">{words}</h4>'
                f'</div></div></div><div class="abk n o"><div class="n o"><span><a class="ej" href="https://example.org/m/'
                f'signin?operation=register&amp;source=responses-----{rid}----{i}-----------------respond_sidebar-----------">'
                f'<svg></svg></a></span><div class="s qf"><h4 class="ba b">12</h4></div></div><div class="ep q n o">'
                f'<button class="ej"><span class="zf"><span class="ba b">2 replies</span></span></button></div>'
                f'<div class="ix s"><h4 class="ba b"><button class="ej">Reply</button></h4></div></div></div></div></div></div>')
    body = ('<div class="s iw"><div class="yh fd"><h2>Responses (14)</h2><div class="s"><div class="s">'
            + resp(0, "0f0f0f0f0f01", "ada", "Ada Example", "First response words.")
            + "</div></div><div class='s'><div class='s'>"
            + resp(1, "0f0f0f0f0f02", "bea", "Bea Sample", "Second response words.", quote="A passage of the article.")
            + "</div></div></div></div>")
    r = read(body)
    assert shape(r) == [("First response words.", 0, None, "Ada Example"),
                        ("Second response words.", 0, None, "Bea Sample")]
    assert not any("ago" in c.text or "replies" in c.text or "passage" in c.text for c in r.comments)


def test_drupal8_reply_wrapper_follows_the_parents_wrapper():
    def art(cid, name, text, parent=None):
        reply = (f'<p class="parent visually-hidden">In reply to <a href="/comment/{parent}#comment-{parent}">t</a></p>'
                 if parent else "")
        return (f'<a id="comment-{cid}"></a><article data-comment-user-id="0" class="comment js-comment by-anonymous" '
                f'role="article"><footer class="comment__meta"><p class="comment__author"><span>{name}</span></p>'
                f'<p class="comment__time">Mi, 22. April 2020 - 15:44</p><p class="comment__permalink">'
                f'<a href="/comment/{cid}#comment-{cid}">Permalink</a></p>{reply}</footer><div class="comment__content">'
                f'<div class="field--name-comment-body"><p>{text}</p></div><ul class="links inline"><li class="comment-reply">'
                f'<a href="/comment/reply/node/1/comment/{cid}">Antworten</a></li></ul></div></article>')
    # Each comment sits in its own box; the reply's wrapper follows the parent's box.
    body = ('<section class="comments"><div class="box">' + art(1, "Jo", "Erster Gedanke.") + "</div>"
            '<div class="indented"><div class="box">' + art(2, "Ken", "Antwort darauf.") + "</div></div>"
            '<div class="box">' + art(3, "Lee", "Neuer Strang.") + "</div></section>")
    r = read(body, head='<meta name="Generator" content="Drupal 9">', lang="de")
    assert shape(r) == [("Erster Gedanke.", 0, None, "Jo"), ("Antwort darauf.", 1, "Erster Gedanke.", "Ken"),
                        ("Neuer Strang.", 0, None, "Lee")]
    # Without the "In reply to" line the wrapper alone gives the same tree.
    no_parent_line = body.replace('<p class="parent visually-hidden">In reply to <a href="/comment/1#comment-1">t</a></p>', "")
    assert shape(read(no_parent_line, head='<meta name="Generator" content="Drupal 9">', lang="de")) == shape(r)
    assert r.posts[0].comment_system == "drupal"


def test_drupal7_sioc_markup_and_indented():
    def c(cid, name, text, reply_of=None):
        rel = (f'<span rel="sioc:reply_of" resource="/comment/{reply_of}#comment-{reply_of}" class="rdf-meta element-hidden"></span>'
               if reply_of else '<span rel="sioc:reply_of" resource="/node/9" class="rdf-meta element-hidden"></span>')
        return (f'<a id="comment-{cid}"></a><div class="comment clearfix" about="/comment/{cid}#comment-{cid}" '
                f'typeof="sioc:Post sioct:Comment"><div class="attribution"><div class="submitted"><p class="commenter-name">'
                f'<span rel="sioc:has_creator"><span class="username" property="foaf:name">{name}</span></span></p>'
                f'<p class="comment-time"><span property="dc:date dc:created" content="2013-01-01T10:00:00+00:00">Tue, 01/01/2013 - 10:00</span></p>'
                f'</div></div><div class="content">{rel}<h3 property="dc:title"><a href="/comment/{cid}#comment-{cid}" '
                f'class="permalink">{text[:10]}…</a></h3><div class="field field-name-comment-body"><p>{text}</p></div></div>'
                f'<ul class="links inline"><li class="comment-reply"><a href="/comment/reply/9/{cid}">reply</a></li></ul></div>')
    r = read('<div id="comments" class="comment-wrapper"><h2 class="title">Comments</h2>'
             + c(1, "Mo", "The first comment here.") + '<div class="indented">'
             + c(2, "Ned", "A reply to the first.", reply_of=1) + "</div></div>")
    assert shape(r) == [("The first comment here.", 0, None, "Mo"),
                        ("A reply to the first.", 1, "The first comment here.", "Ned")]
    assert r.comments[0].published_at == "2013-01-01T10:00:00Z"


def test_discourse_embed_parent_from_data_link():
    def post(pid, user, text, reply_to=None):
        reply = (f'<a href="/t/1/{reply_to}" data-link-to-post="{reply_to}" class="in-reply-to">in reply to x</a>'
                 if reply_to else "")
        return (f"<article class='post' id='post-{pid}'><a class='post-date' title='January  5, 2021  3:04pm' "
                f"href='/t/1/{pid}'>Jan '21</a>{reply}<div class='author'><img src='a.png'></div><div class='cooked'>"
                f"<h3 class='username'><a href='/u/{user}'>{user}</a><span class='title'>Regular</span></h3><p>{text}</p></div></article>")
    r = read("<header class='discourse'><span class='replies'>2 Replies</span></header>"
             + post(41, "oli", "Interesting read.") + post(42, "pat", "I think so too.", reply_to=41))
    assert shape(r) == [("Interesting read.", 0, None, "oli"), ("I think so too.", 1, "Interesting read.", "pat")]
    assert r.comments[0].published_local == "2021-01-05T15:04"


def test_xenforo_thread_page_quotes_and_signatures_are_not_text():
    def msg(pid, user, text, quote=""):
        return (f'<article class="message message--post js-post" data-author="{user}" data-content="post-{pid}" id="js-post-{pid}">'
                f'<div class="message-cell message-cell--user"><h4 class="message-name">{user}</h4></div>'
                f'<header class="message-attribution"><time class="u-dt" datetime="2018-09-27T14:51:09+0200">27. September 2018</time>'
                f'<div class="message-attribution-opposite"><a href="#">#{pid}</a></div></header>'
                f'<article class="message-body"><div class="bbWrapper">{quote}{text}</div></article>'
                f'<aside class="message-signature">My signature</aside>'
                f'<footer class="message-footer"><div class="reactionsBar">3 likes</div></footer></article>')
    quote = ('<blockquote class="bbCodeBlock bbCodeBlock--quote" data-source="post: 1"><div class="bbCodeBlock-title">'
             'Quinn said:</div><div class="bbCodeBlock-content">Original words.</div></blockquote>')
    html = ('<div class="block--messages" data-type="post">' + msg(1, "Quinn", "The topic.")
            + msg(2, "Ray", "My answer.", quote) + "</div>")
    r = get_reader("html").read(('<html data-template="thread_view"><body>' + html + "</body></html>").encode(),
                                SourceRef("x", "x.html"))
    assert shape(r) == [("My answer.", 0, None, "Ray")]
    assert r.skipped == {"thread_starter": 1}
    assert r.comments[0].published_at == "2018-09-27T12:51:09Z"


def test_spip_forum_nested_lists():
    def fil(fid, name, text, sub=""):
        return (f'<li class="forum-fil"><div class="forum-message"><div class="forum-chapo"><a name="forum{fid}"></a>'
                f'<strong class="forum-titre">Re</strong> <small>22 juin 2018, par <strong class="forum-qui-{fid}">{name}</strong>'
                f'</small></div><div class="forum-texte"><p>{text}</p><p class="repondre"><a href="#">Répondre à ce message</a>'
                f'</p></div></div>{sub}</li>')
    r = read('<div class="forum"><h2>2 commentaires</h2><ul class="forum">'
             + fil(5, "Sam", "Bien vu.", "<ul>" + fil(6, "Tom", "Merci.") + "</ul>") + "</ul></div>", lang="fr")
    assert shape(r) == [("Re\n\nBien vu.", 0, None, "Sam"), ("Re\n\nMerci.", 1, "Re\n\nBien vu.", "Tom")] or \
        [(c.text.split("\n")[-1], c.depth) for c in r.comments] == [("Bien vu.", 0), ("Merci.", 1)]
    assert r.posts[0].comment_system == "spip" and r.posts[0].declared_comment_count == 2


def test_owner_replies_in_a_block_under_each_comment():
    def post(n, name, text, reply):
        return (f'<ul class="single-post"><li class="post-info"><a name="comment-{n}"></a><span class="floor">#{n}</span>'
                f'<span class="user-name"><a href="/u">{name}</a></span><span class="post-time">於 2013/12/28 10:2{n}</span></li>'
                f'<li class="post-text">{text}</li><li class="reply-text">{reply}<p><a href="/owner">Owner Blog</a> '
                f'於 2014/01/01 20:3{n} 回覆</p></li></ul>')
    r = read('<div id="comment-box"><h3>留言列表 (2)</h3>' + post(1, "小明", "好棒", "謝謝")
             + post(2, "小華", "真美", "謝謝光臨") + "</div>", lang="zh")
    assert [(c.text, c.depth, c.identity.name, c.is_post_author) for c in r.comments] == [
        ("好棒", 0, "小明", None), ("謝謝", 1, "Owner Blog", True),
        ("真美", 0, "小華", None), ("謝謝光臨", 1, "Owner Blog", True)]
    assert r.comments[0].published_local == "2013-12-28T10:21"


def test_generic_fallback_numbered_blocks_and_metadata_lines():
    r = read('<div class="kommentare"><h3>3 Kommentare</h3>'
             '<div class="kommentar-box" id="cmt101"><p class="nr">1</p><h4>Ramón dijo:</h4><p>Hola a todos.</p>'
             '<p>8. November 2020 um 09:52</p><p>Antworten</p></div>'
             '<div class="kommentar-box" id="cmt102"><strong>Ted</strong> <span>• 3 weeks ago</span><p>Nice one.</p>'
             '<p>👍 3 👎 0</p></div>'
             '<div class="kommentar-box" id="cmt103"><p>Posted by: Uma | 11/08/2020 at 9:52</p><p>Thanks!</p></div></div>')
    texts = [c.text for c in r.comments]
    assert texts == ["Hola a todos.", "Nice one.", "Thanks!"]
    assert [c.identity.name if c.identity else None for c in r.comments] == ["Ramón", "Ted", "Uma"]


def test_recent_comments_widget_and_another_posts_thread_are_out_of_scope():
    own = ('<div id="comments"><h2 class="comments-title">1 Kommentar</h2><ol class="commentlist">'
           '<li id="comment-1" class="comment depth-1"><div class="comment-body"><cite class="fn">Vic</cite>'
           '<p>Mine.</p></div></li></ol></div>')
    widget = ('<aside class="widget widget_recent_comments"><ol class="commentlist"><li id="comment-90" class="comment depth-1">'
              '<div class="comment-body"><cite class="fn">Wes</cite><p>Elsewhere.</p><a href="https://b.example/other-post/#comment-90">'
              'link</a></div></li></ol></aside>')
    r = read(own + widget, lang="de", url="https://b.example/this-post/")
    assert [c.text for c in r.comments] == ["Mine."]
    assert r.skipped == {"out_of_scope": 1}
    only_widget = read(widget, lang="de")
    assert only_widget.comments == [] and "comments_out_of_scope" in codes(only_widget)


def test_no_silent_zero_declared_or_unread_markup():
    r = read('<div id="comments"><h3 class="comments-title">54 Kommentare</h3></div>', lang="de")
    assert any(i.code == "comments_not_extracted" and "54" in i.message for i in r.issues)
    # Comment elements with ids that no recogniser turns into comments are reported too.
    r = read('<div id="comments"><section id="comment-1"></section><section id="comment-2"></section></div>')
    assert not r.comments
    assert {"comment_markup_unread", "comments_not_extracted"} & set(codes(r))
    # Comments found whose text cannot be read are quarantined (empty_text) and, being none
    # read, are reported against the declared count, with or without one.
    items = "".join(f'<li id="comment-{i}" class="comment depth-1"><div class="comment-author vcard">'
                    f'<cite class="fn">Name {i}</cite></div></li>' for i in (1, 2))
    for head in ('<h2 class="comments-title">2 comments</h2>', ""):
        r = read(f'<div id="comments">{head}<ol class="commentlist">{items}</ol></div>')
        assert not r.comments and [q.reason for q in r.quarantine] == ["empty_text"] * 2
        warned = [i.message for i in r.issues if i.code == "comments_not_extracted"]
        assert warned and "no text could be read" in warned[0]


def test_offline_capture_with_more_comment_pages_says_how_many_are_missing():
    r = read('<div id="comments"><h2 class="comments-title">40 Comments</h2><ol class="comment-list">'
             '<li id="comment-1" class="comment depth-1"><div class="comment-body"><cite class="fn">Xi</cite><p>One.</p></div></li></ol>'
             '<nav class="comment-navigation"><a href="https://b.example/post/comment-page-2/#comments">Older Comments</a>'
             '<a href="https://b.example/post/?cpage=3">3</a></nav></div>', url="https://b.example/post/")
    msg = next(i.message for i in r.issues if i.code == "comment_pages_missing")
    assert "2 other comment page(s)" in msg and "40" in msg
    assert r.comment_pages == ["https://b.example/post/?cpage=3", "https://b.example/post/comment-page-2/"]


def test_author_field_is_clean():
    r = read('<ol class="comment-list"><li id="comment-1" class="comment depth-1"><div class="comment-body">'
             '<div class="comment-author"><span class="author">Yara 8. März 2019 Antworten</span></div><p>Text.</p>'
             '</div></li><li id="comment-2" class="comment depth-1"><div class="comment-body"><div class="comment-author">'
             '<cite class="fn">Zed<br><span class="badge-x">Autor</span></cite></div><p>More.</p></div></li></ol>', lang="de")
    assert [c.identity.name for c in r.comments] == ["Yara", "Zed"]


def test_depth_histogram_of_a_mixed_page_is_reported_by_inspect_totals():
    r = read('<ol class="comment-list">' + "".join(
        f'<li id="comment-{i}" class="comment depth-1"><div class="comment-body"><cite class="fn">N{i}</cite><p>t{i}</p></div></li>'
        for i in range(5)) + "</ol>")
    assert Counter(c.depth for c in r.comments) == {0: 5}
    assert r.raw_comment_count == 5 and not r.raw_count_exact


def test_wordpress_block_theme_comment_template():
    # core/comment-template (block themes): li#comment-N with comment_class(), replies in a bare
    # <ol>, and the parts as blocks with prefixed classes (wp-block-comment-author-name, ...).
    def block(i, name, text, when):
        return (f'<div class="wp-block-columns"><div class="wp-block-column">'
                f'<div class="wp-block-comment-author-name"><a href="https://example.org/{i}" '
                f'rel="external nofollow ugc">{name}</a></div><div class="wp-block-comment-date">'
                f'<time datetime="{when}"><a href="#comment-{i}">March 3, 2023 at 9:15 am</a></time></div>'
                f'<div class="wp-block-comment-content"><p>{text}</p></div>'
                f'<div class="wp-block-comment-reply-link"><a class="comment-reply-link" '
                f'href="?replytocom={i}#respond">Reply</a></div></div></div>')
    r = read('<div class="wp-block-comments"><h2 class="wp-block-comments-title">2 responses</h2>'
             '<ol class="wp-block-comment-template">'
             f'<li id="comment-7" class="comment even thread-even depth-1">'
             f'{block(7, "Ada Example", "Block theme words.", "2023-03-03T09:15:00+00:00")}'
             f'<ol><li id="comment-8" class="comment odd alt depth-2">'
             f'{block(8, "Ben Example", "And a reply.", "2023-03-03T10:00:00+00:00")}</li></ol></li>'
             '</ol></div>')
    assert shape(r) == [("Block theme words.", 0, None, "Ada Example"),
                        ("And a reply.", 1, "Block theme words.", "Ben Example")]
    assert r.comments[0].published_at == "2023-03-03T09:15:00Z"


def test_prefixed_theme_classes_name_the_parts():
    # A theme's own prefix before the role names ("w-comments-item-author", "-text", "-date").
    r = read('<ol class="w-comments-list"><li id="comment-3" class="comment depth-1 w-comments-item">'
             '<div class="w-comments-item-meta"><img class="avatar" alt="">'
             '<div class="w-comments-item-author"><span>Rob Example</span></div>'
             '<a class="w-comments-item-date" href="#comment-3">December 14, 2019 8:44 pm</a></div>'
             '<div class="w-comments-item-text"><p>A question about fonts.</p></div>'
             '<a class="comment-reply-link" href="#comment-3">Reply</a></li></ol>')
    assert shape(r) == [("A question about fonts.", 0, None, "Rob Example")]
    assert r.comments[0].published_local == "2019-12-14T20:44"


def test_text_inside_the_author_block_of_an_old_theme():
    # Some wordpress.com themes print the text as a paragraph inside div.comment-author, beside
    # the "Comment by NAME - date | Reply" line: the text is kept, the line is not.
    items = "".join(
        f'<li class="comment depth-1" id="comment-{i}"><div id="div-comment-{i}">'
        f'<div class="comment-author vcard"><img class="avatar" alt=""><p>{text}</p>'
        f'<p><cite>Kommentar von <span class="fn">{name}</span> &#8212; 2019-01-01 @ '
        f'<a href="#comment-{i}">00:{i}9</a></cite> <span class="reply"> | <a class="comment-reply-link" '
        f'href="?replytocom={i}#respond">Antworten</a></span></p></div></div></li>'
        for i, name, text in ((1, "Mira Example", "Den letzten Absatz unterschreibe ich gern."),
                              (2, "blogowner", "Danke!")))
    r = read(f'<ol id="commentlist">{items}</ol>', lang="de")
    assert shape(r) == [("Den letzten Absatz unterschreibe ich gern.", 0, None, "Mira Example"),
                        ("Danke!", 0, None, "blogowner")]


def test_post_taxonomy_classes_are_not_page_regions():
    # post_class() prints the post's tags and terms: "tag-popular", "category-related-links"
    # are the author's words, not a "popular posts" widget around the comments.
    html = ('<!DOCTYPE html><html lang="en"><body><article class="post type-post hentry '
            'tag-popular category-related-links"><h1>Title</h1><div class="entry-content"><p>'
            'The post body, long enough to count as a body of text for the extractor.</p></div>'
            '<div id="comments"><ol class="commentlist"><li id="comment-1" class="comment depth-1">'
            '<cite class="fn">Ada</cite><div class="comment-content"><p>Kept.</p></div></li></ol>'
            '</div></article></body></html>')
    r = get_reader("html").read(html.encode(), SourceRef("t", "t.html"))
    assert [c.text for c in r.comments] == ["Kept."]


def test_forum_style_list_profile_link_author_and_attributed_quote():
    # A forum-backed comment list: the name is a link to the member profile; a quote of another
    # comment (BBCode [quote=name] -> blockquote data-name) is the other commenter's words.
    def post(i, name, body, quote=""):
        q = f'<blockquote class="xfBb-quote" data-name="Ada">{quote}</blockquote>' if quote else ""
        return (f'<div id="comment-{i}" class="commentContainer"><div class="commentMessage">{q}{body}'
                f'</div><div class="commentInfo"><a href="https://forum.example/members/{name.lower()}.{i}/">'
                f'{name}</a>, <time datetime="26. Januar 2022 13:0{i}"><a href="https://forum.example/'
                f't/thread.1/post-{i}">26. Januar 2022 13:0{i}</a></time></div></div>')
    r = read('<div class="comments">' + post(1, "Ada", "Wohin gehört der Aufkleber?")
             + post(2, "Ben", "Nach oben.", quote="Wohin gehört der Aufkleber?") + "</div>", lang="de")
    assert [(c.text, c.identity.name if c.identity else None, c.published_local)
            for c in r.comments] == [("Wohin gehört der Aufkleber?", "Ada", "2022-01-26T13:01"),
                                     ("Nach oben.", "Ben", "2022-01-26T13:02")]


def test_livefyre_rendered_thread():
    # LiveComments (fyre.conv) as the browser leaves it: article.fyre-comment-article with the
    # name and points in the header, the text in .fyre-comment, replies inside the parent's
    # .fyre-comment-replies.
    def art(mid, name, text, replies=""):
        return (f'<article class="fyre-comment-article" data-message-id="{mid}"><div class="fyre-comment-wrapper">'
                f'<div class="fyre-comment-user"><a class="fyre-comment-author"><img class="fyre-user-avatar" '
                f'alt="{name}" src="a.jpg"></a></div><header class="fyre-comment-head">'
                f'<a class="fyre-comment-username">{name}</a><span class="fyre-comment-user-rating">5pts</span>'
                f'<time class="fyre-comment-date" datetime="2014-12-28T10:00:00Z">Dec 28</time>'
                f'<span class="fyre-comment-like"></span></header><section class="fyre-comment-body">'
                f'<div class="fyre-comment"><p>{text}</p></div></section><footer class="fyre-comment-footer">'
                f'<a class="fyre-comment-action-button">Reply</a></footer></div><div class="fyre-comment-divider">'
                f'</div><div class="fyre-comment-replies fyre-comment-container fyre-comment-replies-indent">'
                f'{replies}</div></article>')
    r = read('<div id="livefyre"><div class="fyre-widget"><div class="fyre-comment-stream">'
             '<div class="fyre-stream-content">'
             + art("101", "reader_one", "A first thought.", art("102", "reader_two", "An answer to it."))
             + art("103", "reader_three", "Another thought.") + '</div></div></div></div>')
    assert shape(r) == [("A first thought.", 0, None, "reader_one"),
                        ("An answer to it.", 1, "A first thought.", "reader_two"),
                        ("Another thought.", 0, None, "reader_three")]
    assert r.comments[0].published_at == "2014-12-28T10:00:00Z"
    assert r.posts[0].comment_system == "livefyre"


def test_underscore_role_classes_and_profile_link_label():
    # Themes that join words with "_" (comment_author, comment_date, author_name) and put a
    # "Profile" link in the author block: the name is the comment_author, not the link label,
    # and neither name nor date stays in the text.
    def li(i, name, when, text):
        return (f'<li class="comment depth-1" id="li-comment-{i}"><div id="comment-{i}">'
                f'<div class="comment-author vcard avatar-cell"><a class="view_profile" href="#"><img src="a.png">'
                f'</a><a class="profile_link view_profile" href="#">Profile</a></div>'
                f'<div class="comment-meta commentmetadata comment_text"><div class="comment_date">{when}</div>'
                f'<div class="comment_author">{name}</div><div class="comment-body"><p>{text}</p></div></div>'
                f'</div></li>')
    r = read('<ol class="commentlist">' + li(1, "Ada Example", "12.29.14 at 9:14 pm", "First words.")
             + li(2, "Ben Example", "12.30.14 at 8:00 am", "Second words.") + '</ol>')
    assert [(c.text, c.identity.name if c.identity else None, c.published_local) for c in r.comments] == [
        ("First words.", "Ada Example", "2014-12-29T21:14"),
        ("Second words.", "Ben Example", "2014-12-30T08:00")]
    r = read('<ol class="commentlist"><li class="comment depth-1" id="li-comment-7"><div id="comment-7" '
             'class="stand_comment"><div class="comment_content"><div class="comment_box"><p>Kept text.</p>'
             '</div></div><div class="comment_info"><span class="author_name">Cleo Example </span>'
             '<span class="comment_date">April 19, 2019</span></div></div></li>'
             '<li class="comment depth-1" id="li-comment-8"><div id="comment-8" class="stand_comment">'
             '<div class="comment_content"><div class="comment_box"><p>More text.</p></div></div>'
             '<div class="comment_info"><span class="author_name">Dan Example</span></div></div></li></ol>')
    assert [(c.text, c.identity.name if c.identity else None) for c in r.comments] == [
        ("Kept text.", "Cleo Example"), ("More text.", "Dan Example")]
    assert r.comments[0].published_local == "2019-04-19"


def test_answer_blocks_in_indented_wrapper_after_a_spacer():
    # Drupal-style threads printed by a custom theme: each comment is an anchor, a block and an
    # empty "clearer" div; the replies ("..._comment_answer") sit in div.indented after that.
    def item(i, cls, name, text):
        return (f'<a id="comment-{i}"></a><div class="comment_margin"></div><div class="{cls}">'
                f'<div class="comment_infos"><div class="comment_author">Soumis par <span '
                f'class="comment_author_name">{name}</span>, le lundi 29 octobre 2012 à 15h4{i}</div></div>'
                f'<div class="comment_content"><p>{text}</p></div></div><div class="clearer"></div>')
    r = read('<div class="comments">' + item(1, "article_comment_item", "ada", "Premier avis.")
             + '<div class="indented">' + item(2, "article_comment_answer", "ben", "Une réponse.")
             + item(4, "article_comment_answer", "dan", "Et une autre.") + '</div>'
             + item(3, "article_comment_item", "cleo", "Un autre avis.") + '</div>', lang="fr")
    assert shape(r) == [("Premier avis.", 0, None, "ada"), ("Une réponse.", 1, "Premier avis.", "ben"),
                        ("Et une autre.", 1, "Premier avis.", "dan"), ("Un autre avis.", 0, None, "cleo")]


def test_short_names_are_not_reply_words():
    # "me gusta"/"mi piace"/"gefällt mir" are reply-bar phrases; their single words are not, so a
    # commenter called "Me" or "not me" keeps the name.
    from therapy_threads.readers.comments.cleanup import clean_author, is_reply_word
    assert (clean_author("Me"), clean_author("not me"), clean_author("Mi")) == ("Me", "not me", "Mi")
    assert is_reply_word("Me gusta") and is_reply_word("gefällt mir") and not is_reply_word("mir")


def test_pasted_quote_of_another_comment_is_the_commenters_text():
    # A commenter pastes another comment with its header ("Other says: / DATE / words") and
    # answers it: that is what they wrote. Without a known author, a bare "X said:" first line
    # is still the theme's attribution and goes.
    from therapy_threads.readers.comments.cleanup import clean_comment_text
    pasted = "reader_two says:\nNovember 19, 2019 at 12:28 pm\nThe quoted words.\n=====\nMy answer."
    assert clean_comment_text(pasted, "Ada Example", languages=("en",)) == pasted
    assert clean_comment_text("Someone said:\nMy words.", None, languages=("en",)) == "My words."


def test_replies_nested_in_the_parents_content_block():
    # A custom CMS prints each reply as ``div.comment-reply`` with its own author and content
    # parts, inside the parent's ``div.comment-content`` (after the parent's words and tools).
    def reply(name: str, text: str) -> str:
        return (f'<div class="comment-reply component"><div class="comment-meta"><div class="comment-author">'
                f'{name}</div><small class="comment-time">August 07, 2019</small></div>'
                f'<div class="comment-content"><p>{text}</p><div class="comment-tools"><a href="#">'
                f'Report</a></div></div></div>')
    top = (f'<div class="comment component"><div class="comment-meta"><div class="comment-author">Ada Example'
           f'</div><small class="comment-time">August 06, 2019</small></div><div class="comment-content">'
           f'<p>A question about the post.</p><div class="comment-tools"><a href="#">Report</a></div>'
           f'{reply("Bo Sample", "An answer to it.")}{reply("Ada Example", "Thanks for the answer.")}</div></div>')
    lone = ('<div class="comment component"><div class="comment-meta"><div class="comment-author">Cy Test'
            '</div></div><div class="comment-content"><p>A comment nobody answered.</p></div></div>')
    r = read(f'<div class="comments"><h4>Comments<span>(4)</span></h4>{top}{lone}</div>')
    assert shape(r) == [("A question about the post.", 0, None, "Ada Example"),
                        ("An answer to it.", 1, "A question about the post.", "Bo Sample"),
                        ("Thanks for the answer.", 1, "A question about the post.", "Ada Example"),
                        ("A comment nobody answered.", 0, None, "Cy Test")]
    assert "fewer_comments_than_declared" not in codes(r)


def test_a_reply_link_block_is_not_a_comment():
    # WordPress's ``div.reply`` / ``div.comment-reply`` holds only the reply link.
    items = "".join(f'<li id="comment-{i}" class="comment"><div class="comment-author"><cite class="fn">'
                    f'R{i}</cite></div><div class="comment-content"><p>text {i}</p></div><div class="comment-reply">'
                    f'<a class="comment-reply-link" href="#">Reply</a></div></li>' for i in (1, 2))
    r = read(f'<ol class="commentlist">{items}</ol>')
    assert [(c.text, c.depth) for c in r.comments] == [("text 1", 0), ("text 2", 0)]


def _lone_kommentar() -> str:
    return ('<div class="kommentare"><div class="rubrik">Kommentare</div><div class="kommentar-item">'
            '<a name="9001" id="9001"></a><div class="kommentar-info"><div class="benutzer">Leserin42</div>'
            '<div class="datum">06.11.2023, 13.47 Uhr</div></div><h5>Ein Betreff</h5><div class="kommentar-text">'
            'Ein Kommentar zum Artikel selbst.</div><div class="vote"><i title="like">2</i></div></div></div>')


def test_latest_comments_list_told_by_its_heading_is_out_of_scope():
    # A site-wide "Letzte Kommentare" box of links to other articles' comments, and the article's
    # own single comment named in German (kommentar-item / kommentar-text / benutzer / datum).
    latest = "".join(f'<li class="kommentar"><a href="/news/artikel.php?nr={i}&amp;kom=1#{8000 + i}" '
                     f'title="Artikel {i}">Betreff {i} und mehr</a></li>' for i in range(6))
    r = read(_lone_kommentar() + f'<div class="box"><h1>Letzte Kommentare</h1><ul>{latest}</ul></div>',
             lang="de")
    assert shape(r) == [("Ein Kommentar zum Artikel selbst.", 0, None, "Leserin42")]


def test_a_list_of_bare_comment_links_is_not_a_thread():
    # The same kind of list without a heading: each item is nothing but one link to a comment.
    latest = "".join(f'<li class="comment-item"><a href="/a/{i}#comment-{i}">Subject {i}</a></li>'
                     for i in range(5))
    r = read(f'<div class="box"><ul>{latest}</ul></div>')
    assert r.comments == [] and r.skipped == {"out_of_scope": 5}


def test_pings_in_their_own_list_without_a_class_are_not_comments():
    # Divi's and Twenty Ten's comments.php: ``<div id="trackbacks"><h3>Trackbacks/Pingbacks</h3>
    # <ol class="pinglist">`` with items that carry no pingback class (callback et_list_pings).
    own = ('<ol class="commentlist"><li class="comment depth-1" id="li-comment-1"><article id="comment-1" '
           'class="comment-body"><span class="fn">Ada Example</span><div class="comment-content"><p>A real '
           'comment.</p></div></article></li></ol>')
    pings = ('<div id="trackbacks"><h3 id="trackbacks-title">Trackbacks/Pingbacks</h3><ol class="pinglist">'
             '<li id="comment-2"><a href="https://other.example/a/" class="url">Another post</a> - '
             '[&#8230;] an excerpt [&#8230;]</li><li id="comment-3"><a href="https://other.example/b/" '
             'class="url">A third post</a> - [&#8230;] more excerpt&hellip;</li></ol></div>')
    r = read(own + pings)
    assert [c.text for c in r.comments] == ["A real comment."]
    assert r.skipped == {"pingback": 2}
    # The same list told only by its heading.
    r = read(own + pings.replace('class="pinglist"', 'class="list"').replace('id="trackbacks"', 'id="x"'))
    assert [c.text for c in r.comments] == ["A real comment."]


def test_a_pingback_printed_as_an_ordinary_comment():
    # WordPress stores a pingback's text as "[…] excerpt […]" with the source's title as author; an
    # old theme prints it like any comment.
    ping = ('<div class="commentEntry"><div class="commentContent" id="comment-7"><p>[&#8230;] words from the '
            'post that linked here. [&#8230;]</p><div class="commentMeta">Kommentar von <cite><a href="https://'
            'other.example/p/" class="url">A linking post | other blog</a></cite> am <a href="#comment-7">07.08.09</a> um 10:25</div></div></div>')
    real = ('<div class="commentEntry"><div class="commentContent" id="comment-8"><p>[&#8230;] I quote the '
            'post, then say what I think of it.</p><div class="commentMeta">Kommentar von <cite>Bo Sample</cite>'
            '</div></div></div>')
    r = read(f'<div id="comments">{ping}{real}</div>', lang="de")
    assert [c.text for c in r.comments] == ["[…] I quote the post, then say what I think of it."]
    assert r.skipped == {"pingback": 1}


def test_repeated_blocks_told_by_their_author_and_text_parts():
    # A custom CMS whose comment block has no comment-like name of its own (``div.commentsCon``),
    # with camel-case parts and a like counter beside each comment.
    def block(i: int, name: str, text: str) -> str:
        return (f'<div class="commentsCon flex" id="{700 + i}"><div class="leftCon"><p class="strong commentAuthor">'
                f'{name}</p><p class="commentDate">21. Jan 2022</p><p class="commentText">{text}</p>'
                f'<div class="addQuote"><textarea class="comment quoteComment"></textarea></div></div>'
                f'<div class="rightCon"><div class="circle" onclick="like(this)"><i class="fas fa-thumbs-up"></i>'
                f'<div class="like_comment_count">{i}</div></div></div></div>')
    r = read('<div class="kommentarModul"><h3 id="count">2 Kommentare</h3><div class="commentConWrap">'
             + block(1, "Leserin42", "Ein guter Tipp.") + block(2, "Holzfan", "Danke, das probiere ich aus.")
             + '</div></div>', lang="de")
    assert shape(r) == [("Ein guter Tipp.", 0, None, "Leserin42"),
                        ("Danke, das probiere ich aus.", 0, None, "Holzfan")]
    assert "comments_not_extracted" not in codes(r) and r.posts[0].declared_comment_count == 2


def test_forum_comments_embedded_in_an_article_with_a_comment_widget_class():
    # A publisher's embed of its forum thread under the article: ``div.xenforo-comment-widget``
    # (the article's own thread, not a sidebar list), an icon glyph ``i.icon-comment`` beside the
    # counters, quotes opened by "NAME said:", and only the first comments of the thread shown.
    def item(i: int, name: str, body: str) -> str:
        return (f'<li class="forum-comment" id="forum-comment-{9000 + i}"><div class="avatar"></div>'
                f'<div class="forum-comment-content"><header><span class="author-name">{name}</span>'
                f'<span class="post-date">17 September 2020 14:1{i}</span></header><div class="js-read-more">'
                f'{body}</div><span class="xf-comment-reply"><a href="https://forum.example/t/1/">'
                f'<span>Reply</span></a></span></div></li>')
    body = ('<nav><a class="nav-link" href="#forum-comments-1"><i class="icon icon-comment"></i>'
            '<span class="comments-total">Comments (5)</span></a></nav>'
            '<div class="forum-comment-widget" id="forum-comments-1"><div class="header"><i class="icon icon-comment">'
            '</i><span class="comments-total">5 Comments</span></div><ul class="forum-comments-list">'
            + item(1, "ada_example", "The first words.")
            + item(2, "bo.sample", '<blockquote><div class="author"><span>ada_example</span> said:</div>The first '
                   'words.</blockquote>And my answer to them.')
            + '</ul></div>')
    r = read(body)
    assert [(c.text, c.identity.name) for c in r.comments] == [
        ("The first words.", "ada_example"), ("And my answer to them.", "bo.sample")]
    assert r.skipped == {}
    assert "fewer_comments_than_declared" in codes(r)  # 5 stated, 2 shown: said, not silent


def test_author_and_permalink_line_without_role_classes():
    # A WordPress VIP theme's callback: the first paragraph is get_comment_author_link() (a link
    # with class "url" and rel "external", or bare text when the commenter gave no website) and
    # the permalink, whose text is the comment's age.
    def item(i: int, who: str, text: str) -> str:
        return (f'<div class="comment depth-1 highlander-comment" id="li-comment-{i}"><div id="comment-{i}" '
                f'class="entry"><p>{who} <a class="comment-link" href="https://b.example/post/#comment-{i}">'
                f'1 year</a></p><p>{text}</p><div class="tools"><a class="share" href="#">Share</a></div>'
                f'</div></div>')
    r = read('<div class="comments" id="comments"><div class="commentList">'
             + item(11, "<a href='https://ada.example/' rel='external nofollow' class='url'>Ada Example</a>",
                    "The first comment.")
             + item(12, "bo_sample", "A second one.") + '</div></div>')
    assert shape(r) == [("The first comment.", 0, None, "Ada Example"), ("A second one.", 0, None, "bo_sample")]
    assert (r.comments[0].identity.url, r.comments[1].identity.url) == ("https://ada.example/", None)


def test_name_in_a_bem_meta_span_after_a_separator():
    # A custom theme: "<span class="comments-author--meta">| NAME</span>" after the date, no author class.
    r = read('<section class="post_comments"><h2>1 Comment</h2><ol><li><article class="comments-list--item" '
             'id="comment-5"><div class="row"><aside class="comments-author vcard"><div class="comments-author--img">'
             '</div></aside><div class="comments-author--content"><time class="comments-author--time">Posted on 3rd '
             'November 2023</time><span class="comments-author--meta">| Cy Test</span><p>What I think about it.</p>'
             '</div></div></article></li></ol></section>')
    assert shape(r) == [("What I think about it.", 0, None, "Cy Test")]


def test_reply_to_this_post_button_is_not_text():
    items = "".join(f'<div class="comment" id="comment-{i}"><div class="comment-author">R{i}</div><div class='
                    f'"comment-content"><p>text {i}</p><div class="toggle-wrapper"><a href="#" class="content-toggle">'
                    f'Reply to this post</a></div></div></div>' for i in (1, 2))
    r = read(f'<div class="comments">{items}</div>')
    assert [c.text for c in r.comments] == ["text 1", "text 2"]


def test_generated_id_classes_do_not_split_repeated_comment_blocks():
    # Each block carries its own id as a class (as Reddit's "t1_<base36>") and a hashed CSS-module name.
    items = "".join(f'<div class="comment c_{k} Hx9aB2cD4eF"><span class="author">{n}</span><p>{t}</p></div>'
                    for k, n, t in (("dc8izm3", "ada_example", "First."), ("dar4bf7", "bo_sample", "Second.")))
    r = read(f'<div class="comments">{items}</div>')
    assert shape(r) == [("First.", 0, None, "ada_example"), ("Second.", 0, None, "bo_sample")]


def test_a_comment_section_box_with_a_form_and_a_zero_counter_is_not_a_comment():
    r = read('<div class="comment-entry post-entry"><div class="comment_meta_container"><span class="comment-count">0'
             '</span><span class="comment-text">replies</span></div><div class="comment_container"><h3>Leave a Reply'
             '</h3><form class="comment-form"><textarea name="comment"></textarea></form></div></div>')
    assert r.comments == [] and "comments_not_extracted" not in codes(r)


def test_reddit_web_app_thread_depth_from_level_text():
    # The 2018-2023 web app: flat ``div.Comment.t1_<id>`` blocks, "level N" screen-reader text, the
    # header's /user/ link, score and age, the words under ``data-test-id="comment"``.
    def c(key: str, level: int, who: str, text: str) -> str:
        return (f'<div id="t1_{key}" style="padding-left:{16 * level}px"><div class="Hx1 Comment t1_{key} Zq9">'
                f'<button aria-label="upvote"></button><div class="Ab2"><span class="Sr3">level {level}</span>'
                f'<div class="Hd4"><a href="/user/{who}/" data-testid="comment_author_link">{who}</a>'
                f'<span>39 points</span><span> · </span><a href="/r/x/comments/1/y/{key}/"><span>6 years ago</span>'
                f'</a></div><div data-test-id="comment" class="Tx5"><p>{text}</p></div></div></div></div>')
    r = read('<div class="thread">' + c("aaa111", 1, "ada_example", "Top words.")
             + c("bbb222", 2, "bo_sample", "A reply.") + c("ccc333", 1, "cy_test", "Another top.") + '</div>')
    assert shape(r) == [("Top words.", 0, None, "ada_example"), ("A reply.", 1, "Top words.", "bo_sample"),
                        ("Another top.", 0, None, "cy_test")]
    assert r.posts[0].comment_system == "reddit"


def _pw_item(cls, uid, name, title, shown, text, new=True, replies=""):
    """One pw_comments entry as its Fluid partial renders it (current and older releases)."""
    inner = "comment-inner" if cls == "comment" else "reply-inner"
    if new:
        box = (f'<div class="comment-avatar"><img class="comment-author-image" alt="{name}" src="a.svg">'
               f'</div><div class="comment-box"><div class="comment-head"><h5 class="comment-name">{name}</h5>'
               f'<span class="comment-date" title="{title}"> {shown}</span><div class="comment-actions">'
               f'<div class="comment-voting"><a href="#">+</a> 2 <a href="#">-</a></div>'
               f'<a class="reply" href="?tx_pwcomments%5BcommentToReplyTo%5D={uid}#write">Antworten</a></div>'
               f'</div><div class="comment-content">{text}</div></div>')
        return f'<li class="{cls}" id="comment{uid}"><div class="{inner}">{box}</div>{replies}</li>'
    box = (f'<img class="comment_author_image" alt="{name}" src="g.png"><div class="comment_content_wrap">'
           f'<div class="comment_header"><span class="comment_author">{name}</span>'
           f'<span class="comment_date" title="{title}"> {shown}</span></div><div class="comment_body">'
           f'<div class="message">{text}</div><div class="comment_reply"><a href="#">Antworten</a></div>'
           f'</div></div><div class="clear"></div>')
    return f'<li class="{cls}" id="comment{uid}">{box}{replies}</li>'


def test_typo3_pw_comments_replies_authors_and_relative_ages():
    # Replies are li.comment-reply (no "comment" class) in ol.comment-replies inside the parent's
    # li; the date's text is a relative age ("vor 3 Wochen"), its title the absolute time.
    for new, reply_cls in ((True, "comment-reply"), (False, "comment_reply")):
        reply = _pw_item(reply_cls, 12, "Max Muster", "03.03.2020 09:05:00", "am 03.03.2020",
                         "Eine Antwort darauf.", new)
        body = ('<div id="comments"><h1>Kommentare (3)</h1><ol class="comment_list list">'
                + _pw_item("comment", 11, "Erika Beispiel", "02.03.2020 14:22:11", "vor 3 Wochen",
                           "Ein erster Kommentar.", new,
                           f'<ol class="comment-replies">{reply}</ol>')
                + _pw_item("comment", 13, "Lena Probe", "04.03.2020 10:00:00", "vor 2 Tagen",
                           "Noch ein Kommentar.", new)
                + '</ol></div>')
        r = read(body, lang="de")
        assert shape(r) == [("Ein erster Kommentar.", 0, None, "Erika Beispiel"),
                            ("Eine Antwort darauf.", 1, "Ein erster Kommentar.", "Max Muster"),
                            ("Noch ein Kommentar.", 0, None, "Lena Probe")], new
        assert [c.published_local for c in r.comments] == [
            "2020-03-02T14:22:11", "2020-03-03T09:05:00", "2020-03-04T10:00:00"]
        assert r.posts[0].comment_system == "pw_comments" and codes(r) == []


def test_relative_age_goes_to_published_age_never_into_the_text():
    # A theme that prints only an age ("3 weeks ago") in the comment's date element: no date is
    # made of it (an age in weeks names no day), it is kept as shown in its own field.
    def page(shown):
        return ('<div id="comments"><h2>2 comments</h2><ol class="comment-list">'
                '<li id="comment-1" class="comment depth-1"><article class="comment-body"><footer '
                'class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann Example</b>'
                f'</div><div class="comment-metadata"><a href="#comment-1"><span class="comment-date">{shown}'
                '</span></a></div></footer><div class="comment-content"><p>First comment text.</p></div>'
                '</article></li><li id="comment-2" class="comment depth-1"><article class="comment-body">'
                '<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bo Sample</b>'
                '</div><div class="comment-metadata"><a href="#comment-2"><time datetime="2020-11-08T09:52:00'
                '+01:00">8 November 2020</time></a></div></footer><div class="comment-content"><p>Second '
                'one.</p></div></article></li></ol></div>')
    for lang, shown in (("en", "3 weeks ago"), ("de", "vor 2 Tagen"), ("fr", "il y a 5 heures"),
                        ("es", "hace 1 mes"), ("it", "2 giorni fa"), ("en", "• an hour ago")):
        r = read(page(shown), lang=lang)
        first, second = r.comments
        assert (first.text, first.published_at, first.published_local) == ("First comment text.", None, None)
        assert first.published_age == shown.strip("• "), shown
        assert second.published_local == "2020-11-08T09:52:00+01:00" and second.published_age is None


def _old_reddit_thing(cid, author, iso, text, children="", fullname="data-fullname"):
    """One comment as old.reddit.com's comment_skeleton/comment templates render it."""
    return (f'<div class=" thing id-t1_{cid} noncollapsed comment " id="thing_t1_{cid}" {fullname}="t1_{cid}" '
            f'data-type="comment" data-author="{author}"><p class="parent"><a name="{cid}"></a></p>'
            '<div class="midcol unvoted"><div class="arrow up"></div><div class="arrow down"></div></div>'
            '<div class="entry unvoted"><p class="tagline"><a href="#" class="expand">[–]</a>'
            f'<a href="https://old.reddit.example/user/{author}" class="author may-blank">{author}</a>'
            '<span class="userattrs"></span> <span class="score unvoted" title="12">12 points</span> '
            f'<time title="x" datetime="{iso}" class="live-timestamp">3 years</time> ago</p>'
            '<form class="usertext warn-on-unload"><div class="usertext-body may-blank-within md-container">'
            f'<div class="md"><p>{text}</p></div></div></form><ul class="flat-list buttons"><li class="first">'
            f'<a class="bylink" href="/r/sub/comments/abc/t/{cid}/">permalink</a></li><li><a href="#">reply</a>'
            f'</li></ul></div><div class="child">{children}</div><div class="clearleft"></div></div>')


def test_old_reddit_thread_authors_scores_and_ages_stay_out_of_the_text():
    def page(fullname="data-fullname"):
        reply = _old_reddit_thing("bbb2", "other_person", "2020-01-02T08:00:00+00:00", "A reply to it.",
                                  fullname=fullname)
        return ('<div class="commentarea"><div class="sitetable nestedlisting">'
                + _old_reddit_thing("bbb1", "example_user", "2020-01-01T12:00:00+00:00", "A first comment.",
                                    f'<div class="sitetable listing">{reply}</div>', fullname=fullname)
                + _old_reddit_thing("bbb3", "third_one", "2020-01-03T09:00:00+00:00", "Another top comment.",
                                    fullname=fullname)
                + _old_reddit_thing("bbb4", "[deleted]", "2020-01-04T09:00:00+00:00", "[deleted]",
                                    fullname=fullname)
                + '</div></div>')
    r = read(page())
    # the "[deleted]" comment stays, removed: no text, and "[deleted]" is nobody's name
    assert shape(r) == [("A first comment.", 0, None, "example_user"),
                        ("A reply to it.", 1, "A first comment.", "other_person"),
                        ("Another top comment.", 0, None, "third_one"),
                        ("", 0, None, None)]
    assert [c.removed for c in r.comments] == [False, False, False, True]
    assert r.comments[0].published_at == "2020-01-01T12:00:00Z"
    assert r.posts[0].comment_system == "reddit" and "comment_markup_unread" not in codes(r)
    # The same ids in markup no recogniser reads: a warning with the count, never a silent zero.
    r = read(page(fullname="data-other"))
    assert r.comments == [] and "comment_markup_unread" in codes(r)
    assert "4 post(s)/comment(s) are marked" in next(i.message for i in r.issues if i.code == "comment_markup_unread")


def test_load_more_links_say_how_many_comments_a_capture_lacks():
    base = ('<div id="comments"><h2>Comments</h2><ol class="comment-list">'
            '<li id="comment-1" class="comment depth-1"><div class="comment-body"><div class="comment-author">'
            '<cite class="fn">Ann Example</cite></div><p>A comment that is here.</p></div></li></ol>{more}</div>'
            '<div class="sidebar"><a href="/page/2">Load more posts</a></div>')
    for more, stated in (('<span class="morecomments"><a href="#">load more comments (12 replies)</a></span>', 12),
                         ('<button type="button">Show 5 more comments</button>', 5),
                         ('<a href="#">3 more replies</a> <a href="#">2 more replies</a>', 5),
                         ('<a href="/r/x/comments/abc/t/def/">continue this thread</a>', 0),
                         ('<a href="#">Weitere Kommentare laden</a>', 0),
                         ('<a href="#">Voir plus de commentaires</a>', 0),
                         ('<a href="#">Cargar más comentarios</a>', 0)):
        r = read(base.format(more=more))
        assert [c.text for c in r.comments] == ["A comment that is here."], more
        msg = next(i.message for i in r.issues if i.code == "comments_not_loaded")
        assert (f"stating {stated} more" in msg) == bool(stated), (more, msg)
    r = read(base.format(more=""))
    assert "comments_not_loaded" not in codes(r)  # "Load more posts" is not about comments


def _dz(pid: int, floor: str, name: str, text: str, first: bool = False, quote: str = "") -> str:
    """A post as Discuz! X's ``viewthread_node.htm`` prints it (author on the left)."""
    href = ("forum.php?mod=viewthread&amp;tid=9" if first
            else f"forum.php?mod=redirect&amp;goto=findpost&amp;ptid=9&amp;pid={pid}")
    q = (f'<div class="quote"><blockquote><font size="2">{quote}</font></blockquote></div><br>'
         if quote else "")
    return (f'<div id="post_{pid}"><table id="pid{pid}" class="plhin" summary="pid{pid}"><tr>'
            f'<td class="pls" rowspan="2"><div id="favatar{pid}" class="pls favatar"><div class="pi">'
            f'<div class="authi"><a href="home.php?mod=space&amp;uid={pid}" class="xw1">{name}</a></div></div>'
            f'<div class="tns xg2"><table><tr><th><p><a class="xi2">3</a></p>主题</th></tr></table></div>'
            f'<ul class="xl xl2 o cl"><li class="pm2"><a class="xi2">发消息</a></li></ul></div></td>'
            f'<td class="plc"><div class="pi"><strong><a href="{href}" id="postnum{pid}">{floor}</a></strong>'
            f'<div class="pti"><div class="authi"><em id="authorposton{pid}">发表于 2024-4-1{pid % 10} 11:52:24</em>'
            f'<span class="pipe">|</span><a href="#" rel="nofollow">只看该作者</a></div></div></div>'
            f'<div class="pct"><div class="pcb"><div class="t_fsz"><table><tr>'
            f'<td class="t_f" id="postmessage_{pid}">{q}<i class="pstatus"> 本帖最后由 {name} 于 2024-4-1 编辑 </i>'
            f'{text}</td></tr></table></div><div id="comment_{pid}" class="cm"></div></div></div></td></tr>'
            f'<tr><td class="plc"><div class="po hin"><div class="pob cl"><em><a class="fastre">回复</a></em>'
            f'<p><a href="#">举报</a></p></div></div></td></tr></table></div>')


def test_discuz_x_first_floor_is_the_thread_quotes_and_edit_notes_left_out():
    posts = (_dz(101, "楼主", "示例甲", "主题帖的正文，很长的一段话。", first=True)
             + _dz(102, "沙发", "示例乙", "第一条回复的内容。")
             + _dz(103, "<em>3</em>#", "示例丙", "第二条回复。", quote="示例乙 发表于 2024-4-12 第一条回复的内容"))
    r = read(f'<div id="postlist" class="pl bm">{posts}</div>', lang="zh")
    assert shape(r) == [("第一条回复的内容。", 0, None, "示例乙"), ("第二条回复。", 0, None, "示例丙")]
    assert r.posts[0].comment_system == "discuz"
    # The date is marked by id only (em#authorposton{PID}: "发表于 DATE").
    assert [c.published_local for c in r.comments] == ["2024-04-12T11:52:24", "2024-04-13T11:52:24"]
    # Without floor labels (a theme that drops them) the first post of page 1 is the thread.
    bare = posts.replace('id="postnum', 'id="x-postnum')
    r = read(f'<div id="postlist" class="pl bm">{bare}</div>', lang="zh")
    assert [c.text for c in r.comments] == ["第一条回复的内容。", "第二条回复。"]


def _vb3(pid: int, num: int, name: str, text: str, quote: str = "") -> str:
    """vBulletin 3's ``postbit`` with the layout table replaced by divs (``div#postN.tpost``
    rows and cells, as styles without tables print it); ids and classes are the template's."""
    q = (f'<div style="margin:20px; margin-top:5px;"><div class="smallfont">Quote:</div>'
         f'<table><tr><td class="alt2">{quote}</td></tr></table></div>' if quote else "")
    return (f'<div id="post{pid}"><div class="tpost"><div class="trow thead smallfont">'
            f'<div class="tcell"><a name="post{pid}"></a> Feb 1{num}, 2026 | 9:07 pm</div>'
            f'<div class="tcell">#<a href="/forum/{pid}-post{num}.html" id="postcount{pid}" name="{num}">'
            f'<strong>{num}</strong></a></div></div><div class="trow"><div class="tcell alt2">'
            f'<div id="postmenu_{pid}"><a class="bigusername" href="/forum/members/u{pid}.html">{name}</a></div>'
            f'<div class="smallfont"><div>Join Date: <b>Aug 2008</b></div><div>Posts: <b>1,077</b></div></div></div>'
            f'<div class="tcell alt1" id="td_post_{pid}"><div id="post_message_{pid}">{q}{text}</div>'
            f'</div></div></div></div>')


def test_vbulletin3_postbit_without_layout_tables():
    posts = (_vb3(501, 1, "Thread Starter", "The opening post of the thread, at some length.")
             + _vb3(502, 2, "Ada Example", "A first reply to the thread.")
             + _vb3(503, 3, "Bea Sample", "Agreed with that.", quote="A first reply to the thread."))
    r = read(f'<div id="posts">{posts}</div>')
    assert shape(r) == [("A first reply to the thread.", 0, None, "Ada Example"),
                        ("Agreed with that.", 0, None, "Bea Sample")]
    assert r.posts[0].comment_system == "vbulletin"
    # The date stands in the header cell after the post's anchor, without a class.
    assert [c.published_local for c in r.comments] == ["2026-02-12T21:07", "2026-02-13T21:07"]


def _sd(cid: int, name: str, text: str, replies: str = "", kind: str = "full") -> str:
    """A comment as Slashdot's ``dispComment`` prints it; ``kind="hidden"`` is the empty shell of
    a comment below the reading threshold (its replies still inside)."""
    if kind == "hidden":
        cw = ""
    else:
        other = ("" if kind == "oneline" else
                 f' on Friday December 19, 2025 @08:0{cid % 10}PM (<a href="//s.example.org/c?cid={cid}">#{cid}</a>)'
                 f' <small><a href="//s.example.org/~{name}/journal/" title="Sunday April 27, 2008 @11:20AM" '
                 f'class="user_journal_display">Journal</a></small>')
        cw = (f'<div id="comment_top_{cid}" class="commentTop"><div class="title"><h4>'
              f'<a id="comment_link_{cid}" href="//s.example.org/c?cid={cid}">Re: A subject</a>'
              f' <span id="comment_score_{cid}" class="score">(<a href="#"><span class=opt>Score:</span>2</a>, Insightful)</span></h4></div>'
              f'<div class="details"><span class="by"><span class="byby">by </span><a href="//s.example.org/~{name}">{name}</a>'
              f' <span class="uid"><a href="//s.example.org/~{name}">( 1234 )</a></span></span>'
              f'<span class="otherdetails" id="comment_otherdetails_{cid}">{other}</span></div></div>'
              f'<div class="commentBody"><div id="comment_body_{cid}">{text}</div></div>'
              f'<div class="commentSub" id="comment_sub_{cid}"><a class="btn link" href="#">Reply to This</a></div>')
    tree = f'<ul id="commtree_{cid}">{replies}</ul>' if replies else ""
    return (f'<li id="tree_{cid}" class="comment {kind}{" contain" if replies else ""}"><span class="ind"></span>'
            f'<div id="comment_status_{cid}" class="commentstatus"></div><div id="comment_{cid}" class="cw">{cw}</div>'
            f'<div id="replyto_{cid}"></div><ul id="group_{cid}"><li id="hiddens_{cid}" class="hide"></li></ul>{tree}</li>')


def test_slashdot_nested_tree_keeps_hidden_comments_in_place():
    tree = (_sd(11, "", "", _sd(12, "ada_example", "A reply under a hidden comment.", kind="oneline"), kind="hidden")
            + _sd(13, "bea_sample", "A shown top comment.", _sd(14, "cid_person", "Its reply.")))
    r = read(f'<div id="comments"><ul id="commentlisting" class="d2">{tree}</ul></div>')
    assert shape(r) == [("[hidden]", 0, None, None),
                        ("A reply under a hidden comment.", 1, "[hidden]", "ada_example"),
                        ("A shown top comment.", 0, None, "bea_sample"),
                        ("Its reply.", 1, "A shown top comment.", "cid_person")]
    assert r.posts[0].comment_system == "slashdot"
    assert r.comments[2].published_local == "2025-12-19T20:03"


def _bbp_theme(pid: int, n: int, name: str, text: str, reply_to: int | None = None) -> str:
    """A theme's own ``loop-single-reply.php``: the post is ``article#post-ID``, bbPress's author
    link (``bbp-author-name``) in the theme's details list, a reply-to marker naming the parent's
    post id, then an "@NAME:" link to it."""
    marker = (f'<div class="replied-to-box" post-id="{reply_to}"><div>View original reply</div></div>'
              f'<a href="https://forum.example.org/topic/t/#post-{reply_to}"> @someone:</a>&nbsp; '
              if reply_to else "")
    return (f'<a name="post-{pid}"></a><article class="post board" id="post-{pid}">'
            f'<div class="post-number">Post # {n}</div><div class="img-frame"><a href="/members/u{pid}">'
            f'<img src="/a.gif"></a>Member<br><div>15 posts</div></div><div class="text-holder">'
            f'<ul class="details"><li><a href="/members/u{pid}" class="name bbp-author-name"> {name} </a></li>'
            f'<li class="time">2 weeks ago</li></ul><p></p>{marker}{text}<p></p>'
            f'<footer class="social-row"><div class="likes bbp-admin-links">Helpful (<span>4</span>)</div>'
            f'<a href="#new-post" class="reply">Reply</a></footer></div></article>')


def test_bbpress_theme_markup_with_reply_to_markers():
    posts = (_bbp_theme(100, 1, "topic_starter", "<p>The topic itself, asked at some length.</p>")
             + _bbp_theme(101, 2, "ada_example", "<p>A first answer to the topic.</p>")
             + _bbp_theme(102, 3, "topic_starter", "Thanks, that helps.", reply_to=101)
             + _bbp_theme(103, 4, "bea_sample", "An answer to the topic post itself.", reply_to=100))
    r = read(f'<div class="boards-section">{posts}</div>')
    assert shape(r) == [("A first answer to the topic.", 0, None, "ada_example"),
                        ("Thanks, that helps.", 1, "A first answer to the topic.", "topic_starter"),
                        ("An answer to the topic post itself.", 0, None, "bea_sample")]
    assert r.posts[0].comment_system == "bbpress"


def _sina(mid: str, name: str, text: str, dialog: str = "") -> str:
    """An item of the Sina news comment widget (``comment-type`` hooks as the widget renders)."""
    data = f"channel=sh&amp;newsid=comos-x1&amp;mid={mid}&amp;uid=1&amp;nick={name}&amp;parent=&amp;thread="
    return (f'<div class="item clearfix" comment-type="item"><div class="head"><a href="https://u.example.org/{mid}">'
            f'<img src="/a.jpg"></a></div><div class="cont" comment-type="itemCont"><div class="info">'
            f'<span class="name name-weibo"><span class="sina-comment-user-lnk-wrap"><a href="https://u.example.org/{mid}">'
            f'{name}</a></span></span><span class="area">某省</span></div>'
            f'<div class="txt" comment-type="itemTxt">{text}</div><div class="action">'
            f'<span class="time" comment-type="time" date="1715854484000">5月16日18:14</span>'
            f'<a class="report" href="#">举报</a><span class="btns"><a class="show" action-type="dialogShow" action-data="{data}">查看对话</a>'
            f'<a class="vote" action-type="vote" action-data="{data}"><span>赞<em comment-type="voteNum">49</em></span></a>'
            f'<a class="reply" action-type="reply" action-data="{data}">回复</a></span></div></div>{dialog}</div>')


def test_sina_comment_widget_hot_and_latest_lists_without_the_dialog_view():
    dialog = ('<div class="dialog-list-wrap" comment-type="dialogWrap"><div class="dialog-list" comment-type="dialogList">'
              '<div class="item clearfix" comment-type="item"><div class="cont" comment-type="itemCont"><div class="txt">'
              '<span class="name">用户甲：</span>回复@用户乙：说得对</div></div></div></div></div>')
    hot = _sina("AA-1", "示例甲", "热门评论的内容。", dialog) + _sina("AA-2", "示例乙", "另一条热门评论。")
    latest = _sina("AA-3", "示例丙", "最新的一条评论。") + _sina("AA-1", "示例甲", "热门评论的内容。")
    r = read('<div class="sina-comment-list" comment-type="list"><div class="hot-wrap" comment-type="hotWrap">'
             f'<div class="list" comment-type="hotList">{hot}</div></div><div class="latest-wrap" comment-type="latestWrap">'
             f'<div class="list" comment-type="latestList"><div class="sina-comment-page">{latest}</div></div></div></div>',
             lang="zh")
    assert shape(r) == [("热门评论的内容。", 0, None, "示例甲"), ("另一条热门评论。", 0, None, "示例乙"),
                        ("最新的一条评论。", 0, None, "示例丙")]
    assert r.posts[0].comment_system == "sina"
    # The time shows no year ("5月16日18:14"); its ``date`` attribute is epoch milliseconds.
    assert r.comments[0].published_at == "2024-05-16T10:14:44Z"


def test_a_sites_own_list_named_by_data_comment_id_with_its_stated_count():
    def li(cid, name, text):
        return (f'<li class="site-comment-list-content" data-comment-id="{cid}" data-news-id="77">'
                f'<div class="header"><span class="name">{name}</span><span class="time">3 gün önce</span>'
                f'<span class="report">Şikayet Et</span></div><div class="content"> {text} </div>'
                f'<div class="bottom"><span class="like-button" data-comment-id="{cid}">Beğen</span>'
                f'<span class="reply-button">Cevapla</span><span class="like-count">Toplam <span>2</span> beğeni</span>'
                f'</div></li>')
    body = ('<div class="site-comment"><div class="site-comment-header"> YORUMLAR <span class="count">9</span></div>'
            '<form class="site-comment-form"><textarea name="comment"></textarea></form><ul class="site-comment-list">'
            + li(301, "Ayşe Örnek", "Birinci yorumun metni burada.") + li(302, "Misafir", "İkinci yorum.")
            + '</ul></div>')
    r = read(body, lang="tr")
    assert shape(r) == [("Birinci yorumun metni burada.", 0, None, "Ayşe Örnek"),
                        ("İkinci yorum.", 0, None, "Misafir")]
    # The section's header states 9 and 2 are in the page: said, not silent.
    assert "fewer_comments_than_declared" in codes(r)
    # One id on one block only (a single like button elsewhere) is not a list of comments.
    r = read('<div><span class="x" data-comment-id="5">Like</span><div data-comment-id="6">Some words</div></div>')
    assert r.comments == []


def test_react_forum_with_generated_classes_read_by_hex_reply_ids():
    """A React app whose class names are generated (``css-1x2y3z``): only the record ids
    (``li#reply-<ObjectId>``), the member links (``/author/ID``) and a namespaced
    ``xy-datetime`` box say what the parts are."""
    def li(oid, uid, name, when, paras):
        ps = "".join(f'<div class="css-fij07y"><p>{p}</p></div>' for p in paras)
        return (f'<li id="reply-{oid}" class="css-7styu7"><div class="css-1y6aorq"><div class="css-1unptpx">'
                f'<a rel="nofollow" href="/author/{uid}"><img alt="{name}\'s icon" src="/a.png" class="css-1mt0uno"></a></div>'
                f'<div><div class="css-uwnoo8"><a rel="nofollow" href="/author/{uid}" class="css-1ooporc">{name}</a>'
                f'<div class="css-13tcnbw"><div class="xy-datetime xy-box"><span>{when}</span></div></div></div>'
                f'<div class="css-10lnejh">{ps}</div></div></div>'
                f'<div class="css-s0rduo"><a class="css-ad64wq"><span><svg></svg> Share</span></a></div></li>')
    body = ('<ul class="css-mr0b6g">'
            + li("6649a9c3db5c21001347a9f8", "58ed04e7285705c15ccfa694", "Ada Example", "May 19 2024 | 3:26 pm",
                 ["Did you set the search path?", "Packages go into the user folder."])
            + li("6649ab4dbbf8750013beb633", "661fb166b27e6e31c816e1bd", "Bea Sample", "May 19 2024 | 3:33 pm",
                 ["It works now, thanks!"])
            + '</ul>')
    r = read(body)
    assert shape(r) == [("Did you set the search path?\n\nPackages go into the user folder.", 0, None, "Ada Example"),
                        ("It works now, thanks!", 0, None, "Bea Sample")]
    assert [c.published_local for c in r.comments] == ["2024-05-19T15:26", "2024-05-19T15:33"]


def _shreddit(cid: str, author: str, text: str, depth: int, parent: str, replies: str = "") -> str:
    """A comment of Reddit's 2023+ web app (``shreddit-comment`` web component, fields as attributes)."""
    words = f'<div slot="comment" id="t1_{cid}-comment-rtjson-content"><p>{text}</p></div>' if text else ""
    return (f'<shreddit-comment author="{author}" thingid="t1_{cid}" depth="{depth}" parentid="{parent}" '
            f'postid="t3_zzz1" permalink="/r/example/comments/zzz1/t/{cid}/" score="12">'
            f'<div slot="commentMeta"><a href="/user/{author}/">{author}</a> · '
            f'<faceplate-timeago ts="2024-03-0{depth + 1}T10:00:00.000Z"><time>2 mo. ago</time></faceplate-timeago></div>'
            f'{words}<div slot="actionRow"><button>Reply</button><button>Share</button></div>{replies}</shreddit-comment>')


def test_new_reddit_shreddit_comments_nested_with_stated_parents():
    reply = _shreddit("ccc2", "other_person", "A reply to it.", 1, "t1_ccc1")
    tree = (_shreddit("ccc1", "example_user", "A first comment.", 0, "t3_zzz1", reply)
            + _shreddit("ccc3", "[deleted]", "", 0, "t3_zzz1")
            + _shreddit("ccc4", "third_one", "Another top comment.", 0, "t3_zzz1"))
    r = read(f'<shreddit-comment-tree post-id="t3_zzz1">{tree}</shreddit-comment-tree>')
    assert shape(r) == [("A first comment.", 0, None, "example_user"),
                        ("A reply to it.", 1, "A first comment.", "other_person"),
                        ("", 0, None, None),  # deleted: kept as a removed comment
                        ("Another top comment.", 0, None, "third_one")]
    assert [c.removed for c in r.comments] == [False, False, True, False]
    assert r.comments[1].published_at == "2024-03-02T10:00:00Z"
    assert r.posts[0].comment_system == "shreddit"
    assert guess_systems(tree) == [("shreddit", 4)]


def _vb5(pid: int, num: int, name: str, text: str, quote: str = "") -> str:
    """A post as vBulletin 5's ``conversation_content`` prints it in ``ul.thread-view``."""
    q = (f'<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container">'
         f'<div class="bbcode_postedby"> Originally posted by <strong>Someone</strong>'
         f'<a href="#post{pid - 1}" title="View Post">View Post</a></div><div class="message">{quote}</div>'
         f'</div></div></div>' if quote else "")
    return (f'<li data-node-id="{pid}" class="b-post js-post b-post--text" itemscope itemtype="http://schema.org/Comment">'
            f'<a id="post{pid}" class="anchor"></a><div class="b-userinfo" itemprop="author"><div class="b-userinfo__details">'
            f'<div class="author"><strong><a href="https://forum.example.org/member/{pid}-u">{name}</a></strong></div>'
            f'<div class="usertitle">Senior Member</div><ul><li><label>Join Date:</label> <span>10 Nov 04</span></li>'
            f'<li><label>Posts:</label> <span>20562</span></li></ul></div></div>'
            f'<div class="b-post__body"><div class="b-post__timestamp"><time itemprop="dateCreated" datetime="2022-07-0{num}T12:00:00">'
            f'07-0{num}-2022, 12:00 PM</time></div><a class="b-post__count" href="#post{pid}">#{num}</a>'
            f'<div class="js-post__content-text restore" itemprop="text">{q}{text}</div></div></li>')


def test_vbulletin5_thread_view_first_post_and_quotes_left_out():
    posts = (_vb5(701, 1, "Thread Starter", "The opening post of the topic, at some length.")
             + _vb5(702, 2, "Ada Example", "A first reply.")
             + _vb5(703, 3, "Bea Sample", "And my answer to it.", quote="A first reply."))
    r = read(f'<ul class="conversation-list thread-view">{posts}</ul>')
    assert shape(r) == [("A first reply.", 0, None, "Ada Example"), ("And my answer to it.", 0, None, "Bea Sample")]
    assert r.posts[0].comment_system == "vbulletin"


def _antd(cid: int, name: str, when: str, text: str, children: str = "", quoted: str = "", op: bool = False) -> str:
    """Ant Design's ``Comment`` component as a site fills it: a name link with a level badge, an
    "(OP)" label and the time in the author slot; actions as icon glyphs; a reply quoting its
    parent's words in a span closed by a quotation-mark glyph."""
    badge = '<span> (OP)</span>' if op else ""
    q = f'<span class="pre"><span>@someone {quoted}</span><i class="iconfont icon-quoteright"></i></span>' if quoted else ""
    nested = f'<div class="ant-comment-nested">{children}</div>' if children else ""
    return (f'<div class="ant-comment" id="reply-{cid}"><div class="ant-comment-inner"><div class="ant-comment-avatar">'
            f'<img src="/a.png"></div><div class="ant-comment-content"><div class="ant-comment-content-author">'
            f'<span class="ant-comment-content-author-name"><a class="username"> {name} <img src="/lv1.svg" alt="">{badge}'
            f'<small class="time">{when}</small></a></span></div><div class="ant-comment-content-detail">'
            f'<div class="comment-content"><span>{text}</span>{q}</div><span><a class="operate comment-like">'
            f'<i class="iconfont icon-like"><small> 2</small></i></a><a class="operate comment-comment">'
            f'<i class="iconfont icon-comment"><small> 回复</small><small> 1</small></i></a></span></div></div></div>'
            f'{nested}</div>')


def test_ant_design_comment_component_name_slot_and_quoted_parent():
    reply = _antd(12, "示例乙", "2月前", "这不巧了嘛", quoted="第一条评论", op=True)
    r = read('<div id="child-comment">' + _antd(11, "示例甲", "1年前", "第一条评论", reply)
             + _antd(13, "示例丙", "6月前", "另一条") + '</div>', lang="zh")
    assert shape(r) == [("第一条评论", 0, None, "示例甲"), ("这不巧了嘛", 1, "第一条评论", "示例乙"),
                        ("另一条", 0, None, "示例丙")]
    assert r.posts[0].comment_system == "antd"


def test_a_machine_time_in_utc_keeps_the_local_time_the_page_shows():
    """phpBB prints ``<time datetime>`` in UTC and the reader's local time as its text: the
    instant comes from the attribute, the local reading (and its day) from the text."""
    def li(cid, iso, shown, text):
        return (f'<li id="comment-{cid}" class="comment"><div class="comment-body"><div class="comment-author">'
                f'<cite class="fn">Ann Example</cite></div><div class="comment-meta"><time datetime="{iso}">{shown}</time>'
                f'</div><div class="comment-content"><p>{text}</p></div></div></li>')
    r = read('<div id="comments"><ol class="comment-list">'
             + li(1, "2024-09-11T22:37:00+00:00", "12. Sep 2024, 00:37", "Late at night here.")
             + li(2, "2024-09-11T10:00:00+00:00", "11. Sep 2024", "A date without a time.") + '</ol></div>', lang="de")
    assert r.comments[0].published_at == "2024-09-11T22:37:00Z"
    assert r.comments[0].published_local == "2024-09-12T00:37"
    assert r.comments[1].published_at == "2024-09-11T10:00:00Z"  # no clock shown: the machine value stands


def _hn_row(cid: int, indent: int, who: str, words: str, *, old: bool = False) -> str:
    ind = (f'<td class="ind"><img src="s.gif" height="1" width="{indent * 40}"></td>' if old else
           f'<td class="ind" indent="{indent}"><img src="s.gif" height="1" width="{indent * 40}"></td>')
    body = (f'<div class="comment"><div class="commtext c00">{words}</div><div class="reply"><p>'
            f'<font size="1"><u><a href="reply?id={cid}">reply</a></u></font></div></div>'
            if words else '<div class="comment"><span class="c00">[deleted]</span></div>')
    return (f'<tr class="athing comtr" id="{cid}"><td><table border="0"><tr>{ind}'
            f'<td valign="top" class="votelinks"><center><a id="up_{cid}"><div class="votearrow"></div></a>'
            f'</center></td><td class="default"><div><span class="comhead">'
            f'<a href="user?id={who}" class="hnuser">{who}</a> <span class="age" '
            f'title="2023-12-27T02:08:14"><a href="item?id={cid}">3 hours ago</a></span> '
            f'<span class="navs"> | <a href="#1" class="clicky">next</a> <a class="togg clicky" '
            f'n="2">[&ndash;]</a></span></span></div><br>{body}</td></tr></table></td></tr>')


def test_hacker_news_flat_rows_take_their_parent_from_the_indent():
    for old in (False, True):
        rows = "".join(_hn_row(*r, old=old) for r in (
            (101, 0, "ada_ex", "A first opinion."), (102, 1, "bo_ex", "A reply to it."),
            (103, 2, "ada_ex", "A reply to the reply."), (104, 1, "cy_ex", "Second reply."),
            (105, 0, "dee_ex", "Another thread.")))
        r = read(f'<table border="0" class="comment-tree">{rows}</table>')
        assert shape(r) == [("A first opinion.", 0, None, "ada_ex"),
                            ("A reply to it.", 1, "A first opinion.", "bo_ex"),
                            ("A reply to the reply.", 2, "A reply to it.", "ada_ex"),
                            ("Second reply.", 1, "A first opinion.", "cy_ex"),
                            ("Another thread.", 0, None, "dee_ex")]


def test_hacker_news_rows_before_the_comtr_class_and_deleted_rows():
    def row(cid, indent, who, words):
        return (f'<tr class="athing" id="{cid}"><td><table border="0"><tr><td class="ind"><img src="s.gif" '
                f'height="1" width="{indent * 40}"></td><td class="default"><div><span class="comhead">'
                f'<a href="user?id={who}">{who}</a> <span class="age"><a href="item?id={cid}">2 days ago</a>'
                f'</span></span></div><br><span class="comment"><span class="c00">{words}<span></span>'
                f'<div class="reply"><p><font size="1"><u><a href="reply?id={cid}">reply</a></u></font></p></div>'
                f'</span></span></td></tr></table></td></tr>')
    r = read('<table class="comment-tree">' + row(1, 0, "ada_ex", "First opinion here.")
             + row(2, 1, "bo_ex", "A reply to it.") + row(3, 1, "cy_ex", "[deleted]")
             + row(4, 0, "dee_ex", "Second thread.") + '</table>')
    # a "[deleted]" row stays a comment, removed, without the notice as its text
    assert shape(r) == [("First opinion here.", 0, None, "ada_ex"),
                        ("A reply to it.", 1, "First opinion here.", "bo_ex"),
                        ("", 1, "First opinion here.", "cy_ex"),
                        ("Second thread.", 0, None, "dee_ex")]
    assert [c.removed for c in r.comments] == [False, False, True, False]


def test_hacker_news_classic_tables_focused_item_and_deleted_parents():
    # 2007-2013 markup: one small table per comment, no athing class; the depth is the spacer's width.
    def row(cid, indent, who, words):
        arrow = (f'<a id=up_{cid} href="vote?for={cid}&dir=up"><img src="grayarrow.gif"></a>' if cid
                 else '<img src="s.gif" height=1 width=14>')
        head = (f'<a href="user?id={who}">{who}</a> 2 hours ago  | <a href="item?id={cid}">link</a>' if cid else "")
        return (f'<tr><td><table border=0><tr><td><img src="s.gif" height=1 width={indent * 40}></td>'
                f'<td valign=top><center>{arrow}</center></td><td class="default"><div><span class="comhead">'
                f'{head}</span></div><br><span class="comment"><font color=#000000>{words}</font></span>'
                f'</td></tr></table></td></tr>')
    story = ('<table><tr><td class="title"><a href="https://example.org/a">A story</a><span class="comhead"> '
             '(example.org) </span></td></tr><tr><td class="subtext">9 points by <a href="user?id=ed_ex">ed_ex'
             '</a> | <a href="item?id=900">3 comments</a></td></tr></table>')
    r = read(story + '<table border=0>' + row(901, 0, "ada_ex", "First opinion here.")
             + row(0, 1, "", "[deleted]") + row(903, 2, "bo_ex", "A reply to the removed one.")
             + row(904, 1, "cy_ex", "[deleted]") + row(905, 0, "dee_ex", "Second thread.") + '</table>')
    # a removed row keeps its place (its reply keeps its parent), with or without replies, as a
    # comment without text
    assert shape(r) == [("First opinion here.", 0, None, "ada_ex"),
                        ("", 1, "First opinion here.", None),
                        ("A reply to the removed one.", 2, "", "bo_ex"),
                        ("", 1, "First opinion here.", "cy_ex"),
                        ("Second thread.", 0, None, "dee_ex")]
    assert [c.removed for c in r.comments] == [False, True, False, True, False]
    # a comment's own page: the focused comment in table.fatitem is the post, its replies the thread
    focus = ('<table class="fatitem" border="0"><tr class="athing" id="700"><td class="ind"></td>'
             '<td class="default"><div><span class="comhead"><a href="user?id=fo_ex" class="hnuser">fo_ex</a>'
             '</span></div><br><div class="comment"><div class="commtext c00">The focused words.</div></div>'
             '</td></tr></table>')
    rows = "".join(_hn_row(*x) for x in ((701, 0, "ada_ex", "A direct reply."), (702, 1, "bo_ex", "Deeper.")))
    r = read(focus + f'<table border="0" class="comment-tree">{rows}</table>')
    assert shape(r) == [("A direct reply.", 0, None, "ada_ex"), ("Deeper.", 1, "A direct reply.", "bo_ex")]


def _sabai_comment(cid: int, who: str, words: str) -> str:
    return (f'<li id="sabai-comment-{cid}" class=""><div class="sabai-comment-avatar"><img alt="{who}"></div>'
            f'<ul class="sabai-comment-meta"><li class="sabai-comment-author"><a class="sabai-user" '
            f'href="https://example.org/u/{who}">{who}</a></li><li class="sabai-comment-date">'
            f'<span title="May 2, 2019 4:51 pm">5 years ago</span></li><li class="sabai-comment-votes">'
            f'<span><i class="fa fa-thumbs-up"></i> 2</span></li></ul>'
            f'<div class="sabai-comment-main">{words}</div><div class="sabai-comment-form"></div></li>')


def test_sabai_discuss_answers_and_their_comments():
    def answer(eid, who, words, comments=""):
        return (f'<div id="sabai-entity-content-{eid}" class="sabai-entity sabai-entity-type-content '
                f'sabai-entity-bundle-name-questions-answers sabai-entity-bundle-type-questions-answers">'
                f'<div class="sabai-questions-status"><span class="sabai-label">Good Answer</span></div>'
                f'<div class="sabai-row"><div class="sabai-questions-side"><span class="sabai-number">3</span></div>'
                f'<div class="sabai-questions-main"><div class="sabai-questions-body"><p>{words}</p></div>'
                f'<div class="sabai-row"><div class="sabai-questions-activity"><ul class="sabai-entity-activity">'
                f'<li><a href="https://example.org" class="sabai-user">{who}</a> answered '
                f'<a href="https://example.org/a/{eid}" title="May 1, 2019">5 years ago</a></li></ul></div></div>'
                f'<div class="sabai-questions-comments"><ul class="sabai-comment-comments">{comments}</ul></div>'
                f'</div></div></div>')
    r = read('<div id="sabai-entity-content-1" class="sabai-entity sabai-entity-bundle-name-questions">'
             '<div class="sabai-questions-comments"><ul>'
             + _sabai_comment(11, "Ada", "Could you say which version?") + '</ul></div></div>'
             + answer(2, "Bo", "Use the second option.",
                      _sabai_comment(12, "Cy", "That worked for me.") + _sabai_comment(13, "Ada", "Thanks!"))
             + answer(3, "Dee", "Another way."))
    assert shape(r) == [("Could you say which version?", 0, None, "Ada"),
                        ("Use the second option.", 0, None, "Bo"),
                        ("That worked for me.", 1, "Use the second option.", "Cy"),
                        ("Thanks!", 1, "Use the second option.", "Ada"),
                        ("Another way.", 0, None, "Dee")]


def test_fluxbb_topic_replies_without_the_first_post_quotes_or_signatures():
    def post(pid, n, who, words, first=False):
        return (f'<div id="p{pid}" class="blockpost row{"odd" if n % 2 else "even"}'
                f'{" firstpost" if first else ""} blockpost{n}"><h2><span><span class="conr">#{n}</span> '
                f'<a href="viewtopic.php?pid={pid}#p{pid}">2024-08-03 10:59:47</a></span></h2>'
                f'<div class="box"><div class="inbox"><div class="postbody"><div class="postleft"><dl>'
                f'<dt><strong>{who}</strong></dt><dd class="usertitle"><strong>Member</strong></dd>'
                f'<dd><span>Registered: 2020-01-27</span></dd><dd><span>Posts: 98</span></dd></dl></div>'
                f'<div class="postright"><h3>Re: A question</h3><div class="postmsg">{words}</div>'
                f'<div class="postsignature postmsg"><hr><p>My signature line</p></div></div></div></div>'
                f'<div class="inbox"><div class="postfoot clearb"><div class="postfootleft"><p><span>Offline'
                f'</span></p></div></div></div></div></div>')
    r = read('<div id="brdmain">' + post(10, 1, "ada_ex", "<p>The opening question.</p>", first=True)
             + post(11, 2, "bo_ex", '<div class="quotebox"><cite>ada_ex wrote:</cite><blockquote><div>'
                    '<p>The opening question.</p></div></blockquote></div><p>An answer.</p>')
             + post(12, 3, "cy_ex", '<p>Another answer.</p><p class="postedit"><em>Last edited by cy_ex '
                    '(2024-08-03 11:02:20)</em></p>') + '</div>')
    assert shape(r) == [("An answer.", 0, None, "bo_ex"), ("Another answer.", 0, None, "cy_ex")]


def test_flarum_post_stream_replies_follow_their_post_mentions():
    def post(pid, number, who, body, kind="comment"):
        return (f'<div class="PostStream-item" data-index="{number - 1}" data-number="{number}" '
                f'data-id="{pid}" data-type="{kind}"><article class="CommentPost Post"><div>'
                f'<header class="Post-header"><ul><li class="item-user"><div class="PostUser">'
                f'<h3 class="PostUser-name"><a href="/u/{who}"><span class="Avatar PostUser-avatar">'
                f'{who[0]}</span><span class="username">{who}</span></a></h3></div></li>'
                f'<li class="item-meta"><div class="Dropdown PostMeta"><a class="Dropdown-toggle">'
                f'<time datetime="2024-05-16T15:48:10+08:00">11 days ago</time></a><div class="Dropdown-menu">'
                f'<span class="PostMeta-number">Post #{number}</span></div></div></li></ul></header>'
                f'<div class="Post-body">{body}</div><aside class="Post-actions"><ul><li class="item-reply">'
                f'<button class="Button"><span class="Button-label">Reply</span></button></li></ul></aside>'
                f'<footer class="Post-footer"><ul><li class="item-replies"><div class="Post-mentionedBy">'
                f'<span class="Post-mentionedBy-summary"><a href="/d/9/3">someone</a> replied to this'
                f'</span></div></li></ul></footer></div></article></div>')

    def mention(pid, who):
        return f'<a href="https://example.org/d/9/{pid}" class="PostMention" data-id="{pid}">{who}</a> '
    r = read('<div class="PostStream">'
             + post(500, 1, "Ada", "<p>The opening question.</p>")
             + post(501, 2, "Bo", f"<p>{mention(500, 'Ada')}A first answer.</p>")
             + post(502, 3, "Ada", f"<p>{mention(501, 'Bo')}Thanks, that helps.</p>")
             + post(503, 4, "Cy", "<p>Unrelated remark.</p>")
             + post(504, 5, "Bo", f"<p>{mention(502, 'Ada')}Glad it did.</p>") + '</div>')
    assert shape(r) == [("A first answer.", 0, None, "Bo"),
                        ("Thanks, that helps.", 1, "A first answer.", "Ada"),
                        ("Unrelated remark.", 0, None, "Cy"),
                        ("Glad it did.", 2, "Thanks, that helps.", "Bo")]


def test_nodebb_posts_reply_to_the_post_their_parent_preview_names():
    def post(index, pid, who, words, parent=None):
        preview = (f'<div component="post/parent" data-collapsed="true" data-parent-pid="{parent}" '
                   f'class="btn btn-ghost"><a href="/user/x" class="fw-semibold">someone</a>'
                   f'<div component="post/parent/content" class="text-muted"><p>Quoted preview of the '
                   f'parent.</p></div></div>' if parent else "")
        return (f'<li component="post" class="pt-4" data-index="{index}" data-pid="{pid}" data-uid="7" '
                f'data-username="{who.lower()}" itemprop="comment" itemscope>'
                f'<a component="post/anchor" data-index="{index}" id="{index + 1}"></a>'
                f'<meta itemprop="datePublished" content="2024-11-27T19:36:29.906Z">{preview}'
                f'<div class="post-container"><div class="post-header" itemprop="author" itemscope>'
                f'<meta itemprop="name" content="{who}"><a class="fw-bold" href="/user/{who.lower()}" '
                f'data-username="{who.lower()}" data-uid="7">{who}</a><a href="/post/{pid}" '
                f'class="timeago" title="2024-11-27T19:36:29.906Z"></a></div>'
                f'<div class="content text-break" component="post/content" itemprop="text"><p>{words}</p>'
                f'</div><div component="post/footer"><a component="post/reply">Reply</a></div></div></li>')
    r = read('<ul component="topic">' + post(0, 100, "Ada Ex", "The announcement.")
             + post(1, 101, "Bo Ex", "Congratulations.", parent=100)
             + post(2, 102, "Ada Ex", "Thank you!", parent=101)
             + post(3, "https://social.example.org/users/cy/statuses/9", "Cy Ex", "A remote reply.")
             + post(4, 104, "Bo Ex", "Following up.", parent="https://social.example.org/users/cy/statuses/9")
             + '</ul>')
    assert shape(r) == [("Congratulations.", 0, None, "Bo Ex"),
                        ("Thank you!", 1, "Congratulations.", "Ada Ex"),
                        ("A remote reply.", 0, None, "Cy Ex"),
                        ("Following up.", 1, "A remote reply.", "Bo Ex")]


def test_asgaros_forum_posts_without_the_hidden_quote_copy_or_quotes():
    def post(pid, who, words, first=False, quote=""):
        return (f'<div class="post-element {"first-post" if first else ""}" id="postid-{pid}">'
                f'<div class="forum-post-header-container"><div class="post-author user-online">'
                f'<div class="post-author-blocks"><div class="post-author-block-name"><a class="profile-link" '
                f'href="#">{who}</a></div><div class="post-author-block-meta"><span class="post-counter">'
                f'120 Posts</span></div></div></div></div><div class="post-wrapper"><div class="forum-post-header">'
                f'<div class="forum-post-date">12. March 2023, 10:05 · #{pid}</div></div>'
                f'<div class="post-message"><div id="post-quote-container-{pid}" style="display: none;">'
                f'<blockquote><div class="quotetitle">Quote from {who} on 12. March 2023</div>{words}'
                f'</blockquote><br></div>{quote}{words}</div><div class="post-footer"><div class="post-reactions">'
                f'<span class="reaction-number">0</span></div><div class="signature">A signature.</div></div>'
                f'</div></div>')
    r = read('<div id="af-wrapper">' + post(1, "Ada", "<p>How do I change the colour?</p>", first=True)
             + post(2, "Bo", "<p>Use the custom CSS box.</p>")
             + post(3, "Ada", "<p>That worked.</p>", quote='<blockquote><div class="quotetitle">Quote from '
                    'Bo on 12. March 2023</div><p>Use the custom CSS box.</p></blockquote>') + '</div>')
    assert shape(r) == [("Use the custom CSS box.", 0, None, "Bo"), ("That worked.", 0, None, "Ada")]


def test_smf_topic_replies_after_the_counterless_opening_post():
    def msg(mid, who, words, counter=None):
        number = f'<span class="page_number floatright">#{counter}</span>' if counter else ""
        return (f'<div class="windowbg" id="msg{mid}"><div class="post_wrapper"><div class="poster"><h4>'
                f'<a href="https://example.org/index.php?action=profile;u=5">{who}</a></h4><ul class="user_info">'
                f'<li class="postgroup">Full Member</li><li class="postcount">Posts: 1,234</li>'
                f'<li class="poster_ip">Logged</li></ul></div><div class="postarea"><div class="keyinfo">'
                f'<div class="postinfo"><a href="https://example.org/index.php?msg={mid}" class="smalltext">'
                f'June 04, 2024, 11:23:55 AM</a>{number}</div></div><div class="post">'
                f'<div class="inner" data-msgid="{mid}" id="msg_{mid}">{words}</div></div>'
                f'<div class="under_message"></div></div><div class="moderatorbar"><div class="signature">'
                f'My forum signature</div></div></div></div>')
    r = read('<div id="forumposts">' + msg(1, "Ada", "How do you all do this?")
             + msg(2, "Bo", "Open the settings page first.", counter=1)
             + msg(3, "Ada", '<blockquote class="bbc_standard_quote"><cite><a href="#">Quote from: Bo on '
                   'June 04, 2024</a></cite>Open the settings page first.</blockquote>Thanks, it works.', counter=2) + '</div>')
    assert shape(r) == [("Open the settings page first.", 0, None, "Bo"), ("Thanks, it works.", 0, None, "Ada")]


def test_misago_posts_list_first_post_is_the_thread():
    def post(pid, who, words, primary=False):
        return (f'<li id="post-{pid}" class="post{" post-primary" if primary else ""}"><div class="panel panel-post">'
                f'<div class="panel-body"><div class="post-side post-side-registered"><div class="media">'
                f'<div class="media-body"><div class="media-heading"><a class="item-title" href="/u/{who}/3/">'
                f'{who}</a></div><div class="user-title"><a href="/users/team/">Project Lead</a></div>'
                f'<span class="user-postcount">1860 posts</span></div></div></div><div class="panel-content">'
                f'<div class="post-heading"><a href="/t/a/1/post/{pid}/" class="btn btn-link posted-on hidden-xs" '
                f'title="posted May 20, 2024, 8:26 PM">7 days ago</a><a href="/t/a/1/post/{pid}/" '
                f'class="btn btn-link posted-on visible-xs-inline-block">7 days ago</a></div>'
                f'<div class="post-body"><article class="misago-markup"><p>{words}</p></article></div>'
                f'<div class="post-footer"><button class="btn">Reply</button></div></div></div></div></li>')
    r = read('<ul class="posts-list ui-ready">' + post(10, "ada_ex", "The app loses its connection.")
             + post(11, "bo_ex", "Did you change the setup files?", primary=True)
             + post(12, "ada_ex", "Solved, a tracking script caused it.") + '</ul>')
    assert shape(r) == [("Did you change the setup files?", 0, None, "bo_ex"),
                        ("Solved, a tracking script caused it.", 0, None, "ada_ex")]


def test_apache_answer_answers_and_their_comments():
    def comment(cid, who, words):
        return (f'<div id="{cid}" class="py-2 comment-item"><div class="d-block"><div class="fmt small text-break">'
                f'<p>{words}</p></div></div><div class="d-flex small"><div class="d-flex link-secondary">'
                f'<a class="name-ellipsis" href="/users/{who}">{who}</a><span class="mx-1">&#8226;</span>'
                f'<time datetime="2024-02-23T07:41:28.000Z" title="Feb 22, 2024 at 23:41">Feb 22</time>'
                f'<button type="button" class="btn btn-link btn-sm">Reply</button></div></div></div>')

    def answer(aid, who, words, comments=""):
        return (f'<div id="{aid}" class="answer-item py-4"><div class="img-viewer"><article class="fmt text-break">'
                f'<p>{words}</p></article></div><div class="btn-group"><button class="btn">3</button></div>'
                f'<div class="d-flex"><a class="me-1 name-ellipsis" href="/users/{who}">{who}</a>'
                f'<span class="fw-bold" title="Reputation">1,136</span><time datetime="2024-02-23T07:35:59.000Z">'
                f'answered Feb 22</time></div><div class="comments-wrap bg-light">{comments}</div></div>')
    r = read('<div id="question"><article class="fmt"><p>How are packages layered?</p></article>'
             '<div class="comments-wrap">' + comment("9001", "ada_ex", "Which version do you run?") + '</div></div>'
             + answer("A1", "bo_ex", "Router first, then the service layer.",
                      comment("9002", "cy_ex", "Thanks very much for this."))
             + answer("A2", "dee_ex", "Read the generated API docs."))
    assert shape(r) == [("Which version do you run?", 0, None, "ada_ex"),
                        ("Router first, then the service layer.", 0, None, "bo_ex"),
                        ("Thanks very much for this.", 1, "Router first, then the service layer.", "cy_ex"),
                        ("Read the generated API docs.", 0, None, "dee_ex")]


def test_dw_question_answer_keeps_answered_n_years_ago_out_of_the_text():
    def meta(who, verb, cls):
        return (f'<div class="{cls}"><span><a href="https://example.org/dwqa-user-profile/{who}"><img alt="" '
                f'class="avatar avatar-48 photo" src="https://example.org/a.png">{who}</a> '
                f'<span class="dwqa-label dwqa-staff">Staff</span> {verb} 4 years ago</span>'
                f'<span class="dwqa-answer-actions"></span></div>')

    def comment(cid, who, words):
        return (f'<div class="dwqa-comment" id="comment-{cid}"><div class="dwqa-comment-meta">'
                f'<a href="https://example.org/dwqa-user-profile/{who}"><img class="avatar" alt="">{who}</a><br>'
                f'<span class="dwqa-label dwqa-staff">Staff</span> replied 4 years ago<p></p>'
                f'<div class="dwqa-comment-actions"></div></div><p>{words}</p></div>')

    def answer(aid, who, words, comments="", best=False):
        return (f'<div class="dwqa-answer-item{" dwqa-best-answer" if best else ""}" id="answer-{aid}">'
                f'<div class="dwqa-answer-vote"><span class="dwqa-vote-count">0</span><a class="dwqa-vote '
                f'dwqa-vote-up" href="#">Vote Up</a><a class="dwqa-vote dwqa-vote-down" href="#">Vote Down</a></div>'
                + ('<p><span class="dwqa-pick-best-answer">Best Answer</span></p>' if best else "")
                + meta(who, "answered", "dwqa-answer-meta")
                + f'<div class="dwqa-answer-content">{words}</div><div class="dwqa-comments">'
                f'<div class="dwqa-comments-list">{comments}</div></div></div>')
    r = read('<div class="dwqa-single-question"><div class="dwqa-question-item">'
             + meta("ada_ex", "asked", "dwqa-question-meta")
             + '<div class="dwqa-question-content">Can guests ask questions?</div><div class="dwqa-comments">'
             '<div class="dwqa-comments-list">' + comment(7, "bo_ex", "Which plugin version?")
             + '</div></div></div><div class="dwqa-answers"><div class="dwqa-answers-list">'
             + answer(20, "bo_ex", "Yes, in the permission settings.",
                      comment(8, "ada_ex", "Found it, thanks."), best=True)
             + answer(21, "cy_ex", "Also per role.") + '</div></div></div>')
    assert shape(r) == [("Which plugin version?", 0, None, "bo_ex"),
                        ("Yes, in the permission settings.", 0, None, "bo_ex"),
                        ("Found it, thanks.", 1, "Yes, in the permission settings.", "ada_ex"),
                        ("Also per role.", 0, None, "cy_ex")]


def test_zhihu_answers_without_itemprop_text_read_from_rich_content():
    def answer(n, who, words, prop="suggestedAnswer"):
        return (f'<div class="List-item"><div class="ContentItem AnswerItem" name="{n}" itemprop="{prop}" '
                f'itemtype="http://schema.org/Answer" itemscope><div class="ContentItem-meta"><div class="AuthorInfo" '
                f'itemprop="author" itemscope itemtype="http://schema.org/Person"><meta itemprop="name" content="{who}">'
                f'<span class="UserLink AuthorInfo-name"><a class="UserLink-link" href="/people/{n}">{who}</a></span>'
                f'</div></div><meta itemprop="upvoteCount" content="12"><meta itemprop="dateCreated" '
                f'content="2016-03-04T11:02:41.000Z"><meta itemprop="commentCount" content="9">'
                f'<div class="RichContent RichContent--unescapable"><div class="RichContent-inner">'
                f'<div class="css-1abc"><p>{words}</p></div></div><div><div class="ContentItem-time"><a href="/answer/{n}">'
                f'<span data-tooltip="发布于 2016-03-04 19:02">编辑于 2016-06-28 15:03</span></a></div></div>'
                f'<div class="ContentItem-actions"><button>赞同 12</button><button>9 条评论</button></div></div></div></div>')
    r = read('<div itemscope itemtype="http://schema.org/Question"><h1 class="QuestionHeader-title">一个问题？</h1>'
             '<meta itemprop="answerCount" content="2"></div><div class="List">'
             + answer(101, "示例甲", "第一个回答的内容。", prop="acceptedAnswer") + answer(102, "示例乙", "第二个回答。")
             + '</div>', lang="zh")
    assert [(t, d, p, who) for t, d, p, who in shape(r)] == [("第一个回答的内容。", 0, None, "示例甲"),
                                                        ("第二个回答。", 0, None, "示例乙")]


def test_schema_org_qa_answers_and_the_comments_inside_them():
    def answer(n, who, words, comments="", prop="suggestedAnswer"):
        return (f'<div id="answer{n}" class="answer-row" itemscope itemtype="http://schema.org/Answer" '
                f'itemprop="{prop}"><meta itemprop="upvoteCount" content="2"><h3>Solution {n}</h3>'
                f'<div class="text" itemprop="text"><p>{words}</p></div><div class="meta-data"><b>Posted</b> '
                f'<time itemprop="dateCreated" datetime="2024-04-25T21:52:00">25-Apr-24 21:52pm</time> '
                f'<span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">'
                f'{who}</span></span></div><div class="comment-list">{comments}</div></div>')

    def comment(cid, who, words):
        return (f'<div class="comment-item" commentid="{cid}"><div><div><a class="comment-author" '
                f'href="/members/{cid}">{who}</a> <span>26-Apr-24 5:16am</span></div></div>'
                f'<div class="comment-content">{words}</div></div>')
    r = read('<div itemscope itemtype="http://schema.org/QAPage"><div itemprop="mainEntity" itemscope '
             'itemtype="http://schema.org/Question"><h1 itemprop="name">How do I count spots?</h1>'
             '<div itemprop="text">Details of the question.</div>'
             + answer(1, "Ada Example", "Threshold the image, then label regions.",
                      comment(71, "bo_ex", "Some shapes are oval, does it still work?")
                      + comment(72, "Ada Example", "Yes, the labels do not care about shape."))
             + answer(2, "Cy Example", "Use particle analysis.", prop="acceptedAnswer") + '</div></div>')
    assert shape(r) == [("Threshold the image, then label regions.", 0, None, "Ada Example"),
                        ("Some shapes are oval, does it still work?", 1,
                         "Threshold the image, then label regions.", "bo_ex"),
                        ("Yes, the labels do not care about shape.", 1,
                         "Threshold the image, then label regions.", "Ada Example"),
                        ("Use particle analysis.", 0, None, "Cy Example")]


def test_shreddit_comment_components_parent_ids_and_an_image_only_comment():
    def comment(tid, who, depth, body, parent=None, children=""):
        return (f'<shreddit-comment author="{who}" thingid="t1_{tid}" depth="{depth}"'
                + (f' parentid="t1_{parent}" slot="children"' if parent else "")
                + f' score="12" postid="abc123"><div slot="commentAvatar"><a href="/user/{who}/">'
                f'<faceplate-img alt="u/{who} avatar"></faceplate-img></a></div><div slot="commentMeta">'
                f'<a class="truncate font-bold" href="/user/{who}/">{who}</a><span>&bull;</span>'
                f'<faceplate-timeago ts="2024-05-12T12:12:32Z"><time datetime="2024-05-12T12:12:32.750Z">12d ago'
                f'</time></faceplate-timeago></div><div class="md text-14" slot="comment">{body}</div>'
                f'<shreddit-comment-action-row slot="actionRow"><button>Reply</button><span>225 more replies'
                f'</span></shreddit-comment-action-row>{children}</shreddit-comment>')
    r = read('<shreddit-post comment-count="5"></shreddit-post><shreddit-comment-tree>'
             + comment("aaa111", "ada_ex", 0, "<p>The flags were gone by morning.</p>",
                       children=comment("bbb222", "bo_ex", 1, "<p>Genius move.</p>", parent="aaa111"))
             + comment("ccc333", "cy_ex", 0, '<figure class="rte-media"><a href="https://example.org/i.jpg">'
                       '<faceplate-img src="https://example.org/i.jpg" alt="Comment Image"></faceplate-img>'
                       '</a></figure>')
             + '</shreddit-comment-tree>')
    assert shape(r) == [("The flags were gone by morning.", 0, None, "ada_ex"),
                        ("Genius move.", 1, "The flags were gone by morning.", "bo_ex"),
                        ("[image]", 0, None, "cy_ex")]


def test_baidu_tieba_floors_and_floor_in_floor_replies():
    import json as _json

    def floor(no, pid, who, words, lzl=""):
        field = _json.dumps({"author": {"user_name": who}, "content": {"post_id": pid, "post_no": no}})
        first = " d_post_content_firstfloor" if no == 1 else ""
        return (f"<div class=\"l_post l_post_bright j_l_post clearfix\" data-field='{field}'>"
                f'<div class="d_author"><ul class="p_author"><li class="d_name"><a class="p_author_name j_user_card" '
                f'href="/home/main?id=x">{who}</a></li><li class="l_badge"><div class="d_badge_lv">2</div></li></ul></div>'
                f'<div class="d_post_content_main{first}"><div class="p_content"><cc><div id="post_content_{pid}" '
                f'class="d_post_content j_d_post_content">{words}</div></cc></div><div class="core_reply j_lzl_wrapper">'
                f'<div class="post-tail-wrap"><span class="tail-info">{no}楼</span><span class="tail-info">'
                f'2022-11-26 15:19</span></div><div class="j_lzl_container core_reply_wrapper"><ul class="j_lzl_m_w">'
                f'{lzl}</ul></div></div></div></div>')
    lzl = ("<li class=\"lzl_single_post j_lzl_s_p first_no_border\" data-field=\"{'pid':'502','spid':'901',"
           "'showname':'cy_ex'}\"><div class=\"lzl_cnt\"><a class=\"at j_user_card\" username=\"cy_ex\">cy_ex</a>:"
           "<span class=\"lzl_content_main\">同意这个看法</span><div class=\"lzl_content_reply\">"
           "<span class=\"lzl_time\">2023-3-8 13:30</span><a class=\"lzl_s_r\">回复</a></div></div></li>")
    r = read('<div id="j_p_postlist" class="p_postlist">' + floor(1, 501, "ada_ex", "楼主的问题")
             + floor(2, 502, "bo_ex", "我就很随缘", lzl) + floor(3, 503, "dee_ex", "顺其自然吧") + '</div>',
             lang="zh")
    assert shape(r) == [("我就很随缘", 0, None, "bo_ex"), ("同意这个看法", 1, "我就很随缘", "cy_ex"),
                        ("顺其自然吧", 0, None, "dee_ex")]


def test_tencent_qqcom_comments_and_sub_comments_without_region_labels():
    def item(who, words, likes, subs=""):
        sub = f'<div class="qqcom-sub-comment">{subs}</div>' if subs else ""
        return (f'<div class="qqcom-comment-item"><div class="qnc-comment qnc-comment--default">'
                f'<div class="qnc-comment__avatar-container"><img class="qnc-comment__avatar-img" src="a.png"></div>'
                f'<div class="qnc-comment__right-container"><div class="qnc-comment__content-top-container">'
                f'<div class="qqcom-nick-reply"><span class="qqcom-comment-user-nick main-user" title="{who}">{who}'
                f'</span></div><div class="qnc-comment__like-btn"><div class="qnc-comment__like-count">{likes}</div>'
                f'</div></div><div class="qnc-comment__content-container"><div class="index_module_wrapper__ab12cd34 '
                f'qnc-comment__content"><span>{words}</span></div></div><div class="qnc-comment__content-bottom-container">'
                f'<div class="qnc-comment__time-location"><div class="qnc-comment__time-location-text">北京网友</div>'
                f'5月19日</div><span class="qqcom-comment-reply-btn">回复</span></div></div></div>{sub}</div>')
    r = read('<div class="qqcom-comment-list">' + item("用户甲", "这个做法我支持。", 4,
                                                       item("用户乙", "我也觉得是。", 1))
             + item("用户丙", "还要再看看后续。", 0) + '</div>', lang="zh")
    assert shape(r) == [("这个做法我支持。", 0, None, "用户甲"), ("我也觉得是。", 1, "这个做法我支持。", "用户乙"),
                        ("还要再看看后续。", 0, None, "用户丙")]


def test_careercup_threads_child_comments_answer_the_thread_head():
    def pair(cid, block, who, words):
        return (f'<div id="collapsedComment{cid}" class="collapsedComment">{words[:10]}</div>'
                f'<div id="uncollapsedComment{cid}" class="uncollapsedComment"><a name="{cid}"></a>'
                f'<div class="{block}"><div id="votes{cid}" class="votesWrapper"><div class="votesNet">2</div></div>'
                f'<div class="commentMain"><div class="commentBody"><p>{words}</p><span class="author">- '
                f'<a href="/user?id=1">{who}</a> <abbr title="2010-01-01">on January 1, 2010</abbr> | '
                f'<a href="#">Flag</a> <a href="#">Reply</a></span></div></div></div></div>')
    r = read('<div id="commentThread1">'
             + f'<div id="commentThread10">{pair(10, "comment", "ada_ex", "Sort both friend lists first.")}'
             + pair(11, "childComment", "bo_ex", "Was this asked on a phone screen?") + '</div>'
             + f'<div id="commentThread12">{pair(12, "comment", "cy_ex", "Run a breadth first search.")}</div>'
             + '</div>')
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        ("Sort both friend lists first.", 0, None),
        ("Was this asked on a phone screen?", 1, "Sort both friend lists first."),
        ("Run a breadth first search.", 0, None)]


def test_drupal6_submitted_by_line_gives_the_author_and_the_subject_link_is_not_text():
    def comment(cid, subject, who, words):
        return (f'<a id="comment-{cid}"></a><div class="comment comment-published"><h3 class="title">'
                f'<a href="/article/5-a-post#comment-{cid}" class="active">{subject}</a></h3>'
                f'<div class="submitted">Submitted by {who} on Wed, 10/17/2018 - 12:17.</div>'
                f'<div class="content"><p>{words}</p></div><div class="links"><ul class="links">'
                f'<li class="comment_forbidden first last"><span><a href="/user/login">Login</a> or '
                f'<a href="/user/register">register</a> to post comments</span></li></ul></div></div>')
    r = read('<div id="comments">' + comment(11, "Good point", "ada_ex", "I agree with the main argument here.")
             + '<div class="indented">' + comment(12, "Re: Good point", "bo_ex", "Not everyone will agree.")
             + '</div>' + comment(13, "Another view", "cy_ex", "Consider the other side too.") + '</div>')
    assert shape(r) == [("I agree with the main argument here.", 0, None, "ada_ex"),
                        ("Not everyone will agree.", 1, "I agree with the main argument here.", "bo_ex"),
                        ("Consider the other side too.", 0, None, "cy_ex")]


def test_an_author_name_printed_with_escaped_markup_is_the_name_inside():
    items = "".join(
        f'<article class="comment js-comment" data-comment-id="{i}"><footer class="comment__meta">'
        f'<span class="comment-author">&lt;span&gt;{who}&lt;/span&gt;</span> <span class="comment-time">'
        f'Wed, 12/03/2025 - 02:42</span></footer><div class="comment-body"><p>{words}</p></div></article>'
        for i, who, words in ((1, "Ada Example", "Lovely guide, thank you."), (2, "Bo Example", "Which seeds first?")))
    r = read(f'<section class="comments">{items}</section>')
    assert [c.identity.name if c.identity else None for c in r.comments] == ["Ada Example", "Bo Example"]


def test_forumengine_replies_and_their_nested_replies():
    def reply(pid, who, words, children=""):
        return (f'<div class="items-thread reply-item clearfix" id="post_{pid}" data-id="{pid}">'
                f'<ul class="control-thread"><li><a href="#" class="control-quote" title="Quote">"</a></li></ul>'
                f'<div class="f-floatleft single-avatar"><a href="https://example.org/member/{who}/">'
                f'<img class="avatar" alt=""></a></div><div class="f-floatright"><div class="post-display">'
                f'<div class="name"><a class="post-author" href="https://example.org/member/{who}/">{who}</a>'
                f'<span class="comment"><a href="#replies_{pid}" class="show-replies"><span class="count">0</span>'
                f'</a></span><span class="like"><a href="#" class="like-post"><span class="count">3</span></a></span>'
                f'<span class="date">on January 7, 2016</span></div><div itemprop="itemListElement" class="content">'
                f'<p>{words}</p></div></div><div class="reply-children" id="replies_{pid}">{children}</div></div></div>')
    r = read('<div class="items-thread item-thread"><div class="content"><p>The thread question.</p></div></div>'
             '<div id="replies">' + reply(7, "ada_ex", "Try the settings page.",
                                         reply(8, "bo_ex", "Worked, thanks."))
             + reply(9, "cy_ex", "Another idea.") + '</div>')
    assert shape(r) == [("Try the settings page.", 0, None, "ada_ex"),
                        ("Worked, thanks.", 1, "Try the settings page.", "bo_ex"),
                        ("Another idea.", 0, None, "cy_ex")]


def test_a_comment_saying_like_this_is_words_not_a_like_button():
    items = "".join(f'<li id="comment-{i}" class="comment depth-1"><div class="comment-body"><cite class="fn">'
                    f'R{i}</cite><div class="comment-content"><p>{t}</p></div><div class="comment-likes">{n}</div>'
                    f'</div></li>' for i, t, n in ((1, "Like this.", "Likes 3"), (2, "A longer comment here.", "Like")))
    r = read(f'<ol class="commentlist">{items}</ol>')
    assert [c.text for c in r.comments] == ["Like this.", "A longer comment here."]


def test_chinese_view_all_and_load_more_buttons_say_comments_are_not_loaded():
    from therapy_threads.readers.comments.pagination import unloaded_comments
    from therapy_threads.readers.html_text import parse_html
    tree = parse_html('<div class="qqcom-comment-loadmore">查看全部66条评论</div><button class="more">'
                      '<span>展开3条回复</span></button><a href="#">加载更多评论</a><a href="#">查看更多</a>'
                      '<div class="x"><button>查看全部 139 条评论</button></div>')
    # four buttons; only "展开3条回复" states how many more ("view all 66" is a total).
    assert unloaded_comments(tree.root) == (4, 3)


def _phpbb2(pid: int, name: str, text: str, quote: str = "", nuke: bool = False) -> str:
    """A post row as phpBB 2's subSilver ``viewtopic_body.tpl`` prints it (``nuke=True``: the
    PNphpBB2 variant with ``td.postdetails`` and ``td.postbody``); a quote is its "Quote:" table."""
    q = (f'<table width="90%"><tr><td><span class="genmed"><b>Quote:</b></span></td></tr>'
         f'<tr><td class="quote">{quote}</td></tr></table>') if quote else ""
    posted = f"Posted: Mon Mar 0{pid % 10}, 2026 9:1{pid % 10} pm"
    head = (f'<td width="100%" class="postdetails">{posted}</td>' if nuke else
            f'<td width="100%"><span class="postdetails">{posted}<span class="gen">&nbsp;</span>'
            f'&nbsp; Post subject: Re: A topic</span></td>')
    body = (f'<td valign="top" class="postbody">{q}<br />{text}<br /></td>' if nuke else
            f'<td colspan="2"><span class="postbody">{q}{text}<br />_________________<br />'
            f'<img src="https://example.org/sig.png" /></span></td>')
    return (f'<tr><td width="150" valign="top" class="row1"><span class="name"><a name="{pid}"></a>'
            f'<b>{name}</b></span><br /><span class="postdetails">Member<br />Joined: Jan 01, 2026'
            f'<br />Posts: 12</span></td><td class="row1" valign="top"><table width="100%"><tr>{head}'
            f'<td nowrap="nowrap"><a href="posting.php?mode=quote&p={pid}">Reply with quote</a></td></tr>'
            f'<tr>{body}</tr></table></td></tr><tr><td class="spaceRow" colspan="2"></td></tr>')


def test_phpbb2_rows_first_post_quotes_and_both_variants():
    for nuke in (False, True):
        rows = (_phpbb2(11, "Topic Starter", "The opening post of the topic, at some length.", nuke=nuke)
                + _phpbb2(12, "Ada Example", "A first reply to the topic.", nuke=nuke)
                + _phpbb2(13, "Bea Sample", "I agree with that.", quote="A first reply to the topic.", nuke=nuke))
        r = read(f'<table class="forumline" width="100%">{rows}</table>')
        assert shape(r) == [("A first reply to the topic.", 0, None, "Ada Example"),
                            ("I agree with that.", 0, None, "Bea Sample")], nuke
        assert r.posts[0].comment_system == "phpbb"
        assert guess_systems(f"<table>{rows}</table>")[0][0] == "phpbb"


def test_vbulletin3_archive_posts_without_ids():
    def post(name: str, text: str) -> str:
        return (f'<div class="post"><div class="posttop"><div class="username">{name}</div>'
                f'<div class="date">03-0{len(name) % 9}-2026, 09:15 PM</div></div>'
                f'<div class="posttext">{text}</div></div><hr />')
    page = (f'<div id="content"><div class="pagebody">{post("Topic Starter", "The opening post, at some length.")}'
            f'{post("Ada Example", "A first reply.")}{post("Bea Sample", "A second reply.")}</div></div>')
    r = read(page, url="https://forum.example.org/archive/index.php/t-42.html")
    assert shape(r) == [("A first reply.", 0, None, "Ada Example"), ("A second reply.", 0, None, "Bea Sample")]
    assert r.posts[0].comment_system == "vbulletin"
    # A later archive page holds only replies.
    r2 = read(page, url="https://forum.example.org/archive/index.php/t-42-p-2.html")
    assert len(r2.comments) == 3
    assert guess_systems(page) == [("vbulletin", 3)]


def test_slashdot_d2_uid_inside_link_and_threshold_line_under_hidden_shell():
    # D2 prints the uid inside the member's link ("NAME (uid)") and, under a comment whose replies
    # are below the threshold, an ``li#hidestring_{CID}`` "1 reply beneath your current threshold."
    shown = _sd(21, "ada_example", "A shown comment.").replace(
        'ada_example</a> <span class="uid"><a href="//s.example.org/~ada_example">( 1234 )</a></span>',
        'ada_example <span class="uid">(1234)</span></a>')
    more = ('<li id="hidestring_22"><noscript><b class="more"><span class="ind"></span>'
            '<a href="//s.example.org/c?pid=22">1 reply</a> beneath your current threshold.</b></noscript></li>')
    hidden = _sd(22, "", "", kind="hidden").replace("</li>", f"</li>{more}", 1)
    r = read(f'<div id="comments"><ul id="commentlisting" class="d2">{shown}{hidden}</ul></div>')
    assert shape(r) == [("A shown comment.", 0, None, "ada_example"), ("[hidden]", 0, None, None)]


def test_blogger_classic_template_comment_data_line_not_text():
    # Classic templates' <BlogItemComments>: li#c{ID} > div.comment-body + p.comment-data
    # "By AUTHOR, at <permalink>TIME</permalink>" and the delete icon's link.
    def li(cid: int, author: str, text: str) -> str:
        return (f'<li id="c{cid}"><a name="c{cid}"></a><div class="comment-body"><p>{text}</p></div>'
                f'<p class="comment-data">By {author}, at <a href="#c{cid}" title="comment permalink">2:3{cid % 10} PM</a>'
                f' <span class="item-control admin-1"><a href="https://www.blogger.example.org/delete-comment.g?postID={cid}" '
                f'title="Delete Comment"><span class="delete-comment-icon">&nbsp;</span></a></span></p></li>')
    body = ('<div id="comments"><h4>2 Comments:</h4><ul>'
            + li(1099342393048237, "Anonymous", "@Someone please read the post again.")
            + li(1099342393048238, '<a href="https://www.blogger.example.org/profile/1">Ada Example</a>', "Thanks for the numbers.")
            + '</ul></div>')
    r = read(body)
    assert shape(r) == [("@Someone please read the post again.", 0, None, "Anonymous"),
                        ("Thanks for the numbers.", 0, None, "Ada Example")]
    assert r.posts[0].comment_system == "blogger"


def test_typepad_footer_byline_with_linked_author():
    # TypePad's comment list: div.comment > div.comment-content + p.comment-footer
    # "Posted by: <a>NAME</a> | <a>DATE</a>" (Movable Type's "Posted by: NAME | DATE").
    def c(cid: str, name: str, text: str, day: int) -> str:
        return (f'<a id="c{cid}"></a><div class="comment comment-odd" id="comment-{cid}">'
                f'<div class="comment-content" id="comment-{cid}-content"><span><p>{text}</p></span></div>'
                f'<p class="comment-footer">Posted by: <a rel="nofollow" href="https://{name.split()[0].lower()}.example.org">{name}</a> | '
                f'<a rel="nofollow" href="https://blog.example.org/p.html?cid={cid}#comment-{cid}">March {day}, 2026 at 05:15 AM</a></p></div>')
    body = ('<div class="comments" id="comments"><div class="comments-content" id="comments-content">'
            + c("6a00aa01", "Ada Example", "A first comment on the post.", 3)
            + c("6a00aa02", "Bea Sample", "A second comment, a day later.", 4) + '</div></div>')
    r = read(body)
    assert shape(r) == [("A first comment on the post.", 0, None, "Ada Example"),
                        ("A second comment, a day later.", 0, None, "Bea Sample")]


def test_typepad_classic_sibling_ranges_and_trackbacks_left_out():
    # TypePad's classic "comments" module: <a id="c{ID}"></a>, the body's paragraphs, then
    # p.posted "Posted by: NAME | DATE"; trackbacks above use a#p{ID} and "Tracked on DATE".
    body = ('<h2><a id="trackback"></a>TrackBack</h2><p><a id="p401"></a>&raquo; <a href="https://other.example.org/x">A post</a>'
            ' from Another Blog<br />An excerpt of the linking post.</p><p class="posted">Tracked on Mar 3, 2026 3:09:50 PM</p>'
            '<h2><a id="comments"></a>Comments</h2>'
            '<a id="c5001"></a><p>First paragraph of the first comment.</p><p>Its second paragraph.</p>'
            '<p class="posted">Posted by: <a href="https://ada.example.org">Ada Example</a> | Mar 4, 2026 1:11:01 PM</p>'
            '<a id="c5002"></a><p>A second comment.</p>'
            '<p class="posted">Posted by: Bea Sample | Mar 5, 2026 2:22:02 PM</p>'
            '<h2>Post a comment</h2><form action="https://blog.example.org/c"><textarea></textarea></form>')
    r = read(body)
    assert shape(r) == [("First paragraph of the first comment.\n\nIts second paragraph.", 0, None, "Ada Example"),
                        ("A second comment.", 0, None, "Bea Sample")]
    assert r.posts[0].comment_system == "typepad"
    assert [c.published_local for c in r.comments] == ["2026-03-04T13:11:01", "2026-03-05T14:22:02"]


def test_disqus_plugin_copy_author_element_beside_a_printed_address():
    # The Disqus WordPress plugin's server-side comments.php: the author is #dsq-author-user-{ID}
    # inside cite#dsq-cite-{ID}; some copies print the commenter's site address as text beside it.
    def li(cid: int, cite: str, text: str) -> str:
        return (f'<li id="dsq-comment-{cid}"><div id="dsq-comment-header-{cid}" class="dsq-comment-header">'
                f'<cite id="dsq-cite-{cid}">{cite}</cite></div><div id="dsq-comment-body-{cid}" class="dsq-comment-body">'
                f'<div id="dsq-comment-message-{cid}" class="dsq-comment-message"><p>{text}</p></div></div></li>')
    body = ('<div id="disqus_thread"><ul id="dsq-comments">'
            + li(31, 'https://ada.example.org/ <span id="dsq-author-user-31">Ada Example</span>', "A first comment.")
            + li(32, '<a id="dsq-author-user-32" href="https://bea.example.org" rel="nofollow">Bea Sample</a>', "A second one.")
            + '</ul></div>')
    r = read(body)
    assert shape(r) == [("A first comment.", 0, None, "Ada Example"), ("A second one.", 0, None, "Bea Sample")]


def test_movable_type_commentbody_with_body_div_and_posted_at_line():
    # A Movable Type theme: div.commentbody > a[name=c{ID}] + div#c{ID} (the body) + p.posted
    # "Posted by: NAME at <a>DATE</a>".
    def c(cid: int, name: str, text: str) -> str:
        return (f'<div class="commentbody by-{name.split()[0].lower()}"><a name="c{cid}"></a><div id="c{cid}"><p>{text}</p></div>'
                f'<p class="posted">Posted by: {name} at <a href="https://blog.example.org/a.html#c{cid}">March 13, 2026  6:3{cid % 10} AM</a></p>'
                f'<hr class="comment-separator"></div>')
    r = read('<h3>Comments</h3>' + c(701, "Ada Example", "Recommended, a good course.") + c(702, "Bea Sample", "Also recommended."))
    assert shape(r) == [("Recommended, a good course.", 0, None, "Ada Example"), ("Also recommended.", 0, None, "Bea Sample")]
    assert r.posts[0].comment_system == "typepad"


def _news_item(cid: int, name: str, text: str, indent: int = 0) -> str:
    """A news site's own 2010 comment list: ``div.comment_item#comment_N`` and its replies in the
    ``div.comment_children#comment_children_N`` that follows it."""
    return (f'<div id="comment_{cid}" class="comment_item " style="margin-left: {indent}px;">'
            f'<div class="comment_top"><div class="comment_top_inner"><div class="author_name ">'
            f'<a class="bold" href="/social/x">{name}</a>&nbsp;<span class="comment_time">03:24 AM on '
            f'9/19/2010</span></div><div class="author_fans"><a class="author_fans_count">0 Fans</a>'
            f'</div></div></div><div class="comment_body">{text}</div><div class="comment_bottom">'
            f'<div class="comment_links_section"><a class="comment_permalink" href="/p/{cid}">Permalink'
            f'</a></div></div></div>')


def test_news_comment_items_with_a_following_children_block_and_a_numbered_list_box():
    body = ('<div class="facebookvote_reaction">What is your reaction?</div>'
            '<div class="facebookvote_reaction">What is your reaction?</div>'
            '<div class="comments" id="comments_4711"><div class="comments_header">Comments 3</div>'
            '<div id="comments_inner_4711">'
            + _news_item(901, "ada_example", "First words here.")
            + '<div id="comment_children_901" class="comment_children ">'
            + _news_item(902, "bea_sample", "A reply to them.", 50)
            + '<div id="comment_children_902" class="comment_children "></div></div>'
            + _news_item(903, "cy_person", "Another opinion.")
            + '<div id="comment_children_903" class="comment_children "></div></div></div>')
    r = read(body)
    assert shape(r) == [("First words here.", 0, None, "ada_example"),
                        ("A reply to them.", 1, "First words here.", "bea_sample"),
                        ("Another opinion.", 0, None, "cy_person")]


def _cn_item(cid: int, name: str, text: str, quoted: str = "") -> str:
    """A Chinese news site's own list: ``li.comment-item[data-id]``; a reply prints the comment it
    answers first (``div.comment-box`` with ``span.quote``), then its own ``div.comment-txt``."""
    return (f'<li data-id="{cid}" class="comment-item cmt-item"><div class="user-box">'
            f'<a class="user-nick" href="/u/{cid}">{name}</a></div>{quoted}'
            f'<div class="comment-txt">{text}</div><div class="list-footer"><span class="time">3小时前'
            f'</span><div class="operations"><div class="shared-comment"><a>分享</a><div class="shared-items">'
            f'<a>微博</a></div></div><a class="comment" data-id="{cid}">回复</a></div></div></li>')


def _cn_quote(cid: int, name: str, text: str) -> str:
    return (f'<div data-id="{cid}" class="comment-box cmt-item"><span class="quote"><a href="/u/q">'
            f'{name}</a></span><div class="comment-txt">{text}</div><div class="list-footer">'
            f'<span class="time">5小时前</span></div></div>')


def test_quoted_comment_before_the_words_is_no_reply_and_a_repeated_list_is_read_once():
    hot = _cn_item(7001, "甲_example", "第一条评论的文字。") + _cn_item(7002, "乙_sample", "第二条评论。")
    members = _cn_item(7001, "甲_example", "第一条评论的文字。")
    everything = (_cn_item(7003, "丙_person", "我的回复文字。", _cn_quote(7001, "甲_example", "第一条评论的文字。"))
                  + _cn_item(7004, "丁_example", "另一条。"))
    r = read(f'<div class="gc-comment"><ul class="list-body">{hot}</ul><ul class="list-body">{members}'
             f'</ul><ul class="list-body">{everything}</ul></div>', lang="zh")
    assert shape(r) == [("第一条评论的文字。", 0, None, "甲_example"), ("第二条评论。", 0, None, "乙_sample"),
                        ("我的回复文字。", 0, None, "丙_person"), ("另一条。", 0, None, "丁_example")]


def test_css_module_class_names_count_as_their_local_names():
    def item(name: str, text: str, quote: str = "") -> str:
        q = f'<blockquote class="quote">{quote}</blockquote>' if quote else ""
        return (f'<div class="comment--2g6iCC-R"><div class="contentRow--SgKuAPKd"><div class="body--1atSUTC3">'
                f'<div class="username--2Y8YKhbw"><a href="/posts/1" rel="nofollow">{name}</a></div>'
                f'<div class="textRow--3IWlPgCD"><div class="date--1IyXK9_e">3 months ago</div></div>'
                f'<div class="content--2GFZCWhT">{q}{text}</div><div class="textRow--3IWlPgCD">'
                f'<strong>Score:</strong> 8 Votes (<a href="/r">Like</a> | <a href="/d">Disagree</a>)'
                f'</div></div></div></div>')
    r = read('<div id="comments"><div><h2 class="heading--1cooZo6n">Top Rated Comments</h2></div>'
             + item("ada_example", "Boring lately.") + item("bea_sample", "What else is boring?",
                                                          quote="Boring lately.") + "</div>")
    assert shape(r) == [("Boring lately.", 0, None, "ada_example"),
                        ("What else is boring?", 0, None, "bea_sample")]


def test_wordpress_theme_insert_without_id_or_depth_is_not_a_comment():
    def li(cid: int, depth: int, name: str, text: str, inner: str = "") -> str:
        return (f'<li id="comment-{cid}" class="comment even depth-{depth}"><div class="comment-body" '
                f'id="div-comment-{cid}"><div class="comment-author vcard"><time datetime="2016-11-01T18:28:46'
                f'+00:00">November 1, 2016 at 6:28 pm</time> <cite class="fn">{name}</cite></div>'
                f'<div class="comment-content"><p>{text}</p></div></div>{inner}</li>')
    promo = ('<li class="comment site-first-comment"><div class="comment-author vcard"><time>June 21, 2018'
             '</time> <cite class="fn"><a href="https://example.org/">Site Owner</a></cite>'
             '<a href="https://example.org/2009/06/an-older-post/#comment-1"> </a></div>'
             '<div class="comment-content"><p>Join my paid course today!</p></div></li>')
    r = read('<div id="comments"><h5>Comments (3)</h5><ol class="comment-list">' + promo
             + li(11, 1, "ada_example", "Good article.",
                  '<ol class="children">' + li(12, 2, "Site Owner", "Thanks!") + "</ol>")
             + li(13, 1, "bea_sample", "Very useful.") + "</ol></div>",
             url="https://example.org/2018/keep-it/")
    assert shape(r) == [("Good article.", 0, None, "ada_example"),
                        ("Thanks!", 1, "Good article.", "Site Owner"),
                        ("Very useful.", 0, None, "bea_sample")]


def test_last_comments_widget_and_section_boxes_are_not_the_posts_comments():
    own = '<ol class="commentlist">' + "".join(
        f'<li class="comment depth-1" id="comment-{n}"><div class="comment-author vcard"><cite class="fn">'
        f'{who}</cite> <span class="says">says:</span></div><div class="comment-meta commentmetadata">'
        f'<a href="#comment-{n}">August 16th, 2010 at 1:05 pm</a></div><p>{text}</p></li>'
        for n, who, text in ((1, "ada_example", "Our own first comment."),
                             (2, "bea_sample", "Our own second comment."))) + "</ol>"
    widget = ('<div id="fbAllComments" class="fbconnect_LastComments"><ol>' + "".join(
        f'<li class="fbalt" id="comment-{n}"><b><a href="https://example.org/other-{n}/" rel="bookmark">'
        f'Another post {n}</a></b><br/><cite>By cy_person</cite><br/><small class="commentmetadata">'
        f'21/04/2011 6:12 PM</small><p>Words on another post {n}.</p></li>' for n in (7, 8)) + "</ol></div>")
    boxes = "".join(f'<div class="section box sect_comment"><div class="secthead"><h2>Partner {n}</h2></div>'
                    f'<a class="sectbody objlink" href="https://example.org/p{n}"><p>An advert for a partner '
                    f'paper number {n}.</p></a></div>' for n in (1, 2))
    r = read(own + widget + boxes, url="https://example.org/this-post/")
    assert [c[0] for c in shape(r)] == ["Our own first comment.", "Our own second comment."]

def test_semantic_ui_comment_view_threaded_with_tooltip_dates_and_a_user_card():
    # Semantic UI's documented comment view (ui comments > comment > content > author, metadata,
    # text, actions; replies in a nested div.comments), a site's tooltip dates and compact
    # sub-comment rows; a user card drawn with the same view (no date, no reply) is no comment.
    card = ('<div class="ui comments pt-2"><div class="comment"><a class="avatar"><img src="a.png"></a>'
            '<div class="content"><div class="meta"><a class="author" href="/users/9">Ada Example</a>'
            '<div class="metadata"><a href="/users/9/rep">762 points</a></div></div>'
            '<div class="text">A tagline of the writer</div></div></div></div>')
    thread = """<div class="ui threaded comments comment-list"><div class="comments-feed">
<div class="comment"><div id="reply101"></div><a class="avatar"><img src="b.png"></a>
<div class="content"><div class="comment-header"><a class="author" href="/users/5">Bo Example</a>
<div class="metadata"><a class="ui label">Moderator</a></div></div>
<div class="text comment-body"><p>A first comment with words.</p></div>
<div class="comment-meta-mute" title="2024-05-13 22:13:05">1周前 <a href="#">评论</a></div>
<div class="comments"><div class="inner-comment-lists">
<div class="lh-2" id="reply102"><a href="/users/7"><img src="c.png"></a><a class="fw-bold" href="/users/7">Cy Example</a>
<span class="text-mute">(OP)</span><span class="ui popover" title="2024-05-14 17:24:27">1周前</span>
<div class="reply-comments-content">A sub-comment answering it.</div></div></div></div></div></div>
<div class="comment"><a class="avatar"><img src="d.png"></a><div class="content">
<a class="author">Dee Example</a><div class="metadata"><span class="date">Today at 5:42PM</span></div>
<div class="text">How artistic!</div><div class="actions"><a class="reply">Reply</a></div>
<div class="comments"><div class="comment"><a class="avatar"><img src="e.png"></a><div class="content">
<a class="author">Ed Example</a><div class="metadata"><span class="date">Just now</span></div>
<div class="text">Agreed with that.</div><div class="actions"><a class="reply">Reply</a></div></div></div></div>
</div></div></div></div>"""
    r = read(card + thread)
    assert shape(r) == [("A first comment with words.", 0, None, "Bo Example"),
                        ("A sub-comment answering it.", 1, "A first comment with words.", "Cy Example"),
                        ("How artistic!", 0, None, "Dee Example"),
                        ("Agreed with that.", 1, "How artistic!", "Ed Example")]
    assert [c.published_local for c in r.comments[:2]] == ["2024-05-13T22:13:05", "2024-05-14T17:24:27"]
    assert [(c.published_local, c.published_age) for c in r.comments[2:]] == [
        (None, "Today at 5:42PM"), (None, "Just now")]
    assert r.posts[0].comment_system == "semantic_ui"


def test_a_reply_to_a_left_out_pingback_hangs_where_the_ping_hung():
    r = read("""<div id="comments"><div class="comment depth-1" id="comment-1"><div class="comment-body">
<p>A first comment.</p><p class="comment-meta">by <a class="url">Ada Example</a> on November 19, 2010 at 3:20 pm.</p></div></div>
<div class="comment depth-1" id="comment-2"><div class="comment-body"><p>[...] an excerpt of the other blog's post [...]</p>
<p class="comment-meta">by <a class="url" rel="external">Another Blog &raquo; A Title</a> on November 20, 2010 at 3:20 pm.</p></div>
<div class="comment depth-2" id="comment-3"><div class="comment-body"><p>An answer printed under the ping.</p>
<p class="comment-meta">by <a class="url">Bo Example</a> on February 6, 2012 at 2:36 am.</p></div></div></div></div>""")
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [("A first comment.", 0, None),
                                                      ("An answer printed under the ping.", 0, None)]


def test_a_sentence_that_mentions_a_date_is_a_comment_s_words_not_a_date_line():
    from therapy_threads.readers.comments.cleanup import clean_comment_text, is_date_line

    text = "I only found this post today (12-19-2011).\nThe rest of what I wrote."
    assert clean_comment_text(text, "Ada Example", languages=("en",)) == text
    assert is_date_line("Posted on Monday, December 19, 2011 at 8:08 pm.", ("en",))
    assert is_date_line("19. Dezember 2011.", ("de",))
    # A short question about a date is the commenter's words too.
    question = "Salut,\nJusqu'au 20/02/2010 ? Ce serait pas 2012 ?"
    assert clean_comment_text(question, "Ada Example", languages=("fr",)) == question
    assert not is_date_line("Until 20/02/2010? Not 2012?", ("en",))


def test_relative_ages_in_cjk_with_a_verb_or_a_day_word_are_ages():
    from therapy_threads.readers.comments.cleanup import is_relative_time

    for s in ("1周前", "2月前", "1年前", "3 天前", "2時間前", "5분 전", "answered 6 years ago",
              "replied 4 years ago", "Today at 5:42PM", "Yesterday at 12:30AM", "gestern um 18:04 Uhr"):
        assert is_relative_time(s), s
    for s in ("Today", "Thanks a lot", "12 March 2020", "我在1年前写过"):
        assert not is_relative_time(s), s


def test_author_lines_with_the_date_before_or_after_the_name():
    from therapy_threads.readers.comments.cleanup import clean_author

    # Drupal 6's .submitted byline, in core's wording and a theme's "DATE — NAME", with
    # theme_username's "(not verified)" for a name an anonymous commenter typed.
    assert clean_author("Fri, 2012-11-09 15:30 — Ada Example (not verified)", ("en",)) == "Ada Example"
    assert clean_author("Submitted by Ada Example (not verified) on Fri, 11/09/2012 - 15:30", ("en",)) == "Ada Example"
    # "by NAME on Month D, YYYY": the date starts at its month, not inside the name.
    assert clean_author("by Ada Example on April 16, 2012 at 8:18 am.", ("en",)) == "Ada Example"
    assert clean_author("Ada Example 12.3.2020", ("en",)) == "Ada Example"
    assert clean_author("Ben Mo, 19. Juni 2018 - Antworten", ("de",)) == "Ben"


def test_drupal6_submitted_line_and_an_author_block_with_date_and_reply_parts():
    r = read("""<div id="comments"><a id="comment-11"></a><div class="comment comment-published odd">
<span class="submitted">Fri, 2012-11-09 17:18 — <a href="/writers/ada">Ada Example</a></span>
<div class="content"><p>A first comment here.</p></div></div>
<a id="comment-12"></a><div class="comment comment-published even">
<span class="submitted">Fri, 2012-11-09 17:20 — Bo Example (not verified)</span>
<div class="content"><p>A second comment here.</p></div></div></div>""")
    assert [(c.text, c.identity.name if c.identity else None, c.published_local) for c in r.comments] == [
        ("A first comment here.", "Ada Example", "2012-11-09T17:18"),
        ("A second comment here.", "Bo Example", "2012-11-09T17:20")]
    r = read("""<ol class="commentlist"><li class="comment depth-1" id="li-comment-5"><div class="comment-body" id="comment-5">
<div class="comment-author"><p class="comment-url">Cy Example</p><p class="comment-date"><a href="#comment-5">10.29.2012</a></p>
<p class="comment-reply"><a class="comment-reply-login" href="/login">Log in to Reply</a></p></div>
<div class="comment-text"><p>Words of the comment.</p></div></div></li></ol>""")
    assert [(c.text, c.identity.name if c.identity else None) for c in r.comments] == [
        ("Words of the comment.", "Cy Example")]


def test_commenter_names_in_bem_parts_dt_headers_and_list_items():
    bem = "".join(
        f'<div class="comment" id="comment_{n}" data-id="{n}"><div class="comment__body">'
        f'<div class="comment__header"><div class="comment__user" data-name="{who}"><a class="user" '
        f'href="/@{who}"><span class="avatar"></span></a><a href="/@{who}"><span class="user__nick">{who}'
        f'</span></a></div><time class="comment__datetime" datetime="2019-06-14T00:24:58+03:00">4 года '
        f'назад</time></div><div class="comment__content"><p>{text}</p></div></div></div>'
        for n, who, text in ((1, "ada_example", "Первый."), (2, "bea_sample", "Второй.")))
    r = read(f'<div class="comments">{bem}</div>', lang="ru")
    assert [(c[0], c[3]) for c in shape(r)] == [("Первый.", "ada_example"), ("Второй.", "bea_sample")]

    dl = "".join(
        f'<li id="comment-0{n}" class="comment comment-01 odd"><dl><dt>{n}. <a>{who}</a> '
        f'<span class="datestamp">09:02 PM 10/28/10</span></dt><dd class="commentBody"><p>{text}</p>'
        f'<span class="commentTools"><span class="commentReply">Reply </span> | <span class="reportAbuse">'
        f'Report Abuse </span> | <a title="Link to this comment" href="#comment-0{n}">Link to this</a>'
        f'</span></dd></dl></li>' for n, who, text in ((1, "cy_person", "A first view."),
                                                       (2, "di_example", "A second view.")))
    r = read(f'<ol id="commentList">{dl}</ol>')
    assert [(c[0], c[3]) for c in shape(r)] == [("A first view.", "cy_person"),
                                                ("A second view.", "di_example")]
    assert [(c.published_local or "")[:10] for c in r.comments] == ["2010-10-28"] * 2

    items = "".join(
        f'<li class="clearfix"><div><a name="{n}"></a></div><div class="group"><div class="commentor-info">'
        f'<div><a href="/profile?id={n}">{who}</a> <div>Party: Independent</div></div></div>'
        f'<div class="comment-meta">Reply #{n}<div>Oct. 9, 2010 - 7:28 AM EST</div></div></div>'
        f'<div class="submitted-comment clearfix"><p>{text}</p></div><ul class="comment-controls">'
        f'<li class="reply"><a href="#threadform">Reply</a></li></ul></li>'
        for n, who, text in ((4606001, "ed_sample", "Taxes again."), (4606002, "fay_example", "A picture.")))
    r = read(f'<div id="comments"><ol id="commentsList">{items}</ol></div>')
    assert [(c[0], c[3]) for c in shape(r)] == [("Taxes again.", "ed_sample"), ("A picture.", "fay_example")]
    # "Reply #4606001" beside the date is a counter, never the day; "EST" is the zone the page
    # names, so the moment is known too.
    assert [(c.published_local, c.published_at) for c in r.comments] == [
        ("2010-10-09T07:28-05:00", "2010-10-09T12:28:00Z")] * 2

def test_image_only_comment_with_a_named_commenter_keeps_its_replies():
    def one(n, who, content, children=""):
        return (f'<div class="comment" id="comment_{n}" data-id="{n}"><div class="comment__body">'
                f'<div class="comment__header"><div class="comment__rating-count hint">0</div>'
                f'<div class="comment__user" data-name="{who}"><a class="user" '
                f'href="/@{who}"><span class="avatar"><img src="a{n}.png" alt="avatar"></span></a>'
                f'<a href="/@{who}"><span class="user__nick">{who}</span></a></div>'
                f'<time class="comment__datetime" datetime="2019-06-14T00:24:58+03:00">4 года назад</time>'
                f'</div><div class="comment__content">{content}</div></div>'
                f'<div class="comment__children">{children}</div></div>')
    leaf = one(3, "cy_example", "<p>Ответ на ответ.</p>")
    mid = one(2, "bo_example", "<p>Ответ на картинку.</p>", leaf)
    pic = one(1, "ada_example", '<figure class="comment-image"><img src="p1.jpg" alt="x.jpg"></figure>', mid)
    r = read(f'<div class="comments">{pic}{one(4, "di_example", "<p>Другой.</p>")}</div>', lang="ru")
    # the picture-only comment stays (marked), so its replies keep their place and depth
    assert [(c.text, c.depth, c.identity.name if c.identity else None) for c in r.comments] == [
        ("[image]", 0, "ada_example"), ("Ответ на картинку.", 1, "bo_example"),
        ("Ответ на ответ.", 2, "cy_example"), ("Другой.", 0, "di_example")]


def test_dates_in_a_typepad_footer_permalink_and_in_a_heading_of_their_own():
    r = read("""<div id="comments-content"><a id="c6a00d83451f23a69e2017744b28bfe970d"></a>
<div class="comment" id="comment-6a00d83451f23a69e2017744b28bfe970d"><div class="comment-content"><p>Words of a comment.</p></div>
<p class="comment-footer">Posted by: <a href="http://example.org">Ada Example</a> |
<a href="/2012/09/post.html?cid=6a00d83451f23a69e2017744b28bfe970d#comment-6a00d83451f23a69e2017744b28bfe970d">September 13, 2012 at 05:15 AM</a></p></div></div>""")
    assert [(c.text, c.published_local) for c in r.comments] == [("Words of a comment.", "2012-09-13T05:15")]
    r = read("""<div id="comments"><div class="comment" id="comment-7"><h3><strong>Bo Example</strong> says:</h3>
<h4>on October 30, 2012 at 11:02 am</h4><div class="inner-comment"><p>So you do not get bored.</p></div></div>
<div class="comment" id="comment-8"><h3><strong>Cy Example</strong> says:</h3>
<h4>on October 30, 2012 at 11:04 am</h4><div class="inner-comment"><p>Great words.</p></div></div></div>""")
    assert [(c.text, c.published_local) for c in r.comments] == [
        ("So you do not get bored.", "2012-10-30T11:02"), ("Great words.", "2012-10-30T11:04")]


def test_nested_bem_threads_control_ids_reply_lists_and_collapsed_shells():
    # A site's own list: the comment element carries data-id, a "report" menu entry inside it
    # carries the same id as data-comment-id; replies sit in the item's __children block.
    def item(cid, who, words, children=""):
        return (f'<div class="comments__item" data-id="{cid}"><div class="comments__item__space">'
                f'<div class="comments__item__self"><a class="comments__item__user"><p class="comments__item__user__name">'
                f'<span>{who}</span></p></a><a class="comments__item__date" data-id="{cid}"><time class="time">'
                f'2 hours ago</time></a><div class="comments__item__admin"><div class="ui_sub_menu__item" '
                f'data-comment-id="{cid}" data-user-id="7">Report</div></div><div class="comments__item__content">'
                f'<div class="comments__item__text"><p>{words}</p></div></div></div></div>'
                f'<div class="comments__item__children">{children}</div></div>')
    r = read('<div class="comments">' + item(11, "ada_ex", "First words.", item(12, "bo_ex", "A reply here.",
             item(13, "cy_ex", "Deeper still."))) + item(14, "di_ex", "Another one.") + '</div>')
    assert [(c.text, c.depth) for c in r.comments] == [
        ("First words.", 0), ("A reply here.", 1), ("Deeper still.", 2), ("Another one.", 0)]

    # <li><div id=comment-N/><ul class="comment-list level-1">replies</ul></li>
    def li(cid, who, words, replies=""):
        return (f'<li><a id="comment{cid}" class="link-anchor"></a><div id="comment-{cid}"><div class="heading">'
                f'<a class="nickname">{who}</a> <span class="h-meta">23.04.18 | 20:30</span></div>'
                f'<p class="content">{words}</p></div>{replies}</li>')
    r = read('<ul class="comment-list level-0">' + li(21, "ada_ex", "Top words.", '<ul class="comment-list level-1">'
             + li(22, "bo_ex", "Answer words.") + '</ul>') + li(23, "cy_ex", "Second top.") + '</ul>')
    assert [(c.text, c.depth) for c in r.comments] == [("Top words.", 0), ("Answer words.", 1), ("Second top.", 0)]

    # A flat list of one-comment boxes with a BEM level modifier; collapsed comments print only their
    # header (kept as shells), a lone modifier ("--withsubject") is no other kind, a "more" stub no comment.
    def box(level, tid, who, words=None, mods=""):
        body = (f'<div class="post-comment__body">{words}</div>' if words is not None else "")
        return (f'<div class="post-thread post-thread--level-{level}"><article id="t{tid}" class="post-comment '
                f'{mods} comment"><div class="post-comment__inner"><header class="post-comment__header">'
                f'<p class="post-comment-username"><span class="post-comment-username__name"><a>{who}</a></span></p>'
                f'<p class="post-comment-meta"><time>1 week ago</time></p></header>{body}'
                f'<footer><ul class="post-comment-actions"><li><a>Collapse</a></li><li><a>Expand</a></li></ul>'
                f'</footer></div></article></div>')
    stub = ('<div class="post-thread post-thread--level-2"><article class="post-comment post-comment--seemore">'
            '<div class="post-comment__inner"><a class="post-comment-seemore__more">5 more comments</a></div>'
            '</article></div>')
    r = read('<div class="comments">' + box(1, 31, "ada_ex", "Visible words.") + box(2, 32, "bo_ex",
             mods="post-comment--collapsed") + box(3, 33, "cy_ex", "A visible reply.") + stub
             + box(1, 34, "di_ex", mods="post-comment--collapsed post-comment--withsubject") + '</div>')
    assert [(c.text, c.depth, c.identity.name if c.identity else None) for c in r.comments] == [
        ("Visible words.", 0, "ada_ex"), ("[hidden]", 1, "bo_ex"), ("A visible reply.", 2, "cy_ex"),
        ("[hidden]", 0, "di_ex")]


def test_comment_printed_as_a_list_of_parts_with_the_words_inside_the_author_part():
    def ul(n, who, words, quote=""):
        return (f'<ul class="comment b2" id="comment-{n}"><li class="comment-author"><div class="badges"></div>'
                f'<div class="profile"><img class="author-profile-picture" src="a.png"><a href="/u/{who}">{who}</a>'
                f'<p class="date">18 November 2011 11:26PM</p></div><div class="comment-body">{quote}<p>{words}</p>'
                f'</div></li><li class="comment-tools"><ul><li class="recomended"><a class="recommend">Recommend?</a>'
                f' (<span>3</span>)</li><li class="reply">Responses (0)</li><li class="abuse-report">'
                f'<a class="report-abuse">Report abuse</a></li><li class="link">| <a href="#c">Link</a></li></ul></li></ul>')
    quote = ('<blockquote><p>ada_ex</p><p>18 November 2011 11:26PM<br>Response to someone</p>'
             '<p>The quoted words.</p></blockquote>')
    r = read('<div id="comments">' + ul(1, "ada_ex", "First words here.")
             + ul(2, "bo_ex", "My own answer.", quote) + '</div>')
    assert [(c.text, c.identity.name if c.identity else None, c.published_local) for c in r.comments] == [
        ("First words here.", "ada_ex", "2011-11-18T23:26"), ("My own answer.", "bo_ex", "2011-11-18T23:26")]


def test_movable_type_comment_blocks_closed_by_their_byline():
    def block(who, words, byline):
        return (f'<div class="comments-body {who.lower()}"><p>{words}</p><span class="comments-post">'
                f'{byline}</span></div>')
    r = read('<div class="comments-head">Comments</div>'
             + block("ada_ex", "First words here.", '<a href="https://example.org/ada">ada_ex</a> on February 12, 2010 11:32 PM')
             + block("bo_ex", "Second words here.", 'Posted by: bo_ex at <a href="#c2">February 13, 2010 09:01 AM</a>'))
    assert [(c.text, c.identity.name if c.identity else None, (c.published_local or "")[:10]) for c in r.comments] == [
        ("First words here.", "ada_ex", "2010-02-12"), ("Second words here.", "bo_ex", "2010-02-13")]


def test_spot_im_messages_take_their_parent_from_the_stated_depth():
    def msg(mid, depth, who, words):
        return (f'<div class="sppre_message-view sppre_depth-{depth} sppre_conversation-message" '
                f'data-message-id="sp_Ab12_post9_c_{mid}" data-message-depth="{depth}" data-spot-im-class="message-view">'
                f'<div class="sppre_message-details"><div class="sppre_user-wrap"><div class="sppre_user-link">'
                f'<span class="sppre_username" data-spot-im-class="message-username">{who}</span>'
                f'<span class="sppre_badge" data-spot-im-class="user-badge"><span>Leader</span></span></div>'
                f'<div class="sppre_stats"><span class="sppre_posted-at"><span data-spot-im-class="message-timestamp">'
                f'15h</span></span><span class="sppre_is-edited"><span>Edited</span></span></div></div></div>'
                f'<div class="sppre_message-entities sppre_depth-{depth}"><div data-spot-im-class="message-text" '
                f'class="sppre_entity sppre_text-entity">{words}</div></div><div class="sppre_message-actions-container">'
                f'<div class="sppre_message-actions"><span data-spot-im-class="message-reply">Reply</span>'
                f'<span data-spot-im-class="message-share">Share</span><div class="sppre_votes-count">3 Likes</div>'
                f'</div></div></div>')
    r = read('<div class="sppre_conversation">' + msg("A1", 0, "ada_ex", "First words.") + msg("B2", 1, "bo_ex", "A reply.")
             + msg("C3", 2, "cy_ex", "Deeper.") + msg("D4", 0, "di_ex", "Another thread.") + '</div>')
    assert r.posts[0].comment_system == "spotim"
    assert shape(r) == [("First words.", 0, None, "ada_ex"), ("A reply.", 1, "First words.", "bo_ex"),
                        ("Deeper.", 2, "A reply.", "cy_ex"), ("Another thread.", 0, None, "di_ex")]


def test_youtube_polymer_threads_and_their_replies():
    def renderer(cid, who, words):
        return (f'<ytd-comment-renderer id="comment" class="style-scope ytd-comment-thread-renderer"><div id="body">'
                f'<div id="main"><div id="header"><div id="header-author"><a id="author-text" href="/channel/x">'
                f'<span>{who}</span></a><yt-formatted-string id="published-time-text"><a href="/watch?v=abc&amp;lc={cid}">'
                f'1 week ago</a></yt-formatted-string></div></div><ytd-expander id="expander"><div id="content">'
                f'<yt-formatted-string id="content-text">{words}</yt-formatted-string></div><paper-button id="more">'
                f'<span class="more-button">Read more</span></paper-button></ytd-expander>'
                f'<ytd-comment-action-buttons-renderer id="action-buttons"><span id="vote-count-left">72</span>'
                f'<div id="reply-button-end">REPLY</div></ytd-comment-action-buttons-renderer></div></div>'
                f'</ytd-comment-renderer>')
    def thread(top, replies=()):
        inner = "".join(renderer(*r) for r in replies)
        return (f'<ytd-comment-thread-renderer>{renderer(*top)}<div id="replies"><ytd-comment-replies-renderer>'
                f'<div id="loaded-replies">{inner}</div></ytd-comment-replies-renderer></div></ytd-comment-thread-renderer>')
    template = ('<template><ytd-comment-renderer><yt-formatted-string id="content-text"></yt-formatted-string>'
                '</ytd-comment-renderer></template>')
    r = read('<ytd-item-section-renderer><div id="contents">' + template
             + thread(("Ug1", "ada_ex", "First words."), [("Ug1.r1", "bo_ex", "A reply."), ("Ug1.r2", "cy_ex", "Another reply.")])
             + thread(("Ug2", "di_ex", "Second thread.")) + '</div></ytd-item-section-renderer>')
    assert r.posts[0].comment_system == "youtube"
    assert shape(r) == [("First words.", 0, None, "ada_ex"), ("A reply.", 1, "First words.", "bo_ex"),
                        ("Another reply.", 1, "First words.", "cy_ex"), ("Second thread.", 0, None, "di_ex")]


def test_russian_said_verb_after_the_name_and_a_one_number_answer():
    def li(cid, who, words):
        return (f'<li id="comment-{cid}" class="comment even thread-even depth-1"><p class="comment-author">'
                f'<img class="avatar avatar-64 photo" src="a.png"><cite>{who} пишет:</cite><br>'
                f'<small class="comment-time">Март 2018</small></p><div class="commententry"><p>{words}</p></div>'
                f'<p class="reply"><a class="comment-reply-link" href="#r">Ответить</a></p></li>')
    r = read('<ol class="commentlist">' + li(1, "Анна", "Подскажите, пожалуйста, как быть.")
             + li(2, "Олег", "5") + '</ol>', lang="ru")
    assert [(c.text, c.identity.name if c.identity else None) for c in r.comments] == [
        ("Подскажите, пожалуйста, как быть.", "Анна"), ("5", "Олег")]


def test_date_as_loose_words_in_the_author_line():
    # WordPress VIP's highlander comments: "<cite class=fn>NAME</cite> • <i>on</i> DATE<span> TIME
    # </span>" in the author block, no date element of its own.
    def li(cid, who, words, children=""):
        return (f'<li class="comment depth-1 highlander-comment" id="li-comment-{cid}"><div id="comment-{cid}" '
                f'class="comment-wrapper"><div class="comment-inner"><div class="comment-author vcard">'
                f'<cite class="fn">{who}</cite> • <i>on </i> Apr 3, 2019<span> 9:05 pm</span></div>'
                f'<div class="comment-body"><p>{words}</p></div><div class="reply"><a class="comment-reply-link" '
                f'href="?replytocom={cid}#respond">Reply</a></div></div></div>{children}</li>')
    r = read('<div id="comments"><ol class="commentlist">'
             + li(7, "Ines Example", "A first comment with enough words.",
                  '<ul class="children">' + li(8, "Jon Sample", "A reply to it.") + '</ul>')
             + '</ol></div>')
    assert shape(r) == [("A first comment with enough words.", 0, None, "Ines Example"),
                        ("A reply to it.", 1, "A first comment with enough words.", "Jon Sample")]
    assert [c.published_local for c in r.comments] == ["2019-04-03T21:05", "2019-04-03T21:05"]
