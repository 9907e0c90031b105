"""The validation verdict of a build: fragment verdicts + global checks + privacy audit.

A build is validated in two layers (see ``fragment`` and ``global_checks``):

* per source (fragment): the row and thread expectations of the posts, comments and quarantine
  suites, run by Great Expectations and cached with the fragment;
* across sources: schema, reconciliation with the build report, relations (ids unique, foreign
  keys) and distributions, computed out of core by DuckDB and checked by Great Expectations.

:func:`summarize` joins the two layers and the privacy audit into ``validation/summary.json`` and
the Data Docs site. The build (``pipeline.build``) hands it cached fragment verdicts;
:func:`validate_build` — the ``therapy-threads validate`` command — re-derives everything from
the tables in a build folder: it splits them by source with DuckDB (streaming, bounded memory)
and runs the same per-fragment suites, so the verdict always describes the bytes in the folder.
"""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable

from .. import verdict
from .docs import finish_site
from .gx_run import ExpectationOutcome, build_docs, run_suites
from .suites import ROW_NOUN, SUITE_ORDER
from .summary import SUMMARY_FILE, Finding, ValidationSummary, write_summary

VALIDATION_DIR = "validation"
DOCS_DIR = "data_docs"
GLOBAL_SUITES = ("schema", "sources", "relations", "distributions")


def _message(o: ExpectationOutcome) -> str:
    if o.exception:
        return f"expectation could not be evaluated on {o.column or 'the table'}: {o.exception}"
    if o.suite == "relations":
        return f"{o.unexpected_count} {o.why}"
    if o.suite == "distributions":
        return f"the build {o.why} (observed: {o.observed})"
    noun = ROW_NOUN.get(o.suite, "rows")
    if o.unexpected_count:
        total = f" of {o.element_count}" if o.element_count is not None else ""
        return f"{o.unexpected_count}{total} {noun} {o.why}"
    return f"{noun} {o.why} (observed: {o.observed})"


def _finding(o: ExpectationOutcome) -> Finding:
    return Finding(
        table=o.suite, check=o.check, expectation=o.expectation, column=o.column,
        severity="warning" if o.severity in ("warning", "info") else "failure",
        unexpected_count=o.unexpected_count, row_ids=o.row_ids, message=_message(o),
    )


# ----------------------------------------------------------------------------- privacy

def audit_record(res: Any) -> tuple[dict[str, Any], list[Finding]]:
    """The summary's privacy part from an :class:`~therapy_threads.anonymise.audit.AuditResult`."""
    hits = list(getattr(res, "hits", []) or [])
    total = int(getattr(res, "hits_total", len(hits)))
    record: dict[str, Any] = {"status": "passed" if res.passed else "failed", "findings": total,
                              "counts": {str(k): v for k, v in sorted((res.counts or {}).items())}}
    if res.passed:
        return record, []
    items = []
    for h in hits[:5]:
        items.append(f"{h.kind} in {h.table}" + (f".{h.field}" if h.field else "")
                     + (f" row {h.row_id}" if h.row_id else "") + (f" ({h.masked})" if h.masked else ""))
    ids = [h.row_id for h in hits[:20] if h.row_id]
    return record, [Finding("privacy", "privacy_audit", "privacy_audit", None, "failure", total, ids,
                            f"privacy audit found {total} leak(s): " + "; ".join(items))]


def _audit_failure(status: str, detail: str, message: str) -> tuple[dict[str, Any], list[Finding]]:
    return {"status": status, "detail": detail}, [
        Finding("privacy", "privacy_audit", "privacy_audit", None, "failure", None, [], message)]


def _full_audit(build_dir: Path, key: bytes | None, digests: dict) -> tuple[dict[str, Any], list[Finding]]:
    """The keyed privacy audit over the whole build. It fails closed: without its module, without
    a key, with another key than the build's, or when it cannot run, the build fails validation."""
    try:
        from ..anonymise.audit import audit_build  # type: ignore[import-not-found]
    except ModuleNotFoundError as e:
        return _audit_failure("unavailable", f"{e}",
                              f"the privacy audit cannot run ({e}); nothing may be published until it does")
    if key is None:
        return _audit_failure("failed", "no pseudonym key given",
                              "the privacy audit needs the build's pseudonym key and got none (set "
                              "THERAPY_THREADS_KEY or pass --key-file); nothing may be published until it passes")
    try:
        res = audit_build(build_dir, key, digests=digests)
    except Exception as e:  # an audit that cannot run cannot certify the build
        return _audit_failure("error", f"{type(e).__name__}: {e}",
                              f"the privacy audit could not run ({type(e).__name__}: {e}); nothing may be published until it does")
    return audit_record(res)


