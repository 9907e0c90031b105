"""Red team of the privacy gate (issues 11 and 13): ways to slip a raw identity past it.

Every name here is invented ("Zorbuk Quillfeather", handle ``quillfeatherworth``); phone numbers
are in the UK drama range (01632 960xxx).
"""
from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers_build import TEST_KEY, make_build, record_verdicts
from therapy_threads.anonymise.audit import audit_build, write_tokens
from therapy_threads.anonymise.identity import fold, token_line, words
from therapy_threads.schema import arrow_schema

HANDLE = "quillfeatherworth"  # class h: not a word, not a name
NAME = "zorbuk"


def _build(root: Path) -> Path:
    b = make_build(root)
    write_tokens(b / "private" / "identity_tokens.txt",
                 {token_line(TEST_KEY, HANDLE, "h", frozenset(), "seed-000"),
                  token_line(TEST_KEY, NAME, "h", frozenset(), "seed-000")})
    record_verdicts(b)
    return b


def _with_comment_text(b: Path, text: str) -> None:
    rows = pq.read_table(b / "comments.parquet").to_pylist()
    rows[0]["text"] = text
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema("comments")), b / "comments.parquet")


# ------------------------------------------------------------------ disguised identities in text

@pytest.mark.parametrize("disguised", [
    "thanks Z\u200borbuk for the list",                    # zero-width space inside the name
    "thanks Zor\u00adbuk for the list",                    # soft hyphen
    "thanks Zorb\u200duk\u2060 for the list",              # zero-width joiner, word joiner
    "thanks \uff3a\uff4f\uff52\uff42\uff55\uff4b for it",  # fullwidth (NFKC)
    "thanks \U0001d419\U0001d428\U0001d42b\U0001d41b\U0001d42e\U0001d424 for it",  # maths bold
    "thanks Z\u043erbuk for the list",                     # Cyrillic o
    "thanks \u0396\u03bfrbuk for it",                       # Greek Zeta and omicron
    "see quillfeather\u200bworth on the forum",
    "see QUILLFE\u0410THERWORTH on the forum",            # Cyrillic capital A
])
def test_a_disguised_identity_in_comment_text_fails_the_audit(tmp_path, disguised):
    b = _build(tmp_path / "b")
    _with_comment_text(b, disguised)
    res = audit_build(b, TEST_KEY, ner_review=False)
    assert ("identity", "text") in {(h.kind, h.field) for h in res.hits}, disguised


@pytest.mark.parametrize("disguised, kind", [
    ("write to zorbuk.q%40quillmail.net for the group", "email"),
    ("his site https%3A%2F%2Fquillmail.net%2Fabout", "url"),
    ("call \uff10\uff11\uff16\uff13\uff12 \uff19\uff16\uff10 \uff11\uff12\uff13 now", "phone"),
    ("write to someone.else (at) quillmail (dot) net for the group", "email"),   # written out
    ("mail pellinore at quillmail dot net if you want", "email"),
])
def test_encoded_addresses_links_and_numbers_fail_the_audit(tmp_path, disguised, kind):
    b = _build(tmp_path / "b")
    _with_comment_text(b, disguised)
    res = audit_build(b, TEST_KEY, ner_review=False)
    assert (kind, "text") in {(h.kind, h.field) for h in res.hits}, disguised


def test_ordinary_non_latin_text_is_left_alone():
    # a Russian or Greek sentence is not turned into Latin look-alikes; only mixed-script words are
    assert fold("Сергей сказал: всё хорошо") == "Сергей сказал: всё хорошо"
    assert fold("Καλημέρα σας") == "Καλημέρα σας"
    assert fold("plain ascii stays, 100% so") == "plain ascii stays, 100% so"
    # both sides of the keyed lookup fold the same way
    assert words("Z\u043erbuk Qu\u200bill") == ["zorbuk", "quill"]


# ------------------------------------------------------------------ the exact bytes let out

