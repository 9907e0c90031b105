"""The one place that decides what a byline is: the line a board, review site, Q&A site or microblog writes over
each post, naming its poster. Both the recognizer that removes the poster's name and the one that keeps the
authors of works ("a book by X", "X's memoir") ask :func:`byline_who`, so "by X" is read one way only.

The evidence is the line's shape, not its words: the name opens the line (after stars, a "message N:" counter or
one word for the post, and the language's "by"), and the rest of the line is the site's furniture, a bullet or a
dash and then counters, dates or times, or a role in brackets:

    message 4: by X · 21 likes              Antwort von X · 29.11.2026, 23:05       Kommentar von X (Fragesteller/in)
    by X - Wednesday, 3 December 2026       X · 2 g          X (OP) · 2 dni temu · +188      ★★★★★ X · cliënt van Y · 2 jaar

"a book by X" or "recommended by X" never opens a line that way (two words or more before "by", no counter after),
so the authors under discussion stay.
"""
from __future__ import annotations

import re
from functools import lru_cache

# one token of a display name: a word or a handle ("Rucha", "D.", "kashi.in.shillong", "Bergseeli77", "Nenè_Napoli",
# "West-Vlaamse"); a token that starts with a digit is a counter, not a name
_TOKEN = r"[^\W\d_][\w.'’&-]*"
# the name and what follows it: a role in brackets, then a bullet with the site's counters and dates, or a dash and
# a dated tail ("- Wednesday, 3 December 2026"), or nothing
_WHO_TAIL = re.compile(r"(?P<who>" + _TOKEN + r"(?:[ \t]" + _TOKEN + r"){0,5}?)"
                       r"(?P<role>[ \t]*\([^()\n]{1,60}\))?"
                       r"(?P<rest>[ \t]+[·•|][ \t][^\n]*|[ \t]+[-–—][ \t]+[^\n]*|[ \t]*)$")
_STARS = re.compile(r"[ \t]*(?:[★☆✩✪⭐]+[ \t]*)?")
_COUNTER = re.compile(r"#?\d{1,6}:?")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=None)
def weekdays(lang: str | None) -> frozenset[str]:
    """The names of the weekdays in ``lang`` and English, full and abbreviated, case-folded (CLDR via Babel)."""
    from babel import Locale, UnknownLocaleError

    out: set[str] = set()
    for code in {"en", lang or "en"}:
        try:
            loc = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                out |= {d.casefold().rstrip(".") for d in loc.days[ctx][width].values()}
    return frozenset(out)


def _dated(rest: str, lang: str | None) -> bool:
    """The tail after a dash is a date: a weekday of the language (CLDR), or a digit."""
    m = re.match(r"[ \t]+[-–—][ \t]+([^\W\d_]{2,})", rest)
    return bool(_DIGIT.search(rest)) or (m is not None and m.group(1).casefold() in weekdays(lang))


def byline_matches(text: str, lang: str | None, cues, fields: frozenset = frozenset()) -> list[tuple[int, int]]:
    """The spans of the posters' display names in ``text``'s bylines (see the module's docstring), whole: a
    display name given with where the poster is from ("X aus Zug", "X da Jesi", "X uit Breda") is one name.
    ``cues``: the policy's cue words and lexicons (:class:`.detect.Cues`), which say what a function word is.
    ``fields``: the page's place fields (:func:`place_fields`); where a line has one, its place is the site's
    furniture and stays out of the name ("Reactie van X uit Grou" on a news site that prints every reader's town)."""
    out: list[tuple[int, int]] = []
    ls = 0
    n = len(text)
    first = True
    while ls <= n:
        le = text.find("\n", ls)
        if le < 0:
            le = n
        if 3 <= le - ls <= 160:  # (a byline is short; a line of prose is not read)
            found = _in_line(_without_field(text, ls, le, fields) if fields else text, ls, le, lang, cues, first)
            if found is not None and found[0] < found[1]:
                out.append(found)
        first = False
        ls = le + 1
    return out


# the post bar of vBulletin-style boards (Flashback, Bakfickan-like forums): the post's number, its date and time, then
# the poster's name closing the line, perhaps with the board's badge ("#12 · 2026-11-28, 23:10 · X (TS)")
_NUMBERED_BAR = re.compile(r"[ \t]*#\d{1,6}[ \t]+[·•|][ \t]+[^\n·•|]*\d[^\n·•|]*[ \t]+[·•|][ \t]+"
                           r"(?P<who>" + _TOKEN + r"(?:[ \t]" + _TOKEN + r"){0,3}?)(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*$")


# where a byline's furniture begins: a bullet, or a dash between blanks
_FURNITURE = re.compile(r"[ \t]*[·•|][ \t]|[ \t]+[-–—][ \t]")


def _place_part(text: str, a: int, b: int) -> tuple[int, int, str] | None:
    """The place part that ends the stretch ``a:b`` (a display name, or a byline before its furniture): a lower-case
    word after at least one other word, then one to three capitalised words ("uit Grou", "aus Bad Zurzach",
    "uit It Hearrenfean"); its span from the blank before that word, and the word case-folded."""
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", text[a:b])]
    k = len(words)
    while k > 0 and len(words) - k < 3 and words[k - 1][2][:1].isupper():
        k -= 1
    if k == len(words) or k < 2 or not words[k - 1][2].isalpha() or not words[k - 1][2].islower():
        return None
    return a + words[k - 1][0] - 1, a + words[-1][1], words[k - 1][2].casefold()


