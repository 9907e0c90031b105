"""Kinds found on heldout37's MediaWiki talk pages (DiscussionTools markers), as small synthetic
talk pages (invented users and words) in the markup of DiscussionTools' ``CommentFormatter``:

* an id names its parent by author and minute, a name several comments share (one user signing
  twice in a minute); DiscussionTools connected the reply by indentation before writing that name;
* a comment that is only a signature: the signature marker stands before the start marker;
* a comment signed twice: DiscussionTools marks the last signature only, the earlier one is
  no one's words either.
"""
from __future__ import annotations

import pytest
from pagekit import shape

from therapy_threads.readers import SourceRef, get_reader
from therapy_threads.readers.comments.base import NO_WORDS


def read(body: str, lang: str = "en"):
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Talk:Example'
            f'</title></head><body><div id="content"><h1>Talk:Example</h1>'
            f'<div class="mw-parser-output">{body}</div></div></body></html>')
    return get_reader("html").read(html.encode(), SourceRef("t", "t.html"))


def _h(name: str) -> str:
    return (f'<h2><span class="mw-headline" id="{name}" data-mw-thread-id="h-{name}">'
            f'<span data-mw-comment-start="" id="h-{name}"></span>{name}'
            f'<span data-mw-comment-end="h-{name}"></span></span></h2>')


def _user(user: str) -> str:
    return (f'<a href="/wiki/User:{user}" title="User:{user}">{user.replace("_", " ")}</a> '
            f'(<a href="/wiki/User_talk:{user}" title="User talk:{user}">talk</a>)')


def _dt(cid: str, text: str, user: str, shown: str) -> str:
    return (f'<span data-mw-comment-start="" id="{cid}"></span>{text} '
            f'<span data-mw-comment-sig="{cid}"></span>{_user(user)} <a href="#{cid}" '
            f'class="ext-discussiontools-init-timestamplink">{shown}</a>'
            f'<span class="ext-discussiontools-init-replylink-buttons">[reply]</span>'
            f'<span data-mw-comment-end="{cid}"></span>')


def _bare(cid: str, user: str, shown: str) -> str:
    """A signature alone: CommentFormatter opens the comment inside the user link."""
    return (f'<span data-mw-comment-sig="{cid}"></span><a href="/wiki/User:{user}" '
            f'title="User:{user}"><span data-mw-comment-start="" id="{cid}"></span>'
            f'{user.replace("_", " ")}</a> (<a href="/wiki/User_talk:{user}">talk</a>) '
            f'<a href="#{cid}" class="ext-discussiontools-init-timestamplink">{shown}</a>'
            f'<span data-mw-comment-end="{cid}"></span>')


T1, T1S = "2021-05-03T10:15:00.000Z", "10:15, 3 May 2021 (UTC)"
T2, T2S = "2021-05-03T11:20:00.000Z", "11:20, 3 May 2021 (UTC)"
T3, T3S = "2021-05-04T09:00:00.000Z", "09:00, 4 May 2021 (UTC)"
T4, T4S = "2021-05-05T09:00:00.000Z", "09:00, 5 May 2021 (UTC)"


