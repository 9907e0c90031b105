"""Kinds heldout43's first measurement showed, as small synthetic pages (invented users and words):

* GitHub's discussion-bubble timeline (2012-2013): the author is ``a.comment-header-author`` in
  ``div.comment-header``, not the later ``a.author``.
* A byline "Submitted by NAME on DATE" whose date opens with its weekday and a comma (Drupal's
  ``t('Submitted by !username on !datetime')`` with the default medium format ``D, m/d/Y - H:i``):
  the comma is the date's, not the end of the name ("NAME on Tue" was read).
* A Drupal 7 comment without the rdf module's RDFa (a theme's own ``comment.tpl.php``): the
  element after core's ``<a id="comment-N"></a>`` prefix, on a page Drupal generated; replies in
  ``div.indented`` after their parent. Three comments were too few for the generic reader.
* A phpBB 3 style with markup of its own (neither prosilver's ``div.post``/``div.postbody`` nor
  subsilver2's tables): each post is still the ``div#p{ID}`` that phpBB's ``U_MINI_POST`` link
  (``viewtopic.php?p={ID}#p{ID}``) points at, with ``get_username_string()``'s poster and the
  words in ``div.content``. Read as phpBB; with no reader for it, the page says so (no silent zero).
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.engine import systems_off
from therapy_threads.readers.comments.markup_guess import guess_systems

# --------------------------------------------------------------------------- GitHub 2012-2013

_GH_WHO = ["ada-example", "bea_sample", "ada-example"]
_GH_WORDS = ["The cache device vanishes after a reboot here too.",
             "Did you load the module before creating the device?",
             "Yes, loading it first fixed the problem, thanks."]


def _github_bubbles(author_class: str = "comment-header-author") -> str:
    """Issue page of 2012-2013: ``div.discussion-bubble`` > ``div#issuecomment-{ID}.js-comment``
    with ``div.comment-header`` ("NAME commented", the date) and ``div.comment-body``."""
    out = ['<div id="issue-1001" class="discussion-bubble"><div class="comment js-comment">'
           '<div class="comment-header"><a href="/cy_person" class="comment-header-author">cy_person'
           '</a> opened this issue</div><div class="comment-body markdown-body"><p>The opening text.'
           '</p></div></div></div>']
    for i, (who, words) in enumerate(zip(_GH_WHO, _GH_WORDS)):
        out.append(
            f'<div class="discussion-bubble js-comment-container"><img class="discussion-bubble-avatar" '
            f'src="/a.png" width="48"><div class="discussion-bubble-content bubble"><div class="discussion-bubble-inner">'
            f'<div id="issuecomment-{7000 + i}" class="js-comment comment"><div class="comment-header normal-comment-header">'
            f'<a href="#issuecomment-{7000 + i}" class="comment-type-icon mini-icon"></a>'
            f'<a href="/{who}" class="{author_class}">{who}</a> <span class="comment-header-action-text">'
            f'<a href="#issuecomment-{7000 + i}">commented</a></span><span class="comment-header-right">'
            f'<a href="#issuecomment-{7000 + i}" class="comment-header-date"><time class="js-relative-date" '
            f'datetime="2012-08-2{i}T15:45:03-07:00">August 2{i}, 2012</time></a></span></div>'
            f'<div class="comment-content"><div class="edit-comment-hide"><div class="js-comment-body comment-body '
            f'markdown-body"><p>{words}</p></div></div></div></div></div></div></div>')
    return "".join(out)


@pytest.mark.parametrize("author_class", ["comment-header-author", "author"])
def test_github_bubble_timeline_authors(author_class):
    r = read_page(_github_bubbles(author_class))
    assert [(t, d, a) for t, d, _, a in shape(r)] == [(w, 0, who) for w, who in zip(_GH_WORDS, _GH_WHO)]


# --------------------------------------------------------------------------- Drupal byline

_DR = [("Ada Example", "First comment, it worked for me.", None),
       ("bea_sample", "Glad it worked, thanks for the note.", 0),
       ("Anonymous", "Another top-level comment here.", None)]


def _drupal7(dates: list[str], verb: str = "Submitted") -> str:
    """A Drupal 7 theme's ``comment.tpl.php`` without RDFa: ``<a id="comment-N">`` +
    ``div.comment`` whose byline is plain text in ``span.submitted-by``; replies in
    ``div.indented`` after their parent."""
    def one(i: int) -> str:
        who, words, _ = _DR[i]
        return (f'<a id="comment-{11 + i}"></a><div class="comment clearfix"><h3><a href="/comment/{11 + i}'
                f'#comment-{11 + i}" class="permalink" rel="bookmark">Subject {i}</a></h3>'
                f'<div class="submitted"><a href="/comment/{11 + i}#comment-{11 + i}" class="permalink" '
                f'rel="bookmark">Permalink</a></div><div class="content"><div class="field field-name-comment-body">'
                f'<div class="field-items"><div class="field-item even"><p>{words}</p></div></div></div>'
                f'<span class="submitted-by">{verb} by {who} on {dates[i]}</span></div>'
                f'<ul class="links"><li class="comment-reply"><a href="/comment/reply/5/{11 + i}">reply</a></li></ul></div>')
    return (f'<div id="comments" class="comment-wrapper"><h2 class="title">Comments</h2>{one(0)}'
            f'<div class="indented">{one(1)}</div>{one(2)}</div>')


_D7_HEAD = '<meta name="generator" content="Drupal 7 (http://drupal.org)" />'


@pytest.mark.parametrize("dates, verb", [
    (["Tue, 06/05/2012 - 17:38", "Thu, 06/07/2012 - 11:07", "Mon, 10/15/2012 - 12:18"], "Submitted"),
    (["Tue, 2012/06/05 - 5:38pm", "Thu, 2012/06/07 - 11:07am", "Mon, 2012/10/15 - 12:18pm"], "Submitted"),
    (["Tue, 06/05/2012 - 17:38", "Thu, 06/07/2012 - 11:07", "Mon, 10/15/2012 - 12:18"], "Posted"),
    # no weekday: the connective was always found
    (["06/05/2012 - 17:38", "06/07/2012 - 11:07", "10/15/2012 - 12:18"], "Submitted"),
])
def test_byline_date_with_weekday_comma(dates, verb):
    r = read_page(_drupal7(dates, verb), head=_D7_HEAD)
    got = shape(r)
    assert [(t, d, a) for t, d, _, a in got] == [(w, 0 if p is None else 1, who) for who, w, p in _DR]
    assert got[1][2] == _DR[0][1]


def _core_byline(i: int, who: str, anon: bool) -> str:
    """Core's ``comment.tpl.php`` without RDFa: "Submitted by <a class=username>NAME</a> on DATE"
    in ``div.submitted`` (an anonymous name is ``span.username``)."""
    name = (f'<span class="username">{who}</span>' if anon
            else f'<a href="/user/{i}" title="View user profile." class="username">{who}</a>')
    return (f'<a id="comment-{11 + i}"></a><div class="comment clearfix"><h3><a href="/comment/{11 + i}#comment-'
            f'{11 + i}" class="permalink">Subject {i}</a></h3><div class="submitted"><a href="/comment/{11 + i}'
            f'#comment-{11 + i}" class="permalink">Permalink</a> Submitted by {name} on Tue, 06/0{5 + i}/2012 - '
            f'17:38</div><div class="content"><div class="field field-name-comment-body"><div class="field-items">'
            f'<div class="field-item even"><p>{_DR[i][1]}</p></div></div></div></div><ul class="links inline">'
            f'<li class="comment-reply first last"><a href="/comment/reply/5/{11 + i}">reply</a></li></ul></div>')


@pytest.mark.parametrize("head, read_by", [(_D7_HEAD, "drupal"), ("", None)])
def test_drupal7_comments_without_rdfa(head, read_by):
    body = (f'<div id="comments" class="comment-wrapper">{_core_byline(0, _DR[0][0], False)}'
            f'<div class="indented">{_core_byline(1, _DR[1][0], True)}</div>'
            f'{_core_byline(2, _DR[2][0], True)}</div>')
    with systems_off(frozenset()) as systems:
        r = read_page(body, head=head)
    if read_by is None:
        # no sign of Drupal: not the Drupal reader's (what else reads it is not this test's)
        assert "drupal" not in systems
        return
    assert read_by in systems
    assert [(t, d, a) for t, d, _, a in shape(r)] == [(w, 0 if p is None else 1, who) for who, w, p in _DR]
    assert all(c.published_local and c.published_local.startswith("2012-06-") for c in r.comments)


@pytest.mark.parametrize("line, name", [
    # CanalBlog's "Posté par NAME, DATE | ...": the comma after the name still ends it
    ("Posté par Ada Example, 13 mars 2019 à 13:35 | Répondre", "Ada Example"),
    ("Posted by Bea Sample, March 13, 2019 at 1:35 pm", "Bea Sample"),
])
def test_byline_comma_after_the_name(line, name):
    body = ('<ol class="commentlist">' + "".join(
        f'<li class="comment" id="comment-{i}"><div class="comment-body"><p>Words of comment {i}, '
        f'long enough to be words.</p></div><div class="comment-meta">{line}</div></li>' for i in (1, 2))
        + '</ol>')
    r = read_page(body, lang="fr" if "Posté" in line else "en")
    assert [a for _, _, _, a in shape(r)] == [name, name]


# --------------------------------------------------------------------------- phpBB, own style

_BB_WHO = ["Ada_Example", "bea_sample", "CyPerson", "dee_test"]
_BB_WORDS = ["The announcement of the event, with its rules.", "I sign up for the first two games.",
             "Count me in for all of them, see you there.", "Same for me, except the last one."]


def _poster_html(i: int, kind: str) -> str:
    who = _BB_WHO[i]
    if kind == "coloured":  # get_username_string(): a colour and no profile link (a guest's view)
        return f'<span style="color: #AA0000;" class="username-coloured">{who}</span>'
    if kind == "username":  # phpBB 3.1+: a member without a colour
        return f'<a href="./memberlist.php?mode=viewprofile&amp;u={5 + i}" class="username">{who}</a>'
    return f'<a href="./memberlist.php?mode=viewprofile&amp;u={5 + i}">{who}</a>'  # 3.0: bare link


def _phpbb_own_style(kind: str = "coloured", start: int = 0, mini: bool = True, quote: bool = False) -> str:
    """A style of its own: ``div.box#p{ID}`` > header (subject linking ``#p{ID}``, the date), a
    profile panel with the poster, ``div.content`` with the words, ``div#sig{ID}.signature``."""
    posts = []
    for i, words in enumerate(_BB_WORDS):
        pid = 300 + 2 * i
        link = (f'<a href="./viewtopic.php?f=3&amp;t=60&amp;p={pid}#p{pid}">Re: An event</a>' if mini
                else f'<a href="#top">Re: An event</a>')
        q = ('<blockquote><div><cite><a href="./memberlist.php?mode=viewprofile&amp;u=9" class="username">'
             'quoted_one</a> wrote:</cite>Something said before.</div></blockquote>') if quote and i == 2 else ""
        posts.append(
            f'<div class="box" id="p{pid}"><div class="box-inner"><div class="box-head">'
            f'<h3 class="box-subject">{link}</h3><span class="box-date">Mer {10 + i} Sep 2014, 15:2{i}</span></div>'
            f'<div class="box-profile"><span class="box-name">{_poster_html(i, kind)}</span><br>'
            f'<span class="rank">Member</span><div class="box-info"><strong>Posts:</strong> {40 + i}</div></div>'
            f'<div class="box-body"><div class="content">{q}{words}</div>'
            f'<div id="sig{pid}" class="signature">A signature line of {_BB_WHO[i]}</div></div></div></div>')
    canon = f'./viewtopic.php?f=3&amp;t=60&amp;start={start}' if start else './viewtopic.php?f=3&amp;t=60'
    head = f'<link rel="canonical" href="{canon}">'
    pag = f'<div class="pagination">8 posts &bull; Page <strong>{1 + start // 4}</strong> of <strong>2</strong></div>'
    return head, f'<h2><a href="./viewtopic.php?f=3&amp;t=60">An event</a></h2>{pag}' + "".join(posts) + \
        '<p class="copyright">Powered by <a href="https://www.phpbb.com/">phpBB</a></p>'