def test_a_table_swapped_after_the_gate_and_put_back_before_the_recheck_never_reaches_the_release(
        tmp_path, monkeypatch):
    """The gate passed the build's bytes; publish then reads the tables several times. A table
    replaced for the reads and put back before the final re-hash must not leak: publish reads
    only a copy whose bytes it checked against the verdicts."""
    from therapy_threads.errors import UserError
    from therapy_threads.publish import release as release_mod

    b = _build(tmp_path / "b")
    good = (b / "comments.parquet").read_bytes()
    leaky = tmp_path / "leaky.parquet"
    rows = pq.read_table(b / "comments.parquet").to_pylist()
    rows[0]["text"] = f"thanks {HANDLE}, call 01632 960123"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema("comments")), leaky)
    real_scan, real_write = release_mod.scan_published, release_mod.write_sorted_shards

    def swap(path, table, *a, **kw):
        if table == "comments":
            (b / "comments.parquet").write_bytes(leaky.read_bytes())
        return real_scan(path, table, *a, **kw)

    def put_back(path, table, *a, **kw):
        out = real_write(path, table, *a, **kw)
        if table == "comments":
            (b / "comments.parquet").write_bytes(good)
        return out

    monkeypatch.setattr(release_mod, "scan_published", swap)
    monkeypatch.setattr(release_mod, "write_sorted_shards", put_back)
    try:
        rel = release_mod.publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY).path
    except UserError:
        return  # refused: fine too
    texts = pq.read_table(rel / "data" / "comments-00000-of-00001.parquet").column("text").to_pylist()
    assert not any(HANDLE in (t or "") for t in texts)
    assert not [p for p in (tmp_path / "reg").iterdir() if p.name.startswith(".snapshot")]


# ------------------------------------------------------------------ Parquet column statistics

def _string_stats(path: Path) -> dict[str, set]:
    md = pq.ParquetFile(path).metadata
    out: dict[str, set] = {}
    for g in range(md.num_row_groups):
        for c in range(md.num_columns):
            col = md.row_group(g).column(c)
            st = col.statistics
            if col.physical_type == "BYTE_ARRAY" and st is not None and st.has_min_max:
                out.setdefault(col.path_in_schema, set()).update({st.min, st.max})
    return out


def test_free_text_columns_carry_no_min_max_statistics_and_the_scan_refuses_them(tmp_path):
    """Min/max statistics of a text column are a copy of a cell in the footer, outside the rows:
    the release writes them only for ids, codes and pseudonyms, and the scan checks that."""
    from therapy_threads.publish.card import load_source_notes
    from therapy_threads.publish.release import default_sources_manifest, publish
    from therapy_threads.publish.release_scan import scan_release

    notes = load_source_notes(default_sources_manifest())  # the card a default publish writes

    b = _build(tmp_path / "b")
    rel = publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY).path
    free = {"text", "body", "title", "site", "url", "detail", "location", "published_age", "author"}
    for f in sorted((rel / "data").glob("*.parquet")):
        assert not free & set(_string_stats(f)), f.name
    assert "comment_id" in _string_stats(rel / "data" / "comments-00000-of-00001.parquet")
    assert scan_release(rel, b, TEST_KEY, notes=notes).passed
    # a shard rewritten with statistics on its text (a careless writer): refused
    f = rel / "data" / "comments-00000-of-00001.parquet"
    t = pq.read_table(f)
    pq.write_table(t, f, write_statistics=True)
    hits = scan_release(rel, b, TEST_KEY, notes=notes).hits
    assert {h.kind for h in hits} == {"file"}
    assert any("statistics of the column text" in h.masked for h in hits)


# ------------------------------------------------------------------ the repository's card

