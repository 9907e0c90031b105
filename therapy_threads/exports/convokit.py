"""Write a release as a ConvoKit corpus (``convokit.Corpus(filename=DIR)`` loads it).

ConvoKit's on-disk format (convokit/model/corpus_helpers.py and convoKitIndex.py, 5.0)::

    utterances.jsonl    one JSON object a line: id, conversation_id, speaker, reply_to,
                        timestamp, text, meta {...}, vectors []
    speakers.json       {speaker_id: {"meta": {...}, "vectors": []}}
    conversations.json  {conversation_id: {"meta": {...}, "vectors": []}}
    corpus.json         the corpus meta
    index.json          the type of every meta field per object kind ("<class 'int'>", ...),
                        "version" and "vectors"

Mapping, as in ConvoKit's own Reddit corpora: a post is a conversation whose root utterance is
the post itself (id = conversation_id = post_id, text = body); a top-level comment replies to
the post, a reply to its parent comment. Speakers are the commenter pseudonyms; a comment
without a known author is spoken by ``[unknown]`` (ConvoKit's corpora use ``[deleted]``), and a
post by the pseudonym its author comments under when the comments say so unambiguously, else by
``[author of <post_id>]``. Timestamps are Unix seconds; ISO 8601 times are kept in ``meta``.
A comment the platform shows as deleted stays an utterance (its replies answer it) with text
``""`` and ``meta["removed"] = True`` (every other comment: False); ConvoKit's Reddit corpora
write "[deleted]" there, but the notice is not the commenter's words, so it is never the text.
The release's TERMS.md is copied alongside: the terms travel with the data.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dataset import iter_posts, read_manifest, read_table, table_files
from ..errors import UserError
from ..publish.fsutil import atomic_directory
from . import check_output_folder

UNKNOWN = "[unknown]"
INDEX_VERSION = 1
COMMENT_META = ("source_id", "root_id", "depth", "position", "n_children", "like_count",
                "published_at", "is_post_author", "language")


@dataclass
class ExportResult:
    path: Path
    utterances: int = 0
    conversations: int = 0
    speakers: int = 0
    comments: int = 0
    index: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def _iso(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else v


def _unix(v: Any) -> int | None:
    return int(v.timestamp()) if hasattr(v, "timestamp") else None


class _Index:
    """ConvoKit's meta index: for each field, the Python types its non-null values have."""

    def __init__(self) -> None:
        self.kinds: dict[str, dict[str, list[str]]] = {
            "utterances-index": {}, "speakers-index": {}, "conversations-index": {},
            "overall-index": {}}

    def add(self, kind: str, meta: dict[str, Any]) -> dict[str, Any]:
        idx = self.kinds[kind]
        for k, v in meta.items():
            types = idx.setdefault(k, [])
            if v is not None and str(type(v)) not in types:
                types.append(str(type(v)))
        return meta

    def to_json(self) -> dict[str, Any]:
        return {**self.kinds, "version": INDEX_VERSION, "vectors": []}


def _post_speaker(post: dict[str, Any], comments: list[dict[str, Any]]) -> str:
    authors = {c["author_pseudonym"] for c in comments
               if c.get("is_post_author") and c.get("author_pseudonym")}
    return authors.pop() if len(authors) == 1 else f"[author of {post['post_id']}]"


def _speakers_rows(release: Path) -> dict[str, dict[str, Any]]:
    manifest = read_manifest(release)
    if "speakers" in manifest.get("tables", {}):
        t = read_table(table_files(release, "speakers"))
    else:  # a release from before the speakers table: derive it the same way publish does
        from ..publish.speakers import COLUMNS, derive_speakers

        t = derive_speakers(read_table(table_files(release, "comments"), columns=COLUMNS))
    return {r.pop("author_pseudonym"): {k: _iso(v) for k, v in r.items()} for r in t.to_pylist()}


