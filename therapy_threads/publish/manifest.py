"""The release manifest: what is in a release, where it came from, and every file's checksum."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow

from .. import __version__
from ..schema import TABLES, json_schema
from .fsutil import sha256_file

MANIFEST = "manifest.json"
# Report strings copied into the manifest; other strings (and all lists) are left out because a
# failing check could carry raw values from the data.
DROP_KEYS = frozenset({"run"})  # timings: differ on every run, say nothing about the data
SAFE_STRING_KEYS = frozenset({"checked_at", "generated_at", "suite", "suite_name", "engine",
                              "version", "schema_version", "run_id"})


def scalars_only(obj: Any, key: str = "") -> Any:
    """Keep booleans, numbers and allow-listed strings of a report, recursively."""
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in DROP_KEYS:
                continue
            kept = scalars_only(v, str(k))
            if kept is not None and kept != {}:
                out[str(k)] = kept
        return out
    if isinstance(obj, bool) or isinstance(obj, (int, float)):
        return obj
    if isinstance(obj, str) and key in SAFE_STRING_KEYS and len(obj) <= 200:
        return obj
    return None


def public_location(loc: str | None) -> str | None:
    """URLs as given; local paths reduced to the file name (a maintainer's paths are private)."""
    if not loc:
        return loc
    if loc.startswith(("http://", "https://")):
        return loc
    return Path(loc).name


def source_entries(report: dict[str, Any]) -> list[dict[str, Any]]:
    keep = ("source_id", "format", "sha256", "bytes", "status", "posts", "comments",
            "quarantined", "skipped")
    out = []
    for s in sorted(report.get("sources", []), key=lambda s: s.get("source_id", "")):
        e = {k: s.get(k) for k in keep}
        e["location"] = public_location(s.get("location"))
        e["issues"] = {sev: sum(1 for i in s.get("issues", []) if i.get("severity") == sev)
                       for sev in ("error", "warning", "info")}
        out.append(e)
    return out


def features_map(table: str) -> dict[str, str]:
    return {n: p["x-arrow-type"] for n, p in json_schema(table)["properties"].items()}


def file_entries(root: Path) -> list[dict[str, Any]]:
    """Every file of a release except the manifest itself, sorted, with size and SHA-256."""
    out = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != MANIFEST:
            rel = p.relative_to(root).as_posix()
            out.append({"path": rel, "bytes": p.stat().st_size, "sha256": sha256_file(p)})
    return out


def gate_entry(verdicts: dict[str, Any]) -> dict[str, Any]:
    """What the gate checked, per stage: the SHA-256 of each build file it passed, its code
    version and key fingerprint (the release's own files are listed under ``files``)."""
    out = {}
    for stage, v in sorted(verdicts.items()):
        out[stage] = {"passed": v.passed, "code_version": v.code_version,
                      "key_fingerprint": v.key_fingerprint, "recorded_at": v.recorded_at,
                      "build_files": {n: (d or {}).get("sha256") for n, d in sorted(v.files.items())
                                      if not n.startswith("private/")}}
    return out


def base_manifest(version: str, report: dict[str, Any], schema_version: str,
                  tables: dict[str, dict[str, Any]], validation: dict[str, Any],
                  privacy: dict[str, Any], verdicts: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": "therapy-threads",
        "version": version,
        "tag": f"v{version}",
        "built_at": report.get("finished_at"),
        "build_id": report.get("build_id"),
        "pipeline_version": report.get("pipeline_version"),
        "git_commit": report.get("git_commit"),
        "schema_version": schema_version,
        "key_fingerprint": report.get("key_fingerprint"),
        "sources": source_entries(report),
        "totals": report.get("totals", {}),
        "tables": {t: tables[t] for t in TABLES},
        "validation": scalars_only(validation),
        "privacy_audit": scalars_only(privacy),
        "failed_sources_allowed": list(report.get("failed_sources_allowed") or []),
        "gate": gate_entry(verdicts or {}),
        "tools": {"pyarrow": pyarrow.__version__, "therapy_threads": __version__},
    }
