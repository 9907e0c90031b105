"""The anonymise stage on ReadResults with commenter identities (as HTML and export readers give them)."""
from __future__ import annotations

import copy
import json
import logging
import re
from pathlib import Path


import pytest

from therapy_threads import ids
from therapy_threads.anonymise import Anonymiser, Policy
from therapy_threads.anonymise.evaluate import capture_result, heldout_result
from therapy_threads.anonymise.patterns import mask
from therapy_threads.records import Comment, Identity, Post, ReadResult, public_dict

ROOT = Path(__file__).resolve().parent.parent
K1 = bytes.fromhex("9ee84401ed17415e397f3e7332b7d727cda5dbf5d45a1b0dee9bdc874207db74")  # random-looking 256-bit test keys
K2 = bytes.fromhex("5eddefdb461fab321bf5f05e4c1c1612ed3b2e52a3e060dc82b863a080388fd4")
HELDOUT = json.loads((ROOT / "tests" / "fixtures" / "heldout_forum.json").read_text(encoding="utf-8"))


def _thread(comments: list[tuple[Identity | None, str]], author: str | None = "Rachel Ortiz",
            author_identity: Identity | None = None, body: str = "A post body.", url: str | None = None) -> ReadResult:
    pid = ids.post_id("t", "p")
    post = Post(post_id=pid, source_id="t", source_format="wordpress_html", title="A title", body=body,
                content_sha256="0" * 64, author=author, author_identity=author_identity, url=url, source_key="p")
    res = ReadResult("t", "wordpress_html", posts=[post])
    for i, (ident, text) in enumerate(comments):
        res.comments.append(Comment(comment_id=ids.comment_id(pid, str(i)), post_id=pid, source_id="t",
                                    position=i, text=text, source_key=str(i), identity=ident))
    return res


def _published(res: ReadResult) -> str:
    rows = [public_dict(p) for p in res.posts] + [public_dict(c) for c in res.comments]
    return json.dumps(rows, sort_keys=True, ensure_ascii=False)


def test_same_input_and_key_give_byte_identical_output():
    a, b = heldout_result(HELDOUT), heldout_result(HELDOUT)
    ra, rb = Anonymiser(K1).apply(a), Anonymiser(K1).apply(b)
    assert _published(a) == _published(b)
    assert ra.identity_tokens == rb.identity_tokens and ra.counts == rb.counts


def test_a_different_key_gives_different_pseudonyms_and_tokens():
    a, b = heldout_result(HELDOUT), heldout_result(HELDOUT)
    ra, rb = Anonymiser(K1).apply(a), Anonymiser(K2).apply(b)
    pa = {c.author_pseudonym for c in a.comments} - {None}
    pb = {c.author_pseudonym for c in b.comments} - {None}
    assert len(pa) == 13 and pa.isdisjoint(pb)
    assert ra.identity_tokens.isdisjoint(rb.identity_tokens)


def test_identities_never_leave_the_stage():
    res = heldout_result(HELDOUT)
    assert res.posts[0].author_identity is not None
    Anonymiser(K1).apply(res)
    assert res.posts[0].author_identity is None
    assert all(c.identity is None for c in res.comments)
    out = _published(res)
    for raw in ("will.carver", "Carver", "hopefulkat", "rachelwrites", "deshawn.price@gmail.com",
                "deshawnprice.com", "bluejay_2019", "mark77", "DeShawn", "Ngozi", "Okafor", "Lindqvist"):
        assert raw not in out, mask(raw)


def test_same_person_same_pseudonym_across_posts_and_normalisation():
    e1 = Identity(name="Will Carver", email="will.carver@example.org")
    e2 = Identity(name="W. Carver", email=" Will.Carver@EXAMPLE.org")
    u1 = Identity(name="kat", url="https://www.hopefulkat.blogspot.com/")
    u2 = Identity(name="Kat!", url="hopefulkat.blogspot.com")
    r1 = _thread([(e1, "First."), (u1, "Second.")])
    r2 = _thread([(e2, "Third."), (u2, "Fourth.")], author="Someone Else")
    an = Anonymiser(K1)
    an.apply(r1)
    an.apply(r2)
    assert r1.comments[0].author_pseudonym == r2.comments[0].author_pseudonym
    assert r1.comments[1].author_pseudonym == r2.comments[1].author_pseudonym
    assert r1.comments[0].author_pseudonym != r1.comments[1].author_pseudonym


