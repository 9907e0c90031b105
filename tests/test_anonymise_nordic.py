"""Swedish, Norwegian (Bokmål and Nynorsk), Danish and Finnish: the [sv]/[no]/[da]/[fi] cue tables read by the
recognizers of :mod:`.multilingual`, the names' case forms of name_inflection.toml (the genitive -s, the Finnish
cases with consonant gradation), word-names that are names only in a name role, Finnish local cases as places,
forum quote headers, sign-offs, phones and written-out e-mails. One table per rule of the grammar; every name,
number and sentence is synthetic."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import multilingual as M
from therapy_threads.anonymise import recognizers as R
from therapy_threads.anonymise.coverage import covered_languages
from therapy_threads.anonymise.inflection import name_forms
from therapy_threads.anonymise.patterns import find_written_emails
from therapy_threads.anonymise.recognizers import PhoneRecognizer, recognizer_classes
from therapy_threads.anonymise.regional import reading_language

from test_anonymise_recognizers import check, spans  # noqa: E402

P, K = "person", "keep"


@pytest.mark.parametrize("lang", ["sv", "da", "no", "nn", "fi"])
def test_nordic_languages_are_covered(lang):
    assert lang in covered_languages(recognizer_classes())


def test_nynorsk_is_read_with_the_norwegian_rules():
    assert reading_language("nn") == "no"


@pytest.mark.parametrize("lang,form,nominative", [
    # the Scandinavian genitive -s
    ("sv", "annas", "anna"), ("sv", "eriks", "erik"), ("da", "mettes", "mette"), ("no", "kaaris", None),
    # Finnish cases on a vowel stem, with consonant gradation (tt -> t, kk -> k), and -nen surnames (-se-)
    ("fi", "liisan", "liisa"), ("fi", "liisalle", "liisa"), ("fi", "liisasta", "liisa"), ("fi", "liisaan", "liisa"),
    ("fi", "matin", "matti"), ("fi", "matille", "matti"), ("fi", "pekan", "pekka"), ("fi", "jaakon", "jaakko"),
    ("fi", "virtasen", "virtanen"), ("fi", "virtaselle", "virtanen"),
    ("fi", "kallelle", "kalle"),
    # a form that is a frequent word of the language is that word ("toivon": I hope)
    ("fi", "toivon", None),
])
def test_nordic_case_forms(lang, form, nominative):
    f = name_forms(lang)
    assert (f.given.get(form) or f.surname.get(form)) == nominative


@pytest.mark.parametrize("lang,text,expected", [
    # a possessive before the relation noun, and in Norwegian after its definite form (Nynorsk "kona mi")
    ("sv", "Min psykolog Ingegerd säger att det är normalt.", [("Ingegerd", P)]),
    ("sv", "Min sambo Torbjörn tycker att jag ska sluta.", [("Torbjörn", P)]),
    ("no", "Psykologen min Ragnfrid sa at det var greit.", [("Ragnfrid", P)]),
    ("no", "Kona mi, Solbjørg, har lest alt.", [("Solbjørg", P)]),
    ("da", "Min psykolog Birthe siger, at det går over.", [("Birthe", P)]),
    # Finnish: the possessive suffix on the noun, or the pronoun before it in speech
    ("fi", "Psykologini Hannele sanoi, että se on normaalia.", [("Hannele", P)]),
    ("fi", "mun terapeutti Pirjo sano et kaikki on ok", [("Pirjo", P)]),
    ("sv", "Min psykolog säger att det är normalt.", []),
])
def test_nordic_cue_phrases(lang, text, expected):
    check(M.CuePhraseRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("sv", "Jag gick hos fru Lindqvist i tre år.", [("Lindqvist", P)]),
    ("sv", "Då kom herr Åkerlund in i rummet.", [("Åkerlund", P)]),
    ("no", "Vi hadde frøken Haugland i norsk.", [("Haugland", P)]),
    ("fi", "Vastaanotolla oli rouva Kettunen.", [("Kettunen", P)]),
    ("fi", "Tapasin herra Heikkilän eilen.", [("Heikkilän", P)]),
])
def test_nordic_titles(lang, text, expected):
    check(M.LanguageTitleRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,name", [
    ("sv", "Tack för alla svar!\nKram, Gunvor", "Gunvor"),
    ("sv", "Jag skriver mer sen.\n/Ingrid", "Ingrid"),
    ("no", "Takk for at dere leste.\nHilsen Sigrun", "Sigrun"),
    ("da", "Tak for jeres svar.\nKærlig hilsen Birthe", "Birthe"),
    ("fi", "Kiitos kaikille.\nTerveisin Pirjo", "Pirjo"),
])
def test_nordic_sign_offs(lang, text, name):
    check(M.LanguageSignoffRecognizer, text, [(name, P)], lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    # a given name that is also a word: the name capitalised inside a sentence, the word opening one or in lower case
    ("sv", "Jag pratade länge med Liv om det i går.", [("Liv", P)]),
    ("sv", "Liv är kort och jag vill leva varje dag.", []),
    ("no", "Jeg håper du har det bra, Dag.", [("Dag", P)]),
    ("fi", "Soitin eilen Tuulille ja kerroin kaiken.", [("Tuulille", P)]),
    ("fi", "Tuuli puhalsi kovaa koko päivän.", []),
    # the Scandinavian genitive and the Finnish cases on a name inside a sentence
    ("sv", "Jag bodde hos Gunillas mamma i en vecka.", [("Gunillas", P)]),
    ("fi", "Menin eilen Liisan kanssa kahville.", [("Liisan", P)]),
    # a given name, a middle initial and a surname are one full name
    ("no", "Svar · Ragnhild K. Eide\nDu har rett.", [("Ragnhild K. Eide", P)]),
    # Finnish: a case form of a name in lower case only before a verb of saying ("asun" is "I live")
    ("fi", "asun nykyään yksin ja se on ihan ok", []),
])
def test_nordic_names_in_a_name_role(lang, text, expected):
    got = [(text[s.start:s.end], s.kind) for s in spans(M.LanguageNameRecognizer, text, lang=lang) if s.kind == P]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # the inner local cases say "in", "from" by themselves: the place, whatever names share it
    ("Asuin pitkään Turussa ennen muuttoa.", [("Turussa", K)]),
    ("Muutin Kalliosta pois viime vuonna.", [("Kalliosta", K)]),
    # the outer ones name people as well: a place only where the nominative is no name
    ("Asun nykyään Tampereella.", [("Tampereella", K)]),
    ("Sanoin sen Liisalle suoraan.", []),
])
def test_finnish_local_cases_are_places(text, expected):
    got = [(text[s.start:s.end], s.kind) for s in spans(R.JoinedPlaceRecognizer, text, lang="fi")]
    assert got == expected


def test_a_finnish_place_case_ends_a_full_name():
    text = "Mun terapeutti Pirjo Kettunen Kalliossa oli tosi hyvä."
    got = [text[s.start:s.end] for s in spans(M.CuePhraseRecognizer, text, lang="fi") if s.kind == P]
    assert got == ["Pirjo Kettunen"]


@pytest.mark.parametrize("lang,text,name", [
    # vBulletin's "Originally Posted by" and phpBB's "X wrote:" in the Nordic language packs
    ("sv", "Citat:\nUrsprungligen postat av Blåbärsskogen\nÄr jag sjuk?", "Blåbärsskogen"),
    ("da", "Oprindeligt skrevet af Rugbrødet\nDet er normalt.", "Rugbrødet"),
    ("fi", "Mustikka77 kirjoitti:\nei se oo normaalia", "Mustikka77"),
])
def test_nordic_quote_headers(lang, text, name):
    got = [text[s.start:s.end] for s in spans(R.QuoteHeaderRecognizer, text, lang=lang)]
    assert got == [name]


@pytest.mark.parametrize("lang,text,number", [
    ("sv", "ring mig på 070-123 45 67 om du vill", "070-123 45 67"),
    ("no", "send en melding til 912 34 567 i kveld", "912 34 567"),
    ("da", "ring til mig på 20 12 34 56 efter kl. 17", "20 12 34 56"),
    ("fi", "soita numeroon 040 123 4567 iltaisin", "040 123 4567"),
])
def test_nordic_phone_numbers(lang, text, number):
    got = [text[s.start:s.end] for cls in (M.LanguagePhoneRecognizer, PhoneRecognizer)
           for s in spans(cls, text, lang=lang)]
    assert number in got


@pytest.mark.parametrize("text,address", [
    ("skriv till bo understreck k snabel-a example punkt se", "bo understreck k snabel-a example punkt se"),
    ("kirjoita osoitteeseen pirjo piste k ät example piste fi", "pirjo piste k ät example piste fi"),
    ("send til kari krøllalfa example punktum no", "kari krøllalfa example punktum no"),
])
def test_nordic_written_out_emails(text, address):
    assert [text[s:e] for s, e in find_written_emails(text)] == [address]


def test_a_board_thanks_line_names_the_poster_and_every_member():
    text = "Följande 3 användare tackar Lingonsylt för detta inlägg: Hjortron_88, tant blå, Nordanvind"
    got = [text[s.start:s.end] for s in spans(R.QuoteHeaderRecognizer, text, lang="sv")]
    assert got == ["Lingonsylt", "Hjortron_88", "tant blå", "Nordanvind"]


@pytest.mark.parametrize("line,who", [
    ("#12 · 2026-11-28, 23:10 · Lingonsylt", "Lingonsylt"),
    ("#3 · 2026-11-26, 23:15 · Hjortron_88 (TS)", "Hjortron_88"),
])
def test_a_numbered_post_bar_names_its_poster(line, who):
    from therapy_threads.anonymise.bylines import byline_matches
    from test_anonymise_recognizers import CUES
    text = line + "\nReg: jan 2011 · Inlägg: 9 804\n\nJag håller med."
    assert [text[s:e] for s, e in byline_matches(text, "sv", CUES)] == [who]
