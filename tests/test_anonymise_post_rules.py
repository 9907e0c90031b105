"""Rules that need a whole post (a name accepted in one text, used in another): a table of small
labelled posts in the evaluation format (``[[private]]`` must go, ``{{keep}}`` must stay; the first
text is the post body, the others comments), each run through the real reader and anonymise stage
as a text capture. All names are synthetic.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from therapy_threads.anonymise import Anonymiser
from therapy_threads.anonymise import evalset as ev


@pytest.fixture(scope="module")
def anon():
    return Anonymiser(ev.EVAL_KEY)


def run(anon, tmp_path: Path, texts: list[str], lang: str = "en"):
    lines = ["@set rows", f"@lang {lang}", "@site rows.example.org", "@post A thread", "@author Writer | w@example.org |",
             texts[0]]
    for i, t in enumerate(texts[1:]):
        lines += [f"@comment c{i} | name=reader{i}, email=reader{i}@example.org, parent=", t]
    p = tmp_path / "rows.tt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ev.measure(ev.load(p), anon, "capture", tmp_path / "out")


@pytest.mark.parametrize("texts", [
    # a lower-case word accepted as a name elsewhere in the post, used as a name here
    ["her name is [[Rosemary]] and i see her weekly", "my gf says it's like [[rosemary]] is a hairdresser. the {{rosemary}} in the pot died"],
    ["her name is [[Rosemary]] and i've seen her for years. [[Rosemary]] got me through it"],
    ["my therapist is called [[Joy]]", "ok so [[joy]]'s name came up on my feed and i froze. i felt no {{joy}} at all"],
    ["Moving away.", "oh [[rusty]] i'm so sorry", "also [[rusty]] if you need a rec in {{Denver}} ask me. i know a good one"],
    ["my mum calls me [[sprout]]", "\"eat your greens, [[sprout]]\" was her whole personality"],
    # a list of handles after a mention chains along the list, rare nouns included
    ["thanks for the replies", "thank you @[[quietfern]], [[bluewren]], [[parsnip]] and {{everyone}}, it helped"],
    # a name accepted in the post is a thing when it heads a noun phrase after an article
    ["Her name is [[Porsche]] and she is kind.", "no, she does not drive a {{Porsche}}, she cycles. Ask [[Porsche]]!",
     "we call it the [[Porsche]] face lol"],
    # a name that is also written inside an address stays a name ("ivo dot marsh at ...")
    ["I asked who looks after [[Ivo]]. Nobody had.\n\n[[Ivo Marsh]]\n(write to me at [[#ivo dot marsh at example dot ie]])",
     "[[Ivo]], thank you for this."],
    # word-names the writer introduces themselves with, after a naming phrase, and in lists of names
    ["Hello all, this is [[Cheerful]] from {{Nagpur}}, yes my real name is [[Cheerful]]. I am not always {{cheerful}}.",
     "hi i'm [[Gentle]], from {{Katong}}. my family has [[Blossom]], [[Marisol]] and [[Sugar]] 😂 all real names.",
     "Thank you [[Marisol]], [[Cheerful]], [[Gentle]] and everyone."],
    # a surname accepted in the post takes the given name before it, even a word-name
    ["Thanks for reading, and to be frank it was hard.", "My neighbour [[Okonjo]] says hello to you all.",
     "[[Frank Okonjo]] good man yourself. I'm [[Pat]] from {{Derry}}."],
    # a word-name accepted in the post is the person where it is capitalised mid-sentence
    ["Hello all.", "I'm [[Comfort]], from {{Leeds}}. People came to me for {{comfort}}. Who comforts [[Comfort]]?",
     "Same, I am [[Goodness]]. Say hi to [[Comfort]] for me. My {{goodness}}!"],
    ["Hello all.", "my twin brother is [[Justice]] and people said [[Justice]] must become a lawyer. [[Justice]] became one.",
     "I read that book about {{justice}} too."],
    # an accepted surname that is an ordinary word of another language stays that word in lower case
    ["Hello all.", "Funny, because my surname is [[Wilk]]. Grandma always said \"cicho, {{wilk}} słucha\" to scare us."],
    # a word-name accepted in the post signs the text alone after its last sentence
    ["Hello all.", "Not great today, but I'm [[Clover]] (a school nickname). Call me on weekends. [[Clover]]",
     "A {{clover}} grows by the gate."],
    # an author's given name alone is the author, unless it names someone else: with another surname, or
    # addressed opening a line
    ['This week I kept rereading {{Marguerite Varne}}\'s "{{The Quiet Year}}" on the bus.',
     "Same here, I'm [[Marguerite Brackwater]] from {{Duluth}}.", "[[Marguerite]], you are not alone."],
    # a name a relation noun gave is the person where a town has the name: addressed at the end of a
    # sentence, listed with people; after "to" it is the town
    ["My sister [[Marietta]] reads this blog.", "I might have seen you at the {{Riverview}}, [[Marietta]]. Take care.",
     "Thanks [[Odhran]], [[Marietta]] and [[Pellam]]. We drove to {{Marietta}} in May."],
    # a double-barrelled given name accepted by its first part is replaced whole
    ["Hi all, it's [[Miss Jolene-Mae]] (Miss Jolene to the kids).", "Thank you [[Jolene-Mae]], this helped."],
])
def test_post_rules(anon, tmp_path, texts):
    sc = run(anon, tmp_path, texts)
    assert sc.leaked == [] and sc.damaged == [], (sc.leaked, sc.damaged)


@pytest.mark.parametrize("texts", [
    # an accepted lower-case name that is also a German word stays a word where no name role holds
    ["Heute war gut.", "ich hatte mal einen therapeuten namens [[herr ehrlich]] und der war gar nicht {{ehrlich}}, echt nicht."],
    # lower-case chat, even with a sentence opening after a closing quote
    ["Danke euch.", "bei mir hat [[wiebke]] am ende gesagt: „das bleibt.“ hab ich mir notiert. Hoffnung ist gut lol"],
])
def test_post_rules_german(anon, tmp_path, texts):
    sc = run(anon, tmp_path, texts, lang="de")
    assert sc.leaked == [] and sc.damaged == [], (sc.leaked, sc.damaged)


@pytest.mark.parametrize("texts", [
    # a given name of the language accepted in the post, in lower case inside capitalised text, is the word
    ["Ciao a tutti.", "La mia terapeuta si chiama [[Fortunata]]. Sono stata {{fortunata}} a trovarla, davvero."],
])
def test_post_rules_italian(anon, tmp_path, texts):
    sc = run(anon, tmp_path, texts, lang="it")
    assert sc.leaked == [] and sc.damaged == [], (sc.leaked, sc.damaged)


@pytest.mark.parametrize("texts", [
    # a nickname in apposition after the article of given names, even where a town has it
    ["Olá a todos.", "Sou a [[Ermelinda]], a [[Linda]] para os netos, de {{Tavira}}."],
    # a name a naming phrase gave is the person where the gazetteer alone would keep it: listed with people,
    # addressed; after a verb of going "a" is "to" and the town stays
    ["Olá a todos.", "Chamo-me [[Soledade]] e moro em {{Évora}}.",
     "[[Soledade]], que nome bonito. A minha avó foi a {{Soledade}} a pé uma vez.",
     "Obrigada a todos: [[Quitéria]], [[Soledade]], [[Anacleto]]. Beijinhos"],
])
def test_post_rules_portuguese(anon, tmp_path, texts):
    sc = run(anon, tmp_path, texts, lang="pt")
    assert sc.leaked == [] and sc.damaged == [], (sc.leaked, sc.damaged)


def test_a_dutch_greeting_word_that_is_a_name_stays_a_greeting_where_it_opens_one(anon, tmp_path):
    sc = run(anon, tmp_path, ["Hallo allemaal, dit is een blog over therapie en familie.",
                              "zeg het maar tegen [[Lieve]], echt. mijn psych is heel fijn.",
                              "dank jullie allemaal, vooral [[Lieve]] en [[Yusuf]]. {{Lieve}} groeten!"], lang="nl")
    assert sc.leaked == [] and sc.damaged == [], (sc.leaked, sc.damaged)


@pytest.mark.parametrize("text,word,thing", [
    ("Dermot calls in from a Wrenbury.", "Wrenbury", True),
    ("a nurse from the Portleigh, to cancer", "Portleigh", True),
    ("I married a Quenby by marriage", "Quenby", False),
    ("I said it to Quenby Hale", "Quenby Hale", False),
    # between an article and the noun it modifies: a brand or a shop
    ("the day I ate the Wrenbury sausage roll", "Wrenbury", True),
    ("I met the Quenby who said hi", "Quenby", False),
])
def test_one_word_after_a_preposition_and_an_article_is_no_person_for_ner(text, word, thing):
    from therapy_threads.anonymise.anonymiser import thing_after_article

    s = text.index(word)
    assert thing_after_article(text, s, s + len(word)) is thing


@pytest.mark.parametrize("text,word,modifier", [
    # one capitalised word the dictionary knows as a proper noun or adjective, between an article and an
    # adjective and a noun it modifies: no person for NER
    ("she asked it in a calm Mancunian voice", "Mancunian", True),
    ("we took the old Tamworth road home", "Tamworth", True),
    # a name the dictionary does not hold, or a relation noun before it: a person
    ("and then the lovely Orsolya sent flowers", "Orsolya", False),
    ("and then the therapist Orsolya rang back", "Orsolya", False),
])
def test_a_capitalised_modifier_after_an_adjective_is_no_person(text, word, modifier):
    from therapy_threads.anonymise import Anonymiser

    s = text.index(word)
    assert Anonymiser(b"k" * 32)._modifier_after_adjective(text, s, s + len(word)) is modifier
