"""Concatenate Parquet files of one schema by copying their row groups' bytes.

A Parquet file is ``PAR1``, the column chunks of each row group, then a Thrift footer that
records every chunk's byte offset. Files written with the same schema and writer settings can
therefore be joined without decoding a single page: copy each input's column chunks, shift the
offsets in its row-group metadata by where they now start, and write one footer listing all
row groups. This is what assembling a build from per-source fragments does: an unchanged
fragment's pages are copied as bytes (the page cache usually holds them), never decoded and
re-encoded, and the output is the same bytes whatever order the fragments were built in.

The footer is read and written with fastparquet's Thrift codec (``fastparquet.cencoding``).
Inputs must not carry page indexes or Bloom filters (the pipeline writes none); such a file,
or any file whose schema differs, is refused with :class:`ConcatError` — the caller then falls
back to a decoding rewrite.
"""
from __future__ import annotations

import os
import struct
import tempfile
from pathlib import Path
from typing import Iterable

MAGIC = b"PAR1"
_COPY_CHUNK = 1 << 22


class ConcatError(ValueError):
    """The inputs cannot be joined byte-wise (different schema, page index, encryption...)."""


def _footer(f) -> tuple[object, bytes]:
    from fastparquet import cencoding

    f.seek(0, os.SEEK_END)
    size = f.tell()
    if size < 12:
        raise ConcatError(f"{f.name} is too short to be a Parquet file")
    f.seek(size - 8)
    n, magic = struct.unpack("<i4s", f.read(8))
    if magic != MAGIC:
        raise ConcatError(f"{f.name} is not a Parquet file (encrypted footers are not supported)")
    f.seek(size - 8 - n)
    raw = f.read(n)
    return cencoding.from_buffer(raw, "FileMetaData"), raw


def _schema_key(fmd) -> list:
    return [el._asdict() for el in fmd.schema]


def _chunk_range(cc) -> tuple[int, int]:
    md = cc.meta_data
    start = md.data_page_offset
    dict_off = md.dictionary_page_offset
    if dict_off is not None and 0 < dict_off < start:
        start = dict_off
    return start, start + md.total_compressed_size


def _copy(src, dst, start: int, length: int) -> None:
    src.seek(start)
    left = length
    while left:
        buf = src.read(min(left, _COPY_CHUNK))
        if not buf:
            raise ConcatError(f"{src.name} ends inside a column chunk")
        dst.write(buf)
        left -= len(buf)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


class _Spooled:
    """Encoded row-group entries in a nameless temporary file: a footer's entries are a few KB
    per row group (statistics of every column), ~25 KB per source over a build's tables — held
    in memory they grew assembly with the number of sources (~250 MB at 10,000)."""

    def __init__(self, folder: Path):
        self.f = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - closed by close()
        self.n = 0
        self.first = b""

    def append(self, entry: bytes) -> None:
        if not self.n:
            self.first = entry
        self.f.write(entry)
        self.n += 1

    def chunks(self) -> Iterable[bytes]:
        self.f.flush()
        self.f.seek(0)
        while True:
            buf = self.f.read(_COPY_CHUNK)
            if not buf:
                return
            yield buf

    def close(self) -> None:
        self.f.close()


def _footer_pieces(head, first_rg, encoded: _Spooled) -> Iterable[bytes]:
    """The footer ``head`` with ``encoded`` as its row groups, in pieces, without decoding them.

    Thrift's compact protocol writes a list as a header (size and element type) followed by its
    elements' own encodings, each self-contained. So the footer is encoded once with only the
    first row group, and the list header and that one element are replaced by the header of the
    full list and every encoded row group: the same bytes as encoding the footer whole.
    """
    first, n = encoded.first, encoded.n
    head.row_groups = [first_rg]
    one = bytes(head.to_bytes())
    marker = bytes([0x1C]) + first  # list header: 1 element of type struct (12)
    at = one.find(marker)
    if at < 0 or one.find(marker, at + 1) >= 0:
        raise ConcatError("cannot place the row groups in the footer")
    header = bytes([(n << 4) | 0x0C]) if n < 15 else bytes([0xFC]) + _varint(n)
    yield one[:at]
    yield header
    yield from encoded.chunks()
    yield one[at + len(marker):]


def concat_files(parts: Iterable[Path], dest: Path) -> int:
    """Write ``dest`` holding the row groups of ``parts`` in order; returns the row count.

    ``dest`` is written to a temporary name and renamed into place. At least one part is
    needed (its schema and key-value metadata are the output's).
    """
    parts = [Path(p) for p in parts]
    if not parts:
        raise ConcatError("nothing to concatenate")
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    head = None
    head_schema: list = []
    first_rg = None
    # Each row group's footer entry is kept encoded (a few KB), never as a Thrift object: decoded,
    # one row group of 16 columns costs ~85 KB of Python objects (170 MB for 2,000 sources); and
    # on disk, not in memory, until the footer is written.
    encoded = _Spooled(dest.parent)
    num_rows = 0
    try:
        with open(tmp, "wb") as out:
            out.write(MAGIC)
            pos = len(MAGIC)
            for part in parts:
                with open(part, "rb") as f:
                    fmd, _ = _footer(f)
                    schema = _schema_key(fmd)
                    if head is None:
                        head, head_schema = fmd, schema
                    elif schema != head_schema:
                        raise ConcatError(f"{part} has a different schema from {parts[0]}")
                    for rg in fmd.row_groups or []:
                        if not rg.num_rows:
                            continue  # an empty table's placeholder row group carries nothing
                        for cc in rg.columns:
                            md = cc.meta_data
                            if md is None or cc.crypto_metadata is not None:
                                raise ConcatError(f"{part} has encrypted column chunks")
                            if (cc.offset_index_offset is not None or cc.column_index_offset is not None
                                    or md.bloom_filter_offset is not None):
                                raise ConcatError(f"{part} has page indexes or Bloom filters")
                            if cc.file_path:
                                raise ConcatError(f"{part} refers to column data in another file")
                            start, end = _chunk_range(cc)
                            shift = pos - start
                            _copy(f, out, start, end - start)
                            pos += end - start
                            md.data_page_offset += shift
                            if md.dictionary_page_offset is not None and md.dictionary_page_offset > 0:
                                md.dictionary_page_offset += shift
                            if md.index_page_offset is not None:
                                md.index_page_offset += shift
                            cc.file_offset = md.dictionary_page_offset \
                                if (md.dictionary_page_offset or 0) > 0 else md.data_page_offset
                        first = rg.columns[0] if rg.columns else None
                        if first is not None:
                            rg.file_offset = _chunk_range(first)[0]
                        rg.ordinal = encoded.n
                        encoded.append(bytes(rg.to_bytes()))
                        if first_rg is None:
                            first_rg = rg
                        num_rows += rg.num_rows
            assert head is not None
            if not encoded.n:
                # every part is empty: the first part, as it is, is the empty table
                out.seek(0)
                out.truncate()
                with open(parts[0], "rb") as f:
                    out.write(f.read())
                out.flush()
                os.replace(tmp, dest)
                return 0
            head.num_rows = num_rows
            n = 0
            for piece in _footer_pieces(head, first_rg, encoded):
                out.write(piece)
                n += len(piece)
            out.write(struct.pack("<i", n))
            out.write(MAGIC)
        os.replace(tmp, dest)
    finally:
        encoded.close()
        if tmp.exists():
            tmp.unlink()
    return num_rows


__all__ = ["concat_files", "ConcatError"]
