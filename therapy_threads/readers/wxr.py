"""WordPress eXtended RSS (WXR 1.0-1.2) exports: posts and pages with their comments.

What is published: items of post_type ``post`` or ``page`` (missing post_type counts as a post)
with status ``publish`` (or none) and no password, and their approved comments of type comment
(empty or missing ``comment_type``). Everything else is counted in ``skipped`` by reason:
``post_type_<type>``, ``unpublished_post``, ``password_protected_post``,
``comment_on_skipped_post``, ``pingback``, ``trackback``, ``comment_type_<type>``,
``unapproved``, ``spam``.

Deleted comments: WordPress deletes a comment by moving it to the trash (``wp_trash_comment``
sets ``comment_approved`` to ``trash``; ``post-trashed`` when its post went to the trash), and
the exporter writes every comment but spam (``export_wp``: ``comment_approved <> 'spam'``), so
trashed comments are in the export. One stays a comment with ``removed`` true and empty text:
its approved replies keep their parent instead of being quarantined as orphans, and nothing is
lost. A trashed comment without replies is kept the same way (the export is the record; the rule
does not depend on whether a reply survived), its author and date as the export gives them (the
identity is never published: it makes the pseudonym and tells the anonymiser a name replies may
use). A comment deleted for good is not in the export; WordPress moves its replies up to its
parent (``wp_delete_comment``), so they arrive attached and nothing is needed here.

Spam and unapproved (``0``, ``hold``) comments are not deletions: they are skipped as before, and
replies to them are quarantined by the tree builder as orphans.

The ``wp`` namespace is matched by pattern (``wordpress.org/export/1.x/``, http or https), not
by one exact URI. Author e-mail, URL and IP go to ``Comment.identity`` only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .. import ids
from ..records import Comment, Identity, ReadResult
from . import register, xml_safe
from ._common import WP_DELETED_STATUSES, add_post, clean_identity, guarded, make_post, new_comment
from ._dates import local_from, out_of_range, parse_gmt, parse_rfc822
from .base import Reader, SourceRef
from .html_text import fragment_text

# Shortcodes WordPress expands on display; the stored body keeps them as "[caption ...]".
# Tags are dropped, enclosed text (a caption) is kept.
_SHORTCODE = re.compile(r"\[/?(?:caption|wp_caption|gallery|embed|audio|video|playlist|"
                        r"contact-form(?:-7)?|vc_[\w-]+|et_pb_[\w-]+)\b[^\]]*\]", re.I)
_PUBLISHED_STATUS = {"", "publish"}
_NO_PREFIX: tuple[str, ...] = ()
_CONTENT_TYPES = {"post", "page"}


def _kind(ns: str) -> str:
    if "wordpress.org/export" in ns:
        return "excerpt" if ns.rstrip("/").endswith("excerpt") else "wp"
    if "purl.org/rss/1.0/modules/content" in ns:
        return "content"
    if "purl.org/dc/elements" in ns:
        return "dc"
    return ns


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return "".join(el.itertext())


@dataclass(slots=True)
class _RawComment:
    fields: dict[str, str]
    index: int


@dataclass(slots=True)
class _RawItem:
    index: int
    fields: dict[str, str]
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    comments: list[_RawComment] = field(default_factory=list)
    line: int | None = None


_KEYS: dict[tuple[str, tuple[str, ...]], str] = {}


def _key_of(tag: str, prefix_kinds: tuple[str, ...]) -> str:
    """``{http://wordpress.org/export/1.2/}comment_id`` -> ``wp:comment_id`` (memoised)."""
    k = (tag, prefix_kinds)
    key = _KEYS.get(k)
    if key is None:
        if tag.startswith("{"):
            ns, name = tag[1:].split("}", 1)
        else:
            ns, name = "", tag
        kind = _kind(ns)
        key = f"{kind}:{name}" if kind in prefix_kinds else name
        if len(_KEYS) < 10000:
            _KEYS[k] = key
    return key


def _fields(el: etree._Element, prefix_kinds: tuple[str, ...]) -> dict[str, str]:
    """Direct children as ``kind:localname`` -> text (first occurrence wins)."""
    out: dict[str, str] = {}
    for ch in el:
        tag = ch.tag
        if not isinstance(tag, str):
            continue
        key = _key_of(tag, prefix_kinds)
        if key not in out:
            out[key] = ch.text or "" if len(ch) == 0 else _text(ch)
    return out


@register
class WxrReader(Reader):
    format = "wxr"

    @classmethod
    def sniff(cls, head: bytes, name: str = "") -> float:
        h = head[:65536]
        if b"wordpress.org/export/" in h and (b"<rss" in h or b"<channel" in h):
            return 0.95
        if b"<wp:comment" in h or b"<wp:post_type" in h:
            return 0.8
        if name.lower().endswith(".xml") and b"<rss" in h and b"<wp:" in h:
            return 0.6
        return 0.0

    @guarded
    def read(self, data: bytes, source: SourceRef) -> ReadResult:
        result = ReadResult(source.source_id, self.format)
        scanned = xml_safe.tolerant_read(
            result, data, _scan, lambda v: len(v[2]),
            what="the export",
            again="Re-export it from WordPress (Tools > Export) and check the download was complete",
            recovered=lambda v: f"read {len(v[2])} item(s) in recovery mode, items after the "
                                "damage may be missing or incomplete. Re-export the file from "
                                "WordPress if you can")
        if scanned is None:
            return result
        prepared, (channel, authors, items) = scanned
        if not items and not channel.get("is_wxr"):
            result.error("not_wxr", "no <item> elements and no WordPress export namespace found: "
                         "this file is not a WordPress WXR export; check --format or the file")
            return result
        sha = ids.sha256_bytes(data)
        result.raw_comment_count = xml_safe.count_elements(prepared, b"comment")
        result.raw_count_method = "<wp:comment> start tags in the export's bytes"
        _build(result, source, channel, authors, items, sha)
        return result


_SCAN_TAGS = ("item", "{*}wp_author", "{*}author", "{*}wxr_version", "title", "link")


def _scan(data: bytes, *, recover: bool):
    channel: dict = {"is_wxr": False}
    authors: dict[str, dict[str, str]] = {}
    items: list[_RawItem] = []
    for el in xml_safe.iterparse(data, recover=recover, tags=_SCAN_TAGS):
        name = xml_safe.localname(el)
        parent = el.getparent()
        pname = xml_safe.localname(parent) if parent is not None else ""
        if name == "item" and pname == "channel":
            items.append(_item(el, len(items)))
            xml_safe.release(el)
        elif name in ("author", "wp_author") and _kind(xml_safe.namespace(el)) == "wp" and pname == "channel":
            f = _fields(el, ("wp",))
            login = f.get("wp:author_login", "").strip()
            if login:
                authors[login] = f
            channel["is_wxr"] = True
        elif name == "wxr_version" and _kind(xml_safe.namespace(el)) == "wp":
            channel["is_wxr"] = True
            channel["version"] = _text(el).strip()
        elif pname == "channel" and name in ("title", "link") and not xml_safe.namespace(el):
            channel.setdefault(name, _text(el).strip())
    return channel, authors, items


def _item(el: etree._Element, index: int) -> _RawItem:
    item = _RawItem(index=index, fields=_fields(el, ("wp", "dc", "content", "excerpt")),
                    line=el.sourceline)
    for ch in el:
        if not isinstance(ch.tag, str):
            continue
        name = xml_safe.localname(ch)
        if name == "category" and not xml_safe.namespace(ch):
            domain = ch.get("domain", "category")
            label = _text(ch).strip()
            if not label:
                continue
            if domain == "category":
                item.categories.append(label)
            elif domain == "post_tag":
                item.tags.append(label)
        elif name == "comment" and _kind(xml_safe.namespace(ch)) == "wp":
            item.comments.append(_RawComment(_fields(ch, _NO_PREFIX), len(item.comments)))
    return item


def _approval(value: str) -> str | None:
    """None when published, ``removed`` for a deleted (trashed) comment, else the skip reason."""
    v = value.strip().lower()
    if v in ("", "1", "approve", "approved"):
        return None
    if v == "spam":
        return "spam"
    if v in WP_DELETED_STATUSES:
        return "removed"
    return "unapproved"


def _build(result: ReadResult, source: SourceRef, channel: dict,
           authors: dict[str, dict[str, str]], items: list[_RawItem], sha: str) -> None:
    seen_keys: set[str] = set()
    for item in items:
        f = item.fields
        where = f"item[{item.index + 1}]" + (f" line {item.line}" if item.line else "")
        ptype = f.get("wp:post_type", "").strip().lower() or "post"
        status = f.get("wp:status", "").strip().lower()
        reason = None
        if ptype not in _CONTENT_TYPES:
            reason = "post_type_" + re.sub(r"[^a-z0-9_]+", "_", ptype)
        elif status not in _PUBLISHED_STATUS:
            reason = "unpublished_post"
        elif f.get("wp:post_password", "").strip():
            reason = "password_protected_post"
        wp_id = f.get("wp:post_id", "").strip()
        key = (f"wp-{wp_id}" if wp_id else
               f.get("guid", "").strip() or f.get("link", "").strip() or f"item-{item.index + 1}")
        if reason is None and key in seen_keys:
            n = 2
            while f"{key}#{n}" in seen_keys:
                n += 1
            result.warn("duplicate_post_key", f"post key {key!r} appears again; this item is "
                        f"keyed {key}#{n} (both are kept)", where)
            key = f"{key}#{n}"
        if reason is not None:
            result.skip_post(reason)
            if item.comments:
                result.skip("comment_on_skipped_post", len(item.comments))
            continue
        seen_keys.add(key)

        creator = f.get("dc:creator", "").strip()
        author = authors.get(creator, {})
        # dc:creator is the account login: it identifies the author in comments (is_post_author)
        # but is never the published byline, which is only the display name the site shows.
        display = author.get("wp:author_display_name", "").strip() or None
        author_identity = clean_identity(name=display or creator or None, email=author.get("wp:author_email"))
        author_user_id = author.get("wp:author_id", "").strip()
        author_email = (author.get("wp:author_email") or "").strip().lower()
        post = make_post(
            source, "wxr", key,
            title=fragment_text(f.get("title", "")),
            body=fragment_text(_SHORTCODE.sub("", f.get("content:encoded", "")),
                               keep_newlines=True),
            sha=sha, location=where,
            site=source.site or channel.get("title") or None,
            url=f.get("link", "").strip() or None,
            author=display,
            published_at=parse_gmt(f.get("wp:post_date_gmt")) or parse_rfc822(f.get("pubDate")),
            published_local=local_from(f.get("wp:post_date")),
            comment_system="wordpress" if item.comments else None,
            author_identity=author_identity,
        )
        post.categories = item.categories
        post.tags = item.tags

        comments: list[Comment] = []
        zoneless = 0
        for rc in item.comments:
            cf = rc.fields
            cid = cf.get("comment_id", "").strip()
            cwhere = f"{where} wp:comment[{rc.index + 1}]" + (f" id={cid}" if cid else "")
            ctype = cf.get("comment_type", "").strip().lower()
            if ctype in ("pingback", "trackback"):
                result.skip(ctype)
                continue
            if ctype not in ("", "comment"):
                result.skip("comment_type_" + re.sub(r"[^a-z0-9_]+", "_", ctype))
                continue
            why = _approval(cf.get("comment_approved", ""))
            if why and why != "removed":
                result.skip(why)
                continue
            if not cid:
                cid = f"pos-{rc.index + 1}"
                result.warn("comment_without_id", "a comment has no wp:comment_id; keyed by its "
                            "position, so its replies cannot be linked", cwhere)
            parent = cf.get("comment_parent", "").strip()
            user_id = cf.get("comment_user_id", "").strip()
            email = (cf.get("comment_author_email") or "").strip().lower()
            if author_user_id and user_id and user_id != "0":
                is_author: bool | None = user_id == author_user_id
            elif author_email and email:
                is_author = email == author_email
            elif user_id == "0":
                is_author = False
            else:
                is_author = None
            published = parse_gmt(cf.get("comment_date_gmt"))
            if out_of_range(cf.get("comment_date_gmt")) or out_of_range(cf.get("comment_date")):
                zoneless += 1
            comments.append(new_comment(
                f"comment-{cid}", f"comment-{parent}" if parent not in ("", "0") else None,
                fragment_text(cf.get("comment_content", ""), keep_newlines=True),
                location=cwhere, published_at=published,
                published_local=local_from(cf.get("comment_date")),
                identity=clean_identity(cf.get("comment_author"), cf.get("comment_author_email"),
                                        cf.get("comment_author_url"), cf.get("comment_author_IP")),
                is_post_author=is_author, removed=why == "removed"))
        if zoneless:
            result.warn("date_out_of_range", f"{zoneless} comment date(s) outside the years "
                        "1000-2200 (e.g. 0001-01-01) were left empty; the comments are kept",
                        where)
        add_post(result, post, comments)


__all__ = ["WxrReader", "Identity"]
