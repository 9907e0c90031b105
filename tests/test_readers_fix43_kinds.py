"""Kinds left open after i12-fix42, as small synthetic pages (invented users and words):

* Leave-system-out, a forum topic's opening post: a reader that knows no engine takes the first
  block for the topic's own post only on a second sign the engine prints itself - the post's place
  in an attribute (NodeBB ``data-index``, Discourse ``itemprop=position``, Flarum
  ``data-number``), a first-post mark (FluxBB ``firstpost``, Invision 5 ``data-ips-first-post``),
  or the page's schema.org posting holding the block's words (Invision 4, QAPage). The page's
  address alone is no sign (a theme may print the opening post apart: the first block is a reply).
"""
from __future__ import annotations

import json

import pytest
from pagekit import read_page, shape

from therapy_threads.readers.comments.engine import systems_off

# --------------------------------------------------------------------------- 1. opening posts

_WORDS = ["The question itself, asked at some length here.", "A first answer to the question.",
          "A second answer, with more detail.", "A third answer that closes it."]
_WHO = ["ada_example", "bea_sample", "cy_person", "dee_test"]


def _nodebb(first_index: int, n: int = 4) -> str:
    """NodeBB's topic list (``partials/topic/post.tpl``): ``li[component=post][data-index]``."""
    rows = []
    for i in range(n):
        idx = first_index + i
        rows.append(
            f'<li component="post" class="" data-index="{idx}" data-pid="{900 + idx}" data-uid="{10 + i}" '
            f'itemscope itemtype="http://schema.org/Comment"><a component="post/anchor" data-index="{idx}" '
            f'id="{idx + 1}"></a><div class="post-header"><a href="/user/{_WHO[i]}" data-username="{_WHO[i]}">'
            f'{_WHO[i]}</a> <a href="/post/{900 + idx}" class="permalink"><span class="timeago" '
            f'title="2024-05-0{i + 1}T10:00:00.000Z">May {i + 1}, 2024</span></a></div>'
            f'<div class="content" component="post/content" itemprop="text"><p>{_WORDS[i]}</p></div>'
            f'<div class="post-footer"><a component="post/reply" href="#">Reply</a></div></li>')
    return '<h1 component="post/header">A question</h1><ul component="topic" class="posts" data-tid="77">' \
        + "".join(rows) + "</ul>"


@pytest.mark.parametrize("first_index, expected", [
    (0, _WORDS[1:]),          # the topic's first page: data-index 0 is the topic's own post
    (20, _WORDS),             # a later page: every block is a reply
])
def test_without_nodebb_its_first_post_by_data_index(first_index, expected):
    with systems_off(frozenset({"nodebb"})):
        r = read_page(_nodebb(first_index))
    assert [t for t, _, _, _ in shape(r)] == expected


def _discourse_crawler(first: int, position: bool = True) -> str:
    """Discourse's crawler view (``topics/show.html.erb``): ``div#post_N.crawler-post`` with
    ``span[itemprop=position]``. The template marks itemprop=comment from the second post on,
    which keeps the first post out of the generic reader's blocks; here every post carries it, so
    that the first is one more block and only its position tells it apart."""
    posts = []
    for i in range(4):
        num = first + i
        prop = " itemprop='comment' itemscope itemtype='http://schema.org/Comment'"
        posts.append(
            f"<div id='post_{num}'{prop} class='topic-body crawler-post'><div class='crawler-post-meta'>"
            f"<span class='creator' itemprop='author'><a itemprop='url' href='/u/{_WHO[i]}'>"
            f"<span itemprop='name'>{_WHO[i]}</span></a></span><span class='crawler-post-infos'>"
            f"<time datetime='2024-05-0{i + 1}T10:00:00Z' class='post-time'>May {i + 1}, 2024</time>"
            + (f"<span itemprop='position'>{num}</span>" if position else "") + "</span></div>"
            f"<div class='post' itemprop='text'><p>{_WORDS[i]}</p></div></div>")
    return "<div id='main-outlet'><h1>A question</h1>" + "".join(posts) + "</div>"


