"""Scoring the HTML reader on a corpus of real pages with gold labels, and the ratchet on it.

Gold (``<page>.gold.json``, written by ``bench/readers_eval/label.py`` from rules a person wrote
for that page's markup) lists every comment with a text snippet, its author and date as shown,
its parent and depth. The reader's comments are matched to gold by text (the first characters of
the snippet, whitespace ignored), never by the reader's own keys, and scored:

* ``exact``: count and depth histogram both equal to gold (a page either is or is not);
* parent precision/recall/F1 over reply pairs (child, parent) of matched comments, micro-averaged;
* ``dirty``: comments whose text still starts with the author's name (also after a separator,
  "| NAME"), contains the shown date,
  starts with a number, or starts/ends with a reply link or counter;
* ``silent_zero``: a page with comments where the reader returned none and said nothing;
* author agreement (reader identity vs the name shown) and text recall (gold snippets found).

``check_floors`` compares a run with ``floors.json``: every pinned score must be met, and the
floors are tied to a digest of the corpus so changing the corpus means re-measuring and pinning
on purpose (``--pin``); a pin that lowers a floor needs ``--allow-lower`` and a reason.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import SourceRef, get_reader
from .comments.base import PLACEHOLDERS
from .comments.cleanup import is_counter_line, is_reply_word

_WS = re.compile(r"\s+")
_NUM_LINE = re.compile(r"^#?\d{1,5}[.):]?$")


def _squash(s: str) -> str:
    return _WS.sub("", s or "").lower()


# A typed emoticon that the page shows as an image (WordPress's convert_smilies() turns ":)" into
# ``img.wp-smiley`` with the typed text as its alt): the reader keeps the alt, the gold's text
# (lxml's, without images) does not, so matching ignores emoticons on both sides (also one run
# into the next word, as lxml's text joins "... :)" and the next paragraph's "Yes").
_EMOTICON = re.compile(r"(?<!\w)[:;=][-'^o]?[)(\]\[dDpP/\\|*3oO]")


# Invisible format characters (a zero-width space, a byte-order mark pasted into a comment's code
# block): the gold's text (lxml's) keeps them, the reader's text drops them; neither shows them.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def _match_text(s: str) -> str:
    return _squash(_INVISIBLE.sub("", _EMOTICON.sub(" ", s or "")))


def _name(s: str | None) -> str:
    s = (s or "").strip()
    s = re.sub(r"^(by|von|par|por|di|door|comment by)\s+", "", s, flags=re.I)
    # "@name" is how forums (Talkyard, Lemmy, GitHub) print a handle: the "@" is decoration.
    return _WS.sub(" ", s.strip(" ,;:|—–-").lstrip("@")).lower()


@dataclass
class PageScore:
    page: str
    split: str
    gold_count: int
    count: int
    gold_depths: dict[str, int]
    depths: dict[str, int]
    exact: bool
    pairs_gold: int
    pairs_found: int
    pairs_correct: int
    matched: int
    dirty: list[str] = field(default_factory=list)
    author_ok: int = 0
    author_total: int = 0
    silent_zero: bool = False
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    systems: dict[str, int] = field(default_factory=dict)  # recogniser -> comments it read
    # Comments shown as deleted: gold's ``removed`` ones, how many of them were read as removed,
    # and how many the reader marked removed in all.
    removed_gold: int = 0
    removed_ok: int = 0
    removed_read: int = 0

    @property
    def silent_loss(self) -> bool:
        """Fewer comments read than the gold lists, and no warning that says comments are missing."""
        return self.count < self.gold_count and not LOSS_WARNINGS.intersection(self.warnings)


def gold_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.gold.json"))


def page_of(gold_path: Path) -> Path:
    """The page a gold file labels: ``page_path`` (relative to the gold file) or beside it."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rel = gold.get("page_path") or gold["page"]
    return (gold_path.parent / rel).resolve()


def corpus_pages(root: Path) -> list[tuple[Path, Path]]:
    """(page, gold) pairs under ``root``."""
    return [(page_of(g), g) for g in gold_files(root)]


def _match(gold: list[dict], texts: list[str]) -> dict[int, int]:
    """gold index -> reader index, in document order, by text. A gold comment without text (an
    image-only comment, one the page hides) matches the first unused reader comment after the
    last match that carries the reader's stand-in text for such a comment ("[image]",
    "[hidden]") or only an emoticon (a smiley image's alt), so that the replies under it can be
    scored."""
    squashed = [_match_text(t) for t in texts]
    used: set[int] = set()
    out: dict[int, int] = {}
    last = -1
    for gi, g in enumerate(gold):
        s = _match_text(g.get("snippet") or "")
        if not s:
            hit = next((j for j in range(last + 1, len(texts))
                        if j not in used and (texts[j].strip() in PLACEHOLDERS or not squashed[j])), None)
            if hit is not None:
                used.add(hit)
                out[gi] = last = hit
            continue
        keys = [s[:30]] + ([s[10:30]] if len(s) > 25 else [])
        for key in keys:
            hit = next((j for j, t in enumerate(squashed) if j not in used and key in t), None)
            if hit is not None:
                used.add(hit)
                out[gi] = last = hit
                break
    return out