def test_the_repo_card_written_by_update_repo_card_is_scanned_too(tmp_path, monkeypatch):
    """--update-repo-card writes DATA_CARD.md from a second rendering of the card (other plot
    paths): those bytes leave too, so they are scanned like the release's README.md."""
    from therapy_threads.errors import PrivacyGateError
    from therapy_threads.publish import release as release_mod

    b = _build(tmp_path / "b")
    real = release_mod.render_body

    def body(ctx):  # a template branch only the repository's card takes
        text = real(ctx)
        return text + f"\nThanks to {HANDLE}\n" if ctx.plots and "docs/data-card" in str(ctx.plots) else text

    monkeypatch.setattr(release_mod, "render_body", body)
    with pytest.raises(PrivacyGateError) as e:
        release_mod.publish(b, "1.0.0", tmp_path / "reg", key=TEST_KEY)
    assert "DATA_CARD.md" in str(e.value) and HANDLE not in str(e.value)
    assert not (tmp_path / "reg" / "v1.0.0").exists()


# ------------------------------------------------------------------ internationalised addresses

def _build_with_identity(root: Path, ident) -> Path:
    from therapy_threads.anonymise.identity import identity_grams
    from therapy_threads.anonymise.lexicon import lexicon

    b = make_build(root)
    grams = identity_grams(ident, lexicon(), frozenset())
    write_tokens(b / "private" / "identity_tokens.txt",
                 {token_line(TEST_KEY, g, cls, langs, "seed-000") for g, (cls, langs) in grams.items()})
    record_verdicts(b)
    return b


@pytest.mark.parametrize("site, written", [
    ("http://xn--zrbuk-jua.net/", "my friend's site z\u00f6rbuk.net has it"),      # punycode -> Unicode
    ("http://z\u00f6rbuk.net/", "the notes at xn--zrbuk-jua.net"),                 # Unicode -> punycode
])
def test_a_commenters_site_written_in_its_other_idna_form_fails_the_audit(tmp_path, site, written):
    from therapy_threads.records import Identity

    b = _build_with_identity(tmp_path / "b", Identity(name=None, url=site))
    rows = pq.read_table(b / "quarantine.parquet").to_pylist()
    rows[0]["location"] = written  # a field without the link check: only the identity check
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema("quarantine")), b / "quarantine.parquet")
    res = audit_build(b, TEST_KEY, ner_review=False)
    assert ("identity", "location") in {(h.kind, h.field) for h in res.hits}, written


def test_an_address_with_an_ideographic_full_stop_fails_the_audit(tmp_path):
    b = _build(tmp_path / "b")
    _with_comment_text(b, "write to someone.else@quillmail\u3002net or quillmail\uff61net")
    kinds = {(h.kind, h.field) for h in audit_build(b, TEST_KEY, ner_review=False).hits}
    assert ("email", "text") in kinds and ("url", "text") in kinds


# ------------------------------------------------------------------ text carried over from the previous release

def test_an_edited_changelog_of_the_previous_release_is_not_carried_into_the_next(tmp_path):
    """The next release repeats the previous releases' changelog entries. A hand edit there (a
    name of a commenter whose source has since gone: no token of this build knows it) would
    pass the scan; the previous changelog is carried over only as its manifest recorded it."""
    from therapy_threads.errors import UserError
    from therapy_threads.publish.release import publish

    b = _build(tmp_path / "b")
    reg = tmp_path / "reg"
    rel = publish(b, "1.0.0", reg, key=TEST_KEY).path
    log = rel / "CHANGELOG.md"
    log.write_text(log.read_text() + "\nThanks to Ostrava Pellinore for the 2019 comments.\n")
    with pytest.raises(UserError) as e:
        publish(b, "1.0.1", reg, key=TEST_KEY)
    assert "CHANGELOG.md" in str(e.value) and "\n" not in str(e.value)
    assert not (reg / "v1.0.1").exists()


# ------------------------------------------------------------------ uploading a registry release later

