"""One finder of phone numbers for the anonymiser and the privacy audit: what the one removes, the
other looks for, so the two cannot disagree about what a phone number is.

The parts (``knowledge.find_phones`` and friends, libphonenumber through ``phonenumbers``):

- numbers *possible* in the policy's regions (right length and shape for the region, allocated or
  not: "(555) 01xx" drama numbers are as private as any), and any number with a "+" country code;
- numbers said digit by digit in English words ("nine one zero, five five five, ...");
- numbers *valid* in the national formats of the other countries where the text's language is
  official (CLDR), and of the countries whose web domains the text's addresses end in;
- numbers possible in the countries the language cue tables give for the text's language;
- numbers written out in number words of the text's language ("zéro quatre septante-deux, trente et
  un, ...", read by :mod:`.spoken`): *valid* in one of the regions above, as the region dials them.

Toll-free lines (helplines passed on) are left out, see ``knowledge.find_phones``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .knowledge import find_national_phones, find_phones, find_said_phones, official_phone_regions
from .spoken import Run, digit_regions, number_runs

_DIGIT_PAIR = re.compile(r"\d\d")  # (a cheap first look: a text without two digits in a row holds no phone)
_TLD_PLAIN = re.compile(r"\.([a-z]{2})\b(?![.\w@-])")
_TLD_WRITTEN = re.compile(r"[ \t](?:dot|punto|punkt|point|ponto|punt|kropka|tečka|punct|ponc|titik)[ \t]+([a-z]{2})\b(?![ \t]+(?:dot|punto|punkt|point|ponto|punt)\b)")
_WRITTEN_DOTS = ("dot ", "punto ", "punkt ", "point ", "ponto ", "punt ", "kropka ", "tečka ", "punct ", "ponc ", "titik ")


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


# The finders' answers per (text, regions, language), kept for the rest of the source: the privacy audit
# asks the anonymiser's finder about every published text, and where the anonymiser changed nothing in a
# text that is the text the anonymiser's recognizers asked about, with the same regions and language. The
# answer is a function of those alone (the finders read nothing else), and the memo is keyed by the text
# itself, so the audit still checks the exact text it reads and only skips recomputing an answer (~50 µs a
# comment). Bounded by the characters of its keys; the extraction worker empties it after each source
# (:func:`forget`).
_MEMO: dict[tuple, tuple] = {}
_MEMO_CHARS = [0]
MEMO_MAX_CHARS = 8_000_000


def forget() -> None:
    """Empty the finders' memo (after each source)."""
    _MEMO.clear()
    _MEMO_CHARS[0] = 0


def _remembered(key: tuple, text: str, compute) -> tuple:
    found = _MEMO.get(key)
    if found is None:
        if _MEMO_CHARS[0] + len(text) > MEMO_MAX_CHARS:
            forget()
        found = _MEMO[key] = compute()
        _MEMO_CHARS[0] += len(text)
    return found


