"""The one data model of Report Search: frozen dataclasses, no I/O.

Extraction produces `Extraction`s, the pipeline turns them into `Report`s with their
`Page`s and `Metadata`, the index stores them, search returns `SearchResults` made of
`ReportHit`s and `PageHit`s. Nobody passes raw Whoosh hits or loose dicts across module
boundaries; the CLI, the web app and the citation code consume these types.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum


def display_name(path: str) -> str:
    """A printable form of a corpus path that may hold undecodable bytes (surrogate-escaped
    so the file can still be opened): U+FFFD where a byte is not UTF-8."""
    return os.fsencode(path).decode("utf-8", "replace")


class Quality(StrEnum):
    """How far the text of one page can be trusted for search."""

    OK = "ok"
    NO_TEXT = "no_text"  # image only: needs OCR
    GARBLED = "garbled"  # mostly replacement / private-use / control characters


class FailureReason(StrEnum):
    """Why a file could not be indexed. Values are a public contract (CLI, JSON, status)."""

    NOT_PDF = "not_pdf"
    EMPTY = "empty"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    NO_TEXT = "no_text"
    TOO_LARGE = "too_large"
    SYMLINK_OUTSIDE = "symlink_outside"
    UNREADABLE = "unreadable"
    CRASHED = "crashed"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Page:
    """One physical page. `number` is 1-based; `label` is the printed page label."""

    number: int
    label: str
    text: str
    languages: tuple[str, ...] = ()
    quality: Quality = Quality.OK
    extractor: str = "pypdf"


@dataclass(frozen=True)
class Extraction:
    """What a worker process returns for one PDF: pages plus raw document info."""

    pages: tuple[Page, ...]
    info: dict[str, str] = field(default_factory=dict)  # title, author, subject, keywords, creation_date
    warnings: int = 0


@dataclass(frozen=True)
class Failure:
    """A file that could not be indexed, by name, with a reason class and a message."""

    path: str
    reason: FailureReason
    message: str


@dataclass(frozen=True)
class Metadata:
    """A report's descriptive fields; `sources` maps each field name to where it came from.

    Sources are one of: "metadata.csv", "pdf", "text", "filename", "default".
    """

    title: str
    publisher: str = ""
    year: int | None = None
    doc_type: str = "report"
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    summary: str = ""
    sources: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FileState:
    """What the index remembers about a file to decide whether it changed."""

    path: str  # relative to the corpus, POSIX separators
    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class Report:
    """One indexed PDF. `id` is a prefix of the content hash, so it survives renames."""

    id: str
    file: FileState
    metadata: Metadata
    pages: tuple[Page, ...]

    @property
    def path(self) -> str:
        """The path as stored: reopens the file, may hold surrogate escapes."""
        return self.file.path

    @property
    def display_path(self) -> str:
        """The path for people and for JSON/HTML output."""
        return display_name(self.file.path)


@dataclass(frozen=True)
class PageHit:
    """A matching page of a report, with a highlighted, HTML-safe snippet."""

    page: int
    label: str
    snippet: str  # HTML: text escaped first, then <mark> added
    score: float = 0.0
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportHit:
    """A report in a result list with its best pages."""

    report_id: str
    file: str
    metadata: Metadata
    score: float
    matching_pages: int
    pages: tuple[PageHit, ...]


@dataclass(frozen=True)
class SearchResults:
    """One page of results: total count, facet counts, suggestion and notices."""

    query: str
    total: int
    page: int
    per_page: int
    results: tuple[ReportHit, ...]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None
    notice: str | None = None  # e.g. the any-word fallback explanation
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    # Opt-in glossary expansion: query term -> {language: equivalent terms searched too}.
    expansions: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote comes from: one or two pages (a quote spanning a page break)."""

    report_id: str
    file: str
    title: str
    pages: tuple[int, ...]
    labels: tuple[str, ...]
    exact: bool
    similarity: float
    passage: str  # plain text of the matched passage
    metadata: Metadata
