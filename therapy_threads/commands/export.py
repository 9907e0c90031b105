"""``therapy-threads export [RELEASE] --convokit DIR``: a release in another tool's format."""
from __future__ import annotations

import argparse
import os


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write a release in another tool's format (ConvoKit)",
        description="Write a release as a ConvoKit corpus (utterances.jsonl, speakers.json, "
                    "conversations.json, corpus.json, index.json) that convokit.Corpus("
                    "filename=DIR) loads: each post is a conversation rooted at the post, "
                    "comments reply to the post or to their parent comment, speakers are the "
                    "commenter pseudonyms. Works with the light install.")
    p.add_argument("release", nargs="?", default="latest", metavar="RELEASE",
                   help="a release folder, a version (1.0.0, latest; looked up in --from, else "
                        "data/releases and the download cache), a URL or hf://OWNER/NAME "
                        "(default: latest)")
    p.add_argument("--convokit", metavar="DIR", required=True,
                   help="write a ConvoKit corpus into this folder")
    p.add_argument("--from", dest="source", default=os.environ.get("THERAPY_THREADS_SOURCE"),
                   help="where to look up a version (registry folder, URL, hf://OWNER/NAME)")
    p.add_argument("--force", action="store_true",
                   help="replace DIR if it already holds a ConvoKit corpus")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..dataset import read_manifest, resolve_release
    from ..exports.convokit import export_convokit

    release = resolve_release(args.release, args.source)
    res = export_convokit(release, args.convokit, overwrite=args.force)
    v = read_manifest(release).get("version")
    print(f"v{v} -> {res.path}: ConvoKit corpus with {res.utterances:,} utterances "
          f"({res.conversations:,} posts, {res.comments:,} comments), {res.speakers:,} speakers; "
          f"load it with convokit.Corpus(filename={str(res.path)!r})")
    return 0
