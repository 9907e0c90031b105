"""Kinds first seen in heldout35, on synthetic pages (invented names and words).

* Staticman comments rendered into the page by a static-site generator, read from the themes'
  own templates on a page whose form posts to Staticman: Minimal Mistakes' flat
  ``article.js-comment``, Made Mistakes' ``div.js-comment.comment.child`` replies printed after
  their parent (``comment-3-1`` answers ``comment-3``) and its copies with ``article[uid]`` and
  "NAME," before the date, Beautiful Hugo's ``article.static-comment`` with
  ``a.comment-reply-target``, hugo-dusk's ``blockquote.comment`` with the name and a day-first
  date in its ``cite``.
* A Staticman page whose comments are not all read says so (one start tag per comment is
  counted from the page text); a page without Staticman's form is not taken for one.
* Twenty Eleven's bare ``li.post.pingback`` among the comments (no id, no depth-N; the Pelican
  comment system's WordPress imports print the same) is a ping: the stated count that includes
  it is met, and a real shortfall still warns.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

_FORM = ('<form class="js-form form" method="post" action="https://api.staticman.net/v2/entry/'
         'someone/site/main/comments"><input type="hidden" name="options[slug]" value="a-post">'
         '<textarea name="fields[message]"></textarea><input name="fields[name]" type="text">'
         '<button type="submit">Submit</button></form>')
_POST = "<article><h1>Kale soup</h1><p>A long enough post body about soups and winter vegetables.</p></article>"


def _minimal(i: int, name: str, iso: str, shown: str, words: str) -> str:
    return (f'<article id="comment{i}" class="js-comment comment"><div class="comment__avatar-wrapper">'
            f'<img class="comment__avatar" src="/g.png"></div><div class="comment__content-wrapper">'
            f'<h3 class="comment__author">{name}</h3><p class="comment__date"><a href="#comment{i}">'
            f'<time datetime="{iso}">{shown}</time></a></p><p>{words}</p></div></article>')


def test_minimal_mistakes_flat_comments():
    body = (_POST + '<div class="page__comments"><section id="static-comments"><div class="js-comments">'
            '<h4 class="page__comments-title">Comments</h4>'
            + _minimal(1, "Wren Hollis", "2019-02-03T10:15:00Z", "February 03, 2019 at 10:15 AM",
                       "Added smoked paprika, worked well.")
            + _minimal(2, "Amos Tey", "2019-03-09T18:40:00Z", "March 09, 2019 at 06:40 PM",
                       "Can the kale be frozen first?")
            + "</div>" + _FORM + "</section></div>")
    r = read_page(body)
    assert shape(r) == [("Added smoked paprika, worked well.", 0, None, "Wren Hollis"),
                        ("Can the kale be frozen first?", 0, None, "Amos Tey")]
    assert [c.published_at[:10] for c in r.comments] == ["2019-02-03", "2019-03-09"]
    assert codes(r) == []


def _made(cid: str, name: str, iso: str, words: str, child: bool) -> str:
    return (f'<div id="{cid}" class="js-comment comment {"child" if child else ""}">'
            f'<div class="comment__avatar"><img src="/g.png" alt=""></div><div class="comment__main">'
            f'<div class="comment__meta"><strong class="h-card">{name}</strong> on '
            f'<a href="#{cid}" title="Permalink to this comment"><time datetime="{iso}">'
            f'{iso[:10]}</time></a></div><div class="comment__message"><p>{words}</p></div>'
            + ("" if child else f'<div class="comment__reply"><a rel="nofollow" href="#{cid}">'
               f"Reply to {name}</a></div>") + "</div></div>")


def test_made_mistakes_replies_follow_their_parent():
    body = (_POST + '<section id="comments" class="page__comments js-comments"><h2 class="title">'
            "4 comments</h2>"
            + _made("comment-1", "Ines Park", "2018-05-01T09:00:00Z", "Is the stock homemade?", False)
            + _made("comment-1-1", "Bo Lund", "2018-05-01T10:00:00Z", "Yes, from roasted bones.", True)
            + _made("comment-2", "Tal Ruiz", "2018-05-02T09:00:00Z", "Lovely photos.", False)
            + _made("comment-2-1", "Bo Lund", "2018-05-02T11:00:00Z", "Thank you kindly.", True)
            + "</section>" + _FORM)
    r = read_page(body)
    assert shape(r) == [("Is the stock homemade?", 0, None, "Ines Park"),
                        ("Yes, from roasted bones.", 1, "Is the stock homemade?", "Bo Lund"),
                        ("Lovely photos.", 0, None, "Tal Ruiz"),
                        ("Thank you kindly.", 1, "Lovely photos.", "Bo Lund")]
    assert codes(r) == []


def _uid(uid: str, name: str, shown: str, words: str, child: bool) -> str:
    reply = ("" if child else f'<div class="comment__meta"><a rel="nofollow" class="comment__reply-link" '
             f"onclick=\"return addComment.moveForm('comment-{uid}', 'respond', 'p', '{uid}')\">"
             f"↪ Responder à {name}</a></div>")
    return (f'<article id="comment-{uid}" class="js-comment comment{" child" if child else ""}" uid="{uid}">'
            f'<div class="comment__author">{name},<span class="comment__date"><a href="#comment-{uid}" '
            f'title="Permalink to this comment">{shown}</a></span></div>'
            f'<div class="comment__body"><p>{words}</p></div>{reply}</article>')


def test_made_mistakes_copy_with_uids_and_name_comma():
    body = (_POST + '<section class="comments" id="comment-section"><div class="comments__existing">'
            "<h2>Comentários</h2>"
            + _uid("aa11-b2", "Lia", "March 4th, 2021 10:20", "Ficou ótimo com queijo.", False)
            + _uid("cc33-d4", "Rui Sá", "March 5th, 2021 08:00", "Obrigado, Lia!", True)
            + _uid("ee55-f6", "Caio", "March 1st, 2021 12:00", "Dá para assar antes?", False)
            + "</div>" + _FORM + "</section>")
    r = read_page(body, lang="pt")
    assert shape(r) == [("Ficou ótimo com queijo.", 0, None, "Lia"),
                        ("Obrigado, Lia!", 1, "Ficou ótimo com queijo.", "Rui Sá"),
                        ("Dá para assar antes?", 0, None, "Caio")]
    assert [c.published_local[:10] for c in r.comments] == ["2021-03-04", "2021-03-05", "2021-03-01"]


def _bh(cid: str, name: str, iso: str, words: str, target: tuple[str, str] | None = None) -> str:
    aim = (f"<a href='#{target[0]}' class='comment-reply-target' title='x'> <i class=\"fas fa-share\">"
           f"</i> {target[1]}</a>" if target else "")
    return (f'<article id="{cid}" class="static-comment{" static-comment-reply" if target else ""}">'
            f'<img class="comment-avatar" src="/g.png"><h4><span class="comment-author">{name}</span>'
            f'{aim}<span class="comment-timestamp"><a href="#{cid}" title="Permalink to this comment">'
            f'<time datetime="{iso}">{iso[:10]}</time></a></span></h4><div class="comment-content">'
            f'<p>{words}</p></div><div class="comment-reply-btn"><a class="btn reply-btn" '
            f'href="#comment-form">Reply</a></div></article>')


def test_beautiful_hugo_reply_names_its_target():
    body = (_POST + '<section class="js-comments staticman-comments"><h3>3 Comments</h3>'
            + _bh("comment-1", "Nell Oak", "2020-01-05T08:00:00Z", "Which oven setting?")
            + _bh("comment-1r1", "Site Owner", "2020-01-05T09:00:00Z", "Fan, 180 degrees.",
                  ("comment-1", "Nell Oak"))
            + _bh("comment-1r2", "Nell Oak", "2020-01-05T10:00:00Z", "Thanks, trying it tonight.",
                  ("comment-1r1", "Site Owner"))
            + _FORM.replace("js-form form", "js-form form' id='comment-form") + "</section>")
    r = read_page(body)
    assert shape(r) == [("Which oven setting?", 0, None, "Nell Oak"),
                        ("Fan, 180 degrees.", 1, "Which oven setting?", "Site Owner"),
                        ("Thanks, trying it tonight.", 2, "Fan, 180 degrees.", "Nell Oak")]


def _dusk(name: str, shown: str, message: str) -> str:
    return (f'<blockquote class="comment"><p>{message}</p><cite class="flex-container flex-row">'
            f'<img class="flex-item avatar" src="/g.png"><div class="flex-container flex-column">'
            f"<strong>{name}</strong><br>{shown}</div></cite></blockquote>")


def test_hugo_dusk_blockquote_comments_day_first():
    body = (_POST + '<h2 id="Comments">Comments</h2>'
            + _FORM.replace("api.staticman.net", "staticman.example.org")
            + '<div id="comment-submitted">Your comment has been submitted and is now pending moderation</div>'
            + _dusk("Site Owner", "03/07/2019",
                    "<p>Hi Jo,</p><p>It is optional.</p><blockquote><p>why the key?</p></blockquote>"
                    "<p>Cheers</p>")
            + _dusk("Jo Brandt", "20/06/2019", "Thanks, but why the key?")
            + _dusk("probe", "17/06/2019", "probe"))
    r = read_page(body, lang="en-CA")
    assert shape(r) == [("Hi Jo,\n\nIt is optional.\n\nCheers", 0, None, "Site Owner"),
                        ("Thanks, but why the key?", 0, None, "Jo Brandt"),
                        # a commenter who typed the same word as name and comment: still a comment
                        ("probe", 0, None, "probe")]
    # The theme's partial prints dateFormat "02/01/2006": day first, whatever the page's language.
    assert [c.published_local for c in r.comments] == ["2019-07-03", "2019-06-20", "2019-06-17"]
    assert "pending moderation" not in " ".join(c.text for c in r.comments)
    assert codes(r) == []


def test_staticman_comment_lost_is_said():
    # One of three comments carries no cite (the reader does not take it): the page's
    # templates print three, so fewer read is said, never silent.
    broken = '<blockquote class="comment"><p>An answer whose byline went missing.</p></blockquote>'
    body = (_POST + _FORM + _dusk("Ada Voss", "01/02/2020", "First one.") + broken
            + _dusk("Kit Moll", "02/02/2020", "Second one."))
    r = read_page(body)
    assert len(r.comments) == 2
    assert "comment_markup_unread" in codes(r)


def test_blockquote_comment_without_staticman_form_is_not_taken():
    # A quote styled "comment" in a post on a site with another form is not a Staticman comment.
    body = ("<article><h1>Reviews</h1><p>What readers wrote to us by mail this month, quoted.</p>"
            + _dusk("Ada Voss", "01/02/2020", "A kind letter.") + "</article>"
            + '<form action="/contact" method="post"><textarea name="msg"></textarea></form>')
    r = read_page(body)
    assert "staticman" not in (r.posts[0].comment_system or "")


def _wp(cid: int, name: str, words: str, replies: str = "") -> str:
    # Twenty Eleven's callback as the Pelican comment system's import prints it: unclosed li.
    return (f'<li class="comment depth-1" id="li-comment-{cid}"><article id="comment-{cid}" class="comment">'
            f'<footer class="comment-meta"><div class="comment-author vcard"><span class="fn">{name}</span>'
            f' on <a href="#comment-{cid}"><time datetime="2012-11-16T05:50:00+00:00">November 16, 2012'
            f'</time></a> <span class="says">said:</span></div></footer><div class="comment-content">'
            f"<p>{words}</p></div>{replies}</article>")


_PING = ("<li class=\"post pingback\"><p>Pingback: <a href='http://example.org/p' rel='external "
         "nofollow ugc' class='url'>A post that linked here | Example</a></p>")


def _twenty_eleven(stated: int, pings: int) -> str:
    return ('<div id="comments"><h2 id="comments-title">' + str(stated) + ' thoughts on &ldquo;'
            "<span>Release 1.3</span>&rdquo;</h2><ol class=\"commentlist\">"
            + _wp(1, "Cam", "Any news on the chat protocol?",
                  '<ul class="children">' + _wp(2, "dev", "It is in review.") + "</ul>")
            + _PING * pings
            + _wp(3, "Tim", "Looks nice.") + "</ol></div>")


def test_bare_pingbacks_count_toward_the_stated_number():
    r = read_page(_POST + _twenty_eleven(stated=5, pings=2))
    assert shape(r) == [("Any news on the chat protocol?", 0, None, "Cam"),
                        ("It is in review.", 1, "Any news on the chat protocol?", "dev"),
                        ("Looks nice.", 0, None, "Tim")]
    assert "fewer_comments_than_declared" not in codes(r)


def test_real_shortfall_beside_pingbacks_still_warns():
    # Seven stated, three comments and two pings shown: two are not on the page.
    r = read_page(_POST + _twenty_eleven(stated=7, pings=2))
    assert len(r.comments) == 3
    assert "fewer_comments_than_declared" in codes(r)
