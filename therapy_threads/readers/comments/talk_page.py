"""MediaWiki talk pages: a comment is not an element but a run of text ending in a signature.

The rules are those of DiscussionTools' own parser (``includes/CommentParser.php``,
``CommentUtils.php`` in wikimedia/mediawiki-extensions-DiscussionTools):

* a signature is a timestamp as ``~~~~`` writes it (the wiki's date format with the time ``H:i``,
  the year ``Y`` and the zone in parentheses: "12:34, 5 June 2020 (UTC)", "9 octobre 2017 à 17:16
  (CEST)", "15:47، 3 مايو 2019 (ت ع م)") preceded, within the same paragraph and 100 characters,
  by a link to the user's page, talk page or contributions (``findSignature``); a timestamp
  without such a link is not a comment;
* the comment is everything from the end of the previous comment (or heading) up to the
  signature, and runs on to the end of its paragraph (a second signature there is the same
  comment); quotes (``blockquote``, ``cite``, ``q``), references and the table of contents hold
  no signatures;
* its indentation is the number of ``li``/``dd`` it sits in (``getIndentLevel``), the smaller of
  its start's and its signature's; a comment answers the closest less indented comment before
  it under the same heading (``buildThreads``), a skipped level counting as the one before.

Where the page carries DiscussionTools' own markers (the rendering of ``CommentFormatter``:
``span[data-mw-comment-start]#c-...``, ``span[data-mw-comment-sig]``,
``span[data-mw-comment-end]``), they are used as they are: the comment's range is stated, and its
id (``c-AUTHOR-TIME-PARENTAUTHOR-PARENTTIME``, a top-level comment's ending with its heading)
names its parent (``computeId``).

User namespaces and the contributions page are named per wiki language; the names below are those
of the wikis in DiscussionTools' test data (``tests/data/*wiki-config.json`` ``wgNamespaceIds``
for namespaces 2, 3 and -1, ``*-data.json`` ``specialContributionsName``) plus the canonical
English ones MediaWiki accepts everywhere and German, Portuguese, Russian, Japanese and Swedish
from MediaWiki's ``Messages*.php``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

from selectolax.lexbor import LexborNode

from .._dates import When, ascii_digits, when_from_machine, when_from_text, with_shown_local
from ..html_text import BLOCK_TAGS, tidy
from .base import NO_WORDS
from .dom import contains

_USER_NS = frozenset(s.replace("_", " ") for s in (
    "user", "user_talk", "u", "ut",
    # arwiki, ckbwiki, eswiki, frwiki, huwiki, itwiki, nlwiki, plwiki, srwiki (DiscussionTools)
    "مستخدم", "مستخدمة", "نقاش_المستخدم", "نقاش_المستخدمة",
    "بەکارھێنەر", "قسەی_بەکارھێنەر", "لێدوانی_بەکارھێنەر", "ب", "لب",
    "usuaria", "usuaria_discusión", "usuario", "usuario_discusión",
    "discussion_utilisateur", "discussion_utilisatrice", "utilisateur", "utilisatrice",
    "szerkesztő", "szerkesztővita", "user_vita",
    "discussioni_utente", "utente",
    "gebruiker", "overleg_gebruiker",
    "dyskusja_wikipedystki", "dyskusja_wikipedysty", "wikipedysta", "wikipedystka",
    "użytkownik", "użytkowniczka", "dyskusja_użytkownika", "dyskusja_użytkowniczki",
    "korisnik", "razgovor_sa_korisnikom", "корисник", "разговор_са_корисником",
    # MediaWiki core Messages*.php
    "benutzer", "benutzerin", "benutzer_diskussion", "benutzerin_diskussion",
    "usuário", "usuária", "usuário_discussão", "utilizador", "utilizador_discussão",
    "участник", "участница", "обсуждение_участника", "обсуждение_участницы",
    "利用者", "利用者・トーク", "användare", "användardiskussion",
))
_SPECIAL_NS = frozenset({"special", "spécial", "especial", "speciális", "speciale", "speciaal",
                         "specjalna", "posebno", "посебно", "خاص", "تایبەت", "spezial",
                         "служебная", "特別", "special"})
_CONTRIBUTIONS = frozenset(s.lower() for s in (
    "contributions", "مساهمات", "بەشدارییەکان", "contribuciones", "szerkesztő közreműködései",
    "contributi", "bijdragen", "wkład", "доприноси", "doprinosi", "beiträge", "contribuições",
    "вклад", "投稿記録", "bidrag"))

# ~~~~ : the time (H:i) and a four-digit year close together, then the zone in parentheses.
_TIME = r"\d{1,2}:\d{2}"
_YEAR = r"\d{4}"
_TIMESTAMP = re.compile(
    rf"(?:{_TIME}[^\n()]{{0,40}}?(?<!\d){_YEAR}\.?|"
    rf"(?:(?<!\d)\d{{1,2}}\.?\s+[^\s\d()]{{2,15}}\s+)?(?<!\d){_YEAR}\.?[^\n()]{{0,40}}?{_TIME})"
    r"[\s\u200e\u200f]*\([^()\n\d]{1,14}\)")
_SCAN_LIMIT = 100  # CommentParser::SIGNATURE_SCAN_LIMIT
_DT_TIME = r"-\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"
_DT_ID = re.compile(rf"^c-(.+?{_DT_TIME})(?:-(.+?{_DT_TIME}))?")
_DT_ISO = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d{3}Z")
_SKIP_CLASSES = frozenset({
    "ext-discussiontools-init-replylink-buttons", "ext-discussiontools-init-section-bar",
    "ext-discussiontools-init-section-subscribe", "mw-editsection", "toc", "mw-notalk",
    "references", "reference", "mw-cite-backlink", "noprint"})
# Comment separators that are no one's words (CommentUtils::isCommentSeparator): the {{outdent}}
# template's "┌───┘" bar, which a reply moved back to the margin starts with, and {{tracked}}'s box.
_SEPARATOR_CLASSES = frozenset({"outdent-template", "mw-trackedtemplate"})
_QUOTE_TAGS = frozenset({"blockquote", "cite", "q"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "button"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TAIL = re.compile(r"[\s\-–—]+$")

# token kinds
_TEXT, _BLOCK, _HEAD, _A, _A_END, _START, _SIG, _END, _SMALL, _SMALL_END = range(10)


@dataclass(slots=True)
class TalkComment:
    key: str
    text: str
    author: str | None
    date_text: str | None
    level: int  # 1 = at the heading's level (not indented)
    parent_key: str | None = None
    when: When | None = None
    stated_parent: str | None = None  # DiscussionTools' parent name from the id
    name: str | None = None


@dataclass(slots=True)
class _Tok:
    kind: int
    text: str = ""
    indent: int = 0
    quoted: bool = False
    href: str = ""
    classes: frozenset[str] = field(default_factory=frozenset)
    title: str = ""


def looks_like_talk_page(html: str) -> bool:
    """Cheap test on the page text: MediaWiki's parser output or DiscussionTools' markers."""
    return ("data-mw-comment-start" in html or "mw-parser-output" in html
            or 'id="mw-content-text"' in html)


def _roots(root: LexborNode) -> list[LexborNode]:
    outs = root.css("div.mw-parser-output")
    # nested parser outputs (a transcluded page) are walked with their outer one
    tops = [n for n in outs if not any(o is not n and contains(o, n) for o in outs)]
    if tops:
        return tops
    # MediaWiki before 1.30 printed no parser-output wrapper: the content area is the root
    content = root.css_first("#mw-content-text")
    if content is not None:
        return [content]
    body = root.css_first("body")
    return [body] if body is not None else [root]



def _tokens(top: LexborNode) -> list[_Tok]:
    out: list[_Tok] = []
    # (node, phase, indent, quoted)
    stack: list[tuple[LexborNode, int, int, bool]] = [(top, 0, 0, False)]
    while stack:
        n, phase, indent, quoted = stack.pop()
        tag = n.tag
        if phase == 1:
            if tag in BLOCK_TAGS or tag == "li":
                out.append(_Tok(_BLOCK, indent=indent))
            elif tag == "a":
                out.append(_Tok(_A_END))
            elif tag == "small":
                out.append(_Tok(_SMALL_END))
            elif tag == "br":
                pass
            continue
        if tag == "-text":
            t = n.text_content or ""
            if t:
                out.append(_Tok(_TEXT, t, indent, quoted))
            continue
        if not n.is_element_node:
            continue
        if n is not top:
            if tag in _SKIP_TAGS:
                continue
            at = n.attributes
            cls = frozenset((at.get("class") or "").lower().split())
            if cls & _SEPARATOR_CLASSES:
                out.append(_Tok(_BLOCK, indent=indent))
                continue
            if cls & _SKIP_CLASSES or at.get("id") == "toc":
                continue
            if "data-mw-comment-start" in at:
                cid = at.get("id") or ""
                if cid.startswith("c-"):
                    out.append(_Tok(_START, cid, indent))
                continue
            if "data-mw-comment-sig" in at:
                out.append(_Tok(_SIG, at.get("data-mw-comment-sig") or "", indent))
                continue
            if "data-mw-comment-end" in at:
                out.append(_Tok(_END, at.get("data-mw-comment-end") or "", indent))
                continue
            if tag in _HEADINGS:
                out.append(_Tok(_BLOCK, indent=indent))
                out.append(_Tok(_HEAD, _heading_text(n)))
                continue
            if tag == "br":
                out.append(_Tok(_BLOCK, indent=indent))
                continue
            if tag == "a":
                out.append(_Tok(_A, indent=indent, href=at.get("href") or "", classes=cls,
                                title=at.get("title") or ""))
            elif tag == "small":
                out.append(_Tok(_SMALL, indent=indent))
            elif tag in BLOCK_TAGS or tag == "li":
                out.append(_Tok(_BLOCK, indent=indent))
        if tag in ("li", "dd"):
            indent += 1
        if tag in _QUOTE_TAGS:
            quoted = True
        stack.append((n, 1, indent, quoted))
        c = n.last_child
        while c is not None:
            stack.append((c, 0, indent, quoted))
            c = c.prev
    return out


def _heading_text(h: LexborNode) -> str:
    return " ".join((h.text(separator=" ") or "").split())


def _user_of_link(tok: _Tok) -> str | None:
    """The user a link names: User:NAME, User talk:NAME, Special:Contributions/NAME."""
    if "mw-selflink" in tok.classes or "ext-discussiontools-init-timestamplink" in tok.classes:
        return None
    href = tok.href
    if not href:
        return None
    parts = urlsplit(href)
    title = ""
    if "title=" in parts.query:
        title = (parse_qs(parts.query).get("title") or [""])[0]
    elif "/wiki/" in parts.path:
        title = unquote(parts.path.split("/wiki/", 1)[1])
    elif parts.path.startswith("./") and not parts.netloc:
        # Parsoid's HTML (the REST API's page HTML, the apps) links relative to the wiki's base:
        # ``<a rel="mw:WikiLink" href="./User:NAME">``.
        title = unquote(parts.path[2:])
    if not title or ":" not in title:
        return None
    ns, _, rest = title.replace("_", " ").partition(":")
    ns = ns.strip().lower()
    rest = rest.strip()
    if ns in _USER_NS:
        return rest if rest and "/" not in rest else None
    if ns in _SPECIAL_NS:
        page, _, user = rest.partition("/")
        if page.lower() in _CONTRIBUTIONS and user and "/" not in user:
            return user
    return None


def _levels_to_parents(items: list[TalkComment | str]) -> None:
    """DiscussionTools' buildThreads: a heading (str) starts a thread; a comment answers the
    closest less indented comment before it; a skipped level counts as the one before."""
    replies: list[TalkComment | None] = [None]
    for it in items:
        if isinstance(it, str):
            replies = [None]
            continue
        while len(replies) < it.level:
            replies.append(replies[-1])
        parent = replies[it.level - 1] if it.level - 1 < len(replies) else None
        it.parent_key = parent.key if parent is not None else None
        del replies[it.level:]
        replies.append(it)


def _clean(parts: list[str]) -> str:
    text = tidy(re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(parts)))
    return _TAIL.sub("", text)


def _join(toks: list[_Tok]) -> list[str]:
    out: list[str] = []
    for t in toks:
        if t.kind == _TEXT:
            out.append(re.sub(r"\s+", " ", t.text))
        elif t.kind == _BLOCK:
            out.append("\n")
    return out


@lru_cache(maxsize=1)
def _zone_offsets() -> dict[str, int]:
    """Zone abbreviations -> seconds east of UTC, from dateparser's zone list (maintained with
    the library), keeping only abbreviations it gives one offset (not "LMT")."""
    from dateparser.timezones import timezone_info_list

    seen: dict[str, set[int]] = {}
    for group in timezone_info_list:
        for abbr, offset in group["timezones"]:
            seen.setdefault(abbr.upper(), set()).add(int(offset))
    return {a: next(iter(o)) for a, o in seen.items() if len(o) == 1}


_TIME_PART = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?!\d)")
_ZONE_PART = re.compile(r"\(([^()]*)\)\s*$")
# Left-to-right and right-to-left marks a wiki's date format or a bidirectional signature puts
# between the time and the zone ("16:32\u200e (CET)"); DiscussionTools' timestamp regex allows them.
_BIDI_MARKS = re.compile(r"[\u200e\u200f]")


def _shown_when(date_text: str | None, languages: tuple[str, ...]) -> When | None:
    """A ~~~~ timestamp as shown: the date read without the time, then the time put back; the
    instant in UTC where the zone is UTC (the default of every wiki without a local zone)."""
    if not date_text:
        return None
    date_text = ascii_digits(_BIDI_MARKS.sub("", date_text))
    tm = _TIME_PART.search(date_text)
    zone = _ZONE_PART.search(date_text)
    rest = date_text
    if zone:
        rest = rest[:zone.start()]
    if tm:
        rest = rest[:tm.start()] + " " + rest[tm.end():]
    rest = re.sub(r"^[\s,،.]+|[\s,،à]+$", "", " ".join(rest.split()))
    day = when_from_text(rest, languages) or when_from_text(date_text, languages)
    if not day or not day.local or not tm:
        return day
    local = f"{day.local[:10]}T{int(tm.group(1)):02d}:{tm.group(2)}"
    z = "".join((zone.group(1) if zone else "").split()).upper()
    if z in ("UTC", "GMT", "تعم"):
        return When(utc=f"{local}:00Z", local=f"{local}Z")
    # A wiki with a local zone signs with its abbreviation ("17:16, 9 octobre 2017 (CEST)"), which
    # states the offset, daylight saving included: DiscussionTools reads it against the wiki's
    # zone (``timezoneAbbrs``) to the same instant.
    offset = _zone_offsets().get(z)
    if offset is None:
        return When(utc=None, local=local)
    dt = datetime.fromisoformat(local).replace(tzinfo=timezone(timedelta(seconds=offset)))
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return When(utc=dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                local=f"{local}{sign}{hours:02d}:{minutes:02d}")


def _when(date_text: str | None, iso: str | None, languages: tuple[str, ...]) -> When | None:
    shown = _shown_when(date_text, languages)
    if iso:
        machine = when_from_machine(iso + "Z")
        if machine:
            if shown and shown.utc and shown.local and shown.utc[:16] == (machine.utc or "")[:16]:
                # The signature's zone gave the same instant as DiscussionTools' id: keep the
                # local time as signed ("00:36, 17 nov 2020 (CET)" is the 17th, 23:36 UTC the 16th).
                return When(machine.utc, shown.local)
            return with_shown_local(machine, shown)
    return shown


def _join_unsigned(body: list[_Tok]) -> list[str]:
    """A marked comment's words without the signatures inside it. A comment signed twice (a
    user's "~~~~" typed before a template's own signature, a signature followed by "forgot to
    log in:" and the real one) is one comment to DiscussionTools (a second signature in the same
    paragraph extends it), and its marker stands at the last signature only: the earlier ones,
    found by the parser's own rule (a timestamp with a link to the user's page within 100
    characters before it, ``findSignature``), are no one's words either."""
    cut: dict[int, int] = {}  # token index -> characters of its text to drop from its start
    dropped: set[int] = set()
    for i, t in enumerate(body):
        if t.kind != _TEXT:
            continue
        m = _last_timestamp(t.text)
        if m is None:
            continue
        sig = _signature_before(body, i, 0)
        if sig is None:
            continue
        end = m.end()
        # "(CEST)(CEST)": a zone repeated by a signature pasted twice belongs to it too
        zone = _ZONE_PART.search(m.group(0))
        while zone and t.text.startswith(zone.group(0), end):
            end += len(zone.group(0))
        dropped.update(range(sig[0], i))
        cut[i] = end
    out: list[str] = []
    for i, t in enumerate(body):
        if i in dropped:
            continue
        if t.kind == _TEXT:
            text = t.text[cut[i]:] if i in cut else t.text
            out.append(re.sub(r"\s+", " ", text))
        elif t.kind == _BLOCK:
            out.append("\n")
    return out


