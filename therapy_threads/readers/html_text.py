"""HTML -> plain text with paragraph breaks, shared by the HTML, WXR, Disqus and REST readers.

The walk is iterative (explicit stack over ``child``/``next`` links), so a page with 10,000
nested lists cannot exhaust Python's recursion limit, and lexbor (selectolax) is used rather
than libxml2's HTML parser, which silently drops everything below depth 256.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Subtrees that are never text a person wrote in the body.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "form", "button", "input", "select", "textarea", "head", "title", "meta", "link", "video",
    "audio", "map",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "blockquote", "ul", "ol", "dl", "dt",
    "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "thead", "tbody", "tfoot", "tr",
    "figure", "figcaption", "hr", "address", "main", "aside", "nav", "details", "summary",
    "fieldset", "center",
})
LINE_TAGS = frozenset({"br", "td", "th", "caption"})  # newline after; <li> gets one before
# Images whose alt text is part of the text: WordPress smilies and emoji.
_TEXT_IMG_CLASSES = frozenset({"wp-smiley", "emoji"})
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")
_WS_ALL = re.compile(r"\s+")

SkipFn = Callable[[LexborNode], "str | bool | None"]


# Elements that hold content, written in XML's empty-element form (``<iframe .../>``,
# ``<div class="clear"/>``): pages saved through an XML serialiser (XHTML output, crawlers that
# store the DOM as XML) print them so. An HTML5 parser ignores the ``/`` and opens the element —
# for ``iframe``/``textarea``/``title``/``noscript``/``script`` that turns the rest of the page
# into raw text (no post, no comment). libxml2's HTML parser and XML tools close them; so do we.
_EMPTY_FORM = re.compile(
    r"<(iframe|textarea|title|noscript|script|style|xmp|noembed|noframes|div|span|a|p|i|b|em|"
    r"strong|td|th|li|ul|ol|section|article|aside|header|footer|nav|label|button|select|video|"
    r"audio|canvas|object|table|tr|ins|del|u|small|font|center|dd|dt|dl|h[1-6])"
    r"(\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)?\s*/>", re.I)


def close_empty_elements(text: str) -> str:
    """``<tag .../>`` -> ``<tag ...></tag>`` for elements that are not void in HTML."""
    if "/>" not in text:
        return text
    return _EMPTY_FORM.sub(lambda m: f"<{m.group(1)}{m.group(2) or ''}></{m.group(1)}>", text)


def parse_html(text: str) -> LexborHTMLParser:
    return LexborHTMLParser(close_empty_elements(text))


def classes(node: LexborNode) -> set[str]:
    cls = node.attributes.get("class") if node.is_element_node else None
    return set(cls.split()) if cls else set()


def node_text(node: LexborNode | None, skip: SkipFn | None = None, *, keep_newlines: bool = False,
              furniture: list[tuple[str, str]] | None = None,
              drop_text: frozenset[int] = frozenset()) -> str:
    """Text of ``node``: blocks separated by a blank line, ``<br>``/``<li>`` by a newline.

    ``skip(el)`` may return True (drop the subtree) or a string (drop it and record its text as
    page furniture of that kind in ``furniture``). ``keep_newlines`` keeps newlines found in text
    nodes, for stored raw content (WXR, Disqus) where WordPress adds paragraphs only on display.
    ``drop_text`` names loose text nodes (by ``mem_id``) that are not the text (a signature a
    forum prints as bare text after a rule).
    """
    if node is None:
        return ""
    out: list[str] = []
    # Stack of (node, phase): phase 0 = enter, 1 = leave (emit the closing break).
    stack: list[tuple[LexborNode, int]] = [(node, 0)]
    pre_depth = 0
    while stack:
        n, phase = stack.pop()
        tag = n.tag
        if phase == 1:
            if tag == "pre":
                pre_depth -= 1
            if tag in BLOCK_TAGS:
                out.append("\n\n")
            elif tag in LINE_TAGS:
                out.append("\n")
            continue
        if tag == "-text":
            if drop_text and n.mem_id in drop_text:
                continue
            t = n.text_content or ""
            if pre_depth:
                out.append(t)
            elif keep_newlines:
                out.append(_WS.sub(" ", t))
            else:
                out.append(_WS_ALL.sub(" ", t))
            continue
        if not n.is_element_node and n is not node:
            continue  # comments, doctype
        if n is not node:
            if tag in SKIP_TAGS:
                continue
            if skip is not None:
                verdict = skip(n)
                if verdict:
                    if furniture is not None and isinstance(verdict, str):
                        ft = node_text(n)
                        if ft:
                            furniture.append((verdict, ft))
                    continue
        if tag == "img":
            if classes(n) & _TEXT_IMG_CLASSES:
                out.append(n.attributes.get("alt") or "")
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag in BLOCK_TAGS:
            out.append("\n\n")
        elif tag == "li":
            out.append("\n")
        if tag == "pre":
            pre_depth += 1
        stack.append((n, 1))
        # Push children last-first so the first child is processed first.
        c = n.last_child
        while c is not None:
            stack.append((c, 0))
            c = c.prev
    return tidy("".join(out))


def tidy(text: str) -> str:
    """Strip line ends and keep at most one blank line between paragraphs."""
    lines = [ln.strip(" \t") for ln in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def fragment_text(html: str, *, keep_newlines: bool = False) -> str:
    """Text of an HTML fragment (stored comment content, ``content.rendered``), parsed the way
    a page is (``parse_html``: self-closed non-void elements closed first)."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return tidy(html if keep_newlines else _WS_ALL.sub(" ", html))
    tree = parse_html(html)
    return node_text(tree.body, keep_newlines=keep_newlines)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def decode_html(data: bytes) -> tuple[str, str | None]:
    """Decode page bytes: BOM, then a declared charset, then UTF-8, then cp1252.

    Returns the text and a warning message when the bytes did not decode cleanly.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), None
    declared = None
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    for enc in ([declared] if declared else []) + ["utf-8"]:
        try:
            return data.decode(enc), None
        except UnicodeDecodeError:
            continue
    if declared in (None, "utf-8", "utf8"):
        try:
            return data.decode("cp1252"), "page is not valid UTF-8; decoded as Windows-1252"
        except UnicodeDecodeError:
            pass
    return (data.decode(declared or "utf-8", errors="replace"),
            f"page has bytes invalid in {declared or 'utf-8'}; they were replaced with U+FFFD")


_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/[0-9a-z_]+/(?=https?://|[a-z0-9.-]+\.[a-z]{2,})",
                      re.I)


def unwrap_wayback(url: str | None) -> str | None:
    """The original URL inside a Wayback Machine rewritten link."""
    if not url:
        return url
    return _WAYBACK.sub("", url.strip())


# --------------------------------------------------------------------------- nesting bound
# HTML5 tree construction checks "element in scope" by walking the stack of open elements, so
# parsing is quadratic in the nesting depth: 100,000 nested comment lists take half an hour.
# No real page nests anywhere near MAX_ELEMENT_DEPTH (a 10-level WordPress thread is ~60), and
# the reply tree stops at tree.MAX_DEPTH levels anyway, so subtrees deeper than that are cut
# out before parsing and reported; what they held is counted by the caller.
MAX_ELEMENT_DEPTH = 400
_TAG_RE = re.compile(r"<!--.*?-->|<(?P<end>/?)(?P<name>[a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(?P<selfclose>/?)>",
                     re.S)
# A script's or style's content is raw text to the parser (JSON in a script can hold "<font>" by
# the thousand): the scan jumps to its end tag, and an unclosed one runs to the end of the page.
_RAW_END = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
# The elements whose open/close the bound follows. Those the parser closes implicitly and that do
# not bound a scope (p, li, dd, option ...) are left out: a plain counter would drift upwards on
# sloppy but flat pages. Table parts are in, because the parser's own rules for them are simple
# and they decide what an unclosed element inside them becomes (below).
_COUNTED = frozenset({"div", "ul", "ol", "dl", "section", "article", "aside", "nav", "main",
                      "header", "footer", "table", "blockquote", "span", "a", "form", "figure",
                      "details", "fieldset", "em", "strong", "b", "i", "small", "font", "center",
                      "tr", "td", "th", "caption"})
# HTML5 tree construction: an end tag closes its element only if that element is "in scope"
# (no td/th/table/caption between it and the current node), and then closes every element still
# open above it; an end tag whose element is not in scope is ignored. So ``</td>`` ends a cell's
# unclosed div and span (Hacker News 2013-2017 never closes ``div.comment`` or ``span.c00``: a
# counter of start and end tags climbs by two per comment and cut a 377-comment thread).
_SCOPE = frozenset({"td", "th", "table", "caption"})
_TABLE_PARTS = frozenset({"td", "th", "tr", "caption"})  # "in table scope": only table bounds


_BLOCK_TAG = re.compile(r"<(?:/?(?:p|div|li|ul|ol|dl|dt|dd|tr|table|section|article|blockquote|"
                        r"h[1-6]|header|footer|pre)\b[^>]*|br\s*/?)>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>|<!--.*?-->", re.S)


def _flatten(piece: str) -> str:
    """The words of a cut-out subtree as one flat block (line per list item/paragraph)."""
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", piece))
    lines = [ln.strip() for ln in text.split("\n")]
    return '<div class="tt-flattened">' + "<br>".join(ln for ln in lines if ln) + "</div>"


def bound_depth(text: str, cap: int = MAX_ELEMENT_DEPTH) -> tuple[str, list[str]]:
    """``text`` with every element nested deeper than ``cap`` flattened, and the cut pieces.

    A subtree past the bound is replaced by its words in one flat block, so a post's text is
    kept while nothing is parsed at that depth; comments inside it are the caller's to count.
    Returns the text unchanged (and no pieces) for any page of normal depth. The depth is the
    parser's stack of open elements as HTML5 builds it for the elements followed (end tags close
    what is in scope, a new cell or row closes the open one, a new link the open link); one regex
    pass over the tags, each element pushed and popped once, so linear in the size of the page.
    """
    if text.count("<") < cap:
        return text, []
    stack: list[str] = []
    where: dict[str, list[int]] = {}
    bounds: list[int] = []   # positions of scope boundaries (td, th, table, caption)
    tables: list[int] = []
    cut_start = -1
    cuts: list[tuple[int, int]] = []

    def top(name: str, floor: list[int]) -> int:
        """Position of the innermost open ``name`` above the innermost entry of ``floor``, or -1."""
        at = where.get(name)
        if not at:
            return -1
        lowest = floor[-1] if floor else -1
        return at[-1] if at[-1] > lowest else -1

    def pop_to(i: int) -> None:
        while len(stack) > i:
            name = stack.pop()
            where[name].pop()
            if name in _SCOPE:
                bounds.pop()
            if name == "table":
                tables.pop()

    pos = 0
    while True:
        m = _TAG_RE.search(text, pos)
        if m is None:
            break
        pos = m.end()
        name = m.group("name")
        if name is None:
            continue  # an HTML comment
        name = name.lower()
        if name in _RAW_END and not m.group("end"):
            close = _RAW_END[name].search(text, pos)
            if close is None:
                break
            pos = close.end()
            continue
        if name not in _COUNTED or m.group("selfclose"):
            continue
        if m.group("end"):  # end tag
            if name == "table":
                t = tables[-1] if tables else -1
            else:
                t = top(name, tables if name in _TABLE_PARTS else bounds)
            if t < 0:
                continue  # nothing of that name is open in scope: the parser ignores the tag
            pop_to(t)
            if cut_start >= 0 and t <= cap:
                # its own end tag closes the cut element; an outer one closes it in passing
                cuts.append((cut_start, m.end() if t == cap else m.start()))
                cut_start = -1
            continue
        t = -1
        if name in ("td", "th"):
            t = max(top("td", tables), top("th", tables))
        elif name == "tr":
            t = min((p for p in (top("tr", tables), top("td", tables), top("th", tables)) if p >= 0),
                    default=-1)
        elif name == "a":
            t = top("a", bounds)
        if t >= 0:
            pop_to(t)
            if cut_start >= 0 and t <= cap:
                cuts.append((cut_start, m.start()))
                cut_start = -1
        where.setdefault(name, []).append(len(stack))
        if name in _SCOPE:
            bounds.append(len(stack))
        if name == "table":
            tables.append(len(stack))
        stack.append(name)
        if len(stack) == cap + 1 and cut_start < 0:
            cut_start = m.start()
    if cut_start >= 0:
        cuts.append((cut_start, len(text)))
    if not cuts:
        return text, []
    out: list[str] = []
    pieces: list[str] = []
    pos = 0
    for a, b in cuts:
        out.append(text[pos:a])
        pieces.append(text[a:b])
        out.append(_flatten(text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out), pieces
