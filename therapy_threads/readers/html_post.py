"""A web page's post: body and metadata through trafilatura, with our own checks around it.

trafilatura is the maintained extractor for exactly this job (0.96 F1 on the public
article-extraction benchmark with these settings: no comments, precision first). Around it:

* the comment thread is read by ``comments/`` and removed from the page *before* trafilatura
  sees it, so no comment leaks into the body whatever the theme calls its comment section;
* the title is ours when the theme marks it (``h1.entry-title``, ``[itemprop=headline]``...):
  on trafilatura's own 851-page metadata set that is right more often than its title (see
  ``bench/README.md``); otherwise trafilatura's;
* dates are never invented: the post's date comes from markup that states it (Open Graph /
  ``article:published_time``, JSON-LD ``datePublished``, ``time.published``...), else from
  htmldate *without* its extensive search, which guesses dates from text, URLs and copyright
  lines and gives a date for most pages that have none;
* page furniture inside the post's container (share buttons, related posts, newsletter boxes,
  author boxes) is recorded with its kind, as before, for auditing what was left out.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from datetime import date

from selectolax.lexbor import LexborNode

from ._dates import When, _month_names, find_date_in_text, find_date_span, when_from_machine, when_from_text
from . import json_ld
from .comments.dom import Attrs
from .html_text import node_text, unwrap_wayback

# Above this, trafilatura's lxml tree would cost several times the page again: use our own
# container-based body (linear, lexbor) and say so.
MAX_TRAFILATURA_CHARS = 8_000_000

_TITLE_SELECTORS = ("h1.entry-title", "h1.post-title", "h1[itemprop='headline']",
                    "h1.article-title", "h1.p-name", "h1.node__title", ".entry-title",
                    ".post-title", "[itemprop='headline']", "article h1", ".post h1",
                    ".hentry h2", ".post h2")
# trafilatura's list and table handling recurses once per nesting level.
MAX_TRAFILATURA_DEPTH = 150
_BYLINE_SELECTORS = (".byline .author .fn", ".byline .fn", ".entry-meta .author .fn",
                     ".author.vcard .fn", ".byline a[rel='author']", "a[rel='author']",
                     ".byline .author a", ".post-author .fn", ".entry-author-name",
                     "[itemprop='author'] [itemprop='name']", ".post-author-name",
                     ".author-name", "span.post-author", ".g-profile")
_DATE_META = ("article:published_time", "og:published_time", "datePublished",
              "dc.date.issued", "DC.date.issued", "DC.Date", "DC.date", "dc.date",
              "dcterms.created", "date", "pubdate", "sailthru.date", "parsely-pub-date",
              "publish-date", "publication_date")
_DATE_SELECTORS = ("time.entry-date.published[datetime]", "time.published[datetime]",
                   "[itemprop='datePublished'][datetime]", "[itemprop='datePublished'][content]",
                   "time[pubdate][datetime]", "abbr.published[title]", "time.entry-date[datetime]",
                   "header time[datetime]", "article time[datetime]", "time.dt-published[datetime]")
_BODY_SELECTORS = (".entry-content", ".post-content", ".article-content", ".post-body",
                   "[itemprop='articleBody']", ".post-entry", ".entry", ".single-content",
                   ".field--name-body", ".field-name-body", "article", "main")
# Page furniture inside the post's container, recorded with its kind (class tokens lower-cased).
_FURNITURE = {
    "sharedaddy": "share", "sd-sharing-enabled": "share", "share": "share", "sharing": "share",
    "social-share": "share", "share-buttons": "share", "hupso-share-buttons": "share",
    "addtoany_share_save_container": "share", "jp-relatedposts": "related",
    "related-posts": "related", "yarpp-related": "related", "wpcnt": "ads", "adsbygoogle": "ads",
    "post-navigation": "navigation", "navigation": "navigation", "nav-links": "navigation",
    "author-info": "author_bio", "author-bio": "author_bio", "entry-footer": "meta",
    "entry-meta": "meta", "post-meta": "meta", "wp-block-buttons": "buttons",
    "screen-reader-text": "screen_reader", "newsletter": "newsletter", "subscribe": "newsletter",
    "singleinfo": "meta", "postmetadata": "meta", "erssaveprint": "buttons",
}
_FURNITURE_IDS = {"jp-post-flair": "share"}


@dataclass(slots=True)
class PostFields:
    title: str = ""
    body: str = ""
    author: str | None = None
    author_url: str | None = None
    when: When | None = None
    site: str | None = None
    url: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    furniture: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def _meta(root: LexborNode, attrs: Attrs, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            n = root.css_first(f"meta[{attr}='{name}']")
            if n is not None and attrs.get(n, "content"):
                return attrs.get(n, "content")
    return None


def _json_ld(root: LexborNode) -> list[dict]:
    """The page's own JSON-LD articles and postings, in document order."""
    return [d for d in json_ld.objects(root, nested=False)
            if any("Article" in t or "Posting" in t for t in json_ld.types(d))][:50]


def _outside(n: LexborNode, skip_ids: set[int]) -> bool:
    p = n
    while p is not None and p.is_element_node:
        if p.mem_id in skip_ids:
            return False
        p = p.parent
    return True


def our_title(root: LexborNode) -> str:
    for sel in _TITLE_SELECTORS:
        n = root.css_first(sel)
        if n is not None:
            t = " ".join(n.text(separator=" ", strip=True).split())
            if t:
                return t
    return ""


def our_author(root: LexborNode, attrs: Attrs) -> tuple[str | None, str | None]:
    """The theme's byline (a visible element), else a JSON-LD author that is not an
    organisation."""
    name, url = byline_author(root, attrs)
    return (name, url) if name else (json_ld_author(root), None)


def byline_author(root: LexborNode, attrs: Attrs) -> tuple[str | None, str | None]:
    """The author's name as the theme shows it (``.byline .fn``, ``a[rel=author]``...)."""
    for sel in _BYLINE_SELECTORS:
        n = root.css_first(sel)
        if n is not None:
            t = " ".join(n.text(separator=" ", strip=True).split())
            t = re.sub(r"^(by|von|par|por|di|door|av)\s+", "", t, flags=re.I).strip()
            if t and len(t) <= 80:
                a = n if n.tag == "a" else n.css_first("a[href]")
                return t, (attrs.get(a, "href") or None) if a is not None else None
    return None, None


