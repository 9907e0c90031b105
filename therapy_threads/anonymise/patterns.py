"""E-mail, URL and @mention patterns shared by the anonymiser and the privacy audit.

A bare domain only counts with a real top-level domain in lower case ("quietharbourtales.com",
"example.co.uk"), so run-together sentences ("2.Do", "feel.Th", "money.commitment") are not URLs.
"""
from __future__ import annotations

import re

from functools import lru_cache

from . import address_words, spellout
from .wordgate import odd_characters



def _country_code_tlds() -> frozenset[str]:
    """Every ASCII country-code top-level domain of the Public Suffix List that the `tld` package
    ships (maintained upstream), so a bare link of any country ("name.example.hk/post") counts,
    not only of the countries someone thought of."""
    import os

    import tld

    path = os.path.join(os.path.dirname(tld.__file__), "res", "effective_tld_names_public_only.dat.txt")
    with open(path, encoding="utf-8") as f:
        rules = (line.strip() for line in f)
        tops = {r for r in rules if r and not r.startswith(("//", "*", "!")) and "." not in r and r.isascii()}
    if len(tops) < 200:  # a truncated or moved list would silently let bare links through
        raise RuntimeError(f"the Public Suffix List in {path} holds only {len(tops)} top-level domains")
    return frozenset(t for t in tops if len(t) == 2)


# Generic TLDs people use for personal sites, common country codes and the community TLDs of the
# covered languages' regions (Catalan, Basque, Galician, Scottish, Welsh, Breton, Québécois): a bare
# "word.tld" must end in one of these, or in any other country code when a subdomain or a path shows
# it is a link ("name.example.hk", "name.hk/post"; "README.md" and "setup.py" are file names).
# Generic TLDs that are everyday words ("now", "one", "fun") are left out: in run-together prose
# they would turn "all.now" into a link.
_COMMON_TLDS = frozenset({
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "io", "co", "me",
    "blog", "app", "dev", "site", "online", "xyz", "tv", "fm", "ly", "us", "uk", "ca", "au", "nz",
    "ie", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "gr",
    "cz", "ru", "ua", "in", "jp", "cn", "kr", "br", "mx", "ar", "cl", "za", "ng", "ke", "il", "tr",
    "eu", "asia", "health", "life", "live", "space", "world", "today", "page", "link", "club",
    "email", "art", "love", "care", "center", "coach", "consulting", "counseling", "therapy",
    "cat", "eus", "gal", "scot", "wales", "cymru", "bzh", "quebec",
})
TLDS = sorted(_country_code_tlds() | _COMMON_TLDS, key=len, reverse=True)
_TLD = "(?:" + "|".join(TLDS) + ")"

# A "+" just before an address mentions it (Google Docs' and Office's "+name@example.com"): the
# address is found with it, as a "+" inside a local part is.
EMAIL_RE = re.compile(r"(?<![\w.+-])\+?[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w-])")

_PATH = r"(?:[/?#][^\s<>\"“”‘’()\[\]]*[^\s<>\"“”‘’()\[\].,;:!?'])?"
URL_RE = re.compile(
    r"(?:\b(?:https?|ftp)://[^\s<>\"“”]+[^\s<>\"“”.,;:!?'’)\]]"          # with a scheme
    r"|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+" + _PATH +                  # www.
    r"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+" + _TLD + r"(?![\w-])" + _PATH + r")",
    re.I,
)
# Bare domains need the TLD in lower case and a first label with a letter; re.I above would accept
# "feel.Th", so bare matches are re-checked in find_urls.
_BARE_OK = re.compile(r"^([A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*)\.((?:[A-Za-z0-9-]+\.)*)(" + _TLD + r")(?:[/?#]|$)")
# TLDs that are unlikely in run-together prose; with any other TLD ("end.it", "feeling.in") a
# two-label bare domain counts only when its first label is not an ordinary English word.
STRONG_TLDS = frozenset({"com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "blog"})

MENTION_RE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)"
                        # and Reddit's u/name (3-20 characters there; up to 30 on the forums that copy its "u/", whose
                        # names may hold dots inside as their "@" names do: "u/chase.the.miles")
                        r"|(?<![\w/])/?u/([A-Za-z0-9_-](?:[A-Za-z0-9_.-]{1,28}[A-Za-z0-9_-])?)(?![\w-])")


