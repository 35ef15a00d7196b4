"""Candidate pages for quote lookup: the Whoosh half of `indexer.cite`.

Finding where a remembered quote comes from is a verification problem (`cite.py` compares
the quote with page text), but it must not read every page. This module narrows the index
down to a few dozen pages with two cheap queries on the unstemmed `text` field:

- a phrase over the quote's tokens: the fast path when the quote was pasted intact;
- an OR of the quote's rarest tokens, best 30 pages: catches quotes the phrase misses
  (hyphenation, a mistyped word, a paraphrase, a quote cut across a page break).

Each hit brings its previous and next page along so a quote crossing a page break can be
checked against both halves.
"""

from __future__ import annotations

from collections.abc import Sequence

from whoosh import query as wq

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


def quote_candidates(snap: Snapshot, tokens: Sequence[str], *, rare: int = 8,
                     top: int = 30) -> dict[str, list[int]]:
    """Page numbers worth comparing with the quote, by report id (sorted, deterministic).

    `tokens` are the quote's index tokens (`indexer.tokens.words`). The result holds the
    phrase hits, the best `top` pages for the rarest `rare` tokens, and the neighbours of
    each of them.
    """
    hits: dict[str, set[int]] = {}
    queries: list[wq.Query] = []
    if len(tokens) > 1:
        queries.append(wq.Phrase(FIELD, list(tokens)))
    rarest = rarest_tokens(snap, tokens, rare)
    if rarest:
        queries.append(wq.Or([wq.Term(FIELD, t) for t in rarest]))
    for q in queries:
        for ref in snap.top(q, top):
            hits.setdefault(ref.report_id, set()).add(ref.page)
    out: dict[str, list[int]] = {}
    for report_id, pages in sorted(hits.items()):
        near = {n + d for n in pages for d in (-1, 0, 1)}
        out[report_id] = sorted(n for n in near if n >= 1)
    return out
