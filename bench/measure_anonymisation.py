"""Measure the anonymiser on the labelled sets; write docs/anonymisation-metrics.json.

    python bench/measure_anonymisation.py                  # measure every set, update the metrics file
    python bench/measure_anonymisation.py --first SET ...  # record a new set's first measurement
    python bench/measure_anonymisation.py --via build      # through 'therapy-threads build' (slow)

Each set in eval/anonymise/ is rendered twice — text captures without commenter identities and a
WordPress export with them — and read by the project's readers and the build's per-source stage
(``pipeline.process_source``), or with ``--via build`` by the whole build command. The figures:
private mentions removed (recall), phone numbers / e-mails / links removed, must-keep items intact.

A set's *first* measurement is written once, under ``first_measurement``, and never overwritten: it
is the honest estimate for unseen text. Later runs update ``current`` only. ``tuned_on`` lists the
sets the rules were changed against after their first measurement (no longer held out).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from therapy_threads.anonymise import Anonymiser  # noqa: E402
from therapy_threads.anonymise import evalset as ev  # noqa: E402
from therapy_threads.anonymise.evaluate import score_seeds  # noqa: E402

EVAL = ROOT / "eval" / "anonymise"
METRICS = ROOT / "docs" / "anonymisation-metrics.json"
KEY = b"metrics-key-not-a-real-key-00000"
FORMS = ("capture", "wxr")


def measure_all(names: list[str], via: str) -> dict:
    anon = Anonymiser(KEY)
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        key_file = Path(tmp) / "key"
        key_file.write_bytes(KEY)
        key_file.chmod(0o600)
        for name in names:
            es = ev.load(EVAL / f"{name}.tt")
            out[name] = {"digest": es.digest}
            for form in FORMS:
                t0 = time.perf_counter()
                if via == "build":
                    sc = ev.measure_build(es, form, Path(tmp), key_file)
                else:
                    sc = ev.measure(es, anon, form, Path(tmp))
                out[name][form] = {**sc.as_dict(), "leaked": sc.leaked, "damaged": sc.damaged}
                print(f"{name:20s} {form:8s} recall {sc.recall:.3f} ({sc.private_removed}/{sc.private_total})  "
                      f"contacts {sc.contact_removed}/{sc.contact_total}  keep {sc.keep_rate:.3f} "
                      f"({sc.keep_intact}/{sc.keep_total})  {time.perf_counter() - t0:.1f}s", flush=True)
    return out


def pooled(results: dict, form: str) -> dict:
    tot = ev.SetScore()
    for r in results.values():
        d = r[form]
        tot.private_total += d["private_mentions"]
        tot.private_removed += d["private_removed"]
        tot.contact_total += d["contacts"]
        tot.contact_removed += d["contacts_removed"]
        tot.keep_total += d["must_keep"]
        tot.keep_intact += d["kept_intact"]
    return tot.as_dict()


def seeds() -> dict:
    anon = Anonymiser(KEY)
    sc = score_seeds(anon, ROOT / "seeds", ROOT / "tests" / "fixtures" / "person_mentions.json").values()
    tp, fn = sum(x.tp for x in sc), sum(x.fn for x in sc)
    return {"mentions": tp + fn, "found": tp, "ordinary_words_mangled": sum(x.kept_broken for x in sc),
            "false_positives": sum(len(x.false_pos) for x in sc)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--first", nargs="*", default=None,
                    help="record these sets' first measurement (refused if one is already recorded)")
    ap.add_argument("--via", choices=("stage", "build"), default="stage")
    ap.add_argument("--sets", nargs="*", default=None, help="sets to measure (default: all)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    doc = json.loads(METRICS.read_text(encoding="utf-8")) if METRICS.exists() else {}
    doc.setdefault("first_measurement", {})
    names = args.sets or sorted(p.stem for p in EVAL.glob("*.tt"))
    if args.first is not None:
        names = args.first
        again = [n for n in names if n in doc["first_measurement"]]
        if again:
            print(f"refused: {again} already have a first measurement; write a new set instead")
            return 2
    results = measure_all(names, args.via)
    if args.no_write:
        return 0
    stamp = time.strftime("%Y-%m-%d")
    if args.first is not None:
        for n in names:
            doc["first_measurement"][n] = {**results[n], "date": stamp, "via": args.via}
    else:
        doc["current"] = {"date": stamp, "via": args.via, "sets": results,
                          "pooled": {f: pooled(results, f) for f in FORMS}}
        doc["seeds"] = seeds()
    METRICS.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {METRICS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
