"""Recognizers for French, Spanish, Italian, Portuguese and Dutch text.

These languages do not capitalise common nouns, so a capital inside a sentence marks a proper noun
(a person, a place, a brand); which of them is a private person's name is told, as in English, by
the role the sentence gives it and by the name lexicons:

- :class:`CuePhraseRecognizer` — a relation noun after a possessive ("ma psy Guylaine", "mi novio
  Andrés", "la mia psicologa Chiara"), in apposition ("Barbara, ma tante"), and naming phrases
  ("je m'appelle X", "se llama X", "ik heet X");
- :class:`LanguageTitleRecognizer` — forms of address before a surname ("Mme Fabre", "M. Lefebvre",
  "Sra. Ruiz", "dott.ssa Bianchi", "Mevr. de Vries");
- :class:`LanguageSignoffRecognizer` — the writer's name after a closing ("Bises, C.", "Un abrazo,
  Lupe"), or alone at the end of a comment when it is no word;
- :class:`LanguageNameRecognizer` — the person addressed after a greeting ("merci Pierre-Yves",
  "gracias Lupe"), a name doing what people do ("Clémence m'a dit", "Lupe me dijo"), given names and
  surnames from the names-dataset lexicons written with a capital inside a sentence, or in lower
  case in text written without capitals (not after an article: "la rose" is a flower), and a
  comment opening with the name of the person it answers.

The cue words are in ``therapy_threads/data/language_cues.toml``, one table per language, taken
from the languages' grammar; names, places and public figures come from the shared lexicons and
gazetteer. Each recognizer declares the languages of that file, so :mod:`.coverage` counts them.
"""
from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .detect import INTERJECTIONS, POSS, Cues, TextContext
from .inflection import declined_given, declined_surname, lower_word, name_forms, nominatives, only_word, strip_accents
from .knowledge import knowledge
from .lexicon_export import NATIONAL_WORD_NAMES_GIVEN_ONLY
from .phones import find_language_phones
from .recognizers import Recognizer
from .spans import KEEP, KNOWN, PERSON, PHONE, Span

_FIELDS = ("possessives", "adjectives", "after", "relations", "titles", "speech", "greetings", "closings", "naming",
           "determiners", "works", "work_verbs", "places_before", "articles", "phone_regions", "reading",
           "diminutives", "person_articles", "lower_titles", "heads", "naming_articles", "here", "royals",
           "possessives_after", "possessive_suffixes", "post_titles", "local_titles", "surname_endings", "possessives_mixed",
           "name_titles", "cap_heads", "place_cases", "outer_place_cases", "clippings")
# a name token: letters, perhaps joined by hyphens ("Pierre-Yves", "Morel-Tissot", "ti-guy")
_NAME = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_NAME_RE = re.compile(_NAME)
_SENT_END = re.compile(r"(?:^|[.!?…:;]|\n)[\s\"«»“”'’()*•-]*$")
# capitals: ASCII, Latin-1 and Latin Extended-A ("Łucja", "Šťastný", "Żak": the Slavic and Baltic letters), and
# the Greek letters with their accented forms ("Στάθης", "Ελένη", "Άννα")
_GREEK = "".join(map(chr, range(0x386, 0x3d0)))
_UP = "A-ZÀ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper()) + "".join(
    c for c in _GREEK if c.isupper())
# one to three capitals, each with its period, not followed by a capitalised word (then the initials are a given name's
# and the surname follows: "Dr. J. Pérez")
_TITLE_INITIALS = re.compile(rf"(?:[{_UP}]\.[ \t]?){{1,3}}(?![^\W\d_])(?![ \t]*[{_UP}])")
_LOW = "a-zà-ÿ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.islower()) + "".join(
    c for c in _GREEK if c.islower())
_SURNAME_NEXT = re.compile(rf"[ \t]+[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?(?![\w'’])")
_CAP_RUN = re.compile(rf"[{_UP}][^\W\d_]*(?:[ \t]+[{_UP}][^\W\d_]*)*")
_QUOTED = re.compile(r"[\"“«]([^\"”»\n]{1,80})[\"”»]")
# a quoted title, with the low opening quotes of Polish and German too ("„Pan Tadeusz”", "„Der Steppenwolf“")
_QUOTED_TITLE = re.compile(r"[\"“«„]([^\"”»“\n]{1,80})[\"”»“]")
# the last word of naming phrases that also say what a thing is called ("eso se llama X", "ça s'appelle X")
_CALLED = frozenset({"llama", "llaman", "chama", "chamam", "appelle", "appellent", "heet", "heten", "chiama", "chiamano"})
# a capitalised word after a name, set off by a comma (and "and"), "and" or a bracket, then a comma, a bracket or "for"/"to":
# another name given for the same person ("X Y, Tore, e Battore per mia nonna", "X (Bachis per tutti)")
_ALIAS_AFTER = re.compile(r"(?:[ \t]*,[ \t]*(?:(?:e|y|et|ou|o|and)[ \t]+)?|[ \t]+\([ \t]*|[ \t]+(?:e|y|et|ou|o|and)[ \t]+)"
                          r"(?P<a>[A-ZÀ-ÖØ-Þ][^\W\d_]+)(?=[ \t]*[,)]|[ \t]+(?:per|para|pour|for|pra|à|a)[ \t])")
# languages whose given names are so often ordinary words that the national names data keeps the word-names as names
# (lexicon_export's NATIONAL_WORD_NAMES_GIVEN_ONLY: Swedish, Danish, Norwegian, Finnish "Dag", "Bror", "Tage", "Aamu"):
# there a capital after a strong cue is the name whatever the word's frequency. The data is exported under "no"; the
# language stage may also report Norwegian by its written standard (Nynorsk "nn", Bokmål "nb"), the same names.
_NORWEGIAN_STANDARDS = frozenset({"nn", "nb"})
# ... and the Romance languages, which write their nouns in lower case and give many of them as names (Portuguese
# "Amor", "Glória", "Luz"; Catalan "Llum", "Mercè"; Italian "Vita"; French "Aimé", "Fidèle"): there too a capital
# inside a sentence after a strong cue (a kin or care noun, a title, a naming phrase) is the name
_ROMANCE = frozenset({"fr", "es", "it", "pt", "ca"})
_ROLE_PATTERNS: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}
# the stressed first-person pronouns of the Romance languages, coordinated with a name ("eu e a X", "X et moi")
_FIRST_PERSON = frozenset({"eu", "jo", "io", "yo", "moi", "mim", "mi", "me"})
_WORD_NAME_LANGS = NATIONAL_WORD_NAMES_GIVEN_ONLY | (_NORWEGIAN_STANDARDS if "no" in NATIONAL_WORD_NAMES_GIVEN_ONLY
                                                     else frozenset())
# what follows a person's name as the subject of a verb, by language: the third person of "have", "be" and "go" and the
# negation that opens a predicate ("X avait", "X ne sait pas", "X no sabe", "X non sa", "X não sabe"), and the French
# cleft's relative ("c'est X qui")
_SUBJECT_AFTER = {
    "fr": re.compile(r"[ \t]+(?:a|avait|aura|est|était|sera|ne|n['’]|va|allait|vient|venait|qui|m['’]a|m['’]avait)(?![\w'’])"),
    "es": re.compile(r"[ \t]+(?:tiene|tenía|es|era|está|estaba|no|va|iba|ha|había|fue)(?![\w'’])"),
    "it": re.compile(r"[ \t]+(?:ha|aveva|è|era|non|va|andava|sta|stava|fu)(?![\w'’])"),
    "pt": re.compile(r"[ \t]+(?:tem|tinha|é|era|está|estava|não|vai|ia|foi)(?![\w'’])"),
}
_CAP_AFTER = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")
# Portuguese "in the" before a given name, a particle and a surname ("no Júlio de Matos", "na Maria da Fonte")
_PT_IN_THE_NAME = re.compile(r"(?<![\w'’-])(?:no|na|No|Na)[ \t]+(?P<name>(?P<given>[A-ZÀ-ÖØ-Þ][^\W\d_]+)[ \t]+(?:de|da|do|dos|das)"
                             r"[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]+)(?![\w'’-])")
# the verbs that take a person after "em": thinking, trusting, believing, voting, hitting, speaking of, ordering about
_PT_EM_PERSON_VERB = re.compile(r"(?<![\w])(?:pens|confi|acredit|vot|bat|fal|mand|toc|mex|peg|esbarr)[^\W\d_]*[ \t]+(?:\S+[ \t]+)?$", re.I)
# "and" and a capitalised word after a name: "X y Y", "X et Y", "X e Y"
_AND_NAME = re.compile(r"[ \t]+(?:y|e|et|i|and)[ \t]+(?P<name>[A-ZÀ-ÖØ-Þ][^\W\d_]+)(?![\w'’-])")
# ... and the first person's "I am called" ("je m'appelle", "me llamo", "mi chiamo", "chamo-me"/"eu me chamo")
_SELF_CALLED = _CALLED | {"llamo", "chiamo", "chamo", "appelais", "llamaba", "chiamavo", "chamava"}
# a capitalised word, then "de" ("of") and its article, right before a word: "Centro de ", "Hospital das "
_OF_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+(?:de|del|de la|da|do|das|dos|di|du|des|van|von)[ \t]+$")
# "de" ("of"), then a capitalised word: "de Zapopan", "do Machado"
_OF_PLACE_AFTER = re.compile(r"[ \t]+(?:de|del|da|do|di|du)[ \t]+([A-ZÀ-Þ][^\W\d_]+)")
_TRAIL = re.compile(r"[\s.!?…]*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\ufe0f\u200d]+[\s.!?]*)*$")


