"""Keep-side kinds of issue 11's seventh keep round (the damage of heldout45-47's first measurement): national public
figures of the sets' countries, also with their given names in a case form; devotional images, shrines and feasts
named by a title or an advocation, and calendar feasts said as dates; Caribbean and Christian calendar days in
English; Finnish place names whose stem grades ("-joki", "-selkä") and a village's case form after a given name.
Posts run through the real stage (``[[private]]`` must go, ``{{keep}}`` must stay); the private people are
synthetic and the sentences are not from the sets."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture, the post runner)


@pytest.mark.parametrize("lang,texts", [
    # national public figures: comic actors, singers, writers, sportspeople named in full
    ("it", ["Cinema.", "Stasera guardo un film di {{Massimo Troisi}} con mio cugino [[Gennaro]]."]),
    ("es", ["Música.", "Mi abuela [[Manuela]] escuchaba a {{Lola Flores}} todas las tardes."]),
    ("de", ["Kabarett.", "Meine Therapeutin [[Frau Huber]] mag {{Gerhard Polt}} und {{Karl Valentin}}."]),
    ("fr", ["Lecture.", "Ma cousine [[Nadège]] lit {{Maryse Condé}} et écoute {{Jocelyne Béroard}}."]),
    ("en", ["Cricket.", "My uncle [[Ramesh]] still talks about {{Brian Lara}} every Sunday."]),
    ("da", ["Design.", "Min mand [[Søren]] har en abe af {{Kay Bojesen}} på hylden."]),
    ("id", ["Buku.", "Teman saya [[Ratna]] membaca novel karya {{Andrea Hirata}} minggu lalu."]),
    # ... in a case form: the given name declined before a surname that is not ("Ewę", "Bogdana"), the Finnish
    # genitive and partitive, the Norwegian genitive -s
    ("pl", ["Książki.", "Moja terapeutka [[pani Jadwiga]] poleciła mi {{Ewę Woydyłło}} i {{Bogdana de Barbaro}}."]),
    ("fi", ["Kirjat.", "Terapeuttini [[Liisa]] suositteli {{Maaret Kallion}} kirjaa ja {{Tommy Hellsteniä}}."]),
    ("no", ["Kunst.", "Min søster [[Ingrid]] elsker {{Edvard Munchs}} bilder."]),
])
def test_national_public_figures(post, lang, texts):
    post(texts, lang)


def test_a_declined_given_name_before_a_listed_surname_must_be_that_figure(post):
    # the same declined given name before another surname is a private person still
    post(["Książki.", "Poczytaj {{Ewę Woydyłło}}, a potem zadzwoń do [[Ewy Kowalczyk]]."], "pl")


@pytest.mark.parametrize("lang,texts", [
    # a devotional image named by the Virgin's or Christ's title and the place or mystery it belongs to
    ("it", ["Estate.", "Mia nonna [[Carmela]] andava alla {{Madonna dell'Arco}} ogni anno, scalza."]),
    ("es", ["Fe.", "Mi tía [[Remedios]] le reza a la {{Virgen del Carmen}} y al {{Santo Cristo de la Salud}}."]),
    ("pt", ["Festa.", "A minha tia [[Fátima]] vai à {{Festa do Santíssimo Sacramento}} e reza a {{Nossa Senhora da Conceição}}."]),
    # ... an image by its advocation before its church or quarter, with the article
    ("es", ["Semana Santa.", "Mi prima [[Rocío]] sale de nazarena con la {{Esperanza de Triana}} cada año."]),
    # a feast of the calendar said as a date; the same word with a surname after it is a man
    ("it", ["Feste.", "Ci vediamo a {{Natale}}, dice mia zia [[Concetta]]. Ho scritto a [[Natale Esposito]] ieri."]),
    ("en", ["Lent.", "On {{Ash Wednesday}} my friend [[Shelly-Ann]] and I went to mass, and after {{Divali}} too."]),
])
def test_devotions_and_feasts(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,pattern,text,found", [
    ("es", 0, "la Virgen del Carmen", "Virgen del Carmen"),
    ("it", 0, "alla Madonna dell'Arco ci andava", "Madonna dell'Arco"),
    ("es", 0, "el Señor García", None),                # "Señor" before a surname is "Mr."
    ("es", 1, "soy de la Esperanza de Triana", "Esperanza de Triana"),
    ("es", 1, "Esperanza de Triana me llamó", None),   # no article: a woman's name and where she is from
    ("it", 2, "a Natale Esposito", None),              # a surname after it: the given name
    ("fr", 2, "à Noël on mange", "Noël"),
])
def test_devotion_patterns(lang, pattern, text, found):
    from therapy_threads.anonymise.devotions import _RES

    pat = _RES[lang][pattern]
    m = pat.search(text)
    got = None if m is None else (m.group("img") if pattern == 1 else m.group("feast") if pattern == 2 else m.group(0))
    if pattern == 0 and got is not None and " " not in got:
        got = None  # (the recognizer skips a one-word title alone)
    assert got == found


def test_a_greeting_opening_the_line_is_no_name(post):
    # a greeting word of the policy's list, set off by a comma at the start of a line, greets; the name comes after
    post(["Hello.", "{{Hiya}}, it's [[Marlene]], [[Terrence]]'s wife. He said I could post here."])


@pytest.mark.parametrize("word,nominative", [
    ("Utsjoelta", "Utsjoki"),
    ("Saariselältä", "Saariselkä"),
    ("Ivaloon", "Ivalo"),
])
def test_finnish_place_stems(word, nominative):
    from therapy_threads.anonymise import inflection

    assert nominative in inflection.nominatives(word, "fi")


def test_a_village_in_a_case_form_after_a_given_name_is_where_from(post):
    post(["Muutto.", "Minä olen [[Onni]] {{Utsjoelta}}, ja ajoin {{Saariselältä}} kotiin."], "fi")
