"""The pseudonym key: environment first, then a key file outside any repository; never printed."""
from __future__ import annotations

import logging
import os
import stat

import pytest

from therapy_threads.anonymise import Anonymiser, key_fingerprint, load_key
from therapy_threads.cli import main
from therapy_threads.errors import UserError


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    monkeypatch.delenv("THERAPY_THREADS_KEY", raising=False)
    monkeypatch.delenv("THERAPY_THREADS_KEY_FILE", raising=False)


def test_env_key_wins_over_file(monkeypatch, tmp_path):
    f = tmp_path / "k.key"
    f.write_text("11" * 32)
    monkeypatch.setenv("THERAPY_THREADS_KEY", "ab" * 32)
    assert load_key(f) == bytes.fromhex("ab" * 32)


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


def test_short_key_is_rejected(monkeypatch):
    monkeypatch.setenv("THERAPY_THREADS_KEY", "short")
    with pytest.raises(UserError, match="too short"):
        load_key()


def test_fingerprints_depend_on_key_and_policy_not_reveal_key():
    a, b = b"a" * 32, b"b" * 32
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