def test_generic_and_missing_identities_get_no_pseudonym():
    res = _thread([(Identity(name="Anonymous"), "Hi."), (None, "Hello."), (Identity(ip="10.1.2.3"), "Hey.")])
    Anonymiser(K1).apply(res)
    assert [c.author_pseudonym for c in res.comments] == [None, None, None]


def test_text_captures_have_no_pseudonyms():
    raw = (ROOT / "seeds" / "002_c831ba9a2f3d1cd9.txt").read_text(encoding="utf-8")
    res, _ = capture_result(raw, "seed-002")
    Anonymiser(K1).apply(res)
    assert {c.author_pseudonym for c in res.comments} == {None}
    assert {c.is_post_author for c in res.comments} == {None}  # my splitter sets none; the reader may set True from a badge


def test_is_post_author_from_author_identity_and_reader_flag_kept():
    author = Identity(name="Rachel Ortiz", email="rachel@rachelwrites.net")
    res = _thread([(Identity(name="Rachel O.", email="RACHEL@rachelwrites.net"), "Thanks all."),
                   (Identity(name="Rachel Ortiz", email="other@example.org"), "Impostor."),
                   (Identity(name="Pat"), "Name only.")], author_identity=author)
    res.comments[2].is_post_author = True  # e.g. WordPress 'bypostauthor'
    Anonymiser(K1).apply(res)
    assert [c.is_post_author for c in res.comments] == [True, False, True]


def test_known_commenters_become_their_pseudonym_and_others_numbered_consistently():
    will = Identity(name="Will Carver", email="will@example.org")
    grace = Identity(name="Grace Tan")
    res = _thread([
        (will, "I asked my therapist Miriam Kowalczyk about it."),
        (grace, "Will, did Miriam Kowalczyk say why? I will ask mine."),
        (will, "Grace, Miriam said it is normal. Say hi to Tom."),
    ])
    Anonymiser(K1).apply(res)
    pw, pg = res.comments[0].author_pseudonym, res.comments[1].author_pseudonym
    t0, t1, t2 = (c.text for c in res.comments)
    assert t0 == "I asked my therapist [PERSON_1] about it."
    assert t1 == f"[{pw}], did [PERSON_1] say why? I will ask mine."
    assert t2 == f"[{pg}], [PERSON_1] said it is normal. Say hi to [PERSON_2]."


def test_mentions_of_the_post_author_and_links_and_emails():
    res = _thread([(Identity(name="Sam Reed"), "Hi Rachel, see https://samreed.example.com/post/1 or mail me: sam.reed@example.org. "
                                               "Dr. Ortiz would agree. Unrelated: feel.Th and 2.Do and money.commitment stay.")],
                  body="I, Rachel Ortiz, wrote this. My old counsellor Dana said so. See www.rachelwrites.net/about.",
                  url="https://rachelwrites.net/2020/post")
    Anonymiser(K1).apply(res)
    c = res.comments[0].text
    assert c.startswith("Hi [POST_AUTHOR], see [URL] or mail me: [EMAIL].")
    assert "Dr. [POST_AUTHOR] would agree" in c
    assert "feel.Th and 2.Do and money.commitment stay." in c
    body = res.posts[0].body
    assert "Rachel Ortiz" in body  # the public byline author's own name in the body stays
    assert "counsellor [PERSON_1] said" in body
    # a link is a contact whoever owns it: one to the post's own site goes too (the policy's default)
    assert "www.rachelwrites.net/about" not in body and "See [URL]." in body


def test_policy_file_overrides_placeholders(tmp_path):
    p = tmp_path / "policy.toml"
    p.write_text('[placeholders]\nperson = "<NAME{n}>"\n')
    pol = Policy.load(p)
    assert pol.placeholders.url == "[URL]"  # untouched keys keep the default
    assert pol.placeholders.person == "<NAME{n}>"
    res = _thread([(None, "My friend, John Welch, says hi.")])
    an = Anonymiser(K1, pol)
    an.apply(res)
    assert res.comments[0].text == "My friend, <NAME1>, says hi."
    assert an.fingerprint != Anonymiser(K1).fingerprint


