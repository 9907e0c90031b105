"""Validate a build directory: every suite, the privacy audit, the count reconciliation."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .. import verdict
from . import frames as frames_mod
from .docs import finish_site
from .gx_run import ExpectationOutcome, run_suites
from .suites import ROW_NOUN, SUITE_ORDER
from .summary import SUMMARY_FILE, Finding, ValidationSummary, write_summary

VALIDATION_DIR = "validation"
DOCS_DIR = "data_docs"


def _message(o: ExpectationOutcome) -> str:
    if o.exception:
        return f"expectation could not be evaluated on {o.column or 'the table'}: {o.exception}"
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


def _audit_failure(status: str, detail: str, message: str) -> tuple[dict[str, Any], list[Finding]]:
    return {"status": status, "detail": detail}, [
        Finding("privacy", "privacy_audit", "privacy_audit", None, "failure", None, [], message)]


def _privacy_audit(build_dir: Path, key: bytes | None,
                   digests: dict | None = None) -> tuple[dict[str, Any], list[Finding]]:
    """Run the keyed privacy audit. It fails closed: without its module, without a key, with
    another key than the build's, or when it cannot run, the build fails validation."""
    try:
        from ..anonymise.audit import audit_build  # type: ignore[import-not-found]
    except ModuleNotFoundError as e:
        return _audit_failure("unavailable", f"{e}",
                              f"the privacy audit cannot run ({e}); nothing may be published until it does")
    if key is None:
        return _audit_failure("failed", "no pseudonym key given",
                              "the privacy audit needs the build's pseudonym key and got none (set "
                              "THERAPY_THREADS_KEY or pass --key-file); nothing may be published until it passes")
    from ..errors import PrivacyGateError

    try:
        res = audit_build(build_dir, key, digests=digests)
    except PrivacyGateError as e:
        return _audit_failure("failed", str(e), f"privacy audit: {e}")
    except Exception as e:  # an audit that cannot run cannot certify the build
        return _audit_failure("error", f"{type(e).__name__}: {e}",
                              f"the privacy audit could not run ({type(e).__name__}: {e}); nothing may be published until it does")
    return _interpret_audit(res)


def _get(obj: Any, *names: str) -> Any:
    for n in names:
        if isinstance(obj, dict) and n in obj:
            return obj[n]
        if hasattr(obj, n):
            v = getattr(obj, n)
            return v() if callable(v) and n in ("to_dict",) else v
    return None


def _describe_hit(h: Any) -> str:
    kind, table, row, fld, masked = (_get(h, k) for k in ("kind", "table", "row_id", "field", "masked"))
    if kind and table:
        return (f"{kind} in {table}" + (f".{fld}" if fld else "") + (f" row {row}" if row else "")
                + (f" ({masked})" if masked else ""))
    return str(h)


def _interpret_audit(res: Any) -> tuple[dict[str, Any], list[Finding]]:
    findings = _get(res, "hits", "findings", "leaks", "problems", "violations") or []
    ok = res if isinstance(res, bool) else _get(res, "passed", "ok", "success", "clean")
    if ok is None:
        ok = not findings
    items = [_describe_hit(f) for f in list(findings)[:20]]
    record: dict[str, Any] = {"status": "passed" if ok else "failed", "findings": len(findings)}
    counts = _get(res, "counts", "checked")
    if isinstance(counts, dict):
        record["counts"] = {str(k): v for k, v in sorted(counts.items())}
    if ok:
        return record, []
    ids = [_get(f, "item_id", "row_id", "comment_id") for f in list(findings)[:20]]
    ids = [i for i in ids if i is not None]
    return record, [Finding("privacy", "privacy_audit", "privacy_audit", None, "failure", len(findings), ids,
                            f"privacy audit found {len(findings)} leak(s): " + "; ".join(items[:5]))]


