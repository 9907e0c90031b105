"""Forum and code-host threads, written after each system's own templates (names synthetic).

bbPress ``loop-single-reply.php`` (header before the post, lead topic, threaded replies), phpBB
prosilver ``viewtopic_body.html`` (opening post, quotes, later pages), Talkyard's rendered
discussion (title and original post, nested and flat replies, full name vs username), GitHub's
gist/issue timeline comments.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

from therapy_threads.readers import SourceRef, get_reader


def read(body: str, head: str = "", url: str | None = None):
    return read_page(body, head=head, url=url)


def _bbp(pid: int, kind: str, name: str, text: str, inner: str = "") -> str:
    return (f'<div id="post-{pid}" class="bbp-reply-header"><div class="bbp-meta">'
            f'<span class="bbp-reply-post-date">March 3, 2021 at 9:1{pid % 10} am</span>'
            f'<a href="/forums/topic/t/#post-{pid}" class="bbp-reply-permalink">#{pid}</a>'
            f'<span class="bbp-admin-links"></span></div></div>'
            f'<div class="loop-item-{pid} user-id-7 bbp-parent-forum-2 bbp-reply-position-{pid} '
            f'post-{pid} {kind} type-{kind} status-publish hentry"><div class="bbp-reply-author">'
            f'<a href="/forums/users/u{pid}/" class="bbp-author-link"><span class="bbp-author-name">'
            f'{name}</span></a><div class="bbp-author-role">Participant</div></div>'
            f'<div class="bbp-reply-content"><p>{text}</p></div></div>{inner}')


def test_bbpress_topic_lead_post_is_not_a_comment_and_header_date_is_read():
    body = ('<div id="bbpress-forums"><ul class="forums bbp-replies"><li class="bbp-body">'
            + _bbp(10, "topic", "Topic Starter", "The question itself, asked at length.")
            + _bbp(11, "reply", "Ada Example", "A first answer to the question.")
            + _bbp(12, "reply", "Bea Sample", "Thank you, that works for me.")
            + "</li></ul></div>")
    r = read(body)
    assert shape(r) == [("A first answer to the question.", 0, None, "Ada Example"),
                        ("Thank you, that works for me.", 0, None, "Bea Sample")]
    assert (r.comments[0].published_at or r.comments[0].published_local or "").startswith("2021-03-03")
    assert r.posts[0].comment_system == "bbpress"
    assert not any("Participant" in c.text or "#11" in c.text for c in r.comments)


def test_bbpress_threaded_replies_nest_under_the_reply_that_owns_the_list():
    body = ('<div id="bbpress-forums"><ul class="bbp-replies"><li class="bbp-body"><ul>'
            '<li>' + _bbp(11, "reply", "Ada Example", "Top level answer.",
                          '<ul class="bbp-threaded-replies"><li>'
                          + _bbp(13, "reply", "Bea Sample", "An answer to the answer.") + "</li></ul>")
            + '</li><li>' + _bbp(12, "reply", "Cy Person", "Another top level answer.")
            + "</li></ul></li></ul></div>")
    assert shape(read(body)) == [
        ("Top level answer.", 0, None, "Ada Example"),
        ("An answer to the answer.", 1, "Top level answer.", "Bea Sample"),
        ("Another top level answer.", 0, None, "Cy Person")]


def _phpbb(pid: int, name: str, text: str, quote: str = "") -> str:
    q = (f'<blockquote><div><cite>Someone Quoted wrote:</cite>{quote}</div></blockquote>'
         if quote else "")
    return (f'<div id="p{pid}" class="post has-profile bg2"><div class="inner">'
            f'<dl class="postprofile" id="profile{pid}"><dt class="has-avatar">'
            f'<a href="./memberlist.php?mode=viewprofile&amp;u={pid}" class="username">{name}</a></dt>'
            f'<dd class="profile-posts"><strong>Posts:</strong> <a href="#">42</a></dd>'
            f'<dd class="profile-joined"><strong>Joined:</strong> Sun Dec 17, 2023 11:18 am</dd></dl>'
            f'<div class="postbody"><div id="post_content{pid}"><h3><a href="#p{pid}">Re: A topic</a></h3>'
            f'<ul class="post-buttons"><li><a class="button">Quote</a></li></ul>'
            f'<p class="author"><a href="./viewtopic.php?p={pid}#p{pid}">Mon Dec 18, 2023 9:0{pid % 10} am</a></p>'
            f'<div class="content">{q}{text}</div>'
            f'<div id="sig{pid}" class="signature">My synthetic signature</div></div></div></div></div>'
            '<hr class="divider">')


def test_phpbb_prosilver_first_post_is_the_topic_quotes_and_signatures_left_out():
    body = ('<div class="action-bar"><div class="pagination">3 posts &bull; Page <strong>1</strong> '
            'of <strong>1</strong></div></div>'
            + _phpbb(101, "topic_starter", "How do I switch the lights off?")
            + _phpbb(102, "ada_example", "Try the second setting.")
            + _phpbb(103, "bea_sample", "That did it.", quote="Try the second setting."))
    r = read(body)
    assert shape(r) == [("Try the second setting.", 0, None, "ada_example"),
                        ("That did it.", 0, None, "bea_sample")]
    assert r.posts[0].comment_system == "phpbb"
    assert not any("signature" in c.text or "Joined" in c.text for c in r.comments)


def test_phpbb_later_page_has_no_opening_post():
    body = ('<div class="pagination">40 posts &bull; Page <strong>2</strong> of <strong>3</strong></div>'
            + _phpbb(201, "ada_example", "A reply on page two.")
            + _phpbb(202, "bea_sample", "Another reply on page two."))
    assert [c.text for c in read(body).comments] == ["A reply on page two.",
                                                     "Another reply on page two."]


def _ty(nr: int, name: str, text: str, replies: str = "", depth: int = 1, flat: bool = False,
        user: str | None = None) -> str:
    by = (f'<span class="esP_By_F">{name} </span>' if name else "") + \
         (f'<span class="esP_By_U"><span class="esP_By_U_at">@</span>{user}</span>' if user else "")
    cls = "dw-t ed-w-avtr s_T-Flat" if flat else f"dw-t dw-depth-{depth}"
    res = f'<div class="dw-single-and-multireplies"><ol class="dw-res dw-singlereplies">{replies}</ol></div>' \
        if replies else ""
    return (f'<li><div class="{cls}"><div class="dw-p" id="post-{nr}"><div class="dw-p-hd">'
            f'<a class="dw-p-by esP_By" href="/-/users/u{nr}">{by}</a>'
            f'<span class="dw-ago esP_H_At">Sep&nbsp;16, 2017</span></div>'
            f'<div class="dw-p-bd"><div class="dw-p-bd-blk"><p>{text}</p></div></div></div>'
            f'<div class="dw-p-as dw-as"><a class="dw-a dw-a-reply">Reply</a>'
            f'<a class="dw-a dw-vote-count">3 Likes</a></div>{res}</div></li>')


def test_talkyard_title_and_original_post_are_not_comments_replies_nest():
    body = ('<div class="debiki dw-page"><div class="dw-t" id="dw-t-0"><div class="dw-p dw-p-ttl" '
            'id="post-0"><div class="dw-p-bd"><h1>A question</h1></div></div></div>'
            '<div class="dw-t dw-depth-0 dw-ar-t"><div class="dw-p dw-ar-p" id="post-1">'
            '<div class="dw-p-bd"><div class="dw-p-bd-blk esOrigPost"><p>The original post.</p>'
            '</div></div></div><div class="dw-single-and-multireplies"><ol class="dw-res">'
            + _ty(2, "Ada Example", "First reply.",
                  _ty(3, "", "Nested reply.", depth=2, user="bea_sample"))
            + _ty(4, "Cy Person", "Second reply.")
            + '</ol></div>' + _ty(5, "Dee Flat", "A flat progress post.", flat=True)
            + '</div></div>')
    r = read(body)
    assert shape(r) == [("First reply.", 0, None, "Ada Example"),
                        ("Nested reply.", 1, "First reply.", "bea_sample"),
                        ("Second reply.", 0, None, "Cy Person"),
                        ("A flat progress post.", 0, None, "Dee Flat")]
    assert not any("Likes" in c.text or "Reply" in c.text for c in r.comments)


def _gh(cid: int, user: str, text: str, kind: str = "gistcomment") -> str:
    return (f'<div class="TimelineItem js-comment-container"><div id="{kind}-{cid}" '
            f'class="timeline-comment-group js-minimizable-comment-group comment js-comment '
            f'timeline-comment"><div class="timeline-comment-header"><div class="timeline-comment-actions">'
            f'<details><summary>Show options</summary><span>Copy link</span></details></div>'
            f'<h3><strong><a class="author Link--primary" href="/{user}">{user}</a></strong> commented '
            f'<a href="#{kind}-{cid}"><relative-time datetime="2024-02-0{cid % 9 + 1}T10:00:00Z">'
            f'Feb 1, 2024</relative-time></a></h3></div><div class="edit-comment-hide">'
            f'<task-lists><table><tbody><tr><td class="d-block comment-body markdown-body js-comment-body">'
            f'<p>{text}</p></td></tr></tbody></table></task-lists></div>'
            f'<div class="comment-reactions">2 reactions</div></div></div>')


def test_github_gist_and_issue_timeline_comments():
    r = read('<div class="js-discussion">' + _gh(1, "ada-example", "Works on my machine.")
             + _gh(2, "bea-sample", "Thanks for the fix.") + "</div>")
    assert shape(r) == [("Works on my machine.", 0, None, "ada-example"),
                        ("Thanks for the fix.", 0, None, "bea-sample")]
    assert r.comments[0].published_at == "2024-02-02T10:00:00Z"
    # An issue's opening text has no issuecomment- id: only the comments are read.
    issue = ('<div class="timeline-comment" id="issue-77"><div class="comment-body"><p>The report.</p>'
             '</div></div>' + _gh(3, "cy-person", "Confirmed here.", kind="issuecomment"))
    assert [c.text for c in read(issue).comments] == ["Confirmed here."]


def test_unread_forum_markup_is_said_with_the_guessed_system_and_count():
    # SMF-like markers ("msgN" ids on the message's inner element) without the Display template's
    # poster/post_wrapper parts the SMF recogniser needs: nothing is read; the page must not stay
    # silent. (Until systems/smf.py, the whole SMF template was this case.)
    posts = "".join(f'<div class="windowbg"><div id="msg{n}" class="inner">Member {n}</div></div>'
                    for n in (501, 502))
    r = read(f'<div id="forumposts">{posts}</div>')
    assert not r.comments
    warned = [i.message for i in r.issues if i.code == "comment_markup_unread"]
    assert warned and "smf (2)" in warned[0]


def test_smf_messages_found_without_text_are_said_not_silent():
    posts = "".join(f'<div class="windowbg"><div class="post_wrapper"><div class="poster">Member {n}'
                    f'</div><div class="postarea"><div class="post"><div class="inner" id="msg_{n}">'
                    f'</div></div></div></div></div>' for n in (501, 502))
    r = read(f'<div id="forumposts">{posts}</div>')
    assert not r.comments
    warned = [i.message for i in r.issues if i.code == "comments_not_extracted"]
    assert warned and "smf" in warned[0]


def test_guess_systems_counts_each_systems_post_markers():
    from therapy_threads.readers.comments.markup_guess import guess_systems
    html = ('<div id="p11" class="post has-profile bg1"></div><div id="p12" class="post bg2"></div>'
            '<div class="comment" id="gistcomment-5"></div>'
            '<a class="comment-reply-link" data-commentid="9">Reply</a>')  # WordPress: not Invision
    assert guess_systems(html) == [("phpbb", 2), ("github", 1)]


def test_a_count_element_named_by_id_is_a_declared_count():
    r = read('<div class="postDesc">posted @ 2024-05-09 Comments(<span id="post_comment_count">2'
             '</span>)</div><div id="blog-comments-placeholder"></div>'
             '<article class="teaser"><span class="comment-count">14</span></article>')
    assert r.posts[0].declared_comment_count == 2
    assert "comments_not_extracted" in codes(r)


def test_login_to_reply_links_do_not_make_the_pages_own_thread_foreign():
    # Drupal 8+ for anonymous visitors prints "Log in to reply" as
    # /user/login?destination=/node/N#comment-M: a way back here, not another post's permalink.
    def art(cid, name, text):
        return (f'<a id="comment-{cid}"></a><article id="comment-id-{cid}" class="js-comment">'
                f'<div class="comment" id="cid-{cid}"><span class="comment__author">{name}</span>'
                f'<div class="comment-content"><div class="field--name-comment-body"><p>{text}</p></div>'
                f'</div><a href="/user/login?destination=/node/7#comment-{cid}">Log in to reply</a>'
                f'</div></article>')
    body = ('<section class="comment-wrapper field--name-comment-forum">' + art(11, "Ada", "Is it worth it?")
            + '<div class="indented">' + art(12, "Bea", "Yes, for me it was.") + "</div>"
            + art(13, "Cy", "Another view.") + "</section>")
    r = read(body, head='<meta name="Generator" content="Drupal 10">'
             '<link rel="canonical" href="https://forum.example.org/forum/a-topic">',
             url="https://forum.example.org/forum/a-topic")
    assert shape(r) == [("Is it worth it?", 0, None, "Ada"),
                        ("Yes, for me it was.", 1, "Is it worth it?", "Bea"),
                        ("Another view.", 0, None, "Cy")]
    assert "comments_out_of_scope" not in codes(r)


def test_wordpress_reply_list_printed_with_comment_classes_is_a_wrapper_not_a_comment():
    # A theme's Walker_Comment::start_lvl() that prints comment_class() on the <ul> of replies:
    # "ul.comment.depth-1" around the depth-2 items must not become a comment of its own.
    def li(cid, depth, name, text, replies=""):
        kids = (f'<ul class="comment odd depth-{depth} list-unstyled comment-{cid}">{replies}</ul>'
                if replies else "")
        return (f'<li class="comment even depth-{depth} comment-{cid}"><div id="comment-{cid}">'
                f'<div class="comment_header"><h4 class="comment_title"><span class="weight-semi">{name}</span>'
                f'<time class="comment_time" datetime="2021-03-12T01:48:36-08:00">3/12/2021</time></h4></div>'
                f'<div class="comment_body"><p>{text}</p></div>'
                f'<a class="comment-reply-link" href="#comment-{cid}" data-commentid="{cid}">Reply</a></div>'
                f'{kids}</li>')
    body = ('<section id="comments"><ol class="comments_list">'
            + li(1, 1, "Ada Example", "Top.", li(2, 2, "Bea Sample", "Second level.",
                                                 li(3, 3, "Cy Person", "Third level."))
                 + li(5, 2, "Eve Sample", "Second level again."))
            + li(4, 1, "Dee Other", "Another top.") + "</ol></section>")
    assert [(t, d, p) for t, d, p, _ in shape(read(body))] == [
        ("Top.", 0, None), ("Second level.", 1, "Top."), ("Third level.", 2, "Second level."),
        ("Second level again.", 1, "Top."), ("Another top.", 0, None)]


def _lob(sid: str, user: str, text: str, replies: str = "") -> str:
    return (f'<li class="comments_subtree"><input id="comment_folder_{sid}" class="comment_folder_button" '
            f'type="checkbox"><div id="c_{sid}" data-shortid="{sid}" class="comment"><div class="voters">'
            f'<label for="comment_folder_{sid}" class="comment_folder"></label><a class="upvoter" href="/login">7</a>'
            f'</div><div class="details"><div class="byline"><a name="c_{sid}"></a><span>'
            f'<a tabindex="-1" href="/~{user}"><img class="avatar" alt="{user} avatar" src="/a.png"></a>'
            f'<a href="/~{user}">{user}</a> <a href="/c/{sid}"><time datetime="2024-08-12 11:00:23">1 year ago'
            f'</time></a></span><span class="flagger flagger_stub"></span><span class="reason"></span></div>'
            f'<div role="heading" aria-level="3" class="comment_text"><p>{text}</p></div></div></div>'
            f'<ol class="comments">{replies}</ol></li>')


def test_lobsters_thread_nests_subtrees_and_reads_the_author_link():
    body = ('<ol class="comments comments1"><li class="comments_subtree" id="story_comments">'
            '<ol class="comments">' + _lob("aa11bb", "ada", "Top comment.",
                                           _lob("cc22dd", "bea", "A reply."))
            + _lob("ee33ff", "cy", "Second top comment.") + "</ol></li></ol>")
    r = read(body)
    assert shape(r) == [("Top comment.", 0, None, "ada"), ("A reply.", 1, "Top comment.", "bea"),
                        ("Second top comment.", 0, None, "cy")]
    assert r.posts[0].comment_system == "lobsters"


def test_symfony_sfcomment_list_plugin_view_and_a_sites_override():
    plugin = ('<div id="sf_comment_list"><ul class="full"><li><div class="sf_comment small" id="sf_comment_71">'
              '<p class="sf_comment_info"><span class="sf_comment_author">Ada</span>, 3 days ago</p>'
              '<p class="sf_comment_text">Plugin view text.</p></div></li></ul></div>')
    assert shape(read(plugin)) == [("Plugin view text.", 0, None, "Ada")]

    def override(cid, name, text):
        return (f'<div class="borde_bottom clearfix"><div class="sf_comment" id="sf_comment_{cid}">'
                f'<div class="titulo_post"><p class="sf_comment_info"><span class="sf_comment_author">{name}'
                f'</span><br> <span class="date">Hace 28 minutos</span></p></div></div>'
                f'<div class="sf_comment_text"><p>{text}</p></div>'
                f'<div class="sf_comment_rating" id="sf_comment_rating_{cid}"><div class="valora">'
                f'<strong>Valoración:</strong><span class="valoracion positiva">3</span><span class="valoradores">'
                f'<a href="#"><span>menos</span></a><a href="#"><span>mas</span></a></span></div></div></div>')
    r = read('<div id="sf_comment_list" class="box">' + override(81, "Bea", "Texto del primero.")
             + override(82, "Cy", "Texto del segundo.") + "</div>")
    assert shape(r) == [("Texto del primero.", 0, None, "Bea"), ("Texto del segundo.", 0, None, "Cy")]
    assert r.posts[0].comment_system == "sfcomment"


def _fm(cid: str, user: str, text: str, replies: str = "", root: bool = True) -> str:
    cls = "comments-node CommentFrame-commentsNodeRoot comments-node-root comments-node-odd" if root \
        else "comments-node comments-node-even CommentFrame-child"
    return (f'<div class="{cls}" id="{cid}"><div><div class="CommentsItem-root recent-comments-node">'
            f'<div class="CommentsItem-body"><div class="CommentsItemMeta-root">'
            f'<a class="CommentsItemMeta-collapse">[<span>-</span>]</a>'
            f'<span class="CommentsItemMeta-username CommentUserName-author"><span>'
            f'<a class="UsersNameDisplay-noColor" href="/users/{user.lower()}">{user}</a></span></span>'
            f'<span class="CommentsItemDate-root"><time dateTime="2025-12-19T04:42:52.683Z">1d</time></span>'
            f'<span class="OverallVoteAxis-vote"><span class="OverallVoteAxis-voteScore">9</span></span>'
            f'<span class="AgreementVoteAxis-agreementSection"><span>8</span></span></div>'
            f'<div><div class="CommentBody-root ContentStyles-commentBody"><p>{text}</p></div></div></div>'
            f'<div class="CommentBottom-bottom"><a class="CommentsItem-replyLink">Reply</a></div></div>'
            f'</div>{replies}</div>')


def test_forummagnum_nested_comment_nodes_with_vote_axes():
    r = read('<div class="CommentsListMeta-root"><span>2 comments, sorted by top scoring</span></div>'
             + _fm("aAaA1", "Ada Example", "Top comment words.",
                   _fm("bBbB2", "Bea Sample", "Reply words.", root=False)))
    assert shape(r) == [("Top comment words.", 0, None, "Ada Example"),
                        ("Reply words.", 1, "Top comment words.", "Bea Sample")]
    assert r.comments[0].published_at == "2025-12-19T04:42:52Z"


def test_forummagnum_collapsed_comment_is_a_hidden_stand_in():
    # A low-karma comment prints its header with the "[+]" toggle and no CommentBody-root.
    collapsed = _fm("cCcC3", "Cy Person", "", root=True).replace("[<span>-</span>]", "[<span>+</span>]")
    collapsed = collapsed.replace('<div><div class="CommentBody-root ContentStyles-commentBody"><p></p></div></div>', "")
    r = read(_fm("aAaA1", "Ada Example", "Top comment words.") + collapsed)
    assert shape(r) == [("Top comment words.", 0, None, "Ada Example"), ("[hidden]", 0, None, "Cy Person")]


def test_woocommerce_reviews_author_and_rating_out_of_the_text():
    def rev(cid, name, text, verified=False):
        ver = '<em class="woocommerce-review__verified verified">(verified owner)</em> ' if verified else ""
        return (f'<li class="review even thread-even depth-1" id="li-comment-{cid}"><div id="comment-{cid}" '
                f'class="comment_container"><img class="avatar" src="/a.png"><div class="comment-text">'
                f'<div class="star-rating" role="img" aria-label="Rated 5 out of 5"><span>Rated '
                f'<strong class="rating">5</strong> out of 5</span></div><p class="meta">'
                f'<strong class="woocommerce-review__author">{name} </strong>{ver}'
                f'<span class="woocommerce-review__dash">&ndash;</span> <time class="woocommerce-review__published-date" '
                f'datetime="2020-05-27T11:34:29+02:00">May 27, 2020</time></p>'
                f'<div class="description"><p>{text}</p></div></div></div></li>')
    r = read('<div id="reviews" class="woocommerce-Reviews"><div id="comments"><ol class="commentlist">'
             + rev(11, "Ada", "Very comfortable.") + rev(12, "Bea S.", "Runs small.", verified=True)
             + "</ol></div></div>")
    assert shape(r) == [("Very comfortable.", 0, None, "Ada"), ("Runs small.", 0, None, "Bea S.")]


def test_discourse_crawler_view_username_not_the_full_name_and_topic_post_left_out():
    def post(n, user, full, text):
        comment = "" if n == 1 else "itemprop='comment' itemscope itemtype='http://schema.org/Comment' "
        return (f"<div id='post_{n}' {comment}class='topic-body crawler-post'><div class='crawler-post-meta'>"
                f'<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
                f"<a itemprop='url' href='https://forum.example.org/u/{user}'><span itemprop='name'>{user}</span></a>"
                f" ({full})</span><span class='crawler-post-infos'><time itemprop='datePublished' "
                f"datetime='2024-11-08T20:42:42Z' class='post-time'>November 8, 2024</time>"
                f"<span itemprop='position'>{n}</span></span></div><div class='post' itemprop='text'><p>{text}</p>"
                f"</div><div itemprop='interactionStatistic'><span class='post-likes'>2 Likes</span></div></div>")
    r = read('<div id="main-outlet">' + post(1, "asker", "Asker Person", "The question.")
             + post(2, "ada_ex", "Ada Example", "An answer.") + post(3, "bea_s", "Bea Sample", "Thanks!")
             + "</div>", head='<meta name="generator" content="Discourse 3.4">')
    assert shape(r) == [("An answer.", 0, None, "ada_ex"), ("Thanks!", 0, None, "bea_s")]
    assert not any("Example" in c.text or "Likes" in c.text for c in r.comments)


def test_discourse_older_crawler_view_without_post_ids_numbers_posts_by_position():
    # Before the crawler layout gave each post an id, the "#N" of span[itemprop=position] was the
    # only number; post #1 (itemprop=articleBody) is still the topic, not a comment.
    def post(n, user, full, text):
        return ("<div itemscope itemtype='http://schema.org/DiscussionForumPosting' class='topic-body crawler-post'>"
                f"<div class='crawler-post-meta'><span class=\"creator\" itemprop=\"author\" itemscope "
                f"itemtype=\"http://schema.org/Person\"><a itemprop='url' href='https://forum.example.org/u/{user}'>"
                f"<span itemprop='name'>{user}</span></a> ({full}) </span><span class='crawler-post-infos'>"
                f"<time itemprop='datePublished' datetime='2014-02-06T05:27:06Z' class='post-time'>"
                f"February 6, 2014, 5:27am</time><span itemprop='position'>#{n}</span></span></div>"
                f"<div class='post' itemprop='articleBody'><p>{text}</p></div><div itemprop='interactionStatistic'>"
                f"<span class='post-likes'>1 Like</span></div></div>")
    r = read('<div id="main-outlet"><div itemscope itemtype="http://schema.org/BreadcrumbList"><meta '
             'itemprop="position" content="1"></div>' + post(1, "asker", "Asker Person", "The topic words.")
             + post(2, "ada_ex", "Ada Example", "A reply to the topic.") + "</div>",
             head='<meta name="generator" content="Discourse 1.4">')
    assert shape(r) == [("A reply to the topic.", 0, None, "ada_ex")]
    assert not any("Like" in c.text for c in r.comments)


def _lem(cid: int, name: str, inner: str, instance: str = "", replies: str = "") -> str:
    small = f'<small class="text-muted">@{instance}</small>' if instance else ""
    kids = f'<ul class="comments">{replies}</ul>' if replies else ""
    return (f'<li class="comment list-unstyled"><article class="details comment-node" id="comment-{cid}">'
            f'<div class="ms-2"><div class="d-flex small"><button aria-label="Collapse">-</button>'
            f'<a class="person-listing" title="{name}" href="/u/{name}"><picture><img src="/a.webp"></picture>'
            f'<span>{name}</span>{small}</a><span class="badge text-bg-light">English</span>'
            f'<div><span class="unselectable"><span aria-label="26 Upvotes">26</span></span></div>'
            f'<span><span class="moment-time" data-tippy-content="Friday, October 4th, 2024">1 year ago</span>'
            f'</span></div><div class="comment-content"><div class="md-div">{inner}</div></div>'
            f'<div class="comment-bottom-btns"></div></div></article>{kids}</li>')


def test_lemmy_display_name_without_instance_and_an_image_only_comment():
    body = ('<div class="comments"><ul class="comments">'
            + _lem(1, "ada", "<p>Top words.</p>", instance="lemmy.example",
                   replies=_lem(2, "bea", '<p><img src="/pictrs/x.webp" alt="screenshot.png"></p>'))
            + _lem(3, "cy", "<p>Other words.</p>") + "</ul></div>")
    r = read(body)
    assert shape(r) == [("Top words.", 0, None, "ada"), ("[image]", 1, "Top words.", "bea"),
                        ("Other words.", 0, None, "cy")]
    assert not any("English" in c.text or "Upvotes" in c.text for c in r.comments)


def test_a_log_in_prompt_link_is_never_the_author():
    def art(cid, text):
        return (f'<a id="comment-{cid}"></a><article id="comment-id-{cid}" class="js-comment">'
                f'<div class="comment" id="cid-{cid}"><span class="anon-label">Anonymous</span>'
                f'<div class="comment-content"><p>{text}</p></div><div class="item__other-anon">'
                f'<a href="/user/login?destination=/node/7#comment-{cid}" class="comment-link">Other</a>'
                f'</div></div></article>')
    r = read('<section class="comment-wrapper">' + art(21, "First anonymous words.")
             + art(22, "Second anonymous words.") + "</section>",
             head='<meta name="Generator" content="Drupal 10">', url="https://forum.example.org/forum/a-topic")
    assert [c.text for c in r.comments] == ["First anonymous words.", "Second anonymous words."]
    assert all(c.identity is None or c.identity.name != "Other" for c in r.comments)


def test_a_saying_verb_is_stripped_from_a_name_only_as_a_word_of_its_own():
    from therapy_threads.readers.comments.cleanup import clean_author
    assert clean_author("Ada Pandit") == "Ada Pandit"  # not "Ada Pan" + "dit"
    assert clean_author("Said") == "Said"
    assert clean_author("Bea Sample says:") == "Bea Sample"
    assert clean_author("Jean Exemple dit :") == "Jean Exemple"


def test_phpbb_style_hosted_board_post_entry_and_advertising_slot():
    def post(pid, name, text):
        return (f'<div id="p{pid}" class="post clearfix post--{pid}"><div class="post-container"><div class="postbody">'
                f'<div class="postprofile" id="profile{pid}"><div class="postprofile-head post-header">'
                f'<a href="javascript:void(0);"><strong>{name}</strong></a></div></div>'
                f'<div class="postbody-head postdetails post-header"><ul class="post-info"><li>Beitrag #{pid}</li></ul>'
                f'<h3><a href="/t7-topic#{pid}">Re: Ein Thema</a></h3><p class="author">von {name} am 30.05.2014</p></div>'
                f'<div class="post-entry"><div>{text}</div></div></div></div></div>')
    r = read(post(11, "erste_person", "Die Frage.") + post(12, "ada_example", "Eine Antwort.")
             + post(0, "Gesponserte Inhalte", "<div id='crt-1'></div>"))
    assert shape(r) == [("Eine Antwort.", 0, None, "ada_example")]


def _vb(pid: int, num: int, name: str, text: str, quote: str = "") -> str:
    q = (f'<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container">'
         f'<div class="bbcode_postedby">Originally Posted by <strong>Someone</strong></div>'
         f'<div class="message">{quote}</div></div></div></div>' if quote else "")
    return (f'<li class="postbitlegacy postbitim postcontainer old" id="post_{pid}"><div class="posthead">'
            f'<span class="postdate old"><span class="date">03-03-2011,&nbsp;<span class="time">02:17 PM</span>'
            f'</span></span><span class="nodecontrols"><a name="post{pid}" href="#post{pid}" class="postcounter">'
            f'#{num}</a></span></div><div class="postdetails"><div class="userinfo"><div class="username_container">'
            f'<div class="popupmenu memberaction"><a class="username offline popupctrl" href="/members/{pid}.html">'
            f'<strong>{name}</strong></a><ul class="popupbody"><li><a href="/members/{pid}.html">View Profile</a></li>'
            f'</ul></div></div><span class="usertitle">Junior Member</span><dl class="userstats"><dt>Posts</dt>'
            f'<dd>42</dd></dl></div><div class="postbody"><div class="postrow"><h2 class="title icon">Re: A thread</h2>'
            f'<div class="content"><div id="post_message_{pid}"><blockquote class="postcontent restore">{q}{text}'
            f'</blockquote></div></div></div><div class="after_content"><blockquote class="signature">'
            f'A synthetic signature</blockquote></div></div></div><div class="postfoot">Reply With Quote</div></li>')


def test_vbulletin4_postbit_first_post_is_the_thread_quotes_and_signature_out():
    r = read('<ol id="posts" class="posts">' + _vb(901, 1, "starter", "The thread's question.")
             + _vb(902, 2, "ada_example", "An answer.") + _vb(903, 3, "bea_sample", "Thanks.", quote="An answer.")
             + "</ol>")
    assert shape(r) == [("An answer.", 0, None, "ada_example"), ("Thanks.", 0, None, "bea_sample")]
    assert r.posts[0].comment_system == "vbulletin"


def _sa(pid: int, idx: int, name: str, text: str, quote: str = "", cls: str = "") -> str:
    """Something Awful's vBulletin 2 post table (the markup the Awful.app client scrapes)."""
    q = (f'<div class="bbc-block"><h4><a class="quote_link" href="#post{pid - 1}">{quote} posted:</a>'
         f'</h4><blockquote>Quoted words of another post.</blockquote></div><br />') if quote else ""
    return (f'<table class="post {cls}" id="post{pid}" data-idx="{idx}"><tr class="seen1">'
            f'<td class="userinfo userid-5"><dl class="userinfo"><dt class="author" title="">{name}</dt>'
            f'<dd class="registered">Dec 29, 2006</dd><dd class="title"><i>A custom title</i></dd></dl>'
            f'</td><td class="postbody">{q}{text}<p class="editedby"></p></td></tr><tr>'
            f'<td class="postdate"><a href="#post{pid}" title="Link to this post">#</a>'
            f'<a class="user_jump" href="/u">?</a> Sep 20, 2012 11:16</td><td class="postlinks">'
            f'<ul class="profilelinks"><li><a href="member.php">Profile</a></li></ul></td></tr></table>')


