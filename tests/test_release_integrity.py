"""Issue 9, scenario by scenario: a release leaves only when its exact tables passed validation and
the privacy audit with the key that made them; failed sources fail; faults are refused.

Real builds of real sources (seeds and sample exports) through the pipeline's functions, real
validation (Great Expectations) and the real audit; each walk-around and fault of the issue is
tried as a user would, and must be refused with a one-line reason.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers_build import TEST_KEY, pipeline_build, write_manifest
from therapy_threads import pipeline, verdict
from therapy_threads.anonymise.audit import audit_build
from therapy_threads.cli import main
from therapy_threads.errors import UserError
from therapy_threads.publish.release import publish
from therapy_threads.validate import validate_build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SAMPLES = ROOT / "tests" / "fixtures" / "samples"
OTHER_KEY = hashlib.sha256(b"another maintainer's key").digest()


def _one_line(e: pytest.ExceptionInfo) -> str:
    msg = str(e.value)
    assert "\n" not in msg and len(msg) < 600, msg
    return msg


def _digests(d: Path) -> dict[str, str]:
    return {p.relative_to(d).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def _seed_manifest(tmp: Path, ids: list[str]) -> Path:
    d = tmp / "sources"
    d.mkdir(parents=True, exist_ok=True)
    files = {f"seed-{p.name[:3]}": p for p in sorted(SEEDS.glob("*.txt"))}
    for sid in ids:
        shutil.copy(files[sid], d / files[sid].name)
    return write_manifest(d / "sources.toml", {sid: files[sid].name for sid in ids})


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A validated, audited build of two seeds (with comments), and its bytes."""
    tmp = tmp_path_factory.mktemp("good")
    out = tmp / "build"
    pipeline_build(_seed_manifest(tmp, ["seed-000", "seed-002"]), out)
    s = validate_build(out, TEST_KEY, data_docs=False)
    assert s.success, [f.message for f in s.failures]
    return out


def _copy(build: Path, dest: Path) -> Path:
    shutil.copytree(build, dest)
    return dest


def test_a_validated_build_publishes_and_the_manifest_names_the_bytes_the_gate_checked(good, tmp_path):
    b = _copy(good, tmp_path / "b")
    res = publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    gate = res.manifest["gate"]
    assert set(gate) == {"validation", "privacy_audit"}
    for stage in gate.values():
        assert stage["passed"] and stage["code_version"] == verdict.code_version()
        assert stage["build_files"]["comments.parquet"] == hashlib.sha256(
            (b / "comments.parquet").read_bytes()).hexdigest()


# ------------------------------------------------------------------ 1. stale verdicts

def test_stale_verdicts_an_unvalidated_build_into_the_same_folder_is_refused(good, tmp_path):
    """build (validated) -> build of other sources into the same --out with --no-validate -> publish."""
    b = _copy(good, tmp_path / "b")
    pipeline_build(_seed_manifest(tmp_path, ["seed-003"]), b)  # no validation afterwards
    assert (b / "validation" / "summary.json").is_file()  # the old, passing reports are still there
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "is not the file the validation checked" in _one_line(e)
    assert not (tmp_path / "reg" / "v1.0.0").exists()


# ------------------------------------------------------------------ 2. edited tables

def _append_comment_text(build: Path, extra: str) -> None:
    t = pq.read_table(build / "comments.parquet")
    texts = t.column("text").to_pylist()
    texts[0] += extra
    t = t.set_column(t.schema.get_field_index("text"), t.schema.field("text"), pa.array(texts, pa.string()))
    pq.write_table(t, build / "comments.parquet")


def test_edited_tables_after_a_passing_build_are_refused(good, tmp_path):
    b = _copy(good, tmp_path / "b")
    _append_comment_text(b, " Call Quentin Marlowe-Ashby on +44 20 7946 0958 or quentin.ma@mailbox.example.co")
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "comments.parquet" in _one_line(e) and "re-run 'therapy-threads validate" in str(e.value)
    # and validating the edited table does not pass it: the address fails the audit
    s = validate_build(b, TEST_KEY, data_docs=False)
    assert not s.success and s.privacy_audit["status"] == "failed"
    with pytest.raises(UserError, match="did not pass"):
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)


