"""The recognizers for French, Spanish, Italian, Portuguese and Dutch, each on its own: a table of
text -> the spans it finds (surface, kind). All names are synthetic."""
from __future__ import annotations

import pytest

from therapy_threads.anonymise import multilingual as M
from therapy_threads.anonymise.coverage import covered_languages
from therapy_threads.anonymise.recognizers import recognizer_classes

from test_anonymise_recognizers import check, spans  # noqa: E402  (same helpers as the English tables)

P, K = "person", "keep"


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Ce matin ma psy Odile m'a demandé pourquoi.", [("Odile", P)]),
    ("fr", "ok donc mon chum jo-fred est venu me chercher", [("jo-fred", P)]),
    ("fr", "Ma meilleure amie Sixtine pense que oui.", [("Sixtine", P)]),
    ("fr", "Ma sœur aînée Philippine Jourdan vit loin.", [("Philippine Jourdan", P)]),
    ("fr", "Je l'ai dit à Gwenaëlle, ma cousine, hier.", [("Gwenaëlle", P)]),
    ("fr", "Je m'appelle Ysaline et j'ai trente ans.", [("Ysaline", P)]),
    ("fr", "mon psy est parti à la retraite", []),  # a verb after the relation noun
    ("fr", "Je suis triste depuis lundi.", []),  # "je suis" before an adjective
    ("es", "Mi novio Anselmo no entiende nada.", [("Anselmo", P)]),
    ("es", "mi hermana mayor lupita me dijo que sí", [("lupita", P)]),
    ("es", "Me llamo Itziar y vivo sola.", [("Itziar", P)]),
    ("es", "Mi terapeuta es muy buena.", []),
    ("it", "La mia psicologa Ornella mi ha detto di aspettare.", [("Ornella", P)]),
    ("pt", "A minha terapeuta Graciete disse que não.", [("Graciete", P)]),
    ("nl", "Mijn therapeut Joost zei dat het normaal is.", [("Joost", P)]),
    # a lower-case given name after "ik ben", "soy", "sou" where an introduction goes on (an age, a place)
    ("nl", "hoi allemaal. ik ben gerolf, 33, woon in de buurt.", [("gerolf", P)]),
    ("es", "hola. soy itziar, de Bilbao.", [("itziar", P)]),
    ("nl", "ik ben blij, echt waar", []),
    # a naming phrase announcing a whole name takes every part of it
    ("pt", "meu nome completo é Teresa Quintela Moura e ninguém sabe", [("Teresa Quintela Moura", P)]),
    ("fr", "mon nom complet est Anne-Sophie Rivard Lenoir, merci", [("Anne-Sophie Rivard Lenoir", P)]),
    ("pt", "sou feliz, de verdade", []),
    ("en", "My therapist Odile is away.", []),  # English text is the English recognizers' job
    ("it", "tutti mi chiamano Orsola, e sì, lo so", [("Orsola", P)]),
    ("it", "Mi chiamo Ottavio Brenna, detto Tavo.", [("Ottavio Brenna", P), ("Tavo", P)]),
    # the article of given names after "sou"/"sono": the name even where a town has it, or in lower case
    ("pt", "Sou a Fátima, de Leiria, e escrevo pouco.", [("Fátima", P)]),
    ("pt", "olá. sou o quinzinho, estudante em braga", [("quinzinho", P)]),
    ("it", "Ciao, sono la Ginevra di Bergamo.", [("Ginevra", P)]),
    ("pt", "sou a favor disso, claro", []),
    ("pt", "Eu sou a Macabéa da família, dizia ela.", []),  # a character the writer likens themself to
    # what the relation is of, then the article after the comma
    ("pt", "o meu colega de casa, o tarcísio, diz que sim", [("tarcísio", P)]),
    ("es", "Mi compañera de piso Begoña lo sabe.", [("Begoña", P)]),
    ("es", "mi profe de colegio, Colombia es pequeña", []),  # a place opening the next clause
    # the writer's own name before "here" (a full name too), and a full name opening a line, then a profession
    ("pt", "Olá! Ermelinda Cabral aqui, de Tavira.", [("Ermelinda Cabral", P)]),
    ("es", "Begoña aquí. Yo también.", [("Begoña", P)]),
    ("pt", "Rui Pestana, psicólogo clínico, em Faro. Obrigado.", [("Rui Pestana", P)]),
    ("pt", "Porto aqui é diferente.", []),
    ("es", "Respondedle aquí, ella lo lee.", []),  # a verb with its clitic before "here"
    ("fr", "Répondez-lui ici, elle lit.", []),
    # "we call her X", "a certain X"; a given name that is also a town when the introduction goes on
    ("es", "mi prima Casilda vive lejos. le decimos Cata.", [("Casilda", P), ("Cata", P)]),
    ("es", "con la licenciada de antes, una tal Urquiola, no me animé", [("Urquiola", P)]),
    ("es", "Hola. Soy Santiago, de Valparaíso, y vengo poco.", [("Santiago", P)]),
    ("es", "Soy de Santiago y vivo sola.", []),
])
def test_cue_phrases(lang, text, expected):
    check(M.CuePhraseRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "J'ai revu Mme Delacourt hier.", [("Delacourt", P)]),
    ("fr", "La Dresse Vauthey-Crausaz me suit depuis 2020.", [("Vauthey-Crausaz", P)]),  # Swiss "Doctoresse"
    ("fr", "Un rendez-vous avec M. Kerbrat à Brest.", [("Kerbrat", P)]),
    ("fr", "merci madame Vasseur-Lenoir", [("Vasseur-Lenoir", P)]),
    ("fr", "Il me faut du temps.", []),  # "me" is a pronoun, not Maître
    ("fr", "madame la directrice a signé", []),
    ("es", "La Sra. Iturbe me atendió.", [("Iturbe", P)]),
    ("es", "Hablé con Dña. Remedios ayer.", [("Remedios", P)]),
    ("it", "La dott.ssa Castagnoli è brava.", [("dott.ssa", K), ("Castagnoli", P)]),  # the title kept whole
    ("nl", "Ik sprak Mevr. Huijbregts gisteren.", [("Huijbregts", P)]),
    # a particle capitalised after the title
    ("nl", "Ik ben bij dr. Van Oosterwijk geweest.", [("Van Oosterwijk", P)]),
    ("nl", "Mevrouw Van den Hoeven zei het.", [("Van den Hoeven", P)]),
    ("es", "Fui a la Dra. De la Vega ayer.", [("De la Vega", P)]),
    # a title, a given name, then the surname even where it is also a town
    ("es", "mi terapeuta, la Sra. Roser Tarragona, dice que no", [("Roser Tarragona", P)]),
    # a chain of titles, the name after the last one; professional titles of each language
    ("nl", "Ik ging naar mw. drs. Tjitske Hoornstra toe.", [("Tjitske Hoornstra", P)]),
    ("nl", "Onze ds. Wiebren Kalsbeek zei het ook.", [("Wiebren Kalsbeek", P)]),
    ("nl", "Ik ben bij dokter Hazelhoff geweest.", [("Hazelhoff", P)]),
    ("es", "Sigo con la Mtra. Azucena Villaseñor, en Tonalá.", [("Azucena Villaseñor", P)]),
    ("es", "La Psic. Anselma Quezada me dio de alta.", [("Anselma Quezada", P)]),
    ("es", "Dr. Mtro. Oziel Bárcenas atiende los martes.", [("Oziel Bárcenas", P)]),
    # a Dutch particle before a surname that is a word, the title opening the sentence or not
    ("nl", "Mevrouw ter Bruggen heeft mij nooit gehaast.", [("ter Bruggen", P)]),
    ("nl", "Ik schreef meneer ten Velde een kaart.", [("ten Velde", P)]),
    ("es", "Soy Pilar, la hermana de Maribel.", []),  # "de" a preposition after a relation noun
    # a title alone, or before a lower-case word in capitalised text, is no name
    ("nl", "De dominee zei niets.", []),
    ("es", "La maestra dijo que no.", []),
])
def test_titles(lang, text, expected):
    check(M.LanguageTitleRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Merci pour tout. Bises, Ondine", [("Ondine", P)]),
    ("fr", "Courage à toi. Bises, T.", [("T.", P)]),
    ("fr", "on s'accroche. gros bisous maëlys 💛", [("maëlys", P)]),
    ("fr", "Je vous laisse. QLB", [("QLB", P)]),
    ("fr", "merci à tous, vraiment. z.", [("z.", P)]),
    ("fr", "Je vous laisse. Merci.", []),
    ("es", "Ánimo con todo. Un abrazo, Maite", [("Maite", P)]),
    ("es", "Gracias por leer. Saludos.", []),
    ("it", "Forza! Un abbraccio, Ludovica", [("Ludovica", P)]),
    ("pt", "Força para ti. Beijinhos, Leonor", [("Leonor", P)]),
    ("nl", "Sterkte ermee. Groetjes, Femke", [("Femke", P)]),
    # a closing word is a whole word: "gr" does not cut "groeten" into a name
    ("nl", "Dank aan iedereen. Lieve groeten!", []),
    ("it", "Il numero è quello. Firmato Gennarino.", [("Gennarino", P)]),
    # the formal closings of letters ("Hoogachtend," is no name)
    ("nl", "Vraag om een laatste gesprek.\n\nHoogachtend,\nWobbe", [("Wobbe", P)]),
    ("nl", "Vraag om een laatste gesprek.\n\nHoogachtend,", []),
    ("fr", "Merci pour tout.\nBien à vous, Ysaline", [("Ysaline", P)]),
])
def test_signoffs(lang, text, expected):
    check(M.LanguageSignoffRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    # a word of no language after the article, coordinated with the writer
    ("pt", "O grupo nasceu quando eu e a Tetê saímos da sala.", [("Tetê", P)]),
    ("pt", "Fomos ao Capibaribe, eu e a mãe.", []),
    # a rare given name after the article of given names in lower case
    ("pt", "a quitéria disse-me hoje que sim. e eu chorei", [("quitéria", P)]),
    ("pt", "a estrela apagou-se ontem", []),
    ("fr", "merci Gwendoline, ça m'aide", [("Gwendoline", P)]),
    ("fr", "J'en ai parlé et Solène m'a dit de revenir.", [("Solène", P)]),
    ("fr", "ok donc hier soir anaïs m'a dit que non", [("anaïs", P)]),
    ("fr", "la constance n'est pas mon fort", []),  # a word after an article
    ("fr", "on s'est retrouvés au Tim Bistrot en face", []),  # an article before a capital: a thing
    ("fr", "Elle vit en Suisse depuis dix ans.", []),
    ("fr", "J'ai écouté Florence Ravel en boucle chez Marius.", [("Florence Ravel", P), ("Marius", P)]),
    ("fr", "Il chante « Le Jour » pour Adeline.", [("Adeline", P)]),
    ("es", "gracias Nekane, me ayudó mucho", [("Nekane", P)]),
    ("es", "Ayer Ainhoa me dijo que esperara.", [("Ainhoa", P)]),
    ("es", "Vivo en Colombia desde hace años.", []),
    ("nl", "Gisteren zei Sanne dat ik moest bellen.", [("Sanne", P)]),
    # a greeting word that is also a given name, capitalised inside a sentence, is the name
    ("nl", "zeg het maar tegen Lieve, echt.", [("Lieve", P)]),
    ("nl", "Dank je wel, en met Lieve groeten aan allen.", []),
    # Portuguese names people with the definite article
    ("pt", "Silêncio na mesa. O Joaquim desligou o som.", [("Joaquim", P)]),
    ("pt", "a minha psicóloga aqui no bairro, a Zuleivânia, me perguntou", [("Zuleivânia", P)]),
    ("pt", "andei pelo Pelourinho e vi o Petro de Luanda jogar", []),
    # a given name that is also a town, after a preposition of company, is someone
    ("es", "Lo importante es que lo hables con Soledad y que ella sepa.", [("Soledad", P)]),
    ("es", "Viví en Soledad dos años.", []),
    # Italian speech puts the article before a given name, or before a pet form of one
    ("it", "Il Ruggero è così: non parla, paga.", [("Ruggero", P)]),
    ("it", "Ieri il Vituccio mi ha chiamato.", [("Vituccio", P)]),
    ("it", "Sono andata alla Scala di Milano.", []),
    ("it", "Ieri il Postino non è passato.", []),  # an -ino word of the language, no pet form
])
def test_lexicon_names(lang, text, expected):
    check(M.LanguageNameRecognizer, text, expected, lang=lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "J'ai lu un livre de Clarisse Vautrin sur le deuil.", [("Clarisse Vautrin", K)]),
    ("fr", "Odette Marchal a écrit de belles pages là-dessus.", [("Odette Marchal", K)]),
    ("fr", "Écoutez Rosalie Demers, « Le long du fleuve ».", [("Rosalie Demers", K)]),
    ("es", "Leí una novela de Amaya Berrocal el verano pasado.", [("Amaya Berrocal", K)]),
    ("fr", "J'ai vu Odette Marchal hier.", []),
    # a quoted title, then its author
    ("it", "Ho letto «Le stanze vuote» di Rosalba Ferretti in quel periodo.", [("Rosalba Ferretti", K)]),
    ("nl", 'Ken je "Het lange wachten" van Geertje Smulders?', [("Geertje Smulders", K)]),
    # read, listened to or watched by the writer, and the names listed with them
    ("es", "yo escucho a Amaya Berrocal y a Luciana Ferrol, y leo a Teodora Llanes.",
     [("Amaya Berrocal", K), ("Luciana Ferrol", K), ("Teodora Llanes", K)]),
    ("it", "io ascolto Ottavio Brenna e leggo Ilaria Monforte, e Piera dice che va bene.",
     [("Ottavio Brenna", K), ("Ilaria Monforte", K)]),
    ("it", "«Il giardino d'inverno» di Ugo Scarlatti, e Renata Valdesi.", [("Ugo Scarlatti", K), ("Renata Valdesi", K)]),
    ("nl", "Ik luister naar Joost Verhelst als ik niet kan slapen.", [("Joost Verhelst", K)]),
    ("es", "Le conté a Amaya Berrocal lo que pasó.", []),  # told someone: no work
    ("it", "Ho sentito Ottavio Brenna ieri al telefono.", []),
    ("it", "gli ho detto che canto Ottavio Brenna in macchina", [("Ottavio Brenna", K)]),
])
def test_public_works(lang, text, expected):
    check(M.LanguageWorkRecognizer, text, expected, lang=lang)


