"""Leftovers of issue 12 after heldout43 (branch i12-left4), one table per kind, on synthetic pages
(invented names and words) built from the engines' own templates:

* an offline copy of one page of a forum topic whose pager states more pages ("Page 1 of 3",
  phpBB's PAGE_OF in its language packs, SMF's "Pages: [1] 2 3") warns with the pages and, where
  the pager states the topic's posts, the comments missing (issue 12 point 6);
* Discourse's own notices (its built-in ``system`` user's posts) are not comments,
  also when Discourse's reader is left out;
* bylines in other languages leave the commenter's name alone in the author field: Drupal's
  "Submitted by !username on !datetime" as its translations print it, with "(not verified)"
  translated, and the Chinese, Russian, French and Portuguese byline shapes, in the one place that
  cleans names (``cleanup.clean_author``).
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.cleanup import clean_author
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


# --------------------------------------------------------------------------- Discourse notices

def _crawler_post(n: int, user: str, words: str, label: str = "") -> str:
    """One post of Discourse's crawler view (``topics/show.html.erb``, crawler layout)."""
    return (f'<div id="post_{n}" itemprop="comment" itemscope itemtype="http://schema.org/Comment" '
            f'class="topic-body crawler-post"><div class="crawler-post-meta">'
            f'<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
            f'<a itemprop="url" rel="nofollow" href="https://forum.example.org/u/{user}">'
            f'<span itemprop="name">{user}</span></a> {label}</span>'
            f'<span class="crawler-post-infos"><time itemprop="datePublished" '
            f'datetime="2024-0{n}-1{n}T10:00:00Z" class="post-time">Mar 1{n}, 2024, 10:00am</time>'
            f'<span itemprop="position">{n}</span></span></div>'
            f'<div class="post" itemprop="text"><p>{words}</p></div>'
            f'<div itemprop="interactionStatistic" itemscope><span class="post-likes"></span></div></div>')


_NOTICES = {
    "en": ("Closed", "This topic was automatically closed 60 days after the last reply. New replies "
                     "are no longer allowed."),
    "de": ("Geschlossen", "Dieses Thema wurde 60 Tage nach der letzten Antwort automatisch "
                          "geschlossen. Neue Antworten sind nicht mehr möglich."),
    "fr": ("Fermé", "Ce sujet a été automatiquement fermé 60 jours après la dernière réponse. "
                    "Aucune nouvelle réponse n’est permise."),
}


def _discourse_topic(lang: str) -> str:
    label, notice = _NOTICES[lang]
    posts = [_crawler_post(i + 1, u, w) for i, (u, w) in enumerate(zip(
        ["ridgewalker", "mossyfern", "tobink", "lakeside42"], _WORDS))]
    posts.append(_crawler_post(5, "system", notice, label))
    return ('<div id="main-outlet"><h1><a href="/t/trail-map/60">Trail map</a></h1>'
            f'<div class="post-stream">{"".join(posts)}</div></div>')


@pytest.mark.parametrize("lang", sorted(_NOTICES))
@pytest.mark.parametrize("off", [frozenset(), frozenset({"discourse"})])
def test_discourse_system_notice_is_not_a_comment(lang, off):
    head = '<meta name="generator" content="Discourse 3.2.0 - https://github.com/discourse/discourse">'
    with systems_off(off):
        r = read_page(_discourse_topic(lang), head=head, lang=lang)
    got = shape(r)
    assert [s[0] for s in got] == _WORDS[1:]
    assert all(s[3] != "system" and "system" not in (s[3] or "") for s in got)


def test_a_member_linking_the_system_user_is_still_a_comment():
    # "/u/system" in a post's words (not in its poster's part) is a member's link
    body = _discourse_topic("en").replace(
        _WORDS[2], _WORDS[2] + ' See <a href="https://forum.example.org/u/system">the bot</a>.')
    with systems_off(frozenset({"discourse"})):
        r = read_page(body)
    assert len(r.comments) == 3


