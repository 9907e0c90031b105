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
from itertools import filterfalse
from typing import Iterator

from .detect import INTERJECTIONS, TextContext, first_runs
from .knowledge import knowledge
from .patterns import by_first_letter
from .recognizers import Recognizer, _place_word_before
from .spans import KEEP, Span
from .wordgate import WordGate

POSS_END = re.compile(r"['’]s?$")

# the vowels and the glottal stop are typed with or without macrons and the ʻokina
_VOWEL_CLASS = {"ā": "[āa]", "ē": "[ēe]", "ī": "[īi]", "ō": "[ōo]", "ū": "[ūu]"}
_OKINA = "[ʻ'’‘]?"
# a te reo Māori word: syllables of (h, k, m, n, p, r, t, w, ng or wh) and a vowel, long or short;
# a word may open with a vowel. English words almost never fit (consonant clusters, closed syllables).
_REO_WORD = re.compile(r"(?:(?:ng|wh|[hkmnprtw])?[aeiouāēīōū]){1,8}", re.I)


@dataclass(frozen=True)
class RegionalPhrases:
    phrases: re.Pattern[str] | None  # every section's phrases, in one pattern
    places: re.Pattern[str] | None
    articles: frozenset[str]
    digest: str
    labels: dict[str, str] | None = None  # a phrase, case-folded and without macrons -> its section's label
    fast: re.Pattern[str] | None = None  # phrases and places in one pattern for the folded text (_folded_alternation)
    fast_places: frozenset[str] = frozenset()  # the places among them, folded
    first_words: frozenset[str] = frozenset()  # the first word of every phrase and place, folded
    locality_heads: frozenset[str] = frozenset()  # words that end the name of a neighbourhood ("Chowk", "Nagar")

    def label(self, phrase: str) -> str:
        return (self.labels or {}).get(_plain(phrase), "another language")


def _plain(phrase: str) -> str:
    return re.sub(r"[ \t]+", " ", phrase.casefold().translate(_PLAIN))


_PLAIN = str.maketrans({"ā": "a", "ē": "e", "ī": "i", "ō": "o", "ū": "u", "ʻ": "'", "’": "'", "‘": "'"})


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
    """The phrases as one pattern for any text (case, macrons and the ʻokina loose). Slow: used only
    on the rare text whose lower-casing changes its length; :func:`_folded_alternation` is the fast one."""
    ps = sorted({p for p in phrases if p}, key=len, reverse=True)  # longest first: "kia ora koutou"
    if not ps:
        return None
    return re.compile(r"(?<![\w'’ʻ-])(?:" + "|".join(_loose(p) for p in ps) + r")(?![\w'’ʻ-])", re.I)


# one character for one: lower-case text without macrons (apostrophes and the ʻokina are matched
# as they are: the patterns accept each of them for "'")
_FOLD = str.maketrans("āēīōū", "aeiou")


def _folded(phrase: str) -> str:
    return re.sub(r"[ \t]+", " ", phrase.lower().translate(_FOLD)).translate(_APOSTROPHES)


_APOSTROPHES = str.maketrans("ʻ‘’", "'" * 3)


def _spellings(phrases) -> list[str]:
    """Every phrase folded, and again without its apostrophes (the ʻokina is often left out: "ofa atu")."""
    out = []
    for p in phrases:
        if p:
            f = _folded(p)
            out.append(f)
            if "'" in f and f.replace("'", "") not in out:
                out.append(f.replace("'", ""))
    return out


_FOLDED_CHARS = re.compile("[āēīōū]")
_EDGE_PUNCT = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~“”«»…–—"


def _gate_words(spellings: list[str]) -> frozenset[str]:
    """The longest word of every phrase (a phrase matches only where all its words are), in every
    apostrophe spelling: "no reira" -> "reira", "e hoa" -> "hoa", "fa'afetai" -> "fa'afetai", "fa’afetai"."""
    out: set[str] = set()
    for f in spellings:
        w = max(f.split(" "), key=len)
        out.update(w.replace("'", a) for a in "'’ʻ‘")
    return frozenset(out)


def _no_first_word(first_words: frozenset[str], hay: str, words: list[str] | None = None) -> bool:
    """No word of the text (split at blanks, punctuation stripped from its ends) opens a phrase: then
    no phrase can match (a phrase never starts after a hyphen or inside a word). ``words``: ``hay.split()``
    if known (``TextContext.chunks``, shared with the token pass)."""
    if words is None:
        words = hay.split()
    if not first_words.isdisjoint(words):
        return False
    # (the words with punctuation at an edge, among those not alphanumeric throughout, picked in C: one
    # with punctuation inside only is stripped to itself, which the first test has asked)
    return first_words.isdisjoint([w.strip(_EDGE_PUNCT) for w in filterfalse(str.isalnum, words)])


def _folded_alternation(phrases) -> re.Pattern[str] | None:
    """The phrases folded (:data:`_FOLD`) as literals grouped by first letter, for the folded text:
    no re.I, and the engine skips ahead to the first letters (same matches as :func:`_alternation`)."""
    ps = sorted(set(_spellings(phrases)), key=len, reverse=True)
    if not ps:
        return None
    def body(p: str) -> str:
        return re.escape(p).replace("\\ ", " ").replace(" ", r"[ \t]+").replace("'", "['’ʻ‘]")

    # (a phrase that opens with the ʻokina: one literal branch per apostrophe, as by_first_letter needs)
    alt = "|".join(a + body(p[1:]) if p.startswith("'") else body(p) for p in ps
                   for a in ("'’ʻ‘" if p.startswith("'") else "x"))
    return re.compile(r"(?:" + by_first_letter(alt, r"[\w'-]") + r")(?![\w'-])")


@lru_cache(maxsize=8)
def regional_phrases(lang: str = "en") -> RegionalPhrases:
    """The phrases of the sections written for text in ``lang`` (a section's ``lang``, English by default)."""
    raw = (resources.files("therapy_threads") / "data" / "regional_phrases.toml").read_text(encoding="utf-8")
    doc = {k: sec for k, sec in tomllib.loads(raw).items() if sec.get("lang", "en") == lang}
    phrases = [p for sec in doc.values() for p in sec.get("phrases", ())]
    places = [p for sec in doc.values() for p in sec.get("places", ())]
    articles = frozenset(a for sec in doc.values() for a in sec.get("articles", ()))
    labels = {_plain(p): sec.get("label", "another language") for sec in doc.values() for p in sec.get("phrases", ())}
    return RegionalPhrases(_alternation(phrases), _alternation(places), articles,
                           hashlib.sha256(raw.encode()).hexdigest()[:16], labels,
                           _folded_alternation(list(phrases) + list(places)),
                           frozenset(_folded(p) for p in places),
                           _gate_words(_spellings(list(phrases) + list(places))),
                           frozenset(h for sec in doc.values() for h in sec.get("locality_heads", ())))


# ---- languages mixed into English: gated words, kin and respect words, code-mixed text ----------------

@dataclass(frozen=True)
class MixedSection:
    """A section's words that are ordinary only where its language is mixed into the post (Tagalog
    "pero", "sabi", "dito"; Nigerian Pidgin "oya", "sha"), and its kinship and respect words said
    before a name or alone ("Tita", "Ouma", "Ntate", "Nain")."""

    label: str
    markers: frozenset[str]  # lower-case words that show the language is mixed in (at least min_markers of them)
    min_markers: int
    words: re.Pattern[str] | None  # words and kin words, over lower-cased text
    kin: frozenset[str]
    kin_re: re.Pattern[str] | None  # kin words alone, over lower-cased text
    articles: re.Pattern[str] | None = None  # personal articles before a capitalised name ("si", "ni", "kay")
    endearments: frozenset[str] = frozenset()  # words kept only where written in lower case ("liefie")
    abbreviations: re.Pattern[str] | None = None  # abbreviated given names before a given name ("Ma. Teresa")
    reduplicated: bool = False  # nicknames made by doubling a syllable are names ("Tonton", "Bingbing")
    postposed: re.Pattern[str] | None = None  # titles said after the given name ("Mustafa Hoca"), lower-cased text
    southern: bool = False  # Nguni/Sotho class prefixes ("isiZulu") and Afrikaans place endings ("-kloof") apply
    heads: re.Pattern[str] | None = None  # a place or a body named by its language's generic head ("Baile X", "Údarás na X")
    vocative: bool = False  # Irish and Scottish Gaelic: "a" and a lenited name ("a Mháire") address a person
    name_suffixes: str = ""  # "tr": a given name with Turkish endearment/possessive suffixes is the name ("Ayşecim")


def _word_pattern(words) -> re.Pattern[str] | None:
    ws = sorted({_folded(w) for w in words if len(w) > 1}, key=len, reverse=True)  # (no initial: "O.")
    if not ws:
        return None
    alt = "|".join(re.escape(w).replace("\\ ", " ").replace(" ", r"[ \t]+").replace("'", "['’]") for w in ws)
    return re.compile(r"(?:" + by_first_letter(alt, r"[\w'’-]") + r")(?![\w'’-])")


