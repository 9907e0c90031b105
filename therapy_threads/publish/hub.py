"""Upload a release folder to the Hugging Face Hub and tag it ``vX.Y.Z``.

The ``api`` argument takes any object with HfApi's methods (tests pass a recorder); by default a
real ``huggingface_hub.HfApi`` authenticated with ``HF_TOKEN``. The main branch always holds the
latest upload; every release is reachable by its tag, which users pass as ``revision``.
"""
from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from .fsutil import sha256_file
from .manifest import MANIFEST
from .versioning import Version

class HubError(UserError):
    """A Hugging Face Hub call failed; the message says why and what to do next.

    ``transient`` is True for failures a retry may cure (network, timeouts, HTTP 5xx/429), so
    orchestration can retry those and nothing else.
    """

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


def hub_error(e: BaseException, repo_id: str, doing: str) -> HubError | None:
    """One clear line for an exception of a Hub call (``doing``: "download", "upload", ...),
    or None when ``e`` is not a Hub, HTTP or network failure."""
    try:
        from huggingface_hub import errors as hf
    except ModuleNotFoundError:  # the light install without the [hf] extra
        hf = None
    where = f"hf://{repo_id}"
    page = f"https://huggingface.co/datasets/{repo_id}"
    if isinstance(e, HubError):
        return e
    if hf is not None:
        if isinstance(e, hf.OfflineModeIsEnabled):
            return HubError(f"cannot {doing} {where}: HF_HUB_OFFLINE is set; unset it, or use a "
                            "local copy (--from a release folder)")
        if isinstance(e, hf.GatedRepoError):
            return HubError(f"{where} is gated: request access on {page}, then set HF_TOKEN to "
                            "a token of the approved account")
        if isinstance(e, hf.RepositoryNotFoundError):
            return HubError(f"{where} was not found, or this token cannot see it: check the "
                            "name and set HF_TOKEN for a private or gated repository")
        if isinstance(e, hf.RevisionNotFoundError):
            return HubError(f"{where} has no such version tag; list its releases on {page} "
                            "(tags vX.Y.Z) or ask for 'latest'")
        if isinstance(e, hf.LocalEntryNotFoundError):  # hf_hub_download could not connect
            return HubError(f"could not reach the Hugging Face Hub to {doing} {where}; check "
                            "the network (and HF_ENDPOINT, a proxy) and try again",
                            transient=True)
        if isinstance(e, hf.EntryNotFoundError):
            return HubError(f"{where} lacks a file a therapy-threads release has ({e}); it is "
                            "not a complete release: re-publish it")
        if isinstance(e, hf.HfHubHTTPError):
            code = getattr(getattr(e, "response", None), "status_code", None)
            if code in (401, 403):
                return HubError(f"the Hub refused to {doing} {where} (HTTP {code}): set HF_TOKEN "
                                "to a token with access (write access to upload)")
            return HubError(f"the Hub answered HTTP {code} when trying to {doing} {where}; try "
                            "again later", transient=code is None or code >= 500 or code == 429)
    if isinstance(e, (ConnectionError, TimeoutError)) or _transport_error(e):
        return HubError(f"could not reach the Hugging Face Hub to {doing} {where} "
                        f"({type(e).__name__}: {e}); check the network and try again",
                        transient=True)
    return None


def _transport_error(e: BaseException) -> bool:
    """A connection, timeout or protocol failure of the HTTP client huggingface_hub uses
    (httpx; huggingface_hub 2.x ships it as httpx2)."""
    import importlib

    for name in ("httpx", "httpx2"):
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        if isinstance(e, mod.TransportError):
            return True
    return False


@contextlib.contextmanager
def hub_errors(repo_id: str, doing: str) -> Iterator[None]:
    """Turn a failed Hub call into a HubError with one clear line."""
    try:
        yield
    except Exception as e:
        err = hub_error(e, repo_id, doing)
        if err is None or err is e:
            raise
        raise err from e


# Files of an older release that the new upload does not contain are deleted from main, so the
# `data/<table>-*.parquet` globs of the card never mix shards of two releases.
DELETE_PATTERNS = ["data/*", "plots/*"]


@dataclass
class UploadPlan:
    repo_id: str
    tag: str
    files: list[dict[str, Any]]  # path, bytes, sha256
    private: bool = True

    @property
    def total_bytes(self) -> int:
        return sum(f["bytes"] for f in self.files)


@dataclass
class UploadResult:
    plan: UploadPlan
    dry_run: bool
    commit: str | None = None
    commit_url: str | None = None
    already_published: bool = False
    calls: list[str] = field(default_factory=list)


