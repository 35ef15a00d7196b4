"""Read side of the index: report records, page text and the matching primitives search uses.

One `IndexReader` per generation; it is cheap to keep for many requests because it
caches the report records. Searchers are opened per call and closed at once, so a reader
can be shared across threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import query as wq
from whoosh.collectors import Collector, FilterCollector, TopCollector
from whoosh.query import TermNotFound
from whoosh.searching import Searcher, TimeLimit
from whoosh.support.levenshtein import distance

from ..errors import IndexCorrupt, NotFound, QueryError, QueryTimeout
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
        self._snap: tuple[int, dict[str, dict], list[str], frozenset[int]] | None = None

    def is_current(self) -> bool:
        """False once a newer generation has been published (a full rebuild swapped in)."""
        try:
            return self.dir.current_generation() == self.generation
        except IndexCorrupt:
            return False

    # -- records ------------------------------------------------------------------------
    def _snapshot(self, s) -> tuple[dict[str, dict], list[str], frozenset[int]]:
        """Records and the docnum -> report id map of the commit `s` reads (cached per commit)."""
        gen = s.reader().generation()
        with self._lock:
            if self._snap is not None and self._snap[0] == gen:
                return self._snap[1], self._snap[2], self._snap[3]
            try:
                records = {}
                report_docs = set()
                for docnum in s.document_numbers(kind="report"):
                    fields = s.stored_fields(docnum)
                    records[fields["report_id"]] = decode_record(fields["blob"])
                    report_docs.add(docnum)
                reader = s.reader()
                if reader.doc_count_all() == 0:
                    report_of = []  # an empty index has no column at all
                else:
                    report_of = list(reader.column_reader("report_id"))
            except Exception as exc:  # a damaged segment shows up as any exception type
                raise IndexCorrupt(f"index in {self.dir.path} cannot be read: "
                                   f"{type(exc).__name__}: {exc}",
                                   "rebuild with: reportsearch index --full") from exc
            self._snap = (gen, records, report_of, frozenset(report_docs))
            return records, report_of, self._snap[3]

    def records(self) -> dict[str, dict]:
        """All report records by id, from the latest commit."""
        with self.snapshot() as snap:
            return snap.records

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
        with self.snapshot() as snap:
            return snap.page_texts(report_id, pages)

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """One consistent view (one commit) for a whole search: docnums stay valid inside."""
        try:
            s = self.ix.searcher()
        except Exception as exc:
            raise IndexCorrupt(f"index in {self.dir.path} cannot be read: {type(exc).__name__}: {exc}",
                               "rebuild with: reportsearch index --full") from exc
        try:
            yield Snapshot(s, *self._snapshot(s))
        finally:
            s.close()


@contextmanager
def _evaluating() -> Iterator[None]:
    """Whoosh's matchers index past their end on some operator chains (found by fuzzing:
    `labor viet ANDNOT labor ANDNOT labor` raised IndexError): a bad query, not a 500."""
    try:
        yield
    except IndexError:
        raise QueryError("this combination of operators cannot be evaluated",
                         "rewrite it with fewer ANDNOT / NOT operators") from None


class _DeadlineTopCollector(TopCollector):
    """Whoosh's top-k collector with a deadline checked as it scores.

    Whoosh's TimeLimitCollector overrides `collect_matches`, so a FilterCollector around it
    would bypass it (and it uses SIGALRM by default, which fails in web threads); checking
    in `collect` works under any wrapper.
    """

    def __init__(self, limit: int, deadline: float) -> None:
        super().__init__(limit=limit)
        self.deadline = deadline
        self._calls = 0

    def collect(self, sub_docnum: int):
        self._calls += 1
        if self._calls % 256 == 0 and time.monotonic() > self.deadline:
            raise TimeLimit
        return super().collect(sub_docnum)


class Snapshot:
    """Matching, scoring and text access over one open Whoosh searcher."""

    def __init__(self, searcher: Searcher, records: dict[str, dict], report_of: list[str],
                 report_docs: frozenset[int]) -> None:
        self.searcher = searcher
        self.records = records
        self.report_of = report_of
        self.report_docs = report_docs

    def matching(self, q: wq.Query) -> dict[str, list[int]]:
        """Every page matching `q` as docnums grouped by report id (unscored: counts, facets)."""
        out: dict[str, list[int]] = {}
        report_of, report_docs = self.report_of, self.report_docs
        with _evaluating():
            for docnum in q.docs(self.searcher):
                if docnum not in report_docs:  # report records carry filter fields too
                    out.setdefault(report_of[docnum], []).append(docnum)
        return out

    def score_among(self, q: wq.Query, docnums: Iterable[int]) -> dict[int, float]:
        """Scores of the given documents that match `q` (others left out).

        Skips through the postings to each candidate instead of walking every match, so
        checking the pages of ten reports costs the same for a rare word and a common one.
        """
        s = self.searcher
        try:
            m = q.matcher(s, s.context())
        except TermNotFound:
            return {}
        out: dict[int, float] = {}
        for d in sorted(docnums):
            if not m.is_active():
                break
            if m.id() < d:
                m.skip_to(d)
                if not m.is_active():
                    break
            if m.id() == d:
                out[d] = float(m.score())
        return out

    def top(self, q: wq.Query, limit: int, *, docnums: set[int] | None = None,
            per_report: int | None = None, time_limit: float = 3.0) -> list[PageRef]:
        """The `limit` best-scoring pages, best first, at most `per_report` per report.

        Scores only a top-k (Whoosh skips posting blocks that cannot make it), widening k
        until enough distinct reports are found or the matches run out: a broad query
        never scores every matching page.
        """
        if docnums is not None and not docnums:
            return []
        deadline = time.monotonic() + time_limit
        k = max(limit * 8, 32)  # several pages per report usually share the top
        while True:
            scored = self._top_k(q, k, docnums, deadline)
            taken: dict[str, int] = {}
            out: list[PageRef] = []
            for score, docnum in scored:
                rid = self.report_of[docnum]
                if per_report and taken.get(rid, 0) >= per_report:
                    continue
                taken[rid] = taken.get(rid, 0) + 1
                out.append(PageRef(rid, self.searcher.stored_fields(docnum)["page"],
                                   float(score), docnum))
                if len(out) >= limit:
                    return out
            if len(scored) < k:  # every match has been seen
                return out
            k *= 4

    def _top_k(self, q: wq.Query, k: int, docnums: set[int] | None,
               deadline: float) -> list[tuple[float, int]]:
        collector: Collector = _DeadlineTopCollector(k, deadline)
        if docnums is not None:
            collector = FilterCollector(collector, allow=docnums)
        elif self.report_docs:  # report records carry filter fields too: pages only
            collector = FilterCollector(collector, restrict=set(self.report_docs))
        try:
            self.searcher.search_with_collector(q, collector)
        except TimeLimit:
            raise QueryTimeout("the query took longer than its time budget",
                               "make it more specific (fewer wildcards or OR terms)") from None
        return sorted(collector.results().top_n, key=lambda sd: (-sd[0], sd[1]))

    def neighbour(self, docnum: int, delta: int) -> int | None:
        """The docnum of the same report's page `delta` pages away, if it is adjacent.

        The writer adds a report's pages in order, and merges keep document order, so the
        next page is the next document; checked rather than assumed.
        """
        other = docnum + delta
        if not 0 <= other < len(self.report_of) or other in self.report_docs:
            return None
        if self.report_of[other] != self.report_of[docnum]:
            return None
        if self.page_number(other) != self.page_number(docnum) + delta:
            return None
        return other

    def page_number(self, docnum: int) -> int:
        return self.searcher.stored_fields(docnum)["page"]

    def text_of(self, docnum: int) -> str:
        return decode_text(self.searcher.stored_fields(docnum)["blob"])

    def page_docnums(self, report_id: str) -> dict[int, int]:
        """Page number -> docnum for one report."""
        s = self.searcher
        return {s.stored_fields(d)["page"]: d
                for d in s.document_numbers(report_id=report_id, kind="page")}

    def page_texts(self, report_id: str, pages: Iterable[int] | None = None) -> dict[int, str]:
        wanted = set(pages) if pages is not None else None
        return {n: self.text_of(d) for n, d in self.page_docnums(report_id).items()
                if wanted is None or n in wanted}

    def doc_frequency(self, field: str, text: str) -> int:
        return self.searcher.doc_frequency(field, text)

    def suggest(self, field: str, word: str, maxdist: int = 2, prefix: int = 2) -> str | None:
        """The most frequent indexed word within `maxdist` edits (same first letters)."""
        reader = self.searcher.reader()
        fieldobj = reader.schema[field]
        best: tuple[int, int, str] | None = None
        for btext in reader.expand_prefix(field, word[:prefix]):
            cand = fieldobj.from_bytes(btext)
            if abs(len(cand) - len(word)) > maxdist or cand == word:
                continue
            d = distance(cand, word, limit=maxdist)
            if d <= maxdist:
                key = (d, -reader.doc_frequency(field, cand), cand)
                best = key if best is None or key < best else best
        return best[2] if best else None

    def page_total(self) -> int:
        return self.searcher.doc_count() - len(self.records)


@dataclass(frozen=True)
class PageRef:
    """A scored page inside a snapshot."""

    report_id: str
    page: int
    score: float
    docnum: int
