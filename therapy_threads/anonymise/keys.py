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
MIN_KEY_BYTES = 16

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


def _decode(raw: str, where: str) -> bytes:
    raw = raw.strip()
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = raw.encode("utf-8")  # a passphrase is accepted as its UTF-8 bytes
    if len(key) < MIN_KEY_BYTES:
        raise UserError(f"the pseudonym key from {where} is too short ({len(key)} bytes); use at least "
                        f"{MIN_KEY_BYTES} random bytes, e.g. the 64 hex digits 'therapy-threads key --create' writes")
    return key


def _inside_repo(path: Path) -> Path | None:
    p = path.resolve().parent
    for d in (p, *p.parents):
        if (d / ".git").exists():
            return d
    return None


def load_key(key_file: Path | None = None, create: bool = True) -> bytes:
    """Return the pseudonym key as bytes.

    Order: ``$THERAPY_THREADS_KEY`` (64 hex digits, or a passphrase of at least 16 bytes), then
    ``key_file`` (default :func:`default_key_path`). If neither exists and ``create`` is true, a
    new 32-byte random key is written to the key file (mode 0600) and its *path* is logged at
    WARNING level. A key file inside a git work tree is refused: it would end up in a commit.
    Raises :class:`~therapy_threads.errors.UserError` when no key can be had.
    """
    env = os.environ.get(ENV_KEY)
    if env:
        return _decode(env, f"${ENV_KEY}")
    path = Path(key_file).expanduser() if key_file else default_key_path()
    repo = _inside_repo(path)
    if repo is not None:
        raise UserError(f"the key file {path} is inside the git work tree {repo}; keep the key outside "
                        f"any repository (default {default_key_path()}) or set ${ENV_KEY}")
    if path.exists():
        return _decode(path.read_text(encoding="utf-8"), str(path))
    if not create:
        raise UserError(f"no pseudonym key: set ${ENV_KEY} or create one with 'therapy-threads key --create' "
                        f"(it will be written to {path})")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(key.hex() + "\n")
    log.warning("created a new pseudonym key at %s; back it up: every pseudonym depends on it", path)
    return key


def key_fingerprint(key: bytes) -> str:
    """A 16-hex-digit fingerprint of the key alone (HMAC of a fixed label): safe to print and log."""
    return hmac.new(key, b"therapy-threads fingerprint", hashlib.sha256).hexdigest()[:16]
