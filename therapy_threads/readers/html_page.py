"""Web pages (saved or fetched): the post through trafilatura, the comment thread through
the comment-system recognisers in ``comments/``.

A source is one page, or a bundle of the pages of one thread (the fetcher follows "Older
comments" and ``cpage`` links and hands them over together, see ``fetch/pagination.py``). The
first page gives the post; every page gives comments, merged by key. What the page says about
itself is checked against what was read, so a thread is never lost in silence: a stated count
("54 Kommentare") with fewer comments read, comment pages missing from an offline capture, a
comment system that loads in the browser, or comment-like markup no recogniser understood each
give a warning naming the system and the numbers. Commenter names and URLs go to
``Comment.identity`` only; avatars (Gravatar URLs hash the e-mail) are never read.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .. import ids
from ..records import Comment, Furniture, ReadResult
from . import register
from ._dates import When, place_year
from ._common import add_post, clean_identity, guarded, make_post, new_comment
from .base import Reader, SourceRef
from .comments.declared import (COUNTED_WHEN_NONE_READ, TOPIC_COUNTED, FORUM_TOPIC_COUNT, declared_count, shell_system,
                                loaded_by_script, raw_comment_ids, unit_ids)
from .comments.dom import Attrs
from .comments.engine import FALLBACKS, Thread, extract_thread
from .comments.systems.profile_blocks import unread_dated_blocks, unread_profile_blocks
from .comments.systems.dated_blocks import unread_of_kind
from .comments.base import Page
from .comments.markup_guess import ONCE_PER_POST, guess_systems, marked_units
from .comments.talk_page import extract_talk_thread, looks_like_talk_page, remove_talk_thread
from .comments.pagination import comment_page_links, stated_topic_pages, unloaded_comments
from .html_post import extract_post
from ..normalise import clean_text
from .html_text import MAX_ELEMENT_DEPTH, bound_depth, decode_html, parse_html, unwrap_wayback

BUNDLE_FORMAT = "therapy-threads/html-pages"
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2})\b|[-_]|$)", re.I)
# English outside the US writes numeric dates day first ("02/10/2020" is 2 October on an en-GB
# page): the region is kept for English, where it decides the date order.
_DAY_FIRST_ENGLISH = frozenset({"gb", "uk", "ie", "au", "nz", "in", "za", "sg", "hk", "my", "ng",
                                "ke", "pk", "mt", "jm"})


def _language(m: re.Match[str]) -> str:
    lang, region = m.group(1).lower(), (m.group(2) or "").lower()
    return f"en-{region}" if lang == "en" and region in _DAY_FIRST_ENGLISH else lang


@dataclass(slots=True)
class _Page:
    url: str | None
    text: str


def make_bundle(pages: list[tuple[str, bytes]]) -> bytes:
    """The bytes of a multi-page source: [(url, page bytes)], the post's page first."""
    out = []
    for url, data in pages:
        text, _ = decode_html(data)
        out.append({"url": url, "html": text})
    return json.dumps({"format": BUNDLE_FORMAT, "version": 1, "pages": out},
                      ensure_ascii=False).encode("utf-8")


def _is_bundle(head: bytes) -> bool:
    return head.lstrip()[:1] == b"{" and BUNDLE_FORMAT.encode() in head[:200]


