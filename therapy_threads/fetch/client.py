"""A polite HTTP client for public blog pages and APIs, archiving every response as WARC.

Polite: robots.txt is obeyed (also for every redirect hop), one request per ``min_interval``
per host (or the site's Crawl-delay if longer, capped at ``Limits.max_crawl_delay``), a user agent that says who we are, retries with exponential backoff on
429/5xx/timeouts honouring ``Retry-After``, and conditional requests (ETag/Last-Modified) when a
copy is already archived. Bounded: every request goes through :func:`.http.get` (size,
decompression, total and idle deadlines, redirect loops), and :meth:`PoliteClient.budget` gives
a whole source a deadline that retries and pauses count against.

Modes:
- ``cache`` (default): a URL already in the archive is served from it; others are fetched.
- ``refresh``: archived URLs are revalidated with a conditional request (304 -> archived copy).
- ``replay``: never touch the network; a URL missing from the archive is an error. A build in
  replay mode parses exactly the bytes of the first run.
"""
from __future__ import annotations

import contextlib
import email.utils
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

import httpx

from .. import __version__
from . import http
from .http import Body, FetchError, FetchLimitExceeded, Limits
from .ratelimit import HostRateLimiter
from .robots import ROBOTS_MAX_BYTES, RobotsPolicy

if TYPE_CHECKING:  # warcio is not part of the light install, which only needs USER_AGENT
    from .warc_store import WarcArchive

PROJECT_URL = os.environ.get("THERAPY_THREADS_CONTACT_URL",
                             "https://github.com/therapy-threads/therapy-threads")
