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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import lexicon

# a case form that is among this many commonest words of the language is that word ("mają", "ani")
FREQUENT_WORD = 1000


@dataclass(frozen=True)
class NameForms:
    lang: str
    given: dict[str, str]  # case form (nominative included), casefolded -> nominative
    surname: dict[str, str]
    endings: tuple[tuple[str, str], ...]

    def nominatives(self, cf: str) -> set[str]:
        """Every nominative the endings read ``cf`` back to (for names outside the national lists:
        "Johna" -> "john", "Lorindę" -> "lorinda")."""
        out = {cf}
        for infl, nom in self.endings:
            if cf.endswith(infl) and len(cf) - len(infl) >= 2:
                out.add(cf[:len(cf) - len(infl)] + nom)
        return out


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
    endings = tuple((str(a), str(b)) for a, b in table["endings"])
    lex = lexicon()
    given: dict[str, str] = {}
    surname: dict[str, str] = {}
    for line in _raw(f"national_names_{lang}.txt").splitlines():
        if not line.strip():
            continue
        kinds, name = line.split("\t", 1)
        wordlike = "w" in kinds
        for kind, dest in (("g", given), ("s", surname)):
            if kind not in kinds:
                continue
            dest.setdefault(name, name)
            if wordlike and kind == "g":
                continue  # "Róża", "Jagoda": their case forms are the flower's and the berry's
            for infl, nom in endings:
                if name.endswith(nom):
                    form = name[:len(name) - len(nom)] + infl
                    r = lex.lang_rank(form, lang)
                    if r is None or r >= FREQUENT_WORD:
                        dest.setdefault(form, name)
    return NameForms(lang, given, surname, endings)


def declined_given(cf: str, lang: str | None) -> bool:
    """``cf`` (casefolded) is a case form of a given name of ``lang``'s country."""
    f = name_forms(lang) if lang else None
    return f is not None and cf in f.given


def declined_surname(cf: str, lang: str | None) -> bool:
    f = name_forms(lang) if lang else None
    return f is not None and cf in f.surname
