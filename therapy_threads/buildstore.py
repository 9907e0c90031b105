"""The build folder (``--out``): one writer at a time, an all-or-nothing switch, relocatable.

Layout (every path recorded anywhere is relative to the build folder, so a build folder can be
moved or copied and re-run there)::

    data/build/                  the current build: tables, build_report.json, validation/, private/
      .cache/fragments/<key>/    one folder per (source content, code, settings): the only cache
    data/.build.lock             held while a build writes data/build (a second build is refused)
    data/.build.next-<id>/       the next build while it is written (removed if it never completes)

A build writes its tables, report and verdicts into ``.build.next-<id>``, moves the fragment
cache across and then exchanges the two folders in one ``renameat2(RENAME_EXCHANGE)`` call
(Linux; elsewhere two renames with a window in which ``data/build`` is briefly absent, never
mixed). A kill at any point leaves either the old build or the new one, complete; leftovers are
tidied by the next build under the lock.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import shutil
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError

CACHE_DIR = ".cache"
FRAGMENTS = f"{CACHE_DIR}/fragments"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _siblings(out: Path, kind: str) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.{kind}-*"))


class BuildLock:
    """An exclusive, non-blocking ``flock`` on ``.<out>.lock`` beside the build folder.

    Held for the whole build; released by the kernel when the process dies, so a killed build
    never leaves a stale lock behind. The holder's pid is written into the file for the message.
    """

    def __init__(self, out: Path):
        self.out = Path(out)
        self.path = self.out.parent / f".{self.out.name}.lock"
        self._fd: int | None = None

    def acquire(self) -> "BuildLock":
        self.out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            holder = ""
            try:
                holder = os.pread(fd, 64, 0).decode().strip()
            except OSError:
                pass
            os.close(fd)
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise UserError(
                    f"another build is writing {self.out}" + (f" (pid {holder})" if holder else "")
                    + "; wait for it to finish or pass a different --out") from None
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
            except OSError:
                pass
            os.close(self._fd)  # closing drops the flock
            self._fd = None

    def __enter__(self) -> "BuildLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


@dataclass
class BuildStore:
    """Paths of one build folder. Use :meth:`open` under a :class:`BuildLock`."""

    out: Path

    @property
    def fragments(self) -> Path:
        return self.out / FRAGMENTS

    def fragment(self, key: str) -> Path:
        return self.fragments / key

    @classmethod
    def open(cls, out: Path) -> "BuildStore":
        """Recover from an interrupted build (caller holds the lock) and return the store."""
        store = cls(Path(out))
        store.recover()
        store.fragments.mkdir(parents=True, exist_ok=True)
        return store

    def recover(self) -> list[str]:
        """Tidy what a killed build left: restore a build that was moved aside, bring the
        fragment cache back, delete half-written next builds. Returns what was done."""
        done: list[str] = []
        out = self.out
        olds = _siblings(out, "old")
        if not out.exists() and olds:
            os.rename(olds[-1], out)  # killed between the two renames of the fallback switch
            done.append(f"restored {out} from {olds[-1].name}")
            olds = olds[:-1]
        for nxt in _siblings(out, "next"):
            cache = nxt / CACHE_DIR
            if cache.is_dir() and not (out / CACHE_DIR).exists():
                out.mkdir(parents=True, exist_ok=True)
                os.rename(cache, out / CACHE_DIR)
                done.append(f"moved the fragment cache back from {nxt.name}")
            shutil.rmtree(nxt, ignore_errors=True)
            done.append(f"removed the unfinished build {nxt.name}")
        for old in olds:
            shutil.rmtree(old, ignore_errors=True)
        return done

    def new_staging(self) -> Path:
        """A fresh, empty folder beside ``out`` for the next build."""
        d = self.out.parent / f".{self.out.name}.next-{uuid.uuid4().hex[:12]}"
        d.mkdir(parents=True)
        return d

    def switch(self, staging: Path) -> None:
        """Make ``staging`` the build folder, carrying the fragment cache over, atomically."""
        cache = self.out / CACHE_DIR
        if cache.is_dir():
            os.rename(cache, staging / CACHE_DIR)
        if not self.out.exists():
            os.rename(staging, self.out)
            return
        if _exchange(staging, self.out):
            shutil.rmtree(staging, ignore_errors=True)  # now holds the previous build
            return
        old = self.out.parent / f".{self.out.name}.old-{uuid.uuid4().hex[:12]}"
        os.rename(self.out, old)
        os.rename(staging, self.out)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self, staging: Path) -> None:
        """Drop an unfinished next build, keeping any fragment cache it was given."""
        cache = staging / CACHE_DIR
        if cache.is_dir() and not (self.out / CACHE_DIR).exists():
            self.out.mkdir(parents=True, exist_ok=True)
            os.rename(cache, self.out / CACHE_DIR)
        shutil.rmtree(staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # file system or kernel without RENAME_EXCHANGE: use the fallback
    raise OSError(err, f"could not switch {b} to the new build: {os.strerror(err)}")


def write_json_atomic(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


__all__ = ["BuildLock", "BuildStore", "FRAGMENTS", "write_json_atomic"]
