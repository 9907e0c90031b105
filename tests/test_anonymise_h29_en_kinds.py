"""Kinds of failure the held-out batch heldout29 showed in its English sets (Pacific Island youth in South Auckland,
British-Bangladeshi families in East London), each as a small table. Posts run through the real stage
(``[[private]]`` must go, ``{{keep}}`` must stay). All names of people are synthetic; places and institutions are
real or plainly invented."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_anonymise_post_rules import anon, run  # noqa: E402,F401  (the stage fixture and runner)

from therapy_threads.anonymise.knowledge import find_national_phones, official_phone_regions  # noqa: E402


def _clean(score):
    return (score.private_removed, score.keep_intact, score.leaked, score.damaged, score.overremoved)


@pytest.mark.parametrize("texts", [
    # a short form glossed by the full given name it is clipped from, then used alone in name roles
    ["Kia ora everyone 🙏🏽 [[Vaso]] here ([[Vasiliki]] for the aunties). Thanks for coming.\n\n[[Vaso]] ✝️",
     "thank u [[vaso]] that night was so good", "uso [[vaso]] fa'afetai for the night"],
    # lower-case self-introductions after a greeting and a comma, or before a pictograph
    ["Hi all.", "talofa, [[pulu]] here, 22, third year at uni."],
    ["Hi all.", "hi!! [[lomi]] here 💛 yes like the flower"],
    ["Hi all.", "hi everyone its [[pesi]], from the choir"],
    # "Xx here" after a flag or another pictograph opens the writer's introduction
    ["Hi all.", "Greetings from {{Apia}} 🇼🇸 [[Kingsley]] here, a cousin of the host."],
    # a word said to be someone's name, whatever else it is
    ["Hi all.", "my real name is [[Joy]], [[Tui]] is my samoan middle name"],
    # "my name X means ...": the writer's name glossed; "... in <language>, x": the word talked about
    ["Hi all.", "btw my name [[manaia]] means handsome in samoan lol"],
    ["Hi all.", "my name means rain in bangla, {{bristi}}, and my nani loves it"],
    # "im xx, real name yy" and "called me xx" for a name the post accepted
    ["Hi all.", "salam 👋 im [[merry]], real name [[tanvir]]. my mum called me [[merry]] because i laughed a lot"],
    # a relation noun with the group it belongs to
    ["Hi all.", "I'm sending this page to our youth leader [[Nau]]."],
    # a lower-case name opening a text before "i"/"you", though another language has the word
    ["My brother [[Rubel]] says go to the gym.", "[[rubel]] i am not laughing, I'm proud of you."],
    # a long list of people takes its gazetteer words as people
    ["Hi all.", "Thank you all: [[Moana]], [[Sefa]], [[Faith]], [[Vili]], Aunty [[Mele]], [[Lagi]], [[Albert]], "
                "[[Ruby]] for what you shared."],
])
def test_h29_names_in_roles(anon, tmp_path, texts):
    score = run(anon, tmp_path, texts)
    assert score.leaked == [] and score.damaged == [] and score.overremoved == [], _clean(score)


@pytest.mark.parametrize("texts", [
    # Arabic compound given names ("Abdul" and a name of God), with the surname
    ["Hi all.", "My abba, [[Abdul Karim Miah]], came from {{Sylhet}} in 1979."],
    ["Hi all.", "I trained in counselling too (Imam [[Abdur Rashid]])."],
    # a saint named by "Hazrat" or by his shrine
    ["Hi all.", "My aunt sent a tabiz from the dargah of {{Shah Jalal}}."],
    ["Hi all.", "We prayed at the shrine of {{Hazrat Shah Paran}} last year."],
    # institutions named after people: a titled person's name before a school noun, a head noun that is also a town
    ["Hi all.", "At {{Sir Edmund Hillary Collegiate}} there is a counsellor."],
    ["Hi all.", "The one psychiatrist we know works at {{Rahimpur Medical College}}, at night."],
    ["Hi all.", "We were in {{Wexley Primary}} together!"],
    # a private person's name before an institution's head noun, or after an article before a place noun
    ["Hi all.", "My mate [[Osmani]] plays cricket. There's an {{Osmani}} airport and an {{Osmani}} primary school."],
    # no person verb or apposition right after a preposition of place
    ["Hi all.", "I saw a lady at {{Middlemore}} called [[Ms Talia Vete]]."],
    ["Hi all.", "When I was young in {{Apia}}, my friend [[Fetu]] died."],
    # where the writer is, after "Xx here," and a verb of origin
    ["Hi all.", "Salaam bhai. [[Jamal]] here, {{Zindabazar}}, {{Sylhet}}. All is well."],
    ["Hi all.", "My grandfather came from {{Bishwanath}} in 1961."],
    # a possessive right before a lower-case word makes it a noun (a kin word of another language)
    ["Hi all.", "my {{tina}} said counselling is for palagi. my sister [[tina]] wants to go"],
    # a public figure's given name alone is nobody's in particular
    ["Hi all.", "we read {{Albert Wendt}} in class.", "[[Albert]], 24, here. I'm the one from the west."],
])
def test_h29_keep_and_full_names(anon, tmp_path, texts):
    score = run(anon, tmp_path, texts)
    assert score.leaked == [] and score.damaged == [] and score.overremoved == [], _clean(score)


@pytest.mark.parametrize("text,found", [
    # seven digits grouped as the region writes them (Samoa: two and five) are a phone number
    ("call me: 72 48163.", ["72 48163"]),
    # seven digits in groups no region writes so are no phone
    ("it cost 12 34567 in all", []),
    ("I paid 1 234 567 for it", []),
])
def test_h29_seven_digit_groups(text, found):
    spans = find_national_phones(text, official_phone_regions("en"))
    assert [text[s:e] for s, e in spans] == found
