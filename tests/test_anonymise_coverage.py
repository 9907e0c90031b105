"""Failing closed for languages the name recognizers do not cover (therapy_threads.anonymise.coverage)."""
from __future__ import annotations

import pytest

from therapy_threads import ids
from therapy_threads.anonymise import Anonymiser, Policy
from therapy_threads.anonymise.coverage import REASON, covered_languages, fail_closed
from therapy_threads.anonymise.recognizers import recognizer_classes
from therapy_threads.errors import UserError
from therapy_threads.records import Comment, Post, ReadResult

KEY = bytes.fromhex("3a6f0c2d9b8e41f7a5c3d2e1f0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1")  # random-looking test key


def _thread(langs: list[tuple[str | None, str | None]], post_lang: str | None = "en") -> ReadResult:
    """A post and comments given as (language, parent source key)."""
    pid = ids.post_id("t", "p")
    post = Post(post_id=pid, source_id="t", source_format="wordpress_html", title="A title", body="A body.",
                content_sha256="0" * 64, source_key="p", language=post_lang)
    res = ReadResult("t", "wordpress_html", posts=[post])
    for i, (lang, parent) in enumerate(langs):
        res.comments.append(Comment(comment_id=ids.comment_id(pid, str(i)), post_id=pid, source_id="t", position=i,
                                    text=f"Comment number {i} about therapy.", source_key=str(i), parent_key=parent,
                                    language=lang))
    return res


class _Rec:
    def __init__(self, signal, languages):
        self.signal, self.languages = signal, languages


@pytest.mark.parametrize("recs, expected", [
    # (Tagalog and Irish are covered with English: Taglish, and Irish switching with Irish English, are read with
    # the English rules, regional_phrases.toml's code_mixed)
    ([_Rec("cue", {"en", "de"}), _Rec("names", {"en"})], {"en", "tl", "ga"}),
    ([_Rec("cue", {"en"}), _Rec("names", {"en"}), _Rec("names", {"de", "lb"}), _Rec("cue", {"de"})], {"en", "de", "tl", "ga"}),
    ([_Rec("cue", {"de"}), _Rec("names", {"de"})], {"de"}),
    ([_Rec("cue", None), _Rec("names", None)], set()),  # "any language" recognizers cover nothing by themselves
    ([_Rec("", {"fr"}), _Rec("names", {"fr"})], set()),  # no cue-phrase recognizer for French
])
def test_covered_languages_need_every_required_signal(recs, expected):
    assert covered_languages(recs) == frozenset(expected)


def test_the_default_recognizers_cover_english_and_german_at_least():
    cov = covered_languages(recognizer_classes())
    assert {"en", "de"} <= cov
    assert "hu" not in cov and "lb" not in cov  # Luxembourgish has a name lexicon but no cue phrases


def test_comments_in_uncovered_languages_are_quarantined_with_their_replies():
    # 0 en, 1 hu, 2 en reply to 1, 3 no language (read as the post's), 4 hu reply to 0
    res = _thread([("en", None), ("hu", None), ("en", "1"), (None, None), ("hu", "0")])
    rep = Anonymiser(KEY).apply(res)
    assert [c.source_key for c in res.comments] == ["0", "3"]
    assert sorted(q.reason for q in res.quarantine) == sorted([REASON, REASON, "parent_quarantined"])
    assert len(res.comments) + len(res.quarantine) == 5  # every comment published or quarantined
    assert rep.counts["language_not_covered_quarantined"] == 2
    assert rep.counts["language_not_covered_replies_quarantined"] == 1
    assert res.posts[0].extracted_comment_count == 2
    assert all(q.detail and "hu" in q.detail for q in res.quarantine if q.reason == REASON)


def test_a_post_in_an_uncovered_language_goes_with_all_its_comments():
    res = _thread([("en", None), (None, None)], post_lang="hu")
    rep = Anonymiser(KEY).apply(res)
    assert res.posts == [] and res.comments == []
    assert sorted(q.reason for q in res.quarantine) == sorted([REASON, "post_quarantined", "post_quarantined"])
    assert rep.counts["language_not_covered_quarantined_posts"] == 1


