"""Writing reports into a generation: batched, durable commits.

Only the indexing run (holding `IndexDir.write_lock`) uses this. Each commit is fsynced
before the caller reports progress, so what a progress line says is committed survives a
kill -9 or a power cut.

A writer on a generation created empty by this run (`fresh`, a full rebuild) skips the
delete-before-add: nothing can be there yet except what it added itself, and the delete
opened a searcher over every segment. Re-adding a report not yet committed commits first,
because Whoosh's delete does not see uncommitted documents (the old copy's pages stayed).
`commit_due` is the one commit policy, shared by the pipeline and the benchmark loader
(docs/DECISIONS.md, "Indexing memory").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import asdict

from whoosh.index import FileIndex
from whoosh.query import Term
from whoosh.writing import IndexWriter

from ..errors import IndexCorrupt, IndexWriteError
from ..models import FileState, Quality, Report
from .records import decode_record, encode_record, encode_text, report_to_record
from .store import IndexDir, fsync_tree

log = logging.getLogger(__name__)


def _keywords(values: Iterable[str]) -> str:
    return ",".join(v.replace(",", " ").lower() for v in values if v)


# Whoosh's in-memory posting buffer before it spills a sorted run to disk. Its estimate
# undercounts Python objects (~1.3x in RSS), so this is most of the writer's peak memory.
LIMIT_MB = 128
# Commit policy for a live generation (incremental runs): every BATCH_REPORTS reports or
# BATCH_SECONDS, so a kill loses at most that much work.
BATCH_REPORTS = 25
BATCH_SECONDS = 30.0
# A fresh generation (full rebuild) commits when these shares of the run are done, and at
# the end; without merging, so each commit only writes what was added since the last one.
FRESH_COMMIT_SHARES = (0.5, 0.75, 0.9)


class ReportWriter:
    """Add, replace, re-point and delete reports in one generation; commit in batches."""

    def __init__(self, index_dir: IndexDir, generation: str, *, fresh: bool = False) -> None:
        self._dir = index_dir
        self.generation = generation
        self._ix: FileIndex = index_dir.open_for_writing(generation)
        self._writer: IndexWriter | None = None
        self.pending = 0
        self.fresh = fresh
        self._added: set[str] = set()  # report ids added by this writer
        self._uncommitted: set[str] = set()  # ... and not committed yet
        self._last_commit = time.monotonic()
        self._shares_done = 0  # FRESH_COMMIT_SHARES already committed at

    def commit_due(self, done_share: float, batch_reports: int = BATCH_REPORTS,
                   batch_seconds: float = BATCH_SECONDS) -> bool:
        """Is it time to commit, with `done_share` (0..1) of the run's work done?

        A fresh generation is published only when the run ends, so an intermediate commit
        protects nothing; it only cut Whoosh segments that later merges read back and
        rewrote in Python (a 14-segment merge took 45 s at 3,500 synthetic pages) and that
        made the writer's memory grow with the index. So a fresh generation commits at
        half, three quarters and nine tenths of the run, without merging, and at the end.
        Those commits run while the workers extract the rest, so what is left to write
        after the last file (the time nobody extracts) is a tenth of the postings; four
        segments, memory bounded by LIMIT_MB.
        """
        if not self.pending:
            return False
        if self.fresh:
            due = sum(1 for share in FRESH_COMMIT_SHARES if done_share >= share)
            if due <= self._shares_done:
                return False
            self._shares_done = due
            return True
        return (self.pending >= batch_reports
                or time.monotonic() - self._last_commit > batch_seconds)

    def manifest(self) -> dict[str, dict]:
        """Report records by id, read from the last commit (the incremental run's memory)."""
        records: dict[str, dict] = {}
        try:
            with self._ix.searcher() as s:
                for docnum in s.document_numbers(kind="report"):
                    fields = s.stored_fields(docnum)
                    records[fields["report_id"]] = decode_record(fields["blob"])
        except Exception as exc:  # a damaged segment shows up as any exception type
            raise IndexCorrupt(
                f"index in {self._dir.path / self.generation} cannot be read: "
                f"{type(exc).__name__}: {exc}",
                "rebuild with: reportsearch index --full",
            ) from exc
        return records

    def _w(self) -> IndexWriter:
        if self._writer is None:
            try:
                self._writer = self._ix.writer(limitmb=LIMIT_MB, procs=1)
            except OSError as exc:
                raise IndexWriteError(f"cannot write index: {exc.strerror or exc}") from exc
        return self._writer

    def add(self, report: Report, overrides: dict[str, str] | None = None) -> dict:
        """Add or replace a report with all its pages; returns its stored record.

        `overrides` (its metadata.csv row) is kept in the record so an edited row is
        noticed by the next run.
        """
        if report.id in self._uncommitted:
            self.commit()  # Whoosh's delete only sees committed documents
        w = self._w()
        if not self.fresh or report.id in self._added:
            w.delete_by_term("report_id", report.id)
        self._added.add(report.id)
        self._uncommitted.add(report.id)
        meta = report.metadata
        common = {
            "report_id": report.id,
            "country": _keywords(meta.countries),
            "theme": _keywords(meta.themes),
            "language": _keywords(meta.languages),
            "type": _keywords([meta.doc_type]),
        }
        if meta.year is not None:
            common["year"] = meta.year
        record = dict(report_to_record(report), overrides=overrides)
        w.add_document(kind="report", doc_key=report.id, blob=encode_record(record), **common)
        for page in report.pages:
            english = not page.languages or "en" in page.languages
            doc = dict(
                common,
                kind="page",
                doc_key=f"{report.id}:{page.number}",
                page=page.number,
                text=page.text,
                title=meta.title,
                summary=meta.summary,
                publisher=meta.publisher,
                page_language=_keywords(page.languages),
                blob=encode_text(page.text),
            )
            if english and page.quality is not Quality.NO_TEXT:
                doc["stem"] = page.text
            if page.text:
                doc["pairs"] = page.text
            w.add_document(**doc)
        self.pending += 1
        return record

    def repoint(self, record: dict, file: FileState) -> dict:
        """A renamed or touched file: rewrite only the report record, no re-extraction."""
        record = dict(record, file=asdict(file))
        w = self._w()
        w.delete_by_query(Term("doc_key", record["id"]))
        meta = record["metadata"]
        doc = {
            "kind": "report",
            "doc_key": record["id"],
            "report_id": record["id"],
            "country": _keywords(meta.get("countries", ())),
            "theme": _keywords(meta.get("themes", ())),
            "language": _keywords(meta.get("languages", ())),
            "type": _keywords([meta.get("doc_type", "")]),
            "blob": encode_record(record),
        }
        if meta.get("year") is not None:
            doc["year"] = meta["year"]
        w.add_document(**doc)
        self.pending += 1
        return record

    def delete(self, report_id: str) -> None:
        self._w().delete_by_term("report_id", report_id)
        self.pending += 1

    def commit(self, optimize: bool = False) -> None:
        """Commit and fsync; a no-op when nothing is pending."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        try:
            writer.commit(optimize=optimize, merge=not self.fresh)
            fsync_tree(self._dir.path / self.generation)
        except OSError as exc:
            raise IndexWriteError(
                f"writing the index failed: {exc.strerror or exc}",
                "free disk space or fix permissions; the last committed index is intact",
            ) from exc
        self.pending = 0
        self._uncommitted.clear()
        self._last_commit = time.monotonic()

    def cancel(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            try:
                writer.cancel()
            except Exception:  # cancelling must never mask the original error
                log.exception("cancelling the index writer failed")
        self.pending = 0
        self._uncommitted.clear()