# --------------------------------------------------------------------------- with markers

def _from_markers(toks: list[_Tok], languages: tuple[str, ...]) -> list[TalkComment | str]:
    items: list[TalkComment | str] = []
    cur: dict | None = None

    def finish(end_indent: int) -> None:
        nonlocal cur
        if cur is None:
            return
        if cur["sig_indent"] is None:
            cur["sig_indent"] = end_indent
        m = _DT_ID.match(cur["id"])
        name = m.group(1) if m else None
        iso = _DT_ISO.search(name).group(1) if name and _DT_ISO.search(name) else None
        date_text = " ".join(cur["date"].split()) if cur["date"] else None
        # a bare signature (a vote signed with "~~~~" alone) is a comment with no words: it
        # still counts and is still answered
        text = _clean(_join_unsigned(cur["body"]))
        if not text and (cur["author"] or cur["date"]):
            text = NO_WORDS
        items.append(TalkComment(
            key=cur["id"], text=text,
            author=" ".join(cur["author"].split()) if cur["author"] else None,
            date_text=date_text, level=min(cur["indent"], cur["sig_indent"]) + 1,
            when=_when(date_text, iso, languages), name=name,
            stated_parent=m.group(2) if m else None))
        cur = None

    link: dict | None = None
    # The signature marker stands before the start marker when a comment has no words of its
    # own (a bare "~~~~" under a vote): CommentFormatter puts the start inside the user link,
    # after the signature's start. Such a comment starts in its signature.
    sig_seen: dict[str, int] = {}
    open_link: dict | None = None
    for t in toks:
        k = t.kind
        if k == _A:
            open_link = {"tok": t, "text": []}
        elif k == _A_END:
            open_link = None
        elif k == _TEXT and open_link is not None:
            open_link["text"].append(t.text)
        if k == _SIG and (cur is None or t.text != cur["id"]):
            sig_seen[t.text] = t.indent
        if k == _HEAD:
            finish(t.indent)
            items.append(t.text)
        elif k == _START:
            finish(t.indent)
            cur = {"id": t.text, "body": [], "indent": t.indent, "sig_indent": None,
                   "author": None, "date": None, "smalls": []}
            if t.text in sig_seen:
                cur["sig_indent"] = sig_seen[t.text]
                if open_link is not None:
                    link = {"tok": open_link["tok"], "text": list(open_link["text"])}
        elif cur is None:
            continue
        elif k == _SIG and t.text == cur["id"]:
            cur["sig_indent"] = t.indent
            if cur["smalls"]:
                # the signature sits in a <small> opened after the words (an unsigned-comment
                # template's "The preceding comment was added by"): that line is signature too
                del cur["body"][cur["smalls"][0]:]
        elif k == _END and t.text == cur["id"]:
            finish(t.indent)
        elif cur["sig_indent"] is None:
            if k in (_TEXT, _A, _A_END):
                cur["body"].append(t)
            elif k == _BLOCK:
                cur["body"].append(t)
                cur["smalls"].clear()
            elif k == _SMALL:
                cur["smalls"].append(len(cur["body"]))
            elif k == _SMALL_END and cur["smalls"]:
                cur["smalls"].pop()
        else:  # inside the signature
            if k == _A:
                link = {"tok": t, "text": []}
            elif k == _TEXT and link is not None:
                link["text"].append(t.text)
            elif k == _A_END and link is not None:
                lt = "".join(link["text"]).strip()
                tok = link["tok"]
                is_time = ("ext-discussiontools-init-timestamplink" in tok.classes
                           or "diff=" in tok.href)
                if is_time and cur["date"] is None:
                    cur["date"] = lt
                elif not is_time and cur["author"] is None and lt:
                    cur["author"] = lt
                link = None
    finish(0)
    # parents as the ids state them, else by indentation
    _levels_to_parents(items)
    _stated_parents(items)
    return items


