"""A polite HTTP client for public blog pages and APIs, archiving every response as WARC.

Polite: robots.txt is obeyed, one request per ``min_interval`` per host (or the site's
Crawl-delay if longer), a user agent that says who we are, retries with exponential backoff on
429/5xx/timeouts honouring ``Retry-After``, and conditional requests (ETag/Last-Modified) when a
copy is already archived.

Modes:
- ``cache`` (default): a URL already in the archive is served from it; others are fetched.
- ``refresh``: archived URLs are revalidated with a conditional request (304 -> archived copy).
- ``replay``: never touch the network; a URL missing from the archive is an error. A build in
  replay mode parses exactly the bytes of the first run.
"""
from __future__ import annotations

import email.utils
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from .. import __version__
from .ratelimit import HostRateLimiter
from .robots import RobotsPolicy
from .warc_store import WarcArchive

PROJECT_URL = os.environ.get("THERAPY_THREADS_CONTACT_URL",
                             "https://github.com/therapy-threads/therapy-threads")
USER_AGENT = f"therapy-threads/{__version__} (+{PROJECT_URL}; research dataset)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
Mode = Literal["cache", "refresh", "replay"]


class FetchError(Exception):
    """A URL could not be fetched; the message says why and what to do."""


class RobotsDisallowed(FetchError):
    pass


class NotInArchive(FetchError):
    pass


@dataclass(slots=True)
class FetchResponse:
    url: str  # requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    content: bytes
    from_archive: bool

    def json(self) -> Any:
        return json.loads(self.content)

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class PoliteClient:
    def __init__(self, archive: WarcArchive | None = None, *, mode: Mode = "cache",
                 user_agent: str = USER_AGENT, min_interval: float = 2.0, max_retries: int = 4,
                 backoff_base: float = 1.0, max_backoff: float = 120.0, timeout: float = 30.0,
                 respect_robots: bool = True, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if mode == "replay" and archive is None:
            raise ValueError("replay mode needs an archive")
        self.archive = archive
        self.mode = mode
        self.user_agent = user_agent
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.max_backoff = max_backoff
        self.respect_robots = respect_robots
        self._sleep = sleep
        self._limiter = HostRateLimiter(min_interval, sleep=sleep)
        self._http = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=timeout, follow_redirects=True, transport=transport)
        self._robots = RobotsPolicy(self._fetch_robots, user_agent)
        self.stats = {"network": 0, "archive": 0, "not_modified": 0, "retries": 0}

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ---------------------------------------------------------------------------
    def get(self, url: str, params: dict[str, Any] | None = None) -> FetchResponse:
        """GET ``url`` politely. Raises FetchError (with what to do) when it cannot."""
        full = str(httpx.URL(url, params=params)) if params else url
        entry = self.archive.lookup(full) if self.archive is not None else None
        if self.mode == "replay" or (self.mode == "cache" and entry is not None):
            if entry is None:
                raise NotInArchive(f"{full} is not in the archive at {self.archive.root}; run "
                                   "without replay/offline mode to fetch it")
            return self._from_archive(full, entry)
        if self.respect_robots and not self._robots.allowed(full):
            raise RobotsDisallowed(f"robots.txt of {urlsplit(full).netloc} disallows {full} for "
                                   f"{self._robots.agent}; the page is not fetched. Save it by "
                                   "hand only if the site's terms allow it")
        headers: dict[str, str] = {}
        if entry is not None:
            if entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
        resp = self._request(full, headers)
        if resp.status_code == 304 and entry is not None:
            self.stats["not_modified"] += 1
            return self._from_archive(full, entry)
        return FetchResponse(full, str(resp.url), resp.status_code,
                             {k.lower(): v for k, v in resp.headers.items()}, resp.content, False)

    # -- internals ------------------------------------------------------------------------
    def _from_archive(self, url: str, entry) -> FetchResponse:
        stored = self.archive.load(entry)
        self.stats["archive"] += 1
        return FetchResponse(url, stored.url, stored.status, stored.headers, stored.content, True)

    def _backoff(self, attempt: int) -> float:
        return min(self.max_backoff, self.backoff_base * (2 ** attempt))

    def _request(self, url: str, headers: dict[str, str], *,
                 use_crawl_delay: bool = True) -> httpx.Response:
        host = urlsplit(url).netloc.lower()
        delay = self._robots.crawl_delay(url) if self.respect_robots and use_crawl_delay else None
        last_error = ""
        for attempt in range(self.max_retries + 1):
            self._limiter.wait(host, delay)
            try:
                resp = self._http.get(url, headers=headers)
            except httpx.TimeoutException as e:
                last_error = f"timed out ({type(e).__name__})"
            except httpx.TransportError as e:
                last_error = f"network error: {e}"
            else:
                self.stats["network"] += 1
                self._archive(url, resp)
                if resp.status_code not in RETRY_STATUS:
                    return resp
                last_error = f"HTTP {resp.status_code}"
                wait = retry_after_seconds(resp.headers.get("Retry-After"))
                if wait is not None and wait > self.max_backoff:
                    raise FetchError(f"{url}: the server answered {resp.status_code} and asks to "
                                     f"wait {wait:.0f} s (Retry-After), longer than the "
                                     f"{self.max_backoff:.0f} s limit; try again later")
                if attempt < self.max_retries:
                    self.stats["retries"] += 1
                    self._sleep(wait if wait is not None else self._backoff(attempt))
                continue
            if attempt < self.max_retries:
                self.stats["retries"] += 1
                self._sleep(self._backoff(attempt))
        raise FetchError(f"{url}: gave up after {self.max_retries + 1} attempts ({last_error}); "
                         "the site may be down or rate-limiting: try again later")

    def _archive(self, url: str, resp: httpx.Response) -> None:
        if self.archive is None:
            return
        self.archive.record(url, str(resp.url), resp.status_code, resp.reason_phrase,
                            list(resp.headers.multi_items()), resp.content,
                            list(resp.request.headers.multi_items()))

    def _fetch_robots(self, robots_url: str) -> tuple[int, bytes] | None:
        try:
            resp = self._request(robots_url, {}, use_crawl_delay=False)
        except FetchError:
            return None
        return resp.status_code, resp.content


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
