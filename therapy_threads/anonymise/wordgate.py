"""Skipping a whole text when none of a rule's cue words is among its tokens (issue 13, CPU).

Most recognizers find nothing in most texts, yet each scanned the whole text with its own pattern
(~15 ns a character however simple the pattern). The shared token pass (:attr:`.detect.TextContext.words`:
every run of word characters of the lower-cased text, computed once per text) answers for all of them
whether one of their cue words is there at all; a :class:`WordGate` asks it.

A gate is exact for a pattern whose every match *starts* with one of the gate's words, matched
literally or case-insensitively (``re.I``), with no word character right before it and none right after
the word's first run of word characters (what the pattern takes after a one-run word is a blank, a
boundary, punctuation: never a word character; "frau dr" and "ma'am" bring their own). Such a match is,
in the lower-cased text, that word's first run of word characters (:func:`.detect.first_runs`), standing
as a run of the text: the text's characters there lower-case to the word's (a character that ``re.I``
matches with one of the word's letters lower-cases to that letter's lower case, but for the few
``odd`` characters this module lists: "ı", "ſ", final sigma, the Greek symbol forms, …, and "İ", whose
lower case is two characters), and ``str.lower`` never turns a word character into a non-word one or
back. So where the text holds none of the gate's odd characters and none of its runs, the pattern has
no match and the rule, whose every span comes from such a match, finds nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # (detect imports nothing from here)
    from .detect import TextContext

_WORD_RUN = re.compile(r"\w+")
# code points far enough to hold every cased letter (the last cased block, Adlam, ends at U+1E95F)
_CASED_END = 0x1F000


@lru_cache(maxsize=1)
def _code_points() -> str:
    return "".join(map(chr, range(_CASED_END)))


@lru_cache(maxsize=None)
def odd_characters(letters: str) -> frozenset[str]:
    """The characters that a case-insensitive pattern (``re.I``) matches with one of ``letters`` but whose
    lower case (``str.lower``) is not that letter's lower case, and "İ" (its lower case is two characters,
    so :attr:`.detect.TextContext.low` is not lower-cased for a text holding it). Found by matching every
    code point once, so that the answer is the regex engine's own (Unicode's simple case folding and the
    engine's table of extra equivalences)."""
    letters = "".join(sorted(set(letters)))
    odd = {"\u0130"}
    if letters:
        klass = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.I)
        ones = [(p.lower(), re.compile(re.escape(p), re.I)) for p in letters]
        for c in set(klass.findall(_code_points())):
            if any(rx.fullmatch(c) and c.lower() != lp for lp, rx in ones):
                odd.add(c)
        if "\u03c3" in letters.lower() or "\u03c2" in letters.lower():
            odd.add("\u03a3")  # (its lower case depends on what follows: final sigma at a word's end)
    return frozenset(odd)


class WordGate:
    """``absent(t)``: True only where no match of a pattern whose every match starts with one of ``words``
    (literally or case-insensitively, no word character before it nor after its first run; see the module's
    docstring) can be in
    the text. False means: scan as before. A word that does not start with a word character, or whose lower
    case changes its length, leaves the gate always open."""

    __slots__ = ("runs", "odd")

    def __init__(self, words: Iterable[str]):
        words = list(words)
        low = [w.lower() for w in words]
        runs: set[str] | None = set()
        for w, lw in zip(words, low):
            m = _WORD_RUN.match(lw)
            if m is None or len(lw) != len(w):
                runs = None
                break
            runs.add(m.group(0))
        self.runs = frozenset(runs) if runs is not None else None
        self.odd = tuple(sorted(odd_characters("".join(words))))

    def absent(self, t: TextContext) -> bool:
        if self.runs is None:
            return False
        text = t.text
        if not text.isascii():
            # (the gates of a text mostly share one set of odd characters: asked once a text)
            memo = t.odd_memo
            if memo is None:
                memo = t.odd_memo = {}
            odd = memo.get(self.odd)
            if odd is None:
                odd = memo[self.odd] = any(map(text.__contains__, self.odd))
            if odd:
                return False
        return t.words.isdisjoint(self.runs)
