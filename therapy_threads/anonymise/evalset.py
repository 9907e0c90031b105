"""Labelled evaluation sets for the anonymiser: parse, render as real sources, score published text.

A set is one UTF-8 file (``eval/anonymise/*.tt``) written by hand, labels inline, so the labels
exist before any code reads the text::

    @set forum_chat                     name of the set
    @lang en                            language of the writers (en, de, ...)
    @site forum.example.org             host of the blog the threads come from
    @post The title of the first thread
    @author Display Name | email | url  the post's author (optional)
    Body text, any number of lines.
    @comment c1 | name=..., email=..., url=..., parent=
    Comment text ...

Inline labels: ``[[Name]]`` a private person or handle (must be removed), ``[[#07700 900 461]]`` a
phone number, e-mail address or link, plain or written out (must be removed), ``{{Dublin}}`` an
ordinary word, place, title or public figure that must survive intact.

A set is rendered two ways and read by the project's own readers (no second parser): as a text
capture per thread (the seeds' layout: numbered comments, bulleted replies, no commenter
identities) and as one WordPress export (WXR) with each commenter's name, e-mail and website.
:func:`score` then compares what a build published with the labels.
"""
from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

LABEL_RE = re.compile(r"\[\[(#?)(.+?)\]\]|\{\{(.+?)\}\}")
PRIVATE, CONTACT, KEEP = "private", "contact", "keep"
# Lower-case particles of a name are not evidence of a leak on their own ("von", "van", "de").
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "la", "le", "zu", "und",
                        "and", "bin", "al", "el", "mc", "st"})
# Words of a written-out address that identify nobody ("name at gmail dot com" leaks "name" only).
_CONTACT_NOISE = frozenset({"at", "dot", "com", "org", "net", "www", "http", "https", "gmail", "yahoo",
                            "hotmail", "outlook", "gmx", "web", "icloud", "proton", "protonmail", "mail",
                            "de", "uk", "co", "ie", "au", "io", "me", "nz", "ca", "wordpress", "blogspot",
                            "tumblr", "instagram", "facebook", "twitter", "substack", "medium", "com.au",
                            "punkt", "tiktok", "reddit", "blog", "dm", "me", "on", "is", "my"})
# Titles and honorifics in a labelled mention are not identifying ("Mrs" of "Mrs Pennington", "Pastor" of "Pastor
# Ofori", "Tita" of "Tita Precious" may stay; the name after them must go): the anonymiser's own title data, one home
# for titles (``titles.forms_of_address``: the policy's titles, academic and kin titles, the regional kin titles and each
# language's titles, local titles and degrees), each word token by token ("dott.ssa": "dott", "ssa"; "Dipl.-Psych.":
# "dipl", "psych"; pieces of one or two letters of a longer title, "ma'am", "w/ro", are left out).
# The few forms that are no title written before a name, so not in that data, and no more private than "Mrs" or "Dr":
# the pieces of degrees written after a name ("MSc", "BSc", the Indonesian "Sp.KJ" as "SpKJ" or its two-letter
# pieces), the Malay royal "Tengku" (a royal's title, not a form of address the anonymiser reads), and the Japanese
# honorific suffixes written after a name ("X-san", "X-chan")
_OWN_HONORIFICS = frozenset({"msc", "bsc", "sp", "kj", "spkj", "tengku", "san", "chan", "kun", "sama"})


def _title_tokens() -> frozenset[str]:
    from .titles import forms_of_address
    out = set()
    for w in forms_of_address():
        toks = _TOKEN_RE.findall(w)
        out.update(toks if len(toks) == 1 else (t for t in toks if len(t) > 2 or t in ("dr", "sr")))
    return frozenset(out)


_TOKEN_RE = re.compile(r"[^\W_]+")
_HONORIFICS = _OWN_HONORIFICS | _title_tokens()


