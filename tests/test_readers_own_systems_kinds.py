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