def validate_build(build_dir: Path, key: bytes | None = None, *, data_docs: bool = True,
                   baseline: dict[str, Any] | None = None) -> ValidationSummary:
    """Validate ``build_dir``; write ``validation/summary.json``, the Data Docs site and the
    validation verdict (:mod:`therapy_threads.verdict`) on the exact files read.

    ``success`` is False when any critical expectation fails (a failed source not allowed, an
    empty build), a published file is missing or unreadable, counts do not reconcile or the
    privacy audit fails or cannot run (no key, another key). Warnings never fail a build.
    ``baseline`` is the previous release's manifest: rows that vanished since are warned about.
    """
    t0 = time.perf_counter()
    build_dir = Path(build_dir).resolve()  # GX Data Docs needs an absolute base directory
    out_dir = build_dir / VALIDATION_DIR
    before = verdict.digest_files(build_dir)  # the verdict names the bytes read from here on
    fr = frames_mod.build_frames(build_dir, baseline)
    t_frames = time.perf_counter() - t0
    docs = out_dir / DOCS_DIR if data_docs else None
    outcomes = run_suites({**fr.tables, "schema": fr.columns, "sources": fr.sources}, docs)
    t_gx = time.perf_counter() - t0 - t_frames

    failures: list[Finding] = [
        Finding(p["table"], "file_readable", "build_files", None, "failure", None, [], p["message"])
        for p in fr.problems
    ]
    warnings: list[Finding] = []
    for o in outcomes:
        if o.success:
            continue
        f = _finding(o)
        (warnings if f.severity == "warning" else failures).append(f)

    audit, audit_findings = _privacy_audit(build_dir, key, before)
    for f in audit_findings:
        (warnings if f.severity == "warning" else failures).append(f)

    src = fr.sources
    totals = src[src["source_id"] == "(all sources)"]
    published = int(fr.counts["comments"])
    quarantined = int(fr.counts["quarantine_rows"])
    in_sources = int(totals["comments_seen"].iloc[0]) if len(totals) else None
    reported = None
    rep = frames_mod.load_report(build_dir, [])
    if rep.get("totals"):
        reported = rep["totals"].get("comments_seen")
    reconciliation = {
        "comments_in_sources": reported,
        "published": published,
        "quarantined": quarantined,
        "reconciled": reported is not None and reported == published + quarantined
        and bool(src["reconciled_with_report"].fillna(False).all()),
        "note": "comments_in_sources is build_report.json totals.comments_seen; quarantined counts every quarantine row (comments, and posts with their comments)",
        "sources_not_reconciled": sorted(str(s) for s in src.loc[~src["reconciled_with_report"].fillna(False), "source_id"]),
        "previous_release": (baseline or {}).get("version"),
    }
    _ = in_sources

    order = {n: i for i, n in enumerate(("build", "build_report", *SUITE_ORDER, "privacy"))}
    key_fn = lambda f: (order.get(f.table, 99), f.table, f.check)  # noqa: E731
    failures.sort(key=key_fn)
    warnings.sort(key=key_fn)
    per_suite: dict[str, dict[str, int]] = {}
    for o in outcomes:
        s = per_suite.setdefault(o.suite, {"evaluated": 0, "passed": 0})
        s["evaluated"] += 1
        s["passed"] += int(o.success)
    summary = ValidationSummary(
        build_dir=str(build_dir),
        success=not failures and reconciliation["reconciled"],
        failures=failures, warnings=warnings, counts=fr.counts, reconciliation=reconciliation,
        privacy_audit=audit,
        expectations={"evaluated": len(outcomes), "passed": sum(o.success for o in outcomes),
                      "per_suite": {k: per_suite[k] for k in SUITE_ORDER if k in per_suite}},
        data_docs=f"{VALIDATION_DIR}/{DOCS_DIR}/index.html" if data_docs else None,
    )
    if not reconciliation["reconciled"] and not any(f.check == "reconciled_with_report" for f in failures):
        summary.failures.append(Finding("sources", "reconciled_with_report", "reconciliation", None, "failure", None, [],
                                        "counts do not reconcile with build_report.json (missing totals?)"))
    summary.run = {
        "validated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": {"frames": round(t_frames, 2), "great_expectations": round(t_gx, 2),
                    "total": round(time.perf_counter() - t0, 2)},
        "great_expectations_version": _gx_version(),
    }
    write_summary(summary, out_dir)
    v = _record_verdict(build_dir, summary, key, before)
    if summary.success and not v.passed:  # the files changed while they were being validated
        summary.success = False
        summary.failures.append(Finding("build", "verdict", "build_files", None, "failure", None, [],
                                        v.reason or "the validation verdict could not be recorded"))
        write_summary(summary, out_dir)
        _record_verdict(build_dir, summary, key, before)
    if docs is not None and docs.exists():
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


def _gx_version() -> str:
    from importlib.metadata import version

    return version("great-expectations")
