"""The local release registry: one folder per version plus an ``index.json``.

::

    data/releases/
      index.json          {"name", "latest", "releases": [{version, tag, path, date,
                                                           schema_version, counts, manifest_sha256}]}
      v1.0.0/             a complete release (README.md, manifest.json, data/...)
      .lock               held while publishing

The index is rebuilt from the release folders' manifests on every write, so a crash between the
folder rename and the index update heals at the next publish.

Everything inside the registry is read without following links (:mod:`therapy_threads.confine`):
a version folder, ``index.json``, a manifest, a previous release's file or ``.lock`` that is a
symbolic link is refused with one line, never followed out of the registry.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import RefusedPath, UserError
from .fsutil import (canonical_json, read_json_confined, remove_stale_staging, sha256_confined,
                     write_bytes_atomic)
from .manifest import MANIFEST, check_index, check_release_manifest
from .versioning import Version

DATASET_NAME = "therapy-threads"
DEFAULT_REGISTRY = Path("data/releases")
MAX_JSON_BYTES = 64 * 1024 * 1024  # a manifest or index larger than this is not ours
DAMAGED = ("the registry copy is damaged: restore the release from a download or publish a new "
           "version")


class Registry:
    def __init__(self, root: Path | str = DEFAULT_REGISTRY):
        self.root = Path(root)

    @property
    def index_path(self) -> Path:
        return self.root / "index.json"

    def release_dir(self, version: Version) -> Path:
        return self.root / version.tag

    def _scan(self) -> list[Version]:
        found = []
        if not self.root.is_dir():
            return found
        for p in self.root.iterdir():
            if not p.name.startswith("v"):
                continue
            try:
                v = Version.parse(p.name)
            except UserError:
                continue
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                raise RefusedPath(f"{p} is a symbolic link{' (dangling)' if not p.exists() else ''}"
                                  "; a registry holds only real release folders: remove the link "
                                  "(or move the release it points to into the registry)")
            if stat.S_ISDIR(st.st_mode) and (p / MANIFEST).is_file():
                found.append(v)
        return sorted(found)

    def read_index(self) -> dict[str, Any]:
        try:
            st = os.lstat(self.index_path)
        except FileNotFoundError:
            return self.build_index()
        if stat.S_ISLNK(st.st_mode):
            raise RefusedPath(f"{self.index_path} is a symbolic link; delete it and it will be "
                              "rebuilt from the release folders at the next publish")
        doc = read_json_confined(self.root, "index.json", max_bytes=MAX_JSON_BYTES,
                                 what="registry index")
        return check_index(doc, str(self.index_path), "delete it and it will be rebuilt from "
                           "the release folders at the next publish")

    def versions(self) -> list[Version]:
        return sorted(Version.parse(r["version"]) for r in self.read_index().get("releases", []))

    def has(self, version: Version) -> bool:
        self._scan()  # a link among the versions is refused before anything is decided
        return os.path.lexists(self.release_dir(version))

    def latest(self) -> Version | None:
        vs = self.versions()
        return vs[-1] if vs else None

    def previous(self, version: Version) -> Version | None:
        """The newest release older than ``version`` (what a changelog compares against)."""
        older = [v for v in self._scan() if v < version]
        return older[-1] if older else None

    def manifest(self, version: Version) -> dict[str, Any]:
        """The manifest of ``version``, read without links and checked for shape."""
        rel = f"{version.tag}/{MANIFEST}"
        try:
            doc = read_json_confined(self.root, rel, max_bytes=MAX_JSON_BYTES,
                                     what="release manifest")
        except FileNotFoundError:
            raise UserError(f"release {version.tag} is not in registry {self.root}; available: "
                            f"{', '.join(v.tag for v in self._scan()) or 'none'}") from None
        return check_release_manifest(doc, str(self.root / rel), DAMAGED, tables=True)

    def manifest_sha256(self, version: Version) -> str:
        return sha256_confined(self.root, f"{version.tag}/{MANIFEST}")[1]

    def build_index(self) -> dict[str, Any]:
        releases = []
        for v in self._scan():
            m = self.manifest(v)
            releases.append({
                "version": str(v),
                "tag": v.tag,
                "path": f"{v.tag}/",
                "date": m.get("built_at"),
                "schema_version": m.get("schema_version"),
                "counts": {t: info["rows"] for t, info in sorted(m["tables"].items())
                           if isinstance(info, dict) and "rows" in info},
                "manifest_sha256": self.manifest_sha256(v),
            })
        return {"name": DATASET_NAME, "latest": releases[-1]["version"] if releases else None,
                "releases": releases}

    def write_index(self) -> dict[str, Any]:
        index = self.build_index()
        write_bytes_atomic(self.index_path, canonical_json(index))
        return index

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive lock for publishing; also clears staging left by interrupted publishes."""
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise RefusedPath(f"{self.root / '.lock'} is a symbolic link; a lock file must be "
                                  "a plain file in the registry: remove the link") from None
            raise
        with os.fdopen(fd, "a+") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as e:
                raise UserError(f"another publish is writing to {self.root}; wait for it to "
                                "finish and try again") from e
            try:
                remove_stale_staging(self.root)
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)
