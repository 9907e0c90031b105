"""Commenter identities: normalisation, keyed pseudonyms, name variants and audit tokens.

Normalisation decides when two comments are "the same person": it must be stable across posts,
re-runs and releases, so it only removes differences that never distinguish people (case,
whitespace, URL scheme, ``www.``, a trailing slash). The preferred field is the e-mail address,
then the website, then the display name (policy ``pseudonym.prefer``).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from functools import lru_cache

from ..records import Identity
from .lexicon import Lexicon

_WS = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’()\[\]<>.,;:!?*_~-]+|[\s\"'“”‘’()\[\]<>,;:!?*~-]+$")
_WORD = re.compile(r"[^\W_]+")  # letters and digits: "hopeful_kat" -> hopeful, kat; "mark77" -> mark77


def normalise_name(name: str) -> str:
    """NFKC, case-folded, inner whitespace collapsed, surrounding punctuation removed."""
    s = unicodedata.normalize("NFKC", name)
    s = _WS.sub(" ", s).strip()
    s = _EDGE_PUNCT.sub("", s)
    return s.casefold()


def normalise_email(email: str) -> str:
    """Trimmed, ``mailto:`` removed, whole address case-folded (providers treat local parts
    case-insensitively in practice; dots and ``+tags`` are kept: they can be different people)."""
    s = unicodedata.normalize("NFKC", email).strip()
    if s.lower().startswith("mailto:"):
        s = s[7:]
    return s.strip().strip("<>").casefold()


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def normalise_url(url: str) -> str:
    """Scheme, ``www.``, default port, query, fragment and trailing slashes removed; host case-folded."""
    s = unicodedata.normalize("NFKC", url).strip()
    s = _SCHEME.sub("", s)
    s = s.split("#", 1)[0].split("?", 1)[0]
    host, _, path = s.partition("/")
    host = host.casefold().rstrip(".")
    if "@" in host:
        host = host.rsplit("@", 1)[1]
    host = re.sub(r":(80|443)$", "", host)
    if host.startswith("www."):
        host = host[4:]
    path = path.rstrip("/")
    return host + ("/" + path if path else "")


def identity_basis(ident: Identity | None, prefer: list[str], generic: frozenset[str]) -> tuple[str, str] | None:
    """The (field, normalised value) a pseudonym is derived from, or None (no usable identity)."""
    if ident is None:
        return None
    for fld in prefer:
        if fld == "email" and ident.email and "@" in ident.email:
            return ("email", normalise_email(ident.email))
        if fld == "url" and ident.url:
            u = normalise_url(ident.url)
            if u and "." in u:
                return ("url", u)
        if fld == "name" and ident.name:
            n = normalise_name(ident.name)
            if n and not is_generic_name(n, generic):
                return ("name", n)
    return None


# Articles that may accompany a placeholder ("A reader", "Ein Gast", "Un lecteur").
_ARTICLES = frozenset({"a", "an", "the", "ein", "eine", "der", "die", "das", "un", "une", "le", "la", "il",
                       "el", "uno", "una", "o", "um", "uma", "een", "de", "het", "en", "ett"})


def is_generic_name(name: str, generic: frozenset[str]) -> bool:
    """A placeholder, not a person: the whole normalised name is in ``generic`` ("anonymous",
    "no name"), or every word is a placeholder word, an article or a number, with at least one
    placeholder word ("Anonymous User", "Ein Gast", "Guest 42")."""
    n = normalise_name(name)
    if not n or n in generic:
        return True
    ws = words(n)
    return bool(ws) and any(w in generic for w in ws) and all(
        w in generic or w in _ARTICLES or w.isdigit() for w in ws)


def pseudonym(key: bytes, basis: tuple[str, str], prefix: str = "u_", digits: int = 16) -> str:
    """Keyed pseudonym: HMAC-SHA256(key, field \\x1f value), first ``digits`` hex digits."""
    msg = ("pseudonym\x1f" + basis[0] + "\x1f" + basis[1]).encode("utf-8")
    return prefix + hmac.new(key, msg, hashlib.sha256).hexdigest()[:digits]


def same_person(a: Identity | None, b: Identity | None) -> bool | None:
    """True/False when two identities can be compared (e-mail, else URL, else name); None when not."""
    if a is None or b is None:
        return None
    if a.email and b.email:
        return normalise_email(a.email) == normalise_email(b.email)
    if a.url and b.url:
        return normalise_url(a.url) == normalise_url(b.url)
    if a.name and b.name:
        return normalise_name(a.name) == normalise_name(b.name)
    return None


# ---- audit tokens -----------------------------------------------------------------------------

SOFT_RANK = 2000
# Hosts whose name says nothing about the person (the account is in the subdomain or the path).
PLATFORMS = frozenset({"facebook", "fb", "twitter", "x", "instagram", "linkedin", "youtube", "tumblr",
                       "medium", "wordpress", "blogspot", "blogger", "substack", "github", "reddit",
                       "pinterest", "tiktok", "google", "plus", "sites", "wix", "weebly", "squarespace",
                       "livejournal", "typepad", "about", "gravatar", "mastodon", "bsky", "threads"})  # names that are among the 2000 commonest English words (Will, Hope, Grace, Mark)


# Characters that draw nothing (zero-width space/joiners, soft hyphen, bidi marks, BOM): a name
# with one inside ("Z\u200borbuk") reads as the name.
_FOLD_CHARS = dict.fromkeys(map(ord, "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
                                    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a"
                                    "\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0"))
# ... and the full stops IDNA reads as a dot between labels ("quillmail\u3002net")
_FOLD_CHARS.update({0x3002: ".", 0xFF61: "."})
_FOLD_ANY = re.compile("[" + "".join(map(chr, _FOLD_CHARS)) + "]")  # str.translate is slow on long text
# Cyrillic and Greek letters drawn like Latin ones (Unicode confusables, the unambiguous ones).
_LOOKALIKE = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051b\u051d\u04bb\u04cf\u04af\u0475"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405\u04ae\u051a\u051c\u04ba\u04c0"
    "\u03bf\u03bd\u03c1\u03b9\u03ba\u03b1\u03c5\u03c7"
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7"
    "\u0131\u0261\u0251\u0585",
    "aeopcyxijsdqwhlyv"
    "ABEKMHOPCTXIJSYQWHI"
    "ovpikaux"
    "ABEZHIKMNOPTYX"
    "igao")
_LOOKALIKE_CHARS = "".join(chr(c) for c in _LOOKALIKE)
_LOOKALIKE_SET = frozenset(_LOOKALIKE_CHARS)
_LOOKALIKE_ANY = re.compile("[" + _LOOKALIKE_CHARS + "]")
# a word holding a look-alike: found from that letter, so other words cost nothing
_LOOKALIKE_ONLY = re.compile(r"(?<![^\W_])[" + _LOOKALIKE_CHARS + r"]+(?![^\W_])")
_LOOKALIKE_WORD = re.compile(r"(?<![^\W_])[^\W_]*?[" + _LOOKALIKE_CHARS + r"][^\W_]*")
_LATIN = re.compile(r"[A-Za-z]")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _unpercent(m: re.Match[str]) -> str:
    try:
        return bytes.fromhex(m.group(0).replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return m.group(0)


def _skeleton(m: re.Match[str]) -> str:
    w = m.group(0)
    # a word mixing Latin with look-alikes, or made of look-alikes only; an ordinary Cyrillic or
    # Greek word (one with a letter no Latin one looks like) keeps its letters
    if _LATIN.search(w) or _LOOKALIKE_SET.issuperset(w):
        return w.translate(_LOOKALIKE)
    return w


def fold(text: str) -> str:
    """Text as the privacy gate reads it: percent-escapes decoded ("%40" -> "@"), NFKC
    (fullwidth and mathematical letters, ligatures), invisible characters dropped, ideographic
    full stops read as dots, and Latin
    look-alikes of words that mix scripts mapped to Latin. Plain ASCII text comes back as is.
    The identity tokens are made from folded names (:func:`words`), so both sides agree."""
    if text.isascii() and "%" not in text:
        return text
    if "%" in text:
        text = _PERCENT.sub(_unpercent, text)
        if text.isascii():
            return text
    text = unicodedata.normalize("NFKC", text)
    if _FOLD_ANY.search(text):
        text = _FOLD_ANY.sub(lambda m: _FOLD_CHARS[ord(m.group())] or "", text)
    return _unlook(text)


def _unlook(text: str) -> str:
    """The look-alike step of :func:`fold` (one character for one: offsets are kept)."""
    if not _LOOKALIKE_ANY.search(text):
        return text
    if _LATIN.search(text):
        return _LOOKALIKE_WORD.sub(_skeleton, text)
    # no Latin letter at all (a Russian or Greek text): only words made of look-alikes alone
    return _LOOKALIKE_ONLY.sub(lambda m: m.group().translate(_LOOKALIKE), text)


# what fold may change: a percent-escape run, or a character outside ASCII with the combining marks
# after it (NFKC composes them with the character before: that one is taken along)
_COMBINING = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]"
_FOLD_UNIT = re.compile(r"(?:%[0-9A-Fa-f]{2})+|[\x00-\x7f]" + _COMBINING + "+|[^\x00-\x7f]" + _COMBINING + "*")


def fold_map(text: str, split: bool | frozenset[int] = False) -> tuple[str, list[int], list[int]] | None:
    """:func:`fold` with an offset map: (folded, starts, ends), where folded character ``i`` comes
    from ``text[starts[i]:ends[i]]``, so a span found in the folded text is the original span
    ``text[starts[s]:ends[e - 1]]`` (invisible characters inside it included). ``split``: the
    invisible characters read as a space instead of nothing ("Threnody\u00ads" -> "Threnody s"),
    so a name glued to other letters by one is a whole word (a set of offsets: only the invisible
    characters there). None when the map cannot reproduce
    ``fold(text)`` (an NFKC composition across units: not seen in practice)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _FOLD_UNIT.finditer(text):
        a, b = m.span()
        if a > pos:
            out.append(text[pos:a])
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        unit = m.group()
        piece = _unpercent(m) if unit[0] == "%" else unit
        piece = unicodedata.normalize("NFKC", piece)
        if _FOLD_ANY.search(piece):
            brk = " " if split is True or (split and a in split) else ""
            piece = _FOLD_ANY.sub(lambda x: _FOLD_CHARS[ord(x.group())] or brk, piece)
        out.append(piece)
        starts.extend([a] * len(piece))
        ends.extend([b] * len(piece))
        pos = b
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    folded = _unlook("".join(out))
    if len(folded) != len(starts) or (not split and folded != fold(text)):
        return None
    return folded, starts, ends