def _alt(words) -> str:
    """A regex alternation of phrases, longest first; a space matches any run of blanks."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class LanguageCues:
    lang: str
    possessives: frozenset[str]
    adjectives: frozenset[str]
    after: frozenset[str]
    relations: frozenset[str]
    titles: frozenset[str]
    speech: frozenset[str]
    greetings: frozenset[str]
    closings: frozenset[str]
    naming: frozenset[str]
    determiners: frozenset[str]
    works: frozenset[str]
    work_verbs: frozenset[str]
    places_before: frozenset[str]
    articles: frozenset[str]
    phone_regions: frozenset[str]
    reading: frozenset[str] = frozenset()
    # endings that make a pet form of a given name ("Ciro" -> "Ciruzzo", "Nunziata" -> "Nunziatina"), each
    # replacing the name's last vowel
    diminutives: frozenset[str] = frozenset()
    # the ways the language clips a given name to a pet form (``clipped_given``): "aphaeresis", "reduplication",
    # "compound"
    clippings: frozenset[str] = frozenset()
    # articles the language puts before a person's given name in speech ("il Marco", "la Giulia")
    person_articles: frozenset[str] = frozenset()
    lower_titles: frozenset[str] = frozenset()  # short titles written lower case before a name ("dr Nowak")
    heads: frozenset[str] = frozenset()  # nouns heading the name of a place or body ("ulica Piotrkowska")
    # articles the speech puts between a naming phrase and the name ("sou a Inês", "sono la Giulia"): after
    # one the word is a person's name, even where it is also a place or written in lower case
    naming_articles: frozenset[str] = frozenset()
    here: frozenset[str] = frozenset()  # "here" after the writer's own name opening a text ("Inês aqui, de Braga")
    royals: frozenset[str] = frozenset()  # titles of monarchs and royals ("roi", "koning"): a public figure follows
    # possessives after the relation noun ("psikolog saya X", "ο άντρας μου ο X"), and the same as enclitics
    # joined to it ("istriku X", "anaknya X")
    possessives_after: frozenset[str] = frozenset()
    possessive_suffixes: frozenset[str] = frozenset()
    post_titles: frozenset[str] = frozenset()  # degrees after a name and a comma ("X, M.Psi., Psikolog")
    # forms of address read only in this language's text (not among the titles other languages' text borrows)
    local_titles: frozenset[str] = frozenset()
    # endings that make a surname of a word of no language ("-ίδης", "-όπουλος", "-άκης" in Greek), matched without
    # accents
    surname_endings: frozenset[str] = frozenset()
    # the first-person possessives writers carry into English and German text ("mi tía X"): a subset of possessives
    possessives_mixed: frozenset[str] = frozenset()
    # titles and forms of address taken with the name, a subset of titles and local_titles: what the person is called
    # by ("Sum X", São Tomé's "senhor"), and the abbreviations with the ordinal indicator ("Enf.ª X")
    name_titles: frozenset[str] = frozenset()
    # heads read only capitalised, as the name's first word: nouns that are ordinary words before a name too ("Quinta do
    # X" the estate, "na quinta X veio" Thursday; "Villa X", "Place X")
    cap_heads: frozenset[str] = frozenset()
    # case endings that say "in", "from", "into" by themselves, where other languages put a preposition (Finnish
    # inessive -ssa, elative -sta: "Turussa", "Kalliosta"): a case form so ending whose nominative is a gazetteer place
    # is the place; and the endings of "on", "from", "onto" that name a person as well ("Tampereella", but "Liisalla on",
    # "Annelta"): the place only where the nominative is no name of the lexicons
    place_cases: frozenset[str] = frozenset()
    outer_place_cases: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        rel = (r"(?<![\w'’])(?:" + (_alt(self.possessives) or "(?!)") + r")[ \t]+(?:(?:" + _alt(self.adjectives)
               + r")[ \t-]+){0,2}(?P<rel>" + _alt(self.relations) + r")(?![^\W\d_])(?:[ \t]+(?:" + _alt(self.after) + r"))?"
               # what the relation is of ("o meu colega de casa, o X", "mi compañera de piso Y"), and the
               # article the speech puts before a given name after the comma
               + r"(?:[ \t]+(?:de|di|da|do|du|del)[ \t]+(?-i:[a-zà-ÿ]+))?"
               + r"[ \t]*(?:,[ \t]*" + (r"(?:(?:" + _alt(self.naming_articles) + r")[ \t]+)?" if self.naming_articles else "")
               + r")?(?:\([ \t]*)?(?P<name>" + _NAME + r")")
        appos = (r"(?P<name>" + _NAME + r")[ \t]*(?:,|\()[ \t]*(?:" + (_alt(self.possessives) or "(?!)") + r")[ \t]+(?:(?:"
                 + _alt(self.adjectives) + r")[ \t-]+){0,2}(?:" + _alt(self.relations) + r")(?![\w-])")
        art = (r"(?:(?P<art>" + _alt(self.naming_articles) + r")[ \t]+)?") if self.naming_articles else ""
        naming = r"(?<![\w'’])(?:" + _alt(self.naming) + r")[ \t]*,?[ \t]+" + art + r"(?P<name>" + _NAME + r")"
        # a chain of titles, the last one before the name ("mw. drs. X", "Sra. Dra. X")
        every_title = self.titles | self.local_titles
        titles = (r"(?<![\w'’.])(?P<chain>(?:(?:" + _alt(every_title) + r")(?:[ \t]+|(?<=\.)))*)(?P<title>"
                  + _alt(every_title) + r")(?:[ \t]+|(?<=\.))(?P<name>" + _NAME + r")")
        greet = r"(?<![\w'’])(?:" + _alt(self.greetings) + r")[ \t]*,?[ \t]+(?P<name>" + _NAME + r")"
        closing = (r"(?:^|[\n.!?…][ \t]*|[ \t])(?P<close>" + _alt(self.closings) + r")"
                   r"(?:(?<=[^\W\d_])(?![^\W\d_])|(?<![^\W\d_]))[ \t]*[,!.]*[ \t\n]*"  # (a closing word is a
                   # whole word: "gr" is not "gr|oeten"; a closing sign joins the name: the slash of "/Anna")
                   r"(?:[-–—~][ \t]*)?(?P<name>" + _NAME + r"|[^\W\d_]\.(?:[ \t]?[^\W\d_]\.){0,2})[ \t]*(?:x+|xx+)?$")
        speech = r"[ \t]+(?:" + _alt(self.speech) + r")(?![\w'’])"
        # (case-sensitive inside the case-insensitive patterns: a full name is capitalised)
        full = (rf"(?-i:[{_UP}][^\W\d_]+(?:-[^\W\d_]+)*(?:[ \t]+(?:(?:de|del|da|di|van|von|le|la|d['’])[ \t]*)?"
                rf"[{_UP}][^\W\d_]+(?:-[^\W\d_]+)*){{1,2}})")
        work_before = (r"(?<![\w'’])(?:" + _alt(self.works) + r")[ \t]+(?:[^\W\d_]+[ \t]+){0,2}?"
                       r"(?:de|d['’]|du|des|del|de la|di|da|do|van|von|par|por|by)[ \t]*(?P<name>" + full + r")")
        work_after = (r"(?P<name>" + full + r")(?:(?:[ \t]*,)?[ \t]+(?:" + _alt(self.work_verbs) + r")(?![\w'’])"
                      r"|[ \t]*,?[ \t]*[«\"“„][ \t]*[A-ZÀ-Þ])")  # 'X Y, « Title »': a work named after its author
        # a quoted title, then its author: '«Lessico famigliare» di X Y', '"Traumasporen" van X Y'
        titled = (r"[»”“\"][ \t]*,?[ \t]*(?:de|d['’]|du|del|de la|di|da|do|van|von|par|por|by)[ \t]*(?P<name>"
                  + full + r")")
        # the writer reads, listens to or watches them: "leo a X Y", "ascolto X Y", "ik luister naar X Y"
        # (an adverb may come between, and the article the speech puts before names: "ik lees trouwens X Y",
        # "vocês já leram a X Y")
        arts = (r"(?:(?:" + _alt(self.naming_articles) + r")[ \t]+)?") if self.naming_articles else ""
        reading = (r"(?<![\w'’])(?:" + (_alt(self.reading) if self.reading else "(?!)") + r")[ \t]+"
                   r"(?:(?!(?:que|quando|como|para|pra|com|sobre|dat|die|wat|toen|als|over|met|qui|quand|pour|avec|"
                   r"cuando|con|del|che|per)[ \t])(?-i:[a-zà-ÿ]{3,})[ \t]+)?" + arts + r"(?P<name>" + full + r")")
        # the same in text written without capitals: "lemos a paulina x numa cadeira" (the words are checked after)
        reading_lower = (r"(?<![\w'’])(?:" + (_alt(self.reading) if self.reading else "(?!)") + r")[ \t]+" + arts
                         + r"(?P<name>(?-i:[a-zà-ÿ]{2,}[ \t]+[a-zà-ÿ]{3,}))(?![\w'’-])")
        # another full name coordinated with a kept one: "X Y e Z W", "a X Y y a Z W", "X Y, Z W"
        # (an adverb may close the first item before a comma and the conjunction: "X Y nu, en Z W")
        coord = (r"(?:[ \t]+(?-i:[a-zà-ÿ]{2,10})[ \t]*,[ \t]*(?:y|e|et|en|and|und|i)[ \t]+|"
                 r"[ \t]*(?:,[ \t]*)?(?:(?:y|e|et|en|and|und|i)[ \t]+)?)(?:(?:a|naar)[ \t]+)?(?P<name>" + full + r")")
        place = r"(?:^|[ \t(])(?:" + _alt(self.places_before) + r")[ \t]*$"
        # the writer's name (perhaps in full), then "here", opening the text or a sentence: "Olá! Inês Matos aqui, ..."
        here = (r"(?:^|(?<=[.!?\n])[ \t]*)[ \t]*(?-i:(?P<name>[" + _UP + r"][^\W\d_]+(?:-[^\W\d_]+)*(?:[ \t]+(?:(?:de|da|do|dos|"
                r"del|di)[ \t]+)?[" + _UP + r"][^\W\d_]+(?:-[^\W\d_]+)*){0,2}))[ \t]+(?:" + (_alt(self.here) if self.here else "(?!)")
                + r")(?![\w'’])(?=[ \t]*[,.!(—–-]|[ \t]+(?:de|da|do|desde|from)\b)")
        # a writer's full name opening a line, then their profession: "Ana Matos, psicóloga clínica, ..."
        signed = (r"(?m:^)[ \t—–-]*(?P<name>" + full + r")[ \t]*,[ \t]*(?:" + _alt(self.relations) + r")(?![\w'’-])")
        # the relation noun, then the possessive as a word or an enclitic ("psikolog saya", "istriku", "ο άντρας
        # μου"), then perhaps a comma, the article of persons' names and a form of address ("suami gue, Mas X",
        # "η ψυχολόγος μου, η κυρία X", "istriku si X")
        poss_after = "(?!)"
        if self.possessives_after or self.possessive_suffixes:
            poss_after = ("(?:" + "|".join(filter(None, (
                (r"-?(?:" + _alt(self.possessive_suffixes) + r")") if self.possessive_suffixes else "",
                (r"[ \t]+(?:" + _alt(self.possessives_after) + r")") if self.possessives_after else ""))) + ")")
        lead = [w for w in self.person_articles | self.titles | self.local_titles if " " not in w]
        rel_after = (r"(?<![\w'’])(?P<rel>" + _alt(self.relations) + r")" + poss_after + r"(?![\w'’])"
                     + (r"(?:[ \t]+(?:" + _alt(self.after) + r"))?" if self.after else "")
                     + r"[ \t]*,?[ \t]*(?:(?:" + (_alt(lead) or "(?!)") + r")(?:[ \t]+|(?<=\.))){0,2}(?P<name>" + _NAME + r")")
        if not (self.possessives_after or self.possessive_suffixes):
            rel_after = "(?!)"
        post = (r"(?-i:(?P<name>[" + _UP + r"][^\W\d_]+(?:-[^\W\d_]+)*(?:[ \t]+[" + _UP + r"][^\W\d_]+(?:-[^\W\d_]+)*){0,3}))"
                r"[ \t]*,[ \t]*(?:" + (_alt(self.post_titles) or "(?!)") + r")(?![^\W\d_])")
        # a head noun of a place or body, a whole word, before the blank (or the apostrophe of "Sant'") of its name
        # (or after the elided article of French and Italian: "l'Université X", "dell'Ospedale X")
        head = (r"(?:(?<![\w'’-])|(?<=\b[lLdD]['’])|(?<=\b(?:dell|nell|sull)['’])|(?<=\ball['’]))(?:"
                + (_alt(self.heads | self.cap_heads) or "(?!)") + r")(?:(?<=['’])|[ \t]+)")
        object.__setattr__(self, "head_re", re.compile(head, re.I))
        for attr, pat in (("rel_after_re", rel_after), ("post_title_re", post), ("work_before_re", work_before), ("work_after_re", work_after), ("place_re", place),
                          ("titled_re", titled), ("reading_re", reading), ("reading_lower_re", reading_lower), ("coord_re", coord),("rel_re", rel), ("appos_re", appos), ("naming_re", naming), ("title_re", titles),
                          ("greet_re", greet), ("closing_re", closing), ("speech_re", speech), ("here_re", here), ("signed_re", signed)):
            object.__setattr__(self, attr, re.compile(pat, re.I))


# prepositions of company and attribution in the covered languages: what follows is someone, not where
_COMPANION_BEFORE = re.compile(r"(?:^|[\s(])(?:con|com|avec|met|mit|with|sin|sem|senza|sans|zonder|ohne|según|segundo|"
                               r"secondo|selon|volgens|laut|contra|tegen|gegen|entre)[ \t]+$", re.I)
# the clitic pronouns Portuguese and French write hyphened after a verb ("chama-se", "pôs-me", "dis-moi")
_CLITICS = {"pt": frozenset({"me", "te", "se", "lhe", "lhes", "nos", "vos", "o", "a", "os", "as", "lo", "la", "los", "las",
                             "no", "na", "nas"}),
            "fr": frozenset({"moi", "toi", "lui", "nous", "vous", "leur", "le", "la", "les", "y", "en"})}
# an apostrophe and two digits of a year after a word ("Centrum '45", "Euro '96")
_YEAR_AFTER = re.compile(r"[ \t]+['’]\d\d(?![\w'’])")
# a name, then another in apposition after an article: "Isabel, a Bela", "Francisco (o Chico"
_APPOSED_ARTICLE = re.compile(r"[ \t]*[,(][ \t]*(?P<art>[^\W\d_]{1,2})[ \t]+(?P<name>" + _NAME + r")")
_PT_DEF_ARTICLE = re.compile(r"(?:^|[\s(«\"“])(?:[oa]|d[oa]|n[oa]|pel[oa]|ao|à)[ \t]+$", re.I)


@lru_cache(maxsize=None)
def _bare_endings(endings: frozenset[str]) -> tuple[str, ...]:
    return tuple({strip_accents(e.casefold()) for e in endings})


@lru_cache(maxsize=1)
def language_cues() -> tuple[dict[str, LanguageCues], str]:
    """The per-language tables and their digest (part of the anonymiser fingerprint)."""
    raw = (resources.files("therapy_threads") / "data" / "language_cues.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    out = {}
    for lang, table in data.items():
        table = dict(table)
        for other in table.pop("borrow", ()):
            # (a language whose text the detector often places here: its words are read here too)
            for f, ws in data[other].items():
                if f in _FIELDS:
                    table[f] = list(dict.fromkeys([*table.get(f, ()), *ws]))
        unknown = set(table) - set(_FIELDS)
        if unknown:
            raise ValueError(f"language_cues.toml [{lang}]: unknown key(s) {sorted(unknown)}")
        words = {f: frozenset(w.casefold() for w in table.get(f, ())) for f in _FIELDS if f != "phone_regions"}
        if not words["possessives_mixed"] <= words["possessives"]:
            raise ValueError(f"language_cues.toml [{lang}]: possessives_mixed not among its possessives")
        forms = name_forms(lang)
        if forms is not None:  # a language that declines nouns: the case forms of relation and head nouns ("siostrą")
            for f in ("relations", "heads"):
                words[f] = words[f] | frozenset(
                    w[:len(w) - len(nom)] + infl for w in words[f] if " " not in w
                    for infl, nom in forms.endings if w.endswith(nom) and len(w) - len(nom) >= 2)
        out[lang] = LanguageCues(lang, phone_regions=frozenset(table.get("phone_regions", ())), **words)
    return out, hashlib.sha256(raw.encode("utf-8")).hexdigest()


LANGUAGES = frozenset(language_cues()[0])


class _Multilingual(Recognizer):
    """Shared checks: is the token at [s, e) a possible name in this language?"""

    languages = LANGUAGES

    def lc(self, t: TextContext) -> LanguageCues:
        return language_cues()[0][t.lang]

    def supports(self, lang: str | None) -> bool:
        return lang in self.languages

    def rank(self, cf: str, lang: str) -> int | None:
        return self.lex.lang_rank(cf, lang)

    def sibling_word(self, cf: str, lang: str) -> bool:
        """A frequent word of a language whose text the detector places in ``lang`` ("sa", "het" of Bokmål in Danish)."""
        return any((self.lex.lang_rank(cf, other) or 10 ** 6) < 3000 for other in _SHARED_WORDS.get(lang, ()))

    def _unknown(self, t: TextContext, cf: str) -> bool:
        """No word of this language, of English or of any other lexicon language: a handle or a name. (Of
        English, here in another language's text, a word of its dictionary or of its 20,000 commonest: the rarer
        tail of English frequencies holds the foreign names English text mentions, "Hiroshi", "Hiro".)"""
        r = self.lex.rank(cf)
        return (self.rank(cf, t.lang) is None and (r is None or r >= 20000 and not self.lex.dictionary_word(cf)
                                                   and not self.lex.word_form(cf))
                and not self.lex.ordinary_in(cf) and not re.search(r"(.)\1\1", cf))

    def given(self, cf: str, lang: str | None = None) -> bool:
        """A given name of the lexicons, or in a language that declines names a case form of one ("Kasię")."""
        return declined_given(cf, lang) or (cf in self.lex.first_names or cf in self.lex.intl_names) \
            and not only_word(cf, lang)

    def pet_form(self, cf: str, lc: LanguageCues) -> bool:
        """A pet form of a given name made with one of the language's diminutive endings, which replaces
        the name's last vowel ("ciruzzo" of "ciro", "vituccio" of "vito", "nunziatina" of "nunziata");
        not a word of the language ("bambino", "spaghetti")."""
        if lc.lang in _REDUPLICATING and 4 <= len(cf) <= 6 and _REDUPLICATED.fullmatch(strip_accents(cf)) \
                and self.lex.rank(cf) is None and (self.rank(cf, lc.lang) or 10 ** 6) >= 10000:
            return True  # "Titi", "Zézé", "Doudou", "Cécel": a syllable of a given name said twice, no word
        if not lc.diminutives or len(cf) < 5 or self.given(cf):
            return False
        for end in lc.diminutives:
            if cf.endswith(end) and len(cf) - len(end) >= 2:
                stem = cf[:-len(end)]
                # (or added to a name that ends in a consonant: "pilarín" of "pilar", "juanito" of "juan")
                # (or with "-cito"/"-cita" after a consonant or an "e": "ruthcita" of "ruth", "jorgecito" of "jorge")
                if (any(self.given(stem + v) for v in ("o", "a", "e", "i"))
                        or ((stem[-1:] not in "aeiouáéíóú" or end.startswith("c")) and len(stem) >= 3
                            and self.given(stem))) \
                        and self.rank(cf, lc.lang) is None:
                    return True
        return False

    def clipped_given(self, cf: str, lc: LanguageCues) -> bool:
        """A pet form clipped from a given name of the lexicons in one of the ways the language clips names, no word
        of the language: the name's last syllables, its first ones cut ("aphaeresis": "tonio" of "antonio", "nando"
        of "fernando"); those last syllables with the consonant of the stressed one said again at the start
        ("reduplication": "peppe" of "giuseppe", "pippo" of "filippo", "nanni" of "giovanni"); a given name and the
        first syllable of a second one, for a double name ("compound": "juanlu" of "juan luis", "josemi" of
        "josé miguel")."""
        if len(cf) < 4 or not cf.isalpha() or self.rank(cf, lc.lang) is not None or self.lex.rank(cf) is not None \
                or self.lex.ordinary_in(cf) or self.lex.is_surname(cf) or knowledge().is_place(cf.title()):
            return False
        names, by_start = _given_index(self.lex)
        if "aphaeresis" in lc.clippings and cf[0] not in _VOWELS \
                and any(len(g) - len(cf) >= 2 and self.given(g) for g in names.get(cf[-4:], ()) if g.endswith(cf)):
            return True
        if "reduplication" in lc.clippings and cf[0] not in _VOWELS and cf[0] in cf[2:4] and cf[1] in _VOWELS:
            tail = cf[1:]
            if any(len(g) - len(tail) >= 3 and self.given(g) for g in names.get(tail[-4:], ()) if g.endswith(tail)):
                return True
        if "compound" in lc.clippings and len(cf) <= 7:
            # (one open syllable of the second name, a consonant and a vowel: "lu", "ma", "mi"; a longer tail
            # makes words and brands of a name and a syllable)
            head, syl = cf[:-2], cf[-2:]
            if len(head) >= 3 and syl[0] not in _VOWELS and syl[1] in _VOWELS and self.given(head) \
                    and any(g.startswith(syl) and len(g) >= 4 and self.given(g) for g in by_start.get(syl, ())):
                return True
        return False

    def surname_shape(self, t: TextContext, lc: LanguageCues, cf: str) -> bool:
        """A word of no language with one of the language's surname endings ("Λαμπρινίδου", "Ζαχαρόπουλος")."""
        if not lc.surname_endings or len(cf) < 6 or self.rank(cf, t.lang) is not None:
            return False
        bare = strip_accents(cf)
        return any(bare.endswith(end) for end in _bare_endings(lc.surname_endings)) \
            and self.lex.rank(cf) is None and not knowledge().is_place(cf)

    def surname(self, cf: str, lang: str | None = None) -> bool:
        return declined_surname(cf, lang) or self.lex.is_surname(cf) and not only_word(cf, lang)

    def excluded(self, t: TextContext, lc: LanguageCues, cf: str, frequent: bool = True) -> bool:
        """A word that is never a name here: an article, a cue word, a greeting, a frequent word (``frequent``)."""
        if len(cf) < 2 or cf in lc.determiners or cf in lc.relations or cf in lc.titles or cf in lc.local_titles \
                or cf in lc.possessives \
                or cf in lc.heads \
                or cf in lc.greetings or cf in lc.closings or cf in self.cues.not_names or cf in INTERJECTIONS \
                or "-" in cf and (cf.rsplit("-", 1)[1] in lc.relations or cf.rsplit("-", 1)[1] in _CLITICS.get(lc.lang, ())):
            return True  # (a compound whose head is a relation noun names a profession: "GZ-psycholoog", "ex-Freundin";
            # a verb with an object or reflexive pronoun hyphened after it is a verb: "chama-se", "pôs-me", "dis-moi")
        if not frequent:
            return False
        r = self.rank(cf, t.lang)
        return r is not None and r < 300

    @staticmethod
    def _country_preposition(t: TextContext, lc: LanguageCues, s: int) -> bool:
        """"en Suisse", "in Italia", "em Portugal": the preposition of countries and regions, never of people."""
        return bool(re.search(r"(?:^|[ \t(])(?:en|in|em)[ \t]+$", t.low[max(0, s - 5):s]))

    def place_word_before(self, t: TextContext, lc: LanguageCues, s: int) -> bool:
        """A preposition of place right before: "à Florence", "en Suisse", "desde Cali"."""
        return bool(lc.place_re.search(t.low, max(0, s - 12), s))

    def name_ok(self, t: TextContext, lc: LanguageCues, s: int, e: int, strong: bool) -> bool:
        """With a ``strong`` cue (a relation noun, a title, "je m'appelle") any capitalised token is a
        name, and a lower-case one unless it is a frequent word of the language; else the lexicons decide."""
        core = t.text[s:e]
        cf = core.casefold()
        if strong and t.lower_style and core[:1].isupper() and len(cf) >= 3 and t.free(s, e) \
                and not _SENT_END.search(t.text, max(0, s - 12), s) and self.given(cf, t.lang) \
                and not self.excluded(t, lc, cf, frequent=False):
            return True  # "namaku Bagus", "mas Bagus": in text written in lower case, a capital after a strong cue
            # is the name even where the given name is a frequent word ("bagus" = good)
        if strong and (t.lang in _WORD_NAME_LANGS or t.lang in _ROMANCE) and core[:1].isupper() and len(cf) >= 2 \
                and t.free(s, e) and not _SENT_END.search(t.text, max(0, s - 12), s) \
                and not self.cues.is_initial(t.text, s) \
                and (cf in self.lex.first_names or cf in self.lex.intl_names) and not (
                    cf in lc.determiners or cf in lc.possessives or cf in lc.titles or cf in lc.local_titles
                    or cf in lc.greetings or cf in lc.closings or cf in self.cues.not_names or cf in INTERJECTIONS):
            return True  # "han heter Bror", "terapeutti Ilta sano": capitalised inside a sentence after a strong cue, a
            # given name of the names data is the name, even where the language's word is frequent ("dag", "ilta") or
            # a kin noun ("bror"); opening a sentence, or in lower case, it is still decided as a word
        if self.excluded(t, lc, cf) or not t.free(s, e):
            return False
        r = self.rank(cf, t.lang)
        if core[:1].isupper():
            if strong:
                return True
            return self.given(cf, t.lang) or self.surname(cf, t.lang) or r is None
        if strong:
            if not t.lower_style and lower_word(cf, t.lang):
                return False  # "mun nimi on onni": in text that capitalises names, a name that is a word is the word
            return r is None or r >= 3000 or self.given(cf, t.lang)
        return (self.given(cf, t.lang) and (r is None or r >= 3000)) or (r is None and self.lex.rank(cf) is None
                                                                  and not self.lex.ordinary_in(cf))

    def after_determiner(self, t: TextContext, lc: LanguageCues, s: int) -> bool:
        m = re.search(r"([^\W\d_]+['’]?)[ \t]*$", t.low[max(0, s - 20):s])
        return bool(m) and (m.group(1).replace("’", "'") in lc.determiners or m.group(1).rstrip("'’") in lc.determiners)

    def _article_run(self, t: TextContext, lc: LanguageCues, s: int, e: int | None = None) -> bool:
        """An article before this capitalised word or the capitalised words right before it: a person's
        name takes no article in these languages ("le Doctolib", "au Tim Hortons", "La Main Tendue")."""
        text = t.text
        lead = None  # the first capitalised word of the run, when the run is longer than this word
        if e is not None and re.match(r"[ \t]+[A-ZÀ-Þ]", text[e:e + 2]):
            lead = text[s:e]  # (this word opens the run: "la Fata Morgana")
        while True:
            m = re.search(r"(?:^|(?<=[\s(«\"“]))([^\W\d_]+)(['’]|[ \t]+)$", text[max(0, s - 30):s])
            if not m:
                return False
            word = m.group(1)
            if word[:1].isupper() and word.casefold() not in lc.articles and word.casefold() not in lc.heads:
                s = s - len(m.group(0))  # another capitalised word of the same run
                lead = word
                continue
            if lead is not None and word.casefold() in lc.person_articles and lead.casefold() not in self.lex.first_names \
                    and (self.rank(lead.casefold(), t.lang) or 10 ** 6) < 20000:
                return True  # "la Fata Morgana", "il Gran Sasso": the article of persons before a run of capitals
                # opened by a word of the language names a thing
            return word.casefold() + ("'" if m.group(2) in ("'", "’") else "") in lc.articles \
                or word.casefold() in lc.articles or word.casefold() in lc.heads

    def full(self, t: TextContext, s: int, e: int) -> int:
        """Extend a capitalised name by a following surname ("Mathieu Laval")."""
        return self.extend(t.text, e, t.lang) if t.text[s:s + 1].isupper() else e