def test_something_awful_posts_opening_post_quotes_and_a_later_page():
    first = read(_sa(101, 1, "Topic Starter", "The opening post.")
                 + _sa(102, 2, "ada_example", "A reply to it.", quote="Topic Starter")
                 + _sa(103, 3, "bea_sample", "Another reply."))
    assert shape(first) == [("A reply to it.", 0, None, "ada_example"),
                            ("Another reply.", 0, None, "bea_sample")]
    assert first.posts[0].comment_system == "vbulletin"
    later = read(_sa(201, 161, "cy_person", "On page five."))
    assert shape(later) == [("On page five.", 0, None, "cy_person")]


def _vb3_section(pid: int, count: int, name: str, text: str, quote: str = "") -> str:
    """vBulletin 3 postbit_legacy in a table-less skin: ``section#post{ID}``, the counter's
    ``name`` is the post number, and the quote box keeps the "Quote:" label but drops the table."""
    q = (f'<div style="margin:20px"><div class="smallfont">Quote:</div><div><div>Originally Posted by '
         f'<strong>{quote}</strong></div><div class="postquote">Words of the quoted post.</div></div>'
         f'</div>') if quote else ""
    return (f'<section id="post{pid}" class="tborder user-post"><div class="thead"><span class="post-count">'
            f'<a href="/{pid}-post{count}.html" id="postcount{pid}" name="{count}"><strong>post #{count}'
            f'</strong> of 3</a></span><a name="post{pid}"><span>Old</span></a>'
            f'<span itemprop="dateCreated">04-25-2015, 09:47 PM</span></div><div id="postmenu_{pid}">'
            f'<a class="bigusername" href="/u{pid}.html">{name}</a></div><div id="td_post_{pid}">'
            f'<div id="post_message_{pid}">{q}{text}</div></div></section>')


