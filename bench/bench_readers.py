"""Benchmarks for the HTML reader: post bodies, post metadata, comment threads, speed.

    python bench/bench_readers.py aeb --benchmark PATH/article-extraction-benchmark
    python bench/bench_readers.py metadata --trafilatura-tests PATH/trafilatura/tests
    python bench/bench_readers.py corpus --pages PATH/readers-pages [--split dev|heldout|heldout2|...|heldout38[,...]]
        [--leave-system-out | --without-system NAME[,NAME]] [--verbose]
    python bench/bench_readers.py comment-dates --pages PATH/readers-pages [--split dev] [--verbose]
    python bench/bench_readers.py memory

``aeb`` scores post bodies on scrapinghub's article-extraction benchmark (181 real pages) with
the benchmark's own ``evaluate.py`` (imported from the checkout you give: 4-gram shingles per
page, F1 = harmonic mean of mean precision and mean recall), for this reader and for
trafilatura called directly, and times both (pages per second, one process). ``metadata``
compares titles, authors and dates with trafilatura on trafilatura's own evaluation set
(``tests/evaldata.json``: exact title, exact author, same day; a date on a page whose gold has
none counts as invented; ``--half tune|check`` keeps a third of the pages, chosen by a hash of
the URL, out of tuning, and ``--listing`` writes every author/date disagreement).
``comment-dates`` compares comment days with the corpus gold's shown dates. ``corpus`` runs the
comment-thread scoring of ``therapy_threads.readers.corpus_eval`` on a folder of pages whose gold lives in
``bench/readers_eval/gold/`` (the pages are public, but only their gold is committed: see
``bench/readers_eval/README.md`` for where each page comes from). Nothing here downloads
anything; the benchmark data is never copied into this repository.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import re
import resource
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from therapy_threads.readers import SourceRef, get_reader  # noqa: E402

GOLD = ROOT / "bench" / "readers_eval" / "gold"


def _load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _aeb_pages(bench: Path):
    gt = json.loads((bench / "ground-truth.json").read_text())
    for key in gt:
        yield key, gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())


def cmd_aeb(args) -> dict:
    bench = Path(args.benchmark)
    ev = _load_module(bench / "evaluate.py", "aeb_evaluate")
    gt = json.loads((bench / "ground-truth.json").read_text())
    pages = list(_aeb_pages(bench))
    reader = get_reader("html")
    import trafilatura

    out = {}
    runs = {
        "therapy-threads": lambda key, raw: _our_body(reader, key, raw),
        "trafilatura (defaults)": lambda key, raw: trafilatura.extract(
            raw.decode("utf-8", "replace")) or "",
        "trafilatura (no comments, precision)": lambda key, raw: trafilatura.extract(
            raw.decode("utf-8", "replace"), include_comments=False, favor_precision=True) or "",
    }
    for name, fn in runs.items():
        fn(*pages[0])  # warm up imports outside the clock
        t0 = time.perf_counter()
        pred = {key: {"articleBody": fn(key, raw)} for key, raw in pages}
        secs = time.perf_counter() - t0
        m = ev.evaluate(gt, pred, args.bootstrap)
        empty = sum(1 for v in pred.values() if not v["articleBody"].strip())
        out[name] = {"f1": round(m["f1"], 4), "precision": round(m["precision"], 4),
                     "recall": round(m["recall"], 4), "f1_std": round(m.get("f1_std", 0), 4),
                     "empty": empty, "pages": len(pages),
                     "pages_per_second": round(len(pages) / secs, 1)}
        print(f"{name:40} F1 {m['f1']:.4f} (P {m['precision']:.4f} R {m['recall']:.4f}) "
              f"empty {empty:3}  {len(pages) / secs:6.1f} pages/s")
    return out


def _our_body(reader, key: str, raw: bytes) -> str:
    r = reader.read(raw, SourceRef(key[:12], key + ".html"))
    return r.posts[0].body if r.posts else ""


def _norm(s) -> str:
    return " ".join((s or "").split()).strip()


def _stated_by_page(raw: bytes, url: str, day: str) -> bool:
    """Whether the page states ``day`` as its publication in machine markup (publication meta
    tags, JSON-LD datePublished, time.published...) or in its permalink: a date such a page
    gives is the publisher's statement, whatever a label set says; any other is a guess."""
    from therapy_threads.readers.comments.dom import Attrs
    from therapy_threads.readers.html_post import date_in_url, stated_publications
    from therapy_threads.readers.html_text import decode_html, parse_html

    root = parse_html(decode_html(raw)[0] if isinstance(raw, bytes) else raw).root
    days = {(w.local or "")[:10] for w in stated_publications(root, Attrs())}
    w = date_in_url(url)
    if w:
        days.add((w.local or "")[:10])
    return day in days


