"""The build flow's per-source table artifact stays bounded however many sources a build has."""
from __future__ import annotations


def _entry(i: int, status: str = "ok", cache: str = "hit") -> dict:
    return {"source_id": f"s{i:03d}", "format": "text_capture", "status": status, "cache": cache,
            "posts": 1, "comments": 2, "quarantined": 0, "skipped": {"spam": 1},
            "issues": [{"severity": "warning", "code": "x", "message": "m"}]}


def test_small_build_lists_every_source_in_order():
    from therapy_threads.flows.build import source_rows

    rows, n = source_rows(iter([_entry(i) for i in range(5)]), limit=10)
    assert n == 5
    assert [r["source"] for r in rows] == [f"s{i:03d}" for i in range(5)]
    assert rows[0] == {"source": "s000", "format": "text_capture", "status": "ok", "cache": "hit",
                       "posts": 1, "comments": 2, "quarantined": 0, "skipped": 1, "warnings": 1}


def test_large_build_lists_failed_and_new_sources_first_up_to_the_limit():
    from therapy_threads.flows.build import source_rows

    entries = [_entry(i) for i in range(50)]
    entries[40] = _entry(40, status="error", cache="none")
    entries[45] = _entry(45, cache="miss")
    rows, n = source_rows(iter(entries), limit=4)
    assert n == 50
    assert [r["source"] for r in rows] == ["s040", "s045", "s000", "s001"]
