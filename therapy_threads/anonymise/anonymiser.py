"""The anonymise stage: pseudonyms for commenters, placeholders for names in text, no raw identity out."""
from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..records import Comment, Furniture, Post, ReadResult
from . import coverage, ner
from .detect import CAP_RE, INTERJECTIONS, NOUN_CAPS, OTHERS_ADDRESSED, SPEECH_VERBS, DocContext, Engine, KnownName, build_context, lower_style, sentence_bounds
from .grow import GROWN, caps_surname_before
from .recognizers import _PARTICLES
from .spans import EMAIL, KEEP, KNOWN, PERSON, PHONE, POST_AUTHOR, REPLACED, URL, Span, resolve
from .identity import (SOFT_RANK, cue_variants, disguise_in, email_local_words, fold_map, gram_langs, identity_basis,
                       identity_grams, invisible_in, is_generic_name, name_variants, pseudonym, same_person, spaced_words,
                       split_readings, token_line)
from .keys import keyed_digest
from .knowledge import knowledge
from .lexicon import lexicon
from . import inflection, spellout
from .multilingual import LANGUAGES as OTHER_LANGUAGES, TI_PREFIXES, language_cues
from .patterns import url_host
from .policy import Policy
from .regional import dialect_markers, reading_language, regional_phrases
from .recognizers import (EN_ARTICLE_RIGHT_BEFORE, EN_POSSESSIVE_RIGHT_BEFORE, named_thing_after_article, verb_object_after, Recognizer, chat_message_opening, german_indefinite_before, names_a_body,
                          place_by_neighbour)
from . import titles
from .bylines import place_fields
from .slugs import publishable_url

CODE_VERSION = "anonymise-3"
_AUTHOR = "\x00post-author"
_POSS = re.compile(r"['’]s?$")


# what the folded reading of a text runs (names are the plain reading's, but for known identities; the
# audit checks contacts and numbers in the folded text: "01632%20960123")
_FOLDED_RECOGNIZERS = frozenset({"email", "url", "phone", "phone_language", "mention", "known_identity"})


