"""The speakers table: derived from comments, reconciled before a release is written."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from therapy_threads.errors import UserError
from therapy_threads.publish.speakers import check_speakers, derive_speakers
from therapy_threads.schema import arrow_schema

T0 = datetime(2021, 3, 1, tzinfo=timezone.utc)


def _comments(rows):
    full = []
    for r in rows:
        full.append({"comment_id": r[0], "post_id": r[1], "source_id": r[5], "parent_id": r[2], "root_id": r[0], "depth": r[3],
                     "position": 0, "path": r[0], "n_children": 0, "text": "x",
                     "like_count": None, "published_at": r[4], "author_pseudonym": r[6],
                     "is_post_author": r[7], "language": "en"})
    return pa.Table.from_pylist(full, schema=arrow_schema("comments"))


def test_counts_by_hand():
    d = lambda h: T0 + timedelta(hours=h)  # noqa: E731
    t = _comments([
        # id   post  parent depth time   source author  post-author
        ("a", "p1", None, 0, d(1), "s1", "u_ann", False),
        ("b", "p1", "a", 1, d(2), "s1", "u_bob", True),
        ("c", "p1", "b", 2, d(3), "s1", "u_ann", None),
        ("d", "p1", "c", 3, None, "s1", "u_ann", False),   # replies to herself: not received
        ("e", "p2", None, 0, d(0), "s2", "u_ann", False),
        ("f", "p2", "e", 1, d(5), "s2", None, None),       # unknown author: no speaker
        ("g", "p2", "f", 2, d(6), "s2", "u_bob", False),   # parent has no speaker
    ])
    s = {r["author_pseudonym"]: r for r in derive_speakers(t).to_pylist()}
    assert list(s) == ["u_ann", "u_bob"]
    ann, bob = s["u_ann"], s["u_bob"]
    assert (ann["n_comments"], ann["n_posts"], ann["n_sources"]) == (4, 2, 2)
    assert (ann["n_threads_started"], ann["n_replies"]) == (2, 2)
    # replies to ann by someone else: b (to a) and f (unknown author, to e); d is her own
    assert ann["n_replies_received"] == 2
    assert (ann["first_seen"], ann["last_seen"]) == (d(0), d(3))
    assert ann["n_as_post_author"] == 0
    assert (bob["n_comments"], bob["n_posts"], bob["n_replies"], bob["n_as_post_author"]) == \
        (2, 2, 2, 1)
    assert bob["n_replies_received"] == 1  # c by ann
    check_speakers(derive_speakers(t), t)


def test_no_known_authors_gives_an_empty_table():
    t = _comments([("a", "p", None, 0, None, "s", None, None)])
    out = derive_speakers(t)
    assert out.num_rows == 0 and out.schema.equals(arrow_schema("speakers"))
    check_speakers(out, t)


def test_check_refuses_a_table_that_does_not_reconcile():
    t = _comments([("a", "p", None, 0, T0, "s", "u_x", False),
                   ("b", "p", "a", 1, T0, "s", "u_y", False)])
    good = derive_speakers(t)
    bad = good.set_column(1, "n_comments", pa.array([1, 2], pa.int32()))
    with pytest.raises(UserError, match="speakers count 3 comments but 2 comments"):
        check_speakers(bad, t)
    with pytest.raises(UserError, match="1 speakers for 2 distinct"):
        check_speakers(good.slice(0, 1), t)


authors = st.sampled_from(["u_1", "u_2", "u_3", None])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(authors, st.integers(0, 3), st.booleans(), st.integers(0, 5)),
                min_size=1, max_size=40))
def test_properties(spec):
    rows = []
    for i, (author, post, reply, hour) in enumerate(spec):
        same_post = [r for r in rows if r[1] == f"p{post}"]
        parent = same_post[-1] if reply and same_post else None
        rows.append((f"c{i}", f"p{post}", parent[0] if parent else None,
                     parent[3] + 1 if parent else 0, T0 + timedelta(hours=hour), "s",
                     author, None))
    t = _comments(rows)
    s = derive_speakers(t)
    check_speakers(s, t)
    for r in s.to_pylist():
        assert r["n_threads_started"] + r["n_replies"] == r["n_comments"]
        assert 1 <= r["n_posts"] <= r["n_comments"]
        assert r["first_seen"] <= r["last_seen"]
    by_id = {r[0]: r for r in rows}
    received = sum(1 for r in rows if r[2] and by_id[r[2]][6] and r[6] != by_id[r[2]][6])
    assert sum(r["n_replies_received"] for r in s.to_pylist()) == received


def _with_removed(rows, removed_ids):
    t = _comments(rows)
    i = t.schema.get_field_index("removed")
    flags = pa.array([r[0] in removed_ids for r in rows], pa.bool_())
    texts = pa.array(["" if r[0] in removed_ids else "x" for r in rows], pa.string())
    t = t.set_column(i, t.schema.field(i), flags)
    j = t.schema.get_field_index("text")
    return t.set_column(j, t.schema.field(j), texts)


@pytest.mark.parametrize("removed, ann_comments, ann_top", [
    (set(), 3, 2),
    ({"a"}, 3, 2),          # her removed thread opener still counts (its reply keeps its parent)
    ({"a", "c", "e"}, 3, 2),  # all her comments removed: still a speaker (comments point at her)
])
def test_a_removed_comment_counts_for_its_author(removed, ann_comments, ann_top, tmp_path):
    # Documented in speakers.schema.json: removed rows keep their pseudonym, so they count, and
    # every comments.author_pseudonym stays a speaker (the foreign key holds).
    import pyarrow.parquet as pq

    from therapy_threads.publish.aggregates import derive_speakers_file
    rows = [("a", "p1", None, 0, T0, "s1", "u_ann", False),
            ("b", "p1", "a", 1, T0, "s1", "u_bob", False),
            ("c", "p1", "b", 2, T0, "s1", "u_ann", False),
            ("e", "p2", None, 0, T0, "s1", "u_ann", False)]
    t = _with_removed(rows, removed)
    s = {r["author_pseudonym"]: r for r in derive_speakers(t).to_pylist()}
    assert (s["u_ann"]["n_comments"], s["u_ann"]["n_threads_started"]) == (ann_comments, ann_top)
    assert s["u_bob"]["n_replies_received"] == 1
    check_speakers(derive_speakers(t), t)
    pq.write_table(t, tmp_path / "c.parquet")
    assert derive_speakers_file(tmp_path / "c.parquet").to_pylist() == derive_speakers(t).to_pylist()
