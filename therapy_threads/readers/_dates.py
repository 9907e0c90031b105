"""Timestamps from sources -> ISO 8601 UTC ("2019-08-03T04:11:57Z"), or None.

A time without a zone cannot be placed in UTC; it is returned as None rather than guessed
(``published_at`` is documented as UTC), and readers count those in a warning.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache


def to_utc_iso(dt: datetime) -> str | None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        return None
    try:
        u = dt.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None
    # Arrow and Parquet hold years 1..9999, but a year before 1000 or after 2200 in a blog
    # source is a placeholder or a typo ("0001-01-01"): no date rather than a lost source.
    if not 1000 <= u.year <= 2200:
        return None
    return u.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str | None) -> str | None:
    """ISO 8601 with a zone (``2016-06-23T17:21:09+02:00``, ``...Z``) -> UTC; else None."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    if v.endswith(("Z", "z")):
        v = v[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(v)
    except ValueError:
        return None
    return to_utc_iso(dt)


def parse_gmt(value: str | None) -> str | None:
    """``2014-01-14 17:32:12`` known to be UTC (WXR ``*_date_gmt``, REST ``date_gmt``)."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    if not v or v.startswith("0000-00-00"):
        return None
    try:
        dt = datetime.fromisoformat(v.replace(" ", "T"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return to_utc_iso(dt)


def parse_rfc822(value: str | None) -> str | None:
    """RSS ``pubDate`` (``Tue, 14 Jan 2014 17:31:03 +0000``)."""
    if not value or not isinstance(value, str) or not value.strip():
        return None
    try:
        dt = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return to_utc_iso(dt)


def is_zoneless_time(value: str | None) -> bool:
    """True when ``value`` looks like a timestamp that only lacks a zone."""
    if not value:
        return False
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value.strip())) and parse_iso(value) is None


# --------------------------------------------------------------------------- dates as written
# Pages show dates in their own language and local time ("8. November 2020 um 09:52", "11/08/2020
# at 9:52 am"), often with no zone. ``published_at`` is UTC and only set when the zone is known;
# ``published_local`` keeps the date/time as written (ISO 8601 with the source's offset, or
# without one), so neither a zone-less time nor the local day is lost. Relative dates ("3 weeks
# ago") cannot be anchored without the capture time and are never turned into a date.

_ISO_LOCAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
                        r"\s*(Z|z|[+-]\d{2}:?\d{2}|UTC|GMT)?$")
_UNIX = re.compile(r"^\d{9,10}(?:\d{3})?$")
_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|2[01]\d\d)(?!\d)|(?<!\d)\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2}(?!\d)|"
                   r"(?<!\d)\d{1,2}-[^\W\d_]{3,9}\.?-\d{2}(?!\d)")
_RELATIVE = re.compile(r"\b(ago|vor|il y a|hace|fa|geleden|sedan|temu|назад|önce)\b|\bher\s*$|前$", re.I)
_MIN_YEAR, _MAX_YEAR = 1990, 2100


@dataclass(slots=True, frozen=True)
class When:
    utc: str | None = None  # "2020-11-08T08:52:00Z" when the zone is known
    local: str | None = None  # as written: "2020-11-08T09:52:00+01:00", "2020-11-08T09:52", "2020-11-08"

    def __bool__(self) -> bool:
        return bool(self.utc or self.local)


def _fmt_offset(dt: datetime) -> str:
    off = dt.utcoffset()
    assert off is not None
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _local_iso(dt: datetime, has_time: bool, has_seconds: bool) -> str:
    if not has_time:
        return dt.strftime("%Y-%m-%d")
    s = dt.strftime("%Y-%m-%dT%H:%M:%S" if has_seconds else "%Y-%m-%dT%H:%M")
    if dt.tzinfo is not None and dt.utcoffset() is not None:
        s += _fmt_offset(dt)
    return s


def _plausible(dt: datetime) -> bool:
    return _MIN_YEAR <= dt.year <= _MAX_YEAR


def when_from_machine(value: str | None) -> When | None:
    """A machine-readable value (``datetime=``, ``content=``, unix seconds) -> When, or None."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    m = _ISO_LOCAL.match(v)
    if m:
        y, mo, d, hh, mi, ss, zone = m.groups()
        try:
            dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
        except ValueError:
            return None
        if not _plausible(dt):
            return None
        if zone:
            z = zone.upper()
            if z in ("Z", "UTC", "GMT"):
                dt = dt.replace(tzinfo=timezone.utc)
            else:
                z = z.replace(":", "")
                mins = int(z[1:3]) * 60 + int(z[3:5])
                if mins >= 24 * 60:
                    return None
                dt = dt.replace(tzinfo=timezone(timedelta(minutes=mins if z[0] == "+" else -mins)))
        local = _local_iso(dt, hh is not None, ss is not None)
        if zone and z in ("Z", "UTC", "GMT"):
            local = local[:-6] + "Z" if hh is not None else local
        return When(to_utc_iso(dt) if (zone and hh is not None) else None, local)
    if _UNIX.match(v):
        n = int(v)
        if n > 10**11:
            n //= 1000
        try:
            dt = datetime.fromtimestamp(n, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return When(to_utc_iso(dt), None) if _plausible(dt) else None
    rfc = parse_rfc822(v) if re.match(r"^[A-Z][a-z]{2}, ", v) else None
    if rfc:
        return When(rfc, None)
    return None


_TIME_IN_TEXT = re.compile(r"\d{1,2}[:h.]\d{2}(?!\d)|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)
_SECONDS_IN_TEXT = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_NOISE = re.compile(r"[|•·@»«]+|\b(?:posted|geschrieben|publié|publicado|pubblicato)\b|[於于]", re.I)


def when_from_text(text: str | None, languages: tuple[str, ...] = ()) -> When | None:
    """A date as people read it ("8. November 2020 um 09:52") -> When; relative dates -> None."""
    if not text:
        return None
    t = ascii_digits(" ".join(text.split()))
    if not t or len(t) > 120 or not _YEAR.search(t) or _RELATIVE.search(t):
        return None
    return _when_from_text_cached(t, languages)


def ascii_digits(t: str) -> str:
    """Decimal digits of any script as ASCII digits: a wiki in Central Kurdish or Persian signs
    "١٤:١٦، ١٦ی ... ٢٠١٤" with its own digits (Unicode category Nd, as MediaWiki's ``digits``
    transform writes them)."""
    if t.isascii():
        return t
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch
                   for ch in t)


@lru_cache(maxsize=4096)
def _when_from_text_cached(t: str, languages: tuple[str, ...]) -> When | None:
    machine = when_from_machine(t)
    if machine:
        return machine
    fast = _fast_text_date(t, languages)
    if fast is not None and not (fast is False and _NAMED_ZONE.search(t)):
        # Only a time written with a zone's name ("2 Aug 2012 at 12:47 pm PST", "9:52 PM CET")
        # goes on to dateparser, which knows the names; other shapes the fast path does not
        # know are not dates here (dateparser would guess dates from stray words and numbers).
        return fast or None
    import dateparser  # slow: only dates the fast path does not know go through it

    langs = [lang for lang in dict.fromkeys(tuple(x.split("-")[0] for x in languages) + ("en",)) if lang]
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    candidates = [t, _NOISE.sub(" ", t)]
    # "11/08/2020 at 9:52": the connecting word is in English whatever the page language.
    candidates.append(re.sub(r"\b(?:at|um|à|a las|alle|om|kl\.?|o)\b", " ", candidates[-1], flags=re.I))
    for cand in dict.fromkeys(c.strip(" ,;:-") for c in candidates):
        if not cand:
            continue
        try:
            dt = dateparser.parse(cand, languages=langs, settings=settings)
        except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
            dt = None
        if dt is None or not _plausible(dt):
            continue
        has_time = bool(_TIME_IN_TEXT.search(cand))
        local = _local_iso(dt, has_time, bool(_SECONDS_IN_TEXT.search(cand)))
        utc = to_utc_iso(dt) if has_time and dt.tzinfo is not None else None
        return When(utc, local)
    return None


# ---- fast path: the common shapes, with month names from dateparser's own locale data ------

_NUMERIC_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([./-]) ?(\d{1,2})\2 ?(\d{4}|\d{2})(?!\d)")
# "16-Jun-20" (day, month's short name, two-digit year: Oracle's DD-MON-YY, forum engines' "Tue
# 16-Jun-20 23:12:23")
_DAY_MON_YY = re.compile(r"(?<!\d)(\d{1,2})-([^\W\d_]{3,9})\.?-(\d{2})(?!\d)")
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_TIME = re.compile(r"(?<![\d.])(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)\s*"
                   r"(a\.?\s?m\.?|p\.?\s?m\.?)?", re.I)
_NAMED_ZONE = re.compile(r"\d\s*(?:[aApP]\.?[mM]\.?)?\s+(?:CET|CEST|MEZ|MESZ|EET|EEST|WET|WEST|BST|IST|EST|"
                         r"EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|JST|KST|AEST|AEDT|NZST|NZDT)\b")
# "+02:00", "GMT+0200", "UTC-5:30"; "GMT+2" (hours only, as browsers print a local time's zone:
# "May 26, 2025, 12:14 AM GMT+2"); a bare "UTC"/"GMT"/"Z".
_OFFSET = re.compile(r"(?:\b(?:utc|gmt)\s*)?(?P<sign>[+-])(?P<h>\d{1,2}):?(?P<m>\d{2})\b|"
                     r"\b(?:utc|gmt)\s*(?P<sign2>[+-])(?P<h2>\d{1,2})\b(?!:?\d)|\b(?P<z>utc|gmt|z)\b", re.I)


# A page that does not say its language: English first (its date order), then widely used
# languages whose month names do not collide (Croatian/Czech "listopad", "srpen" do: left out).
_UNKNOWN_LANGUAGE = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl")


@lru_cache(maxsize=64)
def _month_names(languages: tuple[str, ...]) -> tuple[dict[str, int], str]:
    """Month name -> number for the page's languages (and English), and the date order."""
    names: dict[str, int] = {}
    order = "DMY"
    try:
        from dateparser.languages.loader import default_loader
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return names, order
    months = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
    for i, lang in enumerate(dict.fromkeys((languages or _UNKNOWN_LANGUAGE) + ("en",))):
        base, _, region = lang.partition("-")
        try:
            info = default_loader.get_locale(base).info
            if i == 0 and region:  # "en-gb": English month names, the British date order
                order = default_loader.get_locale(f"{base}-{region.upper()}").info.get(
                    "date_order") or order
        except (KeyError, ValueError, AttributeError):
            continue
        if i == 0 and info.get("date_order") and not region:
            order = info["date_order"]
        # A language written in two scripts (Serbian: "јануар" and "januar") has a locale per
        # script in dateparser's data ("sr-Cyrl", "sr-Latn"): the page's language tag rarely
        # says which (MediaWiki's "sr-el"/"sr-ec"), and the names do not collide across scripts.
        for data in [info, *_script_locales(base)]:
            for n, m in enumerate(months, 1):
                for name in data.get(m, []):
                    key = name.lower().rstrip(".")
                    if key and not key.isdigit():
                        names.setdefault(key, n)
    return names, order


@lru_cache(maxsize=64)
def _script_locales(base: str) -> list[dict]:
    """dateparser's locale data of ``base`` written in another script ("sr-Latn" for "sr")."""
    try:
        from dateparser.data.languages_info import language_order
        from dateparser.languages.loader import default_loader
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return []
    out = []
    for code in language_order:
        lang, _, script = code.partition("-")
        if lang == base and len(script) == 4 and script.isalpha():
            try:
                out.append(default_loader.get_locale(code).info)
            except (KeyError, ValueError, AttributeError):
                continue
    return out


# Central Kurdish (Sorani) joins a date's parts with the izafe "ی" ("16ی تشرینی یەکەمی 2014",
# MediaWiki's ckb date format "jی xg Y"); the other spellings of a month the locale data and a
# site disagree on write a long vowel or a consonant doubled or not ("تەمووز" / "تەممووز").
_IZAFE = "\u06cc"
_DOUBLED = re.compile(r"([^\W\d_])\1+")
_MARK = "\u2063"  # an invisible separator: the month's place among the words


def _squeeze(s: str) -> str:
    return _DOUBLED.sub(r"\1", s)


@lru_cache(maxsize=64)
def _spelt_months(languages: tuple[str, ...]) -> tuple[re.Pattern, dict[str, int]]:
    """One pattern for the month names of a page's languages, several words each allowed,
    compared with doubled letters squeezed, an izafe allowed after the name; and the squeezed
    name (its words joined by one space) -> the month's number."""
    names, _ = _month_names(languages)
    keys: dict[str, int] = {}
    for name, n in sorted(names.items()):
        keys.setdefault(" ".join(_squeeze(name).split()), n)
    alts = "|".join(r"\s+".join(re.escape(w) for w in k.split())
                    for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])({alts}){_IZAFE}?(?![^\W\d_])"), keys


def _spelt_month(s: str, languages: tuple[str, ...]) -> tuple[list[str], int, int] | None:
    """A month name of several words ("کانوونی دووەم"), or written with a genitive izafe or
    another doubling of letters than the locale data's: the words around it (a day's izafe
    dropped) and the month's place among them, and the month's number."""
    if s.isascii():
        return None  # the word path above read every Latin-script shape it can
    pattern, keys = _spelt_months(languages)
    squeezed = _squeeze(s)
    m = pattern.search(squeezed)
    mo = keys.get(" ".join(m.group(1).split())) if m else None
    if mo is None:
        return None
    marked = squeezed[:m.start()] + f" {_MARK} " + squeezed[m.end():]
    words = re.findall(rf"{_MARK}|[^\W\d_]+\.?|\d+(?:{_IZAFE}|\.)?", marked)
    return words, words.index(_MARK), mo


def _fast_text_date(t: str, languages: tuple[str, ...]) -> When | None | bool:
    """When for the usual shapes; None: not a date; False: unsure, ask dateparser."""
    if _NAMED_ZONE.search(t):
        return False  # "9:52 PM CET": dateparser knows the zone names
    s = t.lower()
    y = mo = d = None
    end = 0
    m = _NUMERIC_YMD.search(s) or _CJK.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        end = m.end()
    else:
        m = _NUMERIC.search(s)
        if m:
            a, sep, b, yy = m.group(1), m.group(2), m.group(3), m.group(4)
            names, order = _month_names(languages)
            y = int(yy) + (2000 if len(yy) == 2 and int(yy) < 70 else 1900 if len(yy) == 2 else 0)
            # "04-08-2023, 02:34 PM": forum engines (MyBB, vBulletin) print m-d-Y by default,
            # as US English writes with slashes; dots are always day first.
            if sep in "/-" and order.startswith("M"):
                mo, d = int(a), int(b)
            else:
                d, mo = int(a), int(b)
            end = m.end()
        elif (dm := _DAY_MON_YY.search(s)) and dm.group(2) in _month_names(languages)[0]:
            d, mo = int(dm.group(1)), _month_names(languages)[0][dm.group(2)]
            y = int(dm.group(3)) + (2000 if int(dm.group(3)) < 70 else 1900)
            end = dm.end()
        else:
            names, _ = _month_names(languages)
            if not names:
                return False
            words = re.findall(rf"[^\W\d_]+\.?|\d+(?:st|nd|rd|th|er|{_IZAFE}|\.)?", s)
            month_at = next((i for i, w in enumerate(words) if w.rstrip(".") in names), None)
            if month_at is None:
                found = _spelt_month(s, languages)
                if found is None:
                    return False
                words, month_at, mo = found
            else:
                mo = names[words[month_at].rstrip(".")]
            nums = [(i, int(re.sub(r"\D", "", w))) for i, w in enumerate(words)
                    if re.match(r"\d", w)]
            years = [n for i, n in nums if 1000 <= n <= 2999]
            days = [n for i, n in nums if 1 <= n <= 31 and abs(i - month_at) == 1]
            if not years or not days:
                return False
            y, d = years[0], days[0]
            ym = re.search(str(y), s)
            end = ym.end() if ym else 0
    try:
        dt = datetime(y, mo, d)
    except (TypeError, ValueError):
        return None
    if not _plausible(dt):
        return None
    rest = s[end:]
    tm = _TIME.search(rest)
    has_time = tm is not None
    has_seconds = False
    if tm:
        hh, mi = int(tm.group(1)), int(tm.group(2))
        ampm = (tm.group(4) or "").replace(".", "").replace(" ", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        ss = int(tm.group(3)) if tm.group(3) else 0
        has_seconds = tm.group(3) is not None
        try:
            dt = dt.replace(hour=hh, minute=mi, second=ss)
        except ValueError:
            return None
        off = _OFFSET.search(rest[tm.end():])
        if off:
            if off.group("z"):
                dt = dt.replace(tzinfo=timezone.utc)
            else:
                sign = off.group("sign") or off.group("sign2")
                mins = int(off.group("h") or off.group("h2")) * 60 + int(off.group("m") or 0)
                dt = dt.replace(tzinfo=timezone(timedelta(minutes=mins if sign == "+" else -mins)))
    local = _local_iso(dt, has_time, has_seconds)
    utc = to_utc_iso(dt) if has_time and dt.tzinfo is not None else None
    if utc and local.endswith("+00:00"):
        local = local[:-6] + "Z"
    return When(utc, local)


def local_from(value: str | None) -> str | None:
    """The date/time a source states in its own local time ("2014-01-14 17:32:12"), as ISO."""
    w = when_from_machine(value) if value and not value.startswith("0000") else None
    return w.local if w else None


def out_of_range(value: str | None) -> bool:
    """A well-formed date a dataset cannot hold (year 0001, 9999): left empty, with a warning."""
    if not value or not isinstance(value, str):
        return False
    m = re.match(r"^\s*(\d{4})-\d{2}-\d{2}", value)
    return bool(m) and not value.startswith("0000") and not 1000 <= int(m.group(1)) <= 2200


def find_date_in_text(text: str, languages: tuple[str, ...] = ()) -> When | None:
    """The first full date (day, month, year) written in ``text``, with a time right after it."""
    found = find_date_span(text, languages)
    return found[0] if found else None


def find_date_span(text: str, languages: tuple[str, ...] = ()) -> tuple[When, int, int] | None:
    """The first full date written in ``text`` and where it is (start, end of the date)."""
    if not text or not _YEAR.search(text):
        return None
    names, _ = _month_names(languages)
    rx = _month_regexes(tuple(sorted(names, key=len, reverse=True)))
    best = None
    for pattern in (_NUMERIC_YMD, _NUMERIC, _CJK, *rx):
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    w = _fast_text_date(text[best.start(): best.end() + 24], languages)
    return (w, best.start(), best.end()) if w else None


@lru_cache(maxsize=64)
def _month_regexes(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    if not names:
        return ()
    alt = "|".join(re.escape(n) for n in names if len(n) >= 3)
    return (re.compile(r"(?<!\w)\d{1,2}\.?\s+(?:" + alt + r")\.?,?\s+(?:19|20)\d\d(?!\d)", re.I),
            re.compile(r"(?<!\w)(?:" + alt + r")\.?\s+\d{1,2}(?:st|nd|rd|th|er)?,?\s+(?:19|20)\d\d(?!\d)",
                       re.I))


def with_shown_local(machine: When, shown: When | None) -> When:
    """A machine time stated in UTC ("2024-09-11T22:37:48Z") with the local time the page shows
    for the same moment ("12. Sep 2024, 00:37"): the UTC instant, and the local time as written,
    so the local day is not lost. Kept as it is when the shown time is not that moment in some
    zone (more than 14 hours apart, or not on a quarter hour from it) or shows no time."""
    loc = machine.local or ""
    if not machine.utc or not shown or not shown.local or "T" not in shown.local \
            or not (loc.endswith(("Z", "+00:00")) or not loc) or shown.utc:
        return machine
    try:
        u = datetime.fromisoformat(machine.utc.replace("Z", "+00:00")).replace(tzinfo=None)
        s = datetime.fromisoformat(shown.local[:16])
    except ValueError:
        return machine
    minutes = (s - u.replace(second=0)).total_seconds() / 60
    if minutes == 0 or abs(minutes) > 14 * 60 or minutes % 15:
        return machine
    return When(machine.utc, shown.local)



_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=64)
def _weekday_numbers(languages: tuple[str, ...]) -> dict[str, int]:
    """Weekday name (and abbreviation) -> 0 (Monday) .. 6, in the page's languages and English."""
    out: dict[str, int] = {}
    try:
        from dateparser.languages.loader import default_loader
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return out
    for lang in dict.fromkeys(tuple(x.split("-")[0] for x in languages) + ("en",)):
        try:
            info = default_loader.get_locale(lang).info
        except (KeyError, ValueError, AttributeError):
            continue
        for n, day in enumerate(_WEEKDAYS):
            for name in info.get(day, []):
                key = name.lower().rstrip(".")
                if len(key) >= 2:
                    out.setdefault(key, n)
    return out


@lru_cache(maxsize=64)
def _yearless_regex(languages: tuple[str, ...]) -> re.Pattern[str] | None:
    """"March 3 at 4:12 pm", "Mar 3rd, 16:12", "3. März um 12:40", "3 mars à 16h12": a day and a
    month name (and a time) with no year, as comment widgets print dates of the current year."""
    names = sorted((n for n in _month_names(languages)[0] if len(n) >= 3), key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    time = (r"(?:\s*,?\s*(?:at|um|à|a las|alle|om|kl\.?|o|@|-)?\s*"
            r"(?:(?P<hh>\d{1,2})\s*[:h.]\s*(?P<mi>\d{2})(?:\s*(?P<ap>[ap])\.?\s?m\.?)?"
            r"|(?P<hh2>\d{1,2})\s*(?P<ap2>[ap])\.?\s?m\.?))?")
    return re.compile(rf"(?<!\w)(?:(?P<m1>{alt})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)|"
                      rf"(?P<d2>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<m2>{alt})\.?(?!\w)){time}",
                      re.I)


def yearless_tail(text: str, languages: tuple[str, ...] = ()) -> int | None:
    """Where a date written without a year ends ``text`` ("Ada Lee March 3 at 4:12 pm" -> 8),
    or None: the text has a year, or does not end in such a date."""
    if not text or _YEAR.search(text):
        return None
    rx = _yearless_regex(tuple(languages))
    if rx is None:
        return None
    for m in rx.finditer(text):
        if not text[m.end():].strip(" ,.;:)]–—-"):
            return m.start()
    return None


@dataclass(slots=True, frozen=True)
class Yearless:
    """A comment date shown without its year: month, day, the time as written, the weekday."""
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    weekday: int | None = None  # 0 = Monday, where the page names it


# Words that may stand around a yearless date in its element ("On Thursday, November 1 at 2:57
# pm", "Le 17 juillet à 22:09", "am 3. März um 12:40 Uhr").
_YEARLESS_WORDS = frozenset("on the le am den el il at um à a las alle om kl o posted uhr h de".split())


def yearless_date(text: str | None, languages: tuple[str, ...] = ()) -> Yearless | None:
    """A date element's text that is a day and month with no year (and perhaps a weekday and a
    time), else None: a text with a year, a relative age, or other words is not one."""
    if not text:
        return None
    t = ascii_digits(" ".join(text.split()))
    if not t or len(t) > 60 or _YEAR.search(t) or _RELATIVE.search(t) or "'" in t or "’" in t:
        return None  # "Nov 19 '20": a two-digit year
    rx = _yearless_regex(tuple(languages))
    m = rx.search(t) if rx is not None else None
    if m is None:
        return None
    rest = (t[:m.start()] + " " + t[m.end():]).lower()
    if re.search(r"\d", rest):
        return None
    days = _weekday_numbers(tuple(languages))
    weekday = None
    for w in re.findall(r"[^\W\d_]+", rest):
        if w in days:
            weekday = days[w]
        elif w not in _YEARLESS_WORDS:
            return None
    names = _month_names(tuple(languages))[0]
    month = names.get((m.group("m1") or m.group("m2")).lower().rstrip("."))
    day = int(m.group("d1") or m.group("d2"))
    if month is None or not 1 <= day <= 31:
        return None
    hh = m.group("hh") or m.group("hh2")
    hour = minute = None
    if hh is not None:
        hour, minute = int(hh), int(m.group("mi") or 0)
        ap = (m.group("ap") or m.group("ap2") or "").lower()
        if ap == "p" and hour < 12:
            hour += 12
        elif ap == "a" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
    return Yearless(month, day, hour, minute, weekday)


def place_year(shown: Yearless, post_local: str | None, until: str | None = None) -> str | None:
    """The local date/time of a yearless comment date, its year taken from the post's own date
    only where that leaves one choice; None otherwise (never a guessed year). A comment is not
    older than its post: the candidates are the days on or after the post's day, up to the
    capture date where it is known. One candidate is left when the capture date leaves only one,
    or when the weekday the page shows matches one of the five years from the post's (a month
    and day fall on five different weekdays in five consecutive years)."""
    if not post_local:
        return None
    from datetime import date
    try:
        start = date.fromisoformat(post_local[:10])
        last = date.fromisoformat(until[:10]) if until else None
    except ValueError:
        return None
    cands = []
    for year in range(start.year, start.year + 5):
        try:
            d = date(year, shown.month, shown.day)
        except ValueError:
            continue
        if d < start or (last is not None and d > last):
            continue
        cands.append(d)
    if shown.weekday is not None:
        cands = [d for d in cands if d.weekday() == shown.weekday]
    elif last is None:
        return None  # the post's year and the next are both possible
    if len(cands) != 1:
        return None
    d = cands[0]
    if shown.hour is None:
        return d.isoformat()
    return f"{d.isoformat()}T{shown.hour:02d}:{shown.minute or 0:02d}"
