"""Per-commit arrays behind the array evaluator: live documents, field lengths and each
term's scored postings (an LRU bounded in bytes).

Scores use Whoosh's BM25F formula with its operations in its order, on the lengths
Whoosh's scorer sees, so they equal Whoosh's (tests/test_fastpath.py).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from whoosh.searching import Searcher
from whoosh.util.numeric import _length_byte_cache

from . import postings
from .hits import EMPTY, Hits

_LENGTH_OF_BYTE = np.asarray(_length_byte_cache, dtype=np.float64)

# Per commit, 16 bytes a posting. Enough for the words of the queries being paged through
# or refined with facets (a broad word is ~0.6 MB at 20k pages, ~2.5 MB at 80k); small so
# the server's memory does not depend on how long it has been running.
CACHE_BYTES = 8 * 1024 * 1024


class PostingCache:
    """Per-commit arrays: live documents, field lengths and scored postings (LRU by bytes).

    Built for one reader generation; docnums are only valid inside it. Thread-safe: the
    web server shares one per generation across request threads.
    """

    def __init__(self, generation: int, max_bytes: int = CACHE_BYTES) -> None:
        self.generation = generation
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._terms: OrderedDict[tuple[str, bytes], Hits] = OrderedDict()
        self._bytes = 0
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None

    def clear(self) -> None:
        with self._lock:
            self._terms.clear()
            self._bytes = 0

    def live(self, searcher: Searcher) -> np.ndarray:
        """Boolean mask of documents that are not deleted."""
        if self._live is None:
            live = np.ones(searcher.doc_count_all(), dtype=bool)
            for sub, offset in searcher.leaf_searchers():
                deleted = sub.reader().deleted_docs_set
                if deleted:
                    live[np.fromiter(deleted, dtype=np.int64) + offset] = False
            self._live = live
        return self._live

    def lengths(self, searcher: Searcher, field: str, ids: np.ndarray) -> np.ndarray:
        """The length of `field` in documents `ids` as Whoosh's scorer sees it.

        Kept as Whoosh stores it, one byte per document (a log-scale code), and decoded
        for the documents asked for.
        """
        codes = self._lengths.get(field)
        if codes is None:
            codes = np.ones(searcher.doc_count_all(), dtype=np.uint8)  # length 1
            for sub, offset in searcher.leaf_searchers():
                n = sub.doc_count_all()
                column = _length_column(sub.reader(), field)
                if column is not None:  # a numeric column: its array in one read
                    codes[offset : offset + n] = np.asarray(column.load(), dtype=np.uint8)[:n]
            self._lengths[field] = codes
        return _LENGTH_OF_BYTE[codes[ids]]

    def has(self, field: str, btext: bytes) -> bool:
        return (field, btext) in self._terms

    def term(self, searcher: Searcher, field: str, btext: bytes) -> Hits:
        key = (field, btext)
        with self._lock:
            hit = self._terms.get(key)
            if hit is not None:
                self._terms.move_to_end(key)
                return hit
        hit = self._load(searcher, field, btext)
        size = hit.ids.nbytes + hit.scores.nbytes
        with self._lock:
            if key not in self._terms and size <= self.max_bytes:
                self._terms[key] = hit
                self._bytes += size
                while self._bytes > self.max_bytes:
                    _, old = self._terms.popitem(last=False)
                    self._bytes -= old.ids.nbytes + old.scores.nbytes
        return hit

    def probe(self, searcher: Searcher, field: str, btext: bytes, docs: np.ndarray,
              positions: bool = False) -> tuple[np.ndarray, np.ndarray, list[list[int]] | None]:
        """A term's weights (and positions) at the given sorted docnums that have it."""
        ids_parts, weight_parts, pos_parts = [], [], []
        for sub, offset in searcher.leaf_searchers():
            lo, hi = np.searchsorted(docs, [offset, offset + sub.doc_count_all()])
            tp = postings.term_postings(sub.reader(), field, btext) if hi > lo else None
            if tp is None:
                continue
            ids, weights, pos = tp.probe(docs[lo:hi] - offset, positions)
            ids_parts.append(ids + offset)
            weight_parts.append(weights)
            pos_parts += pos or []
        if not ids_parts:
            return EMPTY.ids, EMPTY.scores, ([] if positions else None)
        ids = np.concatenate(ids_parts)
        weights = np.concatenate(weight_parts)
        keep = self.live(searcher)[ids]
        if not keep.all():
            ids, weights = ids[keep], weights[keep]
            pos_parts = [p for p, k in zip(pos_parts, keep.tolist(), strict=True) if k] \
                if positions else pos_parts
        return ids, weights, (pos_parts if positions else None)

    def score(self, searcher: Searcher, field: str, btext: bytes, ids: np.ndarray,
              weights: np.ndarray) -> np.ndarray:
        """Whoosh's score of a term at `ids` given its weights there."""
        if not searcher.schema[field].scorable:
            return weights  # Whoosh's WeightScorer: the weight is the score
        return _bm25(searcher, field, btext, weights, self.lengths(searcher, field, ids))

    def _load(self, searcher: Searcher, field: str, btext: bytes) -> Hits:
        ids_parts, weight_parts = [], []
        for sub, offset in searcher.leaf_searchers():
            tp = postings.term_postings(sub.reader(), field, btext)
            if tp is None:
                continue
            ids, weights = tp.all()
            ids_parts.append(ids + offset)
            weight_parts.append(weights)
        if not ids_parts:
            return EMPTY
        ids = np.concatenate(ids_parts)
        weights = np.concatenate(weight_parts)
        keep = self.live(searcher)[ids]
        if not keep.all():
            ids, weights = ids[keep], weights[keep]
        scores = self.score(searcher, field, btext, ids, weights)
        ids.flags.writeable = False
        scores.flags.writeable = False
        return Hits(ids, scores)


def _length_column(reader, field: str):
    """The per-document length bytes of `field` in one segment (None if it has none)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    perdoc = reader._perdoc
    return perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)


def _bm25(searcher: Searcher, field: str, btext: bytes, tf: np.ndarray,
          fl: np.ndarray) -> np.ndarray:
    """Whoosh's BM25F (B=0.75, K1=1.2), with its operations in its order."""
    idf = searcher.idf(field, btext)
    avgfl = searcher.avg_field_length(field) or 1
    b, k1 = 0.75, 1.2
    return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))