@pytest.mark.parametrize("first, position, expected", [
    (1, True, _WORDS[1:]),
    (21, True, _WORDS),
    # ids "post_1", "post_2" alone: boards that number each page's posts so print them on a
    # later page too, whose first post is a reply
    (1, False, _WORDS),
])
def test_without_discourse_its_first_post_by_position(first, position, expected):
    with systems_off(frozenset({"discourse"})):
        r = read_page(_discourse_crawler(first, position))
    assert [t for t, _, _, _ in shape(r)] == expected


def _ips_post(cid: int, i: int, words: str, mark: str = "") -> str:
    """Invision 4's ``postContainer``: ``article#elComment_ID.cPost``."""
    return (f'<article id="elComment_{cid}" class="cPost ipsBox ipsComment ipsComment_parent ipsClearfix {mark}">'
            f'<aside class="cAuthorPane"><h3 class="ipsType_sectionHead cAuthorPane_author"><strong>'
            f'<a href="https://forum.example.com/profile/{cid}-{_WHO[i]}/" class="ipsType_break">{_WHO[i]}</a>'
            f'</strong></h3></aside><div id="comment-{cid}_wrap" data-commentid="{cid}" class="ipsColumn '
            f'ipsComment_content"><div class="ipsComment_meta ipsType_light"><a href="https://forum.example.com/'
            f'topic/29-q/?do=findComment&amp;comment={cid}"><time datetime="2023-05-0{i + 1}T10:00:00Z">May '
            f'{i + 1}, 2023</time></a></div><div class="cPost_contentWrap"><div data-role="commentContent" '
            f'class="ipsType_normal ipsType_richText ipsContained">{words}</div></div></div></article>')


def _ld(text: str) -> str:
    data = {"@context": "http://schema.org", "@type": "DiscussionForumPosting", "name": "A question",
            "headline": "A question", "text": text, "author": {"@type": "Person", "name": _WHO[0]}}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize("posts, expected", [
    # Invision 4's topic view: the posting's text is the first post's words
    ([(37, 0, f"<p>{_WORDS[0]}</p>"), (38, 1, f"<p>{_WORDS[1]}</p>"), (39, 2, f"<p>{_WORDS[2]}</p>")],
     _WORDS[1:3]),
    # the opening post printed apart (not a block): the first reply quotes it, and stays
    ([(38, 1, f'<blockquote class="ipsQuote"><p>{_WORDS[0]}</p></blockquote><p>{_WORDS[1]}</p>'),
      (39, 2, f"<p>{_WORDS[2]}</p>")], [_WORDS[1], _WORDS[2]]),
])
def test_without_invision_the_posting_in_structured_data_is_the_post(posts, expected):
    with systems_off(frozenset({"invision"})):
        r = read_page('<h1 class="ipsType_pageTitle">A question</h1><div data-role="commentFeed">'
                      + "".join(_ips_post(*p) for p in posts) + "</div>", head=_ld(_WORDS[0]))
    assert [t for t, _, _, _ in shape(r)] == expected


def _marked(mark_first: str, mark_all: str = "") -> str:
    posts = []
    for i in range(4):
        mark = mark_all + (" " + mark_first if i == 0 else "")
        posts.append(_ips_post(37 + i, i, f"<p>{_WORDS[i]}</p>", mark))
    return '<h1 class="ipsType_pageTitle">A question</h1><div data-role="commentFeed">' + "".join(posts) + "</div>"


@pytest.mark.parametrize("mark_first, mark_all, expected", [
    ("", "", _WORDS),                         # no sign: every block is a comment
    ("firstpost", "", _WORDS[1:]),            # FluxBB's viewtopic.php: div.blockpost.firstpost
    ("spFirstPost", "", _WORDS[1:]),          # SimplePress
    ("qa-topic-first-post", "", _WORDS[1:]),  # a board's own name for it
    ('" data-ips-first-post="', "", _WORDS[1:]),  # Invision 5's attribute
    ("thread-starter", "", _WORDS),           # a badge of the topic's author, on any of their posts
    ("axd_first-post", "", _WORDS),           # an ad slot named after the first post
    ("firstpost", "firstpost", _WORDS),       # every block so marked: no sign
])
def test_without_its_engine_a_first_post_mark(mark_first, mark_all, expected):
    with systems_off(frozenset({"invision"})):
        r = read_page(_marked(mark_first, mark_all))
    assert [t for t, _, _, _ in shape(r)] == expected


