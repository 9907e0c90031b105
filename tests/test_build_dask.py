"""Scale-out path: the same build on Dask workers through Prefect's DaskTaskRunner (prefect-dask)."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "therapy-threads"
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_dask_runner_gives_the_same_tables_as_the_local_runner(tmp_path, test_key):
    """Extraction, per-source validation and the per-source audit all run as tasks on a Dask
    LocalCluster of two worker processes; the tables and verdicts equal the local runner's."""
    import json

    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)  # each CLI run starts (and stops) its own temporary server
    local, dask = tmp_path / "local", tmp_path / "dask"
    common = ["--sources", str(ROOT / "seeds"), "--key-file", str(test_key), "--quiet"]
    r1 = _cli("build", "--out", str(local), "--workers", "1", *common, env=env)
    assert r1.returncode == 0, r1.stderr[-2000:]
    r2 = _cli("build", "--out", str(dask), "--runner", "dask", "--workers", "2", *common, env=env)
    assert r2.returncode == 0, r2.stderr[-2000:]
    for d in (local, dask):
        v = json.loads((d / "validation" / "summary.json").read_text())
        assert v["success"] is True and v["run"]["fragments_validated"] == 5
    a = json.loads((local / "validation" / "privacy_audit.json").read_text())
    b = json.loads((dask / "validation" / "privacy_audit.json").read_text())
    assert {k: v for k, v in a.items() if k != "run"} == {k: v for k, v in b.items() if k != "run"}
    for name in ("posts.parquet", "comments.parquet", "quarantine.parquet", "furniture.parquet"):
        a = hashlib.sha256((local / name).read_bytes()).hexdigest()
        b = hashlib.sha256((dask / name).read_bytes()).hexdigest()
        assert a == b, name
