"""Sites' own comment systems, by kind: synthetic pages -> comment trees.

Kinds: replies printed in a list of comments that follows their parent as its sibling (BEM-named
items, ``x-comments__item`` + ``div.comments``); names and words are invented.
"""
from __future__ import annotations

from pagekit import read_page, shape


# --------------------------------------------------------------------------- sibling reply lists

def _bem_item(cid: int, level: str, who: str, words: str) -> str:
    return (f'<div class="ab-comments__item ab-comments__item--level-{level}" id="blog-comment-{cid}">'
            f'<div class="ab-comments__row"><span class="ab-comments__name">{who}</span>'
            f'<span class="ab-comments__date">2021-03-0{cid % 9 + 1} 10:1{cid % 10}:00</span></div>'
            f'<div class="ab-comments__message"><p>{words}</p>'
            f'<a href="#form-{cid}" class="ab-comments__button">Reply</a></div></div>')


def test_bem_items_with_replies_in_the_comments_list_after_them():
    body = ('<h2>Comments (3)</h2><div class="ab-comments">'
            + _bem_item(11, "root", "Ada Example", "A first comment about the bread.")
            + '<div class="comments">'
            + _bem_item(12, "1", "Bea Sample", "A reply to the first comment.")
            + '<div class="comments">'
            + _bem_item(13, "2", "Cy Demo", "A reply to the reply.")
            + '<div class="comments"></div></div>'
            + '</div>'
            + _bem_item(14, "root", "Dee Person", "Another top-level comment.")
            + '<div class="comments"></div></div>')
    assert shape(read_page(body)) == [
        ("A first comment about the bread.", 0, None, "Ada Example"),
        ("A reply to the first comment.", 1, "A first comment about the bread.", "Bea Sample"),
        ("A reply to the reply.", 2, "A reply to the first comment.", "Cy Demo"),
        ("Another top-level comment.", 0, None, "Dee Person")]


# --------------------------------------------------------------------------- two-level own lists

def _stars(n: int) -> str:
    return ('<div class="rating-stars" data-value="%d"><ul>' % n
            + "".join(f'<li class="star" data-value="{i}"><i class="fa fa-star"></i></li>' for i in range(1, 6))
            + "</ul></div>")


def _own_comment(cid: int, who: str, words: str, replies: str = "", stars: int = 5) -> str:
    return (f'<div class="comment" comment_id="{cid}" id="comment-{cid}">'
            f'<strong class="comment-name">{who}</strong><span class="comment-time"> - Jan. 4, 2024, 3:1{cid % 10} p.m.</span>'
            f'{_stars(stars) if stars else ""}<p></p><p>{words}</p><div class="reply-area">{replies}'
            f'<div class="reply-form-placeholder"></div><div class="reply-button"><div class="reply-link">Reply</div></div>'
            f'</div></div>')


def test_reply_blocks_with_name_date_and_paragraphs_inside_a_comment_and_star_only_reviews():
    reply = ('<div class="reply"><strong class="comment-name">Kitchen Team</strong>'
             '<span class="comment-time"> - Jan. 5, 2024, 9:00 a.m.</span><p></p>'
             '<p>Thank you, so glad it worked out for you!</p></div>')
    body = ('<h3>Reviews</h3>'
            + _own_comment(21, "Ada Example", "Lovely soup, made it twice this week.", replies=reply)
            + _own_comment(22, "Bea Sample", "")
            + _own_comment(23, "Cy Demo", "Good, a little too salty for me.", stars=3)
            + _own_comment(24, "Dee Person", "", stars=0))
    assert shape(read_page(body)) == [
        ("Lovely soup, made it twice this week.", 0, None, "Ada Example"),
        ("Thank you, so glad it worked out for you!", 1, "Lovely soup, made it twice this week.", "Kitchen Team"),
        ("[no text]", 0, None, "Bea Sample"),
        ("Good, a little too salty for me.", 0, None, "Cy Demo"),
        ("[no text]", 0, None, "Dee Person")]


def test_wordpress_reply_link_box_is_never_a_reply():
    body = ('<ol class="comment-list"><li class="comment depth-1" id="comment-31"><article class="comment-body">'
            '<footer class="comment-meta"><div class="comment-author"><b class="fn">Ada Example</b> says:</div>'
            '<div class="comment-metadata"><time datetime="2024-01-04T10:00:00">January 4, 2024</time></div></footer>'
            '<div class="comment-content"><p>A plain comment with words.</p></div>'
            '<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article></li></ol>')
    assert shape(read_page(body)) == [("A plain comment with words.", 0, None, "Ada Example")]


# --------------------------------------------------------------------------- comments in article boxes

