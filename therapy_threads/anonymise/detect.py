"""Finding person names, handles, phone numbers, e-mail addresses and URLs in text.

Pure functions over one post ("document": the post's title, body and comments). Detection is a
set of small recognizers (:mod:`.recognizers`), each finding one kind of evidence and explaining
its spans; :class:`Engine` runs them in precedence order and :func:`.spans.resolve` settles
overlaps. The expensive NER model runs only on sentences that still hold an undecided candidate
(see :mod:`.ner`). Offsets are character offsets into the text they were found in.

This module holds what the recognizers share: the post's context (:class:`DocContext`), one
text's context (:class:`TextContext`) and the language cues (:class:`Cues`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse

from .grow import grow_persons, official_form_possible
from .identity import SOFT_RANK
from .knowledge import language_names
from .lexicon import Lexicon
from .patterns import by_first_letter, find_contacts
from .policy import Policy
from .wordgate import WordGate
from .spans import (EMAIL, KEEP, KNOWN, MENTION, PERSON, PHONE, POST_AUTHOR, URL,  # noqa: F401 (re-exported)
                    Span, resolve)

# A capitalised token: "Evan", "DeShawn", "O'Brien", "Mary-Jane", "KLT", "Evan’s" (possessive
# stripped later). Handles with digits are found by the handle and identity recognizers.
# (The look-behind comes after the first letter: the regex engine can then skip ahead to capitals.)
# ASCII, Latin-1 and Latin Extended capitals: "Élodie", "Øyvind", "Łukasz", "Šárka", "Ōtara" (te reo
# Māori macrons), "Ārama"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
# (the ʻokina U+02BB is a letter inside a word: "Molokaʻi", "Lāʻie"; typed as a turned comma U+2018 it joins
# two parts of one word like an apostrophe: "Moloka‘i")
CAP_RE = re.compile("[" + _UP + "](?<![\\w@’'.\\-][" + _UP + "])[A-Za-z0-9\u00c0-\u024f\u02bb]*"
                    "(?:['’‘-][A-Za-z\u00c0-\u024f\u02bb]+)*")
POSS = re.compile(r"['’]s?$")


def unpossessed(tok: str) -> str:
    """``POSS.sub("", tok)``: only a token ending in "'", "’", "s" (or a line break, before which
    ``$`` also matches) can change; most capitalised tokens are returned without the regex."""
    if tok[-1:] not in ("s", "'", "’", "\n"):
        return tok
    return POSS.sub("", tok)
_WORD_BEFORE = re.compile(r"([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’]*)([\s,]*)$")
_TWO_BEFORE = re.compile(r"([A-Za-z\u00c0-\u024f]+)\s+([A-Za-z\u00c0-\u024f]+)([\s,]*)$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+)")
# (with the Austrian feminine forms "Mag.a", "Dr.in" and "Dipl.-Psych.": "Frau Mag.a Berger")
# after "X," someone else addressed: the readers ("my people", "my friends") or a name set off by a comma, then the
# sentence ("Yes, Xxx, same here"; not a list of names "X, Y, Z"): X is an interjection or a greeting (the name is
# checked by the caller)
OTHERS_ADDRESSED = re.compile(r"[ \t]+(?:(?:my|our)[ \t]+(?:people|friends|lot|family|folks|dears|darlings|lovelies|"
                              r"loves|all|ladies|brothers|sisters)\b|(?P<name>[A-Z][a-z\u00df-\u024f'’-]+)[ \t]*,[ \t]*(?=[a-z]))")
_TITLE_BEFORE = re.compile(r"(?<![\w.-])([A-Za-z]+(?:\.(?:a|in)(?![A-Za-z])|\.-[A-Za-z]+)?)\.?[ \t]+$")
_NAMED_BEFORE = re.compile(r"(?:\bnamed(?:[ \t]+(?:me|him|her|them|us))?|\bcalled|\b(?:sur)?name\s+(?:is|was)(?:\s+(?:actually|really|literally))?|\b(?:sur)?name['’]s|\b(?:my|his|her|our|their|your)[ \t]+(?:surname|(?:family|last|maiden)[ \t]+name),|\bknown\s+as|\bheißt|\bnamens)[ \t]+$", re.I)
# a writer introducing themselves: "IRL I'm Tess", "ich bin Franka", "je suis Inès"
# ("i'm" in lower-case chat too; "this is X" after a greeting: "Hello all, this is Happy from Ludhiana")
SELF_INTRO = re.compile(r"(?:\b[Ii]['’]m|\b[Ii]\s+am|\b[Tt]his\s+is|\bich\s+bin|\bich\s+heiße|\bje\s+suis|\bme\s+llamo|\bmi\s+chiamo)[ \t]+$")
# Word shapes that are not person names: derived words and CamelCase compounds (brands, sites).
NOT_NAME_SHAPE = re.compile(r"(?:ing|tion|sion|ness|ment|ism|ology|ical|ence|ance|ship|ative|ized|ised|ful|less)$"
                            r"|^[A-Z][a-z]{3,}[A-Z]")
# words that open a comment on their own ("Yes, ...", "Hmm, ..."): never a name because of their place
INTERJECTIONS = frozenset({"yes", "no", "yeah", "yep", "nope", "yay", "ugh", "oops", "aww", "awww", "hmm", "hmmm",
                           "haha", "hahaha", "ah", "whoa", "welcome", "please", "ok", "okay", "lol", "omg", "ja",
                           "nein", "oui", "non", "si", "sí", "nee", "lmao", "lmaooo", "omg", "ps", "update",
                           "edit", "same", "this", "ugh", "ooh", "wow", "aw"})
_CAP_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]+$")
# ``\b[a-z\u00df-\u00ff][a-z\u00df-\u00ff']*`` with the boundary asked after the first letter (a look-behind over
# the boundary and that letter): the same matches, but the pattern starts with a class, so the regex engine
# skips ahead to the letters instead of trying the boundary at every position (~12 % less a text)
_LOWER_WORD_PLAIN = r"\b[a-z\u00df-\u00ff][a-z\u00df-\u00ff']*"
_LOWER_WORD = re.compile(r"[a-z\u00df-\u00ff](?<=\b[a-z\u00df-\u00ff])[a-z\u00df-\u00ff']*")
_SENT_START = re.compile(r"(?:^|[.!?][\"”“’»)]*\s+|\n\s*)([A-Za-z\u00c0-\u024f])")  # also after a closing quote
# _SENT_START without its "^" branch, starting at its first character (the engine skips ahead to
# ".", "!", "?" and line breaks instead of trying three branches at every position)
_SENT_START_FAST = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”“’»)]*\s+|(?<=\n)\s*)([A-Za-z\u00c0-\u024f])")
_SENT_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def sentence_starts(text: str) -> list[str]:
    """``_SENT_START.findall(text)``: the first letter of the text, then those after sentence ends."""
    if text and _SENT_LETTER.match(text):
        return [text[0]] + _SENT_START_FAST.findall(text, 1)
    return _SENT_START_FAST.findall(text)
_BLANK_END = (" ", "\t", "\n")  # how a head can end that a cue ending in ``[ \t]+$`` matches
# after a name opening a sentence: a pictograph ("Wren 🫂"); the second person or "my" and a word ("Wren your ...",
# "Wren if you ...", "Wren my sister's girl")
_PICTOGRAPH_AFTER = re.compile(r"[ \t]+(\S)")
_YOU_OR_MY_AFTER = re.compile(r"[ \t]+(?:(?:if|when)[ \t]+)?(?:you|your|u|ur)\b|[ \t]+my[ \t]+([A-Za-z]+(?:['’]s)?)\b")
# an aside in brackets after a name closing a text: "\nKT (Kit at work, sorry)"
_SIGNOFF_ASIDE = re.compile(r"[ \t]*\([^()\n]{1,80}\)")
_INITIAL_SKIP = " \t\"'“”‘’([{*•·–—-"
_SENT_END = ".!?…\n:"

_FINITE = frozenset({"is", "was", "has", "had", "says", "said", "thinks", "thought", "told", "asked", "knows", "knew",
                     "helped", "helps", "wants", "wanted", "feels", "felt", "does", "did", "gave", "gives",
                     "would", "could", "seems", "sounds", "looks", "laughed", "smiled", "cried", "called",
                     "texted", "went", "came", "made", "loves", "hates", "likes", "tells", "asks", "keeps",
                     "kept", "hugs", "hugged", "replied", "answered", "suggested", "agrees", "agreed"})

_PERSON_VERBS = frozenset({
    # speaking, thinking, feeling: what people (not things, brands or places) do
    "said", "says", "told", "tells", "asked", "asks", "thinks", "thought", "knew", "knows", "wanted", "wants",
    "felt", "feels", "laughed", "laughs", "smiled", "smiles", "cried", "cries", "helped", "helps", "loves",
    "loved", "hates", "hated", "replied", "replies", "texted", "texts", "called", "calls", "hugged", "hugs",
    "suggested", "suggests", "taught", "teaches", "explained", "explains", "wrote", "writes", "agrees", "agreed",
    "promised", "promises", "admitted", "admits", "believes", "believed", "insists", "insisted", "recommended",
    "recommends", "mentioned", "mentions", "noticed", "notices", "reminded", "reminds", "warned", "warns",
    "reckons", "reckoned", "nodded", "nods", "listened", "listens", "understood", "understands", "misses",
    "missed", "messaged", "rang", "phoned", "emailed", "worries", "worried", "decided", "decides", "realised",
    "realized", "realises", "realizes", "apologised", "apologized", "pretended", "pretends", "refused",
    "refuses", "retired", "died", "married", "hugged", "kissed", "winked", "sighed", "shrugged", "giggled",
    "whispered", "shouted", "yelled", "snapped", "joked", "jokes", "teased", "teases", "swears", "swore",
    "wonders", "wondered", "remembers", "remembered", "forgot", "forgets", "welled", "teared", "blushed",
    "sobbed", "grinned", "frowned", "gasped", "confessed", "confided", "argued", "argues", "complained",
    "complains", "sat", "stood", "walked", "drove", "arrived", "left", "came", "went", "met", "meets",
    # German
    "sagt", "sagte", "meint", "meinte", "findet", "fand", "fragt", "fragte", "lacht", "lachte", "weint",
    "weinte", "erzählt", "erzählte", "schreibt", "schrieb", "glaubt", "glaubte", "denkt", "dachte"})
# what only a person does, even when the subject is also an ordinary word ("Hope said", "Joy laughed")
SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "asked", "asks", "thinks", "thought", "replied",
                          "texted", "laughed", "smiled", "cried", "hugged", "reckons", "nodded", "suggested",
                          "explained", "agreed", "mentioned", "insisted", "admitted", "promised", "whispered",
                          "sagt", "sagte", "meint", "meinte", "fragte", "lachte"})
# finite verbs and auxiliaries that follow a subject (a name opening a sentence: "Anselm keeps saying")
_AUX = frozenset({
    "is", "was", "has", "had", "does", "did", "will", "would", "can", "could", "should", "might", "must",
    "isn't", "wasn't", "hasn't", "hadn't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't",
    "shouldn't", "isnt", "wasnt", "hasnt", "doesnt", "didnt", "wont", "cant", "couldnt", "seems", "seemed",
    "gets", "got", "goes", "made", "makes", "gave", "gives", "took", "takes", "kept", "keeps", "sent", "sends",
    "brought", "brings", "saw", "sees", "heard", "hears", "read", "spoke", "speaks", "sings", "sang", "ran",
    "runs", "put", "puts", "paid", "pays", "lives", "lived", "works", "worked", "looks", "looked", "sounds",
    "sounded", "used", "uses", "needs", "needed", "tried", "tries", "got", "let", "lets", "found", "finds",
    "bought", "buys", "became", "becomes", "began", "begins", "started", "starts", "stopped", "stops",
    "moved", "moves", "turned", "turns", "showed", "shows", "offered", "offers", "managed", "manages"})
_ADVERB_BETWEEN = frozenset({"always", "never", "just", "still", "also", "even", "often", "sometimes", "really",
                             "actually", "literally", "finally", "then", "once", "usually", "basically",
                             "totally", "apparently", "probably", "definitely", "only", "already", "ever",
                             "now", "immediately", "suddenly", "simply", "genuinely", "honestly", "kindly",
                             "gently", "quietly", "calmly", "instantly", "rarely", "hardly", "later", "almost",
                             "barely", "seldom", "always", "truly", "clearly", "obviously"})

# First words of what someone says to a person they just named at the start of a comment.
_VOCATIVE_NEXT = frozenset({"i", "i'm", "i'll", "i've", "i'd", "im", "ill", "ive", "you", "you're", "youre", "your",
                            "u", "ur", "that", "that's", "thats", "this", "it's", "its", "we", "thank", "thanks",
                            "ty", "same", "yes", "yeah", "yep", "no", "ha", "haha", "lol", "lmao", "omg", "sorry",
                            "so", "aw", "aww", "awww", "honestly", "totally", "exactly", "glad", "hugs", "congrats",
                            "agree", "agreed", "wow", "oh", "ohh", "hope", "love", "sending", "maybe", "please",
                            "careful", "tell", "don't", "dont", "do", "did", "have", "are", "is", "was", "what",
                            "how", "where", "when", "why", "who", "ja", "danke", "du", "ich", "das", "wie"})

_DERIVED = re.compile(r"(?:ly|ic|ous|ful|ive|able|ible|less|ness|ing|ed|ment|tion|ical|ish)$")

# Languages that capitalise every noun: capitalisation says nothing about names there.
NOUN_CAPS = frozenset({"de", "lb"})


@dataclass(slots=True)
class KnownName:
    pseudonyms: set[str]
    strong: bool  # match in any case; weak variants only when capitalised
    post_author: bool
    cue_only: bool = False  # an ordinary word or brand in the name ("WordPress"): only with a name cue
    langs: frozenset[str] = frozenset()  # other languages where the variant reads as ordinary words
    nickname: bool = False  # a nickname of the commenter's given name, not the name they wrote


@dataclass
class DocContext:
    """What the rules know about one post: its lower-case vocabulary and its known identities."""

    lower_vocab: set[str]
    known: dict[str, KnownName]  # variant (case-folded, single spaces) -> info
    known_re: re.Pattern[str] | None
    own_host: str | None = None
    accepted: dict[str, str] = field(default_factory=dict)  # surface (casefold) -> person key
    keep: set[str] = field(default_factory=set)  # surfaces decided as ordinary words
    figure_words: set[str] = field(default_factory=set)  # words of public figures named in this post
    skeletons: dict[str, KnownName] = field(default_factory=dict)  # variant without separators -> info
    place_role: set[str] = field(default_factory=set)  # capitalised words used after "in", "from", "moving to"
    # capitalised names a cue of a person's role put in a name role (a naming phrase, a title, a relation
    # noun): such a name is the person where a gazetteer alone would keep it as a place (see Anonymiser._propagate)
    role_named: set[str] = field(default_factory=set)
    # text -> its e-mail, link, written e-mail and written link spans (:func:`.patterns.find_contacts`):
    # found once for the vocabulary below and reused by the contact recognizers
    contacts: dict[str, tuple] = field(default_factory=dict)
    # the page's bylines that print where each poster is from in the site's template (:func:`.bylines.place_fields`)
    byline_fields: frozenset = frozenset()
    # (text, language) -> its bylines as :func:`.bylines.place_fields` read them without place fields: where the
    # page has none they are the byline recognizer's, read once
    bylines: dict[tuple[str, str | None], list[tuple[int, int]]] = field(default_factory=dict)
    # word parts of the handles the post knows (a commenter's identity, or an "@"/"u/" mention in its texts)
    # -> the handle: people shorten a handle to one of its words when they address its owner ("diesel" for
    # diesel_and_decaf, "rosie" for big_rig_rosie)
    handle_parts: dict[str, str] = field(default_factory=dict)
    # words of the e-mail addresses' local parts of the post's author and commenters ("lola", "mendez" of
    # lola.mendez@...): the name a person goes by, which the display name may not hold ("Dolores M.")
    mail_words: frozenset[str] = frozenset()

    def contacts_of(self, text: str) -> tuple:
        found = self.contacts.get(text)
        if found is None:
            found = self.contacts[text] = find_contacts(text)
        return found


def skeleton(s: str) -> str:
    """A variant with case, separators and spaces removed: "Heart Of Glass" -> "heartofglass"."""
    return re.sub(r"[\s_.\-]+", "", s.casefold())


# a capitalised word where only a place fits: "moving to Georgia", "I'm in Phoenix", "servus aus Linz"
_PLACE_ROLE = re.compile(r"(?:" + by_first_letter("in|from|near|outside|to|visit|visiting|nach|aus|bei", r"\w")
                         + r")[ \t]+([A-Z][a-zà-ÿ]+)\b(?![ \t]+[A-Z])")


def build_context(texts: list[str], known: dict[str, KnownName], own_host: str | None) -> DocContext:
    vocab: set[str] = set()
    places: set[str] = set()
    contacts: dict[str, tuple] = {}
    for t in texts:
        # a name inside an address ("bernie dot walsh at example dot ie") is no word written in lower case
        found = contacts.get(t)
        if found is None:
            found = contacts[t] = find_contacts(t)
        cut = found[0] + found[1] + found[2] + found[3]
        for a, b in sorted(cut, reverse=True):
            t = t[:a] + " " + t[b:]
        vocab.update(_LOWER_WORD.findall(t.replace("’", "'") if "’" in t else t))
        places.update(m.group(1).casefold() for m in _PLACE_ROLE.finditer(t))
    if known:
        alts = sorted(known, key=len, reverse=True)
        # parts of a multi-part handle may be written with any separator or none ("moth to flame",
        # "MothToFlame", "moth_to_flame"); digits may be dropped ("sadgirl" for "sad_girl92")
        body = "|".join(re.escape(a).replace(r"\ ", r"[\s_.\-]*") for a in alts)
        known_re = re.compile(r"(?<![\w@])(?:" + body + r")(?![\w])", re.I)
    else:
        known_re = None
    skel: dict[str, KnownName] = {}
    for v, info in known.items():
        skel.setdefault(skeleton(v), info)
    return DocContext(vocab, known, known_re, own_host, skeletons=skel, place_role=places, contacts=contacts,
                      handle_parts=handle_parts(texts, known))


_HANDLE_GLUE = re.compile(r"[_.]|[^\W\d_]\d|\d[^\W\d_]")


def handle_parts(texts: list[str], known: dict[str, KnownName]) -> dict[str, str]:
    """Word parts of the post's handles -> the handle: of the known identities' names that are handle-shaped
    (no blank; a separator or digits inside) and of the "@"/"u/" mentions of its texts. A part is a word of
    three letters or more that is no common word (a function word of a handle, "the", "and", "big", names no
    one)."""
    from .identity import split_handle
    from .lexicon import lexicon
    from .patterns import MENTION_RE

    handles = {k for k in known if " " not in k and _HANDLE_GLUE.search(k)}
    for t in texts:
        if "@" in t or "u/" in t:
            handles.update((m.group(1) or m.group(2)).casefold() for m in MENTION_RE.finditer(t))
    lex = lexicon()
    out: dict[str, str] = {}
    for h in sorted(handles):
        parts = [p for p in split_handle(h) if not p.isdigit()]
        if len(parts) < 2:
            continue
        for p in parts:
            r = lex.rank(p)
            if len(p) >= 3 and p.isalpha() and (r is None or r >= 1000):
                out.setdefault(p, h)
    return out


@dataclass
class TextContext:
    """One text being analysed: the spans accepted so far and the tokens left undecided for NER."""

    text: str
    doc: DocContext
    role: str  # body | title | comment
    lang: str | None
    taken: bytearray
    spans: list[Span] = field(default_factory=list)
    candidates: list[tuple[int, int]] = field(default_factory=list)
    lower_style: bool = False  # the writer does not capitalise sentences ("ok so my therapist jonas ...")

    _caps: list[tuple[int, int, str, str]] | None = None

    @property
    def english(self) -> bool:
        return self.lang is None or self.lang == "en"

    _low: str | None = None

    @property
    def low(self) -> str:
        """The text lower-cased (same length as the text, or the text itself if lower-casing would
        change offsets): lets recognizers scan without case-insensitive regexes."""
        if self._low is None:
            lo = self.text.lower()
            self._low = lo if len(lo) == len(self.text) else self.text
        return self._low

    @property
    def caps(self) -> list[tuple[int, int, str, str]]:
        """Capitalised tokens, computed once per text: (start, end, token, token without "'s")."""
        if self._caps is None:
            self._caps = [(m.start(), m.end(), tok, unpossessed(tok))
                          for m in CAP_RE.finditer(self.text) for tok in (m.group(0),)]
        return self._caps

    _caps_folded: list[str] | None = None

    @property
    def caps_folded(self) -> list[str]:
        """The capitalised tokens without "'s", case-folded: ``[core.casefold() for _s, _e, _tok, core in caps]``,
        computed once per text with one ``casefold`` of them all (it folds each character on its own, and none
        of the tokens' characters folds to or from the separator)."""
        if self._caps_folded is None:
            caps = self.caps
            self._caps_folded = "\x00".join([c[3] for c in caps]).casefold().split("\x00") if caps else []
        return self._caps_folded

    _blank_caps: list[int] | None = None

    @property
    def blank_capitals(self) -> list[int]:
        """Where a capital follows a space or a tab: ``[m.end() - 1 for m in re.finditer(r"[ \\t][A-Z\\u00c0-\\u00de]",
        text)]``, read off :attr:`caps` instead of another scan of the text (:func:`blank_capitals`)."""
        if self._blank_caps is None:
            self._blank_caps = blank_capitals(self.text, self.caps)
        return self._blank_caps

    _chunks: list[str] | None = None

    @property
    def chunks(self) -> list[str]:
        """``low.split()``, once per text (the token pass and the regional phrases' first-word gate)."""
        if self._chunks is None:
            self._chunks = self.low.split()
        return self._chunks

    _words: set[str] | None = None

    @property
    def words(self) -> set[str]:
        """The shared token pass: every run of word characters (``\\w+``) of :attr:`low`, computed once
        per text, and the text's blank-separated chunks, which hold a non-word character where they are
        no run (so no trigger word equals one). A recognizer's trigger words (:func:`first_runs`) are
        looked up in it (see :meth:`Engine.woken`): one pass over the text instead of one scan per
        recognizer. (Split at blanks in C; only the chunks that are not alphanumeric throughout, which
        are runs as they stand, are searched for their runs: 20 instead of 25 µs a comment.)"""
        if self._words is None:
            chunks = self.chunks
            words = set(chunks)
            words.update(_WORD_RUN.findall(" ".join(filterfalse(str.isalnum, chunks))))
            self._words = words
        return self._words

    # (wordgate.WordGate: whether the text holds one of a gate's odd case-folding characters, per set of them)
    odd_memo: dict | None = None

    def lacks_words(self, runs: frozenset[str]) -> bool:
        """True only where no word of ``runs`` (lower-case runs of word characters) can be matched in the
        text: ``WordGate(runs).absent(self)`` (one gate a set of runs, made once), so the odd case-folding
        characters are the gate's own (:func:`.wordgate.odd_characters` of the runs' letters). There a
        case-insensitive match of one of the words, or a match of it as written, with no word character on
        either side, is that run of :attr:`low`, so a recognizer whose every match is one can skip its own
        gate of substring tests (each a scan of the whole text, ~0.75 µs a comment; most texts hold none of
        the words). False means: ask the recognizer's own gate."""
        return _word_gate(runs).absent(self)

    def free(self, s: int, e: int) -> bool:
        return not any(self.taken[s:e])

    def claim(self, sp: Span) -> bool:
        if not self.free(sp.start, sp.end):
            return False
        self.taken[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)
        self.spans.append(sp)
        return True


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=None)
def _word_gate(runs: frozenset[str]) -> WordGate:
    """:meth:`TextContext.lacks_words`' gate for ``runs`` (a module-level frozenset: a handful in all)."""
    return WordGate(runs)


