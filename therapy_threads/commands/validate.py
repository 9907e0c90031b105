"""``therapy-threads validate [BUILD_DIR]``: run every expectation suite on a build.

Prints a one-screen summary; writes BUILD_DIR/validation/summary.json and the Great Expectations
Data Docs site (BUILD_DIR/validation/data_docs/index.html). Exit status 0 when the build may be
published, 1 when validation failed, 2 for a usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate", help="check a build against the schemas, relations and privacy gate",
        description="Validate a build folder with Great Expectations: schema conformance, ids and "
                    "reply-tree relations, positions and counts, privacy (no e-mail/URL, keyed "
                    "identity audit), parser sanity, and reconciliation with build_report.json.")
    p.add_argument("build_dir", nargs="?", default="data/build", help="build folder (default: data/build)")
    p.add_argument("--key-file", default=None,
                   help="pseudonym key file for the keyed privacy audit (default: $THERAPY_THREADS_KEY "
                        "or ~/.config/therapy-threads/pseudonym.key); without the build's key the audit, "
                        "and so the validation, fails")
    p.add_argument("--registry", default="data/releases",
                   help="release registry whose newest release the rows are compared with (rows that "
                        "vanished are warned about; default: data/releases, if it exists)")
    p.add_argument("--no-docs", action="store_true", help="skip building the Data Docs HTML site")
    p.add_argument("--json", action="store_true", help="print summary.json instead of the text summary")
    p.set_defaults(func=run)


def _key(key_file: str | None) -> bytes | None:
    """The build's key, or None when there is none at all (the privacy audit then fails).

    A key that exists but is refused (open permissions, not a random 256-bit key) is an error.
    """
    from ..anonymise.keys import key_source, load_key

    src = key_source(Path(key_file) if key_file else None)
    if src != "env" and not key_file and not Path(src).exists():
        print(f"note: no pseudonym key at {src}; the privacy audit fails without the build's key "
              "(set THERAPY_THREADS_KEY or pass --key-file)", file=sys.stderr)
        return None
    return load_key(Path(key_file) if key_file else None, create=False)


def run(args: argparse.Namespace) -> int:
    build_dir = Path(args.build_dir)
    if not build_dir.is_dir():
        raise UserError(f"{build_dir} is not a folder; run 'therapy-threads build' first or give the build folder")
    if not any((build_dir / f"{t}.parquet").exists() for t in ("posts", "comments")):
        raise UserError(f"{build_dir} holds no posts.parquet or comments.parquet; is it a build folder?")
    from ..validate import format_summary, validate_build
    from ..validate.build import previous_release

    summary = validate_build(build_dir, key=_key(args.key_file), data_docs=not args.no_docs,
                             baseline=previous_release(args.registry))
    if args.json:
        print(json.dumps(summary.to_dict(), indent=2, sort_keys=True, default=str))
    else:
        print(format_summary(summary))
    return 0 if summary.success else 1
