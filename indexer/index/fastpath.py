"""Vectorised query evaluation: Whoosh's postings read into numpy arrays, scored in bulk.

Whoosh walks postings one document at a time in Python (`is_active`, `id`, `next`,
`skip_to`): at 20k pages a broad word cost ~100 ms for the matches and the top-k, which is
most of the search page (PERFORMANCE.md). Here each term's postings are read block by
block (one unpickle per 128 postings), scored with the same BM25F formula Whoosh uses,
and combined with sorted-array set operations; a term's arrays are cached per commit,
bounded in bytes. Exact phrases intersect their words' arrays and read positions for the
survivors only. Whoosh remains the index and the fallback: any query node this module
does not know (proximity, fuzzy terms, numeric ranges, NOT) is evaluated by Whoosh's own
matcher, restricted to the candidates its siblings already narrowed down where it can.

Scores equal Whoosh's (same formula, same float64 arithmetic) up to the order in which
sums are added; tests/test_fastpath.py compares both on every kind of query.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.query import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.numeric import _length_byte_cache

from ..errors import QueryTimeout
from . import postings

_LENGTH_OF_BYTE = np.asarray(_length_byte_cache, dtype=np.float64)
_EMPTY_IDS = np.empty(0, dtype=np.int64)
_EMPTY_SCORES = np.empty(0, dtype=np.float64)
# Per commit, 16 bytes a posting. Enough for the words of the queries being paged through
# or refined with facets (a broad word is ~0.6 MB at 20k pages, ~2.5 MB at 80k); small so
# the server's memory does not depend on how long it has been running.
CACHE_BYTES = 8 * 1024 * 1024
_CHECK_EVERY = 256
PROBE_LIMIT = 256  # up to this many candidates, a term is read only in their blocks


@dataclass(frozen=True)
class Hits:
    """Matching document numbers (sorted, unique) and their scores, aligned."""

    ids: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


EMPTY = Hits(_EMPTY_IDS, _EMPTY_SCORES)


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
            return _EMPTY_IDS, _EMPTY_SCORES, ([] if positions else None)
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


# -- set operations on sorted unique id arrays ---------------------------------------------
# Binary search of the smaller array in the larger one: O(m log n) time and O(m) memory,
# where sorting both (numpy's intersect1d / isin / unique) allocated several copies of the
# larger one per request thread — the server's peak memory at 80k pages.

def _found(big: np.ndarray, small: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of `small`: its index in `big` (clipped) and whether it is there."""
    idx = np.searchsorted(big, small)
    np.minimum(idx, len(big) - 1, out=idx)
    return idx, big[idx] == small