# a word written letter by letter ("P e l l i n o r e"): four or more single letters, one space apart
_SPACED = re.compile(r"(?<![^\W_])[^\W\d_](?: [^\W\d_]){3,}(?![^\W_])")
# (a run of four letters holds " x y " inside; a pattern opening with a literal space is scanned ~5x
# faster than one opening with a look-behind or a class)
_SPACED_HINT = re.compile(r" [^\W\d_] [^\W\d_] ")


def spaced_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the word spelled) of every word written letter by letter. Only a known
    identity's distinctive name counts there, for the anonymiser and the audit alike: a letter-spaced
    ordinary word ("F R E E") or an acronym is never one."""
    if _SPACED_HINT.search(text) is None:
        return []
    return [(m.start(), m.end(), m.group().replace(" ", "")) for m in _SPACED.finditer(text)]


def split_readings(text: str) -> list[tuple[str, list[int], list[int]]]:
    """:func:`fold_map` readings of a text holding invisible characters, taken as word breaks: all
    of them, and, where there are a few, each alone (a soft hyphen inside a name and a word joiner
    gluing it to letters: "Quill\u00adfeather\u2060s"). The anonymiser and the audit read the same."""
    pos = [m.start() for m in _FOLD_ANY.finditer(text) if not _FOLD_CHARS[ord(m.group())]]
    if not pos:
        return []
    choices: list[bool | frozenset[int]] = [True]
    if 1 < len(pos) <= 4:
        choices += [frozenset({p}) for p in pos]
    return [m for m in (fold_map(text, c) for c in choices) if m is not None]


def _benign_chars() -> str:
    """Characters NFKC turns into ASCII punctuation or spaces only ("\u2026" -> "...", a no-break
    space), never into letters, digits, "@", "%" or one dot: folded, they hide no name or address."""
    keep = " !\"#$&'()*+,-./:;<=>?[\\]^_`{|}~"
    out = []
    for cp in range(0x80, 0x10000):
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n != c and n and n.isascii() and not n.strip(keep) and n != "." and cp not in _FOLD_CHARS:
            out.append(c)
    return "".join(out)


_BENIGN = re.compile("[" + re.escape(_benign_chars()) + "]")


def disguise_in(text: str) -> bool:
    """Whether :func:`fold` changes ``text`` in a way that may hide a name or an address: beyond
    characters that fold into punctuation only (an ellipsis, the commonest by far)."""
    if text.isascii() and "%" not in text:
        return False
    if _BENIGN.search(text) is None:
        return fold(text) != text
    # fold changes a text that holds a benign character: NFKC maps each of them to something else and
    # composition never makes one again (a character with a compatibility or singleton decomposition is
    # no composite), and fold's other steps write only ASCII (``_FOLD_CHARS``, ``_LOOKALIKE``). So the
    # text needs no NFKC pass of its own (an ellipsis in most comments: ~2 % of the worker's CPU).
    plain = _BENIGN.sub(" ", text)
    return fold(plain) != plain


def invisible_in(text: str) -> bool:
    """Whether ``text`` holds a character :func:`fold` drops (a soft hyphen, a zero-width one)."""
    return not text.isascii() and any(not _FOLD_CHARS[ord(c)] for c in _FOLD_ANY.findall(text))


def words(text: str) -> list[str]:
    """The audit's tokeniser: runs of letters/digits of the :func:`fold`-ed text, case-folded
    (must match on both sides)."""
    return [w.casefold() for w in _WORD.findall(fold(text))]


def token_class(word: str, lex: Lexicon) -> str:
    """Audit class of one name word (English view; see :func:`gram_langs` for other languages).

    'h': not an English word ("deshawn", "beckedahl"): a hit in any case, in any source.
    'c': a name that is also a rarer English word ("evan", "jordan", "volker"): a hit when capitalised.
    's': among the 2,000 commonest English words ("will", "hope", "test"): review; a hit only with a name cue.
    'w': an ordinary English word or brand that is not a name ("crumpet", "wordpress", "tester"):
         review; a hit only with a name cue ("Thanks Crumpet", "Crumpet wrote", "@crumpet").
    """
    r = lex.rank(word)
    if r is None:
        return "s" if word.isdigit() else "h"
    if r < SOFT_RANK:
        return "s"
    return "c" if lex.is_name(word) else "w"


WEAK = frozenset({"s", "w"})
# 'p': the whole display name of 2-3 words, all ordinary words ("Mr WordPress", "Still Here"): fails
# where written like a name (every word capitalised, or capitalised mid-sentence) or with a cue.
_ORDER = {"w": 0, "s": 1, "p": 2, "c": 3, "h": 4}


def word_weak_in(word: str, lex: Lexicon) -> frozenset[str]:
    """Other languages in which ``word`` reads as an ordinary word (so a bare match is weak there).
    English-weak words ("crumpet", "will") are weak everywhere: "*"."""
    if token_class(word, lex) in WEAK:
        return frozenset({"*"})
    return lex.ordinary_in(word)


def gram_langs(ws: list[str], lex: Lexicon) -> frozenset[str]:
    """Languages in which every word of the n-gram is ordinary ("moin" -> {de}; "aus wien" -> {*})."""
    out: frozenset[str] | None = None
    for w in ws:
        ls = word_weak_in(w, lex)
        if out is None:
            out = ls
        elif "*" in out:
            out = ls
        elif "*" not in ls:
            out = out & ls
        if not out:
            return frozenset()
    return out or frozenset()


def hmac_token(key: bytes, ngram: str, scope: str | None = None) -> str:
    """Keyed token of a normalised n-gram. Class "h" tokens (not English words) are global; "c" and
    "s" tokens (names that are also words: "Jordan", "Will") are scoped to their source, so a
    commenter called Jordan on one blog does not fail every mention of the country elsewhere."""
    msg = "idtoken\x1f" + ngram if scope is None else "idtoken\x1f" + scope + "\x1f" + ngram
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def idna_forms(label: str) -> list[str]:
    """A host label and, when it is internationalised, its other IDNA form: ``xn--zrbuk-jua``
    and ``zörbuk`` name the same site, and text may write either."""
    out = [label]
    try:
        if label.startswith("xn--"):
            out.append(label.encode("ascii").decode("idna"))
        elif not label.isascii():
            out.append(label.encode("idna").decode("ascii"))
    except (UnicodeError, ValueError):
        pass
    return out


def email_local_words(email: str | None) -> list[str]:
    """The words of an e-mail address's local part ("lola.mendez@..." -> lola, mendez); none without an "@"."""
    if not email or "@" not in email:
        return []
    return words(normalise_email(email).split("@", 1)[0])


