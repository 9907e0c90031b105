"""Read a build into the narrow frames the expectation suites run on.

Great Expectations is good at asserting column properties and reporting the failing rows, but it
has no relational expectations (foreign keys, tree shape) and is slow on long text. So this module
does the heavy lifting with pyarrow and numpy over a build of any size, and hands GX one pandas
frame per table holding only what the suites need:

* the table's own narrow columns (ids, counts, depth, timestamps; never the long text);
* per long text column (``comments.text``, ``posts.body``) its length, its visible length (0 if only whitespace), two
  flags from whole-text patterns, and the text itself only for rows that could contain an e-mail
  address or URL (``patterns.PRIVACY_PREFILTER``; null elsewhere), so the privacy regex
  expectation sees every row that could fail without holding the corpus in memory;
* per relational rule one boolean column (``parent_in_post``, ``depth_is_parent_plus_one``, ...),
  null where the rule does not apply (e.g. depth of a reply whose parent is missing: the missing
  parent is the error, reported once by ``parent_in_post``).

Text is streamed in record batches, so memory stays near the size of the narrow columns.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import schema
from ..formats import threaded_formats
from . import patterns

TEXT_COLUMNS = {"comments": ("text",), "posts": ("body", "title"), "quarantine": ()}
# Long text columns are streamed and replaced by derived columns; short ones are loaded.
STREAMED = {"comments": ("text",), "posts": ("body",), "quarantine": ()}
# Formats whose sources state reply links explicitly; a fully flat discussion from them is odd.
THREADED_FORMATS = threaded_formats()  # declared by the reader registry
BATCH_ROWS = 65_536


@dataclass
class Frames:
    tables: dict[str, pd.DataFrame]
    columns: pd.DataFrame  # schema conformance, one row per (table, column)
    sources: pd.DataFrame  # reconciliation and per-source distributions
    counts: dict[str, Any]
    problems: list[dict[str, str]] = field(default_factory=list)  # unreadable files etc.


def _codes(arr: pa.Array, value_set: pa.Array) -> np.ndarray:
    """Index of each value of ``arr`` in ``value_set`` (first match), -1 where absent or null."""
    idx = pc.index_in(arr, value_set=value_set)
    return idx.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _dict_codes(arr: pa.Array) -> np.ndarray:
    enc = pc.dictionary_encode(arr)
    return enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def open_table(path: Path, problems: list[dict[str, str]]) -> pq.ParquetFile | None:
    """The build's Parquet file, or None with the reason added to ``problems``."""
    if not path.exists():
        problems.append({"table": path.stem, "message": f"{path.name} is missing from the build"})
        return None
    try:
        return pq.ParquetFile(path)
    except Exception as e:  # a corrupt file is a finding, not a crash
        problems.append({"table": path.stem, "message": f"{path.name} is not readable Parquet: {e}"})
        return None


def _read_narrow(pf: pq.ParquetFile | None, table: str) -> pa.Table:
    """All non-streamed columns of the file, each cast to its schema type where possible; columns
    missing or of an uncastable type come back as nulls (the schema frame reports them)."""
    expected = schema.arrow_schema(table)
    n = pf.metadata.num_rows if pf is not None else 0
    present = set(pf.schema_arrow.names) if pf is not None else set()
    wanted = [f.name for f in expected if f.name not in STREAMED[table] and f.name in present]
    raw = pf.read(columns=wanted, use_threads=False) if pf is not None and wanted else None
    cols: dict[str, pa.Array] = {}
    for f in expected:
        if f.name in STREAMED[table]:
            continue
        arr = None
        if raw is not None and f.name in raw.column_names:
            col = raw.column(f.name).combine_chunks()
            try:
                arr = col if col.type.equals(f.type) else pc.cast(col, f.type, safe=True)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                arr = None
        cols[f.name] = arr if arr is not None else pa.nulls(n, f.type)
    return pa.table(cols)


