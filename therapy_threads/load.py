"""Load therapy-threads releases in Python and rebuild reply trees.

>>> from therapy_threads.load import load, reply_tree, iter_threads
>>> comments = load("comments")                     # newest release in data/releases, pandas
>>> posts = load("posts", version="1.0.0", source="hf://owner/therapy-threads", format="arrow")
>>> roots = reply_tree(comments, post_id)           # top-level comments with .children
>>> for root in iter_threads(comments): ...         # every thread of every post

``source`` is a local registry folder (default ``$THERAPY_THREADS_SOURCE`` or ``data/releases``),
a release folder, an http(s) URL of a registry, or ``hf://OWNER/NAME``. Remote releases are
downloaded once into the cache (see :mod:`therapy_threads.publish.download`) and checked against
their manifest.
"""
from __future__ import annotations

import json
import os
import sys
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from . import confine
from .errors import UserError
from .publish.download import (ChecksumError, download, fetcher_for, resolve_version,
                               verify_files)
from .publish.manifest import MANIFEST
from .publish.parquet import RowGatherer
from .publish.registry import Registry
from .publish.versioning import Version
from .schema import TABLES

Format = Literal["pandas", "datasets", "arrow"]
DEFAULT_SOURCE = "data/releases"
NODE_FIELDS = ("comment_id", "parent_id", "post_id", "depth", "position", "text",
               "author_pseudonym", "published_at")


def _is_remote(source: str) -> bool:
    return source.startswith(("http://", "https://", "hf://"))


def release_path(version: str | None = None, source: str | Path | None = None,
                 cache_dir: str | Path | None = None, verify: bool = False) -> Path:
    """The local folder of a release, downloading it first when ``source`` is remote."""
    src = str(source or os.environ.get("THERAPY_THREADS_SOURCE") or DEFAULT_SOURCE)
    if _is_remote(src):
        v = resolve_version(version, fetcher_for(src))
        return download(v, src, to=Path(cache_dir) / v.tag if cache_dir else None).path
    root = Path(src).expanduser()
    if (root / MANIFEST).is_file():  # a release folder itself
        path = root
    else:
        reg = Registry(root)
        if not root.is_dir():
            raise UserError(f"no release registry at {root}; pass source= a registry folder, "
                            "a URL or hf://OWNER/NAME, or run 'therapy-threads publish'")
        v = Version.parse(version) if version else reg.latest()
        if v is None:
            raise UserError(f"registry {root} has no releases; run 'therapy-threads publish'")
        path = reg.release_dir(v)
        if not (path / MANIFEST).is_file():
            raise UserError(f"release {v.tag} is not in {root}; available: "
                            f"{', '.join(x.tag for x in reg.versions()) or 'none'}")
    manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    if version and manifest.get("version") != str(Version.parse(version)):
        raise UserError(f"{path} holds version {manifest.get('version')}, not {version}")
    if verify:
        verify_files(path, manifest)
    return path


def table_files(release: Path, table: str) -> list[Path]:
    if table not in TABLES:
        raise UserError(f"unknown table {table!r}; tables are {', '.join(TABLES)}")
    manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    # paths from the manifest stay inside the release and never go through a link
    files = [release / confine.safe_relpath(f["path"], what="path in manifest")
             for f in manifest["tables"][table]["files"]]
    for f in files:
        confine.lstat_in(release, f.relative_to(release).as_posix())
    missing = [str(f) for f in files if not f.is_file() or f.is_symlink()]
    if missing:
        raise ChecksumError(f"release {release} lacks {', '.join(missing)}; download it again")
    return files


def _pandas_types(t: pa.DataType):
    import pandas as pd

    # Nullable extension types keep integers integral and booleans boolean when values are null.
    return {pa.int32(): pd.Int32Dtype(), pa.int16(): pd.Int16Dtype(), pa.int64(): pd.Int64Dtype(),
            pa.bool_(): pd.BooleanDtype()}.get(t)


def load(table: str = "comments", version: str | None = None, source: str | Path | None = None,
         format: Format = "pandas", *, cache_dir: str | Path | None = None,
         verify: bool = False) -> Any:
    """Load one table of a release as a pandas DataFrame, a datasets.Dataset or a pyarrow Table.

    ``version`` None means the newest release of the source. ``verify`` re-checks every file's
    SHA-256 against the manifest before reading (remote sources are always checked on download).
    """
    release = release_path(version, source, cache_dir=cache_dir, verify=verify)
    files = table_files(release, table)
    if format == "datasets":
        import datasets

        features = datasets.Features.from_arrow_schema(pq.read_schema(files[0]))
        if all(pq.ParquetFile(f).metadata.num_rows == 0 for f in files):
            # datasets cannot build an empty split from Parquet ("corresponds to no data",
            # huggingface/datasets#8401); an empty in-memory Dataset has the same features.
            return datasets.Dataset(pq.read_table(files[0]), info=datasets.DatasetInfo(
                features=features))
        kwargs = {"cache_dir": str(Path(cache_dir) / "datasets")} if cache_dir else {}
        return datasets.load_dataset("parquet", data_files={"train": [str(f) for f in files]},
                                     split="train", features=features, **kwargs)
    arrow = pa.concat_tables([pq.read_table(f) for f in files])
    if format == "arrow":
        return arrow
    if format == "pandas":
        return arrow.to_pandas(types_mapper=_pandas_types)
    raise UserError(f"format {format!r} unknown; use 'pandas', 'datasets' or 'arrow'")


