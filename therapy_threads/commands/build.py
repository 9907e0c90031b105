"""``therapy-threads build``: run the build flow on a source manifest."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build", help="build posts/comments Parquet from sources (runs the Prefect build flow)",
        description="Read every source in the manifest, extract posts and comment trees, "
                    "anonymise, write Parquet under --out and validate it.")
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
                   help="worker processes for extraction (default: number of cores; 1 = in-process)")
    p.add_argument("--runner", choices=("local", "dask"), default="local",
                   help="local: Prefect thread runner + a local process pool (default); "
                        "dask: Prefect's DaskTaskRunner (prefect-dask), one Dask worker per core or "
                        "the cluster at --dask-address")
    p.add_argument("--dask-address", default=None,
                   help="scheduler address of an existing Dask cluster (with --runner dask)")
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
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="show Prefect's own run logs (task states, tracebacks of failed tasks)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    # Prefect persists task results (our cache records) here, next to the build they describe.
    os.environ.setdefault("PREFECT_RESULTS_LOCAL_STORAGE_PATH", str((out / ".cache" / "prefect-results").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from ..manifest import load_manifest

    _, refs = load_manifest(args.sources, roots=args.root)  # fail fast, before starting Prefect
    _check_writable(out)
    from ..anonymise.keys import load_key

    load_key(Path(args.key_file) if args.key_file else None, create=True)  # a refused key, too
    if not args.quiet:
        print(f"therapy-threads build: {len(refs)} sources from {args.sources} -> {out}", file=sys.stderr)
        print("starting Prefect (a temporary local API server unless PREFECT_API_URL is set)...", file=sys.stderr)

    from ..flows import build as build_module
    from ..flows.build import build_flow

    if not args.verbose:
        # A failed validation is reported below in one screen; Prefect's task-failure traceback
        # would only repeat it. Real errors still raise with their traceback.
        import logging

        for name in ("prefect.task_runs", "prefect.flow_runs"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        logging.getLogger("great_expectations").setLevel(logging.WARNING)

    t0 = time.time()
    build_module.PROGRESS[:] = [] if args.quiet else [_Progress()]
    flow_fn = build_flow
    if args.runner == "dask":
        flow_fn = build_flow.with_options(task_runner=dask_runner(args.dask_address, args.workers))
        args.workers = 1  # the Dask workers are the processes; no pool inside a task
    from ..pipeline import FailedSourcesError
    from ..validate import BuildValidationError

    try:
        report = flow_fn(sources=args.sources, out=str(out), key_file=args.key_file,
                         policy=args.policy, workers=args.workers, archive_dir=args.archive,
                         offline=args.offline, run_validation=not args.no_validate,
                         allow_failed_sources=args.allow_failed_sources, registry=args.registry,
                         roots=args.root or None, fetch_limits=_fetch_limits(args))
    except FailedSourcesError as e:
        print(f"\nbuild FAILED: {e}", file=sys.stderr)
        return 1
    except BuildValidationError as e:
        report = json.loads((out / "build_report.json").read_text(encoding="utf-8"))
        report["validation"] = {"success": False}
        print_summary(report, out, time.time() - t0)
        print(f"\n{e}\n\nvalidation FAILED: nothing from this build may be published; details in "
              f"{out / 'validation' / 'summary.json'} and {out / 'validation' / 'data_docs' / 'index.html'}",
              file=sys.stderr)
        return 1
    print_summary(report, out, time.time() - t0)
    if report.get("failed_sources_allowed"):
        print(f"  {len(report['failed_sources_allowed'])} failed source(s) left out "
              "(--allow-failed-sources): " + ", ".join(report["failed_sources_allowed"]), file=sys.stderr)
    if args.no_validate:
        print("  not validated (--no-validate): run 'therapy-threads validate' before publishing", file=sys.stderr)
    return 0


def _fetch_limits(args: argparse.Namespace) -> dict[str, Any] | None:
    from ..fetch.http import Limits, limits_from_args

    limits = limits_from_args(args)
    return None if limits == Limits() else limits.to_dict()


def _check_writable(out: Path) -> None:
    """Fail in one line before Prefect starts when --out cannot be written (read-only, full)."""
    import tempfile

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out, prefix=".write-test-") as f:
        f.write(b"x" * 4096)
        f.flush()
        os.fsync(f.fileno())


def dask_runner(address: str | None, workers: int | None):
    """Prefect's Dask task runner: a local cluster, or an existing one at ``address``.

    Tasks then run in Dask worker processes; they should report to a dedicated Prefect server
    (``prefect server start`` and PREFECT_API_URL), not the temporary one of this process.
    """
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers or os.cpu_count() or 1,
                                          "threads_per_worker": 1, "processes": True})


class _Progress:
    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, s: dict[str, Any], i: int, n: int) -> None:
        now = time.time()
        if n <= 50 or i == n or now - self.last > 1.0 or s["status"] != "ok":
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
