"""Prefect flow: sources -> fragments -> validated, audited build (``therapy_threads.builder``).

Thin: the library decides everything (``pipeline.build(plan, executor, on_progress)``). The flow
chooses where steps run — Prefect's thread runner handing CPU work to local worker processes, or
a Dask cluster when the flow runs with prefect-dask's ``DaskTaskRunner`` — and adds what Prefect
is for: one task run per fetched source, per batch of ``EXTRACT_BATCH`` processed sources (one per
source on Dask) and per validation batch (with per-source time-outs, and retries on transient
fetch errors only), and artifacts for the UI.

Prefect persists nothing for this flow: the fragment folder (``--out/.cache/fragments``) is the
build's one cache, keyed by content, code, libraries and settings, so a worker needs no result
storage and a deployment run behaves like a CLI run.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import json
import logging
from pathlib import Path
from typing import Any, Callable

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner

from therapy_threads import pipeline
from therapy_threads.builder import BuildOptions, plan_build
from therapy_threads.materialise import retry_if_transient

PROGRESS_LOGGER = "therapy_threads.build.progress"


@task(name="build-step", task_run_name="{label}", cache_policy=NO_CACHE, persist_result=False)
def run_step(label: str, step: str, fn: Callable[..., Any], args: tuple, inner: Any = None) -> Any:
    """One step of the build: here (Dask worker, or a thread for network I/O) or in ``inner``'s
    worker processes."""
    if inner is None:
        return fn(*args)
    return inner.submit(step, fn, *args, label=label).result()


@task(name="build-steps", task_run_name="{label}", cache_policy=NO_CACHE, persist_result=False)
def run_batch(label: str, step: str, calls: list, inner: Any, settle: Callable[[int, cf.Future], None]) -> int:
    """Hands several steps to ``inner``'s worker processes as one task run, and returns: each call's
    future is settled (``settle(i, future)``) as soon as that call ends, so the builder sees every
    source on its own. Nothing waits here: the builder waits in the flow's thread, where SIGTERM or
    Ctrl-C stops the build at once; a task thread waiting for a whole batch cannot be interrupted,
    and held a terminated build until its batch had run (tests/test_build_hygiene.py)."""
    futs = [inner.submit(step, fn, *args, label=lab) for lab, fn, args in calls]
    for i, f in enumerate(futs):
        f.add_done_callback(lambda f, i=i: settle(i, f))
    return len(futs)


# Sources per extraction task run with local worker processes. A task run costs ~60 ms of CPU in
# the build process and the Prefect server whatever it does (~120 CPU s, 14 % of a 1M-comment
# build, with one per source); the fragment folder, not Prefect, is the per-source cache, so
# batching changes neither what is cached nor what a re-run redoes. On Dask each source stays
# one task run (the cluster spreads them).
EXTRACT_BATCH = 20

_BATCH = run_batch.with_options(name="extract-sources")
_FETCH = run_step.with_options(name="fetch-source", retries=3, retry_delay_seconds=[5, 30, 120],
                               retry_condition_fn=retry_if_transient)
_EXTRACT = run_step.with_options(name="extract-source")
_VALIDATE = run_step.with_options(name="validate-sources")


class PrefectSteps:
    """The builder's executor: every step becomes a Prefect task run."""

    def __init__(self, timeout: float | None, inner: Any = None):
        self.inner = inner
        # Local worker processes enforce the deadline themselves (SIGALRM); on Dask the task's
        # own time-out does.
        t = {"timeout_seconds": timeout} if timeout and inner is None else {}
        self.tasks = {"fetch": _FETCH.with_options(**t), "extract": _EXTRACT.with_options(**t),
                      "validate": _VALIDATE.with_options(**t)}

    def submit(self, step: str, fn: Callable[..., Any], *args: Any, label: str = "") -> cf.Future:
        inner = None if step == "fetch" else self.inner  # network waits stay on a thread
        pf = self.tasks[step].submit(f"{step} {label}".strip(), step, fn, args, inner)
        fut: cf.Future = cf.Future()

        def settle(p: Any) -> None:
            try:
                fut.set_result(p.result())
            except BaseException as e:  # noqa: BLE001 - handed to the builder
                fut.set_exception(e)

        pf.add_done_callback(settle)
        return fut

    def batch_size(self, step: str) -> int:
        return EXTRACT_BATCH if step == "extract" and self.inner is not None else 1

    def submit_batch(self, step: str, calls: list[tuple[str, Callable[..., Any], tuple]]) -> list[cf.Future]:
        """One task run for ``calls`` (label, fn, args), each with its own future."""
        futs: list[cf.Future] = [cf.Future() for _ in calls]

        def settle(i: int, f: cf.Future) -> None:
            err = f.exception()
            with contextlib.suppress(cf.InvalidStateError):  # already failed with its task run
                if err is None:
                    futs[i].set_result(f.result())
                else:
                    futs[i].set_exception(err)

        def task_ended(p: Any) -> None:  # a task run that failed as a whole fails what it left
            try:
                p.result()
                return  # every call was handed over; each settles its own future when it ends
            except BaseException as e:  # noqa: BLE001 - handed to the builder
                err = e
            for out in futs:
                with contextlib.suppress(cf.InvalidStateError):
                    out.set_exception(err)

        label = f"{step} {len(calls)} sources: {calls[0][0]} .. {calls[-1][0]}"
        pf = _BATCH.submit(label, step, calls, self.inner, settle)
        pf.add_done_callback(task_ended)
        return futs

    def expect(self, step: str, jobs: int) -> None:
        if self.inner is not None:
            self.inner.expect(step, jobs)

    def close_step(self, step: str, *, kill: bool = False) -> None:
        if self.inner is not None:
            self.inner.close_step(step, kill=kill)


