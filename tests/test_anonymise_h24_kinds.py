"""Kinds of failure the held-out batch heldout24 showed in South African and Nigerian English: Afrikaans
surnames with their particles and Afrikaans forms of address, places of the thread's country, given names
that are English words, local institutions and public people. Small labelled posts through the real stage
(``[[private]]`` must go, ``{{keep}}`` must stay). All names and sentences are synthetic."""
from __future__ import annotations

import pytest

from _kinds import OVERREMOVED, anon, check, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("texts", [
    # an Afrikaans form of address before a name with a lower-case particle
    ["Hello all.", "My psychologist is [[Mev. Annelie du Plessis]] in {{Durbanville}}. Ask [[Mnr. Gerrit Smal]] too.",
     "I saw [[Mej. le Grange]] before, then [[Mev. du Preez]]."],
    # the particles go with the surname: capitalised alone, lower case inside a full name or in chat
    ["Hello all.", "I knew a [[Theunis van der Walt]] at school, and [[Van der Walt]] still phones me.",
     "lol [[ruan janse van rensburg]] said that. [[Janse van Rensburg]] agreed."],
])
def test_afrikaans_particles_and_forms_of_address(post, texts):
    post(texts, empty=OVERREMOVED)


def test_particles_are_not_taken_off_ordinary_words(post):
    # no person after the particle: the words stay
    post(["Hello all.", "We ate at {{Le Bistro}} and drove the van to {{Cape Town}}."], empty=("damaged", "overremoved"))


@pytest.mark.parametrize("texts", [
    # a lower-case full name signing the text: the particles and the surname after the given name go too
    ["Hello all.", "[[thabo]] here, from {{Brakpan}}. thanks all. [[thabo janse van tonder]]"],
])
def test_particles_after_a_name(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a town of the gazetteer set off by a comma is no person addressed
    ["Hello all.", "my name is [[Sipho]]. {{Pietermaritzburg}}, nurse. Thanks all."],
    # a suburb the gazetteer may lack, then the city or region it lies in or near
    ["Hello all.", "It's [[Chioma]] from the group. {{Kubwana}}, {{Abuja}}. Since that night I slept.",
     "It's me from the chat. {{Katy}}, outside {{Houston}}. Like I said.",
     "I'm [[Tolu]], 37, {{Surulo}}, {{Lagos}}. Hi all."],
    # a full name before the place is the person ("Name, Town.")
    ["Hello all.", "Same here. [[Hanno Bekker]], {{Durbanville}}. I agree.",
     "I'm a reader. [[Lize-Mari]], {{Stellenbosch}}. I went too."],
    # the writer's own name before their town, where no name was said before; a surname after a title
    ["Hello all.", "hi all!! [[Vaimoana]], {{Blacktown}}. my psych is great.",
     "a counsellor, a [[Mrs. Quillfeather]], in {{Castlebar}}, and I still go."],
    # a town of the gazetteer addressed, with talk after the comma, is the person
    ["Hello all.", "[[Rustam]], that's beautiful, thank you."],
])
def test_a_town_before_its_city(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a given name that is a greeting or word, after "my name is": the name
    ["Hello all.", "{{Welcome}} to the club, [[Braam]], and I mean it, my name is [[Welcome]]. I teach.",
     "You are {{welcome}} here."],
    # a given name that is a frequent word leads the name a chat export saved ("Name Place:")
    ["Look:\n[14/11/2026, 21:06:55] [[Precious]] {{Ikeja}}: Hmm. Our own [[Tolu]].\n"
     "[14/11/2026, 21:07:31] [[Amaka Obi]]: ok"],
])
def test_given_names_that_are_words_with_name_evidence(post, texts):
    post(texts, empty=OVERREMOVED)


@pytest.mark.parametrize("texts", [
    # an institution's name, a comma and the town it is in: both kept, the town whatever else it may be
    ["Hello all.", "Yes I went there in 2018, the {{Federal Psychiatric Hospital, Surulere}} is the real name.",
     "My aunt trained at {{Mount Olive College, Ikeja}}."],
    # a person after an institution's name and a comma stays a person
    ["Hello all.", "I called the {{Riverside Clinic}}, [[Amaka]] picked up."],
])
def test_an_institution_and_its_town(post, texts):
    post(texts)


@pytest.mark.parametrize("text,expected", [
    ("Go for it. Lizanne will notice. PJ le Riche", [("PJ le Riche", "person")]),
    ("I met J.P. van Wyk and M du Toit there.", [("J.P. van Wyk", "person"), ("M du Toit", "person")]),
    ("We ate at A la Carte and I de facto left.", []),  # an article and a pronoun, no initials
    ("Cafe NY du Monde", []),  # an acronym of a place, no initials
])
def test_initials_and_a_particle_surname(text, expected):
    from therapy_threads.anonymise.recognizers import InitialsParticleRecognizer
    check(InitialsParticleRecognizer, text, expected)
