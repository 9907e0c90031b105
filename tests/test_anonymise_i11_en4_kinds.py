"""Kinds of failure the English heldout45 batch showed (a Q&A site copied onto a blog, a Trinidadian blog, a Slack
thread), each as a small labelled post: ``[[x]]`` must go, ``{{x}}`` must stay. All names and sentences are
synthetic."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)


@pytest.mark.parametrize("texts", [
    # a Q&A site's comment signature: a dash, the display name (words or not), a moderator's diamond, date and time
    ["I asked around at work.",
     "Good distinction, I would upvote this. – [[Merit Cole]] Nov 12 at 09:40",
     "Flagged as off topic. – [[Patience]] ♦ Dec 1 at 14:02",
     "Agreed. – [[Noble]] Jan 3 '24 at 18:11"],
])
def test_a_display_name_signing_before_the_posting_time(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # the Hindu priest's title before his name is inside the name, as "Pastor" is; the word alone stays
    ["I told her: [[Pundit Sharma]] is a kind man.", "The {{pundits}} on TV disagree."],
])
def test_a_priest_title_before_a_name(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a given name that is a word, accepted after a relation noun, is the subject again where a verb and its object
    # follow in the variety's bare form; a preposition after it keeps the word ("Faith in my ...")
    ["Saturday, my cousin [[Precious]] pull me to the party. [[Precious]] grab my hand and we went. "
     "What a {{precious}} night.",
     "{{Faith}} in my own choices came slowly. {{Hope}} for her is all I have."],
    # a modal that is also a name opens a question, not a name
    ["Will take my car? {{Will}} it rain? My son [[Will]] is fine."],
])
def test_a_word_name_with_a_bare_verb_and_its_object(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # a given name and a surname that are words, in apposition after "my friend from work,"
    ["My colleague from work, [[Joy Peel]], says go for it. I had no {{joy}} at all."],
    # two people accepted in the text, joined by "and", are no title in title case
    ["My counsellor [[Bill]] (private, then NHS) heard it first. My wife [[Rose]] just made tea. "
     "I think of [[Bill]] and [[Rose]] as friends. We watched {{Amazing Grace}} and {{Good Will Hunting}}."],
    # a writer introduced by a word-name signs again with where they are from
    ["I am [[Joy]] from {{Leeds}}, yes really.", "[[Joy]] from {{Leeds}} writing again. {{joy}} to you all."],
])
def test_word_names_in_apposition_coordination_and_from_a_place(post, texts):
    post(texts)


from test_anonymise_recognizers import check  # noqa: E402  (one recognizer on one text -> spans)

from therapy_threads.anonymise.recognizers import DatedSignoffRecognizer  # noqa: E402


@pytest.mark.parametrize("text,expected", [
    ("Thanks. – Mark Faith Nov 29 at 11:30", [("Mark Faith", "person")]),
    ("Thanks. — user48213 Dec 2, 2025 at 7:05", [("user48213", "person")]),
    # no time after the date: a date in a sentence, not a signature
    ("We met – Hope and I – on Nov 29 and talked.", []),
    ("asked Nov 28 at 21:14 · edited Nov 29 at 06:02", []),
])
def test_dated_signoff_recognizer(text, expected):
    check(DatedSignoffRecognizer, text, expected)
