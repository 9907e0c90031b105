"""Kinds of failure the held-out batch heldout33 showed (Silesian Polish, Cypriot Greek and Greeklish, Batak
Indonesian, Frisian Dutch, Czech with Vietnamese), each as a small table. Posts run through the real stage
(``[[private]]`` must go, ``[[#contact]]`` must go, ``{{keep}}`` must stay). All names of people, numbers and
addresses are synthetic; places are real."""
from __future__ import annotations

import pytest

from _kinds import anon, figures, measure_rows, post  # noqa: F401  (the stage fixture and the post runner)

from therapy_threads.anonymise.phones import find_all_phones


@pytest.mark.parametrize("lang,text,said", [
    # German digit words inside Polish text (a migrant family's number, said as it was said to them)
    ("pl", "Dzwońcie do niego: null eins fünf zwei, drei acht sieben vier, sechs neun zwei eins. Dziynki.",
     "null eins fünf zwei, drei acht sieben vier, sechs neun zwei eins"),
    # Greek compounds (tens and teens one word each), with and without accents, a Cyprus mobile
    ("el", "Πάρτε με στο ενενήντα εννιά, τριάντα πέντε, δεκαεφτά, σαράντα δύο τζαι μιλούμε.",
     "ενενήντα εννιά, τριάντα πέντε, δεκαεφτά, σαράντα δύο"),
    ("el", "τηλ ενενηντα εξι, πενηντα τρια, εικοσι ενα, μηδεν οχτω ευχαριστω",
     "ενενηντα εξι, πενηντα τρια, εικοσι ενα, μηδεν οχτω"),
    # Frisian digits in Dutch text, in pairs as a Dutch mobile is read
    ("nl", "Belje my mar: nul seis, fjouwer trije, njoggen ien, sân fiif, twa acht. Tige tank.",
     "nul seis, fjouwer trije, njoggen ien, sân fiif, twa acht"),
    # Vietnamese digits with their tone marks in Czech text, a Vietnamese mobile
    ("cs", "Zavolej strýci: không chín một hai, ba bốn năm, sáu bảy tám. Díky.",
     "không chín một hai, ba bốn năm, sáu bảy tám"),
])
def test_h33_phones_in_number_words_of_more_languages(lang, text, said):
    assert [text[s:e] for s, e, _ in find_all_phones(text, (), lang)] == [said]


@pytest.mark.parametrize("lang,text", [
    # numbers that are no phone: ages, years and a count in the same words
    ("el", "Ήμουν δεκαεφτά χρονών, τζαι ο παππούς ήταν σαράντα δύο όταν ήρθε το 1974."),
    ("el", "ένα, δύο, τρία, τέσσερα, πέντε, έξι, επτά, οκτώ: μετρούσαμε τα σκαλιά."),
    ("nl", "Wy hawwe twa bern en trije kij dy't net melke wurde, en ien hûn."),
    ("cs", "Hai năm ở Chebu, ba năm v Praze; to je můj život."),
    ("pl", "Mój fater mówił vier, fünf, sechs kiedy liczył węgiel."),
])
def test_h33_no_phone_in_counts(lang, text):
    assert find_all_phones(text, (), lang) == []


@pytest.mark.parametrize("lang,texts", [
    ("pl", ["Witojcie.", "Numer do niego: [[#null eins fünf zwei, drei acht sieben vier, sechs neun zwei eins]]."]),
    ("el", ["Καλησπέρα.", "Πάρτε στο [[#ενενήντα εννιά, τριάντα πέντε, δεκαεφτά, σαράντα δύο]] το απόγευμα."]),
    ("cs", ["Dobrý den.", "Číslo: [[#không chín một hai, ba bốn năm, sáu bảy tám]], volejte večer."]),
])
def test_h33_spoken_phones_go(post, lang, texts):
    post(texts, lang)


def test_h33_own_site_link_in_body_goes(anon, tmp_path):
    # a link is a contact whoever owns the site: one in the post body to the post's own host goes too, in the
    # export form (which knows the post's host)
    score = measure_rows(anon, tmp_path, [
        "@set rows", "@lang el", "@site radiotest.example.co.uk", "@post Επεισόδιο 12",
        "@author Παραγωγός | p@radiotest.example.co.uk | https://radiotest.example.co.uk",
        "Ακούστε όλη την εκπομπή εδώ: [[#radiotest.example.co.uk/epeisodia/12-test]] τζαι γράψτε μας.",
        "@comment c1 | name=reader1, email=reader1@example.org, parent=", "Ευχαριστούμε για την εκπομπή."], "wxr")
    assert (score.contact_total, score.contact_removed) == (1, 1), figures(score)


