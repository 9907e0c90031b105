"""Stack Exchange question pages, synthetic markup after the network's question page."""
from __future__ import annotations

from pagekit import read_page, shape


def read(body: str):
    return read_page(body, before="<h1>A question</h1>")


def _sig(name: str, verb: str) -> str:
    return (f'<div class="post-signature"><div class="user-info"><div class="user-action-time">{verb} '
            f'<span class="relativetime">Aug 1, 2014</span></div><div class="user-details">'
            f'<a href="/users/1/x">{name}</a><div class="-flair"><span class="reputation-score">54.4k'
            f'</span></div></div></div></div>')


def _comments(owner: str, items) -> str:
    return (f'<div id="comments-{owner}" class="comments"><ul class="comments-list">' + "".join(
        f'<li id="comment-{cid}" class="comment js-comment"><div class="comment-score">3</div>'
        f'<div class="comment-text"><div class="comment-body"><span class="comment-copy">{text}</span>'
        f' &ndash;&nbsp;<a href="/users/2/y" class="comment-user">{name}</a> <span class="comment-date">'
        f'<span class="relativetime-clean">Oct 14, 2013 at 17:27</span></span></div></div></li>'
        for cid, name, text in items) + "</ul></div>")


def _answer(aid: int, name: str, text: str, comments=()) -> str:
    return (f'<div id="answer-{aid}" class="answer js-answer" data-answerid="{aid}">'
            f'<div class="post-layout"><div class="votecell"><div class="js-vote-count">7</div></div>'
            f'<div class="answercell post-layout--right"><div class="s-prose js-post-body" '
            f'itemprop="text"><p>{text}</p></div><div class="mt24">{_sig("editor_z", "edited")}'
            f'{_sig(name, "answered")}</div></div>{_comments(str(aid), comments)}</div></div>')


def test_answers_reply_to_the_question_and_comments_to_what_they_are_printed_under():
    body = ('<div class="question js-question" id="question" data-questionid="77">'
            '<div class="s-prose js-post-body" itemprop="text"><p>The question.</p></div>'
            + _comments("77", [(1, "ada_example", "Which version?")]) + '</div><div id="answers">'
            + _answer(501, "bea_sample", "Use the flag.", [(2, "cy_person", "It worked.")])
            + _answer(502, "di_example", "Or the other tool.") + "</div>")
    r = read(body)
    assert shape(r) == [("Which version?", 0, None, "ada_example"),
                        ("Use the flag.", 0, None, "bea_sample"),
                        ("It worked.", 1, "Use the flag.", "cy_person"),
                        ("Or the other tool.", 0, None, "di_example")]
    assert r.posts[0].comment_system == "stackexchange"


def test_wordpress_comment_ids_alone_are_not_a_stack_exchange_page():
    r = read('<ol class="comment-list"><li id="comment-5" class="comment depth-1"><article>'
             '<footer><b class="fn">ada_example</b></footer><div class="comment-content"><p>Nice.'
             '</p></div></article></li></ol>')
    assert r.posts[0].comment_system != "stackexchange"


def _old_answer(aid: int, name: str, text: str, comments=()) -> str:
    """The 2010-2012 table layout: ``div.post-text`` and ``tr.comment`` rows."""
    rows = "".join(
        f'<tr id="comment-{cid}" class="comment"><td class="comment-actions"><table><tbody><tr>'
        f'<td class="comment-score"><span>&nbsp;</span></td></tr></tbody></table></td>'
        f'<td class="comment-text"><div><span class="comment-copy">{ctext}</span> &ndash;&nbsp;'
        f'<a href="/users/2/y" class="comment-user">{cname}</a> <span class="comment-date">'
        f'<span title="2010-09-02 18:11:05Z">Sep 2 \'10 at 18:11</span></span></div></td></tr>'
        for cid, cname, ctext in comments)
    return (f'<a name="{aid}"></a><div id="answer-{aid}" class="answer"><table><tr>'
            f'<td class="votecell"><div class="vote"><span class="vote-count-post">5</span></div></td>'
            f'<td><div class="post-text"><p>{text}</p></div><table class="fw"><tr><td>'
            f'<div class="post-signature"><div class="user-info"><div class="user-action-time">'
            f'answered <span class="relativehidden">Sep 7 \'10 at 17:11</span></div>'
            f'<div class="user-details"><a href="/users/1/x">{name}</a><br>'
            f'<span class="reputation-score">1,234</span></div></div></div></td></tr></table></td>'
            f'</tr><tr><td class="votecell"></td><td><div id="comments-{aid}" class="comments">'
            f'<table><tbody>{rows}</tbody></table></div></td></tr></table></div>')


def test_the_2010_table_layout_gives_answers_and_their_comments():
    body = ('<div id="question"><table><tr><td><div class="post-text"><p>The question.</p></div>'
            '</td></tr></table></div><div id="answers">'
            + _old_answer(601, "bea_sample", "Use the flag.", [(3, "cy_person", "It worked."),
                                                             (4, "ada_example", "Thanks.")])
            + _old_answer(602, "di_example", "Or the other tool.") + "</div>")
    r = read(body)
    assert shape(r) == [("Use the flag.", 0, None, "bea_sample"),
                        ("It worked.", 1, "Use the flag.", "cy_person"),
                        ("Thanks.", 1, "Use the flag.", "ada_example"),
                        ("Or the other tool.", 0, None, "di_example")]
    assert r.posts[0].comment_system == "stackexchange"


def test_a_quote_in_an_answer_is_not_its_words_but_a_spoiler_is():
    body = ('<div class="question js-question" id="question" data-questionid="78">'
            '<div class="s-prose js-post-body" itemprop="text"><p>A word for it?</p></div></div>'
            '<div id="answers">'
            + _answer(601, "bea_sample", "Consider lodestar:</p><blockquote><p>a thing that serves as a "
                      "guide (invented dictionary)</p></blockquote><p>It fits your sentence.",
                      [(3, "cy_person", "Nice word.")])
            + _answer(602, "di_example", "My guess:</p><blockquote class=\"spoiler\"><p>the hidden "
                      "answer</p></blockquote><p>Done.") + "</div>")
    assert shape(read(body)) == [
        ("Consider lodestar:\n\nIt fits your sentence.", 0, None, "bea_sample"),
        ("Nice word.", 1, "Consider lodestar:\n\nIt fits your sentence.", "cy_person"),
        ("My guess:\n\nthe hidden answer\n\nDone.", 0, None, "di_example")]
