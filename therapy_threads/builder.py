"""The build as a library function: ``build(plan_build(options), executor, on_progress)``.

Everything a build decides lives here; orchestrators only choose the executor. The Prefect flow
(``flows/build.py``) passes one that turns each step into a task run (on threads + local
processes, or on a Dask cluster); tests and scripts can pass :class:`~.executors.LocalExecutor`.

One run:

1. **locate** — URL sources are fetched (``fetch`` steps), files are checked to exist;
2. **key** — each source's fragment key: its bytes, the code and library versions
   (``fingerprint``), the anonymisation settings and its manifest entry. A complete fragment under
   that key is reused as it is — the fragment folder is the build's only cache;
3. **extract** — each missing fragment is made (``extract`` steps): read, anonymise, audit
   against its own identities, keyed word index;
4. **validate** — fragments without a verdict are validated by Great Expectations in groups
   (``validate`` steps), after the extraction workers have exited;
5. **assemble** into a fresh folder beside ``--out``: row groups of a fixed size, whatever the
   number of sources (``pipeline.assemble``);
6. **gate** — global checks (DuckDB), the cross-source identity check through the keyed index,
   the summary, the privacy report and Data Docs, all in the fresh folder;
7. **switch** — the fresh folder replaces ``--out`` in one atomic step.

The whole run holds a lock on ``--out``: a second build into the same folder is refused.
"""
from __future__ import annotations

import concurrent.futures as cf
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol

from . import pipeline
from .buildstore import BuildLock, BuildStore
from .ids import sha256_file
from .readers import SourceRef
from .reportfile import SourceEntries, SourceSpool, write_report

Progress = Callable[[str, int, int, dict[str, Any] | None], None]
DEFAULT_SOURCE_TIMEOUT = 1800.0
# Beyond its deadline a step gets this long to report its own time-out before it is abandoned.
_GRACE = 60.0


class Executor(Protocol):
    def submit(self, step: str, fn: Callable[..., Any], *args: Any, label: str = "") -> cf.Future: ...
    def close_step(self, step: str, *, kill: bool = False) -> None: ...


@dataclass(frozen=True)
class BuildOptions:
    sources: str = "seeds"
    out: str = "data/build"
    key_file: str | None = None
    policy: str | None = None
    workers: int | None = None
    archive_dir: str = "data/raw"
    offline: bool = False
    validate: bool = True
    data_docs: bool = True
    allow_failed_sources: bool = False
    registry: str | None = None  # release registry: rows vanished since its newest release are flagged
    roots: tuple[str, ...] = ()  # more folders local sources may be read from
    fetch_limits: dict[str, Any] | None = None  # therapy_threads.fetch.Limits as a dict
    source_timeout: float = DEFAULT_SOURCE_TIMEOUT  # seconds per source and step


@dataclass
class BuildPlan:
    options: BuildOptions
    out: Path
    manifest: Any  # therapy_threads.manifest.Manifest: sources and where they may be read from
    refs: list[SourceRef]
    key: bytes = field(repr=False)
    key_fingerprint: str
    settings_fp: str
    code_fp: str
    started: float


def plan_build(options: BuildOptions) -> BuildPlan:
    """Read the manifest and settings; fails fast (UserError) before any work starts."""
    from .anonymise import load_key
    from .anonymise.keys import key_fingerprint

    started = time.time()
    manifest = pipeline.read_manifest(options.sources, roots=options.roots)
    # A URL source's page address is its location unless the manifest says otherwise.
    refs = [replace(r, url=r.url or r.location) if pipeline.is_url(r.location) else r
            for r in manifest.sources]
    key = load_key(Path(options.key_file) if options.key_file else None, create=True)
    return BuildPlan(options=options, out=Path(options.out), manifest=manifest, refs=refs, key=key,
                     key_fingerprint=key_fingerprint(key),
                     settings_fp=pipeline.settings_fingerprint(key, options.policy),
                     code_fp=pipeline.code_fingerprint(), started=started)


# ----------------------------------------------------------------------------- steps

