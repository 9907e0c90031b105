"""validate_build on small Parquet builds: each kind of bad row fails the right expectation and
the message names the rows; a good build passes every suite."""
from __future__ import annotations

import copy
import json

import pyarrow as pa
import pytest

from therapy_threads import ids
from therapy_threads.schema import arrow_schema
from therapy_threads.validate import format_summary, summary_markdown, validate_build

from helpers_build import TEST_KEY
from test_validate_support import good_rows, report_for, write_build


def _validate(tmp_path, rows, report=None, tables=None, docs=False):
    d = write_build(tmp_path / "build", rows, report=report, tables=tables)
    return validate_build(d, TEST_KEY, data_docs=docs)


def _failure(summary, check):
    found = [f for f in summary.failures if f.check == check]
    assert found, f"expected failure {check!r}; got {[f.check for f in summary.failures]}"
    return found[0]


def _checks(items):
    return sorted({f.check for f in items})


def test_good_build_passes_every_suite(tmp_path):
    s = _validate(tmp_path, good_rows(), docs=True)
    assert s.failures == []
    assert s.success is True
    assert s.expectations["evaluated"] == s.expectations["passed"] > 60
    assert set(s.expectations["per_suite"]) == {"schema", "posts", "comments", "quarantine", "sources",
                                                "relations", "distributions"}
    assert s.reconciliation["reconciled"] is True
    assert s.reconciliation["comments_in_sources"] == 14 == s.reconciliation["published"] + s.reconciliation["quarantined"]
    assert s.counts["comments"] == 13 and s.counts["posts"] == 3 and s.counts["quarantine_by_reason"] == {"orphan_reply": 1}
    assert s.warnings == [] and s.privacy_audit["status"] == "passed"
    written = json.loads((tmp_path / "build/validation/summary.json").read_text())
    assert written["success"] is True and written["failures"] == []
    assert (tmp_path / "build/validation/data_docs/index.html").exists()


def test_duplicate_comment_id(tmp_path):
    rows = good_rows()
    dup = copy.deepcopy(rows["comments"][8])  # a leaf of post 2
    dup["position"] = 3
    rows["comments"].insert(9, dup)
    rows["posts"][1]["extracted_comment_count"] = 4
    s = _validate(tmp_path, rows)
    f = _failure(s, "comment_id_unique")
    assert f.table == "comments" and f.unexpected_count == 2
    assert f.row_ids == [dup["comment_id"], dup["comment_id"]]
    assert "duplicate ids" in f.message
    assert s.success is False


def test_orphan_reply(tmp_path):
    rows = good_rows()
    c = rows["comments"][2]
    c["parent_id"] = ids.comment_id(rows["posts"][0]["post_id"], "deleted")
    s = _validate(tmp_path, rows)
    f = _failure(s, "parent_in_post")
    assert f.row_ids == [c["comment_id"]] and f.unexpected_count == 1
    assert "not a comment of the same post" in f.message
    # The consequences are not reported again as depth/root/path errors of that row.
    assert "depth_is_parent_plus_one" not in _checks(s.failures)


def test_parent_in_another_post(tmp_path):
    rows = good_rows()
    c = rows["comments"][10]  # src-b post; point it at a comment of post 1
    c["parent_id"] = rows["comments"][0]["comment_id"]
    s = _validate(tmp_path, rows)
    assert _failure(s, "parent_in_post").row_ids == [c["comment_id"]]


def test_cycle(tmp_path):
    rows = good_rows()
    a, b = rows["comments"][1], rows["comments"][2]  # b replies to a; make a reply to b
    a["parent_id"] = b["comment_id"]
    s = _validate(tmp_path, rows)
    f = _failure(s, "no_cycle")
    assert set(f.row_ids) == {a["comment_id"], b["comment_id"]}
    assert "cycle" in f.message


def test_depth_mismatch(tmp_path):
    rows = good_rows()
    c = rows["comments"][4]
    c["depth"] = 3  # parent has depth 0
    s = _validate(tmp_path, rows)
    f = _failure(s, "depth_is_parent_plus_one")
    assert f.row_ids == [c["comment_id"]]
    assert "parent depth + 1" in f.message


def test_leaked_email_and_url(tmp_path):
    rows = good_rows()
    rows["comments"][3]["text"] = "Write to me: jane.doe@example.org, I will answer."
    rows["comments"][7]["text"] = "More on my blog https://janedoe.example/about"
    rows["comments"][9]["text"] = "An @ sign alone, and www without a dot, are fine."
    s = _validate(tmp_path, rows)
    f = _failure(s, "text_no_email_or_url")
    assert f.row_ids == [rows["comments"][3]["comment_id"], rows["comments"][7]["comment_id"]]
    assert f.unexpected_count == 2 and "privacy gate" in f.message


