"""Downloading releases: HTTP on 127.0.0.1, local registry, Hub (injected); checksums; cache."""
from __future__ import annotations

import functools
import http.server
import json
from pathlib import Path

import pytest

import loopback

from helpers_build import FakeHfApi, make_build
from therapy_threads.errors import UserError
from therapy_threads.publish import download as dl
from therapy_threads.publish.download import STAMP, ChecksumError, download
from therapy_threads.publish.fsutil import canonical_json, sha256_file
from therapy_threads.publish.hub import upload_release
from therapy_threads.publish.registry import Registry
from therapy_threads.publish.release import publish


class Handler(http.server.SimpleHTTPRequestHandler):
    fail_next: list[int] = []  # status codes to answer before serving normally
    log: list[str] = []

    def do_GET(self):
        type(self).log.append(self.path)
        if type(self).fail_next:
            self.send_error(type(self).fail_next.pop(0))
            return
        super().do_GET()

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture()
def registry(tmp_path):
    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "build"), "1.0.0", reg)
    return reg


@pytest.fixture()
def server(registry):
    Handler.fail_next = []
    Handler.log = []
    with loopback.serving(functools.partial(Handler, directory=str(registry))) as (_, base):
        yield base


def _same_tree(a: Path, b: Path) -> None:
    m = json.loads((a / "manifest.json").read_text())
    for f in m["files"] + [{"path": "manifest.json"}]:
        assert (a / f["path"]).read_bytes() == (b / f["path"]).read_bytes(), f["path"]


def test_http_download_verifies_and_caches(registry, server, tmp_path):
    dest = tmp_path / "out" / "v1.0.0"
    res = download("1.0.0", server, dest)
    assert not res.cached and res.path == dest and res.version == "1.0.0"
    _same_tree(registry / "v1.0.0", dest)
    assert res.manifest_sha256 == sha256_file(dest / "manifest.json")
    stamp = json.loads((dest / STAMP).read_text())
    assert stamp["manifest_sha256"] == res.manifest_sha256
    fetched = [p for p in Handler.log if "/data/" in p]
    assert len(fetched) == 4
    # second run: manifest unchanged -> nothing fetched but the manifest (and index)
    Handler.log.clear()
    again = download("1.0.0", server, dest)
    assert again.cached
    assert all("/data/" not in p for p in Handler.log)
    assert sorted(set(Handler.log)) == ["/index.json", "/v1.0.0/manifest.json"]


def test_http_tampered_file_is_rejected(registry, server, tmp_path):
    target = registry / "v1.0.0" / "data" / "comments-00000-of-00001.parquet"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, different bytes
    target.write_bytes(bytes(data))
    dest = tmp_path / "out"
    with pytest.raises(ChecksumError, match=r"comments-00000-of-00001.parquet: SHA-256 .* does "
                                            r"not match the manifest .*tampered"):
        download("1.0.0", server, dest)
    assert not dest.exists()
    assert not [p for p in dest.parent.iterdir() if ".staging-" in p.name]


def test_http_truncated_file_is_rejected(registry, server, tmp_path):
    target = registry / "v1.0.0" / "plots" / "depth_histogram.png"
    target.write_bytes(target.read_bytes()[:100])
    with pytest.raises(ChecksumError, match="depth_histogram.png: 100 bytes, the manifest says"):
        download("1.0.0", server, tmp_path / "out")


def test_manifest_not_matching_index_is_rejected(registry, server, tmp_path):
    mpath = registry / "v1.0.0" / "manifest.json"
    m = json.loads(mpath.read_text())
    m["git_commit"] = "f" * 40
    mpath.write_bytes(canonical_json(m))
    with pytest.raises(ChecksumError, match="registry index lists"):
        download("1.0.0", server, tmp_path / "out")


def test_changed_manifest_replaces_stale_copy(registry, server, tmp_path):
    dest = tmp_path / "out"
    first = download("1.0.0", server, dest)
    # the mirror is re-cut: README changes, manifest and index updated consistently
    rel = registry / "v1.0.0"
    (rel / "README.md").write_text((rel / "README.md").read_text() + "\nErratum.\n")
    m = json.loads((rel / "manifest.json").read_text())
    for f in m["files"]:
        if f["path"] == "README.md":
            f["sha256"] = sha256_file(rel / "README.md")
            f["bytes"] = (rel / "README.md").stat().st_size
    (rel / "manifest.json").write_bytes(canonical_json(m))
    Registry(registry).write_index()
    second = download("1.0.0", server, dest)
    assert not second.cached and second.manifest_sha256 != first.manifest_sha256
    assert (dest / "README.md").read_text().endswith("Erratum.\n")