def _dirty(text: str, author: str | None, date_text: str | None, gold_text: str | None = None) -> str | None:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return None
    first, last = lines[0], lines[-1]
    # A theme's meta line may open with a separator before the name ("| NAME", "• NAME").
    first = first.lstrip(" |•·-–—:>»")
    a = _name(author)
    if a and len(a) >= 2 and first.lower().startswith(a) and (
            len(first) <= len(a) + 25 or re.match(re.escape(a) + r"\s*[:|•·,—-]", first.lower())):
        return "author"
    d = _squash(date_text or "").strip("()@:,.-–—|")
    if d and len(d) >= 6 and re.search(r"\d", d) and d in _squash(text):
        return "date"
    if _NUM_LINE.match(first):
        return "number"
    if is_reply_word(first) or is_reply_word(last):
        return "reply"
    # A counter-shaped line that is the gold's whole text ("+1", typed as the answer) is what the
    # commenter wrote: the labels read it from the page's words element, so the reader kept the
    # words, not a vote counter beside them.
    if is_counter_line(last) and not re.search(r"[a-z]{4}", last.lower().replace("like", "")) \
            and not (gold_text and _squash(gold_text) == _squash(text)):
        return "counter"
    return None


# The reader's warnings that say comments of the page are missing (not read, not loaded, on other
# pages, out of scope): a page read short without one of them has lost comments silently.
LOSS_WARNINGS = frozenset({
    "comments_not_extracted", "fewer_comments_than_declared", "comment_markup_unread",
    "comments_without_text", "comments_out_of_scope", "comment_pages_missing",
    "comments_not_loaded", "comments_elsewhere", "nested_too_deep", "bad_comment_page"})


