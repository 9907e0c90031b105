"""Small build directories for the validation tests: rows as dicts -> Parquet + build_report.json.

``good_rows()`` gives a valid two-source build with threads; tests change one thing and check
that exactly the right expectation fails and names the right rows.
"""
from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from helpers_build import TEST_KEY
from therapy_threads import ids
from therapy_threads.anonymise.keys import key_fingerprint
from therapy_threads.schema import arrow_schema, schema_version

T0 = datetime(2021, 3, 1, tzinfo=timezone.utc)
TEXTS = [
    "My therapist said the feelings are part of the work, and I believe her now.",
    "I felt the same about the ending of therapy.\n\nIt took months to say it out loud.",
    "Thank you for writing this. Boundaries are what made it safe for me.",
    "Love in therapy is real love, even if it cannot go anywhere.",
    "I wonder whether dependency is a stage or a trap.",
]


def _post(source_id: str, key: str, n_comments: int, declared: int | None) -> dict:
    return {
        "post_id": ids.post_id(source_id, key), "source_id": source_id, "source_format": "html",
        "site": "A blog", "url": None, "title": f"On love in therapy ({key})", "author": None,
        "published_at": T0, "body": "Transference is the patient's love for the therapist. " * 5,
        "language": "en", "declared_comment_count": declared, "extracted_comment_count": n_comments,
        "content_sha256": "a" * 64,
    }


def _thread(source_id: str, post: dict, parents: list[int | None]) -> list[dict]:
    """Comments of one post; ``parents[i]`` is the index of comment i's parent (None: top level)."""
    rows: list[dict] = []
    for i, p in enumerate(parents):
        cid = ids.comment_id(post["post_id"], f"comment-{i}")
        parent = rows[p] if p is not None else None
        rows.append({
            "comment_id": cid, "post_id": post["post_id"], "source_id": source_id,
            "parent_id": parent["comment_id"] if parent else None,
            "root_id": parent["root_id"] if parent else cid,
            "depth": parent["depth"] + 1 if parent else 0, "position": i,
            "path": parent["path"] + "/" + cid if parent else cid, "n_children": 0,
            "text": TEXTS[i % len(TEXTS)], "like_count": i % 3 if i % 2 else None,
            "published_at": T0 + timedelta(hours=i + 1), "author_pseudonym": f"u_{i:08x}",
            "is_post_author": None, "language": "en", "removed": False,
        })
    for r in rows:
        r["n_children"] = sum(1 for c in rows if c["parent_id"] == r["comment_id"])
    return rows


def good_rows() -> dict:
    """posts, comments, quarantine rows and report sources of a valid build."""
    posts, comments, quarantine = [], [], []
    p1 = _post("src-a", "post-1", 6, 9)
    comments += _thread("src-a", p1, [None, 0, 1, None, 3, 0])
    p2 = _post("src-a", "post-2", 3, None)
    comments += _thread("src-a", p2, [None, None, 1])
    p3 = _post("src-b", "page", 4, 4)
    comments += _thread("src-b", p3, [None, 0, 0, 2])
    posts += [p1, p2, p3]
    quarantine.append({
        "source_id": "src-a", "item_kind": "comment", "reason": "orphan_reply",
        "detail": "parent 'comment-99' is not in the post (deleted, unapproved or not captured)",
        "location": "lines 10-12", "post_id": p1["post_id"],
        "item_id": ids.comment_id(p1["post_id"], "comment-100"), "content_sha256": "b" * 64,
    })
    return {"posts": posts, "comments": comments, "quarantine": quarantine}


def report_for(rows: dict, source_bytes: int = 1_000_000) -> dict:
    sources = []
    for sid in sorted({p["source_id"] for p in rows["posts"]} | {q["source_id"] for q in rows["quarantine"]}):
        sources.append({
            "source_id": sid, "location": f"{sid}.html", "format": "html", "sha256": "c" * 64,
            "bytes": source_bytes, "status": "ok",
            "posts": sum(p["source_id"] == sid for p in rows["posts"]),
            "comments": sum(c["source_id"] == sid for c in rows["comments"]),
            "quarantined": sum(q["source_id"] == sid for q in rows["quarantine"]),
            "skipped": {}, "issues": [],
        })
    totals = {
        "posts": len(rows["posts"]), "comments": len(rows["comments"]),
        "quarantined": len(rows["quarantine"]), "skipped": 0,
        "comments_seen": len(rows["comments"]) + len(rows["quarantine"]),
    }
    return {"build_id": "test", "started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T00:00:01Z",
            "pipeline_version": "0.1.0", "git_commit": None, "schema_version": schema_version(),
            "key_fingerprint": key_fingerprint(TEST_KEY), "sources": sources, "totals": totals}


def write_build(build_dir: Path, rows: dict, report: dict | None = None,
                tables: dict[str, pa.Table] | None = None) -> Path:
    """Write ``rows`` with the published Arrow schemas (``tables`` overrides a table as given)."""
    build_dir = Path(build_dir)
    build_dir.mkdir(parents=True, exist_ok=True)
    for name in ("posts", "comments", "quarantine"):
        table = (tables or {}).get(name)
        if table is None:
            table = pa.Table.from_pylist(rows[name], schema=arrow_schema(name))
        pq.write_table(table, build_dir / f"{name}.parquet")
    report = report if report is not None else report_for(rows)
    (build_dir / "build_report.json").write_text(json.dumps(report, indent=1))
    # no commenter identities in these rows: an empty token file (the audit fails without one)
    (build_dir / "private").mkdir(exist_ok=True)
    (build_dir / "private" / "identity_tokens.txt").write_text("")
    return build_dir


def mutated(**changes) -> dict:
    return copy.deepcopy(good_rows()) | changes


def test_good_rows_are_a_consistent_tree():
    rows = good_rows()
    ids_ = [c["comment_id"] for c in rows["comments"]]
    assert len(ids_) == len(set(ids_)) == 13
    by_id = {c["comment_id"]: c for c in rows["comments"]}
    for c in rows["comments"]:
        if c["parent_id"]:
            assert by_id[c["parent_id"]]["depth"] + 1 == c["depth"]
    assert report_for(rows)["totals"]["comments_seen"] == 14


def test_regex_checks_have_no_capturing_groups():
    # pandas warns once per check about groups it will not extract; that warning reached every
    # build's output. The patterns keep their meaning with the groups made non-capturing.
    import re

    from therapy_threads.validate.suites import _no_groups, suite_specs

    regexes = [c.kwargs["regex"] for s in suite_specs() for c in s.checks if "regex" in c.kwargs]
    assert regexes and all(re.compile(r).groups == 0 for r in regexes)
    assert _no_groups(r"a\(b(c)|(?:d)") == r"a\(b(?:c)|(?:d)"
