"""Kinds of failure the held-out batch heldout32 showed in its English set (a Shetland mailing list as its web
archive shows it), and the keep-side kinds of the whole batch, each as a small table. Posts run through the real
stage (``[[private]]`` must go, ``{{keep}}`` must stay). All names of people are synthetic; places, institutions,
festivals and public people are real."""
from __future__ import annotations

import pytest

from _kinds import P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, the recognizer table)

from therapy_threads.anonymise.recognizers import QuoteHeaderRecognizer


@pytest.mark.parametrize("text,expected", [
    # the attribution line a mail client writes above a quoted reply (Gmail, Thunderbird, Apple Mail forms)
    ("On Mon, 16 Nov 2026 at 22:41, Brodie Tulloch wrote:\n> we gied oot", [("Brodie Tulloch", P)]),
    ("On Nov 16, 2026, at 10:41 PM, Brodie Tulloch <b.t@example.org> wrote:\n> hi", [("Brodie Tulloch", P)]),
    ("On 16/11/2026 22:41, Brodie wrote:\n> hi", [("Brodie", P)]),
    # the display name whole, a typist's note in brackets included
    ("On Tue, 17 Nov 2026 at 20:17, Ertle Voss (typed by Ina) wrote:\n> aye", [("Ertle Voss (typed by Ina)", P)]),
    # a sentence that starts with "On" and ends in "wrote:" names no sender
    ("On Sunday, somebody wrote:\n> hi", []),
])
def test_h32_mail_attribution(text, expected):
    check(QuoteHeaderRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    # the sender of a quoted reply is no author talked about through a work ("X Y wrote"), and the given
    # name of that line is caught alone elsewhere in the thread
    ["Evening aa. I'm [[Brodie]], fae {{Lerwick}}.",
     "On Mon, 16 Nov 2026 at 22:41, [[Brodie Tulloch]] wrote:\n> I'm fae Lerwick\n\n[[Brodie]], du never said."],
])
def test_h32_mail_sender_not_author(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a sign-off name alone on its line does not run on into the place on the next line
    ["Evening aa. I'm [[Brodie]] an I'm been on dis list twa year.\n\n--\n[[Brodie]]\n{{Scalloway}}",
     "Aye, [[Brodie]], du's right."],
])
def test_h32_signoff_line_then_place(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # the words of Shetland and Orkney Scots are words, in a post that writes the dialect
    ["Evening aa. I'm [[Brodie]], I dunna ken whit ta say aboot it.",
     "We gied oot tagidder da neist moarnin, an efter dat naebody spak aboot hit. My Daa never said a word."],
    # "Daa" (a grandfather) before a name is a kin word outside the name
    ["Evening aa. I dunna ken whit ta dae aboot my faider.", "Daa [[Ertle]] wis at da fishing forty year, an efter "
     "dat he nivver spak aboot hit."],
])
def test_h32_insular_scots_words(post, texts):
    from _kinds import OVERREMOVED
    post(texts, empty=OVERREMOVED)


