"""The sixth round of anonymiser speed-ups (issue 13/11, CPU): each fast form decides exactly what
the plain form it replaces decides."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.anonymise import knowledge as K
from therapy_threads.anonymise.policy import Policy

_PHONE_PIECES = st.sampled_from(["0", "1", "2", "44", "555", "0171", "2019", "07700", "900", "123", " ", "  ", "-",
                                 ".", "(", ")", "+", "/", " ext ", " x", "#", ",", "a", "call ", "\n", "+44 ",
                                 "1-800-", "ext. 12", "12:30", "3/10/2011", "(0)", "–", "／", "٣", "²"])
_REGIONS = Policy.load(None).text.phone_regions


def _matcher_finds_a_long_one(text: str) -> bool:
    """The plain form: some number ``PhoneNumberMatcher`` finds passes the digit-count test."""
    from phonenumbers import Leniency, PhoneNumberMatcher

    return any(not K._not_a_phone(text, m.start, m.end, m.raw_string.strip())
               for region in _REGIONS for m in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE))


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PHONE_PIECES, min_size=3, max_size=22).map("".join))
def test_phone_gate_never_skips_a_number_the_matcher_would_keep(text):
    if _matcher_finds_a_long_one(text):
        assert K._digit_run_of_eight(text)


def test_phone_gate_on_examples():
    assert K._matcher_pattern() is not None  # else the gate is off (the search still correct, only slower)
    assert K._digit_run_of_eight("call me on 0171 555 0142 tomorrow")
    assert K._digit_run_of_eight("20#／2019ext. 12 x01712#00")  # a match started inside another one's extension
    assert not K._digit_run_of_eight("born 1985, married 2009, three kids aged 4, 7 and 12")
    assert K.find_phones("born 1985, married 2009, three kids aged 4, 7 and 12", _REGIONS) == []
    assert K.find_phones("ring 0171 555 0142 after six", _REGIONS) != []


def test_running_recognizers_are_those_that_support_the_language():
    from therapy_threads.anonymise.detect import Engine
    from therapy_threads.anonymise.lexicon import lexicon

    eng = Engine(Policy.load(None), lexicon())
    for lang in (None, "en", "de", "fr", "nl", "xx"):
        assert eng.running(lang) == [r for r in eng.recognizers if r.supports(lang)]
    eng.recognizers = eng.recognizers[:3]  # replaced: asked again
    assert eng.running("en") == [r for r in eng.recognizers if r.supports("en")]


def test_written_hint_words_are_spelled_out():
    """The substring form of the written-address hint is on: a class of letters in a word ("te[cč]ka")
    once turned it off for every text."""
    from therapy_threads.anonymise import patterns as P

    assert P._HINT_WORDS is not None and {"tecka", "tečka", "dot", "punkt"} <= set(P._HINT_WORDS)
    assert P._spelled_out("a|b[xy]c") == ("a", "bxc", "byc")
    assert P._spelled_out(r"a\s|b") is None and P._spelled_out("a[b-c]") is None
    assert P._written_hint("sam TEČKA lee") and not P._written_hint("a tečkat")


_KIN_PIECES = st.sampled_from(["tita", "Tita", "kuya", "Ouma", "ouma", "pani", "Father", "Mother", "ah", "Ah", "Tío", "tio",
                               "abc", "verylongword", " ", "  ", "\t", "-", "_", "1", "×", "÷", "'", "’", "Baby", "Jun", "Ana",
                               "Éva", "X", "\n", ".", "(", "ß", "Σ"])


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_KIN_PIECES, max_size=12).map("".join))
def test_kin_title_matches_with_kin_words_keeps_every_match_of_a_kin_word(text):
    from therapy_threads.anonymise import recognizers as Rz

    kin = frozenset({"tita", "kuya", "ouma", "pani", "father", "mother", "ah", "tío"})
    plain = [m.span() + m.span("name") for m in Rz._KIN_TITLE.finditer(text)
             if m.group("kin").casefold().replace("’", "'") in kin]
    fast = [m.span() + m.span("name") for m in Rz.kin_title_matches(text, kin)
            if m.group("kin").casefold().replace("’", "'") in kin]
    assert fast == plain
    assert [m.span() for m in Rz.kin_title_matches(text)] == [m.span() for m in Rz._KIN_TITLE.finditer(text)]


def test_lower_titles_are_titles():
    """The titles chat writes in lower case (the policy's lower_titles) are titles the title chain reads."""
    from therapy_threads.anonymise.policy import Policy
    from therapy_threads.anonymise.titles import bare, chain_pattern

    rules = Policy.load(None).rules
    every = rules.titles | rules.academic_titles  # (the academic titles of Austria and Germany are titles too)
    assert "dr" in rules.lower_titles and bare(rules.lower_titles) <= bare(every)
    chain = chain_pattern(bare(every))
    for w in rules.lower_titles:
        assert chain.match(f"{w} meier")


_REL_PIECES = st.sampled_from(["my ", "her ", "our ", "My ", "therapist", "sister", "old", "older", "ex", "-", "ex-", "best",
                               "friend", "große", "ſister", "K", "\u212a", "Anna", "Joy", " ", "  ", ",", "\t", "\n", "é",
                               "husband", "dog", "liebe", "n", "r", "ẞ", "1", "Therapeutin", "(", "kid"])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REL_PIECES, max_size=10).map("".join))
def test_may_relate_never_refuses_a_relation_noun_the_pattern_would_give(text):
    from therapy_threads.anonymise import recognizers as Rz

    rec = _relation_recognizer()
    for pos in range(len(text) + 1):
        m = Rz._RELATION_TAIL.match(text, pos)
        if m and m.group("rel").casefold() in rec.cues.relations:
            assert rec._may_relate(text, pos), (text, pos)


_REL_REC = []


def _relation_recognizer():
    if not _REL_REC:
        from therapy_threads.anonymise.detect import Cues
        from therapy_threads.anonymise.lexicon import lexicon
        from therapy_threads.anonymise.recognizers import RelationRecognizer

        _REL_REC.append(RelationRecognizer(Cues(Policy.load(None), lexicon())))
    return _REL_REC[0]
