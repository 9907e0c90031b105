"""Prefect flow: sources -> read -> normalise -> anonymise -> Parquet build -> validate.

Thin orchestration over ``therapy_threads.pipeline``. One task per source, cached on the
source's content plus the code and anonymisation fingerprints, so an unchanged source is never
re-parsed. CPU-heavy work runs in a pool of worker processes (Prefect's thread runner submits,
the pool computes) because per-task overhead of process-based task runners is ~0.2 s here and a
corpus can have thousands of sources; for multi-machine runs use ``--runner dask``.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, Callable

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import CacheKeyFnPolicy
from prefect.task_runners import ThreadPoolTaskRunner

from therapy_threads import pipeline
from therapy_threads.ids import sha256_file
from therapy_threads.readers import SourceRef

# ----------------------------------------------------------------------------- worker side

# One anonymiser per (key source, policy) per process: models and lexicons load once per worker,
# and a run with another key never reuses the previous key's anonymiser.
_WORKER: dict[tuple[str, str | None], Any] = {}


def _anonymiser(key_file: str | None, policy: str | None) -> Any:
    from therapy_threads.anonymise import Anonymiser, Policy, load_key
    from therapy_threads.anonymise.keys import key_fingerprint

    key = load_key(Path(key_file) if key_file else None, create=False)
    slot = (key_fingerprint(key), policy)
    if slot not in _WORKER:
        _WORKER[slot] = Anonymiser(key, policy=Policy.load(Path(policy) if policy else None))
    return _WORKER[slot]


def _init_worker(key_file: str | None, policy: str | None) -> None:
    """Load the key, policy and models once per worker process, not once per source."""
    _anonymiser(key_file, policy)


def run_source(ref: SourceRef, path: str, fragment_dir: str, key_file: str | None,
               policy: str | None) -> dict[str, Any]:
    """Process one source and write its fragment. Runs in a worker process (or inline)."""
    from therapy_threads.manifest import read_local

    anonymiser = _anonymiser(key_file, policy)
    data = read_local(Path(path))  # no link, a regular file, not a key: checked again on read
    result, summary, tokens = pipeline.process_source(ref, data, anonymiser)
    pipeline.write_fragment(result, summary, tokens, Path(fragment_dir))
    return asdict(summary)


# ----------------------------------------------------------------------------- tasks

def _source_cache_key(context: Any, parameters: dict[str, Any]) -> str:
    return "extract-" + parameters["fragment_key"]


SOURCE_CACHE = CacheKeyFnPolicy(cache_key_fn=_source_cache_key)


@task(name="extract-source", task_run_name="extract {ref.source_id}", persist_result=True,
      cache_policy=SOURCE_CACHE)
def extract_source(ref: SourceRef, path: str, fragment_key: str, fragment_root: str,
                   key_file: str | None, policy: str | None) -> dict[str, Any]:
    dest = Path(fragment_root) / fragment_key
    pool = _POOL.get("executor")
    if pool is None:
        return run_source(ref, path, str(dest), key_file, policy)
    return pool.submit(run_source, ref, path, str(dest), key_file, policy).result()


def _worth_retrying(task: Any, task_run: Any, state: Any) -> bool:
    """A size or time limit, a refusal, robots.txt or a missing archive entry will fail the
    same way again: only network trouble is retried (after the client's own retries)."""
    from therapy_threads.errors import LimitExceeded, RefusedPath
    from therapy_threads.fetch import NotInArchive, RedirectRefused, RobotsDisallowed

    return not isinstance(getattr(state, "data", None), (LimitExceeded, RefusedPath, NotInArchive,
                                                         RedirectRefused, RobotsDisallowed))


@task(name="fetch-source", task_run_name="fetch {ref.source_id}", retries=3,
      retry_delay_seconds=[2, 10, 30], retry_condition_fn=_worth_retrying)
def fetch_source(ref: SourceRef, archive_dir: str, offline: bool,
                 fetch_limits: dict[str, Any] | None = None) -> str:
    """Fetch a URL source through the polite client (robots, rate limit, WARC archive),
    within the size and time limits (``therapy_threads.fetch.Limits`` as a dict)."""
    from therapy_threads.fetch import Limits
    from therapy_threads.materialise import materialise_source

    return str(materialise_source(ref, Path(archive_dir), offline=offline,
                                  limits=Limits(**(fetch_limits or {}))))


@task(name="assemble-build")
def assemble_build(fragments: list[str], out: str) -> dict[str, int]:
    return pipeline.assemble([Path(f) for f in fragments], Path(out))


@task(name="validate-build")
def validate_build(out: str, key_file: str | None, registry: str | None = None) -> dict[str, Any]:
    from therapy_threads.anonymise import load_key
    from therapy_threads.validate import summary_markdown
    from therapy_threads.validate import validate_build as _validate
    from therapy_threads.validate.build import previous_release

    key = load_key(Path(key_file) if key_file else None, create=False)
    summary = _validate(Path(out), key=key, baseline=previous_release(registry))
    create_markdown_artifact(key="validation-summary", markdown=summary_markdown(summary),
                             description="therapy-threads build validation")
    # A failed validation fails the task and the flow: nothing downstream may publish it.
    summary.raise_for_status()
    return summary.to_dict()


_POOL: dict[str, Executor] = {}
# The CLI registers a progress callback here (a flow parameter must be serialisable).
PROGRESS: list[Callable[[dict[str, Any], int, int], None]] = []


# ----------------------------------------------------------------------------- flow

@flow(name="therapy-threads-build", task_runner=ThreadPoolTaskRunner(max_workers=8),
      log_prints=False)
def build_flow(sources: str = "seeds", out: str = "data/build", key_file: str | None = None,
               policy: str | None = None, workers: int | None = None,
               archive_dir: str = "data/raw", offline: bool = False,
               run_validation: bool = True, allow_failed_sources: bool = False,
               registry: str | None = None, roots: list[str] | None = None,
               fetch_limits: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build posts/comments/quarantine Parquet from the sources in a manifest.

    Fails (``pipeline.FailedSourcesError``) without touching ``out`` when a source failed, unless
    ``allow_failed_sources`` (then they are recorded in build_report.json), and always when every
    source failed. ``registry``: validation compares rows with its newest release. ``roots``:
    more folders local sources may be read from; ``fetch_limits``: size and time limits of URL
    sources (``therapy_threads.fetch.Limits`` as a dict).
    """
    from therapy_threads.anonymise import Anonymiser, Policy, load_key
    from therapy_threads.anonymise.keys import key_fingerprint

    logger = get_run_logger()
    started = time.time()
    timings: dict[str, float] = {}
    out_p = Path(out)
    out_p.mkdir(parents=True, exist_ok=True)
    manifest = pipeline.read_manifest(sources, roots=roots or ())
    refs = list(manifest.sources)
    # A URL source's page address is its location unless the manifest says otherwise.
    refs = [replace(r, url=r.url or r.location) if pipeline.is_url(r.location) else r for r in refs]
    previous = pipeline.load_previous_report(out_p)

    key = load_key(Path(key_file) if key_file else None, create=True)
    anon = Anonymiser(key, policy=Policy.load(Path(policy) if policy else None))
    code_fp = pipeline.code_fingerprint()
    fragment_root = out_p / ".cache" / "fragments"

    # URL sources are fetched first (network tasks with retries); files are read in place.
    paths: dict[str, Path] = {}
    fetches = {r.source_id: fetch_source.submit(r, archive_dir, offline, fetch_limits)
               for r in refs if pipeline.is_url(r.location)}
    missing: list[dict[str, Any]] = []
    for r in refs:
        if r.source_id in fetches:
            try:
                paths[r.source_id] = Path(fetches[r.source_id].result())
            except Exception as e:  # reported per source; the rest of the run goes on
                why = str(e) if str(e).startswith(r.location) else f"{r.location}: {e}"
                missing.append(_failed_summary(r, "fetch_failed", f"could not fetch {why}"))
            continue
        p = manifest.local_path(r)
        if not p.is_file():
            missing.append(_failed_summary(r, "missing_file",
                                           f"{p} does not exist; fix 'location' in the manifest"))
            continue
        paths[r.source_id] = p

    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    # spawn, not fork: the parent runs Prefect's API server and client in threads.
    pool = ProcessPoolExecutor(max_workers=n_workers, initializer=_init_worker,
                               initargs=(key_file, policy),
                               mp_context=multiprocessing.get_context("spawn")) if n_workers > 1 else None
    if pool:
        _POOL["executor"] = pool
    try:
        submitted = []
        # Two configured copies of the task, made once: with_options deep-copies the task.
        # A fragment missing from disk (build folder cleaned) refreshes Prefect's cache entry.
        keyed = SOURCE_CACHE.configure(key_storage=out_p / ".cache" / "prefect-keys")
        extract = {refresh: extract_source.with_options(cache_policy=keyed, refresh_cache=refresh)
                   for refresh in (False, True)}
        timings["setup"] = round(time.time() - started, 2)
        t_phase = time.time()
        for r in refs:
            if r.source_id not in paths:
                continue
            sha = sha256_file(paths[r.source_id])
            fkey = pipeline.fragment_key(r, sha, code_fp, anon.fingerprint)
            dest = fragment_root / fkey
            refresh = not pipeline.fragment_complete(dest)
            fut = extract[refresh].submit(r, str(paths[r.source_id]), fkey, str(fragment_root),
                                          key_file, policy)
            submitted.append((r, fut, dest, refresh))
        summaries: list[dict[str, Any]] = []
        fragments: list[tuple[str, str]] = []  # (source id, fragment dir)
        for i, (r, fut, dest, refresh) in enumerate(submitted, 1):
            try:
                s = fut.result()
            except Exception as e:
                s = _failed_summary(r, "task_failed", f"processing failed: {type(e).__name__}: {e}")
            else:
                s = dict(s)
                s["cache"] = "miss" if refresh else "hit"
                fragments.append((r.source_id, str(dest)))
            summaries.append(s)
            if PROGRESS:
                PROGRESS[0](s, i, len(submitted))
    finally:
        _POOL.pop("executor", None)
        if pool:
            pool.shutdown()

    summaries.extend(missing)
    order = {r.source_id: i for i, r in enumerate(sorted(refs, key=lambda r: r.source_id))}
    summaries.sort(key=lambda s: order[s["source_id"]])
    fragments.sort(key=lambda f: order[f[0]])
    timings["extract"] = round(time.time() - t_phase, 2)
    # A failed source fails the run before anything in `out` is replaced: the previous build stays.
    allowed_failures = pipeline.check_failed_sources(summaries, out_p, allow=allow_failed_sources)
    t_phase = time.time()
    totals = assemble_build([f for _, f in fragments], out)
    timings["assemble"] = round(time.time() - t_phase, 2)
    report = pipeline.build_report(summaries, totals, started=started,
                                   key_fingerprint=key_fingerprint(key),
                                   anonymiser_fingerprint=anon.fingerprint, code_fp=code_fp,
                                   previous=previous)
    report["timings"] = timings
    report["failed_sources_allowed"] = allowed_failures
    pipeline.write_json(out_p / "build_report.json", report)
    report_build(report)
    logger.info("built %s posts, %s comments, %s quarantined from %s sources",
                report["totals"]["posts"], report["totals"]["comments"],
                report["totals"]["quarantined"], report["totals"]["sources"])
    if run_validation:
        t_phase = time.time()
        report["validation"] = validate_build(out, key_file, registry)
        timings["validate"] = round(time.time() - t_phase, 2)
    return report


def _failed_summary(ref: SourceRef, code: str, message: str) -> dict[str, Any]:
    s = pipeline.SourceSummary(source_id=ref.source_id, location=ref.location, format=ref.format,
                               sha256="", bytes=0, status="error",
                               issues=[{"severity": "error", "code": code, "message": message,
                                        "location": ref.location}])
    d = asdict(s)
    d["cache"] = "none"
    return d


@task(name="report-build")
def report_build(report: dict[str, Any]) -> None:
    """Build summary and per-source table as Prefect artifacts (created in a task: artifacts
    created directly in a sync flow body were not persisted by Prefect 3.8 here)."""
    rows = [{"source": s["source_id"], "format": s["format"], "status": s["status"],
             "cache": s.get("cache", ""), "posts": s["posts"], "comments": s["comments"],
             "quarantined": s["quarantined"], "skipped": sum(s["skipped"].values()),
             "warnings": sum(1 for i in s["issues"] if i["severity"] == "warning")}
            for s in report["sources"]]
    create_table_artifact(key="build-sources", table=rows, description="Per-source build results")
    t = report["totals"]
    ch = report["changes"]
    md = (f"# Build {report['build_id']}\n\n"
          f"| posts | comments | quarantined | skipped | sources (failed) |\n|---|---|---|---|---|\n"
          f"| {t['posts']} | {t['comments']} | {t['quarantined']} | {t['skipped']} | "
          f"{t['sources']} ({t['sources_failed']}) |\n\n"
          f"Comments seen in sources = published + quarantined: "
          f"{t['comments_seen']} = {t['comments']} + {t['quarantined']}\n\n"
          f"Changes since the previous build: {len(ch['added'])} added, {len(ch['changed'])} changed, "
          f"{len(ch['unchanged'])} unchanged, {len(ch['removed'])} removed.\n")
    create_markdown_artifact(key="build-summary", markdown=md, description="therapy-threads build")


if __name__ == "__main__":
    print(json.dumps(build_flow()["totals"], indent=2))
