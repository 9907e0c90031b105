"""Invision Community 4 topics, synthetic markup after the forums app's ``postContainer``."""
from __future__ import annotations

import pytest
from pagekit import read_page, shape


def read(body: str, url: str | None = None):
    return read_page(body, before="<h1>A topic</h1>", url=url)


def _post(cid: int, name: str, text: str, quote: str = "", edited: bool = False,
          spoiler: str = "") -> str:
    author = (f'<h3 class="ipsType_sectionHead cAuthorPane_author"><a href="/profile/{cid}-x/" '
              f'title="Go to {name}\'s profile">{name}</a></h3>')
    q = (f'<blockquote class="ipsQuote" data-ipsquote="" data-ipsquote-contentcommentid="{cid - 1}" '
         f'data-ipsquote-username="someone"><div class="ipsQuote_citation">someone said:</div>'
         f'<div class="ipsQuote_contents"><p>{quote}</p></div></blockquote>' if quote else "")
    sp = (f'<div class="ipsSpoiler" data-ipsspoiler=""><div class="ipsSpoiler_header">'
          f'<span>Reveal hidden contents</span></div><div class="ipsSpoiler_contents">'
          f'<p>{spoiler}</p></div></div>' if spoiler else "")
    edit = (f'<span class="ipsType_reset ipsType_medium ipsType_light" data-excludequote=""><strong>'
            f'Edited <time datetime="2023-07-05T14:40:48Z">July 5, 2023</time> by {name}</strong>'
            f'</span>' if edited else "")
    return (f'<article id="elComment_{cid}" class="cPost ipsBox ipsComment ipsComment_parent">'
            f'<div class="cAuthorPane_mobile ipsResponsive_showPhone"><div class="cAuthorPane_content">'
            f'{author}<div class="ipsType_light ipsType_reset"><a href="?do=findComment&comment={cid}">'
            f'Posted <time datetime="2023-07-05T11:59:12Z">July 5, 2023</time></a></div></div></div>'
            f'<aside class="ipsComment_author cAuthorPane"><h3 class="ipsType_sectionHead '
            f'cAuthorPane_author"><strong><a href="/profile/{cid}-x/">{name}</a></strong></h3>'
            f'<ul class="cAuthorPane_info ipsList_reset"><li data-role="group">Members</li>'
            f'<li><span class="ipsRepBadge">661</span></li></ul></aside>'
            f'<div class="ipsColumn ipsColumn_fluid"><div id="comment-{cid}_wrap" data-commentid="{cid}" '
            f'class="ipsComment_content"><div class="ipsComment_meta ipsType_light"><div '
            f'class="ipsType_reset">Posted <time datetime="2023-07-05T11:59:12Z">July 5, 2023</time>'
            f'</div></div><div class="cPost_contentWrap"><div data-role="commentContent" '
            f'class="ipsType_normal ipsType_richText">{q}{sp}<p>{text}</p>{edit}</div></div>'
            f'<div class="ipsItemControls"><ul class="ipsComment_controls"><li>Quote</li></ul></div>'
            f'</div></div></article>')


CASES = [
    ("first page: the opening post is the topic", None,
     [(501, "starter_x", "The topic's question.", "", False, ""),
      (502, "ada_example", "An answer.", "", True, "The hidden part."),
      (503, "bea_sample", "Thanks for it.", "An answer.", False, "")],
     [("The hidden part.\n\nAn answer.", 0, None, "ada_example"),
      ("Thanks for it.", 0, None, "bea_sample")]),
    ("a later page: every post is a reply", "https://forum.example.org/topic/7-a-topic/page/2/",
     [(511, "ada_example", "More on it.", "", False, ""), (512, "bea_sample", "Agreed.", "", False, "")],
     [("More on it.", 0, None, "ada_example"), ("Agreed.", 0, None, "bea_sample")]),
]


@pytest.mark.parametrize("label, url, posts, expected", CASES, ids=[c[0] for c in CASES])
def test_invision_posts_are_flat_replies_without_panes_quotes_spoiler_buttons_or_edit_notes(
        label, url, posts, expected):
    r = read('<div data-role="commentFeed">' + "".join(_post(*p) for p in posts) + "</div>",
             url=url)
    assert shape(r) == expected
    assert r.posts[0].comment_system == "invision"
    assert "comment_markup_unread" not in [i.code for i in r.issues]
