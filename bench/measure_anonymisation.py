"""Measure name-detection recall and precision on the labelled sets; write docs/anonymisation-metrics.json.

    python bench/measure_anonymisation.py            # prints and writes the JSON the data card reads

Sets: the five seeds (tests/fixtures/person_mentions.json, every person mention labelled by hand)
and three held-out sets written in other styles (tests/fixtures/heldout_*.json). The first
held-out set was used to fix rules after its first measurement (0.788), so its current score is
optimistic; B and C were measured once after the rules were frozen. The file records both.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from therapy_threads.anonymise import Anonymiser  # noqa: E402
from therapy_threads.anonymise.evaluate import score_heldout_file, score_seeds  # noqa: E402

FIX = ROOT / "tests" / "fixtures"
KEY = hashlib.sha256(b"metrics key, not a real key").digest()  # a random-looking 256-bit test key


def _rates(tp: int, fn: int, fp: int) -> dict:
    return {"mentions": tp + fn, "found": tp, "missed": fn, "false_positives": fp,
            "recall": round(tp / max(1, tp + fn), 4), "precision": round(tp / max(1, tp + fp), 4)}


def main() -> None:
    anon = Anonymiser(KEY)
    seeds = score_seeds(anon, ROOT / "seeds", FIX / "person_mentions.json").values()
    tp, fn = sum(x.tp for x in seeds), sum(x.fn for x in seeds)
    fp, broken = sum(len(x.false_pos) for x in seeds), sum(x.kept_broken for x in seeds)
    out = {"scope": "names of commenters, private people and the post author in comment text",
           "seeds": {**_rates(tp, fn, fp), "ordinary_words_mangled": broken}}
    first = {"heldout_forum": 0.788, "heldout_b": 0.964, "heldout_c": 1.0}
    for name in ("heldout_forum", "heldout_b", "heldout_c"):
        sc = score_heldout_file(anon, FIX / f"{name}.json")
        out[name] = {**_rates(sc.tp, sc.fn, len(sc.false_pos)),
                     "recall_at_first_measurement": first[name]}
    n = [out[k]["mentions"] for k in first]
    pooled_first = sum(first[k] * out[k]["mentions"] for k in first) / sum(n)
    out["heldout_pooled_recall_at_first_measurement"] = round(pooled_first, 3)
    out["note"] = ("Seeds are the development set. Held-out sets were written in other styles; the "
                   "first-measurement recall is the honest estimate for unseen text.")
    dest = ROOT / "docs" / "anonymisation-metrics.json"
    dest.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
