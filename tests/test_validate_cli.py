"""``therapy-threads validate``: one-screen summary, exit status by outcome, clear usage errors."""
from __future__ import annotations

import json

from therapy_threads.cli import main

from test_validate_support import good_rows, write_build


def test_cli_passes_a_good_build_with_the_builds_key(tmp_path, capsys):
    d = write_build(tmp_path / "build", good_rows())
    assert main(["validate", str(d), "--no-docs"]) == 0  # the session's key made this build
    out = capsys.readouterr()
    assert out.out.startswith(f"validation PASSED: {d}")
    assert "13 comments" in out.out and "privacy audit: passed" in out.out


def test_cli_without_a_key_fails_the_audit_never_skips_it(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("THERAPY_THREADS_KEY", raising=False)
    monkeypatch.setenv("THERAPY_THREADS_KEY_FILE", str(tmp_path / "no-such.key"))
    d = write_build(tmp_path / "build", good_rows())
    assert main(["validate", str(d), "--no-docs"]) == 1
    out = capsys.readouterr()
    assert out.out.startswith("validation FAILED") and "privacy audit: failed" in out.out
    assert "fails without the build's key" in out.err


def test_cli_fails_with_row_ids(tmp_path, capsys):
    rows = good_rows()
    rows["comments"][4]["like_count"] = -1
    d = write_build(tmp_path / "build", rows)
    assert main(["validate", str(d), "--no-docs", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["success"] is False
    assert [(f["check"], f["row_ids"]) for f in doc["failures"]] == [("like_count_minimum", [rows["comments"][4]["comment_id"]])]


def test_cli_usage_errors(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert main(["validate", str(tmp_path)]) == 2
    assert "no posts.parquet or comments.parquet" in capsys.readouterr().err



def test_validate_accepts_a_relative_build_dir(tmp_path, monkeypatch):
    """`make build` passes data/build: Great Expectations' Data Docs need an absolute path."""
    from dataclasses import asdict
    from pathlib import Path

    from helpers_build import TEST_KEY
    from therapy_threads import pipeline
    from therapy_threads.anonymise.audit import write_tokens
    from therapy_threads.anonymise.keys import key_fingerprint
    from therapy_threads.readers import SourceRef, get_reader
    from therapy_threads.validate import validate_build

    data = (Path(__file__).resolve().parent.parent / "seeds" / "000_7691e6bb714660a6.txt").read_bytes()
    r = get_reader("text_capture").read(data, SourceRef("seed-000", "000.txt"))
    build = tmp_path / "rel" / "build"
    build.mkdir(parents=True)
    for name, rows in (("posts", r.posts), ("comments", r.comments), ("quarantine", r.quarantine)):
        pipeline.write_table(pipeline.records_table(name, rows), build / f"{name}.parquet")
    s = pipeline.SourceSummary(source_id="seed-000", location="000.txt", format="text_capture",
                               sha256="0" * 64, bytes=len(data), status="ok", posts=1,
                               comments=len(r.comments), quarantined=len(r.quarantine))
    report = pipeline.build_report([asdict(s)], {"posts": 1, "comments": len(r.comments),
                                                 "quarantine": len(r.quarantine)},
                                   started=0.0, key_fingerprint=key_fingerprint(TEST_KEY), code_fp="y",
                                   previous=None)
    pipeline.write_json(build / "build_report.json", report)
    write_tokens(build / "private" / "identity_tokens.txt", set())  # a capture has no identities
    monkeypatch.chdir(tmp_path)
    summary = validate_build(Path("rel/build"), TEST_KEY)
    assert (build / "validation" / "data_docs" / "index.html").is_file()
    assert summary.success, summary.failures
