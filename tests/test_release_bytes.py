"""Done-when of issue 9: a scan of every byte of a seeds release and of a samples release finds no
commenter name, handle, e-mail address, URL or snippet from the sources' identities.

The scan here is independent of the pipeline's own audit: it takes the identities straight from
the sources (the readers' raw comment identities for the samples; the hand-labelled commenter and
private-person mentions of tests/fixtures/person_mentions.json for the seed captures, which have
no author fields) and looks for them as plain strings in every file of the published release —
Parquet cells and footers, the card, Croissant, changelog, terms, manifest and the plots' bytes.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers_build import TEST_KEY, pipeline_build, write_manifest
from therapy_threads.anonymise.lexicon import lexicon
from therapy_threads.anonymise.patterns import find_emails, url_host
from therapy_threads.publish.release import publish
from therapy_threads.readers import SourceRef, detect_format, get_reader
from therapy_threads.validate import validate_build

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "samples"
SAMPLE_FILES = {
    "netzpolitik": "html/netzpolitik.org.abmahnungen.html", "muffin": "html/muffinrezept.net.grundrezept.html",
    "lemire": "html/lemire.me.json.html", "a11y": "wxr/a11y-unit-test-data.xml",
    "wxr10": "wxr/valid-wxr-1.0.xml", "isso-wxr": "wxr/isso-wordpress.xml", "isso-disqus": "disqus/isso-disqus.xml",
}
RESERVED = re.compile(r"(^|\.)(example(\.(com|org|net|tld))?|invalid|test|localhost)$")
SNIPPET_WORDS = 8


def _texts(path: Path) -> list[str]:
    """Everything a file publishes, as text: Parquet string cells and footer metadata, or the
    file's bytes decoded (binary files as Latin-1, so every byte is looked at)."""
    if path.suffix == ".parquet":
        pf = pq.ParquetFile(path)
        out = [f"{k!r}{v!r}" for k, v in (pf.metadata.metadata or {}).items()]
        t = pf.read()
        for col in t.columns:
            if pa.types.is_string(col.type):
                out += [v for v in col.to_pylist() if v]
        return out
    data = path.read_bytes()
    try:
        return [data.decode("utf-8")]
    except UnicodeDecodeError:
        return [data.decode("latin-1")]


def _release(tmp: Path, manifest: Path, allow_failed: bool = False) -> tuple[Path, Path]:
    build = tmp / "build"
    pipeline_build(manifest, build, allow_failed_sources=allow_failed)
    s = validate_build(build, TEST_KEY, data_docs=False)
    assert s.success, [f.message for f in s.failures]
    res = publish(build, "1.0.0", tmp / "reg", key=TEST_KEY, sources_manifest=manifest)
    return build, res.path


def _word_re(s: str, case: bool) -> re.Pattern[str]:
    return re.compile(r"(?<![\w@.])" + re.escape(s) + r"(?![\w@])", 0 if case else re.I)


