"""What changed since the previous release: rows added/removed per source, schema changes.

Rows are compared by id (posts.post_id, comments.comment_id) with Arrow set lookups, so a
million-row comparison needs two id columns in memory, not the tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

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
                or any(c["removed"] for per in self.rows.values() for c in per.values()))

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


def read_ids(release_dir: Path, manifest: dict[str, Any], table: str) -> pa.Table:
    col = ID_COLUMNS[table]
    files = [release_dir / f["path"] for f in manifest["tables"][table]["files"]]
    parts = [pq.read_table(f, columns=[col, "source_id"]) for f in files]
    return pa.concat_tables(parts) if parts else pa.table({col: pa.array([], pa.string()),
                                                           "source_id": pa.array([], pa.string())})


def _new_vs(a: pa.Table, b: pa.Table, col: str) -> dict[str, int]:
    """Per source: rows of ``a`` whose id is not in ``b``."""
    missing = a.filter(pc.invert(pc.is_in(a.column(col), value_set=b.column(col))))
    out: dict[str, int] = {}
    for item in pc.value_counts(missing.column("source_id")).to_pylist():
        out[item["values"]] = int(item["counts"])
    return out


def compare(current_ids: dict[str, pa.Table], current_manifest: dict[str, Any],
            prev_dir: Path | None, prev_manifest: dict[str, Any] | None) -> Changes:
    if prev_manifest is None or prev_dir is None:
        return Changes(prev_version=None)
    ch = Changes(prev_version=prev_manifest["version"])
    cur_sources = {s["source_id"] for s in current_manifest["sources"]}
    prev_sources = {s["source_id"] for s in prev_manifest.get("sources", [])}
    ch.sources_added = sorted(cur_sources - prev_sources)
    ch.sources_removed = sorted(prev_sources - cur_sources)
    for table, col in ID_COLUMNS.items():
        prev = read_ids(prev_dir, prev_manifest, table)
        cur = current_ids[table]
        added, removed = _new_vs(cur, prev, col), _new_vs(prev, cur, col)
        per = {}
        for sid in sorted(set(added) | set(removed)):
            per[sid] = {"added": added.get(sid, 0), "removed": removed.get(sid, 0)}
        ch.rows[table] = per
    ch.quarantine_delta = (current_manifest["tables"]["quarantine"]["rows"]
                           - prev_manifest["tables"]["quarantine"]["rows"])
    ch.schema_changes = schema_diff(features_of(prev_manifest), features_of(current_manifest))
    if prev_manifest.get("schema_version") != current_manifest.get("schema_version"):
        ch.schema_version_change = (str(prev_manifest.get("schema_version")),
                                    str(current_manifest.get("schema_version")))
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
            lines.append(f"- {table} from `{sid}`: {' '.join(parts)}.")
    if ch.quarantine_delta:
        lines.append(f"- Quarantine rows: {ch.quarantine_delta:+d}.")
    if not ch.anything_changed:
        lines.append("- No change in rows, sources or schema (documentation or packaging only).")
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
