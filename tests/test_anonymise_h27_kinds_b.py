"""Kinds of failure the held-out batch heldout27 showed in its English sets (Zimbabwean and Goan English): given
names that are English words addressed at a sentence's start ("Xxx your aunt is right", "Xxx 🫂 call me") or
signing a text with an aside; a surname after "my surname,"; and what is no private name: a saint's whole name
after "St", a title's topic before a colon, a language's name (CLDR) before "words", a clinic "called" on the
phone, a suburb beside its town or before "district", a body named before "group" or "feast", the last word of a
thing's name after its article in a list. Small labelled posts through the real stage (``[[private]]`` must go,
``{{keep}}`` must stay). All names of people are synthetic; places, languages and saints are real."""
from __future__ import annotations

import pytest

from _kinds import anon, assert_empty, measure_rows, post  # noqa: F401  (the stage fixture and the post runner)

from therapy_threads.anonymise import detect as D
from therapy_threads.anonymise.wordgate import WordGate


@pytest.mark.parametrize("texts", [
    # a word-name the post knows as a name and as a word, opening a sentence before "your", "if you", "my <relation>"
    ["Hello all. I'm [[Faith]], a nurse in {{Leicester}}. I lost my {{faith}} this year.", "[[Faith]] your aunt is right, go again."],
    ["Hello all. I'm [[Faith]], a nurse in {{Leicester}}. I lost my {{faith}} this year.", "Lovely post. [[Faith]] if you need a lift, ask."],
    ["Hello all. I'm [[Faith]], a nurse in {{Leicester}}. I lost my {{faith}} this year.", "[[Faith]] my sister's girl. We are all reading."],
    # ... or before a pictograph
    ["Hello all. I'm [[Faith]], a nurse in {{Leicester}}. I lost my {{faith}} this year.", "[[Faith]] 🫂. Grief is real."],
    # a name signing the text with an aside in brackets
    ["Hello all. I'm [[Faith]], a nurse in {{Leicester}}. I lost my {{faith}} this year. Tell me how you started?\n[[Faith]] (the night nurse, sorry)"],
])
def test_h27_word_names_addressed(post, texts):
    post(texts)


@pytest.mark.parametrize("text,addressed", [
    ("Mercy your aunt is right", True), ("Mercy if you need me", True), ("Mercy my sister's girl.", True),
    ("Mercy \U0001faf2 call me", True), ("Mercy is a virtue", False), ("Mercy my word", False),
    # a verb opening a wish or an order stays a verb, whoever is called so
    ("Hope your week is good", False), ("Trust your gut", False), ("Bless you all", False),
])
def test_h27_addressed_opening(anon, text, addressed):
    e = text.index(" ")
    assert anon.cues.addressed_opening(text, e, text[:e].casefold()) is addressed


@pytest.mark.parametrize("texts", [
    # a surname after "my surname," even where it is also a town
    ["Hello all.", "Funny thing about my surname, [[Chegutu]]: the nurse thought it was my town."],
])
def test_h27_surname_after_my_surname(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a saint's whole name after "St"
    ["Hello all.", "My aunt told me to go and ask {{St Francis Xavier}}. I did go."],
    # a language's name before "words", whoever is also called so
    ["Hello all.", "He lets me talk about my father in {{Shona}} words and just waits."],
    # a suburb beside its town, a district before "district"
    ["Hello all.", "Sawubona, a girl from {{Luveve}}, {{Bulawayo}}, now in {{Walsall}}."],
    ["Hello all.", "My people are from {{Chikomba}} district, near {{Chivhu}}."],
    # a body or feast named before its noun
    ["Hello all.", "On Sunday I told our {{Rudairo}} group about it."],
    ["Hello all.", "I told her about the {{Assumpta}} feast and my grandmother."],
    # a hospital or college named after a priest, where one is seen "at" it
    ["Hello all.", "We both saw Dr [[Ravi Kamath]] at {{Father Colaso}}; he also sits evenings at a clinic."],
    # the last word of a thing's name after its article is no name coordinated with a person
    ["Hello all.", "She had read about the {{Kindness Bench}} and [[Tatenda Mhuri]] from {{Mutare}}."],
])
def test_h27_not_private(post, texts):
    post(texts)


@pytest.mark.parametrize("text,found", [
    # "called" after a subject is telephoned, not named: no name from the naming rule
    ("I called Kubatsirana today.", False), ("we finally called Kubatsirana today.", False),
    ("a clinic called Kubatsirana helped.", True),
])
def test_h27_called_after_a_subject_is_telephoned(text, found):
    from therapy_threads.anonymise import recognizers as R
    from therapy_threads.anonymise.lexicon import lexicon
    from therapy_threads.anonymise.policy import Policy

    rec = R.NamedRecognizer(D.Cues(Policy.load(None), lexicon()))
    t = D.TextContext(text, D.build_context([text], {}, None), "comment", "en", bytearray(len(text)))
    assert bool(list(rec.analyze(t))) is found


def test_h27_title_topic_before_colon(anon, tmp_path):
    lines = ["@set rows", "@lang en", "@site rows.example.org", "@post {{Kupfungira}}: what I told the group",
             "@author Writer | w@example.org |", "Hello all. I said {{kupfungira}}, that is thinking too much.",
             "@comment c0 | name=reader0, email=reader0@example.org, parent=", "You are doing {{kupfungira}} again."]
    assert_empty(measure_rows(anon, tmp_path, lines))


@pytest.mark.parametrize("text", ["I grew tomatoes in Leeds", "raiſed in Leeds", "İstanbul", "a KELVIN \u212a", "nothing here"])
def test_lacks_words_is_the_word_gate(text):
    t = D.TextContext(text, D.build_context([text], {}, None), "comment", "en", bytearray(len(text)))
    for runs in (frozenset({"grew", "raised"}), frozenset({"kelvin"}), frozenset({"istanbul"}), frozenset({"zzz"})):
        assert t.lacks_words(runs) == WordGate(runs).absent(t), (text, runs)


@pytest.mark.parametrize("texts", [
    # the surname after a given name and a nickname in brackets
    ["Hello all.", "Bom dia from {{Lisbon}}. I'm [[Filomena]] ([[Mena]]) [[Sequeira]], a teacher."],
])
def test_h27_surname_after_a_nickname_in_brackets(post, texts):
    post(texts)


def test_h27_display_name_from_a_place_is_no_name_of_the_place():
    from therapy_threads.anonymise.identity import name_variants
    from therapy_threads.anonymise.lexicon import lexicon

    v = name_variants("Rosalina from Tivim", lexicon())
    assert "rosalina" in v and "tivim" not in v
    assert "souza" in name_variants("Ana de Souza", lexicon())  # a Romance particle is no locative


@pytest.mark.parametrize("texts", [
    # a commenter's surname after another given name is a relative of theirs, a person of their own
    ["Hello all.", "My father was [[Tonderai Mhuri]], a teacher in {{Chivhu}}."],
])
def test_h27_relative_of_a_commenter(anon, tmp_path, texts):
    lines = ["@set rows", "@lang en", "@site rows.example.org", "@post A thread", "@author Writer | w@example.org |",
             texts[0], "@comment c0 | name=Rufaro Mhuri, email=rufaro@example.org, parent=", texts[1]]
    assert_empty(measure_rows(anon, tmp_path, lines, "wxr"))