def _dropped(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a character :func:`.identity.fold` drops (an invisible one)."""
    return 0 <= i < len(text) and not text[i].isascii() and invisible_in(text[i])


_HYPHEN_GIVEN = re.compile(r"-([A-Z][a-z]+)(?![\w'’-])")


@dataclass
class AnonymiseReport:
    """What one ``apply`` did. ``identity_tokens`` are keyed HMAC tokens ("h:"/"c:"/"s:" + hex) of
    normalised name n-grams, for ``private/identity_tokens.txt``; never raw text."""

    counts: Counter = field(default_factory=Counter)
    identity_tokens: set[str] = field(default_factory=set)

    def merge(self, other: "AnonymiseReport") -> None:
        self.counts.update(other.counts)
        self.identity_tokens |= other.identity_tokens


# an English article right before a token: a person's name takes none ("a Greggs", "the Portiuncula")
# (after a preposition of place: "married a Freeman", "I'm a Sven, not an Ole" name families and people)
_EN_ARTICLE_BEFORE = re.compile(r"\b(?:from|at|in|into|inside|outside|near|to|of|for|by)[ \t]+(?:a|an|the)[ \t]+$", re.I)


_NOUN_AFTER = re.compile(r"[ \t]+([a-z]{3,})\b")
_CLAUSE_END_AFTER = re.compile(r"[ \t]*(?:[.!?;:)]|,[ \t]+(?:and|but|or|so)\b|[ \t]+(?:was|is|were)[ \t]*[.!?])")
_ARTICLE_ADJ_BEFORE = re.compile(r"\b(?:a|an|the)[ \t]+([a-z]{3,})[ \t]+$", re.I)
# words after a name that make it the subject or an apposition, not a modifier of a noun
_NOT_NOUNS = frozenset({"and", "but", "who", "was", "is", "has", "had", "said", "says", "did", "does", "will", "would",
                        "can", "could", "the", "for", "with", "from", "that", "this", "said", "told", "asked", "and",
                        "then", "too", "again", "also", "about", "said"})


_HANDLE_GLUE = re.compile(r"[-_\d]")
_HANDLE_JOINS = re.compile(r"[-_.\d]")  # (and the dot of "jilata.senkata": a handle, not a name of words)
# an article and a capitalised word right before a name ("la Fata |Morgana")
_ARTICLE_WORD_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]{1,4})[ \t]+([A-ZÀ-Þ][^\W\d_]+)[ \t]+$")


# the rules that take a display name whole, with the place it is given with ("X aus Zug", "X da Jesi")
_DISPLAY_NAME_RULES = frozenset({"byline", "mention"})


def _after_from_word(surface: str, tok: str) -> bool:
    """``tok`` comes after a lower-case word inside the display name ("Falconara" of "Marina di Falconara", "Berg" of
    "Heidi vom Berg"): the part that says where the poster is from."""
    words = surface.split()
    low = next((k for k, w in enumerate(words) if k and w.islower()), None)
    return low is not None and tok in words[low + 1:]


def _place_or_nation(tok: str) -> bool:
    """A word of a handle that names a place, a country or state, or a nationality ("glasgow", "texas",
    "irish"): it says where the handle's owner is or comes from, and (when the English dictionary
    writes it only capitalised and no name list has it as a given name: not "moss", "shirley") names
    no one on its own."""
    k = knowledge()
    return k.is_place(tok) or k.is_region(tok) or k.is_demonym(tok)


def thing_after_article(text: str, s: int, e: int) -> bool:
    """One capitalised word after a preposition and an article names a thing (a shop, a hospital), not
    a person, in English: "calls in from a Greggs", "a nurse from the Portiuncula"."""
    if " " in text[s:e]:
        return False
    if _EN_ARTICLE_BEFORE.search(text, max(0, s - 20), s) is not None:
        return True
    # ... or one after an article that ends the clause: "I'll buy the Xxx.", "what a Xxx was" is the thing's name
    if EN_ARTICLE_RIGHT_BEFORE.search(text, max(0, s - 6), s) is not None and _CLAUSE_END_AFTER.match(text, e):
        return True
    # ... or one between an article and a noun it modifies: "I ate the Greggs sausage roll", "a Lidl bag"
    m = _NOUN_AFTER.match(text, e)
    return (m is not None and m.group(1).lower() not in _NOT_NOUNS
            and EN_ARTICLE_RIGHT_BEFORE.search(text, max(0, s - 6), s) is not None)


def _greets_readers(text: str, s: int, e: int) -> bool:
    """One word set off by a comma before the readers addressed ("Xxx, my people, ..."): a greeting, no one."""
    if " " in text[s:e] or text[e:e + 1] != ",":
        return False
    m = OTHERS_ADDRESSED.match(text, e + 1)
    return m is not None and m.group("name") is None


@dataclass
class _Text:
    obj: Post | Comment | Furniture
    attr: str
    role: str
    text: str
    spans: list[Span] = field(default_factory=list)
    candidates: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Doc:
    post: Post
    comments: list[Comment]
    ctx: DocContext
    texts: list[_Text]
    caps_names: frozenset[str] | None = None  # see _capitalised_names
    thread_lang: str | None = ""  # the post's language, else its comments' most frequent ("": not yet computed)


# the start of a sentence right before a word: a sentence's end and blanks, or the start of the text or a line
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])[ \t]+|\n[ \t]*)$")

def _language(t: _Text, d: _Doc) -> str | None:
    """The text's detected language, else its post's: a comment too short to detect ("Moin!") in
    a German thread is read as German (the audit does the same)."""
    lang = getattr(t.obj, "language", None) or (getattr(d.post, "language", None) if d.post is not None else None)
    if d.thread_lang == "":
        langs = [getattr(c, "language", None) for c in d.comments]
        d.thread_lang = getattr(d.post, "language", None) if d.post is not None else None
        if d.thread_lang is None and any(langs):
            d.thread_lang = Counter(x for x in langs if x).most_common(1)[0][0]
    post_lang = d.thread_lang
    if lang and post_lang and lang != post_lang and _dialect_of(t.text, reading_language(post_lang)):
        # Shetland Scots ("da", "dis", "een", "wir") reads to the detector as Dutch: a comment in a dialect the
        # post's language mixes in (the markers of one of its regional_phrases sections) is read in that language
        return reading_language(post_lang)
    return reading_language(lang)  # Taglish (detected as Tagalog) is read as English


_MONTH_DAY = re.compile(r"january|february|march|april|may|june|july|august|september|october|november|december|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday")
_LOWER_WORDS = re.compile(r"[a-z][a-z'’-]*")


def _dialect_of(text: str, lang: str | None) -> bool:
    """The text writes a dialect of ``lang`` (enough marker words of a ``dialect`` section of it)."""
    secs = dialect_markers(lang) if lang else ()
    if not secs:
        return False
    words = set(_LOWER_WORDS.findall(text))
    return any(need <= len(markers & words) for markers, need in secs)


# recognizers that accept a name because of the role the text gives it, not because of a lexicon
_ROLE_RULES = frozenset({"relation", "named", "title", "greeting", "signoff", "address", "introduction", "spelled",
                         "bracket_nickname"})
# rules that saw a person's role around a capitalised name (a naming phrase, a title, a relation noun): the
# name is the person's in the post's other texts even where the gazetteer alone would keep the word as a place
_CUE_ROLE_RULES = frozenset({"relation", "named", "title", "introduction", "spelled", "cue_phrase", "title_language",
                             "relation_copula", "honorific_after", "personal_article", "intro_full_name", "greeting",
                             "signoff", "signoff_language", "name_line", "pronoun_tag", "double_barrelled",
                             "chat_sender", "bracket_nickname"})
# a capitalised token in Latin, Greek or Cyrillic letters: the names a span holds, for the post's other texts
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]")
_CAP_ANY_SCRIPT = re.compile(r"(?<![\w@’'.\-])[^\W\d_a-z\u00df-\u00ff](?<=[A-Z\u00c0-\u024f\u0386-\u03ab\u1f08-\u1fbc\u0400-\u042f])"
                             r"[\w\u02bb]*(?:['’‘-][^\W\d_]+)*")


def _capitalised_names(d: _Doc) -> frozenset[str]:
    """The names the post's texts write with a capital in a person's span (case-folded), computed once per post."""
    if d.caps_names is None:
        d.caps_names = frozenset(t.text[sp.start:sp.end].casefold() for t in d.texts for sp in t.spans
                                 if sp.kind in (PERSON, KNOWN) and t.text[sp.start:sp.start + 1].isupper())
    return d.caps_names


# the saints' titles of the covered languages: the name after one is a saint's, shared by everyone so named
_SAINTS = frozenset({"saint", "sainte", "st", "ste", "san", "santa", "santo", "sant", "são", "sao", "beato", "beata",
                     "bienheureux", "bienheureuse", "sint", "sankt", "święty", "święta", "svatý", "svatá", "agios", "agia",
                     # their case forms in Polish and Czech ("od świętej Anny", "na svatého Mikuláše"), and Polish
                     # "im."/"imienia" (a body named after a person): the name is everyone's so named too
                     "św", "świętego", "świętemu", "świętym", "świętej", "świętą", "sv", "svatého", "svatému",
                     "svatém", "svatým", "svaté", "svatou", "im", "imienia"})
# a kinship or respect word right before a word ("tía ", "tio ", "auntie "): the case-folded word
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t]+$")
# a verb of going or coming, then "a"/"à" ("to"), in Portuguese, Spanish and Italian: "foi a Fátima", "fui a
# Santiago", "vado a Roma"; elsewhere "a" is the article of given names too ("a Luz disse")
_MOTION_TO = re.compile(r"(?:^|[\s(])(?:fo[ir]|fui|fomos|foram|vou|vai|vais|vamos|vão|ia|iam|ir|cheg[a-zãáéê]*|volt[a-zãáéê]*|"
                        r"mud[a-zãáéêí]*|emigr[a-zãáéêí]*|"
                        r"viaj[a-zãáéê]*|voy|vas|va|van|fue|fuimos|fueron|lleg[a-záé]*|volv[a-zíé]*|vine|vino|vado|"
                        r"andare|andat[oaie]|andiamo)[ \t]+[aà][ \t]+$", re.I)
# a verb of saying, asking, writing or showing, perhaps with its object pronoun, then "to": what follows is someone
# ("le dire à X", "j'ai écrit à X", "le digo a X", "contei à X"), not where
_SAY_TO = re.compile(r"(?<![\w'’])(?:dire|dis|dit|dirai|dirais|disais|demander|demande|demandé|parler|parle|parlé|écrire|"
                     r"écris|écrit|expliquer|explique|expliqué|raconter|raconte|raconté|répondre|réponds|répondu|"
                     r"montrer|montre|montré|decir|decirle|digo|dije|dice|dijo|preguntar|pregunté|preguntale|escribir|"
                     r"escribí|contar|conté|contale|decile|dizer|disse|perguntar|perguntei|escrever|escrevi|contei|"
                     r"mostrar|mostrei|mostré)(?:[ \t]+(?:le|la|les|lui|leur|ça|tout|lo|isso|isto|tudo|eso|esto|todo))?"
                     r"[ \t]+(?:à|a|ao|aos|às)[ \t]+$", re.I)
# the Spanish preposition "a" right before a word ("a Luz", "y a Alma")
_ES_PERSONAL_A = re.compile(r"(?:^|[\s(,])a[ \t]+$", re.I)
# the definite article Portuguese puts before a given name ("a Luz disse", "o Tó"), not after a preposition of place
_PT_PERSON_ARTICLE = re.compile(r"(?:^|[\s(«\"“])(?:[oa])[ \t]+$", re.I)
# what may follow the last word of an item of a list: a comma or the end of the sentence, or "and"
_LIST_ITEM_END = re.compile(r"[ \t]*(?:[,;.!?)]|$|(?:y|e|et|and|und|i)\b)")
# what separates the items of a list of people: "Ana, Luz e Tó", "Sam & Jo", "Kai and Mo"
_LIST_GAP = re.compile(r"[ \t]*(?:[,;&]|\b(?:and|e|y|et|und|en|i|og|och)\b)[ \t]*", re.I)


def place_before_pattern(policy: Policy, lang: str | None = None) -> re.Pattern[str]:
    """A preposition of place in the covered languages right before a word ("moving to X", "em X", "à X",
    "nach X"): the policy's ``places_before`` (English and German) and every language cue table's, or
    only ``lang``'s table's when given (none for English and German)."""
    words = set(policy.rules.places_before) | {w for code, lc in language_cues()[0].items()
                                               if lang is None or code == lang for w in lc.places_before}
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?:^|[\s(])(?:" + alt + r")[ \t]+$", re.I)


_FROM_PLACE_AFTER = re.compile(r"[ \t]+from[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)")

class Anonymiser:
    """Replace commenter identities with keyed pseudonyms and person names in text with placeholders.

    ``Anonymiser(key, policy=Policy.load(None))``; ``apply(result)`` mutates a ReadResult in place
    and returns an :class:`AnonymiseReport`. The same input, key and policy give the same output.
    The NER model is loaded lazily, once per process, and only if some sentence needs it.
    """

    def __init__(self, key: bytes, policy: Policy | None = None):
        if not isinstance(key, (bytes, bytearray)) or len(key) < 16:
            raise ValueError("the pseudonym key must be at least 16 bytes (see therapy_threads.anonymise.load_key)")
        self._key = bytes(key)
        self.policy = policy or Policy.load(None)
        self.lex = lexicon()
        self.engine = Engine(self.policy, self.lex)
        self.cues = self.engine.cues
        self._surname = Recognizer(self.cues)  # its shared ``extend``: a surname after a propagated name
        self._title_prefix = titles.prefix_pattern(self.cues.titles)  # trimmed off a name NER found ("Dr. ")
        self._place_before = place_before_pattern(self.policy)
        pol = self.policy
        self._prefer = list(pol.pseudonym.prefer)
        self._generic = pol.pseudonym.generic_names
        self._prefix = pol.pseudonym.prefix
        self._digits = pol.pseudonym.hex_digits
        self._ph = pol.placeholders
        self._ner_on = pol.ner.enabled

    @cached_property
    def covered_languages(self) -> frozenset[str]:
        """Languages whose private names the recognizers find (see :mod:`.coverage`)."""
        return coverage.covered_languages(self.engine.recognizers)

    @cached_property
    def fingerprint(self) -> str:
        """16 hex digits over HMAC(key, "fingerprint"), the policy, the lexicons, the NER model and
        this code's version: safe to log, and the cache key of anonymised output."""
        h = hashlib.sha256()
        h.update(hmac.new(self._key, b"fingerprint", hashlib.sha256).digest())
        h.update(self.policy.digest.encode())
        h.update(self.lex.digest.encode())
        h.update(knowledge().digest.encode())
        h.update(language_cues()[1].encode())
        h.update(inflection.digest().encode())  # the case endings and national names of declining languages
        h.update(regional_phrases().digest.encode())
        h.update(spellout.digest().encode())  # the CLDR number words phone numbers are read in
        h.update((ner.model_version(self.policy.ner.model) if self._ner_on else "no-ner").encode())
        h.update(CODE_VERSION.encode())
        return h.hexdigest()[:16]

    def pseudonym_for(self, ident, site: str | None = None) -> str | None:
        """The commenter's pseudonym. A display name alone links comments only within one site
        (``site``): two people called "Markus" on unrelated blogs are two people; an e-mail address
        or a website links them across sites."""
        basis = identity_basis(ident, self._prefer, self._generic)
        if basis and basis[0] == "name" and site:
            basis = ("name", site.casefold() + "\x1f" + basis[1])
        return pseudonym(self._key, basis, self._prefix, self._digits) if basis else None

    # ---- the stage ------------------------------------------------------------------------------

    def apply(self, result: ReadResult) -> AnonymiseReport:
        """Anonymise ``result`` in place; afterwards every ``identity``/``author_identity`` is None.

        Sets ``Comment.author_pseudonym`` (null where the source gives no usable identity, e.g.
        text captures) and ``Comment.is_post_author`` (from ``Post.author_identity``; a reader's
        True is kept), and replaces names, handles, e-mail addresses and URLs in titles, bodies and
        comment texts. Returns counts by kind and the keyed identity tokens for the audit.
        """
        report = AnonymiseReport()
        # fail closed: text in a language the recognizers do not cover is not published as anonymised
        report.counts.update(coverage.fail_closed(result, self.covered_languages,
                                                  self.policy.coverage.uncovered_languages))
        docs = self._analyse(result, report)
        for d in docs:
            self._replace(d, report)
            if d.post is not None and d.post.url:
                d.post.url = self._post_url(d)
        for p in result.posts:
            p.author_identity = None
        for c in result.comments:
            c.identity = None
        # An unkeyed hash of a short raw text can be confirmed by guessing; keyed, it still lets
        # a maintainer with the key find the item in the local source.
        for q in result.quarantine:
            if q.content_sha256:
                q.content_sha256 = keyed_digest(self._key, q.content_sha256)
        return report

    def _post_url(self, d: _Doc) -> str | None:
        """The post's URL without the names removed from its thread (see :mod:`.slugs`)."""
        removed = [t.text[sp.start:sp.end] for t in d.texts for sp in t.spans if sp.kind in (PERSON, KNOWN)]
        removed += [v for v, k in d.ctx.known.items() if k.strong and not k.cue_only and not k.post_author]
        return publishable_url(d.post.url, d.post.title, removed)

    def _analyse(self, result: ReadResult, report: AnonymiseReport) -> list[_Doc]:
        """Pseudonyms and spans for every text, without changing any text yet."""
        by_post: dict[str, list[Comment]] = {}
        for c in result.comments:
            by_post.setdefault(c.post_id, []).append(c)
        furniture: dict[str, list] = {}
        for f in result.furniture:
            furniture.setdefault(f.post_id, []).append(f)
        docs = [self._prepare(p, by_post.pop(p.post_id, []), report, furniture.get(p.post_id, ()))
                for p in result.posts]
        for orphans in by_post.values():  # comments whose post is missing: still anonymised
            docs.append(self._prepare(None, orphans, report))
        for d in docs:
            # (a page-wide fact the bylines of every text are read with: where the site prints each poster's town)
            d.ctx.byline_fields, places = place_fields([(t.text, _language(t, d)) for t in d.texts], self.cues,
                                                       d.ctx.bylines)
            d.ctx.place_role |= places
            for t in d.texts:
                lang = _language(t, d)
                found = self.engine.analyze(t.text, d.ctx, t.role, lang)
                t.spans, t.candidates = found.spans, found.candidates
                if not t.text.isascii() or "%" in t.text:
                    self._folded(t, d.ctx, lang)
                if d.ctx.known:
                    self._spaced(t, d.ctx)
                self._remember(d.ctx, t, lang)
        for d in docs:
            self._headed_things(d)
        if self._ner_on:
            self._run_ner(docs, report)
        for d in docs:
            self._propagate(d)
        return docs

    @staticmethod
    def _headed_things(d: _Doc) -> None:
        """A one-word name that a head noun names as a thing in one text of the post ("le cyclone X", "calle X")
        is that thing where another text of the post says it alone ("depuis X"), unless a cue of a person's
        role names it there (a relation noun, a title, a naming phrase)."""
        things = {t.text[sp.start:sp.end].casefold() for t in d.texts for sp in t.spans
                  if sp.kind == KEEP and sp.recognizer == "headed_name" and t.text[sp.start:sp.start + 1].isupper()
                  and " " not in t.text[sp.start:sp.end] and "-" not in t.text[sp.start:sp.end]
                  # (not a saint's name: "saint X" is also everyone called X)
                  and _WORD_BEFORE.search(t.text, max(0, sp.start - 16), sp.start) is not None
                  and _WORD_BEFORE.search(t.text, max(0, sp.start - 16), sp.start).group(1).casefold() not in _SAINTS}
        if not things:
            return
        for t in d.texts:
            drop = [sp for sp in t.spans if sp.kind == PERSON and sp.recognizer not in _CUE_ROLE_RULES
                    and t.text[sp.start:sp.end].casefold() in things]
            for sp in drop:
                t.spans.remove(sp)
                d.ctx.accepted.pop(t.text[sp.start:sp.end].casefold(), None)

    def _folded(self, t: _Text, ctx: DocContext, lang: str | None) -> None:
        """Identities and contacts the audit finds in the text as it reads it (:func:`.identity.fold`:
        invisible characters, fullwidth, mathematical and look-alike letters, "%40", ideographic full
        stops), replaced over the whole original stretch. A second reading takes the invisible
        characters for word breaks, so a name glued to other letters by one ("Threnody\u00ads") is
        a whole word, as the audit reads it too. Only what the folding changed is added: a span
        whose characters and edges fold to themselves was the plain reading's to decide."""
        text = t.text
        if not disguise_in(text):
            return  # (ASCII text without "%", and most other text, "\u2026" included: nothing else to do)
        # (a reading fold_map cannot give is left out: the audit still reads the text folded, so a
        # leftover fails the build)
        readings = [fold_map(text)] + (split_readings(text) if invisible_in(text) else [])
        for i, mapped in enumerate(readings):
            if mapped is None:
                continue
            split = i > 0
            folded, starts, ends = mapped
            found = self.engine.analyze(folded, ctx, t.role, lang, only=_FOLDED_RECOGNIZERS)
            for sp in found.spans:
                if sp.kind not in REPLACED:
                    continue
                s, e = starts[sp.start], ends[sp.end - 1]
                if text[s:e] == folded[sp.start:sp.end] and not (
                        split and (_dropped(text, s - 1) or _dropped(text, e))):
                    continue
                self._add_over(t, Span(s, e, sp.kind, sp.key, sp.recognizer, sp.score,
                                       sp.reason + " (in the text as the audit reads it)"))

    def _spaced(self, t: _Text, ctx: DocContext) -> None:
        """A known identity's distinctive name written letter by letter ("P e l l i n o r e"):
        the audit fails the same (:func:`.identity.spaced_words`)."""
        for s, e, word in spaced_words(t.text):
            info = ctx.known.get(word.casefold())
            if info is None or not info.strong or info.cue_only:
                continue
            if info.post_author:
                sp = Span(s, e, POST_AUTHOR, "", "known_identity", 0.9, "the post author's name, letter-spaced")
            elif len(info.pseudonyms) == 1:
                sp = Span(s, e, KNOWN, next(iter(info.pseudonyms)), "known_identity", 0.9,
                          "known identity, letter-spaced")
            else:
                sp = Span(s, e, PERSON, word.casefold(), "known_identity", 0.9, "a shared known name, letter-spaced")
            self._add_over(t, sp)

    @staticmethod
    def _add_over(t: _Text, sp: Span) -> None:
        """Add ``sp``, taking in the spans it overlaps (their stretch too: the replacement covers both)."""
        over = [x for x in t.spans if x.overlaps(sp.start, sp.end)]
        for x in over:
            t.spans.remove(x)
            sp.start, sp.end = min(sp.start, x.start), max(sp.end, x.end)
        t.spans.append(sp)

    def _prepare(self, post: Post | None, comments: list[Comment], report: AnonymiseReport,
                 furniture=()) -> _Doc:
        known: dict[str, KnownName] = {}
        # variant -> (who, strong, cue_only)
        regs: dict[str, tuple[set[str], bool, bool]] = {}

        def register(name: str | None, who: str, contact: str = "") -> None:
            if not name or is_generic_name(name, self._generic):
                return  # "Anonymous", "Gast", "Anonymous User" are placeholders, not people
            for variant, strong in name_variants(name, self.lex, contact).items():
                ps, st, cue = regs.get(variant, (set(), False, True))
                ps.add(who)
                regs[variant] = (ps, st or strong, False)
            for variant in cue_variants(name, self.lex, self._generic):
                ps, st, cue = regs.get(variant, (set(), False, True))
                ps.add(who)
                regs[variant] = (ps, st, cue)

        author_ident = post.author_identity if post else None
        site = _site(post, comments)
        if post is not None and post.author:
            register(post.author, _AUTHOR)
        if author_ident is not None:
            register(author_ident.name, _AUTHOR)
        for c in comments:
            ident = c.identity
            verdict = same_person(ident, author_ident) if author_ident is not None else None
            if c.is_post_author is not True and verdict is not None:
                c.is_post_author = verdict
            pseudo = self.pseudonym_for(ident, site)
            c.author_pseudonym = pseudo
            if pseudo:
                report.counts["comments_pseudonymised"] += 1
            if ident is None or ident.is_empty():
                continue
            if c.is_post_author:
                register(ident.name, _AUTHOR)
                continue
            if pseudo:
                # (the commenter's own e-mail address and site: a part of the handle written there is of the name)
                contact = " ".join(x for x in (ident.email, ident.url) if x).casefold()
                register(ident.name, pseudo, contact)
                register(ident.handle, pseudo, contact)
            for gram, (cls, langs) in identity_grams(ident, self.lex, self._generic).items():
                report.identity_tokens.add(token_line(self._key, gram, cls, langs, c.source_id))
        for variant, (who, strong, cue) in regs.items():
            if self._not_a_name_part(variant):
                continue
            langs = gram_langs(variant.split(), self.lex)
            if who == {_AUTHOR}:
                known[variant] = KnownName(set(), strong, True, cue, langs)
            else:  # one commenter -> their pseudonym; a name shared by several -> [PERSON_n]
                known[variant] = KnownName(set(who), strong, False, cue, langs)
        texts: list[_Text] = []
        if post is not None:
            texts.append(_Text(post, "title", "title", post.title or ""))
            texts.append(_Text(post, "body", "body", post.body or ""))
        texts.extend(_Text(c, "text", "comment", c.text or "") for c in comments)
        # removed page furniture is never published but is kept in the build: scrub it like a body
        texts.extend(_Text(f, "text", "body", f.text or "") for f in furniture)
        own = url_host(post.url) if post is not None and post.url else None
        ctx = build_context([t.text for t in texts], known, own)
        idents = [author_ident] + [c.identity for c in comments]
        ctx.mail_words = frozenset(w for ident in idents if ident is not None for w in email_local_words(ident.email)
                                   if len(w) >= 2 and w.isalpha())
        return _Doc(post, comments, ctx, texts)  # type: ignore[arg-type]

    def _not_a_name_part(self, variant: str) -> bool:
        """One word of a commenter's name or handle that is a greeting, a closing or a function word of
        a covered language ("hoi" of "hoi_zaeme_x", "und" of "x_und_y", "von" of "anna_von_x"): it would
        match that word everywhere, and it is no one's name."""
        if " " in variant or not variant.isalpha():
            return False
        c = self.cues
        if variant in TI_PREFIXES:
            return True  # "Ti" of "Ti-Guy X": French "petit" before a given name, a nickname only with it
        if variant in c.greet1 or variant in c.closings or variant in c.acronyms:
            return True  # ("bsl" of "BSL_Ana_Leeds": an abbreviation everyone uses, identifying no one)
        if variant in c.regional_kin and not (variant in c.first_names or variant in c.intl_names):
            return True  # "Ate" of "Ate Weng Reyes", "Oom" of "Oom Koos": a form of address of another language
        return any((self.lex.lang_rank(variant, lang) or 10 ** 6) < 300 for lang in OTHER_LANGUAGES | {"de"}) \
            and not (self.lex.is_first_name(variant) or variant in self.lex.intl_names)

    def _remember(self, ctx: DocContext, t: _Text, lang: str | None = None) -> None:
        for sp in t.spans:
            if sp.kind == PERSON and t.text[sp.start:sp.end].islower():
                # a name written in lower case ("a man named otieno"): remembered when it is no
                # ordinary word, so that "otieno" is a name in the post's other lower-case texts
                # (the sender of a chat export's line is a person whatever word the name is; a lower-case given
                # name that a name role around it made a name: "will:" opening a line, "martin says")
                strong = sp.recognizer in ("relation", "named", "title", "greeting", "signoff", "lower_role",
                                           "pronoun_tag", "double_barrelled", "relation_copula", "bracket_nickname",
                                           "chat_sender") or (sp.recognizer == "lexicon_lower"
                                                              and sp.reason.endswith("in a name role"))
                surface = t.text[sp.start:sp.end]
                handle = " " not in surface and _HANDLE_GLUE.search(surface) is not None
                for tok in re.findall(r"[^\W\d_]{3,}", surface):
                    if handle and _place_or_nation(tok) and self.lex.proper_noun(tok) \
                            and tok not in self.lex.first_names and tok not in self.lex.intl_names:
                        continue  # "glasgow" of "glasgow-moss": the handle is someone, the city is no name elsewhere
                    if handle and tok in ctx.place_role and not self.cues.any_given_name(tok):
                        continue  # "wergea" of "tsjerk_fan_wergea" where the post says "uit Wergea": where they are from
                    if handle and lang not in (None, "en") and (self.lex.lang_rank(tok, lang) or 10 ** 6) < 5000 \
                            and not self.cues.any_given_name(tok):
                        continue  # "sipil" of "kakak_tingkat_sipil": a word of the text's language in a handle, no name
                    # a rule that saw the name role ("my partner dev") may accept an ordinary word
                    if self._plain_name(tok) or (strong and tok not in self.cues.not_names
                                                 and not self.cues.function_word(tok)):
                        ctx.accepted.setdefault(tok, sp.key)
                        if strong and sp.recognizer != "lower_role" or sp.reason.startswith("the writer's own name"):
                            # a role cue named the person ("xx here,", "my sister xx"): the name is the person's
                            # where the post lists it with people, even where the gazetteer holds the word
                            ctx.role_named.add(tok)
                continue
            if sp.kind == PERSON:
                surface = t.text[sp.start:sp.end]
                if sp.recognizer in _DISPLAY_NAME_RULES and " " in surface.strip():
                    # the display name whole ("Marina di Falconara"): an @mention of it elsewhere takes it whole
                    ctx.accepted.setdefault(re.sub(r"\s+", " ", surface).casefold(), sp.key)
                # (Greek and Cyrillic names too, which CAP_RE's Latin capitals do not take: "Σουμέλα", "Вова")
                latin = surface.isascii() or not _NON_LATIN.search(surface)
                # (a word's place in the display name is counted in its words, not its capitals: "Wergea" is the first
                # capital of "tsjerk_fan_wergea uit Wergea" but the place part of it all the same)
                lead = len(surface) - len(surface.lstrip())
                opening = lead + len(surface.split()[0]) if surface.strip() else 0
                for m in (CAP_RE if latin else _CAP_ANY_SCRIPT).finditer(surface):
                    tok = m.group(0)
                    i = m.start() >= opening
                    cf = _POSS.sub("", tok).casefold()
                    if not latin and _NON_LATIN.search(tok) and (self.lex.lang_rank(cf, lang) or 10 ** 6) < 20000 \
                            and (not inflection.declined_given(cf, lang) or inflection.lower_word(cf, lang)):
                        continue  # "Μόνιμος", "Ειρήνη" (peace): a word of the language is that word elsewhere
                    if tok.isupper() or cf in self.cues.not_names or cf in self.cues.titles or cf in ctx.keep:
                        continue
                    if i and sp.recognizer in _DISPLAY_NAME_RULES and (_place_or_nation(tok) or knowledge().is_small_place(tok)
                                                                       or _after_from_word(surface, tok)):
                        continue  # "Falconara" of the display name "Marina di Falconara": where the poster is from is a
                        # place elsewhere in the post, no name
                    if i and cf in _PARTICLES:
                        continue  # "De", "La" of "Xx De La Yy" are no names elsewhere ("here in LA"); "Del" first is
                    if sp.reason.endswith(GROWN) and self.lex.rank(cf) is not None and cf not in self.cues.first_names:
                        continue  # a word of a surname of English words ("Little Eagle") is a word elsewhere
                    # a name decided once (e.g. "her name is Ivy") is a name in capitalised
                    # mid-sentence use throughout the post, even if "ivy" also occurs as a word;
                    # :meth:`_propagate` decides where another text uses it in a name role
                    # (or any word a rule placed in a name role: "Ivo, thanks", "my sister Blessing")
                    if sp.recognizer in _CUE_ROLE_RULES and not self.cues.function_word(cf) and len(cf) > 1:
                        ctx.role_named.add(cf)
                        ctx.accepted.setdefault(cf, sp.key)
                    if self.cues.namelike(cf, ctx) or cf in self.cues.first_names or self.lex.is_surname(cf) \
                            or cf in self.cues.intl_names or (cf in self.lex.intl_names and self.lex.proper_noun(cf)
                                                              and cf not in ctx.lower_vocab) or (sp.recognizer in _ROLE_RULES
                                                              and not self.cues.function_word(cf)):
                        ctx.accepted.setdefault(cf, sp.key)

    def _plain_name(self, cf: str) -> bool:
        """A lower-case token, accepted as a name somewhere in the post, that is no ordinary English
        word: unknown to the frequency list, or rarer and not in the dictionary in lower case."""
        if cf in self.cues.not_names or cf in self.cues.titles or cf in self.cues.greet1:
            return False
        r = self.lex.rank(cf)
        # (a frequent given name that the dictionary has only as a proper noun, "ryan", "kevin", "chris", is no word
        # in lower case either: the frequency list counts the name)
        return r is None or (r >= 3000 and not self.lex.dictionary_word(cf)) or (
            cf in self.lex.first_names and (self.lex.casing or {}).get(cf) == "p" and not _MONTH_DAY.fullmatch(cf))

    # ---- NER on undecided sentences ----------------------------------------------------------

    def _run_ner(self, docs: list[_Doc], report: AnonymiseReport) -> None:
        jobs: dict[str, list[tuple[_Doc, _Text, int, list[tuple[int, int]]]]] = {}
        for d in docs:
            for t in d.texts:
                pending: dict[tuple[int, int], list[tuple[int, int]]] = {}
                for s, e in t.candidates:
                    a, b = sentence_bounds(t.text, s, e, self.policy.ner.window)
                    pending.setdefault((a, b), []).append((s, e))
                for (a, b), cands in pending.items():
                    jobs.setdefault(t.text[a:b], []).append((d, t, a, cands))
        if not jobs:
            return
        sentences = sorted(jobs)
        nlp = ner.load(self.policy.ner.model, self.policy.ner.exclude)
        found = ner.person_spans(nlp, sentences, self.policy.ner.labels, self.policy.ner.batch_size)
        report.counts["ner_sentences"] += len(sentences)
        report.counts["ner_chars"] += sum(len(s) for s in sentences)
        for sent, ents in zip(sentences, found):
            for d, t, a, cands in jobs[sent]:
                for es, ee in ents:
                    s, e = es + a, ee + a
                    if not any(cs < e and s < ce for cs, ce in cands):
                        continue  # only decide what the rules left open
                    span = self._ner_span(t.text, s, e, d.ctx)
                    if span and _language(t, d) in (None, "en") and (
                            thing_after_article(t.text, span.start, span.end) or place_by_neighbour(t.text, span.start, span.end)
                            or names_a_body(t.text, span.start, span.end)
                            or self._modifier_after_adjective(t.text, span.start, span.end)
                            or _greets_readers(t.text, span.start, span.end)):
                        continue  # "from a Greggs", "from the Portiuncula": one word after an article is a thing
                    if span and not any(x.start < span.end and span.start < x.end for x in t.spans):
                        t.spans.append(span)
                        report.counts["ner_persons"] += 1
                        self._remember(d.ctx, _Text(t.obj, t.attr, t.role, t.text, [span]))

    def _modifier_after_adjective(self, text: str, s: int, e: int) -> bool:
        """One capitalised word that the dictionary knows as a proper noun or adjective and that is no
        given name, between an article and an adjective before it and a noun after it, modifies the noun
        ("in a calm Mancunian voice", "the old Tamworth road"): a place's word, no person ("the lovely Xxx
        sent ...": a name the dictionary does not hold heads its phrase)."""
        cf = text[s:e].casefold()
        if " " in cf or not self.lex.proper_noun(cf) or self.lex.is_first_name(cf) or self.cues.any_given_name(cf) \
                or not _ARTICLE_ADJ_BEFORE.search(text, max(0, s - 30), s):
            return False
        m = _NOUN_AFTER.match(text, e)
        if m is None or m.group(1) in _NOT_NOUNS or self.cues.verb_after(text, e):
            return False
        adj = _ARTICLE_ADJ_BEFORE.search(text, max(0, s - 30), s).group(1)
        return self.lex.rank(m.group(1)) is not None and adj not in self.cues.relations and self.lex.rank(adj) is not None

    def _ner_span(self, text: str, s: int, e: int, ctx: DocContext) -> Span | None:
        seg = text[s:e]
        m = self._title_prefix.match(seg)
        if m:
            s += m.end()
        # trim leading/trailing tokens that are ordinary words here ("Rowan Hale Counselling")
        toks = [(m.start() + s, m.end() + s, m.group(0)) for m in re.finditer(r"\S+", text[s:e])]
        def good(tok: str) -> bool:
            core = _POSS.sub("", tok.strip(".,;:!?\"“”()"))
            return bool(core[:1].isupper()) and not core.isupper() and self.cues.namelike(core.casefold(), ctx)
        while toks and not good(toks[0][2]):
            toks.pop(0)
        while toks and not good(toks[-1][2]) and not re.fullmatch(r"[A-Z]\.?", toks[-1][2]):
            toks.pop()
        if not toks:
            return None
        s, e = toks[0][0], toks[-1][1]
        core = _POSS.sub("", text[s:e].rstrip(".,;:!?\"”)"))
        e = s + len(core)
        if self.cues.title_before(text, s) and core.casefold() in ctx.lower_vocab:
            return None
        return Span(s, e, PERSON, re.sub(r"\s+", " ", core).casefold(), "ner", 0.5, "NER person entity")

    # ---- consistency within the post -----------------------------------------------------------

    def _propagate(self, d: _Doc) -> None:
        """A name accepted in one text is replaced in the post's other texts where it is used in a
        name role there. A name that is no ordinary word ("Marisol") is a name wherever it is
        capitalised; one that is also a word ("Summer", "Will", "Grace") only with a name cue
        (a greeting before, a reporting verb after, a relation noun, a vocative, "X and I"), never
        in a compound or title ("Summer breaks", "Good Will Hunting", "Grace period")."""
        names = [n for n in d.ctx.accepted if n not in d.ctx.known]
        if not names:
            return
        # the same names as the post's languages also write them: case forms, pet forms and short forms
        acc = d.ctx.accepted
        variants = self._name_variants(names, d)
        if variants:
            acc = {**variants, **d.ctx.accepted}
            names = names + [v for v in variants if v not in d.ctx.accepted]
        # the keys as the matches are looked up (case-folded: Greek final "ς" is "σ", which the variants may keep)
        acc = {**{k.casefold(): v for k, v in acc.items()}, **acc}
        # keys are case-folded ("weißenborn" -> "weissenborn"): let "ss" match "ß" again
        pat = None  # compiled on first use: most posts' texts fail the substring test below
        cues = self.cues
        for t in d.texts:
            lang = _language(t, d)
            other = lang in OTHER_LANGUAGES  # French, Spanish, ...: capitals mark proper nouns only
            if lang not in (None, "en") and lang not in NOUN_CAPS and not other:
                continue
            low = t.text.casefold()
            if not any(map(low.__contains__, names)):  # (any(n in low for n in names))
                continue  # substring tests are much cheaper than the case-insensitive regex
            lower = None
            if pat is None:
                pat = re.compile(r"(?<![\w@])(?:" + names_alternation(names) + r")(?:['’]s)?(?![\w])", re.I)
            for m in pat.finditer(t.text):
                s = m.start()
                core = _POSS.sub("", m.group(0)) if m.group(0).lower().endswith(("'s", "’s")) else m.group(0)
                e = s + len(core)
                if other and not core[:1].isupper() and _after_determiner(t.text, s, lang):
                    continue  # "la clémence envers soi-même": an article makes it a word
                if not core.lstrip("ʻ")[:1].isupper() and self._kin_before(t.text, s) \
                        and core.casefold() in d.ctx.role_named and not any(x.overlaps(s, e) for x in t.spans):
                    # "tía remigia que no es la peluquera": a kinship word of address before a name a role cue
                    # gave elsewhere in the post, in lower case, is that person whatever else the word means
                    t.spans.append(Span(s, e, PERSON, acc[core.casefold()], "propagation", 0.5,
                                        "a name accepted elsewhere in the post, after a kinship word of address"))
                    continue
                if not core.lstrip("ʻ")[:1].isupper():  # ("ʻAna": the ʻokina, then the capital)
                    det = _EN_DETERMINER_BEFORE.search(t.text, max(0, s - 12), s) if lang in (None, "en") else None
                    if det and not (det.group(0)[:2].casefold() == "an" and core[:1] not in "aeiouh"):
                        # (not "an" before a consonant: the Scots "an", and: "me an ryan wir at da college")
                        continue  # "the tui on the clothesline", "a kowhai tree": the thing the name is named for
                    if lang in (None, "en") and EN_POSSESSIVE_RIGHT_BEFORE.search(t.text, max(0, s - 8), s):
                        continue  # "my tina said", "his nana": a possessive makes a noun (a kin word of another
                        # language), never a bare given name ("my sister tina" has its relation noun)
                    # lower case: only in a text written without capitals, and only a name that is no word
                    if lower is None:
                        lower = lower_style(t.text)
                    if other and not lower and ":" in t.text and chat_message_opening(t.text, s) \
                            and t.text[e:e + 1] in (" ", ",", "!", ":") and not any(x.overlaps(s, e) for x in t.spans):
                        # "[…] Xx: mica no es por la plata": a name the post knows, opening a message of a pasted chat
                        # written without capitals, is the person addressed, as at the start of a text
                        t.spans.append(Span(s, e, PERSON, acc[core.casefold()], "propagation", 0.5,
                                            "a name accepted elsewhere in the post, opening a lower-case chat message"))
                        continue
                    if not lower and core.islower() and t.text[e:e + 1] == "," and _SENTENCE_START.search(t.text, max(0, s - 3), s) \
                            and not any(x.overlaps(s, e) for x in t.spans):
                        # "... tot ziens. xx, je bent niet alleen": a name the post knows, in lower case where the text
                        # writes capitals, opening a sentence and set off by a comma, is the person addressed, written
                        # as they write it themselves
                        t.spans.append(Span(s, e, PERSON, acc[core.casefold()], "propagation", 0.5,
                                            "a name accepted elsewhere in the post, addressed in lower case"))
                        continue
                    if not lower and other and core.islower() and self._listed(t, d.ctx, s, e) \
                            and not cues.function_word(core.casefold()) and not _language_word(core.casefold(), lang, "determiners") \
                            and _LIST_ITEM_END.match(t.text, e) and not any(x.overlaps(s, e) for x in t.spans):
                        # "Gracias a todas: Nilda, Cande, perla.": the name a writer gave themself in lower case,
                        # listed with people in a capitalised text, though the word is one of the language too
                        t.spans.append(Span(s, e, PERSON, acc[core.casefold()], "propagation", 0.5,
                                            "a name accepted elsewhere in the post, in lower case in a list of people"))
                        continue
                    if not lower and core.islower() and self.lex.rank(core) is None and not inflection.lower_word(core, lang) \
                            and not inflection.declines_as_word(core, lang) and (
                            (lang not in NOUN_CAPS and not other) or self.lex.lang_rank(core, lang) is None
                            or other and self._greeted(t.text, s, lang)) \
                            and not (other and (core in self.lex.intl_names or core in self.lex.first_names)) \
                            and (not (self.lex.ordinary_in(core) - {lang or "en"}) or _ADDRESSED_OPENING.match(t.text, e)
                                 and not t.text[:s].strip()) \
                            and self._plain_name(core) and not any(x.overlaps(s, e) for x in t.spans):
                        # a name that is no word of any language, written in lower case in mixed text
                        # ("die hinterleitner hat gesagt" in an otherwise capitalised comment); an ordinary
                        # word of another language than the text's is that word, quoted ("... wróbel w garści")
                        t.spans.append(Span(s, e, PERSON, acc[core.casefold()], "propagation", 0.5,
                                            "a name accepted elsewhere in the post, no word of any language"))
                        continue
                    # "nicht fröhlich", "vendia leitão", "geen keizer meer": a word of the text's language (in a
                    # language that does not capitalise nouns, a given name of the lists that is a rarer word of
                    # it stays a name: "ik ben shirley")
                    lr = self.lex.lang_rank(core, lang) or 10 ** 6
                    plain = self._plain_name(core) and ((lang not in NOUN_CAPS and not other) or lr >= 20000 or (
                        other and lr >= 3000 and (core in self.lex.first_names or core in self.lex.intl_names)))
                    if inflection.lower_word(core, lang) and not self._greeted(t.text, s, lang) \
                            and core.casefold() in _capitalised_names(d):
                        continue  # "aku Bintang ... bintang ketemu bintang": where the post writes the name with a
                        # capital, a national name that is a word is that word in lower case
                    if lower and core.islower() and (plain or (other and (self._greeted(t.text, s, lang) or (
                            not t.text[:s].strip() and t.text[e:e + 1] in (" ", ",", "!", ":")))) or (
                            len(core) >= 3 and cues.subject_of_verb(t.text, e) and cues.is_initial(t.text, s))
                            or self._lower_name_role(t.text, s, e, m.group(0) != core)
                            or (lang in (None, "en") and self._listed(t, d.ctx, s, e) and _LIST_ITEM_END.match(t.text, e))) \
                            and not any(x.overlaps(s, e) for x in t.spans):
                        t.spans.append(Span(s, e, PERSON, acc[core.casefold()], "propagation", 0.5,
                                            "a name accepted elsewhere in the post, in lower-case text"))
                    elif not lower and lang in (None, "en") and core.islower() and core.casefold() in d.ctx.role_named \
                            and re.search(r",[ \t]*$", t.text[max(0, s - 4):s]) and re.match(r"[ \t]*(?:[.!?\n]|$)", t.text[e:e + 3]) \
                            and not any(x.overlaps(s, e) for x in t.spans):
                        # "I see it, xxx.": a capitalising writer quoting the name as its owner writes it in the chat
                        # (a role cue named it so elsewhere in the post), addressed closing a sentence (only that: in
                        # capitalised text "she thinks summer is ..." is the word)
                        t.spans.append(Span(s, e, PERSON, acc[core.casefold()], "propagation", 0.5,
                                            "a name a role cue gave in lower case elsewhere in the post, in a name role"))
                    continue
                cf = core.casefold()
                over = [x for x in t.spans if x.overlaps(s, e)]
                if over:
                    if self._place_named(t, d.ctx, over, s, e, cf, lang):
                        t.spans.remove(over[0])
                        t.spans.append(Span(s, e, PERSON, acc[cf], "propagation", 0.5,
                                            "a name a role cue gave elsewhere in the post, listed with people or "
                                            "used as a name here, not a place"))
                    continue
                if lang in (None, "en") and cues.article_head(t.text, s, e):
                    continue  # "she does not drive a Mercedes, she ...": a thing, not a person
                if lang in (None, "en") and named_thing_after_article(t.text, s, e):
                    continue  # "an Xxx airport", "the Xxx primary school": a place or body named after someone
                if lang in (None, "en") and (place_by_neighbour(t.text, s, e) or names_a_body(t.text, s, e)) \
                        and not self._name_role(t.text, s, e):
                    continue  # "a girl from Xxx, Bulawayo", "from Xxx district": where, whoever's handle holds the word
                if cues.title_before(t.text, s) and cf in d.ctx.keep:
                    continue
                r = self.lex.rank(cf)
                if lang in (None, "en") and r is not None and r < 5000 and re.match(r" [a-z]{3,}\b", t.text[e:e + 20]) \
                        and not self._name_role(t.text, s, e) \
                        and not (re.match(r" [a-z]{2,}ing\b", t.text[e:e + 20]) and self._mid_sentence_name(t.text, s, e, cf)):
                    continue  # a common word before a noun: "Grace period", "Summer breaks"
                if other:
                    if self._thing_run_before(t.text, s, lang):
                        continue  # "come la Fata Morgana": inside the name of a thing
                    if _opens_formula(t.text, s, e, lang):
                        continue  # "Lieve groeten!", "Querida Ana": a greeting or closing formula of the language
                    if knowledge().is_place(core) and _after_word(t.text, s, lang, "places_before") and not (
                            lang == "es" and _ES_PERSONAL_A.search(t.text, max(0, s - 4), s)
                            and not _MOTION_TO.search(t.text, max(0, s - 20), s)) \
                            and not _SAY_TO.search(t.text, max(0, s - 40), s):
                        continue  # "habite à Florence": the place, whoever else is called so (but the Spanish "a" of a
                        # person as object, after a verb that is no verb of going: "le cuido a Alma", "vi a Luz")
                    if knowledge().is_place(core) and _MOTION_TO.search(t.text, max(0, s - 20), s):
                        continue  # "foi a Fátima a pé", "fui a Santiago": after a verb of going "a" means "to"
                    if _HANDLE_JOINS.search(acc[cf]) and not self.cues.any_given_name(cf) \
                            and _after_word(t.text, s, lang, "places_before") and not self._name_role(t.text, s, e):
                        continue  # "Soy X, de Senkata" beside the handle jilata.senkata: a handle's word after a
                        # preposition of place is where its owner lives, a place no gazetteer holds
                    lr = self.lex.lang_rank(cf, lang)
                    if cues.is_initial(t.text, s) and lr is not None and lr < 3000 and not self._name_role(t.text, s, e):
                        continue  # a word of the language opening a sentence
                elif lang in NOUN_CAPS:
                    lr = self.lex.lang_rank(cf, lang)
                    if lr is not None and lr < 3000 and not self._name_role(t.text, s, e):
                        continue  # an ordinary German word here
                    if german_indefinite_before(t.text, s):
                        continue  # "kein Hahn im Korb": a noun after an indefinite article, whoever is called so
                elif self._mid_sentence_name(t.text, s, e, cf) or self._exclaimed(t.text, s, e):
                    pass  # "who comforts Comfort.": capitalised mid-sentence, the word is written in lower case
                elif self._wordlike(cf, d.ctx) and not self._name_role(t.text, s, e):
                    continue  # an ordinary word here: "Summer breaks", "Grace period", "Will it ..."
                elif cues.is_initial(t.text, s) and cues.wordlike(cf, d.ctx) and not self._name_role(t.text, s, e):
                    continue
                if core[:1].isupper() and m.group(0) == core:
                    h = _HYPHEN_GIVEN.match(t.text, e)
                    if h and self.lex.is_first_name(h.group(1)):
                        e = h.end()  # a double-barrelled given name: "Ann-Marie", "Rae-Lynn" accepted as "Rae"
                    ext = self._surname.extend(t.text, e, lang)  # "Bernie Walsh" signing the guest post
                    hit = [x for x in t.spans if x.overlaps(e, ext)]
                    # (not across a particle into a kept place: "k Liškové do Králova Pole" is the name alone)
                    e = e if hit and hit[0].kind == KEEP and t.text[e:hit[0].start].strip() else ext
                if core.isupper() and len(core) > 2:
                    # "MURA BONARIA": the surname in capitals of an official form before it
                    s = caps_surname_before(t.text, s, lang, self.lex, lambda a, b: any(x.overlaps(a, b) for x in t.spans))
                t.spans.append(Span(s, e, PERSON, acc[cf], "propagation", 0.5,
                                    "a name accepted elsewhere in the post, used as a name here"))

    def _thing_run_before(self, text: str, s: int, lang: str | None) -> bool:
        """An article, then a capitalised word of the language that is no given name of the main lists, right before
        the name: the two name a thing ("la Fata Morgana", "il Gran Paradiso"), not the person of that name."""
        m = _ARTICLE_WORD_BEFORE.search(text, max(0, s - 30), s)
        if m is None:
            return False
        lc = language_cues()[0].get(lang or "")
        w = m.group(2).casefold()
        return lc is not None and m.group(1).casefold() in (lc.articles | lc.person_articles) \
            and w not in self.lex.first_names and (self.lex.lang_rank(w, lang) or 10 ** 6) < 20000

    def _name_variants(self, names: list[str], d: _Doc) -> dict[str, str]:
        """Other forms of the post's accepted names, each to the name's key: in a language that declines
        names, their case forms ("Lišková" -> "Liškové", "Jarka" -> "Jarky"); in a language with pet-form
        endings, the pet forms ("Nilza" -> "Nilzinha"); and the short forms people clip a long given name
        to ("Guayarmina" -> "Guaya", "Hiroshi" -> "Hiro"). A form that is a word of the post's languages,
        a place or a known commenter's name is left out."""
        langs = {_language(t, d) for t in d.texts} - {None}
        lex, k = self.lex, knowledge()
        cues_by_lang = language_cues()[0]
        out: dict[str, str] = {}
        clipping_off = bool(langs & inflection.languages())
        tables = [cues_by_lang[lg] for lg in langs if lg in cues_by_lang]

        def word(form: str) -> bool:
            # (a word of a language the post is not written in is no word here: Danish and French "pris" in Dutch)
            return lex.rank(form) is not None or bool(lex.ordinary_in(form) & (langs | {"en"})) \
                or any(lex.lang_rank(form, lg) is not None for lg in langs) or k.is_place(form.title()) \
                or any(form in lc.greetings or form in lc.closings or form in lc.determiners for lc in tables)

        def add(form: str, key: str) -> None:
            if form not in d.ctx.accepted and form not in d.ctx.known and form not in out \
                    and form not in self.cues.not_names and not word(form):
                out[form] = key
        for n in names:
            if not n.isalpha():
                continue  # one word of letters: a given name or a surname, not a handle or a full name
            key = d.ctx.accepted[n]
            # (a name the gazetteer also holds, "Ivalo" signing a letter: its case forms are where, "Ivalosta")
            place = k.is_place(n.title()) or k.is_small_place(n.title())
            for lg in langs:
                forms = inflection.name_forms(lg)
                vowel_stem = inflection.vowel_stem(lg)
                if forms is not None and not (place and vowel_stem):
                    for infl, nom in forms.endings:
                        if nom == "" and vowel_stem:
                            # (Finnish joins its case endings to the name itself, "Usva" -> "Usvalle", and to a
                            # name in a consonant with a linking -i, "Erik" -> "Erikille": one set or the other)
                            if (n[-1] in "aeiouyäö") == infl.startswith("i"):
                                continue
                        elif nom == "" and n[-1] in "aeiouyáéíóúýě":
                            continue  # the consonant declension: a name that ends in a consonant
                        if n.endswith(nom) and len(n) - len(nom) >= 2 and infl != nom:
                            add(n[:len(n) - len(nom)] + infl, key)
                lc = cues_by_lang.get(lg)
                if lc is not None and lc.diminutives and n[-1:] in "aeio" and len(n) >= 4:
                    for end in lc.diminutives:
                        add(n[:-1] + end, key)
            # (not in a language that declines names: there a clipped name is a stem of case forms and words)
            # (a given name of the lexicons, or a word a role cue gave as a name: not a handle run together,
            # whose start may be a place or a word: "ntindanakato")
            if len(n) >= 6 and not clipping_off and (self.cues.any_given_name(n) or n in d.ctx.role_named) \
                    and not (self.lex.is_surname(n) and not self.cues.any_given_name(n)):
                for j in range(4, len(n) - 1):  # (at least four letters kept, at least two cut)
                    add(n[:j], key)
        return out

    def _place_named(self, t: _Text, ctx: DocContext, over: list[Span], s: int, e: int, cf: str, lang: str | None) -> bool:
        """A word kept only because the gazetteer holds it ("Luz", "Socorro", "Dallas"), that a cue of a
        person's role named elsewhere in the post ("chamo-me Luz", "my sister Dallas"), is the person here
        where it is used as a name: listed with people ("obrigada a todos: Ana, Luz e Tó"), addressed at the
        start of a line ("Luz, ..."), or in a name role, and no preposition of place comes before it."""
        x = over[0]
        if len(over) != 1 or x.kind != KEEP or x.recognizer != "place" or (x.start, x.end) != (s, e):
            return False
        text = t.text
        if cf not in ctx.role_named:
            # a given name of the lexicons that the post accepted as a name by its full name ("Vitória X, 36"), listed
            # here with people ("obrigada a todos: Ana, Vitória, Tó"): the person, not the town of that name
            return (cf in self.lex.first_names or cf in self.lex.intl_names) and cf in ctx.accepted \
                and not self._place_before.search(text, max(0, s - 12), s) and self._listed(t, ctx, s, e)
        if self._place_before.search(text, max(0, s - 12), s):
            return False
        if self._listed(t, ctx, s, e):
            return True
        if lang == "pt" and _PT_PERSON_ARTICLE.search(text, max(0, s - 4), s) \
                and not _MOTION_TO.search(text, max(0, s - 20), s) and not re.match(r"[ \t]+[A-ZÀ-Þ]", text[e:e + 2]):
            return True  # "a Inocência é da nossa igreja": Portuguese puts the article before a person's given name
        line = text[text.rfind("\n", 0, s) + 1:s]
        if not line.strip(" \t\"'“‘") and re.match(r"[ \t]*[,!]", text[e:e + 3]):
            return True  # "Luz, que nome bonito": the person addressed
        if re.search(r"[^\W\d_][ \t]*,[ \t]*$", text[max(0, s - 4):s]) and re.match(r"[ \t]*[.!?](?:\s|$)", text[e:e + 3]):
            return True  # "... I might have seen you there, Nora.": the person addressed, closing the sentence
        m = re.match(r"[ \t]+([^\W\d_]+)", text[e:e + 20])
        if m and m.group(1).casefold() in SPEECH_VERBS:
            return True  # "Dallas said", "Paz sagte"
        return any(lc.speech_re.match(text, e) for lc in language_cues()[0].values() if lang in (None, lc.lang))

    def _listed(self, t: _Text, ctx: DocContext, s: int, e: int) -> bool:
        """The word is an item of a list whose item right before or after it is a person."""
        text = t.text
        for y in t.spans:
            if y.end <= s and s - y.end <= 6:
                gap = text[y.end:s]
            elif y.start >= e and y.start - e <= 6:
                gap = text[e:y.start]
            else:
                continue
            if not _LIST_GAP.fullmatch(gap) or " " in text[y.start:y.end].strip():
                continue  # (after a full name a place is where that person is: "X Y, Nelson, ...")
            if y.kind in (PERSON, KNOWN) or (y.kind == KEEP and y.recognizer == "place"
                                             and text[y.start:y.end].casefold() in ctx.role_named):
                return True
        # a neighbour no span holds yet (the list of people left it to the propagation) that a role cue named
        b = _LIST_WORD_BEFORE.search(text, max(0, s - 30), s)
        a = _LIST_WORD_AFTER.match(text, e)
        return any(m is not None and m.group(1)[:1].isupper() and m.group(1).casefold() in ctx.role_named
                   and not any(x.overlaps(m.start(1), m.end(1)) for x in t.spans) for m in (b, a))

    def _kin_before(self, text: str, s: int) -> bool:
        """A kinship or respect word of address of the policy's list stands right before ``s`` ("tía ", "tio ")."""
        m = _WORD_BEFORE.search(text, max(0, s - 16), s)
        return m is not None and m.group(1).casefold() in self.cues.policy_kin

    def _lower_name_role(self, text: str, s: int, e: int, possessive: bool) -> bool:
        """Where a lower-case word accepted as a name elsewhere in the post is used as a name here: set
        off by commas as the person addressed ("nobody likes a complainer, kitty"), the subject of a
        finite verb with no article or possessive before it ("like rose is a hairdresser"), or
        owning something ("joy's name popped up"). "the rose is", "my joy was", "joy is" (opening a
        sentence: the emotion as often as the person) stay words."""
        before = text[max(0, s - 12):s]
        if re.search(r",[ \t]*$", before) and (re.match(r"[ \t]*(?:[,.!?\"”)\n]|$)", text[e:e + 3])
                                               or _pictograph_after(text, e)):
            return True
        if self._opening_vocative(text, s, e):
            return True
        if self.cues.greeting_before(text, s):
            return True  # "thank u xxx that night ...", "hi xxx": the person greeted
        if re.search(r"\b(?:call|calls|called|calling)[ \t]+(?:me|him|her|them|us)[ \t]+$", before, re.I):
            return True  # "my mum called me xxx because ...": the name someone is called
        if _BARE_OBJECT_BEFORE.search(before) and (re.match(r"[ \t]*(?:[.!?;]|,(?![^\W\d_])|$)", text[e:e + 3])
                                                   or _pictograph_after(text, e)):
            return True  # "i'm so sorry about buck.", "don't tell chase.": the whole object, no article, ending the
            # clause (a word there has its article or its noun: "about the crystal", "about diesel prices")
        if re.search(r"(?<![\w'’])and[ \t]+$", before) and re.match(r"[ \t]+and[ \t]+", text[e:e + 6]):
            return True  # "everyone and xxx and ms yyy": between "and"s in a list of people
        if re.match(r"[ \t]+(?:if[ \t]+)?(?:you|u|ur|your)\b", text[e:e + 12]) and not re.search(
                r"\b(?:the|a|an|my|your|of|with|no)[ \t]+$", before, re.I):
            return True  # the person addressed, then "you": "also dusty if you need a rec"
        if possessive and self.cues.context_after(text, e + 2, True) and not _EN_DETERMINER_BEFORE.search(before):
            return True  # "xxx's mom showed me": someone's relative, opening a sentence too
        m = _BRACKET_RELATION_AFTER.match(text, e)
        if m is not None and m.group(1).casefold() in self.cues.relations:
            return True  # "hearin xxx (the wife, ...)": a relation noun in apposition
        if not text[e:].strip(" \t\n.!)~*xX") and re.search(r"[.!?][ \t\n]*$", text[max(0, s - 4):s]):
            return True  # alone after the last sentence, closing the text: the name signing it ("... told me. xxx")
        a = _AUX_BEFORE.search(text, max(0, s - 24), s)
        if a is not None and _CLAUSE_OPENING_BEFORE.search(text, max(0, a.start() - 12), a.start()) \
                and _PARTICIPLE_AFTER.match(text, e):
            return True  # "has xxx been told", "did xxx ever say": the subject of a question
        if re.search(r"(?<![\w'’])with[ \t]+$", before) and not self.lex.only_word(text[s:e].casefold()) \
                and (re.match(r"[ \t]*(?:[.!?;]|$)", text[e:e + 3]) or _pictograph_after(text, e)
                     or re.match(r"[ \t]+from[ \t]+[a-z]", text[e:e + 8])):
            return True  # "also yes. with xxx.": the whole object of "with", ending the clause ("with summer." is the
            # season: a word the dictionary never writes as a name is left out)
        if self.cues.is_initial(text, s) or re.search(
                r"\b(?:the|a|an|my|your|his|her|our|their|this|that|some|of|with|no|any|such|what|pure|much)[ \t]+$",
                before, re.I):
            return False
        if _PRONOUN_AND_BEFORE.search(text, max(0, s - 16), s) and not _NOUN_AFTER_NAME.match(text, e) \
                and not (text[s:e].casefold() in _AUX_NAMES and re.match(r"[ \t]+[a-z]", text[e:e + 2])):
            # (not an auxiliary before its verb: "with you and will be honest")
            return True  # "me and xxx.", "fair play to ye and xxx": joined to a person by "and", no noun after
        if _PERSON_OBJECT_BEFORE.search(text, max(0, s - 12), s) and _AFTER_PERSON_OBJECT.match(text, e):
            return True  # "tell xxx thursday", "ask xxx about it", "thank xxx for": what only a person is told
        if _CAUSED_BEFORE.search(text, max(0, s - 8), s) and re.match(r"[ \t]+(?:to[ \t]+[a-z]+|know)\b", text[e:e + 12]):
            return True  # "get xxx to read it", "let xxx know"
        if _CLAUSE_OPENING_BEFORE.search(text, max(0, s - 12), s) and self._acts(text, s, e):
            return True  # "and xxx just sat there", "also xxx put in $20", "when xxx was wee"
        return possessive or self.cues.verb_after(text, e)

    def _acts(self, text: str, s: int, e: int) -> bool:
        """The word opening a clause is the subject of the verb after it. A word among the commonest of the language
        ("hope", "summer", "mark") is a subject as a word too ("summer is over", "hope keeps me going"): there only a
        verb that only a person does, or a past tense of an action, counts."""
        if not self.cues.subject_of_verb(text, e):
            return False
        r = self.lex.rank(text[s:e].casefold())
        if r is None or r >= 1000:
            return True
        m = re.match(r"[ \t]+(?:(?:just|then|also|still|never|always|finally|actually|even)[ \t]+)?([a-z]+)\b", text[e:e + 40])
        return m is not None and (m.group(1) in _ACTION_PAST or self.cues.person_verb_after(text, e + m.start(1) - 1))

    def _opening_vocative(self, text: str, s: int, e: int) -> bool:
        """A name opening a line, a chat message or a text (perhaps after an interjection: "lmao xxx", "yes xxx"), then
        what a person addressed is followed by: a comma or colon, a pictograph, "i"/"you" (the speaker turning to the
        one addressed: "xxx i asked", "xxx ur mom ..."), an interjection ("xxx yeah ...") or a word in capitals
        ("xxx WHAT."). A name that is itself an auxiliary ("will", "may") before a subject pronoun is the question
        ("will i ...")."""
        ls = text.rfind("\n", 0, s) + 1

        def opens(p: int) -> bool:
            return text[ls:p].strip(" \t\"“‘@(") == "" or chat_message_opening(text, p)
        if not opens(s):
            i = _INTERJECTION_OPENING.search(text, ls, s)
            if i is None or not opens(i.start()):
                return False
        if re.match(r"[ \t]*[,:](?:\s|$)", text[e:e + 3]) or _pictograph_after(text, e):
            return True
        m = re.match(r"[ \t]+([^\W\d_]+)", text[e:e + 24])
        if m is None:
            return False
        w = m.group(1)
        if w.isupper() and len(w) >= 2 and w != "I":
            return True
        w = w.casefold()
        if text[s:e].casefold() in _AUX_NAMES and w in _SUBJECT_PRONOUNS:
            return False
        return w in _SUBJECT_PRONOUNS or w in ("ur", "your", "yer", "yis", "youse") or w in INTERJECTIONS

    @staticmethod
    def _greeted(text: str, s: int, lang: str) -> bool:
        """The word at ``s`` is the one a greeting of the language addresses ("salut chouette,", "oi lua")."""
        lc = language_cues()[0].get(lang)
        m = lc.greet_re.search(text, max(0, s - 30), s + 40) if lc is not None else None
        while m is not None and m.start("name") < s:
            m = lc.greet_re.search(text, m.start() + 1, s + 40)
        return m is not None and m.start("name") == s

    @staticmethod
    def _exclaimed(text: str, s: int, e: int) -> bool:
        """Opens a line, alone before "!" ("Patience!!! I am ..."): the person greeted."""
        line_start = text.rfind("\n", 0, s) + 1
        return text[line_start:s].strip(" \t\"'“‘") == "" and bool(re.match(r"!+(?:\s|$)", text[e:e + 6]))

    def _mid_sentence_name(self, text: str, s: int, e: int, cf: str) -> bool:
        """An accepted name that is also a word, capitalised mid-sentence where the word would be
        written in lower case (the casing dictionary has it in lower case): "asked me who comforts
        Comfort", "being \"Patience\"". Not after an article or a capitalised word ("the Glory
        days", "Amazing Grace"), nor before another capitalised word ("Memory Lane")."""
        cues = self.cues
        if not self.lex.dictionary_word(cf) or self.lex.proper_noun(cf) or cues.is_initial(text, s):
            return False
        if cues.in_title_phrase(text, s) or re.match(r"[ \t]+[A-Z]", text[e:e + 2]):
            return False
        return not re.search(r"\b(?:the|a|an|this|that|these|those|some|any|no|of)[ \t]+$", text[max(0, s - 7):s], re.I)

    def _wordlike(self, cf: str, ctx: DocContext) -> bool:
        """A name that is also a common word: among the commonest words, on the policy's list of
        given names that are words, or written in lower case somewhere in the post."""
        r = self.lex.rank(cf)
        return r is not None and (r < SOFT_RANK or self.cues.wordlike(cf, ctx))

    def _name_role(self, text: str, s: int, e: int) -> bool:
        cues = self.cues
        if cues.name_cue(text, s, e) or cues.signoff(text, s, e) or cues.relation_before(text, s) \
                or cues.verb_after(text, e) or cues.subject_of_verb(text, e) or verb_object_after(cues, text, e) \
                or re.match(r" [A-Z][a-z]+", text[e:e + 3]) and \
                self.lex.is_surname(re.match(r" ([A-Z][\w'’-]*)", text[e:e + 30]).group(1)):
            return True  # ... or a surname follows: "Will Okafor"
        m = _FROM_PLACE_AFTER.match(text, e)
        if m is not None and knowledge().is_place(m.group(1)):
            return True  # "Xxx from Leeds again": a person said with where they are from, as a commenter signs
        if not text[e:].strip(" \t\n.!)~*xX") and re.search(r"[.!?][ \t]*$", text[max(0, s - 4):s]):
            return True  # alone after the last sentence, closing the text: the name signing it ("... . Wren")
        if _LAST_LINE_ALONE.match(text, e) and re.search(r"\n[ \t]*$", text[max(0, s - 4):s]):
            return True  # alone on the last line, perhaps with a symbol or two: the name signing the text ("Wren ✝️")
        if cues.is_initial(text, s) and cues.addressed_opening(text, e, text[s:e].casefold()):
            return True
        if re.match(r"\s+and\s+(?:I|me)\b", text[e:e + 10]) or re.search(r"\b(?:with|to|told|asked|and)\s+$",
                                                                         text[max(0, s - 8):s]):
            return not re.match(r"\s+[A-Za-z]", text[e:e + 2]) or bool(re.match(r"\s+(?:and|or|but|is|was|said|says|told)\b",
                                                                                  text[e:e + 8]))
        return False

    # ---- replacement -------------------------------------------------------------------------------

    def _replace(self, d: _Doc, report: AnonymiseReport) -> None:
        numbers: dict[str, int] = {}
        aliases: dict[str, str] = {}  # single name token -> key of a longer name seen first

        def number(key: str) -> int:
            k = aliases.get(key, key)
            if k not in numbers:
                numbers[k] = len(numbers) + 1
                parts = k.split()
                if len(parts) > 1:
                    for p in parts:
                        if len(p) > 1:
                            aliases.setdefault(p, k)
            return numbers[k]

        for t in d.texts:
            if not t.spans:
                continue
            out: list[str] = []
            pos = 0
            english = _language(t, d) in (None, "en")
            for sp in resolve(t.spans):
                if sp.kind not in REPLACED:
                    continue
                if english and sp.kind in (PERSON, KNOWN):
                    sp = self._with_particles(t.text, sp, pos)
                out.append(t.text[pos:sp.start])
                out.append(self._placeholder(sp, number))
                report.counts[f"replaced_{sp.kind}"] += 1
                pos = sp.end
            if pos:
                out.append(t.text[pos:])
                setattr(t.obj, t.attr, "".join(out))

    def _with_particles(self, text: str, sp: Span, floor: int) -> Span:
        """A surname found without the particles written before it goes with them: Afrikaans and Dutch
        surnames take "van der", "du", "le", "de", "janse van" inside the name, in lower case after a
        given name or title and capitalised alone ("Mev. du Plessis", "Van der Walt", "janse van Tonder");
        and a given name of the lexicons right before the particles is that person's ("ruan du Toit")."""
        if not text[sp.start:sp.start + 1].isalpha():
            return sp
        a = _PARTICLES_AFTER.match(text, sp.end)
        e = a.end() if a and (self.lex.rank(a.group(1).casefold()) or 10 ** 6) >= 1000 else sp.end
        p = _PARTICLES_BEFORE.search(text, max(floor, sp.start - 20), sp.start)
        if p and not _DUTCH_PARTICLE.match(p.group(0)) and not (
                text[sp.start].isupper() and (p.group(0)[0].isupper() or _CAP_WORD_BEFORE.search(text, max(0, p.start() - 30), p.start()))):
            p = None  # a Romance article or preposition ("la", "le", "de") goes only between capitals ("Anna de Wet")
        if not p:
            return sp if e == sp.end else Span(sp.start, e, sp.kind, sp.key, sp.recognizer, sp.score, sp.reason)
        s = p.start()
        g = _WORD_BEFORE_PARTICLES.search(text, max(floor, s - 24), s)
        if g:
            cf = g.group(1).casefold()
            if self.lex.is_first_name(cf) and (self.lex.rank(cf) or 10 ** 6) >= 5000 and cf not in self.cues.titles:
                s = g.start(1)
        return Span(s, e, sp.kind, sp.key, sp.recognizer, sp.score, sp.reason)

    def _placeholder(self, sp: Span, number) -> str:
        ph = self._ph
        if sp.kind == EMAIL:
            return ph.email
        if sp.kind == URL:
            return ph.url
        if sp.kind == PHONE:
            return ph.phone
        if sp.kind == POST_AUTHOR:
            return ph.post_author
        if sp.kind == KNOWN:
            return ph.known.format(pseudonym=sp.key)
        return ph.person.format(n=number(sp.key))


