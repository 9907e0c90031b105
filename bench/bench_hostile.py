"""Peak memory and time of fetching and downloading from hostile servers, with default limits.

Each case runs in a fresh process (its own peak, VmHWM) against a misbehaving server on
127.0.0.1 and must end in a refusal, not a crash or a hang. Prints one JSON object per case::

    .venv/bin/python bench/bench_hostile.py            # all cases
    .venv/bin/python bench/bench_hostile.py --case gzip_bomb_1gib

The campaign of issue 10 measured, before the limits: a 4 GiB response or a gzip bomb took
fetching above 6-8 GB; an endless manifest.json took download to 3 GB in 11 s; a server
trickling a byte every 5 s hung forever.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "hostile")]

CASES = {
    # name: (route behaviour, code run in the child against URL)
    "gzip_bomb_1gib": ("gzip_bomb", "fetch"),
    "response_4gib_announced": ("announce_4gib", "fetch"),
    "endless_chunked_body": ("endless", "fetch"),
    "endless_manifest_json": ("endless_manifest", "download"),
    "trickle_1_byte_per_5s": ("trickle", "fetch"),
}

CHILD = """
import json, sys, time
kind, url = sys.argv[1], sys.argv[2]
t0 = time.monotonic()
try:
    if kind == "fetch":
        from therapy_threads.fetch import PoliteClient
        with PoliteClient(None, min_interval=0.0, max_retries=0) as c:
            c.get(url)
    else:
        from therapy_threads.publish.download import download
        download("1.0.0", url, sys.argv[3])
    outcome = "accepted"
except Exception as e:
    outcome = f"{type(e).__name__}: {str(e)[:160]}"
# VmHWM is this program's own memory map; ru_maxrss would carry the parent's across exec
hwm_kb = int([l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1])
print(json.dumps({"seconds": round(time.monotonic() - t0, 1), "outcome": outcome,
                  "peak_rss_mb": round(hwm_kb / 1024)}))
"""


def serve(name: str):
    import hostile_servers as hs

    server = hs.Hostile()
    server.routes["/robots.txt"] = hs.plain(200, b"User-agent: *\nAllow: /\n")
    behaviour = {
        "gzip_bomb": lambda: hs.gzip_bomb(1 << 30),
        "announce_4gib": lambda: hs.endless(announce=4 << 30),
        "endless": lambda: hs.endless(),
        "endless_manifest": lambda: hs.endless(prefix=b'{"files": [',
                                               chunk=b'{"path": "a", "bytes": 1},' * 2000),
        "trickle": lambda: hs.trickle_body(5.0),
    }[name]()
    server.routes["/page"] = behaviour
    server.routes["/v1.0.0/manifest.json"] = behaviour
    return server


def run(case: str, tmp: Path) -> dict:
    route, kind = CASES[case]
    server = serve(route)
    try:
        url = server.url("/page") if kind == "fetch" else server.base
        t0 = time.monotonic()
        p = subprocess.run([sys.executable, "-c", CHILD, kind, url, str(tmp / case)],
                           capture_output=True, text=True, timeout=1800, cwd=ROOT)
        wall = time.monotonic() - t0
    finally:
        server.stop()
    out = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {
        "outcome": f"crashed: {p.stderr[-300:]}"}
    return {"case": case, "wall_seconds": round(wall, 1), **out}


def main(argv: list[str] | None = None) -> int:
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", choices=sorted(CASES), action="append")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for case in args.case or list(CASES):
            print(json.dumps(run(case, Path(tmp))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
