"""wpForo topics (flat layouts), synthetic markup after ``themes/*/layouts/{1,2}/post.php``."""
from __future__ import annotations

import pytest
from pagekit import read_page, shape


def read(body: str):
    return read_page(body, before="<h1>A topic</h1>")


def _post(pid: int, n: int, name: str, text: str, first: bool = False, quote: str = "",
          old_quote: bool = False) -> str:
    # wpForo 2 quotes carry data-postid; 1.x printed a bare blockquote opened by the author line.
    attrs = "" if old_quote else f' data-userid="3" data-postid="{pid - 1}" data-mention="someone"'
    q = (f'<blockquote{attrs}><div class="wpforo-post-quote-author"><strong> Posted by: @someone '
         f'</strong></div><p>{quote}</p></blockquote>' if quote else "")
    starter = ('<span class="wpf-post-starter"><i class="fas fa-feather-alt"></i> Topic starter '
               '</span>' if first else "")
    return (f'<div id="post-{pid}" data-postid="{pid}" data-userid="{pid % 7}" data-mention="{name}" '
            f'data-isowner="0" class="post-wrap wpfn-{n}{" wpfp-first" if first else ""}">'
            f'<div class="wpforo-post wpfcl-1"><div class="wpf-left"><div class="author-avatar">'
            f'<img class="avatar" src="a.png" alt="{name}"></div><div class="author-data">'
            f'<div class="author-name"><span><i class="fas fa-circle" title="Offline"></i></span>&nbsp;'
            f'<a href="/participant/{name}/" title="{name}">{name}</a></div>'
            f'<div class="wpf-author-nicename" title="You can mention a person">(@{name})</div>'
            f'<div class="author-title"><span class="wpf-member-title">Eminent Member</span></div>'
            f'<div class="author-joined">Joined: 4 months ago</div><div class="author-posts">Posts: 22'
            f'</div></div></div><div class="wpf-right"><div class="wpforo-post-content-top">{starter}'
            f'<span class="wpf-post-date">09/05/2024 5:51 am</span></div>'
            f'<div class="wpforo-post-content">{q}<p>{text}</p></div>'
            f'<div class="wpforo-post-signature">A synthetic signature</div></div>'
            f'<div class="bottom"><div class="reacted-users"></div><div class="bright">'
            f'<span class="wpforo-action-buttons-wrap"><span class="wpf-action">Reply</span>'
            f'<span class="wpf-action">Quote</span></span></div></div></div></div>')


CASES = [
    ("first page: the opening post is the topic",
     [(134, 1, "starter_x", "The topic's question.", True, ""),
      (135, 2, "ada_example", "An answer to it.", False, ""),
      (136, 3, "bea_sample", "Thanks for that.", False, "An answer to it.")],
     [("An answer to it.", 0, None, "ada_example"), ("Thanks for that.", 0, None, "bea_sample")]),
    ("a later page: every post is a reply, a 1.x quote",
     [(150, 1, "ada_example", "More on it.", False, ""),
      (151, 2, "bea_sample", "Agreed.", False, "More on it.", True)],
     [("More on it.", 0, None, "ada_example"), ("Agreed.", 0, None, "bea_sample")]),
]


@pytest.mark.parametrize("label, posts, expected", CASES, ids=[c[0] for c in CASES])
def test_wpforo_posts_are_flat_replies_without_member_panel_quotes_or_signature(label, posts,
                                                                               expected):
    r = read('<div class="wpforo-topic-loop">' + "".join(_post(*p) for p in posts) + "</div>")
    assert shape(r) == expected
    assert r.posts[0].comment_system == "wpforo"
    assert "comment_markup_unread" not in [i.code for i in r.issues]
