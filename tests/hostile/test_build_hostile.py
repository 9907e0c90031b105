"""Campaign: hostile URL sources inside a real build (the Prefect flow). The campaign measured a
trickling server blocking every source (0 built in 900 s); with the fetcher's deadlines each
hostile source fails on its own, within its budget, with a reason, and the others are built."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import hostile_servers as hs

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_hostile_url_sources_fail_alone_and_in_time(prefect_harness, test_key, tmp_path):
    from flows.build import build_flow

    site = hs.Hostile()
    try:
        site.routes["/robots.txt"] = hs.plain(200, b"User-agent: *\nCrawl-delay: 100000\n")
        site.routes["/trickle"] = hs.trickle_body(1.0)
        site.routes["/bomb"] = hs.gzip_bomb(64 << 20)
        site.routes["/loop"] = hs.redirect("/loop")
        src = tmp_path / "src"
        src.mkdir()
        shutil.copyfile(ROOT / "seeds" / "000_7691e6bb714660a6.txt", src / "page.txt")
        entries = [("local", "page.txt", "text_capture")] + [
            (name, site.url(f"/{name}"), "wordpress_html") for name in ("trickle", "bomb", "loop")]
        (src / "sources.toml").write_text("".join(
            f'[[source]]\nid = "{sid}"\nlocation = "{loc}"\nformat = "{fmt}"\n'
            for sid, loc, fmt in entries), encoding="utf-8")
        t0 = time.monotonic()
        report = build_flow(sources=str(src), out=str(tmp_path / "out"), key_file=str(test_key),
                            workers=1, archive_dir=str(tmp_path / "raw"), run_validation=False,
                            allow_failed_sources=True,
                            fetch_limits={"request_timeout": 3.0, "idle_timeout": 2.0,
                                          "source_timeout": 6.0,
                                          "max_response_bytes": 1 << 20,
                                          "max_decoded_bytes": 8 << 20})
        took = time.monotonic() - t0
    finally:
        site.stop()
    by_id = {s["source_id"]: s for s in report["sources"]}
    assert by_id["local"]["status"] == "ok" and by_id["local"]["comments"] > 0
    reasons = {sid: by_id[sid]["issues"][0]["message"] for sid in ("trickle", "bomb", "loop")}
    assert all(by_id[sid]["status"] == "error" for sid in reasons)
    assert "no complete answer within 3 s" in reasons["trickle"], reasons
    assert "decompresses to more than" in reasons["bomb"], reasons
    assert "redirect loop" in reasons["loop"], reasons
    assert site.hits["/trickle"] == 1  # a deadline is final: no retry of the same request
    # bounded by the limits, not by the servers (which would run for hours); wide margin for
    # shared machines
    assert took < 600, took
