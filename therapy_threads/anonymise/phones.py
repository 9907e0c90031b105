"""One finder of phone numbers for the anonymiser and the privacy audit: what the one removes, the
other looks for, so the two cannot disagree about what a phone number is.

The parts (``knowledge.find_phones`` and friends, libphonenumber through ``phonenumbers``):

- numbers *possible* in the policy's regions (right length and shape for the region, allocated or
  not: "(555) 01xx" drama numbers are as private as any), and any number with a "+" country code;
- numbers said digit by digit in English words ("nine one zero, five five five, ...");
- numbers *valid* in the national formats of the other countries where the text's language is
  official (CLDR), and of the countries whose web domains the text's addresses end in;
- numbers possible in the countries the language cue tables give for the text's language.

Toll-free lines (helplines passed on) are left out, see ``knowledge.find_phones``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .knowledge import find_national_phones, find_phones, find_said_phones, official_phone_regions

_DIGIT_PAIR = re.compile(r"\d\d")  # (a cheap first look: a text without two digits in a row holds no phone)
_TLD_PLAIN = re.compile(r"\.([a-z]{2})\b(?![.\w@-])")
_TLD_WRITTEN = re.compile(r"[ \t](?:dot|punto|punkt|point|ponto|punt|kropka|tečka|punct)[ \t]+([a-z]{2})\b(?![ \t]+(?:dot|punto|punkt|point|ponto|punt)\b)")
_WRITTEN_DOTS = ("dot ", "punto ", "punkt ", "point ", "ponto ", "punt ", "kropka ", "tečka ", "punct ")


def tld_regions(text: str) -> set[str]:
    """Regions (libphonenumber's) of the country-code domains the text's addresses end in."""
    import phonenumbers

    codes: set[str] = set()
    if "." in text:
        codes.update(m.group(1) for m in _TLD_PLAIN.finditer(text))
    if any(map(text.__contains__, _WRITTEN_DOTS)):
        codes.update(m.group(1) for m in _TLD_WRITTEN.finditer(text))
    return {c.upper() for c in codes if c.upper() in phonenumbers.SUPPORTED_REGIONS and c not in ("uk",)}


@lru_cache(maxsize=256)
def more_regions(lang: str, regions: tuple[str, ...]) -> tuple[str, ...]:
    """The regions where ``lang`` is official that ``regions`` leaves out: a function of the two
    alone, filtered once instead of once per text (~90 regions for English)."""
    return tuple(r for r in official_phone_regions(lang) if r not in regions)


def find_all_phones(text: str, regions: tuple[str, ...], lang: str | None = None,
                    cue_regions: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, why) of every phone number in ``text``, none overlapping an earlier one: the
    policy's ``regions``, said in words, the countries where ``lang`` is official, the countries of
    the text's web domains, then ``cue_regions`` (the language cue table's countries)."""
    out: list[tuple[int, int, str]] = [(s, e, "phone number (libphonenumber)") for s, e in find_phones(text, regions)]
    # English digit words, in a text of any language (a post may switch to English for the number)
    out += [(s, e, "phone number said in words (libphonenumber)") for s, e in find_said_phones(text, regions)]
    if not _DIGIT_PAIR.search(text):
        return out

    def add(found, why):
        for s, e in found:
            if not any(a < e and s < b for a, b, _ in out):
                out.append((s, e, why))

    # national formats of the other countries where the text's language is official (CLDR)
    more = more_regions(lang or "en", regions)
    add(find_national_phones(text, more), f"phone number (libphonenumber, a country where {lang or 'en'} is official)")
    # national formats of the countries whose domains the text's addresses end in ("... punto it",
    # "example.co.ke"): an English comment passing on an Italian studio's number with its e-mail. An
    # ordinary line there wins over a toll-free reading in another country ("080 523 4471" is a Bari
    # landline, and toll free in France, which left it out above)
    extra = tuple(sorted(r for r in tld_regions(text) if r not in more))
    if extra:
        add(find_national_phones(text, extra), "phone number (libphonenumber, the country of an address in the text)")
    cue = tuple(r for r in cue_regions if r not in regions)
    if cue:
        for s, e, why in find_language_phones(text, cue, lang):
            add([(s, e)], why)
    return out


def find_language_phones(text: str, regions: tuple[str, ...], lang: str | None) -> list[tuple[int, int, str]]:
    """(start, end, why) of the phone numbers in the national formats of ``regions``, the countries
    the language cue table gives for ``lang``: one home for the anonymiser's language recognizer and
    the audit, so the two cannot read these numbers differently."""
    return [(s, e, f"phone number (libphonenumber, a {lang}-speaking country)") for s, e in find_phones(text, regions)]
