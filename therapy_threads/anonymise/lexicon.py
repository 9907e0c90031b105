"""Frozen word lists shipped in ``therapy_threads/data/`` (exported by ``lexicon_export.py``)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..normalise import unaccented

FILES = ("first_names.txt", "first_names_intl.txt", "last_names.txt", "last_names_intl.txt", "common_words.txt",  # (and
         # the surname-first lists, read by recognizers.chinese_surnames / vietnamese_surnames /
         # korean_surnames: here for the digest)
         "casing_en.txt", "surnames_chinese.txt", "surnames_vietnamese.txt", "surnames_korean.txt")
# Ordinary words of other languages (language-stage codes), given names of each language removed.
OTHER_LANGUAGES = ("ca", "cs", "da", "de", "el", "es", "fi", "fr", "id", "it", "nl", "no", "pl", "pt", "sv")
# ... of which these are read only for text in that language, never to call a word of another language's text
# "ordinary somewhere" (:meth:`Lexicon.ordinary_in`): Indonesian web text counts the Malay and Indonesian names
# and surnames its country lists lack as words ("hamid"), and short syllables of Chinese names are Indonesian
# words ("teh" tea); Greek's are in another script; Catalan web text counts Spanish surnames and verb forms that
# are Spanish given names as words ("carrillo", "refugia")
OWN_TEXT_ONLY = ("ca", "el", "id")


def read_list(name: str) -> list[str]:
    text = (resources.files("therapy_threads") / "data" / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]  # casefolded; English-speaking countries
    intl_names: frozenset[str]  # casefolded; other countries (weaker evidence)
    last_names: frozenset[str]  # casefolded
    common_rank: dict[str, int]  # casefolded English word -> frequency rank (0 = most frequent)
    digest: str
    other_rank: dict[str, dict[str, int]] | None = None  # language -> word -> rank (names removed)
    intl_last_names: frozenset[str] = frozenset()  # casefolded; surnames of other countries
    casing: dict[str, str] | None = None  # English dictionary: word -> "w" lower only, "p" proper only, "b" both

    def is_first_name(self, w: str) -> bool:
        return w.casefold() in self.first_names

    def is_last_name(self, w: str) -> bool:
        return w.casefold() in self.last_names

    def is_surname(self, w: str) -> bool:
        """A surname of any country in the lexicons."""
        cf = w.casefold()
        return cf in self.last_names or cf in self.intl_last_names

    def is_name(self, w: str) -> bool:
        """A given name or surname in any of the name lists (English-speaking or other countries)."""
        cf = w.casefold()
        return cf in self.first_names or cf in self.last_names or cf in self.intl_names

    def rank(self, w: str) -> int | None:
        return self.common_rank.get(w.casefold())

    def is_common(self, w: str, top: int | None = None) -> bool:
        r = self.common_rank.get(w.casefold())
        return r is not None and (top is None or r < top)

    def lang_rank(self, w: str, lang: str | None) -> int | None:
        """Rank of ``w`` among the ordinary words of ``lang`` (English when ``lang`` is None or "en")."""
        if lang is None or lang == "en":
            return self.rank(w)
        table = (self.other_rank or {}).get(lang)
        if table is None:
            return None
        r = table.get(w.casefold())
        if lang == "el" and w.isascii():  # Greek typed in Latin letters ("kai", a loan word "kai" ranks lower)
            g = greeklish(id(table), table, self.first_names | self.intl_names).get(w.casefold())
            r = g if r is None or (g is not None and g < r) else r
        return r

    def contraction(self, w: str) -> bool:
        """A contraction written without its apostrophe: "ive", "dont", "youre", "theyll"."""
        cf = w.casefold()
        return any(f"{cf[:-k]}'{cf[-k:]}" in self.common_rank for k in (1, 2, 3) if len(cf) > k)

    def proper_noun(self, w: str) -> bool:
        """The English dictionary writes ``w`` only capitalised: a name, place or brand ("Sarah", "Perry")."""
        return (self.casing or {}).get(w.casefold()) == "p"

    def dictionary_word(self, w: str) -> bool:
        """The English dictionary has ``w`` as an ordinary lower-case word ("silence", "will", "driftwood")."""
        return (self.casing or {}).get(w.casefold()) in ("w", "b")

    def word_form(self, w: str) -> bool:
        """An inflected form of an English dictionary word that the frequency list may not hold:
        "bawled" (bawl), "sobbing" (sob), "ruminates" (ruminate)."""
        cf = w.casefold()
        if self.dictionary_word(cf):
            return True
        for suf in ("ing", "ed", "es", "s", "er", "est", "ly"):
            if cf.endswith(suf) and len(cf) - len(suf) >= 3:
                stem = cf[:-len(suf)]
                forms = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem,
                         stem[:-1] if stem[-1:] == stem[-2:-1] else stem)
                if any(self.dictionary_word(f) for f in forms):
                    return True
        return False

    def solid_compound(self, w: str, lang: str) -> bool:
        """German writes a noun made of nouns as one word ("Telefonseelsorge", "Kinderschutzbund"), so most of
        its compounds are in no frequency list: ``w`` splits into two words of ``lang``'s list, the first perhaps
        with a linking "s", "es", "n" or "en" (Fugenelement), the last of 4+ letters. A name of the names lists
        is none, though many surnames are made so ("Rosenberg", "Grünwald")."""
        cf = w.casefold()
        if len(cf) < 8 or cf in self.first_names or cf in self.intl_names or self.is_surname(cf):
            return False
        table = (self.other_rank or {}).get(lang)
        if not table:
            return False
        for i in range(3, len(cf) - 3):
            if cf[i:] not in table:
                continue
            head = cf[:i]
            if head in table or any(head.endswith(j) and head[:-len(j)] in table and len(head) - len(j) >= 3
                                    for j in ("s", "es", "n", "en")):
                return True
        return False

    def only_word(self, w: str) -> bool:
        """An ordinary word that the dictionary never capitalises as a name ("silence", "lantern", "min" no)."""
        return (self.casing or {}).get(w.casefold()) == "w"

    def ordinary_in(self, w: str) -> frozenset[str]:
        """The other languages (not English) in which ``w`` is an ordinary word, not a given name
        of that language's countries: "moin" -> {de}, "bürger" -> {de}, "volker" -> {}."""
        cf = w.casefold()
        return frozenset(lang for lang, table in (self.other_rank or {}).items() if cf in table and lang not in OWN_TEXT_ONLY)


