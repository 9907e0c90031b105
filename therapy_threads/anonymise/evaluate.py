"""Evaluation harness shared by the tests and bench/bench_anonymise.py: labelled mentions -> recall.

Seeds are plain-text captures; ``split_capture`` cuts one into a post body and comment texts the
way a reader would (numbered or bulleted blocks, "Liked by" lines and the reply form dropped),
keeping each text's offset in the file so labelled mentions (file line + occurrence) can be found.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import ids
from ..records import Comment, Identity, Post, ReadResult
from .spans import REPLACED

REPLACE_KINDS = frozenset({"commenter", "private", "post_author"})
_MARKER = re.compile(r"^[ \t]*(?:\d{1,3}\.|•)[ \t]+", re.M)
_DROP = re.compile(r"^[ \t]*Liked by \d+ (?:people|person)[ \t]*$", re.M)
_END = re.compile(r"^(?:Leave a Reply|Leave a comment)\b", re.M)


@dataclass
class Piece:
    start: int  # offset of the text in the file
    text: str


def split_capture(raw: str) -> tuple[Piece, list[Piece]]:
    """(body, comments) of a text capture, each with its offset in ``raw``."""
    end = _END.search(raw)
    limit = end.start() if end else len(raw)
    marks = [m for m in _MARKER.finditer(raw, 0, limit)]
    body_end = marks[0].start() if marks else limit
    body = Piece(0, raw[:body_end].rstrip())
    comments = []
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else limit
        chunk = raw[m.end():stop]
        chunk = _DROP.sub(lambda x: " " * len(x.group(0)), chunk)  # keep offsets
        if chunk.strip():
            comments.append(Piece(m.end(), chunk.rstrip()))
    return body, comments


def capture_result(raw: str, source_id: str, author: str | None = None,
                   identities: dict[int, Identity] | None = None) -> tuple[ReadResult, list[Piece]]:
    """A ReadResult built from a capture (no reader needed), plus the pieces in result order."""
    body, comments = split_capture(raw)
    pid = ids.post_id(source_id, "page")
    post = Post(post_id=pid, source_id=source_id, source_format="text_capture",
                title=raw.split("\n", 1)[0], body=body.text, content_sha256=ids.sha256_text(raw),
                author=author, source_key="page")
    res = ReadResult(source_id, "text_capture", posts=[post])
    for i, p in enumerate(comments):
        res.comments.append(Comment(comment_id=ids.comment_id(pid, str(i)), post_id=pid, source_id=source_id,
                                    position=i, text=p.text, source_key=str(i),
                                    identity=(identities or {}).get(i)))
    return res, [body] + comments


def locate(raw: str, line: int, surface: str, nth: int) -> int:
    """Offset of the ``nth`` whole-word occurrence of ``surface`` on 1-based ``line`` of ``raw``."""
    lines = raw.split("\n")
    base = sum(len(x) + 1 for x in lines[:line - 1])
    pat = re.compile(r"(?<![\w])" + re.escape(surface) + r"(?![\w])")
    found = list(pat.finditer(lines[line - 1]))
    if nth >= len(found):
        raise ValueError(f"{surface!r} occurrence {nth} not on line {line}: {lines[line - 1][:80]!r}")
    return base + found[nth].start()


@dataclass
class Score:
    tp: int
    fn: int
    fp: int
    kept_ok: int
    kept_broken: int
    missed: list[str]
    false_pos: list[str]

    @property
    def recall(self) -> float:
        return self.tp / max(1, self.tp + self.fn)

    @property
    def precision(self) -> float:
        return self.tp / max(1, self.tp + self.fp)


def score(spans_by_piece: list[list[tuple[int, int]]], pieces: list[Piece], raw: str,
          mentions: list[dict]) -> Score:
    """Recall over mentions of kinds in REPLACE_KINDS; precision over every detected span
    (a span on a 'keep' mention or on no labelled mention is a false positive, on 'public' neutral)."""
    abs_spans: list[tuple[int, int]] = []
    for piece, spans in zip(pieces, spans_by_piece):
        abs_spans.extend((piece.start + s, piece.start + e) for s, e in spans)
    labelled: list[tuple[int, int, dict]] = [(m["start"], m["start"] + len(m["surface"]), m) for m in mentions]
    tp = fn = kept_ok = kept_broken = 0
    missed: list[str] = []
    for s, e, m in labelled:
        hit = any(a < e and s < b for a, b in abs_spans)
        if m["kind"] in REPLACE_KINDS:
            if hit:
                tp += 1
            else:
                fn += 1
                missed.append(f"{m['surface']}@{m.get('line', '?')}")
        elif m["kind"] == "keep":
            kept_broken += hit
            kept_ok += not hit
    fp = 0
    false_pos: list[str] = []
    for a, b in abs_spans:
        over = [m for s, e, m in labelled if a < e and s < b]
        if any(m["kind"] in REPLACE_KINDS for m in over) or any(m["kind"] == "public" for m in over):
            continue
        fp += 1
        false_pos.append(raw[a:b])
    return Score(tp, fn, fp, kept_ok, kept_broken, missed, false_pos)


def load_mentions(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def kinds(mentions: list[dict]) -> Counter:
    return Counter(m["kind"] for m in mentions)


def heldout_result(fx: dict) -> ReadResult:
    """A ReadResult from the held-out forum fixture (identities included, as an HTML reader gives)."""
    src = "heldout"
    pid = ids.post_id(src, "thread")
    p = fx["post"]
    author_ident = next((Identity(**c["identity"]) for c in fx["comments"]
                         if c["identity"].get("name") == p["author"] and c["identity"].get("email")), None)
    post = Post(post_id=pid, source_id=src, source_format="wordpress_html", title=p["title"], body=p["body"],
                content_sha256=ids.sha256_text(p["body"]), author=p["author"], source_key="thread",
                author_identity=author_ident)
    res = ReadResult(src, "wordpress_html", posts=[post])
    for i, c in enumerate(fx["comments"]):
        res.comments.append(Comment(comment_id=ids.comment_id(pid, str(i)), post_id=pid, source_id=src,
                                    position=i, text=c["text"], source_key=str(i),
                                    parent_key=None if c["parent"] is None else str(c["parent"]),
                                    identity=Identity(**c["identity"])))
    return res


def heldout_offsets(fx: dict) -> list[dict]:
    """Mentions of the held-out fixture with (text index, start): index 0 = body, i+1 = comment i."""
    texts = [fx["post"]["body"]] + [c["text"] for c in fx["comments"]]
    out = []
    for m in fx["mentions"]:
        t = texts[m["comment"] + 1]
        found = [x.start() for x in re.finditer(r"(?<![\w])" + re.escape(m["surface"]) + r"(?![\w])", t)]
        if m["nth"] >= len(found):
            raise ValueError(f"held-out mention {m} not found")
        out.append(dict(m, text=m["comment"] + 1, start=found[m["nth"]]))
    return out


def score_heldout(doc, fx: dict) -> Score:
    """Score the spans of an analysed held-out post (texts: title, body, comments...)."""
    texts = doc.texts[1:]
    offs = heldout_offsets(fx)
    # put every text at a distinct offset so the file-based scorer can be reused
    pieces, spans, raw, base = [], [], "", 0
    for i, t in enumerate(texts):
        pieces.append(Piece(base, t.text))
        spans.append([(s.start, s.end) for s in t.spans if s.kind in REPLACED])
        raw += t.text + "\n"
        base += len(t.text) + 1
    mentions = [dict(m, start=pieces[m["text"]].start + m["start"]) for m in offs]
    return score(spans, pieces, raw, mentions)


def score_seeds(anon, seeds_dir: Path, mentions_path: Path) -> dict[str, Score]:
    """Score ``anon`` on every labelled seed capture: {file name: Score} (texts: body, comments)."""
    from .anonymiser import AnonymiseReport

    fx = load_mentions(mentions_path)
    out: dict[str, Score] = {}
    for f in sorted(Path(seeds_dir).glob("*.txt")):
        raw = f.read_text(encoding="utf-8")
        res, pieces = capture_result(raw, f.stem, fx["post_authors"].get(f.name))
        docs = anon._analyse(res, AnonymiseReport())
        spans = [[(s.start, s.end) for s in t.spans if s.kind in REPLACED] for t in docs[0].texts[1:]]
        out[f.name] = score(spans, pieces, raw, [m for m in fx["mentions"] if m["file"] == f.name])
    return out


def score_heldout_file(anon, path: Path) -> Score:
    """Score ``anon`` on one held-out fixture file (tests/fixtures/heldout_*.json)."""
    from .anonymiser import AnonymiseReport

    fx = json.loads(Path(path).read_text(encoding="utf-8"))
    docs = anon._analyse(heldout_result(fx), AnonymiseReport())
    return score_heldout(docs[0], fx)
