"""The seed sources, built with the real readers, row isolation and anonymiser, pass every suite
(and the keyed privacy audit); the Data Docs page renders in a real headless browser."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers_build import TEST_KEY, pipeline_build
from therapy_threads.validate import validate_build

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_validated(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "build"
    pipeline_build(REPO / "seeds", out, TEST_KEY)
    return out, validate_build(out, key=TEST_KEY)


def test_seed_build_passes_every_suite(seeds_validated):
    out, s = seeds_validated
    assert s.failures == [], "\n".join(f.message for f in s.failures)
    assert s.success is True
    assert s.expectations["evaluated"] == s.expectations["passed"]
    assert s.privacy_audit["status"] == "passed"
    assert s.counts["posts"] == 5 and s.counts["comments"] > 100
    r = s.reconciliation
    assert r["reconciled"] and r["comments_in_sources"] == r["published"] + r["quarantined"]
    summary = json.loads((out / "validation/summary.json").read_text())
    assert summary["success"] is True and "run" in summary


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.skipif(_chromium() is None, reason="Debian chromium is not installed (scripts/ci_system_deps.sh installs it)")
def test_data_docs_render_in_headless_chromium(seeds_validated, tmp_path):
    out, s = seeds_validated
    index = out / "validation/data_docs/index.html"
    args = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(args + ["--dump-dom", index.as_uri()], capture_output=True, text=True, timeout=120).stdout
    # The verdict and the per-suite rows are rendered HTML, not script text.
    from lxml import html as lhtml

    doc = lhtml.fromstring(dom)
    verdict = doc.get_element_by_id("therapy-threads-verdict").text_content()
    assert "therapy-threads build validation: PASSED" in verdict
    rows = doc.xpath("//table[contains(@class, 'ge-index-page-validation-results-table')]/tbody/tr")
    cells = {" ".join(r.xpath("string(td[6])").split()): " ".join(r.xpath("string(td[1])").split()) for r in rows}
    assert set(cells) == {"schema", "posts", "comments", "quarantine", "sources", "relations", "distributions"}
    assert cells["comments"].endswith("Success") and cells["schema"].endswith("Success")
    shot = tmp_path / "index.png"
    subprocess.run(args + ["--window-size=1280,1600", f"--screenshot={shot}", index.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