def _stated_parents(items: list[TalkComment | str]) -> None:
    """The parent an id names. The id states the parent's *name* (author and minute,
    ``computeId``), which several comments share when one user signs twice in a minute (a
    double signature, a relisting notice and its "please add new comments" line); DiscussionTools
    itself connected the reply by indentation (``buildThreads``) and only then wrote the name.
    So among the comments bearing that name the one indentation gives wins; else the closest one
    before that is less indented, under the same heading (replies never cross a heading); else
    the closest one at all."""
    by_name: dict[str, list[TalkComment]] = {}
    section: set[str] = set()
    by_key: dict[str, TalkComment] = {}
    for it in items:
        if isinstance(it, str):
            section = set()
            continue
        by_key[it.key] = it
        if it.stated_parent and it.stated_parent in by_name:
            cands = by_name[it.stated_parent]
            here = [c for c in cands if c.key in section]
            indented = by_key.get(it.parent_key) if it.parent_key else None
            if indented is not None and indented in here:
                pass
            elif (up := next((c for c in reversed(here) if c.level < it.level), None)) is not None:
                it.parent_key = up.key
            else:
                it.parent_key = (here or cands)[-1].key
        elif it.name and it.stated_parent is None and _DT_ID.match(it.key):
            it.parent_key = None
        if it.name:
            by_name.setdefault(it.name, []).append(it)
        section.add(it.key)


