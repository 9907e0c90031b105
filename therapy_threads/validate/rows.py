"""Row-level isolation: move comments and posts that cannot be published into quarantine.

Called by the pipeline once per source, after the reader (and the include/language stages) and
before anonymisation and writing, so nothing unpublishable ever reaches a Parquet file and the
build-level validation only has to confirm it.

What is isolated, with its reason code:

* ``empty_text`` – nothing but whitespace or zero-width characters after cleaning;
* ``metadata_only`` – only page chrome: dates, times, "Reply", "Liked by 3 people", "2 days ago";
* ``deleted_placeholder`` – "[deleted]", "This comment was removed by the author", ...;
* ``empty_post`` – a post with neither title nor body text; its comments go to quarantine with
  ``post_quarantined``, since a comment cannot be published without its post. An empty body
  alone is allowed: some formats never carry the post's text (a Disqus export has only the
  thread's title and link), and dropping their discussions would lose exactly the data the
  dataset is for. Readers warn (``empty_body``) and validation flags short bodies from formats
  that should have one;
* ``parent_quarantined`` – a reply whose parent (or an ancestor) was isolated.

Why replies of an isolated comment are quarantined rather than re-parented: re-parenting a reply
to its grandparent, or promoting it to top level, would publish a reply link the author never
made, and the reply structure is what researchers study. Quarantine keeps the reply reconcilable
(reason, location and hash of the text are kept) without inventing structure. The tree is rebuilt
with ``tree.build_tree`` for each affected post, so positions stay contiguous, ``n_children``
counts only published replies and ``extracted_comment_count`` matches the published rows.

Counts reconcile: every comment that enters is afterwards in ``result.comments`` or, exactly
once, in ``result.quarantine``.
"""
from __future__ import annotations

from .. import ids
from ..records import Comment, Post, QuarantineRow, ReadResult
from ..tree import build_tree
from . import patterns


def comment_problem(text: str | None, removed: bool = False) -> tuple[str, str] | None:
    """(reason, detail) when a comment's text cannot be published, else None. A comment marked
    removed is published without text (the schema's exception): its replies keep their parent."""
    if removed:
        return None
    if patterns.is_blank(text):
        return "empty_text", "the comment has no text after cleaning (whitespace only or nothing)"
    assert text is not None
    if patterns.is_deleted_placeholder(text):
        return "deleted_placeholder", "the text is a platform placeholder for a deleted or withheld comment"
    if patterns.is_metadata_only(text):
        return "metadata_only", "the text is only page metadata (date, time, 'Reply', like counts), not a comment"
    return None


def post_problem(post: Post) -> tuple[str, str] | None:
    if patterns.is_blank(post.body) and patterns.is_blank(post.title):
        return "empty_post", "the post has neither a title nor body text; the reader found no article"
    return None


def isolate_bad_rows(result: ReadResult) -> None:
    """Move unpublishable posts and comments of ``result`` to ``result.quarantine``, in place."""
    bad_posts: dict[str, tuple[str, str]] = {}
    for post in result.posts:
        problem = post_problem(post)
        if problem is not None:
            bad_posts[post.post_id] = problem

    bad_comments: dict[int, tuple[str, str]] = {}
    for i, c in enumerate(result.comments):
        if c.post_id in bad_posts:
            continue
        problem = comment_problem(c.text, c.removed)
        if problem is not None:
            bad_comments[i] = problem

    isolate(result, bad_posts, bad_comments)


def isolate(result: ReadResult, bad_posts: dict[str, tuple[str, str]],
            bad_comments: dict[int, tuple[str, str]]) -> None:
    """Move the posts ``bad_posts`` (post id -> (reason, detail)) and the comments ``bad_comments``
    (index in ``result.comments`` -> (reason, detail)) to quarantine, with their comments and
    replies (``post_quarantined``, ``parent_quarantined``); the rest keeps a consistent tree."""
    if not bad_posts and not bad_comments:
        return

    quarantine: list[QuarantineRow] = []
    for post in result.posts:
        if post.post_id in bad_posts:
            reason, detail = bad_posts[post.post_id]
            quarantine.append(QuarantineRow(
                source_id=result.source_id, item_kind="post", reason=reason, detail=detail,
                location=post.location, post_id=post.post_id, item_id=post.post_id,
                content_sha256=ids.sha256_text(post.body or ""),
            ))

    by_post: dict[str, list[Comment]] = {}
    order: list[str] = []
    for c in result.comments:
        if c.post_id not in by_post:
            by_post[c.post_id] = []
            order.append(c.post_id)
        by_post[c.post_id].append(c)
    affected = {c.post_id for i, c in enumerate(result.comments) if i in bad_comments}
    bad_ids = {id(result.comments[i]): bad_comments[i] for i in bad_comments}

    kept_all: list[Comment] = []
    for pid in order:
        comments = by_post[pid]
        if pid in bad_posts:
            for c in comments:
                quarantine.append(_q(result.source_id, c, "post_quarantined",
                                     f"its post was quarantined ({bad_posts[pid][0]})"))
            continue
        if pid not in affected:
            kept_all.extend(comments)
            continue
        survivors: list[Comment] = []
        removed_keys: dict[str, str] = {}
        for c in comments:
            problem = bad_ids.get(id(c))
            if problem is None:
                survivors.append(c)
            else:
                quarantine.append(_q(result.source_id, c, *problem))
                removed_keys[c.source_key] = problem[0]
        tree = build_tree(pid, result.source_id, survivors)
        for row in tree.quarantine:
            # Orphans created by the removal get a reason that says so; anything else the tree
            # reports (it should report nothing new) keeps the tree's own reason.
            if row.reason in ("orphan_reply", "orphan_descendant"):
                row.reason = "parent_quarantined"
                row.detail = "it replies to a comment that was quarantined (" + \
                    ", ".join(sorted(set(removed_keys.values()))) + "); not re-parented, so no reply link is invented"
            quarantine.append(row)
        kept_all.extend(tree.comments)

    result.comments = kept_all
    result.posts = [p for p in result.posts if p.post_id not in bad_posts]
    counts: dict[str, int] = {}
    for c in kept_all:
        counts[c.post_id] = counts.get(c.post_id, 0) + 1
    for p in result.posts:
        p.extracted_comment_count = counts.get(p.post_id, 0)
    result.quarantine.extend(quarantine)


def _q(source_id: str, c: Comment, reason: str, detail: str) -> QuarantineRow:
    return QuarantineRow(
        source_id=source_id, item_kind="comment", reason=reason, detail=detail,
        location=c.location, post_id=c.post_id, item_id=c.comment_id or None,
        content_sha256=ids.sha256_text(c.text or ""),
    )