# Greeklish: Greek typed in Latin letters, as the diaspora's younger generations and phones without a Greek
# keyboard write it ("ego eimai o ...", "ta ellinika mou einai xalia"). No single standard: ELOT 743 and the
# phonetic habits people mix (η/ι/υ/ει/οι all "i", ω "o" or "w", χ "x", "h" or "ch", θ "th" or "8", αι "ai" or
# "e", ου "ou" or "u", μπ "mp" or "b", ντ "nt" or "d"). The Greek list's commonest words, written each of
# these ways, are the ordinary words of Greek text in Latin letters; the list has its names removed already.
_GREEKLISH_TOP = 3000
_GREEKLISH_PAIRS = (("ου", ("ou", "u")), ("αι", ("ai", "e")), ("ει", ("ei", "i")), ("οι", ("oi", "i")),
                    ("υι", ("ui", "i")), ("αυ", ("av", "af")), ("ευ", ("ev", "ef")), ("μπ", ("mp", "b")),
                    ("ντ", ("nt", "d")), ("γκ", ("gk", "g")), ("γγ", ("gg", "ng")), ("τζ", ("tz",)), ("τσ", ("ts",)))
_GREEKLISH_ONE = {"α": ("a",), "β": ("v", "b"), "γ": ("g", "gh"), "δ": ("d", "dh"), "ε": ("e",), "ζ": ("z",),
                  "η": ("i", "h"), "θ": ("th", "8"), "ι": ("i",), "κ": ("k",), "λ": ("l",), "μ": ("m",), "ν": ("n",),
                  "ξ": ("ks", "x"), "ο": ("o",), "π": ("p",), "ρ": ("r",), "σ": ("s",), "ς": ("s",), "τ": ("t",),
                  "υ": ("i", "y", "u"), "φ": ("f", "ph"), "χ": ("x", "ch", "h"), "ψ": ("ps",), "ω": ("o", "w")}


def greeklish_forms(word: str, limit: int = 64) -> set[str]:
    """The Latin spellings of a Greek word people type (accents dropped; at most ``limit`` of them)."""
    w = unaccented(word.casefold())
    forms = [""]
    i = 0
    while i < len(w):
        pair = next((opts for gr, opts in _GREEKLISH_PAIRS if w.startswith(gr, i)), None)
        opts = pair or _GREEKLISH_ONE.get(w[i])
        if opts is None:
            return set()  # not a Greek word
        i += 2 if pair else 1
        forms = [f + o for f in forms for o in opts][:limit]
    # a doubled vowel of a typed word collapses ("λέει" -> "lei")
    return set(forms) | {re.sub(r"([aeiou])\1", r"\1", f) for f in forms}


_GREEKLISH: dict[int, dict[str, int]] = {}


def greeklish(key: int, table: dict[str, int], names: frozenset[str]) -> dict[str, int]:
    """Word -> rank of the Greek list's commonest words in their Latin spellings (:func:`greeklish_forms`),
    the best rank where two words share a spelling; a spelling that is a given name of the lists only for the
    few hundred commonest (function) words ("mono", "ela" stay words; a rarer word spelt "dimitri" is the name).
    (``key``: the table's identity, for the cache.)"""
    if key in _GREEKLISH:
        return _GREEKLISH[key]
    out = _GREEKLISH[key] = {}
    for w, r in table.items():
        if r < _GREEKLISH_TOP and not w.isascii():
            for f in greeklish_forms(w):
                if out.get(f, _GREEKLISH_TOP) > r and (r < 300 or f not in names):
                    out[f] = r
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    h = hashlib.sha256()
    lists = {}
    names = FILES + tuple(f"common_words_{lang}.txt" for lang in OTHER_LANGUAGES)
    for name in names:
        words = read_list(name)
        h.update(name.encode() + b"\0" + "\n".join(words).encode("utf-8"))
        lists[name] = words
    common: dict[str, int] = {}
    for i, w in enumerate(lists["common_words.txt"]):
        common.setdefault(w.replace("’", "'"), i)
    other: dict[str, dict[str, int]] = {}
    for lang in OTHER_LANGUAGES:
        table: dict[str, int] = {}
        for i, w in enumerate(lists[f"common_words_{lang}.txt"]):
            table.setdefault(w, i)
        other[lang] = table
    return Lexicon(
        first_names=frozenset(w.casefold() for w in lists["first_names.txt"]),
        intl_names=frozenset(w.casefold() for w in lists["first_names_intl.txt"]),
        last_names=frozenset(w.casefold() for w in lists["last_names.txt"]),
        common_rank=common,
        digest=h.hexdigest(),
        other_rank=other,
        intl_last_names=frozenset(w.casefold() for w in lists["last_names_intl.txt"]),
        casing=dict(ln.split("\t", 1) for ln in lists["casing_en.txt"]),
    )
