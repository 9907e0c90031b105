"""``therapy-threads publish VERSION``: turn a validated build into a versioned release."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "publish", help="publish a validated build as release VERSION (registry and/or Hub)",
        description="Write data/releases/vVERSION/ (Parquet, data card, Croissant, manifest, "
                    "changelog) from a validated, privacy-audited build; optionally upload it to "
                    "a Hugging Face dataset repo and tag it vVERSION. Refused, with the reason, "
                    "unless validation and the privacy audit passed on the build's current bytes "
                    "with the key that made it, and every file of the release passes the release "
                    "scan. Versions follow docs/versioning.md; an existing version is never "
                    "overwritten.")
    p.add_argument("version", metavar="VERSION", help="MAJOR.MINOR.PATCH, e.g. 1.0.0")
    p.add_argument("--build", default="data/build", help="build folder (default: data/build)")
    p.add_argument("--registry", default="data/releases",
                   help="local release registry (default: data/releases)")
    p.add_argument("--hub", metavar="REPO_ID", default=None,
                   help="also upload to this Hugging Face dataset repo (needs HF_TOKEN)")
    p.add_argument("--public", action="store_true",
                   help="create the Hub repo public (default: private); access stays gated, "
                        "see --gated")
    p.add_argument("--gated", choices=("manual", "auto", "keep"), default="manual",
                   help="Hub access gate: manual approval (default), auto (accept the terms), "
                        "keep (leave the repo's setting)")
    p.add_argument("--upload-existing", action="store_true",
                   help="with --hub: upload the release already in the registry (after a failed "
                        "upload) instead of publishing the build")
    p.add_argument("--dry-run", action="store_true",
                   help="build the release in a temporary folder and list what would be written "
                        "and uploaded (paths, sizes, SHA-256); no network, nothing kept")
    p.add_argument("--key-file", default=None,
                   help="the pseudonym key that made the build (default: $THERAPY_THREADS_KEY or "
                        "~/.config/therapy-threads/pseudonym.key): the build's verdicts are checked with it")
    p.add_argument("--allow-row-loss", action="store_true",
                   help="publish although more than --max-row-loss of the previous release's posts "
                        "or comments are gone (an intended removal)")
    p.add_argument("--max-row-loss", type=float, default=None, metavar="SHARE",
                   help="share of the previous release's posts or comments a release may lose "
                        "without --allow-row-loss (default: 0.01)")
    p.add_argument("--sources", default=None,
                   help="source manifest for licence notes (default: seeds/sources.toml)")
    p.add_argument("--docs", default=None,
                   help="folder with anonymisation-policy.md / anonymisation-metrics.json "
                        "(default: docs/)")
    card = p.add_mutually_exclusive_group()
    card.add_argument("--update-repo-card", action="store_true",
                      help="also rewrite the repository's DATA_CARD.md and docs/data-card/*.png "
                           "from this release (run from the repository root); without it "
                           "publish changes no file outside the registry")
    card.add_argument("--data-card", default=None, metavar="FILE",
                      help="also write the card (without YAML) to FILE, its plots to "
                           "docs/data-card/ beside it")
    # Writing no card file is the default now; the flag stays so existing scripts keep working.
    card.add_argument("--no-data-card", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def _print_files(files: list[dict]) -> None:
    for f in files:
        print(f"  {f['bytes']:>12,}  {f['sha256']}  {f['path']}")


def options_from(args: argparse.Namespace) -> "PublishOptions":
    from ..publish.run import PublishOptions

    return PublishOptions(version=args.version, build=str(args.build), registry=str(args.registry),
                          hub=args.hub, public=args.public, gated=args.gated, dry_run=args.dry_run,
                          sources=args.sources, docs=args.docs,
                          data_card=None if args.dry_run else _card_path(args),
                          key_file=args.key_file, allow_row_loss=args.allow_row_loss,
                          max_row_loss=args.max_row_loss)


def run(args: argparse.Namespace) -> int:
    from ..publish.hub import upload_release
    from ..publish.registry import Registry
    from ..publish.run import publish_release
    from ..publish.versioning import Version

    v = Version.parse(args.version)
    options = options_from(args)  # refuses a misplaced --update-repo-card before any work
    if args.upload_existing:
        if not args.hub:
            raise UserError("--upload-existing needs --hub REPO_ID")
        rel = Registry(args.registry).release_dir(v)
        _check_sealed(rel, args.key_file)
        with _upload_errors(args, v, rel, retry="run the same command again"):
            res = upload_release(rel, args.hub, private=not args.public, dry_run=args.dry_run,
                                 gated=options.hub_gated)
        _report_upload(res)
        return 0
    if os.environ.get("PREFECT_API_URL") and not args.dry_run:
        # A Prefect server is running: publish through the flow so the release summary and
        # its artifacts appear in the UI. Without one, a temporary server would only add ~15 s
        # and lose the artifacts at exit, so the library is called directly. Both paths call
        # publish_release(options).
        with _upload_errors(args, v, Registry(args.registry).release_dir(v), retry=_retry_hint(args, v)):
            return _run_flow(options)

    def report(outcome) -> None:
        result = outcome.release
        for w in result.warnings:
            print(f"warning: {w}", file=sys.stderr)
        nouns = {"quarantine": "quarantined items"}
        counts = ", ".join(f"{n:,} {nouns.get(t, t)}" for t, n in result.counts.items())
        if result.dry_run:
            print(f"dry run: release {v.tag} would hold {counts}; "
                  f"{len(result.files)} files, {sum(f['bytes'] for f in result.files):,} bytes:")
            _print_files(result.files)
            if args.hub:
                print(f"would upload these files to hf://{args.hub} and tag {v.tag} "
                      f"({'public' if args.public else 'private'} repo)")
            return
        # printed before the upload starts: the local release is complete whatever the Hub does
        print(f"published {v.tag} -> {result.path} ({counts}; manifest sha256 "
              f"{result.manifest_sha256[:16]}...)", flush=True)
        if outcome.data_card:
            print(f"data card -> {outcome.data_card}", flush=True)

    with _upload_errors(args, v, Registry(args.registry).release_dir(v), retry=_retry_hint(args, v)):
        outcome = publish_release(options, on_released=report)
    if outcome.release.dry_run:
        report(outcome)
        return 0
    if outcome.upload is not None:
        _report_upload(outcome.upload)
    return 0


def _check_sealed(rel: Path, key_file: str | None) -> None:
    """A release uploaded from the registry goes out only as the gate's publish sealed it."""
    from ..anonymise.keys import load_key
    from ..publish.fsutil import read_json_confined
    from ..publish.hub import MAX_JSON_BYTES
    from ..publish.manifest import MANIFEST, check_seal

    if not (rel / MANIFEST).is_file():
        return  # upload_release says what is missing
    key = load_key(Path(key_file) if key_file else None, create=False)
    manifest = read_json_confined(rel, MANIFEST, max_bytes=MAX_JSON_BYTES, what="release manifest")
    check_seal(manifest if isinstance(manifest, dict) else {}, key, str(rel / MANIFEST))


