"""Pipeline library: manifest handling, fragment keys, table conversion, reconciliation."""
from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from therapy_threads import pipeline
from therapy_threads.errors import UserError
from therapy_threads.readers import SourceRef
from therapy_threads.records import Comment, Post, ReadResult

ROOT = Path(__file__).resolve().parent.parent


def test_seed_manifest_lists_the_five_seeds_with_provenance():
    base, refs = pipeline.load_manifest(ROOT / "seeds")
    assert [r.source_id for r in refs] == [f"seed-00{i}" for i in range(5)]
    for r in refs:
        assert (base / r.location).is_file()
        assert r.licence and r.retrieved and r.site


@pytest.mark.parametrize("body, message", [
    ("", "lists no [[source]]"),
    ("[[source]]\nid='a'\n", "needs 'location'"),
    ("[[source]]\nid='a'\nlocation='x'\n[[source]]\nid='a'\nlocation='y'\n", "used twice"),
    ("[[source]]\nid='a'\nlocation='x'\ncolour='red'\n", "unknown keys"),
    ("[[source]\n", "not valid TOML"),
])
def test_bad_manifests_say_what_to_fix(tmp_path, body, message):
    (tmp_path / "sources.toml").write_text(body)
    with pytest.raises(UserError, match=message.replace("[", r"\[").replace("]", r"\]")):
        pipeline.load_manifest(tmp_path)


def test_missing_manifest_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no source manifest"):
        pipeline.load_manifest(tmp_path / "nowhere")


def test_fragment_key_changes_with_content_code_and_anonymisation():
    ref = SourceRef("s", "a.txt")
    k = pipeline.fragment_key(ref, "0" * 64, "code1", "anon1")
    assert k == pipeline.fragment_key(SourceRef("s", "a.txt"), "0" * 64, "code1", "anon1")
    assert k != pipeline.fragment_key(ref, "1" * 64, "code1", "anon1")
    assert k != pipeline.fragment_key(ref, "0" * 64, "code2", "anon1")
    assert k != pipeline.fragment_key(ref, "0" * 64, "code1", "anon2")
    assert k != pipeline.fragment_key(SourceRef("s", "a.txt", site="x"), "0" * 64, "code1", "anon1")


def test_unknown_format_is_a_per_source_error_not_an_exception():
    r = pipeline.read_source(SourceRef("s", "blob.bin"), b"\x00\x01\x02" * 100)
    assert r.failed and not r.posts and not r.comments
    assert [i.severity for i in r.issues] == ["error"]


def test_records_table_drops_internal_fields_and_converts_timestamps():
    c = Comment(comment_id="c_" + "0" * 20, post_id="p_" + "0" * 20, source_id="s", position=0,
                text="hello", root_id="c_" + "0" * 20, path="c_" + "0" * 20,
                published_at="2012-03-04T05:06:07+00:00", source_key="k", location="line 1")
    t = pipeline.records_table("comments", [c])
    assert "source_key" not in t.column_names and "identity" not in t.column_names
    assert t.column("published_at")[0].as_py().isoformat() == "2012-03-04T05:06:07+00:00"


def test_assemble_concatenates_fragments_in_order(tmp_path):
    frags = []
    for i in range(3):
        r = ReadResult(f"s{i}", "text_capture")
        r.posts.append(Post(post_id=f"p_{i:020d}", source_id=f"s{i}", source_format="text_capture",
                            title=f"t{i}", body="b", content_sha256="0" * 64))
        s = pipeline.SourceSummary(source_id=f"s{i}", location="x", format="text_capture",
                                   sha256="0" * 64, bytes=1, status="ok", posts=1)
        frags.append(pipeline.write_fragment(r, s, {f"tok{i}"}, tmp_path / "frags" / f"k{i}"))
    totals = pipeline.assemble(frags, tmp_path / "out")
    assert totals["posts"] == 3 and totals["comments"] == 0
    assert pq.read_table(tmp_path / "out" / "posts.parquet").column("title").to_pylist() == ["t0", "t1", "t2"]
    assert (tmp_path / "out" / "private" / "identity_tokens.txt").read_text() == "tok0\ntok1\ntok2\n"


def test_compare_with_previous_reports_added_changed_unchanged_removed():
    prev = {"sources": [{"source_id": "a", "sha256": "1"}, {"source_id": "b", "sha256": "2"},
                        {"source_id": "gone", "sha256": "3"}]}
    cur = [{"source_id": "a", "sha256": "1"}, {"source_id": "b", "sha256": "X"},
           {"source_id": "new", "sha256": "4"}]
    assert pipeline.compare_with_previous(prev, cur) == {
        "added": ["new"], "changed": ["b"], "unchanged": ["a"], "removed": ["gone"]}
