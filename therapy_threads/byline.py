"""Which post authors may be published: public bylines, never account logins.

A byline is the name a site prints over a post ("By Jane Example"); the author chose it for the
public. An account login (WordPress ``user_login``: ``admin``, ``jane.example``, ``team42``) is
an internal handle, often reused as an e-mail local part or on other sites, and is not published.
``posts.author`` holds a byline or nothing: readers pass what the source calls the display name
through :func:`public_byline`, and the privacy audit checks every published author with it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_URLISH = re.compile(r"://|www\.|@|\.(?:com|org|net|blog|io|me|de|uk)\b", re.I)
_LOGIN_CHARS = re.compile(r"[._\d]")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    from .anonymise.policy import Policy

    return Policy.load(None).words("pseudonym", "generic_names")


def public_byline(name: str | None) -> str | None:
    """``name`` cleaned of surrounding space if it reads as a public byline, else None.

    Not a byline: an e-mail address or link; a placeholder ("admin", "Anonymous", the
    policy's ``generic_names``); a single token that looks like a login — all lower case
    ("janeexample"), or with dots, underscores or digits ("jane.example", "team42"), or not
    starting with a letter (">teamname"). Display names with a space ("Jane Example", "bell
    hooks") or a capital ("Quill", "Kit") are bylines.
    """
    if not name:
        return None
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    if not name or not any(ch.isalpha() for ch in name) or _URLISH.search(name):
        return None
    from .anonymise.identity import is_generic_name

    if is_generic_name(name, _generic()):
        return None
    if " " not in name:
        if not name[0].isalpha() or _LOGIN_CHARS.search(name) or name == name.lower():
            return None
    return name
