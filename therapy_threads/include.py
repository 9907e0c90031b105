"""Include rules: keep the on-topic posts of a whole-blog export, count the rest.

A rule is the ``include`` table of a manifest entry, e.g.::

    [source.include]
    categories = ["Therapy relationship", "transference"]   # category names or slugs
    tags = ["attachment"]
    keywords = ["transference", "therap*"]                  # words/phrases in title or body
    languages = ["en", "de"]

Topic criteria (``categories``, ``tags``, ``keywords``) are alternatives: a post is on topic
when it matches any of them. ``languages`` is an extra condition on top. All matching is
case-insensitive; categories and tags also match by slug ("therapy-relationship"); a keyword
ending in ``*`` matches as a word prefix, and the words of a phrase may be joined by spaces or
hyphens ("Creative Commons" matches "Creative-Commons-Lizenz"). Removed posts take their comments and quarantine rows
with them, counted as ``excluded_post`` and ``excluded_comment`` in ``result.skipped``.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from .records import Post, ReadResult

KEYS = ("categories", "tags", "keywords", "languages")


def _slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode() or s
    return re.sub(r"[^a-z0-9]+", "-", s.casefold()).strip("-")


def _as_list(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"include.{key} must be a string or a list of strings, not {value!r}")


def _keyword_pattern(words: list[str]) -> re.Pattern[str] | None:
    parts = []
    for w in words:
        w = w.strip()
        if not w:
            continue
        prefix = w.endswith("*")
        body = r"[\s\-]+".join(re.escape(x) for x in w.rstrip("*").split())
        parts.append(rf"\b{body}" + (r"\w*" if prefix else r"\b"))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _terms_match(wanted: list[str], have: list[str]) -> bool:
    if not wanted or not have:
        return False
    want = {w.casefold() for w in wanted} | {_slug(w) for w in wanted}
    return any(h.casefold() in want or _slug(h) in want for h in have)


def apply_include(result: ReadResult, rule: dict | None) -> None:
    """Remove posts outside ``rule`` (with their comments), counting what was removed."""
    if not rule:
        return
    unknown = sorted(set(rule) - set(KEYS))
    if unknown:
        result.warn("include_unknown_keys", f"include rule keys {unknown} are not known and were "
                    f"ignored; known keys: {', '.join(KEYS)}")
    try:
        cats = _as_list(rule.get("categories"), "categories")
        tags = _as_list(rule.get("tags"), "tags")
        keywords = _as_list(rule.get("keywords"), "keywords")
        langs = {x.lower() for x in _as_list(rule.get("languages"), "languages")}
    except ValueError as e:
        result.error("include_rule_invalid", f"{e}; fix the source's include table in the manifest")
        return
    kw = _keyword_pattern(keywords)
    topical = bool(cats or tags or kw)

    def in_scope(p: Post) -> bool:
        if topical and not (_terms_match(cats, p.categories) or _terms_match(tags, p.tags)
                            or (kw is not None and (kw.search(p.title) or kw.search(p.body)))):
            return False
        if langs:
            if p.language is None:
                from .language import detect
                p.language = detect(f"{p.title}\n\n{p.body}")
            if p.language not in langs:
                return False
        return True

    keep = [p for p in result.posts if in_scope(p)]
    if len(keep) == len(result.posts):
        return
    gone = {p.post_id for p in result.posts} - {p.post_id for p in keep}
    comments = [c for c in result.comments if c.post_id not in gone]
    quarantine = [q for q in result.quarantine if q.post_id not in gone]
    n_comments = (len(result.comments) - len(comments)) + (len(result.quarantine) - len(quarantine))
    result.skip_post("excluded_post", len(gone))
    if n_comments:
        result.skip("excluded_comment", n_comments)
    result.posts = keep
    result.comments = comments
    result.quarantine = quarantine
    result.furniture = [f for f in result.furniture if f.post_id not in gone]
