"""Development-time export of ``therapy_threads/data/spellout_numbers.txt``: the number words of every
language the Unicode CLDR spells numbers out in (its RBNF "spellout" rules, as shipped by ``unicode-rbnf``),
for reading phone numbers written out in words in languages ``text2num`` has no table for (:mod:`.spellout`).

Not run by the pipeline: formatting 0-999 in every ruleset of ~80 languages takes ~40 s, so the words are
frozen here and the file's digest is part of the anonymiser fingerprint. Regenerate on purpose with::

    pip install unicode-rbnf==2.4.1
    python therapy_threads/anonymise/spellout_export.py therapy_threads/data

Contents, one entry a line, ``lang<TAB>kind<TAB>value<TAB>words``, the words folded by :func:`.spellout.fold`
(lower case, accents off: people type "sase" as often as "şase") and split into words at blanks, hyphens and
apostrophes (joined by one blank):
- ``n``: the nominative cardinal forms of 0-99 and of each whole hundred, every gender CLDR spells (Romanian
  "doi"/"două", Russian "один"/"одна"/"одно");
- ``h``: what stands before the number 1-99 in a number of hundreds, as a word or words of its own ("o suta",
  "девятьсот", "siyam na daan at"): 916 = ``h`` 900 + ``n`` 16;
- ``g``: the same glued to the number's first word (Hungarian "kilencszaz|tizenhat", Italian "novecento|sedici").
The case forms (genitive, ablative ...), ordinals, years and the languages written without blanks between words
(Chinese, Japanese, Thai ...) are left out. CLDR data is under the Unicode licence; unicode-rbnf is MIT.
"""
from __future__ import annotations

import sys
from pathlib import Path

# cardinal rulesets in a grammatical case, or for money, years, ordinals: not how a phone number is said
_NOT_SAID = {"ablative", "adessive", "allative", "elative", "essive", "genitive", "illative", "inessive",
             "partitive", "translative", "accusative", "dative", "instrumental", "locative", "cents", "year",
             "days", "financial", "tens", "prefixpart", "large", "ones", "initial", "sinokorean", "digits", "latn"}
# written without blanks between words: a run of number words there is no run of words
_UNSPACED = {"ja", "zh", "zh_Hant", "yue", "yue_Hans", "th", "lo", "km", "my", "ccp", "ko"}


def spellouts() -> dict[str, dict[int, set[str]]]:
    """lang -> number (0-999) -> its folded spellings."""
    from unicode_rbnf import RbnfEngine

    from therapy_threads.anonymise.spellout import fold

    out: dict[str, dict[int, set[str]]] = {}
    for lang in RbnfEngine.get_supported_languages():
        if lang in _UNSPACED:
            continue
        engine = RbnfEngine.for_language(lang)
        rules = [r for r in engine.rulesets if r.startswith(("spellout-cardinal", "spellout-numbering"))
                 and not _NOT_SAID & set(r.split("-"))]
        forms: dict[int, set[str]] = {}
        for n in range(1000):
            for said in set(engine.format_number(n, ruleset_names=rules).text_by_ruleset.values()):
                words = fold(said)
                if words:
                    forms.setdefault(n, set()).add(words)
        out[lang.replace("_", "-")] = forms
    return out


def lines(forms_by_lang: dict[str, dict[int, set[str]]]) -> list[str]:
    out = []
    for lang, forms in sorted(forms_by_lang.items()):
        rows = set()
        for n, said in forms.items():
            if n < 100 or n % 100 == 0:
                rows.update(("n", n, w) for w in said)
        for n, said in forms.items():
            if n < 100 or n % 100 == 0:
                continue
            for w in said:
                for rest in sorted(forms.get(n % 100, ()), key=len, reverse=True):
                    if w.endswith(" " + rest):
                        rows.add(("h", n - n % 100, w[:-len(rest) - 1]))
                        break
                    if w.endswith(rest) and len(w) > len(rest) and " " not in rest:
                        rows.add(("g", n - n % 100, w[:-len(rest)]))
                        break
        out += [f"{lang}\t{k}\t{n}\t{w}" for k, n, w in sorted(rows)]
    return out


def main(argv: list[str]) -> int:
    dest = Path(argv[0]) / "spellout_numbers.txt"
    dest.write_text("\n".join(lines(spellouts())) + "\n", encoding="utf-8")
    print(f"wrote {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
