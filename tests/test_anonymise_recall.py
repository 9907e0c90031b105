"""Recall and precision of name detection on the labelled seeds, and on a held-out set in another style.

tests/fixtures/person_mentions.json labels every person mention in the five seeds by hand;
tests/fixtures/heldout_forum.json is fresh forum-style text with its own labels. Seeds are text
captures: no commenter identities, so detection rests on rules, lexicons and NER alone (the
byline author of 003 is known, as the reader gives it).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from therapy_threads.anonymise import Anonymiser
from therapy_threads.anonymise.evaluate import (capture_result, load_mentions, score_heldout_file,
                                                score_seeds)
from therapy_threads.anonymise.patterns import mask


def _masked(items: list[str]) -> list[str]:
    """Test output shows names masked, like every log line of the project."""
    return [mask(x) for x in items]

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"
KEY = bytes.fromhex("3636cdc13ff166880d26b50e9f84cf15e1aaea6bc306efdc2a09c481631778ea")  # a random-looking 256-bit test key
MUST_SURVIVE = ["Shame", "Australia", "Medicare", "Skype", "Some Like it Hot", "A General Theory of Love",
                "Mr. Warmth, Mr. Hope or Mr. Encouragement", "POWERFUL", "Sooo", "Listener"]


@pytest.fixture(scope="module")
def anon():
    return Anonymiser(KEY)


@pytest.fixture(scope="module")
def seed_scores(anon):
    return score_seeds(anon, ROOT / "seeds", FIX / "person_mentions.json")


def test_labels_point_at_their_surface():
    fx = load_mentions(FIX / "person_mentions.json")
    for m in fx["mentions"]:
        raw = (ROOT / "seeds" / m["file"]).read_text(encoding="utf-8")
        assert raw[m["start"]:m["start"] + len(m["surface"])] == m["surface"], m
    kinds = {m["kind"] for m in fx["mentions"]}
    assert kinds == {"commenter", "private", "post_author", "public", "keep"}


def test_seed_recall_at_least_098_and_no_ordinary_word_mangled(seed_scores):
    tp = sum(s.tp for s in seed_scores.values())
    fn = sum(s.fn for s in seed_scores.values())
    fp = sum(s.fp for s in seed_scores.values())
    missed = _masked([m for s in seed_scores.values() for m in s.missed])
    assert tp + fn == 46
    recall, precision = tp / (tp + fn), tp / max(1, tp + fp)
    print(f"seeds: recall {recall:.3f} ({tp}/{tp + fn}), precision {precision:.3f}, missed {missed}")
    assert recall >= 0.98, missed
    assert precision >= 0.9, _masked([f for s in seed_scores.values() for f in s.false_pos])
    assert sum(s.kept_broken for s in seed_scores.values()) == 0


def test_must_survive_words_are_intact_after_apply(anon):
    fx = load_mentions(FIX / "person_mentions.json")
    texts, comments = [], []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        res, _ = capture_result(f.read_text(encoding="utf-8"), f.stem, fx["post_authors"].get(f.name))
        anon.apply(res)
        texts += [p.body for p in res.posts]
        comments += [c.text for c in res.comments]
    out = "\n".join(texts + comments)
    in_comments = "\n".join(comments)
    for w in MUST_SURVIVE:
        assert w in out, w
    for initial in ("dependent on A.", "needing K,", "with C how", "my T totally"):
        assert initial in out
    for name in ("Evan", "Julia", "Cathrine", "Melissa", "Kimberly", "Charlotte", "Paperdoll", "Nikki",
                 "BAPS", "DV", "Foxes", "Marla", "Welch", "Burgo", "boundaryninjatales"):
        assert not re.search(r"\b" + name + r"\b", in_comments), mask(name)
    assert "By Joseph Burgo" in out  # the public byline in the body stays
    assert "Hi [POST_AUTHOR]," in out and "Dr. [POST_AUTHOR]" in out
    assert "Hello [PERSON_" in out  # "Hello AG"


def test_heldout_recall_is_reported_and_not_collapsed(anon):
    sc = score_heldout_file(anon, FIX / "heldout_forum.json")
    print(f"held-out: recall {sc.recall:.3f} ({sc.tp}/{sc.tp + sc.fn}), precision {sc.precision:.3f}, "
          f"missed {_masked(sc.missed)}, false positives {len(sc.false_pos)}")
    assert sc.tp + sc.fn == 52
    assert sc.recall >= 0.85  # a floor, not a target: the set is for honest measurement
    assert sc.kept_broken <= 1


def test_second_heldout_set_measured_without_tuning(anon):
    """heldout_b.json was written after the rules were frozen and measured once (0.964 recall)."""
    sc = score_heldout_file(anon, FIX / "heldout_b.json")
    print(f"held-out B: recall {sc.recall:.3f} ({sc.tp}/{sc.tp + sc.fn}), precision {sc.precision:.3f}, "
          f"missed {_masked(sc.missed)}, false positives {_masked(sc.false_pos)}")
    assert sc.tp + sc.fn == 28
    assert sc.recall >= 0.85 and sc.kept_broken == 0


def test_third_heldout_set_measured_once_after_the_rules_were_final(anon):
    """heldout_c.json was written after the last rule change and measured once (1.000 recall)."""
    sc = score_heldout_file(anon, FIX / "heldout_c.json")
    print(f"held-out C: recall {sc.recall:.3f} ({sc.tp}/{sc.tp + sc.fn}), precision {sc.precision:.3f}, "
          f"missed {_masked(sc.missed)}, false positives {_masked(sc.false_pos)}")
    assert sc.tp + sc.fn == 20
    assert sc.recall >= 0.85 and sc.kept_broken == 0
