"""Polite fetching with WARC archiving and offline replay (see client.py for the modes)."""
from __future__ import annotations

from .client import (USER_AGENT, FetchError, FetchResponse, NotInArchive, PoliteClient,
                     RobotsDisallowed, retry_after_seconds)
from .source import fetch_source, is_url
from .warc_store import IndexEntry, StoredResponse, WarcArchive

__all__ = ["USER_AGENT", "FetchError", "FetchResponse", "NotInArchive", "PoliteClient",
           "RobotsDisallowed", "retry_after_seconds", "IndexEntry", "StoredResponse",
           "WarcArchive", "fetch_source", "is_url"]
