"""Per-fragment validation: the row and thread expectations, run by Great Expectations.

A fragment is one source's tables. Every rule of the ``posts``, ``comments`` and ``quarantine``
suites is about a row, a thread or a post, so it can be decided inside one fragment, once, and
kept with it (``validation.json``): an unchanged source is never validated again.

Great Expectations costs ~0.5 s per suite run however small the batch, so new fragments are
validated in groups (:func:`validate_fragments`): their frames are stacked into one batch per
suite, each row tagged with its fragment, GX evaluates every expectation once for the group
with ``COMPLETE`` results, and the failing rows are split back per fragment. Every expectation
of these suites is decided row by row, so a fragment's verdict does not depend on which others
shared its batch; the one that is not (``..._unique``) runs on the id scoped to its fragment
(uniqueness *across* fragments is a global check, ``global_checks``).
"""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from . import frames as frames_mod
from .gx_run import MAX_ROW_IDS, _exception, _quiet_gx, _row_id, _withhold
from .suites import INDEX_COLUMNS, SuiteSpec, suite_specs

FRAGMENT_SUITES = ("posts", "comments", "quarantine")
VALIDATION_FILE = "validation.json"
FRAGMENT_COL = "__fragment"
_SCOPED = "__in_fragment"
# Rows per GX batch: bounds a validation worker's memory (narrow columns only, ~0.5 KB a row).
GROUP_ROWS = 64_000

_GX: dict[str, Any] = {}  # per process: one GX context, datasource and suites, built once


def is_validated(fragment: Path) -> bool:
    return (Path(fragment) / VALIDATION_FILE).is_file()


def groups(fragments: list[tuple[Path, int]], max_rows: int = GROUP_ROWS) -> list[list[Path]]:
    """Split (fragment, rows) into batches of at most ``max_rows`` rows (a bigger fragment alone)."""
    out: list[list[Path]] = []
    cur: list[Path] = []
    n = 0
    for frag, rows in fragments:
        if cur and n + rows > max_rows:
            out.append(cur)
            cur, n = [], 0
        cur.append(frag)
        n += rows
    if cur:
        out.append(cur)
    return out


def _scoped_spec(spec: SuiteSpec) -> SuiteSpec:
    """The suite with uniqueness checks moved onto the fragment-scoped id column."""
    from dataclasses import replace

    checks = []
    for c in spec.checks:
        if c.expectation == "ExpectColumnValuesToBeUnique":
            c = replace(c, kwargs={**c.kwargs, "column": c.kwargs["column"] + _SCOPED})
        checks.append(c)
    return SuiteSpec(spec.name, checks)


def _context() -> dict[str, Any]:
    if _GX:
        return _GX
    _quiet_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    from .suites import to_gx_suite

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    ds = ctx.data_sources.add_pandas("fragments")
    specs = {s.name: s for s in suite_specs()}
    for name in FRAGMENT_SUITES:
        spec = _scoped_spec(specs[name])
        asset = ds.add_dataframe_asset(name)
        _GX[name] = (asset.add_batch_definition_whole_dataframe(f"{name} (fragment batch)"),
                     to_gx_suite(spec))
    _GX["ctx"] = ctx
    return _GX


def _frames(fragment: Path) -> frames_mod.TableFrames:
    summary = json.loads((fragment / "summary.json").read_text(encoding="utf-8"))
    return frames_mod.table_frames(fragment, report={"sources": [summary]})


def _stack(tables: list[pa.Table], name: str) -> pd.DataFrame:
    """One pandas frame of a group's tables, each row tagged with its fragment, converted once
    (a conversion per 500-row fragment cost more than the checks)."""
    sizes = [t.num_rows for t in tables]
    out = frames_mod._to_pandas(pa.concat_tables(tables, promote_options="permissive"))
    out[FRAGMENT_COL] = np.repeat(np.arange(len(tables), dtype=np.int64), sizes)
    specs = {s.name: s for s in suite_specs()}
    for c in specs[name].checks:
        if c.expectation == "ExpectColumnValuesToBeUnique":
            col = c.kwargs["column"]
            out[col + _SCOPED] = out[FRAGMENT_COL].astype(str) + "\x1f" + out[col].astype("string")
            out.loc[out[col].isna(), col + _SCOPED] = pd.NA
    return out