def test_logs_never_contain_raw_identities(caplog):
    res = heldout_result(HELDOUT)
    raws = set()
    for c in res.comments:
        for v in (c.identity.name, c.identity.email, c.identity.url):
            if v and len(v) > 3 and v not in ("Anonymous",):
                raws.add(v.strip())
    with caplog.at_level(logging.DEBUG):
        rep = Anonymiser(K1).apply(res)
        logging.getLogger("therapy_threads").info("anonymised: %s", dict(rep.counts))
    text = caplog.text + json.dumps(sorted(rep.identity_tokens))
    for raw in raws:
        assert raw not in text and raw.casefold() not in text.casefold(), mask(raw)
    assert all(re.fullmatch(r"[hcspw]:[0-9a-f]{32}(:[a-z]{2}(,[a-z]{2})*)?", t) for t in rep.identity_tokens)


def test_reply_to_a_deep_copy_is_independent():
    res = heldout_result(HELDOUT)
    before = copy.deepcopy(res)
    Anonymiser(K1).apply(res)
    assert before.comments[0].identity is not None  # apply mutates only what it was given


def test_german_text_gets_the_german_rules_and_keeps_its_nouns():
    res = _thread([(Identity(name="Klaus Becker"), "Danke für den Artikel, Frau Müller hat recht. Schreib mir: kb@example.de"),
                   (Identity(name="Eva"), "Klaus Becker hat es schon gesagt, Dr. Hoffmann auch. Die Sonne scheint, "
                                          "meine Therapeutin Ulrike sagt, das sei Hoffnung.")])
    for c in res.comments:
        c.language = "de"
    Anonymiser(K1).apply(res)
    t0, t1 = res.comments[0].text, res.comments[1].text
    assert t0 == "Danke für den Artikel, Frau [PERSON_1] hat recht. Schreib mir: [EMAIL]"  # a title before a name
    kb = res.comments[0].author_pseudonym
    assert t1 == (f"[{kb}] hat es schon gesagt, Dr. [PERSON_2] auch. Die Sonne scheint, "
                  "meine Therapeutin [PERSON_3] sagt, das sei Hoffnung.")  # nouns survive


def test_policy_rejects_unknown_keys_and_wrong_types(tmp_path):
    from therapy_threads.errors import UserError

    for body, word in (('[text]\nkeep_places_typo = true\n', "keep_places_typo"), ('[nonsense]\nx = 1\n', "nonsense"),
                       ('[text]\nmin_name_length = "two"\n', "whole number")):
        p = tmp_path / "p.toml"
        p.write_text(body)
        with pytest.raises(UserError, match=word):
            Policy.load(p)
    pol = Policy.load(None)
    with pytest.raises(AttributeError):
        pol.text = None  # frozen


def test_furniture_kept_in_the_build_is_scrubbed_too():
    from therapy_threads.records import Furniture

    res = _thread([(Identity(name="Hannah Okonkwo", email="h.ok@example.org"), "Great post.")])
    res.furniture.append(Furniture("t", res.posts[0].post_id, "comment_form",
                                   "Logged in as Hannah Okonkwo (h.ok@example.org). Log out?"))
    Anonymiser(K1).apply(res)
    p = res.comments[0].author_pseudonym
    assert res.furniture[0].text == f"Logged in as [{p}] ([EMAIL]). Log out?"


def test_a_name_two_commenters_share_becomes_a_neutral_placeholder():
    a1 = Identity(name="Anna Berg", email="anna.b@example.org")
    a2 = Identity(name="Anna Lind", email="anna.l@example.org")
    res = _thread([(a1, "First."), (a2, "Second."), (None, "I agree with Anna here, and with Anna Lind.")])
    Anonymiser(K1).apply(res)
    assert res.comments[0].author_pseudonym != res.comments[1].author_pseudonym
    assert res.comments[2].text == f"I agree with [PERSON_1] here, and with [{res.comments[1].author_pseudonym}]."


def test_missing_or_broken_policy_files_are_user_errors(tmp_path):
    from therapy_threads.errors import UserError

    with pytest.raises(UserError, match="not found"):
        Policy.load(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[placeholders\n")
    with pytest.raises(UserError, match="not valid TOML"):
        Policy.load(bad)


def test_ner_labels_keep_the_models_spelling():
    # a case-folded "person" would never match spaCy's "PERSON": NER would silently do nothing
    assert "PERSON" in Policy.load(None).ner.labels
