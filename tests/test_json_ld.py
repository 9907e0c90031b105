"""The one JSON-LD walk the readers share: document order, @graph and nesting, pruning."""
import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from therapy_threads.readers import json_ld


def _page(*blocks: object, raw: str = "") -> LexborHTMLParser:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b)}</script>' for b in blocks)
    return LexborHTMLParser(f"<html><head>{scripts}{raw}</head><body><p>x</p></body></html>")


GRAPH = {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "@id": "#page", "breadcrumb": {"@type": "BreadcrumbList"}},
    {"@type": "BlogPosting", "@id": "#post", "author": {"@type": "Person", "name": "A. Writer"}},
]}


def _ids(objs: list[dict]) -> list[str]:
    return [o.get("@id") or "/".join(sorted(json_ld.types(o))) for o in objs]


@pytest.mark.parametrize("blocks, kwargs, expected", [
    # parents before what they hold, in the order written
    ([GRAPH], {}, ["", "#page", "BreadcrumbList", "#post", "Person"]),
    # only the page's own entities: the top level and its @graph
    ([GRAPH], {"nested": False}, ["", "#page", "#post"]),
    # a pruned object takes what it holds with it
    ([{"@type": "Recipe", "@id": "#r", "review": {"@type": "Review", "author": {"@type": "Person"}}}],
     {"skip": lambda d: "Review" in json_ld.types(d)}, ["#r"]),
    # blocks in document order; a list at the top is flattened
    ([{"@id": "#1"}, [{"@id": "#2"}, {"@id": "#3"}]], {}, ["#1", "#2", "#3"]),
    ([{"@id": "#1"}, {"@id": "#2"}, {"@id": "#3"}], {"limit": 2}, ["#1", "#2"]),
])
def test_objects(blocks, kwargs, expected):
    assert _ids(json_ld.objects(_page(*blocks).root, **kwargs)) == expected


def test_broken_and_empty_blocks_are_skipped():
    raw = ('<script type="application/ld+json">{"@type": </script>'
           '<script type="application/ld+json">   </script>')
    page = _page({"@id": "#ok"}, raw=raw)
    assert _ids(json_ld.objects(page.root)) == ["#ok"]


@pytest.mark.parametrize("value, expected", [
    ({"@type": "Article"}, {"Article"}),
    ({"@type": ["schema:NewsArticle", "https://schema.org/WebPage"]}, {"NewsArticle", "WebPage"}),
    ({"@type": 3}, set()),
    ({}, set()),
])
def test_types(value, expected):
    assert json_ld.types(value) == expected
