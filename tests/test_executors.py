"""Where steps run: a slow source fails alone at its deadline, worker processes never outlive
the build, retries happen only for transient errors."""
from __future__ import annotations

import os
import time

import pytest

from therapy_threads.builder import run_steps
from therapy_threads.executors import LocalExecutor, SourceTimeout


def _work(x: float) -> float:
    time.sleep(x)
    return x


def _pid(_: int) -> int:
    return os.getpid()


def test_a_slow_source_fails_alone_and_never_holds_the_others():
    with LocalExecutor(2, deadline=2) as ex:
        t0 = time.monotonic()
        got = {}
        for label, res, err in run_steps(ex, "extract",
                                         [("slow", _work, (30,))] + [(f"s{i}", _work, (0.1,)) for i in range(6)],
                                         deadline=2):
            got[label] = (res, err, time.monotonic() - t0)
    assert isinstance(got["slow"][1], SourceTimeout)
    assert all(got[f"s{i}"][0] == 0.1 and got[f"s{i}"][1] is None for i in range(6))
    # the quick ones finished before the slow one was cut off; no wall-clock bound beyond that
    # (SourceTimeout already says it was cut off: on a loaded shared machine a fixed bound flakes)
    assert max(got[f"s{i}"][2] for i in range(6)) < got["slow"][2]


def test_a_step_stuck_in_this_process_is_given_up_after_its_deadline(monkeypatch):
    import therapy_threads.builder as b

    monkeypatch.setattr(b, "_GRACE", 0.5)
    with LocalExecutor(1, deadline=1) as ex:  # in-process: no SIGALRM, the builder gives up
        got = {label: err for label, _, err in run_steps(ex, "extract", [("stuck", _work, (30,)),
                                                                         ("ok", _work, (0,))], deadline=1)}
    assert isinstance(got["stuck"], TimeoutError) and got["ok"] is None


def test_workers_exit_when_their_parent_is_killed(tmp_path):
    """kill -9 of the build process leaves no pool worker behind."""
    import subprocess
    import sys
    import textwrap

    import psutil

    code = textwrap.dedent("""
        import os, time
        from therapy_threads.executors import LocalExecutor
        def pid(_):
            return os.getpid()
        if __name__ == "__main__":
            ex = LocalExecutor(2)
            pids = {ex.submit("extract", pid, i).result() for i in range(8)}
            print(" ".join(map(str, pids)), flush=True)
            time.sleep(120)
    """)
    script = tmp_path / "parent.py"
    script.write_text(code)
    p = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [int(x) for x in p.stdout.readline().split()]
    assert workers and all(psutil.pid_exists(w) for w in workers)
    workers += [c.pid for c in psutil.Process(p.pid).children(recursive=True)]  # the fork server too
    p.kill()
    p.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(psutil.pid_exists(w) and psutil.Process(w).status() != "zombie"
                                         for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if psutil.pid_exists(w) and psutil.Process(w).status() != "zombie"]


@pytest.mark.parametrize("exc, transient", [
    ("FetchError('https://x.test/p answered HTTP 404; check the URL in the manifest')", False),
    ("FetchError('https://x.test/p answered HTTP 503; try later')", True),
    ("RobotsDisallowed('robots.txt of x.test disallows https://x.test/p')", False),
    ("NotInArchive('not archived')", False),
    ("ValueError('checksum mismatch for data/comments.parquet')", False),
    ("httpx.ReadTimeout('timed out')", True),
    ("ConnectionResetError('reset by peer')", True),
    ("FileNotFoundError('nope.txt')", False),
])
def test_only_transient_errors_are_retried(exc, transient):
    import httpx  # noqa: F401 - used by eval

    from therapy_threads.fetch.client import FetchError, NotInArchive, RobotsDisallowed  # noqa: F401
    from therapy_threads.materialise import is_transient

    assert is_transient(eval(exc)) is transient


def test_prefect_retries_a_503_but_not_a_404(prefect_harness):
    from prefect import flow, task

    from therapy_threads.fetch.client import FetchError
    from therapy_threads.materialise import retry_if_transient

    calls = {"404": 0, "503": 0}

    @task(retries=3, retry_delay_seconds=0, retry_condition_fn=retry_if_transient)
    def fetch(code: str) -> str:
        calls[code] += 1
        if code == "503" and calls[code] < 3:
            raise FetchError(f"https://x.test/ answered HTTP {code}")
        if code == "404":
            raise FetchError(f"https://x.test/ answered HTTP {code}")
        return "ok"

    @flow
    def f() -> tuple:
        a = fetch("503")
        try:
            fetch("404")
        except FetchError:
            pass
        return a

    assert f() == "ok"
    assert calls == {"503": 3, "404": 1}


def _preloaded(_: int) -> tuple[bool, bool]:
    import gc
    import sys

    return "therapy_threads.worker_preload" in sys.modules, gc.get_freeze_count() > 0


def test_extraction_workers_start_with_the_models_loaded_and_frozen():
    # forked from the preloaded fork server: word lists and models are shared pages, not per worker
    with LocalExecutor(2) as ex:
        got = {ex.submit("extract", _preloaded, i).result() for i in range(4)}
    assert got == {(True, True)}


