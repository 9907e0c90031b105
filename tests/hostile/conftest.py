"""Fixtures of the hostile-input suite: misbehaving servers on 127.0.0.1, a published registry,
and a command-line runner that checks the one-line rule (no traceback without --verbose)."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from hostile_servers import Hostile

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def hostile():
    server = Hostile()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A registry with v1.0.0 published from a small synthetic build (module-wide, read-only)."""
    from helpers_build import make_build
    from therapy_threads.publish.release import publish

    root = tmp_path_factory.mktemp("published")
    publish(make_build(root / "build"), "1.0.0", root / "reg")
    return root / "reg"


@dataclass
class Outcome:
    status: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.stderr.splitlines() if ln.strip()]


def assert_one_line(out: Outcome, command: str, *needles: str) -> str:
    """A failure is one line on stderr, 'therapy-threads COMMAND: error: ...', non-zero exit."""
    assert out.status != 0, out
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout, out.stderr
    # 'build FAILED: ...' is how the build reports sources that failed (one line as well)
    errors = [ln for ln in out.lines if ln.startswith((f"therapy-threads {command}: ",
                                                       f"{command} FAILED: "))]
    assert len(errors) == 1, out.stderr
    line = errors[0]
    for n in needles:
        assert n.lower() in line.lower(), line
    return line


def run_cli(args: list[str], capsys) -> Outcome:
    """In-process: fast, for commands that do not start Prefect."""
    from therapy_threads.cli import main

    capsys.readouterr()
    status = main(args)
    got = capsys.readouterr()
    return Outcome(status, got.out, got.err)


def run_cli_process(args: list[str], *, env: dict[str, str] | None = None, timeout: float = 600,
                    wrap: list[str] | None = None, cwd: Path | None = None) -> Outcome:
    """A real process (signals, disk faults, Prefect), optionally under ``wrap`` (unshare...)."""
    e = dict(os.environ)
    e.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
    e.update(env or {})
    cmd = (wrap or []) + [sys.executable, "-m", "therapy_threads.cli", *args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=e,
                       cwd=cwd or ROOT)
    return Outcome(p.returncode, p.stdout, p.stderr)