# A byline written as a line of its own: "Von Ada Example", "By Ada Example", "Text von Ada
# Example  Illustration von ...", "Autor: Ada Example/dpa", "Redaktion: Ada Example (Sprecherin)".
_NAME_WORD = r"[^\W\d_][\w.'’-]*"
_PARTICLE = r"(?:von|van|de|der|den|del|della|di|da|du|la|le|zu|y|ten|bin|al)"
_LABELLED_BYLINE = re.compile(
    r"^\W{0,3}(?:(?:text|story|words|article|artikel|beitrag|interview)\s+)?"
    r"(?:(?:written\s+)?by|von|par|por|di|door|av|"
    r"(?:autor(?:in)?|author|auteur|autore|redaktion|verfasser(?:in)?)\s*:)\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,3}})"
    r"\s*(?:$|[/|,(]|\s(?:illustrations?|fotos?|photos?|bilder?|grafiken?|und|and|et|y|&)\b)", re.I)
_BYLINE_LINE_TAGS = "p, em, i, span, strong, b, small, address, h4, h5, h6, div, li, dd"


def _day_or_month(word: str) -> bool:
    from .comments.cleanup import _weekdays  # the weekday names of dateparser's locales
    w = word.lower().strip(".,")
    return w in _weekdays(_BYLINE_LANGUAGES) or w in _month_names(_BYLINE_LANGUAGES)[0]


_BYLINE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")


def labelled_byline(root: LexborNode, attrs: Attrs) -> str | None:
    """The first short line of the post that is a byline label and a name ("Von Ada Example"),
    outside comments, teasers, sidebars and the page's footer. Only the first such line counts
    (a forum's later "von NAME" lines are other posts'); a line naming several authors is left
    to the other readings, which keep the list."""
    chain = _post_chain(root)
    for n in root.css(_BYLINE_LINE_TAGS):
        t = " ".join(n.text(separator=" ", strip=True).split())
        if not t or len(t) > 70:
            continue
        m = _LABELLED_BYLINE.match(t)
        if m is None or _inside(n, attrs, _NOT_THE_POST, chain):
            continue
        rest = t[m.end("name"):]
        more = re.match(r"\s*(?:,|&|\+|\b(?:and|und|et|y|e|en)\b)\s*([^\W\d_][\w.'’-]*)", rest, re.I)
        if more and more.group(1)[:1].isupper() and not _day_or_month(more.group(1)):
            return None  # "Ada Example und Bo Example": a list of authors
        # "By Ada Example Thursday, May 5": the date line goes on after the name.
        parts = m.group("name").split()
        while len(parts) > 1 and re.search(r"\d", rest) and _day_or_month(parts[-1]):
            parts.pop()
        half = len(parts) // 2
        if len(parts) % 2 == 0 and parts[:half] == parts[half:]:
            parts = parts[:half]  # the name and its copy for screen readers
        name = " ".join(parts).strip(" .,")
        words = [w for w in name.split() if not re.fullmatch(_PARTICLE, w, re.I)]
        return name if " " in name and all(w[:1].isupper() for w in words) else None
    return None


def json_ld_author(root: LexborNode) -> str | None:
    for d in _json_ld(root):
        a = d.get("author")
        a = a[0] if isinstance(a, list) and a else a
        if isinstance(a, dict) and _ORGANISATION_TYPES.search(str(a.get("@type") or "")):
            continue
        name = a.get("name") if isinstance(a, dict) else a if isinstance(a, str) else None
        if isinstance(name, str) and name.strip() and not name.startswith("http"):
            return " ".join(name.split())
    return None


# Words that label a byline rather than name anyone ("Posted by", "Zeige alle Beiträge von").
_BYLINE_LABEL = re.compile(
    r"^(?:(?:posted|written|published|text|story|words|photos?)\s+by|by|von|par|por|di|door|av|"
    r"autor(?:in)?|author|auteur|autore|artikel\s+von|beitrag\s+von|geschrieben\s+von|"
    r"(?:zeige\s+)?alle\s+beiträge\s+von|zum\s+profil\s+von|interview|posté\s+par|"
    r"publicado\s+por|escrito\s+por)\s*[:|–—-]?\s+", re.I)
# Accounts and roles that stand where a theme prints its author: nobody's name.
_PLACEHOLDER_AUTHORS = frozenset({
    "admin", "administrator", "administrador", "publisher", "webmaster", "editor", "user",
    "super user", "wordpressadmin", "unknown", "anonymous", "anonym", "anónimo", "guest",
    "root"})
# An editorial desk is a byline of its own ("Redaktion"); beside the site's name it names the site.
_DESK_WORDS = frozenset({"redaktion", "redazione", "rédaction", "redacción", "redação", "editorial",
                         "staff", "team", "newsroom", "desk", "online"})
_ORGANISATION_TYPES = re.compile(r"Organi[sz]ation|Corporation|NewsMedia|WebSite|Brand", re.I)


def _squash_name(s: str) -> str:
    return re.sub(r"[\W\d_]+", "", s).casefold()


def _person_names(root: LexborNode, attrs: Attrs) -> list[str]:
    """Names the markup gives for the post's author as a person: JSON-LD authors not typed as an
    organisation, and the author meta tags."""
    out: list[str] = []
    for d in _json_ld(root):
        a = d.get("author")
        for x in (a if isinstance(a, list) else [a]):
            t = x.get("@type") if isinstance(x, dict) else None
            if isinstance(t, list):
                t = " ".join(str(y) for y in t)
            name = x.get("name") if isinstance(x, dict) else x
            if isinstance(name, str) and name.strip() and not _ORGANISATION_TYPES.search(str(t or "")):
                out.append(" ".join(name.split()))
    m = _meta(root, attrs, "author", "article:author", "dc.creator")
    if m:
        out.append(" ".join(m.split()))
    return [html_lib.unescape(n) for n in out if not n.startswith(("http", "@")) and len(n) <= 80]