# ----------------------------------------------------------------------------- joining

class _Counted:
    """An iterable passed through once, counting its items."""

    def __init__(self, items: Iterable[Any]):
        self._items, self.n = items, 0

    def __iter__(self):
        for item in self._items:
            self.n += 1
            yield item


def aggregate(fragment_docs: Iterable[dict[str, Any]]) -> tuple[list[ExpectationOutcome], dict, list[dict]]:
    """Per-check outcomes over fragments (in the given order), withheld values, problems."""
    order: list[tuple[str, str]] = []
    acc: dict[tuple[str, str], ExpectationOutcome] = {}
    withheld: dict[tuple[str, str], list[Any]] = {}
    problems: list[dict[str, str]] = []
    for doc in fragment_docs:
        problems.extend(doc.get("problems", []))
        for suite, items in doc.get("suites", {}).items():
            for it in items:
                k = (suite, it["check"])
                o = acc.get(k)
                if o is None:
                    o = acc[k] = ExpectationOutcome(
                        suite=suite, check=it["check"], expectation=it["expectation"], column=it["column"],
                        severity=it["severity"], success=True, why=it["why"], element_count=0,
                        unexpected_count=0, row_ids=[], observed=None, exception=None)
                    order.append(k)
                o.success = o.success and bool(it["success"])
                o.element_count = (o.element_count or 0) + int(it.get("element_count") or 0)
                o.unexpected_count = (o.unexpected_count or 0) + int(it.get("unexpected_count") or 0)
                room = 20 - len(o.row_ids)
                if room > 0:
                    o.row_ids.extend(it.get("row_ids", [])[:room])
                    if it.get("withheld_values"):
                        withheld.setdefault(k, []).extend(it["withheld_values"][:room])
                o.exception = o.exception or it.get("exception")
    return [acc[k] for k in order], withheld, problems


def run_global(gf) -> list[ExpectationOutcome]:
    """The global suites on the small frames of :func:`global_checks.global_frames`."""
    frames = {"schema": gf.schema, "sources": gf.sources, "relations": gf.relations,
              "distributions": gf.distributions}
    outcomes = run_suites(frames, None, names=GLOBAL_SUITES)
    for o in outcomes:
        if o.suite == "relations":
            n = gf.relations[o.column].iloc[0] if len(gf.relations) else None
            o.unexpected_count = None if n is None or str(n) == "<NA>" else int(n)
            o.row_ids = list(gf.row_ids.get(o.check, []))
        elif o.suite == "distributions" and len(gf.distributions):
            v = gf.distributions[o.column].iloc[0]
            o.observed = None if str(v) == "<NA>" else round(float(v), 4)
    return outcomes


