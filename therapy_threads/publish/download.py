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

A source is data from elsewhere, so everything is bounded and confined: the manifest and index
are size-capped and type-checked before use; HTTP requests have total and idle deadlines and
follow redirects only within the registry's origin; files are read from a local registry and
written into the staging folder without following links; a file's size is capped by what the
manifest says. The staging folder is removed on any error or SIGTERM and, after a ``kill -9``,
by the next run. A download never deletes files it did not write.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx

from .. import confine
from ..errors import RefusedPath, UserError
from ..fetch import http
from ..fetch.client import USER_AGENT
from ..fetch.http import FetchError, FetchLimitExceeded, Limits, ResponseTooLarge
from .fsutil import CHUNK, atomic_directory, create_file, safe_relpath  # noqa: F401
from .fsutil import sha256_confined
from .hub_failures import hub_errors
from .manifest import MANIFEST, MalformedManifest, check_index, check_release_manifest
from .registry import Registry
from .versioning import Version

STAMP = ".therapy-threads-download.json"
HTTP_RETRIES = 4
MiB = 1024 * 1024
MAX_MANIFEST_BYTES = 16 * MiB  # a release manifest is a few KB; an index grows by ~300 B/release
MIN_RATE = 256 * 1024  # bytes/s a file download may not fall below on average (plus the timeout)
DOWNLOAD_LIMITS = Limits(request_timeout=120.0, idle_timeout=30.0, max_redirects=5)
MIRROR = ("the mirror is broken or was tampered with: do not use it; report it or download from "
          "another source")


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
    def fetch_files(self, v: Version, files: list[dict[str, Any]], dest: Path) -> None: ...


def _copy_capped(src, dest: Path, rel: str, limit: int, where: str) -> None:
    """Copy the open file ``src`` to ``dest/rel`` (created, no links), at most ``limit`` bytes."""
    got = 0
    with create_file(dest, rel) as out:
        while chunk := src.read(CHUNK):
            got += len(chunk)
            if got > limit:
                raise ChecksumError(f"{rel}: {where} holds more than the {limit:,} bytes in the "
                                    f"manifest; {MIRROR}")
            out.write(chunk)


class LocalFetcher:
    def __init__(self, root: Path, *, max_manifest_bytes: int = MAX_MANIFEST_BYTES):
        self.root = Path(os.path.realpath(root))
        self.description = str(root)
        self.registry = Registry(self.root)
        self.max_manifest_bytes = max_manifest_bytes

    def latest(self) -> Version:
        v = self.registry.latest()
        if v is None:
            raise UserError(f"registry {self.root} has no releases; publish one first")
        return v

    def _release_dir(self, v: Version) -> str:
        """The release's folder relative to ``root`` ('' when ``root`` is the release)."""
        return f"{v.tag}/"

    def manifest_bytes(self, v: Version) -> bytes:
        try:
            return confine.read_regular(self.root, f"{self._release_dir(v)}{MANIFEST}",
                                        max_bytes=self.max_manifest_bytes,
                                        what="release manifest")
        except FileNotFoundError:
            raise UserError(f"release {v.tag} is not in {self.root}; available: "
                            f"{', '.join(x.tag for x in self.registry.versions()) or 'none'}"
                            ) from None

    def expected_manifest_sha(self, v: Version) -> str | None:
        if not os.path.lexists(self.registry.index_path):
            return None
        return _index_sha(self.registry.read_index(), v)

    def fetch_files(self, v: Version, files: list[dict[str, Any]], dest: Path) -> None:
        for f in files:
            rel = f["path"]
            try:
                src = confine.open_regular(self.root, f"{self._release_dir(v)}{rel}")
            except FileNotFoundError:
                raise ChecksumError(f"{self.root / self._release_dir(v) / rel} is listed in the "
                                    "manifest but "
                                    "missing; the registry copy is damaged: re-publish or "
                                    "restore it") from None
            with src:
                _copy_capped(src, dest, rel, f["bytes"], "the registry file")


