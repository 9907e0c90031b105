"""The deployment in prefect.yaml, run the way a maintainer runs it: registered with a Prefect
server, picked up by a real process worker, executed in the worker's own subprocess. It must
complete and write the same tables as the CLI."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_deployment_run_through_a_process_worker_equals_the_cli(test_key, tmp_path, monkeypatch):
    from therapy_threads.prefect_server import TemporaryServer

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))  # a server with a database of its own
    server = TemporaryServer().launch()
    worker = None
    try:
        server.wait_ready(600)
        env = dict(os.environ, PREFECT_API_URL=server.api_url, PREFECT_HOME=str(tmp_path / "home"),
                   THERAPY_THREADS_HOME=str(ROOT), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        run = lambda *a, **k: subprocess.run(a, env=env, capture_output=True, text=True, timeout=600, **k)  # noqa: E731
        r = run(str(BIN / "prefect"), "work-pool", "create", "default", "--type", "process")
        assert r.returncode == 0, r.stdout + r.stderr
        # The deployments of prefect.yaml, registered by flows/deploy.py (`prefect deploy` of
        # Prefect 3.8 asks this server version for online workers with null paging and gets a 422).
        deploy = "from flows.deploy import main; main()\n"
        r = run(sys.executable, "-c", deploy, cwd=ROOT)
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]

        out = tmp_path / "deployed"
        code = (
            "import sys\n"
            "from prefect.deployments import run_deployment\n"
            "fr = run_deployment('therapy-threads-build/rebuild-offline', timeout=0, parameters={"
            f"'sources': {str(ROOT / 'seeds')!r}, 'out': {str(out)!r}, 'key_file': {str(test_key)!r}, "
            f"'archive_dir': {str(tmp_path / 'raw')!r}, 'workers': 1}})\n"
            "print(fr.id)\n")
        r = run(sys.executable, "-c", code)
        assert r.returncode == 0, r.stderr[-3000:]
        flow_run_id = r.stdout.strip().splitlines()[-1]
        worker = subprocess.Popen([str(BIN / "prefect"), "worker", "start", "--pool", "default", "--type", "process"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True, cwd=tmp_path)
        state = _wait_final(env, flow_run_id, timeout=1500)
        assert state == "COMPLETED", state

        cli = tmp_path / "cli"
        r = run(str(BIN / "therapy-threads"), "build", "--sources", str(ROOT / "seeds"), "--out", str(cli),
                "--key-file", str(test_key), "--workers", "1", "--quiet")
        assert r.returncode == 0, r.stderr[-3000:]
        for name in ("posts.parquet", "comments.parquet", "quarantine.parquet"):
            assert _sha(out / name) == _sha(cli / name), name
        assert (out / "validation" / "summary.json").is_file()
    finally:
        if worker is not None:
            os.killpg(worker.pid, 9)
            worker.wait()
        server.stop()


def _wait_final(env: dict, flow_run_id: str, timeout: float) -> str:
    code = (
        "import sys\n"
        "from prefect import get_client\n"
        "with get_client(sync_client=True) as c:\n"
        f"    print(c.read_flow_run('{flow_run_id}').state.type.value)\n")
    deadline = time.time() + timeout
    state = ""
    while time.time() < deadline:
        r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        state = (r.stdout.strip().splitlines() or [""])[-1]
        if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
            return state
        time.sleep(5)
    return f"timed out in state {state}"