@lru_cache(maxsize=1)
def _sections() -> dict:
    raw = (resources.files("therapy_threads") / "data" / "regional_phrases.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=8)
def mixed_sections(lang: str = "en") -> tuple[MixedSection, ...]:
    out = []
    for sec in _sections().values():
        if sec.get("lang", "en") != lang or not (sec.get("words") or sec.get("kin_titles")):
            continue
        kin = frozenset(_folded(k) for k in sec.get("kin_titles", ()))
        endear = frozenset(_folded(k) for k in [*sec.get("endearments", ()), *sec.get("lower_words", ())])
        out.append(MixedSection(sec.get("label", "another language"),
                                frozenset(_folded(w) for w in sec.get("markers", ())), int(sec.get("min_markers", 3)),
                                _word_pattern(list(sec.get("words", ())) + list(kin) + list(endear)), kin,
                                _word_pattern(kin), _article_names(sec.get("personal_articles", ())), endear,
                                _abbreviations(sec.get("given_name_abbreviations", ())),
                                bool(sec.get("reduplicated_nicknames", False)),
                                _word_pattern(sec.get("titles_after", ())),
                                bool(sec.get("class_prefixes", False) or sec.get("place_suffixes")),
                                _head_pattern(sec.get("place_heads", ()), sec.get("body_heads", ())),
                                bool(sec.get("lenited_vocative", False)), str(sec.get("name_suffixes", ""))))
    return tuple(out)


# Turkish suffixes said after a given name, from the grammar: the last vowel of the name decides the suffix's
# vowel (a, ı -> ı; e, i -> i; o, u -> u; ö, ü -> ü), and after a voiceless consonant (p, ç, t, k, f, s, ş, h)
# "c" is written "ç". The endearment -CIğIm, said -CIm ("Ayşeciğim", "Ayşecim", "Ahmetçim"), and the possessive
# of the first person, -m after a vowel and -Im after a consonant ("Ayşem", "Gülüm").
_TR_HARMONY = {"a": "ı", "ı": "ı", "e": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}
_TR_VOICELESS = frozenset("pçtkfsşh")
_TR_SUFFIXED = re.compile(r"(?<![\w'’-])([A-ZÇĞİÖŞÜ][a-zçğıöşüâî]+?(?:[cç][ıiuü](?:ğ[ıiuü])?m|[ıiuü]?m))(?![\w'’-])")


def turkish_name_bases(word: str) -> tuple[str, ...]:
    """The bases of ``word`` (casefolded) read as a name with a Turkish endearment or possessive suffix
    ("ayşecim" -> "ayşe", "gülüm" -> "gül"), each spelt as the suffix's vowel harmony allows; () if none."""
    w = word.casefold().replace("i̇", "i")
    out = []
    for n in range(len(w) - 1, 2, -1):
        base, suf = w[:n], w[n:]
        vowels = [c for c in base if c in _TR_HARMONY]
        if len(base) < 3 or not vowels:
            continue
        v = _TR_HARMONY[vowels[-1]]
        c = "ç" if base[-1] in _TR_VOICELESS else "c"
        forms = {c + v + "m", c + v + "ğ" + v + "m"}
        forms.add("m" if base[-1] in _TR_HARMONY else v + "m")
        if suf in forms:
            out.append(base)
    return tuple(out)


# the articles and the particle of Irish that stand inside a place or body name ("Ros a' Mhíl", "Údarás na X")
_NAME_ARTICLES = r"(?:an|na|na[ \t]+h-?|a['’]|a|i|mhic|uí)"
_CAP = r"[A-ZÀ-ÞÁÉÍÓÚ][\w'’]*(?:-[\w'’]+)*"
_LENITED_VOCATIVE = re.compile(r"(?<![\w'’-])[Aa][ \t]+([BCDFGMPST]h[aeiouáéíóú][\w'’]*)(?![\w'’-])")


def _head_pattern(place_heads, body_heads) -> re.Pattern[str] | None:
    """A place head, then one or two capitalised words (an article between: "Baile an X", "Ros a' X"), or
    a body's head, its article, then capitalised words ("Údarás na X"): the whole is one proper noun."""
    def alt(ws):
        return "|".join(sorted((re.escape(w) for w in ws), key=len, reverse=True))
    branches = []
    if place_heads:
        branches.append(r"(?:" + alt(place_heads) + r")(?:[ \t]+" + _NAME_ARTICLES + r")?[ \t]+" + _CAP
                        + r"(?:[ \t]+(?!" + _NAME_ARTICLES + r"\b)" + _CAP + r"){0,2}")
    if body_heads:
        branches.append(r"(?:" + alt(body_heads) + r")[ \t]+" + _NAME_ARTICLES + r"[ \t]+" + _CAP
                        + r"(?:[ \t]+(?:" + _NAME_ARTICLES + r"[ \t]+)?" + _CAP + r")?")
    if not branches:
        return None
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(branches) + r")(?![\w'’-])")


def _abbreviations(abbrs) -> re.Pattern[str] | None:
    """An abbreviated given name, blanks, then a capitalised word: "Ma. Teresa" (Maria Teresa)."""
    alt = "|".join(sorted({re.escape(a) for a in abbrs}, key=len, reverse=True))
    return re.compile(r"(?<![\w'’.-])(?:" + alt + r")[ \t]+(?P<name>[A-ZÀ-Þ][a-zà-ÿ]+)") if alt else None


