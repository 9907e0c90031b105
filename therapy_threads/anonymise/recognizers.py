"""The recognizers: small classes that each find one kind of evidence and explain their spans.

Every recognizer declares the languages it applies to (``None``: any language) and yields
:class:`~.spans.Span` objects carrying its name, a score and a reason. Scores encode precedence
for the resolver: contacts (1.0) > mentions (0.95) > known identities (0.9) > public figures and
places kept (0.85/0.8) > titles, relations, greetings, sign-offs (0.8-0.7) > handles (0.7) >
lexicon names (0.6). The order of :func:`default_recognizers` is the order they run in.

Rules come from language, not from examples: cue words (greetings, relation nouns, reporting
verbs, titles, closings) are in the policy; names, places and public figures come from
maintained data (names-dataset, GeoNames, a sourced list); word frequencies decide what is an
ordinary word.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable, Iterator

from .detect import (CAP_RE, INTERJECTIONS, OTHERS_ADDRESSED, SELF_INTRO, SPEECH_VERBS, NOT_NAME_SHAPE, NOUN_CAPS, POSS, Cues, DocContext, KnownName,
                     TextContext, first_runs, lower_style, skeleton)
from .identity import SOFT_RANK, segment, split_handle
from .knowledge import unmacron, knowledge
from .lexicon import lexicon, read_list
from .phones import find_all_phones
from .local_places import _FROM_HOME, local_place_evidence
from .patterns import _word_char, by_first_letter, find_mentions, mention_prefix, url_host
from . import inflection, titles
from .scan import WordStart, alternation_spans, searched
from .wordgate import WordGate
from .titles import chain_pattern
from .bylines import byline_matches, byline_who, weekdays
from ..normalise import unaccented
from .spans import EMAIL, KEEP, KNOWN, PERSON, PHONE, POST_AUTHOR, URL, Span

# a surname after a given name, perhaps after an initial or a particle: "von", "van der", "da", and the
# Irish and Scottish "Ó", "Ní", "Mac", "Nic", "Uí" ("Ciarán Ó Laoire", "Aoife Ní Bhriain")
# (with the patronymic links of Malay and Malaysian/Singaporean Indian names: "bin"/"binti" son/daughter of, "a/l"
# anak lelaki, "a/p" anak perempuan, "s/o"/"d/o"; "X bin Y" is one name)
_EXTEND = re.compile(r"^(\s+[A-Z]\.?)?\s+((?:(?:von|van|de|der|den|ter|ten|da|di|du|del|la|le|zu|dos|das|do|"
                     # (Flemish and many Romance surnames write the particle capitalised: "Van den X", "De X")
                     r"Van|Von|De|Den|Der|Ter|Ten|Da|Di|Du|Del|Dos|Das|Ó|Ní|Nic|Mac|Mhic|"
                     r"Uí|Ua|O'|bin|binti|binte|bte|a/l|a/p|s/o|d/o)\s+){0,2}"
                     r"[A-Z\u00c0-\u00de" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
                     # (and Greek: "Ειρήνη Μπατζιώρα")
                     + r"\u0386\u0388-\u038f\u0391-\u03ab][A-Za-z\u00c0-\u024f\u0386-\u03ce]+(?:['’-][A-Za-z\u00c0-\u024f\u0386-\u03ce]+)*)")
# the Romance "of" inside an extension ("de", "da", "di", "du", "del", "dos"): before a place as often as a surname
_ROMANCE = frozenset({"fr", "es", "it", "pt"})
_OF_PARTICLE = re.compile(r"(?:^|\s)(?:de|da|di|du|del|dos|das|do)\s")
# the writer saying who they are, right before a name: "I'm X", "I am X", "it's X", "name is X"
_SELF_NAMING = re.compile(r"(?:\b[Ii]['’]m|\b[Ii][ \t]+am|\b[Ii]t['’]s|\bname[ \t]+is)[ \t]+(?:(?:a|an|just)[ \t]+)?$")
# nouns for a person in general (kinship and care nouns are the policy's relations)
_PERSON_NOUNS = frozenset({"man", "woman", "lad", "lass", "bloke", "guy", "girl", "boy", "kid", "fella", "chap", "lady",
                           "gentleman", "person", "someone", "somebody", "fellow", "dude", "gal", "child", "baby"})
_LOWER_NAMED = re.compile(r"(?:\bnamed|\bcalled|\bname\s+is|\bname['’]s)[ \t]+([a-z]{2,})\b", re.I)
# a nickname: "she calls me kitty", "everyone calls him dusty", "kitty is what she calls me", "goes by jojo"
_LOWER_NEXT = re.compile(r"[ \t]+([a-z]{3,})\b(?![-'’@.]\w)")
_NICKNAME = re.compile(r"\b(?:calls?|called|calling)[ \t]+(?:me|him|her|them)[ \t]+([a-z]{3,})\b(?![-'’])"
                       # capitalised, perhaps quoted with an article: 'calls me "la Itzi inglesa"'
                       r"|\b(?:calls?|called)[ \t]+(?:me|him|her|them)[ \t]+[\"“‘]?(?:(?:la|el|the|lil|little|big|der|die)[ \t]+)?"
                       r"([A-Z][a-z\u00e0-\u00ff]{1,})\b"
                       r"|\b(?:goes[ \t]+by|nicknamed)[ \t]+([a-z]{3,})\b"
                       r"|\b([a-z]{3,})[ \t]+is[ \t]+what[ \t]+(?:[a-z]+[ \t]+){1,2}call(?:s|ed)?[ \t]+(?:me|him|her|them)\b")
_SALUTATION_LINE = re.compile(r"(?m)^[ \t]*([^\W_][\w.\-]*[^\W_]|[^\W_])[ \t]*[,:][ \t]*$")
_SALUTATION_GATE = re.compile(r"[,:][ \t]*(?:\n|\Z)")  # what every such line ends with
_CLAUSE_END = re.compile(r"[!?]")
_LOWER_ADDRESS = re.compile(r"(?<=[a-z,] )([a-z][a-z0-9_.]*[a-z0-9])$")
_ADDRESS_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.")
_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")


def lower_address_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The span of group 1 of ``_LOWER_ADDRESS.search(text, lo, end)``, read off the run of its characters
    before ``end``: the match ends at ``$`` (``end``, or ``end - 1`` before a last line break of the searched
    stretch), and its start has a blank before it, which no character of the run is, so it can only be where
    the run starts (at or after ``lo``; the look-behind sees the text before ``lo``). The search tried its
    look-behind at each of the ~40 positions before every "!" and "?" (~8 µs a comment)."""
    e = end - 1 if end > lo and text[end - 1] == "\n" else end
    s = run_start(text, e, _ADDRESS_CHARS)
    if e - s < 2 or s < lo or s < 2 or text[s] not in _LOWER_ASCII or text[e - 1] in "_." \
            or text[s - 1] != " " or (text[s - 2] not in _LOWER_ASCII and text[s - 2] != ","):
        return None
    return s, e
# a complete clause ends, then the person addressed: "don't worry about it quietriver!", "love you mk2!"
_ADDRESS_CUES = frozenset({"it", "you", "too", "again", "thanks", "thank", "hey", "hi", "hello", "dear",
                           "this", "that", "so", "much", "lot", "up", "there", "here", "back"})
_REPEATS = re.compile(r"(.)\1\1|^(?:ha)+h?$|^lo+l$")
_WORD_BEFORE = re.compile(r"([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’]*)([\s,]*)$")
_WB_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + "".join(map(chr, range(0xC0, 0x250))))
_WB_WORD = _WB_LETTERS | {"'", "’"}


def word_before(text: str, lo: int, end: int) -> str | None:
    """Group 1 of ``_WORD_BEFORE.search(text, lo, end)`` (or of ``.search(text[lo:end])``), or None, read off the
    runs before ``end``: the match ends with the run of white space and commas before ``end`` (all of it: no
    letter is one of them), and its word is the run of letters and apostrophes right before that, from its first
    letter. The search tried the pattern at every position of the stretch (~2 µs a call)."""
    k = end
    while k > lo and (text[k - 1].isspace() or text[k - 1] == ","):
        k -= 1
    j = k
    while j > lo and text[j - 1] in _WB_WORD:
        j -= 1
    while j < k and text[j] not in _WB_LETTERS:
        j += 1
    return text[j:k] if j < k else None
# (perhaps after the ʻokina of Tongan, Samoan and Hawaiian names: "ʻAna", "ʻOfa")
_NAME_TOKEN = r"ʻ?[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’]*(?:-[A-Za-z\u00c0-\u024f]+)*"
# "my therapist", "her son", "our GP", "meine Therapeutin", "meiner Kollegin", "my ex-husband": a possessive
# (:func:`relation_possessives`), perhaps adjectives, then the relation noun
_RELATION_ADJ_BEFORE = (r"(?:(?:old|new|first|late|little|big|"
    r"younger|older|elder|eldest|youngest|twin|baby|kid|step|half|only|own|usual|regular|real|actual|best|current|former|old|lovely|dear|ex|damalige[rn]?|neue[rn]?|alte[rn]?|kleine[rn]?|"
    r"große[rn]?|beste[rn]?|liebe[rn]?)[\s-]+)*")
_PARTICLES = frozenset({"van", "von", "der", "de", "du", "da", "di", "del", "la", "le", "zu", "ter", "ten"})
# Arabic kunyas ("Umm Yazan", "Abu Fadi": mother, father of the named child) and the article that opens place
# names made with the same words ("Umm Al Quwain", "Abu al-Khaseeb"), which no kunya has before the child's name
# (the look-behinds of _KIN_COMMA_NAME, _SPELLED and _SYLLABLE_PAIR come after the first capital, where they
# look at the same character before it: the engine then skips ahead to capitals instead of trying the
# look-behind at every position; the same matches, 2-3x faster)
_KIN_COMMA_NAME = re.compile(r"(?P<kin>[A-Z](?<![\w'’-][A-Z])[a-z]+),[ \t]+(?P<name>[A-Z][a-z]+(?:-[a-z]+)?)(?=[ \t]*,)")
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+$")
_KUNYA = frozenset({"umm", "um", "om", "abu", "abou"})
_ARTICLES_AL = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az"})
_REL_ADJ_WORDS = (r"old|new|first|late|little|big|younger|older|elder|eldest|youngest|twin|baby|kid|step|half|only|own|usual|regular|real|actual|best|current|former|lovely|dear|ex|previous|last|"
                  r"second|third|childhood|wonderful|amazing|beloved|"
                  # nouns that say which group or service the relation belongs to ("our youth leader X", "my key worker")
                  r"youth|team|group|church|school|uni|support|key|case|"
                  r"damalige[rn]?|jetzige[rn]?|ehemalige[rn]?|frühere[rn]?|"
                  r"erste[rn]?|neue[rn]?|alte[rn]?|kleine[rn]?|große[rn]?|beste[rn]?|liebe[rn]?")
_REL_ADJ = r"(?:(?:" + _REL_ADJ_WORDS + r")[\s-]+)*"
# (a chain through a possessive: "my brother's friend X", "my mum's cousin X": the last noun is the relation)
_RELATION_TAIL = re.compile(_REL_ADJ + r"(?:[A-Za-zÄÖÜäöüß-]+['’]s?[ \t]+" + _REL_ADJ + r")?(?P<rel>[A-Za-zÄÖÜäöüß-]+)(?:\s*,)?[ \t]+(?P<name>" + _NAME_TOKEN + r")", re.I)
# what _RELATION_TAIL's relation noun and adjectives are made of, with its flags: the first looks of
# RelationRecognizer._may_relate
_REL_RUN = re.compile(r"[A-Za-zÄÖÜäöüß-]+", re.I)
_REL_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]+", re.I)
_REL_ADJ_ONE = re.compile(r"(?:" + _REL_ADJ_WORDS + r")", re.I)


def relation_possessives(rules) -> frozenset[str]:
    """The possessives before a relation noun in any text: the policy's ``possessives`` (English and German,
    with the dialects' "me", "wor", "oor") and the first-person forms other languages' writers carry into
    them ("mi abuela X", "ma psy X", "moja mama X": ``language_cues.toml``'s ``possessives_mixed``)."""
    from .multilingual import language_cues  # (multilingual imports this module)
    return frozenset(rules.possessives).union(*(lc.possessives_mixed for lc in language_cues()[0].values()))


class PossessivePatterns:
    """The patterns made with one set of possessives (:func:`possessive_patterns`)."""

    def __init__(self, words: frozenset[str]):
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        self.alternation = alt
        # "my therapist", "meine Therapeutin", "my ex-husband" right before a name (Cues.relation_before)
        self.relation_before = re.compile(r"(?:\b(?:" + alt + r")\s+" + _RELATION_ADJ_BEFORE + r")(?P<rel>[A-Za-zÄÖÜäöüß-]+)"
                                          r"(?:\s*,)?[ \t]+$", re.I)
        self.low = re.compile(r"\b(?:" + by_first_letter(alt) + r")\s+")  # on the lower-cased text: no re.I (much faster)
        # "my elder brother is Innocent", "my brothers are Knowledge and Talent", "my twin was Justice"
        self.copula = re.compile(r"\b(?:" + alt + r")[ \t]+" + _REL_ADJ + r"(?P<rel>[A-Za-z-]+?)(?:s)?[ \t]+(?:is|was|are|were)[ \t]+"
                                 r"(?P<name>(?-i:[A-Z])[\w'’-]*)(?P<more>(?:[ \t]*,[ \t]*(?-i:[A-Z])[\w'’-]*)*(?:,?[ \t]+and[ \t]+(?-i:[A-Z])[\w'’-]*)?)",
                                 re.I)
        # the same in lower-case chat: "my therapist is xxx." with the sentence or clause ending right after
        # the word ("my therapist is kind and ..." goes on, and is no name)
        self.copula_low = re.compile(r"\b(?:" + alt + r")[ \t]+" + _REL_ADJ + r"(?P<rel>[a-z-]+?)[ \t]+(?:is|was)[ \t]+"
                                     r"(?P<name>[a-z][a-z'’-]*[a-z])(?=[ \t]*(?:[.;:!?(\n]|[—–][ \t]|,[ \t]+(?:like|yes|no|lol)\b|$))")


@lru_cache(maxsize=4)
def _possessive_patterns(words: frozenset[str]) -> PossessivePatterns:
    return PossessivePatterns(words)


# rules (frozen) -> (rules, the language cue table read, its patterns): asked once a text by the relation rules,
# where building the word set again (a union over every language's possessives) and hashing it cost ~2.5 µs
_PATTERNS_OF: dict[int, tuple[object, object, PossessivePatterns]] = {}
_language_cues = None  # multilingual.language_cues, imported on first use


def possessive_patterns(rules) -> PossessivePatterns:
    """The relation patterns of the policy's rules (:func:`relation_possessives`), made once per word set;
    kept per rules object and language cue table (``RulesPolicy`` is frozen, the table a cached read)."""
    global _language_cues
    if _language_cues is None:
        from .multilingual import language_cues as _language_cues  # (multilingual imports this module)
    table = _language_cues()[0]
    hit = _PATTERNS_OF.get(id(rules))
    if hit is None or hit[0] is not rules or hit[1] is not table:
        if len(_PATTERNS_OF) > 64:
            _PATTERNS_OF.clear()
        hit = _PATTERNS_OF[id(rules)] = (rules, table, _possessive_patterns(relation_possessives(rules)))
    return hit[2]
# "kath (my therapist)", "Rosalind, my therapist of six years"
_APPOSITION_LOW = re.compile(r"(?:\(|,)\s*(?:my|our|his|her|meine|mein)\s+(?P<rel>[a-zäöüß-]+)"
                             r"|\(\s*(?:the\s+|a\s+)?(?P<rel2>[a-zäöüß-]+)\s*[,;)]")  # "Will (therapist, not ...)"
# the same pattern starting with its first character, so that the engine skips ahead to "(" and ","
_APPOSITION_FAST = re.compile(r"[(,](?:\s*(?:my|our|his|her|meine|mein)\s+(?P<rel>[a-zäöüß-]+)"
                              r"|(?<=\()\s*(?:the\s+|a\s+)?(?P<rel2>[a-zäöüß-]+)\s*[,;)])")
_KIN_TITLE = re.compile(r"(?<![\w'’-])(?P<kin>[A-Za-z\u00c0-\u024f'’]{2,8})[ \t]+(?=(?P<name>[A-Z\u00c0-\u00de]"
                        r"[A-Za-z\u00c0-\u024f'’]+(?:-[A-Za-z\u00c0-\u024f]+)*))")
# _KIN_TITLE matches only before a capital after blanks: finding those first (a blank, then a
# capital: the engine skips ahead to the blank) and searching only the word before each is cheaper
# (1.6x on the synthetic corpus) than trying the look-behind and a word at every position.
_BLANK_CAPITAL = re.compile(r"[ \t][A-Z\u00c0-\u00de]")
_KIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’" + "".join(map(chr, range(0xC0, 0x250))))


def run_start(text: str, end: int, chars) -> int:
    """Where the run of ``chars`` that ends at ``end`` starts (``end`` itself when there is none)."""
    i = end
    while i > 0 and text[i - 1] in chars:
        i -= 1
    return i


_NAME_PREFIXES = frozenset({"ah"})  # kin words that are part of the name they go before ("Ah Seng")


def kin_title_matches(text: str, kin_words: frozenset[str] | None = None,
                      capitals: list[int] | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``_KIN_TITLE.finditer(text)``, in order. A match is a run of kin characters,
    blanks, then a capital (looked ahead at): it starts in the run of kin characters that ends at
    the blanks before that capital. Matches never hide one another (one consumes only its word and
    blanks, where no other can start), so each capital's is found on its own.

    With ``kin_words``, only the matches whose kin word (case-folded, "’" as "'") is one of them,
    for a caller that skips the others: where the whole run is the only word the pattern could
    take (at most 8 characters, nothing before it that the look-behind refuses, no "×" or "÷"
    inside after which a match could start), the run is looked up before the pattern is tried.

    ``capitals``: where ``_BLANK_CAPITAL`` matches end, less one (``TextContext.blank_capitals``), if known."""
    for p in (capitals if capitals is not None else [c.end() - 1 for c in _BLANK_CAPITAL.finditer(text)]):
        b = run_start(text, p - 1, " \t")
        a = run_start(text, b, _KIN_CHARS)
        if a == b:
            continue
        if kin_words is not None and b - a <= 8 and (a == 0 or not (_word_char(text[a - 1]) or text[a - 1] == "-")) \
                and "\u00d7" not in text[a:b] and "\u00f7" not in text[a:b]:
            if b - a < 2 or text[a:b].casefold().replace("’", "'") not in kin_words:
                continue
        # (a bounded search: the name needs two characters after the capital to be seen)
        m = _KIN_TITLE.search(text, a, p + 2)
        if m is not None:
            yield _KIN_TITLE.match(text, m.start())
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?P<name>" + _NAME_TOKEN + r")\s*$")
_STREET = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Drive|Place|Square|Terrace|"
                     r"Way|Close|Crescent|Row|Hill|Park|Gardens|Bridge|Quay|Parade|Line|Highway|Boulevard)\b\.?"
                     r"|[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|gasse|platz|weg|allee|ring|damm|ufer)\b)")
# what every street name holds (a street word after a blank, or a capitalised word with a German
# street ending), each starting with a character the engine can skip ahead to: when neither is in
# the text _STREET cannot match, and the whole-text scan (a word boundary tried at every position) is skipped
_SIGNOFF_LINE = re.compile(r"(?:^|\n)[ \t]*(?:[-–—~]+[ \t]*)?(?P<name>[^\W\d_][\w’'.-]*(?:[ \t]+[^\W\d_][\w’'.-]*)?)"
                           r"\.?(?:[ \t]+(?:x+|xo+|xox+|<3|❤️?|💕|🙏))?[ \t]*[!.]*[ \t]*$", re.I)
_DASH_SIGNOFF = re.compile(r"(?:^|\n)[ \t]*[-–—~]+[ \t]*(?P<name>[^\W\d_][\w’'-]*(?:[ \t]+[^\W\d_][\w’'-]*)?)\.?[ \t]*$")
_DASH_END = re.compile(r"[ \t](?:[–—~]|--?)[ \t]*(?P<name>[A-Z\u00c0-\u00de][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)?)\.?[ \t]*$")
_KISS_SIGNOFF = re.compile(r"(?P<name>[^\W\d_][\w’'-]*)\.?[ \t]+(?:x{1,4}|xo+|xox+)[ \t]*[!.]*[ \t]*$", re.I)
_SIGNOFF_TAIL = re.compile(r"(?:[ \t]*\((?:she|he|they|ze|xe|sie|er)/(?:her|him|them|hers|his|theirs|ihr|ihm|zir)"
                           r"(?:/[a-z]+)?\)|[ \t]*[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\ufe0f]+)+[ \t]*$", re.I)


def signoff_tail(text: str) -> re.Match[str] | None:
    """``_SIGNOFF_TAIL.search(text, max(0, len(text) - 60))`` for a text that ends in no white space (the
    sign-off rules strip it): every match ends the text (``$``, and ``[ \t]*`` before it matches nothing
    there), so with ")" or a character of the pattern's emoji class; a text that ends in anything else, most
    of them, has no match, and the search, tried at each of its last 60 positions, is not run."""
    last = text[-1:]
    if last != ")" and not ("\u2600" <= last <= "\u27bf" or "\U0001f300" <= last <= "\U0001faff"
                            or last == "\ufe0f"):  # (U+2764, the heart, is inside U+2600-U+27BF)
        return None
    return _SIGNOFF_TAIL.search(text, max(0, len(text) - 60))


# initials signing a text or a quoted note: "— N.R.", "Thanks all. J.", "T. D." on the last line,
# "...Glad you're well. H. A-P.\"" (a second initial may be double-barrelled)
# (also "A.-B." with the dot before the hyphen, Latin-1 capitals, "MacS." and "Ó D." of Gaelic surnames)
_ICAP = "[A-Z\u00c0-\u00d6\u00d8-\u00de]"
# (and the lower-case initials of Dutch and Afrikaans surname particles: "J.v.H.L." for van H. L., "P.v.d.M.")
# (the first may be a digraph of a transliteration before another initial: "Sh.F.", "Kh. R.")
_INITIALS = (r"(?:" + _ICAP + r"h\.[ \t]?(?=" + _ICAP + r"\.))?" + _ICAP + r"\.(?:-" + _ICAP + r"\.)?(?:(?:[ \t]?(?:vd|v|d)\.){0,2}[ \t]?(?:(?:Ó|Ní|Nic|Mac|Ua|Uí)[ \t]+)?(?:Ma?c)?" + _ICAP
             + r"(?:-" + _ICAP + r")?\.(?:-" + _ICAP + r"\.)?){0,2}")
# (after a comma too, so that the whole of "..., G. P." signs, not ". P.")
# (and in brackets after the name that signs: "— Ana (A.B.)")
_INITIALS_END = re.compile(r"(?:^|\n|[.!?][\"”’)]?[ \t]+|[-–—~][ \t]*|,[ \t]+|(?<=[^\W\d_])[ \t]+\()(?P<name>" + _INITIALS
                           + r")(?:[\"”’]|(?<=\.)\))?[ \t]*$")
_INITIALS_CLOSE = re.compile(r"(?:^|(?<=\s))(?P<close>/|[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[.,]?)[ \t]*"
                             r"(?<![^\s/])(?P<name>(?:[A-Za-z]\.[ \t]?){1,3})(?P<kiss>[ \t]+(?:x{1,4}|xo+))?[ \t]*$", re.I)
_INITIALS_QUOTE = re.compile(r"[.!?][ \t]+(?P<name>" + _ICAP + r"\.(?:-" + _ICAP + r"\.)?(?:[ \t]?" + _ICAP
                             + r"(?:-" + _ICAP + r")?\.(?:-" + _ICAP + r"\.)?){1,2})[\"”]")
_LOWER_ADDRESSED = re.compile(r"(?:^|[.!?]\s+|\b(?:and|but|oh|so|also|thanks|ha)[ \t]+)([a-z]{5,})(?=[ \t]*[,!?])", re.I)
_ADDRESS_MARK = re.compile(r"[,!?]")
# what [a-z] matches under re.I (ASCII letters and "İ", "ı", "ſ", the Kelvin sign), and the words of
# _LOWER_ADDRESSED's third branch folded as re.I folds them
_CI_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u0130\u0131\u017f\u212a")
_CI_FOLD = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"})
_ADDRESS_OPENERS = frozenset({"and", "but", "oh", "so", "also", "thanks", "ha"})


def lower_addressed(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of group 1 of every ``_LOWER_ADDRESSED`` match, in order, found from the
    commas and marks that must follow the word instead of trying the pattern at every position.

    The word is a whole run of letters (a blank or the text's start before it, a blank or a mark
    after it) of five or more; before it, the text starts, or blanks after ".", "!", "?" (any
    white space), or spaces and tabs after an opener that is a whole word. Matches never overlap
    (a match ends at its word; the next one's opener or mark comes after it)."""
    out: list[tuple[int, int, str]] = []
    for q in _ADDRESS_MARK.finditer(text):
        h = run_start(text, q.start(), " \t")
        g = run_start(text, h, _CI_LETTERS)
        if h - g < 5:
            continue
        if g > 0:
            if not text[g - 1].isspace():
                continue
            k = g - 1
            while k > 0 and text[k - 1].isspace():
                k -= 1
            if not (k > 0 and text[k - 1] in ".!?"):
                if any(c not in " \t" for c in text[k:g]):
                    continue
                a = k
                while a > 0 and (text[a - 1].isalnum() or text[a - 1] == "_"):
                    a -= 1
                if text[a:k].translate(_CI_FOLD).lower() not in _ADDRESS_OPENERS:
                    continue
        out.append((g, h, text[g:h]))
    return out
_LOWER_VOCATIVE = re.compile(r",(?<=[A-Za-z'],)[ \t]+([a-z]{3,})(?=,[ \t]+([a-z']+))")  # (look-behind after the comma)
_APPOS_AFTER = re.compile(r",[ \t]+(?:[^\W\d_]+[ \t]+)?([^\W\d_]+)")
_KISSES_END = re.compile(r"\.?[ \t]+(?:x{1,4}|xo+|xox+)[ \t]*[!.]*[ \t]*$", re.I)
_LEADING_HANDLE = re.compile(r"^[ \t]*(?P<h>[a-z][a-z0-9_.]*[a-z0-9])(?=[ \t,!:])")
# (not glued after an apostrophe: "Pak'nSave", "Rock'nRoll" hold "'n" for "and" inside a brand's one word; a handle
# has no apostrophe)
_CAMEL = re.compile(r"(?<![\w@/.'’])([A-Z]?[a-z]+(?:[A-Z][a-z]+)+\d*|[a-z]+(?:[A-Z][a-z]+)+\d*)(?![\w/])")
_HANDLE_SHAPE = re.compile(r"(?<![\w@/.:-])([A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+|[A-Za-z]+\d{2,4}|"
                           r"[xX]{1,2}[A-Za-z]+[xX]{1,2})(?![\w/@-])")
_WHAT_SAID = re.compile(r"\bwhat[ \t]+([a-z][a-z0-9_]*(?:[ \t]+[a-z][a-z0-9_]*){0,3}?)[ \t]+(?:said|says|wrote|writes|posted|"
                        r"meant|asked)\b")


class _AnyOf:
    """``search`` is true where any of the patterns matches. Each pattern starts with a character
    that is rarer than a letter, so the regex engine skips ahead to it; one alternation whose
    branches start with letters ("[A-Za-z0-9][_.]...|[A-Za-z]\\d\\d|...") is tried at every position."""

    def __init__(self, *patterns: str):
        self.patterns = [re.compile(p) for p in patterns]

    def search(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


# cheap first looks for _CAMEL and _HANDLE_SHAPE: "[a-z][A-Z]", and
# "[A-Za-z0-9][_.][A-Za-z0-9]|[A-Za-z]\d\d|[xX][A-Za-z]+[xX]" (the look-behind comes after the rarer character)
_CAMEL_GATE = re.compile(r"[A-Z](?<=[a-z][A-Z])")
_STREET_WORDS = ("Street", "St", "Road", "Rd", "Lane", "Avenue", "Ave", "Drive", "Place", "Square", "Terrace", "Way",
                 "Close", "Crescent", "Row", "Hill", "Park", "Gardens", "Bridge", "Quay", "Parade", "Line", "Highway",
                 "Boulevard")


def _after_blank(words: tuple[str, ...]) -> str:
    """"\\s(?:Street|St|...)\\b" written to start at the capital, the white space looked behind for, so
    that the engine skips ahead to the capitals instead of trying every blank (same matches, 4x faster)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(f"{c}(?<=\\s{c})(?:{'|'.join(rest)})" for c, rest in groups.items()) + r")\b"


_STREET_GATE = _AnyOf(_after_blank(_STREET_WORDS),
                      r"[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|gasse|platz|weg|allee|ring|damm|ufer)")
_SHAPE_GATE = _AnyOf(r"[_.](?<=[A-Za-z0-9][_.])[A-Za-z0-9]", r"\d(?<=[A-Za-z]\d)\d", r"[xX][A-Za-z]+[xX]")
# the same three looks in one scan that starts at the union of their first characters (one pass
# over the text instead of three; the look-behinds tell the branches apart)
_SHAPE_GATE_ONE = re.compile(r"[_.\dxX](?:(?<=[A-Za-z0-9][_.])[A-Za-z0-9]|(?<=[A-Za-z]\d)\d|(?<=[xX])[A-Za-z]+[xX])")
_LOWER_TOKEN = re.compile(r"(?<![\w@/.'’-])([a-z\u00df-\u00ff][a-z\u00df-\u00ff]+(?:-[a-z\u00df-\u00ff]+)?)(?![\w@/'’-])")


class Recognizer:
    """One kind of evidence. Subclasses set ``name`` and ``languages`` and implement ``analyze``."""

    name = "recognizer"
    languages: frozenset[str] | None = None  # None: every language
    score = 0.5
    # the kind of evidence it gives towards a language's coverage ("cue": a person's role in the
    # sentence, "names": the name lexicon read against the language's words); see .coverage
    signal = ""
    # the words without one of which it finds nothing (:func:`.detect.first_runs`, looked up in the
    # text's tokens by the engine before it is run); None: it always runs
    triggers: frozenset[str] | None = None

    def __init__(self, cues: Cues):
        self.cues = cues
        self.lex = cues.lex
        self.policy = cues.policy

    def supports(self, lang: str | None) -> bool:
        return self.languages is None or (lang or "en") in self.languages

    def span(self, s: int, e: int, kind: str, key: str = "", reason: str = "", score: float | None = None) -> Span:
        return Span(s, e, kind, key, self.name, self.score if score is None else score, reason)

    def person(self, t: TextContext, s: int, e: int, reason: str, score: float | None = None) -> Span:
        return self.span(s, e, PERSON, re.sub(r"\s+", " ", t.text[s:e]).casefold(), reason, score)

    def analyze(self, t: TextContext) -> Iterable[Span]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _given_before(self, text: str, e: int) -> bool:
        """The word ending at ``e`` is a given name of the lexicons ("Dr Olivier" of "Dr Olivier de X"), not a surname
        ("Mme Aucoin" of "Mme Aucoin de Margaree": where she is from)."""
        m = re.search(r"([^\W\d_]+)$", text[max(0, e - 30):e])
        return m is not None and self.cues.any_given_name(m.group(1).casefold())

    # shared helper: a following surname ("Hartmut Pfeiffer", "Ivo K Marsh", "Frau Dr. von Hagen")
    def extend(self, text: str, e: int, lang: str | None = None, _middle: bool = True, given: bool = False) -> int:
        """``given``: the token before is a given name after a title ("Frau Irmtraud X", "la Sra. Roser X"),
        so the capitalised word after it is the surname even where it is also a place."""
        m = _EXTEND.match(text[e:e + 50])
        if not m:
            return e
        if "\n" in m.group(0) and not text[text.rfind("\n", 0, e) + 1:e].strip(" \t").count(" "):
            return e  # a sign-off name alone on its line: the next line is where the writer lives ("X\nLerwick")
        nxt = POSS.sub("", m.group(2))
        last = nxt.split()[-1]
        if len(last) >= 2 and last.isupper() and last.isalpha() and " " in m.group(0).strip() and (
                last.casefold() in self.cues.acronyms or len(last) <= 5 and not re.search(r"[AEIOUY]", last[1:])):
            # "Sanne van de GGZ": after a particle, an acronym (no vowel after its first letter) names the body she
            # works for, no surname; a surname in capitals as forms write it has its vowels ("van der MEER")
            return e
        cf = last.casefold()
        if cf in self.cues.not_names or cf in self.cues.titles or self.cues.function_word(cf) and not (
                given and self.lex.is_surname(cf) and (self.lex.rank(cf) or 0) >= 200 and last[:1].isupper()):
            return e  # (after a given name said as one, a surname of the lists that is a frequent word: "X Small")
        if lang in NOUN_CAPS:
            lr = self.lex.lang_rank(cf, lang)
            if lr is not None and lr < 20000 and not self.lex.is_surname(cf):
                return e
        elif not (self.lex.rank(cf) is None or self.lex.is_surname(cf) or self._word_surname(text, e, cf)):
            return e
        if (knowledge().is_place(last) and not self.lex.is_surname(cf) and not given) or knowledge().is_demonym(last):
            return e  # "Hilary Strand": a surname that is also a place name is still a surname here
        if lang in inflection.languages() and not self.lex.is_surname(cf) and not inflection.declined_surname(cf, lang) \
                and any(knowledge().is_place(n) or knowledge().is_small_place(n) and not self.lex.is_surname(n.casefold())
                        for n in inflection.nominatives(last, lang)[1:]):
            return e  # "X Y Kalliossa": a case form of a place after a name is where, not a second surname (a village
            # of the small-places list too: "Onni Utsjoelta", Onni from Utsjoki)
        if lang in _ROMANCE and _OF_PARTICLE.search(nxt) and not self.lex.is_surname(cf) and (
                knowledge().is_place(last) or knowledge().is_small_place(last) or not (
                    given and last[:1].isupper() and self._given_before(text, e)) and not (
                    self.cues.any_given_name(cf) or self.lex.rank(cf) is not None or self.lex.ordinary_in(cf))):
            return e  # "Josée de Richibucto", "Aucoin de Margaree": "of" and a town, or a word of no list, is where
            # the person is from, not a surname ("Ana da Silva", "Maria das Graças", "María del Carmen" are names);
            # but after a title and a given name a particle and a capitalised word of no list (no town) is the
            # surname of the formal full name ("Dr X de Y", "Me X d'Y")
        end = e + m.end() - (len(m.group(2)) - len(nxt))
        if _middle and lang in _ROMANCE and " " in nxt.strip() and nxt == m.group(2) and _OF_PARTICLE.search(" " + nxt):
            # a particle surname, then the second surname of Iberian names ("X de la Torre Soler"), which is
            # a surname of the lists or no word of the language (not a place: "X de la Torre Valencia")
            m2 = _EXTEND.match(text[end:end + 50])
            if m2 and not m2.group(1) and " " not in m2.group(2).strip():
                w2 = m2.group(2).strip()
                cf2 = w2.casefold()
                if (self.lex.is_surname(cf2) or (self.lex.lang_rank(cf2, lang) is None and self.lex.rank(cf2) is None)) \
                        and not knowledge().is_place(w2) and cf2 not in self.cues.not_names:
                    return end + m2.end()
        if _middle and " " not in nxt.strip() and self.cues.any_given_name(cf) and nxt == m.group(2):
            # a middle name, then the surname: "Peggy Ann Sorensen", "Mary Jo Keane"
            return self.extend(text, end, lang, _middle=False)
        if _middle and " " not in nxt.strip() and nxt == m.group(2) and lang not in NOUN_CAPS \
                and self.lex.rank(cf) is None and not self.lex.is_surname(cf):
            # a middle name no list knows, then a surname of the lists or no English word ("Dottie Azalee
            # Marchbank"); not a word that is only a surname ("Peggy Sorensen Hope": "Hope" stays)
            m2 = _EXTEND.match(text[end:end + 50])
            if m2 and not m2.group(1) and " " not in m2.group(2).strip():
                cf2 = POSS.sub("", m2.group(2)).casefold()
                if self.lex.is_surname(cf2) or (self.lex.rank(cf2) is None and not knowledge().is_place(m2.group(2))):
                    return self.extend(text, end, lang, _middle=False)
        return end

    def _word_surname(self, text: str, e: int, cf: str) -> bool:
        """A capitalised noun right after a given name, in the same sentence, is a surname even when
        it is also a word ("Hilary Strand", "Tom Rivers"); not a frequent word, a greeting, a verb
        form or a word that opens a new sentence without a full stop ("Sarah Thanks", "Sam Hope")."""
        r = self.lex.rank(cf)
        if r is None or r < 2000 or cf in self.cues.greet1 or cf in self.cues.closings or cf in INTERJECTIONS:
            return False
        if not self.lex.dictionary_word(cf) or self.lex.proper_noun(cf):
            return True
        return not cf.endswith(("ing", "ed", "ly", "s")) and not self.cues.derived_word(cf)


# ---- contacts --------------------------------------------------------------------------------------

class EmailRecognizer(Recognizer):
    name, score = "email", 1.0

    def analyze(self, t: TextContext) -> Iterator[Span]:
        emails, _urls, written, _wurls = t.doc.contacts_of(t.text)
        for s, e in emails:
            yield self.span(s, e, EMAIL, reason="e-mail address")
        for s, e in written:
            yield self.span(s, e, EMAIL, reason="e-mail address written out")


class UrlRecognizer(Recognizer):
    name, score = "url", 1.0

    def analyze(self, t: TextContext) -> Iterator[Span]:
        keep_own = t.role != "comment" and t.doc.own_host and self.policy.text.keep_own_site_urls_in_body
        _emails, urls, _wemails, written = t.doc.contacts_of(t.text)
        for s, e in urls:
            if keep_own and url_host(t.text[s:e]) == t.doc.own_host:
                yield self.span(s, e, KEEP, reason="link to the post's own site in its body")
            else:
                yield self.span(s, e, URL, reason="link")
        for s, e in written:
            yield self.span(s, e, URL, reason="web address written out")


class PhoneRecognizer(Recognizer):
    name, score = "phone", 1.0

    def analyze(self, t: TextContext) -> Iterator[Span]:
        # the language cue tables' countries are LanguagePhoneRecognizer's (its own name in the reasons)
        for s, e, why in find_all_phones(t.text, self.policy.text.phone_regions, t.lang):
            yield self.span(s, e, PHONE, reason=why)


def known_span(rec: Recognizer, s: int, e: int, info: KnownName, surface: str, reason: str) -> Span:
    if info.post_author:
        return rec.span(s, e, POST_AUTHOR, reason=reason)
    if len(info.pseudonyms) == 1:
        return rec.span(s, e, KNOWN, next(iter(info.pseudonyms)), reason)
    # two commenters share this name: a neutral placeholder rather than a guess
    return rec.span(s, e, PERSON, surface.casefold(), reason)


def lookup(doc: DocContext, surface: str) -> KnownName | None:
    cf = surface.casefold()
    return (doc.known.get(re.sub(r"[\s_.\-]+", " ", cf).strip()) or doc.known.get(cf)
            or doc.skeletons.get(skeleton(surface)))


# up to three words after an @mention, on its line
_MENTION_TAIL = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)(?:[ \t]+([^\W\d_][\w'’-]*)(?:[ \t]+([^\W\d_][\w'’-]*))?)?")


class MentionRecognizer(Recognizer):
    name, score = "mention", 0.95

    def analyze(self, t: TextContext) -> Iterator[Span]:
        for s, e in find_mentions(t.text):
            s += mention_prefix(t.text[s:e])
            handle = t.text[s:e]
            info = lookup(t.doc, handle)
            if info:
                yield known_span(self, s, e, info, handle, "@mention of a known commenter")
                continue
            e2 = self._display_name_end(t, s, e)
            yield self.span(s, e2, PERSON, re.sub(r"\s+", " ", t.text[s:e2]).casefold(),
                            "@mention" + ("" if e2 == e else " of a display name with spaces"))

    def _display_name_end(self, t: TextContext, s: int, e: int) -> int:
        """The end of a display name with spaces after "@" ("@X vom Berg", "@X da Jesi", "@X Trieste"): the words
        after the handle where the whole is a name accepted elsewhere in the post (a byline), or, for a given name,
        the language's "from"-word and a capitalised word after it (where the poster is from, part of the name)."""
        text = t.text
        m = _MENTION_TAIL.match(text, e, min(len(text), e + 80))
        if m is None:
            return e
        words = [w for w in m.groups() if w]
        for k in range(len(words), 0, -1):
            cand = " ".join([text[s:e]] + words[:k]).casefold()
            if cand in t.doc.accepted:
                return m.end(k)
        handle = text[s:e]
        hcf = handle.casefold()
        given = self.cues.any_given_name(hcf) or hcf in self.lex.first_names or hcf in self.lex.intl_names \
            or handle[:1].isupper() and handle.isalpha() and len(handle) >= 3 \
            and (self.lex.rank(hcf) or 10 ** 6) >= 20000 and (self.lex.lang_rank(hcf, t.lang) or 10 ** 6) >= 20000
        # (a pet form no list holds, or a rare word)
        if len(words) >= 2 and given and words[0].islower() \
                and words[1][:1].isupper() and (self.cues.function_word(words[0]) or (
                    self.lex.lang_rank(words[0], t.lang) or 10 ** 6) < 100) \
                and (not self.cues.any_given_name(words[1].casefold()) or knowledge().is_place(words[1])):
            # (a place after the from-word, or no given name: "@X and Y" is two people)
            return m.end(2)
        return e


def _title_cased(words: list[str], cues: Cues) -> bool:
    """Every word capitalised, function words inside allowed in lower case ("Heart of Glass")."""
    return all(w[:1].isupper() or (0 < i < len(words) - 1 and cues.function_word(w.casefold()))
               for i, w in enumerate(words))


# articles, possessives and demonstratives of English: a lower-case word after one is a noun ("the
# robin", "a pat on the back"), never the person of the same name, who takes none
_EN_DETERMINERS = frozenset(("the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that",
                             "these", "those", "some", "any", "no", "every", "each"))


def _determiner_before(text: str, s: int, lang: str | None) -> bool:
    """An article, possessive or demonstrative of the text's language right before ``s`` (the
    languages of ``language_cues.toml`` list theirs: "el", "una", "mijn", "la mia")."""
    m = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, s - 16):s])
    if not m:
        return False
    w = m.group(1).casefold()
    if lang is None or lang == "en":
        return w in _EN_DETERMINERS
    from .multilingual import language_cues  # (imports this module)
    lc = language_cues()[0].get(lang)
    return lc is not None and (w in lc.articles or w in lc.possessives)


_OF_ALL_PLACES = re.compile(r"[ \t]+of[ \t]+all[ \t]+places\b", re.I)  # "to X of all places": a place
_SELF_BEFORE = re.compile(r"(?:\b[Ii]['’]?m|\b[Ii][ \t]+am|\bich[ \t]+bin|\bje[ \t]+suis|\bsoy|\bsou|\bsono|\bben)[ \t]+$")
_VOC_BEFORE = re.compile(r"(?:^|[\n.!?:;\"“„«(][ \t]*|\b(?:also|and|oh|thanks|thank[ \t]+you|ty|hi|hey|y|e|en|und|et)[ \t]+)$",
                         re.I)
_KISSES_END = re.compile(r"[ \t]+(?:x{1,4}|xo+|xox+)[ \t!.]*$", re.I)
_MINE_AFTER = re.compile(r"[ \t]+is[ \t]+my[ \t]+(?:handle|name|nickname|username|user[ \t]?name)\b")


# "from"/Scots "fae" and the capitalised word after it ("KwaMashu", "Mylapore")
_FROM_WORD = re.compile(r"\b(?:[Ff]rom|[Ff]ae)[ \t]+([A-Z\u00c0-\u00de][^\W\d_]+(?:[A-Z][^\W\d_]+)*)(?![\w'’-])")
# a greeting sent from somewhere: "hello from X", "greetings from X", "love from X"
_GREETING_FROM = re.compile(r"\b(?:hello|hi|hiya|hey|greetings|love|cheers|regards|waves?|kia[ \t]+ora)[ \t]+(?:all[ \t]+)?from[ \t]+$",
                            re.I)


def _region_of(phrase: str) -> bool:
    """A country, US state, continent or first-level subdivision (a province, state, county): what a place
    is said to be in after a comma. The phrase may run one word on ("Australia And"): its first word counts too."""
    k = knowledge()
    return any(k.is_region(w) or k.is_first_level(w) for w in (phrase, phrase.split()[0]))


def _country_after(text: str, e: int) -> bool:
    """A country, US state or province of the gazetteers right after a comma ("X, Argentina", "X, Nova Scotia"): the
    word before is a place in it, not a commenter of that name. Only the first level of ISO 3166-2 counts: the deeper
    ones are towns' and districts' names that are given names too ("Soy Dolores, Lola para todos": Lola is a Guinean
    prefecture)."""
    m = _REGION_COMMA_AFTER.match(text, e)
    return m is not None and _region_of(m.group(1))


def _lower_known_role(text: str, s: int, e: int) -> bool:
    """A commenter's name written in lower case where only the person fits: introduced by the writer
    ("i'm rina btw"), addressed before a comma ("also kopi, ...", '"frida, du bist ..."'), or said
    to be the writer's handle ("marigold is my handle")."""
    before = text[max(0, s - 16):s]
    if _SELF_BEFORE.search(before) or _MINE_AFTER.match(text, e) or _KISSES_END.match(text, e):
        return True
    line_start = text.rfind("\n", 0, s) + 1
    if text[line_start:s].strip(" \t\"“‘@") == "" and re.match(r"[ \t,:!]", text[e:e + 1]):
        return True  # a reply opening with the person it answers: "rina she's right"
    return text[e:e + 1] == "," and bool(_VOC_BEFORE.search(before))


# a Romance preposition of origin or place right before a word ("da", "desde", "à"; not "a", "de", "en", "in", which
# are English or Dutch words too or come before people): before a town of the gazetteer that no list has as a given
# name, the town
_ROMANCE_FROM_BEFORE = re.compile(r"(?<![\w'’])(?:da|desde|à)[ \t]+$")
# the writer saying where they are from or live, in the first person, with the preposition that then only a place
# takes: "sou de X", "soy de X", "sóc de X", "som de X" (Balearic), "je suis de X", "sono di X", "vengo da X", "visc a
# X", "abito a X", "I've been to X" ("la hermana de X" has no first-person verb before it)
_SELF_FROM_BEFORE = re.compile(r"\b(?:(?:sou|soy|sóc|som|somos|suis|sommes|sono|siamo|vengo|venc|vinc|venho|vengono)[ \t]+"
                               r"(?:de|di|da|d['’])|(?:abito|abitiamo|visc|vivim|vivo)[ \t]+a|been[ \t]+to)[ \t]*$", re.I)
# a place followed by its country, state or province: "Rosario, Argentina", "Halifax, Nova Scotia"
_REGION_COMMA_AFTER = re.compile(r",[ \t]*([A-Z\u00c0-\u00de][\w'’]+(?:[ \t]+[A-Z\u00c0-\u00de][\w'’]+)?)")

# prepositions (and verb + preposition) before a place that never come before a person: "I live in X",
# "from X", "aus X", "desde X", "j'habite à X", "vivo en X", "moro em X" ("to X", "à X", "de X", "en X"
# are left out: "I said to X", "j'ai dit à X", "la hermana de X", Dutch "en" is "and")
# verbs of coming from and living in, then the preposition: what follows is a place
_ORIGIN_BEFORE = re.compile(r"\b(?:came|come|comes|coming|moved|migrated|emigrated|fled|hails?|originally|born|raised|"
                            r"grew[ \t]+up|lives|lived|living|settled)[ \t]+(?:from|in)[ \t]+$")
_PLACE_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|from|near|outside|aus|nach|desde|depuis|uit|em|(?:moved|back|move|moving|went|go|drove|flew|came|"
    r"come|comes|coming|emigrated|sailed)(?:[ \t]+(?:over|here|back|out))?(?:[ \t]+at[ \t]+\w+)?[ \t]+to|"
    r"(?:habite|habites|habitons|vis|vit|vivons|né|née|nés|nées|suis|retourne|allée?)[ \t]+à|"
    r"(?:vivo|vive|vives|vivimos|viví|vivía|nací|nació|crecí|creció|estoy|estamos|trabajo)[ \t]+en|"
    r"(?:moro|mora|moramos|nasci|nasceu|cresci|estou)[ \t]+(?:em|no|na)))[ \t]+$", re.I)


# a word of a full name ("Paulo", "De", "M.G.")
_FIGURE_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")


# a noun of administrative or physical geography after a name: "from Xxx district", "the Xxx valley"
_GEO_HEAD_AFTER = re.compile(r"[ \t]+(?:district|province|valley|suburb|township|region|ward|communal[ \t]+lands?|"
                             r"river|hills|mountains|taluka|municipality)\b")
_NEIGHBOUR_PREP_BEFORE = re.compile(r"(?<![\w'’])(?:in|from|near|outside)[ \t]+$", re.I)
_PAIR_BEFORE = re.compile(r"(?<![\w'’])(?:in|from|near|outside)[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?),[ \t]*$")
_PAIR_AFTER = re.compile(r",[ \t]*([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)")


# a body, gathering or feast named by the capitalised word before it: "our Xxx group", "the Xxx feast", "Xxx hall"
_BODY_HEAD_AFTER = re.compile(r"[ \t]+(?:group|fellowship|choir|club|society|association|committee|sodality|guild|"
                              r"movement|feast|festival|fest|novena|hall|parish|trust|foundation|programme|program)\b")


def names_a_body(text: str, s: int, e: int) -> bool:
    """The capitalised words at ``s:e`` stand before a noun of a body, gathering or feast that they name ("our Xxx
    group", "the Xxx feast"), or the capitalised head noun of an institution ("Xxx Primary", "Xxx Medical College"):
    a thing's name, not a person (whose group is "Xxx's group")."""
    return _BODY_HEAD_AFTER.match(text, e) is not None or (
        text[e:e + 1] in (" ", "\t") and institution_end(text, s, most=3) is not None)


def place_by_neighbour(text: str, s: int, e: int) -> bool:
    """One capitalised word that English grammar puts among places, however unknown to the gazetteer: before a
    noun of geography ("from Xxx district", "the Xxx valley"), or paired with a place of the gazetteer after a
    preposition of place, as a suburb is with its town ("in Yyy, Xxx", "from Xxx, Yyy"): where someone is
    from, not who."""
    if " " in text[s:e]:
        return False
    if _GEO_HEAD_AFTER.match(text, e):
        return True
    m = _PAIR_BEFORE.search(text, max(0, s - 40), s)
    if m is not None and knowledge().is_place(m.group(1)):
        return True
    if _NEIGHBOUR_PREP_BEFORE.search(text, max(0, s - 10), s) is None:
        return False
    m = _PAIR_AFTER.match(text, e)
    return m is not None and knowledge().is_place(m.group(1))


class KnownIdentityRecognizer(Recognizer):
    """Names, handles and their variants (case, separators, digits, word splits, nicknames) of the
    post's commenters and author. Distinctive variants match in any case; variants that are
    ordinary words match only where the text writes or uses them as a name."""

    name, score = "known_identity", 0.9

    def analyze(self, t: TextContext) -> Iterator[Span]:
        doc, text, cues = t.doc, t.text, self.cues
        if doc.known_re is None:
            return
        keep_author = t.role != "comment" and not self.policy.text.replace_post_author_in_body
        for m in doc.known_re.finditer(text):
            s, e = m.span()
            surface = m.group(0)
            info = lookup(doc, surface)
            if info is None:
                continue
            parts = split_handle(surface)
            joined = len(parts) > 1 and not re.search(r"\s", surface)  # "HeartOfGlass", "moth_to_flame"
            variant = " ".join(parts)
            level = "cue" if info.cue_only else "strong" if info.strong else "weak"
            if joined and self.lex.rank(skeleton(surface)) is None:
                level = "strong"  # a run-together handle is no ordinary word
            if t.lang and t.lang != "en" and (t.lang in info.langs or (level == "weak" and t.lang in NOUN_CAPS)):
                level = "cue"  # an ordinary word of this language ("Moin" in German)
            if surface.islower() and " " not in surface and not joined and _determiner_before(text, s, t.lang):
                continue  # "a card with a robin on it", "el pilar de esta familia", "una flor de tela": a noun
            if surface.isalpha() and surface.islower() and not t.lower_style and self._wordish(surface, t) \
                    and not (cues.name_cue(text, s, e) or cues.relation_before(text, s) or _lower_known_role(text, s, e)
                             or self._apposition(t, e)):
                # a writer who capitalises names writes a commenter's name capitalised: in lower case in
                # such a text it is the word ("pedir socorro", "a precious child", "sin paz")
                continue
            if level == "cue":
                if t.role == "title" or not surface[:1].isupper() or not cues.name_cue(text, s, e):
                    if not (surface[:1].isupper() and (cues.signoff(text, s, e) or (
                            t.role == "comment" and cues.opens_address(text, s, e)))) and not (
                            # a reply opening with a rarer word of the commenter's handle: "gremlin
                            # writing to the vc is iconic" for gremlin.energy
                            t.role == "comment" and self._opens_text(text, s, e)
                            and (self.lex.rank(surface) or 0) >= 3000 and " " not in surface.strip()):
                        continue
            elif level == "weak":
                phrase = " " in variant  # a handle of ordinary words: "Still Here", "Heart Of Glass"
                cue = ((not phrase and cues.vocative_start(text, s, e)) or cues.greeting_before(text, s)
                       or cues.named_before(text, s) or cues.context_after(text, e, False)
                       or cues.context_after(text, e + 2, True) or cues.signoff(text, s, e)
                       or (t.role == "comment" and cues.opens_address(text, s, e))
                       or (not phrase and cues.is_initial(text, s) and cues.addressed_opening(text, e, surface.casefold())))
                if phrase and t.role == "title":
                    continue
                if not surface[:1].isupper():
                    if not cue and not (phrase and self._opens_text(text, s, e)):
                        continue
                    if not phrase and not self.lex.is_name(variant):
                        continue
                elif cues.in_title_phrase(text, s):
                    continue
                elif cues.is_initial(text, s) and not cue and not (
                        phrase and _title_cased(surface.split(), cues)):
                    continue
            fig = self._listed_figure(text, s, e) if surface[:1].isupper() and " " not in surface else None
            if fig is not None:
                # "parente do Paulo Coelho" beside the commenter Bruna Coelho: the listed public person
                yield self.span(fig[0], fig[1], KEEP, reason="a commenter's name inside a listed public figure's full name")
                continue
            where = self._place_here(text, s, e)
            if where is not None:
                yield self.span(where[0], where[1], KEEP, reason="a commenter's name that is also a place, "
                                "in a place's role here ('I live in X', 'from X', 'La X', 'X-Y')")
                continue
            if surface[:1].isupper() and " " not in surface and not joined:
                ee = self.extend(text, e, t.lang)
                if ee > e:
                    nxt = text[e:ee].split()[-1].casefold()
                    if nxt not in doc.known:
                        # "Kathy Morrison" is not the known "Kathy": a longer name, another person
                        yield self.person(t, s, ee, "a known given name with another surname: a different person")
                        continue
            if info.post_author and keep_author:
                yield self.span(s, e, KEEP, reason="the byline author's own name in the post")
                continue
            if surface[:1].isupper() and " " not in surface and not joined and t.english and names_a_body(text, s, e):
                # "the Xxx feast" beside the commenter Xxx Yyy: the feast or body named so
                yield self.span(s, e, KEEP, reason="a commenter's name naming a body or feast here ('the X feast')")
                continue
            if t.english and surface[:1].isupper() and " " not in surface and not joined:
                g = _GIVEN_BEFORE.search(text, max(0, s - 30), s)
                gcf = g.group(1).casefold() if g else ""
                if g and gcf not in doc.known and gcf not in cues.titles and gcf not in cues.not_names \
                        and gcf not in cues.greet1 and not cues.function_word(gcf) \
                        and (gcf in cues.first_names or gcf in cues.intl_names) and self._surname_only(doc, surface.casefold()):
                    # "My father was Xxx Gumbo" beside the commenter Yyy Gumbo: another given name before a known
                    # surname is a relative of the commenter, a person of their own
                    yield self.person(t, g.start(1), e, "another given name before a known surname: a relative")
                    continue
            if not t.english and t.lang and surface[:1].isupper() and " " not in surface and not joined:
                g = _GIVENS_BEFORE.search(text, max(0, s - 30), s)
                parts = g.group(1).casefold().split("-") if g else ()
                if parts and all(p in cues.first_names or p in cues.intl_names for p in parts) \
                        and not any(p in doc.known or p in cues.titles or p in cues.not_names or p in cues.greet1
                                    or cues.function_word(p) for p in parts):
                    # "la dott.ssa Franca X", "Dr Jean-Pierre X" beside the commenter "dott.ssa_X_psicologa", "Dr JP X":
                    # the given names the handle leaves out, before its surname, are the same person's
                    yield self.person(t, g.start(1), e, "given names before a known surname")
                    continue
            yield known_span(self, s, e, info, surface, f"known identity ({level} variant)")

    @staticmethod
    def _surname_only(doc: DocContext, cf: str) -> bool:
        """``cf`` is the last word of a commenter's name of several words, and the first word of none ("Mhuri" of
        "Rufaro Mhuri"): a surname that relatives share."""
        full = [v.split() for v in doc.known if " " in v]
        return any(w[-1] == cf for w in full) and not any(w[0] == cf for w in full)

    @staticmethod
    def _listed_figure(text: str, s: int, e: int) -> tuple[int, int] | None:
        """The span of a public figure's full name of the sourced list (``public_figures.toml``) that the
        word at [s, e) is part of, written right here ("parente do Paulo Coelho" beside the commenter Bruna
        Coelho, "cantava Milton Nascimento" beside the commenter Milton), or None."""
        k = knowledge()
        lo = max(0, s - 40)
        words = [(m.start() + lo, m.end() + lo, m.group(0).casefold().rstrip("."))
                 for m in _FIGURE_WORD.finditer(text[lo:min(len(text), e + 40)])]
        i = next((j for j, w in enumerate(words) if w[0] == s), None)
        if i is None:
            return None
        for j in range(max(0, i - 3), i + 1):  # the full name starts at most three words before
            for last in range(i, min(len(words), j + 4)):
                if not all(re.fullmatch(r"[ \t]+", text[words[x][1]:words[x + 1][0]]) for x in range(j, last)):
                    break
                for fig in k.figures_by_surname.get(words[last][2], ()):
                    if len(fig.tokens) >= 2 and tuple(w[2] for w in words[j:last + 1]) == fig.tokens:
                        return words[j][0], words[last][1]
        return None

    @staticmethod
    def _place_here(text: str, s: int, e: int) -> tuple[int, int] | None:
        """Where a commenter's name is a place's name here, the place's extent: inside a longer place
        name ("La Paz", "North Dakota", "Dolores Hidalgo", "Kowloon Tong", "Rouyn-Noranda"), or alone after
        a preposition that only places take ("I live in Nelson", "aus Brecht", "vivo en Asunción")."""
        k = knowledge()
        if text[e:e + 1] == "-" or text[s - 1:s] == "-":  # a hyphenated place: "Rouyn-Noranda"
            a, b = s, e
            while a > 0 and (text[a - 1].isalpha() or text[a - 1] == "-"):
                a -= 1
            while b < len(text) and (text[b].isalpha() or text[b] == "-"):
                b += 1
            return (a, b) if k.is_place(text[a:b]) else None
        if not text[s:s + 1].isupper():
            # lower case: only a place after a place preposition ("j'habite à nancy")
            return (s, e) if " " not in text[s:e] and _PLACE_PREP_BEFORE.search(text, max(0, s - 24), s) \
                and k.is_place(text[s:e]) and text[e:e + 2] not in ("'s", "’s") else None
        m = re.search(r"((?:[A-Z\u00c0-\u00de][\w'’]*[ \t]+){1,2})$", text[max(0, s - 30):s])
        if m:  # "La Paz", "North Dakota", "Kowloon Tong"
            words = m.group(1).split()
            for i in range(len(words)):
                a = s - len(" ".join(words[i:])) - 1
                if text[a:s].split() == words[i:] and (k.is_place(text[a:e]) or geo_place(text[a:e])
                                                       or k.is_small_place(text[a:e])):  # ("Mount Xxx", a suburb)
                    return a, e
        n = re.match(r"(?:[ \t]+(?:(?:de|del|da|do|la|le)[ \t]+)?[A-Z\u00c0-\u00de][\w'’]*){1,2}", text[e:e + 40])
        if n:  # "Dolores Hidalgo", "Santiago de Compostela"
            parts = re.finditer(r"[A-Z\u00c0-\u00de][\w'’]*", n.group(0))
            ends = [e + p.end() for p in parts]
            for b in reversed(ends):
                if k.is_place(text[s:b]) or geo_place(text[s:b]):
                    return s, b
        if " " not in text[s:e] and text[e:e + 2] not in ("'s", "’s") and k.is_place(text[s:e]) \
                and (_PLACE_PREP_BEFORE.search(text, max(0, s - 40), s) or _OF_ALL_PLACES.match(text, e)
                     or _SELF_FROM_BEFORE.search(text, max(0, s - 24), s) or _country_after(text, e)):
            return s, e
        if " " not in text[s:e] and (k.is_place(text[s:e]) or k.is_small_place(text[s:e])) \
                and text[s:e].casefold() not in lexicon().first_names and _ROMANCE_FROM_BEFORE.search(text, max(0, s - 6), s):
            return s, e  # "io da Roveredo", "vi leggo da Morcote": a town of the gazetteer that is no given name
        return None

    def _apposition(self, t: TextContext, e: int) -> bool:
        """A relation noun in apposition after the token: "para flor, una amiga del foro"."""
        m = _APPOS_AFTER.match(t.text, e)
        if not m:
            return False
        rel = m.group(1).casefold()
        if rel in self.cues.relations:
            return True
        from .multilingual import language_cues  # (multilingual imports this module)

        lc = language_cues()[0].get(t.lang or "")
        return lc is not None and rel in lc.relations

    def _wordish(self, w: str, t: TextContext) -> bool:
        """A word of some language by the word lists ("paz", "flor", "precious"); the lists of other
        languages have their given names taken out, so "socorro" is not known to be a word."""
        lex = self.lex
        return (lex.rank(w) is not None or lex.dictionary_word(w) or bool(lex.ordinary_in(w))
                or (t.lang is not None and lex.lang_rank(w, t.lang) is not None))

    @staticmethod
    def _opens_text(text: str, s: int, e: int) -> bool:
        """A handle written at the start of a comment or line, addressing someone ("moth to flame same!!")."""
        line_start = text.rfind("\n", 0, s) + 1
        return text[line_start:s].strip() == "" and text[e:e + 1] in (" ", ",", "!", ":", "\n", "")



# ---- namesakes -----------------------------------------------------------------------------------

# A full name right after a word that compares someone with, or tells them apart from, the person of that
# name: the famous namesake people are named for or mistaken for ("like Jackie Chan", "Not Kate Bowler,
# though ...", "no relation to Faye Wong", "named after Walt Whitman", "wie Amal Clooney", "nicht Shirin
# Ebadi", "niet Bertolt Brecht", "pas Ginette Reno", "como Julio Iglesias", "fã do Caetano Veloso"). Only
# the well known are compared with like this; a private person is told apart by a title ("nicht Frau
# Reiter", "pas Dr X"), which is left to the title rules.
_NAMESAKE_CUE = re.compile(
    r"(?<![\w'’])(?:[Ll]ike|[Uu]nlike|[Nn]ot|[Nn]o relation to|[Nn]ot related to|(?:named|called)[ \t]+(?:\w+[ \t]+)?after|"
    r"[Ff]an of|[Ww]ie|[Nn]icht|[Nn]iet|[Zz]oals|[Cc]omme|[Pp]as|[Cc]omo|[Cc]ome|[Nn]ão|[Tt]ipo|f[ãa][ \t]+d[oae]s?|"
    r"[Ff]an[ \t]+(?:von|van|de)|[Bb]enannt[ \t]+nach|(?:[Vv]ernoemd|[Gg]enoemd)[ \t]+naar|[Nn]omm[ée]e?s?[ \t]+d['’]après|"
    r"[Ii]gual(?:zinh[oa])?|[Qq]ue[ \t]+nem|[Nn]othing[ \t]+to[ \t]+do[ \t]+with|remind(?:s|ed)?[ \t]+(?:me|him|her|us)[ \t]+of|"
    r"(?<=,)[ \t]*after|(?<=\()after|"
    # told apart from a namesake by kinship denied ("não sou parente do X Y", "no soy pariente de X Y", "pas parente de X
    # Y"): only the famous are asked about so
    r"(?:[Nn]ão|[Nn]ao|[Nn]o|[Pp]as|[Nn]em|[Nn]i)[ \t]+(?:[^\W\d_]+[ \t]+){0,2}?(?:parentes?|parientes?|parent)[ \t]+"
    r"(?:d[oae]s?|del))[ \t]+"
    # the article some languages put before a famous person's name too: "wie der X Y", "comme la X Y", "igual o X Y"
    r"(?:(?<=[Ww]ie[ \t])(?:der|die)[ \t]+|(?<=[Cc]omme[ \t])(?:le|la)[ \t]+|(?<=[a-z][ \t])(?:o|a)[ \t]+(?=[A-Z\u00c0-\u00de][^ \t]*[ \t]+[A-Z\u00c0-\u00de]))?"
    r"(?=[A-Z\u00c0-\u00de])")
# Every _NAMESAKE_CUE match ends with one of these words (as written), right before the blanks before a
# capital. The pattern is tried at every position (~40 µs a comment); the capitals after blanks are few
# and most follow the end of a sentence, so looking at the word before each first is cheaper. (Keep in step
# with _NAMESAKE_CUE: tests/test_anonymise_fastpaths7.py has one example per word.)
_NAMESAKE_ENDS = ("like", "Like", "not", "Not", "to", "after", "of", "wie", "Wie", "nicht", "Nicht", "niet", "Niet",
                  "zoals", "Zoals", "comme", "Comme", "pas", "Pas", "como", "Como", "come", "Come", "não", "Não",
                  "tipo", "Tipo", "do", "da", "de", "dos", "das", "des", "von", "van", "nach", "naar", "après",
                  "igual", "Igual", "igualzinho", "igualzinha", "nem", "del")
# ... or these phrases ("nothing to do with X Y")
_NAMESAKE_PHRASE_ENDS = ("to do with",)
# ... or with an article between that word and the capital ("wie der X Y", "comme la X Y", "igual o X Y")
_NAMESAKE_ARTICLES = ("der", "die", "le", "la", "o", "a")
_BLANKS_CAPITAL = re.compile(r"[ \t]+[A-Z\u00c0-\u00de]")


def namesake_possible(text: str, capitals: list[int] | None = None) -> bool:
    """False only where ``_NAMESAKE_CUE`` cannot match: no run of blanks before a capital follows one of
    its last words (a run is found from its first blank, where the cue ends). ``capitals``: the capitals
    after a blank (``TextContext.blank_capitals``), if known; each ends one ``_BLANKS_CAPITAL`` match."""
    starts = ([run_start(text, p - 1, " \t") for p in capitals] if capitals is not None
              else [m.start() for m in _BLANKS_CAPITAL.finditer(text)])
    return any(text.endswith(_NAMESAKE_ENDS, 0, r) or text.endswith(_NAMESAKE_PHRASE_ENDS, 0, r)
               or _after_article_cue(text, r) for r in starts)


def _after_article_cue(text: str, r: int) -> bool:
    """The blanks at ``r`` follow an article, and the article one of ``_NAMESAKE_ENDS``' words."""
    if not text.endswith(_NAMESAKE_ARTICLES, 0, r):
        return False
    a = r - 1
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    return text[a:r] in _NAMESAKE_ARTICLES and a > 0 and text.endswith(_NAMESAKE_ENDS, 0, run_start(text, a - 1, " \t"))


# "like" as a verb: "I like", "you'd like", "to like", "don't like"
_LIKE_VERB_BEFORE = re.compile(r"(?:\b(?:i|you|we|they|would|to|do|does|did|don['’]t|didn['’]t|doesn['’]t|really|also|"
                               r"just|still|might|may|will|could|should)|['’]d)[ \t]+$", re.I)
_NAMESAKE_WORD = r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’]*(?:-[A-Za-z\u00c0-\u024f]+)*"
_NAMESAKE_NAME = re.compile(_NAMESAKE_WORD + r"(?:[ \t]+(?:(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|"
                            r"ter|the|of|bin|ibn|al|y)[ \t]+){0,2}" + _NAMESAKE_WORD + r"){1,3}")


class NamesakeRecognizer(Recognizer):
    """A full name compared with or told apart from someone: a public namesake, kept (see
    ``_NAMESAKE_CUE``). Runs before the known identities, so that a commenter's given name or surname
    inside the namesake's name ("Cherry Lau, no relation to Andy Lau") stays with the namesake."""

    name, score = "namesake", 0.85

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text, self.cues
        if not namesake_possible(text, t.blank_capitals):
            return
        for m in _NAMESAKE_CUE.finditer(text):
            s = m.end()
            n = _NAMESAKE_NAME.match(text, s)
            if not n:
                continue
            words = n.group(0).split()
            first = words[0].casefold()
            if first in cues.titles or first.rstrip(".") in cues.titles or first in cues.kin_titles \
                    or cues.function_word(first) or first in cues.greet1 or first in cues.relations:
                continue  # "nicht Frau Reiter", "not Mum Jones": a private person named with a title
            e = n.end()
            poss = POSS.search(n.group(0))
            if poss:
                e -= len(poss.group(0))  # "like Jackie Chan's films": the name without the possessive
            cue = m.group(0).split()[0].casefold()
            if cue == "like" and _LIKE_VERB_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "I'd like Ana Perez to ...": the verb
            if cue == "after" and not re.match(r"[ \t]*(?:[,.;:!?)]|$)", text[e:e + 3]):
                continue  # ", after X Y left": when, not whom someone is named for ("X, after X Y," / "(after X Y)")
            if cue == "not" and poss:
                continue  # "not Jane Doe's fault"
            if lookup(t.doc, n.group(0)) is not None:
                continue  # the commenter's own full name
            yield self.span(s, e, KEEP, reason=f"a public namesake: a full name after '{m.group(0).strip()}'")


# A monarch's, emperor's or pope's title in the languages of the tuning sets, right before a given name: the
# reigning or historical person of that name ("le roi Baudouin", "Koning Willem-Alexander", "Kaiserin Sisi",
# "o rei Pelé" no: a given name of the lists must follow). English "King", "Prince" and "Princess" are left
# out: they are given names too ("my cousin Prince Okafor").
# ---- a writer's full name opening an introduction ------------------------------------------------

# (what follows the line or sentence start)
_INTRO_REST = (
    r"[ \t]*(?:(?:[A-Z\u00c0-\u00de][\w'’]*[ \t]+){0,2}[\w'’]+,[ \t]*)?"
    r"(?:[A-Z\u00c0-\u00de][\w'’-]*[ \t]+here,[ \t]*)?"
    r"(?P<name>[A-Z\u00c0-\u00de][\w'’-]+(?:[ \t]+(?:(?:de|la|del|van|von|da|dos|der|den|De|La|Del|Van|Von)[ \t]+)*"
    r"[A-Z\u00c0-\u00de][\w'’-]+){1,3})(?:,[ \t]*|[ \t]+from[ \t]+)"
    r"(?P<place>[A-Z\u00c0-\u00de][\w'’-]+(?:[ \t]+[A-Z\u00c0-\u00de][\w'’-]+){0,2})")
_INTRO_FULL = re.compile(r"(?m)(?:^|(?<=[.!?] ))" + _INTRO_REST)
# _INTRO_FULL after its first character: a start past the text's first character follows a line
# break or "[.!?] ", so the character before it is "\n" or " "; searching from that character lets the
# engine skip to blanks and line breaks instead of trying both anchors at every position
_INTRO_AFTER = re.compile(r"[\n ](?:(?<=\n)|(?<=[.!?] ))" + _INTRO_REST)


def intro_full_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_INTRO_FULL.finditer(text)``, with the same groups and ends (a match after the
    text's start is found by ``_INTRO_AFTER``, whose match starts one character earlier). Exact: each
    search starts one character before where ``finditer`` would go on, so the leftmost start found at
    or after that place is ``finditer``'s, and the part after the first character is the same pattern
    from the same position (held to the plain form by ``tests/test_anonymise_fastpaths7.py``)."""
    pos = 0
    m = _INTRO_FULL.match(text)
    if m is not None:
        yield m
        pos = m.end()
    while True:
        m = _INTRO_AFTER.search(text, max(pos - 1, 0))
        if m is None:
            return
        yield m
        pos = m.end()


class IntroFullNameRecognizer(Recognizer):
    """A full name opening a comment's introduction, then where the writer is: "Benito Saldana, San
    Antonio, Westside", "Hey, Cruz Ulloa from Albuquerque", "Esperanza here, Esperanza De la Vega,
    Hialeah", "Ole Brekke, Decorah, Iowa". The given name may be a word or a place elsewhere; a given
    name of the names data and a place after it make it the writer's own."""

    name, score = "intro_full_name", 0.75

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if t.role != "comment" and t.role != "body":
            return
        text, cues, lex, k = t.text, self.cues, self.lex, knowledge()
        if "," not in text and " from " not in text:
            return
        for m in intro_full_matches(text):  # (_INTRO_FULL.finditer(text))
            s, e = m.span("name")
            words = m.group("name").split()
            first = words[0].casefold()
            if not (first in lex.first_names or first in lex.intl_names) or first in cues.greet1 \
                    or first in cues.closings or first in cues.titles or cues.function_word(first):
                continue
            if k.is_place(m.group("name")) or k.is_place(words[-1]) or k.is_demonym(words[-1]) \
                    or not t.free(s, e):
                continue  # "Santa Ana, California"; "Sarah Irish, ..." is left to the other rules
            pw = m.group("place").split()
            if not any(k.is_place(" ".join(pw[:n])) for n in range(len(pw), 0, -1)):
                continue
            yield self.person(t, s, e, "a full name opening an introduction, then a place")


# a given name, then a double-barrelled surname: two or more parts joined by hyphens, each part capitalised
# in capitalised text ("Given Xxx-Yyy"), or all in lower case in chat ("given xxx-yyy"); the given name may
# be double-barrelled too ("Anne-Solène Xxx-Yyy")
_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_DOUBLE_BARRELLED = re.compile(
    r"(?<![\w'’.@/-])(?P<given>[" + _LETTERS + r"]{2,}(?:-[" + _LETTERS + r"]{2,})?)[ \t]+"
    r"(?P<surname>[" + _LETTERS + r"][" + _LETTERS + r"'’]*(?:-[" + _LETTERS + r"][" + _LETTERS + r"'’]*)+)(?![\w-])")


def surname_part(lex, part: str, lower: bool) -> bool:
    """One part of a double-barrelled surname: a surname of the names data that is no common word, or
    a word of no language at all ("Xxx" in "Given Xxx-Yyy"); in lower case at least three letters."""
    cf = part.casefold()
    if lower and len(cf) < 3:
        return False
    r = lex.rank(cf)
    return r is None or r >= 5000 or (lex.is_surname(cf) and r >= 2000)


def double_barrelled_surname(lex, cues, surname: str) -> bool:
    """``surname`` reads as a double-barrelled surname: written all capitalised part by part
    ("Xxx-Yyy") or all in lower case, every part a surname or no word, at least one of them no
    common word at all, and the compound is no place ("Baden-Württemberg") or title."""
    parts = surname.split("-")
    caps = all(p[:1].isupper() and not p.isupper() for p in parts)
    lower = surname.islower()
    if not (caps or lower) or not all(surname_part(lex, p, lower) for p in parts):
        return False
    if not any(lex.rank(p.casefold()) is None or lex.is_surname(p.casefold()) for p in parts):
        return False
    cf = surname.casefold()
    return cf not in cues.not_names and cf not in cues.titles and not knowledge().is_place(surname) \
        and not knowledge().is_demonym(parts[0])


_WORD_BEFORE_BLANK = re.compile(r"(?<![\w.'’-])([^\W\d_]+\.?(?:[^\W\d_]+\.?)?)[ \t]+$")


def title_start(cues: Cues, text: str, s: int) -> int:
    """Where a name starting at ``s`` starts with the title right before it, in any covered language
    and either case ("Dre", "dr.", "Ms"); ``s`` if there is none."""
    m = _WORD_BEFORE_BLANK.search(text, max(0, s - 12), s)
    if not m:
        return s
    cf = m.group(1).rstrip(".").casefold()
    if cf in cues.titles or (cf in cues.all_titles and (cues.lex.rank(cf) or 10 ** 6) >= 2000):
        return m.start(1)  # (another language's title that is a common English word, "me", "pan", is none)
    return s


def _free_runs(t: TextContext, s: int, e: int) -> Iterator[tuple[int, int]]:
    """The unclaimed stretches of [s, e), without the blanks and hyphens at their ends."""
    i = s
    while i < e:
        while i < e and t.taken[i]:
            i += 1
        j = i
        while j < e and not t.taken[j]:
            j += 1
        a, b = i, j
        while a < b and t.text[a] in " \t-":
            a += 1
        while b > a and t.text[b - 1] in " \t-":
            b -= 1
        if b > a:
            yield a, b
        i = j


class DoubleBarrelledNameRecognizer(Recognizer):
    """A given name and a double-barrelled surname ("Given Xxx-Yyy", in chat "given xxx-yyy"): English
    joins two family names with a hyphen only in a person's surname, so the given name is a name here
    even where it is also a word ("Dusty", "Lark", "River") or written in lower case elsewhere in the
    post. Compounds of words ("Self-Care", "Saint-Germain") and places ("Stratford-upon-Avon") are none."""

    name, score = "double_barrelled", 0.75
    languages = frozenset({"en"})  # (German joins capitalised nouns with hyphens: "Ihrem Domin-Zitat")

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if "-" not in text:
            return
        m = _DOUBLE_BARRELLED.search(text)
        while m is not None:
            if not self._accepted(t, m):  # the surname may be the next one's given name ("and anne-marie xxx-yyy")
                m = _DOUBLE_BARRELLED.search(text, m.start("surname"))
                continue
            if t.free(*m.span()):
                yield self.person(t, title_start(self.cues, text, m.start()), m.end(),
                                  "a given name and a double-barrelled surname ('Given Xxx-Yyy')")
            else:
                # a part is a name decided before (a commenter's known surname: "Given Known-Yyy"): the rest too
                for a, b in _free_runs(t, m.start(), m.end()):
                    yield self.person(t, a, b, "the rest of a double-barrelled name, a part of which is a known name")
            m = _DOUBLE_BARRELLED.search(text, m.end())

    def _accepted(self, t: TextContext, m: re.Match) -> bool:
        text, cues, lex = t.text, self.cues, self.lex
        given, surname = m.group("given"), m.group("surname")
        g0 = given.split("-")[0]
        gcf = g0.casefold()
        if given[:1].isupper() != surname[:1].isupper() or (given.islower() and not surname.islower()):
            return False  # both capitalised ("Given Xxx-Yyy") or both in lower case ("given xxx-yyy")
        if given.isupper() or gcf in cues.not_names or gcf in cues.titles or cues.function_word(gcf) \
                or gcf in cues.greet1 or gcf in cues.closings:
            return False
        if not (gcf in lex.first_names or cues.any_given_name(gcf)):
            # capitalised before a capitalised double surname, a rare word is the given name too ("Lark")
            r = lex.rank(gcf)
            if given.islower() or (r is not None and r < 10000) or knowledge().is_place(g0) \
                    or knowledge().is_demonym(g0) or (cues.is_initial(text, m.start()) and r is not None):
                return False
        if not double_barrelled_surname(lex, cues, surname):
            return False
        if not t.free(*m.span()) and not all(sp.kind in (PERSON, KNOWN) and m.start() <= sp.start and sp.end <= m.end()
                                             for sp in t.spans if sp.start < m.end() and m.start() < sp.end):
            return False
        # "the Lark Xxx-Yyy": after an article a thing's name
        return not knowledge().is_place(m.group(0)) and not EN_ARTICLE_RIGHT_BEFORE.search(text, max(0, m.start() - 6), m.start())


# personal pronouns a person gives with their name, in brackets right after it ("X (she/her)", "x (they/them,
# ...)", "X (any pronouns)", "x (elle/she)"): English, French, German and the neopronouns
_PRONOUN = r"(?:she|her|hers|he|him|his|they|them|theirs|ze|zir|hir|xe|xem|xir|it|its|fae|faer|ey|em|elle|il|iel|sie|er)"
_PRONOUN_TAG = re.compile(r"(?<![\w'’@./-])(?P<name>[^\W\d_][\w'’.-]*[^\W_.]|[^\W\d_])[ \t]*\((?:"
                          + _PRONOUN + r"[ \t]*/[ \t]*" + _PRONOUN + r"\b|any[ \t]+pronouns\b|all[ \t]+pronouns\b)", re.I)


class PronounTagRecognizer(Recognizer):
    """A word with the person's pronouns in brackets right after it is that person's name: "x (she/her)",
    "X (they/them, ...)", "x (any pronouns)". Queer and trans writing gives pronouns with a name, never
    after a common noun, so the word is the name even where it is a word ("river", "sage", "kit") or a
    place. Not a pronoun, relation noun, title or function word ("my therapist (she/her)")."""

    name, score = "pronoun_tag", 0.8

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if "/" not in text and "pronouns" not in text:
            return
        cues = self.cues
        for m in _PRONOUN_TAG.finditer(text):
            s, e = m.span("name")
            cf = m.group("name").casefold()
            if cues.function_word(cf) or cf in cues.relations or cf in cues.titles or cf in cues.greet1 \
                    or cf in _PERSON_NOUNS or cf in INTERJECTIONS or re.fullmatch(_PRONOUN, cf) \
                    or (cf in cues.not_names and not (cues.any_given_name(cf) or cf in self.lex.first_names)) \
                    or not t.free(s, e):
                continue
            yield self.person(t, s, e, "a name with the person's pronouns in brackets ('x (she/her)')")


# a given name and a surname, then one word in brackets: "Rosa Lindqvist (rosie)", "Abe Wiebe (Abie)"
_BRACKET_NICK = re.compile(r"(?<![\w@'’.-])([A-Z][\w'’-]+)[ \t]+([A-Z][\w'’-]+)[ \t]*\(([^\W\d_][\w'’-]{1,15})\)")


def _clipped_from(short: str, full: str) -> bool:
    """``short`` is a clipped form of ``full``: their first letters (three, or all of a shorter form) agree and the
    rest of its letters come in order in the full name ("vili" of "viliami", "lose" of "losaline", "kate" of
    "katherine")."""
    n = min(3, len(short))
    if short[:n] != full[:n]:
        return False
    it = iter(full[n:])
    return all(ch in it for ch in short[n:])


# a short form of a given name, glossed in brackets by the full name it is clipped from: "Xx here (Xxxxx for the
# aunties)", "xx (xxxxx)" (see _clipped_from)
_BRACKET_CLIPPED = re.compile(r"(?<![\w'’@.#/-])([^\W\d_][\w'’-]{1,14})(?:[ \t]+here)?[ \t]*\(([^\W\d_][\w'’-]{3,24})(?![\w'’-])")
_BRACKET_FULL = re.compile(r"(?<![\w'’-])(?P<short>[A-Z][\w'’-]*)[ \t]*\((?P<given>[A-Z][a-z]+)[ \t]+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\)")

# "X (Y pour tout le monde)", "X (Y para los amigos)", "X (Y pra todo mundo)": in brackets after a name, what everyone,
# the friends or the family call the person (French, Spanish, Portuguese)
_BRACKET_CALLED = re.compile(
    r"(?<![\w'’-])[A-Z\u00c0-\u00de][^\W\d_]+(?:-[^\W\d_]+)*[ \t]*\([ \t]*(?P<nick>[A-Z\u00c0-\u00de][^\W\d_]*(?:-[^\W\d_]+)*)"
    r"[ \t]*,?[ \t]+(?:pour[ \t]+(?:tout[ \t]+le[ \t]+monde|les[ \t]+intimes|les[ \t]+amis|la[ \t]+famille|nous|tous)|"
    r"para[ \t]+(?:todos|todo[ \t]+el[ \t]+mundo|los[ \t]+amigos|la[ \t]+familia|os[ \t]+amigos|a[ \t]+família|toda[ \t]+a[ \t]+gente|"
    r"todo[ \t]+mundo)|pra[ \t]+(?:todo[ \t]+mundo|os[ \t]+amigos|família))[ \t]*\)")


class BracketNicknameRecognizer(Recognizer):
    """A word in brackets right after a full name (a given name of the name lists and a surname) is what the
    person is called: "X Y (z)" introduces a nickname the way "x (she/her)" gives pronouns. Not a word the
    writer would put there of someone: a pronoun, relation noun, title, function word, place, demonym or a
    common word that is no given name ("(deceased)", "(lol)"); not written all in capitals ("(RIP)", "(NHS)")."""

    name, score = "bracket_nickname", 0.75

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if "(" not in text:
            return
        cues, lex, k = self.cues, self.lex, knowledge()
        for m in _BRACKET_NICK.finditer(text):
            first, last, nick = (g.casefold() for g in m.groups())
            if not (first in lex.first_names or first in lex.intl_names) or cues.function_word(first) \
                    or first in cues.titles or first in cues.greet1:
                continue
            rank = lex.rank(last)
            if not (lex.is_surname(last) or rank is None) or k.is_place(m.group(2)) or k.is_demonym(m.group(2)):
                continue
            s, e = m.span(3)
            w = m.group(3)
            nrank = lex.rank(nick)
            given = nick in lex.first_names or nick in lex.intl_names or cues.any_given_name(nick)
            if w.isupper() or cues.function_word(nick) or nick in cues.relations or nick in cues.titles \
                    or nick in _PERSON_NOUNS or nick in INTERJECTIONS or re.fullmatch(_PRONOUN, nick) \
                    or k.is_place(w) or k.is_demonym(w) or not (given or (nrank is None and not lex.word_form(nick))) \
                    or not t.free(s, e):
                continue
            yield self.person(t, s, e, "a nickname in brackets after a full name ('X Y (z)')")
        for m in _BRACKET_CLIPPED.finditer(text):
            short, full = m.group(1), m.group(2)
            cs, cfull = short.casefold(), full.casefold()
            if not _clipped_from(cs, cfull) or len(cfull) < len(cs) + 2 or short.isupper() or full.isupper() \
                    or cues.function_word(cs) or cs in cues.titles or cs in cues.not_names or cs in cues.relations \
                    or cfull in cues.not_names or cues.derived_word(cfull) or lex.word_form(cfull) \
                    or k.is_place(full) or k.is_demonym(full) or k.is_demonym(short):
                continue
            rank = lex.rank(cfull)
            if not (cues.any_given_name(cfull) or cfull in lex.first_names or rank is None or rank >= 20000) \
                    or lex.ordinary_in(cfull):
                continue  # "lose (losing)", "cat (category)": a word and a longer word
            for a, b, why in ((m.start(2), self.extend(text, m.end(2), t.lang, given=True),
                               "a full given name in brackets after its short form ('Xx (Xxxxx)')"),
                              (m.start(1), m.end(1), "a short form of a given name glossed by the full name ('Xx (Xxxxx)')")):
                if t.free(a, b):
                    yield self.person(t, a, b, why)
        for m in _BRACKET_FULL.finditer(text):
            # "Xx (Given Surname)" signing or naming someone: the full name behind the short one, its surname
            # even where it is also a town
            g, sur = m.group("given").casefold(), m.group("surname").casefold()
            if not (g in lex.first_names or cues.any_given_name(g)) or cues.function_word(g) or g in cues.titles \
                    or cues.function_word(sur) or sur in cues.titles or k.is_demonym(m.group("surname")) \
                    or k.is_place(f"{m.group('given')} {m.group('surname')}") or not t.free(m.start("given"), m.end("surname")):
                continue
            yield self.person(t, m.start("given"), m.end("surname"), "a full name in brackets after a name ('X (Given Surname)')")
            short = m.group("short")
            cf = short.casefold()
            if not (short.isupper() or cues.function_word(cf) or cf in cues.titles or cf in cues.not_names or k.is_place(short)
                    or k.is_demonym(short)) and t.free(m.start("short"), m.end("short")):
                yield self.person(t, m.start("short"), m.end("short"), "the short name before a full name in brackets")
        if "pour " in text or "para " in text or "pra " in text:
            for m in _BRACKET_CALLED.finditer(text):
                s, e = m.span("nick")
                cf = m.group("nick").casefold()
                if cues.function_word(cf) or cf in cues.titles or cf in cues.not_names or k.is_demonym(m.group("nick")) \
                        or not t.free(s, e):
                    continue
                yield self.person(t, s, e, "a nickname in brackets after a name, what everyone calls the person")


# ---- words mentioned ------------------------------------------------------------------------------

# a lower-case word in quotes ('yelling "socorro" as a joke', 'Mein Name heißt "Meer" auf Türkisch, "deniz"'),
# or glossed ("amal heißt Hoffnung", "seren means star"): the word talked about, not a person
_QUOTED_LOWER = re.compile(r"[\"“«„‘]([a-z\u00df-\u00ff][a-z\u00df-\u024f'’-]*)(?=[\"”»“’])")
_GLOSSED_LOWER = re.compile(r"(?<![\w'’@.-])([a-z\u00df-\u00ff][a-z\u00df-\u024f'’-]*),?[ \t]+(?=(?:heißt|bedeutet|means|meant|"
                            r"significa|quer[ \t]+dizer|veut[ \t]+dire|betekent|vuol[ \t]+dire)\b)")
_GLOSS_ONE_WORD = re.compile(r",?[ \t]+(?:means|meant|heißt|bedeutet|significa|betekent)[ \t]+[\"“‘]?([a-z\u00df-\u00ff]+)[\"”’]?"
                             r"[ \t]*(?:[,.;:!?)\n]|$|and\b|in\b)")
# what _GLOSSED_LOWER looks ahead for, found first (it is rare; the pattern itself is tried at every
# lower-case word), and the characters its word is made of
_GLOSS_VERB = re.compile(r"(?:heißt|bedeutet|means|meant|significa|quer[ \t]+dizer|veut[ \t]+dire|betekent|vuol[ \t]+dire)\b")
_GLOSS_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'’-") | frozenset(map(chr, range(0xdf, 0x250)))


def glossed_lower_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_GLOSSED_LOWER.finditer(text)``, found from the verbs back. A match is a run of
    the word's characters, an optional comma and blanks right before a verb; the run cannot stop short
    (its characters are no comma or blank), so a match before a verb starts inside the run of word
    characters that ends there, at or after where ``finditer`` goes on: the first place in it where the
    pattern matches is ``finditer``'s next match (verbs and their runs come in text order)."""
    pos = 0
    for v in _GLOSS_VERB.finditer(text):
        a = v.start()
        while a > 0 and text[a - 1] in " \t":
            a -= 1
        if a == v.start():
            continue  # no blank before the verb
        if a > 0 and text[a - 1] == ",":
            a -= 1
        r = a
        while r > pos and text[r - 1] in _GLOSS_WORD_CHARS:
            r -= 1
        for start in range(r, a):
            m = _GLOSSED_LOWER.match(text, start)
            if m is not None:
                yield m
                pos = m.end()
                break


_NO_GLOSS = frozenset({"well", "it", "that", "this", "so", "nothing", "everything", "business", "a", "an", "the", "to",
                       "you", "me", "him", "her", "them", "us", "much", "more", "less", "something", "anything"})
_NICKNAME_BEFORE = re.compile(r"(?:\b(?:call(?:s|ed|ing)?|nickname[ds]?|named|name\s+is|heiße|heißt|llamo|chamo|"
                              r"noemt|noemen|appelle|chiamo|known\s+as|goes\s+by)\b[^\n]{0,12}|\b(?:me|him|her|them))[ \t]*[\"“«„‘]$",
                              re.I)


# "my name", "her name", "his name" right before a word: the word is the name in apposition ("my name xxx means ...")
_NAME_NOUN_BEFORE = re.compile(r"(?<![\w'’])(?:my|his|her|their|our|ur|your)[ \t]+(?:(?:real|first|given|middle|full)[ \t]+)?"
                               r"name[ \t]+$", re.I)


# a gloss, "in" and a language's name, a comma and one lower-case word closed off: "means rain in bangla, xxx, and"
_IN_LANGUAGE_WORD = re.compile(r"\b(?:means?|meant|meaning|is|for)[ \t]+[\w'’ \t-]{1,30}?[ \t]in[ \t]+([A-Za-zāēīōū]+)[ \t]*,[ \t]*"
                               r"([a-z\u00df-\u00ff][a-z\u00df-\u024f'’-]+)(?=[ \t]*[,.;!?)\n])")


class MentionedWordRecognizer(Recognizer):
    """A lower-case word quoted or glossed is the word talked about, kept, so that a commenter's name
    that is also a word ("socorro", "deniz", "seren") stays where the writer talks about the word; not
    after a naming phrase ('they call me "kitty"')."""

    name, score = "mentioned_word", 0.85

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if any(map(text.__contains__, ('"', "“", "«", "„", "‘"))):
            for m in _QUOTED_LOWER.finditer(text):
                s, e = m.span(1)
                if _NICKNAME_BEFORE.search(text, max(0, s - 40), s):
                    continue
                if t.lower_style and not self._wordish(m.group(1), t):
                    continue  # texting in lower case quotes names too
                yield self.span(s, e, KEEP, reason="a lower-case word in quotes: the word talked about")
        if any(map(text.__contains__, ("heißt", "bedeutet", "mean", "signific", "dizer", "dire", "betekent"))):
            for m in glossed_lower_matches(text):  # (_GLOSSED_LOWER.finditer(text))
                s, e = m.span(1)
                if t.lower_style:
                    # texting in lower case writes names so too ("jonas means well"): only a gloss of one
                    # word that ends the clause ("sagar means ocean, ...") is the word talked about
                    g = _GLOSS_ONE_WORD.match(text, e)
                    if g is None or g.group(1) in _NO_GLOSS:
                        continue
                if self.cues.function_word(m.group(1)) or m.group(1) in ("das", "es", "was", "dat", "wat", "ce", "que",
                                                                         "che", "it", "this", "that", "which", "what"):
                    continue
                if _NAME_NOUN_BEFORE.search(text, max(0, s - 24), s):
                    # "my name xxx means handsome": the writer's name in apposition to "my name", glossed
                    yield self.person(t, s, e, "a name in apposition to 'my name', glossed ('my name X means ...')")
                    continue
                yield self.span(s, e, KEEP, reason="a lower-case word glossed ('X means ...'): the word talked about")

        if " in " in text and "," in text:
            for m in _IN_LANGUAGE_WORD.finditer(text):
                # "it means sky in samoan, xxx, and ...": the word of that language, said after its gloss
                if m.group(1).casefold() in self.cues.language_names and not self.cues.function_word(m.group(2)):
                    yield self.span(m.start(2), m.end(2), KEEP,
                                    reason="a word said after 'in <language>,' and its gloss: the word talked about")

    def _wordish(self, w: str, t: TextContext) -> bool:
        lex = self.lex
        return (lex.rank(w) is not None or lex.dictionary_word(w) or bool(lex.ordinary_in(w))
                or (t.lang is not None and lex.lang_rank(w, t.lang) is not None))


# ---- knowledge that keeps -------------------------------------------------------------------------

# te reo Māori names its iwi and hapū (tribes and sub-tribes) as "descendants of" an ancestor: "Ngāti" (or "Ngāi",
# and "Ngati"/"Ngai" without the macron) before the ancestor's name, one or two words, hyphened or with "ki"/"o"
# ("Ngāti Porou", "Ngāi Tahu", "Ngāti Kahungunu ki Wairarapa", "Ngāti Whātua o Ōrākei"). The whole is a people's
# name, as public as a nation's, never a person's.
_MAORI_CAP = r"[A-ZĀĒĪŌŪ][a-zāēīōū]+(?:-[a-zA-ZāēīōūĀĒĪŌŪ]+)*"
_IWI = re.compile(r"(?<![\w-])(?:Ng[āa]ti|Ng[āa]i|NG[ĀA]TI)[ \t]+" + _MAORI_CAP
                  + r"(?:[ \t]+" + _MAORI_CAP + r")?(?:[ \t]+(?:ki|o)[ \t]+" + _MAORI_CAP + r")?")


class IwiRecognizer(Recognizer):
    """The names of Māori iwi and hapū ("Ngāti Porou", "Ngāi Tahu"): "Ngāti"/"Ngāi" and the ancestor's name."""

    name, score = "iwi", 0.85
    triggers = frozenset({"ngāti", "ngati", "ngāi", "ngai"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        for m in _IWI.finditer(t.text):
            if t.free(m.start(), m.end()):
                yield self.span(m.start(), m.end(), KEEP, reason="a Māori iwi or hapū ('Ngāti'/'Ngāi' and an ancestor)")


class RoyalRecognizer(Recognizer):
    """A monarch or royal: a royal title before a given name ("Koning Willem-Alexander", "le roi Baudouin",
    "Queen Silvia", perhaps with a regnal number: "King Harald V"), kept as a public figure. The titles are
    the policy's ``royal_titles`` (English, German) and, in text of their language, ``language_cues.toml``'s
    ``royals``; the name must be a given name of the lexicons (each part of a double one), no surname after it
    ("Princess Odalys Brent" is someone named Princess), no possessive before the title (English and German
    :func:`relation_possessives`, in text of their language ``language_cues.toml``'s ``possessives``)."""

    name, score = "royal", 0.85

    def __init__(self, cues: Cues):
        super().__init__(cues)
        from .multilingual import _alt, language_cues  # (multilingual imports this module)
        own = frozenset(cues.policy.rules.royal_titles)
        self._res = {lang: self._pattern(_alt(own | lc.royals)) for lang, lc in language_cues()[0].items()}
        self._res[None] = self._pattern(_alt(own))
        # every match starts with one of the titles, no word character before it: a text without them is skipped
        self._gates = {lang: WordGate(own | lc.royals) for lang, lc in language_cues()[0].items()}
        self._gates[None] = WordGate(own)
        poss = relation_possessives(cues.policy.rules)
        self._poss = {lang: re.compile(r"(?<![\w'’])(?i:" + _alt(poss | lc.possessives) + r")[ \t]+$")
                      for lang, lc in language_cues()[0].items()}
        self._poss[None] = re.compile(r"(?<![\w'’])(?i:" + _alt(poss) + r")[ \t]+$")

    @staticmethod
    def _pattern(alt: str) -> re.Pattern[str]:
        return re.compile(r"(?<![\w'’-])(?i:" + alt + r")[ \t]+(?P<name>[A-Z\u00c0-\u00de][^\W\d_]+(?:-[A-Z\u00c0-\u00de]"
                          r"[^\W\d_]+)?)(?P<num>[ \t]+[IVX]{1,4}\b)?(?![\w'’-])")

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text, self.cues
        if (self._gates.get(t.lang) or self._gates[None]).absent(t):
            return
        rx = self._res.get(t.lang) or self._res[None]
        poss = self._poss.get(t.lang) or self._poss[None]
        for m in rx.finditer(text):
            name = m.group("name")
            if not all(cues.any_given_name(p.casefold()) or p.casefold() in self.lex.first_names
                       or inflection.declined_given(p.casefold(), t.lang) for p in name.split("-")):
                continue
            if not m.group("num") and _SURNAME_AFTER.match(text, m.end("name")):
                continue  # a given name and a surname: a person called "Princess" or "King"
            if cues.relation_before(text, m.start()) or poss.search(text, max(0, m.start() - 16), m.start()):
                continue  # "mijn koning Bram", "my queen Sadie": a pet name or a role, left to the other rules
            if t.free(m.start(), m.end()):
                yield self.span(m.start(), m.end(), KEEP, reason="a royal title before a given name (a public figure)")


_SURNAME_AFTER = re.compile(r"[ \t]+[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+")


@lru_cache(maxsize=1)
def _first_surname_figures(digest: str) -> dict[str, frozenset[str]]:
    """(``digest``: the knowledge's, which keys the cache.) The middle word of every listed name of three words (a given name and two surnames: "Marian Rojas
    Estapé"), case-folded, to the given names before it."""
    out: dict[str, set[str]] = {}
    for figs in knowledge().figures_by_surname.values():
        for f in figs:
            if len(f.tokens) == 3 and len(f.tokens[1]) > 1 and f.tokens[1] not in _PARTICLES:
                out.setdefault(f.tokens[1], set()).add(f.first)
    return {w: frozenset(v) for w, v in out.items()}


_CAP_WORD_RIGHT_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*\.?)[ \t]+$")


_GIVEN_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*?)\.?[ \t]+$")


def _titled(text: str, s: int) -> bool:
    """A form of address or relation noun of any language's cue table right before ``s`` ("la dott.ssa X", "Dr X")."""
    m = _GIVEN_WORD_BEFORE.search(text, max(0, s - 16), s)
    return m is not None and m.group(1).casefold() in _all_relations()


# a capitalised word right after a name (a shop's or a school's noun: "X Y Supermarket", "X Y Bakery")
_CAP_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


# "a"/"an" right before a name, and after it the clause goes on without a noun: "a Xx, no relation", "an Xx who's ...",
# "a Xx (not ...)": one of the people of that name, not the figure ("a Xx quote" has its noun)
_A_BEFORE = re.compile(r"(?<![\w'’])(?:a|an)[ \t]+$")
_NAMESAKE_END = re.compile(r"[ \t]*(?:[,;.!?)(\n—–]|$)|[ \t]+(?:who|who's|who’s|that|too|myself|either|here)\b")


def _a_namesake(text: str, s: int, e: int) -> bool:
    return _A_BEFORE.search(text, max(0, s - 4), s) is not None and _NAMESAKE_END.match(text, e) is not None


class PublicFigureRecognizer(Recognizer):
    """Writers on therapy named in ``public_figures.toml``: full names, distinctive surnames alone
    ("Winnicott"), their adjectives ("Freudian"), and a first name alone in a post that named the
    figure in full ("Esther" after "Esther Perel")."""

    name, score = "public_figure", 0.85

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not self.policy.text.keep_public_figures:
            return
        k = knowledge()
        text = t.text
        toks = [(s, e, core) for s, e, _, core in t.caps]
        declines = t.lang in inflection.languages()
        for i, (s, e, tok) in enumerate(toks):
            cf = tok.casefold()
            first = _first_surname_figures(k.digest).get(cf)
            if first and i > 0 and toks[i - 1][2].casefold() in first and text[toks[i - 1][1]:s] == " " \
                    and self.lex.is_surname(cf) \
                    and not (i + 1 < len(toks) and text[e:toks[i + 1][0]] == " "):
                # "Marian Rojas" of "Marian Rojas Estapé": a given name and the first of two surnames, as
                # Spanish and Portuguese speech names a person (the full name is the rule below's)
                yield self.span(toks[i - 1][0], s + len(tok), KEEP, reason="public figure (given name and first surname)")
                continue
            if cf not in k.figure_adjectives and cf not in k.figures_by_surname and cf not in t.doc.figure_words:
                if declines:
                    hit = self._declined(t, toks, i)
                    if hit is not None:
                        yield self.span(toks[hit][0], s + len(tok), KEEP, reason="public figure (a case form of the name)")
                continue
            if cf in k.figure_adjectives:
                yield self.span(s, s + len(tok), KEEP, reason="adjective of a public figure's name")
                continue
            figs = k.figures_by_surname.get(cf)
            if figs:
                best = self._full(text, toks, i, figs, t.lang if declines else None)
                if best is not None:
                    start = toks[best][0]
                    # the figure's other names count alone elsewhere in the post, but not a given name
                    # alone ("Becky" after "Becky Kennedy" may be anyone's Becky)
                    if not all(f.full_only for f in figs):
                        t.doc.figure_words.update(w.casefold() for _, _, w in toks[best:i + 1]
                                              if w.casefold() == cf or len(w) > 1 and not self.cues.any_given_name(
                                                  w.casefold()) and w.casefold() not in self.lex.first_names)
                    yield self.span(start, s + len(tok), KEEP, reason="public figure (full name)")
                    continue
                if all(f.full_only for f in figs):
                    continue  # a leader or hero whose name people are given ("me dicen Katari", "don Bolívar")
                if self._distinctive(cf) or cf in t.doc.figure_words or self._listed_alone(t, toks, i, cf):
                    if t.english and _a_namesake(text, s, s + len(tok)):
                        yield self.person(t, s, s + len(tok), "a public figure's name after 'a'/'an': someone of "
                                          "that name ('a Winnicott, no relation')")
                        continue
                    if i > 0 and text[toks[i - 1][1]:s] == " " and not any(
                            f.first == toks[i - 1][2].casefold() for f in figs) and (
                            toks[i - 1][2].casefold() in t.doc.accepted or self.cues.any_given_name(toks[i - 1][2].casefold())
                            and _titled(text, toks[i - 1][0])) \
                            and not names_a_body(text, toks[i - 1][0], s + len(tok)) and not (
                                (nxt := _CAP_WORD_AFTER.match(text, s + len(tok))) and self.lex.dictionary_word(nxt.group(1))):
                        # "Jeemie Anderson" after "Tom Anderson" (a given name the post took for someone), "la dott.ssa
                        # Franca Lussu" beside "Emilio Lussu" (a given name after a title): another person ("Clare Winnicott"
                        # is a figure's kin as public as the figure; "Hung Vuong Supermarket" names a shop)
                        continue
                    if not self.cues.relation_before(text, s) and not self._private_title(text, s):
                        yield self.span(s, s + len(tok), KEEP, reason="public figure (surname)")
                    continue
            if cf in t.doc.figure_words and t.english and _a_namesake(text, s, s + len(tok)) \
                    and (cf in self.lex.first_names or self.cues.any_given_name(cf)):
                # "I'm an Xx who's not that Xx", "I have a Xx (not Yy!)": a person of that given name, not the figure
                yield self.person(t, s, s + len(tok), "a public figure's given name after 'a'/'an': someone of that name")
                continue
            if cf in t.doc.figure_words and not self.cues.relation_before(text, s) and cf not in t.doc.known \
                    and not self._other_person(text, toks, i, cf, t.doc.figure_words) \
                    and not self._given_addressed(t, s, s + len(tok), cf) \
                    and not (self._kin_before(text, s) and (cf in self.lex.first_names or self.cues.any_given_name(cf)
                                                           or self.lex.rank(cf) is None)):
                # (a kinship or respect word before a figure's given name alone, "Uncle Xx", "Koro Xx": a relative
                # named after the figure, not the figure)
                yield self.span(s, s + len(tok), KEEP, reason="public figure named in full in this post")
        if t.lower_style:  # "i will read carl rogers"
            low = [(m.start(1), m.end(1), m.group(1)) for m in _LOWER_TOKEN.finditer(text)]
            for i in range(1, len(low)):
                figs = k.figures_by_surname.get(low[i][2])
                if figs and any(f.first == low[i - 1][2] for f in figs) and \
                        re.fullmatch(r"[ \t]+", text[low[i - 1][1]:low[i][0]]):
                    yield self.span(low[i - 1][0], low[i][1], KEEP, reason="public figure (full name, lower case)")

    def _declined(self, t: TextContext, toks, i: int) -> int | None:
        """In a language that declines names, token ``i`` as a case form of a listed figure's surname
        ("Frankla" of Frankl, "Prekopové" of Prekopová) with the given name before it in a case form too
        ("Viktora Frankla"), or alone when the surname names the figure on its own: the first token's index."""
        k, text = knowledge(), t.text
        for cand in inflection.nominatives(toks[i][2], t.lang)[1:]:
            figs = k.figures_by_surname.get(cand.casefold())
            if not figs:
                continue
            if i > 0 and re.fullmatch(r"[ \t]+", text[toks[i - 1][1]:toks[i][0]]):
                firsts = {w.casefold() for w in inflection.nominatives(toks[i - 1][2], t.lang)}
                if any(f.first in firsts for f in figs if len(f.tokens) > 1):
                    return i - 1
            # (a surname alone only for a figure the list keeps so: not one of full names only, "pane Dvořáku")
            if not all(f.full_only for f in figs) and self._distinctive(cand.casefold()) \
                    and not self.cues.relation_before(text, toks[i][0]) and not self._private_title(text, toks[i][0]):
                return i
        return None

    def _kin_before(self, text: str, s: int) -> bool:
        """A kinship or respect word of address right before ``s`` ("Uncle ", "Koro ", "Tannie ")."""
        m = _GIVEN_WORD_BEFORE.search(text, max(0, s - 16), s)
        return m is not None and m.group(1).casefold() in self.cues.kin_titles

    def _given_addressed(self, t: TextContext, s: int, e: int, cf: str) -> bool:
        """A figure's given name alone, addressed or introduced at the start of a sentence ("Xx, 24, I'm ...") or an
        item of a list of people: someone else of that name, not the figure."""
        if not (cf in self.lex.first_names or self.cues.any_given_name(cf)):
            return False
        b = _CAP_WORD_RIGHT_BEFORE.search(t.text, max(0, s - 24), s)
        if b is not None and b.group(1).casefold() not in t.doc.figure_words:
            return True  # "Mt Xx", "Prince Xx": another name or a place's name holds the given name
        return self.cues.vocative_start(t.text, s, e) or in_people_list(self, t, s, e)

    def _other_person(self, text: str, toks, i: int, cf: str, figure_words: set[str]) -> bool:
        """A public figure's given name alone that names someone else: with another surname after it ("just
        Joan Haverkamp from Duluth"), the writer's own ("I'm Joan too"), or the person addressed opening a
        line ("Joan, relieved AND sad is allowed") or greeted."""
        s, e, _ = toks[i]
        ini = re.match(r"[ \t]+([A-Z\u00c0-\u00de])\.", text[e:e + 4])
        if ini and not any(w[:1] == ini.group(1).casefold() for w in figure_words if w != cf):
            return True  # with the initial of another surname: "Joan K." is not Joan Didion
        if not (self.cues.any_given_name(cf) or cf in self.lex.first_names):
            return False
        if i + 1 < len(toks) and re.fullmatch(r"[ \t]+", text[e:toks[i + 1][0]]) \
                and toks[i + 1][2].casefold() not in figure_words and self.lex.is_surname(toks[i + 1][2].casefold()):
            return True
        line = text[text.rfind("\n", 0, s) + 1:s]
        if not line.strip(" \t\"'“‘") and re.match(r"[ \t]*,", text[e:e + 2]):
            return True
        return bool(_SELF_NAMING.search(text, max(0, s - 12), s)) or self.cues.greeting_before(text, s)

    def _private_title(self, text: str, s: int) -> bool:
        # (a form of address of any covered language: "Mme Tremblay", "la Dre Tremblay" beside the novelist Michel
        # Tremblay are the psychologist the post is about; the figures are named in full)
        if self.cues.title_before(text, s):
            return True
        if self._any_title is None:
            self._any_title = titles.before_pattern(self.cues.all_titles)
        return self._any_title.search(text, max(0, s - 16), s) is not None

    _any_title: re.Pattern[str] | None = None

    def _listed_alone(self, t: TextContext, toks, i: int, cf: str) -> bool:
        """A listed figure's surname standing alone, which the surname lists also hold ("Ainsworth", "Fairbairn"):
        writing on therapy names its authors by the surname ("Ainsworth's strange situation"), and a private person
        so named carries a title or a relation noun (checked by the caller) or a given name beside it. Not a given
        name of the English-speaking countries' list nor an ordinary word of any language ("Bakker" is a baker), no
        capitalised word right before or after it (another person's full name: "Tom Fairbairn"), no naming phrase
        before it ("my name is Adler"), and no name the post knows as a commenter's."""
        lex, text, s = self.lex, t.text, toks[i][0]
        if cf in lex.first_names or lex.dictionary_word(cf) or not (lex.rank(cf) is None or lex.proper_noun(cf)) \
                or lex.ordinary_in(cf) or cf in t.doc.known or self.cues.named_before(text, s) \
                or SELF_INTRO.search(text, max(0, s - 16), s):
            return False
        if i > 0 and re.fullmatch(r"[ \t]+", text[toks[i - 1][1]:toks[i][0]]):
            return False
        return not (i + 1 < len(toks) and re.fullmatch(r"[ \t]+", text[toks[i][1]:toks[i + 1][0]]))

    def _distinctive(self, cf: str) -> bool:
        """A surname that names the figure on its own: no ordinary word and no common name
        ("Winnicott", "Freud", "Yalom"; not "Brown", "Rogers", "Miller")."""
        lex = self.lex
        r = lex.rank(cf)
        return ((r is None or (r >= 5000 and lex.proper_noun(cf))) and cf not in lex.first_names
                and cf not in lex.last_names and cf not in lex.intl_names)

    @staticmethod
    def _full(text: str, toks, i: int, figs, lang: str | None = None) -> int | None:
        """Index of the first token of a full public-figure name ending at token ``i``, if any. In a language that
        declines names (``lang``) the given names may stand in a case form before a surname that does not decline
        or is written as in the nominative ("Ewę Woydyłło", "Bogdana de Barbaro")."""
        for fig in figs:
            need = [w for w in fig.tokens[:-1] if len(w) > 1 and w not in _PARTICLES]  # initials optional
            j = i - 1
            got: list[str] = []
            while j >= 0 and len(got) < len(fig.tokens) + 1:
                between = text[toks[j][1]:toks[j + 1][0]]
                if not _FULL_NAME_GAP.fullmatch(between) and not (
                        len(toks[j][2]) == 1 and re.fullmatch(r"\.[ \t]*", between)):
                    break  # (a middle initial the tokens hold as a word: "Olav H. Hauge")
                w = toks[j][2].casefold()
                if lang is not None and w not in need:
                    w = next((n for n in (c.casefold() for c in inflection.nominatives(toks[j][2], lang)[1:])
                              if n in need), w)
                got.insert(0, w)
                if need and got[:len(need)] == need[:len(got)] and all(w in got for w in need):
                    return j
                j -= 1
            if need and len(need) == 1 and i > 0 and toks[i - 1][2].casefold() == need[0]:
                between = text[toks[i - 1][1]:toks[i][0]]
                if _FULL_NAME_GAP.fullmatch(between):
                    return i - 1
            inits = fig.tokens[:-1]
            if not need and inits and i >= len(inits):
                # a name of initials and a surname ("R. S. Thomas", "A. R. Rahman"): the initials, each
                # with its dot, right before the surname
                k0 = i - len(inits)
                if all(toks[k0 + n][2].casefold() == inits[n] for n in range(len(inits))) and all(
                        re.fullmatch(r"\.[ \t]*", text[toks[x][1]:toks[x + 1][0]]) for x in range(k0, i)):
                    return k0
        return None


_WORKS = (r"memoir|memoirs|book|books|novel|novels|poem|poems|poetry|podcast|podcasts|talk|talks|ted\s+talk|album|"
          r"albums|song|songs|lyrics|music|film|films|movie|movies|show|series|documentary|work|works|theory|"
          r"research|studies|interview|interviews|quote|quotes|essay|essays|lecture|lectures|video|videos|speech|"
          r"biography|autobiography|stand-up|special|sketch|character|workbook|course|newsletter|column|letters|"
          r"show|shows|radio\s+show|records|record|track|tracks|single|gig|gigs|set|play|plays|"
          # jokes and memes about a name are about someone everybody knows ("X jokes happen weekly")
          r"jokes|memes|biopic|"
          # a sportsman's record ("X's stats", "X's career")
          r"stats|statistics|career|"
          # German: "Robert Xs Biografie", "ein Interview von X"
          r"buch|bücher|roman|romane|biografie|biographie|lied|lieder|gedicht|gedichte|hörbuch|hörspiel|"
          r"hörspiele|trilogie|platte|konzert|serie|sendung|kolumne")
# a public person is talked about through their work; a private one through their relation to the writer
_WORK_AFTER = re.compile(r"(?:(?:['’]s?|(?<=[a-zäöüß])s)[ \t]+(?:[a-zäöü]+[ \t]+){0,2}(?:" + _WORKS + r")\b"
                         # a possessive before a title in title case or in quotes: "X's The Living
                         # Mountain", "X's Unbowed", 'X's "Melanin"'; a title in quotes: 'X "River"'
                         # (the capitals in title case only: "X's girl", "X's Tiger to everybody" are people)
                         r"|['’]s?[ \t]+(?-i:[\"“‘][A-Z]|(?:The|A|An)[ \t]+[A-Z]|[A-Z][\w'’-]*(?:[ \t]+(?:[a-z]{1,3}|[A-Z][\w'’-]*)){0,5}"
                         r"[ \t]*(?:[,.;:!?)]|$|[ \t]+(?:and|or|which|is|was|by|on|in)\b))"
                         r"|[ \t]+[\"“][A-Z][^\"”\n]{1,60}[\"”]"
                         r"|[ \t]*\((?:re-?)?reading\b"
                         r"|[ \t]+(?:said|says|spoke|talked|talks)\b[^.\n]{0,30}\b(?:interview|podcast|speech|documentary|book)\b"
                         r"|(?:[ \t]+\w+){0,4}[ \t]+(?:geschrieben|schreibt|schrieb|gesungen|singt|sang)\b"
                         # "hat mir X Y geschenkt": an author's book given as a present (a person is not given)
                         r"|[ \t]+geschenkt\b"
                         r"|[ \t]+(?:gehört|gelesen|sagt[ \t]+in[ \t]+(?:Interviews|einem[ \t]+Interview))\b"
                         r"|[ \t]+(?:(?:" + _WORKS + r")\b|"
                         r"(?:writes|wrote|has written|had written|argues|argued|describes|described|coined|puts it|"
                         r"calls it|calls this|"
                         r"called it|talks about|talked about|says in|said in|sings|sang|starred|stars in|"
                         # a performer seen or heard in the media; fans of someone everybody knows
                         r"on[ \t]+(?:the[ \t]+)?(?:television|telly|tv|radio)|stans|"
                         r"played|directed|narrates|in concert|live in|on tour|on repeat|"
                         r"has a (?:line|book|bit|chapter|quote|poem|song|podcast|"
                         r"passage|talk|theory)|had a (?:line|song|book|bit))\b"
                         # "X designed CPT", "X developed the Y model": the maker of a named therapy or method
                         r"|(?:designed|developed|invented|created|founded|pioneered)[ \t]+(?:the[ \t]+)?(?-i:[A-Z])"
                         # "X did a whole video about ...", "X made a documentary": public work, not a private act
                         r"|(?:did|made|does|makes|released|posted|dropped)[ \t]+(?:a|an|this|that|the|one)[ \t]+"
                         r"(?:[a-z]+[ \t]+)?(?:video|videos|documentary|podcast|talk|ted\s+talk|album|song|film|movie|"
                         r"series|special|interview|speech|book|memoir|essay)\b)"
                         # "X, who was writing about nerves in the 1960s", "X talking about her depression"
                         r"|,?[ \t]+(?:who[ \t]+)?(?:(?:was|is|has[ \t]+been)[ \t]+)?(?:writing|talking|speaking|"
                         r"lecturing)[ \t]+(?:about|on)\b|,[ \t]+who[ \t]+(?:wrote|writes|coined|argued|argues|"
                         r"described|describes)\b)", re.I)
_WORK_BEFORE = re.compile(r"(?:\b(?:by|read|reads|reading|re-reading|quote|quotes|quoting|quoted|listen to|listening to|"
                          r"play|plays|played|playing|blasting|streaming|concert by|gig by|see|saw|seeing|"
                          r"listened to|watched|watching|a line in|a line from|a photo of|a poster of|a picture of|"
                          r"a signed photo of|fan of|fans of|interview with|podcast with|the words of|"
                          r"a page of|pages of|a chapter of|a copy of|"
                          # named after someone everybody knows ("a cat named after X Y", "named me after X Y");
                          # a relative named after has a relation noun before the name ("after my aunt X Y")
                          r"named[ \t]+(?:(?:me|him|her|them|us|it)[ \t]+)?(?:after|for)|"
                          # a public calling before the name ("the actor X Y", "comedian X Y")
                          r"actor|actress|singer|rapper|comedian|novelist|poet|author|playwright|filmmaker|"
                          r"footballer|athlete|boxer|cricketer|presenter|broadcaster|songwriter|musician|"
                          # German: "Lies X Y", "ich hör X Y", "er schaut jetzt X Y", "ich lese gerade X Y"
                          r"lies|lest|lese|las|hör|höre|hört|hörte|schaut|schau|schaue|guck|gucke|guckt|"
                          r"(?:lies|lese|las|hör|höre|hört|hörte|schaut|schaue|guckt?|gucke)[ \t]+(?:jetzt|gerade|gern|gerne|viel|oft|immer|nur)|"
                          r"(?:" + _WORKS + r")\s+(?:by|from|of))[ \t]+"
                          # a quoted title, then its cast: '"Title" with X Y', '"Titolo" con X Y'
                          r"|[\"”»][ \t]+(?:with|starring|con|mit|avec|com|met)[ \t]+)$", re.I)
# "run by", "led by", "seen by": "by" names the one who does a private act, not an author
_AGENT_BY = re.compile(r"\b(?:run|ran|led|organi[sz]ed|hosted|facilitated|supervised|seen|treated|referred|raised|"
                       r"diagnosed|taught|coached|helped|assessed|examined|accompanied|driven|visited|called|texted|"
                       r"interpreted|captioned|moderated|managed|staffed|followed|adopted|fostered|mentored|"
                       r"saved|hugged|picked[ \t]+up|looked[ \t]+after|taken[ \t]+care[ \t]+of)[ \t]+by[ \t]+$", re.I)


_GERMAN_READING = frozenset(("lies", "lest", "lese", "las", "hör", "höre", "hört", "hörte", "schaut", "schau", "schaue",
                             "guck", "gucke", "guckt"))
_GERMAN_AFTER = re.compile(r"[ \t]+(?:gehört|gelesen|sagt)\b")


_WORK_CUES = (_WORKS + r"|by|read|reads|reading|quot|listen|play|blasting|streaming|concert|"
              r"gig|see|saw|seeing|writes|wrote|written|writing|speaking|lectur|argue|describe|coined|puts it|call|talk|says in|said in|"
              r"sing|sang|star|played|directed|narrates|live in|on tour|on repeat|has a|had a|line|photo|"
              r"poster|picture|fan|interview|podcast|words|lies|lest|lese|las|hör|schau|guck|gehört|gelesen|sagt in|"
              r"designed|developed|invented|pioneered|founded|created|page|actor|actress|singer|rapper|comedian|"
              r"novelist|poet|author|playwright|filmmaker|footballer|athlete|boxer|cricketer|presenter|"
              r"broadcaster|songwriter|musician|television|telly|tv|radio|stans|named")


_WORK_QUOTED = r"s?[ \t]+(?:[\"“‘]|the[ \t]|[a-z]+[ \t]*[,.;)])"  # after "'" or "’": "X's "Title"", "X's Unbowed,"
_WORK_GERMAN = "geschrieben|schreibt|schrieb|gesungen|singt|geschenkt"  # (inside words too: "aufgeschrieben")
_WORK_GERMAN_NEEDLES = ("sch", "sung", "ingt")
_WORK_ANY = re.compile(r"['’]" + _WORK_QUOTED + r"|[ \t][\"“][a-z]|\(re|" + _WORK_GERMAN + "|"
                       r"\b(?:" + by_first_letter(_WORK_CUES) + r")")
# _WORK_ANY's branches in three parts that each start with a literal or a non-word character
# (.scan: the same matches, 2x faster; this scan was half of the recognizer's time)
_WORK_PARTS = (searched(re.compile("'" + _WORK_QUOTED + "|’" + _WORK_QUOTED + r"| [\"“][a-z]|\t[\"“][a-z]|\(re"),
                        ("'", "’", '"', "“", "(re")),
               # the cast after a quoted title ('"Title" with X Y')
               searched(re.compile(r"[\"”»][ \t]+(?:with|starring|con|mit|avec|com|met)\b"), ('"', "”", "»")),
               # (every one of its words holds "sch", "sung" or "ingt": three substring tests where most texts hold none)
               searched(re.compile(_WORK_GERMAN), _WORK_GERMAN_NEEDLES),
               WordStart(by_first_letter(_WORK_CUES)))


_CALLING_MINE = re.compile(r"\b(?:my|our|his|her|their|your)[ \t]+(?:[a-z]+[ \t]+){0,2}(?:actor|actress|singer|rapper|comedian|"
                           r"novelist|poet|author|playwright|filmmaker|footballer|athlete|boxer|cricketer|"
                           r"presenter|broadcaster|songwriter|musician)[ \t]+$", re.I)
_PUBLIC_LIST = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&|or)[ \t]+)")
_POSS_TITLE = re.compile(r"[A-Z][\w-]*['’]s?[ \t]+[A-Z\"“‘]")
_POSS_QUOTED = re.compile(r"['’]s?[ \t]+[\"“][^\"”\n]{1,60}[\"”]")
# a title in title case after a possessive: "'s The Stopping Places", "'s Gypsy Boy" (small words only inside)
_POSS_TITLE_CASE = re.compile(r"['’]s?[ \t]+(?P<title>[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|the|and|in|a|an|to|on|for)[ \t]+)?[A-Z][\w'’-]*){0,5})")


_NAME_RUN = re.compile(r"[ \t]*(?:[A-Z\u00c0-\u00de][\w'’-]*[ \t]+)*")


class PublicWorkRecognizer(Recognizer):
    """A full name talked about through the person's work is a public person's, kept whether or
    not it is on the list: "Matt Haig has a line about...", "Matthew Perry's memoir", "a poem by
    Mary Oliver", "Pauline Boss calls it ambiguous loss". No relation, title or greeting before it."""

    name, score = "public_work", 0.83

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not self.policy.text.keep_public_figures:
            return
        text, cues, lex = t.text, self.cues, self.lex
        cue_at = [s for s, _e in alternation_spans(t.low, _WORK_PARTS)]  # _WORK_ANY.finditer(t.low)
        if "'" in text or "’" in text:  # "X's Born a Crime": a capitalised possessive before a title
            cue_at = sorted(cue_at + [m.start() for m in _POSS_TITLE.finditer(text)])
        if not cue_at:
            return  # no word about anyone's work anywhere in the text
        # capitalised names, and names written in lower case ("recommending mary oliver poems")
        yield from self._pairs(t, [(s, s + len(core), core) for s, _e, _tok, core in t.caps], cue_at)
        yield from self._pairs(t, self._lower_near(text, cue_at), cue_at)

    @staticmethod
    def _lower_near(text: str, cue_at: list[int]) -> list[tuple[int, int, str]]:
        """Lower-case tokens within reach of a word about work (most of a long text is not)."""
        out: list[tuple[int, int, str]] = []
        a = b = -1
        n = len(text)
        for c in cue_at + [n + 10 ** 6]:
            lo, hi = max(0, c - 70), min(n, c + 70)
            if lo <= b:
                b = hi
                continue
            if b > a:
                while b < n and not text[b].isspace():
                    b += 1  # do not cut the last word of a window
                out += [(m.start(1), m.end(1), m.group(1)) for m in _LOWER_TOKEN.finditer(text, a, b)]
            a, b = lo, hi
        return out

    def _pairs(self, t: TextContext, caps: list[tuple[int, int, str]], cue_at: list[int]) -> Iterator[Span]:
        text, cues = t.text, self.cues
        n = len(caps)
        # the words that can open a full name (a function of the word): the tokens that are none, most of
        # them, are passed over in one sweep instead of one turn of the loop each
        firsts = self._firsts({c[2] for c in caps[:-1]})
        for i in [i for i in range(n - 1) if caps[i][2] in firsts] if firsts else ():
            s, e, first = caps[i]
            # only pairs with a word about work near them (30 characters before, 45 after a third name)
            k = bisect_left(cue_at, s - 35)
            if k == len(cue_at) or cue_at[k] > caps[min(i + 2, n - 1)][1] + 45:
                continue
            # (then the second word's checks: the surname, or the middle name that must be surname-like too)
            if not self._surname_like(caps[i + 1][2]):
                continue
            j = i + 1
            if not _NAME_GAP.fullmatch(text, e, caps[j][0]):
                continue  # "Nise da Silveira", "Bessel van der Kolk" take a particle
            if j + 1 < len(caps) and re.fullmatch(r"[ \t]+", text[caps[j][1]:caps[j + 1][0]]) \
                    and caps[j + 1][2][:1].isupper() and self._surname_like(caps[j + 1][2]) \
                    and self._surname_like(caps[j][2]) and not _WORK_AFTER.match(text, caps[j][1]):
                j += 1  # "Kay Redfield Jamison", "Sinéad O'Connor"
            last = caps[j][2]
            if not self._surname_like(last):
                continue
            flr = self.lex.lang_rank(first.casefold(), t.lang) if t.lang not in (None, "en") else None
            if flr is not None and (flr < 500 or t.lang in NOUN_CAPS and flr < 20000 and not (
                    first.casefold() in self.lex.first_names or first.casefold() in self.lex.intl_names)):
                continue  # "Ik dus", "Dat is", German "Geburtstag X Y": a common word of the text's language opening
                # it ("Michael Ende" is a name: only the first word is asked)
            if last[:1].islower():
                llr = self.lex.lang_rank(last.casefold(), t.lang)
                if llr is not None and llr < 300:
                    continue  # "wara tu video", "mostró el video": a function word of the text's language ends it
            end = caps[j][1]
            before = _WORK_BEFORE.search(text[max(0, s - 30):s])
            after = _WORK_AFTER.match(text, end)
            if t.lang != "de":  # the German verbs of reading and listening are other words elsewhere ("las")
                if before and before.group(0).split()[0].casefold() in _GERMAN_READING:
                    before = None
                if after and _GERMAN_AFTER.match(after.group(0)):
                    after = None
            if before and before.group(0).strip().casefold() == "by" and _AGENT_BY.search(text, max(0, s - 40), s):
                before = None
            if before and before.group(0).strip().casefold() == "by" and byline_who(text, s, t.lang, cues):
                continue  # "message 4: by X · 21 likes": the line's shape makes X the poster (:mod:`.bylines`)  # "a group run by X", "seen by X": the one who did it, not an author
            if before and _CALLING_MINE.search(text, max(0, s - 60), s):
                before = None  # "my friend the actor X Y", "our poet X Y": someone the writer knows
            if after and not before and after.group(0).lstrip()[:1] in "\"“" \
                    and _NAME_RUN.fullmatch(text, text.rfind("\n", 0, s) + 1, s):
                continue  # a reply that opens with the name of the one it answers and quotes them: 'X Y "I said it"'
            if not (after or before):
                continue
            if after and not before and _MAIL_ATTRIBUTION.match(text, text.rfind("\n", 0, s) + 1):
                continue  # "On <date>, X Y wrote:": a mail reply's sender, not an author
            if before and before.group(0).strip().casefold() in ("see", "saw", "seeing") \
                    and not _WORK_AFTER.match(text, end):
                continue  # "to see X" is anyone; "to see X in concert" is a performer
            if before and before.group(0).strip().casefold().startswith("hör") and re.match(r"[ \t]+zu\b", text[end:end + 4]):
                continue  # "ich hör X Y zu": listening to someone talk, not to a record
            if cues.relation_before(text, s) or cues.title_before(text, s) or cues.greeting_before(text, s):
                continue
            named = before is not None and before.group(0).lstrip()[:5].casefold() == "named"
            if named:
                # "named him for Sennen Cove" is a place; and the given name of someone a child is named
                # after is that child's name too ("I'm X, named after X Y"): nothing spills from it
                if geo_place(text[s:end]) or knowledge().is_place(text[s:end]):
                    continue
                yield self.span(s, end, KEEP, reason="a full name someone is named after, no relation noun before it")
                continue
            t.doc.figure_words.update(w.casefold() for _, _, w in caps[i:j + 1])
            yield self.span(s, end, KEEP, reason="a full name talked about through the person's work")
            # a full name listed right after it is talked about the same way ("played X Y and Z W in the truck")
            k2 = j + 1
            q = _POSS_QUOTED.match(text, end)
            tt = _POSS_TITLE_CASE.match(text, end) if q is None and after is not None else None
            if tt is not None and " " in tt.group("title"):
                # "X Y's Gypsy Boy": the title in title case after the possessive is the work (one word
                # alone may be a pet name: "X Y's Tiger", left to the name rules)
                yield self.span(tt.start("title"), tt.end("title"), KEEP, reason="the title of a public person's work")
            if q is not None:  # 'X Y's "Title" and Z W': the list goes on after the title of X Y's work
                end = q.end()
                while k2 < n and caps[k2][0] < end:
                    k2 += 1
            while k2 + 1 < n and _PUBLIC_LIST.fullmatch(text, end, caps[k2][0]) and self._first_like(caps[k2][2]) \
                    and _NAME_GAP.fullmatch(text, caps[k2][1], caps[k2 + 1][0]) and self._surname_like(caps[k2 + 1][2]):
                last2 = k2 + 1
                if re.match(r"[ \t]+[A-Z]", text[caps[last2][1]:caps[last2][1] + 2]):
                    # a middle name, then the surname ("Z V W"), and no fourth capitalised word
                    if not (last2 + 1 < n and _blanks(text[caps[last2][1]:caps[last2 + 1][0]])
                            and self._surname_like(caps[last2 + 1][2])
                            and not re.match(r"[ \t]+[A-Z]", text[caps[last2 + 1][1]:caps[last2 + 1][1] + 2])):
                        break
                    last2 += 1
                end = caps[last2][1]
                t.doc.figure_words.update(w.casefold() for _, _, w in caps[k2:last2 + 1])
                yield self.span(caps[k2][0], end, KEEP, reason="a full name listed with a public person's")
                k2 = last2 + 1
            # the surname alone later in the same text is the same person ("X Y's book ... Y was there")
            for s2, _e2, w2 in caps[j + 1:]:
                if w2 == last and not (cues.title_before(text, s2) or cues.relation_before(text, s2)):
                    yield self.span(s2, s2 + len(w2), KEEP, reason="the surname of a public person named in full before")

    def _first_like(self, first: str) -> bool:
        """The first word of a pair can open a full name: no function word, and a given name, or a
        surname-like word that is no word ("Wisława Szymborska poems": a first name unknown to the
        lists). A function of the word and the word lists only: kept per word (asked for every
        word near a word about work, ~100 a comment)."""
        memo = self.__dict__.setdefault("_first_memo", {})
        hit = memo.get(first)
        if hit is None:
            if len(memo) > 200_000:  # a word list, not the corpus: bounded
                memo.clear()
            hit = memo[first] = self._first_rule(first)
        return hit

    def _firsts(self, words: set[str]) -> set[str]:
        """``{w for w in words if self._first_like(w)}`` by set operations on the words decided before
        (kept per word like ``_first_like``'s; after the first texts most words of a text are)."""
        yes = self.__dict__.setdefault("_first_yes", set())
        no = self.__dict__.setdefault("_first_no", set())
        if len(yes) + len(no) > 200_000:  # a word list, not the corpus: bounded
            yes.clear()
            no.clear()
        for w in words - yes - no:
            (yes if self._first_rule(w) else no).add(w)
        return words & yes

    def _first_rule(self, first: str) -> bool:
        cues, lex = self.cues, self.lex
        fcf = first.casefold()
        if fcf in cues.not_names or cues.function_word(fcf) or fcf.rstrip(".") in cues.titles \
                or fcf in cues.loan_titles:  # (another language's form of address: "with Mme Roy "nice"")
            return False  # (a title and a surname: "calls Dr Ong 'that girl doctor'" is someone's doctor)
        given = cues.any_given_name(fcf) or fcf in lex.first_names or fcf in lex.intl_names
        return given or (self._surname_like(first) and (lex.rank(fcf) is None or lex.proper_noun(fcf)))

    def _surname_like(self, w: str) -> bool:
        memo = self.__dict__.setdefault("_surname_memo", {})
        hit = memo.get(w)
        if hit is None:
            if len(memo) > 200_000:  # a word list, not the corpus: bounded
                memo.clear()
            cf = POSS.sub("", w).casefold()
            r = self.lex.rank(cf)
            hit = memo[w] = (len(cf) >= 2 and cf not in self.cues.not_names and not self.cues.function_word(cf)
                             and (r is None or r >= 3000 or self.lex.is_surname(cf) or self.lex.proper_noun(cf)))
        return hit


class QuotedNameRecognizer(Recognizer):
    """Someone quoted by a lower-case name or handle, which may be a phrase: "what hal in phoenix
    said", "+1 to what moss wrote". Runs before places, so a place inside a handle stays in it."""

    name, score = "quoted", 0.82
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        """The phrase must open with no function word ("what my mum said", "what the doctor said"
        are no handles) and hold a given name or a word rarer than everyday words."""
        if "what" not in t.low or not t.english:
            return
        cues, lex = self.cues, self.lex
        for m in _WHAT_SAID.finditer(t.text):
            words = m.group(1).split()
            first = words[0]
            if cues.function_word(first) or first in cues.not_names or first in cues.titles or lex.contraction(first):
                continue
            if words[-1] in ("in", "of", "and", "the", "a", "to"):
                continue
            if not any(cues.any_given_name(w) or (lex.rank(w) is None or lex.rank(w) >= 20000)
                       and not cues.function_word(w) for w in words):
                continue
            yield self.person(t, m.start(1), m.end(1), "quoted by name or handle ('what X said')")


_BLANKS = re.compile(r"[ \t]+")


def _blanks(gap: str) -> bool:
    """``_BLANKS.fullmatch(gap)`` as a truth value; the gap between two words is mostly one space."""
    return gap == " " or _BLANKS.fullmatch(gap) is not None


_FULL_NAME_GAP = re.compile(r"[ \t]*(?:[A-Z]\.[ \t]*)*(?:(?:van der|van|von|de|der|du|da)[ \t]+)?")
_NAME_GAP = re.compile(r"[ \t]+(?:[A-Za-z]\.[ \t]*|(?:da|de|do|dos|das|van|von|der|den|del|di|du|la|le|wa|bin|binti|ibn|al|el)[ \t]+)?")
# verbs that take a place as their object ("visiting X", "left X"), with the policy's ``places_before``
_PLACE_VERBS = ("visit", "visiting", "visited", "leave", "left")


def _place_word_before(rules, lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A preposition of place (the policy's ``places_before``, English and German, and in German text
    ``places_before_german``) or a verb of visiting before a word, perhaps with "the": with up to two
    lower-case words between ("in the old X"), and with one that is no pronoun or conjunction ("to the
    Gary area", not "to you and Gary")."""
    return _place_word_patterns(rules.places_before, rules.places_before_german if lang == "de" else frozenset())


@lru_cache(maxsize=8)
def _place_word_patterns(words: frozenset[str], more: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    from .multilingual import _alt  # (multilingual imports this module)
    head = r"\b(?:" + _alt(words | more | frozenset(_PLACE_VERBS)) + r")\s+(?:the\s+)?"
    return (re.compile(head + r"(?:[a-z]+\s+){0,2}$", re.I),
            re.compile(head + r"(?:(?!(?:and|or|you|me|him|her|us|them|my|your)\b)[a-z]+\s+)?$", re.I))
# "thank you to X", "a shout-out to X", "say hi to X", "I talked to X": "to" before someone, not somewhere
_TO_SOMEONE = re.compile(r"\b(?:thank(?:s|[ \t]+you)?|grateful|hugs?|shout[ -]?outs?|props|love|hello|hi|credit|kudos|"
                         r"condolences|congrats|congratulations|apologi[sz]e|sorry|talk(?:ed|ing)?|spoke|speak(?:ing)?|"
                         r"listen(?:ed|ing)?|said|say|wrote|write|writing|repl(?:y|ying|ied)|answer(?:ed|ing)?|"
                         r"married|engaged|kind|nice|mean|lied)[ \t]+to[ \t]+$", re.I)
_LIST_ITEM_BEFORE = re.compile(r"(?<![\w'’-])([A-Z\u00c0-\u00de][\w'’-]+),[ \t]*$")
# the next item of a comma list of names, perhaps after a kin word or title ("..., Aunty Xx, ...", "..., and Yy")
_LIST_ITEM_AFTER = re.compile(r",[ \t]*(?:and[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+(?=[A-Z]))?(?P<name>[A-Z\u00c0-\u00de][\w'’-]+)"
                              r"(?=[ \t]*(?:[,.;:!?)]|$|\n|[ \t]and[ \t]))")
_WORD_BEFORE_ITEM = re.compile(r"(?<![\w'’-])([A-Z][\w'’.-]*)[ \t]+$")
_COMMA_END = re.compile(r",[ \t]*$")
_PAREN = re.compile(r"\([^()\n]{0,60}\)")
# a greeting to the readers opening the introduction: "Hi all", "Hello everyone", "Salut tout le monde"
_INTRO_GREETING = re.compile(r"(?i)(?:hi|hey|hello|hiya|howdy|morning|evening|salut|bonjour|hallo|hola|olá|oi|ciao|hoi|"
                             r"kia ora|greetings)(?:[ \t]+(?:all|everyone|everybody|folks|friends|y['’]all|ladies|"
                             r"tout le monde|à tous|zusammen|todos|a todos|allemaal|iedereen|tutti|all of you))?")
# what marks a name as the writer's own: "X here", "I'm X", "Moi c'est X", "ich bin X", "soy X", "ik ben X"
_INTRO_MARK = re.compile(r"^(?:I['’]m|I am|[Mm]y name is|[Mm]oi,? c['’]est|[Jj]e suis|[Ii]ch bin|[Ss]oy|[Ss]ou|[Ii]k ben|"
                         r"[Ss]ono|[Mm]e llamo|[Mm]i chiamo)[ \t]+|[ \t]+here$")
# where "X and I" opens a clause: the text's start, a sentence or clause break, or "with" ("went on Liveline
# and I read" is no subject pair)
_CLAUSE_START = re.compile(r"(?:^|[.!?,;:(\n]|\bwith)[ \t]*$")
_IN_PLACE = re.compile(r"\b(?:in|from|near|outside|aus|bei|nach)[ \t]+$", re.I)
_SAID_AFTER = re.compile(r"[ \t]+(?:said|says|told|asked|texted|wrote|replied|messaged|thinks|sagt|sagte|hat gesagt)\b")
_GREETING_TO = re.compile(r"\b(?:hi|hello|hugs|love|greetings|regards|thanks|congrats)[ \t]+to[ \t]+$", re.I)
_LIST_NEXT = re.compile(r"[ \t]*(?:,|and|und|or|oder|&|/)[ \t]*([A-Z][\w'’.-]+(?:[ \t][A-Z][\w'’-]+)?)")
_LIST_PREV = re.compile(r"([A-Z][\w'’.-]+)[ \t]*(?:,|and|und|or|oder|&|/)[ \t]*$")
_PLACE_RIGHT_BEFORE = re.compile(r"\b(?:in|from|to|near|around|outside|visit|visiting|between|leave|left|"
                                 r"moved to|back to|live in|living in|nach|aus|bei|im raum|gezogen nach)\s+$")


@lru_cache(maxsize=2)
def place_pairs(places: frozenset[str]) -> frozenset[str]:
    """The first two words of every place name of several words ("new york", "buenos aires")."""
    return frozenset(" ".join(p.split(" ")[:2]) for p in places if " " in p)


def _place_pair(text: str, first: tuple[int, int, str], second: tuple[int, int, str], pairs: frozenset[str]) -> bool:
    """Whether a place name of two or more words can start with these two capitalised tokens
    ((start, end, token without "'s")): the phrase the recognizer looks up begins with the whole
    first token, a blank, then the second token whole (more words follow) or without "'s" (the
    last word), so its first two words, case-folded, are those of a place name (``pairs``)."""
    head = unmacron(text[first[0]:first[1]].casefold()) + " "
    return head + second[2].casefold() in pairs or head + text[second[0]:second[1]].casefold() in pairs


# prepositions that name where someone lives or goes ("from Donegal", "up in Moray"); not "to" or "at",
# which take people too ("I said to Kerry")
_SUBDIVISION_BEFORE = re.compile(r"\b(?:in|from|near|around|outside|across|through|into|towards|visiting|visited|"
                                 r"county|co\.|province of|state of|aus|nach|im|en|desde|uit|"
                                 r"(?:leaving|left|moving|moved|flying|flew|back|heading|headed|driving|drove|travell?ing|"
                                 r"travell?ed|returning|returned|emigrated|relocated|relocating)[ \t]+(?:to|for))[ \t]+$", re.I)


# a name or an age, then a comma, right before a word ("Tavita, Porirua", "24, Papatoetoe")
# (the name opens a sentence or a line: "...!! Sione, 24, Manukau." is no list of names "Ana, Lurdes, Zé.")
_INTRO_BEFORE = re.compile(r"(?:^|[.!?:\n][ \t]*|[^\w\s,;'’-][ \t]+)([A-Z\u00c0-\u00de][^\W\d_]+(?:['’-][^\W\d_]+)*)"
                           r"(?:,[ \t]*\d{1,3})?,[ \t]*$")
_PARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?i:van der|van den|van de|van|von|de la|de|der|den|da|di|du|del|della)[ \t]+$")


# Nouns of geography that end the name of a place: "Ellis Island", "Montego Bay", "Fergus Falls", "Crown
# Heights", "Klang Valley", "Mindil Beach" (not "Hill", "Wood", "Brook", "Head": surnames as often)
_GEO_HEADS = ("Island", "Islands", "Isle", "Bay", "Beach", "Lake", "Loch", "Lough", "River", "Mountains", "Valley",
              "Glen", "Falls", "Heights", "Hills", "Harbour", "Harbor", "Cove", "Creek", "Springs", "Canyon",
              "Peninsula", "Coast", "Strait", "Fjord", "Reservoir")
_GEO_PLACE = re.compile(r"(?<![\w'’-])((?:[A-Z\u00c0-\u00de][\w'’-]*[ \t]+){1,3})(?:" + "|".join(_GEO_HEADS) + r")\b")
_GEO_GATE = re.compile(_after_blank(_GEO_HEADS))
_GEO_WORDS = WordGate(_GEO_HEADS)  # (a head follows blanks in every _GEO_PLACE match, "\b" after it)


def geo_place(phrase: str) -> bool:
    """A capitalised phrase ending in a noun of geography ("Ellis Island", "Fergus Falls")."""
    m = _GEO_PLACE.fullmatch(phrase)
    return m is not None and m.group(1).split()[0] not in ("The", "A", "An", "My", "I")


# a run of capitalised words joined by the lower-case "of" of the Romance and Czech place names ("Puerto de la
# Cruz", "Icod de los Vinos", "Mogi das Cruzes", "Ústí nad Labem", "Nové Město na Moravě")
_UPPER = "A-ZÀ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_CAP_WORD = rf"[{_UPPER}][^\W\d_]+(?:-[^\W\d_]+)*"
_PLACE_JOINER = r"(?:de|del|de[ \t]+la|de[ \t]+las|de[ \t]+los|do|da|dos|das|di|della|delle|dei|nad|pod|na|u)"
_JOINED_PLACE = re.compile(rf"(?<![\w'’-]){_CAP_WORD}(?:[ \t]+{_CAP_WORD})*(?:[ \t]+{_PLACE_JOINER}[ \t]+{_CAP_WORD}"
                           rf"(?:[ \t]+{_CAP_WORD})*)+")
_JOINED_GATE = re.compile(rf"[ \t]{_PLACE_JOINER}[ \t]+[{_UPPER}]")
# (every _JOINED_GATE match holds a joiner after a blank, blanks after it: most texts hold none of the words)
_JOINED_WORDS = WordGate(w.replace("[ \\t]+", " ") for w in _PLACE_JOINER[3:-1].split("|"))
_CAP_WORD_RE = re.compile(_CAP_WORD)
_CAP_PAIR = re.compile(rf"(?<![\w'’-])({_CAP_WORD})[ \t]+({_CAP_WORD})(?![\w'’-])")


# a sentence start, or an age item of an introduction ("I'm X, 37, "), right before a word
_WHERE_PAIR_START = re.compile(r"(?:^|\n|[.!?][\"”’)]?[ \t]+|\b\d{1,3},[ \t]+|\bhere,[ \t]+)$")
_WHERE_PAIR_WORD = re.compile(r"[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*)?(?=,)")


# the writer has said their name already in the sentence before: "It's X from the group. Suburb, City."
_NAMED_ALREADY = re.compile(r"(?:\b[Ii]['’]m|\b[Ii][ \t]+am|\b[Ii]t['’]s|\bthis[ \t]+is|\bname[ \t]+is|\bhere)\b[^.!?\n]*[.!?][ \t]+$")
_PREP_AFTER = re.compile(r",[ \t]+(?:just[ \t]+)?(?:outside|near|close[ \t]+to)[ \t]")


class WherePairRecognizer(Recognizer):
    """Where the writer lives, said as two places: a suburb or town the gazetteer may lack, a comma, and the city
    or region of the gazetteer it lies in or near, opening a sentence ("Kubwana, Abuja. Since then ...",
    "Ferndale, outside Houston.", "I'm X, 37, Surulo, Lagos."). The first is kept with the second, before the
    address and lexicon rules read a word opening a sentence before a comma as a person addressed (see
    :func:`where_pair`)."""

    name, score = "place", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not self.policy.text.keep_places or "," not in t.text:
            return
        text, lex = t.text, self.lex
        for m in _WHERE_PAIR_WORD.finditer(text):
            s, e = m.span()
            start = _WHERE_PAIR_START.search(text, max(0, s - 6), s)
            if not start or not t.free(s, e):
                continue
            cf = m.group(0).casefold()
            if cf in self.cues.greet1 or cf in self.cues.closings or cf in t.doc.known \
                    or (lex.rank(cf) is not None and lex.rank(cf) < 5000):
                continue
            if self.cues.title_before(text, s) or self.cues.relation_before(text, s):
                continue  # "a Mrs. Gilsenan, in Castlebar": the period closes a title
            after_age = start.group(0)[:1].isdigit()
            here = start.group(0).startswith("here") and " " not in m.group(0) and not self._full_after_short(text, s, cf)
            if not (after_age or here  # ("Xx here, Yyy, Zzz.": named just before; not "Xx here, Xxxxx Yyy, Zzz.")
                    or _NAMED_ALREADY.search(text, max(0, s - 80), s) or _PREP_AFTER.match(text, e)):
                continue  # "Losana, Blacktown." opening a text: the writer's name and town
            if where_pair(lex, text, s, e, after_age=after_age):
                yield self.span(s, e, KEEP, reason="a town before the city or region it lies in ('X, <place>.')")

    @staticmethod
    def _full_after_short(text: str, s: int, cf: str) -> bool:
        """The word after "Xx here, " is the full name "Xx" is clipped from ("Tama here, Tamahau ...")."""
        m = re.search(r"([^\W\d_]+)[ \t]+here,[ \t]*$", text[max(0, s - 40):s])
        return m is not None and _clipped_from(m.group(1).casefold(), cf)


# initials, then the particles of an Afrikaans or Dutch surname and its capitalised main word: "PJ le Riche",
# "J.P. van Wyk", "M du Toit"
_INITIALS_PARTICLE = re.compile(r"(?<![\w'’.-])(?:[A-Z]\.?[ \t]?){1,3}[ \t]+(?:(?:janse|jansen)[ \t]+)?"
                                r"(?:van der|van den|van de|van|von|de la|de|du|le|la)[ \t]+[A-Z][a-z][\w'’-]*")


# the particles of the gate below, each between blanks there: where one of those substrings is in the text, the
# particle is a run of word characters of the lower-cased text (TextContext.words), so where none is, none is
_PARTICLE_RUNS = frozenset({"le", "du", "de", "van", "la", "von"})


class InitialsParticleRecognizer(Recognizer):
    """A person written as initials and a surname with its particles ("PJ le Riche", "J.P. van Wyk"): the
    lower-case particle between capitals marks an Afrikaans or Dutch surname, the initials the given names."""

    name, score = "initials_particle", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if t.words.isdisjoint(_PARTICLE_RUNS):  # (none of the substrings below can be in the text: see there)
            return
        if " le " not in text and " du " not in text and " de " not in text and " van " not in text \
                and " la " not in text and " von " not in text:
            return
        for m in _INITIALS_PARTICLE.finditer(text):
            ini = re.sub(r"[^A-Z]", "", text[m.start():m.end()].split(" ")[0] if "." not in m.group(0) else
                         re.match(r"(?:[A-Z]\.?[ \t]?)+", m.group(0)).group(0)).casefold()
            if ini in ("i", "a") or len(ini) > 1 and (self.lex.rank(ini) or 10 ** 6) < 10000 or not t.free(m.start(), m.end()):
                continue  # "I de ...", "A la ...": a pronoun or an article; "NY", "UK", "LA": no initials
            yield self.person(t, m.start(), m.end(), "initials and a surname with its particle")


class JoinedPlaceRecognizer(Recognizer):
    """A place of several words as the gazetteer holds it, found before the person rules take a word of it:
    words joined by a lower-case "of" ("Puerto de la Cruz", "Las Palmas de Gran Canaria", "Icod de los
    Vinos", "Ústí nad Labem"), which the place rule, reading runs of capitals, cannot join; and in a
    language that declines place names, two capitalised words whose case forms read back to a gazetteer
    place of two words ("do Hradce Králové", "z Králova Pole"). The whole name is kept."""

    name, score = "place", 0.8

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not self.policy.text.keep_places:
            return
        text, k = t.text, knowledge()
        if not _JOINED_WORDS.absent(t) and _JOINED_GATE.search(text):
            for m in _JOINED_PLACE.finditer(text):
                hit = self._longest(m)
                if hit is not None and t.free(*hit):
                    yield self.span(hit[0], hit[1], KEEP, reason="place of several words joined by 'de', 'do', 'nad' (GeoNames)")
        if t.lang in inflection.languages():
            for m in _CAP_PAIR.finditer(text):
                if not t.free(m.start(), m.end()):
                    continue
                seconds = inflection.nominatives(m.group(2), t.lang)
                hit = next((f"{a} {b}" for a in inflection.nominatives(m.group(1), t.lang) for b in seconds
                            if (a, b) != (m.group(1), m.group(2)) and k.is_place(f"{a} {b}")), None)
                if hit:
                    yield self.span(m.start(), m.end(), KEEP, reason=f"a case form of a place ('{hit}', GeoNames)")
            yield from self._declined_after_preposition(t)

    def _declined_after_preposition(self, t: TextContext) -> Iterator[Span]:
        """A one-word place in a case form ("z Rudy", "w Wesołej", "do Janowa", "z Libuše", "od Sapy") right after
        a preposition of place of the text's language (``places_before``): its nominative is a gazetteer place.
        Where that nominative is also a given name, only a town of 5,000+ people counts ("z Rudy" is Ruda), never a
        village of 500 ("u Marii" is at Maria's)."""
        from .multilingual import language_cues
        lc = language_cues()[0].get(t.lang)
        if lc is None:
            return
        k, text, lex = knowledge(), t.text, self.lex
        for s, e, _, core in t.caps:
            low = core.casefold()
            # (or a case ending that says "in"/"from" by itself, where the language has no preposition: "Turussa";
            # one that says "on"/"from" for people too only where the place is no name: "Tampereella", not "Salolle")
            inner = bool(lc.place_cases) and low.endswith(tuple(lc.place_cases))
            outer = bool(lc.outer_place_cases) and low.endswith(tuple(lc.outer_place_cases))
            if core.isupper() or not (inner or outer or lc.place_re.search(t.low, max(0, s - 12), s)) \
                    or not t.free(s, s + len(core)):
                continue
            for nom in inflection.nominatives(core, t.lang)[1:]:
                cf = nom.casefold()
                given = cf in lex.first_names or cf in lex.intl_names or inflection.declined_given(core.casefold(), t.lang)
                if outer and not inner and (given or lex.is_surname(cf) or inflection.declined_surname(low, t.lang)):
                    continue
                if k.is_place(nom) or not given and (k.is_small_place(nom) or k.is_subdivision(nom) or k.is_region(nom)):
                    yield self.span(s, s + len(core), KEEP, reason=f"a case form of a place ('{nom}', GeoNames) after a "
                                                                   f"preposition of place ({t.lang})")
                    break

    def _longest(self, m: re.Match) -> tuple[int, int] | None:
        """The longest stretch of the run that starts and ends with a capitalised word, holds a joiner and is a
        gazetteer place."""
        words = [(w.start() + m.start(), w.end() + m.start()) for w in _CAP_WORD_RE.finditer(m.group(0))]
        text = m.string
        best = None
        for i, (s, _) in enumerate(words):
            for j in range(len(words) - 1, i, -1):
                e = words[j][1]
                if best is not None and e - s <= best[1] - best[0]:
                    break
                phrase = re.sub(r"[ \t]+", " ", text[s:e])
                if " " in phrase and phrase != " ".join(text[a:b] for a, b in words[i:j + 1]) \
                        and knowledge().is_place(phrase):
                    best = (s, e)
                    break
        return best


def _greeting_word(cf: str, lang: str | None, cues: Cues) -> bool:
    """A greeting or closing word of English or of the text's language's cue table ("gracias", "hola")."""
    if cf in cues.greet1 or cf in cues.closings:
        return True
    from .multilingual import language_cues
    lc = language_cues()[0].get(lang or "en")
    return lc is not None and (cf in lc.greetings or cf in lc.closings)


def in_people_list(rec: Recognizer, t: TextContext, s: int, e: int) -> bool:
    """The word is an item of a comma list of one-word items (a kin word or title may stand before one) of which
    at least three others, before or after it, are people: given names of the name lists or names the post
    accepted, that are no places of the gazetteer, or persons found already."""
    text, k, doc = t.text, knowledge(), t.doc

    def person(a: int, b: int, w: str) -> bool:
        cf = w.casefold()
        if any(sp.kind in (PERSON, KNOWN) and sp.start <= a and b <= sp.end for sp in t.spans):
            return True
        return (cf in rec.lex.first_names or cf in rec.lex.intl_names or cf in doc.accepted or cf in doc.known) \
            and not k.is_place(w) and not rec.cues.function_word(cf)
    people, pos = 0, s
    for _ in range(4):
        m = _LIST_ITEM_BEFORE.search(text, max(0, pos - 30), pos)
        if not m:
            break
        people += person(m.start(1), m.end(1), m.group(1))
        pos = m.start(1)
        w = _WORD_BEFORE_ITEM.search(text, max(0, pos - 16), pos)  # "Aunty Xx": the kin word, then the name
        if w and (w.group(1).casefold() in rec.cues.kin_titles or w.group(1).casefold() in rec.cues.titles):
            pos = w.start(1)
    pos = e
    for _ in range(4):
        m = _LIST_ITEM_AFTER.match(text, pos)
        if not m:
            break
        a, b = m.span("name")
        people += person(a, b, m.group("name"))
        pos = b
    return people >= 3


# a place written with the saint's title abbreviated ("St. Leonhard", "Ste. Rose"), which the gazetteer spells out
# (the whole run of capitals only: "St Francis Xavier" is the saint, whom the rules for saints keep whole)
_SAINT_ABBREV_PLACE = re.compile(r"(?<![\w.])Ste?\.?[ \t]+[A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ]?[^\W\d_]+)*\b(?![ \t]+[A-ZÀ-Þ])")


class PlaceRecognizer(Recognizer):
    """Places from the GeoNames gazetteer and street names ("Church Road", "Thomaskirche" no; "Goethestraße"),
    kept unless the text uses the word as a person's name there ("my friend Sydney", "Georgia said")."""

    name, score = "place", 0.8

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not self.policy.text.keep_places:
            return
        k = knowledge()
        text = t.text
        for m in _STREET.finditer(text) if _STREET_GATE.search(text) else ():
            street = m.group(1)
            if " " not in street and t.english and self.lex.rank(street) is not None:
                continue  # "Cheering", "Offering": English words that end like a German street
            yield self.span(m.start(1), m.end(1), KEEP, reason="street name")
        for m in _GEO_PLACE.finditer(text) if not _GEO_WORDS.absent(t) and _GEO_GATE.search(text) else ():
            first = m.group(1).split()[0]
            if first in ("The", "A", "An", "My", "I") or self.cues.function_word(first.casefold()) \
                    or first.casefold() in self.cues.titles or first.casefold() in self.cues.greet1:
                continue  # "The Living Mountain" is a book; "Hi Lake" no place
            yield self.span(m.start(), m.end(), KEEP, reason="a place named by a noun of geography ('X Island', 'X Falls')")
        if "St" in text:
            for m in _SAINT_ABBREV_PLACE.finditer(text):
                if k.is_saint_place(m.group(0)) and t.free(m.start(), m.end()):
                    yield self.span(m.start(), m.end(), KEEP, reason="a place named after a saint, 'St.' for 'Sankt'/'Saint' (GeoNames)")
        toks = [(s, e, core) for s, e, _, core in t.caps]
        pairs = place_pairs(k.places)
        i = 0
        folded = t.caps_folded  # (toks case-folded, once per text)
        while i < len(toks):
            s, e, tok = toks[i]
            low = k.place_word(folded[i])
            if low not in k.places and low not in k.place_first_words:
                if "-" in low and self._hyphened_place(t, s, s + len(tok), low):
                    yield self.span(s, s + len(tok), KEEP, reason="place (GeoNames), its words joined by hyphens")
                i += 1
                continue
            hit = None
            # a place of several words starts with the first two words of one ("My", "I", "The" are
            # first words of places, and 60 % of capitalised tokens): without them no longer one is tried
            multi = low in k.place_first_words and i + 1 < len(toks) and _place_pair(text, toks[i], toks[i + 1], pairs)
            for n in (4, 3, 2, 1):  # longest place name first: "Buenos Aires", "New York"
                j = i + n - 1
                if j >= len(toks):
                    continue
                if n == 1 and low not in k.places:
                    break
                if n > 1 and (not multi or low not in k.place_first_words or not all(
                        _blanks(text[toks[x][1]:toks[x + 1][0]]) for x in range(i, j))):
                    continue
                end = toks[j][0] + len(toks[j][2])
                if k.is_place(text[s:end]):
                    hit = (s, end, j)
                    break
            if hit is None:
                i += 1
                continue
            hs, he, j = hit
            if j == i and self._not_a_place_here(t, hs, he):
                i += 1
                continue
            if j == i and t.english and folded[i] in _ORG_HEADS and i and _blanks(text[toks[i - 1][1]:s]) \
                    and toks[i - 1][1] == toks[i - 1][0] + len(toks[i - 1][2]):
                i += 1  # "Xxx Medical College", "Yyy Academy": the head noun of an institution's name, not the
                continue  # town of that name (GeoNames has a College and an Academy); the organisations' rule keeps it
            if not self._used_as_name(t, hs, he):
                yield self.span(hs, he, KEEP, reason="place (GeoNames)")
            i = j + 1
        yield from self._subdivisions(t, toks)
        yield from self._geo_named(t)
        yield from self._small_places(t, toks)
        if "from " in text or "fae " in text:
            yield from self._unlisted_home(t)
        if ", " in text:
            yield from self._districts(t, toks)
        if " in " in text:
            for a in _IN_CAPITAL.finditer(text):  # (" in " before a capital, then the noun before it)
                m = _WORKPLACE_IN.search(text, max(0, a.start() - 12), a.end() + 40)
                if m is None or m.start(1) != a.end():
                    continue
                s, e = m.span(1)
                cf = m.group(1).casefold()
                if cf in self.lex.first_names or cf in self.lex.intl_names or self.lex.is_surname(cf) \
                        or cf in t.doc.known or cf in t.doc.accepted or (self.lex.rank(cf) is not None
                                                                        and not self.lex.proper_noun(cf)):
                    continue
                yield self.span(s, e, KEEP, reason="where a bank, an office or a home is ('a bank in X')")
        if t.lower_style:  # "im in leeds", "from izmir", "leave brighton": lower-case places after a place word
            low = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[a-z]+", text)]
            kept_to = -1
            for i, (s, e, w) in enumerate(low):
                if s < kept_to:
                    continue
                found = self._lower_place(t, low, i)
                if found is not None:
                    kept_to = found[1]
                    yield self.span(found[0], found[1], KEEP, reason=found[2])
                    continue
                if not _PLACE_RIGHT_BEFORE.search(text[max(0, s - 20):s]):
                    # "im jinty, paisley, 61", "deano here, byker, newcastle. 39": where the writer is, in the
                    # list that introduces them with their age
                    if s > 2 and text[s - 2:s] == ", " and _AGE_AFTER.match(text, e) and k.is_place(w) \
                            and not self.cues.function_word(w) and self._intro_place_lower(text, s, e, w):
                        yield self.span(s, e, KEEP, reason="place (GeoNames), lower case, in an introduction with an age")
                    continue
                two = low[i + 1] if i + 1 < len(low) and text[e:low[i + 1][0]] == " " else None
                for cs, ce in ((s, two[1]), (s, e)) if two else ((s, e),):
                    r = self.lex.rank(w)
                    # (a word the dictionary writes only capitalised is a name or a place, not a word:
                    # "in london", "in glasgow"; "in reading", "in bath" are words too)
                    if k.is_place(text[cs:ce]) and (ce > e or r is None or r >= 5000 or self.lex.proper_noun(w)):
                        yield self.span(cs, ce, KEEP, reason="place (GeoNames), lower case")
                        break
                else:
                    # a town of 500+ people or a province or county, after the place word: no word of any
                    # list, no given name ("is in nipawin", "from saskatchewan"; not "in will", "to kerry")
                    if (w in k.small_places or w in k.subdivisions) and self.lex.rank(w) is None \
                            and not self.lex.ordinary_in(w) and not self.cues.any_given_name(w) \
                            and w not in self.lex.first_names and w not in self.lex.intl_names \
                            and w not in t.doc.accepted and w not in t.doc.known:
                        yield self.span(s, e, KEEP, reason="a town or province (GeoNames, ISO 3166-2) after a place word, lower case")

    def _lower_place(self, t: TextContext, low: list[tuple[int, int, str]], i: int) -> tuple[int, int, str] | None:
        """A place or a nationality word in text written without capitals, by its shape alone:
        a nationality or language word ("in french", "polish food"); a place of two words neither of
        them a common word nor a given name and a surname ("des moines", "ann arbor"); a place and
        the state or country it is in ("olympia, washington", "joliet, illinois"); a place that the
        dictionary writes only capitalised and no one's given name, opening a bracket ("(glasgow,
        they/them)"). A title, a relation noun or a naming phrase before it makes it a person."""
        text = t.text
        s, e, w = low[i]
        found = self._lower_place_shape(t, low, i)
        if found is None or (s and text[s - 1] in "-_.@/") or text[e:e + 1] in ("-", "_", "@", "/") \
                or w in t.doc.known or w in t.doc.accepted:
            return None  # (a piece of a handle or an address: "leeds-heron", "olympia_x")
        cues = self.cues
        if cues.title_before(text, s) or cues.relation_before(text, s) or cues.named_before(text, s):
            return None
        return found

    def _lower_place_shape(self, t: TextContext, low: list[tuple[int, int, str]], i: int) -> tuple[int, int, str] | None:
        """:meth:`_lower_place` without the checks of what comes before the word."""
        k, lex, cues, text = knowledge(), self.lex, self.cues, t.text
        s, e, w = low[i]  # (w is [a-z]+: looked up in the case-folded lists as it is)
        if w in k.demonyms:  # (singular only: "my wife thais" is someone)
            return s, e, "nationality or language word, lower case"
        if w in k.regions:
            m = _LOWER_REGION_AND.match(text, e)
            if m is not None and k.is_region(m.group(1)):
                return s, m.end(1), "states or countries coordinated, lower case ('ohio and kentucky')"
        end, words = e, 1
        if i + 1 < len(low) and text[e:low[i + 1][0]] == " " and w in k.place_first_words:
            w2 = low[i + 1][2]
            r2 = lex.rank(w2)
            if k.is_place(f"{w} {w2}") and not cues.function_word(w) and (r2 is None or r2 >= 3000) \
                    and not (cues.any_given_name(w) and (lex.is_surname(w2) or cues.any_given_name(w2))) \
                    and f"{w} {w2}" not in t.doc.accepted:
                end, words = low[i + 1][1], 2
        if words == 1 and not (w in k.places and not cues.function_word(w) and (
                lex.rank(w) is None or lex.rank(w) >= 5000 or lex.proper_noun(w))):
            return None
        m = _LOWER_REGION_AFTER.match(text, end)
        given = words == 1 and (cues.any_given_name(w) or w in lex.first_names or w in lex.intl_names)
        if m is not None:
            for region in (m.group(1), m.group(1).split(" ")[0]):
                # a given name before a county and an age introduces the writer ("sharon, wigan, 52"):
                # after a given name only a state or country counts, and no age after it
                if k.is_region(region) or (not given and k.is_subdivision(region)):
                    if given and _AGE_AFTER.match(text, m.start(1) + len(region)):
                        break
                    return s, m.start(1) + len(region), "a place and its state or country, lower case"
        if words == 2:
            return s, end, "place (GeoNames) of two words, lower case"
        if s > 0 and text[s - 1] == "(" and re.match(r"[ \t]*[,)]", text[e:e + 2]) and lex.proper_noun(w) \
                and not given:
            return s, e, "place (GeoNames) opening a bracket, lower case"
        return None

    def _intro_place_lower(self, text: str, s: int, e: int, w: str) -> bool:
        """A place that is also a given name ("paisley", "sharon", "brooklyn") is where only right after
        the writer's name and right before the age ("im jinty, paisley, 61"); as the first item after
        other words ("me daughter really, brooklyn, 17") or before another place it is the person."""
        if not (w in self.lex.first_names or w in self.lex.intl_names):
            return True
        prev = re.search(r"([a-z]+),[ \t]*$", text[max(0, s - 24):s])
        if prev is None or not re.match(r"[ \t]*[,.][ \t]*\d{1,2}\b", text[e:e + 8]):
            return False
        pw = prev.group(1)
        return not self.cues.function_word(pw) and (self.lex.rank(pw) is None or pw in self.lex.first_names
                                                    or pw in self.lex.intl_names)

    def _subdivisions(self, t: TextContext, toks: list[tuple[int, int, str]]) -> Iterator[Span]:
        """A province, state or county (ISO 3166-2) where the sentence names a place: "from Donegal",
        "up in Moray", "Greetings from Nova Scotia", "Cork, Kerry and Galway". Many are also names
        ("Kerry", "Flores"), so never alone, and never after "to" or "at" ("I said to Kerry")."""
        k, text = knowledge(), t.text
        folded = t.caps_folded  # (the case-folded ``toks``: the loop below skips a token that is none of these)
        if k.subdivisions.isdisjoint(folded) and k.subdivision_first_words.isdisjoint(folded) \
                and (plain := "".join(folded)).isascii() and "'" not in plain:
            return  # (every token plain ASCII without "'", and none a subdivision or a first word of one)
        for i, (s, _e, tok) in enumerate(toks):
            low = tok.casefold()
            if low not in k.subdivisions and low not in k.subdivision_first_words \
                    and (low.isascii() and "'" not in low or not k.is_subdivision(low)):
                continue
            for n in (3, 2, 1):
                j = i + n - 1
                if j >= len(toks) or not all(_BLANKS.fullmatch(text[toks[x][1]:toks[x + 1][0]]) for x in range(i, j)):
                    continue
                end = toks[j][0] + len(toks[j][2])
                if not k.is_subdivision(text[s:end]):
                    continue
                if _SUBDIVISION_BEFORE.search(text, max(0, s - 24), s) or self._in_place_list(text, s, end):
                    if not (self.cues.title_before(text, s) or self.cues.relation_before(text, s)):
                        yield self.span(s, end, KEEP, reason="province, state or county (ISO 3166-2) named as a place")
                break

    def _small_places(self, t: TextContext, toks: list[tuple[int, int, str]]) -> Iterator[Span]:
        """A town or village of 500 to 5,000 people (GeoNames cities500) where the sentence names a
        place (``local_places``): "from Keith up in Moray", "the beaches at Cullen"; never alone."""
        k, text = knowledge(), t.text
        pairs = place_pairs(k.small_places)
        folded = t.caps_folded  # (toks case-folded, once per text)
        for i, (s, _e, tok) in enumerate(toks):
            low = folded[i]
            # a name of several words only where its first two words are those of one ("Tseung Kwan")
            multi = low in k.small_place_first_words and i + 1 < len(toks) \
                and f"{low} {folded[i + 1]}" in pairs
            if not multi and low not in k.small_places and (low.isascii() and "'" not in low or not k.is_small_place(low)):
                continue
            for j in range(min(i + 3, len(toks) - 1) if multi else i, i - 1, -1):
                if not all(_BLANKS.fullmatch(text[toks[x][1]:toks[x + 1][0]]) for x in range(i, j)):
                    continue
                end = toks[j][0] + len(toks[j][2])
                if not k.is_small_place(text[s:end]):
                    continue
                cf = text[s:end].casefold()
                given = cf in self.lex.first_names or cf in self.lex.intl_names
                why = local_place_evidence(text, s, end, given, k)
                if why is None and not given and re.match(r"[ \t]*(?:[,.;]|$)", text[end:end + 2]):
                    if self._intro_item(text, s, end):
                        why = "a town or village (GeoNames cities500) in the list that introduces the writer"
                    elif self._listed_with_place(text, s, end) and not in_people_list(self, t, s, end):
                        why = "a town or village (GeoNames cities500) listed with another place"
                if why and not (self.cues.title_before(text, s) or self.cues.relation_before(text, s)
                                or self.cues.named_before(text, s) or SELF_INTRO.search(text, max(0, s - 16), s)
                                or cf in t.doc.known or cf in t.doc.accepted):
                    yield self.span(s, end, KEEP, reason=why)
                break

    def _unlisted_home(self, t: TextContext) -> Iterator[Span]:
        """A word of no name list and no dictionary where the sentence says someone comes from it ("my dad is from
        Xx", "Yy here, from Xx", "hello from Xx", Scots "a loon fae Xx"): a neighbourhood, a suburb or a village the
        gazetteers lack. A message or help "from" someone names a person, and so does a full name after it."""
        text, lex, cues = t.text, self.lex, self.cues
        for m in _FROM_WORD.finditer(text):
            s, e = m.span(1)
            # (Scots "fae" read as "from" for the evidence before it)
            before = re.sub(r"\b[Ff]ae([ \t]+)$", r"from\1", text[max(0, m.start() - 24):s])
            if not _FROM_HOME.search(before) and not _GREETING_FROM.search(before):
                continue
            if _CAP_WORD_AFTER.match(text, e) or text[e:e + 2] in ("'s", "’s") or text[e:e + 1] in "-_@":
                continue
            cf = m.group(1).casefold()
            if cf in lex.first_names or cf in lex.intl_names or lex.is_surname(cf) or cues.any_given_name(cf) \
                    or lex.rank(cf) is not None or lex.ordinary_in(cf) or cf in t.doc.known \
                    or cues.title_before(text, s) or cues.relation_before(text, s):
                continue
            yield self.span(s, e, KEEP, reason="a word of no name list or dictionary after 'from' where someone comes "
                                               "from: a place the gazetteers lack")

    def _geo_named(self, t: TextContext) -> Iterator[Span]:
        """A name the sentence calls a place by a noun of geography beside it: "the river X", "named
        after the river X"; "X, the town", "X the actual river" (an apposition ending the phrase); a
        saint's name before its city ("St X, Bristol"). A title, a relation noun or a naming phrase
        before it makes it a person."""
        text, cues, low = t.text, self.cues, t.low
        found: list[tuple[re.Match[str], str]] = []
        for noun in ("river ", "mount ", "lake "):  # (found with str.find: "amount" holds "mount")
            i = low.find(noun)
            while i >= 0:
                m = _GEO_NOUN_NAME.match(text, i)
                if m is not None and (i == 0 or not text[i - 1].isalnum()) and (
                        text[i:i + 5] in ("river", "Mount") or _A_OR_THE_END.search(text, max(0, i - 5), i)):
                    found.append((m, "a river or mountain named by its noun ('the river X')"))
                i = low.find(noun, i + 1)
        if "the " in low:
            for a in _GEO_APPOSITION_NOUN.finditer(text):  # (the noun first: a literal the engine skips to)
                m = _GEO_APPOSITION.search(text, max(0, a.start() - 40), a.end() + 24)
                if m is not None and m.end() == a.end():
                    found.append((m, "a place named by a noun of geography after it ('X, the town')"))
        if "St " in text or "St. " in text or "Saint " in text:
            found += [(m, "a saint's name before its city ('St X, Bristol')") for m in _SAINT_PLACE.finditer(text)
                      if m.start() == 0 or text[m.start() - 1] not in "'’-" and not text[m.start() - 1].isalnum()]
        for m, why in found:
            if True:
                s, e = m.span(1)
                if m.re is _SAINT_PLACE and not knowledge().is_place(m.group(2)) and not knowledge().is_region(m.group(2)):
                    continue
                if cues.title_before(text, s) or cues.relation_before(text, s) or cues.named_before(text, s):
                    continue
                yield self.span(s, e, KEEP, reason=why)

    def _districts(self, t: TextContext, toks: list[tuple[int, int, str]]) -> Iterator[Span]:
        """A district or neighbourhood named after its city in a list that says where the writer is:
        "from Chennai, Mylapore.", "Manchester, Levenshulme. My ...", "North Shore, Haleʻiwa. I ...".
        GeoNames' city list lacks most districts; the city before the comma, itself opening the list
        (after "from", "here", a comma, a bracket or the start of a line; not "in": "good luck in Leeds, X."), is the evidence. The word must be no
        given name or surname of the name lists and no known or accepted name of the post, and the
        sentence must go on after it (a name closing a text after a place is a signature: "Love from
        Leeds, X.")."""
        k, text, lex = knowledge(), t.text, self.lex
        for i, (s, e, tok) in enumerate(toks):
            if i == 0 or text[s - 2:s] != ", ":
                continue
            m = _DISTRICT_AFTER.match(text, e)
            if m is None or "\n" in text[e:m.end()] or not text[m.end():].strip():
                continue
            cf = tok.casefold()
            if cf in lex.first_names or cf in lex.intl_names or lex.is_surname(cf) or self.cues.any_given_name(cf) \
                    or cf in t.doc.known or cf in t.doc.accepted or (lex.rank(cf) is not None and not lex.proper_noun(cf)):
                continue
            # the place before the comma: one to three capitalised words ending right before it
            j = i - 1
            while j > 0 and i - j < 3 and _blanks(text[toks[j - 1][1]:toks[j][0]]):
                j -= 1
            for a in range(j, i):
                city = text[toks[a][0]:toks[i - 1][0] + len(toks[i - 1][2])]
                if toks[i - 1][0] + len(toks[i - 1][2]) != s - 2:
                    break
                if not (k.is_place(city) or k.is_region(city) or k.is_subdivision(city)):
                    continue
                if " " not in city and _greeting_word(city.casefold(), t.lang, self.cues):
                    break  # "Gracias, X.", "Merci, X.": a greeting that a town is named too, then the person thanked
                if _DISTRICT_OPENING.search(text, max(0, toks[a][0] - 12), toks[a][0]):
                    yield self.span(s, e, KEEP, reason="a district named after its city ('from X, Y.')")
                break

    def _listed_with_place(self, text: str, s: int, e: int) -> bool:
        """A list item next to a town, country or state that is no given name, neither of them right
        after a capitalised word (a surname after a given name: "Mary Maclean, Inverness") and this one
        not opening the sentence (the writer's name: "Mordy, Queens")."""
        k = knowledge()

        def place(w: str, at: int) -> bool:
            return (k.is_place(w) or k.is_region(w)) and not self.cues.any_given_name(w.casefold()) \
                and not _GIVEN_BEFORE.search(text, max(0, at - 30), at)
        if _GIVEN_BEFORE.search(text, max(0, s - 30), s) or self.cues.is_initial(text, s):
            return False
        m = _LIST_NEXT.match(text, e)
        if m and place(m.group(1), m.start(1)):
            return True
        m = _LIST_PREV.search(text, max(0, s - 30), s)
        return bool(m) and place(m.group(1), m.start(1))

    def _hyphened_place(self, t: TextContext, s: int, e: int, low: str) -> bool:
        """A place of several words the gazetteer holds with blanks, written as one with hyphens, as French and
        creole spelling joins a town's words ("Rose-Hill", "Quatre-Bornes" for GeoNames' "Rose Hill", "Quatre
        Bornes"). Where every part is a given name ("Rose-Belle", "Maria-Helena") it is also a double given name:
        then only after a preposition of place of English or of the text's language ("à Rose-Belle"). Never where
        the text uses it as a name (a title, a relation noun, a naming phrase before it)."""
        k = knowledge()
        spaced_ = low.replace("-", " ")
        if spaced_ not in k.places:
            return False
        text = t.text
        parts = spaced_.split()
        if all(self.cues.any_given_name(p) or p in self.lex.first_names or p in self.lex.intl_names for p in parts):
            from .multilingual import language_cues
            lc = language_cues()[0].get(t.lang or "en")
            before = text[max(0, s - 40):s]
            if not (_place_word_before(self.cues.policy.rules, t.lang)[0].search(before)
                    or lc is not None and lc.place_re.search(t.low, max(0, s - 12), s)):
                return False
        return not self._used_as_name(t, s, e)

    def _not_a_place_here(self, t: TextContext, s: int, e: int) -> bool:
        """A one-word place that reads otherwise here: an ordinary word opening a sentence ("Reading
        this on the bus", "Silly one."), or a surname after a given name ("Matthew Perry")."""
        text = t.text
        word = text[s:e]
        if _place_word_before(self.cues.policy.rules, t.lang)[0].search(text[max(0, s - 40):s]):
            return False
        if t.english:
            r = self.lex.rank(word)
            if r is not None and r < 20000 and self.lex.dictionary_word(word) and self.cues.is_initial(text, s):
                return True
        m = _NAME_BEFORE.search(text, max(0, s - 30), s)
        if m and m.group("name")[:1].isupper() and re.fullmatch(r"[ \t]+", text[m.end("name"):s]):
            before = m.group("name").casefold()
            return self.cues.any_given_name(before) and not knowledge().is_place(m.group("name"))
        return False

    def _intro_item(self, text: str, s: int, e: int) -> bool:
        """The place is an item of the comma list in which the writer introduces themself, after their
        name: "Ivy here, Dublin, 68", "Hope here, Hope Quill, Ennis.", "I'm Bracha, Pikesville,
        Baltimore", "Lenny here, Leonard Abel, Montreal originally", "Salut tout le monde, Prosper Lum,
        Schaerbeek". The sentence before it holds only the greeting, the name (given, full, or
        "X here", "I'm X") and ages; a verb of saying after the word makes it a person again."""
        if not _COMMA_END.search(text, max(0, s - 3), s):
            return False
        a = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s), text.rfind("! ", 0, s), text.rfind("? ", 0, s))
        head = _PAREN.sub("", text[a + 1:s]).strip()
        items = [x.strip() for x in head.split(",")]
        if items[-1] != "" or len(items) < 2 or len(items) > 6:
            return False
        items = items[:-1]
        if _INTRO_GREETING.fullmatch(items[0]):
            items = items[1:]
        if len(items) > 1 and _INTRO_MARK.search(items[1]) and re.fullmatch(r"[A-Z\u00c0-\u00de][\w'’-]*", items[0]):
            items = items[1:]  # "Shira, I'm Bracha, Pikesville": the person answered, then the introduction
        if not items:
            return False
        first = _INTRO_MARK.sub("", items[0]).strip()
        marked = first != items[0]
        words = first.split()
        if not words or len(words) > 4 or not all(w[:1].isupper() for w in words) \
                or words[0].casefold() in self.cues.greet1 or words[0].casefold() in self.cues.closings:
            return False  # ("Thanks Anna, Sydney ...": a greeting, then whom)
        if not marked and (len(words) < 2 or (a >= 0 and text[a] != "\n") or not (
                words[0].casefold() in self.lex.first_names or words[0].casefold() in self.lex.intl_names)):
            return False  # a bare name opens the list only as a full name at the start of a line ("Vielen Dank, X")
        if re.match(r"[ \t]+[A-Z\u00c0-\u00de]", text[e:e + 2]):
            return False  # "Hope here, Hope Quill, ...": a given name, then a surname
        for item in items[1:]:
            if not (item.isdigit() or all(w[:1].isupper() or w in ("de", "van", "von", "da", "here") for w in item.split())):
                return False
        return not (self.cues.context_after(text, e, False) or _SAID_AFTER.match(text, e)
                    or self.cues.subject_of_verb(text, e))  # "Counsellor here, X named me so ..."

    def _in_place_list(self, text: str, s: int, e: int) -> bool:
        """Coordinated with another place: "Georgia and Illinois", "Berlin, Hamburg, Zürich, Linz"."""
        k = knowledge()

        def placey(w: str) -> bool:  # "UK", "USA", "EU" in a list of countries are no one's initials
            return k.is_place(w) or (w.isupper() and w.casefold() in self.cues.acronyms)
        m = _LIST_NEXT.match(text, e)
        if m and placey(m.group(1)):
            return True
        m = _LIST_PREV.search(text, max(0, s - 30), s)
        return bool(m) and placey(m.group(1))

    def _after_name_or_age(self, text: str, s: int) -> bool:
        m = _INTRO_BEFORE.search(text, max(0, s - 40), s)
        if m is None:
            return False
        cf = m.group(1).casefold()
        if cf in self.cues.greet1 or cf in self.cues.closings or cf in self.cues.not_names or cf in INTERJECTIONS \
                or self.cues.function_word(cf):
            return False
        return self.lex.rank(cf) is None or cf in self.cues.first_names or cf in self.cues.intl_names

    def _in_name_list(self, text: str, s: int) -> bool:
        """Two of the (up to three) items before this one in a comma list are given names that are no
        places: the list is of people ("Felice, Chiara, Gioia, Stella"); one is not enough ("Seamus,
        Cavan, 83" introduces a man and his county)."""
        pos, people = s, 0
        for _ in range(3):
            m = _LIST_ITEM_BEFORE.search(text, max(0, pos - 30), pos)
            if not m:
                break
            w = m.group(1)
            cf = w.casefold()
            if (cf in self.lex.first_names or cf in self.lex.intl_names) and not knowledge().is_place(w):
                people += 1
            pos = m.start(1)
        return people >= 2

    def _used_as_name(self, t: TextContext, s: int, e: int) -> bool:
        text, cues = t.text, self.cues
        cf = text[s:e].casefold()
        if SELF_INTRO.search(text, max(0, s - 16), s) or _NAME_IS_MINE.match(text, e):
            return True  # "i'm Tui, from ...", "Tui is my middle name": a place is never what someone is called so
        if self._intro_item(text, s, e):
            return False  # "Ivy here, Dublin, 68", "I'm Bracha, Pikesville, Baltimore.": where the writer is
        if cues.title_before(text, s) or cues.relation_before(text, s) or cues.named_before(text, s) \
                or _GREETING_TO.search(text, max(0, s - 24), s) or _TO_SOMEONE.search(text, max(0, s - 30), s):
            return True  # "my granddaughter Florence", "say hello to Florence", "thank you to Cody"
        p = _PARTICLE_BEFORE.search(text, max(0, s - 12), s)
        if p and cues.title_before(text, p.start()):
            return True  # "dr. Van Rijswijk", "Mevrouw van Gent": a surname after a title and its particle
        if " " not in cf and (cf in self.lex.first_names or cf in self.lex.intl_names) and self._in_name_list(text, s):
            return True  # "Grazie a Felice, Chiara, Gioia, Stella, Siena": given names listed with given names
        if " " not in cf and not knowledge().is_region(cf) and in_people_list(self, t, s, e):
            return True  # "Thank you all: Xx, Yy, Aunty Zz, Apia, Ww, Vv": a word in a long list of people
        if self._in_place_list(text, s, e):
            return False  # "Georgia and Illinois", "(Ireland, UK, Australia)", "Berlin, Hamburg, Linz"
        if _IN_PLACE.search(text, max(0, s - 12), s) and " " not in cf.strip() and cf not in t.doc.known:
            # "my counsellor in Shepparton said": after "in"/"from"/"near" the word is where, and the
            # verb after it belongs to the person before ("in X said" never makes X the speaker)
            return False
        if EnglishNameRecognizer._and_i(text, e) and EnglishNameRecognizer._town_name(text[s:e]) \
                and _CLAUSE_START.search(text, max(0, s - 8), s):
            return True  # "Sedona and I went": a town going somewhere with the writer is someone named for it
        if knowledge().is_region(cf):
            # a country or state that is also a given name ("Kenya", "Jamaica", "Indiana") is the
            # place unless the text says plainly that it is someone: not by opening a line or by
            # being a given name
            return (_KISSES_END.match(text, e) is not None or cues.signoff(text, s, e) or cf in t.doc.known
                    or cues.greeting_before(text, s) or _SAID_AFTER.match(text, e) is not None
                    or (re.search(r",[ \t]*$", text[max(0, s - 3):s]) is not None
                        and re.match(r"[ \t]*[.!?]+(?:\s|$)|[ \t]*$", text[e:e + 4]) is not None)
                    or re.match(r",[ \t]+(?:you|i|thank|thanks|ty|same|sorry|yes|no|agree)\b", text[e:e + 12],
                                re.I) is not None)
        if re.search(r",[ \t]*$", text[max(0, s - 3):s]) and re.match(r"[ \t]*[.!?]+(?:\s|$)|[ \t]*$", text[e:e + 4]) \
                and (cf in self.lex.first_names or cf in self.lex.intl_names):
            # "..., Lutz." addresses a person ("I am Precious, Port Harcourt." names where); not where a
            # name or an age opening the sentence comes before the comma: a writer saying who and where
            # they are ("Tavita, Florence.", "me!! Sione, 24, Manukau.")
            return not self._after_name_or_age(text, s)
        if re.search(r",[ \t]*$", text[max(0, s - 3):s]) and self._after_name_or_age(text, s) \
                and re.match(r"[ \t]*[.!?]+(?:\s|$)|[ \t]*$", text[e:e + 4]):
            return False  # "me!! Sione, 24, Manukau." closing the comment: where the writer is
        if _KISSES_END.match(text, e) or cues.signoff(text, s, e):
            return True  # "Tui x" closing a comment
        if " " not in cf and (cf in self.lex.first_names or cf in self.lex.intl_names):
            # "Sydney", "Georgia", "Adelaide" are also given names: a place only right after a place
            # word ("in Sydney", "from the Gary area"), not "thinking of you and Gary"
            if _place_word_before(cues.policy.rules, t.lang)[1].search(text[max(0, s - 24):s]) \
                    and not _TO_SOMEONE.search(text, max(0, s - 30), s):
                return False
            if cf in t.doc.place_role and not (cues.greeting_before(text, s) or cues.vocative_start(text, s, e)
                                               or cues.context_after(text, e, False) or cf in t.doc.accepted):
                return False  # the post says "moving to Georgia": "Georgia has ..." is the place too
            m = re.match(r",\s*([A-Z][\w]+(?:\s[A-Z]\w+)?)", text[e:e + 40])  # "Sydney, Australia"
            return not (m and len(m.group(1)) > 2 and knowledge().is_place(m.group(1)))
        if cues.title_before(text, s) or cues.relation_before(text, s) or cues.named_before(text, s):
            return True
        poss = text[e:e + 2] in ("'s", "’s")
        if cues.context_after(text, e + 2 if poss else e, poss):
            return True
        if cf in t.doc.known or cf in t.doc.accepted:
            return True
        return cues.greeting_before(text, s) or cues.vocative_start(text, s, e)


# Head nouns of organisations in English: a capitalised phrase ending in one names an institution
# ("Kenyatta National Hospital", "Mental Health Authority", "Accra Psychiatric Hospital"), never a person,
# whatever given names or surnames it starts with.
_ORG_HEADS = frozenset((
    "hospital", "hospitals", "clinic", "clinics", "health", "healthcare", "board", "trust", "authority",
    "centre", "center", "university", "universiti", "college", "school", "academy", "church", "chapel",
    "foundation", "service", "services", "council", "ministry", "institute", "institution", "society",
    "association", "commission", "department", "agency", "charity", "helpline", "network", "partnership",
    "infirmary", "federation", "union", "alliance", "bank", "company", "corporation", "inc", "ltd", "llc",
    "gmbh", "group", "library", "museum", "press", "publishing", "records", "studios", "radio", "mission",
    "project", "programme", "program", "initiative", "collective", "cooperative", "co-op", "surgery",
    # schools as New Zealand, Australia and Britain name them ("X Collegiate", "X Primary", "X Grammar"), and the
    # secondary schools of Scotland and North America ("Anderson High", "Springfield High")
    "collegiate", "primary", "grammar", "high",
))
# nouns of the things, places and staff of a shop, an app or a company: "my X manager", "her X link"
_BRAND_NOUN_WORDS = ("manager", "link", "app", "account", "profile", "order", "delivery", "parking", "store", "shop",
                     "branch", "card", "points", "subscription", "membership", "website", "voucher", "uniform",
                     "pharmacy", "pharmacist", "meal deal", "coupon", "car park", "checkout", "aisle", "biscuits",
                     "packet")
_BRAND_NOUN_AFTER = re.compile(r"[ \t]+(?:" + "|".join(w.replace(" ", r"[ \t]+") for w in _BRAND_NOUN_WORDS) + r")\b")
# the shapes of companies' and services' names that people's names and handles do not take: one capital letter before a
# capitalised word ("GCash", "PLDT" no), or one word of a short clipped stem and a noun of trade written on
# ("Maxicare", "Digicel", "Medicard", "Globetel": care, cel(lular), tel(ecom), com, net, med, mart, pharma, soft, tech, pay)
_BRAND_SHAPE = re.compile(r"(?<![\w@/.'’-])(?:([A-Z][A-Z][a-z]{2,})|[A-Z][a-z]{2,5}(?:care|cel|tel|com|net|med|mart|pharma|soft|"
                          r"tech|pay|link))(?![\w'’@/-])")
_DETERMINER_END = re.compile(r"\b(?:my|her|his|our|their|your|the)[ \t]+$")
# a product name with a code: "Parle-G", "Vita-C", "Maxi-2"
# (found from the hyphen: the code after it, then the word before it)
_CODE_AFTER_HYPHEN = re.compile(r"-(?:[A-Z]|\d{1,3})(?![\w'’-]|\.\w)")
_PRODUCT_WORD = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{2,}$")
_ORG_AND_ONE = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)(?![\w'’-]|[ \t]+[A-Z])")
_ORG_GLUE = re.compile(r"[ \t]+(?:(?:of|and|for|the|&|de|du|für|der)[ \t]+)*")
# a brand or a service used as a thing: "came through SaskTel", "He takes MoMo", "on WhatsApp",
# "BetterHelp exists", "CallLine 0800 ..."
_THING_BEFORE = re.compile(r"(?:\b(?:through|via|using|use|uses|used|takes|take|took|accepts|accept|on|into|onto|"
                           r"with the|the|a|an|by|pay by|paid by|paid with|pay with|download|downloaded|install|"
                           r"installed|über|per|mit der|mit dem|die|der|das)"
                           # coordinated with a site's name: "on Example.com and X"
                           r"|[A-Za-z]\.(?:com|net|org|in|co\.uk|ie|de)[ \t]+(?:and|or|&))[ \t]+$", re.I)
_THING_AFTER = re.compile(r"(?:[ \t]+(?:app|apps|account|accounts|subscription|exists|existed|offers|offered|"
                          r"charges|charged|costs|cost|is an app|has an app|hotline|line)\b|[ \t:]+\+?\d)", re.I)


# nouns of places and bodies that are named after people ("an Xxx airport", "the Xxx primary school")
_NAMED_THING_NOUNS = _ORG_HEADS | frozenset({"airport", "station", "road", "street", "avenue", "park", "square", "market",
                                             "mosque", "temple", "bridge", "stadium", "hall", "building", "ward", "estate"})
_ARTICLE_THEN_WORDS = re.compile(r"(?<![\w'’])(?:a|an|the)[ \t]+$", re.I)
_LOWER_WORDS_AFTER = re.compile(r"[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?")


def named_thing_after_article(text: str, s: int, e: int) -> bool:
    """An article before the capitalised word and a noun of a place or body after it (perhaps after one more word):
    "an Xxx airport", "an Xxx primary school" name a thing after someone, not the person."""
    if not _ARTICLE_THEN_WORDS.search(text, max(0, s - 5), s):
        return False
    m = _LOWER_WORDS_AFTER.match(text, e)
    return m is not None and (m.group(1) in _NAMED_THING_NOUNS or m.group(2) in _NAMED_THING_NOUNS)


_CAP_RUN_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


def institution_end(text: str, s: int, most: int = 4) -> int | None:
    """The end of an institution's name that starts at ``s`` with capitalised words and ends, within ``most``
    words, in an organisation noun ("Xxx Yyy Collegiate", "Xxx Medical College"), or None."""
    m = re.match(r"[A-Z][\w'’-]*", text[s:s + 40])
    if m is None:
        return None
    pos = s + m.end()
    for _ in range(most):
        w = _CAP_RUN_WORD.match(text, pos)
        if w is None:
            return None
        pos = w.end()
        if POSS.sub("", w.group(1)).casefold() in _ORG_HEADS:
            return pos - (len(w.group(1)) - len(POSS.sub("", w.group(1))))
    return None


def thing_role(text: str, s: int, e: int) -> bool:
    """The word at [s, e) is used as a thing (a brand, an app, a service), not addressed or quoted."""
    if text[e:e + 2] in ("'s", "’s"):
        return False
    return bool(_THING_BEFORE.search(text, max(0, s - 16), s) or _THING_AFTER.match(text, e))


# a verb of living or coming from before a capitalised run: "I grew up in X Y", "we moved to X", "originally from X"
_HOME_GATE = ("grew up in", "live in", "lives in", "lived in", "living in", "born in", "raised in", "based in",
              "moved to", "moving to", "relocated to", "originally from", "hail from", "grew up on")
_HOME_BEFORE = re.compile(r"\b(?:grew[ \t]+up[ \t]+(?:in|on)|live[sd]?[ \t]+in|living[ \t]+in|born[ \t]+in|raised[ \t]+in|"
                          r"based[ \t]+in|mov(?:ed|ing)[ \t]+to|relocated[ \t]+to|originally[ \t]+from|hail[ \t]+from)"
                          r"[ \t]+(?:the[ \t]+)?$", re.I)
# every _HOME_BEFORE match opens with one of these words, whole (after \b, before blanks): TextContext.lacks_words
_HOME_RUNS = frozenset(("grew", "live", "lives", "lived", "living", "born", "raised", "based", "moved", "moving",
                        "relocated", "originally", "hail"))
_HOME_WORD = r"[A-Z\u00c0-\u00de][\w'’-]*"
_HOME_RUN = re.compile(_HOME_WORD + r"(?:[ \t]+(?:(?:al|el|de|del|la|le|upon|on|of|the)[ \t]+)?" + _HOME_WORD + r"){0,3}")


# "the river Kaveri", "the River Tay", "river Ganga" in lower case, "Mount X": the noun names the place after
# it (after "the" or "a", or "river" in lower case, or "Mount": not "River X", a given name and a surname)
_GEO_NOUN_NAME = re.compile(r"(?:[Rr]iver|[Mm]ount|[Ll]ake)[ \t]+([A-Z\u00c0-\u00de][\w'’ʻ-]*[a-z\u00df-\u024f])(?![\w'’-])")
_A_OR_THE_END = re.compile(r"\b(?:the|a)[ \t]+$")
# "X, the town, ...", "X the actual river": an apposition of a noun of geography that ends the phrase
_GEO_NOUN_AFTER = (r"the[ \t]+(?:(?:actual|real|holy|sacred|big|little|old|whole)[ \t]+)?"
                   r"(?:town|city|village|river|island|county|state|country|mountain|lake)")
_GEO_APPOSITION_NOUN = re.compile(_GEO_NOUN_AFTER + r"\b")
_GEO_APPOSITION = re.compile(r"(?<![\w'’-])([A-Za-z\u00c0-\u024f][\w'’ʻ-]*[a-z\u00df-\u024f]),?[ \t]+" + _GEO_NOUN_AFTER
                             + r"(?=[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:should|is|was|has|had|that|which|where|itself|too)\b)")
# "St Pauls, Bristol", "Saint Ann's, Nottingham": a district or parish named for a saint, before its city
# (the literal "S" first, so that the engine skips ahead to it; the character before is checked after)
_SAINT_PLACE = re.compile(r"(S(?:t\.?|aint)[ \t]+[A-Z][\w'’-]*[a-z])[ \t]*,[ \t]*([A-Z][\w'’-]*[a-z])(?![\w'’-])")
_IN_CAPITAL = re.compile(r" in[ \t]+(?=[A-Z\u00c0-\u00de])")
# "a bank in X", "our flat in X", "the clinic in X": a place of work or a home is somewhere (a possessive
# after the word makes it someone's: "a job in X's team")
_WORKPLACE_IN = re.compile(r"\b(?:bank|office|offices|flat|apartment|house|home|school|college|clinic|hospital|job|"
                           r"shop|cafe|café|restaurant|church|temple|mosque|gurdwara|gym|studio|practice|branch|"
                           r"warehouse|factory|hostel|pg)[ \t]+in[ \t]+([A-Z\u00c0-\u00de][\wʻ-]*[a-z\u00df-\u024f])"
                           r"(?![\w'’-])")
# after a district's name: the end of the list item, and more of the sentence or text
_DISTRICT_AFTER = re.compile(r"[ \t]*[.,;)][ \t]*")
# what opens a list saying where the writer is: "from", "here", "in", a comma, the start of a line
_DISTRICT_OPENING = re.compile(r"(?:^|\n|[,(][ \t]*|\b(?:from|here)[ \t]+)$", re.I)
# " or washington", " and kentucky": a state or country coordinated with one
_LOWER_REGION_AND = re.compile(r"[ \t]+(?:and|or|&)[ \t]+([a-z]+)(?![\w'’-])")
# ", washington", ", new york": a state or country after a place, in lower case
_LOWER_REGION_AFTER = re.compile(r",[ \t]*([a-z]+(?:[ \t][a-z]+)?)(?![\w'’-])")
_AGE_AFTER = re.compile(r"[ \t]*[,.][ \t]*(?:\d{1,2}\b|[a-z]+[ \t]*[,.][ \t]*\d{1,2}\b)")


class HomePlaceRecognizer(Recognizer):
    """Where someone grew up, lives, was born or moved to: the capitalised words after such a verb
    are a place, kept even when the gazetteer lacks it (a district, a village below its population
    floor: "I grew up in Umm Al Quwain", "we moved to Little Snoring"). Not a run that opens with a
    title, relation or month word, nor a possessive ("moved in to Tom's")."""

    name, score = "home_place", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        low = t.low
        if t.lacks_words(_HOME_RUNS) or not any(map(low.__contains__, _HOME_GATE)):
            return
        text, cues = t.text, self.cues
        for s, _e, _tok, core in t.caps:
            if not _HOME_BEFORE.search(text, max(0, s - 24), s):
                continue
            m = _HOME_RUN.match(text, s)
            if m is None:
                continue
            run = m.group(0)
            first = run.split()[0].casefold()
            kunya_place = re.match(r"\S+[ \t]+(?:Al|El)[ \t-]", run) is not None  # "Umm Al Quwain", "Abu El Ela"
            if first in cues.titles or (first in cues.relations and not kunya_place) or first in cues.not_names \
                    or (cues.function_word(first) and " " not in run) or run.endswith(("'s", "’s")) \
                    or not t.free(s, m.end()):  # ("moved to Ana's": her home, named by her name)
                continue
            yield self.span(s, m.end(), KEEP, reason="where someone lives, grew up or moved to")


# a comma and one or two capitalised words after an institution's name, then the clause goes on or ends:
# "Kenyatta National Hospital, Nairobi", "the Neuropsychiatric Hospital, Surulere is ..."
_SEAT_AFTER = re.compile(r",[ \t]+([A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*)?)(?=[ \t]*(?:[,.;:!?)]|\n|$)|[ \t]+(?:is|was|in)\b)")
# the organisation nouns of places people are treated, taught or housed at, which are named with their town
_SEATED_HEADS = frozenset({"hospital", "clinic", "infirmary", "university", "college", "school", "academy", "prison",
                           "institute", "centre", "center", "home"})


class OrganisationRecognizer(Recognizer):
    """Names of organisations: a capitalised phrase ending in an organisation noun ("Kenyatta National
    Hospital", "NHS Greater Glasgow Health Board"), and an acronym followed by a capitalised word that
    is no given name ("NHS Lothian"). Kept whole, so the given names and surnames inside them are not
    taken for people."""

    name, score = "organisation", 0.8
    languages = frozenset({"en"})

    def _seat_after(self, text: str, end: int, head: str) -> tuple[int, int] | None:
        """The town after an institution's name and a comma ("... Hospital, Surulere"): a place of the gazetteer,
        or a word that is no English given name, word or title."""
        if head not in _SEATED_HEADS:
            return None
        m = _SEAT_AFTER.match(text, end)
        if not m:
            return None
        words = m.group(1).casefold().split()
        if not knowledge().is_place(m.group(1)) and any(
                w in self.lex.first_names or w in self.cues.titles or (self.lex.rank(w) or 10 ** 6) < 20000 for w in words):
            return None
        return m.start(1), m.end(1)

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, caps, cues, lex = t.text, t.caps, self.cues, self.lex
        if any(map(t.low.__contains__, _SCHOOL_WORDS)):  # (_SCHOOL_GATE.search(t.low): literals only)
            yield from self._schools(t)
        yield from self._brands(t)
        i = 0
        n = len(caps)
        while i < n:
            j = i
            while j + 1 < n and _ORG_GLUE.fullmatch(text, caps[j][1], caps[j + 1][0]) \
                    and "\n" not in text[caps[j][1]:caps[j + 1][0]]:
                j += 1
            if j == i:  # one capitalised word: neither rule below applies
                i += 1
                continue
            words = [core for _s, _e, _tok, core in caps[i:j + 1]]
            s0 = caps[i][0]
            lead = words[0].casefold()
            # the last organisation noun of the run ends the organisation's name
            last = max((x for x in range(1, len(words)) if POSS.sub("", words[x]).casefold() in _ORG_HEADS),
                       default=None)
            acronym = last is None and words[0].isupper() and 2 <= len(words[0]) <= 5 \
                and lead not in cues.titles and not any(
                    cues.any_given_name(w.casefold()) or w.casefold() in lex.first_names for w in words[1:])
            # (the cues before the run are asked last: they are the costly part, and only matter here)
            if (last is None and not acronym) or lead in cues.titles or lead in cues.relations \
                    or cues.relation_before(text, s0) or cues.title_before(text, s0):
                i = j + 1
                continue
            if last == 1 and name_pair_in_role(cues, text, s0, caps[i + 1][0] + len(POSS.sub("", words[1])),
                                               words[0], words[1]):
                i = j + 1  # "a man called Pat Church": a given name and a surname, in a person's role
                continue
            if last is not None:
                end = caps[i + last][0] + len(POSS.sub("", words[last]))
                yield self.span(s0, end, KEEP, reason="an organisation's name (ends in an organisation noun)")
                co = _ORG_AND_ONE.match(text, end)
                if co and not (cues.any_given_name(co.group(1).casefold()) or co.group(1).casefold() in lex.first_names
                               or lex.is_surname(co.group(1).casefold())):
                    # "the X Foundation and Yyy can help": one word named beside an organisation, no name of the
                    # names data, is another
                    yield self.span(co.start(1), co.end(1), KEEP, reason="an organisation named beside another")
                at = self._seat_after(text, end, POSS.sub("", words[last]).casefold())
                if at:
                    yield self.span(at[0], at[1], KEEP, reason="the place an institution is in, after its name and a comma")
            else:
                end = caps[j][0] + len(POSS.sub("", words[-1]))
                yield self.span(s0, end, KEEP, reason="an organisation's name (an acronym and a name that is no person's)")
            i = j + 1


    def _brands(self, t: TextContext) -> Iterator[Span]:
        """A shop, app or company named by what it has that no person has: a determiner, the capitalised
        name and a noun of its things or staff ("my Tesco manager", "her Practo link", "the Acme Mart
        parking"); and a product name with a code ("Parle-G", "Kit-8"). Not a name the post knows or
        accepted as someone's, nor one after a title or relation word."""
        text, cues, doc = t.text, self.cues, t.doc
        caps = t.caps
        for i, (_s, e, _tok, _core) in enumerate(caps):  # (a capitalised word, then the noun after it)
            if _BRAND_NOUN_AFTER.match(text, e) is None:
                continue
            s = caps[i][0]
            if i and _blanks(text[caps[i - 1][1]:s]) and not _DETERMINER_END.search(text, max(0, s - 8), s):
                s = caps[i - 1][0]  # two words: "the Acme Mart parking"
            if not _DETERMINER_END.search(text, max(0, s - 8), s):
                continue
            words = text[s:e].split()
            if any(w.casefold() in doc.known or w.casefold() in doc.accepted or w.casefold() in cues.titles
                   or w.casefold() in cues.relations or cues.function_word(w.casefold()) or w == "I" for w in words):
                continue
            yield self.span(s, e, KEEP, reason="a shop, app or company before a noun of its things ('my X manager')")
        for m in _BRAND_SHAPE.finditer(text):
            cf = m.group(0).casefold()
            if cf in doc.known or cf in doc.accepted or self.lex.rank(cf) is not None or cf in self.lex.first_names \
                    or cf in self.lex.last_names or cf in self.lex.intl_names or cues.title_before(text, m.start()) \
                    or cues.relation_before(text, m.start()):
                continue
            if m.group(1) and self.lex.rank(m.group(1)[1:].casefold()) is None:
                continue  # ("GCash": a letter before a word; "JDavis" no)
            yield self.span(m.start(), m.end(), KEEP, reason="a company's or service's name by its shape: a letter before "
                                                              "a word ('GCash') or a clipped word and a noun of trade ('Maxicare')")
        if "-" in text:
            for a in _CODE_AFTER_HYPHEN.finditer(text):  # (the hyphen and the code first, then the word before)
                m = _PRODUCT_WORD.search(text, max(0, a.start() - 30), a.start())
                if m is None:
                    continue
                cf = m.group(0).casefold()
                if cf not in doc.known and cf not in doc.accepted and not cues.title_before(text, m.start()):
                    yield self.span(m.start(), a.end(), KEEP, reason="a product name with a code ('Word-G')")

    def _schools(self, t: TextContext) -> Iterator[Span]:
        """A capitalised word that someone went to, graduated from or has a class year of is a school,
        college or university ("went to Hollins, then Marlow", "Hollins class of 1970", "my Hollins
        graduation"), kept in the whole post; a person's house takes a possessive ("went to Sam's")."""
        text, cues = t.text, self.cues
        for s, _e, tok, core in t.caps:
            e = s + len(core)
            cf = core.casefold()
            if core.isupper() or cf in cues.titles or cf in cues.relations or cf in cues.not_names \
                    or cues.function_word(cf) or text[e:e + 2] in ("'s", "’s") and not _SCHOOL_POSS.match(text, e):
                continue
            if _SCHOOL_AFTER.match(text, e) or (_SCHOOL_BEFORE.search(text, max(0, s - 60), s) and not (
                    cues.any_given_name(cf) or cf in self.lex.first_names)):  # ("went to Priya and asked")
                t.doc.keep.add(cf)
                yield self.span(s, e, KEEP, reason="a school, college or university (went to, graduated from, class of)")


_SCHOOL_GATE = re.compile(r"went to|graduat|class of|alum|studied at|studying at|enrolled at|student at|transferred to|"
                          r"campus|dorm|degree|grad")
_SCHOOL_WORDS = tuple(_SCHOOL_GATE.pattern.split("|"))  # its literals: one substring test each is cheaper
_SCHOOL_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:class[ \t]+of[ \t]+['’]?\d|graduation|graduate[sd]?\b|grads?\b|alumni|alumn[ae]|"
                           r"alums?\b|campus|dorms?\b|degree)")
_SCHOOL_POSS = re.compile(r"['’]s[ \t]+(?:campus|dorms?\b|alumni|graduation|class[ \t]+of)")
# (through a list of schools: "went to CSD, then Hollins", "graduated from X and Y")
_SCHOOL_BEFORE = re.compile(r"\b(?:went[ \t]+to|graduated[ \t]+from|studied[ \t]+at|studying[ \t]+at|enrolled[ \t]+at|"
                            r"(?:a[ \t]+)?student[ \t]+at|alum[ \t]+of|transferred[ \t]+to)[ \t]+(?:the[ \t]+)?"
                            r"(?:[A-Z][\w'’-]*(?:[ \t]*,[ \t]*(?:then[ \t]+)?|[ \t]+(?:and|then)[ \t]+|,[ \t]+and[ \t]+))*$")


# a relation or person noun, perhaps with where the person works, then a comma: what follows is that person's
# name in apposition ("my new counselor, X Y (real name)", "my therapist in Asheville, X Y, has been")
# (where the relation is from may be a place or a common setting: "my friend from work, X Y,", "a mate at church, X Y,")
_APPOSED_BEFORE = re.compile(r"(?<![\w'’-])([a-z]+)(?:[ \t]+(?:in|at|from|near|over[ \t]+in)[ \t]+(?:[A-Z][\w'’-]*"
                             r"(?:[ \t]+[A-Z][\w'’-]*)?|work|church|school|college|uni|university|home|the[ \t]+[a-z]+))?"
                             r"[ \t]*,[ \t]*$")
# the writer vouching for a name right after it: "X Y (real name, I promise)", "X Y, real name"
_REAL_NAME_AFTER = re.compile(r"[ \t]*[(,][ \t]*(?:her|his|their|my)?[ \t]*real[ \t]+name\b", re.I)


def name_pair_in_role(cues: Cues, text: str, s: int, e: int, first: str, last: str) -> bool:
    """Two capitalised words at [s, e), ``first`` a given name of the names data and ``last`` a surname of it, both
    ordinary words too ("Dawn Wood", "Rose Love", "Art Church", "Summer Church"), used where only a person's name
    fits: after a naming phrase, a relation noun or title, a greeting, a relation noun and a comma (apposition),
    or before a verb of speech or a possessed relation, or the writer saying it is a real name. Titles of works and
    organisations made of the same words ("Good Will Hunting", "Grace Hospital") stand in none of these roles."""
    f, l = first.casefold(), POSS.sub("", last).casefold()
    lex = cues.lex
    if not (f in lex.first_names or cues.any_given_name(f)) or not lex.is_surname(l) \
            or f in cues.titles or f in cues.relations or f in cues.not_names or cues.function_word(f):
        return False
    if cues.named_before(text, s) or cues.relation_before(text, s) or cues.title_before(text, s) \
            or cues.greeting_before(text, s):
        return True
    m = _APPOSED_BEFORE.search(text, max(0, s - 60), s)
    if m is not None and (m.group(1) in cues.relations or m.group(1) in _PERSON_NOUNS):
        return True
    poss = text[e:e + 2] in ("'s", "’s")
    return cues.context_after(text, e + 2 if poss else e, poss) or _REAL_NAME_AFTER.match(text, e) is not None \
        or (not poss and EnglishNameRecognizer._speech_verb(text, e))


_TITLE_GLUE = re.compile(r"[ \t]+(?:(?:of|the|to|a|an|in|for|and|on|at|with|from|is|my|your|our|me|you)[ \t]+)*")


_WATCH_BEFORE = re.compile(r"\b(?:watch|watches|watched|watching|re-?watch(?:ed|ing)?|binged|binging|bingeing|"
                           r"binge-watch(?:ed|ing)?)[ \t]+(?:the[ \t]+)?$", re.I)


class TitlePhraseRecognizer(Recognizer):
    """Titles of films, books and songs written in title case ("Good Will Hunting", "Reasons to Stay
    Alive", "Inside Out"): a run of capitalised words of which at least two are ordinary words and
    none is a name that is no word. Kept whole, so a given name that is also a word inside it
    ("Will", "Grace") is not taken for a person."""

    name, score = "title_phrase", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, caps = t.text, t.caps
        if "watch" in t.low or "binge" in t.low:
            yield from self._watched(t)
        if t.lower_style:
            return
        i = 0
        while i < len(caps):
            j = i
            while j + 1 < len(caps) and _TITLE_GLUE.fullmatch(text, caps[j][1], caps[j + 1][0]) \
                    and "\n" not in text[caps[j][1]:caps[j + 1][0]]:
                j += 1
            if j > i and caps[j][3] == "I":
                j -= 1  # "With Mercedes I speak": the pronoun is capitalised anyway, no part of a title
            if j > i:
                words = [core for _s, _e, _tok, core in caps[i:j + 1]]
                owner = next((k for k in range(i, j) if caps[k][2] != caps[k][3] and caps[k][2][len(caps[k][3]):] in ("'s", "’s")), None)
                if owner is not None and self.cues.any_given_name(words[0].casefold()):
                    pass  # "Xxx Yyy's Zzz": someone's child or pet name ("Tom Lee's Tiger"), a person's possessive
                elif len(words) == 2 and name_pair_in_role(self.cues, text, caps[i][0], caps[j][0] + len(caps[j][3]),
                                                            words[0], words[1]):
                    pass  # "her name is Dawn Wood", "a guy named Frank Young": a person's name, not a title
                elif self._person_first(t, caps[i][0], words[0], text[caps[i][1]:caps[i + 1][0]]):
                    pass  # "I'm Joy from Leeds", "Joy from Leeds again" (Joy a person here): no title
                elif self._is_title(words, text, caps[i][0]):
                    yield self.span(caps[i][0], caps[j][0] + len(caps[j][3]), KEEP, reason="a title in title case")
            i = j + 1

    def _person_first(self, t: TextContext, s: int, first: str, glue: str) -> bool:
        """The run opens with a given name the post already took as someone's, or one the writer introduces
        themselves with ("I'm Joy from Leeds"): a person and what follows them, not a title; a title opening with a
        word that is also a name ("Amazing Grace", "Good Will Hunting") does not open with the name."""
        cf = first.casefold()
        if not (cf in self.lex.first_names or self.cues.any_given_name(cf)) or cf in self.cues.not_names:
            return False
        if SELF_INTRO.search(t.text[max(0, s - 16):s]):
            return True
        # (only across a joining word, "Bill and Rose", "Joy from Leeds": a person's name before a bare capital may
        # be a band or a work named after it, "Pearl Jam")
        return bool(glue.strip()) and (cf in t.doc.accepted or any(
            sp.kind == PERSON and t.text[sp.start:sp.end].casefold() == cf for sp in t.spans))

    def _watched(self, t: TextContext) -> Iterator[Span]:
        """Two capitalised words or more right after a verb of watching are what was watched, a film or
        a show ("not me watching Dear Zindagi again", "we binged Cobra Kai"), whatever the words are."""
        text, caps = t.text, t.caps
        for i, (s, _e, _tok, _core) in enumerate(caps):
            if not _WATCH_BEFORE.search(text, max(0, s - 24), s):
                continue
            j = i
            while j + 1 < len(caps) and _TITLE_GLUE.fullmatch(text, caps[j][1], caps[j + 1][0]) \
                    and "\n" not in text[caps[j][1]:caps[j + 1][0]]:
                j += 1
            words = [core.casefold() for _s, _e, _tok, core in caps[i:j + 1]]
            if j > i and not any(w in self.cues.titles or w in self.cues.relations for w in words):
                yield self.span(s, caps[j][0] + len(caps[j][3]), KEEP, reason="a title after a verb of watching")

    def _is_title(self, words: list[str], text: str, s: int) -> bool:
        lex, cues = self.lex, self.cues
        common = 0
        for w in words:
            cf = w.casefold()
            if w.isupper() and len(w) > 1:
                return False
            if cf in cues.titles or cf in cues.greet1 or cf in cues.relations:
                return False  # "Dr Amsel", "Hi Sam", "Auntie May"
            r = lex.rank(cf)
            if r is None or (lex.proper_noun(cf) and not knowledge().is_place(w)):
                return False  # "Educating Rita", "Then Sarah": a name that is no word
            if r < 30000 and not (cf in lex.last_names and not lex.dictionary_word(cf)):
                common += 1
        # a quotation opens a sentence too: 'she said, "So Lily learned ..."'
        initial = self.cues.is_initial(text, s) or text[max(0, s - 1):s] in ('"', "“", "‘")
        return common >= 2 and (len(words) >= 3 or not initial)


class NationalityRecognizer(Recognizer):
    """Nationality and language words ("Irish", "Danish", "Filipinos", "in Tagalog"): kept, even where
    a name list also has them as given names, unless the text uses the word as a name there."""

    name, score = "nationality", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        k, cues, text = knowledge(), self.cues, t.text
        for s, _e, _tok, core in t.caps:
            if core.isupper() or not (k.is_demonym(core) or (core.endswith(_DEMONYM_ENDS) and self._of_place(core, t))):
                continue
            e = s + len(core)
            if cues.title_before(text, s) or cues.relation_before(text, s) or cues.named_before(text, s):
                continue
            b = _CAP_WORD_BEFORE_BLANK.search(text, max(0, s - 30), s)
            if b is not None and text[b.end(1):s] == " " and name_pair_in_role(cues, text, b.start(1), e, b.group(1), core):
                continue  # "my friend Amy English", "a man called Pat Church": a surname, not a people's word
            yield self.span(s, e, KEEP, reason="nationality or language word")


    def _of_place(self, word: str, t: TextContext) -> bool:
        """A word made of a place's name and an ending of nationality words ("Okinawan", "Punjabi",
        "Bavarian"): the English dictionary writes it capitalised only, its stem is a country, state,
        province or town of 5,000+ people, and it is no name of the name lists or of the post."""
        cf, lex = word.casefold(), self.lex
        if len(cf) < 6 or not lex.proper_noun(cf) or cf in lex.first_names or cf in lex.intl_names \
                or lex.is_surname(cf) or cf in t.doc.known or cf in t.doc.accepted:
            return False  # (the English dictionary has the word, capitalised only: no invented name)
        k = knowledge()
        for stem in (cf[:-1], cf[:-2], cf[:-3], cf[:-3] + "a", cf[:-3] + "y", cf[:-4] + "a"):
            if len(stem) >= 4 and (k.is_region(stem) or k.is_subdivision(stem) or k.is_place(stem)):
                return True
        return False


_DEMONYM_ENDS = ("an", "ese", "i")


# ---- cues that a word is a person's name ----------------------------------------------------------

# a lower-case name after a lower-case title ("frau dr. hellwig", "mag. kovač"); parts of a degree are no names
_LOWER_TITLE_NAME = re.compile(r"([a-z][a-z\u00df-\u00ff\u0100-\u024f'-]+)(?![\w'’-])")
_DEGREE_PARTS = frozenset({"med", "phil", "rer", "nat", "habil", "jur", "oec", "dent", "vet", "univ", "ing", "techn",
                           "pol", "soc", "theol", "psych", "sc", "hc"})
# after a title chain, initials or one capital: "Mrs P.", "Dr H.", "Frau Dr. Q." (the chain goes with them: it is
# all that is left of the person's name); double-barrelled initials go whole: "Dr. K-L", "Frau M.-T."; Greek
# initials after a Greek title the same ("κ. Ζ. Λ.", the capitals of the Greek alphabet)
_INITIAL = "[A-Z\u0391-\u03a9]"
_TITLED_INITIALS = re.compile(rf"{_INITIAL}\.?(?:-{_INITIAL}\.?)+(?![\w-])|(?:{_INITIAL}\.[ \t]?){{1,3}}(?![^\W\d_])"
                              rf"|(?!I\b){_INITIAL}\b(?![.'’]?[^\W\d_])")
# a particle capitalised after the title, the title perhaps in lower case ("dr. Van Rijswijk")
# (and the Afrikaans "du", "le", "de la", "van de", written in lower case after a title: "Mev. du Plessis")
_TITLED_PARTICLE = re.compile(r"(?i:van der|von der|van den|van de|de la|von|van|de|du|le|zu|ter|ten)[ \t]+"
                              r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f-]+")


# what comes before a title that makes "title + word" what someone is, not who ("he is not Mr. Charity", "such a Miss
# Perfect", "playing Mr. Nice", "he called himself Mr. Fixit"): a copula with a negation, an article or a degree word
# after it (a bare copula names the person: "my therapist is Dr. Frank"), or a verb of playing, becoming or
# self-naming, perhaps with those words
_PREDICATIVE_BEFORE = re.compile(
    r"(?:\b(?:is|was|are|were|be|being|been|am|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)|['’](?:s|m|re))"
    r"(?:[ \t]+(?:not|never|no|such|a|an|the|little|some|total|real|proper|quite|bit|of|more|less|like|mister))+[ \t]+$"
    r"|\b(?:become|becomes|became|becoming|play|plays|playing|played|act|acts|acting|acted|like|"
    r"call(?:s|ed|ing)?[ \t]+(?:him|her|them|my|your|our|it)sel(?:f|ves)|dub(?:s|bed)?[ \t]+(?:him|her|them)sel(?:f|ves))"
    r"(?:[ \t]+(?:not|never|no|such|a|an|the|little|some|total|real|proper|quite|bit|of))*[ \t]+$", re.I)
# what may join two items of a series of the same title ("Mr. Warmth, Mr. Hope or Mr. Encouragement")
_SERIES_JOIN = re.compile(r"[ \t]*(?:[,;/][ \t]*)?(?:(?:or|and|nor|&|n['’]?|not|but)[ \t]+)?(?:(?:even|not)[ \t]+)?", re.I)
# a title phrase in quotation marks: "Mr. Right", ‘Miss Perfect’ (a type, not a person the post is about)
_OPEN_QUOTE_BEFORE = re.compile(r"(?:^|[\s(])[\"“‘'][ \t]*$")
_CLOSE_QUOTE_AFTER = re.compile(r"[\"”’'](?![\w])")
_WORD_AT = re.compile(r"\w[\w-]*")


class TitleRecognizer(Recognizer):
    """A title before a name: "Dr. Adeyemi", "Mrs Pennington", "Frau Dr. von Hagen", "dr yilmaz"."""

    name, score = "title", 0.85

    def __init__(self, cues: Cues):
        super().__init__(cues)
        # run on the lower-cased text (no re.I); the case of the title and the next letter is read on the real text
        # (and the other languages' forms of address, which count only capitalised: "Madame X", "Mme X")
        self._re = chain_pattern(cues.titles | cues.loan_titles)
        self._lower = titles.bare(cues.policy.rules.lower_titles)  # written in lower case in chat ("dr x")
        self._abbreviated = titles.abbreviated(cues.policy.rules.titles | cues.policy.rules.academic_titles)
        # titles the data gives only with their period (the faculty of "Dr. med.", "Prof.in"): without it the
        # word is no title ("med" is the Nordic "with": "med Flygbåtarna")
        self._period_only = self._abbreviated - frozenset(
            w.casefold() for w in cues.policy.rules.titles | cues.policy.rules.academic_titles)
        # an academic title right before a word: what follows is a surname, whatever else the word is ("Frau
        # Dr. Glück", "Mag.a Stern"); not the bare "Herr"/"Frau" ("Herr Gott")
        self._academic = titles.before_pattern(cues.policy.rules.academic_titles)
        self.triggers = first_runs(cues.titles | cues.loan_titles)  # every span starts from a title of ``_re``

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text, self.cues
        chains: dict[int, tuple[int, re.Match]] = {}  # where a name may start -> (its title chain's start, last title)
        for m in self._re.finditer(t.low):
            chains[m.end()] = (chains.pop(m.start(), (m.start(), m))[0], m)  # a title after a title goes on the chain
        starts = chains.keys()
        for s, _e, _tok, core in t.caps:
            if s not in starts:
                continue
            if len(core) < cues.min_len or not (cues.title_before(text, s) or self._loan_before(t, chains[s][1])):
                continue
            last_title = chains[s][1].group(0)
            if "." not in last_title and last_title.strip() in self._period_only:
                continue
            cf = core.casefold()
            if cf in cues.titles or cf in cues.not_names or cf in cues.loan_titles:
                continue  # "Frau Dr." : the second title, the name follows
            rank = self.lex.rank(cf)
            first, last = cues.is_first(cf), cues.is_last(cf)
            if t.english and rank is not None and rank < 15000 and (
                    self._abstract(cf)
                    or (cf in t.doc.lower_vocab or self.lex.dictionary_word(cf)) and self._personified(t, s, chains)) \
                    and not (first and self.extend(text, s + len(core), t.lang, given=True) > s + len(core)):
                # (not where a surname follows a given name that is also a word: "Dr. Faith Okoro")
                # (a name of the lists that is also a word is the person after a title, "Dr. Frank is willing" beside
                # "to be frank"; it is a personification only as what someone is or plays, "he is not Mr. Charity",
                # in quotation marks, or in a series of the same title with a word of no name list: "Mr. Warmth,
                # Mr. Hope or Mr. Encouragement")
                t.doc.keep.add(cf)
                yield self.span(s, s + len(core), KEEP, reason="title before an ordinary word (a personification)")
                continue
            if t.lang in NOUN_CAPS and not t.lower_style:
                # in text written without capitals, a capital after a title marks a name even
                # where the word is one too ("meine nachbarin Frau Schön")
                lr = self.lex.lang_rank(cf, t.lang)
                if lr is not None and lr < 3000 and not self.lex.is_name(cf) and not self.lex.is_surname(cf) \
                        and not self._academic.search(text, max(0, s - 16), s) and not _town_word(core):
                    continue  # "Herr Gott", "Frau Doktor"; but "Frau Dr. Glück", "Mag.a Stern": a surname
                    # (and "Herr Berliner", "Frau Passauer": a town's name or its "-er" adjective is no form of
                    # address, as "Doktor" or "Gott" are, so after a title it is the surname Germans take from towns)
            # (a word of no language that is no surname of the lists, after the title, is the given name: the
            # capital after it is the surname even where it is also a town, "Dr Xxx Attard")
            given = self.cues.any_given_name(cf) or (rank is None and not self.lex.is_surname(cf) and t.english)
            yield self.person(t, s, self.extend(text, s + len(core), t.lang, given=given), "title before a name")
        for e0, (c0, m) in chains.items():
            written = text[m.start():m.end()].rstrip()
            if written.rstrip(".").casefold() in cues.loan_titles and not self._loan_before(t, m):
                continue
            if written[:1].isupper() or written.endswith("."):
                # a title before initials or one capital: "Dr A. O.", "Dr. C", "Frau K."; a capitalised particle
                i = _TITLED_INITIALS.match(text, e0)
                if i:
                    yield self.person(t, c0, i.end(), "title before initials")
                p = _TITLED_PARTICLE.match(text, e0)
                if p:
                    yield self.person(t, e0, p.end(), "title before a name with a particle")
            if written[:1].islower() and written.rstrip(".") in self._lower:
                n = _LOWER_TITLE_NAME.match(text, e0)
                if n:
                    yield from self._lower_name(t, n, written)

    def _abstract(self, cf: str) -> bool:
        """An English word of no name list ("warmth", "encouragement", "punctuality"): after a title, a
        personification."""
        rank = self.lex.rank(cf)
        return rank is not None and (rank < 15000 or self.lex.dictionary_word(cf)) and not (
            self.cues.is_first(cf) or self.cues.is_last(cf) or self.lex.is_surname(cf) or self.lex.proper_noun(cf))

    def _personified(self, t: TextContext, s: int, chains: dict[int, tuple[int, re.Match]]) -> bool:
        """The title and the word at ``s`` are a type or a quality, not a person: after a copula with "not"/"such
        a", a verb of playing or self-naming, in quotation marks, or in a series of the same title whose first item
        is so or of which another item is a word of no name list."""
        text = t.text
        series = self._series(t, s, chains)
        c0 = chains[series[0]][0]
        if _PREDICATIVE_BEFORE.search(text, max(0, c0 - 32), c0):
            return True
        if any(self._abstract(self._word_at(text, o).casefold()) for o in series if o != s):
            return True
        w = self._word_at(text, s)
        return bool(_OPEN_QUOTE_BEFORE.search(text, max(0, chains[s][0] - 3), chains[s][0])
                    and _CLOSE_QUOTE_AFTER.match(text, s + len(w)))

    @staticmethod
    def _word_at(text: str, s: int) -> str:
        m = _WORD_AT.match(text, s)
        return m.group(0) if m else ""

    def _series(self, t: TextContext, s: int, chains: dict[int, tuple[int, re.Match]]) -> list[int]:
        """The name starts of the series of the same title that the one at ``s`` belongs to, in order: items
        joined by a comma, "or", "and", "nor" ("Mr. Warmth, Mr. Hope or Mr. Encouragement")."""
        links = self._links.get(id(chains))
        if links is None or links[0] is not chains:
            links = (chains, *self._series_links(t.text, chains), {})
            self._links = {id(chains): links}  # (one text's chains at a time: analyze builds them per text)
        _chains, nxt, prev, heads = links
        # the head of the series: back along the links (each name has at most one before it; positions only grow,
        # so the walk ends), memoised for the names it passes
        path, head = [], s
        while head in prev and head not in heads:
            path.append(head)
            head = prev[head]
        head = heads.get(head, head)
        for o in path:
            heads[o] = head
        heads[s] = head
        out, o = [head], head
        while (n := nxt.get(o)) is not None and n not in out:
            out.append(n)
            o = n
        return out

    _links: dict[int, tuple] = {}

    def _series_links(self, text: str, chains: dict[int, tuple[int, re.Match]]) -> tuple[dict[int, int], dict[int, int]]:
        """For each name start, the next name start of its series (the same title after a join), and its inverse:
        one pass over the chains, each next one looked up by where its title chain starts."""
        def title(o: int) -> str:
            m = chains[o][1]
            return text[m.start():m.end()].strip().rstrip(".").casefold()

        by_start = {c: n for n, (c, _m) in chains.items()}
        nxt: dict[int, int] = {}
        for o in chains:
            w = self._word_at(text, o)
            j = _SERIES_JOIN.match(text, o + len(w))
            e = j.end() if j else o + len(w)
            if e == o + len(w):
                continue  # (no join at all: "Mr. Hope Mr. Warmth" is no series)
            n = by_start.get(e)
            if n is not None and title(n) == title(o):
                nxt[o] = n
        prev = {n: o for o, n in nxt.items()}
        return nxt, prev

    def _loan_before(self, t: TextContext, m: re.Match) -> bool:
        """The title matched at ``m`` is another language's form of address, written capitalised, in English or
        German text ("Mme Roy"); in its own language the language's title recognizer reads it."""
        written = t.text[m.start():m.end()].rstrip()
        cf = written.rstrip(".").casefold()
        if not (written[:1].isupper() and cf in self.cues.loan_titles):
            return False
        lang = t.lang or "en"
        if lang in ("en", "de"):
            return True
        # (in another covered language's text too, a capitalised form of address that is no title nor a word of
        # that language: "a minha psicóloga, Mevrouw X", "Madame X" in Portuguese)
        from .multilingual import language_cues
        lc = language_cues()[0].get(lang)
        return lc is not None and cf not in lc.titles and cf not in lc.local_titles \
            and (self.lex.lang_rank(cf, lang) or 10 ** 6) >= 5000

    def _lower_name(self, t: TextContext, n: re.Match, title: str) -> Iterator[Span]:
        """A lower-case name after a title written in lower case ("frau dr. hellwig", "dr. xxx yyy")."""
        cf = n.group(1)
        rank = self.lex.rank(cf) if t.english else self.lex.lang_rank(cf, t.lang)
        if cf in self.cues.titles or cf in self.cues.not_names or cf in _DEGREE_PARTS:
            return
        if not t.lower_style and (rank is not None or self.lex.rank(cf) is not None) and not (
                title.endswith(".") and (self.lex.rank(cf) or 10 ** 6) >= (5000 if self.lex.is_name(cf) else 20000)):
            return  # in capitalised text only a word of no language: "mein therapeut mag. kovač"; after a title
            # with its period a name of the lists that is no common word, or a rare word ("her name is ms. xu")
        if not t.english and rank is not None and rank < 1000 and not title.endswith(".") \
                and title in self._abbreviated and (self.lex.lang_rank(title, t.lang) or 10 ** 6) < 3000:
            return  # "dat mag niet", "mag het": an abbreviated title without its period that is a
            # word of the language too (the verb "mag"), before one of the commonest words
        if rank is None or self.lex.is_name(cf) or self.lex.is_surname(cf) or (title.endswith(".") and rank >= 20000):
            # with the surname after a given name ("dr. xxx yyy-zzz", "ms. xxx yyy")
            e = lower_second_name(self, t, n.end(1), titled=True) if self.lex.is_name(cf) or self.cues.any_given_name(cf) \
                else n.end(1)
            yield self.person(t, n.start(1), e, "title before a lower-case name")


# Irish surnames (and the Scottish Gaelic "Mac"/"Nic"): a patronymic particle, perhaps "Giolla" ("servant of"),
# then the name, lenited after "Ní", "Nic", "Mhic", "Uí" and "Ghiolla" ("Ní Bhriain", "Mac Giolla Phádraig",
# "Nic Ghiolla Bhríde") or eclipsed after "Uí"/"Ua" ("Uí gCeallaigh"); "Ó" and "Ní" are no words of English.
_GA_UPPER = "A-ZÁÉÍÓÚ"
_GA_NAME = (r"(?:[bdgmnt]h?-?)?[" + _GA_UPPER + r"][a-záéíóú]+(?:['’-][" + _GA_UPPER + r"]?[a-záéíóú]+)*")
_IRISH_SURNAME = re.compile(
    r"(?<![\w'’-])(?P<particle>Ó|Ní|Nic|Mhic|Uí|Ua|Mac|Mc|Bean[ \t]+Uí)[ \t]+(?P<giolla>(?:Giolla|Ghiolla|an)[ \t]+)?"
    r"(?P<name>" + _GA_NAME + r")(?![\w'’-])")
# the particle of every _IRISH_SURNAME match, whole (no word character before it, blanks after): lower-cased
_IRISH_RUNS = frozenset(("ó", "ní", "nic", "mhic", "uí", "ua", "mac", "mc", "bean"))
# a lenited or eclipsed initial that English spelling never has: "Bh", "Ch", "Dh", "Fh", "Gh", "Mh", "Ph" before
# a vowel, "mB", "gC", "nD", "bhF", "nG", "bP", "dT"
_GA_MUTATED = re.compile(r"^(?:[BCDFGMP]h[aeiouáéíóú]|mB|gC|nD|bhF|nG|bP|dT)")


# a Maltese family's village nickname (laqam), "tal-" ("of the") and a capitalised word: "Pepp tal-Xxx", "I'm a
# tal-Xxx too"; after a name, an article, or opening a clause (Maltese places are written "Tal-X", capitalised)
_LAQAM = re.compile(r"(?:(?<=[\s\"“(])|^)tal-(?P<nick>[A-ZĊĠĦŻ][a-zċġħżà-ÿ'’]+)(?![\w'’-])")
_LAQAM_BEFORE = re.compile(r"(?:(?:^|[\s\"“(])(?:[Aa]|[Tt]he|[Oo]ur|[Mm]y)|[A-ZĊĠĦŻ\u00c0-\u00de][\w'’-]*|^|[.!?,;:\"“(])[ \t]*$")


class LaqamRecognizer(Recognizer):
    """A Maltese village nickname of a family, "tal-" and a capitalised word ("X tal-Yyy", "a tal-Yyy"): it
    names the family as a surname does, and goes with the given name or surname before it."""

    name, score = "laqam", 0.8
    languages = frozenset({"en", "mt"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if "tal-" not in text:
            return
        for m in _LAQAM.finditer(text):
            s = m.start()
            if not _LAQAM_BEFORE.search(text, max(0, s - 12), s) or knowledge().is_place(text[s:m.end()]):
                continue  # "the festa tal-X": a saint or a feast after a noun
            for _ in range(2):  # "Xxx tal-Yyy", "Xxx Zzz tal-Yyy": the given name and surname (or words of no language)
                b = _GIVEN_BEFORE.search(text, max(0, s - 24), s)
                if b is None:
                    break
                cf = b.group(1).casefold()
                if not ((self.cues.any_given_name(cf) or self.lex.rank(cf) is None) and not self.cues.function_word(cf)
                        and cf not in self.cues.titles and t.free(b.start(1), b.end(1))):
                    break
                s = b.start(1)
            yield self.person(t, s, m.end(), "a Maltese family nickname (laqam: 'tal-' and a name)")


class IrishSurnameRecognizer(Recognizer):
    """An Irish or Gaelic surname, with the given name before it when there is one: "Aoife Ní Bhriain",
    "a Mac Giolla Phádraig", "Dr Nic Ghiolla Bhríde", "Seán Ó Duinn". "Ó", "Ní", "Nic", "Mhic", "Uí" and a
    "Giolla" always make a name; "Mac"/"Mc" alone only before a lenited or eclipsed name, or one that is
    no English word ("my Mac Book" stays)."""

    name, score = "irish_surname", 0.8
    languages = frozenset({"en", "ga"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if t.lacks_words(_IRISH_RUNS) or not any(p in text for p in ("Ó ", "Ní ", "Nic ", "Mhic ", "Uí ", "Ua ", "Mac ", "Mc ")):
            return
        for m in _IRISH_SURNAME.finditer(text):
            particle, name = m.group("particle"), m.group("name")
            if particle in ("Mac", "Mc", "Ua") and not m.group("giolla") and not _GA_MUTATED.match(name):
                rank = self.lex.rank(name.split("-")[0])
                if rank is not None and (rank < 20000 or self.lex.dictionary_word(name)):
                    continue  # "Mac Book", "Mac Mini"
            s, e = m.start(), m.end()
            before = re.search(r"([" + _GA_UPPER + r"][a-záéíóú]+)[ \t]+$", text[max(0, s - 30):s])
            if before:
                word = before.group(1)
                cf = word.casefold()
                if cf not in self.cues.titles and cf not in self.cues.not_names and not self.cues.function_word(cf) \
                        and (self.cues.any_given_name(cf) or (
                            self.lex.rank(cf) is None and not self.cues.is_initial(text, s - len(before.group(0))))):
                    s -= len(before.group(0))
            yield self.person(t, s, e, "an Irish surname (a patronymic particle and a name)")


# Arabic theophoric given names, as Muslims of South Asia, the Arab world and Africa bear them: "Abd" ("servant of"),
# the article assimilated or not, then one of the names of God ("Abdul Karim", "Abdur Rahman", "Abdus Salam", "Abdel
# Fattah", "Abd al-Aziz"): the word after the prefix is part of the given name, never a word or place on its own
_ABD_NAME = re.compile(r"(?<![\w'’-])(?:Abdul|Abdur|Abdus|Abdul-|Abdel|Abdal|Abdoul|Abd[ \t]+(?:al|el|ar|as|ur)-?)"
                       r"[ \t]*(?<=[ \t-])([A-Z][a-z]+)(?![\w'’-])")


class ArabicCompoundNameRecognizer(Recognizer):
    """A given name made of "Abdul"/"Abdur"/"Abdel" and one of the names of God ("Abdul Xxx"), with the surname
    after it ("Abdul Xxx Yyy"): one name, however the words after the prefix read alone (a town, a word)."""

    name, score = "arabic_compound", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if "Abd" not in text:
            return
        for m in _ABD_NAME.finditer(text):
            s, e = m.start(), m.end()
            if not t.free(s, e) or self.cues.function_word(m.group(1).casefold()):
                continue
            end = self.extend(text, e, t.lang, given=True)
            yield self.person(t, s, end if t.free(s, end) else e,  # (the surname may be a commenter's known name)
                              "an Arabic compound given name ('Abdul' and a name of God)")


# The patronymic links of Malay names ("bin"/"binti"/"binte"/"bte": son/daughter of) and of Malaysian and
# Singaporean Indian names ("a/l", "a/p": anak lelaki/perempuan; "s/o", "d/o"), as identity cards and school
# registers write them: "X binti Y" is one person's full name, the father's given name included, so the words on
# both sides go with the link. "bin" is also an English noun, so it links only after a name of the lists or a word
# of no language ("the recycling bin Monday" links nothing).
_PATRONYMIC_LINK = re.compile(r"(?<![\w'’/.-])(?:bin|binti|binte|bte|Bin|Binti|Binte|a/l|a/p|s/o|d/o|A/L|A/P|S/O|D/O)"
                              r"(?=[ \t]+[A-Z])")
_PATRONYMIC_NEEDLES = ("bin", "Bin", "bte", "/")
_CAP_NAME_WORD = re.compile(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff][\w'’-]*")
_CAP_WORD_BEFORE_BLANK = re.compile(r"(?<![\w'’-])([A-Z\u00c0-\u00de][a-z\u00df-\u00ff][\w'’-]*)[ \t]+$")


class PatronymicNameRecognizer(Recognizer):
    """A Malay or Malaysian/Singaporean Indian full name with its patronymic link ("Nur Aisyah binti Rahman",
    "Kavitha d/o Raman", "Ahmad bin Ismail", "Muthu a/l Raju"): the given names before the link and the
    father's name after it, one person's name (see ``_PATRONYMIC_LINK``)."""

    name, score = "patronymic", 0.85
    languages = frozenset({"en", "ms", "id"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if not any(map(text.__contains__, _PATRONYMIC_NEEDLES)):
            return
        for m in _PATRONYMIC_LINK.finditer(text):
            s = m.start()
            names_before = 0
            for _ in range(3):  # "Nur Aisyah binti ...", "Siti Nur Aisyah binti ..."
                b = _CAP_WORD_BEFORE_BLANK.search(text, max(0, s - 30), s)
                if b is None or not self._name_word(b.group(1), t, b.start(1)):
                    break
                if not t.free(b.start(1), b.end(1)):
                    # the given name is already someone's (a commenter's known name): the link and the father's
                    # name are still that person's
                    names_before += any(sp.kind in (PERSON, KNOWN, POST_AUTHOR) and sp.start <= b.start(1) < sp.end
                                        for sp in t.spans)
                    break
                cf = b.group(1).casefold()
                r = self.lex.rank(cf)
                names_before += self.cues.any_given_name(cf) or cf in self.lex.first_names or r is None or r >= 20000 \
                    or self.lex.proper_noun(cf)
                s = b.start(1)
            if not names_before and (s == m.start() or m.group(0).casefold() == "bin"):
                continue
            e = m.end()
            for _ in range(3):  # "... binti Rahman", "... bin Abdul Rahman Yusof"
                a = re.match(r"[ \t]+", text[e:e + 4])
                w = _CAP_NAME_WORD.match(text, e + a.end()) if a else None
                if w is None or not self._name_word(w.group(0), t, w.start()):
                    break
                e = w.start() + len(POSS.sub("", w.group(0)))
                if e < w.end():
                    break  # "... binti Rahman's": the possessive ends the name
            if e == m.end() or not t.free(m.start(), e):
                continue
            yield self.person(t, s, e, "a Malay or Malaysian Indian full name with its patronymic link ('X binti Y', 'X d/o Y')")

    def _name_word(self, w: str, t: TextContext, s: int) -> bool:
        """A capitalised word that can be part of the name: no title, greeting, relation or function word, no
        frequent word of the language that is nobody's given name ("Thanks", "Today")."""
        cf = POSS.sub("", w).casefold()
        cues = self.cues
        if cf in cues.titles or cf in cues.greet1 or cf in cues.relations or cf in cues.not_names \
                or cues.function_word(cf) or cf in cues.kin_titles:
            return False
        r = self.lex.rank(cf)
        return r is None or r >= 5000 or cues.any_given_name(cf) or cf in self.lex.first_names or self.lex.is_surname(cf)


# a saint of the Sufi shrines of South Asia, named with the honorific "Hazrat" or by the shrine ("the dargah of Shah
# X", "X's mazar"): a public figure of the faith, kept, whoever else bears the name
_SHRINE_WORDS = r"(?:dargah|darga|mazar|mazaar|shrine|tomb|urs|khanqah|majar)"
_SAINT_NAME = r"((?:Hazrat|Hajrat|Shah|Khwaja|Khawaja|Pir|Baba|Sheikh|Shaikh|Syed|Sayyid)(?:[ \t]+[A-Z][\w'’-]*){1,3})"
_SHRINE_SAINT = re.compile(r"(?i:\b" + _SHRINE_WORDS + r")[ \t]+of[ \t]+(?:the[ \t]+)?" + _SAINT_NAME
                           + r"|(?<![\w'’])(Hazrat|Hajrat)(?:[ \t]+[A-Z][\w'’-]*){1,3}"
                           + r"|" + _SAINT_NAME + r"['’]s[ \t]+(?i:" + _SHRINE_WORDS + r")\b")


class ShrineSaintRecognizer(Recognizer):
    """A saint named by "Hazrat" or by the shrine ("the dargah of Shah X", "Shah X's mazar"): kept whole."""

    name, score = "shrine_saint", 0.85
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        low = t.low
        if not any(w in low for w in ("hazrat", "hajrat", "dargah", "darga", "mazar", "mazaar", "shrine", "tomb",
                                      "urs ", "khanqah", "majar")):
            return
        for m in _SHRINE_SAINT.finditer(t.text):
            g = 1 if m.group(1) else 0 if m.group(2) else 3
            s, e = m.span(g)
            e = s + len(POSS.sub("", t.text[s:e]))
            yield self.span(s, e, KEEP, reason="a saint named by 'Hazrat' or by the shrine ('the dargah of Shah X')")


_KIN_THEN_CAPITAL = re.compile(r"[ \t]+[A-Z\u00c0-\u00de]")


def _active_sections(t):
    from .regional import active_sections  # (regional imports this module)
    return active_sections(t)


def _active_kin(t: TextContext) -> frozenset[str]:
    from .regional import active_kin  # (regional imports this module)

    return active_kin(t)


def _adjective_of(lang: str | None, word: str) -> bool:
    """``word`` is an adjective of the text's language that its cue table lists before relation nouns and is
    no relation noun of it ("gran" of "mi gran amiga"): an English kin word spelt alike means the adjective there."""
    if lang in (None, "en"):
        return False
    from .multilingual import language_cues
    lc = language_cues()[0].get(lang)
    return lc is not None and word in lc.adjectives and word not in lc.relations and word not in lc.titles


_ASKED_COMPLEMENT = re.compile(r"(?<![\w'’])(?:is|was|isn['’]t|wasn['’]t|are|were)[ \t]+(?:it|that|this|they|he|she)[ \t]+$",
                               re.I)
_NOT_NOUN_AFTER = frozenset({"who", "whom", "whose", "which", "that", "and", "but", "from", "with", "here", "there",
                             "called", "named"})
# "we're", "they are", perhaps a nationality or language word: what follows is a people, not a person
_WE_ARE_BEFORE = re.compile(r"\b(?:[Ww]e|[Tt]hey)(?:['’]re|[ \t]+are|[ \t]+were)[ \t]+(?:(?:the|all)[ \t]+)?"
                            r"(?:[A-Z][a-z]+[ \t]+)?$")
_ARTICLE_WORD_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z]+[ \t]+)?$")
_THAT_AFTER = re.compile(r"[ \t]+(?:that|which)\b")
# a sentence of one word, then another on the same line ("So. Xxx. I've told you."): a word said on its own (an
# interjection), not a name opening a sentence
_ONE_WORD_SENTENCE_AFTER = re.compile(r"[.!][ \t]+[A-Z]")
_BY_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+by[ \t]+name\b")
_FAMILY_POSS = re.compile(r"(?<![\w'’])(?:[Oo]ur|your)[ \t]+(?=[A-Z])")


def words_before_capitals(text: str, blank_capitals: list[int]) -> Iterator[tuple[int, int]]:
    """For each capital A-Z among the capitals after blanks (:attr:`TextContext.blank_capitals`): the capital
    and where the text before its run of blanks ends (the index of its last character; -1 where none)."""
    for c in blank_capitals:
        if "A" <= text[c] <= "Z":
            j = c - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            yield c, j


def family_possessive_ends(text: str, blank_capitals: list[int]) -> list[int]:
    """``[p.end() for p in _FAMILY_POSS.finditer(text)]`` from the text's capitals after blanks
    (:attr:`TextContext.blank_capitals`, the shared token pass): a match ends at a capital A-Z after its
    run of blanks (all of it: the run is greedy), so at one of those capitals, and before that run stands
    "our", "Our" or "your" with no word character, "'" or "’" before it (at most one of them: "our" inside
    "your" has a word character before it). The scan tried its look-behind at every position (~15 µs a
    comment)."""
    out = []
    for c, j in words_before_capitals(text, blank_capitals):
        if j < 2 or text[j] != "r":  # (each word ends in "r")
            continue
        for w in ("your", "our", "Our"):
            p = j + 1 - len(w)
            if p >= 0 and text.startswith(w, p) and (p == 0 or not (_word_char(text[p - 1]) or text[p - 1] in "'’")):
                out.append(c)
                break
    return out
_FAMILY_NAME = re.compile(r"([A-Z][a-z]+)(?![\w'’-])")
_CLAUSE_AFTER_NAME = re.compile(r"[ \t]*(?:[,;:!?)]|\.(?:\s|$)|$)|[ \t]+(?:is|isn['’]t|was|wasn['’]t|has|hasn['’]t|had|"
                                r"does|doesn['’]t|did|didn['’]t|can|can['’]t|will|won['’]t|would|wouldn['’]t|could|"
                                r"couldn['’]t|never|always|used)\b")


class RelationRecognizer(Recognizer):
    """The person after a relation noun: "my therapist Joy", "my sister kasia", "meine Therapeutin
    Ulrike", "her son (name)", and before one: "kath (my therapist)", "Rosalind, my therapist"."""

    name, score, signal = "relation", 0.8, "cue"
    # also in the languages of .multilingual, whose writers mix in English and German relation nouns
    # ("my tía Chayo", "mi abuela Rosa" is theirs too: "tía", "abuela" are on the policy's list)
    languages = frozenset({"en", "de", "fr", "es", "it", "pt", "nl"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues, lex = t.text, self.cues, self.lex
        found: list[tuple[int, int, bool]] = []
        low = t.low
        for p in possessive_patterns(self.policy.rules).low.finditer(low):
            if not self._may_relate(text, p.end()):
                continue
            m = _RELATION_TAIL.match(text, p.end())
            if m and m.group("rel").casefold() in cues.relations:
                found.append((m.start("name"), m.end("name"), True))
        for p in _APPOSITION_FAST.finditer(low):
            if (p.group("rel") or p.group("rel2")) not in cues.relations:
                continue
            m = _NAME_BEFORE.search(text, max(0, p.start() - 40), p.start())
            if m:
                found.append((m.start("name"), m.end("name"), False))
        yield from self._kin_titles(t)
        yield from self._kin_apposition(t)
        if t.english:
            yield from self._family_name(t)
            if " by name" in text:
                for m in _BY_NAME.finditer(text):  # "Xxx by name, xxx by nature": the word is the name there
                    cf = m.group(1).casefold()
                    if (cf in lex.first_names or cues.any_given_name(cf)) and cf not in cues.not_names \
                            and t.free(*m.span(1)):
                        yield self.person(t, m.start(1), m.end(1), "a given name said to be the name ('X by name')")
        for s, e, before in found:
            core = POSS.sub("", text[s:e])
            e = s + len(core)
            cf = core.casefold()
            if len(core) < cues.min_len or cf in cues.not_names or cf in cues.relations or cf in cues.titles \
                    or (cf in cues.regional_kin and _KIN_THEN_CAPITAL.match(text, e) and self._kin_applies(t, cf, core)):
                continue  # "my husband, Taid Gwilym": the kin word of another language; the kin rule takes the name
            if not self._name_shaped(t, core, before) and not (before and self._word_name_here(t, core, e)):
                continue
            if not before and not (self.cues.any_given_name(cf) or self.lex.rank(cf) is None):
                continue  # "Anyway, my therapist ...": only a name stands in apposition
            if not before and _EN_PLACE_PREP_BEFORE.search(text, max(0, s - 6), s) and knowledge().is_place(core):
                continue  # "when I was young in Xxx, my friend Y ...": where, then the person
            # (after a relation noun and a given name, the capital right after is the surname even when it
            # is also a town: "my husband Wolcott Zandvoort"; a comma or "in" would make it where)
            # (in lower case the surname too: "my therapist xxx yyy-zzz", "my therapist xxx quenby")
            ee = self.extend(text, e, t.lang, given=True) if core[:1].isupper() else \
                lower_second_name(self, t, e, titled=True) if t.lower_style and t.english else e
            # right after "my grandson", a given name that is also a town is the grandson ("my grandson
            # Tyler", "my flatmate Clare"), even in a post that names the town: the relation outweighs a place
            sure = before and core[:1].isupper() and self.cues.any_given_name(cf)
            yield self.person(t, s, ee, "relation noun beside a name", score=0.82 if sure else None)

    def _family_name(self, t: TextContext) -> Iterator[Span]:
        """"our Xxx", "your Xxx" with no relation noun: families call their own so ("our Shad had ...", "your
        Barry isn't ..."). A capitalised given name of the names data right after the possessive, mid-sentence,
        then a verb or the end of the clause; a given name that is a frequent word too ("our Job isn't")."""
        text, cues, lex = t.text, self.cues, self.lex
        for end in family_possessive_ends(text, t.blank_capitals):  # _FAMILY_POSS.finditer(text)
            m = _FAMILY_NAME.match(text, end)
            if m is None:
                continue
            core = m.group(1)
            cf = core.casefold()
            if cf in cues.relations or cf in cues.titles or cf in cues.not_names or cf in cues.kin_titles \
                    or not (cf in lex.first_names or cues.any_given_name(cf)) or knowledge().is_place(core):
                continue
            rank = lex.rank(cf)
            if cues.function_word(cf) and (rank or 0) < 200 or not t.free(m.start(1), m.end(1)):
                continue
            e = m.end(1)
            if _CLAUSE_AFTER_NAME.match(text, e) or cues.verb_after(text, e):
                yield self.person(t, m.start(1), e, "a given name after 'our'/'your', as families call their own")

    def _may_relate(self, text: str, pos: int) -> bool:
        """False only where ``_RELATION_TAIL.match(text, pos)`` cannot give a relation noun of the
        policy (most words after "my", "her", "our" are none): no adjective of ``_REL_ADJ`` opens
        there, so the noun is the whole run of its characters at ``pos`` (the pattern then needs a
        blank or a comma, which the run cannot hold), and that run is no relation noun. An
        adjective, if one matches, is the run of letters at ``pos`` (it must be followed by a blank
        or "-"), so a full match of that run is asked. Saves the pattern (~3 µs) on most possessives."""
        run = _REL_RUN.match(text, pos)
        if run is None:
            return False  # no character the noun (or an adjective) could start with
        if text[run.end():run.end() + 1] in ("'", "’"):
            return True  # a chain through a possessive ("my brother's friend X"): the pattern decides
        # the rest is a function of the run alone (its run of letters is the one at ``pos``: the same
        # characters less "-"), kept per run: the words after possessives repeat
        word = run.group()
        memo = self.__dict__.setdefault("_relate_memo", {})
        hit = memo.get(word)
        if hit is None:
            if len(memo) > 100_000:  # words, not texts: bounded
                memo.clear()
            first = _REL_LETTERS.match(word)
            hit = memo[word] = (first is not None and _REL_ADJ_ONE.fullmatch(first.group()) is not None) \
                or word.casefold() in self.cues.relations
        return hit

    def _kin_applies(self, t: TextContext, kin: str, surface: str) -> bool:
        """A kin word of the policy's list, or of a language the post mixes in, or one of another language
        written with a capital that is no common English word ("Oom", "Nain"; not "Ate" outside Taglish)."""
        return kin in self.cues.policy_kin or kin in _active_kin(t) or (
            not surface.islower() and (self.lex.rank(kin) or 10 ** 6) >= 10000)

    def _kin_titles(self, t: TextContext) -> Iterator[Span]:
        """A kinship or respect word said before a name as a form of address ("Tita Baby", "Kuya Jun",
        "pani Ewelina", "Father Mulcahy"): the next word is a name even when it is also a word. An
        English kin word ("Father", "Auntie") needs a name-like word after it ("Mother Nature" stays)."""
        text, cues, lex = t.text, self.cues, self.lex
        for m in kin_title_matches(text, cues.kin_titles, t.blank_capitals):
            kin = m.group("kin").casefold().replace("’", "'")
            if kin not in cues.kin_titles:
                continue
            if not self._kin_applies(t, kin, m.group("kin")):
                continue  # "we ate Doritos": a kin word of another language ("Ate") that is an English word too
            if _adjective_of(t.lang, kin):
                continue  # "Gran Canaria", "Gran Hotel": in Spanish or Italian "gran" is "great", not a grandmother
            s, e = m.span("name")
            core = POSS.sub("", m.group("name"))
            e = s + len(core)
            cf = core.casefold()
            if len(core) < 2 or cues.function_word(cf) or cf in cues.titles or cf in cues.kin_titles \
                    or (cf in cues.not_names and cf not in cues.relations) or not t.free(s, e):
                continue
            kr = lex.rank(kin) if t.english else lex.lang_rank(kin, t.lang)
            rank = lex.rank(cf) if t.english else lex.lang_rank(cf, t.lang)
            name_like = (cues.any_given_name(cf) or cf in lex.intl_names or lex.is_surname(cf)
                         or rank is None or rank >= 5000)
            if t.lang in NOUN_CAPS and not name_like:
                continue  # "Oma Kuchen": German capitals say nothing
            if kin in _NAME_PREFIXES and not (_SYLLABLE.fullmatch(cf) and (rank is None or rank >= 3000)):
                continue  # "Ah Ma" (grandma), "Ah Clíodhna" (an interjection): only a syllable of a name
            if kr is not None and kr < 10000 and not name_like:
                continue  # "Mother Nature", "Father Time", "Brother Bear"
            if knowledge().is_place(core) and not cues.any_given_name(cf) and not lex.is_surname(cf) \
                    and kin not in cues.regional_kin:
                continue  # "Uncle in Texas" has no capital; "Sister Bay" is a place ("Mother Battle" is a surname)
            if knowledge().is_place(text[m.start("kin"):self.extend(text, e, t.lang)]) \
                    or (kin in _KUNYA and (cf in _ARTICLES_AL or cf.startswith(("al-", "el-")))):
                continue  # "Abu Dhabi", "Umm Al Quwain": a place named with the word; a kunya names a child, no article
            # "Tita Baby": a capitalised kin word that is also a given name (and no word) goes with the name;
            # so does a name prefix that is part of the name ("Ah Huat")
            # (a kin word of a language the post mixes in is that word: "Lola Corazon" in Taglish is grandmother Corazon)
            start = m.start("kin") if (m.group("kin")[:1].isupper() and not (kin in cues.regional_kin and kin in _active_kin(t))
                                       and (cues.any_given_name(kin) and (kr is None or kr >= 10000)
                                            and not (t.english and lex.dictionary_word(kin)) or kin in _NAME_PREFIXES)) else s
            # ("Deacon X": an English word of the dictionary before the name is the form of address, not part of it;
            # after it and a given name, the surname even where it is also a town: "Deacon Xxx Ashwood")
            # (after a form of address of another language, the word is a given name by its place: "Puan X Y")
            end = self.extend(text, e, t.lang, given=cues.any_given_name(cf) or kin in cues.regional_kin)
            org = institution_end(text, s) if t.english else None
            if org is not None:
                # "Sir Xxx Yyy Collegiate", "Father Xxx High School": a school or hospital named after a person
                # with the person's title; the organisation's rule keeps it whole
                yield self.span(m.start("kin"), org, KEEP, reason="an institution named after a titled person")
                continue
            if t.english and kin in _PRIEST and m.group("kin")[:1].isupper() and text[e:e + 1] not in ("'", "’") \
                    and _AT_RIGHT_BEFORE.search(text, max(0, m.start("kin") - 4), m.start("kin")):
                # "we saw the doctor at Father Xxx;": where one is seen at a priest's name is the hospital or college
                # named after him (at a person is "at Father Xxx's")
                yield self.span(m.start("kin"), end, KEEP, reason="an institution named after a priest ('at Father X')")
                continue
            if kin == "sir" and end == e and not cues.any_given_name(cf) and (lex.is_surname(cf) or rank is None):
                start = m.start("kin")  # "Sir X" with a surname alone: how pupils address a teacher, not a knight
            if end > e and not t.free(start, end):
                end = e  # "Tata Sipho Zwane" where "Zwane" is a commenter's known name: the given name alone
            yield self.person(t, start, end, "a kinship or respect word before a name")
            if kin in _KUNYA:
                # "Haneen Umm Zaydan": a given name, then the kunya said after it as part of the name
                b = _GIVEN_BEFORE.search(text, max(0, m.start("kin") - 30), m.start("kin"))
                if b is not None:
                    bcf = b.group(1).casefold()
                    if (cues.any_given_name(bcf) or bcf in lex.intl_names) and bcf not in cues.titles \
                            and bcf not in cues.not_names and not cues.function_word(bcf) and bcf not in cues.kin_titles \
                            and not knowledge().is_place(b.group(1)) and t.free(b.start(1), b.end(1)):
                        yield self.person(t, b.start(1), b.end(1), "a given name before a kunya")
            if start == s and m.group("kin")[:1].isupper() and kin in cues.regional_kin and kin in _active_kin(t):  # ("Ntate", "Nain", "Malam": a form of address, no name)
                yield self.span(m.start("kin"), m.end("kin"), KEEP, reason="a kinship or respect word before a name")

    def _kin_apposition(self, t: TextContext) -> Iterator[Span]:
        """A kin word of a language the post mixes in, said for the person, then the person's name between
        commas ("Omma, Min-ja, who ...", "Teta, Samira, never ..."): the name in apposition goes."""
        text, cues, lex = t.text, self.cues, self.lex
        kin_here = _active_kin(t)
        if not kin_here:
            return
        for m in _KIN_COMMA_NAME.finditer(text):
            kin = m.group("kin").casefold()
            if kin not in kin_here or kin not in cues.regional_kin:
                continue
            s, e = m.span("name")
            cf = m.group("name").casefold()
            if cf in cues.not_names or cf in cues.kin_titles or cf in cues.titles or cues.function_word(cf) \
                    or knowledge().is_place(m.group("name")) or not t.free(s, e):
                continue
            rank = lex.rank(cf)
            if not (cues.any_given_name(cf) or cf in lex.intl_names or rank is None or rank >= 5000):
                continue
            yield self.person(t, s, e, "a name in apposition to a kin word of a mixed-in language")

    def _name_shaped(self, t: TextContext, core: str, before: bool) -> bool:
        cf = core.casefold()
        rank = self.lex.lang_rank(cf, t.lang) if not t.english else self.lex.rank(cf)
        if core[:1].isupper():
            if t.lang in NOUN_CAPS:
                # German capitalises nouns: "meine Therapeutin Ulrike" yes, "meine Therapeutin Frau X" no
                return self.cues.any_given_name(cf) or rank is None or (rank >= 3000 and self.lex.is_name(cf))
            # "my therapist Joy", "my friend Dawn": any capitalised word but a function word (a given name of the
            # lists among the frequent words is the name there too: "my husband Job", "my brother Lucky")
            return (not self.cues.function_word(cf) or cf in self.lex.first_names and (rank or 0) >= 200) \
                and (not before or not self._verb_like(cf))
        # lower case: a given name, or no word at all ("my sister kasia", "my therapist jonas")
        if (rank is not None and rank < SOFT_RANK) or not cf.replace("-", "").isalpha():
            return False
        if t.lang in NOUN_CAPS and not t.lower_style:
            return False  # German capitalises names: "in meine Therapeutin verschaut" is a verb
        return self.cues.any_given_name(cf) or self.cues.is_last(cf) or rank is None

    def _word_name_here(self, t: TextContext, core: str, e: int) -> bool:
        """A lower-case given name that is also a word, right after a relation noun, where only a
        name fits: before a bracket or a clause break, or as the subject of a finite verb ("my T faith
        (yes, really)", "my sister hope says"); not "my friend will come", "my mum grace before meals"."""
        cf = core.casefold()
        if not core.islower() or not (cf in self.cues.first_names or self.cues.any_given_name(cf)):
            return False
        return bool(re.match(r"[ \t]*(?:[(,;:!?]|\.(?:\s|$)|$)", t.text[e:e + 3])) or self.cues.verb_after(t.text, e)

    def _verb_like(self, cf: str) -> bool:
        # "Blessing", "Conching" are names: only a frequent -ed/-ing word that is no name reads as a verb
        return cf.endswith(("ed", "ing")) and not self.cues.any_given_name(cf) and not self.lex.is_surname(cf) \
            and self.lex.rank(cf) is not None


_COPULA_END = re.compile(r"['’]s\b|[ \t]*(?:[,.;:!?)\n]|$|[ \t]+(?:and|but|who|too|btw|lol)\b)")
_COPULA_GATE = re.compile(r"\b(?:is|was|are|were)[ \t]+[A-Z]")
_COPULAS = ("is", "was", "are", "were")


def copula_before_capital(text: str, blank_capitals: list[int]) -> bool:
    """``_COPULA_GATE.search(text) is not None`` from the text's capitals after blanks
    (:attr:`TextContext.blank_capitals`, which every English text has): a match ends at a capital A-Z
    after a blank; before that capital's run of blanks stands the copula, whole (its first letter
    after no word character). The scan tried its ``\b`` at every position (~14 µs a comment)."""
    for _c, j in words_before_capitals(text, blank_capitals):
        for w in _COPULAS:
            p = j + 1 - len(w)
            if p >= 0 and text.startswith(w, p) and (p == 0 or not (text[p - 1].isalnum() or text[p - 1] == "_")):
                return True
    return False


class RelationCopulaRecognizer(Recognizer):
    """The person a relation noun is said to be: "my elder brother is Innocent", "my brothers are
    Knowledge and Talent". A capitalised word mid-sentence after "is/are" is the name when the names
    data has it as a given name, even if it is also a word ("Innocent", "Talent"); an adjective
    ("my sister is Irish", "my mum is Catholic") is no given name there and stays."""

    name, score, signal = "relation_copula", 0.8, "cue"
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues, lex = t.text, self.cues, self.lex
        if t.lower_style and " is " in text:
            yield from self._lower(t)
        if not copula_before_capital(text, t.blank_capitals):  # (_COPULA_GATE.search(text))
            return
        for m in possessive_patterns(self.policy.rules).copula.finditer(text):
            rel = m.group("rel").casefold()
            if rel not in cues.relations and rel + "s" not in cues.relations:
                continue
            if not _COPULA_END.match(text, m.end()):
                continue  # "my therapist is Brilliant at this": a complement that goes on is no name
            names = [(m.start("name"), m.end("name"))]
            if m.group("more"):
                base = m.start("more")
                names += [(base + x.start(), base + x.end())
                          for x in re.finditer(r"[A-Z][\w'’-]*", m.group("more"))]
            for s, e in names:
                core = POSS.sub("", text[s:e])
                e = s + len(core)
                cf = core.casefold()
                if cf in cues.not_names or cues.function_word(cf) or knowledge().is_demonym(core):
                    continue  # (a town called so is no objection: a relation noun is a person)
                if cf in lex.first_names or cues.any_given_name(cf) or lex.rank(cf) is None:
                    yield self.person(t, s, self.extend(text, e), "a relation noun said to be this person")

    def _lower(self, t: TextContext) -> Iterator[Span]:
        """"my therapist is xxx." in lower-case chat: a given name that is no frequent word (an adjective
        there is one of the commonest words: "my therapist is kind."), or a word of no language."""
        cues, lex = self.cues, self.lex
        for m in possessive_patterns(self.policy.rules).copula_low.finditer(t.text):
            rel, cf = m.group("rel"), m.group("name")
            if rel not in cues.relations or cf in cues.not_names or cues.function_word(cf) \
                    or cues.derived_word(cf) or cf.endswith(("ing", "ed", "ful", "ous", "ive")) \
                    or knowledge().is_demonym(cf) or not t.free(*m.span("name")):
                continue
            r = lex.rank(cf)
            given = cf in lex.first_names or cues.any_given_name(cf)
            if (given and (r is None or r >= 3000)) or (r is None and not lex.ordinary_in(cf)):
                yield self.person(t, m.start("name"), lower_second_name(self, t, m.end("name")),
                                  "a relation noun said to be this person (lower case)")


# letters written one by one with hyphens between them: a fingerspelled or spelled-out word ("S-A-M")
_SPELLED = re.compile(r"([A-Z\u00c0-\u00de](?<![\w-][A-Z\u00c0-\u00de])(?:-[A-Z\u00c0-\u00de]){2,})(?![\w-])")
_SPELL_CUE = re.compile(r"\b(?:name|names|named|called|spell|spells|spelled|spelt|spelling|fingerspell|fingerspells|"
                        r"fingerspelled|fingerspelling|heiße|heißt|buchstabiert|llamo|chiamo|chamo|appelle|signed)\b"
                        r"[^.!?\n]{0,30}$", re.I)


_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")


class SpelledNameRecognizer(Recognizer):
    """A name spelled letter by letter ("my name is S-A-M", "he fingerspells it T-O-B-I-A-S"): in sign
    language writing and wherever people spell their names out. The letters joined are a name where
    a naming or spelling word comes before them, or where the joined word is a given name that is
    no frequent word, or no word at all; a spelled ordinary word stays ("it was F-I-N-E")."""

    name, score = "spelled", 0.85

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if "-" not in text:
            return
        for m in _SPELLED.finditer(text):
            cf = m.group(1).replace("-", "").casefold()
            rank = self.lex.rank(cf)
            cue = _SPELL_CUE.search(text, max(0, m.start() - 60), m.start()) is not None
            if cue or (self.cues.any_given_name(cf) and not self.lex.dictionary_word(cf)) \
                    or (rank is None and not self.lex.ordinary_in(cf) and not self.lex.dictionary_word(cf)
                        and len(set(cf) & _VOWELS) > 0):  # (no vowel: an acronym spelled out, "C-P-T-S-D")
                yield self.person(t, m.start(1), m.end(1), "a name spelled letter by letter")


# the writer names someone by initials only: "a woman I'll call L.", "let's call him R. J."
_CALL_INITIALS = re.compile(r"\b(?i:I['’]ll|I will|I['’]d|we['’]ll|we will|let['’]s|I['’]m going to|I am going to)[ \t]+"
                            r"(?:only[ \t]+|just[ \t]+|simply[ \t]+)?call[ \t]+(?:(?:him|her|them)[ \t]+)?"
                            r"((?:[A-Z\u00c0-\u00de]\.[ \t]?){1,3})(?![A-Za-z])")


# a subject right before "called": the verb of telephoning ("I called X", "she finally called X"), not of naming
_SUBJECT_BEFORE = re.compile(r"(?<![\w'’])(?i:I|we|you|he|she|they)(?:[ \t]+(?i:just|finally|then|also|already|never|"
                             r"even|have|had|has|'ve|once|first))?[ \t]+$")


# a priest's title before a name, and "at" right before it: "at Father Xxx" is a hospital or college named after him
_PRIEST = frozenset({"father", "fr", "fr."})
_AT_RIGHT_BEFORE = re.compile(r"(?<![\w'’])at[ \t]+$")


class NamedRecognizer(Recognizer):
    """"a colleague named robin", "her name is ivy": a lower-case given name after a naming phrase."""

    name, score = "named", 0.8
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if "call" in text:
            for m in _CALL_INITIALS.finditer(text):  # "a woman I'll call L.": initials standing for a name
                yield self.person(t, m.start(1), m.end(1), "initials the writer names someone by ('I'll call X.')")
        if "call" in text or "nicknamed" in text or "goes" in text:
            for m in _NICKNAME.finditer(text):
                g = next(i for i in (1, 2, 3, 4) if m.group(i))
                cf = m.group(g).casefold()
                if cf in self.cues.not_names or self.cues.function_word(cf) or self.lex.contraction(cf):
                    continue
                rank = self.lex.rank(cf)
                # "calls me back", "call me crazy": a frequent word there is no nickname
                if self.cues.any_given_name(cf) and (rank is None or rank >= 3000) or rank is None or rank >= 5000:
                    yield self.person(t, m.start(g), m.end(g), "a nickname ('calls me X', 'X is what she calls me')")
        if "name" not in text and "called" not in text:
            return
        for m in _LOWER_NAMED.finditer(text):
            cf = m.group(1)
            if self.cues.function_word(cf) or len(cf) < 3:
                continue
            if cf in self.cues.not_names and not (self._person_called(text, m.start()) and cf.casefold() in self.lex.first_names):
                continue
            # ("a guy called august", "a therapist named june": after a person noun, a given name of the names
            # data is the name even where it is a word or a month)
            # "a man named otieno": after "named" any word but a function word is a name; after
            # "called" ("something called cbt") only a given name or a word of no language
            named = not m.group(0).casefold().startswith("called")
            if not named and cf.casefold() not in self.lex.first_names \
                    and _SUBJECT_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue  # "I called Xxx today", "we called the clinic": after a subject, "called" is telephoned
            rank = self.lex.rank(cf)
            # ("a lad called Jordan": a capitalised given name that is no word of the dictionary)
            capital_given = cf[:1].isupper() and cf.casefold() in self.cues.first_names \
                and not self.lex.dictionary_word(cf.casefold()) and (not knowledge().is_place(cf) or self._person_called(text, m.start()))
            person_given = cf.casefold() in self.lex.first_names and self._person_called(text, m.start())
            if cf in self.cues.first_names or capital_given or person_given or (rank is None and not self.lex.ordinary_in(cf)) or (
                    named and (self.cues.any_given_name(cf) or cf in self.lex.intl_names
                               or ((rank is None or rank >= 3000) and not self.lex.only_word(cf)))):
                e = m.end(1)
                nxt = _LOWER_NEXT.match(text, e)
                if nxt is not None:
                    ncf = nxt.group(1)
                    nr = self.lex.rank(ncf)
                    if ncf not in self.cues.not_names and not self.cues.function_word(ncf) and len(ncf) >= 3 \
                            and not self.lex.contraction(ncf) and (
                                (self.lex.is_surname(ncf) and (nr is None or nr >= 5000))
                                or (nr is None and not self.lex.ordinary_in(ncf))):
                        e = nxt.end(1)  # "my full name is allan mungo": the surname after the given name
                elif m.group(1)[:1].isupper():
                    # "a dietitian called Ilsa Marchbank": her surname too, even where it is also a town
                    e = self.extend(text, e, t.lang, given=capital_given or cf.casefold() in self.cues.first_names)
                    if not t.free(m.start(1), e):
                        e = m.end(1)  # the surname was decided before (a place): the given name at least
                yield self.person(t, m.start(1), e, "lower-case name after 'named'/'called'")


    def _person_called(self, text: str, s: int) -> bool:
        """A person noun before "called"/"named": "a lad called X", "my counsellor named X" (X is no town there)."""
        b = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, s - 20):s])
        return b is not None and (b.group(1).casefold() in _PERSON_NOUNS or b.group(1).casefold() in self.cues.relations)


class GreetingRecognizer(Recognizer):
    """A lower-case name or handle after a greeting or thanks: "thank u sunflower", "hi lenka"."""

    name, score = "greeting", 0.75

    def __init__(self, cues: Cues):
        super().__init__(cues)
        words = sorted(cues.greetings, key=len, reverse=True)
        self._re = re.compile(r"(?<![\w'’])(?:" + by_first_letter("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words))
                              + r")[\s,]+(?P<name>[a-z\u00df-\u00ff][a-z\u00df-\u00ff]+)(?![\w@/'’-])")
        self.triggers = first_runs(words)  # every span comes from a match of ``_re``

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text, self.cues
        if not t.lower_style and not t.english:
            return
        for m in self._re.finditer(t.low):
            s, e = m.span("name")
            cf = text[s:e]
            if not cf.islower() or cf in cues.not_names or cf in cues.greet1 or cf in INTERJECTIONS or len(cf) < 3:
                continue
            rank = self.lex.rank(cf)
            if not t.lower_style and rank is None and not self.lex.ordinary_in(cf) and not _REPEATS.search(cf) \
                    and not self.lex.contraction(cf) and not self.lex.word_form(cf) and re.match(r"[ \t]*(?:[,!.]|$|\n|[^\w\s]|and\b)", text[e:e + 4]):
                # a lower-case word of no language after a greeting in capitalised text is a handle
                yield self.person(t, s, e, "a handle written in lower case after a greeting")
                continue
            if t.lower_style and (rank is None or rank >= 3000) and not cues.any_given_name(cf) \
                    and not _REPEATS.search(cf) and re.match(r"[ \t]*(?:[,!.]|$|\n|[^\w\s])", text[e:e + 3]):
                yield self.person(t, s, e, "a word addressed after a greeting (a handle)")
                continue
            if not (cf in cues.first_names or (t.lower_style and cues.any_given_name(cf))):
                continue
            if (rank is None or rank >= SOFT_RANK) and (t.lower_style or not re.match(r" [a-z]", text[e:e + 2])):
                yield self.person(t, s, e, "name after a greeting")


# initials after a dash closing a text, in either case, perhaps after a form of address: "— t.k.b.",
# "— Pastor F.N.", "— Mother C. F.", "— Dr. K.U-M." (a double-barrelled second initial)
_DASH_INITIALS = re.compile(r"(?:^|\s)[-–—~]+[ \t]*(?:(?P<title>[^\W\d_]{2,}\.?)[ \t]+)?"
                            r"(?P<name>[^\W\d_]\.(?:[ \t]?[^\W\d_](?:-[^\W\d_])?\.){0,3})[ \t]*$")
# abbreviations written with dots that close a sentence as initials would: no person
_DOTTED_ABBREVIATIONS = frozenset({"eg", "ie", "am", "pm", "us", "uk", "nb", "ps", "pps", "aka", "etc", "ok", "bc",
                                   "ad", "vs", "cf", "jr", "sr", "st", "dr", "mr", "ms", "mrs", "ca", "op", "tv",
                                   "rip", "asap", "tbh", "usa", "eu", "un", "dc", "la", "ny", "nyc"})


# The last line of a text shaped as a signature of initials and a name: initials and a surname ("G. Hollerer",
# "J. & C. Vanlaer", "D. Kamst-de Roo", "A. v.d. Berg"), a given name and an initial ("Wendel B."), or initials
# alone, perhaps double-barrelled ("B-L H.", "A. G."). It opens a line (perhaps after a dash), or follows the
# text's last sentence or a closing word and a comma; after it only a short role or a bracket ("G.D., inf.",
# "A. G. (@handle ...)"). An initial with its period is what makes the words a name, whatever they are else.
_SIG_INITIAL = r"(?:" + _ICAP + r"\.?-" + _ICAP + r"\.?|" + _ICAP + r"\.)"  # "G.", "B-L", "M.-T."
_SIG_SURNAME = (r"(?:(?:van|von|de|der|den|ter|ten|te|du|da|del|di|le|la|v\.d\.|vd\.|v\.)[ \t]+)*"
                + _ICAP + r"[a-zà-ÿ]+(?:[-'’](?:(?:de|van|ter|den|der)[ \t]+)?" + _ICAP + r"?[a-zà-ÿ]+)*")
_SIGNATURE_LINE = re.compile(
    r"(?:^|\n|[.!?…][\"”’)]?[ \t]+(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f]+[ \t]+)?|,[ \t]+)[ \t]*"
    r"(?:[-–—~]+[ \t]*)?(?P<name>"
    r"(?P<init>" + _SIG_INITIAL + r"(?:[ \t]?(?:&[ \t]+)?" + _SIG_INITIAL + r"){0,2})(?:[ \t]+(?P<surname>" + _SIG_SURNAME + r"))?"
    r"|(?P<given>" + _ICAP + r"[a-zà-ÿ]+(?:-" + _ICAP + r"[a-zà-ÿ]+)?)[ \t]+" + _SIG_INITIAL + r"(?:[ \t]?" + _SIG_INITIAL + r")?)"
    r"(?:[ \t]*,[ \t]*[^\W\d_]{2,12}\.?|[ \t]+\([^()\n]{1,80}\))?[ \t]*$")


# a comment's signature on a Q&A site, kept when the page is copied: "– Name Nov 29 at 11:30", "– user48213 ♦ Dec 1
# '25 at 09:02" (a dash, the display name, a moderator's diamond, the date and time of posting)
_DATED_SIGNOFF = re.compile(
    r"(?:^|(?<=\s))[–—-][ \t]*(?P<name>[^\W_][\w'’.-]*(?:[ \t]+[^\W_][\w'’.-]*){0,2})[ \t]*(?:♦+[ \t]*)?[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}"
    r"(?:(?:,[ \t]*|[ \t]+)['’]?\d{2}(?:\d{2})?)?(?:,)?[ \t]+at[ \t]+\d{1,2}:\d{2}\b")
_DATED_NOT_NAME = frozenset({"the", "a", "an", "me", "edited", "asked", "answered", "posted", "comment", "on"})


class DatedSignoffRecognizer(Recognizer):
    """The display name in a Q&A site's comment signature ("... – Jo Bell Nov 29 at 11:30"): whatever words the name
    is made of ("Mark Faith", "Hope"), between the dash and the posting time it signs the comment."""

    name, score = "dated_signoff", 0.9
    triggers = frozenset({"at"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if ":" not in t.text:
            return
        for m in _DATED_SIGNOFF.finditer(t.text):
            s, e = m.span("name")
            name = t.text[s:e].rstrip(".")
            e = s + len(name)
            if not name or name.split()[0].casefold() in _DATED_NOT_NAME or not t.free(s, e):
                continue
            yield self.person(t, s, e, "a display name signing a comment before its date and time ('– X Nov 29 at 11:30')")


class SignoffRecognizer(Recognizer):
    """The writer's name closing a text: "Gwen" after "Warmly,", "— Mo", "Em xx", "Love, Sam x"."""

    name, score = "signoff", 0.75

    def _dash_initials(self, m: re.Match) -> bool:
        """Initials after a dash are the writer's, not an abbreviation ("— U.K.", "— e.g."); a word
        before them must be a form of address (a title, a kinship or church word)."""
        letters = re.sub(r"[^\w]", "", m.group("name")).casefold()
        if " " not in m.group("name") and (letters in _DOTTED_ABBREVIATIONS or letters in self.cues.acronyms):
            return False  # ("C. F.", with a blank between the letters, is someone's initials)
        title = (m.group("title") or "").rstrip(".").casefold()
        return not title or title in self.cues.all_titles or title in self.cues.kin_titles

    def _name_before(self, text: str, s: int) -> bool:
        b = re.search(r"([A-Z][^\W\d_]+)[ \t]*$", text[max(0, s - 30):s])
        if b is None:
            return False
        cf = b.group(1).casefold()
        return self.cues.any_given_name(cf) or cf in self.lex.intl_names or self.lex.rank(cf) is None

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text.rstrip(), self.cues
        if t.role == "title" or not text:
            return
        # "Harriet (she/her)", "Sam 🌻": pronouns and emoji after the name are not part of the line's shape
        tail = signoff_tail(text)  # (_SIGNOFF_TAIL.search(text, max(0, len(text) - 60)))
        if tail:
            text = text[:tail.start()].rstrip()
        if len(text) > 400 and "\n" not in text[-400:] and not re.search(r"[-–—~,]|\bx+\W*$", text[-60:], re.I):
            return  # a long last line that ends in no dash, comma or kisses: no sign-off
        last_nl = text.rfind("\n")
        if len(text) - last_nl > 160:  # a sign-off is short: look at the end of a long last line only
            last_nl = len(text) - 160
        last = text[last_nl + 1:]
        m = _DASH_INITIALS.search(text, max(0, len(text) - 40)) if "." in text[-40:] else None
        dashed = bool(m) and self._dash_initials(m)
        if dashed:
            # "— t.k.b.", "— Pastor F.N.", "— Dr. K.U-M.": initials signing after a dash, in either case,
            # perhaps after a form of address (a title goes with them, a kinship or church word stays)
            title = (m.group("title") or "").rstrip(".").casefold()
            s0 = m.start("title") if title and title in cues.titles else m.start("name")
            yield self.person(t, s0, m.end("name"), "initials signing the text after a dash")
        m = _INITIALS_END.search(text, max(0, len(text) - 40)) if not dashed else None
        if m and text[m.start("name") - 1] == "(" and not self._name_before(text, m.start("name") - 1):
            m = None  # "on TV (B.B.C.)": in brackets only after the name that signs ("— Ana (A.B.)")
        # "... in the U.K." is an abbreviation; "G. P." with a blank between the letters is someone's initials
        if m and (" " in m.group("name").strip() or re.sub(r"[^a-z]", "", m.group("name").casefold()) not in cues.acronyms):
            yield self.person(t, m.start("name"), m.end("name"), "initials signing the text")
        else:
            # initials after kisses, a closing word or a slash, or before kisses: "xo m.", "knus H.",
            # "/F.", "A.B. x"
            # (a match ends the text, which ends in no blank: with the initials' dot or the kisses' "x" or "o")
            m = _INITIALS_CLOSE.search(text, max(0, len(text) - 40)) if text[-1:] in (".", "x", "X", "o", "O") else None
            close = m.group("close").strip(" ,.").casefold() if m else ""
            if m and (m.group("kiss") or close == "/" or re.fullmatch(r"x{1,4}|xo+|xox+", close)
                      or self._closing(close)) \
                    and re.sub(r"[^a-z]", "", m.group("name").casefold()) not in cues.acronyms:
                yield self.person(t, m.start("name"), m.end("name"), "initials with a closing word or kisses")
        if '"' in t.text or "”" in t.text:
            for m in _INITIALS_QUOTE.finditer(t.text):
                yield self.person(t, m.start("name"), m.end("name"), "initials signing a quoted note")
        prev = text[:max(0, last_nl)].rstrip().rsplit("\n", 1)[-1] if last_nl > 0 else ""
        base = last_nl + 1
        closing_line = self._closing(prev.rstrip(" ,.!-–—").casefold())
        candidates = []
        m = _DASH_SIGNOFF.search(last) or _DASH_END.search(last)
        if m:
            candidates.append((m.start("name"), m.end("name"), "dash sign-off"))
        # (kisses close the line: "x", "xo", "xox" end in x or o, any case; no look otherwise)
        m = _KISS_SIGNOFF.search(last) if last.rstrip(" \t!.")[-1:] in ("x", "X", "o", "O") else None
        if m:
            candidates.append((m.start("name"), m.end("name"), "sign-off with kisses"))
        inline = re.search(r"(?:^|[.!?]\s+|\n)(?P<close>[A-Za-zÀ-ɏ ]{2,20}),[ \t]*(?P<name>[^\W\d_][\w’'-]*)"
                           r"(?:[ \t]+x+)?[ \t]*[.!]*[ \t]*$", last, re.I) if "," in last else None  # (its comma)
        if inline and self._closing(inline.group("close").strip().casefold()):
            candidates.append((inline.start("name"), inline.end("name"), "name after a closing word"))
        # without a comma: "liebe grüße hummel", "Kind regards Maeve", "love Jess x"
        bare = re.search(r"(?:^|[.!?,]\s+|\n)(?P<close>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]+"
                         r"(?P<name>[^\W\d_][\w’'-]*)(?:[ \t]+x+)?[ \t]*[.!]*[ \t]*$", last, re.I)
        if bare and not inline:
            close = bare.group("close").casefold()
            cf = bare.group("name").casefold()
            rank = self.lex.rank(cf) if t.english else self.lex.lang_rank(cf, t.lang)
            if (close in cues.closings and " " in close) or (
                    close in cues.closings and (rank is None or rank >= 20000 or cues.any_given_name(cf))
                    and not cues.word_name(cf)):
                if cf not in cues.relations and not cues.function_word(cf):
                    candidates.append((bare.start("name"), bare.end("name"), "name after a closing phrase"))
        if closing_line:
            m = re.fullmatch(r"[ \t]*(?:[-–—~][ \t]*)?(?P<name>[^\W\d_][\w’'.-]*(?:[ \t]+[^\W\d_][\w’'.-]*)?)"
                             r"(?:[ \t]+x+)?[ \t]*[!]*[ \t]*", last)
            if m:
                candidates.append((m.start("name"), m.end("name"), "name on the line after a closing word"))
        for s, e, why in candidates:
            s, e = s + base, e + base
            if re.search(r"(?:^|[\s/])[A-Za-z]\.\Z", t.text[max(0, s - 3):s]):
                continue  # the last of a run of initials ("C.D. x"), found whole above
            name = t.text[s:e].rstrip(".")
            e = s + len(name)
            words = name.split()
            cf = name.casefold()
            if not words or cf in cues.not_names or self._closing(cf) or cf in INTERJECTIONS:
                continue
            if not all(w[:1].isupper() or t.lower_style for w in words):
                continue
            if len(words[0].rstrip(".")) == 1 and not (closing_line or why in ("sign-off with kisses", "dash sign-off")):
                continue  # a lone initial is a sign-off only on its own line after a closing
            if any(len(w.rstrip(".")) > 1 and self.cues.function_word(w.casefold()) for w in words):
                continue
            if why == "sign-off with kisses" and _place_word_before(self.policy.rules, t.lang)[1].search(t.text[max(0, s - 24):s]):
                continue  # "see you at X. xx": the last word is where, the kisses sign a line with no name
            yield self.person(t, s, e, why)

    def _closing_any(self, t: TextContext, s: str) -> bool:
        """A closing line of English or German, or of the text's language ("Met vriendelijke groet")."""
        from .multilingual import language_cues  # (multilingual imports this module)
        lc = language_cues()[0].get(t.lang or "")
        return self._closing(s) or (lc is not None and (s in lc.closings or any(
            s.endswith(" " + c) for c in lc.closings if " " in c)))

    def _closing(self, s: str) -> bool:
        """A closing line: "Warmly", "Love", "Lots of love", "Take care all"."""
        s = s.strip(" ,.!")
        words = s.split()
        return s in self.cues.closings or (0 < len(words) <= 3 and any(w in self.cues.closings for w in words))


class SignatureLineRecognizer(SignoffRecognizer):
    """Initials with a surname, a given name with an initial, or initials alone signing a text, in any
    language (``_SIGNATURE_LINE``): "G. Hollerer", "Wendel B.", "J. & C. Vanlaer", "— V.S.". It runs before
    the places and organisations, which the shape outweighs ("L. Esch" signs, whatever Esch is); after the
    public figures and works ("— C.S. Lewis" closing a quotation stays)."""

    name, score = "signature", 0.86

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text.rstrip()
        if t.role == "title" or "." not in text[-120:]:
            return
        tail = signoff_tail(text)  # (_SIGNOFF_TAIL.search(text, max(0, len(text) - 60)))
        if tail:
            text = text[:tail.start()].rstrip()
        yield from self._signature_line(t, text)

    def _signature_line(self, t: TextContext, text: str) -> Iterator[Span]:
        """Initials with a surname, a given name with an initial, or initials alone signing the text
        (``_SIGNATURE_LINE``)."""
        m = _SIGNATURE_LINE.search(text, max(0, len(text) - 120))
        if not m:
            return
        cues = self.cues
        head = text[max(0, m.start() - 30):m.start() + 1]
        if m.group(0).lstrip()[:1] == "," and not self._closing_any(t, re.split(r"[.!?\n]", head)[-1].strip(" ,").casefold()):
            return  # after a comma only a closing word: "Herzlich, G. X", not "in the U.S., B. Y"
        if m.group("given"):
            cf = m.group("given").casefold()
            if cues.function_word(cf) or cf in cues.not_names or cf in cues.all_titles or cf in cues.kin_titles \
                    or cf in cues.relations or self._closing(cf) \
                    or not (cues.any_given_name(cf) or cf in self.lex.intl_names or (
                        (self.lex.rank(cf) is None) and (self.lex.lang_rank(cf, t.lang) is None))):
                return  # "Plan B.", "Vitamin D.": a word with a letter, no name with an initial
        else:
            letters = re.sub(r"[^\w]", "", m.group("init")).casefold()
            if not m.group("surname") and " " not in m.group("init") and "-" not in m.group("init") and (
                    letters in _DOTTED_ABBREVIATIONS or letters in cues.acronyms) and not m.group(0).lstrip().startswith(("—", "–", "-", "~")):
                return  # "... in the U.S.": an abbreviation closing the last sentence
            sur = m.group("surname")
            if sur and (cues.function_word(sur.casefold()) or self._closing(sur.casefold())):
                return
        s, e = m.span("name")
        b = _WORD_BEFORE_BLANK.search(text, max(0, s - 16), s)
        if b and (b.group(1).rstrip(".").casefold() in cues.all_titles or b.group(1).casefold() in cues.kin_titles):
            return  # "— Dr. K.U-M.", "— Mother E. V.": the sign-off and title rules take them, with the title
        if t.free(s, e):
            yield self.person(t, s, e, "initials and a name signing the text")



# What a comment says next to someone it has just addressed by name (no comma needed): a pronoun, a
# thanks, an agreement, a question word. Strict on purpose: "Therapy is hard" is no address.
_ADDRESS_NEXT = frozenset({"i", "i'm", "i've", "i'd", "i'll", "im", "ive", "you", "you're", "youre", "you've",
                           "youve", "you'll", "your", "u", "ur", "that's", "thats", "this", "thank", "thanks", "thx",
                           "ty", "same", "yes", "yeah", "yep", "haha", "hahaha", "lol", "omg", "sorry", "exactly",
                           "totally", "honestly", "agree", "agreed", "what", "hugs", "aw", "aww", "awww", "wow",
                           "oh", "ohh", "ha", "sending", "congrats", "glad"})
# commands addressed to the person named before them ("starling make a playlist"): a singular noun as
# subject would take -s ("a starling makes"), so a base-form verb after a bare word is an address
_IMPERATIVES = frozenset({"make", "tell", "come", "send", "let", "try", "go", "take", "keep", "stop", "don't", "dont",
                          "please", "remember", "check", "read", "look", "listen", "ask", "call", "text", "message",
                          "dm", "post", "share", "write", "give", "hang", "hold", "ignore", "trust", "enjoy", "be",
                          "breathe", "rest", "sleep", "eat", "drink", "update", "pm", "email", "ring"})
_ADDRESS_LEAD = re.compile(r"[ \t\"'“‘•*-]*(?:(?:oh|ha|haha|aw|aww|omg|lol|ok|okay|yes|yeah|wow|ooh|hey|hi|hello)"
                           r"[ \t]*[,!.]*[ \t]+)?", re.I)
_SENTENCE_GAP = re.compile(r"[.!?]+[ \t]+(?=[^\W\d_])")
_ADDRESS_TOKEN = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]+)?([^\W\d_][\w'’.-]*)")


class AddressRecognizer(Recognizer):
    """The person a comment or a line opens by addressing, without a comma: "Driftwood what did the
    plant say", "Ha, Juniper I do the same", "mangotango bluebell chidi thank you all". Capitalised
    words that open a sentence are usually ordinary words, so only a word that is no frequent word
    (a handle or a name) counts, and only when what follows talks to that person."""

    name, score = "address", 0.7
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if t.role == "title":
            return
        text = t.text
        # lines, and sentences inside lines ("... called cbt. mangotango bluebell thank you all")
        starts = [(m.start(), m.end(), 3000) for m in re.finditer(r"[^\n]+", text)]
        for m in _SENTENCE_GAP.finditer(text):  # inside a line a rarer word is needed ("Pathetic I know.")
            nl = text.find("\n", m.end())
            starts.append((m.end(), nl if nl >= 0 else len(text), 20000))
        lex = self.lex
        for line_start, line_end, rare in starts:
            pos = _ADDRESS_LEAD.match(text, line_start, line_end).end()
            first = _ADDRESS_TOKEN.match(text, pos, line_end)
            if first is None:
                continue
            r = lex.common_rank.get(first.group(1).casefold())
            # most lines open with a common word ("I", "The", "My"): no address, unless a lower-case
            # phrase handle may open the line ("blue heron thank you")
            common = r is not None and r < 3000 and not lex.proper_noun(first.group(1))
            if common and not (rare == 3000 and first.group(1).islower()):
                continue
            toks: list[tuple[int, int, str]] = []
            while len(toks) < 5:
                m = _ADDRESS_TOKEN.match(text, pos, line_end)
                if not m or (toks and m.start(1) == pos and m.start(1) > 0 and not text[m.start(1) - 1].isspace()):
                    break
                toks.append((m.start(1), m.end(1), m.group(1)))
                pos = m.end(1)
            if rare == 3000 and self._phrase_or_initials(t, toks):
                for s, e, why in self._found:
                    yield self.person(t, s, e, why)
                continue
            if common:
                continue
            if toks and text[toks[0][1]:toks[0][1] + 1] == "," and self._addressable(t, toks[0][2], True, 20000) \
                    and not where_pair(self.lex, text, toks[0][0], toks[0][1]) and not self._others_addressed(t, toks[0][1] + 1):
                s, e, tok = toks[0]
                yield self.person(t, s, e - (len(tok) - len(tok.rstrip(".'’-"))),
                                  "a name or handle opening a line, set off by a comma")
                continue
            # the shortest run of names followed by talk to them: "X what did", "X Y Z thank you"
            for k in range(1, len(toks)):
                nxt = toks[k][2].casefold().replace("’", "'")
                if not re.fullmatch(r"[ \t]+", text[toks[k - 1][1]:toks[k][0]]):
                    break  # a comma before the next word: "Driftwood, what" is the other recognizers' case
                if toks[k - 1][2][-1:] in ".!?" and len(toks[k - 1][2].rstrip(".!?")) > 1 \
                        and not toks[k - 1][2].endswith(".."):  # (an ellipsis trails off: "Xxx... I didn't know")
                    break  # "Xxx. I've been ...": a sentence of one word (a greeting), then another sentence
                after = text[toks[k][1]:toks[k][1] + 8].casefold()
                talk = nxt in _ADDRESS_NEXT or (nxt == "love" and re.match(r"[ \t]+(?:u|you|ya|y'all|yall)\b", after)) or (
                    nxt in _IMPERATIVES and not toks[k - 1][2].casefold().endswith("s"))
                command = nxt not in _ADDRESS_NEXT  # an imperative or "love u" follows
                full = k == 2 and self._full_name_opening(toks) and toks[0][2].casefold() not in self.cues.policy_kin
                if talk and (full or all(self._addressable(t, tk[2], k == 1, rare, command) for tk in toks[:k])):
                    for s, e, tok in toks[:k]:
                        e -= len(tok) - len(tok.rstrip(".'’-"))
                        yield self.person(t, s, e, "a name or handle addressed at the start of a line")
                    break
                if not self._addressable(t, toks[k - 1][2], False) and not (k == 1 and self._full_name_opening(toks)):
                    break

    def _full_name_opening(self, toks: list[tuple[int, int, str]]) -> bool:
        """The line opens with a capitalised word and a surname of the lists that is no dictionary word: one full
        name addressed, whose given name may be a rarer word ("Xxx Loveridge thank you")."""
        if len(toks) < 2 or not (toks[0][2][:1].isupper() and toks[1][2][:1].isupper()):
            return False
        first, last = toks[0][2].casefold(), toks[1][2].casefold()
        rank = self.lex.rank(first)
        return self.lex.is_surname(last) and not self.lex.dictionary_word(last) and (rank is None or rank >= 3000) \
            and not (self.cues.function_word(first) or first in self.cues.not_names or first in self.cues.titles
                     or first in INTERJECTIONS or first in self.cues.greet1 or knowledge().is_demonym(toks[0][2]))

    def _others_addressed(self, t: TextContext, pos: int) -> bool:
        """After "X," someone else is addressed: a given name set off by a comma ("Yes, Xxx, same here") or the
        readers ("Hello, my people"): the word before is an interjection or a greeting of another language."""
        m = OTHERS_ADDRESSED.match(t.text, pos)
        if m is None:
            return False
        name = m.group("name")
        return name is None or self.cues.any_given_name(name.casefold()) or name.casefold() in t.doc.known

    def _phrase_or_initials(self, t: TextContext, toks: list[tuple[int, int, str]]) -> bool:
        """A line opening with a handle that is a phrase or initials, then talk to that person:
        "blue heron thank you", "quiet marmot you're right" (a rare noun heading two or three plain
        words), "RJ welcome!!" (capitals that are no abbreviation). Yields through ``self._found``."""
        cues, lex, text = self.cues, self.lex, t.text
        self._found = []
        if toks and 2 <= len(toks[0][2]) <= 3 and toks[0][2].isupper() and len(toks) > 1:
            cf = toks[0][2].casefold()
            nxt = toks[1][2].casefold()
            r = lex.rank(cf)
            if (nxt in _ADDRESS_NEXT or nxt in ("welcome", "congrats", "hugs")) and cf not in cues.acronyms \
                    and cf not in cues.not_names and cf not in INTERJECTIONS and (r is None or r >= 20000) \
                    and re.fullmatch(r"[ \t]+", text[toks[0][1]:toks[1][0]]):
                self._found.append((toks[0][0], toks[0][1], "initials opening a line, then talk to that person"))
                return True
        for k in (2, 3):
            if len(toks) <= k:
                break
            words, nxt = toks[:k], toks[k][2].casefold().replace("’", "'")
            if nxt not in _ADDRESS_NEXT or not all(re.fullmatch(r"[ \t]+", text[a[1]:b[0]])
                                                    for a, b in zip(toks[:k], toks[1:k + 1])):
                continue
            head = words[-1][2].casefold()
            hr = lex.rank(head)
            if not words[-1][2].islower() or not (hr is None or hr >= 20000) or head.endswith(("s", "ly", "ed", "ing")) \
                    or cues.any_given_name(head) or knowledge().is_place(words[-1][2]):
                continue
            if all(w[2].islower() and not cues.function_word(w[2]) and w[2] not in cues.greet1 and w[2] not in INTERJECTIONS
                   and w[2] not in cues.closings and w[2] not in cues.not_names for w in words):
                self._found.append((words[0][0], words[-1][1], "a handle that is a phrase, opening a line"))
                return True
        return False

    def _addressable(self, t: TextContext, tok: str, alone: bool, rare: int = 3000, command: bool = False) -> bool:
        """Could ``tok`` be the name or handle someone is addressed by? ``alone``: it is the only
        word before the talk, so a rarer ordinary word may be a handle ("Driftwood what did...")."""
        cues, lex = self.cues, self.lex
        cf = tok.casefold().replace("’", "'").rstrip(".'-")
        rank = lex.rank(cf)
        if rank is not None and (rank < 3000 or cues.word_name(cf)) and not lex.proper_noun(cf):
            return False  # "Hope this is ok", "Will you", "Sorry I"
        if rank is not None and re.search(r"(?:ly|ed|ous|ful|ive|able|ible|less|est|ish|s)$", cf) \
                and not cues.any_given_name(cf) or (not command and cf.endswith("ing") and rank is not None):
            return False  # adverbs, verb forms, adjectives, plurals open sentences on their own
        if len(cf) < 2 or cf in cues.not_names or cf in INTERJECTIONS or cf in cues.greet1 or cf in cues.acronyms \
                or cf in cues.closings or cf in cues.titles or cues.function_word(cf) or lex.contraction(cf):
            return False
        if cf in cues.policy_kin and not cues.any_given_name(cf):
            return False  # "Uce Xxx you were right": a kin word of address before the name, no name itself
        if tok.isupper() and len(tok) > 1:
            return False  # "OMG", "TBH": emphasis and abbreviations
        if knowledge().is_demonym(tok):
            return False
        if cues.any_given_name(cf):
            return True
        if knowledge().is_place(tok):
            return False
        if lex.proper_noun(cf):
            return True
        if rank is None:
            # a rare noun is a fine handle ("bluebell"); an inflected verb or adjective is not ("bawled")
            return not lex.ordinary_in(cf) and not _REPEATS.search(cf) and "'" not in cf and (
                lex.dictionary_word(cf) or not lex.word_form(cf))
        return alone and rank >= rare  # a rarer noun used as a handle ("Driftwood", "Juniper", "bluebell")


_SERVICE_TAILS = frozenset({"health", "help", "line", "lines", "care", "minds", "mind", "space", "change", "aid",
                            "link", "works", "wise", "point", "trust", "net", "support", "talk", "talks", "watch",
                            "therapy", "counselling", "counseling", "services", "matters", "hub"})


# the shape of product names: "i" or "e" in lower case, then one capitalised word ("iPad", "eBay")
_PRODUCT_PREFIXED = re.compile(r"[ie][A-Z][a-z]{2,}")


@lru_cache(maxsize=64)
def _handle_parts_pattern(parts: tuple[str, ...]) -> re.Pattern[str]:
    # (a whole word: not inside a handle or an address, "chase" of "chase.the.miles", "u/diesel_and_decaf")
    return re.compile(r"(?<![\w@/.'’-])(" + "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))
                      + r")(?![\w@/-]|\.\w)")


# before a handle's word on its line: nothing or a dash (a sign-off line, "— reefer")
_PART_SIGNOFF_BEFORE = re.compile(r"[ \t]*(?:[—–~-]+[ \t]*)?")
# opening the line or a sentence, or after a greeting, thanks or an interjection ("hey diesel,", "lol rosie,")
_PART_OPENER = re.compile(r"(?:^[ \t\"“(]*|[.!?:)][ \t]+|(?<![\w'’])(?:hey|hi|hello|yo|thanks|thank[ \t]+you|thx|ty|"
                          r"sorry|lol|ok|okay|yes|yeah|also|congrats|welcome)[ \t,!]+)$", re.I)
# then a comma, "!", "?", a colon, "right?", "(if) you", or the end of the line
_PART_ADDRESSED_AFTER = re.compile(r"[ \t]*[,!?:]|[ \t]+right\b|[ \t]+(?:if[ \t]+)?(?:you|u|ur|your)\b|[ \t.]*$", re.I)
_PART_SPEECH_AFTER = re.compile(r"[ \t]+(?:said|says|wrote|writes|told|asked|replied|was[ \t]+right|is[ \t]+right)\b", re.I)
_PART_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:the|a|an|my|your|his|her|our|their|this|that|of|some|no)[ \t]+$", re.I)


class HandleRecognizer(Recognizer):
    """Handles written in running text: a line that is only "name," ("quietriver,"), a run-together
    or separated handle ("HeartOfGlass", "quiet.harbour", "nightowl_22"), a lower-case non-word
    opening a comment ("sparrowfeet two years gives me hope"), or addressed at the end of a clause
    ("... about it quietriver!"), and all-caps handles in a person context ("Hello KT")."""

    name, score = "handle", 0.7

    def analyze(self, t: TextContext) -> Iterator[Span]:
        yield from self._salutation_lines(t)
        yield from self._lower_in_caps(t)
        yield from self._shaped(t)
        yield from self._leading(t)
        yield from self._clause_end(t)
        yield from self._all_caps(t)
        yield from self._known_parts(t)

    def _known_parts(self, t: TextContext) -> Iterator[Span]:
        """A word of a handle the post knows, in a name role: people shorten a handle to one of its words
        when they address its owner ("diesel, if your dispatch ..." for diesel_and_decaf), sign with it
        ("— reefer" for midnight_reefer_73) or report what its owner said ("rosie said ..."). Elsewhere the
        word is the word ("diesel prices", "the reefer noise")."""
        parts = t.doc.handle_parts
        if not parts or t.role == "title":
            return
        low = t.low
        if not any(map(low.__contains__, parts)):
            return
        text = t.text
        for m in _handle_parts_pattern(tuple(sorted(parts))).finditer(low):
            s, e = m.span(1)
            line0 = text.rfind("\n", 0, s) + 1
            nl = text.find("\n", e)
            before, after = text[line0:s], text[e:nl if nl >= 0 else len(text)]
            if _PART_SIGNOFF_BEFORE.fullmatch(before) and not after.strip(" \t.!~*"):
                why = "a word of a known handle signing a line of its own"
            elif _PART_OPENER.search(before) and _PART_ADDRESSED_AFTER.match(after):
                why = "a word of a known handle, the person addressed"
            elif _PART_SPEECH_AFTER.match(after) and not _PART_DETERMINER_BEFORE.search(before):
                why = "a word of a known handle, the subject of a verb of saying"
            else:
                continue
            yield self.person(t, s, e, why)

    def _lower_in_caps(self, t: TextContext) -> Iterator[Span]:
        """In text that capitalises, a lower-case word of no language set off by a comma or an
        exclamation is a handle being addressed: "And paperboats, reminding you of..."."""
        if not t.english or t.role == "title":
            return
        lex = self.lex
        for s, e, cf in lower_addressed(t.text) if not t.lower_style else ():
            if lex.rank(cf) is not None or lex.ordinary_in(cf) or lex.word_form(cf) or lex.contraction(cf) \
                    or _REPEATS.search(cf) or cf in self.cues.not_names or knowledge().is_place(cf) \
                    or knowledge().is_demonym(cf):
                continue  # ("tongan, 24, from Otara": a nationality word in lower case)
            o = OTHERS_ADDRESSED.match(t.text, e + 1) if t.text[e:e + 1] == "," else None
            if o is not None and o.group("name") is None:
                continue  # "Xxx, my people": a greeting to the readers
            yield self.person(t, s, e, "a lower-case handle addressed in capitalised text")
        cues = self.cues
        for m in _LOWER_VOCATIVE.finditer(t.text):
            # "..., which, billy, nobody asked": a given name between commas is the person addressed,
            # after a function word (in "compassion, patience, giving" it is an item of a list)
            cf = m.group(1)
            r = lex.rank(cf)
            prev = word_before(t.text, max(0, m.start() - 30), m.start())  # (_WORD_BEFORE.search)
            if cues.any_given_name(cf) and not cues.word_name(cf) and (r is None or r >= 3000) \
                    and cf not in cues.not_names and not cues.derived_word(cf) and t.free(*m.span(1)) \
                    and prev and cues.function_word(prev.casefold()) and not m.group(2).endswith("ing"):
                yield self.person(t, m.start(1), m.end(1), "a lower-case given name addressed between commas")

    def _reblog_handle(self, tok: str) -> bool:
        """A user name as a reblog chain heads each quoted post with it ("xxx-of-yyy:", "xxxofyyy:"): lower
        case, letters and hyphens (Tumblr's user names), three parts or more, or two of which one is no
        common word ("follow-up:", "check-in:" are headings), or run together and no word at all."""
        if not tok.islower() or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", tok):
            return False
        lex = self.lex
        parts = tok.split("-")
        if len(parts) >= 3:
            return True
        if len(parts) == 2:
            return any(lex.rank(p) is None or lex.rank(p) >= 5000 or knowledge().is_place(p) for p in parts)
        return len(tok) >= 8 and lex.rank(tok) is None and not lex.word_form(tok) and not lex.ordinary_in(tok)

    def _salutation_lines(self, t: TextContext) -> Iterator[Span]:
        cues, text = self.cues, t.text
        for m in _SALUTATION_LINE.finditer(text) if _SALUTATION_GATE.search(text) else ():
            s, e = m.span(1)
            tok = m.group(1)
            cf = tok.casefold()
            if cf in cues.not_names or cues.function_word(cf) or len(cf) < cues.min_len or cf in cues.closings:
                continue
            rank = self.lex.lang_rank(cf, t.lang) if not t.english else self.lex.common_rank.get(cf)
            handle = any(ch.isdigit() or ch in "_." for ch in tok)
            if text[e:].lstrip(" \t")[:1] == ":":
                # "Update:", "Edit:", "Theme:" are headings; a handle heads the quoted post in a reblog chain
                ok = handle or cf in cues.first_names or self._reblog_handle(tok)
            else:
                ok = (handle or cf in cues.first_names or cues.any_given_name(cf)
                      or (rank is None and not NOT_NAME_SHAPE.search(tok))
                      or (tok[:1].isupper() and rank is not None and rank >= 5000 and cf not in t.doc.lower_vocab))
            if ok:
                yield self.person(t, s, e, "a line that is only a name")

    def _shaped(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        for rx, gate, why in ((_CAMEL, _CAMEL_GATE, "run-together handle"),
                              (_HANDLE_SHAPE, _SHAPE_GATE_ONE, "handle with digits or separators")):
            if not gate.search(text):
                continue
            for m in rx.finditer(text):
                s, e = m.span(1)
                tok = m.group(1)
                if re.match(r"(?:Mc|Mac|O)[A-Z]", tok) or tok.casefold() in self.cues.not_names:
                    continue
                if rx is _CAMEL and self.lex.rank(tok.casefold()) is not None:
                    continue  # a brand that is a word ("YouTube", "WordPress")
                if rx is _CAMEL and t.lang in inflection.languages() and any(
                        c.casefold() in self.cues.not_names or self.lex.rank(c.casefold()) is not None
                        for c in inflection.nominatives(tok, t.lang)[1:]):
                    continue  # "na TikToku", "na YouTubu": a case form of such a name, in a language that declines it
                if rx is _CAMEL and _PRODUCT_PREFIXED.fullmatch(tok) and (
                        self.lex.rank(tok[1:]) is not None or self.lex.ordinary_in(tok[1:])):
                    continue  # a product's name, "i"/"e" before a word ("iPad", "eBay", "iFood")
                if rx is _CAMEL and tok[:1].isupper() and thing_role(text, s, e) and tok.casefold() not in t.doc.known:
                    continue  # a brand used as a thing ("came through SaskTel", "BetterHelp exists")
                if rx is _CAMEL and tok.casefold() not in t.doc.known and self._service_name(tok):
                    yield self.span(s, e, KEEP, reason="a run-together name of a service (words ending in 'Health', 'Line' ...)")
                    continue
                if rx is _HANDLE_SHAPE and re.fullmatch(r"[A-Za-z]+\d{2,4}", tok):
                    word, digits = re.match(r"([A-Za-z]+)(\d+)", tok).groups()
                    wcf = word.casefold()
                    if wcf in self.cues.acronyms or len(word) < 3 or (
                            len(digits) == 4 and digits[:2] in ("19", "20")) or word.isupper() or (
                            self.lex.rank(wcf) is not None and not self.cues.any_given_name(wcf)):
                        continue  # "covid19", "MP3", "Windows10": an ordinary word with a number
                if rx is _HANDLE_SHAPE and "." in tok and "_" not in tok:
                    parts = tok.split(".")
                    # "quiet.harbour", "sam.k": lower case, and a part that is no word or a single
                    # mark; "money.commitment", "post.What" are sentences run together
                    # ("plover.on.the.lake", "kiran.exe": three parts or more, or a given name in one, are a
                    # username with dots, which no two sentences run together make)
                    if tok != tok.lower() or not (len(parts) >= 3 or any(
                            len(p) == 1 or p.isdigit() or self.lex.rank(p) is None or self.cues.any_given_name(p)
                            for p in parts)):
                        continue
                if rx is _HANDLE_SHAPE and re.fullmatch(r"(?:[a-z]\.){1,3}[a-z]\.?|e\.g|i\.e|etc", tok, re.I):
                    continue
                yield self.person(t, s, e, why)

    def _service_name(self, tok: str) -> bool:
        """Run-together dictionary words ending in a noun of services ("SignHealth", "YoungMinds",
        "StepChange", "ChildLine"), the first perhaps a place ("OhioHealth"): a charity, helpline,
        health system or app, which people do not pick as a handle the way they pick "QuietStorm"."""
        parts = re.findall(r"[A-Z]?[a-z]+", tok)
        if not (len(parts) >= 2 and parts[-1].casefold() in _SERVICE_TAILS and tok[:1].isupper()):
            return False
        # two parts: the first may be a clipped word of no list ("PhilHealth" of "Philippine", "MedLine"); a handle
        # is made of words or names whole ("QuietStorm", "SadGirl"), not a name and a service noun
        return len(parts) == 2 and len(parts[0]) <= 5 \
            or all(self.lex.word_form(p) or (p[:1].isupper() and knowledge().is_place(p)) for p in parts)

    def _leading(self, t: TextContext) -> Iterator[Span]:
        if t.role != "comment" or not t.english:
            return
        m = _LEADING_HANDLE.match(t.text)
        if not m:
            return
        tok = m.group("h")
        cf = tok.casefold()
        if cf in self.cues.not_names or cf in INTERJECTIONS or cf in self.cues.greet1 or len(cf) < 4:
            return
        if self.lex.rank(cf) is not None or _REPEATS.search(cf) or self.lex.ordinary_in(cf):
            return
        after = t.text[m.end("h"):m.end("h") + 2].lstrip(" \t")[:1]
        seg = segment(cf.replace("_", "").replace(".", ""), self.lex)
        if after in (",", "!", ":") or (seg and all(len(p) >= 3 for p in seg)) or re.search(r"[\d_.]", tok):
            yield self.person(t, m.start("h"), m.end("h"), "a handle opening a comment")

    def _clause_end(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        for q in _CLAUSE_END.finditer(text):
            if q.end() < len(text) and not text[q.end()].isspace():
                continue
            m = lower_address_before(text, max(0, q.start() - 40), q.start())  # (_LOWER_ADDRESS.search)
            if m is None:
                continue
            s, e = m
            tok = text[s:e]
            if tok in self.cues.not_names or _REPEATS.search(tok):
                continue
            prev = word_before(text, max(0, s - 20), s)  # (_WORD_BEFORE.search(text[max(0, s - 20):s]))
            cue = bool(prev) and prev.casefold() in _ADDRESS_CUES
            if cue and _ASKED_COMPLEMENT.search(text, max(0, s - 24), s):
                continue  # "was it xxx?", "is that xxx?": the complement of the question, not someone addressed
            if cue and (re.search(r"[\d_]", tok) or (self.lex.common_rank.get(tok) is None and len(tok) >= 5)):
                yield self.person(t, s, e, "a handle addressed at the end of a clause")

    def _all_caps(self, t: TextContext) -> Iterator[Span]:
        cues, text = self.cues, t.text
        for s, _e, _tok, core in t.caps:
            if len(core) < 2 or not core[1:2].isupper():
                continue
            core = core.rstrip("-")
            e = s + len(core)
            cf = core.casefold()
            if len(core) < cues.min_len or not core.isupper() or len(cf) > 6 or cf in cues.acronyms \
                    or cf in cues.not_names:
                continue
            r = self.lex.rank(cf)
            if r is not None and ((len(cf) >= 3 and r < 20000) or r < SOFT_RANK):
                continue  # emphasis ("NOT", "POWERFUL") or a short word ("NO", "OK")
            poss = text[e:e + 2] in ("'s", "’s")
            ee = e + 2 if poss else e
            if (cues.greeting_before(text, s) or cues.vocative_start(text, s, e) or cues.signoff(text, s, e)
                    or cues.context_after(text, ee, poss) or cues.clause_end(text, s, e)):
                yield self.person(t, s, e, "all-caps handle in a person context")


# ---- lexicon names ---------------------------------------------------------------------------------

# a name role of the writer's own: "Gift here, from ...", "Patience is my name", "Memory, Cape Town"
_HERE_INTRO = re.compile(r"[ \t]+here\b[ \t]*(?:[,.;:!(—–-]|\n|$)")
# pictographs, flags and their variation selector right before a word (emoji stand for a stop in chat)
_PICTOGRAPH_BEFORE = re.compile(r"[\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF][\ufe0f\U0001F3FB-\U0001F3FF]*[ \t]+$")
_NAME_IS_MINE = re.compile(r"[ \t]+(?:is|was)[ \t]+(?:my|her|his|their|your)[ \t]+(?:(?:real|actual|given|first|birth|middle|"
                           r"full|legal|church|family|[A-Za-z]+an|[A-Za-z]+ese|[A-Za-z]+ish)[ \t]+){0,2}name\b")
# "X, Deaf, Texas." / "X, Leeds, UK." / "X, 34, Leeds.": perhaps one word or age between, then where, then a stop
# a comma, perhaps a place preposition, then a town of the gazetteer closing the clause: ", Abuja.",
# ", outside Houston."
_COMMA_THEN_TOWN = re.compile(r",[ \t]+(?P<prep>(?:just[ \t]+)?(?:outside|near|in|close[ \t]+to)[ \t]+)?"
                              r"(?P<town>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]*(?:[,.;!]|\n|$)")


# a comma and a short item of one to three words closed by a stop or another comma ("..., teacher.", "..., 42,")
_ITEM_AFTER = re.compile(r",[ \t]+([\w'’-]+)(?:[ \t]+[\w'’-]+){0,2}[ \t]*(?:[.;,]|\n|$)")
# a phrase saying what follows is someone's name ("my name is", "her name was really")
# a brand's shape, an inner capital ("iPhone", "PlayStation"), but for "McX", "MacX", "OX" (compiled once: the
# module-level re.search/re.match look the pattern up in re's cache on every call, ~55k calls on 20 sources)
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_MAC_CAPITAL = re.compile(r"(?:Mc|Mac|O)[A-Z]")
_NAME_IS = re.compile(r"\b(?:my|his|her|their|your|whose|real|first|given)[ \t]+name[ \t]+(?:is|was)"
                      r"(?:[ \t]+(?:actually|really|literally))?[ \t]+$", re.I)


def where_pair(lex, text: str, s: int, e: int, after_age: bool = False) -> bool:
    """``text[s:e]`` opens a sentence as the first of two places: a suburb or town, a comma, and the city or region
    it lies in or near ("Kubwana, Abuja.", "Ferndale, outside Houston."), as people say where they live. Not a
    given name of the lists unless a place preposition follows the comma ("Amaka, Lagos." may be addressed), or
    the pair comes after the age in an introduction (``after_age``: "I'm X, 37, Surulo, Lagos")."""
    m = _COMMA_THEN_TOWN.match(text, e)
    if not m or not (knowledge().is_place(m.group("town")) or knowledge().is_region(m.group("town"))):
        return False
    if m.group("prep") or after_age:
        return True
    words = re.split(r"[\s-]+", text[s:e].casefold())  # (each part of a double-barrelled name: "Lize-Mari")
    return not any(w in lex.first_names or w in lex.intl_names or lex.is_surname(w) for w in words)


_COMMA_WORD_PLACE = re.compile(r",[ \t]+(?:[\w'’-]+,[ \t]+)?([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]*(?:[,.;!(]|\n|$)")
_COMMA_PLACE = re.compile(r",[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]*[,.;(]")
# talk to the person named before a comma: "Memory, did you forget?", "X, have patience"
_TALK_NEXT = frozenset({"you", "you're", "youre", "your", "u", "ur", "did", "do", "don't", "dont", "have", "are",
                        "can", "will", "would", "could"})
# sentence connectives (a closed class) open a sentence before a comma as names do: "Anyway, you know"
_CONNECTIVES = frozenset({"anyway", "anyhow", "however", "meanwhile", "besides", "otherwise", "indeed", "instead",
                          "still", "well", "now", "so", "then", "again", "also", "yet", "though", "plus", "right",
                          "sure", "fine", "true", "seriously", "honestly", "basically", "sadly", "luckily"})
_TALK_AFTER = re.compile(r",[ \t]+([A-Za-z'’]+)")
_DASH_SIGNOFF_BEFORE = re.compile(r"(?:^|\s)[—–-][ \t]*$")
# a signature's name alone on its line ("--" above it, or a blank line), the next line starting here
_PLACE_UNDER_NAME = re.compile(r"(?:^|\n)(?:--[ \t]*\n|[ \t]*\n)[ \t]*[A-Z][^\W\d_]+(?:[ \t]+[A-Z][^\W\d_.]*\.?)?[ \t]*\n[ \t]*\Z")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
_DASH_SIGNOFF_WHY = "a given name signing the text after a dash ('— X', '— X A.')"
_SIGNOFF_INITIALS = re.compile(r"[ \t]+[A-Z]\.(?:[ \t]*[A-Z]\.)?")
_SIGNOFF_REST = re.compile(r"(?:[ \t]+[A-Z]\.(?:[ \t]*[A-Z]\.)?)?[ \t.!)xX]*$")


# "the" or a preposition of place right before a word: it names a thing, a service or a place, never the
# subject of the verb after it ("the Starlink is working", "my office at Naver has a ...")
_THE_BEFORE = re.compile(r"(?<![\w'’])(?:[Tt]he|[Aa]n?|at|in|from|of|on|into|via)[ \t]+$")


_EN_PLACE_PREP_BEFORE = re.compile(r"(?<![\w'’])(?:at|in|from|near|into|via)[ \t]+$")


def _talk_after_comma(text: str, e: int) -> bool:
    m = _TALK_AFTER.match(text, e)
    return bool(m) and m.group(1).casefold().replace("’", "'") in _TALK_NEXT


_GIVEN_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ ]$")
# one or two given names (hyphenated) in any Latin script's capitals, right before a word: "Franca ", "Jean-Pierre "
_GIVENS_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)[ ]$")


# (and the Welsh "Sant" and "Santes", a male and a female saint, that Welsh English keeps: "Santes Dwynwen")
_SAINT_BEFORE = re.compile(r"\b(?:St|Ste|Saint|Sainte|Sant|Santes)\.?[ \t]+$")
_SAINT_WORD_BEFORE = re.compile(r"\b(?:Saint|Sainte|Sant|Santes)[ \t]+$")
# the rest of a saint's name after the given name: more capitalised words ("St Olaf Haraldsen", "St Anne Line")
_SAINT_REST = re.compile(r"(?:[ \t]+[A-Z][a-z][\w'’-]*(?<!['’]s))+")
# what a language's name stands before where it names the language
_LANGUAGE_USE = re.compile(r"[ \t]+(?:words?|language|phrases?|songs?|proverbs?|sayings?|names?|terms?|speakers?|"
                           r"version|translation|lessons?|classes|hymns?|prayers?|expression)\b")


# the English abbreviations of weekdays, and a day of the month or a month's abbreviation after them
_WEEKDAY_ABBR = frozenset(("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"))
_DATE_AFTER = re.compile(r"\.?,?[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)")


_NEXT_CAPITAL_WORD = re.compile(r" ([A-Z][a-z][\w'’-]*)")


_VERB_OBJECT_AFTER = re.compile(r"[ \t]+([a-z]{3,})[ \t]+(?:my|me|him|her|us|them|your|our)\b")
_PREPOSITIONS_LONG = frozenset({"toward", "towards", "against", "upon", "without", "within", "beside", "besides",
                                "unlike", "despite", "inside", "outside", "behind", "beyond", "around", "among",
                                "between", "beneath", "underneath", "throughout", "amongst", "near", "past", "onto",
                                "into", "till", "until", "via", "versus", "like", "above", "below", "across"})


_MODAL_NAMES = frozenset({"will", "may", "can", "should", "must", "might", "shall", "would", "could", "did", "does"})


def verb_object_after(cues: Cues, text: str, e: int) -> bool:
    """A content word, then an object pronoun or possessive: the verb of the name's sentence, in whatever form
    the variety uses ("Xxx grab my arm", "Xxx carry me home" in Caribbean or Black Country English, whose verbs
    need no ending); a preposition there ("Faith in my ...", "Hope for her ...") makes the word a noun."""
    m = _VERB_OBJECT_AFTER.match(text, e)
    if m is None:
        return False
    before = _WORD_BEFORE.search(text, max(0, e - 30), e)
    if before is not None and before.group(1).casefold() in _MODAL_NAMES:
        return False  # "Will take my car?": a modal opening a question, the verb after it
    w = m.group(1)
    return not (cues.function_word(w) or w.endswith("ly") or w in _PREPOSITIONS_LONG) and cues.lex.rank(w) is not None


class EnglishNameRecognizer(Recognizer):
    """Capitalised tokens in English text, decided by the name and word lexicons and the cues around
    them; what stays undecided is a candidate for NER. Also remembers words decided as ordinary."""

    name, score, signal = "lexicon_en", 0.6, "names"
    languages = frozenset({"en"})

    def __init__(self, cues: Cues):
        super().__init__(cues)
        self._english_relations = frozenset(self.policy.rules.relations)  # (the policy's, its mixed-in kin words too)

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues, doc = t.text, self.cues, t.doc
        for s, _e, tok, core in t.caps:
            if t.taken[s]:
                continue
            core = core.rstrip("-")
            ce = s + len(core)
            if len(core) < cues.min_len or core.isupper():
                continue
            cf = core.casefold().replace("’", "'")
            if cf in _WEEKDAY_ABBR and _DATE_AFTER.match(text, ce):
                continue  # "On Thu, 19 Nov 2026": a weekday's abbreviation in a date, not "Thu" the given name
            if cf in cues.not_names:
                if cf in self.lex.first_names and not cues.is_initial(text, s) and _NAME_IS.search(text, max(0, s - 24), s):
                    # "my name is Welcome", "his name was Precious": a given name of the names data that is also a
                    # greeting or word, capitalised after a phrase saying it is someone's name
                    yield self.person(t, s, self.extend(text, ce), "a given name after 'name is', whatever word it is")
                continue
            if _INNER_CAPITAL.search(core) and not _MAC_CAPITAL.match(core) \
                    and thing_role(text, s, ce) and cf not in doc.known:
                yield self.span(s, ce, KEEP, reason="a brand's shape (an inner capital), used as a thing")
                continue
            if _SAINT_BEFORE.search(text, max(0, s - 8), s) and (cf in cues.first_names or cf in self.lex.first_names
                                                                 or (self.lex.rank(cf) is None and _SAINT_WORD_BEFORE.search(text, max(0, s - 8), s))):
                # (after "Saint"/"Santes" written out, a name no word of the language is a saint's too: "Santes Dwynwen",
                # "Saint Melangell"; after "St" it may be a street's name)
                # "St. Olaf", "Saint Brigid's": a saint, or the church, school or town named for one; with the rest of
                # the saint's name ("St Olaf Haraldsen"), which a surname's rules would otherwise take with the given name
                rest = _SAINT_REST.match(text, ce) if tok == core else None
                yield self.span(s, rest.end() if rest else ce, KEEP, reason="a saint's given name after 'St.' or 'Saint'")
                continue
            if t.role == "title" and not text[:s].strip() and text[ce:ce + 1] == ":" and cf not in cues.first_names \
                    and cf not in self.lex.first_names and cf not in doc.accepted:
                continue  # "Xxx: what I told the group": a title's topic before a colon, no one addressed
            if cf in cues.language_names and _LANGUAGE_USE.match(text, ce):
                # "in Shona words", "the Konkani version": a language's name (CLDR), whoever is also called so
                yield self.span(s, ce, KEEP, reason="a language's name before 'words', 'language', ...")
                continue
            verdict, why = self._verdict(text, s, ce, cf, tok != core, doc)
            if verdict == "person":
                ini = _SIGNOFF_INITIALS.match(text, ce) if why == _DASH_SIGNOFF_WHY else None
                end = ini.end() if ini else self.extend(text, ce)
                if end == ce and tok == core:
                    end = self._word_surname_in_role(t, s, ce, core)
                yield self.person(t, self._given_before(t, s), end, why)
            elif verdict == "keep":
                doc.keep.add(cf)
                yield self.span(s, ce, KEEP, reason=why)
            elif verdict == "candidate":
                if t.lower_style and t.english and not cues.is_initial(text, s) and not self.lex.is_surname(cf):
                    # a writer who does not capitalise sentences capitalises this on purpose: a title,
                    # game, character or artist ("i put 90 hours into Balatro", "a Geralt cactus"); the
                    # rules found no name role, and NER would only read the capital as a name (a surname of
                    # the names data, "instead of Pelletier", is still asked)
                    continue
                t.candidates.append((s, ce))

    def _verdict(self, text: str, s: int, e: int, cf: str, poss: bool, doc: DocContext) -> tuple[str, str]:
        cues, lex = self.cues, self.lex
        rank = lex.common_rank.get(cf)
        first = cf in cues.first_names
        last = cf in lex.last_names
        if cf in doc.keep:
            return "skip", ""
        if cues.in_title_phrase(text, s) and (rank is not None or not first):
            return "skip", ""  # "Good Will Hunting", "Amazing Grace"
        if cf in doc.accepted and not (cues.is_initial(text, s) and cues.wordlike(cf, doc)
                                       and not cues.subject_of_verb(text, e + 2 if poss else e)
                                       and not (not poss and verb_object_after(cues, text, e))) \
                and not cues.article_head(text, s, e):
            # (opening a sentence, a name that is also a word needs a verb after it: "Rose got me through")
            return "person", "a name accepted elsewhere in this post"
        ee = e + 2 if poss else e
        if cues.function_word(cf):
            return "skip", ""
        # addressed: a rare proper noun by the dictionary's casing reads as a name too ("Ivo, thanks")
        namey = first or rank is None or cf in cues.intl_names or (
            rank >= 5000 and (cf in lex.intl_names or lex.proper_noun(cf)) and not knowledge().is_demonym(text[s:e])
            and not (knowledge().is_place(text[s:e]) and not cues.vocative_start(text, s, e)))  # "Jackson, Mississippi"
        named = cues.named_before(text, s)
        if named and not initial_word(cues, text, s):
            # "my real name is Happy", "her name is Precious": capitalised mid-sentence after a naming
            # phrase, a word is the name ("her name is hope" in lower case is left to the cues)
            return "person", "a capitalised word after a naming phrase"
        # a given name in the names data, word or not (not among the commonest words: the data has
        # "Anyway", "Honestly" as someone's given name)
        given = first or (cf in lex.first_names and (rank is None or rank >= 1000) and cf not in INTERJECTIONS
                          and not cf.endswith("ly") and cf not in _CONNECTIVES)
        if _WE_ARE_BEFORE.search(text, max(0, s - 30), s) or (
                _ARTICLE_WORD_BEFORE.search(text, max(0, s - 24), s) and _THAT_AFTER.match(text, ee)):
            # "We're Welsh Xxx", "they are Xxx": what a group is, a people's name; "the old Xxx that came": a
            # thing or a people (a person is "the lovely Xxx who ...")
            return "skip", ""
        if not poss and _NAME_IS_MINE.match(text, e) and not cues.function_word(cf):
            return "person", "a word said to be someone's name ('X is my middle name')"
        if given and not poss and self._own_name(text, s, e):
            return "person", "a given name in a name role of its own ('X here,', 'X is my name', 'X, <place>')"
        if not poss and not text[:s].strip() and (rank is None or rank >= 2000) and cf not in INTERJECTIONS \
                and not cf.endswith("ly") and cf not in cues.greet1 and self._intro_place(text, s, e):
            # "Flint, Deaf, Texas. Yes, like flint.": a text opening with a word, a comma and where the
            # writer lives introduces the writer by name, whatever else the word means
            return "person", "a word opening the text before where the writer lives ('X, <place>.')"
        if cues.greeting_before(text, s) or named or cues.context_after(text, ee, poss):
            if rank is not None and not first and (cf in doc.lower_vocab or rank < 5000):
                return "skip", ""  # "Dear Diary", "Thanks Everyone"
            return "person", "greeting before, naming phrase, or reporting verb after"
        if cues.clause_end(text, s, e) and (rank is None or (rank >= 5000 and cf not in doc.lower_vocab)):
            return "person", "addressed at the end of a clause"
        if cf not in doc.accepted and _PLACE_UNDER_NAME.search(text, max(0, s - 80), s) and _LINE_END.match(text, e) \
                and (knowledge().is_place(text[s:e]) or knowledge().is_small_place(text[s:e])):
            # "--\nX\nScalloway": a signature's second line is where the writer lives
            return "keep", "a town on the line under a signature's name"
        if (cues.vocative_start(text, s, e) and not self._name_addressed_after(text, e)) or cues.signoff(text, s, e):
            # (a town of the gazetteer that is nobody's given name or surname is where, set off by a comma:
            # "Ladysmith, teacher.", "Bellville, 42.")
            town = rank is None and knowledge().is_place(text[s:e]) and cf not in lex.first_names \
                and cf not in lex.intl_names and not lex.is_surname(cf) and bool(_WHERE_PAIR_START.search(text, max(0, s - 6), s)) \
                and cf not in doc.known and self._item_after(text, e)  # ("Rustam, that's beautiful": addressed)
            if cf in cues.greet1 and lex.only_word(cf) and cf not in doc.accepted and cf not in doc.known:
                # "Hiya, it's me": a greeting of the policy's list that the English dictionary writes only in lower
                # case greets at the start of a line, no name (not one it also capitalises: "Cara, I hear you")
                return "skip", ""
            if cf in doc.accepted or namey and not town and not (first and cf in doc.lower_vocab and rank is not None
                                                                 and rank < SOFT_RANK):
                return "person", "opens a line as an address, or closes the text"
            if given and cues.vocative_start(text, s, e) and _talk_after_comma(text, e):
                # "Memory, did you forget?", "Patience, have patience": a given name that is also a
                # word, set off and followed by talk to that person
                return "person", "a given name addressed, talk to that person after it"
            return "skip", ""  # "Albeit, ...", "Anyway, ..."
        if given and _DASH_SIGNOFF_BEFORE.search(text[max(0, s - 4):s]) and _SIGNOFF_REST.match(text, e):
            return "person", _DASH_SIGNOFF_WHY
        if given and not poss and self._signs_after_last_sentence(text, s, e, cf):
            return "person", "a given name alone after the text's last sentence, signing it ('... at a time. X')"
        if self._and_i(text, e) and (first or not poss and (rank is None or rank >= 5000) and (
                self._town_name(text[s:e]) or not (lex.dictionary_word(cf) or knowledge().is_place(text[s:e])
                                                   or knowledge().is_demonym(text[s:e])))
                and _CLAUSE_START.search(text, max(0, s - 8), s)):
            # a town that is someone's name, or a word of no dictionary ("Sedona and I went", "Haneul and me
            # talked"): a person goes somewhere with the writer
            return "person", "'X and I'"
        initial = cues.is_initial(text, s)
        word_name = cues.word_name(cf)
        if (first or cf in cues.intl_names) and not word_name and cues.opens_address(text, s, e):
            return "person", "a given name opening a comment that talks to that person"
        if (first or cf in cues.intl_names) and not word_name and SELF_INTRO.search(text[max(0, s - 16):s]):
            return "person", "a given name the writer introduces themselves with"
        if (word_name or given or lex.dictionary_word(cf)) and not initial and SELF_INTRO.search(text[max(0, s - 16):s]) \
                and re.match(r"[ \t]*(?:[,.;!]|\(|[ \t]+(?:and|from|here|too)\b)", text[ee:ee + 8]):
            # "I'm Gift, and ...", "I'm Justice from Cape Coast": capitalised mid-sentence after "I'm",
            # a word-name is the writer's name ("I'm fine" is not capitalised)
            return "person", "a word-name the writer introduces themselves with"
        if first or (last and rank is None):
            if rank is None:
                if first and EN_ARTICLE_RIGHT_BEFORE.search(text[max(0, s - 6):s]) and self._noun_after(text, ee):
                    return "skip", ""  # "a Xxx woman": a people's or a place's word before a noun, not a name
                if first:
                    return "person", "a given name that is no English word"
                if not poss and cues.subject_of_verb(text, ee, lenient=True):
                    return "person", "a surname that is no English word, subject of a verb ('Fennelly has')"
                return "candidate", ""
            if first and not poss and self._pair_in_role(text, s, e):
                # "my friend from work, Joy Peel, says": a given name and a surname of the names data where only a
                # person's name fits, even in a post that uses the word as a word ("no joy")
                return "person", "a given name and a surname in a person's role"
            if cf in doc.lower_vocab:
                return ("skip", "") if initial else ("candidate", "")
            if word_name and self._attributive(text, ee):
                return "skip", ""  # "Grace period", "Frank honesty": the word before a noun, not a name
            if cf in self._english_relations and cf not in doc.mail_words and not _CAP_WORD_AFTER.match(text, ee):
                # "Nan died", "Nana said": a kin noun that is also a given name, capitalised as "Mum" is, names the
                # relation (a name after it, "Nan Huia", is the relation rule's); not where a commenter's e-mail
                # address goes by it (lola.mendez@...): the kin words mixed in from other languages are given
                # names in English too ("Lola", "Tito"), and that one is hers
                return "skip", ""
            if not poss and self._speech_verb(text, ee):
                return "person", "a given name as the subject of a verb of speech ('Hope said')"
            if EN_ARTICLE_RIGHT_BEFORE.search(text[max(0, s - 6):s]):
                return "skip", ""  # "the Zara office": no article before a person's name
            if not initial:
                return "person", "a given name never written in lower case in this post"
            if first and not word_name and (rank >= 20000 or self.cues.subject_of_verb(text, ee)) \
                    and not self._name_addressed_after(text, e) and not _ONE_WORD_SENTENCE_AFTER.match(text, e):
                return "person", "a given name opening a sentence (a rare word, or a verb after it)"
            if self.extend(text, e) > e:
                return "person", "a given name and a surname"
            return "candidate", ""  # sentence-initial without context: let NER decide
        if cf in cues.intl_names and rank is None and initial and self._verb_follows(text, ee):
            return "person", "a given name opening a sentence, a verb after it"
        if rank is None and not poss and not first and cf not in lex.first_names and cf not in lex.intl_names \
                and not lex.is_surname(cf) and cf not in doc.accepted and cf not in doc.known \
                and _ORIGIN_BEFORE.search(text, max(0, s - 24), s):
            # "came from Xxx in 1979", "grew up in Xxx": where someone comes from or lives, a village the
            # gazetteer lacks; a person after "from" is a given name or surname of the lists ("a text from Xxx")
            return "keep", "a word of no list after a verb of origin or dwelling ('came from X', 'grew up in X')"
        # a proper noun by the dictionary's casing that is rare as a word counts as unknown ("Anselm")
        if (rank is None or cf in cues.intl_names or (rank >= 5000 and lex.proper_noun(cf))) and len(cf) >= 3:
            if cf in doc.lower_vocab or NOT_NAME_SHAPE.search(text[s:e]):
                return "skip", ""  # "Googling", "Countertransference", "AfterPsychotherapy"
            if "-" in cf and all(p in lex.common_rank for p in cf.split("-") if p):
                return "skip", ""  # "One-sided", "Good-bye", "Blank-screen"
            if not poss and cues.person_verb_after(text, ee) and not _EN_PLACE_PREP_BEFORE.search(text, max(0, s - 6), s):
                # (not after a preposition of place: "a lady at Xxx called Ms Y" is where she works)
                return "person", "an unknown capitalised word doing what people do ('X calls', 'X told me')"
            if not poss and rank is None and cues.subject_of_verb(text, ee, lenient=True) \
                    and not _THE_BEFORE.search(text, max(0, s - 6), s):
                # (a proper noun the frequency list knows may be a brand or a body: "Medicare covered"; one
                # after "the" or "at" is a thing, a service or a body: "the Starlink is working", "at Naver has")
                return "person", "a capitalised word that is no word of the language, subject of a verb"
            return "candidate", ""
        return "skip", ""

    def _signs_after_last_sentence(self, text: str, s: int, e: int, cf: str) -> bool:
        """The word is the text's last, alone after a full sentence ("Take it one day at a time. Dawn"), as a comment
        is signed when its line breaks are lost; a closing, greeting or interjection there is no name ("... Peace",
        "... Cheers", "... Amen")."""
        if text[e:].strip(" \t\n.!)~*xX") != "" or cf in self.cues.closings or cf in self.cues.greet1 \
                or cf in INTERJECTIONS:
            return False
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        return j > 0 and text[j] in ".!?" and text[j - 1].isalpha()

    def _word_surname_in_role(self, t: TextContext, s: int, e: int, core: str) -> int:
        """The end of the surname after the given name at [s, e) where the surname is a frequent word that
        :meth:`extend` leaves alone ("Rose Love", "Faith Baker") but the pair stands in a person's role
        (:func:`name_pair_in_role`); else ``e``."""
        m = _NEXT_CAPITAL_WORD.match(t.text, e)
        if m is None or not t.free(m.start(1), m.end(1)):
            return e
        last = POSS.sub("", m.group(1))
        end = m.start(1) + len(last)
        return end if name_pair_in_role(self.cues, t.text, s, end, core, last) else e

    def _pair_in_role(self, text: str, s: int, e: int) -> bool:
        m = _NEXT_CAPITAL_WORD.match(text, e)
        return m is not None and name_pair_in_role(self.cues, text, s, m.end(1), text[s:e], m.group(1))

    def _name_addressed_after(self, text: str, e: int) -> bool:
        """"Yes, Xxx, ...": after the word and its comma a given name set off by a comma is the one addressed."""
        m = OTHERS_ADDRESSED.match(text, e + 1) if text[e:e + 1] == "," else None
        return m is not None and m.group("name") is not None and self.cues.any_given_name(m.group("name").casefold())

    def _item_after(self, text: str, e: int) -> bool:
        """After the comma a short item of an introduction (a job, an age: "..., teacher."), not talk to someone
        ("..., that's beautiful", "..., you are right")."""
        m = _ITEM_AFTER.match(text, e)
        if not m:
            return False
        w = m.group(1).casefold()
        return not (self.cues.function_word(w) or self.lex.contraction(w) or "'" in w or "’" in w)

    def _given_before(self, t: TextContext, s: int) -> int:
        """A surname accepted as a name takes the given name right before it ("Frank Delaney good
        man yourself" after "Delaney" was accepted): a capitalised given name of the names data, one
        blank before, that no other span holds."""
        m = _GIVEN_BEFORE.search(t.text, max(0, s - 24), s)
        if not m:
            return s
        w = m.group(1)
        cf = w.casefold()
        # (or a word of no language and no place, of a name's length: old given names the lists lack, "Xxxanus Lee")
        unknown = self.lex.rank(cf) is None and len(cf) >= 4 and not self.lex.ordinary_in(cf) and not self.lex.word_form(cf)
        if (cf in self.lex.first_names or self.cues.any_given_name(cf) or unknown) and cf not in self.cues.not_names \
                and cf not in self.cues.titles and not self.cues.function_word(cf) and cf not in self.cues.greet1 \
                and cf not in _CONNECTIVES and t.free(m.start(1), m.end(1)) and not knowledge().is_place(w):
            return m.start(1)
        return s

    def _own_name(self, text: str, s: int, e: int) -> bool:
        """A name role that only a person's name fills, whatever else the word means: opening a
        sentence before "here" and a break ("Gift here, from ..."), before "is my name", or before a
        comma and a place ("Memory, Cape Town, ..." introducing the writer)."""
        after = text[e:e + 40]
        if _NAME_IS_MINE.match(after):
            return True
        if _HERE_INTRO.match(after) and _PICTOGRAPH_BEFORE.search(text, max(0, s - 12), s):
            return True  # "Talofa from X 🇼🇸 Xxx here, ...": a pictograph closes the greeting as a stop would
        if not self.cues.is_initial(text, s):
            return False
        if _HERE_INTRO.match(after):
            return True
        m = _COMMA_PLACE.match(after)
        return bool(m) and knowledge().is_place(m.group(1)) and not knowledge().is_place(text[s:e])

    @staticmethod
    def _intro_place(text: str, s: int, e: int) -> bool:
        m = _COMMA_WORD_PLACE.match(text, e)
        k = knowledge()
        return bool(m) and k.is_place(m.group(1)) and not k.is_place(text[s:e]) and not k.is_demonym(text[s:e])

    def _noun_after(self, text: str, e: int) -> bool:
        """A lower-case word follows directly that is no function word, verb, adverb or reporting verb: after
        an article, the capitalised word before it modifies it ("a Xxx woman", "a Xxx rakli")."""
        m = re.match(r" ([a-z]{3,})\b", text[e:e + 20])
        if not m:
            return False
        w = m.group(1)
        return not (self.cues.function_word(w) or w.endswith("ly") or self.cues.verb_after(text, e)
                    or w in self.cues.verbs_after or w in _NOT_NOUN_AFTER)

    def _attributive(self, text: str, e: int) -> bool:
        """A lower-case content word follows directly (no verb, adverb or function word)."""
        m = re.match(r" ([a-z]+)\b", text[e:e + 20])
        if not m:
            return False
        w = m.group(1)
        r = self.lex.rank(w)
        return (r is not None and r >= 300 and not w.endswith("ly") and not self.cues.verb_after(text, e)
                and w not in self.cues.verbs_after)

    @staticmethod
    def _town_name(w: str) -> bool:
        """A town or city, not a country, state or people ("Sedona", not "Texas", "Ireland", "Irish")."""
        k = knowledge()
        return k.is_place(w) and not (k.is_region(w) or k.is_subdivision(w) or k.is_demonym(w))

    @staticmethod
    def _and_i(text: str, e: int) -> bool:
        return bool(re.match(r"\s+and\s+(?:I|me)\b", text[e:e + 10]))

    def _verb_follows(self, text: str, e: int) -> bool:
        return self.cues.verb_after(text, e)

    @staticmethod
    def _speech_verb(text: str, e: int) -> bool:
        m = re.match(r"[ \t]+(?:(?:just|always|never|then|also|once)[ \t]+)?([a-z]+)\b", text[e:e + 30])
        return bool(m) and m.group(1) in SPEECH_VERBS


# a determiner and an adjective before a noun: "die beste Wahl", "das liebe Geld" ("beste", "liebe" greet too)
_DE_DETERMINER_ADJ = re.compile(r"(?<![\w])(?:[Dd](?:ie|er|as|en|em|es)|[Ee]ine?[mnrs]?|(?:[Mm]|[Dd]|[Ss])eine?[mnrs]?|"
                                r"[Ii]hre?[mnrs]?|[Uu]nsere?[mnrs]?)[ \t]+[a-zäöüß]+[ \t]+$")


class NounCapsNameRecognizer(Recognizer):
    """Names in languages that capitalise every noun (German): capitals say nothing there, so a
    token is a name if it is a given name of any country and no ordinary word of the language, or
    if the text addresses it ("Danke Sonnenblume,", "..., Lutz."); a surname after a given name
    makes a full name ("Hartmut Pfeiffer", "Mareike Sauer"). No name follows "im", "zum", "beim"."""

    name, score, signal = "lexicon_noun_caps", 0.6, "names"
    languages = NOUN_CAPS

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, cues = t.text, self.cues
        if "d'" in text or "d’" in text:
            # the southern German article cliticised to the name: "i bin d'Bärbele", "d'Resi hot gsagt"
            for m in _DE_CLITIC_NAME.finditer(text):
                cf = m.group(1).casefold()
                lr = self.lex.lang_rank(cf, t.lang)
                if (lr is None or lr >= 20000) and not knowledge().is_place(m.group(1)) and (
                        cf in self.lex.first_names or cf in self.lex.intl_names or german_diminutive(self.lex, cf)):
                    yield self.person(t, m.start(1), m.end(1), "a given name after the dialect article d'")
        for s, _e, _tok, core in t.caps:
            if t.taken[s]:
                continue
            core = core.rstrip("-")
            cf = core.casefold()
            e = s + len(core)
            if len(core) < 3 or core.isupper() or cf in cues.not_names or cf in cues.titles or cf in cues.closings \
                    or cf in cues.greet1 or cf in INTERJECTIONS:
                continue
            if _ARTICLE_BEFORE.search(text[max(0, s - 8):s]) or german_indefinite_before(text, s):
                continue  # "im Sommer", "zum Bäcker", "ein Bauer", "kein Hahn"
            lr = self.lex.lang_rank(cf, t.lang)
            given = (cf in self.lex.first_names or cf in self.lex.intl_names) and (lr is None or lr >= 3000)
            addressed = (cues.greeting_before(text, s) and re.match(r"[ \t]*(?:[,!]|$)", text[e:e + 2])
                         and not _DE_DETERMINER_ADJ.search(text, max(0, s - 30), s)) or (
                re.search(r",[ \t]*$", text[max(0, s - 3):s]) and re.match(r"[ \t]*[.!?]+(?:\s|$)|[ \t]*$", text[e:e + 4])
                and (given or lr is None)) or (
                t.role == "comment" and s == len(text) - len(text.lstrip()) and text[e:e + 1] == ","
                and (given or lr is None))
            if addressed and (lr is None or lr >= 300):
                yield self.person(t, s, self.extend(text, e, t.lang), "addressed by name")
                continue
            if lr is not None and lr < 20000:
                if given and not _ARTICLE_BEFORE_DE.search(text, max(0, s - 12), s):
                    end = self.extend(text, e, t.lang)
                    sur = text[e:end].split()[-1].casefold() if end > e else ""
                    slr = self.lex.lang_rank(sur, t.lang)
                    if sur and self.lex.is_surname(sur) and (slr is None or slr >= 3000):
                        # a given name that is also a word, then a surname of the lists: "Ernst Jandl",
                        # "Wladimir Dyck"; not after an article or adjective ("der Ernst Lage")
                        yield self.person(t, s, end, "a given name and a surname")
                continue  # an ordinary word of the language ("Sonne", "Kraft")
            if not given and lr is None and german_diminutive(self.lex, cf) and not knowledge().is_place(core):
                yield self.person(t, s, self.extend(text, e, t.lang), "a dialect diminutive of a given name")
                continue
            if not given and lr is None and cues.person_verb_after(text, e) \
                    and not knowledge().is_place(core) and not knowledge().is_demonym(core):
                # "Pfandl meinte, ...": no word of the language, doing what people do
                yield self.person(t, s, e, "a word of no German doing what people do ('X meinte')")
                continue
            if not given:
                continue
            yield self.person(t, s, self.extend(text, e, t.lang), "a given name that is no German word")


# Diminutives of given names in southern German, Swiss and Austrian speech, and in standard German
# (suffix, what it replaced): Swabian "-le" ("Bärbel" -> "Bärbele", "Karl" -> "Karle", "Hans" -> "Hansle"),
# Alemannic/Swiss "-li" ("Hans" -> "Hansli"), Bavarian/Austrian "-erl"/"-l"
# ("Sepp" -> "Sepperl", "Resi" -> "Resl"), standard "-chen"/"-lein" ("Gretchen").
_DE_DIMINUTIVES = (("ele", "el"), ("le", "l"), ("le", ""), ("eli", ""), ("li", ""), ("li", "i"), ("erl", ""),
                   ("l", "i"), ("chen", ""), ("lein", ""))


def _town_word(core: str) -> bool:
    """A place's name or the German adjective of a town's people made with "-er" ("Berliner", "Passauer",
    "Kölner" of "Köln"): a surname after a title, as names of origin are."""
    k = knowledge()
    return k.is_place(core) or (core.endswith("er") and len(core) >= 6
                                and any(k.is_place(stem) for stem in (core[:-2], core[:-1])))


def german_diminutive(lex, cf: str) -> bool:
    """``cf`` (casefolded, no ordinary word) is a dialect or standard diminutive of a listed given name."""
    for suf, back in _DE_DIMINUTIVES:
        if cf.endswith(suf) and len(cf) - len(suf) >= 3:
            stem = cf[:-len(suf)] + back
            if any(c in lex.first_names or c in lex.intl_names for c in (stem, stem + "e", stem + "a")):
                return True
    return False


_DE_CLITIC_NAME = re.compile(r"(?<![\w'’])[dD]['’]([A-ZÄÖÜ][a-zäöüß]+)\b")
_ARTICLE_BEFORE_DE = re.compile(r"\b(?:der|die|das|dem|den|des|ein|eine|einen|einem|einer|kein|keine|mit|im|am)[ \t]+$",
                                re.I)
# an English article right before a word ("the Xxx", "a Xxx"): one pattern for the recognizers and the anonymiser
EN_ARTICLE_RIGHT_BEFORE = re.compile(r"\b(?:the|a|an)[ \t]+$", re.I)
# a royal title in lower case right before a lower-case given name ("queen mary", "prince albert")
_LOWER_ROYAL_BEFORE = re.compile(r"(?<![\w'’])(?:queen|king|prince|princess)[ \t]+$")
# a possessive determiner right before a lower-case word: the word is a noun ("my tina", "his nana"); not "our"
# and "your", which Northern English and Scots put before family members' given names ("our kev", "tell your vera")
EN_POSSESSIVE_RIGHT_BEFORE = re.compile(r"(?<![\w'’])(?:my|his|her|their)[ \t]+$")
_LOWER_OPENING_PAIR = re.compile(r"[ \t]*([a-z]{2})[ \t]+(?=[a-z])")
_DE_SAID = re.compile(r"[ \t]+(?:(?:hat|hatte)[ \t]+(?:[a-zäöüß]+[ \t]+){0,3}?(?:gesagt|gemeint|gefragt|erzählt|erklärt)"
                      r"|sagt|sagte|meint|meinte|fragt|fragte|findet|fand)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:im|am|zum|zur|vom|beim|ins|ans|aufs|übers)[ \t]+$", re.I)
# an indefinite article, "kein" or "jeder" (perhaps with a lower-case adjective or numeral after it) right
# before a capitalised German word: the word is a noun, a kind of thing or person ("ein Bauer redet nicht",
# "kein Hahn im Korb", "jeder zweite Huber"); a person's name takes none of them
_DE_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’])(?:[Ee]in|[Ee]ine[mnrs]?|[Kk]ein|[Kk]eine[mnrs]?|[Jj]ede[mnrs]?)"
                                   r"[ \t]+(?:[a-zäöüß]+[ \t]+)?$")


def german_indefinite_before(text: str, s: int) -> bool:
    """An indefinite article, "kein" or "jeder" right before the German word at ``s``: a noun, no name."""
    return _DE_INDEFINITE_BEFORE.search(text, max(0, s - 24), s) is not None


def initial_word(cues: Cues, text: str, s: int) -> bool:
    """The word at ``s`` opens a sentence (where English capitalises every word)."""
    return cues.is_initial(text, s)


_LIST_ITEM_END = re.compile(r"[ \t]*(?:[,;:.!?()\n—–\"”]|[ \t]-|$|(?:and|&|or)\b)|['’]s\b|[ \t]+[A-Z]")


class CoordinationRecognizer(Recognizer):
    """A name coordinated with a name already found is a name: "Matthias und Waldfee",
    "Ilse and Femke", "Tobias, Yvonne und Aleksander"."""

    name, score = "coordination", 0.55

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        persons = [sp for sp in t.spans if sp.kind in (PERSON, KNOWN)]
        seen = {sp.start for sp in persons}
        for sp in persons:  # (grows: "gravelroadgirl, blueheron, lentil and everyone" chains along the list)
            yield from self._neighbours(t, sp, persons, seen)

    def _neighbours(self, t: TextContext, sp: Span, persons: list[Span], seen: set[int]) -> Iterator[Span]:
        text = t.text
        found_any = []
        m = re.match(r"(?:,[ \t]*|[ \t]+(?:and|und|&|or|oder|y|et|en|og|och)[ \t]+)(" + _NAME_TOKEN + ")",
                     text[sp.end:sp.end + 40])
        if m:
            found_any.append((sp.end + m.start(1), sp.end + m.end(1), m.group(1), False))
        if t.english:
            # the list runs backwards too: "my family has Baby, Sunny and Honey" once Sunny is found
            b = re.search(r"(?<![\w'’])([A-Z][a-z]+)(,[ \t]*|[ \t]+(?:and|&|or)[ \t]+)$",
                          text[max(0, sp.start - 30):sp.start])
            # (a list, not an apposition: "A, B and C", "A and B"; never "my counsellor at X, Eimear"
            # nor a word after a preposition: "at X and B")
            if b and b.group(2).strip() == "," and not re.match(r"[ \t]+(?:and|&)[ \t]+[A-Z]", text[sp.end:sp.end + 12]):
                b = None
            if b and re.search(r"\b(?:(?:at|in|from|to|with|for|of|on|by|the|a|an)|(?:the|a|an)[ \t]+[A-Z][\w'’-]*)[ \t]+$",
                               text[max(0, sp.start - 30):max(0, sp.start - 30) + b.start(1)]):
                b = None  # (... nor the last word of a thing's name after its article: "the Xxx Bench and B")
            if b:
                off = max(0, sp.start - 30)
                found_any.append((off + b.start(1), off + b.end(1), b.group(1), True))
        for s, e, tok, back in found_any:
            core = POSS.sub("", tok)
            e = s + len(core)
            cf = core.casefold()
            if s in seen or cf in self.cues.not_names or self.cues.function_word(cf) or not t.free(s, e):
                continue
            if text[e:e + 1] in ("ʻ", "ʼ"):
                continue  # the word goes on after an ʻokina or a glottal stop ("Lāʻie", "Molokaʻi"): not this token
            if len(core) >= 3 and core.isupper() and not self.cues.any_given_name(cf):
                continue  # "I'm Tullia, ARFID not anorexia": an acronym beside a name, no list of names
            if not t.english and (self.lex.lang_rank(cf, t.lang) or 10 ** 6) < 300 \
                    and not (self.lex.is_first_name(cf) or cf in self.lex.intl_names):
                continue  # "Frau Prohaska, Sie gehen ...": a function word of the text's language ("Wil" is a name)
            seen.add(s)  # (once: a list read both ways must not go round)
            if not core[:1].isupper():
                if "-" in cf and not t.english and (t.lang not in NOUN_CAPS) and any(
                        (self.lex.lang_rank(p, t.lang) or 10 ** 6) < 300 for p in cf.split("-")[1:]):
                    continue  # "..., reformou-se", "dímelo-": a verb with its clitic pronoun
                # "Thanks saltmarsh, quietlyfurious and Priya": a lower-case word of no language in the list
                compound = "-" in cf and not any(self.cues.any_given_name(p) for p in cf.split("-"))
                if not t.english and (compound or "'" in cf or "’" in cf or _LIST_ITEM_END.match(text, e) is None):
                    continue  # "Mica, escuchame una cosa", "una psicóloga, cognitivo-conductual", "X, d'Edmundston":
                    # outside English, a lower-case word running on into the sentence, a compound of no given name
                    # ("anne-so" is one) or an elided preposition before a word is a word of it, no handle
                r = self.lex.rank(cf)
                if len(cf) >= 3 and not self.lex.contraction(cf) and (
                        (r is None and not self.lex.ordinary_in(cf) and not self.lex.word_form(cf))
                        # a rare noun in a list of handles ("blueheron, lentil and everyone")
                        or (t.english and (r is None or r >= 20000) and not self.lex.ordinary_in(cf)
                            and self.lex.dictionary_word(cf) and not self.cues.derived_word(cf)
                            and not cf.endswith(("s", "ed", "ing")) and not knowledge().is_place(cf))):
                    found = self.person(t, s, e, "a handle coordinated with a name")
                    persons.append(found)
                    yield found
                continue
            rank = self.lex.lang_rank(cf, t.lang) if not t.english else self.lex.rank(cf)
            # English capitalises no ordinary word mid-sentence: in a list of names it is a name too
            # ("Baby, Sunny and Honey", "Thank you Aishah, Happy, Precious")
            listed_word = (t.english and not self.cues.is_initial(text, s) and self.lex.dictionary_word(cf)
                           and not self.cues.function_word(cf) and not knowledge().is_place(core)
                           and not knowledge().is_demonym(core)
                           # an item of a list ends where the list goes on or the clause ends; a word
                           # running on into lower case describes the name ("X, Deaf herself, ...")
                           and (back or _LIST_ITEM_END.match(text, e) is not None))
            # inside a list of capitals that goes on ("Thank you Aishah, Hafiz, Happy, Pinky"): any
            # capitalised word mid-sentence but a place, a demonym or a function word
            inner = (t.english and not back and not self.cues.is_initial(text, s)
                     and re.match(r"(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)[A-Z]", text[e:e + 8]) is not None
                     # (a town of the gazetteer that the place rule left free here: it read the list as people)
                     and not (knowledge().is_place(core) and (knowledge().is_region(core) or not in_people_list(self, t, s, e)))
                     and not knowledge().is_demonym(core) and cf not in t.doc.keep)
            if back and not (listed_word or self.cues.any_given_name(cf)):
                continue  # backwards only a given name or a word ("Thiruvalluvar and X songs" may be anyone's)
            if rank is None or self.cues.any_given_name(cf) or self.lex.is_surname(cf) or listed_word or inner:
                found = self.person(t, s, self.extend(text, e, t.lang), "coordinated with a name")
                persons.append(found)
                yield found


def lower_second_name(rec: Recognizer, t: TextContext, e: int, titled: bool = False) -> int:
    """A second given name or a surname right after a lower-case given name: "jin woo", "anna maria",
    "kasia nowak", a double-barrelled "xxx-yyy" (every part a surname or no word). ``titled``: a title
    stands before the given name, so a surname that is also a place is the surname ("ms. xxx tarrant")."""
    m = re.match(r"[ \t]([a-z\u00df-\u00ff]{2,}(?:-[a-z\u00df-\u00ff]{2,})*)\b(?![-'’])", t.text[e:e + 40])
    if not m:
        return e
    w = m.group(1)
    if "-" in w:
        return e + m.end(1) if double_barrelled_surname(rec.lex, rec.cues, w) else e
    rank = rec.lex.rank(w) if t.english else rec.lex.lang_rank(w, t.lang)
    if t.english and rec.lex.only_word(w) and (rank is None or rank < 12000) \
            and not (titled and rank is not None and rank >= 3000 and rec.lex.is_surname(w)):
        return e  # "lulu silence also counts"; but "dr. xxx shin": after a title and a given name, a surname
    if (rank is None or rank >= 3000) and (rec.lex.is_name(w) or rec.lex.is_surname(w)) \
            and w not in rec.cues.not_names and (not knowledge().is_place(w) or titled and rec.lex.is_surname(w)):
        return e + m.end(1)
    if titled and t.english and len(w) >= 4 and rank is None and rec.lex.rank(w) is None and not rec.lex.ordinary_in(w) \
            and not rec.lex.word_form(w) and not knowledge().is_place(w) and not _REPEATS.search(w):
        return e + m.end(1)  # after a title or relation noun and a given name, a word of no language is the surname
    return e


# the nouns of landforms and waters that close a place's name in English ("Boise River", "Bogus Basin", "Clear Creek")
_FEATURE_NOUNS = frozenset({"river", "creek", "lake", "basin", "valley", "canyon", "bay", "beach", "falls", "island",
                            "peak", "ridge", "hills", "forest", "reservoir", "harbour", "harbor", "springs", "gorge",
                            "glacier", "lagoon", "estuary"})


class LowerCaseNameRecognizer(Recognizer):
    """In text written without capitals ("ok so my therapist jonas is away", "meine therapeutin wiebke
    hat gesagt"), a lower-case token is a name if it is a given name and no ordinary word of the
    text's language. A given name that is also an ordinary word ("will", "holly", "silence") is a
    name only in a name role; a word of no language at all is one when it does what people do
    ("otieno told me")."""

    name, score = "lexicon_lower", 0.55
    languages = frozenset({"en"}) | NOUN_CAPS

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not t.lower_style:
            return
        cues, lex, text = self.cues, self.lex, t.text
        m2 = _LOWER_OPENING_PAIR.match(text)
        if m2 and t.english and t.role == "comment" and t.free(*m2.span(1)):
            # "jo hiding behind the chickens": a two-letter given name, no word, opening a comment
            cf = m2.group(1)
            r = lex.rank(cf)
            if cues.any_given_name(cf) and (r is None or (r >= 3000 and not lex.dictionary_word(cf))) \
                    and cf not in cues.not_names and cf not in cues.relations and cf not in cues.kin_titles \
                    and cf not in cues.acronyms and cf not in INTERJECTIONS and cf not in cues.greet1:
                yield self.person(t, m2.start(1), m2.end(1), "a two-letter given name opening a comment")
        for m in _LOWER_TOKEN.finditer(text):
            s, e = m.span(1)
            cf = m.group(1)
            if len(cf) < 3 or cf in cues.not_names or cf in INTERJECTIONS or cf in cues.titles or cf in cues.greet1 \
                    or not t.free(s, e) or (cf in cues.relations and not t.english):
                continue  # ("mit meinem onkel Sepp": the relation noun, then the name)
            before = text[max(0, s - 8):s]
            if EN_ARTICLE_RIGHT_BEFORE.search(before) or re.search(r"\d[ \t]*$", before) or (t.english and lex.contraction(cf)):
                continue  # "the zara office", "20 min", "ive"
            if t.english and _LOWER_ROYAL_BEFORE.search(text, max(0, s - 12), s):
                continue  # "second year at queen mary", "king edward's": a royal's name, or the body named after one
            if t.english and EN_POSSESSIVE_RIGHT_BEFORE.search(before):
                continue  # "my tina said", "his nana": a possessive right before makes a noun, not a bare given name
            given = (cues.any_given_name(cf) or cf in lex.first_names or cf in lex.intl_names
                     or cf in t.doc.accepted) and not cues.derived_word(cf)
            if t.english:
                rank = lex.rank(cf)
                if rank is not None and rank < 1000 and not lex.proper_noun(cf) \
                        and cf not in self.policy.rules.word_names:
                    continue  # "she", "still", "may": the commonest words are never taken for names here
                # a word as well as a name: frequent, or a dictionary word the dictionary never capitalises
                word = cues.word_name(cf) or (rank is not None and (
                    (rank < 3000 and not lex.proper_noun(cf)) or (rank < 12000 and lex.only_word(cf))
                    or (rank < 5000 and lex.dictionary_word(cf))))
            else:
                rank = lex.lang_rank(cf, t.lang)
                if rank is not None and rank < 1000:
                    continue
                word = rank is not None and rank < 3000
            if given and not word and cf not in lex.first_names and knowledge().is_place(cf) \
                    and not self._name_role(text, e):
                continue  # "he said portugal": a place that is a name only elsewhere ("denise" is a town too)
            if given and knowledge().is_region(cf) and _PLACE_RIGHT_BEFORE.search(text[max(0, s - 20):s]):
                continue  # "rich now, in florida": a country or state after a place word is the place
            if given and t.english and cf not in t.doc.accepted and self._lower_place(text, s, e, cf):
                continue
            if given and not word and cf not in t.doc.accepted and re.match(r"[ \t]*!", text[e:e + 3]) \
                    and self.lex.ordinary_in(cf) - {t.lang}:
                continue  # "tak!": an exclamation in another language the writer mixes in, not a name
            if given and not word:
                yield self.person(t, s, self._second_name(t, e), "a given name written in lower case")
            elif given and self._name_role(text, e):
                yield self.person(t, s, e, "a given name that is also a word, in a name role")
            elif not given and not t.english and rank is None and lex.rank(cf) is None and not lex.ordinary_in(cf) \
                    and not _REPEATS.search(cf) and re.search(r"\b(?:die|der)[ \t]+$", before) \
                    and _DE_SAID.match(text, e):
                # "die hinterleitner hat gesagt": southern German names a person with an article
                yield self.person(t, s, e, "article, a word of no language, a verb of speech (German)")
            elif not given and rank is None and lex.rank(cf) is None and not lex.ordinary_in(cf) \
                    and not _REPEATS.search(cf) and not lex.word_form(cf) and not knowledge().is_place(cf) \
                    and cues.person_verb_after(text, e):
                yield self.person(t, s, e, "a word of no language doing what people do ('otieno told me')")
            elif t.english and not given and self._name_word(cf, first=True) and not before.rstrip().endswith("@"):
                m2 = re.match(r"[ \t]([a-z]{4,})\b(?![-'’@.]\w)", text[e:e + 30])
                if m2 and self._name_word(m2.group(1), first=False) and t.free(s, e + m2.end(1)):
                    # "jodell pflueger", "ferris quenby": two words of no language (a surname of the names
                    # data may be a rare word) side by side in English chat are a given name and a surname
                    yield self.person(t, s, e + m2.end(1), "two words of no language side by side: a full name")

    def _second_name(self, t: TextContext, e: int) -> int:
        return lower_second_name(self, t, e)

    def _lower_place(self, text: str, s: int, e: int, cf: str) -> bool:
        """A lower-case word that the sentence uses as a place or a nationality, not a person, where no
        name role says otherwise: after a preposition of place ("in london"), a town before its state
        or country ("olympia, washington") or after a town ("olympia, washington"), a state coordinated
        with a state ("oregon or washington"), the first word of a place of several words ("ann arbor",
        "des moines"), a nationality or language word ("in french")."""
        k = knowledge()
        if self._name_role(text, e):
            return False
        if k.is_demonym(cf):
            return not self.cues.subject_of_verb(text, e)  # ("that thais was a bit jealous": a name)
        nxt = re.match(r"[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?", text[e:e + 30])
        if nxt and (k.is_place(cf + " " + nxt.group(1)) or (nxt.group(2) and k.is_place(f"{cf} {nxt.group(1)} {nxt.group(2)}"))):
            return True
        # a landform or water's name, which English makes of a word and the feature's noun ("bogus basin", "clear
        # creek") or of a town and the noun ("the boise river"): no gazetteer of towns holds them
        if nxt and nxt.group(1) in _FEATURE_NOUNS and (self.lex.dictionary_word(cf) or k.is_place(cf)):
            return True
        prev = re.search(r"\b(the[ \t]+)?([a-z]+)[ \t]+$", text[max(0, s - 30):s])
        if cf in _FEATURE_NOUNS and prev is not None and not self.cues.function_word(prev.group(2)) \
                and (prev.group(1) or k.is_place(prev.group(2))):
            return True  # ("the snake river": the article before the word that names the water)
        if not k.is_place(cf):
            return False
        if _PLACE_RIGHT_BEFORE.search(text[max(0, s - 20):s]):
            return True
        after = re.match(r"[ \t]*(?:,|or|and)[ \t]*([a-z]+)\b", text[e:e + 30])
        before = re.search(r"\b([a-z]+)[ \t]*(?:,|or|and)[ \t]*$", text[max(0, s - 30):s])
        return bool(after and k.is_region(after.group(1)) or before and k.is_place(before.group(1)) and
                    (k.is_region(cf) or k.is_region(before.group(1))))

    def _name_word(self, cf: str, first: bool) -> bool:
        """No word of any language (or a rare one that the names data has as a surname: "ferris"), four
        letters or more, no place, no word form, no repeated letters of an interjection."""
        lex = self.lex
        if len(cf) < 4 or cf in self.cues.not_names or _REPEATS.search(cf) or lex.ordinary_in(cf) \
                or lex.word_form(cf) or knowledge().is_place(cf) or lex.contraction(cf):
            return False
        r = lex.rank(cf)
        return r is None or (r >= 10000 and (lex.is_surname(cf) or lex.is_name(cf)))

    @staticmethod
    def _name_role(text: str, e: int) -> bool:
        return bool(re.match(r"[ \t]+(?:(?:just|always|never|then|also)[ \t]+)?(?:" + "|".join(sorted(SPEECH_VERBS))
                             + r")\b|[ \t]+and[ \t]+(?:i|me)\b|['’]s[ \t]+(?:husband|wife|partner|mum|mom|dad|"
                             r"son|daughter|sister|brother|boyfriend|girlfriend)\b", text[e:e + 30]))


# Forum quoting and signatures, in the forms of the board software of each covered language
# (phpBB, SMF, vBulletin, Discourse): "Quote from: X", "Citaat van X:", "X schreef:", "> X a écrit :",
# and the signature block after a "--" line: "X | motto", "X - Gent - motto".
_QUOTE_HEAD = re.compile(
    r"^[ \t>]*(?:quote\s+from:?|quoting|originally\s+posted\s+by|citaat\s+van|zitat\s+von|citation\s+de|"
    r"cita\s+de|citazione\s+di|citação\s+de|citando\s+a?|"
    # (vBulletin's "Originally Posted by" in its Swedish, Danish, Norwegian and Finnish language packs)
    r"ursprungligen\s+postat\s+av|oprindeligt\s+skrevet\s+af|opprinnelig\s+skrevet\s+av|opprinnelig\s+postet\s+av|"
    r"alkuperäinen\s+kirjoittaja)[ \t]+(?P<a>[^\s:\n][^\n:]{0,40}?)[ \t]*:?[ \t]*$"
    r"|^[ \t>]*(?P<b>[^\s>\n][^\s\n]*(?:[ \t][^\s\n]+){0,2}?)[ \t]+(?:wrote|said|schreef|schreibt|schrieb|"
    r"a\s+écrit|escribió|escreveu|ha\s+scritto|skrev|skreiv|kirjoitti|napisał)[ \t]*:", re.I | re.M)
# A mail client's attribution line above a quoted reply, as mailing-list archives show it (Gmail, Thunderbird,
# Apple Mail, Outlook): "On Mon, 16 Nov 2026 at 22:41, X Y wrote:", "On Nov 16, 2026, at 10:41 PM, X Y <a@b> wrote:",
# "On 16/11/2026 22:41, X Y wrote:"; the sender's display name whole, a note in brackets included ("X Y (typed by Z)")
_MAIL_ATTRIBUTION = re.compile(
    r"^[ \t>]*On[ \t]+[^\n]{4,80}?(?:,|\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?)[ \t]+"
    r"(?P<c>[^\s<>,()\d\n][^<>,()\n]{0,40}?(?:[ \t]*\([^()\n]{1,40}\))?)(?:[ \t]+<[^<>\s]+>)?[ \t]+wrote[ \t]*:[ \t]*$",
    re.M)
_SIGNATURE = re.compile(r"(?m)^[ \t]*--[ \t]*\n[ \t]*(?P<sig>[^\n|–—-]*?[^\s|–—-])[ \t]+(?:[|–—-]|\()")
# the thanks line vBulletin's thanks add-on writes under a post, in English and in its Swedish translation (Flashback):
# "The Following 3 Users Say Thank You to X For This Useful Post: A, B, C", "Följande 3 användare tackar X för detta
# inlägg: A, B, C": the poster and every member listed
_THANKS_LINE = re.compile(r"(?im)^[ \t]*(?:the[ \t]+following[ \t]+\d+[ \t]+users?[ \t]+says?[ \t]+thank[ \t]+you[ \t]+to|"
                          r"följande[ \t]+\d+[ \t]+användare[ \t]+tackar)[ \t]+(?P<who>[^\n]{1,40}?)[ \t]+"
                          r"(?:for[ \t]+this[ \t]+useful[ \t]+post|för[ \t]+detta[ \t]+inlägg)[ \t]*:(?P<list>[^\n]*)$")


class QuoteHeaderRecognizer(Recognizer):
    """The person a forum post quotes or signs as: the handle in a quote header ("Quote from: X",
    "Citaat van X:", "X schreef:", "> X a écrit :") and the name opening a signature line after "--"
    ("X | motto", "X - Gent - ..."). Board software writes these lines, whatever the language."""

    name, score, signal = "quote_header", 0.85, "cue"
    languages = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        low = t.low
        if not t.lacks_words(_QUOTE_RUNS) and any(w in low for w in _QUOTE_WORDS):
            for m in _QUOTE_HEAD.finditer(text):
                g = "a" if m.group("a") else "b"
                s, e = m.span(g)
                name = text[s:e].strip()
                if self._plausible(name, t):
                    yield self.person(t, s, s + len(name), "the person a forum post quotes (quote header)")
        if "wrote" in low and "on " in low:
            for m in _MAIL_ATTRIBUTION.finditer(text):
                s, e = m.span("c")
                core = text[s:e].split("(")[0].strip()
                if self._plausible(core, t):
                    yield self.person(t, s, e, "the sender a mail reply quotes (an 'On <date>, X wrote:' line)")
        if "följande" in low or "the following" in low:
            for m in _THANKS_LINE.finditer(text):
                names = [m.span("who")] + [(m.start("list") + w.start(), m.start("list") + w.end())
                                           for w in re.finditer(r"[^,\s][^,\n]*[^,\s]|[^,\s]", m.group("list"))]
                for s, e in names:
                    if self._plausible(text[s:e], t):
                        yield self.person(t, s, e, "a member named in a board's thanks line")
        if "--" in text:
            for m in _SIGNATURE.finditer(text):
                s, e = m.span("sig")
                if self._plausible(text[s:e], t):
                    yield self.person(t, s, e, "a name opening a signature after '--'")

    def _plausible(self, name: str, t: TextContext) -> bool:
        if not name or len(name) > 40 or len(name.split()) > 3 or not t.free(0, 0):
            return False
        cf = name.casefold()
        if cf in self.cues.not_names or knowledge().is_place(name) or cf in ("you", "he", "she", "they", "i", "we",
                                                                            "someone", "somebody", "anonymous"):
            return False
        first = cf.split()[0]
        return not self.cues.function_word(first)


# a line of a chat app's text export, as WhatsApp writes it on Android ("07/11/26, 20:14 - Name: text", with
# "a. m."/"p. m."/"AM" after a 12-hour clock) and on iOS ("[07/11/26, 20:14:05] Name: text"): the sender's
# name as the writer's phone saved it, up to the first colon
_CHAT_LINE = re.compile(r"(?m)^[ \t]*(?:\[[ \t]*)?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
                        r"(?:[ \t\u202f]*(?:[ap]\.?[ \t]?m\.?|[AP]M))?[ \t]*(?:\][ \t]*|[-–][ \t]+)"
                        r"(?P<who>[^:\n]{1,60}?):[ \t]")
_SENDER_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# a line of a meeting's chat as Zoom saves it ("19:31:02 From Xx Yy to Everyone: text", "... to Zz(Direct
# Message):", "... to Zz(privately):"): the sender between "From" and "to", whatever the chat's language; "From"
# and "to Everyone" are the interface's English, no part of a name
_ZOOM_LINE = re.compile(r"(?m)^[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?P<from>From)[ \t]+(?P<who>[^:\n]{1,60}?)"
                        r"[ \t]+(?P<to>to)[ \t]+(?:(?P<all>Everyone)|[^:\n]{1,60}?)(?:[ \t]*\((?:Direct Message|[Pp]rivately)\))?"
                        r"[ \t]*:[ \t]")


_weekdays = weekdays  # (the weekdays of CLDR, :mod:`.bylines`)


def chat_message_opening(text: str, s: int) -> bool:
    """``s`` is where the message of a line of a chat export starts ("[14/11/26, 21:06:30] Xx Yy: |mica no es"),
    and the message is written without capitals: there, as at the start of a text, a word opens the message."""
    ls = text.rfind("\n", 0, s) + 1
    m = _CHAT_LINE.match(text, ls)
    if m is None or m.end() != s:
        return False
    le = text.find("\n", s)
    return lower_style(text[s:le if le >= 0 else len(text)])


class ChatSenderRecognizer(Recognizer):
    """The sender of each line of a pasted chat export ("07/11/26, 20:14 - Tía Xx 🌺: ..."): the name the
    phone saved, whatever word it is ("Tía Pino", "Rocío Prima"), less the kinship and respect words and the
    emoji saved beside it. The export's format, not the language, says this is a person."""

    name, score = "chat_sender", 0.85

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text = t.text
        if ":" not in text or "/" not in text and "." not in text and "From" not in text:
            return
        cues = self.cues
        zoom = list(_ZOOM_LINE.finditer(text)) if "From" in text else []
        for m in zoom:
            for g in ("from", "to", "all"):
                if m.group(g):
                    yield self.span(m.start(g), m.end(g), KEEP, reason="the interface words of a saved Zoom chat line")
        for m in [*_CHAT_LINE.finditer(text), *zoom]:
            first = True  # the first word of the saved name that is no relation, title or place
            for w in _SENDER_WORD.finditer(m.group("who")):
                cf = w.group(0).casefold()
                if len(cf) < 2 or cf in cues.relations or cf in cues.kin_titles or cf in cues.titles \
                        or cf in _all_relations() or cf in _kin_after() or cues.function_word(cf) \
                        or cf in _local_titles(t.lang):
                    continue  # "Tía", "Mami", "Prima", "Dr", "Ji", "Yaya": the saved relation, not the name
                if not cues.any_given_name(cf) and (knowledge().is_place(w.group(0)) or knowledge().is_region(w.group(0))
                                                    or knowledge().is_demonym(w.group(0))):
                    continue  # "Titu Bhaiya Dubai": where the sender lives, saved beside the name
                lead, first = first, False
                if not cues.any_given_name(cf) and (self.lex.rank(cf) or 10 ** 6) < 10000 and not (
                        lead and w.group(0)[:1].isupper() and cf in self.lex.first_names):
                    # "Damo cuz", "Mum Work": a frequent English word saved beside the name; but a given name
                    # that is a word leads the saved name ("Blessing Ikeja", "Precious 🌸")
                    continue
                s, e = m.start("who") + w.start(), m.start("who") + w.end()
                if t.free(s, e):
                    yield self.person(t, s, e, "the sender of a line of a chat export")


class BylineRecognizer(Recognizer):
    """The poster a board, review or Q&A site names in the line over each post ("message 4: by X · 21 likes",
    "Antwort von X · 29.11.2026", "X · 2 g", "by X - Wednesday, 3 December 2026"): the whole display name as the
    member typed it, with the place it is given with ("X aus Zug", "X da Jesi": where the place is said elsewhere it
    stays a place). The line's shape is the evidence; :func:`.bylines.byline_who` is the one place that decides it,
    so the authors of works ("a book by X") are read the other way by :class:`PublicWorkRecognizer`."""

    name, score = "byline", 0.85

    def analyze(self, t: TextContext) -> Iterator[Span]:
        fields = t.doc.byline_fields
        found = None if fields else t.doc.bylines.get((t.text, t.lang))
        for a, b in byline_matches(t.text, t.lang, self.cues, fields) if found is None else found:
            if t.free(a, b):
                yield self.person(t, a, b, "the poster named in a post's byline (the line's shape: counters, dates, a role)")


@lru_cache(maxsize=1)
def _kin_after() -> frozenset[str]:
    """The respect and kinship words said after a given name ("ji", "bua", "san"), case-folded."""
    from .regional import regional_kin_after
    return frozenset(regional_kin_after()) | frozenset(re.sub(r"\\(.)", r"\1", w) for w in
                                                        "ji|didi|di|dada|da|bhai|bhaiya|aunty|auntie|uncle|akka|garu|saab|sahab".split("|"))


@lru_cache(maxsize=None)
def _local_titles(lang: str | None) -> frozenset[str]:
    """The forms of address and kin words read only in ``lang``'s text ("Noko", "Yaya" in French, "tzia" in Italian)."""
    from .multilingual import language_cues
    lc = language_cues()[0].get(lang or "")
    return lc.local_titles if lc is not None else frozenset()


@lru_cache(maxsize=1)
def _all_relations() -> frozenset[str]:
    """The relation nouns and titles of every language's cue table ("prima", "tía", "mami", "babička")."""
    from .multilingual import language_cues
    return frozenset(w for lc in language_cues()[0].values() for w in lc.relations | lc.titles)


# a word of every _QUOTE_HEAD match, whole (after blanks, ">" or the line's start; before blanks or ":"): the
# first word of its branch (a), the verb of its branch (b) ("écrit" of "a écrit", "scritto" of "ha scritto")
_QUOTE_RUNS = frozenset(("quote", "quoting", "originally", "citaat", "zitat", "citation", "cita", "citazione", "citação",
                         "citando", "wrote", "said", "schreef", "schreibt", "schrieb", "écrit", "escribió", "escreveu",
                         "scritto", "skrev", "napisał", "ursprungligen", "oprindeligt", "opprinnelig", "alkuperäinen",
                         "skreiv", "kirjoitti"))
_QUOTE_WORDS = ("quot", "citaat", "zitat", "citation", "cita", "wrote", "said", "schreef", "schrieb", "schreibt",
                "écrit", "escribió", "escreveu", "scritto", "skrev", "napisał", "posted by", "ursprungligen",
                "oprindeligt", "opprinnelig", "alkuperäinen", "skreiv", "kirjoitti")


# One syllable of a romanised Chinese name (Pinyin, Hokkien, Cantonese, Hakka spellings as used in
# Malaysia, Singapore, Hong Kong, Taiwan): an optional initial, a vowel nucleus with an optional glide,
# an optional final nasal or stop ("Mei", "Xin", "Siew", "Khim", "Huat", "Shu", "Fen", "Chuan").
_SYLLABLE = re.compile(r"(?:ch|sh|zh|kh|ts|ng|hw|[bcdfghjklmnpqrstwxyz])?[hw]?[aeiou]{1,3}[wy]?(?:ng|n|m|k|t|p|h)?")
# a romanised Korean syllable (Revised Romanization and the common older spellings: "soo", "hee", "young")
_KO_SYLLABLE = re.compile(r"(?:kk|tt|pp|ss|jj|ch|[gkndrlmbsjthp])?[yw]?(?:ae|eo|eu|oe|ui|oo|ee|ou|[aeiou])(?:ng|[kngtlmpbdr])?")
_KOREAN_GIVEN = re.compile(r"(?<![\w'’-])([A-Z][a-z]{1,5})-([a-z]{1,5})(?![\w'’-])")
_KO_SURNAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]{1,4})(?![\w'’-])")
_KO_SURNAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{1,4})[ \t]+$")
# ... the same in lower-case chat ("park ji-woo", "ji-woo park")
_KOREAN_GIVEN_LOWER = re.compile(r"(?<![\w'’.-])([a-z]{1,5})-([a-z]{1,5})(?![\w'’-])")
_KO_SURNAME_AFTER_LOWER = re.compile(r"[ \t]+([a-z]{1,7})(?![\w'’-])")
_KO_SURNAME_BEFORE_LOWER = re.compile(r"(?<![\w'’-])([a-z]{1,7})[ \t]+$")
_KOREAN_LABEL = "Korean or Japanese"
_SYLLABLE_PAIR = re.compile(r"([A-Z](?<![\w'’-][A-Z])[a-z]{1,4})[ \t-]([A-Z][a-z]{1,4})(?:[ \t-]([A-Z][a-z]{1,4}))?(?![\w'’-])")
_LAST_PAIRS: list = [None, []]  # (text, its _SYLLABLE_PAIR matches): the last text asked about


def _syllable_pairs(text: str) -> list[re.Match[str]]:
    """``list(_SYLLABLE_PAIR.finditer(text))``, found once for the two recognizers that read them one after
    the other on the same text (``SyllableNameRecognizer`` and ``SurnameFirstRecognizer``; ~7 µs a comment)."""
    if _LAST_PAIRS[0] is not text:
        _LAST_PAIRS[:] = [text, list(_SYLLABLE_PAIR.finditer(text))]
    return _LAST_PAIRS[1]


@lru_cache(maxsize=1)
def korean_surnames() -> frozenset[str]:
    """Korean family names in Latin letters (``data/surnames_korean.txt``), case-folded."""
    return _surname_list("surnames_korean.txt")


def _surname_list(name: str) -> frozenset[str]:
    """A surname list of ``data/``, case-folded, its ``#`` comment lines left out."""
    return frozenset(w.casefold() for w in read_list(name) if not w.startswith("#"))


@lru_cache(maxsize=1)
def chinese_surnames() -> frozenset[str]:
    """Romanised Chinese surnames (``data/surnames_chinese.txt``, from names-dataset by lexicon_export.py), case-folded."""
    return _surname_list("surnames_chinese.txt")


_VI_LETTER = "A-Za-zÀ-ỹĐđ"
_VI_UPPER = "A-ZÀ-ÝĂÂĐÊÔƠƯẠ-Ỹ"
_VI_WORD = rf"[{_VI_UPPER}][{_VI_LETTER}]{{0,6}}"
# up to four words of a name; a word is one capitalised syllable
_VI_NAME = re.compile(rf"(?<![{_VI_LETTER}'’.-]){_VI_WORD}(?:[ \t]+{_VI_WORD}){{1,3}}(?![{_VI_LETTER}'’-])")
# letters that only Vietnamese writes (tone marks, horned and breve vowels, đ)
_VI_MARK = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9àáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝ]")
_VI_ASCII_SURNAMES = "Nguyen|Tran|Pham|Huynh|Hoang|Dang|Truong|Duong|Trinh|Quach|Luong"
_VI_ASCII_SURNAME = re.compile(r"\b(?:" + _VI_ASCII_SURNAMES + r")\b")
# middle names (tên đệm) that make a family name a full name: Thị for women, Văn for men, and the common others
_VI_MIDDLE = frozenset("""thị thi văn van đức duc ngọc ngoc hữu huu minh thanh quang kim xuân xuan hoàng hoang
    phương phuong công cong quốc quoc bảo bao gia thúy thuy mỹ my đình dinh bích bich hồng hong diệu dieu""".split())
# kin and respect words of address said before a given name (chị older sister, anh older brother, cô aunt/Miss,
# chú uncle, bác elder uncle/aunt, dì maternal aunt, ông Mr/grandfather, bà Mrs/grandmother)
_VI_KIN_WORDS = "chị|Chị|anh|Anh|cô|Cô|chú|Chú|bác|Bác|dì|Dì|ông|Ông|bà|Bà"
_VI_KIN_NAME = re.compile(rf"(?<![{_VI_LETTER}])({_VI_KIN_WORDS})[ \t]+"
                          rf"({_VI_WORD}(?:[ \t]{_VI_WORD}){{0,2}})(?![{_VI_LETTER}'’-])")


# the eighteen Hmong clans, in the spellings used in the US (and the RPA spellings: Xyooj, Vaj, Yaj, Lis ...)
_HMONG_CLANS = ("Vang Xiong Lee Ly Yang Her Hawj Lor Lo Lauj Moua Muas Thao Thoj Vue Vwj Khang Xyooj Chang Tsaab "
                "Hang Ham Haam Kue Kwm Cha Tsab Fang Faj Kong Koo Chue Tswb Pha Phab Vaj Yaj Lis Heu").split()
_HMONG_DISTINCT = frozenset(c.casefold() for c in
                            "Vang Xiong Hawj Lor Lauj Moua Muas Thao Thoj Vue Vwj Khang Xyooj Tsaab Kue Kwm Chue Tswb Vaj Yaj".split())
_HMONG_PRONOUN_CLANS = frozenset({"her", "lee", "ly", "lo", "kong", "hang", "cha", "fang", "pha", "chang", "yang", "ham"})
# given names that are English words, common among the Hmong ("See", "Bee", "Pa" flower, "Mai", "Chee")
_HMONG_WORD_GIVEN = frozenset("see bee pa mai chee true gao yer nou tou nao pao fue neng shoua".split())
_HMONG_CUES = "Hmong|Hmoob|Xiong|Moua|Vang|Thao|Vue|Khang|Lor|Xyooj|Vaj|Yaj|Hawj|Lauj|Thoj"
_HMONG_CUE = re.compile(r"\b(?:" + _HMONG_CUES + r")\b", re.I)
_HMONG_GIVEN = r"[A-Za-z][a-z]{1,11}"
_HMONG_NAME = re.compile(rf"(?<![\w'’.-])({_HMONG_GIVEN}(?:[ \t]{_HMONG_GIVEN})?)[ \t]+({'|'.join(_HMONG_CLANS)}|"
                         rf"{'|'.join(c.casefold() for c in _HMONG_CLANS)})(?![\w'’-])")


# The gates of SurnameFirstRecognizer's Vietnamese and Hmong rules without a scan of the text where they cannot
# match (~75 µs a comment for the three scans, tried at every position). _VI_ASCII_SURNAME and _HMONG_CUE match
# whole runs of word characters (\b on both sides), so a text whose runs hold none of their words lower-cased
# has no match (TextContext.lacks_words; it defers to the scan where an odd case-folding character is in the
# text). Every _VI_KIN_NAME match holds one of its words as written, and each of them but "anh"/"Anh" a letter
# _VI_MARK finds.
_VI_ASCII_RUNS = frozenset(w.lower() for w in _VI_ASCII_SURNAMES.split("|"))
_HMONG_CUE_RUNS = frozenset(w.lower() for w in _HMONG_CUES.split("|"))
_VI_KIN_UNMARKED = tuple(w for w in _VI_KIN_WORDS.split("|") if not _VI_MARK.search(w))


def _vietnamese_possible(t: TextContext) -> bool:
    """``_VI_MARK``, ``_VI_ASCII_SURNAME`` or ``_VI_KIN_NAME`` matches in the text (see above)."""
    text = t.text
    if not text.isascii() and _VI_MARK.search(text):  # (its letters are all outside ASCII)
        return True
    if not any(map(text.__contains__, _VI_KIN_UNMARKED)) and t.lacks_words(_VI_ASCII_RUNS):
        return False
    return bool(_VI_ASCII_SURNAME.search(text) or _VI_KIN_NAME.search(text))


def _vi_fold(s: str) -> str:
    """Vietnamese without its diacritics ("Hà Nội" -> "Ha Noi")."""
    return unaccented(s.replace("Đ", "D").replace("đ", "d"))


@lru_cache(maxsize=1)
def vietnamese_surnames() -> frozenset[str]:
    """Vietnamese family names (``data/surnames_vietnamese.txt``), case-folded, with and without diacritics."""
    names = _surname_list("surnames_vietnamese.txt")
    return names | {_vi_fold(n) for n in names}


class SyllableNameRecognizer(Recognizer):
    """Given names written as two or three romanised Chinese syllables ("Mei Xin", "Siew Khim",
    "Shu Fen"): each capitalised part is one syllable by the romanisation's syllable structure, and
    no part is an English word (not among the 10,000 commonest words, not in the dictionary's lower
    case) or a place; the pair must not open a title ("Tai Chi Class") or follow an article. Names
    with a cue are found by the cue recognizers already; this is for the names nobody introduces."""

    name, score, signal = "syllable_name", 0.6, "names"
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        text, lex = t.text, self.lex
        for m in _syllable_pairs(text):
            parts = [g for g in m.groups() if g]
            if not all(_SYLLABLE.fullmatch(p.casefold()) for p in parts):
                continue
            if any(self._wordlike(p) for p in parts) or knowledge().is_place(" ".join(parts)):
                continue
            if EN_ARTICLE_RIGHT_BEFORE.search(text[max(0, m.start() - 6):m.start()]) or re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]):
                continue
            if not t.free(m.start(), m.end()):
                continue
            yield self.person(t, m.start(), m.end(), "a given name of romanised Chinese syllables, no English word")
        if "-" in text and any(sec.label == _KOREAN_LABEL for sec in _active_sections(t)):
            yield from self._korean(t)

    def _korean(self, t: TextContext) -> Iterator[Span]:
        """Korean given names are two syllables, romanised with a hyphen and the second in lower case
        ("Min-jun", "Seo-yeon", "Kyung-ho"); in a post that mixes Korean words in, such a word whose second
        syllable is no English word is a given name, with a one-syllable surname written beside it
        ("Nam Gil-soo", "Ji-woo Baek")."""
        text, lex, cues = t.text, self.lex, self.cues
        for m in _KOREAN_GIVEN.finditer(text):
            a, b = m.group(1).casefold(), m.group(2)
            if not (_KO_SYLLABLE.fullmatch(a) and _KO_SYLLABLE.fullmatch(b)) or self._wordlike(b) \
                    or lex.dictionary_word(m.group(0).casefold()) or cues.function_word(b) \
                    or knowledge().is_place(m.group(0)) or not t.free(m.start(), m.end()):
                continue
            s, e = m.span()
            after = _KO_SURNAME_AFTER.match(text, e)
            before = _KO_SURNAME_BEFORE.search(text, max(0, s - 8), s)
            for side in (after, before):
                if side is not None:
                    cf = side.group(1).casefold()
                    if _KO_SYLLABLE.fullmatch(cf) and (lex.is_surname(cf) or not self._wordlike(side.group(1))) \
                            and cf not in cues.titles and cf not in cues.kin_titles \
                            and not cues.function_word(cf) and t.free(*side.span(1)):
                        s, e = min(s, side.start(1)), max(e, side.end(1))
            yield self.person(t, s, e, "a Korean given name of two romanised syllables")

    def _korean_lower(self, t: TextContext, active: bool) -> Iterator[Span]:
        """The same in lower-case chat, where the capital no longer marks the name: two romanised Korean
        syllables joined by a hyphen ("ji-woo"), not an English word, with a Korean family name beside it
        (:func:`korean_surnames`: "park ji-woo", "ji-woo park") or a title before it ("ms. ji-woo"); alone only
        in a post that mixes Korean words in, and then the second syllable no English word ("ha-ha", "re-do")
        unless the two written together are a given name of the lexicons ("jin-young": names-dataset's "Jinyoung")."""
        text, cues, surnames = t.text, self.cues, korean_surnames()
        for m in _KOREAN_GIVEN_LOWER.finditer(text):
            a, b = m.group(1), m.group(2)
            if not (_KO_SYLLABLE.fullmatch(a) and _KO_SYLLABLE.fullmatch(b)) or self.lex.dictionary_word(m.group(0)) \
                    or (self.lex.rank(m.group(0)) or 10 ** 6) < 20000 \
                    or knowledge().is_place(m.group(0)) or not t.free(m.start(), m.end()):
                continue
            s, e = m.span()
            for side in (_KO_SURNAME_AFTER_LOWER.match(text, e), _KO_SURNAME_BEFORE_LOWER.search(text, max(0, s - 10), s)):
                if side is not None and side.group(1) in surnames and t.free(*side.span(1)):
                    s, e = min(s, side.start(1)), max(e, side.end(1))
            if (s, e) == m.span() and (cues.function_word(b) or not cues.title_before(text, s)
                                       and not (active and not self._wordlike(a + b)
                                                and (not self._wordlike(b) or a + b in self.lex.intl_names
                                                     or a + b in self.lex.first_names))):
                continue
            yield self.person(t, s, e, "a Korean given name of two romanised syllables, in lower case")

    def _surname_first(self, t: TextContext) -> Iterator[Span]:
        """A romanised Chinese surname (names-dataset's lists, :func:`chinese_surnames`), then a given name of
        two syllables ("Tan Wei Ming", "Ong Siew Lan"): the surname may be a word ("Yap", "Tan") and so may a
        syllable that is no common English word ("Boon")."""
        text = t.text
        for m in _syllable_pairs(text):
            parts = [g for g in m.groups() if g]
            if len(parts) != 3 or parts[0].casefold() not in chinese_surnames() \
                    or not all(_SYLLABLE.fullmatch(p.casefold()) for p in parts) \
                    or any(self._common(p) for p in parts[1:]) or knowledge().is_place(" ".join(parts)):
                continue
            if EN_ARTICLE_RIGHT_BEFORE.search(text[max(0, m.start() - 6):m.start()]) or re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]):
                continue
            if t.free(m.start(), m.end()):
                yield self.person(t, m.start(), m.end(), "a romanised Chinese surname, then a given name of two syllables")

    def _common(self, p: str) -> bool:
        """A syllable that is a common English word (among the 3,000 commonest), a title, a place or a people."""
        cf = p.casefold()
        r = self.lex.rank(cf)
        return (r is not None and r < 3000) or cf in self.cues.not_names or cf in self.cues.titles \
            or knowledge().is_place(p) or knowledge().is_demonym(p)

    def _wordlike(self, p: str) -> bool:
        cf = p.casefold()
        r = self.lex.rank(cf)
        return (r is not None and r < 10000) or self.lex.dictionary_word(cf) or cf in self.cues.not_names \
            or cf in self.cues.titles or knowledge().is_place(p) or knowledge().is_demonym(p)


# what people do for each other, beyond the verbs of speech and feeling ("bean drove 4 hours")
_DOES_FOR = frozenset({"drove", "sent", "talked", "bought", "visited", "dmed", "pinged", "carried", "covered",
                       "picked", "showed", "stayed", "checked", "invited", "introduced", "convinced", "dragged"})
_BARE_BEFORE = re.compile(r"(?:^|[.!?:;,\n(][ \t]*|\b(?:and|but|then|so|bc|cuz|because|when|while|until|like|lol|"
                          r"tbh|ngl|honestly|also|anyway)[ \t]+)$")
# "i'm gus btw, grimbly to you nerds", "i'm rina btw, storm on here", "i'm rhys / dorito btw"
_ALIAS = re.compile(r"\bi['’]?m[ \t]+([a-z][\w.]*)[ \t]+(?:btw[ \t]*)?(?:,|/)[ \t]*([a-z][\w.]*[a-z0-9])"
                    r"(?=[ \t]+(?:on[ \t]+here|to[ \t]+(?:you|u|y'all|yall|everyone)|here|online|in[ \t]+here|on[ \t]+"
                    r"(?:discord|the[ \t]+server|reddit|twitch)|btw)\b)")
# a single capital that is a person in lower-case chat: "my roommate T agrees", "the breakup with J so"
_ONE_LETTER = re.compile(r"\b(?:with|and|to|told|asked|texted|called|from|roommate|bf|gf|ex|friend|partner)[ \t]+"
                         r"((?![AI]\b)[A-Z])(?=[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:so|and|but|lol|is|was|says|said|agrees|"
                         r"thinks|told|asked|texted|did|does|has|had|and|or|about|because|bc)\b)")


# the writer's own name and alias: "hi it's moth", "salty here, bryony irl", "(irl Quillon, ...)"
_SELF_LOWER = re.compile(r"\b(?:hi|hey|hello|hiya|heya|yo)(?:[ \t]+(?:everyone|everybody|all|guys|y['’]?all|fam|team|again))?"
                         r"[ \t,!]+it['’]?s[ \t]+([a-z][\w.]*[a-z0-9])\b"
                         # "xxx here," opening a sentence, or after a greeting and a comma ("talofa, xxx here, 22"); a
                         # pictograph may follow ("xxx here 💛")
                         r"|(?:^|[.!?\n][ \t]*|\b(?:hi|hey|hello|hiya|heya|yo|talofa|malo|kia[ \t]+ora|bula|aloha|salaam|"
                         r"salam|hola|ciao)[ \t]*,[ \t]*)([a-z][\w.]*[a-z0-9])[ \t]+here"
                         r"(?=[ \t]*(?:[,.;!(—–-]|\n|$|[\U0001F300-\U0001FAFF\u2600-\u27BF]))"
                         r"|\b(?:irl|aka|a\.k\.a\.)[ \t]+([A-Za-z][a-z]+)\b|,[ \t]*([a-z]+)[ \t]+irl\b"
                         # "im xxx, real name yyy": the name the writer goes by, then the one on paper
                         r"|\bi['’]?m[ \t]+([a-z][\w.]*[a-z0-9])[ \t]*,[ \t]*(?:my[ \t]+)?(?:real|actual|full|legal|proper)[ \t]+name\b")
# a reply opening with the person it answers: a noun followed by a new clause ("moth ngl it's both",
# "salty the alarm is so valid"); a noun needs no determiner only as a name or a vocative there
_OPENER_NEXT = re.compile(r"[ \t]+(?:the|a|an|i|i['’]m|i['’]ve|im|ive|you|u|ur|it['’]s|its|this|that['’]s|thats|ngl|tbh|"
                          r"lmao|lmfao|lol|omg|tell|ty|thank|thanks|same|congrats|welcome|sending|hugs|please|pls|plz)\b"
                          r"|[ \t]+is[ \t]+(?:so[ \t]+|totally[ \t]+|absolutely[ \t]+|100%[ \t]+)?(?:right|wrong|correct)\b")
# a lower-case signature after a dash at the end of the text: "... but rude. — storm", "— moth 🦋"
_LOWER_DASH_END = re.compile(r"(?:^|[ \t\n])(?:[–—~]|--?)[ \t]*([a-z][\w.]*[a-z0-9])[ \t]*"
                             r"(?:x+|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\ufe0f]+)?[ \t]*$")
_TELL_HI = re.compile(r"\btell[ \t]+([a-z][a-z]+)[ \t]+(?:ty|thanks|thank[ \t]+you|hi|hello|i[ \t]+said)\b")


class LowerRoleRecognizer(Recognizer):
    """People in lower-case chat named by words ("bean drove 4 hours", "moth talked me down"), by an
    alias the writer gives ("i'm gus btw, grimbly to you nerds"), or by one capital ("my roommate T
    agrees"). A common noun needs a determiner in that place; a word without one doing what people
    do, a dictionary noun addressed before "i"/"you" at a sentence start, is a person's name. Only
    rarer words (the 3000 commonest are words there: "work sent me", "therapy helped")."""

    name, score, signal = "lower_role", 0.6, "cue"
    languages = frozenset({"en"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not t.lower_style:
            return
        text, cues, lex = t.text, self.cues, self.lex
        for m in _ALIAS.finditer(text):
            for g in (1, 2):
                cf = m.group(g)
                if self._plain(cf, 0):
                    yield self.person(t, m.start(g), m.end(g), "an alias the writer gives ('i'm X btw, Y on here')")
        for m in _SELF_LOWER.finditer(text):
            g = next(i for i in (1, 2, 3, 4, 5) if m.group(i))
            cf = m.group(g).casefold()
            if self._plain(cf, 0 if g == 3 and m.group(g)[:1].isupper() else 3000 if g not in (1, 5) else 0) \
                    and not cues.function_word(cf) and cf not in ("just", "still", "back", "over", "new", "all"):
                yield self.person(t, m.start(g), m.end(g), "the writer's own name or alias ('hi it's X', 'X here,', 'irl X')")
        m = _LOWER_DASH_END.search(text, max(0, len(text) - 60))
        if m and self._plain(m.group(1), 0) and not cues.function_word(m.group(1)) and t.free(*m.span(1)):
            yield self.person(t, m.start(1), m.end(1), "a lower-case name signing the text after a dash ('— storm')")
        for m in _TELL_HI.finditer(text):
            if self._plain(m.group(1), 3000):
                yield self.person(t, m.start(1), m.end(1), "'tell X hi': the person greeted")
        if t.role == "comment":
            m = re.match(r"[ \t\n]*([a-z][a-z]+)\b", text)
            if m and self._plain(m.group(1), 1500) and lex.dictionary_word(m.group(1)) \
                    and not m.group(1).endswith("ly") and _OPENER_NEXT.match(text, m.end(1)):
                yield self.person(t, m.start(1), m.end(1), "a reply opening with the person it answers ('moth ngl ...')")
        for m in _ONE_LETTER.finditer(text):
            yield self.person(t, m.start(1), m.end(1), "one capital letter as a person in lower-case chat")
        for m in _LOWER_TOKEN.finditer(text):
            s, e = m.span(1)
            cf = m.group(1)
            if len(cf) < 3 or not t.free(s, e) or not self._plain(cf, 3000):
                continue
            if not _BARE_BEFORE.search(text[max(0, s - 12):s]):
                continue
            nxt = re.match(r"[ \t]+([a-z]+)\b", text[e:e + 20])
            if nxt and (cues.person_verb_after(text, e) or nxt.group(1) in _DOES_FOR):
                yield self.person(t, s, e, "a word without a determiner doing what people do ('bean drove')")
            elif cues.is_initial(text, s) and lex.dictionary_word(cf) and (lex.rank(cf) or 10 ** 6) >= 5000 \
                    and re.match(r"[ \t]+(?:i|you|u)[ \t]+[a-z]", text[e:e + 8]) and text[max(0, s - 2):s].strip() == "." :
                yield self.person(t, s, e, "a noun addressed at a sentence start ('moth i was you')")

    def _plain(self, cf: str, min_rank: int) -> bool:
        cues, lex = self.cues, self.lex
        if cf in cues.not_names or cf in INTERJECTIONS or cf in cues.titles or cf in cues.greet1 \
                or cf in cues.relations or cf in cues.kin_titles or cf in cues.acronyms or cf in cues.closings:
            return False
        if lex.contraction(cf) or cues.derived_word(cf) or NOT_NAME_SHAPE.search(cf) or knowledge().is_region(cf):
            return False
        r = lex.rank(cf)
        return r is None or r >= min_rank


def recognizer_classes() -> tuple[type[Recognizer], ...]:
    """Every recognizer class, in the order they run (precedence for the resolver). The recognizers of
    other languages (:mod:`.multilingual`) run beside their English and German counterparts."""
    from .multilingual import (CuePhraseRecognizer, HeadedNameRecognizer, IntroFromPlaceRecognizer, LanguageNameRecognizer,
                               LanguagePhoneRecognizer, LanguageSignoffRecognizer, LanguageTitleRecognizer,
                               LanguageWorkRecognizer, LineageRecognizer, SurnameFirstListRecognizer,
                               TiNicknameRecognizer)
    from .regional import (CapsInitialsSignoffRecognizer, DashAsideSignoffRecognizer, HonorificRecognizer,
                           InitialEmojiSignoffRecognizer, CapsInitialsSignoffRecognizer, InitialSubjectRecognizer, IntroductionRecognizer,
                           QuotedSignoffRecognizer, RegionalPhraseRecognizer, SizeNicknameRecognizer,
                           GermanPersonRecognizer, NameLineRecognizer, PersonalArticleRecognizer, PlacedNameRecognizer)
    from .devotions import DevotionRecognizer
    from .sport import ClubRecognizer
    from .works import QuotedTitleRecognizer

    return (EmailRecognizer, UrlRecognizer, PhoneRecognizer, LanguagePhoneRecognizer, MentionRecognizer,
            RegionalPhraseRecognizer, HeadedNameRecognizer, DevotionRecognizer, TiNicknameRecognizer, NamesakeRecognizer, MentionedWordRecognizer, KnownIdentityRecognizer, QuoteHeaderRecognizer, ChatSenderRecognizer, DatedSignoffRecognizer, BylineRecognizer,
            PublicFigureRecognizer, IwiRecognizer, RoyalRecognizer, PublicWorkRecognizer, LanguageWorkRecognizer, QuotedTitleRecognizer, QuotedNameRecognizer,
            JoinedPlaceRecognizer, WherePairRecognizer, InitialsParticleRecognizer,
            IntroFullNameRecognizer, SpelledNameRecognizer, IrishSurnameRecognizer, ShrineSaintRecognizer, ArabicCompoundNameRecognizer, PatronymicNameRecognizer, LaqamRecognizer, SurnameFirstRecognizer, VietnameseNameRecognizer, SignatureLineRecognizer, TitleRecognizer, RelationRecognizer, RelationCopulaRecognizer, HonorificRecognizer, LanguageTitleRecognizer,
            CuePhraseRecognizer, DoubleBarrelledNameRecognizer, PronounTagRecognizer, BracketNicknameRecognizer,
            SurnameFirstListRecognizer, PlacedNameRecognizer, ClubRecognizer, PlaceRecognizer, HomePlaceRecognizer, OrganisationRecognizer,
            NationalityRecognizer, SizeNicknameRecognizer, TitlePhraseRecognizer,
            NamedRecognizer, PersonalArticleRecognizer, IntroductionRecognizer, IntroFromPlaceRecognizer, NameLineRecognizer, InitialSubjectRecognizer,
            GreetingRecognizer, SignoffRecognizer, DashAsideSignoffRecognizer, QuotedSignoffRecognizer,
            InitialEmojiSignoffRecognizer, CapsInitialsSignoffRecognizer,
            LanguageSignoffRecognizer, AddressRecognizer, HandleRecognizer,
            EnglishNameRecognizer, NounCapsNameRecognizer, GermanPersonRecognizer, LanguageNameRecognizer, LineageRecognizer, LowerCaseNameRecognizer,
            LowerRoleRecognizer, SyllableNameRecognizer,
            CoordinationRecognizer)


class SurnameFirstRecognizer(SyllableNameRecognizer):
    """Chinese names written surname first, in Latin letters ("Tan Wei Ming"): before the title-case and
    lexicon rules, which would keep the three capitals as a title or take the given name alone."""

    name, score, signal = "surname_first", 0.8, "names"

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if not t.lower_style:
            yield from self._surname_first(t)
        elif "-" in t.text:  # (before the title and relation rules, which would take the family name alone)
            yield from self._korean_lower(t, any(sec.label == _KOREAN_LABEL for sec in _active_sections(t)))
        if _vietnamese_possible(t):
            yield from self._vietnamese(t)
        if not t.lacks_words(_HMONG_CUE_RUNS) and _HMONG_CUE.search(t.text):
            yield from self._hmong(t)

    def _hmong(self, t: TextContext) -> Iterator[Span]:
        """Hmong names: one or two given names, then one of the eighteen clan names ("Kou Xiong", "Pa Nhia
        Vang", "Dee Her"). Given names are often English words ("See", "Bee"), so the clan name after it is the
        evidence, in a text that names the Hmong or a clan name no English word can be (Xiong, Moua, Vang ...).
        Not after "the"/"a", not a title or a place, not a function word as the given name."""
        text, cues = t.text, self.cues
        for m in _HMONG_NAME.finditer(text):
            given = m.group(1).split()
            clan = m.group(2)
            if clan[0].islower():  # in lower case, one given name and a clan name no English word can be
                if clan.casefold() not in _HMONG_DISTINCT:
                    continue  # "tell her"
                given = given[-1:]
            while given and (any(g[0].islower() != clan[0].islower() for g in given) or self._not_hmong_given(given[0])):
                given.pop(0)
            if not given:
                continue
            g0 = given[0].casefold()
            if clan.casefold() in _HMONG_PRONOUN_CLANS and len(given) == 1 and g0 not in _HMONG_WORD_GIVEN \
                    and self.lex.rank(g0) is not None and self.lex.rank(g0) < 1000:
                continue  # "Love Her" at a line start; "Tell Her"
            s, e = m.end(1) - len(" ".join(given)), m.end(2)
            if text[s:m.end(1)] != " ".join(given):
                continue
            if EN_ARTICLE_RIGHT_BEFORE.search(text[max(0, s - 6):s]) or not t.free(s, e):
                continue
            yield self.person(t, s, e, "a given name, then a Hmong clan name")

    def _vietnamese(self, t: TextContext) -> Iterator[Span]:
        """Vietnamese full names, family name first (``data/surnames_vietnamese.txt``): "Trần Thị Mai",
        "Pham Van Long", "Lương Hạnh". The given name is often a word ("Long", "Thu" autumn, "Bảy" seven), so
        the evidence is the family name with a middle name (Thị, Văn, Đức ...) or with Vietnamese tone marks.
        Then a kin or respect word of address before a capitalised name ("chị Hương", "Cô Bảy", "anh Long"):
        the address word stays, the name goes. Places (also when written without tone marks) stay."""
        text, surnames = t.text, vietnamese_surnames()
        kept = list(self._vi_figures(t))
        yield from kept

        def taken(s: int, e: int) -> bool:
            return not t.free(s, e) or any(k.start < e and s < k.end for k in kept)
        for m in _VI_NAME.finditer(text):
            parts = m.group(0).split()
            if parts[0].casefold() not in surnames or len(parts) < 2:
                continue
            middle = parts[1].casefold() in _VI_MIDDLE and len(parts) >= 3
            marked = any(_VI_MARK.search(p) for p in parts)
            if not (middle or (marked and _VI_MARK.search(parts[0] + parts[-1]))):
                continue
            if middle and not marked and self._common(parts[0]):  # "To My Mother"
                continue
            if not middle and any(self._common(p) and not _VI_MARK.search(p) for p in parts[1:]):
                continue
            s, e = m.span()
            if self._vi_place(parts) or taken(s, e):
                continue
            yield self.person(t, s, e, "a Vietnamese full name, family name first")
        for m in _VI_KIN_NAME.finditer(text):
            parts = m.group(2).split()
            if knowledge().is_place(_vi_fold(f"{m.group(1)} {parts[0]}")):  # "Bà Rịa", "Ông Ích Khiêm" street
                continue
            while parts and (self._vi_place(parts) or parts[-1].casefold() in self.cues.not_names):
                parts.pop()
            if not parts or self.cues.function_word(parts[0]) or parts[0].casefold() in self.cues.titles:
                continue
            s = m.start(2)
            e = s + len(" ".join(parts)) if len(parts) > 1 else s + len(parts[0])
            if text[s:e] != " ".join(parts) or taken(s, e):
                continue
            yield self.person(t, s, e, "a name after a Vietnamese kin or respect word of address ('chị Hương')")

    def _not_hmong_given(self, w: str) -> bool:
        cues, cf = self.cues, w.casefold()
        if cf in _HMONG_WORD_GIVEN:
            return False
        return cues.function_word(cf) or cf in cues.titles or cf in cues.kin_titles or cf in cues.not_names \
            or cf in INTERJECTIONS or knowledge().is_place(w) or knowledge().is_demonym(w)

    def _vi_figures(self, t: TextContext) -> Iterator[Span]:
        """Public figures (``public_figures.toml``) written with Vietnamese tone marks, which the public-figure
        recognizer's capitalised words do not take in ("Thích Nhất Hạnh", "Nguyễn Du"): compared without marks."""
        figures = knowledge().figures_by_surname
        for m in _VI_NAME.finditer(t.text):
            words = [(w.start(), w.end(), _vi_fold(w.group(0)).casefold()) for w in re.finditer(r"\S+", m.group(0))]
            i = 0
            while i < len(words):
                for j in range(len(words), i + 1, -1):
                    toks = tuple(w for _, _, w in words[i:j])
                    if any(tuple(_vi_fold(x) for x in f.tokens) == toks for f in figures.get(toks[-1], ())):
                        yield self.span(m.start() + words[i][0], m.start() + words[j - 1][1], KEEP,
                                        reason="public figure (full name, with Vietnamese tone marks)")
                        i = j - 1
                        break
                i += 1

    def _vi_place(self, parts: list[str]) -> bool:
        """Any leading run of the words is a place, with or without its tone marks ("Hà Nội", "Hồ Chí Minh")."""
        k = knowledge()
        for n in range(len(parts), 0, -1):
            phrase = " ".join(parts[:n])
            folded = _vi_fold(phrase)
            if n == 1 and self._common(folded):  # "Bảy" is no "Bay", "Long" after "anh" no town
                continue
            if k.is_place(phrase) or k.is_place(folded) or k.is_place(folded.replace(" ", "")):
                return True
        return False


_VI_OWN = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


class VietnameseNameRecognizer(SurnameFirstRecognizer):
    """Vietnamese full names, family name first ("Phạm Thị Thu Trang", "Nguyễn Văn Phúc"), and a name after a
    Vietnamese word of address, in the text of the languages of the Vietnamese diaspora's countries (Czech,
    German, Polish, French ...): :meth:`SurnameFirstRecognizer._vietnamese`'s evidence (a middle name, the tone
    marks) is the same whatever the language around it. (No coverage signal: it names no language's names.)"""

    name, score, signal = "vietnamese_name", 0.8, ""
    languages = frozenset({"cs", "sk", "pl", "de", "fr", "nl", "it", "es", "pt", "da", "no", "sv", "fi", "ca", "id"})

    def analyze(self, t: TextContext) -> Iterator[Span]:
        if _vietnamese_possible(t):
            # the accents French, Czech or Polish write too ("Au Sénégal") are no evidence here: a letter only
            # Vietnamese writes (ă, đ, ơ, ư, the stacked tone marks) or a middle name must be in the name
            for sp in [*self._vietnamese(t), *self._given_first(t)]:
                words = t.text[sp.start:sp.end].split()
                if sp.kind == KEEP or _VI_OWN.search(t.text, sp.start, sp.end) \
                        or any(w.casefold() in _VI_MIDDLE for w in words[1:-1]):
                    yield sp

    def _given_first(self, t: TextContext) -> Iterator[Span]:
        """The order of the diaspora's papers, given names first and the family name last ("Tuấn Lê", "Long
        Đặng", "Anh Thư Đỗ"): a family name of the list written with its tone marks ends the name, which then
        can be no word of the language around it (the marks are Vietnamese's own)."""
        text, surnames = t.text, vietnamese_surnames()
        for m in _VI_NAME.finditer(text):
            words = list(re.finditer(r"\S+", m.group(0)))
            for j in range(len(words) - 1, 0, -1):
                last = words[j].group(0)
                if last.casefold() in surnames and _VI_MARK.search(last) and words[0].group(0).casefold() not in surnames:
                    parts = [w.group(0) for w in words[:j + 1]]
                    s, e = m.start() + words[0].start(), m.start() + words[j].end()
                    if not self._vi_place(parts) and not any(self.cues.function_word(p) for p in parts) and t.free(s, e):
                        yield self.person(t, s, e, "a Vietnamese name, given names first, the family name last")
                    break


def default_recognizers(cues: Cues) -> list[Recognizer]:
    """Every recognizer, in the order they run (precedence for the resolver)."""
    return [cls(cues) for cls in recognizer_classes()]
