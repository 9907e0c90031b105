"""The Prefect publish/download flows over the publish library (one API server per session)."""
from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

from helpers_build import make_build


def test_publish_and_download_flows(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client

    from flows.publish import download_flow, publish_flow

    build = make_build(tmp_path / "build")
    reg = tmp_path / "reg"
    out = publish_flow(version="1.0.0", build_dir=str(build), registry=str(reg),
                       data_card=str(tmp_path / "DATA_CARD.md"))
    assert out["counts"] == {"posts": 6, "comments": 50, "quarantine": 2, "speakers": 50}
    assert out["path"] == str(reg / "v1.0.0") and out["warnings"] == []
    idx = json.loads((reg / "index.json").read_text())
    assert idx["releases"][0]["manifest_sha256"] == out["manifest_sha256"]
    assert (tmp_path / "DATA_CARD.md").is_file()

    async def read():
        # The client's read_artifacts sends nulls this server version rejects (422); post the
        # filter with every field set instead.
        async with get_client() as client:
            r = await client._client.post("/artifacts/filter", json={
                "artifacts": {"key": {"any_": ["release-v1-0-0", "release-files-v1-0-0"]}},
                "limit": 10, "offset": 0, "sort": "KEY_ASC"})
            return [SimpleNamespace(**a) for a in r.json()]

    arts = asyncio.run(read())
    kinds = {a.key: a.type for a in arts}
    assert kinds == {"release-v1-0-0": "markdown", "release-files-v1-0-0": "table"}
    md = next(a for a in arts if a.key == "release-v1-0-0").data
    assert "| comments | 50 | 1 |" in md and out["manifest_sha256"] in md

    got = download_flow(version="1.0.0", source=str(reg), to=str(tmp_path / "dl"))
    assert got["manifest_sha256"] == out["manifest_sha256"] and got["cached"] is False


def test_network_tasks_retry_and_local_tasks_do_not():
    from flows.publish import (NETWORK_RETRIES, check_build, download_release, make_release,
                               upload_to_hub)

    assert upload_to_hub.retries == NETWORK_RETRIES == 3
    assert download_release.retries == 3
    assert upload_to_hub.retry_delay_seconds == [10, 30, 90]
    assert make_release.retries == 0 and check_build.retries == 0