def test_covered_and_undetected_languages_are_published():
    res = _thread([("en", None), ("de", None), (None, None)], post_lang=None)
    Anonymiser(KEY).apply(res)
    assert len(res.comments) == 3 and res.quarantine == []


def test_catalan_comments_and_posts_are_covered_and_published():
    assert "ca" in covered_languages(recognizer_classes())
    res = _thread([("ca", None), ("es", "0"), (None, None)], post_lang="ca")
    rep = Anonymiser(KEY).apply(res)
    assert len(res.comments) == 3 and res.quarantine == []
    assert rep.counts.get("language_not_covered_quarantined", 0) == 0


def test_publish_is_an_explicit_opt_in_and_is_counted(tmp_path):
    p = tmp_path / "policy.toml"
    p.write_text('[coverage]\nuncovered_languages = "publish"\n')
    res = _thread([("en", None), ("hu", None), ("en", "1")])
    an = Anonymiser(KEY, Policy.load(p))
    rep = an.apply(res)
    assert len(res.comments) == 3 and res.quarantine == []
    assert rep.counts["language_not_covered_published"] == 1
    assert an.fingerprint != Anonymiser(KEY).fingerprint  # cached fragments of the other choice are not reused


@pytest.mark.parametrize("value", ['"publsh"', "true", '""'])
def test_the_coverage_policy_rejects_anything_but_its_two_choices(tmp_path, value):
    p = tmp_path / "policy.toml"
    p.write_text(f"[coverage]\nuncovered_languages = {value}\n")
    with pytest.raises(UserError, match="uncovered_languages"):
        Policy.load(p)


def test_fail_closed_counts_reconcile_on_a_large_mixed_thread():
    langs = ["en", "de", "hu", None, "pl", "en"]
    spec = [(langs[i % len(langs)], str(i - 1) if i % 3 == 2 else None) for i in range(60)]
    res = _thread(spec)
    counts = fail_closed(res, frozenset({"en", "de"}))
    assert len(res.comments) + len(res.quarantine) == 60
    assert counts["language_not_covered_quarantined"] + counts["language_not_covered_replies_quarantined"] \
        == len(res.quarantine)
    published = {c.source_key for c in res.comments}
    for c in res.comments:  # no published reply points at an unpublished parent
        assert c.parent_key is None or c.parent_key in published


def test_the_build_stage_quarantines_a_hungarian_comment_detected_by_the_language_stage():
    from therapy_threads.language import detect_languages

    res = _thread([("en", None), ("en", None)])
    res.comments[0].text = "I finally told my therapist how much I depend on our sessions, and she listened."
    res.comments[1].text = "Két éve járok a terapeutámhoz, és egész nap rá gondolok, kínos, de ő azt mondja, hogy ez teljesen természetes."
    detect_languages(res)
    assert res.comments[1].language == "hu"
    Anonymiser(KEY).apply(res)
    assert len(res.comments) == 1 and res.quarantine[0].reason == REASON


def test_the_build_report_records_the_choice_and_the_counts(tmp_path):
    from therapy_threads.pipeline import language_coverage

    summaries = [{"anonymised": {"language_not_covered_quarantined": 3, "language_not_covered_replies_quarantined": 1}},
                 {"anonymised": {"language_not_covered_quarantined": 2}}, {"anonymised": {}}]
    doc = language_coverage(summaries)
    assert doc["uncovered_languages"] == "quarantine" and "en" in doc["covered"]
    assert doc["comments_quarantined"] == 5 and doc["replies_quarantined"] == 1
    p = tmp_path / "policy.toml"
    p.write_text('[coverage]\nuncovered_languages = "publish"\n')
    doc = language_coverage([{"anonymised": {"language_not_covered_published": 4}}], str(p))
    assert doc["uncovered_languages"] == "publish" and doc["comments_published_uncovered"] == 4


HUNGARIAN_THREAD = """@set cov
@lang en
@site cov.example.org
@post Telling my therapist how attached I am
@author Ada Synthetic | ada@example.org |
I finally told my therapist how much I depend on our sessions, and she listened without judging.
@comment a1 | name=Bo Synthetic, email=bo@example.org, parent=
That takes courage. I told mine last spring and it changed the whole relationship for the better.
@comment a2 | name=Cy Synthetic, email=cy@example.org, parent=
Két éve járok a terapeutámhoz, és egész nap rá gondolok, kínos, de ő azt mondja, hogy ez teljesen természetes.
@comment a3 | name=Ada Synthetic, email=ada@example.org, parent=a2
Thank you for sharing this, it helps me to read that it is common.
"""