def validate_fragments(fragment_dirs: list[str]) -> list[dict[str, Any]]:
    """Validate a group of fragments; write each one's ``validation.json``; return the docs.

    Runs where Great Expectations is installed (a validation worker process or a Dask worker).
    """
    dirs = [Path(d) for d in fragment_dirs]
    frs = [_frames(d) for d in dirs]
    gx_ = _context()
    per: list[dict[str, list[dict[str, Any]]]] = [{s: [] for s in FRAGMENT_SUITES} for _ in dirs]
    for name in FRAGMENT_SUITES:
        batch_def, suite = gx_[name]
        sizes = [fr.tables[name].num_rows for fr in frs]
        frame = _stack([fr.tables[name] for fr in frs], name)
        index_cols = INDEX_COLUMNS[name] + [FRAGMENT_COL]
        batch = batch_def.get_batch(batch_parameters={"dataframe": frame})
        result = batch.validate(suite, result_format={
            "result_format": "COMPLETE", "unexpected_index_column_names": index_cols,
            "return_unexpected_index_query": False})
        for r in result.results:
            cfg = r.expectation_config
            meta = cfg.meta or {}
            res = r.result or {}
            exc = _exception(r.exception_info)
            by_frag: dict[int, list[Any]] = {}
            values: dict[int, list[Any]] = {}
            private = cfg.type == "expect_column_values_to_not_match_regex"
            unexpected_values = res.get("unexpected_list") or []
            for j, entry in enumerate(res.get("unexpected_index_list") or []):
                i = int(entry[FRAGMENT_COL])
                by_frag.setdefault(i, []).append(_row_id(entry, INDEX_COLUMNS[name]))
                if private and j < len(unexpected_values) and len(values.get(i, ())) < MAX_ROW_IDS:
                    # the value that failed a privacy check is the leak itself: keep its length only
                    values.setdefault(i, []).append(_withhold(unexpected_values[j]))
            severity = getattr(cfg, "severity", "critical")
            severity = str(getattr(severity, "value", severity))
            column = cfg.kwargs.get("column")
            if column and column.endswith(_SCOPED):
                column = column[: -len(_SCOPED)]
            # The fields of an ExpectationOutcome, as asdict() gives them (built directly: one
            # asdict per fragment and expectation was ~3 % of the step, measured on 100k comments).
            common = {"suite": name, "check": meta.get("check", cfg.type), "expectation": cfg.type,
                      "column": column, "severity": severity, "why": meta.get("why", ""),
                      "observed": None, "exception": exc}
            for i in range(len(dirs)):
                ids = by_frag.get(i, [])
                success = (not ids) and exc is None
                if r.success and exc is None:
                    success = True
                doc = {**common, "success": success, "element_count": sizes[i],
                       "unexpected_count": len(ids), "row_ids": copy.deepcopy(ids[:MAX_ROW_IDS])}
                if values.get(i):
                    doc["withheld_values"] = values[i]
                per[i][name].append(doc)
    docs = []
    for d, fr, outcome in zip(dirs, frs, per):
        doc = {"suites": outcome, "problems": fr.problems, "counts": fr.counts}
        tmp = d / f".{VALIDATION_FILE}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(doc, sort_keys=True, default=str), encoding="utf-8")
        os.replace(tmp, d / VALIDATION_FILE)
        docs.append(doc)
    return docs


def validate_group(fragment_dirs: list[str]) -> int:
    """:func:`validate_fragments` for the build: the documents stay in the fragments' files and
    only their number travels back (a group's documents, ~22 KB of JSON per source, went through
    the orchestrator to be dropped there)."""
    return len(validate_fragments(fragment_dirs))


def read_validation(fragment: Path) -> dict[str, Any]:
    return json.loads((Path(fragment) / VALIDATION_FILE).read_text(encoding="utf-8"))


__all__ = ["validate_fragments", "validate_group", "read_validation", "is_validated", "groups", "FRAGMENT_SUITES",
           "GROUP_ROWS"]
