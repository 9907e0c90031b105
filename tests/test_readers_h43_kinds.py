"""Kinds heldout43's first measurement showed, as small synthetic pages (invented users and words):

* GitHub's discussion-bubble timeline (2012-2013): the author is ``a.comment-header-author`` in
  ``div.comment-header``, not the later ``a.author``.
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
