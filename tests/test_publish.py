"""Publishing a build: gates, layout, manifest, determinism, atomicity, versioning, changelog."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers_build import BuildSpec, SourceSpec, make_build, record_verdicts
from therapy_threads.errors import PrivacyGateError, UserError
from therapy_threads.publish import release as release_mod
from therapy_threads.schema import schema_version
from therapy_threads.publish.fsutil import sha256_file
from therapy_threads.publish.registry import Registry
from therapy_threads.publish.release import publish
from therapy_threads.publish.versioning import Version
from therapy_threads.schema import arrow_schema, schema_version


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_release_layout_and_manifest(tmp_path):
    build = make_build(tmp_path / "build")
    res = publish(build, "1.0.0", tmp_path / "reg")
    rel = tmp_path / "reg" / "v1.0.0"
    assert res.path == rel
    names = set(_files(rel))
    assert names == {
        "README.md", "TERMS.md", "CHANGELOG.md", "croissant.json", "manifest.json",
        "data/posts-00000-of-00001.parquet", "data/comments-00000-of-00001.parquet",
        "data/quarantine-00000-of-00001.parquet", "data/speakers-00000-of-00001.parquet",
        "plots/depth_histogram.png",
        "plots/comments_per_post.png",
    }
    m = json.loads((rel / "manifest.json").read_text())
    report = json.loads((build / "build_report.json").read_text())
    assert m["version"] == "1.0.0" and m["tag"] == "v1.0.0"
    assert m["built_at"] == report["finished_at"]  # build time, not now()
    assert m["git_commit"] == report["git_commit"]
    assert m["pipeline_version"] == "0.1.0"
    assert m["schema_version"] == schema_version()
    assert {t: i["rows"] for t, i in m["tables"].items()} == {
        "posts": 6, "comments": 50, "quarantine": 2, "speakers": 50}
    assert [s["source_id"] for s in m["sources"]] == ["seed-000", "seed-001", "seed-003"]
    assert m["sources"][0]["sha256"] == report["sources"][0]["sha256"]
    assert m["validation"]["success"] is True
    assert m["privacy_audit"] == {"passed": True, "checked_rows": 56}
    # every listed file's checksum matches the bytes on disk
    for f in m["files"]:
        assert sha256_file(rel / f["path"]) == f["sha256"]
        assert (rel / f["path"]).stat().st_size == f["bytes"]
    assert {f["path"] for f in m["files"]} == names - {"manifest.json"}
    # index
    idx = json.loads((tmp_path / "reg" / "index.json").read_text())
    assert idx["latest"] == "1.0.0"
    assert idx["releases"][0]["manifest_sha256"] == sha256_file(rel / "manifest.json")
    assert idx["releases"][0]["counts"] == {"comments": 50, "posts": 6, "quarantine": 2,
                                            "speakers": 50}


def test_parquet_is_sorted_zstd_and_matches_schema(tmp_path):
    build = make_build(tmp_path / "build")
    rel = publish(build, "1.0.0", tmp_path / "reg").path
    f = pq.ParquetFile(rel / "data/comments-00000-of-00001.parquet")
    assert f.schema_arrow.remove_metadata().equals(arrow_schema("comments").remove_metadata())
    assert f.metadata.row_group(0).column(0).compression == "ZSTD"
    t = f.read()
    keys = list(zip(t.column("post_id").to_pylist(), t.column("position").to_pylist()))
    assert keys == sorted(keys)


def test_internal_files_never_published(tmp_path):
    build = make_build(tmp_path / "build")
    rel = publish(build, "1.0.0", tmp_path / "reg").path
    blob = b"".join(_files(rel).values())
    assert b"Share this: Facebook" not in blob  # furniture.parquet content
    assert b"deadbeef" not in blob  # private/identity_tokens.txt
    assert not (rel / "furniture.parquet").exists() and not (rel / "private").exists()


def test_extra_build_columns_are_left_out(tmp_path):
    build = make_build(tmp_path / "build")
    t = pq.read_table(build / "comments.parquet")
    t = t.append_column("author_email", pa.array(["x@example.org"] * t.num_rows))
    pq.write_table(t, build / "comments.parquet")
    record_verdicts(build)  # as if validated and audited with the extra column
    res = publish(build, "1.0.0", tmp_path / "reg")
    out = pq.read_schema(res.path / "data/comments-00000-of-00001.parquet")
    assert "author_email" not in out.names
    assert res.dropped_columns == {"comments": ["author_email"]}
    assert any("author_email" in w for w in res.warnings)


def test_refuses_failed_validation(tmp_path):
    build = make_build(tmp_path / "build", BuildSpec(success=False))
    with pytest.raises(UserError, match="validation of .* did not pass.*therapy-threads validate'"):
        publish(build, "1.0.0", tmp_path / "reg")
    assert not (tmp_path / "reg" / "v1.0.0").exists()


def test_refuses_failed_privacy_audit(tmp_path):
    build = make_build(tmp_path / "build", BuildSpec(privacy_passed=False))
    with pytest.raises(UserError, match="privacy audit of .* did not pass.*therapy-threads audit'"):
        publish(build, "1.0.0", tmp_path / "reg")
    assert not (tmp_path / "reg" / "v1.0.0").exists()


@pytest.mark.parametrize("missing", ["validation/privacy_audit.json", "comments.parquet",
                                     "build_report.json"])
def test_refuses_incomplete_build(tmp_path, missing):
    build = make_build(tmp_path / "build")
    (build / missing).unlink()
    with pytest.raises(UserError, match=f"incomplete, missing: {missing}"):
        publish(build, "1.0.0", tmp_path / "reg")


def test_refuses_missing_build_dir(tmp_path):
    with pytest.raises(UserError, match="does not exist; run 'therapy-threads build'"):
        publish(tmp_path / "nope", "1.0.0", tmp_path / "reg")


def test_refuses_inconsistent_totals(tmp_path):
    build = make_build(tmp_path / "build")
    rep = json.loads((build / "build_report.json").read_text())
    rep["totals"]["comments"] += 1
    (build / "build_report.json").write_text(json.dumps(rep))
    record_verdicts(build)  # the gate passed it: publish still checks totals against the tables
    with pytest.raises(UserError, match="says 51 comments but comments.parquet has 50"):
        publish(build, "1.0.0", tmp_path / "reg")
    assert not (tmp_path / "reg" / "v1.0.0").exists()


def test_refuses_existing_version(tmp_path):
    build = make_build(tmp_path / "build")
    publish(build, "1.0.0", tmp_path / "reg")
    before = _files(tmp_path / "reg" / "v1.0.0")
    with pytest.raises(UserError, match="v1.0.0 already exists.*immutable"):
        publish(build, "1.0.0", tmp_path / "reg")
    with pytest.raises(UserError, match="already exists"):
        publish(build, "v1.0.0", tmp_path / "reg", dry_run=True)
    assert _files(tmp_path / "reg" / "v1.0.0") == before


@pytest.mark.parametrize("bad", ["1.0", "1.0.0-rc1", "01.0.0", "latest", ""])
def test_rejects_non_semver(tmp_path, bad):
    with pytest.raises(UserError, match="MAJOR.MINOR.PATCH"):
        Version.parse(bad)


def test_same_build_twice_is_byte_identical(tmp_path):
    build = make_build(tmp_path / "build")
    a = publish(build, "1.0.0", tmp_path / "reg-a")
    b = publish(build, "1.0.0", tmp_path / "reg-b")
    fa, fb = _files(a.path), _files(b.path)
    assert fa.keys() == fb.keys()
    for name in fa:
        assert fa[name] == fb[name], name
    assert (tmp_path / "reg-a/index.json").read_bytes() == (tmp_path / "reg-b/index.json").read_bytes()
    assert a.manifest_sha256 == b.manifest_sha256


def test_row_order_in_build_does_not_change_bytes(tmp_path):
    b1 = make_build(tmp_path / "b1")
    b2 = make_build(tmp_path / "b2")
    t = pq.read_table(b2 / "comments.parquet")
    pq.write_table(t.take(list(reversed(range(t.num_rows)))), b2 / "comments.parquet")
    record_verdicts(b2)
    r1 = publish(b1, "1.0.0", tmp_path / "r1").path
    r2 = publish(b2, "1.0.0", tmp_path / "r2").path
    name = "data/comments-00000-of-00001.parquet"
    assert (r1 / name).read_bytes() == (r2 / name).read_bytes()


def test_sharding_and_row_groups(tmp_path):
    build = make_build(tmp_path / "build")
    res = publish(build, "1.0.0", tmp_path / "reg", rows_per_shard=20, row_group_size=8)
    files = [f["path"] for f in res.manifest["tables"]["comments"]["files"]]
    assert files == [f"data/comments-0000{i}-of-00003.parquet" for i in range(3)]
    assert [f["rows"] for f in res.manifest["tables"]["comments"]["files"]] == [20, 20, 10]
    assert pq.ParquetFile(res.path / files[0]).metadata.num_row_groups == 3


def test_interrupted_publish_leaves_no_release(tmp_path, monkeypatch):
    build = make_build(tmp_path / "build")
    reg = tmp_path / "reg"
    calls = []

    def boom(root, stats, texts=None):  # runs after the Parquet shards were written into staging
        calls.append(sorted(p.name for p in (root / "data").iterdir()))
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(release_mod.plots_mod, "write_plots", boom)
    with pytest.raises(OSError, match="simulated"):
        publish(build, "1.0.0", reg)
    assert calls and len(calls[0]) == 4  # it really failed mid-write (4 tables written)
    assert not (reg / "v1.0.0").exists()
    assert [p.name for p in reg.iterdir() if p.name != ".lock"] == []  # no staging left behind
    assert Registry(reg).versions() == []


def test_stale_staging_from_a_killed_run_is_removed(tmp_path):
    build = make_build(tmp_path / "build")
    reg = tmp_path / "reg"
    stale = reg / ".v1.0.0.staging-deadbeef"
    (stale / "data").mkdir(parents=True)
    (stale / "data" / "half.parquet").write_bytes(b"PAR1")
    publish(build, "1.0.0", reg)
    assert not stale.exists()
    assert Registry(reg).versions() == [Version(1, 0, 0)]


def test_dry_run_writes_nothing(tmp_path):
    build = make_build(tmp_path / "build")
    res = publish(build, "1.0.0", tmp_path / "reg", dry_run=True)
    assert res.dry_run and res.path is None
    assert not (tmp_path / "reg" / "v1.0.0").exists()
    paths = {f["path"] for f in res.files}
    assert "manifest.json" in paths and "data/comments-00000-of-00001.parquet" in paths
    assert all(len(f["sha256"]) == 64 and f["bytes"] > 0 for f in res.files)
    # the dry run lists exactly what a real publish writes
    real = publish(build, "1.0.0", tmp_path / "reg")
    assert res.files == real.files


def _bigger_spec() -> BuildSpec:
    spec = BuildSpec()
    spec.sources[0] = SourceSpec("seed-000", n_posts=3, comments_per_post=7, seed=1)
    spec.sources.append(SourceSpec("seed-004", n_posts=1, comments_per_post=4, seed=9))
    spec.finished_at = "2026-12-01T08:00:00+00:00"
    return spec


def test_changelog_counts_rows_per_source(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b1"), "1.0.0", reg)
    res = publish(make_build(tmp_path / "b2", _bigger_spec()), "1.1.0", reg)
    ch = res.manifest["changes"]
    assert ch["previous_version"] == "1.0.0"
    assert ch["sources_added"] == ["seed-004"]
    assert ch["rows"]["comments"] == {"seed-000": {"added": 7, "removed": 0, "changed": 0},
                                      "seed-004": {"added": 4, "removed": 0, "changed": 0}}
    assert ch["rows"]["posts"] == {"seed-000": {"added": 1, "removed": 0, "changed": 0},
                                   "seed-004": {"added": 1, "removed": 0, "changed": 0}}
    assert ch["schema_changes"] == [] and ch["schema_version_change"] is None
    log = (res.path / "CHANGELOG.md").read_text()
    assert "## v1.1.0 (2026-12-01)" in log and "Source added: `seed-004`" in log
    assert "comments from `seed-000`: +7." in log and "comments from `seed-004`: +4." in log
    assert log.index("## v1.1.0") < log.index("## v1.0.0")  # history kept, newest first
    assert res.warnings == []
    assert Registry(reg).latest() == Version(1, 1, 0)


def test_rows_removed_are_reported(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b2", _bigger_spec()), "1.0.0", reg)
    b1 = make_build(tmp_path / "b1")
    with pytest.raises(UserError, match=r"removing a whole source is a major release: publish 2.0.0"):
        publish(b1, "1.1.0", reg, allow_row_loss=True)
    with pytest.raises(UserError, match=r"2 of the 8 posts of v1.0.0 \(25.0%\).*--allow-row-loss"):
        publish(b1, "2.0.0", reg)
    res = publish(b1, "2.0.0", reg, allow_row_loss=True)
    assert any("11 of the 61 comments of v1.0.0 (18.0%)" in w for w in res.warnings)
    ch = res.manifest["changes"]
    assert ch["sources_removed"] == ["seed-004"]
    assert ch["rows"]["comments"]["seed-004"] == {"added": 0, "removed": 4, "changed": 0}
    assert "Source removed: `seed-004`" in (res.path / "CHANGELOG.md").read_text()


def test_rows_changed_in_place_are_reported(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b1"), "1.0.0", reg)
    b2 = make_build(tmp_path / "b2")
    t = pq.read_table(b2 / "comments.parquet")
    texts = t.column("text").to_pylist()
    texts[3] = texts[3] + " [NAME]"  # e.g. an anonymisation fix rewrites one comment
    sid = t.column("source_id")[3].as_py()
    t = t.set_column(t.schema.get_field_index("text"), t.schema.field("text"),
                     pa.array(texts, pa.string()))
    pq.write_table(t, b2 / "comments.parquet")
    record_verdicts(b2)
    res = publish(b2, "1.0.1", reg)
    assert res.manifest["changes"]["rows"]["comments"] == {
        sid: {"added": 0, "removed": 0, "changed": 1}}
    assert res.manifest["changes"]["rows"]["posts"] == {}
    assert f"comments from `{sid}`: 1 changed." in (res.path / "CHANGELOG.md").read_text()
    assert res.warnings == []  # a fix is a patch release


def test_unchanged_republish_says_so(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b1"), "1.0.0", reg)
    res = publish(make_build(tmp_path / "b1"), "1.0.1", reg)
    assert "No row, source or schema changed" in (res.path / "CHANGELOG.md").read_text()
    assert any("no rows, sources or schema changed since v1.0.0" in w for w in res.warnings)


def test_patch_bump_with_new_rows_warns(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b1"), "1.0.0", reg)
    res = publish(make_build(tmp_path / "b2", _bigger_spec()), "1.0.1", reg)
    assert any("minor release (1.1.0)" in w for w in res.warnings)


def test_schema_change_requires_major_bump(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b1"), "1.0.0", reg)
    # Make the previous release look like it was published with another schema.
    mpath = reg / "v1.0.0" / "manifest.json"
    m = json.loads(mpath.read_text())
    m["schema_version"] = "0.9.0"
    del m["tables"]["comments"]["features"]["like_count"]
    mpath.write_text(json.dumps(m))
    b2 = make_build(tmp_path / "b2", _bigger_spec())
    with pytest.raises(UserError, match=r"schema changed since v1.0.0 .*publish 2.0.0 instead of 1.1.0"):
        publish(b2, "1.1.0", reg)
    assert not (reg / "v1.1.0").exists()
    res = publish(b2, "2.0.0", reg)
    log = (res.path / "CHANGELOG.md").read_text()
    assert f"Schema version 0.9.0 -> {schema_version()}." in log
    assert "Schema: comments.like_count added (int32)." in log


def test_build_made_with_other_schema_is_refused(tmp_path):
    build = make_build(tmp_path / "b", BuildSpec(schema_version="0.1.0"))
    with pytest.raises(UserError, match="schema 0.1.0 .* re-run 'therapy-threads build'"):
        publish(build, "1.0.0", tmp_path / "reg")


def test_older_version_after_newer_warns(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b1"), "2.0.0", reg)
    res = publish(make_build(tmp_path / "b1"), "1.5.0", reg)
    assert any("older than the latest release v2.0.0" in w for w in res.warnings)
    assert json.loads((reg / "index.json").read_text())["latest"] == "2.0.0"


def test_concurrent_publish_is_refused(tmp_path):
    build = make_build(tmp_path / "build")
    reg = Registry(tmp_path / "reg")
    with reg.lock():
        with pytest.raises(UserError, match="another publish is writing"):
            publish(build, "1.0.0", reg.root)
    assert publish(build, "1.0.0", reg.root).path.is_dir()
