"""Find a release and read its tables: the read side of therapy-threads.

>>> import therapy_threads as tt
>>> comments = tt.load("comments")                   # newest release found locally, pandas
>>> posts = tt.load("posts", version="1.0.0", source="hf://owner/therapy-threads", format="arrow")

Where releases are looked for when ``source`` is not given (and ``$THERAPY_THREADS_SOURCE`` is
not set): the local registry ``data/releases`` and the download cache that ``therapy-threads
download`` fills (``~/.cache/therapy-threads``, see :func:`cache_root`). ``source`` can also be a
registry folder, a release folder, an http(s) URL of a registry or of one release, or
``hf://OWNER/NAME``; remote releases are downloaded once into the cache and checked against
their manifest.

This module and everything it imports is the light install (pyarrow, pandas, httpx): nothing
here may import the pipeline (Prefect, Great Expectations, spaCy) or the publishing code.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from . import confine
from .errors import UserError
from .publish.download import (STAMP, ChecksumError, cache_root, download, fetcher_for,
                               resolve_version, verify_files)
from .publish.manifest import MANIFEST
from .publish.registry import Registry
from .publish.versioning import Version
from .schema import RELEASE_TABLES

Format = Literal["pandas", "datasets", "arrow"]
DEFAULT_SOURCE = "data/releases"


def _is_remote(source: str) -> bool:
    return source.startswith(("http://", "https://", "hf://"))


@dataclass(frozen=True)
class LocalRelease:
    version: Version
    path: Path
    where: str  # "registry" or "cache"


def local_releases(cache_dir: str | Path | None = None,
                   registry: str | Path = DEFAULT_SOURCE) -> list[LocalRelease]:
    """Releases on this machine: the local registry, then the download cache (complete copies
    only: a folder without the download stamp is an interrupted or foreign download)."""
    found: list[LocalRelease] = []
    reg = Path(registry).expanduser()
    if reg.is_dir():
        for p in sorted(reg.iterdir()):
            v = _version_dir(p)
            if v is not None:
                found.append(LocalRelease(v, p, "registry"))
    cache = Path(cache_dir).expanduser() if cache_dir else cache_root()
    if cache.is_dir() and cache.resolve() != reg.resolve():
        for p in sorted(cache.iterdir()):
            v = _version_dir(p)
            if v is not None and (p / STAMP).is_file():
                found.append(LocalRelease(v, p, "cache"))
    return found


def _version_dir(p: Path) -> Version | None:
    if not (p.is_dir() and p.name.startswith("v") and (p / MANIFEST).is_file()):
        return None
    try:
        return Version.parse(p.name)
    except UserError:
        return None


def _from_local_places(version: str | None, cache_dir: str | Path | None) -> Path:
    found = local_releases(cache_dir)
    cache = Path(cache_dir).expanduser() if cache_dir else cache_root()
    places = f"{DEFAULT_SOURCE} or {cache}"
    if not found:
        raise UserError(f"no release found in {places}; download one with 'therapy-threads "
                        "download latest --from URL' or pass source= a registry, a release "
                        "folder, a URL or hf://OWNER/NAME")
    if version in (None, "", "latest"):
        newest = max(r.version for r in found)
        return next(r.path for r in found if r.version == newest)  # registry before cache
    v = Version.parse(version)
    for r in found:
        if r.version == v:
            return r.path
    have = ", ".join(sorted({r.version.tag for r in found}, key=Version.parse))
    raise UserError(f"release {v.tag} is not in {places} (found: {have}); download it with "
                    f"'therapy-threads download {v} --from URL'")


def find_release(version: str | None = None, source: str | Path | None = None, *,
                 cache_dir: str | Path | None = None, verify: bool = False) -> Path:
    """The local folder of a release, downloading it first when ``source`` is remote.

    ``version`` None or "latest" means the newest release of the source.
    """
    src = source if source is not None else os.environ.get("THERAPY_THREADS_SOURCE")
    if src is None or str(src) == "":
        path = _from_local_places(version, cache_dir)
    elif _is_remote(str(src)):
        v = resolve_version(version, fetcher_for(str(src)))
        path = download(v, str(src), to=Path(cache_dir) / v.tag if cache_dir else None).path
    else:
        path = _local_source(Path(src).expanduser(), version)
    manifest = read_manifest(path)
    if version not in (None, "", "latest") and manifest.get("version") != str(Version.parse(version)):
        raise UserError(f"{path} holds version {manifest.get('version')}, not {version}")
    if verify:
        verify_files(path, manifest)
    return path


release_path = find_release  # its earlier name


def _local_source(root: Path, version: str | None) -> Path:
    if (root / MANIFEST).is_file():  # a release folder itself
        return root
    if not root.is_dir():
        raise UserError(f"no release registry or release folder at {root}; pass source= a "
                        "registry folder, a release folder, a URL or hf://OWNER/NAME")
    reg = Registry(root)
    v = Version.parse(version) if version not in (None, "", "latest") else reg.latest()
    if v is None:
        raise UserError(f"registry {root} has no releases; run 'therapy-threads publish' or "
                        "download one")
    path = reg.release_dir(v)
    if not (path / MANIFEST).is_file():
        raise UserError(f"release {v.tag} is not in {root}; available: "
                        f"{', '.join(x.tag for x in reg.versions()) or 'none'}")
    return path


def resolve_release(spec: str | Path | None, source: str | Path | None = None, *,
                    cache_dir: str | Path | None = None) -> Path:
    """A release named on the command line: a release folder, a version ('1.0.0', 'latest';
    looked up in ``source`` or the local places), a URL or hf://OWNER/NAME."""
    s = "latest" if spec in (None, "") else str(spec)
    if _is_remote(s):
        return find_release(None, s, cache_dir=cache_dir)
    p = Path(s).expanduser()
    if (p / MANIFEST).is_file() or p.is_dir():
        return find_release(None, p, cache_dir=cache_dir)
    if s != "latest":
        try:
            Version.parse(s)
        except UserError:
            raise UserError(f"{s!r} is neither a release folder, a version (1.0.0, latest), "
                            "a URL nor hf://OWNER/NAME") from None
    return find_release(s, source, cache_dir=cache_dir)


