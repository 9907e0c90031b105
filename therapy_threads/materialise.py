"""Turn a URL source into a local file the build can cache on like any other source.

Fetching (robots, rate limit, retries, WARC archive, offline replay) is
``therapy_threads.fetch.fetch_source``; this module only writes the bytes it returns next to
the archive, so the build's cache key is the content the reader sees.
"""
from __future__ import annotations

import os
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
