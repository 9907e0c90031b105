"""The contract between stages: typed records every reader produces and every later stage consumes.

Published fields are listed in ``schemas/<table>.schema.json`` (the single source of truth for
Parquet, Hugging Face features and the data card). Fields marked ``internal`` here never leave the
build: raw identities are consumed by the anonymise stage, source keys and locations by the tree
builder and the quarantine table.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

from .formats import current_name

Severity = Literal["error", "warning", "info"]


@dataclass(slots=True)
class Identity:
    """What a source says about who wrote a comment. Never published; input to pseudonyms only."""

    name: str | None = None
    email: str | None = None
    url: str | None = None
    ip: str | None = None
    # an account login the source gives beside the display name (a Disqus username): never a
    # pseudonym basis, but a name people write back, so the anonymiser and the audit know it
    handle: str | None = None

    def is_empty(self) -> bool:
        return not (self.name or self.email or self.url or self.ip or self.handle)


@dataclass(slots=True)
class Post:
    post_id: str
    source_id: str
    source_format: str
    title: str
    body: str
    content_sha256: str
    extracted_comment_count: int = 0
    site: str | None = None
    url: str | None = None
    author: str | None = None  # public byline only ("By Jane Example"), never a commenter or a login
    published_at: str | None = None  # ISO 8601 UTC; only when the source gives a time and zone
    # The date/time as the source wrote it (ISO 8601, its own offset or none): keeps the local
    # day, and keeps a time without zone rather than dropping or guessing it.
    published_local: str | None = None
    declared_comment_count: int | None = None
    language: str | None = None
    comment_system: str | None = None  # which markup the comments were read from ("wordpress", ...)
    # internal
    source_key: str = ""  # the post's key inside its source (guid, thread id, "page")
    location: str = ""  # where in the source (line range, xpath, URL)
    author_identity: Identity | None = None  # raw post-author identity, for is_post_author only
    categories: list[str] = field(default_factory=list)  # source taxonomy, for include rules
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # An old format name (a record built by older code or a test) becomes the declared one,
        # so the published column only ever holds names of the registry (formats.py).
        self.source_format = current_name(self.source_format)


@dataclass(slots=True)
class Comment:
    comment_id: str
    post_id: str
    source_id: str
    position: int  # 0-based order of appearance within the post
    text: str
    parent_id: str | None = None
    root_id: str = ""
    depth: int = 0
    path: str = ""  # ancestor comment ids from the root, '/'-joined, ending with this id
    n_children: int = 0
    like_count: int | None = None
    published_at: str | None = None
    published_local: str | None = None  # as written by the source, see Post.published_local
    published_age: str | None = None  # "3 weeks ago" as shown, only where no date is shown
    author_pseudonym: str | None = None
    is_post_author: bool | None = None
    language: str | None = None
    # The page shows the comment as deleted or removed in place of its words, or the export marks
    # it deleted (Disqus isDeleted, WordPress trash): kept (its replies keep their parent) with
    # empty text; the platform's notice, or the words it still stores, are never its text.
    removed: bool = False
    # internal
    source_key: str = ""  # the comment's key inside its post (e.g. "comment-123", "3.1.2")
    parent_key: str | None = None  # the parent's source_key, resolved by tree.build_tree
    location: str = ""
    identity: Identity | None = None  # raw author identity; consumed by anonymise, never written


@dataclass(slots=True)
class QuarantineRow:
    """A row that could not be published, kept with the reason so counts reconcile."""

    source_id: str
    item_kind: Literal["comment", "post", "source"]
    reason: str  # machine code, e.g. "orphan_reply", "empty_text", "cycle"
    detail: str  # one sentence for people
    location: str = ""
    post_id: str | None = None
    item_id: str | None = None
    content_sha256: str | None = None  # hash of the raw text, so a reviewer can find it locally


@dataclass(slots=True)
class Furniture:
    """Page furniture removed from a post body (forms, share buttons, alt text, pull quotes)."""

    source_id: str
    post_id: str
    kind: str
    text: str
    location: str = ""


@dataclass(slots=True)
class SourceIssue:
    source_id: str
    severity: Severity
    code: str
    message: str
    location: str = ""


@dataclass(slots=True)
class ReadResult:
    """Everything one reader found in one source, before any filtering."""

    source_id: str
    source_format: str
    posts: list[Post] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    quarantine: list[QuarantineRow] = field(default_factory=list)
    issues: list[SourceIssue] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count (pingback, spam, ...)
    # Reasons in ``skipped`` that count posts or threads, not comments (unpublished_post, ...).
    post_skip_reasons: set[str] = field(default_factory=set)
    # Comment elements in the source counted by a second, simpler path than the reader's own
    # (a regex or element count), so that a loss inside a reader shows in the reconciliation:
    # raw_comment_count == published + quarantined + comments_skipped. None: not countable.
    raw_comment_count: int | None = None
    raw_count_method: str = ""  # how it was counted, for the report
    raw_count_exact: bool = True  # False: a lower bound (web pages: only comments with ids)
    comment_pages: list[str] = field(default_factory=list)  # other pages of the thread (URLs)

    def __post_init__(self) -> None:
        self.source_format = current_name(self.source_format)

    def warn(self, code: str, message: str, location: str = "") -> None:
        self.issues.append(SourceIssue(self.source_id, "warning", code, message, location))

    def error(self, code: str, message: str, location: str = "") -> None:
        self.issues.append(SourceIssue(self.source_id, "error", code, message, location))

    def skip(self, reason: str, n: int = 1) -> None:
        """Count ``n`` comments left out on purpose (pingbacks, spam, out of scope...)."""
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def skip_post(self, reason: str, n: int = 1) -> None:
        """Count ``n`` posts or threads left out on purpose (their comments: ``skip``)."""
        self.post_skip_reasons.add(reason)
        self.skip(reason, n)

    @property
    def comments_skipped(self) -> int:
        return sum(v for k, v in self.skipped.items() if k not in self.post_skip_reasons)

    @property
    def failed(self) -> bool:
        return any(i.severity == "error" for i in self.issues) and not self.posts


INTERNAL_FIELDS: dict[type, frozenset[str]] = {
    Post: frozenset({"source_key", "location", "author_identity", "categories", "tags"}),
    Comment: frozenset({"source_key", "parent_key", "location", "identity"}),
}


def public_dict(record: Any) -> dict[str, Any]:
    """The record as published: internal fields dropped."""
    drop = INTERNAL_FIELDS.get(type(record), frozenset())
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name not in drop}