def _index_sha(index: dict[str, Any], v: Version) -> str | None:
    for r in index.get("releases", []):
        if r.get("version") == str(v):
            return r.get("manifest_sha256")
    return None


class HttpFetcher:
    def __init__(self, base_url: str, client: httpx.Client | None = None,
                 retries: int = HTTP_RETRIES, backoff: float = 0.5, *,
                 limits: Limits | None = None, max_manifest_bytes: int = MAX_MANIFEST_BYTES):
        self.base = base_url.rstrip("/")
        self.description = self.base
        self.limits = limits or DOWNLOAD_LIMITS
        self.client = client or http.new_client(self.limits, {"User-Agent": USER_AGENT})
        self.retries = max(1, retries)
        self.backoff = backoff
        self.max_manifest_bytes = max_manifest_bytes
        self._same_origin = http.same_origin(self.base + "/")
        self._index: dict[str, Any] | None = None
        self._index_read = False

    def _url(self, rel: str) -> str:
        return f"{self.base}/{rel}"

    def _get(self, rel: str, *, max_bytes: int, timeout: float | None = None,
             sink_path: tuple[Path, str] | None = None) -> bytes:
        """GET with retries on network trouble and 5xx/429; limits and refusals are final."""
        url = self._url(rel)
        last = ""
        for attempt in range(self.retries):
            out = None
            done = False
            try:
                if sink_path is not None:
                    out = create_file(*sink_path)
                body = http.get(self.client, url, limits=self.limits, max_bytes=max_bytes,
                                timeout=timeout, redirect_check=self._same_origin,
                                sink=out.write if out else None)
            except (FetchLimitExceeded, http.RedirectRefused):
                raise
            except (FetchError, httpx.HTTPError) as e:
                last = str(e)
            else:
                if body.status == 200:
                    done = True
                    return body.content
                if body.status == 404:
                    raise UserError(f"{url} not found (404); check the version and the --from "
                                    "URL")
                if body.status < 500 and body.status != 429:
                    raise UserError(f"{url} answered HTTP {body.status}; check the URL and "
                                    "access rights")
                last = f"HTTP {body.status}"
            finally:
                if out is not None:
                    out.close()
                    if not done:  # a failed attempt leaves nothing; the next starts afresh
                        (sink_path[0] / sink_path[1]).unlink(missing_ok=True)
            if attempt + 1 < self.retries:
                time.sleep(self.backoff * (2 ** attempt))
        raise UserError(f"could not fetch {url} after {self.retries} attempts ({last}); check the "
                        "network and try again")

    def _get_json(self, rel: str, what: str) -> tuple[bytes, Any]:
        try:
            data = self._get(rel, max_bytes=self.max_manifest_bytes)
        except ResponseTooLarge:
            raise UserError(f"{self._url(rel)} is larger than {self.max_manifest_bytes // MiB} MiB "
                            f"(--max-manifest-mb); a {what} is far smaller: {MIRROR}") from None
        try:
            return data, json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise MalformedManifest(f"the {what} at {self._url(rel)} is not JSON ({e}); "
                                    f"{MIRROR}") from None

    def index(self) -> dict[str, Any] | None:
        if not self._index_read:
            self._index_read = True
            try:
                _, doc = self._get_json("index.json", "registry index")
            except MalformedManifest:
                raise
            except UserError as e:
                if "not found (404)" not in str(e):
                    raise
                return None
            self._index = check_index(doc, f"{self._url('index.json')}", MIRROR)
        return self._index

    def latest(self) -> Version:
        idx = self.index()
        if not idx or not idx.get("latest"):
            raise UserError(f"{self.base}/index.json lists no releases; pass an explicit version")
        return Version.parse(idx["latest"])

    def manifest_bytes(self, v: Version) -> bytes:
        try:
            return self._get(f"{v.tag}/{MANIFEST}", max_bytes=self.max_manifest_bytes)
        except ResponseTooLarge:
            raise UserError(f"{self._url(f'{v.tag}/{MANIFEST}')} is larger than "
                            f"{self.max_manifest_bytes // MiB} MiB (--max-manifest-mb); a release "
                            f"manifest is a few KB: {MIRROR}") from None

    def expected_manifest_sha(self, v: Version) -> str | None:
        idx = self.index()
        return _index_sha(idx, v) if idx else None

    def fetch_files(self, v: Version, files: list[dict[str, Any]], dest: Path) -> None:
        for f in files:
            rel, limit = f["path"], f["bytes"]
            try:
                # a large file may take longer than one request's timeout, but not forever
                self._get(f"{v.tag}/{rel}", max_bytes=limit, sink_path=(dest, rel),
                          timeout=self.limits.request_timeout + limit / MIN_RATE)
            except ResponseTooLarge:
                raise ChecksumError(f"{rel}: the server sent more than the {limit} bytes in the "
                                    f"manifest; {MIRROR}") from None


