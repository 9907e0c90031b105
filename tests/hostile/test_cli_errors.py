"""The command-line edge: every kind of failure becomes one line that says what to do, with a
non-zero exit; --verbose (before or after the command) adds the traceback."""
from __future__ import annotations

import errno

import httpx
import pytest

from conftest import assert_one_line, run_cli
from therapy_threads.errors import (EXIT_ENVIRONMENT, EXIT_INTERNAL, EXIT_USER, RefusedPath,
                                    UserError, describe)


@pytest.mark.parametrize("code,needle", [
    (errno.ENOSPC, "no space left on device"),
    (errno.EROFS, "read-only file system"),
    (errno.EACCES, "permission denied"),
    (errno.EDQUOT, "quota"),
    (errno.EFBIG, "file too large"),
    (errno.ELOOP, "symbolic link"),
    (errno.EMFILE, "too many open files"),
    (errno.EIO, "input/output error"),
])
def test_os_errors_by_errno(code, needle):
    line, status = describe(OSError(code, "x", "/data/out/file"))
    assert needle in line and "/data/out/file" in line and status == EXIT_ENVIRONMENT
    assert ";" in line  # what happened; what to do


def test_pyarrow_style_errors_carry_errno_in_the_text_only():
    e = OSError("Error writing bytes to file. Detail: [errno 28] No space left on device")
    line, _ = describe(e, near="data/build")
    assert line.startswith("no space left on device (writing under data/build)")


def test_network_user_and_internal_errors():
    req = httpx.Request("GET", "http://127.0.0.1:1/x")
    line, status = describe(httpx.ConnectError("refused", request=req))
    assert "network error (http://127.0.0.1:1/x)" in line and status == EXIT_ENVIRONMENT
    assert describe(RefusedPath("nope; do that"))[1] == EXIT_USER
    line, status = describe(KeyError("colour"))
    assert "internal error (KeyError" in line and "--verbose" in line and status == EXIT_INTERNAL
    line, _ = describe(MemoryError())
    assert "ran out of memory" in line


def test_messages_stay_one_line_even_when_they_echo_hostile_text():
    line, _ = describe(UserError("bad value " + "x\n" * 5000))
    assert "\n" not in line and len(line) <= 2000


def test_an_internal_error_is_one_line_and_verbose_shows_it(monkeypatch, capsys, tmp_path):
    from therapy_threads.commands import key as key_cmd

    def boom(args):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr(key_cmd, "run", boom)
    out = run_cli(["key"], capsys)
    assert out.status == EXIT_INTERNAL
    assert_one_line(out, "key", "internal error", "--verbose")
    out = run_cli(["--verbose", "key"], capsys)
    assert "Traceback" in out.stderr and "ZeroDivisionError" in out.stderr


@pytest.mark.parametrize("argv", [["--verbose", "download"], ["download", "--verbose"],
                                  ["download", "-v"]])
def test_verbose_is_global(tmp_path, capsys, argv):
    out = run_cli(argv + ["1.0.0", "--from", str(tmp_path / "none")], capsys)
    assert out.status == EXIT_USER and "Traceback" in out.stderr


def test_a_directory_given_as_a_file_is_one_line(tmp_path, capsys):
    out = run_cli(["inspect", str(tmp_path)], capsys)
    assert_one_line(out, "inspect", "no such file")


def test_an_unreadable_build_is_one_line(tmp_path, capsys):
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "posts.parquet").write_bytes(b"not parquet")
    out = run_cli(["publish", "1.0.0", "--build", str(tmp_path / "build"), "--registry",
                   str(tmp_path / "reg"), "--no-data-card"], capsys)
    assert_one_line(out, "publish", "incomplete")


def test_prefect_server_start_timeout_is_the_environment_not_a_bug():
    line, status = describe(RuntimeError("Timed out while attempting to connect to ephemeral "
                                         "Prefect API server. stdout: ..."))
    assert status == EXIT_ENVIRONMENT and "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in line


def test_a_damaged_archive_index_cannot_point_outside(tmp_path):
    from therapy_threads.fetch.warc_store import IndexEntry, WarcArchive

    arch = WarcArchive(tmp_path / "raw", "s")
    bad = IndexEntry(url="http://x/", final_url="http://x/", status=200, fetched_at="", offset=0,
                     file="../../etc/passwd", length=1, sha256="")
    with pytest.raises(RefusedPath, match="damaged"):
        arch.load(bad)
