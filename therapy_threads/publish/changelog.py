"""What changed since the previous release: rows added/removed per source, schema changes.

Rows are compared by id (posts.post_id, comments.comment_id) with Arrow set lookups and joins;
rows kept under the same id are compared by a digest of all their published values, so a fix
that rewrites text (an anonymisation patch) shows up as "changed". Files are streamed into
digest files (id, source, 8-byte digest) that DuckDB compares out of core: nothing per row is
held in memory.
"""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..confine import open_regular, safe_relpath

ID_COLUMNS = {"posts": "post_id", "comments": "comment_id"}


@dataclass
class Changes:
    prev_version: str | None
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    # table -> source_id -> {"added": n, "removed": n}
    rows: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    quarantine_delta: int = 0
    schema_changes: list[str] = field(default_factory=list)
    schema_version_change: tuple[str, str] | None = None

    @property
    def rows_added(self) -> bool:
        return bool(self.sources_added) or any(
            c["added"] for per in self.rows.values() for c in per.values())

    @property
    def schema_changed(self) -> bool:
        return bool(self.schema_changes) or self.schema_version_change is not None

    @property
    def anything_changed(self) -> bool:
        return (self.rows_added or self.schema_changed or bool(self.sources_removed)
                or self.quarantine_delta != 0
                or any(c["removed"] or c.get("changed") for per in self.rows.values()
                       for c in per.values()))

    def removed_rows(self) -> dict[str, int]:
        """Rows of the previous release whose id is gone, per table (posts, comments)."""
        return {t: sum(c["removed"] for c in per.values()) for t, per in self.rows.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "previous_version": self.prev_version,
            "sources_added": self.sources_added,
            "sources_removed": self.sources_removed,
            "rows": self.rows,
            "quarantine_delta": self.quarantine_delta,
            "schema_changes": self.schema_changes,
            "schema_version_change": list(self.schema_version_change)
            if self.schema_version_change else None,
        }


