"""Fuzz targets: one per reader (mutations of real samples, by Hypothesis), and the parsers of
data from elsewhere (source manifests, release manifests, registry indexes).

Properties:
- a reader never raises on any bytes: it returns a ReadResult (errors are issues);
- what it returns is a forest: unique ids, parents inside the same post, depth = parent + 1,
  root and path consistent, no cycles;
- the records convert to the published Arrow tables (what the build writes).
- manifest parsers only ever raise UserError (one line at the CLI), never anything else.

CI runs a fixed, derandomised set (``THERAPY_THREADS_FUZZ_EXAMPLES``, default 25 per target) so
the suite stays fast and deterministic; ``make fuzz`` runs thousands of random ones and keeps
failing examples in ``.hypothesis/`` to replay.
"""
from __future__ import annotations

import io
import json
import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads.readers import SourceRef, get_reader

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FUZZ = os.environ.get("THERAPY_THREADS_FUZZ") == "1"
EXAMPLES = int(os.environ.get("THERAPY_THREADS_FUZZ_EXAMPLES", "2000" if FUZZ else "25"))
# In a long run one input taking a minute is a finding (quadratic nesting, a hang); CI runs on
# shared machines, so it sets no per-example deadline.
FUZZ_SETTINGS = settings(max_examples=EXAMPLES, deadline=60_000 if FUZZ else None,
                         derandomize=not FUZZ,
                         database=None if not FUZZ else settings.default.database,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                HealthCheck.large_base_example,
                                                HealthCheck.filter_too_much])

# Sample groups and the format names that read them (the first name the registry knows:
# the html reader has been renamed over time).
SAMPLES = {
    "text_capture": ["text/*.txt", "text/*.bin", "../../seeds/*.txt"],
    "html": ["samples/html/*.html", "samples/malformed/*.html"],
    "wxr": ["samples/wxr/*.xml", "samples/malformed/wxr-*.xml"],
    "disqus": ["samples/disqus/*.xml", "samples/malformed/disqus-*.xml"],
    "wp_rest": ["wp_rest/bundle.json"],
}
FORMAT_NAMES = {"html": ("html", "wordpress_html")}


@lru_cache(maxsize=None)
def reader_format(group: str) -> str:
    from therapy_threads.readers import formats

    known = set(formats())
    for name in FORMAT_NAMES.get(group, (group,)):
        if name in known:
            return name
    raise AssertionError(f"no reader for {group}; known: {sorted(known)}")


MAX_SAMPLE = 256 * 1024  # mutations of the first 256 KB keep every example quick

# Hostile fragments the campaign used: entity tricks, surrogates, odd dates, nesting, encodings.
TOKENS = [
    b"&#xD800;", b"&#xD83D;&#xDE0A;", b"&#0;", b"&#x110000;", b"&amp;amp;", b"<![CDATA[", b"]]>",
    b"0001-01-01", b"0000-00-00T00:00:00", b"9999-12-31T23:59:59Z", b"-0001-01-01",
    b"<ul><li>" * 50, b"</li></ul>" * 50, b"<ol>", b"</div>" * 20, b"\x00", b"\xff\xfe",
    b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"<wp:comment_parent>1</wp:comment_parent>", b"<wp:comment_parent>-5</wp:comment_parent>",
    b"<wp:comment_id>1</wp:comment_id>", b'parent="1"', b'"parent": 1', b'"parent": "x"',
    b'"id": null', b"1.", b"  2.", b"Reply", b"says:", b"\r", "\u2028".encode(),
    b"<li class=\"comment\" id=\"comment-1\">", b"9" * 40, b"{", b"}", b"[", b"]",
]


@lru_cache(maxsize=None)
def samples(fmt: str) -> tuple[bytes, ...]:
    out = []
    for pattern in SAMPLES[fmt]:
        for p in sorted(FIXTURES.glob(pattern)):
            out.append(p.read_bytes()[:MAX_SAMPLE])
    assert out, fmt
    return tuple(out)


DATE = re.compile(rb"\d{4}-\d{2}-\d{2}")
HOSTILE_DATES = [b"0001-01-01", b"0999-12-31", b"0000-00-00", b"9999-12-31", b"2024-02-30",
                 b"1970-01-01", b"+10000-01-01", b"2024-13-45"]
ENTITY_SITE = re.compile(rb">[^<>&]{1,40}<")


