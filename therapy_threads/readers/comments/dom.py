"""DOM helpers for the comment readers: attribute caches, linear-time ancestor questions.

Comment threads can be nested thousands deep (hostile or broken pages), so every question of
the form "which ancestor of this node is X" is answered through a memo over node ids: each node
is looked at once, whatever the number of comments below it, and nothing recurses.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from selectolax.lexbor import LexborNode


# A CSS-modules class ("comment--2g6iCC-R", "username--2Y8YKhbw": the name a React/webpack build
# gives ``[local]--[hash:base64:8]``) also counts as its local name ("comment", "username"): the
# hash, which has a digit or a capital, is the build's, not the template's. BEM modifiers
# ("comment--reply") have neither and are left alone.
_CSS_MODULE = re.compile(r"^([A-Za-z][\w-]*?)--(?=[\w-]*[0-9A-Z])[\w-]{5,10}$")


class Attrs:
    """Per-page cache of element attributes and class tokens (lexbor builds a dict per call)."""

    __slots__ = ("_attrs", "_classes")

    def __init__(self) -> None:
        self._attrs: dict[int, dict[str, str | None]] = {}
        self._classes: dict[int, frozenset[str]] = {}

    def attrs(self, n: LexborNode) -> dict[str, str | None]:
        a = self._attrs.get(n.mem_id)
        if a is None:
            a = n.attributes if n.is_element_node else {}
            self._attrs[n.mem_id] = a
        return a

    def get(self, n: LexborNode, name: str) -> str:
        return (self.attrs(n).get(name) or "").strip()

    def classes(self, n: LexborNode) -> frozenset[str]:
        c = self._classes.get(n.mem_id)
        if c is None:
            raw = self.attrs(n).get("class") or ""
            if not raw:
                c = frozenset()
            elif "--" in raw:
                toks = raw.split()
                c = frozenset([t.lower() for t in toks] + [m.group(1).lower() for t in toks
                                                           if (m := _CSS_MODULE.match(t))])
            else:
                c = frozenset(raw.lower().split())
            self._classes[n.mem_id] = c
        return c

    def id(self, n: LexborNode) -> str:
        return self.get(n, "id")


def ancestors(n: LexborNode) -> Iterator[LexborNode]:
    p = n.parent
    while p is not None and p.is_element_node:
        yield p
        p = p.parent


def contains(outer: LexborNode, inner: LexborNode) -> bool:
    """``inner`` lies strictly inside ``outer`` (a node does not contain itself)."""
    return any(p.mem_id == outer.mem_id for p in ancestors(inner))


def memo_up(node: LexborNode, memo: dict[int, object], own: Callable[[LexborNode], object],
            stop: Callable[[LexborNode], bool] | None = None) -> object:
    """Value of the nearest ancestor-or-self for which ``own`` is not None, memoised.

    ``own(n)`` gives a node's own answer (None: ask the parent). The walk stops at the root (None)
    or at a node where ``stop(n)`` is true (its own answer, possibly None). Every node on the
    walked path is memoised, so answering the question for all nodes of a page is linear.
    """
    trail: list[int] = []
    n: LexborNode | None = node
    value: object = None
    while n is not None and n.is_element_node:
        key = n.mem_id
        if key in memo:
            value = memo[key]
            break
        v = own(n)
        if v is not None:
            value = v
            memo[key] = v
            break
        trail.append(key)
        if stop is not None and stop(n):
            break
        n = n.parent
    for k in trail:
        memo[k] = value
    return value


def own_blocks(nodes: list[LexborNode], climb: int = 12) -> list[LexborNode | None]:
    """For each node, the largest element around it that holds no other of ``nodes``, right below a
    common one holding several (the repeated blocks of a list: one post, one comment); None for a
    node without one (it stands alone, or the climb reached the page's body first). At most
    ``climb`` levels are looked at."""
    below: dict[int, int] = {}  # element -> nodes below it
    for n in nodes:
        p = n.parent
        for _ in range(climb):
            if p is None or not p.is_element_node:
                break
            below[p.mem_id] = below.get(p.mem_id, 0) + 1
            p = p.parent
    out: list[LexborNode | None] = []
    for n in nodes:
        block, p = None, n.parent
        for _ in range(climb):
            if p is None or not p.is_element_node or p.tag in ("body", "html", "main"):
                break
            if below.get(p.mem_id, 0) > 1:
                break
            block, p = p, p.parent
        out.append(block if block is not None and p is not None and below.get(p.mem_id, 0) >= 2 else None)
    return out


def _sibling_element(n: LexborNode, step: str) -> LexborNode | None:
    """The nearest sibling element in direction ``step`` ("prev" or "next"), skipping text,
    comments and empty anchors (``<a id=...>``)."""
    p = getattr(n, step)
    while p is not None:
        if p.is_element_node and not (p.tag == "a" and not p.attributes.get("href")
                                      and not p.text(strip=True)):
            return p
        p = getattr(p, step)
    return None


def prev_element(n: LexborNode) -> LexborNode | None:
    """The previous sibling element, skipping text, comments and empty anchors (``<a id=...>``)."""
    return _sibling_element(n, "prev")


def next_element(n: LexborNode) -> LexborNode | None:
    """The next sibling element, skipping text, comments and empty anchors."""
    return _sibling_element(n, "next")


def element_children(n: LexborNode) -> Iterator[LexborNode]:
    c = n.child
    while c is not None:
        if c.is_element_node:
            yield c
        c = c.next


def walk(root: LexborNode, enter: Callable[[LexborNode], bool]) -> None:
    """Pre-order walk of the elements below ``root``; ``enter(n)`` False skips n's subtree."""
    stack = [root]
    while stack:
        n = stack.pop()
        if not enter(n):
            continue
        c = n.last_child
        while c is not None:
            if c.is_element_node:
                stack.append(c)
            c = c.prev


_NUM_TAIL = re.compile(r"(\d+)$")


def stripped_text(n: LexborNode | None) -> str | None:
    """A node's text without surrounding blanks; None when there is no node (an author part the
    theme does not print)."""
    return n.text(strip=True) if n is not None else None


def id_number(value: str) -> str | None:
    m = _NUM_TAIL.search(value)
    return m.group(1) if m else None
