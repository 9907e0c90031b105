"""Row isolation before writing: unpublishable rows go to quarantine with reasons, trees are
rebuilt, counts reconcile."""
from __future__ import annotations

import pytest

from therapy_threads import ids
from therapy_threads.records import Comment, Post, ReadResult
from therapy_threads.tree import build_tree
from therapy_threads.validate import patterns
from therapy_threads.validate.rows import comment_problem, isolate_bad_rows


def _c(key: str, parent: str | None, text: str) -> Comment:
    return Comment(comment_id="", post_id="", source_id="", position=0, text=text,
                   source_key=key, parent_key=parent, location=f"item {key}")


def _result(posts: dict[str, list[Comment]], bodies: dict[str, str] | None = None) -> ReadResult:
    r = ReadResult("src", "wxr")
    for key, comments in posts.items():
        pid = ids.post_id("src", key)
        tree = build_tree(pid, "src", comments)
        r.posts.append(Post(post_id=pid, source_id="src", source_format="wxr", title=key,
                            body=(bodies or {}).get(key, "A body long enough to be an article."),
                            content_sha256="0" * 64, extracted_comment_count=len(tree.comments),
                            source_key=key))
        r.comments.extend(tree.comments)
        r.quarantine.extend(tree.quarantine)
    return r


@pytest.mark.parametrize("text,reason", [
    ("", "empty_text"),
    ("  \n\n\u200b ", "empty_text"),
    ("Reply", "metadata_only"),
    ("March 3, 2019 at 4:52 pm", "metadata_only"),
    ("March 3, 2019 at 4:52 pm · Reply", "metadata_only"),
    ("Liked by 2 people\n\nReply", "metadata_only"),
    ("2 days ago | Log in to Reply", "metadata_only"),
    ("2019-03-03T16:52:00Z", "metadata_only"),
    ("[deleted]", "deleted_placeholder"),
    ("This comment was removed by the author.", "deleted_placeholder"),
    ("This comment is awaiting moderation.", "deleted_placeholder"),
])
def test_unpublishable_texts(text, reason):
    assert comment_problem(text)[0] == reason


@pytest.mark.parametrize("text", [
    "Thanks!", "😂", "Reply to the comment above: I agree.", "I like it", "May I ask how long it took?",
    "I said that on March 3, 2019 and still mean it.", "…",
])
def test_real_comments_are_kept(text):
    assert comment_problem(text) is None


def test_metadata_pattern_agrees_between_python_and_pyarrow():
    import pyarrow as pa
    import pyarrow.compute as pc

    texts = ["Reply", "March 3, 2019 at 4:52 pm · Reply", "I like it", "Liked by 1 person", "2 days ago",
             "Thanks", "[removed]", "Comment deleted", "deleted"]
    arrow_meta = pc.match_substring_regex(pa.array(texts), patterns.METADATA_ONLY, ignore_case=True).to_pylist()
    arrow_del = pc.match_substring_regex(pa.array(texts), patterns.DELETED_PLACEHOLDER, ignore_case=True).to_pylist()
    assert arrow_meta == [patterns.is_metadata_only(t) for t in texts]
    assert arrow_del == [patterns.is_deleted_placeholder(t) for t in texts]
    assert arrow_meta == [True, True, False, True, True, False, False, False, False]


def test_empty_comment_and_its_replies_are_quarantined_and_tree_rebuilt():
    r = _result({"p": [
        _c("a", None, "First comment."),
        _c("b", "a", "   "),          # empty: removed
        _c("c", "b", "Reply to b."),   # orphaned by the removal
        _c("d", "c", "Reply to c."),   # and its descendant
        _c("e", "a", "Another reply to a."),
        _c("f", None, "Reply"),        # metadata only, a leaf
    ]})
    before = len(r.comments) + len(r.quarantine)
    isolate_bad_rows(r)
    assert [c.text for c in r.comments] == ["First comment.", "Another reply to a."]
    assert [c.position for c in r.comments] == [0, 1]
    assert r.comments[0].n_children == 1 and r.comments[1].depth == 1
    reasons = {q.location: q.reason for q in r.quarantine}
    assert reasons == {"item b": "empty_text", "item c": "parent_quarantined", "item d": "parent_quarantined",
                       "item f": "metadata_only"}
    assert "not re-parented" in next(q.detail for q in r.quarantine if q.location == "item c")
    assert r.posts[0].extracted_comment_count == 2
    assert len(r.comments) + len(r.quarantine) == before
    pid = ids.post_id("src", "p")
    assert all(q.post_id == pid and q.item_kind == "comment" and q.content_sha256 for q in r.quarantine)
    assert next(q for q in r.quarantine if q.location == "item c").item_id == ids.comment_id(pid, "c")


def test_post_without_title_or_body_is_quarantined_with_its_comments():
    r = _result({"good": [_c("a", None, "Hello.")], "empty": [_c("x", None, "Kept text."), _c("y", "x", "Reply.")]},
                bodies={"empty": " \n "})
    r.posts[1].title = " "
    isolate_bad_rows(r)
    assert [p.source_key for p in r.posts] == ["good"]
    assert [c.text for c in r.comments] == ["Hello."]
    q = sorted((x.item_kind, x.reason) for x in r.quarantine)
    assert q == [("comment", "post_quarantined"), ("comment", "post_quarantined"), ("post", "empty_post")]


def test_post_with_a_title_but_no_body_keeps_its_discussion():
    # Disqus exports carry only the thread's title and link: the comments are the data.
    r = _result({"thread": [_c("x", None, "Kept text."), _c("y", "x", "A real reply.")]}, bodies={"thread": ""})
    isolate_bad_rows(r)
    assert [c.text for c in r.comments] == ["Kept text.", "A real reply."]
    assert r.quarantine == []


def test_clean_result_is_untouched():
    r = _result({"p": [_c("a", None, "One."), _c("b", "a", "Two.")]})
    comments = list(r.comments)
    isolate_bad_rows(r)
    assert r.comments == comments and r.quarantine == []


def test_earlier_quarantine_rows_are_kept():
    r = _result({"p": [_c("a", None, "One."), _c("o", "gone", "Orphan."), _c("e", None, "")]})
    assert [q.reason for q in r.quarantine] == ["orphan_reply"]
    isolate_bad_rows(r)
    assert sorted(q.reason for q in r.quarantine) == ["empty_text", "orphan_reply"]
    assert len(r.comments) == 1
