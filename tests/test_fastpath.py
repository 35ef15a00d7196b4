"""The array evaluator (indexer/index/fastpath.py) against Whoosh's own matchers.

Whoosh is the reference: for every kind of query the array evaluator must return the same
documents with the same scores. The index has several segments and deleted documents,
which is where reading postings by hand could go wrong.
"""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from bench import synth
from indexer.filters import Filters, normalize_filter_value, record_values
from indexer.index import postings
from indexer.index import query as qlang
from indexer.index.reader import IndexReader, ReportOf
from indexer.index.schema import FACET_FIELDS
from indexer.index.store import IndexDir
from indexer.index.term_cache import PostingCache
from indexer.index.writer import ReportWriter
from indexer.reports_table import ReportsTable

N_PAGES = 400


@pytest.fixture(scope="module")
def synth_index(tmp_path_factory):
    """Several commits (segments) and a deleted report: postings include dead docnums."""
    reps = synth.reports(N_PAGES)
    path = tmp_path_factory.mktemp("fastpath")
    index_dir = IndexDir(path)
    gen = index_dir.new_generation()
    writer = ReportWriter(index_dir, gen)
    for i, r in enumerate(reps, 1):
        writer.add(synth.to_report(r))
        if i % 12 == 0:
            writer.commit()
    writer.commit()
    for r in reps[3:6]:
        writer.delete(r.rid)
    writer.commit()
    index_dir.publish(gen)
    return path, reps


def _whoosh(snap, q):
    """Reference: walk Whoosh's matcher for `q`."""
    m = q.matcher(snap.searcher, snap.searcher.context())
    ids, scores = [], []
    while m.is_active():
        ids.append(m.id())
        scores.append(m.score())
        m.next()
    return ids, scores


def _queries(reps):
    qs = [q.text for q in synth.queries(reps, 6)]
    qs += ['"' + " ".join(q.words[:n]) + '"' for q in synth.queries(reps, 4)
           if q.cls == "quote" for n in (3, 5)]
    words = sorted({w for q in synth.queries(reps, 3) for w in q.words if len(w) > 4})[:6]
    a, b, c = words[:3]
    qs += [f"{a} OR {b}", f"{a} -{b}", f"{a} AND NOT {b}", f"NOT {a}", f"({a} OR {b}) {c}",
           f"{a} ANDMAYBE {b}", f"title:{a}", f"{a}~1", f"{a[:4]}* {b}", f'"{a} {b}"~3',
           f"{a} year:2015..2020", f"{a} country:thailand", f"{a} lang:en type:report",
           "the of", '"of the"', f'"the {a}"', f"{a} {b} {c} OR the"]
    return qs


def test_postings_read_by_blocks_equal_whoosh_postings(synth_index):
    path, _ = synth_index
    reader = IndexReader(path)
    checked = 0
    with reader.snapshot() as snap:
        for sub, _offset in snap.searcher.leaf_searchers():
            r = sub.reader()
            for field in ("text", "stem", "pairs", "title", "country"):
                terms = list(itertools.islice(r.lexicon(field), 0, None, 7))[:40]
                assert terms, field
                for t in terms:
                    m = r.postings(field, t)
                    ref_ids, ref_w, ref_pos = [], [], []
                    while m.is_active():
                        ref_ids.append(m.id())
                        ref_w.append(m.weight())
                        ref_pos.append(m.value_as("positions") if field == "text" else None)
                        m.next()
                    tp = postings.term_postings(r, field, t)
                    ids, weights = tp.all()
                    live = [not r.is_deleted(d) for d in ids.tolist()]
                    assert ids[live].tolist() == ref_ids, (field, t)
                    assert np.allclose(weights[live], ref_w), (field, t)
                    # probing every other live doc, plus docs that lack the term
                    wanted = np.unique(np.concatenate([np.asarray(ref_ids[::2], dtype=np.int64),
                                                       np.arange(0, r.doc_count_all(), 97)]))
                    p_ids, p_w, p_pos = tp.probe(wanted, positions=field == "text")
                    want = [(d, w, p) for d, w, p in zip(ref_ids, ref_w, ref_pos, strict=True)
                            if d in set(wanted.tolist())]
                    got_ids = [d for d in p_ids.tolist() if not r.is_deleted(d)]
                    assert got_ids == [d for d, _, _ in want], (field, t)
                    if field == "text":
                        by_doc = dict(zip(p_ids.tolist(), p_pos, strict=True))
                        assert [by_doc[d] for d in got_ids] == [p for _, _, p in want]
                    checked += 1
    assert checked > 100


