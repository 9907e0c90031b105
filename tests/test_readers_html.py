"""WordPress HTML reader on real saved pages (tests/fixtures/samples/html) and edge cases."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from therapy_threads.readers import SourceRef, detect_format, get_reader

SAMPLES = Path(__file__).parent / "fixtures" / "samples"


def read_bytes(data: bytes, sid: str = "html"):
    return get_reader("html").read(data, SourceRef(sid, sid + ".html"))


def read(name: str):
    return read_bytes((SAMPLES / "html" / name).read_bytes(), name)


def depths(r) -> dict[int, int]:
    return dict(sorted(Counter(c.depth for c in r.comments).items()))


@pytest.mark.parametrize("name", ["netzpolitik.org.abmahnungen.html",
                                  "muffinrezept.net.grundrezept.html", "lemire.me.json.html"])
def test_detected_as_html(name):
    data = (SAMPLES / "html" / name).read_bytes()
    assert detect_format(data, name) == "html"


def test_netzpolitik_thread():
    r = read("netzpolitik.org.abmahnungen.html")
    assert len(r.posts) == 1 and len(r.comments) == 74 and not r.quarantine
    assert depths(r) == {0: 36, 1: 17, 2: 10, 3: 7, 4: 4}
    p = r.posts[0]
    assert p.title == "Die Cider Connection: Abmahnungen gegen Nutzer von Creative-Commons-Bildern"
    assert p.author == "Markus Reuter"
    assert p.published_at == "2016-06-23T14:14:51Z"
    assert p.declared_comment_count == 91  # the page shows 74 of "91 Ergänzungen"
    assert p.extracted_comment_count == 74
    assert p.body.startswith("Zwei Männer Arm in Arm.")
    assert "Antworten" not in p.body and "sagt:" not in p.body
    first = r.comments[0]
    assert first.source_key == "comment-2058226" and first.parent_id is None
    assert first.text.startswith("selber blöd, wer bis dato")
    assert first.published_at == "2016-06-23T15:21:09Z"
    assert first.identity.name == "blah blubb"
    assert first.is_post_author is False
    reply = r.comments[1]
    assert reply.parent_id == first.comment_id and reply.depth == 1
    assert sum(c.is_post_author is True for c in r.comments) == 5
    # Metadata never leaks into text: no names with "sagt:", no reply links, no dates.
    for c in r.comments:
        assert "sagt:" not in c.text and "Antworten" != c.text.splitlines()[-1]
        assert c.identity is None or c.text.splitlines()[0] != c.identity.name
    assert all(c.text for c in r.comments)


def test_netzpolitik_comment_url_goes_to_identity_only():
    r = read("netzpolitik.org.abmahnungen.html")
    with_url = [c for c in r.comments if c.identity and c.identity.url]
    assert with_url, "some commenters link a home page"
    # Only the commenter who pasted his own blog link into his text has it there.
    assert [c.source_key for c in with_url if c.identity.url in c.text] == ["comment-2059491"]
    assert len(with_url) == 10


def test_muffinrezept_old_theme():
    r = read("muffinrezept.net.grundrezept.html")
    assert len(r.comments) == 51
    assert depths(r) == {0: 42, 1: 8, 2: 1}
    p = r.posts[0]
    assert p.title == "Muffin Grundrezept"
    assert p.declared_comment_count == 51
    assert p.categories == ["Grundrezept", "Rezepte"]
    assert p.body.startswith("Für Experimentierfreudige ist dieses Muffin Grundrezept")
    by_key = {c.source_key: c for c in r.comments}
    assert by_key["comment-143"].text == "Warum 2mal Zucker ?:-)"
    admin = by_key["comment-144"]
    assert admin.is_post_author is True and admin.depth == 1
    assert admin.parent_id == by_key["comment-143"].comment_id
    assert admin.text.startswith("Danke für den Hinweis!")
    assert admin.text.endswith("das MuffinRezept.net Team :-)")  # smiley image alt text kept
    assert by_key["comment-206"].depth == 2 and by_key["comment-206"].text == "Super Rezepte :)"
    assert [c for c in r.comments if c.is_post_author] == [admin]
    # Times are shown without a zone: no UTC time is guessed, the local time is kept as written.
    assert all(c.published_at is None for c in r.comments)
    assert by_key["comment-143"].published_local == "2013-07-30T14:33"
    assert all(c.published_local for c in r.comments)
    assert all("sagt:" not in c.text and not c.text.endswith("Antworten") for c in r.comments)
    # Share buttons were removed from the body and recorded as furniture.
    assert "Drucken" not in p.body
    assert ("buttons", "Drucken") in [(f.kind, f.text) for f in r.furniture]


def test_lemire_html5_theme():
    r = read("lemire.me.json.html")
    assert len(r.comments) == 5 and depths(r) == {0: 3, 1: 2}
    p = r.posts[0]
    assert p.title == "JSON parsing: simdjson vs. JSON for Modern C++"
    assert p.author == "Daniel Lemire"
    assert p.published_at == "2019-08-02T15:57:41Z"
    assert p.declared_comment_count == 5
    assert p.url == "https://lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/"
    c = r.comments[0]
    assert c.text.startswith("Thanks, for posting this.\n\nThat is well a mega difference")
    assert c.identity.name == "degski" and c.identity.url == "http://example.com"
    replies = [c for c in r.comments if c.depth == 1]
    assert all(x.is_post_author for x in replies)
    assert all(x.identity.name == "Daniel Lemire" for x in replies)
    assert "gravatar" not in repr(r.comments)


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>T – Blog</title></head><body>
<article><h1 class="entry-title">A post</h1><div class="entry-content"><p>Body text.</p></div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on “A post”</h2>
{list}</div></body></html>"""


