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
    from ..publish.download import MAX_MANIFEST_BYTES

    g = p.add_argument_group("limits (a registry is data from elsewhere)")
    g.add_argument("--max-manifest-mb", type=float, default=None, metavar="MB",
                   help=f"largest manifest.json / index.json accepted (default "
                        f"{MAX_MANIFEST_BYTES >> 20}); files are capped by the sizes in the "
                        "manifest")
    g.add_argument("--request-timeout", type=float, default=None, metavar="S",
                   help="seconds for one request, plus 1 s per 256 KiB of the file (default 120)")
    g.add_argument("--idle-timeout", type=float, default=None, metavar="S",
                   help="seconds without a byte before giving up (default 30)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UserError
    from ..publish.download import DOWNLOAD_LIMITS, MAX_MANIFEST_BYTES, download

    for flag in ("max_manifest_mb", "request_timeout", "idle_timeout"):
        value = getattr(args, flag)
        if value is not None and not value > 0:
            raise UserError(f"--{flag.replace('_', '-')} must be a positive number")
    limits = DOWNLOAD_LIMITS.with_overrides(request_timeout=args.request_timeout,
                                            idle_timeout=args.idle_timeout)
    res = download(args.version, args.source, args.to, verify_cache=args.verify_cache,
                   limits=limits,
                   max_manifest_bytes=int(args.max_manifest_mb * (1 << 20))
                   if args.max_manifest_mb else MAX_MANIFEST_BYTES)
    state = "up to date (cached)" if res.cached else "downloaded and verified"
    print(f"v{res.version} {state}: {res.path} ({res.files} files, {res.bytes:,} bytes, "
          f"manifest sha256 {res.manifest_sha256[:16]}...) from {res.source}")
    return 0
