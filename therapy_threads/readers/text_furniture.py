"""Page furniture in plain-text captures: what a page prints around the post that nobody wrote.

Two tiers of evidence:

* ``strong_kind`` — phrase families and shapes that are furniture wherever they appear in the
  body region (cookie banners, skip links, login prompts, share bars, image alt text);
* ``tail_kind`` — weaker signals (calls to action, newsletter prompts, tag lists, image
  descriptions) trusted only in the *tail*: after the last substantial prose paragraph, where
  WordPress and Squarespace themes put their widgets.

Pull quotes are found by duplication: a short paragraph whose words occur again inside another
body paragraph. Everything here works on one paragraph's text (lines joined by newlines) and is
pure; the reader decides which paragraphs to ask about.
"""
from __future__ import annotations

import re
from collections import Counter

_I = re.IGNORECASE

# Short lines only: long prose that mentions cookies or logging in is prose.
STRONG_MAX_CHARS = 400

_STRONG: list[tuple[str, re.Pattern[str]]] = [
    ("skip_link", re.compile(
        r"^(?:skip|jump) to (?:the )?(?:main |primary )?(?:content|navigation|menu|footer|sidebar|search)\b"
        r"|^skip navigation$", _I)),
    # Cookies in a website sense (not grandmother's baking): named with the site, the browser,
    # consent or policy words.
    ("cookie_notice", re.compile(
        r"\bcookies?\b.{0,120}\b(?:website|site|browser|brows\w*|privacy|consent|policy|settings|analytics"
        r"|third[- ]party)\b|\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b"
        r"|\b(?:accept|allow|reject|decline|manage)(?: all)? cookies\b", _I)),
    ("login_prompt", re.compile(
        r"^(?:please )?(?:log ?in|sign ?in)\b.{0,80}\b(?:to (?:reply|comment|post)|using|with|account|comment)"
        r"|^(?:log ?in|sign ?in)(?: to reply)?$|\byou are commenting using\b|\blog ?out\b\s*/\s*change\b"
        r"|\bclick an icon to log in\b|\bfill in your details below\b|^you must be (?:logged|signed) in\b", _I)),
    ("comment_form", re.compile(
        r"^connecting to %s$|^notify me of (?:new |follow-up )?(?:comments|posts)\b|^save my name,? email\b"
        r"|^(?:name|e-?mail|website|comment)\s*\*?\s*(?:\(required\))?$|^post comment$|^cancel reply$"
        r"|^your email address will not be published\b|^required fields are marked\b"
        r"|^this site uses akismet\b|^(?:submit|post) (?:your )?(?:comment|reply)…?$"
        r"|^(?:newest|oldest|top|best) first$|^sort by\b|^preview$|^subscribe via e-?mail$"
        r"|^subscribe to:? post comments\b|^delete$", _I)),
    ("comments_closed", re.compile(r"^comments are (?:closed|disabled)\b|^comments? (?:is|are) closed\b", _I)),
    ("like_widget", re.compile(
        r"^like this:?$|^(?:like )?loading\.*…?$|^be the first to like this\.?$|^related(?: posts)?:?$", _I)),
    ("share", re.compile(
        r"^share(?: this)?(?: (?:post|article|story|page|entry))?(?: on)?:?$"
        r"|^(?:(?:share on |tweet|pin it|e-?mail|print|facebook|twitter|x|linkedin|pinterest|reddit|"
        r"whatsapp|tumblr|pocket|telegram|more)(?:\s*[,|/•·]\s*|\s+|$))+$", _I)),
    ("newsletter", re.compile(
        r"^(?:subscribe|sign up)(?: (?:to|for) (?:our|my|the) (?:newsletter|blog|mailing list|updates))?[.!:]?$"
        r"|\benter your e-?mail address\b|\bjoin \d[\d,]* other (?:subscribers|followers)\b"
        r"|^follow (?:this )?blog via e-?mail\b", _I)),
    ("advert", re.compile(r"^(?:advertisements?|report this ad|sponsored(?: content)?|ad)$", _I)),
    ("image_credit", re.compile(
        r"^(?:photo|image|picture|illustration|header image)\s+(?:credit:?|by|via|courtesy of)\s+\S.{0,60}$", _I)),
    ("rating_widget", re.compile(r"^rate this:?$|^\d+ votes?$", _I)),
    ("navigation", re.compile(
        r"^(?:(?:home|about(?: us| me)?|blog|contact(?: us| me)?|services|shop|menu|search|resources|faq"
        r"|podcast|events|log ?in|sign in|subscribe|fees|appointments|testimonials)\b[\s|•·/>»-]*){2,}$"
        r"|^(?:previous|next) (?:post|article|entry|story)\b|^[«←]\s|\s[»→]$|^(?:older|newer) (?:posts?|comments?|entries)\b"
        r"|^(?:posted in|tagged|filed under|categories|tags)\s*:|^bookmark the permalink\b"
        r"|^view all posts by\b", _I)),
]