def test_http_retries_server_errors(registry, server, tmp_path, monkeypatch):
    monkeypatch.setattr(dl.HttpFetcher.__init__, "__defaults__", (None, 4, 0.0))
    Handler.fail_next = [503, 502]
    res = download("1.0.0", server, tmp_path / "out")
    assert not res.cached
    assert Handler.log[:3] == ["/v1.0.0/manifest.json"] * 3


def test_http_missing_version(server, tmp_path):
    with pytest.raises(UserError, match=r"v9.9.9/manifest.json not found \(404\)"):
        download("9.9.9", server, tmp_path / "out")


def test_latest_over_http_and_local(registry, server, tmp_path):
    publish(make_build(tmp_path / "b2"), "1.0.1", registry)
    assert download("latest", server, tmp_path / "a").version == "1.0.1"
    assert download(None, registry, tmp_path / "b").version == "1.0.1"


def test_local_registry_download_and_default_cache(registry, tmp_path, monkeypatch):
    monkeypatch.setenv("THERAPY_THREADS_CACHE", str(tmp_path / "cache"))
    res = download("1.0.0", registry)
    assert res.path == tmp_path / "cache" / "v1.0.0"
    _same_tree(registry / "v1.0.0", res.path)
    assert download("1.0.0", registry).cached


def test_cache_root_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("THERAPY_THREADS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert dl.cache_root() == tmp_path / "therapy-threads"


def test_corrupted_cache_is_refetched(registry, tmp_path):
    dest = tmp_path / "out"
    download("1.0.0", registry, dest)
    (dest / "TERMS.md").write_text("x")
    assert not download("1.0.0", registry, dest).cached  # size differs -> fetched again
    assert (dest / "TERMS.md").read_bytes() == (registry / "v1.0.0" / "TERMS.md").read_bytes()
    (dest / "TERMS.md").write_bytes(b"X" + (dest / "TERMS.md").read_bytes()[1:])
    assert download("1.0.0", registry, dest).cached  # same size: trusted unless asked
    assert not download("1.0.0", registry, dest, verify_cache=True).cached


def test_refuses_to_replace_a_foreign_folder(registry, tmp_path):
    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / "thesis.tex").write_text("precious")
    with pytest.raises(UserError, match="is not a therapy-threads download"):
        download("1.0.0", registry, dest)
    assert (dest / "thesis.tex").read_text() == "precious"


def test_unsafe_manifest_paths_are_rejected(registry, tmp_path):
    rel = registry / "v1.0.0"
    m = json.loads((rel / "manifest.json").read_text())
    m["files"].append({"path": "../escape.txt", "bytes": 1, "sha256": "0" * 64})
    (rel / "manifest.json").write_bytes(canonical_json(m))
    (registry / "index.json").unlink()
    with pytest.raises(UserError, match="unsafe files.*path"):
        download("1.0.0", registry, tmp_path / "out")
    assert not (tmp_path / "escape.txt").exists()


def test_hub_download_uses_tag_and_verifies(registry, tmp_path):
    api = FakeHfApi(tmp_path)
    upload_release(registry / "v1.0.0", "owner/tt", api=api)
    res = download("1.0.0", "hf://owner/tt", tmp_path / "out", hub_api=api)
    _same_tree(registry / "v1.0.0", res.path)
    snap = [c for c in api.calls if c[0] == "snapshot_download"][0][1]
    assert snap["revision"] == "v1.0.0" and snap["repo_type"] == "dataset"
    assert download("latest", "hf://owner/tt", tmp_path / "out", hub_api=api).cached
    # a tampered file on the Hub side is caught as well
    api.repos["owner/tt"]["commits"][-1]["TERMS.md"] = b"tampered"
    with pytest.raises(ChecksumError, match="TERMS.md"):
        download("1.0.0", "hf://owner/tt", tmp_path / "out2", hub_api=api)


def test_bad_sources(tmp_path):
    with pytest.raises(UserError, match="hf://OWNER/NAME"):
        download("1.0.0", "hf://just-a-name", tmp_path / "o")
    with pytest.raises(UserError, match="neither a registry folder"):
        download("1.0.0", tmp_path / "nowhere", tmp_path / "o")


def test_http_oversized_file_is_cut_off(registry, server, tmp_path):
    target = registry / "v1.0.0" / "TERMS.md"
    target.write_bytes(target.read_bytes() + b"x" * (3 << 20))  # 3 MiB more than declared
    with pytest.raises(ChecksumError, match="TERMS.md: the server sent more than"):
        download("1.0.0", server, tmp_path / "out")
    assert not (tmp_path / "out").exists()
