"""Metadata left in comment text by the fallbacks (issue 12, "no metadata in comment text"), one
test per kind, on synthetic pages and lines (invented names and words):

* a forum post's header printed inside the element the words are in (phpBB 3 prosilver's
  ``div.postbody``: the button list, the subject heading, the "by NAME » DATE" byline, then
  ``div.content``), read by ``forum-posts`` when phpBB's reader is left out;
* a reply's running number before its date on the last line ("#1.1 - DATE");
* a footer whose name went to the author field ("By , at 2:35 PM");
* Blogger's classic "At DATE, NAME said..." header, and "NAME pisze..." (Polish).
"""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

from therapy_threads.readers.comments.cleanup import clean_comment_text
from therapy_threads.readers.comments.engine import systems_off

_WORDS = ["Has anyone tried the new trail map on the north ridge this spring?",
          "Yes, the markers are clearer than last season and the bridge is fixed.",
          "The lower loop was muddy after the rain though, bring good boots.",
          "Good to know, I will bring other boots then and start a bit earlier."]
_NAMES = ["Ridgewalker", "mossy fern", "Tobin K", "lakeside42"]
_LABELS = {"en": ("Reply with quote", "by", "Re: Trail map"),
           "de": ("Zitat", "von", "Re: Wanderkarte")}


def _prosilver(lang: str, wrapped: bool) -> str:
    quote, by, subject = _LABELS[lang]
    posts = []
    for i in range(4):
        inner = (f'<h3><a href="#p{900 + i}">{subject}</a></h3>'
                 f'<ul class="post-buttons"><li><a href="./posting.php?mode=quote&amp;p={900 + i}" '
                 f'title="{quote}"><span>{quote}</span></a></li></ul>'
                 f'<p class="author"><a href="./viewtopic.php?p={900 + i}#p{900 + i}"><span>Post</span></a>'
                 f'{by} <strong><a href="./memberlist.php?mode=viewprofile&amp;u={40 + i}" class="username">'
                 f'{_NAMES[i]}</a></strong> » Tue Jul 2{i}, 2019 4:0{i} pm</p>'
                 f'<div class="content">{_WORDS[i]}</div>')
        if wrapped:
            inner = f'<div id="post_content{900 + i}">{inner}</div>'
        posts.append(
            f'<div id="p{900 + i}" class="post bg{1 + i % 2}"><div class="inner">'
            f'<dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u={40 + i}">'
            f'{_NAMES[i]}</a></dt><dd><strong>Posts:</strong> {10 + i}</dd></dl>'
            f'<div class="postbody">{inner}</div></div></div>')
    return '<div id="page-body"><h2>Trail map</h2>' + "".join(posts) + "</div>"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("wrapped", [False, True])
def test_forum_post_header_inside_the_words_goes_to_fields(lang, wrapped):
    with systems_off(frozenset({"phpbb"})) as seen:
        r = read_page(_prosilver(lang, wrapped), lang=lang)
    assert "forum-posts" in {k.split(":")[0] for k in seen}
    got = shape(r)
    # the first post is the topic; the three replies are the comments, words only
    assert [t for t, *_ in got] == _WORDS[1:]
    assert [a for *_, a in got] == _NAMES[1:]


def test_a_heading_above_the_words_without_a_byline_stays():
    """Without a dated byline the leading heading may be the poster's own title: kept."""
    posts = "".join(
        f'<div id="p{900 + i}" class="post"><dl class="postprofile"><dt>'
        f'<a href="./memberlist.php?mode=viewprofile&amp;u={40 + i}">{_NAMES[i]}</a></dt>'
        f'<dd class="date">Tue Jul 2{i}, 2019 4:0{i} pm</dd></dl>'
        f'<div class="postbody"><h3>My own title {i}</h3><div class="content">{_WORDS[i]}</div></div></div>'
        for i in range(4))
    with systems_off(frozenset({"phpbb"})):
        r = read_page(f"<div>{posts}</div>")
    assert [c.text.split("\n")[0] for c in r.comments] == [f"My own title {i}" for i in range(1, 4)]


