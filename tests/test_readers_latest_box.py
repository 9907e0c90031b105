"""An article's own "latest comments" box versus a site-wide widget of other posts' comments.

News sites of the Pluck era (and their successors) print the article's newest comments in a box
beside the text, with the full thread behind a tab or on a comments page: each row a table row
with the commenter (``td#commentUser`` > ``div#comment-username``, an id the template repeats),
the time stamp and the words (``div.commentTimeStamp``, ``div.commentText``) and the row's
tools. A site-wide "recent comments" widget sits in a sidebar, or names for each comment the
post it is on (a link to ``/other-post/#comment-N``). Names and texts are synthetic.
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
