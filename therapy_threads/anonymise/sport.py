"""Sport clubs named by the shapes club names take, and teams in the roles only teams have.

- A club name: a town of 5,000+ people or a country and a club word ("Accrington Stanley",
  "Derby County", "Aston Villa"), or any capitalised words and a word only clubs end in ("X United",
  "X Rovers", "X Athletic", "X FC").
- A team by its role: "X fan", "X supporters", "an X season ticket", "X shirt", "X striker" (a person
  is no one's season ticket), and the two sides of a fixture ("X v Y", "X vs Y").

A club is often named after a place or a person ("Stanley", "Everton"), so the name is kept only in
these shapes; a title or a relation word before it still makes it a person ("my uncle Stanley").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .detect import TextContext
from .knowledge import knowledge
from .patterns import by_first_letter
from .recognizers import Recognizer
from .spans import KEEP, Span

# words that end the names of clubs and nothing else (British, Irish and Commonwealth football, rugby)
_CLUB_ONLY = ("United", "Utd", "Rovers", "Athletic", "Wanderers", "Albion", "Hotspur", "Rangers", "Argyle", "Thistle",
              "Academical", "Academicals", "FC", "AFC", "CF", "SC")
# words that end club names after a place, and are names or words elsewhere ("Derby County", "Aston Villa")
_CLUB_AFTER_PLACE = ("City", "County", "Town", "Villa", "Stanley", "Wednesday", "Vale", "Orient", "Alexandra",
                     "Harriers", "Borough", "Celtic")
_CAP = r"[A-Z\u00c0-\u00de][\w'’-]*"
_CAPS_BEFORE = re.compile(r"(?<![\w'’-])((?:" + _CAP + r"[ \t]+){1,3})$")  # the words before a tail or role word
_TAIL = re.compile(r"(" + by_first_letter("|".join(_CLUB_ONLY + _CLUB_AFTER_PLACE), r"\w") + r")\b")
_ROLE = re.compile(r"(?<=[ \t])(" + by_first_letter(r"fans|fan|supporters|supporter|season[ \t-]+tickets?|shirts?|scarf|"
                                                   r"striker|midfielder|goalkeeper|defender") + r")\b")
# every _ROLE match holds one of these (its words' stems, as written): a text with none is not scanned
# (the pattern's look-behind is tried at every position: ~10 µs a comment, and sport words are rare)
_ROLE_WORDS = ("fan", "supporter", "season", "shirt", "scarf", "striker", "midfielder", "goalkeeper", "defender")
# the word of every _ROLE match, whole (after a blank, before \b or the blanks and "-" of "season ticket")
_ROLE_RUNS = frozenset(("fans", "fan", "supporters", "supporter", "season", "shirt", "shirts", "scarf", "striker",
                        "midfielder", "goalkeeper", "defender"))
_FIXTURE = re.compile(r"(?<![\w'’-])(" + _CAP + r"(?:[ \t]+" + _CAP + r")?)[ \t]+(?:v|vs|v\.|vs\.|versus)[ \t]+("
                      + _CAP + r"(?:[ \t]+" + _CAP + r")?)(?![\w'’-])")
_LEADING = frozenset({"The", "A", "An", "My", "Our", "I", "And", "But", "So", "Then", "When", "If", "At", "In", "On",
                      "To", "From", "For", "With", "Big", "Huge", "Massive", "Lifelong", "Proper", "Real", "Die-hard"})


def _words(text: str, s: int, e: int) -> list[re.Match[str]]:
    return list(re.finditer(r"\S+", text[s:e]))


def _placey(phrase: str) -> bool:
    """A town of 5,000+ people or a country or state (a village of the small list may be a given name:
    "Paul", so "Paul Stanley" is no club)."""
    k = knowledge()
    return k.is_place(phrase) or k.is_region(phrase)


def _tail_words(words: list[str]) -> int:
    """How many of the last words name the team: the longest run that is a place ("West Bromwich",
    "Queens Park"), else the last word alone (never a name before it: "Keith Everton fan")."""
    for n in range(min(3, len(words)), 1, -1):
        if words[-n] not in _LEADING and _placey(" ".join(words[-n:])):
            return n
    return 1 if words and words[-1] not in _LEADING else 0


def _head_words(words: list[str]) -> int:
    """The same from the front, for the side after "v": "Leeds United", "Queens Park Rangers"."""
    for n in range(min(3, len(words)), 1, -1):
        if _placey(" ".join(words[:n])) or words[n - 1] in _CLUB_ONLY + _CLUB_AFTER_PLACE:
            return n
    return 1


class ClubRecognizer(Recognizer):
    """Sport clubs and teams: club-name shapes, "X fan", "X season ticket", fixtures "X v Y"."""

    name, score = "club", 0.8

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        for m in _TAIL.finditer(text):
            b = _CAPS_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if b is None:
                continue
            words = _words(text, b.start(1), b.end(1))
            n = _tail_words([w.group(0) for w in words])
            if n == 0 or (m.group(1) in _CLUB_AFTER_PLACE and not _placey(" ".join(w.group(0) for w in words[-n:]))):
                continue
            yield from self._keep(text, b.start(1) + words[-n].start(), m.end(1),
                                  "a club name (a place and a club word, or a word only clubs end in)")
        for m in _ROLE.finditer(text) if not t.lacks_words(_ROLE_RUNS) and any(map(text.__contains__, _ROLE_WORDS)) else ():
            b = _CAPS_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if b is not None:
                yield from self._team(text, b.start(1), b.end(1), "a team by its role ('X fan', 'X season ticket', 'X striker')")
        if " v" in text:
            for m in _FIXTURE.finditer(text):
                yield from self._team(text, m.start(1), m.end(1), "a side of a fixture ('X v Y')")
                words = _words(text, m.start(2), m.end(2))
                h = _head_words([w.group(0) for w in words])
                yield from self._keep(text, m.start(2), m.start(2) + words[h - 1].end(), "a side of a fixture ('X v Y')")

    def _team(self, text: str, s: int, e: int, why: str) -> Iterator[Span]:
        """The team named by the last words of ``text[s:e]`` ("Keith Fulham fan": "Fulham")."""
        words = _words(text, s, e)
        n = _tail_words([w.group(0) for w in words])
        if n:
            yield from self._keep(text, s + words[-n].start(), s + words[-1].end(), why)

    def _keep(self, text: str, s: int, e: int, why: str) -> Iterator[Span]:
        """A title, a relation word or a naming phrase before it makes it a person ("my uncle Stanley")."""
        if e > s and not (self.cues.title_before(text, s) or self.cues.relation_before(text, s)
                          or self.cues.named_before(text, s)):
            yield self.span(s, e, KEEP, reason=why)