def test_a_hand_edited_verdict_or_report_is_refused(good, tmp_path):
    b = _copy(good, tmp_path / "b")
    vpath = verdict.verdict_path(b, "validation")
    v = json.loads(vpath.read_text())
    v["files"]["comments.parquet"]["sha256"] = "0" * 64
    vpath.write_text(json.dumps(v))
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "not signed with this build's key" in _one_line(e)

    b2 = _copy(good, tmp_path / "b2")
    summary = json.loads((b2 / "validation" / "summary.json").read_text())
    summary["warnings"] = []
    (b2 / "validation" / "summary.json").write_text(json.dumps(summary))
    with pytest.raises(UserError, match="summary.json .* changed after the validation wrote it"):
        publish(b2, "1.0.0", tmp_path / "reg", key=TEST_KEY)


# ------------------------------------------------------------------ 3. another key / no key

def test_validating_or_auditing_with_another_key_fails_and_publish_refuses(good, tmp_path):
    b = _copy(good, tmp_path / "b")
    res = audit_build(b, OTHER_KEY, ner_review=False)
    assert not res.passed and res.counts == {"setup": 1}
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "privacy audit of" in _one_line(e) and "is not the key that made this build" in str(e.value)

    b2 = _copy(good, tmp_path / "b2")
    s = validate_build(b2, OTHER_KEY, data_docs=False)
    assert not s.success and s.privacy_audit["status"] == "failed"
    with pytest.raises(UserError):
        publish(b2, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    # publishing with another key than the build's is refused before anything is read
    with pytest.raises(UserError) as e:
        publish(_copy(good, tmp_path / "b3"), "1.0.0", tmp_path / "reg", key=OTHER_KEY)
    assert "is not the key that made this build" in _one_line(e)


def test_without_a_key_the_audit_fails_it_is_never_skipped(good, tmp_path, monkeypatch, capsys):
    b = _copy(good, tmp_path / "b")
    s = validate_build(b, None, data_docs=False)
    assert not s.success and s.privacy_audit["status"] == "failed"
    assert any("needs the build's pseudonym key" in f.message for f in s.failures)
    with pytest.raises(UserError, match="validation of .* did not pass"):
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    monkeypatch.setenv("THERAPY_THREADS_KEY_FILE", str(tmp_path / "none.key"))
    assert main(["audit", str(b)]) == 2
    assert main(["publish", "1.0.0", "--build", str(b), "--registry", str(tmp_path / "reg")]) == 2
    assert "no pseudonym key" in capsys.readouterr().err


def test_a_missing_audit_module_fails_closed(good, tmp_path, monkeypatch):
    import sys

    b = _copy(good, tmp_path / "b")
    monkeypatch.setitem(sys.modules, "therapy_threads.anonymise.audit", None)  # import fails
    s = validate_build(b, TEST_KEY, data_docs=False)
    assert not s.success and s.privacy_audit["status"] == "unavailable"


# ------------------------------------------------------------------ 4. every source failed

def test_every_source_failed_fails_the_build_and_leaves_the_good_build_alone(good, tmp_path):
    b = _copy(good, tmp_path / "b")
    before = _digests(b)
    manifest = write_manifest(tmp_path / "sources.toml", {"gone": "no-such-file.txt"})
    with pytest.raises(pipeline.FailedSourcesError) as e:
        pipeline_build(manifest, b, allow_failed_sources=True)  # even when failures are allowed
    assert "every source failed" in _one_line(e)
    assert _digests(b) == before
    # the release that is still possible is the good one, unchanged
    assert publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY).counts["posts"] == 2


