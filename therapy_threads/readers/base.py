"""The interface every source-format reader implements."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar

from ..records import ReadResult


@dataclass(slots=True)
class SourceRef:
    """One entry of the source manifest (``seeds/sources.toml``)."""

    source_id: str
    location: str  # file path (relative to the manifest) or URL
    format: str | None = None  # None: detect from content
    site: str | None = None
    url: str | None = None  # original URL of the page, where known
    retrieved: str | None = None
    licence: str | None = None
    include: dict = field(default_factory=dict)  # include rule for whole-blog exports


class Reader(ABC):
    """Reads one source's bytes into records. Pure: no I/O, no globals, no network.

    A reader never raises on bad input: it returns a ReadResult with ``error`` issues (the
    source is unusable) or ``warning`` issues and quarantine rows (parts of it are).
    """

    format: ClassVar[str]

    @classmethod
    @abstractmethod
    def sniff(cls, head: bytes, name: str = "") -> float:
        """Confidence 0..1 that ``head`` (the first few KB) is this reader's format."""

    @abstractmethod
    def read(self, data: bytes, source: SourceRef) -> ReadResult:
        ...