def test_pingbacks_and_trackbacks_are_counted_not_mixed():
    html = PAGE.format(list="""<ol class="commentlist">
<li class="pingback even thread-even depth-1" id="comment-5"><div class="comment-body">Pingback: <a href="http://x">Other blog</a></div></li>
<li class="comment odd depth-1" id="comment-6"><div class="comment-body"><div class="comment-author vcard"><cite class="fn">Ann</cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="#comment-6">March 1, 2020 at 1:00 pm</a></div><p>Real comment.</p><div class="reply"><a class="comment-reply-link" href="?replytocom=6">Reply</a></div></div></li>
<li class="trackback depth-1" id="comment-7"><div class="comment-body">Trackback: x</div></li></ol>""")
    r = read_bytes(html.encode())
    assert [c.text for c in r.comments] == ["Real comment."]
    assert r.skipped == {"pingback": 1, "trackback": 1}
    assert r.comments[0].identity.name == "Ann"
    assert r.posts[0].declared_comment_count == 3


def test_flat_markup_with_depth_classes():
    html = PAGE.format(list="""<ol class="comment-list">
<li id="comment-1" class="comment depth-1"><article class="comment-body"><div class="comment-content"><p>one</p></div></article></li>
<li id="comment-2" class="comment depth-2"><article class="comment-body"><div class="comment-content"><p>two</p></div></article></li>
<li id="comment-3" class="comment depth-3"><article class="comment-body"><div class="comment-content"><p>three</p></div></article></li>
<li id="comment-4" class="comment depth-2"><article class="comment-body"><div class="comment-content"><p>four</p></div></article></li>
<li id="comment-5" class="comment depth-1"><article class="comment-body"><div class="comment-content"><p>five</p></div></article></li>
</ol>""")
    r = read_bytes(html.encode())
    assert [(c.text, c.depth) for c in r.comments] == [("one", 0), ("two", 1), ("three", 2),
                                                       ("four", 1), ("five", 0)]
    assert "html_depth_from_classes" in [i.code for i in r.issues]


def test_ten_thousand_nested_lists_do_not_recurse_or_hang():
    r = read_bytes((SAMPLES / "malformed" / "html-10000-nested-lists.html").read_bytes())
    assert not r.failed
    body = r.posts[0].body
    assert body.startswith("Before.") and body.endswith("After the lists.")
    assert body.count("level") == 10000
    assert [(c.text, c.depth) for c in r.comments] == [("First comment after deep lists.", 0),
                                                       ("A reply.", 1)]


