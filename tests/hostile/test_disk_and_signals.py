"""Campaign: a read-only disk, a full disk, and kills during a download.

Disks are real: a tiny or read-only tmpfs mounted in a private user+mount namespace
(``unshare``), so the commands meet the operating system's own ENOSPC and EROFS. Where the
machine forbids user namespaces the disk tests fall back to what an unprivileged process can
do for real (a read-only folder by permissions when not root; ``RLIMIT_FSIZE`` for a full
disk, which gives EFBIG), and skip only when neither is possible.
"""
from __future__ import annotations

import functools
import os
import resource
import shutil
import signal
import subprocess
import sys
import time  # noqa: F401
from pathlib import Path

import pytest

import hostile_servers as hs
from conftest import ROOT, Outcome, assert_one_line, run_cli_process
from helpers_build import make_build
from therapy_threads.publish.download import download

SENTINEL = "@@AFTER"


@functools.lru_cache(maxsize=1)
def namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        p = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                            "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\" && "
                            "mount -o remount,ro \"$d\""], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return p.returncode == 0


def on_tmpfs(args: list[str], mount: Path, *, size: str = "64k", readonly: bool = False,
             timeout: float = 900, env: dict[str, str] | None = None) -> tuple[Outcome, list[str]]:
    """Run the CLI with ``mount`` on a fresh tmpfs (read-only or ``size`` big); returns the
    outcome and what the tmpfs held afterwards (seen from inside the namespace)."""
    mount.mkdir(parents=True, exist_ok=True)
    ro = f'mount -o remount,ro "{mount}"' if readonly else ":"
    script = (f'mount -t tmpfs -o size={size} tmpfs "{mount}" && {ro} || exit 99; '
              f'"$@"; rc=$?; echo "{SENTINEL}"; ls -A "{mount}"; exit $rc')
    wrap = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh"]
    out = run_cli_process(args, wrap=wrap, timeout=timeout, env=env)
    assert out.status != 99, out.stderr
    stdout, _, listing = out.stdout.partition(SENTINEL)
    return Outcome(out.status, stdout, out.stderr), listing.split()


needs_ns = pytest.mark.skipif(not namespaces_work(),
                              reason="user namespaces (unshare) not available here")


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    return make_build(tmp_path_factory.mktemp("b") / "build")


# ------------------------------------------------------------------ publish

@needs_ns
def test_publish_to_a_read_only_disk_is_one_line(build_dir, tmp_path):
    reg = tmp_path / "ro-registry"
    out, left = on_tmpfs(["publish", "1.0.0", "--build", str(build_dir), "--registry", str(reg),
                          "--no-data-card"], reg, readonly=True)
    assert_one_line(out, "publish", "read-only file system", "choose a writable folder")
    assert left == []


@needs_ns
def test_publish_to_a_full_disk_is_one_line_and_leaves_nothing(build_dir, tmp_path):
    reg = tmp_path / "full-registry"
    out, left = on_tmpfs(["publish", "1.0.0", "--build", str(build_dir), "--registry", str(reg),
                          "--no-data-card"], reg, size="48k")
    assert_one_line(out, "publish", "no space left on device")
    assert not [n for n in left if ".staging-" in n or n.startswith("v")], left


# ------------------------------------------------------------------ download

@pytest.fixture(scope="module")
def registry(tmp_path_factory, build_dir):
    from therapy_threads.publish.release import publish

    reg = tmp_path_factory.mktemp("reg") / "reg"
    publish(build_dir, "1.0.0", reg)
    return reg


@needs_ns
def test_download_to_a_read_only_disk_is_one_line(registry, tmp_path):
    mnt = tmp_path / "ro"
    out, left = on_tmpfs(["download", "1.0.0", "--from", str(registry), "--to",
                          str(mnt / "v1.0.0")], mnt, readonly=True, size="64m")
    assert_one_line(out, "download", "read-only file system")
    assert left == []


@needs_ns
def test_download_to_a_full_disk_is_one_line(registry, tmp_path):
    mnt = tmp_path / "full"
    out, left = on_tmpfs(["download", "1.0.0", "--from", str(registry), "--to",
                          str(mnt / "v1.0.0")], mnt, size="48k")
    assert_one_line(out, "download", "free on the disk", "--to")
    assert left == []


