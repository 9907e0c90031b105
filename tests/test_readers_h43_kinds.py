"""Kinds heldout43's first measurement showed, as small synthetic pages (invented users and words):

* GitHub's discussion-bubble timeline (2012-2013): the author is ``a.comment-header-author`` in
  ``div.comment-header``, not the later ``a.author``.
* A byline "Submitted by NAME on DATE" whose date opens with its weekday and a comma (Drupal's
  ``t('Submitted by !username on !datetime')`` with the default medium format ``D, m/d/Y - H:i``):
  the comma is the date's, not the end of the name ("NAME on Tue" was read).
"""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

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