def test_every_new_recognizer_declares_the_languages_of_its_tables():
    tables = set(M.language_cues()[0])
    assert {"fr", "es", "it", "pt", "nl"} <= tables
    for cls in (M.CuePhraseRecognizer, M.LanguageTitleRecognizer, M.LanguageSignoffRecognizer,
                M.LanguageNameRecognizer, M.LanguageWorkRecognizer):
        assert cls.languages == frozenset(tables)
        assert spans(cls, "Mi terapeuta Odile", lang="hu") == []  # not run outside its languages
    assert frozenset(tables) <= covered_languages(recognizer_classes())


def test_the_cue_tables_refuse_unknown_keys(monkeypatch):
    M.language_cues.cache_clear()
    try:
        real = M.resources.files

        class _Fake:
            def __truediv__(self, other):
                return self

            def read_text(self, encoding="utf-8"):
                return '[fr]\npossesives = ["ma"]\n'

        monkeypatch.setattr(M.resources, "files", lambda pkg: _Fake())
        with pytest.raises(ValueError, match="unknown key"):
            M.language_cues()
        monkeypatch.setattr(M.resources, "files", real)
    finally:
        M.language_cues.cache_clear()


def test_a_verb_with_its_clitic_is_not_coordinated_with_a_name():
    from therapy_threads.anonymise.recognizers import CoordinationRecognizer

    text = "A minha terapeuta, a Dona Amélia, reformou-se há dois anos."
    t_spans = spans(M.LanguageTitleRecognizer, text, lang="pt")
    assert [(text[s.start:s.end]) for s in t_spans] == ["Amélia"]
    from therapy_threads.anonymise.detect import TextContext, build_context, lower_style
    from test_anonymise_recognizers import CUES
    t = TextContext(text, build_context([text], {}, None), "comment", "pt", bytearray(len(text)),
                    lower_style=lower_style(text))
    for sp in t_spans:
        t.claim(sp)
    assert list(CoordinationRecognizer(CUES).analyze(t)) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("pt", "me chama no zap (81) 99555-0142 depois", [("(81) 99555-0142", "phone")]),
    ("nl", "bel de praktijk op 03 555 01 88.", [("03 555 01 88", "phone")]),
    ("es", "llámame al 11 5555-0199 cuando quieras", [("11 5555-0199", "phone")]),
    ("pt", "nasci em 1987 e moro aqui desde 2003", []),
])
def test_phone_numbers_of_the_countries_of_the_language(lang, text, expected):
    check(M.LanguagePhoneRecognizer, text, expected, lang=lang)
