"""One reading of a page's JSON-LD blocks, shared by the post's metadata (author, publisher,
date) and the comment section's (declared counts, the opening post of a forum topic).

Objects come in document order (a block's ``@graph`` and nested values flattened, parents
before what they hold): where a page states one thing twice, the first statement is the one a
reader of the markup meets first. Broken, empty and oversized blocks are skipped, not fatal:
JSON-LD is a hint beside the markup, never the only reading of a page.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from selectolax.lexbor import LexborNode

MAX_BLOCKS = 20
MAX_BLOCK_CHARS = 1_000_000


def blocks(root: LexborNode) -> Iterator[object]:
    """The parsed value of each ``application/ld+json`` script that parses."""
    for n in root.css("script[type='application/ld+json']")[:MAX_BLOCKS]:
        raw = n.text(strip=True)
        if not raw or len(raw) > MAX_BLOCK_CHARS:
            continue
        try:
            yield json.loads(raw)
        except ValueError:
            continue


def objects(root: LexborNode, *, limit: int = 400, nested: bool = True,
            skip: Callable[[dict], bool] | None = None) -> list[dict]:
    """The JSON-LD objects of the page in document order, at most ``limit``. An object for which
    ``skip`` is true is left out with everything it holds (a review's or a comment's own dates
    are not the page's). With ``nested=False`` only the top-level objects and those of a
    ``@graph`` come: the page's own entities, not the topic a forum page's ``mainEntity`` names
    or the posting an ``about`` points at (their author is a poster, not the page's author)."""
    out: list[dict] = []
    for value in blocks(root):
        stack = [value]
        while stack and len(out) < limit:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(reversed(d))
            elif isinstance(d, dict):
                if skip is not None and skip(d):
                    continue
                out.append(d)
                held = d.values() if nested else (d.get("@graph"),)
                stack.extend(reversed([v for v in held if isinstance(v, (dict, list))]))
        if len(out) >= limit:
            break
    return out


def types(d: dict) -> set[str]:
    """The object's ``@type`` names without a vocabulary prefix ("schema:Article", a full IRI)."""
    t = d.get("@type")
    return {x.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)}