def _stream_text(pf: pq.ParquetFile | None, column: str, n: int) -> dict[str, pa.Array]:
    """Per-row derived columns of one long text column, read batch by batch."""
    empty = {
        f"{column}_len": pa.nulls(n, pa.int64()),
        f"{column}_visible_len": pa.nulls(n, pa.int64()),
        f"{column}_bytes": pa.nulls(n, pa.int64()),
        f"{column}_metadata_only": pa.nulls(n, pa.bool_()),
        f"{column}_deleted_placeholder": pa.nulls(n, pa.bool_()),
        column: pa.nulls(n, pa.string()),
    }
    if pf is None or column not in pf.schema_arrow.names:
        return empty
    parts: dict[str, list[pa.Array]] = {k: [] for k in empty}
    for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=[column], use_threads=False):
        text = batch.column(0)
        if not pa.types.is_string(text.type) and not pa.types.is_large_string(text.type):
            try:
                text = pc.cast(text, pa.string())
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                return empty
        parts[f"{column}_len"].append(pc.cast(pc.utf8_length(text), pa.int64()))
        # 0 when nothing but whitespace/zero-width characters: an anchored regex that stops at the
        # first visible character (rewriting or trimming the text would cost far more).
        blank = pc.match_substring_regex(text, patterns.BLANK)
        parts[f"{column}_visible_len"].append(pc.if_else(blank, pa.scalar(0, pa.int64()), parts[f"{column}_len"][-1]))
        parts[f"{column}_bytes"].append(pc.cast(pc.binary_length(text), pa.int64()))
        parts[f"{column}_metadata_only"].append(
            pc.match_substring_regex(text, patterns.METADATA_ONLY, ignore_case=True))
        parts[f"{column}_deleted_placeholder"].append(
            pc.match_substring_regex(text, patterns.DELETED_PLACEHOLDER, ignore_case=True))
        candidate = pc.match_substring_regex(text, patterns.PRIVACY_PREFILTER, ignore_case=True)
        parts[column].append(_only_where(candidate, text))
    return {k: pa.concat_arrays(v) if v else empty[k] for k, v in parts.items()}


def _only_where(mask: pa.Array, text: pa.Array) -> pa.Array:
    """``text`` where ``mask``, null elsewhere, holding only the selected strings' bytes
    (``pc.if_else`` would copy every string of the batch)."""
    idx = pc.indices_nonzero(mask).to_numpy(zero_copy_only=False)
    values = pc.cast(pc.take(text, pa.array(idx, pa.int64())), pa.string())
    lookup = np.full(len(text), len(idx), dtype=np.int64)
    lookup[idx] = np.arange(len(idx))
    return pc.take(pa.concat_arrays([values, pa.nulls(1, pa.string())]), pa.array(lookup))


def _to_pandas(t: pa.Table) -> pd.DataFrame:
    # Nullable pandas dtypes keep ints with nulls as ints and booleans as booleans.
    return t.to_pandas(types_mapper={
        pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(), pa.int16(): pd.Int16Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }.get)


def _no_cycle(parent_idx: np.ndarray) -> np.ndarray:
    """True where following parent links reaches a top-level comment (pointer doubling, O(n log n))."""
    n = len(parent_idx)
    jump = np.where(parent_idx >= 0, parent_idx, n)
    jump = np.append(jump, n)  # sentinel: "reached the top"
    for _ in range(max(1, math.ceil(math.log2(n + 1))) + 1):
        jump = jump[jump]
    return jump[:n] == n


def _read_or_report(files: dict, table: str, problems: list[dict[str, str]]) -> pa.Table:
    """The narrow columns; a file whose data pages cannot be decoded is a finding, not a crash."""
    try:
        return _read_narrow(files[table], table)
    except Exception as e:  # noqa: BLE001 - any decoding error means the file is unusable
        problems.append({"table": table, "message": f"{table}.parquet could not be read: {type(e).__name__}: {e}"})
        files[table] = None
        return _read_narrow(None, table)


