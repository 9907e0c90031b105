"""The source formats the readers know: declared here once, read by everything else.

Data only, no imports, so that the command line of the light install can list the formats
without importing a reader. ``therapy_threads.readers`` registers one reader per entry and
refuses a reader whose format is not declared here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    module: str  # therapy_threads.readers.<module> defines the reader
    summary: str  # one line for --help and error messages
    threaded: bool  # the format records who replied to whom
    aliases: tuple[str, ...] = ()  # older names still accepted in manifests and on the CLI


FORMATS: tuple[FormatInfo, ...] = (
    FormatInfo("text_capture", "text_capture",
               "plain-text capture of a blog page (copied from a browser or lynx)", False),
    FormatInfo("html", "html_page",
               "a saved or fetched web page: the post through trafilatura, the comment thread of "
               "any common comment system (WordPress, Jetpack, wpDiscuz, Epoch, Disqus, Blogger, "
               "Drupal, Discourse, XenForo, SPIP, TYPO3 pw_comments, repeated comment blocks)", True,
               aliases=("wordpress_html",)),
    FormatInfo("wxr", "wxr", "WordPress export (WXR 1.0-1.2)", True),
    FormatInfo("disqus", "disqus", "Disqus export (XML)", True),
    FormatInfo("wp_rest", "wp_rest", "WordPress REST API (a site root or a fetched bundle)", True),
)


def formats() -> list[str]:
    """Every format name, in declaration order (the schema enum lists the same)."""
    return [f.name for f in FORMATS]


def format_help() -> str:
    return ", ".join(formats())


def threaded_formats() -> frozenset[str]:
    return frozenset(f.name for f in FORMATS if f.threaded)


def current_name(name: str) -> str:
    """``name`` with an old alias replaced by its declared name; anything else unchanged (an
    unknown name is left for validation to report)."""
    for f in FORMATS:
        if name in f.aliases:
            return f.name
    return name


def canonical_format(name: str | None) -> str | None:
    """The declared name for ``name`` (an old alias maps to its new name); None stays None."""
    if name is None:
        return None
    name = name.strip()
    by_name = {f.name for f in FORMATS}
    if name in by_name:
        return name
    for f in FORMATS:
        if name in f.aliases:
            return f.name
    raise ValueError(f"unknown source format {name!r}; known: {format_help()}")
