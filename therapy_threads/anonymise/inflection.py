"""Case forms of personal names in languages that decline them.

Polish names change their ending with the case: "Kasia" is "Kasi", "Kasię", "Kasią", "Kasiu";
"Tomek" is "Tomka", "Tomkowi", "Tomkiem", "Tomku"; "Kowalska" is "Kowalskiej", "Kowalską". The
name lexicons hold nominatives only, so without this a name is found only in the nominative.

The case endings are in ``therapy_threads/data/name_inflection.toml``, one table per language,
written from the declension paradigms; the names declined are the country's given names and
surnames in ``national_names_<lang>.txt`` (names-dataset, checked against the language's Hunspell
dictionary; see ``lexicon_export.py --national``). A case form counts as the name's only when it
is no frequent word of the language ("mają" is "they have", not a form of "Maja"), and a name that
is also an ordinary word ("Róża", "Wilk") is declined only as a surname, which the recognizers
read only capitalised inside a sentence.
"""
from __future__ import annotations

import hashlib
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..normalise import unaccented
from .lexicon import lexicon

# a case form that is among this many commonest words of the language is that word ("mają", "ani")
FREQUENT_WORD = 1000


@dataclass(frozen=True)
class NameForms:
    lang: str
    given: dict[str, str]  # case form (nominative included), casefolded -> nominative
    # surnames, and given names that are also ordinary words ("Wiktoria", "Róża"): names only capitalised
    # inside a sentence, where the language writes no common noun with a capital
    surname: dict[str, str]
    words: frozenset[str]  # nominatives and case forms of names that the dictionary also has as words ("wilk")
    not_names: frozenset[str]  # names of the other countries' lists that are only words here ("wielki", "centrum")
    endings: tuple[tuple[str, str], ...]
    fold: bool = False  # forms are also matched without accents (Greek: "Γιωργο", "Αλεξάνδρου")


def strip_accents(cf: str) -> str:
    """``cf`` without its combining marks ("αλεξάνδρου" -> "αλεξανδρου")."""
    return unicodedata.normalize("NFC", unaccented(cf))


def _raw(name: str) -> str:
    return (resources.files("therapy_threads") / "data" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, str]:
    raw = _raw("name_inflection.toml")
    return tomllib.loads(raw), hashlib.sha256(raw.encode("utf-8")).hexdigest()


def digest() -> str:
    """The endings' and the national name lists' digest (part of the anonymiser fingerprint)."""
    h = hashlib.sha256(_tables()[1].encode())
    for lang in sorted(_tables()[0]):
        h.update(_raw(f"national_names_{lang}.txt").encode("utf-8"))
    return h.hexdigest()


def languages() -> frozenset[str]:
    return frozenset(_tables()[0])


@lru_cache(maxsize=None)
def name_forms(lang: str | None) -> NameForms | None:
    """The case forms of the national names of ``lang``, or None when the language declines no names here."""
    table = _tables()[0].get(lang or "")
    if table is None:
        return None
    # (casefolded, as the tokens are: the Greek final "ς" is "σ")
    endings = tuple((str(a).casefold(), str(b).casefold()) for a, b in table["endings"])
    fold = bool(table.get("fold_accents", False))
    lex = lexicon()
    given: dict[str, str] = {}
    surname: dict[str, str] = {}
    words: set[str] = set()
    not_names: set[str] = set()
    for line in _raw(f"national_names_{lang}.txt").splitlines():
        if not line.strip():
            continue
        kinds, name = line.split("\t", 1)
        if kinds == "x":
            not_names.add(name)
            continue
        wordlike = "w" in kinds
        for kind, dest in (("g", given), ("s", surname)):
            if kind not in kinds:
                continue
            if wordlike and kind == "g":
                # "Róża", "Jagoda": a name capitalised inside a sentence; opening one, or in lower case, the
                # flower and the berry (the nominative stays a given name, as the lexicons have it)
                given.setdefault(name, name)
                dest = surname
            dest.setdefault(name, name)
            for infl, nom in endings:
                if name.endswith(nom):
                    form = name[:len(name) - len(nom)] + infl
                    r = lex.lang_rank(form, lang)
                    if r is None or r >= FREQUENT_WORD:
                        dest.setdefault(form, name)
                        if wordlike:
                            words.add(form)
        if wordlike:
            words.add(name)
    if fold:  # the same forms without accents, for the names' and the words' lookups alike
        for dest in (given, surname):
            for form, nom in list(dest.items()):
                dest.setdefault(strip_accents(form), nom)
        words |= {strip_accents(w) for w in words}
    return NameForms(lang, given, surname, frozenset(words), frozenset(not_names), endings, fold)