def test_vbulletin3_section_skin_counter_name_and_tableless_quote():
    r = read(_vb3_section(11, 1, "Topic Starter", "The opening post.")
             + _vb3_section(12, 2, "ada_example", "A reply with a quote.", quote="Topic Starter")
             + _vb3_section(13, 3, "bea_sample", "Another reply."))
    assert shape(r) == [("A reply with a quote.", 0, None, "ada_example"),
                        ("Another reply.", 0, None, "bea_sample")]
    assert r.posts[0].comment_system == "vbulletin"


def _subsilver2(pid: int, name: str, text: str, quote: str = "", sig: str = "") -> str:
    """phpBB 3.0 subsilver2: one table.tablebg per post (styles/subsilver2 viewtopic_body.html)."""
    q = (f'<div class="quotetitle">{quote} wrote:</div><div class="quotecontent">Quoted words.</div>'
         if quote else "")
    s = f'<div class="postbody"><br />_________________<br />{sig}</div>' if sig else ""
    return (f'<table class="tablebg" width="100%" cellspacing="1"><tr class="row1">'
            f'<td align="center" valign="middle"><a name="p{pid}"></a><b class="postauthor">{name}</b></td>'
            f'<td width="100%"><table><tr><td class="gensmall" width="100%"><div style="float: left;">'
            f'&nbsp;<b>Post subject:</b> Re: A topic</div><div style="float: right;"><a href="#p{pid}">'
            f'<img alt="Post"></a><b>Posted:</b> Wed Jun 11, 2014 11:28 am&nbsp;</div></td></tr></table>'
            f'</td></tr><tr class="row1"><td valign="top" class="profile"><span class="postdetails">'
            f'<b>Joined:</b> Wed Jun 11, 2014 12:56 am<br /><b>Posts:</b> 4</span></td><td valign="top">'
            f'<table><tr><td><div class="postbody">{q}{text}</div><br clear="all" />{s}</td></tr></table>'
            f'</td></tr><tr class="row1"><td class="profile"><strong><a href="#wrapheader">Top</a></strong>'
            f'</td><td><div class="gensmall"><a href="./memberlist.php">Profile</a></div></td></tr></table>')


