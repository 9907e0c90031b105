"""Polite fetching with WARC archiving and offline replay (see client.py for the modes), every
request bounded in size and time (http.py).

Names load on first use: the light install (downloads only) has httpx but not warcio, so
importing :mod:`therapy_threads.fetch.http` must not pull in the WARC archive.
"""
from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "USER_AGENT": "client", "FetchResponse": "client", "NotInArchive": "client",
    "PoliteClient": "client", "RobotsDisallowed": "client", "retry_after_seconds": "client",
    "FetchError": "http", "FetchLimitExceeded": "http", "Limits": "http",
    "RedirectRefused": "http", "ResponseTooLarge": "http",
    "fetch_source": "source", "is_url": "source",
    "IndexEntry": "warc_store", "StoredResponse": "warc_store", "WarcArchive": "warc_store",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
