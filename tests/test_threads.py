"""The conversation API: Node.parent/ancestors/subtree, walks, short repr, conversation()."""
from __future__ import annotations

import json

import pytest

from helpers_build import make_build
from therapy_threads import conversation, iter_threads, load, reply_tree
from therapy_threads.errors import UserError
from therapy_threads.publish.release import publish
from therapy_threads.threads import find


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    d = tmp_path_factory.mktemp("threads")
    return publish(make_build(d / "build"), "1.0.0", d / "reg").path


@pytest.fixture(scope="module")
def comments(release):
    return load("comments", source=release)


def _deepest_post(comments):
    return comments.loc[comments["depth"].idxmax(), "post_id"]


def test_parent_ancestors_root_match_the_published_path(comments):
    for root in iter_threads(comments):
        assert root.parent is None and root.ancestors() == [] and root.root is root
        for node in root.walk():
            path = node.row["path"].split("/")
            assert [a.comment_id for a in node.ancestors()] == list(reversed(path[:-1]))
            assert node.root is root and node.root.comment_id == node.row["root_id"]
            if node.parent is not None:
                assert node.parent.comment_id == node.parent_id
                assert node in node.parent.children


def test_subtree_and_find(comments):
    pid = _deepest_post(comments)
    roots = reply_tree(comments, pid)
    for root in roots:
        for node in root.walk():
            assert root.subtree(node.comment_id) is node
            assert find(roots, node.comment_id) is node
    leaf = next(n for r in roots for n in r.walk() if not n.children and n.parent is not None)
    with pytest.raises(KeyError):
        leaf.subtree(leaf.root.comment_id)
    with pytest.raises(KeyError):
        find(roots, "c_missing")


def test_walk_orders(comments):
    pid = _deepest_post(comments)
    for root in reply_tree(comments, pid):
        reading = list(root.walk())
        assert [n.position for n in reading] == sorted(n.position for n in reading)
        bfs = list(root.breadth_first())
        assert [n.depth for n in bfs] == sorted(n.depth for n in bfs)
        assert {n.comment_id for n in bfs} == {n.comment_id for n in reading}
        post = list(root.walk("postorder"))
        seen = set()
        for n in post:  # every reply before its parent
            assert all(c.comment_id in seen for c in n.children)
            seen.add(n.comment_id)
        chrono = root.chronological()
        times = [n.published_at for n in chrono]
        assert times == sorted(times)
        with pytest.raises(ValueError, match="unknown order"):
            list(root.walk("sideways"))


def test_chronological_puts_undated_last():
    rows = [{"comment_id": "a", "parent_id": None, "post_id": "p", "depth": 0, "position": 0,
             "published_at": None},
            {"comment_id": "b", "parent_id": "a", "post_id": "p", "depth": 1, "position": 1,
             "published_at": __import__("datetime").datetime(2020, 1, 2)},
            {"comment_id": "c", "parent_id": "a", "post_id": "p", "depth": 1, "position": 2,
             "published_at": __import__("datetime").datetime(2020, 1, 1)}]
    (root,) = reply_tree(rows, "p")
    assert [n.comment_id for n in root.chronological()] == ["c", "b", "a"]


def test_repr_is_short(comments):
    root = max(iter_threads(comments), key=lambda r: r.size())
    r = repr(root)
    assert r.startswith(f"Node('{root.comment_id}', depth=0, ") and r.endswith("replies)")
    assert len(r) < 70 and root.text[:20] not in r
    assert "children" not in repr(root.children)  # a list of nodes stays short too


def test_conversation_is_nested_json(release, comments):
    pid = _deepest_post(comments)
    doc = conversation(pid, source=release)
    json.dumps(doc)  # JSON-ready as returned
    posts = load("posts", source=release)
    post = posts[posts["post_id"] == pid].iloc[0]
    assert doc["post_id"] == pid and doc["title"] == post["title"] and doc["body"] == post["body"]
    assert isinstance(doc["published_at"], str)
    group = comments[comments["post_id"] == pid]
    assert doc["n_comments"] == len(group)
    assert doc["n_threads"] == len(doc["threads"]) == int((group["depth"] == 0).sum())

    def walk(d, depth):
        assert d["depth"] == depth
        yield d
        for c in d["children"]:
            assert c["parent_id"] == d["comment_id"]
            yield from walk(c, depth + 1)

    flat = [c for t in doc["threads"] for c in walk(t, 0)]
    assert sorted(c["comment_id"] for c in flat) == sorted(group["comment_id"])
    # the same from tables already loaded
    assert conversation(pid, comments, posts) == doc


def test_conversation_of_a_post_without_comments(release):
    posts = load("posts", source=release)
    pid = posts.loc[posts["extracted_comment_count"] == 0, "post_id"].iloc[0]
    doc = conversation(pid, source=release)
    assert doc["threads"] == [] and doc["n_comments"] == 0


def test_conversation_unknown_post(release):
    with pytest.raises(UserError, match="post p_nope is not in this release"):
        conversation("p_nope", source=release)


@pytest.fixture(scope="module")
def removed_release(tmp_path_factory):
    from helpers_build import BuildSpec, SourceSpec

    d = tmp_path_factory.mktemp("threads-removed")
    spec = BuildSpec(sources=[SourceSpec("seed-rm", n_posts=1, comments_per_post=6, removed=(0, 3), seed=1)])
    return publish(make_build(d / "build", spec), "1.0.0", d / "reg").path


def test_removed_comments_are_nodes_without_text(removed_release):
    comments = load("comments", source=removed_release)
    pid = comments["post_id"].iloc[0]
    doc = conversation(pid, source=removed_release)
    json.dumps(doc)
    flat = []
    stack = list(doc["threads"])
    while stack:
        d = stack.pop()
        flat.append(d)
        stack.extend(d["children"])
    gone = sorted((d["position"], d["text"]) for d in flat if d["removed"])
    assert gone == [(0, ""), (3, "")] and doc["n_removed"] == 2 and doc["n_comments"] == 6
    assert all(d["text"] for d in flat if not d["removed"])
    nodes = [n for r in reply_tree(comments, pid) for n in r.walk()]
    assert sorted(n.position for n in nodes if n.removed) == [0, 3]
    first = next(n for n in nodes if n.position == 0)
    assert first.text == "" and first.parent is None
    # its reply hangs under it like under any comment (seed 1: both removed ones have one)
    assert [ch.position for ch in first.children] == [1] and first.children[0].text
    third = next(n for n in nodes if n.position == 3)
    assert [ch.position for ch in third.children] == [5] and third.depth == 2
