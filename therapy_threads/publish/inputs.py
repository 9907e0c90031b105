"""Open a build directory for publishing and enforce the gates: validated, privacy-audited, whole.

Only the three published tables and three JSON reports are read from the build; internal files
(``furniture.parquet``, ``private/``) are never opened, so they cannot reach a release.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..errors import PrivacyGateError, UserError
from ..schema import TABLES, arrow_schema

REQUIRED_FILES = (
    "posts.parquet",
    "comments.parquet",
    "quarantine.parquet",
    "build_report.json",
    "validation/summary.json",
    "validation/privacy_audit.json",
)
REPORT_KEYS = ("build_id", "finished_at", "pipeline_version", "git_commit", "schema_version",
               "sources", "totals")


@dataclass(frozen=True)
class Build:
    root: Path
    report: dict[str, Any]
    validation: dict[str, Any]
    privacy: dict[str, Any]

    def table_path(self, table: str) -> Path:
        return self.root / f"{table}.parquet"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UserError(f"cannot read {path}: {e}; re-run the stage that writes it") from e
    if not isinstance(data, dict):
        raise UserError(f"{path} is not a JSON object; re-run the stage that writes it")
    return data


def open_build(root: Path | str) -> Build:
    """Check that ``root`` is a complete, validated, privacy-audited build and return it.

    Raises UserError (missing files, failed validation, malformed report) or PrivacyGateError
    (the privacy audit did not pass) with a message that says which command to run.
    """
    root = Path(root)
    if not root.is_dir():
        raise UserError(f"build directory {root} does not exist; run 'therapy-threads build' first "
                        "or pass --build DIR")
    missing = [f for f in REQUIRED_FILES if not (root / f).is_file()]
    if missing:
        hint = ("run 'therapy-threads validate' and 'therapy-threads audit'"
                if all(m.startswith("validation/") for m in missing)
                else "run 'therapy-threads build', then validate and audit")
        raise UserError(f"build {root} is incomplete, missing: {', '.join(missing)}; {hint}")

    report = _read_json(root / "build_report.json")
    absent = [k for k in REPORT_KEYS if k not in report]
    if absent:
        raise UserError(f"{root / 'build_report.json'} lacks {', '.join(absent)}; "
                        "re-run 'therapy-threads build'")
    validation = _read_json(root / "validation" / "summary.json")
    if validation.get("success") is not True:
        raise UserError(f"validation of {root} did not succeed (validation/summary.json: success="
                        f"{validation.get('success')!r}); fix the reported failures, re-run "
                        "'therapy-threads validate', then publish")
    privacy = _read_json(root / "validation" / "privacy_audit.json")
    if privacy.get("passed") is not True:
        raise PrivacyGateError(f"the privacy audit of {root} did not pass (validation/"
                               f"privacy_audit.json: passed={privacy.get('passed')!r}); nothing is "
                               "published. Fix the findings, re-run 'therapy-threads audit'")

    for table in TABLES:
        path = root / f"{table}.parquet"
        try:
            have = set(pq.read_schema(path).names)
        except Exception as e:  # pyarrow raises several types for a damaged file
            raise UserError(f"{path} is not a readable Parquet file ({e}); re-run the build") from e
        lacking = [c for c in arrow_schema(table).names if c not in have]
        if lacking:
            raise UserError(f"{path} lacks published columns {', '.join(lacking)} required by "
                            f"schemas/{table}.schema.json; re-run the build with this version")
    return Build(root=root, report=report, validation=validation, privacy=privacy)
