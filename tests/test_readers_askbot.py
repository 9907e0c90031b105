"""Askbot question pages, typed comment lists and "comments elsewhere": page -> expected tree.

The Askbot markup follows ``ASKBOT/askbot-devel``'s templates (``question/answer_card.html``, the
``post_comments_widget``/``post_comments`` and ``comment_widget`` macros of 0.7-0.10 and 0.11+);
all names, words and dates are invented.
"""
from __future__ import annotations

from pagekit import shape
from test_readers_comment_systems import read

from therapy_threads.readers.comments.markup_guess import guess_systems


def _old_comment(cid, who, words, when="2015-03-02 10:11:12 -0600"):
    return (f'<div id="post-id-{cid}" class="comment js-comment" data-comment-id="{cid}">'
            f'<div class="comment-votes"><div id="comment-img-upvote-{cid}" class="upvote js-score">2</div>'
            f"<script>askbot['functions']['renderPostVoteButtons']('comment', '{cid}');</script></div>"
            f'<div class="comment-content"><div id="post-{cid}-delete" class="comment-delete">'
            f'<span class="js-delete-icon" title="delete this comment"></span></div>'
            f'<div class="comment-body"><p>{words}</p></div><div class="comment-controls">'
            f'<a class="js-avatar-box" href="/users/1/{who}/"><img class="js-avatar gravatar" alt="{who}"></a>'
            f'<a class="author" href="/users/1/{who}/">{who}</a><span class="age">&nbsp;(<abbr class="timeago" '
            f'title="{when}">{when}</abbr>)</span><a id="post-{cid}-edit" class="js-edit">edit</a>'
            f'<form class="convert-comment"><input type="submit" value="convert to answer"></form></div></div></div>')


def _old_comments(kind, pid, comments, more=False):
    return (f'<h2 class="comment-title">Comments</h2><div class="clean"></div>'
            f'<div class="comments{"" if comments else " empty"} ordering-forward" '
            f'data-parent-post-type="{kind}" data-parent-post-id="{pid}"><div class="content">{comments}</div>'
            f'<div class="controls"><a class="js-open-editor-btn">add a comment</a>'
            + ('<a class="js-load-comments-btn">see more comments</a>' if more else "") + "</div></div>")


def _old_info(who, when, verb="answered"):
    if who is None:  # a community-wiki post: the wiki badge where the user card goes
        return (f'<div class="post-update-info"><p>{verb} <strong><abbr class="timeago" title="{when}">'
                f'{when}</abbr></strong></p><img src="/m/images/wiki.png" alt="this post is marked as '
                f'community wiki"><p class="tip">This post is a wiki. Anyone with karma &gt;75 is welcome '
                f'to improve it.</p></div>')
    return (f'<div class="post-update-info"><p><a href="/answers/1/revisions/">{verb} <strong><abbr '
            f'class="timeago" title="{when}">{when}</abbr></strong></a></p><div class="user-card">'
            f'<a class="js-avatar-box" href="/users/2/{who}/"><img class="js-avatar gravatar" alt=""></a>'
            f'<div class="user-info"><a href="/users/2/{who}/">{who}</a><br><span class="reputation-score">'
            f'655</span><span class="badges"><span class="badge1">&#9679;</span><span class="badgecount">2'
            f'</span></span></div></div></div>')


def _old_answer(aid, who, words, comments="", editor=None):
    info = _old_info(who, "2015-03-01 09:00:00 -0600")
    if editor:
        info += _old_info(editor, "2015-03-04 12:00:00 -0600", verb="updated")
    return (f'<a name="{aid}"></a><div id="post-id-{aid}" data-post-id="{aid}" class="post answer">'
            f'<div class="vote-buttons"><div id="answer-vote-number-{aid}" class="vote-number">14</div></div>'
            f'<div class="post-content"><div class="post-body"><div class="post-update-info-container">'
            f'{info}</div><p>{words}</p></div><div class="answer-controls post-controls"><span class='
            f'"action-link"><a class="question-edit js-edit">edit</a></span><span class="action-link">'
            f'<a class="question-flag">flag offensive</a></span></div>'
            f'{_old_comments("answer", aid, comments)}</div><div class="clean"></div></div>')


