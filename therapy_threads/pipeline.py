"""The build pipeline's library: manifest, per-source processing, fragments, assembly.

Prefect flows (``flows/build.py``) are thin wrappers over these functions: each function here
is plain Python so it can be tested without an API server and shipped to any task runner
(threads, processes, Dask workers). The unit of work is one source; its output is a
*fragment* (a folder of Parquet files) keyed by the source's content, the code and the
anonymisation settings, so an unchanged source is never parsed twice.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .byline import public_byline
from .errors import UserError
from .ids import sha256_bytes
from .manifest import is_url, load_manifest, manifest_path, read_manifest, resolve_location  # noqa: F401
from .readers import SourceRef, detect_format, format_help, get_reader
from .records import Comment, Furniture, Post, QuarantineRow, ReadResult
from .schema import arrow_schema, columns, schema_version

PUBLISHED_TABLES = ("posts", "comments", "quarantine")
FURNITURE_SCHEMA = pa.schema([
    ("source_id", pa.string()), ("post_id", pa.string()), ("kind", pa.string()),
    ("text", pa.string()), ("location", pa.string()),
])
ROW_GROUP_SIZE = 64_000


# --------------------------------------------------------------------------- manifest
# Parsing, types and confinement of source locations live in manifest.py.

def local_path(base: Path, ref: SourceRef) -> Path:
    """The confined path of a local source whose location is inside ``base``."""
    return resolve_location(Path(os.path.realpath(base)), ref.location,
                            (Path(os.path.realpath(base)),))[0]


# --------------------------------------------------------------------------- fingerprints

# Modules whose code decides what a fragment contains; a change to any invalidates the cache.
_FRAGMENT_CODE = ("readers", "anonymise", "normalise.py", "tree.py", "records.py", "ids.py",
                  "include.py", "language.py", "validate/rows.py", "validate/patterns.py", "pipeline.py", "schema.py")


def code_fingerprint() -> str:
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for name in _FRAGMENT_CODE:
        p = root / name
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p] if p.exists() else []
        for f in files:
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    for t in PUBLISHED_TABLES:
        h.update(json.dumps(arrow_schema(t).to_string()).encode())
    return h.hexdigest()[:16]


def fragment_key(ref: SourceRef, content_sha256: str, code_fp: str, anon_fp: str) -> str:
    ref_part = json.dumps(asdict(ref), sort_keys=True, default=str)
    return hashlib.sha256("\x1f".join([content_sha256, code_fp, anon_fp, ref_part]).encode()).hexdigest()[:24]


# --------------------------------------------------------------------------- per source

@dataclass(slots=True)
class SourceSummary:
    source_id: str
    location: str
    format: str | None
    sha256: str
    bytes: int
    status: str  # ok | error
    posts: int = 0
    comments: int = 0
    quarantined: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    issues: list[dict[str, str]] = field(default_factory=list)
    anonymised: dict[str, int] = field(default_factory=dict)
    fragment: str = ""
    seconds: float = 0.0
    # Comments counted in the source by a second, simpler path than the reader's (see
    # ReadResult.raw_comment_count), and the comments left out on purpose (skipped): the
    # validation checks published + quarantined + skipped against it.
    raw_comment_count: int | None = None
    raw_count_method: str = ""
    raw_count_exact: bool = True
    comments_skipped: int = 0


def read_source(ref: SourceRef, data: bytes) -> ReadResult:
    """Detect the format and read. Never raises: a crash becomes an error issue of this source."""
    fmt = ref.format or detect_format(data, ref.location)
    if fmt is None:
        r = ReadResult(ref.source_id, "unknown")
        r.error("unknown_format", "could not tell the format from the content; set 'format' for this "
                f"source in the manifest (one of: {format_help()})")
        return r
    try:
        result = get_reader(fmt).read(data, ref)
    except Exception as e:  # a reader bug must not take the run down; it is reported per source
        r = ReadResult(ref.source_id, fmt)
        tb = traceback.format_exception_only(type(e), e)[-1].strip()
        r.error("reader_crashed", f"the {fmt} reader failed on this source ({tb}); "
                "please report it with the source file")
        return r
    for post in result.posts:  # only a public byline is published as the author, never a login
        post.author = public_byline(post.author)
    return result


def process_source(ref: SourceRef, data: bytes, anonymiser: Any) -> tuple[ReadResult, SourceSummary, set[str]]:
    """read -> include rule -> language -> isolate bad rows -> anonymise. Pure apart from CPU."""
    t0 = time.perf_counter()
    result = read_source(ref, data)
    tokens: set[str] = set()
    anon_counts: dict[str, int] = {}
    if result.posts:
        from .include import apply_include
        from .language import detect_languages
        from .validate.rows import isolate_bad_rows

        apply_include(result, ref.include or {})
        detect_languages(result)
        isolate_bad_rows(result)
        report = anonymiser.apply(result)
        tokens = set(report.identity_tokens)
        anon_counts = dict(getattr(report, "counts", {}) or {})
        per_post = Counter(c.post_id for c in result.comments)
        for post in result.posts:
            post.extracted_comment_count = per_post.get(post.post_id, 0)
    summary = SourceSummary(
        source_id=ref.source_id, location=ref.location, format=result.source_format,
        sha256=sha256_bytes(data), bytes=len(data),
        status="error" if result.failed else "ok",
        posts=len(result.posts), comments=len(result.comments), quarantined=len(result.quarantine),
        skipped=dict(sorted(result.skipped.items())),
        issues=[{"severity": i.severity, "code": i.code, "message": i.message, "location": i.location}
                for i in result.issues],
        anonymised=dict(sorted(anon_counts.items())),
        seconds=round(time.perf_counter() - t0, 4),
        raw_comment_count=result.raw_comment_count, raw_count_method=result.raw_count_method,
        raw_count_exact=result.raw_count_exact, comments_skipped=result.comments_skipped,
    )
    return result, summary, tokens


# --------------------------------------------------------------------------- tables

def _ts_array(values: list[str | None]) -> pa.Array:
    arr = pa.array(values, pa.string())
    if arr.null_count == len(arr):
        return pa.nulls(len(arr), pa.timestamp("us", tz="UTC"))
    return arr.cast(pa.timestamp("us", tz="UTC"))


def records_table(table: str, rows: list[Any]) -> pa.Table:
    """Columnar conversion of records to the published Arrow schema (internal fields dropped)."""
    schema = arrow_schema(table)
    arrays = []
    for f in schema:
        values = [getattr(r, f.name) for r in rows]
        if pa.types.is_timestamp(f.type):
            arrays.append(_ts_array(values))
        else:
            arrays.append(pa.array(values, f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def furniture_table(rows: list[Furniture]) -> pa.Table:
    return pa.Table.from_pylist(
        [{"source_id": f.source_id, "post_id": f.post_id, "kind": f.kind, "text": f.text,
          "location": f.location} for f in rows], schema=FURNITURE_SCHEMA)


def write_table(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd", row_group_size=ROW_GROUP_SIZE,
                   write_statistics=True, store_schema=True)


def write_fragment(result: ReadResult, summary: SourceSummary, tokens: set[str], dest: Path) -> Path:
    """Write one source's output atomically (temp dir + rename) so a crash leaves no half fragment."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=dest.parent))
    try:
        write_table(records_table("posts", result.posts), tmp / "posts.parquet")
        write_table(records_table("comments", result.comments), tmp / "comments.parquet")
        write_table(records_table("quarantine", result.quarantine), tmp / "quarantine.parquet")
        write_table(furniture_table(result.furniture), tmp / "furniture.parquet")
        (tmp / "identity_tokens.txt").write_text("".join(t + "\n" for t in sorted(tokens)))
        summary.fragment = dest.name
        (tmp / "summary.json").write_text(json.dumps(asdict(summary), indent=1, sort_keys=True))
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return dest