# first letters whose case-insensitive classes are disjoint (ASCII and Latin-1 lower case): names
# starting with them may be grouped by that letter without changing what the pattern matches
_GROUPABLE = frozenset("abcdefghijklmnopqrstuvwxyz" + "".join(chr(c) for c in range(0xDF, 0x100) if c != 0xF7))


# the list item right before or after a word ("Xx, <word>", "<word>, Yy")
_LIST_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]*,[ \t]*$")
_LIST_WORD_AFTER = re.compile(r"[ \t]*,[ \t]*([^\W\d_][\w'’-]*)(?![\w'’-])")
# after a lower-case name opening a text, the writer talks to that person ("xxx i am not laughing", "xxx you were right")
_ADDRESSED_OPENING = re.compile(r"[ \t]+(?:i|i['’]m|im|you|u|ur|your)\b")
# the rest of the text after a name is only symbols, kisses or emoji (no word): the name stands alone on the last line
_LAST_LINE_ALONE = re.compile(r"[ \t]*(?:[^\w\s]|[xX](?![\w]))*[ \t]*\s*$")


# a preposition or verb whose object is a person the post has named ("sorry about xx.", "tell xx.", "thank xx!")
# a relation noun in brackets after the name: "xxx (the wife, ...)", "xxx (my cousin)"
_BRACKET_RELATION_AFTER = re.compile(r"[ \t]*\((?:the|my|his|her|our|their|me)[ \t]+([a-z]+)\b")
# an auxiliary opening a question before the name, and a participle or "ever" after it: "has xxx been told"
_AUX_BEFORE = re.compile(r"(?<![\w'’])(?:has|have|had|did|does|is|was|will|would|can|could)[ \t]+$", re.I)
_PARTICIPLE_AFTER = re.compile(r"[ \t]+(?:been|ever|already|never|actually|even|told|said|seen|heard|asked|got|gotten|"
                               r"done|gone|tried|[a-z]+ed)\b")
