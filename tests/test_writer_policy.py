"""The index writer's commit policy (`ReportWriter.commit_due`) and the fresh-generation
shortcut: a full rebuild commits at set shares of the run and at the end, a live generation
in batches."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import make_report

from indexer.index.reader import IndexReader
from indexer.index.store import IndexDir
from indexer.index.writer import ReportWriter


def _toc_count(gen_dir: Path) -> int:
    return len(list(gen_dir.glob("_MAIN_*.toc")))


def _segments(gen_dir: Path) -> int:
    return len(list(gen_dir.glob("*.seg")))


def test_fresh_generation_commits_at_half_three_quarters_nine_tenths_and_the_end(
        tmp_path: Path) -> None:
    index_dir = IndexDir(tmp_path)
    gen = index_dir.new_generation()
    writer = ReportWriter(index_dir, gen, fresh=True)
    due = []
    for i in range(20):
        writer.add(make_report(f"r{i}.pdf", [f"page of report {i}"]))
        due.append(writer.commit_due((i + 1) / 20, batch_reports=1))
        if due[-1]:
            writer.commit()
    writer.commit()
    # batch_reports does not apply; shares 10/20, 15/20 and 18/20 commit
    assert [i + 1 for i, d in enumerate(due) if d] == [10, 15, 18]
    assert _segments(tmp_path / gen) == 4  # no merging: each commit wrote only its share
    index_dir.publish(gen)
    with IndexReader(tmp_path).snapshot() as snap:
        assert len(snap.records) == 20


def test_live_generation_commits_in_batches(tmp_path: Path) -> None:
    index_dir = IndexDir(tmp_path)
    gen = index_dir.new_generation()
    writer = ReportWriter(index_dir, gen)
    due = []
    for i in range(6):
        writer.add(make_report(f"r{i}.pdf", [f"page {i}"]))
        due.append(writer.commit_due(0.0, batch_reports=2))
        if due[-1]:
            writer.commit()
    assert due == [False, True] * 3


def test_readding_a_report_in_a_fresh_generation_replaces_it(tmp_path: Path) -> None:
    """The delete-before-add is skipped only for ids this writer has not added yet."""
    index_dir = IndexDir(tmp_path)
    gen = index_dir.new_generation()
    writer = ReportWriter(index_dir, gen, fresh=True)
    first = make_report("same.pdf", ["first version", "two"])
    writer.add(first)
    writer.add(replace(make_report("same.pdf", ["second version"]), id=first.id))
    writer.commit()
    index_dir.publish(gen)
    with IndexReader(tmp_path).snapshot() as snap:
        [(rid, rec)] = snap.records.items()
        assert rid == first.id and len(rec["pages"]) == 1
        assert len(snap.page_docnums(rid)) == 1
