"""Disqus reader on the isso test export and edge cases."""
from __future__ import annotations

from pathlib import Path

from therapy_threads.readers import SourceRef, detect_format, get_reader

SAMPLES = Path(__file__).parent / "fixtures" / "samples"


def read_bytes(data: bytes):
    return get_reader("disqus").read(data, SourceRef("dsq", "export.xml"))


def test_detected():
    data = (SAMPLES / "disqus" / "isso-disqus.xml").read_bytes()
    assert detect_format(data, "isso-disqus.xml") == "disqus"
    assert detect_format((SAMPLES / "wxr" / "isso-wordpress.xml").read_bytes()) == "wxr"


def test_isso_export_every_post_accounted_for():
    r = read_bytes((SAMPLES / "disqus" / "isso-disqus.xml").read_bytes())
    # 6 posts = 3 published + the deleted one (kept, removed) + its reply + 1 missing thread.
    assert len(r.comments) == 5
    assert r.skipped == {"thread_without_comments": 1}
    assert sorted((q.reason, q.location.split()[1]) for q in r.quarantine) == [
        ("missing_thread", "dsq:id=6")]
    assert len(r.comments) + len(r.quarantine) == 6
    hello, empty = r.posts
    assert hello.title == "Hello, World!" and hello.url == "http://example.org/"
    assert hello.published_at == "2012-12-12T12:12:12Z"
    assert hello.categories == ["Technology"] and empty.categories == []
    assert hello.author is None  # the thread opener is not a public byline
    assert empty.title == "" and empty.extracted_comment_count == 1
    c4, c5, c9, c11 = [c for c in r.comments if c.post_id == hello.post_id]
    assert (c4.text, c4.depth, c5.text, c5.depth) == ("...", 0, "Hello, World.", 1)
    assert c5.parent_id == c4.comment_id
    # the deleted post 9 is a node without words; the reply to it keeps it as its parent
    assert (c9.source_key, c9.text, c9.removed, c9.depth, c9.n_children) == ("dsq-9", "", True, 0, 1)
    assert (c11.text, c11.removed, c11.parent_id, c11.depth) == ("Hello, World.", False, c9.comment_id, 1)
    assert [c.removed for c in r.comments].count(True) == 1
    assert c4.published_at == "2013-10-10T19:20:29Z"
    assert (c4.identity.name, c4.identity.email, c4.identity.ip) == ("peter", "foo@bar.com",
                                                                     "127.0.0.1")
    # Same e-mail as the thread author -> marked as the post author's comment.
    assert c4.is_post_author is True
    c8 = next(c for c in r.comments if c.post_id == empty.post_id)
    assert c8.text == "Message from thread with empty title and id"
    assert c8.is_post_author is False  # usernames differ
    for c in r.comments:
        assert "@" not in c.text and "127.0.0.1" not in c.text


def test_spam_and_deleted_threads():
    data = b"""<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<thread dsq:id="1"><title>T</title><link>https://b.example/t</link><isDeleted>false</isDeleted></thread>
<thread dsq:id="2"><title>Gone</title><isDeleted>true</isDeleted></thread>
<post dsq:id="10"><message><![CDATA[<p>one</p><p>two</p>]]></message><isDeleted>false</isDeleted><isSpam>true</isSpam><thread dsq:id="1"/></post>
<post dsq:id="11"><message><![CDATA[<p>kept<br>line</p>]]></message><createdAt>2020-01-01T00:00:00Z</createdAt><thread dsq:id="1"/><parent dsq:id="10"/></post>
<post dsq:id="12"><message>fine</message><thread dsq:id="1"/></post>
<post dsq:id="13"><message>on a deleted thread</message><thread dsq:id="2"/></post>
</disqus>"""
    r = read_bytes(data)
    assert [c.text for c in r.comments] == ["fine"]
    assert r.skipped == {"spam": 1, "deleted_thread": 1, "comment_on_skipped_post": 1}
    assert [q.reason for q in r.quarantine] == ["orphan_reply"]


def test_truncated_export_recovers():
    r = read_bytes((SAMPLES / "malformed" / "disqus-truncated.xml").read_bytes())
    assert not r.failed
    assert "xml_recovered" in [i.code for i in r.issues]
    assert [c.text for c in r.comments] == ["...", "Hello, World."]


def test_not_disqus():
    r = read_bytes(b"<?xml version='1.0'?><html/>")
    assert r.failed and r.issues[0].code == "not_disqus"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_DSQ = (SAMPLES / "disqus" / "isso-disqus.xml").read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_DSQ)), junk=st.binary(max_size=8), at=st.integers(0, len(_DSQ)))
def test_damaged_exports_never_raise(cut, junk, at):
    data = _DSQ[:at] + junk + _DSQ[at:cut] if at < cut else _DSQ[:cut]
    r = read_bytes(data)
    assert not [i for i in r.issues if i.code == "reader_crashed"]


def _export(*posts: str) -> bytes:
    return ('<?xml version="1.0"?><disqus xmlns="http://disqus.com" '
            'xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><title>T</title>'
            '<link>https://b.example/t</link><isDeleted>false</isDeleted></thread>'
            + "".join(posts) + "</disqus>").encode()


def _post(pid: int, words: str, *, parent: int | None = None, deleted: bool = False,
          spam: bool = False, name: str = "Wren Calloway") -> str:
    return (f'<post dsq:id="{pid}"><message><![CDATA[<p>{words}</p>]]></message>'
            f"<createdAt>2019-05-0{pid % 9 + 1}T10:00:00Z</createdAt>"
            f"<isDeleted>{str(deleted).lower()}</isDeleted><isSpam>{str(spam).lower()}</isSpam>"
            f"<author><name>{name}</name><isAnonymous>true</isAnonymous></author>"
            '<thread dsq:id="1"/>' + (f'<parent dsq:id="{parent}"/>' if parent else "") + "</post>")


def test_deleted_posts_are_removed_nodes_and_spam_stays_skipped():
    # a deleted post with a reply, a deleted leaf, a deleted reply, a spam post with a reply,
    # a post both spam and deleted (spam wins: not a deletion)
    r = read_bytes(_export(
        _post(1, "Words the author took back.", deleted=True),
        _post(2, "Sorry it went, it was a kind note.", parent=1, name="Orla Finch"),
        _post(3, "Another withdrawn thought.", deleted=True),
        _post(4, "A reply later deleted.", parent=2, deleted=True),
        _post(5, "Buy cheap pills", spam=True),
        _post(6, "Answering the advert.", parent=5),
        _post(7, "Spam the moderator also deleted", spam=True, deleted=True)))
    assert [(c.source_key, c.text, c.removed, c.depth) for c in r.comments] == [
        ("dsq-1", "", True, 0), ("dsq-2", "Sorry it went, it was a kind note.", False, 1),
        ("dsq-3", "", True, 0), ("dsq-4", "", True, 2)]
    assert r.comments[1].parent_id == r.comments[0].comment_id
    # the withdrawn words are not kept anywhere, and the author stays for the pseudonym
    assert "took back" not in repr(r.comments) and r.comments[0].identity.name == "Wren Calloway"
    assert r.comments[0].published_at == "2019-05-02T10:00:00Z"
    assert r.skipped == {"spam": 2}
    assert [(q.reason, q.location.split()[1]) for q in r.quarantine] == [("orphan_reply", "dsq:id=6")]
    assert r.posts[0].extracted_comment_count == 4
