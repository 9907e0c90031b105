"""Recognizers for regional Englishes: words of other languages that writers use inside English.

New Zealand and Australian English carries te reo Māori and Pacific greetings, sign-offs and
proper nouns ("Kia ora koutou", "Ngā mihi", "Te Whatu Ora", "Pōneke", "Mālō e lelei"). Their
words are capitalised and are no English words, so the English name rules would take them for
names ("koutou", "Whatu"); these recognizers keep them, before any name rule runs. Phrases come
from ``therapy_threads/data/regional_phrases.toml``; the shape of a te reo word (syllables of one
consonant or none, then a vowel) comes from the language's phonology.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .detect import TextContext
from .recognizers import Recognizer
from .spans import KEEP, Span

# the vowels and the glottal stop are typed with or without macrons and the ʻokina
_VOWEL_CLASS = {"ā": "[āa]", "ē": "[ēe]", "ī": "[īi]", "ō": "[ōo]", "ū": "[ūu]"}
_OKINA = "[ʻ'’‘]?"
# a te reo Māori word: syllables of (h, k, m, n, p, r, t, w, ng or wh) and a vowel, long or short;
# a word may open with a vowel. English words almost never fit (consonant clusters, closed syllables).
_REO_WORD = re.compile(r"(?:(?:ng|wh|[hkmnprtw])?[aeiouāēīōū]){1,8}", re.I)


@dataclass(frozen=True)
class RegionalPhrases:
    phrases: re.Pattern[str] | None
    places: re.Pattern[str] | None
    articles: frozenset[str]
    digest: str


def _loose(phrase: str) -> str:
    """A phrase as a pattern: macrons and the ʻokina optional, any blanks between words."""
    out = []
    for ch in phrase.casefold():
        if ch in _VOWEL_CLASS:
            out.append(_VOWEL_CLASS[ch])
        elif ch in "ʻ'’‘":
            out.append(_OKINA)
        elif ch == " ":
            out.append(r"[ \t]+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alternation(phrases) -> re.Pattern[str] | None:
    ps = sorted({p for p in phrases if p}, key=len, reverse=True)  # longest first: "kia ora koutou"
    if not ps:
        return None
    return re.compile(r"(?<![\w'’ʻ-])(?:" + "|".join(_loose(p) for p in ps) + r")(?![\w'’ʻ-])", re.I)


@lru_cache(maxsize=1)
def regional_phrases() -> RegionalPhrases:
    raw = (resources.files("therapy_threads") / "data" / "regional_phrases.toml").read_text(encoding="utf-8")
    doc = tomllib.loads(raw)
    phrases = [p for sec in doc.values() for p in sec.get("phrases", ())]
    places = [p for sec in doc.values() for p in sec.get("places", ())]
    articles = frozenset(a for sec in doc.values() for a in sec.get("articles", ()))
    return RegionalPhrases(_alternation(phrases), _alternation(places), articles,
                           hashlib.sha256(raw.encode()).hexdigest()[:16])


_CAP_WORD = re.compile(r"[ \t]+([A-ZĀĒĪŌŪ][a-zāēīōū]*(?:-[a-zA-ZāēīōūĀĒĪŌŪ]+)*)")


class RegionalPhraseRecognizer(Recognizer):
    """Te reo Māori and Pacific greetings, sign-offs and place names inside English ("Kia ora
    koutou", "Ngā mihi nui", "Mālō e lelei", "Pōneke"), and te reo proper nouns opened by an article
    ("Te Whatu Ora", "Te Whare Tapa Whā"), kept: their words are no one's name there. A name right
    after a greeting is still found by the greeting rule ("Kia ora Mere")."""

    name, score = "regional_phrase", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        rp = regional_phrases()
        text = t.text
        for pat, why in ((rp.phrases, "a greeting or phrase of te reo Māori or a Pacific language"),
                         (rp.places, "a te reo Māori place name")):
            if pat is None:
                continue
            for m in pat.finditer(text):
                if why.startswith("a greeting") and m.group(0)[:1].isupper() and " " not in m.group(0) \
                        and self._name_shape_here(t, m.start(), m.end()):
                    continue
                yield self.span(m.start(), m.end(), KEEP, reason=why)
        yield from self._article_nouns(t, rp.articles)

    def _name_shape_here(self, t: TextContext, s: int, e: int) -> bool:
        """A one-word greeting capitalised mid-sentence after a title or "my X" ("my cousin Manuia") is
        a name there."""
        return self.cues.title_before(t.text, s) or self.cues.relation_before(t.text, s)

    def _article_nouns(self, t: TextContext, articles: frozenset[str]) -> Iterator[Span]:
        text = t.text
        for s, e, tok, _core in t.caps:
            if tok.casefold() not in articles:
                continue
            end, pos, n = e, e, 0
            while n < 5:
                m = _CAP_WORD.match(text, pos)
                if not m or not all(_REO_WORD.fullmatch(p) for p in m.group(1).split("-") if p):
                    break
                end = pos = m.end()
                n += 1
            if n == 0:
                continue
            # a surname after a title or a given name ("Mrs. Te Aho", "Hemi Te Rangi") is a person's
            if self.cues.title_before(text, s) or self.cues.relation_before(text, s) or self._given_before(text, s):
                continue
            yield self.span(s, end, KEEP, reason="a te reo Māori proper noun opened by its article")

    def _given_before(self, text: str, s: int) -> bool:
        m = re.search(r"(?<![\w'’-])([A-ZĀĒĪŌŪ][\w'’ʻ-]*)[ \t]+$", text[max(0, s - 30):s])
        if not m:
            return False
        cf = m.group(1).casefold()
        if cf.endswith(("'s", "’s")):
            return False  # "Durie's Te Whare Tapa Whā": the model of someone, not a surname
        r = self.lex.rank(cf)
        return cf in self.cues.first_names or cf in self.cues.intl_names or r is None or r >= 20000
