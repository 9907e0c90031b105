"""Reply trees and conversations over a loaded release, in the spirit of ConvoKit.

>>> import therapy_threads as tt
>>> comments = tt.load("comments")
>>> roots = tt.reply_tree(comments, post_id)        # top-level comments, each with .children
>>> node = roots[0].subtree(comment_id)             # any comment of that thread
>>> [a.comment_id for a in node.ancestors()]        # parent first, up to the thread's root
>>> list(roots[0].walk("chronological"))            # also "reading", "breadth-first", "postorder"
>>> doc = tt.conversation(post_id)                  # the post with all its threads, nested JSON

The published rows already satisfy tree.py's guarantees (every parent is an earlier comment of
the same post, depth = parent depth + 1, no cycles); the structures here only mirror them.
Every walk is iterative, so a thread thousands of replies deep never hits the recursion limit.
"""
from __future__ import annotations

import datetime as _dt
import math
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

Order = Literal["reading", "preorder", "chronological", "breadth-first", "bfs", "postorder"]


@dataclass(slots=True, eq=False, repr=False)
class Node:
    """One comment in a reply tree. ``row`` holds every published column of the comment."""

    comment_id: str
    parent_id: str | None
    depth: int
    position: int
    row: dict[str, Any]
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None  # None for a thread's root (or a reply whose parent was filtered out)

    def __repr__(self) -> str:  # short: never the subtree or the text
        n = len(self.children)
        return (f"Node({self.comment_id!r}, depth={self.depth}, "
                f"{n} {'reply' if n == 1 else 'replies'})")

    @property
    def text(self) -> str:
        return self.row.get("text") or ""

    @property
    def removed(self) -> bool:
        """The platform shows this comment as deleted: a node without text (its replies keep
        it as their parent). False for releases from before the ``removed`` column."""
        return bool(self.row.get("removed"))

    @property
    def author(self) -> str | None:
        return self.row.get("author_pseudonym")

    @property
    def published_at(self) -> Any:
        return self.row.get("published_at")

    @property
    def root(self) -> Node:
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def ancestors(self) -> list[Node]:
        """The parent, its parent, ... up to the thread's root (empty for a root)."""
        out = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def walk(self, order: Order = "reading") -> Iterator[Node]:
        """This node and its descendants.

        ``reading`` (= ``preorder``): as the page shows them, each reply under its parent.
        ``breadth-first`` (= ``bfs``): level by level. ``postorder``: replies before their
        parent. ``chronological``: by ``published_at`` (undated comments last, ties in reading
        order).
        """
        if order in ("reading", "preorder"):
            stack = [self]
            while stack:
                node = stack.pop()
                yield node
                stack.extend(reversed(node.children))
        elif order in ("breadth-first", "bfs"):
            queue = deque([self])
            while queue:
                node = queue.popleft()
                yield node
                queue.extend(node.children)
        elif order == "postorder":
            out: list[Node] = []
            stack = [self]
            while stack:
                node = stack.pop()
                out.append(node)
                stack.extend(node.children)
            yield from reversed(out)
        elif order == "chronological":
            yield from sorted(self.walk("reading"), key=_time_key)
        else:
            raise ValueError(f"unknown order {order!r}; use reading, breadth-first, postorder "
                             "or chronological")

    def breadth_first(self) -> Iterator[Node]:
        return self.walk("breadth-first")

    def chronological(self) -> list[Node]:
        return list(self.walk("chronological"))

    def subtree(self, comment_id: str) -> Node:
        """The node ``comment_id`` in this subtree (this node included); KeyError if absent."""
        for node in self.walk():
            if node.comment_id == comment_id:
                return node
        raise KeyError(f"{comment_id} is not in the subtree of {self.comment_id}")

    def size(self) -> int:
        return sum(1 for _ in self.walk())

    def height(self) -> int:
        """Levels below this node (0 for a comment without replies)."""
        return max(n.depth for n in self.walk()) - self.depth

    def to_dict(self, jsonable: bool = False) -> dict[str, Any]:
        """Nested dicts ``{**row, "children": [...]}``, built iteratively (deep threads are fine).

        ``jsonable``: timestamps as ISO 8601 strings and missing values as None, so the result
        goes straight into ``json.dumps``.
        """
        conv = _jsonable if jsonable else dict
        out = {**conv(self.row), "children": []}
        stack = [(self, out)]
        while stack:
            node, d = stack.pop()
            for child in node.children:
                cd = {**conv(child.row), "children": []}
                d["children"].append(cd)
                stack.append((child, cd))
        return out


