"""Confinement: read and write only inside a folder, never through a link, never a secret.

Every path that comes from data (a manifest ``location``, a path inside a release manifest, a
file in a registry folder) is opened here, one component at a time relative to the folder's
descriptor with ``O_NOFOLLOW`` (``openat``), so neither a ``..`` nor a symbolic link anywhere in
the path - including one swapped in while we look - can lead outside. Only regular files are
read: a FIFO or a device would block or never end.

Files that look like private keys or credentials are refused whatever their path: a build must
never turn someone's SSH key into "posts", even when the key sits inside the sources folder.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .errors import LimitExceeded, RefusedPath

SNIFF_BYTES = 64 * 1024
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


# ----------------------------------------------------------------------------- lexical checks

def safe_relpath(rel: object, *, what: str = "path") -> str:
    """A relative POSIX path with no '..', '.', empty, absolute, backslash or NUL parts."""
    if not isinstance(rel, str):
        raise RefusedPath(f"{what} {rel!r} is not a string")
    if (not rel or rel.startswith("/") or "\\" in rel or "\x00" in rel
            or any(part in ("..", ".", "") for part in rel.split("/"))):
        raise RefusedPath(f"unsafe {what} {rel!r}: only plain relative paths inside the folder "
                          "are allowed")
    return rel


def contained(path: Path, roots: Sequence[Path]) -> tuple[Path, str] | None:
    """(root, relative path) of the first root that lexically holds ``path``, else None.

    ``path`` must be absolute and normalised (no '..'); roots must be real paths.
    """
    for root in roots:
        try:
            rel = PurePosixPath(path).relative_to(root)
        except ValueError:
            continue
        return root, str(rel)
    return None


def normalise(base: Path, location: str) -> Path:
    """``location`` against ``base`` with '..' folded lexically (never through the disk)."""
    return Path(os.path.normpath(os.path.join(base, location)))


# ----------------------------------------------------------------------------- opening

def _refuse_link(root: Path, rel: str, e: OSError) -> RefusedPath:
    return RefusedPath(f"{root / rel} goes through a symbolic link, refused: links may lead "
                       "outside the folder; use the real file")


@contextlib.contextmanager
def _dir_fd(root: Path, parts: Sequence[str], *, create: bool = False) -> Iterator[int]:
    """A descriptor of ``root/parts...`` reached without following any link below ``root``."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        for i, part in enumerate(parts):
            try:
                nfd = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o777, dir_fd=fd)
                nfd = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as e:
                if e.errno in (errno.ELOOP, errno.ENOTDIR) and _is_link(fd, part):
                    raise _refuse_link(root, "/".join(parts[: i + 1]), e) from None
                raise
            os.close(fd)
            fd = nfd
        yield fd
    finally:
        os.close(fd)


def _is_link(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def open_regular(root: Path, rel: str) -> BinaryIO:
    """Open ``root/rel`` for reading: no link on the way, a regular file at the end."""
    rel = safe_relpath(rel)
    parts = rel.split("/")
    with _dir_fd(root, parts[:-1]) as dfd:
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer; cleared below.
            fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
                         | getattr(os, "O_CLOEXEC", 0), dir_fd=dfd)
        except OSError as e:
            if e.errno == errno.ELOOP or (e.errno == errno.ENOTDIR and _is_link(dfd, parts[-1])):
                raise _refuse_link(root, rel, e) from None
            if e.errno == errno.ENOENT:
                raise FileNotFoundError(errno.ENOENT, "no such file", str(root / rel)) from None
            raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a FIFO, socket " \
                                                           "or device)"
        raise RefusedPath(f"{root / rel} is {kind}; give a regular file")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_regular(root: Path, rel: str, *, max_bytes: int | None = None,
                 what: str = "file") -> bytes:
    """The bytes of ``root/rel`` (see :func:`open_regular`), refusing more than ``max_bytes``."""
    with open_regular(root, rel) as f:
        if max_bytes is None:
            return f.read()
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LimitExceeded(f"{root / rel}: the {what} is larger than the {_mb(max_bytes)} limit; "
                            "it is refused (raise the limit only if you trust it)")
    return data


def lstat_in(root: Path, rel: str) -> os.stat_result | None:
    """``lstat`` of ``root/rel`` reached without links (None if missing)."""
    rel = safe_relpath(rel)
    parts = rel.split("/")
    try:
        with _dir_fd(root, parts[:-1]) as dfd:
            return os.stat(parts[-1], dir_fd=dfd, follow_symlinks=False)
    except FileNotFoundError:
        return None


