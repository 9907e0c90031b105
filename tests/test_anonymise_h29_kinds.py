"""Kinds of failure the held-out batch heldout29 showed in its French (Mauritius, with Kreol morisien), Spanish
(Paraguay, with Guaraní) and Portuguese (Mozambique) sets, each as a small table. Posts run through the real
stage (``[[private]]`` must go, ``{{keep}}`` must stay; ``[[#...]]`` a contact). All names of people are
synthetic; places are real."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_anonymise_post_rules import anon, run  # noqa: E402,F401  (the stage fixture and runner)


def _clean(score):
    return (score.private_removed, score.keep_intact, score.leaked, score.damaged, score.overremoved,
            score.contact_removed, score.contact_total)


@pytest.mark.parametrize("lang,texts", [
    # a phone number said in the digit words of the French-based creoles (Kreol morisien, seselwa, Kreyòl)
    ("fr", ["Bonzour tou le monn.", "Si to bizin koze, mo nimero : [[#sink set enn trwa, zero kat nef wit]]."]),
    ("fr", ["Bonjour à tous.", "Rele m nan nimewo sa a : [[#twa sèt senk youn, de kat nèf wit]]. Mèsi."]),
])
def test_h29_contacts(anon, tmp_path, lang, texts):
    score = run(anon, tmp_path, texts, lang)
    assert score.contact_removed == score.contact_total and score.leaked == [] and score.damaged == [], _clean(score)


# each row: a kind of leak or damage of the batch, the post and comments as labelled text
KINDS = [
    # the forms of address of the French-based creoles before a name, inside French text
    ("fr", ["Bonjour à tous.", "Ma tante est allée voir un psychologue à {{Curepipe}}, [[Missié Rolfin Tessaud]]. Elle va mieux."]),
    ("fr", ["Bonjour à tous.", "Ma voisine [[Madam Lisette Carpanin]] m'a conseillé d'y aller."]),
    # Guaraní forms of address of Paraguayan Spanish, before a given name
    ("es", ["Hola a todas.", "Mi suegra, [[Ña Eustaquia]], dice que tengo que rezar más."]),
    ("es", ["Hola a todas.", "El finado [[Karai Silvano]] siempre decía eso en la chacra."]),
    # a short title in lower case before a lower-case surname, in chat written without capitals
    ("fr", ["salut tout le monde", "au campus ya une psy gratuite, [[mme vandooren]], elle est bien. jy vais depuis mars"]),
    # a title, a given name, then a particle and a capitalised word of no list: the formal full name
    ("fr", ["Bonjour à tous.", "Mon thérapeute est à {{Moka}}, [[Dr Ambroise de Keravelle]], et il m'a beaucoup aidé."]),
    # (after a title and a surname, "de" and a word of no list is where the person is from)
    ("fr", ["Bonjour à tous.", "J'ai essayé une thérapeute en anglais, pis après [[Mme Thibodeau]] de {{Pomquet}}, en français."]),
    # a town of several words that the gazetteer holds with blanks, written with hyphens ("Rose Hill")
    ("fr", ["Bonjour à tous.", "Je suis née à {{Rose-Hill}} et je travaille à {{Quatre-Bornes}} depuis trois ans."]),
    # every part a given name: a place only after a preposition of place
    ("fr", ["Bonjour à tous.", "Mon cousin habite à {{Rose-Belle}} depuis longtemps."]),
    # a hospital named after a person by title, initials and surname, after a lower-case head noun
    ("fr", ["Bonjour à tous.", "J'ai vu un psychiatre à l'hôpital {{Dr A. G. Marivond}}, le [[Dr Firmin Lacaze]]."]),
    # a syndrome is named after the physician who described it
    ("fr", ["Bonjour à tous.", "Mon oncle a le syndrome de {{Brown-Séquard}} depuis l'accident."]),
    ("es", ["Hola a todas.", "A mi hijo le diagnosticaron el síndrome de {{Asperger}} el año pasado."]),
    # "vila"/"villa": the town of the Portuguese- and Spanish-speaking world
    ("pt", ["Olá a todos.", "A minha mulher nasceu em {{Vila Luísa}}, que agora tem outro nome."]),
    ("es", ["Hola a todas.", "Escribo desde {{Buenos Aires}}, {{Villa Celina}}, hace veinte años."]),
    # a namesake told apart by kinship denied
    ("pt", ["Olá a todos.", "Sou a [[Rosalina Tembe]]. Não, não sou parente do {{Samora Machel}}, perguntam sempre."]),
    ("es", ["Hola a todas.", "Soy [[Gloria Benegas]] y no, no soy pariente del {{Carlos Antonio López}}."]),
    # a given name that is also a town, accepted by the full name elsewhere, listed here with people
    ("pt", ["Olá a todos, obrigada por lerem o meu blogue.",
            "[[Vitória Cossa]], 36, vim para cá estudar e fiquei. Não sou parente de ninguém.",
            "Saudações de {{Nampula}}. Sou a [[Alegria]], 27 anos, sou professora numa escola.",
            "Muito obrigada a todos os que escreveram aqui neste ano tão difícil: [[Benvinda]], [[Lourenço]], "
            "[[Dr. Mabunda]], [[Domingos]], [[Vitória]], [[Alegria]], tio [[Fernando]], [[Zeca]]. Até breve."]),
    # the Spanish "a" of a person as object before a given name that a town also has, after no verb of going
    ("es", ["Hola a todas, gracias por leer.", "Mi hija se llama [[Alma]] y tiene siete años.",
            "Si querés los jueves le cuido a [[Alma]] y a [[Tiago]], no hay problema. Después nos vamos a {{Alma}} de paseo."]),
    # the Portuguese article before a given name that a role cue gave elsewhere in the post
    ("pt", ["Olá a todos, obrigada por lerem o meu blogue.", "Chamo-me [[Esperança]] e sou de {{Maputo}}, trabalho num banco.",
            "Paz do Senhor. Escrevo porque a [[Esperança]] é da nossa igreja e partilhou isto connosco."]),
    # in brackets after a name, what everyone calls the person
    ("fr", ["Bonjour à tous. Mon frère [[Kavishen]] ([[Kav]] pour tout le monde) rigole et dit que c'est pour les fous.",
            "Je vais le dire à [[Kav]] la prochaine fois qu'il fait le malin."]),
    ("es", ["Hola a todas. Mi cuñado [[Wilfrido]] ([[Wili]] para los amigos) dice que eso es de locos.", "Jajaja pobre."]),
    # ... and that nickname said to, after a verb of saying, though a town has it
    ("fr", ["Bonjour à tous. Mon frère [[Sooraj]] ([[Soo]] pour tout le monde) rigole et dit que c'est pour les fous.",
            "Merci. Je vais le dire à [[Soo]] la prochaine fois qu'il fait le malin."]),
    # a name a writer gave themself in lower case, listed later with people in a capitalised text
    ("es", ["Hola a todas, gracias por leer.", "hola grupo, soy [[paloma]], 27, de {{ñemby}}. voy a la psicóloga hace un año.",
            "Gracias a todas: [[Nilda]], [[Rosalba]], [[paloma]]. Nos vemos el domingo."]),
    # a greeting after a greeting is no one's name
    ("pt", ["Olá a todos.", "[[Esperança]] querida, {{bem-vinda}} ao clube, e já agora sou a [[Benvinda]]."]),
    # a full name read by the writer, in text written without capitals
    ("pt", ["Olá a todos.", "olá. sou a [[neide]], 20, estudo psicologia. lemos a {{paulina chiziane}} numa cadeira e gostei."]),
    # an article, a capital and a number name a road or a bus line
    ("es", ["Hola a todas.", "En marzo empecé con ataques de pánico en el colectivo de la {{Ruta 2}}, hasta en la misa."]),
]


@pytest.mark.parametrize("lang,texts", KINDS)
def test_h29_kinds(anon, tmp_path, lang, texts):
    score = run(anon, tmp_path, texts, lang)
    assert score.leaked == [] and score.damaged == [], _clean(score)