def _organisations(root: LexborNode, attrs: Attrs, site: str | None) -> set[str]:
    """The site's and publisher's names (squashed): a byline that only names them names nobody."""
    names = {site or "", _meta(root, attrs, "og:site_name", "application-name", "publisher") or ""}
    for d in _json_ld(root):
        for k in ("publisher", "author", "sourceOrganization"):
            for x in (d.get(k) if isinstance(d.get(k), list) else [d.get(k)]):
                if isinstance(x, dict) and (k == "publisher" or _ORGANISATION_TYPES.search(
                        str(x.get("@type") or ""))) and isinstance(x.get("name"), str):
                    names.add(x["name"])
    return {_squash_name(n) for n in names if n and _squash_name(n)}


def clean_author(name: str | None) -> str | None:
    """A byline's name without its label, trailing punctuation, handle or decoration; None when
    what is left is no name (a placeholder account, a link text with an arrow)."""
    if not name:
        return None
    t = " ".join(name.split())
    for _ in range(2):
        t = _BYLINE_LABEL.sub("", t).strip()
    t = re.sub(r"\s+@\w+$", "", t).strip(" ,;:|–—-·•")
    if not t or len(t) > 80 or re.search(r"[→←»«›‹|]|https?:", t) or t.casefold() in _PLACEHOLDER_AUTHORS:
        return None
    return t


def choose_author(root: LexborNode, attrs: Attrs, extracted: str | None, site: str | None,
                  page_url: str | None = None) -> tuple[str | None, str | None]:
    """The post's author: the theme's byline, else trafilatura's, else the author meta tags.
    A byline that is the markup's person name plus more (a role: "Name Redakteur für ...") or the
    same letters split by markup ("Knigh t", a slug "first.last") is that name. The site's or
    publisher's own name, an organisation typed as such and a placeholder account are no author."""
    byline, url = byline_author(root, attrs)
    # One word that is the site's domain ("Automobilwoche" on automobilwoche.de) is its brand.
    host = re.sub(r"^[a-z]+://", "", (page_url or "").lower()).split("/", 1)[0].split(":", 1)[0]
    hosts = {_squash_name(x) for x in host.split(".")[:-1] if x not in ("www", "m", "blog")}
    persons = _person_names(root, attrs)
    orgs = _organisations(root, attrs, site)
    for cand in (byline, json_ld_author(root), labelled_byline(root, attrs), extracted, *persons):
        name = clean_author(cand)
        if not name:
            continue
        # "mix1.de Redaktion": the site's name and its desk. A byline the theme shows with the
        # site's name is the page's own statement (a club's or publisher's news); the same name
        # only in metadata is the site filling its author field.
        rest = _squash_name(" ".join(w for w in name.split() if w.casefold() not in _DESK_WORDS))
        if cand is not byline and rest and (rest in orgs or " " not in name and rest in hosts):
            continue
        same = [p for p in persons if _squash_name(p) == _squash_name(name)]
        if same:  # the best-written form: words, capitals, no letter split off by markup
            name = max([name, *same], key=lambda x: (" " in x, x[:1].isupper(),
                                                     -sum(len(w) == 1 for w in x.split())))
        else:
            # "Name Role for Economy" -> "Name"; never "Name and Other Name" -> "Name".
            name = next((p for p in persons if " " in p and name.startswith(p + " ")
                         and not _MORE_AUTHORS.match(name[len(p):])
                         and _squash_name(p) not in orgs), name)
        return name, url if cand is byline else None
    return None, None


_MORE_AUTHORS = re.compile(r"\s*(?:,|&|\+|/|;|\b(?:and|und|et|y|e|en|og|och|i)\b)", re.I)


def stated_date(root: LexborNode, attrs: Attrs, languages: tuple[str, ...]) -> When | None:
    """The post's date where the markup states it; None rather than a guess."""
    chain = _post_chain(root)
    v = next((attrs.get(n, "content") for name in _DATE_META for a in ("property", "name", "itemprop")
              for n in root.css(f"meta[{a}='{name}']")
              if attrs.get(n, "content") and not _inside(n, attrs, _NOT_THE_POST, chain)), None)
    w = when_from_machine(v) or when_from_text(v, languages) if v else None
    if w:
        return w
    for d in _json_ld(root):
        v = d.get("datePublished") or d.get("dateCreated")
        if isinstance(v, str):
            w = when_from_machine(v)
            if w:
                return w
    for sel in _DATE_SELECTORS:
        for n in root.css(sel):
            # A review's or comment's own datePublished is not the post's.
            if _inside(n, attrs, _NOT_THE_POST, chain):
                continue
            for attr in ("datetime", "content", "title"):
                w = when_from_machine(attrs.get(n, attr))
                if w:
                    return w
            break
    return None


# Containers whose dates belong to something else than the post: a comment or review, a teaser
# or list of other posts, a sidebar widget, the site's footer.
_NOT_THE_POST = re.compile(
    r"comment|review|teaser|sidebar|related|breadcrumb|newsletter|"
    r"^(?:nav|navbar|navigation|menu)(?:$|[-_])|(?:^|[-_])(?:widgets?|ratings?|recent|archive|"
    r"listing|footer|popular|more-?posts)(?:$|[-_])|"
    # lists of other dated things: a sports site's match list and scoreboard, fixtures, event
    # schedules, a calendar widget (their dates are the matches' and events', not the post's)
    r"(?:^|[-_])(?:matches|fixtures|scoreboard|schedule|calendar)(?:$|[-_])", re.I)
# Page builders prefix every block's class ("elementor-widget-...", "et_pb_..."): their tokens
# say nothing about what the block holds.
_BUILDER_PREFIXES = ("elementor", "et_pb", "wp-block", "vc_", "fl-", "brxe")
# Tokens that describe the page's layout ("layoutTwoColumnsRightSidebar", "has-sidebar",
# "with-related-posts") sit on the wrapper of the whole page, the post included: not a box.
_LAYOUT_PREFIXES = ("layout", "has-", "has_", "with-", "with_", "no-", "no_")
_MODIFIED = re.compile(
    r"modif|updat|aktualisiert|geändert|änderung|überarbeitet|last|zuletzt|"
    r"mis à jour|mise à jour|actualiza|aggiornat|bijgewerkt", re.I)
