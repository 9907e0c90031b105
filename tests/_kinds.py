"""The table runner the anonymiser's per-batch kind tests share (``test_anonymise_h2*_kinds*.py``,
``test_anonymise_h25_romance.py``): a small labelled post in the evaluation format (``[[private]]``
must go, ``{{keep}}`` must stay; the first text is the post body, the others comments) run through the
real reader and anonymise stage, and one recognizer's spans on one text.

A kind test imports what it uses, the stage fixture with the fixture that needs it::

    from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)

    def test_kind(post, lang, texts):
        post(texts, lang)  # nothing leaked, nothing kept damaged
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_anonymise_post_rules import anon, run  # noqa: F401  (the stage fixture and runner)
from test_anonymise_recognizers import check  # noqa: F401  (one recognizer on one text -> spans)

from therapy_threads.anonymise import evalset as ev

P, K = "person", "keep"  # the span kinds of the recognizer tables

# The score's lists a labelled post's run must leave empty: a private word left in the text, a kept
# word changed; with OVERREMOVED, nothing removed that was not labelled private either.
LEAKED_DAMAGED = ("leaked", "damaged")
OVERREMOVED = ("leaked", "damaged", "overremoved")


def figures(score):
    """The score's figures: the message of a failed check."""
    return (score.private_removed, score.keep_intact, score.leaked, score.damaged, score.overremoved)


def assert_empty(score, lists=LEAKED_DAMAGED):
    """Each of the score's named lists is empty."""
    assert all(getattr(score, name) == [] for name in lists), figures(score)


def measure_rows(anon, tmp_path: Path, lines: list[str], source: str = "capture"):
    """The score of a post written out in the evaluation format's lines (a test's own header or
    commenters), read as ``source`` ("capture", "wxr")."""
    p = tmp_path / "rows.tt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ev.measure(ev.load(p), anon, source, tmp_path / "out")


@pytest.fixture
def post(anon, tmp_path):
    """``post(texts, lang="en", empty=LEAKED_DAMAGED)``: runs the labelled post through the stage,
    checks that the score's lists named in ``empty`` are empty and returns the score."""
    def run_post(texts: list[str], lang: str = "en", empty=LEAKED_DAMAGED):
        score = run(anon, tmp_path, texts, lang)
        assert_empty(score, empty)
        return score
    return run_post
