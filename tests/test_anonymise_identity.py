"""Identity normalisation and keyed pseudonyms."""
from __future__ import annotations

from therapy_threads.anonymise.identity import (identity_basis, name_variants, normalise_email,
                                                normalise_name, normalise_url, pseudonym, same_person)
from therapy_threads.anonymise.lexicon import lexicon
from therapy_threads.records import Identity

PREFER = ["email", "url", "name"]
GENERIC = frozenset({"anonymous", "guest"})
K1, K2 = bytes.fromhex("9ef4c9984db9693afc4132a083a298da90d0ca3a7f749b336b69281d149c8fcf"), bytes.fromhex("394118f7af3bec1e978c01e85aa11e19e4c9489a9c4f5a9361ca7d669ca22559")


def test_normalisation_removes_only_differences_that_never_distinguish_people():
    assert normalise_email("  Jane.Doe@Example.ORG ") == "jane.doe@example.org"
    assert normalise_email("mailto:jane@example.org") == "jane@example.org"
    assert normalise_email("jane+therapy@example.org") != normalise_email("jane@example.org")
    for u in ("https://www.Example.com/blog/", "http://example.com/blog", "example.com/blog//", "www.example.com/blog?x=1#c"):
        assert normalise_url(u) == "example.com/blog"
    assert normalise_url("https://example.com:443/") == "example.com"
    assert normalise_name("  Joe   Burgo ") == normalise_name("joe burgo") == "joe burgo"


def test_preference_is_email_then_url_then_name():
    assert identity_basis(Identity(name="Jo", email="j@x.org", url="x.org"), PREFER, GENERIC) == ("email", "j@x.org")
    assert identity_basis(Identity(name="Jo", url="https://x.org/"), PREFER, GENERIC) == ("url", "x.org")
    assert identity_basis(Identity(name="Jo"), PREFER, GENERIC) == ("name", "jo")
    assert identity_basis(Identity(name="Anonymous"), PREFER, GENERIC) is None
    assert identity_basis(Identity(ip="10.0.0.1"), PREFER, GENERIC) is None
    assert identity_basis(None, PREFER, GENERIC) is None


def test_pseudonym_is_keyed_and_stable():
    b = ("email", "jane@example.org")
    p = pseudonym(K1, b)
    assert p == pseudonym(K1, b) and p.startswith("u_") and len(p) == 18
    assert p != pseudonym(K2, b)
    assert p != pseudonym(K1, ("name", "jane@example.org"))  # the field is part of the message


def test_same_person_compares_the_strongest_shared_field():
    assert same_person(Identity(email="A@x.org", name="A"), Identity(email="a@x.org", name="B")) is True
    assert same_person(Identity(email="a@x.org"), Identity(email="b@x.org")) is False
    assert same_person(Identity(name="Jo"), Identity(url="x.org")) is None


def test_name_variants_include_nicknames_and_keep_common_words_weak():
    v = name_variants("Katherine Okafor", lexicon())
    # a nickname only with the commenter's own surname: a bare "Kathy" may be anyone
    assert v["katherine okafor"] and v["okafor"] and v["kathy okafor"] and "kathy" not in v
    w = name_variants("Will Carver", lexicon())
    assert w["will"] is False and w["carver"] is True and w["will carver"] is True
    h = name_variants("hopeful_kat", lexicon())
    assert h["hopeful_kat"] is True and "hopeful" not in h
    assert name_variants("Hope", lexicon())["hope"] is False


def test_identity_tokens_use_the_account_not_the_platform():
    from therapy_threads.anonymise.identity import identity_ngrams

    grams = identity_ngrams(Identity(name="Jane", url="https://www.facebook.com/jane.marlowe77/"), lexicon(), GENERIC)
    assert "facebook" not in grams and "marlowe77" in grams and grams["marlowe77"] == "h"
    grams = identity_ngrams(Identity(url="http://boundaryninjatales.com/"), lexicon(), GENERIC)
    assert grams == {"boundaryninjatales": "h"}
    grams = identity_ngrams(Identity(name="Will Carver", email="w.carver@example.org"), lexicon(), GENERIC)
    assert grams["will"] == "s" and grams["will carver"] in ("c", "h") and "carver" in grams
