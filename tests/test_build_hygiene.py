"""A build run as a person would: killed, terminated, started twice, or on a machine too busy
for Prefect's server. Nothing may be left running and every failure is one clear line."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    e = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    e.pop("PREFECT_API_URL", None)
    return e


def _cli(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "therapy-threads"), *args]


def _start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(_cli(*args), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _wait_for(p: subprocess.Popen, text: str, timeout: float = 400) -> str:
    seen = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = p.stderr.readline()
        if not line and p.poll() is not None:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise AssertionError(f"never saw {text!r}: {''.join(seen)[-2000:]}")


def _alive(pids: list[int]) -> list[int]:
    out = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                out.append(pid)
        except psutil.NoSuchProcess:
            pass
    return out


def _gone(pids: list[int], timeout: float = 20) -> list[int]:
    deadline = time.time() + timeout
    while time.time() < deadline and _alive(pids):
        time.sleep(0.2)
    return _alive(pids)


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_a_killed_build_leaves_no_server_and_no_worker(how, env, test_key, tmp_path):
    out = tmp_path / "build"
    p = _start(["build", "--sources", str(ROOT / "seeds"), "--out", str(out), "--key-file", str(test_key),
                "--workers", "2"], env)
    _wait_for(p, "[1/")  # extraction is under way: server and worker processes are up
    family = [c.pid for c in psutil.Process(p.pid).children(recursive=True)]
    assert len(family) >= 2, family  # the API server and at least one worker
    os.kill(p.pid, getattr(signal, how))
    rc = p.wait(60)
    assert rc == (-9 if how == "SIGKILL" else 143)
    assert _gone(family) == []
    if how == "SIGTERM":  # unwound cleanly: no half-written next build beside --out
        assert not [q for q in tmp_path.iterdir() if q.name.startswith(".build.next")]


def test_two_builds_into_one_folder_the_second_is_refused(env, test_key, tmp_path):
    """While one build holds --out (here: this test, with the same lock a build takes), another
    build into it stops at once with one line, before starting anything."""
    from therapy_threads.buildstore import BuildLock

    out = tmp_path / "build"
    with BuildLock(out):
        t0 = time.time()
        second = subprocess.run(_cli("build", "--sources", str(ROOT / "seeds"), "--out", str(out),
                                     "--key-file", str(test_key)), env=env, capture_output=True, text=True,
                                timeout=600)
    assert second.returncode == 2
    last = second.stderr.strip().splitlines()[-1]
    assert last.startswith(f"therapy-threads build: error: another build is writing {out} (pid {os.getpid()})")
    assert "Traceback" not in second.stderr and "Prefect" not in second.stderr
    assert time.time() - t0 < 120 and not out.exists()


def test_a_server_that_does_not_start_in_time_is_one_line(env, test_key, tmp_path):
    r = subprocess.run(_cli("build", "--sources", str(ROOT / "seeds"), "--out", str(tmp_path / "b"),
                            "--key-file", str(test_key), "--prefect-timeout", "0.2"),
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert lines[-1].startswith("therapy-threads build: error: the temporary Prefect API server did not "
                                "answer within 0 s"), r.stderr[-1500:]
    assert "Traceback" not in r.stderr
    time.sleep(2)
    assert _orphaned_servers() == []


def _orphaned_servers() -> list[int]:
    """Our temporary API servers whose parent build is gone."""
    out = []
    for q in psutil.process_iter(["cmdline"]):
        cmd = q.info["cmdline"] or []
        if "therapy_threads.prefect_server" in cmd and "--parent" in cmd:
            parent = int(cmd[cmd.index("--parent") + 1])
            if not psutil.pid_exists(parent):
                out.append(q.pid)
    return out


def test_dask_address_without_a_server_is_refused_before_anything_starts(env, test_key, tmp_path):
    r = subprocess.run(_cli("build", "--sources", str(ROOT / "seeds"), "--out", str(tmp_path / "b"),
                            "--runner", "dask", "--dask-address", "tcp://127.0.0.1:1"),
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "needs a Prefect server the Dask workers can reach" in r.stderr
    assert "Traceback" not in r.stderr