# --------------------------------------------------------------------------- 2. declared in a shell
# A page whose comments render in the browser states their number in what the server sends: a web
# component's attribute (new Reddit's shreddit-post), schema.org's commentCount or a CommentAction
# interactionStatistic in JSON-LD, a meta tag. Read as the declared count, it turns a silent zero
# into "states N, none could be read" with the guessed system.

def _ld_count(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


_ARTICLE = "<article><h1>A post</h1><p>The post's own words, long enough to be a body of text.</p></article>"


@pytest.mark.parametrize("head, body, declared, system", [
    ("", '<shreddit-post post-title="A post" comment-count="47" author="ada_example"></shreddit-post>'
         '<shreddit-post-overflow-menu comment-count="47"></shreddit-post-overflow-menu>' + _ARTICLE,
     47, "shreddit"),
    (_ld_count({"@context": "https://schema.org", "@type": "BlogPosting", "headline": "A post",
                "commentCount": 12}), _ARTICLE, 12, None),
    (_ld_count({"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "headline": "A post",
                "interactionStatistic": [{"@type": "InteractionCounter", "interactionType":
                                          "https://schema.org/CommentAction", "userInteractionCount": 9}]}]}),
     _ARTICLE, 9, None),
    ('<meta property="article:comment_count" content="5">', _ARTICLE, 5, None),
])
def test_a_count_declared_in_a_script_shell_is_no_silent_zero(head, body, declared, system):
    r = read_page(body, head=head)
    assert r.posts[0].declared_comment_count == declared
    warn = [i for i in r.issues if i.code == "comments_not_extracted"]
    assert warn and f"states {declared} comment(s)" in warn[0].message
    assert (f"comment system: {system}" in warn[0].message) is (system is not None)


@pytest.mark.parametrize("body", [
    # a listing: each teaser states its own count, none is this page's
    '<shreddit-post comment-count="3"></shreddit-post><shreddit-post comment-count="8"></shreddit-post>' + _ARTICLE,
    # a count of something else
    '<div data-like-count="12"></div>' + _ARTICLE,
    # a zero: the CMS's own count beside a service it does not know of
    _ld_count({"@context": "https://schema.org", "@type": "BlogPosting", "commentCount": 0}) + _ARTICLE,
])
def test_counts_that_disagree_or_are_not_of_comments_declare_nothing(body):
    r = read_page(body)
    assert r.posts[0].declared_comment_count is None
    assert "comments_not_extracted" not in [i.code for i in r.issues]


# --------------------------------------------------------------------------- 4. one bare-name rule
# A name printed as plain text beside the date on a signature line (Stack Exchange's deleted or
# unregistered commenter, a theme's "NAME <time>" header) is read by one rule for both shapes.

@pytest.mark.parametrize("text, name", [
    ("user3535137", "user3535137"),
    (" – Ada Example ", "Ada Example"),
    ("Reply", None),                          # a button's word
    ("3 hours ago", None),                    # a time left over
    ("this is what I think, really", None),   # a sentence, not a name
    ("one two three four", None),             # too many words for a name
    ("", None),
])
def test_bare_name(text, name):
    from therapy_threads.readers.comments.cleanup import bare_name
    assert bare_name(text, ("en",)) == name


@pytest.mark.parametrize("stated, warned", [(3, False), (2, False), (5, True)])
def test_a_forum_topics_stated_count_may_take_in_its_opening_post(stated, warned):
    # Invision 4 states the topic's posts (with the opening post) as its CommentAction count.
    data = {"@context": "http://schema.org", "@type": "DiscussionForumPosting", "headline": "A question",
            "text": _WORDS[0], "interactionStatistic": [
                {"@type": "InteractionCounter", "interactionType": "http://schema.org/CommentAction",
                 "userInteractionCount": stated}]}
    posts = "".join(_ips_post(37 + i, i, f"<p>{_WORDS[i]}</p>") for i in range(3))
    r = read_page('<h1 class="ipsType_pageTitle">A question</h1><div data-role="commentFeed">' + posts + "</div>",
                  head=_ld_count(data), url="https://forum.example.com/topic/29-q/")
    assert [t for t, _, _, _ in shape(r)] == _WORDS[1:3]
    assert ("fewer_comments_than_declared" in [i.code for i in r.issues]) is warned


