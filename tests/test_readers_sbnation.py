"""SB Nation (Vox Media's 2008-2013 blog platform) comments, synthetic markup after the pages it
rendered: ``div.citem`` nested in its parent's ``div.citem``, subject, body, signature, byline."""
from __future__ import annotations

from pagekit import read_page, shape

from therapy_threads.readers.comments.base import NO_WORDS


def read(body: str):
    return read_page(f'<div class="comment_master_list" id="node_1_comments_list">{body}</div>',
                     before='<div class="entry-body"><p>The post text.</p></div>')


def _c(cid: int, name: str, subject: str, words: str, replies: str = "", up: int | None = None) -> str:
    up_link = (f'<a class="up_link" href="#" title="jump up to parent" onclick="SBN.Comments.'
               f"scrollTo('comment_item_{up}'); return false\">up</a>" if up else "")
    return (f'<a name="{cid}"></a><div class="citem" id="comment_item_{cid}">'
            f'<div id="comment_inner_{cid}" class="comment cpic not-new clearfix">'
            f'<a class="pic" href="/users/{name}"><img src="a.jpg"></a>'
            f'<h5 class="comment_title" id="comment_title_{cid}"><a href="#">{subject}</a></h5>'
            f'<div id="comment_body_{cid}" class="cbody">{words}'
            f'<div class="sig"><p>Go team! Follow @{name}_example</p></div></div>'
            f'<p class="by"> by <a href="/users/{name}">{name}</a> on <span class="time">'
            f'<a class="tz-convert" href="#{cid}">Aug 8, 2012 9:37 AM MST</a></span>{up_link}'
            f'<a href="#" class="reply_link" id="comment_reply_{cid}">reply</a>'
            f'<span class="cactions"><span class="tools"><a href="#">actions</a></span></span></p>'
            f'</div><div id="comment_form_container_{cid}"></div>{replies}</div>')


def test_sbnation_replies_nest_subject_and_signature_are_not_text():
    r = read(_c(11, "ada_example", "Nice", "<p>Great breakdown.</p>",
                _c(12, "bea_sample", "indeed!", "", _c(13, "cy_person", "Re", "<p>Agreed.</p>", up=12),
                   up=11))
             + _c(14, "di_example", "Second", "<p>Another view.</p>"))
    assert shape(r) == [("Great breakdown.", 0, None, "ada_example"),
                        (NO_WORDS, 1, "Great breakdown.", "bea_sample"),
                        ("Agreed.", 2, NO_WORDS, "cy_person"),
                        ("Another view.", 0, None, "di_example")]
    assert not any("Go team" in c.text or "MST" in c.text or c.text.startswith("Nice")
                   for c in r.comments)
    assert r.posts[0].comment_system == "sbnation"
