"""A Q&A site's own answer list (li.answer with nested li.comment), synthetic markup after the
Answerbag-style layout."""
from __future__ import annotations

from pagekit import read_page, shape

from therapy_threads.readers import SourceRef, get_reader


def read(body: str):
    return read_page(f'<ul class="Answers">{body}</ul>', before=(
        '<div class="Box2 question"><h1>Do you need coffee to start the day?</h1><p>Asked by someone.</p></div>'))


def _by(name: str) -> str:
    return (f'<div class="author"><p class="Note">by <a class="modalInfo" rel="1">{name}</a> on '
            f'February 26th, 2011</p><img src="/a.jpg" alt="{name}"></div>')


def _answer(aid: int, name: str, text: str, comments=()) -> str:
    items = "".join(f'<li class="comment FLC"><p class="commentText">{t}</p><ul class="Tools Note">'
                    f'<li class="report"><a>Report</a></li></ul>{_by(n)}</li>' for n, t in comments)
    return (f'<li class="Box3 answer " id="ans{aid}"><div class="box3Header">{_by(name)}</div>'
            f'<div class="box3Content content"><p class="answerText">{text}</p>'
            f'<div class="Comments" id="comments_{aid}" style="display: none;"><h6>Comments</h6>'
            f'<ul>{items}</ul></div><form><textarea>Add a comment...</textarea></form></div>'
            f'<div class="box3Footer"><ul class="Tools"><li><a>Like</a></li></ul>'
            f'<p class="CommentTool"><a><strong>{len(comments)} comments</strong></a> | '
            f'<a>Permalink</a></p></div></li>')


def test_answers_are_top_level_and_their_comments_reply_to_them():
    r = read(_answer(11, "ada_example", "False, tea for me.",
                     [("bea_sample1991", "Good for you!"), ("ada_example", "Thanks.")])
             + _answer(12, "cy_person", "True, two cups."))
    assert shape(r) == [("False, tea for me.", 0, None, "ada_example"),
                        ("Good for you!", 1, "False, tea for me.", "bea_sample1991"),
                        ("Thanks.", 1, "False, tea for me.", "ada_example"),
                        ("True, two cups.", 0, None, "cy_person")]
    assert r.posts[0].comment_system == "answer-list"
    # The date is printed in the author part, after a name that holds digits.
    assert [c.published_local for c in r.comments] == ["2011-02-26"] * 4


def test_faq_answers_without_authors_are_not_comments():
    html = ('<!DOCTYPE html><html lang="en"><body><div class="question">How do I pay?</div>'
            '<div class="answer">By card.</div><div class="question">Can I return it?</div>'
            '<div class="answer">Within 30 days.</div></body></html>')
    r = get_reader("html").read(html.encode(), SourceRef("t", "t.html"))
    assert r.comments == [] or r.posts[0].comment_system != "answer-list"
