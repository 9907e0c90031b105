"""Load the published contract from ``schemas/`` and derive the Arrow schema from it."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyarrow as pa

TABLES = ("posts", "comments", "quarantine")

_ARROW = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int16": pa.int16(),
    "bool": pa.bool_(),
    "timestamp[us, tz=UTC]": pa.timestamp("us", tz="UTC"),
}


def schema_dir() -> Path:
    # Installed wheels carry a copy in the package; a source checkout reads the top-level folder.
    repo = Path(__file__).resolve().parent.parent / "schemas"
    if repo.is_dir():
        return repo
    return Path(str(resources.files("therapy_threads") / "data" / "schemas"))


@lru_cache(maxsize=None)
def json_schema(table: str) -> dict:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; tables are {', '.join(TABLES)}")
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
    versions = {json_schema(t)["x-schema-version"] for t in TABLES}
    return max(versions)