# a person joined by "and" right before: "me and xxx", "ye and xxx"
_PRONOUN_AND_BEFORE = re.compile(r"(?<![\w'’])(?:me|ye|you|u|him|her|us|them|myself)[ \t]+(?:and|&|n)[ \t]+$", re.I)
# a lower-case word right after the name: "me and xxx family" makes the name a modifier of the noun
_NOUN_AFTER_NAME = re.compile(r"[ \t]+(?!(?:and|or|but|is|was|are|were|has|had|have|will|would|said|says|told|just|are|"
                              r"went|got|then|so|too|both|were|i|me|we|us|it|its|it's)\b)[a-z]{3,}\b")
# verbs whose object is a person told, asked or thanked (no determiner between: "tell the truth" has one)
_PERSON_OBJECT_BEFORE = re.compile(r"(?<![\w'’])(?:tell|told|ask|asked|thank|thanked|text|texted|remind|reminded|"
                                   r"message|messaged|dm|dmed|email|emailed|ring|rang|phone|phoned)[ \t]+$", re.I)
# ... and what may follow that person: the clause's end, a pictograph, or a word that starts what they are told or
# asked ("tell xxx from her", "ask xxx about it", "tell xxx thursday", "thank xxx for")
_AFTER_PERSON_OBJECT = re.compile(r"[ \t]*(?:[.,!?;:)\n]|$)|[ \t]+(?:to|from|about|that|if|whether|when|what|how|for|"
                                  r"i|u|you|we|today|tonight|tomorrow|now|too|again|monday|tuesday|wednesday|"
                                  r"thursday|friday|saturday|sunday)\b|[ \t]+[^\w\s]")
