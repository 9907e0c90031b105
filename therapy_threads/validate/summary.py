"""The validation summary: a dataclass, its JSON file, a one-screen text and a markdown report."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SUMMARY_FILE = "summary.json"


class BuildValidationError(Exception):
    """A build failed validation; the message is the one-screen summary (which rows, and why)."""


@dataclass
class Finding:
    table: str  # suite/frame: comments, posts, quarantine, schema, sources, privacy, build
    check: str  # stable check name (meta.check of the expectation)
    expectation: str  # GX expectation type, or "privacy_audit" / "build_files"
    column: str | None
    severity: str  # "failure" or "warning"
    unexpected_count: int | None
    row_ids: list[Any]  # the first rows (ids as in the table); unexpected_count is exact
    message: str


@dataclass
class ValidationSummary:
    build_dir: str
    success: bool
    failures: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)
    reconciliation: dict[str, Any] = field(default_factory=dict)
    privacy_audit: dict[str, Any] = field(default_factory=dict)
    expectations: dict[str, Any] = field(default_factory=dict)  # evaluated / passed / per suite
    data_docs: str | None = None  # relative to build_dir
    run: dict[str, Any] = field(default_factory=dict)  # timing etc.; excluded from the data part

    def raise_for_status(self) -> None:
        """Raise :class:`BuildValidationError` when the build must not be published."""
        if not self.success:
            raise BuildValidationError(format_summary(self))

    def data(self) -> dict[str, Any]:
        """Everything that depends only on the build (stable across re-runs)."""
        d = asdict(self)
        d.pop("run")
        d.pop("build_dir")
        return d

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> "ValidationSummary":
        """Back from summary.json (unknown keys are ignored)."""
        known = {f for f in cls.__dataclass_fields__}
        d = {k: v for k, v in doc.items() if k in known}
        d.setdefault("build_dir", "")
        d.setdefault("success", False)
        for k in ("failures", "warnings"):
            d[k] = [Finding(**f) for f in d.get(k, [])]
        return cls(**d)

    def to_dict(self) -> dict[str, Any]:
        """summary.json: the data part at top level, run details (time, durations) under "run"."""
        return {**self.data(), "run": self.run}


def write_summary(summary: ValidationSummary, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    p = out_dir / SUMMARY_FILE
    p.write_text(json.dumps(summary.to_dict(), indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n",
                 encoding="utf-8")
    return p


def _ids(f: Finding, limit: int = 5) -> str:
    if not f.row_ids:
        return ""
    shown = ", ".join(str(i) for i in f.row_ids[:limit])
    more = (f.unexpected_count or len(f.row_ids)) - min(limit, len(f.row_ids))
    return shown + (f" (+{more} more)" if more > 0 else "")


def format_summary(summary: ValidationSummary) -> str:
    """One screen for the terminal: verdict, counts, reconciliation, each failure and warning."""
    c, r = summary.counts, summary.reconciliation
    lines = [
        f"validation {'PASSED' if summary.success else 'FAILED'}: {summary.build_dir}",
        f"  {c.get('posts', 0)} posts, {c.get('comments', 0)} comments, "
        f"{c.get('quarantine_rows', 0)} quarantined rows; "
        f"{summary.expectations.get('passed', 0)}/{summary.expectations.get('evaluated', 0)} expectations met",
    ]
    if r:
        state = "reconciled" if r.get("reconciled") else "NOT reconciled"
        lines.append(f"  counts {state}: {r.get('comments_in_sources')} in sources = "
                     f"{r.get('published')} published + {r.get('quarantined')} quarantined")
    pa_ = summary.privacy_audit
    if pa_:
        lines.append(f"  privacy audit: {pa_.get('status')}" + (f" ({pa_.get('detail')})" if pa_.get("detail") else ""))
    for title, items in (("FAILURES", summary.failures), ("warnings", summary.warnings)):
        if not items:
            continue
        lines.append(f"{title} ({len(items)}):")
        for f in items[:12]:
            ids = _ids(f)
            lines.append(f"  [{f.table}.{f.check}] {f.message}" + (f"\n      rows: {ids}" if ids else ""))
        if len(items) > 12:
            lines.append(f"  ... {len(items) - 12} more in validation/summary.json")
    if summary.data_docs:
        lines.append(f"details: {Path(summary.build_dir) / summary.data_docs}")
    return "\n".join(lines)


def summary_markdown(summary: ValidationSummary) -> str:
    """Markdown for the Prefect artifact and release notes."""
    c, r = summary.counts, summary.reconciliation
    out = [
        f"# Build validation: {'✅ passed' if summary.success else '❌ failed'}",
        "",
        "| | |", "|---|---|",
        f"| posts | {c.get('posts', 0)} |",
        f"| comments | {c.get('comments', 0)} |",
        f"| quarantined rows | {c.get('quarantine_rows', 0)} |",
        f"| expectations met | {summary.expectations.get('passed', 0)} / {summary.expectations.get('evaluated', 0)} |",
    ]
    if r:
        out.append(f"| counts reconcile | {'yes' if r.get('reconciled') else '**no**'}: "
                   f"{r.get('comments_in_sources')} in sources = {r.get('published')} published + "
                   f"{r.get('quarantined')} quarantined |")
    if summary.privacy_audit:
        out.append(f"| privacy audit | {summary.privacy_audit.get('status')} |")
    for title, items in (("Failures", summary.failures), ("Warnings", summary.warnings)):
        if not items:
            continue
        out += ["", f"## {title}", "", "| table | check | rows | message |", "|---|---|---|---|"]
        for f in items:
            msg = f.message.replace("|", "\\|")
            out.append(f"| {f.table} | `{f.check}` | {f.unexpected_count if f.unexpected_count is not None else ''} | "
                       f"{msg}" + (f"<br>first: {_ids(f).replace('|', '/')}" if f.row_ids else "") + " |")
    by_reason = c.get("quarantine_by_reason") or {}
    if by_reason:
        out += ["", "## Quarantine by reason", "", "| reason | rows |", "|---|---|"]
        out += [f"| `{k}` | {v} |" for k, v in by_reason.items()]
    if summary.data_docs:
        out += ["", f"Great Expectations Data Docs: `{summary.data_docs}` in the build directory."]
    return "\n".join(out) + "\n"
