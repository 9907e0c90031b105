"""WordPress REST API reader and fetcher, against a real HTTP server on 127.0.0.1.

The server serves the recorded API data in tests/fixtures/wp_rest/ (index, posts, comments)
the way WordPress does: ``per_page``/``page`` pagination with X-WP-Total/X-WP-TotalPages,
``post=1,2`` filters, ``include``, and 400 ``rest_post_invalid_page_number`` past the end.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import loopback

from therapy_threads.fetch import PoliteClient, WarcArchive
from therapy_threads.readers import SourceRef, detect_format, get_reader
from therapy_threads.readers.wp_rest import fetch_wp_rest, normalise_api_root

FIX = Path(__file__).parent / "fixtures" / "wp_rest"
INDEX = json.loads((FIX / "index.json").read_text())
POSTS = json.loads((FIX / "posts.json").read_text())
COMMENTS = json.loads((FIX / "comments.json").read_text())


class FakeWordPress:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        wp = self

        class Handler(loopback.QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                parts = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(parts.query).items()}
                wp.hits[parts.path] += 1
                if parts.path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nDisallow: /wp-admin/\n", "text/plain")
                if parts.path == "/wp-json/":
                    return self._json(200, INDEX)
                if parts.path == "/wp-json/wp/v2/posts":
                    rows = POSTS
                    if "include" in q:
                        keep = {int(x) for x in q["include"].split(",")}
                        rows = [r for r in rows if r["id"] in keep]
                    rows = sorted(rows, key=lambda r: r["date_gmt"])
                elif parts.path == "/wp-json/wp/v2/comments":
                    keep = {int(x) for x in q.get("post", "").split(",") if x}
                    rows = [r for r in COMMENTS if not keep or r["post"] in keep]
                    rows = sorted(rows, key=lambda r: r["date_gmt"])
                else:
                    return self._json(404, {"code": "rest_no_route", "message": "No route",
                                            "data": {"status": 404}})
                per, page = int(q.get("per_page", 10)), int(q.get("page", 1))
                pages = max(1, math.ceil(len(rows) / per))
                if page > pages:
                    return self._json(400, {"code": "rest_post_invalid_page_number",
                                            "message": "The page number requested is larger "
                                            "than the number of pages available.",
                                            "data": {"status": 400}})
                self._json(200, rows[(page - 1) * per: page * per],
                           {"X-WP-Total": str(len(rows)), "X-WP-TotalPages": str(pages)})

            def _json(self, status, obj, headers=None) -> None:
                self._send(status, json.dumps(obj).encode(), "application/json; charset=UTF-8",
                           headers)

            def _send(self, status, body, ctype, headers=None) -> None:
                self.reply(status, {"Content-Type": ctype, **(headers or {})}, body)

        self.server, self.base = loopback.start(Handler)

    def stop(self) -> None:
        loopback.stop(self.server)


@pytest.fixture
def wp():
    s = FakeWordPress()
    yield s
    s.stop()


def polite(archive=None, mode="cache") -> PoliteClient:
    return PoliteClient(archive, mode=mode, min_interval=0.0, backoff_base=0.0,
                        sleep=lambda s: None)


def read(bundle: bytes):
    return get_reader("wp_rest").read(bundle, SourceRef("rest", "bundle.json"))


def test_api_root_normalisation():
    assert normalise_api_root("https://b.example") == "https://b.example/wp-json/"
    assert normalise_api_root("https://b.example/wp-json") == "https://b.example/wp-json/"
    assert normalise_api_root("https://b.example/wp-json/wp/v2/posts") == "https://b.example/wp-json/"


def test_fetch_walks_pages_and_reader_builds_threads(wp, tmp_path):
    with polite(WarcArchive(tmp_path, "rest")) as c:
        bundle = fetch_wp_rest(wp.base, c, per_page=2, ids_per_request=2)
    doc = json.loads(bundle)
    urls = [r["url"] for r in doc["responses"]]
    assert sum("/wp/v2/posts" in u for u in urls) == 2  # 4 posts, 2 per page
    # posts 7+9 -> 7 comments (4 pages), posts 11+12 -> 2 comments (1 page)
    assert sum("/wp/v2/comments" in u for u in urls) == 5
    assert detect_format(bundle, "x.json") == "wp_rest"

    r = read(bundle)
    assert not [i for i in r.issues if i.severity == "error"]
    assert [p.title for p in r.posts] == ["When you miss your therapist between sessions",
                                          "Boundaries are a form of care",
                                          "Abhängigkeit in der Therapie"]
    assert r.skipped == {"pingback": 1, "password_protected_post": 1}
    assert len(r.comments) == 8
    first = r.posts[0]
    assert first.site == "Between Sessions" and first.author == "Dr. Jane Roe"
    assert first.published_at == "2023-03-01T09:00:00Z"
    assert first.categories == ["Therapy relationship"]
    assert first.tags == ["attachment", "transference"]
    assert first.body.startswith("Many clients tell me")
    c7 = [c for c in r.comments if c.post_id == first.post_id]
    assert [(c.source_key, c.depth) for c in c7] == [
        ("comment-101", 0), ("comment-102", 1), ("comment-103", 2), ("comment-104", 0),
        ("comment-106", 1)]
    assert first.extracted_comment_count == 5
    assert c7[1].is_post_author is True and c7[0].is_post_author is False
    assert c7[2].text == "It does. I’m going to bring this up with her on Thursday 🙂"
    assert c7[3].text == "I felt ashamed for years about missing my counsellor.\nReading this helped.\n\nSecond paragraph: it gets easier."
    assert c7[0].published_at == "2023-03-01T11:05:00Z"
    assert c7[0].identity.name == "Anna K." and c7[0].identity.url == "https://anna.example"
    # Gravatar URLs (a hash of the e-mail) are not read into any record.
    assert "gravatar" not in repr(r)


def test_replay_of_the_walk_without_server(wp, tmp_path):
    with polite(WarcArchive(tmp_path, "rest")) as c:
        live = fetch_wp_rest(wp.base, c, per_page=3)
    base = wp.base
    wp.stop()
    with polite(WarcArchive(tmp_path, "rest"), mode="replay") as c:
        again = fetch_wp_rest(base, c, per_page=3)
    assert again == live


def test_include_restricts_posts(wp):
    with polite() as c:
        bundle = fetch_wp_rest(wp.base + "/wp-json", c, post_ids=[12])
    r = read(bundle)
    assert [p.title for p in r.posts] == ["Abhängigkeit in der Therapie"]
    assert len(r.comments) == 2


def test_recorded_bundle_fixture():
    bundle = (FIX / "bundle.json").read_bytes()
    r = read(bundle)
    assert len(r.posts) == 3 and len(r.comments) == 8
    assert Counter(c.depth for c in r.comments) == {0: 4, 1: 3, 2: 1}
    assert r.skipped == {"pingback": 1, "password_protected_post": 1}


def test_comment_of_missing_post_and_api_errors_are_reported():
    bundle = json.dumps([
        {"url": "https://x/wp-json/wp/v2/posts?page=1", "status": 200, "body": [POSTS[1]]},
        {"url": "https://x/wp-json/wp/v2/comments?post=9&page=1", "status": 200,
         "body": [COMMENTS[6], dict(COMMENTS[0], id=999, post=4242)]},
        {"url": "https://x/wp-json/wp/v2/comments?post=9&page=2", "status": 500, "body": {}},
    ]).encode()
    r = read(bundle)
    assert len(r.posts) == 1 and len(r.comments) == 1
    assert [q.reason for q in r.quarantine] == ["missing_post"]
    assert [i.code for i in r.issues] == ["api_error"]


@pytest.mark.parametrize("data,code", [(b"{not json", "not_json"),
                                       (b'{"responses": 3}', "not_wp_rest_bundle")])
def test_bad_bundles_give_errors(data, code):
    r = read(data)
    assert r.failed and r.issues[0].code == code


def test_fetch_source_for_a_manifest_entry_archives_by_source_id(wp, tmp_path):
    from therapy_threads.fetch import fetch_source

    ref = SourceRef("blog-rest", wp.base + "/wp-json/", format="wp_rest")
    data, fmt = fetch_source(ref, tmp_path, min_interval=0.0)
    assert fmt == "wp_rest" and (tmp_path / "blog-rest.warc.gz").exists()
    wp.stop()
    again, _ = fetch_source(ref, tmp_path, mode="replay")
    assert again == data
    assert len(read(again).comments) == 8


from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                        lambda kids: st.lists(kids, max_size=4)
                        | st.dictionaries(st.sampled_from(["id", "post", "parent", "content",
                                                           "rendered", "url", "status", "body",
                                                           "date_gmt", "type", "author"]),
                                          kids, max_size=5), max_leaves=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# found by this test in CI: a list as the comment's post id, and false as its id (bool is an int)
@example(body={"post": [], "id": False}, url="https://x/wp-json/wp/v2/comments?post=1")
@given(body=_JSONISH, url=st.sampled_from(["https://x/wp-json/wp/v2/posts",
                                            "https://x/wp-json/wp/v2/comments?post=1",
                                            "https://x/wp-json/", "https://x/other"]))
def test_odd_shapes_never_raise(body, url):
    r = read(json.dumps([{"url": url, "status": 200, "body": body}]).encode())
    assert not [i for i in r.issues if i.code == "reader_crashed"]


def test_wrong_types_in_fields_are_tolerated():
    post = dict(POSTS[0], date_gmt=5, link=["x"], _embedded={"author": "nobody"})
    com = dict(COMMENTS[0], date_gmt=7, parent="12", author_name=3, author_url={"a": 1})
    r = read(json.dumps([{"url": "https://x/wp-json/wp/v2/posts", "status": 200, "body": [post]},
                         {"url": "https://x/wp-json/wp/v2/comments", "status": 200,
                          "body": [com]}]).encode())
    assert not r.issues or r.issues[0].code != "reader_crashed"
    assert len(r.comments) == 1 and r.comments[0].parent_id is None
    # date_gmt unusable and "date" is local time without a zone: no published_at is guessed.
    assert r.posts[0].url is None and r.posts[0].published_at is None


def test_trashed_comments_are_removed_nodes_spam_and_hold_skipped():
    # a bundle recorded with an editor's rights (status=all): WordPress's own status values
    base = dict(COMMENTS[0], post=POSTS[0]["id"])

    def com(cid, status, parent=0, words="Kind words"):
        return dict(base, id=cid, parent=parent, status=status, date_gmt=f"2023-03-01T11:0{cid % 10}:00",
                    content={"rendered": f"<p>{words} {cid}</p>"})

    comments = [com(201, "trash", words="Taken back"), com(202, "approved", parent=201),
                com(203, "post-trashed"), com(204, "spam"), com(205, "approved", parent=204),
                com(206, "hold"), com(207, "trash", parent=202)]
    r = read(json.dumps([{"url": "https://x/wp-json/wp/v2/posts", "status": 200, "body": [POSTS[0]]},
                         {"url": "https://x/wp-json/wp/v2/comments?status=all", "status": 200,
                          "body": comments}]).encode())
    assert [(c.source_key, c.text, c.removed, c.depth) for c in r.comments] == [
        ("comment-201", "", True, 0), ("comment-202", "Kind words 202", False, 1),
        ("comment-203", "", True, 0), ("comment-207", "", True, 2)]
    assert r.comments[1].parent_id == r.comments[0].comment_id
    assert "Taken back" not in repr(r.comments)
    assert r.skipped == {"spam": 1, "unapproved": 1}
    assert [q.reason for q in r.quarantine] == ["orphan_reply"]
