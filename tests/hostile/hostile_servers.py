"""Misbehaving HTTP servers on 127.0.0.1 for the hostile-input suite.

One server, many behaviours: ``routes`` maps a path (without query) to a behaviour, a callable
that writes a raw response on the handler's socket. Paths not routed are served from
``directory`` (a registry folder) when one is given. Behaviours that never end (trickle,
endless bodies) stop as soon as the client hangs up.
"""
from __future__ import annotations

import gzip
import os
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import loopback

Behaviour = Callable[[BaseHTTPRequestHandler], None]


class Hostile:
    def __init__(self, directory: Path | None = None) -> None:
        self.routes: dict[str, Behaviour] = {}
        self.hits: Counter[str] = Counter()
        self.directory = directory
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                path = self.path.split("?")[0]
                server.hits[path] += 1
                behaviour = server.routes.get(path)
                try:
                    if behaviour is not None:
                        behaviour(self)
                    elif server.directory is not None:
                        serve_file(self, server.directory, path)
                    else:
                        plain(404, b"not found")(self)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
                    self.close_connection = True

            def handle(self) -> None:
                try:
                    super().handle()
                except OSError:  # the client hung up, as clients of these servers should
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server, self.base = loopback.start(Handler)
        self.port = self.server.server_address[1]

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        loopback.stop(self.server)


def _head(h: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
    h.send_response(status)
    for k, v in headers.items():
        h.send_header(k, v)
    h.end_headers()


def plain(status: int, body: bytes, headers: dict[str, str] | None = None) -> Behaviour:
    def go(h: BaseHTTPRequestHandler) -> None:
        _head(h, status, {"Content-Length": str(len(body)), **(headers or {})})
        h.wfile.write(body)
    return go


def serve_file(h: BaseHTTPRequestHandler, root: Path, path: str) -> None:
    p = (root / path.lstrip("/")).resolve()
    if not str(p).startswith(str(root.resolve())) or not p.is_file():
        plain(404, b"not found")(h)
        return
    plain(200, p.read_bytes())(h)


def redirect(location: str, status: int = 302) -> Behaviour:
    return plain(status, b"", {"Location": location})


def trickle_body(interval: float, size: int = 100_000, byte: bytes = b"x") -> Behaviour:
    """Announce ``size`` bytes, then send one byte every ``interval`` seconds, forever."""
    def go(h: BaseHTTPRequestHandler) -> None:
        _head(h, 200, {"Content-Length": str(size), "Content-Type": "text/html"})
        h.wfile.flush()
        for _ in range(size):
            h.wfile.write(byte)
            h.wfile.flush()
            time.sleep(interval)
    return go


def trickle_headers(interval: float) -> Behaviour:
    """The status line, then one header byte every ``interval`` seconds: headers never end."""
    def go(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        h.wfile.flush()
        while True:
            h.wfile.write(b"X")
            h.wfile.flush()
            time.sleep(interval)
    return go


def endless(chunk: bytes = b"<p>" + b"a" * 65533, announce: int | None = None,
            prefix: bytes = b"") -> Behaviour:
    """A body that never ends: chunked, or with a huge Content-Length (e.g. 4 GiB)."""
    def go(h: BaseHTTPRequestHandler) -> None:
        if announce is not None:
            _head(h, 200, {"Content-Length": str(announce), "Content-Type": "text/html"})
            h.wfile.write(prefix)
            while True:
                h.wfile.write(chunk)
        _head(h, 200, {"Transfer-Encoding": "chunked", "Content-Type": "application/json"})
        if prefix:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(prefix), prefix))
        while True:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    return go


_BOMBS: dict[int, bytes] = {}
_BOMB_LOCK = threading.Lock()


def bomb_bytes(decompressed: int) -> bytes:
    """gzip of ``decompressed`` zero bytes (1 GiB -> about 1 MB), made once per size."""
    with _BOMB_LOCK:
        if decompressed not in _BOMBS:
            c = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
            block = bytes(1 << 20)
            parts = [c.compress(block) for _ in range(decompressed >> 20)]
            parts.append(c.flush())
            _BOMBS[decompressed] = b"".join(parts)
        return _BOMBS[decompressed]


def gzip_bomb(decompressed: int) -> Behaviour:
    # Compressed now, not in the handler: on a loaded machine compressing 64 MiB inside the
    # request would eat the client's short test deadline and end in a timeout, not the limit.
    body = bomb_bytes(decompressed)

    def go(h: BaseHTTPRequestHandler) -> None:
        _head(h, 200, {"Content-Length": str(len(body)), "Content-Encoding": "gzip",
                       "Content-Type": "text/html"})
        h.wfile.write(body)
    return go


def gzipped(body: bytes) -> Behaviour:
    data = gzip.compress(body)
    return plain(200, data, {"Content-Encoding": "gzip", "Content-Type": "text/html"})


def slow(behaviour: Behaviour, delay: float) -> Behaviour:
    """Wait ``delay`` seconds, then behave."""
    def go(h: BaseHTTPRequestHandler) -> None:
        time.sleep(delay)
        behaviour(h)
    return go


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
