"""Every published byte is checked: the release scan of non-table files, and the audit of the
columns no check looked at before (posts.url, posts.author, author_pseudonym, hashes)."""
from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from helpers_build import TEST_KEY, make_build, record_verdicts
from therapy_threads import ids
from therapy_threads.anonymise import Anonymiser
from therapy_threads.anonymise.audit import audit_build, write_tokens
from therapy_threads.anonymise.identity import token_line
from therapy_threads.anonymise.keys import keyed_digest
from therapy_threads.anonymise.slugs import publishable_url, scrub_url, slug_leftovers
from therapy_threads.byline import public_byline
from therapy_threads.errors import PrivacyGateError
from therapy_threads.publish.card import load_source_notes
from therapy_threads.publish.release import default_sources_manifest, publish
from therapy_threads.publish.release_scan import scan_release
from therapy_threads.records import Comment, Identity, Post, QuarantineRow, ReadResult

HANDLE = "quillfeatherworth"  # a synthetic commenter handle: not a word, not a name
# the source notes a default publish puts in the card (their sites may be linked)
NOTES = load_source_notes(default_sources_manifest())


def _build_with_commenter(root: Path) -> Path:
    """A publishable build whose identity tokens include the handle above (class h, global)."""
    b = make_build(root)
    write_tokens(b / "private" / "identity_tokens.txt",
                 {token_line(TEST_KEY, HANDLE, "h", frozenset(), "seed-000")})
    record_verdicts(b)
    return b


def _docs(tmp: Path, text: str) -> Path:
    d = tmp / "docs"
    d.mkdir(exist_ok=True)
    (d / "anonymisation-metrics.json").write_text(json.dumps({"note": text}))
    return d


# ------------------------------------------------------------------ release files

def test_a_commenter_handle_in_any_release_file_refuses_the_release(tmp_path):
    b = _build_with_commenter(tmp_path / "b")
    # the metrics file is copied into the card: a handle there must stop the release
    with pytest.raises(PrivacyGateError) as e:
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY, docs_dir=_docs(tmp_path, f"as {HANDLE} said"))
    msg = str(e.value)
    assert "identity in README.md" in msg and HANDLE not in msg and "\n" not in msg
    assert not (tmp_path / "reg" / "v1.0.0").exists()
    # a source note reaches the card too
    notes = tmp_path / "sources.toml"
    notes.write_text(f'[[source]]\nid = "seed-000"\nlocation = "x.txt"\nnote = "thanks to {HANDLE.title()}"\n')
    with pytest.raises(PrivacyGateError, match="identity in"):
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY, sources_manifest=notes,
                docs_dir=_docs(tmp_path, "fine"))
    assert publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY, docs_dir=_docs(tmp_path, "fine")).path


@pytest.mark.parametrize("text, ok", [
    ("write to someone@gmail.com", False),
    ("see quietharbour-notes.blogspot.com/about", False),
    ("addresses like jo@example.org are examples", True),
    ("links to https://huggingface.co/datasets and https://site.example/x", True),
])
def test_links_and_addresses_in_release_files(tmp_path, text, ok):
    b = make_build(tmp_path / "b")
    docs = _docs(tmp_path, text)
    if ok:
        assert publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY, docs_dir=docs).path
    else:
        with pytest.raises(PrivacyGateError, match=r"(email|url) in README.md"):
            publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY, docs_dir=docs)


def _png_with_text(text: str) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\x00" + text.encode()) + chunk(b"IEND", b""))


def test_plots_text_and_unknown_files_are_scanned(tmp_path):
    b = _build_with_commenter(tmp_path / "b")
    rel = publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY).path
    res = scan_release(rel, b, TEST_KEY, notes=NOTES)
    assert res.passed and res.files == len(list(rel.rglob("*.*"))) and res.texts > 100
    (rel / "plots" / "extra.png").write_bytes(_png_with_text(f"drawn by {HANDLE}"))
    (rel / "notes.bin").write_bytes(b"\x00\x01")
    res = scan_release(rel, b, TEST_KEY, drawn=[f"label {HANDLE}"], notes=NOTES)
    kinds = sorted((h.kind, h.table) for h in res.hits)
    assert kinds == [("file", "notes.bin"), ("identity", "plots"), ("identity", "plots/extra.png")]