def fragment_complete(dest: Path) -> bool:
    return all((dest / f).exists() for f in (
        "posts.parquet", "comments.parquet", "quarantine.parquet", "furniture.parquet",
        "identity_tokens.txt", "summary.json"))


# --------------------------------------------------------------------------- assembly

def assemble(fragments: list[Path], out: Path) -> dict[str, int]:
    """Concatenate fragments (in source-id order) into the build's tables, streaming."""
    out.mkdir(parents=True, exist_ok=True)
    totals: dict[str, int] = {}
    names = list(PUBLISHED_TABLES) + ["furniture"]
    for name in names:
        schema = FURNITURE_SCHEMA if name == "furniture" else arrow_schema(name)
        target = out / f"{name}.parquet"
        tmp = out / f".{name}.parquet.tmp"
        n = 0
        with pq.ParquetWriter(tmp, schema, compression="zstd", write_statistics=True) as w:
            read = partial(_read_part, name=name, schema=schema)
            for t in _prefetched(fragments, read):
                if t.num_rows:
                    w.write_table(t, row_group_size=ROW_GROUP_SIZE)
                    n += t.num_rows
        os.replace(tmp, target)
        totals[name] = n
        # Hand freed Arrow buffers back to the OS before the next table and the validation
        # stage that follows in this process: the build's peak memory is set here and there.
        pa.default_memory_pool().release_unused()
    private = out / "private"
    private.mkdir(exist_ok=True)
    tokens: set[str] = set()
    for frag in fragments:
        tokens.update(t for t in (frag / "identity_tokens.txt").read_text().split("\n") if t)
    (private / "identity_tokens.txt").write_text("".join(t + "\n" for t in sorted(tokens)))
    return totals


