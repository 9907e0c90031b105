"""Kinds of failure the held-out batch heldout28 showed in its French (Dakar), Spanish (Cusco and Lima) and Portuguese
(Cape Verdeans of Amadora) sets, each as a small table. Posts run through the real stage (``[[private]]`` must go,
``{{keep}}`` must stay). All names of people are synthetic; places are real."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    # the official form of Latin-American registries: SURNAMES in capitals, a comma, the given names
    ("es", ["Hola a todos.", "En mi carnet sale \"[[TTUPA CCAHUANA, Rosa Elena]]\" y nadie me llama así."]),
    # the teacher's title before a name goes with the name
    ("pt", ["Olá a todos.", "A [[professora Odete]] disse que falar ajuda muito."]),
    # hospitals, schools and universities named after people, after their head noun (Portuguese had none)
    ("pt", ["Olá a todos.", "Fui ao {{Hospital Cândido Ferreira}} e depois mudei de médica."]),
    ("pt", ["Olá a todos.", "Estudo na {{Escola Secundária Quitéria da Silva Barros}} desde setembro."]),
    # the Virgin's titles of churches and feasts are no person's title and name
    ("pt", ["Olá a todos.", "A minha avó vai à igreja de {{Nossa Senhora da Graça}} todos os domingos."]),
    # a head noun after the elided French article
    ("fr", ["Bonjour à tous.", "Je suis doctorante à l'{{Université Honorine Valcourt}} depuis deux ans."]),
    # the Latin-American "-cita"/"-cito" added to a given name that ends in a consonant or an "e"
    ("es", ["Hola a todos.", "Mi papá me decía [[Marthcita]] cuando era niña."]),
    # a kin word's diminutive is no relation noun and a name glued to it ("abuelita" is not "abue" + "lita")
    ("es", ["Hola a todos.", "Mi abuelita [[Gumersinda]] me enseñó a tejer."]),
    # a tagged reply opening with a full Spanish name: the given name and both surnames
    ("es", ["Hola a todos.", "[[Filomena Tapara Ccoyllo]] gracias por escribir, te entiendo."]),
    # lower-case chat: given names of English origin in a list of given names, after the conjunction too
    ("es", ["hola a todos", "comparto el cuarto con mis 3 hermanos, [[jhonny]], [[kevin]] y [[yeimi]] jaja"]),
    # an acronym in capitals, a comma and a given name is no official name
    ("fr", ["Bonjour à tous.", "J'ai vu une psy au {{CLSC}}, [[Gwenaëlle]], pendant un an."]),
    # another language's form of address after a relation noun is the title, the name after it the person
    ("pt", ["Olá a todos.", "A minha psicóloga, [[Mevrouw Brinkhorst]], disse para eu escrever."]),
    ("pt", ["Olá a todos.", "A minha psicóloga, [[Mevrouw de Wijsenbeek]], disse para eu escrever."]),
])
def test_h28_kinds(post, lang, texts):
    post(texts, lang)