def identity_grams(ident: Identity, lex: Lexicon, generic: frozenset[str]) -> dict[str, tuple[str, frozenset[str]]]:
    """Name 1..3-grams (and the website's own host label, the e-mail's local part) of one identity
    -> (class letter, languages where the gram reads as ordinary words).

    The whole display name of two or three words is never weak: class 'c' or 'h' ("Robert aus
    Wien", "John Doe"), or 'p' when every word is an ordinary word ("Mr WordPress", "Still Here"),
    because the complete handle is what identifies.
    Placeholder names ("Anonymous", "Anonymous User", "Gast") give no tokens.
    """
    out: dict[str, tuple[str, frozenset[str]]] = {}
    sources: list[tuple[list[str], bool]] = []
    names = [n for n in (ident.name, ident.handle) if n and not is_generic_name(n, generic)]
    for n in names:
        sources.append((words(n), True))
    if ident.url:
        host, _, path = normalise_url(ident.url).partition("/")
        labels = [lb for lb in host.split(".")[:-1] if lb not in ("www", "blog", "m")]
        if labels and labels[0] not in PLATFORMS:
            # "quietharbourtales.com" -> quietharbourtales; "kat.wordpress.com" -> kat; an
            # internationalised label in both forms ("xn--zrbuk-jua" and "zörbuk")
            sources.extend((words(form), False) for form in idna_forms(labels[0]))
        elif path:
            # "facebook.com/jane.doe" -> jane, doe (the platform's name identifies nobody)
            sources.append((words(path.split("/", 1)[0]), False))
    if ident.email and "@" in ident.email:
        sources.append((email_local_words(ident.email), False))
    for ws, is_name in sources:
        ws = [w for w in ws if len(w) >= 2 or len(ws) > 1]
        for n in (1, 2, 3):
            for i in range(len(ws) - n + 1):
                gram = ws[i:i + n]
                if n == 1 and len(gram[0]) < 2:
                    continue
                cls = max((token_class(w, lex) for w in gram), key=_ORDER.__getitem__)
                langs = gram_langs(gram, lex) if cls not in WEAK else frozenset()
                if is_name and n == len(ws) and n > 1:
                    phrase = cls in WEAK and all(w.isalpha() for w in gram)  # "Happy 2" is no phrase
                    cls, langs = ("p" if phrase else max(cls, "c", key=_ORDER.__getitem__)), frozenset()
                _keep_stronger(out, " ".join(gram), cls, langs)
    for name in names:
            # the variants people write back: "sadgirl92" / "sad girl" for sad_girl92, "Heart In Pieces"
            # for heartinpieces, "Broken Wings" for BrokenWings77 (see :func:`handle_forms`)
            forms = handle_forms(name, lex)
            parts = split_handle(name)
            if len(parts) > 2 and parts[-1].isdigit():  # "broken_wings77" tokenises as broken, wings77
                forms.setdefault(" ".join(parts[:-2] + [parts[-2] + parts[-1]]), True)
            for form, strong in forms.items():
                ws = words(form)
                if not ws or len(ws) > 3:
                    continue
                if len(ws) == 1:
                    cls = token_class(ws[0], lex)
                else:
                    top = max((token_class(w, lex) for w in ws), key=_ORDER.__getitem__)
                    cls = max(top, "c", key=_ORDER.__getitem__) if strong else "p"
                    # the audit walks only texts holding a word of some token: a form's own words
                    # (ordinary words, not function words) become weak tokens, reviewed at most; strong
                    # forms too ("Quill Feather Worth" for QuillFeatherWorth)
                    for w in ws:
                        r = lex.rank(w)
                        if r is not None and r >= 300 and w not in out:
                            out[w] = ("w" if token_class(w, lex) == "w" else "s", frozenset())
                _keep_stronger(out, " ".join(ws), cls, frozenset())
    return out


