"""Finding person names, handles, e-mail addresses and URLs in text: rules first, NER only where needed.

Pure functions over one post ("document": the post's title, body and comments). The expensive model
runs only on sentences that still hold an undecided candidate after the rules (see :mod:`.ner`).
Offsets are character offsets into the text they were found in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .identity import SOFT_RANK
from .lexicon import Lexicon
from .patterns import find_emails, find_mentions, find_urls, mention_prefix, url_host
from .policy import Policy

# kinds, in order of precedence when spans overlap
EMAIL, URL, MENTION, KNOWN, POST_AUTHOR, PERSON = "email", "url", "mention", "known", "post_author", "person"
_PRECEDENCE = {EMAIL: 0, URL: 0, KNOWN: 1, POST_AUTHOR: 1, MENTION: 2, PERSON: 3}

# A capitalised token: "Evan", "DeShawn", "O'Brien", "Mary-Jane", "BAPS", "Evan’s" (possessive
# stripped later). Digits are not part of a name token here; handles with digits are found as
# known identities or @mentions.
# (The look-behind comes after the first letter: the regex engine can then skip ahead to capitals.)
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # ASCII and Latin-1 capitals: "Élodie", "Øyvind"
CAP_RE = re.compile("[" + _UP + "](?<![\\w@’'.\\-][" + _UP + "])[A-Za-z0-9\u00c0-\u024f]*(?:['’-][A-Za-z\u00c0-\u024f]+)*")
_POSS = re.compile(r"['’]s?$")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’]*)([\s,]*)$")
_TWO_BEFORE = re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)([\s,]*)$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+)")
_TITLE_BEFORE = re.compile(r"(?<![\w])([A-Za-z]+)\.?[ \t]+$")
_NAMED_BEFORE = re.compile(r"(?:\bnamed|\bcalled|\bname\s+is|\bname['’]s|\bknown\s+as)[ \t]+$", re.I)
_LOWER_NAMED = re.compile(r"(?:\bnamed|\bcalled|\bname\s+is|\bname['’]s)[ \t]+([a-z]{2,})\b", re.I)
_SALUTATION_LINE = re.compile(r"(?m)^[ \t]*([^\W_][\w.\-]*[^\W_]|[^\W_])[ \t]*[,:][ \t]*$")
# Word shapes that are not person names: derived words and CamelCase compounds (brands, sites).
_NOT_NAME_SHAPE = re.compile(r"(?:ing|tion|sion|ness|ment|ism|ology|ical|ence|ance|ship|ative|ized|ised|ful|less)$"
                             r"|^[A-Z][a-z]{3,}[A-Z]")
_KIN = (r"(?:wife|husband|partner|spouse|sister|brother|son|daughter|mom|mum|mother|dad|father|friend|"
        r"boyfriend|girlfriend|fianc[eé]e?|therapist|counsel+or|analyst|psychologist|psychiatrist|"
        r"colleague|boss|cousin|aunt|uncle|niece|nephew|grandson|granddaughter)")
# lower-case names next to a relation: "my wife andrea", "andrea (my wife)"
_KIN_LOWER = re.compile(r"\b(?:my|our|his|her|their)\s+" + _KIN + r"\s*,?\s+([a-z]{2,})\b"
                        r"|\b([a-z]{2,})\s*\((?:my|our|his|her|their)\s+" + _KIN + r"\)")
_CLAUSE_END = re.compile(r"[!?]")
_LOWER_ADDRESS = re.compile(r"(?<=[a-z,] )([a-z][a-z0-9_.]*[a-z0-9])$")
# a complete clause ends, then the person addressed: "don't worry about it quietriver!", "love you mk2!"
_ADDRESS_CUES = frozenset({"it", "you", "too", "again", "thanks", "thank", "hey", "hi", "hello", "dear",
                           "this", "that", "so", "much", "lot", "up", "there", "here", "back"})
# words that open a comment on their own ("Yes, ...", "Hmm, ..."): never a name because of their place
_INTERJECTIONS = frozenset({"yes", "no", "yeah", "yep", "nope", "yay", "ugh", "oops", "aww", "awww", "hmm", "hmmm",
                            "haha", "hahaha", "ah", "whoa", "welcome", "please", "ok", "okay", "lol", "omg", "ja",
                            "nein", "oui", "non", "si", "sí", "nee"})
_REPEATS = re.compile(r"(.)\1\1|^(?:ha)+h?$|^lo+l$")
_CAP_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]+$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z']*")
_INITIAL_SKIP = " \t\"'“”‘’([{*•·–—-"
_SENT_END = ".!?…\n:"
_EXTEND = re.compile(r"^(\s+[A-Z]\.?)?\s+([A-Z][A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z]+)*)")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str
    key: str = ""  # pseudonym for KNOWN, name key for PERSON


@dataclass(slots=True)
class KnownName:
    pseudonyms: set[str]
    strong: bool  # match in any case; weak variants only when capitalised
    post_author: bool
    cue_only: bool = False  # an ordinary word or brand in the name ("WordPress"): only with a name cue
    langs: frozenset[str] = frozenset()  # other languages where the variant reads as ordinary words


# Languages that capitalise every noun: capitalisation says nothing about names there.
NOUN_CAPS = frozenset({"de", "lb"})


@dataclass
class DocContext:
    """What the rules know about one post: its lower-case vocabulary and its known identities."""

    lower_vocab: set[str]
    known: dict[str, KnownName]  # variant (case-folded, single spaces) -> info
    known_re: re.Pattern[str] | None
    own_host: str | None = None
    accepted: dict[str, str] = field(default_factory=dict)  # surface (casefold) -> person key
    keep: set[str] = field(default_factory=set)  # surfaces decided as ordinary words


def build_context(texts: list[str], known: dict[str, KnownName], own_host: str | None) -> DocContext:
    vocab: set[str] = set()
    for t in texts:
        vocab.update(_LOWER_WORD.findall(t.replace("’", "'") if "’" in t else t))
    if known:
        alts = sorted(known, key=len, reverse=True)
        body = "|".join(re.escape(a).replace(r"\ ", r"[\s_.\-]+") for a in alts)
        known_re = re.compile(r"(?<![\w@])(?:" + body + r")(?![\w])", re.I)
    else:
        known_re = None
    return DocContext(vocab, known, known_re, own_host)


class Rules:
    """The rule layer, configured once from the policy and the lexicons."""

    def __init__(self, policy: Policy, lex: Lexicon):
        self.lex = lex
        self.titles = {t.rstrip(".") for t in policy.words("rules", "titles")}
        self.greetings = policy.words("rules", "greetings")
        self.greet1 = {g for g in self.greetings if " " not in g}
        self.greet2 = {g for g in self.greetings if " " in g}
        self.verbs_after = policy.words("rules", "verbs_after")
        self.possessed_after = policy.words("rules", "possessed_after")
        self.not_names = {w.replace("’", "'") for w in policy.words("rules", "not_names")}
        self.acronyms = policy.words("rules", "acronyms")
        self.keep_initials = bool(policy.get("text", "keep_single_letter_initials"))
        self.min_len = int(policy.get("text", "min_name_length"))
        word_names = policy.words("rules", "word_names")
        # a lexicon first name counts as a name unless it is a common word not on the word_names list
        self.first_names = frozenset(n for n in lex.first_names
                                     if lex.common_rank.get(n, SOFT_RANK) >= SOFT_RANK or n in word_names)
        self.intl_names = frozenset(n for n in lex.intl_names if n not in lex.common_rank)

    # ---- small predicates -------------------------------------------------------------------

    def is_first(self, cf: str) -> bool:
        return cf in self.first_names

    def is_last(self, cf: str) -> bool:
        return cf in self.lex.last_names

    def wordlike(self, cf: str, doc: DocContext) -> bool:
        """Behaves as an ordinary word in this document: common, and not a name never seen in lower case."""
        r = self.lex.common_rank.get(cf)
        if r is None:
            return False
        if cf in self.first_names or (cf in self.lex.last_names and r >= SOFT_RANK):
            return cf in doc.lower_vocab
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

    def greeting_before(self, text: str, start: int) -> bool:
        head = text[max(0, start - 40):start]
        m = _TWO_BEFORE.search(head)
        if m and f"{m.group(1)} {m.group(2)}".casefold() in self.greet2:
            return True
        m = _WORD_BEFORE.search(head)
        return bool(m and m.group(1).casefold() in self.greet1)

    def title_before(self, text: str, start: int) -> bool:
        m = _TITLE_BEFORE.search(text[max(0, start - 16):start])
        return bool(m) and m.group(1).casefold() in self.titles

    def named_before(self, text: str, start: int) -> bool:
        """"her name is Faith", "a colleague named Robin", "my therapist is called Frank"."""
        return bool(_NAMED_BEFORE.search(text[max(0, start - 24):start]))

    def in_title_phrase(self, text: str, start: int) -> bool:
        """Preceded by a capitalised ordinary word mid-sentence: "Good Will Hunting", "Amazing Grace"."""
        m = _CAP_BEFORE.search(text[max(0, start - 30):start])
        if not m:
            return False
        cf = m.group(1).casefold()
        if cf in self.greet1 or cf in self.titles or cf in self.first_names:
            return False
        return self.lex.common_rank.get(cf) is not None and not self.is_initial(text, start - len(m.group(0)))

    def context_after(self, text: str, end: int, possessive: bool) -> bool:
        m = _WORD_AFTER.match(text[end:end + 30])
        if not m:
            return False
        w = m.group(1).casefold()
        return (possessive and w in self.possessed_after) or (not possessive and w in self.verbs_after)

    @staticmethod
    def vocative_start(text: str, start: int, end: int) -> bool:
        """The token opens the text or a line and is set off: "Paperdoll,", "Kimberly, you are", "Jo -"."""
        line_start = text.rfind("\n", 0, start) + 1
        after = text[end:end + 3]
        if text[line_start:start].strip(" \t\"'“‘•*-–—") != "":
            # mid-line: only a sentence-initial "Name," ("...lol. Will, did it get better?")
            return after[:1] == "," and Rules.is_initial(text, start)
        return after[:1] in (",", ":") or after[:2] in (" -", " –", " —")

    @staticmethod
    def signoff(text: str, start: int, end: int) -> bool:
        """The token closes the text after a comma, dash or line break ("... your time ,BES")."""
        if text[end:].strip(" \t\n.!)~*-–—") != "":
            return False
        j = start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        return j >= 0 and text[j] in ",\n-–—~"

    @staticmethod
    def clause_end(text: str, start: int, end: int) -> bool:
        """An all-caps handle addressed at the end of a clause: "all your comments DV!"."""
        nxt = text[end:end + 1]
        if nxt not in ("!", "?"):
            return False
        m = _WORD_BEFORE.search(text[max(0, start - 30):start])
        return bool(m and m.group(1)[:1].islower())

    # ---- the rule pass over one text ----------------------------------------------------------

    def name_cue(self, text: str, s: int, e: int, vocative: bool = True) -> bool:
        """The text uses the token at [s, e) as a name: a greeting before it ("Thanks Muffin", "Hallo
        Muffin"), "named X", a reporting verb after it ("Muffin wrote"), "X's comment", "@X", or it
        opens a line followed by a comma ("Muffin, you are right"). A token that is itself a greeting
        ("Moin", "Hallo") is not a name because of a greeting before it ("Moin Moin"). ``vocative=False``
        for a handle that is a phrase ("Still here, still trying" opens a sentence, it addresses nobody)."""
        if s > 0 and text[s - 1] == "@":
            return True
        cf = text[s:e].casefold()
        itself = cf in self.greet1 or cf in _INTERJECTIONS
        if not itself:
            head = _WORD_BEFORE.search(text[max(0, s - 40):s])
            if self.greeting_before(text, s) and not (head and head.group(1).casefold() == cf):
                return True
            line_start = text.rfind("\n", 0, s) + 1
            if vocative and text[line_start:s].strip(" \t\"'“‘•*-–—") == "" and text[e:e + 1] == ",":
                return True
        if self.named_before(text, s) or self.context_after(text, e, False):
            return True
        return text[e:e + 2] in ("'s", "’s") and self.context_after(text, e + 2, True)

    def scan(self, text: str, doc: DocContext, role: str, policy: Policy,
             english: bool = True, lang: str | None = None) -> tuple[list[Span], list[tuple[int, int]]]:
        """Spans decided by rules, and the (start, end) of undecided candidate tokens for NER.

        ``role`` is "body", "title" or "comment": in bodies and titles the byline author's name is
        kept (policy ``text.replace_post_author_in_body``) and links to the post's own host stay.
        Text detected as another language (``english=False``) gets only the language-independent
        rules: e-mails, URLs, @mentions, known identities and titles ("Dr. X"). The lexicons and
        the NER model are English; on German text every capitalised noun would look like a name.
        """
        spans: list[Span] = []
        taken = bytearray(len(text))

        def claim(s: int, e: int) -> bool:
            if any(taken[s:e]):
                return False
            taken[s:e] = b"\x01" * (e - s)
            return True

        for s, e in find_emails(text):
            if claim(s, e):
                spans.append(Span(s, e, EMAIL))
        for s, e in find_urls(text):
            if role != "comment" and doc.own_host and policy.get("text", "keep_own_site_urls_in_body"):
                if url_host(text[s:e]) == doc.own_host:
                    claim(s, e)  # kept as is, but not re-scanned for names
                    continue
            if claim(s, e):
                spans.append(Span(s, e, URL))
        keep_author = role != "comment" and not policy.get("text", "replace_post_author_in_body")
        for s, e in find_mentions(text):
            s += mention_prefix(text[s:e])
            handle = text[s:e]
            info = doc.known.get(re.sub(r"[\s_.\-]+", " ", handle.casefold())) or doc.known.get(handle.casefold())
            if not claim(s, e):
                continue
            spans.append(self._known_span(s, e, info, handle) if info else Span(s, e, PERSON, handle.casefold()))
        if doc.known_re is not None:
            for m in doc.known_re.finditer(text):
                s, e = m.span()
                variant = re.sub(r"[\s_.\-]+", " ", m.group(0).casefold()).strip()
                info = doc.known.get(variant) or doc.known.get(m.group(0).casefold())
                if info is None:
                    continue
                surface = m.group(0)
                level = "cue" if info.cue_only else "strong" if info.strong else "weak"
                if lang and lang != "en" and (lang in info.langs or (level == "weak" and lang in NOUN_CAPS)):
                    # an ordinary word of this language ("Moin" in German), or a word-like name where
                    # every noun is capitalised ("Muffin" in German): cue only
                    level = "cue"
                if level == "cue":
                    # a name part that is an ordinary word or brand ("WordPress", "Muffin", "Der"):
                    # only where the text uses it as a name, never in a title
                    if role == "title" or not surface[:1].isupper() or not self.name_cue(text, s, e):
                        continue
                elif not info.strong:
                    # a known name that is also a word ("Will", "Evan", "Empty"): only capitalised
                    # mid-sentence, or with a cue; otherwise the general rules below decide
                    phrase = " " in variant  # a handle of ordinary words: "Still Here", "Mr WordPress"
                    # ("Still here, still trying." opens a sentence with the phrase, not a vocative)
                    cue = ((not phrase and self.vocative_start(text, s, e)) or self.greeting_before(text, s)
                           or self.named_before(text, s) or self.context_after(text, e, False)
                           or self.context_after(text, e + 2, True))
                    if phrase and role == "title":
                        continue  # titles are title-cased: "Still Here: My Story" is the phrase
                    if not surface[:1].isupper():
                        # lower case only for names with a cue ("thanks will"); an ordinary word that
                        # is no name ("I love muffin recipes") is the word
                        if not cue or not any(self.lex.is_name(w) for w in variant.split()):
                            continue
                    elif self.in_title_phrase(text, s):
                        continue
                    elif self.is_initial(text, s) and not cue and not (
                            phrase and all(w[:1].isupper() for w in surface.split())):
                        continue
                ext = _EXTEND.match(text[e:e + 40]) if surface[:1].isupper() and " " not in surface else None
                if ext:
                    nxt = ext.group(2)
                    ncf = _POSS.sub("", nxt).casefold()
                    nrank = self.lex.rank(ncf)
                    other_name = (nrank is None or self.is_last(ncf)
                                  or (self.lex.is_name(ncf) and nrank >= SOFT_RANK))
                    lr = self.lex.lang_rank(ncf, lang) if lang and lang != "en" else None
                    if lr is not None and lr < 5000:
                        other_name = False  # "Volker Tripp", "Christoph Scholz" yes; "Volker Super" (a word) no
                    if ncf not in doc.known and other_name and ncf not in self.not_names:
                        # "Joe E Brown" is not the known "Joe": a longer name, a different person
                        ee = e + ext.end() - (len(nxt) - len(_POSS.sub("", nxt)))
                        if claim(s, ee):
                            spans.append(Span(s, ee, PERSON, re.sub(r"\s+", " ", text[s:ee]).casefold()))
                        continue
                if not claim(s, e):
                    continue
                if info.post_author and keep_author:
                    continue
                spans.append(self._known_span(s, e, info, surface))

        if not english:
            for m in CAP_RE.finditer(text):
                s, e = m.span()
                core = _POSS.sub("", m.group(0))
                if not taken[s] and len(core) >= self.min_len and self.title_before(text, s) \
                        and core.casefold() not in doc.lower_vocab:
                    if claim(s, s + len(core)):
                        spans.append(Span(s, s + len(core), PERSON, core.casefold()))
            return spans, []

        for m in _KIN_LOWER.finditer(text):
            g = 1 if m.group(1) else 2
            s, e = m.span(g)
            cf = m.group(g)
            r = self.lex.common_rank.get(cf)
            if (not taken[s] and cf in self.first_names and cf not in self.not_names
                    and (r is None or r >= SOFT_RANK) and claim(s, e)):
                spans.append(Span(s, e, PERSON, cf))

        named = _LOWER_NAMED.finditer(text) if ("name" in text or "called" in text) else ()
        for m in named:
            s, e = m.span(1)
            cf = m.group(1)
            if not taken[s] and cf in self.first_names and cf not in self.not_names and not self.function_word(cf):
                if claim(s, e):
                    spans.append(Span(s, e, PERSON, cf))

        for m in _SALUTATION_LINE.finditer(text):
            s, e = m.span(1)
            tok = m.group(1)
            cf = tok.casefold()
            if taken[s] or cf in self.not_names or self.function_word(cf) or len(cf) < self.min_len:
                continue
            rank = self.lex.common_rank.get(cf)
            handle = any(ch.isdigit() or ch in "_." for ch in tok)
            if text[e:].lstrip(" \t")[:1] == ":":
                ok = handle or cf in self.first_names  # "Update:", "Edit:", "Theme:" are headings
            else:
                ok = (handle or cf in self.first_names or (rank is None and not _NOT_NAME_SHAPE.search(tok))
                      or (tok[:1].isupper() and rank >= 5000 and cf not in doc.lower_vocab))
            if ok:
                if claim(s, e):  # a line that is only "Name," ("Paperdoll,", "quietriver,")
                    spans.append(Span(s, e, PERSON, cf))

        for q in _CLAUSE_END.finditer(text):
            if q.end() < len(text) and not text[q.end()].isspace():
                continue
            m = _LOWER_ADDRESS.search(text, max(0, q.start() - 40), q.start())
            if m is None:
                continue
            s, e = m.span(1)
            tok = m.group(1)
            if taken[s] or tok in self.not_names or _REPEATS.search(tok):
                continue
            prev = _WORD_BEFORE.search(text[max(0, s - 20):s])
            cue = bool(prev) and prev.group(1).casefold() in _ADDRESS_CUES
            if cue and (re.search(r"[\d_]", tok) or (self.lex.common_rank.get(tok) is None and len(tok) >= 5)):
                if claim(s, e):  # a handle addressed at the end of a clause: "... about it quietriver!"
                    spans.append(Span(s, e, PERSON, tok))

        candidates: list[tuple[int, int]] = []
        for m in CAP_RE.finditer(text):
            s, e = m.span()
            if taken[s]:
                continue
            tok = m.group(0)
            core = _POSS.sub("", tok).rstrip("-")
            ce = s + len(core)
            if len(core) < self.min_len:
                continue  # single-letter initials ("A", "K", "T") are already anonymised
            cf = core.casefold().replace("’", "'")
            if cf in self.not_names:
                continue
            if core.isupper():
                if self._handle(text, s, ce, cf, doc):
                    if claim(s, ce):
                        spans.append(Span(s, ce, PERSON, cf))
                continue
            verdict = self._title_case(text, s, ce, cf, tok != core, doc)
            if verdict == "person":
                ee = self._extend(text, ce)
                if claim(s, ee):
                    spans.append(Span(s, ee, PERSON, re.sub(r"\s+", " ", text[s:ee]).casefold()))
            elif verdict == "keep":
                doc.keep.add(cf)
                claim(s, ce)
            elif verdict == "candidate":
                candidates.append((s, ce))
        return spans, candidates

    def _known_span(self, s: int, e: int, info: KnownName, surface: str) -> Span:
        if info.post_author:
            return Span(s, e, POST_AUTHOR, "")
        if len(info.pseudonyms) == 1:
            return Span(s, e, KNOWN, next(iter(info.pseudonyms)))
        # two commenters share this name: a neutral placeholder rather than a guess
        return Span(s, e, PERSON, surface.casefold())

    def _handle(self, text: str, s: int, e: int, cf: str, doc: DocContext) -> bool:
        if len(cf) > 6 or cf in self.acronyms:
            return False
        r = self.lex.rank(cf)
        if r is not None and ((len(cf) >= 3 and r < 20000) or r < SOFT_RANK):
            return False  # emphasis ("NOT", "POWERFUL") or a short word ("NO", "OK")
        poss = text[e:e + 2] in ("'s", "’s")
        ee = e + 2 if poss else e
        return (self.greeting_before(text, s) or self.vocative_start(text, s, e) or self.signoff(text, s, e)
                or self.context_after(text, ee, poss) or self.clause_end(text, s, e))

    def _title_case(self, text: str, s: int, e: int, cf: str, poss: bool, doc: DocContext) -> str:
        lex = self.lex
        rank = lex.common_rank.get(cf)
        first = cf in self.first_names
        last = cf in lex.last_names
        if cf in doc.keep:
            return "skip"
        if self.title_before(text, s):
            if rank is not None and (cf in doc.lower_vocab or not (first or last)):
                return "keep"  # "Mr. Warmth, Mr. Hope": personified ordinary words
            return "person"
        if cf in doc.accepted:
            return "person" if not (self.is_initial(text, s) and self.wordlike(cf, doc)) else "skip"
        ee = e + 2 if poss else e
        if self.in_title_phrase(text, s) and (rank is not None or not first):
            return "skip"
        if self.function_word(cf):
            return "skip"
        namey = first or rank is None or cf in self.intl_names
        if self.greeting_before(text, s) or self.named_before(text, s) or self.context_after(text, ee, poss):
            if rank is not None and not first and (cf in doc.lower_vocab or rank < 5000):
                return "skip"  # "Dear Diary", "Thanks Everyone"
            return "person"  # "Wow Foxes", "Nikki commented", "Julia's reply"
        if self.clause_end(text, s, e) and (rank is None or (rank >= 5000 and cf not in doc.lower_vocab)):
            return "person"  # "Do not worry about it Foxes!"
        if self.vocative_start(text, s, e) or self.signoff(text, s, e):
            if namey and not (first and cf in doc.lower_vocab and rank is not None and rank < SOFT_RANK):
                return "person"  # "Paperdoll,", "Kimberly, you are free"
            return "skip"  # "Albeit, ...", "Anyway, ..."
        initial = self.is_initial(text, s)
        if first or (last and rank is None):
            if self.function_word(cf):
                return "skip"
            if rank is None:
                return "person" if first and not initial else "candidate"
            if cf in doc.lower_vocab:
                return "skip" if initial else "candidate"
            if not initial:
                return "person"  # a name never written in lower case here: "Charlotte", "Nikki"
            return "candidate"  # sentence-initial without context: let NER decide ("Skip to content")
        if (rank is None or cf in self.intl_names) and len(cf) >= 3:
            if cf in doc.lower_vocab or _NOT_NAME_SHAPE.search(text[s:e]):
                return "skip"  # "Googling", "Countertransference", "AfterPsychotherapy"
            if "-" in cf and all(p in self.lex.common_rank for p in cf.split("-") if p):
                return "skip"  # "One-sided", "Good-bye"
            return "candidate"
        return "skip"

    def namelike(self, cf: str, doc: DocContext) -> bool:
        """Could this token be part of a name here (used to trim NER spans and propagate)?"""
        if len(cf) < 2 or cf in self.not_names or cf in self.titles or cf in doc.keep:
            return False
        r = self.lex.common_rank.get(cf)
        if r is None:
            return True
        return (cf in self.first_names or cf in self.lex.last_names) and cf not in doc.lower_vocab

    def _extend(self, text: str, e: int) -> int:
        """Take a following initial and surname: "Marla Estes", "John Welch", "Joe E Brown"."""
        m = _EXTEND.match(text[e:e + 40])
        if not m:
            return e
        nxt = _POSS.sub("", m.group(2))
        cf = nxt.casefold()
        if cf in self.not_names or self.function_word(cf):
            return e
        if self.lex.rank(cf) is None or cf in self.lex.last_names:
            return e + m.end() - (len(m.group(2)) - len(nxt))
        return e


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
