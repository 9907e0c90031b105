"""The privacy audit over a build folder: identities, e-mails and URLs fail; names left go to review."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from therapy_threads.anonymise import Anonymiser
from therapy_threads.anonymise.audit import audit_build, write_tokens
from therapy_threads.anonymise.evaluate import heldout_result
from therapy_threads.cli import main
from therapy_threads.errors import PrivacyGateError
from therapy_threads.records import QuarantineRow, ReadResult, public_dict
from therapy_threads.schema import arrow_schema

ROOT = Path(__file__).resolve().parent.parent
KEY = bytes.fromhex("1c9c1b77ec529927004b2fc778acf72a70acb0db9d99d7d14de3c88a5423bb28")  # a random-looking 256-bit test key
HELDOUT = json.loads((ROOT / "tests" / "fixtures" / "heldout_forum.json").read_text(encoding="utf-8"))


def _write_build(d: Path, res: ReadResult, tokens: set[str]) -> Path:
    for table, rows in (("posts", res.posts), ("comments", res.comments), ("quarantine", res.quarantine)):
        schema = arrow_schema(table)
        recs = [{k: v for k, v in public_dict(r).items() if k in schema.names} for r in rows]
        pq.write_table(pa.Table.from_pylist(recs, schema=schema), d / f"{table}.parquet")
    write_tokens(d / "private" / "identity_tokens.txt", tokens)
    return d


def _anonymised(tmp_path: Path, mutate=None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    res = heldout_result(HELDOUT)
    res.quarantine.append(QuarantineRow("heldout", "comment", "orphan_reply", "parent 'c9' is not in the post",
                                        location="https://forum.example/thread#c9", post_id=res.posts[0].post_id))
    report = Anonymiser(KEY).apply(res)
    if mutate:
        mutate(res)
    return _write_build(tmp_path, res, report.identity_tokens)


def test_an_anonymised_build_passes(tmp_path):
    d = _anonymised(tmp_path)
    result = audit_build(d, KEY)
    assert result.passed, result.hits
    doc = json.loads((d / "validation" / "privacy_audit.json").read_text())
    assert doc["passed"] is True and doc["hits_total"] == 0
    assert doc["review"]["fields_reviewed"] == 24  # title + body + 22 comments
    result.raise_for_status()


@pytest.mark.parametrize("leak, kind", [
    ("Thanks DeShawn Price for the reading list.", "identity"),
    ("thanks deshawn, lower case still counts", "identity"),
    ("write to kat at hopeful.kat@example.com", "email"),
    ("my blog: hopefulkat.blogspot.com/about", "url"),
    ("I saw bluejay_2019 posting elsewhere", "identity"),
])
def test_leaks_fail_with_row_ids_and_masked_text_only(tmp_path, leak, kind):
    def mutate(res):
        res.comments[5].text += " " + leak
    d = _anonymised(tmp_path, mutate)
    result = audit_build(d, KEY, ner_review=False)
    assert not result.passed
    assert kind in result.counts
    hit = next(h for h in result.hits if h.kind == kind)
    assert hit.table == "comments" and hit.row_id == heldout_result(HELDOUT).comments[5].comment_id and hit.field == "text"
    report = (d / "validation" / "privacy_audit.json").read_text()
    for raw in ("DeShawn", "deshawn", "hopeful.kat@example.com", "hopefulkat", "bluejay_2019"):
        assert raw not in report
    with pytest.raises(PrivacyGateError) as e:
        result.raise_for_status()
    assert "DeShawn" not in str(e.value) and hit.row_id in str(e.value)


def test_run_together_sentences_are_not_urls(tmp_path):
    def mutate(res):
        res.comments[0].text += " It is hard to feel.Th 2.Do and money.commitment etc. e.g. i.e. fine."
    assert audit_build(_anonymised(tmp_path, mutate), KEY, ner_review=False).passed


def test_common_word_names_are_review_not_failure(tmp_path):
    base = audit_build(_anonymised(tmp_path / "a"), KEY, ner_review=False)
    assert base.review["counts"]["identity_soft"] == 2  # "Good Will Hunting" twice: a film, kept

    def mutate(res):  # "Hope" is a commenter; "hope" is an ordinary word
        res.comments[0].text += " I hope so. And Hope agreed."
    result = audit_build(_anonymised(tmp_path / "b", mutate), KEY, ner_review=False)
    assert result.passed
    assert result.review["counts"]["identity_soft"] == 3


def test_names_the_model_still_finds_are_listed_for_review(tmp_path):
    def mutate(res):
        res.comments[0].text += " My sister Margarethe Oyelaran-Whitfield came along."
    result = audit_build(_anonymised(tmp_path, mutate), KEY)
    assert result.passed
    counts = result.review["counts"]
    assert counts.get("rule_person", 0) + counts.get("ner_person", 0) >= 1
    assert "Margarethe" not in (tmp_path / "validation" / "privacy_audit.json").read_text()


def test_missing_token_file_fails(tmp_path):
    d = _anonymised(tmp_path)
    (d / "private" / "identity_tokens.txt").unlink()
    result = audit_build(d, KEY, ner_review=False)
    assert not result.passed and result.counts == {"setup": 1}


def test_a_different_key_cannot_check_tokens(tmp_path):
    def mutate(res):
        res.comments[0].text += " Thanks DeShawn Price."
    d = _anonymised(tmp_path, mutate)
    assert not audit_build(d, KEY, ner_review=False).passed
    assert audit_build(d, bytes.fromhex("0164fe0e6abfac5e7eab615142cb5f8b6d1aa4a5dae72fed060facc24c2eb0ee"), ner_review=False).counts.get("identity", 0) == 0


def test_audit_command_exit_codes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THERAPY_THREADS_KEY", KEY.hex())
    d = _anonymised(tmp_path)
    assert main(["audit", str(d), "--no-ner"]) == 0
    assert "PASSED" in capsys.readouterr().out

    def mutate(res):
        res.comments[1].text += " mail deshawn.price@gmail.com"
    d2 = _anonymised(tmp_path / "b", mutate)
    assert main(["audit", str(d2), "--no-ner"]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "deshawn" not in out and "d*******" in out


def test_word_like_names_are_checked_within_their_source_only(tmp_path):
    """'Jordan' the commenter on one blog must not fail every mention of the country elsewhere."""
    from therapy_threads import ids
    from therapy_threads.records import Comment, Identity, Post

    def source(sid: str, comments: list[tuple[Identity | None, str]]) -> ReadResult:
        pid = ids.post_id(sid, "p")
        post = Post(post_id=pid, source_id=sid, source_format="wordpress_html", title="T", body="B.",
                    content_sha256="0" * 64, source_key="p")
        res = ReadResult(sid, "wordpress_html", posts=[post])
        for i, (ident, text) in enumerate(comments):
            res.comments.append(Comment(comment_id=ids.comment_id(pid, str(i)), post_id=pid, source_id=sid,
                                        position=i, text=text, source_key=str(i), identity=ident))
        return res

    an = Anonymiser(KEY)
    a = source("blog-a", [(Identity(name="Jordan"), "I live in the north.")])
    b = source("blog-b", [(None, "We moved to Amman, the capital of Jordan, in 2019.")])
    tokens = an.apply(a).identity_tokens | an.apply(b).identity_tokens
    merged = ReadResult("all", "wordpress_html", posts=a.posts + b.posts, comments=a.comments + b.comments)
    assert audit_build(_write_build(tmp_path, merged, tokens), KEY, ner_review=False).passed
    b.comments[0].text += " Jordan"  # now also a leak inside blog-a? no: still blog-b
    a.comments[0].text += " Say hi to Jordan for me."  # the same word inside the commenter's own source
    merged = ReadResult("all", "wordpress_html", posts=a.posts + b.posts, comments=a.comments + b.comments)
    result = audit_build(_write_build(tmp_path, merged, tokens), KEY, ner_review=False)
    assert not result.passed and {h.row_id for h in result.hits} == {a.comments[0].comment_id}


def test_the_text_audit_finds_a_phone_number_said_in_words():
    from therapy_threads.anonymise.audit import TextAudit

    audit = TextAudit(b"k" * 32, {})
    hits, _ = audit.check("ring me: four one five, five five five, oh one nine three", table="comments",
                          row_id="c1", field="text")
    assert [h.kind for h in hits] == ["phone"]
    hits, _ = audit.check("one two three four five six seven eight nine ten, counting sheep", table="comments",
                          row_id="c1", field="text")
    assert hits == []



@pytest.mark.parametrize("text,phones", [
    ("call me on plus one, four one six, five five five, oh one four two", 1),
    ("Ffoniwch: plus four four, two nine, two oh one eight, oh three four five. Diolch", 1),
    ("ring +44 one one three dash four nine six dash oh nine eight seven", 1),
    ("four one six - five five five - oh one four two", 1),
    ("one, two, three steps, then five, six years ago, plus one, two, three more", 0),
])
def test_the_text_audit_finds_said_numbers_in_groups(text, phones):
    from therapy_threads.anonymise.audit import TextAudit

    hits, _ = TextAudit(b"k" * 32, {}).check(text, table="comments", row_id="c1", field="text")
    assert [h.kind for h in hits] == ["phone"] * phones


@pytest.mark.parametrize("text,lang,n", [
    ("ring me on (808) 555-0143 after work", "en", 1),  # no UK freephone without its "0"
    ("My number is 0803 555 0142, call any time", "en", 1),  # Nigeria: a country where English is official
    ("mail her, gia.f chiocciola example punto it. Or the studio, 080 523 4471.", "en", 1),  # an address's country
    ("liga para (81) 99555-0142 amanhã", "pt", 1),  # the language cue table's countries
    ("the helpline is 0808 555 0143, free from any phone", "en", 0),
    ("ISBN 0306406152 and 978-0-306-40615-7", "en", 0),
    # written out in number words of the text's language
    ("Mon GSM : zéro quatre septante et un, nonante-neuf, huitante-huit, septante-sept.", "fr", 1),
    ("me chama no onze, nove oito sete, meia cinco, quatro três, dois um", "pt", 1),
    ("Bel gerust: nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig.", "nl", 1),
    ("Hij was toen zeven of acht jaar, zij negen, tien, elf.", "nl", 0),
])
def test_the_text_audit_and_the_anonymiser_find_the_same_phone_numbers(text, lang, n):
    from therapy_threads.anonymise.audit import TextAudit
    from therapy_threads.anonymise.detect import Cues, TextContext, build_context
    from therapy_threads.anonymise.lexicon import lexicon
    from therapy_threads.anonymise.multilingual import LanguagePhoneRecognizer
    from therapy_threads.anonymise.policy import Policy
    from therapy_threads.anonymise.recognizers import PhoneRecognizer

    cues = Cues(Policy.load(None), lexicon())
    t = TextContext(text, build_context([text], {}, "myblog.example.org"), "comment", lang, bytearray(len(text)))
    removed = sorted({(s.start, s.end) for cls in (PhoneRecognizer, LanguagePhoneRecognizer)
                      if cls(cues).supports(lang) for s in cls(cues).analyze(t)})
    hits, _ = TextAudit(b"k" * 32, {}).check(text, table="comments", row_id="c1", field="text", lang=lang)
    assert len([h for h in hits if h.kind == "phone"]) == len(removed) == n


def _with_removed(res):
    # comment 1 (by hopeful_kat) deleted on the platform: no text, identity as the export gives it
    res.comments[1].removed, res.comments[1].text = True, ""
    return res


def test_a_removed_comment_keeps_its_pseudonym_and_its_name_is_still_replaced_in_replies(tmp_path):
    res = _with_removed(heldout_result(HELDOUT))
    assert "hopeful_kat" in res.comments[2].text
    report = Anonymiser(KEY).apply(res)
    gone, reply = res.comments[1], res.comments[2]
    assert (gone.text, gone.removed, gone.identity) == ("", True, None)
    assert gone.author_pseudonym and gone.author_pseudonym.startswith("u_")
    # the reply's "@hopeful_kat" is known from the removed comment's identity: replaced
    assert "hopeful_kat" not in reply.text and "kat" not in reply.text.lower()
    d = _write_build(tmp_path, res, report.identity_tokens)
    result = audit_build(d, KEY, ner_review=False)
    assert result.passed, result.hits


def test_words_on_a_removed_comment_fail_the_audit(tmp_path):
    res = _with_removed(heldout_result(HELDOUT))
    report = Anonymiser(KEY).apply(res)
    res.comments[1].text = "Words that were withdrawn on the platform."
    d = _write_build(tmp_path, res, report.identity_tokens)
    result = audit_build(d, KEY, ner_review=False)
    assert not result.passed and result.counts == {"removed_text": 1}
    (hit,) = result.hits
    assert (hit.kind, hit.table, hit.row_id, hit.field, hit.masked) == (
        "removed_text", "comments", res.comments[1].comment_id, "text", "W********")
    assert "withdrawn" not in (d / "validation" / "privacy_audit.json").read_text()
