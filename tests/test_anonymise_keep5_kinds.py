"""Keep-side kinds of issue 11's fifth keep round: what a place is said to be in after a comma (the first level of
ISO 3166-2 only), scripture's figures named as such, the national public figures of the sets' countries in case forms,
brands and organisations written in camel case, Finnish case forms of places and organisations, and first-level
regions (Jamaica's parishes). Posts run through the real stage (``[[private]]`` must go, ``{{keep}}`` must stay);
the private people are synthetic, the sentences are not from the sets."""
from __future__ import annotations

import pytest

from _kinds import anon, assert_empty, measure_rows, post  # noqa: F401  (the stage fixture, the post runner)


@pytest.mark.parametrize("phrase,first", [
    ("Murcia", True),          # an autonomous community of Spain (ES-MC)
    ("Nova Scotia", True),
    ("St. James", True),       # Jamaica's parish "Saint James", as English writes it
    ("St Catherine", True),
    ("Westmoreland", True),
    ("Lola", False),           # a prefecture of Guinea, under its region: not first level
    ("Donegal", False),        # an Irish county, under its province
])
def test_first_level_subdivisions(phrase, first):
    from therapy_threads.anonymise.knowledge import knowledge

    assert knowledge().is_first_level(phrase) is first


def _rows(lang: str, commenter: str, texts: list[str]) -> list[str]:
    lines = ["@set rows", f"@lang {lang}", "@site rows.example.org", "@post A thread", "@author Writer | w@example.org |",
             texts[0]]
    for i, t in enumerate(texts[1:]):
        lines += [f"@comment c{i} | name={commenter}, email=c{i}@example.org, parent=", t]
    return lines


@pytest.mark.parametrize("lang,commenter,texts", [
    # a commenter's name before a comma and a deeper subdivision's name (a given name too) is the person
    ("es", "Dolores Pardo", ["Navidad.", "Hola. Soy [[Dolores]], [[Lola]] para todos, de {{Murcia}}. Un beso, [[Lola]]"]),
    # ... before a country or a first-level province it is the town
    ("es", "Victoria Paredes", ["Terapia.", "Vivo cerca de {{Victoria}}, Argentina, y mi psicóloga se muda."]),
])
def test_a_commenter_name_before_a_comma_and_a_region(anon, tmp_path, lang, commenter, texts):
    assert_empty(measure_rows(anon, tmp_path, _rows(lang, commenter, texts), "wxr"))


@pytest.mark.parametrize("lang,texts", [
    # the masculine article of persons in lower case before a given name that is also a town (Pau in Béarn) is a man;
    # the town takes no article
    ("ca", ["Teràpia.", "Ara vaig amb el [[Pau]], que es diu com {{Pau Casals}} i toca el violoncel."]),
    ("ca", ["Viatges.", "Vaig viure dos anys a {{Pau}} i ara torno a Barcelona."]),
    # a Greek-script town of the gazetteer that is also a given name (Athena) is the town unless a cue says otherwise
    ("el", ["Μετακόμιση.", "Η ψυχοθεραπεύτριά μου φεύγει για {{Αθήνα}} και νιώθω μόνη."]),
    ("el", ["Μετακόμιση.", "Είμαι ψυχολόγος στη {{Λάρισα}} και γράφω εδώ σαν μέλος."]),
    ("el", ["Μετακόμιση.", "Η κόρη μου η [[Αθηνά]] λέει να μην ανησυχώ."]),
])
def test_article_names_and_own_script_towns(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # national writers in the Scandinavian genitive and in Finnish case forms: a listed full name's case form is the
    # listed person (name_inflection.toml reads it back), a private namesake's surname alone is not
    ("sv", ["Böcker.", "Min terapeut [[Karin Mattsson]] gav mig {{Tove Janssons}} Sommarboken i present."]),
    ("nn", ["Dikt.", "Eg les {{Olav H. Hauge}} kvar kveld, og naboen min [[Sigrid Hauge]] ler av meg."]),
    ("da", ["Bøger.", "Min psykolog [[Lykke Dam]] anbefalede {{Svend Brinkmanns}} bog om at stå fast."]),
    ("fi", ["Runot.", "Äiti antoi nimen {{Eino Leinon}} runojen takia, ja luen nyt {{Minna Canthin}} näytelmiä."]),
    # musicians and actors of Jamaica and the Philippines named in full
    ("en", ["Music.", "My counsellor [[Mrs. Whyte]] played {{Beres Hammond}} and {{Marcia Griffiths}} in the waiting room."]),
    ("en", ["Songs.", "We sang {{Lea Salonga}} at the Christmas party and my cousin [[Bong]] cried."]),
])
def test_national_public_figures_in_case_forms(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("texts", [
    # a run-together name of two parts ending in a service noun is a service whatever its first part
    ["Insurance.", "{{PhilHealth}} does not cover therapy sessions, my HMO does."],
    # ... a handle of two whole words is still a handle
    ["Thanks.", "Thank you [[QuietStorm]], your words helped."],
])
def test_run_together_service_names(post, texts):
    post(texts, "en")


@pytest.mark.parametrize("texts", [
    # a letter before a word, and a clipped word with a noun of trade, name companies, not people
    ["Payday.", "I sent money home through {{GCash}} again, the fees are small."],
    ["Insurance.", "My HMO is {{Maxicare}}, and {{Digicel}} dropped the call twice while I was on hold."],
    # ... a person's name of that length is still a person's
    ["Thanks.", "My friend [[Marisol]] came with me to the session."],
])
def test_company_shapes(post, texts):
    post(texts, "en")