def metadata_half(url: str) -> str:
    """'check' for a third of trafilatura's eval pages chosen by a hash of the URL, else 'tune':
    metadata rules are tuned on 'tune' only, and 'check' tells whether a rule carries over."""
    return "check" if hashlib.sha1(url.encode("utf-8")).digest()[0] % 3 == 0 else "tune"


def cmd_metadata(args) -> dict:
    tests = Path(args.trafilatura_tests)
    eval_common = _load_module(tests / "eval_common.py", "traf_eval_common")
    data = eval_common.load_evaldata(str(tests))
    from trafilatura import bare_extraction

    reader = get_reader("html")
    counts = {who: {"title": 0, "author": 0, "date_same_day": 0, "date_invented": 0,
                    "date_found": 0, "pages": 0, "pages_without_date": 0, "date_stated_undated": 0}
              for who in ("therapy-threads", "trafilatura")}
    secs = {"therapy-threads": 0.0, "trafilatura": 0.0}
    half = getattr(args, "half", "all")
    cache_path = Path(args.trafilatura_cache) if getattr(args, "trafilatura_cache", None) else None
    cache = json.loads(cache_path.read_text()) if cache_path and cache_path.exists() else {}
    cached = bool(cache)
    listing = open(args.listing, "w", encoding="utf-8") if getattr(args, "listing", None) else None
    for url, item in data.items():
        if not item.get("file") or "date" not in item:
            continue
        if half != "all" and metadata_half(url) != half:
            continue
        raw = eval_common.read_document(str(tests), item["file"])
        if raw is None:
            continue
        gold_author = item.get("author") or ""
        if isinstance(gold_author, list):
            gold_author = "; ".join(gold_author)
        t0 = time.perf_counter()
        r = reader.read(raw, SourceRef("m", item["file"], url=url))
        secs["therapy-threads"] += time.perf_counter() - t0
        p = r.posts[0] if r.posts else None
        ours = {"title": p.title if p else "", "author": p.author if p else "",
                "date": (p.published_local or "")[:10] if p else ""}
        if url in cache:
            theirs = cache[url]
        else:
            t0 = time.perf_counter()
            try:
                d = bare_extraction(raw, url=url, output_format="python", with_metadata=True)
            except Exception:  # noqa: BLE001 - a crash counts as a miss
                d = None
            secs["trafilatura"] += time.perf_counter() - t0
            theirs = {"title": d.title if d else "", "author": d.author if d else "",
                      "date": (d.date or "")[:10] if d else ""}
            cache[url] = theirs
        if listing is not None:
            gold_day = (item.get("date") or "")[:10]
            wrong = [k for k, g in (("author", gold_author), ("date", gold_day))
                     if _norm(ours[k]) != _norm(g) or _norm(theirs[k]) != _norm(g)]
            if wrong:
                listing.write(json.dumps({
                    "url": url, "file": item["file"], "half": metadata_half(url), "wrong": wrong,
                    "gold": {"author": gold_author, "date": gold_day},
                    "ours": {"author": ours["author"], "date": ours["date"],
                             "local": p.published_local if p else None},
                    "trafilatura": {"author": theirs["author"], "date": theirs["date"]}},
                    ensure_ascii=False) + "\n")
        for who, got in (("therapy-threads", ours), ("trafilatura", theirs)):
            c = counts[who]
            c["pages"] += 1
            c["title"] += _norm(got["title"]) == _norm(item.get("title"))
            c["author"] += _norm(got["author"]) == _norm(gold_author)
            if item.get("date"):
                c["date_same_day"] += got["date"] == item["date"][:10]
                c["date_found"] += bool(got["date"])
            else:
                c["pages_without_date"] += 1
                c["date_invented"] += bool(got["date"])
                if got["date"] and _stated_by_page(raw, url, got["date"]):
                    c["date_stated_undated"] += 1
    if listing is not None:
        listing.close()
    if cache_path and not cached:
        cache_path.write_text(json.dumps(cache, ensure_ascii=False))
    out = {"half": half}
    for who, c in counts.items():
        n = c["pages"]
        dated = n - c["pages_without_date"]
        out[who] = {"pages": n, "title_exact": round(c["title"] / n, 4),
                    "author_exact": round(c["author"] / n, 4),
                    "date_same_day": round(c["date_same_day"] / dated, 4) if dated else None,
                    "date_on_undated_pages": round(c["date_invented"] / c["pages_without_date"], 4)
                    if c["pages_without_date"] else None,
                    # ... of which the page states that day in its publication markup or permalink
                    "date_on_undated_pages_stated": round(
                        c["date_stated_undated"] / c["pages_without_date"], 4)
                    if c["pages_without_date"] else None,
                    # of all dates given, the share that is the gold day
                    "date_precision": round(c["date_same_day"] / max(1, c["date_found"] + c["date_invented"]), 4),
                    "pages_per_second": round(n / secs[who], 1) if secs[who] else None}
        print(f"{who:16} title {out[who]['title_exact']:.3f}  author {out[who]['author_exact']:.3f}  "
              f"date same day {out[who]['date_same_day']:.3f}  date on undated pages "
              f"{out[who]['date_on_undated_pages']:.3f} ({c['pages_without_date']} pages; "
              f"{out[who]['date_on_undated_pages_stated']:.3f} stated by the page's publication "
              f"markup or permalink)  "
              f"date precision {out[who]['date_precision']:.3f}")
    return out