def test_unpublished_columns_in_release_parquet_are_refused(tmp_path):
    b = make_build(tmp_path / "b")
    rel = publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY).path
    f = rel / "data" / "comments-00000-of-00001.parquet"
    t = pq.read_table(f)
    pq.write_table(t.append_column("author_email", t.column("text")), f, write_statistics=False)
    assert [h.kind for h in scan_release(rel, b, TEST_KEY, notes=NOTES).hits] == ["file"]


# ------------------------------------------------------------------ published columns in the audit

def _audited(tmp_path: Path, mutate) -> set[tuple[str, str]]:
    b = make_build(tmp_path / "b")
    for table in ("posts", "comments", "quarantine"):
        t = pq.read_table(b / f"{table}.parquet").to_pylist()
        mutate(table, t)
        from therapy_threads.schema import arrow_schema
        import pyarrow as pa

        pq.write_table(pa.Table.from_pylist(t, schema=arrow_schema(table)), b / f"{table}.parquet")
    res = audit_build(b, TEST_KEY, ner_review=False)
    return {(h.kind, h.field) for h in res.hits}


def test_a_raw_handle_in_author_pseudonym_fails_the_audit(tmp_path):
    def mutate(table, rows):
        if table == "comments":
            rows[0]["author_pseudonym"] = "hopeful_kat"
    assert _audited(tmp_path, mutate) == {("shape", "author_pseudonym")}


def test_an_unkeyed_or_raw_value_in_a_hash_column_fails_the_audit(tmp_path):
    def mutate(table, rows):
        if table == "quarantine":
            rows[0]["content_sha256"] = "the raw comment text"
    assert _audited(tmp_path, mutate) == {("shape", "content_sha256")}


@pytest.mark.parametrize("author", ["admin", "kat.morrow", ">teamname", "team42", "janeexample",
                                    "jane@example.org"])
def test_a_login_as_post_author_fails_the_audit(tmp_path, author):
    def mutate(table, rows):
        if table == "posts":
            rows[1]["author"] = author
    assert _audited(tmp_path, mutate) == {("byline", "author")}


def test_a_name_left_in_a_url_slug_fails_the_audit(tmp_path):
    def mutate(table, rows):
        if table == "posts":
            rows[0]["title"] = "Saying goodbye to Dr. [PERSON_1]"
            rows[0]["url"] = "https://blog.example.org/2014/03/saying-goodbye-to-dr-alder/"
    assert _audited(tmp_path, mutate) == {("url_slug", "url")}


def test_a_commenter_handle_in_a_url_fails_the_audit(tmp_path):
    b = _build_with_commenter(tmp_path / "b")
    t = pq.read_table(b / "posts.parquet").to_pylist()
    t[0]["url"] = f"https://blog.example.org/thanks-{HANDLE}/"
    from therapy_threads.schema import arrow_schema
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(t, schema=arrow_schema("posts")), b / "posts.parquet")
    assert {(h.kind, h.field) for h in audit_build(b, TEST_KEY, ner_review=False).hits} == {("identity", "url")}


# ------------------------------------------------------------------ the stage fixes them at the source

def test_bylines_not_logins():
    assert public_byline("Jane Example") == "Jane Example"
    assert public_byline("  Kit  ") == "Kit" and public_byline("bell hooks") == "bell hooks"
    for login in ("admin", "Administrator", "kat.morrow", "team_42", ">teamname", "janeexample",
                  "x@example.org", "https://blog.example.org", None, "", "1234"):
        assert public_byline(login) is None, login


def test_url_slugs_lose_the_names_removed_from_the_post():
    u = "https://blog.example.org/2014/03/saying-goodbye-to-dr-alder/?replytocom=5"
    assert scrub_url(u, ["Dr. Alder"]) == "https://blog.example.org/2014/03/saying-goodbye-to-dr-person/?replytocom=5"
    assert publishable_url(u, "Saying goodbye to Dr. [PERSON_1]", ["Dr. Alder"]).endswith("-dr-person/?replytocom=5")
    # a name the post lost in another form: only the site is published
    assert publishable_url(u, "Saying goodbye to Dr. [PERSON_1]", []) == "https://blog.example.org/"
    assert slug_leftovers("https://x.example/?p=12", "On [PERSON_1]") == []  # no slug: nothing to lose
    assert slug_leftovers(u, "Saying goodbye to Dr. Alder") == []  # nothing was removed


