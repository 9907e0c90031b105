"""WXR reader on real exports (tests/fixtures/samples/wxr) and malformed/hostile XML."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from therapy_threads.readers import SourceRef, detect_format, get_reader

SAMPLES = Path(__file__).parent / "fixtures" / "samples"


def read_bytes(data: bytes, sid: str = "wxr"):
    return get_reader("wxr").read(data, SourceRef(sid, sid + ".xml"))


def read(path: str):
    return read_bytes((SAMPLES / path).read_bytes(), path)


def codes(r) -> list[str]:
    return [i.code for i in r.issues]


@pytest.mark.parametrize("name", ["a11y-unit-test-data.xml", "valid-wxr-1.0.xml",
                                  "isso-wordpress.xml"])
def test_detected(name):
    assert detect_format((SAMPLES / "wxr" / name).read_bytes(), name) == "wxr"


def test_a11y_export_counts_reconcile():
    r = read("wxr/a11y-unit-test-data.xml")
    # 29 comments in the file = 24 published + 4 pingbacks + 1 on a password-protected post.
    assert len(r.comments) == 24 and not r.quarantine
    assert r.skipped == {"pingback": 4, "comment_on_skipped_post": 1,
                         "password_protected_post": 1, "unpublished_post": 2,
                         "post_type_attachment": 39, "post_type_nav_menu_item": 50}
    assert len(r.posts) == 62  # 154 items - 39 - 50 - 2 - 1
    with_comments = [p for p in r.posts if p.extracted_comment_count]
    assert [(p.title, p.extracted_comment_count) for p in with_comments] == [
        ("Page with comments", 3), ("Template: Comments", 19),
        ("Template: Pingbacks And Trackbacks", 1), ("Edge Case: No Content", 1)]
    assert sum(c.parent_id is not None for c in r.comments) == 9
    assert Counter(c.depth for c in r.comments) == {0: 15, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1,
                                                    7: 1, 8: 1, 9: 1}
    chain = [c for c in r.comments if c.root_id == next(
        x.comment_id for x in r.comments if x.source_key == "comment-904")]
    assert [c.source_key for c in chain] == [f"comment-{i}" for i in
                                            (904, 905, 906, 907, 910, 911, 912, 913, 914, 915)]
    assert chain[-1].path.count("/") == 9
    # Comment 167 has no comment_type, parent or approval flag: a published top-level comment.
    anon = next(c for c in r.comments if c.source_key == "comment-167")
    assert anon.text == "Anonymous comment." and anon.depth == 0
    assert anon.identity.name == "Anon" and anon.published_at is None
    # Two items share wp:post_id 156: both kept, the second re-keyed, with a warning.
    assert "duplicate_post_key" in codes(r)
    tc = next(p for p in r.posts if p.title == "Template: Comments")
    assert tc.author == "Accessibility Tester"
    assert tc.published_at == "2012-01-03T17:11:37Z"
    assert tc.categories == ["Template", "Uncategorized"] and tc.tags == ["comments", "template"]


def test_a11y_identities_are_internal_only():
    r = read("wxr/a11y-unit-test-data.xml")
    c = next(c for c in r.comments if c.source_key == "comment-168")
    assert (c.identity.name, c.identity.email, c.identity.ip) == (
        "tellyworthtest2", "tellyworth+test2@gmail.com", "59.167.157.3")
    assert c.published_at == "2007-09-04T00:49:03Z"  # comment_date_gmt, not the local time
    for c in r.comments:
        if c.identity and c.identity.email:
            assert c.identity.email not in c.text


def test_wxr_1_0():
    r = read("wxr/valid-wxr-1.0.xml")
    assert len(r.comments) == 1 and len(r.posts) == 6 and r.skipped == {}
    c = r.comments[0]
    assert c.text.startswith("Hi, this is a comment.\nTo delete a comment")
    assert c.identity.name == "Mr WordPress" and c.identity.url == "http://wordpress.org/"
    hello = next(p for p in r.posts if p.title == "Hello world!")
    assert hello.extracted_comment_count == 1 and hello.author is None  # a login is not a byline


def test_isso_edge_cases():
    r = read("wxr/isso-wordpress.xml")
    assert len(r.comments) == 8 and len(r.posts) == 3 and not r.quarantine
    assert sum(c.parent_id is not None for c in r.comments) == 3
    first, second, _ = r.posts
    assert (first.extracted_comment_count, second.extracted_comment_count) == (7, 1)
    by = {(c.post_id, c.source_key): c for c in r.comments}
    # The same comment_id 11 on two posts: two comments with different ids.
    a, b = by[(first.post_id, "comment-11")], by[(second.post_id, "comment-11")]
    assert a.comment_id != b.comment_id and a.text == b.text == "..."
    # E-mails padded with newline and spaces are trimmed (identity only).
    ohai = by[(first.post_id, "comment-2")]
    assert ohai.identity.email == "test@example.org" and ohai.identity.url == "http://example.tld/"
    assert ohai.identity.ip == "::ffff:82.119.20.0"
    # Comment 7: no comment_type (a comment) and no comment_date (only the GMT date).
    c7 = by[(first.post_id, "comment-7")]
    assert c7.text == "Drölfter!" and c7.published_at == "2014-04-29T15:21:35Z" and c7.depth == 1
    assert {by[(first.post_id, "comment-8")].depth, by[(first.post_id, "comment-9")].depth} == {2}
    multi = by[(first.post_id, "comment-10")]
    assert multi.text == "When you have a comment with multiple lines:\nWordPress exports it like this."
    assert multi.published_at == "2022-06-06T02:13:14Z"


def _export(comments: str, extra_item: str = "", ns: str = "http://wordpress.org/export/1.2/") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel><title>Blog</title>
<wp:wp_author><wp:author_id>2</wp:author_id><wp:author_login>jo</wp:author_login>
<wp:author_email>jo@blog.example</wp:author_email><wp:author_display_name>Jo Smith</wp:author_display_name></wp:wp_author>
<item><title>On dependency</title><link>https://blog.example/dep/</link><dc:creator>jo</dc:creator>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>First paragraph.</p><!-- /wp:paragraph -->

<!-- wp:paragraph --><p>Second &amp; last.</p><!-- /wp:paragraph -->]]></content:encoded>
<wp:post_id>5</wp:post_id><wp:post_date_gmt>2020-01-02 03:04:05</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="therapy"><![CDATA[Therapy]]></category>
<category domain="post_tag" nicename="love"><![CDATA[love]]></category>
{comments}</item>{extra_item}</channel></rss>""".encode()


