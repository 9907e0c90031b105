"""The checks no single fragment can decide, computed out of core with DuckDB.

Per-row and per-thread rules run per fragment (``validate.fragment``). What is left spans the
whole build, and is computed here by SQL over the assembled Parquet files — DuckDB streams them
with a bounded memory budget (it spills to disk beyond it), so nothing is loaded into pandas but
small aggregates:

* ``relations``: ids unique across sources; foreign keys (a comment's post, a reply's parent);
  a quarantined comment that is also published; with the first offending ids;
* ``sources``: per source, the rows in the tables against the build report (comments seen =
  published + quarantined), plus the parser-shape warnings (flat threads, mostly quarantined);
  and the totals row;
* ``schema``: every published file's columns and types against ``schemas/``;
* ``distributions``: corpus-wide shape (depth, text length, quarantine share, top-level share)
  inside plausible bounds — warnings for a person to look at.

Each returns a small pandas frame the matching Great Expectations suite runs on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import schema
from .frames import open_table, schema_conformance, sources_frame

MAX_IDS = 20
DUCKDB_MEMORY = "256MB"


@dataclass
class GlobalFrames:
    schema: pd.DataFrame
    sources: pd.DataFrame
    relations: pd.DataFrame
    distributions: pd.DataFrame
    row_ids: dict[str, list[Any]] = field(default_factory=dict)  # relations check -> first ids
    counts: dict[str, Any] = field(default_factory=dict)
    problems: list[dict[str, str]] = field(default_factory=list)


def _connect():
    import duckdb

    return duckdb.connect(config={"memory_limit": DUCKDB_MEMORY, "threads": "2",
                                  "preserve_insertion_order": "false"})


@dataclass
class _Schema:
    schema_arrow: Any


def schema_frame(build_dir: Path, problems: list[dict[str, str]]) -> pd.DataFrame:
    # Only the schemas are kept: an open file holds its decoded footer, one entry per row group,
    # i.e. per source of the build (all three files at once were ~360 MB at 10,000 sources).
    files: dict[str, Any] = {}
    for t in schema.TABLES:
        pf = open_table(build_dir / f"{t}.parquet", problems)
        files[t] = None if pf is None else _Schema(pf.schema_arrow)
        del pf
    return schema_conformance(files)


def _ids(con, sql: str, params: list) -> tuple[int, list[Any]]:
    n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    first = [r[0] for r in con.execute(f"SELECT * FROM ({sql}) ORDER BY 1 LIMIT {MAX_IDS}", params).fetchall()]
    return int(n), first


def global_frames(build_dir: Path, report: dict[str, Any],
                  baseline: dict[str, Any] | None = None) -> GlobalFrames:
    """Every global frame of the build in ``build_dir`` (assembled tables + ``report``).
    ``baseline`` is the previous release's manifest (rows vanished since are flagged)."""
    build_dir = Path(build_dir)
    problems: list[dict[str, str]] = []
    columns = schema_frame(build_dir, problems)
    paths = {t: str(build_dir / f"{t}.parquet") for t in schema.TABLES}
    readable = {t for t in schema.TABLES
                if not any(p["table"] == t for p in problems)}
    con = _connect()
    try:
        def src(t: str) -> str:
            return f"read_parquet('{paths[t]}')" if t in readable else _EMPTY[t]

        rel_ids: dict[str, list[Any]] = {}
        rel: dict[str, int] = {}
        checks = {
            "comment_id_unique_across_sources":
                f"SELECT comment_id FROM {src('comments')} GROUP BY comment_id HAVING count(*) > 1",
            "post_id_unique_across_sources":
                f"SELECT post_id FROM {src('posts')} GROUP BY post_id HAVING count(*) > 1",
            "comment_post_exists":
                f"SELECT c.comment_id FROM {src('comments')} c ANTI JOIN {src('posts')} p USING (post_id)",
            "reply_parent_exists":
                f"SELECT c.comment_id FROM {src('comments')} c WHERE c.parent_id IS NOT NULL AND "
                f"c.parent_id NOT IN (SELECT comment_id FROM {src('comments')})",
            "quarantined_not_published":
                f"SELECT q.item_id FROM {src('quarantine')} q SEMI JOIN {src('comments')} c "
                f"ON q.item_id = c.comment_id WHERE q.item_kind = 'comment'",
        }
        for name, sql in checks.items():
            try:
                rel[name], rel_ids[name] = _ids(con, sql, [])
            except Exception as e:  # noqa: BLE001 - a broken column is reported, not a crash
                problems.append({"table": "relations", "message": f"{name} could not be checked: {e}"})
                rel[name], rel_ids[name] = -1, []
        relations = pd.DataFrame([{"scope": "build", **rel}])
        for c in checks:
            relations[c] = relations[c].astype("Int64")

        per_source: dict[str, dict[str, Any]] = {}
        for t, extra in (("comments", ", count(*) FILTER (WHERE depth = 0) AS top"), ("posts", ""),
                         ("quarantine", ", count(*) FILTER (WHERE item_kind = 'comment') AS qc")):
            if t not in readable:
                continue
            try:
                for row in con.execute(f"SELECT source_id, count(*) AS n{extra} FROM {src(t)} GROUP BY 1").fetchall():
                    d = per_source.setdefault(row[0], {})
                    d[t] = int(row[1])
                    if t == "comments":
                        d["top"] = int(row[2])
                    if t == "quarantine":
                        d["quarantined_comments"] = int(row[2])
            except Exception as e:  # noqa: BLE001
                problems.append({"table": t, "message": f"{t}.parquet could not be counted: {e}"})
        dist = _distributions(con, src, readable, problems)
        by_reason: dict[str, int] = {}
        if "quarantine" in readable:
            try:
                for reason, n in con.execute(f"SELECT reason, count(*) FROM {src('quarantine')} GROUP BY 1").fetchall():
                    by_reason[str(reason)] = int(n)
            except Exception:  # noqa: BLE001 - counted above as unreadable
                pass
    finally:
        con.close()
    sources = sources_frame(report, per_source, baseline)
    totals = {t: sum(d.get(t, 0) for d in per_source.values()) for t in ("posts", "comments", "quarantine")}
    counts = {"posts": totals["posts"], "comments": totals["comments"],
              "quarantine_rows": totals["quarantine"],
              "quarantined_comments": sum(d.get("quarantined_comments", 0) for d in per_source.values()),
              "quarantine_by_reason": dict(sorted(by_reason.items())),
              "sources": len(report.get("sources", []))}
    return GlobalFrames(columns, sources, relations, dist, rel_ids, counts, problems)


