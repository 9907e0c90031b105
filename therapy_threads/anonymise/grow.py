"""Growing a person's name found in part to the whole name, after all recognizers ran.

Two shapes of names the word lists cannot see as one name:

- the official form with the SURNAME first in capitals, then the given names ("TANOH Kessé Jean-Luc"), as
  administrative lists and francophone West and Central Africa write it: a given name was found, and the
  capitalised words before it (the other given names, often of no list) and the all-capitals word before them
  belong to the same name;
- a surname that is a phrase of English words after a given name ("Marlon Little Eagle", "Norma Her Many Lances"),
  as many Native American families in the United States and Canada bear: capitalised English words right after a
  found given name, in a sentence that is not written in title case, ending in a word that is no function word.

Names of people here are synthetic."""
from __future__ import annotations

import re

from .knowledge import knowledge
from .spans import KEEP, PERSON

_CAPS_WORD = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ]{2,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?)[ \t]+$")
# the particles that open a surname, written in capitals with it in the official form: Berber "Ait"/"Ath" (sons
# of), "Ou"/"U" (son of), Arabic "Ben"/"Bel"/"Bou" (son of, father of) and the article "El"/"Al"; Romance "De",
# "Da", "Dos", "Del"; Dutch "Van", "Ter" ("AIT X Given", "BEN X Given", "DE X Given", "VAN X Given")
CAPS_PARTICLES = frozenset({"AIT", "AÏT", "ATH", "OU", "BEN", "BEL", "BOU", "EL", "AL", "ABD",
                            "DE", "DA", "DO", "DOS", "DAS", "DEL", "DI", "DU", "LA", "LE", "VAN", "TER", "TEN"})
_CAPS_PARTICLE_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ]{2,3})[ \t]+$")
_CAP_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)[ \t]+$")
_CAP_WORD_AFTER = re.compile(r"^[ \t]+([A-Z][a-z]+)(?![\w'’-])")
_FREQUENT = 200
GROWN = "; grown to the whole name"
# the languages of administrations that write the surname first in capitals (francophone Africa, Belgium, France)
_CAPS_FIRST_LANGS = frozenset({"fr", "nl", "pt", "es", "it", "en"})
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:a|an|the|some|of)[ \t]+$", re.I)
_LOWER_OR_END = re.compile(r"^(?:[ \t]*(?:$|[^\w \t])|[ \t]+[a-z])")


_THREE_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ]{3}")


def official_form_possible(text: str) -> bool:
    """The text may hold an official name with the surname in capitals, even where no recognizer found a part."""
    return _THREE_CAPITALS.search(text) is not None and (
        _CAPS_FIRST.search(text) is not None or (", " in text and _CAPS_COMMA.search(text) is not None)
        or _CAPS_RUN.search(text) is not None)


def grow_persons(t, cues) -> None:
    """Widen the PERSON spans of ``t`` in place where the words around them are the rest of the name."""
    # every match of _CAPS_FIRST, _CAPS_COMMA and _CAPS_RUN holds three capitals of _THREE_CAPITALS' class in a row
    # (the surname's ``{3,}``): one scan of that class decides all three for most texts, whose capitals stand alone
    # or in twos ("I", "My", "TV"); each of the three tries its look-behind at every position (~20 µs a comment)
    if _THREE_CAPITALS.search(t.text) is not None:
        if t.lang in _CAPS_FIRST_LANGS and _CAPS_FIRST.search(t.text):
            caps_first_names(t, cues)
        if t.lang in _CAPS_FIRST_LANGS and ", " in t.text:
            caps_comma_names(t, cues)
        if _CAPS_RUN.search(t.text):
            caps_run_names(t, cues)
    for sp in list(t.spans):
        if sp.kind != PERSON:
            continue
        s = _caps_first(t, cues, sp.start)
        e = sp.end
        if t.lang == "en" and not _ARTICLE_BEFORE.search(t.text, max(0, sp.start - 8), sp.start):
            e = _phrase_surname(t, cues, sp.start, sp.end)  # (not after an article: "a bag of Xx Jam Jams" is a product)
        if t.lang == "en":
            _surname_after_nickname(t, cues, sp)
        if (s, e) != (sp.start, sp.end):
            t.spans[:] = [x for x in t.spans if x is sp or not (x.kind == KEEP and x.start >= s and x.end <= e)]
            t.taken[s:e] = b"\x01" * (e - s)
            sp.start, sp.end = s, e
            sp.key = re.sub(r"\s+", " ", t.text[s:e]).casefold()
            sp.reason += GROWN


