"""The privacy audit: a build may be published only if no raw identity, e-mail address or URL is left.

``audit_build(build_dir, key)`` reads the published tables (posts, comments, quarantine) and
``private/identity_tokens.txt`` (keyed HMAC tokens of the normalised name n-grams of every
commenter identity the anonymiser saw; the raw names are never stored). It tokenises every
published text field into word 1..3-grams, HMACs them with the same key and checks membership:

- ``identity``: a token of class ``h`` (a name word that is not an ordinary English word) in any
  case, or of class ``c`` (a name that is also a rarer English word, e.g. "Evan") written
  capitalised, or the whole display name of a commenter ("Mr WordPress") -> **fail**;
  weak tokens — class ``s`` (one of the commonest English words: "Will", "Hope"), class ``w``
  (an ordinary word or brand that is not a name: "Crumpet", "WordPress") and ``h``/``c`` tokens in
  text of a language where they are ordinary words ("Moin", "Bürger" in German) -> **fail** only
  where the text uses them as a name ("Thanks Crumpet", "Crumpet wrote", "@crumpet"), otherwise
  review (``identity_soft`` / ``identity_weak``) when capitalised.
- ``email`` / ``url``: an address or link in published text -> **fail** (links to a post's own
  site in its body are allowed).
- ``removed_text``: a comment marked ``removed`` (the platform shows it as deleted) that still has
  text -> **fail**: its words were withdrawn (by the commenter or a moderator) and are never
  published; readers empty them, so a hit means a reader or a later stage put them back.
- ``ner``: person names the rules or the NER model still find -> review report with counts.

Nothing raw is logged or written: hits carry the table, row id, field and a masked form ("J***").
The result goes to ``build_dir/validation/privacy_audit.json``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from ..errors import PrivacyGateError
from .identity import fold, hmac_token, invisible_in, spaced_words, split_readings, words as name_words
from .keys import key_fingerprint
from .phones import find_all_phones
from .patterns import find_emails, find_idn_urls, find_urls, find_written_emails, mask, url_host
from .slugs import slug_leftovers

log = logging.getLogger(__name__)

MAX_LISTED = 200  # hits/review rows listed in the report; counts are always complete
_WORD = re.compile(r"[^\W_]+")
# Every published string column is checked, one of two ways. Free text, names, sites and URLs
# (below) go through the identity, e-mail and URL checks; columns with a fixed shape (ids, hashes,
# pseudonyms, codes: _SHAPES) must have that shape, so a raw value placed there (a handle in
# author_pseudonym, text in a hash column) fails. A published string column in neither list
# fails the audit until it is classified here.
_FIELDS = {
    "posts": ("post_id", ["title", "body", "author", "site", "url", "source_id"]),
    "comments": ("comment_id", ["text", "published_age", "source_id"]),
    "quarantine": ("item_id", ["detail", "location", "source_id"]),
}
_ID = r"[0-9a-f]{20}"
_LANG = r"^[a-z]{2,3}$"
_CODE = r"^[a-z_]+$"
_LOCAL_TIME = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$"
_SHAPES: dict[str, dict[str, str]] = {
    "posts": {"post_id": rf"^p_{_ID}$", "source_format": _CODE, "language": _LANG,
              "content_sha256": r"^[0-9a-f]{64}$", "comment_system": _CODE,
              "published_local": _LOCAL_TIME},
    "comments": {"comment_id": rf"^c_{_ID}$", "post_id": rf"^p_{_ID}$", "parent_id": rf"^c_{_ID}$",
                 "root_id": rf"^c_{_ID}$", "path": rf"^c_{_ID}(?:/c_{_ID})*$", "language": _LANG,
                 "author_pseudonym": r"^u_[0-9a-f]{8,64}$", "published_local": _LOCAL_TIME},
    "quarantine": {"item_kind": _CODE, "reason": r"^[a-z0-9_]+$", "post_id": rf"^p_{_ID}$",
                   "item_id": rf"^[pc]_{_ID}$", "content_sha256": r"^[0-9a-f]{64}$"},
}
# Columns whose every value has a fixed shape (ids, codes, pseudonyms): the only string columns a
# release writes Parquet min/max statistics for (a statistic is a copy of a cell in the footer;
# of free text it would be a snippet outside the rows). The speakers table is derived at publish.
SHAPED_COLUMNS: dict[str, dict[str, str]] = {
    **_SHAPES, "speakers": {"author_pseudonym": _SHAPES["comments"]["author_pseudonym"]}}
# Source locations and reader messages name public pages, and posts.url is a link by definition;
# a commenter's own site there is still caught by the identity check (its host label is an
# identity token), and a name in a URL's path by the identity check of its words.
_NO_URL_CHECK = {("posts", "site"), ("posts", "url"), ("quarantine", "location"),
                 ("quarantine", "detail")}
# Addresses in a source (a post's URL, a line range or XPath): their digits are dates, ids and
# line numbers, not phone numbers.
_ADDRESS_FIELDS = {("posts", "url"), ("quarantine", "location")}
_SITE = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*", re.I)


def _url_path(url: str) -> str:
    """A post URL without its site: the site is the source's public address; the path (the slug)
    is where a name can hide, and its words are checked."""
    return _SITE.sub("", url)


def _shape_hits(path: Path, table: str, id_col: str) -> list[Hit]:
    """Values of shaped columns that do not have their shape (vectorised; nulls are fine), and
    published string columns the audit does not know how to check."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from ..schema import arrow_schema

    hits: list[Hit] = []
    shapes = _SHAPES[table]
    checked = set(_FIELDS[table][1]) | set(shapes)
    for f in arrow_schema(table):
        if pa.types.is_string(f.type) and f.name not in checked:
            hits.append(Hit("setup", table, f"{table}.parquet", f.name, "column not covered by the audit"))
    pf = pq.ParquetFile(path)
    cols = [c for c in shapes if c in pf.schema_arrow.names]
    for batch in pf.iter_batches(columns=list(dict.fromkeys([id_col, *cols])), batch_size=200_000):
        for c in cols:
            arr = batch.column(c)
            # empty is not a leak (structure is validation's concern): only a value of another shape
            ok = pc.or_(pc.match_substring_regex(arr, shapes[c]), pc.equal(arr, ""))
            bad = pc.invert(pc.fill_null(ok, True))
            if pc.any(bad).as_py():
                ids_ = batch.column(id_col).filter(bad).to_pylist()
                vals = arr.filter(bad).to_pylist()
                for rid, v in zip(ids_, vals):
                    hits.append(Hit("shape", table, rid or "?", c, mask(str(v))))
    return hits


