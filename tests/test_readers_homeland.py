"""Homeland (Ruby China's forum engine) topics, synthetic markup after ``replies/_reply``."""
from __future__ import annotations

from pagekit import read_page, shape


def read(body: str):
    return read_page(body, lang="zh", before=('<div class="topic-detail"><h1>A topic</h1>'
                                            '<div class="markdown"><p>The topic text.</p></div></div>'))


def _reply(rid: int, floor: int, name: str, text: str, to: tuple[int, str, int] | None = None) -> str:
    block = (f'<div class="reply-to-block" data-reply-to-id="{to[0]}"><div class="info"> 对 '
             f'<a href="/topics/1/replies/{rid}/reply_to"><span class="user-name">{to[1]}</span> '
             f'<span class="reply-floor">#{to[2]}</span></a> 回复 </div></div>' if to else "")
    return (f'<div class="reply" data-id="{rid}" id="reply{floor}"><div id="reply-{rid}" '
            f'data-floor="{floor}"><div class="avatar"><a href="/{name}"><img src="a.png"></a></div>'
            f'<div class="infos"><div class="info"><span class="name"><a class="user-name" '
            f'href="/{name}">{name}</a></span><span class="sub-info"><span class="floor">#{floor}</span>'
            f'<a class="time" href="#reply-{rid}"><abbr class="timeago" title="2024年04月25日">1 月前'
            f'</abbr></a></span></div>{block}<div class="markdown"><p>{text}</p></div>'
            f'<div class="actions opts"><a class="btn-reply fa fa-reply" title="回复此楼" href="#"></a>'
            f'</div></div></div></div>')


def test_homeland_replies_answer_the_topic_or_the_reply_they_name():
    system_event = ('<div class="reply reply-system" data-id="700" id="reply9"><div id="reply-700">'
                    '<div class="infos">moved the topic</div></div></div>')
    r = read('<div id="replies"><div class="items">'
             + _reply(701, 1, "ada_example", "A first reply.")
             + _reply(702, 2, "bea_sample", "I agree.", to=(701, "ada_example", 1))
             + system_event
             + _reply(703, 3, "cy_person", "To a reply elsewhere.", to=(650, "di_example", 1))
             + "</div></div>")
    assert shape(r) == [("A first reply.", 0, None, "ada_example"),
                        ("I agree.", 1, "A first reply.", "bea_sample"),
                        ("To a reply elsewhere.", 0, None, "cy_person")]
    assert r.posts[0].comment_system == "homeland"
