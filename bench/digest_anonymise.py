"""SHA-256 of everything the anonymiser outputs, to prove a speed change changed no output.

    PYTHONPATH=$PWD .venv/bin/python bench/digest_anonymise.py [--synth-comments 20000] [--no-sets] [--per-set]

Anonymises, with a fixed test key and the default policy:
- ``seeds``: the seeds read by the ``text_capture`` reader, as ``bench_anonymise.py`` times them;
- ``synthetic``: a ``synth.py`` corpus (seed 7) read the same way;
- ``sets``: every labelled set in ``eval/anonymise/*.tt`` (top level only: held-out folders are
  never read), rendered as captures and as WXR exports and run through the build's per-source stage
  (``pipeline.process_source``: reader, include rule, language detection, row checks, anonymiser),
  as ``measure_anonymisation.py`` does.

Per corpus it prints the digest of the whole anonymised ``ReadResult`` (every field of every post,
comment, furniture and quarantine row: texts, pseudonyms, post URLs, ...) plus the report's counts
and identity tokens. Run it before and after a change and diff the output: equal digests mean
byte-identical output on these corpora.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_anonymise import KEY, read_seeds, read_synth  # noqa: E402
from therapy_threads.anonymise import Anonymiser, Policy  # noqa: E402
from therapy_threads.anonymise import evalset as ev  # noqa: E402


def _feed(h, result, report) -> None:
    doc = {"result": dataclasses.asdict(result), "counts": dict(sorted(report.counts.items())),
           "tokens": sorted(report.identity_tokens)}
    h.update(json.dumps(doc, sort_keys=True, ensure_ascii=False, default=str).encode())
    h.update(b"\x00")


def digest_direct(anon: Anonymiser, results) -> str:
    h = hashlib.sha256()
    for r in results:
        _feed(h, r, anon.apply(r))
    return h.hexdigest()


def digest_sets(anon: Anonymiser, workdir: Path, per_set: bool) -> str:
    from therapy_threads.pipeline import load_manifest, local_path, process_source

    total = hashlib.sha256()
    for path in sorted((ROOT / "eval" / "anonymise").glob("*.tt")):  # top level: no held-out folder
        es = ev.load(path)
        h = hashlib.sha256()
        for form in ev.FORMS:
            src = ev.write_sources(es, form, workdir / f"{es.name}-{form}")
            base, refs = load_manifest(src)
            for ref in refs:
                result, summary, tokens = process_source(ref, local_path(base, ref).read_bytes(), anon)
                summary = dataclasses.replace(summary, seconds=0.0)  # the only field that is not output
                _feed(h, result, type("R", (), {"counts": summary.anonymised, "identity_tokens": tokens})())
                h.update(json.dumps(dataclasses.asdict(summary), sort_keys=True, default=str).encode())
        if per_set:
            print(f"  {es.name:28s} {h.hexdigest()[:16]}")
        total.update(h.digest())
    return total.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--synth-comments", type=int, default=20000)
    ap.add_argument("--no-sets", action="store_true", help="skip the labelled sets (the slowest part)")
    ap.add_argument("--per-set", action="store_true", help="also print each labelled set's digest")
    args = ap.parse_args(argv)
    anon = Anonymiser(KEY, Policy.load(None))
    print(f"seeds      {digest_direct(anon, read_seeds(1))}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        synth, _truth = read_synth(args.synth_comments, Path(tmp))
        print(f"synthetic  {digest_direct(anon, synth)}  ({args.synth_comments} comments)", flush=True)
        if not args.no_sets:
            print(f"sets       {digest_sets(anon, Path(tmp), args.per_set)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
