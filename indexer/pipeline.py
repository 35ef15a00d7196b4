"""Corpus -> workers -> metadata -> index: one indexing run, incremental by content hash.

A file whose size and mtime are unchanged costs a stat. A touched file costs a hash and a
record rewrite, a renamed file is re-pointed, and only new or changed content is
extracted. Reports are committed in batches; a crash leaves the last commit intact and
the next run converges. A full rebuild writes a new generation and swaps it in at the end,
so searches keep working on the old one meanwhile.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .errors import IndexCorrupt, UsageError
from .index.records import no_text_notices
from .index.schema import SCHEMA_VERSION
from .index.store import FAILURES, RUNS, IndexDir
from .index.writer import BATCH_REPORTS, ReportWriter
from .lang import with_page_languages
from .metadata import derive_metadata, load_overrides
from .models import Extraction, Failure, FailureReason, Report, display_name
from .scan import Candidate, file_state, scan_corpus, sha256_file
from .workers import extract_many

# Workers run pypdf only; page languages are detected here, in the indexing process, which
# otherwise waits for a single worker (extract.extract_pdf_text).
TEXT_EXTRACTOR = "indexer.extract:extract_pdf_text"

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, file name)


@dataclass
class RunSummary:
    """What one indexing run did; printed by the CLI and kept in runs.json."""

    corpus: str
    started: str
    full: bool
    generation: str = ""
    seconds: float = 0.0
    files_seen: int = 0
    indexed: int = 0
    unchanged: int = 0
    renamed: int = 0
    removed: int = 0
    pages: int = 0
    failures: list[Failure] = field(default_factory=list)

    def failed_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.failures:
            counts[f.reason.value] = counts.get(f.reason.value, 0) + 1
        return dict(sorted(counts.items()))

    def to_json(self) -> dict:
        return {
            "corpus": self.corpus, "started": self.started, "full": self.full,
            "generation": self.generation, "seconds": round(self.seconds, 3),
            "files_seen": self.files_seen, "indexed": self.indexed,
            "unchanged": self.unchanged, "renamed": self.renamed, "removed": self.removed,
            "pages": self.pages, "failed": self.failed_by_reason(),
        }


def report_id_for(sha256: str) -> str:
    """Stable id from content: links and citations survive re-indexing and renames."""
    return sha256[:16]


def failure_to_json(f: Failure, c: Candidate | None = None) -> dict:
    out = {"path": display_name(f.path), "raw_path": f.path, "reason": f.reason.value,
           "message": f.message}
    if c is not None:
        out.update(size=c.size, mtime_ns=c.mtime_ns)
    return out


def failure_from_json(d: dict) -> Failure:
    return Failure(d.get("raw_path", d["path"]), FailureReason(d["reason"]), d["message"])


def index_corpus(
    corpus: Path,
    index_path: Path,
    *,
    full: bool = False,
    workers: int | None = None,
    file_timeout: float = 120.0,
    retry_failed: bool = False,
    batch_size: int = BATCH_REPORTS,
    progress: Progress | None = None,
) -> RunSummary:
    """Bring the index in `index_path` up to date with the PDFs in `corpus`."""
    t0 = time.monotonic()
    index_dir = IndexDir(index_path)
    summary = RunSummary(corpus=str(corpus), full=full,
                         started=datetime.now(UTC).isoformat(timespec="seconds"))
    candidates, refused = scan_corpus(corpus)
    overrides = load_overrides(corpus)
    with index_dir.write_lock():
        current = _current_generation(index_dir, full)
        if current is not None and index_dir.schema_version(current) != SCHEMA_VERSION:
            log.warning("index schema changed: rebuilding from scratch")
            full = summary.full = True
        rebuild = full or current is None
        old = _old_manifest(index_dir, current, rebuild)
        if not candidates and old:
            raise UsageError(
                f"corpus folder {corpus} holds no PDFs, but the index has {len(old)} reports",
                "refusing to empty the index; check --corpus",
            )
        generation = index_dir.new_generation() if rebuild else current
        assert generation is not None
        writer = ReportWriter(index_dir, generation, fresh=rebuild)
        records = {} if rebuild else dict(old)
        try:
            _run(summary, candidates, refused, overrides, index_dir, writer, old, records,
                 rebuild=rebuild, retry_failed=retry_failed, workers=workers,
                 file_timeout=file_timeout, batch_size=batch_size, progress=progress)
            writer.commit()  # no optimize: merging everything cost ~27% of a full run
        except BaseException:
            writer.cancel()
            raise
        if rebuild:
            index_dir.publish(generation)
        index_dir.remove_stale_generations(keep={generation})
        summary.generation = generation
        summary.failures.extend(no_text_notices(records.values()))
        summary.seconds = time.monotonic() - t0
        runs = index_dir.read_json(RUNS, [])
        index_dir.write_json(RUNS, ([*runs, summary.to_json()])[-20:])
    return summary


def _current_generation(index_dir: IndexDir, full: bool) -> str | None:
    """The live generation; a full rebuild also recovers from a CURRENT naming a lost one."""
    try:
        return index_dir.current_generation()
    except IndexCorrupt:
        if not full:
            raise
        log.warning("%s/CURRENT is damaged: rebuilding from scratch", index_dir.path)
        return None


def _old_manifest(index_dir: IndexDir, current: str | None, rebuild: bool) -> dict[str, dict]:
    """Records of the live generation; a rebuild only needs them as a guard, so a damaged
    index does not stop the rebuild that repairs it."""
    if current is None:
        return {}
    try:
        return ReportWriter(index_dir, current).manifest()
    except IndexCorrupt:
        if not rebuild:
            raise
        log.warning("the index in %s cannot be read: rebuilding from scratch", index_dir.path)
        return {}


def _run(summary: RunSummary, candidates: list[Candidate], refused: list[Failure],
         overrides: dict[str, dict[str, str]], index_dir: IndexDir, writer: ReportWriter,
         old: dict[str, dict], records: dict[str, dict], *, rebuild: bool,
         retry_failed: bool, workers: int | None, file_timeout: float, batch_size: int,
         progress: Progress | None) -> None:
    summary.files_seen = len(candidates) + len(refused)
    failures: list[dict] = [failure_to_json(f) for f in refused]
    old_failures = {d.get("raw_path", d["path"]): d for d in index_dir.read_json(FAILURES, [])}
    by_path = {rec["file"]["path"]: rid for rid, rec in old.items()}
    present = {c.rel for c in candidates}
    to_extract: list[tuple[Candidate, str]] = []
    claimed: dict[str, str] = {}  # report id -> path that holds it in this run

    def unchanged(c: Candidate) -> str | None:
        rid = by_path.get(c.rel)
        rec = old.get(rid) if rid else None
        if not rebuild and rec and rec["file"]["size"] == c.size \
                and rec["file"]["mtime_ns"] == c.mtime_ns and rec.get("overrides") == overrides.get(c.rel):
            return rid
        return None

    # Unchanged files keep their reports first, so a new copy of an indexed file that sorts
    # before it is reported as a duplicate instead of taking the report over.
    kept = {c.rel: rid for c in candidates if (rid := unchanged(c))}
    claimed.update({rid: rel for rel, rid in kept.items()})
    summary.unchanged += len(kept)
    for c in candidates:
        if c.rel in kept:
            continue
        prev = old_failures.get(c.rel)
        if not rebuild and not retry_failed and prev and prev.get("size") == c.size \
                and prev.get("mtime_ns") == c.mtime_ns:
            failures.append(prev)  # unchanged broken file: not retried
            continue
        try:
            sha = sha256_file(c.abspath)
        except OSError as exc:
            failures.append(failure_to_json(
                Failure(c.rel, FailureReason.UNREADABLE, exc.strerror or str(exc)), c))
            continue
        rid = report_id_for(sha)
        if rid in claimed:
            failures.append(failure_to_json(Failure(
                c.rel, FailureReason.DUPLICATE,
                f"same content as {display_name(claimed[rid])}; read once, under that name"), c))
            continue
        claimed[rid] = c.rel
        rec = old.get(rid)
        if not rebuild and rec and rec.get("overrides") == overrides.get(c.rel) and (
                rec["file"]["path"] == c.rel or rec["file"]["path"] not in present):
            if rec["file"]["path"] == c.rel:
                summary.unchanged += 1  # touched: same bytes, new mtime
            else:
                summary.renamed += 1
            records[rid] = writer.repoint(rec, file_state(c, sha))
            continue
        to_extract.append((c, sha))

    # Reports whose file is gone (and not re-pointed above) are removed.
    for rid in old:
        if not rebuild and rid not in claimed:
            writer.delete(rid)
            records.pop(rid, None)
            summary.removed += 1

    by_rel = {c.rel: (c, sha) for c, sha in to_extract}
    done = 0
    results = extract_many([(c.abspath, c.rel) for c, _ in to_extract],
                           workers=workers, file_timeout=file_timeout,
                           extractor=TEXT_EXTRACTOR)
    for rel, result in results:
        c, sha = by_rel[rel]
        done += 1
        if isinstance(result, Failure):
            failures.append(failure_to_json(result, c))
        else:
            report = _make_report(c, sha, result, overrides.get(c.rel))
            records[report.id] = writer.add(report, overrides=overrides.get(c.rel))
            summary.indexed += 1
            summary.pages += len(report.pages)
        if writer.commit_due(done / len(to_extract), batch_size):
            writer.commit()
        if progress:
            progress(done, len(to_extract), display_name(rel))
    summary.failures = [failure_from_json(d) for d in failures]
    index_dir.write_json(FAILURES, failures)


def _make_report(c: Candidate, sha: str, extraction: Extraction,
                 overrides: dict[str, str] | None) -> Report:
    extraction = replace(extraction, pages=with_page_languages(extraction.pages))
    metadata = derive_metadata(extraction, c.rel, overrides)
    return Report(id=report_id_for(sha), file=file_state(c, sha), metadata=metadata,
                  pages=extraction.pages)