# a nickname in brackets after a given name, then the surname: "Maria (Mimi) Sequeira"
_NICK_SURNAME = re.compile(r"^[ \t]*\(([A-Z][a-z]+)\)[ \t]+([A-Z][a-z][\w'’-]*)(?![\w'’-])")
# ... where the nickname was found: "Maria (Mimi) Sequeira" from "Mimi"
_SURNAME_AFTER_BRACKET = re.compile(r"^()\)[ \t]+([A-Z][a-z][\w'’-]*)(?![\w'’-])")
_GIVEN_BRACKET_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+[ \t]*\($")


def _surname_after_nickname(t, cues, sp) -> None:
    """The surname after a found given name and the nickname in brackets after it ("Maria (Mimi) Sequeira"), or after
    a found nickname in brackets after a given name: a capitalised word that is a surname of the lists or no word, where no rule decided it (or only as a place)."""
    from .spans import Span

    m = _NICK_SURNAME.match(t.text[sp.end:sp.end + 60])
    if m is None and _GIVEN_BRACKET_BEFORE.search(t.text, max(0, sp.start - 30), sp.start):
        m = _SURNAME_AFTER_BRACKET.match(t.text[sp.end:sp.end + 40])
    if m is None:
        return
    a, b = sp.end + m.start(2), sp.end + m.end(2)
    cf = m.group(2).casefold()
    if not (t.free(a, b) or _lone_place(t, a, b)) or cf in cues.not_names or cf in cues.titles \
            or not (cues.lex.is_surname(cf) or cues.lex.rank(cf) is None):
        return
    t.spans[:] = [x for x in t.spans if not (x.kind == KEEP and x.start >= a and x.end <= b)]
    t.taken[a:b] = b"\x01" * (b - a)
    t.spans.append(Span(a, b, PERSON, f"{sp.key} {cf}", sp.recognizer, sp.score,
                        "the surname after a given name and a nickname in brackets" + GROWN))


# an all-capitals word, then one to three capitalised words: "TANOH Kessé Jean-Luc", "YAPO Awa"
_CAPS_FIRST = re.compile(r"(?<![\w'’-])(?:(?P<particle>[A-ZÀ-ÖØ-Þ]{2,3})[ \t]+)?(?P<surname>[A-ZÀ-ÖØ-Þ]{3,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?)(?P<given>(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
                         r"(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?){1,3})(?![\w'’-])")


def caps_first_names(t, cues) -> None:
    """Official names written surname first in capitals where no recognizer found a part: the last capitalised
    word is a given name of the lists (any language), so the whole is "SURNAME Given Given"."""
    from .spans import Span

    for m in _CAPS_FIRST.finditer(t.text):
        last = m.group("given").split()[-1]
        particle = m.group("particle") in CAPS_PARTICLES
        start = m.start() if particle else m.start("surname")  # (a word in capitals before, no particle: not taken)
        # (after a particle of surnames, a given name of no list too: "AIT X Tafsut")
        if not t.free(start, m.end()) or not (cues.any_given_name(last.casefold()) or particle and cues.lex.rank(
                last.casefold()) is None and cues.lex.lang_rank(last.casefold(), t.lang) is None):
            continue
        if _caps_first(t, cues, m.start("given") + len(m.group("given")) - len(m.group("given").lstrip())) != start:
            continue  # (the same tests as growing a found name: no acronym, no word, no line in capitals)
        sp = Span(start, m.end(), PERSON, re.sub(r"\s+", " ", t.text[start:m.end()]).casefold(), "caps_first", 0.7,
                  "an official name, the surname first in capitals" + GROWN)
        t.claim(sp)


# the official form of Peru and other Latin-American registries (DNI, lists of results): the surnames in capitals, a
# comma, then the given names ("QUISPE HUAMANI, Rosa Elvira"); quoted in straight single quotes too ("decía 'X Y, Z'":
# an apostrophe only after a letter, "d'ABC")
_VOWEL = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]")
_CAPS_COMMA = re.compile(r"(?<![\w’-])(?<!\w')([A-ZÀ-ÖØ-Þ]{3,}(?:[ \t]+(?:DE[ \t]+(?:LA[ \t]+|LOS[ \t]+)?|DEL[ \t]+)?[A-ZÀ-ÖØ-Þ]{2,}){0,2}),"
                         r"[ \t]+([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+){0,3}(?:[ \t]+[A-ZÀ-ÖØ-Þ]\.)?"
                         # (or the given names in capitals too, a middle initial after them: "X Y, GIVEN E.")
                         r"|[A-ZÀ-ÖØ-Þ]{2,}(?:[ \t]+[A-ZÀ-ÖØ-Þ]{2,}){0,2}(?:[ \t]+[A-ZÀ-ÖØ-Þ]\.)?)(?![\w’-])(?!'\w)")