# a capitalised syllable said twice: "Tonton", "Bingbing", "Jhunjhun" (Filipino nicknames)
_REDUPLICATED = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,4})(?i:\1)(?![\w'’-])")


def _article_names(articles) -> re.Pattern[str] | None:
    """A personal article, blanks, then a capitalised word: "si Marivic", "ni Tatay Rolando", "kay Joyce"."""
    alt = "|".join(sorted({re.escape(a.casefold()) for a in articles}, key=len, reverse=True))
    if not alt:
        return None
    return re.compile(r"(?<![\w'’-])(?i:" + alt + r")[ \t]+(?P<name>[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ]?[\w'’]+)*)")


def active_sections(t: TextContext) -> tuple[MixedSection, ...]:
    """The sections whose language the text's post mixes into its English (found once per post)."""
    lang = t.lang or "en"
    vocab = t.doc.lower_vocab
    hit = _ACTIVE.get(id(vocab))
    if hit is not None and hit[0] is vocab and lang in hit[1]:
        return hit[1][lang]
    found = tuple(sec for sec in mixed_sections(lang) if sec.min_markers <= len(sec.markers & vocab))
    if hit is None or hit[0] is not vocab:
        if len(_ACTIVE) > 64:
            _ACTIVE.clear()
        hit = _ACTIVE[id(vocab)] = (vocab, {})
    hit[1][lang] = found
    return found


# id(a post's lower-case vocabulary) -> (the vocabulary, {language: active sections}); the vocabulary is
# held so that its id is not reused while the entry lives
_ACTIVE: dict[int, tuple[set, dict]] = {}


def active_kin(t: TextContext) -> frozenset[str]:
    """The kin and respect words of the sections whose language the text's post mixes into its English."""
    out: frozenset[str] = frozenset()
    for sec in active_sections(t):
        out |= sec.kin
    return out


@lru_cache(maxsize=8)
def _place_suffixes(lang: str) -> tuple[tuple[str, ...], re.Pattern[str]] | None:
    """The sections' endings of place names ("kloof", "fontein"): a capitalised compound ending in one
    ("Diepkloof", "Kraaifontein") names a place."""
    sufs = sorted({x for sec in _sections().values() if sec.get("lang", "en") == lang
                   for x in sec.get("place_suffixes", ())}, key=len, reverse=True)
    if not sufs:
        return None
    alt = "|".join(re.escape(x) for x in sufs)
    return tuple(sufs), re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?:" + alt + r")(?![\w'’-])")


@lru_cache(maxsize=8)
def _capitalised_kin(lang: str) -> re.Pattern[str] | None:
    """Every section's kin words, capitalised ("Ouma", "Tita", "Nain"), for the text as written."""
    words = sorted({k[:1].upper() + k[1:] for sec in mixed_sections(lang) for k in sec.kin if len(k) > 1},
                   key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    return re.compile(r"(?:" + by_first_letter(alt, r"[\w'’-]") + r")(?![\w'’-])")


@lru_cache(maxsize=1)
def regional_kin_titles() -> frozenset[str]:
    """Every section's kinship and respect words (said before a name as a form of address)."""
    return frozenset(_folded(k) for sec in _sections().values() for k in sec.get("kin_titles", ()))


@lru_cache(maxsize=1)
@lru_cache(maxsize=8)
def dialect_markers(lang: str) -> tuple[tuple[frozenset[str], int], ...]:
    """The marker words (and how many make a text) of the sections that are dialects of ``lang`` itself
    (``dialect = true``: Shetland Scots in English), not other languages mixed into it."""
    return tuple((frozenset(_folded(w) for w in sec.get("markers", ())), int(sec.get("min_markers", 3)))
                 for sec in _sections().values() if sec.get("lang", "en") == lang and sec.get("dialect"))


def code_mixed_languages() -> dict[str, str]:
    """Detected language -> the language its text is read in: a section with ``code_mixed = ["tl"]``
    says that text the detector places in Tagalog is, on the web, Taglish (Tagalog mixed with
    English, switching inside sentences), read with the English rules and that section's words."""
    return {m: sec.get("lang", "en") for sec in _sections().values() for m in sec.get("code_mixed", ())}


def reading_language(lang: str | None) -> str | None:
    """The language a text detected as ``lang`` is read in (itself, unless a section mixes it into another)."""
    return _mixed_into().get(lang, lang) if lang else lang


@lru_cache(maxsize=1)
def _mixed_into() -> dict[str, str]:
    # (asked several times for every text of a build: the table once, not a walk over every section each time;
    # private, so no caller can change the cached dict)
    return code_mixed_languages()


_HYPHEN_COMPOUND = re.compile(r"(?<![\w'’-])[A-Za-zÀ-ÿ]{3,}(?:-[A-Za-zÀ-ÿ]{3,})+(?![\w'’-])")
_CAP_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][^\W\d_]+)[ \t]+$")
_BLANK_THEN_CAPITAL = re.compile(r"[ \t]+[A-ZÀ-Þ]")
# the class prefixes of Nguni and Sotho-Tswana nouns, written in lower case before the capitalised stem of a
# people, a language or a place ("isiXhosa", "amaZulu", "abaThembu", "eThekwini", "KwaZulu"): a noun of the
# language, not a run-together handle
_PREFIXES = ("isi", "ama", "aba", "izi", "ezi", "ubu", "kwa")
_PREFIXED_NOUN = re.compile(r"(?:" + by_first_letter("|".join(_PREFIXES), r"[\w'’@#.-]")
                            + r")[A-Z][a-z]{2,}(?![\w'’-])")


_CAP_WORD = re.compile(r"[ \t]+([A-ZĀĒĪŌŪ][a-zāēīōū]*(?:-[a-zA-ZāēīōūĀĒĪŌŪ]+)*)")


@lru_cache(maxsize=4)
def _article_pattern(articles: frozenset[str]) -> re.Pattern[str]:
    """An article capitalised as the start of a proper noun, a blank, then a capital ("Te W", "Ngā P")."""
    alt = "|".join(sorted({a[:1].upper() + a[1:] for a in articles}, key=len, reverse=True))
    return re.compile(r"(" + by_first_letter(alt, r"[\w'’-]") + r")(?=[ \t]+[A-ZĀĒĪŌŪ])")


@lru_cache(maxsize=4)
def _locality_pattern(heads: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One or two capitalised words (or an initial) before a locality head word: "Rajiv Chowk", "T. Nagar";
    and a cheap first look for the head words (the engine skips ahead to their first letters)."""
    alt = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return (re.compile(r"(?<![\w'’-])(?:[A-Z]\.[ \t]?|[A-Z][a-z]+[ \t]+)(?:[A-Z][a-z]+[ \t]+)?(?:" + alt + r")(?![\w'’-])"),
            re.compile(r"[ \t](?:" + by_first_letter(alt) + r")\b"))


@lru_cache(maxsize=4)
def _locality_gate(heads: frozenset[str]) -> WordGate:
    """Every match of :func:`_locality_pattern` holds a head word with no word character before it."""
    return WordGate(heads)


_SIDES = (" West", " East", " North", " South")
_SIDE_AFTER_CITY = re.compile(r"(?P<city>[A-Z][a-z]+),[ \t]+(?P<sub>[A-Z][a-z]+[ \t]+(?:West|East|North|South))\b")
_SIDES_GATE = WordGate(w.strip() for w in _SIDES)  # (each side follows blanks in _SIDE_AFTER_CITY)

_LANG_NAMES = {"en": "English", "de": "German", "nl": "Dutch"}  # the languages whose text the sections serve


class RegionalPhraseRecognizer(Recognizer):
    """Te reo Māori and Pacific greetings, sign-offs and place names inside English ("Kia ora
    koutou", "Ngā mihi nui", "Mālō e lelei", "Pōneke"), and te reo proper nouns opened by an article
    ("Te Whatu Ora", "Te Whare Tapa Whā"), kept: their words are no one's name there. A name right
    after a greeting is still found by the greeting rule ("Kia ora Mere")."""

    name, score = "regional_phrase", 0.8
    languages = frozenset({"en", "de", "nl"})  # (German: Austrian and Swiss dialect words; Dutch: Sranan
    # Tongo and Papiamento words of Surinamese and Antillean Dutch chat)

    def analyze(self, t: TextContext) -> Iterator[Span]:
        rp = regional_phrases(t.lang or "en")
        text = t.text
        low = t.low
        yield from self._mixed(t)
        if low is not text and rp.fast is not None:  # (lower-casing kept every offset)
            hay = low.translate(_FOLD) if _FOLDED_CHARS.search(low) else low
            if _no_first_word(rp.first_words, hay, t.chunks if hay is low else None):
                yield from self._article_nouns(t, rp.articles)  # no phrase can start anywhere (most texts)
                yield from self._localities(t, rp.locality_heads)
                return
            scans = [(m.start(), m.end(), re.sub(r"[ \t]+", " ", m.group(0)) in rp.fast_places)
                     for m in rp.fast.finditer(hay)]
        else:
            scans = [(m.start(), m.end(), place) for pat, place in ((rp.phrases, False), (rp.places, True))
                     if pat is not None for m in pat.finditer(text)]
        for ms, me, place in scans:
            surface = text[ms:me]
            if me - ms <= 3 and surface.isupper():
                continue  # "AG", "KA": initials or an acronym, not the word
            if not place and surface[:1].isupper() and " " not in surface and self._name_shape_here(t, ms, me):
                continue
            why = "a place name of te reo Māori or a Pacific language" if place else \
                f"a greeting, word or name of a day of {rp.label(surface)}, used in {_LANG_NAMES.get(t.lang or 'en')}"
            yield self.span(ms, me, KEEP, reason=why)
        yield from self._article_nouns(t, rp.articles)
        yield from self._localities(t, rp.locality_heads)

    def _mixed(self, t: TextContext) -> Iterator[Span]:
        """Words of a language mixed into the post, where the post shows it is (at least ``min_markers``
        of the section's marker words written in lower case somewhere in the post: "pero", "sabi", "mga"),
        and kinship and respect words said alone ("my Lola thinks", "Ouma said"; before a capital the
        kin rule takes the name after them). A kin word that is also a given name ("Lola", "Tita") is
        kept alone only where the language is mixed in; a Nguni noun with its class prefix ("isiZulu")."""
        text = t.text
        secs = mixed_sections(t.lang or "en")
        active = active_sections(t) if secs else ()
        southern = any(sec.southern for sec in active)  # (South African text: the two rules below)
        if southern and not t.lower_style and any(map(text.__contains__, _PREFIXES)):
            for m in _PREFIXED_NOUN.finditer(text):
                if t.free(m.start(), m.end()):
                    yield self.span(m.start(), m.end(), KEEP, reason="a Nguni or Sotho noun with its class prefix "
                                                                      "(a people, a language or a place)")
        if "-" in text:
            yield from self._demonym_compounds(t)
        suffixes = _place_suffixes(t.lang or "en") if southern else None
        if suffixes is not None and any(map(text.__contains__, suffixes[0])):
            for m in suffixes[1].finditer(text):
                s, e = m.span()
                cf = m.group(0).casefold()
                if self.cues.any_given_name(cf) or self.lex.is_surname(cf) or not t.free(s, e) \
                        or self.cues.title_before(text, s) or self.cues.relation_before(text, s):
                    continue
                yield self.span(s, e, KEEP, reason="a place named with a toponymic ending of its language ('-kloof')")
        if not secs:
            return
        if active:
            low = t.low
            hay = low if low is not text else text.lower()
            if len(hay) == len(text):
                for sec in active:
                    for m in sec.words.finditer(hay) if sec.words is not None else ():
                        yield from self._mixed_word(t, sec, m.start(), m.end(), True)
            for sec in active:
                if sec.vocative:
                    yield from self._vocatives(t)
                if sec.name_suffixes == "tr":
                    yield from self._turkish_suffixed(t, sec)
                for m in sec.heads.finditer(text) if sec.heads is not None else ():
                    if t.free(m.start(), m.end()) and not self.cues.title_before(text, m.start()):
                        yield self.span(m.start(), m.end(), KEEP,
                                        reason=f"a place or a body of {sec.label} named by its generic head word")
        cap_kin = _capitalised_kin(t.lang or "en")
        if cap_kin is not None:
            for m in cap_kin.finditer(text):
                sec = next(sc for sc in secs if _folded(m.group(0)).replace("’", "'") in sc.kin)
                if sec not in active:
                    yield from self._mixed_word(t, sec, m.start(), m.end(), False)

    def _vocatives(self, t: TextContext) -> Iterator[Span]:
        """"a Mháire", "a Sheáin": the vocative particle and a lenited word (its initial consonant followed by
        "h") whose form without the "h" is a given name ("Máire", "Seáin" -> "Seán" by its slender ending too)."""
        text = t.text
        for m in _LENITED_VOCATIVE.finditer(text):
            word = m.group(1)
            base = (word[0] + word[2:]).casefold()
            bases = {base, re.sub(r"ái?n$", "án", base.replace("eái", "eá")), base.replace("ái", "á")}
            if any(self.cues.any_given_name(b) or b in self.lex.intl_names for b in bases) and t.free(*m.span(1)):
                yield self.person(t, m.start(1), m.end(1), "a lenited given name after the Irish vocative 'a'")

    def _turkish_suffixed(self, t: TextContext, sec: MixedSection) -> Iterator[Span]:
        """"Ayşecim", "Mehmetçiğim", "Gülüm": a capitalised given name with a Turkish endearment or possessive
        suffix (:func:`turkish_name_bases`), in a post that mixes Turkish in; not a word of a lexicon ("Islam",
        "Team") nor of the section ("Canım", "Annem": a kinship or endearment word, not the name)."""
        text = t.text
        for m in _TR_SUFFIXED.finditer(text):
            s, e = m.span(1)
            cf = m.group(1).casefold()
            if _folded(cf) in sec.kin or (sec.words is not None and sec.words.fullmatch(_folded(cf))) \
                    or self.lex.rank(cf) is not None or self.lex.ordinary_in(cf) or not t.free(s, e):
                continue
            for base in turkish_name_bases(cf):
                if _folded(base) in sec.kin or (sec.words is not None and sec.words.fullmatch(_folded(base))
                                                and _folded(base) not in sec.endearments):
                    continue
                if self.cues.any_given_name(base) or base in self.lex.intl_names:
                    yield self.person(t, s, e, "a given name with a Turkish endearment or possessive suffix")
                    break

    def _demonym_compounds(self, t: TextContext) -> Iterator[Span]:
        """A compound of words for peoples or languages ("Turks-Nederlands", "Surinaams-Javaans",
        "Scottish-Nigerian"): each part a nationality or language word, or one of a section's peoples."""
        rp = regional_phrases(t.lang or "en")
        for m in _HYPHEN_COMPOUND.finditer(t.text):
            parts = m.group(0).split("-")
            if all(knowledge().is_demonym(p) or (rp.phrases is not None and rp.phrases.fullmatch(p) is not None)
                   for p in parts) and t.free(m.start(), m.end()):
                yield self.span(m.start(), m.end(), KEEP, reason="a compound of words for peoples or languages")

    def _mixed_word(self, t: TextContext, sec: MixedSection, s: int, e: int, active: bool) -> Iterator[Span]:
        text = t.text
        w = re.sub(r"[ \t]+", " ", text[s:e].lower()).replace("’", "'")
        if e - s <= 3 and text[s:e].isupper():
            return  # "AG", "NA": initials or an acronym, not the word
        if w in sec.kin:
            if _BLANK_THEN_CAPITAL.match(text, e):
                return  # "Tita Marga": the kin rule keeps the word and takes the name
            if not active and (self.cues.any_given_name(w) or w in self.lex.intl_names):
                return  # "Lola said" in a post with no Tagalog: the given name
            prev = _CAP_BEFORE.search(text, max(0, s - 30), s)
            if prev is not None:
                pf = prev.group(1).casefold()
                r = self.lex.rank(pf)
                if pf not in self.cues.kin_titles and (r is None or r >= 20000 or self.cues.any_given_name(pf)):
                    return  # "Syafiqah Makcik", "Mustafa Hoca": a name before it; the name rules decide the pair
            yield self.span(s, e, KEEP, reason=f"a kinship or respect word of {sec.label}")
            return
        if w in _SIZE_WORDS and text[s:s + 1].isupper() and _BLANK_THEN_CAPITAL.match(text, e):
            return  # "Muckle Jeemie", "Peerie Magnie": a size word making a nickname, the nickname rule decides
        if w in sec.endearments and sec.postposed is not None:
            nxt = re.match(r"[ \t]+(\S{2,12})", text[e:e + 16])
            if nxt and sec.postposed.fullmatch(nxt.group(1).lower().rstrip(",.!?")):
                return  # "umut abi": a name before a title said after it
        if text[s:s + 1].isupper() and (w in sec.endearments or " " not in w and self._name_shape_here(t, s, e)):
            return  # "my Liefie", "Liefie said": an endearment capitalised is a nickname
        yield self.span(s, e, KEEP, reason=f"a word of {sec.label}, which this post mixes into its English")

    def _localities(self, t: TextContext, heads: frozenset[str]) -> Iterator[Span]:
        """A neighbourhood named by its head word ("Rajiv Chowk", "Lajpat Nagar", "Koramangala Layout",
        "T. Nagar"), and a suburb named by its side after a city ("Mumbai, Andheri West")."""
        text = t.text
        pattern, gate = _locality_pattern(heads) if heads else (None, None)
        for m in pattern.finditer(text) if pattern is not None and not _locality_gate(heads).absent(t) \
                and gate.search(text) else ():
            s = m.start()
            if self.cues.title_before(text, s) or self.cues.relation_before(text, s):
                continue
            first = re.match(r"[A-Za-z]+", m.group(0)).group(0).casefold()
            if (self.cues.any_given_name(first) or first in self.lex.intl_names) \
                    and not _place_word_before(self.policy.rules, t.lang)[1].search(text[max(0, s - 24):s]):
                continue  # "Rohit Nagar" is also a person ("Nagar" is a surname): a place only after "in", "near"
            yield self.span(s, m.end(), KEEP, reason="a neighbourhood named by its head word")
        for m in _SIDE_AFTER_CITY.finditer(text) if not _SIDES_GATE.absent(t) and any(w in text for w in _SIDES) else ():
            if knowledge().is_place(m.group("city")):
                yield self.span(m.start("sub"), m.end("sub"), KEEP, reason="a suburb named by its side, after its city")

    def _name_shape_here(self, t: TextContext, s: int, e: int) -> bool:
        """A one-word greeting capitalised mid-sentence after a title, "my X" ("my cousin Manuia") or a
        naming phrase ("my real name is X") is a name there."""
        return self.cues.title_before(t.text, s) or self.cues.relation_before(t.text, s) \
            or self.cues.named_before(t.text, s)

    def _article_nouns(self, t: TextContext, articles: frozenset[str]) -> Iterator[Span]:
        text = t.text
        if not articles:
            return
        pat = _article_pattern(articles)
        for a in pat.finditer(text):
            s = e = a.start()
            e = s + len(a.group(1))
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


# Respect words that Indian English puts after a name ("Rustom sir", "Meera ma'am", "Sharma-ji",
# "Anu-di", "Arnab-da", "Ravi bhaiya", "Latha aunty"); "-di" and "-da" only hyphenated ("da" is a word)
# Korean and Japanese respect words said after the name, written with a hyphen ("Min-ji-ssi", "Kenji-san",
# "Yumi-chan", "Taro-kun", "Kim-seonsaengnim", "Tanaka-sensei") or, the longer ones, after a blank ("Park
# seonsaengnim", "Tanaka sensei"); the Korean vocative "-ya"/"-a" is left out (a hyphen ending of many words)
_EAST_ASIAN_HYPHENED = "ssi|nim|san|sama|chan|kun|sensei|senpai|seonsaengnim|sunbae|sunbaenim"
_EAST_ASIAN = frozenset(("ssi|nim|san|sama|chan|kun|sensei|senpai|seonsaengnim|sunbae|sunbaenim").split("|"))
_EAST_ASIAN_SPACED = "ssi|sama|sensei|seonsaengnim|sunbaenim"
def regional_kin_after() -> tuple[str, ...]:
    """Every section's kinship words said after a given name (``kin_after``), longest first."""
    return tuple(sorted({_folded(k) for sec in _sections().values() for k in sec.get("kin_after", ())},
                        key=len, reverse=True))


_KIN_AFTER = "|".join(map(re.escape, regional_kin_after()))
_HONORIFIC_AFTER = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+|-[a-z]+)?|[a-z]{3,})"
    r"(?:[ \t]+(?P<hon>(?i:sir|ma['’]?am|madam|ji|didi|dada|bhai|bhaiya|bhaiyya|aunty|auntie|uncle|akka|chechi|"
    r"mashi|mausi|garu|saab|sahab|bhabhi|" + _KIN_AFTER + "|" + _EAST_ASIAN_SPACED + r"))"
    r"|-(?P<hyph>(?i:ji|di|da|didi|dada|bhai|bhaiya|aunty|uncle|akka|garu|" + _EAST_ASIAN_HYPHENED + r")))"
    r"(?![\w'’-])")


_PHRASES = regional_phrases()


class PersonalArticleRecognizer(Recognizer):
    """Tagalog marks the names of persons with their own articles ("si", "ni", "kay"; plural "sina",
    "nina", "kina"), which never go before a common noun: "Si Marivic 'to", "sabi ni Tatay Rolando",
    "Hi kay Joyce". In a post that mixes Tagalog into its English (see :class:`MixedSection`), the
    capitalised word after one is a person's name, unless the word is a kin or respect word or a title
    (the kin and title rules take the name after it), or was kept before (a public figure, a place:
    "si Cristiano Ronaldo")."""

    name, score = "personal_article", 0.8
    languages = frozenset({"en", "de"})  # (German: the Turkish titles after a name, see _postposed)

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text, self.cues
        for sec in active_sections(t):
            if sec.postposed:
                yield from self._postposed(t, sec)
            yield from self._filipino_names(t, sec)
            if sec.articles is None:
                continue
            for m in sec.articles.finditer(text):
                s, e = m.span("name")
                core = POSS_END.sub("", m.group("name"))
                e = s + len(core)
                cf = core.casefold().replace("’", "'")
                if cf in sec.kin or cf in cues.kin_titles or cf in cues.titles or cf.rstrip(".") in cues.titles \
                        or cf in cues.not_names or cues.function_word(cf) or not t.free(s, e):
                    continue
                if knowledge().is_place(core) or knowledge().is_demonym(core):
                    continue
                yield self.person(t, s, self.extend(text, e, t.lang), f"a name after a personal article of {sec.label}")

    def _postposed(self, t: TextContext, sec: MixedSection) -> Iterator[Span]:
        """Turkish puts a title of respect or kinship after the given name ("Mustafa Hoca", "Sevda Abla",
        "umut abi", "Leyla Hanım"): the word right before one is a person's name, capitalised or, when it
        is no word of the text's language, in lower case."""
        text, lex, cues = t.text, self.lex, self.cues
        hay = t.low if t.low is not text else text.lower()
        if len(hay) != len(text):
            return
        for m in sec.postposed.finditer(hay):
            b = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, m.start() - 40):m.start()])
            if b is None:
                continue
            w = b.group(1)
            s = m.start() - len(b.group(0))
            e = s + len(w)
            cf = w.casefold()
            if len(w) < 2 or cf in cues.not_names or cf in cues.kin_titles or cf in cues.titles or cues.function_word(cf) \
                    or cf in cues.relations or knowledge().is_place(w) or knowledge().is_demonym(w) or not t.free(s, e):
                continue
            lr = lex.lang_rank(cf, t.lang) if t.lang and t.lang != "en" else lex.rank(cf)
            if w[:1].isupper():
                if lr is not None and lr < 3000 and not (self.cues.any_given_name(cf) or cf in lex.intl_names):
                    continue  # "Meine Abla", "Unsere Hoca": a word of the language before the title
            elif lr is not None or lex.rank(cf) is not None or lex.ordinary_in(cf):
                continue  # "meine abla", "danke abi": lower case, only a word of no language
            yield self.person(t, s, e, f"a given name before a title said after it ({sec.label})")

    def _filipino_names(self, t: TextContext, sec: MixedSection) -> Iterator[Span]:
        """"Ma." for María before a given name ("Ma. Teresa Dizon": the abbreviation is part of the name),
        and nicknames made by doubling a syllable ("Tonton", "Bingbing"), that are no word and no place."""
        text, lex = t.text, self.lex
        for m in sec.abbreviations.finditer(text) if sec.abbreviations is not None else ():
            s, e = m.span("name")
            cf = m.group("name").casefold()
            if (self.cues.any_given_name(cf) or cf in lex.intl_names) and t.free(m.start(), e):
                # the abbreviation is no name of its own elsewhere in the post ("Ma'am", "Ma, I'm home")
                t.doc.keep.add(text[m.start():s].strip().rstrip(".").casefold())
                yield self.person(t, m.start(), self.extend(text, e, t.lang), "an abbreviated given name before a given name")
        if sec.reduplicated:
            for m in _REDUPLICATED.finditer(text):
                s, e = m.span()
                cf = m.group(0).casefold()
                r = lex.rank(cf)
                if (r is not None and r < 50000) or lex.dictionary_word(cf) or knowledge().is_place(m.group(0)) \
                        or cf in self.cues.kin_titles or cf in self.cues.not_names or not t.free(s, e):
                    continue
                yield self.person(t, s, self.extend(text, e, t.lang), f"a nickname of a doubled syllable ({sec.label})")