def _keep_stronger(out: dict[str, tuple[str, frozenset[str]]], key: str, cls: str, langs: frozenset[str]) -> None:
    prev = out.get(key)
    if prev is None or _ORDER[cls] > _ORDER[prev[0]] or (cls == prev[0] and len(langs) < len(prev[1])):
        out[key] = (cls, langs)


def identity_ngrams(ident: Identity, lex: Lexicon, generic: frozenset[str]) -> dict[str, str]:
    """Name 1..3-grams of one identity -> class letter (see :func:`identity_grams`)."""
    return {g: c for g, (c, _) in identity_grams(ident, lex, generic).items()}


def token_line(key: bytes, gram: str, cls: str, langs: frozenset[str], scope: str) -> str:
    """One line of ``identity_tokens.txt``: ``cls:hex`` or ``cls:hex:lang,lang`` (languages in which
    the gram is an ordinary word, so a bare match in text of that language is only reviewed).
    Class 'h' tokens are global; the others are scoped to their source."""
    tok = cls + ":" + hmac_token(key, gram, None if cls == "h" else scope)
    real = sorted(lg for lg in langs if lg != "*")
    return tok + (":" + ",".join(real) if real else "")


@lru_cache(maxsize=4096)
def _nick_variants(first: str) -> frozenset[str]:
    nn = _namer()
    f = first.casefold()
    out = {f}
    nicks = nn.nicknames_of(f)
    if nicks:
        out |= nicks
    else:
        out |= nn.canonicals_of(f)
    return frozenset(v for v in out if len(v) >= 2)