def _corpus_splits(args) -> tuple[str, ...]:
    if not args.split:
        return ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
    splits = tuple(x for x in args.split.split(",") if x)
    unknown = [x for x in splits if not (GOLD / x).is_dir()]
    if unknown:
        raise SystemExit(f"no gold for split(s) {', '.join(unknown)} under {GOLD}")
    return splits


def _gold_pages(pages: Path, split: str):
    for gold in sorted((GOLD / split).glob("*.gold.json")):
        page = pages / split / (gold.name[: -len(".gold.json")] + ".html")
        if not page.exists():
            print(f"missing page {page} (see bench/readers_eval/README.md)")
            continue
        yield page, gold


def cmd_corpus(args) -> dict:
    from therapy_threads.readers import corpus_eval as ce

    if args.leave_system_out:
        return _corpus_lso(args)
    pages = Path(args.pages)
    off = frozenset(x for x in (args.without_system or "").split(",") if x)
    out = {}
    for split in _corpus_splits(args):
        scores = [ce.score_page(page, split, gold_path=gold, systems_off=off)
                  for page, gold in _gold_pages(pages, split)]
        summary = ce.summarise(scores)
        out[split] = summary
        print(split, json.dumps(summary))
        for s in scores:
            if args.verbose:
                print(f"  {s.page}: gold {s.gold_count} read {s.count} {s.gold_depths} {s.depths} "
                      f"exact {s.exact} parents {s.pairs_correct}/{s.pairs_gold} (found "
                      f"{s.pairs_found}) matched {s.matched} author {s.author_ok}/{s.author_total} "
                      f"silent_zero {s.silent_zero} warn {s.warnings}"
                      + (f" removed {s.removed_ok}/{s.removed_gold} (read {s.removed_read})"
                         if s.removed_gold or s.removed_read else ""))
                for d in s.dirty[:3]:
                    print(f"      dirty {d}")
                if len(s.dirty) > 3:
                    print(f"      ... {len(s.dirty) - 3} more dirty")
            elif not s.exact or s.dirty or s.silent_zero:
                print(f"  {s.page}: gold {s.gold_count} read {s.count} {s.gold_depths} {s.depths} "
                      f"dirty {len(s.dirty)} silent_zero {s.silent_zero}")
    return out


