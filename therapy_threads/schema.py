"""Load the published contract from ``schemas/`` and derive the Arrow schema from it."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

# What a build writes (and validates).
TABLES = ("posts", "comments", "quarantine")
# Tables a release adds, derived from the build's tables when publishing (publish/speakers.py).
DERIVED_TABLES = ("speakers",)
RELEASE_TABLES = TABLES + DERIVED_TABLES

_ARROW = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int16": pa.int16(),
    "bool": pa.bool_(),
    "timestamp[us, tz=UTC]": pa.timestamp("us", tz="UTC"),
}


def schema_dir() -> Path:
    """The published contract. A wheel carries ``schemas/`` as the package
    ``therapy_threads.schemas`` (mapped in setup.py, not copied); a source checkout or an
    editable install reads the top-level folder itself."""
    packaged = Path(__file__).resolve().parent / "schemas"
    if (packaged / "comments.schema.json").is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "schemas"


@lru_cache(maxsize=None)
def json_schema(table: str) -> dict:
    if table not in RELEASE_TABLES:
        raise ValueError(f"unknown table {table!r}; tables are {', '.join(RELEASE_TABLES)}")
    return json.loads((schema_dir() / f"{table}.schema.json").read_text(encoding="utf-8"))


def columns(table: str) -> list[str]:
    return list(json_schema(table)["properties"])


def nullable(prop: dict) -> bool:
    t = prop["type"]
    return isinstance(t, list) and "null" in t


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    s = json_schema(table)
    out = []
    for name, prop in s["properties"].items():
        out.append(pa.field(name, _ARROW[prop["x-arrow-type"]], nullable=nullable(prop),
                            metadata={"description": prop["description"]}))
    return pa.schema(out, metadata={"table": table, "schema_version": s["x-schema-version"]})


def schema_version() -> str:
    versions = {json_schema(t)["x-schema-version"] for t in RELEASE_TABLES}
    return max(versions)


# Hugging Face ``datasets`` dtype names for each x-arrow-type; they give back the same Arrow types.
_HF_DTYPE = {
    "string": "string",
    "int32": "int32",
    "int16": "int16",
    "bool": "bool",
    "timestamp[us, tz=UTC]": "timestamp[us, tz=UTC]",
}


def primary_key(table: str) -> str | None:
    return json_schema(table).get("x-primary-key")


def arrow_type_name(table: str, column: str) -> str:
    return json_schema(table)["properties"][column]["x-arrow-type"]


def hf_features(table: str):
    """The table's ``datasets.Features``, in schema column order (same Arrow types as Parquet)."""
    import datasets  # heavy import, only needed when publishing

    props = json_schema(table)["properties"]
    return datasets.Features({name: datasets.Value(_HF_DTYPE[p["x-arrow-type"]]) for name, p in props.items()})


def _constraints(prop: dict) -> str:
    out = []
    if "enum" in prop:
        out.append("one of " + ", ".join(f"`{v}`" for v in prop["enum"]))
    if "minimum" in prop:
        out.append(f"≥ {prop['minimum']}")
    if "maximum" in prop:
        out.append(f"≤ {prop['maximum']}")
    if "minLength" in prop:
        out.append(f"at least {prop['minLength']} non-blank character" + ("s" if prop["minLength"] != 1 else "")
                   + (f" unless `{prop['x-blank-when']}`" if prop.get("x-blank-when") else ""))
    if "pattern" in prop:
        out.append(f"matches `{prop['pattern']}`")
    return "; ".join(out)


def field_table_markdown(table: str) -> str:
    """The data card's field table for ``table``: name, type, nullability, meaning, constraints."""
    s = json_schema(table)
    pk = s.get("x-primary-key")
    lines = [
        "| field | type | nullable | description | constraints |",
        "|---|---|---|---|---|",
    ]
    for name, prop in s["properties"].items():
        cons = _constraints(prop)
        if name == pk:
            cons = "primary key (unique)" + ("; " + cons if cons else "")
        desc = prop["description"].replace("|", "\\|").replace("\n", " ")
        lines.append(
            f"| `{name}` | {prop['x-arrow-type']} | {'yes' if nullable(prop) else 'no'} | {desc} | {cons.replace('|', chr(92) + '|')} |"
        )
    return "\n".join(lines) + "\n"


def schema_problems(table: str, actual: pa.Schema) -> list[tuple[str, str]]:
    """(column, problem) for every way ``actual`` departs from the contract: missing or extra
    columns and type mismatches. Nullability is a property of the values, checked on the data."""
    expected = arrow_schema(table)
    problems: list[tuple[str, str]] = []
    for f in expected:
        i = actual.get_field_index(f.name)
        if i < 0:
            problems.append((f.name, f"missing column (expected {f.type})"))
        elif not actual.field(i).type.equals(f.type):
            problems.append((f.name, f"type {actual.field(i).type}, expected {f.type}"))
    for f in actual:
        if expected.get_field_index(f.name) < 0:
            problems.append((f.name, f"column not in the schema ({f.type})"))
    return problems