def declined_given(cf: str, lang: str | None) -> bool:
    """``cf`` (casefolded) is a case form of a given name of ``lang``'s country."""
    f = name_forms(lang) if lang else None
    return f is not None and (cf in f.given or f.fold and strip_accents(cf) in f.given)


def declined_surname(cf: str, lang: str | None) -> bool:
    """A case form of a surname (or of a given name that is also a word); a double surname of two
    ("Nowak-Kowalska", "Pawlak-Dudek")."""
    f = name_forms(lang) if lang else None
    if f is None:
        return False
    if f.fold:
        cf = strip_accents(cf)
    if "-" in cf:
        parts = cf.split("-")
        return len(parts) == 2 and all(p in f.surname or p in f.given for p in parts)
    return cf in f.surname


def only_word(cf: str, lang: str | None) -> bool:
    """``cf`` is in the other countries' name lists but only an ordinary word of ``lang`` ("Wielki", "Centrum")."""
    f = name_forms(lang) if lang else None
    if f is None or cf in f.given or cf in f.surname:
        return False
    if cf in f.not_names:
        return True
    r = lexicon().lang_rank(cf, lang)  # the commonest words, whatever the dictionary also capitalises ("Wielki")
    return r is not None and r < FREQUENT_WORD


def lower_word(cf: str, lang: str | None) -> bool:
    """In lower case ``cf`` is an ordinary word that is also a name of ``lang``'s country: "sikora" (a tit),
    "kalina" (a guelder rose), "wilka" (a wolf's)."""
    f = name_forms(lang) if lang else None
    return f is not None and (cf in f.words or f.fold and strip_accents(cf) in f.words)


def vowel_stem(lang: str | None) -> bool:
    """``lang``'s empty nominative ending stands for the name itself, vowel-final as most are (Finnish "Usva" ->
    "Usvalle"), not only for a name in a consonant (Polish "Jan" -> "Janowi")."""
    return bool(_tables()[0].get(lang or "", {}).get("vowel_stem", False))


@lru_cache(maxsize=None)
def _place_endings(lang: str) -> tuple[tuple[str, str], ...]:
    table = _tables()[0].get(lang, {})
    pairs = [(str(a), str(b)) for a, b in table.get("endings", ())]
    pairs += [(str(a), str(b)) for a, b in table.get("place_endings", ())]
    return tuple(pairs)


def nominatives(word: str, lang: str | None) -> tuple[str, ...]:
    """The word as written and every nominative its case ending may stand for in ``lang`` ("Hradce" ->
    "Hradec", "Králova" -> "Královo"), by the name and place endings of the language's table; the word
    alone where the language declines nothing here."""
    if not lang or lang not in _tables()[0]:
        return (word,)
    out = [word]
    for infl, nom in _place_endings(lang):
        if infl and word.endswith(infl) and len(word) - len(infl) >= 2:
            cand = word[:len(word) - len(infl)] + nom
            if cand not in out:
                out.append(cand)
    return tuple(out)


def declines_as_word(cf: str, lang: str | None) -> bool:
    """In lower case ``cf`` is a word of ``lang`` that the frequency list holds only in its other case forms
    (the list leaves out a word that is also a surname: "král" is gone, "krále", "králi", "králem" are there):
    two or more of its case forms are frequent words."""
    f = name_forms(lang) if lang else None
    if f is None:
        return False
    lex = lexicon()
    hits = set()
    for infl, nom in f.endings:
        if infl != nom and cf.endswith(nom) and len(cf) - len(nom) >= 2 and not (nom == "" and cf[-1] in "aeiouyáéíóúýě"):
            form = cf[:len(cf) - len(nom)] + infl
            r = lex.lang_rank(form, lang)
            if r is not None and r < 20000:
                hits.add(form)
    return len(hits) >= 2
