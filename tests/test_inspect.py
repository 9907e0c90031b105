"""``therapy-threads inspect`` on files, on a page URL (archived, then replayed) and a REST root."""
from __future__ import annotations

import json
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

import loopback

from therapy_threads.cli import main

SAMPLES = Path(__file__).parent / "fixtures" / "samples"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(["inspect", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def test_human_tree_for_wxr(capsys):
    rc, out, _ = run(capsys, str(SAMPLES / "wxr" / "isso-wordpress.xml"))
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].endswith("wxr, 8,416 bytes")
    assert lines[1] == "posts 3  comments 8 (replies 3, max depth 2)  quarantined 0  skipped 0"
    tree = [ln for ln in lines if " d" in ln and ln.startswith("  ")]
    assert [ln.split()[1] for ln in tree] == ["d0", "d0", "d1", "d2", "d2", "d0", "d0", "d0"]
    assert tree[3].startswith("      c_") and tree[3].endswith("Yet another reply.")
    # Text previews, never the raw identities.
    assert "Ohai" not in out and "info@posativ.org" not in out and "::ffff" not in out


def test_json_for_html_counts_and_no_identities(capsys):
    rc, out, _ = run(capsys, str(SAMPLES / "html" / "muffinrezept.net.grundrezept.html"), "--json")
    doc = json.loads(out)
    assert rc == 0 and doc["format"] == "html"
    assert doc["totals"] == {"posts": 1, "comments": 51, "replies": 9, "max_depth": 2,
                             "quarantined": 0, "skipped": 0}
    comments = doc["posts"][0]["comments"]
    assert [c["depth"] for c in comments].count(0) == 42
    ids = {c["comment_id"] for c in comments}
    assert all(c["parent_id"] in ids for c in comments if c["parent_id"])
    assert all(len(c["text_preview"]) <= 60 for c in comments)
    assert "sarah" not in out and "Mariahm" not in out


def test_skipped_and_quarantine_are_shown(capsys):
    rc, out, _ = run(capsys, str(SAMPLES / "disqus" / "isso-disqus.xml"))
    assert "skipped: thread_without_comments=1" in out
    assert "missing_thread" in out and "orphan_reply" not in out
    # the deleted post is a node shown as removed, its reply under it
    lines = out.splitlines()
    i = next(n for n, ln in enumerate(lines) if ln.endswith("[removed]"))
    assert " d0 " in lines[i] and " d1 " in lines[i + 1] and lines[i + 1].endswith("Hello, World.")
    assert "foo@bar.com" not in out and "127.0.0.1" not in out


def test_errors(capsys):
    rc, _, err = run(capsys, "no/such/file.xml")
    assert rc == 2 and "no such file" in err
    rc, out, _ = run(capsys, str(SAMPLES / "malformed" / "wxr-external-entity.xml"))
    assert rc == 1 and "unsafe_xml" in out
    rc, _, err = run(capsys, str(SAMPLES / "wxr" / "valid-wxr-1.0.xml"), "--format", "nope")
    assert rc == 2 and "unknown format" in err


@pytest.fixture
def static_site(tmp_path):
    root = tmp_path / "site"
    (root / "blog").mkdir(parents=True)
    (root / "blog" / "post.html").write_bytes(
        (SAMPLES / "html" / "lemire.me.json.html").read_bytes())
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    with loopback.serving(handler) as served:
        yield served


def test_url_is_fetched_archived_and_replayed_offline(capsys, tmp_path, static_site):
    server, base = static_site
    archive = tmp_path / "raw"
    rc, out, _ = run(capsys, base + "/blog/post.html", "--archive", str(archive), "--json",
                     "--min-interval", "0")
    assert rc == 0
    live = json.loads(out)
    assert live["totals"]["comments"] == 5
    assert list(archive.glob("*.warc.gz")) and list(archive.glob("*.index.jsonl"))
    server.shutdown()
    rc, out, _ = run(capsys, base + "/blog/post.html", "--archive", str(archive), "--json",
                     "--offline")
    assert rc == 0 and json.loads(out) == live
    rc, _, err = run(capsys, base + "/blog/other.html", "--archive", str(archive), "--offline")
    assert rc == 2 and "not in the archive" in err


def test_robots_disallow_is_a_user_error(capsys, tmp_path, static_site):
    _, base = static_site
    rc, _, err = run(capsys, base + "/private/x.html", "--archive", str(tmp_path / "raw"),
                     "--min-interval", "0")
    assert rc == 2 and "robots.txt" in err


# ---------------------------------------------------------------- issue 14: ids and formats

ROOT = Path(__file__).resolve().parent.parent


def test_ids_equal_the_builds(capsys):
    """Every seed: the ids inspect prints are the ids the build's per-source step gives."""
    from therapy_threads.anonymise import Anonymiser
    from therapy_threads.pipeline import load_manifest, local_path, process_source

    base, refs = load_manifest(ROOT / "seeds")
    anonymiser = Anonymiser(b"k" * 32)
    seen: list[str] = []
    for ref in refs:
        path = local_path(base, ref)
        rc, out, _ = run(capsys, str(path), "--json", "--sources", str(ROOT / "seeds"))
        doc = json.loads(out)
        assert doc["source_id"] == ref.source_id and doc["source_id_from"]
        result, _, _ = process_source(ref, path.read_bytes(), anonymiser)
        assert [p["post_id"] for p in doc["posts"]] == [p.post_id for p in result.posts]
        shown = {c["comment_id"]: c["parent_id"] for p in doc["posts"] for c in p["comments"]}
        built = {c.comment_id: c.parent_id for c in result.comments}
        assert built.items() <= shown.items()  # the build may quarantine more, never renumber
        seen += list(shown) + [p["post_id"] for p in doc["posts"]]
    # different files never share ids (they all used to be derived from the id "inspect")
    assert len(seen) == len(set(seen)) > len(refs)


def test_files_outside_a_manifest_get_distinct_ids(capsys, tmp_path):
    a = SAMPLES / "wxr" / "isso-wordpress.xml"
    b = tmp_path / "copy-of-isso.xml"
    b.write_bytes(a.read_bytes())
    ids = []
    for f in (a, b):
        rc, out, _ = run(capsys, str(f), "--json", "--sources", str(tmp_path / "none"))
        doc = json.loads(out)
        assert doc["source_id_from"] is None
        ids.append({p["post_id"] for p in doc["posts"]})
    assert ids[0] and not ids[0] & ids[1]
    rc, out, _ = run(capsys, str(a), "--source-id", "my-blog")
    assert "source id 'my-blog' (from --source-id)" in out


def test_a_file_in_no_supported_format_is_said_so(capsys, tmp_path):
    rc, out, err = run(capsys, str(ROOT / "README.md"))
    assert rc == 2 and out == ""
    assert "README.md is not in a supported format (it is a Markdown file" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    rc, _, err = run(capsys, str(binary))
    assert rc == 2 and "blob.bin is not in a supported format (not a saved page" in err
    # --format still forces a reader for a file that really is a capture with an odd name
    notes = tmp_path / "notes.md"
    notes.write_bytes((ROOT / "seeds" / "000_7691e6bb714660a6.txt").read_bytes())
    rc, out, _ = run(capsys, str(notes), "--format", "text_capture")
    assert rc == 0 and "comments 10" in out
