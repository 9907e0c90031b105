"""Frozen word lists shipped in ``therapy_threads/data/`` (exported by ``lexicon_export.py``)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
        return None if table is None else table.get(w.casefold())

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

    def only_word(self, w: str) -> bool:
        """An ordinary word that the dictionary never capitalises as a name ("silence", "lantern", "min" no)."""
        return (self.casing or {}).get(w.casefold()) == "w"

    def ordinary_in(self, w: str) -> frozenset[str]:
        """The other languages (not English) in which ``w`` is an ordinary word, not a given name
        of that language's countries: "moin" -> {de}, "bürger" -> {de}, "volker" -> {}."""
        cf = w.casefold()
        return frozenset(lang for lang, table in (self.other_rank or {}).items() if cf in table and lang not in OWN_TEXT_ONLY)


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
