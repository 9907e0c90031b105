"""Contacts of kinds the heldout28 batch showed (synthetic numbers and names): seven-digit national
numbers (a whole number in Cape Verde, Iceland, Suriname, Fiji...) and the underscore written out in the
at-words' languages (the e-mail rows are in test_anonymise_recognizers.py)."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import knowledge


@pytest.mark.parametrize("text,lang,found", [
    ("liga-me para 991 34 27 depois do almoço", "pt", ["991 34 27"]),   # Cape Verde mobile, in Portuguese
    ("hringdu í 581 23 45 á morgun", "is", ["581 23 45"]),             # Iceland fixed line
    ("custa 1 234 567 escudos", "pt", []),                              # an amount in groups of three
    ("no dia 12.3.2026 fui ao centro", "pt", []),                       # a date
    ("o código 1234567 chegou", "pt", []),                               # a bare run: an order or case number
    ("ver /post/991-34-27/ ali", "pt", []),                              # inside a link
])
def test_seven_digit_national_numbers(text, lang, found):
    regions = knowledge.official_phone_regions(lang)
    assert [text[s:e] for s, e in knowledge.find_national_phones(text, regions)] == found
