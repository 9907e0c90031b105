"""wpDiscuz (gVectors), from its comment walker (``WpdiscuzWalker::start_el``).

wpDiscuz 5+ prints ``div#wpd-comm-{ID}_{PARENT}.wpd-comment[.wpd-reply].wpd_comment_level-{N}``
> ``.wpd-comment-wrap`` > ``.wpd-comment-left`` (avatar, ``.wpd-comment-label`` "Guest") and
``div#comment-{ID}.wpd-comment-right`` > ``.wpd-comment-header`` (``.wpd-comment-author``,
``.wpd-comment-date`` with the full date in ``title``, ``.wpd-reply-to`` "Reply to X",
``.wpd-comment-status``, ``.wpd-comment-link``), ``.wpd-comment-text`` and ``.wpd-comment-footer``
(votes ``.wpd-vote-result``, ``.wpd-reply-button``, ``.wpd-toggle``). Versions 2-4 (2014-2017)
print ``div#wc-comm-{ID}_{PARENT}.wc-comment.wc_comment_level-{N}`` with the same parts named
``wc-*``. The parent's id is in the element id, so structure never depends on nesting.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page, depth_from_classes

_ID = re.compile(r"^(?:wpd|wc)-comm-(\d+)_(\d+)$")


class WpDiscuz(CommentSystem):
    name = "wpdiscuz"
    order = 10
    content_classes = ("wpd-comment-text", "wc-comment-text")
    author_classes = ("wpd-comment-author", "wc-comment-author")
    date_classes = ("wpd-comment-date", "wc-comment-date")
    like_classes = ("wpd-vote-result-like",)
    meta_classes = frozenset({
        "wpd-comment-label", "wc-comment-label", "wpd-reply-to", "wpd-comment-footer",
        "wc-comment-footer", "wpd-vote", "wpd-vote-result", "wc-vote-result", "wpd-vote-up",
        "wpd-vote-down", "wc-vote-link", "wpd-comment-share", "wpd-comment-status",
        "wpd-comment-link", "wpd-follow-link", "wpd-toggle", "wc-toggle", "wc-reply-link",
        "wpd-reply-button", "wc-comment-header", "wpd-comment-header", "wpd-comment-subheader",
        "wc-comment-left", "wpd-comment-left", "wpd-comment-last-edited", "wc_editable_comment",
        "wc_cancel_edit", "wc_save_edited_comment", "share_buttons_box", "wc-share-link",
        "wpd-tools", "wpd-comment-author", "wc-comment-author", "wpd-comment-date",
        "wc-comment-date", "wpd-avatar",
    })

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("div[id^='wpd-comm-'], div[id^='wc-comm-']", _ID):
            cid, parent = m.groups()
            cls = a.classes(n)
            out.append(Item(
                n, self.name, f"comment-{cid}",
                parent_key=None if parent == "0" else f"comment-{parent}", parent_stated=True,
                depth=depth_from_classes(cls),
                is_post_author=True if cls & {"wpd-blog-post_author", "wc-post-author"} else None))
        return out