@register
class HtmlPageReader(Reader):
    format = "html"

    @classmethod
    def sniff(cls, head: bytes, name: str = "") -> float:
        if _is_bundle(head):
            return 0.95
        h = head.lower()
        if not (b"<html" in h or b"<!doctype html" in h or b"<body" in h):
            return 0.0
        score = 0.5
        for marker in (b"comment", b"wp-content", b"blogger", b"drupal", b"<article"):
            if marker in h:
                score += 0.08
        return min(score, 0.9)

    @guarded
    def read(self, data: bytes, source: SourceRef) -> ReadResult:
        result = ReadResult(source.source_id, self.format)
        pages = self._pages(data, source, result)
        if pages is None:
            return result
        _read_pages(result, pages, source, ids.sha256_bytes(data))
        return result

    @staticmethod
    def _pages(data: bytes, source: SourceRef, result: ReadResult) -> list[_Page] | None:
        if _is_bundle(data[:256]):
            try:
                doc = json.loads(data)
                pages = [_Page(p.get("url"), p["html"]) for p in doc["pages"]
                         if isinstance(p, dict) and isinstance(p.get("html"), str)]
            except (ValueError, KeyError, TypeError) as e:
                result.error("bad_bundle", f"the page bundle is not valid ({e}); fetch the source "
                             "again")
                return None
            if not pages:
                result.error("bad_bundle", "the page bundle holds no pages; fetch the source again")
                return None
            if source.url:
                pages[0].url = source.url
            return pages
        text, warning = decode_html(data)
        if warning:
            result.warn("encoding", warning)
        if "<" not in text:
            result.error("not_html", "the source has no HTML tags: it is not a web page; check "
                         "--format or the file")
            return None
        return [_Page(source.url, text)]


def _languages(root, attrs: Attrs) -> tuple[str, ...]:
    html = root.css_first("html")
    for v in ((attrs.get(html, "lang") if html is not None else ""),
              (attrs.get(html, "xml:lang") if html is not None else "")):
        m = _LANG.match(v or "")
        if m:
            return (_language(m),)
    for sel in ("meta[property='og:locale']", "meta[http-equiv='content-language' i]",
                "meta[name='language' i]", "meta[name='dc.language' i]"):
        loc = root.css_first(sel)
        m = _LANG.match(attrs.get(loc, "content") if loc is not None else "")
        if m:
            return (_language(m),)
    return ()


