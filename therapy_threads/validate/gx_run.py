"""Run the suites with Great Expectations and build the Data Docs site.

One ephemeral context per validation; one pandas datasource with a dataframe asset, a
whole-dataframe batch definition, a ValidationDefinition and a Checkpoint per frame (each frame is
its own batch); results go to the context's store and one Data Docs site under
``validation/data_docs``.
"""
from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .suites import INDEX_COLUMNS, SUITE_ORDER, SuiteSpec, suite_specs, to_gx_suite

MAX_ROW_IDS = 20  # per failed expectation, in summary.json and Data Docs; the count is always exact
SITE = "build"


@dataclass
class ExpectationOutcome:
    suite: str
    check: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    why: str
    element_count: int | None
    unexpected_count: int | None
    row_ids: list[Any]
    observed: Any = None
    exception: str | None = None


def _quiet_gx() -> None:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    # GX reports each metric batch as a tqdm bar and logs store chatter at INFO; neither helps here.
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)


def _row_id(entry: dict, index_cols: list[str]) -> Any:
    vals = [entry.get(c) for c in index_cols]
    vals = [None if (v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA) else (v.item() if hasattr(v, "item") else v) for v in vals]
    return vals[0] if len(vals) == 1 else vals


def _withhold(value: Any) -> Any:
    return f"<withheld: {len(value)} characters>" if isinstance(value, str) else value


def _prepare_for_docs(vr: Any, index_cols: list[str]) -> bool:
    """Make failing rows visible in Data Docs, without the text that failed a privacy check.

    GX renders the id table only from ``unexpected_index_list``, which it fills in COMPLETE mode
    for every failing row (about 0.1 ms per row: minutes on a badly broken 1M-row build). SUMMARY
    mode already gives the first MAX_ROW_IDS of them; hand those to the renderer instead.
    The unexpected values of a regex privacy check are the leaked text itself: the report names
    the rows and withholds the values."""
    changed = False
    for r in vr.results:
        res = r.result or {}
        if r.success:
            continue
        if r.expectation_config.type == "expect_column_values_to_not_match_regex":
            column = r.expectation_config.kwargs.get("column")
            res["partial_unexpected_list"] = [_withhold(v) for v in res.get("partial_unexpected_list") or []]
            res["partial_unexpected_counts"] = [
                {**c, "value": _withhold(c.get("value"))} for c in res.get("partial_unexpected_counts") or []]
            res["partial_unexpected_index_list"] = [
                {k: (_withhold(v) if k == column else v) for k, v in e.items()}
                for e in res.get("partial_unexpected_index_list") or []]
            changed = True
        if res.get("partial_unexpected_index_list") and not res.get("unexpected_index_list"):
            res["unexpected_index_list"] = res["partial_unexpected_index_list"]
            res["unexpected_list"] = res.get("partial_unexpected_list", [])
            res["unexpected_index_column_names"] = index_cols
            changed = True
    return changed


def _exception(info: Any) -> str | None:
    """GX reports an expectation that could not run either flat or keyed by metric."""
    if not info:
        return None
    if isinstance(info, dict) and "raised_exception" in info:
        return info.get("exception_message") if info.get("raised_exception") else None
    if isinstance(info, dict):
        for v in info.values():
            msg = _exception(v if isinstance(v, dict) else getattr(v, "to_json_dict", lambda: {})())
            if msg:
                return msg
    return None