def features_of(manifest: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {t: dict(info.get("features", {})) for t, info in manifest.get("tables", {}).items()}


def schema_diff(prev: dict[str, dict[str, str]], cur: dict[str, dict[str, str]]) -> list[str]:
    notes = []
    for table in sorted(set(prev) | set(cur)):
        if table not in prev:
            notes.append(f"table {table} added")
            continue
        if table not in cur:
            notes.append(f"table {table} removed")
            continue
        p, c = prev[table], cur[table]
        for col in c:
            if col not in p:
                notes.append(f"{table}.{col} added ({c[col]})")
            elif p[col] != c[col]:
                notes.append(f"{table}.{col} type {p[col]} -> {c[col]}")
        for col in p:
            if col not in c:
                notes.append(f"{table}.{col} removed")
    return notes


def _row_digest_batches(files: list[Path] | list[tuple[Path, str]], table: str,
                        batch_size: int = 20_000):
    """(id, source_id, digest) record batches: an 8-byte BLAKE2b over every published value of
    each row. ``files`` are paths, or (release folder, relative path) pairs opened without
    following links."""
    col = ID_COLUMNS[table]
    for f in files:
        with (open_regular(*f) if isinstance(f, tuple) else open(f, "rb")) as handle:
            for batch in pq.ParquetFile(handle).iter_batches(batch_size=batch_size):
                cols = [c.to_pylist() for c in batch.columns]
                yield pa.record_batch(
                    [batch.column(col), batch.column("source_id"), pa.array(
                        [hashlib.blake2b(repr(row).encode("utf-8"), digest_size=8).digest()
                         for row in zip(*cols, strict=True)], pa.binary(8))],
                    names=[col, "source_id", "digest"])


def _digest_schema(table: str) -> pa.Schema:
    return pa.schema([(ID_COLUMNS[table], pa.string()), ("source_id", pa.string()),
                      ("digest", pa.binary(8))])


def row_digests(files: list[Path] | list[tuple[Path, str]], table: str,
                batch_size: int = 20_000) -> pa.Table:
    """(id, source_id, digest) per row, as one table (small releases, tests)."""
    return pa.Table.from_batches(list(_row_digest_batches(files, table, batch_size)),
                                 schema=_digest_schema(table))


def write_row_digests(files: list[Path] | list[tuple[Path, str]], table: str,
                      dest: Path) -> Path:
    """:func:`row_digests` streamed into the Parquet file ``dest``: nothing per row is held."""
    with pq.ParquetWriter(dest, _digest_schema(table), compression="zstd") as w:
        for batch in _row_digest_batches(files, table):
            w.write_batch(batch.cast(_digest_schema(table)))
    return dest


def _files(root: Path, manifest: dict[str, Any], table: str) -> list[tuple[Path, str]]:
    """(release folder, path) of a table's files: plain relative paths only, read without
    links, so a hostile manifest cannot make the changelog read outside the release."""
    return [(root, safe_relpath(f["path"], what=f"path of a {table} file"))
            for f in manifest["tables"][table]["files"]]


def _compare_digests(cur: Path, prev: Path, col: str, *, changed: bool
                     ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Per source: rows added (id only in ``cur``), removed (id only in ``prev``) and, with
    ``changed``, rows under the same id whose digests differ — counted by DuckDB from the two
    digest files, out of core."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix="therapy-threads-changelog-") as spill:
        con = duckdb.connect(config={"memory_limit": "256MB", "threads": "2",
                                     "temp_directory": spill})
        try:
            con.execute(f"CREATE VIEW cur AS SELECT * FROM read_parquet('{_sql_path(cur)}')")
            con.execute(f"CREATE VIEW prev AS SELECT * FROM read_parquet('{_sql_path(prev)}')")

            def per_source(sql: str) -> dict[str, int]:
                return {sid: int(n) for sid, n in con.execute(sql).fetchall()}

            only = ("SELECT a.source_id, count(*) FROM {a} a WHERE NOT EXISTS (SELECT 1 FROM {b} b "
                    f"WHERE b.\"{col}\" IS NOT DISTINCT FROM a.\"{col}\") GROUP BY 1")
            added = per_source(only.format(a="cur", b="prev"))
            removed = per_source(only.format(a="prev", b="cur"))
            edits = per_source(f"SELECT c.source_id, count(*) FROM cur c JOIN prev p "
                               f"ON c.\"{col}\" = p.\"{col}\" WHERE c.digest <> p.digest "
                               "GROUP BY 1") if changed else {}
        finally:
            con.close()
    return added, removed, edits


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")


def compare(cur_dir: Path, current_manifest: dict[str, Any],
            prev_dir: Path | None, prev_manifest: dict[str, Any] | None) -> Changes:
    """Compare the release being written in ``cur_dir`` with the previous one."""
    if prev_manifest is None or prev_dir is None:
        return Changes(prev_version=None)
    ch = Changes(prev_version=prev_manifest["version"])
    cur_sources = {s["source_id"] for s in current_manifest["sources"]}
    prev_sources = {s["source_id"] for s in prev_manifest.get("sources", [])}
    ch.sources_added = sorted(cur_sources - prev_sources)
    ch.sources_removed = sorted(prev_sources - cur_sources)
    ch.schema_changes = schema_diff(features_of(prev_manifest), features_of(current_manifest))
    if prev_manifest.get("schema_version") != current_manifest.get("schema_version"):
        ch.schema_version_change = (str(prev_manifest.get("schema_version")),
                                    str(current_manifest.get("schema_version")))
    for table, col in ID_COLUMNS.items():
        with tempfile.TemporaryDirectory(prefix="therapy-threads-digests-") as tmp:
            prev = write_row_digests(_files(prev_dir, prev_manifest, table), table,
                                     Path(tmp) / "prev.parquet")
            cur = write_row_digests(_files(cur_dir, current_manifest, table), table,
                                    Path(tmp) / "cur.parquet")
            # Across a schema change every row differs; only count edits within one schema.
            added, removed, changed = _compare_digests(cur, prev, col,
                                                       changed=not ch.schema_changed)
        per = {}
        for sid in sorted(set(added) | set(removed) | set(changed)):
            per[sid] = {"added": added.get(sid, 0), "removed": removed.get(sid, 0),
                        "changed": changed.get(sid, 0)}
        ch.rows[table] = per
    ch.quarantine_delta = (current_manifest["tables"]["quarantine"]["rows"]
                           - prev_manifest["tables"]["quarantine"]["rows"])
    return ch


def render_entry(version: str, date: str, ch: Changes, counts: dict[str, int]) -> str:
    lines = [f"## v{version} ({date})", ""]
    nouns = {"posts": "posts", "comments": "comments", "quarantine": "quarantined items"}
    totals = ", ".join(f"{n:,} {nouns.get(t, t)}" for t, n in counts.items())
    if ch.prev_version is None:
        lines += [f"First release: {totals}.", ""]
        return "\n".join(lines)
    lines += [f"Compared with v{ch.prev_version}. Now {totals}.", ""]
    if ch.schema_version_change:
        a, b = ch.schema_version_change
        lines.append(f"- Schema version {a} -> {b}.")
    for note in ch.schema_changes:
        lines.append(f"- Schema: {note}.")
    for sid in ch.sources_added:
        lines.append(f"- Source added: `{sid}`.")
    for sid in ch.sources_removed:
        lines.append(f"- Source removed: `{sid}`.")
    for table in ID_COLUMNS:
        for sid, c in ch.rows.get(table, {}).items():
            parts = []
            if c["added"]:
                parts.append(f"+{c['added']}")
            if c["removed"]:
                parts.append(f"-{c['removed']}")
            if c.get("changed"):
                parts.append(f"{c['changed']} changed")
            lines.append(f"- {table} from `{sid}`: {', '.join(parts)}.")
    if ch.quarantine_delta:
        lines.append(f"- Quarantine rows: {ch.quarantine_delta:+d}.")
    if not ch.anything_changed:
        lines.append("- No row, source or schema changed (documentation or packaging only).")
    lines.append("")
    return "\n".join(lines)


HEADER = ("# Changelog\n\nEvery release of therapy-threads, newest first. Versions follow "
          "docs/versioning.md: a schema change is a major release, added rows or sources a minor "
          "release, fixes a patch release.\n\n")


def render_changelog(entry: str, previous_changelog: str | None) -> str:
    older = ""
    if previous_changelog:
        older = previous_changelog[len(HEADER):] if previous_changelog.startswith(HEADER) \
            else previous_changelog
    return HEADER + entry + ("\n" + older.lstrip("\n") if older.strip() else "")
