"""The Prefect build flow end to end: seeds -> Parquet, caching, incremental re-runs, determinism."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "samples"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy_seeds(dst: Path) -> Path:
    shutil.copytree(ROOT / "seeds", dst)
    return dst


def _add_source(manifest_dir: Path, sid: str, file: Path, fmt: str | None = None) -> None:
    shutil.copy(file, manifest_dir / file.name)
    entry = f'\n[[source]]\nid = "{sid}"\nlocation = "{file.name}"\nsite = "test"\nlicence = "test fixture"\n'
    if fmt:
        entry += f'format = "{fmt}"\n'
    with (manifest_dir / "sources.toml").open("a") as f:
        f.write(entry)


@pytest.fixture(scope="module")
def seed_build(prefect_harness, test_key, tmp_path_factory):
    from flows.build import build_flow

    out = tmp_path_factory.mktemp("build") / "build"
    report = build_flow(sources=str(ROOT / "seeds"), out=str(out), key_file=str(test_key), workers=1)
    return out, report


def test_seed_build_writes_posts_and_comments(seed_build):
    out, report = seed_build
    posts = pq.read_table(out / "posts.parquet").to_pandas()
    comments = pq.read_table(out / "comments.parquet").to_pandas()
    assert len(posts) == 5
    per_source = dict(zip(posts.source_id, posts.extracted_comment_count))
    assert per_source["seed-000"] == 10 and per_source["seed-002"] == 12
    assert per_source["seed-001"] == 0 and per_source["seed-004"] == 0
    assert per_source["seed-003"] >= 140
    assert len(comments) == sum(per_source.values())
    assert report["totals"]["comments"] == len(comments)
    # reconciliation: every comment seen is published or quarantined
    assert report["totals"]["comments_seen"] == report["totals"]["comments"] + report["totals"]["quarantined"]
    assert report["totals"]["sources_failed"] == 0


def test_seed_build_reply_structure_is_consistent(seed_build):
    out, _ = seed_build
    c = pq.read_table(out / "comments.parquet").to_pylist()
    by_id = {r["comment_id"]: r for r in c}
    assert c, "the seeds have comments"
    for row in c:
        row = type("Row", (), row)
        if row.parent_id is None:
            assert row.depth == 0 and row.root_id == row.comment_id
        else:
            parent = by_id[row.parent_id]
            assert parent["post_id"] == row.post_id
            assert parent["position"] < row.position
            assert row.depth == parent["depth"] + 1
            assert row.root_id == parent["root_id"]


def test_seed_build_publishes_no_raw_identity_and_no_key(seed_build, test_key):
    out, report = seed_build
    key_hex = test_key.read_text().strip()
    key = bytes.fromhex(key_hex)
    for f in out.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            assert key not in data and key_hex.encode() not in data, f"key material in {f}"
    # the report's per-source entries are read from build_report.json as they are iterated
    assert report["key_fingerprint"] and key_hex not in json.dumps(report, default=list)


def test_seed_build_validation_passes_and_writes_data_docs(seed_build):
    out, report = seed_build
    assert report["validation"]["success"] is True
    assert (out / "validation" / "summary.json").is_file()
    assert (out / "validation" / "data_docs" / "index.html").is_file()


def test_rerun_is_all_cache_hits_and_byte_identical(seed_build, test_key):
    from flows.build import build_flow

    out, _ = seed_build
    before = {p.name: _digest(out / p.name) for p in out.glob("*.parquet")}
    report = build_flow(sources=str(ROOT / "seeds"), out=str(out), key_file=str(test_key), workers=1)
    assert {s["cache"] for s in report["sources"]} == {"hit"}
    assert report["validation"]["success"] is True
    assert report["changes"]["unchanged"] == [f"seed-00{i}" for i in range(5)]
    after = {p.name: _digest(out / p.name) for p in out.glob("*.parquet")}
    assert before == after


def test_new_source_is_the_only_one_processed_and_other_rows_are_unchanged(
        prefect_harness, test_key, tmp_path):
    from flows.build import build_flow

    src = _copy_seeds(tmp_path / "sources")
    out = tmp_path / "build"
    build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1, run_validation=False)
    old = pq.read_table(out / "comments.parquet").to_pandas()

    _add_source(src, "isso-wxr", SAMPLES / "wxr" / "isso-wordpress.xml")
    report = build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1,
                        run_validation=False)
    cache = {s["source_id"]: s["cache"] for s in report["sources"]}
    assert cache.pop("isso-wxr") == "miss"
    assert set(cache.values()) == {"hit"}
    assert report["changes"]["added"] == ["isso-wxr"]
    new = pq.read_table(out / "comments.parquet").to_pandas()
    kept = new[new.source_id != "isso-wxr"].reset_index(drop=True)
    assert kept.equals(old.reset_index(drop=True))
    assert (new.source_id == "isso-wxr").sum() > 0


def test_bad_sources_are_reported_per_source_and_the_run_completes(prefect_harness, test_key, tmp_path):
    from flows.build import build_flow

    src = _copy_seeds(tmp_path / "sources")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (src / "latin1.txt").write_bytes("Caf\xe9 therapy\n\n  1. Tr\xe8s bien.\n".encode("latin-1"))
    with (src / "sources.toml").open("a") as f:
        f.write('\n[[source]]\nid = "empty"\nlocation = "empty.txt"\n')
        f.write('\n[[source]]\nid = "binary"\nlocation = "binary.txt"\n')
        f.write('\n[[source]]\nid = "latin1"\nlocation = "latin1.txt"\nformat = "text_capture"\n')
        f.write('\n[[source]]\nid = "missing"\nlocation = "nope.txt"\n')
    from therapy_threads.pipeline import FailedSourcesError

    with pytest.raises(FailedSourcesError, match="3 of 9 sources failed .*--allow-failed-sources"):
        build_flow(sources=str(src), out=str(tmp_path / "build"), key_file=str(test_key), workers=1,
                   run_validation=False)
    assert not (tmp_path / "build" / "posts.parquet").exists()  # nothing written
    report = build_flow(sources=str(src), out=str(tmp_path / "build"), key_file=str(test_key),
                        workers=1, run_validation=False, allow_failed_sources=True)
    assert report["failed_sources_allowed"] == ["binary", "empty", "missing"]
    status = {s["source_id"]: s["status"] for s in report["sources"]}
    assert status["empty"] == "error" and status["binary"] == "error" and status["missing"] == "error"
    assert status["seed-003"] == "ok"
    latin = next(s for s in report["sources"] if s["source_id"] == "latin1")
    assert latin["status"] == "ok" and latin["issues"], "a decoding fallback must be reported"
    assert report["totals"]["posts"] == 6


def test_same_inputs_and_key_give_identical_files_different_key_different_pseudonyms(
        prefect_harness, test_key, tmp_path):
    from flows.build import build_flow

    src = _copy_seeds(tmp_path / "sources")
    _add_source(src, "isso-wxr", SAMPLES / "wxr" / "isso-wordpress.xml")
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    other_key = tmp_path / "other.key"
    other_key.write_text(hashlib.sha256(b"another key").hexdigest() + "\n")
    other_key.chmod(0o600)
    for out, key in ((a, test_key), (b, test_key), (c, other_key)):
        build_flow(sources=str(src), out=str(out), key_file=str(key), workers=1, run_validation=False)
    for name in ("posts.parquet", "comments.parquet", "quarantine.parquet"):
        assert _digest(a / name) == _digest(b / name), name
    pa_ = pq.read_table(a / "comments.parquet").column("author_pseudonym").to_pylist()
    pc_ = pq.read_table(c / "comments.parquet").column("author_pseudonym").to_pylist()
    named = [(x, y) for x, y in zip(pa_, pc_) if x is not None]
    assert named and all(x != y for x, y in named)


def test_flow_artifacts_and_cli_publish_through_the_flow_when_a_server_is_set(
        prefect_harness, test_key, tmp_path):
    """The build and release summaries are Prefect artifacts (what a maintainer sees in the UI).

    The commands run as a user runs them, in their own processes pointed at the session's server:
    in-process runs share Prefect's process-wide clients and queues with every earlier test, and
    their artifacts went missing in parallel runs."""
    import os
    import subprocess
    import sys

    import httpx
    from prefect.settings import PREFECT_API_URL

    api = PREFECT_API_URL.value()
    env = dict(os.environ, PREFECT_API_URL=api, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    cli = str(Path(sys.executable).parent / "therapy-threads")
    out = tmp_path / "build"
    r = subprocess.run([cli, "build", "--sources", str(ROOT / "seeds"), "--out", str(out), "--quiet",
                        "--key-file", str(test_key)], env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    r = subprocess.run([cli, "publish", "1.0.0", "--build", str(out), "--registry", str(tmp_path / "reg"),
                        "--key-file", str(test_key)], env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "via the Prefect flow 'publish-release'" in r.stdout
    assert (tmp_path / "reg" / "v1.0.0" / "manifest.json").is_file()
    wanted = ["build-summary", "build-sources", "validation-summary", "release-v1-0-0"]
    # The REST API directly: Prefect 3.8's client sends nulls this server version rejects.
    resp = httpx.post(api.rstrip("/") + "/artifacts/filter",
                      json={"artifacts": {"key": {"any_": wanted}}, "flow_runs": {}, "task_runs": {},
                            "limit": 200, "offset": 0, "sort": "KEY_ASC"}, timeout=30)
    resp.raise_for_status()
    found = {a["key"]: a for a in resp.json()}
    assert set(found) == set(wanted)
    assert "comments" in found["build-summary"]["data"]
