"""The privacy audit: a build may be published only if no raw identity, e-mail address or URL is left.

``audit_build(build_dir, key)`` reads the published tables (posts, comments, quarantine) and
``private/identity_tokens.txt`` (keyed HMAC tokens of the normalised name n-grams of every
commenter identity the anonymiser saw; the raw names are never stored). It tokenises every
published text field into word 1..3-grams, HMACs them with the same key and checks membership:

- ``identity``: a token of class ``h`` (a name word that is not an ordinary English word) in any
  case, or of class ``c`` (a name that is also a rarer English word, e.g. "Evan") written
  capitalised, or the whole display name of a commenter ("Mr WordPress") -> **fail**;
  weak tokens — class ``s`` (one of the commonest English words: "Will", "Hope"), class ``w``
  (an ordinary word or brand that is not a name: "Muffin", "WordPress") and ``h``/``c`` tokens in
  text of a language where they are ordinary words ("Moin", "Bürger" in German) -> **fail** only
  where the text uses them as a name ("Thanks Muffin", "Muffin wrote", "@muffin"), otherwise
  review (``identity_soft`` / ``identity_weak``) when capitalised.
- ``email`` / ``url``: an address or link in published text -> **fail** (links to a post's own
  site in its body are allowed).
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
from typing import Iterator

from ..errors import PrivacyGateError
from .identity import hmac_token, words as name_words
from .keys import key_fingerprint
from .patterns import find_emails, find_urls, mask, url_host

log = logging.getLogger(__name__)

MAX_LISTED = 200  # hits/review rows listed in the report; counts are always complete
_WORD = re.compile(r"[^\W_]+")
_FIELDS = {
    "posts": ("post_id", ["title", "body", "author", "site"]),
    "comments": ("comment_id", ["text"]),
    "quarantine": ("item_id", ["detail", "location"]),
}
# Source locations and reader messages name public pages; a commenter's own site there is still
# caught by the identity check (its host label is an identity token).
_NO_URL_CHECK = {("posts", "site"), ("quarantine", "location"), ("quarantine", "detail")}


@dataclass
class Hit:
    kind: str  # identity | email | url | setup
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
    """The packaged policy and its rules, built once per process: a build audits thousands of
    fragments, and building the rules costs ~0.1 s each time."""
    from .detect import Rules
    from .lexicon import lexicon
    from .policy import Policy

    policy = Policy.load(None)
    return policy, Rules(policy, lexicon())


def _cue_rules():
    return _default_rules()[1]


def _judge(cls: str, langs: frozenset[str], lang: str | None, text: str, s: int, e: int, col: str, cues) -> str | None:
    """"hit" (fails the audit), a review kind, or None for one identity n-gram found in ``text``.

    Distinctive tokens fail: 'h' in any case, 'c' capitalised, 'p' (a whole display name of
    ordinary words) written like a name. Weak tokens — very common words
    ('s'), ordinary words and brands that are not names ('w'), and 'h'/'c' tokens in text of a
    language where they are ordinary words ("Moin" in German) — fail only where the text uses them
    as a name (:meth:`Rules.name_cue`: "Thanks Muffin", "Muffin wrote", "@muffin"; never in a
    title), and are otherwise listed for review when capitalised: the anonymiser would have
    replaced a cued use, so a cued leftover is a miss, and a bare "Muffin Grundrezept" or
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


def audit_build(build_dir: Path, key: bytes, *, ner_review: bool = True, review_limit: int = 50000) -> AuditResult:
    """Audit ``build_dir`` (posts/comments/quarantine parquet + private/identity_tokens.txt).

    Returns ``AuditResult(passed, hits, review)`` and writes ``validation/privacy_audit.json``.
    Identity, e-mail and URL hits fail the audit; NER leftovers are listed for review (NER runs on
    at most ``review_limit`` text fields, chosen in row order). Call ``raise_for_status()`` to turn
    a failure into :class:`~therapy_threads.errors.PrivacyGateError`.
    """
    build_dir = Path(build_dir)
    tok_path = build_dir / "private" / "identity_tokens.txt"
    setup: list[Hit] = []
    if tok_path.exists():
        tokens = read_tokens(tok_path)
    else:
        tokens = {}
        setup.append(Hit("setup", "private", "identity_tokens.txt", "", "missing"))
    result = audit_tables(build_dir, key, tokens, ner_review=ner_review, review_limit=review_limit,
                          setup=setup)
    _write_report(build_dir, key, result)
    if result.passed:
        log.info("privacy audit passed (%d fields reviewed, %d review items)",
                 result.review.get("fields_reviewed", 0), sum(result.review.get("counts", {}).values()))
    else:
        log.error("privacy audit FAILED: %s (rows listed in validation/privacy_audit.json)", dict(result.counts))
    return result