class HonorificRecognizer(Recognizer):
    """A given name before a respect word said after it, as Indian English does ("Rustom sir is a
    legend", "Vasudha ma'am and I", "Sunny-di", "Sharma-ji"): the word before is a person's name even
    when it is also an English word ("Honey aunty", "Lucky bhaiya")."""

    name, score = "honorific_after", 0.8
    # (in the other languages only the East Asian honorifics joined by a hyphen: "a Tanabe-san", "o Kenta-kun")
    languages = frozenset({"en", "fr", "es", "it", "pt", "nl", "cs", "pl"})

    def __init__(self, cues):
        super().__init__(cues)
        self.triggers = _HONORIFIC_TRIGGERS  # every span starts from a respect word of ``_HONORIFIC_FIND``

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues, lex = t.text, self.cues, self.lex
        low = t.low
        if low is text:
            low = text.lower()
            if len(low) != len(text):
                return
        for h in _HONORIFIC_FIND.finditer(low):
            # the name right before the respect word (found first: the engine skips to their letters)
            m = _HONORIFIC_AFTER.search(text, max(0, h.start() - 40), h.end())
            if m is None or m.end() != h.end():
                continue
            s, e = m.span("name")
            word = m.group("name")
            cf = word.casefold()
            if (cf in cues.not_names and cf not in _ENDEARMENTS) or cf in cues.greet1 or cf in cues.closings or cf in cues.titles \
                    or cf in INTERJECTIONS or cues.function_word(cf) or cf in cues.kin_titles or cf in cues.relations:
                continue  # "Thanks sir", "Yes ma'am", "Dear Sir", "my uncle"
            hon = (m.group("hon") or m.group("hyph") or "").casefold()
            if t.lang not in (None, "en") and not (m.group("hyph") and hon in _EAST_ASIAN):
                continue  # "sir", "ji", "aunty" after a word are English and Indian English address
            if hon in _ENGLISH_KIN and not (cues.any_given_name(cf) or cf in lex.intl_names):
                continue  # "Hokkien auntie", "Punjabi uncle": a word about the person, not a name
            if word.islower():
                # lower case: only a given name or a word of no language ("rustom sir")
                if not (cues.any_given_name(cf) or cf in lex.intl_names or lex.rank(cf) is None):
                    continue
            else:
                r = lex.rank(cf)
                if r is not None and r < 3000 and not (lex.is_first_name(cf) or cf in lex.intl_names) \
                        and not m.group("hyph"):
                    continue  # "Good sir", "Excuse ma'am": a word, not a name
            if t.english and re.search(r"\b(?:the|a|an|my|your|his|her|our|their)[ \t]+$", text[max(0, s - 8):s], re.I):
                continue  # "the sir", "my uncle": a role, no name (Portuguese "a Tanabe-san" is "the" before a name)
            if knowledge().is_place(word) and not cues.any_given_name(cf) and not (m.group("hyph") and hon in _EAST_ASIAN):
                continue  # (a Japanese surname is often a town's name too: "Tanabe-sensei" is the person)
            if hon in _EAST_ASIAN and word[:1].isupper():
                # "Kaori Tamashiro-san", "Park Ji-hoon-ssi": the given name or surname written before goes too
                b = _CAP_BEFORE.search(text, max(0, s - 30), s)
                if b is not None:
                    bcf = b.group(1).casefold()
                    br = lex.rank(bcf)
                    if (cues.any_given_name(bcf) or bcf in lex.intl_names or lex.is_surname(bcf) or br is None
                            or br >= 5000) and bcf not in cues.titles and bcf not in cues.not_names \
                            and not cues.function_word(bcf) and not knowledge().is_place(b.group(1)) and t.free(b.start(1), e):
                        s = b.start(1)
            yield self.person(t, s, e, "a name before a respect word said after it")


