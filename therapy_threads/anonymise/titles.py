"""One home for titles: forms of address and ranks written before a name ("Dr. X", "Mrs X", "Frau
Dr. X", "Sgt. X", "dr x" in chat), and the patterns every recognizer reads them with.

The words are data, each list in the table of its language: the policy's ``[rules] titles`` for
English and German (the languages the policy's rules are written for, with the military ranks of
English), its ``academic_titles`` of Austria, Germany and Switzerland (titles too, and after which a word is
a surname whatever else it is: :func:`before_pattern`) and its ``lower_titles``, the titles English and German chat writes in lower case before a
name ("dr x", "frau x", "mag. x"); ``language_cues.toml`` ``titles`` and ``lower_titles`` for each
other language. No title is written in code: the TitleRecognizer's patterns (a chain of titles, then
initials, a particle or a lower-case name), the anonymiser's trimming of titles off NER spans and the
sign-off and double-barrelled rules all build on these lists.
"""
from __future__ import annotations

import re

from .patterns import by_first_letter


def bare(titles) -> frozenset[str]:
    """The titles without their periods, case-folded ("Dr." -> "dr")."""
    return frozenset(t.casefold().rstrip(".") for t in titles)


def abbreviated(titles) -> frozenset[str]:
    """Titles the list also gives with a period ("dr." beside "dr"): abbreviations, which in a
    language where the bare form is a word are a title only with the period ("mag." vs Dutch "mag")."""
    return frozenset(t.casefold().rstrip(".") for t in titles if t.endswith("."))


def before_pattern(words) -> re.Pattern[str]:
    """Any of ``words`` (titles, period optional) right before a word, any case: the academic titles
    (``[rules] academic_titles``: "Frau Dr. Glück", "Mag.a Stern", "Dipl.-Psych. Wolf", "DSA Winkler") or every
    title of the covered languages ("Mme ", "la Dre ", "dott.ssa "). A title ending in "-" is a prefix of titles
    ("Dipl.-Päd."). Search it in the 16 characters before a word."""
    full = [w.rstrip(".") for w in words if not w.endswith("-")]
    prefixes = [w for w in words if w.endswith("-")]
    alts = [_alternation(set(full))] + [re.escape(p) + r"[^\W\d_]+" for p in sorted(prefixes)]
    return re.compile(r"(?<![\w.-])(?:" + "|".join(alts) + r")\.?[ \t]+$", re.I)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def chain_pattern(words) -> re.Pattern[str]:
    """One title (period optional) and the blanks after it, for the lower-cased text (no ``re.I``: the
    case of the title and the name is read on the real text); a chain is titles one after another."""
    return re.compile(r"(?:" + by_first_letter(_alternation(words), r"[\w]") + r")\.?[ \t]+")


def prefix_pattern(words) -> re.Pattern[str]:
    """A chain of titles opening a phrase, any case ("Dr. ", "Frau Dr. ", "Sgt "): what is trimmed off a
    name the NER model found."""
    return re.compile(r"^(?:(?:" + _alternation(words) + r")\.?\s+)+", re.I)


def forms_of_address() -> frozenset[str]:
    """Every title, form of address and kin or respect word of the data, each a single word, case-folded and
    without its period: the policy's ``titles``, ``academic_titles`` and ``kin_titles``, the regional tables'
    ``kin_titles`` and each language's ``titles``, ``local_titles``, ``name_titles`` and ``post_titles`` (the
    degrees written after a name: "X, M.Psi.") ("dr", "frau", "pastor", "sister", "tita", "ma'am", "mme", "pani").
    The scorer reads these as the part of a labelled name that is not private ("Pastor" of "Pastor Ofori"); a
    title of several words ("crown prince", "big mama") is left out, as its words alone are no titles."""
    from .multilingual import language_cues
    from .policy import Policy
    from .regional import regional_kin_titles
    r = Policy.load().rules
    words = set(r.titles) | set(r.academic_titles) | set(r.kin_titles) | set(regional_kin_titles())
    for lc in language_cues()[0].values():
        words |= lc.titles | lc.local_titles | lc.name_titles | lc.post_titles
    return frozenset(w.casefold().rstrip(".") for w in words if w and not w.endswith("-") and " " not in w.strip())