def _removed_text_hits(path: Path) -> list[Hit]:
    """Comments marked removed whose text is not empty (vectorised; a build from before the
    ``removed`` column has none)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    if "removed" not in pf.schema_arrow.names:
        return []
    hits: list[Hit] = []
    for batch in pf.iter_batches(columns=["comment_id", "text", "removed"], batch_size=200_000):
        text = batch.column("text")
        bad = pc.and_(pc.fill_null(batch.column("removed"), False),
                      pc.greater(pc.fill_null(pc.utf8_length(pc.utf8_trim_whitespace(text)), 0), 0))
        if pc.any(bad).as_py():
            for rid, v in zip(batch.column("comment_id").filter(bad).to_pylist(), text.filter(bad).to_pylist()):
                hits.append(Hit("removed_text", "comments", rid or "?", "text", mask(v)))
    return hits


@dataclass
class Hit:
    kind: str  # identity | email | url | phone | url_slug | byline | shape | setup | removed_text
    table: str
    row_id: str
    field: str
    masked: str


@dataclass
class AuditResult:
    passed: bool
    hits: list[Hit] = field(default_factory=list)
    review: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    def raise_for_status(self) -> None:
        """Raise :class:`PrivacyGateError` (with counts and row ids, no raw text) if the audit failed."""
        if not self.passed:
            rows = ", ".join(f"{h.table}:{h.row_id}:{h.field}" for h in self.hits[:10])
            raise PrivacyGateError(
                f"privacy audit failed: {dict(self.counts)}; first rows: {rows}. Nothing may be published; "
                "see validation/privacy_audit.json, fix the anonymiser or the source, and rebuild")


def read_tokens(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """identity_tokens.txt -> {hex token: (class letter, languages where it reads as ordinary words)}.

    A line is ``cls:hex`` or ``cls:hex:de,fr`` (see :func:`~.identity.token_line`)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for ln in path.read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if ln and ":" in ln:
            cls, _, rest = ln.partition(":")
            tok, _, langs = rest.partition(":")
            out[tok] = (cls, frozenset(x for x in langs.split(",") if x))
    return out