def caps_comma_names(t, cues) -> None:
    """Official names written "SURNAME SURNAME, Given Given": a given name of the lists after the comma, surnames
    in capitals that are no word (or surnames of the lists) before it. Taken whole, over what the recognizers read
    inside it (a part found as a person, the given names kept as a quoted title)."""
    from .spans import Span

    lex = cues.lex
    for m in _CAPS_COMMA.finditer(t.text):
        givens = m.group(2).split()
        if not any(cues.any_given_name(g.casefold()) for g in givens) and not (
                len(givens) >= 2 and re.fullmatch(r"[A-Z]\.", givens[-1]) and givens[0][1:].islower()
                and all(lex.is_surname(w.casefold()) for w in m.group(1).split())):
            continue  # (a given name no list holds, with a middle initial after a listed surname: "X, Gwenllian M.")
        if m.group(2).isupper() and _shouted(t.text[:m.start()] + t.text[m.end():], m.start()):
            continue  # (the rest of the) line in capitals: shouting, not a name written surname first
        caps = [w for w in m.group(1).split() if w not in ("DE", "LA", "LOS", "DEL")]
        if any(len(w) < 3 or not _VOWEL.search(w) or w.casefold() in cues.acronyms
               or ((lex.rank(w.casefold()) is not None or lex.lang_rank(w.casefold(), t.lang) is not None)
                   and not lex.is_surname(w.casefold())) for w in caps):
            continue  # an acronym or a word in capitals ("URGENTE, Maria") is no surname
        if len(caps) == 1 and not lex.is_surname(caps[0].casefold()) and not (
                len(caps[0]) >= 5 and len(_VOWEL.findall(caps[0])) >= 2 and lex.rank(caps[0].casefold()) is None):
            continue  # one word in capitals of no surname list: an acronym more likely ("au ABCD, Xx"); a long
            # word of two syllables or more that is no word is a surname the lists lack ("ACKROYD, Beverley Ann")
        s, e = m.span()
        inside = [x for x in t.spans if x.start < e and x.end > s]
        if any(x.start < s or x.end > e or x.kind not in (PERSON, KEEP) for x in inside):
            continue
        gone = {id(x) for x in inside}
        t.spans[:] = [x for x in t.spans if id(x) not in gone]
        t.taken[s:e] = b"\x00" * (e - s)
        t.claim(Span(s, e, PERSON, re.sub(r"\s+", " ", m.group(0)).casefold(), "caps_first", 0.7,
                     "an official name, the surnames in capitals, a comma, the given names" + GROWN))


# the official form all in capitals: the surname (one or two), then given names, perhaps an initial ("ROSSI GIULIA",
# "GARZA TREVIÑO ANA PAOLA", "ABERNATHY RUTH M"), as receipts, cards and insurers' letters print it
_CAPS_RUN = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ]{3,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?(?:[ \t]+[A-ZÀ-ÖØ-Þ]{2,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?){1,3})"
                       r"(?:[ \t]+[A-Z]\.?)?(?![\w'’-])")


def caps_run_names(t, cues) -> None:
    """Official names all in capitals, surname first: the words after the first one or two are given names of the
    lists (names-dataset, any country), the first are surnames of the lists or rare words or none, no acronym, on a
    line not otherwise written in capitals."""
    from .spans import Span

    lex = cues.lex
    for m in _CAPS_RUN.finditer(t.text):
        words = m.group(1).split()
        s, e = m.span()
        inside = [x for x in t.spans if x.start < e and x.end > s]
        if any(x.start < s or x.end > e or x.kind not in (PERSON, KEEP) for x in inside) \
                or _shouted(t.text[:s] + t.text[e:], s):
            continue  # (a part read as a name or a place is the official name's: taken whole below)

        def surname_like(w: str) -> bool:
            cf = w.casefold()
            if len(cf) < 3 or not _VOWEL.search(w) or cf in cues.acronyms:
                return False
            ranks = [r for r in (lex.rank(cf), lex.lang_rank(cf, t.lang)) if r is not None]
            return lex.is_surname(cf) or all(r >= 20000 for r in ranks)

        for j in (1, 2):
            if j < len(words) and all(surname_like(w) and not cues.any_given_name(w.casefold()) for w in words[:j]) \
                    and all(cues.any_given_name(w.casefold()) and _VOWEL.search(w) for w in words[j:]):
                gone = {id(x) for x in inside}
                t.spans[:] = [x for x in t.spans if id(x) not in gone]
                t.taken[s:e] = b"\x00" * (e - s)
                t.claim(Span(s, e, PERSON, re.sub(r"\s+", " ", m.group(0)).casefold(), "caps_first", 0.7,
                             "an official name all in capitals, the surname first, then given names" + GROWN))
                break