# --------------------------------------------------------------------------- from signatures

def _from_signatures(toks: list[_Tok], languages: tuple[str, ...]) -> list[TalkComment | str]:
    items: list[TalkComment | str] = []
    start = 0  # first token of the current comment
    i = 0
    n = len(toks)
    count = 0
    while i < n:
        t = toks[i]
        if t.kind == _HEAD:
            items.append(t.text)
            start = i + 1
            i += 1
            continue
        if t.kind != _TEXT or t.quoted:
            i += 1
            continue
        m = _last_timestamp(t.text)
        if m is None:
            i += 1
            continue
        sig = _signature_before(toks, i, start)
        if sig is None:
            i += 1
            continue
        sig_at, user, display = sig
        count += 1
        body = toks[start:sig_at]
        first_text = next((x for x in body if x.kind == _TEXT and x.text.strip()), None)
        start_indent = first_text.indent if first_text is not None else t.indent
        date_text = " ".join(m.group(0).split())
        # the comment runs on to the end of its paragraph (a later signature there is its own)
        j = i + 1
        while j < n and toks[j].kind not in (_BLOCK, _HEAD):
            j += 1
        items.append(TalkComment(
            key=f"talk-{count}", text=_clean(_join(body)), author=display or user,
            date_text=date_text, level=min(start_indent, t.indent) + 1,
            when=_shown_when(date_text, languages)))
        start = j
        i = j
    _levels_to_parents(items)
    return items