_ENGLISH_KIN = frozenset({"aunty", "auntie", "uncle"})
# the respect words in the lower-cased text, after a blank or a hyphen
_HONORIFIC_WORDS = ("sir|ma'am|ma’am|maam|madam|ji|didi|di|dada|da|bhai|bhaiya|bhaiyya|"
                    "aunty|auntie|uncle|akka|chechi|mashi|mausi|garu|saab|sahab|bhabhi|" + _KIN_AFTER + "|" + _EAST_ASIAN_HYPHENED)
_HONORIFIC_FIND = re.compile(r"(?:" + by_first_letter(_HONORIFIC_WORDS, r"[^ \t-]") + r")(?![\w'’-])")
# (the words as written: re.escape only puts a backslash before a character)
_HONORIFIC_TRIGGERS = first_runs(re.sub(r"\\(.)", r"\1", w) for w in _HONORIFIC_WORDS.split("|"))
# a writer naming themself: "Priya here from Pune", "Tevita here, long time lurker", "Kiri here btw"
_HERE_INTRO = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][\"”’)])[ \t]*|(?<=[\U0001F300-\U0001FAFF\u2600-\u27BF])[ \t]*)"
                         r"[ \t]*(?P<name>[A-Za-z][a-z]+)[ \t]+here(?=[ \t]*(?:,|\.|!|\(|\bfrom\b|\bbtw\b|\bagain\b|"
                         r"\btoo\b|[-–—]))", re.M)
_HERE_AGAIN = re.compile(r"[ \t]*,[ \t]*(?P<name>[A-Z][a-z]+)[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?=[ \t]*[,.!(])")
# "I am Honey.", "I'm Lucky, from ...", "i am Joy D'Mello": a given name that is also a word, right
# after the writer says who they are, before a clause break
_I_AM = re.compile(r"(?:\b[Ii]['’]m|\b[Ii][ \t]+am|\b[Mm]y[ \t]+name[ \t]+is|\b[Nn]ame['’]s)[ \t]+"
                   r"(?P<name>[A-Za-z\u00c0-\u00ff\u0100-\u017f][a-z\u00df-\u00ff\u0100-\u017f]+)(?=[ \t]*(?:[.,!(;:]|$|\bfrom\b|\band\b|[A-Z]))", re.M)
# who is writing, after the person addressed or at the start of a line: "Nana, it's Kiri.", "Kia ora Mere,
# it's Tama from Ōtara", "this is Priya here"
_ITS_ME = re.compile(r"(?:^|\n|,)[ \t]*(?:[Ii]t['’]s|[Tt]his[ \t]+is)[ \t]+(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][^\W\d_]+)"
                     r"(?=[ \t]*(?:[.!,]|$|\bfrom\b|\bhere\b|\(|[\U0001F300-\U0001FAFF]))", re.M)
# a single initial for a person, doing what people do: "J. and I read it", "because J. was a veteran",
# "R. says hi" (not after another initial or a title: "U.S. was", "Dr. J. said")
_INITIAL_SUBJECT = re.compile(r"(?P<name>[A-Z])(?<![\w.][A-Z])\.(?=[ \t]+(?:and[ \t]+(?:I|me)\b|(?:says|said|was|is|has|had|"
                              r"told|asked|thinks|thought|would|will|wants|wanted|called|came|went|sends|sent|"
                              r"and[ \t]+me)\b))")
# "real name, Priya", "my full name is Anjali", "legal name: Tomasz"
_NAME_APPOSITION = re.compile(r"\b(?:real|full|actual|legal|proper|given|birth|official|christian)[ \t]+name"
                              r"(?:[ \t]+is)?[ \t]*[,:–—-]?[ \t]*(?P<name>[A-Z][a-z]+)(?![\w'’-])", re.I)
# a quotation that opens by addressing someone: '"Kiran, I am not your father"', '“Mere, you did it”'
_QUOTE_VOCATIVE = re.compile(r"[\"“](?P<name>[A-Z][a-z]+),[ \t]+(?:I|I'm|I’m|you|you're|you’re|we|we're|listen|please|"
                             r"this|that|it's|it’s|there|look|your|don't|don’t|do|are|can|will|go|come|tell)\b")
# endearments that are also given names: a name where only a name fits ("I am Honey.", "Honey aunty")
_ENDEARMENTS = frozenset({"honey", "baby", "darling", "sugar", "sunshine"})
_FAITHS = frozenset({"christian", "muslim", "hindu", "jewish", "catholic", "baptist", "methodist", "sikh", "buddhist",
                     "parsi", "jain", "protestant", "orthodox", "mormon", "pentecostal", "anglican", "lutheran"})


def _demonym_after(text: str, e: int) -> bool:
    m = re.match(r"[ \t]+([A-Z][a-z]+)", text[e:e + 30])
    return bool(m) and knowledge().is_demonym(m.group(1))


# nouns a writer describes themself with after their name ("i'm x, nurse in ...", "i'm x, a student"), beside
# the policy's relation nouns (kinship and care: "therapist", "counsellor", "teacher", "nurse")
_ROLE_NOUNS = frozenset({"student", "trainee", "carer", "caregiver", "parent", "widow", "widower", "veteran", "vet",
                         "librarian", "pharmacist", "paramedic", "firefighter", "midwife", "retiree", "lawyer",
                         "engineer", "chef", "social", "clinician", "counselor", "psychotherapist", "lpc", "lcsw",
                         "lmft", "lpcc", "rn", "np", "intern", "resident", "volunteer", "peer", "mum", "mom", "dad"})
