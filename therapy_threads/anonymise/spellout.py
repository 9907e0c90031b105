"""Phone numbers written out in the number words of any language CLDR spells numbers out in (Romanian
"zero șase nouă, patru unu opt", Slovene "nič štiri ena, pet dva sedem", Russian "плюс семь, девятьсот
шестнадцать, ...", Tagalog, Turkish, Hungarian, Finnish ...), read in text of any language: a family writes the
number the way it was said to them, in their own language inside a post in another (Romanian carers in Italy,
Carinthian Slovenes in Austria, a grandmother in Stavropol in a Greek forum).

The words are CLDR's, exported once by :mod:`.spellout_export` into ``data/spellout_numbers.txt`` (a
maintained source; no table is written by hand here but the few spoken forms CLDR does not hold, see
:data:`SPOKEN`). Each number of a run is a digit group or 0-999 in words, read longest first ("девятьсот
шестнадцать" is 916, not 900 and 16); the numbers of a run stand next to each other with blanks and phone
punctuation between them, and all its words are of one language. Whether a run is a phone number (7 to 15
digits, valid in a country of the language, not counting) is for :mod:`.phones` to say.

A cheap first look comes first (:func:`_look`): three number words of any of the languages in a row, over the
text folded as the words are; most texts have none and are not read further.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Spoken forms CLDR does not spell: in the Philippines a phone's 0 is said with the Spanish or English word
# ("sero", "zero"); CLDR's "walâ" means "none".
SPOKEN = {"fil": {"sero": 0, "zero": 0}}
# words said before a country code ("plus seven ..."), as the languages of the table say "+"
PLUS_WORDS = ("plus", "плюс", "плус", "συν", "più", "más", "mais", "artı", "plusz", "pluss", "plussa")

_FOLD: dict[int, str] = {}


def _folded(ch: str) -> str:
    """``ch`` without its accents when that leaves one character ("ș" -> "s", "й" -> "и", "ά" -> "α"),
    else ``ch`` (the text keeps its length, so places in the folded text are places in the text)."""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return "i" if ch == "ı" else base if len(base) == 1 else ch


def fold_chars(low: str) -> str:
    """A lower-cased text with the accents off, character by character (same length)."""
    for ch in set(low):
        if ord(ch) > 127 and ord(ch) not in _FOLD:
            _FOLD[ord(ch)] = _folded(ch)
    return low.translate(_FOLD) if not low.isascii() else low


_WORDS = re.compile(r"[^\W\d_]+")
_MARKS = re.compile(r"[\u0300-\u036f]+")


def fold(said: str) -> str:
    """Number words as the table holds them: lower case, accents off, words at blanks, hyphens and
    apostrophes joined by one blank ("patruzeci şi doi" -> "patruzeci si doi", "quaranta-dos" ->
    "quaranta dos")."""
    return " ".join(_WORDS.findall(fold_chars(said.lower())))


class _Lang:
    __slots__ = ("numbers", "before", "glued", "longest")

    def __init__(self):
        self.numbers: dict[str, int] = {}  # words -> 0-99 or a whole hundred
        self.before: dict[str, int] = {}  # words before 1-99 in a number of hundreds -> the hundreds
        self.glued: dict[str, int] = {}  # the same glued to the first word of the 1-99
        self.longest = 1


def _text() -> str:
    return (resources.files("therapy_threads") / "data" / "spellout_numbers.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def digest() -> str:
    """The table's digest, for the anonymiser's fingerprint (what it removes depends on it)."""
    import hashlib

    return hashlib.sha256(_text().encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def tables() -> dict[str, _Lang]:
    text = _text()
    out: dict[str, _Lang] = {}
    for line in text.splitlines():
        lang, kind, value, words = line.split("\t")
        t = out.setdefault(lang, _Lang())
        {"n": t.numbers, "h": t.before, "g": t.glued}[kind].setdefault(words, int(value))
    for lang, words in SPOKEN.items():
        out[lang].numbers.update(words)
    for t in out.values():
        t.longest = max(w.count(" ") + 1 for d in (t.numbers, t.before) for w in d) + 3
    return out


# between the numbers of a run: blanks and phone punctuation, a full stop only inside a number
_SEP = r"(?:[ \t\u00a0,/\-\u2013\u2014()]|\.(?!\s))"
_JOIN = re.compile(_SEP + "*")
_INSIDE = re.compile(r"[ \t\u00a0\-'’]+")  # between the words of one number
_LEAD = r"[\s(:\"'«„“‘]"


def trie_pattern(words) -> str:
    """``words`` as one regex that branches a letter at a time ("dva|dve|tri" -> "(?:dv(?:a|e)|tri)"): with a few
    thousand words an alternation tried word by word costs ~100 times more at each place than the trie."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end and len(alts) == 1 and len(alts[0]) == 1 else "(?:" + body + ")?" if end else body

    return walk(trie)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, frozenset[str]]:
    """Each word of the tables -> the languages whose number words hold it."""
    out: dict[str, set[str]] = {}
    for lang, t in tables().items():
        for d in (t.numbers, t.before):
            for said in d:
                for w in said.split():
                    out.setdefault(w, set()).add(lang)
    return {w: frozenset(ls) for w, ls in out.items()}


