"""Names in text of the kinds issue 11's word-name round fixed (helper i11-wordnames), each kind a small table of
synthetic text: Malay and Malaysian/Singaporean Indian names with their patronymic link, given names that are
ordinary words in a person's role (and the same words kept where they are words), two-word names made of words.
``check`` runs one recognizer on one text; ``post`` runs a labelled post through the real stage (``[[private]]``
must go, ``{{keep}}`` must stay)."""
from __future__ import annotations

import pytest

from _kinds import K, P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, one recognizer)

from therapy_threads.anonymise.recognizers import PatronymicNameRecognizer


@pytest.mark.parametrize("text,expected", [
    # the names on both sides of the link are one person's
    ("On my IC it says Siti Nuraini binti Hamzah, nobody calls me that.", [("Siti Nuraini binti Hamzah", P)]),
    ("my cousin Arumugam s/o Pillai drove", [("Arumugam s/o Pillai", P)]),
    ("The letter was for Deepa d/o Krishnan and her mother.", [("Deepa d/o Krishnan", P)]),
    ("I met Hafiz bin Abdul Karim at the clinic.", [("Hafiz bin Abdul Karim", P)]),
    ("Registered as Meena a/p Subramaniam's daughter", [("Meena a/p Subramaniam", P)]),
    # a possessive ends the name; a greeting before it is no part of it
    ("Thanks Zulaikha binte Osman for the tip", [("Zulaikha binte Osman", P)]),
    # must not fire: "bin" the English noun, a link with no capitalised name after it
    ("Put the Recycling bin Monday night.", []),
    ("it went in the bin Tuesday", []),
    ("she is my d/o and the rest", []),
])
def test_patronymic_link_joins_the_name(text, expected):
    check(PatronymicNameRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    ["Hello all.", "hi {{Joy}}. Nurul here, [[Nurul Aisyah binti Rahman]] if my mak is angry."],
    ["Hello all.", "on my IC i'm [[Kavitha d/o Ramasamy]], my amma calls me Kavi."],
])
def test_patronymic_names_in_a_post(post, texts):
    post(texts)