def test_not_html_is_a_clear_error():
    r = read_bytes(b"just some words, no markup")
    assert r.failed and r.issues[0].code == "not_html"


def test_windows_1252_page_is_decoded():
    html = PAGE.format(list="").replace("Body text.", "Caf\u00e9 \u2013 na\u00efve")
    html = html.replace('<meta charset="utf-8">', "")
    r = read_bytes(html.encode("cp1252"))
    assert r.posts[0].body == "Café – naïve"
    assert "encoding" in [i.code for i in r.issues]


def test_like_counts_and_html5_time():
    html = PAGE.format(list="""<ol class="comment-list">
<li id="comment-10" class="comment depth-1"><article id="div-comment-10" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn"><a href="https://web.archive.org/web/2016/http://ann.example/" class="url">Ann</a></b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-10"><time datetime="2020-03-01T13:00:00+01:00">March 1, 2020 at 1:00 pm</time></a></div></footer>
<div class="comment-content"><p>I felt seen.</p></div>
<p class="comment-likes"><span class="comment-like-feedback">Liked by 3 people</span></p>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article></li>
<li id="comment-11" class="comment depth-1"><article id="div-comment-11" class="comment-body">
<div class="comment-content"><p>No likes here.</p></div><p class="comment-likes"><span class="comment-like-feedback">Like</span></p></article></li>
</ol>""")
    r = read_bytes(html.encode())
    a, b = r.comments
    assert (a.text, a.like_count, a.published_at) == ("I felt seen.", 3, "2020-03-01T12:00:00Z")
    assert a.identity.url == "http://ann.example/"  # Wayback prefix removed (identity only)
    assert (b.text, b.like_count) == ("No likes here.", None)


def test_reader_bug_becomes_a_source_error(monkeypatch):
    from therapy_threads.readers import html_page

    def boom(*a, **k):
        raise RuntimeError("simulated")

    monkeypatch.setattr(html_page, "_read_pages", boom)
    r = read_bytes(PAGE.format(list="").encode())
    assert r.failed and r.issues[0].code == "reader_crashed" and "simulated" in r.issues[0].message


def test_genesis_twentyten_and_wpdiscuz_markup():
    genesis = PAGE.format(list="""<ol class="comment-list">
<li class="comment even thread-even depth-1" id="comment-5"><article id="article-comment-5" itemprop="comment">
<header class="comment-header"><p class="comment-author" itemprop="author"><img class="avatar" src="https://secure.gravatar.com/avatar/abc"><span itemprop="name">Grace Lee</span> <span class="says">says</span></p>
<p class="comment-meta"><time class="comment-time" datetime="2021-05-04T10:00:00+00:00"><a href="#comment-5">May 4, 2021</a></time></p></header>
<div class="comment-content" itemprop="text"><p>Thank you for this.</p></div>
<div class="comment-reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
<ul class="children"><li class="comment byuser bypostauthor odd depth-2" id="comment-6"><article id="article-comment-6">
<header class="comment-header"><p class="comment-author"><span itemprop="name">Author</span> <span class="says">says</span></p></header>
<div class="comment-content"><p>You are welcome.</p></div></article></li></ul></li></ol>""")
    r = read_bytes(genesis.encode())
    assert [(c.text, c.depth, c.identity.name, c.is_post_author) for c in r.comments] == [
        ("Thank you for this.", 0, "Grace Lee", False), ("You are welcome.", 1, "Author", True)]
    assert r.comments[0].published_at == "2021-05-04T10:00:00Z"

    twentyten = PAGE.format(list="""<ol class="commentlist">
<li class="comment even thread-even depth-1" id="li-comment-7"><div id="comment-7">
<div class="comment-author vcard"><cite class="fn">Kim</cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="#comment-7">June 1, 2010 at 9:00 am</a> <a class="comment-edit-link" href="#">(Edit)</a></div>
<div class="comment-body"><p>Old theme text.</p></div>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></div>
<ul class="children"><li class="comment odd depth-2" id="li-comment-8"><div id="comment-8"><div class="comment-author vcard"><cite class="fn">Lou</cite></div><div class="comment-body"><p>Reply text.</p></div></div></li></ul></li></ol>""")
    r = read_bytes(twentyten.encode())
    assert [(c.source_key, c.text, c.depth, c.identity.name) for c in r.comments] == [
        ("comment-7", "Old theme text.", 0, "Kim"), ("comment-8", "Reply text.", 1, "Lou")]

    wpdiscuz = PAGE.format(list="""<div class="wpd-thread-list">
<div id="wpd-comm-20_0" class="comment even thread-even depth-1 wpd-comment wpd_comment_level-1"><div class="wpd-comment-wrap">
<div class="wpd-comment-author">Robin</div><div class="wpd-comment-text"><p>Top comment.</p></div></div></div>
<div id="wpd-comm-21_20" class="comment odd depth-2 wpd-comment wpd_comment_level-2"><div class="wpd-comment-wrap">
<div class="wpd-comment-author">Sam</div><div class="wpd-comment-text"><p>Answer.</p></div></div></div></div>""")
    r = read_bytes(wpdiscuz.encode())
    assert [(c.source_key, c.text, c.depth, c.identity.name) for c in r.comments] == [
        ("comment-20", "Top comment.", 0, "Robin"), ("comment-21", "Answer.", 1, "Sam")]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LEMIRE = (SAMPLES / "html" / "lemire.me.json.html").read_bytes()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_LEMIRE)), junk=st.binary(max_size=16),
       at=st.integers(0, len(_LEMIRE)))