def score_page(path: Path, split: str = "", gold_path: Path | None = None,
               systems_off: frozenset[str] = frozenset()) -> PageScore:
    """Score one page; ``systems_off`` names recognisers left out of the reading."""
    from .comments.engine import systems_off as off

    gold_path = gold_path or path.with_name(path.name[:-5] + ".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    data = path.read_bytes()
    t0 = time.perf_counter()
    with off(systems_off) as read_by:
        result = get_reader("html").read(data, SourceRef(path.stem, path.name))
    seconds = time.perf_counter() - t0
    comments = sorted(result.comments, key=lambda c: c.position)
    gcom = gold["comments"]
    mapping = _match(gcom, [c.text for c in comments])
    by_id = {c.comment_id: i for i, c in enumerate(comments)}
    reader_parent = {i: by_id.get(c.parent_id) if c.parent_id else None for i, c in enumerate(comments)}
    back = {r: g for g, r in mapping.items()}
    gold_pairs = {(i, c["parent"]) for i, c in enumerate(gcom) if c.get("parent") is not None}
    found_pairs = set()
    for ri, rp in reader_parent.items():
        if rp is None:
            continue
        found_pairs.add((back.get(ri, ("r", ri)), back.get(rp, ("r", rp))))
    correct = len(gold_pairs & found_pairs)
    hist = Counter(str(c.depth) for c in comments)
    depths = {k: hist[k] for k in sorted(hist, key=int)}
    dirty: list[str] = []
    a_ok = a_total = 0
    for gi, ri in mapping.items():
        g = gcom[gi]
        why = _dirty(comments[ri].text, g.get("author"), g.get("date_text"), g.get("snippet"))
        if why:
            dirty.append(f"{why}: {comments[ri].text[:50]!r}")
        if g.get("author"):
            a_total += 1
            ident = comments[ri].identity
            if ident is not None and _name(ident.name) == _name(g["author"]):
                a_ok += 1
    warned = [i.code for i in result.issues if i.severity in ("warning", "error")]
    removed_gold = [gi for gi, g in enumerate(gcom) if g.get("removed")]
    removed_ok = sum(1 for gi in removed_gold if gi in mapping and comments[mapping[gi]].removed)
    return PageScore(
        page=path.name, split=split or gold.get("split", ""), gold_count=gold["count"],
        count=len(comments), gold_depths=gold["depths"], depths=depths,
        exact=len(comments) == gold["count"] and depths == gold["depths"],
        pairs_gold=len(gold_pairs), pairs_found=len(found_pairs), pairs_correct=correct,
        matched=len(mapping), dirty=dirty, author_ok=a_ok, author_total=a_total,
        silent_zero=gold["count"] > 0 and not comments and not warned,
        warnings=warned, seconds=seconds, systems=dict(sorted(read_by.items())),
        removed_gold=len(removed_gold), removed_ok=removed_ok,
        removed_read=sum(1 for c in comments if c.removed))


def summarise(scores: list[PageScore]) -> dict:
    n = len(scores)
    pg = sum(s.pairs_gold for s in scores)
    pf = sum(s.pairs_found for s in scores)
    pc = sum(s.pairs_correct for s in scores)
    p = pc / pf if pf else 1.0
    r = pc / pg if pg else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    gold_comments = sum(s.gold_count for s in scores)
    secs = sum(s.seconds for s in scores)
    return {
        "pages": n,
        "exact_share": round(sum(s.exact for s in scores) / n, 4) if n else 0.0,
        "parent_precision": round(p, 4), "parent_recall": round(r, 4), "parent_f1": round(f1, 4),
        "text_recall": round(sum(s.matched for s in scores) / gold_comments, 4) if gold_comments else 1.0,
        "dirty_comments": sum(len(s.dirty) for s in scores),
        "silent_zero_pages": sum(s.silent_zero for s in scores),
        "author_agreement": round(sum(s.author_ok for s in scores) / max(1, sum(s.author_total for s in scores)), 4),
        "gold_comments": gold_comments, "read_comments": sum(s.count for s in scores),
        "pages_per_second": round(n / secs, 2) if secs else None,
    }


def leave_system_out(path: Path, split: str = "", gold_path: Path | None = None
                     ) -> tuple[PageScore, PageScore, list[str]]:
    """The page read normally, then read again without the named recogniser(s) that read its
    comments (the fallbacks, ``engine.FALLBACKS``, stay): how the engine does on a system it has
    no reader for. Returns (normal, held out, the recognisers left out); a page no named
    recogniser read (no comments, or read by the fallbacks) is its own held-out score."""
    from .comments.engine import FALLBACKS, reader_name

    normal = score_page(path, split, gold_path)
    named = sorted({reader_name(s) for s in normal.systems} - FALLBACKS)
    if not named:
        return normal, normal, []
    return normal, score_page(path, split, gold_path, systems_off=frozenset(named)), named


def summarise_lso(scores: list[PageScore]) -> dict:
    """``summarise`` without the timing, with count recall (comments read up to the gold count,
    pooled) and silent losses (pages read short with no warning that comments are missing)."""
    out = {k: v for k, v in summarise(scores).items() if k != "pages_per_second"}
    gold = sum(s.gold_count for s in scores)
    out["count_recall"] = round(sum(min(s.count, s.gold_count) for s in scores) / gold, 4) if gold else 1.0
    out["silent_loss_pages"] = sum(s.silent_loss for s in scores)
    out["silent_lost_comments"] = sum(s.gold_count - s.count for s in scores if s.silent_loss)
    return out


def evaluate(root: Path, splits: tuple[str, ...] = ()) -> tuple[list[PageScore], dict]:
    scores = []
    for page, gold in corpus_pages(root):
        split = json.loads(gold.read_text(encoding="utf-8")).get("split", "")
        if splits and split not in splits:
            continue
        scores.append(score_page(page, split, gold_path=gold))
    return scores, summarise(scores)


# --------------------------------------------------------------------------- the ratchet

# Scores where higher is better, and those where lower is better (pinned as ceilings).
HIGHER = ("exact_share", "parent_f1", "parent_precision", "parent_recall", "text_recall",
          "author_agreement")
LOWER = ("dirty_comments", "silent_zero_pages")


def corpus_digest(root: Path) -> str:
    """SHA-256 over every gold file and the bytes of the page it labels."""
    h = hashlib.sha256()
    for page, gold in corpus_pages(root):
        h.update(gold.relative_to(root).as_posix().encode())
        h.update(hashlib.sha256(page.read_bytes()).digest())
        h.update(hashlib.sha256(gold.read_bytes()).digest())
    return h.hexdigest()


def check_floors(summary: dict, floors: dict, digest: str) -> list[str]:
    """Problems (empty: the run keeps every pinned score on the pinned corpus)."""
    problems = []
    if floors.get("corpus_sha256") != digest:
        problems.append("the corpus changed since the floors were pinned (digest "
                        f"{digest[:12]} vs {str(floors.get('corpus_sha256'))[:12]}): re-measure and "
                        "pin again with bench/readers_eval/evaluate.py --pin")
    for k in HIGHER:
        if k in floors.get("floors", {}) and summary.get(k, 0) + 1e-9 < floors["floors"][k]:
            problems.append(f"{k} fell to {summary.get(k)} (floor {floors['floors'][k]})")
    for k in LOWER:
        if k in floors.get("floors", {}) and summary.get(k, 0) > floors["floors"][k]:
            problems.append(f"{k} rose to {summary.get(k)} (ceiling {floors['floors'][k]})")
    return problems


def pin(summary: dict, old: dict, digest: str, *, allow_lower: bool, reason: str | None) -> dict:
    """New floors from a run; refuses to lower one without ``allow_lower`` and a reason."""
    new = {k: summary[k] for k in HIGHER + LOWER if k in summary}
    lowered = [k for k in HIGHER if k in old.get("floors", {}) and new[k] < old["floors"][k]] + \
              [k for k in LOWER if k in old.get("floors", {}) and new[k] > old["floors"][k]]
    if lowered and not (allow_lower and reason):
        raise ValueError(f"pinning would lower {', '.join(lowered)}; pass --allow-lower with "
                         "--reason to do it on purpose")
    out = {"corpus_sha256": digest, "floors": new, "pages": summary["pages"]}
    history = list(old.get("history", []))
    if lowered:
        history.append({"lowered": lowered, "reason": reason})
    if history:
        out["history"] = history
    return out