def by_first_letter(alternation: str, not_after: str | None = None) -> str:
    """The same alternation of words grouped by their first character, in the same order within
    each group: "book|by|see" -> "b(?:ook|y)|s(?:ee)". It matches exactly what the flat one matches
    (words that start with different characters never both match at one place, and the order of
    words with the same start is kept), but the regex engine tries ~20 first letters at a word
    boundary instead of every word: a flat list of ~130 words cost ~6 % of the anonymiser's time.
    For patterns without ``re.I`` (case-folding would let "k" and "K" compete); a word may start
    with an escaped literal ("\\(") but not with a class ("\\s").

    ``not_after`` (the body of a one-character look-behind, e.g. ``r"\\w"``) makes the alternation
    ``(?<!not_after)(?:...)`` with the look-behind moved into each group (see below);
    ``r"\\b(?:" + by_first_letter(a) + ")"`` is ``by_first_letter(a, r"\\w")`` when every word
    starts with a word character."""
    groups: dict[str, list[str]] = {}
    for w in alternation.split("|"):
        head = w[:2] if w.startswith("\\") else w[:1]
        if not head or (len(head) == 2 and head[1].isalnum()) or head in ".^$*+?{}[]()":
            raise ValueError(f"by_first_letter takes words, not {w!r}")
        groups.setdefault(head, []).append(w[len(head):])
    if not_after is not None:
        # "(?<!X)(?:b(?:ook|y)|s(?:ee))" written as "b(?<!Xb)(?:ook|y)|s(?<!Xs)(?:ee)": the same
        # matches (the look-behind still asks about the character before the first letter), but
        # every branch now starts with a literal, so the regex engine skips ahead to the positions
        # holding a first letter instead of trying the look-behind at every position
        return "|".join(f"{head}(?<!{not_after}{head})(?:" + "|".join(rest) + ")" for head, rest in groups.items())
    return "|".join(head + "(?:" + "|".join(rest) + ")" for head, rest in groups.items())


def find_emails(text: str) -> list[tuple[int, int]]:
    if "@" not in text:
        return []
    return [m.span() for m in EMAIL_RE.finditer(text)]


# A cheap first look: most texts have no link at all, and the full pattern is slow on prose.
_URL_HINT = re.compile(r"://|www\.|[A-Za-z0-9-]\.(?:" + "|".join(TLDS) + r")(?![\w-])")


_DOT_LOWER = re.compile(r"\.[a-z]")
_SHORT_HOST_PATH = re.compile(r"/[^\W_]")


