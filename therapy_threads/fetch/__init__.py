"""Polite fetching with WARC archiving and offline replay (see client.py for the modes), every
request bounded in size and time (http.py)."""
from __future__ import annotations

from .client import (USER_AGENT, FetchResponse, NotInArchive, PoliteClient, RobotsDisallowed,
                     retry_after_seconds)
from .http import FetchError, FetchLimitExceeded, Limits, RedirectRefused
from .source import fetch_source, is_url
from .warc_store import IndexEntry, StoredResponse, WarcArchive

__all__ = ["USER_AGENT", "FetchError", "FetchLimitExceeded", "FetchResponse", "Limits",
           "NotInArchive", "PoliteClient", "RedirectRefused", "RobotsDisallowed",
           "retry_after_seconds", "IndexEntry", "StoredResponse", "WarcArchive", "fetch_source",
           "is_url"]
