"""Kinds first seen in heldout29, on synthetic pages.

* ModDB's comment list: every comment a ``div.row`` directly in ``div.table.tablecomments``, the
  row's id the comment's number, replies marked only by a class counting reply levels from the
  first reply (``reply1``, ``reply2``; the top level has none); the parent is the last earlier row
  one level up (as ModDB's public client ``ClementJ18/moddb`` reads it). The author is the
  ``a.author`` in the row's ``span.heading``, with the date and the member's comment count.
* The same kind of class on another flat list (``reply-1``): the level number is the depth.
"""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

from therapy_threads.readers.comments.base import depth_from_classes


def _row(cid: int, name: str, words: str, cls: str = "") -> str:
    slug = name.lower()
    return (f'<div id="{cid}" class="row {cls}"><div class="clearer"></div>'
            f'<div class="avatarholder"><a href="/members/{slug}" title="{name}" class="avatar">'
            f'<img src="/a.png" alt="{name}" width="50" height="50" /></a>'
            f'{"<span class=developer>Creator</span>" if "rowdeveloper" in cls else ""}</div>'
            f'<div class="content"><span class="heading"><a href="/members/{slug}" class="author" '
            f'data-nameid="{slug}">{name}</a> - <a href="#{cid}"><time datetime="2021-03-0{cid % 9 + 1}T10:00:00+00:00">'
            f'Mar {cid % 9 + 1} 2021</time></a> - 12 comments</span>'
            f'<div class="comment"><p>{words}</p></div>'
            f'<span class="actions" data-id="{cid}"><a href="#commentform" class="entericon" title="Reply">Reply</a> '
            f'<a href="/karma?good={cid}" class="karmagoodicon">Good karma</a>'
            f'<span class="karma" title="Karma">+3 votes</span></span></div>'
            '<div style="clear: both;"></div></div>')


def _moddb(rows: list[str]) -> str:
    return ('<div class="normalbox commentbox" id="comments"><div class="normalcorner"><div class="title">'
            '<span class="heading">Comments &nbsp;(0 - 10 of 40)</span></div></div>'
            '<div class="inner"><div class="body"><div class="table tablecomments">'
            + "".join(rows) + '</div></div></div></div>')


def test_moddb_rows_reply_levels_and_authors():
    r = read_page(_moddb([
        _row(11, "Quillon", "Does the old map still load in the new release?"),
        _row(12, "Varenka", "It does, after you rebuild the cache folder.", "rowdeveloper reply1"),
        _row(13, "Quillon", "Thanks, the rebuild worked on my machine.", "reply2"),
        _row(14, "Guest", "Same question here, where is that folder kept?", "rowguest rowspamorham reply2"),
        _row(15, "Ottilie", "The second map crashes at the loading screen.", "reply1"),
        _row(16, "Brannock", "Great work on the lighting in this version.")]))
    assert shape(r) == [
        ("Does the old map still load in the new release?", 0, None, "Quillon"),
        ("It does, after you rebuild the cache folder.", 1,
         "Does the old map still load in the new release?", "Varenka"),
        ("Thanks, the rebuild worked on my machine.", 2, "It does, after you rebuild the cache folder.", "Quillon"),
        ("Same question here, where is that folder kept?", 2,
         "It does, after you rebuild the cache folder.", "Guest"),
        ("The second map crashes at the loading screen.", 1,
         "Does the old map still load in the new release?", "Ottilie"),
        ("Great work on the lighting in this version.", 0, None, "Brannock"),
    ]
    assert r.posts[0].comment_system == "moddb"


def test_moddb_flat_rows_without_levels():
    r = read_page(_moddb([_row(21, "Quillon", "First words on this profile page."),
                          _row(22, "Varenka", "Second words on this profile page.")]))
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        ("First words on this profile page.", 0, None), ("Second words on this profile page.", 0, None)]


@pytest.mark.parametrize("classes, depth", [
    ({"row", "reply1"}, 1), ({"row", "reply2"}, 2), ({"comment", "reply-1"}, 1),
    ({"comment", "reply_level-3"}, 3), ({"depth-2", "reply1"}, 1),  # depth-N is read first
    ({"row"}, None), ({"reply"}, None), ({"reply0"}, None), ({"replybox"}, None),
])
def test_reply_level_classes(classes, depth):
    assert depth_from_classes(frozenset(classes)) == depth