def _apply(data: bytes, op: tuple) -> bytes:
    kind, a, b, extra = op
    n = len(data)
    if kind == "date":  # a field-level fault: one date out of range or impossible
        dates = list(DATE.finditer(data))
        if dates:
            m = dates[extra % len(dates)]
            return data[:m.start()] + HOSTILE_DATES[a % len(HOSTILE_DATES)] + data[m.end():]
    if kind == "entity":  # a field-level fault: a lone surrogate or odd reference in some text
        sites = list(ENTITY_SITE.finditer(data[:200_000]))
        if sites:
            m = sites[extra % len(sites)]
            tok = [b"&#xD800;", b"&#xDE0A;", b"&#xD83D;&#xDE0A;", b"&#0;", b"&#x1;", b"\xed\xa0\x80"]
            return data[:m.start() + 1] + tok[a % len(tok)] + data[m.start() + 1:]
    i, j = (a * n) // 1000, (b * n) // 1000
    i, j = min(i, j), max(i, j)
    if kind == "flip" and n:
        k = min(i, n - 1)
        return data[:k] + bytes([data[k] ^ (1 + extra % 255)]) + data[k + 1:]
    if kind == "delete":
        return data[:i] + data[j:]
    if kind == "duplicate":
        return data[:j] + data[i:j] + data[j:]
    if kind == "insert":
        return data[:i] + TOKENS[extra % len(TOKENS)] * (1 + b % 3) + data[i:]
    if kind == "truncate":
        return data[:i]
    if kind == "swap":
        return data[i:j] + data[:i] + data[j:]
    return data


_ops = st.tuples(st.sampled_from(["flip", "delete", "duplicate", "insert", "insert", "truncate",
                                  "swap", "date", "date", "entity", "entity"]),
                 st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 10_000))


def mutated(fmt: str):
    """(sample number, mutations, re-encoding) of a real sample of ``fmt``: the falsifying
    example Hypothesis prints is short and replays with :func:`build_input`."""
    return st.tuples(st.integers(0, len(samples(fmt)) - 1), st.lists(_ops, max_size=6),
                     st.sampled_from([None, None, None, "utf-16", "utf-32", "latin-1"]))


def build_input(fmt: str, recipe) -> bytes:
    index, ops, encoding = recipe
    data = samples(fmt)[index]
    for op in ops:
        data = _apply(data, op)
    if encoding:
        data = data.decode("utf-8", errors="replace").encode(encoding, errors="replace")
    return data


def check_result(group: str, data: bytes) -> None:
    _check_result(group, data)


def _check_result(group: str, data: bytes) -> None:
    from therapy_threads.pipeline import records_table, write_table

    fmt = reader_format(group)
    ref = SourceRef(source_id="fuzz", location=f"fuzz.{fmt}", format=fmt)
    result = get_reader(fmt).read(data, ref)  # must not raise
    crashed = [i.message for i in result.issues if i.code in ("reader_crashed", "reader_crash")]
    assert not crashed, crashed[0]  # a crash caught inside the reader still loses the source
    check_forest(result)
    for table, rows in (("posts", result.posts), ("comments", result.comments),
                        ("quarantine", result.quarantine)):
        write_table(records_table(table, rows), io.BytesIO())  # what the build writes


def check_forest(result) -> None:
    by_id = {}
    for c in result.comments:
        assert c.comment_id not in by_id, f"duplicate comment id {c.comment_id}"
        by_id[c.comment_id] = c
    posts = {p.post_id for p in result.posts}
    for c in result.comments:
        assert c.post_id in posts, "comment of an unknown post"
        if c.parent_id is None:
            assert c.depth == 0 and c.root_id == c.comment_id
        else:
            parent = by_id.get(c.parent_id)
            assert parent is not None, "parent not published"
            assert parent.post_id == c.post_id, "parent in another post"
            assert c.depth == parent.depth + 1, "depth is not parent + 1"
            assert c.root_id == parent.root_id
        assert c.path.split("/")[-1] == c.comment_id and len(c.path.split("/")) == c.depth + 1


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_reader_on_mutated_samples(fmt):
    @FUZZ_SETTINGS
    @given(mutated(fmt))
    def run(recipe) -> None:
        check_result(fmt, build_input(fmt, recipe))
    run()


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_reader_on_arbitrary_bytes(fmt):
    @FUZZ_SETTINGS
    @given(st.binary(max_size=4096) | st.text(max_size=2000).map(lambda s: s.encode("utf-8",
                                                                                    "surrogatepass")))
    def run(data: bytes) -> None:
        check_result(fmt, data)
    run()


def test_reader_samples_unmutated():
    for fmt in SAMPLES:
        for data in samples(fmt):
            _check_result(fmt, data)