def _article_comment(k: int, who: str, words: str, hidden: bool) -> str:
    return (f'<div class="comment-here{" d-none" if hidden else ""}"><article class="row"><a id="note{k}" name="note{k}"></a>'
            f'<div class="col-2"><figure><a href="/profile/{who}/"><img src="/a.png" alt="no avatar"></a></figure></div>'
            f'<div class="col-10"><div class="panel"><div class="panel-body"><header>'
            f'<a class="comment-user" href="/profile/{who}/">{who}</a> '
            f'<time class="comment-date" datetime="0{k}-10-2019 13:16">{k}. 10. 2019 13:16</time></header>'
            f'<div class="comment-post"><div class="p">{words}</div></div></div></div>'
            f'<div class="comment-likes"><a href="javascript:void(0);">@answer</a> 2x '
            f'<a href="/profile/zed_other/">zed_other</a>, <a href="/profile/yan_other/">yan_other</a></div></div>'
            f'</article></div>')


def test_comments_in_article_boxes_side_by_side_including_hidden_ones():
    body = ('<article class="recipe"><h1>Pancakes</h1><p>Mix the flour with the milk and the eggs, rest.</p></article>'
            '<div class="comment-list">'
            + _article_comment(1, "ada_example", "The batter needs to rest, good tip.", False)
            + _article_comment(2, "bea_sample", "I use plain flour and some oil.", False)
            + _article_comment(3, "cy_demo", "Mine tore the first time, not anymore.", True)
            + '</div><a href="#" class="more">more comments</a>')
    assert shape(read_page(body)) == [
        ("The batter needs to rest, good tip.", 0, None, "ada_example"),
        ("I use plain flour and some oil.", 0, None, "bea_sample"),
        ("Mine tore the first time, not anymore.", 0, None, "cy_demo")]


# --------------------------------------------------------------------------- one comment, two blocks

def test_a_comment_block_whose_only_child_block_is_its_container_is_read_once():
    def item(k, who, day, words):
        return (f'<li class="comment-list-item" id="textArea{700 + k}"><div class="comment">'
                f'<div class="author-img"><img src="/mini.png" alt="{who}"></div>'
                f'<div class="comment-container"><div class="comment-content">'
                f'<p class="author">{who} <span>, {day}.02.2022</span></p><p class="message">{words}</p></div>'
                f'<div class="respond"><span class="clickable">Answer</span></div></div></div></li>')
    body = ('<div class="comments-list"><ul>' + item(1, "Ada Example", 11, "Good with bread and butter.")
            + item(2, "Bea Sample", 12, "Less oil next time, they were heavy.") + '</ul></div>')
    assert shape(read_page(body)) == [
        ("Good with bread and butter.", 0, None, "Ada Example"),
        ("Less oil next time, they were heavy.", 0, None, "Bea Sample")]


# --------------------------------------------------------------------------- abbreviated part names

def test_theme_parts_named_com_auth_com_date_com_content():
    def art(cid, depth, who, words, inner=""):
        return (f'<li class="comment-li"><article id="comment-{cid}" class="comment depth-{depth} comdiv">'
                f'<div class="commeta"><ul><li class="comauth">{who}</li><li class="comdate">'
                f'<time datetime="2019-07-0{depth}T15:13:51+02:00">July {depth}, 2019 3:13pm</time></li></ul></div>'
                f'<div class="comright"><div class="comcontent"><p>{words}</p></div>'
                f'<div class="comactions"><ul></ul></div></div></article>{inner}</li>')
    body = ('<ol class="commentlist">'
            + art(51, 1, "Ada Example", "A comment on the recipe.",
                  '<ul class="children">' + art(52, 2, "Bea Sample", "An answer to it.") + '</ul>')
            + art(53, 1, "Cy Demo", "Another comment.") + '</ol>')
    assert shape(read_page(body)) == [
        ("A comment on the recipe.", 0, None, "Ada Example"),
        ("An answer to it.", 1, "A comment on the recipe.", "Bea Sample"),
        ("Another comment.", 0, None, "Cy Demo")]


# --------------------------------------------------------------------------- Yotpo reviews and Q&A

def _yotpo_head(who: str, date_cls: str, day: str, owner: bool = False) -> str:
    return (f'<div class="yotpo-header{" yotpo-store-owner" if owner else ""}"><span class="yotpo-icon-profile">'
            f'<span class="yotpo-user-letter">{who[:1]}</span></span><div class="yotpo-header-element">'
            f'<span class="y-label yotpo-user-name">{who}</span></div>'
            f'<div class="yotpo-header-element yotpo-header-actions"><span class="y-label {date_cls}">{day}</span></div></div>')


