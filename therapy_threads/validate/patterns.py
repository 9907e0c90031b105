"""Text patterns shared by row isolation (Python ``re``) and build validation (RE2 via pyarrow).

Every pattern here must mean the same in both engines, so they use only the common subset:
no look-around, no back-references, ASCII classes. Matching is case-insensitive in both
(``re.IGNORECASE`` / ``ignore_case=True``); whole-text patterns carry their own ``^...$``.
"""
from __future__ import annotations

import re

# --- privacy: what must never appear in published text -------------------------------------
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
# Scheme or www. links, and bare personal-blog host names, which identify a commenter as well as
# a link does ("see my post at janedoe.wordpress.com").
URL = (
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|[A-Za-z0-9-]+\.(?:wordpress|blogspot|tumblr|substack|wixsite|weebly|livejournal|medium)\.com"
)
EMAIL_OR_URL = f"(?:{EMAIL})|(?:{URL})"

# A cheap superset of EMAIL_OR_URL: every match of it contains '@', 'http:'/'https:', 'www.' or
# '.com'. Validation uses it to pick the rows worth handing to the real regex expectation, so the
# full text column never has to be loaded into pandas.
PRIVACY_PREFILTER = r"@|https?:|www\.|\.com"

# --- content-free comments: text that is only page chrome ----------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4})"
)
_TIME = r"(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
_AGO = r"(?:\d+|a|an|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
_UI = (
    r"(?:log\s+in\s+to\s+reply|reply|like|liked\s+by\s+(?:\d+|one)\s+(?:people|person)"
    r"|\d+\s+likes?|loading|share\s+this|edit|report(?:\s+comment)?|permalink|says|said|wrote"
    r"|quote|unlike|\d+\s+repl(?:y|ies)|view\s+repl(?:y|ies))"
)
_TOKEN = rf"(?:{_DATE}|{_TIME}|{_AGO}|{_UI})"
# Literal characters, not \u escapes: RE2 does not know \uXXXX, Python does not know \x{XXXX}.
_SEP = r"[\s.,:;|()\[\]\-" + "\u00b7\u2022\u2013\u2014" + "]"
# The whole text is metadata tokens and separators, with at least one token.
METADATA_ONLY = rf"^{_SEP}*{_TOKEN}(?:{_SEP}+{_TOKEN})*{_SEP}*$"

# Placeholders platforms leave where a comment was deleted or withheld.
DELETED_PLACEHOLDER = (
    r"^\s*(?:\[(?:deleted|removed)\]"
    r"|(?:this\s+)?comment\s+(?:has\s+been\s+|was\s+)?(?:deleted|removed)(?:\s+by\s+(?:the\s+)?(?:author|moderator|administrator|admin))?"
    r"|this\s+comment\s+is\s+awaiting\s+moderation"
    r"|your\s+comment\s+is\s+awaiting\s+moderation)\s*\.?\s*$"
)

# Zero-width and byte-order characters that make "empty" text look non-empty.
_INVISIBLE_CLASS = "[\\s" + "\u200b-\u200f\u2060\ufeff\u00ad" + "]"
INVISIBLE = _INVISIBLE_CLASS + "+"
BLANK = "^" + _INVISIBLE_CLASS + "*$"  # whole text is whitespace / zero-width (or empty)
_INVISIBLE = re.compile(INVISIBLE)

_py_metadata = re.compile(METADATA_ONLY, re.IGNORECASE)
_py_deleted = re.compile(DELETED_PLACEHOLDER, re.IGNORECASE)
_py_email_or_url = re.compile(EMAIL_OR_URL, re.IGNORECASE)

# Metadata-only comments are short; the guard keeps Python's backtracking engine off long text.
_METADATA_MAX_CHARS = 300


_VISIBLE_PY = re.compile("(?!" + _INVISIBLE_CLASS + ").", re.DOTALL)


def is_blank(text: str | None) -> bool:
    # search for the first visible character: O(1) on ordinary text instead of a full rewrite
    return text is None or _VISIBLE_PY.search(text) is None


def is_metadata_only(text: str) -> bool:
    return len(text) <= _METADATA_MAX_CHARS and _py_metadata.fullmatch(text) is not None


def is_deleted_placeholder(text: str) -> bool:
    return len(text) <= _METADATA_MAX_CHARS and _py_deleted.fullmatch(text) is not None


def find_email_or_url(text: str) -> str | None:
    m = _py_email_or_url.search(text)
    return m.group(0) if m else None