def _c(cid: int, parent: int = 0, approved: str = "1", ctype: str = "", user: int = 0,
       text: str = "Text") -> str:
    return (f"<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>A{cid}</wp:comment_author>"
            f"<wp:comment_author_email>a{cid}@x.example</wp:comment_author_email>"
            f"<wp:comment_date_gmt>2020-01-03 00:00:{cid:02d}</wp:comment_date_gmt>"
            f"<wp:comment_content><![CDATA[{text} {cid}]]></wp:comment_content>"
            f"<wp:comment_approved>{approved}</wp:comment_approved><wp:comment_type>{ctype}</wp:comment_type>"
            f"<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>{user}</wp:comment_user_id></wp:comment>")


def test_approval_types_and_orphans_of_unpublished_parents():
    data = _export(_c(1) + _c(2, approved="0") + _c(3, parent=2) + _c(4, approved="spam")
                   + _c(5, approved="trash") + _c(6, ctype="trackback") + _c(7, ctype="comment", parent=1, user=2)
                   + _c(8, ctype="order_note") + _c(9, ctype="pingback"))
    r = read_bytes(data)
    # the trashed comment 5 is a removed node (see test_trashed_comments_are_removed_nodes)
    assert [c.source_key for c in r.comments] == ["comment-1", "comment-5", "comment-7"]
    assert r.skipped == {"unapproved": 1, "spam": 1, "trackback": 1,
                         "comment_type_order_note": 1, "pingback": 1}
    assert [(q.reason, q.location.split()[-1]) for q in r.quarantine] == [("orphan_reply", "id=3")]
    reply = r.comments[2]
    assert reply.is_post_author is True and r.comments[0].is_post_author is False
    p = r.posts[0]
    assert p.author == "Jo Smith" and p.author_identity.email == "jo@blog.example"
    assert p.body == "First paragraph.\n\nSecond & last."
    assert p.categories == ["Therapy"] and p.tags == ["love"]
    assert p.published_at == "2020-01-02T03:04:05Z" and p.site == "Blog"


