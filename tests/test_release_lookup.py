"""Releases are found where they are: load() looks in data/releases and the download cache;
download accepts a registry URL, a release URL or a release folder (issue 14, item 2)."""
from __future__ import annotations

import functools
import http.server
import shutil

import pytest

import loopback
from helpers_build import BuildSpec, SourceSpec, make_build
from therapy_threads import find_release, load, local_releases
from therapy_threads.cli import main
from therapy_threads.errors import UserError
from therapy_threads.publish.download import (STAMP, HttpReleaseFetcher, ReleaseFolderFetcher,
                                              download, fetcher_for, split_release_url)
from therapy_threads.publish.release import publish


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    d = tmp_path_factory.mktemp("lookup")
    reg = d / "reg"
    publish(make_build(d / "b1"), "1.0.0", reg)
    bigger = BuildSpec(sources=BuildSpec().sources + [SourceSpec("seed-004", seed=9)])
    publish(make_build(d / "b2", bigger), "1.1.0", reg)
    return reg


@pytest.fixture()
def elsewhere(tmp_path, monkeypatch):
    """A working directory without data/releases and an empty download cache."""
    cwd = tmp_path / "work"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("THERAPY_THREADS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("THERAPY_THREADS_SOURCE", raising=False)
    return tmp_path / "cache"


@pytest.fixture()
def server(registry):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(registry))
    handler.log_message = lambda *a: None
    with loopback.serving(handler) as (_, url):
        yield url


def test_load_finds_what_download_put_in_the_cache(registry, elsewhere, capsys):
    with pytest.raises(UserError, match="no release found in data/releases or .*cache"):
        load("comments")
    assert main(["download", "1.0.0", "--from", str(registry)]) == 0
    assert (elsewhere / "v1.0.0" / STAMP).is_file()
    assert len(load("comments")) == 50  # no source: the cache is looked in
    assert len(load("posts", version="1.0.0")) == 6
    with pytest.raises(UserError, match=r"v1.1.0 is not in data/releases or .*found: v1.0.0"):
        load("comments", version="1.1.0")


def test_newest_of_registry_and_cache(registry, elsewhere):
    download("1.1.0", registry)  # into the cache
    shutil.copytree(registry / "v1.0.0", "data/releases/v1.0.0")
    found = {(r.version.tag, r.where) for r in local_releases()}
    assert found == {("v1.0.0", "registry"), ("v1.1.0", "cache")}
    assert find_release() == elsewhere / "v1.1.0"
    assert find_release("1.0.0").resolve() == (elsewhere.parent / "work" / "data" / "releases"
                                              / "v1.0.0").resolve()


def test_interrupted_cache_copy_is_ignored(registry, elsewhere):
    shutil.copytree(registry / "v1.1.0", elsewhere / "v1.1.0")  # no download stamp
    with pytest.raises(UserError, match="no release found"):
        load("comments")


def test_release_url_is_accepted(registry, server, tmp_path):
    for url in (f"{server}/v1.0.0/", f"{server}/v1.0.0", f"{server}/v1.0.0/manifest.json"):
        f = fetcher_for(url)
        assert isinstance(f, HttpReleaseFetcher) and f.base == server
        assert str(f.latest()) == "1.0.0"
    res = download("1.0.0", f"{server}/v1.0.0/", tmp_path / "a")
    assert res.version == "1.0.0" and (tmp_path / "a" / "data").is_dir()
    assert download(None, f"{server}/v1.1.0/", tmp_path / "b").version == "1.1.0"  # latest
    with pytest.raises(UserError, match="is release v1.0.0, not v1.1.0"):
        download("1.1.0", f"{server}/v1.0.0/", tmp_path / "c")
    # the registry URL still means the registry
    assert download("latest", server, tmp_path / "d").version == "1.1.0"
    assert split_release_url(f"{server}/mirror/") == (f"{server}/mirror/", None)
    # load() over a release URL
    assert len(load("posts", source=f"{server}/v1.0.0/", cache_dir=tmp_path / "e")) == 6


def test_release_url_cli(registry, server, tmp_path, capsys):
    assert main(["download", "1.0.0", "--from", f"{server}/v1.0.0/", "--to",
                 str(tmp_path / "x")]) == 0
    assert "v1.0.0 downloaded and verified" in capsys.readouterr().out


def test_release_folder_is_accepted(registry, tmp_path):
    copy = tmp_path / "my-copy"
    download("1.0.0", registry, copy)  # a folder not named vX.Y.Z
    f = fetcher_for(copy)
    assert isinstance(f, ReleaseFolderFetcher) and str(f.latest()) == "1.0.0"
    res = download("latest", copy, tmp_path / "again")
    assert res.version == "1.0.0" and (tmp_path / "again" / STAMP).is_file()
    with pytest.raises(UserError, match="is release v1.0.0, not v1.1.0"):
        download("1.1.0", copy, tmp_path / "no")
    assert len(load("comments", source=copy)) == 50
