"""Integration tests for indexer.pipeline.index_corpus over small corpora built in tmp_path.

Each corpus holds a few of the shipped sample PDFs plus broken files generated here. The
extraction jobs a run starts are counted by wrapping `indexer.pipeline.extract_many`, so the
incremental shortcuts (unchanged, touched, renamed, failed before) are checked by what they
do NOT extract, not only by the summary counters.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pypdf
import pytest
from conftest import REAL_PDFS, SAMPLE_CORPUS

from indexer import pipeline
from indexer.errors import IndexCorrupt, UsageError
from indexer.extract import extract_pdf
from indexer.index.reader import IndexReader
from indexer.index.store import FAILURES, IndexDir
from indexer.models import Extraction, display_name
from indexer.pipeline import index_corpus, report_id_for
from indexer.search import Searcher
from indexer.status import index_status
from indexer.workers import extract_many as real_extract_many

WAGE = "wage-theft-factsheet-2024.pdf"  # 2 pages, title from the PDF info
PLAN = "regional-work-plan-2018.pdf"  # 3 pages
GUIDE = "frontline-responders-guidebook-2019.pdf"  # 5 pages
OTHER = "km-victim-protection-brief-2017.pdf"  # not in the tmp corpus: replacement content
SAMPLES = (WAGE, PLAN, GUIDE)


def sha_id(path: Path) -> str:
    return report_id_for(hashlib.sha256(path.read_bytes()).hexdigest())


def pdf_pages(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


def by_reason(summary) -> dict[str, str]:
    """Failures of a run as display name -> reason value."""
    return {display_name(f.path): f.reason.value for f in summary.failures}


def tree_state(path: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under `path` with size, mtime and hash: 'untouched' means equal states."""
    out = {}
    for p in sorted(path.rglob("*")):
        if p.is_file() and p.name != "write.lock":
            out[str(p.relative_to(path))] = (p.stat().st_size, p.stat().st_mtime_ns,
                                             hashlib.sha256(p.read_bytes()).hexdigest())
    return out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    c = tmp_path / "corpus"
    c.mkdir()
    for name in SAMPLES:
        shutil.copy(SAMPLE_CORPUS / name, c / name)
    return c


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def jobs(monkeypatch) -> list[str]:
    """Names of the files each run hands to extraction (cleared by the test as needed)."""
    seen: list[str] = []

    def counting(job_list, **kwargs):
        job_list = list(job_list)
        seen.extend(name for _path, name in job_list)
        return real_extract_many(job_list, **kwargs)

    monkeypatch.setattr(pipeline, "extract_many", counting)
    return seen


def run(corpus: Path, index: Path, **kwargs):
    kwargs.setdefault("workers", 1)
    return index_corpus(corpus, index, **kwargs)


# -- full index ---------------------------------------------------------------------------

def test_full_index_counts_reports_and_pages(corpus, index):
    expected_pages = sum(pdf_pages(corpus / n) for n in SAMPLES)
    s = run(corpus, index, workers=2)
    assert (s.files_seen, s.indexed, s.unchanged, s.failures) == (3, 3, 0, [])
    assert s.pages == expected_pages == 10
    st = index_status(index)
    assert st["reports"] == 3 and st["pages"] == expected_pages
    assert st["last_run"]["indexed"] == 3
    records = IndexReader(index).records()
    assert set(records) == {sha_id(corpus / n) for n in SAMPLES}
    for rid, rec in records.items():
        assert rec["file"]["sha256"].startswith(rid) and len(rid) == 16
        assert len(rec["pages"]) == pdf_pages(corpus / rec["file"]["path"])


