"""Spans found in text, and the one resolver that settles overlaps between recognizers.

A span says what was found (``kind``), by which recognizer, how sure it is (``score``) and why
(``reason``), so any replacement in a published text can be explained. ``KEEP`` spans are
decisions that a stretch is *not* private (a public figure, a place, a link to the post's own
site): they win over weaker person evidence and are never replaced.
"""
from __future__ import annotations

from dataclasses import dataclass

EMAIL, URL, PHONE, MENTION, KNOWN, POST_AUTHOR, PERSON, KEEP = (
    "email", "url", "phone", "mention", "known", "post_author", "person", "keep")
REPLACED = frozenset({EMAIL, URL, PHONE, MENTION, KNOWN, POST_AUTHOR, PERSON})


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str
    key: str = ""  # pseudonym for KNOWN, name key for PERSON
    recognizer: str = ""
    score: float = 0.0
    reason: str = ""

    def overlaps(self, s: int, e: int) -> bool:
        return self.start < e and s < self.end


def resolve(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, in text order: the higher score wins, then the longer span, then the
    earlier one. Recognizers' scores encode precedence (contacts > known identities > public
    figures and places > cue-based names > lexicon names > NER)."""
    chosen: list[Span] = []
    for sp in sorted(spans, key=lambda x: (-x.score, -(x.end - x.start), x.start)):
        if sp.end <= sp.start or any(c.overlaps(sp.start, sp.end) for c in chosen):
            continue
        chosen.append(sp)
    chosen.sort(key=lambda x: x.start)
    return chosen
