"""``build_report.json`` written and read one source entry at a time.

A build report holds one entry per source (~700 bytes of JSON, ~3 KB as Python objects). Held
as a list they grew the build process with the number of sources (~30 MB per 10,000 sources,
times the copies made of them along the way), so the builder keeps none:

* :class:`SourceSpool` — each source's entry is appended to a JSON Lines file as the source
  finishes; memory keeps its offset and the few facts the build decides on (status, rows);
* :func:`write_report` — writes the report with its ``sources`` streamed from the spool, byte for
  byte what ``json.dumps(report, indent=2, ensure_ascii=False)`` gives for the whole document;
* :func:`iter_sources` / :func:`read_header` — read a report's entries one at a time, or all of
  it but the entries (the layout :func:`write_report` writes; any other valid JSON is read whole);
* :class:`SourceEntries` — the ``sources`` of a report handed to code that iterates them (the
  gate, the CLI's summary, the flow's artifacts): a sequence read from the file on each pass.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Iterable, Iterator

_SLOT = "\x00sources\x00"  # placeholder for the entries while the rest of the report is encoded
_ITEM_INDENT = "    "  # entries of a top-level list at indent=2


class SourceSpool:
    """Per-source entries on disk (JSON Lines, in the order they come), found by source id. The
    file is a nameless temporary file in ``folder``: nothing is left behind, even by a killed build."""

    def __init__(self, folder: Path):
        Path(folder).mkdir(parents=True, exist_ok=True)
        self._f = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - closed by close()
        self._at: dict[str, tuple[int, int]] = {}
        self.status: dict[str, str] = {}
        self.rows: dict[str, int] = {}  # comments + posts: sizes the validation groups

    def add(self, entry: dict[str, Any]) -> None:
        sid = entry["source_id"]
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8") + b"\n"
        self._f.seek(0, os.SEEK_END)
        self._at[sid] = (self._f.tell(), len(data))
        self._f.write(data)
        self.status[sid] = str(entry.get("status", ""))
        self.rows[sid] = int(entry.get("comments", 0) or 0) + int(entry.get("posts", 0) or 0)

    def __contains__(self, sid: object) -> bool:
        return sid in self._at

    def __len__(self) -> int:
        return len(self._at)

    def get(self, sid: str) -> dict[str, Any]:
        start, n = self._at[sid]
        self._f.flush()
        self._f.seek(start)
        return json.loads(self._f.read(n))

    def entries(self, order: Iterable[str]) -> Iterator[dict[str, Any]]:
        """The entries of ``order``'s source ids that the spool holds, in that order."""
        for sid in order:
            if sid in self._at:
                yield self.get(sid)

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> "SourceSpool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_report(path: Path, header: dict[str, Any], entries: Iterable[dict[str, Any]]) -> None:
    """Write ``header`` with ``sources`` = ``entries`` as ``pipeline.write_json`` would write the
    whole dict (``sources`` keeps its place among the keys; it is added last when ``header`` has
    no such key), never holding more than one entry."""
    path = Path(path)
    doc = dict(header)
    doc["sources"] = _SLOT
    text = json.dumps(doc, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    slot = json.dumps(_SLOT)
    at = text.index(slot)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text[:at])
        first = True
        for e in entries:
            f.write("[\n" if first else ",\n")
            first = False
            item = json.dumps(e, indent=2, sort_keys=False, ensure_ascii=False)
            f.write("\n".join(_ITEM_INDENT + line for line in item.split("\n")))
        f.write("[]" if first else "\n  ]")
        f.write(text[at + len(slot):])
    os.replace(tmp, path)


def _scan(path: Path, want_entries: bool) -> Iterator[tuple[str, Any]]:
    """("entry", dict) per source entry and finally ("header", dict) for the rest, reading the
    layout :func:`write_report` writes line by line; ("whole", dict) for any other layout."""
    head: list[str] = []
    streamed = False  # the entries' list was found in the layout write_report writes
    with open(path, encoding="utf-8") as f:
        first = f.readline()
        if first != "{\n":
            yield "whole", json.loads(first + f.read())
            return
        head.append(first)
        for line in f:
            if line.startswith('  "sources": ['):
                if line.rstrip("\n").rstrip(",").endswith("[]"):
                    head.append(line.replace("[]", "null", 1))
                    streamed = True
                    continue
                if line.rstrip("\n") != '  "sources": [':
                    yield "whole", json.loads("".join(head) + line + f.read())
                    return
                streamed = True
                item: list[str] = []
                for row in f:
                    if row.startswith(_ITEM_INDENT + "}"):  # an entry ends
                        if want_entries:
                            item.append("}")
                            yield "entry", json.loads("".join(item))
                        item = []
                    elif row.startswith("  ]"):  # the list ends: "  ]" or "  ],"
                        head.append('  "sources": null' + row[3:])
                        break
                    elif want_entries:
                        item.append(row[len(_ITEM_INDENT):] if row.startswith(_ITEM_INDENT) else row)
                continue
            head.append(line)
    doc = json.loads("".join(head))
    yield ("header" if streamed else "whole"), doc


def iter_sources(path: Path) -> Iterator[dict[str, Any]]:
    """The report's source entries, one at a time."""
    for kind, value in _scan(Path(path), True):
        if kind == "entry":
            yield value
        elif kind == "whole":
            yield from value.get("sources") or []


def read_header(path: Path) -> dict[str, Any]:
    """The report without its source entries (``sources`` is then None)."""
    for kind, value in _scan(Path(path), False):
        if kind in ("header", "whole"):
            if kind == "whole":
                value = dict(value)
                value["sources"] = None
            return value
    raise ValueError(f"{path} holds no report")


class SourceEntries(Sequence):
    """The ``sources`` of the report at ``path``: read from the file on each pass, never held."""

    def __init__(self, path: Path, count: int):
        self.path = Path(path)
        self._n = int(count)

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter_sources(self.path)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return list(self)[i]
        n = self._n
        j = i + n if i < 0 else i
        if not 0 <= j < n:
            raise IndexError(i)
        for k, e in enumerate(self):
            if k == j:
                return e
        raise IndexError(i)

    def __repr__(self) -> str:
        return f"SourceEntries({str(self.path)!r}, {self._n})"

    def __reduce__(self):
        return (SourceEntries, (str(self.path), self._n))


__all__ = ["SourceSpool", "write_report", "iter_sources", "read_header", "SourceEntries"]