def write_tokens(path: Path, tokens: set[str]) -> None:
    """Write tokens (as returned in AnonymiseReport.identity_tokens) sorted, one a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(t + "\n" for t in sorted(tokens)), encoding="utf-8")


class _TokenMatcher:
    """Keyed membership test with a per-word cache: each distinct word is HMAC'd once."""

    def __init__(self, key: bytes, tokens: dict[str, tuple[str, frozenset[str]]]):
        self.key = key
        self.tokens = tokens
        self.cache: dict[tuple[str | None, str], tuple[str, frozenset[str]] | None] = {}
        self.scope: str | None = None
        # Per scope: words already known to be no token (the vast majority), and words that are.
        # Set algebra in C replaces a Python call per word per text (58M calls on 1M comments).
        self._clean: dict[str | None, set[str]] = {}
        self._dirty: dict[str | None, set[str]] = {}

    def cls(self, gram: str) -> tuple[str, frozenset[str]] | None:
        """(class, languages) of ``gram``: a global "h" token, else a "c"/"s"/"w" token of the current source."""
        k = (self.scope, gram)
        c = self.cache.get(k, "?")
        if c == "?":
            c = self.cache.get((None, gram), "?")
            if c == "?":
                c = self.tokens.get(hmac_token(self.key, gram))
                c = c if c is not None and c[0] == "h" else None
                self.cache[(None, gram)] = c
            if c is None and self.scope is not None:
                c = self.tokens.get(hmac_token(self.key, gram, self.scope))
            self.cache[k] = c
        return c

    def scan(self, text: str, exempt: set[str]) -> Iterator[tuple[tuple[str, frozenset[str]], int, int, str]]:
        """((class, languages), start, end, gram) of every identity n-gram hit in ``text``.

        Fast path: the distinct words of the text are looked up once (each distinct word in the
        whole build is HMAC'd once); only texts with a hit are walked position by position. Names
        made only of one-letter parts ("J.R.") are not checked: single letters are not stored.
        """
        words = set(_WORD.findall(text.casefold()))
        clean = self._clean.setdefault(self.scope, set())
        dirty = self._dirty.setdefault(self.scope, set())
        for w in words - clean - dirty:
            (dirty if len(w) >= 2 and self.cls(w) else clean).add(w)
        hits = words & dirty
        if not hits:
            return
        found = [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text)]
        ws = [w for _, _, w in found]
        for i in range(len(ws)):
            for n in (1, 2, 3):
                if i + n > len(ws):
                    break
                part = ws[i:i + n]
                if not any(w in hits for w in part):
                    continue
                gram = " ".join(part)
                c = self.cls(gram)
                if c and gram not in exempt:
                    yield c, found[i][0], found[i + n - 1][1], gram


def _is_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


@lru_cache(maxsize=1)
def _default_rules():
    """The packaged policy, its cues and its engine, built once per process: a build audits
    thousands of fragments, and building them costs ~0.1 s each time."""
    from .detect import Cues, Engine
    from .lexicon import lexicon
    from .policy import Policy

    policy = Policy.load(None)
    return policy, Cues(policy, lexicon()), Engine(policy, lexicon())


def _cue_rules():
    return _default_rules()[1]


