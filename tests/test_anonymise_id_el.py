"""Indonesian and Greek: the [id] and [el] cue tables read by the recognizers of :mod:`.multilingual`, the
Greek case forms of names (:mod:`.inflection`), Greek phone digits said in words and written-out e-mails. One
table per rule of the languages' grammar; every name, number and sentence is synthetic."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import inflection as I
from therapy_threads.anonymise import multilingual as M
from therapy_threads.anonymise.coverage import covered_languages
from therapy_threads.anonymise.patterns import find_written_emails
from therapy_threads.anonymise.recognizers import recognizer_classes
from therapy_threads.anonymise.regional import reading_language
from therapy_threads.anonymise.spoken import number_runs

from test_anonymise_recognizers import check  # noqa: E402

P, K = "person", "keep"


def test_indonesian_and_greek_are_covered_and_malay_is_read_with_the_indonesian_rules():
    cov = covered_languages(recognizer_classes())
    assert {"id", "el", "ms"} <= cov
    assert reading_language("ms") == "id"


# ---- Indonesian ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cls,text,expected", [
    # the possessive after the relation noun, as a word or an enclitic, then a form of address or "si"
    (M.CuePhraseRecognizer, "Kemarin psikolog saya, Bu Yuliastuti, cuti melahirkan.", [("Yuliastuti", P)]),
    (M.CuePhraseRecognizer, "Suami gue, Mas Wicaksono, nggak ngerti.", [("Wicaksono", P)]),
    (M.CuePhraseRecognizer, "Istriku si Lastriani bilang aku harus istirahat.", [("Lastriani", P)]),
    (M.CuePhraseRecognizer, "Nama saya Kuncoro, dari Cirebon.", [("Kuncoro", P)]),
    (M.CuePhraseRecognizer, "Psikolog saya bilang itu normal.", []),
    # forms of address before the name, the name with its surname
    (M.LanguageTitleRecognizer, "Saya konseling sama Pak Haryadi Simatupang di Medan.", [("Haryadi Simatupang", P)]),
    (M.LanguageTitleRecognizer, "Makasih Kak Rindiani, aku coba ya.", [("Rindiani", P)]),
    # a degree or professional title after the name and a comma
    (M.LanguageTitleRecognizer, "Dirujuk ke Anjarwati Purbasari, M.Psi., Psikolog.", [("Anjarwati Purbasari", P)]),
    (M.LanguageTitleRecognizer, "Obatnya dari Wisnuaji Prakoso, Sp.KJ di klinik.", [("Wisnuaji Prakoso", P)]),
    # a given name that is also a word: a name only with a capital inside a sentence ("bintang" a star)
    (M.LanguageNameRecognizer, "Kemarin aku ketemu Bintang di kampus.", [("Bintang", P)]),
    (M.LanguageNameRecognizer, "Malam ini bintang kelihatan jelas.", []),
    (M.LanguageSignoffRecognizer, "Semoga membantu ya. Salam hangat, Kurniasih", [("Kurniasih", P)]),
])
def test_indonesian_recognizers(cls, text, expected):
    check(cls, text, expected, lang="id")


def test_indonesian_names_that_are_words_are_names_only_capitalised():
    assert I.declined_surname("bintang", "id")  # (read only capitalised inside a sentence)
    assert I.lower_word("bintang", "id")


# ---- Greek ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("form,given", [
    ("στάθη", True), ("νίκο", True), ("νίκου", True), ("γιώργο", True), ("γιώργου", True),  # -ης, -ος: -η, -ο, -ου
    ("κώστα", True), ("μαρίας", True), ("ελένης", True),  # -ας: -α; -α, -η: -ας, -ης
    ("νικου", True), ("γιωργο", True),  # typed without accents
    ("stathi", True),  # Greeklish
    ("είναι", False), ("αυτό", False),  # frequent words
])
def test_greek_case_forms_of_given_names(form, given):
    assert I.declined_given(form.casefold(), "el") is given  # (tokens are read casefolded: final "ς" is "σ")


@pytest.mark.parametrize("cls,text,expected", [
    # the possessive after the noun, then the article of persons' names or a form of address
    (M.CuePhraseRecognizer, "Η ψυχολόγος μου, η κυρία Θεοπίστη, λέει ότι είναι φυσιολογικό.", [("Θεοπίστη", P)]),
    (M.CuePhraseRecognizer, "Ο άντρας μου ο Παντελής δεν καταλαβαίνει.", [("Παντελής", P)]),
    (M.CuePhraseRecognizer, "Με λένε Ευανθία και μένω στη Δράμα.", [("Ευανθία", P)]),
    (M.CuePhraseRecognizer, "Είμαι κουρασμένη από τη δουλειά.", []),
    # forms of address before a surname
    (M.LanguageTitleRecognizer, "Πήγα στην κα Χατζηθεοδώρου για πρώτη φορά.", [("Χατζηθεοδώρου", P)]),
    (M.LanguageTitleRecognizer, "Ο κ. Καραμπατζάκης μου έδωσε συνταγή.", [("Καραμπατζάκης", P)]),
    # a given name in a case form, capitalised inside a sentence; a place after a preposition of place is none
    (M.LanguageNameRecognizer, "Χθες μίλησα με τον Στάθη για ώρα.", [("Στάθη", P)]),
    (M.LanguageNameRecognizer, "Μένω στη Θεσσαλονίκη από το 2019.", []),
    # a given name that is also a word ("ειρήνη" peace): the name only with a capital inside a sentence
    (M.LanguageNameRecognizer, "Θέλω λίγη ειρήνη στο σπίτι.", []),
    (M.LanguageSignoffRecognizer, "Σας ευχαριστώ όλους. Φιλιά, Ευδοκία", [("Ευδοκία", P)]),
    # a word of no list with a Greek surname ending ("-ίδου", "-όπουλος") is a surname
    (M.LanguageNameRecognizer, "Το γραφείο της Βασιλειαδίδου είναι κοντά.", [("Βασιλειαδίδου", P)]),
    (M.LanguageNameRecognizer, "Μίλησα χθες με τον Σταματόπουλο.", [("Σταματόπουλο", P)]),
    # an acronym after a relation noun and "του" (also the genitive article) names a body
    (M.CuePhraseRecognizer, "Πήγα στον ψυχίατρο του ΕΚΠΑΨ για πρώτη φορά.", []),
])
def test_greek_recognizers(cls, text, expected):
    check(cls, text, expected, lang="el")


def test_a_greek_phone_number_said_in_digit_words_is_read():
    runs = number_runs("πάρε με: έξι εννέα επτά, ένα δύο τρία, τέσσερα πέντε έξι μηδέν", "el")
    assert ["".join(g.digits for g in r.groups) for r in runs] == ["6971234560"]


def test_a_greek_written_out_email_is_found():
    text = "γράψτε μου στο anna.k παπάκι example τελεία gr αν θέλετε"
    assert [text[s:e] for s, e in find_written_emails(text)] == ["anna.k παπάκι example τελεία gr"]
