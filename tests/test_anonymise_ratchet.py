"""The ratchet: name-removal recall, contact removal and keep-rate on every labelled set in
eval/anonymise/ may not drop more than one item below the floors pinned in floors.json, and the
floors must have been measured on exactly the eval data in the repo (digest).

Raise floors after an improvement with ``python bench/measure_anonymisation.py --pin``; lowering one
needs ``--pin --lower-floors --reason "..."`` (recorded in floors.json's history).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from therapy_threads.anonymise import Anonymiser
from therapy_threads.anonymise import evalset as ev

EVAL = Path(__file__).resolve().parent.parent / "eval" / "anonymise"
FLOORS = json.loads((EVAL / "floors.json").read_text(encoding="utf-8"))
SETS = sorted(p.stem for p in EVAL.glob("*.tt"))


def test_floors_were_measured_on_this_eval_data():
    assert FLOORS["digest"] == ev.data_digest(EVAL), (
        "eval/anonymise changed since the floors were pinned: re-measure and re-pin with "
        "'python bench/measure_anonymisation.py --pin'")
    assert sorted(FLOORS["floors"]) == SETS


@pytest.fixture(scope="module")
def anon():
    return Anonymiser(ev.EVAL_KEY)


@pytest.mark.parametrize("name", SETS)
def test_no_figure_drops_below_its_floor(name, anon, tmp_path):
    es = ev.load(EVAL / f"{name}.tt")
    below = []
    for form in ev.FORMS:
        sc = ev.measure(es, anon, form, tmp_path).as_dict()
        floor = FLOORS["floors"][name][form]
        for fig in ("recall", "contact_recall", "keep_rate"):
            n = max(1, floor["items"][fig])
            if sc[fig] < floor[fig] - 1.0 / n - 1e-4:  # one item is the measurement's grain (floor and score are both kept to 4 places)
                below.append(f"{form} {fig} {sc[fig]:.3f} < floor {floor[fig]:.3f}")
    assert not below, f"{name}: {below}"
