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

import collections
import concurrent.futures as cf
import concurrent.futures.process  # noqa: F401 - cf.process.BrokenProcessPool
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


class _RecycledPool:
    """Worker processes that are replaced by fresh ones after ``every`` jobs.

    An extraction worker's heap grows slowly with the sources it has read (allocator
    fragmentation, memoised look-ups, the NER vocabulary; ~30 MB per 200 sources measured), so a
    long build's workers would outgrow any fixed memory budget. Here at most ``workers`` jobs are
    in the process pool at a time (the rest wait in this object, not in the pool's queue), and
    after ``every`` jobs the pool is let finish its last ones, shut down, and a new one forked
    from the fork server takes the next jobs (its workers start at the models' shared size; a
    fresh worker loads its key and policy in ~0.05 CPU s). Futures are marked running when their
    job enters the pool, so a builder's deadline counts from then.
    """

    def __init__(self, make: Callable[[], cf.ProcessPoolExecutor], workers: int, every: int):
        self._make = make
        self._workers = max(1, workers)
        self._every = max(1, every)
        self._lock = threading.Lock()
        self._waiting: "collections.deque[tuple[cf.Future, Callable[..., Any], tuple]]" = collections.deque()
        self._pool: cf.ProcessPoolExecutor | None = None
        self._retired: list[cf.ProcessPoolExecutor] = []
        self._inflight = 0
        self._fed = 0
        self._closed = False
        self.pools_started = 0

    @property
    def _processes(self) -> dict:
        procs: dict = {}
        for pool in [*self._retired, self._pool]:
            procs.update(getattr(pool, "_processes", None) or {})
        return procs

    def submit(self, fn: Callable[..., Any], *args: Any) -> cf.Future:
        out: cf.Future = cf.Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot submit after shutdown")
            self._waiting.append((out, fn, args))
        self._feed()
        return out

    def _feed(self) -> None:
        started: list[tuple[cf.Future, cf.Future]] = []
        with self._lock:
            while self._waiting and self._inflight < self._workers and not self._closed:
                if self._pool is not None and self._fed >= self._every:
                    if self._inflight:
                        break  # the old workers finish their last jobs first: never two sets at once
                    self._pool.shutdown(wait=False)  # idle: its workers exit now
                    self._retired = [p for p in self._retired if any(
                        x.is_alive() for x in (getattr(p, "_processes", None) or {}).values())] + [self._pool]
                    self._pool = None
                if self._pool is None:
                    self._pool = self._make()
                    self._fed = 0
                    self.pools_started += 1
                out, fn, args = self._waiting.popleft()
                if not out.set_running_or_notify_cancel():
                    continue
                try:
                    f = self._pool.submit(fn, *args)
                except BaseException as e:  # noqa: BLE001 - a broken pool fails this job; the next pool is fresh
                    out.set_exception(e)
                    self._fed = self._every
                    continue
                self._inflight += 1
                self._fed += 1
                started.append((out, f))
        for out, f in started:  # outside the lock: a finished job calls back at once
            f.add_done_callback(lambda f, out=out: self._done(out, f))

    def _done(self, out: cf.Future, f: cf.Future) -> None:
        with self._lock:
            self._inflight -= 1
        if f.cancelled():
            out.set_exception(cf.CancelledError())
        elif f.exception() is not None:
            if isinstance(f.exception(), cf.process.BrokenProcessPool):
                with self._lock:
                    self._fed = self._every  # a worker died: the next jobs get a new pool
            out.set_exception(f.exception())
        else:
            out.set_result(f.result())
        self._feed()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            waiting, self._waiting = list(self._waiting), collections.deque()
            pools = [*self._retired, *([self._pool] if self._pool is not None else [])]
        for out, _fn, _args in waiting:
            if cancel_futures:
                out.cancel()
            else:
                with contextlib.suppress(cf.InvalidStateError):
                    out.set_exception(RuntimeError("the pool was shut down before this job started"))
        for pool in pools:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)


# Jobs per extraction pool before its workers are replaced (see _RecycledPool): ~50 sources per
# worker with two workers.
RECYCLE_EVERY = 100


_PROCESS_POOLS = (cf.ProcessPoolExecutor, _RecycledPool)


class LocalExecutor:
    """Steps on this machine: ``workers`` processes per CPU step (1 = in this process)."""

    def __init__(self, workers: int | None = None, *, deadline: float | None = None,
                 worker_init: Callable[..., None] | None = None, worker_init_args: tuple = (),
                 fetch_threads: int = 4, step_workers: dict[str, int] | None = None,
                 recycle_every: int = RECYCLE_EVERY):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.recycle_every = recycle_every
        self.step_workers = dict(STEP_WORKERS if step_workers is None else step_workers)
        self.deadline = deadline
        self._init = (worker_init, worker_init_args)
        self._fetch_threads = fetch_threads
        self._pools: dict[str, Any] = {}
        self._inline: set[str] = set()
        self._lock = threading.Lock()

    # Steps whose single job runs on a thread of this process. Not extraction: its models and
    # word lists (~110 MB) would stay in the build process for the rest of the build, next to
    # assembly and the gate (a re-run with one new source of a 10,000-source build peaked at
    # 764 MB that way, 588 MB without the new source); a worker forked from the fork server loads
    # them for about the same CPU and gives them back when the step ends. Validation's Great
    # Expectations is loaded here by the gate anyway.
    INLINE_STEPS = frozenset({"validate"})

    def expect(self, step: str, jobs: int) -> None:
        """Told how many jobs a step will get: one validation job runs on a thread of this
        process rather than paying for a worker process to start for it."""
        if jobs <= 1 and step in self.INLINE_STEPS:
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
                    n = max(1, min(self.workers, self.step_workers.get(step, self.workers)))

                    def make(n=n, init=init, args=args) -> cf.ProcessPoolExecutor:
                        return cf.ProcessPoolExecutor(max_workers=n, mp_context=_context(step),
                                                      initializer=_init_worker, initargs=(os.getpid(), init, args))

                    pool = _RecycledPool(make, n, self.recycle_every) if step == "extract" else make()
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
            if step == "extract" and isinstance(pool, _PROCESS_POOLS):
                _stop_fork_server()

    def shutdown(self, *, kill: bool = False) -> None:
        """Stop every pool; with ``kill``, terminate workers still busy (hung sources)."""
        with self._lock:
            pools, self._pools = self._pools, {}
        for pool in pools.values():
            self._stop(pool, kill)
        if any(isinstance(p, _PROCESS_POOLS) for p in pools.values()):
            _stop_fork_server()

    @staticmethod
    def _stop(pool: Any, kill: bool) -> None:
        if not isinstance(pool, _PROCESS_POOLS):
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