def find_urls(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text and not _DOT_LOWER.search(text):
        return []  # no scheme, no www., and no ".x" anywhere: no link (the common case, C-speed)
    if not _URL_HINT.search(text):
        return []
    out = []
    for m in URL_RE.finditer(text):
        s = m.group(0)
        low = s[:8].lower()
        if not (low.startswith(("http://", "https://", "ftp://")) or low.startswith("www.")):
            b = _BARE_OK.match(s)
            if not b:
                continue
            if not b.group(2) and b.group(3) not in _COMMON_TLDS and not re.search(r"[/?#]", s):
                continue  # "README.md", "setup.py": a file name, unless a path or subdomain says link
            if not b.group(2) and b.group(3) not in STRONG_TLDS:
                from .lexicon import lexicon

                label = b.group(1)
                # a one- or two-letter host with a path is a short-link or messaging host ("t.me/name",
                # "wa.me/number"): no word of prose is shaped so, and the path is the identifying part
                if not (len(label) < 3 and _SHORT_HOST_PATH.match(s, b.end() - 1)) \
                        and (len(label) < 3 or lexicon().rank(label) is not None):
                    continue
        out.append(m.span())
    return out


# A host name with letters outside ASCII ("müller-praxis.de"): URL_RE reads ASCII labels only.
_IDN_CANDIDATE = re.compile(r"(?<![\w@.-])(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w-])[^\s<>\"“”]*")


_IDN_HINT = re.compile(r"[^\x00-\x7f][\w-]*\.[^\W\d_]{2}")  # a label with such a letter, then a dot


def find_idn_urls(text: str) -> list[tuple[int, int]]:
    """Links whose host name has letters outside ASCII, found as :func:`find_urls` finds their
    IDNA (``xn--``) form."""
    if text.isascii() or "." not in text or not _IDN_HINT.search(text):
        return []
    out = []
    for m in _IDN_CANDIDATE.finditer(text):
        s = m.group(0)
        cut = re.search(r"[/?#]", s)
        host, tail = (s[:cut.start()], s[cut.start():]) if cut else (s, "")
        if host.isascii():
            continue  # find_urls' own
        try:
            ascii_host = ".".join(lb.encode("idna").decode("ascii") for lb in host.split("."))
        except (UnicodeError, ValueError):
            continue
        spans = find_urls(ascii_host + tail)
        if spans and spans[0][0] == 0 and spans[0][1] >= len(ascii_host):
            out.append(m.span())
    return out


def url_host(url: str) -> str:
    s = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I)
    host = re.split(r"[/?#]", s, maxsplit=1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def find_mentions(text: str) -> list[tuple[int, int]]:
    """Spans of "@name" and "u/name" mentions, prefix included."""
    if "@" not in text and "u/" not in text:
        return []
    return [m.span() for m in MENTION_RE.finditer(text)]


def mention_prefix(mention: str) -> int:
    """Length of the mention's prefix ("@", "u/", "/u/")."""
    return 1 if mention.startswith("@") else (3 if mention.startswith("/u/") else 2)


def mask(s: str) -> str:
    """A masked form safe to log: first character, then one '*' per further character (max 8)."""
    s = s.strip()
    if not s:
        return ""
    return s[0] + "*" * min(len(s) - 1, 8)


def _phonenumbers_regions() -> frozenset[str]:
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


# ---- addresses written out to dodge filters: "sam dot lee at example dot com", "x punkt y at z punkt de"

# The words for "@", ".", "_", "-" and "/" come from one table per language (:mod:`.address_words`: "at",
# "bei", "ät", "arroba", "chiocciola", "apenstaartje", "małpa", "zavináč", "snabel-a"; "dot", "punkt", "punto",
# "ponto", "punt", "kropka", "tečka", "piste"; ...). Writers mix them: the at-word of one language beside
# the dot-word of another ("x punct y at z punct ro"), so the patterns take every language's words at once.
# At-words that are prepositions of their language ("by", "bei", "di", "ag", "et") count only beside their own
# language's dot-word (:func:`_at_word_here`).
_AT_WORDS = address_words.alternation("at")
_DOT_WORDS = address_words.alternation("dot")
_SLASH_WORDS = address_words.alternation("slash")
_W_AT = r"(?:\s*[\[({<]\s*(?:" + _AT_WORDS + r")\s*[\])}>]\s*|\s+(?:" + _AT_WORDS + r")\s+)"
_W_DOT = r"(?:\s*[\[({<]\s*(?:" + _DOT_WORDS + r"|\.)\s*[\])}>]\s*|\s+(?:" + _DOT_WORDS + r")\s+|\.)"
_W_SLASH = r"(?:\s+(?:" + _SLASH_WORDS + r")\s+|/)"
_W_PART = r"[A-Za-z0-9](?:[A-Za-z0-9_+-]*[A-Za-z0-9])?"
# "_" and "-" inside a label written out too ("tunde underscore a", "mary dash lou", "anna unterstrich k",
# "titti trattino bologna"). They join two parts of an address only inside a whole written-out address (an
# at-word and a domain), so a word of prose ("un guion de cine") is never taken alone.
_W_JOIN = r"\s+(?:" + address_words.alternation("underscore") + "|" + address_words.alternation("hyphen") + r")\s+"
# (an Irish surname keeps its particle and the blank after it inside a written-out address: "x ponc ni y ag ...")
_W_GA_PARTICLE = r"(?:n[ií]|nic|mac|mhic|[oó]|u[ií])\s+"
_W_LABEL = r"(?:" + _W_GA_PARTICLE + r")?" + _W_PART + r"(?:" + _W_JOIN + _W_PART + r")*"
# a written-out address names its top-level domain after a written dot, so any country code can end
# it ("... dot com dot gh"): the ISO regions of libphonenumber's metadata ("uk" for GB)
_W_TLDS = sorted(set(TLDS) | {r.lower() for r in _phonenumbers_regions()} | {"uk"}, key=len, reverse=True)
_W_TLD = r"(?:" + "|".join(_W_TLDS) + r")"
WRITTEN_EMAIL_RE = re.compile(
    r"(?<![\w.@])" + _W_LABEL + r"(?:" + _W_DOT + _W_LABEL + r")*" + _W_AT + _W_LABEL
    + r"(?:" + _W_DOT + _W_LABEL + r")*" + _W_DOT + _W_TLD + r"(?![\w-])", re.I)
WRITTEN_URL_RE = re.compile(
    r"(?<![\w.@])" + _W_LABEL + r"(?:" + _W_DOT + _W_LABEL + r")*" + _W_DOT + _W_TLD + r"(?![\w-])"
    + r"(?:" + _W_SLASH + _W_LABEL + r")*", re.I)  # and a path written out ("... dot de slash hilfe")
_WRITTEN_HINT = re.compile(r"\b(?:" + _DOT_WORDS + r")\b|[\[(]\s*(?:at|dot|@)\s*[\])]", re.I)
_BRACKET_HINT = re.compile(r"[\[(]\s*(?:at|dot|@)\s*[\])]", re.I)  # _WRITTEN_HINT's second branch


def _spelled_out(alternation: str) -> tuple[str, ...] | None:
    """Every word an alternation of words matches, its classes of letters spelled out
    ("te[cč]ka" -> "tecka", "tečka"); None if a branch holds any other pattern syntax."""
    out: list[str] = []
    for branch in alternation.split("|"):
        words = [""]
        for part in re.split(r"(\[[^\]]*\])", branch):
            if part.startswith("["):
                letters = part[1:-1]
                if not letters.isalpha():
                    return None
                words = [w + c for w in words for c in letters]
            elif part.isalpha() or not part:
                words = [w + part for w in words]
            else:
                return None
        out += words
    return tuple(out)


# _WRITTEN_HINT's words, spelled out (None if one is ever written as another pattern: then no
# substring test). (When a class was first added, "te[cč]ka", the words were left None and every
# text took the case-insensitive regex scan: ~6 % of the anonymiser's time.)
_HINT_WORDS = _spelled_out(_DOT_WORDS)
# The characters re.I equates with a letter of those words but str.lower does not (Greek "ϵ" for "ε" in
# "τελεία", besides the long s and the dotless i): where the text has none, lower-casing decides as re.I does.
_HINT_ODD = tuple(sorted(odd_characters("".join(_HINT_WORDS)))) if _HINT_WORDS else ()


def _whole_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of ``words`` (plain, no flags) with no word character on either side:
    ``any(low.find(w) ... with word boundaries for w in words)`` in one scan. The words are grouped by
    their first character, each group's boundary before asked after that character (``(?<!\\w.)``: the
    character before it is no word character), so the engine skips ahead on the first characters
    instead of trying a look-behind at every position (~8 µs a comment against ~16 µs for the finds)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return re.compile("|".join(re.escape(h) + r"(?<!\w.)(?:" + "|".join(rest) + r")(?!\w)"
                               for h, rest in groups.items()))