def test_email_in_post_body(tmp_path):
    rows = good_rows()
    rows["posts"][2]["body"] += " Contact: someone@clinic.co.uk"
    s = _validate(tmp_path, rows)
    assert _failure(s, "body_no_email").row_ids == [rows["posts"][2]["post_id"]]


def test_empty_and_blank_text(tmp_path):
    rows = good_rows()
    rows["comments"][5]["text"] = ""
    rows["comments"][6]["text"] = " \n\u200b "
    s = _validate(tmp_path, rows)
    f = _failure(s, "text_not_blank")
    assert f.row_ids == [rows["comments"][5]["comment_id"], rows["comments"][6]["comment_id"]]


def test_removed_comment_may_be_blank(tmp_path):
    # A comment the page shows as deleted keeps its place (its replies keep their parent) with
    # no text and the removed flag; the same blank text without the flag still fails.
    rows = good_rows()
    rows["comments"][1]["text"], rows["comments"][1]["removed"] = "", True
    rows["comments"][6]["text"] = ""
    s = _validate(tmp_path, rows)
    assert _failure(s, "text_not_blank").row_ids == [rows["comments"][6]["comment_id"]]


def test_metadata_only_text(tmp_path):
    rows = good_rows()
    rows["comments"][0]["text"] = "March 3, 2019 at 4:52 pm · Reply"
    s = _validate(tmp_path, rows)
    assert _failure(s, "text_not_metadata_only").row_ids == [rows["comments"][0]["comment_id"]]


def test_position_gap(tmp_path):
    rows = good_rows()
    last = rows["comments"][12]  # src-b post, positions 0..3 -> 0,1,2,5
    last["position"] = 5
    s = _validate(tmp_path, rows)
    f = _failure(s, "position_within_post_count")
    assert f.row_ids == [last["comment_id"]]
    assert "not contiguous" in f.message


def test_position_duplicate(tmp_path):
    rows = good_rows()
    rows["comments"][12]["position"] = 2
    s = _validate(tmp_path, rows)
    f = _failure(s, "position_unique_in_post")
    assert set(f.row_ids) == {rows["comments"][11]["comment_id"], rows["comments"][12]["comment_id"]}


def test_negative_like_count(tmp_path):
    rows = good_rows()
    rows["comments"][1]["like_count"] = -2
    s = _validate(tmp_path, rows)
    f = _failure(s, "like_count_minimum")
    assert f.row_ids == [rows["comments"][1]["comment_id"]] and "below 0" in f.message


def test_schema_type_mismatch(tmp_path):
    rows = good_rows()
    table = pa.Table.from_pylist(rows["comments"], schema=arrow_schema("comments"))
    i = table.schema.get_field_index("depth")
    table = table.set_column(i, pa.field("depth", pa.string()), pa.array([str(d) for d in table.column("depth").to_pylist()]))
    table = table.append_column("author_name", pa.array(["x"] * table.num_rows))
    s = _validate(tmp_path, rows, tables={"comments": table})
    f = _failure(s, "type_matches")
    assert f.table == "schema" and f.row_ids == ["comments.depth"]
    assert _failure(s, "in_schema").row_ids == ["comments.author_name"]


def test_missing_column(tmp_path):
    rows = good_rows()
    table = pa.Table.from_pylist(rows["posts"], schema=arrow_schema("posts")).drop_columns(["title"])
    s = _validate(tmp_path, rows, tables={"posts": table})
    assert _failure(s, "in_file").row_ids == ["posts.title"]


def test_extracted_count_mismatch_and_declared_warning(tmp_path):
    rows = good_rows()
    rows["posts"][2]["declared_comment_count"] = 2  # 4 extracted > 2 declared: a warning only
    s = _validate(tmp_path, rows)
    assert s.success is True
    w = [f for f in s.warnings if f.check == "extracted_within_declared"]
    assert w and w[0].row_ids == [rows["posts"][2]["post_id"]]

    rows["posts"][0]["extracted_comment_count"] = 5
    s = _validate(tmp_path, rows)
    assert _failure(s, "extracted_count_matches_rows").row_ids == [rows["posts"][0]["post_id"]]


def test_comment_of_unknown_post(tmp_path):
    rows = good_rows()
    rows["posts"].pop(1)  # its 3 comments remain
    s = _validate(tmp_path, rows)
    f = _failure(s, "post_exists")
    assert f.unexpected_count == 3


def test_counts_must_reconcile_with_report(tmp_path):
    rows = good_rows()
    report = report_for(rows)
    report["sources"][0]["comments"] += 1  # the report saw a comment the tables lost
    report["totals"]["comments_seen"] += 1
    s = _validate(tmp_path, rows, report=report)
    f = _failure(s, "reconciled_with_report")
    assert set(f.row_ids) == {"src-a", "(all sources)"}
    assert s.reconciliation["reconciled"] is False and s.reconciliation["comments_in_sources"] == 15


