"""Small pieces every reader of this package shares: finishing a post, guarding ``read``."""
from __future__ import annotations

import functools
import traceback
from collections.abc import Callable

from .. import ids
from ..normalise import clean_text
from ..records import Comment, Identity, Post, QuarantineRow, ReadResult
from ..tree import build_tree
from .base import Reader, SourceRef


def new_comment(source_key: str, parent_key: str | None, text: str, *, location: str,
                published_at: str | None = None, identity: Identity | None = None,
                is_post_author: bool | None = None, like_count: int | None = None,
                published_local: str | None = None, published_age: str | None = None,
                removed: bool = False) -> Comment:
    """A comment before tree building: ids, depth and position are set by build_tree. A removed
    comment (the page shows a deletion notice in its place) has no text."""
    return Comment(comment_id="", post_id="", source_id="", position=0, text="" if removed else text,
                   removed=removed,
                   published_at=published_at, published_local=published_local,
                   published_age=None if published_at or published_local else published_age,
                   is_post_author=is_post_author,
                   like_count=like_count, source_key=source_key, parent_key=parent_key,
                   location=location, identity=identity if identity and not identity.is_empty() else None)


def clean_identity(name: str | None = None, email: str | None = None, url: str | None = None,
                   ip: str | None = None, handle: str | None = None) -> Identity | None:
    def s(v: str | None) -> str | None:
        v = " ".join(v.split()) if v else None
        return v or None

    name, handle = s(name), s(handle)
    ident = Identity(name=name or handle, email=s(email), url=s(url), ip=s(ip),
                     handle=handle if name and handle and handle.casefold() != name.casefold() else None)
    return None if ident.is_empty() else ident


def add_post(result: ReadResult, post: Post, comments: list[Comment]) -> None:
    """Quarantine comments without text, build the reply tree, and append post + comments.

    An empty comment is quarantined here (``empty_text``) rather than left for validation, so
    that its replies are handled by the tree builder like any other reply to a missing parent.
    A removed comment is empty by definition and kept: its replies keep their parent.
    """
    kept: list[Comment] = []
    for c in comments:
        c.text = "" if c.removed else clean_text(c.text)
        if not c.text and not c.removed:
            result.quarantine.append(QuarantineRow(
                source_id=result.source_id, item_kind="comment", reason="empty_text",
                detail="the comment has no text", location=c.location, post_id=post.post_id,
                item_id=ids.comment_id(post.post_id, c.source_key),
                content_sha256=ids.sha256_text("")))
            continue
        kept.append(c)
    tree = build_tree(post.post_id, post.source_id, kept)
    post.extracted_comment_count = len(tree.comments)
    if not post.body:
        result.warn("empty_body", f"post {post.post_id} has no body text in the source",
                    post.location)
    result.posts.append(post)
    result.comments.extend(tree.comments)
    result.quarantine.extend(tree.quarantine)


def make_post(source: SourceRef, fmt: str, key: str, *, title: str, body: str, sha: str,
              location: str, **kw) -> Post:
    return Post(post_id=ids.post_id(source.source_id, key), source_id=source.source_id,
                source_format=fmt, title=clean_text(title), body=clean_text(body),
                content_sha256=sha, source_key=key, location=location, **kw)


def guarded(read: Callable[[Reader, bytes, SourceRef], ReadResult]):
    """A reader never raises: an unexpected failure becomes a per-source error issue."""

    @functools.wraps(read)
    def wrapper(self: Reader, data: bytes, source: SourceRef) -> ReadResult:
        try:
            return read(self, data, source)
        except Exception as e:  # noqa: BLE001 - the contract is "never raise on bad input"
            res = ReadResult(source.source_id, self.format)
            tb = traceback.extract_tb(e.__traceback__)[-1]
            res.error("reader_crashed",
                      f"the {self.format} reader failed on this source ({type(e).__name__}: {e} "
                      f"at {tb.filename.rsplit('/', 1)[-1]}:{tb.lineno}); this is a bug in "
                      "therapy-threads: please report it with the source file")
            return res

    return wrapper


# WordPress's deletion: a comment moved to the trash, itself or with its post. The WXR exporter and the
# REST API both report these values; both readers keep such a comment as a removed node.
WP_DELETED_STATUSES = frozenset({"trash", "post-trashed"})