# a causative verb: "get xxx to read it", "let xxx know"
_CAUSED_BEFORE = re.compile(r"(?<![\w'’])(?:get|got|make|made|let|help|helped)[ \t]+$", re.I)
# where a clause opens in running text: a sentence's start, a conjunction or "also"
_CLAUSE_OPENING_BEFORE = re.compile(r"(?:^|[.!?;:][ \t]+|\n[ \t]*|(?<![\w'’])(?:and|but|so|also|when|then|bc|because|cos|"
                                    r"cause|coz|cuz|if|til|until|while|since|before|after)[ \t]+)$", re.I)
# past tenses of actions (no copula or auxiliary: "summer was over" is the season)
_ACTION_PAST = frozenset({"sent", "put", "paid", "gave", "took", "went", "came", "bought", "brought", "drove", "ran",
                          "sat", "stood", "talked", "walked", "texted", "cried", "laughed", "smiled", "called", "asked",
                          "told", "said", "met", "left", "showed", "wrote", "read"})
_SUBJECT_PRONOUNS = frozenset({"i", "i'm", "i’m", "im", "u", "you", "we", "ye", "they", "he", "she", "it"})
# names that are auxiliaries: before a subject pronoun they ask a question ("will i ...", "may we ...")
_AUX_NAMES = frozenset({"will", "may", "can", "might", "must", "shall", "should", "could", "would", "did", "does"})
# an interjection opening a line before the name: "lmao xxx", "yes xxx", "aw xxx"
_INTERJECTION_OPENING = re.compile(r"(?<![\w'’])(?:lmao|lol|omg|yes|yeah|ok|okay|aw|aww|awww|oh|ooh|haha|hahaha|ugh|wait|"
                                   r"hi|hey|hiya|also|and)[ \t,!]+$", re.I)


