"""The public Python API: load() in three formats from three kinds of source; reply trees."""
from __future__ import annotations

import functools
import http.server

import datasets
import pandas as pd
import pyarrow as pa
import pytest

import loopback

import therapy_threads
from helpers_build import make_build
from therapy_threads.errors import UserError
from therapy_threads import Node, iter_threads, load, reply_tree
from therapy_threads.publish.release import publish
from therapy_threads.schema import arrow_schema


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    d = tmp_path_factory.mktemp("load")
    reg = d / "reg"
    publish(make_build(d / "build"), "1.0.0", reg)
    return reg


def test_pandas_with_nullable_types(registry):
    df = load("comments", source=registry)
    assert isinstance(df, pd.DataFrame) and len(df) == 50
    assert list(df.columns) == arrow_schema("comments").names
    assert str(df["like_count"].dtype) == "Int32" and df["like_count"].isna().any()
    assert str(df["depth"].dtype) == "Int32"
    assert str(df["is_post_author"].dtype) == "boolean"


def test_arrow_keeps_the_published_schema(registry):
    t = load("posts", "1.0.0", registry, format="arrow")
    assert isinstance(t, pa.Table) and t.num_rows == 6
    assert t.schema.remove_metadata().equals(arrow_schema("posts").remove_metadata())


def test_datasets_format(registry, tmp_path):
    ds = load("quarantine", source=registry, format="datasets", cache_dir=tmp_path)
    assert isinstance(ds, datasets.Dataset) and ds.num_rows == 2
    assert ds.features == datasets.Features.from_arrow_schema(arrow_schema("quarantine"))


def test_package_level_shortcut_and_release_folder(registry):
    df = therapy_threads.load("posts", source=registry / "v1.0.0")
    assert len(df) == 6


def test_latest_and_errors(registry, tmp_path):
    assert len(load(source=registry)) == 50  # version None -> newest
    with pytest.raises(UserError, match="v2.0.0 is not in"):
        load(version="2.0.0", source=registry)
    with pytest.raises(UserError, match="unknown table 'users'"):
        load("users", source=registry)
    with pytest.raises(UserError, match="format 'polars' unknown"):
        load(source=registry, format="polars")
    with pytest.raises(UserError, match="no release registry or release folder"):
        load(source=tmp_path / "none")


def test_load_over_http_downloads_into_cache(registry, tmp_path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(registry))
    handler.log_message = lambda *a: None
    with loopback.serving(handler) as (_, url):
        df = load("comments", source=url, cache_dir=tmp_path)
        assert len(df) == 50
        assert (tmp_path / "v1.0.0" / "manifest.json").is_file()


# ---------------------------------------------------------------- reply trees


def test_reply_tree_rebuilds_structure(registry):
    df = load("comments", source=registry)
    for post_id, group in df.groupby("post_id"):
        roots = reply_tree(df, post_id)
        assert [r.depth for r in roots] == [0] * len(roots)
        assert [r.position for r in roots] == sorted(r.position for r in roots)
        nodes = [n for r in roots for n in r.walk()]
        assert len(nodes) == len(group)
        assert {n.comment_id for n in nodes} == set(group["comment_id"])
        for n in nodes:
            assert len(n.children) == n.row["n_children"]
            for c in n.children:
                assert c.parent_id == n.comment_id and c.depth == n.depth + 1
                assert c.row["path"] == f"{n.row['path']}/{c.comment_id}"
        # siblings in order of appearance; a parent before its replies
        for n in nodes:
            assert [c.position for c in n.children] == sorted(c.position for c in n.children)
            assert all(c.position > n.position for c in n.children)


def test_reply_tree_accepts_arrow_and_datasets(registry, tmp_path):
    df = load("comments", source=registry)
    pid = df["post_id"].iloc[0]
    want = [r.to_dict()["comment_id"] for r in reply_tree(df, pid)]
    t = load("comments", source=registry, format="arrow")
    ds = load("comments", source=registry, format="datasets", cache_dir=tmp_path)
    assert [r.comment_id for r in reply_tree(t, pid)] == want
    assert [r.comment_id for r in reply_tree(ds, pid)] == want
    d = reply_tree(df, pid)[0].to_dict()
    assert d["like_count"] is None or isinstance(d["like_count"], int)


def test_iter_threads_covers_every_comment(registry):
    df = load("comments", source=registry)
    threads = list(iter_threads(df))
    assert len(threads) == int((df["depth"] == 0).sum()) == 26
    assert sum(t.size() for t in threads) == 50
    pid = df["post_id"].iloc[0]
    assert [t.comment_id for t in iter_threads(df, pid)] == [
        t.comment_id for t in reply_tree(df, pid)]


def test_deep_threads_do_not_recurse():
    n = 20_000  # far beyond Python's recursion limit
    rows = [{"comment_id": f"c{i}", "parent_id": f"c{i - 1}" if i else None, "post_id": "p",
             "depth": i, "position": i, "text": "x"} for i in range(n)]
    (root,) = reply_tree(pa.Table.from_pylist(rows), "p")
    assert root.size() == n
    d = root.to_dict()
    depth = 0
    while d["children"]:
        d = d["children"][0]
        depth += 1
    assert depth == n - 1


def test_filtered_rows_keep_orphaned_replies_as_roots():
    rows = [{"comment_id": "a", "parent_id": None, "post_id": "p", "depth": 0, "position": 0},
            {"comment_id": "b", "parent_id": "zz", "post_id": "p", "depth": 1, "position": 1}]
    roots = reply_tree(rows, "p")
    assert [r.comment_id for r in roots] == ["a", "b"]
    assert isinstance(roots[0], Node)


def test_iter_threads_same_for_every_input_type(registry, tmp_path):
    df = load("comments", source=registry)
    t = load("comments", source=registry, format="arrow")
    ds = load("comments", source=registry, format="datasets", cache_dir=tmp_path)
    shuffled = t.take(pa.array(list(reversed(range(t.num_rows)))))  # not sorted by post
    want = [(r.comment_id, r.size()) for r in iter_threads(df)]
    assert len(want) == 26
    for other in (t, ds, shuffled, t.to_pylist()):
        assert [(r.comment_id, r.size()) for r in iter_threads(other)] == want


def test_columns_and_filters_read_only_what_is_asked(registry, tmp_path):
    df = load("comments", source=registry)
    pid = df["post_id"].iloc[0]
    part = load("comments", source=registry, columns=["comment_id", "parent_id"],
                filters=[("post_id", "=", pid)])
    assert list(part.columns) == ["comment_id", "parent_id"]
    assert sorted(part["comment_id"]) == sorted(df.loc[df["post_id"] == pid, "comment_id"])
    ds = load("comments", source=registry, format="datasets", filters=[("post_id", "=", pid)],
              cache_dir=tmp_path)
    assert ds.num_rows == len(part)


def test_speakers_table_loads(registry):
    sp = load("speakers", source=registry)
    df = load("comments", source=registry)
    assert sp["n_comments"].sum() == df["author_pseudonym"].notna().sum()
    assert sp["author_pseudonym"].is_unique
