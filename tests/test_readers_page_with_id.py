"""``Page.with_id``: the comment systems' shared loop over elements with a numbered id (synthetic
markup): document order, the rest skipped, a subtree, an id-like attribute other than ``id``."""
from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from therapy_threads.readers.comments.base import Page
from therapy_threads.readers.comments.dom import Attrs

_HTML = ('<div id="list">'
         '<div class="c" id="c-12" data-key="t1_ab"></div>'
         '<div class="c" id="c-x"></div>'
         '<div class="c" id=" c-7 "></div>'
         '<div class="c" id="pre-c-9"></div>'
         '<div class="c"></div>'
         '<div class="c" id="c-3" data-key="t2_zz"></div>'
         '</div><div class="c" id="c-40" data-key="t1_cd"></div>')


def _page() -> Page:
    return Page(root=LexborHTMLParser(_HTML).body, attrs=Attrs(), url=None, languages=())


@pytest.mark.parametrize("under, attr, pattern, expected", [
    # matched from the id's start, blanks around the id ignored, the rest skipped, in page order
    (None, "id", r"c-(\d+)$", [("c-12", "12"), ("c-7", "7"), ("c-3", "3"), ("c-40", "40")]),
    # below one element only
    ("#list", "id", r"c-(\d+)$", [("c-12", "12"), ("c-7", "7"), ("c-3", "3")]),
    # an id-like attribute (Reddit's data-fullname, Shreddit's thingid)
    (None, "data-key", r"t1_(\w+)$", [("c-12", "ab"), ("c-40", "cd")]),
    (None, "id", r"nothing-(\d+)$", []),
])
def test_with_id(under, attr, pattern, expected):
    page = _page()
    root = page.root.css_first(under) if under else None
    got = [(page.attrs.id(n), m.group(1))
           for n, m in page.with_id("div.c", re.compile(pattern), under=root, attr=attr)]
    assert got == expected
