"""The local release registry: one folder per version plus an ``index.json``.

::

    data/releases/
      index.json          {"name", "latest", "releases": [{version, tag, path, date,
                                                           schema_version, counts, manifest_sha256}]}
      v1.0.0/             a complete release (README.md, manifest.json, data/...)
      .lock               held while publishing

The index is rebuilt from the release folders' manifests on every write, so a crash between the
folder rename and the index update heals at the next publish.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import UserError
from .fsutil import canonical_json, remove_stale_staging, sha256_file, write_bytes_atomic
from .versioning import Version

DATASET_NAME = "therapy-threads"
DEFAULT_REGISTRY = Path("data/releases")


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
        if self.root.is_dir():
            for p in self.root.iterdir():
                if p.is_dir() and p.name.startswith("v") and (p / "manifest.json").is_file():
                    try:
                        found.append(Version.parse(p.name))
                    except UserError:
                        continue
        return sorted(found)

    def read_index(self) -> dict[str, Any]:
        if self.index_path.is_file():
            try:
                return json.loads(self.index_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                raise UserError(f"{self.index_path} is damaged ({e}); delete it and it will be "
                                "rebuilt from the release folders at the next publish") from e
        return self.build_index()

    def versions(self) -> list[Version]:
        return sorted(Version.parse(r["version"]) for r in self.read_index()["releases"])

    def has(self, version: Version) -> bool:
        return self.release_dir(version).exists()

    def latest(self) -> Version | None:
        vs = self.versions()
        return vs[-1] if vs else None

    def previous(self, version: Version) -> Version | None:
        """The newest release older than ``version`` (what a changelog compares against)."""
        older = [v for v in self._scan() if v < version]
        return older[-1] if older else None

    def manifest(self, version: Version) -> dict[str, Any]:
        path = self.release_dir(version) / "manifest.json"
        if not path.is_file():
            raise UserError(f"release {version.tag} is not in registry {self.root}; available: "
                            f"{', '.join(v.tag for v in self.versions()) or 'none'}")
        return json.loads(path.read_text(encoding="utf-8"))

    def build_index(self) -> dict[str, Any]:
        releases = []
        for v in self._scan():
            mpath = self.release_dir(v) / "manifest.json"
            m = json.loads(mpath.read_text(encoding="utf-8"))
            releases.append({
                "version": str(v),
                "tag": v.tag,
                "path": f"{v.tag}/",
                "date": m.get("built_at"),
                "schema_version": m.get("schema_version"),
                "counts": {t: info["rows"] for t, info in sorted(m.get("tables", {}).items())},
                "manifest_sha256": sha256_file(mpath),
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
        with open(self.root / ".lock", "a+") as f:
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
