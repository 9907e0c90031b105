"""The speakers table and the comment statistics of a release, computed by DuckDB from the
build's comments file: out of core, so publishing holds no per-comment columns in memory.

Same results as :func:`.speakers.derive_speakers` / :func:`.stats.comment_stats` on the whole
table (``tests/test_publish_streaming.py`` checks them against each other), on a build whose
comment ids are unique (validation refuses one where they are not).
"""
from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import UserError
from ..schema import arrow_schema
from .parquet import SORT_MEMORY
from .stats import _quantiles


def _connect(spill: str, memory_limit: str):
    import duckdb

    return duckdb.connect(config={"memory_limit": memory_limit, "threads": "2",
                                  "temp_directory": spill, "preserve_insertion_order": "false"})


_SPEAKERS_SQL = """
WITH c AS (
    SELECT comment_id, post_id, source_id, parent_id, depth, published_at,
           author_pseudonym AS a, coalesce(is_post_author, false) AS by_author
    FROM read_parquet($path)
), received AS (  -- replies to a speaker's comment by someone else (or by no known author)
    SELECT p.a, count(*) AS n
    FROM c AS r JOIN c AS p ON r.parent_id = p.comment_id
    WHERE p.a IS NOT NULL AND (r.a IS NULL OR r.a <> p.a)
    GROUP BY p.a
), s AS (
    SELECT a, count(*) AS n_comments, count(DISTINCT post_id) AS n_posts,
           count(DISTINCT source_id) AS n_sources,
           sum(CASE WHEN depth = 0 THEN 1 ELSE 0 END)::BIGINT AS n_threads_started,
           sum(CASE WHEN by_author THEN 1 ELSE 0 END)::BIGINT AS n_as_post_author,
           min(published_at) AS first_seen, max(published_at) AS last_seen
    FROM c WHERE a IS NOT NULL GROUP BY a
)
SELECT s.a AS author_pseudonym, s.n_comments, s.n_posts, s.n_sources, s.n_threads_started,
       s.n_comments - s.n_threads_started AS n_replies,
       coalesce(received.n, 0)::BIGINT AS n_replies_received, s.n_as_post_author,
       s.first_seen, s.last_seen
FROM s LEFT JOIN received ON s.a = received.a
ORDER BY s.a
"""


def derive_speakers_file(path: Path | str, *, memory_limit: str = SORT_MEMORY,
                         temp_dir: Path | None = None) -> pa.Table:
    """:func:`.speakers.derive_speakers` of the comments file at ``path``, and the check of
    :func:`.speakers.check_speakers` (its counts against the comments), out of core."""
    schema = arrow_schema("speakers")
    with tempfile.TemporaryDirectory(prefix="therapy-threads-speakers-", dir=temp_dir) as spill:
        con = _connect(spill, memory_limit)
        try:
            got = con.sql(_SPEAKERS_SQL, params={"path": str(path)}).to_arrow_table()
            with_author, distinct = con.execute(
                "SELECT count(author_pseudonym), count(DISTINCT author_pseudonym) "
                "FROM read_parquet(?)", [str(path)]).fetchone()
        finally:
            con.close()
    out = pa.table([got.column(f.name).cast(f.type) for f in schema], schema=schema)
    # the same order as derive_speakers (Arrow's byte order of the pseudonyms)
    out = out.take(pc.sort_indices(out.column("author_pseudonym")))
    from ..schema import schema_problems

    problems = [f"{c}: {p}" for c, p in schema_problems("speakers", out.schema)]
    total = pc.sum(out.column("n_comments")).as_py() or 0
    if total != with_author:
        problems.append(f"speakers count {total} comments but {with_author} comments have a "
                        "pseudonym")
    if out.num_rows != distinct:
        problems.append(f"{out.num_rows} speakers for {distinct} distinct pseudonyms")
    if out.num_rows and pc.count_distinct(out.column("author_pseudonym")).as_py() != out.num_rows:
        problems.append("author_pseudonym is not unique in speakers")
    if problems:
        raise UserError("the speakers table does not reconcile with comments: "
                        + "; ".join(problems))
    return out


def comment_stats_file(path: Path | str, post_ids: list[str], text_chars: pa.ChunkedArray,
                       *, memory_limit: str = SORT_MEMORY,
                       temp_dir: Path | None = None) -> dict[str, Any]:
    """:func:`.stats.comment_stats` of the comments file at ``path`` (``text_chars``: the texts'
    lengths, from the streamed scan), with every count taken by DuckDB."""
    p = [str(path)]
    with tempfile.TemporaryDirectory(prefix="therapy-threads-stats-", dir=temp_dir) as spill:
        con = _connect(spill, memory_limit)
        try:
            n, n_roots, max_depth, pseudonyms, with_pseudonym = con.execute(
                "SELECT count(*), coalesce(sum(CASE WHEN depth = 0 THEN 1 ELSE 0 END), 0), "
                "max(depth), count(DISTINCT author_pseudonym), count(author_pseudonym) "
                "FROM read_parquet(?)", p).fetchone()
            per_post_rows = con.execute(
                "SELECT post_id, count(*) FROM read_parquet(?) GROUP BY post_id", p).fetchall()
            thread_sizes = con.sql(
                "SELECT count(*)::BIGINT AS n FROM read_parquet($path) GROUP BY root_id "
                "ORDER BY n", params={"path": str(path)}).to_arrow_table().column("n").combine_chunks()
            depth_rows = con.execute(
                "SELECT depth, count(*) FROM read_parquet(?) GROUP BY depth", p).fetchall()
            lang_rows = con.execute(
                "SELECT coalesce(language, 'unknown'), count(*) FROM read_parquet(?) GROUP BY 1",
                p).fetchall()
            source_rows = con.execute(
                "SELECT source_id, count(*), sum(CASE WHEN depth = 0 THEN 1 ELSE 0 END), "
                "max(depth), count(DISTINCT author_pseudonym), "
                "sum(CASE WHEN coalesce(is_post_author, false) THEN 1 ELSE 0 END) "
                "FROM read_parquet(?) GROUP BY source_id", p).fetchall()
        finally:
            con.close()
    per_post = Counter({pid: 0 for pid in post_ids})
    per_post.update({str(k): int(v) for k, v in per_post_rows})
    cpp = pa.array(sorted(per_post.values()), type=pa.int64())
    per_source = {str(sid): {"comments": int(c), "threads": int(t), "max_depth": int(d),
                             "pseudonyms": int(ps), "by_post_author": int(pa_)}
                  for sid, c, t, d, ps, pa_ in sorted(source_rows, key=lambda r: str(r[0]))}
    return {
        "comments": int(n),
        "threads": int(n_roots),
        "replies": int(n) - int(n_roots),
        "max_depth": int(max_depth) if n else 0,
        "depth_distribution": sorted([int(k), int(v)] for k, v in depth_rows),
        "comments_per_post": _quantiles(cpp),
        "comments_per_post_values": cpp.to_pylist(),
        "thread_size": _quantiles(thread_sizes),
        "text_chars": _quantiles(text_chars),
        "languages": dict(sorted((str(k), int(v)) for k, v in lang_rows)),
        "pseudonyms": int(pseudonyms),
        "with_pseudonym": int(with_pseudonym),
        "per_source": per_source,
    }
