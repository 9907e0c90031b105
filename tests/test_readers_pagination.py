"""Comment pages are followed through the polite fetcher; an offline capture says what is missing."""
from __future__ import annotations

from loopback import QuietHandler, serving

from therapy_threads.fetch.source import fetch_source
from therapy_threads.readers import SourceRef, get_reader


def page(n: int, links: str) -> bytes:
    items = "".join(f'<li id="comment-{n * 10 + i}" class="comment depth-1"><div class="comment-body">'
                    f'<cite class="fn">Reader {n}{i}</cite><p>Comment {i} on page {n}.</p></div></li>'
                    for i in range(2))
    return (f'<html lang="en"><body><article><h1 class="entry-title">Thread</h1><div class="entry-content">'
            f'<p>The post is long enough to be kept as a body by the extractor of the page.</p></div></article>'
            f'<div id="comments"><h2 class="comments-title">6 Comments</h2><ol class="comment-list">{items}</ol>'
            f'<nav class="comment-navigation">{links}</nav></div></body></html>').encode()


class Handler(QuietHandler):
    def pages(self) -> dict[str, bytes]:
        return {
            "/post/": page(3, '<a href="/post/comment-page-2/#comments">Older Comments</a>'),
            "/post/comment-page-2/": page(2, '<a href="/post/comment-page-1/#comments">Older Comments</a>'
                                             '<a href="/post/#comments">Newer Comments</a>'),
            "/post/comment-page-1/": page(1, '<a href="/post/comment-page-2/#comments">Newer Comments</a>'),
        }

    def do_GET(self):
        body = self.pages().get(self.path)
        if self.path == "/robots.txt" or body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)


def test_all_comment_pages_are_fetched_archived_and_read(tmp_path):
    with serving(Handler) as (_, base):
        ref = SourceRef("t", f"{base}/post/", url=f"{base}/post/")
        data, fmt = fetch_source(ref, tmp_path, min_interval=0.0)
    assert fmt == "html"
    r = get_reader(fmt).read(data, ref)
    assert sorted(c.text for c in r.comments) == sorted(
        f"Comment {i} on page {n}." for n in (1, 2, 3) for i in range(2))
    assert "comment_pages_missing" not in [i.code for i in r.issues]
    assert r.posts[0].title == "Thread" and r.posts[0].declared_comment_count == 6
    # Replaying from the archive gives the same bytes without the server.
    again, _ = fetch_source(ref, tmp_path, mode="replay", min_interval=0.0)
    assert again == data


def test_offline_capture_warns_with_the_number_missing():
    r = get_reader("html").read(page(3, '<a href="https://b.example/post/comment-page-2/">Older Comments</a>'),
                                SourceRef("t", "t.html", url="https://b.example/post/"))
    msg = next(i.message for i in r.issues if i.code == "comment_pages_missing")
    assert "1 other comment page(s)" in msg and "read 2" in msg and "states 6" in msg


def paged_plugin_page(numbers: range, pager: str) -> bytes:
    # The Paginated Comments plugin: newest page first, "?p=ID&cp=N" links, the shortlink in the head.
    items = "".join(f'<li id="comment-{n}"><div class="comment_header"><cite>Reader {n} Says:</cite> '
                    f'<small class="commentmetadata"><a href="/?p=9#comment-{n}">May {n}th, 2011 at 9:0{n} pm</a>'
                    f'</small></div><p>Comment number {n} on the bridge.</p></li>' for n in numbers)
    return (f"<html lang='en'><head><link rel='shortlink' href='/?p=9' /></head><body><article>"
            f"<h1 class='entry-title'>Bridge</h1><div class='entry-content'><p>The post is long enough to be "
            f"kept as a body by the extractor of the page.</p></div></article><h3 id='comments'>4 Responses to "
            f"Bridge</h3><p class='paginated-comments-pages'>{pager}</p><ol class='commentlist'>{items}</ol>"
            f"</body></html>").encode()


class PluginHandler(Handler):
    def pages(self) -> dict[str, bytes]:
        newest = paged_plugin_page(range(4, 2, -1), '<strong>[2]</strong> <a href="/?p=9&amp;cp=1" '
                                                     'title="Older Comments">&raquo;</a>')
        return {"/bridge/": newest, "/?p=9&cp=2": newest,  # the newest page under its paged address too
                "/?p=9&cp=1": paged_plugin_page(range(2, 0, -1), '<a href="/?p=9&amp;cp=2">2</a> <strong>[1]</strong>')}


def test_paginated_comments_plugin_pages_are_followed_by_shortlink(tmp_path):
    with serving(PluginHandler) as (_, base):
        ref = SourceRef("t", f"{base}/bridge/", url=f"{base}/bridge/")
        data, fmt = fetch_source(ref, tmp_path, min_interval=0.0)
    r = get_reader(fmt).read(data, ref)
    assert sorted(c.text for c in r.comments) == [f"Comment number {n} on the bridge." for n in (1, 2, 3, 4)]
    assert "comment_pages_missing" not in [i.code for i in r.issues]