def _shouted(text: str, s: int) -> bool:
    """The line around ``s`` is written mostly in capitals."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", s)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return sum(map(str.isupper, line)) > sum(map(str.islower, line))


def _caps_first(t, cues, s: int) -> int:
    """The start of an all-capitals surname before the given names ending at ``s``, or ``s``."""
    text, k, lex = t.text, knowledge(), cues.lex
    line_start = text.rfind("\n", 0, s) + 1
    if _shouted(text, s):
        return s  # a line in capitals: shouting, not a name written surname first
    a = s
    for _ in range(2):  # other given names, of no list or of the lists: "Kessé", "Kouadio"
        m = _CAP_WORD_BEFORE.search(text, line_start, a)
        if not m or not (t.free(m.start(1), m.end(1)) or _lone_place(t, m.start(1), m.end(1))):
            break
        cf = m.group(1).casefold()
        if k.is_place(m.group(1)) or (lex.rank(cf) is not None and not (cues.any_given_name(cf) or lex.is_surname(cf))):
            break
        a = m.start(1)
    m = _CAPS_WORD.search(text, line_start, a)
    if not m or not (t.free(m.start(1), m.end(1)) or _lone_place(t, m.start(1), m.end(1))):
        return s
    word = m.group(1)
    cf = word.casefold()
    if len(word.replace("-", "")) < 3 or (
            (lex.rank(cf) is not None or lex.lang_rank(cf, t.lang) is not None)
            and not lex.is_surname(cf) and not cues.any_given_name(cf)):
        return s  # an acronym ("CHU", "IHS") or a word in capitals ("MERCI") is no surname
    p = _CAPS_PARTICLE_BEFORE.search(text, line_start, m.start(1))
    if p and p.group(1) in CAPS_PARTICLES and t.free(p.start(1), p.end(1)):
        return p.start(1)  # "AIT X Given": the particle is part of the surname
    return m.start(1)


def caps_surname_before(text: str, s: int, lang: str | None, lex, taken) -> int:
    """The start of a surname in capitals right before an all-capitals given name at ``s`` ("MURA BONARIA", the given
    name known from elsewhere in the post), or ``s``: a word of three letters or more that is a surname of the lists
    or no word, on a line not written in capitals, where ``taken(a, b)`` says no span holds it."""
    line_start = text.rfind("\n", 0, s) + 1
    m = _CAPS_WORD.search(text, line_start, s)
    if m is None or _shouted(text, s) or taken(m.start(1), m.end(1)):
        return s
    cf = m.group(1).casefold()
    if len(cf.replace("-", "")) < 3 or not _VOWEL.search(m.group(1)) or (
            (lex.rank(cf) is not None or lex.lang_rank(cf, lang) is not None) and not lex.is_surname(cf)):
        return s
    return m.start(1)


def _phrase_surname(t, cues, s: int, e: int) -> int:
    """The end of a surname of English words after the name found at [s, e), or ``e``. The words before the
    name, not inside it, say whether the line is in title case (a found "Given Surname" is two capitals itself)."""
    text, lex, k = t.text, cues.lex, knowledge()
    before = text[max(0, s - 40):s]
    words: list[tuple[int, int]] = []
    pos = e
    while len(words) < 3:
        m = _CAP_WORD_AFTER.match(text[pos:pos + 40])
        if not m:
            break
        words.append((pos + m.start(1), pos + m.end(1)))
        pos += m.end()
    while words:
        end = words[-1][1]
        surface = [text[a:b] for a, b in words]
        last = surface[-1].casefold()
        ok = (_LOWER_OR_END.match(text[end:end + 3]) is not None
              and all(t.free(a, b) or _lone_place(t, a, b) for a, b in words)
              # (the most frequent words are function words and verbs: "Marlon Little Eagle", not "Marlon Has")
              and (lex.rank(last) or 0) >= _FREQUENT and last not in cues.not_names and last not in cues.titles
              and last not in cues.greet1 and last not in cues.closings
              and all(lex.rank(w.casefold()) is not None and not lex.proper_noun(w.casefold()) for w in surface)
              and not k.is_place(" ".join(surface))
              and not _title_case_before(before))
        if ok:
            return end
        words.pop()
    return e


def _lone_place(t, a: int, b: int) -> bool:
    """The word [a, b) is kept only as a place of the gazetteer on its own ("Eagle", a town): inside a surname
    of English words it is a word of the surname."""
    return any(x.kind == KEEP and x.recognizer == "place" and (x.start, x.end) == (a, b) for x in t.spans) and all(
        x.kind == KEEP and x.start >= a and x.end <= b for x in t.spans if x.overlaps(a, b))


def _title_case_before(before: str) -> bool:
    """The words before the name are capitalised too (a heading in title case), so capitals say nothing."""
    ws = re.findall(r"[^\W\d_]+", before)
    return len(ws) >= 2 and all(w[:1].isupper() for w in ws[-2:])
