"""Deterministic Parquet shards: the same rows always give the same bytes.

Rows are sorted by a fixed key, written in fixed-size row groups with pinned writer options.
pyarrow writes no timestamps; the only environment-dependent bytes are its ``created_by``
string (the pyarrow version), which the manifest records.
"""
from __future__ import annotations

import math
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import UserError
from ..schema import arrow_schema

ROW_GROUP_SIZE = 10_000
ROWS_PER_SHARD = 250_000
WRITER_OPTIONS = dict(
    compression="zstd",
    compression_level=6,  # measured: level 9 is 6% smaller and 2.4x slower on comment text
    # write_statistics: per table, statistics_columns()
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
    "speakers": ["author_pseudonym"],
}


# Out-of-core sort of a build table: DuckDB ranks the rows by their keys with at most this much
# memory (spilling to a temp directory beyond it). The rows of a release are never all in
# memory at once, whatever the corpus size.
SORT_MEMORY = "256MB"
# Rows of a release table held at once while sorting: about this many bytes of decoded Arrow.
BUCKET_BYTES = 64 * 2**20


def statistics_columns(schema: pa.Schema, table: str) -> list[str]:
    """Columns that get min/max statistics: numbers, dates, flags, and the string columns of a
    fixed shape (ids, codes, pseudonyms). Free text gets none: a statistic is a copy of a cell
    in the footer (the release scan refuses text statistics)."""
    from ..anonymise.audit import SHAPED_COLUMNS

    shaped = SHAPED_COLUMNS.get(table, {})
    return [f.name for f in schema
            if not (pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
                    or pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type))
            or f.name in shaped]


# Unique or nearly unique long strings gain nothing from dictionary encoding but cost memory.
NO_DICTIONARY = frozenset({"comment_id", "path", "text", "body", "title", "url", "detail",
                           "location", "item_id", "content_sha256", "root_id", "parent_id"})


@dataclass(frozen=True)
class Shard:
    path: str  # relative to the release root, '/'-separated
    rows: int
    bytes: int


def shard_name(table: str, index: int, count: int) -> str:
    return f"data/{table}-{index:05d}-of-{count:05d}.parquet"


def read_published(path: Path, table: str, batch_size: int = 65_536) -> tuple[pa.Table, list[str]]:
    """Read exactly the published columns of ``table``, cast to the contract's Arrow schema.

    Returns the table and the names of extra columns that were left out (reported, never
    published). Reads in record batches: decoding a whole large row group at once needs about
    twice the memory of the decoded data.
    """
    schema = arrow_schema(table)
    f = pq.ParquetFile(path)
    extra = sorted(set(f.schema_arrow.names) - set(schema.names))
    batches = list(f.iter_batches(batch_size=batch_size, columns=schema.names))
    if batches:
        t = pa.Table.from_batches(batches)
    else:
        t = f.schema_arrow.empty_table().select(schema.names)
    return t.cast(schema), extra


def sort_indices(t: pa.Table, table: str) -> pa.Array:
    """Row order of the published file: the table's sort keys, nulls first (a total order)."""
    keys = t.select(SORT_KEYS[table])
    try:  # pyarrow >= 25: null placement per key
        return pc.sort_indices(keys, sort_keys=[(k, "ascending", "at_start")
                                                for k in SORT_KEYS[table]])
    except (TypeError, ValueError, pa.ArrowInvalid):
        return pc.sort_indices(keys, sort_keys=[(k, "ascending") for k in SORT_KEYS[table]],
                               null_placement="at_start")


def sort_table(t: pa.Table, table: str) -> pa.Table:
    return t.take(sort_indices(t, table))


class RowGatherer:
    """Rows of a multi-chunk table by global index, without concatenating its chunks.

    ``Table.take`` with indices spread over many chunks first concatenates each column (for
    the text column, hundreds of MB per call); taking from each record batch separately keeps
    memory at one row group.
    """

    def __init__(self, t: pa.Table):
        self.batches = t.to_batches()
        self.schema = t.schema
        self.offsets = np.cumsum([0] + [b.num_rows for b in self.batches])

    def __call__(self, indices: pa.Array) -> pa.Table:
        idx = indices.to_numpy(zero_copy_only=False).astype(np.int64)
        if len(self.batches) <= 1:
            return pa.Table.from_batches(self.batches, schema=self.schema).take(pa.array(idx))
        chunk = np.searchsorted(self.offsets, idx, side="right") - 1
        grouped = np.argsort(chunk, kind="stable")
        parts = []
        for c in np.unique(chunk):
            local = idx[chunk == c] - self.offsets[c]
            parts.append(self.batches[c].take(pa.array(local)))
        rows = pa.Table.from_batches(parts, schema=self.schema).combine_chunks()
        back = np.empty_like(grouped)
        back[grouped] = np.arange(len(idx))
        return rows.take(pa.array(back))


