"""WordPress REST API (``/wp-json/wp/v2/``): posts and their comments.

The reader is pure: it reads a *bundle*, a JSON document of recorded API responses::

    {"format": "therapy-threads/wp-rest-bundle", "version": 1, "api_root": "https://x/wp-json/",
     "responses": [{"url": "...", "status": 200, "headers": {"x-wp-totalpages": "3"},
                    "body": [...]}, ...]}

(a bare list of such responses is accepted too). ``fetch_wp_rest(api_root, client)`` walks a
live API with the polite client (every response archived as WARC) and returns such a bundle.

Public API responses only contain approved comments. ``author_avatar_urls`` are Gravatar URLs
made from a hash of the commenter's e-mail: they are never read into any record.

A bundle recorded with an editor's rights (``status=all`` or ``status=trash``, ``context=edit``)
can hold other statuses; the comments endpoint reports WordPress's own values (``approved``,
``hold``, ``spam``, ``trash``, ``post-trashed``: ``prepare_status_response``). ``trash`` and
``post-trashed`` are WordPress's deletion (``DELETE /wp/v2/comments/<id>`` without ``force``
moves a comment there): such a comment stays a comment with ``removed`` true and empty text, so
its replies keep their parent, and one without replies is kept the same way, as in the WXR
reader. ``spam`` and ``hold`` are not deletions: skipped, their replies quarantined as orphans.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .. import ids
from ..records import Comment, QuarantineRow, ReadResult, SourceIssue
from . import register
from ._common import WP_DELETED_STATUSES, add_post, clean_identity, guarded, make_post, new_comment
from ._dates import local_from, out_of_range, parse_gmt, parse_iso
from .base import Reader, SourceRef
from .html_text import fragment_text

BUNDLE_FORMAT = "therapy-threads/wp-rest-bundle"
_CONTENT_ROUTES = ("/wp/v2/posts", "/wp/v2/pages")
_COMMENT_ROUTE = "/wp/v2/comments"


def _route(url: str) -> str:
    parts = urlsplit(url)
    rest_route = parse_qs(parts.query).get("rest_route")
    path = rest_route[0] if rest_route else parts.path
    return path.rstrip("/")


def _kind(url: str) -> str | None:
    route = _route(url)
    for r in _CONTENT_ROUTES:
        if r in route:
            return "post"
    if _COMMENT_ROUTE in route:
        return "comment"
    if route.endswith("/wp-json") or route == "":
        return "index"
    return None


def _rendered(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("rendered", "")
    return value if isinstance(value, str) else ""


@register
class WpRestReader(Reader):
    format = "wp_rest"

    @classmethod
    def sniff(cls, head: bytes, name: str = "") -> float:
        h = head.lstrip()[:65536]
        if not h.startswith((b"{", b"[")):
            return 0.0
        if BUNDLE_FORMAT.encode() in h:
            return 0.95
        if b"/wp/v2/" in h and (b'"responses"' in h or b'"body"' in h):
            return 0.8
        return 0.0

    @guarded
    def read(self, data: bytes, source: SourceRef) -> ReadResult:
        result = ReadResult(source.source_id, self.format)
        try:
            doc = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            result.error("not_json", f"the REST bundle is not valid JSON ({e}); re-run the fetch "
                         "(therapy-threads inspect URL --format wp_rest) to record it again")
            return result
        responses = doc.get("responses") if isinstance(doc, dict) else doc
        if not isinstance(responses, list):
            result.error("not_wp_rest_bundle", "expected a list of recorded responses (or an "
                         "object with 'responses'); this is not a WordPress REST bundle")
            return result
        _build(result, source, doc if isinstance(doc, dict) else {}, responses,
               ids.sha256_bytes(data))
        return result


def _items(result: ReadResult, responses: list) -> tuple[list[dict], list[dict], str | None]:
    posts: dict[int, dict] = {}
    comments: dict[int, dict] = {}
    site = None
    dupes = 0
    for i, r in enumerate(responses):
        if not isinstance(r, dict):
            result.warn("bad_response", f"response {i + 1} is not an object; ignored")
            continue
        url = str(r.get("url", ""))
        status = r.get("status", 200)
        body = r.get("body")
        kind = _kind(url)
        if status != 200:
            code = body.get("code") if isinstance(body, dict) else None
            if code != "rest_post_invalid_page_number":
                result.warn("api_error", f"{url} answered {status}"
                            + (f" ({code})" if code else "") + "; its items are missing", url)
            continue
        if kind == "index":
            if isinstance(body, dict) and isinstance(body.get("name"), str):
                site = body["name"] or None
            continue
        if kind is None:
            continue
        rows = body if isinstance(body, list) else [body] if isinstance(body, dict) else []
        target = posts if kind == "post" else comments
        for row in rows:
            if not isinstance(row, dict) or not _is_id(row.get("id")):
                result.warn("bad_item", f"an item in {url} has no numeric id; ignored", url)
                continue
            if row["id"] in target:
                dupes += 1  # pagination overlap: the same item twice is one item
                continue
            target[row["id"]] = row
    if dupes:
        result.issues.append(SourceIssue(
            result.source_id, "info", "duplicate_items",
            f"{dupes} item(s) appeared on two API pages and were read once"))
    return list(posts.values()), list(comments.values()), site


def _is_id(value: Any) -> bool:
    """An API id is an integer; JSON's true/false are not (bool is an int in Python)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _terms(post: dict, taxonomy: str) -> list[str]:
    out: list[str] = []
    embedded = post.get("_embedded") if isinstance(post.get("_embedded"), dict) else {}
    groups = embedded.get("wp:term") if isinstance(embedded.get("wp:term"), list) else []
    for group in groups:
        for term in group if isinstance(group, list) else []:
            if isinstance(term, dict) and term.get("taxonomy") == taxonomy and term.get("name"):
                out.append(fragment_text(str(term["name"])))
    return out


