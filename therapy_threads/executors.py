"""Where the build's steps run: in this process, or in worker processes that cannot outlive it.

:func:`therapy_threads.pipeline.build` submits three kinds of step and waits on
``concurrent.futures.Future`` objects:

* ``fetch``    network I/O (URL sources): daemon threads of this process, so the per-host rate
  limit is shared and a stuck connection can never keep the process alive at exit;
* ``extract``  read + anonymise + audit one source: worker processes forked from a fork server
  that loaded the word lists and models once (``worker_preload``: their pages are shared), each
  loading the key and policy once;
* ``validate`` Great Expectations over a group of new fragments: a second pool, started only
  after the extraction pool has exited, so the two memory footprints never add up.

Worker processes watch their parent and exit when it is gone (``kill -9`` of a build leaves
nothing running); each job runs under a per-source deadline (``SIGALRM`` in the worker), so one
slow source fails on its own and never holds the others. The Prefect flow wraps this executor
(``flows/build.py``); a Dask cluster replaces it there.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import queue
import signal
import threading
import time
from typing import Any, Callable

STEPS = ("fetch", "extract", "validate")
# Worker processes per step where it differs from ``workers``. A Great Expectations validation
# worker is ~260 MB of GX and pandas before its batch (≤ 64k rows, ~200 MB more at its peak);
# two of them next to the CLI and the Prefect server took the 1M-comment build to 1.35-1.42 GB
# (PSS), one keeps it under 1 GB. Validation is a small share of a build's CPU.
STEP_WORKERS = {"validate": 1}


class SourceTimeout(Exception):
    """A step went past its deadline."""


# ----------------------------------------------------------------------------- worker side

def _watch_parent(parent: int) -> None:
    # The immediate parent is the build itself, or the fork server it started (extraction).
    first = os.getppid()
    while os.getppid() == first and _alive(parent):
        time.sleep(0.5)
    os._exit(1)  # the build that started us is gone: never linger as an orphan


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _context(step: str) -> Any:
    """How worker processes start. Never fork the build itself: it runs Prefect's client and
    event loop in threads. Extraction workers fork from a fork server that has imported
    :mod:`therapy_threads.worker_preload` (models and word lists loaded once, pages shared);
    the others are spawned."""
    if step == "extract" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["therapy_threads.worker_preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def _stop_fork_server() -> None:
    """The fork server holds a copy of the models: stop it with the extraction step, so later
    steps do not carry it (a later extraction starts a new one)."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        with contextlib.suppress(Exception):
            stop()


def _init_worker(parent: int, init: Callable[..., None] | None, init_args: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()
    if init is not None:
        init(*init_args)


def _alarm(signum: int, frame: Any) -> None:
    raise SourceTimeout("went past its deadline")


def run_with_deadline(seconds: float | None, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``, interrupted with :class:`SourceTimeout` after ``seconds`` (main thread of a
    worker process only; elsewhere the caller's own timeout applies)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        return fn(*args)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# ----------------------------------------------------------------------------- executors

class _DaemonThreads:
    """A minimal thread pool of daemon threads (concurrent.futures joins its threads at exit)."""

    def __init__(self, n: int):
        self._q: queue.SimpleQueue = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._loop, daemon=True, name=f"fetch-{i}")
                         for i in range(n)]
        for t in self._threads:
            t.start()

    def _loop(self) -> None:
        while True:
            item = self._q.get()
            if item is None:
                return
            fut, fn, args = item
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(*args))
            except BaseException as e:  # noqa: BLE001 - handed to the waiting caller
                fut.set_exception(e)

    def submit(self, fn: Callable[..., Any], *args: Any) -> cf.Future:
        fut: cf.Future = cf.Future()
        self._q.put((fut, fn, args))
        return fut

    def shutdown(self) -> None:
        for _ in self._threads:
            self._q.put(None)


class LocalExecutor:
    """Steps on this machine: ``workers`` processes per CPU step (1 = in this process)."""

    def __init__(self, workers: int | None = None, *, deadline: float | None = None,
                 worker_init: Callable[..., None] | None = None, worker_init_args: tuple = (),
                 fetch_threads: int = 4, step_workers: dict[str, int] | None = None):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.step_workers = dict(STEP_WORKERS if step_workers is None else step_workers)
        self.deadline = deadline
        self._init = (worker_init, worker_init_args)
        self._fetch_threads = fetch_threads
        self._pools: dict[str, Any] = {}
        self._inline: set[str] = set()
        self._lock = threading.Lock()

    def expect(self, step: str, jobs: int) -> None:
        """Told how many jobs a step will get: one job runs on a thread of this process rather
        than paying for a worker process to start (and to load models) for it."""
        if jobs <= 1 and step != "fetch":
            self._inline.add(step)
        else:
            self._inline.discard(step)

    # -- pools
    def _pool(self, step: str):
        with self._lock:
            pool = self._pools.get(step)
            if pool is None:
                if step == "fetch":
                    pool = _DaemonThreads(self._fetch_threads)
                elif step in self._inline or self.workers == 1:
                    pool = _DaemonThreads(1)
                else:
                    init, args = self._init if step == "extract" else (None, ())
                    pool = cf.ProcessPoolExecutor(
                        max_workers=max(1, min(self.workers, self.step_workers.get(step, self.workers))),
                        mp_context=_context(step),
                        initializer=_init_worker, initargs=(os.getpid(), init, args))
                self._pools[step] = pool
            return pool

    def submit(self, step: str, fn: Callable[..., Any], *args: Any, label: str = "") -> cf.Future:
        if step not in STEPS:
            raise ValueError(f"unknown step {step!r}")
        pool = self._pool(step)
        if isinstance(pool, _DaemonThreads):  # the builder gives up on it after its deadline
            return pool.submit(fn, *args)
        return pool.submit(run_with_deadline, self.deadline, fn, *args)

    def close_step(self, step: str, *, kill: bool = False) -> None:
        """The step is over: let its workers exit (their memory is returned before the next);
        with ``kill``, terminate workers still busy with an abandoned job."""
        with self._lock:
            pool = self._pools.pop(step, None)
        if pool is not None:
            self._stop(pool, kill)
            if step == "extract" and isinstance(pool, cf.ProcessPoolExecutor):
                _stop_fork_server()

    def shutdown(self, *, kill: bool = False) -> None:
        """Stop every pool; with ``kill``, terminate workers still busy (hung sources)."""
        with self._lock:
            pools, self._pools = self._pools, {}
        for pool in pools.values():
            self._stop(pool, kill)
        if any(isinstance(p, cf.ProcessPoolExecutor) for p in pools.values()):
            _stop_fork_server()

    @staticmethod
    def _stop(pool: Any, kill: bool) -> None:
        if not isinstance(pool, cf.ProcessPoolExecutor):
            pool.shutdown()
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())
        if kill:
            for p in procs:
                with contextlib.suppress(Exception):
                    p.kill()
        pool.shutdown(wait=not kill, cancel_futures=True)
        for p in procs:
            with contextlib.suppress(Exception):
                p.join(5)

    def __enter__(self) -> "LocalExecutor":
        return self

    def __exit__(self, exc_type, *exc: object) -> None:
        self.shutdown(kill=exc_type is not None)


__all__ = ["LocalExecutor", "SourceTimeout", "run_with_deadline", "STEPS"]
