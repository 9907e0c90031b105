"""``therapy-threads build``: run the build flow on a source manifest."""
from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from ..errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build", help="build posts/comments Parquet from sources (runs the Prefect build flow)",
        description="Read every source in the manifest, extract posts and comment trees, "
                    "anonymise, write Parquet under --out and validate it. Only sources that are "
                    "new or changed (or whose code or libraries changed) are processed again.")
    p.add_argument("--sources", default="seeds",
                   help="manifest file or folder holding sources.toml (default: seeds)")
    p.add_argument("--out", default="data/build", help="build folder (default: data/build)")
    p.add_argument("--root", action="append", default=[], metavar="DIR",
                   help="another folder local sources may be read from (repeatable); by default "
                        "only the manifest's folder and the roots it lists")
    p.add_argument("--key-file", default=None,
                   help="pseudonym key file (default: $THERAPY_THREADS_KEY or ~/.config/therapy-threads/pseudonym.key)")
    p.add_argument("--policy", default=None, help="anonymisation policy TOML (default: the packaged policy)")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes for extraction and validation (default: number of cores; 1 = in-process)")
    p.add_argument("--runner", choices=("local", "dask"), default="local",
                   help="local: Prefect thread runner + local worker processes (default); "
                        "dask: Prefect's DaskTaskRunner (prefect-dask), a local cluster with one worker "
                        "per core, or the cluster at --dask-address")
    p.add_argument("--dask-address", default=None,
                   help="scheduler address of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 "
                        "(with --runner dask; needs PREFECT_API_URL that the Dask workers can reach)")
    p.add_argument("--registry", default="data/releases",
                   help="release registry: validation warns about rows that vanished since its newest "
                        "release (default: data/releases, if it exists)")
    p.add_argument("--archive", default="data/raw", help="WARC archive folder for URL sources")
    p.add_argument("--offline", action="store_true", help="replay URL sources from the archive only")
    from ..fetch.http import add_arguments

    add_arguments(p)
    p.add_argument("--no-validate", action="store_true",
                   help="skip the validation stage (such a build cannot be published until "
                        "'therapy-threads validate' passes on it)")
    p.add_argument("--allow-failed-sources", action="store_true",
                   help="build without the sources that fail (they are recorded in build_report.json "
                        "and the release); by default a failed source fails the build and leaves --out as it was")
    p.add_argument("--prefect-timeout", type=float, default=None, metavar="SECONDS",
                   help="how long to wait for the temporary Prefect API server to start "
                        "(default: $THERAPY_THREADS_PREFECT_STARTUP_TIMEOUT or 600)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="show Prefect's own run logs (task states, tracebacks of failed tasks)")
    p.set_defaults(func=run)


class _Terminated(SystemExit):
    pass


def _on_sigterm(signum: int, frame: Any) -> None:
    # Unwind like Ctrl-C: context managers stop worker processes and the Prefect server.
    raise _Terminated(128 + signum)


def _require_pipeline_libraries() -> None:
    import importlib.util

    # The temporary server boots in a child while this process imports Prefect; without the
    # [pipeline] extra the child would die first and its error would hide the real cause.
    for mod in ("prefect", "uvicorn", "great_expectations"):
        if importlib.util.find_spec(mod) is None:
            raise ModuleNotFoundError(f"No module named {mod!r}", name=mod)


def run(args: argparse.Namespace) -> int:
    from ..manifest import load_manifest
    from ..pipeline import FailedSourcesError
    from ..prefect_server import PrefectServerError, TemporaryServer, managed_api

    out = Path(args.out)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from ..buildstore import BuildLock

    from ..anonymise.keys import load_key

    # fail fast, before starting Prefect; only the count is kept (the flow reads the manifest
    # itself: holding these refs for the whole build added ~1 KB per source to this process)
    n_sources = len(load_manifest(args.sources, roots=args.root)[1])
    _check_writable(out)
    load_key(Path(args.key_file) if args.key_file else None, create=True)  # a refused key, too
    BuildLock(out).acquire().release()  # another build writing --out? say so now, not after start-up
    if args.runner == "dask" and args.dask_address and not os.environ.get("PREFECT_API_URL"):
        raise UserError("--dask-address needs a Prefect server the Dask workers can reach: start one "
                        "('prefect server start --host 0.0.0.0') and set PREFECT_API_URL")
    signal.signal(signal.SIGTERM, _on_sigterm)
    from ..memory import limit_malloc_arenas

    limit_malloc_arenas()  # before Prefect starts its threads (the tree's peak is in extraction)
    say = (lambda *a: None) if args.quiet else (lambda m: print(m, file=sys.stderr, flush=True))
    say(f"therapy-threads build: {n_sources} sources from {args.sources} -> {out}")
    _require_pipeline_libraries()  # the light install: name the extra, not a server crash
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        say("starting a temporary Prefect API server (set PREFECT_API_URL to use your own)...")
        server = TemporaryServer().launch()  # boots while Prefect and the flow are imported
    t0 = time.time()
    try:
        with managed_api(args.prefect_timeout, server=server):
            report = _run_flow(args, out)
    except PrefectServerError as e:
        raise UserError(str(e)) from None
    except _BuildFailed as e:
        print_summary(e.report, out, time.time() - t0)
        print(f"\n{e}", file=sys.stderr)
        return 1
    except FailedSourcesError as e:
        print(f"\nbuild FAILED: {e}", file=sys.stderr)
        return 1
    print_summary(report, out, time.time() - t0)
    if report.get("failed_sources_allowed"):
        print(f"  {len(report['failed_sources_allowed'])} failed source(s) left out "
              "(--allow-failed-sources): " + ", ".join(report["failed_sources_allowed"]), file=sys.stderr)
    if args.no_validate:
        print("  not validated (--no-validate): run 'therapy-threads validate' before publishing", file=sys.stderr)
    return 0


class _BuildFailed(Exception):
    def __init__(self, message: str, report: dict[str, Any]):
        super().__init__(message)
        self.report = report


def _run_flow(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    from ..flows.build import PROGRESS_LOGGER, build_flow

    from ..validate import BuildValidationError

    if not args.verbose:
        # A failed validation is reported below in one screen; Prefect's task-failure traceback
        # would only repeat it. Real errors still raise with their traceback under --verbose.
        for name in ("prefect.task_runs", "prefect.flow_runs", "prefect"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
    progress = logging.getLogger(PROGRESS_LOGGER)
    progress.setLevel(logging.INFO)
    progress.propagate = False
    if not args.quiet:
        progress.addHandler(_Progress())
    flow_fn = build_flow
    workers = args.workers
    if args.runner == "dask":
        flow_fn = build_flow.with_options(task_runner=dask_runner(args.dask_address, args.workers))
    try:
        return flow_fn(sources=args.sources, out=str(out), key_file=args.key_file,
                       policy=args.policy, workers=workers, archive_dir=args.archive,
                       offline=args.offline, run_validation=not args.no_validate,
                       allow_failed_sources=args.allow_failed_sources, registry=args.registry,
                       roots=args.root or None, fetch_limits=_fetch_limits(args),
                       source_timeout=_step_deadline(args))
    except BuildValidationError as e:
        report = json.loads((out / "build_report.json").read_text(encoding="utf-8"))
        raise _BuildFailed(
            f"{e}\n\nvalidation FAILED: nothing from this build may be published; details in "
            f"{out / 'validation' / 'summary.json'} and {out / 'validation' / 'data_docs' / 'index.html'}",
            report) from None


def _step_deadline(args: argparse.Namespace) -> float:
    """--source-timeout bounds a source's fetching (fetch limits) and each of its processing
    steps: past it the source fails alone while the others go on."""
    from ..builder import DEFAULT_SOURCE_TIMEOUT

    return float(getattr(args, "source_timeout", None) or DEFAULT_SOURCE_TIMEOUT)


def _fetch_limits(args: argparse.Namespace) -> dict[str, Any] | None:
    from ..fetch.http import Limits, limits_from_args

    limits = limits_from_args(args)
    return None if limits == Limits() else limits.to_dict()


def _check_writable(out: Path) -> None:
    """Fail in one line before Prefect starts when --out's folder cannot be written (read-only,
    full). The build writes beside --out (its next version, its lock), so that is what is tried."""
    import tempfile

    parent = out.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=parent, prefix=f".{out.name}.write-test-") as f:
        f.write(b"x" * 4096)
        f.flush()
        os.fsync(f.fileno())


def dask_runner(address: str | None, workers: int | None):
    """Prefect's Dask task runner: a local cluster (one single-threaded worker process per core),
    or an existing scheduler at ``address`` (``tcp://HOST:8786``)."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers or os.cpu_count() or 1,
                                          "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})


class _Progress(logging.Handler):
    """Progress lines from the builder (stage, done, total, source summary)."""

    def __init__(self) -> None:
        super().__init__()
        self.last = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        p = getattr(record, "progress", None)
        if not p:
            return
        stage, i, n, s = p
        now = time.time()
        if stage != "extract":
            if stage in ("assemble", "gate"):
                print({"assemble": "assembling the tables...",
                       "gate": "validating and auditing the build..."}[stage], file=sys.stderr, flush=True)
            elif i == n:
                print(f"{stage}: {n} done", file=sys.stderr, flush=True)
            return
        if n <= 50 or i == n or now - self.last > 1.0 or (s and s["status"] != "ok"):
            self.last = now
            warn = sum(1 for x in s["issues"] if x["severity"] == "warning")
            errs = [x["message"] for x in s["issues"] if x["severity"] == "error"]
            line = (f"[{i}/{n}] {s['source_id']}: {s['status']} ({s.get('cache', '')}) "
                    f"{s['posts']} posts, {s['comments']} comments, {s['quarantined']} quarantined")
            if warn:
                line += f", {warn} warnings"
            if errs:
                line += f" - ERROR: {errs[0]}"
            print(line, file=sys.stderr, flush=True)


def print_summary(report: dict[str, Any], out: Path, seconds: float) -> None:
    t = report["totals"]
    ch = report["changes"]
    print(f"\nbuild {report['build_id']} in {seconds:.1f}s -> {out}")
    print(f"  sources   {t['sources']} ({t['sources_failed']} failed); "
          f"{len(ch['added'])} added, {len(ch['changed'])} changed, {len(ch['unchanged'])} unchanged, "
          f"{len(ch['removed'])} removed since the previous build")
    hits = sum(1 for s in report["sources"] if s.get("cache") == "hit")
    print(f"  cache     {hits} of {t['sources']} sources reused unchanged")
    print(f"  posts     {t['posts']}")
    print(f"  comments  {t['comments']} published + {t['quarantined']} quarantined = {t['comments_seen']} seen; "
          f"{t['skipped']} skipped (pingbacks, spam, deleted, out of scope)")
    for s in report["sources"]:
        for i in s["issues"]:
            if i["severity"] == "error":
                print(f"  ERROR {s['source_id']}: {i['message']}")
    v = report.get("validation")
    if v:
        print(f"  validation {'passed' if v.get('success') else 'FAILED'}"
              f" ({out / 'validation' / 'summary.json'})")
    if report.get("timings"):
        print("  seconds   " + ", ".join(f"{k} {v}" for k, v in report["timings"].items()))
    print(f"  tables    {out / 'posts.parquet'}, {out / 'comments.parquet'}, {out / 'quarantine.parquet'}")
