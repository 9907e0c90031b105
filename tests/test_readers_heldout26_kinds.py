"""Kind first seen in heldout26, on a synthetic page: a WordPress theme callback that prints the
comment's id on Walker_Comment's ``<li>`` and comment_class() on an ``<article>`` inside it
(``li#comment-N > article.comment.depth-N.entry-comments`` with ``div.comment-content`` holding
``h3.comment-author``, ``div.comment-meta`` and ``div.comment-text``; the replies' ``ul.children``
after the article, inside the ``li``) — WP Royal's Ashe and the themes sharing its callback."""
from __future__ import annotations

from pagekit import codes, read_page, shape


def _comment(cid: int, depth: int, name: str, words: str, replies: str = "", *, extra: str = "",
             by_author: bool = False) -> str:
    cls = f"comment byuser{' bypostauthor' if by_author else ''} even depth-{depth} entry-comments"
    children = f'<ul class="children">{replies}</ul>' if replies else ""
    return (f'<li id="comment-{cid}"><article class="{cls}"><div class="comment-avatar">'
            f'<img alt="" src="https://avatar.example/{cid}.png" class="avatar avatar-75 photo"></div>'
            f'<div class="comment-content"><div style="display: flex;"><h3 class="comment-author">{name}</h3>'
            f'{extra}</div><div class="comment-meta"><a class="comment-date" '
            f'href=" https://blog.example.org/a-soup/#comment-{cid} ">March 3, 2024&nbsp;at&nbsp;9:{cid % 60:02d} am</a>'
            f'<a rel="nofollow" class="comment-reply-link" href="#comment-{cid}" data-commentid="{cid}">Reply</a>'
            f'<div class="clear-fix"></div></div><div class="comment-text">{words}</div></div>'
            f"</article>{children}</li>")


def _ping(cid: int) -> str:
    return (f'<li class="pingback" id="comment-{cid}"><article class="pingback even depth-1 entry-comments">'
            '<div class="comment-content"><h3 class="comment-author">Pingback:</h3><div class="comment-meta">'
            f'<a class="comment-date" href=" https://blog.example.org/a-soup/#comment-{cid} ">March 4, 2024</a>'
            '</div><div class="comment-text"><a href="https://other.example/">Soups of the week</a></div></div>'
            '</article></li>')


_PAGE = ('<article class="post"><h1>A soup</h1><p>The post itself, about a soup.</p></article>'
         '<div class="comments-area" id="comments"><h2 class="comment-title">5 Comments</h2>'
         '<ul class="commentslist">'
         + _comment(101, 1, "Ada Example", "<p>Can I freeze the soup?</p><p>Thanks</p>",
                    _comment(102, 2, "Cora Owner", "<div>Yes, for a month.</div>",
                             _comment(103, 3, "Ada Example", "<p>Thank you!</p>"),
                             extra='<div class="comment-author-title">cook</div>', by_author=True))
         + _comment(104, 1, "Bea Sample",
                    '<p class="awaiting-moderation">Your comment is awaiting moderation.</p><p>Lovely soup.</p>')
         + _ping(105)
         + "</ul></div>")


def test_comment_class_on_an_article_inside_the_id_li_is_one_comment():
    r = read_page(_PAGE)
    assert shape(r) == [
        ("Can I freeze the soup?\n\nThanks", 0, None, "Ada Example"),
        ("Yes, for a month.", 1, "Can I freeze the soup?\n\nThanks", "Cora Owner"),
        ("Thank you!", 2, "Yes, for a month.", "Ada Example"),
        ("Lovely soup.", 0, None, "Bea Sample"),
    ]
    assert [c.is_post_author for c in r.comments] == [False, True, False, False]
    assert all(c.published_local and c.published_local.startswith("2024-03-03") for c in r.comments)
    assert "comment_markup_unread" not in codes(r)
