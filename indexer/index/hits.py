"""Query results as arrays: matching document numbers (sorted, unique) and their scores,
and the set operations that combine them.

Binary search of the smaller array in the larger one: O(m log n) time and O(m) memory,
where sorting both (numpy's intersect1d / isin / unique) allocated several copies of the
larger one per request thread — the server's peak memory at 80k pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Hits:
    """Matching document numbers (sorted, unique) and their scores, aligned."""

    ids: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


EMPTY = Hits(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64))


def found(big: np.ndarray, small: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of `small`: its index in `big` (clipped) and whether it is there."""
    idx = np.searchsorted(big, small)
    np.minimum(idx, len(big) - 1, out=idx)
    return idx, big[idx] == small


def union(parts: list[Hits], n_docs: int) -> Hits:
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


def intersect(a: Hits, b: Hits) -> Hits:
    if not len(a) or not len(b):
        return EMPTY
    if len(a) > len(b):
        a, b = b, a
    idx, hit = found(b.ids, a.ids)
    return Hits(a.ids[hit], a.scores[hit] + b.scores[idx[hit]])


def restrict(h: Hits, ids: np.ndarray) -> Hits:
    """The hits whose id is in `ids` (sorted)."""
    if not len(h) or not len(ids):
        return EMPTY
    if len(ids) < len(h):
        idx, hit = found(h.ids, ids)
        sel = idx[hit]
        return Hits(h.ids[sel], h.scores[sel])
    _, hit = found(ids, h.ids)
    return Hits(h.ids[hit], h.scores[hit])


def minus(a: Hits, ids: np.ndarray) -> Hits:
    if not len(a) or not len(ids):
        return a
    _, hit = found(ids, a.ids)
    return Hits(a.ids[~hit], a.scores[~hit])


def boosted(h: Hits, boost: float) -> Hits:
    return h if boost == 1.0 else Hits(h.ids, h.scores * boost)
