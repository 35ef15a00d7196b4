"""Shared fixtures: small indexes built from synthetic reports, without PDFs.

`build_index(path, reports)` writes reports straight through the index writer, so search,
citation and web tests do not depend on PDF extraction; the sample-corpus index fixture
covers the whole pipeline.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from indexer.index.store import IndexDir
from indexer.index.writer import ReportWriter
from indexer.models import FileState, Metadata, Page, Quality, Report

PROJECT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = PROJECT / "corpus"
REAL_PDFS = os.environ.get("REPORTSEARCH_REAL_PDFS")


def make_report(path: str, pages: list[str], *, title: str = "A report", year: int | None = 2020,
                publisher: str = "Sample Network", doc_type: str = "report",
                countries: tuple[str, ...] = ("Thailand",), themes: tuple[str, ...] = ("forced labour",),
                languages: tuple[str, ...] = ("en",), labels: list[str] | None = None,
                summary: str = "", page_languages: tuple[str, ...] | None = None) -> Report:
    sha = hashlib.sha256(("\n".join(pages) + path + title).encode("utf-8", "surrogateescape")).hexdigest()
    return Report(
        id=sha[:16],
        file=FileState(path=path, size=1000, mtime_ns=1, sha256=sha),
        metadata=Metadata(title=title, publisher=publisher, year=year, doc_type=doc_type,
                          countries=countries, themes=themes, languages=languages,
                          summary=summary, sources={"title": "metadata.csv"}),
        pages=tuple(
            Page(number=i + 1, label=(labels[i] if labels else str(i + 1)), text=text,
                 languages=page_languages if page_languages is not None else languages,
                 quality=Quality.OK if text.strip() else Quality.NO_TEXT)
            for i, text in enumerate(pages)
        ),
    )


def build_index(path: Path, reports: list[Report]) -> Path:
    index_dir = IndexDir(path)
    gen = index_dir.new_generation()
    writer = ReportWriter(index_dir, gen)
    for r in reports:
        writer.add(r)
    writer.commit()
    index_dir.publish(gen)
    return path


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    """An index of the shipped sample corpus, built once per test session."""
    from indexer.pipeline import index_corpus

    path = tmp_path_factory.mktemp("sample-index")
    index_corpus(SAMPLE_CORPUS, path, workers=2)
    return path


@pytest.fixture(scope="session")
def real_index(tmp_path_factory) -> Path:
    """An index of the real third-party PDFs ($REPORTSEARCH_REAL_PDFS), built once."""
    if not REAL_PDFS:
        pytest.skip("set REPORTSEARCH_REAL_PDFS to the shared folder of real PDFs")
    from indexer.pipeline import index_corpus

    path = tmp_path_factory.mktemp("real-index")
    index_corpus(Path(REAL_PDFS), path, workers=2)
    return path