def run_suites(frames: dict[str, pd.DataFrame], docs_dir: Path | None,
               names: tuple[str, ...] = SUITE_ORDER) -> list[ExpectationOutcome]:
    _quiet_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    if docs_dir is not None:
        if docs_dir.exists():
            shutil.rmtree(docs_dir)  # stale pages of an earlier run would mix with this one's
        context.add_data_docs_site(site_name=SITE, site_config={
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        })
    datasource = context.data_sources.add_pandas("build")
    specs: dict[str, SuiteSpec] = {s.name: s for s in suite_specs()}
    outcomes: list[ExpectationOutcome] = []
    for name in names:
        spec, df = specs[name], frames[name]
        asset = datasource.add_dataframe_asset(name)
        batch_def = asset.add_batch_definition_whole_dataframe(f"{name} (whole table)")
        suite = context.suites.add(to_gx_suite(spec))
        vd = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch_def, suite=suite))
        index_cols = INDEX_COLUMNS[name]
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name=f"{name} checkpoint", validation_definitions=[vd], actions=[],
            result_format={"result_format": "SUMMARY", "unexpected_index_column_names": index_cols,
                           "partial_unexpected_count": MAX_ROW_IDS},
        ))
        result = checkpoint.run(batch_parameters={"dataframe": df})
        for key, vr in result.run_results.items():
            if docs_dir is not None and _prepare_for_docs(vr, index_cols):
                context.validation_results_store.set(key, vr)
            for r in vr.results:
                cfg = r.expectation_config
                meta = cfg.meta or {}
                res = r.result or {}
                exc = _exception(r.exception_info)
                outcomes.append(ExpectationOutcome(
                    suite=name, check=meta.get("check", cfg.type), expectation=cfg.type,
                    column=cfg.kwargs.get("column"), severity=str(getattr(cfg, "severity", "critical").value
                                                                   if hasattr(getattr(cfg, "severity", None), "value")
                                                                   else getattr(cfg, "severity", "critical")),
                    success=bool(r.success), why=meta.get("why", ""),
                    element_count=res.get("element_count"), unexpected_count=res.get("unexpected_count"),
                    row_ids=[_row_id(e, index_cols) for e in res.get("partial_unexpected_index_list") or []],
                    observed=res.get("observed_value"), exception=exc,
                ))
    if docs_dir is not None:
        context.build_data_docs(site_names=[SITE])
    return outcomes


def build_docs(docs_dir: Path, outcomes: list[ExpectationOutcome],
               withheld: dict[tuple[str, str], list[Any]] | None = None) -> None:
    """The Data Docs site for outcomes gathered from many batches (fragments, global frames).

    Each suite gets one validation result whose expectation results carry the summed counts and
    the first failing rows, rendered by GX's own site builder. Values of failed privacy checks
    are never shown: ``withheld`` holds their "<withheld: N characters>" stand-ins.
    """
    _quiet_gx()
    import datetime as dt

    import great_expectations as gx
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult, ExpectationValidationResult)
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier, ValidationResultIdentifier)

    withheld = withheld or {}
    context = gx.get_context(mode="ephemeral")
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    context.add_data_docs_site(site_name=SITE, site_config={
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
    })
    specs = {s.name: s for s in suite_specs()}
    run_id = RunIdentifier(run_name="therapy-threads build",
                           run_time=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    for name in SUITE_ORDER:
        mine = [o for o in outcomes if o.suite == name]
        if not mine:
            continue
        suite = to_gx_suite(specs[name])
        configs = {(e.meta or {}).get("check"): e.configuration for e in suite.expectations}
        index_cols = INDEX_COLUMNS[name]
        results = []
        for o in mine:
            cfg = configs.get(o.check)
            if cfg is None:
                continue
            ids = [dict(zip(index_cols, i if isinstance(i, list) else [i])) for i in o.row_ids]
            vals = withheld.get((name, o.check)) or [None] * len(ids)
            for e, v in zip(ids, vals):
                if v is not None and o.column:
                    e[o.column] = v
            n = o.element_count or 0
            res = {"element_count": n, "unexpected_count": o.unexpected_count or 0,
                   "unexpected_percent": (100.0 * (o.unexpected_count or 0) / n) if n else 0.0,
                   "missing_count": 0, "missing_percent": 0.0,
                   "partial_unexpected_list": list(vals[:len(ids)]) if any(v is not None for v in vals) else [],
                   "partial_unexpected_index_list": ids, "unexpected_index_list": ids,
                   "unexpected_index_column_names": index_cols}
            if o.observed is not None:
                res["observed_value"] = o.observed
            results.append(ExpectationValidationResult(
                success=o.success, expectation_config=cfg, result=res,
                exception_info={"raised_exception": bool(o.exception), "exception_message": o.exception,
                                "exception_traceback": None}))
        vr = ExpectationSuiteValidationResult(
            success=all(r.success for r in results), results=results, suite_name=name,
            statistics={"evaluated_expectations": len(results),
                        "successful_expectations": sum(bool(r.success) for r in results),
                        "unsuccessful_expectations": sum(not r.success for r in results),
                        "success_percent": 100.0 * sum(bool(r.success) for r in results) / max(1, len(results))},
            meta={"run_id": run_id, "active_batch_definition": {"datasource_name": "therapy-threads",
                                                                 "data_asset_name": name,
                                                                 "batch_definition_name": name}})
        key = ValidationResultIdentifier(ExpectationSuiteIdentifier(name), run_id, name)
        context.validation_results_store.set(key, vr)
    context.build_data_docs(site_names=[SITE])
