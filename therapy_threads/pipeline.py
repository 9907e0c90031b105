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


# Free-text columns are written without min/max statistics. Nothing filters on them, and their
# statistics were most of a row group's footer entry (a post's body ~3.3 KB of ~4.6 KB, a
# comment's text ~1.2 KB of ~2.7 KB). A build has one row group per source and table, and every
# reader of an assembled table decodes its whole footer (~4.5x its size in pyarrow, DuckDB
# alike): at 10,000 sources that was ~360 MB in the gate for posts and comments.
UNSTATED_COLUMNS = frozenset({"text", "body", "title", "detail"})


def _statistics(schema: pa.Schema) -> list[str]:
    return [f.name for f in schema if f.name not in UNSTATED_COLUMNS]


def write_table(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd", row_group_size=ROW_GROUP_SIZE,
                   write_statistics=_statistics(table.schema), store_schema=True)


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
    _REFREEZE[0] = True


# Set when the heap is frozen: the first source loads more on first use (the gazetteers' place pairs,
# reader and encoding modules: ~8,600 tracked objects holding ~75,000 set entries), which then live as
# long as the worker; frozen after that source too, each later collection stops walking them (a full
# collection with nothing to free cost ~7 ms a source before, ~0.2 ms after).
_REFREEZE = [False]


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

    from .anonymise import phones

    phones.forget()  # the phone finders' answers for this source's texts (kept for its privacy audit)
    gc.collect()
    if _REFREEZE[0]:
        _REFREEZE[0] = False
        gc.freeze()  # (once: what is alive after the first source's collection is what stays)
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def warm_up() -> None:
    """Run one small invented page (``data/warm_up_page.txt``) through the worker's whole path —
    read, anonymise, privacy audit, fragment written to a temporary folder and removed — under a
    random key that is dropped afterwards.

    What a worker builds on its first source (among others the gazetteers' place pairs, reader and
    encoding modules: see ``_REFREEZE``) is then built once here and shared by every worker, instead
    of once per worker (and per recycled pool); and, most likely, the free space of this process's
    heap and object pools is filled here the way a first source fills it, where a worker forked
    without it wrote its first allocations into those inherited pages, copying them. Measured with
    a worker forked from the preloaded process on the largest 100k-corpus sources: its private
    memory after the first sources 85 -> 43 MB, this process's own pages that the worker had
    copied 51 -> 25 MB (bench/README.md, "a warm-up source in the fork server").

    Outputs do not change: a worker's fragments never depend on which sources it read before (a
    worker reads any sources in any order, and is replaced every ``RECYCLE_EVERY`` jobs), and the
    warm-up key is never a build's key (the memos keyed by text alone are pure functions of it)."""
    from importlib import resources

    from .anonymise import Anonymiser, Policy

    page = (resources.files("therapy_threads") / "data" / "warm_up_page.txt").read_bytes()
    ref = SourceRef(source_id="warm-up", location="warm_up_page.txt", format="text_capture",
                    site="Warm-up blog", url="", retrieved="2026-01-01", licence="invented text")
    key = os.urandom(32)
    anonymiser = Anonymiser(key, policy=Policy.load(None))
    result, summary, tokens = process_source(ref, page, anonymiser)
    tmp = Path(tempfile.mkdtemp(prefix="tt-warm-up-"))
    try:
        write_fragment(result, summary, tokens, tmp / "fragment", key=key,
                       extra={"anonymiser_fingerprint": anonymiser.fingerprint})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    del result, summary, tokens, anonymiser, key
    _give_back_memory()


# --------------------------------------------------------------------------- assembly

ASSEMBLED = list(PUBLISHED_TABLES) + ["furniture"]
PRIVATE_INDEXES = ("word_index.parquet", "identity_index.parquet")


def assemble(fragments: list[Path], out: Path) -> dict[str, int]:
    """The build's tables from fragments (in the order given), in row groups of
    ``ROW_GROUP_SIZE`` rows. Also writes ``private/identity_tokens.txt`` and the keyed indexes
    the cross-source privacy check joins.

    The tables are re-encoded, not copied row group by row group: a fragment is one row group per
    table, and every reader of a table decodes the entry of each of its row groups (pyarrow
    ~28 KB per posts or comments row group; DuckDB alike) — copied, a build of 10,000 sources
    held ~280 MB in pyarrow and ~150 MB more in each DuckDB query of the gate just for the
    footers, growing with the number of sources. Re-encoding costs a decode and an encode of
    the tables (the order and values are the same; the bytes depend only on the fragments and
    their order, so a Dask build still equals a local one). The private indexes (two narrow
    columns, read only by the keyed join) keep the byte copy (``parquet_concat``).
    """
    from .parquet_concat import concat_files
    from .validate.privacy import write_tokens_union

    out.mkdir(parents=True, exist_ok=True)
    totals: dict[str, int] = {}
    for name in ASSEMBLED:
        target = out / f"{name}.parquet"
        parts = [f / f"{name}.parquet" for f in fragments]
        totals[name] = _rewrite(parts, name, target) if parts else _write_empty(name, target)
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


