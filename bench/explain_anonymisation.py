"""Explain what the anonymiser did on a labelled set: each leak and each damaged must-keep item with
its sentence, and every span found there with the recognizer that found it and its reason.

    python bench/explain_anonymisation.py SET [--form capture|wxr] [--all]

A development aid (reads eval/anonymise/SET.tt); it prints text of the set, which is synthetic.
``--all`` prints every text with its replaced spans marked, not only those with a leak or damage.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from therapy_threads.anonymise import Anonymiser  # noqa: E402
from therapy_threads.anonymise import evalset as ev  # noqa: E402
from therapy_threads.anonymise.spans import REPLACED, resolve  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set")
    ap.add_argument("--form", choices=ev.FORMS, default="capture")
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args(argv)
    path = Path(args.set)
    if not path.exists():
        path = ROOT / "eval" / "anonymise" / f"{args.set}.tt"
    es = ev.load(path)
    anon = Anonymiser(ev.EVAL_KEY)
    seen: list[tuple[str, list]] = []
    orig_replace = anon._replace

    def spy(d, report):
        for t in d.texts:
            seen.append((t.text, resolve(list(t.spans))))
        orig_replace(d, report)

    anon._replace = spy  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        sc = ev.measure(es, anon, args.form, Path(tmp))
    print(f"{es.name} {args.form}: recall {sc.private_removed}/{sc.private_total}, keep {sc.keep_intact}/{sc.keep_total}, "
          f"contacts {sc.contact_removed}/{sc.contact_total}")
    problems = [("LEAK", x) for x in sc.leaked] + [("DAMAGE", x) for x in sc.damaged]
    print("other words removed:", ", ".join(x.split(": ", 1)[1] for x in sc.overremoved) or "none")
    for kind, item in problems:
        where, surface = item.split(": ", 1)
        print(f"\n== {kind} {where}: {surface!r}")
        for text, spans in seen:
            for m in re.finditer(re.escape(surface), text):
                a, b = max(0, m.start() - 90), min(len(text), m.end() + 90)
                print("   …" + text[a:b].replace("\n", " ⏎ ") + "…")
                for sp in spans:
                    if sp.start < b and a < sp.end:
                        print(f"      [{sp.kind}] {text[sp.start:sp.end]!r} by {sp.recognizer} ({sp.score}): {sp.reason}")
                break
    if args.all:
        for text, spans in seen:
            out, pos = [], 0
            for sp in spans:
                if sp.kind in REPLACED:
                    out.append(text[pos:sp.start] + f"⟦{text[sp.start:sp.end]}|{sp.recognizer}⟧")
                    pos = sp.end
            print("\n---\n" + "".join(out) + text[pos:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
