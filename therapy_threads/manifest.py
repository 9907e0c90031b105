"""The source manifest (``sources.toml``): its fields and types, and where a source may be read.

::

    roots = ["../shared/exports"]      # optional: more folders sources may be read from

    [[source]]
    id = "my-blog-export"              # a slug: letters, digits, '.', '_', '-'
    location = "exports/myblog.xml"    # inside the manifest's folder or a root, or an http(s) URL
    ...

A local ``location`` must resolve inside the manifest's folder or one of the ``roots`` (listed
in the manifest, relative to it, or given with ``--root``), with no symbolic link on the way
and nothing that looks like a key or credentials. Any entry breaking these rules stops the run
before anything is read, with one line naming the entry and what to change.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import stat
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import confine
from .errors import RefusedPath, UserError
from .readers.base import SourceRef

MANIFEST_NAME = "sources.toml"
SOURCE_KEYS = {"id", "location", "format", "site", "url", "retrieved", "licence", "include", "note"}
TOP_KEYS = {"source", "roots"}
INCLUDE_KEYS = ("categories", "tags", "keywords", "languages")
# An id names files (fragments, archives, fetched pages): a slug can never leave its folder.
ID_PATTERN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.)){0,127}$")
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_SOURCES = 1_000_000


@dataclass(frozen=True)
class Manifest:
    path: Path  # the sources.toml read
    base: Path  # the folder relative locations start from (real path)
    roots: tuple[Path, ...]  # folders local sources may be read from (real paths), base first
    sources: tuple[SourceRef, ...]
    # (as written, real path) of each root: an absolute location may use either spelling
    aliases: tuple[tuple[Path, Path], ...] = ()

    def local_path(self, ref: SourceRef) -> Path:
        """The confined path of a local source (see :func:`resolve_location`)."""
        return resolve_location(self.base, ref.location, self.roots, self.aliases)[0]

    def read_local(self, ref: SourceRef) -> bytes:
        return read_local(self.local_path(ref))


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def manifest_path(sources: str | Path) -> Path:
    p = Path(sources)
    if p.is_dir():
        p = p / MANIFEST_NAME
    if not p.is_file():
        raise UserError(f"no source manifest at {p}; pass --sources DIR (with {MANIFEST_NAME}) or "
                        "a .toml file")
    return p


def read_manifest(sources: str | Path, *, roots: Iterable[str | Path] = ()) -> Manifest:
    """Parse and check a manifest; every local location is resolved and confined here."""
    path = manifest_path(sources)
    with path.open("rb") as f:
        raw = f.read(MAX_MANIFEST_BYTES + 1)
    if len(raw) > MAX_MANIFEST_BYTES:
        raise UserError(f"{path} is larger than {MAX_MANIFEST_BYTES:,} bytes; split it into "
                        "several manifests")
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UserError(f"{path} is not valid TOML: {e}") from None
    unknown = set(doc) - TOP_KEYS
    if unknown:
        raise UserError(f"{path}: unknown top-level keys {sorted(unknown)}; allowed: "
                        f"{sorted(TOP_KEYS)} (each source is a [[source]] table)")
    base = Path(os.path.realpath(path.parent))
    aliases = _roots(path, base, doc.get("roots", []), roots)
    all_roots = tuple(dict.fromkeys(real for _, real in aliases))
    entries = doc.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise UserError(f"{path} lists no [[source]] entries")
    if len(entries) > MAX_SOURCES:
        raise UserError(f"{path} lists {len(entries):,} sources, more than {MAX_SOURCES:,}; split "
                        "it into several manifests")
    refs: list[SourceRef] = []
    seen: set[str] = set()
    refused: list[str] = []
    for i, e in enumerate(entries, 1):
        ref = _source(path, i, e)
        if ref.source_id in seen:
            raise UserError(f"{path}: source id {ref.source_id!r} is used twice; ids must be unique")
        seen.add(ref.source_id)
        if not is_url(ref.location):
            try:
                resolved, root = resolve_location(base, ref.location, all_roots, aliases)
                _refuse_secret_file(resolved, root)
            except RefusedPath as err:
                refused.append(f"source {ref.source_id!r}: {err}")
        refs.append(ref)
    if refused:
        more = f" (and {len(refused) - 1} more refused)" if len(refused) > 1 else ""
        raise RefusedPath(f"{path}: {refused[0]}{more}")
    return Manifest(path=path, base=base, roots=all_roots, sources=tuple(refs), aliases=aliases)


def load_manifest(sources: str | Path, *, roots: Iterable[str | Path] = ()
                  ) -> tuple[Path, list[SourceRef]]:
    """``(folder locations are relative to, entries)``; see :func:`read_manifest`."""
    m = read_manifest(sources, roots=roots)
    return m.base, list(m.sources)


# ----------------------------------------------------------------------------- fields

def _roots(path: Path, base: Path, listed: Any, extra: Iterable[str | Path]
           ) -> tuple[tuple[Path, Path], ...]:
    if isinstance(listed, str) or not isinstance(listed, list) \
            or not all(isinstance(r, str) for r in listed):
        raise UserError(f"{path}: 'roots' must be a list of folder paths (strings), e.g. "
                        "roots = [\"../exports\"]")
    out = [(Path(os.path.abspath(path.parent)), base)]
    for r, origin in [(base / Path(x).expanduser(), "roots in the manifest") for x in listed] + \
                     [(Path(x).expanduser().absolute(), "--root") for x in extra]:
        real = Path(os.path.realpath(r))
        if not real.is_dir():
            raise UserError(f"{r} (from {origin}) is not a folder; list existing folders only")
        if real == Path(real.anchor):
            raise UserError(f"{r} (from {origin}) is the whole file system; list the folders "
                            "that hold sources instead")
        pair = (Path(os.path.abspath(r)), real)
        if pair not in out:
            out.append(pair)
    return tuple(out)


def _source(path: Path, i: int, e: Any) -> SourceRef:
    where = f"{path}: source #{i}"
    if not isinstance(e, dict):
        raise UserError(f"{where} is not a table; write each source as a [[source]] table")
    unknown = set(e) - SOURCE_KEYS
    if unknown:
        raise UserError(f"{where} has unknown keys {sorted(unknown)}; allowed: "
                        f"{sorted(SOURCE_KEYS)}")
    for req in ("id", "location"):
        if req not in e or e[req] in ("", None):
            raise UserError(f"{where} needs '{req}'")
    sid = e["id"]
    if not isinstance(sid, str) or not ID_PATTERN.match(sid):
        raise UserError(f"{where}: id {_short(sid)} is not a slug; use 1-128 letters, digits, '.', "
                        "'_' or '-' (starting with a letter or digit, no '..'), e.g. "
                        "\"my-blog-2024\"")
    where = f"{path}: source {sid!r}"
    for key in ("location", "format", "site", "url", "licence", "note"):
        if key in e and not isinstance(e[key], str):
            raise UserError(f"{where}: '{key}' must be a string, not {_tname(e[key])} "
                            f"({_short(e[key])})")
    loc = e["location"]
    if "\x00" in loc or len(loc) > 4096:
        raise UserError(f"{where}: 'location' is not a usable path or URL")
    if is_url(loc) and not urlsplit(loc).hostname:
        raise UserError(f"{where}: location {loc!r} is not a valid URL (no host)")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", loc) and not is_url(loc):
        raise UserError(f"{where}: location {_short(loc)} uses an unsupported scheme; give an "
                        "http(s) URL or a file path")
    fmt = e.get("format") or None
    if fmt is not None:
        from .formats import canonical_format, format_help

        try:
            fmt = canonical_format(fmt)  # the registry's name (an old alias maps to it)
        except ValueError:
            raise UserError(f"{where}: unknown format {fmt!r}; use one of {format_help()} (or "
                            "leave it out to detect it)") from None
    retrieved = e.get("retrieved")
    if retrieved is not None and not isinstance(retrieved, (str, _dt.date, _dt.datetime)):
        raise UserError(f"{where}: 'retrieved' must be a date (2024-05-01) or a string, not "
                        f"{_tname(retrieved)}")
    return SourceRef(
        source_id=sid, location=loc, format=_shared(fmt), site=_shared(e.get("site") or None),
        url=e.get("url") or None, retrieved=_shared(retrieved), licence=_shared(e.get("licence")),
        include=_include(where, e.get("include")),
    )


def _shared(v: Any) -> Any:
    """One string object for the values most entries repeat (site, licence, format, date): the
    parser makes a copy per entry, held by the plan for the whole build (~1 MB per 10,000
    sources each)."""
    return sys.intern(v) if isinstance(v, str) else v


def _include(where: str, rule: Any) -> dict[str, Any]:
    if rule is None:
        return {}
    if not isinstance(rule, dict):
        raise UserError(f"{where}: 'include' must be a table such as include = {{ keywords = "
                        f"[\"therapist\"] }}, not {_tname(rule)} ({_short(rule)})")
    unknown = sorted(set(rule) - set(INCLUDE_KEYS))
    if unknown:
        raise UserError(f"{where}: include has unknown keys {unknown}; known: "
                        f"{', '.join(INCLUDE_KEYS)}")
    for k, v in rule.items():
        if not (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))):
            raise UserError(f"{where}: include.{k} must be a string or a list of strings, not "
                            f"{_tname(v)} ({_short(v)})")
    return dict(rule)


def _tname(v: Any) -> str:
    return {list: "a list", dict: "a table", int: "a number", float: "a number",
            bool: "true/false", str: "a string"}.get(type(v), type(v).__name__)


def _short(v: Any, n: int = 60) -> str:
    s = repr(v)
    return s if len(s) <= n else s[: n - 1] + "…"


# ----------------------------------------------------------------------------- confinement

def resolve_location(base: Path, location: str, roots: Sequence[Path],
                     aliases: Sequence[tuple[Path, Path]] = ()) -> tuple[Path, Path]:
    """(path, root): ``location`` against ``base``, inside one of ``roots``, without links.

    ``base`` and ``roots`` are real paths. Raises :class:`RefusedPath` when the path leaves
    every root or goes through a link. A missing file is not refused here (the build reports
    it per source).
    """
    path = confine.normalise(base, os.path.expanduser(location))
    hit = confine.contained(path, roots)
    if hit is None:
        # an absolute location spelled through a root as written (a linked parent of the root)
        for alias, real in aliases:
            found = confine.contained(path, [alias])
            if found is not None:
                hit = (real, found[1])
                path = real / found[1] if found[1] != "." else real
                break
    if hit is None:
        allowed = ", ".join(str(r) for r in roots)
        raise RefusedPath(f"location {_short(location)} resolves to {path}, outside the folders "
                          f"sources may be read from ({allowed}); move the file there or list its "
                          "folder under roots = [...] in the manifest (or --root DIR)")
    root, rel = hit
    if rel in ("", "."):
        raise RefusedPath(f"location {location!r} is a folder, not a source file")
    st = confine.lstat_in(root, rel)  # raises RefusedPath on a link anywhere below the root
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise RefusedPath(f"location {location!r} ({path}) is a symbolic link, refused: links may "
                          "lead outside the folder; give the real file")
    return path, root


def _refuse_secret_file(path: Path, root: Path) -> None:
    rel = str(path.relative_to(root))
    try:
        with confine.open_regular(root, rel) as f:
            head = f.read(confine.SNIFF_BYTES)
    except FileNotFoundError:
        confine.refuse_secret(path, b"")  # the name alone may say it; content is checked later
        return
    confine.refuse_secret(path, head)


def read_local(path: Path) -> bytes:
    """The bytes of a local source resolved by :func:`resolve_location`, read again safely.

    Resolution works on real paths, so no component from ``/`` down is a link; the file is
    opened one component at a time without following links (a link swapped in since is
    refused), must be a regular file and must not look like a key or credentials.
    """
    path = Path(os.path.normpath(path))
    if not path.is_absolute():
        path = Path(os.path.realpath(path.parent)) / path.name
    with confine.open_regular(Path("/"), str(path)[1:]) as f:
        data = f.read()
    confine.refuse_secret(path, data[: confine.SNIFF_BYTES])
    return data
