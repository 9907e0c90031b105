"""Verdicts bound to bytes: a gate stage's pass or fail, tied to the exact files it checked.

A build may be published only when its validation and its privacy audit passed *on the bytes
that are about to be published*, with the key that made the build, by the code that publishes
it. Each gate stage therefore writes a verdict next to its report::

    BUILD/validation/verdicts/validation.json
    BUILD/validation/verdicts/privacy_audit.json

    {"format": "therapy-threads-verdict/1", "stage": "validation", "passed": true,
     "reason": null, "build_id": "...",
     "files": {"posts.parquet": {"sha256": "...", "bytes": 123}, ...},   # BOUND_FILES
     "report": {"path": "validation/summary.json", "sha256": "..."},
     "key_fingerprint": "...", "code_version": "0.1.0+1a2b...", "recorded_at": "...",
     "mac": "..."}                                   # HMAC-SHA256 with the pseudonym key

``publish`` calls :func:`check`, which re-hashes every bound file and the stage's report,
compares the key fingerprint with the build's and the code version with its own, verifies the
MAC, and raises :class:`VerdictError` with a one-line reason on any difference. A verdict is
never trusted without the key: an edited verdict, a verdict made with another key, or one
written without a key, is refused.

How a gate stage uses this module (the whole interface)::

    before = verdict.digest_files(build_dir)          # before reading anything
    ... run the checks on the files ...
    verdict.record(build_dir, "validation", passed=ok, key=key,
                   report="validation/summary.json", digests=before)

``record`` re-hashes the files; if they changed while the stage ran, the verdict is recorded
as failed. A stage that already knows the digests (an incremental validator that hashed each
table while streaming it) passes them as ``digests``; the re-check still runs.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from .errors import UserError
from .ids import sha256_file

FORMAT = "therapy-threads-verdict/1"
VERDICT_DIR = "validation/verdicts"
STAGES = ("validation", "privacy_audit")
# Every file a release is made from: the three published tables, the report the manifest and
# card are built from, and the keyed identity tokens the audit checked the text against.
BOUND_FILES = ("posts.parquet", "comments.parquet", "quarantine.parquet", "build_report.json",
               "private/identity_tokens.txt")
_MAC_LABEL = b"therapy-threads verdict v1\x00"
# Code whose behaviour decides a verdict: a change to any of it means the build must be checked
# again before it is published.
_GATE_CODE = ("validate", "anonymise", "verdict.py", "schema.py", "publish/release_scan.py",
              "publish/parquet.py")
_GATE_DATA = ("data",)


class VerdictError(UserError):
    """The build's verdicts do not cover the bytes about to be published (one-line reason)."""


