"""CPU of the extraction worker's path per stage, and a digest of the fragments it writes.

    .venv/bin/python bench/bench_worker.py /tmp/corpus --out /tmp/fragments [--per-recognizer] [--limit N] [--json out.json]

Runs what an extraction worker runs for each source of a ``synth.py`` corpus, in one process:
read (``pipeline.read_source``), include rule, language, bad-row isolation, ``Anonymiser.apply``,
``write_fragment`` with the privacy audit, and the memory give-back after each source. The
models and word lists are loaded and frozen out of the collector first, as in a worker. CPU
seconds (``time.process_time``) are per run; per stage they are thread CPU timers around each
stage (``--per-recognizer`` also times every recognizer, which adds a little overhead).

``digest`` is SHA-256 over every file of every fragment (the wall-clock ``seconds`` field of
``summary.json`` left out): two versions of the code that write the same fragments print the
same digest. To compare two commits side by side on a shared machine, export the older one
(``git archive <commit> | tar -x -C /tmp/old``) and run both copies of this script at the same time.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from therapy_threads import pipeline  # noqa: E402
from therapy_threads.anonymise import Anonymiser, Policy, ner  # noqa: E402
from therapy_threads.readers import SourceRef  # noqa: E402
import therapy_threads.validate.privacy as privacy  # noqa: E402

KEY = hashlib.sha256(b"bench key, not secret").digest()


def fragments_digest(out: Path) -> str:
    h = hashlib.sha256()
    for d in sorted(p for p in out.iterdir() if p.is_dir()):
        for p in sorted(d.iterdir()):
            b = p.read_bytes()
            if p.name == "summary.json":
                doc = json.loads(b)
                doc.pop("seconds", None)
                b = json.dumps(doc, sort_keys=True).encode()
            h.update(d.name.encode() + b"\0" + p.name.encode() + b"\0" + hashlib.sha256(b).digest())
    return h.hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="a synth.py corpus (post_*.txt)")
    ap.add_argument("--out", type=Path, required=True, help="fragments are written here (emptied first)")
    ap.add_argument("--per-recognizer", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sources")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()

    anon = Anonymiser(KEY, Policy.load(None))
    ner.load(anon.policy.ner.model, anon.policy.ner.exclude)
    pipeline._freeze_heap()  # what a worker has loaded, out of the collector's reach, as in a worker

    cpu: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def run(*args, **kw):
            t0 = time.thread_time()
            try:
                return fn(*args, **kw)
            finally:
                cpu[name] += time.thread_time() - t0
        return run

    pipeline.read_source = timed("read", pipeline.read_source)
    anon.apply = timed("anonymise", anon.apply)
    anon._prepare = timed("anonymise: prepare (context per post)", anon._prepare)
    anon._propagate = timed("anonymise: propagate", anon._propagate)
    anon._run_ner = timed("anonymise: ner", anon._run_ner)
    privacy.audit_fragment = timed("write: privacy audit", privacy.audit_fragment)
    pipeline.write_fragment = timed("write (tables, audit, indexes)", pipeline.write_fragment)
    pipeline._give_back_memory = timed("give back memory", pipeline._give_back_memory)
    if a.per_recognizer:
        for rec in anon.engine.recognizers:
            def run(t, _f=rec.analyze, _n="recognizer: " + type(rec).__name__):
                t0 = time.thread_time()
                found = list(_f(t))
                cpu[_n] += time.thread_time() - t0
                return found
            rec.analyze = run

    files = sorted(a.corpus.glob("post_*.txt"))[: a.limit or None]
    if a.out.exists():
        shutil.rmtree(a.out)
    a.out.mkdir(parents=True)
    comments = chars = 0
    t0, w0 = time.process_time(), time.time()
    for f in files:
        ref = SourceRef(f.stem, str(f), format="text_capture")
        result, summary, tokens = pipeline.process_source(ref, f.read_bytes(), anon)
        comments += len(result.comments)
        chars += sum(len(c.text or "") for c in result.comments)
        pipeline.write_fragment(result, summary, tokens, a.out / f.stem, key=KEY, extra={})
        del result
        pipeline._give_back_memory()
    total = time.process_time() - t0
    doc = {"sources": len(files), "comments": comments, "comment_chars": chars, "cpu_s": round(total, 2),
           "wall_s": round(time.time() - w0, 1), "ms_cpu_per_comment": round(1000 * total / max(1, comments), 4),
           "comment_chars_per_cpu_s": round(chars / total) if total else None,
           "digest": fragments_digest(a.out),
           "cpu_by_stage": {k: round(v, 2) for k, v in sorted(cpu.items(), key=lambda kv: -kv[1])}}
    print(json.dumps(doc, indent=1))
    if a.json:
        a.json.write_text(json.dumps(doc, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
