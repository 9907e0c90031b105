"""The sixteenth round of anonymiser speed-ups (issue 13, CPU): each gate decides exactly what the plain
form it skips would have decided (the plain forms are spelled out here)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import grow as G

SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# capitals inside and at both edges of the class the official forms read ("À", "Ö", "Ø", "Þ"), those just outside
# it ("×", "ß", "Ā"), lower case, blanks, hyphens, commas, apostrophes
_PIECES = st.one_of(st.sampled_from(["A", "Z", "À", "Ö", "Ø", "Þ", "×", "ß", "Ā", "É", "a", "é", " ", "\t", "\n", ", ",
                                     "-", "'", "’", ".", "DE ", "LA ", "Rosa", "Elvira", "QUISPE", "GIULIA", "TV", "I"]),
                    st.text(alphabet="AZÀÞazé ,-'.", max_size=4))
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


@SLOW
@given(_TEXTS)
def test_no_official_form_without_three_capitals_in_a_row(s):
    """grow_persons asks the three official forms only where _THREE_CAPITALS finds three capitals in a row."""
    if G._THREE_CAPITALS.search(s) is None:
        assert G._CAPS_FIRST.search(s) is None
        assert G._CAPS_COMMA.search(s) is None
        assert G._CAPS_RUN.search(s) is None


@pytest.mark.parametrize("text,form", [
    ("Sulla ricevuta c'era scritto ROSSI GIULIA, seduta", G._CAPS_RUN),
    ("En la ficha decía QUISPE HUAMANI, Rosa Elvira, con mayúsculas", G._CAPS_COMMA),
    ("La lettre était adressée à DUPONT Marie", G._CAPS_FIRST),
    ("ÖZTÜRK, Ayla", G._CAPS_COMMA),
])
def test_official_forms_still_have_three_capitals(text, form):
    assert form.search(text) is not None and G._THREE_CAPITALS.search(text) is not None