def _modified_box(cue: str | None) -> bool:
    """A class naming a modification date; WordPress prints "entry-date published updated" when
    the two are the same, which is the publication."""
    return bool(cue) and bool(_MODIFIED.search(cue)) and "publish" not in cue.lower()


# "Letzte Änderung 14.02.2019", "Updated: May 3, 2019": a date after these is not the
# publication; text readings drop them first. ("Stand: 05. Februar 2020" is often the only date
# a German page prints, and a photo credit "© Name 01.02.2022" the day of the article: kept.)
_MODIFIED_LINE = re.compile(
    r"(?:last\s+(?:modified|updated|edited|changed)|updated(?:\s+on)?|modified(?:\s+on)?|"
    r"letzte\s+änderung|zuletzt\s+(?:aktualisiert|geändert|bearbeitet)|aktualisiert(?:\s+am)?|"
    r"geändert(?:\s+am)?|mis\s+à\s+jour(?:\s+le)?|mise\s+à\s+jour|modifié(?:\s+le)?|"
    r"actualizado(?:\s+el)?|aggiornato(?:\s+il)?|bijgewerkt(?:\s+op)?)"
    r"\s*:?\s*[^\n]{0,40}", re.I)


# "Abgerufen 23.11.2022", "Retrieved March 3, 2021", "consulté le 2 mai 2020": the day a
# reference was accessed, in a source list at the end of an article, is not the post's.
_ACCESSED_LINE = re.compile(
    r"(?:abgerufen|aufgerufen|zugegriffen|retrieved|accessed|consulté|consultado|consultato|"
    r"geraadpleegd)(?:\s+(?:am|on|le|el|il|op))?\s*:?\s*[^\n]{0,40}", re.I)
# "Deadline: 15. März 2020", "Anmeldeschluss 1.3.2020", "valid until May 3, 2021": a day
# something ends (an event's registration, an offer) is not the post's.
_DEADLINE_LINE = re.compile(
    r"(?:deadline|closing\s+date|valid\s+until|expires?|anmeldeschluss|einsendeschluss|"
    r"bewerbungsschluss|annahmeschluss|frist|gültig\s+bis|date\s+limite|fecha\s+límite|"
    r"scadenza)\s*:?\s*[^\n]{0,40}", re.I)
# A date followed by a time range ("30. März 2020, 13:15 Uhr - 19:00 Uhr", "May 3, 2021 9:00
# am – 5:00 pm") is an event's schedule, never the moment a post was published: removed whole.
_TIME_RANGE_DATE = re.compile(
    r"[^\n]{0,40}?\d{1,2}[:.h]\d{2}\s*(?:uhr|h|[ap]\.?m\.?)?\s*(?:-|–|—|bis|to|until)\s*"
    r"\d{1,2}(?:[:.h]\d{2}|\s*(?:uhr|[ap]\.?m\.?))", re.I)


# "vom 9.1. - 10.2.2023", "3.-5. Mai 2021", "12.05.2020 – 14.05.2020": a period (an offer, an
# event) whose end would otherwise read as a date of its own.
_DATE_RANGE = re.compile(
    r"\d{1,2}\.(?:\s?\d{1,2}\.)?(?:\s?(?:19|20)\d\d)?\s*(?:-|–|—|bis)\s*\d{1,2}\.\s?"
    r"(?:\d{1,2}\.\s?(?:(?:19|20)?\d\d)?|[^\W\d_]{3,}\.?\s+(?:19|20)\d\d)", re.I)


# "© Name, 31.05.2013", "Foto: Name / 12.3.2020": a picture's credit and the day it was taken or
# licensed, not the post's publication.
_CREDIT_LINE = re.compile(r"(?:©|\(c\)|copyright\b|(?<!\w)(?:fotos?|bild(?:er)?|photos?|image|credits?|"
                          r"quelle|source)\s*:)\s*[^\n]{0,40}", re.I)


def _without_modified(text: str) -> str:
    """``text`` without modification lines, access dates, deadlines, periods, event schedules and
    picture credits."""
    text = _DATE_RANGE.sub(" ", _DEADLINE_LINE.sub(" ", _TIME_RANGE_DATE.sub(" ", text)))
    return _CREDIT_LINE.sub(" ", _ACCESSED_LINE.sub(" ", _MODIFIED_LINE.sub(" ", text)))


# Classes and ids htmldate reads dates from (its ``is_date_candidate`` cues).
_DATE_BOX = re.compile(r"date|datum|time|publish|posted|submitted|byline|subline|meta|fecha|"
                       r"parution|created|info|author", re.I)


_POST_BOX = frozenset({"hentry", "article", "post", "entry", "news-single", "single-post",
                       "blog-post", "type-post", "node--type-article", "node-article"})


def _post_chain(root: LexborNode) -> frozenset[int]:
    """The main heading's ancestors: boxes that hold the post's title are the post's own
    containers whatever their classes say ("layoutTwoColumnsRightSidebar", "widget Blog")."""
    h = _main_heading(root)
    out: set[int] = set()
    while h is not None and h.is_element_node:
        out.add(h.mem_id)
        h = h.parent
    return frozenset(out)


_SINGLE_POST = re.compile(r"^(?:news|post|article|blog|entry)[-_]?single|^single[-_]?(?:news|post|"
                          r"article|entry)", re.I)


