"""End to end on the real sample sources (WordPress pages, WXR and Disqus exports): the build is
publishable — validation and the privacy audit pass — and every comment is accounted for.

These are not therapy texts: German recipe and news pages, WordPress test exports whose commenters
are called "Mr WordPress", "Tester", "Anonymous User", "Muffin" and "Der Auto". They exercise the
rule that an identity whose name is an ordinary word is replaced only where the text uses it as a
name, and is listed for review rather than failing the audit where it is just the word.
Runs the pipeline functions the Prefect flow wraps (no API server needed); the publishing side of
the same build is in tests/test_release_bytes.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from helpers_build import TEST_KEY, pipeline_build, write_manifest
from therapy_threads.validate import validate_build

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "samples"
SOURCES = {
    "netzpolitik": "html/netzpolitik.org.abmahnungen.html",
    "muffin": "html/muffinrezept.net.grundrezept.html",
    "lemire": "html/lemire.me.json.html",
    "a11y": "wxr/a11y-unit-test-data.xml",
    "wxr10": "wxr/valid-wxr-1.0.xml",
    "isso-wxr": "wxr/isso-wordpress.xml",
    "isso-disqus": "disqus/isso-disqus.xml",
}
# comments the readers extract (pinned in tests/test_readers_*.py) and the reader's quarantine rows
READER_COMMENTS = {"netzpolitik": 74, "muffin": 51, "lemire": 5, "a11y": 24, "wxr10": 1, "isso-wxr": 8,
                   "isso-disqus": 5}  # the deleted post 9 is a removed node, its reply 11 under it
READER_QUARANTINED = {"isso-disqus": 1}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    root = tmp_path_factory.mktemp("samples")
    manifest = write_manifest(root / "sources.toml", {sid: str(SAMPLES / loc) for sid, loc in SOURCES.items()})
    out = root / "build"
    report = pipeline_build(manifest, out, TEST_KEY)
    summary = validate_build(out, key=TEST_KEY, data_docs=False)
    return out, report, summary


def test_the_samples_build_is_publishable(build):
    out, _, summary = build
    assert [f.check for f in summary.failures] == []
    assert summary.success
    audit = json.loads((out / "validation" / "privacy_audit.json").read_text())
    assert audit["passed"] is True and audit["hits_total"] == 0 and audit["counts"] == {}


def test_every_comment_is_accounted_for(build):
    out, report, summary = build
    by_source = {s["source_id"]: s for s in report["sources"]}
    assert set(by_source) == set(SOURCES) and all(s["status"] == "ok" for s in by_source.values())
    quarantine = pq.read_table(out / "quarantine.parquet", columns=["source_id", "item_kind"]).to_pylist()
    for sid, n in READER_COMMENTS.items():
        q_comments = sum(1 for q in quarantine if q["source_id"] == sid and q["item_kind"] == "comment")
        # a comment leaves the published table only for the quarantine (with its reason)
        assert by_source[sid]["comments"] + q_comments == n + READER_QUARANTINED.get(sid, 0), sid
    assert {sid: s["comments"] for sid, s in by_source.items()} == {
        "netzpolitik": 74, "muffin": 51, "lemire": 5, "a11y": 24, "wxr10": 1, "isso-wxr": 8, "isso-disqus": 4}
    assert report["totals"]["comments_seen"] == report["totals"]["comments"] + report["totals"]["quarantined"] == 170
    assert summary.reconciliation["reconciled"] is True


def test_ordinary_words_that_are_commenter_handles_survive_and_are_listed_for_review(build):
    out, _, _ = build
    posts = {(p["source_id"], p["title"]): p for p in pq.read_table(out / "posts.parquet").to_pylist()}
    assert ("muffin", "Muffin Grundrezept") in posts  # a commenter is called "Muffin"
    assert posts[("muffin", "Muffin Grundrezept")]["body"].startswith(
        "Für Experimentierfreudige ist dieses Muffin Grundrezept")
    assert posts[("wxr10", "Hello world!")]["body"].startswith("Welcome to WordPress.")  # "Mr WordPress" commented
    audit = json.loads((out / "validation" / "privacy_audit.json").read_text())
    weak = [r for r in audit["review"]["rows"] if r["kind"] == "identity_weak"]
    assert audit["review"]["counts"]["identity_weak"] == len(weak) >= 5
    assert {"M*****", "W********"} <= {r["masked"] for r in weak}
    assert not any("Muffin" in json.dumps(r) or "WordPress" in json.dumps(r) for r in weak)


def test_commenter_names_are_gone_from_the_published_text(build):
    out, _, _ = build
    comments = pq.read_table(out / "comments.parquet", columns=["source_id", "text", "author_pseudonym"]).to_pylist()
    posts = pq.read_table(out / "posts.parquet", columns=["source_id", "body"]).to_pylist()
    text = "\n".join([c["text"] or "" for c in comments] + [p["body"] or "" for p in posts])
    # full display names of commenters in the samples (public test data)
    for name in ("Mr WordPress", "Christoph Langner", "Ben Siegler", "Volker Rieck", "John Doe", "Jane Bloggs"):
        assert name not in text, name
    netz = next(p["body"] for p in posts if p["source_id"] == "netzpolitik")
    assert "Markus Reuter" in netz  # the public byline author keeps their name in their own post
    assert sum(c["author_pseudonym"] is not None for c in comments) >= 150


def test_the_deleted_disqus_post_is_published_as_removed_with_its_reply(build):
    out, _, _ = build
    rows = pq.read_table(out / "comments.parquet",
                         columns=["source_id", "comment_id", "parent_id", "text", "removed", "author_pseudonym"]
                         ).to_pylist()
    gone = [r for r in rows if r["removed"]]
    assert [(r["source_id"], r["text"]) for r in gone] == [("isso-disqus", "")]
    assert gone[0]["author_pseudonym"]  # the export names its author: pseudonymised like any other
    assert [r["text"] for r in rows if r["parent_id"] == gone[0]["comment_id"]] == ["Hello, World."]
