"""The words people say for the characters of an e-mail address or a web address, one table per language.

People who write an address out to dodge filters (or because that is how they would say it on the phone)
use their own language's words: "name dot surname at example dot co dot in", "anna unterstrich k bei example
punkt de", "nome ponto apelido arroba example ponto pt", "x punkt y ät z punkt ch". The written-out address
patterns of :mod:`.patterns` are built from this table, so adding a language is adding a row.

Each row gives, for one language, what its speakers say for

- ``at``: "@" (the names are mostly of animals: Dutch "apenstaartje" monkey's tail, Polish "małpa" monkey,
  Italian "chiocciola" snail, Czech "zavináč" rolled herring, Swedish "snabel-a" trunk a, Hungarian "kukac"
  maggot, Greek "παπάκι" duckling; German "Klammeraffe"; and everywhere the English "at", said as written);
- ``dot``: "." (the language's word for a full stop or point; Danish and Norwegian also "prik"/"prikk", the word
  for a dot that is not a full stop, as in "vg prikk no");
- ``underscore``: "_" ("Unterstrich", "trattino basso", "guion bajo", "tiret du 8", "podkreślnik", ...);
- ``hyphen``: "-" ("Bindestrich", "trattino", "guion", "traço", "streepje", "myślnik", "pomlčka", ...);
- ``slash``: "/" ("Schrägstrich", "barra", "schuine streep", "ukośnik", "lomítko", ...).

Words are lower case; a blank stands for any run of blanks ("guion  bajo"). A word with letters that
carry accents also matches without them ("zavinac", "pomlcka"), as people type on phones without them;
letters that do not decompose are given both ways by hand ("małpa", "malpa").

``PROSE_AT`` lists the at-words that are also everyday prepositions of their language (English "by" is
Afrikaans "@", German "bei", Italian and Indonesian "di", Irish "ag"): each is read as "@" only in an
address written with its own language's dot-word ("anna unterstrich k bei example punkt de", never
"ich bin bei Punkt drei" or "a post by x dot com").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..normalise import unaccented

KINDS = ("at", "dot", "underscore", "hyphen", "slash")

# One row a language: the everyday names of the characters, as people say them when they read an address
# out on the phone (several per language where speakers differ: "Bindestrich" or "Strich", "guion" or "guión").
TABLE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"at": ("at",), "dot": ("dot",), "underscore": ("underscore", "under score"),
           "hyphen": ("dash", "hyphen"), "slash": ("slash", "forward slash")},
    "de": {"at": ("ät", "klammeraffe", "bei"), "dot": ("punkt",), "underscore": ("unterstrich",),
           "hyphen": ("bindestrich", "strich"), "slash": ("schrägstrich", "schraegstrich")},
    # "a commercial" is the Office québécois de la langue française's name for "@", said in Québec
    "fr": {"at": ("arobase", "arrobase", "arobas", "a commercial"), "dot": ("point",),
           "underscore": ("tiret bas", "tiret du 8", "tiret du huit", "tiret de soulignement"),
           "hyphen": ("tiret", "trait d'union"), "slash": ("barre oblique",)},
    "es": {"at": ("arroba",), "dot": ("punto",), "underscore": ("guion bajo", "guión bajo", "barra baja"),
           "hyphen": ("guion", "guión"), "slash": ("barra", "barra inclinada")},
    "pt": {"at": ("arroba",), "dot": ("ponto",), "underscore": ("sublinhado", "underline", "traço baixo"),
           "hyphen": ("hífen", "traço", "tracinho"), "slash": ("barra",)},
    "it": {"at": ("chiocciola", "chiocciolina"), "dot": ("punto",), "underscore": ("trattino basso",),
           "hyphen": ("trattino", "lineetta"), "slash": ("barra",)},
    "nl": {"at": ("apenstaartje", "apestaartje"), "dot": ("punt",),
           "underscore": ("laag streepje", "liggend streepje"), "hyphen": ("streepje", "koppelteken"),
           "slash": ("schuine streep",)},
    "pl": {"at": ("małpa", "malpa", "małpka", "malpka"), "dot": ("kropka",),
           "underscore": ("podkreślnik", "podkreslnik", "podłoga", "podloga"),
           "hyphen": ("myślnik", "myslnik", "łącznik", "lacznik"), "slash": ("ukośnik", "ukosnik")},
    "cs": {"at": ("zavináč",), "dot": ("tečka",), "underscore": ("podtržítko",),
           "hyphen": ("pomlčka", "spojovník"), "slash": ("lomítko",)},
    "sk": {"at": ("zavináč",), "dot": ("bodka",), "underscore": ("podčiarkovník",),
           "hyphen": ("pomlčka", "spojovník"), "slash": ("lomka",)},
    "sv": {"at": ("snabel-a", "snabela"), "dot": ("punkt",), "underscore": ("understreck",),
           "hyphen": ("bindestreck",), "slash": ("snedstreck",)},
    "da": {"at": ("snabel-a", "snabela"), "dot": ("punktum", "prik"), "underscore": ("understreg", "understregning"),
           "hyphen": ("bindestreg",), "slash": ("skråstreg", "skraastreg")},
    "no": {"at": ("krøllalfa", "alfakrøll", "snabel-a", "snabela"), "dot": ("punktum", "prikk"),
           "underscore": ("understrek",), "hyphen": ("bindestrek",), "slash": ("skråstrek", "skraastrek")},
    "fi": {"at": ("ät", "miukumauku"), "dot": ("piste",), "underscore": ("alaviiva",),
           "hyphen": ("yhdysviiva", "väliviiva", "viiva"), "slash": ("kauttaviiva", "vinoviiva")},
    "ca": {"at": ("arrova", "arroba"), "dot": ("punt",), "underscore": ("guió baix",),
           "hyphen": ("guió", "guionet"), "slash": ("barra",)},
    # languages the sets' readers also write in
    "ro": {"at": ("arond",), "dot": ("punct",), "underscore": (), "hyphen": ("cratimă",), "slash": ("bară oblică",)},
    "hu": {"at": ("kukac",), "dot": ("pont",), "underscore": ("alulvonás",), "hyphen": ("kötőjel",), "slash": ("perjel",)},
    "tr": {"at": (), "dot": ("nokta",), "underscore": ("alt çizgi",), "hyphen": ("tire",), "slash": ("eğik çizgi", "slaş")},
    "ru": {"at": ("sobaka",), "dot": ("tochka",), "underscore": (), "hyphen": (), "slash": ("slesh",)},  # transliterated
    "uk": {"at": ("sobaka",), "dot": ("krapka",), "underscore": (), "hyphen": (), "slash": ("slesh",)},  # transliterated
    "el": {"at": ("παπάκι", "papaki"), "dot": ("τελεία", "teleia"), "underscore": (), "hyphen": (),
           "slash": ("κάθετος", "kathetos")},
    "af": {"at": ("by",), "dot": ("punt",), "underscore": (), "hyphen": (), "slash": ("skuinsstreep",)},
    "ga": {"at": ("ag",), "dot": ("ponc",), "underscore": (), "hyphen": (), "slash": ("slais",)},
    # Indonesian and Malay: "di", and "et" as the English "at" is spelled there
    "id": {"at": ("di", "et"), "dot": ("titik",), "underscore": ("garis bawah",), "hyphen": (), "slash": ("garis miring",)},
}
# said the same in (nearly) every language: the English words, "@" itself
EVERYWHERE: dict[str, tuple[str, ...]] = {"at": ("at", "@"), "dot": (), "underscore": ("underscore", "underline"),
                                          "hyphen": ("dash", "hyphen"), "slash": ("slash",)}

# at-words that are prepositions of a language (see the module's text): language of the at-word
PROSE_AT: dict[str, str] = {"by": "af", "bei": "de", "di": "id", "et": "id", "ag": "ga", "a commercial": "fr"}


def words(kind: str) -> tuple[str, ...]:
    """Every word of ``kind`` in every language, with its accent-less form, longest first."""
    out = set(EVERYWHERE[kind])
    for row in TABLE.values():
        for w in row[kind]:
            out.add(w)
            out.add(unaccented(w))
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def alternation(kind: str) -> str:
    """A regex alternation of :func:`words` (blanks inside a word match any run of blanks)."""
    return "|".join(r"\s+".join(re.escape(p) for p in w.split(" ")) for w in words(kind))


@lru_cache(maxsize=None)
def own_dot(at_word: str) -> re.Pattern[str] | None:
    """For an at-word that is prose in its language, the pattern of that language's dot-words (whole words):
    the at-word counts only in an address that also holds one. None for every other at-word."""
    lang = PROSE_AT.get(at_word.casefold())
    if lang is None:
        return None
    dots = sorted({d for w in TABLE[lang]["dot"] for d in (w, unaccented(w))}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, dots)) + r")(?!\w)", re.I)