def summarize(build_dir: Path, fragment_docs: Iterable[dict[str, Any]], gf, report: dict[str, Any],
              audit: tuple[dict[str, Any], list[Finding]], *, key: bytes | None, digests: dict,
              data_docs: bool = True, seconds: dict[str, float] | None = None,
              baseline: dict[str, Any] | None = None) -> ValidationSummary:
    """Write ``validation/summary.json``, the Data Docs site and the validation verdict
    (:mod:`therapy_threads.verdict`) on ``digests``, the digests of the files read."""
    t0 = time.perf_counter()
    build_dir = Path(build_dir).resolve()  # GX Data Docs needs an absolute base directory
    out_dir = build_dir / VALIDATION_DIR
    # Folded one document at a time: a generator of the fragments' cached documents is never
    # held whole (22 KB of JSON per source, ~10x that as Python objects).
    counted = _Counted(fragment_docs)
    frag_outcomes, withheld, frag_problems = aggregate(counted)
    outcomes = frag_outcomes + run_global(gf)

    failures: list[Finding] = [
        Finding(p["table"], "file_readable", "build_files", None, "failure", None, [], p["message"])
        for p in [*gf.problems, *frag_problems]
    ]
    warnings: list[Finding] = []
    for o in outcomes:
        if o.success:
            continue
        f = _finding(o)
        (warnings if f.severity == "warning" else failures).append(f)
    audit_doc, audit_findings = audit
    for f in audit_findings:
        (warnings if f.severity == "warning" else failures).append(f)

    src = gf.sources
    published = int(gf.counts["comments"])
    quarantined = int(gf.counts["quarantine_rows"])
    reported = (report.get("totals") or {}).get("comments_seen")
    if not report.get("totals"):
        failures.append(Finding("build_report", "file_readable", "build_files", None, "failure", None, [],
                                "build_report.json is missing or has no totals; counts cannot be reconciled (re-run the build)"))
    not_reconciled = sorted(str(s) for s in src.loc[~src["reconciled_with_report"].fillna(False), "source_id"])
    reconciliation = {
        "comments_in_sources": reported,
        "published": published,
        "quarantined": quarantined,
        "reconciled": reported is not None and reported == published + quarantined and not not_reconciled,
        "note": "comments_in_sources is build_report.json totals.comments_seen; quarantined counts every quarantine row (comments, and posts with their comments)",
        "sources_not_reconciled": not_reconciled,
        "previous_release": (baseline or {}).get("version"),
    }
    order = {n: i for i, n in enumerate(("build", "build_report", *SUITE_ORDER, "privacy"))}
    key_fn = lambda f: (order.get(f.table, 99), f.table, f.check)  # noqa: E731
    failures.sort(key=key_fn)
    warnings.sort(key=key_fn)
    per_suite: dict[str, dict[str, int]] = {}
    for o in outcomes:
        s = per_suite.setdefault(o.suite, {"evaluated": 0, "passed": 0})
        s["evaluated"] += 1
        s["passed"] += int(o.success)
    counts = dict(gf.counts)
    summary = ValidationSummary(
        build_dir=str(build_dir),
        success=not failures and reconciliation["reconciled"],
        failures=failures, warnings=warnings, counts=counts, reconciliation=reconciliation,
        privacy_audit=audit_doc,
        expectations={"evaluated": len(outcomes), "passed": sum(o.success for o in outcomes),
                      "per_suite": {k: per_suite[k] for k in SUITE_ORDER if k in per_suite}},
        data_docs=f"{VALIDATION_DIR}/{DOCS_DIR}/index.html" if data_docs else None,
    )
    if not reconciliation["reconciled"] and not any(f.check == "reconciled_with_report" for f in failures):
        summary.failures.append(Finding("sources", "reconciled_with_report", "reconciliation", None, "failure", None, [],
                                        "counts do not reconcile with build_report.json (missing totals?)"))
        summary.success = False
    docs = out_dir / DOCS_DIR
    if data_docs:
        build_docs(docs, outcomes, withheld)
    summary.run = {
        "validated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": {**(seconds or {}), "summary": round(time.perf_counter() - t0, 2)},
        "great_expectations_version": _gx_version(),
        "fragments_validated": counted.n,
    }
    write_summary(summary, out_dir)
    changed = [n for n, d in verdict.digest_files(build_dir).items() if digests.get(n) != d]
    if changed:  # another writer replaced files while they were being validated: say so first
        summary.success = False
        summary.failures.insert(0, Finding("build", "verdict", "build_files", None, "failure", None, [],
                                           f"{', '.join(changed)} changed while validation ran"))
        write_summary(summary, out_dir)
    v = _record_verdict(build_dir, summary, key, digests)
    if summary.success and not v.passed:  # e.g. the key is not the build's
        summary.success = False
        summary.failures.append(Finding("build", "verdict", "build_files", None, "failure", None, [],
                                        v.reason or "the validation verdict could not be recorded"))
        write_summary(summary, out_dir)
        _record_verdict(build_dir, summary, key, digests)
    if data_docs and docs.exists():
        finish_site(docs, summary)
    return summary


def _record_verdict(build_dir: Path, summary: ValidationSummary, key: bytes | None,
                    before: dict) -> verdict.Verdict:
    reason = None if summary.success else (summary.failures[0].message if summary.failures
                                            else "validation failed")
    return verdict.record(build_dir, "validation", passed=summary.success, key=key,
                          report=f"{VALIDATION_DIR}/{SUMMARY_FILE}", digests=before, reason=reason)