# a naming phrase that announces a whole name ("meu nome completo é", "mon nom complet est", "mijn volledige naam is")
_FULL_NAME_PHRASE = re.compile(r"complet|volledige|nome del[ae]|su nombre")
_CAPS_RUN = re.compile(r"(?:[ \t]+(?:(?:de|da|do|dos|das|del|la|van|von|der|den|di)[ \t]+)?[" + _UP + r"][^\W\d_]+(?:-[^\W\d_]+)*){1,3}")
# what follows a writer's name in an introduction: a comma (an age, a place), a bracket, or where from
_INTRO_REST = re.compile(r"[ \t]*[,(]|[ \t]+(?:uit|aus|de|da|di|from|van|del|do)\b")


class CuePhraseRecognizer(_Multilingual):
    """The person after a relation noun ("ma psy Guylaine", "mon chum ti-guy", "mi hermana mayor Lupe"),
    before one in apposition ("Barbara, ma tante"), and after a naming phrase ("je m'appelle Nancy",
    "ma grand-mère s'appelait Marie-Lourdes", "me llamo Inés", "mi chiamo Giulia")."""

    name, score, signal = "cue_phrase", 0.8, "cue"

    def analyze(self, t: TextContext) -> Iterator[Span]:
        lc = self.lc(t)
        for m in itertools.chain(lc.rel_re.finditer(t.text), lc.rel_after_re.finditer(t.text)):
            s, e = m.span("name")
            if e - s > 2 and t.text[s:e].isupper():
                continue  # "ο ψυχίατρος του ΑΧΕΠΑ", "psikolog di RSCM": an acronym names a body, not a person
            if "," in t.text[m.end("rel"):s] and knowledge().is_place(t.text[s:e]) and not self.given(t.text[s:e].casefold(), t.lang):
                continue  # "mi profe de colegio, Colombia es ...": after a comma a place opens the next clause
            cf = t.text[s:e].casefold()
            if t.text[s:s + 1].islower() and not t.lower_style and self.rank(cf, t.lang) is not None \
                    and not self.given(cf, t.lang):
                continue  # "minha mãe cantava ...": in a text that capitalises names, a word of the language
            if cf in self.cues.loan_titles:
                continue  # another language's form of address ("a minha psicóloga, Mevrouw X"): the title rules read it
            if self.name_ok(t, lc, s, e, True):
                ee = self.full(t, s, e)
                yield self.person(t, s, ee, f"a relation noun before a name ({t.lang})")
                c = _AND_NAME.match(t.text, ee) if t.text[s:s + 1].isupper() else None
                if c is not None:
                    cs, ce = c.span("name")
                    ccf = c.group("name").casefold()
                    r = self.rank(ccf, t.lang)
                    if t.free(cs, ce) and not self.excluded(t, lc, ccf) and not knowledge().is_place(c.group("name")) \
                            and (self.given(ccf, t.lang) or r is None or r >= 3000):
                        # "mis hijos X y Y": the second given name joined by "and" is the relation's too
                        yield self.person(t, cs, self.full(t, cs, ce), f"a relation noun before two names ({t.lang})")
        for m in lc.appos_re.finditer(t.text):
            s, e = m.span("name")
            if e - s > 2 and t.text[s:e].isupper():
                continue  # "sergeant bij het KNIL": an acronym names a body, not a person
            if lc.person_articles and self._article_run(t, lc, s):
                continue  # "come la Fata Morgana, mia mamma ...": a run of capitals after an article names a thing
            if t.text[s:s + 1].isupper() and self.name_ok(t, lc, s, e, False) or (
                    t.text[s:s + 1].isupper() and self.rank(t.text[s:e].casefold(), t.lang) is None
                    and not self.excluded(t, lc, t.text[s:e].casefold()) and t.free(s, e)):
                yield self.person(t, s, e, f"a name in apposition to a relation noun ({t.lang})")
        if lc.here:
            yield from self._here(t, lc)
        for m in lc.signed_re.finditer(t.text):
            s, e = m.span("name")
            parts = t.text[s:e].split()
            cf = parts[0].casefold()
            if not t.free(s, e) or self.excluded(t, lc, cf) or knowledge().is_place(t.text[s:e]) or not (
                    self.given(cf, t.lang) or self._no_word(t, cf) or self.surname(parts[-1].casefold(), t.lang)):
                continue
            yield self.person(t, s, e, f"a full name opening a line, then a profession ({t.lang})")
        for m in lc.naming_re.finditer(t.text):
            s, e = m.span("name")
            art = lc.naming_articles and m.group("art")
            phrase = m.group(0)[:(m.start("art") if art else m.start("name")) - m.start()].strip(" \t,").casefold()
            if art:
                # "sou a Fátima", "sou o xico", "sono la Giulia": the article before a name after "I am" makes
                # it the writer's name, even where it is a place or written in lower case
                if re.match(r"[ \t]+d[aoei]s?[ \t]+(?-i:[a-zà-ÿ])", t.text[e:e + 8]):
                    continue  # "sou a Macabéa da família": a character the writer likens themself to
                lower = t.text[s:s + 1].islower()
                r = self.rank(t.text[s:e].casefold(), t.lang)
                if lower and not (t.lower_style and (self._no_word(t, t.text[s:e].casefold()) or (
                        self.given(t.text[s:e].casefold(), t.lang) and (r is None or r >= 3000)))):
                    continue  # "sou a favor": a word of the language
                if self.name_ok(t, lc, s, e, True):
                    yield self.person(t, s, self.full(t, s, e), f"a name after '{phrase} {art.casefold()}' ({t.lang})")
                continue
            cf0 = t.text[s:e].casefold()
            if re.split(r"['’ -]", phrase)[-1] in _SELF_CALLED and t.text[s:s + 1].isupper() and t.free(s, e) \
                    and (cf0 in lc.relations or cf0 in lc.local_titles) and cf0 not in lc.determiners:
                # "je m'appelle Fiston", "me llamo Nene": after "I am called", a capitalised kin or relation noun is the
                # name it is (Fiston, "son"), as a word-name is
                yield self.person(t, s, self.full(t, s, e), f"a name after a naming phrase ({t.lang})")
                continue
            weak = phrase.split()[-1] in ("suis", "soy", "sono", "sou", "ben", "jestem", "jsem", "είμαι", "eimai")  # "je suis triste": capital only
            if weak and not t.text[s:s + 1].isupper() and _INTRO_REST.match(t.text, e) \
                    and self.name_ok(t, lc, s, e, False) and not knowledge().is_place(t.text[s:e]):
                # lower case, a given name that is no frequent word of the language, then what an
                # introduction goes on with: "ik ben kenneth, 33, ...", "soy maría jesús de ..."
                yield self.person(t, s, e, f"a given name after '{phrase}' in an introduction ({t.lang})")
                continue
            if weak and (not t.text[s:s + 1].isupper() or re.search(r"[\"“«][^\"”»\n]*$", t.text[max(0, m.start() - 80):m.start()])):
                continue  # "je suis triste"; '"Yo soy Betty, la fea"' quotes a title
            # ("Soy Santiago, de Santiago", "Soy Pilar, psicóloga": a given name that is also a place, then what an
            # introduction goes on with, is the writer's name)
            if phrase.split()[-1] in _CALLED and t.text[s:s + 1].islower():
                cf = t.text[s:e].casefold()
                if (self.rank(cf, t.lang) or 10 ** 6) < 20000 and not self.given(cf, t.lang):
                    continue  # "eso se llama transferencia": what a thing is called (a given name would be a name)
            place_ok = not weak or (_INTRO_REST.match(t.text, e) and self.given(t.text[s:e].casefold(), t.lang))
            if self.name_ok(t, lc, s, e, not weak) and not (knowledge().is_place(t.text[s:e]) and not place_ok):
                ee = self.full(t, s, e)
                if _FULL_NAME_PHRASE.search(phrase) and t.text[s:s + 1].isupper():
                    run = _CAPS_RUN.match(t.text, ee)  # "meu nome completo é X Y Z": every part of it
                    ee = run.end() if run else ee
                yield self.person(t, s, ee, f"a name after a naming phrase ({t.lang})")
                if t.text[s:s + 1].isupper():
                    yield from self._aliases(t, lc, ee)
        if t.lang in _AGGLUTINATIVE:
            yield from self._bare_role(t, lc)

    def _bare_role(self, t: TextContext, lc: LanguageCues) -> Iterator[Span]:
        """Finnish writes a role noun before a name without a possessive ("terapeutti X", "diakonissa X Y") and
        capitalises no common noun: a capitalised word right after a relation noun inside a sentence is the person,
        a name that is a word too ("Aamu", "Ilta"), unless it is a place in one of its cases ("terapeutti Oulusta")."""
        for m in _role_re(lc).finditer(t.text):
            s, e = m.span("name")
            cf = t.text[s:e].casefold()
            if not t.free(s, e) or cf in lc.relations or cf in lc.titles or self.excluded(t, lc, cf, frequent=False) \
                    or self.cues.is_initial(t.text, m.start()) and t.text[m.start():m.start() + 1].isupper():
                continue
            if not self.given(cf, t.lang) and (any(knowledge().is_place(n) or knowledge().is_small_place(n)
                                                  for n in nominatives(t.text[s:e], t.lang))
                                              or any(cf.endswith(c) for c in lc.place_cases)):
                continue  # (an inner place case names where, a place or a body: "terapeutti Terveystalossa")
            yield self.person(t, s, self.full(t, s, e), f"a capitalised name after a role noun ({t.lang})")


    def _aliases(self, t: TextContext, lc: LanguageCues, e: int) -> Iterator[Span]:
        """The other names a writer gives right after their own ("Mi chiamo X Y, Tore, e Battore per mia nonna", "Sono X
        (Bachis per tutti)"): capitalised words set off by commas, "and" or a bracket, each a name of the lists, a rarer
        word or no word, no place."""
        for _ in range(2):
            m = _ALIAS_AFTER.match(t.text, e)
            if m is None:
                return
            a, b = m.span("a")
            cf = m.group("a").casefold()
            r = self.rank(cf, t.lang)
            if not t.free(a, b) or self.excluded(t, lc, cf) or knowledge().is_place(m.group("a")) \
                    or not (self.given(cf, t.lang) or r is None or r >= 3000):
                return
            yield self.person(t, a, b, f"another name the writer gives after their own ({t.lang})")
            e = b

    def _here(self, t: TextContext, lc: LanguageCues) -> Iterator[Span]:
        """The writer's own name before the language's "here" ("Inês Matos aqui, de Braga", "Begoña aquí."): a
        given name of the lexicons or a word of no language, whole (the surname too), even where a place
        has the given name."""
        for m in lc.here_re.finditer(t.text):
            s, e = m.span("name")
            parts = t.text[s:e].split()
            cf = parts[0].casefold()
            # (a word of no language alone may be a verb with its clitic: "Respondedle aquí", "Répondez-lui ici")
            if not t.free(s, e) or self.excluded(t, lc, cf) or not (
                    self.given(cf, t.lang) or self._no_word(t, cf) and len(parts) > 1 and "-" not in parts[0]):
                continue
            yield self.person(t, s, e, f"a writer naming themself before '{m.group(0)[m.end('name') - m.start():].split()[0]}' ({t.lang})")

    def _no_word(self, t: TextContext, cf: str) -> bool:
        return self.rank(cf, t.lang) is None and self.lex.rank(cf) is None and not self.lex.ordinary_in(cf)