def plan_upload(release_dir: Path, repo_id: str, *, private: bool = True) -> UploadPlan:
    """The files that would be uploaded, from the release's manifest (checked against disk)."""
    release_dir = Path(release_dir)
    mpath = release_dir / MANIFEST
    if not mpath.is_file():
        raise UserError(f"{release_dir} is not a release (no {MANIFEST}); run "
                        "'therapy-threads publish VERSION' first")
    manifest = json.loads(mpath.read_text(encoding="utf-8"))
    files = []
    for f in manifest["files"]:
        p = release_dir / f["path"]
        if not p.is_file() or p.stat().st_size != f["bytes"] or sha256_file(p) != f["sha256"]:
            raise UserError(f"{p} does not match the manifest; the release folder was modified "
                            "after publishing. Publish a new version instead of editing one")
        files.append(dict(f))
    files.append({"path": MANIFEST, "bytes": mpath.stat().st_size, "sha256": sha256_file(mpath)})
    version = Version.parse(manifest["version"])
    return UploadPlan(repo_id=repo_id, tag=version.tag, files=sorted(files, key=lambda f: f["path"]),
                      private=private)


def require_token(repo_id: str, token: str | None = None) -> str:
    """HF_TOKEN, else the token saved by ``hf auth login``; a clear error when there is none."""
    from huggingface_hub import get_token

    token = token or os.environ.get("HF_TOKEN") or get_token()
    if not token:
        raise UserError("no Hugging Face token: set HF_TOKEN (a write token for "
                        f"{repo_id}), or use --dry-run to see what would be uploaded")
    return token


def _default_api(token: str | None):
    from huggingface_hub import HfApi

    return HfApi(token=token)


def _tags(api, repo_id: str) -> set[str]:
    refs = api.list_repo_refs(repo_id, repo_type="dataset")
    return {t.name for t in getattr(refs, "tags", []) or []}


def _remote_manifest_sha(api, repo_id: str, tag: str) -> str | None:
    try:
        path = api.hf_hub_download(repo_id=repo_id, filename=MANIFEST, repo_type="dataset",
                                   revision=tag)
    except Exception:  # a tag without a manifest is not one of our releases
        return None
    return sha256_file(Path(path))


def upload_release(release_dir: Path | str, repo_id: str, *, api: Any = None,
                   token: str | None = None, private: bool = True, gated: str | None = "manual",
                   dry_run: bool = False) -> UploadResult:
    """Create the dataset repo if needed, turn on gated access, upload the release, tag it.

    ``gated``: "manual" (a maintainer approves each request; the default, because the data is
    sensitive), "auto" (access after accepting the terms of the card's ``extra_gated_*``
    form) or None (leave the repo's setting alone).

    Idempotent for retries: if the tag already exists and its manifest equals ours the upload
    is reported as done; a tag with a different manifest is refused (tags are immutable).
    """
    plan = plan_upload(Path(release_dir), repo_id, private=private)
    result = UploadResult(plan=plan, dry_run=dry_run)
    if dry_run:
        return result
    if api is None:
        api = _default_api(require_token(repo_id, token))

    api.create_repo(repo_id=repo_id, repo_type="dataset", exist_ok=True, private=private)
    result.calls.append("create_repo")
    if gated:
        # The card's extra_gated_* fields only define the request form; the gate itself is a
        # repository setting.
        api.update_repo_settings(repo_id=repo_id, repo_type="dataset", gated=gated)
        result.calls.append("update_repo_settings")
    ours = next(f["sha256"] for f in plan.files if f["path"] == MANIFEST)
    if plan.tag in _tags(api, repo_id):
        result.calls.append("list_repo_refs")
        if _remote_manifest_sha(api, repo_id, plan.tag) == ours:
            result.already_published = True
            return result
        raise UserError(f"{repo_id} already has tag {plan.tag} with a different release; tags "
                        "are immutable: publish a new version")
    info = api.upload_folder(
        repo_id=repo_id,
        repo_type="dataset",
        folder_path=str(release_dir),
        commit_message=f"Release {plan.tag}",
        commit_description=f"therapy-threads {plan.tag}; manifest sha256 {ours}",
        allow_patterns=[f["path"] for f in plan.files],  # exactly the manifest, no stray files
        delete_patterns=DELETE_PATTERNS,
    )
    result.calls.append("upload_folder")
    result.commit = getattr(info, "oid", None)
    result.commit_url = getattr(info, "commit_url", None) or (str(info) if info else None)
    api.create_tag(repo_id=repo_id, tag=plan.tag, repo_type="dataset", revision=result.commit,
                   tag_message=f"therapy-threads {plan.tag}")
    result.calls.append("create_tag")
    return result
