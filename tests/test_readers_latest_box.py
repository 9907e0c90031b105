"""An article's own "latest comments" box versus a site-wide widget of other posts' comments.

News sites of the Pluck era (and their successors) print the article's newest comments in a box
beside the text, with the full thread behind a tab or on a comments page: each row a table row
with the commenter (``td#commentUser`` > ``div#comment-username``, an id the template repeats),
the time stamp and the words (``div.commentTimeStamp``, ``div.commentText``) and the row's
tools. A site-wide "recent comments" widget sits in a sidebar, or names for each comment the
post it is on (a link to ``/other-post/#comment-N``). Also two authors told by layout rather than
by a class: a header row of name and date cells (Gamasutra-era news sites, times with a zone
name), and a link to a person's tilde home page (Launchpad's ``/~login``). Names and texts are
synthetic.
"""
from __future__ import annotations

from therapy_threads.readers import SourceRef, get_reader


def read(body: str):
    html = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><div id="content">'
            '<div id="section-main"><div id="article-content"><div id="article"><h2>A budget story</h2>'
            '<div class="copy"><p>The article itself, long enough to be a body of text for the extractor '
            'to keep as the article, with a second sentence.</p></div></div>'
            '<div id="comments" class="tab"><h4>Join the discussion:</h4><div id="comment-container"></div></div>'
            f'{body}</div></div></div></body></html>')
    return get_reader("html").read(html.encode(), SourceRef("t", "t.html"))


def _row(name: str, when: str, words: str, link: str = "") -> str:
    return ('<tr><td id="commentUser"><img id="comment-avatar" src="a.png"><div id="comment-username">'
            f'<a href="/community/?userid=5550{len(name)}">{name}</a></div></td><td id="commentBody">'
            f'<div class="commentTimeStamp">{when}</div><div class="commentText">{words}{link}</div>'
            '<div class="commentActions"><a href="javascript:;" class="recommend">Recommend</a>'
            '<div class="commentRecommendCount">0</div><a href="javascript:;">Report Abuse</a></div></td></tr>')


def _box(rows: str, wrap: tuple[str, str] = ("", "")) -> str:
    return (f'{wrap[0]}<div id="latest-comments" class="relation"><h4>Latest Comments</h4>'
            f'<div id="latest-comments-container"><table><tbody>{rows}</tbody></table></div></div>{wrap[1]}')


_ROWS = (("Ada Example", "3/23/2010 2:39:43 PM", "Rather pointless, if nobody held these jobs anyway."),
         ("Bea Sample", "3/10/2010 9:23:01 AM", "A leaner budget by a hundred thousand, what a joke."))


def test_the_articles_own_latest_comments_box_is_read():
    r = read(_box("".join(_row(*x) for x in _ROWS)))
    assert [(c.text, c.identity.name if c.identity else None) for c in r.comments] == [
        (_ROWS[0][2], "Ada Example"), (_ROWS[1][2], "Bea Sample")]
    assert r.comments[0].published_local == "2010-03-23T14:39:43"


def test_the_same_box_in_a_sidebar_is_out_of_scope():
    r = read(_box("".join(_row(*x) for x in _ROWS), ('<aside class="sidebar">', "</aside>")))
    assert r.comments == [] and r.skipped == {"out_of_scope": 2}


def test_a_box_whose_comments_point_at_other_posts_is_out_of_scope():
    rows = "".join(_row(*x, link=f' <a href="/news/other-story-{i}/#comment-{i}">on Another story</a>')
                   for i, x in enumerate(_ROWS))
    r = read(_box(rows))
    assert r.comments == [] and r.skipped == {"out_of_scope": 2}


def test_a_header_row_of_name_and_date_cells_and_a_body_table_named_after_it():
    # Gamasutra-era markup: table#commentN (a row: the name cell, the date cell with the
    # permalink) followed by a table whose words carry the header's id (div#commentN_show).
    def pair(n, name, when, words):
        return (f'<table id="comment{n}"><tr><td colspan="2"><hr></td></tr><tr><td>{name}<br></td>'
                f'<td><div class="date_comment"><a href="#comment{n}">{when}</a></div></td></tr></table>'
                f'<table><tr><td><img alt="profile image" src="q.jpg"></td><td><div id="comment{n}_show" '
                f'class="single_comment">{words}</div></td></tr></table>')
    r = read('<div class="all_comments"><a name="comments">Comments</a>'
             + pair(5551, "Ada Example", "2 Aug 2012 at 12:47 pm PST", "How does this compare with a port?")
             + pair(5552, '<a href="/blogs/BeaSample/1/">Bea Sample</a>', "2 Aug 2012 at 4:53 pm PST",
                    "We shipped ours last year.")
             + "</div>")
    assert [(c.text, c.identity.name if c.identity else None, c.published_at) for c in r.comments] == [
        ("How does this compare with a port?", "Ada Example", "2012-08-02T20:47:00Z"),
        ("We shipped ours last year.", "Bea Sample", "2012-08-03T00:53:00Z")]


def test_a_tilde_home_page_link_names_the_commenter():
    # Launchpad's bug comments: "<a class="sprite person" href="https://launchpad.net/~login">
    # Display Name (login)</a> wrote <time>", schema.org UserComments, an activity table after.
    def c(login, name, words):
        return ('<div itemscope itemtype="http://schema.org/UserComments" class="boardComment">'
                f'<div class="boardCommentDetails"><table><tr><td><a href="https://bugs.example.org/~{login}" '
                f'class="sprite person">{name} ({login})</a> wrote <time itemprop="commentTime" '
                'datetime="2015-02-09T00:20:39+00:00">on 2015-02-09</time>:</td><td class="bug-comment-index">'
                f'<a itemprop="url" href="https://bugs.example.org/b/1/comments/1">#1</a></td></tr></table></div>'
                f'<div class="boardCommentBody"><div class="comment-text" itemprop="commentText"><p>{words}</p>'
                '</div></div><div class="boardCommentActivity"><table class="bug-activity"><tr><td>'
                '<b>status</b>:</td><td>New &rarr; Confirmed</td></tr></table></div></div>')
    r = read(c("ada-example", "Ada Example", "Still seen in the newer release.")
             + c("janitor", "Bug Janitor", "Status changed because the bug affects several users."))
    assert [c.identity.name if c.identity else None for c in r.comments] == [
        "Ada Example (ada-example)", "Bug Janitor (janitor)"]
