"""Kinds of failure the heldout46 batch showed (a Cádiz forum, an Azorean blog, a Neapolitan forum, a Lower-
Bavarian blog, a Martinican blog) and that heldout42-44 left: titles the data lacked, surnames that are words or
towns after a title, pet forms of given names. Each as a small labelled post: ``[[x]]`` must go, ``{{x}}`` must stay.
All names and sentences are synthetic."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    # the faculty of a German doctorate after "Dr." and the professor's feminine ending: a title chain, and the word
    # after it a surname whatever else it is
    ("de", ["Meine Hausärztin, [[Frau Dr. med. Freude]], hat mich überwiesen. Das war ein Glück für mich.",
            "Bei [[Prof.in Dr. Hanne Kleinert]] habe ich studiert, und [[Prof.in Kleinert]] sagt das auch."]),
    ("de", ["Der [[Dr. jur. Wendlinger]] hat den Vertrag geprüft.",
            "Unser [[Stadtpfarrer Kreuzeder]] und der [[Domkapitular Obermaier]] waren beide beim Fest."]),
])
def test_german_titles_the_data_lacked(post, lang, texts):
    post(texts, lang)
