"""Open a build's Data Docs in headless chromium: dump the DOM, take a screenshot, check both.

    .venv/bin/python scripts/render_data_docs.py [BUILD_DIR] [--out DIR]

Writes DIR/index.png and DIR/index.dom.html (default DIR: BUILD_DIR/validation/rendered) and
prints what the rendered page shows: the verdict and each suite's status. Exit status 1 when the
page does not render the verdict or the suite table, 2 when chromium is missing. Install chromium
with scripts/ci_system_deps.sh.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def render(index: Path, out: Path) -> tuple[str, Path]:
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("chromium is not installed; run scripts/ci_system_deps.sh")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tt-chromium-") as profile:
        base = [exe, *FLAGS, f"--user-data-dir={profile}"]
        dom = subprocess.run(base + ["--dump-dom", index.resolve().as_uri()],
                             capture_output=True, text=True, timeout=120).stdout
        shot = out / "index.png"
        subprocess.run(base + ["--window-size=1400,1600", f"--screenshot={shot}", index.resolve().as_uri()],
                       capture_output=True, timeout=120)
    (out / "index.dom.html").write_text(dom, encoding="utf-8")
    return dom, shot


def describe(dom: str) -> tuple[str, dict[str, str]]:
    from lxml import html

    doc = html.fromstring(dom)
    verdict_el = doc.xpath("//*[@id='therapy-threads-verdict']//h2")
    verdict = " ".join(verdict_el[0].text_content().split()) if verdict_el else ""
    suites = {}
    for row in doc.xpath("//table[contains(@class, 'ge-index-page-validation-results-table')]/tbody/tr"):
        suites[" ".join(row.xpath("string(td[6])").split())] = " ".join(row.xpath("string(td[1])").split())
    return verdict, suites


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", nargs="?", default="data/build")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    index = Path(a.build_dir) / "validation" / "data_docs" / "index.html"
    if not index.exists():
        print(f"{index} does not exist; run 'therapy-threads validate {a.build_dir}' first", file=sys.stderr)
        return 1
    out = Path(a.out) if a.out else Path(a.build_dir) / "validation" / "rendered"
    try:
        dom, shot = render(index, out)
    except FileNotFoundError as e:
        print(e, file=sys.stderr)
        return 2
    verdict, suites = describe(dom)
    print(verdict or "no verdict rendered")
    for name, status in suites.items():
        print(f"  {name}: {status}")
    print(f"screenshot: {shot} ({shot.stat().st_size if shot.exists() else 0} bytes)")
    return 0 if verdict and suites and shot.exists() else 1


if __name__ == "__main__":
    sys.exit(main())