_HINT_WORD = _whole_words(_HINT_WORDS) if _HINT_WORDS else None


def _written_hint(text: str) -> bool:
    """``_WRITTEN_HINT.search(text)``, without its case-insensitive scan of every position where the
    text has no bracket (its second branch) and none of its words in any case (its first)."""
    if _HINT_WORDS and (text.isascii() or not any(map(text.__contains__, _HINT_ODD))):
        # The first branch: one of the words in any case, a word boundary on each side. Without
        # the odd case-folding characters the lower-cased text has the same length and the same
        # word characters, so the words are found there with one plain search ("point" is
        # in "disappointed": the boundaries decide). A regex search with re.I tried the branch at
        # every position (~3 % of the extraction worker's CPU). The second branch needs a bracket
        # ("(at)", "[dot]"): its own pattern, which starts at one, decides then.
        if ("[" in text or "(" in text) and _BRACKET_HINT.search(text) is not None:
            return True
        return _HINT_WORD.search(text.lower()) is not None
    return _WRITTEN_HINT.search(text) is not None


def _word_char(c: str) -> bool:
    """Whether ``c`` is a word character for ``\\b`` (``re.match(r"\\w", c)`` of a str pattern)."""
    return c.isalnum() or c == "_"


_WRITTEN_SEP = re.compile(r"(?<!\w)(?:" + _DOT_WORDS + "|" + _AT_WORDS + r")(?!\w)|[\[({<]", re.I)