def _inside(n: LexborNode, attrs: Attrs, rx: re.Pattern[str],
            chain: frozenset[int] = frozenset()) -> bool:
    """Whether ``n`` or an ancestor is nav, has a class, id, itemprop or itemtype token matching
    ``rx``, or is a footer or aside of the page (an article's own ``<footer class=entry-footer>``
    or ``<aside>`` with its byline holds the post's date and is not one)."""
    p, in_footer = n, False
    while p is not None and p.is_element_node and p.tag not in ("body", "html"):
        if p.tag == "nav":
            return True
        if p.tag == "article" or _POST_BOX & attrs.classes(p):
            in_footer = False
        if p.mem_id in chain:
            return in_footer
        is_footer = p.tag in ("footer", "aside")
        # Blogger prints every post inside its "Blog" widget (div.widget.Blog#Blog1); a box that
        # names itself the single post ("teaserTyp3 newsSingle", "news-single-item") is the post
        # whatever its layout type says.
        own = "Blog" in attrs.classes(p) or any(_SINGLE_POST.search(c) for c in attrs.classes(p))
        for a in () if own else ("class", "id", "itemprop", "itemtype"):
            for token in (attrs.get(p, a) or "").split():
                if token.startswith(_BUILDER_PREFIXES) or token.lower().startswith(
                        _LAYOUT_PREFIXES) or not rx.search(token):
                    continue
                if "footer" in token.lower():
                    is_footer = True
                else:
                    return True
        in_footer = in_footer or is_footer
        p = p.parent
    return in_footer


# JSON-LD entities whose dates are their own, not the page's publication.
_NOT_A_PUBLICATION = re.compile(r"Review|Comment|Rating|Offer|Event")


def stated_publications(root: LexborNode, attrs: Attrs) -> list[When]:
    """Every day the markup states as the publication of this page: publication meta tags,
    any JSON-LD entity's ``datePublished``/``dateCreated`` (a WebPage's too) except a review's
    or comment's, ``time.published`` and the like outside comments and teasers. Modification
    dates are not publication dates and are left out. In the order met."""
    found: list[When] = []
    chain = _post_chain(root)

    def add(w: When | None | str) -> None:
        if isinstance(w, str):  # "2022-01-10T22:06:08:00" and other broken ISO forms
            m = re.match(r"\s*((?:19|20)\d\d-[01]\d-[0-3]\d)", w)
            w = when_from_machine(m.group(1)) if m else None
        if w and w.local:
            found.append(w)

    for name in _DATE_META:
        for attr in ("property", "name", "itemprop"):
            for n in root.css(f"meta[{attr}='{name}']"):
                if not _inside(n, attrs, _NOT_THE_POST, chain):
                    add(when_from_machine(attrs.get(n, "content")))
    for d in json_ld.objects(root, limit=200, skip=lambda d: bool(_NOT_A_PUBLICATION.search(
            " ".join(json_ld.types(d))))):
        for k in ("datePublished", "dateCreated"):
            if isinstance(d.get(k), str):
                add(when_from_machine(d[k]) or d[k])
    for sel in _DATE_SELECTORS:
        for n in root.css(sel):
            if not _inside(n, attrs, _NOT_THE_POST, chain):
                for attr in ("datetime", "content", "title"):
                    add(when_from_machine(attrs.get(n, attr)))
    # A platform's own page data in a script ("published_at": "2019-03-02T06:22:28+01:00" in a
    # shop's product JSON, ``var page_article_date = "2018-11-28"``): a publication field by
    # name, never any timestamp (a session's expiry, a record's createdAt).
    for n in root.css("script:not([type='application/ld+json'])")[:200]:
        raw = n.text(strip=False)
        if not raw or len(raw) > 2_000_000 or not _SCRIPT_PUBLISHED.search(raw):
            continue
        for m in _SCRIPT_PUBLISHED.finditer(raw):
            add(m.group(1))
            if len(found) > 100:
                break
    return found


_SCRIPT_PUBLISHED = re.compile(
    r"""["']?(?:datePublished|date_published|published_at|publishedAt|publish_date|publishDate|"""
    r"""publication_date|publicationDate|article_date|articleDate|pubDate)["']?\s*[:=]\s*"""
    r"""["']((?:19|20)\d\d-[01]\d-[0-3]\d[^"']{0,30})["']""")


def post_time_days(root: LexborNode, attrs: Attrs) -> set[str]:
    """Days of ``time[datetime]`` elements outside comments, teasers, sidebars and footers, not
    marked as modification: what the post shows as its time. Only to confirm htmldate's day
    (an event page's times are not its publication)."""
    days: set[str] = set()
    chain = _post_chain(root)
    for n in root.css("time[datetime]")[:50]:
        if _modified_box(attrs.get(n, "class")) or _inside(n, attrs, _NOT_THE_POST, chain):
            continue
        w = when_from_machine(attrs.get(n, "datetime"))
        if w and w.local:
            days.add(w.local[:10])
    return days


def date_box_date(root: LexborNode, attrs: Attrs, languages: tuple[str, ...]) -> When | None:
    """The first date shown in an element the theme marks as a date or byline box
    (``span.post-date``, ``div.entry-meta``, ``p.submitted``: the classes htmldate reads)
    that is not in a comment, teaser, list of other posts, sidebar or footer and is not a
    modification date ("Letzte Änderung", "Updated")."""
    chain = _post_chain(root)
    for n in root.css("[class], [id]"):
        if n.tag in ("html", "body", "script", "style", "meta", "link", "img"):
            continue
        cue = attrs.get(n, "class") or attrs.get(n, "id")
        if not cue or not _DATE_BOX.search(cue) or _modified_box(cue):
            continue
        t = n.text(separator=" ", strip=True)
        if not t or len(t) > 200 or _MODIFIED.search(t) or _inside(n, attrs, _NOT_THE_POST, chain):
            continue
        w = find_date_in_text(_without_modified(t), languages)
        if w:
            return w
    return None


def deeper_than(root: LexborNode, limit: int) -> bool:
    """Whether any element is nested more than ``limit`` deep (stops at the first one)."""
    stack = [(root, 0)]
    while stack:
        n, d = stack.pop()
        if d > limit:
            return True
        c = n.child
        while c is not None:
            if c.is_element_node:
                stack.append((c, d + 1))
            c = c.next
    return False


# What may follow a shown date in a date line: a time, a connector to the byline ("March 3, 2020
# by NAME", "am 3. März 2020 um 10:00 von NAME"), a separator.
_AFTER_DATE = re.compile(r"^[\s,;:.()\[\]|·•/-]*(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:uhr|h|[ap]\.?m\.?)?"
                         r"[\s,;:.()|·•/-]*)?([^\W\d_]+)?", re.I)