def _time_key(n: Node) -> tuple:
    t = n.published_at
    if t is None or (isinstance(t, float) and math.isnan(t)):
        return (1, 0.0, n.position)
    return (0, t.timestamp() if hasattr(t, "timestamp") else float(t), n.position)


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in row.items():
        if isinstance(v, (_dt.datetime, _dt.date)):
            v = v.isoformat()
        elif v is not None and not isinstance(v, (str, bool, int, list, dict)):
            if hasattr(v, "isoformat"):  # pandas Timestamp
                v = v.isoformat()
            elif _isna(v):
                v = None
            elif hasattr(v, "item"):  # numpy scalar
                v = v.item()
        out[k] = v
    return out


def _isna(v: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def find(roots: Iterable[Node], comment_id: str) -> Node:
    """The node ``comment_id`` in a forest (the result of :func:`reply_tree`)."""
    for root in roots:
        for node in root.walk():
            if node.comment_id == comment_id:
                return node
    raise KeyError(f"{comment_id} is not in these threads")


# ---------------------------------------------------------------- building trees


def _rows(comments: Any) -> list[dict[str, Any]]:
    """Rows of a pandas DataFrame, pyarrow Table or datasets.Dataset, as dicts."""
    if isinstance(comments, pa.Table):
        return comments.to_pylist()
    if hasattr(comments, "to_dict") and hasattr(comments, "columns"):  # pandas
        import pandas as pd

        records = comments.to_dict(orient="records")
        return [{k: (None if (not isinstance(v, (list, dict, str)) and pd.isna(v)) else v)
                 for k, v in r.items()} for r in records]
    if hasattr(comments, "to_list"):  # datasets.Dataset
        return comments.to_list()
    return list(comments)


def build_forest(rows: list[dict[str, Any]]) -> list[Node]:
    """Roots (in order of appearance) of the trees formed by ``rows`` of one post."""
    rows = sorted(rows, key=lambda r: (r["position"], r["comment_id"]))
    nodes = {r["comment_id"]: Node(r["comment_id"], r.get("parent_id"), int(r["depth"]),
                                   int(r["position"]), r) for r in rows}
    roots: list[Node] = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id else None
        if parent is not None:
            node.parent = parent
            parent.children.append(node)
        else:
            # A parent outside the given rows (the caller filtered them) makes the reply a root
            # of its own subtree rather than dropping it.
            roots.append(node)
    return roots


def reply_tree(comments: Any, post_id: str) -> list[Node]:
    """The top-level comments of ``post_id`` (in order), each with its replies as ``children``.

    ``comments`` is the comments table as a pandas DataFrame, pyarrow Table, datasets.Dataset
    or a list of row dicts.
    """
    if isinstance(comments, pa.Table):
        import pyarrow.compute as pc

        rows = _rows(comments.filter(pc.equal(comments.column("post_id"), post_id)))
    elif hasattr(comments, "columns") and hasattr(comments, "loc"):  # pandas
        rows = _rows(comments[comments["post_id"] == post_id])
    else:
        rows = [r for r in _rows(comments) if r["post_id"] == post_id]
    return build_forest(rows)


def iter_threads(comments: Any, post_id: str | None = None) -> Iterator[Node]:
    """Yield every thread (a top-level comment with its replies), post by post, in order.

    Works one post at a time: only that post's rows become Python objects, so the whole
    comments table of a large release can be walked without holding it as dicts.
    """
    if post_id is not None:
        yield from reply_tree(comments, post_id)
        return
    for _, rows in iter_post_rows(comments):
        yield from build_forest(rows)


def iter_post_rows(comments: Any) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(post_id, rows) for every post of a comments table, in post_id order."""
    if hasattr(comments, "data") and hasattr(getattr(comments, "data"), "table"):
        comments = comments.data.table  # datasets.Dataset -> its Arrow table
    if isinstance(comments, pa.Table):
        for rows in _arrow_posts(comments):
            yield rows[0]["post_id"], rows
    elif hasattr(comments, "groupby") and hasattr(comments, "columns"):  # pandas
        for pid, group in comments.groupby("post_id", sort=True):
            yield pid, _rows(group)
    else:
        by_post: dict[str, list[dict[str, Any]]] = {}
        for r in _rows(comments):
            by_post.setdefault(r["post_id"], []).append(r)
        for pid in sorted(by_post):
            yield pid, by_post.pop(pid)


def _arrow_posts(t: pa.Table) -> Iterator[list[dict[str, Any]]]:
    """Rows of each post in post_id order; zero-copy slices when the table is sorted by post
    (as published files are), a per-post gather otherwise."""
    import numpy as np
    import pyarrow.compute as pc

    from .publish.parquet import RowGatherer

    if t.num_rows == 0:
        return
    order = pc.sort_indices(t.select(["post_id"]), sort_keys=[("post_id", "ascending")])
    codes = pc.dictionary_encode(t.column("post_id").take(order)).combine_chunks().indices
    codes = codes.to_numpy(zero_copy_only=False)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], len(codes)]
    idx = order.to_numpy(zero_copy_only=False)
    gather = RowGatherer(t)
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        run = idx[a:b]
        if run[-1] - run[0] == b - a - 1 and (b - a == 1 or bool((np.diff(run) == 1).all())):
            yield t.slice(int(run[0]), b - a).to_pylist()
        else:
            yield gather(pa.array(run)).to_pylist()


# ---------------------------------------------------------------- conversations


def conversation(post_id: str, comments: Any = None, posts: Any = None, *,
                 version: str | None = None, source: str | Path | None = None,
                 cache_dir: str | Path | None = None) -> dict[str, Any]:
    """The post ``post_id`` with all its threads, as nested JSON-ready dicts::

        {"post_id": ..., "title": ..., "body": ..., ...every posts column...,
         "n_comments": 12, "n_threads": 4, "n_removed": 1,
         "threads": [{"comment_id": ..., "text": ..., ..., "children": [...]}, ...]}

    A comment the platform shows as deleted is in its place with ``"removed": true`` and
    ``"text": ""`` (its replies under it); ``n_comments`` counts it, ``n_removed`` says how many
    such comments there are.

    Without ``comments``/``posts`` only that post's rows are read from the release (``version``,
    ``source`` as in :func:`therapy_threads.load`); pass loaded tables to avoid re-reading.
    Timestamps are ISO 8601 strings; ``json.dumps`` takes the result as it is.
    """
    from .errors import UserError

    if comments is None or posts is None:
        from .dataset import find_release, read_table, table_files

        release = find_release(version, source, cache_dir=cache_dir)
        flt = [("post_id", "=", post_id)]
        if comments is None:
            comments = read_table(table_files(release, "comments"), filters=flt)
        if posts is None:
            posts = read_table(table_files(release, "posts"), filters=flt)
    post_rows = [r for r in _rows(_only_post(posts, post_id)) if r.get("post_id") == post_id]
    if not post_rows:
        raise UserError(f"post {post_id} is not in this release")
    roots = reply_tree(comments, post_id)
    doc = _jsonable(post_rows[0])
    doc["n_comments"] = sum(r.size() for r in roots)
    doc["n_threads"] = len(roots)
    doc["n_removed"] = sum(n.removed for r in roots for n in r.walk())
    doc["threads"] = [r.to_dict(jsonable=True) for r in roots]
    return doc


def _only_post(posts: Any, post_id: str) -> Any:
    if isinstance(posts, pa.Table):
        import pyarrow.compute as pc

        return posts.filter(pc.equal(posts.column("post_id"), post_id))
    if hasattr(posts, "columns") and hasattr(posts, "loc"):
        return posts[posts["post_id"] == post_id]
    return posts
