"""The reader ratchet on real pages: scores pinned as floors, tied to a digest of the corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from therapy_threads.readers import corpus_eval as ce

CORPUS = Path(__file__).parent / "fixtures" / "readers_corpus"


@pytest.fixture(scope="module")
def run():
    return ce.evaluate(CORPUS)


def test_floors_hold_on_the_pinned_corpus(run):
    scores, summary = run
    floors = json.loads((CORPUS / "floors.json").read_text())
    assert ce.check_floors(summary, floors, ce.corpus_digest(CORPUS)) == []


def test_every_page_is_exact_clean_and_never_silently_empty(run):
    scores, _ = run
    for s in scores:
        assert s.exact, (s.page, s.gold_depths, s.depths)
        assert not s.dirty, (s.page, s.dirty)
        assert not s.silent_zero, s.page


def test_every_page_has_provenance():
    for gold in ce.gold_files(CORPUS):
        g = json.loads(gold.read_text())
        src = g["source"]
        assert src["repo"] and len(src["commit"]) >= 8 and src["path"] and src["licence"]
        assert ce.page_of(gold).exists()


def test_the_ratchet_refuses_to_lower_a_floor_silently():
    old = {"floors": {"parent_f1": 0.99, "dirty_comments": 0}}
    worse = {"parent_f1": 0.9, "dirty_comments": 2, "exact_share": 1.0, "parent_precision": 1,
             "parent_recall": 1, "text_recall": 1, "author_agreement": 1, "silent_zero_pages": 0,
             "pages": 1}
    problems = ce.check_floors(worse, {**old, "corpus_sha256": "x"}, "x")
    assert any("parent_f1" in p for p in problems) and any("dirty_comments" in p for p in problems)
    with pytest.raises(ValueError, match="allow-lower"):
        ce.pin(worse, old, "x", allow_lower=False, reason=None)
    pinned = ce.pin(worse, old, "x", allow_lower=True, reason="corpus grew a harder page")
    assert pinned["history"][-1]["reason"] == "corpus grew a harder page"
    assert ce.check_floors(worse, {**old, "corpus_sha256": "y"}, "x")[0].startswith("the corpus changed")


def test_dirty_check_sees_a_name_after_a_leading_separator():
    from therapy_threads.readers.corpus_eval import _dirty

    assert _dirty("| Ada Example\n\nWhat I think.", "Ada Example", None) == "author"
    assert _dirty("• Ada Example: What I think.", "Ada Example", None) == "author"
    assert _dirty("Ada Example 1 year\n\nWhat I think.", "Ada Example", None) == "author"
    assert _dirty("What I think, Ada Example.", "Ada Example", None) is None


def test_a_gold_comment_without_text_matches_the_readers_stand_in_in_order():
    gold = [{"snippet": "First comment text here"}, {"snippet": ""},
            {"snippet": "A reply under the hidden one"}, {"snippet": ""}]
    texts = ["First comment text here", "[hidden]", "A reply under the hidden one", "[image]"]
    assert ce._match(gold, texts) == {0: 0, 1: 1, 2: 2, 3: 3}
    # A reader comment with real words is never taken for a gold comment without text.
    assert ce._match(gold, ["First comment text here", "Other words", "A reply under the hidden one"]) \
        == {0: 0, 2: 2}
