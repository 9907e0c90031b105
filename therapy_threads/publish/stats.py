"""Statistics of a release, computed with Arrow kernels (no Python row objects)."""
from __future__ import annotations

from collections import Counter
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

QUANTILES = (0.0, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0)


def _counts(arr: pa.ChunkedArray | pa.Array) -> dict[str, int]:
    vc = pc.value_counts(arr)
    out = {}
    for item in vc.to_pylist():
        out[str(item["values"])] = int(item["counts"])
    return dict(sorted(out.items()))


def _quantiles(arr: pa.ChunkedArray | pa.Array) -> dict[str, float] | None:
    arr = pc.drop_null(arr)
    if len(arr) == 0:
        return None
    qs = pc.quantile(arr, q=list(QUANTILES), interpolation="lower").to_pylist()
    out = {f"p{int(q * 100)}": int(v) for q, v in zip(QUANTILES, qs, strict=True)}
    out["mean"] = round(float(pc.mean(arr).as_py()), 1)
    return out


def post_stats(posts: pa.Table, body_chars: pa.ChunkedArray | pa.Array | None = None
               ) -> dict[str, Any]:
    """``body_chars``: the bodies' lengths, when ``posts`` was read without its bodies."""
    declared = posts.column("declared_comment_count")
    extracted = posts.column("extracted_comment_count")
    has_decl = pc.is_valid(declared)
    mism = pc.and_(has_decl, pc.not_equal(pc.fill_null(declared, 0), extracted))
    gaps = posts.select(["post_id", "source_id", "title", "declared_comment_count",
                         "extracted_comment_count"]).filter(mism)
    gap_rows = sorted(gaps.to_pylist(), key=lambda r: (r["source_id"], r["post_id"]))
    return {
        "posts": posts.num_rows,
        "per_source": _counts(posts.column("source_id")),
        "languages": _counts(pc.fill_null(posts.column("language"), "unknown")),
        "with_declared_count": int(pc.sum(pc.cast(has_decl, pa.int64())).as_py() or 0),
        "declared_total": int(pc.sum(declared.cast(pa.int64())).as_py() or 0),
        "extracted_total_where_declared": int(
            pc.sum(pc.if_else(has_decl, extracted.cast(pa.int64()), 0)).as_py() or 0),
        "declared_vs_extracted": gap_rows,
        "body_chars": _quantiles(pc.utf8_length(posts.column("body")) if body_chars is None
                                else body_chars),
    }


def comment_stats(comments: pa.Table, post_ids: list[str],
                  text_chars: pa.ChunkedArray | pa.Array | None = None) -> dict[str, Any]:
    """``text_chars``: the texts' lengths, when ``comments`` was read without its texts."""
    depth = comments.column("depth")
    per_post = Counter({pid: 0 for pid in post_ids})
    per_post.update(_counts(comments.column("post_id")))
    cpp = pa.array(sorted(per_post.values()), type=pa.int64())
    n_roots = int(pc.sum(pc.cast(pc.equal(depth, 0), pa.int64())).as_py() or 0)
    thread_sizes = pa.array(sorted(_counts(comments.column("root_id")).values()), type=pa.int64())

    per_source: dict[str, dict[str, Any]] = {}
    # Only the small columns: filtering the whole table would copy every text.
    narrow = comments.select(["source_id", "depth", "author_pseudonym", "is_post_author"])
    for sid in sorted(pc.unique(comments.column("source_id")).to_pylist()):
        sub = narrow.filter(pc.equal(narrow.column("source_id"), sid))
        per_source[sid] = {
            "comments": sub.num_rows,
            "threads": int(pc.sum(pc.cast(pc.equal(sub.column("depth"), 0), pa.int64())).as_py()),
            "max_depth": int(pc.max(sub.column("depth")).as_py()),
            "pseudonyms": int(pc.count_distinct(sub.column("author_pseudonym")).as_py()),
            "by_post_author": int(pc.sum(pc.cast(pc.fill_null(sub.column("is_post_author"), False),
                                                 pa.int64())).as_py()),
        }
    return {
        "comments": comments.num_rows,
        "threads": n_roots,
        "replies": comments.num_rows - n_roots,
        "max_depth": int(pc.max(depth).as_py()) if comments.num_rows else 0,
        "depth_distribution": sorted(([int(k), v] for k, v in _counts(depth).items())),
        "comments_per_post": _quantiles(cpp),
        "comments_per_post_values": cpp.to_pylist(),
        "thread_size": _quantiles(thread_sizes),
        "text_chars": _quantiles(pc.utf8_length(comments.column("text")) if text_chars is None
                                else text_chars),
        "languages": _counts(pc.fill_null(comments.column("language"), "unknown")),
        "pseudonyms": int(pc.count_distinct(comments.column("author_pseudonym")).as_py()),
        "with_pseudonym": int(pc.sum(pc.cast(pc.is_valid(comments.column("author_pseudonym")),
                                             pa.int64())).as_py() or 0),
        "per_source": per_source,
    }


def quarantine_stats(quarantine: pa.Table) -> dict[str, Any]:
    return {
        "rows": quarantine.num_rows,
        "by_reason": _counts(quarantine.column("reason")),
        "by_kind": _counts(quarantine.column("item_kind")),
        "per_source": _counts(quarantine.column("source_id")),
    }
