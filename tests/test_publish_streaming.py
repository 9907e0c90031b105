"""Publishing streams: release tables are sorted out of core and written a row group at a time,
with the same bytes as sorting them in memory; the release scan and the build's token union
hold bounded state. (Behaviour only: the memory figures are in bench/README.md.)"""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers_build import make_build
from therapy_threads.publish import parquet as parquet_mod
from therapy_threads.publish import release as release_mod
from therapy_threads.publish import release_scan
from therapy_threads.publish.parquet import (RowStream, read_published, scan_published,
                                             sorted_batches, write_shards, write_sorted_shards)
from therapy_threads.publish.release import publish
from therapy_threads.schema import arrow_schema
from therapy_threads.validate.privacy import write_tokens_union

# Strings whose order differs between bytes and naive expectations: case, accents, an emoji
# (4 UTF-8 bytes), a private-use character (3 bytes, above most letters), the empty string.
ALPHABET = ["a", "B", "b", "é", "e\u0301", "z", "\U0001F60A", "\ue000", "", "aa", "a b", "Z"]


def _value(rng: random.Random, f: pa.Field):
    if f.nullable and rng.random() < 0.2:
        return None
    t = f.type
    if pa.types.is_string(t):
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 3)))
    if pa.types.is_integer(t):
        return rng.randint(-3, 3)
    if pa.types.is_boolean(t):
        return rng.random() < 0.5
    if pa.types.is_timestamp(t):
        return datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randint(0, 5))
    raise AssertionError(f"no generator for {t}")


def _random_table(table: str, n: int, seed: int) -> pa.Table:
    """Rows with many ties and nulls in the sort keys (a total order needs the tie-breakers)."""
    rng = random.Random(seed)
    schema = arrow_schema(table)
    rows = [{f.name: _value(rng, f) for f in schema} for _ in range(n)]
    return pa.Table.from_pylist(rows, schema=schema)


def _shard_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "data").glob("*.parquet"))}


@pytest.mark.parametrize("table", ["posts", "comments", "quarantine"])
@pytest.mark.parametrize("rows_per_shard,row_group_size,bucket_rows",
                         [(23, 5, None), (40, 10, 17), (1000, 7, 1)])
def test_out_of_core_sort_writes_the_bytes_of_the_in_memory_sort(tmp_path, table, rows_per_shard,
                                                                 row_group_size, bucket_rows):
    src = tmp_path / f"{table}.parquet"
    # several row groups, written out of order: the sort has to merge across them
    pq.write_table(_random_table(table, 157, seed=len(table) + row_group_size), src,
                   row_group_size=31)
    t, _extra = read_published(src, table)
    old = write_shards(t, table, tmp_path / "old", rows_per_shard=rows_per_shard,
                       row_group_size=row_group_size)
    new = write_sorted_shards(src, table, t.num_rows, tmp_path / "new",
                              rows_per_shard=rows_per_shard, row_group_size=row_group_size,
                              bucket_rows=bucket_rows, memory_limit="64MB")
    assert new == old
    assert _shard_bytes(tmp_path / "new") == _shard_bytes(tmp_path / "old")


def test_empty_table_is_one_shard_without_row_groups(tmp_path):
    src = tmp_path / "quarantine.parquet"
    pq.write_table(arrow_schema("quarantine").empty_table(), src)
    shards = write_sorted_shards(src, "quarantine", 0, tmp_path / "rel")
    assert [s.rows for s in shards] == [0]
    assert pq.ParquetFile(tmp_path / "rel" / shards[0].path).metadata.num_row_groups == 0


def test_rows_that_do_not_match_the_count_are_refused(tmp_path):
    from therapy_threads.errors import UserError

    src = tmp_path / "comments.parquet"
    pq.write_table(_random_table("comments", 20, seed=1), src)
    with pytest.raises(UserError, match="more rows than the 19 counted"):
        write_sorted_shards(src, "comments", 19, tmp_path / "a")
    with pytest.raises(UserError, match="fewer rows than the 21 counted"):
        write_sorted_shards(src, "comments", 21, tmp_path / "b")


