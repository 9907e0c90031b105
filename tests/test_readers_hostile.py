"""Issue 10 for the readers: one bad value never loses a source; nesting and size stay bounded;
an independent element count lets the reconciliation catch a loss inside a reader."""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from therapy_threads.pipeline import records_table, write_table
from therapy_threads.readers import SourceRef, get_reader
from therapy_threads.readers.html_text import MAX_ELEMENT_DEPTH, bound_depth
from therapy_threads.validate import frames

SAMPLES = Path(__file__).parent / "fixtures" / "samples"


def wxr(comments: str, title: str = "A post") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>{title}</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Post</title><link>https://b.example/p/</link><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>Body of the post.</p>]]></content:encoded><wp:post_id>1</wp:post_id>
<wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
{comments}</item></channel></rss>""".encode()


def comment(cid: int, text: str, date: str = "2020-01-02 10:00:00", parent: int = 0) -> str:
    return (f"<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>R{cid}</wp:comment_author>"
            f"<wp:comment_date>{date}</wp:comment_date><wp:comment_date_gmt>{date}</wp:comment_date_gmt>"
            f"<wp:comment_content>{text}</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
            f"<wp:comment_type>comment</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent></wp:comment>")


def read(fmt: str, data: bytes):
    return get_reader(fmt).read(data, SourceRef("h", "h"))


def accounted(r) -> int:
    return len(r.comments) + sum(q.item_kind == "comment" for q in r.quarantine) + r.comments_skipped


def test_surrogate_character_references_are_repaired_not_fatal():
    r = read("wxr", wxr(comment(1, "Great &#xD83D;&#xDE0A;") + comment(2, "lone &#xD800; ref"),
                        title="Blog &#xD800;"))
    assert [c.text for c in r.comments] == ["Great 😊", "lone \ufffd ref"]
    assert "char_refs_repaired" in [i.code for i in r.issues]
    assert r.raw_comment_count == 2 == accounted(r)


def test_year_below_1000_is_left_empty_and_the_row_is_written(tmp_path):
    r = read("wxr", wxr(comment(1, "old", date="0001-01-01 00:00:00") + comment(2, "new")))
    assert [(c.text, c.published_at) for c in r.comments] == [("old", None),
                                                               ("new", "2020-01-02T10:00:00Z")]
    assert "date_out_of_range" in [i.code for i in r.issues]
    write_table(records_table("comments", r.comments), tmp_path / "c.parquet")
    html = read("html", b'<html><body><h1 class="entry-title">T</h1><ol class="comment-list">'
                        b'<li id="comment-1" class="comment depth-1"><div class="comment-body"><cite class="fn">A</cite>'
                        b'<time datetime="0001-01-01T00:00:00Z">x</time><p>Hi.</p></div></li></ol></body></html>')
    assert html.comments[0].published_at is None and html.comments[0].published_local is None
    write_table(records_table("comments", html.comments), tmp_path / "h.parquet")


def test_a_huge_cdata_field_does_not_lose_the_export():
    big = "x " * 6_000_000  # 12 MB: past libxml2's 10 MB text limit without huge_tree
    r = read("wxr", wxr(comment(1, f"<![CDATA[{big}]]>") + comment(2, "small")))
    assert len(r.comments) == 2 and len(r.comments[0].text) > 10_000_000
    assert not r.failed


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_capture_reads_like_utf8(encoding):
    data = (SAMPLES.parent / "text" / "wordpress_selfhosted.txt").read_bytes()
    utf8 = read("text_capture", data)
    r = read("text_capture", data.decode("utf-8").encode(encoding))
    assert [c.text for c in r.comments] == [c.text for c in utf8.comments] and r.comments


def test_random_high_bytes_are_not_published_as_a_post():
    rnd = random.Random(7)
    r = read("text_capture", bytes(rnd.randint(0x80, 0xFF) for _ in range(100_000)))
    assert r.failed and not r.posts and "binary_source" in [i.code for i in r.issues]


def test_deep_nesting_is_bounded_and_every_comment_is_accounted_for():
    n = 3000
    items = "".join(f'<li id="comment-{i}" class="comment"><div class="comment-body"><cite class="fn">R{i}</cite>'
                    f'<div class="comment-content"><p>c{i}</p></div></div><ul class="children">' for i in range(1, n + 1))
    html = ('<html><body><h1 class="entry-title">Deep</h1><div class="entry-content"><p>Post.</p></div>'
            f'<ol class="comment-list">{items}{"</ul></li>" * n}</ol></body></html>').encode()
    r = read("html", html)
    assert "nested_too_deep" in [i.code for i in r.issues]
    # Nothing is lost in silence: published + quarantined (too deep) + skipped (cut) = all ids.
    assert r.raw_comment_count == n == accounted(r)
    assert max(c.depth for c in r.comments) <= 256


def test_depth_bound_leaves_normal_pages_byte_for_byte():
    for page in (SAMPLES / "html").glob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        assert bound_depth(text) == (text, [])
    deep = "<div>" * (MAX_ELEMENT_DEPTH + 50) + "words here" + "</div>" * (MAX_ELEMENT_DEPTH + 50)
    cut, pieces = bound_depth(deep)
    assert len(pieces) == 1 and "words here" in cut and cut.count("<div>") == MAX_ELEMENT_DEPTH


@pytest.mark.parametrize("fmt,path", [("wxr", "wxr/a11y-unit-test-data.xml"),
                                      ("wxr", "wxr/isso-wordpress.xml"),
                                      ("disqus", "disqus/isso-disqus.xml"),
                                      ("html", "html/netzpolitik.org.abmahnungen.html")])
def test_independent_count_reconciles_on_real_sources(fmt, path):
    r = read(fmt, (SAMPLES / path).read_bytes())
    if r.raw_count_exact:
        assert r.raw_comment_count == accounted(r)
    else:
        assert r.raw_comment_count <= accounted(r)


def test_reconciliation_catches_a_comment_lost_inside_a_reader():
    report = {"sources": [{"source_id": "s", "comments": 2, "quarantined": 0, "posts": 1,
                           "raw_comment_count": 3, "raw_count_exact": True, "comments_skipped": 0}]}
    comments = pd.DataFrame({"source_id": ["s", "s"], "depth": [0, 0]})
    posts = pd.DataFrame({"source_id": ["s"], "source_format": ["wxr"]})
    quar = pd.DataFrame({"source_id": pd.Series([], dtype=object), "item_kind": pd.Series([], dtype=object)})
    row = frames._source_frame(report, comments, posts, quar).iloc[0]
    assert row["reconciled_with_report"] and not row["raw_count_reconciled"]
    report["sources"][0]["raw_comment_count"] = 2
    assert frames._source_frame(report, comments, posts, quar).iloc[0]["raw_count_reconciled"]
