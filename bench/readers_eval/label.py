"""Gold labels for the reader corpus, derived from each page's markup by rules written for it.

This is deliberately a second, simpler path than the reader: lxml instead of lexbor, one XPath
per page chosen by a person who read that page's markup, no heuristics. A rule file says which
elements are comments on this page, where each one's own text is, and how replies are linked
there; the labeller turns that into the gold record the evaluation compares with
(``evaluate.py``): count, depth histogram, parent pairs, and per comment a text snippet that
must appear plus the author and date strings that must not appear in the text.

Rules (``<page>.rules.json`` next to the page)::

    {"item": "//li[contains(@class,'comment')]",   # comment elements, in document order
     "exclude": "...",                             # optional: items that are not comments here
     "content": ".//div[@class='comment-content']",  # relative: the comment's own text
     "author": ".//cite", "date": ".//time",        # relative: shown author and date (or null)
     "parent": "nest" | "indent" | "flat" | "depthclass" | "id:REGEX" | "childof" | "ref",
     "removed": ".//span[@class='deleted-comment']"}  # optional: the item is shown as deleted

A comment the page shows as deleted or removed (the platform's notice in place of its words:
Blogger's ``span.deleted-comment``, "[deleted]", "Ce commentaire a été supprimé par l'auteur.") is
labelled with the ``removed`` rule: it stays a comment (counted, its replies keep their parent),
its snippet is empty and it carries ``"removed": true``; the notice is never its text.

``nest``: the nearest ancestor item; ``indent``: the item just before the nearest ancestor reply
wrapper (Drupal ``div.indented``); ``depthclass``: ``depth-N`` classes with a stack; ``id:RE``: the
element id's second group is the parent's first; ``childof``: a ``child-of-N`` wrapper class;
``ref``: the item names its parent's id (``ref_parent`` XPath), matched to each item's ``ref_id``.
``levels``: MediaWiki DiscussionTools' own threading (``CommentParser::buildThreads``): each item's
level is the smallest of the ``level_of`` XPath numbers (DiscussionTools: the list depth at the
comment's start and at its signature, plus one), the ``heading`` XPath names the items of level 0
that are not comments (section headings); an item's parent is the latest earlier item one level up
that no shallower item has closed since (a skipped level attaches to the deepest open one), and a
comment whose parent is a heading is top level.

Comments that are not elements (a talk page's comment is a run of text between a start marker and
its signature): ``content_until`` (relative XPath) names the element where the comment's own text
stops; the text is then everything after the item (its own text, its tail, the elements in between)
up to that element, in document order, leaving out the text inside the elements ``content_skip``
(relative XPath) selects (a signature template around the marker), with ``content_strip_tail`` (a
regex) removed from the end.
In every relative XPath, ``$id`` is the item's ``id`` attribute (to find its markers by that id).

Usage: python bench/readers_eval/label.py PAGE.html [more pages] [--out DIR]
(reads PAGE.rules.json beside the page, or in DIR; writes the gold record beside it / into DIR)
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import lxml.html

SNIPPET = 60


def _norm(s: str) -> str:
    return " ".join(s.split())


def _text(els) -> str:
    if isinstance(els, str):
        return _norm(els)
    parts = []
    for e in els:
        if isinstance(e, str):
            parts.append(e)
        else:
            parts.append(e.text_content())
    return _norm(" ".join(parts))


def _between(start, stop, skip=()) -> list[str]:
    """Text after ``start`` (its own text and tail included) and before ``stop``, in document order,
    without the text inside the ``skip`` elements."""
    from lxml import etree
    out: list[str] = []
    on = False
    skipping = 0
    for event, el in etree.iterwalk(start.getroottree().getroot(), events=("start", "end")):
        if event == "start":
            if el is stop:
                break
            if el is start:
                on = True
            if any(el is k for k in skip):
                skipping += 1
            if on and not skipping and isinstance(el.tag, str) and el.tag not in ("script", "style") \
                    and el.text:
                out.append(el.text)
        else:
            if any(el is k for k in skip):
                skipping -= 1
            if on and not skipping and el.tail:
                out.append(el.tail)
    return out


def _xp(e, expr: str):
    return e.xpath(expr, id=e.get("id") or "")


def _threads(doc, items, rules) -> dict[int, int | None]:
    """item index -> parent item index by DiscussionTools' ``buildThreads``: headings and comments
    in document order; ``replies[level - 1]`` is a comment's parent; deeper entries are cut off
    after each item."""
    every = list(doc.iter())  # held, so that each element keeps one proxy (and one id) meanwhile
    order = {id(e): k for k, e in enumerate(every)}
    heads = doc.xpath(rules["heading"]) if rules.get("heading") else []
    seq = sorted([(order[id(e)], "h", e) for e in heads] + [(order[id(e)], i, e) for i, e in enumerate(items)],
                 key=lambda x: x[0])
    replies: list = []
    out: dict[int, int | None] = {}
    for _, what, e in seq:
        level = 0 if what == "h" else int(min(float(_xp(e, x)) for x in rules["level_of"]))
        while len(replies) < level:  # a skipped level: the deepest open item stands for it
            replies.append(replies[-1] if replies else None)
        if what != "h":
            parent = replies[level - 1] if level >= 1 else None
            out[what] = parent if isinstance(parent, int) else None  # a heading: top level
        del replies[level:]
        replies.append(what)
    return out


def label(page: Path, rules_dir: Path | None = None) -> dict:
    rules_path = (rules_dir or page.parent) / (page.name[:-5] + ".rules.json")
    rules = json.loads(rules_path.read_text())
    raw = page.read_bytes()
    try:
        doc = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", raw.decode("utf-8")))
    except UnicodeDecodeError:
        doc = lxml.html.fromstring(raw)  # lxml reads the page's own charset declaration
    items = doc.xpath(rules["item"])
    if rules.get("exclude"):
        drop = {id(e) for e in doc.xpath(rules["exclude"])}
        items = [e for e in items if id(e) not in drop]
    index = {id(e): i for i, e in enumerate(items)}
    mode = rules.get("parent", "nest")
    threads = _threads(doc, items, rules) if mode == "levels" else {}
    parents: list[int | None] = []
    depth: list[int] = []
    stack: list[int] = []
    for i, e in enumerate(items):
        p: int | None = None
        if mode == "nest":
            a = e.getparent()
            while a is not None:
                if id(a) in index:
                    p = index[id(a)]
                    break
                a = a.getparent()
        elif mode == "indent":
            a = e.getparent()
            while a is not None and id(a) not in index:
                if "indented" in (a.get("class") or "").split():
                    # The comment right before the wrapper: the previous sibling itself, or
                    # the last comment inside it (themes wrap each comment in a box).
                    prev = a.getprevious()
                    while prev is not None and p is None:
                        if id(prev) in index:
                            p = index[id(prev)]
                        else:
                            inner = [x for x in prev.iter() if id(x) in index]
                            if inner:
                                p = index[id(inner[-1])]
                        prev = prev.getprevious()
                    break
                a = a.getparent()
        elif mode == "depthclass":
            m = re.search(r"\bdepth-(\d+)\b", e.get("class") or "")
            d = int(m.group(1)) - 1 if m else 0
            del stack[d:]
            p = stack[-1] if d > 0 and stack else None
            stack.append(i)
        elif mode == "depthof":
            # Flat rows that state their own depth (Hacker News ``td.ind[@indent]``, Reddit's
            # ``depth`` attribute): the parent is the last earlier item one level up.
            d = int(float(e.xpath(rules["depth_of"]) or 0))
            del stack[d:]
            p = stack[-1] if d > 0 and stack else None
            stack.append(i)
        elif mode.startswith("id:"):
            rx = re.compile(mode[3:])
            m = rx.match(e.get("id") or "")
            if m and m.group(2) != "0":
                for j, f in enumerate(items):
                    mf = rx.match(f.get("id") or "")
                    if mf and mf.group(1) == m.group(2):
                        p = j
                        break
        elif mode == "ref":
            # The page names the parent by its id (a "reply to #N" block): ``ref_parent`` gives
            # that id for this item, ``ref_id`` gives each item's own id (XPath strings).
            want = _text(e.xpath(rules["ref_parent"]))
            if want:
                for j, f in enumerate(items):
                    if _text(f.xpath(rules["ref_id"])) == want:
                        p = j
                        break
        elif mode == "levels":
            p = threads.get(i)
        elif mode == "childof":
            a = e.getparent()
            m = re.search(r"\bchild-of-(\d+)\b", (a.get("class") or "") if a is not None else "")
            if m:
                for j, f in enumerate(items):
                    if (f.get("id") or "") == f"comment-{m.group(1)}":
                        p = j
                        break
        parents.append(p)
        depth.append(0 if p is None else depth[p] + 1)
    comments = []
    for i, e in enumerate(items):
        if rules.get("content_until"):
            stop = _xp(e, rules["content_until"])
            skip = _xp(e, rules["content_skip"]) if rules.get("content_skip") else []
            content = _between(e, stop[0] if stop else None, skip)
        else:
            content = _xp(e, rules["content"]) if rules.get("content") else [e]
        text = _text(content)
        if rules.get("content_strip_tail"):
            text = re.sub(rules["content_strip_tail"], "", text)
        author = _text(_xp(e, rules["author"])) if rules.get("author") else ""
        date = _text(_xp(e, rules["date"])) if rules.get("date") else ""
        # A comment the page shows as deleted stays a comment (its replies keep their parent), with
        # no text: the platform's notice is not the commenter's words.
        removed = bool(rules.get("removed")) and bool(_xp(e, rules["removed"]))
        comments.append({"snippet": "" if removed else text[:SNIPPET], "author": author or None,
                         "date_text": date or None, "parent": parents[i], "depth": depth[i],
                         **({"removed": True} if removed else {})})
    hist = Counter(depth)
    return {
        "page": page.name,
        "count": len(items),
        "depths": {str(k): hist[k] for k in sorted(hist)},
        "comments": comments,
        "rules": rules,
    }


def main(argv: list[str]) -> int:
    out_dir = None
    if "--out" in argv:
        i = argv.index("--out")
        out_dir = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    for name in argv:
        page = Path(name)
        gold = label(page, out_dir)
        meta = (out_dir or page.parent) / (page.name[:-5] + ".gold.json")
        old = json.loads(meta.read_text()) if meta.exists() else {}
        gold = {**{k: v for k, v in old.items() if k in ("source", "split", "system", "note", "page_path",
                                                         "must_not", "declared")}, **gold}
        meta.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
        empty = sum(1 for c in gold["comments"] if not c["snippet"])
        print(f"{page.name}: {gold['count']} comments, depths {gold['depths']}, "
              f"{empty} without text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
