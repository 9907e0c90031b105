"""Rebuild the bench reader corpus (the pages behind ``gold/<split>/``) from git checkouts.

    python bench/readers_eval/rebuild_pages.py --repos DIR --out PAGES [--split heldout6]

The pages are copies of third-party web pages kept in public test suites, so only their gold is
committed here. Each gold file's ``source`` names the repository, the commit and the path; this
script reads exactly those bytes from a git directory of that repository (``DIR/<owner>+<name>``,
either a bare repository or a clone with ``.git``; ``--repos`` may be given more than once),
gunzips the ``.gz`` copies, takes the page out of a JSON record where the gold's ``source`` names
the field (``json_field``: the field's text, UTF-8 encoded; the Harvest forum corpus stores pages so),
takes the page out of a VCR.py cassette (YAML) where the gold's ``source`` names the recorded
response (``cassette_interaction``: ``interactions[N].response.body.string``, UTF-8 encoded), checks the SHA-256 where the gold records one, and writes
``PAGES/<split>/<page>``. Nothing is downloaded. A missing repository, commit or path, or a hash
that does not match, is reported per page and makes the exit status 1, so a half-built corpus is
never scored as if it were whole.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"


def _git_dir(roots: list[Path], repo: str) -> Path | None:
    name = repo.replace("/", "+")
    for root in roots:
        for cand in (root / name / "repo", root / name / "repo" / ".git", root / name, root / name / ".git"):
            if (cand / "HEAD").is_file() or (cand / "objects").is_dir():
                return cand
    return None


def _blob(git_dir: Path, commit: str, path: str) -> bytes:
    out = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                         capture_output=True, check=False)
    if out.returncode != 0:
        raise LookupError(out.stderr.decode("utf-8", "replace").strip().splitlines()[-1])
    return out.stdout


def rebuild(roots: list[Path], out: Path, splits: list[str] | None = None) -> list[str]:
    problems: list[str] = []
    for gold_file in sorted(GOLD.glob("*/*.gold.json")):
        split = gold_file.parent.name
        if splits and split not in splits:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        src = gold.get("source") or {}
        where = f"{split}/{gold['page']}"
        git_dir = _git_dir(roots, src.get("repo", ""))
        if git_dir is None:
            problems.append(f"{where}: no git directory for {src.get('repo')!r} under {', '.join(map(str, roots))}")
            continue
        try:
            raw = _blob(git_dir, src["commit"], src["path"])
        except (LookupError, KeyError) as exc:
            problems.append(f"{where}: {src.get('repo')}@{str(src.get('commit'))[:8]}:{src.get('path')}: {exc}")
            continue
        if src.get("path", "").endswith(".gz"):
            raw = gzip.decompress(raw)
        if src.get("json_field"):
            try:
                raw = json.loads(raw)[src["json_field"]].encode("utf-8")
            except (ValueError, KeyError, TypeError) as exc:
                problems.append(f"{where}: no JSON field {src['json_field']!r}: {exc}")
                continue
        if "cassette_interaction" in src:
            try:
                import yaml  # only the cassette pages need it
                body = yaml.safe_load(raw)["interactions"][src["cassette_interaction"]]["response"]["body"]["string"]
                raw = body if isinstance(body, bytes) else body.encode("utf-8")
            except (ImportError, ValueError, KeyError, IndexError, TypeError) as exc:
                problems.append(f"{where}: no cassette response {src['cassette_interaction']!r}: {exc}")
                continue
        want = src.get("sha256")
        if want and hashlib.sha256(raw).hexdigest() != want:
            problems.append(f"{where}: SHA-256 differs from the gold's record")
            continue
        dest = out / split / gold["page"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(raw)
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repos", action="append", required=True, type=Path,
                    help="folder holding <owner>+<name> git directories (repeatable)")
    ap.add_argument("--out", required=True, type=Path, help="pages folder to write (PAGES)")
    ap.add_argument("--split", action="append", help="only these splits (repeatable)")
    args = ap.parse_args(argv)
    problems = rebuild(args.repos, args.out, args.split)
    for p in problems:
        print(f"rebuild_pages: {p}", file=sys.stderr)
    written = sum(1 for _ in args.out.glob("*/*")) if args.out.exists() else 0
    print(f"rebuild_pages: {written} pages under {args.out}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