class HubFetcher:
    def __init__(self, repo_id: str, api: Any = None, *,
                 max_manifest_bytes: int = MAX_MANIFEST_BYTES):
        self.repo_id = repo_id
        self.description = f"hf://{repo_id}"
        self.max_manifest_bytes = max_manifest_bytes
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
            path = Path(self.api.hf_hub_download(repo_id=self.repo_id, filename=MANIFEST,
                                                 repo_type="dataset", revision=v.tag))
        # The Hub cache links snapshot files to its blobs: that link is the library's own.
        path = Path(os.path.realpath(path))
        return confine.read_regular(path.parent, path.name, max_bytes=self.max_manifest_bytes,
                                    what="release manifest")

    def expected_manifest_sha(self, v: Version) -> str | None:
        return None

    def fetch_files(self, v: Version, files: list[dict[str, Any]], dest: Path) -> None:
        # Inside the staging folder, so a killed run leaves nothing beside --to.
        tmp = dest / ".hub-download"
        try:
            with hub_errors(self.repo_id, "download"):
                self.api.snapshot_download(repo_id=self.repo_id, repo_type="dataset",
                                           revision=v.tag, local_dir=str(tmp),
                                           allow_patterns=[f["path"] for f in files])
            for f in files:
                rel = f["path"]
                try:
                    src = confine.open_regular(tmp, rel)
                except FileNotFoundError:
                    raise ChecksumError(f"hf://{self.repo_id}@{v.tag} lacks {rel} listed in its "
                                        "manifest; the upload is incomplete: re-publish it") from None
                with src:
                    _copy_capped(src, dest, rel, f["bytes"], "the Hub's file")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class ReleaseFolderFetcher(LocalFetcher):
    """One release folder (a registry's vX.Y.Z/ or a copy made with ``download --to``)."""

    def __init__(self, folder: Path, *, max_manifest_bytes: int = MAX_MANIFEST_BYTES):
        super().__init__(folder, max_manifest_bytes=max_manifest_bytes)
        try:
            doc = json.loads(confine.read_regular(self.root, MANIFEST,
                                                  max_bytes=max_manifest_bytes,
                                                  what="release manifest"))
            self.pinned = Version.parse(doc["version"])
        except (OSError, ValueError, KeyError, TypeError, UserError) as e:
            raise UserError(f"{folder / MANIFEST} is not a release manifest ({e})") from e

    def _release_dir(self, v: Version) -> str:
        _check_pinned(self, v)
        return ""

    def latest(self) -> Version:
        return self.pinned

    def expected_manifest_sha(self, v: Version) -> str | None:
        return None


