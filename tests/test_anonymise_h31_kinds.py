"""Kinds of failure the held-out batch heldout31 showed (Algerian/Kabyle French, Salvadoran Spanish, Timorese
Portuguese, Moluccan Dutch, Indo-Fijian English), each as a small table. Posts run through the real stage
(``[[private]]`` must go, ``{{keep}}`` must stay). All names of people are synthetic; places are real."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    # the official form surname first in capitals with a Berber or Arabic particle ("AIT", "OU", "BEN") before it
    ("fr", ["Bonjour à tous.", "La lettre est arrivée au nom de « [[AIT BELKACEMI Tiziri]] » chez ma mère."]),
    ("fr", ["Bonjour à tous.", "Sur la convocation il y a « [[BEN HAMMOUDI Lounès]] », avec le tampon."]),
    # the registry form all in capitals, the given names in capitals too and a middle initial
    ("es", ["Hola a todos.", "El papel dice \"[[ARGUETA LEMUS, ROSALBA M.]]\" y me dio pena."]),
    # ... but a line shouted in capitals is no name
    ("es", ["Hola a todos.", "URGENTE, AYUDA POR FAVOR, no sé qué hacer con mi {{ansiedad}}."]),
])
def test_h31_official_forms(post, lang, texts):
    post(texts, lang)
