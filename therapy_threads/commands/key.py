"""``therapy-threads key``: where the pseudonym key is, create one, show its fingerprint (never the key)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "key", help="show where the pseudonym key is, create one, or print its fingerprint",
        description="Commenter pseudonyms are keyed HMACs: the same key gives the same pseudonyms "
                    "across re-runs and releases. The key is 256 random bits written as 64 hex "
                    "digits; it comes from $THERAPY_THREADS_KEY or a key file outside the "
                    "repository (default ~/.config/therapy-threads/pseudonym.key, or "
                    "$THERAPY_THREADS_KEY_FILE) that only its owner can read (chmod 600). "
                    "Passphrases are refused. Without --new this command never prints a key.")
    p.add_argument("--key-file", type=Path, default=None,
                   help="key file to use instead of the default location")
    p.add_argument("--create", action="store_true",
                   help="create a new random key file if there is none (an existing key is never overwritten)")
    p.add_argument("--new", action="store_true",
                   help="print a new random key (64 hex digits) for $THERAPY_THREADS_KEY or a secret "
                        "store, and store it nowhere")
    p.add_argument("--fingerprint", action="store_true",
                   help="print only the key's fingerprint (safe to share: it identifies the key, it cannot recreate it)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..anonymise.keys import ENV_KEY, key_fingerprint, key_source, load_key, new_key

    if args.new:
        if args.create or args.fingerprint:
            raise UserError("--new prints a fresh key and stores nothing; use it on its own")
        print(new_key())
        return 0
    src = key_source(args.key_file)
    exists = src == "env" or Path(src).exists()
    if not exists and not args.create:
        if args.fingerprint:
            raise UserError(f"no pseudonym key at {src}; create one with 'therapy-threads key --create'")
        print(f"key file: {src} (does not exist)")
        print("create one with: therapy-threads key --create" + (f" --key-file {args.key_file}" if args.key_file else ""))
        print(f"or set ${ENV_KEY} to a new key from: therapy-threads key --new")
        return 1
    key = load_key(args.key_file, create=args.create)  # refuses open permissions and non-keys
    fp = key_fingerprint(key)
    if args.fingerprint:
        print(fp)
        return 0
    where = f"${ENV_KEY} (environment)" if src == "env" else src
    print(f"key: {where}{'' if exists else ' (created now: back it up; every pseudonym depends on it)'}")
    print(f"fingerprint: {fp}")
    return 0