def _title_endings() -> re.Pattern[str]:
    """The gendered ending of an Austrian or German title, a token of its own after the period ("Dr.in", "Mag.a",
    "Prof.in"), for each title of the title data written so (and the faculty of a Swiss licentiate, a token of its
    own after "lic.": "lic. phil.", "lic. psych.")."""
    from .titles import forms_of_address
    pairs = sorted({tuple(w.rsplit(".", 1)) for w in forms_of_address() if re.fullmatch(r"[^\W\d_]+\.[^\W\d_]{1,2}", w)})
    alts = [rf"(?<=\b{re.escape(base)}\.){re.escape(end)}\b" for base, end in pairs]
    # ("DI.in", "Dr.a", "Mag.in": the other ending of the same titles, as writers mix them)
    alts.append(r"(?:(?<=\bdr\.)|(?<=\bdi\.)|(?<=\bmag\.))(?:in|a)\b")
    return re.compile(r"(?i)" + "|".join(alts + [r"(?<=\blic\. )(?:phil|psych)\b"]))


_TITLE_ENDING = _title_endings()
_TOKEN = re.compile(r"[^\W_]+")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class Label:
    start: int
    end: int
    kind: str
    surface: str


@dataclass
class Text:
    text: str
    labels: list[Label]


@dataclass
class EvalComment:
    cid: str
    name: str | None
    email: str | None
    url: str | None
    parent: str | None
    body: Text


@dataclass
class EvalPost:
    title: Text
    author: tuple[str | None, str | None, str | None]
    body: Text
    comments: list[EvalComment] = field(default_factory=list)


@dataclass
class EvalSet:
    name: str
    lang: str
    site: str
    posts: list[EvalPost]
    digest: str  # SHA-256 of the set file

    def labels(self) -> list[Label]:
        out: list[Label] = []
        for p in self.posts:
            out += p.title.labels + p.body.labels
            for c in p.comments:
                out += c.body.labels
        return out

    def counts(self) -> dict[str, int]:
        from collections import Counter

        return dict(Counter(lb.kind for lb in self.labels()))


def parse_text(marked: str) -> Text:
    """Strip the inline labels, keeping each label's offsets in the clean text."""
    out: list[str] = []
    labels: list[Label] = []
    pos = n = 0
    for m in LABEL_RE.finditer(marked):
        out.append(marked[pos:m.start()])
        n += m.start() - pos
        if m.group(3) is not None:
            surface, kind = m.group(3), KEEP
        else:
            surface, kind = m.group(2), CONTACT if m.group(1) else PRIVATE
        out.append(surface)
        labels.append(Label(n, n + len(surface), kind, surface))
        n += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    return Text("".join(out), labels)


def _fields(spec: str) -> dict[str, str]:
    out = {}
    for part in spec.split(","):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def load(path: Path | str) -> EvalSet:
    raw = Path(path).read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    posts: list[EvalPost] = []
    cur: list[str] = []
    target: tuple[str, object] | None = None

    def flush() -> None:
        nonlocal cur
        body = "\n".join(cur).strip("\n")
        cur = []
        if target is None:
            return
        kind, obj = target
        if kind == "post":
            obj.body = parse_text(body)  # type: ignore[attr-defined]
        else:
            obj.body = parse_text(body)  # type: ignore[attr-defined]

    for line in raw.splitlines():
        if line.startswith("#!"):
            continue  # a note to the reader of the set file, not text
        if line.startswith("@set ") or line.startswith("@lang ") or line.startswith("@site "):
            k, v = line[1:].split(" ", 1)
            meta[k] = v.strip()
        elif line.startswith("@post "):
            flush()
            post = EvalPost(parse_text(line[6:].strip()), (None, None, None), Text("", []))
            posts.append(post)
            target = ("post", post)
        elif line.startswith("@author "):
            parts = [p.strip() or None for p in line[8:].split("|")] + [None, None]
            posts[-1].author = (parts[0], parts[1], parts[2])
        elif line.startswith("@comment "):
            flush()
            cid, _, spec = line[9:].partition("|")
            f = _fields(spec)
            c = EvalComment(cid.strip(), f.get("name") or None, f.get("email") or None, f.get("url") or None,
                            f.get("parent") or None, Text("", []))
            posts[-1].comments.append(c)
            target = ("comment", c)
        else:
            cur.append(line)
    flush()
    for k in ("set", "lang", "site"):
        if k not in meta:
            raise ValueError(f"{path}: missing @{k}")
    return EvalSet(meta["set"], meta["lang"], meta["site"], posts, hashlib.sha256(raw.encode()).hexdigest())


