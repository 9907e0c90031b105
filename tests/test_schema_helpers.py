"""schemas/ as the single source of truth: Arrow schema, HF features, data-card table, suites."""
from __future__ import annotations

import json

import pyarrow as pa

from therapy_threads import schema
from therapy_threads.validate import suites


def test_hf_features_give_the_parquet_types():
    for table in schema.TABLES:
        feats = schema.hf_features(table)
        assert list(feats) == schema.columns(table)
        assert feats.arrow_schema.types == schema.arrow_schema(table).types
    assert str(schema.hf_features("comments")["published_at"].dtype) == "timestamp[us, tz=UTC]"


def test_field_table_lists_every_column_with_type_nullability_and_constraints():
    md = schema.field_table_markdown("comments")
    lines = md.strip().splitlines()
    assert lines[0] == "| field | type | nullable | description | constraints |"
    assert len(lines) == 2 + len(schema.columns("comments"))
    row = next(line for line in lines if line.startswith("| `comment_id`"))
    assert "| string | no |" in row and "primary key (unique)" in row and "^c_[0-9a-f]{20}$" in row
    assert "| `parent_id` | string | yes |" in md
    assert "| `depth` | int32 | no |" in md and "≥ 0" in md
    q = schema.field_table_markdown("quarantine")
    assert "one of `comment`, `post`, `source`" in q


def test_schema_problems_name_missing_extra_and_mistyped_columns():
    good = schema.arrow_schema("posts")
    assert schema.schema_problems("posts", good) == []
    bad = good.remove(good.get_field_index("title")).append(pa.field("raw_author", pa.string()))
    i = bad.get_field_index("extracted_comment_count")
    bad = bad.set(i, pa.field("extracted_comment_count", pa.int64()))
    assert schema.schema_problems("posts", bad) == [
        ("title", "missing column (expected string)"),
        ("extracted_comment_count", "type int64, expected int32"),
        ("raw_author", "column not in the schema (string)"),
    ]


def test_suites_are_generated_from_the_schemas():
    specs = {s.name: s for s in suites.suite_specs()}
    checks = {c.check: c for c in specs["comments"].checks}
    assert checks["comment_id_unique"].expectation == "ExpectColumnValuesToBeUnique"
    assert checks["comment_id_pattern"].kwargs["regex"] == schema.json_schema("comments")["properties"]["comment_id"]["pattern"]
    assert checks["like_count_minimum"].kwargs == {"column": "like_count", "min_value": 0}
    # the schema's exception (x-blank-when): a comment marked removed keeps its place without text
    assert checks["text_not_blank"].kwargs == {
        "column": "text_visible_len", "min_value": 1,
        "row_condition": {"type": "comparison", "column": {"name": "removed"}, "operator": "!=",
                          "parameter": True}}
    assert schema.json_schema("comments")["properties"]["removed"]["x-arrow-type"] == "bool"
    assert "parent_id_not_null" not in checks and "root_id_not_null" in checks  # nullability from the schema
    assert {c.check for c in specs["posts"].checks} >= {"source_format_enum", "post_id_unique"}
    assert "body_not_blank" not in {c.check for c in specs["posts"].checks}  # an empty body is allowed
    assert {c.check: c.severity for c in specs["posts"].checks}["extracted_within_declared"] == "warning"


def test_committed_suite_files_are_current():
    """schemas/expectations/*.json are what the code runs; regenerate with
    `python -m therapy_threads.validate.suites` after changing a schema or a check."""
    d = schema.schema_dir() / "expectations"
    for name, body in suites.suites_json().items():
        on_disk = json.loads((d / f"{name}.json").read_text(encoding="utf-8"))
        assert on_disk == json.loads(json.dumps(body)), f"schemas/expectations/{name}.json is stale"


def test_comment_system_description_names_every_recogniser():
    # the published data card takes its field descriptions from the schema
    from therapy_threads.readers.comments.systems import SYSTEMS

    text = schema.json_schema("posts")["properties"]["comment_system"]["description"]
    assert [s.name for s in SYSTEMS if s.name not in text] == []