USER_AGENT = f"therapy-threads/{__version__} (+{PROJECT_URL}; research dataset)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
Mode = Literal["cache", "refresh", "replay"]


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
                 backoff_base: float = 1.0, max_backoff: float = 120.0,
                 timeout: float | None = None, limits: Limits | None = None,
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
        self.limits = limits or Limits()
        if timeout is not None:
            self.limits = self.limits.with_overrides(request_timeout=timeout)
        self.respect_robots = respect_robots
        self.deadline: float | None = None  # absolute time.monotonic(); see budget()
        self._sleep_fn = sleep
        self._limiter = HostRateLimiter(min_interval, sleep=self._pause)
        self._http = http.new_client(self.limits, {"User-Agent": user_agent,
                                                   "Accept-Encoding": "gzip, deflate"}, transport)
        self._robots = RobotsPolicy(self._fetch_robots, user_agent)
        self.stats = {"network": 0, "archive": 0, "not_modified": 0, "retries": 0}

    @contextlib.contextmanager
    def budget(self, seconds: float | None = None) -> Iterator[None]:
        """Everything inside (requests, retries, pauses) must finish within ``seconds``
        (default ``limits.source_timeout``): one slow source cannot hold a run forever."""
        seconds = self.limits.source_timeout if seconds is None else seconds
        previous = self.deadline
        mine = time.monotonic() + seconds
        self.deadline = mine if previous is None else min(previous, mine)
        try:
            yield
        finally:
            self.deadline = previous

    def _pause(self, seconds: float) -> None:
        """Sleep, unless the pause alone would overrun the source's deadline."""
        if seconds <= 0:
            return
        if self.deadline is not None and time.monotonic() + seconds > self.deadline:
            raise FetchLimitExceeded(
                f"waiting {seconds:.0f} s more (rate limit, Crawl-delay or Retry-After) would "
                f"overrun the source's {self.limits.source_timeout:g} s budget (--source-timeout);"
                " try again later or raise the limit")
        self._sleep_fn(seconds)

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
            why = self._robots.unreadable(full)
            if why:
                raise RobotsDisallowed(f"robots.txt of {urlsplit(full).netloc} could not be read "
                                       f"({why}); until it can, the site counts as disallowed "
                                       "(RFC 9309): try again later")
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
        if resp.status == 304 and entry is not None:
            self.stats["not_modified"] += 1
            return self._from_archive(full, entry)
        return FetchResponse(full, resp.final_url, resp.status,
                             {k.lower(): v for k, v in resp.headers}, resp.content, False)

    # -- internals ------------------------------------------------------------------------
    def _from_archive(self, url: str, entry) -> FetchResponse:
        stored = self.archive.load(entry)
        self.stats["archive"] += 1
        return FetchResponse(url, stored.url, stored.status, stored.headers, stored.content, True)

    def _backoff(self, attempt: int) -> float:
        return min(self.max_backoff, self.backoff_base * (2 ** attempt))

    def _request(self, url: str, headers: dict[str, str], *, use_crawl_delay: bool = True,
                 max_bytes: int | None = None, truncate: bool = False) -> Body:
        host = urlsplit(url).netloc.lower()
        delay = self._crawl_delay(url) if use_crawl_delay else None
        last_error = ""
        for attempt in range(self.max_retries + 1):
            self._limiter.wait(host, delay)
            try:
                resp = http.get(self._http, url, headers=headers, limits=self.limits,
                                deadline=self.deadline, redirect_check=self._check_hop,
                                truncate=truncate, max_bytes=max_bytes)
            except FetchLimitExceeded:
                raise  # too big, too slow, a loop: the same request again will not help
            except (RobotsDisallowed, http.RedirectRefused):
                raise
            except FetchError as e:
                last_error = str(e).split(": ", 1)[-1]
            else:
                self.stats["network"] += 1
                self._archive(url, resp)
                if resp.status not in RETRY_STATUS:
                    return resp
                last_error = f"HTTP {resp.status}"
                wait = retry_after_seconds(resp.header("Retry-After"))
                if wait is not None and wait > self.max_backoff:
                    raise FetchError(f"{url}: the server answered {resp.status} and asks to "
                                     f"wait {wait:.0f} s (Retry-After), longer than the "
                                     f"{self.max_backoff:.0f} s limit; try again later")
                if attempt < self.max_retries:
                    self.stats["retries"] += 1
                    self._pause(wait if wait is not None else self._backoff(attempt))
                continue
            if attempt < self.max_retries:
                self.stats["retries"] += 1
                self._pause(self._backoff(attempt))
        raise FetchError(f"{url}: gave up after {self.max_retries + 1} attempts ({last_error}); "
                         "the site may be down or rate-limiting: try again later")

    def _crawl_delay(self, url: str) -> float | None:
        if not self.respect_robots:
            return None
        delay = self._robots.crawl_delay(url)
        # A site may ask for any delay; waiting days for one page helps nobody. Crawlers cap
        # it (Crawl-delay is not part of RFC 9309); ours is --max-crawl-delay.
        return min(delay, self.limits.max_crawl_delay) if delay is not None else None

    def _check_hop(self, current: str, target: str) -> None:
        """A redirect is a new request: its robots.txt and its host's pace apply too."""
        if self.respect_robots and not self._robots.allowed(target):
            raise RobotsDisallowed(f"{current} redirects to {target}, which robots.txt of "
                                   f"{urlsplit(target).netloc} disallows for {self._robots.agent};"
                                   " the page is not fetched")
        if urlsplit(target).netloc.lower() != urlsplit(current).netloc.lower():
            self._limiter.wait(urlsplit(target).netloc.lower(), self._crawl_delay(target))

    def _archive(self, url: str, resp: Body) -> None:
        if self.archive is None:
            return
        self.archive.record(url, resp.final_url, resp.status, resp.reason,
                            resp.headers, resp.content, resp.request_headers)

    def _fetch_robots(self, robots_url: str) -> tuple[int, bytes] | str:
        """(status, body), or why the file could not be read (the site is then disallowed)."""
        try:
            resp = self._request(robots_url, {}, use_crawl_delay=False,
                                 max_bytes=ROBOTS_MAX_BYTES, truncate=True)
        except FetchError as e:
            return str(e)
        return resp.status, resp.content


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
