"""Hub upload through the real code path with an injected, recording HfApi stand-in."""
from __future__ import annotations

import pytest

from helpers_build import BuildSpec, FakeHfApi, SourceSpec, make_build
from therapy_threads.errors import UserError
from therapy_threads.publish.hub import DELETE_PATTERNS, plan_upload, upload_release
from therapy_threads.publish.release import publish

REPO = "therapy-threads/therapy-threads"


@pytest.fixture()
def release(tmp_path):
    return publish(make_build(tmp_path / "build"), "1.0.0", tmp_path / "reg")


def test_upload_creates_repo_uploads_and_tags(release, tmp_path):
    api = FakeHfApi(tmp_path)
    res = upload_release(release.path, REPO, api=api)
    names = [c[0] for c in api.calls]
    assert names == ["create_repo", "update_repo_settings", "list_repo_refs", "upload_folder",
                     "create_tag"]
    create = api.calls[0][1]
    assert create == {"repo_id": REPO, "repo_type": "dataset", "exist_ok": True, "private": True}
    assert api.calls[1][1] == {"repo_id": REPO, "gated": "manual", "repo_type": "dataset"}
    up = api.calls[3][1]
    assert up["folder_path"] == str(release.path) and up["repo_type"] == "dataset"
    assert up["delete_patterns"] == DELETE_PATTERNS
    assert up["commit_message"] == "Release v1.0.0"
    tag = api.calls[4][1]
    assert tag == {"repo_id": REPO, "tag": "v1.0.0", "repo_type": "dataset",
                   "revision": res.commit}
    files = api._files_at(REPO, "v1.0.0")
    assert set(files) == {f["path"] for f in release.files}
    assert files["manifest.json"] == (release.path / "manifest.json").read_bytes()


def test_only_manifest_files_are_uploaded(release, tmp_path):
    (release.path / ".therapy-threads-download.json").write_text("{}")
    (release.path / "notes.txt").write_text("local scribbles")
    api = FakeHfApi(tmp_path)
    upload_release(release.path, REPO, api=api)
    assert set(api._files_at(REPO, "v1.0.0")) == {f["path"] for f in release.files}


def test_dry_run_lists_files_without_calls(release, tmp_path):
    api = FakeHfApi(tmp_path)
    res = upload_release(release.path, REPO, api=api, dry_run=True)
    assert api.calls == []
    assert [f["path"] for f in res.plan.files] == [f["path"] for f in release.files]
    assert res.plan.tag == "v1.0.0"
    assert res.plan.total_bytes == sum(f["bytes"] for f in release.files)


def test_missing_token_is_a_clear_error(release, monkeypatch, tmp_path):
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setattr("huggingface_hub.get_token", lambda: None)
    with pytest.raises(UserError, match="set HF_TOKEN .* or use --dry-run"):
        upload_release(release.path, REPO)


def test_retry_after_partial_failure_is_idempotent(release, tmp_path):
    api = FakeHfApi(tmp_path)
    api.fail_uploads = 1
    with pytest.raises(ConnectionError):
        upload_release(release.path, REPO, api=api)
    res = upload_release(release.path, REPO, api=api)  # what a Prefect retry does
    assert not res.already_published and "create_tag" in res.calls
    again = upload_release(release.path, REPO, api=api)
    assert again.already_published and "upload_folder" not in again.calls


def test_tag_with_other_release_is_refused(release, tmp_path):
    api = FakeHfApi(tmp_path)
    upload_release(release.path, REPO, api=api)
    other = publish(make_build(tmp_path / "b2", BuildSpec(sources=[SourceSpec("seed-009")])),
                    "1.0.0", tmp_path / "reg2")
    with pytest.raises(UserError, match="already has tag v1.0.0 with a different release"):
        upload_release(other.path, REPO, api=api)


def test_new_release_replaces_old_shards_on_main(tmp_path):
    api = FakeHfApi(tmp_path)
    reg = tmp_path / "reg"
    r1 = publish(make_build(tmp_path / "b1"), "1.0.0", reg, rows_per_shard=20)
    upload_release(r1.path, REPO, api=api)
    assert "data/comments-00002-of-00003.parquet" in api._files_at(REPO, "main")
    r2 = publish(make_build(tmp_path / "b1"), "1.0.1", reg)
    upload_release(r2.path, REPO, api=api)
    main = api._files_at(REPO, "main")
    assert sorted(n for n in main if n.startswith("data/comments")) == [
        "data/comments-00000-of-00001.parquet"]
    # the old release stays reachable by its tag
    assert "data/comments-00002-of-00003.parquet" in api._files_at(REPO, "v1.0.0")


def test_modified_release_folder_is_not_uploaded(release, tmp_path):
    (release.path / "README.md").write_text("edited by hand\n")
    with pytest.raises(UserError, match="does not match the manifest"):
        plan_upload(release.path, REPO)
