"""A temporary Prefect API server that this process owns, waits for patiently and never orphans.

Prefect's own temporary server waits 20 s by default (too short on a loaded machine: the first
start on a fresh PREFECT_HOME migrates a database), fails with a raw traceback and, when its
parent is killed, keeps running. This starts the same application (``prefect.server.api.server:
create_app`` under uvicorn, UI off) in a child process of our own:

* start-up wait: ``--prefect-timeout`` / ``THERAPY_THREADS_PREFECT_STARTUP_TIMEOUT`` seconds
  (default 600); on failure :class:`PrefectServerError` carries one line that says what to do;
* the child runs in its own process group and watches its parent: if the parent dies (even by
  ``kill -9``) the server exits within a second;
* :func:`managed_api` sets ``PREFECT_API_URL`` for this process and every process it starts
  afterwards (pool workers, Dask workers) and stops the server on the way out.

With ``PREFECT_API_URL`` already set, nothing is started: the build reports to that server.

Run as ``python -m therapy_threads.prefect_server --port N --parent PID`` (internal).
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from typing import Iterator

DEFAULT_STARTUP_TIMEOUT = 600.0
ENV_TIMEOUT = "THERAPY_THREADS_PREFECT_STARTUP_TIMEOUT"
SERVER_MALLOC_ARENAS = "2"
SERVER_QUIET_SERVICES = {
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_LOGGER_ENABLED": "false",
    "PREFECT_SERVER_EVENTS_STREAM_OUT_ENABLED": "false",
}


class PrefectServerError(RuntimeError):
    """The temporary Prefect API server could not be started; the message is one line."""


def startup_timeout(value: float | None = None) -> float:
    if value is not None:
        return float(value)
    raw = os.environ.get(ENV_TIMEOUT)
    if raw:
        try:
            return float(raw)
        except ValueError:
            raise PrefectServerError(f"{ENV_TIMEOUT}={raw!r} is not a number of seconds") from None
    return DEFAULT_STARTUP_TIMEOUT


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


class TemporaryServer:
    """One Prefect API server process owned by this process. Use :meth:`start` / :meth:`stop`."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self.proc: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile(mode="w+b")

    def launch(self) -> "TemporaryServer":
        """Start the process without waiting for it (see :meth:`wait_ready`)."""
        env = dict(os.environ, PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1",
                   PREFECT__SERVER_FINAL="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PREFECT_LOGGING_SERVER_LEVEL="ERROR")
        env.pop("PREFECT_API_URL", None)
        # glibc gives each of uvicorn's and SQLAlchemy's threads its own malloc arena; two arenas
        # keep this idle-most-of-the-time server ~35 MB smaller (227 -> 188 MB PSS measured idle)
        # at no visible cost to a build's few requests per second.
        env.setdefault("MALLOC_ARENA_MAX", SERVER_MALLOC_ARENAS)
        # Services a server that lives for one command has no use for: automations (triggers),
        # storing and logging the event stream, streaming it out. Task and flow run states are
        # still recorded (task-run recorder). A 200-source build's server used 11.8-12.6 CPU s
        # instead of 13.8-14.8 (~10 ms less per task; twice each way, loaded machine); a setting
        # already in the environment wins.
        for name, value in SERVER_QUIET_SERVICES.items():
            env.setdefault(name, value)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "therapy_threads.prefect_server", "--port", str(self.port),
             "--parent", str(os.getpid())],
            env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True)  # its own process group: stopped as a whole
        return self

    def wait_ready(self, timeout: float) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise PrefectServerError(
                    f"the temporary Prefect API server exited (code {self.proc.returncode}) while "
                    f"starting: {self._tail()}; run 'prefect server start' yourself and set PREFECT_API_URL")
            if _healthy(self.api_url):
                return
            time.sleep(0.2)
        self.stop()
        raise PrefectServerError(
            f"the temporary Prefect API server did not answer within {timeout:.0f} s (machine busy?); "
            f"raise the wait with --prefect-timeout or {ENV_TIMEOUT}, or start a server "
            "('prefect server start') and set PREFECT_API_URL")

    def _tail(self) -> str:
        try:
            self._log.seek(0)
            lines = [ln for ln in self._log.read().decode(errors="replace").splitlines() if ln.strip()]
        except (OSError, ValueError):
            return "no output"
        return lines[-1][:300] if lines else "no output"

    def stop(self, grace: float = 5.0) -> None:
        p, self.proc = self.proc, None
        if p is None:
            return
        if p.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(p.pid, signal.SIGTERM)
            try:
                p.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        with contextlib.suppress(OSError):
            self._log.close()


@contextlib.contextmanager
def managed_api(timeout: float | None = None, *, server: TemporaryServer | None = None) -> Iterator[str | None]:
    """Yield the Prefect API URL the build reports to: the configured one, or a temporary
    server started (or, with ``server``, already launched) here and stopped on exit."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield configured
        return
    srv = server or TemporaryServer().launch()
    try:
        srv.wait_ready(startup_timeout(timeout))
        # Processes started from here on (pool and Dask workers) read it from the environment;
        # this process's Prefect settings were fixed at import, so they are updated too.
        os.environ["PREFECT_API_URL"] = srv.api_url
        settings = contextlib.nullcontext()
        if "prefect" in sys.modules:
            from prefect.settings import PREFECT_API_URL, temporary_settings

            settings = temporary_settings(updates={PREFECT_API_URL: srv.api_url})
        with settings:
            yield srv.api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        srv.stop()


# ----------------------------------------------------------------------------- child process

def _watch_parent(parent: int) -> None:
    """Exit the whole server process group as soon as the parent is gone (kill -9 included)."""
    while True:
        if os.getppid() != parent:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(0, signal.SIGKILL)
            os._exit(0)
        time.sleep(0.5)


def _serve(port: int, parent: int) -> None:
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    import uvicorn

    uvicorn.run("prefect.server.api.server:create_app", factory=True, host="127.0.0.1", port=port,
                log_level="error", lifespan="on")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="internal: a temporary Prefect API server")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--parent", type=int, required=True)
    a = ap.parse_args()
    _serve(a.port, a.parent)


__all__ = ["TemporaryServer", "managed_api", "PrefectServerError", "startup_timeout",
           "DEFAULT_STARTUP_TIMEOUT", "ENV_TIMEOUT"]

