"""Source readers, one module per format, chosen by content sniffing.

This module is the one home of the list of source formats. ``FORMATS`` declares each format
(its name, the module that reads it, whether its replies are threaded, old names it still
accepts); the CLI's ``--format`` help, the manifest check, the validation of ``source_format``
and the enum in ``schemas/posts.schema.json`` are derived from it (``tests/test_readers_registry.py``
ties the schema to this list).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from .base import Reader, SourceRef


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
               "Drupal, Discourse, XenForo, SPIP, repeated comment blocks)", True,
               aliases=("wordpress_html",)),
    FormatInfo("wxr", "wxr", "WordPress export (WXR 1.0-1.2)", True),
    FormatInfo("disqus", "disqus", "Disqus export (XML)", True),
    FormatInfo("wp_rest", "wp_rest", "WordPress REST API (a site root or a fetched bundle)", True),
)
_BY_NAME = {f.name: f for f in FORMATS}
_ALIASES = {a: f.name for f in FORMATS for a in f.aliases}
_READERS: dict[str, type[Reader]] = {}


def register(cls: type[Reader]) -> type[Reader]:
    if cls.format not in _BY_NAME:
        raise ValueError(f"reader {cls.__name__} declares format {cls.format!r}, which is not in "
                         "readers.FORMATS; declare it there first")
    _READERS[cls.format] = cls
    return cls


def formats() -> list[str]:
    """Every format name, in declaration order (the schema enum lists the same)."""
    return [f.name for f in FORMATS]


def threaded_formats() -> frozenset[str]:
    return frozenset(f.name for f in FORMATS if f.threaded)


def format_help() -> str:
    return ", ".join(formats())


def canonical_format(name: str | None) -> str | None:
    """The declared name for ``name`` (an old alias maps to its new name); None stays None."""
    if name is None:
        return None
    name = name.strip()
    if name in _BY_NAME:
        return name
    if name in _ALIASES:
        return _ALIASES[name]
    raise ValueError(f"unknown source format {name!r}; known: {format_help()}")


def get_reader(fmt: str) -> Reader:
    name = canonical_format(fmt)
    assert name is not None
    _load(name)
    try:
        return _READERS[name]()
    except KeyError:
        raise ValueError(f"the reader for {name!r} is not available") from None


def detect_format(data: bytes, name: str = "") -> str | None:
    """The format whose reader is most confident about the first 64 KB, or None."""
    _load_all()
    head = data[:65536]
    best, best_score = None, 0.0
    for fmt in formats():
        cls = _READERS.get(fmt)
        if cls is None:
            continue
        score = cls.sniff(head, name)
        if score > best_score:
            best, best_score = fmt, score
    return best if best_score >= 0.3 else None


def _load(name: str) -> None:
    if name in _READERS:
        return
    mod = f"{__name__}.{_BY_NAME[name].module}"
    try:
        importlib.import_module(mod)
    except ModuleNotFoundError as e:
        if e.name != mod:
            raise


def _load_all() -> None:
    # Each import is separate: a reader that fails to import must not take the others down.
    for f in FORMATS:
        _load(f.name)


__all__ = ["Reader", "SourceRef", "FormatInfo", "FORMATS", "register", "get_reader",
           "detect_format", "formats", "threaded_formats", "canonical_format", "format_help"]
