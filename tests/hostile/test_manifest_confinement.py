"""Campaign: hostile manifests. Locations leave the manifest folder, go through links, point at
keys or credentials, or use ids that are paths. Every one is refused before anything is read,
in one line, and nothing of the target ever reaches a build."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import assert_one_line, run_cli
from therapy_threads.errors import RefusedPath, UserError
from therapy_threads.manifest import read_local, read_manifest

PAGE = "A title\n\nA body long enough to be a post about therapy and the relationship.\n"
# Synthetic secrets in the shapes of the real thing (no real key anywhere in this repo).
OPENSSH = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
           "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
           "-----END OPENSSH PRIVATE KEY-----\n")
RSA_PEM = ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsyntheticsyntheticsynthetic\n"
           "-----END RSA PRIVATE KEY-----\n")
PSEUDONYM_KEY = "5f0c" * 16 + "\n"  # the format 'therapy-threads key --create' writes
DOTENV = "# settings\nDB_HOST=localhost\nAPI_TOKEN=abc123def456\nexport SECRET_KEY=xyz\n"
AWS = "[default]\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\naws_secret_access_key = abc/def\n"


def manifest(folder: Path, location: str, *, sid: str = "a", extra: str = "",
             top: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.toml").write_text(
        f'{top}[[source]]\nid = "{sid}"\nlocation = "{location}"\n{extra}', encoding="utf-8")
    return folder


@pytest.fixture()
def outside(tmp_path):
    """A private file outside the manifest folder (stands in for /etc/passwd or a home file)."""
    p = tmp_path / "private" / "passwd"
    p.parent.mkdir()
    p.write_text("root:x:0:0:root:/root:/bin/bash\n")
    return p


@pytest.mark.parametrize("how", ["dotdot", "absolute", "etc-passwd", "home"])
def test_locations_outside_the_folder_are_refused(tmp_path, outside, how):
    src = tmp_path / "m" / "sources"
    loc = {"dotdot": "../../private/passwd", "absolute": str(outside),
           "etc-passwd": "../../../../../../../../etc/passwd", "home": "~/.bashrc"}[how]
    manifest(src, loc)
    with pytest.raises(RefusedPath, match="outside the folders sources may be read from"):
        read_manifest(src)


def test_a_symlink_is_refused_even_inside_the_folder(tmp_path, outside):
    src = manifest(tmp_path / "m", "page.txt")
    (src / "page.txt").symlink_to(outside)
    with pytest.raises(RefusedPath, match="symbolic link"):
        read_manifest(src)


def test_a_linked_folder_on_the_way_is_refused(tmp_path, outside):
    src = manifest(tmp_path / "m", "sub/passwd")
    (src / "sub").symlink_to(outside.parent, target_is_directory=True)
    with pytest.raises(RefusedPath, match="symbolic link"):
        read_manifest(src)


def test_a_dangling_link_is_refused(tmp_path):
    src = manifest(tmp_path / "m", "gone.txt")
    (src / "gone.txt").symlink_to(tmp_path / "nowhere")
    with pytest.raises(RefusedPath, match="symbolic link"):
        read_manifest(src)


@pytest.mark.parametrize("name,content", [
    ("notes.txt", OPENSSH),  # a decoy: an SSH key under an innocent name
    ("page.html", RSA_PEM),
    ("capture.txt", PSEUDONYM_KEY),
    ("settings.txt", DOTENV),
    ("config.txt", AWS),
    ("id_ed25519", PAGE),  # the name alone says it
    (".env", "X=1\n"),
    ("server.pem", PAGE),
])
def test_keys_and_credentials_are_refused_whatever_the_path(tmp_path, name, content):
    src = manifest(tmp_path / "m", name)
    (src / name).write_text(content)
    with pytest.raises(RefusedPath, match="private key or credentials"):
        read_manifest(src)


def test_a_page_quoting_a_key_further_down_is_not_a_key(tmp_path):
    src = manifest(tmp_path / "m", "tutorial.html")
    (src / "tutorial.html").write_text("<html><body>" + "<p>words</p>" * 200
                                       + "<pre>" + RSA_PEM + "</pre></body></html>")
    m = read_manifest(src)
    assert m.read_local(m.sources[0]).startswith(b"<html>")


def test_a_fifo_is_refused_without_hanging(tmp_path):
    src = manifest(tmp_path / "m", "pipe.txt")
    os.mkfifo(src / "pipe.txt")
    with pytest.raises(RefusedPath, match="not a regular file"):
        read_manifest(src)


@pytest.mark.parametrize("sid", ["../../x", "a/b", "..", ".hidden", "a b", "x" * 200, ""])
def test_ids_are_slugs(tmp_path, sid):
    src = manifest(tmp_path / "m", "https://blog.example/post", sid=sid)
    with pytest.raises(UserError, match="slug|needs 'id'"):
        read_manifest(src)


def test_roots_listed_in_the_manifest_or_given_on_the_command_line(tmp_path, outside):
    src = manifest(tmp_path / "m", str(outside), top=f'roots = ["{outside.parent}"]\n')
    m = read_manifest(src)
    assert m.read_local(m.sources[0]).startswith(b"root:")
    src2 = manifest(tmp_path / "n", str(outside))
    with pytest.raises(RefusedPath):
        read_manifest(src2)
    m2 = read_manifest(src2, roots=[outside.parent])
    assert m2.local_path(m2.sources[0]) == outside


def test_the_whole_file_system_is_not_a_root(tmp_path):
    src = manifest(tmp_path / "m", "/etc/hostname", top='roots = ["/"]\n')
    with pytest.raises(UserError, match="whole file system"):
        read_manifest(src)


def test_a_link_swapped_in_after_the_check_is_refused_on_read(tmp_path, outside):
    src = manifest(tmp_path / "m", "page.txt")
    (src / "page.txt").write_text(PAGE)
    m = read_manifest(src)
    path = m.local_path(m.sources[0])
    (src / "page.txt").unlink()
    (src / "page.txt").symlink_to(outside)
    with pytest.raises(RefusedPath, match="symbolic link"):
        read_local(path)
    # a key swapped in is refused on read too
    (src / "page.txt").unlink()
    (src / "page.txt").write_text(OPENSSH)
    with pytest.raises(RefusedPath, match="private key"):
        read_local(path)


def test_fetched_pages_cannot_be_written_outside_the_archive(tmp_path):
    from therapy_threads.materialise import materialise_source
    from therapy_threads.readers import SourceRef

    ref = SourceRef(source_id="../../x", location="https://blog.example/post")
    with pytest.raises(RefusedPath, match="not a slug"):
        materialise_source(ref, tmp_path / "archive", offline=True)
    assert not (tmp_path / "x.html").exists()


def test_build_refuses_in_one_line_before_anything_runs(tmp_path, outside, capsys):
    src = manifest(tmp_path / "m", "../private/passwd")
    out = run_cli(["build", "--sources", str(src), "--out", str(tmp_path / "out")], capsys)
    assert out.status == 2
    assert_one_line(out, "build", "outside the folders", "roots")
    assert not (tmp_path / "out").exists()


def test_build_refuses_a_key_in_one_line(tmp_path, capsys):
    src = manifest(tmp_path / "m", "notes.txt")
    (src / "notes.txt").write_text(OPENSSH)
    out = run_cli(["build", "--sources", str(src), "--out", str(tmp_path / "out")], capsys)
    assert_one_line(out, "build", "private key or credentials")
