"""The pseudonym key: environment first, then a key file outside any repository; never printed."""
from __future__ import annotations

import logging
import os
import secrets
import stat

import pytest

from therapy_threads.anonymise import Anonymiser, key_fingerprint, load_key
from therapy_threads.cli import main
from therapy_threads.errors import UserError


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    monkeypatch.delenv("THERAPY_THREADS_KEY", raising=False)
    monkeypatch.delenv("THERAPY_THREADS_KEY_FILE", raising=False)


K_FILE, K_ENV = secrets.token_hex(32), secrets.token_hex(32)


def test_env_key_wins_over_file(monkeypatch, tmp_path):
    f = tmp_path / "k.key"
    f.write_text(K_FILE)
    f.chmod(0o600)
    monkeypatch.setenv("THERAPY_THREADS_KEY", K_ENV)
    assert load_key(f) == bytes.fromhex(K_ENV)


def test_first_run_creates_a_private_key_file_and_logs_only_its_path(tmp_path, caplog):
    path = tmp_path / "cfg" / "pseudonym.key"
    with caplog.at_level(logging.WARNING):
        key = load_key(path)
    assert len(key) == 32
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert str(path) in caplog.text
    assert key.hex() not in caplog.text
    assert load_key(path) == key  # second run reads the same key


def test_no_key_and_no_create_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="key --create"):
        load_key(tmp_path / "missing.key", create=False)


def test_key_file_inside_a_git_repo_is_refused(tmp_path):
    (tmp_path / ".git").mkdir()
    with pytest.raises(UserError, match="inside the git work tree"):
        load_key(tmp_path / "sub" / "pseudonym.key")
    assert not (tmp_path / "sub" / "pseudonym.key").exists()


@pytest.mark.parametrize("raw, why", [
    ("correct horse battery staple 2024", "not 64 hex digits"),  # a passphrase
    ("short", "not 64 hex digits"),
    ("ab" * 16, "128 bits"),  # hex, but too short
    ("ab" * 40, "320 bits"),
    ("00" * 32, "a pattern"),  # 256 bits that nobody drew at random
    ("0123456789abcdef" * 4, "a pattern"),
    ("my secret phrase".encode().hex().ljust(64, "0"), "a pattern"),  # a phrase in hex
])
def test_only_a_random_256_bit_key_is_accepted_and_the_message_shows_how_to_make_one(monkeypatch, raw, why):
    monkeypatch.setenv("THERAPY_THREADS_KEY", raw)
    with pytest.raises(UserError, match=why) as e:
        load_key()
    assert "therapy-threads key --create" in str(e.value) and "secrets.token_hex(32)" in str(e.value)
    assert raw not in str(e.value)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_a_key_file_other_users_can_read_or_change_is_refused(tmp_path, mode):
    f = tmp_path / "pseudonym.key"
    f.write_text(K_FILE)
    f.chmod(mode)
    with pytest.raises(UserError, match=f"chmod 600 {f}"):
        load_key(f, create=False)
    f.chmod(0o400)  # read-only for the owner is fine
    assert load_key(f, create=False) == bytes.fromhex(K_FILE)


@pytest.mark.parametrize("command", ["build", "validate", "audit", "key", "publish"])
def test_every_command_that_reads_the_key_refuses_an_open_key_file(tmp_path, capsys, command):
    f = tmp_path / "pseudonym.key"
    f.write_text(K_FILE)
    f.chmod(0o644)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "posts.parquet").write_bytes(b"")
    args = {"build": ["build", "--sources", str(tmp_path / "none.toml"), "--out", str(tmp_path / "b")],
            "validate": ["validate", str(tmp_path / "b"), "--no-docs"], "audit": ["audit", str(tmp_path / "b")],
            "key": ["key"], "publish": ["publish", "1.0.0", "--build", str(tmp_path / "b"),
                                         "--registry", str(tmp_path / "reg")]}[command]
    if command == "build":  # the key is read after the manifest: give it one
        (tmp_path / "none.toml").write_text('[[source]]\nid = "x"\nlocation = "x.txt"\n')
        (tmp_path / "x.txt").write_text("A title\n\nA body.\n")
    import os

    os.environ["THERAPY_THREADS_KEY_FILE"] = str(f)
    assert main(args) != 0
    err = capsys.readouterr().err
    assert "open to other users" in err and "chmod 600" in err and K_FILE not in err


def test_key_new_prints_a_fresh_valid_key_and_stores_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("THERAPY_THREADS_KEY_FILE", str(tmp_path / "never.key"))
    assert main(["key", "--new"]) == 0
    a = capsys.readouterr().out.strip()
    assert main(["key", "--new"]) == 0
    b = capsys.readouterr().out.strip()
    assert a != b and len(a) == 64
    monkeypatch.setenv("THERAPY_THREADS_KEY", a)
    assert load_key() == bytes.fromhex(a)
    assert not (tmp_path / "never.key").exists()


def test_the_published_fingerprint_does_not_give_the_key_back():
    """The fingerprint is an HMAC under the key itself; with 256 random bits there is nothing to
    guess, and the fingerprints of related keys share nothing."""
    key = bytes.fromhex(K_FILE)
    fp = key_fingerprint(key)
    assert len(fp) == 16 and K_FILE[:8] not in fp
    flipped = bytes([key[0] ^ 1]) + key[1:]
    assert sum(a == b for a, b in zip(fp, key_fingerprint(flipped))) < 8


def test_fingerprints_depend_on_key_and_policy_not_reveal_key():
    a, b = bytes.fromhex(K_FILE), bytes.fromhex(K_ENV)
    assert key_fingerprint(a) != key_fingerprint(b)
    assert len(key_fingerprint(a)) == 16
    fa = Anonymiser(a).fingerprint
    assert fa == Anonymiser(a).fingerprint and fa != Anonymiser(b).fingerprint
    assert a.hex() not in fa


def test_key_command_creates_shows_path_and_fingerprint_never_the_key(tmp_path, capsys):
    path = tmp_path / "k" / "pseudonym.key"
    assert main(["key", "--key-file", str(path)]) == 1
    assert "does not exist" in capsys.readouterr().out
    assert main(["key", "--key-file", str(path), "--create"]) == 0
    out = capsys.readouterr().out
    key_hex = path.read_text().strip()
    assert str(path) in out and key_hex not in out
    assert main(["key", "--key-file", str(path), "--fingerprint"]) == 0
    assert capsys.readouterr().out.strip() == key_fingerprint(bytes.fromhex(key_hex))