# ---- rendering as sources ----------------------------------------------------------------------

def _depths(post: EvalPost) -> list[int]:
    depth: dict[str, int] = {}
    out = []
    for c in post.comments:
        d = depth[c.parent] + 1 if c.parent else 0
        depth[c.cid] = d
        out.append(d)
    return out


def render_capture(post: EvalPost) -> str:
    """One thread as a text capture in the layout of a saved WordPress.com page (the seeds')."""
    lines = [post.title.text, ""]
    lines += [post.body.text, ""]
    lines += [f"{len(post.comments)} thoughts on “{post.title.text}”", ""]
    n = 0
    for c, d in zip(post.comments, _depths(post)):
        ind = "  " + "  " * d
        if d == 0:
            n += 1
            head = f"{ind}{n}. "
        else:
            head = f"{ind}• "
        paras = c.body.text.split("\n")
        lines.append(head + paras[0])
        cont = " " * len(head)
        lines += [(cont + p) if p.strip() else "" for p in paras[1:]]
        lines.append("")
    lines += ["Leave a Reply", ""]
    return "\n".join(lines)


def _cdata(s: str) -> str:
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(text: str) -> str:
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join("<p>" + escape(p).replace("\n", "<br />\n") + "</p>\n" for p in paras)


def render_wxr(es: EvalSet) -> str:
    """The whole set as one WordPress export: commenters' names, e-mails and websites included."""
    items = []
    cid = 100
    for i, p in enumerate(es.posts, 1):
        name, email, url = p.author
        login = f"author{i}"
        comments = []
        ids: dict[str, int] = {}
        for c in p.comments:
            cid += 1
            ids[c.cid] = cid
            parent = ids.get(c.parent, 0) if c.parent else 0
            comments.append(f"""
    <wp:comment>
      <wp:comment_id>{cid}</wp:comment_id>
      <wp:comment_author>{_cdata(c.name or "")}</wp:comment_author>
      <wp:comment_author_email>{escape(c.email or "")}</wp:comment_author_email>
      <wp:comment_author_url>{escape(c.url or "")}</wp:comment_author_url>
      <wp:comment_date>2025-03-{(cid % 27) + 1:02d} 10:{cid % 60:02d}:00</wp:comment_date>
      <wp:comment_date_gmt>2025-03-{(cid % 27) + 1:02d} 10:{cid % 60:02d}:00</wp:comment_date_gmt>
      <wp:comment_content>{_cdata(c.body.text)}</wp:comment_content>
      <wp:comment_approved>1</wp:comment_approved>
      <wp:comment_type></wp:comment_type>
      <wp:comment_parent>{parent}</wp:comment_parent>
    </wp:comment>""")
        items.append(f"""
  <item>
    <title>{escape(p.title.text)}</title>
    <link>https://{es.site}/?p={i}</link>
    <pubDate>Mon, 03 Mar 2025 09:00:00 +0000</pubDate>
    <dc:creator>{_cdata(login)}</dc:creator>
    <content:encoded>{_cdata(_html(p.body.text))}</content:encoded>
    <wp:post_id>{i}</wp:post_id>
    <wp:post_date_gmt>2025-03-03 09:00:00</wp:post_date_gmt>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>{"".join(comments)}
  </item>""")
    authors = "".join(f"""
  <wp:author><wp:author_login>{_cdata(f"author{i}")}</wp:author_login>
    <wp:author_email>{escape(p.author[1] or "")}</wp:author_email>
    <wp:author_display_name>{_cdata(p.author[0] or "")}</wp:author_display_name></wp:author>"""
                      for i, p in enumerate(es.posts, 1))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>{escape(es.name)}</title>
  <link>https://{es.site}</link>
  <language>{es.lang}</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://{es.site}</wp:base_site_url>
  <wp:base_blog_url>https://{es.site}</wp:base_blog_url>{authors}{"".join(items)}
