"""The reply-tree builder: ids, depth, paths, orphans, cycles, duplicates, ordering."""
from __future__ import annotations

from therapy_threads import ids
from therapy_threads.records import Comment
from therapy_threads.tree import MAX_DEPTH, build_tree


def c(key: str, parent: str | None, text: str = "t") -> Comment:
    return Comment(comment_id="", post_id="", source_id="", position=0, text=text,
                   source_key=key, parent_key=parent, location=f"item {key}")


def test_tree_fields_are_derived_from_parent_links():
    res = build_tree("p_1", "s", [c("a", None), c("b", "a"), c("c", "b"), c("d", None), c("e", "a")])
    assert res.quarantine == []
    by = {x.source_key: x for x in res.comments}
    assert [x.source_key for x in res.comments] == ["a", "b", "c", "d", "e"]
    assert [x.position for x in res.comments] == [0, 1, 2, 3, 4]
    assert by["a"].depth == 0 and by["b"].depth == 1 and by["c"].depth == 2 and by["e"].depth == 1
    assert by["c"].root_id == by["a"].comment_id
    assert by["c"].parent_id == by["b"].comment_id
    assert by["c"].path == "/".join([by["a"].comment_id, by["b"].comment_id, by["c"].comment_id])
    assert by["a"].n_children == 2 and by["b"].n_children == 1 and by["d"].n_children == 0
    assert by["a"].comment_id == ids.comment_id("p_1", "a")


def test_orphans_and_their_descendants_are_quarantined_not_dropped():
    res = build_tree("p", "s", [c("a", None), c("x", "gone"), c("y", "x"), c("b", "a")])
    assert [x.source_key for x in res.comments] == ["a", "b"]
    reasons = sorted((q.reason, q.location) for q in res.quarantine)
    assert reasons == [("orphan_descendant", "item y"), ("orphan_reply", "item x")]
    assert len(res.comments) + len(res.quarantine) == 4


def test_cycles_are_quarantined():
    res = build_tree("p", "s", [c("a", "b"), c("b", "a"), c("r", None), c("k", "r")])
    assert [x.source_key for x in res.comments] == ["r", "k"]
    assert sorted(q.reason for q in res.quarantine) == ["cycle", "cycle"]


def test_self_reply_is_a_cycle():
    res = build_tree("p", "s", [c("a", "a")])
    assert res.comments == [] and res.quarantine[0].reason == "cycle"


def test_duplicate_keys_keep_the_first():
    res = build_tree("p", "s", [c("a", None, "first"), c("a", None, "second")])
    assert [x.text for x in res.comments] == ["first"]
    assert res.quarantine[0].reason == "duplicate_key"


def test_child_listed_before_parent_is_moved_after_it():
    res = build_tree("p", "s", [c("b", "a"), c("a", None)])
    assert [x.source_key for x in res.comments] == ["a", "b"]
    assert [x.position for x in res.comments] == [0, 1]
    assert res.comments[1].depth == 1


def test_absurd_nesting_is_bounded_and_accounted_for():
    n = 20_000
    chain = [c("0", None)] + [c(str(i), str(i - 1)) for i in range(1, n)]
    res = build_tree("p", "s", chain)
    assert len(res.comments) == MAX_DEPTH + 1
    assert res.comments[-1].depth == MAX_DEPTH
    assert len(res.quarantine) == n - MAX_DEPTH - 1
    assert {q.reason for q in res.quarantine} == {"too_deep"}


def test_reversed_deep_chain_is_reordered_without_recursion():
    n = 5_000
    chain = [c(str(i), str(i - 1) if i else None) for i in range(n)][::-1]
    res = build_tree("p", "s", chain)
    assert [x.source_key for x in res.comments][:3] == ["0", "1", "2"]
    assert len(res.comments) + len(res.quarantine) == n


def removed(key: str, parent: str | None) -> Comment:
    x = c(key, parent, text="")
    x.removed = True
    return x


def test_removed_comments_are_ordinary_nodes():
    # a removed comment keeps its replies (also removed ones); a removed orphan is still an orphan
    res = build_tree("p", "s", [removed("a", None), c("b", "a"), removed("d", "b"), c("e", "d"),
                                removed("x", "gone"), c("y", "x")])
    by = {x.source_key: x for x in res.comments}
    assert [(x.source_key, x.depth, x.removed, x.text) for x in res.comments] == [
        ("a", 0, True, ""), ("b", 1, False, "t"), ("d", 2, True, ""), ("e", 3, False, "t")]
    assert by["a"].n_children == 1 and by["d"].n_children == 1
    assert by["e"].path.split("/") == [by[k].comment_id for k in "abde"]
    assert sorted((q.reason, q.location) for q in res.quarantine) == [
        ("orphan_descendant", "item y"), ("orphan_reply", "item x")]
    assert next(q for q in res.quarantine if q.location == "item x").content_sha256 == ids.sha256_text("")