class HttpReleaseFetcher(HttpFetcher):
    """The URL of one release of an HTTP registry (``<registry>/vX.Y.Z/``)."""

    def __init__(self, registry_url: str, version: Version, client: httpx.Client | None = None,
                 **kw: Any):
        super().__init__(registry_url, client, **kw)
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
        except UserError:
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
                hub_api: Any = None, limits: Limits | None = None,
                max_manifest_bytes: int = MAX_MANIFEST_BYTES) -> Fetcher:
    """The fetcher for a registry folder, a release folder, a registry or release URL, or
    hf://OWNER/NAME."""
    s = str(source)
    if s.startswith("hf://"):
        repo = s[len("hf://"):].strip("/")
        if repo.count("/") != 1:
            raise UserError(f"{s!r}: write a Hub dataset as hf://OWNER/NAME")
        return HubFetcher(repo, hub_api, max_manifest_bytes=max_manifest_bytes)
    kw = {"limits": limits, "max_manifest_bytes": max_manifest_bytes}
    if s.startswith(("http://", "https://")):
        base, pinned = split_release_url(s)
        return (HttpReleaseFetcher(base, pinned, client, **kw) if pinned
                else HttpFetcher(s, client, **kw))
    p = Path(s).expanduser()
    if os.path.lexists(p / MANIFEST):
        return ReleaseFolderFetcher(p, max_manifest_bytes=max_manifest_bytes)
    if not p.is_dir():
        raise UserError(f"{s} is neither a registry folder, a release folder, an http(s) URL nor "
                        "hf://OWNER/NAME")
    return LocalFetcher(p, max_manifest_bytes=max_manifest_bytes)


# ---------------------------------------------------------------- verification


def verify_files(root: Path, manifest: dict[str, Any], *, full: bool = True) -> None:
    """Check every manifest file under ``root``: present, right size, right SHA-256 (if full).

    Files are read without following links: a link where a file should be is refused.
    """
    for f in manifest.get("files", []):
        rel = safe_relpath(f["path"])
        st = confine.lstat_in(root, rel)
        if st is None or not os.path.isfile(root / rel):
            raise ChecksumError(f"{rel} is missing from the download of v{manifest.get('version')}")
        if os.path.islink(root / rel):
            raise RefusedPath(f"{root / rel} is a symbolic link, not a downloaded file; delete "
                              "the folder and download again")
        if st.st_size != f["bytes"]:
            raise ChecksumError(f"{rel}: {st.st_size} bytes, the manifest says {f['bytes']}; the "
                                "copy is truncated or was tampered with — do not use it, "
                                "download again or report the mirror")
        if full:
            got = sha256_confined(root, rel)[1]
            if got != f["sha256"]:
                raise ChecksumError(f"{rel}: SHA-256 {got} does not match the manifest "
                                    f"({f['sha256']}); the file is corrupt or was tampered with — "
                                    "do not use it, download again or report the mirror")


