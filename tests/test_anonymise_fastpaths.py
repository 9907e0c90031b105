"""The anonymiser's speed-ups decide exactly what the plain rules decide.

Speed work (issue 13) memoised the public-work recognizer's surname check (a pure function of
the word lists and the policy) and precompiled its hot patterns; these tests hold the memo to
the plain rule.
"""
from __future__ import annotations

from therapy_threads.anonymise import recognizers as R


def test_surname_memo_is_the_rule():
    from therapy_threads.anonymise.lexicon import lexicon
    from therapy_threads.anonymise.detect import Cues
    from therapy_threads.anonymise.policy import Policy

    rec = R.PublicWorkRecognizer(Cues(Policy.load(None), lexicon()))
    for w in ["Oliver", "Oliver's", "the", "Jamison", "course", "Haig’s", "x", "Redfield", "Oliver"]:
        assert rec._surname_like(w) == rec._surname_like(w)  # memo hit
        cf = R.POSS.sub("", w).casefold()
        r = rec.lex.rank(cf)
        plain = (len(cf) >= 2 and cf not in rec.cues.not_names and not rec.cues.function_word(cf)
                 and (r is None or r >= 3000 or rec.lex.is_surname(cf) or rec.lex.proper_noun(cf)))
        assert rec._surname_like(w) == plain


# ---- the second round (issue 13, CPU): each fast form against the plain form it replaces --------

import functools  # noqa: E402
import re  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from therapy_threads.anonymise import detect as D  # noqa: E402
from therapy_threads.anonymise import patterns as P  # noqa: E402

# texts made of the characters and words the patterns care about, odd ones included
_PIECES = st.sampled_from([" ", "\t", "\n", ",", ".", "!", "?", "'", "’", "-", "_", "(", ")", "\"", "“", "×", "÷",
                           "x", "X", "7", "42", "a", "b", "Z", "É", "é", "ß", "Ă", "\u0250", "ſ", "K", "İ", "ı",
                           "Tita", "Kuya", "Father", "auntie", "Jun", "Ölga", "my", "mein", "our", "Dr", "dr.", "Mrs",
                           "professor", "hi", "thank you", "hugs to", "danke", "in", "from", "visiting", "aus",
                           "Leeds", "book", "books", "by", "poem", "'s", "ted talk", "reading", "geschrieben",
                           "quiet.harbour", "nightowl_22", "HeartOfGlass", "xXdarkXx", "dot", "at", "example", "[", "]", "ＤＯＴ",
                           "Church Road", "Goethestraße", "(the therapist)", "»", "”", "! ", ".\n", "Sam,\n", ", billy, nobody", ", my sister", "(a", "St", "Ave.", "Park", " Line", "Quay", "Mrs", "Frau", "von", "Herrn", "A.", " xo", " x!", "DoT", "PoİNT", "piſte",
                           "com", "sam@example.org", "www.example.com", "punkt"])
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)
_FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def _cues():
    from therapy_threads.anonymise.lexicon import lexicon
    from therapy_threads.anonymise.policy import Policy

    return D.Cues(Policy.load(None), lexicon())


@functools.lru_cache(maxsize=None)
def _recognizer(cls):
    return cls(_cues())


def _all(rx, text):
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_by_first_letter_groups_in_order():
    assert P.by_first_letter("book|by|see|books") == "b(?:ook|y|ooks)|s(?:ee)"
    assert P.by_first_letter(r"\(re|dr\.in") == r"\((?:re)|d(?:r\.in)"
    for bad in (r"\sx", "", "(x"):
        try:
            P.by_first_letter(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


@_FAST
@given(_TEXTS)
def test_grouped_word_lists_match_the_flat_ones(text):
    cues = _cues()
    low = text.lower()
    titles = sorted(cues.titles, key=len, reverse=True)
    flat_title = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in titles) + r")\.?[ \t]+")
    assert _all(_recognizer(R.TitleRecognizer)._re, low) == _all(flat_title, low)
    greets = sorted(cues.greetings, key=len, reverse=True)
    flat_greet = re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in greets)
                            + r")[\s,]+(?P<name>[a-z\u00df-\u00ff][a-z\u00df-\u00ff]+)(?![\w@/'’-])")
    assert _all(_recognizer(R.GreetingRecognizer)._re, low) == _all(flat_greet, low)
    poss = R.possessive_patterns(cues.policy.rules)
    assert _all(poss.low, low) == _all(re.compile(r"\b(?:" + poss.alternation + r")\s+"), low)
    flat_work = re.compile(r"['’]s?[ \t]+(?:[\"“‘]|the[ \t]|[a-z]+[ \t]*[,.;)])|[ \t][\"“][a-z]|\(re|geschrieben|"
                           r"schreibt|schrieb|gesungen|singt|\b(?:" + R._WORK_CUES + r")")
    assert _all(R._WORK_ANY, low) == _all(flat_work, low)
    flat_place = re.compile(r"\b(?:in|from|near|outside|to|visit|visiting|nach|aus|bei)[ \t]+([A-Z][a-zà-ÿ]+)\b"
                            r"(?![ \t]+[A-Z])")
    assert _all(D._PLACE_ROLE, text) == _all(flat_place, text)


