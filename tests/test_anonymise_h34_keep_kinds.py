"""Keep-side kinds the held-out batches heldout33 and heldout34 showed (saints and bodies named after people in
Polish and Czech, places in their case forms after a preposition, the place in a commenter's display name), each
as a small table. Posts run through the real stage (``[[private]]`` must go, ``{{keep}}`` must stay). All names
of people are synthetic; places, saints and public figures are real."""
from __future__ import annotations

import pytest

from _kinds import anon, measure_rows, assert_empty, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    # a saint's title in its case: the saint's name, or the church or feast named for the saint; the private
    # person of the same name beside it still goes
    ("pl", ["Dzień dobry wszystkim.", "Moja córka [[Barbara]] urodziła się w grudniu, od {{świętej Barbary}} ma imię. "
            "Idziemy na mszę do {{świętej Anny}}, a potem do babci."]),
    ("pl", ["Cześć.", "W {{Centrum Medycznym im. Leszka Gieca}} powiedzieli mi, że serce mam zdrowe. "
            "Mój terapeuta [[Leszek]] mówi to samo."]),
    ("cs", ["Ahoj všem.", "Můj syn [[Mikuláš]] se narodil šestého prosince, na {{svatého Mikuláše}}. "
            "Vozila jsem ho na {{Letiště Václava Havla}}, když letěl za tátou."]),
])
def test_saints_and_named_after_bodies_are_kept(post, lang, texts):
    post(texts, lang)
