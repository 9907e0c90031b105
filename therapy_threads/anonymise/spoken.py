"""Numbers written out in words, read into digits: the number-word reader of the phone finder
(:mod:`.phones`), for phone numbers people write out to dodge filters or as they would say them
("zéro quatre septante-deux, trente et un, ...", "quarenta e um, nove nove oito, ...",
"nul vijf twee negen, zesenveertig, ...", "null drei eins sechs, vier zwei, ...").

The words themselves are read by ``text2num`` (maintained, MIT; a Rust reader with tables for
English, French, Spanish, Portuguese, German, Dutch, Danish and Italian): single digits and
compound numbers, Belgian and Swiss "septante/huitante/octante/nonante", "quatre-vingt-dix",
the inverted compounds "zesenveertig"/"sechsundvierzig", the "e"/"y" compounds of Portuguese,
Spanish and Italian, "zero" before a digit kept as a leading "0". This module adds what a phone
number needs on top: the English "oh" for zero and "double"/"triple" before a digit, the Brazilian
"meia" for six, digits mixed with words ("04 septante-deux ..."), a "plus" or "+" before the run,
and the grouping: the numbers of one run stand next to each other with nothing but blanks and
phone punctuation between them.

It returns runs (characters and digits, with the map from each group of digits back to its
words); whether a run is a phone number is for :mod:`.phones` and libphonenumber to say.

A cheap first look comes first: the reader runs only where a text holds three numbers in a row,
the first in words, found by one regular expression of the words' beginnings per language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalise import unaccented
from .patterns import by_first_letter

# The languages text2num reads (its own list); a text in another language is not read.
LANGS = frozenset({"en", "fr", "es", "pt", "de", "nl", "da", "it"})

# The first look: the beginnings of every number word of each language (units, teens, tens,
# hundreds; compounds start with one of them: "zesenveertig", "sechsundvierzig", "quarantotto",
# "veintiuno", "dezesseis"), plus the words this module reads itself. A superset: any word that
# starts so passes, and text2num decides.
_STARTS = {
    "en": "zero|oh|nought|one|two|thr|four|fiv|fif|six|sev|eigh|nin|ten|elev|twel|twen|thirt|fort|hundred"
          "|double|triple",
    "fr": "z[ée]ro|un|deux|trois|quat|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quinze|seize|vingt"
          "|trente|quarante|cinquante|soixante|octante|nonante|cent",
    "es": "cero|un|dos|tres|cuat|cinc|seis|sesent|siet|setent|ocho|ochent|nuev|novent|die|once|doce|trece"
          "|catorce|quince|quin|veint|treint|cuarent|cien|set|novec",
    "pt": "zero|um|uma|dois|duas|tr[eêi]|quat|cat|cinc|cinq|seis|meia|sess|set|oit|nov|dez|onze|doze|quinz|vint"
          "|quarent|cem|cent|duz|quinh|seisc|setec|oitoc|novec",
    "de": "null|ein|zwei|zwo|zwölf|zwoelf|zwanzig|drei|vier|fünf|fuenf|sech|sieb|acht|neun|zehn|elf|hundert",
    "nl": "nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|der|veer|twin|tach|honderd",
    "da": "nul|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tyve|tred|fyr|halv|tres|halvfj|firs"
          "|hundrede",
    "it": "zero|un|du|tre|quat|cinq|sei|sed|set|ott|nov|die|dic|undic|dod|quind|vent|tren|quar|sess|cent",
}
_WORD = r"[^\W\d_]*(?:-[^\W\d_]+)*"
# between the numbers of a run: blanks and phone punctuation, a full stop only inside a number
# ("04.72", not "... nonante. Trois ans"); inside a compound also "and" words
_SEP = r"(?:[ \t\u00a0,/\-\u2013\u2014()]|\.(?!\s))"
_GAP = _SEP + r"+(?:(?:and|et|e|y|en|und|og)[ \t\u00a0]+)?"
_LEAD = r"[\s(:\"'«„“‘]"  # where every first look starts: the character before the first word


@lru_cache(maxsize=None)
def _first_look(lang: str) -> re.Pattern:
    """Three numbers in a row in ``lang``'s words, the first a word, the others words or digit
    groups, over a blank and the lower-cased text. The pattern starts at the blank or bracket before
    the first word, so the regex engine tries it only there (~55-60 M chars/s with the lower-casing;
    with a look-behind at the word's start it tried every letter the words start with: ~15 M)."""
    _particle, words, tail = _first_parts_look(lang)
    return re.compile(_LEAD + r"(?:" + by_first_letter(words) + r")" + tail)


# words this module reads before text2num sees them, by language
_AS = {"en": {"oh": "zero", "o": "zero", "nought": "zero"}, "pt": {"meia": "seis"}}
_REPEAT = {"en": {"double": 2, "triple": 3}}
_PLUS = re.compile(r"(?:\+|(?<![^\W\d_])plus[ \t\u00a0]*,?)[ \t\u00a0]*$", re.I)
# what may stand between two groups of one run
_JOIN = re.compile(_SEP + "*")
_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*|\s+|[^\w\s]")


class _Token:
    """A token as ``text_to_num.find_numbers`` takes it (``text``, ``nt_separated`` and
    ``not_a_number_part``, all three required), with its place in the text."""

    __slots__ = ("word", "start", "end")

    def __init__(self, word: str, start: int, end: int):
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


@dataclass(frozen=True)
class Group:
    """One number of a run: its characters in the text and its digits ("septante-deux" -> "72")."""
    start: int
    end: int
    digits: str
    words: bool  # read from words (not digits as written)


@dataclass(frozen=True)
class Run:
    """Numbers that stand next to each other: ``groups`` in order, ``plus`` when a "+" or "plus"
    stands before them (its characters included in ``start``)."""
    start: int
    end: int
    groups: tuple[Group, ...]
    plus: bool = False
    langs: tuple[str, ...] = ()  # the CLDR languages whose words these are (:mod:`.spellout`), () for the others

    @property
    def digits(self) -> str:
        return "".join(g.digits for g in self.groups)

    def offsets(self) -> list[tuple[int, int, int]]:
        """The offset map: (index of the group's first digit in :attr:`digits`, start, end in the text)."""
        out, i = [], 0
        for g in self.groups:
            out.append((i, g.start, g.end))
            i += len(g.digits)
        return out


@lru_cache(maxsize=32)
def number_runs(text: str, lang: str | None) -> tuple[Run, ...]:
    """Every run of three or more numbers, at least one of them written in words, in ``text``
    read as ``lang`` (English when None), then in the number words of any CLDR language
    (:mod:`.spellout`) where those read what the others did not. (Cached: the anonymiser's two phone
    recognizers ask about the same text, and most texts have no run.)"""
    from .spellout import spelled_runs

    low = text.lower()  # (both finders' first looks read it: lowered once)
    runs = _own_runs(text, lang, low)
    more = [Run(s, e, tuple(Group(*g) for g in gs), plus, langs) for s, e, gs, plus, langs in spelled_runs(text, low)]
    return runs + tuple(r for r in more if not any(o.start < r.end and r.start < o.end for o in runs))


def _own_runs(text: str, lang: str | None, lowered: str | None = None) -> tuple[Run, ...]:
    lang = (lang or "en").split("-")[0].lower()
    low = " " + (text.lower() if lowered is None else lowered)  # (a blank first: the first look starts at the character before a word)
    if len(low) == len(text) + 1 and _any_look(lang if lang in LANGS else None).search(low) is None \
            and (lang not in NUMBER_TABLES or _compound_look(lang).search(text) is None):
        return ()  # (most texts: one scan instead of three)
    said = tuple(r for t in DIGIT_TABLES for r in _digit_runs(text, low, t)) if len(low) == len(text) + 1 else ()
    if lang in NUMBER_TABLES:
        # a run of digit words inside a longer run of compounds is its tail ("... πενήντα δύο, μηδέν τρία")
        comp = _compound_runs(text, lang)
        said = tuple(r for r in said if not any(c.start <= r.start and r.end <= c.end for c in comp))
        said += tuple(r for r in comp if not any(o.start < r.end and r.start < o.end for o in said))
    if lang not in LANGS:
        return said
    look = _first_look(lang)
    if len(low) != len(text) + 1:  # "İ" lower-cases to two characters: read the text itself, case-blind
        look, low = re.compile(look.pattern, re.I), " " + text
    runs: list[Run] = []
    done = 0
    for m in look.finditer(low):
        if m.end() - m.start() > _LONGEST:
            continue  # dozens of numbers in a row: no phone number, and not worth reading
        # m.start() is the first word's place in the text; digits or "plus" may stand before it
        # ("0471 nonante-neuf, ..."): read from up to 30 characters earlier, from a word's start
        s = max(done, m.start() - 30)
        if s > done and not text[s - 1].isspace():
            k = _BLANK.search(text, s, m.start())
            s = k.end() if k else m.start()
        runs += _runs_in(text, s, m.end() - 1, lang)
        done = m.end() - 1
    runs += [r for r in said if not any(o.start < r.end and r.start < o.end for o in runs)]
    return tuple(runs)


_BLANK = re.compile(r"\s")


@lru_cache(maxsize=None)
def _any_look(lang: str | None) -> re.Pattern:
    """The first looks of :func:`number_runs` in one scan: :func:`_digit_look` of every language of
    :data:`DIGIT_TABLES` and :func:`_first_look` of ``lang`` (None: a language text2num does not read),
    matching somewhere exactly where one of them does. Each look is ``_LEAD``, an optional particle,
    one word of an alternation, then its tail; here they are merged by the word's first character
    (the particle, where a look has one, taken as a branch of its own: ``(?:P)?W`` matches where
    ``PW`` or ``W`` does), so after each blank the regex engine compares ~25 first letters once
    instead of entering nine looks with ~20 letters each (the blank-by-blank attempts were ~80 ns a
    character of every text, 3x less merged)."""
    looks = [_digit_parts_look(t) for t in DIGIT_TABLES] + ([_first_parts_look(lang)] if lang is not None else [])
    groups: dict[str, list[str]] = {}
    for particle, words, tail in looks:
        heads = [("", words)] + ([(particle, words)] if particle else [])
        for pre, alt in heads:
            by: dict[str, list[str]] = {}
            for w in (pre + "(?:" + alt + ")",) if pre else alt.split("|"):
                head = w[:2] if w.startswith("\\") else w[:1]
                if not head or (len(head) == 2 and head[1].isalnum()) or head in ".^$*+?{}[]()|\\":
                    raise AssertionError(f"spoken: a first look's word must start with a literal, not {w!r}")
                by.setdefault(head, []).append(w[len(head):])
            for head, rest in by.items():
                groups.setdefault(head, []).append("(?:" + "|".join(rest) + ")" + tail)
    return re.compile(_LEAD + "(?:" + "|".join(h + "(?:" + "|".join(b) + ")" for h, b in groups.items()) + ")")


def _first_parts_look(lang: str) -> tuple[str, str, str]:
    """:func:`_first_look` of ``lang`` in parts: (particle, the words' alternation, what follows the
    word); ``_LEAD + "(?:" + by_first_letter(words) + ")" + tail`` is its pattern."""
    word = r"(?:" + by_first_letter(_STARTS[lang]) + r")" + _WORD
    return "", _STARTS[lang], _WORD + r"(?:" + _GAP + r"(?:" + word + r"|\d{1,5}(?!\w))){2,}"


# Digit words of languages text2num has no table for, said one digit at a time as people read a phone
# number out, from each language's grammar: Malay and Indonesian ("kosong"/"sifar"/"nol" zero, "lapan"
# in Malaysia and "delapan" in Indonesia for eight); Greek; Irish, whose counting numbers take the particle "a"
# and an "h" before a vowel ("a náid, a haon, a dó, ..."), the length marks optional as people type them.
# Read in text of any language: both are written inside English (code-switching). ``regions``: the
# countries whose national formats such a number is dialled in.
DIGIT_TABLES: dict[str, dict] = {
    "ms": {"digits": {"kosong": 0, "sifar": 0, "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
                      "enam": 6, "tujuh": 7, "lapan": 8, "delapan": 8, "sembilan": 9},
           "particle": "", "regions": ("MY", "SG", "BN", "ID")},
    "ga": {"digits": {"náid": 0, "naid": 0, "aon": 1, "haon": 1, "dó": 2, "do": 2, "trí": 3, "tri": 3,
                      "ceathair": 4, "cúig": 5, "cuig": 5, "sé": 6, "se": 6, "seacht": 7, "ocht": 8, "hocht": 8,
                      "naoi": 9},
           "particle": "a", "regions": ("IE", "GB")},
    # Greek: the digits with and without their accents, and the spoken variants "εφτά"/"επτά", "οχτώ"/"οκτώ",
    # "εννιά"/"εννέα"
    "el": {"digits": {"μηδέν": 0, "μηδεν": 0, "ένα": 1, "ενα": 1, "δύο": 2, "δυο": 2, "τρία": 3, "τρια": 3,
                      "τέσσερα": 4, "τεσσερα": 4, "πέντε": 5, "πεντε": 5, "έξι": 6, "εξι": 6, "επτά": 7, "επτα": 7,
                      "εφτά": 7, "εφτα": 7, "οκτώ": 8, "οκτω": 8, "οχτώ": 8, "οχτω": 8, "εννέα": 9, "εννεα": 9,
                      "εννιά": 9, "εννια": 9},
           "particle": "", "regions": ("GR", "CY")},
    # The French-based creoles, whose digits are French words respelt by each creole's phonemic orthography
    # (the final consonant written, no silent letters): of the Indian Ocean, Kreol morisien (Grafi Larmoni:
    # "enn", "sink", "wit", "nef"), Kreol seselwa ("en", "senk") and the Réunionnais ("in", "dé", "troi", "sèt",
    # "uit") - as written in French text by Mauritians, Rodriguans, Seychellois and Réunionnais; and of the
    # Caribbean, Haitian (Kreyòl: "zewo", "youn"/"en", "twa", "sèt", "uit", "nèf") with the Antillean spellings
    # ("yonn", "dé"). Accents optional as people type them. "in" and "en" stand for one only in a run of digits.
    "mfe": {"digits": {"zero": 0, "zéro": 0, "enn": 1, "en": 1, "in": 1, "de": 2, "dé": 2, "trwa": 3, "troi": 3,
                       "kat": 4, "sink": 5, "senk": 5, "sis": 6, "set": 7, "sèt": 7, "wit": 8, "uit": 8, "nef": 9,
                       "nèf": 9},
            "particle": "", "regions": ("MU", "SC", "RE", "YT")},
    "ht": {"digits": {"zewo": 0, "zero": 0, "youn": 1, "yonn": 1, "en": 1, "de": 2, "dé": 2, "twa": 3, "kat": 4,
                      "senk": 5, "sis": 6, "sèt": 7, "set": 7, "uit": 8, "wit": 8, "nèf": 9, "nef": 9},
           "particle": "", "regions": ("HT", "GP", "MQ", "GF")},
    # German digits as a number is read out ("null eins sieben sechs"), "zwo" for two on the telephone, "eins"
    # (not the article "ein"): text2num reads German only in German text, and a migrant's family writes the
    # number as it was said to them in a post of another language (Polish, Turkish, Greek of Germany's diaspora)
    "de": {"digits": {"null": 0, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
                      "sechs": 6, "sieben": 7, "acht": 8, "neun": 9},
           "particle": "", "regions": ("DE", "AT", "CH")},
    # West Frisian (Frysk) digits, of its standard spelling (Fryske Akademy; "sân" seven, "njoggen" nine), written
    # in Dutch text by Frisians; text2num has Dutch only. "san" without its accent is left out (a word elsewhere)
    "fy": {"digits": {"nul": 0, "ien": 1, "twa": 2, "trije": 3, "fjouwer": 4, "fiif": 5, "seis": 6, "sân": 7,
                      "acht": 8, "njoggen": 9},
           "particle": "", "regions": ("NL",)},
    # Vietnamese digits (CLDR spellout-numbering of vi: "không" zero, "một" ... "chín"; "bẩy" the northern spelling
    # of seven), said one at a time as Vietnamese read a number out; only the forms with their tone marks but the
    # toneless "hai" and "ba", as the toneless others are words of other languages ("mot", "sau", "bay", "nam")
    "vi": {"digits": {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
                      "tám": 8, "chín": 9},
           "particle": "", "regions": ("VN",)},
}

# Greeklish: Greek written in Latin letters, as Greeks and Cypriots type on phones and abroad ("ena dyo tria"). Its
# digit words are the Greek ones above transliterated, each letter or digraph in the spellings people use for it
# (ELOT 743 and the phonetic ones: "υ" as "y" or "i", "ξ" as "x" or "ks", "χ" as "x", "ch" or "h", "ω" as "o" or
# "w", "ει" as "i" or "ei", "ντ" as "nt" or "d", "θ" as "th" or "8"), a doubled consonant also written once
# ("enia" for "εννιά"). Derived, not listed.
_GREEKLISH = {"α": ("a",), "β": ("v",), "γ": ("g",), "δ": ("d",), "ε": ("e",), "ζ": ("z",), "η": ("i",),
              "θ": ("th", "8"), "ι": ("i",), "κ": ("k",), "λ": ("l",), "μ": ("m",), "ν": ("n",), "ξ": ("x", "ks"),
              "ο": ("o",), "π": ("p",), "ρ": ("r",), "σ": ("s",), "ς": ("s",), "τ": ("t",), "υ": ("y", "i"),
              "φ": ("f",), "χ": ("x", "ch", "h"), "ψ": ("ps",), "ω": ("o", "w")}
_GREEKLISH_PAIRS = {"ει": ("i", "ei"), "οι": ("i", "oi"), "αι": ("e", "ai"), "ου": ("ou", "u"), "ευ": ("ef", "ev", "eu"),
                    "αυ": ("af", "av", "au"), "μπ": ("mp", "b"), "ντ": ("nt", "d"), "γκ": ("gk", "g"), "γγ": ("ng", "gg")}


def greeklish(word: str) -> frozenset[str]:
    """The Latin spellings of an unaccented, lower-case Greek word ("εννια" -> "ennia", "enia", ...)."""
    outs = [""]
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair in _GREEKLISH_PAIRS:
            opts, i = _GREEKLISH_PAIRS[pair], i + 2
        else:
            opts, i = _GREEKLISH.get(word[i], (word[i],)), i + 1
        outs = [o + x for o in outs for x in opts]
    singled = {re.sub(r"([^aeiouy])\1", r"\1", o) for o in outs}
    return frozenset(outs) | frozenset(singled)


DIGIT_TABLES["el_latn"] = {
    "digits": {g: v for w, v in DIGIT_TABLES["el"]["digits"].items() if w == unaccented(w)
               for g in greeklish(w)},
    "particle": "", "regions": DIGIT_TABLES["el"]["regions"]}


def digit_regions() -> tuple[str, ...]:
    """The countries of :data:`DIGIT_TABLES`' languages."""
    return tuple(dict.fromkeys(r for t in DIGIT_TABLES.values() for r in t["regions"]))


def _digit_parts(lang: str) -> tuple[str, str]:
    """``lang``'s digit words as one alternation (longest first) and its optional particle before them."""
    table = DIGIT_TABLES[lang]
    words = "|".join(sorted(map(re.escape, table["digits"]), key=len, reverse=True))
    particle = r"(?:" + re.escape(table["particle"]) + r"[ \t\u00a0]+)?" if table["particle"] else ""
    return words, particle


@lru_cache(maxsize=None)
def _digit_word(lang: str) -> re.Pattern:
    """One digit word of ``lang``'s table, its particle optional before it, as a whole word."""
    words, particle = _digit_parts(lang)
    return re.compile(r"(?<![^\W\d_])" + particle + r"(?P<w>" + words + r")(?![^\W\d_])", re.I)


@lru_cache(maxsize=None)
def _digit_look(lang: str) -> re.Pattern:
    """The first look: three digit words of ``lang`` in a row, over a blank and the lower-cased text
    (starting at the character before a word, as :func:`_first_look`)."""
    particle, words, tail = _digit_parts_look(lang)
    return re.compile(_LEAD + (r"(?:" + particle + r")?" if particle else "") + "(?:" + by_first_letter(words) + ")"
                      + tail)


def _digit_parts_look(lang: str) -> tuple[str, str, str]:
    """:func:`_digit_look` of ``lang`` in parts: (its particle and blanks, "" if none; the digit words'
    alternation; what follows the word)."""
    words, particle = _digit_parts(lang)
    one = particle + "(?:" + by_first_letter(words) + ")" + r"(?![^\W\d_])"
    bare = re.escape(DIGIT_TABLES[lang]["particle"]) + r"[ \t\u00a0]+" if particle else ""
    return bare, words, r"(?![^\W\d_])(?:" + _SEP + r"+" + one + r"){2,}"


def _digit_runs(text: str, low: str, lang: str) -> list[Run]:
    """Runs of single digits said in ``lang``'s digit words (:data:`DIGIT_TABLES`), any other
    text between them breaking the run; three or more make a run. ``low``: a blank and the text lower-cased,
    of the same length."""
    table, word = DIGIT_TABLES[lang]["digits"], _digit_word(lang)
    runs: list[Run] = []
    for m in _digit_look(lang).finditer(low):
        gs: list[Group] = []
        for w in word.finditer(text, m.start(), m.end() - 1):
            if gs and not _JOIN.fullmatch(text, gs[-1].end, w.start()):
                if len(gs) >= 3:
                    runs.append(_run(text, gs))
                gs = []
            gs.append(Group(w.start(), w.end(), str(_word_key(table, w.group("w"))), True))
        if len(gs) >= 3:
            runs.append(_run(text, gs))
    return runs


def _word_key(table: dict, word: str):
    """``table``'s entry for ``word``, matched as the case-insensitive patterns match it: ``re.I``
    also equates letters whose lower case differs (long s, dotless i, the Kelvin sign), so
    ``word.lower()`` alone can miss the key that matched."""
    for key in (word.lower(), word.casefold()):
        if key in table:
            return table[key]
    return next(v for k, v in table.items() if re.fullmatch(re.escape(k), word, re.I))


def _run(text: str, gs: list[Group]) -> Run:
    """The groups as a run, with a "plus" or "+" right before them."""
    p = _PLUS.search(text, max(0, gs[0].start - 8), gs[0].start)
    return Run(p.start() if p else gs[0].start, gs[-1].end, tuple(gs), p is not None)


# the most characters a run that holds a phone number can take: 15 digits, one group each, two groups
# more at either end, ~30 characters a group ("quatrocentos e setenta e sete, ")
_LONGEST = 19 * 30


def _runs_in(text: str, start: int, end: int, lang: str) -> list[Run]:
    from text_to_num import find_numbers

    swap, repeat = _AS.get(lang, {}), _REPEAT.get(lang, {})
    tokens = [_Token(swap.get(t.group(0).lower(), t.group(0)), t.start(), t.end())
              for t in _TOKEN.finditer(text, start, end)]
    try:
        found = find_numbers(tokens, lang, 0.0)
    except BaseException as exc:  # text2num's Rust panics arrive as pyo3's PanicException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return []
    groups: list[Group] = []
    by_start = {}
    for o in found:
        if o.is_ordinal or o.value >= 1000:
            continue  # "deuxième", "deux mille vingt-six": no group of a phone number
        by_start[o.start] = Group(tokens[o.start].start, tokens[o.end - 1].end, o.text, True)
    i = 0
    while i < len(tokens):
        g = by_start.get(i)
        if g is not None:
            groups.append(g)
            while i < len(tokens) and tokens[i].end <= g.end:
                i += 1
            continue
        t = tokens[i]
        if t.word.isdigit() and len(t.word) <= 5:
            groups.append(Group(t.start, t.end, t.word, False))
        i += 1
    groups = _repeated(text, groups, repeat)
    # split into runs where something other than blanks and phone punctuation stands between
    out: list[list[Group]] = []
    for g in groups:
        if out and _JOIN.fullmatch(text, out[-1][-1].end, g.start):
            out[-1].append(g)
        else:
            out.append([g])
    runs = []
    for gs in out:
        if len(gs) < 3 or not any(g.words for g in gs):
            continue
        runs.append(_run(text, gs))
    return runs


def _repeated(text: str, groups: list[Group], repeat: dict[str, int]) -> list[Group]:
    """"double two" -> "22": a repeat word right before a one-digit group repeats it, and the
    group starts at the repeat word."""
    if not repeat:
        return groups
    out = []
    for g in groups:
        m = re.search(r"(?<![^\W\d_])([^\W\d_]+)[ \t\u00a0]+$", text[max(0, g.start - 10):g.start])
        n = repeat.get(m.group(1).lower()) if m else None
        if n and len(g.digits) == 1:
            g = Group(g.start - len(m.group(0)), g.end, g.digits * n, True)
        out.append(g)
    return out


# Number words of languages text2num has no table for, said as a phone number is read out in them: single
# digits and numbers up to 999 ("šest nula dva, sto čtyřicet osm, devět set sedmnáct"), from the languages'
# grammar: Czech (units with the feminine/neuter "jedna", "dvě"; "sto", and a unit before "stě"/"sta"/"set"
# for the hundreds), Slovak (the hundreds written as one word: "dvesto", "päťsto") and Polish (likewise:
# "dwieście", "pięćset"). Read only in text of
# that language. Each kind: "units" 0-9, "teens" 10-19, "tens" 20-90, "hundreds" a whole hundred, "times"
# the word for hundred after a unit ("devět set" = 900).
NUMBER_TABLES: dict[str, dict[str, dict[str, int]]] = {
    "cs": {"units": {"nula": 0, "jedna": 1, "jeden": 1, "jedno": 1, "dva": 2, "dvě": 2, "tři": 3, "čtyři": 4,
                     "pět": 5, "šest": 6, "sedm": 7, "osm": 8, "devět": 9},
           "teens": {"deset": 10, "jedenáct": 11, "dvanáct": 12, "třináct": 13, "čtrnáct": 14, "patnáct": 15,
                     "šestnáct": 16, "sedmnáct": 17, "osmnáct": 18, "devatenáct": 19},
           "tens": {"dvacet": 20, "třicet": 30, "čtyřicet": 40, "padesát": 50, "šedesát": 60, "sedmdesát": 70,
                    "osmdesát": 80, "devadesát": 90},
           "hundreds": {"sto": 100},
           "times": {"stě": 100, "sta": 100, "set": 100}},
    "sk": {"units": {"nula": 0, "jeden": 1, "jedna": 1, "jedno": 1, "dva": 2, "dve": 2, "tri": 3, "štyri": 4,
                     "päť": 5, "šesť": 6, "sedem": 7, "osem": 8, "deväť": 9},
           "teens": {"desať": 10, "jedenásť": 11, "dvanásť": 12, "trinásť": 13, "štrnásť": 14, "pätnásť": 15,
                     "šestnásť": 16, "sedemnásť": 17, "osemnásť": 18, "devätnásť": 19},
           "tens": {"dvadsať": 20, "tridsať": 30, "štyridsať": 40, "päťdesiat": 50, "šesťdesiat": 60,
                    "sedemdesiat": 70, "osemdesiat": 80, "deväťdesiat": 90},
           "hundreds": {"sto": 100, "dvesto": 200, "tristo": 300, "štyristo": 400, "päťsto": 500, "šesťsto": 600,
                        "sedemsto": 700, "osemsto": 800, "deväťsto": 900},
           "times": {}},
    # Polish: "jeden"/"jedna"/"jedno" and "dwa"/"dwie" by gender, the hundreds one word each ("sto", "dwieście",
    # "trzysta", "czterysta", "pięćset" ... "dziewięćset")
    "pl": {"units": {"zero": 0, "jeden": 1, "jedna": 1, "jedno": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4,
                     "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8, "dziewięć": 9},
           "teens": {"dziesięć": 10, "jedenaście": 11, "dwanaście": 12, "trzynaście": 13, "czternaście": 14,
                     "piętnaście": 15, "szesnaście": 16, "siedemnaście": 17, "osiemnaście": 18, "dziewiętnaście": 19},
           "tens": {"dwadzieścia": 20, "trzydzieści": 30, "czterdzieści": 40, "pięćdziesiąt": 50,
                    "sześćdziesiąt": 60, "siedemdziesiąt": 70, "osiemdziesiąt": 80, "dziewięćdziesiąt": 90},
           "hundreds": {"sto": 100, "dwieście": 200, "trzysta": 300, "czterysta": 400, "pięćset": 500,
                        "sześćset": 600, "siedemset": 700, "osiemset": 800, "dziewięćset": 900},
           "times": {}},
    # Greek (CLDR spellout-cardinal of el): the digits of DIGIT_TABLES with the masculine/feminine "τρεις",
    # "τέσσερις", "μία"/"μια"; the teens one word ("δεκαεννιά"), the tens, the hundreds one word each ("εκατό",
    # before a number "εκατόν", "διακόσια" ...), the spoken variants ("εφτά", "οχτώ", "εννιά") and, as people type
    # them, without accents
    "el": {"units": {**DIGIT_TABLES["el"]["digits"], "τρεις": 3, "τρεισ": 3, "τέσσερις": 4, "τεσσερις": 4,
                     "μία": 1, "μια": 1},
           "teens": {w: v for stem, v in (("δέκα", 10), ("έντεκα", 11), ("ένδεκα", 11), ("δώδεκα", 12),
                                          ("δεκατρία", 13), ("δεκατέσσερα", 14), ("δεκαπέντε", 15), ("δεκαέξι", 16),
                                          ("δεκάξι", 16), ("δεκαεπτά", 17), ("δεκαεφτά", 17), ("δεκαοκτώ", 18),
                                          ("δεκαοχτώ", 18), ("δεκαεννέα", 19), ("δεκαεννιά", 19))
                     for w in (stem, unaccented(stem))},
           "tens": {w: v for stem, v in (("είκοσι", 20), ("τριάντα", 30), ("σαράντα", 40), ("πενήντα", 50),
                                         ("εξήντα", 60), ("εβδομήντα", 70), ("ογδόντα", 80), ("ενενήντα", 90))
                    for w in (stem, unaccented(stem))},
           "hundreds": {w: v for stem, v in (("εκατό", 100), ("εκατόν", 100), ("διακόσια", 200),
                                             ("τριακόσια", 300), ("τετρακόσια", 400), ("πεντακόσια", 500),
                                             ("εξακόσια", 600), ("επτακόσια", 700), ("εφτακόσια", 700),
                                             ("οκτακόσια", 800), ("οχτακόσια", 800), ("εννιακόσια", 900),
                                             ("εννεακόσια", 900))
                        for w in (stem, unaccented(stem))},
           "times": {}},
}


@lru_cache(maxsize=None)
def _number_word(lang: str) -> tuple[re.Pattern, dict[str, tuple[str, int]]]:
    """One number word of ``lang``'s :data:`NUMBER_TABLES` as a whole word, and each word's kind and value."""
    kinds = {w: (kind, v) for kind, words in NUMBER_TABLES[lang].items() for w, v in words.items()}
    alt = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
    return re.compile(r"(?<![^\W\d_])(?:" + alt + r")(?![^\W\d_])", re.I), kinds


@lru_cache(maxsize=None)
def _compound_look(lang: str) -> re.Pattern:
    """The first look of :func:`_compound_runs`: three number words of ``lang`` in a row with only
    phone punctuation between them (:data:`_SEP`), which every run of three numbers holds (its words
    are joined by blanks within a number and by :data:`_JOIN` between numbers)."""
    word = _number_word(lang)[0].pattern
    return re.compile(word + r"(?:" + _SEP + r"+" + word + r"){2,}", re.I)


def _compound_runs(text: str, lang: str) -> list[Run]:
    """Runs of three or more numbers said in ``lang``'s words (:data:`NUMBER_TABLES`), each number a
    digit or a compound up to 999 read by the grammar of the words' order (a hundred takes tens and
    units after it, a ten a unit), anything but blanks and phone punctuation between words ending the run."""
    pat, kinds = _number_word(lang)
    runs: list[Run] = []
    gs: list[Group] = []
    value, stage, prev_end = 0, 0, -1  # stage: 3 after a hundred, 2 after a ten, 1 closed, 0 no number yet

    def close():
        nonlocal gs
        if len(gs) >= 3:
            runs.append(_run(text, gs))
        gs = []

    for m in pat.finditer(text):
        kind, v = _word_key(kinds, m.group(0))
        if gs and not _JOIN.fullmatch(text, prev_end, m.start()):
            close()
            stage = 0
        blank = gs and text[prev_end:m.start()].strip(" \t\u00a0") == ""
        if kind == "times" and gs and blank and stage == 1 and 0 < value < 10:
            value, stage = value * v, 3
        elif kind == "tens" and stage == 3 and blank:
            value, stage = value + v, 2
        elif kind in ("teens", "units") and (stage == 3 or stage == 2 and kind == "units") and blank and v:
            value, stage = value + v, 1
        elif kind == "times":
            close()
            stage, prev_end = 0, m.end()
            continue
        else:
            value, stage = v, 3 if kind == "hundreds" else 2 if kind == "tens" else 1
            gs.append(Group(m.start(), m.end(), "", True))
        gs[-1] = Group(gs[-1].start, m.end(), str(value), True)
        prev_end = m.end()
    close()
    return runs
