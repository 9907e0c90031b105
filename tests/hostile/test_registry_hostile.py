"""Campaign: hostile registries and mirrors. Publish and download read and write only inside
their folders, refuse links, follow redirects only within the registry's origin, cap and
type-check manifests and indexes, and say what happened in one line."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import hostile_servers as hs
from conftest import assert_one_line, run_cli
from helpers_build import make_build
from therapy_threads.errors import RefusedPath, UserError
from therapy_threads.publish.download import download
from therapy_threads.publish.fsutil import canonical_json, sha256_file
from therapy_threads.publish.registry import Registry
from therapy_threads.publish.release import publish

SECRET = b"root:x:0:0:private line that must never be copied\n"


@pytest.fixture()
def registry(tmp_path, published):
    reg = tmp_path / "reg"
    shutil.copytree(published, reg, symlinks=True)
    return reg


@pytest.fixture()
def secret(tmp_path):
    p = tmp_path / "outside" / "passwd"
    p.parent.mkdir()
    p.write_bytes(SECRET)
    return p


@pytest.fixture()
def mirror(registry):
    server = hs.Hostile(directory=registry)
    yield server
    server.stop()


def _rewrite_manifest(reg: Path, fn) -> None:
    mpath = reg / "v1.0.0" / "manifest.json"
    m = json.loads(mpath.read_text())
    fn(m)
    mpath.write_bytes(canonical_json(m))
    (reg / "index.json").unlink(missing_ok=True)


def _tree_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*"))
                    if p.is_file() and not p.is_symlink())


# ------------------------------------------------------------------ local registry: links

def test_a_data_file_linked_to_a_private_file_is_refused_not_verified(registry, secret, tmp_path,
                                                                      capsys):
    target = registry / "v1.0.0" / "TERMS.md"

    def point_at_secret(m):
        for f in m["files"]:
            if f["path"] == "TERMS.md":  # the manifest even "agrees" with the linked file
                f["bytes"], f["sha256"] = len(SECRET), sha256_file(secret)
    target.unlink()
    target.symlink_to(secret)
    _rewrite_manifest(registry, point_at_secret)
    out = run_cli(["download", "1.0.0", "--from", str(registry), "--to", str(tmp_path / "o")],
                  capsys)
    assert_one_line(out, "download", "symbolic link")
    assert not (tmp_path / "o").exists()
    assert SECRET not in b"".join(p.read_bytes() for p in tmp_path.rglob("*")
                                  if p.is_file() and not p.is_symlink() and p != secret)


def test_a_dangling_version_link_is_one_line(registry, tmp_path, capsys):
    (registry / "v1.1.0").symlink_to(tmp_path / "gone")
    (registry / "index.json").unlink()  # versions then come from the folders
    out = run_cli(["download", "latest", "--from", str(registry), "--to", str(tmp_path / "o")],
                  capsys)
    assert_one_line(out, "download", "v1.1.0 is a symbolic link (dangling)")
    out = run_cli(["publish", "1.2.0", "--build", str(make_build(tmp_path / "b")),
                   "--registry", str(registry), "--no-data-card"], capsys)
    assert_one_line(out, "publish", "symbolic link")


def test_a_linked_version_folder_is_refused(registry, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(registry / "v1.0.0", elsewhere)
    (registry / "v1.0.1").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(RefusedPath, match="symbolic link"):
        download("1.0.1", registry, tmp_path / "o")


@pytest.mark.parametrize("name", ["manifest.json", "index.json"])
def test_a_linked_manifest_or_index_is_refused(registry, tmp_path, name):
    path = registry / ("v1.0.0/manifest.json" if name == "manifest.json" else "index.json")
    copy = tmp_path / f"copy-{name}"
    shutil.copyfile(path, copy)
    path.unlink()
    path.symlink_to(copy)
    with pytest.raises(RefusedPath, match="symbolic link"):
        download("1.0.0", registry, tmp_path / "o")


# ------------------------------------------------------------------ publish into a hostile registry

def test_previous_changelog_linked_to_a_private_file_is_refused(registry, secret, tmp_path,
                                                                capsys):
    log = registry / "v1.0.0" / "CHANGELOG.md"
    log.unlink()
    log.symlink_to(secret)
    out = run_cli(["publish", "1.1.0", "--build", str(make_build(tmp_path / "b")),
                   "--registry", str(registry), "--no-data-card"], capsys)
    assert_one_line(out, "publish", "symbolic link")
    assert not (registry / "v1.1.0").exists()
    assert SECRET not in _tree_bytes(registry)


def test_a_linked_lock_creates_nothing_outside(registry, tmp_path, capsys):
    target = tmp_path / "outside" / "created-by-publish"
    target.parent.mkdir()
    (registry / ".lock").unlink(missing_ok=True)
    (registry / ".lock").symlink_to(target)
    out = run_cli(["publish", "1.1.0", "--build", str(make_build(tmp_path / "b")),
                   "--registry", str(registry), "--no-data-card"], capsys)
    assert_one_line(out, "publish", ".lock is a symbolic link")
    assert not target.exists()


def test_a_dotdot_path_in_the_previous_manifest_is_refused(registry, tmp_path, capsys):
    outside = tmp_path / "stolen.parquet"
    shutil.copyfile(next((registry / "v1.0.0" / "data").glob("comments-*.parquet")), outside)

    def escape(m):
        m["tables"]["comments"]["files"][0]["path"] = "../../stolen.parquet"
        m["files"].append({"path": "../../stolen.parquet", "bytes": 1, "sha256": "0" * 64})
    _rewrite_manifest(registry, escape)
    out = run_cli(["publish", "1.1.0", "--build", str(make_build(tmp_path / "b")),
                   "--registry", str(registry), "--no-data-card"], capsys)
    assert_one_line(out, "publish", "malformed", "unsafe")
    assert not (registry / "v1.1.0").exists()


@pytest.mark.parametrize("breakage", ["tables-list", "rows-string", "files-null", "version-int",
                                      "sources-string"])
def test_a_malformed_previous_manifest_is_one_line(registry, tmp_path, capsys, breakage):
    def brk(m):
        if breakage == "tables-list":
            m["tables"] = []
        elif breakage == "rows-string":
            m["tables"]["posts"]["rows"] = "many"
        elif breakage == "files-null":
            m["files"] = None
        elif breakage == "version-int":
            m["version"] = 1
        else:
            m["sources"] = "all"
    _rewrite_manifest(registry, brk)
    out = run_cli(["publish", "1.1.0", "--build", str(make_build(tmp_path / "b")),
                   "--registry", str(registry), "--no-data-card"], capsys)
    assert_one_line(out, "publish", "malformed")


def test_upload_of_a_release_holding_a_link_is_refused(registry, secret):
    from therapy_threads.publish.hub import plan_upload

    (registry / "v1.0.0" / "extra.txt").symlink_to(secret)
    with pytest.raises(RefusedPath, match="symbolic link"):
        plan_upload(registry / "v1.0.0", "owner/tt")


# ------------------------------------------------------------------ HTTP mirrors

def test_an_endless_manifest_stops_at_the_cap(mirror, tmp_path, capsys):
    mirror.routes["/v1.0.0/manifest.json"] = hs.endless(prefix=b'{"files": [',
                                                        chunk=b'{"path": "a", "bytes": 1},' * 2000)
    out = run_cli(["download", "1.0.0", "--from", mirror.base, "--to", str(tmp_path / "o"),
                   "--max-manifest-mb", "1"], capsys)
    assert_one_line(out, "download", "larger than 1 MiB", "--max-manifest-mb")


def test_an_endless_manifest_with_the_default_cap(mirror, tmp_path):
    mirror.routes["/v1.0.0/manifest.json"] = hs.endless(prefix=b'{"files": [')
    with pytest.raises(UserError, match="larger than 16 MiB"):
        download("1.0.0", mirror.base, tmp_path / "o")


def test_an_endless_index_stops_at_the_cap(mirror, tmp_path, capsys):
    mirror.routes["/index.json"] = hs.endless(prefix=b'{"releases": [')
    out = run_cli(["download", "latest", "--from", mirror.base, "--to", str(tmp_path / "o"),
                   "--max-manifest-mb", "1"], capsys)
    assert_one_line(out, "download", "larger than 1 MiB")


MANIFEST_BREAKAGES = {
    "a-list": lambda m: [m],
    "files-object": lambda m: {**m, "files": {"a": 1}},
    "files-null-entry": lambda m: {**m, "files": [None]},
    "bytes-string": lambda m: {**m, "files": [{**m["files"][0], "bytes": "12"}]},
    "bytes-bool": lambda m: {**m, "files": [{**m["files"][0], "bytes": True}]},
    "bytes-negative": lambda m: {**m, "files": [{**m["files"][0], "bytes": -1}]},
    "sha-int": lambda m: {**m, "files": [{**m["files"][0], "sha256": 5}]},
    "path-int": lambda m: {**m, "files": [{**m["files"][0], "path": 5}]},
    "path-absolute": lambda m: {**m, "files": [{**m["files"][0], "path": "/etc/passwd"}]},
    "path-dotdot": lambda m: {**m, "files": [{**m["files"][0], "path": "../x"}]},
    "path-twice": lambda m: {**m, "files": [m["files"][0], m["files"][0]]},
    "path-stamp": lambda m: {**m, "files": [{**m["files"][0],
                                             "path": ".therapy-threads-download.json"}]},
    "version-int": lambda m: {**m, "version": 1},
    "version-missing": lambda m: {k: v for k, v in m.items() if k != "version"},
}


@pytest.mark.parametrize("breakage", sorted(MANIFEST_BREAKAGES))
def test_a_malformed_downloaded_manifest_is_one_line(registry, mirror, tmp_path, capsys,
                                                     breakage):
    path = registry / "v1.0.0" / "manifest.json"
    m = json.loads(path.read_text())
    path.write_bytes(json.dumps(MANIFEST_BREAKAGES[breakage](m)).encode())
    (registry / "index.json").unlink()
    out = run_cli(["download", "1.0.0", "--from", mirror.base, "--to", str(tmp_path / "o")],
                  capsys)
    assert_one_line(out, "download", "malformed" if breakage != "version-int" or True else "")
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("index", [
    b"[]", b'{"releases": "v1.0.0"}', b'{"latest": 1, "releases": []}',
    b'{"latest": "1.0.0", "releases": [{"tag": "v1.0.0"}]}',
    b'{"latest": "1.0.0", "releases": [{"version": "1.0.0", "manifest_sha256": 7}]}',
    b"not json", b"\xff\xfe",
])
def test_a_malformed_index_is_one_line(registry, mirror, tmp_path, capsys, index):
    (registry / "index.json").write_bytes(index)
    out = run_cli(["download", "latest", "--from", mirror.base, "--to", str(tmp_path / "o")],
                  capsys)
    assert_one_line(out, "download", "index")


def test_redirects_to_another_port_are_refused(mirror, tmp_path, capsys):
    other = hs.Hostile(directory=mirror.directory)
    try:
        mirror.routes["/v1.0.0/manifest.json"] = hs.redirect(other.url("/v1.0.0/manifest.json"))
        out = run_cli(["download", "1.0.0", "--from", mirror.base, "--to", str(tmp_path / "o")],
                      capsys)
        assert_one_line(out, "download", "outside", "only redirects within the registry")
        assert other.hits["/v1.0.0/manifest.json"] == 0
        # a data file redirected elsewhere: the same
        mirror.routes.pop("/v1.0.0/manifest.json")
        mirror.routes["/v1.0.0/TERMS.md"] = hs.redirect(other.url("/v1.0.0/TERMS.md"))
        with pytest.raises(UserError, match="outside"):
            download("1.0.0", mirror.base, tmp_path / "o")
        assert other.hits["/v1.0.0/TERMS.md"] == 0
        assert not (tmp_path / "o").exists()
    finally:
        other.stop()


def test_a_redirect_within_the_origin_is_followed(mirror, registry, tmp_path):
    mirror.routes["/v1.0.0/TERMS.md"] = hs.redirect("/v1.0.0/TERMS-moved.md")
    shutil.copyfile(registry / "v1.0.0" / "TERMS.md", registry / "v1.0.0" / "TERMS-moved.md")
    assert not download("1.0.0", mirror.base, tmp_path / "o").cached


def test_a_redirect_loop_is_one_line(mirror, tmp_path, capsys):
    mirror.routes["/v1.0.0/manifest.json"] = hs.redirect("/v1.0.0/manifest.json")
    out = run_cli(["download", "1.0.0", "--from", mirror.base, "--to", str(tmp_path / "o")],
                  capsys)
    assert_one_line(out, "download", "redirect loop")


def test_a_trickled_data_file_hits_the_deadline(mirror, tmp_path, capsys):
    mirror.routes["/v1.0.0/TERMS.md"] = hs.trickle_body(0.3, size=100)
    out = run_cli(["download", "1.0.0", "--from", mirror.base, "--to", str(tmp_path / "o"),
                   "--request-timeout", "1", "--idle-timeout", "1"], capsys)
    assert_one_line(out, "download", "no complete answer")
    assert not [p for p in tmp_path.iterdir() if ".staging-" in p.name]
    assert not (tmp_path / "o").exists()


def test_a_trickled_manifest_hits_the_deadline(mirror, tmp_path, capsys):
    mirror.routes["/v1.0.0/manifest.json"] = hs.trickle_headers(0.3)
    out = run_cli(["download", "1.0.0", "--from", mirror.base, "--to", str(tmp_path / "o"),
                   "--request-timeout", "1"], capsys)
    assert_one_line(out, "download", "no complete answer")


# ------------------------------------------------------------------ --to hygiene

def test_a_reissued_manifest_never_deletes_a_users_file(registry, tmp_path, capsys):
    dest = tmp_path / "o"
    download("1.0.0", registry, dest)
    (dest / "my-notes.md").write_text("precious")
    (dest / "data" / "my-analysis.parquet").write_bytes(b"mine")
    assert download("1.0.0", registry, dest).cached  # unchanged manifest: nothing touched

    def reissue(m):
        m["git_commit"] = "f" * 40
    _rewrite_manifest(registry, reissue)
    out = run_cli(["download", "1.0.0", "--from", str(registry), "--to", str(dest)], capsys)
    assert_one_line(out, "download", "did not write", "my-notes.md")
    assert (dest / "my-notes.md").read_text() == "precious"
    assert (dest / "data" / "my-analysis.parquet").read_bytes() == b"mine"
    # once the user moves them away, the re-issued release replaces the old copy
    (dest / "my-notes.md").unlink()
    (dest / "data" / "my-analysis.parquet").unlink()
    assert not download("1.0.0", registry, dest).cached


def test_a_linked_destination_is_refused(registry, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    with pytest.raises(RefusedPath, match="symbolic link"):
        download("1.0.0", registry, tmp_path / "link")


def test_not_enough_space_is_one_line_before_anything_is_written(registry, tmp_path, capsys,
                                                                 monkeypatch):
    import shutil as _sh

    monkeypatch.setattr(_sh, "disk_usage", lambda p: _sh._ntuple_diskusage(10, 10, 1))
    out = run_cli(["download", "1.0.0", "--from", str(registry), "--to", str(tmp_path / "o")],
                  capsys)
    assert_one_line(out, "download", "are free on the disk")
    assert not (tmp_path / "o").exists()


def test_stale_staging_of_a_killed_run_is_swept_but_a_live_one_is_kept(registry, tmp_path):
    from therapy_threads.publish.fsutil import _lock_dir

    dest = tmp_path / "o"
    dead = tmp_path / ".o.staging-deadbeef"
    dead.mkdir()
    (dead / "half.parquet").write_bytes(b"x" * 100)
    live = tmp_path / ".o.staging-c0ffee00"
    live.mkdir()
    fd = _lock_dir(live)  # another download in progress holds its lock
    try:
        download("1.0.0", registry, dest)
        assert not dead.exists() and live.exists()
    finally:
        os.close(fd)
    download("1.0.0", registry, tmp_path / "o2")
    assert live.exists()  # only staging of the same destination is swept
    registry_reg = Registry(registry)
    assert registry_reg.latest() is not None


def test_publish_into_a_registry_is_confined_and_still_works(registry, tmp_path):
    res = publish(make_build(tmp_path / "b"), "1.1.0", registry)
    assert res.path == registry / "v1.1.0"
    assert (res.path / "CHANGELOG.md").read_text().count("## v") == 2


def test_load_reads_only_inside_the_release(registry, secret, tmp_path):
    from therapy_threads.dataset import table_files

    rel = registry / "v1.0.0"
    m = json.loads((rel / "manifest.json").read_text())
    m["tables"]["comments"]["files"][0]["path"] = "../../outside/passwd"
    (rel / "manifest.json").write_bytes(canonical_json(m))
    with pytest.raises(UserError, match="unsafe path"):
        table_files(rel, "comments")
    posts = m["tables"]["posts"]["files"][0]["path"]
    (rel / posts).unlink()
    (rel / posts).symlink_to(secret)
    with pytest.raises(UserError):
        table_files(rel, "posts")