def _progress(stage: str, done: int, total: int, item: dict[str, Any] | None) -> None:
    logging.getLogger(PROGRESS_LOGGER).info("%s %d/%d", stage, done, total,
                                            extra={"progress": (stage, done, total, item)})


def _on_dask() -> bool:
    ctx = FlowRunContext.get()
    runner = getattr(ctx, "task_runner", None)
    return type(runner).__name__ == "DaskTaskRunner"


@flow(name="therapy-threads-build", task_runner=ThreadPoolTaskRunner(max_workers=8),
      log_prints=False, persist_result=False)
def build_flow(sources: str = "seeds", out: str = "data/build", key_file: str | None = None,
               policy: str | None = None, workers: int | None = None,
               archive_dir: str = "data/raw", offline: bool = False,
               run_validation: bool = True, allow_failed_sources: bool = False,
               registry: str | None = None, roots: list[str] | None = None,
               fetch_limits: dict[str, Any] | None = None, source_timeout: float = 1800.0,
               data_docs: bool = True) -> dict[str, Any]:
    """Build posts/comments/quarantine Parquet from the sources in a manifest, validated and
    privacy-audited; raises BuildValidationError (the run fails) when the gate fails.

    Fails (``pipeline.FailedSourcesError``) without touching ``out`` when a source failed, unless
    ``allow_failed_sources`` (then they are recorded in build_report.json), and always when every
    source failed. ``registry``: validation compares rows with its newest release. ``roots``:
    more folders local sources may be read from; ``fetch_limits``: size and time limits of URL
    sources (``therapy_threads.fetch.Limits`` as a dict).
    """
    from therapy_threads.executors import LocalExecutor

    options = BuildOptions(sources=sources, out=out, key_file=key_file, policy=policy,
                           workers=workers, archive_dir=archive_dir, offline=offline,
                           validate=run_validation, data_docs=data_docs,
                           allow_failed_sources=allow_failed_sources, registry=registry,
                           roots=tuple(roots or ()), fetch_limits=fetch_limits,
                           source_timeout=source_timeout)
    plan = plan_build(options)
    inner = None if _on_dask() else LocalExecutor(
        workers, deadline=source_timeout, worker_init=pipeline.init_worker,
        worker_init_args=(key_file, policy))
    with inner if inner is not None else contextlib.nullcontext():
        report = pipeline.build(plan, PrefectSteps(source_timeout, inner), _progress)
    report_build(report)
    logger = get_run_logger()
    t = report["totals"]
    logger.info("built %s posts, %s comments, %s quarantined from %s sources (%s failed)",
                t["posts"], t["comments"], t["quarantined"], t["sources"], t["sources_failed"])
    if run_validation:
        report_validation(out)
    return report


