"""Bytes of a manifest source that lives on the web (a page URL or a WordPress REST root).

The pipeline calls :func:`fetch_source` for entries whose location is an http(s) URL, then
hands the bytes to the reader as for a file. Every response is archived under
``archive_dir/<source_id>.warc.gz`` (index next to it); with ``mode="replay"`` the same bytes
come back from the archive without any network access, so a rebuild is exact.
"""
from __future__ import annotations

from pathlib import Path

from ..readers.base import SourceRef
from .client import Mode, PoliteClient
from .http import FetchError, Limits
from .warc_store import WarcArchive


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<html" in head or b"<!doctype html" in head or b"<body" in head


def is_rest_root(location: str, fmt: str | None) -> bool:
    return fmt == "wp_rest" or "/wp-json" in location


def fetch_source(ref: SourceRef, archive_dir: str | Path, *, mode: Mode = "cache",
                 min_interval: float = 2.0, client: PoliteClient | None = None,
                 archive_name: str | None = None,
                 limits: Limits | None = None) -> tuple[bytes, str | None]:
    """(bytes, format or None to detect). Raises FetchError with a message for people.

    The whole source (robots.txt, every page of a REST walk, retries and pauses) runs within
    ``limits.source_timeout``; each response within the size and time limits of ``limits``.
    """
    if not is_url(ref.location):
        raise ValueError(f"{ref.location!r} is not an http(s) URL")
    own = client is None
    if client is None:
        archive = WarcArchive(Path(archive_dir), archive_name or ref.source_id)
        client = PoliteClient(archive, mode=mode, min_interval=min_interval, limits=limits)
    try:
        with client.budget(limits.source_timeout if limits else None):
            if is_rest_root(ref.location, ref.format):
                from ..readers.wp_rest import fetch_wp_rest

                return fetch_wp_rest(ref.location, client), "wp_rest"
            resp = client.get(ref.location)
            if resp.status != 200:
                raise FetchError(f"{ref.location} answered HTTP {resp.status}; check the URL in "
                                 "the manifest")
            if ref.format in (None, "html") and _looks_like_html(resp.content):
                from .pagination import fetch_thread

                bundle = fetch_thread(ref.location, resp.content, client)
                if bundle is not None:
                    return bundle, "html"
            return resp.content, ref.format
    finally:
        if own:
            client.close()
