"""Candidate pages for quote lookup: the Whoosh half of `indexer.cite`.

Finding where a remembered quote comes from is a verification problem (`cite.py` compares
the quote with page text), but it must not read every page. This module narrows the index
down to a few dozen pages with two cheap queries on the unstemmed `text` field:

- a phrase over the quote's tokens: the fast path when the quote was pasted intact;
- an OR of the quote's rarest tokens, best 30 pages: catches quotes the phrase misses
  (hyphenation, a mistyped word, a paraphrase, a quote cut across a page break).

Each rare-word hit brings its previous and next page along so a quote crossing a page
break can be checked against both halves (a phrase hit has the whole quote on its page).
"""

from __future__ import annotations

from collections.abc import Sequence

from whoosh import query as wq

from .query import pair_phrase
from .reader import Snapshot

FIELD = "text"


def rarest_tokens(snap: Snapshot, tokens: Sequence[str], count: int = 8) -> list[str]:
    """The `count` least frequent tokens that occur in the index at all.

    Tokens absent from the index (a hyphenation fragment like "traf") add nothing to an OR
    and are skipped, so the remaining ones still find the page.
    """
    freq = {t: snap.doc_frequency(FIELD, t) for t in set(tokens)}
    present = sorted((df, t) for t, df in freq.items() if df > 0)
    return [t for _, t in present[:count]]


def phrase_candidates(snap: Snapshot, tokens: Sequence[str], top: int = 30) -> dict[str, dict[int, int]]:
    """Pages containing the quote's tokens as a phrase (the fast path)."""
    if len(tokens) < 2:
        return {}
    # The rarest words and the common-word pairs narrow the pages down with arrays; the
    # positional check then runs on those few pages only (fastpath.py).
    rare = [wq.Term(FIELD, t) for t in rarest_tokens(snap, tokens, 3)]
    q = wq.And([*rare, pair_phrase(wq.Phrase(FIELD, list(tokens)))])
    hits: dict[str, dict[int, int]] = {}
    for ref in snap.best_pages(snap.evaluate(q), top):
        hits.setdefault(ref.report_id, {})[ref.page] = ref.docnum
    # A phrase hit holds the whole quote on one page: no neighbours to check.
    return {rid: dict(sorted(pages.items())) for rid, pages in sorted(hits.items())}


def rare_word_candidates(snap: Snapshot, tokens: Sequence[str], *, rare: int = 8,
                         top: int = 30) -> dict[str, dict[int, int]]:
    """The best pages for the quote's rarest tokens, with their neighbours."""
    rarest = rarest_tokens(snap, tokens, rare)
    if not rarest:
        return {}
    q = wq.Or([wq.Term(FIELD, t) for t in rarest])
    return _with_neighbours(snap, snap.best_pages(snap.evaluate(q), top))


def _with_neighbours(snap: Snapshot, refs) -> dict[str, dict[int, int]]:
    """report id -> {page number: docnum} for the hits and the pages around them."""
    out: dict[str, dict[int, int]] = {}
    for ref in refs:
        pages = out.setdefault(ref.report_id, {})
        pages[ref.page] = ref.docnum
        for delta in (-1, 1):
            near = snap.neighbour(ref.docnum, delta)
            if near is not None:
                pages.setdefault(ref.page + delta, near)
    return {rid: dict(sorted(pages.items())) for rid, pages in sorted(out.items())}
