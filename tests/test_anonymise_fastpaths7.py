"""The seventh round of extraction-worker speed-ups (issue 13, CPU): each fast form decides exactly
what the plain form it replaces decides (the plain forms are spelled out here)."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads import language as L
from therapy_threads.anonymise import knowledge as K
from therapy_threads.anonymise import recognizers as R

SLOW = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces of introductions and names, with the characters the patterns turn on (line breaks, sentence
# ends, blanks, commas, hyphens, apostrophes, odd letters and the division sign inside Latin-1)
_PIECES = st.sampled_from(["Ana", "Bo", "Li", "Mei", "Xin", "Ed", "De", "la", "Van", "Zé", "Ōtara", "Łukasz", "ÉLO",
                           "x", "ab", "here", " from ", " ", "  ", "\t", "\n", ".", "!", "?", ". ", ", ", ",", "-",
                           "'", "’", "÷", "_", "9", "A-B-C", "K-Z-É", "Tita", "Omma, Min-ja, ", "Hi, "])
_TEXTS = st.lists(_PIECES, min_size=0, max_size=16).map("".join)

_INTRO_PLAIN = re.compile(r"(?m)(?:^|(?<=[.!?] ))" + R._INTRO_REST)
_SYLLABLE_PLAIN = re.compile(r"(?<![\w'’-])([A-Z][a-z]{1,4})[ \t-]([A-Z][a-z]{1,4})(?:[ \t-]([A-Z][a-z]{1,4}))?(?![\w'’-])")
_SPELLED_PLAIN = re.compile(r"(?<![\w-])([A-Z\u00c0-\u00de](?:-[A-Z\u00c0-\u00de]){2,})(?![\w-])")
_KIN_COMMA_PLAIN = re.compile(r"(?<![\w'’-])(?P<kin>[A-Z][a-z]+),[ \t]+(?P<name>[A-Z][a-z]+(?:-[a-z]+)?)(?=[ \t]*,)")


def _intro(matches) -> list[tuple]:
    return [(m.span("name"), m.group("name"), m.group("place"), m.end()) for m in matches]


@SLOW
@given(_TEXTS)
def test_intro_matches_are_finditers(text):
    assert R._INTRO_FULL.pattern == _INTRO_PLAIN.pattern
    assert _intro(R.intro_full_matches(text)) == _intro(_INTRO_PLAIN.finditer(text))


def test_intro_matches_on_examples():
    for text in ("Ana Bo, Leeds", "hi.\nAna Bo, Leeds and more. Ed Van Zé from Ōtara", "x. Ana Bo, Leeds",
                 "Ana Bo, Leeds. Ed Li, York", "\nAna Bo, Leeds", "x.  Ana Bo, Leeds", "x,Ana Bo, Leeds"):
        assert _intro(R.intro_full_matches(text)) == _intro(_INTRO_PLAIN.finditer(text)), text
    assert [m.group("name") for m in R.intro_full_matches("Hi all. Ana Bo, Leeds.\nEd Li from York")] == ["Ana Bo", "Ed Li"]


@SLOW
@given(_TEXTS)
def test_look_behind_after_the_first_capital(text):
    for fast, plain in ((R._SYLLABLE_PAIR, _SYLLABLE_PLAIN), (R._SPELLED, _SPELLED_PLAIN),
                        (R._KIN_COMMA_NAME, _KIN_COMMA_PLAIN)):
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
               [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_look_behind_after_the_first_capital_on_examples():
    assert [m.group(0) for m in R._SYLLABLE_PAIR.finditer("met Mei Xin and xMei Xin, -Li Bo")] == ["Mei Xin"]
    assert [m.group(0) for m in R._SPELLED.finditer("A-N-A, x-A-N-A, É-L-O")] == ["A-N-A", "É-L-O"]
    assert [m.group("name") for m in R._KIN_COMMA_NAME.finditer("Omma, Minja, who; xOmma, Seo, no")] == ["Minja"]


@SLOW
@given(st.lists(st.sampled_from(["went to", "grad", "alum", "campus", "class of", "dorm", "gra", "went t", "de",
                                 "gree", " ", "x", "studied at", "ALUM"]), max_size=8).map("".join))
def test_school_gate_is_its_literals(low):
    assert any(map(low.__contains__, R._SCHOOL_WORDS)) == bool(R._SCHOOL_GATE.search(low))


@SLOW
@given(st.lists(st.sampled_from([" one", " two", "one", " oh ", " oh", "oh ", " zero", " ", "  ", " nine", "teen",
                                 " six", " seven", " si", "x", " eight", " three", " th", "\t", "ONE", " five", " four"]),
                max_size=10).map("".join))
def test_said_phone_gate_counts_the_same_strings(low):
    assert len(set(K._SAID_GATE_AT.findall(low))) == sum(map(low.__contains__, K._SAID_GATE))


def test_said_phones_still_found():
    regions = ("US", "GB")
    assert K.find_said_phones("call me on nine one zero, five five five, oh one eight two", regions)
    assert K.find_said_phones("one two three", regions) == []


@SLOW
@given(st.lists(st.sampled_from(["word", "Ab", " ", "  ", "\n", "\t", "\u2003", "x" * 30, "ok", "https://a.example/x ",
                                 "www.b.example ", "é", "."]), max_size=40).map("".join),
       st.sampled_from([None, 1, 5, 80, 200]))
def test_language_sample_cut_is_the_whole_sample_cut(text, limit):
    whole = L._sample(text)
    assert L._sample(text, limit) == (whole if whole is None or limit is None else whole[:limit])


def test_language_detection_unchanged_by_the_cut():
    d = L.detector()
    texts = ["This is plainly an English sentence about the weather and my garden, written out at length.",
             "Das ist ein deutscher Satz über das Wetter und den Garten, der lang genug ist. " * 3,
             "  spaced   out\n\ntext   with   many   blanks   in   English   words   here  " * 4,
             "THIS IS ALL CAPITALS AND SHOULD STILL BE READ AS ENGLISH TEXT BY THE DETECTOR OK"]
    assert L.detect_many(texts) == [L._code(d.detect(s, k=1)[0]) if s else None for s in map(L._sample, texts)]


_GLOSSED_PLAIN = re.compile(r"(?<![\w'’@.-])([a-z\u00df-\u00ff][a-z\u00df-\u024f'’-]*),?[ \t]+(?=(?:heißt|bedeutet|means|"
                            r"meant|significa|quer[ \t]+dizer|veut[ \t]+dire|betekent|vuol[ \t]+dire)\b)")


@SLOW
@given(st.lists(st.sampled_from(["amal", "seren", "x", "ab", "Ab", " ", "  ", "\t", ",", ", ", "means", "meant",
                                 "meaning", "heißt", "quer dizer", "quer", "dizer", "veut  dire", "vuol dire", "÷",
                                 "ß", "é", "ɏ", "Ā", "'", "’", "-", "@", ".", "_", "9", "\n"]), max_size=14).map("".join))
def test_glossed_words_found_from_the_verbs(text):
    assert [(m.span(), m.span(1)) for m in R.glossed_lower_matches(text)] == \
           [(m.span(), m.span(1)) for m in _GLOSSED_PLAIN.finditer(text)]


def test_glossed_words_on_examples():
    assert R._GLOSSED_LOWER.pattern == _GLOSSED_PLAIN.pattern
    for text in ("seren means star, amal heißt Hoffnung", "x means means y", "a÷b means c", "word ,means x",
                 "l'amour, meant love", "xmeans y", "ab-cd  quer dizer", "@nick means x"):
        assert [(m.span(), m.span(1)) for m in R.glossed_lower_matches(text)] == \
               [(m.span(), m.span(1)) for m in _GLOSSED_PLAIN.finditer(text)], text
    assert [m.group(1) for m in R.glossed_lower_matches("seren means star, amal heißt Hoffnung")] == ["seren", "amal"]


_CUE_PIECES = st.sampled_from(["like", "Like", "unlike", "not", "Not", "no relation to", "not related to", "named",
                               "called", "after", "fan of", "Fan", "von", "de", "wie", "nicht", "Niet", "zoals",
                               "comme", "Pas", "como", "come", "não", "tipo", "fã", "fa", "do", "das", "benannt", "nach",
                               "genoemd", "naar", "Nommée", "d'après", "(", ",", " ", "  ", "\t", "\n", "Ana", "Élodie",
                               "Ōtara", "x", "X", "bob", "'", "’", "I", "igual", "que nem", "der", "die", "la", "le", "o",
                               "a", "Wie", "nothing to do with", "to do", "with", "reminds me of"])


@SLOW
@given(st.lists(_CUE_PIECES, max_size=14).map("".join))
def test_namesake_gate_never_skips_a_cue(text):
    if any(True for _ in R._NAMESAKE_CUE.finditer(text)):
        assert R.namesake_possible(text)


def test_namesake_gate_on_examples():
    for text in ("like Jackie Chan", "no relation to Andy Lau", "named her after Walt Whitman", "Fan von Amal X",
                 "fã  dos Caetano Veloso", "Nommée d'après Ginette Reno", "(after Ana Bo)", "x, after Ana Bo",
                 "Unlike\tÉlodie Ng", "não Julio Iglesias", "wie der Ana Bo", "comme la Ana Bo", "igual o Ana Bo",
                 "que nem a Ana Bo", "nothing to do with Ana Bo", "it reminded me of Ana Bo"):
        assert any(True for _ in R._NAMESAKE_CUE.finditer(text)) and R.namesake_possible(text), text
    assert not R.namesake_possible("Thanks. My therapist said so. Hi Ana")


def test_namesake_gate_knows_every_last_word_of_the_cue():
    """One example per last word of the cue: each matches, and the gate passes it only through that word."""
    cues = {"like": "like", "Like": "Like", "not": "not", "Not": "Not", "to": "no relation to", "after": "named him after",
            "of": "fan of", "wie": "wie", "Wie": "Wie", "nicht": "nicht", "Nicht": "Nicht", "niet": "niet", "Niet": "Niet",
            "zoals": "zoals", "Zoals": "Zoals", "comme": "comme", "Comme": "Comme", "pas": "pas", "Pas": "Pas",
            "como": "como", "Como": "Como", "come": "come", "Come": "Come", "não": "não", "Não": "Não", "tipo": "tipo",
            "Tipo": "Tipo", "do": "fã do", "da": "fa da", "de": "fã de", "dos": "fa dos", "das": "fã das", "des": "fa des",
            "von": "Fan von", "van": "fan van", "nach": "benannt nach", "naar": "Genoemd naar", "après": "nommée d’après",
            "igual": "igual", "Igual": "Igual", "igualzinho": "igualzinho", "igualzinha": "igualzinha", "nem": "que nem",
            "del": "no soy pariente del"}
    assert set(cues) == set(R._NAMESAKE_ENDS)
    for last, cue in cues.items():
        text = f"{cue} Ana Bo"
        assert any(True for _ in R._NAMESAKE_CUE.finditer(text)), text
        assert R.namesake_possible(text)
        assert [w for w in R._NAMESAKE_ENDS if cue.endswith(w)] == [last], text