def _result_with_named_title() -> ReadResult:
    sid = "blog"
    pid = ids.post_id(sid, "p")
    post = Post(post_id=pid, source_id=sid, source_format="wordpress_html",
                title="Saying goodbye to Dr. Quillon Ashworth", body="Our last session was hard.",
                content_sha256="0" * 64, url="https://blog.example.org/2014/03/saying-goodbye-to-dr-quillon-ashworth/",
                source_key="p", author="Jane Example")
    res = ReadResult(sid, "wordpress_html", posts=[post])
    res.comments.append(Comment(comment_id=ids.comment_id(pid, "1"), post_id=pid, source_id=sid, position=0,
                                text="Dr. Ashworth sounds kind.", source_key="1", identity=Identity(name="Kit Dawe")))
    res.quarantine.append(QuarantineRow(sid, "comment", "empty_text", "the comment has no text",
                                        post_id=pid, content_sha256=ids.sha256_text("ok")))
    return res


def test_the_anonymiser_scrubs_the_slug_and_keys_the_quarantine_hash():
    res = _result_with_named_title()
    Anonymiser(TEST_KEY).apply(res)
    post = res.posts[0]
    assert "Ashworth" not in post.title and "ashworth" not in post.url and "quillon" not in post.url
    assert post.url.startswith("https://blog.example.org/2014/03/saying-goodbye-to-dr-")
    q = res.quarantine[0]
    assert q.content_sha256 != ids.sha256_text("ok")
    assert q.content_sha256 == keyed_digest(TEST_KEY, ids.sha256_text("ok"))
    assert keyed_digest(hashlib.sha256(b"other").digest(), ids.sha256_text("ok")) != q.content_sha256


def test_wxr_posts_publish_the_display_name_never_the_login():
    from therapy_threads.readers import SourceRef, get_reader

    root = Path(__file__).resolve().parent / "fixtures" / "samples" / "wxr"
    r = get_reader("wxr").read((root / "valid-wxr-1.0.xml").read_bytes(), SourceRef("w", "w.xml"))
    assert {p.author for p in r.posts} == {None}  # dc:creator 'admin', no display name
    r = get_reader("wxr").read((root / "a11y-unit-test-data.xml").read_bytes(), SourceRef("a", "a.xml"))
    assert {p.author for p in r.posts} <= {"Accessibility Tester", None}


def test_build_report_messages_carry_no_title():
    from therapy_threads.pipeline import process_source
    from therapy_threads.readers import SourceRef

    html = (b"<html><head><title>Letters to Quillon Ashworth</title></head><body><article class='post'>"
            b"<h1 class='entry-title'>Letters to Quillon Ashworth</h1><div class='entry-content'></div>"
            b"</article></body></html>")
    _, summary, _ = process_source(SourceRef("s", "s.html", format="wordpress_html"), html, Anonymiser(TEST_KEY))
    assert "Quillon" not in json.dumps(summary.issues)


def test_a_table_derived_at_publish_time_is_scanned_value_by_value(tmp_path):
    """Rows of the build's tables are audited (and bound by the verdict); any other table in a
    release, e.g. one derived while publishing, has every string value checked by the scan."""
    import pyarrow as pa

    b = _build_with_commenter(tmp_path / "b")
    rel = publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY).path
    pq.write_table(pa.table({"author_pseudonym": ["u_0123456789abcdef"], "label": [f"{HANDLE} fan"]}),
                   rel / "data" / "speakers-00000-of-00001.parquet")
    hits = scan_release(rel, b, TEST_KEY, notes=NOTES).hits
    assert ("identity", "data/speakers-00000-of-00001.parquet", "label") in {
        (h.kind, h.table, h.row_id) for h in hits}


def test_a_phone_number_fails_the_audit_and_a_source_note_with_one_refuses_the_release(tmp_path):
    def mutate(table, rows):
        if table == "comments":
            rows[2]["text"] += " Ring me on +44 20 7946 0958 after six."
    assert _audited(tmp_path / "a", mutate) == {("phone", "text")}
    b = make_build(tmp_path / "b")
    notes = tmp_path / "sources.toml"
    notes.write_text('[[source]]\nid = "seed-000"\nlocation = "x.txt"\nnote = "owner: call 020 7946 0958"\n')
    with pytest.raises(PrivacyGateError, match="phone in sources.toml"):
        publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY, sources_manifest=notes, docs_dir=_docs(tmp_path, "x"))
