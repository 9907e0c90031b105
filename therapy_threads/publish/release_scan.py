"""The last gate: every file of a release is scanned before it is renamed into place.

The privacy audit checks the build's tables; a release adds files written from templates,
developer docs, the source manifest and reports: the data card (``README.md``), ``TERMS.md``,
``CHANGELOG.md``, ``croissant.json``, ``manifest.json``, the plots, and the Parquet files' own
metadata. Any of them can carry a name or an address that no table holds (a documentation
example that quotes a real commenter, a source note, a report message). So the staged release
is read back, every file, and each text is put through the audit's own checks
(:class:`therapy_threads.anonymise.audit.TextAudit`: the build's keyed identity tokens, e-mail
addresses, links) before anything is published:

- text files (UTF-8) line by line; JSON files too (a JSON string is text);
- PNG files: their text chunks, and every string the figure draws (passed in by the writer);
- Parquet files: the key/value metadata of the footer, the column names (only published
  columns) and the min/max statistics (only for columns of a fixed shape: ids, codes,
  pseudonyms; statistics of free text are refused); the rows of the build's tables are audited row by row by the privacy audit and bound
  to its verdict by their SHA-256 (:mod:`therapy_threads.verdict`), and every distinct string
  value of any other table (one derived at publish time) is checked here;
- any other file: refused (nothing else belongs in a release).

Phone numbers are looked for in the source notes (the only free text that reaches the card from
outside the code; elsewhere in a release numbers are counts, sizes and dates). Links are allowed
only to the sources' own sites, the Hugging Face Hub, the vocabularies of
``croissant.json`` and names reserved for examples (RFC 2606/6761: ``example.org``,
``*.invalid``, ...); e-mail addresses only at reserved example domains. The identity check runs with every source's distinctive tokens; a source's own
word-like tokens apply to the text from that source's manifest entry (its notes).
"""
from __future__ import annotations

import json
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..anonymise.audit import AUDITED_TABLES, SHAPED_COLUMNS, Hit, TextAudit, load_matcher_tokens
from ..anonymise.phones import find_all_phones
from ..anonymise.patterns import mask, url_host
from ..errors import PrivacyGateError
from ..schema import RELEASE_TABLES, columns

RESERVED_SUFFIXES = (".example", ".invalid", ".test", ".localhost")
RESERVED_HOSTS = frozenset({"example.com", "example.org", "example.net", "localhost"})
# The Hub, and the namespaces of the vocabularies croissant.json is written in (JSON-LD @context).
PROJECT_HOSTS = frozenset({"huggingface.co", "hf.co", "schema.org", "mlcommons.org", "purl.org",
                           "w3.org"})
TEXT_SUFFIXES = frozenset({".md", ".json", ".txt", ".yaml", ".yml", ".csv", ".cff"})
# Hashes, ids and numbers are never names; dropping them keeps the keyed lookups few.
_NOISE = re.compile(r"\b(?:[0-9a-f]{12,}|[pcu]_[0-9a-f]{8,}|\d[\d.,:]*)\b")


@dataclass
class ScanResult:
    files: int = 0
    bytes: int = 0
    texts: int = 0
    hits: list[Hit] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.hits

    def reason(self) -> str:
        """One line: how many, and where the first few are (masked)."""
        where = "; ".join(f"{h.kind} in {h.table} {h.row_id} ({h.masked})" for h in self.hits[:3])
        more = f" and {len(self.hits) - 3} more" if len(self.hits) > 3 else ""
        return f"{len(self.hits)} finding(s): {where}{more}"


