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
            if n and n not in generic:
                return ("name", n)
    return None


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


def words(text: str) -> list[str]:
    """The audit's tokeniser: runs of letters/digits, case-folded (must match on both sides)."""
    return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]


def token_class(word: str, lex: Lexicon) -> str:
    """'h' (hit in any case), 'c' (hit when capitalised), 's' (review only) for one name word."""
    r = lex.rank(word)
    if r is None and not word.isdigit():
        return "h"
    if r is not None and r >= SOFT_RANK:
        return "c"
    return "s"


def hmac_token(key: bytes, ngram: str, scope: str | None = None) -> str:
    """Keyed token of a normalised n-gram. Class "h" tokens (not English words) are global; "c" and
    "s" tokens (names that are also words: "Jordan", "Will") are scoped to their source, so a
    commenter called Jordan on one blog does not fail every mention of the country elsewhere."""
    msg = "idtoken\x1f" + ngram if scope is None else "idtoken\x1f" + scope + "\x1f" + ngram
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def identity_ngrams(ident: Identity, lex: Lexicon, generic: frozenset[str]) -> dict[str, str]:
    """Name 1..3-grams (and the website's own host label) of one identity -> class letter."""
    out: dict[str, str] = {}
    sources: list[list[str]] = []
    if ident.name and normalise_name(ident.name) not in generic:
        sources.append(words(ident.name))
    if ident.url:
        host, _, path = normalise_url(ident.url).partition("/")
        labels = [lb for lb in host.split(".")[:-1] if lb not in ("www", "blog", "m")]
        if labels and labels[0] not in PLATFORMS:
            # "boundaryninjatales.com" -> boundaryninjatales; "kat.wordpress.com" -> kat
            sources.append(words(labels[0]))
        elif path:
            # "facebook.com/jane.doe" -> jane, doe (the platform's name identifies nobody)
            sources.append(words(path.split("/", 1)[0]))
    if ident.email and "@" in ident.email:
        local = normalise_email(ident.email).split("@", 1)[0]
        sources.append(words(local))
    order = {"s": 0, "c": 1, "h": 2}
    for ws in sources:
        ws = [w for w in ws if len(w) >= 2 or len(ws) > 1]
        for n in (1, 2, 3):
            for i in range(len(ws) - n + 1):
                gram = ws[i:i + n]
                if n == 1 and len(gram[0]) < 2:
                    continue
                cls = max((token_class(w, lex) for w in gram), key=order.__getitem__)
                key = " ".join(gram)
                if order[cls] > order.get(out.get(key, "s"), 0) or key not in out:
                    out[key] = cls
    return out


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


def name_variants(name: str, lex: Lexicon) -> dict[str, bool]:
    """Surface forms to look for in text -> strong? (strong: match in any case; weak: only capitalised).

    "Joseph Burgo" -> joseph burgo, joe burgo, joseph, joe, joey, burgo; a handle "hopeful_kat" ->
    hopeful_kat, hopeful kat, kat. A part that is a common English word ("Will", "Grace",
    "hopeful") is weak or dropped, so "will" and "hope" in ordinary text are not touched.
    """
    out: dict[str, bool] = {}
    norm = normalise_name(name)
    if not norm or len(norm) < 2:
        return out
    parts = [p for p in re.split(r"[\s_.\-]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", norm) if p]
    # strong (any case): multi-part names and handles, a word that is not ordinary English, or a
    # rarer word that is a given name ("Evan"); "Hope" or "Empty" only when capitalised
    r_full = lex.rank(norm)
    out[norm] = len(parts) > 1 or r_full is None or (
        r_full >= SOFT_RANK and (lex.is_first_name(norm) or lex.is_last_name(norm)))
    alpha = [p for p in parts if p.isalpha()]
    if len(parts) > 1:
        out.setdefault(" ".join(parts), True)
    first = alpha[0] if alpha else None
    last = alpha[-1] if len(alpha) > 1 else None
    for p in alpha:
        if len(p) < 2:
            continue
        r = lex.rank(p)
        name_like = lex.is_first_name(p) or lex.is_last_name(p)
        if r is None:
            out.setdefault(p, True)
        elif name_like:
            out.setdefault(p, r >= SOFT_RANK)  # evan, kat: any case; will, grace, mark: capitalised only
        # common words that are not names ("hopeful", "blue") are never matched alone
    if first and lex.is_first_name(first):
        for v in _nick_variants(first):
            if v not in out:
                r = lex.rank(v)
                out[v] = r is None or r >= SOFT_RANK
            if last:
                out.setdefault(f"{v} {last}", True)
    return out