def _build(result: ReadResult, source: SourceRef, doc: dict, responses: list, sha: str) -> None:
    posts, comments, site = _items(result, responses)
    result.raw_comment_count = len(comments)
    result.raw_count_method = "distinct comment ids in the recorded comment responses"
    bad = sum(out_of_range(_str(c.get("date_gmt"))) or out_of_range(_str(c.get("date")))
              for c in comments)
    if bad:
        result.warn("date_out_of_range", f"{bad} comment date(s) outside the years 1000-2200 "
                    "were left empty; the comments are kept")
    by_post: dict[int, list[dict]] = {}
    post_ids = {p["id"] for p in posts}
    for c in comments:
        pid = c.get("post")
        if not _is_id(pid) or pid not in post_ids:
            result.quarantine.append(QuarantineRow(
                source_id=source.source_id, item_kind="comment", reason="missing_post",
                detail=f"the comment belongs to post {pid!r}, which is not in the bundle",
                location=f"comment id={c['id']}",
                content_sha256=ids.sha256_text(_rendered(c.get("content")))))
            continue
        by_post.setdefault(pid, []).append(c)

    site = source.site or site
    for p in sorted(posts, key=lambda p: (str(p.get("date_gmt") or ""), p["id"])):
        where = f"{p.get('type', 'post')} id={p['id']}"
        pcomments = by_post.get(p["id"], [])
        status = p.get("status", "publish")
        content = p.get("content") if isinstance(p.get("content"), dict) else {}
        if not isinstance(p.get("title"), (dict, str, type(None))):
            p = {**p, "title": ""}
        reason = None
        if status not in ("publish", None):
            reason = "unpublished_post"
        elif content.get("protected"):
            reason = "password_protected_post"
        if reason:
            result.skip_post(reason)
            if pcomments:
                result.skip("comment_on_skipped_post", len(pcomments))
            continue
        embedded = p.get("_embedded") if isinstance(p.get("_embedded"), dict) else {}
        authors = embedded.get("author") if isinstance(embedded.get("author"), list) else []
        embedded_author = authors[0] if authors and isinstance(authors[0], dict) else {}
        author_name = embedded_author.get("name")
        author_name = author_name if isinstance(author_name, str) else None
        post_author_id = p.get("author") if isinstance(p.get("author"), int) else None
        post = make_post(
            source, "wp_rest", f"wp-{p['id']}", title=fragment_text(_rendered(p.get("title"))),
            body=fragment_text(_rendered(content)), sha=sha, location=where, site=site,
            url=_str(p.get("link")), author=author_name or None,
            published_at=parse_gmt(p.get("date_gmt")) or parse_iso(p.get("date")),
            published_local=local_from(_str(p.get("date"))),
            comment_system="wordpress" if pcomments else None,
            author_identity=clean_identity(author_name, url=_str(embedded_author.get("link"))))
        post.categories = _terms(p, "category")
        post.tags = _terms(p, "post_tag")
        out: list[Comment] = []
        for c in sorted(pcomments, key=lambda c: (str(c.get("date_gmt") or ""), c["id"])):
            ctype = str(c.get("type") or "comment").lower()
            if ctype in ("pingback", "trackback"):
                result.skip(ctype)
                continue
            if ctype != "comment":
                result.skip("comment_type_" + ctype)
                continue
            cstatus = str(c.get("status") or "approved").lower()
            removed = cstatus in WP_DELETED_STATUSES
            if cstatus not in ("approved", "approve", "1") and not removed:
                result.skip("spam" if cstatus == "spam" else "unapproved")
                continue
            parent = c.get("parent") if _is_id(c.get("parent")) else 0
            author_id = c.get("author") if isinstance(c.get("author"), int) else None
            if author_id == 0:
                is_author: bool | None = False
            elif author_id is not None and post_author_id is not None:
                is_author = author_id == post_author_id
            else:
                is_author = None
            out.append(new_comment(
                f"comment-{c['id']}", f"comment-{parent}" if parent else None,
                fragment_text(_rendered(c.get("content"))), location=f"comment id={c['id']}",
                published_at=parse_gmt(c.get("date_gmt")) or parse_iso(c.get("date")),
                published_local=local_from(_str(c.get("date"))),
                identity=clean_identity(_str(c.get("author_name")), url=_str(c.get("author_url"))),
                is_post_author=is_author, removed=removed))
        add_post(result, post, out)