def _pictograph_after(text: str, e: int) -> bool:
    """A pictograph (an emoji) right after the word, perhaps after blanks: "thank u xxx 🥲"."""
    m = re.match(r"[ \t]*(\S)", text[e:e + 8])
    return m is not None and unicodedata.category(m.group(1)) == "So"


_BARE_OBJECT_BEFORE = re.compile(r"(?<![\w'’])(?:about|for|tell|told|thank|thanks|miss|missing|hug|text|call)[ \t]+$", re.I)


def names_alternation(names) -> str:
    """The case-insensitive alternation of accepted names, longest first, "ss" also matching "ß":
    ``"|".join(re.escape(n).replace("ss", "(?:ss|ß)") for n in longest first)``, grouped by first
    letter when that is exact (see :data:`_GROUPABLE`; no name starting with "ss"). The regex
    engine then tries ~20 letters at a word start instead of every name of the post (hundreds in
    a long thread)."""
    ordered = sorted(names, key=len, reverse=True)
    flat = [re.escape(n).replace("ss", "(?:ss|ß)") for n in ordered]
    if not ordered or any(not n or n[0] not in _GROUPABLE or n.startswith("ss") for n in ordered):
        return "|".join(flat)
    groups: dict[str, list[str]] = {}
    for n, f in zip(ordered, flat):
        groups.setdefault(n[0], []).append(f[1:])
    return "|".join(h + "(?:" + "|".join(rest) + ")" for h, rest in groups.items())


