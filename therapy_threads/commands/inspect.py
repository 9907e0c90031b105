"""``therapy-threads inspect PATH_OR_URL``: what a reader sees in one source, before filtering.

Shows the detected format, posts, each comment's id, parent and depth as a tree, what was
skipped (by reason), quarantined and reported. Commenter names, e-mails and URLs are never
printed: the tree shows the start of each comment's text only.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import UserError

PREVIEW = 60


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "inspect", help="show what a reader sees in one file or URL, before any filtering",
        description="Read one source (a file, a page URL, or a WordPress site/REST root with "
                    "--format wp_rest) and show the detected format, posts, comments with "
                    "their id, parent and depth, skipped items by reason, quarantine rows and "
                    "issues. URLs are fetched politely (robots.txt, rate limit) and archived as "
                    "WARC under --archive, so a second run can replay them with --offline.")
    p.add_argument("target", metavar="PATH_OR_URL")
    from ..readers import format_help

    p.add_argument("--format", dest="fmt", default=None,
                   help=f"source format (default: detected from the content): {format_help()}")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--archive", default="data/raw",
                   help="WARC archive folder for fetched URLs (default: data/raw)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--offline", action="store_true",
                      help="replay URLs from the archive only; never touch the network")
    mode.add_argument("--refresh", action="store_true",
                      help="revalidate archived URLs with conditional requests")
    p.add_argument("--min-interval", type=float, default=2.0,
                   help="seconds between requests to one host (default 2; robots.txt "
                        "Crawl-delay wins when longer)")
    p.add_argument("--max-posts", type=int, default=50,
                   help="posts to show in the human output (default 50; --json shows all)")
    p.set_defaults(func=run)


def _load(args: argparse.Namespace) -> tuple[bytes, str | None, str | None]:
    """(bytes, format or None, original URL or None)."""
    target = args.target
    if target.startswith(("http://", "https://")):
        from ..fetch import FetchError
        from ..fetch.source import fetch_source
        from ..readers.base import SourceRef

        host = urlsplit(target).netloc or "site"
        mode = "replay" if args.offline else "refresh" if args.refresh else "cache"
        ref = SourceRef(source_id="inspect", location=target, format=args.fmt, url=target)
        try:
            data, fmt = fetch_source(ref, Path(args.archive), mode=mode,
                                     min_interval=max(0.0, args.min_interval),
                                     archive_name=f"inspect-{host}")
        except FetchError as e:
            raise UserError(str(e)) from None
        return data, fmt, target
    path = Path(target)
    if not path.is_file():
        raise UserError(f"no such file: {target}; give a path to a saved page or export, or an "
                        "http(s) URL")
    return path.read_bytes(), args.fmt, None


def run(args: argparse.Namespace) -> int:
    from ..readers import SourceRef, canonical_format, detect_format, format_help, get_reader

    if args.fmt is not None:
        try:
            args.fmt = canonical_format(args.fmt)
        except ValueError:
            raise UserError(f"unknown format {args.fmt!r}; known: {format_help()}") from None
    data, fmt, url = _load(args)
    if fmt is None:
        fmt = detect_format(data, args.target)
        if fmt is None:
            raise UserError(f"could not tell the format of {args.target}; pass --format (one of "
                            f"{format_help()})")
    source = SourceRef(source_id="inspect", location=args.target, format=fmt, url=url)
    result = get_reader(fmt).read(data, source)
    report = build_report(result, args.target, fmt, len(data))
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(report, args.max_posts))
    return 1 if result.failed else 0


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"


def build_report(result, target: str, fmt: str, n_bytes: int) -> dict:
    """The JSON document of ``inspect --json`` (no raw identities in it)."""
    by_post: dict[str, list] = {}
    for c in result.comments:
        by_post.setdefault(c.post_id, []).append(c)
    posts = []
    for p in result.posts:
        posts.append({
            "post_id": p.post_id, "source_key": p.source_key, "title": p.title, "url": p.url,
            "author": p.author, "published_at": p.published_at, "body_chars": len(p.body),
            "declared_comment_count": p.declared_comment_count,
            "extracted_comment_count": p.extracted_comment_count,
            "categories": list(p.categories), "tags": list(p.tags),
            "comments": [{
                "comment_id": c.comment_id, "source_key": c.source_key,
                "parent_id": c.parent_id, "depth": c.depth, "position": c.position,
                "n_children": c.n_children, "published_at": c.published_at,
                "is_post_author": c.is_post_author, "has_identity": c.identity is not None,
                "text_chars": len(c.text), "text_preview": _preview(c.text),
            } for c in sorted(by_post.get(p.post_id, []), key=lambda c: c.position)],
        })
    return {
        "source": target, "format": fmt, "bytes": n_bytes,
        "totals": {"posts": len(result.posts), "comments": len(result.comments),
                   "replies": sum(c.parent_id is not None for c in result.comments),
                   "max_depth": max((c.depth for c in result.comments), default=None),
                   "quarantined": len(result.quarantine),
                   "skipped": sum(result.skipped.values())},
        "skipped": dict(sorted(result.skipped.items())),
        "quarantine": [{"reason": q.reason, "detail": q.detail, "item_kind": q.item_kind,
                        "post_id": q.post_id, "item_id": q.item_id, "location": q.location}
                       for q in result.quarantine],
        "issues": [{"severity": i.severity, "code": i.code, "message": i.message,
                    "location": i.location} for i in result.issues],
        "posts": posts,
    }


def render(report: dict, max_posts: int = 50) -> str:
    t = report["totals"]
    out = [f"{report['source']}: {report['format']}, {report['bytes']:,} bytes",
           f"posts {t['posts']}  comments {t['comments']} (replies {t['replies']}, max depth "
           f"{t['max_depth'] if t['max_depth'] is not None else '-'})  quarantined "
           f"{t['quarantined']}  skipped {t['skipped']}"]
    if report["skipped"]:
        out.append("skipped: " + ", ".join(f"{k}={v}" for k, v in report["skipped"].items()))
    for i in report["issues"]:
        loc = f" [{i['location']}]" if i["location"] else ""
        out.append(f"{i['severity']}: {i['code']}: {i['message']}{loc}")
    shown = report["posts"][:max_posts]
    for p in shown:
        declared = p["declared_comment_count"]
        out.append("")
        out.append(f"post {p['post_id']}  {p['title'] or '(no title)'!r}  "
                   f"{p['extracted_comment_count']} comment(s)"
                   + (f" (page says {declared})" if declared is not None else "")
                   + (f"  {p['published_at']}" if p["published_at"] else "")
                   + (f"  by {p['author']}" if p["author"] else ""))
        for c in p["comments"]:
            mark = " *" if c["is_post_author"] else ""
            out.append(f"  {'  ' * c['depth']}{c['comment_id']} d{c['depth']}{mark}  "
                       f"{c['text_preview']}")
    if len(report["posts"]) > len(shown):
        out.append(f"\n... {len(report['posts']) - len(shown)} more posts (--max-posts, or --json)")
    if report["quarantine"]:
        out.append("\nquarantine:")
        for q in report["quarantine"]:
            out.append(f"  {q['reason']}  {q['item_id'] or '-'}  {q['detail']}  [{q['location']}]")
    out.append("")
    out.append("(* = the post's author; d = depth, 0 = top level)")
    return "\n".join(out) + "\n"