def _corpus_lso(args) -> dict:
    """Leave-system-out: each page read normally, then without the named recogniser(s) that read
    its comments (``corpus_eval.leave_system_out``). Per split and pooled over the splits given:
    the normal figures, the held-out figures over all pages and over the pages that lost a
    reader, and one line per such page. Deterministic (no timings)."""
    from therapy_threads.readers import corpus_eval as ce

    pages = Path(args.pages)
    out: dict = {}
    pooled: dict[str, list] = {"normal": [], "lso": [], "lso_held_out": []}

    def report(name: str, normal: list, lso: list, held: list) -> dict:
        r = {"normal": ce.summarise_lso(normal), "lso": ce.summarise_lso(lso),
             "lso_held_out": ce.summarise_lso(held)}
        print(f"{name} normal {json.dumps(r['normal'])}")
        print(f"{name} leave-system-out {json.dumps(r['lso'])}")
        print(f"{name} leave-system-out, {len(held)} page(s) whose reader was left out "
              f"{json.dumps(r['lso_held_out'])}")
        return r

    for split in _corpus_splits(args):
        normal, lso, held, lines = [], [], [], []
        for page, gold in _gold_pages(pages, split):
            n, h, off = ce.leave_system_out(page, split, gold)
            normal.append(n)
            lso.append(h)
            if not off:
                continue
            held.append(h)
            if args.verbose or not h.exact or h.silent_loss or h.dirty:
                loss = " SILENT-LOSS" if h.silent_loss else ""
                lines.append(f"  {h.page}: without {','.join(off)} -> read by "
                             f"{','.join(h.systems) or '-'}; gold {h.gold_count} read {h.count} "
                             f"{h.gold_depths} {h.depths} exact {h.exact} parents "
                             f"{h.pairs_correct}/{h.pairs_gold} (found {h.pairs_found}) matched "
                             f"{h.matched} dirty {len(h.dirty)}{loss} warn {sorted(set(h.warnings))}")
        out[split] = report(split, normal, lso, held)
        for line in lines:
            print(line)
        pooled["normal"] += normal
        pooled["lso"] += lso
        pooled["lso_held_out"] += held
    if len(out) > 1:
        out["TOTAL"] = report("TOTAL", pooled["normal"], pooled["lso"], pooled["lso_held_out"])
    return out


_GOLD_RELATIVE = re.compile(r"\b(ago|vor|il y a|hace|geleden|sedan|temu|назад|önce)\b|前", re.I)