# the particles of an Afrikaans or Dutch surname right before its main word, any case ("van der ", "Du ",
# "janse van "): part of the surname in English text
_PARTICLES_BEFORE = re.compile(r"(?<![\w'’.-])(?:(?:janse|jansen)[ \t]+)?(?:van[ \t]+der|van[ \t]+den|van[ \t]+de|von[ \t]+der"
                               r"|de[ \t]+la|van|von|de|du|le|la|des|ter|ten)[ \t]+$", re.I)
# the same particles and the surname's main word right after a name ("ruan janse van tonder", "Elna du Toit")
_PARTICLES_AFTER = re.compile(r"[ \t]+(?:(?:janse|jansen)[ \t]+)?(?:van[ \t]+der|van[ \t]+den|van[ \t]+de|von[ \t]+der"
                              r"|de[ \t]+la|van|von|de|du|le|la|des|ter|ten)[ \t]+([^\W\d_]{2,}(?:-[^\W\d_]+)?)(?![\w'’-])",
                              re.I)
# particles that are no article or preposition of French, Spanish, Italian or Irish text
_DUTCH_PARTICLE = re.compile(r"(?i)(?:janse|jansen|van|von|ter|ten)\b")
_CAP_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*[ \t]+$")
_WORD_BEFORE_PARTICLES = re.compile(r"(?<![\w'’.-])([^\W\d_]{2,})[ \t]+$")
# an English article or determiner right before a word: it is a thing there, not a person
_EN_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:the|a|an|this|that|these|those|some|every|each)[ \t]+$", re.I)