def test_yotpo_reviews_questions_and_answers():
    review = ('<div class="yotpo-review yotpo-regular-box" data-review-id="9001">'
              + _yotpo_head("Ada E.", "yotpo-review-date", "12/03/21")
              + '<div class="yotpo-main"><div class="content-title">Nice Title</div>'
              '<div class="yotpo-review-wrapper"><span class="sr-only">Review by Ada E. on 3 Dec 2021</span>'
              '<div class="content-review">Soft and spicy, the family liked them a lot.</div></div></div>'
              '<div class="yotpo-footer"><span class="y-label">share</span></div></div>')
    template = ('<div class="yotpo-review yotpo-regular-box yotpo-hidden yotpo-template" data-review-id="">'
                + _yotpo_head("", "yotpo-review-date", "") + '<div class="content-review"></div></div>')
    question = ('<div class="yotpo-questions"><div class="yotpo-question yotpo-regular-box" data-question-id="77">'
                + _yotpo_head("Bea S.", "question-date", "11/02/21")
                + '<div class="yotpo-main"><div class="content-question">Q: Can I use whole wheat flour?</div></div>'
                '<div class="yotpo-footer"><span class="yotpo-aux y-label">Answers (1)</span></div>'
                '<div class="yotpo-comments-box visible"><div class="yotpo-comment-box yotpo-comment" data-answer-id="78">'
                + _yotpo_head("The Shop Team", "question-date", "11/03/21", owner=True)
                + '<div class="yotpo-main"><div class="content-title"> </div>'
                '<div class="content-question">A: Yes, add a spoon more of water.</div></div>'
                '<div class="yotpo-footer"><div class="yotpo-helpful"><span class="y-label">Was this answer helpful?</span>'
                '</div></div></div></div></div></div>')
    body = f'<div class="yotpo yotpo-main-widget">{template}<div class="yotpo-reviews">{review}</div>{question}</div>'
    assert shape(read_page(body)) == [
        ("Soft and spicy, the family liked them a lot.", 0, None, "Ada E."),
        ("Q: Can I use whole wheat flour?", 0, None, "Bea S."),
        ("A: Yes, add a spoon more of water.", 1, "Q: Can I use whole wheat flour?", "The Shop Team")]


# --------------------------------------------------------------------------- like labels vs words

def test_a_reply_opening_with_like_words_is_text_but_a_like_button_row_is_not():
    from therapy_threads.readers.comments.cleanup import clean_comment_text
    assert clean_comment_text("Mi piace tanto, Ada! Brava", "Bea Sample") == "Mi piace tanto, Ada! Brava"
    assert clean_comment_text("Me gusta mucho esta receta.", "Bea Sample") == "Me gusta mucho esta receta."
    assert clean_comment_text("Words of the reply.\nGefällt mir 3", "Bea Sample") == "Words of the reply."
    assert clean_comment_text("Words of the reply.\nMi piace · Rispondi", "Bea Sample") == "Words of the reply."


def test_an_at_name_with_the_answered_comments_date_opening_the_text_is_words():
    from therapy_threads.readers.comments.cleanup import clean_comment_text
    assert clean_comment_text("@ada_example  (2.9.2018 20:20)\nI do it the same way.", "bea_sample",
                              date_texts=("3. 9. 2018 10:00",)) == "@ada_example  (2.9.2018 20:20)\nI do it the same way."
    assert clean_comment_text("March 3, 2020 @ 3:15 pm\nGood soup.", "Bea Sample") == "Good soup."


# --------------------------------------------------------------------------- a site's namespaced parts

def test_name_and_date_parts_in_a_sites_short_namespace_and_a_reply_inside_the_words_block():
    def item(cid, who, day, words, inner="", reply=False):
        return (f'<{"div" if reply else "li"} class="xy-comment{" reply" if reply else ""}" id="xy-comment-{cid}">'
                f'<div class="xy-comment-head"><div class="xy-name">{who}</div><div class="xy-date">{day}</div></div>'
                f'<div class="xy-comment-content"> {words} {inner}</div></{"div" if reply else "li"}>')
    body = ('<div class="xy-comments-cnt"><ul class="xy-comments-wrap">'
            + item(901, "ada_example", "giovedì 14 aprile 2022", "Can I make it without a thermometer?",
                   item(902, "The Editors", "venerdì 15 aprile 2022", "@ada_example: better to buy one.", reply=True))
            + item(903, "bea_sample", "lunedì 24 maggio 2021", "It did not set after hours in the fridge.")
            + '</ul></div>')
    assert shape(read_page(body, lang="it")) == [
        ("Can I make it without a thermometer?", 0, None, "ada_example"),
        ("@ada_example: better to buy one.", 1, "Can I make it without a thermometer?", "The Editors"),
        ("It did not set after hours in the fridge.", 0, None, "bea_sample")]