def first_runs(words) -> frozenset[str] | None:
    """The trigger words of a word list for :attr:`TextContext.words`: each word's first run of word
    characters ("ma'am" -> "ma", "frau dr" -> "frau"); None (no gate) when a word does not start with
    one. A pattern that matches one of the words literally (no ``re.I``), on :attr:`TextContext.low`,
    where no word character comes before it, matches only in a text whose runs include that word's first
    run: the run the text has there starts where the word does and ends where the word's run does (the
    next character is one of the word's, or what the pattern takes after the word, never a word character)."""
    out = set()
    for w in words:
        m = _WORD_RUN.match(w)
        if m is None:
            return None
        out.add(m.group(0))
    return frozenset(out)


def blank_capitals(text: str, caps: list[tuple[int, int, str, str]]) -> list[int]:
    """``[m.end() - 1 for m in re.finditer(r"[ \\t][A-Z\\u00c0-\\u00de]", text)]`` from the text's capitalised
    tokens (``caps``, :attr:`TextContext.caps`), which every English text has computed anyway: a capital of
    that range after a blank starts a ``CAP_RE`` match (its look-behind refuses no blank, and no token
    holds a blank, so no earlier match covers it), and every ``CAP_RE`` match starting with one after a
    blank is one. The range's one character that is no capital, "×", is looked for on its own. The
    scan this replaces ran twice on every English text (kin titles, namesakes: ~12 µs each a comment)."""
    out = [s for s, _e, _tok, _core in caps if s and text[s] < "\u0100" and text[s - 1] in " \t"]
    if "\u00d7" in text:
        i = text.find("\u00d7", 1)
        extra = []
        while i > 0:
            if text[i - 1] in " \t":
                extra.append(i)
            i = text.find("\u00d7", i + 1)
        if extra:
            out = sorted(out + extra)
    return out


