"""Keep-side kinds of the heldout35/36 batches (issue 11): film people, musicians and sportspeople named in a
discussion of a film (public_figures.toml [C], [S], [F]). Posts run through the real stage (``[[private]]``
must go, ``{{keep}}`` must stay). The people in private labels are synthetic; the public people are real and
the films theirs; the sentences are not from the sets."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("lang,texts", [
    ("it", ["Ieri sera ho rivisto un film con mia sorella [[Ornella]].",
            "{{Marcello Mastroianni}} nella fontana, poi {{Monica Vitti}} nel film di {{Michelangelo Antonioni}}."]),
    ("it", ["Stasera cineforum in parrocchia.",
            "Il film di {{Nanni Moretti}} mi ha fatto piangere. {{Moretti}} analista è credibile, [[Tecla]] no."]),
    ("en", ["Film club notes.",
            "{{Michel Piccoli}} as the pope who runs away, and {{Isabelle Huppert}} in anything by {{Michael Haneke}}."]),
    ("es", ["Noche de cine.", "{{Penélope Cruz}} en la película de {{Pedro Almodóvar}}, y la música de {{Ennio Morricone}}."]),
    ("de", ["Filmabend.", "{{Wim Wenders}} hat mit {{Bruno Ganz}} gedreht, sagt meine Therapeutin [[Frau Ostrowski]]."]),
    ("en", ["Music for the session.", "My counsellor [[Imelda]] plays {{Brian Eno}} in the waiting room."]),
    ("it", ["Calcio e analisi.", "Mio zio [[Alvise]] parlava solo di {{Diego Maradona}} e di {{Roberto Mancini}}."]),
])
def test_film_people_and_musicians_are_kept(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("texts", [
    # a saint's name after "Saint" or the Welsh "Sant"/"Santes" written out, even a name of no list (the well,
    # the feast and the church are the saint's)
    ["Walked to the well.", "We lit a candle at the well of {{Santes Melangell}} with my cousin [[Ffion]]."],
    ["Chapel notes.", "The feast of {{Sant Padarn}} is in April, Mam said."],
    ["Chapel notes.", "There is a holy well of {{Saint Tegla}} near the village."],
])
def test_welsh_and_written_out_saints_are_kept(post, texts):
    post(texts)