def find_all_phones(text: str, regions: tuple[str, ...], lang: str | None = None,
                    cue_regions: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, why) of every phone number in ``text``, none overlapping an earlier one: the
    policy's ``regions``, said in words, the countries where ``lang`` is official, the countries of
    the text's web domains, then ``cue_regions`` (the language cue table's countries)."""
    found, numbers = _remembered(("all", text, regions, lang), text, lambda: _phones(text, regions, lang))
    out = list(found)
    cue = tuple(r for r in cue_regions if r not in regions)
    if cue and numbers:
        for s, e, why in find_language_phones(text, cue, lang):
            if not any(a < e and s < b for a, b, _ in out):
                out.append((s, e, why))
    return out


def _phones(text: str, regions: tuple[str, ...], lang: str | None) -> tuple[tuple, bool]:
    """:func:`find_all_phones` without ``cue_regions``, and whether ``cue_regions`` are to be read
    (False: the text holds no two digits in a row and no number written out in words)."""
    out: list[tuple[int, int, str]] = [(s, e, "phone number (libphonenumber)") for s, e in find_phones(text, regions)]
    # English digit words, in a text of any language (a post may switch to English for the number)
    out += [(s, e, _SAID_WHY) for s, e in find_said_phones(text, regions)]
    digits = _DIGIT_PAIR.search(text) is not None
    runs = number_runs(text, lang)  # numbers written out in words ((): no three number words in a row)
    if not digits and not runs:
        return tuple(out), False

    def add(found, why):
        for s, e in found:
            if not any(a < e and s < b for a, b, _ in out):
                out.append((s, e, why))

    # national formats of the other countries where the text's language is official (CLDR)
    more = more_regions(lang or "en", regions)
    if digits:
        add(find_national_phones(text, more), f"phone number (libphonenumber, a country where {lang or 'en'} is official)")
    # national formats of the countries whose domains the text's addresses end in ("... punto it",
    # "example.co.ke"): an English comment passing on an Italian studio's number with its e-mail. An
    # ordinary line there wins over a toll-free reading in another country ("080 523 4471" is a Bari
    # landline, and toll free in France, which left it out above)
    extra = tuple(sorted(r for r in tld_regions(text) if r not in more))
    if extra and digits:
        add(find_national_phones(text, extra), "phone number (libphonenumber, the country of an address in the text)")
    if runs:  # the same countries for a number written out in words, in full where the English
        # digit words above read only its start ("two one two, five five five, oh one forty-two")
        # (and the countries of the digit words of languages text2num has no table for: Malay, Irish)
        # (and the countries of the languages whose CLDR number words read a run: a Romanian number in Italian text)
        said = tuple(r for r in dict.fromkeys(digit_regions() + spelled_regions(runs))
                     if r not in regions and r not in more and r not in extra)
        for s, e in spoken_phones(runs, regions + more + extra + said, possible=regions):
            out[:] = [x for x in out if not (x[2] == _SAID_WHY and s <= x[0] and x[1] <= e)]
            add([(s, e)], _SPOKEN_WHY)
    return tuple(out), True


def find_language_phones(text: str, regions: tuple[str, ...], lang: str | None) -> list[tuple[int, int, str]]:
    """(start, end, why) of the phone numbers in the national formats of ``regions``, the countries
    the language cue table gives for ``lang``: one home for the anonymiser's language recognizer and
    the audit, so the two cannot read these numbers differently."""
    return list(_remembered(("language", text, regions, lang), text,
                            lambda: tuple(_language_phones(text, regions, lang))))


def _language_phones(text: str, regions: tuple[str, ...], lang: str | None) -> list[tuple[int, int, str]]:
    out = [(s, e, f"phone number (libphonenumber, a {lang}-speaking country)") for s, e in find_phones(text, regions)]
    runs = number_runs(text, lang)
    if runs:
        out += [(s, e, _SPOKEN_WHY) for s, e in spoken_phones(runs, regions)
                if not any(a < e and s < b for a, b, _ in out)]
    return out


def spelled_regions(runs: tuple[Run, ...]) -> tuple[str, ...]:
    """The countries of the CLDR languages whose number words read ``runs`` (:mod:`.spellout`)."""
    return tuple(dict.fromkeys(r for run in runs for lang in run.langs for r in language_regions(lang)))


@lru_cache(maxsize=None)
def language_regions(lang: str) -> tuple[str, ...]:
    """Where ``lang`` is official (CLDR), else where CLDR counts the largest share of its speakers, within
    half of it (Venetian: Italy): the countries whose national formats a number said in it is dialled in."""
    import phonenumbers
    from babel.core import get_global

    base = lang.split("-")[0]
    official = official_phone_regions(base)
    if official:
        return official
    share = {t: langs[base].get("population_percent", 0) for t, langs in get_global("territory_languages").items()
             if t in phonenumbers.SUPPORTED_REGIONS and base in langs}
    top = max(share.values(), default=0)
    return tuple(sorted(t for t, p in share.items() if top and 2 * p >= top))


_SAID_WHY = "phone number said in words (libphonenumber)"
_SPOKEN_WHY = "phone number written out in words (libphonenumber)"
_COUNTING = ("0123456789", "9876543210")
# The shortest national significant numbers libphonenumber holds valid for whole countries are seven digits
# (São Tomé and Príncipe, Cape Verde, Guinea-Bissau, Suriname, the Maldives, many Pacific and Caribbean
# islands); a run of that many digits is read, and a shorter one is no phone number.
_SHORTEST = 7


def spoken_phones(runs: tuple[Run, ...], regions: tuple[str, ...],
                  possible: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Spans of the runs of numbers written out in words (:func:`.spoken.number_runs`) that are
    phone numbers: 7 to 15 digits *valid* in one of ``regions`` (or, after "plus"/"+", with their
    country code), or only *possible* in one of ``possible`` (the policy's own regions, as for numbers
    in digits: "07700 900xxx" drama numbers are as private as any; then the trunk prefix must lead), and
    written as that region dials them, the trunk prefix included where the region
    has one ("zéro quatre septante-deux ..." in Belgium, "quarenta e um, nove nove oito ..." in
    Brazil), not toll free, with at least half the digits written in words. A run may hold a number
    word more at either end ("... nonante, deux fois"): up to two groups are dropped at each end.
    Counting ("un, deux, trois, ...") is no phone."""
    out = []
    for run in runs:
        n = len(run.groups)
        for i, j in sorted(((i, j) for i in range(min(3, n)) for j in range(max(i + 3, n - 2), n + 1)),
                           key=lambda ij: ij[0] - ij[1]):
            groups = run.groups[i:j]
            digits = "".join(g.digits for g in groups)
            plus = run.plus and i == 0
            if not _SHORTEST <= len(digits) <= 15 or _counting(groups, digits) \
                    or len(digits) < 8 and _listed(groups) \
                    or 2 * sum(len(g.digits) for g in groups if g.words) < len(digits):
                # (mostly digits as written: a date or a time in prose, "01 Dez 2007, 18:25", read
                # in another language's words, is the digit finders' to judge)
                continue
            # a number shorter than 8 digits counts only where it is valid as written (seven-digit plans:
            # São Tomé, Cape Verde, many islands), never as only possible in the policy's regions
            if _dialled(digits, () if plus else regions, plus, possible if len(digits) >= 8 else ()):
                out.append((run.start if plus else groups[0].start, groups[-1].end))
                break
    return out