def _reserved(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host in RESERVED_HOSTS or host.endswith(RESERVED_SUFFIXES) or any(
        host.endswith("." + h) for h in RESERVED_HOSTS)


def _host_of(s: str) -> str:
    return url_host(s).split(":")[0].rstrip(".")


def allowed_hosts(manifest: dict[str, Any], notes: dict[str, dict[str, Any]]) -> frozenset[str]:
    """Sites a release may link to: the sources' own (their URLs and site names) and the Hub."""
    hosts: set[str] = set(PROJECT_HOSTS)
    from ..anonymise.patterns import find_idn_urls, find_urls

    for s in manifest.get("sources", []):
        loc = s.get("location") or ""
        if loc.startswith(("http://", "https://")):
            hosts.add(_host_of(loc))
    for n in notes.values():
        for k in ("url", "location", "site"):
            v = str(n.get(k) or "")
            for a, b in find_urls(v) + find_idn_urls(v):
                hosts.add(_host_of(v[a:b]))
    return frozenset(h for h in hosts if h)


def _png_texts(data: bytes) -> list[str]:
    """Text of a PNG's tEXt, zTXt and iTXt chunks."""
    out: list[str] = []
    pos = 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        try:
            if kind == b"tEXt":
                out.append(body.replace(b"\0", b" ").decode("latin-1"))
            elif kind == b"zTXt":
                k, _, rest = body.partition(b"\0")
                out.append(k.decode("latin-1") + " " + zlib.decompress(rest[1:]).decode("latin-1"))
            elif kind == b"iTXt":
                k, _, rest = body.partition(b"\0")
                flag, rest = rest[0], rest[2:]
                _lang, _, rest = rest.partition(b"\0")
                _tkey, _, text = rest.partition(b"\0")
                out.append(k.decode("latin-1") + " " + (zlib.decompress(text) if flag else text).decode("utf-8"))
        except (zlib.error, UnicodeDecodeError, IndexError):
            out.append("(unreadable text chunk)")
    return out


# Values already checked, per column, kept to skip repeats: bounded so a table with millions of
# distinct strings never holds them all (a value seen again after the set was cleared is only
# checked again; the findings it yields are the same).
MAX_SEEN = 100_000


def _parquet_values(path: Path, max_seen: int = MAX_SEEN) -> Iterable[tuple[str, str]]:
    """(column, value) for the distinct string values of a Parquet file, one row group at a
    time: every non-empty value is yielded at least once, a repeated value at most once per
    ``max_seen`` distinct values of its column before it."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    cols = [f.name for f in pf.schema_arrow if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    for c in cols:
        seen: set[str] = set()
        for g in range(pf.num_row_groups):
            for v in pc.unique(pf.read_row_group(g, columns=[c]).column(c)).to_pylist():
                if v and v not in seen:
                    if len(seen) >= max_seen:
                        seen.clear()
                    seen.add(v)
                    yield c, v


def _parquet_texts(path: Path) -> tuple[list[str], list[str]]:
    """(footer metadata strings, column names) of a Parquet file."""
    import pyarrow.parquet as pq

    md = pq.ParquetFile(path).metadata
    texts = []
    for k, v in (md.metadata or {}).items():
        if k == b"ARROW:schema":
            continue  # the binary Arrow schema: its names and metadata are read below
        texts.append(k.decode("utf-8", "replace") + " " + v.decode("utf-8", "replace"))
    schema = md.schema.to_arrow_schema()
    for f in schema:
        for k, v in (f.metadata or {}).items():
            texts.append(k.decode("utf-8", "replace") + " " + v.decode("utf-8", "replace"))
    return texts, list(schema.names)


def _parquet_statistics(path: Path) -> dict[str, set[str]]:
    """Column -> the min/max statistics of its string (byte array) column chunks, every row
    group: copies of cells kept in the footer."""
    import pyarrow.parquet as pq

    md = pq.ParquetFile(path).metadata
    out: dict[str, set[str]] = {}
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        for c in range(rg.num_columns):
            col = rg.column(c)
            st = col.statistics
            if col.physical_type == "BYTE_ARRAY" and st is not None and st.has_min_max:
                vals = out.setdefault(col.path_in_schema, set())
                for v in (st.min, st.max):
                    vals.add(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v))
    return out


def _check_statistics(sc: "_Scanner", path: Path, rel: str, table: str) -> None:
    """Statistics only for columns of a fixed shape, and only of that shape."""
    shaped = SHAPED_COLUMNS.get(table, {})
    for col, vals in sorted(_parquet_statistics(path).items()):
        if col not in shaped:
            sc.refuse(rel, f"min/max statistics of the column {col} (free text: write none)")
            continue
        rx = re.compile(shaped[col])
        for v in sorted(vals):
            if v and not rx.search(v):
                sc.result.hits.append(Hit("shape", rel, f"statistics of {col}", col, mask(v)))


class _Scanner:
    def __init__(self, key: bytes, tokens: dict, manifest: dict[str, Any],
                 notes: dict[str, dict[str, Any]]):
        self.audit = TextAudit(key, tokens)
        self.hosts = allowed_hosts(manifest, notes)
        self.result = ScanResult()

    def _url_ok(self, url: str) -> bool:
        host = _host_of(url)
        return _reserved(host) or host in self.hosts or any(host.endswith("." + h) for h in self.hosts)

    def _email_ok(self, address: str) -> bool:
        return _reserved(address.rpartition("@")[2])

    def text(self, text: str, where: str, line: str, scope: str | None = None,
             phones: bool = False) -> None:
        if phones:  # before the numbers are dropped below
            self.result.hits.extend(Hit("phone", where, line, "", mask(text[a:b]))
                                    for a, b, _why in find_all_phones(text, self.audit.phone_regions))
        text = _NOISE.sub(" ", text)
        if not text.strip():
            return
        self.result.texts += 1
        hits, _review = self.audit.check(text, table=where, row_id=line, field="", scope=scope,
                                         url_ok=self._url_ok, email_ok=self._email_ok, phones=False)
        self.result.hits.extend(hits)

    def lines(self, text: str, where: str) -> None:
        for n, line in enumerate(text.splitlines(), 1):
            self.text(line, where, f"line {n}")

    def refuse(self, where: str, why: str) -> None:
        self.result.hits.append(Hit("file", where, "", "", why))


def scan_release(release_dir: Path | str, build_dir: Path | str, key: bytes, *,
                 notes: dict[str, dict[str, Any]] | None = None,
                 drawn: Iterable[str] = (), outside: dict[str, str] | None = None) -> ScanResult:
    """Scan every file under ``release_dir`` with the identity tokens of ``build_dir``.

    ``notes`` are the source manifest entries by source id (site, licence, note: they reach the
    card), ``drawn`` the strings the figures show, ``outside`` texts that leave with the release
    but are written elsewhere ({name: text}: the repository's ``DATA_CARD.md``). Returns the
    findings; nothing raw is kept.
    """
    root = Path(release_dir)
    notes = notes or {}
    tokens = load_matcher_tokens(Path(build_dir))
    manifest_path = root / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    sc = _Scanner(key, tokens or {}, manifest, notes)
    if tokens is None:
        sc.refuse("private/identity_tokens.txt", "the build has no identity tokens to check with")
    published = {t: set(columns(t)) for t in RELEASE_TABLES}
    for p in sorted(root.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(root).as_posix()
        sc.result.files += 1
        sc.result.bytes += p.stat().st_size
        if p.suffix == ".parquet":
            texts, names = _parquet_texts(p)
            table = p.name.split("-", 1)[0]
            extra = sorted(set(names) - published.get(table, set()))
            if extra:
                sc.refuse(rel, f"unpublished columns {', '.join(extra)}")
            for i, t in enumerate(texts + names, 1):
                sc.text(t, rel, f"metadata {i}")
            _check_statistics(sc, p, rel, table)
            if table not in AUDITED_TABLES:  # a table the build audit never read: every value here
                for col, value in _parquet_values(p):
                    sc.text(value, rel, col)
        elif p.suffix == ".png":
            for i, t in enumerate(_png_texts(p.read_bytes()), 1):
                sc.text(t, rel, f"text chunk {i}")
        elif p.suffix in TEXT_SUFFIXES:
            try:
                sc.lines(p.read_text(encoding="utf-8"), rel)
            except UnicodeDecodeError:
                sc.refuse(rel, "not UTF-8 text")
        else:
            sc.refuse(rel, "a kind of file that does not belong in a release")
    for i, t in enumerate(drawn, 1):
        sc.text(t, "plots", f"label {i}")
    for name, text in sorted((outside or {}).items()):
        sc.lines(text, name)
    # A source's manifest entry reaches the card: check it with that source's own tokens too.
    for sid, n in sorted(notes.items()):
        for k in ("site", "licence", "note", "url", "location", "retrieved"):
            if n.get(k):
                sc.text(str(n[k]), "sources.toml", f"{sid}.{k}", scope=sid, phones=True)
    return sc.result


def check_release(release_dir: Path | str, build_dir: Path | str, key: bytes, **kw: Any) -> ScanResult:
    """:func:`scan_release`, raising PrivacyGateError (one line) when anything is found."""
    res = scan_release(release_dir, build_dir, key, **kw)
    if not res.passed:
        raise PrivacyGateError(
            f"the release scan refused this release: {res.reason()}; nothing was published. "
            "Fix the text that produced it (the card template, docs/, the sources.toml notes, a "
            "source's file name)")
    return res


__all__ = ["ScanResult", "allowed_hosts", "check_release", "scan_release"]
