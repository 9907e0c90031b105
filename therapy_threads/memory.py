"""Process-wide memory settings for the long-lived processes of a build."""
from __future__ import annotations

import ctypes

_M_ARENA_MAX = -8  # glibc mallopt parameter


def limit_malloc_arenas(n: int = 2) -> bool:
    """Cap glibc's malloc arenas for threads created from now on.

    glibc gives threads their own arenas (up to 8 per core), each keeping its freed memory; a
    process that runs Prefect's client, its event loop and a pool of task threads holds tens of
    MB in them. Returns False where the C library is not glibc (nothing changes there)."""
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, n))
    except (OSError, AttributeError):
        return False


__all__ = ["limit_malloc_arenas"]