def _last_timestamp(text: str) -> re.Match[str] | None:
    last = None
    for m in _TIMESTAMP.finditer(text):
        last = m
    return last


def _signature_before(toks: list[_Tok], i: int, start: int) -> tuple[int, str, str] | None:
    """The earliest link to the signing user before the timestamp token ``i``, within its
    paragraph and 100 characters of text (findSignature); (token index, user, link text)."""
    user = None
    at = None
    display = ""
    length = 0
    j = i - 1
    link_text: list[str] = []
    while j >= start and length < _SCAN_LIMIT:
        t = toks[j]
        if t.kind in (_BLOCK, _HEAD):
            break
        if t.kind == _TEXT:
            length += len(t.text.strip())
            link_text.append(t.text)
        elif t.kind == _A_END:
            link_text = []
        elif t.kind == _A:
            u = _user_of_link(t)
            if u is not None and (user is None or u == user):
                user = u
                at = j
                display = " ".join("".join(reversed(link_text)).split())
            link_text = []
        j -= 1
    if user is None or at is None:
        return None
    return at, user, display


def extract_talk_comments(root: LexborNode, languages: tuple[str, ...] = ()) -> list[TalkComment]:
    """The talk page's comments in page order, each with its parent's key (None = top)."""
    out: list[TalkComment] = []
    for top in _roots(root):
        toks = _tokens(top)
        if any(t.kind == _START for t in toks):
            items = _from_markers(toks, languages)
        else:
            items = _from_signatures(toks, languages)
        out.extend(it for it in items if isinstance(it, TalkComment))
    return out


