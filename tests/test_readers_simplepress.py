"""Simple:Press topics, synthetic markup after its default theme's ``spTopicView`` template."""
from __future__ import annotations

import pytest
from pagekit import read_page, shape


def read(body: str):
    return read_page(body, before="<h1>A topic</h1>")


def _post(pid: int, num: int, name: str, text: str, quote: str = "") -> str:
    q = (f'<p><strong>someone said: </strong></p><blockquote><p>{quote}</p></blockquote>'
         if quote else "")
    return (f'<div class="spTopicPostSection spOdd spType-User spUserPost" id="post{pid}">'
            f'<a id="p{pid}"></a><div class="spUserSection spLeft">'
            f'<div id="spPostIndexUserDate{pid}" class="spPostUserDate spCenter">August 29, 2011<br>6:45 am'
            f'</div><div id="spPostIndexUserName{pid}" class="spPostUserName spCenter">{name}</div>'
            f'<div id="spPostIndexUserPosts{pid}" class="spPostUserPosts spCenter">Forum Posts: 12</div>'
            f'<div id="spPostIndexUserRegistered{pid}" class="spPostUserRegistered spCenter">Member '
            f'Since:<br> April 22, 2009</div></div><div class="spPostSection spRight">'
            f'<div class="spPostActionSection"><span id="spPostIndexNumber{pid}" '
            f'class="spLabelBordered spLeft">{num}</span><a class="spButton spLeft" '
            f'href="#p{pid}">Permalink</a></div><div class="spPostContentSection">'
            f'<div id="spPostIndexContent{pid}" class="spPostContent">{q}<p>{text}</p></div></div>'
            f'<div class="spPostSignature">A synthetic signature</div></div></div>')


CASES = [
    ("first page: post 1 is the topic",
     [(901, 1, "starter_x", "The topic's question."), (902, 2, "ada_example", "An answer."),
      (903, 3, "bea_sample", "Thanks for it.", "An answer.")],
     [("An answer.", 0, None, "ada_example"), ("Thanks for it.", 0, None, "bea_sample")]),
    ("a later page", [(931, 21, "ada_example", "More on it."), (932, 22, "bea_sample", "Agreed.")],
     [("More on it.", 0, None, "ada_example"), ("Agreed.", 0, None, "bea_sample")]),
]


@pytest.mark.parametrize("label, posts, expected", CASES, ids=[c[0] for c in CASES])
def test_simplepress_posts_are_flat_replies_without_the_quote_or_its_attribution(label, posts,
                                                                                 expected):
    r = read('<div id="spTopicView">' + "".join(_post(*p) for p in posts) + "</div>")
    assert shape(r) == expected
    assert r.posts[0].comment_system == "simplepress"