def _judge(cls: str, langs: frozenset[str], lang: str | None, text: str, s: int, e: int, col: str, cues) -> str | None:
    """"hit" (fails the audit), a review kind, or None for one identity n-gram found in ``text``.

    Distinctive tokens fail: 'h' in any case, 'c' capitalised, 'p' (a whole display name of
    ordinary words) written like a name. Weak tokens — very common words
    ('s'), ordinary words and brands that are not names ('w'), and 'h'/'c' tokens in text of a
    language where they are ordinary words ("Moin" in German) — fail only where the text uses them
    as a name (:meth:`Cues.name_cue`: "Thanks Crumpet", "Crumpet wrote", "@crumpet"; never in a
    title), and are otherwise listed for review when capitalised: the anonymiser would have
    replaced a cued use, so a cued leftover is a miss, and a bare "Crumpet Grundrezept" or
    "Welcome to WordPress" is the word, not the commenter.
    """
    cap = text[s:s + 1].isupper()
    if cls == "p":  # a whole display name of ordinary words: "Mr WordPress", "Still Here"
        if col == "title":
            return "identity_weak" if cap else None
        as_name = cap and (not _is_initial(text, s) or all(w[:1].isupper() for w in _WORD.findall(text[s:e])))
        if as_name or ((cap or (s > 0 and text[s - 1] == "@")) and cues.name_cue(text, s, e, vocative=False)):
            return "hit"
        return "identity_weak" if cap else None
    weak = cls in ("s", "w") or (lang is not None and lang != "en" and lang in langs)
    if not weak:
        if cls == "h" or (cls == "c" and cap):
            return "hit"
        return None
    at = s > 0 and text[s - 1] == "@"
    if col != "title" and (cap or at) and cues.name_cue(text, s, e):
        return "hit"
    if not cap:
        return None
    if cls == "s":
        return None if _is_initial(text, s) else "identity_soft"
    return "identity_weak"