def _arrow_arenas(_: int) -> tuple[str | None, int]:
    """The worker's Arrow pool setting and how many 1 GiB anonymous mappings (mimalloc's arenas) it
    has after writing a Parquet file."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"a": [str(i) * 40 for i in range(50_000)]}), io.BytesIO())
    gib = 0
    with open("/proc/self/maps") as f:
        for line in f:
            a, b = (int(x, 16) for x in line.split()[0].split("-"))
            gib += b - a == 1 << 30
    return os.environ.get("ARROW_DEFAULT_MEMORY_POOL"), gib


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="Linux only")
def test_extraction_workers_keep_arrow_off_mimalloc():
    # pa.set_memory_pool does not reach Arrow's C++ default pool: the Parquet writer kept growing a
    # worker's mimalloc arena; the fork server sets the environment before pyarrow loads
    before = os.environ.get("ARROW_DEFAULT_MEMORY_POOL")
    with LocalExecutor(2) as ex:
        got = {ex.submit("extract", _arrow_arenas, i).result() for i in range(2)}
    assert got == {("system", 0)}
    assert os.environ.get("ARROW_DEFAULT_MEMORY_POOL") == before  # the build's own process keeps its pool


def _pid(_: int) -> int:
    return os.getpid()


def test_validation_runs_in_one_worker_process_by_default():
    # each GX validation worker is a few hundred MB: one keeps a build's tree under 1 GB
    with LocalExecutor(2) as ex:
        pids = {ex.submit("validate", _pid, i).result() for i in range(6)}
    assert len(pids) == 1 and os.getpid() not in pids
    with LocalExecutor(2, step_workers={}) as ex:
        futs = [ex.submit("validate", time.sleep, 0.5) for _ in range(2)]
        assert ex._pools["validate"]._max_workers == 2
        for f in futs:
            f.result()


class _CountingExecutor:
    """Runs each job on a thread; records how many were unfinished at once and the batches."""

    def __init__(self, batch: int = 1):
        import threading

        self.batch, self.batches, self.unfinished, self.most = batch, [], 0, 0
        self._lock = threading.Lock()

    def batch_size(self, step):
        return self.batch

    def _one(self, fn, args):
        import concurrent.futures as cf
        import threading

        fut = cf.Future()
        with self._lock:
            self.unfinished += 1
            self.most = max(self.most, self.unfinished)

        def run():
            try:
                r = fn(*args)
            except BaseException as e:  # noqa: BLE001
                with self._lock:
                    self.unfinished -= 1
                fut.set_exception(e)
            else:
                with self._lock:
                    self.unfinished -= 1
                fut.set_result(r)
        threading.Thread(target=run, daemon=True).start()
        return fut

    def submit(self, step, fn, *args, label=""):
        self.batches.append([label])
        return self._one(fn, args)

    def submit_batch(self, step, calls):
        self.batches.append([label for label, _, _ in calls])
        return [self._one(fn, args) for _, fn, args in calls]

    def close_step(self, step, *, kill=False):
        pass


def _fail_on_3(x: float) -> float:
    if x == 3:
        raise ValueError("three")
    time.sleep(0.01)
    return x


@pytest.mark.parametrize("batch", [1, 3])
def test_jobs_are_submitted_a_window_at_a_time_and_each_gets_its_own_result(batch):
    """A plan's sources are not all handed to the orchestrator at once (its memory would grow with
    the plan), batches keep one result and one error per job."""
    ex = _CountingExecutor(batch)
    jobs = [(f"s{i}", _fail_on_3, (i,)) for i in range(40)]
    got = {label: (res, err) for label, res, err in run_steps(ex, "extract", jobs, deadline=None, ahead=7)}
    assert set(got) == {f"s{i}" for i in range(40)}
    assert isinstance(got["s3"][1], ValueError)
    assert all(got[f"s{i}"] == (i, None) for i in range(40) if i != 3)
    assert ex.most <= max(7, 2 * batch)
    assert all(len(b) <= batch for b in ex.batches) and sum(map(len, ex.batches)) == 40
    assert len(ex.batches) == -(-40 // batch)  # full batches, not one per refill


def _pid_after(x: float) -> int:
    time.sleep(x)
    return os.getpid()


def _die(_: int) -> int:
    os._exit(3)


def test_extraction_workers_are_replaced_after_some_jobs_and_never_more_than_two_run():
    # a long build's workers would grow with the sources they read: fresh ones every few jobs
    with LocalExecutor(2, recycle_every=4) as ex:
        futs = [ex.submit("extract", _pid_after, 0.05) for _ in range(12)]
        most = 0
        while not all(f.done() for f in futs):
            most = max(most, sum(1 for f in futs if f.running()))
            time.sleep(0.01)
        pids = [f.result() for f in futs]
        assert ex._pools["extract"].pools_started == 3
    assert len(set(pids)) >= 3 and most <= 2
    assert all(set(pids[i:i + 4]).isdisjoint(pids[i + 4:]) for i in (0, 4))  # each pool's workers are new


def test_a_dead_extraction_worker_fails_its_jobs_and_the_next_ones_get_a_new_pool():
    with LocalExecutor(2, recycle_every=100) as ex:
        bad = ex.submit("extract", _die, 0)
        with pytest.raises(Exception):
            bad.result(timeout=60)
        time.sleep(0.5)
        assert all(isinstance(ex.submit("extract", _pid_after, 0).result(timeout=60), int) for _ in range(3))
