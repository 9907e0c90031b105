"""The extraction fork server runs one invented source through the worker's path before it forks
(``pipeline.warm_up``, issue 13 memory): it must keep nothing of it (no key, no fragment, no per-source
memo) and must not change what a worker writes afterwards. Run in a child process: it loads the models."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r'''
import json, os, tempfile
from pathlib import Path
from therapy_threads import pipeline
from therapy_threads.anonymise import Anonymiser, Policy, phones
from therapy_threads.readers import SourceRef

PAGE = """Learning to Wait

The week between sessions is long. My therapist says that is normal.

By Orla Penhallow


  1. Thank you Orla. My counsellor in Bristol said the same, and my sister Wenna agrees.

    Liked by 2 people

    1. Ring me on 020 7946 0718 or write to wenna.trebar@example.net, Maelis!

  2. Meine Therapeutin in Kassel sagt das auch, und mein Bruder Joris lacht darüber.
"""
KEY = bytes(range(32))
REF = SourceRef(source_id="t", location="t.txt", format="text_capture", site="Test blog")


def fragment(dest):
    a = Anonymiser(KEY, policy=Policy.load(None))
    result, summary, tokens = pipeline.process_source(REF, PAGE.encode(), a)
    pipeline.write_fragment(result, summary, tokens, dest, key=KEY, extra={"anonymiser_fingerprint": a.fingerprint})
    pipeline._give_back_memory()
    files = {p.name: p.read_bytes() for p in dest.iterdir()}
    doc = json.loads(files["summary.json"])
    doc.pop("seconds")  # wall time
    files["summary.json"] = json.dumps(doc, sort_keys=True).encode()
    return files, len(result.comments)


work = Path(tempfile.mkdtemp())
# as a worker forked without the warm-up writes it (same folder name: the summary holds it)
before, n = fragment(work / "before" / "fragment")
assert n >= 3, n  # the comments were read
tempfile.tempdir = str(work / "tmp")
os.mkdir(tempfile.tempdir)
pipeline.warm_up()
assert os.listdir(tempfile.tempdir) == []  # its fragment is gone
assert pipeline._WORKER == {}  # no key or anonymiser kept
assert phones._MEMO == {}  # nor the finders' per-source memo
after, _ = fragment(work / "after" / "fragment")
assert before == after, [k for k in before if before[k] != after.get(k)]
print("ok")
'''


def test_warm_up_keeps_nothing_and_changes_no_fragment():
    out = subprocess.run([sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"},
                         timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().endswith("ok")


def test_fork_server_preload_runs_the_warm_up():
    """The preload swallows errors (a worker loads what is missing): check that the warm-up itself
    runs, or the workers would silently go back to copying their first source's pages."""
    src = (ROOT / "therapy_threads" / "worker_preload.py").read_text(encoding="utf-8")
    assert "pipeline.warm_up()" in src
    assert (ROOT / "therapy_threads" / "data" / "warm_up_page.txt").is_file()