_ROLE_RE: dict[str, re.Pattern[str]] = {}


def _role_re(lc: "LanguageCues") -> re.Pattern[str]:
    """A relation noun alone, a whole word in lower case, then a capitalised word."""
    p = _ROLE_RE.get(lc.lang)
    if p is None:
        p = _ROLE_RE[lc.lang] = re.compile(r"(?<![\w'’-])(?-i:(?:" + _alt(lc.relations) + r"))[ \t]+(?P<name>(?-i:["
                                           + _UP + r"])[^\W\d_]+(?:-[^\W\d_]+)*)")
    return p


def _place_by_case(cf: str, lang: str | None) -> bool:
    """In a language that marks where with a case ending ("Sarissa", "Akista"), a given name of the country's names
    data, no word, in the nominative inside a sentence is the person, whatever town abroad the gazetteer also holds
    by that name ("Sari", "Aki"): the town would be said in a place case."""
    f = name_forms(lang) if lang in _AGGLUTINATIVE else None
    return f is not None and f.given.get(cf) == cf and cf not in f.words and cf not in f.surname


def _case_form(name: str, lang: str | None) -> bool:
    """The name's last word is a given name's case form other than its nominative ("pani Basiu", "panie Zbyszku":
    the vocative): a work's title is quoted in the nominative ("„Pan Tadeusz”"), someone addressed is not."""
    f = name_forms(lang) if lang else None
    words = name.split()
    if f is None or not words:
        return False
    cf = words[-1].casefold()
    nom = f.given.get(cf)
    return nom is not None and nom != cf


class LanguageTitleRecognizer(_Multilingual):
    """A form of address before a surname: "Mme Fabre", "M. Lefebvre", "madame Morel-Tissot",
    "Sra. Ruiz", "Dña. Amparo", "dott.ssa Bianchi", "Mevr. de Vries"."""

    name, score, signal = "title_language", 0.85, "title"

    def analyze(self, t: TextContext) -> Iterator[Span]:
        lc = self.lc(t)
        if lc.post_titles:
            # a capitalised name, a comma, then a degree or professional title ("X Y, M.Psi., Psikolog")
            for m in lc.post_title_re.finditer(t.text):
                s, e = m.span("name")
                words = [(w.start() + s, w.group(0)) for w in re.finditer(r"\S+", t.text[s:e])]
                # a form of address or a word of the language opening the run is no part of the name ("Bu X")
                while words and (words[0][1].casefold().rstrip(".") in lc.titles or words[0][1].casefold() in lc.titles
                                 or self.excluded(t, lc, words[0][1].casefold().rstrip("."))):
                    words.pop(0)
                if words and t.free(words[0][0], e):
                    yield self.person(t, words[0][0], e, f"a name before a degree or professional title ({t.lang})")
        quoted = [q.span(1) for q in _QUOTED_TITLE.finditer(t.text)] if any(c in t.text for c in "\"“«„") else []
        for m in lc.title_re.finditer(t.text):
            title = m.group("title")
            if m.group("chain").strip() and title[:1].isupper() and t.text[m.start("name"):m.start("name") + 1].islower() \
                    and not t.lower_style and title.casefold() in lc.local_titles and title.casefold() not in lc.titles:
                # "Tantine Mamie pendant ...": a kin word of address, then a capitalised word that is a kin word too and
                # a lower-case word: the second is what the person is called
                if t.free(m.start("title"), m.end("title")):
                    yield self.person(t, m.start("title"), m.end("title"), f"a name after a kin word of address ({t.lang})")
                continue
            # a form of address and a name that are the whole of a quotation name a work ("„Pan Tadeusz”",
            # "« Madame Bovary »"); one opening a longer quotation is the person addressed ('« M. X, j'écoute ... »')
            whole = [(a, b) for a, b in quoted if not t.text[a:m.start()].strip() and not t.text[m.end():b].strip()]
            if whole and title.casefold() not in lc.local_titles and not _case_form(m.group("name"), t.lang):
                # (a colloquial form of address is what someone is called, no work's title: 'la «seño X»')
                a, b = m.start(), m.end()
                if t.free(a, b):
                    yield self.span(a, b, KEEP, reason=f"a quoted title made of a form of address and a name ({t.lang})")
                continue
            bare = title.rstrip(".")
            if t.lower_style and title.islower():
                low = self._lower_particle_surname(t, lc, m.start("name"))
                if low is not None:
                    if t.free(m.start("name"), low):
                        yield self.person(t, m.start("name"), low, f"a title, a particle and a surname in lower case ({t.lang})")
                    continue
            if len(bare) >= 4 and bare == title and bare[:1].isupper() and lc.articles and t.text[m.start("name"):m.start("name") + 1].isupper():
                art = _IN_ARTICLE_BEFORE.search(t.low, max(0, m.start("title") - 16), m.start("title"))
                if art and art.group(1) in lc.articles:
                    # "ingresada en el Doctor X": "in", an article, then a title written out with a capital, is the
                    # name of the hospital, street or school named after the person, not the person ("al doctor X",
                    # "del Doctor X" may be the person: only the preposition of being in a place)
                    a, b = m.start("title"), self.full(t, m.start("name"), m.end("name"))
                    if t.free(a, b):
                        yield self.span(a, b, KEEP, reason=f"an article and a capitalised title: a body named after a person ({t.lang})")
                    continue
            if len(bare) <= 2 or bare.casefold() in ("mme", "mlle"):
                # short forms count only capitalised ("M.", "Me", "Mme", "Dr", "Sr."): "me" and "m" are words;
                # a two-letter one with its dot before a capital counts in lower case too ("dr. Van Dijk")
                dotted = len(bare) == 2 and title.endswith(".") and t.text[m.start("name"):m.start("name") + 1].isupper()
                lower_ok = bare.casefold() in lc.lower_titles and (t.text[m.start("name"):m.start("name") + 1].isupper()
                                                                   or self._lower_chat_name(t, lc, m.start("name"), m.end("name")))
                if not (bare[:1].isupper() or dotted or lower_ok) or (len(bare) == 1 and not title.endswith(".")):
                    continue
            ini = _TITLE_INITIALS.match(t.text, m.start("name"))
            if ini:
                # a form of address before initials alone ("κ. Ζ. Λ.", "Sra. M. T."): the title chain goes with the
                # initials, all that is written of the person's name (as the English "Dr A. O.")
                if t.free(m.start(), ini.end()):
                    yield self.person(t, m.start(), ini.end(), f"a title before initials ({t.lang})")
                continue
            s, e = m.span("name")
            core = t.text[s:e]
            # (a particle may be capitalised after a title: "dr. Van Rijswijk", "Dra. De la Fuente")
            # (and the Dutch "ter", "ten" and "van 't" before a surname that may be a word: "mevrouw ter Haar")
            particle = re.match(r"(?i:de|du|des|del|della|de la|van|van der|van den|van de|van 't|von|da|dos|di|ter|"
                                r"ten)[ \t]+(?=[A-ZÀ-Þ])", t.text[s:s + 12])
            if particle:
                n2 = _NAME_RE.match(t.text, s + particle.end())
                if n2 and particle.group(0).split()[0].casefold() in ("di", "da", "de", "del", "della", "du", "des") \
                        and t.lang != "nl" and knowledge().is_place(n2.group(0)) and not self.surname(n2.group(0).casefold(), t.lang):
                    continue  # "un signore di Locarno": a title that is a noun too, then where the person is from
                if n2:
                    e = n2.end()
                    core = t.text[s:e]
            cf = core.casefold()
            # (a lower-case particle after a form of address: "mevrouw ter Haar"; not after a relation noun that
            # is a title too, where it is a preposition: "la hermana de Maribel")
            if particle and not core[:1].isupper() and bare.casefold() in lc.relations:
                continue
            if not core[:1].isupper() and not t.lower_style and not particle:
                continue  # "madame la directrice": a title before a lower-case word is no name in capitalised text
            if self.excluded(t, lc, cf.split()[0]) and not particle:
                # (but a capitalised word after a professional title, then a capitalised surname, is a given name that
                # is also a word or a saint's head: "dott. Santo X", "Dra. Luz X"; not a place: "dott. San Marino")
                nxt = _SURNAME_NEXT.match(t.text, e) if core[:1].isupper() and (
                    title.casefold() in lc.titles or bare.casefold() in lc.titles) and not (
                    cf in lc.titles or cf in lc.determiners or cf in lc.relations or cf in lc.possessives) else None
                if not nxt or self.excluded(t, lc, nxt.group(0).strip().casefold()) \
                        or knowledge().is_place(t.text[s:nxt.end()]):
                    continue
                e = nxt.end()
                core, cf = t.text[s:e], t.text[s:e].casefold()
            if not t.free(s, e):
                continue
            if title.casefold() in lc.name_titles and t.free(m.start("title"), s):
                s = m.start("title")  # ("Enf.ª X", "sum x": the title goes with the name)
            elif "." in title.rstrip("."):  # "dott.ssa", "sig.ra": a title, not a handle with a dot
                yield self.span(m.start("title"), m.end("title"), KEEP, reason=f"a form of address ({t.lang})")
            ee = self.extend(t.text, e, t.lang, given=self.given(cf, t.lang)) if core[:1].isupper() and not particle else e
            yield self.person(t, s, ee, f"a title before a name ({t.lang})")


    def _lower_chat_name(self, t: TextContext, lc: LanguageCues, s: int, e: int) -> bool:
        """In text written without capitals, a short title of the language's ``lower_titles`` in lower case before a
        lower-case word that is a surname or given name of the lexicons, or no word of any language ("mme bhunjun",
        "dra gimenez"): the person; not before a word of the language ("mr propre" no, "dr house" no either)."""
        cf = t.text[s:e].casefold()
        if not t.lower_style or not t.text[s:e].islower() or self.excluded(t, lc, cf):
            return False
        r = self.rank(cf, t.lang)
        return (r is None or r >= 20000) and (self.given(cf, t.lang) or self.lex.rank(cf) is None and (
            self.surname(cf, t.lang) or self._unknown(t, cf)))

    def _lower_particle_surname(self, t: TextContext, lc: LanguageCues, s: int) -> int | None:
        """In text written without capitals, the end of a surname that opens with a particle after a form of address
        ("mevrouw de x", "mr ait x", "sra. de la x"): the word after the particle is a surname of the lexicons or no
        word of any language; not a noun of the language ("mevrouw de directeur")."""
        m = _LOWER_PARTICLE_SURNAME.match(t.text, s)
        if m is None:
            return None
        cf = m.group("surname").casefold()
        if self.excluded(t, lc, cf) or self.given(cf, t.lang) and not self.surname(cf, t.lang):
            return None
        if self.surname(cf, t.lang) or self._unknown(t, cf):
            return m.end()
        return None


