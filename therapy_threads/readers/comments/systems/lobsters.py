"""Lobsters (and its forks: the ``lobsters/lobsters`` Rails app) story threads.

From ``app/views/comments/_threads.html.erb`` and ``_comment.html.erb``: each comment is
``li.comments_subtree`` holding a fold checkbox, ``div.comment#c_{SHORTID}[data-shortid]`` (with
``div.voters`` — the score — and ``div.details`` > ``div.byline``: the avatar link, the author's
``a[href="/~NAME"]``, the permalink ``a[href="/c/SHORTID"]`` around ``time``, flag and reason spans;
then ``div.comment_text``) and ``ol.comments`` with the replies' subtrees. The story's own
``li.comments_subtree#story_comments`` wraps the whole thread and is not a comment.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page


class Lobsters(CommentSystem):
    name = "lobsters"
    order = 30
    content_classes = ("comment_text",)
    date_classes = ("tag:time",)
    meta_classes = frozenset({"voters", "byline", "flagger", "reason", "comment_folder",
                              "comment_folder_button", "upvoter"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for li in page.root.css("li.comments_subtree"):
            box = next((c for c in li.iter() if c.tag == "div" and a.get(c, "data-shortid")
                        and a.id(c).startswith("c_")), None)
            if box is None:
                continue
            author = None
            for link in box.css(".byline a[href^='/~'], .byline a[href^='/u/']"):
                if link.css_first("img") is None and link.text(strip=True):
                    author = link.text(strip=True)
                    break
            out.append(Item(li, self.name, f"c_{a.get(box, 'data-shortid')}", author=author,
                            content=box.css_first(".comment_text")))
        return out