def _gold_day(date_text: str, languages: list[str]) -> str | None:
    """The day a gold ``date_text`` shows, read by dateparser on its own (not by our parser, which
    is what is being measured); None for relative ("3 weeks ago") or day-less texts."""
    import dateparser

    t = " ".join((date_text or "").split())
    if not t or _GOLD_RELATIVE.search(t) or not re.search(r"(?:19|20)\d\d|\d[./-]\d{1,2}[./-]\d\d", t):
        return None
    # Words around the date ("於", "Le 11 septembre 2018 à 12:57", "(22 juin 2018 @11h13)").
    t = re.sub(r"[()|@•·—–]|^\s*(?:於|发表于|am|le|vom|on|the)\b|\b(?:at|um|à|a las|alle|om|kl\.?)\b|"
               r"\bUhr\b", " ", t, flags=re.I)
    t = re.sub(r"(\d)h(\d\d)\b", r"\1:\2", t).strip(" ,.:-")
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    if re.search(r"\d\.\s?\d{1,2}\.\s?\d", t) or languages[0] != "en":
        settings["DATE_ORDER"] = "DMY"  # dots are day first; so is every language but US English
    languages = [lg.split("-")[0] for lg in languages]
    try:
        dt = dateparser.parse(t, languages=languages or None, settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        dt = None
    return dt.strftime("%Y-%m-%d") if dt else None


def _gold_month_day(date_text: str, languages: list[str]) -> str | None:
    """"MM-DD" of a gold ``date_text`` shown without a year ("On Thursday, November 1 at 2:57
    pm"), read by dateparser on its own; None for texts with a year, relative or unreadable."""
    import dateparser

    t = " ".join((date_text or "").split())
    if not t or _GOLD_RELATIVE.search(t) or re.search(r"(?:19|20)\d\d|'\d\d|\d[./-]\d{1,2}[./-]\d\d", t):
        return None
    t = re.sub(r"[()|@•·—–]|^\s*(?:於|发表于|am|le|vom|on|the)\b|\b(?:at|um|à|a las|alle|om|kl\.?)\b|"
               r"\bUhr\b", " ", t, flags=re.I).strip(" ,.:-")
    if not re.search(r"[^\W\d_]{3}", t) or not re.search(r"\d", t):
        return None  # a month name and a day
    days = set()
    # Read against two different "now"s: a date shown without its year names the same month and
    # day both times; a relative one ("pred 2 hodiny", "сегодня в 11:49") does not.
    for base in (datetime(2001, 6, 15, 12), datetime(2003, 2, 10, 12)):
        settings = {"REQUIRE_PARTS": ["day", "month"], "RETURN_AS_TIMEZONE_AWARE": False,
                    "RELATIVE_BASE": base}
        try:
            dt = dateparser.parse(t, languages=[lg.split("-")[0] for lg in languages] or None,
                                  settings=settings)
        except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
            dt = None
        if dt is None:
            return None
        days.add(dt.strftime("%m-%d"))
    return days.pop() if len(days) == 1 else None


def cmd_comment_dates(args) -> dict:
    """Same-day agreement of comment dates with the gold ``date_text`` on the reader corpus:
    a comment's day is its local date as written (``published_local``), else the day of
    ``published_at``; gold dates dateparser cannot read on its own are left out."""
    from therapy_threads.readers import corpus_eval as ce

    pages = Path(args.pages)
    splits = (args.split,) if args.split else tuple(sorted(p.name for p in GOLD.iterdir() if p.is_dir()))
    out = {}
    for split in splits:
        c = {"gold_dated": 0, "matched": 0, "same_day": 0, "no_date": 0, "utc_only": 0,
             "wrong_day": 0, "unreadable_gold": 0,
             # Gold dates shown without a year: the reader places the year only where the post's
             # date leaves one choice (else it keeps the text as shown, published_age).
             "yearless_gold": 0, "yearless_placed": 0, "yearless_placed_same_month_day": 0,
             "yearless_kept_as_shown": 0}
        for gold_path in sorted((GOLD / split).glob("*.gold.json")):
            page = pages / split / (gold_path.name[: -len(".gold.json")] + ".html")
            if not page.exists():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            result = get_reader("html").read(page.read_bytes(), SourceRef(page.stem, page.name))
            comments = sorted(result.comments, key=lambda x: x.position)
            mapping = ce._match(gold["comments"], [x.text for x in comments])
            m = re.search(rb"<html[^>]*\slang=[\"']?([a-zA-Z]{2})(?:[-_]([a-zA-Z]{2}))?",
                          page.read_bytes()[:5000])
            langs = list(dict.fromkeys(([m.group(1).decode().lower()] if m else []) + ["en"]))
            if m and m.group(2) and m.group(2).decode().upper() not in ("US", "CA", "PH"):
                langs[0] += "-dmy"  # English outside North America writes the day first
            for gi, g in enumerate(gold["comments"]):
                if not g.get("date_text"):
                    continue
                day = _gold_day(g["date_text"], langs)
                if day is None:
                    c["unreadable_gold"] += 1
                    md = _gold_month_day(g["date_text"], langs)
                    if md is not None and gi in mapping:
                        rc = comments[mapping[gi]]
                        c["yearless_gold"] += 1
                        if rc.published_local:
                            c["yearless_placed"] += 1
                            c["yearless_placed_same_month_day"] += rc.published_local[5:10] == md
                            if args.verbose and rc.published_local[5:10] != md:
                                print(f"  {split}/{page.name}: yearless gold {g['date_text']!r} -> "
                                      f"{md}; read local {rc.published_local}")
                        elif rc.published_age:
                            c["yearless_kept_as_shown"] += 1
                    continue
                c["gold_dated"] += 1
                if gi not in mapping:
                    continue
                rc = comments[mapping[gi]]
                c["matched"] += 1
                got = (rc.published_local or "")[:10] or (rc.published_at or "")[:10]
                c["utc_only"] += bool(not rc.published_local and rc.published_at)
                if got == day:
                    c["same_day"] += 1
                    continue
                c["no_date" if not got else "wrong_day"] += 1
                if args.verbose:
                    print(f"  {split}/{page.name}: gold {g['date_text']!r} -> {day}; read "
                          f"local {rc.published_local} utc {rc.published_at} age {rc.published_age}")
        c["same_day_share"] = round(c["same_day"] / c["matched"], 4) if c["matched"] else None
        out[split] = c
        print(split, json.dumps(c))
    return out


def cmd_memory(args) -> dict:
    """Peak memory and time of the reader on synthetic pages, each in a fresh process."""
    import subprocess

    out = {}
    for kind, n in (("flat", 10_000), ("flat", 50_000), ("nested", 10_000), ("nested", 100_000)):
        res = subprocess.run([sys.executable, __file__, "_memory_child", kind, str(n)],
                             capture_output=True, text=True, check=True)
        out[f"{kind}-{n}"] = json.loads(res.stdout.strip().splitlines()[-1])
        print(kind, n, out[f"{kind}-{n}"])
    return out


def _synthetic_page(kind: str, n: int) -> bytes:
    head = ('<html lang="en"><body><article><h1 class="entry-title">A post</h1><div '
            'class="entry-content"><p>Body text of the post.</p></div></article><div id="comments">'
            '<ol class="comment-list">')
    item = ('<li id="comment-{i}" class="comment depth-1"><article class="comment-body"><footer '
            'class="comment-meta"><b class="fn">Reader {a}</b><time datetime="2020-01-01T10:00:00'
            '+01:00">1 January 2020</time></footer><div class="comment-content"><p>Comment {i} '
            'with a few ordinary words in it.</p></div><div class="reply"><a class="comment-reply'
            '-link">Reply</a></div></article>')
    parts = [head]
    for i in range(1, n + 1):
        parts.append(item.format(i=i, a=i % 300))
        parts.append('<ul class="children">' if kind == "nested" else "</li>")
    if kind == "nested":
        parts.append("</ul></li>" * n)
    parts.append("</ol></div></body></html>")
    return "".join(parts).encode()


def _memory_child(kind: str, n: int) -> None:
    import therapy_threads.readers.html_page  # noqa: F401 - imports outside the measurement
    import trafilatura  # noqa: F401

    data = _synthetic_page(kind, n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    r = get_reader("html").read(data, SourceRef("m", "m.html"))
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"input_mb": round(len(data) / 2**20, 1), "seconds": round(secs, 1),
                      "peak_mb_above_start": round((peak - base) / 1024, 1),
                      "comments": len(r.comments), "quarantined": len(r.quarantine),
                      "skipped": sum(r.skipped.values())}))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_memory_child":
        _memory_child(argv[1], int(argv[2]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("aeb", help="post bodies on the article-extraction benchmark")
    a.add_argument("--benchmark", required=True, help="checkout of scrapinghub/article-extraction-benchmark")
    a.add_argument("--bootstrap", type=int, default=200)
    m = sub.add_parser("metadata", help="title/author/date against trafilatura on its eval set")
    m.add_argument("--trafilatura-tests", required=True, help="a trafilatura checkout's tests/ folder")
    m.add_argument("--half", choices=("all", "tune", "check"), default="all",
                   help="the pages of one half (by a hash of the URL): tune on 'tune', report 'check'")
    m.add_argument("--listing", help="write one JSON line per page where an author or date "
                   "disagrees with the gold (ours or trafilatura's)")
    m.add_argument("--trafilatura-cache", help="JSON file of trafilatura's results: written when "
                   "absent, read (and trafilatura not run or timed) when present")
    c = sub.add_parser("corpus", help="comment threads on the reader corpus")
    c.add_argument("--pages", required=True, help="folder with dev/ and heldout/ pages")
    c.add_argument("--split", help="a split under bench/readers_eval/gold (dev, heldout, heldout2, ...), "
                   "or several joined by commas")
    c.add_argument("--verbose", action="store_true", help="one line per page (and its dirty comments)")
    c.add_argument("--leave-system-out", action="store_true",
                   help="read each page again without the named recogniser(s) that read its comments "
                   "(the fallbacks stay) and report both: how the reader does on a system it has no "
                   "reader for (count recall, parent F1, text recall, silent losses)")
    c.add_argument("--without-system", help="recogniser name(s), comma-separated, left out of every "
                   "page's reading (e.g. wordpress,disqus)")
    cd = sub.add_parser("comment-dates", help="comment dates against the corpus gold's date_text")
    cd.add_argument("--pages", required=True, help="folder with one sub-folder of pages per split")
    cd.add_argument("--split")
    cd.add_argument("--verbose", action="store_true", help="one line per comment whose day differs")
    sub.add_parser("memory", help="peak memory on synthetic flat and nested threads")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)
    result = {"aeb": cmd_aeb, "metadata": cmd_metadata, "corpus": cmd_corpus,
              "comment-dates": cmd_comment_dates,
              "memory": cmd_memory}[args.cmd](args)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
