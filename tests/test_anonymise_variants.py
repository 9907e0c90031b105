"""Variants of a commenter's own handle (case, separators, digits, word splits) are replaced in
text and, if one is left in a published text, the privacy audit fails. Names are synthetic."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import Anonymiser
from therapy_threads.records import Identity

from test_anonymise_weak import KEY, _audit, _thread

HANDLES = {
    "sad_girl92": ["sadgirl92", "Sad Girl 92", "sad girl92"],
    "heartinpieces": ["Heart In Pieces", "HeartInPieces", "heart in pieces"],
    "BrokenWings77": ["Broken Wings", "brokenwings", "broken_wings77"],
    "moth_to_flame": ["MothToFlame", "Moth To Flame", "mothtoflame"],
}


@pytest.mark.parametrize("handle,variants", HANDLES.items())
def test_variants_of_a_commenters_handle_are_replaced_in_text(handle, variants):
    ident = Identity(name=handle, email=f"{handle.lower()}@example.org")
    texts = [f"{v}, I felt that too." for v in variants]
    res = _thread([(ident, "First comment here.")] + [(None, t) for t in texts])
    Anonymiser(KEY).apply(res)
    p = res.comments[0].author_pseudonym
    for c, v in zip(res.comments[1:], variants):
        assert c.text == f"[{p}], I felt that too.", (v, c.text)


@pytest.mark.parametrize("handle,variants", HANDLES.items())
def test_the_audit_fails_on_a_variant_left_in_published_text(tmp_path, handle, variants):
    ident = Identity(name=handle, email=f"{handle.lower()}@example.org")
    for i, v in enumerate(variants):
        if v == v.lower() and " " in v:
            continue  # a lower-case phrase of ordinary words is words, not a name, to the audit
        res = _thread([(ident, "First comment here."), (None, "Nothing to see.")])
        rep = Anonymiser(KEY).apply(res)
        res.comments[1].text = f"I agree with {v} on this."  # as if the anonymiser had missed it
        result = _audit(tmp_path / f"{handle}-{i}", res, rep.identity_tokens)
        assert not result.passed, v


def test_ordinary_phrases_made_of_a_handles_words_are_not_touched(tmp_path):
    ident = Identity(name="heartinpieces", email="hip@example.org")
    res = _thread([(ident, "First."), (None, "My heart in pieces after that session, honestly.")])
    rep = Anonymiser(KEY).apply(res)
    assert res.comments[1].text == "My heart in pieces after that session, honestly."
    assert _audit(tmp_path, res, rep.identity_tokens).passed