def test_scan_keeps_small_columns_and_text_lengths_only(tmp_path):
    src = tmp_path / "comments.parquet"
    t = _random_table("comments", 300, seed=7)
    pq.write_table(t.append_column("internal", pa.array(["x"] * t.num_rows)), src,
                   row_group_size=50)
    scan = scan_published(src, "comments", ["post_id", "depth"], ["text"], batch_size=64)
    full, extra = read_published(src, "comments")
    assert scan.extra == extra == ["internal"]
    assert scan.rows == full.num_rows
    assert scan.arrow_bytes == full.nbytes  # the manifest's arrow_bytes are unchanged
    assert scan.narrow.column_names == ["post_id", "depth"]
    assert scan.narrow.to_pylist() == full.select(["post_id", "depth"]).to_pylist()
    assert scan.lengths["text"].to_pylist() == [len(x) for x in full.column("text").to_pylist()]


def test_sort_holds_one_bucket_at_a_time(tmp_path, monkeypatch):
    """The distribution sort ranks rows in DuckDB (small memory limit), then sorts one bucket of
    at most ``bucket_rows`` rows at a time in memory, and leaves no spill files behind."""
    src = tmp_path / "comments.parquet"
    t = _random_table("comments", 3000, seed=11)
    pq.write_table(t, src, row_group_size=400)
    held = []
    real = parquet_mod.sort_indices

    def spy(tab, table):
        held.append(tab.num_rows)
        return real(tab, table)

    monkeypatch.setattr(parquet_mod, "sort_indices", spy)
    spill = tmp_path / "spill"
    spill.mkdir()
    out = pa.Table.from_batches(list(sorted_batches(src, "comments", 3000, bucket_rows=250,
                                                    batch_size=100, memory_limit="64MB",
                                                    temp_dir=spill, threads=1)))
    monkeypatch.setattr(parquet_mod, "sort_indices", real)
    full, _ = read_published(src, "comments")
    assert out.equals(parquet_mod.sort_table(full, "comments"))
    assert len(held) == 12 and max(held) <= 250
    assert list(spill.iterdir()) == []


def test_publish_never_holds_a_whole_table(tmp_path, monkeypatch):
    """The release path never reads a table whole: no read_published, every write of the shards
    takes at most one row group, and the three build tables go through the out-of-core sort."""
    build = make_build(tmp_path / "build")

    def refuse(*a, **k):
        raise AssertionError("read_published loads a whole table")

    monkeypatch.setattr(parquet_mod, "read_published", refuse)
    taken = []
    real_take = RowStream.take

    def take(self, n):
        taken.append(n)
        return real_take(self, n)

    monkeypatch.setattr(RowStream, "take", take)
    sorted_tables = []
    real_sorted = release_mod.write_sorted_shards

    def spy(path, table, *a, **k):
        sorted_tables.append(table)
        return real_sorted(path, table, *a, **k)

    monkeypatch.setattr(release_mod, "write_sorted_shards", spy)
    res = publish(build, "1.0.0", tmp_path / "reg", rows_per_shard=20, row_group_size=8)
    assert sorted_tables == ["posts", "comments", "quarantine"]
    assert taken and max(taken) <= 8
    assert res.manifest["tables"]["comments"]["rows"] == pq.ParquetFile(
        build / "comments.parquet").metadata.num_rows


def test_release_scan_values_are_streamed_and_bounded(tmp_path):
    path = tmp_path / "speakers-00000-of-00001.parquet"
    vals = [f"v{i % 37}" for i in range(500)] + [None, ""]
    pq.write_table(pa.table({"a": vals, "n": list(range(len(vals)))}), path, row_group_size=20)
    # unbounded: each distinct non-empty value once, in order of first appearance
    got = list(release_scan._parquet_values(path))
    assert got == [("a", f"v{i}") for i in range(37)]
    # bounded: every value is still checked at least once; repeats only after the set was cleared
    small = list(release_scan._parquet_values(path, max_seen=5))
    assert {v for _c, v in small} == {f"v{i}" for i in range(37)}
    assert len(small) <= 500