def _stream_or_report(files: dict, table: str, column: str, n: int, problems: list[dict[str, str]]) -> dict[str, pa.Array]:
    try:
        return _stream_text(files[table], column, n)
    except Exception as e:  # noqa: BLE001
        problems.append({"table": table, "message": f"{table}.{column} could not be read: {type(e).__name__}: {e}"})
        return _stream_text(None, column, n)


def load_report(build_dir: Path, problems: list[dict[str, str]]) -> dict[str, Any]:
    p = build_dir / "build_report.json"
    if not p.exists():
        problems.append({"table": "build_report", "message": "build_report.json is missing; counts cannot be reconciled (re-run the build)"})
        return {}
    from ..reportfile import SourceEntries, iter_sources, read_header

    try:
        # Its per-source entries are read from the file on each pass, never held (one per source:
        # ~3 KB each as Python objects); the rest of the report is small.
        report = read_header(p)
        n = sum(1 for _ in iter_sources(p))
    except ValueError as e:
        problems.append({"table": "build_report", "message": f"build_report.json is not valid JSON: {e}"})
        return {}
    if not isinstance(report, dict):
        return {}
    if report.pop("sources", None) is not None or n:
        report["sources"] = SourceEntries(p, n)
    return report



def schema_conformance(files: dict[str, "pq.ParquetFile | None"]) -> pd.DataFrame:
    """One row per column of every table, expected or found: its types and what is wrong.

    ``files`` maps each table to its open Parquet file, or None when it is missing/unreadable.
    """
    rows = []
    for t in schema.TABLES:
        pf = files.get(t)
        exp = schema.arrow_schema(t)
        actual = pf.schema_arrow if pf is not None else pa.schema([])
        bad = dict(schema.schema_problems(t, actual)) if pf is not None else {}
        for name in list(exp.names) + [n for n in actual.names if n not in exp.names]:
            in_schema = name in exp.names
            in_file = pf is not None and name in actual.names
            rows.append({
                "column_key": f"{t}.{name}", "table": t, "column": name,
                "expected_type": str(exp.field(name).type) if in_schema else None,
                "actual_type": str(actual.field(name).type) if in_file else None,
                "in_schema": in_schema, "in_file": in_file if pf is not None else None,
                "type_matches": (name not in bad) if (in_schema and in_file) else None,
                "problem": bad.get(name),
            })
    df = pd.DataFrame(rows)
    for c in ("in_schema", "in_file", "type_matches"):
        df[c] = df[c].astype("boolean")
    return df

@dataclass
class TableFrames:
    """The per-row frames of one build or fragment as Arrow tables (the same columns, in the same
    order, as :class:`Frames`' pandas tables): cheap to make for a 500-row fragment and to stack
    for a group of fragments, which is converted to pandas once (``fragment``)."""

    tables: dict[str, pa.Table]
    counts: dict[str, Any]
    problems: list[dict[str, str]] = field(default_factory=list)


def _flag(values: np.ndarray, applies: np.ndarray | None = None) -> pa.Array:
    """Boolean column: ``values`` where ``applies``, null elsewhere."""
    mask = None if applies is None else ~np.asarray(applies, dtype=bool)
    return pa.array(np.asarray(values).astype(bool), type=pa.bool_(), mask=mask)


