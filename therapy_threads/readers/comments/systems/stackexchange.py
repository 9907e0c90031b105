"""Stack Exchange question pages (Stack Overflow, Server Fault, ...), from the markup every site
of the network prints.

The question is ``div.question#question`` (the post body). Each answer is
``div.answer#answer-{ID}`` (``data-answerid``) holding ``div.votecell`` (score, accept mark),
``div.answercell`` > ``div.s-prose.js-post-body`` (``itemprop=text``: the words), the post menu
(share, edit, follow) and ``div.post-signature`` blocks (the last one is the author:
``div.user-details`` > ``a`` or ``[itemprop=name]``; an earlier one the last editor), then
``div#comments-{ID}`` > ``ul.comments-list`` > ``li.comment#comment-{ID}`` (``span.comment-copy``:
the words; ``a.comment-user``; ``span.relativetime-clean``; a score). Answers are the question's
replies (depth 0); a comment replies to the answer it is printed under, or, under the question,
to the question itself (depth 0).

A ``blockquote`` in a post's words is what the writer quotes (a dictionary's definition, another
post): not their own words. Only ``blockquote.spoiler`` (the ``>!`` Markdown the network prints as a
click-to-reveal box) is the writer's own text, hidden.

The 2010-2012 templates print the same ids in tables: the answer's words are ``div.post-text``
(no ``js-post-body`` yet) and each comment is a table row ``tr.comment#comment-{ID}`` inside
``div#comments-{ID}`` > ``table``, with ``td.comment-text`` > ``span.comment-copy`` and
``a.comment-user`` after an en dash.

Sites that copy the network's questions (translated mirrors) print its comment line as it is:
the words, an en dash, then the commenter and the date ("WORDS – NAME 15 Apr 14"), in their own
classes. ``signed_line`` finds that shape in a comment element, so the name and the date are read
as fields and never stay in the text.
"""
from __future__ import annotations

import re

from ..base import CommentSystem, Item, Page
from ..cleanup import bare_name
from ..dom import stripped_text

_ANSWER = re.compile(r"^answer-(\d+)$")
_COMMENT = re.compile(r"^comment-(\d+)$")


class StackExchange(CommentSystem):
    name = "stackexchange"
    order = 36

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.answer[id^='answer-'], li.comment[id^='comment-'], "
                              "tr.comment[id^='comment-']"):
            if n.tag == "div":
                m = _ANSWER.match(a.id(n))
                content = n.css_first("div.js-post-body, div[itemprop='text'], div.post-text")
                if m is None or content is None:
                    continue
                signatures = [s for s in n.css("div.post-signature")
                              if not any(p.tag == "li" or (p.tag == "div" and a.id(p).startswith(
                                  "comments-")) for p in _ancestors(s, n))]
                who = (signatures[-1].css_first("div.user-details [itemprop='name'], "
                                                "div.user-details a") if signatures else None)
                out.append(Item(n, self.name, f"answer-{m.group(1)}", parent_stated=True,
                                author=stripped_text(who),
                                content=content, not_text=_quotes(content)))
                continue
            m = _COMMENT.match(a.id(n))
            content = n.css_first("span.comment-copy")
            if m is None or content is None:
                continue
            owner = next((p for p in _ancestors(n, None) if p.tag == "div"
                          and _ANSWER.match(a.id(p)) and "answer" in a.classes(p)), None)
            who = n.css_first("a.comment-user")
            out.append(Item(n, self.name, f"comment-{m.group(1)}", parent_stated=True,
                            parent_key=a.id(owner) if owner is not None else None,
                            author=stripped_text(who),
                            content=content))
        if not any(it.key.startswith("answer-") for it in out) and page.root.css_first(
                "div.question#question, div#question[data-questionid]") is None:
            return []  # li.comment#comment-N alone is WordPress's markup, not this one's
        return out


# The separator Stack Exchange's ``comment`` template prints between the words and the
# signature (``&ndash;``); mirrors copy it, some as an em dash or a hyphen.
_DASHES = frozenset({"–", "—", "-", "−"})


def signed_line(page: Page, comment) -> tuple[object, str | None, object] | None:
    """(words' element, commenter's name, date's element) for a comment printed as Stack
    Exchange's line "WORDS – NAME DATE": an element with the words, a dash, then the name (a
    profile link or ``itemprop=name``; a deleted account's name is plain text) and the date (an
    element with a ``title``/``datetime`` or a date class) after it; the last such dash in the
    comment (the signature ends the line). None when the comment is not printed that way."""
    a = page.attrs
    found = None
    for t in comment.traverse(include_text=True):
        if t.tag != "-text" or (t.text(deep=False) or "").strip() not in _DASHES:
            continue
        words = _element_beside(t, "prev")
        rest = []
        x = t.next
        while x is not None:
            rest.append(x)
            x = x.next
        if words is None or not words.text(strip=True) or not any(r.is_element_node for r in rest):
            continue
        parts = [d for r in rest if r.is_element_node for d in (r, *r.css("*"))]
        date = next((d for d in parts if a.get(d, "title") or a.get(d, "datetime") or d.tag == "time"
                     or any("date" in c or "time" in c for c in a.classes(d))), None)
        if date is None or not date.text(strip=True):
            continue
        who = next((d for d in parts if (a.get(d, "itemprop") == "name" or d.tag == "a" and a.get(d, "href"))
                    and d.text(strip=True)), None)
        if who is not None:
            found = words, stripped_text(who), date
            continue
        before = []
        for r in rest:
            for y in (r.traverse(include_text=True) if r.is_element_node else (r,)):
                if y.mem_id == date.mem_id:
                    break
                if y.tag == "-text":
                    before.append(y.text(deep=False) or "")
            else:
                continue
            break
        found = words, bare_name("".join(before), page.languages), date
    return found


def _element_beside(n, step: str):
    """The element next to ``n`` (``step``: "prev"/"next"), over white space only."""
    x = getattr(n, step)
    while x is not None and not x.is_element_node:
        if (x.text(deep=False) or "").strip():
            return None
        x = getattr(x, step)
    return x


def _quotes(content) -> list:
    return [q for q in content.css("blockquote") if "spoiler" not in (q.attributes.get("class") or "").split()]


def _ancestors(n, stop):
    p = n.parent
    while p is not None and (stop is None or p.mem_id != stop.mem_id):
        yield p
        p = p.parent
