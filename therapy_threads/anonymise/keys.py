"""The pseudonym key: where it lives, how it is created, and its safe-to-log fingerprint.

The key decides every pseudonym, so the same key must be used for every build whose pseudonyms
should line up (re-runs, new sources, later releases). It is read from the environment variable
``THERAPY_THREADS_KEY`` first, else from a key file outside the repository (default
``~/.config/therapy-threads/pseudonym.key``, or ``$THERAPY_THREADS_KEY_FILE``). The key itself is
never printed, logged or written anywhere but that file.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

from ..errors import UserError

ENV_KEY = "THERAPY_THREADS_KEY"
ENV_KEY_FILE = "THERAPY_THREADS_KEY_FILE"
KEY_BYTES = 32  # a random 256-bit key, written as 64 hex digits
# 32 random bytes have ~30 distinct values; fewer than this many is a typed pattern ("00...",
# "abab...", a hex-encoded word), not a random key.
MIN_DISTINCT_BYTES = 16
HOW_TO_MAKE = ("make one with 'therapy-threads key --create' (writes the key file) or "
               "'therapy-threads key --new' (prints a new key for $THERAPY_THREADS_KEY), or: "
               "python -c \"import secrets; print(secrets.token_hex(32))\"")

log = logging.getLogger(__name__)


def default_key_path() -> Path:
    """``$THERAPY_THREADS_KEY_FILE``, else ``$XDG_CONFIG_HOME/therapy-threads/pseudonym.key``."""
    env = os.environ.get(ENV_KEY_FILE)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "therapy-threads" / "pseudonym.key"


def key_source(key_file: Path | None = None) -> str:
    """Where :func:`load_key` would take the key from: ``"env"`` or the key file path."""
    if os.environ.get(ENV_KEY):
        return "env"
    return str(Path(key_file).expanduser() if key_file else default_key_path())


def new_key() -> str:
    """A fresh random key as 64 hex digits."""
    return secrets.token_hex(KEY_BYTES)


def parse_key(raw: str, where: str) -> bytes:
    """The key bytes of ``raw`` if it is a random 256-bit key in hex, else a UserError saying why.

    Passphrases and short keys are refused: the key fingerprint is published, and a key a person
    can type can be recovered from it offline by guessing; 256 random bits cannot.
    """
    raw = raw.strip()
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        raise UserError(f"the pseudonym key from {where} is not 64 hex digits (a passphrase or "
                        f"another encoding?); a key must be 256 random bits: {HOW_TO_MAKE}") from None
    if len(key) != KEY_BYTES:
        raise UserError(f"the pseudonym key from {where} is {len(key) * 8} bits; it must be a random "
                        f"256-bit key (64 hex digits): {HOW_TO_MAKE}")
    if len(set(key)) < MIN_DISTINCT_BYTES:
        raise UserError(f"the pseudonym key from {where} is a pattern, not a random key; {HOW_TO_MAKE}")
    return key


def check_key_file_mode(path: Path) -> None:
    """Refuse a key file other users can read or change (as ssh does for private keys)."""
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise UserError(f"the key file {path} is open to other users (mode {mode:04o}); "
                        f"run: chmod 600 {path}")


def _inside_repo(path: Path) -> Path | None:
    p = path.resolve().parent
    for d in (p, *p.parents):
        if (d / ".git").exists():
            return d
    return None


def load_key(key_file: Path | None = None, create: bool = True) -> bytes:
    """Return the pseudonym key as bytes.

    Order: ``$THERAPY_THREADS_KEY`` (64 hex digits), then ``key_file`` (default
    :func:`default_key_path`). If neither exists and ``create`` is true, a new 32-byte random key
    is written to the key file (mode 0600) and its *path* is logged at WARNING level. Refused with
    :class:`~therapy_threads.errors.UserError`: anything but a random 256-bit key in hex
    (:func:`parse_key`), a key file inside a git work tree (it would end up in a commit), a key
    file other users can read (:func:`check_key_file_mode`), and no key at all.
    """
    env = os.environ.get(ENV_KEY)
    if env:
        return parse_key(env, f"${ENV_KEY}")
    path = Path(key_file).expanduser() if key_file else default_key_path()
    repo = _inside_repo(path)
    if repo is not None:
        raise UserError(f"the key file {path} is inside the git work tree {repo}; keep the key outside "
                        f"any repository (default {default_key_path()}) or set ${ENV_KEY}")
    if path.exists():
        check_key_file_mode(path)
        return parse_key(path.read_text(encoding="utf-8"), str(path))
    if not create:
        raise UserError(f"no pseudonym key at {path}: set ${ENV_KEY} or create one with "
                        "'therapy-threads key --create'")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(key.hex() + "\n")
    log.warning("created a new pseudonym key at %s; back it up: every pseudonym depends on it", path)
    return key


def key_fingerprint(key: bytes) -> str:
    """A 16-hex-digit fingerprint of the key alone (HMAC of a fixed label): safe to print, log and
    publish because the key is 256 random bits (:func:`parse_key`), so it cannot be guessed from
    the fingerprint."""
    return hmac.new(key, b"therapy-threads fingerprint", hashlib.sha256).hexdigest()[:16]


def keyed_digest(key: bytes, sha256_hex: str) -> str:
    """HMAC-SHA256 (64 hex digits) of a content SHA-256 under the key: publishable where the plain
    hash of a short text is not (it could be confirmed by hashing guesses)."""
    return hmac.new(key, b"therapy-threads content\x00" + sha256_hex.encode("ascii"),
                    hashlib.sha256).hexdigest()