def test_a_failed_source_fails_unless_allowed_and_validation_checks_it(good, tmp_path):
    src = _seed_manifest(tmp_path, ["seed-000", "seed-002"])
    with src.open("a") as f:
        f.write('[[source]]\nid = "gone"\nlocation = "no-such-file.txt"\n')
    out = tmp_path / "b"
    with pytest.raises(pipeline.FailedSourcesError) as e:
        pipeline_build(src, out)
    assert "1 of 3 sources failed (gone" in _one_line(e) and "--allow-failed-sources" in str(e.value)
    assert not out.exists()
    report = pipeline_build(src, out, allow_failed_sources=True)
    assert report["failed_sources_allowed"] == ["gone"]
    assert validate_build(out, TEST_KEY, data_docs=False).success
    # a report whose failed source was not allowed does not validate
    report["failed_sources_allowed"] = []
    pipeline.write_json(out / "build_report.json", report)
    s = validate_build(out, TEST_KEY, data_docs=False)
    assert not s.success and [f.check for f in s.failures] == ["read_or_allowed"]
    assert s.failures[0].row_ids == ["gone"]


def test_an_empty_build_does_not_validate_and_is_never_published(good, tmp_path):
    from test_validate_support import write_build

    b = write_build(tmp_path / "empty", {"posts": [], "comments": [], "quarantine": []})
    s = validate_build(b, TEST_KEY, data_docs=False)
    assert not s.success and "built_something" in [f.check for f in s.failures]
    # even with (forged) passing verdicts, publish refuses an empty release
    from helpers_build import record_verdicts

    (b / "validation" / "privacy_audit.json").write_text("{}")
    record_verdicts(b)
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "an empty release is never published" in _one_line(e)


def test_a_release_that_drops_most_rows_needs_a_flag_and_a_removed_source_a_major(good, tmp_path):
    reg = tmp_path / "reg"
    publish(good, "1.0.0", reg, key=TEST_KEY)
    # the next build lost seed-002 (12 of 22 comments) but kept seed-000
    b = tmp_path / "b"
    pipeline_build(_seed_manifest(tmp_path, ["seed-000"]), b)
    assert validate_build(b, TEST_KEY, data_docs=False, baseline=json.loads(
        (reg / "v1.0.0" / "manifest.json").read_text())).warnings[-1].check == "rows_kept_since_previous"
    with pytest.raises(UserError) as e:
        publish(b, "1.1.0", reg, key=TEST_KEY, allow_row_loss=True)
    assert "removing a whole source is a major release: publish 2.0.0" in _one_line(e)
    with pytest.raises(UserError) as e:
        publish(b, "2.0.0", reg, key=TEST_KEY)
    assert "--allow-row-loss" in _one_line(e)
    assert publish(b, "2.0.0", reg, key=TEST_KEY, allow_row_loss=True).counts["posts"] == 1


# ------------------------------------------------------------------ faults: kill -9

def test_kill_during_table_replacement_a_mix_of_two_builds_is_refused(good, tmp_path):
    """posts.parquet from a new build beside the old comments, report and passing verdicts."""
    other = tmp_path / "other"
    pipeline_build(_seed_manifest(tmp_path, ["seed-000", "seed-003"]), other)
    b = _copy(good, tmp_path / "b")
    shutil.copy(other / "posts.parquet", b / "posts.parquet")  # equal row counts: 2 posts each
    assert pq.read_metadata(b / "posts.parquet").num_rows == pq.read_metadata(good / "posts.parquet").num_rows
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "posts.parquet" in _one_line(e) and "is not the file" in str(e.value)


def test_tables_replaced_while_validation_runs_give_a_failed_verdict(good, tmp_path, monkeypatch):
    from therapy_threads.validate import frames

    other = tmp_path / "other"
    pipeline_build(_seed_manifest(tmp_path, ["seed-000", "seed-003"]), other)
    b = _copy(good, tmp_path / "b")
    real = frames.table_frames

    def swap_then_read(build_dir, *a, **kw):  # a second build writes while this one reads
        out = real(build_dir, *a, **kw)  # (validation reads the build one source at a time)
        shutil.copy(other / "comments.parquet", b / "comments.parquet")
        return out

    monkeypatch.setattr(frames, "table_frames", swap_then_read)
    s = validate_build(b, TEST_KEY, data_docs=False)
    assert not s.success and any("changed while" in f.message for f in s.failures)
    with pytest.raises(UserError):
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)


