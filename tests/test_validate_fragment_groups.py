"""Fragments validated together in one Great Expectations batch get the verdict each would get
alone: nothing of one fragment (ids, posts, positions) leaks into another's checks."""
from __future__ import annotations

import dataclasses
import json
import shutil

import numpy as np
import pandas as pd

from therapy_threads import ids
from therapy_threads.validate.build import _split_by_source
from therapy_threads.validate.fragment import validate_fragments
from therapy_threads.validate.frames import _duplicated
from therapy_threads.validate.gx_run import ExpectationOutcome

from test_validate_support import good_rows, report_for, write_build


def _broken_rows() -> dict:
    rows = good_rows()
    com = rows["comments"]
    com[5]["position"] = 4  # src-a: two comments of post 1 at position 4
    com[1]["parent_id"] = com[2]["comment_id"]  # src-a: a cycle
    com[11]["parent_id"] = com[0]["comment_id"]  # src-b: a parent that only src-a has
    com[12]["text"] = "write to jane.doe@example.org"  # src-b: a leak
    com[10]["comment_id"] = com[8]["comment_id"]  # the same id in both sources: not a per-source duplicate
    com[11]["depth"] = 7
    rows["posts"][2]["post_id"] = rows["posts"][0]["post_id"]  # and the same post id
    for c in com[9:]:
        c["post_id"] = rows["posts"][0]["post_id"]
    return rows


def test_a_group_gives_each_fragment_its_own_verdict(tmp_path):
    rows = _broken_rows()
    build = write_build(tmp_path / "build", rows, report=report_for(rows))
    (tmp_path / "split").mkdir()
    problems: list = []
    parts = _split_by_source(build, json.loads((build / "build_report.json").read_text()), tmp_path / "split", problems)
    assert problems == []
    frags = [d for _, d in parts]
    assert len(frags) == 2
    alone = []
    for i, f in enumerate(frags):
        copy = shutil.copytree(f, tmp_path / f"alone-{i}")
        alone.append(validate_fragments([str(copy)])[0])
    together = validate_fragments([str(f) for f in frags])
    assert together == alone
    failed = [{it["check"] for items in d["suites"].values() for it in items if not it["success"]} for d in together]
    assert {"position_unique_in_post", "no_cycle"} <= failed[0]
    assert {"parent_in_post", "text_no_email_or_url"} <= failed[1]
    assert "comment_id_unique" not in failed[0] | failed[1]
    keys = {f.name for f in dataclasses.fields(ExpectationOutcome)}
    for d in together:
        for items in d["suites"].values():
            for it in items:
                assert set(it) - {"withheld_values"} == keys


def test_duplicated_is_pandas_duplicated_keep_false():
    rng = np.random.default_rng(3)
    for n in (0, 1, 2, 5, 50, 400):
        a = rng.integers(-1, 4, n)
        b = rng.integers(-1, 6, n)
        want = pd.DataFrame({"p": a, "q": b}).duplicated(keep=False).to_numpy()
        assert (_duplicated(a, b) == want).all()


def test_validate_build_in_a_child_process_gives_the_same_summary(tmp_path, monkeypatch):
    from therapy_threads.validate import build as build_mod
    from therapy_threads.validate import validate_build

    from helpers_build import TEST_KEY

    rows = _broken_rows()
    results = []
    for child_groups in (99, 1):  # in this process, then in a spawned worker
        monkeypatch.setattr(build_mod, "CHILD_GROUPS", child_groups)
        d = write_build(tmp_path / f"b{child_groups}", rows, report=report_for(rows))
        s = validate_build(d, TEST_KEY, data_docs=False)
        results.append(json.loads((d / "validation" / "summary.json").read_text()))
        assert not s.success
    for r in results:
        r.pop("run", None), r.pop("build_dir", None)
    assert results[0] == results[1]
    assert {"position_unique_in_post", "no_cycle", "parent_in_post"} <= {f["check"] for f in results[0]["failures"]}