@pytest.mark.parametrize("texts", [
    # a size word of Scots or Shetland before a name people call someone by: the whole nickname
    ["Evening aa. I dunna ken whit ta say aboot it.", "Dey caa me [[Muckle Brodie]] on da ferry. I'm [[Brodie]]."],
    ["Hi all, I dunna ken whit ta say aboot it.", "I'm [[Brodie]], [[Peerie Brodie]] to everyone at the school, since there are two of us "
     "in the class."],
    ["Hi all.", "Everyone calls him [[Wee Tam]] at the club, he's six foot."],
    # an age word describes the person: the name goes, the word stays
    ["Hi all.", "Young [[Ryan]], nineteen, his first winter at the fishing."],
    ["Hi all.", "Old [[Tam]], 84, still walks to the harbour."],
    # ... and alone it is a word ("the muckle boat", "a peerie bit")
    ["Evening aa. I dunna ken whit ta say aboot it.", "A {{muckle}} man wi a peerie voice."],
])
def test_h32_size_and_age_nicknames(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # "an" before a consonant is no article but the Scots "and": the name after it is no noun of a thing
    ["Evening aa. I'm [[Brodie]]. My man [[Bertle]] wis on da boat wi my cousin [[Ninian]].",
     "[[Brodie]] phoned da doctor. Da skipper an [[Bertle]] are gyaan ta da group.\n\nAn [[Ninian]], I'll gie dee a phone."],
    # ... and "an" before a vowel still heads a thing
    ["Hi all.", "I drove an {{Audi}} for ten years and never liked it."],
])
def test_h32_scots_an_before_name(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # public people of Scottish and Shetland letters and music, and a leader of the Shetland Bus (public_figures.toml)
    ["Hi all.", "{{Ann Cleeves}} should write about this. {{Aly Bain}} played it at the festival."],
    ["Hi all.", "Da boats went ower wi {{Leif Larsen}}, an naebody spak aboot hit."],
    # ... a figure's surname after another person's given name is that other person's
    # (a given name the post already took for someone)
    ["Hi all. My uncle [[Brodie]] was lost at sea in 1974.", "{{Tom Anderson}} wrote the tune.",
     "Nobody spoke about [[Brodie Anderson]] for fifty years."],
    ["Hi all.", "{{Tom Anderson}} wrote the tune.", "Our counsellor is Dr [[Brodie Anderson]], no relation."],
    # ... a figure's kin named in full, no title before, is as public as the figure
    ["Hi all.", "{{Donald Winnicott}} was kind because {{Clare Winnicott}} was kind to him."],
    # ... but a given name and the surname before a capitalised noun name a shop or a school
    ["Hi all.", "{{Tom Anderson}} wrote the tune.", "We met at the {{Mary Anderson Bakery}} on Saturdays."],
    # the festival and its chief guizer (regional_phrases [festivals])
    ["Hi all.", "I wis {{Guizer Jarl}} at {{Up Helly Aa}} in 2011."],
    # a secondary school named "X High"
    ["Hi all.", "My son saw a counsellor at the {{Anderson High}} when he was fifteen."],
    # a weekday's abbreviation in a date is no given name
    ["Hi all.", "On Thu, 19 Nov 2026 at 06:12, [[Brodie Tulloch]] wrote:\n> hi\n\nThanks."],
])
def test_h32_keep_public_and_local(post, texts):
    from _kinds import OVERREMOVED
    post(texts, empty=OVERREMOVED)


@pytest.mark.parametrize("texts", [
    # a comment in Shetland Scots, which a language detector may place in Dutch, is read as the thread's English
    ["Evening aa. I'm [[Brodie]] fae {{Lerwick}}, an I dunna ken whit ta say aboot it.",
     "Hello all, I'm [[Shona]] fae {{Brae}}, an I'm glad du wrote. Da best thing I did wis ta phone.",
     "I'm anidder [[Brodie]], [[Peerie Brodie]] ta tell me fae da idder een in wir class at da {{Anderson High}}, dough "
     "I'm six fit three noo an no very peerie. Named for da saint, since my midder's folk are fae {{Kirkwall}}."],
])
def test_h32_dialect_read_as_thread_language(post, texts):
    post(texts)


@pytest.mark.parametrize("lang,texts", [
    # a hero or leader kept by the full name only (a full_names_only group): people are nicknamed after them
    ("es", ["Hola a todos.", "A mí me dicen [[Katari]] por {{Túpac Katari}}, y ni sé tocar.",
            "[[Katari]], tu tema está bien bonito."]),
    ("en", ["Hi all.", "We named the dog after {{Patrice Lumumba}}.", "My neighbour [[Lumumba]] laughed at that."]),
])
def test_h32_full_names_only_figures(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("texts", [
    # a frequent given name that the dictionary has only as a proper noun ("ryan", "kevin") is no word in lower case,
    # after the Scots "an" (and) as after "and"
    ["Evening aa. I dunna ken whit ta say. Young [[Ryan]], nineteen, fell in.",
     "sorry for da lower case, phone. im [[tammie]], 23. me an [[ryan]] wir at da college tagidder. he says thanks."],
    ["Hi all. My nephew [[Kevin]] started therapy.", "sorry no caps on my phone. me and [[kevin]] went to school together"],
    # ... but a word of the dictionary stays a word ("will", "mark")
    ["Hi all. My brother [[Will]] started therapy.", "sorry no caps on my phone. i will go too and mark the date"],
])
def test_h32_lower_case_frequent_names(post, texts):
    from _kinds import OVERREMOVED
    post(texts, empty=OVERREMOVED)