def _listed(groups) -> bool:
    """Single digits each set off by punctuation ("two, four, six, eight, ...") are a list, not a number
    grouped as people say one ("nove nove oito, quatro dois, um sete": blanks inside a group, commas
    between): the shortest numbers need that grouping or a compound ("vinte e três") to count."""
    return all(len(g.digits) == 1 for g in groups) and all(b.start - a.end > 1 for a, b in zip(groups, groups[1:]))


def _trunk_dialled(digits: str, region: str) -> bool:
    """``digits`` start with ``region``'s trunk prefix ("0" in the UK): a number only possible, not valid,
    counts only so ("two hundred, three hundred, four hundred" is no phone)."""
    from phonenumbers import PhoneMetadata

    prefix = (PhoneMetadata.metadata_for_region(region) or PhoneMetadata).national_prefix
    return bool(prefix) and digits.startswith(prefix) and len(digits) > len(prefix) + 6


def _counting(groups, digits: str) -> bool:
    values = [int(g.digits) for g in groups]
    steps = {b - a for a, b in zip(values, values[1:])}
    return any(digits in c for c in _COUNTING) or steps in ({1}, {-1})


def _dialled(digits: str, regions: tuple[str, ...], plus: bool, possible: tuple[str, ...] = ()) -> bool:
    """``digits`` are a valid number, not toll free, of one of ``regions`` as the region dials it
    (its national format, or its international prefix "00"/"011", country code and number), or,
    with ``plus``, the country code and a valid number; in a region of ``possible`` a possible
    number in the region's national format is enough."""
    import phonenumbers

    for raw, region in [("+" + digits, None)] if plus else [(digits, r) for r in regions]:
        try:
            num = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        valid = phonenumbers.is_valid_number(num)
        if valid and phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.TOLL_FREE:
            continue
        if not valid and not (region in possible and phonenumbers.is_possible_number(num)
                              and phonenumbers.region_code_for_country_code(num.country_code) == region
                              and _trunk_dialled(digits, region)):
            continue
        if plus:
            return True
        full = str(num.country_code) + phonenumbers.national_significant_number(num)
        national = "".join(ch for ch in phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
                           if ch.isdigit())
        if (digits == national and (not valid or phonenumbers.is_valid_number_for_region(num, region))) \
                or (digits.endswith(full) and digits[:-len(full)] in ("00", "011")):
            return True
    return False
