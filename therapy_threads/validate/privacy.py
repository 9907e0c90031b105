"""How the privacy audit runs on a build made of fragments: once per fragment, plus a keyed index.

What the audit looks for is :mod:`therapy_threads.anonymise.audit`; this module decides where it
runs so that an unchanged source is never audited again:

* :func:`audit_fragment` — when a source is processed, its tables are audited against its own
  identity tokens (``audit.json``), and two keyed indexes are kept with the fragment:
  ``word_index.parquet`` (HMAC of every distinct word its published text contains) and
  ``identity_index.parquet`` (its global, class ``h`` identity tokens). Both are keyed with the
  pseudonym key: without it they are random 64-bit numbers.
* :func:`cross_fragment_hits` — a commenter of one source may be named in another source's
  text. The build joins the two indexes (DuckDB, over the assembled index files): only a
  fragment whose words meet another fragment's identity tokens is scanned again, with those
  tokens added. A new source therefore costs one index join, not a re-scan of every text.
* :func:`merge` — the build's ``privacy_audit.json`` from the fragments' results and the cross
  hits, in source order.

Tokens scoped to a source (names that are also ordinary words) only ever match inside their own
source, so they need no cross-fragment step.
"""
from __future__ import annotations

import heapq
import json
import os
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

AUDIT_FILE = "audit.json"
WORD_INDEX = "word_index.parquet"
IDENTITY_INDEX = "identity_index.parquet"
TOKENS_FILE = "identity_tokens.txt"
# 64-bit keyed tokens stored as signed integers (fastparquet's footer codec mangles the unsigned
# logical type, and equality is all the join needs).
INDEX_SCHEMA = pa.schema([("source_id", pa.string()), ("token", pa.int64())])
MAX_LISTED = 200


def review_limit(fields: int, share: float = 0.05, minimum: int = 20) -> int:
    """How many text fields of a fragment the (advisory) NER review reads: a share, at least a few."""
    return max(minimum, int(fields * share + 0.999))


def _u64(hex_token: str) -> int:
    v = int(hex_token[:16], 16)
    return v - (1 << 64) if v >= (1 << 63) else v


def _write_index(path: Path, source_id: str, tokens: Iterable[int]) -> None:
    values = sorted(set(tokens))
    table = pa.table({"source_id": pa.array([source_id] * len(values), pa.string()),
                      "token": pa.array(values, pa.int64())}, schema=INDEX_SCHEMA)
    pq.write_table(table, path, compression="zstd", write_statistics=False)


def audit_fragment(fragment: Path, key: bytes, source_id: str, *, fields: int) -> dict[str, Any]:
    """Audit one fragment (folder with its tables and identity_tokens.txt); write audit.json and
    the two keyed indexes into it. Returns the audit document."""
    from ..anonymise.audit import audit_tables, read_tokens
    from ..anonymise.identity import hmac_token

    fragment = Path(fragment)
    tokens = read_tokens(fragment / TOKENS_FILE)
    words: set[str] = set()
    res = audit_tables(fragment, key, tokens, ner_review=True, review_limit=review_limit(fields),
                       words=words)
    _write_index(fragment / WORD_INDEX, source_id, (_u64(hmac_token(key, w)) for w in words))
    _write_index(fragment / IDENTITY_INDEX, source_id,
                 (_u64(t) for t, (cls, _) in tokens.items() if cls == "h"))
    doc = {"passed": res.passed, "counts": dict(res.counts),
           "hits": [asdict(h) for h in res.hits[:MAX_LISTED]], "hits_total": len(res.hits),
           "review": res.review}
    (fragment / AUDIT_FILE).write_text(json.dumps(doc, sort_keys=True), encoding="utf-8")
    return doc


def read_audit(fragment: Path) -> dict[str, Any]:
    return json.loads((Path(fragment) / AUDIT_FILE).read_text(encoding="utf-8"))


def cross_fragment_hits(word_index: Path, identity_index: Path, fragments: dict[str, Path],
                        key: bytes) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """Identity hits of one source's commenters in other sources' text.

    ``word_index`` / ``identity_index`` are the build's assembled index files; ``fragments`` maps
    source id -> fragment folder. Returns (hits as dicts, {source whose text was re-scanned:
    [sources whose tokens met it]}).
    """
    import duckdb

    from ..anonymise.audit import audit_tables, read_tokens

    if not (word_index.exists() and identity_index.exists()):
        return [], {}
    con = duckdb.connect(config={"memory_limit": "256MB", "threads": "2"})
    try:
        rows = con.execute(
            "SELECT w.source_id, list(DISTINCT h.source_id ORDER BY h.source_id) "
            "FROM read_parquet(?) w JOIN read_parquet(?) h USING (token) "
            "WHERE w.source_id <> h.source_id GROUP BY w.source_id ORDER BY w.source_id",
            [str(word_index), str(identity_index)]).fetchall()
    finally:
        con.close()
    hits: list[dict[str, Any]] = []
    met: dict[str, list[str]] = {}
    for text_src, owners in rows:
        frag = fragments.get(text_src)
        if frag is None:
            continue
        met[text_src] = list(owners)
        own = read_tokens(frag / TOKENS_FILE)
        tokens = dict(own)
        for o in owners:
            if o in fragments:
                for t, v in read_tokens(fragments[o] / TOKENS_FILE).items():
                    if v[0] == "h":
                        tokens.setdefault(t, v)
        before = Counter(_hit_key(h) for h in read_audit(frag).get("hits", []))
        res = audit_tables(frag, key, tokens, ner_review=False)
        for h in res.hits:
            d = asdict(h)
            k = _hit_key(d)
            if before[k]:
                before[k] -= 1
                continue
            hits.append(d)
    return hits, met


