"""The reader registry is the one home of the list of source formats."""
from __future__ import annotations

import json

import pytest

from therapy_threads import schema
from therapy_threads.errors import UserError
from therapy_threads.pipeline import load_manifest
from therapy_threads.readers import (FORMATS, canonical_format, formats, get_reader,
                                     threaded_formats)
from therapy_threads.validate import frames
from therapy_threads.validate.suites import suites_json


def test_schema_enum_is_the_registry():
    enum = schema.json_schema("posts")["properties"]["source_format"]["enum"]
    assert enum == formats(), ("schemas/posts.schema.json source_format enum differs from "
                               "readers.FORMATS: edit the schema's enum to match the registry")


def test_every_declared_format_has_its_reader():
    for f in FORMATS:
        assert get_reader(f.name).format == f.name


def test_validation_derives_from_the_registry():
    assert frames.THREADED_FORMATS == threaded_formats()
    posts = suites_json()["posts"]["expectations"]
    enum_check = next(e for e in posts if e["check"] == "source_format_enum")
    assert enum_check["kwargs"]["value_set"] == formats()


def test_old_name_is_an_alias_and_unknown_names_list_the_formats():
    assert canonical_format("wordpress_html") == "html"
    assert canonical_format(None) is None
    with pytest.raises(ValueError, match="known: text_capture, html, wxr, disqus, wp_rest"):
        canonical_format("rss")


def test_manifest_format_is_checked_against_the_registry(tmp_path):
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nid = "a"\nlocation = "a.html"\nformat = "wordpress_html"\n'
        '[[source]]\nid = "b"\nlocation = "b.html"\n')
    _, refs = load_manifest(tmp_path)
    assert [r.format for r in refs] == ["html", None]
    (tmp_path / "sources.toml").write_text('[[source]]\nid = "a"\nlocation = "a"\nformat = "atom"\n')
    with pytest.raises(UserError, match="use one of text_capture, html, wxr, disqus, wp_rest"):
        load_manifest(tmp_path)


def test_cli_help_lists_the_registry(capsys):
    from therapy_threads.cli import main

    with pytest.raises(SystemExit):
        main(["inspect", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert ", ".join(formats()) in out


def test_schema_files_are_valid_json_with_the_new_fields():
    posts = schema.json_schema("posts")["properties"]
    comments = schema.json_schema("comments")["properties"]
    assert "published_local" in posts and "comment_system" in posts
    assert "published_local" in comments
    json.dumps(posts)


def test_records_built_with_an_old_format_name_carry_the_declared_one():
    from therapy_threads.formats import formats
    from therapy_threads.records import Post, ReadResult

    post = Post("p", "s", "wordpress_html", "t", "b", "0" * 64)
    assert post.source_format == "html" and post.source_format in formats()
    assert ReadResult("s", "wordpress_html").source_format == "html"
    assert Post("p", "s", "wxr", "t", "b", "0" * 64).source_format == "wxr"