def test_trashed_comments_are_removed_nodes():
    # trash (a deleted comment) with a reply, a trashed leaf, post-trashed, a trashed reply;
    # spam and pending are not deletions: skipped, their replies orphans as before
    data = _export(_c(1, approved="trash", text="Regretted words") + _c(2, parent=1)
                   + _c(3, approved="trash", text="Withdrawn too") + _c(4, approved="post-trashed")
                   + _c(5, parent=2, approved="trash") + _c(6, approved="spam") + _c(7, parent=6)
                   + _c(8, approved="0") + _c(9, parent=8))
    r = read_bytes(data)
    assert [(c.source_key, c.text, c.removed, c.depth) for c in r.comments] == [
        ("comment-1", "", True, 0), ("comment-2", "Text 2", False, 1), ("comment-3", "", True, 0),
        ("comment-4", "", True, 0), ("comment-5", "", True, 2)]
    assert r.comments[1].parent_id == r.comments[0].comment_id and r.comments[0].n_children == 1
    assert "Regretted" not in repr(r.comments) and "Withdrawn" not in repr(r.comments)
    assert r.comments[0].identity.name == "A1" and r.comments[0].published_at == "2020-01-03T00:00:01Z"
    assert r.skipped == {"spam": 1, "unapproved": 1}
    assert sorted((q.reason, q.location.split()[-1]) for q in r.quarantine) == [
        ("orphan_reply", "id=7"), ("orphan_reply", "id=9")]
    assert r.posts[0].extracted_comment_count == 5


@pytest.mark.parametrize("ns", ["http://wordpress.org/export/1.0/", "http://wordpress.org/export/1.1/",
                                "https://wordpress.org/export/1.2/"])
def test_namespace_versions(ns):
    r = read_bytes(_export(_c(1) + _c(2, parent=1), ns=ns))
    assert [(c.source_key, c.depth) for c in r.comments] == [("comment-1", 0), ("comment-2", 1)]


def test_unpublished_and_other_items_count_their_comments():
    draft = ("<item><title>Draft</title><wp:post_id>6</wp:post_id><wp:status>draft</wp:status>"
             "<wp:post_type>post</wp:post_type>" + _c(20) + "</item>"
             "<item><title>img</title><wp:post_id>7</wp:post_id><wp:status>inherit</wp:status>"
             "<wp:post_type>attachment</wp:post_type>" + _c(21) + _c(22) + "</item>")
    r = read_bytes(_export(_c(1), draft))
    assert len(r.posts) == 1 and len(r.comments) == 1
    assert r.skipped == {"unpublished_post": 1, "post_type_attachment": 1,
                         "comment_on_skipped_post": 3}


def test_empty_comment_is_quarantined_with_reason():
    r = read_bytes(_export(_c(1) + _c(2, text="").replace("<![CDATA[ 2]]>", "<![CDATA[  ]]>")))
    assert [c.source_key for c in r.comments] == ["comment-1"]
    assert [q.reason for q in r.quarantine] == ["empty_text"]


# -- malformed and hostile inputs -------------------------------------------------------------

def test_billion_laughs_is_refused():
    r = read("malformed/wxr-billion-laughs.xml")
    assert r.failed and codes(r) == ["unsafe_xml"]
    assert "entities" in r.issues[0].message and "re-export" in r.issues[0].message


def test_external_entity_is_refused():
    r = read("malformed/wxr-external-entity.xml")
    assert r.failed and codes(r) == ["unsafe_xml"]
    assert "root:" not in repr(r)


def test_truncated_export_is_recovered_with_warning():
    r = read("malformed/wxr-truncated.xml")
    assert not r.failed and "xml_recovered" in codes(r)
    assert [c.text for c in r.comments] == ["Erster!1"]


def test_stray_character_before_declaration():
    r = read("malformed/wxr-stray-before-declaration.xml")
    assert "stray_bytes_before_xml" in codes(r)
    assert len(r.comments) == 8


def test_unquoted_attribute_is_repaired():
    r = read("malformed/wxr-unquoted-attribute.xml")
    assert "xml_repaired" in codes(r) and len(r.comments) == 8


def test_garbage_is_a_clear_error():
    r = read_bytes(b"<rss><channel><item><title>x</tit")
    assert not r.comments
    r = read_bytes(b"\x00\x01 not xml at all")
    assert r.failed and codes(r) == ["xml_not_well_formed"]
    assert "Re-export" in r.issues[0].message


def test_shortcodes_are_removed_from_bodies_captions_kept():
    r = read("wxr/a11y-unit-test-data.xml")
    assert not [p.title for p in r.posts if "[gallery" in p.body or "[caption" in p.body]
    cap = next(p for p in r.posts if p.title == "Post Format: Image (Caption)")
    assert cap.body == "Bell on wharf in San Francisco"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ISSO = (SAMPLES / "wxr" / "isso-wordpress.xml").read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_ISSO)), junk=st.binary(max_size=8), at=st.integers(0, len(_ISSO)))
def test_damaged_exports_never_raise(cut, junk, at):
    data = _ISSO[:at] + junk + _ISSO[at:cut] if at < cut else _ISSO[:cut]
    r = read_bytes(data)
    assert r.failed or r.posts or r.issues
    assert not [i for i in r.issues if i.code == "reader_crashed"]
    for c in r.comments:  # whatever was recovered is a consistent tree
        assert c.text and (c.parent_id is None or c.depth > 0)
