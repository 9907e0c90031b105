"""The eighth round of extraction-worker speed-ups (issue 13, CPU): each fast form decides exactly
what the plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import detect as D
from therapy_threads.anonymise import recognizers as R
from therapy_threads.anonymise import regional as G

SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# blanks, capitals of every range the patterns tell apart (ASCII, Latin-1, "×" inside the Latin-1 range of
# capitals, Latin Extended), the characters CAP_RE's look-behind refuses, kin words and namesake cue words
_PIECES = st.sampled_from([" ", "  ", "\t", "\n", "A", "Bo", "Éva", "Þór", "×", "÷", "Ōtara", "Łukasz", "ß", "x", "ab",
                           "tita", "Tita", "kuya", "Father", "like", "not", "after", "van", "da", "Ana", "Jun",
                           "'", "’", "-", ".", "@", "_", "9", ",", "O'Brien", "Mary-Jane", "Evan’s", "ÉLO"])
_TEXTS = st.lists(_PIECES, min_size=0, max_size=16).map("".join)

_BLANK_CAPITAL_PLAIN = re.compile(r"[ \t][A-Z\u00c0-\u00de]")
_BLANKS_CAPITAL_PLAIN = re.compile(r"[ \t]+[A-Z\u00c0-\u00de]")


def _ctx(text: str) -> D.TextContext:
    doc = D.build_context([text], {}, None)
    return D.TextContext(text, doc, "comment", "en", bytearray(len(text)))


@SLOW
@given(_TEXTS)
def test_blank_capitals_are_the_scans_matches(text):
    t = _ctx(text)
    assert t.blank_capitals == [m.end() - 1 for m in _BLANK_CAPITAL_PLAIN.finditer(text)]


@SLOW
@given(_TEXTS)
def test_kin_titles_and_namesakes_from_blank_capitals(text):
    caps = _ctx(text).blank_capitals
    kin = frozenset({"tita", "kuya", "father", "ah"})
    plain = [m.span() + m.span("name") for m in R._KIN_TITLE.finditer(text)]
    assert [m.span() + m.span("name") for m in R.kin_title_matches(text, None, caps)] == plain
    assert [m.span() + m.span("name") for m in R.kin_title_matches(text, kin, caps)] == \
        [m.span() + m.span("name") for m in R.kin_title_matches(text, kin)]
    assert R.namesake_possible(text, caps) == \
        any(text.endswith(R._NAMESAKE_ENDS, 0, m.start()) for m in _BLANKS_CAPITAL_PLAIN.finditer(text))


def test_blank_capitals_examples():
    # (synthetic names) a capital after a tab, after two blanks, "×" after a blank (in the range, no capital),
    # a Latin Extended capital (outside the range), a capital after an apostrophe or at the start (none)
    text = "Ana met\tBo and  Éva × 2 Łukasz O'Brien"
    assert _ctx(text).blank_capitals == [8, 16, 20, 31]
    assert R.namesake_possible("named after  Ana", _ctx("named after  Ana").blank_capitals)
    assert not R.namesake_possible("Hi. Ana", _ctx("Hi. Ana").blank_capitals)


_ROLE_PIECES = st.sampled_from([" ", "\t", "\n", "fan", "fans", "Fan", "supporter", "supporters", "season", " tickets", "-ticket",
                                "shirt", "shirts", "scarf", "striker", "midfielder", "goalkeeper", "defender", "Leeds",
                                "x", "-", "'", "infant", "seasonal"])


@SLOW
@given(st.lists(_ROLE_PIECES, max_size=10).map("".join))
def test_club_role_gate_keeps_every_match(text):
    from therapy_threads.anonymise import sport as S

    found = list(S._ROLE.finditer(text))
    assert not found or any(map(text.__contains__, S._ROLE_WORDS))


def test_club_role_words_open_every_branch():
    from therapy_threads.anonymise import sport as S

    body = S._ROLE.pattern
    words = re.findall(r"[a-z]+", "fans|fan|supporters|supporter|season tickets|shirts|scarf|striker|midfielder|goalkeeper|defender")
    assert all(w.startswith(S._ROLE_WORDS) or w == "tickets" for w in words)
    assert "(?<=[ \\t])" in body


def test_public_work_firsts_are_first_like():
    rec = _recognizer(R.PublicWorkRecognizer)
    words = {"Matt", "Haig", "the", "poems", "mary", "oliver", "Szymborska", "Wisława", "Dr", "and", "read", "x"}
    for _ in range(2):  # (the second time from the words decided the first time)
        assert rec._firsts(set(words)) == {w for w in words if rec._first_like(w)}


_REL_PIECES = st.sampled_from(["my ", "her ", "our ", "mein ", "sister", "little", "late", "ex", "-", "'", "’", "s", " ",
                               "\t", ",", "therapist", "Therapeutin", "brother", "ſister", "ẞ", "ß", "Ä", "x", "9", "best"])


def _may_relate_plain(rec, text: str, pos: int) -> bool:
    run = R._REL_RUN.match(text, pos)
    if run is None:
        return False
    if text[run.end():run.end() + 1] in ("'", "’"):
        return True
    first = R._REL_LETTERS.match(text, pos)
    if first is not None and R._REL_ADJ_ONE.fullmatch(first.group()):
        return True
    return run.group().casefold() in rec.cues.relations


@SLOW
@given(st.lists(_REL_PIECES, max_size=10).map("".join))
def test_may_relate_kept_per_run_is_the_plain_test(text):
    rec = _recognizer(R.RelationRecognizer)
    for pos in range(len(text) + 1):
        for _ in range(2):  # (the second time from the memo)
            assert rec._may_relate(text, pos) == _may_relate_plain(rec, text, pos), (text, pos)


@lru_cache(maxsize=None)
def _recognizer(cls):
    from therapy_threads.anonymise import Anonymiser, Policy

    anon = Anonymiser(b"k" * 32, Policy.load(None))
    return next(r for r in anon.engine.recognizers if isinstance(r, cls))


_GATE_PIECES = st.sampled_from([" ", "\t", "\n", "kia", "ora", "kia ora", "whānau", "al-adha", "(kia", "ora!", "“kia”", "-",
                                "'", "’", "don't", "well-being", "x", "…", "e.g.", "_", "9", "ora,", "—"])


def _no_first_word_plain(first_words, hay: str) -> bool:
    words = hay.split()
    if not first_words.isdisjoint(words):
        return False
    return first_words.isdisjoint([w.strip(G._EDGE_PUNCT) for w in words if not (w[0].isalnum() and w[-1].isalnum())])


@SLOW
@given(st.lists(_GATE_PIECES, max_size=12).map("".join))
def test_no_first_word_is_the_plain_gate(hay):
    first = frozenset({"kia", "ora", "al-adha", "whānau", "e.g", "don't"})
    assert G._no_first_word(first, hay) == _no_first_word_plain(first, hay)