def find_contacts(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]],
                                        list[tuple[int, int]]]:
    """E-mail addresses, links (with :func:`find_idn_urls`' Unicode host names), written-out e-mail
    addresses and written-out web addresses, in one call: the same four lists as the ``find_*`` functions, with the written forms' shared
    first look (a case-insensitive scan of the whole text) run once instead of twice."""
    urls = find_urls(text)
    if not text.isascii():
        idn = find_idn_urls(text)  # a host name with letters outside ASCII, as the audit finds it
        if idn:
            urls = sorted(urls + idn)
    if not _written_hint(text) or not _written_tld(text):
        return find_emails(text), urls, [], []
    return find_emails(text), urls, _written_emails(text), _written_urls(text)


# Both written forms end in a written dot (_W_DOT) and a top-level domain (_W_TLD, no word character or
# "-" after it): "." or a bracketed dot right before it, or a dot-word and blanks. _written_tld asks for
# that ending before their scans (each tries a label at every word: ~1 ms for a post of a few thousand
# characters that merely says "point").
_DOT_ALNUM = re.compile(r"\.[a-z0-9]", re.I)
_BRACKET_DOT = re.compile(r"[\[({<]\s*(?:" + _DOT_WORDS + r"|\.)\s*[\])}>]\s*[a-z0-9]", re.I)
_BLANKS = re.compile(r"\s+")
_TLD_RUN = re.compile(r"[\w-]+")
_TLD_AT = re.compile(_W_TLD + r"(?![\w-])", re.I)
_TLD_SET = frozenset(_W_TLDS)


def _tld_at(text: str, p: int) -> bool:
    """``_TLD_AT.match(text, p)``: a domain matched there is followed by no character of ``[\\w-]`` and
    holds only such characters, so it is the whole run of them at ``p``; an ASCII run matches one of the
    (lower-case ASCII) domains case-insensitively exactly where its lower case is one."""
    m = _TLD_RUN.match(text, p)
    if m is None:
        return False
    run = m.group(0)
    if run.isascii():
        return run.lower() in _TLD_SET
    return _TLD_AT.match(text, p) is not None


