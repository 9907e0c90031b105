"""Source readers, one module per format, chosen by content sniffing.

The registry: ``FORMATS`` (declared in ``therapy_threads/formats.py``, a data-only module so
the light install's CLI can show it without importing any reader) names each format, the module
that reads it, whether its replies are threaded and the old names it still accepts. Each reader
registers under a declared name; the CLI's ``--format`` help, the manifest check, the validation
of ``source_format`` and the enum in ``schemas/posts.schema.json`` all follow the declaration
(``tests/test_readers_registry.py`` ties the schema to it).
"""
from __future__ import annotations

import importlib

from ..formats import FORMATS, FormatInfo, canonical_format, format_help, formats, threaded_formats
from .base import Reader, SourceRef


_BY_NAME = {f.name: f for f in FORMATS}
_READERS: dict[str, type[Reader]] = {}


def register(cls: type[Reader]) -> type[Reader]:
    if cls.format not in _BY_NAME:
        raise ValueError(f"reader {cls.__name__} declares format {cls.format!r}, which is not in "
                         "readers.FORMATS; declare it there first")
    _READERS[cls.format] = cls
    return cls


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
