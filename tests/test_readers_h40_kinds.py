"""Kinds found on heldout40, as small synthetic pages (invented users and words):

* a XenForo 2 thread whose style prints advertising units in the message frame between posts
  (``article.message--post`` holding a banner, without the ``data-content="post-{id}"`` and
  ``id="js-post-{id}"`` that ``post_macros`` gives every post): not a post.
"""
from __future__ import annotations

import pytest
from pagekit import shape

from therapy_threads.readers import SourceRef, get_reader


def _xf_post(pid: int, name: str, text: str) -> str:
    return (f'<article class="message message--post js-post js-inlineModContainer" data-author="{name}" '
            f'data-content="post-{pid}" id="js-post-{pid}"><div class="message-inner">'
            f'<div class="message-cell message-cell--user"><h4 class="message-name">{name}</h4></div>'
            f'<div class="message-cell message-cell--main"><header class="message-attribution">'
            f'<time class="u-dt" datetime="2010-03-01T11:2{pid % 10}:00+0000">Mar 1, 2010</time></header>'
            f'<article class="message-body"><div class="bbWrapper">{text}</div></article></div></div></article>')


# A banner in the message frame, as a style's advertising unit prints it (no id, no author).
_AD = ('<article class="message message--post"><div class="message-inner"><div class="message-cell '
       'message-cell--main"><article class="message-body"><div class="bbWrapper"><div class="samItem">'
       '<a href="https://ads.example.net/x" rel="sponsored"><img src="b.webp" alt="Fast game servers"></a>'
       '</div></div></article></div></div></article>')


def _thread(*parts: str):
    html = ('<html data-template="thread_view"><body><div class="block--messages" data-type="post">'
            + "".join(parts) + "</div></body></html>")
    return get_reader("html").read(html.encode(), SourceRef("x", "x.html"))


@pytest.mark.parametrize("parts, expected", [
    # the advertising unit after the opening post is no reply
    ([_xf_post(1, "ada_example", "The topic."), _AD, _xf_post(2, "bea_sample", "A reply."),
      _xf_post(3, "cy_person", "Another reply.")],
     [("A reply.", 0, None, "bea_sample"), ("Another reply.", 0, None, "cy_person")]),
    # a capture that dropped every post's id: the messages are all read, as before
    ([p.replace(' data-content="post-', ' data-x="').replace(' id="js-post-', ' data-y="')
      for p in (_xf_post(1, "ada_example", "The topic."), _xf_post(2, "bea_sample", "A reply."),
                _xf_post(3, "cy_person", "Another reply."))],
     [("A reply.", 0, None, "bea_sample"), ("Another reply.", 0, None, "cy_person")]),
])
def test_a_xenforo_message_without_a_post_id_is_no_post(parts, expected):
    assert shape(_thread(*parts)) == expected