def _read_stamp(dest: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads(confine.read_regular(dest, STAMP, max_bytes=MAX_MANIFEST_BYTES))
    except (OSError, UserError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def _cache_valid(dest: Path, msha: str, manifest: dict[str, Any], full: bool) -> bool:
    if not dest.is_dir() or dest.is_symlink():
        return False
    meta = _read_stamp(dest)
    if meta is None or meta.get("manifest_sha256") != msha:
        return False
    try:
        if sha256_confined(dest, MANIFEST)[1] != msha:
            return False
        verify_files(dest, manifest, full=full)
    except (OSError, UserError):
        return False
    return True


def _written_by_us(dest: Path) -> set[str]:
    """Files an earlier download put in ``dest``: the stamp's list, else its old manifest's."""
    ours = {STAMP, MANIFEST}
    meta = _read_stamp(dest) or {}
    listed = meta.get("files")
    if isinstance(listed, list) and all(isinstance(x, str) for x in listed):
        return ours | set(listed)
    try:
        old = json.loads(confine.read_regular(dest, MANIFEST, max_bytes=MAX_MANIFEST_BYTES))
        ours |= {f["path"] for f in old.get("files", []) if isinstance(f.get("path"), str)}
    except (OSError, UserError, ValueError, AttributeError, TypeError):
        pass
    return ours


def _foreign_files(dest: Path) -> list[str]:
    """Files (or links) in ``dest`` that no download of ours wrote."""
    ours = _written_by_us(dest)
    foreign = []
    for dirpath, dirnames, filenames in os.walk(dest, followlinks=False):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            rel = os.path.relpath(os.path.join(dirpath, name), dest).replace(os.sep, "/")
            if rel not in ours or os.path.islink(os.path.join(dirpath, name)):
                foreign.append(rel)
    return sorted(foreign)


def _check_space(dest: Path, needed: int) -> None:
    probe = dest
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return
    headroom = MiB + needed // 100
    if needed + headroom > free:
        raise UserError(f"the release needs {needed / MiB:,.1f} MiB (and {headroom / MiB:,.1f} MiB "
                        f"headroom) but only {free / MiB:,.1f} MiB are free on the disk of "
                        f"{probe}; free some space or choose another folder with --to")


def resolve_version(version: str | Version | None, fetcher: Fetcher) -> Version:
    if isinstance(version, Version):
        return version
    if version in (None, "", "latest"):
        return fetcher.latest()
    return Version.parse(str(version))


def download(version: str | Version | None, source: str | Path, to: Path | str | None = None, *,
             client: httpx.Client | None = None, hub_api: Any = None,
             verify_cache: bool = False, limits: Limits | None = None,
             max_manifest_bytes: int = MAX_MANIFEST_BYTES) -> DownloadResult:
    """Fetch release ``version`` ('latest' or None: the newest) from ``source`` into ``to``.

    ``to`` defaults to ``cache_root()/vX.Y.Z``. Raises ChecksumError if any file differs from the
    manifest (the destination is then left as it was), UserError for a malformed manifest, a
    refused path or redirect, a limit, or files in ``to`` that a download did not write.
    """
    fetcher = fetcher_for(source, client=client, hub_api=hub_api, limits=limits,
                          max_manifest_bytes=max_manifest_bytes)
    v = resolve_version(version, fetcher)
    dest = Path(os.path.abspath(Path(to).expanduser() if to else cache_root() / v.tag))
    if dest.is_symlink():
        raise RefusedPath(f"{dest} is a symbolic link; give the real folder with --to")
    if dest.exists() and not dest.is_dir():
        raise UserError(f"{dest} exists and is not a folder; choose another --to")

    mbytes = fetcher.manifest_bytes(v)
    msha = hashlib.sha256(mbytes).hexdigest()
    expected = fetcher.expected_manifest_sha(v)
    if expected and expected != msha:
        raise ChecksumError(f"the manifest of {v.tag} at {fetcher.description} has SHA-256 {msha} "
                            f"but the registry index lists {expected}; the mirror is inconsistent "
                            "or was tampered with")
    where = f"the manifest of {v.tag} at {fetcher.description}"
    try:
        doc = json.loads(mbytes)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ChecksumError(f"{where} is not JSON ({e}); {MIRROR}") from None
    manifest = check_release_manifest(doc, where, MIRROR)
    if manifest["version"] != str(v):
        raise ChecksumError(f"{fetcher.description} served the manifest of version "
                            f"{manifest['version'][:40]!r} for {v.tag}; {MIRROR}")
    files = manifest["files"]
    total = sum(f["bytes"] for f in files) + len(mbytes)

    if _cache_valid(dest, msha, manifest, full=verify_cache):
        return DownloadResult(str(v), dest, msha, fetcher.description, True, len(files) + 1, total)
    if dest.is_dir() and any(dest.iterdir()):
        if not os.path.lexists(dest / STAMP):
            raise UserError(f"{dest} exists and is not a therapy-threads download; choose a new or "
                            "empty folder with --to")
        foreign = _foreign_files(dest)
        if foreign:
            shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3
                                              else "")
            raise UserError(f"{dest} holds files a download did not write ({shown}); the new "
                            f"manifest of {v.tag} would replace the folder and they would be lost: "
                            "move them elsewhere, or download to another folder with --to")
    _check_space(dest, total)

    with atomic_directory(dest, replace=True) as staging:
        fetcher.fetch_files(v, files, staging)
        with create_file(staging, MANIFEST) as f:
            f.write(mbytes)
        verify_files(staging, manifest, full=True)
        with create_file(staging, STAMP) as f:
            f.write((json.dumps({
                "version": str(v), "manifest_sha256": msha, "source": fetcher.description,
                "files": sorted(x["path"] for x in files),
            }, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return DownloadResult(str(v), dest, msha, fetcher.description, False, len(files) + 1, total)
