"""robots.txt rules per origin, parsed with ``urllib.robotparser``.

Status handling follows RFC 9309: 2xx -> the rules; 4xx -> no rules (everything allowed);
5xx or unreachable -> treat the whole site as disallowed until a later run can read the file.
"""
from __future__ import annotations

import threading
import urllib.robotparser
from collections.abc import Callable
from urllib.parse import urlsplit

# fetch(url) -> (status, body), or None / a reason when the server could not be reached.
RobotsFetcher = Callable[[str], "tuple[int, bytes] | str | None"]
# Google reads the first 500 KiB of a robots.txt and ignores the rest; so do we.
ROBOTS_MAX_BYTES = 512 * 1024


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class RobotsPolicy:
    def __init__(self, fetch: RobotsFetcher, user_agent: str) -> None:
        self._fetch = fetch
        # robotparser matches the product token ("therapy-threads"), not the full UA string.
        self.agent = user_agent.split("/", 1)[0].strip()
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._unreadable: dict[str, str] = {}
        self._lock = threading.Lock()

    def _parser(self, url: str) -> urllib.robotparser.RobotFileParser:
        key = origin(url)
        with self._lock:
            parser = self._parsers.get(key)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser(key + "/robots.txt")
        got = self._fetch(key + "/robots.txt")
        if got is None or isinstance(got, str) or got[0] >= 500:
            parser.disallow_all = True
            why = got if isinstance(got, str) else "unreachable" if got is None \
                else f"HTTP {got[0]}"
            with self._lock:
                self._unreadable[key] = why
        elif got[0] >= 400:
            parser.allow_all = True
        else:
            parser.parse(got[1][:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace").splitlines())
        with self._lock:
            self._parsers[key] = parser
        return parser

    def unreadable(self, url: str) -> str | None:
        """Why the robots.txt of ``url``'s site could not be read, or None."""
        self._parser(url)
        with self._lock:
            return self._unreadable.get(origin(url))

    def allowed(self, url: str) -> bool:
        return self._parser(url).can_fetch(self.agent, url)

    def crawl_delay(self, url: str) -> float | None:
        p = self._parser(url)
        delay = p.crawl_delay(self.agent)
        if delay is None:
            rate = p.request_rate(self.agent)
            if rate is not None and rate.requests:
                delay = rate.seconds / rate.requests
        return float(delay) if delay is not None else None
