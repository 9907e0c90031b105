"""The polite client against a real HTTP server on 127.0.0.1: robots, retries, 304, WARC replay."""
from __future__ import annotations

import gzip

import pytest

import loopback
from warcio.archiveiterator import ArchiveIterator

from therapy_threads.fetch import (USER_AGENT, FetchError, NotInArchive, PoliteClient,
                                   RobotsDisallowed, WarcArchive, retry_after_seconds)


class Site:
    """A tiny configurable web server: routes map a path to a list of responses served in turn."""

    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(loopback.QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                site.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                queue = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if not queue:
                    status, headers, body = 404, {}, b"not found"
                else:
                    status, headers, body = queue[0] if len(queue) == 1 else queue.pop(0)
                    if callable(body):
                        status, headers, body = body(self)
                self.reply(status, headers, body)

        self.server, self.base = loopback.start(Handler)

    def stop(self) -> None:
        loopback.stop(self.server)

    def requests_to(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)


@pytest.fixture
def site():
    s = Site()
    s.routes["/robots.txt"] = [(200, {"Content-Type": "text/plain"},
                                b"User-agent: *\nDisallow: /private/\n")]
    yield s
    s.stop()


def client(archive=None, **kw) -> PoliteClient:
    sleeps: list[float] = []
    c = PoliteClient(archive, min_interval=0.0, backoff_base=0.01, sleep=sleeps.append, **kw)
    c.sleeps = sleeps  # type: ignore[attr-defined]
    return c


def test_user_agent_names_the_project():
    assert USER_AGENT.startswith("therapy-threads/")
    assert "research dataset" in USER_AGENT and "+http" in USER_AGENT


def test_robots_disallow_is_honoured(site, tmp_path):
    site.routes["/private/page"] = [(200, {}, b"secret")]
    site.routes["/public"] = [(200, {}, b"ok")]
    with client(WarcArchive(tmp_path)) as c:
        with pytest.raises(RobotsDisallowed, match="disallows"):
            c.get(site.base + "/private/page")
        assert c.get(site.base + "/public").content == b"ok"
    assert site.requests_to("/private/page") == 0
    assert site.requests_to("/robots.txt") == 1  # cached per origin
    ua = [h["user-agent"] for p, h in site.log if p == "/public"][0]
    assert ua == USER_AGENT


def test_robots_for_our_agent_only(site):
    site.routes["/robots.txt"] = [(200, {}, b"User-agent: therapy-threads\nDisallow: /\n\n"
                                           b"User-agent: *\nAllow: /\n")]
    site.routes["/x"] = [(200, {}, b"x")]
    with client() as c, pytest.raises(RobotsDisallowed):
        c.get(site.base + "/x")


def test_robots_server_error_means_disallow(site):
    site.routes["/robots.txt"] = [(500, {}, b"oops")]
    site.routes["/x"] = [(200, {}, b"x")]
    with client(max_retries=1) as c, pytest.raises(RobotsDisallowed):
        c.get(site.base + "/x")


def test_missing_robots_allows(site):
    del site.routes["/robots.txt"]
    site.routes["/x"] = [(200, {}, b"x")]
    with client() as c:
        assert c.get(site.base + "/x").status == 200


def test_retry_on_503_then_success_honours_retry_after(site, tmp_path):
    site.routes["/flaky"] = [(503, {"Retry-After": "3"}, b"busy"), (503, {}, b"busy"),
                             (200, {"Content-Type": "text/html"}, b"<p>finally</p>")]
    with client(WarcArchive(tmp_path)) as c:
        r = c.get(site.base + "/flaky")
        assert (r.status, r.content, r.from_archive) == (200, b"<p>finally</p>", False)
        assert site.requests_to("/flaky") == 3
        # First wait is the server's Retry-After, the second exponential backoff (0.01 * 2).
        assert c.sleeps[:2] == [3.0, 0.02]
        assert c.stats["retries"] == 2


def test_gives_up_with_a_clear_error(site):
    site.routes["/down"] = [(502, {}, b"bad gateway")]
    with client(max_retries=2) as c, pytest.raises(FetchError, match="gave up after 3 attempts"):
        c.get(site.base + "/down")
    assert site.requests_to("/down") == 3


def test_retry_after_too_long_is_refused(site):
    site.routes["/slow"] = [(429, {"Retry-After": "86400"}, b"")]
    with client() as c, pytest.raises(FetchError, match="Retry-After"):
        c.get(site.base + "/slow")


def test_retry_after_parsing():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after_seconds("soon") is None


def test_conditional_request_and_304_reuse(site, tmp_path):
    site.routes["/page"] = [(200, {"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"},
                             b"<p>v1</p>"),
                            (304, {"ETag": '"v1"'}, b"")]
    archive = WarcArchive(tmp_path, "src")
    with client(archive) as c:
        assert c.get(site.base + "/page").content == b"<p>v1</p>"
    with client(WarcArchive(tmp_path, "src"), mode="refresh") as c:
        r = c.get(site.base + "/page")
        assert (r.status, r.content, r.from_archive) == (200, b"<p>v1</p>", True)
        assert c.stats["not_modified"] == 1
    second = [h for p, h in site.log if p == "/page"][1]
    assert second["if-none-match"] == '"v1"'
    assert second["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_replay_from_warc_with_server_stopped(site, tmp_path):
    body = "<html><body><p>Grüße</p></body></html>".encode()
    site.routes["/post"] = [(200, {"Content-Type": "text/html; charset=utf-8"}, body)]
    site.routes["/api"] = [(200, {"Content-Type": "application/json"}, b"[1,2]")]
    with client(WarcArchive(tmp_path, "blog")) as c:
        c.get(site.base + "/post")
        c.get(site.base + "/api", params={"page": 2})
    url = site.base + "/post"
    site.stop()
    with client(WarcArchive(tmp_path, "blog"), mode="replay") as c:
        r = c.get(url)
        assert (r.status, r.content, r.from_archive) == (200, body, True)
        assert r.headers["content-type"] == "text/html; charset=utf-8"
        assert c.get(url.replace("/post", "/api"), params={"page": 2}).json() == [1, 2]
        with pytest.raises(NotInArchive, match="not in the archive"):
            c.get(url + "-missing")
    # The WARC is a valid gzipped WARC with request and response records.
    path = tmp_path / "blog.warc.gz"
    with gzip.open(path) as fh:
        assert fh.read(8) == b"WARC/1.0"
    with path.open("rb") as fh:
        records = list(ArchiveIterator(fh))
        assert records[0].rec_type == "warcinfo"
        kinds = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI").split("/", 3)[-1])
                 for r in records[1:]]
    assert ("response", "post") in kinds and ("request", "post") in kinds
    assert ("response", "robots.txt") in kinds


def test_gzip_encoded_response_is_stored_decoded(site, tmp_path):
    raw = b"<p>" + b"compressible " * 200 + b"</p>"
    site.routes["/gz"] = [(200, {"Content-Encoding": "gzip", "Content-Type": "text/html"},
                           gzip.compress(raw))]
    with client(WarcArchive(tmp_path)) as c:
        assert c.get(site.base + "/gz").content == raw
    with client(WarcArchive(tmp_path), mode="replay") as c:
        r = c.get(site.base + "/gz")
        assert r.content == raw and "content-encoding" not in r.headers


def test_rate_limit_spaces_requests_per_host(site):
    site.routes["/a"] = [(200, {}, b"a")]
    sleeps: list[float] = []
    with PoliteClient(None, min_interval=5.0, sleep=sleeps.append) as c:
        c.get(site.base + "/a")
        c.get(site.base + "/a")
    # robots.txt, /a, /a: the second and third requests each waited for the interval.
    assert len([s for s in sleeps if s > 4.0]) == 2


def test_crawl_delay_from_robots(site):
    site.routes["/robots.txt"] = [(200, {}, b"User-agent: *\nCrawl-delay: 30\n")]
    site.routes["/a"] = [(200, {}, b"a")]
    sleeps: list[float] = []
    with PoliteClient(None, min_interval=0.0, sleep=sleeps.append) as c:
        c.get(site.base + "/a")
        c.get(site.base + "/a")
    assert any(s > 25 for s in sleeps)


def test_replay_needs_an_archive():
    with pytest.raises(ValueError):
        PoliteClient(None, mode="replay")
