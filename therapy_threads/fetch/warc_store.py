"""Raw responses as gzipped WARC files, with a JSON-lines index for replay.

Layout under the archive root (``data/raw/`` in the pipeline)::

    <name>.warc.gz          request + response records (one gzip member per record)
    <name>.index.jsonl      one line per response: url, status, file, offset, length, validators

``name`` is chosen by the caller (one per source, e.g. the source id), so parallel tasks never
append to the same file; a lock file still serialises writers to one name across processes.
The payload is stored as the client received it after transfer decoding (httpx decodes gzip),
so ``Content-Encoding``/``Transfer-Encoding`` headers are dropped and ``Content-Length`` is set
to the stored length: the record replays as exactly the bytes the reader parsed.
"""
from __future__ import annotations

import fcntl
import hashlib
import io
import json
import re
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .. import __version__
from ..confine import open_regular
from ..errors import RefusedPath

_DROP = {"content-encoding", "transfer-encoding", "content-length"}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(slots=True)
class IndexEntry:
    url: str  # the URL that was requested (the replay key)
    final_url: str
    status: int
    fetched_at: str
    file: str
    offset: int
    length: int
    sha256: str
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


@dataclass(slots=True)
class StoredResponse:
    url: str
    status: int
    headers: dict[str, str]  # lower-case names
    content: bytes


class WarcArchive:
    def __init__(self, root: str | Path, name: str = "fetch") -> None:
        self.root = Path(root)
        self.name = _SAFE_NAME.sub("_", name) or "fetch"
        self._lock = threading.Lock()
        self._index: dict[str, list[IndexEntry]] = {}
        self._load_index()

    @property
    def warc_path(self) -> Path:
        return self.root / f"{self.name}.warc.gz"

    @property
    def index_path(self) -> Path:
        return self.root / f"{self.name}.index.jsonl"

    def _load_index(self) -> None:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("*.index.jsonl")):
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    line = line.strip()
                    if not line:
                        continue
                    try:
                        e = IndexEntry(**json.loads(line))
                    except (TypeError, ValueError):
                        continue  # a torn last line from a killed run: the WARC is still intact
                    self._index.setdefault(e.url, []).append(e)

    def lookup(self, url: str) -> IndexEntry | None:
        """The latest stored final answer for ``url`` (not a 304, a 429 or a 5xx)."""
        for e in reversed(self._index.get(url, [])):
            if e.status != 304 and e.status != 429 and e.status < 500:
                return e
        return None

    def urls(self) -> list[str]:
        return sorted(self._index)

    def load(self, entry: IndexEntry) -> StoredResponse:
        if not isinstance(entry.file, str) or _SAFE_NAME.search(entry.file) or \
                entry.file.startswith("."):
            raise RefusedPath(f"the archive index at {self.root} names {entry.file!r}, not a file "
                              "of this archive; the index is damaged: delete it and re-fetch")
        path = self.root / entry.file
        with open_regular(self.root, entry.file) as fh:
            fh.seek(entry.offset)
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                headers = {k.lower(): v for k, v in record.http_headers.headers}
                body = record.content_stream().read()
                return StoredResponse(entry.final_url, entry.status, headers, body)
        raise FileNotFoundError(f"no response record at {path}:{entry.offset}; the archive is "
                                "damaged: delete its index line or re-fetch")

    def record(self, url: str, final_url: str, status: int, reason: str,
               response_headers: list[tuple[str, str]], body: bytes,
               request_headers: list[tuple[str, str]], method: str = "GET") -> IndexEntry:
        """Append a response and its request; returns the index entry of the response."""
        headers = [(k, v) for k, v in response_headers if k.lower() not in _DROP]
        headers.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{status} {reason or ''}".strip(), headers,
                                        protocol="HTTP/1.1")
        target = final_url or url
        path_qs = target.split("/", 3)[3] if target.count("/") >= 3 else ""
        req_headers = StatusAndHeaders(f"{method} /{path_qs} HTTP/1.1", request_headers,
                                       is_http_request=True)
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.root.mkdir(parents=True, exist_ok=True)
        with self._lock, open(self.root / f"{self.name}.lock", "a") as lockfh:
            fcntl.flock(lockfh, fcntl.LOCK_EX)
            try:
                with self.warc_path.open("ab") as fh:
                    writer = WARCWriter(fh, gzip=True)
                    if fh.tell() == 0:
                        writer.write_record(writer.create_warcinfo_record(
                            self.warc_path.name, {"software": f"therapy-threads/{__version__}",
                                                  "format": "WARC File Format 1.0",
                                                  "description": "raw responses fetched for the "
                                                  "therapy-threads dataset"}))
                    offset = fh.tell()
                    resp = writer.create_warc_record(target, "response",
                                                     payload=io.BytesIO(body),
                                                     http_headers=http_headers)
                    writer.write_record(resp)
                    length = fh.tell() - offset
                    req = writer.create_warc_record(
                        target, "request", payload=io.BytesIO(b""), http_headers=req_headers,
                        warc_headers_dict={"WARC-Concurrent-To":
                                           resp.rec_headers.get_header("WARC-Record-ID")})
                    writer.write_record(req)
                lower = {k.lower(): v for k, v in headers}
                entry = IndexEntry(
                    url=url, final_url=target, status=status, fetched_at=now,
                    file=self.warc_path.name, offset=offset, length=length,
                    sha256=hashlib.sha256(body).hexdigest(), etag=lower.get("etag"),
                    last_modified=lower.get("last-modified"),
                    content_type=lower.get("content-type"))
                with self.index_path.open("a", encoding="utf-8") as ih:
                    ih.write(json.dumps(asdict(entry), sort_keys=True) + "\n")
            finally:
                fcntl.flock(lockfh, fcntl.LOCK_UN)
        self._index.setdefault(url, []).append(entry)
        return entry