def _batches(path: Path, columns: list[str]) -> Iterator[dict[str, list]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    cols = [c for c in columns if c in pf.schema_arrow.names]
    for batch in pf.iter_batches(columns=cols, batch_size=20000):
        yield batch.to_pydict()


class TextAudit:
    """The audit's checks of one text: identity n-grams (judged by :func:`_judge`), e-mail
    addresses, URLs and phone numbers (the anonymiser's own finders). :func:`audit_build` runs it
    on every published field of a build, and the release scan
    (``therapy_threads.publish.release_scan``) on every file of a release.
    """

    def __init__(self, key: bytes, tokens: dict[str, tuple[str, frozenset[str]]]):
        self.matcher = _TokenMatcher(key, tokens)
        self.cues = _cue_rules()
        # the packaged policy loaded once per process with the cues (reading and checking the TOML
        # again cost ~40 ms per audited fragment: ~6 % of a worker's CPU on 500-comment sources)
        self.phone_regions = _default_rules()[0].text.phone_regions

    def check(self, text: str, *, table: str, row_id: str, field: str, scope: str | None = None,
              lang: str | None = None, exempt: set[str] | frozenset[str] = frozenset(),
              urls: bool = True, url_ok: Callable[[str], bool] | None = None,
              email_ok: Callable[[str], bool] | None = None,
              phones: bool = True) -> tuple[list[Hit], list[dict]]:
        """(hits that fail the audit, review rows) for ``text``; found text appears masked only.

        ``scope`` is the source whose word-like identities apply (None: only the distinctive ones
        of every source); ``exempt`` n-grams are public names here (the post's byline);
        ``url_ok``/``email_ok`` accept a found link or address (a post's own site in its body);
        ``phones=False`` for text whose numbers are counts and sizes (a release's reports).
        """
        hits: list[Hit] = []
        review: list[dict] = []
        raw, text = text, fold(text)  # "Z\u200borbuk", fullwidth or look-alike letters, "%40": read as written
        self.matcher.scope = scope
        hit_grams: set[str] = set()
        for (cls, langs), s, e, gram in self.matcher.scan(text, exempt):
            verdict = _judge(cls, langs, lang, text, s, e, field, self.cues)
            if verdict == "hit":
                hits.append(Hit("identity", table, row_id, field, mask(text[s:e])))
                hit_grams.add(gram)
            elif verdict:
                review.append({"kind": verdict, "table": table, "row_id": row_id, "field": field,
                               "masked": mask(text[s:e])})
        # a name glued to other letters by an invisible character ("Threnody\u00ads"): read there as
        # a word break too, as the anonymiser does; and a name written letter by letter
        # ("P e l l i n o r e"): only a distinctive one fails (never a spaced ordinary word)
        for split, _starts, _ends in split_readings(raw) if text is not raw and invisible_in(raw) else ():
            for (cls, langs), s, e, gram in self.matcher.scan(split, exempt):
                if gram not in hit_grams and _judge(cls, langs, lang, split, s, e, field, self.cues) == "hit":
                    hits.append(Hit("identity", table, row_id, field, mask(split[s:e])))
                    hit_grams.add(gram)
        for s, e, word in spaced_words(text):
            gram = word.casefold()
            c = self.matcher.cls(gram) if len(gram) >= 2 and gram not in exempt else None
            if c and c[0] in ("h", "c") and _judge(c[0], c[1], lang, text, s, e, field, self.cues) == "hit":
                hits.append(Hit("identity", table, row_id, field, mask(word)))
        # plain, and written out with words or brackets ("kat (at) mail (dot) com"), as the
        # anonymiser finds them
        for s, e in find_emails(text) + find_written_emails(text):
            if email_ok is None or not email_ok(text[s:e]):
                hits.append(Hit("email", table, row_id, field, mask(text[s:e])))
        if urls:
            for s, e in find_urls(text) + find_idn_urls(text):
                if url_ok is None or not url_ok(text[s:e]):
                    hits.append(Hit("url", table, row_id, field, mask(text[s:e])))
        if phones:
            # the anonymiser's own finder (phones.find_all_phones), with the text's language
            for s, e, _why in find_all_phones(text, self.phone_regions, lang, _cue_phone_regions(lang)):
                if not _inside_token(text, s, e):  # digits of an id or a pseudonym ("[u_5576…]")
                    hits.append(Hit("phone", table, row_id, field, mask(text[s:e])))
        return hits, review


@lru_cache(maxsize=64)
def _cue_phone_regions(lang: str | None) -> tuple[str, ...]:
    """The countries the language cue table gives for ``lang`` (what LanguagePhoneRecognizer reads)."""
    from .multilingual import language_cues

    lc = language_cues()[0].get(lang or "")
    return tuple(sorted(lc.phone_regions)) if lc is not None else ()


def _inside_token(text: str, s: int, e: int) -> bool:
    def word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"
    return (s > 0 and word(text[s - 1]) and word(text[s])) or (e < len(text) and word(text[e]) and word(text[e - 1]))


def load_matcher_tokens(build_dir: Path) -> dict[str, tuple[str, frozenset[str]]] | None:
    """The build's identity tokens, or None when ``private/identity_tokens.txt`` is missing."""
    tok_path = Path(build_dir) / "private" / "identity_tokens.txt"
    return read_tokens(tok_path) if tok_path.exists() else None


def audit_build(build_dir: Path, key: bytes, *, ner_review: bool = True, review_limit: int = 50000,
                digests: dict | None = None) -> AuditResult:
    """Audit ``build_dir`` (posts/comments/quarantine parquet + private/identity_tokens.txt).

    Returns ``AuditResult(passed, hits, review)``, writes ``validation/privacy_audit.json`` and
    records the audit's verdict on the exact files it read (:mod:`therapy_threads.verdict`;
    ``digests`` are their digests taken before, default: now). Identity, e-mail and URL hits fail
    the audit, and so does a key other than the one that made the build; NER leftovers are listed
    for review (NER runs on at most ``review_limit`` text fields, chosen in row order). Call
    ``raise_for_status()`` to turn a failure into :class:`~therapy_threads.errors.PrivacyGateError`.
    """
    from .. import verdict as verdict_mod

    build_dir = Path(build_dir)
    before = dict(digests) if digests is not None else verdict_mod.digest_files(build_dir)
    result = audit_tables(build_dir, key, load_matcher_tokens(build_dir), ner_review=ner_review,
                          review_limit=review_limit)
    record_result(build_dir, key, result, before)
    return result


def record_result(build_dir: Path, key: bytes, result: AuditResult, digests: dict) -> None:
    """Write ``validation/privacy_audit.json`` and the audit's verdict on ``digests``."""
    from .. import verdict as verdict_mod

    _write_report(build_dir, key, result)
    verdict_mod.record(build_dir, "privacy_audit", passed=result.passed, key=key,
                       report="validation/privacy_audit.json", digests=digests,
                       reason=None if result.passed else f"privacy audit found {dict(result.counts)}")
    if result.passed:
        log.info("privacy audit passed (%d fields reviewed, %d review items)",
                 result.review.get("fields_reviewed", 0), sum(result.review.get("counts", {}).values()))
    else:
        log.error("privacy audit FAILED: %s (rows listed in validation/privacy_audit.json)", dict(result.counts))


def audit_tables(table_dir: Path, key: bytes, tokens: dict[str, tuple[str, frozenset[str]]] | None, *,
                 ner_review: bool = True, review_limit: int = 50000,
                 words: set[str] | None = None) -> AuditResult:
    """The audit of the tables in ``table_dir`` (a build, or one source's fragment) against
    ``tokens`` (as :func:`read_tokens` returns them; None: the tokens file is missing, a failure).
    Writes nothing. With ``words``, the distinct words of every scanned text are added to it (the
    build's keyed word index is made from them).
    """
    from .. import verdict as verdict_mod
    from ..byline import public_byline

    build_dir = Path(table_dir)
    hits: list[Hit] = []
    counts: Counter = Counter()
    review_counts: Counter = Counter()
    review_rows: list[dict] = []
    if tokens is None:
        hits.append(Hit("setup", "private", "identity_tokens.txt", "", "missing"))
        counts["setup"] += 1
    # Another key finds none of the build's tokens and would pass everything: refuse it.
    if (build_dir / "build_report.json").is_file() and verdict_mod.key_problem(build_dir, key):
        hits.append(Hit("setup", "build_report", "build_report.json", "key_fingerprint", "other key"))
        counts["setup"] += 1
    checker = TextAudit(key, tokens or {})

    # the byline author of each post is public: their name may appear in that post's texts
    exempt_by_post: dict[str, set[str]] = {}
    own_host: dict[str, str] = {}
    post_lang: dict[str, str] = {}  # a comment too short to detect ("Moin!") reads in its post's language
    posts_path = build_dir / "posts.parquet"
    if posts_path.exists():
        for b in _batches(posts_path, ["post_id", "author", "url", "language"]):
            rows = len(b["post_id"])
            for pid, author, url, lg in zip(b["post_id"], b.get("author", [None] * rows), b.get("url", [None] * rows),
                                            b.get("language", [None] * rows)):
                if lg:
                    post_lang[pid] = lg
                if author:
                    ws = name_words(author)
                    exempt_by_post[pid] = {" ".join(ws[i:i + n]) for n in (1, 2, 3) for i in range(len(ws) - n + 1)}
                if url:
                    own_host[pid] = url_host(url)

    reviewer = _Reviewer() if ner_review else None
    reviewed = 0
    for table, (id_col, text_cols) in _FIELDS.items():
        path = build_dir / f"{table}.parquet"
        if not path.exists():
            if table != "quarantine":
                hits.append(Hit("setup", table, f"{table}.parquet", "", "missing"))
                counts["setup"] += 1
            continue
        for h in _shape_hits(path, table, id_col) + (_removed_text_hits(path) if table == "comments" else []):
            counts[h.kind] += 1
            hits.append(h)
        for b in _batches(path, list(dict.fromkeys([id_col, "post_id", "source_id", "language", *text_cols]))):
            n = len(b[id_col])
            nones = [None] * n  # once per batch, not once per row and column
            ids_, pids, sids, langs_ = (b[id_col], b.get("post_id", nones), b.get("source_id", nones),
                                        b.get("language", nones))
            cols = {col: b.get(col, nones) for col in text_cols}
            for i in range(n):
                row_id = ids_[i] or f"row{i}"
                pid = pids[i]
                lang = langs_[i] or (post_lang.get(pid) if pid else None)
                exempt = exempt_by_post.get(pid, set()) if pid else set()
                for col in text_cols:
                    text = cols[col][i]
                    if not text:
                        continue
                    if (table, col) == ("posts", "author"):  # a byline may be any name, never a login
                        if public_byline(text) != text:
                            counts["byline"] += 1
                            hits.append(Hit("byline", table, row_id, col, mask(text)))
                        continue
                    own = own_host.get(row_id) if (table, col) == ("posts", "body") else None
                    if (table, col) == ("posts", "url") and slug_leftovers(text, cols["title"][i]):
                        counts["url_slug"] += 1  # the title lost a name the slug may still hold
                        hits.append(Hit("url_slug", table, row_id, col, mask(text)))
                    found, rev = checker.check(
                        _url_path(text) if (table, col) == ("posts", "url") else text,
                        table=table, row_id=row_id, field=col, scope=sids[i], lang=lang, exempt=exempt,
                        urls=(table, col) not in _NO_URL_CHECK,
                        url_ok=(lambda u, own=own: url_host(u) == own) if own else None,
                        phones=(table, col) not in _ADDRESS_FIELDS)
                    for h in found:
                        counts[h.kind] += 1
                    hits.extend(found)
                    for r in rev:
                        review_counts[r["kind"]] += 1
                        if len(review_rows) < MAX_LISTED:
                            review_rows.append(r)
                    if reviewer is not None and col in ("text", "body", "title") and reviewed < review_limit:
                        reviewed += 1
                        reviewer.add(table, row_id, col, text, lang)
    if reviewer is not None:
        for item in reviewer.run():
            review_counts[item["kind"]] += 1
            if len(review_rows) < MAX_LISTED:
                review_rows.append(item)
    if words is not None:
        m = checker.matcher
        for scope_words in (*m._clean.values(), *m._dirty.values()):
            words.update(w for w in scope_words if len(w) >= 2)
    return AuditResult(not hits, hits, {"counts": dict(review_counts), "fields_reviewed": reviewed,
                                        "rows": review_rows}, dict(counts))


def _write_report(build_dir: Path, key: bytes, result: AuditResult) -> None:
    out = build_dir / "validation" / "privacy_audit.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "passed": result.passed,
        "key_fingerprint": key_fingerprint(key),
        "counts": result.counts,
        "hits": [asdict(h) for h in result.hits[:MAX_LISTED]],
        "hits_listed": min(len(result.hits), MAX_LISTED),
        "hits_total": getattr(result, "hits_total", len(result.hits)),
        "review": result.review,
    }
    out.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")


