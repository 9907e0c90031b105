"""MyBB 1.8 thread pages, synthetic markup after the default theme's ``postbit`` templates."""
from __future__ import annotations

import pytest
from pagekit import read_page, shape


def read(body: str, url: str | None = None):
    return read_page(body, before="<h1>A thread</h1>", url=url)


def _post(pid: int, num: int | None, name: str, text: str, quote: str = "",
          classic: bool = False, edited: bool = False) -> str:
    q = (f'<blockquote class="mycode_quote"><cite><span> (2024-02-24, 05:31 PM)</span>Someone Wrote: '
         f'<a href="post-{pid - 1}.html#pid{pid - 1}" class="quick_jump"></a></cite>{quote}</blockquote>'
         if quote else "")
    posturl = (f'<div class="float_right" style="vertical-align: top"><strong>'
               f'<a href="thread-7-post-{pid}.html#pid{pid}" title="A thread">#{num}</a></strong></div>'
               if num is not None else "")
    edit = ('<span class="edited_post">(This post was last modified: 2024-01-05, 03:27 AM by '
            f'<a href="user-1.html">{name}</a>.)</span>' if edited else "")
    return (f'<a name="pid{pid}" id="pid{pid}"></a>'
            f'<div class="post {"classic " if classic else ""}" style="" id="post_{pid}">'
            f'<div class="post_author"><div class="author_avatar"><a href="user-1.html"><img src="a.png" '
            f'alt=""></a></div><div class="author_information"><strong><span class="largetext">'
            f'<a href="user-{pid}.html">{name}</a></span></strong><br><span class="smalltext">Member'
            f'</span></div><div class="author_statistics"><div class="author_wrap"><span>Posts:</span> '
            f'<span>12</span></div><div class="author_wrap"><span>Joined:</span> <span>Mar 2019</span>'
            f'</div></div></div><div class="post_content"><div class="post_head">{posturl}'
            f'<span class="post_date">2024-02-23, 09:14 PM <span class="post_edit" id="edited_by_{pid}">'
            f'{edit}</span></span></div><div class="post_body scaleimages" id="pid_{pid}">{q}{text}</div>'
            f'<div class="signature scaleimages">A synthetic signature</div>'
            f'<div class="post_meta" id="post_meta_{pid}"></div></div><div class="post_controls">'
            f'<div class="postbit_buttons author_buttons float_left"><a href="search.php" '
            f'class="postbit_find"><span>Find</span></a></div><div class="postbit_buttons '
            f'post_management_buttons float_right"><a href="newreply.php?replyto={pid}" '
            f'class="postbit_quote"><span>Reply</span></a></div></div></div>')


CASES = [
    ("numbered, first is the thread",
     [(501, 1, "starter_x", "The thread's question.", ""), (502, 2, "ada_example", "An answer.", ""),
      (503, 3, "bea_sample", "Thanks for it.", "An answer.")], None,
     [("An answer.", 0, None, "ada_example"), ("Thanks for it.", 0, None, "bea_sample")]),
    ("second page: no post is the thread",
     [(511, 11, "ada_example", "More on it.", ""), (512, 12, "bea_sample", "Agreed.", "")], None,
     [("More on it.", 0, None, "ada_example"), ("Agreed.", 0, None, "bea_sample")]),
    ("a theme without numbers, first page",
     [(521, None, "starter_x", "The question.", ""), (522, None, "ada_example", "A reply.", "")],
     "https://forum.example.org/showthread.php?tid=7",
     [("A reply.", 0, None, "ada_example")]),
    ("a theme without numbers, later page",
     [(531, None, "ada_example", "A reply.", ""), (532, None, "bea_sample", "Another.", "")],
     "https://forum.example.org/showthread.php?tid=7&page=2",
     [("A reply.", 0, None, "ada_example"), ("Another.", 0, None, "bea_sample")]),
]


@pytest.mark.parametrize("label, posts, url, expected", CASES, ids=[c[0] for c in CASES])
def test_mybb_posts_are_flat_replies_without_quotes_signatures_or_edit_notices(label, posts, url,
                                                                              expected):
    body = '<div id="posts">' + "".join(
        _post(pid, num, name, text, quote, classic=i % 2 == 1, edited=i == 1)
        for i, (pid, num, name, text, quote) in enumerate(posts)) + "</div>"
    r = read(body, url=url)
    assert shape(r) == expected
    assert r.posts[0].comment_system == "mybb"
    assert "comment_markup_unread" not in [i.code for i in r.issues]
