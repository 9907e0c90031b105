"""Commenter names in post titles and bodies, and names that are ordinary words (weak identity signals).

A distinctive commenter name in a post body is replaced and the audit passes; a handle that is an
ordinary word ("Muffin", "WordPress" in "Mr WordPress") is replaced only where the text uses it as a
name, never in a title, and a bare match is a review item, not a failure; the full display name
left in a text fails. Placeholder names ("Anonymous User", "Gast") are not identities.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from therapy_threads import ids
from therapy_threads.anonymise import Anonymiser
from therapy_threads.anonymise.audit import audit_build, write_tokens
from therapy_threads.records import Comment, Identity, Post, ReadResult, public_dict
from therapy_threads.schema import arrow_schema

KEY = bytes.fromhex("f342ce954901a029d69ff99a9fff31647f142972a8ccc3811e7116625ab60fca")  # a random-looking 256-bit test key


def _thread(comments: list[tuple[Identity | None, str]], title: str = "A title", body: str = "A body.",
            lang: str | None = None, sid: str = "blog") -> ReadResult:
    pid = ids.post_id(sid, "p")
    post = Post(post_id=pid, source_id=sid, source_format="wordpress_html", title=title, body=body,
                content_sha256="0" * 64, author="Site Owner", source_key="p", language=lang)
    res = ReadResult(sid, "wordpress_html", posts=[post])
    for i, (ident, text) in enumerate(comments):
        res.comments.append(Comment(comment_id=ids.comment_id(pid, str(i)), post_id=pid, source_id=sid,
                                    position=i, text=text, source_key=str(i), identity=ident, language=lang))
    return res


def _audit(tmp_path: Path, res: ReadResult, tokens: set[str]):
    tmp_path.mkdir(parents=True, exist_ok=True)
    for table, rows in (("posts", res.posts), ("comments", res.comments), ("quarantine", res.quarantine)):
        schema = arrow_schema(table)
        recs = [{k: v for k, v in public_dict(r).items() if k in schema.names} for r in rows]
        pq.write_table(pa.Table.from_pylist(recs, schema=schema), tmp_path / f"{table}.parquet")
    write_tokens(tmp_path / "private" / "identity_tokens.txt", tokens)
    return audit_build(tmp_path, KEY, ner_review=False)


def test_a_distinctive_commenter_name_in_a_post_body_is_replaced_and_the_audit_passes(tmp_path):
    julia = Identity(name="Julia Brenner", email="jb@example.org")
    res = _thread([(julia, "Lovely post.")],
                  body="Thanks to Julia for her comment last week, and to Julia Brenner's blog.")
    rep = Anonymiser(KEY).apply(res)
    p = res.comments[0].author_pseudonym
    assert res.posts[0].body == f"Thanks to [{p}] for her comment last week, and to [{p}]'s blog."
    result = _audit(tmp_path, res, rep.identity_tokens)
    assert result.passed, result.hits


def test_a_common_word_handle_in_a_title_and_body_is_kept_and_only_reviewed(tmp_path):
    muffin = Identity(name="Muffin")
    mrwp = Identity(name="Mr WordPress", url="http://wordpress.org/")
    title = "Muffin Grundrezept"
    body = "Für Experimentierfreudige ist dieses Muffin Grundrezept ideal. Mit WordPress geschrieben."
    res = _thread([(muffin, "Hab sie gebacken, super!"), (mrwp, "Hi, this is a comment.")],
                  title=title, body=body, lang="de")
    rep = Anonymiser(KEY).apply(res)
    assert res.posts[0].title == title and res.posts[0].body == body  # ordinary words are not rewritten
    result = _audit(tmp_path, res, rep.identity_tokens)
    assert result.passed, result.hits
    assert result.review["counts"]["identity_weak"] == 3  # title Muffin, body Muffin, body WordPress
    rows = [r for r in result.review["rows"] if r["kind"] == "identity_weak"]
    assert {(r["field"], r["masked"]) for r in rows} == {("title", "M*****"), ("body", "M*****"), ("body", "W********")}


def test_in_english_a_brand_name_part_is_kept_but_the_same_word_used_as_a_name_is_replaced(tmp_path):
    mrwp = Identity(name="Mr WordPress", url="http://wordpress.org/")
    muffin = Identity(name="Muffin", email="m@example.org")
    res = _thread([(mrwp, "Hi, this is a comment."), (muffin, "Great recipe.")],
                  title="Welcome to WordPress: Muffin recipes",
                  body="Welcome to WordPress. This is your first post.",
                  lang="en")
    res.comments.append(Comment(comment_id=ids.comment_id(res.posts[0].post_id, "9"), post_id=res.posts[0].post_id,
                                source_id="blog", position=2, source_key="9", language="en",
                                text="Thanks WordPress, and thanks Muffin! Muffin wrote the best tip. I love muffin recipes."))
    rep = Anonymiser(KEY).apply(res)
    pw, pm = res.comments[0].author_pseudonym, res.comments[1].author_pseudonym
    assert res.posts[0].title == "Welcome to WordPress: Muffin recipes"
    assert res.posts[0].body == "Welcome to WordPress. This is your first post."
    assert res.comments[2].text == (f"Thanks [{pw}], and thanks [{pm}]! [{pm}] wrote the best tip. "
                                    "I love muffin recipes.")
    result = _audit(tmp_path, res, rep.identity_tokens)
    assert result.passed, result.hits


def test_a_cued_common_word_handle_left_in_the_text_fails_the_audit(tmp_path):
    muffin = Identity(name="Muffin", email="m@example.org")
    res = _thread([(muffin, "Great recipe.")], lang="en")
    rep = Anonymiser(KEY).apply(res)
    res.comments[0].text += " Thanks Muffin!"  # as if the anonymiser had missed it
    result = _audit(tmp_path, res, rep.identity_tokens)
    assert not result.passed and result.counts == {"identity": 1}
    assert result.hits[0].masked == "M*****"


def test_the_full_display_name_left_in_a_body_fails_the_audit(tmp_path):
    for i, name in enumerate(("John Doe", "Mr WordPress")):
        res = _thread([(Identity(name=name, email=f"x{i}@example.org"), "First comment.")], lang="en")
        rep = Anonymiser(KEY).apply(res)
        res.posts[0].body = f"Welcome. This is an example page. {name} left a comment."
        result = _audit(tmp_path / str(i), res, rep.identity_tokens)
        assert not result.passed, name
        assert {(h.table, h.field) for h in result.hits} == {("posts", "body")}


def test_placeholder_names_are_not_identities():
    res = _thread([(Identity(name="Anonymous User", email="anon@example.org"), "Anonymous comment."),
                   (Identity(name="Gast"), "Ein Gast schreibt."), (Identity(name="Guest 42"), "Hi."),
                   (Identity(name="Anonymous"), "Anonymous again.")], lang="de")
    rep = Anonymiser(KEY).apply(res)
    assert [c.text for c in res.comments] == ["Anonymous comment.", "Ein Gast schreibt.", "Hi.", "Anonymous again."]
    pseudos = [c.author_pseudonym for c in res.comments]
    assert pseudos[0] is not None and pseudos[1:] == [None, None, None]  # the e-mail still identifies
    # only the e-mail's local part ("anon") gives a token; the name gives none
    assert len(rep.identity_tokens) == 1


def test_an_ordinary_word_of_the_texts_language_is_weak_there_but_a_name_elsewhere(tmp_path):
    """'Moin' is a North German greeting and a given name elsewhere; 'Volker' is a German name."""
    moin = Identity(name="Moin")
    volker = Identity(name="Volker Rieck")
    de = _thread([(moin, "Moin, tolle Muffins!"), (volker, "Danke.")],
                 body="Moin zusammen! Danke an Volker für den Hinweis, sagt Volker Tripp.", lang="de", sid="de-blog")
    rep_de = Anonymiser(KEY).apply(de)
    pv = de.comments[1].author_pseudonym
    assert de.comments[0].text == "Moin, tolle Muffins!"
    assert de.posts[0].body == f"Moin zusammen! Danke an [{pv}] für den Hinweis, sagt [PERSON_1]."
    assert _audit(tmp_path / "de", de, rep_de.identity_tokens).passed
    en = _thread([(moin, "Great post.")], lang="en", sid="en-blog")
    rep_en = Anonymiser(KEY).apply(en)
    en.comments[0].text += " I asked Moin about it."  # a name in English text: must not be left
    result = _audit(tmp_path / "en", en, rep_en.identity_tokens)
    assert not result.passed and result.counts == {"identity": 1}


def test_token_lines_carry_the_languages_where_a_name_is_an_ordinary_word():
    rep = Anonymiser(KEY).apply(_thread([(Identity(name="Moin"), "Hi.")], lang="de"))
    (line,) = rep.identity_tokens
    cls, tok, langs = line.split(":")
    assert cls == "h" and len(tok) == 32 and "de" in langs.split(",")
    assert json.dumps(sorted(rep.identity_tokens)).lower().count("moin") == 0


def test_a_comment_too_short_to_detect_reads_in_its_posts_language(tmp_path):
    moin = Identity(name="Moin")
    res = _thread([(moin, "Lecker!"), (None, "Moin!")], body="Ein Rezept für Muffins mit Zimt und Zucker.",
                  lang="de", sid="de-blog")
    for c in res.comments:
        c.language = None  # "Moin!" is too short for the language stage
    rep = Anonymiser(KEY).apply(res)
    assert res.comments[1].text == "Moin!"
    assert _audit(tmp_path, res, rep.identity_tokens).passed


def test_a_handle_made_of_ordinary_words_is_replaced_only_where_written_as_a_name(tmp_path):
    still = Identity(name="Still Here", email="sh@example.org")
    res = _thread([(still, "Thank you for this."),
                   (None, "Still here, after all.\nI'm still here. Still here, still trying. As Still Here said, it helps. "
                          "Thanks Still Here!")],
                  title="Still Here: notes on therapy", lang="en")
    rep = Anonymiser(KEY).apply(res)
    p = res.comments[0].author_pseudonym
    assert res.posts[0].title == "Still Here: notes on therapy"
    assert res.comments[1].text == (f"Still here, after all.\nI'm still here. Still here, still trying. As [{p}] said, "
                                    f"it helps. Thanks [{p}]!")
    result = _audit(tmp_path / "ok", res, rep.identity_tokens)
    assert result.passed, result.hits
    assert result.review["counts"]["identity_weak"] == 3  # the title and "Still here," twice (the phrase)
    res.comments[1].text += " Still Here is right."  # written as the handle and left: a leak
    result = _audit(tmp_path / "leak", res, rep.identity_tokens)
    assert not result.passed and result.counts == {"identity": 1}


def test_in_languages_without_noun_capitals_a_capitalised_word_name_is_still_a_name():
    joy = Identity(name="Joy")  # a common English word, not a French one
    res = _thread([(joy, "Merci pour l'article."), (None, "Je suis d'accord avec Joy. Merci Joy !")],
                  lang="fr")
    Anonymiser(KEY).apply(res)
    p = res.comments[0].author_pseudonym
    assert res.comments[1].text == f"Je suis d'accord avec [{p}]. Merci [{p}] !"
