"""Development-time export of the frozen lexicons in ``therapy_threads/data/`` (not run by the pipeline).

The runtime never imports ``names_dataset`` or ``wordfreq``: loading ``names-dataset`` takes ~12 s
and ~2 GB, and ``wordfreq`` is not a project dependency. Install both in a throw-away venv and run::

    python -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install names-dataset==3.3.1 wordfreq==3.1.1
    /tmp/lexvenv/bin/python therapy_threads/anonymise/lexicon_export.py therapy_threads/data

Outputs (one entry a line, sorted, UTF-8):
- ``first_names.txt``: given names ranked in the top 4000 of an English-speaking country in
  names-dataset (aggregate counts only; no record of any person).
- ``first_names_intl.txt``: given names in the top 1000 of another large country and not above:
  weaker evidence (a token found only here goes to NER instead of being accepted by rule).
- ``last_names.txt``: surnames ranked in the top 3000 of an English-speaking country.
- ``common_words.txt``: the 50,000 most frequent English words in wordfreq (lower case, letters
  and apostrophes only), in frequency order.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ENGLISH = ("US", "GB", "CA", "AU", "IE", "NZ", "ZA")
OTHER = ("IN", "DE", "FR", "ES", "IT", "NL", "PL", "BR", "MX", "PH", "NG", "SE", "NO", "DK", "FI",
         "PT", "GR", "TR", "IL", "AR", "CO", "CL", "BE", "AT", "CH", "JM", "KE", "GH")
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
    print(f"first names {len(first)} + {len(intl)} intl, last names {len(last)}, common words {len(words)} -> {out}")


if __name__ == "__main__":
    export(Path(sys.argv[1] if len(sys.argv) > 1 else "therapy_threads/data"))