# Bounds of what assembly holds before it writes: a row group of ROW_GROUP_SIZE rows, or fewer
# rows once they hold this many bytes (64k posts can be ~130 MB of Arrow data); and small
# fragments' tables are merged into one every COMPACT_EVERY of them, since every table held
# costs its own buffers and objects per column (10,000 posts of one row each held ~250 MB).
ASSEMBLY_BYTES = 64 << 20
COMPACT_EVERY = 256


def _rewrite(parts: list[Path], name: str, target: Path, *, rows: int | None = None,
             max_bytes: int = ASSEMBLY_BYTES) -> int:
    """``parts`` (one table's files) into ``target`` in row groups of ``rows`` rows, or of fewer
    rows where they reach ``max_bytes`` (the last one smaller). Where a row group ends depends
    only on the parts' rows and sizes, in order."""
    rows = rows or ROW_GROUP_SIZE
    schema = _schema_of(name)
    tmp = target.with_name(f".{target.name}.tmp")
    n = 0
    held: list[pa.Table] = []  # merged runs of parts
    tail: list[pa.Table] = []  # parts not merged yet
    held_rows = held_bytes = 0
    with pq.ParquetWriter(tmp, schema, compression="zstd", write_statistics=_statistics(schema)) as w:
        for p in parts:
            # ParquetFile.read, not pq.read_table: read_table's dataset machinery kept ~20 KB per
            # call (80 MB over 4,000 files), i.e. grew with the number of sources
            t = pq.ParquetFile(p).read(use_threads=False)
            if not t.schema.equals(schema, check_metadata=False):
                t = t.select(schema.names).cast(schema)  # a fragment from another writer
            if not t.num_rows:
                continue
            n += t.num_rows
            tail.append(t)
            held_rows += t.num_rows
            held_bytes += t.nbytes
            if len(tail) >= COMPACT_EVERY:
                held.append(pa.concat_tables(tail).combine_chunks())
                tail = []
            if held_rows >= rows or held_bytes >= max_bytes:
                whole = pa.concat_tables(held + tail)
                full = held_rows - held_rows % rows if held_rows >= rows else held_rows
                w.write_table(whole.slice(0, full), row_group_size=rows)
                rest = whole.slice(full)
                held, tail = [], ([rest] if rest.num_rows else [])
                held_rows, held_bytes = rest.num_rows, (rest.nbytes if rest.num_rows else 0)
                del whole
        if held_rows:
            w.write_table(pa.concat_tables(held + tail), row_group_size=rows)
        elif not n:
            w.write_table(schema.empty_table())  # as write_table writes an empty table
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
    fold = ReportFold({s["source_id"]: s["sha256"] for s in (previous or {}).get("sources", [])})
    for s in summaries:
        fold.note_change(s["source_id"], s["sha256"])
    return fold.changes()


