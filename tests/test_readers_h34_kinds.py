"""Kinds first seen in heldout34, on synthetic pages (invented names and words).

* A WordPress theme callback that prints the commenter's name in an element with no role class
  (``<h7>NAME</h7>``, or ``<a href><strong>NAME</strong></a>`` with a website), the date in
  ``div.comment_date`` and core's reply link, whose ``data-replyto`` / ``aria-label`` is the
  translated "Reply to %s" with the name; replies in ``ul.children`` after the closed comment.
* An author must be a name on one line: a header element read flat (name, date, "Reply", words)
  is never taken as the author, so the author never holds the comment's words.
* A share bar's ``li.comment`` holding only a link to the comments page is not a comment.
* CanalBlog: ``ul#comment_list > li.comment > div.comment_item`` with the words and a footer
  "Posté par NAME, <abbr class=timeago title=ISO>DATE</abbr> | ...".
"""
from __future__ import annotations

from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.engine import _spans_lines
from therapy_threads.readers.html_text import parse_html


def _callback_comment(cid: int, name: str, words: str, *, site: str = "", label: str = "Reply to %s",
                      labelled: bool = True) -> str:
    who = (f'<a href="{site}"><strong style="float:left">{name}</strong></a>' if site
           else f"<h7>{name}</h7>")
    attrs = (f' data-replyto="{label % name}" aria-label="{label % name}"' if labelled else "")
    return (f'<div class="comment" id="comment-{cid}"><div class="gravatar"><img class="avatar" '
            f'src="/a.png"></div><div class="right">{who}'
            f'<div class="comment_date">{cid % 28 + 1} March 2016 at 10:{cid % 60:02d}</div>'
            f'<a rel="nofollow" class="comment-reply-link" href="#comment-{cid}"{attrs}>Reply</a>'
            f'<br class="clear"><p>{words}</p></div></div>')


def _callback_thread(label: str = "Reply to %s", labelled: bool = True) -> str:
    c = lambda *a, **k: _callback_comment(*a, label=label, labelled=labelled, **k)  # noqa: E731
    return ('<div class="comments_wrapper"><h2>4 comments</h2><div><a name="comments"></a>'
            + c(11, "Orla Finch", "The lavender rows look endless in the third photo.")
            + '<br class="clear"><hr><ul class="children">'
            + c(14, "quiltmaker", "They are, we walked for an hour and still saw more.") + "</ul>"
            + c(12, "Bertil Ask", "Which month did you go there?", site="http://example.org/")
            + '<br class="clear"><hr><ul class="children">'
            + c(15, "quiltmaker", "Early July, right before the harvest.") + "</ul>"
            + "</div></div>")


_CALLBACK_WANT = [
    ("The lavender rows look endless in the third photo.", 0, None, "Orla Finch"),
    ("They are, we walked for an hour and still saw more.", 1,
     "The lavender rows look endless in the third photo.", "quiltmaker"),
    ("Which month did you go there?", 0, None, "Bertil Ask"),
    ("Early July, right before the harvest.", 1, "Which month did you go there?", "quiltmaker"),
]


def test_theme_callback_name_is_read_from_the_reply_links_label():
    for label in ("Reply to %s", "Odpowiedz użytkownikowi %s", "%s への返信"):
        r = read_page(_callback_thread(label))
        assert shape(r) == _CALLBACK_WANT, label
        assert all(c.published_local and c.published_local.startswith("2016-03") for c in r.comments)


def test_author_is_never_a_header_run_into_the_words():
    # No label on the reply link (an older core): whatever is read, the author holds no words and
    # the words hold no date.
    r = read_page(_callback_thread(labelled=False))
    assert [c.text.split("\n")[-1] for c in r.comments] == [w[0] for w in _CALLBACK_WANT]
    for c in r.comments:
        name = c.identity.name if c.identity else ""
        assert name in ("", "Orla Finch", "quiltmaker", "Bertil Ask"), name
        assert "March" not in c.text


