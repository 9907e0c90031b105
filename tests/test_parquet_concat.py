"""Assembly by row-group copy: the joined file holds exactly the parts' rows, in order, and is
readable by pyarrow and DuckDB; the same parts always give the same bytes."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from therapy_threads.parquet_concat import ConcatError, concat_files

SCHEMA = pa.schema([("id", pa.string()), ("n", pa.int32()), ("t", pa.timestamp("us", tz="UTC")),
                    ("flag", pa.bool_()), ("text", pa.string())])


def _part(path: Path, start: int, rows: int, *, row_group_size: int = 64_000) -> Path:
    t = pa.table({
        "id": [f"c_{i:06d}" for i in range(start, start + rows)],
        "n": pa.array([i % 7 if i % 5 else None for i in range(start, start + rows)], pa.int32()),
        "t": pa.array([1_600_000_000_000_000 + i for i in range(start, start + rows)], pa.timestamp("us", tz="UTC")),
        "flag": [bool(i % 2) for i in range(start, start + rows)],
        "text": [("word " * (i % 13)) or None for i in range(start, start + rows)],
    }, schema=SCHEMA)
    pq.write_table(t, path, compression="zstd", row_group_size=row_group_size, write_statistics=True)
    return path


def test_concatenation_equals_the_parts_in_order(tmp_path):
    parts = [_part(tmp_path / "a.parquet", 0, 500), _part(tmp_path / "b.parquet", 500, 0),
             _part(tmp_path / "c.parquet", 500, 1234, row_group_size=300), _part(tmp_path / "d.parquet", 2000, 7)]
    n = concat_files(parts, tmp_path / "out.parquet")
    got = pq.read_table(tmp_path / "out.parquet")
    want = pa.concat_tables([pq.read_table(p) for p in parts])
    assert n == got.num_rows == 1741
    assert got.equals(want)
    meta = pq.ParquetFile(tmp_path / "out.parquet").metadata
    assert meta.num_row_groups == 1 + 5 + 1  # empty placeholder row groups are dropped
    assert meta.row_group(1).column(0).statistics.min == "c_000500"  # statistics travel along


def test_duckdb_reads_the_joined_file(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    parts = [_part(tmp_path / f"p{i}.parquet", i * 100, 100) for i in range(3)]
    concat_files(parts, tmp_path / "out.parquet")
    assert duckdb.execute(f"select count(*), count(distinct id), sum(n) from '{tmp_path / 'out.parquet'}'").fetchone()[:2] == (300, 300)


def test_same_parts_give_the_same_bytes_and_empty_parts_an_empty_file(tmp_path):
    parts = [_part(tmp_path / f"p{i}.parquet", i * 10, 10) for i in range(4)]
    concat_files(parts, tmp_path / "x.parquet")
    concat_files(parts, tmp_path / "y.parquet")
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(tmp_path / "x.parquet") == digest(tmp_path / "y.parquet")
    empty = [_part(tmp_path / f"e{i}.parquet", 0, 0) for i in range(3)]
    assert concat_files(empty, tmp_path / "e.parquet") == 0
    assert pq.read_table(tmp_path / "e.parquet").schema.equals(SCHEMA)


def test_a_different_schema_is_refused(tmp_path):
    a = _part(tmp_path / "a.parquet", 0, 5)
    pq.write_table(pa.table({"id": ["x"]}), tmp_path / "b.parquet")
    with pytest.raises(ConcatError, match="different schema"):
        concat_files([a, tmp_path / "b.parquet"], tmp_path / "out.parquet")
    assert not (tmp_path / "out.parquet").exists()


@pytest.mark.parametrize("groups", [1, 2, 14, 15, 16, 200])
def test_footer_spliced_from_encoded_row_groups_is_the_canonical_encoding(tmp_path, groups):
    """The footer is written from row groups kept encoded (never all decoded at once): it must
    be exactly what encoding the whole footer gives, for short and long list headers."""
    from therapy_threads.parquet_concat import _footer

    parts = [_part(tmp_path / f"p{i}.parquet", i * 3, 3, row_group_size=3) for i in range(groups)]
    out = tmp_path / "out.parquet"
    assert concat_files(parts, out) == 3 * groups
    with open(out, "rb") as f:
        fmd, raw = _footer(f)
    assert len(fmd.row_groups) == groups
    assert bytes(fmd.to_bytes()) == raw
    assert pq.read_table(out).equals(pa.concat_tables([pq.read_table(p) for p in parts]))
