"""Which languages the name recognizers cover, and failing closed for the others.

Contacts, known identities, handles and places are found in any language, but private names in
running text are found by recognizers written for particular languages: the cue phrases that give
a word a person's role ("my therapist X", "ma psy X", "mi novio X") and the name lexicon read
against that language's ordinary words ("Pierre" is a name, "pierre" a stone). A language is
*covered* when both kinds of recognizer declare it (:attr:`Recognizer.signal` and
:attr:`Recognizer.languages`); a comment in any other language would be published with most of
its private names in place.

So by default such a comment is not published: :func:`fail_closed` moves it to quarantine with
the reason ``language_not_covered`` (a post in such a language goes with its comments, since a
comment is not published without its post; replies to a quarantined comment follow it as
``parent_quarantined``, as for every other quarantine reason). The policy's
``[coverage] uncovered_languages = "publish"`` publishes them anyway: an explicit opt-in, counted
in the build report (``language_not_covered_published``) and shown on the data card.

"Confidently" outside: the language stage (:mod:`therapy_threads.language`) names a language only
when fastText gives it probability >= 0.5 on at least 20 letters; a text it cannot place (too
short, mixed) is read in its post's language, exactly as the anonymiser reads it. A comment found
to be in an uncovered language is read again sentence by sentence before it is quarantined: when
most of its letters are in a covered language (an English comment opening with a Ukrainian
greeting or quoting a Polish proverb), it is published and read in that language. So is a comment
detected in a language whose rules read names through its national name list (Polish, Czech and Greek
by their case endings; Indonesian) on a post in another covered language: the language of most of its
letters decides which rules read it; and a comment on a post in such a language detected in another covered one
(an English quote header opening an Indonesian reply).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..records import ReadResult

# the two kinds of evidence without which private names in running text are not found
REQUIRED_SIGNALS = ("cue", "names")
REASON = "language_not_covered"
QUARANTINE, PUBLISH = "quarantine", "publish"


def covered_languages(recognizers: Iterable) -> frozenset[str]:
    """Languages for which every required signal has a recognizer that declares the language.
    A recognizer for "any language" (``languages = None``) does not make a language covered: it
    is not the part that knows the language's names and cue phrases."""
    found: dict[str, set[str]] = {s: set() for s in REQUIRED_SIGNALS}
    for rec in recognizers:
        sig = getattr(rec, "signal", "")
        langs = getattr(rec, "languages", None)
        if sig in found and langs is not None:
            found[sig] |= set(langs)
    out = set(found[REQUIRED_SIGNALS[0]])
    for s in REQUIRED_SIGNALS[1:]:
        out &= found[s]
    from .regional import code_mixed_languages

    # a language mixed into a covered one (Taglish: text detected as Tagalog is read as English with the
    # Tagalog words of regional_phrases.toml, see :func:`.regional.reading_language`) is covered with it
    out |= {m for m, into in code_mixed_languages().items() if into in out}
    return frozenset(out)


def effective_language(own: str | None, post_language: str | None) -> str | None:
    """The language the anonymiser reads a text in: its own, else its post's (None: English rules)."""
    return own or post_language


def uncovered(lang: str | None, covered: frozenset[str]) -> bool:
    return lang is not None and lang not in covered


def _reread(c, covered: frozenset[str]) -> str:
    """The language of a comment about to be quarantined for its language, read again sentence by
    sentence: a greeting, quoted proverb or song line in another language can decide fastText's
    whole-text answer for a comment written mostly in a covered one. Only an answer the detector
    itself gave for this text is re-read; a covered language of most of the letters replaces it."""
    from ..language import by_sentences, detect

    if detect(c.text) != c.language:
        return c.language
    again = by_sentences(c.text, c.language)
    if again in covered:
        c.language = again  # the anonymiser reads it in that language
        return again
    return c.language


def fail_closed(result: ReadResult, covered: frozenset[str], mode: str = QUARANTINE) -> Counter:
    """Quarantine (``mode="quarantine"``) or count (``mode="publish"``) the posts and comments of
    ``result`` whose language is not in ``covered``. Returns counts for the build report:
    ``language_not_covered_quarantined`` / ``language_not_covered_published`` (comments, including
    those of a quarantined post) and ``..._posts``."""
    from ..validate.rows import isolate

    from .inflection import languages as declining_languages
    from .regional import reading_language

    declining = declining_languages()
    counts: Counter = Counter()
    post_lang = {p.post_id: p.language for p in result.posts}
    bad_posts = {p.post_id: (REASON, f"the post's detected language ({p.language}) is not one the name "
                             f"recognizers cover ({', '.join(sorted(covered))}); not published as anonymised")
                 for p in result.posts if uncovered(p.language, covered)}
    bad_comments: dict[int, tuple[str, str]] = {}
    for i, c in enumerate(result.comments):
        if c.post_id in bad_posts:
            continue
        lang = effective_language(c.language, post_lang.get(c.post_id))
        pl = post_lang.get(c.post_id)
        if c.language is not None and (uncovered(lang, covered) or (
                c.language != pl and pl in covered and (c.language in declining or reading_language(pl) in declining))):
            # (also a comment detected in a language whose rules read names by their case endings, on a post
            # in another covered language: a quoted Polish proverb opening an English comment on an English
            # post is read in English, not with the Polish rules; and the other way round, a comment on a post in
            # such a language detected in another one: an English quote header opening an Indonesian reply)
            lang = _reread(c, covered)
        if uncovered(lang, covered):
            bad_comments[i] = (REASON, f"the comment's detected language ({lang}) is not one the name recognizers "
                                       f"cover ({', '.join(sorted(covered))}); not published as anonymised")
    if not bad_posts and not bad_comments:
        return counts
    in_bad_posts = sum(1 for c in result.comments if c.post_id in bad_posts)
    if mode == PUBLISH:
        counts["language_not_covered_published"] += len(bad_comments) + in_bad_posts
        counts["language_not_covered_published_posts"] += len(bad_posts)
        return counts
    before = len(result.comments)
    isolate(result, bad_posts, bad_comments)
    counts["language_not_covered_quarantined"] += len(bad_comments) + in_bad_posts
    counts["language_not_covered_quarantined_posts"] += len(bad_posts)
    # replies to a quarantined comment are quarantined too (parent_quarantined)
    counts["language_not_covered_replies_quarantined"] += before - len(result.comments) - len(bad_comments) - in_bad_posts
    return counts