def test_index_has_segments_and_deletions(synth_index):
    path, _ = synth_index
    with IndexReader(path).snapshot() as snap:
        leaves = snap.searcher.leaf_searchers()
        assert len(leaves) > 1
        assert any(sub.reader().has_deletions() for sub, _ in leaves)


def test_every_query_kind_matches_whoosh(synth_index):
    path, reps = synth_index
    reader = IndexReader(path)
    checked = 0
    with reader.snapshot() as snap:
        for text in _queries(reps):
            parsed = qlang.parse(text, normalize_filter_value)
            for q in (parsed.query, parsed.any_words):
                if q is None:
                    continue
                q = qlang.expand(q, snap.searcher)
                for variant in (q, qlang.text_only(q)):
                    ref_ids, ref_scores = _whoosh(snap, variant)
                    hits = snap.evaluate(variant)
                    assert hits.ids.tolist() == ref_ids, text
                    assert np.allclose(hits.scores, ref_scores, rtol=1e-9, atol=0), text
                    checked += 1
                    if ref_ids:
                        within = np.asarray(ref_ids[::3], dtype=np.int64)
                        sub = snap.evaluate(variant, within=within)
                        assert sub.ids.tolist() == within.tolist(), text
                        assert np.allclose(sub.scores, ref_scores[::3], rtol=1e-9, atol=0), text
    assert checked > 100


def test_cache_is_bounded_and_reused(synth_index):
    path, reps = synth_index
    reader = IndexReader(path)
    with reader.snapshot() as snap:
        cache = PostingCache(snap.commit.generation, max_bytes=20_000)
        for sub, _ in snap.searcher.leaf_searchers()[:1]:
            words = list(itertools.islice(sub.reader().lexicon("stem"), 200))
        for w in words:
            cache.term(snap.searcher, "stem", w)
            assert cache._bytes <= 20_000
        last = cache.term(snap.searcher, "stem", words[-1])
        assert cache.term(snap.searcher, "stem", words[-1]) is last  # served from the cache


def _reference_facets(records, matched, flt):
    facets = {}
    for field in FACET_FIELDS:
        counts = {}
        for rid in matched:
            if flt.passes(records[rid], skip=field):
                for v in set(record_values(records[rid], field)):
                    counts[v] = counts.get(v, 0) + 1
        facets[field] = counts
    return facets


@pytest.mark.parametrize("filters", [
    {}, {"country": "Thailand"}, {"country": ["thailand", "Viet Nam"], "year": "2012..2018"},
    {"theme": "fishing", "language": "en"}, {"year": ["2010", "2020..2025"], "type": "report"},
    {"country": "Atlantis"},
])
def test_reports_table_facets_and_filters_equal_the_record_filters(synth_index, filters):
    path, _ = synth_index
    reader = IndexReader(path)
    with reader.snapshot() as snap:
        table = ReportsTable(snap.records.decoded(), snap.report_of, snap.report_docs)
        flt = Filters(filters)
        masks = table.filter_masks(flt)
        matched = np.zeros(len(table), dtype=bool)
        matched[::2] = True  # every other report "matches"
        rids = [table.ids[i] for i in np.flatnonzero(matched)]
        want = _reference_facets(snap.records, rids, flt)
        got = table.facets(matched, masks)
        assert {f: dict(v) for f, v in got.items()} == want
        ok = table.passing(masks, matched)
        assert [table.ids[i] for i in np.flatnonzero(ok)] == [
            r for r in rids if flt.passes(snap.records[r])]