@dataclass
class Verdict:
    stage: str
    passed: bool
    files: dict[str, dict[str, Any] | None]
    report: dict[str, Any] | None
    key_fingerprint: str | None
    code_version: str
    build_id: str | None = None
    reason: str | None = None
    recorded_at: str = ""
    format: str = FORMAT
    mac: str | None = None

    def payload(self) -> bytes:
        d = asdict(self)
        d.pop("mac")
        return json.dumps(d, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()


# ----------------------------------------------------------------------------- digests

def digest_files(build_dir: Path | str, names: tuple[str, ...] = BOUND_FILES
                 ) -> dict[str, dict[str, Any] | None]:
    """SHA-256 and size of each bound file of ``build_dir`` (None for a missing file)."""
    root = Path(build_dir)
    out: dict[str, dict[str, Any] | None] = {}
    for name in names:
        p = root / name
        if p.is_file():
            out[name] = {"sha256": sha256_file(p), "bytes": p.stat().st_size}
        else:
            out[name] = None
    return out


@lru_cache(maxsize=1)
def code_version() -> str:
    """``<package version>+<16 hex digits>`` over the gate's code, its data and the schemas."""
    from . import __version__
    from .schema import TABLES, json_schema

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for name in _GATE_CODE + _GATE_DATA:
        p = root / name
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
        else:
            files = [p] if p.is_file() else []
        for f in files:
            h.update(f.relative_to(root).as_posix().encode() + b"\x00")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    for t in TABLES:
        h.update(json.dumps(json_schema(t), sort_keys=True).encode())
    return f"{__version__}+{h.hexdigest()[:16]}"


def _mac(key: bytes, v: Verdict) -> str:
    return hmac.new(key, _MAC_LABEL + v.payload(), hashlib.sha256).hexdigest()


def _fingerprint(key: bytes) -> str:
    from .anonymise.keys import key_fingerprint

    return key_fingerprint(key)


def _build_report(root: Path) -> dict[str, Any]:
    """The build report without its per-source entries (read past, never held)."""
    from .reportfile import read_header

    try:
        d = read_header(root / "build_report.json")
    except (OSError, ValueError, AttributeError, TypeError):
        return {}
    return d if isinstance(d, dict) else {}


def key_problem(build_dir: Path | str, key: bytes | None) -> str | None:
    """Why ``key`` cannot certify this build (no key, or not the key that made it), else None."""
    if key is None:
        return ("no pseudonym key: the privacy audit needs the key that made the build "
                "(set THERAPY_THREADS_KEY or pass --key-file)")
    made = _build_report(Path(build_dir)).get("key_fingerprint")
    have = _fingerprint(key)
    if not made:
        return "build_report.json names no key fingerprint; re-run 'therapy-threads build'"
    if made != have:
        return (f"the key given (fingerprint {have}) is not the key that made this build "
                f"({made}); use the build's key or rebuild with this one")
    return None


# ----------------------------------------------------------------------------- write

def verdict_path(build_dir: Path | str, stage: str) -> Path:
    if stage not in STAGES:
        raise ValueError(f"unknown gate stage {stage!r}; stages are {', '.join(STAGES)}")
    return Path(build_dir) / VERDICT_DIR / f"{stage}.json"


def record(build_dir: Path | str, stage: str, *, passed: bool, key: bytes | None,
           report: str | None, digests: Mapping[str, dict[str, Any] | None] | None = None,
           reason: str | None = None) -> Verdict:
    """Write the verdict of ``stage`` on ``build_dir`` and return it.

    ``digests`` are the bound files' digests taken *before* the stage read them (default: now).
    The files are hashed again here: if they changed meanwhile the verdict fails. Without a key
    (or with a key other than the build's) the verdict is written as failed and unsigned, so a
    later run cannot mistake it for a pass. ``report`` is the stage's report, relative to
    ``build_dir``, written before this call; its digest is bound too. ``reason`` says why the
    stage failed (one line, no raw data).
    """
    root = Path(build_dir)
    now = digest_files(root)
    files = dict(digests) if digests is not None else now
    problems: list[str] = []  # what makes this verdict a failure whatever the stage found
    changed = [n for n in BOUND_FILES if files.get(n) != now.get(n)]
    if changed:
        problems.append(f"{', '.join(changed)} changed while {stage} ran")
    missing = sorted(n for n in BOUND_FILES if files.get(n) is None)
    if missing:
        problems.append(f"{', '.join(missing)} missing")
    kp = key_problem(root, key)
    if kp:
        problems.append(kp)
    rep = None
    if report:
        rp = root / report
        rep = {"path": report, "sha256": sha256_file(rp) if rp.is_file() else None}
    ok = bool(passed) and not problems
    if not passed:
        problems.insert(0, reason or f"{stage} failed")
    v = Verdict(stage=stage, passed=ok, files=files, report=rep,
                key_fingerprint=_fingerprint(key) if key is not None else None,
                code_version=code_version(), build_id=_build_report(root).get("build_id"),
                reason="; ".join(problems) or None,
                recorded_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    if key is not None and kp is None:
        v.mac = _mac(key, v)
    path = verdict_path(root, stage)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(asdict(v), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return v


# ----------------------------------------------------------------------------- check

def read(build_dir: Path | str, stage: str) -> Verdict | None:
    p = verdict_path(build_dir, stage)
    if not p.is_file():
        return None
    try:
        d = json.loads(p.read_text(encoding="utf-8"))
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError("not a verdict")
        return Verdict(**{k: d[k] for k in Verdict.__dataclass_fields__ if k in d})
    except (ValueError, TypeError, KeyError) as e:
        raise VerdictError(f"{p} is not a readable verdict ({e}); re-run 'therapy-threads "
                           "validate'") from None


_RERUN = {"validation": "therapy-threads validate", "privacy_audit": "therapy-threads audit"}


def check(build_dir: Path | str, key: bytes, stages: tuple[str, ...] = STAGES) -> dict[str, Verdict]:
    """Refuse (``VerdictError``, one line) unless every stage passed on the build's current bytes.

    Checks, per stage: the verdict exists and passed; its MAC verifies with ``key``; ``key`` is
    the build's key; the verdict's code version is this code's; every bound file and the stage's
    report still have the recorded SHA-256.
    """
    root = Path(build_dir)
    kp = key_problem(root, key)
    if kp:
        raise VerdictError(f"cannot publish {root}: {kp}")
    current = digest_files(root)
    out: dict[str, Verdict] = {}
    for stage in stages:
        cmd = _RERUN[stage]
        v = read(root, stage)
        name = stage.replace("_", " ")
        if v is None:
            raise VerdictError(f"{root} has no {name} verdict (validation/verdicts/{stage}.json); "
                               f"run '{cmd} {root}' first")
        if v.mac is None and not v.passed:  # a stage without the build's key records an unsigned failure
            raise VerdictError(f"the {name} of {root} did not pass ({v.reason or 'see its report'}); "
                               f"fix it and re-run '{cmd}'")
        # (refused either way; the code version is named first because it explains the rest)
        if v.code_version != code_version():
            raise VerdictError(f"the {name} of {root} was made by therapy-threads {v.code_version}, "
                               f"this is {code_version()}; re-run '{cmd}' with this version")
        if v.mac is None or not hmac.compare_digest(v.mac, _mac(key, v)):
            raise VerdictError(f"the {name} verdict of {root} is not signed with this build's key "
                               f"(made with another key, or edited); re-run '{cmd}'")
        if not v.passed:
            raise VerdictError(f"the {name} of {root} did not pass ({v.reason or 'see its report'}); "
                               f"fix it and re-run '{cmd}'")
        changed = changed_files(v, current)
        if changed:
            n = changed[0]
            was, now = (v.files.get(n) or {}).get("sha256"), (current.get(n) or {}).get("sha256")
            raise VerdictError(
                f"{n} of {root} is not the file the {name} checked (sha256 {_short(was)} -> "
                f"{_short(now)}); re-run '{cmd} {root}' before publishing")
        if v.report is not None:
            rp = root / v.report["path"]
            if not rp.is_file() or sha256_file(rp) != v.report.get("sha256"):
                raise VerdictError(f"{v.report['path']} of {root} changed after the {name} wrote it; "
                                   f"re-run '{cmd}'")
        out[stage] = v
    return out


def changed_files(v: Verdict, current: Mapping[str, dict[str, Any] | None]) -> list[str]:
    """The bound files whose current digest (:func:`digest_files`) differs from the verdict's."""
    return [n for n in BOUND_FILES if v.files.get(n) != current.get(n)]


def _short(h: str | None) -> str:
    return f"{h[:12]}…" if h else "missing"


__all__ = ["BOUND_FILES", "STAGES", "Verdict", "VerdictError", "changed_files", "check",
           "code_version", "digest_files", "key_problem", "read", "record", "verdict_path"]