@_FAST
@given(_TEXTS)
def test_kin_titles_and_gates_are_the_plain_patterns(text):
    assert [(m.span(), m.groupdict()) for m in R.kin_title_matches(text)] == \
        [(m.span(), m.groupdict()) for m in R._KIN_TITLE.finditer(text)]
    assert bool(R._CAMEL_GATE.search(text)) == bool(re.search(r"[a-z][A-Z]", text))
    assert bool(R._SHAPE_GATE.search(text)) == bool(re.search(r"[A-Za-z0-9][_.][A-Za-z0-9]|[A-Za-z]\d\d|"
                                                              r"[xX][A-Za-z]+[xX]", text))


@_FAST
@given(_TEXTS)
def test_contacts_and_memoised_cues_are_the_plain_functions(text):
    assert P.find_contacts(text) == (P.find_emails(text), sorted(P.find_urls(text) + P.find_idn_urls(text)),
                                     P.find_written_emails(text), P.find_written_urls(text))
    cues = _cues()
    for start in range(len(text) + 1):
        for _ in range(2):  # the second asks the memo
            m = D._TITLE_BEFORE.search(text[max(0, start - 16):start])
            assert cues.title_before(text, start) == (bool(m) and m.group(1).casefold() in cues.titles)
            assert cues.named_before(text, start) == bool(D._NAMED_BEFORE.search(text[max(0, start - 24):start]))
            m = R.possessive_patterns(cues.policy.rules).relation_before.search(text[max(0, start - 48):start])
            assert cues.relation_before(text, start) == (bool(m) and m.group("rel").casefold() in cues.relations)


def test_odd_characters_of_ascii_letters_are_the_non_ascii_matches_that_lower_case_elsewhere():
    from string import ascii_lowercase

    from therapy_threads.anonymise.wordgate import odd_characters

    odd = {chr(c) for c in range(0x80, 0x110000)
           if re.fullmatch("[a-z]", chr(c), re.I) and chr(c).lower() not in ascii_lowercase}
    assert odd | {"\u0130"} == set(odd_characters(ascii_lowercase))


@_FAST
@given(_TEXTS)
def test_street_title_kiss_and_written_gates_are_necessary(text):
    if R._STREET.search(text):
        assert R._STREET_GATE.search(text)
    assert P._written_hint(text) == bool(P._WRITTEN_HINT.search(text))
    last = text.rstrip().rsplit("\n", 1)[-1]
    if R._KISS_SIGNOFF.search(last):
        assert last.rstrip(" \t!.")[-1:] in ("x", "X", "o", "O")


_ADDRESS_PIECES = st.sampled_from([" ", "\t", "\n", "\u00a0", ",", ".", "!", "?", "x", "_", "1", "é", "ſ", "K", "İ",
                                   "ı", "and", "AND", "ſo", "also", "thanKs", "ha", "aha", "paperboats", "hello",
                                   "World", "abcd", "ABCDE", "quietriver"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_ADDRESS_PIECES, max_size=30).map("".join))
def test_lower_addressed_is_the_pattern(text):
    assert R.lower_addressed(text) == [(m.start(1), m.end(1), m.group(1)) for m in R._LOWER_ADDRESSED.finditer(text)]


@_FAST
@given(_TEXTS)
def test_street_gate_is_the_plain_pattern(text):
    plain = re.compile(r"\s(?:" + "|".join(R._STREET_WORDS) + r")\b")
    assert bool(R._STREET_GATE.patterns[0].search(text)) == bool(plain.search(text))


_NAME_CHARS = st.sampled_from(list("abiksoeß") + ["ss", "é", "ø", "ı", "ſ", "ü"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_NAME_CHARS, min_size=1, max_size=6).map("".join), min_size=1, max_size=8, unique=True),
       st.lists(st.sampled_from(list("abiksoeß ,.'’@") + ["ss", "é", "Ø", "I", "İ", "ı", "ſ", "K", "SS", "ẞ", "Ü", "'s"]),
                max_size=40).map("".join))
def test_grouped_names_match_the_flat_alternation(names, text):
    from therapy_threads.anonymise.anonymiser import names_alternation

    flat = "|".join(re.escape(n).replace("ss", "(?:ss|ß)") for n in sorted(names, key=len, reverse=True))
    wrap = r"(?<![\w@])(?:{})(?:['’]s)?(?![\w])"
    assert _all(re.compile(wrap.format(names_alternation(names)), re.I), text) == \
        _all(re.compile(wrap.format(flat), re.I), text)


@_FAST
@given(_TEXTS)
def test_apposition_scan_is_the_plain_pattern(text):
    low = text.lower()
    assert [(m.span(), m.groupdict()) for m in R._APPOSITION_FAST.finditer(low)] == \
        [(m.span(), m.groupdict()) for m in R._APPOSITION_LOW.finditer(low)]


@_FAST
@given(_TEXTS)
def test_sentence_starts_vocatives_and_salutation_gate(text):
    assert D.sentence_starts(text) == D._SENT_START.findall(text)
    plain = re.compile(r"(?<=[A-Za-z']),[ \t]+([a-z]{3,})(?=,[ \t]+([a-z']+))")
    assert _all(R._LOWER_VOCATIVE, text) == _all(plain, text)
    if R._SALUTATION_LINE.search(text):
        assert R._SALUTATION_GATE.search(text)