# a particle that opens a surname, then the surname, in lower case: Romance and Dutch "de", "da", "van (der)", "ter";
# Berber "ait"/"ath" (sons of), "ou" (son of); Arabic "ben", "bel", "bou", "el" ("mevrouw de x", "mr ait x")
_LOWER_PARTICLE_SURNAME = re.compile(r"(?:de[ \t]+la|de|da|do|dos|das|del|di|du|van[ \t]+der|van[ \t]+den|van[ \t]+de|van|ter|ten|"
                                     r"ait|aït|ath|ou|ben|bel|bou|el)[ \t]+(?P<surname>[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]{2,})(?![\w'’-])")


class LanguageSignoffRecognizer(_Multilingual):
    """The writer's name at the end of a comment: after a closing word of the language ("Bises, C.",
    "gros bisous aïcha", "Un abrazo, Lupe"), or alone after the last sentence when it is a given name,
    initials, or no word of any language ("... Je vous laisse. PYG", "... en boucle. matlav")."""

    name, score, signal = "signoff_language", 0.75, "signoff"

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if t.role == "title" or not t.text.strip():
            return
        lc = self.lc(t)
        text = t.text
        cut = _TRAIL.search(text)
        end = cut.start() if cut else len(text)
        tail_start = max(0, end - 80)
        m = lc.closing_re.search(text, tail_start, end)
        if m:
            s, e = m.span("name")
            name = text[s:e]
            cf = name.casefold().rstrip(".")
            if len(cf) == 1 and text[e:e + 1] == ".":
                e += 1  # "Bises, C."
                name = text[s:e]
            if "." in name or (not self.excluded(t, lc, cf) and cf not in lc.closings):
                if t.free(s, e):
                    yield self.person(t, s, e, f"a name after a closing word ({t.lang})")
                    return
        # a last "sentence" of one token: a signature
        m = re.search(r"(?:^|[.!?…)\n][ \t]*|[ \t]{2,}|[ \t][-–—][ \t]*)(?P<name>[^\W\d_][\w.]*[^\W_]|[^\W\d_])[ \t]*$",
                      text[:end])  # (after a dash too: "... brailler. — x")
        if not m:
            return
        s, e = m.span("name")
        tok = text[s:e]
        cf = tok.casefold().rstrip(".")
        if len(cf) == 1 and text[e:e + 1] == "." and t.free(s, e + 1) and s > 0:
            yield self.person(t, s, e + 1, f"an initial alone closing the comment ({t.lang})")  # "... vraiment. r."
            return
        if self.excluded(t, lc, cf) or cf in lc.speech or not t.free(s, e):
            return
        if s == 0:
            return  # the whole comment is one word
        r = self.rank(cf, t.lang)
        initials = bool(re.fullmatch(r"(?:[A-Z]{2,4}|(?:[^\W\d_]\.){1,3})", tok)) and cf not in self.cues.acronyms
        handle = "_" in tok or "." in tok.rstrip(".")
        unknown = r is None and self.lex.rank(cf) is None and not self.lex.ordinary_in(cf) and len(cf) >= 3
        if initials or handle or unknown or (self.given(cf, t.lang) and (r is None or r >= 3000)):
            if knowledge().is_place(tok) and not self.given(cf, t.lang):
                return
            yield self.person(t, s, e, f"a name or initials alone closing the comment ({t.lang})")