# Jobs handed to the executor ahead of the ones finished. Every submission costs memory in the
# orchestrator until its job ends (a Prefect task run's future, context, cancel event and
# parameters: ~10 KB each), so a plan's sources are submitted as the earlier ones finish, never
# all at once — the build process's size does not grow with the number of sources (measured at
# 5M comments: the CLI was ~90 MB bigger than at 1M from its first source on, when 10,000 task
# runs were submitted at once). Large enough to keep any local pool or Dask cluster busy.
SUBMIT_AHEAD = 256


def run_steps(executor: Executor, step: str, jobs: Iterable[tuple[str, Callable[..., Any], tuple]],
              deadline: float | None, *, ahead: int = SUBMIT_AHEAD
              ) -> Iterable[tuple[str, Any, BaseException | None]]:
    """Submit jobs, at most ``ahead`` of them unfinished at a time, and yield (label, result,
    error) as each finishes — never in submission order, so a slow job holds nothing else back. A
    job that is still running ``deadline`` + a grace period after it started is given up (error
    :class:`TimeoutError`).

    An executor with ``batch_size(step) > 1`` and ``submit_batch(step, jobs) -> [futures]`` gets
    the jobs in batches of that size (one orchestrator task per batch; each job still has its own
    future, result and error)."""
    jobs = list(jobs)
    expect = getattr(executor, "expect", None)
    if expect is not None:
        expect(step, len(jobs))
    size = getattr(executor, "batch_size", None)
    batch = max(1, int(size(step))) if size is not None else 1
    ahead = max(ahead, 2 * batch)
    futures: dict[cf.Future, str] = {}
    started: dict[cf.Future, float] = {}
    pending: set[cf.Future] = set()
    nxt = 0

    def submit_more() -> None:
        nonlocal nxt
        while nxt < len(jobs) and (not pending or len(pending) + min(batch, len(jobs) - nxt) <= ahead):
            chunk = jobs[nxt:nxt + batch]
            nxt += len(chunk)
            if batch == 1:
                label, fn, args = chunk[0]
                got = [executor.submit(step, fn, *args, label=label)]
            else:
                got = executor.submit_batch(step, chunk)
            for (label, _fn, _args), f in zip(chunk, got):
                futures[f] = label
                pending.add(f)
            for i in range(len(chunk)):  # the executor holds them now
                jobs[nxt - len(chunk) + i] = None  # type: ignore[call-overload]

    submit_more()
    abandoned = False
    while pending:
        done, pending = cf.wait(pending, timeout=1.0, return_when=cf.FIRST_COMPLETED)
        for f in done:
            err = f.exception()
            label = futures.pop(f)
            started.pop(f, None)
            yield label, (None if err else f.result()), err
        if deadline:
            now = time.monotonic()
            for f in list(pending):
                if f.running():
                    t0 = started.setdefault(f, now)
                    if now - t0 > deadline + _GRACE:
                        pending.discard(f)
                        abandoned = True
                        yield futures.pop(f), None, TimeoutError(
                            f"still running {deadline + _GRACE:.0f} s after it started; given up")
        submit_more()
    executor.close_step(step, kill=abandoned)


def _failed(ref: SourceRef, code: str, message: str) -> dict[str, Any]:
    s = asdict(pipeline.SourceSummary(source_id=ref.source_id, location=ref.location, format=ref.format,
                                      sha256="", bytes=0, status="error",
                                      issues=[{"severity": "error", "code": code, "message": message,
                                               "location": ref.location}]))
    s["cache"] = "none"
    return s


def _error_text(e: BaseException) -> str:
    from .executors import SourceTimeout

    if isinstance(e, (SourceTimeout, TimeoutError)):
        return f"went past the per-source deadline ({e}); raise --source-timeout if it is just big"
    return f"{type(e).__name__}: {e}"


def _fetch_one(ref: SourceRef, archive_dir: str, offline: bool, limits: dict[str, Any] | None) -> str:
    from .fetch.http import Limits
    from .materialise import materialise_source

    return str(materialise_source(ref, Path(archive_dir), offline=offline, limits=Limits(**(limits or {}))))


