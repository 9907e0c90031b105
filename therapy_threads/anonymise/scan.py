"""Whole-text scans of an alternation, split so that the regex engine skips ahead (issue 13, CPU).

``re.finditer`` over an alternation whose branches start with ``\\b`` or a character class tries
every branch at every position of the text (~30-90 ns a character, whatever the pattern). The same
matches come out of a few searches that each start at a literal or a rarer character (the engine
then skips ahead in C to the places where a match can begin) merged in text order:
:func:`alternation_spans`. :class:`WordStart` searches for a ``\\b`` alternation of words from the
non-word character before them instead.

The merge is exact for an alternation split into consecutive groups of its branches (``parts``,
in the order of the branches): ``finditer`` takes, from where the last match ended, the leftmost
position where some branch matches, and there the first branch that does; each part knows the
leftmost position at or after a given one where one of its branches matches (and with which
match), so the earliest of the parts' answers, the earlier part on a tie, is that match. A part
whose answer lies before the new position is asked again. No branch may match the empty string.
Tests hold each split form to its plain pattern (``tests/test_anonymise_fastpaths4.py``).
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

# (text, pos) -> (start, end) of the leftmost match of the part at or after pos, or None
Part = Callable[[str, int], "tuple[int, int] | None"]


def searched(rx: re.Pattern[str], needles: tuple[str, ...] = ()) -> Part:
    """A part that is one compiled pattern; with ``needles``, a text holding none of them (plain
    substrings every match contains) is not searched at all."""

    def part(text: str, pos: int) -> tuple[int, int] | None:
        if needles and not any(map(text.__contains__, needles)):
            return None
        m = rx.search(text, pos)
        return m.span() if m is not None else None

    return part


class WordStart:
    """The part ``\\b(?:words)`` for words that all start with a word character: searched as
    ``\\W(?:words)`` (the engine skips ahead to non-word characters) with the match moved one
    character on, and tried at the text's start on its own."""

    def __init__(self, words: str):
        self.at_start = re.compile(r"\b(?:" + words + ")")
        self.after = re.compile(r"\W(?:" + words + ")")

    def __call__(self, text: str, pos: int) -> tuple[int, int] | None:
        if pos == 0:
            m = self.at_start.match(text)
            if m is not None:
                return m.span()
        m = self.after.search(text, max(pos - 1, 0))
        return (m.start() + 1, m.end()) if m is not None else None


def alternation_spans(text: str, parts: Sequence[Part]) -> list[tuple[int, int]]:
    """(start, end) of every match ``re.finditer`` finds for the alternation of ``parts`` (see the
    module's docstring)."""
    out: list[tuple[int, int]] = []
    nxt = [part(text, 0) for part in parts]
    pos = 0
    while True:
        best = None
        for k, hit in enumerate(nxt):
            if hit is not None and hit[0] < pos:
                hit = nxt[k] = parts[k](text, pos)
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        if best is None:
            return out
        if best[1] <= best[0]:
            raise ValueError("alternation_spans: a part matched the empty string")
        out.append(best)
        pos = best[1]
