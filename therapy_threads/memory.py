"""Process-wide memory settings for the long-lived processes of a build."""
from __future__ import annotations

import ctypes

_M_ARENA_MAX = -8  # glibc mallopt parameters
_M_MMAP_THRESHOLD = -3


def limit_malloc_arenas(n: int = 2) -> bool:
    """Cap glibc's malloc arenas for threads created from now on.

    glibc gives threads their own arenas (up to 8 per core), each keeping its freed memory; a
    process that runs Prefect's client, its event loop and a pool of task threads holds tens of
    MB in them. Returns False where the C library is not glibc (nothing changes there)."""
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, n))
    except (OSError, AttributeError):
        return False


def fixed_mmap_threshold(size: int = 128 * 1024) -> bool:
    """Serve every allocation of ``size`` bytes or more with its own mapping, returned to the OS
    when freed.

    glibc starts at 128 KiB but raises the threshold to the size of each mapped block freed (up to
    32 MiB), after which a long-lived process's large buffers (Arrow columns, decoded pages, big
    lists) come from the heap, where one small live allocation above them keeps the freed space
    resident. Setting the threshold turns that adjustment off. Returns False where the C library
    is not glibc."""
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, size))
    except (OSError, AttributeError):
        return False


__all__ = ["fixed_mmap_threshold", "limit_malloc_arenas"]
