"""Memory and CPU of a build against the NUMBER OF SOURCES, without extracting them all.

    python bench/bench_sources.py --sources 10000 --from-posts 500 --work /tmp/tt-sources
    python bench/bench_sources.py --sources 10000 --work /tmp/tt-sources --new-source
    python bench/bench_sources.py --sources 10000 --work /tmp/tt-sources --probe

A 5M-comment benchmark corpus has 10,000 sources. Extraction does not grow with them (workers are
recycled), but everything around it might: the plan, locate + key, the report, validation's
orchestration, Prefect's task and flow-run records, assembly and the gate. This builds the
structures of an N-source build cheaply:

1. **base** — a real build of ``--from-posts`` sources (``synth.py --posts P --comments 10*P``,
   built cold by the CLI into ``WORK/base``; reused when it is there);
2. **expand** — a manifest of N tiny source files (``WORK/n{N}/corpus``) and, in the build folder
   ``WORK/n{N}/build``, N fragments: fragment ``i`` is base fragment ``i % P``, copy ``i // P``,
   with its ids (``p_``/``c_`` + 20 hex) remapped per copy, its ``source_id`` rewritten and, in
   copies after the first, its identity index emptied (the cross-source identity join then has no
   false matches), each stored under the key the builder computes for its manifest entry
   (``pipeline.fragment_key``: the tiny file's bytes, the code and library versions, the
   settings). Validation verdicts are carried over, so a build hits the cache for every source;
3. **run** — ``therapy-threads build`` over that manifest (every source a cache hit: locate, key,
   validation's orchestration, assembly, the gate, Prefect's runs), the whole process tree's PSS
   sampled every 0.1 s and attributed to the phase the CLI's progress lines say it is in; CPU
   seconds of the tree;
4. ``--new-source`` — a re-run after adding one new real source (a copy of a base post): its CPU
   as a share of a cold build's (no cold N-source build is run: give ``--cold-ms-per-comment``);
5. ``--probe`` — the library's ``builder.build`` in this process (``LocalExecutor``, no Prefect),
   VmHWM, RSS and tracemalloc's current/peak per stage, and the top allocation sites at the end
   of the key stage: what the build itself holds per source, apart from Prefect.

The per-source structures are those of a 5M build; the per-comment ones are not (N/P times the
base's comments: 100k at 10,000 sources). Prints one JSON document; ``--hash`` adds the SHA-256
of each assembled table (to compare the bytes before and after a change).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_e2e import run_measured  # noqa: E402

_ID = re.compile(r"\b([pc])_([0-9a-f]{20})\b")
ID_COLUMNS = {"posts": ("post_id",), "comments": ("comment_id", "post_id", "parent_id", "root_id", "path"),
              "quarantine": ("post_id", "location", "detail"), "furniture": ("post_id",)}
TABLE_FILES = ("posts.parquet", "comments.parquet", "quarantine.parquet", "furniture.parquet")
ASSEMBLED = TABLE_FILES + ("private/word_index.parquet", "private/identity_index.parquet",
                           "private/identity_tokens.txt")


# --------------------------------------------------------------------------------- phases

# The CLI's progress lines (without --quiet) and the phase that starts with each.
PHASE_MARKS = (("therapy-threads build:", "start"), ("locate:", "key"), ("key:", "after_key"),
               ("extract:", "after_extract"), ("[", "extract"), ("validate:", "after_validate"),
               ("assembling the tables", "assemble"), ("validating and auditing", "gate"),
               ("build ", "exit"))


def phase_of(line: str) -> str | None:
    for mark, phase in PHASE_MARKS:
        if line.startswith(mark):
            return phase
    return None


# --------------------------------------------------------------------------------- base

def _cli() -> str:
    return str(Path(sys.executable).parent / "therapy-threads")


def _env() -> dict[str, str]:
    return dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", HF_HUB_OFFLINE="1")


def make_key(work: Path) -> Path:
    key = work / "bench.key"
    if not key.exists():
        key.write_text(os.urandom(32).hex() + "\n")
        key.chmod(0o600)  # a key file others can read is refused
    return key


def base_build(work: Path, posts: int, seed: int) -> Path:
    """A real cold build of ``posts`` synthetic sources (reused when it is there)."""
    base = work / "base"
    corpus = work / "base-corpus"
    if (base / "build_report.json").exists():
        return base
    shutil.rmtree(corpus, ignore_errors=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--out", str(corpus), "--posts",
                    str(posts), "--comments", str(10 * posts), "--seed", str(seed)], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([_cli(), "build", "--sources", str(corpus), "--out", str(base), "--quiet",
                    "--key-file", str(make_key(work)), "--registry", str(work / "no-registry")],
                   check=True, env=_env())
    return base


def base_fragments(base: Path) -> list[Path]:
    """The base build's fragments in its report's (source id) order."""
    report = json.loads((base / "build_report.json").read_text())
    return [base / s["fragment"] for s in report["sources"] if s.get("fragment")]


# --------------------------------------------------------------------------------- expand

def _remap(copy: int):
    if copy == 0:
        return lambda s: s
    cache: dict[str, str] = {}

    def one(m: re.Match) -> str:
        old = m.group(0)
        new = cache.get(old)
        if new is None:
            new = cache[old] = m.group(1) + "_" + hashlib.sha256(f"{copy}:{old}".encode()).hexdigest()[:20]
        return new

    return lambda s: s if s is None else _ID.sub(one, s)


def copy_fragment(src: Path, dest: Path, copy: int, source_id: str, summary: dict) -> None:
    """Base fragment ``src`` as copy ``copy`` for ``source_id`` (see the module's docstring)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from therapy_threads import pipeline
    from therapy_threads.validate.privacy import _write_index

    remap = _remap(copy)
    tmp = dest.with_name(".tmp-" + dest.name)
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name in TABLE_FILES:
        t = pq.read_table(src / name)
        cols = {}
        for c in t.column_names:
            col = t.column(c)
            if c == "source_id":
                col = pa.array([source_id] * t.num_rows, col.type)
            elif c in ID_COLUMNS[name.split(".")[0]] and copy:
                col = pa.array([remap(v) for v in col.to_pylist()], col.type)
            cols[c] = col
        pipeline.write_table(pa.table(cols, schema=t.schema), tmp / name)
    for idx in ("word_index.parquet", "identity_index.parquet"):
        tokens = [] if (copy and idx.startswith("identity")) else pq.read_table(src / idx).column("token").to_pylist()
        _write_index(tmp / idx, source_id, tokens)
    shutil.copy(src / "identity_tokens.txt", tmp / "identity_tokens.txt")
    audit = json.loads((src / "audit.json").read_text())
    for row in (audit.get("review") or {}).get("rows", []) + audit.get("hits", []):
        if isinstance(row, dict) and isinstance(row.get("row_id"), str):
            row["row_id"] = remap(row["row_id"])
    (tmp / "audit.json").write_text(json.dumps(audit, sort_keys=True))
    if (src / "validation.json").exists():
        text = (src / "validation.json").read_text()
        (tmp / "validation.json").write_text(_ID.sub(lambda m: remap(m.group(0)), text) if copy else text)
    (tmp / "summary.json").write_text(json.dumps(summary, indent=1, sort_keys=True))
    shutil.rmtree(dest, ignore_errors=True)
    os.replace(tmp, dest)


def expand(work: Path, base: Path, n: int) -> tuple[Path, Path]:
    """WORK/n{N}/corpus (manifest + N tiny files) and a fresh WORK/n{N}/build holding the N
    fragments under the keys the builder computes now.

    The fragments themselves are made once per source id in WORK/fragments (they do not depend
    on the code: source ``src-000123`` is the same copy whatever N) and hard-linked into the build
    folder under the current key (which does: a change to the package's code changes every key),
    with a ``summary.json`` of its own naming that key."""
    from therapy_threads import pipeline
    from therapy_threads.builder import BuildOptions, plan_build
    from therapy_threads.ids import sha256_file

    root = work / f"n{n}"
    corpus, out = root / "corpus", root / "build"
    pool = work / "fragments"
    key = make_key(work)
    frags = base_fragments(base)
    corpus.mkdir(parents=True, exist_ok=True)
    pool.mkdir(exist_ok=True)
    lines = ["# bench/bench_sources.py: tiny files standing for sources whose fragments are cached\n"]
    for i in range(n):
        sid = f"src-{i:06d}"
        f = corpus / f"{sid}.txt"
        if not f.exists():
            f.write_text(f"tiny source {i} standing for copy {i // len(frags)} of base fragment {i % len(frags)}\n")
        lines.append(f'\n[[source]]\nid = "{sid}"\nlocation = "{sid}.txt"\nformat = "text_capture"\n'
                     f'site = "Synthetic blog"\nretrieved = "2026-11-23"\n'
                     'licence = "synthetic: generated by bench/synth.py"\n')
    (corpus / "sources.toml").write_text("".join(lines))
    plan = plan_build(BuildOptions(sources=str(corpus), out=str(out), key_file=str(key)))
    fragments = out / ".cache" / "fragments"
    shutil.rmtree(out, ignore_errors=True)
    fragments.mkdir(parents=True)
    t = time.perf_counter()
    made = 0
    for i, ref in enumerate(plan.refs):
        path = corpus / ref.location
        sha = sha256_file(path)
        src = frags[i % len(frags)]
        summary = json.loads((src / "summary.json").read_text())
        summary.update(source_id=ref.source_id, location=ref.location, sha256=sha,
                       bytes=path.stat().st_size, fragment="")
        copy = pool / ref.source_id
        if not (copy / "summary.json").exists():
            copy_fragment(src, copy, i // len(frags), ref.source_id, summary)
            made += 1
            if made % 1000 == 0:
                print(f"expand: {made} new fragments ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
        fkey = pipeline.fragment_key(ref, sha, plan.code_fp, plan.settings_fp)
        dest = fragments / fkey
        dest.mkdir()
        for f in copy.iterdir():
            if f.name != "summary.json":
                os.link(f, dest / f.name)
        summary["fragment"] = fkey
        (dest / "summary.json").write_text(json.dumps(summary, indent=1, sort_keys=True))
    return corpus, out


# --------------------------------------------------------------------------------- run

def table_hashes(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest()[:16]
            for name in ASSEMBLED if (out / name).exists()}


def cli_build(corpus: Path, out: Path, key: Path, work: Path, workers: int | None) -> dict:
    cmd = [_cli(), "build", "--sources", str(corpus), "--out", str(out), "--key-file", str(key),
           "--registry", str(work / "no-registry")] + (["--workers", str(workers)] if workers else [])
    res = run_measured(cmd, _env(), phase_of=phase_of)
    res.pop("tail", None)
    report = json.loads((out / "build_report.json").read_text())
    res["timings"] = report.get("timings")
    res["totals"] = {k: report["totals"][k] for k in ("sources", "posts", "comments", "quarantined")}
    res["cache"] = {c: sum(1 for s in report["sources"] if s.get("cache") == c) for c in ("hit", "miss")}
    res["validation"] = json.loads((out / "validation" / "summary.json").read_text()).get("success") \
        if (out / "validation" / "summary.json").exists() else None
    return res


NEW_ENTRY = ('\n[[source]]\nid = "zz-new-source"\nlocation = "zz-new-source.txt"\n'
             'format = "text_capture"\n')


def rerun_with_new_source(corpus: Path, out: Path, key: Path, work: Path, workers: int | None) -> dict:
    """The re-run after adding one real source (a copy of the base corpus's first post)."""
    first = sorted((work / "base-corpus").glob("post_*.txt"))[0]
    manifest = corpus / "sources.toml"
    original = manifest.read_text().replace(NEW_ENTRY, "")
    shutil.copy(first, corpus / "zz-new-source.txt")
    manifest.write_text(original + NEW_ENTRY)
    try:
        return cli_build(corpus, out, key, work, workers)
    finally:
        manifest.write_text(original)
        (corpus / "zz-new-source.txt").unlink(missing_ok=True)


def _vm(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class _Stop(Exception):
    pass


def probe(corpus: Path, out: Path, key: Path, work: Path, top: int, until: str | None = None) -> dict:
    """builder.build in this process (no Prefect): memory per stage (stopped after stage
    ``until``: traced, the gate takes many times its usual CPU)."""
    import tracemalloc

    from therapy_threads import builder
    from therapy_threads.executors import LocalExecutor

    tracemalloc.start(8)
    stages: list[dict] = []
    tops: list[str] = []

    def mark(stage: str) -> None:
        cur, peak = tracemalloc.get_traced_memory()
        stages.append({"stage": stage, "rss_mb": _vm("VmRSS"), "hwm_mb": _vm("VmHWM"),
                       "traced_mb": round(cur / 2**20, 1), "traced_peak_mb": round(peak / 2**20, 1)})
        print(json.dumps(stages[-1]), file=sys.stderr, flush=True)  # as it happens: the gate is slow traced
        if stage == "after key" and top:
            snap = tracemalloc.take_snapshot()
            for s in snap.statistics("traceback")[:top]:
                tops.append(f"{s.size / 2**20:.1f} MB in {s.count} blocks: " +
                            " <- ".join(f"{Path(fr.filename).name}:{fr.lineno}" for fr in list(s.traceback)[-4:]))
                print(tops[-1], file=sys.stderr, flush=True)
        tracemalloc.reset_peak()

    def progress(stage: str, done: int, total: int, item) -> None:
        if stage in ("locate", "key") and done == total:
            mark(f"after {stage}")
            if stage == until:
                raise _Stop
        elif stage in ("assemble", "gate") and done == 0:
            mark(f"before {stage}")

    mark("start")
    plan = builder.plan_build(builder.BuildOptions(sources=str(corpus), out=str(out), key_file=str(key),
                                                   registry=str(work / "no-registry"), data_docs=True))
    mark("after plan")
    try:
        with LocalExecutor(1) as ex:
            builder.build(plan, ex, progress)
        mark("end")
    except _Stop:
        pass
    return {"stages": stages, "top_after_key": tops}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=10_000, help="sources in the measured build")
    ap.add_argument("--from-posts", type=int, default=500, help="sources of the real base build")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--work", default="/tmp/tt-sources")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--expand-only", action="store_true", help="make the base and the N fragments, run nothing")
    ap.add_argument("--new-source", action="store_true",
                    help="also re-run with one new real source added (after the all-hit build)")
    ap.add_argument("--cold-ms-per-comment", type=float, default=None,
                    help="CPU ms per comment of a cold build (e.g. from the 1M run) to put the re-run in "
                         "proportion to a cold build of the corpus the N sources stand for (N/P x 10 P comments)")
    ap.add_argument("--cold-comments", type=int, default=None,
                    help="comments of the cold build the re-run is put in proportion to (default: the N "
                         "sources' own, N/P x the base's; 5000000 for the 5M corpus N=10,000 stands for)")
    ap.add_argument("--probe", action="store_true", help="in-process probe of builder.build instead of the CLI")
    ap.add_argument("--top", type=int, default=12, help="allocation sites listed by --probe")
    ap.add_argument("--probe-until", choices=("locate", "key"), default=None,
                    help="stop the probe after this stage")
    ap.add_argument("--hash", action="store_true", help="SHA-256 of the assembled tables")
    args = ap.parse_args()

    work = Path(args.work).absolute()
    work.mkdir(parents=True, exist_ok=True)
    key = make_key(work)
    base = base_build(work, args.from_posts, args.seed)
    corpus, out = expand(work, base, args.sources)
    result: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "sources": args.sources,
                    "base_sources": len(base_fragments(base)), "load_average": os.getloadavg()[0]}
    if args.expand_only:
        print(json.dumps(result, indent=2))
        return
    if args.probe:
        result["probe"] = probe(corpus, out, key, work, args.top, args.probe_until)
    else:
        result["all_hits"] = cli_build(corpus, out, key, work, args.workers)
        if args.hash:
            result["tables_sha256"] = table_hashes(out)
        if args.new_source:
            rerun = rerun_with_new_source(corpus, out, key, work, args.workers)
            result["new_source"] = rerun
            if args.cold_ms_per_comment:
                base_comments = json.loads((base / "build_report.json").read_text())["totals"]["comments"]
                comments = args.cold_comments or base_comments * args.sources / len(base_fragments(base))
                result["new_source"]["cold_comments"] = round(comments)
                cold = comments * args.cold_ms_per_comment / 1000
                result["new_source"]["cold_cpu_estimate_s"] = round(cold, 1)
                result["new_source"]["cpu_share_of_cold"] = round(rerun["cpu_seconds"] / cold, 4)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
