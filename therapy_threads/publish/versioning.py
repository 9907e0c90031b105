"""Semantic versions of releases and the bump rules of docs/versioning.md.

MAJOR: the published schema changed (columns, types, meaning) -> enforced.
MINOR: rows or sources added -> warned when only the patch number moved.
PATCH: fixes (rows corrected or withdrawn, card text) with the same schema.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import UserError

_SEMVER = re.compile(r"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        m = _SEMVER.match(str(text).strip())
        if not m:
            raise UserError(f"{text!r} is not a release version; use MAJOR.MINOR.PATCH, e.g. 1.0.0 "
                            "(see docs/versioning.md)")
        return cls(*(int(g) for g in m.groups()))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def tag(self) -> str:
        return f"v{self}"

    def bump_kind(self, prev: Version) -> str:
        if self.major != prev.major:
            return "major"
        if self.minor != prev.minor:
            return "minor"
        return "patch"


def check_bump(new: Version, prev: Version | None, *, schema_changed: bool, schema_note: str,
               rows_added: bool, anything_changed: bool, latest: Version | None) -> list[str]:
    """Enforce the versioning rules against the previous release; return warnings.

    Raises UserError when the schema changed without a major bump.
    """
    warnings: list[str] = []
    if latest is not None and new < latest:
        warnings.append(f"{new.tag} is older than the latest release {latest.tag}: it is "
                        "published as a maintenance release and 'latest' stays "
                        f"{latest.tag}")
    if prev is None:
        return warnings
    kind = new.bump_kind(prev)
    if schema_changed and new.major <= prev.major:
        raise UserError(
            f"the published schema changed since {prev.tag} ({schema_note}); a schema change "
            f"needs a major version: publish {prev.major + 1}.0.0 instead of {new} "
            "(see docs/versioning.md)")
    if rows_added and kind == "patch":
        warnings.append(f"rows or sources were added since {prev.tag}: by docs/versioning.md that "
                        f"is a minor release ({prev.major}.{prev.minor + 1}.0), not {new}")
    if not anything_changed:
        warnings.append(f"no rows, sources or schema changed since {prev.tag}")
    return warnings