def _read_part(frag: Path, name: str, schema: pa.Schema) -> pa.Table:
    return pq.read_table(frag / f"{name}.parquet", schema=schema)


def _prefetched(items: list[Path], fn, window: int = 4) -> Iterable[pa.Table]:
    """``fn`` over ``items`` in order, reading up to ``window`` ahead on threads (Parquet
    decoding releases the GIL), so memory stays bounded to a window of fragments."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        pending = []
        it = iter(items)
        for item in it:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=Path(__file__).resolve().parent,
                             capture_output=True, text=True, timeout=5)
        if out.returncode == 0:
            dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                   cwd=Path(__file__).resolve().parent, capture_output=True,
                                   text=True, timeout=5).stdout.strip()
            return out.stdout.strip() + ("-dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return None


def compare_with_previous(previous: dict[str, Any] | None, summaries: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """Which sources were added, changed, unchanged or removed since the previous build."""
    prev = {s["source_id"]: s["sha256"] for s in (previous or {}).get("sources", [])}
    diff: dict[str, list[str]] = {"added": [], "changed": [], "unchanged": [], "removed": []}
    current = set()
    for s in summaries:
        current.add(s["source_id"])
        if s["source_id"] not in prev:
            diff["added"].append(s["source_id"])
        elif prev[s["source_id"]] != s["sha256"]:
            diff["changed"].append(s["source_id"])
        else:
            diff["unchanged"].append(s["source_id"])
    diff["removed"] = sorted(set(prev) - current)
    return diff


class FailedSourcesError(UserError):
    """Sources failed and the run was not told to go on without them; nothing was replaced."""


def check_failed_sources(summaries: list[dict[str, Any]], out: Path, *, allow: bool) -> list[str]:
    """The ids of failed sources the build may go on without; raise when it may not.

    A failed source fails the build unless ``allow`` (``--allow-failed-sources``); a run whose
    every source failed always fails, so it can never replace a build with an empty one.
    """
    failed = [s for s in summaries if s.get("status") == "error"]
    if not failed:
        return []
    first = next((i["message"] for i in failed[0].get("issues", []) if i.get("severity") == "error"),
                 "failed")
    ids_ = ", ".join(s["source_id"] for s in failed[:5]) + (f" and {len(failed) - 5} more" if len(failed) > 5 else "")
    if len(failed) == len(summaries):
        raise FailedSourcesError(
            f"every source failed ({ids_}; first: {first}); nothing was built and {out} was left "
            "as it was")
    if not allow:
        raise FailedSourcesError(
            f"{len(failed)} of {len(summaries)} sources failed ({ids_}; first: {first}); {out} was "
            "left as it was. Fix them, or pass --allow-failed-sources to build without them "
            "(they are recorded in build_report.json)")
    return sorted(s["source_id"] for s in failed)


def build_report(summaries: list[dict[str, Any]], totals: dict[str, int], *, started: float,
                 key_fingerprint: str, code_fp: str, previous: dict[str, Any] | None,
                 anonymiser_fingerprint: str = "") -> dict[str, Any]:
    skipped = sum(sum(s["skipped"].values()) for s in summaries)
    report = {
        "build_id": hashlib.sha256(json.dumps([(s["source_id"], s["sha256"]) for s in summaries]).encode()
                                   + code_fp.encode() + key_fingerprint.encode()).hexdigest()[:16],
        "started_at": _iso(started),
        "finished_at": _iso(time.time()),
        "pipeline_version": __version__,
        "code_fingerprint": code_fp,
        "git_commit": git_commit(),
        "schema_version": schema_version(),
        "key_fingerprint": key_fingerprint,  # HMAC of a fixed label: identifies the key, reveals nothing
        "anonymiser_fingerprint": anonymiser_fingerprint,  # key + policy + model: part of the cache key
        "sources": summaries,
        "changes": compare_with_previous(previous, summaries),
        "totals": {
            "sources": len(summaries),
            "sources_failed": sum(1 for s in summaries if s["status"] == "error"),
            "posts": totals.get("posts", 0),
            "comments": totals.get("comments", 0),
            "quarantined": totals.get("quarantine", 0),
            "skipped": skipped,
            "comments_seen": sum(s["comments"] + s["quarantined"] for s in summaries),
            "furniture": totals.get("furniture", 0),
        },
    }
    return report


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def write_json(path: Path, doc: dict[str, Any]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def load_previous_report(out: Path) -> dict[str, Any] | None:
    p = out / "build_report.json"
    if p.exists():
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, OSError):
            return None
    return None


__all__ = [
    "load_manifest", "process_source", "read_source", "write_fragment", "assemble", "build_report",
    "code_fingerprint", "fragment_key", "SourceSummary", "records_table", "columns",
    "Post", "Comment", "QuarantineRow",
]
