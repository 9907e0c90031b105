"""The RELEASE argument shared by the commands that read a published release."""
from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_release_arguments(p: argparse.ArgumentParser, replaced: str) -> None:
    """RELEASE, --from and --force (replace an earlier output of the same kind: ``replaced``)."""
    p.add_argument("release", nargs="?", default="latest", metavar="RELEASE",
                   help="a release folder, a version (1.0.0, latest; looked up in --from, else "
                        "data/releases and the download cache), a URL or hf://OWNER/NAME "
                        "(default: latest)")
    p.add_argument("--from", dest="source", default=os.environ.get("THERAPY_THREADS_SOURCE"),
                   help="where to look up a version (registry folder, URL, hf://OWNER/NAME)")
    p.add_argument("--force", action="store_true",
                   help=f"replace the output folder if it already holds {replaced}")


def release_of(args: argparse.Namespace) -> tuple[Path, str]:
    """(release folder, version) named by the arguments, downloaded first when remote."""
    from ..dataset import read_manifest, resolve_release

    release = resolve_release(args.release, args.source)
    return release, str(read_manifest(release).get("version"))
