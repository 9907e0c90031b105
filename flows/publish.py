"""Prefect flows: publish a validated build as a release; download a release.

Thin orchestration over ``therapy_threads.publish``: the library does the work and enforces the
rules (gates, immutability, versioning); the flow adds observability (a markdown summary and a
table artifact per release) and retries on the network steps only — a Hub upload and an HTTP
download are retried with backoff; local steps fail fast because retrying them cannot help.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from therapy_threads.publish import download as download_mod
from therapy_threads.publish import hub as hub_mod
from therapy_threads.publish import release as release_mod
from therapy_threads.publish.inputs import open_build
from therapy_threads.publish.versioning import MAX_ROW_LOSS

NETWORK_RETRIES = 3
NETWORK_RETRY_DELAYS = [10, 30, 90]


def _artifact_key(prefix: str, version: str) -> str:
    return f"{prefix}-v{version}".replace(".", "-").lower()


def _key(key_file: str | None) -> bytes:
    from therapy_threads.anonymise.keys import load_key

    return load_key(Path(key_file) if key_file else None, create=False)


@task(name="check-build", cache_policy=NO_CACHE)
def check_build(build_dir: str, key_file: str | None = None) -> dict[str, Any]:
    build = open_build(build_dir, _key(key_file))
    return {"build_id": build.report.get("build_id"), "totals": build.report.get("totals")}


@task(name="make-release", cache_policy=NO_CACHE)
def make_release(build_dir: str, version: str, registry: str, dry_run: bool,
                 repo_id: str | None, sources_manifest: str | None,
                 docs_dir: str | None, key_file: str | None = None, allow_row_loss: bool = False,
                 max_row_loss: float = MAX_ROW_LOSS) -> release_mod.ReleaseResult:
    result = release_mod.publish(
        build_dir, version, registry, dry_run=dry_run, repo_id=repo_id,
        sources_manifest=Path(sources_manifest) if sources_manifest else None,
        docs_dir=Path(docs_dir) if docs_dir else None, key=_key(key_file),
        allow_row_loss=allow_row_loss, max_row_loss=max_row_loss)
    logger = get_run_logger()
    for w in result.warnings:
        logger.warning(w)
    create_markdown_artifact(markdown=result.summary_markdown(),
                             key=_artifact_key("release", result.version),
                             description=f"therapy-threads release v{result.version}")
    create_table_artifact(
        table=[{"path": f["path"], "bytes": f["bytes"], "sha256": f["sha256"]}
               for f in result.files],
        key=_artifact_key("release-files", result.version),
        description=f"Files of release v{result.version} with SHA-256")
    return result


@task(name="upload-to-hub", retries=NETWORK_RETRIES, retry_delay_seconds=NETWORK_RETRY_DELAYS,
      cache_policy=NO_CACHE)
def upload_to_hub(release_dir: str, repo_id: str, private: bool,
                  gated: str | None = "manual") -> dict[str, Any]:
    res = hub_mod.upload_release(release_dir, repo_id, private=private, gated=gated)
    return {"repo_id": repo_id, "tag": res.plan.tag, "commit": res.commit,
            "already_published": res.already_published}


@task(name="download-release", retries=NETWORK_RETRIES, retry_delay_seconds=NETWORK_RETRY_DELAYS,
      cache_policy=NO_CACHE)
def download_release(version: str, source: str, to: str | None) -> dict[str, Any]:
    res = download_mod.download(version, source, to)
    return {"version": res.version, "path": str(res.path), "cached": res.cached,
            "manifest_sha256": res.manifest_sha256, "files": res.files, "bytes": res.bytes}


@flow(name="publish-release", log_prints=True)
def publish_flow(version: str, build_dir: str = "data/build", registry: str = "data/releases",
                 hub_repo: str | None = None, private: bool = True, dry_run: bool = False,
                 sources_manifest: str | None = None, docs_dir: str | None = None,
                 data_card: str | None = None, key_file: str | None = None,
                 allow_row_loss: bool = False, max_row_loss: float = MAX_ROW_LOSS) -> dict[str, Any]:
    """Publish ``build_dir`` as ``version`` into ``registry`` and, with ``hub_repo``, the Hub.

    The build's verdicts are checked with the key at ``key_file`` (default: the usual places).
    """
    check_build(build_dir, key_file)
    result = make_release(build_dir, version, registry, dry_run, hub_repo, sources_manifest,
                          docs_dir, key_file, allow_row_loss, max_row_loss)
    out: dict[str, Any] = {"version": result.version, "counts": result.counts,
                           "manifest_sha256": result.manifest_sha256,
                           "path": str(result.path) if result.path else None,
                           "warnings": result.warnings, "dry_run": result.dry_run}
    if data_card and not dry_run:
        out["data_card"] = str(release_mod.write_data_card(result, data_card))
    if hub_repo and not dry_run:
        out["hub"] = upload_to_hub(str(result.path), hub_repo, private)
    return out


@flow(name="download-release", log_prints=True)
def download_flow(version: str, source: str, to: str | None = None) -> dict[str, Any]:
    """Download and verify ``version`` from a registry folder, an http(s) URL or hf://OWNER/NAME."""
    return download_release(version, source, to)