@lru_cache(maxsize=1)
def _look() -> re.Pattern:
    """Three number words of the tables in a row (a glued hundred before a word allowed), or digit groups after
    the first, over a blank and the folded text. Starts at the character before a word, so the engine tries
    it only there."""
    words = trie_pattern(_vocabulary())
    glued = trie_pattern({g for t in tables().values() for g in t.glued})
    word = r"(?:" + glued + r")?" + words + r"(?![^\W\d_])"
    return re.compile(_LEAD + word + r"(?:" + _SEP + r"+(?:" + word + r"|\d{1,5}(?!\w))){2,}")


_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_LONGEST = 19 * 30  # the most characters a run holding a phone number takes (as in :mod:`.spoken`)
_PLUS = re.compile(r"(?:\+|(?<![^\W\d_])(?:" + "|".join(PLUS_WORDS) + r")[ \t\u00a0]*,?)[ \t\u00a0]*$", re.I)


# (every ASCII byte that is no letter of ``_WORDS`` -> a blank; bytes of 128 and up are never looked up here)
_ASCII_GAPS = bytes(b if re.fullmatch(r"[^\W\d_]", chr(b)) else 32 for b in range(128)) + bytes(range(128, 256))
_NOT_LETTER: dict[str, bool] = {}  # a character above ASCII -> no letter of ``_WORDS`` (a blank to it)


@lru_cache(maxsize=1)
def _ascii_vocabulary() -> frozenset[bytes]:
    """The ASCII words of :func:`_vocabulary`, encoded: what an ASCII token can equal."""
    return frozenset(w.encode() for w in _vocabulary() if w.isascii())


def number_word_marks(quick: str) -> bytes:
    """``bytes(map(_vocabulary().__contains__, _WORDS.findall(quick)))``: a 1 for each run of letters of
    ``quick`` that is a word of the tables, else a 0. Most texts are ASCII once their few non-letters above
    ASCII (dashes, quotes, "…", emoji) are blanks, which change no run of letters; then the runs are the
    blank-separated chunks of the bytes with every other non-letter a blank, split in C without a match
    object or a ``str`` a run (~45 -> ~15 µs a comment; the first look of every text)."""
    if not quick.isascii():
        for ch in _above_ascii(quick):
            gap = _NOT_LETTER.get(ch)
            if gap is None:
                gap = _NOT_LETTER[ch] = _WORDS.match(ch) is None
            if not gap:
                return bytes(map(_vocabulary().__contains__, _WORDS.findall(quick)))
            quick = quick.replace(ch, " ")
    return bytes(map(_ascii_vocabulary().__contains__, quick.encode().translate(_ASCII_GAPS).split()))


def _above_ascii(s: str) -> set[str]:
    """``{ch for ch in s if ch > "\x7f"}``: the UTF-8 bytes of ``s`` with its ASCII bytes deleted in C are the
    encodings of those characters (every byte of a multi-byte sequence is 0x80 or more), so only they are
    decoded and hashed, not every character of the text (~9 -> ~2 µs a comment; lone surrogates pass)."""
    return set(s.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))


_ASCII_BYTES = bytes(range(128))


def strip_marks(nfd: str) -> str:
    """``_MARKS.sub("", nfd)``, skipping the scan where no combining mark U+0300-U+036F can be in the text: their
    UTF-8 encodings, and those of U+0340-U+037F only, begin with the bytes 0xCC or 0xCD, which stand nowhere
    else in UTF-8 (a continuation byte is 0x80-0xBF). The class scan costs ~20 ns a character of a non-ASCII
    text; the encoding and the two byte searches ~2 µs a comment, and most texts hold no such mark."""
    b = nfd.encode("utf-8", "surrogatepass")
    if b"\xcc" not in b and b"\xcd" not in b:
        return nfd
    return _MARKS.sub("", nfd)


