"""Names in text of the kinds issue 11's word-name round fixed (helper i11-wordnames), each kind a small table of
synthetic text: Malay and Malaysian/Singaporean Indian names with their patronymic link, given names that are
ordinary words in a person's role (and the same words kept where they are words), two-word names made of words.
``check`` runs one recognizer on one text; ``post`` runs a labelled post through the real stage (``[[private]]``
must go, ``{{keep}}`` must stay)."""
from __future__ import annotations

import pytest

from _kinds import K, P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, one recognizer)

from therapy_threads.anonymise.recognizers import EnglishNameRecognizer, NationalityRecognizer, OrganisationRecognizer, PatronymicNameRecognizer, TitlePhraseRecognizer


@pytest.mark.parametrize("text,expected", [
    # the names on both sides of the link are one person's
    ("On my IC it says Siti Nuraini binti Hamzah, nobody calls me that.", [("Siti Nuraini binti Hamzah", P)]),
    ("my cousin Arumugam s/o Pillai drove", [("Arumugam s/o Pillai", P)]),
    ("The letter was for Deepa d/o Krishnan and her mother.", [("Deepa d/o Krishnan", P)]),
    ("I met Hafiz bin Abdul Karim at the clinic.", [("Hafiz bin Abdul Karim", P)]),
    ("Registered as Meena a/p Subramaniam's daughter", [("Meena a/p Subramaniam", P)]),
    # a possessive ends the name; a greeting before it is no part of it
    ("Thanks Zulaikha binte Osman for the tip", [("Zulaikha binte Osman", P)]),
    # must not fire: "bin" the English noun, a link with no capitalised name after it
    ("Put the Recycling bin Monday night.", []),
    ("it went in the bin Tuesday", []),
    ("she is my d/o and the rest", []),
])
def test_patronymic_link_joins_the_name(text, expected):
    check(PatronymicNameRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    ["Hello all.", "hi [[Joy]]. Nurul here, [[Nurul Aisyah binti Rahman]] if my mak is angry."],
    ["Hello all.", "on my IC i'm [[Kavitha d/o Ramasamy]], my amma calls me Kavi."],
])
def test_patronymic_names_in_a_post(post, texts):
    post(texts)


@pytest.mark.parametrize("text,expected", [
    # a given name and a surname of the names data, both words, in a person's role: no title
    ("Her name is Dawn Wood and she does IFS.", []),
    ("a guy named Frank Young over in Kenosha", []),
    ("It took a new counselor, Rose Love (real name, I promise), to help.", []),
    ("my current therapist in Asheville, Art Church, has been the best", []),
    ("At the funeral Holly Frost said nothing.", []),
    # titles of works made of the same kind of words stay titles
    ("I cried at the end of Good Will Hunting again.", [("Good Will Hunting", K)]),
    ("Then we played Amazing Grace on the kazoo.", [("Amazing Grace", K)]),
    ("I still love Summer Holiday and its songs.", [("Summer Holiday", K)]),
])
def test_two_word_name_in_role_is_no_title(text, expected):
    check(TitlePhraseRecognizer, text, expected)


@pytest.mark.parametrize("text,expected", [
    ("I'm a man called Pat Church, which has caused trouble.", []),
    ("My sister Summer Church sends her love.", []),
    # an organisation named with the same words stays one
    ("We sang at Hope Church on Sunday.", [("Hope Church", K)]),
    ("She was born at Grace Hospital in the end.", [("Grace Hospital", K)]),
])
def test_two_word_name_in_role_is_no_organisation(text, expected):
    check(OrganisationRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    ["Update.", "It took a year and a new counselor, [[Rose Love]] (real name, I promise), to even be mad."],
    ["Update.", "her name is [[Dawn Wood]] and she does {{IFS}}, which I doubted"],
    ["Update.", "She was in love with her therapist, a guy named [[Frank Young]] over in {{Kenosha}}."],
    ["Update.", "Hello from {{Belfast}}. I'm a man called [[Pat Church]], which has caused me trouble."],
    ["Update.", "My current therapist in {{Asheville}}, [[Art Church]], has been the best thing for me."],
    # the words stay where they are words or titles
    ["Update.", "I watched {{Good Will Hunting}} and sang {{Amazing Grace}} at {{Hope Church}} on {{Sunday}}."],
])
def test_two_word_names_in_a_post(post, texts):
    post(texts)


@pytest.mark.parametrize("text,expected", [
    # a nationality or language word that is the surname of a name in a person's role is no people's word
    ("my friend Amy English told me so", []),
    ("my current therapist in Asheville, Art Church, has been great", []),
    # the words stay where they name a people or a language
    ("She is English and speaks French.", [("English", K), ("French", K)]),
    ("Amy speaks English at home.", [("English", K)]),
])
def test_surname_that_is_a_nationality_word(text, expected):
    check(NationalityRecognizer, text, expected)


@pytest.mark.parametrize("lang,texts", [
    # a reply under the site's byline line answers the name that opens its second line (Czech vocatives)
    ("cs", ["Ahoj všichni.", "[[Věra Nováková]] · 1 000 Kč · před 28 dny\n[[Lucko]], jsem tvoje teta [[Věra]] z {{Havířova}}."]),
    ("cs", ["Ahoj všichni.", "[[Marta Benešová]] · 100 Kč · před 3 dny\n[[Petře]], díky za všechno."]),
    # under a byline only a given name opens the reply as the one it answers, not the site's words
    ("cs", ["Ahoj všichni.", "[[Lucie S.]] · Aktualita od organizátorky · před 9 dny\n{{Aktualita}}: sbírka končí."]),
])
def test_reply_opening_after_a_byline(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("text,expected", [
    # a given name that is also a word, alone after the text's last sentence: the writer signing
    ("Sending love your way. Take it one Thursday at a time. Dawn", [("Dawn", P)]),
    ("Two weeks' notice and a list of names. I'm so sorry. Jade", [("Jade", P)]),
    ("That helped me more than anything! Rusty.", [("Rusty", P)]),
    # a closing or a word inside the last sentence is no signature
    ("Thank you all for reading. Peace", []),
    ("Thank you all for reading. Blessings", []),
    ("We finally left at dawn", []),
])
def test_word_name_signing_after_the_last_sentence(text, expected):
    check(EnglishNameRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    ["Update.", "Sending {{grace}} your way. Take it one {{Thursday}} at a time. [[Dawn]]"],
    ["Update.", "Thank you all, the {{hope}} is real. {{Peace}}"],
])
def test_word_name_signatures_in_a_post(post, texts):
    post(texts)
