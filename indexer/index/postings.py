"""One segment's posting list of a term, read straight into numpy arrays.

Whoosh 3 (pinned whoosh-reloaded 2.7.5) writes a term's postings as blocks of up to 128:
a length (negative for the last block), a pickled info tuple (count, last id, max weight,
compression, min/max length bytes) and a pickled, optionally zlib-compressed
(delta-coded ids, weights, values) tuple; a rare term's postings are inlined in its term
info instead. Whoosh's matcher reads them with many small seek/read calls (each a Python
call through the compound file when mmap is off) and then walks the postings one by
one. Here the term's whole byte range is read once and each block is decoded in bulk;
`probe` decodes only the blocks that can hold the given documents.
tests/test_fastpath.py checks both against Whoosh's own matcher.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from collections.abc import Iterator

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

_LENGTH = struct.Struct("!i")


class TermPostings:
    """One term's postings in one segment, fetched with a single read."""

    def __init__(self, reader, field: str, btext: bytes) -> None:
        ti = reader.term_info(field, btext)
        self.format = reader.schema[field].format
        self.inlined = ti.inlined_postings() if ti.is_inlined() else None
        self.raw = b""
        if self.inlined is None:
            offset, length = ti.extent()
            length = length[0] if isinstance(length, tuple) else length  # read back as (n,)
            self.raw = reader._terms._postfile.get(offset, length)

    def blocks(self) -> Iterator[tuple[tuple, int, int]]:
        """(info, data start, data end) of each block, without decoding the data."""
        f = io.BytesIO(self.raw)
        f.seek(len(WHOOSH3_HEADER_MAGIC))
        while True:
            pos = f.tell()
            (length,) = _LENGTH.unpack(f.read(_LENGTH.size))
            info = pickle.load(f)
            end = pos + _LENGTH.size + abs(length)
            yield info, f.tell(), end
            if length < 0:
                return
            f.seek(end)

    def decode(self, info: tuple, start: int, end: int) -> tuple[np.ndarray, np.ndarray, tuple]:
        data = self.raw[start:end]
        if info[3]:
            data = zlib.decompress(data)
        ids, weights, values = pickle.loads(data)
        return np.cumsum(np.asarray(ids, dtype=np.int64)), _weights(weights, info[0]), values

    def all(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (segment-relative) document number and weight."""
        if self.inlined is not None:
            ids, weights, _ = self.inlined
            return np.asarray(ids, dtype=np.int64), _weights(weights, len(ids))
        id_parts, weight_parts = [], []
        for block in self.blocks():
            ids, weights, _ = self.decode(*block)
            id_parts.append(ids)
            weight_parts.append(weights)
        return np.concatenate(id_parts), np.concatenate(weight_parts)

    def probe(self, docs: np.ndarray, positions: bool = False
              ) -> tuple[np.ndarray, np.ndarray, list[list[int]] | None]:
        """The postings at the given (sorted, segment-relative) documents only.

        Returns the documents that have the term, their weights, and their positions when
        asked. Only blocks whose id range holds a wanted document are decoded.
        """
        found_ids: list[np.ndarray] = []
        found_w: list[np.ndarray] = []
        found_pos: list[list[int]] = []

        def take(ids: np.ndarray, weights: np.ndarray, values, wanted: np.ndarray) -> None:
            idx = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
            hit = ids[idx] == wanted
            found_ids.append(wanted[hit])
            found_w.append(weights[idx[hit]])
            if positions:
                found_pos.extend(self.format.decode_as("positions", values[i])
                                 for i in idx[hit].tolist())

        if self.inlined is not None:
            ids, weights, values = self.inlined
            if ids:
                take(np.asarray(ids, dtype=np.int64), _weights(weights, len(ids)), values, docs)
        else:
            i, n = 0, len(docs)
            for info, start, end in self.blocks():
                if i >= n:
                    break
                last_id = info[1]
                if docs[i] > last_id:
                    continue
                j = int(np.searchsorted(docs, last_id, side="right"))
                ids, weights, values = self.decode(info, start, end)
                take(ids, weights, values, docs[i:j])
                i = j
        if not found_ids:
            empty = np.empty(0, dtype=np.int64)
            return empty, np.empty(0, dtype=np.float64), ([] if positions else None)
        return (np.concatenate(found_ids), np.concatenate(found_w),
                found_pos if positions else None)


def term_postings(reader, field: str, btext: bytes) -> TermPostings | None:
    """A term's postings in one segment (deleted documents included), or None."""
    if (field, btext) not in reader:
        return None
    return TermPostings(reader, field, btext)


def _weights(weights, count: int) -> np.ndarray:
    if weights is None:
        return np.ones(count, dtype=np.float64)
    if isinstance(weights, float):
        return np.full(count, weights, dtype=np.float64)
    return np.asarray(weights, dtype=np.float64)