class LanguageNameRecognizer(_Multilingual):
    """Names decided by the lexicons and the sentence: after a greeting ("merci Pierre-Yves"), before
    a verb of saying ("Clémence m'a dit", "lupe me dijo"), capitalised inside a sentence when the name
    lists know the word (and the gazetteer does not take it), in lower case in text written without
    capitals when the word is a given name and no article precedes it, and opening a reply."""

    name, score, signal = "lexicon_language", 0.6, "names"

    def analyze(self, t: TextContext) -> Iterator[Span]:
        lc = self.lc(t)
        text = t.text
        if lc.naming_articles and t.spans:
            yield from self._article_apposition(t, lc)
        for m in lc.greet_re.finditer(text):
            s, e = m.span("name")
            cf = text[s:e].casefold()
            # (in a Romance language a capitalised word after a greeting, set off by a comma, is the one greeted even
            # where it is a word: "merci Fidèle,", "gràcies Llum!"; the word itself is written in lower case there)
            vocative = t.lang in _ROMANCE and text[s:s + 1].isupper() and re.match(r"[ \t]*[,!]", text[e:e + 3]) \
                and len(cf) >= 3 \
                and not self.excluded(t, lc, cf, frequent=False) and not knowledge().is_place(text[s:e])
            if vocative or self.name_ok(t, lc, s, e, False) or (t.role == "comment" and self._unknown(t, cf) and len(cf) >= 3
                                                    and not self.excluded(t, lc, cf, frequent=False)):
                # (a greeting after a greeting is none's name: "querida, bem-vinda ao clube")
                if knowledge().is_place(text[s:e]) and not self.given(cf, t.lang):
                    continue
                yield self.person(t, s, self.full(t, s, e), f"a name after a greeting ({t.lang})")
        if t.role == "comment":
            opening = _after_byline(t)
            m = _REPLY_OPENING.match(text, opening)
            if m:
                s, e = m.span("name")
                tok = text[s:e]
                cf = tok.casefold()
                r = self.rank(cf, t.lang)
                nxt = re.match(r"[ \t]*(?:[,:!]|(?P<w>[^\W\d_]+))", text[e:e + 30])
                vocative_next = nxt and (nxt.group("w") is None or nxt.group("w")[:1].islower())
                # (a language that declines has more word forms than its word list holds: "Zadzwoniłam do ...";
                # there a word of no list opens a reply as a name only when set off by a comma, colon or "!")
                # (under a byline the site's own words open lines too, "Aktualita: ...": there only a given name)
                unknown = not opening and self._unknown(t, cf) and (name_forms(t.lang) is None or nxt.group("w") is None)
                if nxt and nxt.group("w") is not None and (t.lang in _AGGLUTINATIVE or lower_word(cf, t.lang)):
                    # ("asun nykyään", "Tuuli puhalsi": a Finnish verb form and a name that is a word, each opening a
                    # sentence; there the name it answers is set off by a comma, a colon or "!")
                    vocative_next = False
                if vocative_next and t.free(s, e) and not self.excluded(t, lc, cf) and (
                        (self.given(cf, t.lang) and (r is None or r >= 3000)) or unknown
                        or "_" in tok) and not (knowledge().is_place(tok) and not self.given(cf, t.lang)):
                    yield self.person(t, s, self.full(t, s, e), f"a reply opening with the name it answers ({t.lang})")
                elif not vocative_next and t.free(s, e):
                    yield from self._tagged_reply(t, lc, s, e)
        quoted = [q.span(1) for q in _QUOTED.finditer(text)] if any(c in text for c in "\"“«") else []
        skip_to = -1
        for m in _NAME_RE.finditer(text):
            s, e = m.span()
            tok = m.group(0)
            if not t.free(s, e):
                continue
            if quoted and any(a <= s and e <= b for a, b in quoted):
                continue  # a title or a saying in quotes ('"Yo soy Betty, la fea"', "« Les étoiles filantes »")
            cf = tok.casefold()
            upper = tok[:1].isupper()
            if not upper and not self.given(cf, t.lang) and (self.rank(cf, t.lang) is not None or self.lex.rank(cf) is not None):
                continue  # most words: lower case, a word of the language or of English, no given name (fast path)
            initial = self.cues.is_initial(text, s)
            role = upper and not initial and self._romance_role(t, lc, s, e, cf)
            if self.excluded(t, lc, cf) and not (upper and not initial and self._greeting_given(t, lc, cf, e)) and not (
                    role) and not (
                    upper and not initial and lower_word(cf, t.lang) and self.given(cf, t.lang)
                    and not self.excluded(t, lc, cf, frequent=False) and not self._own_script_place(tok)):
                # (a national given name that is also a frequent word, capitalised inside a sentence, is the name:
                # "snart, Liv", "med Dag"; opening a sentence or in lower case it is the word: "Liv er kort")
                continue
            r = self.rank(cf, t.lang)
            says = bool(lc.speech_re.match(text, e)) or role  # (a person's role, as a verb of saying shows one)
            if upper:
                if tok.isupper() and len(tok) > 1:
                    continue
                full = _INITIAL_THEN_NAME.match(text, e) if self.given(cf, t.lang) else None
                if full is not None and t.free(s, full.end()) and not knowledge().is_place(tok):
                    # "Liv M. Olsen": a given name, a middle initial and a capitalised word are one person's full
                    # name, even where the given name is a word of the language
                    yield self.person(t, s, full.end(), f"a given name, an initial and a surname ({t.lang})")
                    continue
                if (not knowledge().is_place(tok) or knowledge().is_nationality_word(cf, t.lang)
                        or self._masculine_article_given(t, s, cf)) \
                        and self._article_name(t, s, e, cf):
                    yield self.person(t, s, self.full(t, s, e), f"a name after a definite article ({t.lang})")
                    continue
                if (knowledge().is_place(tok) or self._own_script_place(tok)) and not says and not (
                        self.given(cf, t.lang) and not initial and (_SURNAME_NEXT.match(text, e)
                                                            or _COMPANION_BEFORE.search(text, max(0, s - 12), s)
                                                            or _place_by_case(cf, t.lang))):
                    continue  # a place, unless a given name with a surname after it ("Florence Ravel") or
                    # after a preposition of company ("hablar con Nieves", "avec Florence")
                if knowledge().is_demonym(tok) or (self.place_word_before(t, lc, s) and not says and (
                        not (self.given(cf, t.lang) or self.pet_form(cf, lc)) or knowledge().is_place(tok)
                        or self._country_preposition(t, lc, s))):
                    continue  # "en Suisse", "de Laval": a place after a preposition of place
                if self._article_run(t, lc, s, e) and not self._article_name(t, s, e, cf):
                    continue  # "au Tim Hortons", "La Main Tendue": an article before a capital names a thing
                if re.match(r"[ \t]+\d", text[e:e + 3]) and (m0 := _WORD_BEFORE_RE.search(text, max(0, s - 12), s)) \
                        and m0.group(1).casefold() in lc.articles | lc.person_articles | lc.naming_articles:
                    continue  # "la Ruta 2", "a Linha 3": an article, a capital and a number name a road or a line
                if s < skip_to:
                    continue
                if not says and (self._english_modifier(t, e) or self._english_before(t, s)):
                    run = _CAP_RUN.match(text, s)
                    skip_to = run.end() if run else e
                    continue  # "in Betty references", "is X Y with": English around it in a mixed comment
                if not initial:
                    known = self.given(cf, t.lang) or self.surname(cf, t.lang) or self.pet_form(cf, lc) \
                        or self.surname_shape(t, lc, cf)
                    if known and not self.given(cf, t.lang) and self._after_capital_word(t, s):
                        continue  # "Wielki Piątek", "Nowy Targ": a surname that is a word, in a proper noun's run
                    if known and self._named_thing(t, s, e, r):
                        continue  # "Centro de Salud Mental", "la Virgen de Zapopan": the name of a body or a devotion
                    if known or (r is None and self.lex.rank(cf) is None and says):
                        yield self.person(t, s, self.full(t, s, e), f"a capitalised name inside a sentence ({t.lang})")
                    elif r is not None and r >= 1500 and t.lang in _SUBJECT_AFTER and _SUBJECT_AFTER[t.lang].match(text, e) \
                            and not self.after_determiner(t, lc, s) and not _CAP_AFTER.match(text, e) \
                            and not self._article_run(t, lc, s, e):
                        # "quand Précieuse avait trois ans", "c'est Trésor qui tape": a word of the language capitalised
                        # inside a sentence of a language that capitalises only names, the subject of a verb, no article
                        # before it, is a word-name (Précieuse, Trésor, Espoir, Sagesse)
                        yield self.person(t, s, e, f"a word capitalised inside a sentence as the subject of a verb ({t.lang})")
                    continue
                if lower_word(cf, t.lang) and not says:
                    continue  # "Tuuli puhalsi" (the wind blew): a national name that is a word, opening a sentence
                if (self.given(cf, t.lang) and (r is None or r >= 3000 or says)) or (r is None and says and self._unknown(t, cf)) \
                        or (self.pet_form(cf, lc) and self._unknown(t, cf)):
                    yield self.person(t, s, self.full(t, s, e), f"a given name opening a sentence ({t.lang})")
                continue
            # lower case
            if not self.given(cf, t.lang) and not (says and self._unknown(t, cf) and len(cf) >= 3) \
                    and not (lc.clippings and self.clipped_given(cf, lc)):
                continue  # (a pet form clipped from a given name is one in lower case too: "peppe", "juanlu")
            if not says and self.sibling_word(cf, t.lang) and not self.given(cf, _SHARED_WORDS[t.lang][0]):
                continue  # "han het rolf" read as Danish: "het", "sa", "mi" are Bokmål words, no names
            if t.lang in _AGGLUTINATIVE and not says and (_case_form(cf, t.lang) or not declined_given(cf, t.lang)):
                continue  # "asun" (I live): a case ending joined to a name makes verb and noun forms too, and the
                # other countries' names include forms no word list holds; in lower case only the national names
            if lower_word(cf, t.lang) and not says and (cf[:1].upper() + cf[1:]) in t.text:
                continue  # "aku Bintang ... bintang ketemu bintang": where the text writes the name with a capital, a
                # national name the language's dictionary has as a word is that word in lower case
            if lc.naming_articles and t.lower_style and self._person_article(t, lc, s) and self.given(cf, t.lang) \
                    and (r is None or r >= 20000 or says) and ((self.lex.rank(cf) or 10 ** 6) >= 20000 or says) \
                    and not knowledge().is_place(tok):
                # "a bia disse-me", "o tomás acha": the article of given names before a rare given name
                yield self.person(t, s, e, f"a given name after the article of given names, in lower case ({t.lang})")
                continue
            # in lower-case chat, a given name in a list of given names ("mis hermanos, xx, yy y zz"): a name even
            # where it is a frequent English word or follows the conjunction
            listed = t.lower_style and self._listed_given(t, s, e)
            if not listed and (self.after_determiner(t, lc, s) or knowledge().is_place(tok) and not says):
                continue
            if r is not None and r < 3000 and not says and not listed:
                continue
            if t.lower_style or says:
                if self.lex.rank(cf) is not None and self.lex.rank(cf) < 3000 and not says and not listed:
                    continue  # an English word in a mixed text ("love", "will")
                yield self.person(t, s, e, f"a given name in lower case ({t.lang})")

    def _listed_given(self, t: TextContext, s: int, e: int) -> bool:
        """A lower-case given name of the lexicons before or after the token in a list (a comma or a conjunction
        between), itself no word of the text's language's first 3000."""
        text = t.text
        for m in (_LIST_MATE_BEFORE.search(text, max(0, s - 24), s), _LIST_MATE_AFTER.match(text, e)):
            if m is not None:
                w = m.group("w")
                if w.islower() and self.given(w, t.lang) and (self.rank(w, t.lang) or 10 ** 6) >= 3000:
                    return True
        return False

    def _tagged_reply(self, t: TextContext, lc: LanguageCues, s: int, e: int) -> Iterator[Span]:
        """A reply opening with the full name of the person it answers, tagged as social networks write it, no
        comma after ("Zélica Gallant merci Zel", "Xx Yy Zz Ww les filles"): a given name of the lexicons or a word
        of no language, then a surname of the lexicons or a word of no language, then a lower-case word or another
        such name."""
        text = t.text
        if name_forms(t.lang) is not None:
            return  # (a language that declines has more verb forms than its word list holds: "Podziękuj Bogusi")
        while True:
            m = _TAG_PAIR.match(text, s)
            if m is None or m.start() != s:
                return
            first, last = m.group("first"), m.group("last")
            f, l2 = first.split("-")[0].casefold(), last.casefold()
            if any(self.excluded(t, lc, w) for w in (f, l2)) or knowledge().is_place(f"{first} {last}"):
                return
            rare = (self.rank(l2, t.lang) or 10 ** 6) >= 20000 and (self.lex.rank(l2) or 10 ** 6) >= 20000
            if not ((self.given(f, t.lang) or self._unknown(t, f)) and (self.surname(l2, t.lang) or self._unknown(t, l2) or rare)):
                return
            if (knowledge().is_place(first) and not self.given(f, t.lang)) or not t.free(m.start(), m.end("last")):
                return
            end = m.end("last")
            if t.lang in _TWO_SURNAMES and m.group("next") is not None and not m.group("next").islower():
                # the second surname of Spanish and Portuguese names, then a lower-case word ("Xx Yy Zz gracias")
                m2 = _SECOND_SURNAME.match(text, end)
                w2 = m2.group("w").casefold() if m2 else ""
                if m2 and not self.excluded(t, lc, w2) and t.free(end, m2.end()) and (
                        self.surname(w2, t.lang) or self._unknown(t, w2)
                        or ((self.rank(w2, t.lang) or 10 ** 6) >= 20000 and (self.lex.rank(w2) or 10 ** 6) >= 20000)):
                    yield self.person(t, m.start(), m2.end(), f"a reply opening with the full name it answers, tagged ({t.lang})",
                                      score=self.score + 0.05)
                    return
            # (above the capitalised-name rule of this recognizer, which would read "Yy Zz" across two tagged names)
            yield self.person(t, m.start(), end, f"a reply opening with the full name it answers, tagged ({t.lang})",
                              score=self.score + 0.05)
            if m.group("next") is None or m.group("next").islower():
                return
            s = m.end("last") + len(text[m.end("last"):]) - len(text[m.end("last"):].lstrip(" \t"))  # another name

    def _named_thing(self, t: TextContext, s: int, e: int, r: int | None) -> bool:
        """A capital inside the name of an institution, a place or a devotion, made of the language's
        common nouns: after a capitalised common noun and "de" ("Centro de Salud", "Hospital de
        Clínicas", "Stichting van ..."), or itself a common word before "de" and a place ("la Virgen de
        Zapopan", "o Largo do Machado")."""
        text = t.text
        if _YEAR_AFTER.match(text, e) and r is not None:
            return True  # "Centrum '45", "Euro '96": a word of the language and a year name a body or an event
        m = _OF_BEFORE.search(text, max(0, s - 30), s)
        if m is not None and m.group(1)[:1].isupper():
            # (the language's word list has its given names removed: a word on it heads a name of a thing)
            hr = self.rank(m.group(1).casefold(), t.lang)
            if hr is not None and hr < 5000:
                return True
        if r is not None and r < 3000:
            n = _OF_PLACE_AFTER.match(text, e)
            return n is not None and knowledge().is_place(n.group(1))
        return False

    @staticmethod
    def _person_article(t: TextContext, lc: LanguageCues, s: int) -> bool:
        m = re.search(r"(?:^|[\s(,])([^\W\d_]{1,2})[ \t]+$", t.low[max(0, s - 6):s])
        return bool(m) and m.group(1) in lc.naming_articles

    def _article_apposition(self, t: TextContext, lc: LanguageCues) -> Iterator[Span]:
        """Another name of a person just named, in apposition with the article of given names: "Sou a
        Isabel, a Bela para os netos", "o Francisco (o Chico só para a mãe)": a given name, a pet form or
        a word of no language, even where a place has the name."""
        text = t.text
        ends = {sp.end for sp in t.spans if sp.kind == PERSON}
        for m in _APPOSED_ARTICLE.finditer(text):
            if m.start() not in ends or m.group("art").casefold() not in lc.naming_articles:
                continue
            s, e = m.span("name")
            cf = text[s:e].casefold()
            if not t.free(s, e) or self.excluded(t, lc, cf):
                continue
            if text[s:s + 1].isupper() and (self.given(cf, t.lang) or self.pet_form(cf, lc) or self._unknown(t, cf)) \
                    or text[s:s + 1].islower() and t.lower_style and self.given(cf, t.lang):
                yield self.person(t, s, e, f"another name of the person just named, after '{m.group('art')}' ({t.lang})")

    def _after_capital_word(self, t: TextContext, s: int) -> bool:
        """In a language that declines names, the word before is capitalised inside the sentence and is an
        ordinary word of the language, no name: the two name a feast, a place or a body ("Wielki Piątek",
        "Nowy Targ", "Zielona Góra"), not a person with a surname that is also a word."""
        if name_forms(t.lang) is None:
            return False
        m = re.search(r"(?<![\w'’])([^\W\d_]+)[ \t]+$", t.text[max(0, s - 30):s])
        if not m or not m.group(1)[:1].isupper() or self.cues.is_initial(t.text, s - len(m.group(0))):
            return False
        w = m.group(1).casefold()
        r = self.rank(w, t.lang)
        return r is not None and r < 5000 and not self.given(w, t.lang) and not declined_surname(w, t.lang)

    def _romance_role(self, t: TextContext, lc: LanguageCues, s: int, e: int, cf: str) -> bool:
        """In a Romance language (nouns in lower case), a given name of the names data that is also a frequent word
        ("Paz", "Luz", "Llum", "Vita", "Fidèle"), capitalised inside a sentence, in a person's role: the subject of a
        verb of saying ("a Paz falou", "la Llum diu"), the one greeted or thanked ("merci Fidèle,"), or coordinated
        with a pronoun or another given name ("eu e a Luz", "la Vita e io", "Marta i la Llum"). Elsewhere the word
        ("Só quero paz", "La Paz es linda" opening a sentence) is decided as a word."""
        if t.lang not in _ROMANCE or not self.given(cf, t.lang) or self.excluded(t, lc, cf, frequent=False) \
                or _SENT_END.search(t.text, max(0, s - 12), s):
            return False
        text = t.text
        if lc.speech_re.match(text, e):
            return True
        pats = _ROLE_PATTERNS.get(t.lang)
        if pats is None:
            greet = r"(?<![\w'’])(?:" + _alt(lc.greetings) + r")[ \t]*,?[ \t]+$"
            arts = _alt(lc.person_articles | lc.naming_articles | {"a", "o", "la", "el", "en", "na", "l'", "il", "lo"})
            conj = r"(?:e|i|y|et|ed)"
            before = rf"(?:^|[ \t(])(?:[^\W\d_]+)[ \t]+{conj}[ \t]+(?:(?:{arts})[ \t]*)?$"
            after = rf"[ \t]+{conj}[ \t]+(?:(?:{arts})[ \t]*)?(?P<w>[^\W\d_]+)"
            pats = _ROLE_PATTERNS[t.lang] = (re.compile(greet, re.I), re.compile(before), re.compile(after))
        greet, before, after = pats
        if re.match(r"[ \t]*[,!]", text[e:e + 3]) and greet.search(text, max(0, s - 24), s):
            return True
        if _province_or_country(text[s:e]):
            return False  # (coordination alone: "os meus filhos Nilton e Lisboa" names where they are)
        b = before.search(text, max(0, s - 30), s)
        if b:
            w = re.match(r"[ \t(]?([^\W\d_]+)", b.group(0))
            if w and self._person_word(t, lc, w.group(1)):
                return True
        a = after.match(text, e)
        return bool(a) and self._person_word(t, lc, a.group("w"))

    def _person_word(self, t: TextContext, lc: LanguageCues, w: str) -> bool:
        """A first-person pronoun ("eu", "jo", "io", "yo", "moi") or a capitalised given name."""
        return w.casefold() in _FIRST_PERSON or (w[:1].isupper() and self.given(w.casefold(), t.lang)
                                                 and not self.excluded(t, lc, w.casefold()) and not _province_or_country(w))

    def _greeting_given(self, t: TextContext, lc: LanguageCues, cf: str, e: int) -> bool:
        """A greeting or closing word that is also a given name ("Lieve" in Dutch), capitalised inside a
        sentence and not opening a closing formula ("met Lieve groeten"): the name, as capitals say there."""
        if not self.given(cf, t.lang) or not (cf in lc.greetings or cf in lc.closings):
            return False
        m = re.match(r"[ \t]+([^\W\d_]+)", t.text[e:e + 30])
        formula = lc.closings | lc.greetings
        return not (m and (f"{cf} {m.group(1).casefold()}" in formula
                           or any(f.split()[0] == m.group(1).casefold() for f in formula)))

    def _english_modifier(self, t: TextContext, e: int) -> bool:
        """The word after the token is an English content word and no word of the text's language:
        the token modifies an English noun ("Betty references"), as people code-switch mid-comment."""
        m = re.match(r"[ \t]+([a-z]+)\b", t.text[e:e + 24])
        if not m:
            return False
        w = m.group(1)
        r = self.lex.rank(w)
        return r is not None and r >= 300 and self.rank(w, t.lang) is None and self.lex.word_form(w)

    def _english_before(self, t: TextContext, s: int) -> bool:
        """The word before is English and no word of the text's language ("is", "about", "with"): the
        comment switched to English here, whose capitals the English rules read, not these."""
        m = re.search(r"\b([a-z]+)[ \t]+$", t.text[max(0, s - 24):s])
        if not m:
            return False
        w = m.group(1)
        r = self.lex.rank(w)
        lr = self.rank(w, t.lang)
        # (web text of every language holds English function words, far down its own list: "is" in Spanish)
        return r is not None and ((r < 20000 and lr is None) or (r < 1000 and lr >= 2000))

    @staticmethod
    def _own_script_place(tok: str) -> bool:
        """A town of the gazetteers written in its own non-Latin script ("Αθήνα", "Λάρισα": small_places.txt holds
        the Greek-script names of the places of Greece and Cyprus, whatever their size), as ``is_place`` is for the
        Latin names of the big ones: a given name too ("Αθήνα" is also a woman's), but the place unless a cue says
        otherwise."""
        return not tok.isascii() and not tok[:1].isascii() and tok[:1].isalpha() and "LATIN" not in \
            unicodedata.name(tok[0], "") and knowledge().is_small_place(tok)

    def _masculine_article_given(self, t: TextContext, s: int, cf: str) -> bool:
        """A given name of the main lists that is also a town, right after the masculine article of persons written
        in lower case ("vaig amb el Pau", "parlo con il Marino", "n'he parlat amb en Pau"): Catalan, Spanish and
        Italian speech name a man so, while a town takes no masculine article in lower case (its own is part of
        its name and capitalised: "El Vendrell", "Il Cairo"); the feminine one stays a place's ("la Paz")."""
        if t.lang not in ("ca", "es", "it") or cf not in self.lex.first_names or cf.endswith("a"):
            return False
        k = knowledge()
        if k.is_region(t.text[s:s + len(cf)]) or k.is_subdivision(t.text[s:s + len(cf)]):
            return False
        return re.search(r"(?:^|(?<=[\s(«\"“]))(?:el|en|il|lo)[ \t]+$", t.text[max(0, s - 6):s]) is not None

    def _article_name(self, t: TextContext, s: int, e: int, cf: str) -> bool:
        """Portuguese names people with the definite article ("o Rivaldo desligou", "a Lucivânia,",
        "através da Vitória"): a given name of the names data, or a word of no language, alone after
        "o/a/do/da/no/na/pelo/pela/ao/à" is the person."""
        lc = self.lc(t)
        if re.match(r"[ \t]+\d", t.text[e:e + 3]):
            return False  # "la Ruta 2", "o Eixo 3": a road, line or route by its number, no person
        if lc.person_articles:  # "il Ruggero è così", "la Nunziatina", "chiedi alla Marta"
            # (an elided article joined by an apostrophe: Catalan "l'Anna", "d'en Pere", "n'Àngels")
            m = re.search(r"(?:^|(?<=[\s(«\"“'’]))([^\W\d_]+)([ \t]+|['’])$", t.text[max(0, s - 12):s])
            art = m and m.group(1).casefold() + ("'" if m.group(2) in ("'", "’") else "")
            if m is None or art not in lc.person_articles:
                return False
            if t.lang in ("es", "ca") and art in ("el", "al", "del") and not knowledge().is_nationality_word(cf, t.lang) and (
                    cf not in self.lex.first_names or cf.endswith("a")):
                return False  # "en el Begoña" (a ship), "al lado del Drago" (a tree): Spanish names things after people
                # too; the masculine article of persons only before a given name of the main lists, none in "-a"
            w2 = re.match(r"\.[ \t]+([A-ZÀ-Þ][^\W\d_]+)", t.text[e:e + 30])
            if w2 is not None and self.rank(w2.group(1).casefold(), t.lang) is None:
                return False  # "el Fred. Olsen": an abbreviated name inside a company's or a ship's
            # a nationality word made a nickname ("el Ruso", "la Turca", perhaps with the surname: "la Turca Nazar")
            nat = knowledge().is_nationality_word(cf, t.lang) and not knowledge().is_region(t.text[s:e])
            nxt = _NAME_RE.match(t.text, e + 1) if re.match(r"[ \t]+[A-ZÀ-Þ]", t.text[e:e + 2]) else None
            if nxt is not None and not (nat and (self.surname(nxt.group(0).casefold(), t.lang) or self.given(
                    nxt.group(0).casefold(), t.lang) or self._unknown(t, nxt.group(0).casefold()))) \
                    or re.match(r"[ \t]+d[ie][ \t]+[A-ZÀ-Þ]", t.text[e:e + 5]):
                return False  # "la Scala di Milano", "il Banco di Napoli": a run of capitals names a thing
            if knowledge().is_place(t.text[s:e]) and not self.given(cf) and not nat:
                return False
            if cf in knowledge().figures_by_surname or re.match(r"[ \t]+(?:de|del|di|dei|della|delle)[ \t]+(?:(?:la|las|los|le|i)[ \t]+)?[a-zà-ÿ]",
                                                                 t.text[e:e + 16]):
                return False  # "el Messi de la terapia", "il Freud dei poveri": a public person as a type
            return self.given(cf) or self.pet_form(cf, lc) or nat
        if t.lang != "pt" or not _PT_DEF_ARTICLE.search(t.text[max(0, s - 8):s]):
            return False
        if re.match(r"[ \t]+[A-ZÀ-Þ]", t.text[e:e + 2]):
            return False  # "o Banco do Brasil", "a Nossa Senhora": a run of capitals names a thing
        if knowledge().is_place(t.text[s:e]) and not self.given(cf, t.lang):
            return False
        if re.match(r"[ \t]+d[eoa]s?[ \t]+[A-ZÀ-Þ]", t.text[e:e + 6]):
            return False  # "o Petro de Luanda", "a Maria da Penha" (a law): a thing named after a place or person
        if self.given(cf, t.lang):
            return True
        # a word of no language only in apposition (", a Lucivânia,") or coordinated with the writer ("eu e a
        # Tetê", "a Tetê e eu"): rivers, clubs and places take the article too ("o Capibaribe", "o Pelourinho")
        if self._unknown(t, cf) and (re.search(r"\beu[ \t]+e[ \t]+[oa][ \t]+$", t.low[max(0, s - 10):s])
                                     or re.match(r"[ \t]+e[ \t]+eu\b", t.low[e:e + 6])
                                     and re.search(r"(?:^|[\s(])[oa][ \t]+$", t.low[max(0, s - 3):s])):
            return True
        return self._unknown(t, cf) and t.text[e:e + 1] == "," and re.search(r",[ \t]*\S+[ \t]+$", t.text[max(0, s - 8):s]) is not None

