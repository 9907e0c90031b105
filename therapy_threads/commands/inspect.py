"""``therapy-threads inspect PATH_OR_URL``: what a reader sees in one source, before filtering.

Shows the detected format, posts, each comment's id, parent and depth as a tree, what was
skipped (by reason), quarantined and reported. Commenter names, e-mails and URLs are never
printed: the tree shows the start of each comment's text only.

Ids are derived from the source id, so inspect uses the id the build uses: the entry of the
source manifest (``--sources``, default seeds/) whose location is this file or URL, else
``--source-id``, else a slug of the file name, said in the output.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import UserError

PREVIEW = 60
# Files whose kind their name gives away: never a saved page or an export, whatever the
# plain-text reader's sniff (which accepts any text) says.
NOT_A_SOURCE = {
    ".md": "Markdown", ".markdown": "Markdown", ".rst": "reStructuredText", ".toml": "TOML",
    ".yaml": "YAML", ".yml": "YAML", ".ini": "INI", ".cfg": "config", ".py": "Python",
    ".js": "JavaScript", ".css": "CSS", ".csv": "CSV", ".tsv": "TSV", ".ipynb": "notebook",
    ".pdf": "PDF", ".docx": "Word", ".png": "PNG image", ".jpg": "JPEG image",
    ".jpeg": "JPEG image", ".gif": "GIF image", ".zip": "ZIP archive", ".gz": "gzip archive",
    ".parquet": "Parquet", ".sqlite": "SQLite", ".db": "database",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "inspect", help="show what a reader sees in one file or URL, before any filtering",
        description="Read one source (a file, a page URL, or a WordPress site/REST root with "
                    "--format wp_rest) and show the detected format, posts, comments with "
                    "their id, parent and depth, skipped items by reason, quarantine rows and "
                    "issues. URLs are fetched politely (robots.txt, rate limit) and archived as "
                    "WARC under --archive, so a second run can replay them with --offline.")
    p.add_argument("target", metavar="PATH_OR_URL")
    from ..formats import format_help  # data only: the light install's CLI lists it too

    p.add_argument("--format", dest="fmt", default=None,
                   help=f"source format (default: detected from the content): {format_help()}")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--sources", default="seeds",
                   help="source manifest (folder with sources.toml, or the file) whose entry "
                        "for this file or URL gives the source id, so the ids shown are the "
                        "build's (default: seeds)")
    p.add_argument("--source-id", default=None,
                   help="the source id to derive ids from when the source is in no manifest")
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
    from ..fetch.http import add_arguments

    add_arguments(p)
    p.add_argument("--max-posts", type=int, default=50,
                   help="posts to show in the human output (default 50; --json shows all)")
    p.set_defaults(func=run)


def _load(args: argparse.Namespace) -> tuple[bytes, str | None, str | None]:
    """(bytes, format or None, original URL or None)."""
    target = args.target
    if target.startswith(("http://", "https://")):
        from ..fetch.http import limits_from_args
        from ..fetch.source import fetch_source
        from ..readers.base import SourceRef

        host = urlsplit(target).netloc or "site"
        mode = "replay" if args.offline else "refresh" if args.refresh else "cache"
        ref = SourceRef(source_id="inspect", location=target, format=args.fmt, url=target)
        # FetchError is a UserError: the CLI edge prints it as one line.
        data, fmt = fetch_source(ref, Path(args.archive), mode=mode,
                                 min_interval=max(0.0, args.min_interval),
                                 archive_name=f"inspect-{host}", limits=limits_from_args(args))
        return data, fmt, target
    from ..confine import SNIFF_BYTES, refuse_secret

    path = Path(target)
    if not path.is_file():  # also refuses FIFOs and devices, which would never end
        raise UserError(f"no such file: {target}; give a path to a saved page or export, or an "
                        "http(s) URL")
    data = path.read_bytes()
    refuse_secret(path, data[:SNIFF_BYTES])
    return data, args.fmt, None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "source"


def source_ref(args: argparse.Namespace, fmt: str | None, url: str | None):
    """(SourceRef, where its id came from): the manifest entry of this file or URL when there is
    one (the build's id, format and URL), else --source-id, else a slug of the name."""
    from ..readers import SourceRef

    target = args.target
    if args.source_id:
        return SourceRef(source_id=args.source_id, location=target, format=fmt, url=url), \
            "--source-id"
    from ..manifest import is_url, read_manifest

    try:
        manifest = read_manifest(args.sources)
        refs, base = list(manifest.sources), manifest.base
    except UserError:
        refs = []
    for ref in refs:
        same = (ref.location == target if is_url(ref.location) else
                not is_url(target) and manifest.local_path(ref) == Path(target).resolve())
        if same:
            ref.location = target
            ref.format = fmt or ref.format
            ref.url = ref.url or url
            return ref, str(base / "sources.toml") if (base / "sources.toml").is_file() \
                else str(base)
    if url:
        parts = urlsplit(url)
        sid = _slug(parts.netloc + "-" + parts.path)
    else:
        sid = _slug(Path(target).stem)
    return SourceRef(source_id=sid, location=target, format=fmt, url=url), None


def run(args: argparse.Namespace) -> int:
    from ..readers import canonical_format, detect_format, format_help, get_reader

    if args.fmt is not None:
        try:
            args.fmt = canonical_format(args.fmt)
        except ValueError:
            raise UserError(f"unknown format {args.fmt!r}; known: {format_help()}") from None
    data, fmt, url = _load(args)
    if fmt is None:
        kind = NOT_A_SOURCE.get(Path(urlsplit(args.target).path).suffix.lower())
        fmt = None if kind else detect_format(data, args.target)
        if fmt is None:
            what = f"it is a {kind} file, " if kind else ""
            raise UserError(f"{args.target} is not in a supported format ({what}not a saved "
                            f"page, an export or an API dump); supported: "
                            f"{format_help()}. If it really is one, pass --format")
    source, id_from = source_ref(args, fmt, url)
    fmt = canonical_format(source.format) or fmt
    result = get_reader(fmt).read(data, source)
    report = build_report(result, args.target, fmt, len(data))
    report["source_id"] = source.source_id
    report["source_id_from"] = id_from
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
                "removed": c.removed,
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
    sid = report.get("source_id")
    frm = report.get("source_id_from")
    id_line = (f"source id {sid!r} (from {frm}): ids are the build's" if frm else
               f"source id {sid!r} (not in a source manifest): ids are what a manifest entry "
               f"with id {sid!r} builds; pass --sources or --source-id for another")
    out = [f"{report['source']}: {report['format']}, {report['bytes']:,} bytes",
           f"posts {t['posts']}  comments {t['comments']} (replies {t['replies']}, max depth "
           f"{t['max_depth'] if t['max_depth'] is not None else '-'})  quarantined "
           f"{t['quarantined']}  skipped {t['skipped']}"]
    if sid:
        out.append(id_line)
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
            # a removed comment has no words; say so rather than print an empty line
            shown_text = "[removed]" if c.get("removed") else c["text_preview"]
            out.append(f"  {'  ' * c['depth']}{c['comment_id']} d{c['depth']}{mark}  {shown_text}")
    if len(report["posts"]) > len(shown):
        out.append(f"\n... {len(report['posts']) - len(shown)} more posts (--max-posts, or --json)")
    if report["quarantine"]:
        out.append("\nquarantine:")
        for q in report["quarantine"]:
            out.append(f"  {q['reason']}  {q['item_id'] or '-'}  {q['detail']}  [{q['location']}]")
    out.append("")
    out.append("(* = the post's author; d = depth, 0 = top level)")
    return "\n".join(out) + "\n"