def walk_files(root: Path) -> Iterator[str]:
    """Relative paths of every regular file under ``root``; any link or special file is refused."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                raise RefusedPath(f"{p} is a symbolic link, refused: a release holds only "
                                  "regular files")
            if not (stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
                raise RefusedPath(f"{p} is not a regular file (a FIFO, socket or device), "
                                  "refused")
        for name in filenames:
            yield str((Path(dirpath) / name).relative_to(root).as_posix())


def _mb(n: int) -> str:
    return f"{n / 1048576:.0f} MiB" if n >= 1048576 else f"{n:,} bytes"


# ----------------------------------------------------------------------------- secrets

# Names of files that hold keys or credentials by convention.
_SECRET_NAMES = re.compile(
    r"""^(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|identity|.*\.(?:pem|key|p12|pfx|jks|keystore|
    ppk|kdbx|gpg|asc|age)|\.env(?:\..*)?|.*\.env|\.netrc|_netrc|\.pgpass|\.git-credentials|
    credentials(?:\.json)?|\.htpasswd|shadow|gshadow|\.npmrc|\.pypirc|token(?:s)?\.json|
    secrets?\.(?:json|ya?ml|toml)|service[-_]account.*\.json|known_hosts|authorized_keys)$""",
    re.IGNORECASE | re.VERBOSE)

# Key files start with their armour; a page that merely quotes one further down is not a key.
_KEY_ARMOUR = [
    (re.compile(rb"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"), "a private key (PEM)"),
    (re.compile(rb"-----BEGIN PGP PRIVATE KEY BLOCK-----"), "a PGP private key"),
    (re.compile(rb"PuTTY-User-Key-File-\d"), "a PuTTY private key"),
    (re.compile(rb"AGE-SECRET-KEY-1[0-9A-Z]{20,}"), "an age secret key"),
]
ARMOUR_WINDOW = 1024
# Credentials files are small and made of little else; these are looked for in small files only.
SMALL_FILE = 16 * 1024
_CREDENTIALS = [
    (re.compile(rb"\baws_secret_access_key\s*=", re.IGNORECASE), "AWS credentials"),
    (re.compile(rb'"type"\s*:\s*"service_account"[\s\S]{0,4000}"private_key"'),
     "a cloud service-account key"),
    (re.compile(rb"\bgh[pousr]_[A-Za-z0-9]{36,}\b"), "a GitHub token"),
    (re.compile(rb"\bhf_[A-Za-z0-9]{30,}\b"), "a Hugging Face token"),
    (re.compile(rb"\bxox[abpr]-[A-Za-z0-9-]{10,}"), "a Slack token"),
    (re.compile(rb"\bAKIA[0-9A-Z]{16}\b"), "an AWS access key"),
    (re.compile(rb"^\s*machine\s+\S+\s+login\s+\S+\s+password\s+\S+", re.MULTILINE),
     "netrc credentials"),
    (re.compile(rb"^[a-z_][a-z0-9_-]*:\$(?:1|2[aby]?|5|6|y)\$[^:\n]+:\d*:", re.MULTILINE),
     "password hashes (shadow file)"),
]
# Our own pseudonym key file: 64 hex digits (or a long hex string), alone in the file.
_HEX_KEY = re.compile(rb"\A\s*[0-9a-fA-F]{32,128}\s*\Z")
# .env-style secrets: NAME=value lines, at least one named like a secret, and nothing else.
_ENV_LINE = re.compile(rb"^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=.*$")
_ENV_SECRET = re.compile(rb"^\s*(?:export\s+)?[A-Za-z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|"
                         rb"API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)[A-Za-z0-9_]*\s*=\s*\S",
                         re.IGNORECASE | re.MULTILINE)


def secret_reason(name: str, head: bytes) -> str | None:
    """Why a file named ``name`` starting with ``head`` looks like a key or credentials, or None.

    ``head`` is the file's first :data:`SNIFF_BYTES` (or all of it when shorter).
    """
    if _SECRET_NAMES.match(name):
        return f"its name ({name}) is that of a key or credentials file"
    start = head[:ARMOUR_WINDOW]
    for pattern, what in _KEY_ARMOUR:
        if pattern.search(start):
            return f"it is {what}"
    if _HEX_KEY.match(head):
        return "it is a bare hex key (like a pseudonym key file)"
    if len(head) > SMALL_FILE:
        return None
    for pattern, what in _CREDENTIALS:
        if pattern.search(head):
            return f"it contains {what}"
    lines = [ln for ln in head.splitlines() if ln.strip() and not ln.lstrip().startswith(b"#")]
    if lines and all(_ENV_LINE.match(ln) for ln in lines) and _ENV_SECRET.search(head):
        return "it is a list of NAME=value settings with secrets (.env style)"
    return None


def refuse_secret(path: Path | str, head: bytes) -> None:
    reason = secret_reason(Path(path).name, head)
    if reason:
        raise RefusedPath(f"{path} looks like a private key or credentials ({reason}); it is "
                          "never read as a source. Remove it from the manifest")
