"""Deterministic Parquet shards: the same rows always give the same bytes.

Rows are sorted by a fixed key, written in fixed-size row groups with pinned writer options.
pyarrow writes no timestamps; the only environment-dependent bytes are its ``created_by``
string (the pyarrow version), which the manifest records.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..schema import arrow_schema

ROW_GROUP_SIZE = 10_000
ROWS_PER_SHARD = 250_000
WRITER_OPTIONS = dict(
    compression="zstd",
    compression_level=9,
    use_dictionary=True,
    write_statistics=True,
    version="2.6",
    data_page_version="1.0",
    data_page_size=1 << 20,
    write_page_index=False,
    store_schema=True,
)

# Sort keys: primary key last as the tie-breaker, so the order is total.
SORT_KEYS: dict[str, list[str]] = {
    "posts": ["source_id", "post_id"],
    "comments": ["post_id", "position", "comment_id"],
    "quarantine": ["source_id", "item_kind", "reason", "post_id", "item_id", "location",
                   "detail", "content_sha256"],
}


@dataclass(frozen=True)
class Shard:
    path: str  # relative to the release root, '/'-separated
    rows: int
    bytes: int


def shard_name(table: str, index: int, count: int) -> str:
    return f"data/{table}-{index:05d}-of-{count:05d}.parquet"


def read_published(path: Path, table: str) -> tuple[pa.Table, list[str]]:
    """Read exactly the published columns of ``table``, cast to the contract's Arrow schema.

    Returns the table and the names of extra columns that were left out (reported, never
    published).
    """
    schema = arrow_schema(table)
    have = pq.read_schema(path).names
    extra = sorted(set(have) - set(schema.names))
    t = pq.read_table(path, columns=schema.names)
    return t.cast(schema), extra


def sort_table(t: pa.Table, table: str) -> pa.Table:
    try:  # pyarrow >= 25: null placement per key
        idx = pc.sort_indices(t, sort_keys=[(k, "ascending", "at_start") for k in SORT_KEYS[table]])
    except (TypeError, ValueError, pa.ArrowInvalid):
        idx = pc.sort_indices(t, sort_keys=[(k, "ascending") for k in SORT_KEYS[table]],
                              null_placement="at_start")
    return t.take(idx)


def write_shards(t: pa.Table, table: str, root: Path, *, rows_per_shard: int = ROWS_PER_SHARD,
                 row_group_size: int = ROW_GROUP_SIZE) -> list[Shard]:
    """Write the (already sorted) table as ``data/<table>-0000i-of-0000N.parquet`` under root."""
    count = max(1, math.ceil(t.num_rows / rows_per_shard))
    shards = []
    for i in range(count):
        part = t.slice(i * rows_per_shard, rows_per_shard)
        rel = shard_name(table, i, count)
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(dest, t.schema, **WRITER_OPTIONS) as w:
            if part.num_rows == 0:
                w.write_table(part)
            for off in range(0, part.num_rows, row_group_size):
                w.write_table(part.slice(off, row_group_size), row_group_size=row_group_size)
        shards.append(Shard(rel, part.num_rows, dest.stat().st_size))
    return shards