def _hit_key(h: dict[str, Any]) -> tuple:
    return (h.get("kind"), h.get("table"), h.get("row_id"), h.get("field"), h.get("masked"))


def merge(audits: Iterable[dict[str, Any]], cross: list[dict[str, Any]], setup: list[dict[str, Any]] = ()):
    """One :class:`~therapy_threads.anonymise.audit.AuditResult` for the build (``audits`` is read
    once, in order: a generator keeps one fragment's audit in memory at a time)."""
    from ..anonymise.audit import AuditResult, Hit

    counts: Counter = Counter()
    review_counts: Counter = Counter()
    hits: list[Hit] = []
    total = 0
    review_rows: list[dict] = []
    reviewed = 0
    for h in setup:
        hits.append(Hit(**h))
        counts["setup"] += 1
        total += 1
    for a in audits:
        counts.update(a.get("counts", {}))
        total += int(a.get("hits_total", len(a.get("hits", []))))
        for h in a.get("hits", []):
            if len(hits) < MAX_LISTED:
                hits.append(Hit(**h))
        r = a.get("review", {})
        review_counts.update(r.get("counts", {}))
        reviewed += int(r.get("fields_reviewed", 0))
        for row in r.get("rows", []):
            if len(review_rows) < MAX_LISTED:
                review_rows.append(row)
    for h in cross:
        counts[h["kind"]] += 1
        total += 1
        if len(hits) < MAX_LISTED:
            hits.append(Hit(**h))
    result = AuditResult(total == 0, hits, {"counts": dict(review_counts), "fields_reviewed": reviewed,
                                            "rows": review_rows, "sampled": "per source: "
                                            "max(20, 5% of its text fields), in row order"},
                         dict(counts))
    result.hits_total = total  # type: ignore[attr-defined]
    return result


def _token_lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                yield line


# Files merged at once: each open file costs its buffers (~16 KB), so a build of 10,000 sources
# merged in one pass held 10,000 open files; wider builds are merged in rounds through temporary
# files instead.
MERGE_FAN_IN = 64


def _merge_sorted(files: list[Path], dest: Path) -> bool:
    """Write the distinct lines of sorted ``files`` in order into ``dest``; False (and ``dest``
    incomplete) when a file is out of order."""
    with open(dest, "w", encoding="utf-8") as out:
        last: str | None = None
        for line in heapq.merge(*(_token_lines(f) for f in files)):
            if last is not None and line <= last:
                if line < last:
                    return False
                continue
            out.write(line + "\n")
            last = line
    return True


def write_tokens_union(fragments: Iterable[Path], dest: Path) -> None:
    """private/identity_tokens.txt of the build: every fragment's tokens (for ``therapy-threads audit``),
    sorted and distinct.

    Each fragment's file is sorted (``pipeline`` writes it so), so the union is a streamed merge
    of at most ``MERGE_FAN_IN`` files at a time: a line per open file in memory, whatever the
    number of commenters or sources. A fragment file out of order (written by hand, or by an
    older version) falls back to sorting in memory.
    """
    import tempfile

    files = [Path(frag) / TOKENS_FILE for frag in fragments]
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    ordered = True
    with tempfile.TemporaryDirectory(prefix=".tokens-", dir=dest.parent) as work:
        todo, rnd = files, 0
        while ordered and len(todo) > MERGE_FAN_IN:
            merged = []
            for i in range(0, len(todo), MERGE_FAN_IN):
                part = Path(work) / f"{rnd}-{i}.txt"
                ordered = ordered and _merge_sorted(todo[i:i + MERGE_FAN_IN], part)
                merged.append(part)
            todo, rnd = merged, rnd + 1
        ordered = ordered and _merge_sorted(todo, tmp)
    if not ordered:
        tokens: set[str] = set()
        for f in files:
            tokens.update(_token_lines(f))
        tmp.write_text("".join(t + "\n" for t in sorted(tokens)), encoding="utf-8")
    os.replace(tmp, dest)


__all__ = ["audit_fragment", "read_audit", "cross_fragment_hits", "merge", "write_tokens_union",
           "AUDIT_FILE", "WORD_INDEX", "IDENTITY_INDEX"]