_DATE_CONNECTORS = frozenset("""by von par por di da door av af przez in at um à a op le el il the
    and und et y e o or oder ou um gmt utc cet cest mez mesz est edt pst pdt bst uhr h am pm
    updated aktualisiert""".split())
_SENTENCE_STOP = re.compile(r"[.!?:;|·•\n]\s|\s[-–—]\s")


def _inside_prose(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is part of a sentence ("Ich habe am 12. Mai 2006
    einen Antrag gestellt", "the council met on 3 March 2020 to decide"): words of the same
    sentence before it, and the sentence going on after it in lower case. A date line has a
    label or nothing before the date and a time, a byline connector or the next line after it."""
    before = _SENTENCE_STOP.split(text[max(0, start - 80):start])[-1]
    if len(re.findall(r"[^\W\d_]+", before)) < 2:
        return False
    m = _AFTER_DATE.match(text[end:end + 40])
    word = m.group(1) if m else None
    return bool(word) and word[0].islower() and word.lower() not in _DATE_CONNECTORS


def shown_date_in_text(text: str, languages: tuple[str, ...]) -> When | None:
    """The first date in ``text`` that is not inside a sentence of the article's prose."""
    while text:
        found = find_date_span(text, languages)
        if found is None:
            return None
        w, start, end = found
        if not _inside_prose(text, start, end):
            return w
        text = text[end:]
    return None


def date_by_title(root: LexborNode, languages: tuple[str, ...], title: str = "") -> When | None:
    """A date the page prints right next to its main heading ("<h1>..</h1><p>22 January 2014</p>",
    "<p class=date>15 августа 2016</p><h1>..", "Pressemitteilung vom 25. Januar 2022"): shown
    to readers as the post's date. Next to = within a few lines of text after the heading (in
    document order, leaving its box if need be) or just before it."""
    h1 = _main_heading(root, title)
    if h1 is None:
        return None
    # Inside the heading, under the title ("<h1>Title<br><small>02.02.2022</small></h1>").
    for n in h1.iter(include_text=False):
        w = shown_date_in_text(_without_modified(n.text(separator=" ", strip=True)[:200]), languages)
        if w:
            return w
    after = _without_modified(_text_around(h1, forward=True, limit=_AFTER_TITLE))
    w = shown_date_in_text(after, languages)
    if w:
        return w
    # The box after the heading's box (a title block, then a metadata row under a picture).
    box = h1.parent
    nxt = box.next if box is not None else None
    while nxt is not None and not nxt.is_element_node:
        nxt = nxt.next
    if nxt is not None:
        w = shown_date_in_text(_without_modified(nxt.text(separator=" ", strip=True)[:200]), languages)
        if w:
            return w
    before = _without_modified(_text_around(h1, forward=False, limit=_BEFORE_TITLE))
    return shown_date_in_text(before, languages)


_AFTER_TITLE, _BEFORE_TITLE = 300, 150


def _main_heading(root: LexborNode, title: str = "") -> LexborNode | None:
    """The post's heading: a title element of the usual themes, else the heading that shows the
    post's title (a site's slogan may be the first h1), else the first h1 with text."""
    for sel in _TITLE_SELECTORS[:8]:
        h = root.css_first(sel)
        if h is not None and h.text(strip=True):
            return h
    want = " ".join(title.split()).casefold()
    first = None
    for h in root.css("h1, h2"):
        t = " ".join(h.text(separator=" ", strip=True).split()).casefold()
        if not t:
            continue
        if want and (t == want or len(t) >= 12 and t in want):
            return h
        if first is None and h.tag == "h1":
            first = h
    return first


def _text_around(start: LexborNode, *, forward: bool, limit: int) -> str:
    """Up to ``limit`` characters of the text that follows (or precedes) ``start``, element by
    element in document order, climbing out of ``start``'s boxes (at most 4 levels)."""
    parts: list[str] = []
    size, n, climbed = 0, start, 0
    while size < limit and n is not None and climbed <= 4:
        sib = n.next if forward else n.prev
        while sib is not None and not (sib.is_element_node and sib.tag not in _NO_TEXT_TAGS
                                       and not _not_the_post_box(sib)):
            sib = sib.next if forward else sib.prev
        if sib is None:
            n = n.parent
            climbed += 1
            if n is None or not n.is_element_node or n.tag in ("body", "html"):
                break
            continue
        t = sib.text(separator=" ", strip=True)
        t = t[: limit - size] if forward else t[-(limit - size):]
        parts.append(t)
        size += len(t) + 1
        n = sib
    return " ".join(parts if forward else reversed(parts))


# Next to the title, only a comment's or review's box is skipped: some themes print the post's
# own byline and date in a "teaser" or "sidebar" box of the article header.
_NEXT_TO_TITLE_NOT_THE_POST = re.compile(r"comment|review|rating", re.I)


def _not_the_post_box(n: LexborNode) -> bool:
    """Whether ``n`` itself is marked as a comment or review (not its ancestors)."""
    a = n.attributes
    return any(not t.startswith(_BUILDER_PREFIXES) and _NEXT_TO_TITLE_NOT_THE_POST.search(t)
               for k in ("class", "id", "itemprop") for t in (a.get(k) or "").split())


_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "form", "nav"})


