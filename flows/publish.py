"""Prefect flows: publish a validated build as a release; download a release.

Thin orchestration over ``therapy_threads.publish``: the flow and ``therapy-threads publish``
call the same :func:`~therapy_threads.publish.run.publish_release` with the same options (the
``--gated`` setting included). The flow adds observability (a markdown summary and a table
artifact per release) and retries on the network steps only, and only on transient errors
(time-outs, dropped connections, throttling, 5xx): a Hub upload and an HTTP download are
retried with backoff; a 404, a refused token or a checksum mismatch fails at once, and local
steps fail fast because retrying them cannot help.
"""
from __future__ import annotations


from typing import Any

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from therapy_threads.materialise import retry_if_transient
from therapy_threads.publish import download as download_mod
from therapy_threads.publish import hub as hub_mod
from therapy_threads.publish.inputs import open_build
from therapy_threads.publish.run import PublishOptions, publish_release

NETWORK_RETRIES = 3
NETWORK_RETRY_DELAYS = [10, 30, 90]


def _artifact_key(prefix: str, version: str) -> str:
    return f"{prefix}-v{version}".replace(".", "-").lower()


def _key(key_file: str | None) -> bytes:
    from therapy_threads.anonymise.keys import load_key

    return load_key(Path(key_file) if key_file else None, create=False)


@task(name="check-build", cache_policy=NO_CACHE, persist_result=False)
def check_build(build_dir: str, key_file: str | None = None) -> dict[str, Any]:
    build = open_build(build_dir, _key(key_file))
    return {"build_id": build.report.get("build_id"), "totals": build.report.get("totals")}


@task(name="upload-to-hub", retries=NETWORK_RETRIES, retry_delay_seconds=NETWORK_RETRY_DELAYS,
      retry_condition_fn=retry_if_transient, cache_policy=NO_CACHE, persist_result=False)
def upload_to_hub(release_dir: str, repo_id: str, private: bool,
                  gated: str | None = "manual") -> Any:
    return hub_mod.upload_release(release_dir, repo_id, private=private, gated=gated)


def _upload_with_retries(release_dir: Any, repo_id: str, *, private: bool, gated: str | None) -> Any:
    return upload_to_hub(str(release_dir), repo_id, private, gated)


@task(name="make-release", cache_policy=NO_CACHE, persist_result=False)
def make_release(options: PublishOptions) -> Any:
    outcome = publish_release(options, upload=_upload_with_retries)
    result = outcome.release
    logger = get_run_logger()
    for w in result.warnings:
        logger.warning(w)
    if not result.dry_run:
        create_markdown_artifact(markdown=result.summary_markdown(),
                                 key=_artifact_key("release", result.version),
                                 description=f"therapy-threads release v{result.version}")
        create_table_artifact(
            table=[{"path": f["path"], "bytes": f["bytes"], "sha256": f["sha256"]}
                   for f in result.files],
            key=_artifact_key("release-files", result.version),
            description=f"Files of release v{result.version} with SHA-256")
    return outcome


@task(name="download-release", retries=NETWORK_RETRIES, retry_delay_seconds=NETWORK_RETRY_DELAYS,
      retry_condition_fn=retry_if_transient, cache_policy=NO_CACHE, persist_result=False)
def download_release(version: str, source: str, to: str | None) -> dict[str, Any]:
    res = download_mod.download(version, source, to)
    return {"version": res.version, "path": str(res.path), "cached": res.cached,
            "manifest_sha256": res.manifest_sha256, "files": res.files, "bytes": res.bytes}


@flow(name="publish-release", log_prints=True, persist_result=False)
def publish_flow(version: str, build: str = "data/build", registry: str = "data/releases",
                 hub: str | None = None, public: bool = False, gated: str = "manual",
                 dry_run: bool = False, sources: str | None = None, docs: str | None = None,
                 data_card: str | None = None, key_file: str | None = None,
                 allow_row_loss: bool = False, max_row_loss: float | None = None,
                 build_dir: str | None = None) -> dict[str, Any]:
    """Publish ``build`` as ``version`` into ``registry`` and, with ``hub``, the Hub
    (``build_dir`` is the old name of ``build``). The build's verdicts are checked with the key at
    ``key_file`` (default: the usual places)."""
    options = PublishOptions(version=version, build=build_dir or build, registry=registry, hub=hub,
                             public=public, gated=gated, dry_run=dry_run, sources=sources,
                             docs=docs, data_card=data_card, key_file=key_file,
                             allow_row_loss=allow_row_loss, max_row_loss=max_row_loss)
    check_build(options.build, options.key_file)
    outcome = make_release(options)
    result = outcome.release
    out: dict[str, Any] = {"version": result.version, "counts": result.counts,
                           "manifest_sha256": result.manifest_sha256,
                           "path": str(result.path) if result.path else None,
                           "warnings": result.warnings, "dry_run": result.dry_run}
    if outcome.data_card:
        out["data_card"] = str(outcome.data_card)
    if outcome.upload is not None:
        up = outcome.upload
        out["hub"] = {"repo_id": hub, "tag": up.plan.tag, "commit": up.commit,
                      "already_published": up.already_published}
    return out


@flow(name="download-release", log_prints=True, persist_result=False)
def download_flow(version: str, source: str, to: str | None = None) -> dict[str, Any]:
    """Download and verify ``version`` from a registry folder, an http(s) URL or hf://OWNER/NAME."""
    return download_release(version, source, to)



