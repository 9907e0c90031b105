"""``therapy-threads view [RELEASE] --out DIR``: a static HTML site to read a release's threads."""
from __future__ import annotations

import argparse
import os


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "view", help="write a static HTML thread viewer for a release",
        description="Write a static site (open OUT/index.html in a browser; no server needed): "
                    "every post, its threads as an indented tree, placeholders the anonymiser "
                    "wrote highlighted, and search. Works with the light install.")
    p.add_argument("release", nargs="?", default="latest", metavar="RELEASE",
                   help="a release folder, a version (1.0.0, latest; looked up in --from, else "
                        "data/releases and the download cache), a URL or hf://OWNER/NAME "
                        "(default: latest)")
    p.add_argument("--out", default=None,
                   help="output folder (default: therapy-threads-viewer-vVERSION)")
    p.add_argument("--from", dest="source", default=os.environ.get("THERAPY_THREADS_SOURCE"),
                   help="where to look up a version (registry folder, URL, hf://OWNER/NAME)")
    p.add_argument("--force", action="store_true",
                   help="replace OUT if it already holds a viewer")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..dataset import read_manifest, resolve_release
    from ..view import write_site

    release = resolve_release(args.release, args.source)
    version = read_manifest(release).get("version")
    out = args.out or f"therapy-threads-viewer-v{version}"
    res = write_site(release, out, overwrite=args.force)
    search = "full-text search" if res.full_text else "title search (release too large for full text)"
    print(f"v{version} -> {res.path}/index.html: {res.posts:,} posts, {res.comments:,} comments, "
          f"{search}")
    return 0
