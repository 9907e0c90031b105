"""The eleventh round of anonymiser speed-ups (issue 13, CPU): each fast form decides exactly what the
plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import patterns as P

SLOW = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---- the written e-mail and web address scans skipped where no written dot precedes a top-level domain ----

# dot-words and at-words in several cases, "." and brackets, domains and words that are not, glued to
# letters, digits, "-" and "_", with the characters that match a dot-word's letter case-insensitively but
# do not lower-case to it ("İ", "ı", "ſ", the Kelvin sign, the lunate epsilon, the Greek iota forms)
_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", ",", ".", "..", "-", "_", "'", "7", "x", "é", "(", ")", "[", "]", "<", ">", "{", "}",
    "dot", "DOT", "Dot", "point", "POINT", "punkt", "punktum", "tečka", "TEČKA", "tecka", "τελεία", "ΤΕΛΕΊΑ",
    "τϵλϵία", "teleia", "titik", "ponc", "pun\u212at", "po\u0131nt", "POİNT", "poınt", "do\u017f", "at", "AT", "@",
    "arroba", "παπάκι", "by", "di", "ag", "com", "COM", "Com", "org", "de", "io", "is", "in", "gh", "uk", "me",
    "co", "ro", "gr", "za", "za-x", "com_", "comx", "kolibri", "marisol", "example", "Zorbuk", "blog", "slash",
    "underscore", "ni ", "e.g.", "2.5", " dot ", " point ", " (dot) ", "[at]", "(punkt)", "Co\u212a"])
_TEXTS = st.lists(_PIECES, max_size=16).map("".join)


@SLOW
@given(_TEXTS)
def test_written_tld_gate_only_closes_where_nothing_matches(text):
    if not P._written_tld(text):
        assert P.WRITTEN_EMAIL_RE.search(text) is None
        assert P.WRITTEN_URL_RE.search(text) is None


@SLOW
@given(_TEXTS)
def test_find_contacts_and_written_finders_unchanged(text):
    assert P.find_contacts(text)[2:] == ((P._written_emails(text), P._written_urls(text))
                                         if P._written_hint(text) else ([], []))
    assert P.find_written_emails(text) == (P._written_emails(text) if P._written_hint(text) else [])
    assert P.find_written_urls(text) == (P._written_urls(text) if P._written_hint(text) else [])


@SLOW
@given(_TEXTS)
def test_tld_at_is_the_domain_match(text):
    for p in range(len(text) + 1):
        assert P._tld_at(text, p) == (P._TLD_AT.match(text, p) is not None), (text, p)


def test_tld_at_on_every_code_point_after_a_domain():
    # a character after "com" (or "co" before it) that re.I or \w reads otherwise than the set look-up would
    for c in map(chr, range(0x250)):
        for text in ("com" + c, "co" + c, c + "om", "uk" + c + "x"):
            for p in range(len(text)):
                assert P._tld_at(text, p) == (P._TLD_AT.match(text, p) is not None), (text, p)


def test_written_tld_table():
    assert P._written_tld("write to marisol at example dot com")
    assert P._written_tld("kolibri (dot) de")
    assert P._written_tld("see blog.example.IO for it")
    assert P._written_tld("x punkt   de")
    assert P._written_tld("the point is, it was")  # ("is" is a domain: the scans decide)
    assert not P._written_tld("a good point, really; no point whatsoever")
    assert not P._written_tld("e.g. 2.5 mg, at the dot")
