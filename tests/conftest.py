"""Shared fixtures. Prefect starts a temporary API server per process (~15 s here): one per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# No test may reach the internet, send analytics or read a user's real key.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")

# The anonymiser kind tests' shared runner (tests/_kinds.py) asserts for them: its failures are
# explained as a test module's are.
pytest.register_assert_rewrite("_kinds")


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One temporary Prefect API server (SQLite) for every flow test in the session."""
    from prefect.testing.utilities import prefect_test_harness

    storage = tmp_path_factory.mktemp("prefect-results")
    os.environ["PREFECT_RESULTS_LOCAL_STORAGE_PATH"] = str(storage)
    from prefect.testing import utilities as harness

    with prefect_test_harness(server_startup_timeout=int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600"))):
        yield
        if not _drain_prefect_queues(timeout=60):
            # The harness then drains again with no time limit; events queued for a server that
            # a test has already stopped cost ~60 s each to fail, which hung a session's teardown
            # for over 20 minutes (see PrefectHQ/prefect#19343 and opsmill/infrahub#10541).
            # What is left is telemetry of finished tests: skip the unbounded drain.
            harness.run_coro_as_sync = _close_unawaited


def _drain_prefect_queues(timeout: float) -> bool:
    """Send the queued Prefect events and logs, waiting at most ``timeout`` s; True if all went."""
    import logging

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    # pytest has closed the captured streams by now: progress warnings would print logging errors
    logging.getLogger("prefect").setLevel(logging.ERROR)
    pending = set()
    for service in (APILogWorker, EventsWorker):
        _done, not_done = service.drain_all(timeout=timeout, at_exit=False)
        pending |= not_done
    return not pending


def _close_unawaited(coro, *args, **kwargs):
    coro.close()


@pytest.fixture(scope="session")
def test_key(tmp_path_factory) -> Path:
    """A pseudonym key created for the test session only (never the user's key)."""
    from helpers_build import TEST_KEY

    d = tmp_path_factory.mktemp("key")
    p = d / "pseudonym.key"
    p.write_text(TEST_KEY.hex() + "\n")
    p.chmod(0o600)
    return p


@pytest.fixture(scope="session", autouse=True)
def _session_key(test_key):
    """Every command that looks for the default key finds the session's test key, never a user's
    (tests about other keys or no key set their own environment with monkeypatch)."""
    saved = {k: os.environ.pop(k, None) for k in ("THERAPY_THREADS_KEY", "THERAPY_THREADS_KEY_FILE")}
    os.environ["THERAPY_THREADS_KEY_FILE"] = str(test_key)
    yield
    os.environ.pop("THERAPY_THREADS_KEY_FILE", None)
    for k, v in saved.items():
        if v is not None:
            os.environ[k] = v
