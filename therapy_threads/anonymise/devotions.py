"""Religious images, devotions and the feasts of the Church calendar in Romance-language text.

Catholic speech names a devotional image of the Virgin or of Christ by a title and the place or mystery it belongs
to ("la Madonna dell'Arco", "la Virgen del Carmen", "Nossa Senhora da Conceição", "el Santo Cristo de la Salud"),
and the Andalusian and Latin American brotherhoods name an image of the Virgin by her advocation alone before its
church or quarter ("la Esperanza de Triana", "la Soledad de San Buenaventura"). The advocations are also women's
given names (Esperanza, Dolores, Rocío), which is why the name rules took the images for people. A feast of the
calendar said with the preposition or article of a date ("a Natale", "por Navidad", "no Natal") is a day, not the
man called Natale.

The titles are the Church's (the Roman Missal's and the Litany of Loreto's names of the Virgin, the devotional
titles of Christ), written in each language; nothing here comes from a labelled set.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .detect import TextContext
from .multilingual import _alt
from .recognizers import Recognizer
from .spans import KEEP, Span

_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_W = r"[^\W\d_]"

# the titles of the Virgin and of Christ that open the name of an image, a shrine or a feast, and the nouns of a feast
# or a procession before the saint's or the mystery's name ("Festa do Espírito Santo"), per language
_TITLES = {
    "it": ["madonna", "nostra signora", "beata vergine", "vergine", "santissima", "santissimo", "sacro cuore",
           "santo cristo", "crocifisso", "bambino gesù", "gesù bambino", "festa", "sagra", "processione"],
    "es": ["virgen", "nuestra señora", "santísima", "santísimo", "santo cristo", "cristo", "señor de", "señor del",
           "sagrado corazón", "niño jesús", "divino niño", "fiesta", "fiestas", "romería", "procesión"],
    "pt": ["nossa senhora", "virgem", "santíssima", "santíssimo", "senhor santo cristo", "santo cristo", "senhor do",
           "senhor dos", "senhor da", "sagrado coração", "menino jesus", "divino espírito santo", "espírito santo",
           "festa", "festas", "romaria", "procissão"],
    "ca": ["mare de déu", "verge", "santíssima", "santíssim", "sant crist", "crist", "sagrat cor"],
    "fr": ["notre-dame", "notre dame", "sainte vierge", "vierge", "sacré-cœur", "sacré-coeur", "enfant jésus",
           "christ", "fête", "pèlerinage"],
}
# the Virgin's advocations that stand alone for her image before its church or quarter ("la Esperanza de Triana");
# women are named after them, so only with the article and "de" + a capitalised place after (Spanish: Portuguese and
# Italian speech put the article before a woman's given name as often as before an image)
_ADVOCATIONS = {
    "es": ["esperanza", "macarena", "dolores", "soledad", "amargura", "rocío", "pilar", "candelaria", "estrella",
           "angustias", "regla", "merced", "piedad", "paloma", "almudena", "caridad", "consolación", "victoria",
           "aurora", "salud", "guadalupe", "montserrat", "fuensanta", "concepción", "asunción", "palma", "trinidad",
           "cabeza", "luz", "milagros", "encarnación", "remedios", "rosario", "carmen"],
}
# the prepositions and articles between a title and what names the image ("del", "dell'", "da", "de la")
_OF = (r"(?:de[ \t]+la|de[ \t]+las|de[ \t]+los|del|de|d['’]|dell['’]|della|delle|dei|degli|di|do|da|dos|das|du|des|"
       r"de[ \t]+l['’]|dels|dal)")
_CAP_RUN = rf"[{_UP}]{_W}+(?:[-'’]{_W}+)*(?:[ \t]+(?:{_OF}[ \t]+)?[{_UP}]{_W}+(?:[-'’]{_W}+)*){{0,2}}"


def _title_re(lang: str) -> re.Pattern[str]:
    # the title, capitalised, then "of" and the capitalised name of the image ("Madonna dell'Arco", "Virgen del
    # Carmen"), or a capitalised name right after it ("Santo Cristo", "Santíssimo Sacramento", "Senhor Jesus")
    return re.compile(rf"(?<!{_W})(?=[{_UP}])(?i:{_alt(_TITLES[lang])})"
                      rf"(?:[ \t]+{_OF}(?:(?<=['’])|[ \t]+)(?:(?:la|las|los|le|les)[ \t]+)?{_CAP_RUN}"
                      rf"|[ \t]+(?:(?:los|las|el|il|lo|o|os|as)[ \t]+)?{_CAP_RUN})?(?!{_W})")


def _advocation_re(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{_W})(?:la|a[ \t]+la|de[ \t]+la|por[ \t]+la|con[ \t]+la|en[ \t]+la)"
                      rf"[ \t]+(?P<img>(?=[{_UP}])(?i:{_alt(_ADVOCATIONS[lang])})"
                      rf"[ \t]+(?:de[ \t]+la|del|de|do|da|di)[ \t]+[{_UP}]{_W}+(?:[ \t]+[{_UP}]{_W}+)?)(?!{_W})")


# the feasts of the Church and civil calendar, and the prepositions and articles that make one a date; a feast
# that is also a given name (Natale, Noël, Pascual) is read as the feast only after them
_FEASTS = {
    "it": ["natale", "pasqua", "pasquetta", "ferragosto", "capodanno", "epifania", "befana", "carnevale", "ognissanti",
           "pentecoste", "quaresima", "santo stefano"],
    "es": ["navidad", "nochebuena", "nochevieja", "semana santa", "reyes", "carnaval", "pascua", "cuaresma",
           "corpus", "todos los santos", "san juan"],
    "pt": ["natal", "páscoa", "carnaval", "quaresma", "santos populares", "são joão", "santo antónio", "pentecostes",
           "espírito santo"],
    "fr": ["noël", "pâques", "toussaint", "carnaval", "chandeleur", "pentecôte", "épiphanie", "carême", "mardi gras"],
    "ca": ["nadal", "pasqua", "carnestoltes", "sant joan", "quaresma"],
}
_DATE_WORDS = {
    "it": ["a", "per", "dopo", "sotto", "il", "del", "al", "dal", "nel", "buon", "buona", "buone", "fino a",
           "prima di", "vigilia di", "pranzo di", "cena di", "vacanze di", "giorno di", "regali di", "albero di",
           "come il", "festa di", "notte di", "periodo di"],
    "es": ["en", "por", "para", "desde", "hasta", "antes de", "después de", "la", "el", "las", "los", "feliz",
           "felices", "cena de", "vacaciones de", "fiestas de", "día de", "noche de", "esta", "este"],
    "pt": ["no", "na", "pelo", "pela", "até ao", "até o", "até à", "antes do", "depois do", "antes da", "depois da",
           "o", "a", "feliz", "boas", "bom", "festas do", "festa do", "festa de", "ceia de", "dia de", "noite de",
           "este", "esta"],
    "fr": ["à", "pour", "avant", "après", "depuis", "jusqu'à", "le", "la", "joyeux", "joyeuses", "bonnes",
           "réveillon de", "veille de", "nuit de", "fêtes de", "ce", "cette"],
    "ca": ["per", "a", "després de", "abans de", "el", "la", "bon", "bones", "fins a"],
}


def _feast_re(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{_W})(?i:{_alt(_DATE_WORDS[lang])})[ \t]+"
                      rf"(?P<feast>(?=[{_UP}])(?i:{_alt(_FEASTS[lang])}))(?!{_W})(?![ \t]+[{_UP}])")
    # (a capitalised word after it makes the feast word a man's given name: "a Natale Esposito")


_RES = {lang: (_title_re(lang), _advocation_re(lang) if lang in _ADVOCATIONS else None,
               _feast_re(lang) if lang in _FEASTS else None) for lang in _TITLES}


class DevotionRecognizer(Recognizer):
    """A devotional image, shrine or feast named by the Virgin's or Christ's title ("Madonna dell'Arco", "Virgen del
    Carmen", "Nossa Senhora da Luz", "Santo Cristo"), an image named by its advocation before its church or quarter
    ("la Esperanza de Triana"), and a feast of the calendar said as a date ("a Natale"): kept whole."""

    name, score = "devotion", 0.84
    languages = frozenset(_RES)

    def analyze(self, t: TextContext) -> Iterator[Span]:
        titles, advocations, feasts = _RES[t.lang]
        text = t.text
        for m in titles.finditer(text):
            if not re.search(r"[ \t'’-]", m.group(0)):
                continue  # a one-word title alone ("Cristo!", "Madonna") is an exclamation or the word itself
            if t.free(m.start(), m.end()):
                yield self.span(m.start(), m.end(), KEEP,
                                reason=f"a devotional image, shrine or feast named by its title ({t.lang})")
        if advocations is not None:
            for m in advocations.finditer(text):
                s, e = m.span("img")
                if t.free(s, e):
                    yield self.span(s, e, KEEP, reason=f"an image of the Virgin named by its advocation and its church or quarter ({t.lang})")
        if feasts is not None:
            for m in feasts.finditer(text):
                s, e = m.span("feast")
                if t.free(s, e):
                    yield self.span(s, e, KEEP, reason=f"a feast of the calendar said as a date ({t.lang})")
