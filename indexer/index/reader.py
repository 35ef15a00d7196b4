"""Read side of the index: report records, page text and the matching primitives search uses.

One `IndexReader` per generation; it is cheap to keep for many requests because it
caches the report records. Searchers are opened per call and closed at once, so a reader
can be shared across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from whoosh import query as wq
from whoosh.collectors import TimeLimitCollector, TopCollector
from whoosh.searching import TimeLimit

from ..errors import IndexCorrupt, NotFound, QueryTimeout
from ..models import Report
from .records import decode_record, decode_text, record_to_report
from .store import IndexDir


class IndexReader:
    """A read-only view of one generation of the index."""

    def __init__(self, index_path: Path | str) -> None:
        self.dir = IndexDir(index_path)
        self.generation = self.dir.current_generation() or ""
        self.ix = self.dir.open_index(self.generation or None)
        self._lock = threading.Lock()
        self._snap: tuple[int, dict[str, dict], list[str]] | None = None

    def is_current(self) -> bool:
        """False once a newer generation has been published (a full rebuild swapped in)."""
        try:
            return self.dir.current_generation() == self.generation
        except IndexCorrupt:
            return False

    # -- records ------------------------------------------------------------------------
    def _snapshot(self, s) -> tuple[dict[str, dict], list[str]]:
        """Records and the docnum -> report id map of the commit `s` reads (cached per commit)."""
        gen = s.reader().generation()
        with self._lock:
            if self._snap is not None and self._snap[0] == gen:
                return self._snap[1], self._snap[2]
            try:
                records = {}
                for docnum in s.document_numbers(kind="report"):
                    fields = s.stored_fields(docnum)
                    records[fields["report_id"]] = decode_record(fields["blob"])
                col = s.reader().column_reader("report_id")
                report_of = list(col)
            except Exception as exc:  # a damaged segment shows up as any exception type
                raise IndexCorrupt(f"index in {self.dir.path} cannot be read: "
                                   f"{type(exc).__name__}: {exc}",
                                   "rebuild with: reportsearch index --full") from exc
            self._snap = (gen, records, report_of)
            return records, report_of

    def records(self) -> dict[str, dict]:
        """All report records by id, from the latest commit."""
        with self.ix.searcher() as s:
            return self._snapshot(s)[0]

    def record(self, report_id: str) -> dict:
        rec = self.records().get(report_id)
        if rec is None:
            raise NotFound(f"no report with id {report_id!r}")
        return rec

    def report(self, report_id: str, with_text: bool = False) -> Report:
        rec = self.record(report_id)
        texts = self.page_texts(report_id) if with_text else None
        return record_to_report(rec, texts)

    def page_texts(self, report_id: str, pages: Iterable[int] | None = None) -> dict[int, str]:
        """Text of a report's pages (all, or the given page numbers)."""
        wanted = set(pages) if pages is not None else None
        out: dict[int, str] = {}
        with self.ix.searcher() as s:
            for docnum in s.document_numbers(report_id=report_id, kind="page"):
                fields = s.stored_fields(docnum)
                if wanted is None or fields["page"] in wanted:
                    out[fields["page"]] = decode_text(fields["blob"])
        return out

    def page_count(self) -> int:
        with self.ix.searcher() as s:
            return s.doc_count() - len(self.records())

    # -- matching -----------------------------------------------------------------------
    def matching_pages(self, q: wq.Query) -> dict[str, list[int]]:
        """Every page matching `q` as docnums grouped by report id (unscored: counts, facets)."""
        with self.ix.searcher() as s:
            report_of = self._snapshot(s)[1]
            out: dict[str, list[int]] = {}
            for docnum in q.docs(s):
                out.setdefault(report_of[docnum], []).append(docnum)
            return out

    def top_pages(self, q: wq.Query, limit: int, time_limit: float = 3.0,
                  restrict: wq.Query | None = None) -> list[tuple[str, int, float]]:
        """Best-scoring pages as (report id, page number, score), best first."""
        with self.ix.searcher() as s:
            collector = TimeLimitCollector(TopCollector(limit=limit), timelimit=time_limit,
                                           use_alarm=False)
            try:
                s.search_with_collector(q, collector, filter=restrict)
            except TimeLimit:
                raise QueryTimeout("the query took too long", "make it more specific") from None
            results = collector.results()
            out = []
            for hit in results:
                fields = hit.fields()
                out.append((fields["report_id"], fields["page"], float(hit.score)))
            return out