def test_a_build_quarantines_uncovered_comments_and_reports_them(tmp_path):
    """Through the readers and the build's per-source stage, as a maintainer runs it: the Hungarian
    comment and the reply to it are in quarantine.parquet with their reasons, and the report counts them."""
    import pyarrow.parquet as pq

    from helpers_build import pipeline_build
    from therapy_threads.anonymise import evalset as ev

    f = tmp_path / "cov.tt"
    f.write_text(HUNGARIAN_THREAD, encoding="utf-8")
    src = ev.write_sources(ev.load(f), "wxr", tmp_path / "src")
    report = pipeline_build(src, tmp_path / "out")
    q = pq.read_table(tmp_path / "out" / "quarantine.parquet").to_pylist()
    assert sorted(r["reason"] for r in q) == ["language_not_covered", "parent_quarantined"]
    comments = pq.read_table(tmp_path / "out" / "comments.parquet").num_rows
    assert comments + len(q) == 3  # every comment published or quarantined
    cov = report["language_coverage"]
    assert cov["comments_quarantined"] == 1 and cov["replies_quarantined"] == 1
    assert cov["uncovered_languages"] == "quarantine" and "hu" not in cov["covered"]


@pytest.mark.parametrize("text", [
    # a greeting in another script opens an English comment
    "Marta, вітаю щиро. I am Bogdan, in Leeds since 2019, and my therapist there says that leaning on her "
    "for a while is not a weakness. In my family it was the worst thing you could say about a man.",
    # a proverb quoted in another language inside an English comment
    'My grandmother Zofia: "Czego oczy nie widzą, tego sercu nie żal." What the eyes do not see, the heart '
    "does not miss. I never answered her. Now I say it to my counsellor, every Thursday, in the small room.",
])
def test_a_foreign_opening_or_quote_does_not_quarantine_an_english_comment(text):
    from therapy_threads.language import detect_languages

    res = _thread([("en", None)])
    res.posts[0].body = "I have been in therapy for two years now and I want to write about how it feels to depend on it."
    res.comments[0].text = text
    detect_languages(res)
    assert res.comments[0].language in {"uk", "pl"}  # fastText's whole-text answer: the opening decides
    Anonymiser(KEY).apply(res)
    assert len(res.comments) == 1 and res.quarantine == []
    assert res.comments[0].language == "en"  # read again sentence by sentence before quarantine


def test_a_comment_mostly_in_an_uncovered_language_is_still_quarantined_despite_an_english_line():
    from therapy_threads.language import detect_languages

    res = _thread([("en", None)])
    res.posts[0].body = "I have been in therapy for two years now and I want to write about how it feels to depend on it."
    res.comments[0].text = ("Thank you for this post. Két éve járok a terapeutámhoz, és egész nap rá gondolok. "
                            "Kínos, de ő azt mondja, hogy ez teljesen természetes, és idővel elmúlik.")
    detect_languages(res)
    assert res.comments[0].language == "hu"
    Anonymiser(KEY).apply(res)
    assert res.comments == [] and res.quarantine[0].reason == REASON


def test_taglish_detected_as_tagalog_is_covered_and_read_as_english():
    # text the detector places in Tagalog is, on the web, Taglish: read with the English rules and the
    # Tagalog words of regional_phrases.toml (code_mixed), not quarantined; names still go
    assert "tl" in covered_languages(recognizer_classes())
    res = _thread([("tl", None)])
    res.comments[0].text = ("Si Marivic 'to, nurse sa Cebu. Hindi ako makatulog kasi pagod talaga, sabi ni "
                            "Tatay Rolando. Pero ok lang, salamat sa inyo.")
    Anonymiser(KEY).apply(res)
    assert len(res.comments) == 1 and res.quarantine == []
    out = res.comments[0].text
    assert "Marivic" not in out and "Rolando" not in out
    for word in ("Hindi", "Pero", "Tatay", "Cebu", "salamat"):
        assert word in out
    assert res.comments[0].language == "tl"  # the detected language is published as detected