def _read_pages(result: ReadResult, pages: list[_Page], source: SourceRef, sha: str) -> None:
    first_tree = None
    first_attrs = Attrs()
    languages: tuple[str, ...] = ()
    merged: list = []
    seen_keys: set[str] = set()
    thread_all = Thread()
    raw_ids: set[str] = set()
    units: dict[str, set[str]] = {}
    linked: set[str] = set()
    fetched = {p.url for p in pages if p.url}
    script_systems: list[str] = []
    declared, declared_where = None, ""
    profile_blocks = dated_blocks = None
    too_deep = 0
    talk_page = False
    unloaded_links = unloaded_stated = 0
    topic_pages = None
    for i, page in enumerate(pages):
        text, cut = bound_depth(page.text)
        if cut:
            # Comments nested past the bound are counted by their ids, never silently lost.
            n = len(raw_comment_ids("".join(cut)))
            too_deep += n
            result.warn("nested_too_deep",
                        f"parts of the page are nested more than {MAX_ELEMENT_DEPTH} elements "
                        f"deep (broken or hostile markup); {n} comment(s) inside them were not "
                        "read and are counted as skipped")
        tree = parse_html(text)
        del text
        if tree.body is None:
            if i == 0:
                result.error("not_html", "the page has no <body>; it may be truncated or not HTML")
                return
            result.warn("bad_comment_page", f"comment page {page.url} has no <body>; skipped")
            continue
        attrs = first_attrs if i == 0 else Attrs()
        if i == 0:
            languages = _languages(tree.root, attrs)
            declared, declared_where = declared_count(tree.root, attrs)
            script_systems = loaded_by_script(page.text)
            topic_pages = stated_topic_pages(tree.root, attrs)
        page_ids = raw_comment_ids(page.text)
        raw_ids |= page_ids
        for system, ids in unit_ids(page.text, page_ids).items():
            units.setdefault(system, set()).update(ids)
        canonical = tree.css_first("link[rel='canonical']")
        canonical_url = attrs.get(canonical, "href") if canonical is not None else ""
        # The page's own address decides which permalinks are "this post": the canonical one,
        # since a page may be fetched from a mirror, an archive or a test server.
        page_url = canonical_url if canonical_url.startswith("http") else page.url
        linked |= set(comment_page_links(tree.root, attrs, page_url))
        more_links, more_stated = unloaded_comments(tree.root)
        unloaded_links += more_links
        unloaded_stated += more_stated
        thread = extract_thread(tree.root, attrs, url=page_url, languages=languages,
                                raw_ids=page_ids)
        if i == 0 and not set(thread.systems) - FALLBACKS:
            # Read by no named system (nothing read, or a fallback's reading): the shape of
            # comments (repeated blocks with a poster's profile link, a date and words) is counted,
            # so that fewer read is said (a named system's reader knows its own markup).
            profile_blocks = unread_profile_blocks(tree.root, attrs, languages)
        if i == 0 and "profile-blocks" in thread.systems:
            # Read by the last fallback: the same blocks without a date beside the name count too
            # (a post whose header the fallback could not date is not read, and must be said).
            undated = unread_profile_blocks(tree.root, attrs, languages, dated=False)
            if undated and (profile_blocks is None or undated[1] > profile_blocks[1]):
                profile_blocks = undated
        unread_blocks = None
        if i == 0 and "dated-blocks" in thread.systems:
            # Read by the guess of last resort: posts of the same kind beside the ones read, whose
            # date or poster it could not tell (a guest's plain name), were not read: said (below,
            # unless a talk page's reading takes the place of this one).
            unread_blocks = unread_of_kind(Page(root=tree.root, attrs=attrs, url=page_url, languages=languages))
        if i == 0 and not thread.comments and not thread.skipped:
            # Nothing read: the shape of posts (repeated blocks with a date and words) is looked
            # for, so that an engine no reader knows is said, not silently empty.
            dated_blocks = unread_dated_blocks(tree.root, attrs, languages)
        if looks_like_talk_page(page.text) and (not thread.comments
                                                or "data-mw-comment-start" in page.text):
            # A talk page's comments are runs of text ending in a signature, not elements;
            # DiscussionTools' own markers say so outright, whatever else looks like a comment.
            talk = extract_talk_thread(tree.root, languages)
            if talk.comments:
                thread = talk
                unread_blocks = None
                if i == 0:
                    talk_page = True
        if unread_blocks is not None:
            shape, n = unread_blocks
            result.warn("comment_markup_unread",
                        f"guessed system unknown ({shape}, {n} repeated block(s) of one kind with "
                        f"words): {len(thread.comments)} read as dated-blocks; the others show no "
                        "date or poster that could be told and were not read; please report the page")
        thread_all.systems.update(thread.systems)
        thread_all.skipped.update(thread.skipped)
        thread_all.depth_from_classes += thread.depth_from_classes
        thread_all.parents_elsewhere += thread.parents_elsewhere
        for rc in thread.comments:
            if rc.key.startswith("pos-") and i:
                rc.key = f"p{i + 1}-{rc.key}"
                if rc.parent_key and rc.parent_key.startswith("pos-"):
                    rc.parent_key = f"p{i + 1}-{rc.parent_key}"
            if rc.key in seen_keys:
                thread_all.skipped["repeated_on_comment_pages"] += 1
                continue
            seen_keys.add(rc.key)
            merged.append(rc)
        if i == 0:
            first_tree = tree
            _remove_thread(tree, attrs)
            if talk_page:
                remove_talk_thread(tree.root)
        else:
            del tree
    assert first_tree is not None
    html_without_comments = first_tree.html or ""
    post_f = extract_post(html_without_comments, first_tree.root, first_attrs, url=pages[0].url,
                          site_hint=source.site, languages=languages)
    del html_without_comments
    for code, message in post_f.warnings:
        result.warn(code, message)

    if too_deep:
        thread_all.skipped["nested_too_deep"] += too_deep
    for reason, n in sorted(thread_all.skipped.items()):
        result.skip(reason, n)
    if thread_all.parents_elsewhere:
        result.warn("comment_parents_elsewhere", f"{thread_all.parents_elsewhere} comment(s) answer "
                    "a post that is not on this page (an earlier page of the topic); they are at "
                    "the top level here")
    if thread_all.depth_from_classes:
        result.warn("html_depth_from_classes", f"{thread_all.depth_from_classes} comment(s) are "
                    "not nested in the markup; their parents were inferred from the depth the "
                    "theme states (depth-N or replyN classes, or the blocks' indentation)")

    post = make_post(source, "html", "page", title=post_f.title, body=post_f.body, sha=sha,
                     location="page", site=post_f.site, url=post_f.url or None,
                     author=post_f.author or None,
                     published_at=post_f.when.utc if post_f.when else None,
                     published_local=post_f.when.local if post_f.when else None,
                     declared_comment_count=declared,
                     comment_system=thread_all.system,
                     author_identity=clean_identity(post_f.author,
                                                    url=unwrap_wayback(post_f.author_url)))
    post.categories = post_f.categories
    post.tags = post_f.tags
    for kind, text in post_f.furniture:
        result.furniture.append(Furniture(source.source_id, post.post_id, kind, text, "body"))

    comments: list[Comment] = []
    post_day = (post_f.when.local or post_f.when.utc or "")[:10] if post_f.when else ""
    for rc in merged:
        if rc.when is None and rc.yearless is not None:
            # A date shown without its year: the year from the post's own date where only one
            # fits, else the date as shown (never a guessed year).
            local = place_year(rc.yearless, post_day, _day_of(source.retrieved))
            if local:
                rc.when = When(None, local)
            else:
                rc.age = rc.age or rc.yearless_text
        comments.append(new_comment(
            rc.key, rc.parent_key, rc.text, location=rc.location,
            published_at=rc.when.utc if rc.when else None,
            published_local=rc.when.local if rc.when else None, published_age=rc.age,
            like_count=rc.like_count, is_post_author=rc.is_post_author, removed=rc.removed,
            identity=clean_identity(rc.author, url=unwrap_wayback(rc.author_url))))
    missing_pages = sorted(linked - fetched)
    result.comment_pages = missing_pages
    result.raw_comment_count = len(raw_ids)
    result.raw_count_method = "distinct comment element ids in the page text (regex; a lower bound)"
    result.raw_count_exact = False
    # Comments found but without readable text are quarantined by add_post (empty_text); for
    # the "declared vs read" check they were not read.
    empty = [c for c in comments if not c.removed and not clean_text(c.text)]
    textless = len(empty)
    # Of those, the ones with a post's header (a poster and a time): posts whose words were not
    # found, as against empty shells a recogniser took for comments (no name, no date).
    headed = sum(1 for c in empty if c.identity is not None and c.identity.name
                 and (c.published_at or c.published_local or c.published_age))
    _say_what_is_missing(result, thread_all, len(comments) - textless, declared, declared_where,
                         missing_pages, script_systems, len(raw_ids), textless, pages[0].text,
                         headed, units, profile_blocks)
    if topic_pages is not None and not missing_pages \
            and (comments or thread_all.skipped.get("thread_starter")):
        _say_topic_pages_missing(result, topic_pages, len(pages), len(comments) - textless,
                                 thread_all.system)
    if unloaded_links:
        stated = (f" (stating {unloaded_stated} more comment(s), a lower bound)"
                  if unloaded_stated else "")
        result.warn("comments_not_loaded",
                    f"the thread has {unloaded_links} 'load more' link(s){stated}: their comments "
                    f"are loaded on a click and are not in this source; read {len(comments)}. "
                    "Use the site's export or API for the whole thread")
    add_post(result, post, comments)
    if not post.extracted_comment_count:
        _say_unread_markup(result, pages[0].text, sum(thread_all.skipped.values()), declared,
                           dated_blocks)