def lower_style(text: str) -> bool:
    """The writer does not capitalise: most sentence starts and every "I" are lower case."""
    if not any(map(str.isupper, text)):  # (any(c.isupper() for c in text), without a frame per character)
        return len(text.split()) >= 3
    starts = sentence_starts(text)
    if len(starts) < 2 and len(text) < 60:
        return bool(starts) and starts[0].islower() and " i " in f" {text} "
    low = sum(1 for c in starts if c.islower())
    return low >= max(1, 0.6 * len(starts)) and not re.search(r"(?:^|\s)I(?:\s|['’])", text)


class Cues:
    """Language cues shared by the recognizers, configured once from the policy and the lexicons."""

    def __init__(self, policy: Policy, lex: Lexicon):
        r = policy.rules
        self.lex = lex
        self.policy = policy
        self._derived_memo: dict[str, bool] = {}
        self.titles = {t.rstrip(".") for t in r.titles | r.academic_titles if not t.endswith("-")}
        # the titles of every covered language (the policy's and the language cue tables'), without periods
        from .multilingual import language_cues  # (multilingual imports this module)
        self.all_titles = frozenset(self.titles) | frozenset(
            w.rstrip(".") for lc in language_cues()[0].values() for w in lc.titles if " " not in w)
        # the other languages' forms of address that writers of those heritages use, capitalised, in English or
        # German text before a name ("Madame Vilsaint", "Mme Roy", "Señora Ruiz", "Pani Zofia"): the words of
        # three letters or more that are no common English word ("pan", "doctor" are) nor a given name ("Don")
        self.loan_titles = frozenset(w for w in self.all_titles - self.titles
                                     if len(w) >= 3 and "." not in w and (lex.rank(w) or 10 ** 6) >= 2000
                                     and w not in lex.first_names and w not in lex.intl_names)
        self.greetings = r.greetings
        self.greet1 = {g for g in self.greetings if " " not in g}
        self.greet2 = {g for g in self.greetings if " " in g}
        self.verbs_after = r.verbs_after
        self.possessed_after = r.possessed_after
        from .regional import regional_kin_titles  # (regional imports this module)

        # the kin words of the languages mixed into English are relation nouns too ("my nkgono X", "my ouma X")
        # (not one that is a common English word: "ate")
        self.relations = frozenset(r.relations) | {k for k in regional_kin_titles() if (lex.rank(k) or 10 ** 6) >= 10000}
        # kinship and respect words of the languages mixed into English (regional_phrases.toml): never part
        # of the name they go before ("Ouma Sannie", "Ntate Lebo", "Nain Gwen")
        self.regional_kin = regional_kin_titles()
        self.policy_kin = frozenset(r.kin_titles)
        self.kin_titles = self.policy_kin | self.regional_kin
        self.closings = r.closings
        self.not_names = {w.replace("’", "'") for w in r.not_names}
        self.acronyms = r.acronyms
        self.keep_initials = policy.text.keep_single_letter_initials
        self.min_len = policy.text.min_name_length
        # a lexicon first name counts as a name unless it is a common word not on the word_names list
        self.first_names = frozenset(n for n in lex.first_names
                                     if (lex.common_rank.get(n, SOFT_RANK) >= SOFT_RANK or n in r.word_names)
                                     and not self.derived_word(n))
        self.intl_names = frozenset(n for n in lex.intl_names if n not in lex.common_rank)
        self.language_names = language_names()
        self._greeting_memo: dict[str, bool] = {}
        self._title_memo: dict[str, bool] = {}
        self._named_memo: dict[str, bool] = {}
        self._relation_memo: dict[str, bool] = {}

    # ---- small predicates -------------------------------------------------------------------

    def derived_word(self, cf: str) -> bool:
        """An ordinary word built with a derivational ending that names never have, which the
        dictionary writes only in lower case: "honestly", "iconic", "hopeful" (the name lists,
        built from what people typed as their first name, hold such words)."""
        # a function of the word and the lexicon only, asked ~4 times per comment: kept per word
        memo = self._derived_memo
        hit = memo.get(cf)
        if hit is None:
            if len(memo) > 200_000:  # the words of a corpus, bounded
                memo.clear()
            hit = memo[cf] = self._derived_word(cf)
        return hit

    def _derived_word(self, cf: str) -> bool:
        m = _DERIVED.search(cf)
        r = self.lex.common_rank.get(cf)
        if not m or self.lex.proper_noun(cf) or r is None or r >= 15000:
            return False  # a rare word with such an ending is as likely a name ("Aisling", "Naveed")
        if self.lex.only_word(cf) and m.group(0) not in ("ly", "ed", "ing"):
            return True  # "iconic", "hopeful" ("Molly", "Sally" end in -ly and are names as well)
        stem = cf[:m.start()]
        if len(stem) < 4:
            return False  # "Eric", "Olive", "Ted": too short a stem to be a derivation
        forms = {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem,
                 stem[:-1] if len(stem) > 4 and stem[-1] == stem[-2] else stem}
        return any(self.lex.dictionary_word(f) for f in forms)

    def is_first(self, cf: str) -> bool:
        return cf in self.first_names

    def is_last(self, cf: str) -> bool:
        return cf in self.lex.last_names

    def word_name(self, cf: str) -> bool:
        """A given name that is also an ordinary word ("Will", "Hope", "Grace", "Holly"): on the
        policy's list, unless the dictionary writes it only capitalised ("Sarah", "Emma"), or a
        common word the dictionary also has in lower case."""
        if self.lex.proper_noun(cf):
            return False
        r = self.lex.common_rank.get(cf)
        return cf in self.policy.rules.word_names or (r is not None and r < SOFT_RANK)

    def any_given_name(self, cf: str) -> bool:
        """A given name of any country in the lexicon that is not also a common English word."""
        return cf in self.first_names or cf in self.intl_names

    def person_verb_after(self, text: str, e: int) -> bool:
        """A verb only people do right after the token: "Margit told", "Aroha laughed"."""
        m = re.match(r"\s+([a-z]+)\b", text[e:e + 20])
        return bool(m) and m.group(1) in _PERSON_VERBS

    def subject_of_verb(self, text: str, e: int, lenient: bool = False) -> bool:
        """The token is the subject of a finite verb that follows it, perhaps after an adverb:
        "Anselm keeps saying", "Fennelly has a owl", "Yusra made me tea", "Thandiwe reckons",
        "Otieno never calls". ``lenient`` also takes any common word in -s/-ed whose stem is a word
        (a verb unknown to the lists): only for a token that is no word at all, since after a word
        a plural noun reads the same ("Sunny days")."""
        m = re.match(r"[ \t]+([a-z'’]+)(?:[ \t]+([a-z'’]+))?(?:[ \t]+([a-z'’]+))?", text[e:e + 60])
        if not m:
            return False
        words = [x.replace("’", "'") for x in m.groups() if x]
        w = words[0]
        # up to two adverbs between: "Inmaculada almost never talks", "X just really gets it"
        for nxt in words[1:]:
            if w in _ADVERB_BETWEEN or (w.endswith("ly") and len(w) > 4):
                w = nxt
        if w in _AUX or w in _PERSON_VERBS or w in _FINITE:
            return True
        if w.endswith("ed") and len(w) > 4 and self.lex.rank(w) is not None:
            return True
        if lenient and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")):
            stem = w[:-2] if w.endswith(("ches", "shes", "sses", "xes")) else w[:-1]
            r, rs = self.lex.rank(w), self.lex.rank(stem)
            return r is not None and rs is not None and rs < 20000
        return False

    def verb_after(self, text: str, e: int) -> bool:
        """"Ingrid says", "Priyanka thinks", "Marguerite helped": a finite verb right after a token."""
        m = re.match(r"\s+([a-z]+)\b", text[e:e + 20])
        if not m:
            return False
        w = m.group(1)
        # (a plural noun looks like a third-person verb: "Sunny days", "Dawn walks" are no persons)
        return w in _FINITE or (w.endswith("ed") and self.lex.rank(w) is not None)

    def wordlike(self, cf: str, doc: DocContext) -> bool:
        """Behaves as an ordinary word in this document: common, and not a name never seen in lower case."""
        r = self.lex.common_rank.get(cf)
        if r is None:
            return False
        if cf in self.first_names or (cf in self.lex.last_names and r >= SOFT_RANK):
            return cf in doc.lower_vocab
        if self.lex.casing and not self.lex.dictionary_word(cf) and r >= SOFT_RANK:
            return cf in doc.lower_vocab  # "Noor": a proper noun or no dictionary word at all
        return True

    def function_word(self, cf: str) -> bool:
        r = self.lex.common_rank.get(cf)
        return r is not None and r < 300 and cf not in self.first_names

    @staticmethod
    def is_initial(text: str, start: int) -> bool:
        i = start - 1
        while i >= 0 and text[i] in _INITIAL_SKIP:
            i -= 1
        if i < 0:
            return True
        if text[i] in _SENT_END:
            return True
        # "1. Hi" list numbers are caught by '.', "2)" by ')'
        return text[i] == ")" and i > 0 and text[i - 1].isdigit()

    # The look-behind cues below are asked about the same places by several recognizers (a place, a
    # public figure, an organisation, a name); each depends only on the few characters before the
    # token, so their answers are kept per head (bounded: heads, not texts, are what repeats).
    def _memo(self, table: dict[str, bool], head: str, fn) -> bool:
        hit = table.get(head)
        if hit is None:
            if len(table) > 100_000:
                table.clear()
            hit = table[head] = fn(head)
        return hit

    def greeting_before(self, text: str, start: int) -> bool:
        head = text[max(0, start - 40):start]
        if not head:
            return False
        return self._memo(self._greeting_memo, head, self._greeting_head)

    def _greeting_head(self, head: str) -> bool:
        m = _TWO_BEFORE.search(head)
        if m and f"{m.group(1)} {m.group(2)}".casefold() in self.greet2:
            return True
        m = _WORD_BEFORE.search(head)
        return bool(m and m.group(1).casefold() in self.greet1)

    def title_before(self, text: str, start: int) -> bool:
        head = text[max(0, start - 16):start]
        if head[-1:] not in _BLANK_END:  # the pattern ends in blanks (``$`` also before a final newline)
            return False
        return self._memo(self._title_memo, head, self._title_head)

    def _title_head(self, head: str) -> bool:
        m = _TITLE_BEFORE.search(head)
        return bool(m) and m.group(1).casefold() in self.titles

    def named_before(self, text: str, start: int) -> bool:
        """"her name is Ivy", "a colleague named Robin", "my therapist is called Frank"."""
        head = text[max(0, start - 24):start]
        if head[-1:] not in _BLANK_END:
            return False
        return self._memo(self._named_memo, head, lambda h: bool(_NAMED_BEFORE.search(h)))

    def in_title_phrase(self, text: str, start: int) -> bool:
        """Preceded by a capitalised ordinary word mid-sentence: "Good Will Hunting", "Amazing Grace"."""
        m = _CAP_BEFORE.search(text[max(0, start - 30):start])
        if not m:
            return False
        cf = m.group(1).casefold()
        if cf in self.greet1 or cf in self.titles or cf in self.first_names:
            return False
        pos = start - len(m.group(0))
        if text[max(0, pos - 1):pos] in ('"', "“", "‘"):
            return False  # a quotation opens a sentence: 'she said, "So Lily learned ..."'
        return self.lex.common_rank.get(cf) is not None and not self.is_initial(text, pos)

    def context_after(self, text: str, end: int, possessive: bool) -> bool:
        paren = re.match(r"\s*\([^()\n]{1,40}\)", text[end:end + 44])
        if paren and not possessive:  # "Siv (the moderator) said"
            end += paren.end()
        m = _WORD_AFTER.match(text[end:end + 30])
        if not m:
            return False
        w = m.group(1).casefold()
        # ("Imke's reply"; "X's sister", "X's girl": someone's relative is a person's too)
        return (possessive and (w in self.possessed_after or w in self.relations)) or (not possessive and w in self.verbs_after)

    @staticmethod
    def vocative_start(text: str, start: int, end: int) -> bool:
        """The token opens the text or a line and is set off: "Rowan,", "Imke, you are", "Jo -"; not before the
        readers addressed ("Xxx, my people": a greeting of another language)."""
        m = OTHERS_ADDRESSED.match(text, end + 1) if text[end:end + 1] == "," else None
        if m is not None and m.group("name") is None:
            return False
        line_start = text.rfind("\n", 0, start) + 1
        after = text[end:end + 3]
        if text[line_start:start].strip(" \t\"'“‘•*-–—") != "":
            # mid-line: only a sentence-initial "Name," ("...lol. Ivo, did it get better?")
            return after[:1] == "," and Cues.is_initial(text, start)
        return after[:1] in (",", ":") or after[:2] in (" -", " –", " —")

    def addressed_opening(self, text: str, e: int, cf: str) -> bool:
        """A name opening a sentence, then a pictograph ("Wren 🫂 call me"), or, where the name is no English verb
        (no past tense of it among the words: "Hope your week ...", "Trust my sister ..." are imperatives or
        wishes), the second person ("Wren your aunt is right", "Wren if you need ...") or "my" and a relation
        noun ("Wren my sister's girl"): the person addressed. The noun the name is spelled like would have
        its article or a verb there ("Memory is ...", "Patience, my friend, ..." is a comma's business)."""
        m = _PICTOGRAPH_AFTER.match(text, e)
        if m is not None and unicodedata.category(m.group(1)) == "So":
            return True
        m = _YOU_OR_MY_AFTER.match(text, e)
        if m is None or (m.group(1) and POSS.sub("", m.group(1)).casefold() not in self.relations):
            return False
        return not any(self.lex.rank(cf + end) is not None for end in ("ed", "d"))

    @staticmethod
    def signoff(text: str, start: int, end: int) -> bool:
        """The token closes the text after a comma, dash or line break ("... your time ,KT"), perhaps with an
        aside in brackets on what others call the writer ("\nKT (Kit at work)")."""
        tail = text[end:]
        if tail.strip(" \t\n.!)~*-–—xX") != "" and (
                "(" not in tail or _SIGNOFF_ASIDE.sub("", tail, 1).strip(" \t\n.!)~*-–—xX") != ""):
            return False
        j = start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        return j >= 0 and text[j] in ",\n-–—~"

    @staticmethod
    def clause_end(text: str, start: int, end: int) -> bool:
        """An all-caps handle addressed at the end of a clause: "all your comments RJ!"."""
        nxt = text[end:end + 1]
        if nxt not in ("!", "?"):
            return False
        m = _WORD_BEFORE.search(text[max(0, start - 30):start])
        return bool(m and m.group(1)[:1].islower())

    @staticmethod
    def opens_address(text: str, s: int, e: int) -> bool:
        """A comment or line opens with the token and goes on as talk to that person, without a
        comma: "Priya that's so true", "Sol I'll try it" (the next word is a pronoun or a
        conversational opener)."""
        line_start = text.rfind("\n", 0, s) + 1
        if text[line_start:s].strip(" \t\"'“‘•*-–—") != "":
            return False
        m = re.match(r"[ \t]+(?:[^\w\s]+[ \t]*)?([A-Za-z'’]+)", text[e:e + 24])
        return bool(m) and m.group(1).casefold().replace("’", "'") in _VOCATIVE_NEXT

    def relation_before(self, text: str, start: int) -> bool:
        """"my therapist X", "her son X", "meine Therapeutin X" (see :mod:`.recognizers`)."""
        head = text[max(0, start - 48):start]
        if head[-1:] not in _BLANK_END:
            return False
        return self._memo(self._relation_memo, head, self._relation_head)

    def _relation_head(self, head: str) -> bool:
        from .recognizers import possessive_patterns

        m = possessive_patterns(self.policy.rules).relation_before.search(head)
        return bool(m) and m.group("rel").casefold() in self.relations

    def person_cue(self, text: str, s: int, e: int) -> bool:
        """Evidence that the token at [s, e) is used as a person's name right here."""
        poss = text[e:e + 2] in ("'s", "’s")
        return (self.title_before(text, s) or self.relation_before(text, s) or self.greeting_before(text, s)
                or self.named_before(text, s) or self.context_after(text, e + 2 if poss else e, poss)
                or (s > 0 and text[s - 1] == "@"))

    def name_cue(self, text: str, s: int, e: int, vocative: bool = True) -> bool:
        """The text uses the token at [s, e) as a name: a greeting before it ("Thanks Crumpet", "Hallo
        Crumpet"), "named X", a reporting verb after it ("Crumpet wrote"), "X's comment", "@X", or it
        opens a line followed by a comma ("Crumpet, you are right"). A token that is itself a greeting
        ("Moin", "Hallo") is not a name because of a greeting before it ("Moin Moin"). ``vocative=False``
        for a handle that is a phrase ("Still here, still trying" opens a sentence, it addresses nobody)."""
        if s > 0 and text[s - 1] == "@":
            return True
        cf = text[s:e].casefold()
        itself = cf in self.greet1 or cf in INTERJECTIONS
        if not itself:
            head = _WORD_BEFORE.search(text[max(0, s - 40):s])
            if self.greeting_before(text, s) and not (head and head.group(1).casefold() == cf):
                return True
            line_start = text.rfind("\n", 0, s) + 1
            if vocative and text[line_start:s].strip(" \t\"'“‘•*-–—") == "" and text[e:e + 1] == ",":
                return True
            if self.relation_before(text, s):
                return True
        if self.named_before(text, s) or self.context_after(text, e, False):
            return True
        return text[e:e + 2] in ("'s", "’s") and self.context_after(text, e + 2, True)

    def article_head(self, text: str, s: int, e: int) -> bool:
        """The token heads a noun phrase after an article: "a Mercedes,", "a Mercedes and" (a thing);
        not "the Frankie face" (a modifier, which may be a person's name)."""
        art = re.search(r"\b(?:a|an|the)[ \t]+$", text[max(0, s - 5):s], re.I)
        if not art:
            return False
        if art.group(0)[:2].casefold() == "an" and _CONSONANT_WORD.match(text, s):
            return False  # "an Bertie", "An Ninian, I'll ...": no article before a consonant but the Scots "an" (and)
        m = re.match(r"[ \t]+([a-z]+)\b", text[e:e + 16])
        return not m or self.function_word(m.group(1))

    def namelike(self, cf: str, doc: DocContext) -> bool:
        """Could this token be part of a name here (used to trim NER spans and propagate)?"""
        if len(cf) < 2 or cf in self.not_names or cf in self.titles or cf in doc.keep:
            return False
        r = self.lex.common_rank.get(cf)
        if r is None:
            return True
        return (cf in self.first_names or cf in self.lex.last_names) and cf not in doc.lower_vocab


