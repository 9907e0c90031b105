"""Time ``validate_build`` on a large synthetic build (default 1M comments, ~500 MB of text).

    .venv/bin/python bench/bench_validate.py [--comments 1000000] [--dir /tmp/tt-bench-validate]

Writes a valid build (threaded comments, consistent depth/path/positions/counts, a report that
reconciles) straight to Parquet in post-sized chunks, then validates it in a child process and
prints wall time and the child's peak RSS. Targets (project brief): well under two minutes on
2 cores, < 2 GB.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from therapy_threads import ids  # noqa: E402
from therapy_threads.schema import arrow_schema, schema_version  # noqa: E402

WORDS = ("therapy transference boundaries my therapist said the session felt safe again and I "
         "wonder whether love in therapy is real or a dependency that helps us heal slowly").split()


def make_build(out: Path, n_comments: int, per_post: int = 50, n_sources: int = 100, seed: int = 0) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    base = " ".join(rng.choice(WORDS) for _ in range(4000))
    t0 = datetime(2020, 1, 1, tzinfo=timezone.utc)
    cw = pq.ParquetWriter(out / "comments.parquet", arrow_schema("comments"), compression="zstd")
    posts: list[dict] = []
    per_source: dict[str, dict] = {}
    buf: list[dict] = []
    made = 0
    p = 0
    while made < n_comments:
        sid = f"src-{p % n_sources:03d}"
        pid = ids.post_id(sid, f"post-{p}")
        n = min(per_post, n_comments - made)
        depth, path, root, kids, cids = [], [], [], [0] * n, []
        rows = []
        for i in range(n):
            cid = ids.comment_id(pid, f"c{i}")
            parent = rng.randrange(i) if i and rng.random() < 0.55 else None
            if parent is not None and depth[parent] >= 8:
                parent = None
            d = 0 if parent is None else depth[parent] + 1
            depth.append(d)
            path.append(cid if parent is None else path[parent] + "/" + cid)
            root.append(cid if parent is None else root[parent])
            if parent is not None:
                kids[parent] += 1
            cids.append(cid)
            start = rng.randrange(0, len(base) - 1000)
            rows.append({
                "comment_id": cid, "post_id": pid, "source_id": sid,
                "parent_id": None if parent is None else cids[parent], "root_id": root[-1],
                "depth": d, "position": i, "path": path[-1], "n_children": 0,
                "text": base[start:start + rng.randrange(100, 900)].strip() or "text",
                "like_count": rng.choice([None, 0, 1, 4]), "published_at": t0 + timedelta(days=p % 900, minutes=i + 1),
                "author_pseudonym": f"u_{rng.randrange(16 ** 10):010x}", "is_post_author": None, "language": "en",
            })
        for i, r in enumerate(rows):
            r["n_children"] = kids[i]
        buf.extend(rows)
        if len(buf) >= 100_000:
            cw.write_table(pa.Table.from_pylist(buf, schema=arrow_schema("comments")))
            buf = []
        posts.append({
            "post_id": pid, "source_id": sid, "source_format": "html", "site": "Blog",
            "url": None, "title": f"Post {p}", "author": None, "published_at": t0 + timedelta(days=p % 900),
            "body": base[:3000], "language": "en", "declared_comment_count": n + 2,
            "extracted_comment_count": n, "content_sha256": "0" * 64,
        })
        s = per_source.setdefault(sid, {"posts": 0, "comments": 0})
        s["posts"] += 1
        s["comments"] += n
        made += n
        p += 1
    if buf:
        cw.write_table(pa.Table.from_pylist(buf, schema=arrow_schema("comments")))
    cw.close()
    pq.write_table(pa.Table.from_pylist(posts, schema=arrow_schema("posts")), out / "posts.parquet", compression="zstd")
    pq.write_table(pa.Table.from_pylist([], schema=arrow_schema("quarantine")), out / "quarantine.parquet")
    sources = [{"source_id": sid, "location": f"{sid}.html", "format": "html", "sha256": "0" * 64,
                "bytes": 50_000_000, "status": "ok", "posts": v["posts"], "comments": v["comments"],
                "quarantined": 0, "skipped": {}, "issues": []} for sid, v in sorted(per_source.items())]
    report = {"build_id": "bench", "schema_version": schema_version(), "sources": sources,
              "totals": {"posts": len(posts), "comments": made, "quarantined": 0, "skipped": 0,
                         "comments_seen": made}}
    (out / "build_report.json").write_text(json.dumps(report))
    return {"posts": len(posts), "comments": made,
            "comments_parquet_mb": round((out / "comments.parquet").stat().st_size / 1e6, 1)}


def _child(build_dir: str) -> None:
    from therapy_threads.validate import format_summary, validate_build

    t = time.perf_counter()
    s = validate_build(Path(build_dir))
    wall = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(format_summary(s))
    print(json.dumps({"validate_seconds": round(wall, 1), "peak_rss_mb": round(peak_mb), "phases": s.run["seconds"]}))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--comments", type=int, default=1_000_000)
    ap.add_argument("--dir", default="/tmp/tt-bench-validate")
    ap.add_argument("--reuse", action="store_true", help="validate an existing build in --dir")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        _child(a.dir)
        return 0
    if not a.reuse:
        t = time.perf_counter()
        info = make_build(Path(a.dir), a.comments)
        print(f"built {info} in {time.perf_counter() - t:.0f}s")
    return subprocess.call([sys.executable, __file__, "--child", "--dir", a.dir])


if __name__ == "__main__":
    sys.exit(main())