def _scan(release: Path, needles: dict[str, re.Pattern[str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for p in sorted(release.rglob("*")):
        if not p.is_file():
            continue
        blob = "\n".join(_texts(p))
        for label, rx in needles.items():
            if rx.search(blob):
                found.setdefault(p.relative_to(release).as_posix(), []).append(label)
    return found


def _snippets(release: Path, build: Path) -> dict[str, int]:
    """8-word runs of published comment text that reappear in a non-table file of the release."""
    words = re.compile(r"\w+")
    shingles: set[tuple[str, ...]] = set()
    for text in pq.read_table(build / "comments.parquet", columns=["text"]).column("text").to_pylist():
        ws = words.findall((text or "").lower())
        shingles.update(tuple(ws[i:i + SNIPPET_WORDS]) for i in range(len(ws) - SNIPPET_WORDS + 1))
    out = {}
    for p in sorted(release.rglob("*")):
        if p.is_file() and p.suffix != ".parquet":
            ws = words.findall("\n".join(_texts(p)).lower())
            n = sum(tuple(ws[i:i + SNIPPET_WORDS]) in shingles for i in range(len(ws) - SNIPPET_WORDS + 1))
            if n:
                out[p.relative_to(release).as_posix()] = n
    return out


def _masked(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {f: sorted({x[0] + "*" * min(8, len(x) - 1) for x in v}) for f, v in found.items()}


# ------------------------------------------------------------------ seeds

@pytest.fixture(scope="module")
def seeds_release(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds-release")
    src = tmp / "sources"
    shutil.copytree(ROOT / "seeds", src)
    return _release(tmp, src / "sources.toml")


def test_no_seed_commenter_or_private_name_url_or_snippet_in_any_byte_of_the_seeds_release(seeds_release):
    build, release = seeds_release
    labels = json.loads((ROOT / "tests" / "fixtures" / "person_mentions.json").read_text())["mentions"]
    names = {m["surface"] for m in labels if m["kind"] in ("commenter", "private")}
    needles = {n: _word_re(n, case=len(n) <= 3) for n in names}  # "AG", "Jo": as written
    found = _scan(release, needles)
    print(f"seeds release: {sum(1 for p in release.rglob('*') if p.is_file())} files, "
          f"{len(needles)} labelled commenter/private names looked for, found: {_masked(found)}")
    assert found == {}, _masked(found)
    emails = [e for p in release.rglob("*") if p.is_file() for t in _texts(p) for e in
              (t[a:b] for a, b in find_emails(t)) if not RESERVED.search(e.rpartition("@")[2].lower())]
    assert emails == []
    assert _snippets(release, build) == {}


# ------------------------------------------------------------------ samples

def _sample_identities() -> tuple[set[str], set[str], set[str], set[str]]:
    """(e-mail addresses, website hosts, display names, public bylines) of the samples' commenters;
    the post authors' own identities (public bylines) are left out."""
    emails, hosts, names, bylines = set(), set(), set(), set()
    for sid, rel in SAMPLE_FILES.items():
        data = (SAMPLES / rel).read_bytes()
        r = get_reader(detect_format(data, rel)).read(data, SourceRef(sid, rel))
        own = {url_host(p.url) for p in r.posts if p.url}
        bylines |= {p.author for p in r.posts if p.author}
        for c in r.comments:
            ident = c.identity
            if ident is None or c.is_post_author:
                continue
            if ident.email and not RESERVED.search(ident.email.rpartition("@")[2].lower()):
                emails.add(ident.email)
            if ident.url:
                h = url_host(ident.url).split(":")[0]
                if "." in h and not RESERVED.search(h) and h not in own:
                    hosts.add(h)
            if ident.name:
                names.add(" ".join(ident.name.split()))
    return emails, hosts, names, bylines


def _distinctive(name: str, public_words: set[str]) -> bool:
    """A one-word name that can only be the person: no ordinary word in any lexicon language, not
    part of a public byline, three letters or more."""
    w = name.casefold()
    lex = lexicon()
    return (len(w) >= 3 and w.isalpha() and lex.rank(w) is None and not lex.ordinary_in(w)
            and w not in public_words)


@pytest.fixture(scope="module")
def samples_release(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("samples-release")
    manifest = write_manifest(tmp / "sources.toml", {sid: str(SAMPLES / rel) for sid, rel in SAMPLE_FILES.items()})
    return _release(tmp, manifest)


def test_no_sample_commenter_identity_or_snippet_in_any_byte_of_the_samples_release(samples_release):
    build, release = samples_release
    emails, hosts, names, bylines = _sample_identities()
    public = {w.casefold() for b in bylines for w in b.split()}
    needles = {e: re.compile(re.escape(e), re.I) for e in emails}
    needles |= {h: _word_re(h, case=False) for h in hosts}
    multi = {n for n in names if " " in n}
    single = {n for n in names if " " not in n and _distinctive(n, public)}
    needles |= {n: _word_re(n, case=False) for n in multi | single}
    found = _scan(release, needles)
    print(f"samples release: {len(emails)} e-mail addresses, {len(hosts)} sites, {len(multi)} full names and "
          f"{len(single)} distinctive one-word handles looked for; found: {_masked(found)}")
    assert found == {}, _masked(found)
    assert _snippets(release, build) == {}