def test_upload_existing_refuses_a_release_edited_with_its_manifest(tmp_path, monkeypatch, capsys):
    """--upload-existing uploads a release of the registry as its manifest lists it. A card
    edited afterwards, with the manifest's checksum "fixed" to match, must not go out: the
    manifest carries a seal under the build's key that only the gate's publish writes."""
    import json

    from helpers_build import FakeHfApi
    from therapy_threads.cli import main
    from therapy_threads.publish import hub as hub_mod
    from therapy_threads.publish.fsutil import canonical_json, sha256_file

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    api = FakeHfApi(tmp_path / "hub")
    monkeypatch.setattr(hub_mod, "_default_api", lambda token: api)
    b = _build(tmp_path / "b")
    assert main(["publish", "1.0.0", "--build", str(b), "--registry", "reg"]) == 0
    rel = tmp_path / "reg" / "v1.0.0"
    card = rel / "README.md"
    card.write_text(card.read_text() + f"\nWith thanks to {HANDLE}.\n")
    m = json.loads((rel / "manifest.json").read_text())
    for f in m["files"]:
        if f["path"] == "README.md":
            f["sha256"], f["bytes"] = sha256_file(card), card.stat().st_size
    (rel / "manifest.json").write_bytes(canonical_json(m))
    capsys.readouterr()
    assert main(["publish", "1.0.0", "--registry", "reg", "--hub", "owner/tt", "--upload-existing"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "seal" in err and HANDLE not in err
    assert not api.repos.get("owner/tt", {}).get("tags")


# ------------------------------------------------------------------ handle variants

@pytest.mark.parametrize("handle, written", [
    ("QuillFeatherWorth", "I agree with Quill Feather Worth about the boundaries."),
    ("QuillFeatherWorth", "As Quill-Feather-Worth said, it takes time."),
])
def test_a_camel_case_handle_written_as_words_fails_the_audit(tmp_path, handle, written):
    """A handle run together from ordinary words, written back split ("Quill Feather Worth"):
    the split form is a token, and the audit must walk the text to find it."""
    from therapy_threads.records import Identity

    b = _build_with_identity(tmp_path / "b", Identity(name=handle))
    _with_comment_text(b, written)
    res = audit_build(b, TEST_KEY, ner_review=False)
    assert ("identity", "text") in {(h.kind, h.field) for h in res.hits}, written


# ------------------------------------------------------------------ account handles beside display names

_DISQUS = """<?xml version="1.0"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="2"><id>t1</id><forum>notes</forum><link>https://therapynotes.example.org/love/</link>
    <title>Love in therapy</title><message/><createdAt>2021-03-01T09:00:00Z</createdAt>
    <author><name>Site Owner</name><email>owner@example.org</email></author></thread>
  <post dsq:id="4"><id/><message><![CDATA[<p>My therapist said transference is normal.</p>]]></message>
    <createdAt>2021-03-02T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Zorbuk Q</name><email>zq@quillmail.net</email><isAnonymous>false</isAnonymous>
      <username>quillfeatherworth</username></author><thread dsq:id="2"/></post>
  <post dsq:id="5"><id/><message><![CDATA[<p>As quillfeatherworth said, it takes time with a therapist.</p>]]></message>
    <createdAt>2021-03-02T11:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Marisol Threnody</name><email>mt@quillmail.net</email><isAnonymous>false</isAnonymous>
      <username>marisolt</username></author><thread dsq:id="2"/><parent dsq:id="4"/></post>
</disqus>
"""


def test_a_disqus_username_beside_the_display_name_is_an_identity(tmp_path):
    """Disqus gives a display name and an account username: the username mentioned in a comment
    is the commenter, so the anonymiser replaces it and the audit's tokens know it."""
    from therapy_threads.anonymise import Anonymiser
    from therapy_threads.anonymise.audit import TextAudit, read_tokens
    from therapy_threads.readers import SourceRef, get_reader

    res = get_reader("disqus").read(_DISQUS.encode(), SourceRef("seed-000", "export.xml"))
    report = Anonymiser(TEST_KEY).apply(res)
    assert not [c.text for c in res.comments if "quillfeatherworth" in c.text.casefold()]
    write_tokens(tmp_path / "t.txt", report.identity_tokens)
    audit = TextAudit(TEST_KEY, read_tokens(tmp_path / "t.txt"))
    hits, _ = audit.check("thanks quillfeatherworth", table="comments", row_id="c", field="text",
                          scope="seed-000", lang="en")
    assert [h.kind for h in hits] == ["identity"]


@pytest.mark.parametrize("text, found", [
    ("her practice is at m\u00fcller-praxis.de/team now", True),
    ("see \u0437\u0430\u0431\u043e\u0442\u0430.\u0440\u0444 for help", False),   # a Cyrillic TLD: not in the list
    ("Z\u00fcrich. Danach ging es besser", False),                                  # prose, not a host
    ("sch\u00f6n.de", True),
])
def test_links_with_unicode_host_names_are_links(text, found):
    from therapy_threads.anonymise.patterns import find_idn_urls

    assert bool(find_idn_urls(text)) is found


def test_a_link_with_a_unicode_host_fails_the_audit(tmp_path):
    b = _build(tmp_path / "b")
    _with_comment_text(b, "her practice is at m\u00fcller-praxis.de/team now")
    assert ("url", "text") in {(h.kind, h.field) for h in audit_build(b, TEST_KEY, ner_review=False).hits}


# ------------------------------------------------------------------ the anonymiser reads folded text too

def _disqus_with_reply(reply: str) -> bytes:
    from xml.sax.saxutils import escape

    head, _, rest = _DISQUS.partition("<![CDATA[<p>As quillfeatherworth said, it takes time with a therapist.</p>]]>")
    return (head + "<![CDATA[<p>" + escape(reply) + "</p>]]>" + rest).encode()


def _anonymised_reply(reply: str) -> tuple[str, set[str]]:
    from therapy_threads.anonymise import Anonymiser
    from therapy_threads.readers import SourceRef, get_reader

    res = get_reader("disqus").read(_disqus_with_reply(reply), SourceRef("seed-000", "export.xml"))
    report = Anonymiser(TEST_KEY).apply(res)
    return res.comments[-1].text, report.identity_tokens


def _audit_text(tokens: set[str], text: str, tmp_path: Path):
    from therapy_threads.anonymise.audit import TextAudit, read_tokens

    write_tokens(tmp_path / "t.txt", tokens)
    audit = TextAudit(TEST_KEY, read_tokens(tmp_path / "t.txt"))
    return audit.check(text, table="comments", row_id="c", field="text", scope="seed-000", lang="en")[0]


# (reply text, the raw identity words that must not be published, read as the audit reads text)
_DISGUISED_REPLIES = [
    ("Like Zor\u00adbuk said, it takes time with a therapist.", {"zorbuk"}),         # soft hyphen inside
    ("I agree with \uff3a\uff4f\uff52\uff42\uff55\uff4b about the therapist.", {"zorbuk"}),  # fullwidth
    ("I agree with \U0001d419\U0001d428\U0001d42b\U0001d41b\U0001d42e\U0001d424 here.", {"zorbuk"}),  # maths bold
    ("I agree with Z\u043erbuk about the therapist.", {"zorbuk"}),                     # Cyrillic o
    ("I agree with \u0396\u03bfrbuk about the therapist.", {"zorbuk"}),                # Greek Zeta, omicron
    ("As QUILLFE\u0410THERWORTH said, it takes time.", {"quillfeatherworth"}),       # Cyrillic capital A
    ("As quillfeather\u00adworth said, it takes time.", {"quillfeatherworth"}),
    ("Write to zq%40quillmail.net about the group.", {"zq", "quillmail"}),           # percent-encoded @
    ("Call 01632%20960123 after six.", {"01632", "960123"}),                         # a percent-encoded space
    ("Write to someone.else@quillmail\u3002net or see quillmail\uff61net.", {"quillmail"}),  # ideographic stops
    ("Her practice is at m\u00fcller-praxis.de/team now.", {"praxis"}),              # a Unicode host name
    ("Her practice is at xn--mller-praxis-rlb.de/team now.", {"praxis"}),           # ... its punycode form
    ("The Threnody\u00ads story was sad, therapy helped.", {"threnody"}),            # glued by a soft hyphen
    ("As Quill\u00adfeatherworth\u2063s notes say, it takes time.", {"quillfeatherworth"}),  # inside and glued
    ("As Z o r b u k said, it takes time.", {"zorbuk"}),                               # letter-spaced
    ("Thanks, T h r e n o d y, for the list.", {"threnody"}),
]


@pytest.mark.parametrize("reply, raw", _DISGUISED_REPLIES)
def test_a_disguised_identity_or_address_is_replaced_and_the_gate_passes(tmp_path, reply, raw):
    """The audit reads text folded; the anonymiser now finds the same things in it and replaces
    the whole original stretch (invisible characters included), so the build succeeds instead of
    failing, and nothing raw is published. Without the anonymiser, the gate still fails."""
    out, tokens = _anonymised_reply(reply)
    assert not raw & set(words(out)), out
    assert not raw & set(words(out.replace(" ", ""))), out   # not letter-spaced either
    assert not [r for r in raw if r in re.sub(r"\[[^\]]*\]", " ", fold(out)).casefold()], out  # nor glued
    assert not _audit_text(tokens, out, tmp_path), out
    assert _audit_text(tokens, reply, tmp_path), reply          # the anonymiser bypassed: caught
    b = _build(tmp_path / "b")
    write_tokens(b / "private" / "identity_tokens.txt", tokens)
    record_verdicts(b)
    _with_comment_text(b, out)
    assert audit_build(b, TEST_KEY, ner_review=False).passed, out
    _with_comment_text(b, reply)
    assert not audit_build(b, TEST_KEY, ner_review=False).passed, reply


@pytest.mark.parametrize("reply", [
    "I said N O to more T H E R A P Y sessions, not F R E E ones.",   # letter-spaced ordinary words
    "We met in the U S A and the U K, a b c d e.",                     # spelled acronyms, letters
    "Die Psycho\u00adtherapie hat mir gut\u00adgetan.",                # soft hyphens in ordinary words
    "Thanks \u2026 \ufb01ne \u2122 \u00bd \u0421\u0435\u0440\u0433\u0435\u0439 wrote back.",  # NFKC changes, Cyrillic
])
def test_ordinary_text_with_spaced_letters_or_invisible_characters_is_left_alone(tmp_path, reply):
    out, tokens = _anonymised_reply(reply)
    assert out == reply
    assert not _audit_text(tokens, reply, tmp_path)


@pytest.mark.parametrize("text, word, original", [
    ("thanks Z\u200borbuk for it", "Zorbuk", "Z\u200borbuk"),
    ("thanks \uff3a\uff4f\uff52\uff42\uff55\uff4b for it", "Zorbuk", "\uff3a\uff4f\uff52\uff42\uff55\uff4b"),
    ("mail zq%40quillmail.net now", "zq@quillmail.net", "zq%40quillmail.net"),
    ("caf\u00e9 \u2026 Z\u043erbuk", "Zorbuk", "Z\u043erbuk"),
    ("cafe\u0301 \ufb01ne Zorbuk", "Zorbuk", "Zorbuk"),                       # a combining accent, a ligature
])
def test_fold_map_gives_the_folded_text_and_the_original_span(text, word, original):
    from therapy_threads.anonymise.identity import fold_map

    folded, starts, ends = fold_map(text)
    assert folded == fold(text)
    i = folded.index(word)
    assert text[starts[i]:ends[i + len(word) - 1]] == original
    # with invisible characters read as word breaks: the same length, a space where one was
    assert fold_map("Threnody\u00ads x", split=True)[0] == "Threnody s x"
