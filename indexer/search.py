"""The search library API: one typed entry point for the CLI, the web pages and the JSON API.

Pages are matched (as arrays, `index/fastpath.py`), reports are ranked by their best page,
and facet counts count reports. Filters (country, theme, year, language, type) are masks
over the report metadata (`reports_table.py`), which makes "facet counts equal what the
filter then returns" hold by construction: the count for a value is computed over the
query's matches and every *other* active filter.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from .errors import NotFound, QueryError, UsageError
from .filters import Filters, normalize_filter_value
from .index import query as qlang
from .index.analysis import stem_word
from .index.hits import Hits
from .index.reader import IndexReader, PageRef, Snapshot
from .index.records import record_to_report
from .models import Metadata, PageHit, QuoteMatch, Report, ReportHit, SearchResults, display_name
from .reports_table import ReportsTable
from .snippets import match_spans, snippet
from .tokens import normalize_word, tokenize

SORTS = ("relevance", "newest", "oldest", "title")
MAX_QUERY_LENGTH = qlang.MAX_LENGTH
MAX_PER_PAGE = 50
MAX_DEPTH = 1000  # page * per_page
PAGES_PER_REPORT = 3
FALLBACK_NOTICE = "No page has all the words; showing pages with most of them."


def metadata_of(rec: dict) -> Metadata:
    return record_to_report({**rec, "pages": []}).metadata


def _table(snap: Snapshot) -> ReportsTable:
    """The commit's reports table, built once and shared."""
    return snap.derived("reports", lambda: ReportsTable(snap.records.decoded(), snap.report_of,
                                                        snap.report_docs))