_URL_DATE = re.compile(r"/((?:19|20)\d\d)([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
_URL_DAY_FIRST = re.compile(r"/(0?[1-9]|[12]\d|3[01])([.-])(0?[1-9]|1[0-2])\2((?:19|20)\d\d)(?:[/_.-]|$)")


def date_in_url(url: str | None) -> When | None:
    """A permalink that states the day: ``/2016/05/22/slug/`` (WordPress), ``/2016-05-22-slug``,
    or a path segment ``/29-10-2021`` when day and month cannot be swapped (the day is over 12,
    or both are the same): ``/05-06-2021`` may be either and gives nothing."""
    path = (url or "").split("?", 1)[0].split("#", 1)[0]
    m = _URL_DATE.search(path)
    if m:
        return when_from_machine(f"{m.group(1)}-{int(m.group(3)):02d}-{int(m.group(4)):02d}")
    m = _URL_DAY_FIRST.search(path)
    if m and (int(m.group(1)) > 12 or m.group(1).lstrip("0") == m.group(3).lstrip("0")):
        return when_from_machine(f"{m.group(4)}-{int(m.group(3)):02d}-{int(m.group(1)):02d}")
    return None


# "Published: <date>" as a label in its own element and the date in the next one
# (``<dt>Veröffentlicht</dt><dd>3. Mai 2019</dd>``, ``<p>Mise en ligne</p><p>23 mai 2019</p>``).
_PUBLISHED_LABELS = frozenset({
    "published", "published on", "date published", "publication date", "posted", "posted on",
    "veröffentlicht", "veröffentlicht am", "erschienen", "erschienen am", "publiziert am",
    "erstellt am", "mise en ligne", "mis en ligne le", "publié le", "publiée le",
    "date de publication", "publicado", "publicado el", "fecha de publicación", "pubblicato",
    "pubblicato il", "data di pubblicazione", "gepubliceerd", "gepubliceerd op",
})
_LABEL_TAGS = "dt, th, p, span, b, strong, em, small, label, h4, h5, h6"
_INLINE_LABEL = re.compile(r"^\s*(?:" + "|".join(
    re.escape(x) for x in sorted(_PUBLISHED_LABELS, key=len, reverse=True)) + r")\s*:?\s+", re.I)


def labelled_date(root: LexborNode, languages: tuple[str, ...],
                  attrs: Attrs | None = None) -> When | None:
    """The date after the first publication label of the page that is outside navigation,
    sidebars and footers; None when the element after the label is not just a date.
    "Veröffentlicht am 16.08.2019" in one element counts too (outside comments and teasers)."""
    attrs = attrs or Attrs()
    chain = _post_chain(root)
    for n in root.css(_LABEL_TAGS):
        t = n.text(strip=True)
        if not t or len(t) > 200:
            continue
        label = " ".join(t.lower().rstrip(":").split())
        if label not in _PUBLISHED_LABELS:
            m = _INLINE_LABEL.match(t)
            w = find_date_in_text(t[m.end():m.end() + 40], languages) if m else None
            if w and not _inside(n, attrs, _NOT_THE_POST, chain):
                return w
            continue
        p, inside_furniture = n.parent, False
        while p is not None and p.is_element_node:
            if p.tag in ("nav", "aside", "footer"):
                inside_furniture = True
                break
            p = p.parent
        if inside_furniture:
            continue
        nxt = n.next
        while nxt is not None and not (nxt.is_element_node or nxt.text(strip=True)):
            nxt = nxt.next
        if nxt is None:
            continue
        value = nxt.text(separator=" ", strip=True)
        if 4 <= len(value) <= 40:
            w = when_from_text(value, languages)
            if w:
                return w
    return None


def _date_at_start(doc, languages: tuple[str, ...]) -> When | None:
    """A date the article opens or closes with: a dateline ("Bern, 17.08.2007 - ...",
    "27.1.2022 - ..."), a short line ("Pressemitteilung vom 20.01.2022", a letter's closing
    "10. September 2017"), never a table's row. A date inside a sentence ("Im Bundesgesetzblatt vom 17. August
    2021 ...") is what the text talks about, not when it was written."""
    text = (doc.text or "") if doc is not None else ""
    for closing, part in ((False, text[:400]), (True, text[-150:])):
        if closing:
            # A closing line that also states a modification ("notes.html - Created 03-10-2004
            # 2:20pm - Last Modified: ...", the stamp an HTML editor or a server-side include
            # writes under a hand-made page) is the file's edit history, not a dated letter's
            # closing: its creation time is no more the post's date than the modification is.
            part = "\n".join(ln for ln in part.split("\n") if not _MODIFIED_LINE.search(ln))
        for line in _without_modified(part).split("\n"):
            line = line.strip()
            if line.startswith("|"):
                # A table row ("| Data i godzina | 28 Września 2020, 18:00 |"): a field of the
                # table's data (an event's date and time), not a dateline or a closing line.
                continue
            if len(line) > 80:
                # A long line: only a dateline, the date before a dash or bar ("Bern, 17.08.2007 -")
                # or in parentheses at its start ("(21. November 2022) Energieverbraucher ...").
                m = _DATELINE_END.search(line[:60])
                p = re.match(r"\(([^()]{6,40})\)", line)
                line = line[:m.start()] if m else p.group(1) if p else ""
            w = shown_date_in_text(line, languages) if re.search(r"\d", line) else None
            if w:
                return w
    return None


_DATELINE_END = re.compile(r"\s[-–—|]\s")


def _paragraphs(text: str) -> str:
    """trafilatura's one-line-per-element text -> our paragraphs (blank line between)."""
    lines = [ln.strip() for ln in text.split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def _drop_leading_meta(body: str, title: str, author: str | None) -> str:
    """Title, byline and dateline lines trafilatura left at the start of the body."""
    paras = body.split("\n\n")
    t = " ".join(title.lower().split())
    while paras:
        p = " ".join(paras[0].lower().split())
        if t and p == t:
            paras.pop(0)
            continue
        if author and len(p) <= 120 and author.lower() in p and (
                re.match(r"^(by|von|par|por|di|door|av)\b", p) or when_from_text(p, ())):
            paras.pop(0)
            continue
        break
    return "\n\n".join(paras)


def _container_body(root: LexborNode, attrs: Attrs,
                    furniture: list[tuple[str, str]]) -> str:
    def skip(n: LexborNode) -> str | bool | None:
        if attrs.id(n) in _FURNITURE_IDS:
            return _FURNITURE_IDS[attrs.id(n)]
        for c in attrs.classes(n):
            if c in _FURNITURE:
                return _FURNITURE[c]
        if n.tag in ("aside", "nav", "form", "footer", "header"):
            return True
        return None

    for sel in _BODY_SELECTORS:
        for n in root.css(sel):
            text = node_text(n, skip, furniture=furniture)
            if len(text) >= 40:
                return text
            furniture.clear()
    return ""


def extract_post(html: str, root: LexborNode, attrs: Attrs, *, url: str | None,
                 site_hint: str | None, languages: tuple[str, ...]) -> PostFields:
    """The post of a page whose comment thread has already been removed from ``root``/``html``."""
    f = PostFields()
    f.site = site_hint or _meta(root, attrs, "og:site_name")
    canonical = root.css_first("link[rel='canonical']")
    # The post's own address: a Wayback Machine copy names the original URL inside its own.
    f.url = unwrap_wayback(url or (attrs.get(canonical, "href") if canonical is not None else None)
                           or _meta(root, attrs, "og:url"))
    doc = None
    if len(html) > MAX_TRAFILATURA_CHARS:
        f.warnings.append(("large_page", f"the page is {len(html):,} characters; the post body was "
                           "taken from its main container without trafilatura"))
    elif deeper_than(root, MAX_TRAFILATURA_DEPTH):
        f.warnings.append(("deep_page", f"elements are nested more than {MAX_TRAFILATURA_DEPTH} "
                           "deep; the post body was taken from its main container without "
                           "trafilatura"))
    else:
        doc = _trafilatura(html, f.url)

    title = our_title(root)
    if not title and doc is not None and doc.title:
        title = " ".join(doc.title.split())
    if not title:
        title = _meta(root, attrs, "og:title", "twitter:title") or ""
    if not title:
        t = root.css_first("title")
        title = " ".join(t.text(strip=True).split()) if t is not None else ""
        if f.site and title.endswith(f.site):
            title = re.sub(r"\s*[|:–—-]\s*$", "", title[: -len(f.site)])
    f.title = title

    f.author, f.author_url = choose_author(root, attrs, doc.author if doc is not None else None,
                                           f.site, f.url)

    # htmldate without its extensive search reads the publication date from markup and knows
    # the usual traps (modified dates, other articles' dates). Its day is kept only when the
    # page states that day as the publication: in publication markup, next to the title, after
    # a "Published" label, in a date box of the post, in the permalink, in a dateline. Its other
    # sources (a modification date, a review's or comment's date, a timestamp in a script, a
    # teaser's date, a copyright line) gave a date on half of the pages that have none.
    # Otherwise the first of our own readings, in that order. Never a date guessed from text.
    stated = stated_date(root, attrs, languages)
    publications = stated_publications(root, attrs)
    shown = (date_by_title(root, languages, f.title), labelled_date(root, languages, attrs),
             date_box_date(root, attrs, languages))
    readings = (stated, publications[0] if publications else None, *shown,
                date_in_url(f.url), _date_at_start(doc, languages))
    ours = next((w for w in readings if w), None)
    f.when = when_from_machine(doc.date) if doc is not None and doc.date else None
    if f.when is not None and (f.when.local or "")[:10] not in {
            w.local[:10] for w in (*publications, *readings) if w and w.local} \
            | post_time_days(root, attrs):
        f.when = None
    if f.when is None:
        f.when = ours
    elif stated and _local_offset(stated) and 0 < _days_apart(stated, f.when) <= 7:
        # The publication stated with the publisher's own offset pins the local day; htmldate's
        # other day close to it is that moment in another zone or a neighbouring story's.
        f.when = stated
    elif f.when.utc is None and "T" not in (f.when.local or ""):
        # htmldate gives a day; keep the time and zone when the markup states them for that day.
        if stated and (stated.local or "")[:10] == f.when.local:
            f.when = stated
    f.when = _local_day(f.when, (stated, *publications), next((w for w in shown if w), None))

    furniture: list[tuple[str, str]] = []
    container_body = _container_body(root, attrs, furniture)
    body = _paragraphs(doc.text) if doc is not None and doc.text else ""
    if not body and container_body:
        if doc is not None:
            f.warnings.append(("body_fallback", "trafilatura found no main text; the body was "
                               "taken from the page's content container"))
        body = container_body
    f.body = _drop_leading_meta(body, f.title, f.author)
    flat_body = " ".join(f.body.split())
    f.furniture = [(k, t) for k, t in furniture if " ".join(t.split())[:80] not in flat_body]

    for n in root.css("a[rel~='category']"):
        label = n.text(strip=True)
        if label and label not in f.categories:
            f.categories.append(label)
    for n in root.css("a[rel~='tag']"):
        label = n.text(strip=True)
        if label and label not in f.tags and "category" not in attrs.get(n, "rel"):
            f.tags.append(label)
    if doc is not None:
        for c in (doc.categories or []):
            if c and c not in f.categories:
                f.categories.append(c)
        for t in (doc.tags or []):
            if t and t not in f.tags:
                f.tags.append(t)
    return f


def _local_offset(w: When) -> bool:
    """Whether ``w`` holds a time with a zone offset other than UTC ("07:59:48-04:00")."""
    loc = w.local or ""
    return "T" in loc and bool(re.search(r"[+-]\d\d:\d\d$", loc)) and not loc.endswith("+00:00")


def _days_apart(a: When, b: When | None) -> int:
    """Days between the local days of ``a`` and ``b``; -1 when either has none."""
    try:
        return abs((date.fromisoformat((a.local or "")[:10])
                    - date.fromisoformat(((b.local if b else "") or "")[:10])).days)
    except ValueError:
        return -1


def _local_day(when: When | None, machine: tuple[When | None, ...],
               shown: When | None) -> When | None:
    """A publication time the markup states only in UTC ("2021-11-04T23:00:00Z") does not give
    the local day: when the page shows a day next to it (the day before or after), the
    shown day is the post's."""
    if when is None or shown is None or _days_apart(shown, when) != 1:
        return when
    day = (when.local or "")[:10]
    utc = next((w for w in machine if w and (w.local or "")[:10] == day
                and (w.local or "").endswith(("Z", "+00:00"))), None)
    # The day as the page shows it, and the moment in UTC the markup states.
    return When(utc.utc or when.utc, shown.local) if utc is not None else when


_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}


def _trafilatura(html: str, url: str | None):
    import trafilatura  # heavy import: only the HTML reader needs it

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
            include_tables=True, include_images=False, include_links=False,
            date_extraction_params=_DATE_PARAMS, output_format="python")
    except Exception:  # noqa: BLE001 - a trafilatura failure leaves our container fallback
        return None
