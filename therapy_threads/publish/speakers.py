"""The ``speakers`` table: one row per commenter pseudonym, derived from the comments table.

Derived when publishing, never built separately, so its counts cannot disagree with the comments
they summarise (:func:`check_speakers` proves it before a release is written). Column order and
types come from ``schemas/speakers.schema.json``.
"""
from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import UserError
from ..schema import arrow_schema

COLUMNS = ["comment_id", "post_id", "source_id", "parent_id", "depth", "published_at",
           "author_pseudonym", "is_post_author"]


def derive_speakers(comments: pa.Table) -> pa.Table:
    """Aggregate ``comments`` (at least :data:`COLUMNS`) into the speakers table, sorted by
    pseudonym. Comments without a pseudonym belong to no speaker."""
    t = comments.select(COLUMNS)
    known = t.filter(pc.is_valid(t.column("author_pseudonym")))
    if known.num_rows == 0:
        return arrow_schema("speakers").empty_table()
    depth = known.column("depth")
    known = known.append_column("is_top", pc.cast(pc.equal(depth, 0), pa.int32()))
    known = known.append_column("is_reply", pc.cast(pc.greater(depth, 0), pa.int32()))
    known = known.append_column(
        "by_author", pc.cast(pc.fill_null(known.column("is_post_author"), False), pa.int32()))
    agg = known.group_by("author_pseudonym").aggregate([
        ("comment_id", "count"),
        ("post_id", "count_distinct"),
        ("source_id", "count_distinct"),
        ("is_top", "sum"),
        ("is_reply", "sum"),
        ("by_author", "sum"),
        ("published_at", "min"),
        ("published_at", "max"),
    ])
    received = _replies_received(t)
    agg = agg.join(received, "author_pseudonym", join_type="left outer")
    agg = agg.sort_by("author_pseudonym")
    schema = arrow_schema("speakers")
    cols = {
        "author_pseudonym": agg.column("author_pseudonym"),
        "n_comments": agg.column("comment_id_count"),
        "n_posts": agg.column("post_id_count_distinct"),
        "n_sources": agg.column("source_id_count_distinct"),
        "n_threads_started": agg.column("is_top_sum"),
        "n_replies": agg.column("is_reply_sum"),
        "n_replies_received": pc.fill_null(agg.column("n_replies_received"), 0),
        "n_as_post_author": agg.column("by_author_sum"),
        "first_seen": agg.column("published_at_min"),
        "last_seen": agg.column("published_at_max"),
    }
    return pa.table([pc.cast(cols[f.name], f.type) for f in schema], schema=schema)


def _replies_received(t: pa.Table) -> pa.Table:
    """(author_pseudonym, n_replies_received): replies to each speaker's comments by others."""
    authors = t.select(["comment_id", "author_pseudonym"]).rename_columns(
        ["parent_id", "parent_author"])
    replies = t.filter(pc.is_valid(t.column("parent_id"))).select(
        ["parent_id", "author_pseudonym"])
    joined = replies.join(authors, "parent_id", join_type="inner")
    joined = joined.filter(pc.is_valid(joined.column("parent_author")))
    other = pc.or_kleene(pc.is_null(joined.column("author_pseudonym")),
                         pc.not_equal(joined.column("author_pseudonym"),
                                      joined.column("parent_author")))
    joined = joined.filter(pc.fill_null(other, True))
    if joined.num_rows == 0:
        return pa.table({"author_pseudonym": pa.array([], pa.string()),
                         "n_replies_received": pa.array([], pa.int64())})
    out = joined.group_by("parent_author").aggregate([("parent_id", "count")])
    return pa.table({"author_pseudonym": out.column("parent_author"),
                     "n_replies_received": out.column("parent_id_count")})


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
