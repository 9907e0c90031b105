"""``therapy-threads export [RELEASE] --convokit DIR``: a release in another tool's format."""
from __future__ import annotations

import argparse

from ._release_arg import add_release_arguments, release_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write a release in another tool's format (ConvoKit)",
        description="Write a release as a ConvoKit corpus (utterances.jsonl, speakers.json, "
                    "conversations.json, corpus.json, index.json) that convokit.Corpus("
                    "filename=DIR) loads: each post is a conversation rooted at the post, "
                    "comments reply to the post or to their parent comment, speakers are the "
                    "commenter pseudonyms. Works with the light install.")
    p.add_argument("--convokit", metavar="DIR", required=True,
                   help="write a ConvoKit corpus into this folder")
    add_release_arguments(p, "a ConvoKit corpus")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..exports.convokit import export_convokit

    release, version = release_of(args)
    res = export_convokit(release, args.convokit, overwrite=args.force)
    print(f"v{version} -> {res.path}: ConvoKit corpus with {res.utterances:,} utterances "
          f"({res.conversations:,} posts, {res.comments:,} comments), {res.speakers:,} speakers; "
          f"load it with convokit.Corpus(filename={str(res.path)!r})")
    return 0
