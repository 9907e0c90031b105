"""Keep-side kinds of issue 11's sixth keep round (the damage of heldout42-44's first measurement): listed public
figures named by the surname alone, Māori iwi names, brands written with "'n" for "and", landforms and waters in
lower-case chat, German solid compounds, places written with "St." for "Sankt"/"Saint", the negative and quantifying
determiners before a word that is also a given name, and an acronym after a Dutch particle. Posts run through the
real stage (``[[private]]`` must go, ``{{keep}}`` must stay); the private people are synthetic, the sentences are
not from the sets."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture, the post runner)


@pytest.mark.parametrize("phrase,place", [
    ("St. Pölten", True),      # GeoNames spells it "Sankt Pölten"
    ("St Johann", True),
    ("Sankt Pölten", True),
    ("St. Xqzv", False),       # no such place however it is spelled out
    ("Stuttgart", True),       # no saint's title: looked up as it is
])
def test_saint_abbreviations_read_as_the_gazetteer_spells_them(phrase, place):
    from therapy_threads.anonymise.knowledge import knowledge

    assert (knowledge().is_place(phrase) or knowledge().is_saint_place(phrase)) is place


@pytest.mark.parametrize("word,compound", [
    ("Schuldnerberatung", True),   # Schuldner + Beratung
    ("Familienberatung", True),    # Familie + n + Beratung
    ("Rosenberg", False),          # a surname of the lists, though made of two words
    ("Mirko", False),
])
def test_german_solid_compounds(word, compound):
    from therapy_threads.anonymise.lexicon import lexicon

    assert lexicon().solid_compound(word, "de") is compound


@pytest.mark.parametrize("lang,texts", [
    # a listed figure's surname alone, which the surname lists also hold, is the figure; with a title it is someone
    ("en", ["Reading.", "My sister [[Noor]] and I argued about {{Ainsworth}} for an hour, then about {{Fairbairn}}."]),
    ("en", ["Reading.", "My counsellor is [[Mr. Fairbairn]], and he laughs at the name."]),
    ("en", ["About me.", "My name is [[Ainsworth]], no relation to the attachment researcher, and I teach piano."]),
    # a kin noun that is also a given name, capitalised as "Mum" is, names the relation
    ("en", ["Family.", "My {{Nan}} raised me. {{Nan}} always told me to keep going, and my friend [[Tilly]] agrees."]),
    # ... but a saint named in full stays whole; "Sir" before a name is a teacher or a boss addressed (Malta, the
    # Philippines), so no rule keeps "Sir X" as a knight
    ("en", ["Faith.", "My gran prayed to {{St Francis Xavier}} every night."]),
    ("en", ["School.", "I met my son's teacher, [[Sir Grechwell]], at the clinic."]),
    # Māori iwi: "Ngāti"/"Ngāi" and the ancestor's name, with or without macrons
    ("en", ["Whānau.", "My koro was {{Ngāti Awa}} and my partner [[Wiremu]] is {{Ngai Te Rangi}}, we met in Tauranga."]),
    # a brand's one word holding "'n" for "and"
    ("en", ["Shopping.", "Ran into my psych [[Dr. Lotter]] at {{Pick'nPay}} and hid behind the bread."]),
    # a landform or water in lower-case chat: a word or a town before the feature's noun
    ("en", ["chat", "me and [[kayla]] walked along the {{snake river}} after group. then up to {{bald mountain}} lol"]),
    ("en", ["chat", "we sat by {{clear creek}} and [[kayla]] cried about her therapist. then down by {{spokane river}} lol"]),
    # German writes compounds solid: a noun of nouns after the article is no name
    ("de", ["Hilfe.", "Die {{Schuldnerberatung}} hat mir geholfen, sagt meine Schwester [[Gundi]]."]),
    # "St." for "Sankt": the place, not a given name
    ("de", ["Heimat.", "Meine Therapeutin [[Frau Mag. Oberlechner]] hat ihre Praxis in {{St. Pölten}} am Bahnhof."]),
    # the negative and quantifying determiners before a word that is also a given name: the word
    ("pt", ["Família.", "A minha tia [[Glória]] chegou. nenhuma {{glória}} nisso, e cada {{vitória}} conta."]),
    ("es", ["Familia.", "Mi prima [[Consuelo]] dice que no hay ningún {{consuelo}} en eso."]),
    # after a Dutch particle, an acronym names the body a person works for
    ("nl", ["Werk.", "Mijn begeleider [[Femke]] van het {{UWV}} belde gisteren."]),
])
def test_damage_kinds(post, lang, texts):
    post(texts, lang)