def test_quarantined_comment_also_published(tmp_path):
    rows = good_rows()
    rows["quarantine"][0]["item_id"] = rows["comments"][0]["comment_id"]
    s = _validate(tmp_path, rows)
    assert _failure(s, "not_also_published").row_ids == [["src-a", rows["comments"][0]["comment_id"], "orphan_reply"]]


def test_comment_longer_than_its_source(tmp_path):
    rows = good_rows()
    rows["comments"][4]["text"] = "x" * 500
    s = _validate(tmp_path, rows, report=report_for(rows, source_bytes=400))
    f = _failure(s, "text_within_source_size")
    assert f.row_ids == [rows["comments"][4]["comment_id"]]


def test_missing_file_is_a_failure_not_a_crash(tmp_path):
    d = write_build(tmp_path / "build", good_rows())
    (d / "quarantine.parquet").unlink()
    s = validate_build(d, TEST_KEY, data_docs=False)
    assert s.success is False
    assert any(f.check == "file_readable" and "quarantine.parquet is missing" in f.message for f in s.failures)


def test_summary_is_deterministic_and_readable(tmp_path):
    rows = good_rows()
    rows["comments"][2]["depth"] = 7
    d = write_build(tmp_path / "build", rows)
    a = json.loads(json.dumps(validate_build(d, TEST_KEY, data_docs=False).to_dict()))
    first = (d / "validation/summary.json").read_text()
    b = validate_build(d, TEST_KEY, data_docs=False).to_dict()
    second = (d / "validation/summary.json").read_text()
    a.pop("run"), b.pop("run")
    assert a == json.loads(json.dumps(b))
    strip = lambda t: {k: v for k, v in json.loads(t).items() if k != "run"}  # noqa: E731
    assert strip(first) == strip(second)

    s = validate_build(d, TEST_KEY, data_docs=False)
    text = format_summary(s)
    assert text.splitlines()[0].startswith("validation FAILED")
    assert "[comments.depth_is_parent_plus_one]" in text and rows["comments"][2]["comment_id"] in text
    assert len(text.splitlines()) < 40
    md = summary_markdown(s)
    assert md.startswith("# Build validation: ❌ failed")
    assert "`depth_is_parent_plus_one`" in md and "| comments | 13 |" in md


def test_raw_identity_as_pseudonym(tmp_path):
    rows = good_rows()
    rows["comments"][6]["author_pseudonym"] = "jane@example.org"
    s = _validate(tmp_path, rows)
    assert _failure(s, "author_pseudonym_no_identity").row_ids == [rows["comments"][6]["comment_id"]]


def test_build_without_comments(tmp_path):
    rows = good_rows()
    rows["comments"] = []
    rows["quarantine"] = []
    for p in rows["posts"]:
        p["extracted_comment_count"] = 0
        p["declared_comment_count"] = None
    s = _validate(tmp_path, rows)
    assert s.failures == [] and s.success is True
    assert s.counts["comments"] == 0


def test_raise_for_status(tmp_path):
    from therapy_threads.validate import BuildValidationError

    rows = good_rows()
    rows["comments"][3]["depth"] = 5
    s = _validate(tmp_path, rows)
    with pytest.raises(BuildValidationError, match="depth_is_parent_plus_one"):
        s.raise_for_status()
    _validate(tmp_path / "ok", good_rows()).raise_for_status()


def test_data_docs_name_leaking_rows_but_withhold_the_text(tmp_path):
    rows = good_rows()
    rows["comments"][3]["text"] = "Write to me: jane.doe@example.org, I will answer."
    s = _validate(tmp_path, rows, docs=True)
    assert _failure(s, "text_no_email_or_url").row_ids == [rows["comments"][3]["comment_id"]]
    pages = "".join(p.read_text() for p in (tmp_path / "build/validation/data_docs").rglob("*.html"))
    assert rows["comments"][3]["comment_id"] in pages
    assert "jane.doe@example.org" not in pages
    assert "withheld: 49 characters" in pages
    assert "jane.doe" not in (tmp_path / "build/validation/summary.json").read_text()


def test_corrupt_parquet_is_a_failure_not_a_crash(tmp_path):
    d = write_build(tmp_path / "build", good_rows())
    data = (d / "comments.parquet").read_bytes()
    (d / "comments.parquet").write_bytes(data[:4] + b"\0" * (len(data) - 200) + data[-196:])
    s = validate_build(d, TEST_KEY, data_docs=False)
    assert s.success is False
    assert any(f.check == "file_readable" and f.table == "comments" for f in s.failures), [f.message for f in s.failures]