def _lead(text: str, ls: int, a: int) -> tuple[str, ...]:
    """The words of the line before ``a``, without counters ("Reactie van", "message: by"): the site's template."""
    return tuple(w.casefold() for w in re.findall(r"[^\W\d_]+", text[ls:a]))


def place_fields(texts, cues, found: dict | None = None) -> tuple[frozenset[tuple[tuple[str, ...], str]], frozenset[str]]:
    """The place fields of a page's bylines: (the words before the name, the word before the place) where the site
    prints where every poster is from in its template, as a news site's comment form asks for the reader's town
    ("Reactie van {name} uit {town}", "Comment from {name} in {town}"); and the places so printed, case-folded
    (a word of them in a poster's handle, "tsjerk_fan_wergea" from Wergea, is where they are from, no name). The
    evidence is the page: three or more different posters under the same lead, and three in four of that lead's
    bylines, carry a place after the same word. A display name a member typed with a place ("Antwort von Resli aus
    Brugg") is one among bylines that have none, and stays whole. ``texts``: (text, language) pairs, the post's.
    ``found``: filled with each pair's bylines read here (:func:`byline_matches` without fields), which are the
    bylines of the page where it has no place field: the byline recognizer takes them instead of reading again."""
    seen: dict[tuple[str, ...], list[tuple[str, str | None, str]]] = {}
    for text, lang in texts:
        matches = byline_matches(text, lang, cues)
        if found is not None:
            found[(text, lang)] = matches
        for a, b in matches:
            part = _place_part(text, a, b)
            seen.setdefault(_lead(text, text.rfind("\n", 0, a) + 1, a), []).append(
                (text[a:part[0] if part else b].casefold(), part[2] if part else None,
                 text[part[0]:part[1]].split(None, 1)[1].casefold() if part else ""))
    fields, places = set(), set()
    for lead, found in seen.items():
        for w in {x for _who, x, _p in found if x is not None}:
            whos = {who for who, x, _p in found if x == w}
            if len(whos) >= 3 and 4 * sum(1 for _who, x, _p in found if x == w) >= 3 * len(found):
                fields.add((lead, w))
                places |= {p for _who, x, p in found if x == w}
    return frozenset(fields), frozenset(places)


def _without_field(text: str, ls: int, le: int, fields: frozenset) -> str:
    """``text`` with the place field of the line ``ls:le`` blanked (the same length), where the line's lead is one
    whose bylines carry the place in the site's template (:func:`place_fields`): the name is then read without it."""
    f = _FURNITURE.search(text, ls, le)
    part = _place_part(text, ls, f.start() if f else le)
    if part is None:
        return text
    before = _lead(text, ls, part[0])
    if not any(w == part[2] and len(before) > len(lead) and before[:len(lead)] == lead for lead, w in fields):
        return text
    return text[:part[0]] + " " * (part[1] - part[0]) + text[part[1]:]


def _in_line(text: str, ls: int, le: int, lang: str | None, cues, first: bool) -> tuple[int, int] | None:
    line = text[ls:le]
    if line.lstrip(" \t")[:1] == "#":
        bar = _NUMBERED_BAR.match(line)
        if bar is not None:
            return ls + bar.start("who"), ls + bar.end("who")
    p = _STARS.match(line).end()
    toks = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", line[p:p + 120])][:4]
    # "X · 2 g", "X (OP) · 2 dni temu · +188": the name opens the line, the site's counters follow a bullet
    if "·" in line or "•" in line or "|" in line:
        m = _WHO_TAIL.match(line, p)
        if m is not None and m.group("rest").lstrip()[:1] in "·•|" and _DIGIT.search(m.group("rest")) \
                and _name_opening(cues, m.group("who"), lang) and not re.search(r"['’]s\b|[ \t]by[ \t]", m.group("who")):
            # (no possessive and no English "by" inside a display name: "X's Y by Z · 4 likes" is a work's line)
            whole = _with_role(cues, m, ls, _trim(cues, text, ls + m.start("who"), ls + m.end("who"), lang))
            if len(toks) > 2 and _small_word(cues, toks[1][1], lang) and not cues.any_given_name(toks[0][1].casefold()):
                # "Reageer op X · 👍 19", "Reply to X · 3 likes": a word of the site's and the language's "by" or "to"
                # open the line, the name follows them; not "Heidi vom Berg · 2 g" (a given name opens it)
                return _after_by(text, ls, line, p, toks, lang, cues, first) or whole
            return whole
    return _after_by(text, ls, line, p, toks, lang, cues, first)


