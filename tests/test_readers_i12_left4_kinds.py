"""Leftovers of issue 12 after heldout43 (branch i12-left4), one table per kind, on synthetic pages
(invented names and words) built from the engines' own templates:

* an offline copy of one page of a forum topic whose pager states more pages ("Page 1 of 3",
  phpBB's PAGE_OF in its language packs, SMF's "Pages: [1] 2 3") warns with the pages and, where
  the pager states the topic's posts, the comments missing (issue 12 point 6);
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.engine import systems_off

_WORDS = ["Has anyone tried the new trail map on the north ridge this spring?",
          "Yes, the markers are clearer than last season and the bridge is fixed.",
          "The lower loop was muddy after the rain though, bring good boots.",
          "Good to know, I will bring other boots then and start a bit earlier."]
_NAMES = ["Ridgewalker", "mossy fern", "Tobin K", "lakeside42"]


def _prosilver(pager: str) -> str:
    """phpBB 3 prosilver's viewtopic_body: ``div.pagination`` above the posts, ``div.post#pN``."""
    posts = "".join(
        f'<div id="p{700 + i}" class="post bg{1 + i % 2}"><div class="inner"><div class="postbody">'
        f'<h3><a href="#p{700 + i}">Re: Trail map</a></h3>'
        f'<p class="author"><a href="./viewtopic.php?p={700 + i}#p{700 + i}">Post</a> by <strong>'
        f'<a href="./memberlist.php?mode=viewprofile&amp;u={30 + i}">{_NAMES[i]}</a></strong> '
        f'» Tue Jul 2{i}, 2019 4:0{i} pm</p><div class="content">{_WORDS[i]}</div></div>'
        f'<dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u={30 + i}">'
        f'{_NAMES[i]}</a></dt><dd><strong>Posts:</strong> {10 + i}</dd></dl></div></div>'
        for i in range(4))
    return (f'<h2><a href="./viewtopic.php?t=60">Trail map</a></h2>'
            f'<div class="topic-actions"><div class="pagination">{pager}</div></div>{posts}')


def _pages_warning(r) -> str:
    return " ".join(i.message for i in r.issues if i.code == "comment_pages_missing")


@pytest.mark.parametrize("pager, pages_missing, comments_missing", [
    # phpBB 3.0 (en): TOTAL_POSTS, then PAGE_OF and the page links
    ('11 posts &bull; <a href="#" title="Click to jump to page…">Page <strong>1</strong> of '
     '<strong>3</strong></a> &bull; <span><strong>1</strong>, <a href="./viewtopic.php?t=60&amp;start=4">2</a>'
     '</span>', 2, 7),
    # the French language pack ("sur", "messages"), as an Absolution-style board prints it
    ('9 messages &bull; <a href="#">Page <strong>1</strong> sur <strong>2</strong></a> &bull; '
     '<span><strong>1</strong>, <a href="./viewtopic.php?t=60&amp;start=4">2</a></span>', 1, 5),
    # German, no post count: the pages alone
    ('<a href="#">Seite <strong>1</strong> von <strong>4</strong></a>', 3, None),
])
def test_offline_topic_copy_warns_the_pages_and_comments_missing(pager, pages_missing, comments_missing):
    r = read_page(_prosilver(pager))
    assert [s[0] for s in shape(r)] == _WORDS[1:]  # the opening post is the post
    said = _pages_warning(r)
    assert f"{pages_missing} page(s) of the topic are missing" in said
    if comments_missing is None:
        assert "comment(s) are missing" not in said
    else:
        assert f"{comments_missing} comment(s) are missing" in said


@pytest.mark.parametrize("pager", [
    "", "4 posts &bull; Page <strong>1</strong> of <strong>1</strong>",
])
def test_topic_on_one_page_says_nothing_of_pages(pager):
    r = read_page(_prosilver(pager))
    assert len(r.comments) == 3
    assert "comment_pages_missing" not in codes(r)


def test_topic_pager_read_whatever_the_reader():
    # the same copy read without phpBB's reader: the pager is the topic's, not the reader's
    with systems_off(frozenset({"phpbb"})):
        r = read_page(_prosilver('11 posts &bull; Page <strong>1</strong> of <strong>3</strong>'))
    assert "2 page(s) of the topic are missing" in _pages_warning(r)


@pytest.mark.parametrize("pager, pages_missing", [
    # SMF 2 ``div.pagelinks`` and SMF 1.1 ``td.middletext``: "Pages: [1] 2 3"
    ('<div class="pagelinks floatleft">Pages: [<strong>1</strong>] <a class="navPages" '
     'href="index.php?topic=12.15">2</a> <a class="navPages" href="index.php?topic=12.30">3</a></div>', 2),
    ('<table><tr><td class="middletext">Pages: [<b>1</b>] <a class="navPages" '
     'href="index.php?topic=12.15">2</a></td></tr></table>', 1),
    # phpBB 2 subSilver: "Page <b>1</b> of <b>2</b>" in ``span.nav``
    ('<table><tr><td><span class="nav">Page <b>1</b> of <b>2</b></span></td></tr></table>', 1),
])
def test_other_engines_pagers(pager, pages_missing):
    body = _prosilver("").replace('<div class="topic-actions"><div class="pagination"></div></div>', pager)
    r = read_page(body)
    assert f"{pages_missing} page(s) of the topic are missing" in _pages_warning(r)


def test_blog_archive_pager_is_not_a_topic():
    # WP-PageNavi's "Page 1 of 12" pages a blog's list of posts, not a thread
    body = _prosilver("").replace('<div class="topic-actions"><div class="pagination"></div></div>',
                                  '<div class="wp-pagenavi"><span class="pages">Page 1 of 12</span></div>')
    r = read_page(body)
    assert "comment_pages_missing" not in codes(r)