def test_report_id_is_stable_across_rename(corpus, index, jobs):
    run(corpus, index)
    rid = sha_id(corpus / WAGE)
    (corpus / WAGE).rename(corpus / "renamed.pdf")
    jobs.clear()
    s = run(corpus, index)
    assert (s.renamed, s.indexed, s.removed, s.unchanged) == (1, 0, 0, 2)
    assert jobs == []  # re-pointed, not re-extracted
    rec = IndexReader(index).records()[rid]
    assert rec["file"]["path"] == "renamed.pdf"
    assert len(rec["pages"]) == 2
    with IndexReader(index).snapshot() as snap:
        assert sorted(snap.page_docnums(rid)) == [1, 2]  # the pages stay with the report


# -- incremental --------------------------------------------------------------------------

def test_second_run_extracts_nothing(corpus, index, jobs):
    run(corpus, index)
    assert sorted(jobs) == sorted(SAMPLES)
    jobs.clear()
    s = run(corpus, index)
    assert (s.unchanged, s.indexed, s.renamed, s.removed, s.pages) == (3, 0, 0, 0, 0)
    assert jobs == []


def test_touched_file_is_unchanged_without_extraction(corpus, index, jobs):
    run(corpus, index)
    st = (corpus / PLAN).stat()
    os.utime(corpus / PLAN, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    jobs.clear()
    s = run(corpus, index)
    assert (s.unchanged, s.indexed, s.renamed) == (3, 0, 0)
    assert jobs == []
    rec = IndexReader(index).records()[sha_id(corpus / PLAN)]
    assert rec["file"]["mtime_ns"] == (corpus / PLAN).stat().st_mtime_ns  # record rewritten
    jobs.clear()
    assert run(corpus, index).unchanged == 3 and jobs == []  # and now cheap again


def test_modified_content_is_reextracted_and_old_text_gone(corpus, index, jobs):
    run(corpus, index)
    old_id = sha_id(corpus / WAGE)
    assert Searcher(index).search("payslip").total == 1
    shutil.copy(SAMPLE_CORPUS / OTHER, corpus / WAGE)  # same name, other bytes
    jobs.clear()
    s = run(corpus, index)
    assert jobs == [WAGE]
    assert (s.indexed, s.removed, s.unchanged) == (1, 1, 2)
    records = IndexReader(index).records()
    assert old_id not in records
    assert records[sha_id(corpus / WAGE)]["file"]["path"] == WAGE
    assert Searcher(index).search("payslip").total == 0  # the old text left the index


def test_deleted_file_is_removed(corpus, index, jobs):
    run(corpus, index)
    rid = sha_id(corpus / GUIDE)
    (corpus / GUIDE).unlink()
    jobs.clear()
    s = run(corpus, index)
    assert (s.removed, s.unchanged, s.indexed) == (1, 2, 0) and jobs == []
    reader = IndexReader(index)
    assert rid not in reader.records()
    with reader.snapshot() as snap:
        assert snap.page_docnums(rid) == {}  # no orphan pages
    assert index_status(index)["pages"] == 5


def test_added_file_is_indexed(corpus, index, jobs):
    run(corpus, index)
    shutil.copy(SAMPLE_CORPUS / OTHER, corpus / "sub-added.pdf")
    jobs.clear()
    s = run(corpus, index)
    assert jobs == ["sub-added.pdf"]
    assert (s.indexed, s.unchanged) == (1, 3)
    assert sha_id(corpus / "sub-added.pdf") in IndexReader(index).records()


def test_metadata_csv_edit_reextracts_that_file_only(corpus, index, jobs):
    run(corpus, index)
    (corpus / "metadata.csv").write_text(f"file,title\n{PLAN},Curated Plan Title\n", "utf-8")
    jobs.clear()
    s = run(corpus, index)
    assert jobs == [PLAN] and (s.indexed, s.unchanged) == (1, 2)
    meta = IndexReader(index).records()[sha_id(corpus / PLAN)]["metadata"]
    assert meta["title"] == "Curated Plan Title" and meta["sources"]["title"] == "metadata.csv"
    (corpus / "metadata.csv").write_text(f"file,title\n{PLAN},Second Title\n", "utf-8")
    jobs.clear()
    run(corpus, index)
    assert jobs == [PLAN]
    assert Searcher(index).search("second title").results[0].metadata.title == "Second Title"
    jobs.clear()
    run(corpus, index)
    assert jobs == []  # an unchanged row is remembered


def test_duplicate_content_is_indexed_once(corpus, index):
    shutil.copy(corpus / WAGE, corpus / "zz-copy.pdf")
    s = run(corpus, index)
    assert s.indexed == 3
    assert by_reason(s) == {"zz-copy.pdf": "duplicate"}
    assert len(IndexReader(index).records()) == 3


# -- failures -----------------------------------------------------------------------------

def make_bad_files(corpus: Path, outside: Path) -> None:
    (corpus / "empty.pdf").write_bytes(b"")
    (corpus / "page.pdf").write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    data = (SAMPLE_CORPUS / PLAN).read_bytes()
    (corpus / "truncated.pdf").write_bytes(data[: len(data) // 3])
    writer = pypdf.PdfWriter(clone_from=SAMPLE_CORPUS / WAGE)
    writer.encrypt("secret")
    with open(corpus / "locked.pdf", "wb") as fh:
        writer.write(fh)
    outside.mkdir(exist_ok=True)
    shutil.copy(SAMPLE_CORPUS / OTHER, outside / "secret.pdf")
    (corpus / "link.pdf").symlink_to(outside / "secret.pdf")


EXPECTED_FAILURES = {"empty.pdf": "empty", "page.pdf": "not_pdf", "truncated.pdf": "corrupt",
                     "locked.pdf": "encrypted", "link.pdf": "symlink_outside"}


def test_broken_files_are_reported_by_name_and_reason(corpus, index, tmp_path, jobs, monkeypatch):
    make_bad_files(corpus, tmp_path / "outside")
    hashed: list[Path] = []
    real_sha = pipeline.sha256_file
    monkeypatch.setattr(pipeline, "sha256_file", lambda p: hashed.append(Path(p)) or real_sha(p))
    s = run(corpus, index)
    assert by_reason(s) == EXPECTED_FAILURES
    assert all(f.message for f in s.failures)
    assert s.indexed == 3 and s.files_seen == 8
    # the out-of-tree symlink is never opened: not hashed, not extracted
    assert "link.pdf" not in jobs and all(p.name != "link.pdf" for p in hashed)
    saved = {d["path"]: d["reason"] for d in json.loads((index / FAILURES).read_text())}
    assert saved == EXPECTED_FAILURES
    listed = {f["file"]: f["reason"] for f in index_status(index)["failures"]}
    assert listed == EXPECTED_FAILURES


def test_unchanged_failed_files_are_not_retried_unless_asked(corpus, index, tmp_path, jobs):
    make_bad_files(corpus, tmp_path / "outside")
    run(corpus, index)
    jobs.clear()
    s = run(corpus, index)
    assert jobs == []  # neither the good nor the broken files are extracted again
    assert by_reason(s) == EXPECTED_FAILURES  # but they are still reported
    assert {f["file"] for f in index_status(index)["failures"]} == set(EXPECTED_FAILURES)
    s = run(corpus, index, retry_failed=True)
    assert sorted(jobs) == sorted(n for n in EXPECTED_FAILURES if n != "link.pdf")
    assert by_reason(s) == EXPECTED_FAILURES
    # a failed file that changes is retried without being asked
    jobs.clear()
    shutil.copy(SAMPLE_CORPUS / OTHER, corpus / "empty.pdf")
    s = run(corpus, index)
    assert jobs == ["empty.pdf"] and s.indexed == 1
    assert "empty.pdf" not in by_reason(s)


def test_undecodable_file_name_is_indexed_and_shown_readably(corpus, index, jobs):
    raw = os.fsencode(corpus)
    shutil.copy(SAMPLE_CORPUS / OTHER, raw + b"/caf\xe9.pdf")
    (Path(os.fsdecode(raw + b"/bad\xff.pdf"))).write_bytes(b"")  # fails: failures.json must cope
    s = run(corpus, index)
    assert s.indexed == 4
    assert by_reason(s) == {"bad\ufffd.pdf": "empty"}
    rid = sha_id(Path(os.fsdecode(raw + b"/caf\xe9.pdf")))
    rec = IndexReader(index).records()[rid]
    assert os.fsencode(rec["file"]["path"]) == b"caf\xe9.pdf"  # the real name, to open it again
    st = index_status(index, with_reports=True)
    assert "caf\ufffd.pdf" in {r["file"] for r in st["reports_detail"]}
    assert st["failures"] == [{"file": "bad\ufffd.pdf", "reason": "empty",
                               "message": "the file is empty (0 bytes)"}]
    json.dumps(st, ensure_ascii=False).encode("utf-8")  # printable as UTF-8
    jobs.clear()
    s = run(corpus, index)
    assert (s.unchanged, s.indexed) == (4, 0) and jobs == []
    assert by_reason(s) == {"bad\ufffd.pdf": "empty"}


def slow_extractor(path: Path) -> Extraction:
    """Module-level (spawned workers import it): hangs on files named hang*, else real."""
    if path.name.startswith("hang"):
        time.sleep(60)
    return extract_pdf(path)


def test_hanging_file_times_out_and_the_rest_is_indexed(corpus, index, monkeypatch):
    shutil.copy(SAMPLE_CORPUS / OTHER, corpus / "hang.pdf")

    def with_slow_extractor(job_list, **kwargs):
        return real_extract_many(job_list, **{**kwargs, "extractor": slow_extractor})

    monkeypatch.setattr(pipeline, "extract_many", with_slow_extractor)
    t0 = time.monotonic()
    s = run(corpus, index, workers=2, file_timeout=2)
    assert time.monotonic() - t0 < 20
    assert by_reason(s) == {"hang.pdf": "timeout"}
    assert s.indexed == 3
    assert {r["file"]["path"] for r in IndexReader(index).records().values()} == set(SAMPLES)


# -- refusals and recovery ----------------------------------------------------------------

def test_missing_corpus_is_a_usage_error_and_index_untouched(corpus, index, tmp_path):
    run(corpus, index)
    before = tree_state(index)
    with pytest.raises(UsageError, match="does not exist"):
        run(tmp_path / "nope", index)
    assert tree_state(index) == before


def test_corpus_without_pdfs_does_not_empty_the_index(corpus, index):
    run(corpus, index)
    before = tree_state(index)
    for p in corpus.glob("*.pdf"):
        p.unlink()
    for full in (False, True):
        with pytest.raises(UsageError, match="holds no PDFs"):
            run(corpus, index, full=full)
        assert tree_state(index) == before  # not even a stray new generation
    assert len(IndexReader(index).records()) == 3


def test_schema_version_change_rebuilds(corpus, index):
    run(corpus, index)
    gen = IndexDir(index).current_generation()
    (index / gen / "SCHEMA_VERSION").write_text("999\n")
    with pytest.raises(IndexCorrupt, match="schema version"):
        IndexReader(index)
    s = run(corpus, index)
    assert s.full is True and s.indexed == 3
    assert IndexDir(index).current_generation() != gen
    assert Searcher(index).search("payslip").total == 1


@pytest.mark.parametrize("damage", ["garble_segment", "garble_toc"])  # truncation: CLI test
def test_damaged_index_is_reported_and_full_rebuild_recovers(corpus, index, damage):
    run(corpus, index)
    gen = index / IndexDir(index).current_generation()
    for f in gen.iterdir():
        data = f.read_bytes()
        if damage == "truncate_segment" and f.suffix == ".seg":
            f.write_bytes(data[: len(data) // 3])
        elif damage == "garble_segment" and f.suffix == ".seg":
            f.write_bytes(bytes((b * 31 + 7) & 255 if i % 7 == 0 else b for i, b in enumerate(data)))
        elif damage == "garble_toc" and f.suffix == ".toc":
            f.write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt):
        index_status(index)
    with pytest.raises(IndexCorrupt):
        run(corpus, index)  # incremental cannot trust it: refuses with a hint
    s = run(corpus, index, full=True)
    assert s.indexed == 3
    assert index_status(index)["reports"] == 3


# -- real third-party PDFs ---------------------------------------------------------------

@pytest.mark.skipif(not REAL_PDFS, reason="set REPORTSEARCH_REAL_PDFS to a folder of real PDFs")
def test_real_pdfs_are_indexed_or_explained(tmp_path):
    real = Path(REAL_PDFS)
    s = index_corpus(real, tmp_path / "index", workers=2)
    print(json.dumps({**s.to_json(), "failures": [
        {"file": display_name(f.path), "reason": f.reason.value, "message": f.message}
        for f in s.failures]}, indent=1))
    records = IndexReader(tmp_path / "index").records()
    indexed = {rec["file"]["path"] for rec in records.values()}
    failed = {f.path: f.reason.value for f in s.failures}
    for pdf in sorted(real.rglob("*.pdf")):
        rel = pdf.relative_to(real).as_posix()
        assert rel in indexed or rel in failed, f"{rel} neither indexed nor reported"
    expect = {"robust_libreoffice-writer-password.pdf": "encrypted",
              "robust_unreadablemetadata.pdf": "corrupt",
              "robust_imagemagick-CCITTFaxDecode.pdf": "no_text"}
    for name, reason in expect.items():
        if (real / name).exists():
            assert failed.get(name) == reason, (name, failed.get(name))
    checked = 0
    for rec in records.values():
        try:
            reader = pypdf.PdfReader(real / rec["file"]["path"])
            labels = list(reader.page_labels)
        except Exception:  # noqa: BLE001 - pypdf cannot label it: nothing to compare
            continue
        if labels != [str(i + 1) for i in range(len(labels))]:
            stored = [p[1] for p in rec["pages"]]
            assert stored == labels[: len(stored)], rec["file"]["path"]
            checked += 1
    print(f"page labels checked on {checked} real PDFs with non-trivial labels")


def test_new_copy_sorting_first_does_not_take_over_a_report(tmp_path):
    """b.pdf is indexed; a copy a.pdf appears: a.pdf is the duplicate, b.pdf keeps its report."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    src = sorted(SAMPLE_CORPUS.glob("*.pdf"))[0]
    shutil.copy(src, corpus / "b.pdf")
    index = tmp_path / "index"
    index_corpus(corpus, index, workers=1)
    shutil.copy(src, corpus / "a.pdf")
    summary = index_corpus(corpus, index, workers=1)
    assert summary.indexed == 0 and summary.unchanged == 1
    assert [(f.path, f.reason.value) for f in summary.failures] == [("a.pdf", "duplicate")]
    records = IndexReader(index).records()
    assert [r["file"]["path"] for r in records.values()] == ["b.pdf"]


def test_page_languages_are_detected_for_indexed_pages(sample_index):
    """Workers run pypdf only; the indexing process detects each page's language."""
    from indexer.index.reader import IndexReader

    reader = IndexReader(sample_index)
    by_file = {rec["file"]["path"]: rec for rec in reader.records().values()}
    page_langs = {name: [tuple(p[3]) for p in rec["pages"]] for name, rec in by_file.items()}
    assert ("th",) in page_langs["th-fishing-forced-labour-guide-2020.pdf"]
    assert ("km",) in page_langs["km-victim-protection-brief-2017.pdf"]
    assert all(langs[:1] == ("en",) for langs in page_langs["wage-theft-factsheet-2024.pdf"] if langs)
    assert any(langs for langs in page_langs["wage-theft-factsheet-2024.pdf"])
    mixed = page_langs["en-th-scam-compound-survivors-2025.pdf"]
    assert any("th" in langs and "en" in langs for langs in mixed)
