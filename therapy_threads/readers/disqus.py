"""Disqus XML exports: ``<thread>`` elements (pages) and ``<post>`` elements (comments).

Decisions, so that every post in the export is accounted for:

- a deleted post (``<isDeleted>true</isDeleted>``: removed by its author or a moderator; Disqus
  keeps it in the export and shows a deleted comment that has replies as a placeholder in its
  place) stays a comment with ``removed`` true and empty text, whatever its ``<message>`` still
  holds: its replies keep their parent and nothing is lost. A deleted post without replies is
  kept the same way (the export is the record of the discussion, so the rule does not depend on
  whether a reply happens to be in it); its author and date stay as the export gives them (the
  identity is never published: it makes the pseudonym and tells the anonymiser a name replies
  may use);
- a spam post (``<isSpam>true</isSpam>``, also when deleted) is not a deletion: it is counted in
  ``skipped`` (``spam``), never published, as before;
- a reply to a spam or absent parent is kept as a comment and handed to the tree builder, which
  quarantines it as ``orphan_reply`` (its descendants as ``orphan_descendant``): publishing it at
  top level would invent a thread structure, and the contract says every published parent
  exists;
- a post whose thread is not in the export becomes a quarantine row ``missing_thread``;
- a thread that is deleted is counted (``deleted_thread``) and so are its posts
  (``comment_on_skipped_post``); a thread with no posts at all is counted
  (``thread_without_comments``) rather than published as an empty post.

The thread ``<author>`` is whoever opened the thread on Disqus (often a visitor), so it is used
only to set ``is_post_author`` and is not published as a byline.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .. import ids
from ..records import Comment, QuarantineRow, ReadResult
from . import register, xml_safe
from ._common import add_post, clean_identity, guarded, make_post, new_comment
from ._dates import local_from, out_of_range, parse_iso
from .base import Reader, SourceRef
from .html_text import fragment_text

_DSQ_ID = "id"


def _dsq_id(el: etree._Element | None) -> str:
    if el is None:
        return ""
    for k, v in el.attrib.items():
        if k.rsplit("}", 1)[-1] == _DSQ_ID:
            return v.strip()
    return ""


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for ch in el:
        if isinstance(ch.tag, str) and xml_safe.localname(ch) == name:
            return ch
    return None


def _text(el: etree._Element | None, name: str) -> str:
    ch = _child(el, name) if el is not None else None
    return "".join(ch.itertext()).strip() if ch is not None else ""


def _flag(el: etree._Element, name: str) -> bool:
    return _text(el, name).lower() in ("true", "1", "yes")


@dataclass(slots=True)
class _Thread:
    dsq_id: str
    index: int
    line: int | None
    title: str
    link: str
    message: str
    created: str
    deleted: bool
    author: dict[str, str]
    category: str = ""


@dataclass(slots=True)
class _Post:
    dsq_id: str
    index: int
    line: int | None
    thread: str
    parent: str
    message: str
    created: str
    deleted: bool
    spam: bool
    author: dict[str, str]
    ip: str


def _author(el: etree._Element) -> dict[str, str]:
    a = _child(el, "author")
    if a is None:
        return {}
    return {k: _text(a, k) for k in ("name", "email", "username", "link")}


@register
class DisqusReader(Reader):
    format = "disqus"

    @classmethod
    def sniff(cls, head: bytes, name: str = "") -> float:
        if b"<disqus" in head and b"disqus.com" in head:
            return 0.95
        if b"disqus-internals" in head:
            return 0.8
        return 0.0

    @guarded
    def read(self, data: bytes, source: SourceRef) -> ReadResult:
        result = ReadResult(source.source_id, self.format)
        scanned = xml_safe.tolerant_read(
            result, data, _scan, lambda v: len(v[1]) + len(v[2]),
            what="the Disqus export",
            again="Download the export again from Disqus (Admin > Moderation > Export) and check "
                  "it is complete",
            recovered=lambda v: f"read {len(v[1])} thread(s) and {len(v[2])} post(s) in recovery "
                                "mode, content after the damage may be missing")
        if scanned is None:
            return result
        prepared, (root_name, threads, posts) = scanned
        if root_name != "disqus" and not threads and not posts:
            result.error("not_disqus", "no <disqus> root, threads or posts: this is not a Disqus "
                         "export; check --format or the file")
            return result
        result.raw_comment_count = xml_safe.count_elements(prepared, b"post")
        result.raw_count_method = "<post> start tags in the export's bytes"
        _build(result, source, threads, posts, ids.sha256_bytes(data))
        bad = sum(out_of_range(p.created) for p in posts)
        if bad:
            result.warn("date_out_of_range", f"{bad} post date(s) outside the years 1000-2200 "
                        "were left empty; the comments are kept")
        return result


def _scan(data: bytes, *, recover: bool):
    threads: list[_Thread] = []
    posts: list[_Post] = []
    categories: dict[str, str] = {}
    root_name = ""
    for el in xml_safe.iterparse(data, recover=recover):
        parent = el.getparent()
        if parent is None:
            root_name = xml_safe.localname(el)
            continue
        if parent.getparent() is not None:
            continue  # only direct children of the root are threads/posts
        name = xml_safe.localname(el)
        if name == "thread":
            threads.append(_Thread(
                dsq_id=_dsq_id(el), index=len(threads), line=el.sourceline,
                title=_text(el, "title"), link=_text(el, "link"), message=_text(el, "message"),
                created=_text(el, "createdAt"), deleted=_flag(el, "isDeleted"),
                author=_author(el), category=_dsq_id(_child(el, "category"))))
        elif name == "category":
            categories[_dsq_id(el)] = _text(el, "title")
        elif name == "post":
            posts.append(_Post(
                dsq_id=_dsq_id(el), index=len(posts), line=el.sourceline,
                thread=_dsq_id(_child(el, "thread")), parent=_dsq_id(_child(el, "parent")),
                message=_text(el, "message"), created=_text(el, "createdAt"),
                deleted=_flag(el, "isDeleted"), spam=_flag(el, "isSpam"),
                author=_author(el), ip=_text(el, "ipAddress")))
        else:
            root_name = root_name or xml_safe.localname(parent)
        xml_safe.release(el)
    for t in threads:  # category id -> its title ("Technology"), for include rules
        t.category = categories.get(t.category, "")
    return root_name, threads, posts


def _build(result: ReadResult, source: SourceRef, threads: list[_Thread], posts: list[_Post],
           sha: str) -> None:
    by_thread: dict[str, list[_Post]] = {}
    thread_ids = {t.dsq_id for t in threads}
    for p in posts:
        where = f"post dsq:id={p.dsq_id or '?'}" + (f" line {p.line}" if p.line else "")
        if p.thread not in thread_ids:
            result.quarantine.append(QuarantineRow(
                source_id=source.source_id, item_kind="comment", reason="missing_thread",
                detail=f"the post belongs to thread {p.thread or '(none)'!r}, which is not in the "
                       "export", location=where, content_sha256=ids.sha256_text(p.message)))
            continue
        by_thread.setdefault(p.thread, []).append(p)

    seen: set[str] = set()
    for t in threads:
        where = f"thread dsq:id={t.dsq_id or '?'}" + (f" line {t.line}" if t.line else "")
        tposts = by_thread.get(t.dsq_id, [])
        if t.dsq_id in seen:
            result.warn("duplicate_thread", f"thread {t.dsq_id!r} appears twice; its posts were "
                        "read with the first", where)
            result.skip_post("duplicate_thread")
            continue
        seen.add(t.dsq_id)
        if t.deleted:
            result.skip_post("deleted_thread")
            if tposts:
                result.skip("comment_on_skipped_post", len(tposts))
            continue
        if not tposts:
            result.skip_post("thread_without_comments")
            continue
        ta = t.author
        post = make_post(
            source, "disqus", f"dsq-thread-{t.dsq_id}", title=t.title,
            body=fragment_text(t.message), sha=sha, location=where,
            site=source.site, url=t.link or None, published_at=parse_iso(t.created),
            published_local=local_from(t.created), comment_system="disqus",
            author_identity=clean_identity(ta.get("name") or ta.get("username"), ta.get("email"),
                                           ta.get("link")))
        if t.category:
            post.categories = [t.category]
        t_email = (ta.get("email") or "").lower()
        t_user = (ta.get("username") or "").lower()
        comments: list[Comment] = []
        for p in tposts:
            pwhere = f"post dsq:id={p.dsq_id or '?'}" + (f" line {p.line}" if p.line else "")
            if p.spam:
                result.skip("spam")
                continue
            a = p.author
            email, user = (a.get("email") or "").lower(), (a.get("username") or "").lower()
            if t_email and email:
                is_author: bool | None = email == t_email
            elif t_user and user:
                is_author = user == t_user
            else:
                is_author = None
            key = f"dsq-{p.dsq_id}" if p.dsq_id else f"pos-{p.index + 1}"
            comments.append(new_comment(
                key, f"dsq-{p.parent}" if p.parent else None, fragment_text(p.message),
                location=pwhere, published_at=parse_iso(p.created),
                published_local=local_from(p.created),
                identity=clean_identity(a.get("name"), a.get("email"), a.get("link"), p.ip,
                                        handle=a.get("username")),
                is_post_author=is_author, removed=p.deleted))
        add_post(result, post, comments)
