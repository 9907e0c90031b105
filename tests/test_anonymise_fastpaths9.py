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


# ---- recognizers that skip their substring gates where none of their words is a word of the text ----

from therapy_threads.anonymise import detect as D  # noqa: E402
from therapy_threads.anonymise import recognizers as R  # noqa: E402
from therapy_threads.anonymise import sport as S  # noqa: E402
from therapy_threads.anonymise.lexicon import lexicon  # noqa: E402
from therapy_threads.anonymise.policy import Policy  # noqa: E402

_CUES = D.Cues(Policy.load(None), lexicon())

# the gates' words and phrases in several cases and spacings, inside other words ("olive in", "unsaid"), with
# the odd case-folding characters ("raiſed", "İ"), lines opening with ">" or a name and ending in ":", places
_GATE_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", ":", ">", ",", ".", "-", "'s", "x", "Sam", "Leeds", "Umm Al Quwain", "Little Snoring", "the ",
    "grew up in ", "Grew  up on ", "GREW UP IN ", "olive in ", "lives in ", "Lived in ", "living\tin ", "born in ", "raiſed in ",
    "based in ", "moved to ", "Moving to ", "relocated to ", "originally from ", "hail from ", "İ", "ı", "\u212a", "ſ",
    "quote from: ", "Quote from ", "quoting ", "originally posted by ", "citaat van ", "Zitat von ", "citation de ",
    "cita de ", "citazione di ", "citação de ", "citando a ", " wrote:", " said:", " SAID :", " schreef:", " a écrit :",
    " escribió:", " ha scritto:", " skrev:", " napisał:", "unsaid", "quotation", "rewrote",
    " fans", " fan", " Fan", " supporter", " season ticket", " season-tickets", " shirts", " scarf", " striker",
    " goalkeeper", " defender", "fanatic", " Arsenal", " Leeds United", "Celtic"])
_GATE_TEXTS = st.lists(_GATE_PIECES, max_size=12).map("".join)


def _spans(rec, text: str, gate: bool) -> list:
    t = D.TextContext(text, D.build_context([text], {}, None), "comment", "en", bytearray(len(text)),
                      lower_style=D.lower_style(text))
    if not gate:
        t.lacks_words = lambda runs: False  # the recognizer's own substring gate alone, as before
    return [(s.start, s.end, s.kind, s.reason) for s in rec.analyze(t)]


@SLOW
@given(_GATE_TEXTS)
def test_word_gates_find_what_the_substring_gates_find(text):
    for rec in (R.HomePlaceRecognizer(_CUES), R.QuoteHeaderRecognizer(_CUES), S.ClubRecognizer(_CUES)):
        assert _spans(rec, text, True) == _spans(rec, text, False), type(rec).__name__


def test_word_gates_skip_texts_without_their_words():
    t = D.TextContext("I grew tomatoes; my olive in Leeds.", D.build_context([""], {}, None), "comment", "en",
                      bytearray(35))
    assert t.lacks_words(R._HOME_RUNS) is False  # "grew" is a word of the text
    assert t.lacks_words(R._QUOTE_RUNS) is True
    odd = D.TextContext("raiſed in Leeds", D.build_context([""], {}, None), "comment", "en", bytearray(15))
    assert odd.lacks_words(R._HOME_RUNS) is False  # an odd case-folding character: the substring gate decides


_COPULA_PIECES = st.sampled_from([" ", "  ", "\t", "\n", "is", "was", "are", "were", "this", "Is", "WAS", "_is", "9was",
                                  "éis", "Ana", "ana", "X", "É", "×", ".", ",", "'", "my sister", "Ó", "Mac", "mac",
                                  "Ní", "Bean", "Uí", "Mc", "BigMac", "Ua", "Giolla", "Bhriain", "Duinn", "Mhic"])


@SLOW
@given(st.lists(_COPULA_PIECES, max_size=14).map("".join))
def test_copula_before_capital_is_the_gate_scan(text):
    t = D.TextContext(text, D.build_context([text], {}, None), "comment", "en", bytearray(len(text)))
    assert R.copula_before_capital(text, t.blank_capitals) == (R._COPULA_GATE.search(text) is not None)


@SLOW
@given(st.lists(_COPULA_PIECES, max_size=14).map("".join))
def test_irish_word_gate_finds_what_the_substring_gate_finds(text):
    rec = R.IrishSurnameRecognizer(_CUES)
    assert _spans(rec, text, True) == _spans(rec, text, False)


def test_irish_word_gate_keeps_every_particle():
    rec = R.IrishSurnameRecognizer(_CUES)
    for text in ("I met Aoife Ní Bhriain.", "Seán Ó Duinn came.", "a Mac Giolla Phádraig", "Síle Nic Ghiolla Bhríde",
                 "Máire Bean Uí Cheallaigh", "Tomás Mc Giolla Rua", "Eoin Ua Bhriain", "Nóra Mhic Ghearailt",
                 "Cáit Uí Bhriain"):
        assert _spans(rec, text, True) == _spans(rec, text, False) != [], text


# sign-off tails: initials, kisses, closing words, commas, dashes, line breaks, odd case-folding letters
_TAIL_PIECES = st.sampled_from([" ", "\t", "\n", "A.", "b.", "J.R.", "K.", "\u212a.", "ſ.", "x", "xo", "X", "XO", "xox", "o", ".",
                                ",", "!", "/", "love", "Knus", "thanks", "—", "-", "Sam", "Ana", "é", "9", ")", "'"])


@SLOW
@given(st.lists(_TAIL_PIECES, max_size=12).map("".join), st.integers(0, 40))
def test_signoff_tail_gates_hold(raw, back):
    """What the sign-off recognizer's two gates rest on: a match of ``_INITIALS_CLOSE`` on the stripped text
    ends it with a dot or kisses; the inline closing pattern needs a comma."""
    text = raw.rstrip()
    if R._INITIALS_CLOSE.search(text, max(0, len(text) - back)) is not None:
        assert text[-1:] in (".", "x", "X", "o", "O")
    inline = re.search(r"(?:^|[.!?]\s+|\n)(?P<close>[A-Za-zÀ-ɏ ]{2,20}),[ \t]*(?P<name>[^\W\d_][\w’'-]*)"
                       r"(?:[ \t]+x+)?[ \t]*[.!]*[ \t]*$", text, re.I)
    if inline is not None:
        assert "," in text


def test_signoff_still_finds_initials_and_closings():
    rec = R.SignoffRecognizer(_CUES)
    for text, name in (("Hang in there.\nxo m.", "m."), ("Thinking of you all.\nknus H.", "H."),
                       ("See you Tuesday. A.B. x", "A.B."), ("It helped.\n/F.", "F."),
                       ("It gets easier.\nLove, Sorcha", "Sorcha"), ("Take care.\nWarmly, Tamsin x", "Tamsin")):
        found = [text[s:e] for s, e, _k, _r in _spans(rec, text, True)]
        assert any(name.strip(".") in f for f in found), (text, found)
