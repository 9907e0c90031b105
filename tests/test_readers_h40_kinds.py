"""Kinds found on heldout40, as small synthetic pages (invented users and words):

* a XenForo 2 thread whose style prints advertising units in the message frame between posts
  (``article.message--post`` holding a banner, without the ``data-content="post-{id}"`` and
  ``id="js-post-{id}"`` that ``post_macros`` gives every post): not a post;
* a forum archive read from its dated blocks (a static page rendered from a NodeBB database:
  ``article#post-N`` > ``div.info`` (``div.author``, ``div.timestamp``) + ``div.content``) whose
  one-line replies ("Warmages") are shorter than the 40 characters a block needs to be found from
  its date alone: still posts of the thread, found beside the long ones.
"""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

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


def _archived(pid: int, name: str, when: str, words: str) -> str:
    return (f'<article id="post-{pid}" class="roboto"><div class="info"><div class="author">{name}</div>'
            f'<div class="timestamp">{when}</div></div><div class="content"><p>{words}</p></div></article>')


_LONG = [("Vishra", "Has anyone tried the new trail map on the north ridge this spring?"),
         ("HJFudge", "Yes, the markers are clearer than last season and the bridge is fixed."),
         ("Kaight", "The lower loop was muddy after the rain though, bring good boots.")]


def _archive(*extra: tuple[int, str]) -> str:
    """The topic, three long replies, and ``extra`` blocks put in at the given place."""
    blocks = [_archived(10, "Erous", "Tuesday, September 12th, 2017, 10:18:40 PM",
                        "A long opening post about flares and what they do to a war griffin's hide.")]
    for i, (who, words) in enumerate(_LONG):
        blocks.append(_archived(11 + i, who, f"Tuesday, September 12th, 2017, 10:2{i}:46 PM", words))
    for at, block in sorted(extra, reverse=True):
        blocks.insert(at, block)
    return '<header class="pf"><h1>Fun with flares</h1></header>' + "".join(blocks)


@pytest.mark.parametrize("extra, expected", [
    # a one-line reply and a short one are posts like the long ones beside them
    ([(2, _archived(20, "Sabotage", "Tuesday, September 12th, 2017, 10:30:11 PM", "Warmages")),
      (4, _archived(21, "Vishra", "Thursday, November 2nd, 2017, 11:28:29 AM", "impure coraesine is magic"))],
     [_LONG[0][1], "Warmages", _LONG[1][1], _LONG[2][1], "impure coraesine is magic"]),
    # a block of the kind that shows no date where the posts do (a notice) is no post
    ([(2, '<article class="roboto"><div class="info"><div class="author">Moderator</div>'
          '<div class="timestamp">pinned</div></div><div class="content"><p>Be kind.</p></div></article>')],
     [w for _, w in _LONG]),
    # nor is a block of only a name, a date and a button
    ([(2, _archived(22, "Goat", "Tuesday, September 12th, 2017, 10:31:00 PM", "")),
      (3, _archived(23, "Goat", "Tuesday, September 12th, 2017, 10:32:00 PM", "Reply"))],
     [w for _, w in _LONG]),
])
def test_a_short_post_beside_long_ones_of_its_kind_is_a_post(extra, expected):
    r = read_page(_archive(*extra))
    assert [c.text for c in r.comments] == expected