def _say_topic_pages_missing(result: ReadResult, stated: tuple[int, int, int | None], held: int,
                             read: int, system: str | None) -> None:
    """A forum topic whose pager states more pages than the source holds (an offline copy of
    one page): the pages and, where the pager states the topic's posts, the comments missing."""
    current, total, posts = stated
    if total <= held:
        return
    missing = total - held
    short = ""
    if posts is not None and posts - 1 > read:
        # the topic's count takes in its opening post, which is the post, not a comment
        short = f"; the topic states {posts} post(s), so {posts - 1 - read} comment(s) are missing"
    named = f" (comment system: {system})" if system else ""
    result.warn("comment_pages_missing",
                f"the topic's pager states page {current} of {total}; this source holds {held} "
                f"page(s), so {missing} page(s) of the topic are missing; read {read}{short}{named}. "
                "Give every page of the topic (or the page's URL) as the source")


def _day_of(value) -> str | None:
    """The day of a capture date given as "2024-05-01" (or a date), else None."""
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", str(value)) if value else None
    return m.group(1) if m else None


def _say_unread_markup(result: ReadResult, html: str, skipped: int = 0,
                       declared: int | None = None,
                       dated_blocks: tuple[str, int] | None = None) -> None:
    """Nothing was read (or only comments without text, or replies without their parents): if
    the markup looks like a known comment or forum system, say which and how many, unless a
    warning already said the comments are missing. An unknown engine's repeated ids that a
    reader already accounted for (pingbacks and trackbacks it skipped) are not unread markup."""
    said = {"comments_not_extracted", "comments_out_of_scope", "comments_elsewhere",
            "comment_markup_unread", "comments_not_loaded"}
    if any(i.code in said for i in result.issues):
        return
    guessed = [(g, n) for g, n in guess_systems(html)
               if not (g.startswith("unknown (") and n <= skipped)]
    if not guessed and dated_blocks and dated_blocks[1] > skipped:
        # No system's marker: the posts' shape (repeated blocks, each a date and words after it).
        guessed = [(f"unknown ({dated_blocks[0]}, repeated blocks with a date and words)",
                    dated_blocks[1])]
    if guessed:
        seen_as = ", ".join(f"{g} ({n})" for g, n in guessed[:3])
        stated = f"the page states {declared}" if declared is not None else "none stated"
        # The site's or engine's own name, as the page states it (og:site_name, generator), for
        # whoever reads the report: an unknown engine is often a site's own.
        m = _SITE_NAME.search(html)
        site = f" on {m.group(1).strip()[:60]}" if m and m.group(1).strip() else ""
        result.warn("comment_markup_unread",
                    f"the page holds comment or forum markup (guessed system, comment-like "
                    f"elements: {seen_as}{site}; declared count: {stated}; extracted: 0) and no "
                    "comment was read; please report the page")