def write_shards(t: pa.Table, table: str, root: Path, *, order: pa.Array | None = None,
                 rows_per_shard: int = ROWS_PER_SHARD,
                 row_group_size: int = ROW_GROUP_SIZE) -> list[Shard]:
    """Write ``t`` as ``data/<table>-0000i-of-0000N.parquet`` under root, rows in ``order``.

    ``order`` (row indices, default: the table's sort order) is applied one row group at a
    time, so no sorted copy of the whole table is ever held in memory.
    """
    if order is None:
        order = sort_indices(t, table)
    gather = RowGatherer(t)
    count = max(1, math.ceil(t.num_rows / rows_per_shard))
    shards = []
    for i in range(count):
        lo, hi = i * rows_per_shard, min(t.num_rows, (i + 1) * rows_per_shard)
        rel = shard_name(table, i, count)
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dictionary = [c for c in t.schema.names if c not in NO_DICTIONARY]
        with pq.ParquetWriter(dest, t.schema, use_dictionary=dictionary,
                              write_statistics=statistics_columns(t.schema, table), **WRITER_OPTIONS) as w:
            # An empty table gets no row group at all: readers that size batches from the first
            # row group (datasets) fail on a zero-row group.
            for off in range(lo, hi, row_group_size):
                part = gather(order.slice(off, min(row_group_size, hi - off)))
                w.write_table(part, row_group_size=row_group_size)
        shards.append(Shard(rel, max(0, hi - lo), dest.stat().st_size))
    return shards


@dataclass
class TableScan:
    """What a release needs of a build table besides its sorted rows, from one streamed pass.

    ``narrow`` holds only the columns asked for (never the long texts), ``lengths`` the UTF-8
    length of each column asked for by length; ``arrow_bytes`` is the size of the whole table
    decoded and cast to the contract's schema (what :func:`read_published` would have held).
    """

    rows: int
    arrow_bytes: int
    extra: list[str]
    narrow: pa.Table
    lengths: dict[str, pa.ChunkedArray] = field(default_factory=dict)


def scan_published(path: Path, table: str, columns: Iterable[str] = (),
                   lengths: Iterable[str] = (), batch_size: int = 65_536) -> TableScan:
    """Read the published columns of ``table`` one column and one record batch at a time, cast
    each to the contract's type (so a column that does not fit fails here, as in
    :func:`read_published`), and keep only ``columns`` and the lengths of ``lengths``.

    ``arrow_bytes`` is the sum of the batches' sizes, so the batches are cut exactly as
    :func:`read_published` cuts them (``batch_size`` rows across row groups); one column at a
    time keeps a batch of the text column the largest thing held.
    """
    schema = arrow_schema(table)
    f = pq.ParquetFile(path, pre_buffer=False)
    extra = sorted(set(f.schema_arrow.names) - set(schema.names))
    columns = list(columns)
    keep, measure = set(columns), set(lengths)
    kept: dict[str, list[pa.Array]] = {}
    sizes: dict[str, list[pa.Array]] = {c: [] for c in measure}
    rows = nbytes = 0
    for i, field in enumerate(schema):
        n = 0
        for batch in f.iter_batches(batch_size=batch_size, columns=[field.name],
                                    use_threads=False):
            col = batch.column(0).cast(field.type)
            n += len(col)
            nbytes += col.nbytes
            if field.name in keep:
                kept.setdefault(field.name, []).append(col)
            if field.name in measure:
                sizes[field.name].append(pc.utf8_length(col))
        if i == 0:
            rows = n
    narrow_schema = pa.schema([schema.field(c) for c in columns], metadata=schema.metadata)
    narrow = pa.Table.from_arrays(
        [pa.chunked_array(kept.get(c, []), type=schema.field(c).type) for c in columns],
        schema=narrow_schema)
    return TableScan(rows=rows, arrow_bytes=nbytes, extra=extra, narrow=narrow,
                     lengths={c: pa.chunked_array(v, type=pa.int32()) for c, v in sizes.items()})