def _duplicated(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """True for every row whose (a, b) pair occurs more than once (pandas ``duplicated(keep=False)``)."""
    n = len(a)
    if n < 2:
        return np.zeros(n, bool)
    order = np.lexsort((b, a))
    sa, sb = a[order], b[order]
    same = (sa[1:] == sa[:-1]) & (sb[1:] == sb[:-1])
    dup_sorted = np.zeros(n, bool)
    dup_sorted[1:] |= same
    dup_sorted[:-1] |= same
    out = np.empty(n, bool)
    out[order] = dup_sorted
    return out


def _append(t: pa.Table, cols: dict[str, pa.Array]) -> pa.Table:
    for k, v in cols.items():
        t = t.append_column(k, v)
    return t


def table_frames(build_dir: Path, report: dict[str, Any] | None = None) -> TableFrames:
    """The per-row frames of the tables in ``build_dir`` (one fragment: ``report`` is
    ``{"sources": [its summary]}``), without the schema and per-source frames."""
    problems: list[dict[str, str]] = []
    if report is None:
        report = load_report(build_dir, problems)
    files = {t: open_table(build_dir / f"{t}.parquet", problems) for t in schema.TABLES}
    return _table_frames(files, report, problems)


def _table_frames(files: dict, report: dict[str, Any], problems: list[dict[str, str]]) -> TableFrames:
    # --- posts ------------------------------------------------------------------------------
    posts = _read_or_report(files, "posts", problems)
    n_posts = posts.num_rows
    post_ids = posts.column("post_id").combine_chunks()
    body = _stream_or_report(files, "posts", "body", n_posts, problems)

    # --- comments ---------------------------------------------------------------------------
    com = _read_or_report(files, "comments", problems)
    n = com.num_rows
    text = _stream_or_report(files, "comments", "text", n, problems)
    cid = com.column("comment_id").combine_chunks()
    parent = com.column("parent_id").combine_chunks()
    post_of = _codes(com.column("post_id").combine_chunks(), post_ids)  # row in posts, -1 if none
    post_code = _dict_codes(com.column("post_id").combine_chunks())
    pidx = _codes(parent, cid)
    has_parent = parent.is_valid().to_numpy(zero_copy_only=False)
    found = pidx >= 0
    safe = np.where(found, pidx, 0)
    depth = com.column("depth").combine_chunks().fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    position = com.column("position").combine_chunks().fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    same_post = found & (post_code[safe] == post_code) & (post_code >= 0)
    acyclic = _no_cycle(np.where(has_parent, pidx, -1))
    # A reply whose parent is where it should be, outside any cycle: the rules below only apply to
    # these, so an orphan or a cycle is reported once, by its own check, not again as bad depth.
    linked = has_parent & same_post & acyclic

    flags: dict[str, pa.Array] = {}
    flags["post_exists"] = _flag(post_of >= 0)
    flags["parent_in_post"] = _flag(~has_parent | same_post)
    flags["no_cycle"] = _flag(acyclic)
    flags["depth_is_parent_plus_one"] = _flag(
        np.where(has_parent, depth == depth[safe] + 1, depth == 0), ~has_parent | linked)
    root = com.column("root_id").combine_chunks()
    root_expected = pc.if_else(pa.array(has_parent), pc.take(root, pa.array(safe)), cid) if n else root
    flags["root_is_thread_top"] = _flag(
        pc.fill_null(pc.equal(root, root_expected), False).to_numpy(zero_copy_only=False), ~has_parent | linked)
    path = com.column("path").combine_chunks()
    if n:
        path_expected = pc.if_else(pa.array(has_parent),
                                   pc.binary_join_element_wise(pc.take(path, pa.array(safe)), cid, "/"), cid)
        path_ok = pc.fill_null(pc.equal(path, path_expected), False).to_numpy(zero_copy_only=False)
    else:
        path_ok = np.zeros(0, bool)
    flags["path_is_parent_path_plus_id"] = _flag(path_ok, ~has_parent | linked)
    flags["parent_before_child"] = _flag(position[safe] < position, linked)
    per_post = np.bincount(post_code[post_code >= 0], minlength=max(int(post_code.max(initial=-1)) + 1, 1))
    post_n = np.where(post_code >= 0, per_post[np.maximum(post_code, 0)], 0)
    flags["position_within_post_count"] = _flag((position >= 0) & (position < post_n), position >= 0)
    flags["position_unique_in_post"] = _flag(~_duplicated(post_code, position), position >= 0)
    child_counts = np.bincount(pidx[linked], minlength=n) if n else np.zeros(0, np.int64)
    n_children = com.column("n_children").combine_chunks().fill_null(-1).to_numpy(zero_copy_only=False)
    flags["n_children_matches_replies"] = _flag(n_children == child_counts, (n_children >= 0) & acyclic)

    # A comment longer (in bytes) than the whole source it came from was not read from it.
    src_bytes = {s.get("source_id"): s.get("bytes") for s in report.get("sources", [])
                 if isinstance(s.get("bytes"), int)}
    src_arr = com.column("source_id").combine_chunks()
    if n:
        uniq = pc.unique(src_arr)
        sizes = pa.array([src_bytes.get(v) for v in uniq.to_pylist()], pa.int64())
        within = pc.less_equal(text["text_bytes"], pc.take(sizes, pc.index_in(src_arr, value_set=uniq)))
    else:
        within = pa.array([], pa.bool_())
    flags["text_within_source_size"] = within

    # Time travel: a comment dated before its post means a date was parsed wrongly.
    post_time = posts.column("published_at").combine_chunks()
    ctime = com.column("published_at").combine_chunks()
    if n and n_posts:
        ptime = pc.take(post_time, pa.array(np.where(post_of >= 0, post_of, 0)))
        after = pc.greater_equal(ctime, ptime)
        flags["published_after_post"] = pc.if_else(pa.array(post_of >= 0), after, pa.scalar(None, pa.bool_()))
    else:
        flags["published_after_post"] = pa.nulls(n, pa.bool_())

    # Like the text: only pseudonyms that could hold an e-mail address or URL reach the regex.
    pseudo = com.column("author_pseudonym").combine_chunks()
    maybe = pc.fill_null(pc.match_substring_regex(pseudo, patterns.PRIVACY_PREFILTER, ignore_case=True), False)
    comments_t = com.set_column(com.schema.get_field_index("author_pseudonym"), "author_pseudonym",
                                _only_where(maybe, pseudo))
    comments_t = _append(comments_t, {k: text[k] for k in (
        "text_len", "text_visible_len", "text_bytes", "text_metadata_only", "text_deleted_placeholder", "text")})
    comments_t = _append(comments_t, flags)

    # --- posts frame ------------------------------------------------------------------------
    posts_t = _append(posts, {k: body[k] for k in ("body_len", "body_visible_len", "body_bytes", "body")})
    rows_per_post = np.bincount(post_of[post_of >= 0], minlength=n_posts) if n_posts else np.zeros(0, np.int64)
    extracted = posts.column("extracted_comment_count").combine_chunks().fill_null(-1).to_numpy(zero_copy_only=False)
    declared_arr = posts.column("declared_comment_count").combine_chunks()
    declared = declared_arr.fill_null(-1).to_numpy(zero_copy_only=False)
    has_declared = declared_arr.is_valid().to_numpy(zero_copy_only=False)
    depth0 = np.bincount(post_of[(post_of >= 0) & (depth == 0)], minlength=n_posts) if n_posts else np.zeros(0)
    posts_t = _append(posts_t, {
        "extracted_count_matches_rows": _flag(extracted == rows_per_post, extracted >= 0),
        "extracted_within_declared": _flag(rows_per_post <= declared, has_declared),
        "comments_found_when_declared": _flag(rows_per_post > 0, has_declared & (declared > 0)),
        "comments": pa.array(np.asarray(rows_per_post, dtype=np.int64), pa.int64()),
        "top_level_comments": pa.array(np.asarray(depth0, dtype=np.int64), pa.int64()),
    })

    # --- quarantine frame -------------------------------------------------------------------
    quar = _read_or_report(files, "quarantine", problems)
    item = quar.column("item_id").combine_chunks()
    is_comment = pc.equal(quar.column("item_kind").combine_chunks(), "comment").fill_null(False).to_numpy(zero_copy_only=False)
    also_published = pc.is_in(item, value_set=cid).fill_null(False).to_numpy(zero_copy_only=False)
    by_reason: dict[str, int] = {}
    in_report = np.zeros(quar.num_rows, bool)
    if quar.num_rows:  # pandas' own matching and counting of nulls, as the pandas frame has them
        q = _to_pandas(quar.select(["source_id", "reason"]))
        known_sources = {s.get("source_id") for s in report.get("sources", [])}
        in_report = q["source_id"].isin(known_sources).to_numpy()
        by_reason = {k: int(v) for k, v in sorted(q["reason"].value_counts(dropna=False).items(), key=lambda kv: str(kv[0]))}
    quar_t = _append(quar, {
        "source_in_report": _flag(in_report, np.full(quar.num_rows, bool(report))),
        "not_also_published": _flag(~also_published, is_comment & item.is_valid().to_numpy(zero_copy_only=False)),
    })

    counts = {
        "posts": int(n_posts), "comments": int(n), "quarantine_rows": int(quar.num_rows),
        "quarantined_comments": int(is_comment.sum()),
        "quarantine_by_reason": by_reason,
        "sources": int(len(report.get("sources", []))),
    }
    return TableFrames({"comments": comments_t, "posts": posts_t, "quarantine": quar_t}, counts, problems)


def build_frames(build_dir: Path, baseline: dict[str, Any] | None = None,
                 report: dict[str, Any] | None = None) -> Frames:
    """The frames the suites check, of the tables in ``build_dir`` (a build or one fragment).
    ``baseline`` is the manifest of the previous release: the sources frame then says, per
    source, whether rows vanished since it. ``report`` stands in for ``build_report.json`` (a
    fragment passes ``{"sources": [its summary]}``)."""
    problems: list[dict[str, str]] = []
    if report is None:
        report = load_report(build_dir, problems)
    files = {t: open_table(build_dir / f"{t}.parquet", problems) for t in schema.TABLES}
    columns = schema_conformance(files)
    tf = _table_frames(files, report, problems)
    tables = {k: _to_pandas(v) for k, v in tf.tables.items()}
    sources = _source_frame(report, tables["comments"], tables["posts"], tables["quarantine"], baseline)
    return Frames(tables, columns, sources, tf.counts, problems)


def _source_frame(report: dict, comments: pd.DataFrame, posts: pd.DataFrame, quar: pd.DataFrame,
                  baseline: dict[str, Any] | None = None) -> pd.DataFrame:
    def by_source(df: pd.DataFrame) -> dict:
        return df.groupby("source_id", dropna=False).size().to_dict() if len(df) else {}

    counts = {"comments": by_source(comments), "top": by_source(comments[comments["depth"] == 0]),
              "quarantine": by_source(quar), "quarantined_comments": by_source(quar[quar["item_kind"] == "comment"]),
              "posts": by_source(posts)}
    fmt = posts.groupby("source_id")["source_format"].first().to_dict() if len(posts) else {}
    per_source: dict[Any, dict[str, Any]] = {}
    for what, per in counts.items():
        for sid, n in per.items():
            per_source.setdefault(sid, {})[what] = int(n)
    for sid, f in fmt.items():
        per_source.setdefault(sid, {})["format"] = f
    return sources_frame(report, per_source, baseline)


def sources_frame(report: dict[str, Any], per_source: dict[str, dict[str, Any]],
                   baseline: dict[str, Any] | None = None) -> pd.DataFrame:
    """Per source (and a totals row): the report's counts reconciled with the tables' counts.

    ``per_source[source_id]`` holds what the tables hold for it: ``comments``, ``quarantine`` (rows),
    ``quarantined_comments``, ``posts``, ``top`` (top-level comments) and optionally ``format``.
    """
    rows = []
    # The report's entries are read one at a time (a build's report is a file of one entry per
    # source: reportfile.SourceEntries); only the frame's own rows are kept.
    ids_: set[Any] = set()
    any_ok = False
    allowed = set(report.get("failed_sources_allowed") or [])
    # comments the previous release had per source (published + quarantined: a row that moved to
    # the quarantine did not vanish)
    before = {b.get("source_id"): int(b.get("comments") or 0) + int(b.get("quarantined") or 0)
              for b in (baseline or {}).get("sources", [])}

    def listed() -> Any:
        nonlocal any_ok
        for s in report.get("sources", []):
            ids_.add(s.get("source_id"))
            any_ok = any_ok or s.get("status") == "ok"
            yield s
        for extra in sorted(set(per_source) - ids_, key=str):
            yield {"source_id": extra, "_unlisted": True}
        for sid in sorted(set(before) - ids_, key=str):
            yield {"source_id": sid, "status": "removed", "_removed": True}

    for s in listed():
        sid = s.get("source_id")
        c = per_source.get(sid, {})
        published, quarantined, n_posts = c.get("comments", 0), c.get("quarantine", 0), c.get("posts", 0)
        ok = (not s.get("_unlisted")) and s.get("comments") == published and \
            s.get("quarantined") == quarantined and s.get("posts", n_posts) == n_posts
        if s.get("_removed"):
            ok = True  # nothing to reconcile: the source is no longer in the manifest
        seen = published + quarantined
        share = (c.get("top", 0) / published) if published else None
        # The reader's own accounting against comment elements counted by a second, simpler
        # path in the source (ReadResult.raw_comment_count): a comment lost inside a reader shows.
        raw = s.get("raw_comment_count")
        accounted = published + int(c.get("quarantined_comments", 0)) + int(s.get("comments_skipped") or 0)
        raw_ok = None if raw is None else (
            raw == accounted if s.get("raw_count_exact", True) else raw <= accounted)
        fmt = c.get("format") or s.get("format")
        flat_odd = fmt in THREADED_FORMATS and published >= 50
        rows.append({
            "source_id": sid, "status": s.get("status"), "format": fmt,
            "reported_posts": s.get("posts"), "posts": n_posts,
            "reported_comments": s.get("comments"), "published_comments": published,
            "reported_quarantined": s.get("quarantined"), "quarantine_rows": quarantined,
            "comments_seen": seen, "reconciled_with_report": ok,
            "raw_comment_count": raw, "raw_count_reconciled": raw_ok, "top_level_share": share,
            "threading_present": (share is not None and share < 0.98) if flat_odd else None,
            "quarantine_share_below_half": (c.get("quarantined_comments", 0) / seen < 0.5) if seen >= 10 else None,
            "read_or_allowed": None if s.get("_removed") or s.get("_unlisted")
            else (s.get("status") == "ok" or sid in allowed),
            "rows_kept_since_previous": (seen >= before[sid]) if sid in before else None,
            "built_something": None,
        })
    totals = report.get("totals")
    if totals is not None:
        published = sum(d.get("comments", 0) for d in per_source.values())
        quarantined = sum(d.get("quarantine", 0) for d in per_source.values())
        n_posts = sum(d.get("posts", 0) for d in per_source.values())
        rows.append({
            "source_id": "(all sources)", "status": None, "format": None,
            "reported_posts": totals.get("posts"), "posts": n_posts,
            "reported_comments": totals.get("comments"), "published_comments": published,
            "reported_quarantined": totals.get("quarantined"), "quarantine_rows": quarantined,
            "comments_seen": published + quarantined,
            "raw_comment_count": None, "raw_count_reconciled": None,
            "reconciled_with_report": totals.get("comments") == published
            and totals.get("comments_seen", published + quarantined) == published + quarantined
            and totals.get("quarantined") == quarantined and totals.get("posts", n_posts) == n_posts,
            "top_level_share": None, "threading_present": None, "quarantine_share_below_half": None,
            "read_or_allowed": None, "rows_kept_since_previous": None,
            "built_something": bool(n_posts) and any_ok,
        })
    df = pd.DataFrame(rows, columns=[
        "source_id", "status", "format", "reported_posts", "posts", "reported_comments",
        "published_comments", "reported_quarantined", "quarantine_rows", "comments_seen",
        "reconciled_with_report", "raw_comment_count", "raw_count_reconciled", "top_level_share",
        "threading_present", "quarantine_share_below_half",
        "read_or_allowed", "rows_kept_since_previous", "built_something"])
    for c in ("reconciled_with_report", "raw_count_reconciled", "threading_present",
              "quarantine_share_below_half", "read_or_allowed", "rows_kept_since_previous", "built_something"):
        df[c] = df[c].astype("boolean")
    for c in ("reported_posts", "reported_comments", "reported_quarantined", "raw_comment_count"):
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
    return df