@pytest.mark.parametrize("kind", ["coloured", "username", "bare"])
@pytest.mark.parametrize("start", [0, 4])
def test_phpbb_own_style_posts(kind, start):
    head, body = _phpbb_own_style(kind, start)
    r = read_page(body, head=head)
    first = 1 if start == 0 else 0  # the topic's own post on its first page
    assert [(t, d, a) for t, d, _, a in shape(r)] == [(w, 0, who) for w, who in
                                                        zip(_BB_WORDS[first:], _BB_WHO[first:])]
    assert all(c.published_local and c.published_local.startswith("2014-09-") for c in r.comments)


def test_phpbb_own_style_quote_names_another_poster():
    head, body = _phpbb_own_style("bare", quote=True)
    r = read_page(body, head=head)
    assert [a for _, _, _, a in shape(r)] == _BB_WHO[1:]
    assert all("signature line" not in t for t, _, _, _ in shape(r))


def test_phpbb_own_style_unread_is_said():
    head, body = _phpbb_own_style()
    assert ("phpbb", 4) in guess_systems(body)
    with systems_off(frozenset({"phpbb"})):
        r = read_page(body, head=head)
    assert r.comments or "comment_markup_unread" in codes(r)


def test_numbered_blocks_without_phpbb_links_are_not_phpbb():
    # ``div#p1``, ``div#p2``... (slides, paragraphs) with no viewtopic.php link to them
    head, body = _phpbb_own_style(mini=False)
    body = body.replace("viewtopic.php", "index.php")
    assert "phpbb" not in dict(guess_systems(body))
    with systems_off(frozenset()) as read_by:
        read_page(body, head=head)
    assert "phpbb" not in read_by
