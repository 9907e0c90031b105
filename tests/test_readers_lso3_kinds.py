"""Kinds the engine-blind readers must cope with on systems they do not know (leave-system-out),
on synthetic pages (invented names and words):

* a Q&A comment's signature on the line of its words ("WORDS – NAME DATE", Stack Exchange's
  comment template and its mirrors): the date shown twice (a hidden machine value and a visible
  ``span[title=ISO]``), the name a link or bare text; name and date go to the fields, the
  separator left dangling goes too;
"""
from __future__ import annotations

import pytest
from pagekit import read_page, shape

from therapy_threads.readers.comments.cleanup import clean_comment_text

_QA = ["Which error do you see when the form is sent?",
       "Did you check the path of the config file first?",
       "Thanks for the pointer, that solved it.",
       "The fourth argument is missing in your call."]


def _qa_comment(words: str, name: str, linked: bool, day: int) -> str:
    who = (f'<span itemprop="author"><a itemprop="name" href="/users/{day}/">{name}</a></span>'
           if linked else name)
    return (f'<div itemprop="comment" class="post-comment"><div class="row"><div class="col-1">'
            f'<span class="text-secondary"> 0</span></div><div class="col-11"><p class="commenttext">'
            f'<span class="post-text">{words}</span> &ndash; <span class="text-secondary"><small>{who} '
            f'<span title="2019-03-{day:02d} 09:15:51">{day} Mar 19</span><span class="d-none" '
            f'itemprop="dateCreated" datetime="2019-03-{day:02d} 09:15:51">2019-03-{day:02d} 09:15:51'
            f'</span></small></span></p></div></div></div>')


def test_a_qa_comment_signature_on_the_words_line_goes_to_the_fields():
    r = read_page('<div class="comments">' + "".join(
        _qa_comment(w, n, linked, i + 10) for i, (w, n, linked) in enumerate(
            [(_QA[0], "Orwen Tasky", True), (_QA[1], "Brannoch", True),
             (_QA[2], "user4417021", False), (_QA[3], "Kelda Vane", True)])) + "</div>")
    assert shape(r) == [(_QA[0], 0, None, "Orwen Tasky"), (_QA[1], 0, None, "Brannoch"),
                        (_QA[2], 0, None, "user4417021"), (_QA[3], 0, None, "Kelda Vane")]
    assert [c.published_local[:10] for c in r.comments] == [
        "2019-03-10", "2019-03-11", "2019-03-12", "2019-03-13"]


def test_words_beside_the_date_in_its_line_are_no_name():
    # The bare text beside the date is a sentence, not a name: it stays the commenter's.
    body = "".join(
        f'<div itemprop="comment" class="post-comment"><p class="commenttext">'
        f'<span class="post-text">{w}</span> <small>we met there, and it rained '
        f'<span title="2019-03-{10 + i} 09:15:51">{10 + i} Mar 19</span></small></p></div>'
        for i, w in enumerate(_QA[:3]))
    r = read_page('<div class="comments">' + body + "</div>")
    assert all("we met there, and it rained" in c.text for c in r.comments)


@pytest.mark.parametrize("text, expected", [
    ("Which error do you see? –", "Which error do you see?"),
    ("Which error do you see? —", "Which error do you see?"),
    ("Which error do you see? |", "Which error do you see?"),
    ("Which error – the first one?", "Which error – the first one?"),  # inside: words
    ("It went from 3 to 5 –– a jump", "It went from 3 to 5 –– a jump"),
    ("Count: 3-", "Count: 3-"),  # a hyphen glued to the word is the commenter's
])
def test_a_dangling_separator_at_the_end_of_the_words_goes(text, expected):
    assert clean_comment_text(text) == expected
