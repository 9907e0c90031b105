"""E-mail, URL and @mention patterns shared by the anonymiser and the audit."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise.patterns import find_emails, find_mentions, find_urls, mask, url_host


@pytest.mark.parametrize("text, found", [
    ("see https://boundaryninjatales.com/2011/10/05/boundaries-dependence/ I just", "https://boundaryninjatales.com/2011/10/05/boundaries-dependence/"),
    ("owner of AfterPsychotherapy.com, one of", "AfterPsychotherapy.com"),
    ("see deshawnprice.com/resources.", "deshawnprice.com/resources"),
    ("visit www.example.org.", "www.example.org"),
    ("my blog lemire.me/blog is", "lemire.me/blog"),
    ("hopefulkat.blogspot.com", "hopefulkat.blogspot.com"),
    ("(http://example.net/a?b=c)", "http://example.net/a?b=c"),
    # any country's code and the community TLDs, not only a hand-picked few
    ("mi blog pauescriu.example.cat/2026/la-jubilacio, si", "pauescriu.example.cat/2026/la-jubilacio"),
    ("read wingwrites.example.hk/posts/the-last-sessions now", "wingwrites.example.hk/posts/the-last-sessions"),
    ("Go to ana.example.tw", "ana.example.tw"),
    ("my page wingkit.hk/notes, if", "wingkit.hk/notes"),
    ("gure bloga: amaia.example.eus/idazkiak", "amaia.example.eus/idazkiak"),
])
def test_urls_found(text, found):
    assert [text[a:b] for a, b in find_urls(text)] == [found]


@pytest.mark.parametrize("text", ["2.Do client have rights", "feel.Th", "money.commitment etc", "the end.it was",
                                  "feeling.in the", "e.g. this, i.e. that", "Bipolar 1.5 years", "U.S.A.", "a.m. and p.m.",
                                  "I feel.so bad", "the cat.is out", "it was all.now gone", "so.my therapist",
                                  "see README.md and setup.py", "run install.sh first"])
def test_run_together_sentences_are_not_urls(text):
    assert find_urls(text) == []


def test_emails_and_mentions():
    t = "mail Jane.Doe+x@Example.co.uk or @kat_77, not me@ or @ alone; @theo.b."
    assert [t[a:b] for a, b in find_emails(t)] == ["Jane.Doe+x@Example.co.uk"]
    assert [t[a:b] for a, b in find_mentions(t)] == ["@kat_77", "@theo.b"]


def test_reddit_style_mentions():
    from therapy_threads.anonymise.patterns import mention_prefix

    t = "thanks u/throwaway_123 and /u/Kat-77; not menu/list or stu/dent"
    found = [t[a:b] for a, b in find_mentions(t)]
    assert found == ["u/throwaway_123", "/u/Kat-77"]
    assert [mention_prefix(f) for f in found] == [2, 3]


def test_host_and_mask():
    assert url_host("https://www.Example.com/x") == "example.com"
    assert mask("Julia") == "J****" and mask("x") == "x" and mask("boundaryninjatales.com") == "b********"


def test_short_link_and_messaging_hosts_with_a_path_are_links():
    """A one- or two-letter host with a path ('t.me/name', 'wa.me/number') is a link: no prose word
    is shaped so. Without a path, or with a longer word-like host, the old rules decide."""
    from therapy_threads.anonymise.patterns import find_urls

    def urls(s):
        return [s[a:b] for a, b in find_urls(s)]

    assert urls("write me: t.me/quiet_owl_77") == ["t.me/quiet_owl_77"]
    assert urls("or wa.me/4915550000000 after six") == ["wa.me/4915550000000"]
    assert urls("ping me on t.me later") == []
    assert urls("I.e. this/that, a.m./p.m.") == []
    assert urls("he said it.") == []


def test_written_address_hint_is_the_pattern_for_greek_letters_re_i_equates():
    """The quick form of the written-address hint lower-cases the text; re.I also equates Greek
    'ϵ' with 'ε' and the iota subscript with 'ι', so a text holding them takes the pattern's own scan
    (a written address with 'τϵλϵία' for 'τελεία' was never looked for)."""
    from therapy_threads.anonymise.patterns import _WRITTEN_HINT, _written_hint, find_written_emails

    for text in ("lena.x παπάκι example τϵλϵία gr", "lena.x example τελεία gr", "nothing here ϵ", "dot ſ"):
        assert _written_hint(text) == (_WRITTEN_HINT.search(text) is not None)
    assert find_written_emails("lena.x παπάκι example τϵλϵία gr")
