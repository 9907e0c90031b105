"""Turn a URL source into local bytes through the polite client and its WARC archive.

Every network response is archived under the archive folder (``data/raw/`` by default); the
bytes the readers see are written next to it so the build caches on their content like any
file source. Offline mode replays the archive only, so a build can be reproduced exactly.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .readers import SourceRef


def _is_api_root(ref: SourceRef) -> bool:
    loc = ref.location.rstrip("/")
    return ref.format == "wp_rest" or loc.endswith("/wp-json") or "/wp-json/wp/v2" in loc


def materialise_source(ref: SourceRef, archive_dir: Path, *, offline: bool = False,
                       client=None) -> Path:
    """Fetch (or replay) ``ref.location`` and return the path of the bytes to read.

    Raises ``therapy_threads.fetch.FetchError`` with a message that says what to do.
    """
    from .fetch import PoliteClient, WarcArchive

    archive_dir = Path(archive_dir)
    archive_dir.mkdir(parents=True, exist_ok=True)
    own = client is None
    if own:
        client = PoliteClient(WarcArchive(archive_dir, name=ref.source_id),
                              mode="replay" if offline else "cache")
    try:
        if _is_api_root(ref):
            from .readers.wp_rest import fetch_wp_rest

            data = json.dumps(fetch_wp_rest(ref.location, client), sort_keys=True,
                              ensure_ascii=False).encode("utf-8")
            suffix = ".wp-rest.json"
        else:
            resp = client.get(ref.location)
            if resp.status >= 400:
                from .fetch import FetchError

                raise FetchError(f"{ref.location} answered HTTP {resp.status}; check the URL or "
                                 "remove the source from the manifest")
            data = resp.content
            suffix = ".html"
    finally:
        if own:
            client.close()
    dest = archive_dir / "sources" / f"{ref.source_id}{suffix}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, dest)
    return dest
