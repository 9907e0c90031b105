"""The reader ratchet: score a gold-labelled corpus and keep the pinned floors.

    python bench/readers_eval/evaluate.py                       # the committed CI corpus
    python bench/readers_eval/evaluate.py --corpus DIR          # any folder of *.gold.json
    python bench/readers_eval/evaluate.py --pin                 # re-pin after a corpus change
    python bench/readers_eval/evaluate.py --pin --allow-lower --reason "why"   # lower a floor

Floors live in ``<corpus>/floors.json`` with the SHA-256 of the corpus (every gold file and the
bytes of its page): a run on a changed corpus, or one that falls below a floor, fails. Pinning
never lowers a floor unless ``--allow-lower`` comes with a ``--reason``, which is kept in the
file's history (trafilatura's ``tests/eval_gate.py`` works the same way).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from therapy_threads.readers import corpus_eval as ce  # noqa: E402

DEFAULT = ROOT / "tests" / "fixtures" / "readers_corpus"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--pin", action="store_true", help="write the measured scores as the floors")
    ap.add_argument("--allow-lower", action="store_true")
    ap.add_argument("--reason")
    args = ap.parse_args(argv)
    root = Path(args.corpus)
    scores, summary = ce.evaluate(root)
    for s in scores:
        flag = "ok " if s.exact and not s.dirty and not s.silent_zero else "BAD"
        print(f"{flag} {s.page:50} gold {s.gold_count:4} read {s.count:4} parents "
              f"{s.pairs_correct}/{s.pairs_gold} dirty {len(s.dirty)}")
    print(json.dumps(summary, indent=1))
    digest = ce.corpus_digest(root)
    floors_path = root / "floors.json"
    old = json.loads(floors_path.read_text()) if floors_path.exists() else {}
    if args.pin:
        try:
            new = ce.pin(summary, old, digest, allow_lower=args.allow_lower, reason=args.reason)
        except ValueError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        floors_path.write_text(json.dumps(new, indent=1) + "\n")
        print(f"pinned {floors_path}")
        return 0
    problems = ce.check_floors(summary, old, digest)
    for p in problems:
        print(f"FLOOR: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
