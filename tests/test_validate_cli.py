"""``therapy-threads validate``: one-screen summary, exit status by outcome, clear usage errors."""
from __future__ import annotations

import json

from therapy_threads.cli import main

from test_validate_support import good_rows, write_build


def test_cli_passes_a_good_build(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("THERAPY_THREADS_KEY", raising=False)
    monkeypatch.setenv("THERAPY_THREADS_KEY_FILE", str(tmp_path / "no-such.key"))
    d = write_build(tmp_path / "build", good_rows())
    assert main(["validate", str(d), "--no-docs"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith(f"validation PASSED: {d}")
    assert "13 comments" in out.out and "keyed privacy audit will be skipped" in out.err


def test_cli_fails_with_row_ids(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("THERAPY_THREADS_KEY_FILE", str(tmp_path / "no-such.key"))
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