# The reader faults this fuzzing found before issue 12's fixes landed, kept as regressions: a
# date before year 1000 failed the Parquet write, a lone surrogate crashed the XML readers
# (each lost the whole source).
@pytest.mark.parametrize("group", ["wxr", "disqus", "html", "wp_rest"])
def test_a_date_before_year_1000_does_not_lose_the_source(group):
    _check_result(group, DATE.sub(b"0001-01-01", samples(group)[0]))


@pytest.mark.parametrize("token", [b"&#xD800;", b"&#xD83D;&#xDE0A;", b"\xed\xa0\x80"])
def test_a_surrogate_in_wxr_does_not_lose_the_source(token):
    data = samples("wxr")[0].replace(b"<title>", b"<title>" + token, 1)
    _check_result("wxr", data)


# ------------------------------------------------------------------ data from elsewhere

_toml_scalar = (st.text(max_size=20) | st.integers() | st.booleans() | st.floats(allow_nan=False)
                | st.lists(st.text(max_size=8), max_size=3))
_entry = st.dictionaries(st.sampled_from(["id", "location", "format", "site", "url", "retrieved",
                                          "licence", "include", "note", "colour"]),
                         _toml_scalar | st.dictionaries(st.sampled_from(["keywords", "tags", "x"]),
                                                        _toml_scalar, max_size=2), max_size=6)


def _toml(entries: list[dict], roots) -> str:
    def val(v):
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k} = {val(x)}" for k, x in v.items()) + "}"
        return json.dumps(v, ensure_ascii=True) if not isinstance(v, bool) else str(v).lower()
    head = f"roots = {val(roots)}\n" if roots is not None else ""
    return head + "".join("[[source]]\n" + "".join(f"{k} = {val(v)}\n" for k, v in e.items())
                          for e in entries)


@FUZZ_SETTINGS
@given(st.lists(_entry, max_size=4), st.none() | _toml_scalar)
def test_source_manifest_parser_only_raises_user_errors(tmp_path_factory, entries, roots):
    from therapy_threads.errors import UserError
    from therapy_threads.manifest import read_manifest

    d = tmp_path_factory.mktemp("m")
    text = _toml(entries, roots)
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    (d / "sources.toml").write_text(text, encoding="utf-8")
    (d / "p.txt").write_text("A title\n\nA body.\n")
    try:
        m = read_manifest(d)
    except UserError:
        return
    for ref in m.sources:  # whatever was accepted resolves inside the folder
        if not ref.location.startswith(("http://", "https://")):
            assert str(m.local_path(ref)).startswith(str(m.base))


_KEYS = st.sampled_from(["version", "files", "path", "bytes", "sha256", "tables", "rows",
                         "sources", "source_id", "releases", "latest", "manifest_sha256",
                         "features"])


def _containers(children):
    return st.lists(children, max_size=3) | st.dictionaries(_KEYS, children, max_size=5)


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12)
                     | st.floats(allow_nan=False), _containers, max_leaves=25)


@FUZZ_SETTINGS
@given(_json)
def test_release_manifest_and_index_checks_only_raise_malformed(doc):
    from therapy_threads.publish.manifest import (MalformedManifest, check_index,
                                                  check_release_manifest)

    for fn in (lambda d: check_release_manifest(d, "m", "fix", tables=True),
               lambda d: check_release_manifest(d, "m", "fix"), lambda d: check_index(d, "i", "fix")):
        try:
            fn(doc)
        except MalformedManifest:
            pass


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_wide_encoded_exports_are_read_like_utf8(encoding):
    """Found by fuzzing: a UTF-16 WXR with a surrogate reference crashed the reader, because the
    byte-level repairs (and the entity-declaration check) could not see UTF-16 text."""
    data = samples("wxr")[0].replace(b"<title>", b"<title>&#xD800;", 1)
    utf8 = get_reader("wxr").read(data, SourceRef("a", "a.xml", format="wxr"))
    wide = get_reader("wxr").read(data.decode("utf-8").encode(encoding),
                                  SourceRef("a", "a.xml", format="wxr"))
    assert not [i for i in wide.issues if i.severity == "error"]
    assert [c.text for c in wide.comments] == [c.text for c in utf8.comments]
    assert len(wide.posts) == len(utf8.posts) > 0


@pytest.mark.parametrize("name", ["wxr-external-entity.xml", "wxr-billion-laughs.xml"])
def test_entity_declarations_are_refused_in_utf16_too(name):
    data = (FIXTURES / "samples" / "malformed" / name).read_bytes().decode("utf-8")
    result = get_reader("wxr").read(data.encode("utf-16"), SourceRef("a", "a.xml", format="wxr"))
    assert [i.code for i in result.issues if i.severity == "error"] == ["unsafe_xml"]
    assert not result.posts
