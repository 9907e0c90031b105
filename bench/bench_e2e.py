"""End-to-end benchmark: synthetic corpus -> build -> release, and an incremental re-run.

    python bench/bench_e2e.py --comments 1000000 --posts 2000 --work /tmp/tt-bench

Measures wall time and peak resident memory of the whole process tree (CLI process, Prefect's
temporary API server, worker processes) for:
  1. a cold build (`therapy-threads build`, with validation),
  2. a release (`therapy-threads publish`),
  3. a re-run after adding one new source (should be a small fraction of the cold build).
Prints a JSON summary and, with --record, appends it to bench/results/e2e.jsonl.

To benchmark a fixed commit while the working tree changes, export it and put it first on the
path (every process the benchmark starts inherits it):

    git archive HEAD | tar -x -C /tmp/tt-snap
    PYTHONPATH=/tmp/tt-snap .venv/bin/python /tmp/tt-snap/bench/bench_e2e.py --comments 1000000 --posts 2000
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import psutil

ROOT = Path(__file__).resolve().parent.parent


def _role(p: psutil.Process, root: int) -> str:
    """Which part of the build a process of the tree is (for CPU and memory per role)."""
    if p.pid == root:
        return "cli"
    try:
        cmd = " ".join(p.cmdline())
        parent_cmd = " ".join(p.parent().cmdline()) if p.ppid() != root else ""
    except psutil.Error:
        return "other"
    if "prefect_server" in cmd or "prefect" in cmd.split(" -m ")[-1][:20]:
        return "prefect_server"
    if "resource_tracker" in cmd:
        return "resource_tracker"
    if "forkserver" in cmd:
        return "extract_worker" if "forkserver" in parent_cmd else "fork_server"
    if "spawn" in cmd or "multiprocessing" in cmd:
        return "spawned_worker"
    return "other"


def _sum_roles(cpu_by_pid: dict[int, tuple[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for role, cpu in cpu_by_pid.values():
        out[role] = round(out.get(role, 0) + cpu, 1)
    return dict(sorted(out.items()))


def run_measured(cmd: list[str], env: dict[str, str],
                 phase_of: Callable[[str], str | None] | None = None,
                 trace: Path | None = None) -> dict[str, Any]:
    """Run a command; every 0.1 s sum the memory of it and all its descendants, two ways:
    RSS (counts pages shared between processes — libraries, the page cache of mapped files — once
    per process, so it over-states a tree) and PSS (each shared page split between its sharers:
    what the tree really occupies).

    With ``phase_of`` (an output line -> the phase that starts with it, or None), the peak PSS
    (with its split by role) and the tree's CPU seconds are also given per phase (``phases``).
    With ``trace``, each process's PSS is written there once a second (JSON Lines: seconds,
    then pid -> [role, MB])."""
    import resource

    t0 = time.perf_counter()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    parent = psutil.Process(proc.pid)
    peak = 0
    peak_pss = 0
    lines: list[str] = []
    phase = ["start"]
    import threading

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            now = phase_of(line) if phase_of else None
            if now:
                phase[0] = now

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    loads: list[float] = []
    next_load = 0.0
    cpu_by_pid: dict[int, tuple[str, float]] = {}  # last CPU seconds seen per process, with its role
    pss_at_peak: dict[str, float] = {}
    role_peak: dict[str, float] = {}  # each role's own peak (summed over its processes), any time
    proc_peak: dict[str, float] = {}  # the largest single process of each role, any time
    phases: dict[str, dict[str, Any]] = {}
    trace_out = trace.open("w") if trace else None
    next_trace = 0.0
    while proc.poll() is None:
        if time.perf_counter() >= next_load:  # the machine is shared: say how busy it was
            loads.append(os.getloadavg()[0])
            next_load = time.perf_counter() + 5

        try:
            procs = [parent] + parent.children(recursive=True)
            rss = pss = 0
            by_role: dict[str, float] = {}
            by_pid: dict[int, list] = {}
            for p in procs:
                try:
                    info = p.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
                    role = cpu_by_pid[p.pid][0] if p.pid in cpu_by_pid else _role(p, parent.pid)
                    by_role[role] = by_role.get(role, 0) + getattr(info, "pss", info.rss)
                    proc_peak[role] = max(proc_peak.get(role, 0), getattr(info, "pss", info.rss))
                    by_pid[p.pid] = [role, round(getattr(info, "pss", info.rss) / 2**20, 1)]
                    t = p.cpu_times()
                    cpu_by_pid[p.pid] = (role, t.user + t.system)
                except psutil.Error:
                    pass
            peak = max(peak, rss)
            if trace_out is not None and time.perf_counter() >= next_trace:
                trace_out.write(json.dumps({"s": round(time.perf_counter() - t0, 1), "pss": by_pid}) + "\n")
                next_trace = time.perf_counter() + 1
            for role, v in by_role.items():
                role_peak[role] = max(role_peak.get(role, 0), v)
            if pss > peak_pss:
                peak_pss = pss
                pss_at_peak = {k: round(v / 2**20, 1) for k, v in sorted(by_role.items())}
            if phase_of is not None:
                ph = phases.setdefault(phase[0], {"peak_pss_mb": 0.0, "cpu_at_start": sum(
                    c for _, c in cpu_by_pid.values())})
                if pss / 2**20 > ph["peak_pss_mb"]:
                    ph["peak_pss_mb"] = round(pss / 2**20, 1)
                    ph["pss_by_role_at_peak_mb"] = {k: round(v / 2**20, 1) for k, v in sorted(by_role.items())}
        except psutil.Error:
            pass
        time.sleep(0.1)
    th.join()
    if trace_out is not None:
        trace_out.close()
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the whole (reaped) process tree: on a shared machine the wall time stretches
    # with other people's load, the CPU time much less; cpu / cores is the wall time of an idle box
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    names = list(phases)
    for a, b in zip(names, names[1:] + [None]):  # CPU of the tree while each phase ran (sampled)
        end = phases[b]["cpu_at_start"] if b else sum(c for _, c in cpu_by_pid.values())
        phases[a]["cpu_seconds"] = round(end - phases[a].pop("cpu_at_start"), 1)
    if proc.returncode != 0:
        sys.stderr.write("".join(lines[-40:]))
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 1), "peak_rss_mb": round(peak / 2**20, 1),
            "peak_pss_mb": round(peak_pss / 2**20, 1), "pss_at_peak_mb_by_role": pss_at_peak,
            "peak_pss_mb_by_role": {k: round(v / 2**20, 1) for k, v in sorted(role_peak.items())},
            "peak_pss_mb_one_process_by_role": {k: round(v / 2**20, 1) for k, v in sorted(proc_peak.items())},
            # CPU per role as last sampled (up to 0.1 s short per process; children's children
            # that the sampler never saw are only in cpu_seconds)
            "cpu_seconds_by_role": _sum_roles(cpu_by_pid),
            "load_average_1min": {"mean": round(sum(loads) / max(1, len(loads)), 1), "max": round(max(loads, default=0), 1)},
            **({"phases": phases} if phase_of is not None else {}),
            "tail": "".join(lines[-12:])}


EXTRA_ENTRY = '\n[[source]]\nid = "zz-extra"\nlocation = "zz-extra-source.txt"\nformat = "text_capture"\n'


def _drop_leftover_extra(corpus: Path) -> None:
    """A run killed during its re-run step leaves the extra source in a kept corpus; take it out
    (the re-run would otherwise name it twice and the cold build would not be cold)."""
    manifest = corpus / "sources.toml"
    if manifest.exists():
        manifest.write_text(manifest.read_text().replace(EXTRA_ENTRY, ""))
    (corpus / "zz-extra-source.txt").unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--comments", type=int, default=1_000_000)
    ap.add_argument("--posts", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", default="/tmp/tt-bench")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="reuse an existing corpus in --work")
    ap.add_argument("--record", action="store_true", help="append the result to bench/results/e2e.jsonl")
    args = ap.parse_args()

    work = Path(args.work)
    corpus = work / "corpus"
    py = sys.executable
    cli = str(Path(py).parent / "therapy-threads")
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", HF_HUB_OFFLINE="1")
    work.mkdir(parents=True, exist_ok=True)
    (work / "bench.key").write_text(os.urandom(32).hex() + "\n")
    (work / "bench.key").chmod(0o600)  # a key file others can read is refused

    if not (args.keep and (corpus / "sources.toml").exists()):
        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([py, str(ROOT / "bench" / "synth.py"), "--out", str(corpus), "--posts",
                        str(args.posts), "--comments", str(args.comments), "--seed", str(args.seed)],
                       check=True)
        print(f"corpus generated in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    _drop_leftover_extra(corpus)
    corpus_bytes = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())

    out = work / "build"
    releases = work / "releases"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(releases, ignore_errors=True)
    workers = ["--workers", str(args.workers)] if args.workers else []
    key = ["--key-file", str(work / "bench.key")]

    cold = run_measured([cli, "build", "--sources", str(corpus), "--out", str(out), "--quiet", *key, *workers], env,
                        trace=work / "cold_trace.jsonl")
    report = json.loads((out / "build_report.json").read_text())
    release = run_measured([cli, "publish", "1.0.0", "--build", str(out), "--registry", str(releases),
                            "--no-data-card", *key], env)

    # One new source: a copy of one post under a new id.
    first = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")[0]
    extra = corpus / "zz-extra-source.txt"
    shutil.copy(first, extra)
    manifest = corpus / "sources.toml"
    original_manifest = manifest.read_text()
    manifest.write_text(original_manifest + EXTRA_ENTRY)
    try:
        incr = run_measured([cli, "build", "--sources", str(corpus), "--out", str(out), "--quiet", *key, *workers], env)
    finally:
        manifest.write_text(original_manifest)
        extra.unlink()
    report2 = json.loads((out / "build_report.json").read_text())

    result = {
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "corpus_mb": round(corpus_bytes / 2**20, 1),
        "posts": report["totals"]["posts"],
        "comments": report["totals"]["comments"],
        "quarantined": report["totals"]["quarantined"],
        "cold_build": {k: v for k, v in cold.items() if k != "tail"},
        "release": {k: v for k, v in release.items() if k != "tail"},
        "end_to_end_seconds": round(cold["seconds"] + release["seconds"], 1),
        "incremental_build": {k: v for k, v in incr.items() if k != "tail"},
        "incremental_ratio": round(incr["seconds"] / cold["seconds"], 3),
        "incremental_cpu_ratio": round(incr["cpu_seconds"] / max(cold["cpu_seconds"], 0.1), 3),
        "quiet_machine_estimate_s": {"cold_build": round(cold["cpu_seconds"] / (os.cpu_count() or 1), 1),
                                     "release": round(release["cpu_seconds"] / (os.cpu_count() or 1), 1)},
        "incremental_cache": {"hit": sum(1 for s in report2["sources"] if s.get("cache") == "hit"),
                              "miss": sum(1 for s in report2["sources"] if s.get("cache") == "miss")},
        "cold_stages_s": report.get("timings", {}),
        "incremental_stages_s": report2.get("timings", {}),
        "load_average_at_end": [round(x, 1) for x in os.getloadavg()],
        "prefect_api": os.environ.get("PREFECT_API_URL") or "temporary server started by each command",
    }
    print(json.dumps(result, indent=2))
    if args.record:
        res_dir = ROOT / "bench" / "results"
        res_dir.mkdir(exist_ok=True)
        with (res_dir / "e2e.jsonl").open("a") as f:
            f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
