"""Semantic versions of releases and the bump rules of docs/versioning.md.

MAJOR: the published schema changed (columns, types, meaning), or a whole source was removed
       -> enforced.
MINOR: rows or sources added -> warned when only the patch number moved.
PATCH: fixes (rows corrected or withdrawn, card text) with the same schema.

Whatever the bump, a release that loses more than ``MAX_ROW_LOSS`` of the previous release's
posts or comments is refused unless the loss is declared (``--allow-row-loss``), and an empty
release is always refused: a failed or half-failed build must not become a release silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import UserError

MAX_ROW_LOSS = 0.01  # share of the previous release's posts or comments that may vanish unannounced
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
               rows_added: bool, anything_changed: bool, latest: Version | None,
               sources_removed: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Enforce the versioning rules against the previous release; return warnings.

    Raises UserError when the schema changed or a source was removed without a major bump.
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
    if sources_removed and new.major <= prev.major:
        shown = ", ".join(sources_removed[:5]) + (f" and {len(sources_removed) - 5} more"
                                                   if len(sources_removed) > 5 else "")
        raise UserError(
            f"{len(sources_removed)} source(s) of {prev.tag} are not in this build ({shown}); "
            f"removing a whole source is a major release: publish {prev.major + 1}.0.0 instead of "
            f"{new} (see docs/versioning.md), or build with those sources again")
    if rows_added and kind == "patch":
        warnings.append(f"rows or sources were added since {prev.tag}: by docs/versioning.md that "
                        f"is a minor release ({prev.major}.{prev.minor + 1}.0), not {new}")
    if not anything_changed:
        warnings.append(f"no rows, sources or schema changed since {prev.tag}")
    return warnings


def check_rows(counts: dict[str, int], removed: dict[str, int], prev_counts: dict[str, int] | None,
               prev: Version | None, *, max_loss: float = MAX_ROW_LOSS, allow_loss: bool = False) -> list[str]:
    """Refuse an empty release, and one that loses more than ``max_loss`` of the previous
    release's posts or comments (rows whose id is gone) unless ``allow_loss``; return warnings."""
    empty = [t for t in ("posts", "comments") if not counts.get(t)]
    if empty:
        raise UserError(f"the build has no {' and no '.join(empty)}: an empty release is never "
                        "published (did every source fail? see build_report.json)")
    warnings: list[str] = []
    if not prev_counts or prev is None:
        return warnings
    for table in ("posts", "comments"):
        before, gone = int(prev_counts.get(table) or 0), int(removed.get(table) or 0)
        if not before or not gone:
            continue
        share = gone / before
        msg = f"{gone:,} of the {before:,} {table} of {prev.tag} ({share:.1%}) are not in this release"
        if share > max_loss and not allow_loss:
            raise UserError(f"{msg}, more than the {max_loss:.0%} a release may lose unannounced; "
                            "find out why (failed or changed sources: build_report.json), or "
                            "publish with --allow-row-loss if the removal is intended")
        warnings.append(msg)
    return warnings