def test_askbot_old_markup_question_comments_answers_and_their_comments():
    page = ('<div id="ContentLeft"><div class="post js-question" data-post-id="10">'
            '<div class="vote-buttons"><div class="vote-number">3</div></div>'
            '<div id="post-id-10" class="post-content"><div class="post-body"><div class="post-update-info-container">'
            + _old_info("quinn_ex", "2015-02-28 08:00:00 -0600", verb="asked")
            + '</div><p>How do regions share one identity service?</p></div>'
            + _old_comments("question", 10, _old_comment(11, "rowan_ex", "Which release do you run?"), more=True)
            + '</div></div><div class="tabBar"><h2 id="questionCount">2 answers</h2></div>'
            + _old_answer(20, "sasha_ex", "Point every region at the same endpoint table.",
                          _old_comment(21, "quinn_ex", "That worked here, thank you.")
                          + _old_comment(22, "tove_ex", "Does the dashboard follow?"), editor="uma_ex")
            + _old_answer(30, None, "A wiki answer gathering the community's notes.")
            + '</div><div class="js-templates">' + _old_comment(0, "", "") + '</div>')
    r = read(page)
    assert shape(r) == [
        ("Which release do you run?", 0, None, "rowan_ex"),
        ("Point every region at the same endpoint table.", 0, None, "sasha_ex"),
        ("That worked here, thank you.", 1, "Point every region at the same endpoint table.", "quinn_ex"),
        ("Does the dashboard follow?", 1, "Point every region at the same endpoint table.", "tove_ex"),
        ("A wiki answer gathering the community's notes.", 0, None, None)]
    assert {str(c.published_local)[:10] for c in r.comments} == {"2015-03-01", "2015-03-02"}
    # the guess behind "no silent zero" names the system and counts answers and comments, not
    # the script's hidden copy
    assert guess_systems(page) == [("askbot", 5)]


def test_askbot_jinja2_markup_js_post_and_js_comment():
    def comment(cid, who, words):
        return (f'<div id="js-post-{cid}" class="js-comment" data-post-id="{cid}"><div class="comment-votes">'
                f'<div id="js-post-upvote-btn-{cid}" class="js-post-upvote-btn js-score"></div></div>'
                f'<div class="js-comment-content"><div class="js-comment-body"><p>{words}</p></div>'
                f'<div class="js-comment-controls"><a class="js-avatar-box"><img class="js-avatar gravatar"></a>'
                f'<a class="js-comment-author" href="/users/3/{who}/">{who}</a><span class="comment-age">'
                f'(<abbr class="js-timeago" title="2021-06-07 10:00:00 +0000">2021-06-07 10:00:00 +0000</abbr>)'
                f'</span><span class="action-link js-comment-edit-btn js-edit">edit</span></div></div></div>')

    def comments(kind, pid, body):
        return (f'<div class="js-post-comments" data-parent-post-id="{pid}" data-parent-post-type="{kind}">'
                f'<h2 class="js-comments-list-title">Comments</h2><div class="js-comments-list">{body}</div>'
                f'<div class="comments-list-controls"><span>add a comment</span></div></div>')

    def answer(aid, who, words, body=""):
        return (f'<a name="{aid}"></a><div id="js-post-{aid}" class="js-post js-answer" data-post-id="{aid}">'
                f'<div class="post-vote-controls"><div class="vote-number">1</div></div><div class="post-content">'
                f'<div class="post-body"><div class="js-editable" id="js-post-body-{aid}"><div '
                f'class="js-editable-content"><p>{words}</p></div><div class="js-editable-controls"></div></div></div>'
                f'<div class="js-editable-hide-post-body-{aid}"><div class="post-update-info-container">'
                f'<div class="post-update-info"><div class="post-update-info-avatar"><img class="gravatar"></div>'
                f'<div class="post-update-info-details"><div class="post-update-info-author-name"><a '
                f'class="user-name-link" href="/users/4/{who}/">{who}</a></div><div '
                f'class="post-update-info-revision-links">answered <abbr class="js-timeago" title="2021-06-06 '
                f'09:00:00 +0000">2021-06-06 09:00:00 +0000</abbr></div></div></div></div></div>'
                f'{comments("answer", aid, body)}</div></div>')
    r = read('<div id="js-post-5" class="js-post js-question" data-post-id="5"><div class="post-content">'
             '<div class="post-body"><div class="js-editable-content"><p>Why is the cache cold?</p></div></div>'
             + comments("question", 5, "") + '</div></div>'
             + answer(6, "vera_ex", "Warm it after each deploy.", comment(7, "wim_ex", "Good hint, it helps."))
             + answer(8, "xan_ex", "Or keep the old workers running."))
    assert shape(r) == [("Warm it after each deploy.", 0, None, "vera_ex"),
                        ("Good hint, it helps.", 1, "Warm it after each deploy.", "wim_ex"),
                        ("Or keep the old workers running.", 0, None, "xan_ex")]


