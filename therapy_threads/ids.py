"""Deterministic identifiers: the same source re-run gives the same ids."""
from __future__ import annotations

import hashlib

_SEP = "\x1f"


def _digest(*parts: str) -> str:
    return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()[:20]


def post_id(source_id: str, post_key: str) -> str:
    return "p_" + _digest("post", source_id, post_key)


def comment_id(post_id_: str, comment_key: str) -> str:
    return "c_" + _digest("comment", post_id_, comment_key)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path) -> str:
    """SHA-256 of a file, read in 1 MiB chunks (sources and release files can be large)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