def test_phpbb3_subsilver2_tables_opening_post_quote_and_signature():
    nav = ('<table><tr><td class="nav" valign="middle">&nbsp;Page <strong>1</strong> of <strong>1</strong>'
           '</td><td class="gensmall">[ 3 posts ]</td></tr></table>')
    r = read(nav + _subsilver2(501, "Topic Starter", "The opening question.")
             + _subsilver2(502, "ada_example", "An answer to it.", quote="Topic Starter",
                           sig="My synthetic signature")
             + _subsilver2(503, "bea_sample", "Thanks, it works."))
    assert shape(r) == [("An answer to it.", 0, None, "ada_example"),
                        ("Thanks, it works.", 0, None, "bea_sample")]
    assert r.posts[0].comment_system == "phpbb"


def _xf1(pid: int, num: int, name: str, text: str) -> str:
    """XenForo 1 ``message`` template: li.message#post-ID[data-author], a.postNumber "#N"."""
    return (f'<li id="post-{pid}" class="message" data-author="{name}"><div class="messageUserInfo">'
            f'<a class="username">{name}</a></div><div class="messageInfo primaryContent">'
            f'<div class="messageContent"><article><blockquote class="messageText SelectQuoteContainer '
            f'ugc baseHtml">{text}</blockquote></article></div><div class="messageMeta ToggleTriggerAnchor">'
            f'<div class="privateControls"><span class="item muted"><a class="datePermalink">'
            f'<span class="DateTime" title="Mar 3, 2016 at 9:15 AM">Mar 3, 2016</span></a></span></div>'
            f'<div class="publicControls"><a class="item muted postNumber hashPermalink">#{num}</a></div>'
            f'</div></div></li>')