def _typed(cid, who, words, replies=""):
    return (f'<li data-id="{cid}" itemscope itemtype="http://schema.org/Comment"><div class="buttons">'
            f'<a class="answer">Reply</a></div><section><hgroup><h5><a class="author" href="/u/{cid}">{who}</a>'
            f'</h5></hgroup><div class="datetime"><time datetime="2019-05-04" class="time">10:12 04.05.2019</time>'
            f'</div><div class="body" itemprop="text">{words}</div></section>{replies}</li>')


def test_user_comments_list_around_comment_items_is_the_list_not_a_comment():
    r = read('<section class="comments"><div class="comments-list main" itemscope '
             'itemtype="http://schema.org/UserComments"><div class="title-line"><h3>All comments</h3></div>'
             '<ul class="main">' + _typed("a1", "yara_ex", "The first reader's words here.")
             + _typed("a2", "zeno_ex", "A second reader writes something else.")
             + '</ul><a class="loadnew">Show new comments (<i class="total">0</i>)</a></div></section>')
    assert shape(r) == [("The first reader's words here.", 0, None, "yara_ex"),
                        ("A second reader writes something else.", 0, None, "zeno_ex")]


def test_user_comments_on_one_comment_still_nests_its_replies():
    def one(cid, who, words, replies=""):
        return (f'<article itemscope itemtype="http://schema.org/UserComments" id="comment-{cid}" '
                f'class="single-comment"><p class="comment-author">{who}</p><div class="comment-text">'
                f'<p>{words}</p></div>{replies}</article>')
    r = read('<div id="comments">' + one(1, "abe_ex", "A top comment with its words.",
                                         one(2, "bea_ex", "A reply printed inside it."))
             + one(3, "cal_ex", "Another top comment follows.") + '</div>')
    assert shape(r) == [("A top comment with its words.", 0, None, "abe_ex"),
                        ("A reply printed inside it.", 1, "A top comment with its words.", "bea_ex"),
                        ("Another top comment follows.", 0, None, "cal_ex")]


def test_comment_message_blocks_with_a_general_author_role_are_read():
    def block(who, words, age):
        return (f'<div class="comment_post_info_wrap left relative"><div class="post-info-out"><div '
                f'class="post-info-name"><span class="author-name vcard fn"><a href="/posts/{who}" '
                f'rel="author"><strong>{who}</strong></a></span><span>  0 likes  {age}</span></div></div>'
                f'<div class="comment_message">{words}</div><hr><div class="comment_action_bar">'
                f'<a href="/threads/9/#QuickReply">reply</a></div></div>')
    r = read('<div class="bridge_comments"><h3>Top Rated Comments</h3><div id="bridge-comments-7">'
             + block("dora_ex", "Words of the first forum reply.", "2 days ago")
             + block("eli_ex", "And a second forum reply below it.", "3 hours ago") + '</div></div>')
    assert shape(r) == [("Words of the first forum reply.", 0, None, "dora_ex"),
                        ("And a second forum reply below it.", 0, None, "eli_ex")]


def test_comments_elsewhere_names_the_guessed_system_and_the_counts():
    r = read('<div id="disqus_thread"></div><script>var disqus_shortname = "example";'
             '(function(){var d=document,s=d.createElement("script");s.src="https://example.disqus.com/embed.js";'
             '(d.head||d.body).appendChild(s);})();</script>')
    warned = [i for i in r.issues if i.code == "comments_elsewhere"]
    assert not r.comments and len(warned) == 1
    msg = warned[0].message
    assert "guessed comment system: disqus" in msg and "declared count: none stated" in msg \
        and "extracted: 0" in msg


def test_comments_elsewhere_also_names_comment_markup_left_unread():
    r = read('<div class="mentions"><div class="reply">A first mention of the post.</div>'
             '<div class="reply">A second mention of the post.</div></div>'
             '<div id="disqus_thread"></div><script src="https://example.disqus.com/embed.js"></script>')
    warned = [i.message for i in r.issues if i.code == "comments_elsewhere"]
    assert not r.comments and len(warned) == 1
    assert "comment-like markup that no reader understood (unknown (div.reply) (2))" in warned[0]