# --------------------------------------------------------------------------- bylines

_BYLINES = {
    # Drupal 6 theme_comment_submitted in its translations; theme_username's "(not verified)"
    "en": ("Submitted by {name} on Tue, 06/05/2012 - 17:38", "Submitted by {name} (not verified) on "
                                                             "Wed, 06/06/2012 - 09:02"),
    "cs": ("Napsal uživatel {name} dne 10 Únor, 2007 - 12:50.", "Napsal uživatel {name} (bez ověření) "
                                                                "dne 15 Duben, 2007 - 21:38."),
    "de": ("Eingereicht von {name} am 3. März 2019 - 10:12", "Eingereicht von {name} (nicht überprüft) "
                                                              "am 4. März 2019 - 11:40"),
    "fr": ("Soumis par {name} le 3 mars 2019 - 10:12", "Soumis par {name} (non vérifié) le 4 mars "
                                                        "2019 - 11:40"),
}


def _drupal6(lang: str) -> str:
    linked, typed = _BYLINES[lang]
    out = []
    for i, (name, words) in enumerate(zip(_NAMES, _WORDS)):
        who = (linked.format(name=f'<a href="/user/{30 + i}" title="View user profile.">{name}</a>')
               if i % 2 == 0 else typed.format(name=name))
        out.append(f'<a id="comment-{40 + i}"></a><div class="comment clear-block">'
                   f'<h3><a href="/node/7#comment-{40 + i}" class="active">Subject {i}</a></h3>'
                   f'<div class="submitted">{who}</div><div class="content"><p>{words}</p></div>'
                   f'<div class="links"><a href="/comment/reply/7/{40 + i}">reply</a></div></div>')
    return ('<div class="node"><h2>Trail map</h2><div class="content"><p>The new map is out.</p></div></div>'
            f'<div id="comments">{"".join(out)}</div>')


@pytest.mark.parametrize("lang", sorted(_BYLINES))
def test_drupal_byline_in_its_translations_gives_the_name(lang):
    got = shape(read_page(_drupal6(lang), lang=lang))
    assert [(s[0], s[3]) for s in got] == list(zip(_WORDS, _NAMES))


@pytest.mark.parametrize("raw, languages, name", [
    # Drupal's cs byline as a name without a link leaves it (the date went to the date field)
    ("Napsal uživatel Pavel (bez ověření) dne", ("cs",), "Pavel"),
    ("Vložil/a Anonymous, 7 Srpen, 2011 - 10:12", ("cs",), "Anonymous"),
    ("Submitted by Guest (not verified) on", (), "Guest"),
    # Chinese: the verb after the name ("posted at", "says"), or "author:" with a full-width colon
    ("陈小明 发表于 2014-05-01 10:20", ("zh",), "陈小明"),
    ("小王 说道：", ("zh",), "小王"),
    ("作者：李四", ("zh",), "李四"),
    # Russian, French, Portuguese, Italian, Dutch forum/blog bylines
    ("Автор: Иван Петров", ("ru",), "Иван Петров"),
    ("Опубликовал Сергей в 12.03.2014", ("ru",), "Сергей"),
    ("Posté par Marie le 3 mars 2019", ("fr",), "Marie"),
    ("Publicado por João em 12/03/2014", ("pt",), "João"),
    ("Inviato da Lucia il 4 aprile 2018", ("it",), "Lucia"),
    ("Geplaatst door Anouk op 5 mei 2017", ("nl",), "Anouk"),
    # names that only look like a byline's words stay whole
    ("Don Juan", (), "Don Juan"),
    ("Dijon Mostarda", ("it",), "Dijon Mostarda"),
    ("Autorka", ("cs",), "Autorka"),
])
def test_byline_words_are_not_the_name(raw, languages, name):
    assert clean_author(raw, languages) == name