</channel>
</rss>
"""


def write_sources(es: EvalSet, form: str, dest: Path) -> Path:
    """Write the set as sources plus a ``sources.toml`` in ``dest``; ``form`` is capture or wxr."""
    dest.mkdir(parents=True, exist_ok=True)
    entries = []
    if form == "capture":
        for i, p in enumerate(es.posts):
            name = f"{es.name}_{i:02d}.txt"
            (dest / name).write_text(render_capture(p), encoding="utf-8")
            entries.append((f"{es.name}-{i:02d}", name, "text_capture"))
    elif form == "wxr":
        name = f"{es.name}.xml"
        (dest / name).write_text(render_wxr(es), encoding="utf-8")
        entries.append((es.name, name, "wxr"))
    else:
        raise ValueError(f"unknown form {form!r}")
    toml = "".join(f'[[source]]\nid = "{sid}"\nlocation = "{loc}"\nformat = "{fmt}"\nsite = "{es.site}"\n'
                   f'licence = "synthetic evaluation text written for this project"\n\n'
                   for sid, loc, fmt in entries)
    (dest / "sources.toml").write_text(toml, encoding="utf-8")
    return dest


# ---- scoring -------------------------------------------------------------------------------------

@dataclass
class SetScore:
    private_total: int = 0
    private_removed: int = 0
    contact_total: int = 0
    contact_removed: int = 0
    keep_total: int = 0
    keep_intact: int = 0
    leaked: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    unmatched_texts: int = 0
    # over-removal beyond the must-keep labels: words outside every label that were replaced
    other_words: int = 0
    other_removed: int = 0
    overremoved: list[str] = field(default_factory=list)

    def add(self, other: "SetScore") -> None:
        for k in ("private_total", "private_removed", "contact_total", "contact_removed",
                  "keep_total", "keep_intact", "unmatched_texts", "other_words", "other_removed"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.leaked += other.leaked
        self.damaged += other.damaged
        self.overremoved += other.overremoved

    @property
    def recall(self) -> float:
        return self.private_removed / max(1, self.private_total)

    @property
    def contact_recall(self) -> float:
        return self.contact_removed / max(1, self.contact_total)

    @property
    def keep_rate(self) -> float:
        return self.keep_intact / max(1, self.keep_total)

    def as_dict(self) -> dict:
        return {"private_mentions": self.private_total, "private_removed": self.private_removed,
                "recall": round(self.recall, 4),
                "contacts": self.contact_total, "contacts_removed": self.contact_removed,
                "contact_recall": round(self.contact_recall, 4),
                "must_keep": self.keep_total, "kept_intact": self.keep_intact,
                "keep_rate": round(self.keep_rate, 4),
                "other_words": self.other_words, "other_words_removed": self.other_removed}


def _kept_ranges(orig: str, out: str) -> list[tuple[int, int]]:
    sm = difflib.SequenceMatcher(None, orig, out, autojunk=False)
    return [(a, a + n) for a, _, n in sm.get_matching_blocks() if n]


def _survives(ranges: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in ranges)


def score_text(orig: Text, published: str, where: str) -> SetScore:
    """Which labels of ``orig`` survived in ``published`` (the same text after the pipeline)."""
    sc = SetScore()
    ranges = _kept_ranges(orig.text, published)
    inside = [(lb.start, lb.end) for lb in orig.labels]
    for m in _WORD.finditer(orig.text):
        if any(a < m.end() and m.start() < b for a, b in inside):
            continue
        sc.other_words += 1
        if not _survives(ranges, m.start(), m.end()):
            sc.other_removed += 1
            sc.overremoved.append(f"{where}: {m.group(0)}")
    for lb in orig.labels:
        if lb.kind == KEEP:
            sc.keep_total += 1
            if _survives(ranges, lb.start, lb.end):
                sc.keep_intact += 1
            else:
                sc.damaged.append(f"{where}: {lb.surface}")
            continue
        toks = [m for m in _TOKEN.finditer(lb.surface)
                if not (len(m.group(0)) < 2 or m.group(0) in _PARTICLES or m.group(0).casefold() in _HONORIFICS
                        or (lb.kind == PRIVATE and _TITLE_ENDING.match(lb.surface, m.start()))
                        or (lb.kind == CONTACT and m.group(0).casefold() in _CONTACT_NOISE))]
        if not toks:  # a sign-off initial ("C.") is itself the mention
            toks = list(_TOKEN.finditer(lb.surface))
        # a token survives inside a block of unchanged text that is longer than the token itself (a
        # one-letter initial may otherwise "match" a letter of the placeholder that replaced it)
        leak = any(_survives(ranges, lb.start + m.start() - 1, lb.start + m.end())
                   or _survives(ranges, lb.start + m.start(), lb.start + m.end() + 1) for m in toks)
        if lb.kind == PRIVATE:
            sc.private_total += 1
            sc.private_removed += not leak
        else:
            sc.contact_total += 1
            sc.contact_removed += not leak
        if leak:
            sc.leaked.append(f"{where}: {lb.surface}")
    return sc


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def score(es: EvalSet, posts: list[tuple[str, str, list[str]]]) -> SetScore:
    """Score published ``posts`` — (title, body, comment texts in reading order), in the set's
    post order — against the set's labels. Texts are compared after collapsing whitespace, since
    readers normalise line breaks and paragraphs."""
    total = SetScore()
    if len(posts) != len(es.posts):
        raise ValueError(f"{es.name}: {len(posts)} posts published, the set has {len(es.posts)}")
    for i, (p, (title, body, comments)) in enumerate(zip(es.posts, posts)):
        pairs = [(p.title, title, f"post{i} title"), (p.body, body, f"post{i} body")]
        if len(comments) != len(p.comments):
            total.unmatched_texts += abs(len(comments) - len(p.comments))
        pairs += [(c.body, comments[j] if j < len(comments) else "", f"post{i} {c.cid}")
                  for j, c in enumerate(p.comments)]
        for orig, out, where in pairs:
            total.add(score_text(_normed(orig), _norm(out), where))
    return total


def _normed(t: Text) -> Text:
    """``t`` with whitespace collapsed, labels moved accordingly."""
    out: list[str] = []
    mapping: list[int] = []
    prev_space = True
    for ch in t.text:
        if ch.isspace():
            if prev_space:
                mapping.append(len(out))
                continue
            mapping.append(len(out))
            out.append(" ")
            prev_space = True
        else:
            mapping.append(len(out))
            out.append(ch)
            prev_space = False
    mapping.append(len(out))
    text = "".join(out)
    lead = len(text) - len(text.lstrip(" "))
    text2 = text.strip(" ")
    labels = [Label(mapping[lb.start] - lead, mapping[lb.start] - lead + len(_norm(lb.surface)), lb.kind, lb.surface)
              for lb in t.labels]
    return Text(text2, labels)


# ---- measuring through the real reader and anonymise stage ------------------------------------

Published = list[tuple[str, str, list[str]]]


def _match(orig: list[str], out: list[str]) -> list[int | None]:
    """For each original text, the index of the published text it became (greedy, by similarity)."""
    pairs = []
    for i, o in enumerate(orig):
        for j, p in enumerate(out):
            sm = difflib.SequenceMatcher(None, _norm(o), _norm(p), autojunk=False)
            if sm.real_quick_ratio() < 0.3:
                continue
            pairs.append((sm.ratio(), i, j))
    taken_i: set[int] = set()
    taken_j: set[int] = set()
    res: list[int | None] = [None] * len(orig)
    for r, i, j in sorted(pairs, reverse=True):
        if r < 0.3 or i in taken_i or j in taken_j:
            continue
        res[i] = j
        taken_i.add(i)
        taken_j.add(j)
    return res


def align(es: EvalSet, posts: list[tuple[str, str, list[str]]]) -> Published:
    """Put published posts and comments in the set's order (readers may order replies differently)."""
    pidx = _match([p.title.text + "\n" + p.body.text for p in es.posts], [t + "\n" + b for t, b, _ in posts])
    out: Published = []
    for p, j in zip(es.posts, pidx):
        if j is None:
            out.append(("", "", [""] * len(p.comments)))
            continue
        title, body, comments = posts[j]
        cidx = _match([c.body.text for c in p.comments], comments)
        out.append((title, body, [comments[k] if k is not None else "" for k in cidx]))
    return out