def _province_or_country(word: str) -> bool:
    """A country, a US state, a continent or a first-level subdivision of ISO 3166-2 ("Lisboa", "Porto", "Luanda"
    are districts and provinces too): a place named far more often than a person so named, so that coordination with
    a given name ("Nilton e Lisboa") says nothing of a person; the towns that are given names too ("Luz", "Alma",
    "Hugo") are left to the coordination."""
    k = knowledge()
    return k.is_region(word) or k.is_first_level(word)


# the word right before a token
_WORD_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(«\"“]))([^\W\d_]+)[ \t]+$")
# a capitalised word of a name headed by a place or body noun ("Dr-Georges-L.-Dumont", "Évangéline", "La Carità"), and
# the particles and articles inside such a name ("Université de Moncton", "Val di Blenio", "Colonia de Oliveros")
_HEADED_WORD = rf"(?:[{_UP}]\.|[{_UP}][^\W\d_]*(?:['’.-][^\W\d_]+)*)"
_HEADED_RUN = re.compile(rf"(?:(?:de|di|du|da|do|del|della|dei|des|de[ \t]+la|d['’])[ \t]*)?{_HEADED_WORD}"
                         rf"(?:[ \t]+(?:(?:de|di|du|da|do|del|della|dei|des|de[ \t]+la|d['’])[ \t]*)?{_HEADED_WORD}){{0,3}}")


# "in" and an article right before a title ("en el Doctor X")
_IN_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:en|in|em)[ \t]+([^\W\d_]+)[ \t]+$")
# a middle initial and a capitalised word after a given name ("Liv M. Olsen", "Anna K. Berg")
_INITIAL_THEN_NAME = re.compile(rf"[ \t]+[{_UP}]\.(?:[ \t]*[{_UP}]\.)?[ \t]+[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?(?![\w'’-])")
# Danish and Norwegian Bokmål share most of their written words, and the language detector places much Bokmål text in
# Danish: in lower case, a frequent word of either list is a word in the other's text too
_SHARED_WORDS = {"da": ("no",), "no": ("da",)}
# languages whose case endings are suffixes joined to the stem, as the verbs' personal endings are (Finnish genitive
# -n and first person -n: "Asun" Asu's, "asun" I live): their word lists cannot hold every form, so a case form of a
# name in lower case is read as a name only before a verb of saying
_AGGLUTINATIVE = frozenset({"fi"})
# French makes pet names by saying a syllable of the given name twice ("hypocoristiques par redoublement": Titi,
# Zézé, Doudou, Nounou, Cécel of Marcel): a consonant and its vowels, again, perhaps a closing consonant
_REDUPLICATING = frozenset({"fr"})
_VOWELS = "aeiouáéíóúàèìòùâêôãõy"


