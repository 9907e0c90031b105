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


def test_a_display_name_alone_gives_a_pseudonym_per_site_and_an_email_links_sites():
    def on(site: str, ident: Identity) -> str:
        res = _thread([(ident, "Hello.")], sid=site)
        res.posts[0].url = f"https://{site}/p/1"
        Anonymiser(KEY).apply(res)
        return res.comments[0].author_pseudonym

    name_only = Identity(name="Markus")
    assert on("blog-one.example", name_only) != on("blog-two.example", Identity(name="Markus"))
    assert on("blog-one.example", name_only) == on("blog-one.example", Identity(name="markus "))
    with_mail = Identity(name="Markus", email="markus@example.org")
    assert on("blog-one.example", with_mail) == on("blog-two.example", Identity(name="M.", email="Markus@example.org"))


def test_a_nickname_never_attaches_a_third_partys_surname_to_a_commenter():
    kat = Identity(name="Katherine Okafor", email="ko@example.org")
    res = _thread([(kat, "Thanks all."),
                   (None, "I met Kathy Morrison at group, and Kathy Okafor was there too. Kathy waved.")])
    Anonymiser(KEY).apply(res)
    p = res.comments[0].author_pseudonym
    text = res.comments[1].text
    assert "Morrison" not in text and "Kathy" not in text
    assert f"[{p}] was there too" in text  # own surname: the commenter
    assert text.startswith("I met [PERSON_") and f"[{p}]" not in text.split(" at group")[0]
