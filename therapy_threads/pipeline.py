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

from .fingerprint import code_fingerprint  # noqa: E402  (the package + output libraries digest)


def settings_fingerprint(key: bytes, policy: str | Path | None = None) -> str:
    """What the anonymisation settings add to a fragment's key, without loading any model:
    the key (as its HMAC fingerprint), the policy and the NER model's version. Lexicons and code
    are packaged files, covered by :func:`code_fingerprint`."""
    from .anonymise import ner
    from .anonymise.keys import key_fingerprint
    from .anonymise.policy import Policy

    pol = Policy.load(Path(policy) if policy else None)
    model = ner.model_version(str(pol.get("ner", "model"))) if pol.get("ner", "enabled") else "no-ner"
    return hashlib.sha256("\x1f".join([key_fingerprint(key), pol.digest, model]).encode()).hexdigest()[:16]


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


def write_fragment(result: ReadResult, summary: SourceSummary, tokens: set[str], dest: Path,
                   *, key: bytes | None = None, extra: dict[str, Any] | None = None) -> Path:
    """Write one source's output atomically (temp dir + rename) so a crash leaves no half fragment.

    With ``key`` the fragment is also privacy-audited against its own identity tokens and its
    keyed word and identity indexes are written (``validate.privacy``): everything a later build
    needs from this source, computed once.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=dest.parent))
    try:
        write_table(records_table("posts", result.posts), tmp / "posts.parquet")
        write_table(records_table("comments", result.comments), tmp / "comments.parquet")
        write_table(records_table("quarantine", result.quarantine), tmp / "quarantine.parquet")
        write_table(furniture_table(result.furniture), tmp / "furniture.parquet")
        (tmp / "identity_tokens.txt").write_text("".join(t + "\n" for t in sorted(tokens)))
        if key is not None:
            from .validate.privacy import audit_fragment

            fields = 2 * len(result.posts) + len(result.comments)
            audit_fragment(tmp, key, summary.source_id, fields=fields)
        summary.fragment = dest.name
        (tmp / "summary.json").write_text(json.dumps({**asdict(summary), **(extra or {})}, indent=1,
                                                     sort_keys=True))
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return dest


FRAGMENT_FILES = ("posts.parquet", "comments.parquet", "quarantine.parquet", "furniture.parquet",
                  "identity_tokens.txt", "summary.json")
AUDITED_FILES = ("audit.json", "word_index.parquet", "identity_index.parquet")


def fragment_complete(dest: Path, *, audited: bool = True) -> bool:
    names = FRAGMENT_FILES + (AUDITED_FILES if audited else ())
    return all((dest / f).exists() for f in names)


# --------------------------------------------------------------------------- worker side

# Per worker process: the key and anonymiser, loaded once (models and lexicons are large).
_WORKER: dict[tuple[str | None, str | None], tuple[bytes, Any]] = {}


def worker_state(key_file: str | None, policy: str | None) -> tuple[bytes, Any]:
    slot = (key_file, policy)
    if slot not in _WORKER:
        from .anonymise import Anonymiser, Policy, load_key

        key = load_key(Path(key_file) if key_file else None, create=False)
        _WORKER.clear()  # another key or policy: never keep the previous key's anonymiser
        _WORKER[slot] = (key, Anonymiser(key, policy=Policy.load(Path(policy) if policy else None)))
        _freeze_heap()
    return _WORKER[slot]


def _freeze_heap() -> None:
    """Load what every source needs (word lists, gazetteer, models: millions of objects; a no-op
    in a worker forked from the preloaded fork server) and move it out of the cyclic collector's
    reach. Otherwise every full collection, ours after each source and the automatic ones, walks
    all of them (~0.1-0.2 CPU s each); frozen pages also stay shared with the fork server."""
    import gc

    from . import worker_preload  # noqa: F401 - loads on first import

    gc.collect()
    gc.freeze()


def init_worker(key_file: str | None, policy: str | None) -> None:
    """Process-pool initializer: load the key, policy and lexicons once per worker."""
    worker_state(key_file, policy)


@dataclass(frozen=True)
class SourceJob:
    """One source to read, anonymise, audit and write as a fragment (picklable, paths absolute)."""

    ref: SourceRef
    path: str
    fragment: str
    key_file: str | None
    policy: str | None


def run_source(job: SourceJob) -> dict[str, Any]:
    """Process one source into its fragment; returns its summary. Runs in any worker."""
    from .manifest import read_local

    key, anonymiser = worker_state(job.key_file, job.policy)
    data = read_local(Path(job.path))  # no link, a regular file, not a key: checked again on read
    result, summary, tokens = process_source(job.ref, data, anonymiser)
    extra = {"anonymiser_fingerprint": anonymiser.fingerprint}
    write_fragment(result, summary, tokens, Path(job.fragment), key=key, extra=extra)
    out = {**asdict(summary), **extra}
    del result, data
    _give_back_memory()
    return out


def _give_back_memory() -> None:
    """Return the freed heap of one source to the OS, so a long-lived worker stays at its models'
    size instead of the high-water mark of the largest source it has read."""
    import ctypes
    import gc

    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


# --------------------------------------------------------------------------- assembly

ASSEMBLED = list(PUBLISHED_TABLES) + ["furniture"]
PRIVATE_INDEXES = ("word_index.parquet", "identity_index.parquet")


def assemble(fragments: list[Path], out: Path) -> dict[str, int]:
    """The build's tables from fragments (in the order given), row groups copied byte for byte.

    Unchanged fragments are never decoded: their column chunks are copied and one footer is
    written (``parquet_concat``). Also writes ``private/identity_tokens.txt`` and the keyed
    indexes the cross-source privacy check joins.
    """
    from .parquet_concat import ConcatError, concat_files
    from .validate.privacy import write_tokens_union

    out.mkdir(parents=True, exist_ok=True)
    totals: dict[str, int] = {}
    for name in ASSEMBLED:
        target = out / f"{name}.parquet"
        parts = [f / f"{name}.parquet" for f in fragments]
        try:
            totals[name] = concat_files(parts, target) if parts else _write_empty(name, target)
        except ConcatError:  # a fragment from another writer: decode and re-encode this table
            totals[name] = _rewrite(parts, name, target)
    private = out / "private"
    private.mkdir(exist_ok=True)
    write_tokens_union(fragments, private / "identity_tokens.txt")
    for idx in PRIVATE_INDEXES:
        parts = [f / idx for f in fragments if (f / idx).exists()]
        if parts and len(parts) == len(fragments):
            concat_files(parts, private / idx)
    return totals


def _schema_of(name: str) -> pa.Schema:
    return FURNITURE_SCHEMA if name == "furniture" else arrow_schema(name)


def _write_empty(name: str, target: Path) -> int:
    write_table(_schema_of(name).empty_table(), target)
    return 0


def _rewrite(parts: list[Path], name: str, target: Path) -> int:
    schema = _schema_of(name)
    tmp = target.with_name(f".{target.name}.tmp")
    n = 0
    with pq.ParquetWriter(tmp, schema, compression="zstd", write_statistics=True) as w:
        for p in parts:
            t = pq.read_table(p, schema=schema)
            if t.num_rows:
                w.write_table(t, row_group_size=ROW_GROUP_SIZE)
                n += t.num_rows
    os.replace(tmp, target)
    return n


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
                 anonymiser_fingerprint: str = "", policy: str | None = None) -> dict[str, Any]:
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
        "language_coverage": language_coverage(summaries, policy),
    }
    return report


def language_coverage(summaries: list[dict[str, Any]], policy: str | None = None) -> dict[str, Any]:
    """The languages the name recognizers cover, what the policy does with the others, and how many
    comments that touched (``therapy_threads.anonymise.coverage``)."""
    from .anonymise.coverage import covered_languages
    from .anonymise.policy import Policy
    from .anonymise.recognizers import recognizer_classes

    mode = Policy.load(Path(policy) if policy else None).coverage.uncovered_languages
    counts: Counter = Counter()
    for s in summaries:
        for k, v in (s.get("anonymised") or {}).items():
            if k.startswith("language_not_covered"):
                counts[k] += v
    from .anonymise.regional import code_mixed_languages

    return {"covered": sorted(covered_languages(recognizer_classes())), "uncovered_languages": mode,
            # languages whose text is read with another one's rules (Taglish: "tl" -> "en")
            "read_as": dict(sorted(code_mixed_languages().items())),
            "comments_quarantined": counts["language_not_covered_quarantined"],
            "replies_quarantined": counts["language_not_covered_replies_quarantined"],
            "posts_quarantined": counts["language_not_covered_quarantined_posts"],
            "comments_published_uncovered": counts["language_not_covered_published"],
            "posts_published_uncovered": counts["language_not_covered_published_posts"]}


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def write_json(path: Path, doc: dict[str, Any]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_json(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


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
    "code_fingerprint", "settings_fingerprint", "fragment_key", "SourceSummary", "records_table", "columns",
    "SourceJob", "run_source", "init_worker", "build", "plan_build", "BuildOptions",
    "Post", "Comment", "QuarantineRow",
]


def plan_build(options: Any) -> Any:
    """See :func:`therapy_threads.builder.plan_build`."""
    from .builder import plan_build as _plan

    return _plan(options)


def build(plan: Any, executor: Any, on_progress: Any = None) -> dict[str, Any]:
    """See :func:`therapy_threads.builder.build`."""
    from .builder import build as _build

    return _build(plan, executor, on_progress)


def __getattr__(name: str) -> Any:
    if name == "BuildOptions":
        from .builder import BuildOptions

        return BuildOptions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