def _order_by(table: str) -> str:
    """DuckDB's ORDER BY for the table's sort keys: the same total order as
    :func:`sort_indices` (nulls first, strings by their bytes as Arrow compares them), the row
    number in the file last as Arrow's sort is stable."""
    keys = [f'"{k}" ASC NULLS FIRST' for k in SORT_KEYS[table]]
    return ", ".join(keys + ["file_row_number ASC"])


def _bucket_of_rows(path: Path, table: str, rows: int, bucket_rows: int, *, memory_limit: str,
                    spill: str, threads: int) -> np.ndarray:
    """For each row of the file (in file order), the bucket of its place in the release's order:
    rank // ``bucket_rows``. DuckDB sorts only the key columns and row numbers (out of core);
    what is kept is 2 bytes a row."""
    import duckdb

    dtype = np.uint16 if rows // bucket_rows < 2**16 else np.uint32
    bucket = np.zeros(rows, dtype=dtype)
    con = duckdb.connect(config={"memory_limit": memory_limit, "threads": str(threads),
                                 "temp_directory": spill})
    try:
        rel = con.sql("SELECT file_row_number FROM read_parquet($path, file_row_number = true) "
                      f"ORDER BY {_order_by(table)}", params={"path": str(path)})
        reader = (rel.to_arrow_reader(65_536) if hasattr(rel, "to_arrow_reader")
                  else rel.fetch_record_batch(65_536))
        rank = 0
        for batch in reader:
            idx = batch.column(0).to_numpy(zero_copy_only=False).astype(np.int64)
            if idx.size and (idx.min() < 0 or idx.max() >= rows):
                raise UserError(f"{path.name}: more rows than the {rows} counted; the build "
                                "changed while publishing, re-run the publish")
            bucket[idx] = (np.arange(rank, rank + idx.size) // bucket_rows).astype(dtype)
            rank += idx.size
    finally:
        con.close()
    if rank != rows:
        raise UserError(f"{path.name}: {'more' if rank > rows else 'fewer'} rows than the {rows} "
                        "counted; the build changed while publishing, re-run the publish")
    return bucket


def _row_group_batches(f: pq.ParquetFile, columns: list[str],
                       batch_size: int = 8_192) -> Iterator[pa.RecordBatch]:
    for g in range(f.num_row_groups):
        yield from f.iter_batches(batch_size=batch_size, row_groups=[g], columns=columns,
                                  use_threads=False)


def sorted_batches(path: Path, table: str, rows: int, *, bucket_rows: int,
                   batch_size: int = ROW_GROUP_SIZE, memory_limit: str = SORT_MEMORY,
                   temp_dir: Path | None = None, threads: int = 2) -> Iterator[pa.RecordBatch]:
    """The published columns of the build table at ``path`` (``rows`` rows), in the release's
    row order, as record batches cast to the contract's schema; at most ``bucket_rows`` rows are
    in memory at a time.

    A distribution sort: DuckDB ranks the rows by the sort keys out of core (keys only: DuckDB
    does not spill wide rows of long texts within its memory limit), one pass over the file
    sends each row to the spill file of its rank's bucket (Arrow IPC in ``temp_dir``), then each
    bucket is sorted in memory with :func:`sort_indices` and handed out in order. Within a bucket
    rows keep their file order, so the order is exactly that of sorting the whole table
    (Arrow's sort is stable, DuckDB's ranking breaks ties by row number).
    """
    schema = arrow_schema(table)
    bucket_rows = max(1, bucket_rows)
    with tempfile.TemporaryDirectory(prefix="therapy-threads-sort-", dir=temp_dir) as spill:
        bucket = _bucket_of_rows(path, table, rows, bucket_rows, memory_limit=memory_limit,
                                 spill=spill, threads=threads)
        count = -(-rows // bucket_rows)
        files = [Path(spill) / f"bucket-{i:05d}.arrow" for i in range(count)]
        writers: dict[int, pa.ipc.RecordBatchStreamWriter] = {}
        try:
            start = 0
            # one row group at a time, a few thousand rows per batch, no read-ahead threads:
            # the reader's buffers stay small whatever the file's size
            for batch in _row_group_batches(pq.ParquetFile(path, pre_buffer=False),
                                            schema.names):
                batch = batch.cast(schema)
                if start + batch.num_rows > rows:
                    raise UserError(f"{path.name}: more rows than the {rows} counted; the build "
                                    "changed while publishing, re-run the publish")
                b = bucket[start:start + batch.num_rows]
                start += batch.num_rows
                order = np.argsort(b, kind="stable")
                grouped = batch.take(pa.array(order))
                ids, first = np.unique(b[order], return_index=True)
                ends = list(first[1:]) + [len(order)]
                for i, lo, hi in zip(ids.tolist(), first.tolist(), ends):
                    w = writers.get(i)
                    if w is None:
                        w = writers[i] = pa.ipc.new_stream(str(files[i]), schema)
                    w.write_batch(grouped.slice(lo, hi - lo))
        finally:
            for w in writers.values():
                w.close()
        del bucket
        for f in files:
            if not f.exists():
                continue
            with pa.OSFile(str(f)) as source:
                t = pa.ipc.open_stream(source).read_all()
            order = sort_indices(t, table)
            gather = RowGatherer(t)
            for off in range(0, t.num_rows, batch_size):
                yield from gather(order.slice(off, batch_size)).to_batches()
            del t, gather, order
            f.unlink()


class RowStream:
    """Rows from record batches of any size, taken ``n`` at a time as one-chunk tables, so a
    row group's bytes never depend on how the rows arrived."""

    def __init__(self, batches: Iterable[pa.RecordBatch], schema: pa.Schema):
        self._batches = iter(batches)
        self._schema = schema
        self._head: pa.RecordBatch | None = None

    def take(self, n: int) -> pa.Table:
        parts: list[pa.RecordBatch] = []
        while n > 0:
            if self._head is None or self._head.num_rows == 0:
                self._head = next(self._batches, None)
                if self._head is None:
                    break
            part = self._head.slice(0, n)
            self._head = self._head.slice(part.num_rows)
            parts.append(part)
            n -= part.num_rows
        return pa.Table.from_batches(parts, schema=self._schema).combine_chunks()

    def exhausted(self) -> bool:
        return self.take(1).num_rows == 0


@contextmanager
def arrow_pool() -> Iterator[None]:
    """Arrow's buffers from jemalloc returning freed memory at once (or the C allocator), while
    a release is written: mimalloc, pyarrow's default here, kept ~200 MB more of freed batches
    resident when the 1M-comment table was streamed (measured, bench/README.md)."""
    previous = pa.default_memory_pool()
    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(0)
    except (NotImplementedError, pa.ArrowNotImplementedError, AttributeError):
        pool = pa.system_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def write_sorted_shards(path: Path, table: str, rows: int, root: Path, *,
                        rows_per_shard: int = ROWS_PER_SHARD,
                        row_group_size: int = ROW_GROUP_SIZE,
                        arrow_bytes: int | None = None,
                        bucket_bytes: int = BUCKET_BYTES, bucket_rows: int | None = None,
                        memory_limit: str = SORT_MEMORY,
                        temp_dir: Path | None = None) -> list[Shard]:
    """:func:`write_shards` for a build table on disk (``rows`` rows, as counted by
    :func:`scan_published`) without loading it: rows come sorted out of core
    (:func:`sorted_batches`) and are written one row group at a time. Same bytes as
    ``write_shards(read_published(path)[0], ...)``.

    A bucket of the sort holds ``bucket_rows`` rows, by default as many as make ``bucket_bytes``
    at the table's mean row size (``arrow_bytes`` / ``rows``).
    """
    schema = arrow_schema(table)
    if bucket_rows is None:
        mean = (arrow_bytes or 0) / rows if rows else 0
        bucket_rows = max(row_group_size, int(bucket_bytes / mean) if mean else rows or 1)
    stream = RowStream(sorted_batches(path, table, rows, bucket_rows=bucket_rows,
                                      batch_size=row_group_size, memory_limit=memory_limit,
                                      temp_dir=temp_dir), schema)
    count = max(1, math.ceil(rows / rows_per_shard))
    dictionary = [c for c in schema.names if c not in NO_DICTIONARY]
    shards = []
    for i in range(count):
        lo, hi = i * rows_per_shard, min(rows, (i + 1) * rows_per_shard)
        rel = shard_name(table, i, count)
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(dest, schema, use_dictionary=dictionary,
                              write_statistics=statistics_columns(schema, table), **WRITER_OPTIONS) as w:
            for off in range(lo, hi, row_group_size):
                want = min(row_group_size, hi - off)
                part = stream.take(want)
                if part.num_rows != want:
                    raise UserError(f"{path.name}: fewer rows than the {rows} counted; the "
                                     "build changed while publishing, re-run the publish")
                w.write_table(part, row_group_size=row_group_size)
        shards.append(Shard(rel, max(0, hi - lo), dest.stat().st_size))
    if not stream.exhausted():
        raise UserError(f"{path.name}: more rows than the {rows} counted; the build changed "
                         "while publishing, re-run the publish")
    return shards
