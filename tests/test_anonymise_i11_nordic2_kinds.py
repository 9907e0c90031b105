"""Kinds of issue 11 seen at the first measurement of names heldout47 (Finnish): a name accepted in the post found
again in its case forms (Finnish joins the endings to a vowel-final name itself); a national given name that a town
abroad shares, in the nominative inside a Finnish sentence; the name after a bare role noun, after the copula of "my
therapist is" and after "minä olen"; a village in a place case after a name stays. Posts run through the real stage
(``[[private]]`` must go, ``{{keep}}`` must stay); the people and the sentences are synthetic."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture, the post runner)

from therapy_threads.anonymise import inflection


@pytest.mark.parametrize("texts", [
    # the case forms of a name the post accepted (allative, ablative, genitive of the full name)
    ["Otsikko.", "Psykologini on [[Usva Rinne]], hän asuu {{Turussa}}.", "Soita [[Usvalle]] huomenna.",
     "Sain [[Usvalta]] kirjeen.", "Muistan [[Usva Rinteen]] hyvin."],
    # a Finnish given name that is also a town abroad, in the nominative inside a sentence
    ["Otsikko.", "Koulussa kuraattori [[Sari]] auttoi minua paljon."],
    ["Otsikko.", "Minulla on terapeutti [[Aki]], ja hän on hyvä."],
    # a bare role noun, then a name that is a word ("aamu", morning), then a village in a place case
    ["Otsikko.", "Minulla oli lääkäri [[Aamu Lehtonen]] {{Oulusta}}, ja hän kuunteli."],
    ["Otsikko.", "Minä olen [[Onni]] {{Utsjoelta}}, ja kirjoitan ensimmäistä kertaa."],
    ["Otsikko.", "Minä olen [[Ilta]] {{Kuusamosta}}."],
])
def test_finnish_names_in_name_roles_and_case_forms(post, texts):
    post(texts, "fi")


@pytest.mark.parametrize("texts", [
    # places in their cases after a role noun or "minä olen" stay places
    ["Otsikko.", "Minä olen {{Oulusta}} kotoisin, ja terapeutti {{Kuusamossa}} on hyvä."],
    ["Otsikko.", "Asiakkaat ajoivat {{Utsjoelta}} asti, ja {{aamu}} oli kylmä."],
])
def test_finnish_places_in_case_forms_stay(post, texts):
    post(texts, "fi")


def test_finnish_vowel_stem_flag():
    assert inflection.vowel_stem("fi")
    assert not inflection.vowel_stem("pl")
    assert "Utsjoki" in inflection.nominatives("Utsjoelta", "fi")
