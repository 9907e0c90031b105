"""The release manifest: what is in a release, where it came from, and every file's checksum."""
from __future__ import annotations

import hashlib
import hmac
import re
from pathlib import Path
from typing import Any

import pyarrow

from .. import __version__
from ..errors import UserError
from ..schema import RELEASE_TABLES, TABLES, json_schema
from .fsutil import canonical_json, sha256_file

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
        "tables": {t: tables[t] for t in RELEASE_TABLES},
        "validation": scalars_only(validation),
        "privacy_audit": scalars_only(privacy),
        "failed_sources_allowed": list(report.get("failed_sources_allowed") or []),
        "gate": gate_entry(verdicts or {}),
        "tools": {"pyarrow": pyarrow.__version__, "therapy_threads": __version__},
    }


# ---------------------------------------------------------------- the gate's seal
# publish seals the manifest (every file's SHA-256 and size) under the build's pseudonym key
# before the release scan; the release is renamed into place only if the scan passes. A release
# uploaded later (--upload-existing) must still carry a seal that verifies: a card edited with
# its checksum "fixed" in the manifest, or a release made before the seal, does not go out.
SEAL = "gate_seal"
_SEAL_LABEL = b"therapy-threads release seal v1\x00"


def seal(manifest: dict[str, Any], key: bytes) -> str:
    body = canonical_json({k: v for k, v in manifest.items() if k != SEAL})
    return hmac.new(key, _SEAL_LABEL + body, hashlib.sha256).hexdigest()


def check_seal(manifest: dict[str, Any], key: bytes, where: str) -> None:
    """Raise UserError (one line) unless ``manifest`` carries a seal made with ``key``."""
    got = manifest.get(SEAL)
    if not isinstance(got, str) or not hmac.compare_digest(got, seal(manifest, key)):
        raise UserError(f"{where} does not carry the gate's seal for this key (edited after it "
                        "was published, made by an older therapy-threads, or with another key); "
                        "publish a new version from the build instead")


# ---------------------------------------------------------------- reading a manifest back
# A manifest read back (a download, the previous release of a registry) is data from elsewhere:
# its shape is checked before any field is used, so a wrong type is one clear line, not a crash.

MAX_MANIFEST_FILES = 100_000
MAX_FILE_BYTES = 1 << 40  # 1 TiB: beyond any release, and far beyond a disk check's reach
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
RESERVED = frozenset({MANIFEST, ".therapy-threads-download.json"})


class MalformedManifest(UserError):
    pass


def _bad(where: str, what: str, advice: str) -> MalformedManifest:
    return MalformedManifest(f"{where} is malformed: {what}; {advice}")


def _is_count(v: Any, top: int) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= top


def check_release_manifest(doc: Any, where: str, advice: str, *, tables: bool = False
                           ) -> dict[str, Any]:
    """``doc`` if it has the shape download (and, with ``tables``, a changelog) relies on."""
    from ..confine import safe_relpath
    from .versioning import Version

    if not isinstance(doc, dict):
        raise _bad(where, f"it is {type(doc).__name__}, not a JSON object", advice)
    if not isinstance(doc.get("version"), str):
        raise _bad(where, "'version' is missing or not a string", advice)
    try:
        Version.parse(doc["version"])
    except UserError:
        raise _bad(where, f"'version' {doc['version'][:40]!r} is not MAJOR.MINOR.PATCH",
                   advice) from None
    files = doc.get("files")
    if not isinstance(files, list):
        raise _bad(where, "'files' is missing or not a list", advice)
    if len(files) > MAX_MANIFEST_FILES:
        raise _bad(where, f"it lists {len(files):,} files (at most {MAX_MANIFEST_FILES:,})", advice)
    seen: set[str] = set()
    for i, f in enumerate(files):
        if not isinstance(f, dict):
            raise _bad(where, f"files[{i}] is not an object", advice)
        try:
            path = safe_relpath(f.get("path"), what=f"files[{i}].path")
        except UserError as e:
            raise _bad(where, str(e), advice) from None
        if path in RESERVED or path in seen:
            raise _bad(where, f"files[{i}].path {path!r} is reserved or listed twice", advice)
        seen.add(path)
        if not _is_count(f.get("bytes"), MAX_FILE_BYTES):
            raise _bad(where, f"files[{i}].bytes must be a whole number of bytes, not "
                              f"{str(f.get('bytes'))[:40]!r}", advice)
        if not isinstance(f.get("sha256"), str) or not _SHA256.match(f["sha256"]):
            raise _bad(where, f"files[{i}].sha256 is not 64 lower-case hex digits", advice)
    if tables:
        _check_tables(doc, where, advice, seen)
    return doc


def _check_tables(doc: dict[str, Any], where: str, advice: str, paths: set[str]) -> None:
    t = doc.get("tables")
    if not isinstance(t, dict) or not all(k in t for k in TABLES):
        raise _bad(where, f"'tables' must hold {', '.join(TABLES)}", advice)
    for name in TABLES:
        info = t[name]
        if not isinstance(info, dict) or not _is_count(info.get("rows"), 1 << 62) \
                or not isinstance(info.get("files"), list) \
                or not isinstance(info.get("features", {}), dict):
            raise _bad(where, f"tables.{name} lacks 'rows' (a number) or 'files' (a list)", advice)
        for f in info["files"]:
            if not isinstance(f, dict) or f.get("path") not in paths:
                raise _bad(where, f"tables.{name} lists a file that is not in 'files'", advice)
    sources = doc.get("sources", [])
    if not isinstance(sources, list) or not all(
            isinstance(s, dict) and isinstance(s.get("source_id"), str) for s in sources):
        raise _bad(where, "'sources' must be a list of objects with a 'source_id'", advice)


def check_index(doc: Any, where: str, advice: str) -> dict[str, Any]:
    """A registry ``index.json`` with the fields readers use, or MalformedManifest."""
    if not isinstance(doc, dict):
        raise _bad(where, f"it is {type(doc).__name__}, not a JSON object", advice)
    if doc.get("latest") is not None and not isinstance(doc["latest"], str):
        raise _bad(where, "'latest' is not a version string", advice)
    releases = doc.get("releases", [])
    if not isinstance(releases, list) or len(releases) > MAX_MANIFEST_FILES:
        raise _bad(where, "'releases' is not a list", advice)
    for i, r in enumerate(releases):
        if not isinstance(r, dict) or not isinstance(r.get("version"), str):
            raise _bad(where, f"releases[{i}] has no 'version' string", advice)
        sha = r.get("manifest_sha256")
        if sha is not None and (not isinstance(sha, str) or not _SHA256.match(sha)):
            raise _bad(where, f"releases[{i}].manifest_sha256 is not 64 hex digits", advice)
    return doc
