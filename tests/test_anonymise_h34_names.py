"""Name-side kinds of the held-out batches heldout33/heldout34 (Greek forum bylines, Greek names across a
post), each as a small table. Posts run through the real stage (``[[private]]`` must go, ``{{keep}}``
must stay; the first text is the post body, the others comments). All names are synthetic; places are real."""
from __future__ import annotations

import pytest

from _kinds import K, P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, one recognizer)

from therapy_threads.anonymise.recognizers import BylineRecognizer


@pytest.mark.parametrize("lang,text,expected", [
    # the byline board software (Moodle's "by {name} - {date}") writes over a post: the weekday is CLDR's
    ("el", "Re: Ψυχολόγος\nαπό Ρηγούλα Φωτιάδου - Τετάρτη, 3 Δεκεμβρίου 2026, 9:14 μμ\nΚαλησπέρα.",
     [("Ρηγούλα Φωτιάδου", P)]),
    ("en", "Re: sleep\nby Tamsin Q. (tutor) - Wednesday, 3 December 2026, 9:14 PM\nHi all.",
     [("Tamsin Q. (tutor)", P)]),  # (a role in lower case in brackets is part of the display name)
    ("de", "von Wiebke Sörensen - Mittwoch, 3. Dezember 2026, 21:14\nHallo.", [("Wiebke Sörensen", P)]),
    # the member's display name with the town it is given with is one name (the town elsewhere stays a place);
    # a name particle does not cut the name
    ("el", "από Λενιώ από Κοζάνη - Πέμπτη, 4 Δεκεμβρίου 2026, 8:20 πμ\nΓεια.", [("Λενιώ από Κοζάνη", P)]),
    ("fr", "par Inès de Pradel - jeudi, 4 décembre 2026, 08:20\nBonsoir.", [("Inès de Pradel", P)]),
    # must not fire: a dash before a word that is no weekday, a date without a byline's weekday
    ("en", "Tom Lane - Senior Editor, 3 titles a year", []),
    ("el", "Η ομάδα - Δεκέμβριος, 3 συναντήσεις", []),
])
def test_forum_byline_names_its_author(lang, text, expected):
    check(BylineRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,texts", [
    # a Greek name the post gives once (a byline, a naming phrase) goes in the post's other texts and case forms
    ("el", ["Re: Ύπνος\nαπό [[Ρηγούλα Φωτιάδου]] - Τετάρτη, 3 Δεκεμβρίου 2026, 9:14 μμ\nΚαλησπέρα στην τάξη.",
            "[[Ρηγούλα]], καλησπέρα. Η [[Ρηγούλα]] έχει δίκιο, τα λέει και η μάνα της [[Ρηγούλας]]."]),
    ("el", ["Με λένε [[Ζαχαρούλα]] και γράφω από τη {{Θεσσαλονίκη}}.",
            "Γεια σου [[Ζαχαρούλα]]! Η [[Ζαχαρούλα]] τα λέει σωστά."]),
    # must keep: a name that is also a word of the language stays that word elsewhere in the post
    ("el", ["Η κόρη μου η [[Ειρήνη]] είναι δεκαπέντε.", "Θέλουμε {{ειρήνη}} στο σπίτι, τίποτα άλλο."]),
])
def test_greek_names_across_the_post(post, lang, texts):
    post(texts, lang)