def previous_release(registry: Path | str | None) -> dict[str, Any] | None:
    """The newest release's manifest in ``registry`` (the baseline rows are compared with), or None."""
    if registry is None or not Path(registry).is_dir():
        return None
    from ..publish.registry import Registry

    reg = Registry(registry)
    latest = reg.latest()
    return reg.manifest(latest) if latest else None


# ----------------------------------------------------------------------------- standalone

def _split_by_source(build_dir: Path, report: dict[str, Any], work: Path,
                     problems: list[dict[str, str]]) -> list[tuple[str, Path]]:
    """Write each source's rows of every table into ``work/<n>/`` (DuckDB, streaming)."""
    import duckdb
    import pyarrow.parquet as pq

    from .. import schema

    listed = [s.get("source_id") for s in report.get("sources", [])]
    tables = {}
    for t in schema.TABLES:
        p = build_dir / f"{t}.parquet"
        if not p.exists():
            problems.append({"table": t, "message": f"{p.name} is missing from the build"})
            continue
        try:
            pq.ParquetFile(p)
        except Exception as e:  # noqa: BLE001
            problems.append({"table": t, "message": f"{p.name} is not readable Parquet: {e}"})
            continue
        tables[t] = p
    con = duckdb.connect(config={"memory_limit": "256MB", "threads": "2"})
    try:
        found: set[str | None] = set()
        for t, p in list(tables.items()):
            try:
                found |= {r[0] for r in con.execute("SELECT DISTINCT source_id FROM read_parquet(?)", [str(p)]).fetchall()}
            except Exception as e:  # noqa: BLE001
                problems.append({"table": t, "message": f"{t}.parquet could not be read: {type(e).__name__}: {e}"})
                tables.pop(t)
        ids = list(dict.fromkeys([*listed, *sorted((s for s in found if s is not None), key=str)]))
        if None in found:
            ids.append(None)
        con.execute("CREATE TABLE parts (source_id VARCHAR, part INTEGER)")
        if ids:
            con.executemany("INSERT INTO parts VALUES (?, ?)", [(s, i) for i, s in enumerate(ids)])
        for t, p in tables.items():
            try:
                con.execute(
                    f"COPY (SELECT d.*, parts.part AS __part FROM read_parquet('{p}') d JOIN parts "
                    f"ON d.source_id IS NOT DISTINCT FROM parts.source_id) TO '{work / t}' "
                    "(FORMAT PARQUET, PARTITION_BY (__part), OVERWRITE_OR_IGNORE true)")
            except Exception as e:  # noqa: BLE001
                problems.append({"table": t, "message": f"{t}.parquet could not be read: {type(e).__name__}: {e}"})
    finally:
        con.close()
    out = []
    for i, sid in enumerate(ids):
        frag = work / "fragments" / str(i)
        frag.mkdir(parents=True)
        for t in schema.TABLES:
            files = sorted((work / t / f"__part={i}").glob("*.parquet"))
            if files:
                tab = pq.read_table(files, schema=None) if len(files) == 1 else None
                if tab is None:
                    import pyarrow as pa

                    tab = pa.concat_tables([pq.read_table(f) for f in files])
                pq.write_table(tab, frag / f"{t}.parquet")
            elif t in tables:
                pq.write_table(schema.arrow_schema(t).empty_table(), frag / f"{t}.parquet")
        out.append((sid, frag))
    # each part's summary.json from the report's entries, read one at a time
    part_of = {sid: frag for sid, frag in out}
    for s in report.get("sources", []):
        frag = part_of.pop(s.get("source_id"), None)
        if frag is not None:
            (frag / "summary.json").write_text(json.dumps(s, default=str), encoding="utf-8")
    for sid, frag in part_of.items():
        (frag / "summary.json").write_text(json.dumps({"source_id": sid, "_unlisted": True}, default=str),
                                           encoding="utf-8")
    return out


# A build of this many validation groups or more (64k rows each) has its fragments validated in
# a child process: Great Expectations and a group's frames (~500 MB at its peak) are handed back
# before the privacy audit loads its models here (the two together took `therapy-threads
# validate` to 1,059 MB at 1M comments).
CHILD_GROUPS = 2