_GIVEN_INDEX: dict[int, tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = {}


def _given_index(lex) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """``clipped_given``'s look-ups, built once per lexicon: the given names of six letters or more by their last
    four letters, and those of four or more by their first two and three."""
    index = _GIVEN_INDEX.get(id(lex))
    if index is None:
        tail: dict[str, list[str]] = {}
        start: dict[str, list[str]] = {}
        for g in lex.first_names | lex.intl_names:
            if len(g) >= 4 and g.isalpha():
                if len(g) >= 6:
                    tail.setdefault(g[-4:], []).append(g)
                start.setdefault(g[:2], []).append(g)
                start.setdefault(g[:3], []).append(g)
        index = _GIVEN_INDEX[id(lex)] = ({k: tuple(v) for k, v in tail.items()}, {k: tuple(v) for k, v in start.items()})
    return index
_REDUPLICATED = re.compile(r"([bcdfghjklmnpqrstvwxz][aeiouy]{1,2})\1[bcdfghjklmnpqrstvwxz]?")
# the name after an abbreviated title's period inside a body's name ("RSUP Dr. X")
_TITLED_TAIL = re.compile(rf"\.[ \t]*{_HEADED_WORD}(?:[ \t]+{_HEADED_WORD}){{0,2}}")


_INITIAL_WORD = re.compile(rf"[{_UP}]\.")


_TITLE_BEFORE: dict[str, re.Pattern[str]] = {}


def _title_before(lc: "LanguageCues") -> re.Pattern[str]:
    """The language's titles (not its kin words of address) right before a word."""
    p = _TITLE_BEFORE.get(lc.lang)
    if p is None:
        from .titles import before_pattern
        p = _TITLE_BEFORE[lc.lang] = before_pattern(lc.titles)
    return p


class HeadedNameRecognizer(_Multilingual):
    """The name of a street, place, region or body after the noun that heads it ("rue Main", "Région
    Évangéline", "Ospedale Beata Vergine", "Val di Blenio", "calle Mendoza") or after a saint's title ("San
    Giovanni", "Riva San Vitale", "Sainte-Anne"): kept whole, so the given names and surnames inside it are not
    taken for people, nor removed where the thread knows someone of that name. The head nouns are the language's
    ``heads`` (``language_cues.toml``); the head may be capitalised, as the name's first word."""

    name, score = "headed_name", 0.82

    def analyze(self, t: TextContext) -> Iterator[Span]:
        lc = self.lc(t)
        if not lc.heads:
            return
        text = t.text
        if t.lang == "pt" and (" no " in text or " na " in text):
            yield from self._in_the_full_name(t)
        for m in lc.head_re.finditer(text):
            if lc.cap_heads and not text[m.start():m.start() + 1].isupper() \
                    and re.sub(r"\s+", " ", m.group(0).strip()).casefold() in lc.cap_heads:
                continue
            if _title_before(lc).search(text, max(0, m.start() - 16), m.start()):
                continue  # a title before the head: the head is a given name ("dott. Santo X", "Sr. Santos X")
            run = _HEADED_RUN.match(text, m.end())
            if run is None:
                if t.lower_style:
                    e = self._lower_headed(t, lc, m.end())
                    if e is not None and t.free(m.start(), e):
                        yield self.span(m.start(), e, KEEP, reason=f"a body named after a person, in lower case ({t.lang})")
                continue
            s, e = run.span()
            words = run.group(0).split()
            # (a title or a relation noun opening the run names a person: "ospedale dr. Rossi" is no hospital's name)
            titled = words[0].casefold().rstrip(".") in lc.titles
            # (a title, initials and a surname after the head name the body after the person in lower case too:
            # "l'hôpital Dr A. G. X", "el hospital Dr. J. M. X"; no one calls their own doctor by initials so)
            initialled = titled and len(words) >= 3 and words[0][:1].isupper() and words[-1][:1].isupper() \
                and all(_INITIAL_WORD.fullmatch(w) for w in words[1:-1])
            if (titled or words[0].casefold() in lc.relations) and not initialled and not (
                    titled and text[m.start():m.start() + 1].isupper() and words[0][:1].isupper()):
                continue  # (but a capitalised head and title before a name name the body after the person:
                # "Hospital Doctor X", "RSUP Dr. X")
            if titled and len(words) == 1:
                t2 = _TITLED_TAIL.match(text, e)  # "Dr." and the name after its period
                if t2 is None:
                    continue
                e = t2.end()
            elif len(words) > 1 and words[-1].casefold().rstrip(".") in lc.titles and text[m.start():m.start() + 1].isupper():
                t2 = _TITLED_TAIL.match(text, e)  # "Hospital Nacional Dr. X Y": the person it is named after
                if t2 is not None:
                    e, titled = t2.end(), True
            if e - s > 1 and run.group(0).isupper():
                continue  # an acronym after the noun ("ospedale EOC"): the body's own name, read elsewhere
            a = m.start() if text[m.start():m.start() + 1].isupper() else s
            if t.free(a, e):
                # (a body named after a person by title and name outranks the title rules, which see only the title)
                yield self.span(a, e, KEEP, reason=f"a name headed by a place or body noun or a saint's title ({t.lang})",
                                score=0.86 if titled else None)


    def _in_the_full_name(self, t: TextContext) -> Iterator[Span]:
        """Portuguese "in the" ("no", "na") before a given name, a particle and a surname: the hospital, school or
        station named after the person ("vais acabar no Júlio de Matos", "estive internada no Egas de Moniz"), not
        the person, whom "em" takes only after verbs of thinking, trusting or voting ("pensei na Maria da Silva")."""
        for m in _PT_IN_THE_NAME.finditer(t.text):
            s, e = m.span("name")
            if not self.given(m.group("given").casefold(), t.lang) or _PT_EM_PERSON_VERB.search(t.text, max(0, s - 30), s):
                continue
            if t.free(s, e):
                yield self.span(s, e, KEEP, reason=f"a full name after 'in the': a body named after the person ({t.lang})")

    def _lower_headed(self, t: TextContext, lc: LanguageCues, e0: int) -> int | None:
        """In text written without capitals, the end of two or three given names, surnames or words of no language (one of
        the lexicons at least) right after a head noun ("l'université x y", "au chu x y"): the body named after the person; or None."""
        end, named = None, False
        for n, w in enumerate(_LOWER_WORD_AFTER.finditer(t.text, e0)):
            if n >= 3 or w.start() != e0:
                break
            cf = w.group(1)
            known = self.given(cf, t.lang) or self.surname(cf, t.lang)
            if self.excluded(t, lc, cf) or not (known or self._unknown(t, cf)):
                break  # (a name of the lexicons, or a word of no language: "x mammeri")
            named = named or known
            e0 = w.end()
            end = e0 if n >= 1 and named else None
        return end


_LOWER_WORD_AFTER = re.compile(r"[ \t]*([a-zß-öø-ÿ]{2,})(?![\w'’-])")


# the possessive "à" of popular and Acadian French between a person and a parent or ancestor, then the capitalised
# name ("Blanche à Médard à Ti-Pit", "le garçon à Désiré", "Ti-Guy à Euclide")
_LINEAGE_LINK = re.compile(rf"[ \t]+à[ \t]+(?P<name>[{_UP}][^\W\d_]*(?:-[{_UP}]?[^\W\d_]+)*)(?![\w'’-])")
_KIN_BEFORE_A = re.compile(rf"(?<![\w'’-])(?P<rel>[^\W\d_]+(?:-[^\W\d_]+)?)(?=[ \t]+à[ \t]+[{_UP}])")
# a nickname of French Canada and Acadia: "Ti" ("petit") and a given name, hyphenated ("Ti-Jean", "Ti-Pit", "ti-guy")
_TI_NAME = re.compile(rf"(?<![\w'’-])(?:[Tt]i|[Pp]['’]?tit)-(?P<given>[{_UP}{_LOW}][^\W\d_]+)(?![\w'’-])")
# its first part ("petit"), which names no one alone: no variant of a commenter's name ("Ti" of "Ti-Guy X")
TI_PREFIXES = frozenset({"ti", "p'tit", "p’tit", "ptit"})


class TiNicknameRecognizer(_Multilingual):
    """The nicknames of French Canada and Acadia made of "Ti" ("petit") and a given name, hyphenated: "Ti-Jean",
    "Ti-Pit", "ti-guy" (in lower case only with a given name of the lexicons), with the surname after one. Before
    the known identities, which would take a commenter's given name out of the middle of it."""

    name, score = "ti_nickname", 0.8
    languages = frozenset({"fr"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if "i-" not in t.text:
            return
        for m in _TI_NAME.finditer(t.text):
            g = m.group("given")
            if (g[:1].islower() and not self.given(g.casefold(), t.lang)) or not t.free(m.start(), m.end()):
                continue
            e = self.full(t, m.start(), m.end())
            yield self.person(t, m.start(), e if t.free(m.start(), e) else m.end(),
                              f"a Ti- nickname: 'Ti' and a given name ({t.lang})")


class LineageRecognizer(_Multilingual):
    """French of Acadia and Quebec names a person through their parents and ancestors with the possessive "à":
    "Blanche à Médard à Ti-Pit Cormier" (Blanche, daughter of Médard, son of Ti-Pit), "le garçon à Désiré à
    Fidèle", "la fille à Camille". After a name found or a kin noun, each link of "à" and a capitalised name
    (a given name of the lexicons, a Ti- nickname or no word of the language; not a place) is a person."""

    name, score = "lineage", 0.8
    languages = frozenset({"fr"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        lc = self.lc(t)
        text = t.text
        if " à " not in text:
            return
        ends = [sp.end for sp in t.spans if sp.kind in (PERSON, KNOWN)]
        ends += [m.end() for m in _KIN_BEFORE_A.finditer(text) if m.group("rel").casefold() in lc.relations]
        for e0 in sorted(set(ends)):
            while (m := _LINEAGE_LINK.match(text, e0)) is not None:
                s, e = m.span("name")
                if not self._link(t, lc, m.group("name")) or not t.free(s, e):
                    break
                yield self.person(t, s, e, f"a parent or ancestor after the possessive 'à' of a name ({t.lang})")
                e0 = e

    def _link(self, t: TextContext, lc: LanguageCues, tok: str) -> bool:  # (one link of the chain)
        cf = tok.casefold()
        k = knowledge()
        if self.excluded(t, lc, cf) or k.is_demonym(tok) or k.is_region(tok):
            return False
        if (k.is_place(tok) or k.is_small_place(tok)) and not self.given(cf, t.lang):
            return False  # "Ti-Guy à Moncton": where, not whose
        return self.given(cf, t.lang) or bool(_TI_NAME.fullmatch(tok)) or self.surname(cf, t.lang) \
            or self.rank(cf, t.lang) is None or tok[:1].isupper()


# one entry of a school or practitioners' list, surname first, quoted or on a line of its own: "Gorosito, Micaela",
# "Quadri Moreno, Massagno" (the surname, perhaps two; a comma or a blank; the given name; perhaps a comma and a place)
_LIST_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_SURNAME_FIRST_ENTRY = re.compile(
    rf"(?:(?<=[\"“«„])|(?m:^)[ \t]*(?:[-•*][ \t]+|\d{{1,3}}[.)][ \t]+)?)(?P<sur>{_LIST_WORD}(?:[ \t]+{_LIST_WORD})?)"
    rf"(?P<sep>,[ \t]*|[ \t]+)(?P<given>{_LIST_WORD})(?:(?P<comma>[ \t]*,[ \t]*)(?P<place>{_LIST_WORD}(?:[ \t]+{_LIST_WORD}){{0,2}}))?"
    # (the entry ends the quotation or line, or a dash puts the person's role after it: "X Y, Z — tesorera")
    rf"(?=[\"”»“]|[ \t]*;|[ \t]*$|[ \t]+[—–][ \t])", re.M)


class SurnameFirstListRecognizer(_Multilingual):
    """An entry of a school register or of a list of practitioners, written surname first as such lists are in
    Spanish- and Italian-speaking countries and in Switzerland: "Gorosito, Micaela", "Quadri Moreno, Massagno",
    quoted or alone on a line. The given name is one of the lexicons; the surname one of the lexicons or, without a
    comma, a capitalised word that is no given name; in either order both name one person, even where the
    gazetteer has one of the words ("Luna, Mercedes", "Toledo, Lucila"); with a comma the surname may also be a word of
    no language. A place after the entry stays."""

    name, score = "surname_first_list", 0.8
    languages = frozenset({"es", "it", "pt", "fr"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if "," not in t.text and '"' not in t.text and "“" not in t.text:
            return
        k = knowledge()
        for m in _SURNAME_FIRST_ENTRY.finditer(t.text):
            for s, e, sur, given, comma, place in self._readings(m):
                if self._entry(t, k, sur, given, comma, place) and t.free(s, e):
                    yield self.person(t, s, e, f"a list entry written surname first ({t.lang})")
                    break

    @staticmethod
    def _readings(m: re.Match) -> list[tuple[int, int, str, str, bool, str | None]]:
        """(start, end, surname, given name, comma between them, place) as the regex read the entry, and with a
        two-word surname read as a surname and a given name before the place ("Quadri Moreno, Massagno")."""
        out = [(m.start("sur"), m.end("given"), m.group("sur"), m.group("given"), "," in m.group("sep"), m.group("place"))]
        words = m.group("sur").split()
        if len(words) == 2 and m.group("place") is None and "," in m.group("sep"):
            out.append((m.start("sur"), m.end("sur"), words[0], words[1], False, m.group("given")))
        return out

    def _entry(self, t: TextContext, k, sur: str, given: str, comma: bool, place: str | None) -> bool:
        g, last = given.casefold(), sur.split()[-1].casefold()
        if not self.given(g, t.lang) or k.is_region(given) or k.is_demonym(given) or k.is_demonym(sur):
            return False
        if comma and place is None:
            ok = self.surname(last, t.lang) or self._unknown(t, last)  # "Gorosito, Micaela"; not "Toledo, Ohio"
        else:
            # "Quadri Moreno, Massagno": with a blank, only before a place, and the first word a surname or no
            # given name ("Beffa Morena, Lugano")
            ok = place is not None and not comma and k.is_place(place) and (
                self.surname(last, t.lang) or not self.given(last, t.lang))
        return ok and not any(self.excluded(t, self.lc(t), w.casefold()) for w in sur.split())


# a full name opening a reply, tagged ("Zélica Gallant merci"): a given name, a surname, then what goes on (a
# lower-case word, another capitalised name, or the end of the line)
_TAG_PAIR = re.compile(rf"(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)[ \t]+(?P<last>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
                       rf"(?=[ \t]+(?P<next>[{_LOW}]|[{_UP}])|(?P<end>[ \t]*$))", re.M)
# a word next to another in a list: a comma or a conjunction between ("xx, yy y zz", "xx e yy", "xx and yy")
_LIST_MATE_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>[^\W\d_]{3,})(?:[ \t]*,[ \t]*|[ \t]+(?:y|e|et|and|i|en|und)[ \t]+)$")
_LIST_MATE_AFTER = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:y|e|et|and|i|en|und)[ \t]+)(?P<w>[^\W\d_]{3,})(?![\w'’-])")
# the languages whose names carry two surnames, and the second one after a tagged pair, before a lower-case word
_TWO_SURNAMES = frozenset({"es", "pt", "ca"})
_SECOND_SURNAME = re.compile(rf"[ \t]+(?P<w>[{_UP}][{_LOW}]+)(?=[ \t]+[{_LOW}]|[ \t]*$)", re.M)
# "where from" right after a writer's own name opening a sentence, by language: "Xx desde Telde", "Xx de Braga",
# "Xx da Bari", "Xx z Brna" (the preposition of origin of each language's grammar)
_FROM = {"es": "desde|de", "pt": "de|do|da", "fr": "de|d'", "it": "da|di", "nl": "uit", "cs": "z|ze", "pl": "z|ze"}
_UPPER_WORD = rf"[{_UP}][^\W\d_]+(?:-[^\W\d_]+)*"


@lru_cache(maxsize=None)
def _intro_from(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[.!?…\n])[ \t]*|(?<=[.!?][\"”’)])[ \t]*)(?P<name>{_UPPER_WORD})[ \t]+"
                      rf"(?:{_FROM[lang]})[ \t]*(?P<place>{_UPPER_WORD}(?:[ \t]+{_UPPER_WORD})?)(?=[ \t]*[,.(!])", re.M)


_REPLY_OPENING = re.compile(r"[ \t\"«“]*(?P<name>" + _NAME + r"(?:[_.][\w]+)*)(?=[ \t]*[,:!]|[ \t]+[^\W\d_])")


def _after_byline(t: TextContext) -> int:
    """Where the reply's own words begin: after the first line when that line is the site's byline over the comment
    ("X · 200 Kč · před 25 dny"), so the name the reply answers opens the second line ("Lucko, ..."); else 0."""
    nl = t.text.find("\n")
    if nl < 0:
        return 0
    return nl + 1 if any(sp.recognizer == "byline" and sp.end <= nl for sp in t.spans) else 0


class IntroFromPlaceRecognizer(_Multilingual):
    """A writer naming themself where a sentence opens, then where they write from, and nothing else:
    "Xx desde Telde, Gran Canaria.", "Xx de Braga, 40 anos", "Xx z Brna." The word is a given name of the
    lexicons or no frequent word of the language, the place one of the gazetteer; a verb or a greeting
    ("Saludos desde Telde", "Escribo desde Telde") is a frequent word, no name."""

    name, score = "intro_from_place", 0.75
    languages = frozenset(_FROM)

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        lc = self.lc(t)
        for m in _intro_from(t.lang).finditer(text):
            s, e = m.span("name")
            cf = m.group("name").casefold()
            if self.excluded(t, lc, cf) or not t.free(s, e) or not knowledge().is_place(m.group("place")):
                continue
            r = self.rank(cf, t.lang)
            if knowledge().is_place(m.group("name")) and not self.given(cf, t.lang):
                continue  # "Puerto de Mazarrón": a place named so
            if (r is None and self._unknown(t, cf)) or (self.given(cf, t.lang) and (r is None or r >= 3000)):
                yield self.person(t, s, e, "a writer's name opening a sentence, then where they write from")


class LanguageWorkRecognizer(_Multilingual):
    """A full name talked about through the person's work is a public person's, kept: "un livre
    d'Amélie Nothomb", "le podcast de X Y", "X Y a écrit", "una canción de X Y", "X Y canta"."""

    name, score = "public_work_language", 0.83

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not self.policy.text.keep_public_figures:
            return
        lc = self.lc(t)
        text = t.text
        for rx, why in ((lc.work_before_re, "talked about through the person's work"),
                        (lc.work_after_re, "talked about through the person's work"),
                        (lc.titled_re, "named as the author of a quoted title"),
                        (lc.reading_re, "read, listened to or watched by the writer")):
            for m in rx.finditer(text):
                s, e = m.span("name")
                words = [(w.start() + s, w.group(0)) for w in re.finditer(r"\S+", text[s:e])]
                # "Écoutez Rosalie Demers": a word of the language opening the sentence is no part of the name
                while len(words) > 2 and self.rank(words[0][1].casefold(), t.lang) is not None \
                        and not self.given(words[0][1].casefold(), t.lang):
                    words.pop(0)
                s = words[0][0]
                if not t.free(s, e) or self.excluded(t, lc, text[s:e].split()[0].casefold()):
                    continue
                yield self.span(s, e, KEEP, reason=f"a full name {why} ({t.lang})")
                # the list goes on: "ascolto Pino Daniele e leggo ...", "escucho a X Y y a Z W"
                while (c := lc.coord_re.match(text, e)) is not None:
                    cs, ce = c.span("name")
                    first = text[cs:ce].split()[0].casefold()
                    if not t.free(cs, ce) or self.excluded(t, lc, first) or knowledge().is_place(text[cs:ce]) \
                            or self.rank(first, t.lang) is not None and not self.given(first, t.lang):
                        break
                    yield self.span(cs, ce, KEEP, reason=f"a full name in a list with a public person ({t.lang})")
                    e = ce
        if t.lower_style:
            for m in lc.reading_lower_re.finditer(text):
                # a given name of the lexicons and a surname of the lists or a word of no language, in lower case
                s, e = m.span("name")
                first, last = text[s:e].split()
                if t.free(s, e) and self.given(first, t.lang) and not self.excluded(t, lc, first) \
                        and (self.rank(last, t.lang) or 10 ** 6) >= 20000 and not self.excluded(t, lc, last) \
                        and (self.surname(last, t.lang) or self._unknown(t, last)):
                    yield self.span(s, e, KEEP, reason=f"a full name read, listened to or watched by the writer, in lower case ({t.lang})")


class LanguagePhoneRecognizer(_Multilingual):
    """Phone numbers in the national formats of the countries where the text's language is spoken
    ("081 55 01 23" in Belgium, "(81) 99555-0142" in Brazil), beside the policy's regions."""

    name, score = "phone_language", 1.0

    def analyze(self, t: TextContext) -> Iterator[Span]:
        regions = tuple(sorted(self.lc(t).phone_regions - set(self.policy.text.phone_regions)))
        if regions:
            for s, e, why in find_language_phones(t.text, regions, t.lang):
                yield self.span(s, e, PHONE, reason=why)
