"""Names in post URLs: a slug is the title in other clothes, so it loses what the title lost.

WordPress and most blog engines make a post's address from its title: a post titled "Saying
goodbye to Dr. Alder" lives at ``…/saying-goodbye-to-dr-alder/``. When the anonymiser replaces
"Alder" in the title, the same word must leave the URL, or the published ``posts.url`` undoes
the replacement. Two rules, used by the anonymiser (to rewrite) and the privacy audit (to check):

- :func:`scrub_url` replaces every slug word that belongs to a name removed anywhere in the
  post's thread with ``person``;
- :func:`slug_leftovers` lists the words of the slug of a post whose title lost a name that do
  not occur in the published title: a name that came into the URL in another form (a slug made
  from an older title, a nickname). The anonymiser then publishes only the site's address, and
  the audit fails a URL that still has such words.
"""
from __future__ import annotations

import re
from typing import Iterable

# Placeholders that stand for a private person: [PERSON_3], [u_3fa9c0d1e2b4a7c8] (a commenter).
# The post author's placeholder is not among them: the byline is public.
NAME_PLACEHOLDER = re.compile(r"\[(?:PERSON_\d+|u_[0-9a-f]{4,64})\]")
_WORD = re.compile(r"[^\W_]+")
REPLACEMENT = "person"


def _slug_span(url: str) -> tuple[int, int]:
    """Start and end of the last non-empty path segment (the slug), or (0, 0) without one."""
    m = re.match(r"^[a-z][a-z0-9+.-]*://[^/?#]*", url, re.I)
    start = m.end() if m else 0
    end = len(url)
    for sep in ("#", "?"):
        i = url.find(sep, start)
        if i != -1:
            end = min(end, i)
    path = url[start:end].rstrip("/")
    if not path:
        return 0, 0
    cut = path.rfind("/")
    return start + cut + 1, start + len(path)


def slug_words(url: str) -> list[str]:
    s, e = _slug_span(url)
    return [w.casefold() for w in _WORD.findall(url[s:e])]


def scrub_url(url: str | None, removed: Iterable[str]) -> str | None:
    """``url`` with every slug word that is a word of a removed name replaced by ``person``.

    ``removed`` are the surfaces the anonymiser replaced in the post's texts ("Dr. Alder",
    "Kit"); words of one letter and the titles before names are not names on their own.
    """
    if not url:
        return url
    names = {w.casefold() for r in removed for w in _WORD.findall(r) if len(w) > 1}
    names -= {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sr", "fr", "rev"}
    s, e = _slug_span(url)
    if not names or s == e:
        return url
    slug = _WORD.sub(lambda m: REPLACEMENT if m.group(0).casefold() in names else m.group(0), url[s:e])
    return url[:s] + slug + url[e:]


def slug_leftovers(url: str | None, title: str | None) -> list[str]:
    """Slug words absent from ``title`` when the title lost a private name (else nothing to say).

    Digits and single letters are ignored (dates, ids, a possessive "s" in permalinks);
    ``person`` stands for a placeholder.
    """
    if not url or not title or not NAME_PLACEHOLDER.search(title):
        return []
    have = {w.casefold() for w in _WORD.findall(title)} | {REPLACEMENT}
    return [w for w in slug_words(url) if len(w) > 1 and not w.isdigit() and w not in have]


def publishable_url(url: str | None, title: str | None, removed: Iterable[str]) -> str | None:
    """The URL to publish: its slug scrubbed of removed names; only the site's address
    (``https://host/``) when a name may remain; None if the URL has no site part either."""
    out = scrub_url(url, removed)
    if not slug_leftovers(out, title):
        return out
    m = re.match(r"^[a-z][a-z0-9+.-]*://[^/?#]+", out or "", re.I)
    return m.group(0) + "/" if m else None