def read_manifest(release: Path) -> dict[str, Any]:
    try:
        return json.loads((Path(release) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise UserError(f"{release} has no readable {MANIFEST} ({e}); download the release "
                        "again") from e


def table_files(release: Path, table: str) -> list[Path]:
    if table not in RELEASE_TABLES:
        raise UserError(f"unknown table {table!r}; tables are {', '.join(RELEASE_TABLES)}")
    manifest = read_manifest(release)
    info = manifest.get("tables", {}).get(table)
    if info is None:
        raise UserError(f"release v{manifest.get('version')} has no {table!r} table (it was "
                        f"published before that table existed); tables in it: "
                        f"{', '.join(manifest.get('tables', {}))}")
    # paths from the manifest stay inside the release and never go through a link
    files = [Path(release) / confine.safe_relpath(f.get("path"), what="path in manifest")
             for f in info["files"]]
    for f in files:
        confine.lstat_in(Path(release), f.relative_to(release).as_posix())
    missing = [str(f) for f in files if not f.is_file() or f.is_symlink()]
    if missing:
        raise ChecksumError(f"release {release} lacks {', '.join(missing)}; download it again")
    return files


def _pandas_types(t: pa.DataType):
    import pandas as pd

    # Nullable extension types keep integers integral and booleans boolean when values are null.
    return {pa.int32(): pd.Int32Dtype(), pa.int16(): pd.Int16Dtype(), pa.int64(): pd.Int64Dtype(),
            pa.bool_(): pd.BooleanDtype()}.get(t)


def read_table(files: list[Path], columns: list[str] | None = None,
               filters: Any = None) -> pa.Table:
    """The rows of a table's shards as one Arrow table (``filters`` as in pyarrow.parquet)."""
    parts = [pq.read_table(f, columns=columns, filters=filters) for f in files]
    return pa.concat_tables(parts) if len(parts) != 1 else parts[0]


def load(table: str = "comments", version: str | None = None, source: str | Path | None = None,
         format: Format = "pandas", *, cache_dir: str | Path | None = None,
         verify: bool = False, columns: list[str] | None = None, filters: Any = None) -> Any:
    """Load one table of a release as a pandas DataFrame, a datasets.Dataset or a pyarrow Table.

    ``table`` is one of comments, posts, quarantine, speakers. ``version`` None means the
    newest release. ``verify`` re-checks every file's SHA-256 against the manifest before
    reading (remote sources are always checked on download). ``columns`` and ``filters``
    (pyarrow.parquet syntax, e.g. ``[("post_id", "=", pid)]``) read only what is needed.
    """
    if format not in ("pandas", "datasets", "arrow"):
        raise UserError(f"format {format!r} unknown; use 'pandas', 'datasets' or 'arrow'")
    release = find_release(version, source, cache_dir=cache_dir, verify=verify)
    files = table_files(release, table)
    if format == "datasets":
        return _as_datasets(files, cache_dir, columns, filters)
    arrow = read_table(files, columns, filters)
    if format == "arrow":
        return arrow
    return arrow.to_pandas(types_mapper=_pandas_types)


def _as_datasets(files: list[Path], cache_dir: str | Path | None, columns, filters):
    try:
        import datasets
    except ModuleNotFoundError:
        raise UserError("format='datasets' needs the Hugging Face extra: pip install "
                        "'therapy-threads[hf]'") from None
    if columns is not None or filters is not None or \
            all(pq.ParquetFile(f).metadata.num_rows == 0 for f in files):
        # datasets cannot build an empty split from Parquet ("corresponds to no data",
        # huggingface/datasets#8401), nor filter while reading; an in-memory Dataset over the
        # Arrow table has the same features.
        from datasets.table import InMemoryTable

        t = read_table(files, columns, filters)
        return datasets.Dataset(InMemoryTable(t), info=datasets.DatasetInfo(
            features=datasets.Features.from_arrow_schema(t.schema)))
    features = datasets.Features.from_arrow_schema(pq.read_schema(files[0]))
    kwargs = {"cache_dir": str(Path(cache_dir) / "datasets")} if cache_dir else {}
    return datasets.load_dataset("parquet", data_files={"train": [str(f) for f in files]},
                                 split="train", features=features, **kwargs)


def iter_posts(release: Path, batch_size: int = 4096,
               comment_columns: list[str] | None = None):
    """(post row, [comment rows]) for every post of a release, in post_id order.

    Streams the comments shards batch by batch (they are published sorted by post_id and
    position), so memory holds one post's comments at a time whatever the release's size;
    posts without comments come with an empty list.
    """
    posts_sorted = read_table(table_files(release, "posts")).sort_by("post_id")
    posts = (p for batch in posts_sorted.to_batches(max_chunksize=1024) for p in batch.to_pylist())

    def comment_stream():
        for f in table_files(release, "comments"):
            for batch in pq.ParquetFile(f).iter_batches(batch_size=batch_size,
                                                        columns=comment_columns):
                yield from batch.to_pylist()

    stream = comment_stream()
    pending = next(stream, None)
    for post in posts:
        pid = post["post_id"]
        rows = []
        while pending is not None and pending["post_id"] <= pid:
            if pending["post_id"] != pid:
                raise UserError(f"{release}: comments are not in post order or belong to no "
                                 f"post ({pending['post_id']}); the release is damaged, "
                                 "download it again")
            rows.append(pending)
            pending = next(stream, None)
        yield post, rows
    if pending is not None:
        raise UserError(f"{release}: comment {pending.get('comment_id')} belongs to post "
                         f"{pending['post_id']}, which is not in the posts table; the release "
                         "is damaged, download it again")