def test_kill_during_validation_new_unvalidated_tables_are_refused(good, tmp_path, monkeypatch):
    b = _copy(good, tmp_path / "b")
    pipeline_build(_seed_manifest(tmp_path, ["seed-000", "seed-003"]), b)  # the new build's tables

    def killed(*a, **k):
        raise KeyboardInterrupt  # the process dies in the middle of validation

    from therapy_threads.validate import frames

    monkeypatch.setattr(frames, "table_frames", killed)
    with pytest.raises(KeyboardInterrupt):
        validate_build(b, TEST_KEY, data_docs=False)
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "is not the file the validation checked" in _one_line(e)


def test_a_change_while_the_release_is_written_is_refused(good, tmp_path, monkeypatch):
    from therapy_threads.publish import release as release_mod

    b = _copy(good, tmp_path / "b")
    real = release_mod.plots_mod.write_plots

    def plots_then_rebuild(root, stats, texts=None):
        _append_comment_text(b, " late edit")
        return real(root, stats, texts)

    monkeypatch.setattr(release_mod.plots_mod, "write_plots", plots_then_rebuild)
    with pytest.raises(UserError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "changed while the release was being written" in _one_line(e)
    assert not (tmp_path / "reg" / "v1.0.0").exists()


# ------------------------------------------------------------------ moved build folder

def test_a_moved_build_folder_keeps_its_verdicts_and_a_failed_rerun_there_changes_nothing(good, tmp_path):
    moved = tmp_path / "elsewhere" / "build"
    moved.parent.mkdir()
    shutil.move(str(_copy(good, tmp_path / "b")), moved)
    before = _digests(moved)
    # re-running the same build where every source now fails (paths that no longer resolve)
    manifest = write_manifest(tmp_path / "sources.toml", {"seed-000": "old/000.txt", "seed-002": "old/002.txt"})
    with pytest.raises(pipeline.FailedSourcesError):
        pipeline_build(manifest, moved)
    assert _digests(moved) == before
    res = publish(moved, "1.0.0", tmp_path / "reg", key=TEST_KEY)  # verdicts name files, not paths
    assert res.counts["comments"] == pq.read_metadata(good / "comments.parquet").num_rows


# ------------------------------------------------------------------ the command line

def test_build_command_exits_non_zero_and_keeps_the_old_build_when_every_source_failed(
        prefect_harness, good, tmp_path, capsys):
    b = _copy(good, tmp_path / "b")
    before = _digests(b)
    manifest = write_manifest(tmp_path / "sources.toml", {"gone": "no-such-file.txt"})
    from therapy_threads.commands import build as build_cmd

    args = build_cmd_args(manifest, b)
    assert build_cmd.run(args) == 1
    err = capsys.readouterr().err
    assert "build FAILED: every source failed" in err
    assert _digests(b) == before
    # a deployment run of the flow (no CLI around it) ends Failed, not Completed
    from flows.build import build_flow

    state = build_flow(sources=str(manifest), out=str(b), workers=1, return_state=True)
    assert state.is_failed() and "every source failed" in str(state.message)
    assert _digests(b) == before


def build_cmd_args(manifest: Path, out: Path):
    import argparse

    p = argparse.ArgumentParser()
    from therapy_threads.commands import build as build_cmd

    sub = p.add_subparsers()
    build_cmd.register(sub)
    return p.parse_args(["build", "--sources", str(manifest), "--out", str(out), "--workers", "1", "-q"])


def test_publish_command_prints_the_one_line_reason(good, tmp_path, capsys):
    b = _copy(good, tmp_path / "b")
    _append_comment_text(b, " edited")
    assert main(["publish", "1.0.0", "--build", str(b), "--registry", str(tmp_path / "reg"),
                 "--no-data-card"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("therapy-threads publish: error: comments.parquet of")
