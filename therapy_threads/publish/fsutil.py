"""File-system helpers shared by publish and download: hashing, canonical JSON, atomic writes.

A release or a download is assembled in a hidden sibling directory and renamed into place only
once every file is written and fsynced, so a crash never leaves a half release that looks whole.
The staging directory is locked (``flock``) while it is in use, so leftovers of a killed run
(``kill -9`` cannot be caught) are recognised and removed by the next run, and a run in progress
is never disturbed. Reading inside a registry or a release goes through
:mod:`therapy_threads.confine`: no ``..``, no links.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .. import confine
from ..confine import open_regular, read_regular, walk_files  # noqa: F401  (re-exported)
from ..errors import RefusedPath
from ..ids import sha256_file  # noqa: F401  (re-exported: the release code hashes files here)

CHUNK = 1 << 20
STAGING_MARK = ".staging-"


def canonical_json(obj: Any) -> bytes:
    """JSON with sorted keys and a fixed layout, so equal content gives equal bytes."""
    return (json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems refuse fsync on directories
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_tree(root: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            fsync_file(Path(dirpath) / name)
        fsync_dir(Path(dirpath))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (temp file, fsync, rename).

    The rename replaces a link at ``path`` itself, never the file it points to.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}{STAGING_MARK}{uuid.uuid4().hex[:8]}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def staging_dir_for(final: Path) -> Path:
    return final.with_name(f".{final.name}{STAGING_MARK}{uuid.uuid4().hex[:8]}")


@contextlib.contextmanager
def atomic_directory(final: Path, *, replace: bool = False) -> Iterator[Path]:
    """Yield an empty staging directory next to ``final``; on success rename it to ``final``.

    On any exception (including KeyboardInterrupt and SIGTERM through the CLI) the staging
    directory is removed and ``final`` is untouched. With ``replace=False`` an existing
    ``final`` is an error (checked again right before the rename); with ``replace=True`` the old
    directory is swapped out. Stale staging of ``final`` left by a killed run is removed first.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    sweep_staging(final)
    staging = staging_dir_for(final)
    staging.mkdir()
    lock_fd = _lock_dir(staging)
    try:
        yield staging
        fsync_tree(staging)
        if final.is_symlink():
            raise RefusedPath(f"{final} is a symbolic link; give the real folder")
        if final.exists():
            if not replace:
                raise FileExistsError(errno.EEXIST, "appeared while it was being written",
                                      str(final))
            old = staging_dir_for(final)
            os.rename(final, old)
            os.rename(staging, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(staging, final)
        fsync_dir(final.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        os.close(lock_fd)


def _lock_dir(path: Path) -> int:
    """An exclusive ``flock`` on a directory, held by the returned descriptor until closed."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def sweep_staging(final: Path) -> list[Path]:
    """Remove staging directories of ``final`` whose run is gone (their lock is free)."""
    removed = []
    prefix = f".{final.name}{STAGING_MARK}"
    if not final.parent.is_dir():
        return removed
    for p in final.parent.iterdir():
        if not p.name.startswith(prefix):
            continue
        if p.is_symlink() or not p.is_dir():
            p.unlink(missing_ok=True)
            removed.append(p)
            continue
        try:
            fd = os.open(p, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a run in progress
        finally:
            os.close(fd)
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


def remove_stale_staging(parent: Path) -> list[Path]:
    """Delete staging leftovers of interrupted runs (call only while holding the registry lock)."""
    removed = []
    if parent.is_dir():
        for p in parent.iterdir():
            if p.name.startswith(".") and STAGING_MARK in p.name:
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
                removed.append(p)
    return removed


def safe_relpath(rel: object) -> str:
    """Reject manifest paths that could escape the release folder ('..', absolute, backslashes)."""
    return confine.safe_relpath(rel, what="path in manifest")


def create_file(root: Path, rel: str) -> BinaryIO:
    """A new file ``root/rel`` for writing, its folders created, no link followed anywhere."""
    rel = confine.safe_relpath(rel, what="path")
    parts = rel.split("/")
    with confine._dir_fd(root, parts[:-1], create=True) as dfd:
        try:
            fd = os.open(parts[-1], os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644,
                         dir_fd=dfd)
        except FileExistsError:
            raise RefusedPath(f"{root / rel} is listed twice or already exists; refused") from None
    return os.fdopen(fd, "wb")


def sha256_confined(root: Path, rel: str) -> tuple[int, str]:
    """(size, SHA-256) of ``root/rel`` read without following links."""
    h = hashlib.sha256()
    n = 0
    with open_regular(root, rel) as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            n += len(chunk)
    return n, h.hexdigest()


def read_json_confined(root: Path, rel: str, *, max_bytes: int, what: str) -> Any:
    """JSON from ``root/rel`` (no links, at most ``max_bytes``); RefusedPath/UserError if not."""
    from ..errors import UserError

    data = read_regular(root, rel, max_bytes=max_bytes, what=what)
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UserError(f"{root / rel} is not valid JSON ({e}); the {what} is damaged") from None