def test_xenforo1_later_page_first_message_is_a_reply_and_a_smiley_post_is_kept():
    smiley = '<img src="styles/default/xenforo/clear.png" class="mceSmilieSprite mceSmilie1" alt=":)">'
    body = ('<div class="PageNav"><span class="pageNavHeader">Page 5 of 9</span></div>'
            '<ol class="messageList" id="messageList">' + _xf1(901, 81, "ada_example", "On page five.")
            + _xf1(902, 82, "bea_sample", smiley) + _xf1(903, 83, "cy_person", "Another reply.") + "</ol>")
    r = get_reader("html").read(('<html data-template="thread_view"><body>' + body + "</body></html>").encode(),
                                SourceRef("x", "x.html"))
    assert shape(r) == [("On page five.", 0, None, "ada_example"), ("[image]", 0, None, "bea_sample"),
                        ("Another reply.", 0, None, "cy_person")]
    first = get_reader("html").read(('<html data-template="thread_view"><body><ol id="messageList">'
                                     + _xf1(801, 1, "ada_example", "The topic.")
                                     + _xf1(802, 2, "bea_sample", "A reply.") + "</ol></body></html>").encode(),
                                    SourceRef("y", "y.html"))
    assert shape(first) == [("A reply.", 0, None, "bea_sample")]
