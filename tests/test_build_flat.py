"""What keeps the build's memory flat in the number of sources: per-source report entries on disk
(reportfile), the token union merged a bounded number of files at a time, footer entries spooled
while tables are concatenated, free-text columns without statistics. Synthetic inputs only."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from therapy_threads import pipeline
from therapy_threads.reportfile import SourceEntries, SourceSpool, iter_sources, read_header, write_report
from therapy_threads.validate import privacy

ENTRIES = [
    {"source_id": "a", "sha256": "1", "status": "ok", "issues": [], "skipped": {}, "comments": 3,
     "quarantined": 0, "posts": 1, "anonymised": {"language_not_covered_published": 2}},
    {"source_id": "b-é", "sha256": "2", "status": "error", "skipped": {"spam": 1}, "comments": 0,
     "quarantined": 1, "posts": 0,
     "issues": [{"severity": "error", "code": "x", "message": "line\nbreak \u2028 \"quoted\" ✓"}],
     "nested": {"deep": [{}, [], {"k": None}], "empty": {}}},
    {"source_id": "c", "sha256": "3", "status": "ok", "issues": [], "skipped": {}, "comments": 0,
     "quarantined": 0, "posts": 0, "list": [1, 2.5, True, None]},
]


@pytest.mark.parametrize("entries", [[], ENTRIES[:1], ENTRIES])
@pytest.mark.parametrize("header", [
    {"build_id": "x", "sources": None, "changes": {"added": ["a"], "removed": []}, "totals": {}},
    {"sources": None},
    {"build_id": "x", "timings": {"a": 1.5}},  # no "sources" key: the entries go last
])
def test_streamed_report_is_byte_for_byte_the_whole_document(tmp_path, entries, header):
    p = tmp_path / "build_report.json"
    write_report(p, header, iter(entries))
    whole = dict(header)
    whole["sources"] = entries
    assert p.read_text(encoding="utf-8") == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    assert list(iter_sources(p)) == entries
    assert read_header(p) == {**whole, "sources": None}
    view = SourceEntries(p, len(entries))
    assert list(view) == entries and len(view) == len(entries)
    if entries:
        assert view[-1] == entries[-1] and view[0] == entries[0]


@pytest.mark.parametrize("indent", [None, 1, 4, "\t"])
def test_a_report_in_another_layout_is_read_whole(tmp_path, indent):
    p = tmp_path / "build_report.json"
    p.write_text(json.dumps({"build_id": "x", "sources": ENTRIES}, indent=indent), encoding="utf-8")
    assert list(iter_sources(p)) == ENTRIES
    assert read_header(p) == {"build_id": "x", "sources": None}
    assert list(SourceEntries(p, 3)) == ENTRIES


def test_spool_returns_entries_by_id_in_the_order_asked(tmp_path):
    with SourceSpool(tmp_path) as spool:
        for e in reversed(ENTRIES):
            spool.add(e)
        assert list(spool.entries(["c", "a", "missing", "b-é"])) == [ENTRIES[2], ENTRIES[0], ENTRIES[1]]
        assert spool.status == {"a": "ok", "b-é": "error", "c": "ok"}
        assert spool.rows == {"a": 4, "b-é": 0, "c": 0}
        assert len(spool) == 3 and "a" in spool and "z" not in spool
    assert list(tmp_path.iterdir()) == []  # a nameless file: nothing left behind


def test_folded_report_equals_the_report_of_the_list(tmp_path):
    previous = {"sources": [{"source_id": "a", "sha256": "1"}, {"source_id": "c", "sha256": "old"},
                            {"source_id": "gone", "sha256": "9"}]}
    kw = dict(started=0.0, key_fingerprint="kf", code_fp="cf", anonymiser_fingerprint="af")
    whole = pipeline.build_report([dict(e) for e in ENTRIES], {"posts": 1, "comments": 3}, previous=previous, **kw)
    fold = pipeline.ReportFold({"a": "1", "c": "old", "gone": "9"})
    for e in ENTRIES:
        fold.add(e)
    header = fold.header({"posts": 1, "comments": 3}, **kw)
    for k in ("finished_at",):
        header[k] = whole[k]
    assert list(header) == list(whole)  # same keys in the same places
    assert {**header, "sources": whole["sources"]} == whole
    assert whole["changes"] == {"added": ["b-é"], "changed": ["c"], "unchanged": ["a"], "removed": ["gone"]}
    assert whole["totals"]["sources_failed"] == 1 and whole["totals"]["skipped"] == 1
    assert whole["language_coverage"]["comments_published_uncovered"] == 2
    p = tmp_path / "build_report.json"
    pipeline.write_json(p, whole)
    assert pipeline.previous_hashes(tmp_path) == {"a": "1", "b-é": "2", "c": "3"}
    assert pipeline.previous_hashes(tmp_path / "nothing") == {}


def test_failed_sources_are_judged_against_the_whole_run():
    failed = [ENTRIES[1]]
    with pytest.raises(pipeline.FailedSourcesError, match="1 of 3 sources failed"):
        pipeline.check_failed_sources(failed, Path("out"), allow=False, total=3)
    assert pipeline.check_failed_sources(failed, Path("out"), allow=True, total=3) == ["b-é"]
    with pytest.raises(pipeline.FailedSourcesError, match="every source failed"):
        pipeline.check_failed_sources(failed, Path("out"), allow=True, total=1)


@pytest.mark.parametrize("n_files", [1, 5, 17, 40])
def test_token_union_in_rounds_equals_the_one_pass_union(tmp_path, monkeypatch, n_files):
    monkeypatch.setattr(privacy, "MERGE_FAN_IN", 4)
    frags, want = [], set()
    for i in range(n_files):
        d = tmp_path / f"f{i}"
        d.mkdir()
        toks = sorted({f"{(i * 7 + j * 13) % 50:03d}\th\tx" for j in range(i % 6)})
        want.update(toks)
        (d / privacy.TOKENS_FILE).write_text("".join(t + "\n" for t in toks), encoding="utf-8")
        frags.append(d)
    dest = tmp_path / "private" / "identity_tokens.txt"
    privacy.write_tokens_union(frags, dest)
    assert dest.read_text(encoding="utf-8") == "".join(t + "\n" for t in sorted(want))
    assert sorted(p.name for p in dest.parent.iterdir()) == ["identity_tokens.txt"]  # no temporaries


def test_token_union_with_a_file_out_of_order_in_a_later_round(tmp_path, monkeypatch):
    monkeypatch.setattr(privacy, "MERGE_FAN_IN", 2)
    frags = []
    for i, toks in enumerate([["a", "c"], ["b"], ["e"], ["z", "d"], ["f"]]):  # the 4th is unsorted
        d = tmp_path / f"f{i}"
        d.mkdir()
        (d / privacy.TOKENS_FILE).write_text("".join(t + "\n" for t in toks), encoding="utf-8")
        frags.append(d)
    dest = tmp_path / "out.txt"
    privacy.write_tokens_union(frags, dest)
    assert dest.read_text(encoding="utf-8") == "a\nb\nc\nd\ne\nf\nz\n"


def test_fragment_tables_carry_no_statistics_for_free_text(tmp_path):
    t = pa.table({"comment_id": ["c1", "c2"], "text": ["x" * 500, "y" * 900], "depth": [0, 1]})
    pipeline.write_table(t, tmp_path / "t.parquet")
    rg = pq.ParquetFile(tmp_path / "t.parquet").metadata.row_group(0)
    stats = {rg.column(i).path_in_schema: rg.column(i).statistics for i in range(rg.num_columns)}
    assert stats["text"] is None
    assert stats["comment_id"].min == "c1" and stats["depth"].max == 1


@pytest.mark.parametrize("sizes,rows,max_bytes", [
    ([5, 0, 7, 3], 4, 1 << 30), ([1] * 30, 8, 1 << 30), ([20], 8, 1 << 30), ([0, 0], 4, 1 << 30),
    ([3, 4], 100, 1 << 30), ([1] * 30, 100, 1), ([2, 9, 1, 1, 5] * 3, 6, 300)])
def test_assembled_tables_are_row_groups_of_a_bounded_size_whatever_the_sources(tmp_path, monkeypatch,
                                                                                sizes, rows, max_bytes):
    monkeypatch.setattr(pipeline, "COMPACT_EVERY", 3)
    schema = pipeline._schema_of("furniture")
    parts, tables, k = [], [], 0
    for i, n in enumerate(sizes):
        t = pa.table({"source_id": [f"s{i}"] * n, "post_id": [f"p{k + j}" for j in range(n)],
                      "kind": ["share"] * n, "text": [f"text {k + j} é" for j in range(n)],
                      "location": [None] * n}, schema=schema)
        k += n
        p = tmp_path / f"part{i}.parquet"
        pipeline.write_table(t, p)
        parts.append(p)
        tables.append(t)
    target = tmp_path / "furniture.parquet"
    assert pipeline._rewrite(parts, "furniture", target, rows=rows, max_bytes=max_bytes) == sum(sizes)
    got = pq.read_table(target)
    assert got.equals(pa.concat_tables(tables)) and got.schema.equals(schema)
    meta = pq.ParquetFile(target).metadata
    groups = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert all(0 < g <= rows for g in groups) or not sum(sizes)
    if max_bytes > 1 << 20 and sum(sizes):  # only the row bound applies: full row groups
        assert groups[:-1] == [rows] * (len(groups) - 1)
    if max_bytes == 1:  # every part is a row group of its own
        assert groups == [n for n in sizes if n]
    # the same parts give the same bytes (a Dask build equals a local one)
    again = tmp_path / "again.parquet"
    pipeline._rewrite(parts, "furniture", again, rows=rows, max_bytes=max_bytes)
    assert again.read_bytes() == target.read_bytes()