def test_token_union_is_a_sorted_streamed_merge(tmp_path):
    rng = random.Random(5)
    frags, union = [], set()
    for i in range(6):
        toks = {f"{rng.choice('hw')}:{rng.getrandbits(40):010x}{rng.choice(['', ':de', ':de,fr'])}"
                for _ in range(rng.randint(0, 80))} | {"h:00shared"}
        union |= toks
        d = tmp_path / f"frag{i}"
        d.mkdir()
        (d / "identity_tokens.txt").write_text("".join(t + "\n" for t in sorted(toks)))
        frags.append(d)
    write_tokens_union(frags, tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text() == "".join(t + "\n" for t in sorted(union))
    # a fragment file out of order (older or hand-written) still gives the sorted union
    (frags[0] / "identity_tokens.txt").write_text("w:zz\nh:aa\nh:00shared\n")
    union2 = {"w:zz", "h:aa"} | set().union(*(
        set((f / "identity_tokens.txt").read_text().split()) for f in frags[1:]))
    write_tokens_union(frags, tmp_path / "out2.txt")
    assert (tmp_path / "out2.txt").read_text() == "".join(t + "\n" for t in sorted(union2 | {"h:00shared"}))


def _comments_with_threads(n: int, seed: int) -> pa.Table:
    """Comments with unique ids, replies to earlier comments, pseudonyms with repeats and nulls,
    several posts and sources: what the speakers table and the statistics count."""
    rng = random.Random(seed)
    t = _random_table("comments", n, seed)
    ids = [f"c_{i:05d}" for i in range(n)]
    parents = [None if i == 0 or rng.random() < 0.3 else ids[rng.randrange(i)] for i in range(n)]
    cols = {
        "comment_id": ids,
        "parent_id": parents,
        "root_id": [ids[i] if parents[i] is None else f"c_{rng.randrange(3):05d}" for i in range(n)],
        "depth": [0 if parents[i] is None else rng.randint(1, 4) for i in range(n)],
        "post_id": [f"p_{rng.randrange(7)}" for _ in range(n)],
        "source_id": [f"src-{rng.randrange(3)}" for _ in range(n)],
        "author_pseudonym": [None if rng.random() < 0.2 else f"u_{rng.randrange(12):02d}{'é' if rng.random() < 0.2 else ''}"
                             for _ in range(n)],
    }
    schema = arrow_schema("comments")
    for name, values in cols.items():
        t = t.set_column(schema.get_field_index(name), schema.field(name),
                         pa.array(values, schema.field(name).type))
    return t


@pytest.mark.parametrize("n", [0, 1, 400])
def test_speakers_and_statistics_from_the_file_equal_the_in_memory_ones(tmp_path, n):
    from therapy_threads.publish.aggregates import comment_stats_file, derive_speakers_file
    from therapy_threads.publish.speakers import derive_speakers
    from therapy_threads.publish.stats import comment_stats

    t = _comments_with_threads(n, seed=n + 3)
    src = tmp_path / "comments.parquet"
    pq.write_table(t, src, row_group_size=64)
    post_ids = ["p_0", "p_1", "p_99"]  # a post without comments counts as 0
    mem = derive_speakers(t)
    disk = derive_speakers_file(src)
    assert disk.schema == mem.schema
    assert disk.equals(mem)
    write_shards(mem, "speakers", tmp_path / "a")
    write_shards(disk, "speakers", tmp_path / "b")
    assert _shard_bytes(tmp_path / "a") == _shard_bytes(tmp_path / "b")
    lengths = scan_published(src, "comments", [], ["text"]).lengths["text"]
    assert comment_stats_file(src, post_ids, lengths) == comment_stats(t, post_ids)


def test_changelog_compares_digest_files_not_tables_in_memory(tmp_path, monkeypatch):
    """A second release is compared with the first through streamed digest files (DuckDB
    counts per source); the in-memory digest tables are never built."""
    from therapy_threads.publish import changelog

    reg = tmp_path / "reg"
    publish(make_build(tmp_path / "b1"), "1.0.0", reg)
    b2 = make_build(tmp_path / "b2")
    t = pq.read_table(b2 / "comments.parquet")
    texts = t.column("text").to_pylist()
    texts[2] += " (edited)"
    sid = t.column("source_id")[2].as_py()
    t = t.set_column(t.schema.get_field_index("text"), t.schema.field("text"),
                     pa.array(texts, pa.string()))
    pq.write_table(t, b2 / "comments.parquet")
    from helpers_build import record_verdicts

    record_verdicts(b2)

    def refuse(*a, **k):
        raise AssertionError("row digests held in memory")

    monkeypatch.setattr(changelog, "row_digests", refuse)
    res = publish(b2, "1.0.1", reg)
    assert res.manifest["changes"]["rows"]["comments"] == {
        sid: {"added": 0, "removed": 0, "changed": 1}}