# ----------------------------------------------------------------------------- build

def build(plan: BuildPlan, executor: Executor, on_progress: Progress | None = None) -> dict[str, Any]:
    """Run the build described by ``plan`` on ``executor``; returns the build report, its
    ``sources`` a :class:`~.reportfile.SourceEntries` read from ``build_report.json`` on each pass
    (each source's entry goes to a spool file as the source finishes: nothing here holds them all).

    ``on_progress(stage, done, total, item)`` is called as work completes (stage is ``fetch``,
    ``locate``, ``key``, ``extract``, ``validate``, ``assemble``, ``gate``); ``item`` is a source
    summary for extract.
    """
    opts = plan.options
    progress = on_progress or (lambda *a: None)
    deadline = opts.source_timeout or None
    timings: dict[str, float] = {}
    with BuildLock(plan.out), SourceSpool(plan.out.absolute().parent) as spool:
        store = BuildStore.open(plan.out)
        # {source id: sha256} of the previous build, not its report: the report's per-source
        # entries are read one at a time (reportfile), here and everywhere in the build
        previous = pipeline.previous_hashes(plan.out)
        timings["setup"] = round(time.time() - plan.started, 2)

        # 1. locate ------------------------------------------------------------------------
        t = time.time()
        paths: dict[str, Path] = {}
        failed: list[str] = []
        by_id = {r.source_id: r for r in plan.refs}
        urls = [r for r in plan.refs if pipeline.is_url(r.location)]
        for i, (sid, res, err) in enumerate(run_steps(
                executor, "fetch", ((r.source_id, _fetch_one, (r, opts.archive_dir, opts.offline, opts.fetch_limits))
                                     for r in urls),
                deadline), 1):
            if err is not None:
                why = str(err) if str(err).startswith(by_id[sid].location) else f"{by_id[sid].location}: {_error_text(err)}"
                s = _failed(by_id[sid], "fetch_failed", f"could not fetch {why}")
                spool.add(s)
                failed.append(sid)
            else:
                paths[sid] = Path(res)
                s = None
            progress("fetch", i, len(urls), s)
        for r in plan.refs:
            if pipeline.is_url(r.location):
                continue
            try:
                p = plan.manifest.local_path(r)  # confined: no link, inside the allowed folders
            except Exception as e:  # noqa: BLE001 - a refused location fails this source alone
                spool.add(_failed(r, "refused_path", str(e)))
                failed.append(r.source_id)
                continue
            if not p.is_file():
                spool.add(_failed(r, "missing_file", f"{p} does not exist; fix 'location' in the manifest"))
                failed.append(r.source_id)
                continue
            paths[r.source_id] = p.resolve()
        timings["locate"] = round(time.time() - t, 2)
        progress("locate", len(paths), len(paths), None)

        # 2. key ----------------------------------------------------------------------------
        t = time.time()
        fragment_of: dict[str, Path] = {}
        anon_fps: set[str] = set()
        jobs: list[pipeline.SourceJob] = []
        n_hits = 0
        for r in plan.refs:
            if r.source_id not in paths:
                continue
            fkey = pipeline.fragment_key(r, sha256_file(paths[r.source_id]), plan.code_fp, plan.settings_fp)
            dest = store.fragment(fkey)
            fragment_of[r.source_id] = dest
            if pipeline.fragment_complete(dest):
                s = pipeline.read_json(dest / "summary.json")
                s["cache"] = "hit"
                anon_fps.add(s.pop("anonymiser_fingerprint", ""))
                spool.add(s)
                n_hits += 1
            else:
                jobs.append(pipeline.SourceJob(r, str(paths[r.source_id]), str(dest.resolve()),
                                               opts.key_file, opts.policy))
        timings["key"] = round(time.time() - t, 2)
        progress("key", len(fragment_of), len(fragment_of), None)

        # 3. extract ------------------------------------------------------------------------
        t = time.time()
        total = len(fragment_of)
        done = n_hits
        for sid, res, err in run_steps(executor, "extract",
                                       ((j.ref.source_id, pipeline.run_source, (j,)) for j in jobs), deadline):
            done += 1
            if err is not None:
                s = _failed(by_id[sid], "task_failed", f"processing failed: {_error_text(err)}")
                fragment_of.pop(sid, None)
            else:
                s = dict(res)
                anon_fps.add(s.pop("anonymiser_fingerprint", ""))
                s["cache"] = "miss"
            spool.add(s)
            progress("extract", done, total, s)
            del s, res
        del jobs
        timings["extract"] = round(time.time() - t, 2)
        order = sorted(by_id)
        # A failed source fails the run before anything in `out` is replaced (unless allowed);
        # a run in which every source failed always does.
        allowed_failures = pipeline.check_failed_sources(
            list(spool.entries(sid for sid in order if spool.status[sid] == "error")), plan.out,
            allow=opts.allow_failed_sources, total=len(order))
        fragments = [(sid, fragment_of[sid]) for sid in order if sid in fragment_of
                     and spool.status[sid] != "error"]

        # 4. validate new fragments ------------------------------------------------------------
        t = time.time()
        if opts.validate:
            from .validate.fragment import groups, is_validated, validate_group

            todo = [(d, spool.rows[sid]) for sid, d in fragments if not is_validated(d)]
            batches = groups(todo)
            for i, (label, _, err) in enumerate(run_steps(
                    executor, "validate",
                    ((f"validate {len(g)} sources", validate_group, ([str(d) for d in g],)) for g in batches),
                    deadline), 1):
                if err is not None:
                    raise RuntimeError(f"validating new sources failed: {_error_text(err)}") from err
                progress("validate", i, len(batches), None)
        timings["validate_sources"] = round(time.time() - t, 2)

        # 5-7. assemble into a fresh folder, gate, switch ---------------------------------------
        staging = store.new_staging()
        try:
            t = time.time()
            progress("assemble", 0, 1, None)
            totals = pipeline.assemble([d for _, d in fragments], staging)
            timings["assemble"] = round(time.time() - t, 2)

            def entries() -> Iterable[dict[str, Any]]:
                for s in spool.entries(order):
                    if s["source_id"] in fragment_of:
                        s["fragment"] = fragment_of[s["source_id"]].relative_to(plan.out).as_posix()
                    yield s

            # One pass folds the totals, one writes the entries: never all of them in memory.
            fold = pipeline.ReportFold(previous)
            for s in spool.entries(order):
                fold.add(s)
            report = fold.header(totals, started=plan.started, key_fingerprint=plan.key_fingerprint,
                                 anonymiser_fingerprint=",".join(sorted(x for x in anon_fps if x)) or plan.settings_fp,
                                 code_fp=plan.code_fp, policy=opts.policy)
            report["settings_fingerprint"] = plan.settings_fp
            report["failed_sources_allowed"] = allowed_failures
            report["timings"] = timings
            write_report(staging / "build_report.json", report, entries())
            report["sources"] = SourceEntries(staging / "build_report.json", fold.n)
            if opts.validate:
                from .validate.build import validate_from_fragments

                t = time.time()
                progress("gate", 0, 1, None)
                from .validate.build import previous_release

                summary = validate_from_fragments(staging, fragments, report, plan.key,
                                                  data_docs=opts.data_docs,
                                                  baseline=previous_release(opts.registry))
                timings["gate"] = round(time.time() - t, 2)
                # Returned to the caller, not written back: the gate's verdicts are bound to the
                # bytes of build_report.json it checked (the outcome is in validation/summary.json).
                report["validation"] = {"success": summary.success,
                                        "failures": len(summary.failures), "warnings": len(summary.warnings)}
            store.switch(staging)
            report["sources"] = SourceEntries(plan.out / "build_report.json", fold.n)
        except BaseException:
            store.discard(staging)
            raise
    return report


__all__ = ["BuildOptions", "BuildPlan", "plan_build", "build", "run_steps", "Executor"]