@lru_cache(maxsize=1)
def _namer():
    from nicknames import NickNamer

    return NickNamer()


_HANDLE_SPLIT = re.compile(r"[\s_.\-]+|(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de])|(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def split_handle(name: str) -> list[str]:
    """Parts of a handle or name, case-folded: separators, camel case and digit runs split it
    ("BrokenWings77" -> broken, wings, 77; "quiet.harbour" -> quiet, harbour; "sad_girl92" ->
    sad, girl, 92)."""
    s = unicodedata.normalize("NFKC", name).strip()
    return [p.casefold() for p in _HANDLE_SPLIT.split(s) if p and not p.isspace()]


def segment(word: str, lex: Lexicon, max_rank: int = 30000) -> list[str] | None:
    """A run-together handle split into ordinary English words, fewest pieces first ("heartinpieces"
    -> heart, in, pieces); None if the word is itself a word or cannot be split."""
    if lex.rank(word) is not None or not word.isalpha() or len(word) < 5:
        return None
    import math

    n = len(word)
    # cheapest split: each piece costs log of its frequency rank (common words are cheap), so
    # "heart in pieces" beats "hear tin pieces"
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(1, n + 1):
        for j in range(max(0, i - 20), i):
            prev = best[j]
            piece = word[j:i]
            if prev is None or (len(piece) < 2 and piece not in ("a", "i")):
                continue
            r = lex.rank(piece)
            if r is None or r >= max_rank:
                continue
            cand = (prev[0] + math.log(r + 2) + 1.0, prev[1] + [piece])
            if best[i] is None or cand[0] < best[i][0]:
                best[i] = cand
    out = best[n]
    return out[1] if out and len(out[1]) > 1 else None


def handle_forms(name: str, lex: Lexicon) -> dict[str, bool]:
    """Variants of a multi-part handle as people write it back: run together or split into words,
    with or without its digits ("sad_girl92" -> sadgirl92, sadgirl, "sad girl"; "heartinpieces" ->
    "heart in pieces"). -> strong? (a form that is no ordinary word matches in any case; a phrase of
    ordinary words only where written or used as a name)."""
    parts = split_handle(name)
    out: dict[str, bool] = {}
    alpha = [p for p in parts if not p.isdigit()]
    if len(parts) == 1 and alpha:
        seg = segment(alpha[0], lex)
        if seg and all(len(p) >= 3 or (0 < i < len(seg) - 1 and (lex.rank(p) or 10**9) < 300)
                       for i, p in enumerate(seg)):  # "heart in pieces" yes; "tr it tb ..." no
            out[" ".join(seg)] = not all(token_class(w, lex) in WEAK for w in seg)
        return out
    for ps in (parts, alpha):
        if len(ps) < 2:
            continue  # one word with its number dropped ("Bürger 635" -> "bürger") is the word
        joined = "".join(ps)
        if len(joined) >= 3 and lex.rank(joined) is None:
            out.setdefault(joined, True)
        if len(ps) > 1:
            phrase = all(p.isalpha() and token_class(p, lex) in WEAK for p in ps)
            out.setdefault(" ".join(ps), not phrase)
    return out


# a nickname in quotation marks inside a full name: 'Earline "Peaches" Toomer', "Kingston 'King' Reid"
_QUOTED_NICK = re.compile(r"(?<=\s)[\"“'‘]([^\"“”'‘’]{2,30})[\"”'’](?=\s)")


def name_variants(name: str, lex: Lexicon, contact: str = "") -> dict[str, bool]:
    """Surface forms to look for in text -> strong? (strong: match in any case; weak: only capitalised).

    "Katherine Okafor" -> katherine okafor, katherineokafor, katherine, okafor, and nicknames with
    the surname only (kathy okafor, kate okafor); a handle "hopeful_kat" -> hopeful_kat, hopeful kat,
    hopefulkat, kat. A part that is a common English word ("Will", "Grace", "hopeful") is weak or
    dropped, so "will" and "hope" in ordinary text are not touched.

    A nickname in quotation marks inside the name ('Earline "Peaches" Toomer') is a variant of its
    own (matched capitalised only when it is also a word), and the rest is read without it.
    """
    nick = _QUOTED_NICK.search(name)
    if nick and nick.group(1).strip() and _QUOTED_NICK.sub(" ", name).strip():
        rest = name_variants(_WS.sub(" ", _QUOTED_NICK.sub(" ", name)).strip(), lex, contact)
        nn = normalise_name(nick.group(1))
        if len(nn) >= 2:
            r = lex.rank(nn)
            rest.setdefault(nn, r is None or (r >= SOFT_RANK and (lex.is_first_name(nn) or lex.is_last_name(nn))))
        return rest
    out: dict[str, bool] = {}
    norm = normalise_name(name)
    if not norm or len(norm) < 2:
        return out
    parts = [p for p in re.split(r"[\s_.\-]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", norm) if p]
    # strong (any case): multi-part names and handles, a word that is not ordinary English, or a
    # rarer word that is a given name ("Evan"); "Hope" or "Empty" only when capitalised
    r_full = lex.rank(norm)
    # a handle made only of ordinary words ("Still Here", "Mr WordPress") is weak: capitalised as a
    # name or with a cue, never "I'm still here"
    phrase = len(parts) > 1 and all(p.isalpha() and token_class(p, lex) in WEAK for p in parts)
    out[norm] = (not phrase) if len(parts) > 1 else (r_full is None or (
        r_full >= SOFT_RANK and (lex.is_first_name(norm) or lex.is_last_name(norm))))
    alpha = [p for p in parts if p.isalpha()]
    if len(parts) > 1:
        out.setdefault(" ".join(parts), not phrase)
    for form, strong in handle_forms(name, lex).items():
        out.setdefault(form, strong)
    # two neighbouring words of a longer name: the given name of a surname-first name ("Wei Ling"
    # of "Tan Wei Ling"), a double given name or surname ("Mary Ann", "Rojas Estapé")
    if len(alpha) >= 3:
        for a, b in zip(alpha, alpha[1:]):
            if all(len(w) >= 2 and (lex.rank(w) is None or lex.rank(w) >= SOFT_RANK) for w in (a, b)):
                out.setdefault(f"{a} {b}", True)
    first = alpha[0] if alpha else None
    last = alpha[-1] if len(alpha) > 1 else None
    for p in alpha:
        if len(p) < 2:
            continue
        r = lex.rank(p)
        # given names of other countries count too ("Volker"), unless they are common English words
        name_like = lex.is_first_name(p) or lex.is_last_name(p) or (
            p in lex.intl_names and (r is None or r >= SOFT_RANK))
        if r is None:
            out.setdefault(p, True)
        elif name_like and (r >= 300 or lex.is_first_name(p)):  # no function word alone ("to", "de")
            out.setdefault(p, r >= SOFT_RANK)  # evan, kat: any case; will, grace, mark: capitalised only
        # common words that are not names ("hopeful", "blue") are never matched alone
    if first and last and lex.is_first_name(first):
        # a nickname counts only with the commenter's own surname ("Kathy Ellery" for "Katherine
        # Ellery"): a bare "Kathy" may be anyone, and "Kathy Morrison" is someone else
        for v in _nick_variants(first):
            out.setdefault(f"{v} {last}", True)
    blanks = re.search(r"\s", name.strip()) is not None
    # (a handle written with capitals like a name, "Amit_Rao", is a name: only locatives count there; so does
    # a display name written with blanks, "Xxx from Yyy": the words after the locative say where, not who)
    home = _particle_home(alpha, lex) if blanks else None
    if len(parts) > 1 and (not blanks or (len(alpha) > 2 and (home is not None or any(
            p in _NAME_LOCATIVES for p in alpha[1:-1])))):
        where = _handle_whereabouts(parts, lex, places=not blanks and name == name.lower(), later_places=not blanks,
                                    contact=contact)
        whole = {" ".join(parts), " ".join(p for p in parts if p.isalpha())}
        for v in [v for v in out if v != norm and v not in whole and " " in v]:
            if any(w in where for w in v.split()):
                del out[v]  # "wagga clive", "kiri hamilton": half a place beside the name
        for v in where:
            if v != norm and v not in whole:
                out.pop(v, None)
        if blanks:
            # "Κούλα από Βέροια", "Barbara z Halemby": the locative and the words around it are no name alone ("Barbara
            # z" no, "από" no); the whole display name stays one (a header writes it so), and the words before the
            # locative are the person's name
            loc = next((i for i, p in enumerate(alpha) if 0 < i < len(alpha) - 1 and p in _NAME_LOCATIVES), home)
            for v in [v for v in out if v != norm and v not in whole and alpha[loc] in v.split()]:
                out.pop(v, None)
            if loc > 1:
                out.setdefault(" ".join(alpha[:loc]), True)
    return out


# locative words of a display name written with blanks ("Piet from Tiel"): English and German prepositions
# of place only (the Romance "de", "da" and "di" are particles of surnames there: "Ana de Souza")
_NAME_LOCATIVES = frozenset({"in", "from", "near", "outta", "aus",
                             # Dutch "uit", Malay and Indonesian "dari" (from): "Xx uit Tiel", "Xx dari Ambon"
                             "uit", "dari",
                             # Polish and Czech "z"/"ze", Slovene and Croatian "iz", Greek "από" (from; the places_before
                             # of language_cues.toml that mean "from" and are no surname particle): "Xx z Halemby",
                             # "Xx iz Ljubljane", "Xx από τη Μόρφου"
                             "z", "ze", "iz", "από", "apo"})
# locative words inside a handle: what follows says where the commenter is ("kiri_in_hamilton",
# "aunty_from_logan", "sione_of_otara", "hans_aus_graz"), not who
_HANDLE_LOCATIVES = frozenset({"in", "from", "of", "at", "near", "outta", "aus", "von", "im", "de", "di", "da", "uit", "dari",
                               "z", "ze", "iz", "από", "apo",
                               # the Romance "de"/"di"/"da" with the article ("la_nena_del_poblenou", "x_della_marina")
                               "del", "della", "dal", "dalla", "dels", "des", "du"})
# Romance "in"/"at" ("paz.en.rosario", "vera_a_monteverde"): Dutch "en" is "and" and "a" is many things, so only
# before a place of the gazetteers do they say where the commenter is
_PLACE_ONLY_LOCATIVES = frozenset({"en", "a", "à", "em", "no", "na"})
# the Romance particles that join a surname ("Ana de Souza", "Maria da Silva") or name a home town ("Ginette de
# Jonquière", "Margalida de Sóller"): in a display name written with blanks, a town only when the words after it are
# a place of the gazetteers and no surname of the name lists
_ROMANCE_PARTICLES = frozenset({"de", "di", "da", "des", "del", "della", "dal", "do", "dos", "das", "du", "d"})


def _gazetteer_place(words: list[str]) -> bool:
    from .knowledge import knowledge

    k = knowledge()
    phrase = " ".join(words)
    return k.is_place(phrase) or k.is_small_place(phrase) or k.is_subdivision(phrase)


def _particle_home(alpha: list[str], lex: Lexicon) -> int | None:
    """Index of a Romance particle inside a display name written with blanks that introduces the commenter's home
    town ("Ginette de Jonquière", "Famille Lapierre de Gaspé"), not a surname ("Ana de Souza"), or None."""
    for i, p in enumerate(alpha):
        if 0 < i < len(alpha) - 1 and p in _ROMANCE_PARTICLES:
            rest = alpha[i + 1:]
            if _gazetteer_place(rest) and not any(lex.is_surname(w) or lex.is_first_name(w) for w in rest):
                return i
    return None


def _handle_whereabouts(parts: list[str], lex: Lexicon, places: bool = True, later_places: bool = False,
                        contact: str = "") -> set[str]:
    """Variants of a handle's parts that name a place or a people, not the person: the words after a
    locative ("..._in_porirua", "..._from_salt_lake"), and parts that are places in the gazetteer or
    nationality words and no given name ("wagga_wagga_x", "x_warrnambool", "tongan_x"). The person's
    own name in the handle stays a variant."""
    from .knowledge import knowledge

    k = knowledge()
    alpha = [p for p in parts if p.isalpha()]
    out: set[str] = set()
    for i, p in enumerate(alpha):
        if 0 < i < len(alpha) - 1 and (p in _HANDLE_LOCATIVES or (
                p in _PLACE_ONLY_LOCATIVES and _gazetteer_place(alpha[i + 1:]))):
            rest = alpha[i + 1:]
            out.update(rest)
            out.add(" ".join(rest))
            out.add("".join(rest))
    for i, p in enumerate(alpha if places or later_places else ()):
        if not places and (i == 0 or lex.is_last_name(p) or p in contact):
            continue  # (in a handle written with capitals, "Amit_Rao": a later part that is no surname of the lists,
            # nor written in the commenter's own e-mail address or site: "X_Nagai" of "x.nagai@...", a surname)
        if (k.is_place(p) or k.is_demonym(p)) and not (lex.is_first_name(p) or p in lex.intl_names):
            out.add(p)
        if i + 1 < len(alpha) and k.is_place(f"{p} {alpha[i + 1]}"):
            out.add(f"{p} {alpha[i + 1]}")
            out.update((p, alpha[i + 1]))
    return out


def cue_variants(name: str, lex: Lexicon, generic: frozenset[str] = frozenset()) -> set[str]:
    """Parts of a name that are ordinary words and not names ("wordpress" in "Mr WordPress", "crumpet"
    in "Crumpet Mum"): matched in text only where it uses them as a name (a greeting before, "X wrote",
    "X's comment", "X," opening a line). Function words ("the", "to", "mr") are never matched alone."""
    norm = normalise_name(name)
    if not norm or is_generic_name(norm, generic):
        return set()
    strongish = name_variants(name, lex)
    out: set[str] = set()
    for p in re.split(r"[\s_.\-]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", norm):
        if len(p) < 3 or not p.isalpha() or p in strongish or p in generic:
            continue
        r = lex.rank(p)
        if r is not None and r < 1000:
            continue  # "the", "to", "mr", "my"
        out.add(p)
    return out