def previous_hashes(out: Path) -> dict[str, str]:
    """{source id: sha256} of the build report in ``out`` (empty without a readable one), read
    one entry at a time."""
    from .reportfile import iter_sources

    p = Path(out) / "build_report.json"
    try:
        return {s["source_id"]: s["sha256"] for s in iter_sources(p)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


class ReportFold:
    """What the build report says about all its sources, folded one entry at a time (in report
    order): the build id's digest, the totals, the language counts and the changes since the
    previous build (``previous``: {source id: sha256})."""

    def __init__(self, previous: dict[str, str] | None = None):
        self.previous = previous or {}
        self._id = hashlib.sha256(b"[")  # json.dumps([(source_id, sha256), ...]), streamed
        self.n = self.failed = self.skipped = self.seen = 0
        self.languages: Counter = Counter()
        self.diff: dict[str, list[str]] = {"added": [], "changed": [], "unchanged": [], "removed": []}
        self._current: set[str] = set()

    def add(self, s: dict[str, Any]) -> None:
        sid = s["source_id"]
        self._id.update(((", " if self.n else "") + json.dumps([sid, s["sha256"]])).encode())
        self.n += 1
        self.failed += s["status"] == "error"
        self.skipped += sum(s["skipped"].values())
        self.seen += s["comments"] + s["quarantined"]
        for k, v in (s.get("anonymised") or {}).items():
            if k.startswith("language_not_covered"):
                self.languages[k] += v
        self.note_change(sid, s["sha256"])

    def note_change(self, sid: str, sha256: str) -> None:
        self._current.add(sid)
        if sid not in self.previous:
            self.diff["added"].append(sid)
        elif self.previous[sid] != sha256:
            self.diff["changed"].append(sid)
        else:
            self.diff["unchanged"].append(sid)

    def changes(self) -> dict[str, list[str]]:
        return {**self.diff, "removed": sorted(set(self.previous) - self._current)}

    def header(self, totals: dict[str, int], *, started: float, key_fingerprint: str, code_fp: str,
               anonymiser_fingerprint: str = "", policy: str | None = None) -> dict[str, Any]:
        """The report with ``sources`` None (its place among the keys): ``reportfile.write_report``
        streams the entries into it."""
        digest = self._id.copy()
        digest.update(b"]" + code_fp.encode() + key_fingerprint.encode())
        return {
            "build_id": digest.hexdigest()[:16],
            "started_at": _iso(started),
            "finished_at": _iso(time.time()),
            "pipeline_version": __version__,
            "code_fingerprint": code_fp,
            "git_commit": git_commit(),
            "schema_version": schema_version(),
            "key_fingerprint": key_fingerprint,  # HMAC of a fixed label: identifies the key, reveals nothing
            "anonymiser_fingerprint": anonymiser_fingerprint,  # key + policy + model: part of the cache key
            "sources": None,
            "changes": self.changes(),
            "totals": {
                "sources": self.n,
                "sources_failed": self.failed,
                "posts": totals.get("posts", 0),
                "comments": totals.get("comments", 0),
                "quarantined": totals.get("quarantine", 0),
                "skipped": self.skipped,
                "comments_seen": self.seen,
                "furniture": totals.get("furniture", 0),
            },
            "language_coverage": _coverage(self.languages, policy),
        }


class FailedSourcesError(UserError):
    """Sources failed and the run was not told to go on without them; nothing was replaced."""


def check_failed_sources(summaries: list[dict[str, Any]], out: Path, *, allow: bool,
                         total: int | None = None) -> list[str]:
    """The ids of failed sources the build may go on without; raise when it may not.

    A failed source fails the build unless ``allow`` (``--allow-failed-sources``); a run whose
    every source failed always fails, so it can never replace a build with an empty one.
    ``total``: how many sources the run had, when ``summaries`` holds only some of them (the
    failed ones: the builder keeps no list of every source's summary).
    """
    failed = [s for s in summaries if s.get("status") == "error"]
    if not failed:
        return []
    n = len(summaries) if total is None else total
    first = next((i["message"] for i in failed[0].get("issues", []) if i.get("severity") == "error"),
                 "failed")
    ids_ = ", ".join(s["source_id"] for s in failed[:5]) + (f" and {len(failed) - 5} more" if len(failed) > 5 else "")
    if len(failed) == n:
        raise FailedSourcesError(
            f"every source failed ({ids_}; first: {first}); nothing was built and {out} was left "
            "as it was")
    if not allow:
        raise FailedSourcesError(
            f"{len(failed)} of {n} sources failed ({ids_}; first: {first}); {out} was "
            "left as it was. Fix them, or pass --allow-failed-sources to build without them "
            "(they are recorded in build_report.json)")
    return sorted(s["source_id"] for s in failed)


def build_report(summaries: list[dict[str, Any]], totals: dict[str, int], *, started: float,
                 key_fingerprint: str, code_fp: str, previous: dict[str, Any] | None,
                 anonymiser_fingerprint: str = "", policy: str | None = None) -> dict[str, Any]:
    """The build report of ``summaries`` in memory (the builder streams it: ``ReportFold``)."""
    fold = ReportFold({s["source_id"]: s["sha256"] for s in (previous or {}).get("sources", [])})
    for s in summaries:
        fold.add(s)
    report = fold.header(totals, started=started, key_fingerprint=key_fingerprint, code_fp=code_fp,
                         anonymiser_fingerprint=anonymiser_fingerprint, policy=policy)
    report["sources"] = summaries
    return report


def language_coverage(summaries: Iterable[dict[str, Any]], policy: str | None = None) -> dict[str, Any]:
    """The languages the name recognizers cover, what the policy does with the others, and how many
    comments that touched (``therapy_threads.anonymise.coverage``)."""
    counts: Counter = Counter()
    for s in summaries:
        for k, v in (s.get("anonymised") or {}).items():
            if k.startswith("language_not_covered"):
                counts[k] += v
    return _coverage(counts, policy)


def _coverage(counts: Counter, policy: str | None) -> dict[str, Any]:
    from .anonymise.coverage import covered_languages
    from .anonymise.policy import Policy
    from .anonymise.recognizers import recognizer_classes
    from .anonymise.regional import code_mixed_languages

    mode = Policy.load(Path(policy) if policy else None).coverage.uncovered_languages
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