def _union(parts: list[Hits], n_docs: int) -> Hits:
    """Documents in any part, scores summed. Large unions add into one dense array over
    the collection (no sort); small ones sort."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    total = sum(len(p) for p in parts)
    if total * 8 >= n_docs:
        acc = np.zeros(n_docs, dtype=np.float64)
        seen = np.zeros(n_docs, dtype=bool)
        for p in parts:  # ids are unique within a part, so fancy-index adds are exact
            acc[p.ids] += p.scores
            seen[p.ids] = True
        ids = np.flatnonzero(seen)
        return Hits(ids, acc[ids])
    ids = np.concatenate([p.ids for p in parts])
    scores = np.concatenate([p.scores for p in parts])
    uniq, inverse = np.unique(ids, return_inverse=True)
    return Hits(uniq, np.bincount(inverse, weights=scores, minlength=len(uniq)))


def _intersect(a: Hits, b: Hits) -> Hits:
    if not len(a) or not len(b):
        return EMPTY
    if len(a) > len(b):
        a, b = b, a
    idx, hit = _found(b.ids, a.ids)
    return Hits(a.ids[hit], a.scores[hit] + b.scores[idx[hit]])


def _restrict(h: Hits, ids: np.ndarray) -> Hits:
    """The hits whose id is in `ids` (sorted)."""
    if not len(h) or not len(ids):
        return EMPTY
    if len(ids) < len(h):
        idx, hit = _found(h.ids, ids)
        sel = idx[hit]
        return Hits(h.ids[sel], h.scores[sel])
    _, hit = _found(ids, h.ids)
    return Hits(h.ids[hit], h.scores[hit])


def _minus(a: Hits, ids: np.ndarray) -> Hits:
    if not len(a) or not len(ids):
        return a
    _, hit = _found(ids, a.ids)
    return Hits(a.ids[~hit], a.scores[~hit])


def _boosted(h: Hits, boost: float) -> Hits:
    return h if boost == 1.0 else Hits(h.ids, h.scores * boost)


class Evaluator:
    """Evaluate one query tree against one open searcher, with a deadline."""

    def __init__(self, searcher: Searcher, cache: PostingCache, deadline: float) -> None:
        self.s = searcher
        self.cache = cache
        self.deadline = deadline
        self.n_docs = searcher.doc_count_all()

    def run(self, q: wq.Query, within: np.ndarray | None = None) -> Hits:
        """Documents matching `q` (limited to `within` when given) with their scores."""
        hits = self._eval(q, within)
        return hits if within is None else _restrict(hits, within)

    # Nodes evaluated with arrays; `within` is a hint that lets the fallback skip work.
    def _eval(self, q: wq.Query, within: np.ndarray | None) -> Hits:
        self._check_deadline()
        kind = type(q)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return EMPTY
        if kind is wq.Term:
            return self._term(q, within)
        if isinstance(q, wq.Or) and kind.__name__ in ("Or", "_ArrayOr") and q.scale is None:
            subs = q.subqueries
            if len(subs) == 1:
                return self._eval(subs[0], within)
            return _boosted(_union([self._eval(s, within) for s in subs], self.n_docs), q.boost)
        if kind is wq.And:
            return self._and(q, within)
        if kind is wq.AndNot:
            pos = self._eval(q.a, within)
            if not len(pos):
                return pos
            neg = self._eval(q.b, pos.ids)
            return _boosted(_minus(pos, neg.ids), q.boost)
        if kind is wq.AndMaybe:
            req = self._eval(q.a, within)
            if not len(req):
                return req
            opt = _restrict(self._eval(q.b, req.ids), req.ids)
            scores = req.scores.copy()
            scores[np.searchsorted(req.ids, opt.ids)] += opt.scores
            return _boosted(Hits(req.ids, scores), q.boost)
        if kind is wq.Phrase and q.slop == 1:
            return self._phrase(q, within)
        if kind is wq.Require:
            req = self._eval(q.a, within)
            if not len(req):
                return req
            scope = self._eval(q.b, req.ids)
            return _boosted(_restrict(req, scope.ids), q.boost)
        return self._whoosh(q, within)

    def _term(self, q: wq.Term, within: np.ndarray | None) -> Hits:
        field = self.s.schema[q.fieldname] if q.fieldname in self.s.schema else None
        if field is None:
            return EMPTY
        try:
            btext = field.to_bytes(q.text)
        except ValueError:
            return EMPTY
        if (within is not None and len(within) <= PROBE_LIMIT
                and not self.cache.has(q.fieldname, btext)):
            return _boosted(self._probe_term(q.fieldname, btext, within), q.boost)
        return _boosted(self.cache.term(self.s, q.fieldname, btext), q.boost)

    def _probe_term(self, field: str, btext: bytes, within: np.ndarray) -> Hits:
        """A term's scores on a few candidates, decoding only their blocks: a common word
        ANDed with a rare one costs a block per candidate instead of all its postings."""
        ids, weights, _ = self.cache.probe(self.s, field, btext, within)
        if not len(ids):
            return EMPTY
        return Hits(ids, self.cache.score(self.s, field, btext, ids, weights))

    def _and(self, q: wq.And, within: np.ndarray | None) -> Hits:
        subs = q.subqueries
        if len(subs) == 1:
            return self._eval(subs[0], within)
        # Array-friendly clauses first, the most selective first; the rest (phrases...)
        # only check their survivors, and once few are left, terms are probed, not loaded.
        reader = self.s.reader()
        arrays = sorted((s for s in subs if _vectorised(s)), key=lambda s: s.estimate_size(reader))
        others = [s for s in subs if not _vectorised(s)]
        acc: Hits | None = None
        for s in arrays:
            h = self._eval(s, within if acc is None else acc.ids)
            acc = h if acc is None else _intersect(acc, h)
            if not len(acc):
                return EMPTY
        for s in others:
            h = self._eval(s, within if acc is None else acc.ids)
            acc = h if acc is None else _intersect(acc, h)
            if not len(acc):
                return EMPTY
        assert acc is not None
        return _boosted(acc, q.boost)

    def _phrase(self, q: wq.Phrase, within: np.ndarray | None) -> Hits:
        """An exact phrase: the words' arrays intersected, then positions checked on the
        survivors only. Scored like Whoosh's phrase matcher: the sum of its words' scores.

        Whoosh's phrase matcher walks the intersection from the first document even when
        an enclosing AND has already narrowed the candidates to a handful.
        """
        field = self.s.schema[q.fieldname] if q.fieldname in self.s.schema else None
        if field is None or not field.format or not field.format.supports("positions"):
            return self._whoosh(q, within)
        try:
            words = [field.to_bytes(w) for w in q.words]
        except ValueError:
            return EMPTY
        if not words:
            return EMPTY
        if within is not None and len(within) <= PROBE_LIMIT:
            return _boosted(self._probe_phrase(q.fieldname, words, within), q.boost)
        acc: Hits | None = None
        for w in words:
            h = self.cache.term(self.s, q.fieldname, w)
            acc = h if acc is None else _intersect(acc, h)
            if not len(acc):
                return EMPTY
        assert acc is not None
        if within is not None:
            acc = _restrict(acc, within)
        if len(words) > 1 and len(acc):
            checked = self._probe_phrase(q.fieldname, words, acc.ids)
            acc = _restrict(acc, checked.ids)
        return _boosted(acc, q.boost)

    def _probe_phrase(self, field: str, words: list[bytes], within: np.ndarray) -> Hits:
        """A phrase checked on candidate documents, decoding only their posting blocks.

        Loading the whole postings of "the" or "of" (every page, with positions) to check
        a quote on five pages cost most of a quote lookup at 20k pages. Rarest words
        first, so most candidates drop out early.
        """
        docs = within
        found: dict[bytes, tuple[np.ndarray, np.ndarray, list[list[int]]]] = {}
        for w in sorted(set(words), key=lambda w: self.s.doc_frequency(field, w)):
            self._check_deadline()
            ids, weights, pos = self.cache.probe(self.s, field, w, docs, positions=True)
            if not len(ids):
                return EMPTY
            found[w] = (ids, weights, pos or [])
            docs = ids
        at = {w: dict(zip(ids.tolist(), range(len(ids)), strict=True))
              for w, (ids, _, _) in found.items()}
        keep = [d for d in docs.tolist()
                if _in_sequence([found[w][2][at[w][d]] for w in words])]
        if not keep:
            return EMPTY
        ids = np.asarray(keep, dtype=np.int64)
        scores = np.zeros(len(ids), dtype=np.float64)
        for w in words:  # a repeated word counts each time, as in Whoosh's phrase matcher
            idx = np.asarray([at[w][d] for d in keep], dtype=np.int64)
            scores += self.cache.score(self.s, field, w, ids, found[w][1][idx])
        return Hits(ids, scores)

    def _check_deadline(self) -> None:
        if time.monotonic() > self.deadline:
            raise _timeout()

    def _whoosh(self, q: wq.Query, within: np.ndarray | None) -> Hits:
        """Any other node: Whoosh's own matcher, skipping to `within` when given."""
        s = self.s
        try:
            m = q.matcher(s, s.context())
        except TermNotFound:
            return EMPTY
        ids: list[int] = []
        scores: list[float] = []
        deadline, calls = self.deadline, 0
        if within is None:
            while m.is_active():
                ids.append(m.id())
                scores.append(m.score())
                m.next()
                calls += 1
                if calls % _CHECK_EVERY == 0 and time.monotonic() > deadline:
                    raise _timeout()
        else:
            for d in within.tolist():
                if not m.is_active():
                    break
                if m.id() < d:
                    m.skip_to(d)
                    if not m.is_active():
                        break
                if m.id() == d:
                    ids.append(d)
                    scores.append(m.score())
                calls += 1
                if calls % _CHECK_EVERY == 0 and time.monotonic() > deadline:
                    raise _timeout()
        if not ids:
            return EMPTY
        out_ids = np.asarray(ids, dtype=np.int64)
        out_scores = np.asarray(scores, dtype=np.float64)
        live = self.cache.live(s)[out_ids]
        return Hits(out_ids[live], out_scores[live])


def _timeout() -> QueryTimeout:
    return QueryTimeout("the query took longer than its time budget",
                        "make it more specific (fewer wildcards or OR terms)")


def _in_sequence(positions: list[list[int]]) -> bool:
    """True if word i occurs at p + i for some p (an exact phrase)."""
    rest = [set(p) for p in positions[1:]]
    return any(all(p + i in s for i, s in enumerate(rest, 1)) for p in positions[0])


def _vectorised(q: wq.Query) -> bool:
    """True when `q` is evaluated with arrays throughout (no Whoosh matcher walk)."""
    kind = type(q)
    if kind is wq.Term:
        return True
    if kind in (wq.And, wq.AndNot, wq.AndMaybe, wq.Require) or (
            isinstance(q, wq.Or) and kind.__name__ in ("Or", "_ArrayOr") and q.scale is None):
        return all(_vectorised(s) for s in q.children())
    return False