_ALT_NOUNS = r"(?:icon|logo|photo|photograph|picture|image|img|avatar|gravatar|thumbnail|headshot|banner|graphic|illustration)"
# No sentence punctuation, except inside a token ("WordPress.com Logo").
_IMAGE_ALT = re.compile(r"^(?:[^.!?;:]|[.:](?=\S)){0,60}\b" + _ALT_NOUNS + r"s?$", _I)

_CTA = re.compile(
    r"\b(?:call|contact|e-?mail|text|message|reach) (?:me|us)\b"
    r"|\b(?:book|schedule|set up|arrange|request)\b.{0,40}\b(?:consultation|session|appointment|call)\b"
    r"|\bfree\b.{0,30}\bconsultation\b|\bget (?:started|in touch)\b|\bget your\b.{0,60}\btoday\b"
    r"|\b(?:buy|order|download) (?:now|today|the book)\b|\blearn more\b|\bclick here\b", _I)
_NEWSLETTER_WEAK = re.compile(
    r"\bnotify (?:you|me)\b|\bnewsletter\b|\bsubscribe\b|\bsign up\b|\bmailing list\b|\binbox\b", _I)
_SHARE_WEAK = re.compile(r"\bshare (?:this|it|on)\b", _I)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENTENCE_ENDS = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def strong_kind(text: str) -> str | None:
    """The furniture kind of a paragraph that is furniture anywhere in a page, or None."""
    if len(text) > STRONG_MAX_CHARS:
        return None
    flat = " ".join(text.split())
    if not flat:
        return None
    for kind, rx in _STRONG:
        if rx.search(flat):
            return kind
    if image_alt_like(flat):
        return "image_alt"
    return None


def image_alt_like(text: str) -> bool:
    """'Leah Benson Therapy icon', 'Twitter picture': a short label ending in an image noun."""
    return len(text) <= 80 and _IMAGE_ALT.search(text) is not None


TAIL_MAX_CHARS = 200


def tail_kind(text: str) -> str | None:
    """Kinds that count only after the last substantial prose paragraph (widgets, ads, forms).

    Short paragraphs only: a longer one that says "call me" is the author writing.
    """
    flat = " ".join(text.split())
    if len(flat) > TAIL_MAX_CHARS:
        return None
    if _CTA.search(flat):
        return "call_to_action"
    if _NEWSLETTER_WEAK.search(flat):
        return "newsletter"
    if _SHARE_WEAK.search(flat):
        return "share"
    return None


def tail_shape_kind(text: str) -> str:
    """A best-guess kind for an unclassified paragraph inside the furniture tail."""
    flat = " ".join(text.split())
    words = _WORD.findall(flat)
    if flat.count(",") >= 2 and not _SENTENCE_END.search(flat) and all(
            len(part.split()) <= 4 for part in flat.split(",")):
        return "tags"
    if flat[:1].islower() and not _SENTENCE_END.search(flat) and 3 <= len(words) <= 15:
        return "image_alt"
    return "widget"


def is_substantial_prose(text: str) -> bool:
    """Text a person wrote, which ends any furniture tail: long, or several sentences, or one
    full sentence of a dozen words that is not a call to action or sign-up prompt."""
    flat = " ".join(text.split())
    if len(flat) >= 150:
        return True
    if len(flat) >= 60 and len(_SENTENCE_ENDS.findall(flat)) >= 2:
        return True
    return (_SENTENCE_END.search(flat) is not None and len(_WORD.findall(flat)) >= 12
            and tail_kind(flat) is None)


def words_key(text: str) -> str:
    """Lower-cased words joined by single spaces: the form pull-quote matching compares."""
    return " ".join(w.lower().replace("’", "'") for w in _WORD.findall(text))


def pull_quotes(paragraphs: list[str], *, min_words: int = 4, max_words: int = 40) -> list[int]:
    """Indexes of paragraphs that repeat words found in another body paragraph (pull quotes).

    A candidate is short (``min_words``..``max_words`` words). It is a pull quote when its word
    sequence occurs inside a different, longer paragraph, or when an identical paragraph came
    earlier (the later copy is the quote).
    """
    keys = [words_key(p) for p in paragraphs]
    copies = Counter(keys)
    hits: list[int] = []
    seen_exact: set[str] = set()
    # One haystack with separators so a match cannot straddle two paragraphs.
    haystack = "\x00".join(" " + k + " " for k in keys)
    for i, k in enumerate(keys):
        n = k.count(" ") + 1 if k else 0
        if not (min_words <= n <= max_words):
            seen_exact.add(k)
            continue
        if k in seen_exact:
            hits.append(i)
            continue
        seen_exact.add(k)
        needle = " " + k + " "
        # Identical paragraphs are handled above; any further occurrence is inside a longer one.
        if haystack.count(needle) > copies[k]:
            hits.append(i)
    return hits