_SITE_NAME = re.compile(r"""<meta\s+(?:property|name)=["'](?:og:site_name|generator|application-name)["']"""
                        r"""\s+content=["']([^"'<>]{1,80})["']""", re.I)


def _remove_thread(tree, attrs: Attrs) -> None:
    """Take the comment thread out of the page so the post body cannot contain it."""
    for sel in ("#comments", ".comments-area", "#disqus_thread", "#wpdcom", ".wpdiscuz_top_clearing",
                "#epoch-comments", ".epoch-wrapper", ".comment-list", ".commentlist",
                "#comments-block", ".comment-thread", ".comments", ".comment-wrapper",
                "section.comments", ".divforum", ".forum", "#dsq-content", "#post-list",
                ".discourse", "#respond", ".comment-respond", "ol.comment-list",
                "[data-drupal-selector='comments']"):
        for n in tree.root.css(sel):
            if n.tag in ("html", "body", "main"):
                continue
            n.decompose()
    for n in tree.root.css("li.comment, article.comment, div.comment[id^='comment-'], "
                           "div[id^='wpd-comm-'], div[id^='wc-comm-'], article.message--post"):
        n.decompose()


def _say_what_is_missing(result: ReadResult, thread: Thread, extracted: int, declared: int | None,
                         declared_where: str, missing_pages: list[str],
                         script_systems: list[str], raw_ids: int, textless: int = 0,
                         html: str = "", headed: int = 0,
                         units: dict[str, set[str]] | None = None,
                         profile_blocks: tuple[str, int] | None = None) -> None:
    system = thread.system
    skipped_here = sum(thread.skipped.get(k, 0) for k in ("pingback", "trackback"))
    seen = extracted + skipped_here
    guess = system or (script_systems[0] if script_systems else None) or shell_system(declared_where)
    named = f" (comment system: {guess})" if guess else ""
    if missing_pages:
        short = f"; the page states {declared}" if declared is not None else ""
        if declared is not None and declared > seen:
            short += f" ({declared - seen} missing)"
        result.warn("comment_pages_missing",
                    f"the thread continues on {len(missing_pages)} other comment page(s) not in this "
                    f"source (e.g. {missing_pages[0]}); read {extracted}{short}{named}. Give the "
                    "page's URL as the source (the fetcher follows comment pages) or use the "
                    "site's export")
    if declared is not None and declared == seen + 1 and declared_where == FORUM_TOPIC_COUNT:
        pass  # the topic's count with its opening post, which is the post, not a comment
    elif declared is not None and declared > seen:
        if extracted == 0:
            where = ""
            loaders = [s for s in script_systems if s not in ("blogger",)]
            if loaders:
                where = (f"; the page loads {', '.join(loaders)} in the browser, so a saved page "
                         f"does not contain the comments: use {loaders[0]}'s export")
            elif textless:
                where = (f"; {textless} comment(s) were found but no text could be read from "
                         "them (quarantined as empty_text): please report the page")
            elif raw_ids:
                where = (f"; {raw_ids} comment-like element(s) are in the markup but no reader "
                         "understood them")
            elif shell_system(declared_where):
                where = ("; the count stands in a web component the browser fills by script, so "
                         "a saved page does not contain the comments")
            result.warn("comments_not_extracted",
                        f"the page states {declared} comment(s) ({declared_where}) and none could "
                        f"be read{named}{where}")
        elif not missing_pages:
            result.warn("fewer_comments_than_declared",
                        f"the page states {declared} comment(s) ({declared_where}) and {seen} were "
                        f"read{named}; others may be unapproved, deleted or loaded separately")
    elif textless and extracted == 0:
        result.warn("comments_not_extracted",
                    f"{textless} comment(s) were found{named} but no text could be read from "
                    "them (quarantined as empty_text): please report the page")
    elif declared is None and extracted == 0:
        loaders = [s for s in script_systems if s not in ("blogger",)]
        if loaders:
            # Said in full: the system guessed from the page's loader, the counts (the page
            # states none; none read), and any comment-like markup left unread beside the loader
            # (a site's own preview of the thread) so that the page is not taken for empty.
            unread = [f"{g} ({n})" for g, n in guess_systems(html)[:3]] if html else []
            beside = (f"; the page also holds comment-like markup that no reader understood "
                      f"({', '.join(unread)}): please report the page") if unread else ""
            result.warn("comments_elsewhere",
                        f"no comments in the page (guessed comment system: {loaders[0]}, loaded by "
                        f"script; declared count: none stated; extracted: 0); it loads "
                        f"{', '.join(loaders)} in the browser, whose comments a saved page does not "
                        f"contain: use {loaders[0]}'s export{beside}")
    if headed and extracted:
        # Posts the reader recognised, with a poster and a time, but could not read words from:
        # said, not only counted in the quarantine (a template that splits a post's words over
        # several elements looks like this when only the first, empty one is read).
        result.warn("comments_without_text",
                    f"{extracted + textless} comment(s) were found{named}; {headed} of them show a "
                    "poster and a date but no text that could be read (quarantined as "
                    "empty_text): their words may be lost; please report the page")
    elif textless >= 2 and extracted:
        # Several found without words and without a poster and a time either: a recogniser's
        # empty shells, or comments of a system no reader knows whose words sit where a fallback
        # did not look. Said with the counts: they are quarantined with the replies under them.
        result.warn("comments_without_text",
                    f"{extracted + textless} comment(s) were found{named}; {textless} of them have "
                    "no text that could be read (quarantined as empty_text, with any replies "
                    "under them): their words may be lost; please report the page")
    left_out = thread.skipped.get("out_of_scope", 0) + thread.skipped.get("other_post", 0)
    if left_out and extracted == 0:
        result.warn("comments_out_of_scope",
                    f"{left_out} comment(s) were found only in a widget or under another post's "
                    f"article and were left out{named}; this page's own thread was not found")
    accounted = extracted + textless + sum(thread.skipped.values())
    # The independent count: per system, the one marker its template prints once per post or
    # comment (declared.unit_ids); the system marking the most is the guess.
    # Nothing read or skipped at all: _say_unread_markup names the engine from its markup (with
    # the site and the stated count); only the comment ids are counted here, as they always were.
    marked, marker = max(((len(v), k) for k, v in (units or {}).items()
                          if accounted or k in COUNTED_WHEN_NONE_READ), default=(0, ""))
    topic = ""
    if marker in TOPIC_COUNTED and not thread.skipped.get("thread_starter"):
        marked -= 1  # the topic's opening post, read as the post (a later page: one unflagged)
        topic = " besides the opening post"
    if marked > accounted:
        result.warn("comment_markup_unread",
                    f"guessed system {marker}: {marked} post(s)/comment(s) are marked in the "
                    f"page{topic} and {accounted} were read or skipped ({extracted} extracted"
                    f"{f', read as {guess}' if guess else ''}): {marked - accounted} may be lost; "
                    "please report the page")
    elif profile_blocks and profile_blocks[1] > accounted + (1 if marker in TOPIC_COUNTED or
                                                             thread.skipped.get("thread_starter") else 0):
        # No system's marker, but the page repeats a comment's shape (a poster's profile link
        # and words after it) more often than comments were read: an engine no reader knows.
        shape, n = profile_blocks
        result.warn("comment_markup_unread",
                    f"guessed system unknown ({shape}, {n} repeated block(s) with a poster's "
                    f"profile link and words): {accounted} were read or skipped ({extracted} "
                    f"extracted{f', read as {guess}' if guess else ''}): up to {n - accounted} "
                    "may be lost; please report the page")
    elif html and extracted and not any(i.code in _LOSS_SAID for i in result.issues):
        # Comments were read, but the page marks more posts than were read or skipped: a known
        # engine's own markers (markup_guess; they count a topic's opening post too, read as the
        # post), else an unknown engine's repeated comment-like ids or classes plus the posts of
        # other kinds beside them (a Q&A page's answers, a widget's reviews and questions) that
        # a reader of the comments alone does not read. Fewer read is said, not silently kept.
        # Known markers count tags (a post may print two) and were checked by number above
        # (``units``), and a named system knows its own comments: where one read the page, only
        # posts of another kind (answers, questions, reviews) beside its comments speak here.
        # An unknown engine's group may hold a hidden reply template or a preview besides: a
        # margin of one, or one in ten.
        units_marked = marked_units(html)
        fallback_only = not set(thread.systems) - FALLBACKS
        if units_marked and units_marked[2] and units_marked[0] not in ONCE_PER_POST \
                and "profile-blocks" not in thread.systems:
            units_marked = None  # a known system's tags, possibly two a post
        if units_marked and (fallback_only or units_marked[3]) and units_marked[1] > accounted + (
                1 if units_marked[2] else max(1, accounted // 10)):
            g, k, known, _ = units_marked
            system = g if known else f"unknown ({g})"
            result.warn("comment_markup_unread",
                        f"guessed system {system}: {k} post(s)/comment(s) are marked in the page "
                        f"and {accounted} were read or skipped ({extracted} extracted"
                        f"{f', read as {guess}' if guess else ''}): up to {k - accounted} may be "
                        "lost; please report the page")


# Warnings that already say the page's comments are not all read.
_LOSS_SAID = frozenset({"comments_not_extracted", "fewer_comments_than_declared",
                        "comment_markup_unread", "comments_without_text", "comments_out_of_scope",
                        "comment_pages_missing", "comments_not_loaded", "comments_elsewhere",
                        "nested_too_deep", "bad_comment_page"})