def spelled_runs(text: str, low: str | None = None):
    """Runs of three or more numbers, at least one in words, all words of one CLDR language, in ``text``:
    (start, end, groups, plus, langs) tuples for :mod:`.spoken` (groups: (start, end, digits, words)).
    ``low``: ``text.lower()`` where the caller has it (:func:`.spoken.number_runs` reads the text twice)."""
    if low is None:
        low = text.lower()
    if len(low) != len(text):
        return []  # ("İ" lower-cases to two characters; such text is read by the other finders)
    # the cheap first look: three words of the tables in a row (digits between them aside), over the text
    # with its accents off (NFD; places in it are not places in the text, which only the runs need)
    quick = low if low.isascii() else strip_marks(unicodedata.normalize("NFD", low)).replace("ı", "i")
    if b"\x01\x01\x01" not in number_word_marks(quick):
        return []
    low = " " + fold_chars(low)
    found = []
    done = 0
    for m in _look().finditer(low):
        if m.end() - 1 <= done or m.end() - m.start() > _LONGEST:
            continue  # (dozens of numbers in a row: no phone number, and not worth reading)
        s = max(done, m.start() - 30)  # digits or "plus" may stand before the first word
        if s > done and not text[s - 1].isspace():
            k = re.compile(r"\s").search(text, s, m.start())
            s = k.end() if k else m.start()
        found += _read(text, low, s, m.end() - 1)
        done = m.end() - 1
    return found


def _read(text: str, low: str, start: int, end: int) -> list:
    """The runs between ``start`` and ``end``, in the language(s) that read the most words there."""
    toks = [(t.start(), t.end(), low[t.start() + 1:t.end() + 1]) for t in _TOKEN.finditer(text, start, end)]
    # only the languages that hold two of the words there (or glue a hundred to one: "kilencszaztizenhat")
    vocab, seen = _vocabulary(), {}
    for _, _, w in toks:
        for lang in vocab.get(w, ()):
            seen[lang] = seen.get(lang, 0) + 1
    langs = [lang for lang, t in tables().items() if seen.get(lang, 0) >= 2 or t.glued and seen.get(lang, 0)]
    best, runs_by = 0, {}
    for lang in langs:
        runs = _runs(text, toks, tables()[lang])
        n = sum(sum(g[3] for g in r[2]) for r in runs)
        if n and n >= best:
            if n > best:
                runs_by = {}
            best = n
            for r in runs:
                runs_by.setdefault(r, []).append(lang)
    return [r + (tuple(langs),) for r, langs in runs_by.items()]


def _number(toks, i: int, text: str, t: _Lang) -> tuple[int, int] | None:
    """(value, tokens taken) of the longest number in words starting at token ``i``."""
    words = []
    for j in range(i, min(len(toks), i + t.longest)):
        w = toks[j][2]
        if w[0].isdigit() or j > i and not _INSIDE.fullmatch(text, toks[j - 1][1], toks[j][0]):
            break
        words.append(w)
    for k in range(len(words), 0, -1):
        said = " ".join(words[:k])
        v = t.numbers.get(said)
        if v is not None:
            return v, k
        for cut in range(1, k):  # "девятьсот | шестнадцать"
            h = t.before.get(" ".join(words[:cut]))
            if h is not None:
                r = t.numbers.get(" ".join(words[cut:k]))
                if r is not None and 0 < r < 100:
                    return h + r, k
        if t.glued:  # "kilencszaz|tizenhat"
            first = words[0]
            for p in range(2, len(first)):
                h = t.glued.get(first[:p])
                if h is not None:
                    r = t.numbers.get(" ".join([first[p:]] + words[1:k]))
                    if r is not None and 0 < r < 100:
                        return h + r, k
    return None


def _runs(text: str, toks, t: _Lang) -> list:
    runs, gs = [], []

    def close():
        if len(gs) >= 3 and any(g[3] for g in gs):
            p = _PLUS.search(text, max(0, gs[0][0] - 8), gs[0][0])
            runs.append((p.start() if p else gs[0][0], gs[-1][1], tuple(gs), p is not None))

    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if w.isdigit():
            g, i = (s, e, w, False) if len(w) <= 5 else None, i + 1
        else:
            got = _number(toks, i, text, t)
            if got is None:
                g, i = None, i + 1
            else:
                g, i = (s, toks[i + got[1] - 1][1], str(got[0]), True), i + got[1]
        if g is None or gs and not _JOIN.fullmatch(text, gs[-1][1], g[0]):
            close()
            gs = []
        if g is not None:
            gs.append(g)
    close()
    return runs