class Searcher:
    """Search one index. Cheap to keep: report records are cached per commit."""

    def __init__(self, index_path: Path | str, corpus_path: Path | str | None = None) -> None:
        self.index_path = Path(index_path)
        self.corpus_path = Path(corpus_path) if corpus_path else None
        self.reader = IndexReader(self.index_path)

    def is_current(self) -> bool:
        return self.reader.is_current()

    def clear_caches(self) -> None:
        """Forget cached postings (benchmarks measure cold queries with this)."""
        self.reader.clear_caches()

    # -- search -------------------------------------------------------------------------
    def search(self, query: str = "", *, filters: Mapping[str, Sequence[str] | str] | None = None,
               sort: str = "relevance", page: int = 1, per_page: int = 10,
               expand: bool = False) -> SearchResults:
        if sort not in SORTS:
            raise UsageError(f"unknown sort {sort!r}", "use one of: " + ", ".join(SORTS))
        per_page = max(1, min(int(per_page), MAX_PER_PAGE))
        page = max(1, min(int(page), MAX_DEPTH // per_page))
        flt = Filters(filters)
        parsed = qlang.parse(query, normalize_filter_value)
        expansions: dict[str, dict[str, tuple[str, ...]]] = {}
        if expand and parsed is not None and qlang.is_plain(parsed.text):
            parsed, expansions = self._expand(parsed)
        notice = None
        with self.reader.snapshot() as snap:
            table = _table(snap)
            masks = table.filter_masks(flt)
            hits = None
            shown_q = parsed.query if parsed else None
            if parsed is None:
                q = text_q = None
                matched = np.ones(len(table), dtype=bool)
            else:
                q, text_q = self._page_queries(snap, parsed.query)
                hits = snap.evaluate(q)
                matched = table.reports_of(hits.ids)
                if not matched.any() and parsed.any_words is not None:
                    shown_q = parsed.any_words
                    q, text_q = self._page_queries(snap, shown_q)
                    hits = snap.evaluate(q)
                    matched = table.reports_of(hits.ids)
                    notice = FALLBACK_NOTICE if matched.any() else None
            ok_mask = table.passing(masks, matched)
            total = int(ok_mask.sum())
            facets = table.facets(matched, masks)
            start = (page - 1) * per_page
            if hits is None or sort != "relevance":
                ordered = table.ordered(ok_mask, "newest" if sort == "relevance" else sort)
                shown = ordered[start : start + per_page]
            else:
                best = table.best_reports(hits.ids, hits.scores, ok_mask, start + per_page)
                shown = [rid for rid, _ in best[start : start + per_page]]
            refs, counts = self._shown_pages(snap, table, hits, text_q, shown)
            results = self._hits(snap, shown, refs, counts, parsed, shown_q)
            suggestion = self._suggest(snap, parsed, total, flt) if parsed else None
        return SearchResults(query=query, total=total, page=page, per_page=per_page,
                             results=tuple(results), facets=facets, suggestion=suggestion,
                             notice=notice, filters=flt.values, sort=sort,
                             expansions=expansions)

    @staticmethod
    def _expand(parsed):
        """Add glossary equivalents in the other languages to each recognised term.

        "forced labour fishing" becomes
        `((forced labour) OR "แรงงานบังคับ" OR "kerja paksa" ...) fishing`.
        """
        from .glossary import load_glossary

        words = parsed.text.split()
        found = load_glossary().expand_query_terms(words)
        if not found:
            return parsed, {}
        by_start = {e.start: e for e in found}
        parts: list[str] = []
        notes: dict[str, dict[str, tuple[str, ...]]] = {}
        i = 0
        while i < len(words):
            e = by_start.get(i)
            if e is None:
                parts.append(words[i])
                i += 1
                continue
            term = " ".join(words[e.start:e.end])
            others = [t for terms in e.equivalents.values() for t in terms
                      if '"' not in t and normalize_word(t) != normalize_word(term)]
            parts.append("((" + term + ") OR " + " OR ".join(f'"{t}"' for t in others) + ")")
            notes[term] = {lang: terms for lang, terms in e.equivalents.items()
                           if lang != e.language or len(terms) > 1}
            i = e.end
        expanded = qlang.parse(" ".join(parts), normalize_filter_value, trusted=True)
        return (expanded or parsed), notes

    @staticmethod
    def _page_queries(snap: Snapshot, parsed_query) -> tuple[qlang.Query, qlang.Query]:
        """The page query (BM25F over title, summary and text) and its text-only variant.

        Report-record documents are excluded by the snapshot, not by an extra AND clause
        on every posting.
        """
        expanded = qlang.expand(parsed_query, snap.searcher)
        return expanded, qlang.text_only(expanded)

    @staticmethod
    def _shown_pages(snap: Snapshot, table: ReportsTable, hits: Hits | None, text_q,
                     shown: list[str]) -> tuple[list[PageRef], dict[str, int]]:
        """Best pages of the shown reports, and how many pages of each match in their text.

        Only pages whose text matches are shown and counted; a report matched through its
        title or summary alone shows its first page. Computed for the shown reports only,
        so the cost does not grow with the number of matches.
        """
        if hits is None or not shown:
            return [], {}
        matched = table.docs_by_report(hits.ids, shown)
        candidates = np.asarray(sorted(d for docs in matched.values() for d in docs),
                                dtype=np.int64)
        in_text = set(snap.evaluate(text_q, within=candidates).ids.tolist())
        among = np.isin(hits.ids, candidates)
        score_of = dict(zip(hits.ids[among].tolist(), hits.scores[among].tolist(), strict=True))
        refs = []
        counts = {}
        for rid, docs in matched.items():
            pages = [d for d in docs if d in in_text] or docs[:1]
            counts[rid] = len(pages)
            best = sorted(pages, key=lambda d: (-score_of.get(d, 0.0), d))[:PAGES_PER_REPORT]
            refs += [PageRef(rid, snap.page_number(d), score_of.get(d, 0.0), d) for d in best]
        return refs, counts

    def _hits(self, snap: Snapshot, shown: list[str], refs: list[PageRef],
              counts: Mapping[str, int], parsed, used) -> list[ReportHit]:
        by_report: dict[str, list[PageRef]] = {}
        for ref in refs:
            by_report.setdefault(ref.report_id, []).append(ref)
        hl = self._highlighter(parsed, used)
        hits = []
        for rid in shown:
            rec = snap.records[rid]
            page_refs = by_report.get(rid, [])[:PAGES_PER_REPORT]
            labels = {p[0]: p[1] for p in rec["pages"]}
            langs = {p[0]: tuple(p[3]) for p in rec["pages"]}
            pages = tuple(
                PageHit(page=r.page, label=labels.get(r.page, str(r.page)),
                        snippet=hl(snap.text_of(r.docnum)), score=r.score,
                        languages=langs.get(r.page, ()))
                for r in page_refs
            )
            hits.append(ReportHit(report_id=rid, file=display_name(rec["file"]["path"]),
                                  metadata=metadata_of(rec),
                                  score=max((r.score for r in page_refs), default=0.0),
                                  matching_pages=counts.get(rid, 0), pages=pages))
        return hits

    @staticmethod
    def _highlighter(parsed, used=None):
        """Marks the words of `used` (the query that matched: the any-word fallback or the
        query itself)."""
        if parsed is None:
            return lambda text: snippet(text, [])
        plain, stems = qlang.highlight_terms(used if used is not None else parsed.query)
        sea = parsed.sea_strings
        return lambda text: snippet(text, match_spans(text, plain, stems, sea, stem_word))

    def _suggest(self, snap: Snapshot, parsed, total: int, flt: Filters) -> str | None:
        """A corrected query, only when it finds more reports than the original."""
        if total >= 3:
            return None
        words = re.findall(r"(?<![\w:\"'])([^\W\d_]{4,})(?![\w:*~])", parsed.text)
        corrected = parsed.text
        changed = False
        for word in words:
            norm = normalize_word(word)
            if snap.doc_frequency("text", norm) > 0:
                continue
            option = snap.suggest("text", norm)
            if option:
                corrected = re.sub(rf"\b{re.escape(word)}\b", option, corrected, count=1)
                changed = True
        if not changed:
            return None
        try:
            cq = qlang.parse(corrected, normalize_filter_value)
        except QueryError:
            return None
        if cq is None:
            return None
        table = _table(snap)
        found = table.reports_of(snap.evaluate(qlang.expand(cq.query, snap.searcher)).ids)
        more = int(table.passing(table.filter_masks(flt), found).sum())
        return corrected if more > total else None

    # -- one report -----------------------------------------------------------------------
    def report(self, report_id: str, with_text: bool = True) -> Report:
        return self.reader.report(report_id, with_text=with_text)

    def report_pages(self, report_id: str, query: str) -> tuple[PageHit, ...]:
        """Search within one report: every matching page, in page order."""
        rec = self.reader.record(report_id)
        parsed = qlang.parse(query, normalize_filter_value)
        if parsed is None:
            return ()
        labels = {p[0]: (p[1], tuple(p[3])) for p in rec["pages"]}
        hl = self._highlighter(parsed)
        with self.reader.snapshot() as snap:
            q = qlang.in_report(qlang.text_only(qlang.expand(parsed.query, snap.searcher)),
                                report_id)
            docnums = snap.matching(q).get(report_id, [])
            pages = sorted((snap.page_number(d), d) for d in docnums)
            return tuple(PageHit(page=n, label=labels.get(n, (str(n), ()))[0],
                                 snippet=hl(snap.text_of(d)), languages=labels.get(n, ("", ()))[1])
                         for n, d in pages)

    def similar(self, report_id: str, limit: int = 5) -> tuple[ReportHit, ...]:
        """Reports sharing the most distinctive words of this one (tf-idf key terms)."""
        self.reader.record(report_id)
        with self.reader.snapshot() as snap:
            texts = snap.page_texts(report_id)
            counts = Counter(stem_word(t.text) for text in texts.values() for t in tokenize(text)
                             if not t.sea and len(t.text) > 3 and not t.text.isdigit())
            n_docs = max(snap.page_total(), 1)
            scored = sorted(((c * math.log(1 + n_docs / (1 + snap.doc_frequency("stem", w))), w)
                             for w, c in counts.most_common(300)), reverse=True)
            terms = [w for _, w in scored[:60]]
            if not terms:
                return ()
            hits = snap.evaluate(qlang.any_of("stem", terms))
            table = _table(snap)
            ok = np.ones(len(table), dtype=bool)
            ok[table.index[report_id]] = False
            return tuple(ReportHit(report_id=rid,
                                   file=display_name(snap.records[rid]["file"]["path"]),
                                   metadata=metadata_of(snap.records[rid]),
                                   score=score, matching_pages=0, pages=())
                         for rid, score in table.best_reports(hits.ids, hits.scores, ok, limit))

    def pdf_path(self, report_id: str) -> Path:
        """The report's PDF, only if it resolves to a file inside the corpus (symlinks too)."""
        rec = self.reader.record(report_id)
        if self.corpus_path is None:
            raise NotFound("no corpus folder configured")
        root = self.corpus_path.resolve()
        path = (root / rec["file"]["path"]).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            raise NotFound(f"the file of report {report_id} is not available")
        return path

    def quote(self, text: str, limit: int = 5) -> tuple[QuoteMatch, ...]:
        from .cite import find_quote

        return find_quote(self.reader, text, limit)

    def stats(self) -> dict:
        from .status import index_status

        return index_status(self.index_path, reader=self.reader)
