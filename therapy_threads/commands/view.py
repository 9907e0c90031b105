"""``therapy-threads view [RELEASE] --out DIR``: a static HTML site to read a release's threads."""
from __future__ import annotations

import argparse

from ._release_arg import add_release_arguments, release_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "view", help="write a static HTML thread viewer for a release",
        description="Write a static site (open OUT/index.html in a browser; no server needed): "
                    "every post, its threads as an indented tree, placeholders the anonymiser "
                    "wrote highlighted, and search. Works with the light install.")
    p.add_argument("--out", default=None,
                   help="output folder (default: therapy-threads-viewer-vVERSION)")
    add_release_arguments(p, "a viewer")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..view import write_site

    release, version = release_of(args)
    out = args.out or f"therapy-threads-viewer-v{version}"
    res = write_site(release, out, overwrite=args.force)
    search = ("full-text search" if res.full_text
              else "title search (release too large for full text)")
    print(f"v{version} -> {res.path}/index.html: {res.posts:,} posts, {res.comments:,} comments, "
          f"{search}")
    return 0
