"""The ``speakers`` table: one row per commenter pseudonym, derived from the comments table.

Derived when publishing, never built separately, so its counts cannot disagree with the comments
they summarise (:func:`check_speakers` proves it before a release is written). Column order and
types come from ``schemas/speakers.schema.json``.
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import UserError
from ..schema import arrow_schema

COLUMNS = ["comment_id", "post_id", "source_id", "parent_id", "depth", "published_at",
           "author_pseudonym", "is_post_author"]


def derive_speakers(comments: pa.Table) -> pa.Table:
    """Aggregate ``comments`` (at least :data:`COLUMNS`) into the speakers table, sorted by
    pseudonym. Comments without a pseudonym belong to no speaker.

    Pseudonyms, posts and sources are dictionary-encoded once and every count is a bincount over
    the integer codes, so 1M comments take about a second and little memory beyond the codes.
    """
    schema = arrow_schema("speakers")
    t = comments.select(COLUMNS)
    n = t.num_rows
    author = pc.dictionary_encode(t.column("author_pseudonym")).combine_chunks()
    names = author.dictionary
    k = len(names)
    if k == 0:
        return schema.empty_table()
    code = _codes(author)
    known = code >= 0
    c = code[known]

    def distinct_per_speaker(column: str) -> np.ndarray:
        other = _codes(pc.dictionary_encode(t.column(column)).combine_chunks())[known]
        width = int(other.max(initial=0)) + 1
        pairs = np.sort(c * width + other)  # sorting beats np.unique's hashing here
        first = np.ones(len(pairs), dtype=bool)
        first[1:] = pairs[1:] != pairs[:-1]
        return np.bincount(pairs[first] // width, minlength=k)

    depth = t.column("depth").to_numpy(zero_copy_only=False)
    top = np.bincount(c, weights=(depth == 0)[known], minlength=k)
    by_author = pc.fill_null(t.column("is_post_author"), False).to_numpy(zero_copy_only=False)
    times = pa.table({"code": pa.array(code), "ts": t.column("published_at")}).filter(
        pa.array(known)).group_by("code").aggregate([("ts", "min"), ("ts", "max")])
    first = pa.nulls(k, schema.field("first_seen").type).to_pylist()
    last = list(first)
    for cd, lo, hi in zip(times.column("code").to_pylist(), times.column("ts_min").to_pylist(),
                          times.column("ts_max").to_pylist()):
        first[cd], last[cd] = lo, hi
    counts = np.bincount(c, minlength=k)
    cols = {
        "author_pseudonym": names,
        "n_comments": counts,
        "n_posts": distinct_per_speaker("post_id"),
        "n_sources": distinct_per_speaker("source_id"),
        "n_threads_started": top,
        "n_replies": counts - top,
        "n_replies_received": _replies_received(t, code, k, n),
        "n_as_post_author": np.bincount(c, weights=by_author[known], minlength=k),
        "first_seen": first,
        "last_seen": last,
    }
    out = pa.table([pa.array(cols[f.name]).cast(f.type) if not isinstance(cols[f.name], list)
                    else pa.array(cols[f.name], f.type) for f in schema], schema=schema)
    return out.take(pc.sort_indices(out.column("author_pseudonym")))


def _codes(encoded: pa.DictionaryArray) -> np.ndarray:
    """Dictionary indices as int64, -1 where the value is null."""
    return pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def _replies_received(t: pa.Table, code: np.ndarray, k: int, n: int) -> np.ndarray:
    """Per speaker: replies to their comments written by someone else (a reply without a known
    author counts; a reply under the same pseudonym does not)."""
    parent = pc.index_in(t.column("parent_id"), value_set=t.column("comment_id"))
    parent = pc.fill_null(parent, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    has_parent = parent >= 0
    parent_code = np.full(n, -1, dtype=np.int64)
    parent_code[has_parent] = code[parent[has_parent]]
    mine = (parent_code >= 0) & (code != parent_code)
    return np.bincount(parent_code[mine], minlength=k)


def check_speakers(speakers: pa.Table, comments: pa.Table) -> None:
    """Refuse a speakers table that does not reconcile with the comments it came from."""
    from ..schema import schema_problems

    problems = [f"{c}: {p}" for c, p in schema_problems("speakers", speakers.schema)]
    pseud = comments.column("author_pseudonym")
    with_author = len(pseud) - pseud.null_count
    total = pc.sum(speakers.column("n_comments")).as_py() or 0
    if total != with_author:
        problems.append(f"speakers count {total} comments but {with_author} comments have a "
                        "pseudonym")
    distinct = pc.count_distinct(pseud).as_py()
    if speakers.num_rows != distinct:
        problems.append(f"{speakers.num_rows} speakers for {distinct} distinct pseudonyms")
    if speakers.num_rows and pc.count_distinct(speakers.column("author_pseudonym")).as_py() \
            != speakers.num_rows:
        problems.append("author_pseudonym is not unique in speakers")
    if problems:
        raise UserError("the speakers table does not reconcile with comments: "
                        + "; ".join(problems))
