"""File-system helpers shared by publish and download: hashing, canonical JSON, atomic writes.

A release or a download is assembled in a hidden sibling directory and renamed into place only
once every file is written and fsynced, so a crash never leaves a half release that looks whole.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    """Replace ``path`` with ``data`` in one step (temp file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}{STAGING_MARK}{uuid.uuid4().hex[:8]}")
    try:
        with open(tmp, "wb") as f:
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

    On any exception (including KeyboardInterrupt) the staging directory is removed and
    ``final`` is untouched. With ``replace=False`` an existing ``final`` is an error (checked
    again right before the rename); with ``replace=True`` the old directory is swapped out.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_dir_for(final)
    staging.mkdir()
    try:
        yield staging
        fsync_tree(staging)
        if final.exists():
            if not replace:
                raise FileExistsError(f"{final} appeared while it was being written")
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


def remove_stale_staging(parent: Path) -> list[Path]:
    """Delete staging leftovers of interrupted runs (call only while holding the registry lock)."""
    removed = []
    if parent.is_dir():
        for p in parent.iterdir():
            if p.name.startswith(".") and STAGING_MARK in p.name:
                if p.is_dir():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
                removed.append(p)
    return removed


def safe_relpath(rel: str) -> str:
    """Reject manifest paths that could escape the release folder ('..', absolute, backslashes)."""
    p = Path(rel)
    if not rel or p.is_absolute() or "\\" in rel or any(part in ("..", ".", "") for part in rel.split("/")):
        raise ValueError(f"unsafe path in manifest: {rel!r}")
    return rel
