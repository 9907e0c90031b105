"""bench/readers_eval/label.py, parent mode ``levels``: MediaWiki DiscussionTools' own threading
(``CommentParser::buildThreads``), on a synthetic talk page where one user signs twice in one minute
in two sections, so that two comments share the name a reply's id gives as its parent."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path


def _label():
    spec = importlib.util.spec_from_file_location(
        "label", Path(__file__).resolve().parents[1] / "bench" / "readers_eval" / "label.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _c(cid: str, words: str) -> str:
    return (f'<span data-mw-comment-start="" id="{cid}"></span>{words} '
            f'<span data-mw-comment-sig="{cid}"></span><a href="/wiki/User:X">X</a>'
            f'<span data-mw-comment-end="{cid}"></span>')


def test_levels_links_by_indentation_not_by_the_first_comment_of_a_name(tmp_path):
    a = "c-Ann-2020-04-09T22:31:00.000Z"
    page = ('<html><body><h2><span data-mw-comment-start="" id="h-One-2020"></span>One</h2>'
            f'<p>{_c(a + "-One", "First section.")}</p>'
            f'<dl><dd>{_c("c-Bo-2020-04-10T10:00:00.000Z-" + a, "A reply in one.")}</dd></dl>'
            '<h2><span data-mw-comment-start="" id="h-Two-2020"></span>Two</h2>'
            f'<p>{_c(a + "-Two", "Second section, same minute.")}</p>'
            f'<dl><dd>{_c("c-Cy-2020-04-11T10:00:00.000Z-" + a, "A reply in two.")}'
            f'<dl><dd><dl><dd>{_c("c-Di-2020-04-12T10:00:00.000Z-Cy-2020-04-11T10:00:00.000Z", "Skips a level.")}'
            '</dd></dl></dd></dl></dd></dl>'
            '<h2><span data-mw-comment-start="" id="h-Three-2020"></span>Three</h2>'
            f'<dl><dd>{_c("c-Ed-2020-04-13T10:00:00.000Z-Three", "Indented under the heading only.")}</dd></dl>'
            '</body></html>')
    (tmp_path / "t.html").write_text(page)
    rules = {"item": "//span[@data-mw-comment-start and starts-with(@id,'c-')]",
             "content_until": "(following::span[@data-mw-comment-sig=$id])[1]",
             "parent": "levels", "heading": "//span[@data-mw-comment-start and starts-with(@id,'h-')]",
             "level_of": ["count(ancestor::li | ancestor::dd) + 1",
                          "count((//span[@data-mw-comment-sig=$id])[last()]/ancestor::*[self::li or self::dd]) + 1"]}
    (tmp_path / "t.rules.json").write_text(json.dumps(rules))
    gold = _label().label(tmp_path / "t.html")
    # Cy answers the comment of the same name in its own section (the first of that name is
    # section One's); Di skips a level and hangs on the deepest open comment; Ed, indented right
    # under a heading, has the heading as parent: top level
    assert [(c["snippet"], c["parent"], c["depth"]) for c in gold["comments"]] == [
        ("First section.", None, 0), ("A reply in one.", 0, 1), ("Second section, same minute.", None, 0),
        ("A reply in two.", 2, 1), ("Skips a level.", 3, 2), ("Indented under the heading only.", None, 0)]
