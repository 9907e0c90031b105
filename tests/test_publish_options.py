"""The CLI and the flow publish through one publish_release(options): every option, --gated
included, reaches the Hub upload the same way on both paths."""
from __future__ import annotations

from helpers_build import make_build


def _record_uploads(monkeypatch):
    from therapy_threads.publish import hub

    calls = []

    def fake_upload(release_dir, repo_id, *, private=True, gated="manual", **kw):
        from types import SimpleNamespace

        calls.append({"repo_id": repo_id, "private": private, "gated": gated})
        return SimpleNamespace(plan=SimpleNamespace(tag="v1.0.0", repo_id=repo_id, files=[], total_bytes=0),
                               commit="c0ffee", commit_url=None, already_published=False, dry_run=False)

    monkeypatch.setattr(hub, "upload_release", fake_upload)
    monkeypatch.setattr(hub, "require_token", lambda repo_id, token=None: "hf_test")
    return calls


def test_cli_passes_gated_to_the_upload(tmp_path, monkeypatch):
    from therapy_threads.cli import main

    calls = _record_uploads(monkeypatch)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    build = make_build(tmp_path / "build")
    for i, gated in enumerate(("auto", "keep")):
        assert main(["publish", f"1.{i}.0", "--build", str(build), "--registry", str(tmp_path / "reg"),
                     "--hub", "owner/tt", "--gated", gated, "--public", "--no-data-card"]) == 0
    assert calls == [{"repo_id": "owner/tt", "private": False, "gated": "auto"},
                     {"repo_id": "owner/tt", "private": False, "gated": None}]


def test_the_flow_passes_gated_to_the_upload(prefect_harness, tmp_path, monkeypatch):
    from flows.publish import publish_flow

    calls = _record_uploads(monkeypatch)
    build = make_build(tmp_path / "build")
    out = publish_flow(version="1.0.0", build=str(build), registry=str(tmp_path / "reg"),
                       hub="owner/tt", gated="auto")
    assert calls == [{"repo_id": "owner/tt", "private": True, "gated": "auto"}]
    assert out["hub"]["tag"] == "v1.0.0"
