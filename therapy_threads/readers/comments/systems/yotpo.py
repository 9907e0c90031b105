"""Yotpo's reviews and Q&A widget (``div.yotpo-main-widget``) in a page saved after it rendered.

Yotpo's script draws a shop's product reviews and questions into the page (the vendor's script
is not public source; the rendered DOM is the same on every shop that embeds it). A review is
``div.yotpo-review.yotpo-regular-box[data-review-id]``: ``div.yotpo-header`` (the reviewer's
``span.yotpo-user-name``, ``span.yotpo-review-date``, star icons with an ``sr-only`` "5.0 star
rating" label, "Recommend: Yes" user fields), ``div.yotpo-main`` (``div.content-title`` — the
review's title, not its words — and ``div.content-review``, whose words a "...Read More" toggle
splits into the text before it and ``p.rest-content-collapsed``), then the shop's comments on the
review in ``div.yotpo-comments-box``. A question is ``div.yotpo-question[data-question-id]`` with
``div.content-question`` ("Q: ..."); its answers are ``div.yotpo-comment-box[data-answer-id]``
inside the question's ``div.yotpo-comments-box`` (``div.content-question`` "A: ...", the answerer's
``span.yotpo-user-name`` — the shop's team in a ``yotpo-store-owner`` header — and
``span.question-date``): replies of the question. Reviews and questions are the top level. The
widget keeps one hidden ``yotpo-template`` review for its script to clone: never a comment.
"""
from __future__ import annotations

from .topic_page import FlatForum


class Yotpo(FlatForum):
    name = "yotpo"
    order = 17
    content_classes = ("content-review", "content-question")
    author_classes = ("yotpo-user-name",)
    date_classes = ("yotpo-review-date", "question-date")
    meta_classes = frozenset({"content-title", "yotpo-read-more", "sr-only", "yotpo-user-related-fields",
                              "yotpo-multiple-rating-fields", "yotpo-review-stars", "yotpo-footer",
                              "product-link-wrapper", "yotpo-user-letter", "yotpo-user-title",
                              "yotpo-icon-profile", "yotpo-helpful", "footer-additional-actions"})
    post_selector = "div.yotpo-review, div.yotpo-question, div.yotpo-comment-box"
    key = "yotpo-{0}"
    # answers are printed inside their question: the nesting states the tree
    flat = False
    content_required = False

    def post_number(self, page, post):
        """"review-ID", "question-ID", "answer-ID" from the widget's data attributes; the hidden
        template the script clones is no post."""
        a = page.attrs
        if "yotpo-template" in a.classes(post):
            return None
        key = a.get(post, "data-review-id") or a.get(post, "data-question-id") or a.get(post, "data-answer-id")
        return f"{self._kind(page, post)}-{key}" if key else None

    def content_of(self, page, post, pid):
        return next((d for d in post.css("div.content-review, div.content-question") if _own(d, post)), None)

    def post_author(self, page, post):
        # the shop's team answers under a ``yotpo-store-owner`` header
        if self._kind(page, post) == "answer" and post.css_first("div.yotpo-store-owner") is not None:
            return True
        return None

    @staticmethod
    def _kind(page, post) -> str:
        cls = page.attrs.classes(post)
        return "answer" if "yotpo-comment-box" in cls else ("question" if "yotpo-question" in cls else "review")


def _own(d, n) -> bool:
    """``d`` belongs to ``n`` itself, not to an answer nested in it."""
    p = d.parent
    while p is not None and p.mem_id != n.mem_id:
        if p.attributes.get("data-answer-id"):
            return False
        p = p.parent
    return True
