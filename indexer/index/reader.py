"""Read side of the index: report records, page text and the matching primitives search uses.

One `IndexReader` per generation, shared by every request thread: it keeps, per commit,
the report records (compressed), the docnum -> report / page maps and the term cache,
and each thread keeps one open Whoosh searcher (they must not be shared), reopened when
a commit lands.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TypeVar

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher
from whoosh.support.levenshtein import distance

from ..errors import IndexCorrupt, NotFound, QueryError
from ..models import Report
from .fastpath import Evaluator
from .hits import Hits
from .records import decode_record, decode_text, record_to_report
from .store import IndexDir
from .term_cache import PostingCache

T = TypeVar("T")

# Evaluations running at once, across request threads. They hold the GIL most of the time,
# so more than one per core adds no throughput, only decode buffers: at 80k pages a broad
# word's arrays are a few MB per evaluation.
_EVALUATIONS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


class IndexReader:
    """A read-only view of one generation of the index."""

    def __init__(self, index_path: Path | str) -> None:
        self.dir = IndexDir(index_path)
        self.generation = self.dir.current_generation() or ""
        self.ix = self.dir.open_index(self.generation or None)
        self._lock = threading.Lock()
        self._commit: Commit | None = None
        self._local = threading.local()

    def clear_caches(self) -> None:
        """Empty the term cache of the cached commit (records and tables are kept)."""
        commit = self._commit
        if commit is not None:
            commit.postings.clear()

    def is_current(self) -> bool:
        """False once a newer generation has been published (a full rebuild swapped in)."""
        try:
            return self.dir.current_generation() == self.generation
        except IndexCorrupt:
            return False

    # -- records ------------------------------------------------------------------------
    def _commit_of(self, s) -> Commit:
        """Records, the docnum -> report id map and caches of the commit `s` reads (per commit)."""
        gen = s.reader().generation()
        with self._lock:
            if self._commit is not None and self._commit.generation == gen:
                return self._commit
            try:
                blobs = {}
                report_docs = set()
                for docnum in s.document_numbers(kind="report"):
                    fields = s.stored_fields(docnum)
                    blobs[fields["report_id"]] = fields["blob"]
                    report_docs.add(docnum)
                records = Records(blobs)
                for rid in islice(records, 1):
                    records[rid]  # a damaged record shows up here, not in a search
                reader = s.reader()
                if reader.doc_count_all() == 0:  # an empty index has no column at all
                    report_of = ReportOf([], np.empty(0, dtype=np.int32))
                    page_of = np.empty(0, dtype=np.int32)
                else:
                    report_of = ReportOf.from_column(_column(reader, "report_id", ""))
                    page_of = np.fromiter(_column(reader, "page", 0), dtype=np.int32,
                                          count=reader.doc_count_all())
            except Exception as exc:  # a damaged segment shows up as any exception type
                raise IndexCorrupt(f"index in {self.dir.path} cannot be read: "
                                   f"{type(exc).__name__}: {exc}",
                                   "rebuild with: reportsearch index --full") from exc
            self._commit = Commit(gen, records, report_of, page_of, frozenset(report_docs),
                                  PostingCache(gen))
            return self._commit

    def records(self) -> Records:
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
        s = self._searcher()
        yield Snapshot(s, self._commit_of(s))

    def _searcher(self) -> Searcher:
        """This thread's open Whoosh searcher, reopened only when a commit has landed.

        Opening one per search (segment files, term tables, columns) cost ~1 ms of a
        search page; Whoosh searchers must not be shared between threads (reads seek a
        shared file object), so each thread keeps its own.
        """
        s = getattr(self._local, "searcher", None)
        if s is not None:
            try:
                if s.up_to_date():
                    return s
            except Exception:  # a damaged or vanished TOC: reopen and report that instead
                pass
            self._local.searcher = None
            _close_quietly(s)
        try:
            s = self.ix.searcher()
        except Exception as exc:
            raise IndexCorrupt(f"index in {self.dir.path} cannot be read: {type(exc).__name__}: {exc}",
                               "rebuild with: reportsearch index --full") from exc
        self._local.searcher = s
        return s


def _column(reader, field: str, default) -> Iterator:
    """One value per document, segment by segment: a segment without any document that
    has the field (one holding only a re-pointed report record) has no column at all."""
    for segment, _offset in reader.leaf_readers():
        n = segment.doc_count_all()
        if segment.has_column(field):
            column = segment.column_reader(field)
            values = column.load() if hasattr(column, "load") else column  # numeric: one read
            yield from islice(values, n)
        else:
            yield from (default for _ in range(n))


def _close_quietly(s: Searcher) -> None:
    try:
        s.close()
    except Exception:  # closing a searcher on removed files can fail; nothing to keep
        pass


@contextmanager
def _evaluating() -> Iterator[None]:
    """Whoosh's matchers index past their end on some operator chains (found by fuzzing:
    `labor viet ANDNOT labor ANDNOT labor` raised IndexError): a bad query, not a 500."""
    try:
        yield
    except IndexError:
        raise QueryError("this combination of operators cannot be evaluated",
                         "rewrite it with fewer ANDNOT / NOT operators") from None


class ReportOf(Sequence[str]):
    """Docnum -> report id, as one small integer per document (a list of 80k id strings
    was ~5 MB of the server's memory)."""

    def __init__(self, names: list[str], codes: np.ndarray) -> None:
        self.names = names  # distinct report ids, in first-seen order
        self.codes = codes  # per docnum: index into `names`

    @classmethod
    def from_column(cls, column: Iterable[str]) -> ReportOf:
        index: dict[str, int] = {}
        codes = np.fromiter((index.setdefault(r, len(index)) for r in column), dtype=np.int32)
        return cls(list(index), codes)

    def __getitem__(self, docnum):  # type: ignore[override]
        return self.names[self.codes[docnum]]

    def __len__(self) -> int:
        return len(self.codes)


class Records(Mapping[str, dict]):
    """Report records by id, kept compressed and decoded when asked for.

    A search page reads a dozen of them; holding every decoded record made the server's
    memory grow with the collection (~8.5 kB a report). Decoded records are shared:
    callers must not modify them.
    """

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs
        self._decoded = lru_cache(maxsize=256)(self._decode)

    def _decode(self, report_id: str) -> dict:
        return decode_record(self._blobs[report_id])

    def __getitem__(self, report_id: str) -> dict:
        if report_id not in self._blobs:
            raise KeyError(report_id)
        return self._decoded(report_id)

    def __contains__(self, report_id: object) -> bool:
        return report_id in self._blobs

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def decoded(self) -> Iterator[tuple[str, dict]]:
        """Every record, decoded without filling the cache (building tables, status)."""
        for report_id, blob in self._blobs.items():
            yield report_id, decode_record(blob)

    def __len__(self) -> int:
        return len(self._blobs)


@dataclass
class Commit:
    """What is cached for one commit: records, docnum maps, postings and derived tables."""

    generation: int
    records: Records
    report_of: ReportOf
    page_of: np.ndarray
    report_docs: frozenset[int]
    postings: PostingCache
    derived: dict[str, object] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Snapshot:
    """Matching, scoring and text access over one open Whoosh searcher."""

    def __init__(self, searcher: Searcher, commit: Commit) -> None:
        self.searcher = searcher
        self.commit = commit
        self.records = commit.records
        self.report_of = commit.report_of
        self.report_docs = commit.report_docs

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """A value computed once per commit (e.g. the reports table), shared by threads."""
        c = self.commit
        with c.lock:
            if key not in c.derived:
                c.derived[key] = build()
            return c.derived[key]  # type: ignore[return-value]

    def evaluate(self, q: wq.Query, *, within: np.ndarray | None = None,
                 time_limit: float = 3.0) -> Hits:
        """Every document matching `q` with its score, as arrays (fastpath.py)."""
        with _EVALUATIONS:
            ev = Evaluator(self.searcher, self.commit.postings, time.monotonic() + time_limit)
            with _evaluating():
                return ev.run(q, within)

    def best_pages(self, hits: Hits, limit: int) -> list[PageRef]:
        """The `limit` best-scoring pages among `hits` (ties: lower docnum first)."""
        ids, scores = hits.ids, hits.scores
        if self.report_docs:
            keep = ~np.isin(ids, np.fromiter(self.report_docs, dtype=np.int64))
            ids, scores = ids[keep], scores[keep]
        order = np.argsort(-scores, kind="stable")[:limit]  # ids ascend: ties keep the lower
        return [PageRef(self.report_of[d], self.page_number(d), s, d)
                for d, s in zip(ids[order].tolist(), scores[order].tolist(), strict=True)]

    def matching(self, q: wq.Query) -> dict[str, list[int]]:
        """Every page matching `q` as docnums grouped by report id (unscored: counts, facets)."""
        out: dict[str, list[int]] = {}
        report_of, report_docs = self.report_of, self.report_docs
        for docnum in self.evaluate(q).ids.tolist():
            if docnum not in report_docs:  # report records carry filter fields too
                out.setdefault(report_of[docnum], []).append(docnum)
        return out

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
        return int(self.commit.page_of[docnum])

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