def test_best_reports_rank_by_best_page_with_docnum_ties(synth_index):
    path, _ = synth_index
    with IndexReader(path).snapshot() as snap:
        table = ReportsTable(snap.records.decoded(), snap.report_of, snap.report_docs)
        pages = np.flatnonzero(table.doc_rep >= 0)
        scores = (pages % 7).astype(float)  # many ties
        ok = np.ones(len(table), dtype=bool)
        got = [rid for rid, _ in table.best_reports(pages, scores, ok, 15)]
        seen, want = set(), []
        for _s, d in sorted(zip((-scores).tolist(), pages.tolist(), strict=True)):
            rid = snap.report_of[d]
            if rid not in seen:
                seen.add(rid)
                want.append(rid)
        assert got == want[:15]


def test_a_kept_searcher_sees_the_next_commit_and_caches_reset(tmp_path):
    """Each thread keeps its Whoosh searcher; a commit must still show up at once, with
    docnums, term arrays and tables from the new commit (not the cached ones)."""
    from conftest import make_report

    from indexer.search import Searcher

    index_dir = IndexDir(tmp_path)
    gen = index_dir.new_generation()
    writer = ReportWriter(index_dir, gen)
    writer.add(make_report("a.pdf", ["Fishing boats and debt bondage."], title="A"))
    writer.commit()
    index_dir.publish(gen)
    s = Searcher(tmp_path)
    assert s.search("bondage").total == 1
    first = s.reader._commit
    writer = ReportWriter(index_dir, gen)
    writer.add(make_report("b.pdf", ["Debt bondage in factories."], title="B",
                           countries=("Malaysia",)))
    writer.delete(make_report("a.pdf", ["Fishing boats and debt bondage."], title="A").id)
    writer.commit()
    res = s.search("bondage")
    assert res.total == 1 and res.results[0].metadata.title == "B"
    assert res.facets["country"] == {"Malaysia": 1}
    assert s.reader._commit is not first


def test_an_expired_deadline_stops_array_and_whoosh_evaluation(synth_index):
    from indexer.errors import QueryTimeout

    path, reps = synth_index
    word = synth.queries(reps, 1)[0].words[0]
    with IndexReader(path).snapshot() as snap:
        for text in (word, f'"{word} the"~2', f"{word}~1"):
            q = qlang.expand(qlang.parse(text).query, snap.searcher)
            assert len(snap.evaluate(q)) > 0
            with pytest.raises(QueryTimeout):
                snap.evaluate(q, time_limit=-1.0)


def _reference_order(records, rids, sort):
    def title(r):
        return records[r]["metadata"]["title"].casefold()

    if sort == "title":
        return sorted(rids, key=lambda r: (title(r), r))
    sign = -1 if sort == "newest" else 1
    return sorted(rids, key=lambda r: (records[r]["metadata"].get("year") is None,
                                       sign * (records[r]["metadata"].get("year") or 0),
                                       title(r), r))


@pytest.mark.parametrize("sort", ["title", "newest", "oldest"])
def test_sorting_reports_by_title_and_year(sort):
    rng = random.Random(7)
    titles = ["Forced labour", "forced Labour", "Åland", "zeta", "Alpha", "alpha", "ไทย", ""]
    records = {}
    for i in range(60):
        rid = f"{rng.randrange(16**8):08x}{i:08x}"
        records[rid] = {"metadata": {"title": rng.choice(titles),
                                     "year": rng.choice([None, 2010, 2015, 2015, 2024]),
                                     "countries": [], "themes": [], "languages": [],
                                     "doc_type": "report"}}
    table = ReportsTable(records.items(), ReportOf.from_column(list(records)), frozenset())
    mask = np.asarray([rng.random() < 0.7 for _ in records])
    rids = [r for r, m in zip(records, mask.tolist(), strict=True) if m]
    assert table.ordered(mask, sort) == _reference_order(records, rids, sort)
