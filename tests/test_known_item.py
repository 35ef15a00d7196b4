"""Known-item search: a query written from a page's content finds that report and page.

For every text page of the indexed collection (sampled deterministically), the query is
the page's four most distinctive words (rarest in the index, present on the page). The
report must be in the top 3 and the page among its shown pages. The hit rate is printed
and must stay high; every miss is listed to help diagnose ranking changes.
"""

from __future__ import annotations

import math
import random

import pytest

from indexer.search import Searcher
from indexer.tokens import tokenize


def _queries(searcher: Searcher, per_report: int = 4) -> list[tuple[str, int, str]]:
    rng = random.Random(1234)
    out = []
    with searcher.reader.snapshot() as snap:
        n = snap.page_total()
        for rid in sorted(snap.records):
            texts = snap.page_texts(rid)
            candidates = [p for p, t in texts.items() if len(t) > 400]
            for page in sorted(rng.sample(candidates, min(per_report, len(candidates)))):
                words = {t.text for t in tokenize(texts[page])
                         if not t.sea and t.text.isalpha() and len(t.text) > 3}
                ranked = sorted(words, key=lambda w: (snap.doc_frequency("text", w), w))
                picked = [w for w in ranked if snap.doc_frequency("text", w) > 0][:4]
                if len(picked) == 4 and math.isfinite(n):
                    out.append((rid, page, " ".join(picked)))
    return out


def _hit_rate(index_path) -> tuple[float, list[str]]:
    searcher = Searcher(index_path)
    queries = _queries(searcher)
    misses = []
    for rid, page, query in queries:
        res = searcher.search(query, per_page=3)
        top = {h.report_id: h for h in res.results}
        if rid not in top or page not in [p.page for p in top[rid].pages]:
            misses.append(f"{rid} p.{page}: {query}")
    return 1 - len(misses) / len(queries), misses


def test_known_items_sample_corpus(sample_index):
    rate, misses = _hit_rate(sample_index)
    print(f"known-item hit rate, sample corpus: {rate:.1%}; misses: {misses}")
    assert rate >= 0.9, misses


def test_known_items_real_pdfs(real_index):
    rate, misses = _hit_rate(real_index)
    print(f"known-item hit rate, real PDFs: {rate:.1%}; misses: {misses}")
    assert rate >= 0.85, misses


@pytest.mark.parametrize("query,file_part", [
    ("Ketenagakerjaan", "id_uu_13_2003"),
    ("child labor Cambodia 2021", "ilab_findings_2021_cambodia"),
])
def test_real_reports_found_by_topic(real_index, query, file_part):
    res = Searcher(real_index).search(query, per_page=3)
    assert any(file_part in h.file for h in res.results), [h.file for h in res.results]


@pytest.mark.parametrize("file_part", ["th_law3154_budget_meaning", "th_law3154_treasury_balance",
                                       "kh_safe_migration_part1", "id_uu_13_2003"])
def test_word_read_from_a_non_english_page_finds_it(real_index, file_part):
    """Issue 5: a word (a 6-letter run for Thai/Khmer, a rare word otherwise) read from a page."""
    from indexer.tokens import SEA_RUN

    searcher = Searcher(real_index)
    rid = next(r for r, rec in searcher.reader.records().items() if file_part in rec["file"]["path"])
    texts = searcher.reader.page_texts(rid)
    page = sorted(p for p, t in texts.items() if len(t) > 200)[len(texts) // 2 if len(texts) > 2 else 0]
    runs = [r for r in SEA_RUN.findall(texts[page]) if len(r) >= 8]
    if runs:
        query = runs[len(runs) // 2][:6]
    else:
        query = max((t.text for t in tokenize(texts[page]) if t.text.isalpha()), key=len)
    res = searcher.search(query, per_page=3)
    assert rid in [h.report_id for h in res.results], query