def export_convokit(release: Path | str, out: Path | str, *, overwrite: bool = False
                    ) -> ExportResult:
    """Write ``release`` (a release folder) as a ConvoKit corpus in the folder ``out``.

    The corpus is assembled next to ``out`` and renamed into place when complete. An existing
    ``out`` is replaced only with ``overwrite`` and only if it holds a ConvoKit corpus.
    """
    release, out = Path(release), Path(out)
    check_output_folder(out, overwrite, "utterances.jsonl", "a ConvoKit corpus")
    manifest = read_manifest(release)
    index = _Index()
    speakers = _speakers_rows(release)
    extra_speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    res = ExportResult(path=out)
    with atomic_directory(out, replace=True) as staging:
        with open(staging / "utterances.jsonl", "w", encoding="utf-8") as f:
            for post, comments in iter_posts(release):
                pid = post["post_id"]
                speaker = _post_speaker(post, comments)
                if speaker not in speakers:
                    extra_speakers[speaker] = {"kind": "post author without a pseudonym"}
                post_meta = {"kind": "post", "title": post.get("title"),
                             "source_id": post.get("source_id"), "site": post.get("site"),
                             "url": post.get("url"), "published_at": _iso(post.get("published_at")),
                             "language": post.get("language")}
                _write(f, {"id": pid, "conversation_id": pid, "speaker": speaker,
                           "reply_to": None, "timestamp": _unix(post.get("published_at")),
                           "text": post.get("body") or "",
                           "meta": index.add("utterances-index", post_meta), "vectors": []})
                for c in comments:
                    who = c.get("author_pseudonym") or UNKNOWN
                    if who == UNKNOWN:
                        extra_speakers[UNKNOWN] = {"kind": "comments without a known author"}
                    meta = {"kind": "comment", **{k: _iso(c.get(k)) for k in COMMENT_META},
                            # a release from before the column has no removed comments
                            "removed": bool(c.get("removed"))}
                    _write(f, {"id": c["comment_id"], "conversation_id": pid, "speaker": who,
                               "reply_to": c.get("parent_id") or pid,
                               "timestamp": _unix(c.get("published_at")),
                               "text": c.get("text") or "",
                               "meta": index.add("utterances-index", meta), "vectors": []})
                res.comments += len(comments)
                res.utterances += 1 + len(comments)
                conv_meta = {k: _iso(v) for k, v in post.items() if k != "body"}
                conv_meta["n_comments"] = len(comments)
                conv_meta["n_threads"] = sum(1 for c in comments if not c.get("parent_id"))
                conversations[pid] = {"meta": index.add("conversations-index", conv_meta),
                                      "vectors": []}
        all_speakers = {s: {"meta": index.add("speakers-index", m), "vectors": []}
                        for s, m in {**speakers, **extra_speakers}.items()}
        (staging / "speakers.json").write_text(json.dumps(all_speakers, ensure_ascii=False),
                                              encoding="utf-8")
        (staging / "conversations.json").write_text(
            json.dumps(conversations, ensure_ascii=False), encoding="utf-8")
        corpus_meta = index.add("overall-index", {
            "name": "therapy-threads",
            "version": manifest.get("version"),
            "schema_version": manifest.get("schema_version"),
            "key_fingerprint": manifest.get("key_fingerprint"),
            "description": "Public blog discussions about the therapeutic relationship; "
                           "commenters pseudonymised. Research terms: TERMS.md (no attempts to "
                           "identify or contact anyone, no verbatim quotation).",
            "terms": "TERMS.md",
        })
        (staging / "corpus.json").write_text(json.dumps(corpus_meta, ensure_ascii=False),
                                            encoding="utf-8")
        (staging / "index.json").write_text(json.dumps(index.to_json()), encoding="utf-8")
        if (release / "TERMS.md").is_file():
            shutil.copyfile(release / "TERMS.md", staging / "TERMS.md")
        res.conversations = len(conversations)
        res.speakers = len(all_speakers)
        res.index = index.to_json()
        # Nothing lost: every published post and comment is an utterance (checked before the
        # corpus is moved into place).
        expected = {t: info["rows"] for t, info in manifest["tables"].items()}
        if (res.comments, res.conversations) != (expected.get("comments"), expected.get("posts")):
            raise UserError(f"export wrote {res.comments} comments and {res.conversations} "
                            f"posts but the manifest lists {expected.get('comments')} and "
                            f"{expected.get('posts')}; the release is damaged")
    return res


def _write(f, obj: dict[str, Any]) -> None:
    f.write(json.dumps(obj, ensure_ascii=False))
    f.write("\n")

