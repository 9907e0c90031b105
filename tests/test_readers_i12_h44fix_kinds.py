"""Misses of heldout44's first measurement (branch i12-h44fix), one table per kind, on synthetic pages
(invented names and words) built from the systems' own markup:

* Hacker News prints a comment the viewer may not see as the server's notice ("[flagged]",
  "[dead]", "[deleted]") in ``div.comment``; its ``div.reply`` part may hold only whitespace (a
  re-indented copy, the empty ``<font> </font>`` a logged-out viewer gets): the row is a removed
  comment that keeps its replies, not a comment whose words are the notice;
* a typed agreement ("+1", "-1") in a plain paragraph of its own above more lines (a Drupal
  signature after "- - - - -", the reasons) is the commenter's words, as a whole-comment "+1" is;
  a vote counter in a counter-named part is not; Drupal's ``div.indented`` wrappers then give the
  replies' parents;
* the corpus scoring's dirty check: a counter-shaped text that is the gold's whole text is the
  commenter's words, while a counter after the words is still dirty.
"""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

from therapy_threads.readers.corpus_eval import _dirty


def _hn_row(i: int, ind: int, name: str, words: str, reply: str) -> str:
    """One ``tr.athing.comtr`` row of the 2022 item page (``td.ind[indent]``, comhead, words)."""
    return (f'<tr class="athing comtr" id="{5000 + i}"><td><table border="0"><tr><td class="ind" indent="{ind}">'
            f'<img src="s.gif" height="1" width="{40 * ind}"></td><td valign="top" class="votelinks"><center>'
            f'<a id="up_{5000 + i}" href="vote?id={5000 + i}&amp;how=up"><div class="votearrow" title="upvote">'
            f'</div></a></center></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;">'
            f'<span class="comhead"><a href="user?id={name}" class="hnuser">{name}</a> '
            f'<span class="age" title="2022-06-23T09:36:11"><a href="item?id={5000 + i}">4 hours ago</a></span> '
            f'<span class="navs"> | <a href="#" class="clicky">next</a></span></span></div><br>'
            f'<div class="comment">{words}{reply}</div></td></tr></table></td></tr>')


_HN_STORY = ('<table class="fatitem"><tr class="athing" id="4999"><td class="title">'
             '<a href="https://x.example">A model release</a></td></tr></table>')


def _hn_page(rows: str):
    return read_page(f'<center><table id="hnmain"><tr><td>{_HN_STORY}<table class="comment-tree">{rows}'
                     '</table></td></tr></table></center>')


_LINK = '<div class="reply"><p><font size="1"><u><a href="reply?id=5000">reply</a></u></font></p></div>'


@pytest.mark.parametrize("notice", ["[flagged]", "[dead]", "[deleted]"])
@pytest.mark.parametrize("reply", [
    '<div class="reply"><p><font size="1"> </font></p></div>',  # logged out: no reply link
    '<div class="reply">\n    <p>\n      <font size="1">\n      </font>\n    </p>\n  </div>',  # re-indented
    '<div class="reply"><p><font size="1"><u><a href="reply?id=5001">reply</a></u></font></p></div>',
])
def test_hn_notice_row_is_a_removed_comment_that_keeps_its_replies(notice, reply):
    rows = (_hn_row(0, 0, "alpha", '<span class="commtext c00">The weights are on the mirror now.</span>', _LINK)
            + _hn_row(1, 0, "bravo", notice, reply)
            + _hn_row(2, 1, "charlie", '<span class="commtext c00">That was uncalled for, honestly.</span>', _LINK)
            + _hn_row(3, 2, "delta", '<span class="commtext c00">Agreed with the sibling here.</span>', _LINK))
    r = _hn_page(rows)
    assert [(c.text, c.removed) for c in r.comments] == [
        ("The weights are on the mirror now.", False), ("", True),
        ("That was uncalled for, honestly.", False), ("Agreed with the sibling here.", False)]
    assert [s[1:3] for s in shape(r)] == [(0, None), (0, None), (1, ""), (2, "That was uncalled for, honestly.")]


def test_hn_words_that_start_with_a_notice_are_words():
    rows = _hn_row(0, 0, "echo", '<span class="commtext c00">[flagged] by whom? It was a fair question.</span>',
                   '<div class="reply"><p><font size="1"> </font></p></div>')
    r = _hn_page(rows)
    assert [(c.text, c.removed) for c in r.comments] == [("[flagged] by whom? It was a fair question.", False)]


def _drupal(i: int, name: str, body: str) -> str:
    """Drupal 5/6 comment.tpl as hup.hu prints it: anchor, ``div.comment``, submitted, content, links."""
    return (f'<a id="comment-{100 + i}"></a><div class="comment"><div class="submitted">&nbsp;( {name} | '
            f'2015. január 2{i}., péntek - 11:5{i} )</div><div class="content">{body}</div>'
            f'<div class="link"><ul class="links"><li class="last comment_permalink">'
            f'<a href="/node/7#comment-{100 + i}" class="comment_permalink">permalink</a></li></ul></div></div>')


@pytest.mark.parametrize("first, text", [
    # a signature after the agreement: the "+1" stays (the signature is the reader's to keep)
    ('<p>+1</p><p>- - - - -<br><a href="http://sig.example">SigLink</a></p>', "+1\nSigLink"),
    ('<p>-1</p><p>Not on Windows hosts, though.</p>', "-1\nNot on Windows hosts, though."),
    ('<p>+1</p>', "+1"),
    ('<p>+1 for the second tool, it is simpler.</p>', "+1 for the second tool, it is simpler."),
    # a counter-named part is a vote widget's count, not the commenter's line
    ('<span class="vote-count">+3</span><p>Words of the comment here.</p>', "Words of the comment here."),
    ('<p><span class="score">+3</span></p><p>Words of the comment here.</p>', "Words of the comment here."),
])
def test_typed_agreement_in_its_own_paragraph_is_words(first, text):
    body = ('<div id="comments">' + _drupal(0, "siposa", "<p>sub</p>") + '<div class="indented">'
            + _drupal(1, "Hydra", first) + _drupal(2, "veres", "<p>+1</p>")
            + '<div class="indented">' + _drupal(3, "atyus", "<p>+1</p>") + '</div></div>'
            + _drupal(4, "pirat", "<p>Maybe the other tool?</p>") + '</div>')
    r = read_page('<h1>Topic</h1><div class="node"><p>Which config tool do you use for many servers?</p></div>'
                  + body, lang="hu")
    assert shape(r) == [("sub", 0, None, "siposa"), (text, 1, "sub", "Hydra"), ("+1", 1, "sub", "veres"),
                        ("+1", 2, "+1", "atyus"), ("Maybe the other tool?", 0, None, "pirat")]


@pytest.mark.parametrize("text, gold, why", [
    ("+1", "+1", None),  # the commenter's whole answer, as the gold reads it
    ("+1", "+ 1", None),  # whitespace does not count
    ("+1", None, "counter"),  # nothing says it is the words
    ("Great write-up, thanks.\n+1", "Great write-up, thanks.", "counter"),  # a counter after the words
    ("+3", "+1", "counter"),  # the gold's words are another line
    ("Thanks for the list.", "Thanks for the list.", None),
])
def test_dirty_counter_that_is_the_gold_text_is_words(text, gold, why):
    assert _dirty(text, "Hydra", None, gold) == why
