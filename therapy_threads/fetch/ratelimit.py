"""At most one request per interval to each host, across the threads of one process."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostRateLimiter:
    def __init__(self, min_interval: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, interval: float | None = None) -> float:
        """Block until ``host`` may be contacted again; returns the seconds waited."""
        gap = max(self.min_interval, interval or 0.0)
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + gap
        waited = start - now
        if waited > 0:
            self._sleep(waited)
        return waited
