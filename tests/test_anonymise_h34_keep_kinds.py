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


@pytest.mark.parametrize("lang,texts", [
    # a one-word place in a case form after a preposition of place: its nominative is a gazetteer town (Ruda,
    # Wesoła, Kraków; Libuš); a private person's name in a case form beside it still goes
    ("pl", ["Dzień dobry.", "Mój kuzyn [[Bartek]] jest z {{Rudy}}, a ja mieszkam w {{Wesołej}}. Jeżdżę do {{Krakowa}} "
            "do terapeutki [[Zofii]]."]),
    ("cs", ["Dobrý den.", "Jsem z {{Libuše}}, kousek od {{Modřan}}. Moje kamarádka [[Lucka]] bydlí v {{Brně}}."]),
])
def test_places_in_case_forms_after_a_preposition(post, lang, texts):
    post(texts, lang)


def test_place_after_a_locative_in_a_display_name_is_no_name_variant(anon, tmp_path):
    # "Barbara z Halemby", "Κούλα από Βέροια": the place after "z", "από" is where the commenter lives; the text
    # naming it stays, the commenter's given name goes
    for lang, lines in (
            ("pl", ["@comment c1 | name=Barbara z Halemby, email=baska.p@example.pl, parent=",
                    "Jo je [[Baśka]]. Moja mama mieszkała w {{Halembie}}, a ciotka pisała z {{Halemby}} listy."]),
            ("el", ["@comment c1 | name=Κούλα από Βέροια, email=koula.a@example.gr, parent=",
                    "Είμαι η [[Κούλα]], από τη {{Βέροια}}. Η {{Βέροια}} είναι όμορφη τον χειμώνα."])):
        head = ["@set rows", f"@lang {lang}", "@site rows.example.org", "@post Wątek", "@author Autor | a@example.org |",
                "Dzień dobry."]
        for form in ("capture", "wxr"):
            assert_empty(measure_rows(anon, tmp_path, head + lines, form))