_APPOSITION_AFTER = re.compile(r"[ \t]*,[ \t]+(?:(?P<not>not)[ \t]+)?(?:(?:a|an|the|your|ur)[ \t]+)?(?P<word>[a-z]+)\b")


class IntroductionRecognizer(Recognizer):
    """The name a writer gives themself: "Priya here from Pune" opening a sentence, or a given name
    that is also a word right after "I am" ("I am Honey.", "I'm Lucky, from ..."): there only a name
    fits. Adjectives that are no given name ("I am Tired.", "New here") and faith and nationality
    words ("I am Christian") are not names."""

    name, score = "introduction", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues, lex = t.text, self.cues, self.lex
        low = t.low
        if " here" in low:
            for m in _HERE_INTRO.finditer(text):
                s, e = m.span("name")
                cf = m.group("name").casefold()
                again = _HERE_AGAIN.match(text, m.end())
                if again is not None and again.group("name") == m.group("name") and not self._no_name(cf) \
                        and m.group("name")[:1].isupper():
                    # "Xxx here, Xxx Yyy, on ...": the writer says the name again with the surname, whatever
                    # word it also is
                    yield self.person(t, s, e, "a writer naming themself twice ('X here, X Y')")
                    yield self.person(t, again.start("name"), again.end(), "a writer naming themself twice ('X here, X Y')")
                    continue
                if self._no_name(cf) or not (lex.is_first_name(cf) or cf in lex.intl_names):
                    continue  # ("Ironbound here": where the writer is)
                r = lex.rank(cf)
                if m.group("name").islower() and not t.lower_style and r is not None and r < 20000:
                    continue  # "same here", "new here"; a rare word that is a given name is the name ("kiri here")
                yield self.person(t, s, e, "a writer naming themself ('X here')")
        if " am " in low or "'m " in low or "’m " in low or "name" in low:
            for m in _I_AM.finditer(text):
                s, e = m.span("name")
                cf = m.group("name").casefold()
                r = lex.rank(cf)
                if m.group("name").islower():
                    # lower case: only in text written without capitals, and only a word of no language
                    # ("i'm sefo, samoan"; not "i'm tired, ok")
                    if t.lower_style and lex.is_first_name(cf) and not self._no_name(cf) and t.free(s, e) \
                            and self._named_apposition(text, e):
                        yield self.person(t, s, e, "a given name right after 'i'm', then a role or another name set against it")
                        continue
                    if not t.lower_style or r is not None or lex.ordinary_in(cf) or self._no_name(cf):
                        continue
                    yield self.person(t, s, e, "a word of no language right after 'i'm'")
                    continue
                if cf in _ENDEARMENTS and t.free(s, e) and self.extend(text, e, t.lang) > e:
                    # "I am Baby Xxx": an endearment that is a given name, with a surname after it
                    yield self.person(t, s, self.extend(text, e, t.lang), "a given name and a surname right after 'I am'")
                    continue
                if self._no_name(cf) or not (lex.is_first_name(cf) or cf in lex.intl_names or (
                        (r is None or r >= 20000) and not lex.dictionary_word(cf))):
                    continue  # a given name, or a capitalised word of no language or a rare one ("i'm Tūī")
                if not t.free(s, e) or _demonym_after(text, e):
                    continue  # "I'm Tamil Singaporean": what someone is, not who
                # ("I'm Noor Hollister": the surname even where it is also a town; "I'm Noor, Hollister" is where)
                yield self.person(t, s, self.extend(text, e, t.lang, given=True),
                                  "a given name right after 'I am'")
        if "it's " in low or "it’s " in low or "this is " in low:
            for m in _ITS_ME.finditer(text):
                s, e = m.span("name")
                cf = m.group("name").casefold()
                r = lex.rank(cf)
                if self._no_name(cf) or not t.free(s, e) or not (
                        lex.is_first_name(cf) or cf in lex.intl_names or r is None or r >= 5000):
                    continue
                yield self.person(t, s, e, "a writer saying who is writing ('Hi Mum, it's X')")
        if "name" in low:
            for m in _NAME_APPOSITION.finditer(text):
                s, e = m.span("name")
                cf = m.group("name").casefold()
                if self._no_name(cf) or not t.free(s, e):
                    continue
                yield self.person(t, s, self.extend(text, e, t.lang), "a name after 'real name', 'full name'")
        if '"' in text or "“" in text:
            for m in _QUOTE_VOCATIVE.finditer(text):
                s, e = m.span("name")
                cf = m.group("name").casefold()
                r = lex.rank(cf)
                if self._no_name(cf) or not t.free(s, e) or not (r is None or lex.is_first_name(cf) or cf in lex.intl_names):
                    continue
                if r is not None and r < 5000 and cf not in cues.first_names:
                    continue  # "Well, I ...", "Look, you ..."
                yield self.person(t, s, e, "the person addressed at the start of a quotation")

    def _named_apposition(self, text: str, e: int) -> bool:
        """After "i'm x": a comma and a role noun ("i'm x, therapist in ...", "i'm x, a nurse"), or "not"
        and a given name set against it ("i'm x, not y"): x is who the writer is, not how they feel."""
        m = _APPOSITION_AFTER.match(text, e)
        if m is None:
            return False
        w = m.group("word")
        if m.group("not"):
            return self.lex.is_first_name(w) and (self.lex.rank(w) or 10 ** 6) >= 3000
        return w in self.cues.relations or w in _ROLE_NOUNS

    def _no_name(self, cf: str) -> bool:
        cues = self.cues
        return (cf in cues.not_names and cf not in _ENDEARMENTS) or cf in cues.greet1 \
            or cf in cues.closings or cf in INTERJECTIONS or cues.function_word(cf) or cf in _FAITHS \
            or knowledge().is_demonym(cf) or cf in cues.titles or cf in cues.relations \
            or (_PHRASES.phrases is not None and _PHRASES.phrases.fullmatch(cf) is not None)


class InitialSubjectRecognizer(Recognizer):
    """A person named by one initial in running text, as older letter writers do ("J. and I read your
    letter", "because J. was a veteran"): a capital and a full stop before "and I" or a finite verb
    of a person, not after another initial or a title ("the U.S. was", "Dr. J. said" is the title
    rule's)."""

    name, score = "initial_subject", 0.7
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if ". " not in text:
            return
        for m in _INITIAL_SUBJECT.finditer(text):
            s, e = m.span("name")
            if m.group("name") == "I" or self.cues.title_before(text, s):
                continue
            if re.search(r"(?:\b[A-Z]\.[ \t]?|[A-Z]\.)$", text[max(0, s - 4):s]):
                continue  # "U. S. was": part of an abbreviation
            yield self.person(t, s, e + 1, "a single initial for a person, subject of a verb")


# the last line: a dash, one name, then an aside in brackets ("- Mira (yes, that's my real name)")
_DASH_ASIDE = re.compile(r"(?:^|\n)[ \t]*[-–—~]+[ \t]*(?P<name>[^\W\d_][\w’'-]*)[ \t]+\([^()\n]{1,160}\)[ \t.!]*$")


class DashAsideSignoffRecognizer(Recognizer):
    """A dash sign-off with an aside after the name, closing the text: "- Mira (yes, the handle is my
    name)". The name alone on a dash line signs the text; the bracket only explains it."""

    name, score = "signoff_aside", 0.75

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text.rstrip()
        if t.role == "title" or not text.endswith(")"):
            return
        m = _DASH_ASIDE.search(text, max(0, len(text) - 220))
        if m is None:
            return
        cf = m.group("name").casefold()
        cues = self.cues
        if cf in cues.not_names or cf in cues.titles or cf in cues.greet1 or cf in cues.closings or cf in INTERJECTIONS \
                or cues.function_word(cf) or cf in cues.acronyms:
            return  # "- Update (edited)", "- Edit (typo)"
        yield self.person(t, m.start("name"), m.end("name"), "a dash sign-off with an aside in brackets")


class QuotedSignoffRecognizer(Recognizer):
    """A sign-off quoted from a letter, a card or an e-mail: 'signed "Warmly, Ottavia"', '"Love, Bea x"'.
    The name after a closing word inside quotation marks is the writer of what is quoted."""

    name, score = "signoff_quoted", 0.75

    def __init__(self, cues):
        super().__init__(cues)
        words = sorted((re.escape(w).replace(r"\ ", r"[ \t]+") for w in cues.closings), key=len, reverse=True)
        self._re = re.compile(r"[\"“](?i:" + "|".join(words) + r"),?[ \t]+(?P<name>[^\W\d_][\w’'-]*)"
                              r"(?:[ \t]+x{1,4})?[.!]?[\"”]")

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if '"' not in text and "“" not in text:
            return
        cues = self.cues
        for m in self._re.finditer(text):
            cf = m.group("name").casefold()
            if cf in cues.not_names or cues.function_word(cf) or cf in cues.closings or cf in INTERJECTIONS \
                    or not m.group("name")[:1].isupper():
                continue  # '"Love, always"', '"Thanks, everyone"'
            yield self.person(t, m.start("name"), m.end("name"), "a name after a closing word, quoted")



# one initial closing the text before emoji or kisses: "Thanks for sharing. V. 🌼", "proud of you D. 🤙"
_INITIAL_EMOJI_END = re.compile(r"(?:^|\n|[.!?][ \t]+|\b(?:you|u|ya|thanks|ty)[ \t]+)(?P<name>[A-Z]\.)[ \t]*"
                                r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\ufe0f\u200d]+|x{1,4}|xo+)[ \t!.]*$")


