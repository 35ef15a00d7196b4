"""Vectorised query evaluation: Whoosh's postings read into numpy arrays, scored in bulk.

Whoosh walks postings one document at a time in Python (`is_active`, `id`, `next`,
`skip_to`): at 20k pages a broad word cost ~100 ms for the matches and the top-k, which is
most of the search page (PERFORMANCE.md). Here each term's postings are read block by
block (`postings.py`: one unpickle per 128 postings), scored with the same BM25F formula
Whoosh uses and cached per commit (`term_cache.py`), and combined with sorted-array set
operations (`hits.py`). Exact phrases intersect their words' arrays and read positions for the
survivors only. Whoosh remains the index and the fallback: any query node this module
does not know (proximity, fuzzy terms, numeric ranges, NOT) is evaluated by Whoosh's own
matcher, restricted to the candidates its siblings already narrowed down where it can.

Scores equal Whoosh's (same formula, same float64 arithmetic) up to the order in which
sums are added; tests/test_fastpath.py compares both on every kind of query.
"""

from __future__ import annotations

import time

import numpy as np
from whoosh import query as wq
from whoosh.query import TermNotFound
from whoosh.searching import Searcher

from ..errors import QueryTimeout
from .hits import EMPTY, Hits, boosted, intersect, minus, restrict, union
from .term_cache import PostingCache

_CHECK_EVERY = 256
PROBE_LIMIT = 256  # up to this many candidates, a term is read only in their blocks


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
        return hits if within is None else restrict(hits, within)

    # Nodes evaluated with arrays; `within` is a hint that lets the fallback skip work.
    def _eval(self, q: wq.Query, within: np.ndarray | None) -> Hits:
        self._check_deadline()
        kind = type(q)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return EMPTY
        if kind is wq.Term:
            return self._term(q, within)
        if _plain_or(q):
            subs = q.subqueries
            if len(subs) == 1:
                return self._eval(subs[0], within)
            return boosted(union([self._eval(s, within) for s in subs], self.n_docs), q.boost)
        if kind is wq.And:
            return self._and(q, within)
        if kind is wq.AndNot:
            pos = self._eval(q.a, within)
            if not len(pos):
                return pos
            neg = self._eval(q.b, pos.ids)
            return boosted(minus(pos, neg.ids), q.boost)
        if kind is wq.AndMaybe:
            req = self._eval(q.a, within)
            if not len(req):
                return req
            opt = restrict(self._eval(q.b, req.ids), req.ids)
            scores = req.scores.copy()
            scores[np.searchsorted(req.ids, opt.ids)] += opt.scores
            return boosted(Hits(req.ids, scores), q.boost)
        if kind is wq.Phrase and q.slop == 1:
            return self._phrase(q, within)
        if kind is wq.Require:
            req = self._eval(q.a, within)
            if not len(req):
                return req
            scope = self._eval(q.b, req.ids)
            return boosted(restrict(req, scope.ids), q.boost)
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
            return boosted(self._probe_term(q.fieldname, btext, within), q.boost)
        return boosted(self.cache.term(self.s, q.fieldname, btext), q.boost)

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
        for s in arrays + others:
            h = self._eval(s, within if acc is None else acc.ids)
            acc = h if acc is None else intersect(acc, h)
            if not len(acc):
                return EMPTY
        assert acc is not None
        return boosted(acc, q.boost)

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
            return boosted(self._probe_phrase(q.fieldname, words, within), q.boost)
        acc: Hits | None = None
        for w in words:
            h = self.cache.term(self.s, q.fieldname, w)
            acc = h if acc is None else intersect(acc, h)
            if not len(acc):
                return EMPTY
        assert acc is not None
        if within is not None:
            acc = restrict(acc, within)
        if len(words) > 1 and len(acc):
            checked = self._probe_phrase(q.fieldname, words, acc.ids)
            acc = restrict(acc, checked.ids)
        return boosted(acc, q.boost)

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
        calls = 0
        if within is None:
            while m.is_active():
                ids.append(m.id())
                scores.append(m.score())
                m.next()
                calls += 1
                if calls % _CHECK_EVERY == 0:
                    self._check_deadline()
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
                if calls % _CHECK_EVERY == 0:
                    self._check_deadline()
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
    if kind in (wq.And, wq.AndNot, wq.AndMaybe, wq.Require) or _plain_or(q):
        return all(_vectorised(s) for s in q.children())
    return False


def _plain_or(q: wq.Query) -> bool:
    """An OR that only sums its clauses' scores (Whoosh's, or query.py's array OR); an OR
    with a coordination `scale` (the any-word fallback) is left to Whoosh."""
    return isinstance(q, wq.Or) and type(q).__name__ in ("Or", "_ArrayOr") and q.scale is None
