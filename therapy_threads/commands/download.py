"""``therapy-threads download VERSION``: fetch a release and verify every checksum."""
from __future__ import annotations

import argparse
import os


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "download", help="download release VERSION from a registry, URL or the Hub",
        description="Fetch release VERSION ('latest' for the newest), check every file against "
                    "its manifest (size and SHA-256) and place it in --to. A second download "
                    "of the same version with an unchanged manifest does nothing.")
    p.add_argument("version", metavar="VERSION", help="MAJOR.MINOR.PATCH or 'latest'")
    p.add_argument("--from", dest="source",
                   default=os.environ.get("THERAPY_THREADS_SOURCE", "data/releases"),
                   help="registry folder, release folder, http(s) URL of a registry or of one "
                        "release (.../v1.0.0/), or hf://OWNER/NAME "
                        "(default: $THERAPY_THREADS_SOURCE or data/releases)")
    p.add_argument("--to", default=None,
                   help="destination folder (default: ~/.cache/therapy-threads/vVERSION, "
                        "where therapy_threads.load() looks)")
    p.add_argument("--verify-cache", action="store_true",
                   help="re-hash an existing copy instead of trusting sizes and the manifest")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..publish.download import download

    res = download(args.version, args.source, args.to, verify_cache=args.verify_cache)
    state = "up to date (cached)" if res.cached else "downloaded and verified"
    print(f"v{res.version} {state}: {res.path} ({res.files} files, {res.bytes:,} bytes, "
          f"manifest sha256 {res.manifest_sha256[:16]}...) from {res.source}")
    return 0
