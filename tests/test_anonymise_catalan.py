"""Catalan (and Valencian): the [ca] cue table read by the recognizers of :mod:`.multilingual` — cue phrases,
the personal articles before given names ("en", "na", "l'"), forms of address, sign-offs, places kept, and
Spanish and Andorran phone numbers and written-out e-mails in Catalan text. One table per rule of the grammar;
every name, number and sentence is synthetic."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import multilingual as M
from therapy_threads.anonymise.coverage import covered_languages
from therapy_threads.anonymise.patterns import find_written_emails
from therapy_threads.anonymise.recognizers import PhoneRecognizer, recognizer_classes

from test_anonymise_recognizers import check, spans  # noqa: E402

P, K = "person", "keep"


def test_catalan_is_covered():
    assert "ca" in covered_languages(recognizer_classes())


@pytest.mark.parametrize("cls,text,expected", [
    # naming phrases, with the personal article of Catalan between the phrase and the name
    (M.CuePhraseRecognizer, "Hola a tothom, em dic Ermessenda i visc a prop del mar.", [("Ermessenda", P)]),
    (M.CuePhraseRecognizer, "Bon dia, sóc en Bernat i fa anys que vaig a teràpia.", [("Bernat", P)]),
    (M.CuePhraseRecognizer, "Sóc la Guillema, tinc trenta anys.", [("Guillema", P)]),
    # a possessive with its article before a relation noun, then the name
    (M.CuePhraseRecognizer, "La meva psicòloga Eulàlia diu que és normal.", [("Eulàlia", P)]),
    (M.CuePhraseRecognizer, "El meu germà Oleguer no m'entén.", [("Oleguer", P)]),
    (M.CuePhraseRecognizer, "Em va escriure el meu net Oriol ahir.", [("Oriol", P)]),
    (M.CuePhraseRecognizer, "La meva psicòloga diu que és normal.", []),
])
def test_catalan_cue_phrases(cls, text, expected):
    check(cls, text, expected, lang="ca")


@pytest.mark.parametrize("cls,text,expected", [
    # forms of address before a surname or a given name
    (M.LanguageTitleRecognizer, "Vaig anar a la consulta del Dr. Puigventós dimarts.", [("Puigventós", P)]),
    (M.LanguageTitleRecognizer, "La Sra. Bofarull em va atendre molt bé.", [("Bofarull", P)]),
    (M.LanguageTitleRecognizer, "La Dra. Casacuberta em va receptar una altra cosa.", [("Casacuberta", P)]),
    (M.LanguageTitleRecognizer, "El senyor Vilaseca ens va ajudar.", [("Vilaseca", P)]),
    (M.LanguageTitleRecognizer, "La senyora Riudavets té raó.", [("Riudavets", P)]),
    (M.LanguageTitleRecognizer, "Ho va dir mossèn Fuster a missa.", [("Fuster", P)]),
])
def test_catalan_titles(cls, text, expected):
    check(cls, text, expected, lang="ca")


@pytest.mark.parametrize("text,expected", [
    # the personal articles "en", "na", "l'", and "el"/"la" of Central and Valencian speech, before a given name
    ("Ahir vaig parlar amb en Pere sobre tot això.", [("Pere", P)]),
    ("Ahir na Margalida em va trucar.", [("Margalida", P)]),
    ("Li ho vaig explicar a l'Andreu i ho va entendre.", [("Andreu", P)]),
    ("Vaig sopar amb n'Elisenda dissabte.", [("Elisenda", P)]),
    ("Vaig quedar amb la Montse per fer un cafè.", [("Montse", P)]),
    # places after a preposition of place are no person
    ("Visc a Barcelona des de fa poc.", []),
    ("Vaig estudiar a València i després a Girona.", []),
])
def test_catalan_personal_articles_and_places(text, expected):
    got = [(text[s.start:s.end], s.kind) for s in spans(M.LanguageNameRecognizer, text, lang="ca") if s.kind == P]
    assert got == expected


def test_catalan_sign_off():
    check(M.LanguageSignoffRecognizer, "Moltes gràcies per llegir-me. Una abraçada, Ermengol", [("Ermengol", P)],
          lang="ca")


@pytest.mark.parametrize("text,number", [
    ("truca'm al 612 34 56 78 quan puguis", "612 34 56 78"),
    ("el meu mòbil és +376 312 345, d'Andorra", "+376 312 345"),
])
def test_catalan_phone_numbers(text, number):
    got = [text[s.start:s.end] for cls in (M.LanguagePhoneRecognizer, PhoneRecognizer)
           for s in spans(cls, text, lang="ca")]
    assert number in got


def test_a_catalan_written_out_email_is_found():
    text = "escriu-me a jordina punt v arrova example punt cat si vols"
    assert [text[s:e] for s, e in find_written_emails(text)] == ["jordina punt v arrova example punt cat"]


def test_the_catalan_word_list_is_read_only_for_catalan_text():
    # Catalan web text counts Spanish surnames as words: that must not make them ordinary in another text
    from therapy_threads.anonymise.lexicon import lexicon
    assert "ca" not in lexicon().ordinary_in("carrillo")
    assert lexicon().lang_rank("carrillo", "ca") is not None
