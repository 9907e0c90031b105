"""Kinds of failure the English heldout43 batch showed (a lower-case group chat, a Northern Irish forum, a South
African blog, a New Zealand blog, a psychotherapist's essay), each as a small labelled post: ``[[x]]`` must go,
``{{x}}`` must stay. All names and sentences are synthetic."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)

_CHAT = ("ok pasting the chat from last night\n\n\n"
         "[3/2/26, 8:01 PM] [[dot]]: hey\n\n"
         "[3/2/26, 8:01 PM] [[will]]: yo\n\n"
         "[3/2/26, 8:02 PM] [[summer]]: hi all\n\n"
         "[3/2/26, 8:02 PM] [[rose]]: here\n\n")


@pytest.mark.parametrize("texts", [
    # a chat sender whose name is a word is a person: addressed opening a message, then "i"/"u"/an interjection
    [_CHAT + "[3/2/26, 8:03 PM] [[dot]]: [[summer]] i called them\n\n"
             "[3/2/26, 8:04 PM] [[rose]]: [[will]] ur brother is here\n\n"
             "[3/2/26, 8:04 PM] [[dot]]: i {{will}} be there at six",
     "over {{summer}} break we can meet"],
    # told, asked, thanked, joined to a person by "and", with an emoji after
    [_CHAT + "[3/2/26, 8:05 PM] [[dot]]: i'll tell [[rose]] friday. thank [[will]] for the ride\n\n"
             "[3/2/26, 8:06 PM] [[summer]]: the {{summer}} job starts in june",
     "me and [[will]]. ask [[rose]] about it 😭"],
    # the subject of an action after a conjunction; a question with the name after its auxiliary
    [_CHAT + "[3/2/26, 8:07 PM] [[dot]]: and [[rose]] just sat there. also [[will]] paid for it\n\n"
             "[3/2/26, 8:08 PM] [[summer]]: has [[rose]] been told",
     "the {{rose}} garden was shut"],
    # a possessive with a relation noun opening a sentence; the name alone closing the text
    [_CHAT, "ok thanks. [[will]]'s mom drove us. see u all. [[summer]]"],
])
def test_lower_case_chat_names_that_are_words(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a capitalising writer quoting the chat's lower-case name, addressed at the end of a sentence
    [_CHAT, "I saw it, [[will]]. Thanks for the laugh."],
])
def test_a_lower_case_chat_name_in_capitalised_text(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a lower-case given name that is also a word, found once in a name role, is the person where it has one again
    ["so me and [[martin]] went back. [[martin]] says its grand. i'll get [[martin]] to read it.",
     "when [[martin]] was wee his da worked away. tell [[martin]] from me"],
    # a relation noun in brackets after the name
    ["i was hearin [[hope]] (the wife, she hates forums) say it out loud. [[hope]] says hi", "no {{hope}} of that"],
])
def test_lower_case_forum_names_in_a_name_role(post, texts):
    post(texts)


from test_anonymise_recognizers import check  # noqa: E402  (one recognizer on one text -> spans)

from therapy_threads.anonymise.recognizers import PublicFigureRecognizer, TitleRecognizer  # noqa: E402


@pytest.mark.parametrize("text,expected", [
    # a series of the same title with a word of no name list is a personification, read along the series
    # (the series' links are found in one pass over the titles: the same spans as walking them each time)
    ("He is not Mr. Warmth, Mr. Hope or Mr. Encouragement.", [("Warmth", "keep"), ("Hope", "keep"), ("Encouragement", "keep")]),
    ("Mr. Hope Mr. Warmth and Mrs. Grace, Mrs. Joy came.", [("Hope", "keep"), ("Warmth", "keep"), ("Grace", "person"), ("Joy", "person")]),
    ("she is no Miss Sunshine, Miss Patience nor Miss Okafor", [("Sunshine", "keep"), ("Patience", "keep"), ("Okafor", "person")]),
])
def test_a_series_of_the_same_title(text, expected):
    check(TitleRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    # a kinship word before a public figure's given name alone: a relative named after the figure
    ["My uncle is named for Yalom, Irvin Yalom. Uncle [[Irvin]] says hi.", "Tell Uncle [[Irvin]] thanks"],
])
def test_a_kin_word_before_a_figures_given_name(post, texts):
    post(texts)


@pytest.mark.parametrize("text,expected", [
    # "a"/"an" before a listed figure's surname with no noun after it: someone of that name, not the figure
    ("Our ward has a Winnicott, no relation, on nights.", [("Winnicott", "person")]),
    ("There is a Winnicott who runs the café.", [("Winnicott", "person")]),
    # the figure himself, and "a" + the name as a noun modifier, stay the figure
    ("I reread Winnicott on holding.", [("Winnicott", "keep")]),
    ("She lent me a Winnicott paperback.", [("Winnicott", "keep")]),
])
def test_a_figures_name_after_a_or_an(text, expected):
    check(PublicFigureRecognizer, text, expected)
