"""Synthetic pages for reader tests: one page shell, one reader call, one way to print a tree.

Reader tests build small invented pages (never copies of real ones) around the markup a comment system
prints; only the part before the comments differs between systems, so that is the one argument."""
from __future__ import annotations

from therapy_threads.readers import SourceRef, get_reader


def page(body: str, *, before: str = "", head: str = "", lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
            f"{before}{body}</body></html>").encode()


def read_page(body: str, *, before: str = "", head: str = "", lang: str = "en", url: str | None = None):
    return get_reader("html").read(page(body, before=before, head=head, lang=lang),
                                   SourceRef("t", "t.html", url=url))


def shape(r):
    """(text, depth, parent's text, author) per comment: the tree as a reader sees it."""
    by_id = {c.comment_id: c for c in r.comments}
    return [(c.text, c.depth, by_id[c.parent_id].text if c.parent_id else None,
             c.identity.name if c.identity else None) for c in r.comments]


def codes(r):
    return [i.code for i in r.issues]
