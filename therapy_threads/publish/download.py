"""Download a release from a local registry, an HTTP(S) mirror or the Hugging Face Hub.

Every file listed in the release's manifest is checked (size and SHA-256) before the download is
moved into place. The local copy is keyed on the version AND the manifest's SHA-256: fetching the
same version again is a no-op while the manifest is unchanged, and a changed manifest (a re-cut
mirror, a moved tag) replaces the stale copy instead of being silently ignored — unlike the
`datasets` cache (datasets#6484, #7928).

Sources::

    data/releases             a local registry (folders vX.Y.Z/ + index.json)
    path/to/v1.0.0            one release folder (anything with a manifest.json)
    https://host/path         a registry served over HTTP: <url>/vX.Y.Z/manifest.json, ...
    https://host/path/v1.0.0/ one release of such a registry (also .../v1.0.0/manifest.json)
    hf://owner/name           a Hub dataset repo; release = tag vX.Y.Z

A source that is one release (a release folder or URL) serves only that version; 'latest' means
that version.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx

from ..errors import UserError
from .fsutil import CHUNK, atomic_directory, safe_relpath, sha256_file
from .hub_failures import hub_errors
from .manifest import MANIFEST
from .registry import Registry
from .versioning import Version

STAMP = ".therapy-threads-download.json"
HTTP_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
HTTP_RETRIES = 4


class ChecksumError(UserError):
    """A downloaded file does not match the manifest: corrupt or tampered with."""


@dataclass
class DownloadResult:
    version: str
    path: Path
    manifest_sha256: str
    source: str
    cached: bool
    files: int
    bytes: int


def cache_root() -> Path:
    """``$THERAPY_THREADS_CACHE``, else ``$XDG_CACHE_HOME/therapy-threads``, else ~/.cache/..."""
    if os.environ.get("THERAPY_THREADS_CACHE"):
        return Path(os.environ["THERAPY_THREADS_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "therapy-threads"


# ---------------------------------------------------------------- fetchers


class Fetcher(Protocol):
    description: str

    def latest(self) -> Version: ...
    def manifest_bytes(self, v: Version) -> bytes: ...
    def expected_manifest_sha(self, v: Version) -> str | None: ...
    def fetch_files(self, v: Version, paths: list[str], dest: Path) -> None: ...


class LocalFetcher:
    def __init__(self, root: Path):
        self.root = root
        self.description = str(root)
        self.registry = Registry(root)

    def latest(self) -> Version:
        v = self.registry.latest()
        if v is None:
            raise UserError(f"registry {self.root} has no releases; publish one first")
        return v

    def _release_dir(self, v: Version) -> Path:
        return self.root / v.tag

    def manifest_bytes(self, v: Version) -> bytes:
        p = self._release_dir(v) / MANIFEST
        if not p.is_file():
            raise UserError(f"release {v.tag} is not in {self.root}; available: "
                            f"{', '.join(x.tag for x in self.registry.versions()) or 'none'}")
        return p.read_bytes()

    def expected_manifest_sha(self, v: Version) -> str | None:
        if not self.registry.index_path.is_file():
            return None
        return _index_sha(self.registry.read_index(), v)

    def fetch_files(self, v: Version, paths: list[str], dest: Path) -> None:
        for rel in paths:
            src = self._release_dir(v) / rel
            if not src.is_file():
                raise ChecksumError(f"{src} is listed in the manifest but missing; the registry "
                                    "copy is damaged: re-publish or restore it")
            out = dest / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, out)


def _index_sha(index: dict[str, Any], v: Version) -> str | None:
    for r in index.get("releases", []):
        if r.get("version") == str(v):
            return r.get("manifest_sha256")
    return None


class HttpFetcher:
    def __init__(self, base_url: str, client: httpx.Client | None = None,
                 retries: int = HTTP_RETRIES, backoff: float = 0.5):
        self.base = base_url.rstrip("/")
        self.description = self.base
        self.client = client or httpx.Client(timeout=HTTP_TIMEOUT, follow_redirects=True,
                                             transport=httpx.HTTPTransport(retries=2))
        self.retries = retries
        self.backoff = backoff
        self._index: dict[str, Any] | None = None

    def _url(self, rel: str) -> str:
        return f"{self.base}/{rel}"

    def _with_retries(self, url: str, fn):
        last: Exception | None = None
        for attempt in range(self.retries):
            try:
                return fn()
            except httpx.HTTPStatusError as e:
                code = e.response.status_code
                if code == 404:
                    raise UserError(f"{url} not found (404); check the version and the --from "
                                    "URL") from e
                if code < 500 and code != 429:
                    raise UserError(f"{url} answered HTTP {code}; check the URL and access "
                                    "rights") from e
                last = e
            except httpx.TransportError as e:
                last = e
            if attempt + 1 < self.retries:
                time.sleep(self.backoff * (2 ** attempt))
        raise UserError(f"could not fetch {url} after {self.retries} attempts ({last}); check the "
                        "network and try again")

    def _get_bytes(self, rel: str) -> bytes:
        url = self._url(rel)

        def go():
            r = self.client.get(url)
            r.raise_for_status()
            return r.content
        return self._with_retries(url, go)

    def index(self) -> dict[str, Any] | None:
        if self._index is None:
            try:
                self._index = json.loads(self._get_bytes("index.json"))
            except UserError:
                return None
        return self._index

    def latest(self) -> Version:
        idx = self.index()
        if not idx or not idx.get("latest"):
            raise UserError(f"{self.base}/index.json lists no releases; pass an explicit version")
        return Version.parse(idx["latest"])

    def manifest_bytes(self, v: Version) -> bytes:
        return self._get_bytes(f"{v.tag}/{MANIFEST}")

    def expected_manifest_sha(self, v: Version) -> str | None:
        idx = self.index()
        return _index_sha(idx, v) if idx else None

    def fetch_files(self, v: Version, paths: list[str], dest: Path,
                    sizes: dict[str, int] | None = None) -> None:
        for rel in paths:
            url = self._url(f"{v.tag}/{rel}")
            out = dest / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            limit = (sizes or {}).get(rel)

            def go(url=url, out=out, limit=limit, rel=rel):
                got = 0
                with self.client.stream("GET", url) as r:
                    r.raise_for_status()
                    with open(out, "wb") as f:
                        for chunk in r.iter_bytes(CHUNK):
                            got += len(chunk)
                            if limit is not None and got > limit:
                                # stop a server that sends more than the manifest promises
                                raise ChecksumError(f"{rel}: the server sent more than the "
                                                    f"{limit} bytes in the manifest; the mirror "
                                                    "is broken or was tampered with")
                            f.write(chunk)
            self._with_retries(url, go)


class HubFetcher:
    def __init__(self, repo_id: str, api: Any = None):
        self.repo_id = repo_id
        self.description = f"hf://{repo_id}"
        if api is None:
            try:
                from huggingface_hub import HfApi
            except ModuleNotFoundError:
                raise UserError("hf:// sources need the Hugging Face extra: pip install "
                                "'therapy-threads[hf]'") from None

            api = HfApi(token=os.environ.get("HF_TOKEN"))
        self.api = api

    def latest(self) -> Version:
        with hub_errors(self.repo_id, "download"):
            refs = self.api.list_repo_refs(self.repo_id, repo_type="dataset")
        versions = []
        for t in getattr(refs, "tags", []) or []:
            try:
                versions.append(Version.parse(t.name))
            except UserError:
                continue
        if not versions:
            raise UserError(f"hf://{self.repo_id} has no vX.Y.Z tags; pass an explicit version")
        return max(versions)

    def manifest_bytes(self, v: Version) -> bytes:
        with hub_errors(self.repo_id, "download"):
            path = self.api.hf_hub_download(repo_id=self.repo_id, filename=MANIFEST,
                                            repo_type="dataset", revision=v.tag)
        return Path(path).read_bytes()

    def expected_manifest_sha(self, v: Version) -> str | None:
        return None

    def fetch_files(self, v: Version, paths: list[str], dest: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="therapy-threads-hub-", dir=dest.parent) as tmp:
            with hub_errors(self.repo_id, "download"):
                self.api.snapshot_download(repo_id=self.repo_id, repo_type="dataset",
                                           revision=v.tag, local_dir=tmp,
                                           allow_patterns=paths)
            for rel in paths:
                src = Path(tmp) / rel
                if not src.is_file():
                    raise ChecksumError(f"hf://{self.repo_id}@{v.tag} lacks {rel} listed in its "
                                        "manifest; the upload is incomplete: re-publish it")
                out = dest / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(src), out)


class ReleaseFolderFetcher(LocalFetcher):
    """One release folder (a registry's vX.Y.Z/ or a copy made with ``download --to``)."""

    def __init__(self, folder: Path):
        super().__init__(folder)
        try:
            self.pinned = Version.parse(json.loads((folder / MANIFEST).read_bytes())["version"])
        except (OSError, ValueError, KeyError, TypeError, UserError) as e:
            raise UserError(f"{folder / MANIFEST} is not a release manifest ({e})") from e

    def _release_dir(self, v: Version) -> Path:
        _check_pinned(self, v)
        return self.root

    def latest(self) -> Version:
        return self.pinned

    def expected_manifest_sha(self, v: Version) -> str | None:
        return None


class HttpReleaseFetcher(HttpFetcher):
    """The URL of one release of an HTTP registry (``<registry>/vX.Y.Z/``)."""

    def __init__(self, registry_url: str, version: Version, client: httpx.Client | None = None):
        super().__init__(registry_url, client)
        self.pinned = version
        self.description = f"{self.base}/{version.tag}"

    def latest(self) -> Version:
        return self.pinned

    def manifest_bytes(self, v: Version) -> bytes:
        _check_pinned(self, v)
        return super().manifest_bytes(v)

    def expected_manifest_sha(self, v: Version) -> str | None:
        try:  # the registry's index, when the release sits in one
            return super().expected_manifest_sha(v)
        except (ValueError, TypeError, AttributeError):
            return None


def _check_pinned(fetcher: Any, v: Version) -> None:
    if v != fetcher.pinned:
        raise UserError(f"{fetcher.description} is release {fetcher.pinned.tag}, not {v.tag}; ask "
                        f"for {fetcher.pinned} or 'latest', or give the registry it belongs to")


def split_release_url(url: str) -> tuple[str, Version | None]:
    """(registry URL, version) for the URL of one release (``.../v1.0.0/`` or its
    ``manifest.json``); (url, None) for anything else."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.split("/") if s]
    if segs and segs[-1] == MANIFEST:
        segs = segs[:-1]
    if segs:
        try:
            v = Version.parse(segs[-1])
        except UserError:
            return url, None
        if segs[-1].startswith("v"):
            base = urlunsplit(parts._replace(path="/" + "/".join(segs[:-1]), query="",
                                             fragment=""))
            return base.rstrip("/"), v
    return url, None


def fetcher_for(source: str | Path, *, client: httpx.Client | None = None,
                hub_api: Any = None) -> Fetcher:
    """The fetcher for a registry folder, a release folder, a registry or release URL, or
    hf://OWNER/NAME."""
    s = str(source)
    if s.startswith("hf://"):
        repo = s[len("hf://"):].strip("/")
        if repo.count("/") != 1:
            raise UserError(f"{s!r}: write a Hub dataset as hf://OWNER/NAME")
        return HubFetcher(repo, hub_api)
    if s.startswith(("http://", "https://")):
        base, pinned = split_release_url(s)
        return HttpReleaseFetcher(base, pinned, client) if pinned else HttpFetcher(s, client)
    p = Path(s).expanduser()
    if (p / MANIFEST).is_file():
        return ReleaseFolderFetcher(p)
    if not p.is_dir():
        raise UserError(f"{s} is neither a registry folder, a release folder, an http(s) URL nor "
                        "hf://OWNER/NAME")
    return LocalFetcher(p)


# ---------------------------------------------------------------- verification


def verify_files(root: Path, manifest: dict[str, Any], *, full: bool = True) -> None:
    """Check every manifest file under ``root``: present, right size, right SHA-256 (if full)."""
    for f in manifest.get("files", []):
        rel = safe_relpath(f["path"])
        p = root / rel
        if not p.is_file():
            raise ChecksumError(f"{rel} is missing from the download of v{manifest.get('version')}")
        size = p.stat().st_size
        if size != f["bytes"]:
            raise ChecksumError(f"{rel}: {size} bytes, the manifest says {f['bytes']}; the copy "
                                "is truncated or was tampered with — do not use it, download "
                                "again or report the mirror")
        if full:
            got = sha256_file(p)
            if got != f["sha256"]:
                raise ChecksumError(f"{rel}: SHA-256 {got} does not match the manifest "
                                    f"({f['sha256']}); the file is corrupt or was tampered with — "
                                    "do not use it, download again or report the mirror")


def _cache_valid(dest: Path, msha: str, manifest: dict[str, Any], full: bool) -> bool:
    stamp = dest / STAMP
    if not stamp.is_file() or not (dest / MANIFEST).is_file():
        return False
    try:
        meta = json.loads(stamp.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return False
    if meta.get("manifest_sha256") != msha or sha256_file(dest / MANIFEST) != msha:
        return False
    try:
        verify_files(dest, manifest, full=full)
    except ChecksumError:
        return False
    return True


def resolve_version(version: str | Version | None, fetcher: Fetcher) -> Version:
    if isinstance(version, Version):
        return version
    if version in (None, "", "latest"):
        return fetcher.latest()
    return Version.parse(str(version))


def download(version: str | Version | None, source: str | Path, to: Path | str | None = None, *,
             client: httpx.Client | None = None, hub_api: Any = None,
             verify_cache: bool = False) -> DownloadResult:
    """Fetch release ``version`` ('latest' or None: the newest) from ``source`` into ``to``.

    ``to`` defaults to ``cache_root()/vX.Y.Z``. Raises ChecksumError if any file differs from the
    manifest (the destination is then left as it was).
    """
    fetcher = fetcher_for(source, client=client, hub_api=hub_api)
    v = resolve_version(version, fetcher)
    dest = Path(to).expanduser() if to else cache_root() / v.tag

    mbytes = fetcher.manifest_bytes(v)
    msha = hashlib.sha256(mbytes).hexdigest()
    expected = fetcher.expected_manifest_sha(v)
    if expected and expected != msha:
        raise ChecksumError(f"the manifest of {v.tag} at {fetcher.description} has SHA-256 {msha} "
                            f"but the registry index lists {expected}; the mirror is inconsistent "
                            "or was tampered with")
    try:
        manifest = json.loads(mbytes)
    except json.JSONDecodeError as e:
        raise ChecksumError(f"the manifest of {v.tag} at {fetcher.description} is not JSON "
                            f"({e})") from e
    if manifest.get("version") != str(v):
        raise ChecksumError(f"{fetcher.description} served the manifest of version "
                            f"{manifest.get('version')!r} for {v.tag}")
    paths = [safe_relpath(f["path"]) for f in manifest.get("files", [])]
    total = sum(int(f["bytes"]) for f in manifest.get("files", [])) + len(mbytes)

    if _cache_valid(dest, msha, manifest, full=verify_cache):
        return DownloadResult(str(v), dest, msha, fetcher.description, True, len(paths) + 1, total)
    if dest.exists() and any(dest.iterdir()) and not (dest / STAMP).is_file():
        raise UserError(f"{dest} exists and is not a therapy-threads download; choose a new or "
                        "empty folder with --to")

    with atomic_directory(dest, replace=True) as staging:
        if isinstance(fetcher, HttpFetcher):
            fetcher.fetch_files(v, paths, staging,
                                sizes={f["path"]: int(f["bytes"]) for f in manifest["files"]})
        else:
            fetcher.fetch_files(v, paths, staging)
        (staging / MANIFEST).write_bytes(mbytes)
        verify_files(staging, manifest, full=True)
        (staging / STAMP).write_text(json.dumps({
            "version": str(v), "manifest_sha256": msha, "source": fetcher.description,
        }, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return DownloadResult(str(v), dest, msha, fetcher.description, False, len(paths) + 1, total)