# ---------------------------------------------------------------- reply trees


@dataclass(slots=True, eq=False)
class Node:
    """One comment in a reply tree. ``row`` holds every published column of the comment."""

    comment_id: str
    parent_id: str | None
    depth: int
    position: int
    row: dict[str, Any]
    children: list[Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.row.get("text", "")

    def walk(self) -> Iterator[Node]:
        """This node and its descendants in reading order (pre-order), without recursion."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def size(self) -> int:
        return sum(1 for _ in self.walk())

    def to_dict(self) -> dict[str, Any]:
        """Nested dicts ``{**row, "children": [...]}``, built iteratively (deep threads are fine)."""
        out = {**self.row, "children": []}
        stack = [(self, out)]
        while stack:
            node, d = stack.pop()
            for child in node.children:
                cd = {**child.row, "children": []}
                d["children"].append(cd)
                stack.append((child, cd))
        return out


def _rows(comments: Any) -> Iterable[dict[str, Any]]:
    """Rows of a pandas DataFrame, pyarrow Table or datasets.Dataset, as dicts."""
    if isinstance(comments, pa.Table):
        return comments.to_pylist()
    if hasattr(comments, "to_dict") and hasattr(comments, "columns"):  # pandas
        import pandas as pd

        records = comments.to_dict(orient="records")
        return [{k: (None if (not isinstance(v, (list, dict, str)) and pd.isna(v)) else v)
                 for k, v in r.items()} for r in records]
    if hasattr(comments, "to_list"):  # datasets.Dataset
        return comments.to_list()
    return list(comments)


def _build(rows: list[dict[str, Any]]) -> list[Node]:
    rows = sorted(rows, key=lambda r: (r["position"], r["comment_id"]))
    nodes = {r["comment_id"]: Node(r["comment_id"], r.get("parent_id"), int(r["depth"]),
                                   int(r["position"]), r) for r in rows}
    roots: list[Node] = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id else None
        # A parent outside the given rows (the caller filtered them) makes the reply a root of
        # its own subtree rather than dropping it.
        (parent.children if parent is not None else roots).append(node)
    return roots


def reply_tree(comments: Any, post_id: str) -> list[Node]:
    """The top-level comments of ``post_id`` (in order), each with its replies as ``children``.

    ``comments`` is the comments table as a pandas DataFrame, pyarrow Table or datasets.Dataset.
    """
    if isinstance(comments, pa.Table):
        import pyarrow.compute as pc

        comments = comments.filter(pc.equal(comments.column("post_id"), post_id))
        rows = _rows(comments)
    elif hasattr(comments, "columns") and hasattr(comments, "loc"):  # pandas
        rows = _rows(comments[comments["post_id"] == post_id])
    else:
        rows = [r for r in _rows(comments) if r["post_id"] == post_id]
    return _build(list(rows))


def iter_threads(comments: Any, post_id: str | None = None) -> Iterator[Node]:
    """Yield every thread (a top-level comment with its replies), post by post, in order.

    Works one post at a time: only that post's rows become Python objects, so the whole
    comments table of a large release can be walked without holding it as dicts.
    """
    if post_id is not None:
        yield from reply_tree(comments, post_id)
        return
    if hasattr(comments, "data") and hasattr(getattr(comments, "data"), "table"):
        comments = comments.data.table  # datasets.Dataset -> its Arrow table
    if isinstance(comments, pa.Table):
        for rows in _arrow_posts(comments):
            yield from _build(rows)
    elif hasattr(comments, "groupby") and hasattr(comments, "columns"):  # pandas
        for _, group in comments.groupby("post_id", sort=True):
            yield from _build(list(_rows(group)))
    else:
        by_post: dict[str, list[dict[str, Any]]] = {}
        for r in _rows(comments):
            by_post.setdefault(r["post_id"], []).append(r)
        for pid in sorted(by_post):
            yield from _build(by_post.pop(pid))


def _arrow_posts(t: pa.Table) -> Iterator[list[dict[str, Any]]]:
    """Rows of each post in post_id order; zero-copy slices when the table is sorted by post
    (as published files are), a per-post gather otherwise."""
    import numpy as np
    import pyarrow.compute as pc

    if t.num_rows == 0:
        return
    order = pc.sort_indices(t.select(["post_id"]), sort_keys=[("post_id", "ascending")])
    codes = pc.dictionary_encode(t.column("post_id").take(order)).combine_chunks().indices
    codes = codes.to_numpy(zero_copy_only=False)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], len(codes)]
    idx = order.to_numpy(zero_copy_only=False)
    gather = RowGatherer(t)
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        run = idx[a:b]
        if run[-1] - run[0] == b - a - 1 and (b - a == 1 or bool((np.diff(run) == 1).all())):
            yield t.slice(int(run[0]), b - a).to_pylist()
        else:
            yield gather(pa.array(run)).to_pylist()


class _CallableModule(types.ModuleType):
    """``therapy_threads.load(...)`` keeps working after ``import therapy_threads.load``.

    Importing this submodule rebinds the package attribute ``load`` from the shortcut function
    in ``therapy_threads/__init__.py`` to this module; making the module callable keeps both
    spellings valid.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return load(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
