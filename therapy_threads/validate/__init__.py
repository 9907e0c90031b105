"""Validation: row isolation before writing (``rows``) and build validation with Great
Expectations after it (``validate_build``).

The package is imported by the pipeline for ``rows.isolate_bad_rows`` on every source, so the
heavy parts (Great Expectations, pandas) load only when a build is validated.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .build import validate_build
    from .summary import BuildValidationError, Finding, ValidationSummary, format_summary, summary_markdown

__all__ = ["validate_build", "ValidationSummary", "Finding", "BuildValidationError", "format_summary", "summary_markdown",
           "isolate_bad_rows"]


def __getattr__(name: str) -> Any:
    if name == "validate_build":
        from .build import validate_build

        return validate_build
    if name in ("ValidationSummary", "Finding", "BuildValidationError", "format_summary", "summary_markdown"):
        from . import summary

        return getattr(summary, name)
    if name == "isolate_bad_rows":
        from .rows import isolate_bad_rows

        return isolate_bad_rows
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
