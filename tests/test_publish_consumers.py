"""A release folder as researchers use it: datasets.load_dataset, pandas and DuckDB."""
from __future__ import annotations

import datasets
import duckdb
import pandas as pd
import pytest

from helpers_build import make_build
from therapy_threads.publish.release import publish
from therapy_threads.schema import arrow_schema


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("consumers")
    return publish(make_build(d / "build"), "1.0.0", d / "reg").path


@pytest.fixture()
def offline(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return tmp_path / "hf-cache"


@pytest.mark.parametrize("config,rows", [("comments", 50), ("posts", 6), ("quarantine", 2),
                                         ("speakers", 50)])
def test_load_dataset_reads_every_config(release_dir, offline, config, rows):
    ds = datasets.load_dataset(str(release_dir), config, cache_dir=str(offline))
    assert list(ds) == ["train"]
    assert ds["train"].num_rows == rows
    assert ds["train"].features == datasets.Features.from_arrow_schema(arrow_schema(config))


def test_load_dataset_default_config_is_comments(release_dir, offline):
    ds = datasets.load_dataset(str(release_dir), split="train", cache_dir=str(offline))
    assert ds.num_rows == 50 and "parent_id" in ds.column_names


def test_pandas_reads_parquet_directly(release_dir):
    df = pd.read_parquet(release_dir / "data" / "comments-00000-of-00001.parquet")
    assert len(df) == 50
    assert list(df.columns) == arrow_schema("comments").names
    assert str(df["published_at"].dt.tz) == "UTC"
    roots = df[df["depth"] == 0]
    assert (roots["root_id"] == roots["comment_id"]).all()


def test_duckdb_reads_and_joins(release_dir):
    con = duckdb.connect()
    data = (release_dir / "data").as_posix()
    n = con.execute(f"select count(*) from read_parquet('{data}/comments-*.parquet')").fetchone()
    assert n == (50,)
    # every reply's parent is a published comment of the same post
    orphans = con.execute(f"""
        select count(*) from read_parquet('{data}/comments-*.parquet') c
        left join read_parquet('{data}/comments-*.parquet') p
          on c.parent_id = p.comment_id and c.post_id = p.post_id
        where c.parent_id is not null and p.comment_id is null""").fetchone()
    assert orphans == (0,)
    per_post = con.execute(f"""
        select p.post_id, p.extracted_comment_count, count(c.comment_id)
        from read_parquet('{data}/posts-*.parquet') p
        left join read_parquet('{data}/comments-*.parquet') c using (post_id)
        group by all""").fetchall()
    assert len(per_post) == 6
    assert all(extracted == counted for _, extracted, counted in per_post)


def test_every_declared_config_loads_and_empty_tables_are_not_declared(tmp_path, offline):
    from helpers_build import BuildSpec, SourceSpec
    from huggingface_hub import DatasetCard

    spec = BuildSpec(sources=[SourceSpec("seed-000", quarantined=0)])
    rel = publish(make_build(tmp_path / "b", spec), "1.0.0", tmp_path / "reg").path
    meta = DatasetCard.load(rel / "README.md").data.to_dict()
    declared = [c["config_name"] for c in meta["configs"]]
    # datasets cannot build a split with no rows (huggingface/datasets#8401), so the empty
    # quarantine table is not declared; every config that is declared loads.
    assert declared == ["comments", "posts", "speakers"]
    assert [i["config_name"] for i in meta["dataset_info"]] == declared
    for config in declared:
        ds = datasets.load_dataset(str(rel), config, split="train", cache_dir=str(offline))
        assert ds.num_rows > 0
        assert ds.features == datasets.Features.from_arrow_schema(arrow_schema(config))
    assert "**Empty in this release:** `quarantine`." in (rel / "README.md").read_text()
    from therapy_threads import load

    ds = load("quarantine", source=rel, format="datasets", cache_dir=offline)
    assert ds.num_rows == 0
    assert ds.features == datasets.Features.from_arrow_schema(arrow_schema("quarantine"))
    assert len(pd.read_parquet(rel / "data" / "quarantine-00000-of-00001.parquet")) == 0
    con = duckdb.connect()
    assert con.execute(f"select count(*) from '{rel.as_posix()}/data/quarantine-*.parquet'"
                       ).fetchone() == (0,)
