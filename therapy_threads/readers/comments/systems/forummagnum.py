"""ForumMagnum (LessWrong, the EA Forum, the Alignment Forum), server-rendered comment trees.

ForumMagnum's React components print their JSS class names as ``Component-rule``:
``CommentFrame`` gives each comment a ``div.comments-node`` (``comments-node-root`` at the top,
``comments-node-even``/``-odd`` by depth, ``CommentFrame-child`` for a reply) whose id is the
comment's id; inside it ``CommentsItem-root`` holds ``CommentsItemMeta-root`` (the author's
``CommentsItemMeta-username`` > ``UsersNameDisplay`` link, ``CommentsItemDate-root`` > ``time``,
karma and agreement vote axes) and ``CommentBody-root`` (the words), then ``CommentBottom`` (Reply,
reactions). A collapsed comment keeps its header (``CommentsItemMeta-collapse`` "[+]") and has no
``CommentBody-root``. Replies are ``comments-node`` elements nested inside the parent's node. The item also
carries ``recent-comments-node`` (the same component serves the "recent discussion" feed), so
the class alone says nothing about scope.
"""
from __future__ import annotations

from ..base import HIDDEN, CommentSystem, Item, Page
from ..dom import stripped_text


class ForumMagnum(CommentSystem):
    name = "forummagnum"
    order = 32
    content_classes = ("commentbody-root",)
    author_classes = ("commentsitemmeta-username",)
    date_classes = ("commentsitemdate-root",)
    meta_classes = frozenset({"commentsitemmeta-root", "commentbottom-bottom",
                              "commentsitem-replylink", "overallvoteaxis-vote",
                              "agreementvoteaxis-agreementsection"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.comments-node"):
            item = n.css_first(".CommentsItem-root")
            if item is None:
                continue
            # The node's own item, not a nested reply's: the first CommentsItem-root whose nearest
            # comments-node ancestor is this node.
            p = item.parent
            while p is not None and "comments-node" not in a.classes(p):
                p = p.parent
            if p is None or p.mem_id != n.mem_id:
                continue
            user = item.css_first(".CommentsItemMeta-username")
            author = stripped_text(user)
            body = item.css_first(".CommentBody-root")
            # A collapsed comment (low karma, or folded by the reader) prints its header with
            # the "[+]" toggle and no body: a comment without its words, kept as a stand-in.
            toggle = item.css_first(".CommentsItemMeta-collapse")
            collapsed = body is None and toggle is not None and "+" in toggle.text(strip=True)
            out.append(Item(n, self.name, a.id(n), author=author or None, content=body,
                            placeholder=HIDDEN if collapsed else None, header_shown=collapsed))
        return out
