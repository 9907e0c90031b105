"""Hub failures end in one clear line with the next step, never a traceback (issue 14, item 7)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from helpers_build import FakeHfApi, make_build
from therapy_threads.cli import main
from therapy_threads.publish import hub as hub_mod
from therapy_threads.publish.download import download
from therapy_threads.publish.hub_failures import HubError


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _cli(*args, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "therapy_threads.cli", *args],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


@pytest.mark.parametrize("version", ["latest", "1.0.0"])
def test_download_without_network(version, tmp_path):
    # HF_ENDPOINT on a closed loopback port: every connection is refused, as with no network.
    p = _cli("download", version, "--from", "hf://owner/tt", "--to", str(tmp_path / "x"),
             HF_HUB_OFFLINE="0", HF_ENDPOINT=f"http://127.0.0.1:{_closed_port()}",
             HF_HUB_ETAG_TIMEOUT="2", HF_HUB_DOWNLOAD_TIMEOUT="2")
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    last = p.stderr.strip().splitlines()[-1]
    assert last.startswith("therapy-threads download: error: could not reach the Hugging Face "
                           "Hub to download hf://owner/tt")
    assert "check the network" in last
    assert not (tmp_path / "x").exists()


def test_download_in_offline_mode(tmp_path):
    p = _cli("download", "latest", "--from", "hf://owner/tt", HF_HUB_OFFLINE="1")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.strip().splitlines() == [
        "therapy-threads download: error: cannot download hf://owner/tt: HF_HUB_OFFLINE is set; "
        "unset it, or use a local copy (--from a release folder)"]


class _Raising:
    def __init__(self, exc):
        self.exc = exc

    def list_repo_refs(self, *a, **kw):
        raise self.exc


def _http_error(cls, code):
    import httpx2

    resp = httpx2.Response(code, request=httpx2.Request("GET", "https://huggingface.co/api/x"))
    return cls(f"HTTP {code}", response=resp)


def test_hub_answers_become_clear_errors(tmp_path):
    from huggingface_hub import errors as hf

    cases = [
        (_http_error(hf.RepositoryNotFoundError, 404), "was not found, or this token cannot see "
                                                       "it", False),
        (_http_error(hf.GatedRepoError, 403), "is gated: request access on "
                                              "https://huggingface.co/datasets/owner/tt", False),
        (_http_error(hf.HfHubHTTPError, 503), "answered HTTP 503", True),
        (_http_error(hf.HfHubHTTPError, 401), "set HF_TOKEN", False),
        (ConnectionError("reset by peer"), "could not reach the Hugging Face Hub", True),
    ]
    for exc, message, transient in cases:
        with pytest.raises(HubError, match=message) as info:
            download("latest", "hf://owner/tt", tmp_path / "x", hub_api=_Raising(exc))
        assert info.value.transient is transient
        assert info.value.__cause__ is exc  # the original stays attached for debugging


def test_failed_upload_names_the_next_step(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    api = FakeHfApi(tmp_path / "hub")
    api.fail_uploads = 1
    monkeypatch.setattr(hub_mod, "_default_api", lambda token: api)
    build = make_build(tmp_path / "build")
    args = ["publish", "1.0.0", "--build", str(build), "--registry", "reg", "--hub", "owner/tt"]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert "published v1.0.0 -> reg/v1.0.0" in out  # the local release is complete
    assert err.strip().splitlines() == [
        "therapy-threads publish: error: could not reach the Hugging Face Hub to upload to "
        "hf://owner/tt (ConnectionError: simulated network failure during upload); check the "
        "network and try again. Release v1.0.0 is complete at reg/v1.0.0; retry the upload "
        "with 'therapy-threads publish 1.0.0 --hub owner/tt --upload-existing --registry reg'"]
    # the hint works
    assert main(["publish", "1.0.0", "--registry", "reg", "--hub", "owner/tt",
                 "--upload-existing"]) == 0
    assert "uploaded 11 files to hf://owner/tt, tagged v1.0.0" in capsys.readouterr().out
    # and a failed --upload-existing says to run it again
    api.fail_uploads = 1
    monkeypatch.setattr(hub_mod, "_remote_manifest_sha", lambda *a: None)
    api.repos["owner/tt"]["tags"].clear()
    assert main(["publish", "1.0.0", "--registry", "reg", "--hub", "owner/tt",
                 "--upload-existing"]) == 2
    assert capsys.readouterr().err.strip().endswith("run the same command again")