def _written_tld(text: str) -> bool:
    """False only where neither :data:`WRITTEN_EMAIL_RE` nor :data:`WRITTEN_URL_RE` can match: no written
    dot before a top-level domain (every match ends with one). A dot-word is looked for in the lower-cased
    text, as in :func:`_written_hint`, unless the text holds a character that the patterns match with one
    of the words' letters but that does not lower-case to it (``odd_characters``): then True."""
    for m in _DOT_ALNUM.finditer(text):
        if _tld_at(text, m.start() + 1):
            return True
    if any(map(text.__contains__, "[({<")) and _BRACKET_DOT.search(text) is not None:
        return True
    if not _HINT_WORDS or (not text.isascii() and any(map(text.__contains__, _HINT_ODD))):
        return True
    low = text.lower()
    for w in _HINT_WORDS:
        i = low.find(w)
        while i >= 0:
            m = _BLANKS.match(text, i + len(w))
            if m is not None and _tld_at(text, m.end()):
                return True
            i = low.find(w, i + 1)
    return False


def find_written_emails(text: str) -> list[tuple[int, int]]:
    """E-mail addresses written out with words or brackets for "@" and "."."""
    if not _written_hint(text) or not _written_tld(text):
        return []
    return _written_emails(text)


def _written_emails(text: str) -> list[tuple[int, int]]:
    from .lexicon import lexicon

    out = []
    for m in _longest_written(text):
        s = m.group(0)
        if not _WRITTEN_SEP.search(s):
            continue
        at = next((a for a in _W_AT_EVERY.finditer(s) if _at_word_here(a.group(1), s)), None)
        if at is None:
            continue  # "by", "di", "ag" are at-words only in an address written with their language's dot-word
        # (the at-word, not a label that is also one: "kaveri dot di at example dot in")
        local, domain = s[:at.start()], s[at.start() + len(at.group(1)):]
        first = re.split(_W_DOT, domain)[0]
        lr, dr = lexicon().rank(local), lexicon().rank(first)
        if lr is not None and dr is not None and lr < 500 and dr < 500:
            continue  # "look at it dot com": prose, not an address
        if _PATH_AFTER.match(text, m.end()):
            continue  # "my blog at marisol dot example dot com slash recursos": "at" a web address with a path
        out.append((_spoken_local_start(text, _local_start(text, m.start()), at.group(1)), m.end()))
    return out


def _spoken_local_start(text: str, s: int, at_word: str) -> int:
    """Where a local part said in words with blanks begins ("e-mail him at owner op colt at example dot com"
    for owner_op_colt): the same at-word said twice, the first a preposition of the sentence ("at"), and one
    or two words between it and the address are of the address (an address has no blank, the speaker left
    its separators out), not of the prose, unless one is among the language's commonest words."""
    word = at_word.strip()
    if not word.isalpha():
        return s
    m = re.search(r"(?<!\w)" + re.escape(word) + r"[ \t\u00a0]+((?:[^\W_][\w+-]*[ \t\u00a0]+){1,2})$",
                  text[max(0, s - 60):s], re.I)
    if m is None:
        return s
    from .lexicon import lexicon

    # (the most common words are the sentence's: "we met at the cafe at ...", "at home at ...")
    ranks = [lexicon().rank(w) for w in m.group(1).split()]
    return s if any(r is not None and r < 200 for r in ranks) else s - len(m.group(1))


# A local part said with a blank where the address has none or a digit run: "lakshmi dot venkat sixty at
# ..." (venkat60), "luz maria ponto okamoto arroba ..." (luzmaria). The pattern's label has no blank, so its
# match starts at the word after it and the word before would stay in the text.
_WORD_BEFORE = re.compile(r"(?<![\w.@])([^\W_][\w+-]*)[ \t\u00a0]+$")
_LABELS_BEFORE = re.compile(r"(?<![\w.@])(?:" + _W_LABEL + _W_DOT + r")+$", re.I)
_FIRST_WORD = re.compile(r"[^\W_]+")