# (page body, expected (text, depth, parent's text, author) rows)
SHARED_NAMES = [
    # A relisting: the notice and its "add new comments below" line are one user's in one minute;
    # the reply (in ul/li under the second) names that user and minute.
    (_h("Deletion")
     + f'<p>{_dt(f"c-Ada_Example-{T1}-Deletion", "Relisted to get more views.", "Ada_Example", T1S)}</p>'
     + f'<p>{_dt(f"c-Ada_Example-{T1}-Deletion-1", "Add new comments below.", "Ada_Example", T1S)}</p>'
     + f'<ul><li>{_dt(f"c-Bea_Sample-{T2}-Ada_Example-{T1}", "Keep it.", "Bea_Sample", T2S)}</li></ul>',
     [("Relisted to get more views.", 0, None, "Ada Example"),
      ("Add new comments below.", 0, None, "Ada Example"),
      ("Keep it.", 1, "Add new comments below.", "Bea Sample")]),
    # A nomination with two notes its author added in the same minute (indented under it): a
    # later reply at the notes' level answers the nomination, not the last note.
    (_h("Nomination")
     + f'<p>{_dt(f"c-Ada_Example-{T1}-Nomination", "Nominated.", "Ada_Example", T1S)}</p>'
     + f'<dl><dd>{_dt(f"c-Ada_Example-{T1}-Ada_Example-{T1}", "Note one.", "Ada_Example", T1S)}</dd>'
     + f'<dd>{_dt(f"c-Ada_Example-{T1}-Ada_Example-{T1}-1", "Note two.", "Ada_Example", T1S)}</dd></dl>'
     + f'<ul><li>{_dt(f"c-Bea_Sample-{T2}-Ada_Example-{T1}", "Delete.", "Bea_Sample", T2S)}</li></ul>',
     [("Nominated.", 0, None, "Ada Example"),
      ("Note one.", 1, "Nominated.", "Ada Example"),
      ("Note two.", 1, "Nominated.", "Ada Example"),
      ("Delete.", 1, "Nominated.", "Bea Sample")]),
    # The same name in an earlier section is never the parent (replies do not cross a heading),
    # even when the reply is outdented and indentation alone would not find it.
    (_h("First")
     + f'<p>{_dt(f"c-Ada_Example-{T1}-First", "Old topic.", "Ada_Example", T1S)}</p>'
     + _h("Second")
     + f'<p>{_dt(f"c-Ada_Example-{T1}-Second", "New topic.", "Ada_Example", T1S)}</p>'
     + f'<dl><dd>{_dt(f"c-Cy_Person-{T3}-Ada_Example-{T1}", "Agreed.", "Cy_Person", T3S)}</dd></dl>'
     + f'<p>{_dt(f"c-Bea_Sample-{T4}-Ada_Example-{T1}", "Outdented reply.", "Bea_Sample", T4S)}</p>',
     [("Old topic.", 0, None, "Ada Example"),
      ("New topic.", 0, None, "Ada Example"),
      ("Agreed.", 1, "New topic.", "Cy Person"),
      ("Outdented reply.", 1, "New topic.", "Bea Sample")]),
    # The name is not shared: the id's parent wins over indentation, as before.
    (_h("Plain")
     + f'<p>{_dt(f"c-Ada_Example-{T1}-Plain", "Question.", "Ada_Example", T1S)}</p>'
     + f'<dl><dd>{_dt(f"c-Bea_Sample-{T2}-Ada_Example-{T1}", "Answer.", "Bea_Sample", T2S)}</dd></dl>'
     + f'<p>{_dt(f"c-Cy_Person-{T3}-Bea_Sample-{T2}", "Outdented.", "Cy_Person", T3S)}</p>',
     [("Question.", 0, None, "Ada Example"),
      ("Answer.", 1, "Question.", "Bea Sample"),
      ("Outdented.", 2, "Answer.", "Cy Person")]),
]


@pytest.mark.parametrize("body,rows", SHARED_NAMES)
def test_a_shared_parent_name_is_resolved_by_indentation(body, rows):
    assert shape(read(body)) == rows


def test_a_bare_signature_is_a_comment_with_no_words():
    r = read(
        _h("Vote")
        + f'<p>{_dt(f"c-Ada_Example-{T1}-Vote", "Shall we rename it?", "Ada_Example", T1S)}</p>'
        + f'<dl><dd>{_bare(f"c-Bea_Sample-{T2}-Ada_Example-{T1}", "Bea_Sample", T2S)}'
        + f'<dl><dd>{_dt(f"c-Cy_Person-{T3}-Bea_Sample-{T2}", "Why?", "Cy_Person", T3S)}'
        + '</dd></dl></dd></dl>')
    assert shape(r) == [("Shall we rename it?", 0, None, "Ada Example"),
                        (NO_WORDS, 1, "Shall we rename it?", "Bea Sample"),
                        ("Why?", 2, NO_WORDS, "Cy Person")]
    assert r.comments[1].published_at == "2021-05-03T11:20:00Z"


SIGNED_TWICE = [
    # a signature typed before a template's own, at the end
    (f"The template is translated. — {_user('Ada_Example')} 10:15, 3 May 2021 (UTC) <small>",
     "The template is translated."),
    # a signature, "forgot to log in", and the real one; the zone pasted twice goes too
    (f"Clean-up needed. {_user('Ada_Example')} 10:15, 3 May 2021 (UTC)(UTC) Forgot to log in:",
     "Clean-up needed. Forgot to log in:"),
    # a date with no user link before it is the comment's words
    ("The release of 10:15, 3 May 2021 (UTC) broke it.",
     "The release of 10:15, 3 May 2021 (UTC) broke it."),
    # a link to an article before a date is no signature either
    ('See <a href="/wiki/Release_notes" title="Release notes">the notes</a> of 10:15, 3 May 2021 '
     '(UTC).', "See the notes of 10:15, 3 May 2021 (UTC)."),
]


@pytest.mark.parametrize("words,text", SIGNED_TWICE)
def test_an_earlier_signature_in_a_marked_comment_is_not_its_text(words, text):
    r = read(_h("Twice") + f'<p>{_dt(f"c-Ada_Example-{T2}-Twice", words, "Ada_Example", T2S)}</p>')
    assert [(c.text, c.identity.name) for c in r.comments] == [(text, "Ada Example")]
    assert r.comments[0].published_at == "2021-05-03T11:20:00Z"
