"""Lower-case forum handles and their short forms (issue 11, the lower-case forum set of heldout41): a word of a
handle the post knows (an "@"/"u/" mention in its texts, or a commenter's identity) is its owner where it is used
in a name role (addressed, signing a line, saying something), and the word elsewhere; a "u/" mention keeps the dots
of a forum's user name; a lower-case name a role cue gave is the person as the whole object of "sorry about",
"tell". Synthetic posts in the evaluation format: ``[[private]]`` must go, ``{{keep}}`` must stay."""
from __future__ import annotations

import pytest

from _kinds import anon, post  # noqa: F401  (the stage fixture and the post runner)

from therapy_threads.anonymise.detect import handle_parts
from therapy_threads.anonymise.patterns import find_mentions


@pytest.mark.parametrize("text,found", [
    ("thanks u/chase.the.miles for that", ["u/chase.the.miles"]),
    ("u/kb_77. ok", ["u/kb_77"]),
    ("hi @big_rig_rosie!", ["@big_rig_rosie"]),
])
def test_u_mentions_keep_their_dots(text, found):
    assert [text[s:e] for s, e in find_mentions(text)] == found


def test_parts_of_the_posts_handles():
    parts = handle_parts(["welcome u/diesel_and_decaf", "and @big_rig_rosie too"], {})
    assert parts.get("diesel") == "diesel_and_decaf" and parts.get("rosie") == "big_rig_rosie"
    assert "and" not in parts and "big" not in parts  # common words name no one
    assert handle_parts(["no handles here, diesel prices"], {}) == {}


@pytest.mark.parametrize("texts", [
    # addressed, signing, saying: the handle's word is its owner
    ["ok parked at the truck stop, long night.",
     "u/[[diesel_and_decaf]] welcome. [[diesel]], if dispatch gives you grief, dm me.\n\n— [[mopar_mags]]",
     "hey [[diesel]], same here. {{diesel}} prices are a crisis though.",
     "also [[diesel]], get some sleep"],
    ["night drive again.",
     "@[[midnight_reefer_73]] you said it.",
     "[[reefer]] said the same thing last week. the {{reefer}} noise keeps me up.\n\n— [[reefer]]"],
])
def test_handle_words_in_a_name_role(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    # the same words where nobody's handle holds them, or not in a name role, stay words
    ["ok parked at the truck stop.", "{{diesel}} prices are up again, the {{reefer}} runs all night.",
     "so {{diesel}} is cheaper in texas"],
])
def test_handle_words_as_words(post, texts):
    post(texts)


@pytest.mark.parametrize("texts", [
    ["lost my brother last year.", "my brother [[buck]] drove for 20 yrs. paid a {{buck}} fifty for coffee lol",
     "i'm so sorry about [[buck]]. and sorry about the {{buck}} fifty"],
])
def test_a_named_word_as_the_whole_object(post, texts):
    post(texts)