def audit_tables(table_dir: Path, key: bytes, tokens: dict[str, tuple[str, frozenset[str]]], *,
                 ner_review: bool = True, review_limit: int = 50000, setup: list[Hit] | None = None,
                 words: set[str] | None = None) -> AuditResult:
    """The audit of the tables in ``table_dir`` (a build, or one source's fragment) against
    ``tokens`` (as :func:`read_tokens` returns them). Writes nothing. With ``words``, the distinct
    words of every scanned text are added to it (the build's keyed word index is made from them).
    """
    build_dir = Path(table_dir)
    hits: list[Hit] = list(setup or [])
    counts: Counter = Counter()
    counts["setup"] += len(hits)
    if not counts["setup"]:
        del counts["setup"]
    review_counts: Counter = Counter()
    review_rows: list[dict] = []
    matcher = _TokenMatcher(key, tokens)

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

    cues = _cue_rules()
    reviewer = _Reviewer() if ner_review else None
    reviewed = 0
    for table, (id_col, text_cols) in _FIELDS.items():
        path = build_dir / f"{table}.parquet"
        if not path.exists():
            if table != "quarantine":
                hits.append(Hit("setup", table, f"{table}.parquet", "", "missing"))
                counts["setup"] += 1
            continue
        for b in _batches(path, list(dict.fromkeys([id_col, "post_id", "source_id", "language", *text_cols]))):
            n = len(b[id_col])
            nones = [None] * n  # once per batch, not once per row and column
            ids_, pids, sids, langs_ = (b[id_col], b.get("post_id", nones), b.get("source_id", nones),
                                        b.get("language", nones))
            cols = {col: b.get(col, nones) for col in text_cols}
            for i in range(n):
                row_id = ids_[i] or f"row{i}"
                pid = pids[i]
                matcher.scope = sids[i]
                lang = langs_[i] or (post_lang.get(pid) if pid else None)
                exempt = exempt_by_post.get(pid, set()) if pid else set()
                for col in text_cols:
                    text = cols[col][i]
                    if not text:
                        continue
                    if table == "posts" and col == "author":
                        continue  # the public byline itself
                    for (cls, langs), s, e, gram in matcher.scan(text, exempt):
                        verdict = _judge(cls, langs, lang, text, s, e, col, cues)
                        if verdict == "hit":
                            counts["identity"] += 1
                            hits.append(Hit("identity", table, row_id, col, mask(text[s:e])))
                        elif verdict:
                            review_counts[verdict] += 1
                            if len(review_rows) < MAX_LISTED:
                                review_rows.append({"kind": verdict, "table": table, "row_id": row_id,
                                                    "field": col, "masked": mask(text[s:e])})
                    for s, e in find_emails(text):
                        counts["email"] += 1
                        hits.append(Hit("email", table, row_id, col, mask(text[s:e])))
                    if (table, col) not in _NO_URL_CHECK:
                        for s, e in find_urls(text):
                            if table == "posts" and col == "body" and url_host(text[s:e]) == own_host.get(row_id):
                                continue
                            counts["url"] += 1
                            hits.append(Hit("url", table, row_id, col, mask(text[s:e])))
                    if reviewer is not None and col in ("text", "body", "title") and reviewed < review_limit:
                        reviewed += 1
                        reviewer.add(table, row_id, col, text, lang)
    if reviewer is not None:
        for item in reviewer.run():
            review_counts[item["kind"]] += 1
            if len(review_rows) < MAX_LISTED:
                review_rows.append(item)
    if words is not None:
        for scope_words in (*matcher._clean.values(), *matcher._dirty.values()):
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

        self.policy, self.rules = _default_rules()
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
            # the English rules and model only on English text, as in the anonymiser: on German every
            # capitalised noun would be listed
            english = lang is None or lang == "en"
            spans, cands = self.rules.scan(text, ctx, "comment", self.policy, english, lang)
            for sp in spans:
                if sp.kind == PERSON:
                    out.append({"kind": "rule_person", "table": table, "row_id": row_id, "field": col,
                                "masked": mask(text[sp.start:sp.end])})
            for s, e in cands:
                a, b = sentence_bounds(text, s, e)
                job = jobs.setdefault(text[a:b], [])
                if (table, row_id, col) not in job:
                    job.append((table, row_id, col))
        if jobs and self.policy.get("ner", "enabled"):
            nlp = ner.load(self.policy.get("ner", "model"), self.policy.get("ner", "exclude"))
            sents = sorted(jobs)
            for sent, ents in zip(sents, ner.person_spans(nlp, sents, frozenset(self.policy.get("ner", "labels")))):
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


__all__ = ["audit_build", "audit_tables", "AuditResult", "Hit", "read_tokens", "write_tokens", "token_digest"]
