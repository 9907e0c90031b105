"""A threaded HTTP server on 127.0.0.1 (port 0) for tests: the one place that starts and stops it."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A handler for test sites: no request log on stderr, and one call for a whole answer."""

    def reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def start(handler) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``handler`` on a free loopback port in a daemon thread; returns (server, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def stop(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


@contextmanager
def serving(handler) -> Iterator[tuple[ThreadingHTTPServer, str]]:
    server, base = start(handler)
    try:
        yield server, base
    finally:
        stop(server)
