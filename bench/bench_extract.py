"""Extraction benchmark: the text-capture reader over a synthetic corpus (bench/synth.py).

    python bench/synth.py --out /tmp/corpus --posts 400 --comments 200000 --seed 1
    python bench/bench_extract.py /tmp/corpus [--workers 2] [--profile]

Reads every file listed in the corpus's ground_truth.json, one at a time (nothing is kept but
counters), and reports MB/s and comments/s per core (bytes / CPU seconds spent inside
``reader.read``, which includes decoding, structure, clean_text and build_tree), wall-clock
throughput, and peak RSS. It then checks every file against the ground truth: visible comment
count, top-level count, max depth, indent-jump warnings, the declared count and a digest of the
whole (key, parent key) structure. Exit status 1 when any file disagrees.

Speed targets live here, never in unit tests: >= 20 MB/s per core.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import structure_digest  # noqa: E402

from therapy_threads.readers import get_reader  # noqa: E402
from therapy_threads.readers.base import SourceRef  # noqa: E402

TARGET_MB_S = 20.0


def _peak_rss_mb() -> float:
    try:
        import psutil

        info = psutil.Process().memory_info()
        peak = getattr(info, "peak_wset", None)
        if peak:
            return peak / 1e6
    except ImportError:
        pass
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check_file(corpus: Path, truth: dict) -> dict:
    reader = get_reader("text_capture")
    data = (corpus / truth["file"]).read_bytes()
    t0 = time.process_time()
    result = reader.read(data, SourceRef(source_id=truth["file"], location=truth["file"], site="Synthetic blog"))
    cpu = time.process_time() - t0
    post = result.posts[0] if result.posts else None
    got = {
        "comments": len(result.comments) + sum(q.item_kind == "comment" for q in result.quarantine),
        "top_level": sum(c.depth == 0 for c in result.comments),
        "max_depth": max((c.depth for c in result.comments), default=0),
        "indent_jumps": sum(i.code == "indent_jump" for i in result.issues),
        "declared": post.declared_comment_count if post else None,
        "structure_sha256": structure_digest([(c.source_key, c.parent_key) for c in result.comments]),
    }
    wrong = {k: (truth[k], v) for k, v in got.items() if truth.get(k) != v}
    if any(i.severity == "error" for i in result.issues):
        wrong["errors"] = [i.message for i in result.issues if i.severity == "error"]
    return {"file": truth["file"], "bytes": len(data), "cpu": cpu, "comments": got["comments"],
            "furniture": len(result.furniture), "wrong": wrong}


def _chunk(args: tuple[str, list[dict]]) -> list[dict]:
    corpus, truths = args
    out = [check_file(Path(corpus), t) for t in truths]
    out.append({"peak_rss_mb": _peak_rss_mb()})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=1, help="processes (1 = this process)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--profile", action="store_true", help="cProfile the single-process run")
    ap.add_argument("--json", type=Path, help="also write the numbers as JSON here")
    args = ap.parse_args(argv)
    truth = json.loads((args.corpus / "ground_truth.json").read_text(encoding="utf-8"))
    files = truth["files"][: args.limit or None]
    get_reader("text_capture")  # import outside the timed region

    wall0 = time.perf_counter()
    if args.workers <= 1:
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            rows = _chunk((str(args.corpus), files))
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        else:
            rows = _chunk((str(args.corpus), files))
        peaks = [rows.pop()["peak_rss_mb"]]
    else:
        chunks = [files[i:: args.workers] for i in range(args.workers)]
        with ProcessPoolExecutor(args.workers) as pool:
            parts = list(pool.map(_chunk, [(str(args.corpus), c) for c in chunks]))
        peaks = [p.pop()["peak_rss_mb"] for p in parts]
        rows = [r for p in parts for r in p]
    wall = time.perf_counter() - wall0

    total_bytes = sum(r["bytes"] for r in rows)
    total_cpu = sum(r["cpu"] for r in rows)
    total_comments = sum(r["comments"] for r in rows)
    bad = [r for r in rows if r["wrong"]]
    report = {
        "files": len(rows), "bytes": total_bytes, "comments": total_comments,
        "furniture_rows": sum(r["furniture"] for r in rows),
        "cpu_seconds": round(total_cpu, 3), "wall_seconds": round(wall, 3), "workers": args.workers,
        "mb_per_s_per_core": round(total_bytes / 1e6 / total_cpu, 2) if total_cpu else None,
        "comments_per_s_per_core": round(total_comments / total_cpu) if total_cpu else None,
        "mb_per_s_wall": round(total_bytes / 1e6 / wall, 2),
        "peak_rss_mb_per_process": round(max(peaks), 1),
        "files_disagreeing_with_ground_truth": len(bad),
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(report, indent=2))
    for r in bad[:10]:
        print(f"MISMATCH {r['file']}: {r['wrong']}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if report["mb_per_s_per_core"] is not None and report["mb_per_s_per_core"] < TARGET_MB_S:
        print(f"below target: {report['mb_per_s_per_core']} MB/s per core < {TARGET_MB_S}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