def _retry_hint(args: argparse.Namespace, v) -> str:
    registry = "" if args.registry == "data/releases" else f" --registry {args.registry}"
    return (f"retry the upload with 'therapy-threads publish {v} --hub {args.hub} "
            f"--upload-existing{registry}'")


@contextlib.contextmanager
def _upload_errors(args: argparse.Namespace, v, path, *, retry: str) -> Iterator[None]:
    """A failed upload is one line: what failed, where the release is, the next step."""
    from ..publish.hub_failures import hub_error

    try:
        yield
    except UserError:
        raise
    except Exception as e:
        err = hub_error(e, args.hub, "upload to")
        if err is None:
            raise
        raise UserError(f"{err}. Release {v.tag} is complete at {path}; {retry}") from e


def _gate_options(args: argparse.Namespace) -> dict:
    from ..publish.versioning import MAX_ROW_LOSS

    share = MAX_ROW_LOSS if args.max_row_loss is None else args.max_row_loss
    if not 0 <= share <= 1:
        raise UserError(f"--max-row-loss is a share between 0 and 1 (e.g. 0.05), not {share}")
    return {"key_file": args.key_file, "allow_row_loss": args.allow_row_loss, "max_row_loss": share}


def _card_path(args: argparse.Namespace) -> str | None:
    """Where to write a card body outside the registry: only where asked."""
    if args.update_repo_card:
        if not Path("pyproject.toml").is_file() or not Path("DATA_CARD.md").is_file():
            raise UserError("--update-repo-card rewrites ./DATA_CARD.md of the project checkout; "
                            "run it from the repository root (or use --data-card FILE)")
        return "DATA_CARD.md"
    return args.data_card


def _run_flow(options) -> int:
    from dataclasses import asdict

    from ..flows.publish import publish_flow

    out = publish_flow(**asdict(options))
    for w in out["warnings"]:
        print(f"warning: {w}", file=sys.stderr)
    counts = ", ".join(f"{n:,} {t}" for t, n in out["counts"].items())
    print(f"published v{out['version']} -> {out['path']} ({counts}; manifest sha256 "
          f"{out['manifest_sha256'][:16]}...) via the Prefect flow 'publish-release'")
    if out.get("data_card"):
        print(f"data card -> {out['data_card']}")
    if out.get("hub"):
        print(f"uploaded to hf://{out['hub']['repo_id']}, tagged {out['hub']['tag']}")
    return 0


def _report_upload(res) -> None:
    p = res.plan
    if res.dry_run:
        print(f"dry run: would upload {len(p.files)} files ({p.total_bytes:,} bytes) to "
              f"hf://{p.repo_id} and tag {p.tag}:")
        _print_files(p.files)
    elif res.already_published:
        print(f"hf://{p.repo_id} already has {p.tag} with this manifest; nothing to do")
    else:
        print(f"uploaded {len(p.files)} files to hf://{p.repo_id}, tagged {p.tag}"
              + (f" ({res.commit_url})" if res.commit_url else ""))
