"""Incremental by construction: an unchanged source is neither re-read, re-validated nor
re-audited; a new source costs its own work plus an index join; builds are relocatable and an
interrupted build leaves the previous one whole."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "samples"


def _copy_seeds(dst: Path) -> Path:
    shutil.copytree(ROOT / "seeds", dst)
    return dst


def _add_source(manifest_dir: Path, sid: str, file: Path) -> None:
    shutil.copy(file, manifest_dir / file.name)
    with (manifest_dir / "sources.toml").open("a") as f:
        f.write(f'\n[[source]]\nid = "{sid}"\nlocation = "{file.name}"\nsite = "test"\nlicence = "test fixture"\n')


class _Count:
    def __init__(self, monkeypatch, module, name):
        self.calls: list = []
        real = getattr(module, name)

        def wrapped(*a, **k):
            self.calls.append(a)
            return real(*a, **k)

        monkeypatch.setattr(module, name, wrapped)


def test_only_the_new_source_is_read_validated_and_audited(prefect_harness, test_key, tmp_path, monkeypatch):
    from flows.build import build_flow
    from therapy_threads import pipeline
    from therapy_threads.anonymise import audit as audit_mod
    from therapy_threads.validate import fragment, privacy

    src = _copy_seeds(tmp_path / "sources")
    out = tmp_path / "build"
    build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1)
    frag_files = {p: p.stat().st_mtime_ns for p in (out / ".cache" / "fragments").rglob("*") if p.is_file()}

    reads = _Count(monkeypatch, pipeline, "process_source")
    audits = _Count(monkeypatch, privacy, "audit_fragment")
    validations = _Count(monkeypatch, fragment, "validate_fragments")
    rescans = _Count(monkeypatch, audit_mod, "audit_tables")
    _add_source(src, "isso-wxr", SAMPLES / "wxr" / "isso-wordpress.xml")
    report = build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1)

    assert [c[0].source_id for c in reads.calls] == ["isso-wxr"]
    assert len(audits.calls) == 1
    assert len(validations.calls) == 1 and len(validations.calls[0][0]) == 1  # one batch, one fragment
    # the audit ran on the new fragment only: no other source's text met its identities
    assert [Path(c[0]).name for c in rescans.calls] != [] and len(rescans.calls) == 1
    assert report["validation"]["success"] is True
    cache = {s["source_id"]: s["cache"] for s in report["sources"]}
    assert cache.pop("isso-wxr") == "miss" and set(cache.values()) == {"hit"}
    # the old fragments were not touched
    assert all(p.stat().st_mtime_ns == t for p, t in frag_files.items())
    summary = json.loads((out / "validation" / "summary.json").read_text())
    assert summary["run"]["fragments_validated"] == 6 and summary["success"] is True


def test_a_moved_build_folder_rebuilds_from_its_cache(prefect_harness, test_key, tmp_path):
    from flows.build import build_flow

    first = tmp_path / "a" / "build"
    build_flow(sources=str(ROOT / "seeds"), out=str(first), key_file=str(test_key), workers=1)
    moved = tmp_path / "elsewhere" / "build"
    moved.parent.mkdir()
    shutil.move(str(first), moved)
    report = build_flow(sources=str(ROOT / "seeds"), out=str(moved), key_file=str(test_key), workers=1)
    assert {s["status"] for s in report["sources"]} == {"ok"}
    assert {s["cache"] for s in report["sources"]} == {"hit"}
    assert report["validation"]["success"] is True
    assert all(not Path(s["fragment"]).is_absolute() for s in report["sources"])


def test_a_build_that_dies_before_its_switch_leaves_the_previous_build(prefect_harness, test_key, tmp_path,
                                                                       monkeypatch):
    from flows.build import build_flow
    from therapy_threads.validate import build as vbuild

    src = _copy_seeds(tmp_path / "sources")
    out = tmp_path / "build"
    build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
              if p.is_file() and ".cache" not in p.parts}

    class Killed(BaseException):  # like a kill: not an Exception anything would handle
        pass

    def killed(*a, **k):
        raise Killed
    monkeypatch.setattr(vbuild, "validate_from_fragments", killed)
    _add_source(src, "isso-wxr", SAMPLES / "wxr" / "isso-wordpress.xml")
    with pytest.raises(Killed):
        build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
             if p.is_file() and ".cache" not in p.parts}
    assert after == before  # tables, report and verdicts all from the previous build
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".build.next")]
    # the new source's fragment was kept: the next build only assembles and gates
    monkeypatch.undo()
    report = build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1)
    assert {s["cache"] for s in report["sources"]} == {"hit"}


def test_a_build_without_validation_carries_no_verdict(prefect_harness, test_key, tmp_path):
    """Issue 9's first walk-around: verdicts of an earlier build never sit beside new tables."""
    from flows.build import build_flow

    src = _copy_seeds(tmp_path / "sources")
    out = tmp_path / "build"
    build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1)
    assert (out / "validation" / "summary.json").exists()
    _add_source(src, "isso-wxr", SAMPLES / "wxr" / "isso-wordpress.xml")
    build_flow(sources=str(src), out=str(out), key_file=str(test_key), workers=1, run_validation=False)
    assert not (out / "validation").exists()
    assert "isso-wxr" in set(pq.read_table(out / "comments.parquet").column("source_id").to_pylist())


def test_a_validated_build_keeps_the_bytes_its_verdicts_name(prefect_harness, test_key, tmp_path):
    # The gate's verdicts bind build_report.json; a build that rewrote it afterwards could not be
    # published ("not the file the validation checked").
    from flows.build import build_flow

    from therapy_threads import verdict
    from therapy_threads.anonymise.keys import load_key

    out = tmp_path / "build"
    report = build_flow(sources=str(ROOT / "seeds"), out=str(out), key_file=str(test_key), workers=1)
    assert report["validation"]["success"] is True
    found = verdict.check(out, load_key(test_key, create=False))
    assert {stage: v.passed for stage, v in found.items()} == {s: True for s in verdict.STAGES}
    now = verdict.digest_files(out)
    for v in found.values():
        assert verdict.changed_files(v, now) == []
