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
