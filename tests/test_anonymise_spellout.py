"""Phone numbers written out in the CLDR number words of languages text2num has no table for, in text of
another language (anonymise/spellout.py, through spoken.number_runs and phones.find_all_phones): synthetic
text -> expected span, and counted prose that must not fire. Numbers are invented."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise.audit import _cue_phone_regions
from therapy_threads.anonymise.phones import find_all_phones
from therapy_threads.anonymise.policy import Policy
from therapy_threads.anonymise.spellout import fold, tables
from therapy_threads.anonymise.spoken import number_runs

REGIONS = Policy.load(None).text.phone_regions


@pytest.mark.parametrize("text,digits,lang", [
    ("zero șase nouă, patru unu opt, doi trei cinci", "069418235", "ro"),      # comma-below ș, as typed
    ("zero şase nouă, patru unu opt, doi trei cinci", "069418235", "ro"),      # cedilla ş, as CLDR spells
    ("zero sase noua, patru unu opt, doi trei cinci", "069418235", "ro"),      # no accents
    ("nič štiri ena, pet dva sedem, osem tri šest", "041527836", "sl"),
    ("sero siyam siyam walo, tatlo apat isa, dalawa sero pito anim", "09983412076", "fil"),
    ("плюс семь, девятьсот шестнадцать, четыреста восемьдесят два", "7916482", "ru"),
    ("sıfır beş yüz otuz iki, dört yüz on, yirmi iki", "053241022", "tr"),
    ("nulla harminc, kilencszáz, negyvenkettő", "03090042", "hu"),
    ("nolla neljäkymmentä, yksitoista, kaksikymmentäkaksi", "0401122", "fi"),
])
def test_cldr_number_words_are_read_into_digits(text, digits, lang):
    runs = number_runs(text, "en")
    assert [r.digits for r in runs] == [digits]
    assert lang in runs[0].langs


@pytest.mark.parametrize("lang,text,number", [
    ("it", "il numero di mia cugina: zero șase nouă, patru unu opt, doi trei cinci, chiamala",
     "zero șase nouă, patru unu opt, doi trei cinci"),                          # Moldova, in Italian text
    ("en", "text ate: sero siyam siyam walo, tatlo apat isa, dalawa sero pito anim po",
     "sero siyam siyam walo, tatlo apat isa, dalawa sero pito anim"),          # the Philippines
    ("de", "Ihre Nummer: nič štiri ena, pet dva sedem, osem tri šest. Danke",
     "nič štiri ena, pet dva sedem, osem tri šest"),                            # Slovenia, in German text
    ("el", "ο αριθμός: плюс семь, девятьсот шестнадцать, четыреста восемьдесят два, тридцать семь, пятнадцать.",
     "плюс семь, девятьсот шестнадцать, четыреста восемьдесят два, тридцать семь, пятнадцать"),
])
def test_a_phone_number_in_another_languages_words_is_found(lang, text, number):
    found = [text[s:e] for s, e, _ in find_all_phones(text, REGIONS, lang, _cue_phone_regions(lang))]
    assert found == [number]


@pytest.mark.parametrize("lang,text", [
    ("en", "two or three sessions, maybe four or five"),
    ("ro", "am fost la trei, patru, cinci ședințe, apoi la șase"),
    ("ro", "unu, doi, trei, patru, cinci, șase, șapte, opt, nouă"),                # counting
    ("sl", "ena, dva, tri, štiri, pet, šest, sedem"),
    ("ru", "один, два, три, четыре, пять, шесть, семь, восемь"),
    ("it", "una, due, tre, quattro, cinque, sei, sette volte"),
    ("ru", "ей было двадцать два, мне двадцать пять, маме сорок восемь"),
    ("tr", "iki üç dört seans, beş yüz lira"),
    ("fil", "isa, dalawa, tatlo, apat na linggo"),
])
def test_counted_prose_is_no_phone(lang, text):
    assert find_all_phones(text, REGIONS, lang, _cue_phone_regions(lang)) == []


def test_the_table_is_cldr_folded_and_covers_the_languages():
    t = tables()
    for lang in ("ro", "sl", "ru", "uk", "bg", "el", "pl", "cs", "tr", "fil", "hu", "sv", "da", "no", "fi", "hr",
                 "sr", "lt", "lv", "et", "sq", "mk", "id", "ms", "sw", "af", "is", "ca", "eo", "vec"):
        assert set(range(10)) <= set(t[lang].numbers.values()), lang
    assert t["ro"].numbers[fold("șapte")] == 7 and fold("Quaranta-Dos") == "quaranta dos"
    assert t["ru"].before["девятьсот"] == 900


def test_a_language_without_cldr_words_is_not_read():
    assert number_runs("bat bi hiru lau bost zazpi zortzi", "eu") == ()  # Basque: no CLDR spellout rules
