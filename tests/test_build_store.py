"""The build folder: one writer at a time, an all-or-nothing switch, relocatable, self-repairing."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from therapy_threads.buildstore import BuildLock, BuildStore
from therapy_threads.errors import UserError


def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "build"
    with BuildLock(out):
        with pytest.raises(UserError, match=r"another build is writing .*build \(pid \d+\)"):
            BuildLock(out).acquire()
    BuildLock(out).acquire().release()  # free again once the first is done


def test_the_lock_dies_with_its_process(tmp_path):
    """A killed build never leaves a stale lock: the kernel drops a flock with its holder."""
    out = tmp_path / "build"
    code = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from therapy_threads.buildstore import BuildLock
        BuildLock(Path({str(out)!r})).acquire()
        print("locked", flush=True)
        time.sleep(60)
    """)
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "locked"
    with pytest.raises(UserError):
        BuildLock(out).acquire()
    p.kill()
    p.wait()
    BuildLock(out).acquire().release()


def _write(d, name, text):
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(text)


def test_switch_replaces_the_whole_folder_and_keeps_the_cache(tmp_path):
    out = tmp_path / "build"
    store = BuildStore.open(out)
    _write(store.fragments / "k1", "summary.json", "{}")
    _write(out, "posts.parquet", "old posts")
    _write(out, "comments.parquet", "old comments")
    (out / "validation").mkdir()
    _write(out / "validation", "summary.json", "old verdict")
    nxt = store.new_staging()
    _write(nxt, "posts.parquet", "new posts")
    store.switch(nxt)
    assert (out / "posts.parquet").read_text() == "new posts"
    # nothing of the old build survives next to the new one: no stale verdict, no old table
    assert not (out / "comments.parquet").exists() and not (out / "validation").exists()
    assert (store.fragments / "k1" / "summary.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_interrupted_build_leaves_the_old_one_and_is_tidied(tmp_path):
    out = tmp_path / "build"
    store = BuildStore.open(out)
    _write(out, "posts.parquet", "old")
    nxt = store.new_staging()
    _write(nxt, "posts.parquet", "half written")
    # killed here: the next build finds the leftover, removes it, keeps the old build
    BuildStore.open(out)
    assert (out / "posts.parquet").read_text() == "old"
    assert not nxt.exists()


def test_a_build_killed_between_the_two_renames_is_restored(tmp_path):
    out = tmp_path / "build"
    _write(out, "posts.parquet", "old")
    (out / ".cache").mkdir()
    old = tmp_path / ".build.old-deadbeef"
    os.rename(out, old)  # the fallback switch moved the old build aside, then the process died
    BuildStore.open(out)
    assert (out / "posts.parquet").read_text() == "old" and (out / ".cache").is_dir()
    assert not old.exists()
