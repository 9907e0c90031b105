"""Reply structure: turn source keys into ids, and derive root, depth, path and child counts.

Readers only say which comment answers which (``parent_key``); this module is the one place that
decides what a thread is, so every source format gets the same guarantees: every published
parent exists earlier in the same post, depth = parent depth + 1, no cycles. Comments that break
them go to quarantine with a reason instead of being dropped or guessed at.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import ids
from .records import Comment, QuarantineRow


# WordPress allows at most 10 levels; a deeper tree is a parser bug or hostile input. Past this
# depth comments are quarantined rather than published, so `path` (which grows with depth)
# stays bounded and nothing is silently lost.
MAX_DEPTH = 256


@dataclass(slots=True)
class TreeResult:
    comments: list[Comment]
    quarantine: list[QuarantineRow]


def build_tree(post_id: str, source_id: str, comments: list[Comment]) -> TreeResult:
    """Resolve ``parent_key`` links for one post.

    ``comments`` are in order of appearance. Ids are derived from ``source_key``; a duplicated
    key inside one post is quarantined (second and later copies), a reply whose parent is not in
    the post (deleted, unapproved, never captured) is an orphan and is quarantined together with
    its descendants, and links that form a cycle are quarantined whole.

    A comment marked ``removed`` (the source shows or records it as deleted; readers keep it
    with empty text) is an ordinary node here: its replies keep it as their parent, it counts in
    ``n_children``, and it follows the same rules (a removed orphan is quarantined like any).
    So "deleted" above means a parent the source no longer holds at all.
    """
    quarantine: list[QuarantineRow] = []
    by_key: dict[str, Comment] = {}
    kept: list[Comment] = []
    for c in comments:
        if c.source_key in by_key:
            quarantine.append(_q(source_id, post_id, c, "duplicate_key",
                                 f"comment key {c.source_key!r} appears twice in this post"))
            continue
        c.post_id = post_id
        c.source_id = source_id
        c.comment_id = ids.comment_id(post_id, c.source_key)
        by_key[c.source_key] = c
        kept.append(c)

    # Cycle and orphan detection by walking up from each comment with memoised status.
    status: dict[str, str] = {}  # key -> "ok" | "orphan" | "cycle"
    for c in kept:
        if c.source_key in status:
            continue
        trail: list[str] = []
        on_trail: set[str] = set()
        key: str | None = c.source_key
        verdict = "ok"
        while key is not None:
            if key in status:
                verdict = status[key]
                break
            if key in on_trail:
                verdict = "cycle"
                break
            node = by_key.get(key)
            if node is None:
                verdict = "orphan"
                break
            trail.append(key)
            on_trail.add(key)
            key = node.parent_key
        for k in trail:
            status[k] = verdict

    ok: list[Comment] = []
    for c in kept:
        st = status[c.source_key]
        if st == "ok":
            ok.append(c)
        elif st == "cycle":
            quarantine.append(_q(source_id, post_id, c, "cycle",
                                 "reply links of this comment form a cycle"))
        else:
            missing = _first_missing(c, by_key)
            reason = "orphan_reply" if missing == c.parent_key else "orphan_descendant"
            quarantine.append(_q(source_id, post_id, c, reason,
                                 f"parent {missing!r} is not in the post (deleted, unapproved or not captured)"))

    # A parent must appear before its child: sources list in display order, so a later parent
    # means the order is broken; keep the child and re-order rather than drop text.
    ok = _parents_first(ok, by_key)
    children: dict[str, int] = {}
    too_deep: set[str] = set()
    placed: list[Comment] = []
    for c in ok:
        if c.parent_key is not None and (c.parent_key in too_deep or by_key[c.parent_key].depth >= MAX_DEPTH):
            too_deep.add(c.source_key)
            quarantine.append(_q(source_id, post_id, c, "too_deep",
                                 f"nested deeper than {MAX_DEPTH} levels"))
            continue
        c.position = len(placed)
        placed.append(c)
        if c.parent_key is None:
            c.parent_id = None
            c.root_id = c.comment_id
            c.depth = 0
            c.path = c.comment_id
        else:
            p = by_key[c.parent_key]
            c.parent_id = p.comment_id
            c.root_id = p.root_id
            c.depth = p.depth + 1
            c.path = p.path + "/" + c.comment_id
            children[p.comment_id] = children.get(p.comment_id, 0) + 1
    for c in placed:
        c.n_children = children.get(c.comment_id, 0)
    return TreeResult(placed, quarantine)


def _first_missing(c: Comment, by_key: dict[str, Comment]) -> str | None:
    key = c.parent_key
    seen: set[str] = set()
    while key is not None and key in by_key and key not in seen:
        seen.add(key)
        key = by_key[key].parent_key
    return key


def _parents_first(comments: list[Comment], by_key: dict[str, Comment]) -> list[Comment]:
    placed: set[str] = set()
    out: list[Comment] = []
    pending: dict[str, list[Comment]] = {}

    def place(first: Comment) -> None:
        stack = [first]  # iterative: hostile input can nest thousands deep
        while stack:
            c = stack.pop()
            out.append(c)
            placed.add(c.source_key)
            stack.extend(reversed(pending.pop(c.source_key, [])))

    for c in comments:
        if c.parent_key is None or c.parent_key in placed:
            place(c)
        else:
            pending.setdefault(c.parent_key, []).append(c)
    return out


def _q(source_id: str, post_id: str, c: Comment, reason: str, detail: str) -> QuarantineRow:
    return QuarantineRow(
        source_id=source_id, item_kind="comment", reason=reason, detail=detail,
        location=c.location, post_id=post_id, item_id=c.comment_id or None,
        content_sha256=ids.sha256_text(c.text),
    )