@task(name="report-validation", cache_policy=NO_CACHE, persist_result=False)
def report_validation(out: str) -> None:
    """The validation summary as an artifact; a failed gate fails the task and so the run."""
    from therapy_threads.validate.summary import ValidationSummary, summary_markdown

    doc = json.loads((Path(out) / "validation" / "summary.json").read_text(encoding="utf-8"))
    summary = ValidationSummary.from_dict(doc)
    create_markdown_artifact(key="validation-summary", markdown=summary_markdown(summary),
                             description="therapy-threads build validation")
    summary.raise_for_status()


# Rows of the per-source table artifact. Every row is held by this process and by the Prefect
# server (a 10,000-source build's table added ~20 MB to each), so a larger build lists its failed
# and newly extracted sources first and then reused ones up to this many; build_report.json has
# every source.
ARTIFACT_ROWS = 1000


def source_rows(sources: Any, limit: int = ARTIFACT_ROWS) -> tuple[list[dict[str, Any]], int]:
    """(rows of the per-source table, number of sources): failed and extracted sources first, then
    reused ones, each in report order, at most ``limit`` rows; ``sources`` is read once."""
    first: list[dict[str, Any]] = []
    rest: list[dict[str, Any]] = []
    n = 0
    for s in sources:
        n += 1
        noted = s["status"] != "ok" or s.get("cache") != "hit"
        if len(first) + (0 if noted else len(rest)) >= limit:
            continue
        row = {"source": s["source_id"], "format": s["format"], "status": s["status"],
               "cache": s.get("cache", ""), "posts": s["posts"], "comments": s["comments"],
               "quarantined": s["quarantined"], "skipped": sum(s["skipped"].values()),
               "warnings": sum(1 for i in s["issues"] if i["severity"] == "warning")}
        (first if noted else rest).append(row)
    return (first + rest)[:limit], n


@task(name="report-build", cache_policy=NO_CACHE, persist_result=False)
def report_build(report: dict[str, Any]) -> None:
    """Build summary and per-source table as Prefect artifacts (created in a task: artifacts
    created directly in a sync flow body were not persisted by Prefect 3.8 here)."""
    rows, n = source_rows(report["sources"])
    what = "Per-source build results" if len(rows) == n else (
        f"Per-source build results: {len(rows)} of {n} sources (failed and extracted ones first); "
        "every source is in build_report.json")
    create_table_artifact(key="build-sources", table=rows, description=what)
    del rows
    t = report["totals"]
    ch = report["changes"]
    md = (f"# Build {report['build_id']}\n\n"
          f"| posts | comments | quarantined | skipped | sources (failed) |\n|---|---|---|---|---|\n"
          f"| {t['posts']} | {t['comments']} | {t['quarantined']} | {t['skipped']} | "
          f"{t['sources']} ({t['sources_failed']}) |\n\n"
          f"Comments seen in sources = published + quarantined: "
          f"{t['comments_seen']} = {t['comments']} + {t['quarantined']}\n\n"
          f"Changes since the previous build: {len(ch['added'])} added, {len(ch['changed'])} changed, "
          f"{len(ch['unchanged'])} unchanged, {len(ch['removed'])} removed.\n\n"
          "Seconds per stage: " + ", ".join(f"{k} {v}" for k, v in report.get("timings", {}).items()) + "\n")
    create_markdown_artifact(key="build-summary", markdown=md, description="therapy-threads build")


if __name__ == "__main__":
    print(json.dumps(build_flow()["totals"], indent=2))
