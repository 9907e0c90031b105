"""Upload a release folder to the Hugging Face Hub and tag it ``vX.Y.Z``.

The ``api`` argument takes any object with HfApi's methods (tests pass a recorder); by default a
real ``huggingface_hub.HfApi`` authenticated with ``HF_TOKEN``. The main branch always holds the
latest upload; every release is reachable by its tag, which users pass as ``revision``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from .fsutil import read_json_confined, sha256_confined, sha256_file, walk_files
from .manifest import MANIFEST, check_release_manifest
from .registry import MAX_JSON_BYTES
from .versioning import Version

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
    manifest = check_release_manifest(
        read_json_confined(release_dir, MANIFEST, max_bytes=MAX_JSON_BYTES,
                           what="release manifest"),
        str(mpath), "the release folder is damaged: publish a new version")
    # upload_folder would follow a link out of the folder: the release must hold only files.
    list(walk_files(release_dir))
    files = []
    for f in manifest["files"]:
        p = release_dir / f["path"]
        try:
            got = sha256_confined(release_dir, f["path"])
        except FileNotFoundError:
            got = None
        if got != (f["bytes"], f["sha256"]):
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
