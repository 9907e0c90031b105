"""The data card: Hugging Face YAML metadata built as a dict, a Jinja2 body filled from the data.

The YAML (configs, dataset_info, gating) is assembled here and dumped ourselves rather than
round-tripped through ``DatasetCardData``, which overwrites ``configs``/``dataset_info``
(huggingface_hub#3043). ``validate_card`` then checks the result with huggingface_hub's and
datasets' own parsers offline.
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import datasets
import jinja2
import yaml

from .. import schema as schema_mod
from ..schema import RELEASE_TABLES, json_schema
from .changelog import Changes

PRETTY_NAME = "Therapy Threads: public blog discussions about the therapeutic relationship"
DEFAULT_CONFIG = "comments"
TASK_CATEGORIES = ["text-classification", "text-generation"]
TAGS = ["mental-health", "psychotherapy", "therapeutic-relationship", "transference",
        "conversations", "reply-threads", "blog-comments"]
LICENSE_NAME = "therapy-threads-research-terms"
TERMS_FILE = "TERMS.md"
MAX_SOURCE_ROWS = 100  # per-source tables in the card; manifest.json lists every source
TEMPLATES = Path(__file__).resolve().parent / "templates"
SIZE_BOUNDS = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
               (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M")]

GATED_PROMPT = (
    "therapy-threads contains verbatim public comments in which people describe their own "
    "psychotherapy, attachment to their therapist and mental-health struggles. Names of private "
    "people are replaced by placeholders and commenters by keyed pseudonyms, but verbatim text "
    "can be searched for on the web and lead back to its author. By requesting access you agree: "
    "not to attempt to identify, locate or contact any person in the dataset; not to publish "
    "verbatim comment text (paraphrase, and never quote in a way that can be searched for); to "
    "use the data for research, teaching or tool evaluation only; and to delete your copy when a "
    "release is withdrawn.")
GATED_FIELDS = {
    "Name": "text",
    "Affiliation": "text",
    "Intended use": "text",
    "I will not try to identify, locate or contact any person in this dataset": "checkbox",
    "I will not publish verbatim comment text that could be searched for": "checkbox",
}


@dataclass
class CardContext:
    version: str
    manifest: dict[str, Any]
    report: dict[str, Any]
    post_stats: dict[str, Any]
    comment_stats: dict[str, Any]
    quarantine_stats: dict[str, Any]
    changes: Changes
    changelog_entry: str
    source_notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    plots: dict[str, str] | None = None  # name -> relative path; None: no images (DATA_CARD.md)
    policy_doc: str | None = None  # where the full anonymisation policy is, if there is one
    metrics: dict[str, Any] | None = None
    metrics_file: str | None = None
    repo_id: str | None = None


# ---------------------------------------------------------------- inputs beyond the build


def load_source_notes(path: Path | None) -> dict[str, dict[str, Any]]:
    """Licence and provenance notes per source id from a sources.toml manifest (if given)."""
    if path is None or not Path(path).is_file():
        return {}
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return {s["id"]: s for s in data.get("source", []) if "id" in s}


POLICY_DOC = "anonymisation-policy.md"


def load_docs(docs_dir: Path | None) -> tuple[str | None, dict[str, Any] | None, str | None]:
    """(path of the anonymisation policy, measured metrics, path of the metrics file).

    The card points to the policy instead of including it: the policy is developer
    documentation that explains name rules by example, and a public card must carry no name a
    commenter might have (every file of a release goes through the release scan).
    """
    if docs_dir is None:
        return None, None, None
    policy = docs_dir / POLICY_DOC
    metrics = docs_dir / "anonymisation-metrics.json"
    m = None
    if metrics.is_file():
        try:
            loaded = json.loads(metrics.read_text(encoding="utf-8"))
            m = loaded if isinstance(loaded, dict) else None
        except json.JSONDecodeError:
            m = None
    return (f"docs/{POLICY_DOC}" if policy.is_file() else None, m,
            f"docs/{metrics.name}" if m is not None else None)


def flatten_scalars(obj: Any, prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    if isinstance(obj, dict):
        for k in obj:
            out += flatten_scalars(obj[k], f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(obj, (str, int, float, bool)) or obj is None:
        out.append((prefix, obj))
    return out


# ---------------------------------------------------------------- YAML metadata


def size_category(n: int) -> str:
    for bound, name in SIZE_BOUNDS:
        if n < bound:
            return name
    return "n>1T" if n >= 10**12 else "100M<n<1B"


def hf_features(table: str) -> list[dict[str, Any]]:
    """The table's features as HF YAML, derived from schemas/ via datasets' own conversion."""
    return datasets.Features.from_arrow_schema(schema_mod.arrow_schema(table))._to_yaml_list()


def card_languages(post_stats: dict[str, Any], comment_stats: dict[str, Any],
                   min_share: float = 0.01) -> list[str]:
    counts: dict[str, int] = {}
    for d in (post_stats["languages"], comment_stats["languages"]):
        for k, v in d.items():
            counts[k] = counts.get(k, 0) + v
    total = sum(counts.values()) or 1
    return sorted(k for k, v in counts.items() if k != "unknown" and v / total >= min_share)


def declared_configs(tables: dict[str, Any]) -> list[str]:
    """The tables declared as Hugging Face configs: every table with rows, default first.

    An empty table is not declared: ``datasets.load_dataset`` cannot build a split with no
    examples ("corresponds to no data", huggingface/datasets#8401), and a declared config must
    load. Its (empty) Parquet file still ships and the card says so.
    """
    order = (DEFAULT_CONFIG,) + tuple(x for x in RELEASE_TABLES if x != DEFAULT_CONFIG)
    return [t for t in order if t in tables and tables[t]["rows"] > 0]


def card_metadata(ctx: CardContext) -> dict[str, Any]:
    tables = ctx.manifest["tables"]
    langs = card_languages(ctx.post_stats, ctx.comment_stats)
    configs = []
    for t in declared_configs(tables):
        cfg: dict[str, Any] = {"config_name": t,
                               "data_files": [{"split": "train", "path": f"data/{t}-*.parquet"}]}
        if t == DEFAULT_CONFIG:
            cfg["default"] = True
        configs.append(cfg)
    infos = []
    for t in declared_configs(tables):
        info = tables[t]
        infos.append({
            "config_name": t,
            "features": hf_features(t),
            "splits": [{"name": "train", "num_bytes": info["arrow_bytes"],
                        "num_examples": info["rows"]}],
            "download_size": sum(f["bytes"] for f in info["files"]),
            "dataset_size": info["arrow_bytes"],
        })
    meta: dict[str, Any] = {"pretty_name": PRETTY_NAME}
    if langs:
        meta["language"] = langs
    meta.update({
        "license": "other",
        "license_name": LICENSE_NAME,
        "license_link": TERMS_FILE,
        "annotations_creators": ["no-annotation"],
        "language_creators": ["found"],
        "multilinguality": ["multilingual" if len(langs) > 1 else "monolingual"],
        "size_categories": [size_category(tables[DEFAULT_CONFIG]["rows"])],
        "source_datasets": ["original"],
        "task_categories": list(TASK_CATEGORIES),
        "tags": list(TAGS),
        "configs": configs,
        "dataset_info": infos,
        "extra_gated_heading": "Agree to the therapy-threads research terms to access the data",
        "extra_gated_prompt": GATED_PROMPT,
        "extra_gated_fields": dict(GATED_FIELDS),
        "extra_gated_button_content": "Agree and request access",
    })
    return meta


def dump_yaml(meta: dict[str, Any]) -> str:
    return yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=False)


# ---------------------------------------------------------------- body


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    return str(value).replace("|", "\\|").replace("\n", " ").strip()


def field_table(table: str) -> str:
    """Markdown table of a table's published fields (schemas/ is the single source of truth)."""
    helper = getattr(schema_mod, "field_table_markdown", None)
    if callable(helper):
        try:
            text = helper(table)
            if isinstance(text, str) and text.strip():
                return text.strip()
        except TypeError:
            pass
    s = json_schema(table)
    rows = ["| Field | Type | Null | Description |", "|---|---|---|---|"]
    for name, prop in s["properties"].items():
        notes = []
        if "pattern" in prop:
            notes.append(f"pattern `{prop['pattern']}`")
        if "enum" in prop:
            notes.append("one of " + ", ".join(f"`{v}`" for v in prop["enum"]))
        if "minimum" in prop:
            notes.append(f"≥ {prop['minimum']}")
        desc = prop["description"] + (f" ({'; '.join(notes)})" if notes else "")
        rows.append(f"| `{name}` | {prop['x-arrow-type']} | "
                    f"{'yes' if schema_mod.nullable(prop) else 'no'} | {_cell(desc)} |")
    return "\n".join(rows)


def _location(loc: str | None) -> str:
    """Public part of a source location: URLs as given, local paths reduced to the file name."""
    if not loc:
        return "—"
    if loc.startswith(("http://", "https://")):
        return loc
    return Path(loc).name


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # Markdown, not HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = _cell
    env.filters["location"] = _location
    env.filters["num"] = lambda n: "—" if n is None else f"{n:,}"
    return env


def render_body(ctx: CardContext) -> str:
    r = ctx.report
    sources = []
    for s in ctx.manifest["sources"]:
        note = ctx.source_notes.get(s["source_id"], {})
        sources.append({**s, "site": note.get("site"), "licence": note.get("licence", "not recorded"),
                        "retrieved": note.get("retrieved"), "note": note.get("note"),
                        "url": note.get("url") or None})
    metrics_rows = flatten_scalars(ctx.metrics) if ctx.metrics else []
    year = str(ctx.manifest.get("built_at") or "")[:4] or "n.d."
    return _env().get_template("README.md.j2").render(
        version=ctx.version,
        m=ctx.manifest,
        report=r,
        ps=ctx.post_stats,
        cs=ctx.comment_stats,
        qs=ctx.quarantine_stats,
        ch=ctx.changes,
        changelog_entry=ctx.changelog_entry,
        sources=sources,
        plots=ctx.plots,
        policy_doc=ctx.policy_doc,
        metrics_rows=metrics_rows,
        metrics_file=ctx.metrics_file,
        repo_id=ctx.repo_id,
        year=year,
        field_tables={t: field_table(t) for t in RELEASE_TABLES},
        empty_tables=[t for t in RELEASE_TABLES if ctx.manifest["tables"][t]["rows"] == 0],
        default_config=DEFAULT_CONFIG,
        terms_file=TERMS_FILE,
        max_rows=MAX_SOURCE_ROWS,
        gated_prompt=GATED_PROMPT,
    )


def render_terms(ctx: CardContext) -> str:
    return _env().get_template("TERMS.md.j2").render(version=ctx.version, gated_prompt=GATED_PROMPT)


def render_card(ctx: CardContext) -> str:
    return f"---\n{dump_yaml(card_metadata(ctx))}---\n\n{render_body(ctx)}"


# ---------------------------------------------------------------- validation


class CardError(ValueError):
    pass


def validate_card(text: str, tables: dict[str, Any] | None = None) -> dict[str, Any]:
    """Parse the card with huggingface_hub and datasets the way the Hub and load_dataset do.

    ``tables`` (the manifest's) says which tables have rows: each of those must be a config,
    and no empty one may be. Returns the metadata dict; raises CardError listing every problem.
    """
    from datasets.info import DatasetInfosDict
    from datasets.utils.metadata import MetadataConfigs, known_task_ids
    from huggingface_hub import DatasetCard

    problems: list[str] = []
    card = DatasetCard(text)  # raises on YAML that is not a mapping
    data = card.data
    meta = data.to_dict()
    for key in ("license", "pretty_name", "task_categories", "size_categories", "configs",
                "dataset_info"):
        if not meta.get(key):
            problems.append(f"missing {key}")
    for t in meta.get("task_categories", []):
        if t not in known_task_ids:
            problems.append(f"task category {t!r} is not on the Hub's list")
    res = Path(datasets.__file__).parent / "utils" / "resources"
    sizes = json.loads((res / "size_categories.json").read_text())
    for s in meta.get("size_categories", []):
        if s not in sizes:
            problems.append(f"size category {s!r} unknown")
    languages = json.loads((res / "languages.json").read_text())
    for lang in meta.get("language", []) or []:
        if lang not in languages:
            problems.append(f"language {lang!r} is not a known code")
    try:
        configs = MetadataConfigs.from_dataset_card_data(data)
        if configs.get_default_config_name() != DEFAULT_CONFIG:
            problems.append(f"default config is {configs.get_default_config_name()!r}, "
                            f"expected {DEFAULT_CONFIG!r}")
        infos = DatasetInfosDict.from_dataset_card_data(data)
    except Exception as e:  # datasets raises ValueError/TypeError/KeyError on bad entries
        raise CardError(f"configs/dataset_info do not parse: {e}") from e
    declared = declared_configs(tables) if tables is not None else list(RELEASE_TABLES)
    for t in sorted(set(configs) - set(declared)):
        problems.append(f"config {t} is declared but has no rows (it would not load)")
    for t in declared:
        if t not in configs:
            problems.append(f"no config for table {t}")
        elif t not in infos:
            problems.append(f"no dataset_info for config {t}")
        else:
            want = datasets.Features.from_arrow_schema(schema_mod.arrow_schema(t))
            if infos[t].features != want:
                problems.append(f"dataset_info features of {t} differ from schemas/{t}.schema.json")
    for key in ("extra_gated_prompt", "extra_gated_fields"):
        if not meta.get(key):
            problems.append(f"missing {key} (gated access)")
    if problems:
        raise CardError("data card metadata invalid: " + "; ".join(problems))
    return meta
