"""Titles of works named in quotes after a verb of watching, reading, singing or writing, or after
the noun of the work: 'I watched "Dear Marnie" again', 'she sang "Oi Moya Ridna" to me', 'the
song "Maribel"', 'Ana Quiroz wrote "Tomasa" in Ladino'. A title is often a name or holds one, but a
title is what people talk about; no one is replaced for being the name of a film, song or book.

The cues are grammar (verbs that take a work as their object, nouns of works), in English and the
Romance languages whose word order puts the verb before the quoted title.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .detect import TextContext
from .recognizers import Recognizer
from .spans import KEEP, Span

_VERBS = (r"watch|watches|watched|watching|re-?watch(?:es|ed|ing)?|binged|bingeing|binging|read|reads|reading|"
          r"re-?read(?:s|ing)?|sang|sing|sings|singing|hummed|humming|played|playing|plays|listen(?:s|ed|ing)?[ \t]+to|"
          r"blasting|streaming|wrote|writes|recorded|covered|directed|quoted|quoting|hear|heard|hearing|"
          # French, Spanish, Italian, Portuguese: the verb comes before its object ("j'ai regardé « X »")
          r"regardé|regarde|lu|écouté|écoute|chanté|chantait|vi|veo|veía|leí|leo|escuché|escucho|cantaba|canta|"
          r"guardato|letto|ascoltato|cantava|assisti|assisto|li|ouvi|ouço")
_NOUNS = (r"film|films|movie|movies|show|series|sitcom|soap|novela|telenovela|song|songs|track|single|album|record|"
          r"hymn|anthem|carol|lullaby|ballad|poem|poems|book|books|novel|novels|memoir|play|musical|opera|episode|"
          r"documentary|podcast|story|tale|chapter|painting|chanson|canción|canzone|canção|livre|libro|livro")
_CUE = re.compile(r"(?:\b(?:" + _VERBS + r")|\b(?:" + _NOUNS + r")(?:[ \t]+(?:called|titled|named))?)"
                  r"(?:[ \t]+(?:the|a|an|his|her|their|my|our|your|its|again|once|more|whole|old|new|la|le|el|il|o|"
                  r"de|of|by|about|on|to|me|us|him|them)){0,3}[ \t]*,?[ \t]*$", re.I)
_HEARD = re.compile(r"\b(?:hear|heard|hearing|quoted|quoting|wrote|writes)\b", re.I)  # (also speech and messages)
_QUOTED = re.compile(r"[\"“«„][ \t\u00a0]*([A-Z\u00c0-\u00de][^\"“”«»„\n]{0,60}?)[ \t\u00a0]*[\"”»“]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_case(words: list[str]) -> bool:
    """Every word capitalised or a short linking word ("Out of the Dark", "Bidi Bidi Bom Bom")."""
    return all(w[:1].isupper() or len(w) <= 3 for w in words)


class QuotedTitleRecognizer(Recognizer):
    """A title in quotes after a verb that takes a work or the noun of a work is kept whole."""

    name, score = "quoted_title", 0.84

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if '"' not in text and "“" not in text and "«" not in text and "„" not in text:
            return
        for m in _QUOTED.finditer(text):
            cue = _CUE.search(text, max(0, m.start() - 48), m.start())
            if cue is None:
                continue
            inner = m.group(1).rstrip(" \t,.;:")
            words = _WORD.findall(inner)
            if not words or len(words) > 10:
                continue
            if _HEARD.search(cue.group(0)) and (len(words) < 2 or "," in inner or not _title_case(words)):
                continue  # 'I heard "Mum, stop"', 'she wrote "Ana!"': speech or a message, not a title
            if self.cues.named_before(text, m.start()) or self.cues.relation_before(text, m.start()):
                continue
            yield self.span(m.start(1), m.start(1) + len(inner), KEEP,
                            reason="a title in quotes after a verb or noun of a work ('watched \"X\"', 'the song \"X\"')")
