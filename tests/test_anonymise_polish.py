"""Polish: the case forms of names (:mod:`.inflection`) and the [pl] cue table read by the recognizers of
:mod:`.multilingual`. One table per rule of Polish grammar; every name and sentence is synthetic."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import inflection as I
from therapy_threads.anonymise import multilingual as M
from therapy_threads.anonymise.coverage import covered_languages
from therapy_threads.anonymise.recognizers import recognizer_classes

from test_anonymise_recognizers import check  # noqa: E402

P, K = "person", "keep"


@pytest.mark.parametrize("form,given", [
    # feminine -a: genitive/dative/locative, accusative, instrumental, vocative, softened consonants
    ("agnieszki", True), ("agnieszce", True), ("agnieszkę", True), ("agnieszką", True), ("agnieszko", True),
    ("marcie", True), ("magdzie", True), ("barbarze", True), ("basi", True), ("basiu", True), ("julii", True),
    # masculine: -a, -owi, -em/-iem, -u/-e; the mobile e of -ek, -eł, -er; diminutives in a soft consonant
    ("piotra", True), ("piotrze", True), ("michale", True), ("jackowi", True), ("jackiem", True),
    ("bartka", True), ("bartku", True), ("pawła", True), ("pawle", True), ("grześka", True), ("heńkowi", True),
    ("kacpra", True), ("kacprze", True), ("stasia", True),
    # frequent words that look like case forms of names are words ("mają": they have; "ani": nor)
    ("mają", False), ("ani", False), ("pracy", False), ("polsce", False),
])
def test_case_forms_of_given_names(form, given):
    assert I.declined_given(form, "pl") is given


@pytest.mark.parametrize("form,surname", [
    ("kowalskiego", True), ("kowalskiemu", True), ("kowalskim", True), ("kowalskiej", True), ("kowalską", True),
    ("nowaka", True), ("nowakowi", True), ("wójcikiem", True),
    ("nowak-kowalska", True),  # a double surname of two listed ones
    ("nowego", False),  # "nowy" (new) is in the names data, but plainly a word
])
def test_case_forms_of_surnames(form, surname):
    assert I.declined_surname(form, "pl") is surname


def test_names_that_are_words_are_words_in_lower_case_and_only_in_polish():
    assert I.lower_word("wilka", "pl") and I.lower_word("róży", "pl")  # a wolf's, a rose's
    assert not I.lower_word("kasi", "pl")
    assert I.only_word("wielki", "pl") and not I.only_word("kasia", "pl")
    assert not I.declined_given("agnieszki", "fr") and I.name_forms("fr") is None  # no declension elsewhere


def test_polish_is_covered():
    assert "pl" in covered_languages(recognizer_classes())


@pytest.mark.parametrize("text,expected", [
    ("Moja terapeutka Halszka mówi, że to normalne.", [("Halszka", P)]),
    # the possessive and the relation noun in the case the sentence asks for
    ("Rozmawiałam z moją siostrą Bogną o świętach.", [("Bogną", P)]),
    ("Byłam u mojej cioci Zenobii w sobotę.", [("Zenobii", P)]),
    ("Mój brat Lechosław znowu się spóźnił.", [("Lechosław", P)]),
    ("Nazywam się Ildefons Bąk i piszę pierwszy raz.", [("Ildefons Bąk", P)]),
    ("Mam na imię Jarosława, mam czterdzieści lat.", [("Jarosława", P)]),
    ("Jestem zmęczona po całym tygodniu.", []),  # "jestem" before an adjective
    ("Moja terapeutka jest bardzo cierpliwa.", []),
])
def test_cue_phrases(text, expected):
    check(M.CuePhraseRecognizer, text, expected, lang="pl")


@pytest.mark.parametrize("text,expected", [
    ("Chodzę do pani Wiesławy od roku.", [("Wiesławy", P)]),
    ("Byłem dziś u pana Kleofasa Dziubka.", [("Kleofasa Dziubka", P)]),
    # short titles written lower case and without a dot, as Polish spells them
    ("Grupę prowadzi dr Bożydar Cieślak z Lublina.", [("Bożydar Cieślak", P)]),
    ("Moja terapeutka, mgr Ludmiła Sroka, pracuje w nurcie systemowym.", [("Ludmiła Sroka", P)]),
    # a title that names a profession before the name
    ("Polecam panią psycholog Teodorę.", []),  # "panią psycholog" is not in the table's case
    ("Pani psycholog Teodora jest świetna.", [("Teodora", P)]),
    ("Dr to skrót, nie imię.", []),
    # a form of address opening a quoted title: the work, not a person
    ("Czytam teraz „Pana Cogito” od nowa.", [("Pana Cogito", K)]),
])
def test_titles(text, expected):
    check(M.LanguageTitleRecognizer, text, expected, lang="pl")


@pytest.mark.parametrize("text,expected", [
    # a given name in an oblique case, capitalised inside a sentence
    ("Wczoraj rozmawiałam z Bożenką o tym.", [("Bożenką", P)]),
    ("Zadzwoniłam do Zdziśka, ale nie odebrał.", [("Zdziśka", P)]),
    ("Podziękuj Bogusi za mnie.", [("Bogusi", P)]),
    ("Zadzwoniłam do Zdziśka, ale nie odebrał.", [("Zdziśka", P)]),  # a verb form no word list holds opens it
    ("Pozdrów Mariolę!", [("Mariolę", P)]),
    # the vocative opening a reply
    ("Kasiu, trzymam kciuki za jutro.", [("Kasiu", P)]),
    # a place after a preposition of place, in the locative or genitive
    ("Mieszkam w Radomiu od dziecka.", []),
    # a surname that is also a word, in a capitalised run with an ordinary word: a feast, a town
    ("Umówiłam się na Wielki Piątek.", []),
    # head nouns of places and bodies: the capitalised words after them are that name
    ("Gabinet jest przy ulicy Wiśniowej, obok Szpitala Grochowskiego.", []),
    # a name that is also a word, written in lower case, is the word
    ("W ogrodzie kwitnie róża, a na płocie siedzi sikora.", []),
])
def test_lexicon_names(text, expected):
    check(M.LanguageNameRecognizer, text, expected, lang="pl")


@pytest.mark.parametrize("text,expected", [
    ("Dziękuję wam za wszystko. Pozdrawiam serdecznie, Grażynka", [("Grażynka", P)]),
    ("Trzymajcie się ciepło. Ściskam, B.", [("B.", P)]),
])
def test_signoffs(text, expected):
    check(M.LanguageSignoffRecognizer, text, expected, lang="pl")


def test_phone_numbers_of_poland():
    check(M.LanguagePhoneRecognizer, "zadzwońcie: 512 345 678 po południu", [], lang="pl")  # PL is a policy region


@pytest.mark.parametrize("lang,text,expected", [
    # a form of address and a name that are the whole quotation: a work's title, kept
    ("fr", "J'ai relu « Madame Bovary » cet été.", [("Madame Bovary", K)]),
    ("pl", "Znowu oglądam „Pana Kleksa” z synem.", [("Pana Kleksa", K)]),
    # opening a longer quotation: the person addressed
    ("fr", "Elle m'a écrit : « M. Lavoie, je pense à vous. »", [("Lavoie", P)]),
    ("pl", "Napisała mi: „Pani Halino, proszę się nie martwić”.", [("Halino", P)]),
])
def test_a_quoted_title_is_a_work_only_when_it_is_the_whole_quotation(lang, text, expected):
    check(M.LanguageTitleRecognizer, text, expected, lang=lang)


# ---- Czech: the same machinery, its own endings and cue table ------------------------------------------------

@pytest.mark.parametrize("form,given", [
    ("petře", True), ("petrou", True), ("lence", True), ("lenko", True), ("janě", True),  # -a: -ě/-e, -ou, -o
    ("marii", True), ("marií", True),  # -e: -i, -í
    ("petra", True), ("petrovi", True), ("petrem", True), ("tomáše", True),  # consonant: -a/-e, -ovi, -em
    ("pavla", True), ("pavlem", True), ("marka", True), ("zdeňka", True),  # the mobile e of -el, -ek, -ěk
    ("jiřího", True), ("jiřímu", True),  # adjectival
    ("jsou", False), ("jako", False),  # frequent words
])
def test_czech_case_forms_of_given_names(form, given):
    assert I.declined_given(form, "cs") is given


@pytest.mark.parametrize("form", ["novákové", "novákovou", "nováka", "novákovi", "novákem"])
def test_czech_case_forms_of_surnames(form):
    assert I.declined_surname(form, "cs")


@pytest.mark.parametrize("cls,text,expected", [
    (M.CuePhraseRecognizer, "Moje terapeutka Božena říká, že je to normální.", [("Božena", P)]),
    (M.CuePhraseRecognizer, "Jmenuji se Radovan Kučera a bydlím sám.", [("Radovan Kučera", P)]),
    (M.CuePhraseRecognizer, "Jsem unavená z celého týdne.", []),
    (M.LanguageTitleRecognizer, "Chodím k paní Dvořákové už rok.", [("Dvořákové", P)]),
    (M.LanguageTitleRecognizer, "Skupinu vede MUDr. Vlastimil Hořejší.", [("Vlastimil Hořejší", P)]),
    (M.LanguageNameRecognizer, "Včera jsem volala Radkovi a pak Blance.", [("Radkovi", P), ("Blance", P)]),
    (M.LanguageNameRecognizer, "Bydlím v Olomouci od dětství.", []),
    (M.LanguageNameRecognizer, "Sejdeme se na náměstí Republiky.", []),
    (M.LanguageSignoffRecognizer, "Díky všem za podporu. S pozdravem, Vendula", [("Vendula", P)]),
])
def test_czech_recognizers(cls, text, expected):
    check(cls, text, expected, lang="cs")


def test_czech_is_covered():
    assert "cs" in covered_languages(recognizer_classes())