# a capitalised word opening with a consonant sound (never after the article "an": "an Hour", "an MRI" are read
# as vowels)
_CONSONANT_WORD = re.compile(r"[BCDFGJKLMNPQRSTVWYZ][a-zà-ÿ]")


class Engine:
    """Runs the recognizers over one text in precedence order; the resolver settles overlaps.

    Each recognizer sees the spans that recognizers before it accepted (``TextContext.free``), so
    a lower-precedence rule never re-decides a stretch a stronger one explained. Spans of one
    recognizer are resolved among themselves first (score, then length).
    """

    def __init__(self, policy: Policy, lex: Lexicon):
        from .recognizers import default_recognizers

        self.cues = Cues(policy, lex)
        self.recognizers = default_recognizers(self.cues)
        from .regional import code_mixed_languages

        self._mixed_into = code_mixed_languages()
        self._by_lang: dict[str | None, list] = {}
        self._by_lang_of: list | None = None
        # the combined keyword prefilter: trigger word -> the bits of the recognizers it lets run
        self._trigger_bits: dict[str, int] = {}
        self._trigger_keys: frozenset[str] = frozenset()
        self._bit: dict[int, int] = {}  # id(recognizer) -> its bit (gated recognizers only)
        self._gated_by_lang: dict[str | None, list] = {}  # lang -> [(recognizer, its bit or None)]

    def running(self, lang: str | None) -> list:
        """The recognizers that support ``lang``, in order: asked once per language, not once per
        text and recognizer (~45 calls a text). Rebuilt if ``recognizers`` is replaced."""
        if self._by_lang_of is not self.recognizers:
            self._by_lang, self._by_lang_of, self._gated_by_lang = {}, self.recognizers, {}
            self._index_triggers()
        recs = self._by_lang.get(lang)
        if recs is None:
            recs = self._by_lang[lang] = [rec for rec in self.recognizers if rec.supports(lang)]
            self._gated_by_lang[lang] = [(rec, self._bit.get(id(rec))) for rec in recs]
        return recs

    def _running_gated(self, lang: str | None) -> list:
        """:meth:`running` with each recognizer's trigger bit (None: not gated), looked up once per
        language instead of once per text and recognizer."""
        self.running(lang)
        return self._gated_by_lang[lang]

    def _index_triggers(self) -> None:
        """One bit per recognizer that declares trigger words (``Recognizer.triggers``, None: always
        runs), and for every trigger word the bits of the recognizers it wakes."""
        bits: dict[str, int] = {}
        self._bit = {}
        for k, rec in enumerate(self.recognizers):
            words = getattr(rec, "triggers", None)
            if words is None:
                continue
            bit = self._bit[id(rec)] = 1 << k
            for w in words:
                bits[w] = bits.get(w, 0) | bit
        self._trigger_bits, self._trigger_keys = bits, frozenset(bits)

    def woken(self, t: TextContext) -> int:
        """The bits of the gated recognizers whose trigger words occur in the text: one set
        intersection over the text's tokens for all of them."""
        bits = self._trigger_bits
        mask = 0
        for w in self._trigger_keys.intersection(t.words):
            mask |= bits[w]
        return mask

    def analyze(self, text: str, doc: DocContext, role: str, lang: str | None = None,
                only: frozenset[str] | None = None) -> TextContext:
        """Spans of ``text``; ``only``: the names of the recognizers to run (default: all)."""
        if lang is not None and lang in self._mixed_into:
            lang = self._mixed_into[lang]  # Taglish is read as English, with the Tagalog words known
        t = TextContext(text, doc, role, lang, bytearray(len(text)), lower_style=lower_style(text))
        woken = None
        for rec, bit in self._running_gated(lang):
            if only is not None and rec.name not in only:
                continue
            if bit is not None:
                if woken is None:
                    woken = self.woken(t)
                if not woken & bit:
                    continue  # none of its trigger words in the text: it would find nothing
            found = list(rec.analyze(t))
            if found:  # (most recognizers find nothing in most texts: no sorting then)
                for sp in resolve(found):
                    t.claim(sp)
        if only is None and (t.spans or official_form_possible(text)):
            grow_persons(t, self.cues)  # (an official form "SURNAME Given" may hold no part any recognizer found)
        return t


def sentence_bounds(text: str, s: int, e: int, limit: int = 300) -> tuple[int, int]:
    """The sentence (or line) around [s, e): NER gets context without the whole text."""
    a = s
    lo = max(0, s - limit)
    while a > lo:
        c = text[a - 1]
        if c == "\n" or (c in ".!?" and text[a:a + 1] in (" ", "\t")):
            break
        a -= 1
    if a == lo and a > 0:  # stopped by the limit: do not cut a word
        while a < s and not text[a - 1].isspace():
            a += 1
    b = e
    n = len(text)
    hi = min(n, e + limit)
    while b < hi:
        c = text[b]
        if c == "\n":
            break
        if c in ".!?" and (b + 1 >= n or text[b + 1] in " \t\n"):
            b += 1
            break
        b += 1
    while b < n and b == hi and b > e and not text[b].isspace():
        b -= 1
        hi = b
    return a, b