def read_published(result) -> Published:
    """(title, body, comment texts) per post of an anonymised ReadResult."""
    by_post: dict[str, list] = {}
    for c in result.comments:
        by_post.setdefault(c.post_id, []).append(c)
    return [(p.title or "", p.body or "", [c.text or "" for c in sorted(by_post.get(p.post_id, []),
                                                                          key=lambda c: c.position)])
            for p in result.posts]


def measure(es: EvalSet, anonymiser, form: str, workdir: Path) -> SetScore:
    """Render ``es`` as ``form`` sources, read and anonymise them with the build's per-source stage
    (:func:`therapy_threads.pipeline.process_source`: reader, include rule, language, row checks,
    anonymiser), and score what would be published."""
    from ..pipeline import load_manifest, local_path, process_source

    src = write_sources(es, form, Path(workdir) / f"{es.name}-{form}")
    base, refs = load_manifest(src)
    posts: Published = []
    for ref in refs:
        result, _summary, _tokens = process_source(ref, local_path(base, ref).read_bytes(), anonymiser)
        posts += read_published(result)
    return score(es, align(es, posts))


def measure_build(es: EvalSet, form: str, workdir: Path, key_file: Path) -> SetScore:
    """The same through the whole ``therapy-threads build`` command (Prefect flow, Parquet tables)."""
    import subprocess
    import sys

    import pyarrow.parquet as pq

    src = write_sources(es, form, Path(workdir) / f"{es.name}-{form}")
    out = Path(workdir) / f"{es.name}-{form}-build"
    cmd = [sys.executable, "-m", "therapy_threads.cli", "build", "--sources", str(src), "--out", str(out),
           "--key-file", str(key_file)]
    subprocess.run(cmd, check=False, capture_output=True, text=True)
    posts_t = pq.read_table(out / "posts.parquet").to_pylist()
    comments_t = pq.read_table(out / "comments.parquet").to_pylist()
    by_post: dict[str, list] = {}
    for c in comments_t:
        by_post.setdefault(c["post_id"], []).append(c)
    posts = [(p.get("title") or "", p.get("body") or "",
              [c.get("text") or "" for c in sorted(by_post.get(p["post_id"], []), key=lambda c: c["position"])])
             for p in posts_t]
    return score(es, align(es, posts))


# a fixed, random-looking 256-bit test key: pseudonyms in measurements are throw-away
EVAL_KEY = hashlib.sha256(b"anonymiser evaluation key, not a real key").digest()
FORMS = ("capture", "wxr")


def data_digest(folder: Path | str) -> str:
    """SHA-256 over every set file in ``folder`` (names and bytes): the floors' eval-data digest."""
    h = hashlib.sha256()
    for p in sorted(Path(folder).glob("*.tt")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()