def extract_talk_thread(root: LexborNode, languages: tuple[str, ...] = ()):
    """The comments as the engine's ``Thread`` (system "mediawiki")."""
    from .engine import RawComment, Thread

    thread = Thread()
    for c in extract_talk_comments(root, languages):
        thread.comments.append(RawComment(
            key=c.key, parent_key=c.parent_key, text=c.text, author=c.author, author_url=None,
            when=c.when, like_count=None, is_post_author=None, location="talk page",
            system="mediawiki"))
        thread.systems["mediawiki"] += 1
    return thread


def remove_talk_thread(root: LexborNode) -> None:
    """Take the discussion out of the page so the post body cannot hold it: everything from the
    first section heading on (the banners and notices above it stay as the page's own text);
    without a heading, the whole content area."""
    for top in _roots(root):
        first = None
        for h in top.css("h1, h2, h3, h4, h5, h6"):
            if h.css_first("[data-mw-comment-start], .mw-headline") is not None or h.text(strip=True):
                if not any((a.attributes.get("id") or "") == "toc" for a in _up_to(h, top)):
                    first = h
                    break
        if first is None:
            doomed = list(_children(top))
        else:
            child = first
            while child.parent is not None and child.parent.mem_id != top.mem_id:
                child = child.parent
            doomed = []
            n = child
            while n is not None:
                doomed.append(n)
                n = n.next
        for n in doomed:
            n.decompose()


def _up_to(n: LexborNode, top: LexborNode) -> list[LexborNode]:
    out = []
    p = n.parent
    while p is not None and p.mem_id != top.mem_id:
        out.append(p)
        p = p.parent
    return out


def _children(n: LexborNode) -> list[LexborNode]:
    out = []
    c = n.child
    while c is not None:
        out.append(c)
        c = c.next
    return out