_WORD_START = re.compile(r"(?<!\w)\w")


def _longest_written(text: str):
    """Written-out address candidates, left to right, each the longest that starts inside the leftmost
    one: in "reach me at anna dot love at example dot com" the leftmost reading "me at anna dot love"
    (".love" is a domain) would hide the address that follows it."""
    pos = 0
    while True:
        m = WRITTEN_EMAIL_RE.search(text, pos)
        if m is None:
            return
        best = m
        for w in _WORD_START.finditer(text, m.start() + 1, m.end()):
            m2 = WRITTEN_EMAIL_RE.match(text, w.start())
            if m2 is not None and m2.end() > best.end():
                best = m2
        yield best
        pos = best.end()


def _local_start(text: str, s: int) -> int:
    """Where the local part of the written-out address found at ``s`` begins: a word earlier when the
    address's first word is a number word (a digit run said out: "venkat sixty", "gyopo zero four one two",
    back to the word before the run) or when both words are given
    names (a double given name: "luz maria", "anna lena") and the earlier one is no common word of any
    language; then over the labels and written dots before that word ("lakshmi dot venkat sixty")."""
    first = _FIRST_WORD.match(text, s)
    start = s
    while first is not None:
        prev = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if prev is None:
            break
        number = _number_word(first.group(0))
        if not (number or _double_given_name(prev.group(1), first.group(0))):
            break
        start = prev.start(1)
        # a digit run said word by word ("gyopo zero four one two"): on to the word before the run
        first = _FIRST_WORD.match(text, start) if number and _number_word(prev.group(1)) else None
    if start == s:
        return s
    s = start
    more = _LABELS_BEFORE.search(text, max(0, s - 160), s)
    return more.start() if more is not None else s


def _number_word(word: str) -> bool:
    return spellout.fold(word) in _number_words()


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """The words for 0-99 in the languages of the address words' table (CLDR's, via :mod:`.spellout`),
    single words only ("sixty", "sechzig", "trentadue", "dwadzieścia")."""
    tables = spellout.tables()
    return frozenset(w for lang in address_words.TABLE if lang in tables
                     for w, n in tables[lang].numbers.items() if n < 100 and " " not in w)


def _double_given_name(prev: str, first: str) -> bool:
    from .lexicon import lexicon

    lex = lexicon()
    if not (lex.is_first_name(prev) and lex.is_first_name(first)):
        return False
    cf = prev.casefold()
    ranks = [lex.rank(cf)] + [t.get(cf) for t in (lex.other_rank or {}).values()]
    return all(r is None or r >= 300 for r in ranks)  # "to maria ...", "an anna ...", "de ana ...": prose


_W_AT_EVERY = re.compile(r"(?=(" + _W_AT + r"))", re.I)  # every at-word, overlapping ones too ("x dot di at y")


def _at_word_here(at: str, address: str) -> bool:
    own = address_words.own_dot(at.strip().strip("[](){}<>").strip())
    return own is None or own.search(address) is not None


_PATH_AFTER = re.compile(_W_SLASH + r"[^\W_]", re.I)


def find_written_urls(text: str) -> list[tuple[int, int]]:
    """Web addresses written out with "dot" ("myblog dot example dot com"). A two-part form
    ("the dot com") counts only when its first word is not an ordinary English word."""
    if not _written_hint(text) or not _written_tld(text):
        return []
    return _written_urls(text)


def _written_urls(text: str) -> list[tuple[int, int]]:
    out = []
    for m in WRITTEN_URL_RE.finditer(text):
        s = m.group(0)
        if not _WRITTEN_SEP.search(s):
            continue
        parts = re.split(_W_DOT, s)
        if len(parts) < 3:
            from .lexicon import lexicon

            r = lexicon().rank(parts[0])
            if r is not None and r < 20000:
                continue
        out.append(m.span())
    return out
