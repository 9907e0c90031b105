"""The ninth round of extraction-worker speed-ups (issue 13, CPU): each fast form decides exactly
what the plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import identity as I

SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _disguise_in_plain(text: str) -> bool:
    if text.isascii() and "%" not in text:
        return False
    if I.fold(text) == text:
        return False
    if I._BENIGN.search(text) is None:
        return True
    plain = I._BENIGN.sub(" ", text)
    return I.fold(plain) != plain


# benign characters (ellipsis, no-break space, fullwidth punctuation), what fold changes (fullwidth and
# mathematical letters, look-alikes, invisible characters, "%40", ideographic full stops), combining marks
_FOLD_PIECES = st.sampled_from(["a", "Zorbuk", " ", "\u2026", "\u00a0", "\uff0c", "\u2024", "\uff41", "\U0001d41a",
                                "\u0430", "\u043e", "\u200b", "\u00ad", "%40", "%", "\u3002", "\u0301", "e\u0301",
                                "\u037e", "\u1fef", "\u2126", "\ufb01", "–", "’", "é", "Ж", "д"])


@SLOW
@given(st.lists(_FOLD_PIECES, max_size=12).map("".join))
def test_disguise_in_is_the_plain_form(text):
    assert I.disguise_in(text) == _disguise_in_plain(text)


def test_fold_writes_no_benign_character():
    """What the shortcut in ``disguise_in`` rests on: fold's replacements are no benign character."""
    benign = set(I._benign_chars())
    assert not benign & {c for v in I._FOLD_CHARS.values() if v for c in v}
    assert not benign & {c for v in I._LOOKALIKE.values() for c in (chr(v) if isinstance(v, int) else v or "")}