def test_damaged_pages_never_raise(cut, junk, at):
    data = _LEMIRE[:at] + junk + _LEMIRE[at:cut] if at < cut else _LEMIRE[:cut]
    r = read_bytes(data)
    assert not [i for i in r.issues if i.code == "reader_crashed"]
    assert len(r.comments) <= 5


def test_wordpress_com_double_wrapped_comments():
    html = PAGE.format(list="""<ol class="commentlist">
<li class="comment byuser comment-author-x even thread-even depth-1 highlander-comment" id="li-comment-123">
<article id="comment-123" class="comment"><footer>
<div class="comment-author vcard"><img class="avatar" src="https://0.gravatar.com/avatar/abc"/> <cite class="fn"><a href="http://x.example" class="url">Pat</a></cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="#comment-123"><time pubdate datetime="2014-03-01T12:00:00+00:00">March 1, 2014 at 12:00 pm</time></a></div></footer>
<div class="comment-content"><p>My therapist said the same.</p>
<p id="comment-like-123" class="comment-likes comment-not-liked"><a href="#" class="comment-like-link"><span>Like</span></a><span id="comment-like-count-123" class="comment-like-feedback">Liked by 2 people</span></p></div>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
<ul class="children"><li class="comment odd depth-2 highlander-comment" id="li-comment-124"><article id="comment-124" class="comment">
<div class="comment-author vcard"><cite class="fn">Quinn</cite></div><div class="comment-content"><p>So did mine.</p></div></article></li></ul>
</li></ol>""")
    r = read_bytes(html.encode())
    assert [(c.source_key, c.text, c.depth, c.like_count, c.identity.name) for c in r.comments] == [
        ("comment-123", "My therapist said the same.", 0, 2, "Pat"),
        ("comment-124", "So did mine.", 1, None, "Quinn")]
    assert r.comments[0].published_at == "2014-03-01T12:00:00Z"
    assert not r.quarantine


def test_comment_pagination_and_declared_count_are_reported():
    html = PAGE.format(list="""<ol class="comment-list"><li id="comment-1" class="comment depth-1">
<article class="comment-body"><div class="comment-content"><p>Only one here.</p></div></article></li></ol>
<nav class="comment-navigation"><a href="https://b.example/post/comment-page-1/#comments">Older comments</a></nav>""")
    r = read_bytes(html.encode())
    codes = [i.code for i in r.issues]
    assert "comment_pages_missing" in codes
    assert r.comment_pages == ["https://b.example/post/comment-page-1/"]
    r = read("netzpolitik.org.abmahnungen.html")
    assert [i.code for i in r.issues] == ["fewer_comments_than_declared"]
