"""Name signals of the held-out batches heldout35/heldout36, each kind as a small table (synthetic names, real places):
a byline's line shape names its poster (and only there is "by X" no authorship), display names given with where the
poster is from, surname-first capitals on documents, inflected and vocative forms. ``check`` runs one recognizer on
one text; ``post`` runs a labelled post through the real stage (``[[private]]`` must go, ``{{keep}}`` must stay)."""
from __future__ import annotations

import pytest

from _kinds import K, P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, one recognizer)

from therapy_threads.anonymise.recognizers import BylineRecognizer, MentionRecognizer


@pytest.mark.parametrize("lang,text,expected", [
    # the line over a post: "by" after a counter or one word for the post, then the site's counters, dates or role
    ("en", "message 7: by Orla Brennan · 12 likes\nGreat review.", [("Orla Brennan", P)]),
    ("en", "message 3: by Tamsin W. (author) · 2 likes (edited)", [("Tamsin W. (author)", P)]),
    ("en", "message 5: by Tamsin W. (Moderator) · 2 likes", [("Tamsin W.", P)]),  # (a badge with capitals stays out)
    ("en", "Posted by purl_and_ponder · 4 Dec 2026 · ♥ 17", [("purl_and_ponder", P)]),
    ("de", "Antwort von Fridolin Aebi · 01.12.2026, 08:10 · ★ Hilfreichste Antwort", [("Fridolin Aebi", P)]),
    ("de", "Kommentar von Zora_77 (Fragesteller/in)\nDanke euch.", [("Zora_77", P)]),
    ("de", "Kommentar von Ottilie K.\nDas stimmt.", [("Ottilie K.", P)]),  # a comment's first line: its poster
    ("nl", "Reactie van Wendelien · 3 dagen geleden", [("Wendelien", P)]),
    # the name opens the line and the site's counters follow a bullet
    ("it", "Pinuccia_Fano · 3 g", [("Pinuccia_Fano", P)]),
    ("pl", "tosia_z_mokotowa (OP) · 3 dni temu · +41", [("tosia_z_mokotowa", P)]),
    ("pt", "Rosalba Quintela · 2º · Enfermeira", [("Rosalba Quintela", P)]),
    # display names given with where the poster is from are one name (kind 2)
    ("de", "Antwort von Resli aus Brugg · 02.12.2026, 10:02", [("Resli aus Brugg", P)]),
    ("nl", "★★★★☆ Griet uit Tielt · cliënt van de praktijk · 1 jaar geleden", [("Griet uit Tielt", P)]),
    ("it", "Nives da Urbino · 4 h", [("Nives da Urbino", P)]),
    # must not fire: a work's author, a credit alone on a line, the site's own furniture, a place
    ("en", "I finally read a book by Irvin Yalom · 5 stars from me", []),
    ("en", "Love's Executioner by Irvin Yalom · 4 likes", []),
    ("en", "By Philippa Perry\nWhat follows is her column.", []),
    ("en", "Thanks for the tip · 3 likes", []),
    ("pt", "Gostei · Responder · 87 reações", []),
    ("nl", "Afspraak 9 · Bejegening 10 · Behandeling 8", []),
    ("nl", "Reactie van de zorgaanbieder · 2 weken geleden", []),
    ("en", "in Leeds · 3 Dec 2026", []),
    ("en", "Hazel Ward - Senior Editor, 3 titles a year", []),
])
def test_byline_line_shape_names_its_poster(lang, text, expected):
    check(BylineRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,texts", [
    # the byline's "by X" is a poster, not an author: the name goes in the byline and where the thread uses it
    ("en", ["My review of {{Love's Executioner}} by {{Irvin Yalom}}. Four stars.",
            "message 1: by [[Orla Brennan]] · 14 likes\nI read it on the train.",
            "message 2: by [[Tamsin W.]] (author) · 3 likes\n[[Orla]], same, I cried on the bus."]),
    # the author of a book in the same thread stays an author
    ("en", ["Reading group notes.",
            "message 1: by [[Niamh Corrigan]] · 2 likes\nTry {{The Gift of Therapy}} by {{Irvin Yalom}}, it helped me."]),
])
def test_byline_poster_is_no_author(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # surname first, all in capitals, then given names the lists know: receipts, cards, insurers' letters
    ("it", ["La ricevuta dice ancora [[FERRANTE CHIARA]] e la data di ottobre."]),
    ("en", ['The clinic card says "[[KULKARNI ANIKET]], M, 34" in blue ink.']),
    ("es", ["En la constancia aparece [[OCHOA BETANCOURT LUISA FERNANDA]] con otro folio."]),
    ("en", ["The insurer wrote to [[HALVORSEN MARGARET J]] about the claim."]),
    # the comma form with a surname no list holds, or a given name no list holds before a middle initial
    ("en", ["The letter was addressed to [[GRIBBLETHWAITE, Doreen Ann]] at the old flat."]),
    ("en", ["The referral said [[HUGHES, Angharadwen T.]] and nothing else."]),
    # must keep: acronyms and words in capitals before a name are no official form
    ("en", ["The {{NHS}} and [[Maria]] both said the same thing.", "I LOVE [[Maria]] so much for this."]),
])
def test_official_names_all_in_capitals(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,text,expected", [
    # an @mention of a given name with where the poster is from: the display name, whole
    ("de", "@Resli aus Brugg danke dir, das hilft.", [("Resli aus Brugg", P)]),
    ("en", "@Orla in Galway that's it exactly.", [("Orla in Galway", P)]),
    ("nl", "@Griet uit Tielt dank je wel", [("Griet uit Tielt", P)]),
    # must not take more: a second name, a sentence going on in lower case, a handle that is no given name
    ("en", "@Orla and Declan both said so", [("Orla", P)]),
    ("en", "@Orla thanks so much", [("Orla", P)]),
    ("en", "@woolly_jo in Leeds it rains", [("woolly_jo", P)]),
])
def test_mention_of_a_display_name_with_its_place(lang, text, expected):
    check(MentionRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,texts", [
    # a display name given in a byline is the whole name where an @mention uses it ("Fermo" is also a town)
    ("it", ["Rivisto ieri sera.", "[[Ottavio Fermo]] · 1 g\nBellissimo film.", "@[[Ottavio Fermo]] anche per me."]),
    # the place inside a display name stays a place elsewhere in the post
    ("it", ["Rivisto ieri sera.", "[[Nives da Urbino]] · 2 g\nBellissimo film.",
            "Domani in macchina fino a {{Urbino}} e poi a casa."]),
])
def test_mention_of_a_byline_display_name(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # a form of address and a name quoted whole is a work's title only in the nominative ("„Pan Tadeusz”"); with the
    # name in the vocative it is how someone is addressed
    ("pl", ['Terapeutka mówi do mnie "[[pani Halino]]" i wtedy zawsze płaczę.',
            'W szkole czytaliśmy „{{Pan Tadeusz}}” i nic z tego nie pamiętam.']),
    ("pl", ['A on na to: "[[panie Tomaszu]]", i tyle było rozmowy.']),
])
def test_quoted_vocative_is_someone_addressed(post, lang, texts):
    post(texts, lang)