class _Reviewer:
    """Names the rules or the model still find in anonymised text (gated exactly like the anonymiser)."""

    def __init__(self) -> None:
        from .detect import build_context

        self.policy, _, self.engine = _default_rules()
        self._ctx = build_context
        self.items: list[tuple[str, str, str, str, str | None]] = []

    def add(self, table: str, row_id: str, col: str, text: str, lang: str | None = None) -> None:
        self.items.append((table, row_id, col, text, lang))

    def run(self) -> list[dict]:
        from . import ner
        from .detect import PERSON, sentence_bounds

        out: list[dict] = []
        jobs: dict[str, list[tuple[str, str, str]]] = {}
        for table, row_id, col, text, lang in self.items:
            ctx = self._ctx([text], {}, None)
            # the recognizers declare their languages, as in the anonymiser; NER runs on English only
            found = self.engine.analyze(text, ctx, "comment", lang)
            spans, cands = found.spans, (found.candidates if lang in (None, "en") else [])
            for sp in spans:
                if sp.kind == PERSON:
                    out.append({"kind": "rule_person", "table": table, "row_id": row_id, "field": col,
                                "masked": mask(text[sp.start:sp.end])})
            for s, e in cands:
                a, b = sentence_bounds(text, s, e)
                job = jobs.setdefault(text[a:b], [])
                if (table, row_id, col) not in job:
                    job.append((table, row_id, col))
        if jobs and self.policy.ner.enabled:
            nlp = ner.load(self.policy.ner.model, self.policy.ner.exclude)
            sents = sorted(jobs)
            for sent, ents in zip(sents, ner.person_spans(nlp, sents, self.policy.ner.labels)):
                for s, e in ents:
                    piece = sent[s:e]
                    if piece.startswith("[") or piece.isupper() or not piece[:1].isupper():
                        continue
                    for table, row_id, col in jobs[sent]:
                        out.append({"kind": "ner_person", "table": table, "row_id": row_id, "field": col,
                                    "masked": mask(piece)})
        return out


def token_digest(tokens: set[str]) -> str:
    """A digest of a token set (for build reports: shows whether two builds saw the same identities)."""
    return hashlib.sha256("\n".join(sorted(tokens)).encode()).hexdigest()[:16]


AUDITED_TABLES = frozenset(_FIELDS)  # tables whose rows audit_build checks (the release scan does the rest)

__all__ = ["AUDITED_TABLES", "SHAPED_COLUMNS", "audit_build", "audit_tables", "record_result", "AuditResult", "Hit", "TextAudit", "load_matcher_tokens",
           "read_tokens", "write_tokens", "token_digest"]
