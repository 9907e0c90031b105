"""Open a build directory for publishing and enforce the gates: validated, privacy-audited, whole.

The gates are the stages' verdicts (:mod:`therapy_threads.verdict`): a build is published only
if validation and the privacy audit passed on its current bytes, with the key that made it, by
this version of the code. Only the three published tables and the JSON reports are read from the
build; internal files (``furniture.parquet``, ``private/``) never reach a release.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from .. import verdict as verdict_mod
from ..errors import UserError
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
    verdicts: dict[str, verdict_mod.Verdict]
    key: bytes = field(repr=False)  # never in a log line or a traceback
    # where the bound files are read from: ``root``, or a private copy checked against the
    # verdicts (:meth:`snapshot`), so that what is published is what the gate passed
    data: Path | None = None

    @property
    def files(self) -> Path:
        return self.data or self.root

    def table_path(self, table: str) -> Path:
        return self.files / f"{table}.parquet"

    def snapshot(self, into: Path) -> "Build":
        """Copy the bound files (tables, report, identity tokens) into the empty folder ``into``,
        hashing the bytes as they are copied, and return the build reading from that copy.
        Raises VerdictError when a copied file is not the file the verdicts passed: a file
        changed after the gate ran cannot slip into the release, even if put back later."""
        into = Path(into)
        for name in verdict_mod.BOUND_FILES:
            src, dst = self.root / name, into / name
            want = {(v.files.get(name) or {}).get("sha256") for v in self.verdicts.values()}
            if not src.is_file() and want == {None}:
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            h = hashlib.sha256()
            try:  # no link: the gate hashed the file itself
                fd = os.open(src, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except OSError as e:
                raise verdict_mod.VerdictError(
                    f"cannot read {name} of {self.root} ({e.strerror}); nothing was published. "
                    "Re-run validate and audit, then publish") from e
            # a full disk while copying is the environment's error, raised as it is
            with os.fdopen(fd, "rb") as fin, open(dst, "xb") as fout:
                while chunk := fin.read(1 << 20):
                    h.update(chunk)
                    fout.write(chunk)
            if want != {h.hexdigest()}:
                raise verdict_mod.VerdictError(
                    f"{name} of {self.root} is not the file the gate passed (it changed after "
                    "the checks); nothing was published. Re-run validate and audit, then publish")
        return replace(self, data=into)

    def recheck(self) -> None:
        """Refuse if a bound file changed since :func:`open_build` checked the verdicts (a build
        writing into this folder while the release was assembled)."""
        now = verdict_mod.digest_files(self.root)
        for v in self.verdicts.values():
            changed = verdict_mod.changed_files(v, now)
            if changed:
                raise verdict_mod.VerdictError(
                    f"{', '.join(changed)} of {self.root} changed while the release was being "
                    "written; nothing was published. Re-run validate and audit, then publish")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UserError(f"cannot read {path}: {e}; re-run the stage that writes it") from e
    if not isinstance(data, dict):
        raise UserError(f"{path} is not a JSON object; re-run the stage that writes it")
    return data


def open_build(root: Path | str, key: bytes) -> Build:
    """Check that ``root`` is a complete build whose verdicts cover its bytes, and return it.

    Raises :class:`~therapy_threads.verdict.VerdictError` (a UserError) with a one-line reason
    when validation or the privacy audit did not pass on these exact files with ``key`` (stale,
    edited, another key, no verdict, other code version), and UserError for missing or malformed
    files; each message says which command to run.
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
    verdicts = verdict_mod.check(root, key)
    validation = _read_json(root / "validation" / "summary.json")
    privacy = _read_json(root / "validation" / "privacy_audit.json")

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
    return Build(root=root, report=report, validation=validation, privacy=privacy,
                 verdicts=verdicts, key=key)