def _after_by(text: str, ls: int, line: str, p: int, toks, lang: str | None, cues, first: bool) -> tuple[int, int] | None:
    """The name after the language's "by" as the first, second or third word of the line."""
    for k in range(min(3, len(toks) - 1)):
        at, by = toks[k]
        if not _small_word(cues, by, lang):
            if k == 0 and not toks[0][1][:1].isalpha():
                break
            continue
        lead = [w for _a, w in toks[:k]]
        if k == 1 and (not lead[0][:1].isalpha() or _small_word(cues, lead[0].rstrip(":"), lang)):
            break
        if k == 2 and not (lead[0][:1].isalpha() and _COUNTER.fullmatch(lead[1])):
            break
        m = _WHO_TAIL.match(line, p + toks[k + 1][0])
        if m is None:
            break
        rest, role = m.group("rest"), m.group("role")
        if rest.strip():
            if rest.lstrip()[:1] in "-–—" and not _dated(rest, lang):
                break  # "by X - a note": no date after the dash
        elif not (role or k and first):
            break  # "By X" alone: a post's own byline or a credit; but "Kommentar von X" opening a comment is its poster
        elif not role and (_sentence_end(line) or lead[0].casefold().strip(",!") in cues.greetings
                           or any(_small_word(cues, w, lang) for w in m.group("who").split()[1:])):
            break  # a sentence, not a byline: "Hola a todos.", "Welcome to WordPress.", "Ik ben X en herken dit."
        if not (_name_opening(cues, m.group("who"), lang, after_by=True) or rest.strip() and m.group("who")[:1].isupper()
                and not _place(m.group("who").split()[0])) or _public_figure(m.group("who")):
            # (after "by" and before the site's dates a capitalised word that is also a word is a name: "Αγάπη")
            break  # ("Trauern von Verena Kast · 4 likes": a listed author after a one-word title stays)
        return _with_role(cues, m, ls, _trim(cues, text, ls + m.start("who"), ls + m.end("who"), lang))
    return None


def _sentence_end(line: str) -> bool:
    """The line ends as a sentence does (a full stop after a word, not after an initial: "Ottilie K.")."""
    end = line.rstrip()
    return end[-1:] in "!?,;" or (end[-1:] == "." and re.search(r"(?:^|\s)\w\.$", end) is None)


def _with_role(cues, m: re.Match, ls: int, span: tuple[int, int]) -> tuple[int, int]:
    """The name with the role in lower case the member typed in brackets after it ("X (tutor)", "X (καθηγητής)"),
    part of the display name; a role with capitalised words other than given names is the site's badge
    ("(Community-Experte für Psychologie)", "(OP)") and stays outside."""
    role = m.group("role")
    if role and span[1] == ls + m.end("who") and all(
            cues.any_given_name(w.casefold()) for w in re.findall(r"\w+", role) if w[:1].isupper()):
        return span[0], ls + m.end("role")  # (a name in it is the member's too: "X (γράφει η Y)", Y writes)
    return span


def byline_who(text: str, s: int, lang: str | None, cues) -> bool:
    """The name at ``s`` is the poster's in a byline (so "by X" there is no authorship)."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    found = _in_line(text, ls, le if le >= 0 else len(text), lang, cues, ls == 0)
    return found is not None and found[0] <= s < found[1]


def _place(word: str) -> bool:
    from .knowledge import knowledge

    return knowledge().is_place(word) or knowledge().is_region(word)


def _public_figure(who: str) -> bool:
    """The name is one of the sourced list of public figures (:mod:`.knowledge`), in full."""
    from .knowledge import knowledge

    toks = tuple(w.casefold().rstrip(".") for w in who.split())
    return any(f.tokens == toks for f in knowledge().figures_by_surname.get(toks[-1], ()))


def _small_word(cues, w: str, lang: str | None) -> bool:
    """A lower-case function word of the text's language or of English ("by", "von", "van", "από")."""
    return w.islower() and (cues.function_word(w.casefold()) or (cues.lex.lang_rank(w, lang) or 10 ** 6) < 100)


def _name_opening(cues, who: str, lang: str | None, after_by: bool = False) -> bool:
    """A display name opens the line, not a word of the site's furniture ("Gostei · Responder · 87 reações",
    "Monday · 3 comments"): the first token is a handle, a given name, or no frequent word of the language."""
    first = who.split()[0]
    cf = first.casefold()
    if any(c in first for c in "_.") or any(c.isdigit() for c in first):
        return True  # a handle
    if cues.any_given_name(cf):
        return True
    if _place(first):
        return False  # "in Leeds · 3 Dec", "Leeds Talking Therapies · 4 sessions": a place, not a poster
    r = cues.lex.lang_rank(cf, lang)
    if first.islower():  # a lower-case handle is no word of the language or of English ("by zuerischnure")
        return after_by and r is None and cues.lex.rank(cf) is None
    return r is None or r >= 5000


def _trim(cues, text: str, a: int, b: int, lang: str | None) -> tuple[int, int]:
    """The name without a trailing function word the pattern took ("X and" cannot end a name)."""
    words = list(re.finditer(r"\S+", text[a:b]))
    while words and _small_word(cues, words[-1].group(0), lang) and len(words) > 1:
        words.pop()
    if not words or not any(c.isalpha() for c in text[a + words[0].start():a + words[-1].end()]):
        return a, a
    return a + words[0].start(), a + words[-1].end()