class InitialEmojiSignoffRecognizer(Recognizer):
    """One initial signing the text before emoji or kisses ("... the notes. V. 🌼", "proud of you
    D. 🤙"): what follows it shows it is a sign-off, even for a letter that is also a numeral ("V.")."""

    name, score = "signoff_initial", 0.75

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text.rstrip()
        if t.role == "title" or not text or text[-1].isalnum() and text[-1] not in "xoXO":
            return
        m = _INITIAL_EMOJI_END.search(text, max(0, len(text) - 40))
        if m is not None and m.group("name") != "I.":
            yield self.person(t, m.start("name"), m.end("name"), "one initial before emoji or kisses, closing the text")


# two or three capitals closing the text after a full sentence: "... Love you. KJ" (initials without dots)
_CAPS_INITIALS_END = re.compile(r"[.!?][ \t]+(?P<name>[A-Z]{2,3})[ \t]*[.!]?[ \t]*$")


# initials of a double-barrelled name signing the text: "— E-R", "🥹 A-S", "M-P 💜", "Julia A-K x" (two parts
# of one or two capitals: "H-E-B" is a brand)
_HYPHEN_INITIALS_END = re.compile(
    r"(?:^|(?<=[.!?…)\]])[ \t]+|[—–][ \t]*|\n[ \t]*|(?<=[^\w\s,;:'’\"“(\-])[ \t]+)"
    r"(?P<name>(?P<given>[A-Z][a-z]+[ \t]+)?(?P<ini>[A-Z]{1,2}-[A-Z]{1,2}))(?![\w-])\.?"
    r"(?:[ \t]+(?:x{1,4}|xo+))?[ \t]*(?:[^\w\s]{1,4}[ \t]*)?$")


class CapsInitialsSignoffRecognizer(Recognizer):
    """Initials without dots signing the text after its last sentence ("Love you. KJ"); not an
    abbreviation the policy lists ("... so yes. OMG", "... did it. CBT")."""

    name, score = "signoff_caps", 0.75

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text.rstrip()
        if t.role != "title" and len(text) >= 8 and "-" in text[-24:]:
            h = _HYPHEN_INITIALS_END.search(text, max(0, len(text) - 24))
            if h is not None:
                s = h.start("name")
                g = h.group("given")
                if g and not (self.cues.any_given_name(g.strip().casefold()) or g.strip().casefold() in self.lex.first_names):
                    s = h.start("ini")  # "Thanks A-K": only the initials
                yield self.person(t, s, h.end("name"), "hyphenated initials signing the text ('— E-R', 'Julia A-K x')")
                return
        if t.role == "title" or len(text) < 8 or not text[-1:].isupper() and text[-1:] not in ".!":
            return
        m = _CAPS_INITIALS_END.search(text, max(0, len(text) - 12))
        if m is None:
            return
        cf = m.group("name").casefold()
        if cf in self.cues.acronyms or cf in self.cues.not_names or self.lex.rank(cf) is not None and self.lex.rank(cf) < 3000:
            return
        yield self.person(t, m.start("name"), m.end("name"), "initials without dots signing the text")


# "Big Mike", "Lil Jay", "Little Ed": a nickname made of a size word and a given name
# what follows a nickname: "X we call him", "X they called her"; "X here," (the writer naming themself)
_WE_CALL = re.compile(r"[ \t,]+(?:we|they|everyone|everybody|people|folk|the lads)[ \t]+(?:all[ \t]+)?call(?:s|ed)?"
                      r"[ \t]+(?:him|her|them|me)\b")
_HERE_AFTER = re.compile(r"[ \t]+here\b[ \t]*[,.!(—–-]")
# the list item before and after: "Tash, " / ", Tash"
_LIST_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+),[ \t]*$")
_LIST_AFTER = re.compile(r",[ \t]*([A-Z][^\W\d_]+)(?![\w'’-])")
# (and the size words of Scots: "Wee Tam"; of Shetland and Orkney: "Peerie Magnie", "Muckle Jeemie"). An age word
# ("Young Ryan", "Old Tam", "Auld Jeemie") describes the person: the name alone is taken, the word stays.
_SIZE_NICK = re.compile(r"(?<![\w'’-])(?:Big|Lil|Lil'|Little|Wee|Peerie|Muckle|(?P<age>Young|Ol'|Old|Auld|Aald))[ \t]+"
                        r"(?P<given>[A-Z][a-z]+)(?![\w'’-])"
                        r"|(?<![\w'’-])(?:big|lil|lil'|little)[ \t]+(?P<lgiven>[a-z]{3,})(?![\w'’-])")
_SIZE_WORDS = frozenset(("big", "lil", "little", "wee", "peerie", "muckle", "young", "old", "auld", "aald"))
# "they call me X", and the Scots "dey caa me X": what people call someone
_CALL_BEFORE = re.compile(r"\b(?:call|calls|called|caa|caas|caad|ca['’]d)[ \t]+(?:me|him|her|them)[ \t]+$", re.I)
# an age in apposition after the name: "X, 19,", "X, nineteen,"
_AGE_AFTER = re.compile(r"[ \t]*,[ \t]*(?:\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|"
                        r"three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                        r"seventeen|eighteen|nineteen)[ \t]*[,.;]", re.I)


_NICK_TO = re.compile(r"[ \t]+to[ \t]+(?:(?:the|my|his|her|our|their)[ \t]+(?:family|kids|grandkids|folks|friends|"
                      r"cousins|church|youth group|team|crew)|everyone|everybody|all of us)\b")
_RELATION_WAS = re.compile(r"\b(?:[Dd]addy|[Dd]ad|[Pp]apa|[Pp]aw-?[Pp]aw|[Mm]ama|[Mm]omma|[Mm]om|[Mm]um|[Gg]randdad|[Gg]randpa|"
                           r"[Bb]rother|[Ss]ister|[Uu]ncle|[Aa]unt|[Cc]ousin|[Ss]on|[Dd]aughter|[Hh]usband|[Ww]ife)"
                           r"[ \t]+(?:was|is|were|are)[ \t]+$")


class SizeNicknameRecognizer(Recognizer):
    """A nickname of a size word and a given name ("hi Big Mike", "Lil Jay said"), where the text
    gives it a person's role: a greeting before, a relation noun, or a verb of a person after. Without
    that role it may be a thing ("Big Ben", "Little Richard" is the singer's)."""

    name, score = "size_nickname", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text, self.cues
        lower = t.lower_style and ("big " in text or "lil" in text or "little " in text)
        if "Big " not in text and "Li" not in text and "Young " not in text and "Ol" not in text and not lower \
                and "Wee " not in text and "Peerie " not in text and "Muckle " not in text and "uld " not in text \
                and "ald " not in text:
            return
        for m in _SIZE_NICK.finditer(text):
            s, e = m.span()
            if m.group("age"):
                s = m.start("given")  # "Young Ryan": the age word stays
            given = m.group("given") or m.group("lgiven")
            cf = given.casefold()
            if cf in cues.not_names or not t.free(s, e) or (given.islower() and not t.lower_style):
                continue
            if (cf in t.doc.accepted or cf in cues.first_names or cues.any_given_name(cf)) and (
                    _CALL_BEFORE.search(text, max(0, m.start() - 20), m.start()) or _AGE_AFTER.match(text, e)):
                yield self.person(t, s, e, "a nickname of a size or age word and a name, called so or with an age")
                continue
            if given.islower() and not (cues.any_given_name(cf) and not self.lex.dictionary_word(cf)
                                                   or self.lex.rank(cf) is None and not self.lex.word_form(cf)):
                continue  # lower-case chat ("my cousin big stosh"): a name that is no word, never "big deal"
            if _WE_CALL.match(text, e) and (self.lex.rank(cf) is None or not self.lex.dictionary_word(cf)):
                # "Big Rodda we call him": the text says it is what people call someone
                yield self.person(t, s, e, "a nickname of a size word and a name, 'we call him'")
                continue
            if not (cf in cues.first_names or cues.any_given_name(cf) or given.islower() or cf in t.doc.accepted):
                continue
            if cues.greeting_before(text, s) or cues.relation_before(text, s) or cues.verb_after(text, e) \
                    or _HERE_AFTER.match(text, e) or self._listed(text, s, e) or cues.signoff(text, s, e) \
                    or _NICK_TO.match(text, e) or _RELATION_WAS.search(text, max(0, s - 30), s) \
                    or cf in t.doc.accepted or re.search(r"(?<![\w'’-])" + re.escape(given) + r"[ \t]*,", text[:s]):
                # also "X to the family", "Daddy was Big X", and the given name already a person here
                # ("Waylon, Lil Waylon to the family")
                yield self.person(t, s, e, "a nickname of a size word and a given name, in a person's role")

    def _listed(self, text: str, s: int, e: int) -> bool:
        """Between commas with a given name right before or after it: "Tash, Big Nev, thank you"."""
        cues = self.cues
        b = _LIST_BEFORE.search(text, max(0, s - 40), s)
        a = _LIST_AFTER.match(text, e)
        return any(m is not None and cues.any_given_name(m.group(1).casefold()) for m in (a, b))


# southern German names people with the article ("der Mirko ist", "die Resi hat gesagt"), and chat
# addresses them before a verb in the second person ("Mirko bist a Wahnsinn", "Resi, hast du ...")
_DE_ARTICLE_NAME = re.compile(r"\b(?:[Dd]er|[Dd]ie)[ \t]+(?P<name>[A-ZÄÖÜ][a-zäöüß]+)[ \t]+"
                              r"(?:ist|war|hat|hatte|sagt|sagte|meint|meinte|kommt|kam|macht|weiß|kann|wird|schreibt|"
                              r"schrieb|hat's|is|woar|hod)\b")
