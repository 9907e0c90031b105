"""Source readers, one module per format, chosen by content sniffing."""
from __future__ import annotations

from .base import Reader, SourceRef

_READERS: dict[str, type[Reader]] = {}


def register(cls: type[Reader]) -> type[Reader]:
    _READERS[cls.format] = cls
    return cls


def formats() -> list[str]:
    _load_all()
    return sorted(_READERS)


def get_reader(fmt: str) -> Reader:
    _load_all()
    try:
        return _READERS[fmt]()
    except KeyError:
        raise ValueError(f"unknown source format {fmt!r}; known: {', '.join(sorted(_READERS))}") from None


def detect_format(data: bytes, name: str = "") -> str | None:
    """The format whose reader is most confident about the first 64 KB, or None."""
    _load_all()
    head = data[:65536]
    best, best_score = None, 0.0
    for fmt, cls in sorted(_READERS.items()):
        score = cls.sniff(head, name)
        if score > best_score:
            best, best_score = fmt, score
    return best if best_score >= 0.3 else None


def _load_all() -> None:
    # Import for the side effect of @register; a reader that fails to import must not take
    # the others down, so each import is separate.
    import importlib

    for mod in ("text_capture", "wordpress_html", "wxr", "disqus", "wp_rest"):
        try:
            importlib.import_module(f"{__name__}.{mod}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{mod}":
                raise


__all__ = ["Reader", "SourceRef", "register", "get_reader", "detect_format", "formats"]
