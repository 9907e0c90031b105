"""Given names that are ordinary words of a Nordic language (issue 11, heldout40's leaks): after a strong cue (a
relation noun, a naming verb) and capitalised inside a sentence, a given name of the names data is the person even
where the word is frequent ("dag", day) or a kin noun ("bror", brother); the same word opening a sentence, or in
lower case, is still read as the word. One recognizer on one synthetic text."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import multilingual as M

from test_anonymise_recognizers import check

P = "person"


@pytest.mark.parametrize("lang,text,expected", [
    # the name after a naming verb or a relation noun, though a frequent word or a kin noun of the language
    ("sv", "Min psykolog heter Bror Eklund. Ja, han heter Bror.", [("Bror Eklund", P), ("Bror", P)]),
    ("sv", "Min psykolog Dag säger att det är normalt.", [("Dag", P)]),
    ("no", "Psykologen min Dag sa at det var greit.", [("Dag", P)]),
    ("da", "Min psykolog Tage siger, at det går over.", [("Tage", P)]),
    # the words as words: lower case, or no cue before them
    ("sv", "Min bror heter inte så. En bra dag.", []),
    ("sv", "Min psykolog säger att det är en bra dag.", []),
    ("da", "Jeg vil tage en pause.", []),
])
def test_word_given_names_after_a_strong_cue(lang, text, expected):
    check(M.CuePhraseRecognizer, text, expected, lang=lang)