@pytest.mark.parametrize("text, author, lang, expected", [
    # a reply's number and date on the last line (Newsvine's "#1.1 - DATE")
    ("Prices came down.\n\n#1.1 - Tue Jul 24, 2012 10:35 AM EDT", "Ann", "en", "Prices came down."),
    ("Prices came down.\n\n#12 | 3 March 2012", "Ann", "en", "Prices came down."),
    # the footer's name went to the author field
    ("Nice post.\n\nBy , at 2:35 PM", "Ann", "en", "Nice post."),
    ("Schöner Beitrag.\n\nvon , um 14:05", "Ann", "de", "Schöner Beitrag."),
    # Blogger's classic header, with a name that has a dash in it
    ("At 4/20/2005 08:13:14 AM, Vox P - Agent said...\nThe alliance holds.", "Vox P - Agent", "en",
     "The alliance holds."),
    ("batman pisze...\nDobry tester.", "batman", "pl", "Dobry tester."),
    # kept: the commenter's words
    ("I was there.\n\nBy the way, at 3:30 I left", "Ann", "en", "I was there.\n\nBy the way, at 3:30 I left"),
    ("At first, Anna said...\nnothing at all.", "Ann", "en", "At first, Anna said...\nnothing at all."),
    ("My list:\n\n#1 - the red one", "Ann", "en", "My list:\n\n#1 - the red one"),
])
def test_metadata_lines(text, author, lang, expected):
    assert clean_comment_text(text, author, languages=(lang,)) == expected


def _fluxbb_posts() -> str:
    """FluxBB-shaped posts: the header ``h2`` (number, date link), the poster's column
    ``div.postleft > dl`` (name, title, "Registered:", "Posts:") beside ``div.postright`` (subject,
    ``div.postmsg``), a foot with "Offline"."""
    posts = "".join(
        f'<div id="p{500 + i}" class="blockpost"><h2><span><span class="conr">#{i + 1}</span> '
        f'<a href="viewtopic.php?pid={500 + i}#p{500 + i}">2019-10-0{i + 1} 16:59:52</a></span></h2>'
        f'<div class="box"><div class="inbox"><div class="postbody"><div class="postleft"><dl>'
        f'<dt><strong>{_NAMES[i]}</strong></dt><dd class="usertitle"><strong>Member</strong></dd>'
        f'<dd><span>Registered: 2019-09-2{i}</span></dd><dd><span>Posts: {3 + i}</span></dd></dl></div>'
        f'<div class="postright"><div class="postmsg"><p>{_WORDS[i]}</p></div></div></div></div>'
        f'<div class="inbox"><div class="postfoot"><div class="postfootleft"><p><span>Offline</span></p>'
        f'</div></div></div></div></div>'
        for i in range(4))
    return f'<div id="brdmain"><h1>Trail map</h1><div class="posts">{posts}</div></div>'


def test_the_posters_column_is_not_in_the_words():
    with systems_off(frozenset({"fluxbb"})) as seen:
        r = read_page(_fluxbb_posts())
    assert "dated-blocks" in {k.split(":")[0] for k in seen}
    assert [c.text for c in r.comments] == _WORDS[1:]


def test_a_list_of_labelled_counts_in_the_words_is_a_column_only_beside_them():
    """A list without a "Label: number" item (the poster's own bullet list) stays in the words."""
    from therapy_threads.readers.comments.systems.dated_blocks import _KEY_NUMBER
    assert _KEY_NUMBER.match("Posts: 3") and _KEY_NUMBER.match("Registered: 2019-09-25")
    assert _KEY_NUMBER.match("Beiträge: 1.204") and not _KEY_NUMBER.match("bring boots")
    assert not _KEY_NUMBER.match("Tip: start early")
