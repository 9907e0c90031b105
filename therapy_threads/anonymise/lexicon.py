"""Frozen word lists shipped in ``therapy_threads/data/`` (exported by ``lexicon_export.py``)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

FILES = ("first_names.txt", "first_names_intl.txt", "last_names.txt", "common_words.txt")


def _read(name: str) -> list[str]:
    text = (resources.files("therapy_threads") / "data" / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]  # casefolded; English-speaking countries
    intl_names: frozenset[str]  # casefolded; other countries (weaker evidence)
    last_names: frozenset[str]  # casefolded
    common_rank: dict[str, int]  # casefolded word -> frequency rank (0 = most frequent)
    digest: str

    def is_first_name(self, w: str) -> bool:
        return w.casefold() in self.first_names

    def is_last_name(self, w: str) -> bool:
        return w.casefold() in self.last_names

    def rank(self, w: str) -> int | None:
        return self.common_rank.get(w.casefold())

    def is_common(self, w: str, top: int | None = None) -> bool:
        r = self.common_rank.get(w.casefold())
        return r is not None and (top is None or r < top)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    h = hashlib.sha256()
    lists = {}
    for name in FILES:
        words = _read(name)
        h.update(name.encode() + b"\0" + "\n".join(words).encode("utf-8"))
        lists[name] = words
    common: dict[str, int] = {}
    for i, w in enumerate(lists["common_words.txt"]):
        common.setdefault(w.replace("’", "'"), i)
    return Lexicon(
        first_names=frozenset(w.casefold() for w in lists["first_names.txt"]),
        intl_names=frozenset(w.casefold() for w in lists["first_names_intl.txt"]),
        last_names=frozenset(w.casefold() for w in lists["last_names.txt"]),
        common_rank=common,
        digest=h.hexdigest(),
    )
