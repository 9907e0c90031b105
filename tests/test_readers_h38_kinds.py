"""Kinds found on heldout38 (Drupal 6 forum topics read by the generic fallback), as small
synthetic pages (invented users and words):

* a forum topic whose theme prints the topic's node in the comment template (``div.node`` >
  ``div.comment`` > ``h3.title`` + ``.submitted`` + ``.content`` + forum.module's
  ``div.forum-topic-navigation``) above ``div#comments``: the first block is the post, not a
  comment;
* a flat forum read from its repeated blocks, the replies titled "Re: TOPIC" after the opening
  post: the opening post is the post;
* a topic read from its numbered posts, the first one's permalink to a post worded "#1" (NodeBB's
  ``/post/ID``, vBulletin's ``?p=ID#postID``): the topic (found in the leave-system-out reading
  of vBulletin, NodeBB and Invision pages);
* a board no reader knows read from its dated blocks (FluxBB left out): the poster's profile box
  ("Member", "Registered: DATE", "Posts: N") and the "#N" beside the date are the header, not
  the words (leave-system-out FluxBB and IPB 1.x pages read them into every post's text);
* not an opening post: a blog's first comment inside the comments region, a thread's first comment
  answered by "Re:" replies but not titled as the page, a topic's later page (its first block a
  reply "Re: TOPIC"), a later page of a numbered topic, Kaskus's replies numbered from "#1".
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape

TOPIC = "Pump keeps tripping"
HEAD = f"<title>{TOPIC} | Example Forum</title>"


def _block(subject: str, user: str, words: str, anchor: int | None = None) -> str:
    a = f'<a id="comment-{anchor}"></a>' if anchor else ""
    return (f'{a}<div class="comment"><h3 class="title">{subject}</h3>'
            f'<div class="submitted">Submitted by <a href="/user/{len(user)}" title="View user profile.">'
            f'{user}</a> on Tue, 07/10/2014 - 11:{anchor or 0:02d}.</div>'
            f'<div class="content"><p>{words}</p></div></div>')


NODE = (f'<div class="node"><div class="comment"><h3 class="title">{TOPIC}</h3>'
        f'<span class="submitted">Submitted by <a href="/user/9">ada_example</a> on Mon, 06/10/2014 - '
        f'09:12</span><div class="content"><p>The pump trips the breaker every morning since the '
        f'new controller went in.</p><div class="forum-topic-navigation clear-block">'
        f'<a href="/node/1" class="topic-previous" title="Go to previous forum topic">‹ Older topic</a>'
        f'</div></div></div></div>')


def test_drupal_forum_topic_node_in_the_comment_template_is_the_post():
    body = NODE + ('<div id="comments">'
                   + _block(f"Re: {TOPIC}", "bea_sample", "Check the start capacitor first.", 11)
                   + _block(f"Re: {TOPIC}", "ada_example", "Replaced it and it works now.", 12)
                   + "</div>")
    r = read_page(body, head=HEAD)
    assert shape(r) == [("Check the start capacitor first.", 0, None, "bea_sample"),
                        ("Replaced it and it works now.", 0, None, "ada_example")]
    assert "comment_markup_unread" not in codes(r)


def test_the_node_apart_is_the_post_even_when_replies_keep_their_own_subjects():
    # Drupal's default subject is the comment's first words: the node stands apart from
    # div#comments and is titled as the page.
    body = NODE + ('<div id="comments">'
                   + _block("Check the start", "bea_sample", "Check the start capacitor first.", 11)
                   + _block("Replaced it", "ada_example", "Replaced it and it works now.", 12)
                   + "</div>")
    assert [t for t, *_ in shape(read_page(body, head=HEAD))] == [
        "Check the start capacitor first.", "Replaced it and it works now."]


def _post(subject: str, user: str, words: str) -> str:
    return (f'<div class="comment-item"><h4 class="comment-title">{subject}</h4>'
            f'<span class="comment-author">{user}</span><span class="comment-date">2014-10-07</span>'
            f'<div class="comment-text">{words}</div></div>')


FLAT = [
    # a flat forum, one list: the opening post titled as the topic, the replies "Re: TOPIC"
    ([(TOPIC, "ada_example", "It trips the breaker every morning."),
      (f"Re: {TOPIC}", "bea_sample", "Check the start capacitor first."),
      (f"RE: {TOPIC}", "cy_person", "Mine did the same last winter.")],
     ["Check the start capacitor first.", "Mine did the same last winter."]),
    # German and Polish reply prefixes (SMF's response_prefix)
    ([(TOPIC, "ada_example", "It trips the breaker every morning."),
      (f"Aw: {TOPIC}", "bea_sample", "Check the start capacitor first."),
      (f"Odp: {TOPIC}", "cy_person", "Mine did the same last winter.")],
     ["Check the start capacitor first.", "Mine did the same last winter."]),
    # a later page of the topic: its first block is a reply
    ([(f"Re: {TOPIC}", "bea_sample", "Check the start capacitor first."),
      (f"Re: {TOPIC}", "cy_person", "Mine did the same last winter.")],
     ["Check the start capacitor first.", "Mine did the same last winter."]),
    # a thread's first comment answered by "Re:" replies, not titled as the page: a comment
    ([("Great write-up", "ada_example", "This saved me an afternoon."),
      ("Re: Great write-up", "bea_sample", "Same here, thanks."),
      ("Re: Great write-up", "cy_person", "Agreed.")],
     ["This saved me an afternoon.", "Same here, thanks.", "Agreed."]),
]


@pytest.mark.parametrize("posts,texts", FLAT)
def test_flat_forum_opening_post_titled_as_the_topic_and_answered_by_re(posts, texts):
    body = '<div class="thread">' + "".join(_post(*p) for p in posts) + "</div>"
    assert [t for t, *_ in shape(read_page(body, head=HEAD))] == texts


def test_a_blog_comment_titled_as_the_post_inside_the_comments_region_stays_a_comment():
    # The first comment repeats the post's title, but it sits in div#comments with the others
    # and no reply is titled after it.
    body = (f'<article><h1>{TOPIC}</h1><p>{"The post. " * 50}</p></article><div id="comments">'
            + _block(TOPIC, "ada_example", "Exactly what happened to mine.", 11)
            + _block("Capacitor", "bea_sample", "Check the start capacitor first.", 12)
            + "</div>")
    assert [t for t, *_ in shape(read_page(body, head=HEAD))] == [
        "Exactly what happened to mine.", "Check the start capacitor first."]


def _numbered(n: int, who: str, words: str, href: str) -> str:
    # A utility-class forum front end (no part named): the post's permalink states its place.
    return (f'<div><div class="w-full mb-1"><div class="flex px-4"><div class="text-xs"><div>{who}</div>'
            f'<time datetime="2024-05-13T0{n}:46:00Z">13-05-2024 0{n}:46</time></div><div class="flex">'
            f'<a href="{href.format(n)}">#{n}</a></div></div><div class="w-full px-4"><div>{words}</div>'
            f'</div><div class="flex"><div>Reply</div></div></div></div>')


NUMBERED = [
    # posts numbered from the topic's own (NodeBB's /post/ID, vBulletin's ?p=ID#postID): #1 is
    # the topic
    ("/post/7710{}", ["Check the start capacitor first.", "Mine did the same last winter."]),
    ("showthread.php?t=5&p=88{0}#post88{0}", ["Check the start capacitor first.",
                                              "Mine did the same last winter."]),
    # a later page of the topic (#4 to #6): every post a reply
    ("/post/7710{}", ["It trips the breaker every morning.",
                      "Check the start capacitor first.", "Mine did the same last winter."], 3),
    # Kaskus numbers the replies from #1 and prints the topic apart (``/show_post/ID``): no
    # engine numbering the topic itself links its posts so
    ("/show_post/66a{}c", ["It trips the breaker every morning.",
                           "Check the start capacitor first.", "Mine did the same last winter."]),
]


@pytest.mark.parametrize("href,texts,start", [row + (0,) if len(row) == 2 else row for row in NUMBERED])
def test_a_post_numbered_one_by_its_permalink_is_the_topic(href, texts, start):
    body = ('<div class="flex-col">'
            + _numbered(start + 1, "ada.x", "It trips the breaker every morning.", href)
            + _numbered(start + 2, "bea.y", "Check the start capacitor first.", href)
            + _numbered(start + 3, "cy.z", "Mine did the same last winter.", href) + "</div>")
    assert [t for t, *_ in shape(read_page(body, head=HEAD))] == texts


def _fluxbb(i: int, who: str, words: str) -> str:
    # FluxBB's viewtopic.php post as a guest sees it (no profile links): the poster's box
    # (``div.postleft`` > ``dl``) beside the subject and the words (``div.postright``).
    first = " firstpost" if i == 1 else ""
    return (f'<div id="p{900 + i}" class="blockpost rowodd{first}"><h2><span><span class="conr">#{i}</span> '
            f'<a href="viewtopic.php?pid={900 + i}#p{900 + i}">2019-10-0{i} 16:59:52</a></span></h2>'
            f'<div class="box"><div class="inbox"><div class="postbody"><div class="postleft"><dl>'
            f'<dt><strong>{who}</strong></dt><dd class="usertitle"><strong>Member</strong></dd>'
            f'<dd><span>Registered: 2017-03-14</span></dd><dd><span>Posts: 2{i}</span></dd></dl></div>'
            f'<div class="postright"><h3>Re: {TOPIC}</h3><div class="postmsg"><p>{words}</p></div></div>'
            f'</div></div><div class="inbox"><div class="postfoot clearb"><div class="postfootleft">'
            f'<p><span>Offline</span></p></div></div></div></div></div>')


def test_a_posters_profile_box_is_not_the_words_of_a_board_no_reader_knows():
    from therapy_threads.readers.comments.engine import systems_off

    words = ["It trips the breaker every morning since the new controller went in.",
             "Check the start capacitor first.", "Thanks, will do.", "Mine did the same."]
    body = '<div id="brdmain">' + "".join(
        _fluxbb(i + 1, who, w) for i, (who, w) in enumerate(zip(["ada", "bea", "ada", "cy"], words))) + "</div>"
    with systems_off(frozenset({"fluxbb"})) as seen:
        r = read_page(body, head=HEAD)
    assert dict(seen) == {"dated-blocks": 3}
    texts = [c.text for c in r.comments]
    assert all("Registered" not in t and "Member" not in t and "Posts:" not in t for t in texts)
    assert [t.split("\n")[-1] for t in texts] == words[1:]
