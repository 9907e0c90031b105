"""Must-keep kinds of issue 11 (heldout18 keep side): places written with diacritics and the ʻokina,
lower-case places and nationality words in chat, districts after their city, places named by a noun of
geography, public people listed after a work, brands named by their role. Tables of text -> spans of
one recognizer, and small posts through the real stage. Every name and place-like word that is not a
real place is invented.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_anonymise_post_rules import anon, run  # noqa: E402,F401  (the stage fixture and runner)
from test_anonymise_recognizers import check  # noqa: E402

from therapy_threads.anonymise import recognizers as R  # noqa: E402
from therapy_threads.anonymise.knowledge import fold, knowledge  # noqa: E402


@pytest.mark.parametrize("raw,folded", [
    ("lāʻie", "laie"), ("kāne'ohe", "kaneohe"), ("moloka‘i", "molokai"), ("hawai’i", "hawaii"),
    ("o'neill", "o'neill"), ("leeds", "leeds"),
])
def test_fold_spells_gazetteer_and_text_alike(raw, folded):
    assert fold(raw) == folded


def test_gazetteer_lookups_fold_both_sides():
    k = knowledge()
    assert k.is_place("Kāneʻohe") and k.is_place("Kane'ohe") and k.is_place("Kaneohe")
    assert k.is_small_place("Lāʻie") and k.is_small_place("Laie")
    assert not k.is_place("O'Brienville")


@pytest.mark.parametrize("text,expected", [
    # the ʻokina inside a word: one token, looked up folded
    ("We live in Lāʻie now.", [("Lāʻie", "keep")]),
    # a trip goes to a place (a given name that is also a village is the person: "gave a ride to Paul")
    ("folks who need a ride to Kaunakakai for sessions", [("Kaunakakai", "keep")]),
    ("I gave a ride to Paul once", []),
    ("our fellowship at Kaunakakai has prayed for years", [("Kaunakakai", "keep")]),
    ("I grew up in Kāne'ohe, aunty.", [("Kāne'ohe", "keep")]),
    # lower-case chat: nationality and language words, places of two words, a place and its state,
    # a proper-only place after "in", a place opening a bracket
    ("in french we say it different lol", [("french", "keep")]),
    ("my mate in des moines agrees", [("des moines", "keep")]),
    ("hi. zephine (she/they), olympia, washington, tired", [("olympia, washington", "keep")]),
    ("the clinic in london took ages", [("london", "keep")]),
    ("renny here (glasgow, they/them) hi", [("glasgow", "keep")]),
    ("my therapist quilla said no", []),
    # a town of the small list after a place word, in lower case; not a given name
    ("my therapist is in nipawin and she's great", [("nipawin", "keep")]),
    ("i said it to kerry", []),
    ("for anyone in oregon or washington who needs it", [("oregon or washington", "keep")]),
    # a given name, a county and an age introduce the writer; a plural nationality word may be a name
    ("hiya all, sharon, wigan, 52. dinner lady", [("wigan", "keep")]),
    ("my wife thais says hi", []),
    # a district named after its city, where the sentence goes on
    ("I'm Tavro from Chennai, Pallikaranai. My mum says hi", [("Chennai", "keep"), ("Pallikaranai", "keep")]),
    ("Good luck in Leeds, Quorra.", [("Leeds", "keep")]),
    ("I work at a bank in Tarvanet these days", [("Tarvanet", "keep")]),
    ("I work at a bank in Quorra's team", []),
    # a noun of geography beside the name; a saint's district before its city
    ("named after the river Sarnavi, like my aunt", [("Sarnavi", "keep")]),
    ("not marion, the town, she's from toledo", [("marion", "keep"), ("toledo", "keep")]),
    ("I am Odile, of St Pauls, Bristol, these forty years.", [("St Pauls", "keep"), ("Bristol", "keep")]),
])
def test_place_kinds(text, expected):
    check(R.PlaceRecognizer, text, expected)


@pytest.mark.parametrize("text,expected", [
    ("Okinawan on my dad's side", [("Okinawan", "keep")]),
    ("Punjabi food is the best", [("Punjabi", "keep")]),
    ("Quillan on my dad's side", []),
])
def test_nationality_words_made_from_places(text, expected):
    check(R.NationalityRecognizer, text, expected)


@pytest.mark.parametrize("text,expected", [
    # a full name listed after a public person's work, a middle name too
    ('she told me about Ama Quillfield\'s "The Long Shore" and Tobi Wrenfield.',
     [("Ama Quillfield", "keep"), ("Tobi Wrenfield", "keep")]),
    ("I read Dara Elmsworth and Arlene Orla Vantree too.", [("Dara Elmsworth", "keep"), ("Arlene Orla Vantree", "keep")]),
    # seen in the media, fans of someone
    ("I also like Benji Hartcombe on the television.", [("Benji Hartcombe", "keep")]),
    ("Coral Pennick stans where u at", [("Coral Pennick", "keep")]),
    ("my sister Jodie Marsh on the radio lol", []),
    # named after someone everybody knows; a relative named after has a relation noun
    ("my mom named me after Corinna Vell lol", [("Corinna Vell", "keep")]),
    ("I was named after my aunt Tavia Orrell", []),
    ("his mother named him for Tregarrow Cove", []),
])
def test_public_people_by_their_work(text, expected):
    check(R.PublicWorkRecognizer, text, expected)


@pytest.mark.parametrize("text,expected", [
    ("Even my Tesbury manager has a therapist.", [("Tesbury", "keep")]),
    ("Send me her Zorvo link.", [("Zorvo", "keep")]),
    ("She kept offering me Bisco-G. So kind", [("Bisco-G", "keep")]),
    ("my sister Kessa manager? no", []),
])
def test_brands_by_role(text, expected):
    check(R.OrganisationRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    # a handle's part that is a city names no one elsewhere in the post
    ["ok therapy thread", "[[quorra]] here, hi", "@[[leeds-quorra]] same here lol. my cousin lives near {{leeds}} too",
     "{{leeds}} is grim in winter lol"],
    # the given name of someone a writer is named after is the writer's own name too: nothing spills
    ["Thanks all", "I'm [[Gwion]], from {{Llanelli}}. Named after {{Gwion Bach}}, of course.", "[[Gwion]], ring him."],
    # service names of a place and a service noun; brands coordinated with a site's name
    ["my prescriber at {{OhioCare}} is nice"],
    # a town that is someone's name, going somewhere with the writer; the same town as a place
    ["Thanks all", "[[Sedona]] and I went to group on Tuesday. We drove to {{Sedona}} after."],
    ["Thanks all", "{{Texas}} and I have history. [[Morven]] went to {{Skye}} and I pictured her there.",
     "I listen to a host on {{Liveline}} and I read."],
    # a word of no dictionary, or a town, going somewhere with the writer; brands and languages stay
    ["Thanks all", "[[Zephora]] and me went to group. {{Spotify}} and I got through it. {{Irish}} and I were at home."],
    # lower-case chat: a size word and a name that is no word, in a person's role; "big deal" is a word
    ["Thanks all", "its a {{big deal}} for me tbh and my cousin [[big stosh]] says so too"],
    # a nickname in brackets after a full name
    ["Thanks all", "[[Rosa Lindqvist]] ([[rosie]]) was there too. [[Jo Marsh]] ({{deceased}}) left a note."],
])
def test_keep_post_rules(anon, tmp_path, texts):  # noqa: F811
    sc = run(anon, tmp_path, texts)
    assert sc.leaked == [] and sc.damaged == [], (sc.leaked, sc.damaged)


def test_a_commenters_name_is_the_place_where_someone_came_to_it(anon, tmp_path):  # noqa: F811
    from therapy_threads.anonymise import evalset as ev
    lines = ["@set rows", "@lang en", "@site rows.example.org", "@post A thread", "@author Writer | w@example.org |",
             "A post about moving countries.",
             "@comment c0 | name=Lincoln Quarrie, email=lq@example.org, parent=",
             "I am [[Lincoln Quarrie]], and I came over at nine to {{Lincoln}} of all places.",
             "@comment c1 | name=Tavro, email=t@example.org, parent=",
             "[[Lincoln]], same, we came to {{Lincoln}} in 1962."]
    p = tmp_path / "rows.tt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sc = ev.measure(ev.load(p), anon, "wxr", tmp_path / "out")
    assert sc.leaked == [] and sc.damaged == [], (sc.leaked, sc.damaged)