# --------------------------------------------------------------------------- 3. SMF without its reader
# SMF prints its posts in alternate rows (``windowbg``/``windowbg2``, Display.template.php): one
# kind of block for the fallbacks, not two groups of every other post. A later page of the topic
# states the first post's offset after the topic's id (``?topic=ID.25``): its first post is a reply.

_SMF_WORDS = ["The topic's own first post, asking something.", "A first reply with an answer to it.",
              "A second reply that agrees with the first.", "A third reply adding a link or two.",
              "A fourth reply, the last one on the page."]


def _smf_post(i: int, offset: int) -> str:
    mid = 1000 + offset + i
    counter = offset + i
    when = f"May 0{i + 1}, 2024, 10:0{i}:00 am"
    head = f"<strong>Reply #{counter} on:</strong> {when}" if counter else f"<strong>on:</strong> {when}"
    return (f'<div class="{"windowbg" if i % 2 == 0 else "windowbg2"}"><span class="topslice"><span></span></span>'
            f'<div class="post_wrapper"><div class="poster"><h4><a href="https://forum.example.org/index.php?'
            f'action=profile;u={i + 5}" title="View the profile of {_WHO[i % 4]}">{_WHO[i % 4]}</a></h4>'
            f'<ul class="reset smalltext" id="msg_{mid}_extra_info"><li class="postgroup">Newbie</li>'
            f'<li class="postcount">Posts: {10 + i}</li></ul></div><div class="postarea"><div class="flow_hidden">'
            f'<div class="keyinfo"><h5 id="subject_{mid}"><a href="https://forum.example.org/index.php?topic=12.'
            f'msg{mid}#msg{mid}">Re: A topic</a></h5><div class="smalltext">&#171; {head} &#187;</div></div></div>'
            f'<div class="post"><div class="inner" id="msg_{mid}">{_SMF_WORDS[i]}</div></div></div></div>'
            f'<span class="botslice"><span></span></span></div>')


@pytest.mark.parametrize("offset, expected", [(0, _SMF_WORDS[1:]), (25, _SMF_WORDS)])
def test_without_smf_alternate_rows_are_one_kind_and_the_offset_says_the_page(offset, expected):
    body = '<div id="forumposts"><h3 class="catbg">Topic: A topic</h3><form action="#" method="post">' \
        + "".join(_smf_post(i, offset) for i in range(5)) + "</form></div>"
    with systems_off(frozenset({"smf"})):
        r = read_page(body, head=f'<link rel="canonical" href="https://forum.example.org/index.php?topic=12.{offset}">')
    assert [t for t, _, _, _ in shape(r)] == expected


# XenForo's reactions bar as plain text at the end of a post (a style or a copy without its
# ``reactionsBar`` markup): other members' names, not the poster's words.
@pytest.mark.parametrize("text, expected", [
    ("Thanks, that fixed it.\nReactions: ada_example, bea_sample and 3 others", "Thanks, that fixed it."),
    ("Thanks, that fixed it.\nReactions:\nada_example, bea_sample and 3 others", "Thanks, that fixed it."),
    ("Danke dir!\nReaktionen: ada_example und 2 weitere", "Danke dir!"),
    ("Thanks, that fixed it.\nLikes: ada_example, bea_sample", "Thanks, that fixed it."),
    # the poster's own words that look alike stay
    ("My reactions: shock, then relief.\nThat was all.", "My reactions: shock, then relief.\nThat was all."),
    ("I would like this and 2 others to come.", "I would like this and 2 others to come."),
])
def test_a_plain_reactions_line_at_the_end_is_not_text(text, expected):
    from therapy_threads.readers.comments.cleanup import clean_comment_text
    assert clean_comment_text(text, "cy_person", languages=("en",)) == expected