# -- fetching ---------------------------------------------------------------------------------

def normalise_api_root(url: str) -> str:
    """``https://blog.example`` or ``.../wp-json`` -> ``https://blog.example/wp-json/``."""
    url = url.strip()
    if "/wp-json" in url:
        return url.split("/wp-json", 1)[0] + "/wp-json/"
    return url.rstrip("/") + "/wp-json/"


def _record(resp) -> dict:
    try:
        body: Any = resp.json()
    except ValueError:
        body = {"text": resp.text[:2000]}
    keep = ("content-type", "x-wp-total", "x-wp-totalpages", "link", "etag", "last-modified")
    return {"url": resp.url, "status": resp.status,
            "headers": {k: v for k, v in sorted(resp.headers.items()) if k in keep},
            "body": body}


def _walk(client, url: str, params: dict[str, Any], out: list[dict], max_pages: int) -> list[dict]:
    rows: list[dict] = []
    page = 1
    while page <= max_pages:
        resp = client.get(url, params={**params, "page": page})
        out.append(_record(resp))
        if resp.status != 200:
            break
        body = out[-1]["body"]
        if not isinstance(body, list) or not body:
            break
        rows.extend(r for r in body if isinstance(r, dict))
        try:
            total = int(resp.headers.get("x-wp-totalpages", "1"))
        except ValueError:
            total = 1
        if page >= total:
            break
        page += 1
    return rows


def fetch_wp_rest(api_root: str, client, *, include_pages: bool = False, per_page: int = 100,
                  max_pages: int = 500, post_ids: Iterable[int] | None = None,
                  ids_per_request: int = 50) -> bytes:
    """Walk a WordPress REST API politely and return a bundle for :class:`WpRestReader`.

    Posts come from ``wp/v2/posts`` (and ``wp/v2/pages``), comments from
    ``wp/v2/comments?post=ID,ID,...`` in batches, both paginated with ``page`` until
    ``X-WP-TotalPages``. ``client`` is a :class:`therapy_threads.fetch.PoliteClient`; a
    FetchError (robots, server down) propagates with its message.
    """
    root = normalise_api_root(api_root)
    responses: list[dict] = []
    index = client.get(root)
    responses.append(_record(index))
    wanted = set(post_ids) if post_ids is not None else None
    found: list[int] = []
    routes = ["wp/v2/posts"] + (["wp/v2/pages"] if include_pages else [])
    for route in routes:
        params: dict[str, Any] = {"per_page": per_page, "_embed": "author,wp:term",
                                  "orderby": "date", "order": "asc"}
        if wanted is not None:
            params["include"] = ",".join(str(i) for i in sorted(wanted))
        for row in _walk(client, root + route, params, responses, max_pages):
            if isinstance(row.get("id"), int):
                found.append(row["id"])
    for i in range(0, len(found), ids_per_request):
        batch = found[i:i + ids_per_request]
        _walk(client, root + "wp/v2/comments",
              {"post": ",".join(str(b) for b in batch), "per_page": per_page,
               "orderby": "date_gmt", "order": "asc"}, responses, max_pages)
    bundle = {"format": BUNDLE_FORMAT, "version": 1, "api_root": root, "responses": responses}
    return json.dumps(bundle, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