def test_spans_lines_takes_a_name_on_one_line_only():
    root = parse_html("<div id='x'><h7>Orla Finch</h7><div>2 March 2016</div><p>Nice words.</p>"
                      "</div><span id='y'>Orla <b>Finch</b></span>").root
    block, line = root.css_first("#x"), root.css_first("#y")
    assert _spans_lines(block, "Orla Finch 2 March 2016 Nice words.")
    assert not _spans_lines(block, "Orla Finch")
    assert not _spans_lines(line, "Orla Finch")


def test_share_bar_comment_button_is_no_comment():
    body = ("<article><h1>On remembering</h1><ul class='share'><li class='twitter'><a href='/t'>"
            "Tweet</a></li><li class='comment'><a href='//example.org/blog/remembering/comments'>"
            "<svg></svg><span>Comment</span></a></li></ul><p>The post's own words, long enough to be"
            " a post body about memory and how it returns.</p></article>"
            "<ul class='menu'><li class='comments'><a href='/blog/remembering/comments'>"
            "<span>Comment</span></a></li></ul>")
    assert read_page(body, lang="fr").comments == []


def _canal(cid: int, name: str, words: str, iso: str, shown: str, site: str = "") -> str:
    who = f'<a href="{site}">{name}</a>' if site else name
    return (f'<li class="comment guest level-1"><div class="comment_item" id="comment_{cid}" '
            f'data-cid="{cid}"><a id="c{cid}"></a><p><div class="pp-container"><img class="gravatar"'
            f' src="/g.png" /></div> {words}</p><div class="itemfooter">Posté par {who}, '
            f'<abbr class="timeago" title="{iso}">{shown}</abbr> | <span class="comment_rating" '
            f'data-commentid="{cid}"></span> | <span class="comment_reply"><a href="#" '
            f'class="reply_comment_lnk">Répondre</a></span></div></div></li>')


def test_canalblog_footer_byline_gives_name_and_date():
    body = ('<div class="blogbody"><p>Un billet.</p></div><ul id="comment_list" class="comment_thread '
            'level-1">'
            + _canal(901, "Mirabelle", "Merci pour ce billet sur les jardins partagés.",
                     "2019-04-02T10:15:00", "2 avril 2019 à 10:15")
            + _canal(902, "Atelier Vert", "Nous organisons aussi des ateliers, venez voir.",
                     "2019-05-11T18:40:12", "11 mai 2019 à 18:40", site="http://example.org/")
            + "</ul>")
    r = read_page(body, lang="fr")
    assert shape(r) == [
        ("Merci pour ce billet sur les jardins partagés.", 0, None, "Mirabelle"),
        ("Nous organisons aussi des ateliers, venez voir.", 0, None, "Atelier Vert"),
    ]
    assert [c.published_local for c in r.comments] == ["2019-04-02T10:15", "2019-05-11T18:40"]


def test_link_only_pingback_still_counts_as_a_ping():
    # A ping list of bare links is left out as pings (the stated count includes them), not
    # dropped as a share button: no "fewer than stated" warning.
    def li(cid: int, name: str, words: str) -> str:
        return (f'<li class="comment depth-1" id="comment-{cid}"><div class="comment-author vcard">'
                f'<cite class="fn">{name}</cite></div><div class="comment-content"><p>{words}</p></div></li>')
    body = ('<div id="comments"><h3>3 Comments</h3><ol class="commentlist">'
            + li(31, "Hedda Vine", "The second recipe worked well for us.")
            + li(32, "Tobin Marsh", "Could the flour be swapped for oat flour?")
            + '</ol><h3>Pingbacks</h3><ol class="pingback_list"><li class="post pingback">'
              "<a href='http://example.org/post' rel='external nofollow' class='url'>A linking post | "
              "Example Blog</a></li></ol></div>")
    r = read_page(body)
    assert [c.text for c in r.comments] == ["The second recipe worked well for us.",
                                            "Could the flour be swapped for oat flour?"]
    assert "fewer_comments_than_declared" not in codes(r)