_EMPTY = {
    "comments": "(SELECT NULL::VARCHAR AS comment_id, NULL::VARCHAR AS post_id, NULL::VARCHAR AS parent_id, "
                "NULL::VARCHAR AS source_id, NULL::INT AS depth, NULL::VARCHAR AS text WHERE false)",
    "posts": "(SELECT NULL::VARCHAR AS post_id, NULL::VARCHAR AS source_id WHERE false)",
    "quarantine": "(SELECT NULL::VARCHAR AS item_id, NULL::VARCHAR AS item_kind, NULL::VARCHAR AS source_id, "
                  "NULL::VARCHAR AS reason WHERE false)",
}


def _distributions(con, src, readable: set[str], problems: list[dict[str, str]]) -> pd.DataFrame:
    row: dict[str, Any] = {"scope": "build"}
    try:
        r = con.execute(
            f"SELECT count(*), max(depth), avg((depth = 0)::INT), quantile_cont(length(text), 0.5), "
            f"quantile_cont(length(text), 0.99) FROM {src('comments')}").fetchone()
        n, row["max_depth"], row["top_level_share"], row["median_comment_chars"], row["p99_comment_chars"] = r
        q = con.execute(f"SELECT count(*) FILTER (WHERE item_kind = 'comment') FROM {src('quarantine')}").fetchone()[0]
        row["quarantine_share"] = (q / (n + q)) if (n or q) else None
    except Exception as e:  # noqa: BLE001
        problems.append({"table": "distributions", "message": f"distributions could not be computed: {e}"})
    df = pd.DataFrame([row])
    for c in ("max_depth", "top_level_share", "median_comment_chars", "p99_comment_chars", "quarantine_share"):
        df[c] = pd.to_numeric(df.get(c), errors="coerce").astype("Float64")
    return df


__all__ = ["global_frames", "GlobalFrames", "schema_frame"]
