"""``therapy-threads audit BUILD_DIR``: the privacy audit of a build (exit 1 if it fails)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit", help="privacy audit of a build: no raw identity, e-mail or URL may be published",
        description="Scan every published text field of BUILD_DIR (posts, comments, quarantine) for "
                    "the commenter identities the build saw (keyed tokens in private/identity_tokens.txt), "
                    "e-mail addresses and URLs, check every other published column by its shape (ids, "
                    "hashes, pseudonyms, bylines, URL slugs), and list person names the NER model still "
                    "finds for review. Writes BUILD_DIR/validation/privacy_audit.json and the audit's "
                    "verdict on these exact files (validation/verdicts/), which publish checks; exits 1 "
                    "if the audit fails, which it does with a key other than the build's. Matched text is "
                    "never printed: rows are shown by id with a masked form.")
    p.add_argument("build_dir", type=Path, nargs="?", default=Path("data/build"), metavar="BUILD_DIR",
                   help="build folder (default: data/build)")
    p.add_argument("--key-file", type=Path, default=None, help="pseudonym key file (default: see 'therapy-threads key')")
    p.add_argument("--no-ner", action="store_true", help="skip the NER review (identity/e-mail/URL checks still run)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..anonymise.audit import audit_build
    from ..anonymise.keys import load_key

    if not args.build_dir.is_dir():
        raise UserError(f"{args.build_dir} is not a build folder; run 'therapy-threads build' first")
    key = load_key(args.key_file, create=False)
    result = audit_build(args.build_dir, key, ner_review=not args.no_ner)
    report = args.build_dir / "validation" / "privacy_audit.json"
    if args.json:
        print(report.read_text(encoding="utf-8"), end="")
        return 0 if result.passed else 1
    print(f"privacy audit: {'PASSED' if result.passed else 'FAILED'}")
    for kind, n in sorted(result.counts.items()):
        print(f"  {kind}: {n}")
    for h in result.hits[:20]:
        print(f"  {h.kind:8} {h.table}:{h.row_id}:{h.field}  {h.masked}")
    if len(result.hits) > 20:
        print(f"  ... {len(result.hits) - 20} more in {report}")
    rc = result.review.get("counts", {})
    print(f"review (not failing): {json.dumps(rc, sort_keys=True)} over {result.review.get('fields_reviewed', 0)} fields")
    print(f"report: {report}")
    return 0 if result.passed else 1