def test_download_hitting_the_file_size_limit_is_one_line(registry, tmp_path):
    """Without namespaces too: RLIMIT_FSIZE makes the kernel refuse writes (EFBIG)."""
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
    p = subprocess.run([sys.executable, "-m", "therapy_threads.cli", "download", "1.0.0",
                        "--from", str(registry), "--to", str(tmp_path / "o")],
                       capture_output=True, text=True, timeout=300, preexec_fn=limit, cwd=ROOT)
    assert_one_line(Outcome(p.returncode, p.stdout, p.stderr), "download", "file too large")
    assert not (tmp_path / "o").exists()
    assert not [x for x in tmp_path.iterdir() if ".staging-" in x.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions; the tmpfs test covers it")
def test_download_into_a_folder_without_permission_is_one_line(registry, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        out = run_cli_process(["download", "1.0.0", "--from", str(registry), "--to",
                               str(locked / "v1.0.0")])
        assert_one_line(out, "download", "permission denied")
    finally:
        locked.chmod(0o700)


# ------------------------------------------------------------------ build

@pytest.fixture()
def sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(ROOT / "seeds" / "sources.toml", src / "sources.toml")
    for p in (ROOT / "seeds").glob("*.txt"):
        shutil.copyfile(p, src / p.name)
    return src


@needs_ns
def test_build_into_a_read_only_disk_is_one_line_before_prefect_starts(sources, tmp_path):
    out_dir = tmp_path / "ro-out"
    out, _ = on_tmpfs(["build", "--sources", str(sources), "--out", str(out_dir / "build")],
                      out_dir, readonly=True)
    assert_one_line(out, "build", "read-only file system")
    assert "starting Prefect" not in out.stderr  # refused before the Prefect server starts


@needs_ns
@pytest.mark.slow
def test_build_onto_a_full_disk_is_one_line(sources, tmp_path, test_key):
    out_dir = tmp_path / "full-out"
    out, _ = on_tmpfs(["build", "--sources", str(sources), "--out", str(out_dir / "build"),
                       "--key-file", str(test_key), "--workers", "1", "--quiet"],
                      out_dir, size="256k",
                      env={"PREFECT_HOME": str(tmp_path / "prefect-home")})
    line = assert_one_line(out, "build")
    assert "no space left on device" in line.lower(), out.stderr


# ------------------------------------------------------------------ kills during a download

@pytest.fixture()
def slow_mirror(registry):
    server = hs.Hostile(directory=registry)
    server.routes["/v1.0.0/TERMS.md"] = hs.trickle_body(0.5, size=100)
    yield server
    server.stop()


def _start_download(mirror, dest: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "therapy_threads.cli", "download", "1.0.0",
                             "--from", mirror.base, "--to", str(dest)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _staging(parent: Path) -> list[Path]:
    return [p for p in parent.iterdir() if ".staging-" in p.name]


def _wait_for_staging(parent: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if _staging(parent) and proc.poll() is None:
            time.sleep(0.5)  # inside the trickled file now
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.1)
    raise AssertionError("the download never started staging")


def test_sigkill_leaves_staging_that_the_next_run_removes(slow_mirror, registry, tmp_path):
    dest = tmp_path / "o"
    proc = _start_download(slow_mirror, dest)
    _wait_for_staging(tmp_path, proc)
    proc.kill()
    proc.wait(timeout=30)
    assert _staging(tmp_path)  # kill -9 cannot be caught...
    slow_mirror.routes.clear()
    res = download("1.0.0", slow_mirror.base, dest)  # ...the next run sweeps it
    assert not res.cached and not _staging(tmp_path)


def test_sigterm_removes_staging_at_once_and_says_so(slow_mirror, tmp_path):
    dest = tmp_path / "o"
    proc = _start_download(slow_mirror, dest)
    _wait_for_staging(tmp_path, proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM
    assert_one_line(Outcome(proc.returncode, "", err), "download", "terminated")
    assert not _staging(tmp_path) and not dest.exists()