@pytest.mark.parametrize("word,form", [
    ("είναι", "einai"), ("μου", "mou"), ("χάλια", "xalia"), ("πάω", "paw"), ("στην", "stin"), ("λέει", "lei"),
    ("θα", "8a"), ("ουρανός", "uranos"),
])
def test_h33_greeklish_forms(word, form):
    from therapy_threads.anonymise.lexicon import greeklish_forms
    assert form in greeklish_forms(word)


@pytest.mark.parametrize("word,ordinary", [
    # Greek's commonest words typed in Latin letters are ordinary words of Greek text ...
    ("einai", True), ("mou", True), ("kala", True), ("mono", True), ("alla", True), ("omada", True),
    # ... a Greek given name in Latin letters is not, nor an English word
    ("androulla", False), ("christakis", False),
])
def test_h33_greeklish_words_of_greek(word, ordinary):
    from therapy_threads.anonymise.lexicon import lexicon
    r = lexicon().lang_rank(word, "el")
    assert (r is not None and r < 3000) is ordinary


@pytest.mark.parametrize("texts", [
    # a comment in Greeklish in lower case: its function words stay, the given names go
    ["Καλησπέρα σε όλους.", "ego eimai o [[lefteris]] apo to {{palmers green}}, ta ellinika mou einai xalia "
                            "alla kala. i giagia mou lei oti mono i ekklisia voithaei."],
])
def test_h33_greeklish_comment(post, texts):
    post(texts, "el", empty=("leaked", "damaged", "overremoved"))


@pytest.mark.parametrize("lang,texts", [
    # a meeting's chat pasted as Zoom saves it: the sender between "From" and "to" goes, the interface words stay
    ("id", ["Ini chat ibadah kemarin:\n19:31:02 From [[Rina Hutauruk]] to Everyone: semangat ya kak\n"
            "19:32:40 From [[Jonggi S.]] to Everyone: aku juga pernah ke psikolog\n19:33:05 From [[Melva]] to "
            "Everyone: amin", "Terima kasih sudah berbagi."]),
    ("nl", ["Uit de chat van de avond:\n20:01:12 From [[Sietske Bouma]] to Everyone: goed dat je dit deelt\n"
            "20:02:30 From [[Hessel]] to Everyone: sterkte", "Mooi stuk."]),
])
def test_h33_zoom_chat_lines(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("text,who", [
    ("19:31:02 From Rina Hutauruk to Everyone: semangat", ["Rina Hutauruk"]),
    ("9:05 From Jonggi to Melva(Direct Message): halo", ["Jonggi"]),
    ("From Rina to Everyone: no time stamp, no saved line", []),
])
def test_h33_zoom_line_shape(text, who):
    from therapy_threads.anonymise.recognizers import _ZOOM_LINE
    assert [m.group("who") for m in _ZOOM_LINE.finditer(text)] == who


@pytest.mark.parametrize("texts", [
    # Batak Toba kin terms said before a name or alone stay; the name after them goes
    ["Horas! Mauliate godang buat doanya.",
     "Tulang [[Marihot]] bilang aku harus sabar. Nantulang diam saja, Namboru juga. Mauliate ito [[Rosmawati]]."],
])
def test_h33_batak_kin_terms(post, texts):
    post(texts, "id", empty=("leaked", "damaged", "overremoved"))


@pytest.mark.parametrize("texts", [
    # Vietnamese full names in Czech text: family name first with a middle name, and the diaspora's order
    # (given names first, the family name with its tone marks last)
    ["Dobrý den všem.", "Na kartičce stojí [[Trần Thị Bích Ngọc]], ale všichni mi říkají jinak."],
    ["Dobrý den všem.", "Souhlasím s paní [[Hạnh Vũ]] i s [[Minh Đức Trương]], psali to dobře."],
    # ... a place with tone marks stays
    ["Dobrý den všem.", "Táta se narodil v {{Hà Nội}} a do Chebu přijel v roce 1990."],
])
def test_h33_vietnamese_names_in_czech(post, texts):
    post(texts, "cs")
