"""Timestamps from sources -> ISO 8601 UTC ("2019-08-03T04:11:57Z"), or None.

A time without a zone cannot be placed in UTC; it is returned as None rather than guessed
(``published_at`` is documented as UTC), and readers count those in a warning.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime


def to_utc_iso(dt: datetime) -> str | None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        return None
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str | None) -> str | None:
    """ISO 8601 with a zone (``2016-06-23T17:21:09+02:00``, ``...Z``) -> UTC; else None."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    if v.endswith(("Z", "z")):
        v = v[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(v)
    except ValueError:
        return None
    return to_utc_iso(dt)


def parse_gmt(value: str | None) -> str | None:
    """``2014-01-14 17:32:12`` known to be UTC (WXR ``*_date_gmt``, REST ``date_gmt``)."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    if not v or v.startswith("0000-00-00"):
        return None
    try:
        dt = datetime.fromisoformat(v.replace(" ", "T"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return to_utc_iso(dt)


def parse_rfc822(value: str | None) -> str | None:
    """RSS ``pubDate`` (``Tue, 14 Jan 2014 17:31:03 +0000``)."""
    if not value or not isinstance(value, str) or not value.strip():
        return None
    try:
        dt = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return to_utc_iso(dt)


def is_zoneless_time(value: str | None) -> bool:
    """True when ``value`` looks like a timestamp that only lacks a zone."""
    if not value:
        return False
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value.strip())) and parse_iso(value) is None