_DE_SECOND_PERSON = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*)(?P<name>[A-ZÄÖÜ][a-zäöüß]+),?[ \t]+"
                               r"(?:bist|hast|warst|kannst|musst|sollst|darfst|willst|bisch|hesch|host)\b", re.M)


class GermanPersonRecognizer(Recognizer):
    """German chat naming a person by a word of no language: with the article before a finite verb
    ("Der Mirko ist der Star hier"), or addressed before a verb in the second person ("Mirko bist a
    Wahnsinn"). German capitalises every noun, so only a word that is no word of German or English,
    no place and no demonym counts."""

    name, score = "german_person", 0.6
    languages = frozenset({"de"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, lex = t.text, self.lex
        for pat, why in ((_DE_ARTICLE_NAME, "article, a word of no language, a finite verb (German)"),
                         (_DE_SECOND_PERSON, "a word of no language addressed before a verb in the second person")):
            for m in pat.finditer(text):
                s, e = m.span("name")
                w = m.group("name")
                cf = w.casefold()
                if lex.lang_rank(cf, "de") is not None or lex.rank(cf) is not None or lex.ordinary_in(cf) \
                        or knowledge().is_place(w) or knowledge().is_demonym(w) or cf in self.cues.not_names \
                        or lex.word_form(cf) or lex.solid_compound(cf, "de") or not t.free(s, e):
                    continue
                yield self.person(t, s, e, why)


# a line that is a full name and nothing else but where the writer is: "Ann Pryor, Mylor Bridge, near the
# creek" opening a comment, or "Ann Pryor" alone on the last line, signing it
_NAME_PART = r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?"
_OPENING_NAME_LINE = re.compile(r"(?:\A|(?<=\n))[ \t]*(?P<name>" + _NAME_PART + r"[ \t]+" + _NAME_PART
                                + r")[ \t]*,[ \t]*(?P<where>(?:St\.?[ \t]+)?[A-Z][^\W\d_]+)")
_CLOSING_NAME_LINE = re.compile(r"[.!?)\U0001F300-\U0001FAFF\u2600-\u27BF][ \t]*\n+[ \t—–~-]*(?P<name>(?:" + _NAME_PART
                                + r"|[A-Z]\.)[ \t]+" + _NAME_PART + r")[ \t]*\s*\Z")


class NameLineRecognizer(Recognizer):
    """A writer's full name on a line of its own: opening the comment before where they live ("Ann Pryor,
    Mylor Bridge, ..."), or alone on the last line after the last sentence, signing it. Each part is a
    given name or surname of the names data or a word of no language (names few lists hold: "Tamsin
    Trevorrow"); the two words are no place, greeting, closing or title ("Kind Regards", "Penzance
    Library"), and a public figure named so was kept before this runs."""

    name, score = "name_line", 0.75
    # (not German, which capitalises every noun: "Viele Grüße" on the last line)
    languages = frozenset({"en", "fr", "es", "it", "pt", "nl"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if t.role == "title" or "\n" not in text and not text[:1].isupper():
            return
        found = []
        m = _OPENING_NAME_LINE.match(text) if text[:1].isupper() or text[:1] in " \t" else None
        if m and knowledge().is_place(m.group("where").replace("St ", "").replace("St. ", "")) or \
                m and m.group("where").startswith("St"):
            found.append((m, "a full name opening a comment, then where the writer is"))
        m = _CLOSING_NAME_LINE.search(text)
        if m:
            found.append((m, "a full name alone on the last line, signing the text"))
        for m, why in found:
            s, e = m.span("name")
            if t.free(s, e) and self._full_name(m.group("name"), t.lang):
                yield self.person(t, s, e, why)

    def _full_name(self, name: str, lang: str | None) -> bool:
        cues, lex = self.cues, self.lex
        if knowledge().is_place(name):
            return False
        parts = name.split()
        for i, p in enumerate(parts):
            cf = p.casefold()
            if len(cf) == 2 and cf.endswith("."):
                continue  # an initial: "J. Ferrándiz"
            if lang not in (None, "en") and (lex.lang_rank(cf, lang) or 10 ** 6) < 20000 \
                    and not (cues.any_given_name(cf) or lex.is_surname(cf)):
                return False  # a word of the text's language
            if cf in cues.not_names or cf in cues.titles or cf in cues.greet1 or cf in cues.closings \
                    or cues.function_word(cf) or knowledge().is_demonym(p):
                return False
            r = lex.rank(cf)
            name_like = cues.any_given_name(cf) if i == 0 else lex.is_surname(cf)
            # (a word of another language only is no word here: "Hedda" in English text)
            no_word = (r is None or r >= 20000) and not lex.dictionary_word(cf) and not (
                lex.ordinary_in(cf) & {"en", lang or "en"})
            if not (no_word or name_like and (r is None or r >= 3000)):
                return False
            if knowledge().is_place(p) and not name_like:
                return False
        return True


@lru_cache(maxsize=1)
def _reading_before() -> re.Pattern[str]:
    """A verb of reading, listening or watching (the covered languages' ``reading`` cues and English), perhaps
    with an article, right before a name."""
    from .multilingual import language_cues
    verbs = {"read", "reads", "reading", "watch", "watches", "watched", "watching", "listen to", "listens to",
             "listened to", "listening to", "hear", "heard", "follow", "follows", "followed"}
    for lc in language_cues()[0].values():
        verbs |= set(lc.reading)
    alt = "|".join(re.escape(v).replace(r"\ ", r"[ \t]+") for v in sorted(verbs, key=len, reverse=True))
    return re.compile(r"(?<![\w'’])(?:" + alt + r")[ \t]+(?:(?:o|a|the|el|la|il|le|de)[ \t]+)?$", re.I)


class PlacedNameRecognizer(Recognizer):
    """A given name and a surname of the names data, two capitalised words alone, one of which is also a
    place ("Cody Strickland", "Lamar Buckner", "Ivo Salgueiro"): the full name of a person, which the
    gazetteer would otherwise keep in part. Runs before the place rule. Not after a preposition of place,
    not a place as a whole ("Stanley Park"), no region, country or demonym in it, not inside a longer run
    of capitals ("North Cody Road")."""

    name, score = "placed_name", 0.75
    languages = frozenset({"en", "fr", "es", "it", "pt", "nl"})

    def __init__(self, cues):
        super().__init__(cues)
        from .anonymiser import place_before_pattern  # (the anonymiser imports this module)
        # a preposition of place of the text's language before the pair ("in", "em", "à", "naar")
        self._place_before = {lang: place_before_pattern(cues.policy, lang) for lang in self.languages}

    def _middle_place(self, t: TextContext, i: int) -> bool:
        """Three capitalised words alone, ``caps[i:i + 3]``: a given name, a given name that is also a place, and a
        surname of the names data ("Ylenia Paola Vella", "Anna Florence Whitby"): a full name with its middle name."""
        caps, text, cues, lex = t.caps, t.text, self.cues, self.lex
        if i + 3 < len(caps) and re.fullmatch(r"[ \t]+", text[caps[i + 2][1]:caps[i + 3][0]]):
            return False
        (s, _e, first, _c), (_s2, _e2, mid, core2), (_s3, _e3, _t3, core3) = caps[i:i + 3]
        f, m, l3 = first.casefold(), core2.casefold(), core3.casefold()
        if not (cues.any_given_name(f) or f in lex.intl_names) or cues.word_name(f) or not cues.any_given_name(m) \
                or mid != core2 or not lex.is_surname(l3) or not knowledge().is_place(core2):
            return False
        if any(w in cues.not_names or w in cues.titles or cues.function_word(w) for w in (f, m, l3)):
            return False
        return not self._place_before[t.lang or "en"].search(text, max(0, s - 14), s) and t.free(s, caps[i + 1][1])

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues, lex = t.text, self.cues, self.lex
        caps = t.caps
        k = knowledge()
        for i in range(len(caps) - 1):
            s, e, first, _ = caps[i]
            s2, e2, second, core2 = caps[i + 1]
            if text[e:s2] != " " or not (k.is_place(first) or k.is_place(core2)):
                continue
            if i > 0 and re.fullmatch(r"[ \t]+", text[caps[i - 1][1]:s]):
                continue  # inside a longer run of capitals
            if i + 2 < len(caps) and re.fullmatch(r"[ \t]+", text[e2:caps[i + 2][0]]):
                if self._middle_place(t, i):
                    last3 = caps[i + 2][0] + len(caps[i + 2][3])
                    yield self.person(t, s, last3 if t.free(caps[i + 2][0], last3) else caps[i + 1][0] + len(caps[i + 1][3]),
                                      "a given name, a middle name that is also a place, and a surname")
                continue  # inside a longer run of capitals
            f, l2 = first.casefold(), core2.casefold()
            if not (cues.any_given_name(f) or f in lex.intl_names) or not lex.is_surname(l2) or cues.word_name(f):
                continue
            if any(w in cues.not_names or w in cues.titles or cues.function_word(w) for w in (f, l2)):
                continue
            if any(k.is_region(w) or k.is_demonym(w) for w in (first, core2)) or k.is_place(f"{first} {core2}"):
                continue
            if any((lex.rank(w) or 10 ** 6) < 3000 and lex.dictionary_word(w) for w in (f, l2)):
                continue  # "Grace Church", "Bath Spa": a common word in it
            if cues.is_initial(text, s) and (lex.rank(f) or 10 ** 6) < 20000 and not re.match(r"[ \t]*,", text[s2 + len(core2):s2 + len(core2) + 2]):
                continue  # opening a sentence, a word too, no comma after: not sure
            if self._place_before[t.lang or "en"].search(text, max(0, s - 14), s) or not t.free(s, s2 + len(core2)):
                continue
            if _reading_before().search(text, max(0, s - 30), s):
                continue  # "watches X Y", "ouvi o X Y": a performer or author, whom the public-work rules judge
            yield self.person(t, s, s2 + len(core2), "a given name and a surname, one of them also a place")
