"""Kinds of failure the held-out batch heldout26 showed: official names written with the SURNAME first in capitals
("TANOH Kessé Jean-Luc"), surnames that are phrases of English words after a given name ("Marlon Little Eagle"),
and Flemish particle surnames written with a capital ("Van den X", "De X"). Small labelled posts through the real
stage (``[[private]]`` must go, ``{{keep}}`` must stay). All names of people are synthetic; places are real."""
from __future__ import annotations

import pytest

from _kinds import OVERREMOVED, anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    # the surname in capitals, then given names, one of them of no list
    ("fr", ["Bonjour à tous.", "Mon psy, c'est [[TANOH Kessé Jean-Luc]], à {{Cocody}}."]),
    ("fr", ["Bonjour à tous.", "Je suis à {{Yamoussoukro}}, [[KOFFI Brou Hervé]] sur mes diplômes."]),
    # an acronym before a place stays, and a line in capitals is shouting
    ("fr", ["Bonjour à tous.", "Le {{CHU}} de {{Cocody}} est plein. MERCI À TOUS LES AMIS."]),
    # a surname that is a phrase of English words after a given name
    ("en", ["Hello all.", "My counselor [[Marlon Little Eagle]] helped me a lot."]),
    ("en", ["Hello all.", "Thanks [[Trevor Good Water]] and [[Norma Her Many Lances]]."]),
    # a word of such a surname stays a word elsewhere in the post
    ("en", ["Hello all.", "My counselor [[Marlon Little Eagle]] helped me.", "Stay {{strong}}, an eagle flies high."]),
    # a brand after an article is no person's surname ("a tin of Xx Yy Yys")
    ("en", ["Hello all.", "I brought a tin of {{Maple}} {{Crunch}} {{Bars}} for you."]),
    # a given name before a place is not a surname of words: the place stays
    ("en", ["Hello all.", "My sister [[Wanda]] in {{Rapid City}} says hi."]),
    # the particles of a surname found whole are no names elsewhere in the post
    ("en", ["Hello all.", "My counselor is [[Yolanda De la Fuente]], she's great.", "It's sunny here in {{LA}} today."]),
    # Flemish particle surnames written with a capital
    ("nl", ["Hallo iedereen.", "Ik sprak met [[Lotte Van den Broeck]] en [[Femke De Clercq]] gisteren."]),
])
def test_h26_name_shapes(post, lang, texts):
    post(texts, lang, OVERREMOVED)


@pytest.mark.parametrize("lang,texts", [
    # no part found by another rule: the last capitalised word a given name of the lists
    ("fr", ["Bonjour à tous.", "Sur le jugement c'était écrit \"[[GOHOU Tiémoko Hervé]] contre [[YAPI Patience]]\"."]),
    # words in capitals before a given name are no surname
    ("fr", ["Bonjour à tous.", "NOUS AVONS vu [[Marie]] hier, merci."]),
])
def test_h26_caps_first_alone(post, lang, texts):
    post(texts, lang, OVERREMOVED)
