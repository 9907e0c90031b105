"""Turn a URL source into a local file the build can cache on like any other source.

Fetching (robots, rate limit, retries, WARC archive, offline replay) is
``therapy_threads.fetch.fetch_source``; this module only writes the bytes it returns next to
the archive, so the build's cache key is the content the reader sees.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import RefusedPath
from .fetch.http import Limits
from .manifest import ID_PATTERN
from .readers import SourceRef


def materialise_source(ref: SourceRef, archive_dir: Path, *, offline: bool = False,
                       limits: Limits | None = None) -> Path:
    """Fetch (or replay with ``offline``) ``ref.location``; return the path of its bytes.

    Raises ``therapy_threads.fetch.FetchError`` with a message that says what to do.
    """
    from .fetch.source import fetch_source

    # The id names the file: manifest ids are slugs, checked again so no id leaves the folder.
    if not ID_PATTERN.match(ref.source_id):
        raise RefusedPath(f"source id {ref.source_id!r} is not a slug; it cannot name a file")
    data, fmt = fetch_source(ref, archive_dir, mode="replay" if offline else "cache",
                             limits=limits)
    suffix = ".wp-rest.json" if fmt == "wp_rest" else ".html"
    dest = Path(archive_dir) / "sources" / f"{ref.source_id}{suffix}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, dest)
    return dest


# HTTP statuses worth asking again later: timeouts, throttling, a server's passing trouble.
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_STATUS_IN_MESSAGE = re.compile(r"\b(?:HTTP|answered)\s+(\d{3})\b")


def is_transient(exc: BaseException | None) -> bool:
    """Whether retrying the step that raised ``exc`` could succeed.

    Never for a robots.txt refusal, a page missing from the archive, a 4xx answer such as 404,
    a checksum mismatch, a missing file or bad input — only for time-outs, dropped connections,
    throttling and 5xx answers. An exception may say so itself with a ``transient`` attribute.
    """
    from .errors import LimitExceeded
    from .fetch.client import NotInArchive, RobotsDisallowed
    from .fetch.http import RedirectRefused

    if exc is None:
        return False
    flag = getattr(exc, "transient", None)
    if isinstance(flag, bool):
        return flag
    # a size or time limit, a refused path or redirect, robots.txt, a page not in the archive:
    # the same request fails the same way again
    if isinstance(exc, (RobotsDisallowed, NotInArchive, RedirectRefused, LimitExceeded, RefusedPath)):
        return False
    text = str(exc)
    if "checksum" in text.lower() or "sha256" in text.lower() or "sha-256" in text.lower():
        return False
    status = getattr(exc, "status", None) or getattr(getattr(exc, "response", None), "status_code", None)
    if not isinstance(status, int):
        m = _STATUS_IN_MESSAGE.search(text)
        status = int(m.group(1)) if m else None
    if isinstance(status, int):
        return status in TRANSIENT_STATUS
    try:
        import httpx

        if isinstance(exc, (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)):
            return True
    except ImportError:  # pragma: no cover
        pass
    if isinstance(exc, (TimeoutError, ConnectionError)):
        return True
    if "gave up after" in text:  # the polite client's own retries met only passing trouble
        return True
    return False


def retry_if_transient(task: object, task_run: object, state: object) -> bool:
    """Prefect ``retry_condition_fn``: retry a failed task only when its error is transient."""
    try:
        exc = state.result(raise_on_failure=False)  # type: ignore[attr-defined]
    except BaseException as e:  # noqa: BLE001 - the failure itself
        exc = e
    return isinstance(exc, BaseException) and is_transient(exc)
