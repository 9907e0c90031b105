"""Kinds of issue 11 seen at the first measurement of names heldout42 and heldout44: Romance given names that are words,
in a person's role; forms of address the title data lacked (Italian, Mexican Spanish, German clergy, Sranan in Dutch,
Czech said-out degrees), a title before initials alone and before a given name that is a word; Greek digits written in
Latin letters. Posts run through the real stage (``[[private]]`` must go, ``{{keep}}`` must stay); the people and the
sentences are synthetic."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture, the post runner)


@pytest.mark.parametrize("lang,texts", [
    # after a kin noun: the name, whatever the word's frequency
    ("it", ["Terapia.", "Mia cugina [[Vita]] dice che la {{vita}} è dura."]),
    ("pt", ["Terapia.", "Meu namorado [[Amor]] não entende. Com {{amor}}, tudo passa."]),
    # the subject of a verb of saying (Brazilian "falar" too), the one greeted, coordinated with a pronoun
    ("pt", ["Terapia.", "Aí a [[Paz]] falou que eu tinha que procurar ajuda. Só quero {{paz}}."]),
    ("pt", ["Terapia.", "Eu e a [[Luz]] fomos juntas na consulta. Faltou {{luz}} em casa."]),
    ("fr", ["Thérapie.", "Merci [[Fidèle]], tu es un ami {{fidèle}}."]),
    # the word in its own uses stays
    ("pt", ["Terapia.", "Quero {{paz}} e {{luz}} na minha vida, só isso."]),
])
def test_romance_word_names_in_a_name_role(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    ("it", ["Terapia.", "Al liceo il [[professore Lanzafame]] mi diceva sempre di scrivere."]),
    ("it", ["Terapia.", "Sono andata dal [[dott. Santo Privitera]] e mi sono trovata bene."]),
    ("es", ["Terapia.", "Nos casó el [[Pbro. Ernesto Villarreal]] hace veinte años."]),
    ("de", ["Therapie.", "Beim Begräbnis sprach [[Hochwürden Pichler]] sehr schön."]),
    ("nl", ["Therapie.", "Ik ging naar [[misi Kartodikromo]] en zij luisterde goed."]),
    ("cs", ["Terapie.", "chodila jsem k [[pani magistry novakove]] dva roky"]),
    # a title before initials alone: the initials and the title go together
    ("el", ["Θεραπεία.", "Μίλησα με την [[κ. Ρ. Τ.]] χθες και ήταν καλά."]),
    ("es", ["Terapia.", "Me atendió la [[Sra. M. T.]] y me fue bien."]),
    # a title before a given name that is a word, then a surname
    ("pt", ["Terapia.", "A [[Dra. Luz Tavares]] me ajudou muito."]),
])
def test_titles_of_address(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    ("el", ["Θεραπεία.", "Pare me sto [[exi enia epta, ena dyo tria, tessera pente exi epta]] an thes."]),
    ("el", ["Θεραπεία.", "Sto kinito [[enia enia pente pente pente miden ena okto]] opote thes."]),
])
def test_greeklish_phone_words(post, lang, texts):
    post(texts, lang)


def test_greeklish_spellings_are_derived():
    from therapy_threads.anonymise.spoken import DIGIT_TABLES, greeklish

    assert {"ennia", "enia"} <= greeklish("εννια")
    assert {"oxto", "ochto", "ohto"} <= greeklish("οχτω")
    digits = DIGIT_TABLES["el_latn"]["digits"]
    assert digits["miden"] == 0 and digits["dyo"] == 2 and digits["efta"] == 7


def test_word_name_languages_follow_the_names_data():
    from therapy_threads.anonymise.lexicon_export import NATIONAL_WORD_NAMES_GIVEN_ONLY
    from therapy_threads.anonymise.multilingual import _WORD_NAME_LANGS

    assert NATIONAL_WORD_NAMES_GIVEN_ONLY <= _WORD_NAME_LANGS
    assert _WORD_NAME_LANGS - NATIONAL_WORD_NAMES_GIVEN_ONLY == {"nn", "nb"}
