"""E-mail and web addresses written out in the words of each language (issue 11, contacts 1.00): the
written-out patterns read "@", ".", "_", "-" and "/" from one table per language (``address_words``).
A table of text -> spans per language, the local part said with blanks, and prose that must stay prose.
All addresses are synthetic, on example domains."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import address_words
from therapy_threads.anonymise import recognizers as R
from therapy_threads.anonymise.patterns import find_written_emails, find_written_urls

from test_anonymise_recognizers import check


@pytest.mark.parametrize("text,address", [
    # one sentence a language of the table, its own at-, dot- and underscore/hyphen words
    ("mail me: orla dot brennan at example dot co dot in ta", "orla dot brennan at example dot co dot in"),
    ("schreib an jonas unterstrich w bei example punkt de, danke", "jonas unterstrich w bei example punkt de"),
    ("écris à lou tiret bas mercier arobase example point fr stp", "lou tiret bas mercier arobase example point fr"),
    ("escríbeme a sara guion bajo vidal arroba example punto es", "sara guion bajo vidal arroba example punto es"),
    ("manda para rita ponto sousa arroba example ponto pt amanhã", "rita ponto sousa arroba example ponto pt"),
    ("scrivimi: nico trattino basso ferri chiocciola example punto it", "nico trattino basso ferri chiocciola example punto it"),
    ("mail gerrit streepje jan apenstaartje example punt nl", "gerrit streepje jan apenstaartje example punt nl"),
    ("pisz na ola podkreślnik kos małpa example kropka pl", "ola podkreślnik kos małpa example kropka pl"),
    ("piš na petr pomlčka hora zavináč example tečka cz", "petr pomlčka hora zavináč example tečka cz"),
    ("skicka till elin understreck berg snabel-a example punkt se", "elin understreck berg snabel-a example punkt se"),
    ("skriv til mads bindestreg holm snabel-a example punktum dk", "mads bindestreg holm snabel-a example punktum dk"),
    ("send til siri understrek dahl krøllalfa example punktum no", "siri understrek dahl krøllalfa example punktum no"),
    ("lähetä aino alaviiva laine ät example piste fi", "aino alaviiva laine ät example piste fi"),
    ("escriu a pau guió baix roca arrova example punt cat", "pau guió baix roca arrova example punt cat"),
    # written without accents, as on a phone keyboard
    ("piste na jana tecka mala zavinac example tecka cz", "jana tecka mala zavinac example tecka cz"),
    ("pisz: ewa kropka nowak malpa example kropka pl", "ewa kropka nowak malpa example kropka pl"),
])
def test_written_email_in_each_language(text, address):
    check(R.EmailRecognizer, text, [(address, "email")])


@pytest.mark.parametrize("text,address", [
    # a digit run of the address said as number words: the name before it is of the address
    ("write to priya dot rao forty two at example dot in", "priya dot rao forty two at example dot in"),
    ("oder tomas neunzehn at example punkt de", "tomas neunzehn at example punkt de"),
    ("mail: bo dot eng zero seven at example dot com", "bo dot eng zero seven at example dot com"),
    # a double given name said with a blank ("anamaria", "anna_lena")
    ("escreve para ana clara ponto dias arroba example ponto pt", "ana clara ponto dias arroba example ponto pt"),
    ("mail an anna lena punkt vogt ät example punkt de", "anna lena punkt vogt ät example punkt de"),
])
def test_local_part_said_with_blanks(text, address):
    check(R.EmailRecognizer, text, [(address, "email")])


@pytest.mark.parametrize("text,address", [
    # the word before the address is prose: not glued to it
    ("write to maria dot okamoto at example dot com", "maria dot okamoto at example dot com"),
    ("escreve para ana ponto lima arroba example ponto pt", "ana ponto lima arroba example ponto pt"),
    ("email me at sam dot lee at example dot com", "sam dot lee at example dot com"),
])
def test_prose_before_the_address_stays(text, address):
    check(R.EmailRecognizer, text, [(address, "email")])


@pytest.mark.parametrize("text", [
    "we were at the point of giving up",
    "at the point of no return dot com was a joke",
    "wir sind bei Punkt drei angekommen",
    "ich war bei ihr, Punkt.",
    "sono di Roma, punto e basta",
    "estava no ponto de ônibus arroba nada",
    "ik zat bij punt twee van de lijst",
    "a post by x dot com",
    "jestem przy kropka nad i",
])
def test_prose_is_no_address(text):
    assert find_written_emails(text) == []
    check(R.EmailRecognizer, text, [])


@pytest.mark.parametrize("text,url", [
    ("infos: praxis bindestrich ost punkt example punkt ch schrägstrich team",
     "praxis bindestrich ost punkt example punkt ch schrägstrich team"),
    ("il blog: diario punto example punto it barra film", "diario punto example punto it barra film"),
    ("zie stem punt example punt be schuine streep wachtlijst", "stem punt example punt be schuine streep wachtlijst"),
])
def test_written_url_paths(text, url):
    assert [text[s:e] for s, e in find_written_urls(text)] == [url]


def test_every_language_of_the_table_has_its_words():
    # the languages the brief names each say "@" and "." in their own words
    for lang in ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "cs", "sv", "da", "no", "fi", "ca"):
        row = address_words.TABLE[lang]
        assert set(row) == set(address_words.KINDS)
        assert row["dot"] and (row["at"] or lang == "en"), lang
    # a prose at-word counts only beside its own language's dot-word
    assert address_words.own_dot("bei").search("x punkt y") and not address_words.own_dot("bei").search("x dot y")
    assert address_words.own_dot("arroba") is None


@pytest.mark.parametrize("text,address", [
    # Québec French says "a commercial" for "@" (OQLF), only beside its own dot-word
    ("écris-moi à zoe point gagnon a commercial example point ca merci", "zoe point gagnon a commercial example point ca"),
    # the leftmost reading ("me at ruth dot love", .love is a domain) must not hide the longer address after it
    ("You can reach me at ruth dot love at example dot com if you like.", "ruth dot love at example dot com"),
])
def test_longest_written_address_wins(text, address):
    got = [text[s:e] for s, e in find_written_emails(text)]
    assert got == [address], got


@pytest.mark.parametrize("text", ["il a commercialisé son livre, point final", "a commercial point of view"])
def test_a_commercial_is_prose_without_an_address(text):
    assert find_written_emails(text) == []


def test_an_address_mentioned_with_a_plus_is_found_with_it():
    from therapy_threads.anonymise.patterns import find_emails
    text = "+kemi.ade@example.com.ng can I quote you?"
    assert [text[s:e] for s, e in find_emails(text)] == ["+kemi.ade@example.com.ng"]
    text = "write to a+b@example.org today"
    assert [text[s:e] for s, e in find_emails(text)] == ["a+b@example.org"]


@pytest.mark.parametrize("text,found", [
    # Danish and Norwegian say "prik"/"prikk" for the dot of an address, and their slash-words end a path
    ("se torsdage prik example prik dk skråstreg breve, tak", "torsdage prik example prik dk skråstreg breve"),
    ("skriv: gro prikk h krøllalfa example prikk no. Eller ring", "gro prikk h krøllalfa example prikk no"),
    ("lista på etter prikk example prikk no skråstrek varsel, eller", "etter prikk example prikk no skråstrek varsel"),
    # the slash-words of the other languages of the table
    ("blog: ana punct example punct ro bară oblică jurnal ok", "ana punct example punct ro bară oblică jurnal"),
    ("blogi: valo piste example piste fi vinoviiva arkisto", "valo piste example piste fi vinoviiva arkisto"),
])
def test_nordic_dot_and_slash_words(text, found):
    from therapy_threads.anonymise.patterns import find_contacts
    got = [text[s:e] for spans in find_contacts(text) for s, e in spans]
    assert got == [found], got


@pytest.mark.parametrize("text,prose", [
    # "prik"/"prikk" alone is a word (a spot, a dot on a die), not an address
    ("der var en lille prik på kortet", None),
    ("ho hadde ein prikk på nasen, punktum.", None),
])
def test_prik_alone_is_prose(text, prose):
    from therapy_threads.anonymise.patterns import find_contacts
    assert [s for spans in find_contacts(text) for s in spans] == []


@pytest.mark.parametrize("text,address", [
    # a handle said with blanks after a prose "at": the words between the two at-words are the local part
    ("or e-mail him at owner op colt at example dot com.", "owner op colt at example dot com"),
    ("reach her at night owl at example dot com", "night owl at example dot com"),
    # the commonest words between them are the sentence's, not the address's
    ("email me at sam dot lee at example dot com", "sam dot lee at example dot com"),
    ("we met at the cafe at example dot com", "cafe at example dot com"),
])
def test_local_part_said_in_words_after_a_prose_at(text, address):
    from therapy_threads.anonymise.patterns import find_contacts
    got = [text[s:e] for spans in find_contacts(text) for s, e in spans]
    assert got == [address], got
