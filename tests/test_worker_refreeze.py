"""A worker freezes what its first source loaded on first use, once (issue 13, CPU): later collections
after each source no longer walk it. Run in a child process: freezing changes the collector's state."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import gc
from therapy_threads import pipeline

assert pipeline._REFREEZE == [False]
pipeline._freeze_heap()
assert pipeline._REFREEZE == [True]
loaded_late = [frozenset(str(i) for i in range(100)) for _ in range(50)]  # what a first source loads on first use
pipeline._give_back_memory()
assert pipeline._REFREEZE == [False]
assert not any(o is loaded_late for o in gc.get_objects())  # frozen with the rest
later = [[i] for i in range(50)]
pipeline._give_back_memory()  # once only: what comes later stays in the collector's reach
assert any(o is later for o in gc.get_objects())
print("ok")
"""


def test_first_source_loads_are_frozen_once():
    out = subprocess.run([sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")