def _language_word(cf: str, lang: str | None, kind: str) -> bool:
    """``cf`` is one of the words of ``kind`` ("determiners", "greetings", ...) of ``lang``'s cue table."""
    lc = language_cues()[0].get(lang or "")
    return lc is not None and cf in getattr(lc, kind)


def _after_determiner(text: str, s: int, lang: str) -> bool:
    return _after_word(text, s, lang, "determiners")


def _opens_formula(text: str, s: int, e: int, lang: str) -> bool:
    """The word at [s, e) and the next make a greeting or closing of the language ("Lieve groeten")."""
    m = re.match(r"[ \t]+([^\W\d_]+)", text[e:e + 30])
    if not m:
        return False
    lc = language_cues()[0][lang]
    cf, nxt = text[s:e].casefold(), m.group(1).casefold()
    formula = lc.closings | lc.greetings
    return f"{cf} {nxt}" in formula or (cf in formula and any(f.split()[0] == nxt for f in formula))


def _after_word(text: str, s: int, lang: str, table: str) -> bool:
    """The word right before ``s`` is in the language's cue table ``table`` (articles, prepositions)."""
    m = re.search(r"([^\W\d_]+['’]?)[ \t]*$", text[max(0, s - 20):s].lower())
    dets = getattr(language_cues()[0][lang], table)
    return bool(m) and (m.group(1).replace("’", "'") in dets or m.group(1).rstrip("'’") in dets)


def _site(post: Post | None, comments: list[Comment]) -> str:
    """The site a display-name pseudonym is scoped to: the post's host, else its site label, else
    its source."""
    if post is not None:
        if post.url:
            host = url_host(post.url)
            if host:
                return host
        if post.site:
            return post.site
        return post.source_id
    return comments[0].source_id if comments else ""
