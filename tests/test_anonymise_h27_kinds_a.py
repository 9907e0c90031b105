"""Kinds of failure the held-out batch heldout27 showed in its French (Réunion), Spanish (València) and Indonesian
(Yogyakarta) sets, each as a small table. Posts run through the real stage (``[[private]]`` must go, ``{{keep}}`` must
stay); single recognizers as text -> spans. All names of people are synthetic; places are real."""
from __future__ import annotations

import pytest

from _kinds import K, P, anon, check, post  # noqa: F401  (the stage fixture and the post runner)

from therapy_threads.anonymise.multilingual import HeadedNameRecognizer, SurnameFirstListRecognizer
from therapy_threads.anonymise.patterns import find_contacts


@pytest.mark.parametrize("lang,texts", [
    # French kin words said before a given name without a possessive, as forms of address
    ("fr", ["Bonjour à tous.", "Ma cousine vient avec tatie [[Lourdine]] et tonton [[Véramé]] ce soir."]),
    # Spanish colloquial forms of address before a name, quoted too ("la «seño X»"): no work's title
    ("es", ["Hola a todos.", "Mi hijo dice que la «seño [[Brunilda]]» le enseñó a contar."]),
    # an Iberian second surname after a particle surname
    ("es", ["Hola a todos.", "Mi psicólogo, Dr. [[Anselmo de la Vega Tormo]], me ayudó mucho."]),
    # surnames announced, even where the gazetteer has the word as a town
    ("es", ["Hola a todos.", "Me llamo [[Zoraida]] y mi marido se apellida [[Alzira]], como el pueblo."]),
    # Spanish regional diminutives, added after a last consonant too
    ("es", ["Hola a todos.", "En el bar del pueblo, el de la [[Pilarín]], se habla de todo."]),
    # French pet names made by saying a syllable twice
    ("fr", ["Bonjour à tous.", "Mon mari Marcel (alias [[Cécel]]) ne parlait plus. Merci à [[Doudou]] aussi."]),
    # in lower-case text, a capital after a naming phrase or a form of address is the name even where it is a word
    ("id", ["halo semua, makasih udah baca ya.", "iya namaku [[Bagus]] tapi hidupku lagi ora {{bagus}}. makasih mas "
            "[[Bagus]] udah nanya."]),
])
def test_h27_private_kinds(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,texts", [
    # a body named after a person: a capitalised head and title, or "in" the title with an article
    ("id", ["halo semua, makasih udah baca ya.", "aku residen psikiatri di {{RSUP Dr. Sardjito}} sekarang."]),
    ("es", ["Hola a todos.", "Mi madre estuvo ingresada en el {{Doctor Peset}} esos días."]),
    # a named storm: the head names it, and the post's other texts that say it alone mean it too
    ("fr", ["Papa n'est plus le même depuis le cyclone {{Garance}} en février.", "Courage, depuis {{Garance}} ici aussi."]),
    # but a saint's name is everyone's so named: the person stays a person elsewhere in the post
    ("fr", ["Bonjour à tous.", "Salut la compagnie. [[Gaëtan]], 38 ans, {{Delémont}}. Je vois une psy depuis mars.",
            "Et {{saint Gaëtan}}, c'est aussi le patron de la paroisse."]),
    # a hospital by its French acronym
    ("fr", ["Bonjour à tous.", "Elle travaille au {{CHU Félix-Guyon}} depuis dix ans."]),
    # in lower case a national given name the language's dictionary has as a word is the word
    ("id", ["halo semua, makasih udah baca ya.", "aku [[Bintang]], anak baru. kata orang mataku kayak {{bintang}}."]),
])
def test_h27_keep_kinds(post, lang, texts):
    post(texts, lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("es", "En la lista salgo así, «Ferrandis Climent, Rosalía — tesorera 2003».",
     [("Ferrandis Climent, Rosalía", P)]),
])
def test_h27_surname_first_entry_with_a_role(lang, text, expected):
    check(SurnameFirstListRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("es", "Estuvo en el Hospital Doctor Peset ayer.", [("Hospital Doctor Peset", K)]),
    # a lower-case head before a title: the person at the hospital
    ("it", "In ospedale dr. Rossini mi ha visitato.", []),
])
def test_h27_headed_body_named_after_a_person(lang, text, expected):
    check(HeadedNameRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("text,found", [
    # the Indonesian spoken "et" for "@", beside "titik"
    ("email ke wulan titik sari et example titik id ya", "wulan titik sari et example titik id"),
    # French "et" is "and": no address without "titik"
    ("Marie et Paul sont venus", None),
])
def test_h27_spoken_at_words(text, found):
    emails, _urls, written, _wurls = find_contacts(text)
    got = [text[s:e] for s, e in written]
    assert got == ([found] if found else []), got


def test_h27_post_language_from_its_comments():
    """A post the detector is unsure of takes its best guess when most of its comments are in that language."""
    from types import SimpleNamespace as NS

    from therapy_threads import language

    post = NS(post_id="p1", title="utas", body="halo lur. aku anak sipil, ngekos di Pogung. ora bisa turu blas, skripsi "
              "durung kelar.", language=None)
    comments = [NS(post_id="p1", text=text, language=None) for text in (
        "makasih udah cerita ya, semoga cepat lulus dan tetap semangat terus.",
        "aku juga pernah begitu, akhirnya daftar konseling di kampus dan sangat membantu.",
        "semangat ya, kamu tidak sendirian di sini, banyak yang mengalami hal yang sama.")]
    assert language.detect(f"{post.title}\n\n{post.body}") is None  # unsure on its own
    language.detect_languages(NS(posts=[post], comments=comments))
    assert [c.language for c in comments] == ["id"] * 3
    assert post.language == "id"
    # alone, with no comments to agree, it stays undetected
    lone = NS(post_id="p2", title=post.title, body=post.body, language=None)
    language.detect_languages(NS(posts=[lone], comments=[]))
    assert lone.language is None
