"""The anonymisation policy: a typed, frozen config read from TOML.

The packaged default is ``therapy_threads/data/anonymise_policy.toml``; a maintainer's file passed
with ``--policy`` overrides single keys of it. Unknown sections or keys, and values of the wrong
type, are refused with a one-line error (a typo must not silently fall back to the default).
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import MISSING, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any, get_type_hints

from ..errors import UserError


def _default_policy_path() -> Path:
    return Path(str(resources.files("therapy_threads") / "data" / "anonymise_policy.toml"))


@dataclass(frozen=True)
class PseudonymPolicy:
    prefix: str
    hex_digits: int
    prefer: tuple[str, ...]
    generic_names: frozenset[str]


@dataclass(frozen=True)
class Placeholders:
    person: str
    known: str
    post_author: str
    email: str
    url: str
    phone: str


@dataclass(frozen=True)
class TextPolicy:
    replace_post_author_in_comments: bool
    replace_post_author_in_body: bool
    keep_own_site_urls_in_body: bool
    keep_single_letter_initials: bool
    min_name_length: int
    keep_public_figures: bool
    keep_places: bool
    phone_regions: tuple[str, ...]


@dataclass(frozen=True)
class NerPolicy:
    enabled: bool
    model: str
    exclude: tuple[str, ...]
    batch_size: int
    window: int
    labels: tuple[str, ...]  # entity labels as the model spells them ("PERSON"): not case-folded


@dataclass(frozen=True)
class RulesPolicy:
    titles: frozenset[str]
    greetings: frozenset[str]
    verbs_after: frozenset[str]
    possessed_after: frozenset[str]
    relations: frozenset[str]
    kin_titles: frozenset[str]
    not_names: frozenset[str]
    word_names: frozenset[str]
    acronyms: frozenset[str]
    closings: frozenset[str]
    # titles English and German chat writes in lower case before a name ("dr x", "frau x"): a subset of titles
    lower_titles: frozenset[str] = frozenset()
    # academic and professional titles of German-speaking countries ("Mag.a", "DSA"), titles too: after one a
    # capitalised word is a surname whatever else it is
    academic_titles: frozenset[str] = frozenset()
    # titles of monarchs and royals in English and German ("King Olav"): before a given name, a public figure
    royal_titles: frozenset[str] = frozenset()
    # prepositions of place in English and German before a place name ("moving to X", "nach X"); other
    # languages' are language_cues.toml's places_before
    places_before: frozenset[str] = frozenset()
    # German's alone ("im Allgäu", "am Bodensee"), read only in German text: "am", "im" are English too ("I am X")
    places_before_german: frozenset[str] = frozenset()
    # possessives of English and German before a relation noun ("my therapist X", "meine Therapeutin X"); other
    # languages' are language_cues.toml's possessives (their first-person ones read in any text: possessives_mixed)
    possessives: frozenset[str] = frozenset()


UNCOVERED_CHOICES = ("quarantine", "publish")


@dataclass(frozen=True)
class CoveragePolicy:
    """What happens to text in a language the name recognizers do not cover (see :mod:`.coverage`)."""

    uncovered_languages: str  # "quarantine" (default: fail closed) or "publish" (explicit opt-in)

    def __post_init__(self) -> None:
        if self.uncovered_languages not in UNCOVERED_CHOICES:
            raise UserError(f"policy [coverage] uncovered_languages must be one of {list(UNCOVERED_CHOICES)}, "
                            f"not {self.uncovered_languages!r}")


_SECTIONS: dict[str, type] = {"pseudonym": PseudonymPolicy, "placeholders": Placeholders, "text": TextPolicy,
                              "ner": NerPolicy, "rules": RulesPolicy, "coverage": CoveragePolicy}


def _coerce(where: str, hint: Any, value: Any) -> Any:
    """Check one TOML value against its field type; word sets are case-folded."""
    origin = getattr(hint, "__origin__", None)
    if hint is bool:
        if not isinstance(value, bool):
            raise UserError(f"policy {where} must be true or false, not {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise UserError(f"policy {where} must be a whole number, not {value!r}")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise UserError(f"policy {where} must be a string, not {value!r}")
        return value
    if origin in (tuple, frozenset):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UserError(f"policy {where} must be a list of strings")
        if origin is frozenset:
            return frozenset(v.casefold() for v in value)
        return tuple(value)
    raise TypeError(hint)  # pragma: no cover - a field type this loader does not know


@dataclass(frozen=True)
class Policy:
    """Settings of the anonymise stage; docs/anonymisation-policy.md explains each one."""

    version: int
    pseudonym: PseudonymPolicy
    placeholders: Placeholders
    text: TextPolicy
    ner: NerPolicy
    rules: RulesPolicy
    coverage: CoveragePolicy
    digest: str  # SHA-256 of the merged settings (canonical JSON): part of the anonymiser fingerprint
    source: str = "default"

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Policy":
        """Read a policy TOML; ``None`` loads the packaged default. Keys the file leaves out take
        the default's value; unknown sections or keys are an error."""
        merged = tomllib.loads(_default_policy_path().read_text(encoding="utf-8"))
        source = "default"
        if path is not None:
            p = Path(path)
            try:
                user = tomllib.loads(p.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise UserError(f"policy file {p} not found; omit --policy to use the packaged default") from None
            except tomllib.TOMLDecodeError as e:
                raise UserError(f"policy file {p} is not valid TOML: {e}") from None
            for k, v in user.items():
                if k == "version":
                    merged[k] = v
                elif k not in _SECTIONS or not isinstance(v, dict):
                    raise UserError(f"policy file {p}: unknown section [{k}]; known: {sorted(_SECTIONS)}")
                else:
                    unknown = set(v) - {f.name for f in fields(_SECTIONS[k])}
                    if unknown:
                        raise UserError(f"policy file {p}: unknown key(s) {sorted(unknown)} in [{k}]")
                    merged[k].update(v)
            source = str(p)
        return cls.from_dict(merged, source)

    def get(self, section: str, key: str) -> Any:
        """One setting by section and key (``policy.get("ner", "model")``); typed access is preferred."""
        return getattr(getattr(self, section), key)

    def words(self, section: str, key: str) -> frozenset[str]:
        """A word-list setting as a case-folded set."""
        return frozenset(str(w).casefold() for w in self.get(section, key))

    @classmethod
    def from_dict(cls, raw: dict[str, Any], source: str = "default") -> "Policy":
        unknown = set(raw) - set(_SECTIONS) - {"version"}
        if unknown:
            raise UserError(f"policy ({source}): unknown section(s) {sorted(unknown)}")
        built: dict[str, Any] = {}
        for name, typ in _SECTIONS.items():
            section = raw.get(name)
            if not isinstance(section, dict):
                raise UserError(f"policy ({source}): missing section [{name}]")
            hints = get_type_hints(typ)
            names = {f.name for f in fields(typ)}
            optional = {f.name for f in fields(typ) if f.default is not MISSING}
            extra, missing = set(section) - names, names - set(section) - optional
            if extra:
                raise UserError(f"policy ({source}): unknown key(s) {sorted(extra)} in [{name}]")
            if missing:
                raise UserError(f"policy ({source}): missing key(s) {sorted(missing)} in [{name}]")
            built[name] = typ(**{k: _coerce(f"[{name}] {k}", hints[k], section[k]) for k in names if k in section})
        digest = hashlib.sha256(json.dumps(raw, sort_keys=True).encode("utf-8")).hexdigest()
        return cls(version=int(raw.get("version", 1)), digest=digest, source=source, **built)