def _validate_groups(batches: list[list[str]]) -> None:
    """Validate each group; the documents stay in the parts' ``validation.json`` (all of them at
    once were ~22 KB of JSON per source, ~10x that as Python objects)."""
    from .fragment import validate_group

    if len(batches) < CHILD_GROUPS:
        for b in batches:
            validate_group(b)
        return
    from ..executors import LocalExecutor

    # one spawned worker that exits with this process (executors: it watches its parent)
    with LocalExecutor(2, step_workers={"validate": 1}) as pool:
        for b in batches:
            pool.submit("validate", validate_group, b).result()


def validate_build(build_dir: Path, key: bytes | None = None, *, data_docs: bool = True,
                   baseline: dict[str, Any] | None = None) -> ValidationSummary:
    """Validate the tables in ``build_dir`` from scratch; write ``validation/summary.json``, the
    Data Docs site and the validation verdict on the exact files read.

    ``success`` is False when any critical expectation fails (a failed source not allowed, an
    empty build), a published file is missing or unreadable, counts do not reconcile or the
    privacy audit fails or cannot run (no key, another key). Warnings never fail a build.
    ``baseline`` is the previous release's manifest: rows that vanished since are warned about.
    """
    from .frames import load_report
    from .fragment import groups, read_validation
    from .global_checks import global_frames

    t0 = time.perf_counter()
    build_dir = Path(build_dir).resolve()
    before = verdict.digest_files(build_dir)  # the verdict names the bytes read from here on
    problems: list[dict[str, str]] = []
    report = load_report(build_dir, problems)
    work = Path(tempfile.mkdtemp(prefix=".validate-", dir=build_dir))
    try:
        parts = _split_by_source(build_dir, report, work, problems)
        sizes = []
        for _, frag in parts:
            import pyarrow.parquet as pq

            p = frag / "comments.parquet"
            sizes.append((frag, pq.ParquetFile(p).metadata.num_rows if p.exists() else 0))
        _validate_groups([[str(g) for g in group] for group in groups(sizes)])
        t_frag = time.perf_counter() - t0
        gf = global_frames(build_dir, report, baseline)
        gf.problems[:0] = [p for p in problems if p not in gf.problems]
        audit = _full_audit(build_dir, key, before)
        # the parts' documents, read one at a time as the summary folds them
        docs = (read_validation(frag) for _, frag in parts)
        return summarize(build_dir, docs, gf, report, audit, key=key, digests=before, data_docs=data_docs,
                         baseline=baseline,
                         seconds={"fragments": round(t_frag, 2),
                                  "total_before_summary": round(time.perf_counter() - t0, 2)})
    finally:
        shutil.rmtree(work, ignore_errors=True)


def validate_from_fragments(build_dir: Path, fragments: list[tuple[str, Path]], report: dict[str, Any],
                            key: bytes, *, data_docs: bool = True,
                            baseline: dict[str, Any] | None = None) -> ValidationSummary:
    """The gate of a build assembled from ``fragments`` [(source id, folder)]: their cached
    verdicts and audits, the global checks over the assembled tables in ``build_dir``, and the
    cross-source identity check through the keyed index. Writes summary.json and
    privacy_audit.json into ``build_dir``."""
    from ..anonymise.audit import record_result
    from .fragment import read_validation
    from .global_checks import global_frames
    from .privacy import cross_fragment_hits, merge, read_audit

    t0 = time.perf_counter()
    before = verdict.digest_files(build_dir)  # verdicts name the assembled bytes
    docs = (read_validation(d) for _, d in fragments)  # read one at a time by summarize
    gf = global_frames(build_dir, report, baseline)
    t_global = time.perf_counter() - t0
    private = Path(build_dir) / "private"
    cross, met = cross_fragment_hits(private / "word_index.parquet", private / "identity_index.parquet",
                                     dict(fragments), key)
    # one fragment's audit at a time (a list of them all was ~8 MB of JSON at 1M comments, ~10x
    # that as Python objects, and grew with the corpus)
    res = merge((read_audit(d) for _, d in fragments), cross)
    record_result(Path(build_dir), key, res, before)
    record, findings = audit_record(res)
    record["sources_rescanned_for_other_identities"] = len(met)
    t_audit = time.perf_counter() - t0 - t_global
    return summarize(build_dir, docs, gf, report, (record, findings), key=key, digests=before,
                     data_docs=data_docs, baseline=baseline,
                     seconds={"global_checks": round(t_global, 2), "cross_source_audit": round(t_audit, 2)})


def _gx_version() -> str:
    from importlib.metadata import version

    return version("great-expectations")
